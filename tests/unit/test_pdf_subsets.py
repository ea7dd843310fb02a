"""Each transcript font is subset once per bundle and every PDF embeds those bytes
(chatsafe/bundle/pdf_subsets.py): no fontTools subsetting per PDF, the same glyphs,
widths and Unicode mapping as fpdf2's own subsets, and no glyph of a withheld message.

Pins the fpdf2 internals the module relies on (fpdf2 is pinned to 2.8.x).
"""

from __future__ import annotations

import io
import logging
import re
import zipfile
import zlib
from pathlib import Path
from typing import Any

import pytest
from fontTools.ttLib import TTFont
from pypdf import PdfReader

from chatsafe.bundle import builder, pdf_fonts, pdf_subsets, signing, transcript_pdf
from chatsafe.bundle.payload import Row
from chatsafe.domain import Label
from chatsafe.review import labels
from chatsafe.review.labels import Role
from tests.bundle_support import SIGNING_PASSPHRASE, build_case, make_certs, message_ids
from tests.unit.pdf_bytes import undated
from tests.unit.test_transcript_pdf_scripts import CONV, HEADER, WHEN

TEXTS = [
    "Één naïeve façade, Ærø, Łódź, Ελλάδα, Москва",
    "Prima 👍 👍🏽 ✓ ☕",
    "会议在明天 日本語のテキスト",
    "שלום עולם",
    "مرحبا بالعالم لا",
    "السلام عليكم، كيف حالك؟",
    "Afspraak om 10:00 met שלום עולם 123 en مرحبا 45 ok 👍",
]


def _row(n: int, text: str) -> Row:
    return Row(n, "x", "message", None, "Jan", False, "2024-03-01T10:00:00", None, 0,
               text, False, False, False, False, False, None, {}, [], [], n)  # fmt: skip


def _render(texts: list[str], shared: pdf_subsets.BundleFonts | None = None) -> bytes:
    rows = [_row(i + 1, t) for i, t in enumerate(texts)]
    return transcript_pdf.render_pdf(CONV, HEADER, rows, created=WHEN, shared=shared)


def _bundle_fonts(texts: list[str]) -> pdf_subsets.BundleFonts:
    return pdf_subsets.BundleFonts(pdf_fonts.fonts(), "".join([*texts, "Jan", "Overleg (a)"]))


def _fonts(pdf: bytes) -> dict[str, dict[str, Any]]:
    """Per font name: the widths array, the ToUnicode map, the code-to-glyph map and
    the embedded font file."""
    reader = PdfReader(io.BytesIO(pdf))
    out: dict[str, dict[str, Any]] = {}
    for page in reader.pages:
        for ref in page["/Resources"]["/Font"].values():
            font = ref.get_object()
            cid = font["/DescendantFonts"][0].get_object()
            name = re.sub(r"^/\w+\+", "", str(font["/BaseFont"]))
            out[name] = {
                "widths": list(cid["/W"]),
                "to_unicode": font["/ToUnicode"].get_object().get_data(),
                "cid_to_gid": cid["/CIDToGIDMap"].get_object().get_data(),
                "file": cid["/FontDescriptor"]["/FontFile2"].get_object().get_data(),
            }
    return out


def _glyph(font: TTFont, gid: int) -> tuple[Any, ...]:
    """A glyph's outline and advance, comparable between two subsets of one font."""
    name = font.getGlyphOrder()[gid]
    glyph = font["glyf"][name]
    coords = glyph.getCoordinates(font["glyf"]) if glyph.numberOfContours else ()
    points = tuple(map(tuple, coords[0])) if coords else ()
    return points, font["hmtx"][name][0]


