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

import itertools
from collections.abc import Callable, Iterable
from datetime import datetime
from typing import Any

from chatsafe.bundle.payload import LeavingConversation, Row
from chatsafe.bundle.pdf_fonts import PRIMARY, RTL, RTL_ORDER, FontSet, fonts


def printable(text: str) -> str:
    """Replace what no font can show with ``[U+XXXX]``; keep line breaks."""
    return fonts().printable(text)


def _flags(r: Row) -> str:
    names = [
        ("deleted", r.deleted),
        ("edited", r.edited),
        ("view once", r.view_once),
        ("media omitted", r.media_omitted),
        ("forwarded", r.forwarded),
    ]
    return ", ".join(n for n, on in names if on)


class _TextEmitter:
    """``FPDF.text`` for many short lines, without its per-character Python work.

    fpdf2 maps each character of each line to its font-subset code one at a time; here
    the mapping is kept per font and applied with ``str.translate`` (in C), and the
    operator is written as ``FPDF.text`` writes it. The output is the same content stream
    (tests/unit/test_transcript_pdf.py compares both). Where this fpdf2 lacks the
    internals used, or a feature ``text`` handles is on, ``FPDF.text`` itself is called.
    """

    def __init__(self, pdf: Any) -> None:
        self.pdf = pdf
        self.fast = all(
            hasattr(pdf, name)
            for name in ("_out", "_set_font_for_page", "current_font_is_set_on_page", "k")
        )
        self._tables: dict[int, tuple[dict[int, str], set[str]]] = {}

    def text(self, x: float, y: float, line: str) -> None:
        pdf = self.pdf
        font = pdf.current_font
        if (
            not self.fast
            or not pdf.is_ttf_font
            or getattr(font, "is_symbol", False)
            or pdf.underline
            or pdf.strikethrough
            or getattr(pdf, "_record_text_quad_points", False)
            or int(pdf.text_mode) != 0
        ):
            pdf.text(x, y, line)
            return
        if not pdf.current_font_is_set_on_page:
            pdf._out(pdf._set_font_for_page(font, pdf.font_size_pt))
        table, known = self._tables.setdefault(id(font), ({}, set()))
        if not known.issuperset(line):
            for ch in dict.fromkeys(line):  # in order of first use, as fpdf2 picks them
                if ch not in known:
                    mapped = font.subset.pick(ord(ch))
                    table[ord(ch)] = "" if mapped is None else chr(mapped)
                    known.add(ch)
        op = (
            f"BT {x * pdf.k:.2f} {(pdf.h - y) * pdf.k:.2f} Td"
            f" ({font.escape_text(line.translate(table))}) Tj ET"
        )
        if pdf.fill_color != pdf.text_color:
            op = f"q {pdf.text_color.serialize().lower()} {op} Q"
        pdf._out(op)


class _Layout:
    """Lines placed with ``FPDF.text``: fpdf2's own line breaking measures a line again
    for every character it adds, which made a 200,000-message transcript take minutes.

    A line the main font draws alone goes out in one operator. A line with emoji or
    Chinese or Japanese goes out as runs, one per font. A line with Hebrew or Arabic goes
    through fpdf2's ``cell``, which orders it right to left and shapes it with HarfBuzz.
    """

    def __init__(
        self, pdf: Any, fontset: FontSet, check: Callable[[], None], fast: bool = True
    ) -> None:
        self.pdf = pdf
        self.fonts = fontset
        self.check = check
        self.emit = _TextEmitter(pdf).text if fast else pdf.text
        self.y = pdf.t_margin
        self.style = ("", 9.0)
        self._widths: dict[tuple[str, float], dict[str, float]] = {}
        self._word_widths: dict[tuple[str, float], dict[str, float]] = {}
        self._attached = {PRIMARY}
        fontset.attach(pdf, PRIMARY)

    def font(self, style: str, size: float, grey: int = 0) -> None:
        self.style = (style, size)
        self.pdf.set_font(PRIMARY, style, size)
        self.pdf.set_text_color(grey, grey, grey)

    def _width(self, text: str) -> float:
        # Chats repeat their words: a word's width is looked up, not summed again.
        words = self._word_widths.setdefault(self.style, {})
        width = words.get(text)
        if width is not None:
            return width
        table = self._widths.setdefault(self.style, {})
        if not table.keys() >= set(text):
            style, size = self.style
            scale = size / self.pdf.k / 1000
            for ch in set(text) - table.keys():
                table[ch] = self.fonts.width(ch, style) * scale
        width = sum(map(table.__getitem__, text))
        if len(text) <= 32 and len(words) < 200_000:
            words[text] = width
        return width

    def wrap(self, text: str, width: float) -> list[str]:
        lines: list[str] = []
        for para in text.split("\n"):
            if self._width(para) <= width:  # most chat messages fit on one line
                lines.append(para)
                continue
            # Shaped Arabic may be a little wider than its letters' isolated forms.
            limit = width * 0.95 if RTL.search(para) else width
            line, line_w = "", 0.0
            for word in para.split(" "):
                word_w = self._width(word)
                space = self._width(" ") if line else 0.0
                if line_w + space + word_w <= limit:
                    line, line_w = (line + " " + word if line else word), line_w + space + word_w
                    continue
                if line:
                    lines.append(line)
                line, line_w = "", 0.0
                while self._width(word) > limit:  # a word longer than the line
                    cut = 1
                    while cut < len(word) and self._width(word[: cut + 1]) <= limit:
                        cut += 1
                    lines.append(word[:cut])
                    word = word[cut:]
                line, line_w = word, self._width(word)
            lines.append(line)
        return lines

    def _use(self, family: str) -> None:
        if family not in self._attached:
            self.fonts.attach(self.pdf, family)
            self._attached.add(family)

    def _runs(self, x: float, y: float, line: str) -> None:
        """A left-to-right line in several fonts: one run per font."""
        style, size = self.style
        family_of = self.fonts.family_of
        for family, chars in itertools.groupby(line, lambda ch: family_of.get(ch, PRIMARY)):
            run = "".join(chars)
            self._use(family)
            self.pdf.set_font(family, self.fonts.style_for(family, style), size)
            self.emit(x, y, run)
            x += self._width(run)
        self.pdf.set_font(PRIMARY, style, size)

    def _shaped(self, top: float, height: float, line: str) -> None:
        """A line with right-to-left text, through fpdf2's bidi and HarfBuzz shaping."""
        style, size = self.style
        pdf, family_of = self.pdf, self.fonts.family_of
        used = {family_of.get(ch, PRIMARY) for ch in line}
        for family in used:
            self._use(family)
        # The line's own right-to-left font leads, so a word is never split between two.
        first = next(f for f in RTL_ORDER if f in used)
        pdf.set_fallback_fonts([f for f in RTL_ORDER if f in used and f != first], False)
        pdf.set_font(first, self.fonts.style_for(first, style), size)
        pdf.set_xy(pdf.l_margin, top)
        pdf.cell(w=pdf.epw, h=height, text=line)
        pdf.set_font(PRIMARY, style, size)

    def write(self, text: str, height: float) -> None:
        pdf = self.pdf
        primary = self.fonts.primary
        for line in self.wrap(self.fonts.printable(text), pdf.epw):
            if self.y + height > pdf.h - pdf.b_margin:
                pdf.add_page()
                self.check()
                self.y = pdf.t_margin
            self.y += height
            if not line:
                continue
            if RTL.search(line):
                self._shaped(self.y - height, height, line)
            elif primary.issuperset(line):
                self.emit(pdf.l_margin, self.y - height * 0.25, line)
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
    return bytes(pdf.output())
