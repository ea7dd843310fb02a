"""A transcript's pages written as fpdf2 writes them, without its per-page objects.

A transcript has thousands of pages, and fpdf2's writer (``OutputProducer``) spent
about 100 µs on each outside zlib: a content stream object made, a resources
dictionary built from six lookups, and three dictionaries serialised by listing each
object's attributes. ``PageWriter`` writes the same three objects (page, content
stream, resources) from a few formatted strings, numbered in fpdf2's order, so the PDF
is byte for byte what fpdf2 writes (tests/unit/test_pdf_pages.py compares the two).

What the fast path does not know it leaves to fpdf2: a page with annotations, its own
size, a duration, a transition or structure, a page whose resources are more than
fonts, and encrypted PDFs go through fpdf2's own code unchanged.

Relies on fpdf2 internals (``OutputProducer._add_pages``, ``_insert_resources``,
``PDFPage``'s attributes); fpdf2 is pinned (pyproject.toml).
"""

from __future__ import annotations

import zlib
from typing import Any

from fpdf.enums import PDFResourceType
from fpdf.output import OutputProducer, PDFPage, PDFResources
from fpdf.syntax import Name, PDFContentStream, PDFObject, iobj_ref
from fpdf.syntax import create_dictionary_string as pdf_dict

try:
    # ISA-L's deflate (Intel's, BSD-3; python-isal, PSF-2.0): at its level 1 it
    # compresses a transcript's page two and a half times as fast as zlib at level 3,
    # for pages about 8 % larger (pyproject.toml says why it is a dependency).
    from isal import isal_zlib as _isal
except ImportError:  # pragma: no cover - a dependency; zlib gives the same PDF, slower
    _isal = None  # type: ignore[assignment]

# zlib's level for a transcript's page content streams when ISA-L is missing. fpdf2
# uses zlib's default (6), which took a sixth of the transcripts' time; on their text
# operators level 3 is about twice as fast for PDFs about 6 % larger.
PAGE_LEVEL = 3
ISAL_LEVEL = 1


def isal_available() -> bool:
    """Whether ISA-L deflates (else zlib)."""
    return _isal is not None


def compress_page(data: bytes | bytearray) -> bytes:
    """A page's content stream, deflated in a zlib wrapper (what FlateDecode reads)."""
    if _isal is not None:
        out: bytes = _isal.compress(data, ISAL_LEVEL)
        return out
    return zlib.compress(data, PAGE_LEVEL)


# fpdf2 gives every page this group when images may be transparent (PDF 1.4 and later).
_GROUP = pdf_dict({"/Type": "/Group", "/S": "/Transparency", "/CS": "/DeviceRGB"}, field_join=" ")
_OTHER = (
    PDFResourceType.X_OBJECT,
    PDFResourceType.EXT_G_STATE,
    PDFResourceType.SHADING,
    PDFResourceType.PATTERN,
    PDFResourceType.PROPERTIES,
)


def _fpdf2_compress(data: bytes | bytearray) -> bytes:
    return zlib.compress(data, PDFContentStream._COMPRESSION_LEVEL)


class _Stream(PDFContentStream):
    """A page's content stream, compressed when made, serialised as fpdf2 does."""

    def __init__(self, compressed: bytes) -> None:  # no super(): nothing more to set
        self._id = None
        self._contents = compressed

    def serialize(self, obj_dict: Any = None, _security_handler: Any = None) -> Any:
        data = self._contents
        head = f"{self._id} 0 obj\n<<\n/Filter /FlateDecode\n/Length {len(data)}\n>>\nstream\n"
        return head.encode() + data + b"\nendstream\nendobj"


class _Resources(PDFObject):
    """A page's resources dictionary that names fonts only, as fpdf2 writes it."""

    def __init__(self, body: str) -> None:
        self._id = None
        self._body = body  # fpdf2's serialisation after "N 0 obj"

    def serialize(self, obj_dict: Any = None, _security_handler: Any = None) -> str:
        return f"{self._id} 0 obj{self._body}"


