"""The transcript PDF's right-to-left runs shaped by HarfBuzz, once per PDF and text.

fpdf2's ``TTFFont.shape_text`` builds a dictionary per glyph, a TypedDict class per
call and looks each glyph's name and width up again; here uharfbuzz is called
directly, the same way (cluster level 1, segment properties guessed, direction right
to left, no features), and the glyphs are registered exactly as fpdf2 registers them:
``font.subset.get_glyph`` with the glyph, the characters of its cluster, its name and
width, then ``pick_glyph`` for its code, so the PDF's widths and ToUnicode map (PDF/A-2u)
are what fpdf2 would write. HarfBuzz's glyphs are kept for the process (they depend on
the font and the text only); the codes and pieces drawn are kept per PDF (``Shaper``
lives in one ``transcript_layout.Layout``) by font, size and text: the codes are that
PDF's. tests/unit/test_transcript_rtl_fast.py compares the result with ``shape_text``
glyph by glyph, and word-by-word shaping with whole-run shaping.
"""

from __future__ import annotations

import bisect
import itertools
import re
import unicodedata
from typing import Any

from chatsafe.bundle.pdf_fonts import pdf_code

Segment = tuple[int, int, str]
"""Where a piece of a shaped run starts, in font units from the run's start (x, and y
upwards), and the escaped codes of its glyphs, drawn one after the other."""

Shaped = tuple[list[Segment], int, bool, bool]
"""A shaped text: its pieces, its advance, and whether its first and its last glyph
are moved from where the glyph before them ends (marks are): such a glyph starts a
piece of its own, and the glyph after it too."""

# A long transcript repeats few runs; the cache is bounded all the same (issue 12:
# memory does not grow with the case).
_MAX_RUNS = 20_000


class _Bases(dict[int, str]):
    """Code point -> "x" for a letter, digit, punctuation or symbol, "-" for anything
    else (marks, joiners and other format characters, other spaces); the space is
    itself. Filled on first use."""

    def __missing__(self, code: int) -> str:
        letter = self[code] = "x" if unicodedata.category(chr(code))[0] in "LNPS" else "-"
        return letter


_BASES = _Bases({ord(" "): " "})
# A space between two such characters: Hebrew and Arabic shaping does not reach across
# it (tests/unit/test_transcript_rtl_fast.py shapes word by word and whole on a large
# generated set for every shipped right-to-left font). A mark or joiner next to a
# space does: a mark after a space is placed on it, and is no word's start.
_WORD_SPACE = re.compile("(?<=x) (?=x)")


class Shaper:
    """Shaped runs of one PDF, by (font, size, text).

    A right-to-left font's run is shaped word by word, each word and space once per
    PDF, so a run of words met before costs a few dictionary look-ups. The words are
    taken in the order they show (right to left), which is the order HarfBuzz gives
    the whole run's glyphs in: glyphs are registered in the subset in the same order,
    so the PDF is the one whole-run shaping would make, code for code.
    """

    def __init__(self) -> None:
        self._shaped: dict[tuple[int, float, str], Shaped] = {}
        self._words: dict[tuple[int, float, str, str | None], Shaped] = {}
        self._codes: dict[tuple[int, int, str], str] = {}

    def shape(
        self, font: Any, size: float, text: str, by_word: bool = False
    ) -> tuple[list[Segment], int]:
        """``text`` shaped right to left in ``font`` (fpdf2's, of this PDF): its pieces
        and its advance, in font units. ``by_word``: the font's shaping is known not to
        reach across a space between two letters (the shipped Hebrew and Arabic)."""
        shaped = self._cached(font, size, text, by_word)
        return shaped[0], shaped[1]

    def _cached(self, font: Any, size: float, text: str, by_word: bool) -> Shaped:
        key = (font.i, size, text)
        shaped = self._shaped.get(key)
        if shaped is None:
            if len(self._shaped) >= _MAX_RUNS:
                self._shaped.clear()
            words = _words(text) if by_word else []
            if len(words) > 1:
                # Each word with the script HarfBuzz finds for the whole run (a word of
                # marks and digits alone would be found none, and shaped otherwise).
                script = _script(text)
                shaped = _join([self._word(font, size, w, script) for w in reversed(words)])
            else:
                shaped = self._shape(font, size, text)
            self._shaped[key] = shaped
        return shaped

    def _word(self, font: Any, size: float, word: str, script: str | None) -> Shaped:
        key = (font.i, size, word, script)
        shaped = self._words.get(key)
        if shaped is None:
            if len(self._words) >= _MAX_RUNS:
                self._words.clear()
            shaped = self._words[key] = self._shape(font, size, word, script)
        return shaped

    def _code(self, font: Any, gid: int, chars: str) -> str:
        """The escaped code of glyph ``gid`` drawn for ``chars``, registered in the
        PDF's subset as fpdf2's shape_text registers it (once per glyph and text)."""
        key = (font.i, gid, chars)
        code = self._codes.get(key)
        if code is None:
            # The advance from HarfBuzz, which reads it from the font's hmtx table as
            # fpdf2 does: a PDF's own copy of the font then never parses that table.
            glyph = font.subset.get_glyph(
                glyph=gid,
                unicode=tuple(map(ord, chars)),
                glyph_name=font.ttfont.getGlyphName(gid),
                glyph_width=round(font.scale * font.hbfont.get_glyph_h_advance(gid)),
            )
            # .notdef (glyph 0) is no glyph to fpdf2: nothing is drawn for it.
            code = self._codes[key] = (
                pdf_code(font.subset.pick_glyph(glyph)) if glyph is not None else ""
            )
        return code

    def _shape(self, font: Any, size: float, text: str, script: str | None = None) -> Shaped:
        code_of = self._code
        segments: list[Segment] = []
        codes, x, start = "", 0, (0, 0)
        first_moved: bool | None = None
        moved = 0
        for gid, chars, x_offset, y_offset, x_advance in _glyphs(font, size, text, script):
            code = code_of(font, gid, chars)
            if not code:
                continue
            moved = x_offset or y_offset
            if first_moved is None:
                first_moved = bool(moved)
            if moved or not codes:
                # A mark, or a piece's first glyph: placed where HarfBuzz puts it.
                if codes:
                    segments.append((*start, codes))
                start, codes = (x + x_offset, y_offset), ""
            codes += code
            x += x_advance
            if moved:
                segments.append((*start, codes))
                codes = ""
        if codes:
            segments.append((*start, codes))
        return segments, x, bool(first_moved), bool(moved)


