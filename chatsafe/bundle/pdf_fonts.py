"""The transcript PDF's fonts: every script a chat carries, parsed once per process.

DejaVu Sans draws Latin, Greek, Cyrillic and many symbols. Fallbacks, shipped in
chatsafe/data/fonts with their licences: Noto Sans Hebrew and Noto Naskh Arabic
(OFL-1.1, small, with the shaping tables right-to-left text needs), Droid Sans
Fallback (Apache-2.0, Chinese and Japanese in 4 MB where a Noto CJK font is 16 MB or
more) and a subset of Symbola (free for any use; the only monochrome emoji font in the
registries, and PDF/A cannot carry colour emoji as text). Emoji newer than Unicode 9,
Hangul and other characters no font covers are printed as ``[U+XXXX]`` codes, so the
text stays extractable and nothing is silently dropped.

Parsing a TrueType font with fontTools took about 70 ms per conversation; here each
font is parsed once (``fonts()``), and ``FontSet.attach`` gives each new PDF a copy
that shares the parsed tables and has its own subset (every PDF embeds only the
glyphs it uses). A fallback font is attached only when a line needs it, so a PDF
embeds no unused font, and parsed only when something draws with it: which family
draws a character comes from each font's character map as HarfBuzz reads it (a few
milliseconds, in C), so a bundle without Chinese or Japanese never parses Droid Sans
Fallback (0.15 s).
"""

from __future__ import annotations

import copy
import functools
import io
import itertools
import re
import threading
from collections.abc import Container, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from chatsafe.bundle import pdf_font_template

PRIMARY = "DejaVu"


@dataclass(frozen=True)
class FontFile:
    family: str
    style: str
    file: str


FILES = (
    FontFile(PRIMARY, "", "DejaVuSans.ttf"),
    FontFile(PRIMARY, "B", "DejaVuSans-Bold.ttf"),
    FontFile("NotoHebrew", "", "NotoSansHebrew-Regular.ttf"),
    FontFile("NotoHebrew", "B", "NotoSansHebrew-Bold.ttf"),
    FontFile("NotoArabic", "", "NotoNaskhArabic-Regular.ttf"),
    FontFile("DroidCJK", "", "DroidSansFallbackFull.ttf"),
    FontFile("SymbolaEmoji", "", "SymbolaEmoji.ttf"),
)
# Which family draws a character: the first that has it. Hebrew and Arabic letters go
# to the Noto fonts even where DejaVu has them, so a word is shaped by one font.
ORDER = (PRIMARY, "NotoHebrew", "NotoArabic", "DroidCJK", "SymbolaEmoji")
RTL_ORDER = ("NotoHebrew", "NotoArabic", PRIMARY, "DroidCJK", "SymbolaEmoji")
RTL_FAMILIES = frozenset(("NotoHebrew", "NotoArabic"))

# Hebrew, Arabic, Syriac, Thaana, NKo... and their presentation forms: right-to-left
# scripts that need the bidirectional algorithm and, for Arabic, shaping.
RTL = re.compile(
    "[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefe\U00010800-\U00010fff\U0001e800-\U0001efff]"
)
_CONTROL = frozenset(chr(c) for c in (*range(0x20), *range(0x7F, 0xA0))) - {"\n"}


def font_path(name: str) -> str:
    return str(resources.files("chatsafe.data").joinpath("fonts", name))