def test_shared_subsets_draw_what_fpdf2s_own_subsets_draw() -> None:
    shared = _bundle_fonts(TEXTS)
    own, mine = _fonts(_render(TEXTS)), _fonts(_render(TEXTS, shared))
    assert set(own) == set(mine) and len(own) >= 5  # DejaVu, bold, Noto, Droid, Symbola
    for name in own:
        # The same codes, widths and Unicode text; the glyph behind each code is the
        # same outline with the same advance, in a bigger font file.
        assert mine[name]["widths"] == own[name]["widths"], name
        assert mine[name]["to_unicode"] == own[name]["to_unicode"], name
        f_own, f_mine = (TTFont(io.BytesIO(d[name]["file"])) for d in (own, mine))
        codes = [int(c, 16) for c in re.findall(rb"<([0-9A-F]{4})> <", own[name]["to_unicode"])]
        assert codes
        for code in codes:
            g_own = int.from_bytes(own[name]["cid_to_gid"][2 * code : 2 * code + 2], "big")
            g_mine = int.from_bytes(mine[name]["cid_to_gid"][2 * code : 2 * code + 2], "big")
            assert _glyph(f_mine, g_mine) == _glyph(f_own, g_own), (name, code)


def test_every_pdf_of_a_bundle_embeds_the_same_subset_and_none_is_subset_again(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from fontTools import subset as ftsubset

    shared = _bundle_fonts(TEXTS)
    runs: list[int] = []
    real = ftsubset.Subsetter.subset
    monkeypatch.setattr(ftsubset.Subsetter, "subset", lambda s, f: runs.append(1) or real(s, f))
    first, second = _render(TEXTS[:3], shared), _render(TEXTS[2:], shared)
    assert runs == []
    # fpdf2's class-wide caches of subset maps are emptied after each PDF, as it does.
    from fpdf.fonts import SubsetMap

    assert SubsetMap.pick.cache_info().currsize == 0
    files = [{n: f["file"] for n, f in _fonts(pdf).items()} for pdf in (first, second)]
    common = files[0].keys() & files[1].keys()
    assert any("Droid" in n for n in common)
    assert all(files[0][n] == files[1][n] for n in common)
    # What each PDF draws still extracts as written, every glyph mapped to Unicode.
    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(second)).pages)
    for t in TEXTS[2:6]:
        assert t in text


def test_a_character_the_first_pass_missed_is_subset_for_that_pdf(
    caplog: pytest.LogCaptureFixture,
) -> None:
    shared = _bundle_fonts(["Kamerbrief"])
    with caplog.at_level(logging.WARNING, logger="chatsafe.bundle.pdf_subsets"):
        pdf = _render(["Kamerbrief ☃ Ærø 会议"], shared)
    assert "subset per PDF" in caplog.text
    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)
    assert "Kamerbrief ☃ Ærø 会议" in text
    fonts = _fonts(pdf)
    assert any("Droid" in n for n in fonts)  # attached, though no subset was made for it


SPEC: list[dict[str, Any]] = [
    {
        "key": "werkgroep",
        "title": "Werkgroep Überleg",
        "is_group": True,
        "participants": ["Minister", "Adviseur Ōno", "Vriend"],
        "messages": [
            {"sender": "Minister", "wallclock": "2024-03-01T09:00:00", "text": "Prima 👍"},
            {
                "sender": "Adviseur Ōno",
                "wallclock": "2024-03-01T09:05:00",
                "text": "مرحبا 会议",
                "attachments": [{"name": "报告 ß.txt", "mime": "text/plain", "data": "NOTA"}],
            },
            {
                "sender": "Vriend",
                "wallclock": "2024-03-01T09:06:00",
                "text": "PRIVE שלום Ø ☃",
            },
        ],
    },
    {
        "key": "tweede",
        "title": "Tweede",
        "participants": ["Minister", "Adviseur Ōno"],
        "messages": [
            {"sender": "Minister", "wallclock": "2024-03-01T10:00:00", "text": "会议 👍 klaar"},
        ],
    },
]


