"""``transcript.pdf``: the conversation as a person reads it, as PDF/A-2u.

Built in memory with fpdf2. The fonts (chatsafe/bundle/pdf_fonts.py) are embedded as
subsets, as PDF/A requires, and every glyph maps back to its Unicode text. Latin,
Greek and Cyrillic are drawn with DejaVu Sans; emoji, Chinese and Japanese with
fallback fonts; Hebrew and Arabic are ordered right to left as fpdf2's bidirectional
algorithm orders them (chatsafe/bundle/transcript_bidi.py) and shaped with HarfBuzz
(transcript_shape.py), placed by chatsafe/bundle/transcript_layout.py. A character no
shipped font has a glyph for is printed as a readable code such as ``[U+1FAE0]``
rather than silently dropped, so the printed record never loses a character.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import datetime
from typing import TYPE_CHECKING, Any

from chatsafe.bundle.payload import LeavingConversation, PrintRow, Row
from chatsafe.bundle.pdf_fonts import FontSet, fonts
from chatsafe.bundle.transcript_layout import Layout

if TYPE_CHECKING:
    from chatsafe.bundle.pdf_subsets import BundleFonts


def printable(text: str) -> str:
    """Replace what no font can show with ``[U+XXXX]``; keep line breaks."""
    return fonts().printable(text)


def _flags(r: Row | PrintRow) -> str:
    if not (r.deleted or r.edited or r.view_once or r.media_omitted or r.forwarded):
        return ""
    names = [
        ("deleted", r.deleted),
        ("edited", r.edited),
        ("view once", r.view_once),
        ("media omitted", r.media_omitted),
        ("forwarded", r.forwarded),
    ]
    return ", ".join(n for n, on in names if on)


def render_pdf(
    conv: LeavingConversation,
    header: dict[str, Any],
    rows: Iterable[Row | PrintRow],
    *,
    created: datetime,
    check: Callable[[], None] = lambda: None,
    fast_text: bool = True,
    fontset: FontSet | None = None,
    shared: BundleFonts | None = None,
) -> bytes:
    """The PDF/A-2u transcript of one conversation, as bytes. With ``shared`` (the
    bundle's font subsets, chatsafe/bundle/pdf_subsets.py) the PDF embeds those instead
    of subsetting each font again."""
    from fpdf import FPDF

    pdf = FPDF(format="A4", enforce_compliance="PDFA_2U")
    pdf.set_creation_date(created)
    pdf.set_creator("chatsafe")
    pdf.set_producer("chatsafe (fpdf2)")
    pdf.set_title(printable(f"{conv.folder}: {header['title']}"))
    pdf.set_subject("Business chat transcript")
    fontset = fontset or fonts()
    pdf.set_auto_page_break(False)
    pdf.set_margins(15, 15, 15)
    try:
        # Only fpdf2's cell uses it: the lines with right-to-left text. Every paragraph
        # is left to right, as the document is: a right-to-left run inside is ordered
        # right to left, and a reader extracts the text in the order it was written
        # (with a right-to-left paragraph, "שלום: hi!" would extract as "!hi :שלום").
        pdf.set_text_shaping(True, direction="ltr")
    except ImportError:  # pragma: no cover - uharfbuzz is a dependency
        pass
    pdf.add_page()
    if shared is not None:
        fontset = shared.fontset
        pdf.set_compression(False)  # the bundle's writer compresses the pages (pdf_subsets)
    out = Layout(pdf, fontset, check, fast_text, shared.fonts if shared else ())

    out.font("B", 14)
    out.write(header["title"], 7)
    out.font("", 9)
    names = ", ".join(
        p["name"] + (" (owner)" if p["owner"] else "") for p in header["participants"]
    )
    kind = "group" if header["is_group"] else "one-to-one"
    for line in (
        f"{conv.folder} · {header['source_format']} · {kind}",
        f"Participants: {names}",
        f"Time zone: {header['time_zone']} · {(header['first'] or '—').replace('T', ' ')}"
        f" – {(header['last'] or '—').replace('T', ' ')}",
        "Only business messages are in this transcript; transcript.json is the exact record.",
    ):
        out.write(line, 5)
    out.gap(3)

    for i, r in enumerate(rows):
        if i % 1000 == 0:
            check()
        head = f"{r.n}. {r.wallclock.replace('T', ' ')}  {r.sender or '—'}"
        if r.kind == "event":
            head += f"  [event: {r.event_type or 'other'}]"
        flags = _flags(r)
        if flags:
            head += f"  [{flags}]"
        out.font("B", 8, 40)
        out.write(head, 4)
        out.font("", 9, 90 if r.kind == "event" else 0)
        if r.text:
            out.write(r.text, 4.5)
        for a in r.attachments:
            out.write(f"[attachment: {a.name} → {a.path or 'not in the export'}]", 4.5)
        if r.reply_to:
            out.write(f"(reply to {r.reply_to})", 4)
        out.gap(1.5)
    out.flush()
    if shared is not None:
        return bytes(pdf.output(output_producer_class=shared.producer))
    return bytes(pdf.output())
