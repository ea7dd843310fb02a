"""Read-only questions to the case that the CLI, the GUI and the bundle share."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from chatsafe.domain import DISAPPEARING_EVENTS
from chatsafe.review.labels import EFFECTIVE_LABEL_SQL
from chatsafe.store import coverage, entries

_DISAPPEARING = "(" + ", ".join(f"'{e.value}'" for e in DISAPPEARING_EVENTS) + ")"


def conversation_ids(c: Any) -> list[int]:
    return [int(r[0]) for r in c.execute("SELECT id FROM conversations ORDER BY id")]


def participants(c: Any, conversation_id: int) -> list[str]:
    return [
        str(r[0])
        for r in c.execute(
            "SELECT name FROM participants WHERE conversation_id = ? ORDER BY name",
            (conversation_id,),
        )
    ]


def conversation_stats(c: Any, conversation_id: int) -> dict[str, Any]:
    """The ``stats --json`` entry of one conversation (a stable contract: add, never rename)."""
    title, source_format, is_group, extra = c.execute(
        "SELECT title, source_format, is_group, extra FROM conversations WHERE id = ?",
        (conversation_id,),
    ).fetchone()
    cut = truncation(extra)
    row = c.execute(
        "SELECT"
        " sum(kind = 'message'), sum(kind = 'event'),"
        " sum(kind = 'message' AND deleted), sum(kind = 'message' AND edited),"
        " sum(kind = 'message' AND view_once),"
        f" sum(kind = 'event' AND event_type IN {_DISAPPEARING})"
        " FROM messages WHERE conversation_id = ?",
        (conversation_id,),
    ).fetchone()
    n_msg, n_evt, n_del, n_edit, n_vo, n_dis = (int(v or 0) for v in row)
    first = c.execute(
        "SELECT wallclock FROM messages WHERE conversation_id = ? AND kind = 'message'"
        " ORDER BY instant, id LIMIT 1",
        (conversation_id,),
    ).fetchone()
    last = c.execute(
        "SELECT wallclock FROM messages WHERE conversation_id = ? AND kind = 'message'"
        " ORDER BY instant DESC, id DESC LIMIT 1",
        (conversation_id,),
    ).fetchone()
    att = c.execute(
        "SELECT count(*), sum(a.present), sum(NOT a.present) FROM attachments a"
        " JOIN messages m ON m.id = a.message_id WHERE m.conversation_id = ?",
        (conversation_id,),
    ).fetchone()
    labels = {"business": 0, "private": 0, "party_political": 0}
    for label, n in c.execute(
        f"SELECT {EFFECTIVE_LABEL_SQL} AS label, count(*) FROM messages m"
        " WHERE m.conversation_id = ? AND m.kind = 'message' GROUP BY label",
        (conversation_id,),
    ):
        labels[str(label)] = int(n)
    return {
        "id": conversation_id,
        "title": title,
        "source_format": source_format,
        "is_group": bool(is_group),
        "participants": participants(c, conversation_id),
        "messages": n_msg,
        "events": n_evt,
        "first": first[0] if first else None,
        "last": last[0] if last else None,
        "attachments": {
            "referenced": int(att[0] or 0),
            "present": int(att[1] or 0),
            "missing": int(att[2] or 0),
        },
        "deleted": n_del,
        "edited": n_edit,
        "view_once": n_vo,
        "disappearing_notices": n_dis,
        "labels": labels,
        **entries.conversation_entries(c, conversation_id),
        # Whether the export may have been cut by its app (WhatsApp's export limit), and
        # why: {"reasons": [...], "entries": n, "advice": "..."} or None.
        "possibly_truncated": cut is not None,
        "truncation": cut,
        "coverage": coverage.conversation_coverage(c, conversation_id),
    }


def truncation(extra: str | None) -> dict[str, Any] | None:
    """The importer's verdict on a cut export, from a conversation's ``extra``."""
    cut = json.loads(extra).get("possibly_truncated") if extra else None
    return cut if isinstance(cut, dict) else None


def case_stats(c: Any) -> dict[str, Any]:
    """``stats --json``: per conversation, and per source (each import) with its report."""
    return {
        "conversations": [conversation_stats(c, cid) for cid in conversation_ids(c)],
        "sources": entries.source_entries(c),
    }


def iter_messages(c: Any, conversation_id: int) -> Iterator[dict[str, Any]]:
    """The ``messages --json`` entries of one conversation, in time order."""
    attachments: dict[int, list[dict[str, Any]]] = {}
    for mid, name, mime, present, note in c.execute(
        "SELECT a.message_id, a.name, a.mime, a.present, a.note FROM attachments a"
        " JOIN messages m ON m.id = a.message_id WHERE m.conversation_id = ?"
        " ORDER BY a.message_id, a.position",
        (conversation_id,),
    ):
        attachments.setdefault(int(mid), []).append(
            {"name": name, "mime": mime, "present": bool(present), "note": note}
        )
    for row in c.execute(
        "SELECT m.id, m.kind, m.sender, m.wallclock, m.text, m.deleted, m.edited, m.view_once,"
        f" m.event_type, m.media_omitted, m.forwarded, m.extra, {EFFECTIVE_LABEL_SQL}"
        " FROM messages m WHERE m.conversation_id = ? ORDER BY m.instant, m.id",
        (conversation_id,),
    ):
        mid, kind, sender, wallclock, text, deleted, edited, view_once = row[:8]
        event_type, media_omitted, forwarded, extra, label = row[8:]
        yield {
            "id": mid,
            "kind": kind,
            "sender": sender,
            "time": wallclock,
            "text": text,
            "deleted": bool(deleted),
            "edited": bool(edited),
            "view_once": bool(view_once),
            "attachments": attachments.get(int(mid), []),
            "label": label if kind == "message" else None,
            "event_type": event_type,
            "media_omitted": bool(media_omitted),
            "forwarded": bool(forwarded),
            "extra": json.loads(extra) if extra else {},
        }


def conversation_exists(c: Any, conversation_id: int) -> bool:
    return (
        c.execute("SELECT 1 FROM conversations WHERE id = ?", (conversation_id,)).fetchone()
        is not None
    )