Glyph = tuple[int, str, int, int, int]
"""A shaped glyph: its id, the characters it carries, its x and y offset and advance."""

# HarfBuzz's glyphs, which depend on the font file and the text only (not on the PDF),
# kept for the process: a bundle's PDFs shape their words once. Keyed by the parsed
# HarfBuzz font itself (every PDF's copy of a font shares it), bounded all the same.
_GLYPHS: dict[tuple[Any, float, str, str | None], tuple[Glyph, ...]] = {}
_MAX_GLYPHS = 20_000


def _glyphs(font: Any, size: float, text: str, script: str | None) -> tuple[Glyph, ...]:
    """``text`` shaped right to left by HarfBuzz as fpdf2's shape_text shapes it."""
    hbfont = font.hbfont
    key = (hbfont, size, text, script)
    glyphs = _GLYPHS.get(key)
    if glyphs is not None:
        return glyphs
    import uharfbuzz as hb  # type: ignore[import-untyped]

    hbfont.ptem = size
    buf = hb.Buffer()
    buf.cluster_level = 1
    buf.add_str(text)
    buf.guess_segment_properties()
    buf.direction = "rtl"
    if script is not None:
        buf.script = script
    hb.shape(hbfont, buf, {})
    infos = buf.glyph_infos
    clusters = [info.cluster for info in infos]
    # A cluster's first glyph carries its characters: each character belongs to the
    # cluster at or before it (to the first cluster if none), as in shape_text.
    starts = sorted(set(clusters))
    if starts == list(range(len(text))):  # most runs: a glyph per character
        owned = dict(zip(starts, text, strict=True))
    else:
        owned = {}
        for i, ch in enumerate(text if starts else ""):
            at = bisect.bisect_right(starts, i)
            cluster = starts[at - 1] if at else starts[0]
            owned[cluster] = owned.get(cluster, "") + ch
    glyphs = tuple(
        (info.codepoint, owned.pop(cluster, ""), *pos.position[:3])
        for info, cluster, pos in zip(infos, clusters, buf.glyph_positions, strict=True)
    )
    if len(_GLYPHS) >= _MAX_GLYPHS:
        _GLYPHS.clear()
    _GLYPHS[key] = glyphs
    return glyphs


_SCRIPTS: dict[str, str | None] = {}


def _script(text: str) -> str | None:
    """The script HarfBuzz guesses for ``text``: that of its first character with one
    (not common or inherited), each character's asked of HarfBuzz once."""
    import uharfbuzz as hb

    for ch in text:
        script = _SCRIPTS.get(ch, "")
        if script == "":
            buf = hb.Buffer()
            buf.add_str(ch)
            buf.guess_segment_properties()
            script = _SCRIPTS[ch] = buf.script
        if script is not None:
            return script
    return None


def _words(text: str) -> list[str]:
    """``text`` cut at its word spaces (``_WORD_SPACE``): words and single spaces."""
    bases = text.translate(_BASES)
    if "-" not in bases and "  " not in bases and bases[:1] != " " and bases[-1:] != " ":
        # Only letters, signs and single spaces between them (most runs): every space.
        out = [" "] * (2 * text.count(" ") + 1)
        out[::2] = text.split(" ")
        return out
    cuts = [m.start() for m in _WORD_SPACE.finditer(bases)]
    bounds = sorted({0, len(text), *cuts, *(c + 1 for c in cuts)})
    return [text[a:b] for a, b in itertools.pairwise(bounds)]


def _join(parts: list[Shaped]) -> Shaped:
    """Shaped texts one after the other, in the order they show, cut into pieces as
    shaping them as one text would: a piece goes on across the joint unless a glyph
    on either side of it is moved."""
    if all(len(p[0]) == 1 and not p[2] and not p[3] for p in parts):
        # No glyph moved (a moved glyph ends a piece): one piece (most Hebrew runs).
        return [(0, 0, "".join(p[0][0][2] for p in parts))], sum(p[1] for p in parts), False, False
    segments: list[Segment] = []
    x, first_moved, last_moved = 0, None, True
    for pieces, advance, starts_moved, ends_moved in parts:
        if not pieces:  # nothing drawn (and no advance)
            continue
        shifted = [(dx + x, dy, codes) for dx, dy, codes in pieces]
        if not last_moved and not starts_moved:
            dx, dy, codes = segments[-1]
            segments[-1] = (dx, dy, codes + shifted.pop(0)[2])
        segments += shifted
        first_moved = starts_moved if first_moved is None else first_moved
        last_moved = ends_moved
        x += advance
    return segments, x, bool(first_moved), last_moved
