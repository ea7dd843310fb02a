"""Per-source completeness: which source held what of each conversation.

The auditors' question is "is this the whole chat?". An export of WhatsApp holds at most
the latest 10,000-40,000 messages; the phone's database holds all of them. Ingest
records, per conversation and import, how many messages that source held, how many of
them were already in the case, the period it covers and the disappearing-messages
setting it found; :func:`conversation_coverage` turns that into the figure that answers
them ("the export holds 40,000 of 163,412 messages; the backup holds all; 0 only in the
export").
"""

from __future__ import annotations

import json
from typing import Any

from chatsafe.domain import Kind, ParsedConversation, ParsedMessage

#: Formats that are an app's own database (complete), as opposed to an export (may be cut).
DATABASE_FORMATS = frozenset(
    {"whatsapp-android", "whatsapp-ios", "signal-desktop", "imessage", "telegram"}
)


class Tracker:
    """Fed every message one import read of one conversation."""

    def __init__(self) -> None:
        self.held = 0
        self.first: str | None = None
        self.last: str | None = None

    def feed(self, msg: ParsedMessage) -> None:
        if msg.kind is not Kind.MESSAGE:
            return
        self.held += 1
        wallclock = msg.wallclock
        if self.first is None or wallclock < self.first:
            self.first = wallclock
        if self.last is None or wallclock > self.last:
            self.last = wallclock

    def record(
        self, c: Any, conversation_id: int, import_id: int, conv: ParsedConversation, matched: int
    ) -> None:
        extra = {k: conv.extra[k] for k in ("disappearing_seconds",) if k in conv.extra}
        c.execute(
            "INSERT OR REPLACE INTO source_coverage(conversation_id, import_id, source_format,"
            " held, matched, first_wallclock, last_wallclock, extra) VALUES(?,?,?,?,?,?,?,?)",
            (conversation_id, import_id, conv.source_format, self.held, matched, self.first,
             self.last, json.dumps(extra)),
        )  # fmt: skip


def conversation_coverage(c: Any, conversation_id: int) -> dict[str, Any]:
    """``stats --json``'s ``coverage``: per source format, what it held and when."""
    total = int(
        c.execute(
            "SELECT count(*) FROM messages WHERE conversation_id = ? AND kind = 'message'",
            (conversation_id,),
        ).fetchone()[0]
    )
    sources: list[dict[str, Any]] = []
    rows = c.execute(
        "SELECT source_format, max(held), min(first_wallclock), max(last_wallclock),"
        " group_concat(extra, char(31)) FROM source_coverage WHERE conversation_id = ?"
        " GROUP BY source_format ORDER BY source_format",
        (conversation_id,),
    ).fetchall()
    for fmt, held, first, last, extras in rows:
        disappearing = sorted(
            {int(e["disappearing_seconds"]) for e in map(json.loads, str(extras).split("\x1f"))
             if e.get("disappearing_seconds")}
        )  # fmt: skip
        sources.append(
            {
                "source_format": fmt,
                "kind": "database" if fmt in DATABASE_FORMATS else "export",
                "held": int(held),
                "of": total,
                "first": first,
                "last": last,
                "disappearing_seconds": disappearing,
            }
        )
    has_database = any(s["kind"] == "database" for s in sources)
    only_in_export = 0
    if has_database and any(s["kind"] == "export" for s in sources):
        # Export rows that no database message matched (they never got a native id).
        only_in_export = int(
            c.execute(
                "SELECT count(*) FROM messages WHERE conversation_id = ? AND kind = 'message'"
                " AND source_id IS NULL",
                (conversation_id,),
            ).fetchone()[0]
        )
    return {"messages": total, "sources": sources, "only_in_export": only_in_export}


def summary_line(coverage: dict[str, Any]) -> str:
    """One sentence per conversation for people (the GUI, ``stats``)."""
    parts = []
    for s in coverage["sources"]:
        held, total = s["held"], coverage["messages"]
        what = "all" if held >= total else f"{held:,} of {total:,} messages"
        period = f" ({s['first'][:10]} to {s['last'][:10]})" if s["first"] and s["last"] else ""
        parts.append(f"the {s['source_format']} source holds {what}{period}")
    if any(s["kind"] == "database" for s in coverage["sources"]) and len(parts) > 1:
        parts.append(f"{coverage['only_in_export']:,} only in the export")
    return "; ".join(parts)
