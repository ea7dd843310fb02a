"""The fast text path draws exactly what fpdf2's own set_font and FPDF.text draw: the
same glyph codes with the same font, size, colour and position, in the same order (it
writes the font and colour inside each text object, and a page in one write)."""

from __future__ import annotations

import io
import random
from datetime import datetime

from pypdf import PdfReader
from pypdf.generic import ContentStream

from chatsafe.bundle import transcript_pdf
from chatsafe.bundle.payload import LeavingConversation, Row
from tests.unit.pdf_bytes import undated

WORDS = "begroting Kamerbrief (overleg) back\\slash 😀 één naïef 中文 ✓ motie".split()


def _rows(n: int) -> list[Row]:
    rnd = random.Random(5)
    rows = []
    for i in range(n):
        text = " ".join(rnd.choice(WORDS) for _ in range(rnd.randint(1, 40)))
        kind = "event" if i % 17 == 0 else "message"
        rows.append(
            Row(i, "x", kind, None, f"Afzender {i % 3}", False, "2024-03-01T10:00:00", None, 0,
                text, i % 11 == 0, i % 7 == 0, False, False, False, None, {}, [], [], i + 1)
        )  # fmt: skip
    return rows


Drawn = tuple[str, float, float, float, float, bytes]


def _drawn(pdf: bytes) -> list[list[Drawn]]:
    """Per page: (font, size, grey, x, y, codes) of every string shown, in order."""
    reader = PdfReader(io.BytesIO(pdf))
    pages = []
    for page in reader.pages:
        fonts = {
            k: str(v.get_object()["/BaseFont"]) for k, v in page["/Resources"]["/Font"].items()
        }
        font, size, grey, stack, x, y = "", 0.0, 0.0, [], 0.0, 0.0
        shown: list[Drawn] = []
        for operands, op in ContentStream(page.get_contents(), reader).operations:
            if op == b"Tf":
                font, size = fonts[operands[0]], float(operands[1])
            elif op == b"g":
                grey = float(operands[0])
            elif op == b"rg" and len(set(operands)) == 1:  # fpdf2 writes grey as RGB
                grey = float(operands[0])
            elif op == b"q":
                stack.append(grey)
            elif op == b"Q":
                grey = stack.pop()
            elif op == b"Td":
                x, y = float(operands[0]), float(operands[1])
            elif op == b"Tj":
                shown.append((font, size, grey, x, y, operands[0].original_bytes))
            elif op == b"TJ":  # fpdf2's shaped lines
                shown.append((font, size, grey, x, y, repr(operands[0]).encode()))
            elif op == b"Tm":
                x, y = float(operands[4]), float(operands[5])
            elif op in (b"'", b'"', b"TD", b"T*"):
                raise AssertionError(f"unexpected operator {op!r}")
        pages.append(shown)
    return pages


def test_fast_and_fpdf_text_write_the_same_pages() -> None:
    conv = LeavingConversation(1, "conversation-0001", "Test (a)", "whatsapp", True, [])
    header = {
        "title": "Test (a)",
        "participants": [{"name": "Minister", "owner": True}],
        "is_group": True,
        "source_format": "whatsapp",
        "time_zone": "Europe/Amsterdam",
        "first": None,
        "last": None,
    }
    rows = _rows(400)
    when = datetime(2024, 1, 1)
    fast = transcript_pdf.render_pdf(conv, header, rows, created=when, fast_text=True)
    slow = transcript_pdf.render_pdf(conv, header, rows, created=when, fast_text=False)
    fast_pages, slow_pages = _drawn(fast), _drawn(slow)
    assert len(fast_pages) > 3
    assert sum(map(len, fast_pages)) > 800
    assert fast_pages == slow_pages
    greys = {d[2] for page in fast_pages for d in page}
    assert len(greys) == 3  # heads, events, messages
    assert "Kamerbrief" in PdfReader(io.BytesIO(fast)).pages[0].extract_text()


