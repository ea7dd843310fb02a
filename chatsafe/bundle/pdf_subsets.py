"""The transcript fonts' subsets, made once per bundle and embedded in every PDF of it.

fpdf2 subsets each font with fontTools when it writes a PDF: for a bundle of twenty
conversations that was 80 % of the bundle time (each PDF parsed Droid Sans Fallback's
50,000 glyph outlines again). Here a cheap first pass collects the characters the
bundle's transcripts draw (``bundle_characters``: texts, senders, attachment names,
titles and participants of the leaving messages only, so a font subset never carries
a glyph of a withheld message), each font is subset once by HarfBuzz's subsetter with
its shaping closure (every glyph HarfBuzz can substitute for Hebrew and Arabic), and
every PDF embeds those same bytes (``SharedSubsetProducer``).

Each PDF still writes its own code-to-glyph map, widths and ToUnicode map from the
glyphs it uses, as fpdf2 does, so PDF/A-2u holds: every glyph drawn maps to Unicode.
A PDF that uses a glyph the shared subset lacks (the first pass missed a character)
falls back to fpdf2's own subsetting for that font: slower, never wrong.

Relies on fpdf2 internals (``OutputProducer._add_fonts``, ``SubsetMap``, ``Glyph``);
fpdf2 is pinned, and tests/unit/test_pdf_subsets.py pins the behaviour.
"""

from __future__ import annotations

import bisect
import contextlib
import copy
import functools
import inspect
import logging
import zlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from fpdf.output import OutputProducer, PDFFont, _tt_font_widths
from fpdf.syntax import Name, PDFArray, PDFContentStream, PDFObject, build_obj_dict

from chatsafe.bundle import pdf_pages
from chatsafe.bundle.payload import LeavingConversation
from chatsafe.bundle.pdf_fonts import PRIMARY, RTL, RTL_FAMILIES, FontSet
from chatsafe.bundle.pdf_pages import PageWriter

log = logging.getLogger(__name__)

# Characters render_pdf writes itself (headings, markers, "—" for no sender): ASCII and
# a few signs, in every bundle.
FIXED = frozenset(map(chr, range(0x20, 0x7F))) | frozenset("→—·–")


# A text with a character beyond ASCII (or a NUL), decided in C: its UTF-8 is longer
# than its characters. A row of ASCII only draws ASCII (FIXED), for a control character
# is printed as its code, "[U+0009]" (``FontSet.printable``). length() counts up to the
# first NUL and octet_length() every byte, so they differ for any text with a NUL too:
# SQLite may pass on a row it need not, never hold back one it must pass on.
_BEYOND_ASCII = "octet_length({0}) <> length({0})"


def bundle_characters(
    c: Any,
    leaving: Iterable[LeavingConversation],
    extra: Iterable[str] = (),
    check: Callable[[], None] = lambda: None,
) -> set[str]:
    """Every character the transcripts of ``leaving`` can draw beyond ASCII (and
    perhaps some ASCII): the leaving messages' texts, senders and event types, their
    attachments' names, the conversations' titles, and ``extra`` (the time zone).
    Withheld messages are never used, so no subset carries a glyph only a private
    message has."""
    chars: set[str] = set()
    for s in extra:
        chars.update(s)
    convs = {conv.case_id: conv for conv in leaving}
    for conv in convs.values():
        chars.update(conv.title)
    # Each conversation's leaving ids, sorted, made when a row of it first needs them:
    # a lookup by bisection, no set of every leaving id of the case held at once.
    kept: dict[int, list[int]] = {}

    def leaves(cid: int, mid: int) -> bool:
        ids = kept.get(cid)
        if ids is None:
            conv = convs.get(cid)
            ids = kept[cid] = sorted(conv.message_ids) if conv is not None else []
        i = bisect.bisect_left(ids, mid)
        return i < len(ids) and ids[i] == mid

    texts: list[str] = []
    # One pass over the table, not one per conversation by its index: a conversation's
    # rows lie anywhere in the file, and looking each one up cost three times as much as
    # reading the table in its order. SQLite passes on only the rows with more than
    # ASCII, so most chat messages never reach Python.
    beyond = " OR ".join(_BEYOND_ASCII.format(col) for col in ("text", "sender", "event_type"))
    rows = c.execute(
        f"SELECT conversation_id, id, text, sender, event_type FROM messages WHERE {beyond}"
    )
    for i, (cid, mid, text, sender, event_type) in enumerate(rows):
        if i % 10_000 == 0:
            check()
        if leaves(int(cid), int(mid)):
            texts.extend((str(text or ""), str(sender or ""), str(event_type or "")))
            if len(texts) > 30_000:  # one set() over a joined string, in C
                chars.update("".join(texts))
                texts.clear()
    check()
    for cid, mid, name in c.execute(
        "SELECT m.conversation_id, a.message_id, a.name FROM attachments a JOIN messages m"
        f" ON m.id = a.message_id WHERE {_BEYOND_ASCII.format('a.name')}"
    ):
        if leaves(int(cid), int(mid)):
            texts.append(str(name) + str(name).lower())
    chars.update("".join(texts))
    return chars


