"""What a transcript bubble shows besides the text: the message it replies to, and its
attachments (with the size of their stored thumbnails, so a row can be measured without
decoding an image). Qt-free; read a page at a time with the message rows.

Replies: importers keep the native id of the quoted message in ``reply_to`` (WhatsApp
``message_quoted.key_id``, Telegram ``reply_to_message_id``, Signal ``quote.id``, Matrix
``m.relates_to.m.in_reply_to``); the quoted message is the one of the same conversation
whose ``source_id`` is that id (Signal Desktop's ``quote.id`` is the quoted message's
sent time, so there it is the message at that instant). When the case does not hold it, the quoted text the source
carried (``extra["quote"]``: Signal, WhatsApp for Android, signal-export) is shown instead.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

EXCERPT = 300
"""Characters of a quoted message read for the bubble (it shows one or two lines)."""


@dataclass(frozen=True)
class Quote:
    """The message a reply answers, as much as the case knows of it."""

    sender: str | None  # None when only the quoted text is known
    from_owner: bool
    text: str  # the start of the quoted text (EXCERPT characters at most)
    found: bool  # the quoted message is in the case


@dataclass(frozen=True)
class FileBrief:
    """One attachment as a bubble shows it: a thumbnail, or a named placeholder."""

    id: int
    name: str
    mime: str | None
    present: bool
    blob_id: int | None
    thumb_width: int  # 0 when there is no stored thumbnail
    thumb_height: int


def quotes(c: Any, wanted: list[tuple[int, int, str, Any]]) -> dict[int, Quote]:
    """Quotes for ``(message id, conversation id, reply_to, extra)`` of one page."""
    out: dict[int, Quote] = {}
    by_conv: dict[int, set[str]] = {}
    for _mid, conv, reply, _extra in wanted:
        by_conv.setdefault(conv, set()).add(reply)
    found: dict[tuple[int, str], Quote] = {}
    for conv, replies in by_conv.items():
        keys = sorted(replies)
        marks = ",".join("?" * len(keys))
        # messages_source_id covers (conversation_id, source_id): one index probe each.
        for source_id, sender, owner, text in c.execute(
            "SELECT source_id, sender, from_owner, substr(text, 1, ?) FROM messages"
            f" WHERE conversation_id = ? AND source_id IN ({marks})",
            [EXCERPT, conv, *keys],
        ):
            found[(conv, str(source_id))] = Quote(sender, bool(owner), str(text), True)
    for conv, reply in {(conv, reply) for _m, conv, reply, _e in wanted} - found.keys():
        # Signal names the quoted message by its sent time (epoch ms, 12-13 digits), which
        # is the message's instant; messages_order covers (conversation_id, instant).
        if reply.isascii() and reply.isdigit() and 12 <= len(reply) <= 13:
            row = c.execute(
                "SELECT sender, from_owner, substr(text, 1, ?) FROM messages"
                " WHERE conversation_id = ? AND instant = ? AND kind = 'message'"
                " ORDER BY id LIMIT 1",
                (EXCERPT, conv, int(reply)),
            ).fetchone()
            if row is not None:
                found[(conv, reply)] = Quote(row[0], bool(row[1]), str(row[2]), True)
    for mid, conv, reply, extra in wanted:
        quote = found.get((conv, reply))
        if quote is None:
            text = extra.get("quote") if isinstance(extra, dict) else None
            if not isinstance(text, str):
                text = ""
            quote = Quote(None, False, text[:EXCERPT], False)
        out[mid] = quote
    return out


def files(c: Any, ids: list[int]) -> dict[int, list[FileBrief]]:
    """Each message's attachments in order, without their bytes or thumbnails' bytes."""
    out: dict[int, list[FileBrief]] = {}
    if not ids:
        return out
    marks = ",".join("?" * len(ids))
    for r in c.execute(
        "SELECT a.message_id, a.id, a.name, a.mime, a.present, a.blob_id, t.width, t.height"
        " FROM attachments a LEFT JOIN thumbnails t ON t.blob_id = a.blob_id"
        f" WHERE a.message_id IN ({marks}) ORDER BY a.message_id, a.position",
        ids,
    ):
        out.setdefault(int(r[0]), []).append(
            FileBrief(int(r[1]), str(r[2]), r[3], bool(r[4]), r[5], int(r[6] or 0), int(r[7] or 0))
        )
    return out


def thumbnail_png(c: Any, blob_id: int) -> bytes | None:
    """The stored PNG thumbnail of an attachment's bytes, if one was made at import."""
    row = c.execute("SELECT png FROM thumbnails WHERE blob_id = ?", (blob_id,)).fetchone()
    return None if row is None else bytes(row[0])


__all__ = ["EXCERPT", "FileBrief", "Quote", "files", "quotes", "thumbnail_png"]