def test_fast_and_fpdf_text_agree_with_fallback_fonts() -> None:
    conv = LeavingConversation(1, "conversation-0001", "Test (a)", "whatsapp", True, [])
    header = {
        "title": "Test (a)",
        "participants": [{"name": "Minister", "owner": True}],
        "is_group": False,
        "source_format": "whatsapp",
        "time_zone": "Europe/Amsterdam",
        "first": None,
        "last": None,
    }
    # Right-to-left lines are shaped by chatsafe on the fast path and by fpdf2's cell
    # otherwise, which places the glyphs differently: test_transcript_pdf_scripts.py
    # checks what they extract to.
    texts = ["Prima 👍 en 会议 morgen", "Één naïef (x) \\ y", "✓ 👍🏽"]
    rows = _rows(0) + [
        Row(i, "x", "message", None, "Jan", False, "2024-03-01T10:00:00", None, 0, t,
            False, False, False, False, False, None, {}, [], [], i + 1)
        for i, t in enumerate(texts)
    ]  # fmt: skip
    when = datetime(2024, 1, 1)
    fast = transcript_pdf.render_pdf(conv, header, rows, created=when, fast_text=True)
    slow = transcript_pdf.render_pdf(conv, header, rows, created=when, fast_text=False)
    fast_pages = _drawn(fast)
    assert fast_pages == _drawn(slow)
    assert len({d[0] for d in fast_pages[0]}) == 4  # DejaVu, bold, Symbola, Droid


