"""The transcript PDF's lines: placed by hand, in every script.

fpdf2's own line breaking measures a line again for every character it adds, which
made a 200,000-message transcript take minutes; this module breaks lines with prefix
sums, writes the text objects itself, and shapes right-to-left runs with HarfBuzz
(through fpdf2's fonts). Used by chatsafe/bundle/transcript_pdf.py.
"""

from __future__ import annotations

import bisect
import itertools
import math
import operator
from collections.abc import Callable, Container
from typing import Any

from chatsafe.bundle import transcript_bidi, transcript_shape
from chatsafe.bundle.pdf_fonts import PRIMARY, RTL, RTL_FAMILIES, RTL_ORDER, FontSet, pdf_code

ASCII = frozenset(map(chr, range(0x20, 0x7F)))  # the printable ASCII characters


class Layout:
    """Lines placed by hand: fpdf2's own line breaking measures a line again for every
    character it adds, which made a 200,000-message transcript take minutes.

    A line the main font draws alone is one text object; a line with emoji, Chinese or
    Japanese is one per font run; a line with Hebrew or Arabic is ordered as fpdf2's
    bidirectional algorithm orders it (transcript_bidi), its right-to-left runs shaped
    by HarfBuzz (transcript_shape; fpdf2's ``cell`` did the same at about 5 ms a line).

    ``fast`` writes the text objects itself, as ``FPDF.text`` would but without its
    per-character Python work: a plain line's codes are its UTF-16 (``_write_plain``),
    other lines' go through ``str.translate`` (in C); the font and colour go inside each
    text object, and a page's operators go out in one write. ``fast=False`` calls ``set_font`` and
    ``text`` (and ``cell`` for right-to-left lines) instead;
    tests/unit/test_transcript_pdf_fast.py checks both draw the same left-to-right text
    with the same font, size, colour and place.
    """

    def __init__(
        self,
        pdf: Any,
        fontset: FontSet,
        check: Callable[[], None],
        fast: bool = True,
        shared: Container[str] = (),
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
        self._attached = {PRIMARY}
        self._shared = shared  # the keys of fonts subset once for the bundle
        fontset.attach(pdf, PRIMARY, shared)
        self._ops: list[str] = []
        self._on_page: set[int] = set()
        self._tables: dict[int, tuple[dict[int, str], set[str]]] = {}
        self._selected: dict[tuple[str, tuple[str, float]], Any] = {}
        self._epw = pdf.epw
        self._x = f"{pdf.l_margin * pdf.k:.2f}"
        # Per (style, grey): what goes before a plain line's place and after its codes.
        self._frames: dict[tuple[tuple[str, float], int], tuple[str, str]] = {}
        # Per style: the widest character measured so far; a text of measured
        # characters fits when its length times that does.
        self._widest: dict[tuple[str, float], float] = {}
        # Per style: the characters measured and given codes in its font, for the fast
        # path; only on the fast path (fpdf2's text() on the other).
        self._ready: dict[tuple[str, float], set[str]] = {}
        self._shaper = transcript_shape.Shaper()  # right-to-left runs, shaped once per PDF
        # Per style, once every printable ASCII character is ready: their widths in
        # quanta of the returned width, rounded up, as a bytes table. An ASCII text
        # (most Dutch chat messages) is then checked and measured in C (``write``).
        self._ascii: dict[tuple[str, float], tuple[bytes, float]] = {}
        # Per style: the widths of the words measured so far (wrap()).
        self._word_widths: dict[tuple[str, float], dict[str, float]] = {}

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

    def _select(self, family: str) -> tuple[Any, str, dict[int, str], set[str]]:
        """The font of ``family`` in the current style, named in the page's resources."""
        key = (family, self.style)
        cached = self._selected.get(key)
        if cached is None:
            style, size = self.style
            font = self.pdf.fonts[family.lower() + self.fonts.style_for(family, style)]
            tf = f"/F{font.i} {size:.2f} Tf"
            cached = self._selected[key] = (font, tf, *self._tables.setdefault(font.i, ({}, set())))
        font = cached[0]
        if font.i not in self._on_page:
            self.pdf._set_font_for_page(font, self.style[1])
            self.pdf.current_font_is_set_on_page = False
            self._on_page.add(font.i)
        return cached

    def _op(self, tf: str, x: float, y: float, codes: str) -> None:
        pdf = self.pdf
        op = f"BT {tf} {x * pdf.k:.2f} {(pdf.h - y) * pdf.k:.2f} Td ({codes}) Tj ET"
        if self.grey:
            op = f"q {self.grey / 255:.4f} g {op} Q"
        self._ops.append(op)

    def _emit(self, family: str, x: float, y: float, line: str) -> None:
        pdf = self.pdf
        if not self.fast:
            style, size = self.style
            pdf.set_font(family, self.fonts.style_for(family, style), size)
            pdf.set_text_color(self.grey, self.grey, self.grey)
            pdf.text(x, y, line)
            return
        tf, codes = self._codes(family, line)
        self._op(tf, x, y, codes)

    def _codes(self, family: str, text: str) -> tuple[str, str]:
        """The font selector and the escaped codes of ``text``, unshaped."""
        font, tf, table, known = self._select(family)
        if not known.issuperset(text):
            for ch in dict.fromkeys(text):  # in order of first use, as fpdf2 picks them
                if ch not in known:
                    table[ord(ch)] = pdf_code(font.subset.pick(ord(ch)))
                    known.add(ch)
        # The table maps a character straight to its escaped 2-byte code (in C).
        return tf, text.translate(table)

    def _shape(self, family: str, x: float, y: float, run: str) -> tuple[str, str, float]:
        """A right-to-left run shaped by HarfBuzz (transcript_shape), placed from ``x``:
        its font selector, its placed glyphs (which keep their Unicode text for
        extraction), and where it ends."""
        pdf = self.pdf
        font, tf, _, _ = self._select(family)
        size = self.style[1]
        scale: float = font.scale * size / 1000 / pdf.k  # font units to page units
        segments, advance = self._shaper.shape(font, size, run, family in RTL_FAMILIES)
        k, top = pdf.k, pdf.h - y
        placed = " ".join(
            f"1 0 0 1 {(x + dx * scale) * k:.2f} {(top + dy * scale) * k:.2f} Tm ({codes}) Tj"
            for dx, dy, codes in segments
        )
        return tf, placed, x + advance * scale

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
        message costs a few calls per line, not a few per word. The sums are per word
        (``_words``) where that gives the same lines, else per character.
        """
        lines: list[str] = []
        table = self._widths.setdefault(self.style, {})
        for para in text.split("\n"):
            if "  " not in para and para[:1] != " " and para[-1:] != " ":
                if self._words(para, width, lines):
                    continue
            try:
                cum = list(itertools.accumulate(map(table.__getitem__, para)))
            except KeyError:
                cum = list(itertools.accumulate(map(self._table(para).__getitem__, para)))
            if not cum or cum[-1] <= width:  # most chat messages fit on one line
                lines.append(para)
                continue
            limit = self._limit(para, width)
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

    @staticmethod
    def _limit(para: str, width: float) -> float:
        # Shaped Arabic may be a little wider than its letters' isolated forms.
        return width * 0.95 if not para.isascii() and RTL.search(para) else width

    def _words(self, para: str, width: float, lines: list[str]) -> bool:
        """``para`` (words between single spaces) broken as the per-character sums
        would break it, from each word's width (kept per style: words repeat); False,
        adding nothing, when a word alone is wider than a line (it must be cut)."""
        words = para.split(" ")
        known = self._word_widths.setdefault(self.style, {})
        try:
            widths = list(map(known.__getitem__, words))
        except KeyError:
            if len(known) > 200_000:
                known.clear()
            table = self._table(para)
            for w in words:
                if w not in known:
                    known[w] = sum(map(table.__getitem__, w))
            widths = list(map(known.__getitem__, words))
        space = known.get(" ")
        if space is None:
            space = known[" "] = self._table(" ")[" "]
        # cum[j]: the width of the first j words, each with a space after it.
        spaced = map(operator.add, widths, itertools.repeat(space))
        cum = list(itertools.accumulate(spaced, initial=0.0))
        if cum[-1] - space <= width:
            lines.append(para)
            return True
        limit = self._limit(para, width)
        out: list[str] = []
        first, count = 0, len(words)
        while first < count:
            # The last word j with cum[j + 1] - cum[first] - space <= limit.
            last = bisect.bisect_right(cum, cum[first] + limit + space, first + 1) - 1
            if last <= first:  # word ``first`` alone is too wide
                return False
            out.append(" ".join(words[first:last]))
            first = last
        lines.extend(out)
        return True

    def _use(self, family: str) -> None:
        if family not in self._attached:
            self.fonts.attach(self.pdf, family, self._shared)
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
        """A line with right-to-left text: ordered as fpdf2's bidirectional algorithm
        orders it, its right-to-left runs shaped by HarfBuzz, all drawn by the fast path."""
        family_of = self.fonts.family_of
        for family in set(map(family_of.get, set(line), itertools.repeat(PRIMARY))):
            self._use(family)
        if not self.fast:
            return self._shaped_by_fpdf2(top, height, line)
        pdf = self.pdf
        x, y = pdf.l_margin, top + height * 0.75
        # One text object for the line. Each run is placed with Tm where it shows, and
        # the runs are written in the order they were typed: extractors that read the
        # content stream in order (pypdf) then give the text as written. Per run of
        # one font: where it starts in the line, its font selector, its placed glyphs.
        pieces: list[tuple[int, str, str]] = []
        k, baseline = pdf.k, f"{(pdf.h - y) * pdf.k:.2f}"
        for rtl, first, end in transcript_bidi.line_runs(line):
            text = line[first:end]
            if not rtl:
                for family, run in self.fonts.runs(text):
                    tf, codes = self._codes(family, run)
                    pieces.append((first, tf, f"1 0 0 1 {x * k:.2f} {baseline} Tm ({codes}) Tj"))
                    first += len(run)
                    x += self._width(run)
                continue
            # A right-to-left run in runs of one font, placed right to left.
            runs = self.fonts.runs(text)
            starts = list(itertools.accumulate((len(r) for _, r in runs), initial=first))
            for (family, run), start in reversed(list(zip(runs, starts, strict=False))):
                tf, placed, x = self._shape(family, x, y, run)
                if placed:  # (nothing, should HarfBuzz find no glyph at all)
                    pieces.append((start, tf, placed))
        pieces.sort(key=lambda p: p[0])
        # Tf only where the font changes: extractors (pypdf) end a run of text at a Tf.
        last, kept = "", []
        for _, tf, placed in pieces:
            kept.append(placed if tf == last else f"{tf} {placed}")
            last = tf
        op = "BT " + " ".join(kept) + " ET"
        if self.grey:
            op = f"q {self.grey / 255:.4f} g {op} Q"
        self._ops.append(op)

    def _shaped_by_fpdf2(self, top: float, height: float, line: str) -> None:
        style, size = self.style
        pdf, family_of = self.pdf, self.fonts.family_of
        used = {family_of.get(ch, PRIMARY) for ch in line}
        # The line's own right-to-left font leads, so a word is never split between two.
        first = next(f for f in RTL_ORDER if f in used)
        pdf.set_fallback_fonts([f for f in RTL_ORDER if f in used and f != first], False)
        pdf.set_font(first, self.fonts.style_for(first, style), size)
        pdf.set_text_color(self.grey, self.grey, self.grey)
        pdf.set_xy(pdf.l_margin, top)
        pdf.cell(w=pdf.epw, h=height, text=line)
        pdf.set_font(PRIMARY, style, size)

    def write(self, text: str, height: float) -> None:
        quick = self._ascii.get(self.style)
        if quick is not None and text.isascii() and text.isprintable():  # most texts
            # Fits for certain when its widths rounded up fit; else wrap() decides.
            if sum(text.encode("ascii").translate(quick[0])) * quick[1] <= self._epw:
                self._write_plain(text, height, [text])
            else:
                self._write_plain(text, height, self.wrap(text, self._epw))
            return
        ready = self._ready.get(self.style)
        if ready is not None and ready.issuperset(text):  # one pass, in C
            self._write_plain(text, height)
            return
        if self.fast and self.fonts.plain.issuperset(text):
            self._prepare(text)
            if self._ready[self.style].issuperset(text):
                self._write_plain(text, height)
                return
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

    def _prepare(self, text: str) -> None:
        """Measure ``text``'s characters and give them their codes in the current
        style's font, so the next texts made of them take the fast path at once."""
        style, chars = self.style, text.replace("\n", "")
        self._codes(PRIMARY, chars)
        codes = self._select(PRIMARY)[2]
        table = self._table(chars)
        ready = self._ready.setdefault(style, {"\n"})
        # Only a character whose code is its UTF-16 code (nearly all: see
        # pdf_fonts.identity_subset_map); any other stays on the general path.
        ready.update(ch for ch in set(chars) if codes[ord(ch)] == pdf_code(ord(ch)))
        self._widest[style] = max((table[ch] for ch in ready if ch != "\n"), default=0.0)
        if style not in self._ascii and ready.issuperset(ASCII):
            widths = self._table("".join(ASCII))
            quantum = max(widths.values()) / 250
            quanta = bytearray(256)
            for ch in ASCII:
                quanta[ord(ch)] = math.ceil(widths[ch] / quantum * (1 + 1e-9))
            self._ascii[style] = (bytes(quanta), quantum)

    def _write_plain(self, text: str, height: float, lines: list[str] | None = None) -> None:
        """A text DejaVu draws alone, left to right, whose characters are measured and
        have their codes (``_prepare``): the common case, in as few Python operations
        per line as can be. Its codes are its UTF-16 (pdf_fonts.identity_subset_map),
        escaped as a PDF string; the rest is one f-string."""
        pdf, style = self.pdf, self.style
        if lines is not None:
            pass  # broken by the caller
        elif "\n" not in text and len(text) * self._widest[style] <= self._epw:
            lines = [text]  # decided as wrap() would, without summing a short text
        else:
            lines = self.wrap(text, self._epw)
        font, tf, _, _ = self._select(PRIMARY)
        frame = self._frames.get((style, self.grey))
        if frame is None:
            frame = (f"BT {tf} {self._x} ", " Tj ET")
            if self.grey:
                frame = (f"q {self.grey / 255:.4f} g {frame[0]}", f"{frame[1]} Q")
            self._frames[(style, self.grey)] = frame
        before, after = frame
        ops, k, top = self._ops, pdf.k, pdf.h - pdf.b_margin
        for line in lines:
            if self.y + height > top:
                self.flush()
                pdf.add_page()
                self._on_page.clear()
                self.check()
                self.y = pdf.t_margin
                self._select(PRIMARY)
            self.y += height
            if not line:
                continue
            codes = (
                line.encode("utf-16-be")
                .replace(b"\\", b"\\\\")
                .replace(b"(", b"\\(")
                .replace(b")", b"\\)")
                .replace(b"\r", b"\\r")
                .decode("latin-1")
            )
            ops.append(f"{before}{(pdf.h - self.y + height * 0.25) * k:.2f} Td ({codes}){after}")

    def gap(self, height: float) -> None:
        self.y += height
