"""WhatsApp for Android's own database: ``msgstore.db``, encrypted or not.

What IT support brings: the phone's ``WhatsApp`` folder (``Databases/msgstore.db.crypt15``
and ``Media/``) with the 64-digit end-to-end backup key, or a ``crypt14`` backup with
the phone's ``key`` file, or a plain ``msgstore.db`` from a forensic extraction.
Encrypted backups are decrypted in memory (:mod:`whatsapp_crypt`); the database is
read from an in-memory connection and nothing decrypted touches the disk.

Unlike "Export chat" the database holds every message, with WhatsApp's own message id
(``key_id``, kept as ``source_id``), quoted replies, reactions, edits, deletions, polls,
group membership and the disappearing-messages setting. Contact names are not in
``msgstore.db``: they come from ``wa.db`` when it is present, else senders are shown
by their phone number. Every row of ``message`` becomes a message or an event; a type
chatsafe does not know is imported with its number kept, never dropped.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import PurePosixPath
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from chatsafe.domain import EntryTally, Kind, ParsedAttachment, ParsedConversation, ParsedMessage
from chatsafe.errors import InputError
from chatsafe.importers import whatsapp_android_rows as rows
from chatsafe.importers.base import ImportContext
from chatsafe.importers.sqlite_readonly import (
    DB_ERRORS,
    SQLITE_MAGIC,
    columns,
    describe,
    head,
    tables,
)
from chatsafe.importers.whatsapp_android_files import KEY_EXTRA as KEY_EXTRA
from chatsafe.importers.whatsapp_android_files import contact_names, db_names, open_database
from chatsafe.media import sniff_mime
from chatsafe.sources import Source

NAME = "whatsapp-android"
_MSG_COLUMNS = (
    "_id", "from_me", "key_id", "sender_jid_row_id", "timestamp", "message_type",
    "text_data", "starred",
)  # fmt: skip
_JOINS = {
    # table -> (columns wanted, join condition)
    "message_media": (("file_path", "mime_type", "media_name", "media_caption", "file_size"),
                      "message_media.message_row_id = message._id"),
    "message_quoted": (("key_id", "text_data"), "message_quoted.message_row_id = message._id"),
    "message_system": (("action_type",), "message_system.message_row_id = message._id"),
    "message_edit_info": (("edited_timestamp",),
                          "message_edit_info.message_row_id = message._id"),
    "message_ephemeral": (("duration",), "message_ephemeral.message_row_id = message._id"),
}  # fmt: skip


def _instant(ms: Any) -> datetime | None:
    if not isinstance(ms, int) or ms <= 0:
        return None
    try:
        return datetime.fromtimestamp(ms / 1000, tz=UTC)
    except (OverflowError, OSError, ValueError):
        return None


class WhatsAppAndroidImporter:
    name = NAME
    label = "WhatsApp for Android database (msgstore.db, crypt14/crypt15 backup)"
    description = (
        "the phone's WhatsApp folder or msgstore.db(.crypt15/.crypt14), with the 64-digit "
        "end-to-end backup key or the key file"
    )

    def sniff(self, source: Source) -> int:
        names = db_names(source)
        if not names:
            return 0
        first = head(source, names[0], 16)
        if names[0].endswith(("crypt14", "crypt15")):
            return 90 if len(first) >= 2 else 0
        return 90 if first == SQLITE_MAGIC else 0

    def parse(self, source: Source, ctx: ImportContext) -> Iterator[ParsedConversation]:
        names = db_names(source)
        if not names:
            raise InputError("no WhatsApp msgstore.db found", file=source.display)
        name = names[0]
        where = source.where(name)
        try:
            zone = ZoneInfo(ctx.time_zone)
        except (ZoneInfoNotFoundError, ValueError):
            raise InputError(f"unknown time zone {ctx.time_zone!r}") from None
        for older in names[1:]:
            # Older daily backups are snapshots of the same database: reported, so that
            # IT support can import one on its own (it may hold messages deleted since).
            ctx.tally.read += 1
            ctx.tally.skip(older, "older-backup", "an older backup of the same database; "
                           "import it on its own to add what only it holds")  # fmt: skip
        conn = open_database(source, name, ctx)
        try:
            names_by_jid = contact_names(source)
            found = tables(conn)
            if "message" not in found or "chat" not in found or "jid" not in found:
                old = " (an older layout with the table 'messages')" if "messages" in found else ""
                raise InputError(
                    f"not a WhatsApp for Android database chatsafe can read{old}", file=where
                )
            reader = _Reader(conn, source, ctx, zone, names_by_jid, where)
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
        contacts: dict[str, str],
        where: str,
    ) -> None:
        self.conn = conn
        self.source = source
        self.ctx = ctx
        self.zone = zone
        self.where = where
        self.owner = ctx.owner or "Me"
        self.tables = tables(conn)
        self.people = self._people(contacts)
        self.media = self._media_index()

    def _people(self, contacts: dict[str, str]) -> dict[int, str]:
        jids: dict[int, tuple[str, str, str]] = {}
        for row_id, user, server, raw in self.conn.execute(
            "SELECT _id, user, server, raw_string FROM jid"
        ):
            jids[row_id] = (str(user or ""), str(server or ""), str(raw or f"{user}@{server}"))
        shown: dict[int, str] = {}
        for row_id, (user, server, raw) in jids.items():
            if raw in contacts:
                shown[row_id] = contacts[raw]
            elif server == "s.whatsapp.net" and user.isdigit():
                shown[row_id] = "+" + user
            else:
                shown[row_id] = raw
        if "jid_map" in self.tables:
            # Newer WhatsApp versions address people by a "LID"; the map gives their number.
            for lid, phone in self.conn.execute("SELECT lid_row_id, jid_row_id FROM jid_map"):
                if lid in shown and phone in shown:
                    shown[lid] = shown[phone]
        return shown

    def _media_index(self) -> dict[str, str]:
        """Files in the source by their path from ``Media/`` on, as the database names them."""
        index: dict[str, str] = {}
        for name in self.source.names():
            at = name.find("Media/")
            if at >= 0 and (at == 0 or name[at - 1] == "/"):
                index.setdefault(name[at:], name)
        return index

    def _select(self, table: str, wanted: tuple[str, ...], alias: str) -> list[str]:
        have = columns(self.conn, table) if table in self.tables else set()
        return [
            f'"{table}"."{c}" AS "{alias}{c}"' if c in have else f'NULL AS "{alias}{c}"'
            for c in wanted
        ]

    def _message_query(self) -> str:
        cols = self._select("message", _MSG_COLUMNS, "")
        joins = []
        for table, (wanted, condition) in _JOINS.items():
            cols += self._select(table, wanted, table + ".")
            if table in self.tables:
                joins.append(f'LEFT JOIN "{table}" ON {condition}')
        order = "sort_id, _id" if "sort_id" in columns(self.conn, "message") else "_id"
        return (
            f"SELECT {', '.join(cols)} FROM message {' '.join(joins)} "  # noqa: S608
            f"WHERE message.chat_row_id = ? ORDER BY message.{order.replace(', ', ', message.')}"
        )

    def conversations(self) -> Iterator[ParsedConversation]:
        chat_cols = columns(self.conn, "chat")
        subject = "chat.subject" if "subject" in chat_cols else "NULL"
        ephemeral = "chat.ephemeral_expiration" if "ephemeral_expiration" in chat_cols else "NULL"
        chats = {
            row[0]: row[1:]
            for row in self.conn.execute(
                f"SELECT chat._id, chat.jid_row_id, {subject}, {ephemeral} FROM chat "  # noqa: S608
                "ORDER BY chat._id"
            )
        }
        # Every chat a message points at, also one whose chat row is gone: nothing is dropped.
        used = [r[0] for r in self.conn.execute(
            "SELECT DISTINCT chat_row_id FROM message ORDER BY chat_row_id")]  # fmt: skip
        query = self._message_query()
        for chat_id in used:
            self.ctx.check_cancel()
            jid_row, title, expiry = chats.get(chat_id, (None, None, None))
            jid = self._raw_jid(jid_row) or f"chat-row-{chat_id}"
            group = jid.endswith("@g.us")
            shown = str(title) if group and title else self.people.get(jid_row or -1, jid)
            if jid == "status@broadcast":
                shown = "Status updates"
            extra: dict[str, Any] = {"jid": jid}
            tally = EntryTally()
            if isinstance(expiry, int) and expiry > 0:
                extra["disappearing_seconds"] = expiry
            yield ParsedConversation(
                source_format=NAME,
                key=jid,
                title=shown,
                messages=self._messages(chat_id, query, shown, group, tally),
                participants=self._members(jid_row) if group else [shown],
                is_group=group,
                owner=self.owner,
                extra=extra,
                tally=tally,
            )

    def _raw_jid(self, row_id: int | None) -> str | None:
        if row_id is None:
            return None
        row = self.conn.execute("SELECT raw_string FROM jid WHERE _id = ?", (row_id,)).fetchone()
        return str(row[0]) if row and row[0] else None

    def _members(self, jid_row: int | None) -> list[str]:
        if jid_row is None or "group_participant_user" not in self.tables:
            return []
        return [
            self.people.get(user, str(user))
            for (user,) in self.conn.execute(
                "SELECT user_jid_row_id FROM group_participant_user WHERE group_jid_row_id = ? "
                "ORDER BY _id",
                (jid_row,),
            )
        ]

    def _add_ons(self, chat_id: int) -> dict[int, list[dict[str, str]]]:
        """Reactions by the row id of the message they react to."""
        if "message_add_on" not in self.tables or "message_add_on_reaction" not in self.tables:
            return {}
        out: dict[int, list[dict[str, str]]] = {}
        for parent, from_me, sender, reaction in self.conn.execute(
            "SELECT a.parent_message_row_id, a.from_me, a.sender_jid_row_id, r.reaction "
            "FROM message_add_on a JOIN message_add_on_reaction r "
            "ON r.message_add_on_row_id = a._id WHERE a.chat_row_id = ? ORDER BY a._id",
            (chat_id,),
        ):
            if not reaction:
                continue  # a withdrawn reaction is stored as an empty one
            who = self.owner if from_me else self.people.get(sender, str(sender))
            out.setdefault(parent, []).append({"by": who, "reaction": str(reaction)})
        return out

    def _polls(self, chat_id: int) -> dict[int, list[dict[str, Any]]]:
        if "message_poll_option" not in self.tables:
            return {}
        out: dict[int, list[dict[str, Any]]] = {}
        for msg_id, option, votes in self.conn.execute(
            "SELECT o.message_row_id, o.option_name, o.vote_total FROM message_poll_option o "
            "JOIN message m ON m._id = o.message_row_id WHERE m.chat_row_id = ? ORDER BY o._id",
            (chat_id,),
        ):
            out.setdefault(msg_id, []).append({"option": str(option), "votes": votes or 0})
        return out

    def _messages(
        self, chat_id: int, query: str, title: str, group: bool, tally: EntryTally
    ) -> Iterator[ParsedMessage]:
        """The chat's messages, read lazily: ingest consumes them before the next chat."""
        try:
            yield from self._rows(chat_id, query, title, group, tally)
        except DB_ERRORS as exc:
            raise InputError(describe(exc), file=self.where) from None

    def _rows(
        self, chat_id: int, query: str, title: str, group: bool, tally: EntryTally
    ) -> Iterator[ParsedMessage]:
        reactions = self._add_ons(chat_id)
        polls = self._polls(chat_id)
        cursor = self.conn.execute(query, (chat_id,))
        names = [d[0] for d in cursor.description]
        for position, values in enumerate(cursor):
            tally.read += 1  # one row of `message`
            row = dict(zip(names, values, strict=True))
            msg = self._message(row, title, group)
            msg.position = position
            if row["_id"] in reactions:
                msg.extra["reactions"] = reactions.pop(row["_id"])
            if row["_id"] in polls:
                msg.extra["poll"] = polls[row["_id"]]
            if position % 1000 == 999:
                self.ctx.check_cancel()
            yield msg
        for parent, left in reactions.items():
            # A reaction whose message is not in this chat has nothing to hang on: reported.
            for _ in left:
                tally.read += 1
                tally.skip(f"reaction to row {parent} of message", "orphan-reaction",
                           "a reaction to a message that is not in this chat")  # fmt: skip

    def _message(self, row: dict[str, Any], title: str, group: bool) -> ParsedMessage:
        instant = _instant(row["timestamp"])
        mine = bool(row["from_me"])
        if mine:
            sender: str | None = self.owner
        elif group:
            sender = self.people.get(row["sender_jid_row_id"], None) if row[
                "sender_jid_row_id"] is not None else None  # fmt: skip
        else:
            sender = title
        wa_type = row["message_type"] if isinstance(row["message_type"], int) else 0
        text = row["text_data"] if isinstance(row["text_data"], str) else ""
        if not text and isinstance(row["message_media.media_caption"], str):
            text = row["message_media.media_caption"]
        msg = ParsedMessage(
            position=0,
            kind=Kind.MESSAGE,
            sender=sender,
            wallclock=instant.astimezone(self.zone).isoformat(timespec="seconds")[:19]
            if instant else "1970-01-01T00:00:00",
            text=text.replace("\r\n", "\n"),
            instant=instant,
            from_owner=mine,
            source_id=str(row["key_id"]) if row["key_id"] else f"row-{row['_id']}",
        )  # fmt: skip
        if wa_type == rows.SYSTEM or row["message_system.action_type"] is not None:
            msg.kind = Kind.EVENT
            msg.from_owner = None
            action = row["message_system.action_type"]
            msg.event_type, msg.text = rows.system_event(action)
            if action is not None:
                msg.extra["wa_action"] = action
            return msg
        if wa_type not in rows.KNOWN:
            msg.extra["wa_type"] = wa_type
            if not msg.text:  # shown, so a reviewer sees that something was there
                msg.text = f"[a WhatsApp message of type {wa_type} that chatsafe cannot show]"
        if not msg.text and wa_type in rows.PLACEHOLDERS:
            msg.text = rows.PLACEHOLDERS[wa_type]
        if wa_type == rows.REVOKED:
            msg.deleted = True
            msg.text = ""
        msg.view_once = wa_type in rows.VIEW_ONCE
        if row["message_edit_info.edited_timestamp"] is not None:
            msg.edited = True
        if row["message_quoted.key_id"]:
            msg.reply_to = str(row["message_quoted.key_id"])
            if isinstance(row["message_quoted.text_data"], str):
                msg.extra["quote"] = row["message_quoted.text_data"]
        duration = row["message_ephemeral.duration"]
        if isinstance(duration, int) and duration > 0:
            msg.extra["expire_timer"] = duration
        if row["starred"]:
            msg.extra["starred"] = True
        if wa_type in rows.MEDIA_TYPES or row["message_media.file_path"]:
            attachment, why = self._attachment(row)
            msg.attachments.append(attachment)
            msg.extra["attachment_status"] = [why]
            msg.media_omitted = not attachment.present
        return msg

    def _attachment(self, row: dict[str, Any]) -> tuple[ParsedAttachment, str]:
        path = row["message_media.file_path"]
        mime = row["message_media.mime_type"] if isinstance(row["message_media.mime_type"],
                                                            str) else None  # fmt: skip
        name = row["message_media.media_name"]
        path = path.replace("\\", "/") if isinstance(path, str) and path else None
        shown = str(name) if name else (PurePosixPath(path).name if path else "attachment")
        if not path:
            return ParsedAttachment(shown, mime, None), "not downloaded"
        at = path.find("Media/")
        member = self.media.get(path[at:]) if at >= 0 else None
        if member is None:
            return ParsedAttachment(shown, mime, None), "not in the folder"
        data = self.source.read(member)
        return ParsedAttachment(shown, mime or sniff_mime(data, shown), data), "present"


IMPORTER = WhatsAppAndroidImporter()