@dataclass(frozen=True)
class SharedFont:
    """One font's subset for a bundle: the compressed font file and its glyph ids."""

    key: str
    stream: bytes  # the subset font file, zlib-compressed once
    length: int  # its uncompressed length (FontFile2's /Length1)
    gid: dict[str, int]  # glyph name (as fpdf2 names it) -> glyph id in the subset


class BundleFonts:
    """The subsets of one bundle, by fpdf2 font key (family in lower case + style)."""

    def __init__(self, fontset: FontSet, characters: Iterable[str]) -> None:
        self.fontset = fontset
        chars = set(characters) | FIXED
        chars = set(fontset.printable("".join(sorted(chars))))  # what no font has: codes
        chars.discard("\n")
        self.fonts: dict[str, SharedFont] = {}
        self.subset_runs = 0
        for family, wanted in _per_family(fontset, chars).items():
            for style in sorted(fontset.styles[family]):
                key = family.lower() + style
                self.fonts[key] = _subset(fontset, key, wanted, family in RTL_FAMILIES)
                self.subset_runs += 1
        # fpdf2's writer for the PDFs of this bundle: pdf.output(output_producer_class=...)
        self.producer: type[OutputProducer] = type(
            "BundleOutputProducer", (SharedSubsetProducer,), {"bundle_fonts": self}
        )

    def covers(self, key: str, font: Any) -> SharedFont | None:
        """The shared subset for ``font`` (one PDF's copy, ``key`` in ``pdf.fonts``)
        when it has every glyph the PDF uses, else None."""
        shared = self.fonts.get(key)
        if shared is None or font.is_cff:
            return None
        for glyph, _ in font.subset.items():
            if glyph is not None and glyph.glyph_name not in shared.gid:
                return None
        return shared


def _per_family(fontset: FontSet, chars: set[str]) -> dict[str, set[str]]:
    """The characters each family draws, as chatsafe/bundle/transcript_layout.py picks
    the family: ``family_of``, and a right-to-left font also draws the spaces, digits
    and punctuation it has inside a right-to-left run."""
    if fontset.plain.issuperset(chars):  # a bundle DejaVu draws alone: no fallbacks loaded
        return {PRIMARY: chars}
    family_of = fontset.family_of
    out: dict[str, set[str]] = {PRIMARY: set()}
    for ch in chars:
        out.setdefault(family_of.get(ch, PRIMARY), set()).add(ch)
    for family in RTL_FAMILIES & out.keys():
        out[family].update(ch for ch in chars if not RTL.match(ch) and fontset.has(family, ch))
    return out


# Tables a PDF's embedded TrueType font does not need; what fpdf2 drops from its own
# subsets. The layout tables go too: a PDF draws glyphs, it does not shape.
_LAYOUT = ("GSUB", "GPOS", "GDEF", "JSTF", "BASE")
_DROP = (*_LAYOUT, "FFTM", "MATH", "hdmx", "meta", "sbix", "CBDT", "CBLC", "EBDT", "EBLC",
         "EBSC", "SVG ", "CPAL", "COLR")  # fmt: skip


def _tag(name: str) -> int:
    return int.from_bytes(name.encode("ascii"), "big")


