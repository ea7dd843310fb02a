"""fpdf2's parsed fonts, made for chatsafe's shipped fonts without decompiling every
glyph (chatsafe/bundle/pdf_font_template.py), are fpdf2's own in every attribute."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from fontTools.ttLib import TTFont
from fpdf import FPDF
from fpdf.fonts import TTFFont

from chatsafe.bundle import pdf_font_template, pdf_fonts

SLOTS = [name for cls in TTFFont.__mro__ for name in getattr(cls, "__slots__", ())]


def _fpdf2s(f: pdf_fonts.FontFile) -> Any:
    pdf = FPDF()
    pdf.add_font(f.family, f.style, pdf_fonts.font_path(f.file))
    return pdf.fonts[f.family.lower() + f.style]


def _mine(f: pdf_fonts.FontFile) -> Any:
    path = Path(pdf_fonts.font_path(f.file))
    return pdf_font_template.template(FPDF(), path, f.family, f.style, path.read_bytes())


@pytest.mark.parametrize("f", pdf_fonts.FILES, ids=lambda f: f.file)
def test_a_template_is_fpdf2s_parsed_font_in_every_attribute(f: pdf_fonts.FontFile) -> None:
    mine, theirs = _mine(f), _fpdf2s(f)
    assert type(mine) is TTFFont
    # Made without decompiling the glyph outlines (the point of it).
    assert not mine.ttfont.isLoaded("glyf")
    for name in SLOTS:
        assert hasattr(mine, name) == hasattr(theirs, name), name
        if not hasattr(theirs, name):
            continue
        a, b = getattr(mine, name), getattr(theirs, name)
        if name == "ttfont":
            assert a.getGlyphOrder() == b.getGlyphOrder()
            assert a.getBestCmap() == b.getBestCmap()
        elif name == "desc":
            assert vars(a) == vars(b)
        elif name == "cw":
            assert dict(a) == dict(b)
            assert a[0x10FFFF] == b[0x10FFFF]  # the width of a character it lacks
        elif name == "subset":
            assert a._char_id_per_glyph == b._char_id_per_glyph
            assert a.font is mine
        elif name == "ttffile":
            assert Path(a) == Path(b)
        else:
            assert a == b, name
    # fpdf2 still lays text out with it as with its own.
    for font in (mine, theirs):
        assert font.subset.pick(ord("a")) == font.subset.pick(ord("a"))
    assert mine.subset.get_glyph(unicode=0x41) == theirs.subset.get_glyph(unicode=0x41)


@pytest.mark.parametrize("f", pdf_fonts.FILES, ids=lambda f: f.file)
def test_glyph_names_from_the_cmap_are_fonttools_names(f: pdf_fonts.FontFile) -> None:
    # For a font whose post table names no glyphs, the names made through HarfBuzz are
    # the ones fontTools derives (fpdf2's subsets and the shaping name glyphs by them).
    path = pdf_fonts.font_path(f.file)
    font = TTFont(path, lazy=True)
    count = int(font["maxp"].numGlyphs)
    made = pdf_font_template._names_from_cmap(Path(path).read_bytes(), count)
    font._getGlyphNamesFromCmap()
    assert made == font.glyphOrder
    assert len(set(made)) == count


def test_a_font_without_notdef_is_left_to_fpdf2(tmp_path: Path) -> None:
    # fpdf2 draws a .notdef glyph into a font that lacks one: such a font is made by
    # fpdf2 itself, with that glyph.
    from fontTools.fontBuilder import FontBuilder
    from fontTools.pens.ttGlyphPen import TTGlyphPen

    pen = TTGlyphPen(None)
    pen.moveTo((0, 0))
    pen.lineTo((500, 0))
    pen.lineTo((500, 500))
    pen.closePath()
    fb = FontBuilder(1000, isTTF=True)
    fb.setupGlyphOrder(["A", "space"])
    fb.setupCharacterMap({0x41: "A", 0x20: "space"})
    fb.setupGlyf({"A": pen.glyph(), "space": TTGlyphPen(None).glyph()})
    fb.setupHorizontalMetrics({"A": (600, 0), "space": (300, 0)})
    fb.setupHorizontalHeader(ascent=800, descent=-200)
    fb.setupNameTable({"familyName": "Odd", "styleName": "Regular"})
    fb.setupOS2()
    fb.setupPost()
    path = tmp_path / "odd.ttf"
    fb.save(str(path))
    font = pdf_font_template.template(FPDF(), path, "Odd", "", path.read_bytes())
    assert ".notdef" in font.ttfont["glyf"]
    pdf = FPDF()
    pdf.add_font("Odd", "", str(path))
    assert dict(font.cw) == dict(pdf.fonts["odd"].cw)


@pytest.mark.parametrize("f", pdf_fonts.FILES, ids=lambda f: f.file)
def test_the_code_points_harfbuzz_reads_are_those_fpdf2_maps(f: pdf_fonts.FontFile) -> None:
    # Which family draws a character is decided from HarfBuzz's reading of each
    # font's character map, before (or without) fpdf2 parsing the font.
    assert pdf_fonts._unicodes(pdf_fonts.font_path(f.file)) == set(_fpdf2s(f).cmap)


def test_a_fallback_font_is_parsed_only_when_something_draws_with_it() -> None:
    fonts = pdf_fonts.FontSet()
    assert set(fonts._templates) == {"dejavu", "dejavuB"}
    # Deciding families reads no fallback font: the same decisions as from fpdf2's
    # character maps with every font parsed first.
    everything = pdf_fonts.FontSet()
    for family in pdf_fonts.ORDER:
        everything._template(family.lower())
    assert len(everything._templates) == len(pdf_fonts.FILES)
    assert fonts.family_of == everything.family_of
    assert fonts.runs("Prima 👍 שלום עולם 会议") == everything.runs("Prima 👍 שלום עולם 会议")
    assert set(fonts._templates) == {"dejavu", "dejavuB"}
    # A bundle of Dutch and emoji parses and subsets Symbola, never Droid or Noto.
    from chatsafe.bundle import pdf_subsets

    shared = pdf_subsets.BundleFonts(fonts, "Prima 👍 Ærø, akkoord ✅")
    assert set(shared.fonts) == {"dejavu", "dejavuB", "symbolaemoji"}
    assert set(fonts._templates) == {"dejavu", "dejavuB", "symbolaemoji"}
    assert fonts.width("会", "") == everything.width("会", "")
    assert "droidcjk" in fonts._templates
