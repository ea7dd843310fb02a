"""iMessage and SMS on Apple devices: ``chat.db`` (macOS) and ``sms.db`` (iPhone backup).

The database is opened read-only (see :mod:`chatsafe.importers.sqlite_readonly`); the
source is never changed. One conversation per ``chat`` row, keyed by ``chat.guid``.
Tapbacks are not messages: they become ``extra["reactions"]`` on the message they
point at (one whose message is missing gets an import report line). Messages in
"Recently Deleted" (``chat_recoverable_message_join``) are counted in
``conversation.extra["recently_deleted"]``, left out of the transcript, and each gets an
import report line. A value of the wrong type (a BLOB where the text belongs, text where
the date belongs) refuses the database naming its table, row and column.
Contact names are not in this database: senders are handles (numbers, e-mail).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from chatsafe.domain import (
    EntryTally,
    Kind,
    ParsedAttachment,
    ParsedConversation,
    ParsedMessage,
)
from chatsafe.errors import InputError
from chatsafe.importers.base import ImportContext
from chatsafe.importers.imessage_ios5 import conversations as ios5_conversations
from chatsafe.importers.imessage_ios5 import is_ios5
from chatsafe.importers.imessage_rows import (
    apple_time,
    is_tapback,
    message_text,
    react,
    set_event,
    target_guid,
    wallclock,
)
from chatsafe.importers.sql_values import BLOB, INT, KEY, NUMBER, TEXT, check
from chatsafe.importers.sqlite_readonly import (
    DB_ERRORS,
    SQLITE_MAGIC,
    columns,
    describe,
    head,
    open_readonly,
    tables,
)
from chatsafe.media import sniff_mime
from chatsafe.sources import Source

NAME = "imessage"
# The file name of sms.db inside an iTunes/Finder backup (SHA-1 of "HomeDomain-Library/SMS/sms.db").
_BACKUP_SMS_DB = "3d0d7e5fb2ce288813306e4d4636395e047a3d28"
REQUIRED = ("message", "handle", "chat", "chat_message_join")
# The database layouts read, for `chatsafe formats` and refusals.
SCHEMAS = (
    "chat.db (macOS 10.7 and later) and sms.db from iOS 6 and later (message, chat, handle,"
    " chat_message_join), and sms.db from iOS 5 and earlier (message, msg_group)"
)
_OPTIONAL_MESSAGE_COLUMNS = (
    "text",
    "attributedBody",
    "handle_id",
    "is_from_me",
    "date",
    "date_edited",
    "date_retracted",
    "item_type",
    "group_action_type",
    "group_title",
    "other_handle",
    "associated_message_guid",
    "associated_message_type",
    "associated_message_emoji",
)
# The types each selected column may hold; anything else is refused (see sql_values).
_MESSAGE_SPEC = (
    ("ROWID", INT),
    ("guid", KEY),
    ("text", TEXT),
    ("attributedBody", BLOB),
    ("handle_id", INT),
    ("is_from_me", INT),
    ("date", NUMBER),
    ("date_edited", NUMBER),
    ("date_retracted", NUMBER),
    ("item_type", INT),
    ("group_action_type", INT),
    ("group_title", TEXT),
    ("other_handle", INT),
    ("associated_message_guid", KEY),
    ("associated_message_type", INT),
    ("associated_message_emoji", TEXT),
)
_CHAT_SPEC = (
    ("ROWID", INT),
    ("guid", KEY),
    ("style", INT),
    ("display_name", TEXT),
    ("chat_identifier", TEXT),
)
_ATTACHMENT_SPEC = (
    ("ROWID", INT),
    ("filename", TEXT),
    ("mime_type", TEXT),
    ("transfer_name", TEXT),
)


def _candidates(source: Source) -> list[str]:
    names = source.names()
    if source.kind == "file":
        return names
    return [
        n
        for n in names
        if n.rsplit("/", 1)[-1] in ("chat.db", "sms.db", _BACKUP_SMS_DB) or n.endswith(".db")
    ]


class IMessageImporter:
    name = NAME
    label = "iMessage/SMS (Apple chat.db / sms.db)"
    description = f"Messages on a Mac or in an iPhone backup: {SCHEMAS}"

    def _find(self, source: Source) -> str | None:
        for name in _candidates(source):
            if head(source, name, 16) != SQLITE_MAGIC:
                continue
            try:
                conn = open_readonly(source, name)
            except InputError:
                continue
            try:
                present = tables(conn)
                if {"message", "chat_message_join"} <= present or is_ios5(present):
                    return name
            except DB_ERRORS:
                continue
            finally:
                conn.close()
        return None

    def sniff(self, source: Source) -> int:
        return 90 if self._find(source) else 0

    def parse(self, source: Source, ctx: ImportContext) -> Iterator[ParsedConversation]:
        name = self._find(source)
        if name is None:
            names = _candidates(source)
            if not names:
                raise InputError("no chat.db or sms.db found", file=source.display)
            name = names[0]
        where = source.where(name)
        try:
            zone = ZoneInfo(ctx.time_zone)
        except (ZoneInfoNotFoundError, ValueError):
            raise InputError(f"unknown time zone {ctx.time_zone!r}") from None
        conn = open_readonly(source, name)
        try:
            present = tables(conn)
            if is_ios5(present):
                yield from ios5_conversations(
                    conn, ctx, lambda at: wallclock(at, zone), where, present
                )
                return
            for table in REQUIRED:
                if table not in present:
                    raise InputError(
                        f"not a Messages database: the table {table!r} is missing (chatsafe"
                        f" reads {SCHEMAS})",
                        file=where,
                    )
            reader = _Reader(conn, source, ctx, zone, where, present)
            yield from reader.conversations()
        except DB_ERRORS as exc:
            raise InputError(describe(exc), file=where) from None
        finally:
            conn.close()


class _Reader:
    def __init__(
        self,
        conn: sqlite3.Connection,
        source: Source,
        ctx: ImportContext,
        zone: ZoneInfo,
        where: str,
        present: set[str],
    ) -> None:
        self.conn = conn
        self.source = source
        self.ctx = ctx
        self.zone = zone
        self.where = where
        self.present = present
        self.handles: dict[Any, Any] = {}
        for row in conn.execute("SELECT ROWID, id FROM handle"):
            check(row, (("ROWID", INT), ("id", KEY)), "handle", where)
            self.handles[row[0]] = row[1]
        self.files = self._attachment_index() if source.kind != "file" else {}
        # One query per message is the slow part of a large import: ask only for those
        # that have attachments.
        self.with_attachments: set[int] = (
            {r[0] for r in conn.execute("SELECT message_id FROM message_attachment_join")}
            if {"attachment", "message_attachment_join"} <= present
            else set()
        )

    def _attachment_index(self) -> dict[str, str]:
        """Files in the source by their path after ``Attachments/``."""
        index: dict[str, str] = {}
        for name in self.source.names():
            at = name.rfind("Attachments/")
            if at != -1:
                index[name[at + len("Attachments/") :]] = name
        return index

    def _chat_rows(self) -> list[tuple[Any, ...]]:
        chat_cols = columns(self.conn, "chat")
        pick = [c if c in chat_cols else "NULL" for c in ("guid", "style", "display_name")]
        ident = "chat_identifier" if "chat_identifier" in chat_cols else "NULL"
        rows = list(
            self.conn.execute(
                f"SELECT ROWID, {', '.join(pick)}, {ident} FROM chat ORDER BY ROWID"  # noqa: S608
            )
        )
        for row in rows:
            check(row, _CHAT_SPEC, "chat", self.where)
        return rows

    def conversations(self) -> Iterator[ParsedConversation]:
        msg_cols = columns(self.conn, "message")
        if "guid" not in msg_cols:
            raise InputError("the message table has no guid column", file=self.where)
        select = ", ".join(c if c in msg_cols else "NULL" for c in _OPTIONAL_MESSAGE_COLUMNS)
        query = (
            f"SELECT m.ROWID, m.guid, {select} FROM message m "  # noqa: S608
            "JOIN chat_message_join j ON j.message_id = m.ROWID "
            "WHERE j.chat_id = ? ORDER BY m.ROWID"
        )
        for chat_id, guid, style, display_name, identifier in self._chat_rows():
            self.ctx.check_cancel()
            members = (
                [
                    self.handles.get(row[0], str(row[0]))
                    for row in self.conn.execute(
                        "SELECT handle_id FROM chat_handle_join WHERE chat_id = ? ORDER BY handle_id",
                        (chat_id,),
                    )
                ]
                if "chat_handle_join" in self.present
                else []
            )
            deleted_ids = self._recently_deleted(chat_id)
            tally = EntryTally()
            rows = []
            for r in self.conn.execute(query, (chat_id,)):
                if r[0] in deleted_ids:
                    tally.read += 1
                    tally.skip(
                        f"message row {r[0]}",
                        "recently-deleted",
                        "in Recently Deleted on the device",
                    )
                else:
                    rows.append(r)
            key = str(guid or identifier or f"chat-{chat_id}")
            yield ParsedConversation(
                source_format=NAME,
                key=key,
                title=str(display_name or ", ".join(members) or identifier or key),
                messages=self._messages(rows, members, tally),
                tally=tally,
                participants=members,
                is_group=style == 43 or len(members) > 1,
                owner=self.ctx.owner or "Me",
                extra={"recently_deleted": len(deleted_ids), "chat_identifier": identifier},
            )

    def _recently_deleted(self, chat_id: int) -> set[int]:
        if "chat_recoverable_message_join" not in self.present:
            return set()
        return {
            row[0]
            for row in self.conn.execute(
                "SELECT message_id FROM chat_recoverable_message_join WHERE chat_id = ?",
                (chat_id,),
            )
        }

    def _messages(
        self, rows: list[tuple[Any, ...]], members: list[str], tally: EntryTally
    ) -> list[ParsedMessage]:
        """The rows as messages. A tapback is part of the message it reacts to, not an
        entry of its own, unless that message is missing: then it is reported."""
        owner = self.ctx.owner or "Me"
        out: list[ParsedMessage] = []
        by_guid: dict[str, ParsedMessage] = {}
        tapbacks: list[tuple[int, str, int, str, str | None, datetime | None]] = []
        for row in rows:
            check(row, _MESSAGE_SPEC, "message", self.where)
            (rowid, guid, text, body, handle_id, from_me, date, edited, retracted, item_type,
             action, group_title, other_handle, assoc_guid, assoc_type, assoc_emoji) = row  # fmt: skip
            sender = (
                owner
                if from_me
                else self.handles.get(handle_id) or (members[0] if len(members) == 1 else None)
            )
            instant = apple_time(date)
            if is_tapback(assoc_type, assoc_guid):
                tapbacks.append((rowid, target_guid(str(assoc_guid)), assoc_type, sender or "?",
                                 assoc_emoji, instant))  # fmt: skip
                continue
            tally.read += 1
            text = message_text(text, body)
            msg = ParsedMessage(
                position=len(out),
                kind=Kind.MESSAGE,
                sender=sender,
                wallclock=self._wallclock(instant),
                text=text,
                instant=instant,
                from_owner=bool(from_me),
                source_id=str(guid),
            )
            if item_type:
                member = self.handles.get(other_handle) if other_handle else None
                set_event(msg, item_type, action, group_title, member)
            else:
                msg.attachments = self._attachments(rowid)
                if retracted or (edited and not text and not msg.attachments):
                    msg.deleted = True
                    msg.text = ""
                elif edited:
                    msg.edited = True
            out.append(msg)
            by_guid[str(guid)] = msg
            if len(out) % 1000 == 0:
                self.ctx.check_cancel()
        for rowid, target, kind, who, emoji, at in tapbacks:
            found = by_guid.get(target)
            if found is None:
                tally.read += 1
                tally.skip(
                    f"message row {rowid}",
                    "reaction-without-message",
                    "a tapback on a message that is not in this conversation",
                )
            react(found, kind, who, emoji, at)
        return out

    def _wallclock(self, instant: datetime | None) -> str:
        return wallclock(instant, self.zone)

    def _attachments(self, rowid: int) -> list[ParsedAttachment]:
        if rowid not in self.with_attachments:
            return []
        found: list[ParsedAttachment] = []
        for row in self.conn.execute(
            "SELECT a.ROWID, a.filename, a.mime_type, a.transfer_name FROM attachment a "
            "JOIN message_attachment_join j ON j.attachment_id = a.ROWID "
            "WHERE j.message_id = ? ORDER BY a.ROWID",
            (rowid,),
        ):
            check(row, _ATTACHMENT_SPEC, "attachment", self.where)
            _, filename, mime, transfer = row
            path = str(filename or "")
            name = str(transfer or path.rsplit("/", 1)[-1] or "attachment")
            data = None
            at = path.rfind("Attachments/")
            member = self.files.get(path[at + len("Attachments/") :]) if at != -1 else None
            if member is not None:
                data = self.source.read(member)
            found.append(ParsedAttachment(
                name=name, mime=str(mime) if mime else (sniff_mime(data, name) if data else None),
                data=data,
            ))  # fmt: skip
        return found


IMPORTER = IMessageImporter()
