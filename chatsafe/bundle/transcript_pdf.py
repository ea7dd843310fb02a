"""``transcript.pdf``: the conversation as a person reads it, as PDF/A-2u.

Built in memory with fpdf2. The fonts (chatsafe/bundle/pdf_fonts.py) are embedded as
subsets, as PDF/A requires, and every glyph maps back to its Unicode text. Latin,
Greek and Cyrillic are drawn with DejaVu Sans; emoji, Chinese and Japanese with
fallback fonts; Hebrew and Arabic are shaped with HarfBuzz and ordered right to left
by fpdf2. A character no shipped font has a glyph for is printed as a readable code
such as ``[U+1FAE0]`` rather than silently dropped, so the printed record never loses
a character.
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Callable, Iterable
from datetime import datetime
from typing import Any

from chatsafe.bundle.payload import LeavingConversation, Row
from chatsafe.bundle.pdf_fonts import PRIMARY, RTL, RTL_ORDER, FontSet, fonts


def printable(text: str) -> str:
    """Replace what no font can show with ``[U+XXXX]``; keep line breaks."""
    return fonts().printable(text)


def _code(code: int | None) -> str:
    """A font-subset code as the two bytes of a PDF string, escaped as fpdf2 does."""
    if code is None:
        return ""
    return "".join(
        {"\\": "\\\\", "(": "\\(", ")": "\\)", "\r": "\\r"}.get(c, c)
        for c in (chr(code >> 8), chr(code & 0xFF))
    )


def _flags(r: Row) -> str:
    if not (r.deleted or r.edited or r.view_once or r.media_omitted or r.forwarded):
        return ""
    names = [
        ("deleted", r.deleted),
        ("edited", r.edited),
        ("view once", r.view_once),
        ("media omitted", r.media_omitted),
        ("forwarded", r.forwarded),
    ]
    return ", ".join(n for n, on in names if on)


class _Layout:
    """Lines placed by hand: fpdf2's own line breaking measures a line again for every
    character it adds, which made a 200,000-message transcript take minutes.

    A line the main font draws alone is one text object; a line with emoji, Chinese or
    Japanese is one per font run; a line with Hebrew or Arabic goes through fpdf2's
    ``cell``, which orders it right to left and shapes it with HarfBuzz.

    ``fast`` writes the text objects itself, as ``FPDF.text`` would but without its
    per-character Python work: each font's character-to-subset-code mapping is kept and
    applied with ``str.translate`` (in C), the font and colour go inside each text object,
    and a page's operators go out in one write. ``fast=False`` calls ``set_font`` and
    ``text`` instead; tests/unit/test_transcript_pdf_fast.py checks both draw the same
    text with the same font, size, colour and place.
    """

    def __init__(
        self, pdf: Any, fontset: FontSet, check: Callable[[], None], fast: bool = True
    ) -> None:
        self.pdf = pdf
        self.fonts = fontset
        self.check = check
        self.fast = fast and all(
            hasattr(pdf, name)
            for name in ("_out", "_set_font_for_page", "current_font_is_set_on_page", "k")
        )
        self.y = pdf.t_margin
        self.style = ("", 9.0)
        self.grey = 0
        self._widths: dict[tuple[str, float], dict[str, float]] = {}
        self._word_widths: dict[tuple[str, float], dict[str, float]] = {}
        self._attached = {PRIMARY}
        fontset.attach(pdf, PRIMARY)
        self._ops: list[str] = []
        self._on_page: set[int] = set()
        self._tables: dict[int, tuple[dict[int, str], set[str]]] = {}
        self._selected: dict[tuple[str, tuple[str, float]], Any] = {}

    def font(self, style: str, size: float, grey: int = 0) -> None:
        self.style = (style, size)
        self.grey = grey
        if not self.fast:
            self.pdf.set_font(PRIMARY, style, size)
            self.pdf.set_text_color(grey, grey, grey)

    def flush(self) -> None:
        """Write the operators gathered so far (before fpdf2 writes, and per page)."""
        if self._ops:
            self.pdf._out("\n".join(self._ops))
            self._ops.clear()

    def _emit(self, family: str, x: float, y: float, line: str) -> None:
        pdf = self.pdf
        if not self.fast:
            style, size = self.style
            pdf.set_font(family, self.fonts.style_for(family, style), size)
            pdf.set_text_color(self.grey, self.grey, self.grey)
            pdf.text(x, y, line)
            return
        key = (family, self.style)
        cached = self._selected.get(key)
        if cached is None:
            style, size = self.style
            font = pdf.fonts[family.lower() + self.fonts.style_for(family, style)]
            tf = f"/F{font.i} {size:.2f} Tf"
            cached = self._selected[key] = (font, tf, *self._tables.setdefault(font.i, ({}, set())))
        font, tf, table, known = cached
        if font.i not in self._on_page:  # the page's resources name the font
            pdf._set_font_for_page(font, self.style[1])
            pdf.current_font_is_set_on_page = False
            self._on_page.add(font.i)
        if not known.issuperset(line):
            for ch in dict.fromkeys(line):  # in order of first use, as fpdf2 picks them
                if ch not in known:
                    table[ord(ch)] = _code(font.subset.pick(ord(ch)))
                    known.add(ch)
        # The table maps a character straight to its escaped 2-byte code (in C).
        op = f"BT {tf} {x * pdf.k:.2f} {(pdf.h - y) * pdf.k:.2f} Td ({line.translate(table)}) Tj ET"
        if self.grey:
            op = f"q {self.grey / 255:.4f} g {op} Q"
        self._ops.append(op)

    def _table(self, text: str) -> dict[str, float]:
        """Character widths in the current style, covering ``text``."""
        table = self._widths.setdefault(self.style, {})
        if not table.keys() >= set(text):
            style, size = self.style
            scale = size / self.pdf.k / 1000
            for ch in set(text) - table.keys():
                table[ch] = self.fonts.width(ch, style) * scale
        return table

    def _width(self, text: str) -> float:
        table = self._widths.setdefault(self.style, {})
        try:
            return sum(map(table.__getitem__, text))  # in C
        except KeyError:
            return sum(map(self._table(text).__getitem__, text))

    def wrap(self, text: str, width: float) -> list[str]:
        """Greedy line breaks at spaces; a word longer than a line is cut.

        Widths are prefix sums and the break is found by bisection (both in C): a long
        message costs a few calls per line, not a few per word.
        """
        lines: list[str] = []
        for para in text.split("\n"):
            if self._width(para) <= width:  # most chat messages fit on one line
                lines.append(para)
                continue
            # Shaped Arabic may be a little wider than its letters' isolated forms.
            limit = width * 0.95 if RTL.search(para) else width
            cum = list(itertools.accumulate(map(self._table(para).__getitem__, para)))
            start, end = 0, len(para)
            while start < end:
                if start and para[start] == " ":  # a line does not start with the break's spaces
                    start += 1
                    continue
                base = cum[start - 1] if start else 0.0
                fit = bisect.bisect_right(cum, base + limit, start, end)
                if fit >= end:
                    lines.append(para[start:])
                    break
                space = para.rfind(" ", start, fit + 1)
                if space > start:
                    lines.append(para[start:space])
                    start = space + 1
                else:  # no space to break at: cut the word (at least one character)
                    cut = max(fit, start + 1)
                    lines.append(para[start:cut])
                    start = cut
        return lines

    def _use(self, family: str) -> None:
        if family not in self._attached:
            self.fonts.attach(self.pdf, family)
            self._attached.add(family)

    def _runs(self, x: float, y: float, line: str) -> None:
        """A left-to-right line in several fonts: one run per font."""
        family_of = self.fonts.family_of
        for family, chars in itertools.groupby(line, lambda ch: family_of.get(ch, PRIMARY)):
            run = "".join(chars)
            self._use(family)
            self._emit(family, x, y, run)
            x += self._width(run)

    def _shaped(self, top: float, height: float, line: str) -> None:
        """A line with right-to-left text, through fpdf2's bidi and HarfBuzz shaping."""
        style, size = self.style
        pdf, family_of = self.pdf, self.fonts.family_of
        used = {family_of.get(ch, PRIMARY) for ch in line}
        for family in used:
            self._use(family)
        self.flush()  # the text before this line comes first in the page, as on it
        # The line's own right-to-left font leads, so a word is never split between two.
        first = next(f for f in RTL_ORDER if f in used)
        pdf.set_fallback_fonts([f for f in RTL_ORDER if f in used and f != first], False)
        pdf.set_font(first, self.fonts.style_for(first, style), size)
        pdf.set_text_color(self.grey, self.grey, self.grey)
        pdf.current_font_is_set_on_page = False  # the fast path's Tf may have changed it
        pdf.set_xy(pdf.l_margin, top)
        pdf.cell(w=pdf.epw, h=height, text=line)
        if not self.fast:
            pdf.set_font(PRIMARY, style, size)

    def write(self, text: str, height: float) -> None:
        pdf = self.pdf
        text = self.fonts.printable(text)
        # Decided once per text (in C): most texts are one line in the main font.
        simple = self.fonts.primary.issuperset(text) and not RTL.search(text)
        if simple and "\n" not in text and self._width(text) <= pdf.epw:
            lines = [text]
        else:
            lines = self.wrap(text, pdf.epw)
        for line in lines:
            if self.y + height > pdf.h - pdf.b_margin:
                self.flush()
                pdf.add_page()
                self._on_page.clear()
                self.check()
                self.y = pdf.t_margin
            self.y += height
            if not line:
                continue
            if simple:
                self._emit(PRIMARY, pdf.l_margin, self.y - height * 0.25, line)
            elif RTL.search(line):
                self._shaped(self.y - height, height, line)
            elif self.fonts.primary.issuperset(line):
                self._emit(PRIMARY, pdf.l_margin, self.y - height * 0.25, line)
            else:
                self._runs(pdf.l_margin, self.y - height * 0.25, line)

    def gap(self, height: float) -> None:
        self.y += height


