"""Every script a chat carries is in the transcript PDF as text a reader extracts back.

pypdf (in the test extras, pure Python) is the extractor everywhere; pdftotext
(poppler) too where it is installed.
"""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from datetime import datetime
from typing import Any

import pytest
from pypdf import PdfReader
from pypdf.generic import ContentStream

from chatsafe.bundle import pdf_fonts, transcript_pdf
from chatsafe.bundle.payload import LeavingConversation, Row
from tests.unit.pdf_bytes import undated

HEADER = {
    "title": "Overleg (a)",
    "participants": [{"name": "Minister", "owner": True}],
    "is_group": True,
    "source_format": "whatsapp",
    "time_zone": "Europe/Amsterdam",
    "first": None,
    "last": None,
}
CONV = LeavingConversation(1, "conversation-0001", "Overleg (a)", "whatsapp", True, [])
WHEN = datetime(2024, 1, 1)

# One line each, so the expected text is the message itself.
SINGLE_SCRIPT = [
    "Één naïeve façade, Ærø, Łódź, Ελλάδα, Москва",
    "Prima 👍",
    "👍🏽 👨‍👩‍👧 ✓ ☕",
    "会议在明天 日本語のテキスト",
    "שלום עולם",
    "مرحبا بالعالم لا",
    "السلام عليكم، كيف حالك؟",
]
# Left-to-right and right-to-left in one message: the bidirectional algorithm moves
# the spaces at a direction change, and no extractor can tell where they were.
MIXED = [
    "Afspraak om 10:00 met שלום עולם 123 en مرحبا 45 ok 👍",
    "אני אומר: hello world!",
    "中文 en עברית en العربية",
]


def _row(n: int, text: str) -> Row:
    return Row(n, "x", "message", None, "Jan", False, "2024-03-01T10:00:00", None, 0,
               text, False, False, False, False, False, None, {}, [], [], n)  # fmt: skip


def _render(texts: list[str], **kw: Any) -> bytes:
    rows = [_row(i + 1, t) for i, t in enumerate(texts)]
    return transcript_pdf.render_pdf(CONV, HEADER, rows, created=WHEN, **kw)


def _pypdf_lines(pdf: bytes) -> list[str]:
    pages = PdfReader(io.BytesIO(pdf)).pages
    return "\n".join(p.extract_text() for p in pages).splitlines()


def _pdftotext_lines(pdf: bytes) -> list[str]:
    out = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", "-", "-"], input=pdf, capture_output=True, check=True
    ).stdout.decode()
    # poppler wraps right-to-left runs in embedding marks (U+202A-U+202E) of its own.
    return [ln for ln in re.sub("[\u202a-\u202e]", "", out).splitlines() if ln.strip()]


def _message_lines(lines: list[str], texts: list[str]) -> list[str]:
    """The lines after each message's heading, in order."""
    heads = [i for i, ln in enumerate(lines) if re.match(r"^\d+\. 2024-03-01 10:00:00\s+Jan$", ln)]
    assert len(heads) == len(texts), lines
    return [lines[i + 1] for i in heads]


EXTRACTORS = [pytest.param(_pypdf_lines, id="pypdf")]
if shutil.which("pdftotext"):
    EXTRACTORS.append(pytest.param(_pdftotext_lines, id="pdftotext"))
# poppler moves the words around an Arabic comma (pypdf does not): for pdftotext this
# line is compared as the characters it holds.
POPPLER_REORDERS = {"السلام عليكم، كيف حالك؟"}


def _nospace(text: str) -> str:
    return re.sub(r"\s", "", text)


@pytest.mark.parametrize("extract", EXTRACTORS)
def test_text_of_every_script_extracts_as_written(extract: Any) -> None:
    texts = SINGLE_SCRIPT + MIXED
    got = _message_lines(extract(_render(texts)), texts)
    for text, line in zip(SINGLE_SCRIPT, got, strict=False):
        if extract is _pdftotext_lines and text in POPPLER_REORDERS:
            assert sorted(_nospace(line)) == sorted(_nospace(text))
        else:
            assert line == text
    mixed = got[len(SINGLE_SCRIPT) :]
    if extract is _pdftotext_lines:
        # poppler orders the runs of a mixed line by where they stand, not as typed.
        assert [sorted(_nospace(g)) for g in mixed] == [sorted(_nospace(t)) for t in MIXED]
    else:
        assert [_nospace(g) for g in mixed] == [_nospace(t) for t in MIXED]


