"""The import report: entries each import read, and each one it did not import, and why.

An archive tool may refuse an input but may never drop part of one and report success.
Ingest records, per import and conversation, how many entries the importer read and one
line per entry that became neither a message nor an event; ``stats`` and the GUI show
them. The numbers add up by construction: an importer that read more entries than it
accounted for gets an ``unaccounted`` line here rather than a silent difference.
"""

from __future__ import annotations

from typing import Any

from chatsafe.domain import EntryTally, NotImported

UNACCOUNTED = "unaccounted"


def settle(tally: EntryTally | None, yielded: int) -> tuple[int, list[NotImported], int]:
    """(entries read, report lines, entries not imported) for what an importer yielded.

    Without a tally every message yielded is one entry. A tally that read more entries
    than were yielded or reported gets one ``unaccounted`` line covering the difference.
    """
    if tally is None:
        return yielded, [], 0
    lines = list(tally.not_imported)
    missing = tally.read - yielded - len(lines)
    if missing > 0:
        lines.append(
            NotImported(
                "",
                UNACCOUNTED,
                f"{missing} entries read but neither imported nor reported by the importer",
            )
        )
        return tally.read, lines, len(tally.not_imported) + missing
    return max(tally.read, yielded + len(lines)), lines, len(lines)


def record(
    c: Any,
    import_id: int,
    conversation_id: int | None,
    read: int,
    lines: list[NotImported],
    not_imported: int,
) -> None:
    """Keep one conversation's (or the source's) part of the import report in the case."""
    c.execute(
        "INSERT INTO import_entries(import_id, conversation_id, entries_read,"
        " entries_not_imported) VALUES(?, ?, ?, ?)",
        (import_id, conversation_id, read, not_imported),
    )
    c.executemany(
        "INSERT INTO import_report(import_id, conversation_id, position, reason, detail)"
        " VALUES(?, ?, ?, ?, ?)",
        [(import_id, conversation_id, n.position, n.reason, n.detail) for n in lines],
    )


def _reasons(c: Any, where: str, args: tuple[Any, ...]) -> dict[str, int]:
    return {
        str(reason): int(n)
        for reason, n in c.execute(
            f"SELECT reason, count(*) FROM import_report WHERE {where}"
            " GROUP BY reason ORDER BY reason",
            args,
        )
    }


def conversation_entries(c: Any, conversation_id: int) -> dict[str, Any]:
    """``entries_read`` and ``entries_not_imported`` of one conversation, over its imports."""
    read, missing = c.execute(
        "SELECT coalesce(sum(entries_read), 0), coalesce(sum(entries_not_imported), 0)"
        " FROM import_entries WHERE conversation_id = ?",
        (conversation_id,),
    ).fetchone()
    return {
        "entries_read": int(read),
        "entries_not_imported": {
            "count": int(missing),
            "reasons": _reasons(c, "conversation_id = ?", (conversation_id,)),
        },
    }


def source_entries(c: Any) -> list[dict[str, Any]]:
    """One entry per import (a source file or folder): what it read and every line of its
    report, with the conversation each line belongs to (None: outside any)."""
    out: list[dict[str, Any]] = []
    for import_id, fmt, name, started, finished in c.execute(
        "SELECT id, format, path_name, started_at, finished_at FROM imports ORDER BY id"
    ).fetchall():
        read, missing = c.execute(
            "SELECT coalesce(sum(entries_read), 0), coalesce(sum(entries_not_imported), 0)"
            " FROM import_entries WHERE import_id = ?",
            (import_id,),
        ).fetchone()
        lines = [
            {"conversation": conv, "position": pos, "reason": reason, "detail": detail}
            for conv, pos, reason, detail in c.execute(
                "SELECT conversation_id, position, reason, detail FROM import_report"
                " WHERE import_id = ? ORDER BY id",
                (import_id,),
            )
        ]
        out.append(
            {
                "id": int(import_id),
                "format": fmt,
                "path_name": name,
                "started_at": started,
                "finished_at": finished,
                "entries_read": int(read),
                "entries_not_imported": {
                    "count": int(missing),
                    "reasons": _reasons(c, "import_id = ?", (import_id,)),
                    "entries": lines,
                },
            }
        )
    return out