def render_pdf(
    conv: LeavingConversation,
    header: dict[str, Any],
    rows: Iterable[Row],
    *,
    created: datetime,
    check: Callable[[], None] = lambda: None,
    fast_text: bool = True,
    fontset: FontSet | None = None,
) -> bytes:
    """The PDF/A-2u transcript of one conversation, as bytes."""
    from fpdf import FPDF

    pdf = FPDF(format="A4", enforce_compliance="PDFA_2U")
    pdf.set_creation_date(created)
    pdf.set_creator("chatsafe")
    pdf.set_producer("chatsafe (fpdf2)")
    pdf.set_title(printable(f"{conv.folder}: {header['title']}"))
    pdf.set_subject("Business chat transcript")
    fontset = fontset or fonts()
    pdf.set_auto_page_break(False)
    pdf.set_margins(15, 15, 15)
    try:
        # Only fpdf2's cell uses it: the lines with right-to-left text. Every paragraph
        # is left to right, as the document is: a right-to-left run inside is ordered
        # right to left, and a reader extracts the text in the order it was written
        # (with a right-to-left paragraph, "שלום: hi!" would extract as "!hi :שלום").
        pdf.set_text_shaping(True, direction="ltr")
    except ImportError:  # pragma: no cover - uharfbuzz is a dependency
        pass
    pdf.add_page()
    out = _Layout(pdf, fontset, check, fast_text)

    out.font("B", 14)
    out.write(header["title"], 7)
    out.font("", 9)
    names = ", ".join(
        p["name"] + (" (owner)" if p["owner"] else "") for p in header["participants"]
    )
    kind = "group" if header["is_group"] else "one-to-one"
    for line in (
        f"{conv.folder} · {header['source_format']} · {kind}",
        f"Participants: {names}",
        f"Time zone: {header['time_zone']} · {(header['first'] or '—').replace('T', ' ')}"
        f" – {(header['last'] or '—').replace('T', ' ')}",
        "Only business messages are in this transcript; transcript.json is the exact record.",
    ):
        out.write(line, 5)
    out.gap(3)

    for i, r in enumerate(rows):
        if i % 1000 == 0:
            check()
        head = f"{r.n}. {r.wallclock.replace('T', ' ')}  {r.sender or '—'}"
        if r.kind == "event":
            head += f"  [event: {r.event_type or 'other'}]"
        flags = _flags(r)
        if flags:
            head += f"  [{flags}]"
        out.font("B", 8, 40)
        out.write(head, 4)
        out.font("", 9, 90 if r.kind == "event" else 0)
        if r.text:
            out.write(r.text, 4.5)
        for a in r.attachments:
            out.write(f"[attachment: {a.name} → {a.path or 'not in the export'}]", 4.5)
        if r.reply_to:
            out.write(f"(reply to {r.reply_to})", 4)
        out.gap(1.5)
    out.flush()
    return bytes(pdf.output())
