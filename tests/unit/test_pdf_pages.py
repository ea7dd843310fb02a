"""A transcript's pages are written from formatted strings (chatsafe/bundle/pdf_pages.py),
byte for byte as fpdf2's own writer writes them; what the fast path does not know
(other page sizes, links, images, encryption) is left to fpdf2, unchanged.

Pins the fpdf2 internals the module relies on (fpdf2 is pinned to 2.8.x).
"""

from __future__ import annotations

import io
from datetime import UTC, datetime
from types import SimpleNamespace
from typing import Any

import fpdf.output
import fpdf.syntax
import pytest
from fpdf import FPDF
from pypdf import PdfReader

from chatsafe.bundle import pdf_pages
from chatsafe.bundle.pdf_pages import PageWriter
from tests.unit.test_pdf_subsets import TEXTS, _bundle_fonts, _render


class _Clock(datetime):
    """fpdf2 writes the time of writing into the XMP metadata (and so into the file
    id): frozen, two writings of one document can be compared byte for byte."""

    @classmethod
    def now(cls, tz: Any = None) -> _Clock:
        return cls(2024, 5, 2, 12, 0, 0, tzinfo=UTC)


@pytest.fixture
def frozen(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(fpdf.output, "datetime", _Clock)


@pytest.fixture
def fast_pages(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The class names of the pages PageWriter placed, to show the fast path ran."""
    seen: list[str] = []
    real = PageWriter._add_pages

    def spy(self: PageWriter, *args: Any) -> Any:
        pages = real(self, *args)
        seen.extend(type(p).__name__ for p in pages)
        return pages

    monkeypatch.setattr(PageWriter, "_add_pages", spy)
    return seen


def test_transcript_pages_are_written_byte_for_byte_as_fpdf2_writes_them(
    frozen: None, fast_pages: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # Every script (fallback fonts, right-to-left), so pages name different font sets.
    texts = TEXTS * 40
    shared = _bundle_fonts(texts)
    fast = _render(texts, shared)
    pages = len(PdfReader(io.BytesIO(fast)).pages)
    assert pages > 3
    assert fast_pages == ["_Page"] * pages  # the fast path wrote every page
    fast_pages.clear()
    monkeypatch.setattr(PageWriter, "_fast", lambda self: False)  # fpdf2's own code
    assert _render(texts, shared) == fast
    assert fast_pages == ["PDFPage"] * pages


def _document(*, compress: bool = True) -> FPDF:
    """A document with what the fast path leaves to fpdf2: a page of another size, a
    link annotation, an image, and plain pages around them."""
    from PIL import Image

    pdf = FPDF(format="A4")
    pdf.set_creation_date(datetime(2024, 5, 1, tzinfo=UTC))
    pdf.set_compression(compress)
    pdf.set_font("Helvetica", size=12)
    for page in range(6):
        pdf.add_page(format=(148, 210) if page == 2 else "A4")
        pdf.text(20, 20, f"Page {page + 1}")
        if page == 3:
            pdf.link(20, 30, 40, 10, "https://example.org/")
        if page == 4:
            image = io.BytesIO()
            Image.new("RGB", (4, 4), (200, 10, 10)).save(image, format="PNG")
            pdf.image(image, x=20, y=40, w=20)
    return pdf


@pytest.mark.parametrize("compress", [True, False])
def test_what_the_fast_path_does_not_know_is_written_by_fpdf2(
    frozen: None, fast_pages: list[str], compress: bool
) -> None:
    mine = bytes(_document(compress=compress).output(output_producer_class=PageWriter))
    own_pdf = _document(compress=compress)
    if not compress:  # PageWriter compresses what fpdf2 was told not to (compress_page)
        own_pdf.set_compression(True)
        monkey = pytest.MonkeyPatch()
        zlib = SimpleNamespace(compress=lambda data, level: pdf_pages.compress_page(data))
        monkey.setattr(fpdf.syntax, "zlib", zlib)
        try:
            own = bytes(own_pdf.output())
        finally:
            monkey.undo()
    else:
        own = bytes(own_pdf.output())
    assert mine == own
    reader = PdfReader(io.BytesIO(mine))
    assert [p.extract_text().strip() for p in reader.pages] == [f"Page {n}" for n in range(1, 7)]
    # The page of another size went to fpdf2; the others took the fast path.
    assert fast_pages == ["_Page"] * 2 + ["PDFPage"] + ["_Page"] * 3


def test_plain_pages_of_a_plain_document_take_the_fast_path(
    frozen: None, fast_pages: list[str]
) -> None:
    def plain() -> FPDF:
        pdf = FPDF(format="A4")
        pdf.set_creation_date(datetime(2024, 5, 1, tzinfo=UTC))
        pdf.set_font("Helvetica", size=12)
        for page in range(5):
            pdf.add_page()
            pdf.text(20, 20, f"Page {page + 1}")
            if page % 2:
                pdf.set_font("Courier", size=10)
        return pdf

    assert bytes(plain().output(output_producer_class=PageWriter)) == bytes(plain().output())
    assert fast_pages == ["_Page"] * 5


@pytest.mark.parametrize("isal", [True, False])
def test_code_to_glyph_maps_are_deflated_whole(
    frozen: None, isal: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    # pdf_subsets._map_stream deflates each font's 128 KiB code-to-glyph map with ISA-L,
    # or without it zlib with run lengths only: it must inflate to the whole map, every
    # code's glyph in place.
    import zlib

    from chatsafe.bundle import pdf_subsets

    if not isal:
        monkeypatch.setattr(pdf_pages, "_isal", None)
    texts = TEXTS * 3
    reader = PdfReader(io.BytesIO(_render(texts, _bundle_fonts(texts))))
    maps = 0
    for ref in reader.pages[0]["/Resources"]["/Font"].values():
        cid = ref.get_object()["/DescendantFonts"][0].get_object()
        stream = cid["/CIDToGIDMap"].get_object()
        data = stream.get_data()
        assert len(data) == 2 * 65536 and any(data)
        assert stream._data == pdf_subsets._map_stream(data)
        if isal:
            assert stream._data == pdf_pages.compress_page(data)
        else:
            assert len(stream._data) < len(zlib.compress(data))
        maps += 1
    assert maps >= 4


def test_pages_are_deflated_by_isa_l_and_by_zlib_without_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # ISA-L (a dependency) deflates the pages; without it zlib does, at PAGE_LEVEL.
    # Either way a page is a zlib stream that inflates to its operators.
    import zlib

    page = b"".join(
        b"BT /F1 9.00 Tf 42.52 %d.00 Td (%s) Tj ET\n" % (800 - 12 * i, b"\0a\0b" * i)
        for i in range(60)
    )
    assert pdf_pages._isal is not None
    fast = pdf_pages.compress_page(page)
    assert zlib.decompress(fast) == page
    assert fast == pdf_pages._isal.compress(page, pdf_pages.ISAL_LEVEL)
    monkeypatch.setattr(pdf_pages, "_isal", None)
    assert pdf_pages.compress_page(page) == zlib.compress(page, pdf_pages.PAGE_LEVEL)
