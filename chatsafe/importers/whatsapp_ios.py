"""WhatsApp on iPhone and WhatsApp Desktop on macOS: ``ChatStorage.sqlite`` (Core Data).

Where it is found:

- WhatsApp Desktop on a Mac: ``~/Library/Group Containers/group.net.whatsapp.WhatsApp.shared/``
  holds ``ChatStorage.sqlite`` (with its ``-wal``: the app keeps its newest messages
  there) and ``Message/Media/``. Import the folder, or the database alone.
- An iPhone backup: :mod:`chatsafe.importers.iphone_backup` hands this importer the
  app group's files through a read-only source that decrypts in memory.

The database is opened read-only (:mod:`sqlite_readonly`: ``immutable``, the WAL applied
in memory). One conversation per ``ZWACHATSESSION``, keyed by its JID; messages carry
WhatsApp's own id (``ZSTANZAID``, the same id the Android database calls ``key_id``).
Unlike Android, the phone keeps contact names here (``ZPARTNERNAME``, group members'
names, push names). Every ``ZWAMESSAGE`` row becomes a message or an event; a type
chatsafe does not know keeps its number in ``extra["wa_type"]``. Quoted replies,
reactions, push names and LIDs come out of binary columns through
:mod:`whatsapp_ios_blobs`, which says what is confirmed and what is kept raw.
"""

from __future__ import annotations

import base64
import sqlite3
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import PurePosixPath
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from chatsafe.domain import (
    EntryTally,
    EventType,
    Kind,
    ParsedAttachment,
    ParsedConversation,
    ParsedMessage,
)
from chatsafe.errors import InputError
from chatsafe.importers import whatsapp_ios_blobs as blobs
from chatsafe.importers.base import ImportContext
from chatsafe.importers.sqlite_readonly import (
    DB_ERRORS,
    SQLITE_MAGIC,
    columns,
    describe,
    head,
    open_readonly,
    tables,
)
from chatsafe.importers.whatsapp_ios_people import People, phone
from chatsafe.media import sniff_mime
from chatsafe.sources import Source

NAME = "whatsapp-ios"
DB_NAME = "ChatStorage.sqlite"
APPLE_EPOCH = datetime(2001, 1, 1, tzinfo=UTC)
# ZWAMESSAGE.ZMESSAGETYPE, as the public forensic literature documents it.
TEXT, IMAGE, VIDEO, AUDIO, CONTACT, LOCATION, SYSTEM, LINK, DOCUMENT = range(9)
GIF, REVOKED, STICKER = 11, 14, 15
MEDIA_TYPES = frozenset({IMAGE, VIDEO, AUDIO, DOCUMENT, GIF, STICKER})
POLL = 46
PLACEHOLDERS = {CONTACT: "[contact card]", LOCATION: "[location]"}
KNOWN = frozenset({TEXT, SYSTEM, LINK, REVOKED, POLL} | MEDIA_TYPES | set(PLACEHOLDERS))
_MSG_COLUMNS = (
    "Z_PK", "ZISFROMME", "ZMESSAGEDATE", "ZMESSAGETYPE", "ZGROUPEVENTTYPE", "ZTEXT",
    "ZSTANZAID", "ZFROMJID", "ZGROUPMEMBER", "ZMEDIAITEM", "ZPUSHNAME", "ZSTARRED",
    "ZFLAGS",
)  # fmt: skip
_MEDIA_COLUMNS = ("ZMEDIALOCALPATH", "ZTITLE", "ZFILESIZE", "ZVCARDSTRING", "ZMETADATA")
LID_DB = "LID.sqlite"


def db_name(source: Source) -> str | None:
    names = source.names()
    if source.kind == "file":
        return names[0] if names and names[0].endswith(".sqlite") else None
    found = sorted(n for n in names if PurePosixPath(n).name == DB_NAME)
    return min(found, key=lambda n: n.count("/")) if found else None


def apple_seconds(value: Any) -> datetime | None:
    if not isinstance(value, int | float) or value == 0:
        return None
    try:
        return APPLE_EPOCH + timedelta(seconds=float(value))
    except (OverflowError, ValueError):
        return None