def _subset(fontset: FontSet, key: str, chars: set[str], shaped: bool) -> SharedFont:
    """``key``'s subset for ``chars``, made by HarfBuzz's subsetter (hb-subset, in C:
    milliseconds where fontTools took 0.03-0.3 s a font, parsing every glyph and
    metric of the whole font in Python). The glyph ids it gives are named with the
    names fpdf2 gave the font's glyphs (fontTools' glyph order)."""
    import uharfbuzz as hb  # type: ignore[import-untyped]

    face = hb.Face(hb.Blob(fontset.font_bytes(key)))
    # fpdf2 reserves codes 0 and 32 in every PDF for the glyphs of U+0000 and the space.
    unicodes = [0, 0x20, *map(ord, chars)]
    keep: Iterable[int] = ()
    if shaped:
        # A right-to-left font gets every lookup's closure: the glyphs HarfBuzz
        # substitutes (Arabic's joined forms, ligatures, marks) are in the subset. The
        # closure is HarfBuzz's own, over every feature (the feature set starts as
        # hb-subset's defaults: cleared, then inverted, it is all of them), and needs the
        # layout tables in the plan; the subset itself is made without them below.
        closure = hb.SubsetInput()
        closure.unicode_set.update(unicodes)
        features = closure.layout_feature_tag_set
        features.clear()
        features.invert()
        keep = hb.SubsetPlan(face, closure).old_to_new_glyph_mapping.keys()
    wanted = hb.SubsetInput()
    wanted.unicode_set.update(unicodes)
    wanted.glyph_set.update(keep)
    # Without its layout tables a font gets no layout closure: the other fonts draw each
    # character's own glyph (their closure would add ligatures nothing draws).
    wanted.drop_table_tag_set.update(map(_tag, _DROP))
    wanted.flags = hb.SubsetFlags.NOTDEF_OUTLINE | hb.SubsetFlags.NO_LAYOUT_CLOSURE
    plan = hb.SubsetPlan(face, wanted)
    data = bytes(plan.execute().blob.data)
    names = fontset.glyph_names(key)
    gid = {names[old]: new for old, new in plan.old_to_new_glyph_mapping.items()}
    return SharedFont(key, zlib.compress(data), len(data), gid)


class _Compressed(PDFContentStream):
    """A stream whose bytes are already compressed (the shared font file)."""

    def __init__(self, compressed: bytes, length1: int) -> None:
        super().__init__(contents=compressed, compress=False)
        self.filter = Name("FlateDecode")
        self.length1 = length1


class SharedSubsetProducer(PageWriter):
    """fpdf2's writer, embedding the bundle's shared subsets instead of subsetting each
    font again, its pages written by ``PageWriter`` (chatsafe/bundle/pdf_pages.py);
    ``BundleFonts.producer`` is this class bound to one bundle's subsets."""

    bundle_fonts: BundleFonts

    def _add_pdf_obj(self, pdf_obj: Any, trace_label: str | None = None) -> int:
        """fpdf2's, and the object serialises its dictionary faster (``_quick``): a
        transcript has thousands of pages, each a few objects."""
        quick = _quick(pdf_obj.__class__)
        if quick is not None:
            with contextlib.suppress(TypeError):  # a layout __class__ cannot take
                pdf_obj.__class__ = quick
        number: int = super()._add_pdf_obj(pdf_obj, trace_label)
        return number

    def _add_fonts(self, *args: Any) -> Any:
        fonts: dict[str, Any] = self.fpdf.fonts
        shared: dict[str, tuple[Any, SharedFont]] = {}
        for key, font in fonts.items():
            found = self.bundle_fonts.covers(key, font) if hasattr(font, "subset") else None
            if found is not None:
                shared[key] = (font, found)
            elif key in self.bundle_fonts.fonts:
                # The first pass missed a glyph this PDF uses: fpdf2 subsets this font
                # for this PDF, in place, so it gets its own parsed copy.
                log.warning("font %s: glyphs outside the bundle's subset; subset per PDF", key)
                font.ttfont = self.bundle_fonts.fontset.private_ttfont(key)
        # fpdf2's registry is a property over a dict: hide the shared fonts from its
        # writer in place, and put them back in their order.
        every = dict(fonts)
        for key in shared:
            del fonts[key]
        try:
            objects = super()._add_fonts(*args)
        finally:
            fonts.clear()
            fonts.update(every)
        for font, found in shared.values():
            objects[font.i] = self._add_shared_font(font, found)
        return objects

    def _add_shared_font(self, font: Any, shared: SharedFont) -> PDFFont:
        """The objects fpdf2 writes for a TrueType font (``_add_fonts``), with the
        shared subset as the font file and this PDF's codes mapped to its glyph ids."""
        from fpdf.output import CIDSystemInfo

        fontname = f"MPDFAA+{font.name}"
        composite = PDFFont(subtype="Type0", base_font=fontname, encoding="Identity-H")
        self._add_pdf_obj(composite, "fonts")
        cid_font = PDFFont(
            subtype="CIDFontType2",
            base_font=fontname,
            d_w=font.desc.missing_width,
            w=_tt_font_widths(font),
        )
        self._add_pdf_obj(cid_font, "fonts")
        composite.descendant_fonts = PDFArray([cid_font])

        to_unicode = PDFContentStream(_to_unicode(font).encode("latin-1"))
        self._add_pdf_obj(to_unicode, "fonts")
        composite.to_unicode = to_unicode

        system_info = CIDSystemInfo()
        self._add_pdf_obj(system_info, "fonts")
        cid_font.c_i_d_system_info = system_info

        # The descriptor is shared by every copy of the font: each PDF writes its own.
        descriptor = copy.copy(font.desc)
        descriptor.font_name = Name(fontname)
        self._add_pdf_obj(descriptor, "fonts")
        cid_font.font_descriptor = descriptor

        cid_to_gid = bytearray(2 * 65536)
        for glyph, code in font.subset.items():
            if glyph is not None:
                g = shared.gid[glyph.glyph_name]
                cid_to_gid[2 * code] = g >> 8
                cid_to_gid[2 * code + 1] = g & 0xFF
        cid_map = PDFContentStream(contents=_map_stream(cid_to_gid), compress=False)
        cid_map.filter = Name("FlateDecode")
        self._add_pdf_obj(cid_map, "fonts")
        cid_font.c_i_d_to_g_i_d_map = cid_map

        font_file = _Compressed(shared.stream, shared.length)
        self._add_pdf_obj(font_file, "fonts")
        descriptor.font_file2 = font_file
        # fpdf2's per-class caches hold every subset map they saw: emptied after each
        # PDF, as fpdf2 does, so a bundle of many conversations does not keep them all.
        font.subset.pick.cache_clear()
        font.subset.get_glyph.cache_clear()
        return composite