class FontSet:
    """The parsed fonts, which family draws each character, and their widths.

    DejaVu is parsed at once; a fallback font only when a text is drawn with it.
    """

    def __init__(self) -> None:
        self._templates: dict[str, Any] = {}
        self._data: dict[str, bytes] = {}
        self._orders: dict[str, list[str]] = {}
        # The code points each family's font maps (its regular style), parsed or not.
        self._codes: dict[str, frozenset[int]] = {}
        self._lock = threading.Lock()
        self.styles: dict[str, set[str]] = {}
        for f in FILES:
            self.styles.setdefault(f.family, set()).add(f.style)
        self._load(PRIMARY)
        self.primary: frozenset[str] = self._cmap(PRIMARY) | {"\n"}
        # Texts made only of these are drawn by DejaVu alone, left to right, as they
        # are, each character's code its UTF-16 code (in the Basic Multilingual Plane):
        # the layout's fast path (chatsafe/bundle/transcript_layout.py).
        self.plain: frozenset[str] = frozenset(
            ch for ch in self.primary if ord(ch) < 0x10000 and not RTL.match(ch)
        )
        self._covered: frozenset[str] | None = None
        self._family_of: dict[str, str] = {}
        self._kept: dict[str, frozenset[str]] = {}

    def _load(self, family: str) -> None:
        from fpdf import FPDF

        loader = FPDF()
        for f in FILES:
            if f.family != family:
                continue
            key = f.family.lower() + f.style
            with open(font_path(f.file), "rb") as fh:
                self._data[key] = fh.read()
            # fpdf2's parsed font, made without decompiling every glyph
            # (chatsafe/bundle/pdf_font_template.py).
            path = Path(font_path(f.file))
            template: Any = pdf_font_template.template(
                loader, path, f.family, f.style, self._data[key]
            )
            try:
                template.hbfont  # noqa: B018 - parsed once, shared by every copy
            except ImportError:  # pragma: no cover - uharfbuzz is a dependency
                pass
            # The glyph names (for fonts without any, made from the cmap), kept: each
            # PDF's own copy of the font and the bundle's subsets name glyphs by them.
            self._orders[key] = template.ttfont.getGlyphOrder()
            if not f.style and family not in self._codes:
                self._codes[family] = frozenset(template.cmap)
            self._templates[key] = template  # last: _template() reads it without a lock

    def _template(self, key: str) -> Any:
        """The parsed font of ``key``, parsing its family on first use."""
        template = self._templates.get(key)
        if template is None:
            with self._lock:  # a bundle's thread and the GUI's may ask at once
                if key not in self._templates:
                    self._load(next(f.family for f in FILES if f.family.lower() + f.style == key))
            template = self._templates[key]
        return template

    def _cmap(self, family: str) -> frozenset[str]:
        return frozenset(map(chr, self._codes[family])) - _CONTROL

    def _fallbacks(self) -> None:
        if self._covered is not None:
            return
        for f in FILES:
            if not f.style and f.family not in self._codes:
                self._codes[f.family] = _unicodes(font_path(f.file))
        cmaps = {family: self._cmap(family) for family in ORDER}
        family_of: dict[str, str] = {}
        for family in reversed(ORDER):
            family_of.update(dict.fromkeys(cmaps[family], family))
        for family in reversed(RTL_ORDER):
            family_of.update(dict.fromkeys(filter(RTL.match, cmaps[family]), family))
        self._family_of = family_of
        self._covered = frozenset(family_of) | {"\n"}

    @property
    def covered(self) -> frozenset[str]:
        """Every character some font draws."""
        self._fallbacks()
        assert self._covered is not None
        return self._covered

    @property
    def family_of(self) -> dict[str, str]:
        """The family that draws each covered character."""
        self._fallbacks()
        return self._family_of

    def printable(self, text: str) -> str:
        """Replace what no font can show with ``[U+XXXX]``; keep line breaks."""
        if self.primary.issuperset(text):  # the common case, decided in C
            return text
        covered = self.covered
        if covered.issuperset(text):
            return text
        return "".join(ch if ch in covered else f"[U+{ord(ch):04X}]" for ch in text)

    def has(self, family: str, ch: str) -> bool:
        return ord(ch) in self._codes[family]

    def runs(self, text: str) -> list[tuple[str, str]]:
        """``text`` in runs of one family each. A right-to-left font keeps the spaces and
        punctuation it has, so a right-to-left phrase is one run (and one shaping)."""
        family_of = self.family_of
        if not text:
            return []
        # Most texts are one run (decided in C): plain text, or a right-to-left phrase
        # its font draws with its spaces and signs.
        if self.plain.issuperset(text):
            return [(PRIMARY, text)]
        first = family_of.get(text[0], PRIMARY)
        if first in RTL_FAMILIES and self._keeps(first).issuperset(text):
            return [(first, text)]
        return self.runs_by_character(text)

    def runs_by_character(self, text: str) -> list[tuple[str, str]]:
        """``runs``, deciding character by character (tests compare the two)."""
        family_of = self.family_of
        out: list[tuple[str, str]] = []
        family, start = "", 0
        for i, ch in enumerate(text):
            if family in RTL_FAMILIES and not RTL.match(ch) and self.has(family, ch):
                continue
            own = family_of.get(ch, PRIMARY)
            if own != family:
                if i:
                    out.append((family, text[start:i]))
                family, start = own, i
        if text:
            out.append((family, text[start:]))
        return out

    def _keeps(self, family: str) -> frozenset[str]:
        """What a run of right-to-left ``family`` holds in ``runs``: its own characters
        and every other one its font has that is not right to left."""
        keeps = self._kept.get(family)
        if keeps is None:
            own = (ch for ch, f in self.family_of.items() if f == family)
            others = map(chr, self._codes[family])
            keeps = frozenset(own) | frozenset(ch for ch in others if not RTL.match(ch))
            self._kept[family] = keeps
        return keeps

    def style_for(self, family: str, style: str) -> str:
        return style if style in self.styles[family] else ""

    def width(self, ch: str, style: str) -> float:
        """The advance of ``ch`` in thousandths of the font size."""
        if ch in self.primary and not RTL.match(ch):
            family = PRIMARY
        else:
            family = self.family_of.get(ch, PRIMARY)
        font = self._template(family.lower() + self.style_for(family, style))
        return float(font.cw[ord(ch)])

    def font_bytes(self, key: str) -> bytes:
        """The font file of ``key``, as read once."""
        self._template(key)
        return self._data[key]

    def glyph_names(self, key: str) -> Sequence[str]:
        """The names fpdf2 gives the glyphs of ``key``, by glyph id."""
        self._template(key)
        return self._orders[key]

    def private_ttfont(self, key: str) -> Any:
        """A fontTools font of its own for ``key`` (fontTools subsets in place), opened
        lazily from the bytes read once, with the glyph names fpdf2 gave its glyphs."""
        from fontTools.ttLib import TTFont  # type: ignore[import-untyped]

        self._template(key)
        ttfont = TTFont(io.BytesIO(self._data[key]), recalcTimestamp=False, lazy=True)
        ttfont.setGlyphOrder(list(self._orders[key]))
        return ttfont

    def attach(self, pdf: Any, family: str, shared: Container[str] = ()) -> None:
        """Make ``family`` (all its styles) usable in ``pdf``, sharing the parsed font.

        A style whose key is in ``shared`` (a bundle's subsets, chatsafe/bundle/
        pdf_subsets.py) is never subset for this PDF and keeps the parsed font, read
        only; any other gets a font of its own for fpdf2 to subset.
        """
        for style in sorted(self.styles[family]):
            key = family.lower() + style
            if key in pdf.fonts:
                continue
            font = copy.copy(self._template(key))
            font.i = len(pdf.fonts) + 1
            if key not in shared:
                font.ttfont = self.private_ttfont(key)
            font.missing_glyphs = []
            font.biggest_size_pt = 0
            font.subset = identity_subset_map(font)
            pdf.fonts[key] = font


