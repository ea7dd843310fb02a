"""fpdf2's parsed font (``TTFFont``) for a font chatsafe ships, without the work the
transcripts never use.

fpdf2's ``TTFFont.__init__`` spent two thirds of Droid Sans Fallback's 0.33 s on two
things:

- it checks the font has a ``.notdef`` glyph with ``".notdef" in ttfont["glyf"]``,
  which decompiles the whole glyf table (an object per glyph: Droid has 49,382). The
  glyf table names its glyphs by the glyph order, so the same question is asked of
  the glyph order here; the outlines are read only by a PDF that subsets the font on
  its own (chatsafe/bundle/pdf_subsets.py), from a copy of its own;
- for a font whose post table names no glyphs (Droid, Symbola), fontTools derives the
  names from the cmap by decompiling every Unicode cmap subtable with made-up names,
  naming each glyph after the lowest code point mapped to it, and decompiling the
  cmap again. Here HarfBuzz gives each code point's glyph in C and the names are made
  with fontTools' own rule (``TTFont._makeGlyphName``, ".altN" for repeats).

Everything else is made as fpdf2 2.8.9 makes it (pinned), and
tests/unit/test_pdf_font_template.py compares every attribute with fpdf2's own for
every shipped font, the glyph order with fontTools'. A font this cannot make the same
way (CFF outlines, no ``.notdef``, no Unicode cmap) is made by fpdf2 itself.
"""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path
from typing import Any


def template(fpdf: Any, path: Path, family: str, style: str, data: bytes) -> Any:
    """The ``TTFFont`` ``fpdf.add_font(family, style, path)`` would make and register
    (``data``: the font file's bytes)."""
    from fontTools.ttLib import TTFont  # type: ignore[import-untyped]
    from fpdf.enums import FontDescriptorFlags, TextEmphasis
    from fpdf.font_type_3 import get_color_font_object
    from fpdf.fonts import PDFFontDescriptor, SubsetMap, TTFFont

    key = f"{family.lower()}{style}"
    ttfont = TTFont(path, recalcTimestamp=False, lazy=True)
    if "CFF " in ttfont or "CFF2" in ttfont or "glyf" not in ttfont:
        return _fpdf2s(fpdf, path, family, style)
    if "post" not in ttfont or ttfont["post"].formatType == 3.0:
        ttfont.setGlyphOrder(_names_from_cmap(data, int(ttfont["maxp"].numGlyphs)))
    if ".notdef" not in ttfont.getGlyphOrder():  # fpdf2 draws one in: let it
        return _fpdf2s(fpdf, path, family, style)
    cmap: dict[int, str] = ttfont.getBestCmap()
    if not cmap:  # a symbol font: fpdf2 maps its codes
        return _fpdf2s(fpdf, path, family, style)

    font = TTFFont.__new__(TTFFont)
    font.i = len(fpdf.fonts) + 1
    font.type = "TTF"
    font.ttffile = path
    font.is_compressed = False
    font._hbfont = None
    font.fontkey = key
    font.biggest_size_pt = 0
    font.collection_font_number = 0
    font.ttfont = ttfont
    font.is_cff = False
    font.is_cid_keyed = False
    font.is_symbol = False
    font.cff_ros = None
    head, hmtx = ttfont["head"], ttfont["hmtx"].metrics
    scale = font.scale = 1000 / float(head.unitsPerEm)
    default_width = round(scale * hmtx[".notdef"][0])
    os2, post, hhea = ttfont["OS/2"], ttfont["post"], ttfont["hhea"]
    cap_height = getattr(os2, "sCapHeight", None)
    if cap_height is None:
        cap_height = hhea.ascent
    flags = FontDescriptorFlags.SYMBOLIC
    if post.isFixedPitch:
        flags |= FontDescriptorFlags.FIXED_PITCH
    if post.italicAngle != 0:
        flags |= FontDescriptorFlags.ITALIC
    if os2.usWeightClass >= 600:
        flags |= FontDescriptorFlags.FORCE_BOLD
    font.desc = PDFFontDescriptor(
        ascent=round(hhea.ascent * scale),
        descent=round(hhea.descent * scale),
        cap_height=round(cap_height * scale),
        flags=flags,
        font_b_box=(
            f"[{head.xMin * scale:.0f} {head.yMin * scale:.0f}"
            f" {head.xMax * scale:.0f} {head.yMax * scale:.0f}]"
        ),
        italic_angle=int(post.italicAngle),
        stem_v=round(50 + int(pow((os2.usWeightClass / 65), 2))),
        missing_width=default_width,
    )
    font.cw = defaultdict(lambda: default_width)
    font.cmap = cmap
    ids = ttfont.getReverseGlyphMap()
    font.glyph_ids = {char: ids[glyph] for char, glyph in cmap.items()}
    widths = {glyph: hmtx[glyph][0] for glyph in set(cmap.values())}
    font.cw.update(
        (char, round(scale * (0 if widths[glyph] == 65535 else widths[glyph]) + 0.001))
        for char, glyph in cmap.items()
    )
    font.missing_glyphs = []
    font.name = re.sub("[ ()]", "", ttfont["name"].getBestFullName())
    font.up = round(post.underlinePosition * scale)
    font.ut = round(post.underlineThickness * scale)
    font.sp = round(os2.yStrikeoutPosition * scale)
    font.ss = round(os2.yStrikeoutSize * scale)
    font.emphasis = TextEmphasis.coerce(style)
    font.subset = SubsetMap(font)
    font.palette_index = 0
    font.color_font = get_color_font_object(fpdf, font, 0) if fpdf.render_color_fonts else None
    fpdf.fonts[key] = font
    return font


def _fpdf2s(fpdf: Any, path: Path, family: str, style: str) -> Any:
    fpdf.add_font(family, style, str(path))
    return fpdf.fonts[f"{family.lower()}{style}"]


def _names_from_cmap(data: bytes, count: int) -> list[str]:
    """fontTools' glyph names for a font whose post table has none: a glyph mapped from
    code points is named after the lowest (its Adobe Glyph List name, else ``uni0041``
    or ``u1F44D``: ``TTFont._makeGlyphName``, which imports the list on every call), a
    repeated name gets ".alt1", ".alt2" in glyph order; the others ``glyph00012``."""
    import uharfbuzz as hb  # type: ignore[import-untyped]
    from fontTools.agl import UV2AGL  # type: ignore[import-untyped]

    face = hb.Face(hb.Blob(data))
    nominal = hb.Font(face).get_nominal_glyph
    lowest: dict[int, int] = {}
    for code in sorted(face.unicodes):
        gid = nominal(code)
        if gid is not None and gid not in lowest:
            lowest[gid] = code
    names = list(map("glyph%05d".__mod__, range(count)))
    names[0] = ".notdef"
    uses: dict[str, int] = {}
    for gid in sorted(lowest):
        if gid == 0 or gid >= count:
            continue
        code = lowest[gid]
        name = UV2AGL.get(code) or (f"uni{code:04X}" if code <= 0xFFFF else f"u{code:X}")
        n = uses[name] = uses.get(name, 0) + 1
        names[gid] = name if n == 1 else f"{name}.alt{n - 1}"
    return names