def test_right_to_left_is_shaped_and_not_drawn_reversed() -> None:
    # Reversed (the old rendering) extracts reversed; unshaped Arabic uses the isolated
    # letters, which a shaped line never draws.
    pdf = _render(["مرحبا", "שלום"])
    got = _message_lines(_pypdf_lines(pdf), ["", ""])
    assert got == ["مرحبا", "שלום"]
    assert "Noto" in "".join(_font_names(pdf))


def _font_names(pdf: bytes) -> list[str]:
    return [m.decode() for m in re.findall(rb"/BaseFont /([A-Za-z0-9+_-]+)", pdf)]


def _used_codes_without_unicode(pdf: bytes) -> list[tuple[str, int]]:
    """Codes drawn with a font whose ToUnicode map has no entry for them (PDF/A-2u
    requires one for every glyph)."""
    missing: list[tuple[str, int]] = []
    reader = PdfReader(io.BytesIO(pdf))
    for page in reader.pages:
        fonts = page["/Resources"]["/Font"]
        maps: dict[str, set[int]] = {}
        for name, ref in fonts.items():
            cmap = ref.get_object()["/ToUnicode"].get_object().get_data().decode("latin-1")
            codes = {int(c, 16) for c in re.findall(r"^<([0-9A-F]{4})> <", cmap, re.M)}
            for lo, hi in re.findall(r"^<([0-9A-F]{4})> <([0-9A-F]{4})> <", cmap, re.M):
                codes.update(range(int(lo, 16), int(hi, 16) + 1))
            maps[name] = codes
        current = ""
        for operands, op in ContentStream(page.get_contents(), reader).operations:
            if op == b"Tf":
                current = operands[0]
            elif op in (b"Tj", b"TJ"):
                strings = operands[0] if op == b"TJ" else [operands[0]]
                for s in strings:
                    if isinstance(s, (int, float)):
                        continue
                    raw = s.original_bytes if hasattr(s, "original_bytes") else bytes(s)
                    for i in range(0, len(raw), 2):
                        code = int.from_bytes(raw[i : i + 2], "big")
                        if code not in maps[current]:
                            missing.append((current, code))
    return missing


def test_every_glyph_drawn_maps_to_unicode() -> None:
    pdf = _render(SINGLE_SCRIPT + MIXED)
    assert _used_codes_without_unicode(pdf) == []
    assert b"pdfaid:part" in pdf and b"FontFile2" in pdf


def test_a_latin_transcript_embeds_no_fallback_font() -> None:
    names = _font_names(_render(["Goedemorgen, de Kamerbrief is klaar."]))
    assert names and all("DejaVu" in n for n in names)
    names = _font_names(_render(["Prima 👍 会议"]))
    assert any("Symbola" in n for n in names) and any("Droid" in n for n in names)
    assert not any("Noto" in n for n in names)


def test_characters_no_font_has_are_codes_not_gaps() -> None:
    got = _message_lines(_pypdf_lines(_render(["nieuw 🫠 한"])), [""])
    assert got == ["nieuw [U+1FAE0] [U+D55C]"]


def test_fonts_are_parsed_once_and_each_pdf_has_its_own_subset(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from fpdf import fonts as fpdf_fonts

    latin = _render(["Kamerbrief"])
    _render(["Prima 👍 会议 שלום مرحبا"])  # every fallback parsed and used once
    parsed: list[str] = []
    real_init = fpdf_fonts.TTFFont.__init__

    def counting_init(self: Any, *args: Any, **kwargs: Any) -> None:
        parsed.append(str(args[1]))
        real_init(self, *args, **kwargs)

    monkeypatch.setattr(fpdf_fonts.TTFFont, "__init__", counting_init)
    mixed = _render(["Prima 👍 会议 שלום مرحبا"])
    again = _render(["Kamerbrief"])
    assert parsed == []
    # A PDF made after others is the same as one made first: no glyphs carried over
    # (fpdf2 stamps the time of writing as the modification date).
    assert undated(again) == undated(latin)
    assert len(mixed) > len(latin)
    assert pdf_fonts.fonts() is pdf_fonts.fonts()
