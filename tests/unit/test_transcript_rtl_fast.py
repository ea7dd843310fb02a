"""Right-to-left transcript lines drawn fast, still exactly as fpdf2 would draw them.

- ``transcript_bidi.visual_runs`` orders a line as fpdf2's ``BidiParagraph`` does (as
  the layout calls it: a left-to-right paragraph, boundary neutrals kept), compared
  character by character on thousands of generated lines;
- ``transcript_shape.Shaper`` gives the glyphs, codes and positions fpdf2's
  ``shape_text`` gives, and registers the same glyphs with the same Unicode text;
- its cache of shaped runs is per PDF: a run drawn twice draws the same codes, and a
  second PDF of the bundle draws its own, each mapped to the right text.
"""

from __future__ import annotations

import io
import random
from typing import Any

import pytest
from fpdf import FPDF
from fpdf.bidi import BidiParagraph
from fpdf.enums import TextDirection
from pypdf import PdfReader
from pypdf.generic import ContentStream

from chatsafe.bundle import pdf_fonts, pdf_subsets, transcript_bidi, transcript_shape
from chatsafe.bundle.pdf_fonts import pdf_code
from tests.unit.test_pdf_subsets import _render
from tests.unit.test_transcript_pdf_scripts import _used_codes_without_unicode

# Hebrew, Arabic (with marks, tatweel, the Arabic letter mark), Arabic-Indic and
# European digits, the separators and terminators the weak rules turn on, brackets
# and other mirrored signs, spaces, no-break spaces, emoji with a skin tone, a
# variation selector and a joiner, Latin, CJK, and the directional marks.
TOKENS = [
    "שלום", "עולם", "ישיבה", "مرحبا", "بالعالم", "لا", "كتب", "abc", "Kamer", "Ærø",
    "123", "٤٥", "۱۲", "4,5", "1.5", "10:00", "2024-05-01", "+31", "1/2", "50%", "€3",
    ",", ".", ":", "!", "?", "-", "+", "/", "#", "$", "%", "°", "±", "،", "؟",
    "(", ")", "[", "]", "{", "}", "«", "»", "<", ">", "〈", "〉",
    "👍", "👍🏽", "❤️", "👨\u200d💻", "会议", "日本語", "é", "\u0301", "\u064b", "ـ",
    "\u200f", "\u200e", "\u061c", "\u200d", " ", "  ", "\u00a0",
]  # fmt: skip
CONTROLS = ["\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068",
            "\u2069", "\t", "\u2029", "\u001f"]  # fmt: skip
# Single characters of every class the fast resolver handles, for dense short lines.
ALPHABET = list("aZאבبت1٣۴,.:+-/$%#()[]{}«»<>〈〉〈〉 \u00a0") + [
    "\u0301", "\u200d", "\u064b", "👍", "\u200f", "\u200e", "\u061c", "€", "会", "ـ",
]  # fmt: skip


def _token_lines(seed: int, n: int, extra: list[str] = []) -> list[str]:  # noqa: B006
    rnd = random.Random(seed)
    tokens = TOKENS + extra
    return [
        "".join(rnd.choice(tokens) + rnd.choice(["", "", " "]) for _ in range(rnd.randint(1, 14)))
        for _ in range(n)
    ]


def _char_lines(seed: int, n: int) -> list[str]:
    rnd = random.Random(seed)
    return ["".join(rnd.choice(ALPHABET) for _ in range(rnd.randint(1, 16))) for _ in range(n)]


def _fpdf2_order(line: str) -> list[tuple[int, bool]]:
    """Each character's place and direction as fpdf2 orders them (the reference)."""
    para = BidiParagraph(line, TextDirection.LTR, preserve_bn_chars=True)
    return [
        (c.character_index, c.get_direction_from_level() == "R")
        for c in para.get_reordered_characters()
    ]


def _order(runs: list[tuple[bool, int, int]]) -> list[tuple[int, bool]]:
    return [
        (i, rtl) for rtl, s, e in runs for i in (range(e - 1, s - 1, -1) if rtl else range(s, e))
    ]


def _fast(line: str) -> bool:
    return transcript_bidi._levels(line, transcript_bidi._classes(line)) is not None


def test_the_fast_resolver_orders_every_line_as_fpdf2() -> None:
    lines = _token_lines(1, 3000) + _char_lines(2, 5000)
    assert all(map(_fast, lines))  # none of these needs fpdf2
    assert (
        sum(bool(transcript_bidi._PAIRABLE.search(transcript_bidi._classes(t))) for t in lines)
        > 1000
    )
    for line in lines:
        want = _fpdf2_order(line)
        runs = transcript_bidi.visual_runs(line)
        assert _order(runs) == want, line
        # Cut into the same runs (one direction, typed one after the other) as fpdf2's
        # characters are by runs_in_visual_order.
        assert runs == transcript_bidi._fpdf2_runs(line), line
        # And with the left-to-right tail cut off first, as the layout calls it.
        assert _order(transcript_bidi.line_runs(line)) == want, line