def test_a_bundle_subsets_once_from_what_leaves_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    case = build_case(tmp_path / "c.chatsafe", SPEC, monkeypatch)
    with case.transaction() as c:
        labels.label_messages(
            c, message_ids(case, "PRIVE"), Label.PRIVATE, by="Minister", role=Role.MINISTER
        )
    certs = make_certs(tmp_path / "certs")
    signer = signing.load_p12(certs.p12, SIGNING_PASSPHRASE)
    made: list[pdf_subsets.BundleFonts] = []
    real = pdf_subsets.BundleFonts.__init__

    def counting(self: Any, *a: Any) -> None:
        real(self, *a)
        made.append(self)

    monkeypatch.setattr(pdf_subsets.BundleFonts, "__init__", counting)
    out = tmp_path / "b.zip"
    with caplog.at_level(logging.WARNING, logger="chatsafe.bundle.pdf_subsets"):
        builder.make_bundle(case, out, signer, by="Minister", role="minister")
    case.close()
    assert len(made) == 1
    assert "subset per PDF" not in caplog.text  # the first pass saw every character
    with zipfile.ZipFile(out) as z:
        pdfs = [z.read(n) for n in z.namelist() if n.endswith(".pdf")]
    assert len(pdfs) == 2
    fonts = [_fonts(pdf) for pdf in pdfs]
    assert fonts[0]["DroidSansFallback"]["file"] == fonts[1]["DroidSansFallback"]["file"]
    # The withheld message's Hebrew, Ø and ☃ are in no font of the bundle.
    for per_pdf in fonts:
        assert not any("Hebrew" in n for n in per_pdf)
        for name, font in per_pdf.items():
            cmap = TTFont(io.BytesIO(font["file"])).getBestCmap()
            assert not {ord("Ø"), ord("☃"), ord("ש")} & cmap.keys(), name


def test_plain_lines_are_their_utf16_codes_escaped_as_fpdf2_escapes_them() -> None:
    # č is U+010D (a carriage-return byte), Ĩ and ĩ U+0128/U+0129 (parenthesis bytes):
    # the fast path's UTF-16 codes are escaped like fpdf2's own, and read back exactly.
    from tests.unit.test_transcript_pdf_fast import _drawn

    texts = ["čeština Ĩĩ (x) \\ y", "Kamerbrief ✓ — naïef", "😀 buiten het vlak"]
    rows = [_row(i + 1, t) for i, t in enumerate(texts)]
    fast = transcript_pdf.render_pdf(CONV, HEADER, rows, created=WHEN, fast_text=True)
    slow = transcript_pdf.render_pdf(CONV, HEADER, rows, created=WHEN, fast_text=False)
    assert _drawn(fast) == _drawn(slow)
    shown = [d[5] for d in _drawn(fast)[0]]
    assert texts[0].encode("utf-16-be") in shown and texts[1].encode("utf-16-be") in shown
    lines = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(fast)).pages).splitlines()
    assert all(t in lines for t in texts)


