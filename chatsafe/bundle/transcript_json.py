"""``transcript.json``: the exact record of one conversation's business messages.

Written as a stream (one message per line inside the array), so a conversation of a
million messages never has to be held as one string.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from datetime import UTC, datetime
from typing import Any, Protocol

from chatsafe.bundle.payload import LeavingConversation, Row

FORMAT = "chatsafe-transcript/1"


class Writable(Protocol):
    def write(self, data: bytes) -> int: ...


def instant_iso(ms: int) -> str:
    dt = datetime.fromtimestamp(ms / 1000, UTC)
    return dt.isoformat(timespec="milliseconds").replace("+00:00", "Z")


def message_record(r: Row) -> dict[str, Any]:
    return {
        "n": r.n,
        "kind": r.kind,
        "event_type": r.event_type,
        "sender": r.sender,
        "from_owner": r.from_owner,
        "wallclock": r.wallclock,
        "wallclock_raw": r.wallclock_raw,
        "instant": instant_iso(r.instant_ms),
        "text": r.text,
        "flags": {
            "deleted": r.deleted,
            "edited": r.edited,
            "view_once": r.view_once,
            "media_omitted": r.media_omitted,
            "forwarded": r.forwarded,
        },
        "reply_to": r.reply_to,
        "extra": r.extra,
        "attachments": [
            {
                "name": a.name,
                "mime": a.mime,
                "present": a.present,
                "size": a.size if a.present else None,
                "sha256": a.sha256 if a.present else None,
                "path": a.path,
            }
            for a in r.attachments
        ],
        "source_sha256": r.source_sha256,
    }


def _dump(obj: Any) -> bytes:
    return json.dumps(obj, ensure_ascii=False, sort_keys=True).encode("utf-8")


def write_transcript(
    out: Writable,
    conv: LeavingConversation,
    header: dict[str, Any],
    rows: Iterable[Row],
    urn: Callable[[Row], str] | None = None,
) -> int:
    """Write the transcript; returns how many entries it holds.

    ``urn`` gives each entry its stable identifier (``id``), the one the archive, the
    review log and an openness restriction use to name a single message.
    """
    head = {"format": FORMAT, "conversation": {"id": conv.folder, **header}}
    text = _dump(head)
    out.write(text[:-1] + b',\n"messages": [\n')
    count = 0
    # Batched: one compressor call per ~1 MB instead of two per message.
    batch: list[bytes] = []
    size = 0
    for r in rows:
        record = message_record(r)
        if urn is not None:
            record["id"] = urn(r)
        line = _dump(record)
        batch.append(b",\n" + line if count else line)
        size += len(line)
        count += 1
        if size > 1 << 20:
            out.write(b"".join(batch))
            batch, size = [], 0
    batch.append(b"\n]}\n")
    out.write(b"".join(batch))
    return count