def test_lines_with_explicit_controls_or_separators_are_left_to_fpdf2() -> None:
    lines = [t for t in _token_lines(3, 3000, CONTROLS) if set(t) & set(CONTROLS)]
    assert len(lines) > 1000 and not any(map(_fast, lines))
    for line in lines:
        assert _order(transcript_bidi.line_runs(line)) == _fpdf2_order(line), line


@pytest.mark.parametrize("n", [1, 62, 63, 64, 70])
def test_bracket_pairs_up_to_and_beyond_fpdf2s_limit(n: int) -> None:
    # fpdf2 (BD16) pairs nothing in a run where 63 brackets are open at once.
    for line in (
        "a " + "(" * n + "א 1" + ")" * n + " b",
        "א " + "(" * n + "ב" + ")" * n + " b",  # paired, the closers are R; unpaired, L
        "א " + "[(" * (n // 2) + "b 1" + ")]" * (n // 2) + " ש",
        "א" + "(" * n + "x" + ")" * 2 + "ש",
    ):
        assert _fast(line)
        assert _order(transcript_bidi.visual_runs(line)) == _fpdf2_order(line)


def test_ltr_tail_stops_at_what_it_cannot_prove() -> None:
    assert transcript_bidi.ltr_tail("שלום abc, def 12.") == len("שלום ")
    assert transcript_bidi.ltr_tail("שלום abc «x» def") == len("שלום abc «x» ")
    assert transcript_bidi.ltr_tail("שלום abc\u0301 def") == len("שלום abc\u0301 ")
    assert transcript_bidi.ltr_tail("abc \u202bשלום def") == len("abc \u202bשלום def")
    assert transcript_bidi.ltr_tail("שלום 12 34") == len("שלום 12 34")


def test_font_runs_decided_at_once_are_the_runs_found_character_by_character() -> None:
    fonts = pdf_fonts.fonts()
    texts = _token_lines(4, 3000) + _char_lines(5, 3000)
    texts += [t[s:e] for t in texts[:3000] for rtl, s, e in transcript_bidi.visual_runs(t)]
    one_run = 0
    for text in texts:
        runs = fonts.runs(text)
        assert runs == fonts.runs_by_character(text), text
        one_run += len(runs) == 1
    assert one_run > 3000


def _oracle(font: Any, size: float, text: str) -> tuple[list[transcript_shape.Segment], int]:
    """What the layout drew from fpdf2's ``shape_text`` before transcript_shape: pieces
    placed where a mark or a piece's first glyph stands, in font units."""
    segments: list[transcript_shape.Segment] = []
    codes, x, start = "", 0, (0, 0)
    params = {"fragment_direction": TextDirection.RTL, "features": {}}
    for g in font.shape_text(text, size, params):
        if g["mapped_char"] is None:
            continue
        moved = g["x_offset"] or g["y_offset"]
        if moved or not codes:
            if codes:
                segments.append((*start, codes))
            start, codes = (x + g["x_offset"], g["y_offset"]), ""
        codes += pdf_code(g["mapped_char"])
        x += g["x_advance"]
        if moved:
            segments.append((*start, codes))
            codes = ""
    if codes:
        segments.append((*start, codes))
    return segments, x


def _font(family: str, style: str) -> Any:
    pdf = FPDF()
    pdf_fonts.fonts().attach(pdf, pdf_fonts.PRIMARY)
    pdf_fonts.fonts().attach(pdf, family)
    return pdf.fonts[family.lower() + style]


@pytest.mark.parametrize(
    ("family", "style"),
    [("NotoHebrew", ""), ("NotoHebrew", "B"), ("NotoArabic", ""), ("SymbolaEmoji", ""),
     ("DroidCJK", ""), ("DejaVu", "")],
)  # fmt: skip
def test_the_shaper_draws_what_fpdf2s_shaping_draws(family: str, style: str) -> None:
    fonts = pdf_fonts.fonts()
    # The runs the layout shapes in this font: pieces of generated lines, in the
    # order met, repeats included (the cache answers those).
    texts = [
        run
        for line in _token_lines(6, 1500) + ["لا لأ لإ لآ", "بِسْمِ اللَّهِ", "שָׁלוֹם", "ﻻ"]
        for _, s, e in transcript_bidi.visual_runs(line)
        for f, run in fonts.runs(line[s:e])
        if f == family
    ]
    assert len(texts) > 100 and len(set(texts)) < len(texts)
    reference, mine = _font(family, style), _font(family, style)
    shaper = transcript_shape.Shaper()
    for text in texts:
        for size in (9.0, 7.5):
            by_word = family in pdf_fonts.RTL_FAMILIES  # as the layout shapes them
            assert shaper.shape(mine, size, text, by_word) == _oracle(reference, size, text)
    # The same glyphs registered, in the same order, with the same Unicode text.
    assert list(mine.subset._char_id_per_glyph.items()) == list(
        reference.subset._char_id_per_glyph.items()
    )


@pytest.mark.parametrize(
    ("family", "style"), [("NotoHebrew", ""), ("NotoHebrew", "B"), ("NotoArabic", "")]
)
def test_shaping_word_by_word_draws_what_shaping_the_whole_run_draws(
    family: str, style: str
) -> None:
    # Every character the layout puts in a run of this font (its own letters and marks,
    # and the spaces, signs and joiners it has), with many spaces, and the bench's words:
    # marks and joiners next to a space, prepended marks, lam-alef across a space.
    fonts = pdf_fonts.fonts()
    chars = sorted(fonts._keeps(family))
    rnd = random.Random(8)
    words = [
        w for line in _token_lines(9, 400) for w in line.split() if fonts.runs(w)[0][0] == family
    ]
    texts = []
    for k in range(6000):
        if k % 2:
            texts.append(" ".join(rnd.choice(words) for _ in range(rnd.randint(1, 6))))
        else:
            texts.append("".join(rnd.choice(chars + [" "] * 12) for _ in range(rnd.randint(1, 24))))
    # Marks after a space, joiners, prepended marks, and pieces with no script of their
    # own (a word of marks and digits takes the whole run's).
    texts += ["ل ا", "لا لا", "ب \u064b", "ב \u200d ב", "ا \u06dd١", "ש\u200d ש", "  ש  ש  ",
              "، ً4,5 ٤٥ 4,5 ", "، ً4 ש", "، 4,5 ٤٥"]  # fmt: skip
    whole, by_word = _font(family, style), _font(family, style)
    once, apart = transcript_shape.Shaper(), transcript_shape.Shaper()
    split = 0
    for text in texts:
        want = once.shape(whole, 9.0, text)
        assert apart.shape(by_word, 9.0, text, by_word=True) == want, text
        split += (
            len(transcript_shape._WORD_SPACE.findall(text.translate(transcript_shape._BASES))) > 0
        )
    assert split > 2000
    # Glyphs registered in the same order: the two PDFs would be the same, code for code.
    assert list(by_word.subset._char_id_per_glyph.items()) == list(
        whole.subset._char_id_per_glyph.items()
    )


def test_a_run_is_cut_at_its_word_spaces_only() -> None:
    import itertools

    def by_regex(text: str) -> list[str]:
        bases = text.translate(transcript_shape._BASES)
        cuts = [m.start() for m in transcript_shape._WORD_SPACE.finditer(bases)]
        bounds = sorted({0, len(text), *cuts, *(c + 1 for c in cuts)})
        return [text[a:b] for a, b in itertools.pairwise(bounds)]

    rnd = random.Random(10)
    alphabet = [*"אבג,.ab ", "  ", "\u05b0", "\u200d", "\u064b"]
    texts = ["".join(rnd.choice(alphabet) for _ in range(rnd.randint(1, 12))) for _ in range(20000)]
    assert sum(len(transcript_shape._words(t)) > 1 for t in texts) > 2000
    for text in texts:
        assert transcript_shape._words(text) == by_regex(text), text
    assert transcript_shape._words("א ב, ג") == ["א", " ", "ב,", " ", "ג"]
    assert transcript_shape._words("א \u05b0ב  ג") == ["א \u05b0ב  ג"]


def _joined(pdf: bytes) -> list[bytes]:
    """The codes of each text object that draws a glyph with no character of its own
    (Arabic's joined forms: codes from U+E000, given in order of first use per PDF)."""
    reader = PdfReader(io.BytesIO(pdf))
    out, codes = [], b""
    for page in reader.pages:
        for operands, op in ContentStream(page.get_contents(), reader).operations:
            if op == b"Tj":
                codes += operands[0].original_bytes
            elif op == b"ET":
                if any(codes[i] >= 0xE0 for i in range(0, len(codes), 2)):
                    out.append(codes)
                codes = b""
    return out


def test_a_cached_run_draws_its_own_pdfs_codes_mapped_to_its_text() -> None:
    again = "السلام عليكم، كيف حالك؟"
    other = "مرحبا بالعالم لا، شكرا"
    first_texts = [again, "Kamerbrief", again]
    second_texts = [other, again]
    shared = pdf_subsets.BundleFonts(
        pdf_fonts.fonts(), "".join([*first_texts, *second_texts, "Jan", "Overleg (a)"])
    )
    first, second = _render(first_texts, shared), _render(second_texts, shared)
    for pdf, texts in ((first, first_texts), (second, second_texts)):
        assert _used_codes_without_unicode(pdf) == []
        lines = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)
        assert all(t in lines.splitlines() for t in texts)
    # Drawn twice in one PDF (the second time from the cache): the same codes.
    once, twice = _joined(first)
    assert once == twice
    # In the second PDF the other phrase took the first free codes for its joined
    # forms: the same run draws that PDF's own codes, still read back as written.
    _, there = _joined(second)
    assert there != once