class WhatsAppIosImporter:
    name = NAME
    label = "WhatsApp on iPhone / Mac database (ChatStorage.sqlite)"
    description = (
        "WhatsApp's ChatStorage.sqlite from an iPhone backup or WhatsApp Desktop on macOS "
        "(the group.net.whatsapp.WhatsApp.shared folder, with Message/Media)"
    )

    def sniff(self, source: Source) -> int:
        name = db_name(source)
        if name is None or head(source, name, 16) != SQLITE_MAGIC:
            return 0
        if PurePosixPath(name).name == DB_NAME:
            return 90
        try:
            conn = open_readonly(source, name)
        except InputError:
            return 0
        try:
            return 90 if {"ZWAMESSAGE", "ZWACHATSESSION"} <= tables(conn) else 0
        finally:
            conn.close()

    def parse(self, source: Source, ctx: ImportContext) -> Iterator[ParsedConversation]:
        name = db_name(source)
        if name is None:
            raise InputError(f"no WhatsApp {DB_NAME} found", file=source.display)
        where = source.where(name)
        try:
            zone = ZoneInfo(ctx.time_zone)
        except (ZoneInfoNotFoundError, ValueError):
            raise InputError(f"unknown time zone {ctx.time_zone!r}") from None
        conn = open_readonly(source, name)
        try:
            if not {"ZWAMESSAGE", "ZWACHATSESSION"} <= tables(conn):
                raise InputError("not a WhatsApp ChatStorage database", file=where)
            root = PurePosixPath(name).parent.as_posix()
            media_root = "" if root in ("", ".") else root + "/"
            yield from _Reader(conn, source, ctx, zone, where, media_root).conversations()
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
        media_root: str,
    ) -> None:
        self.conn = conn
        self.source = source
        self.ctx = ctx
        self.zone = zone
        self.where = where
        self.owner = ctx.owner or "Me"
        self.tables = tables(conn)
        self.names = set(source.names()) if source.kind != "file" else set()
        self.media_root = media_root
        self.people = People(conn, self.tables, self._lid_phones())

    def _lid_phones(self) -> dict[str, str]:
        candidates = [self.media_root + LID_DB] + sorted(
            n for n in self.names if PurePosixPath(n).name == LID_DB)  # fmt: skip
        name = next((n for n in candidates if n in self.names), None)
        lid_db = open_readonly(self.source, name) if name else None
        try:
            return blobs.lid_phones(self.conn, lid_db)
        finally:
            if lid_db is not None:
                lid_db.close()

    def _select(self, table: str, wanted: tuple[str, ...], alias: str) -> str:
        have = columns(self.conn, table) if table in self.tables else set()
        return ", ".join(f'{alias}."{c}"' if c in have else f'NULL AS "{c}"' for c in wanted)

    def _reactions(self, pk: int | None) -> dict[int, list[tuple[str | None, str]] | bytes]:
        """Per message of one chat session: its reactions, or the raw ZRECEIPTINFO when
        its layout is not the known one. Decoded while streaming, so the many blobs that
        hold read receipts only are not kept in memory."""
        if "ZWAMESSAGEINFO" not in self.tables:
            return {}
        if not {"ZMESSAGE", "ZRECEIPTINFO"} <= columns(self.conn, "ZWAMESSAGEINFO"):
            return {}
        out: dict[int, list[tuple[str | None, str]] | bytes] = {}
        for message, blob in self.conn.execute(
            "SELECT i.ZMESSAGE, i.ZRECEIPTINFO FROM ZWAMESSAGEINFO i JOIN ZWAMESSAGE m"
            " ON m.Z_PK = i.ZMESSAGE WHERE m.ZCHATSESSION IS ? AND i.ZRECEIPTINFO IS NOT NULL",
            (pk,),
        ):
            found = blobs.reactions(blob)
            if found is None:
                out[message] = bytes(blob)
            elif found:
                out[message] = found
        return out

    def conversations(self) -> Iterator[ParsedConversation]:
        sessions = self._select("ZWACHATSESSION", ("Z_PK", "ZCONTACTJID", "ZPARTNERNAME",
                                                   "ZSESSIONTYPE"), "s")  # fmt: skip
        chats = {
            pk: (jid, partner, kind)
            for pk, jid, partner, kind in self.conn.execute(
                f"SELECT {sessions} FROM ZWACHATSESSION s ORDER BY s.Z_PK"  # noqa: S608
            )
        }
        parent = "ZPARENTMESSAGE" in columns(self.conn, "ZWAMESSAGE")
        query = (
            f"SELECT {self._select('ZWAMESSAGE', _MSG_COLUMNS, 'm')}, "  # noqa: S608
            f"{self._select('ZWAMEDIAITEM', _MEDIA_COLUMNS, 'i')}, "
            + ('p."ZSTANZAID" AS "parent_stanza" ' if parent else 'NULL AS "parent_stanza" ')
            + "FROM ZWAMESSAGE m "
            + ("LEFT JOIN ZWAMEDIAITEM i ON i.Z_PK = m.ZMEDIAITEM "
               if "ZWAMEDIAITEM" in self.tables else "")
            + ("LEFT JOIN ZWAMESSAGE p ON p.Z_PK = m.ZPARENTMESSAGE " if parent else "")
            + "WHERE m.ZCHATSESSION IS ? ORDER BY m.ZMESSAGEDATE, m.Z_PK"
        )  # fmt: skip
        # Every session a message points at, also one whose session row is gone.
        used = [r[0] for r in self.conn.execute(
            "SELECT DISTINCT ZCHATSESSION FROM ZWAMESSAGE ORDER BY ZCHATSESSION")]  # fmt: skip
        for pk in used:
            self.ctx.check_cancel()
            jid, partner, _kind = chats.get(pk, (None, None, None))
            key = str(jid) if jid else f"session-{pk}"
            group = key.endswith("@g.us")
            title = str(partner) if partner else phone(key, self.people.lids)
            tally = EntryTally()
            members = sorted({n for chat, n in self.people.members.values() if chat == pk})
            yield ParsedConversation(
                source_format=NAME,
                key=key,
                title=title,
                messages=self._messages(pk, query, key, title, group, tally),
                participants=members if group else [title],
                is_group=group,
                owner=self.owner,
                extra={"jid": key},
                tally=tally,
            )

    def _messages(
        self, pk: int | None, query: str, key: str, title: str, group: bool, tally: EntryTally
    ) -> Iterator[ParsedMessage]:
        try:
            receipts = self._reactions(pk)
            cursor = self.conn.execute(query, (pk,))
            names = [d[0] for d in cursor.description]
            for position, values in enumerate(cursor):
                tally.read += 1  # one row of ZWAMESSAGE
                row = dict(zip(names, values, strict=True))
                msg = self._message(row, title, group)
                self._enrich(msg, row, receipts.get(row["Z_PK"]), key, title)
                msg.position = position
                if position % 1000 == 999:
                    self.ctx.check_cancel()
                yield msg
        except DB_ERRORS as exc:
            raise InputError(describe(exc), file=self.where) from None

    def _sender(self, row: dict[str, Any], title: str, group: bool) -> str | None:
        if row["ZISFROMME"]:
            return self.owner
        if not group:
            return title
        member = self.people.members.get(row["ZGROUPMEMBER"])
        if member:
            return member[1]
        jid = str(row["ZFROMJID"] or "")
        pushed = blobs.push_name(row["ZPUSHNAME"])
        if pushed:
            return pushed
        return self.people.known(jid) if jid else None

    def _enrich(
        self,
        msg: ParsedMessage,
        row: dict[str, Any],
        receipt: list[tuple[str | None, str]] | bytes | None,
        key: str,
        title: str,
    ) -> None:
        """Quoted reply, reactions, the sender's LID and raw flags (see whatsapp_ios_blobs)."""
        quoted, raw = blobs.quoted_reply(row["ZMETADATA"])
        if isinstance(row["parent_stanza"], str) and row["parent_stanza"]:
            msg.reply_to = row["parent_stanza"]
        elif quoted:
            msg.reply_to = quoted
        if raw and msg.reply_to:
            msg.extra["wa_quote_raw"] = raw  # fields 4/6: meaning not publicly confirmed
        found = receipt
        if isinstance(found, bytes):
            msg.extra["wa_receipt_info_raw"] = base64.b64encode(found).decode("ascii")
        elif found:
            msg.extra["reactions"] = [
                {"by": self.people.reactor(jid, key, title, self.owner), "reaction": emoji}
                for jid, emoji in found
            ]
        sender_jid = self.people.member_pk_jid.get(row["ZGROUPMEMBER"]) or str(
            row["ZFROMJID"] or ""
        )
        if not row["ZISFROMME"] and sender_jid.endswith("@lid"):
            msg.extra["sender_lid"] = sender_jid  # the LID as stored; the name shown may map it
        if isinstance(row["ZFLAGS"], int) and row["ZFLAGS"]:
            msg.extra["wa_flags"] = row["ZFLAGS"]  # edits are not decoded: kept raw

    def _message(self, row: dict[str, Any], title: str, group: bool) -> ParsedMessage:
        instant = apple_seconds(row["ZMESSAGEDATE"])
        wa_type = row["ZMESSAGETYPE"] if isinstance(row["ZMESSAGETYPE"], int) else TEXT
        text = row["ZTEXT"] if isinstance(row["ZTEXT"], str) else ""
        if not text and isinstance(row["ZTITLE"], str) and wa_type in MEDIA_TYPES:
            text = row["ZTITLE"]  # a media item's caption
        msg = ParsedMessage(
            position=0,
            kind=Kind.MESSAGE,
            sender=self._sender(row, title, group),
            wallclock=instant.astimezone(self.zone).isoformat(timespec="seconds")[:19]
            if instant else "1970-01-01T00:00:00",
            text=text.replace("\r\n", "\n"),
            instant=instant,
            from_owner=bool(row["ZISFROMME"]),
            source_id=str(row["ZSTANZAID"]) if row["ZSTANZAID"] else f"pk-{row['Z_PK']}",
        )  # fmt: skip
        if wa_type == SYSTEM:
            msg.kind = Kind.EVENT
            msg.from_owner = None
            msg.event_type = EventType.OTHER
            event = row["ZGROUPEVENTTYPE"]
            msg.extra["wa_group_event"] = event
            msg.text = msg.text or f"group event (WhatsApp type {event})"
            return msg
        if wa_type not in KNOWN:
            msg.extra["wa_type"] = wa_type
            if not msg.text:
                msg.text = f"[a WhatsApp message of type {wa_type} that chatsafe cannot show]"
        if not msg.text and wa_type in PLACEHOLDERS:
            msg.text = PLACEHOLDERS[wa_type]
        if wa_type == REVOKED:
            msg.deleted, msg.text = True, ""
        if row["ZSTARRED"]:
            msg.extra["starred"] = True
        if wa_type in MEDIA_TYPES or row["ZMEDIALOCALPATH"]:
            attachment, why = self._attachment(row)
            msg.attachments.append(attachment)
            msg.extra["attachment_status"] = [why]
            msg.media_omitted = not attachment.present
        return msg

    def _attachment(self, row: dict[str, Any]) -> tuple[ParsedAttachment, str]:
        path = row["ZMEDIALOCALPATH"]
        if not isinstance(path, str) or not path:
            return ParsedAttachment("attachment", None, None), "not downloaded"
        path = path.lstrip("/")
        shown = PurePosixPath(path).name
        # The database names media from the app group's Message/ folder on.
        for member in (self.media_root + "Message/" + path, self.media_root + path):
            if member in self.names and ".." not in PurePosixPath(member).parts:
                data = self.source.read(member)
                return ParsedAttachment(shown, sniff_mime(data, shown), data), "present"
        return ParsedAttachment(shown, None, None), "not in the folder"


IMPORTER = WhatsAppIosImporter()