def _unicodes(path: str) -> frozenset[int]:
    """The code points the font at ``path`` maps, as HarfBuzz reads its best character
    map (the keys of fontTools' ``getBestCmap``, which fpdf2 uses: a test compares
    them for every shipped font)."""
    import uharfbuzz as hb  # type: ignore[import-untyped]

    return frozenset(hb.Face(hb.Blob.from_file_path(path)).unicodes)


def pdf_code(code: int | None) -> str:
    """A font-subset code as the two bytes of a PDF string, escaped as fpdf2 does."""
    if code is None:
        return ""
    return "".join(
        {"\\": "\\\\", "(": "\\(", ")": "\\)", "\r": "\\r"}.get(c, c)
        for c in (chr(code >> 8), chr(code & 0xFF))
    )


def identity_subset_map(font: Any) -> Any:
    """fpdf2's subset map, but a character of the Basic Multilingual Plane drawn with
    its own glyph gets its UTF-16 code as its code in the PDF (fpdf2 numbers glyphs in
    order of first use). A plain line's codes are then ``line.encode("utf-16-be")``,
    made in C (chatsafe/bundle/transcript_layout.py). Other glyphs (emoji beyond the
    plane, Arabic's joined forms) get codes no character of the font has, from U+E000
    up (surrogates are never codes: fpdf2 writes codes as UTF-16 too)."""
    return _identity_class()(font)


@functools.cache
def _identity_class() -> Any:
    from fpdf.fonts import SubsetMap

    class IdentitySubsetMap(SubsetMap):
        def __init__(self, font: Any) -> None:
            super().__init__(font)
            self._taken = set(self._char_id_per_glyph.values())
            self._free = itertools.chain(range(0xE000, 0x10000), range(1, 0xD800))

        def pick_glyph(self, glyph: Any) -> int | None:
            code: int | None = self._char_id_per_glyph.get(glyph)
            if glyph is None or code is not None:
                return code
            cmap = self.font.cmap
            u = glyph.unicode
            if (
                isinstance(u, tuple)
                and len(u) == 1
                and (u[0] < 0xD800 or 0xE000 <= u[0] <= 0xFFFF)
                and u[0] not in self._taken
                and cmap.get(u[0]) == glyph.glyph_name
            ):
                code = u[0]
            else:
                code = next(c for c in self._free if c not in self._taken and c not in cmap)
            self._char_id_per_glyph[glyph] = code
            self._taken.add(code)
            return code

    return IdentitySubsetMap


@functools.lru_cache(maxsize=1)
def fonts() -> FontSet:
    """The fonts, parsed on first use and kept for the process (every bundle after)."""
    return FontSet()
