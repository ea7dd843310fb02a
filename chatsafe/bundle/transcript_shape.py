"""The transcript PDF's right-to-left runs shaped by HarfBuzz, once per PDF and text.

fpdf2's ``TTFFont.shape_text`` builds a dictionary per glyph, a TypedDict class per
call and looks each glyph's name and width up again; here uharfbuzz is called
directly, the same way (cluster level 1, segment properties guessed, direction right
to left, no features), and the glyphs are registered exactly as fpdf2 registers them:
``font.subset.get_glyph`` with the glyph, the characters of its cluster, its name and
width, then ``pick_glyph`` for its code, so the PDF's widths and ToUnicode map (PDF/A-2u)
are what fpdf2 would write. A run's result is kept per PDF (``Shaper`` lives in one
``transcript_layout.Layout``) by font, size and text: the codes are that PDF's.
tests/unit/test_transcript_shape.py compares it with ``shape_text`` glyph by glyph.
"""

from __future__ import annotations

import bisect
from typing import Any

from chatsafe.bundle.pdf_fonts import pdf_code

Segment = tuple[int, int, str]
"""Where a piece of a shaped run starts, in font units from the run's start (x, and y
upwards), and the escaped codes of its glyphs, drawn one after the other."""

# A long transcript repeats few runs; the cache is bounded all the same (issue 12:
# memory does not grow with the case).
_MAX_RUNS = 20_000


class Shaper:
    """Shaped runs of one PDF, by (font, size, text)."""

    def __init__(self) -> None:
        self._runs: dict[tuple[int, float, str], tuple[list[Segment], int]] = {}
        self._codes: dict[tuple[int, int, str], str] = {}

    def shape(self, font: Any, size: float, text: str) -> tuple[list[Segment], int]:
        """``text`` shaped right to left in ``font`` (fpdf2's, of this PDF): its pieces
        and its advance, in font units."""
        key = (font.i, size, text)
        shaped = self._runs.get(key)
        if shaped is None:
            if len(self._runs) >= _MAX_RUNS:
                self._runs.clear()
            shaped = self._runs[key] = self._shape(font, size, text)
        return shaped

    def _code(self, font: Any, gid: int, chars: str) -> str:
        """The escaped code of glyph ``gid`` drawn for ``chars``, registered in the
        PDF's subset as fpdf2's shape_text registers it (once per glyph and text)."""
        key = (font.i, gid, chars)
        code = self._codes.get(key)
        if code is None:
            name = font.ttfont.getGlyphName(gid)
            glyph = font.subset.get_glyph(
                glyph=gid,
                unicode=tuple(map(ord, chars)),
                glyph_name=name,
                glyph_width=round(font.scale * font.ttfont["hmtx"].metrics[name][0]),
            )
            # .notdef (glyph 0) is no glyph to fpdf2: nothing is drawn for it.
            code = self._codes[key] = (
                pdf_code(font.subset.pick_glyph(glyph)) if glyph is not None else ""
            )
        return code

    def _shape(self, font: Any, size: float, text: str) -> tuple[list[Segment], int]:
        import uharfbuzz as hb  # type: ignore[import-untyped]

        hbfont = font.hbfont
        hbfont.ptem = size
        buf = hb.Buffer()
        buf.cluster_level = 1
        buf.add_str(text)
        buf.guess_segment_properties()
        buf.direction = "rtl"
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
        code_of = self._code
        segments: list[Segment] = []
        codes, x, start = "", 0, (0, 0)
        for info, cluster, pos in zip(infos, clusters, buf.glyph_positions, strict=True):
            code = code_of(font, info.codepoint, owned.pop(cluster, ""))
            if not code:
                continue
            x_offset, y_offset, x_advance, _ = pos.position
            moved = x_offset or y_offset
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
        return segments, x
