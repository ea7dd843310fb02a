"""The fast text path writes exactly the content stream fpdf2's own FPDF.text writes."""

from __future__ import annotations

import io
import random
from datetime import datetime

from pypdf import PdfReader

from chatsafe.bundle import transcript_pdf
from chatsafe.bundle.payload import LeavingConversation, Row

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


def _streams(pdf: bytes) -> list[bytes]:
    return [page.get_contents().get_data() for page in PdfReader(io.BytesIO(pdf)).pages]


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
    fast_pages, slow_pages = _streams(fast), _streams(slow)
    assert len(fast_pages) > 3
    assert fast_pages == slow_pages
    assert "Kamerbrief" in PdfReader(io.BytesIO(fast)).pages[0].extract_text()