def test_ascii_texts_at_the_lines_width_break_as_fpdf_text_breaks_them() -> None:
    # An ASCII text is measured in whole quanta rounded up (Layout.write): a text that
    # fits by that measure fits, and one just over the width is broken as wrap() breaks
    # it. Texts around the width, in every ASCII character, drawn both ways.
    from fpdf import FPDF

    from chatsafe.bundle import pdf_fonts
    from chatsafe.bundle.transcript_layout import Layout

    page = FPDF(format="A4")
    page.set_margins(15, 15, 15)  # as render_pdf
    probe = Layout(page, pdf_fonts.fonts(), lambda: None, fast=False)
    probe.font("", 9)
    rnd = random.Random(7)
    ascii_chars = [chr(c) for c in range(0x20, 0x7F)]
    texts = ["".join(map(chr, range(0x20, 0x7F))) * 3]  # every character, past the width
    while len(texts) < 150:
        text = ""
        while probe._width(text) < probe.pdf.epw - 3:
            text += rnd.choice(ascii_chars + [" "] * 10)
        while probe._width(text) < probe.pdf.epw + 3 and len(texts) < 150:
            texts.append(text)
            text += rnd.choice(ascii_chars)
    # The widest characters alone: a short text can be too wide.
    widest = max(ascii_chars, key=probe._width)
    count = int(probe.pdf.epw // probe._width(widest))
    texts += [widest * (count + d) for d in (-1, 0, 1, 2)]
    near = [probe._width(t) - probe.pdf.epw for t in texts]
    assert any(-0.3 < d < 0 for d in near) and any(0 < d < 0.3 for d in near)
    rows = [
        Row(i, "x", "message", None, "A", False, "2024-03-01T10:00:00", None, 0,
            t, False, False, False, False, False, None, {}, [], [], i + 1)
        for i, t in enumerate(texts)
    ]  # fmt: skip
    conv = LeavingConversation(1, "conversation-0001", "T", "whatsapp", True, [])
    header = {"title": "T", "participants": [], "is_group": True, "source_format": "x",
              "time_zone": "UTC", "first": None, "last": None}  # fmt: skip
    when = datetime(2024, 1, 1)
    fast = transcript_pdf.render_pdf(conv, header, rows, created=when, fast_text=True)
    slow = transcript_pdf.render_pdf(conv, header, rows, created=when, fast_text=False)
    assert _drawn(fast) == _drawn(slow)


def test_lines_broken_by_words_are_the_lines_broken_by_characters() -> None:
    # wrap() sums widths per word where that gives the lines the per-character sums
    # give (words between single spaces, none wider than a line): both ways, on texts
    # of short and long words in several scripts, at several widths.
    from fpdf import FPDF

    from chatsafe.bundle import pdf_fonts
    from chatsafe.bundle.transcript_layout import Layout

    rnd = random.Random(11)
    vocabulary = [*WORDS, "a", "Ik", "overleg-stukken", "x" * 60, "één,", "(ja)", "ok!", "שלום"]
    by_words = Layout(FPDF(format="A4"), pdf_fonts.fonts(), lambda: None, fast=False)
    by_chars = Layout(FPDF(format="A4"), pdf_fonts.fonts(), lambda: None, fast=False)
    by_chars.breaker._words = lambda *a: False  # type: ignore[method-assign]
    taken = 0
    for i in range(3000):
        text = " ".join(rnd.choice(vocabulary) for _ in range(rnd.randint(1, 60)))
        if i % 10 == 0:
            text = text.replace(" ", "\n", 2)
        width = rnd.choice([40.0, 100.0, 180.0])
        style = rnd.choice(["", "B"])
        by_words.font(style, 9)
        by_chars.font(style, 9)
        lines = by_words.wrap(text, width)
        assert lines == by_chars.wrap(text, width), (text, width)
        taken += len(lines) > 1
    assert taken > 1000


def test_codes_with_a_byte_a_pdf_string_must_escape_are_escaped_on_the_fast_path() -> None:
    # A character's UTF-16 code can hold a byte a PDF string escapes: č is 01 0D (\r),
    # Ĩ 01 28 and ĩ 01 29 (parentheses), Ŝ 01 5C (backslash). The fast path writes a
    # line's UTF-16 bytes itself: it must escape them as fpdf2 does, or the text object
    # breaks (an unbalanced parenthesis ends the string early).
    conv = LeavingConversation(1, "conversation-0001", "T", "whatsapp", True, [])
    header = {"title": "T", "participants": [], "is_group": True, "source_format": "x",
              "time_zone": "UTC", "first": None, "last": None}  # fmt: skip
    texts = ["Čačak", "Ĩĩ (Ŝŝ) \\ č", "ĩ" * 5, "Ĩ" * 200, "x č y " * 40]
    rows = [
        Row(i, "x", "message", None, "Ŝ", False, "2024-03-01T10:00:00", None, 0,
            t, False, False, False, False, False, None, {}, [], [], i + 1)
        for i, t in enumerate(texts)
    ]  # fmt: skip
    when = datetime(2024, 1, 1)
    fast = transcript_pdf.render_pdf(conv, header, rows, created=when, fast_text=True)
    slow = transcript_pdf.render_pdf(conv, header, rows, created=when, fast_text=False)
    assert _drawn(fast) == _drawn(slow)
    pages = PdfReader(io.BytesIO(fast)).pages
    # A bare carriage return in a string is an end of line: readers must take it as
    # 0A (PDF 32000-1, 7.3.4.2), which turns č into Ċ. Some readers do not, so
    # extraction alone would not notice.
    assert not any(b"\r" in page.get_contents().get_data() for page in pages)
    text = "".join(page.extract_text() for page in pages)
    for t in texts[:3]:
        assert t in text


def test_pages_made_lean_are_the_pages_fpdf2_makes() -> None:
    # Layout makes a transcript's next pages itself (_lean_page) rather than through
    # fpdf2's add_page: the PDFs must be byte for byte the same.
    from fpdf import FPDF

    from chatsafe.bundle import pdf_fonts
    from chatsafe.bundle.transcript_layout import Layout

    texts = [r.text for r in _rows(300)] + ["Prima 👍", "שלום עולם", "会议"]

    def pdf(lean: bool) -> tuple[bytes, int]:
        doc = FPDF(format="A4", enforce_compliance="PDFA_2U")
        doc.set_creation_date(datetime(2024, 1, 1))
        doc.set_auto_page_break(False)
        doc.set_margins(15, 15, 15)
        doc.add_page()
        out = Layout(doc, pdf_fonts.fonts(), lambda: None, True, lean=lean)
        assert (out._start is not None) == lean
        for i, text in enumerate(texts):
            out.font("B", 8, 40)
            out.write(f"{i}. head", 4)
            out.font("", 9, 90 if i % 5 == 0 else 0)
            out.write(text, 4.5)
        out.flush()
        return bytes(doc.output()), doc.pages_count

    lean, pages = pdf(True)
    assert pages > 5
    assert undated(lean) == undated(pdf(False)[0])
