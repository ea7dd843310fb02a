"""A transcript line with right-to-left text (Hebrew, Arabic): ordered as fpdf2's
bidirectional algorithm orders it (transcript_bidi), its right-to-left runs shaped by
HarfBuzz (transcript_shape), drawn as one text object. Part of the layout
(chatsafe/bundle/transcript_layout.py, whose Layout it draws on), in a module of its
own to keep each small.
"""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING

from chatsafe.bundle import transcript_bidi
from chatsafe.bundle.pdf_fonts import PRIMARY, RTL_FAMILIES, RTL_ORDER

if TYPE_CHECKING:
    from chatsafe.bundle.transcript_layout import Layout


def draw(out: Layout, top: float, height: float, line: str) -> None:
    """A line with right-to-left text: ordered as fpdf2's bidirectional algorithm
    orders it, its right-to-left runs shaped by HarfBuzz, all drawn by the fast path."""
    family_of = out.fonts.family_of
    for family in set(map(family_of.get, set(line), itertools.repeat(PRIMARY))):
        out._use(family)
    if not out.fast:
        return _by_fpdf2(out, top, height, line)
    pdf = out.pdf
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
            for family, run in out.fonts.runs(text):
                tf, codes = out._codes(family, run)
                pieces.append((first, tf, f"1 0 0 1 {x * k:.2f} {baseline} Tm ({codes}) Tj"))
                first += len(run)
                x += out._width(run)
            continue
        # A right-to-left run in runs of one font, placed right to left.
        runs = out.fonts.runs(text)
        starts = list(itertools.accumulate((len(r) for _, r in runs), initial=first))
        for (family, run), start in reversed(list(zip(runs, starts, strict=False))):
            tf, placed, x = _shape(out, family, x, y, run)
            if placed:  # (nothing, should HarfBuzz find no glyph at all)
                pieces.append((start, tf, placed))
    pieces.sort(key=lambda p: p[0])
    # Tf only where the font changes: extractors (pypdf) end a run of text at a Tf.
    last, kept = "", []
    for _, tf, placed in pieces:
        kept.append(placed if tf == last else f"{tf} {placed}")
        last = tf
    op = "BT " + " ".join(kept) + " ET"
    if out.grey:
        op = f"q {out.grey / 255:.4f} g {op} Q"
    out._ops.append(op.encode("latin-1"))


def _by_fpdf2(out: Layout, top: float, height: float, line: str) -> None:
    style, size = out.style
    pdf, family_of = out.pdf, out.fonts.family_of
    used = {family_of.get(ch, PRIMARY) for ch in line}
    # The line's own right-to-left font leads, so a word is never split between two.
    first = next(f for f in RTL_ORDER if f in used)
    pdf.set_fallback_fonts([f for f in RTL_ORDER if f in used and f != first], False)
    pdf.set_font(first, out.fonts.style_for(first, style), size)
    pdf.set_text_color(out.grey, out.grey, out.grey)
    pdf.set_xy(pdf.l_margin, top)
    pdf.cell(w=pdf.epw, h=height, text=line)
    pdf.set_font(PRIMARY, style, size)


def _shape(out: Layout, family: str, x: float, y: float, run: str) -> tuple[str, str, float]:
    """A right-to-left run shaped by HarfBuzz (transcript_shape), placed from ``x``:
    its font selector, its placed glyphs (which keep their Unicode text for
    extraction), and where it ends."""
    pdf = out.pdf
    font, tf, _, _ = out._select(family)
    size = out.style[1]
    scale: float = font.scale * size / 1000 / pdf.k  # font units to page units
    segments, advance = out._shaper.shape(font, size, run, family in RTL_FAMILIES)
    k, top = pdf.k, pdf.h - y
    placed = " ".join(
        f"1 0 0 1 {(x + dx * scale) * k:.2f} {(top + dy * scale) * k:.2f} Tm ({codes}) Tj"
        for dx, dy, codes in segments
    )
    return tf, placed, x + advance * scale
