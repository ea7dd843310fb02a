"""The transcript PDF's lines: placed by hand, in every script.

fpdf2's own line breaking measures a line again for every character it adds, which
made a 200,000-message transcript take minutes; this module breaks lines with prefix
sums, writes the text objects itself, and shapes right-to-left runs with HarfBuzz
(through fpdf2's fonts). Used by chatsafe/bundle/transcript_pdf.py.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable, Container, Iterable
from typing import Any

from chatsafe.bundle import transcript_rtl_line, transcript_shape
from chatsafe.bundle.pdf_fonts import PRIMARY, RTL, FontSet, pdf_code
from chatsafe.bundle.transcript_wrap import LineBreaker

ASCII = frozenset(map(chr, range(0x20, 0x7F)))  # the printable ASCII characters


def _codes16(text: str) -> bytes:
    """``text``'s UTF-16 code units as the bytes of a PDF string, escaped as fpdf2
    escapes them: the codes of characters whose code is their own (pdf_fonts.
    identity_subset_map). Replacing is cheaper than looking first: a bytes object
    without the byte comes back as it is."""
    return (
        text.encode("utf-16-be")
        .replace(b"\\", b"\\\\")
        .replace(b"(", b"\\(")
        .replace(b")", b"\\)")
        .replace(b"\r", b"\\r")
    )


class _Pen:
    """The main font in one style and grey, ready for printable ASCII texts: what
    ``Layout.write`` needs per text, found once per ``font()`` call."""

    __slots__ = ("quanta", "limit", "sure", "before", "after", "page", "ascii", "places")

    def __init__(self, quanta: bytes, limit: float, before: str, after: bytes) -> None:
        # Printable ASCII widths in quanta, rounded up, as a bytes table: a text fits
        # for certain when its sum is at most ``limit`` (in C), or when it has at most
        # ``sure`` characters (each at most 251 quanta).
        self.quanta, self.limit, self.sure = quanta, limit, int(limit // 251)
        self.before, self.after = before, after  # a line's operators around its place
        self.page = 0  # the page whose resources name the font
        # Every printable ASCII character has its code, its own UTF-16 code (Layout.
        # _new_pen): such a text takes the fast path without looking at its characters.
        self.ascii = False
        # Per line height, per place on the page: the line's operators up to its codes,
        # "BT /F1 9.00 Tf 42.52 780.12 Td (" (a page has a few hundred places).
        self.places: dict[float, dict[float, bytes]] = {}


class Layout:
    """Lines placed by hand: fpdf2's own line breaking measures a line again for every
    character it adds, which made a 200,000-message transcript take minutes.

    A line the main font draws alone is one text object; a line with emoji, Chinese or
    Japanese is one per font run; a line with Hebrew or Arabic is ordered as fpdf2's
    bidirectional algorithm orders it (transcript_bidi), its right-to-left runs shaped
    by HarfBuzz (transcript_shape; fpdf2's ``cell`` did the same at about 5 ms a line),
    drawn by chatsafe/bundle/transcript_rtl_line.py.

    ``fast`` writes the text objects itself, as ``FPDF.text`` would but without its
    per-character Python work: a character drawn by its own UTF-16 code is encoded as
    such (``_plain``, ``_codes16``), any other goes through ``str.translate`` (in C); the
    font and colour go inside each text object, and a page's operators go out in one
    write. ``fast=False`` calls ``set_font`` and
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
        lean: bool = True,
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
        self._ops: list[bytes] = []  # the page's operators so far (flush)
        self._on_page: set[int] = set()
        self._tables: dict[int, tuple[dict[int, str], set[str]]] = {}
        # Per font: the characters whose code is their own UTF-16 code (_codes).
        self._identity: dict[int, set[str]] = {}
        self._selected: dict[tuple[str, tuple[str, float]], Any] = {}
        self._epw = pdf.epw
        self._x = f"{pdf.l_margin * pdf.k:.2f}"
        # Per style: the widest character measured so far; a text of measured
        # characters fits when its length times that does.
        self._widest: dict[tuple[str, float], float] = {}
        # Per style: the characters measured and given codes in its font, for the fast
        # path; only on the fast path (fpdf2's text() on the other).
        self._ready: dict[tuple[str, float], set[str]] = {}
        self._shaper = transcript_shape.Shaper()  # right-to-left runs, shaped once per PDF
        # Per (style, size, grey): the main font's pen for plain texts (``_plain``).
        self._pens: dict[tuple[str, float, int], _Pen] = {}
        self._pen: _Pen | None = None
        self._page = 1
        self._bottom = pdf.h - pdf.b_margin
        self.breaker = LineBreaker(self._widths, self._table)
        # What fpdf2's add_page wrote on the first page, when the next pages can be
        # made as it would make them (``_lean_page``): a plain FPDF, one page so far,
        # nothing drawn, no font set, no page effects.
        from fpdf import FPDF

        self._start: bytes | None = None
        if (
            lean
            and self.fast
            and type(pdf) is FPDF
            and pdf.page == 1
            and not pdf.font_family
            and not (pdf.page_background or pdf.page_duration or pdf.page_transition)
            and pdf.pages[1].get_page_label() is None
            and isinstance(pdf.pages[1].contents, bytearray)
        ):
            self._start = bytes(pdf.pages[1].contents)

    def font(self, style: str, size: float, grey: int = 0) -> None:
        self.style = (style, size)
        self.grey = grey
        self._pen = self._pens.get((style, size, grey))
        if not self.fast:
            self.pdf.set_font(PRIMARY, style, size)
            self.pdf.set_text_color(grey, grey, grey)

    def flush(self) -> None:
        """Write the operators gathered so far (before fpdf2 writes, and per page)."""
        if self._ops:
            self.pdf._out(b"\n".join(self._ops))
            self._ops.clear()

    def _select(self, family: str) -> tuple[Any, str, dict[int, str], set[str]]:
        """The font of ``family`` in the current style, named in the page's resources."""
        cached = self._font(family)
        font = cached[0]
        if font.i not in self._on_page:
            self.pdf._set_font_for_page(font, self.style[1])
            self.pdf.current_font_is_set_on_page = False
            self._on_page.add(font.i)
        return cached

    def _font(self, family: str) -> tuple[Any, str, dict[int, str], set[str]]:
        """The font of ``family`` in the current style: the font, its Tf operator, and
        its codes table and the characters in it (``_codes``)."""
        key = (family, self.style)
        cached = self._selected.get(key)
        if cached is None:
            style, size = self.style
            font = self.pdf.fonts[family.lower() + self.fonts.style_for(family, style)]
            tf = f"/F{font.i} {size:.2f} Tf"
            cached = self._selected[key] = (font, tf, *self._tables.setdefault(font.i, ({}, set())))
        return cached

    def _op(self, tf: str, x: float, y: float, codes: str) -> None:
        pdf = self.pdf
        op = f"BT {tf} {x * pdf.k:.2f} {(pdf.h - y) * pdf.k:.2f} Td ({codes}) Tj ET"
        if self.grey:
            op = f"q {self.grey / 255:.4f} g {op} Q"
        self._ops.append(op.encode("latin-1"))

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
        same = self._identity.setdefault(font.i, set())
        if not known.issuperset(text):
            for ch in dict.fromkeys(text):  # in order of first use, as fpdf2 picks them
                if ch not in known:
                    code = font.subset.pick(ord(ch))
                    table[ord(ch)] = pdf_code(code)
                    known.add(ch)
                    if code == ord(ch) and (code < 0xD800 or 0xE000 <= code < 0x10000):
                        same.add(ch)
        if same.issuperset(text):  # each code the character's UTF-16 code: made in C
            return tf, _codes16(text).decode("latin-1")
        # The table maps a character straight to its escaped 2-byte code (in C).
        return tf, text.translate(table)

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
        """``text``'s lines in the current style (chatsafe/bundle/transcript_wrap.py)."""
        return self.breaker.wrap(text, width, self.style)

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

    def write(self, text: str, height: float) -> None:
        if self.fast and text.isascii() and text.isprintable():  # most texts
            pen = self._pen or self._new_pen()
            if pen.ascii:
                # Fits for certain when its widths rounded up fit; else wrap() decides.
                if len(text) <= pen.sure or sum(text.encode().translate(pen.quanta)) <= pen.limit:
                    self._plain(pen, (text,), height)
                else:
                    self._plain(pen, self.wrap(text, self._epw), height)
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
            if self.y + height > self._bottom:
                self._new_page()
            self.y += height
            if not line:
                continue
            if simple:
                self._emit(PRIMARY, pdf.l_margin, self.y - height * 0.25, line)
            elif RTL.search(line):
                transcript_rtl_line.draw(self, self.y - height, height, line)
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

    def _write_plain(self, text: str, height: float) -> None:
        """A text DejaVu draws alone, left to right, whose characters are measured and
        have their codes (``_prepare``)."""
        if "\n" not in text and len(text) * self._widest[self.style] <= self._epw:
            lines = [text]  # decided as wrap() would, without summing a short text
        else:
            lines = self.wrap(text, self._epw)
        self._plain(self._pen or self._new_pen(), lines, height)

    def _new_pen(self) -> _Pen:
        """The pen of the current style and grey (``font()`` finds it from then on).
        Every printable ASCII character is measured and given its code at once (its
        glyph is in every bundle's subset anyway), so a printable ASCII text needs no
        look at its characters."""
        tf = self._font(PRIMARY)[1]
        before, after = f"BT {tf} {self._x} ", ") Tj ET"
        if self.grey:
            before, after = f"q {self.grey / 255:.4f} g {before}", f"{after} Q"
        widths = self._table("".join(ASCII))
        quantum = max(widths.values()) / 250
        quanta = bytearray(256)
        for ch in ASCII:
            quanta[ord(ch)] = math.ceil(widths[ch] / quantum * (1 + 1e-9))
        pen = self._pen = self._pens[(*self.style, self.grey)] = _Pen(
            bytes(quanta), self._epw / quantum, before, after.encode("latin-1")
        )
        if self.fast:
            self._prepare("".join(sorted(ASCII)))
            pen.ascii = self._ready[self.style].issuperset(ASCII)
        return pen

    def _plain(self, pen: _Pen, lines: Iterable[str], height: float) -> None:
        """Lines of a text written as ``_write_plain`` decided, in as few Python
        operations per line as can be: the common case. Their codes are their UTF-16
        (pdf_fonts.identity_subset_map), escaped as a PDF string; a line's operators
        before its codes are made once per place on the page."""
        if pen.page != self._page:  # the font named in this page's resources
            self._select(PRIMARY)
            pen.page = self._page
        ops, join = self._ops, b"".join
        places = pen.places.get(height)
        if places is None:
            places = pen.places[height] = {}
        for line in lines:
            if self.y + height > self._bottom:
                self._new_page()
                self._select(PRIMARY)
                pen.page = self._page
            self.y = y = self.y + height
            if not line:
                continue
            codes = _codes16(line)
            start = places.get(y)
            if start is None:
                start = places[y] = self._place(pen, y, height)
            ops.append(join((start, codes, pen.after)))

    def _place(self, pen: _Pen, y: float, height: float) -> bytes:
        pdf = self.pdf
        return f"{pen.before}{(pdf.h - y + height * 0.25) * pdf.k:.2f} Td (".encode("latin-1")

    def _new_page(self) -> None:
        self.flush()
        if self._start is not None:
            self._lean_page()
        else:
            self.pdf.add_page()
        self._on_page.clear()
        self._page += 1
        self.check()
        self.y = self.pdf.t_margin

    def _lean_page(self) -> None:
        """The next page as fpdf2's ``add_page`` makes it for a transcript: the same
        page object, size and first operators, without the work for what a transcript
        has none of (headers, footers, labels, backgrounds, fonts and colours to
        restore). A transcript has thousands of pages."""
        from fpdf.output import PDFPage

        pdf, start = self.pdf, self._start
        assert start is not None
        pdf.page += 1
        page = PDFPage(duration=None, transition=None, contents=bytearray(start), index=pdf.page)
        page.set_dimensions(pdf.w_pt, pdf.h_pt)
        pdf.pages[pdf.page] = page
        pdf.x, pdf.y = pdf.l_margin, pdf.t_margin
        pdf.current_font_is_set_on_page = False

    def gap(self, height: float) -> None:
        self.y += height