class PageWriter(OutputProducer):
    """fpdf2's writer, with the pages written from formatted strings (module docstring).
    A page that fpdf2 would write with more than a content stream, a parent, the
    transparency group and resources of fonts only is written by fpdf2."""

    def _fast(self) -> bool:
        return self.fpdf._security_handler is None

    def _fpdf2_pages(self, _slice: slice) -> list[PDFPage]:
        """fpdf2's own pages; with its compression off (render_pdf turns it off for a
        bundle's transcripts) each content stream is compressed here instead."""
        pages: list[PDFPage] = super()._add_pages(_slice)
        if not self.fpdf.compress:
            for page in pages:
                stream: Any = page.contents
                stream._contents = compress_page(stream._contents)
                stream.filter = Name("FlateDecode")
                stream.length = len(stream._contents)
        return pages

    def _add_pages(self, _slice: slice = slice(0, None)) -> list[PDFPage]:
        if not self._fast() or _slice != slice(0, None):
            return self._fpdf2_pages(_slice)
        fpdf = self.fpdf
        group = _GROUP if fpdf.pdf_version > "1.3" and fpdf.allow_images_transparency else None
        size = fpdf.default_page_dimensions
        # fpdf2 compresses at zlib's default when it compresses; when render_pdf turned
        # its compression off (a bundle's transcripts), pages are compressed here.
        compress = _fpdf2_compress if fpdf.compress else compress_page
        objs = self.pdf_objs
        number = self.obj_id
        out: list[PDFPage] = []
        for page in self._iter_pages_in_order():
            if type(page) is not PDFPage or page.dimensions() != size:
                self.obj_id = number
                out.extend(self._fpdf2_pages(slice(len(out), len(out) + 1)))
                number = self.obj_id
                continue
            page.group = group
            contents = page.contents
            assert isinstance(contents, bytearray)
            stream = _Stream(compress(contents))
            # fpdf2's _add_pdf_obj, without its trace label (only debug logging reads it)
            page.id = number + 1
            stream._id = number + 2
            number += 2
            objs.append(page)
            objs.append(stream)
            page.contents = stream
            page.__class__ = _Page
            out.append(page)
        self.obj_id = number
        return out

    def _insert_resources(self, page_objs: list[PDFPage]) -> None:
        """fpdf2's, with each page's dictionary of fonts written from a string made once
        per set of fonts; any other resource on a page, and fpdf2 does it all."""
        catalog = self.fpdf._resource_catalog
        per_page = catalog.resources_per_page
        plain = (
            self._fast()
            and not self.fpdf.single_resources_object
            and not any(used for (_, kind), used in per_page.items() if kind in _OTHER)
        )
        if not plain:
            super()._insert_resources(page_objs)
            return
        fonts: dict[int, Any] = {}
        real_add_fonts = self._add_fonts

        def add_fonts(*args: Any) -> Any:
            found = real_add_fonts(*args)
            fonts.update(found)
            return found

        self._add_fonts = add_fonts  # type: ignore[method-assign,assignment]
        try:
            super()._insert_resources([])  # every object but the pages' dictionaries
        finally:
            del self._add_fonts
        bodies: dict[frozenset[Any], str] = {}
        objs = self.pdf_objs
        number = self.obj_id
        for n, page in enumerate(page_objs, start=1):
            used = frozenset(per_page.get((n, PDFResourceType.FONT), ()))
            body = bodies.get(used)
            if body is None:
                body = bodies[used] = self._resources_body(used, fonts)
            number += 1
            resources = _Resources(body)
            resources._id = number
            objs.append(resources)
            page.resources = resources  # type: ignore[assignment]
        self.obj_id = number

    @staticmethod
    def _resources_body(used: frozenset[Any], fonts: dict[int, Any]) -> str:
        """What fpdf2's ``_add_resources_dict`` serialises for a page using ``used``."""
        font = None
        if used:
            font = pdf_dict({f"/F{i}": iobj_ref(fonts[i].id) for i in sorted(int(f) for f in used)})
        obj = PDFResources(
            proc_set="[/PDF /Text /ImageB /ImageC /ImageI]",
            font=font,
            x_object=None,
            ext_g_state=None,
            shading=None,
            pattern=None,
            properties=None,
        )
        obj.id = 0
        text: str = obj.serialize()
        return text[len("0 0 obj") :]


class _Page(PDFPage):
    """A page fpdf2's writer placed; serialised from a format when it holds only what
    a transcript's page holds, else as fpdf2 serialises it."""

    __slots__ = ()

    def serialize(self, obj_dict: Any = None, _security_handler: Any = None) -> str:
        if (
            obj_dict is not None
            or _security_handler is not None
            or self.annots
            or self.dur is not None
            or self.trans is not None
            or self.media_box is not None
            or self.struct_parents is not None
            or self.group not in (None, _GROUP)
        ):
            text: str = super().serialize(obj_dict, _security_handler)
            return text
        group = "" if self.group is None else f"/Group {self.group}\n"
        parts: Any = (self.contents, self.parent, self.resources)
        contents, parent, resources = parts
        return (
            f"{self._id} 0 obj\n<<\n/Contents {contents._id} 0 R\n{group}"
            f"/Parent {parent._id} 0 R\n/Resources {resources._id} 0 R\n"
            "/Type /Page\n>>\nendobj"
        )
