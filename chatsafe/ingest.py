"""Importer output into the case: one transaction, deduplicated, with progress and cancel.

Each path is detected (or named), parsed, and its conversations written by
:class:`chatsafe.ingest_writer.Writer` (batches, identities: see that module); then the
originals are kept hashed, the search index filled, contact rules applied and the import
logged. Any refusal or cancel rolls the whole import back.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from chatsafe import __version__, importers
from chatsafe.domain import EntryTally
from chatsafe.errors import CancelledError, InputError
from chatsafe.importers.base import ImportContext
from chatsafe.ingest_writer import MAX_MESSAGE_CHARS as MAX_MESSAGE_CHARS
from chatsafe.ingest_writer import ConversationReport as ConversationReport
from chatsafe.ingest_writer import Progress as Progress
from chatsafe.ingest_writer import Writer
from chatsafe.ingest_writer import message_identity as message_identity
from chatsafe.ingest_writer import zone as zone
from chatsafe.review import log as review_log
from chatsafe.sources import open_source
from chatsafe.store import blobs, entries
from chatsafe.store.case import Case, now_iso

log = logging.getLogger("chatsafe.ingest")


@dataclass
class ImportReport:
    """What one import did. ``added`` counts new messages and events."""

    paths: list[str] = field(default_factory=list)
    formats: list[str] = field(default_factory=list)
    conversations: list[ConversationReport] = field(default_factory=list)

    @property
    def added(self) -> int:
        return sum(c.added for c in self.conversations)

    #: Entries read outside any conversation, and how many of those were not imported.
    source_entries_read: int = 0
    source_not_imported: int = 0

    @property
    def skipped(self) -> int:
        return sum(c.skipped for c in self.conversations)

    @property
    def entries_read(self) -> int:
        return self.source_entries_read + sum(c.entries_read for c in self.conversations)

    @property
    def not_imported(self) -> int:
        return self.source_not_imported + sum(c.not_imported for c in self.conversations)


def import_paths(
    case: Case,
    paths: Sequence[Path],
    ctx: ImportContext | None = None,
    *,
    format_name: str | None = None,
    progress: Progress | None = None,
) -> ImportReport:
    """Import every path into ``case`` in one transaction: all of it, or nothing.

    Raises InputError (naming the file and place) for input that cannot be imported and
    CancelledError when ``ctx.cancelled()`` turns true; the case is then unchanged.
    """
    ctx = ctx or ImportContext()
    if ctx.owner is None:
        ctx.owner = case.owner
    # National phone numbers are read as the case's country's unless the import names
    # one (chatsafe import --country), in the CLI and the app alike.
    if not ctx.extra.get("country") and case.get_setting("country"):
        ctx.extra = {**ctx.extra, "country": str(case.get_setting("country"))}
    zone(ctx.time_zone)  # refuse an unknown zone before touching anything
    report = ImportReport()

    def importer_progress(done: int, total: int) -> None:
        if progress:
            progress("reading", done, total)

    ctx.progress = importer_progress
    with case.transaction() as c:
        if ctx.owner and not case.get_setting("owner"):
            Case.put_setting(c, "owner", ctx.owner)
        for path in paths:
            path = Path(path)
            ctx.check_cancel()
            with open_source(path) as source:
                importer = (
                    importers.by_name(format_name) if format_name else importers.detect(source)
                )
                cur = c.execute(
                    "INSERT INTO imports(format, path_name, started_at, tool_version)"
                    " VALUES(?, ?, ?, ?)",
                    (importer.name, path.name, now_iso(), __version__),
                )
                import_id = int(cur.lastrowid)
                writer = Writer(case, c, import_id, ctx)
                writer.where = str(path)
                ctx.tally = EntryTally()
                convs = [writer.write(conv, progress) for conv in importer.parse(source, ctx)]
                if not convs:
                    raise InputError("holds no conversation to import", file=str(path))
                if ctx.tally.read or ctx.tally.not_imported:
                    read, lines, missing = entries.settle(ctx.tally, 0)
                    entries.record(c, import_id, None, read, lines, missing)
                    report.source_entries_read += read
                    report.source_not_imported += missing
                # Keep the originals exactly as read, hashed.
                for name, on_disk in source.originals():
                    if on_disk is None:
                        continue
                    blob_id, digest, size = blobs.put_file(c, on_disk, ctx.check_cancel)
                    c.execute(
                        "INSERT INTO source_files(import_id, name, format, sha256, size, blob_id,"
                        " imported_at) VALUES(?, ?, ?, ?, ?, ?, ?)",
                        (import_id, name, importer.name, digest, size, blob_id, now_iso()),
                    )
                if progress:
                    progress("indexing", 0, 0)
                c.execute(
                    "INSERT INTO message_fts(rowid, text) "
                    "SELECT id, text FROM messages WHERE import_id = ?",
                    (import_id,),
                )
                added = sum(r.added for r in convs)
                c.execute(
                    "UPDATE imports SET finished_at = ?, added_messages = ?, skipped_messages = ?"
                    " WHERE id = ?",
                    (now_iso(), added, sum(r.skipped for r in convs), import_id),
                )
                _apply_rules(c, [r.id for r in convs])
                _log_import(c, import_id, importer.name, convs)
                report.paths.append(str(path))
                report.formats.append(importer.name)
                report.conversations.extend(convs)
        ctx.check_cancel()
    log.info(
        "imported %d path(s) as %s: %d new entries, %d already in the case, "
        "%d of %d entries read not imported (see the import report)",
        len(report.paths),
        ",".join(sorted(set(report.formats))),
        report.added,
        report.skipped,
        report.not_imported,
        report.entries_read,
    )
    return report


def _log_import(c: Any, import_id: int, fmt: str, convs: list[ConversationReport]) -> None:
    """Every import is a decision-relevant event: it goes into the review log (and so
    voids an approval). Sources are named by hash, never by file name: a name such as
    "WhatsApp-chat met Oma" would tell what the log must not."""
    sources = [
        str(r[0])
        for r in c.execute(
            "SELECT sha256 FROM source_files WHERE import_id = ? ORDER BY id", (import_id,)
        )
    ]
    review_log.append(
        c,
        actor="chatsafe",
        role="import",
        action="import",
        target=f"import:{import_id}",
        new={
            "format": fmt,
            "sources_sha256": sources,
            "conversations": sorted({r.id for r in convs}),
            "added": sum(r.added for r in convs),
            "already_in_case": sum(r.skipped for r in convs),
        },
    )


def _apply_rules(c: Any, conversation_ids: list[int]) -> None:
    """Contact rules kept in the case apply to what a later import brings in too."""
    try:
        from chatsafe.review import rules
    except ImportError:  # pragma: no cover - the review package is part of the core
        return
    rules.apply_to_conversations(c, conversation_ids)


__all__ = ["CancelledError", "ImportReport", "import_paths", "message_identity"]