def _map_stream(data: bytes | bytearray) -> bytes:
    """A code-to-glyph map (128 KiB, mostly zeros) deflated. fpdf2's zlib default level
    took 1 ms a map (7 a PDF): ISA-L (``compress_page``) takes 0.05 ms; without it zlib
    with run lengths only takes a fifth of fpdf2's time and comes out smaller."""
    if pdf_pages.isal_available():
        return pdf_pages.compress_page(data)
    z = zlib.compressobj(6, zlib.DEFLATED, 15, 8, zlib.Z_RLE)
    return z.compress(data) + z.flush()


@functools.cache
def _quick(cls: Any) -> type | None:
    """``cls`` with fpdf2's ``_build_obj_dict``, but over a list of names made once
    for the class. fpdf2 lists every name of every object (``dir``, 15 µs) and reads
    each, methods too, then drops the private ones, ``id``, ``ref``, methods and None
    values; here only names that can remain are read, in the same (sorted) order, so
    the dictionary is the same. None for a class that overrides the method."""
    if cls.__dict__.get("_build_obj_dict") is not None or not issubclass(cls, PDFObject):
        return None
    if cls._build_obj_dict is not PDFObject._build_obj_dict:
        return None
    # Names of the class that can remain: public, not id or ref, not a plain method.
    names = frozenset(
        name
        for name in dir(cls)
        if not name.startswith("_")
        and name not in ("id", "ref")
        and not inspect.isfunction(inspect.getattr_static(cls, name))
    )

    def _build_obj_dict(self: Any, security_handler: Any = None) -> dict[str, object]:
        own = getattr(self, "__dict__", None)
        keys = names.union(k for k in own if not k.startswith("_")) if own else names
        return build_obj_dict(
            {key: getattr(self, key) for key in sorted(keys)},
            _security_handler=security_handler,
            _obj_id=self.id,
        )

    slots = () if hasattr(cls, "__slots__") else None
    body: dict[str, Any] = {"_build_obj_dict": _build_obj_dict, "__module__": cls.__module__}
    if slots is not None:
        body["__slots__"] = slots
    return type(cls.__name__, (cls,), body)


def _to_unicode(font: Any) -> str:
    """The ToUnicode CMap of the codes this PDF uses, as fpdf2 writes it."""
    from fpdf.output import _build_cmap_blocks

    def utf16(unicode: int) -> str:
        if unicode > 0xFFFF:
            high = 0xD800 | (unicode - 0x10000) >> 10
            return f"{high:04X}{0xDC00 | (unicode & 0x3FF):04X}"
        return f"{unicode:04X}"

    bfchar = [
        f"<{code:04X}> <{''.join(utf16(u) for u in glyph.unicode)}>\n"
        for glyph, code in font.subset.items()
        if glyph is not None and isinstance(glyph.unicode, tuple) and glyph.unicode
    ]
    return (
        "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n/CIDSystemInfo\n"
        "<</Registry (Adobe)\n/Ordering (UCS)\n/Supplement 0\n>> def\n"
        "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n1 begincodespacerange\n"
        "<0000> <FFFF>\nendcodespacerange\n"
        f"{_build_cmap_blocks(bfchar, 'bfchar')}"
        "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend"
    )
