"""Attachments of newly imported messages into the case: bytes once, thumbnails in memory.

Attachments never sink an import. A photo above the thumbnail limit (64, 108 and
200 MP phones are common) is kept, bytes and hash, without a thumbnail, and its ``note``
says why. Only a real decompression bomb (more pixels than any camera makes, or far
more than its bytes can hold) is refused, and then only that attachment: it is stored
as not present with the reason, and the import report gets a line. Its bytes stay in
the original export kept in the case, never decoded.
"""

from __future__ import annotations

import hashlib
import logging
from typing import Any

from chatsafe import media
from chatsafe.domain import NotImported, ParsedMessage
from chatsafe.errors import DecompressionBombError, ImageTooLargeError, InputError
from chatsafe.store import blobs

log = logging.getLogger("chatsafe.ingest")

Thumbnail = tuple[bytes, int, int]


def write_attachments(
    c: Any, import_id: int, message_id: int, msg: ParsedMessage, lines: list[NotImported]
) -> None:
    """Store ``msg``'s attachments if this import inserted it; refusals go to ``lines``."""
    inserted = c.execute(
        "SELECT import_id = ? FROM messages WHERE id = ?", (import_id, message_id)
    ).fetchone()
    if not inserted or not inserted[0]:
        return  # a duplicate of a message the case already has, with its attachments
    for pos, att in enumerate(msg.attachments):
        blob_id = digest = size = note = None
        mime = att.mime
        present = att.data is not None
        if att.data is not None:
            mime = mime or media.sniff_mime(att.data, att.name)
            digest = hashlib.sha256(att.data).hexdigest()
            thumb = None
            if media.is_image(mime) and not _has_thumbnail(c, digest):
                try:
                    thumb, note = _thumbnail(att.data, att.name)
                except DecompressionBombError as exc:
                    present, digest, note = False, None, exc.message
                    lines.append(
                        NotImported(
                            f"entry {msg.position}, attachment {pos + 1}",
                            "attachment-refused",
                            f"{exc.message}; the message is imported without it",
                        )
                    )
            if present:
                blob_id, digest = blobs.put_bytes(c, att.data, digest)
                size = len(att.data)
                if thumb is not None:
                    c.execute(
                        "INSERT OR IGNORE INTO thumbnails(blob_id, png, width, height)"
                        " VALUES(?, ?, ?, ?)",
                        (blob_id, *thumb),
                    )
        c.execute(
            "INSERT INTO attachments(message_id, position, name, mime, blob_id, sha256,"
            " size, present, note) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (message_id, pos, att.name, mime, blob_id, digest, size, int(present), note),
        )


def _has_thumbnail(c: Any, digest: str) -> bool:
    return (
        c.execute(
            "SELECT 1 FROM thumbnails t JOIN blobs b ON b.id = t.blob_id WHERE b.sha256 = ?",
            (digest,),
        ).fetchone()
        is not None
    )


def _thumbnail(data: bytes, name: str) -> tuple[Thumbnail | None, str | None]:
    """(thumbnail, note): a photo too large for one is kept without, and says so."""
    try:
        return media.thumbnail(data, where=name), None
    except ImageTooLargeError as exc:
        return None, f"no thumbnail: {exc.message}"
    except DecompressionBombError:
        raise
    except InputError as exc:
        log.warning("no thumbnail for an attachment: %s", exc.code)
        return None, None
