"""One conversation of an import into the open transaction: message rows in batches,
their attachments, identities, coverage, edits and the import report's entries.

Message identity is what makes re-imports safe: a hash of the source format, the
conversation's key, and either the format's own stable message id or the message's
content (kind, sender, wall-clock minute, text, markers), plus its occurrence number among
identical ones. Importing the same export again adds nothing; an overlapping later export
adds only what is new; earlier review decisions stay attached to the same rows.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from chatsafe import reconcile
from chatsafe.domain import Kind, NotImported, ParsedAttachment, ParsedConversation, ParsedMessage
from chatsafe.errors import InputError, SettingsError
from chatsafe.importers.base import ImportContext
from chatsafe.ingest_attachments import write_attachments
from chatsafe.review import versions
from chatsafe.store import coverage as coverage_store
from chatsafe.store import entries
from chatsafe.store.case import Case, now_iso

#: (phase, done, total): phase is a short word ("reading", "storing", "indexing").
Progress = Callable[[str, int, int], None]
_BATCH = 5000
_HELD_BYTES = 64 * 1024 * 1024  # attachment bytes held before a batch is written
_INSERT = (
    "INSERT OR IGNORE INTO messages(id, conversation_id, identity, import_id, source_file_id,"
    " position, kind, event_type, sender, from_owner, wallclock, wallclock_raw, instant, text,"
    " deleted, edited, view_once, media_omitted, forwarded, reply_to, source_id, extra)"
    " VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"
)
_INSERT_PLAIN = (
    "INSERT OR IGNORE INTO messages(id, conversation_id, identity, import_id, position, kind,"
    " sender, from_owner, wallclock, wallclock_raw, instant, text)"
    " VALUES(?,?,?,?,?,?,?,?,?,?,?,?)"
)
_MESSAGE = Kind.MESSAGE
# No chat app sends more than a few hundred thousand characters in one message, and a
# very long e-mail body is a few million; a 1 GiB "message" is damage or an attack, and
# SQLite's own limit (1e9 bytes) would fail it with an internal error.
MAX_MESSAGE_CHARS = 64 * 1024 * 1024


@dataclass
class ConversationReport:
    id: int
    title: str
    source_format: str
    added: int = 0
    skipped: int = 0
    #: Entries of the source the importer read for this conversation, and how many of
    #: them became neither a message nor an event (each has a line in the import report).
    entries_read: int = 0
    not_imported: int = 0
    # What the importer assumed or set aside, in a sentence each (never message text).
    notes: list[str] = field(default_factory=list)


def zone(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise SettingsError(
            f"unknown time zone {name!r} (use a name like Europe/Amsterdam)"
        ) from None


class _Clock:
    """Wall-clock text -> UTC epoch ms in one zone.

    The zone's offset changes only on whole hours, so (epoch of the hour - offset) is
    cached per hour; a daylight-saving fall-back hour is read as its first pass (fold 0).
    """

    def __init__(self, tz: ZoneInfo) -> None:
        self.tz = tz
        self._hours: dict[str, int] = {}

    def instant_ms(self, wallclock: str) -> int:
        hour = wallclock[:13]
        base = self._hours.get(hour)
        if base is None:
            naive = datetime.fromisoformat(hour + ":00:00")
            off = naive.replace(tzinfo=self.tz).utcoffset()
            offset = off.total_seconds() if off else 0.0
            base = int((naive.replace(tzinfo=UTC).timestamp() - offset) * 1000)
            self._hours[hour] = base
        return base + (int(wallclock[14:16]) * 60 + int(wallclock[17:19])) * 1000


def message_identity(
    source_format: str, conv_key: str, msg: ParsedMessage, seen: dict[bytes, int]
) -> bytes:
    """The stable identity of a message (see the module's docstring)."""
    digest = base_digest(source_format, conv_key, msg)
    n = seen.get(digest, 0)
    seen[digest] = n + 1
    return nth_identity(digest, n)


def nth_identity(digest: bytes, n: int) -> bytes:
    """The identity of the ``n``-th (from 0) of identical messages."""
    if n:
        return hashlib.blake2b(digest + n.to_bytes(4, "big"), digest_size=16).digest()
    return digest


def base_digest(source_format: str, conv_key: str, msg: ParsedMessage) -> bytes:
    """What identical messages share: the identity before the occurrence number."""
    if msg.source_id is not None:
        base = "\x1f".join((source_format, conv_key, "id", msg.source_id))
    else:
        # Minute precision: Android prints no seconds, iOS does; the same chat from two
        # phones must still merge.
        base = "\x1f".join(
            (
                source_format,
                conv_key,
                msg.kind.value,
                msg.sender or "",
                msg.wallclock[:16],
                msg.text,
                "d" if msg.deleted else "",
                ",".join(a.name for a in msg.attachments),
            )
        )
    # 128 bits: collisions are out of reach for any case, and the unique index stays small.
    return hashlib.blake2b(base.encode("utf-8", "surrogatepass"), digest_size=16).digest()


class Writer:
    """Writes one import's conversations into an open transaction."""

    def __init__(self, case: Case, c: Any, import_id: int, ctx: ImportContext) -> None:
        self.case = case
        self.c = c
        self.import_id = import_id
        self.ctx = ctx
        self.clock = _Clock(zone(ctx.time_zone))
        self.owner = ctx.owner
        self.where = ""  # the input being written, for refusals
        #: Report lines of the conversation being written (refused attachments).
        self.lines: list[NotImported] = []

    def conversation_id(self, conv: ParsedConversation) -> int:
        row = self.c.execute(
            "SELECT id FROM conversations WHERE source_format = ? AND key = ?",
            (conv.source_format, conv.key),
        ).fetchone()
        if row:
            return int(row[0])
        # The same chat from another source (an export and the app's database): one
        # conversation (reconcile.py).
        merged = reconcile.alias(self.c, conv) or reconcile.find_partner(self.c, conv)
        if merged is not None:
            return merged
        cur = self.c.execute(
            "INSERT INTO conversations(source_format, key, title, is_group, extra, created_at)"
            " VALUES(?, ?, ?, ?, ?, ?)",
            (
                conv.source_format,
                conv.key,
                conv.title,
                int(conv.is_group),
                json.dumps(conv.extra, ensure_ascii=False, default=str),
                now_iso(),
            ),
        )
        return int(cur.lastrowid)

    def write(self, conv: ParsedConversation, progress: Progress | None) -> ConversationReport:
        c = self.c
        conv_id = self.conversation_id(conv)
        report = ConversationReport(conv_id, conv.title, conv.source_format)
        # Ids are given here so that a batch's attachments can name their messages; a
        # duplicate's id is simply never used.
        next_id = int(c.execute("SELECT coalesce(max(id), 0) + 1 FROM messages").fetchone()[0])
        seen: dict[bytes, int] = {}
        senders: set[str] = set()
        owner = conv.owner or self.owner
        batch: list[tuple[Any, ...]] = []
        plain: list[tuple[Any, ...]] = []
        with_files: list[tuple[int, ParsedMessage]] = []
        held = 0  # attachment bytes waiting in with_files
        matcher = self._matcher(conv, conv_id, owner)
        coverage = coverage_store.Tracker()
        # A streaming importer learns some of the conversation while its messages are
        # read (Telegram's inferred owner): what it adds to extra is stored afterwards.
        extra_before = dict(conv.extra)

        def flush() -> None:
            # Rows first, then their attachments: one executemany per batch, not per file.
            nonlocal held
            # Most messages carry no flags: 12 bound values instead of 22 halves the insert.
            if plain:
                c.executemany(_INSERT_PLAIN, plain)
                plain.clear()
            if batch:
                c.executemany(_INSERT, batch)
                batch.clear()
            for message_id, msg in with_files:
                write_attachments(c, self.import_id, message_id, msg, self.lines)
            with_files.clear()
            held = 0

        count = 0
        for msg in conv.messages:
            count += 1
            if len(msg.text) > MAX_MESSAGE_CHARS:
                raise InputError(
                    f"entry {msg.position} holds {len(msg.text):,} characters of text, more "
                    f"than the {MAX_MESSAGE_CHARS:,} chatsafe takes in one message",
                    file=self.where,
                )
            if msg.sender and msg.kind is Kind.MESSAGE:
                senders.add(msg.sender)
            coverage.feed(msg)
            if matcher is not None and matcher.match(msg):
                continue  # already in the case from the chat's other source
            is_plain, row = self._row(next_id, conv, conv_id, msg, seen, owner)
            (plain if is_plain else batch).append(row)
            if msg.attachments:
                with_files.append((next_id, msg))
                held += sum(len(a.data or b"") for a in msg.attachments)
            if len(batch) + len(plain) >= _BATCH or held > _HELD_BYTES:
                flush()
                self.ctx.check_cancel()
                if progress:
                    progress("storing", count, 0)
            next_id += 1
        flush()
        report.added = int(
            c.execute(
                "SELECT count(*) FROM messages WHERE conversation_id = ? AND import_id = ?",
                (conv_id, self.import_id),
            ).fetchone()[0]
        )
        report.skipped = count - report.added
        if report.added:
            versions.link_edits(c, conv_id, self.import_id, self._reappeared(conv, seen))
        coverage.record(c, conv_id, self.import_id, conv, matcher.matched if matcher else 0)
        read, lines, missing = entries.settle(conv.tally, count)
        # A refused attachment's message was imported: a line, but no entry not imported.
        entries.record(c, self.import_id, conv_id, read, lines + self.lines, missing)
        self.lines = []
        report.entries_read, report.not_imported = read, missing
        report.notes = [str(note) for note in conv.extra.get("notes", [])]
        if "possibly_truncated" in conv.extra:
            # Known only once the messages are read; the latest import's verdict holds.
            c.execute(
                "UPDATE conversations SET extra = json_set(coalesce(extra, '{}'),"
                " '$.possibly_truncated', json(?)) WHERE id = ?",
                (json.dumps(conv.extra["possibly_truncated"]), conv_id),
            )
        late = {k: v for k, v in conv.extra.items() if k not in extra_before}
        if late:
            c.execute(
                "UPDATE conversations SET extra = json_patch(coalesce(extra, '{}'), ?)"
                " WHERE id = ?",
                (json.dumps(late, ensure_ascii=False, default=str), conv_id),
            )
        owner = owner or conv.owner
        names = set(conv.participants) | senders
        if owner:
            names.add(owner)
        c.executemany(
            "INSERT OR IGNORE INTO participants(conversation_id, name, is_owner) VALUES(?, ?, ?)",
            [(conv_id, n, int(n == owner)) for n in sorted(names)],
        )
        if conv.is_group:
            c.execute("UPDATE conversations SET is_group = 1 WHERE id = ?", (conv_id,))
        return report

    def _reappeared(self, conv: ParsedConversation, seen: dict[bytes, int]) -> versions.Reappeared:
        """Whether a stored message was in this import too (then it is not the earlier
        version of an edit), from the identities this import computed."""

        def check(row: tuple[Any, ...]) -> bool:
            _id, sender, wallclock, text, deleted, _edit_of, names, source_id, identity = row
            msg = ParsedMessage(0, _MESSAGE, sender, str(wallclock), str(text), None, None)
            msg.deleted, msg.source_id = bool(deleted), source_id
            msg.attachments = [ParsedAttachment(n, None, None) for n in (names or "").split("\x1f")]
            if not names:
                msg.attachments = []
            digest = base_digest(conv.source_format, conv.key, msg)
            ident = bytes(identity)
            return any(nth_identity(digest, n) == ident for n in range(seen.get(digest, 0)))

        return check

    def _matcher(
        self, conv: ParsedConversation, conv_id: int, owner: str | None
    ) -> reconcile.Matcher | None:
        """A matcher when ``conv`` joins a conversation that another source started."""
        if conv.source_format not in reconcile.WHATSAPP_FAMILY:
            return None
        row = self.c.execute(
            "SELECT source_format FROM conversations WHERE id = ?", (conv_id,)
        ).fetchone()
        if row is None or row[0] == conv.source_format:
            return None  # the conversation's own source: identities de-duplicate
        return reconcile.Matcher(self.c, conv_id, owner)

    def _row(
        self,
        message_id: int,
        conv: ParsedConversation,
        conv_id: int,
        msg: ParsedMessage,
        seen: dict[bytes, int],
        owner: str | None,
    ) -> tuple[bool, tuple[Any, ...]]:
        """(plain, row): a plain message goes in through the narrow insert."""
        if msg.instant is not None:
            instant = int(msg.instant.timestamp() * 1000)
        else:
            instant = self.clock.instant_ms(msg.wallclock)
        from_owner = msg.from_owner
        if from_owner is None:
            from_owner = bool(owner) and msg.sender == owner
        identity = message_identity(conv.source_format, conv.key, msg, seen)
        kind = "message" if msg.kind is _MESSAGE else "event"
        if not (
            msg.event_type
            or msg.deleted
            or msg.edited
            or msg.view_once
            or msg.media_omitted
            or msg.forwarded
            or msg.reply_to
            or msg.source_id
            or msg.extra
        ):
            return True, (
                message_id,
                conv_id,
                identity,
                self.import_id,
                msg.position,
                kind,
                msg.sender,
                int(from_owner),
                msg.wallclock,
                msg.wallclock_raw,
                instant,
                msg.text,
            )
        return False, (
            message_id,
            conv_id,
            identity,
            self.import_id,
            None,
            msg.position,
            kind,
            msg.event_type.value if msg.event_type else None,
            msg.sender,
            int(from_owner),
            msg.wallclock,
            msg.wallclock_raw,
            instant,
            msg.text,
            int(msg.deleted),
            int(msg.edited),
            int(msg.view_once),
            int(msg.media_omitted),
            int(msg.forwarded),
            msg.reply_to,
            msg.source_id,
            json.dumps(msg.extra, ensure_ascii=False, default=str) if msg.extra else None,
        )