def test_a_left_to_right_tail_is_ordered_as_with_the_whole_line(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The bidirectional algorithm runs on a line up to its left-to-right tail only
    # (transcript_bidi.ltr_tail); every line must come out as with the whole line.
    import random

    from chatsafe.bundle import transcript_bidi, transcript_layout
    from tests.unit.test_transcript_pdf_fast import _drawn

    tokens = ["שלום", "עולם", "مرحبا", "بالعالم", "abc", "Kamer", "123", "٤٥", "4,5", ",",
              ".", ":", "!", "?", "(", ")", "[", "]", "👍", "会议", "%", "$", "-", "+", "/",
              "10:00", "é", "\u200f", "\u200e"]  # fmt: skip
    rnd = random.Random(7)
    texts = [
        "".join(rnd.choice(tokens) + rnd.choice(["", " ", " "]) for _ in range(rnd.randint(2, 9)))
        for _ in range(300)
    ]
    texts = [t for t in texts if transcript_layout.RTL.search(t)]
    cuts = [transcript_bidi.ltr_tail(t) for t in texts]
    assert sum(0 < c < len(t) for c, t in zip(cuts, texts, strict=True)) > 50
    assert transcript_bidi.ltr_tail("שלום abc (x) def") == len("שלום abc (x) ")
    assert transcript_bidi.ltr_tail("abc \u202bשלום def") == len("abc \u202bשלום def")
    split = _render(texts)
    monkeypatch.setattr(transcript_bidi, "ltr_tail", len)
    assert _drawn(split) == _drawn(_render(texts))


def test_a_bundles_pages_are_compressed_and_draw_what_fpdf2s_pages_draw() -> None:
    # A bundle's transcripts leave page compression to the bundle's writer (a faster
    # zlib level): every page is still a FlateDecode stream, with the operators fpdf2's
    # own writer compresses.
    import zlib

    texts = TEXTS * 40  # several pages
    shared = _bundle_fonts(texts)
    own, mine = (PdfReader(io.BytesIO(_render(texts, s))) for s in (None, shared))
    assert len(mine.pages) == len(own.pages) > 1
    packed = unpacked = 0
    for p_own, p_mine in zip(own.pages, mine.pages, strict=True):
        s_own, s_mine = p_own["/Contents"].get_object(), p_mine["/Contents"].get_object()
        assert s_mine["/Filter"] == "/FlateDecode"
        raw = zlib.decompress(s_mine._data)
        assert raw == s_mine.get_data() == s_own.get_data()
        packed, unpacked = packed + len(s_mine._data), unpacked + len(raw)
    assert packed < unpacked / 3


def test_quick_object_dictionaries_write_the_same_bytes(monkeypatch: pytest.MonkeyPatch) -> None:
    # The bundle's writer lists each fpdf2 object's names once per class
    # (pdf_subsets._quick): the PDF must be byte for byte what fpdf2's own listing writes.
    texts = TEXTS * 30
    shared = _bundle_fonts(texts)
    quick = _render(texts, shared)
    assert pdf_subsets._quick.cache_info().currsize >= 5  # pages, streams, resources, fonts
    monkeypatch.setattr(pdf_subsets, "_quick", lambda cls: None)
    assert undated(_render(texts, shared)) == undated(quick)


def test_the_first_pass_finds_every_character_reading_only_rows_with_more_than_ascii(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # bundle_characters lets SQLite skip the rows made of printable ASCII (in every
    # subset anyway): with FIXED it finds what reading every leaving row finds.
    import random

    from chatsafe.bundle import payload

    rnd = random.Random(3)
    alphabet = list("abc XYZ09~!()") + ["é", "ł", "ש", "م", "中", "👍", "\n", "\t", "—"]
    spec = [
        {
            "key": f"k{k}",
            "title": f"Overleg {k}",
            "participants": ["Minister", "Zoë", "PRIVE"],
            "messages": [
                {
                    "sender": rnd.choice(["Minister", "Zoë", None]),
                    "wallclock": f"2024-02-01T08:{i:02d}:00",
                    "text": "".join(rnd.choice(alphabet[: rnd.choice([13, 22])]) for _ in range(9))
                    + (" PRIVE ø" if i % 7 == 0 else ""),
                }
                for i in range(40)
            ],
        }
        for k in range(3)
    ]
    spec.append(  # a name's only characters beyond ASCII, on plain ASCII texts
        {
            "key": "zoe",
            "title": "Overleg",
            "participants": ["Minister", "Zoë Ørsted"],
            "messages": [
                {"sender": "Zoë Ørsted", "wallclock": "2024-02-02T08:00:00", "text": "ok"}
            ],
        }
    )
    case = build_case(tmp_path / "c.chatsafe", spec, monkeypatch)
    with case.transaction() as c:
        labels.label_messages(
            c, message_ids(case, "PRIVE"), Label.PRIVATE, by="Minister", role=Role.MINISTER
        )
    c = case.conn
    leaving = payload.leaving_conversations(c)
    every = _every_leaving_character(c, leaving)
    found = pdf_subsets.bundle_characters(c, leaving)
    case.close()
    # The same glyphs drawn: an ASCII control character (a tab) prints as its code.
    assert _drawn(found) == _drawn(every)
    assert "ø" not in found and {"é", "中", "👍", "ë", "Ø"} <= found


def _every_leaving_character(c: Any, leaving: list[Any]) -> set[str]:
    """The first pass's oracle: every character of every leaving row, read whole
    (titles, texts, senders, event types, attachment names as named and in lower case)."""
    from chatsafe.bundle import payload

    every: set[str] = set()
    for conv in leaving:
        every.update(conv.title)
        for r in payload.iter_rows(c, conv):
            every.update(r.text + (r.sender or "") + (r.event_type or ""))
            for a in r.attachments:
                every.update(a.name + a.name.lower())
    return every


def _drawn(chars: set[str]) -> set[str]:
    """What BundleFonts subsets for ``chars``: each printed as the transcript prints it."""
    fonts = pdf_fonts.fonts()
    return set(fonts.printable("".join(sorted(chars | pdf_subsets.FIXED)))) - {"\n"}


def test_the_first_pass_passes_on_only_rows_of_ascii_and_misses_nothing_drawn(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # SQLite decides in C which rows have more than ASCII (octet_length against
    # length): one beyond ASCII in any column, or after a NUL, must still reach Python;
    # rows of ASCII with control characters need not (they print as "[U+0009]").
    from chatsafe.bundle import payload

    texts = {
        "ascii": ("plain text", "Jan", None),
        "tab": ("tab\there\x7f", "Jan", None),
        "after-nul": ("nul\x00é", "Jan", None),
        "sender": ("ok", "Zoë", None),
        "event": ("ok", None, "gewijzigd→ª"),
        "private": ("PRIVE ø", "Jan", None),
        "private-sender": ("PRIVE", "Ørjan", None),
    }
    spec = [
        {
            "key": f"k{k}",
            "title": f"Overleg {k}",
            "participants": ["Minister", "Jan"],
            "messages": [
                {"sender": "Jan", "wallclock": f"2024-02-01T08:0{i}:00", "text": f"m{k}-{i}"}
                for i in range(len(texts))
            ],
        }
        for k in range(2)
    ]
    spec[1]["messages"][0]["attachments"] = [
        {"name": "nota ÆÇ.txt", "mime": "text/plain", "data": "NOTA"}
    ]
    case = build_case(tmp_path / "c.chatsafe", spec, monkeypatch)
    c = case.conn
    with case.transaction() as tc:
        for k in range(2):
            for i, (text, sender, event) in enumerate(texts.values()):
                tc.execute(
                    "UPDATE messages SET text = ?, sender = ?, event_type = ? WHERE text = ?",
                    (text, sender, event, f"m{k}-{i}"),
                )
        labels.label_messages(
            tc, message_ids(case, "PRIVE"), Label.PRIVATE, by="Minister", role=Role.MINISTER
        )
    leaving = payload.leaving_conversations(c)
    every = _every_leaving_character(c, leaving)
    assert "\t" in every and "é" in every and "ø" not in every
    found = pdf_subsets.bundle_characters(c, leaving)
    case.close()
    assert _drawn(found) == _drawn(every)
    assert {"é", "ë", "→", "ª", "Æ", "æ", "Ç", "ç"} <= found
    assert not {"Ø", "ø"} & found  # only the withheld messages' text and sender have them
    assert "\t" not in found  # its row was ASCII: SQLite kept it back


def _rtl_phrases(count: int) -> list[str]:
    """Hebrew and Arabic phrases with marks, lam-alef, digits and signs, seeded."""
    import random

    rnd = random.Random(11)
    arabic = [chr(c) for c in range(0x621, 0x64B)] + ["لا", "لأ", "لإ", "لآ", "ـ", "پ", "چ", "گ"]
    marks = [chr(c) for c in range(0x64B, 0x653)]  # fathatan .. sukun
    hebrew = [chr(c) for c in range(0x5D0, 0x5EB)] + ["\u05b0", "\u05b4", "\u05bc", "\u05c1"]
    signs = ["،", "؟", ".", "!", " (", ") ", "٣٤", "12", ":", " "]
    out = []
    for _ in range(count):
        letters = rnd.choice([arabic, hebrew])
        words = []
        for _ in range(rnd.randint(1, 5)):
            word = "".join(rnd.choice(letters) for _ in range(rnd.randint(1, 6)))
            if letters is arabic and rnd.random() < 0.3:
                word = "".join(
                    ch + (rnd.choice(marks) if rnd.random() < 0.4 else "") for ch in word
                )
            words.append(word)
        out.append(" ".join(words) + rnd.choice(signs).strip())
    return out


def test_a_right_to_left_subset_has_every_glyph_its_shaping_draws(
    caplog: pytest.LogCaptureFixture,
) -> None:
    # HarfBuzz's subsetter closes a right-to-left font's subset over every layout feature
    # (joined forms, lam-alef, marks): shaped lines draw nothing outside it, so no PDF
    # subsets that font again.
    texts = _rtl_phrases(400)
    shared = _bundle_fonts(texts)
    with caplog.at_level(logging.WARNING, logger="chatsafe.bundle.pdf_subsets"):
        pdf = _render(texts, shared)
    assert "subset per PDF" not in caplog.text
    fonts = _fonts(pdf)
    assert any("Arabic" in n for n in fonts) and any("Hebrew" in n for n in fonts)
    # Shaping drew glyphs no character maps to (lam-alef, joined and marked forms).
    arabic = shared.fonts["notoarabic"]
    assert {"uniFEFB", "uniFEDF.rlig", "uniFE8E.rlig"} <= arabic.gid.keys()


def test_each_glyph_of_a_shared_subset_is_the_fonts_own() -> None:
    # The subset's glyph ids, named with fpdf2's glyph names, hold the same outline and
    # advance as the font's glyph of that name; it holds no glyph fontTools' subsetter
    # (which made these subsets before, and makes fpdf2's) would not hold for the same
    # characters; its cmap maps a character only to that character's own glyph.
    fonts = pdf_fonts.fonts()
    texts = [*TEXTS, *_rtl_phrases(50), "Ħ ŋ Ω ж ∑ ⅓ ♥ 中文字 😀 🎉 ☕"]
    shared = _bundle_fonts(texts)
    assert len(shared.fonts) == 7
    per_family = pdf_subsets._per_family(
        fonts, set(fonts.printable("".join({*"".join(texts), *"JanOverleg (a)"}
                                           | pdf_subsets.FIXED))) - {"\n"}
    )  # fmt: skip
    for key, font in shared.fonts.items():
        data = zlib.decompress(font.stream)
        assert len(data) == font.length
        sub = TTFont(io.BytesIO(data))
        assert not {"GSUB", "GPOS", "GDEF"} & set(sub.keys()), key  # a PDF does not shape
        whole = TTFont(pdf_fonts.font_path(_file(key)), lazy=True)
        whole.setGlyphOrder(list(fonts.glyph_names(key)))
        ids = {name: i for i, name in enumerate(fonts.glyph_names(key))}
        assert len(font.gid) == len(sub.getGlyphOrder()), key
        for name, gid in font.gid.items():
            assert _glyph(sub, gid) == _glyph(whole, ids[name]), (key, name)
        family = next(f for f in per_family if key.startswith(f.lower()))
        reference = _fonttools_subset(key, per_family[family], family in pdf_fonts.RTL_FAMILIES)
        assert font.gid.keys() <= reference, (key, sorted(font.gid.keys() - reference))
        names = whole.getBestCmap()
        for code, glyph in sub.getBestCmap().items():
            assert sub.getGlyphID(glyph) == font.gid[names[code]], (key, code)


def _fonttools_subset(key: str, chars: set[str], shaped: bool) -> set[str]:
    """The glyph names fontTools' subsetter keeps for ``chars``, as the bundle's subsets
    were made before HarfBuzz's subsetter (every layout feature's closure for a
    right-to-left font, none for the others), without fontTools' "recommended glyphs"
    (whatever glyphs 1 to 3 are)."""
    from fontTools import subset as ftsubset

    ttfont = pdf_fonts.fonts().private_ttfont(key)
    options = ftsubset.Options(notdef_outline=True)
    options.layout_features = ["*"]
    if not shaped:
        options.drop_tables += ["GSUB", "GPOS", "GDEF"]
    subsetter = ftsubset.Subsetter(options)
    subsetter.populate(unicodes=[0, 0x20, *map(ord, chars)])
    subsetter.subset(ttfont)
    return set(ttfont.getGlyphOrder())


def _file(key: str) -> str:
    return next(f.file for f in pdf_fonts.FILES if f.family.lower() + f.style == key)
