"""Signal Desktop's own database (``sql/db.sqlite``, SQLCipher 4), with the user's key.

The key is 64 hex digits. Older versions keep it in ``config.json`` as ``key``; newer
ones keep ``encryptedKey``, protected by the OS keychain, which
:mod:`signal_desktop_crypto` unlocks with the safeStorage password (typed, or the
keyring's "Signal Safe Storage" item). IT support may always give the raw key
(``--signal-key``). The database is opened with sqlcipher3 through a
``mode=ro&immutable=1`` URI, key first, then ``query_only`` and ``temp_store =
MEMORY`` (so a large sort cannot spill decrypted rows into a temporary file). No lock,
journal, ``-wal`` or ``-shm`` file is created and the source keeps its SHA-256.

Refused, with a sentence saying what to do: no key, a wrong key, a database inside a
zip (sqlcipher3 cannot open one from memory, and chatsafe never writes it to disk),
and a non-empty ``db.sqlite-wal`` next to the database (its newest messages would be
missed; quitting Signal Desktop folds them into the database).

Attachments live in ``attachments.noindex/``; recent Signal versions encrypt each file
with its own ``localKey``, and chatsafe decrypts them in memory. One that cannot be
decrypted is kept as missing with the precise reason ("not decrypted: …") in
``message.extra["attachment_status"]``; plain (older) files are read.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import PurePosixPath
from typing import Any
from urllib.request import pathname2url
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import sqlcipher3

from chatsafe.domain import EntryTally, Kind, ParsedAttachment, ParsedConversation, ParsedMessage
from chatsafe.errors import InputError
from chatsafe.importers import signal_desktop_crypto
from chatsafe.importers.base import ImportContext, read_json
from chatsafe.importers.signal_desktop_rows import (
    MESSAGE_TYPES,
    SKIPPED_TYPES,
    display_name,
    event_for,
)
from chatsafe.importers.sqlite_readonly import SQLITE_MAGIC, head
from chatsafe.media import sniff_mime
from chatsafe.sources import Source

NAME = "signal-desktop"
_KEY = re.compile(r"[0-9a-fA-F]{64}|[0-9a-fA-F]{96}")
_DB_ERRORS = (sqlcipher3.Error, UnicodeError, ValueError, OverflowError)
_CONV_COLUMNS = ("id", "type", "name", "profileName", "profileFullName", "e164", "json")
_MSG_COLUMNS = ("id", "conversationId", "type", "body", "sent_at", "json")


def _db_name(source: Source) -> str | None:
    names = source.names()
    if source.kind == "file":
        return names[0] if names else None
    for name in names:
        if name == "sql/db.sqlite" or name.endswith("/sql/db.sqlite") or name == "db.sqlite":
            return name
    return None


def _short(value: Any) -> str:
    """A row id for the import report: Signal's ids are UUIDs, never message text."""
    return str(value)[:64] if isinstance(value, str | int) else "(unreadable id)"


def _loads(text: Any) -> dict[str, Any]:
    if not isinstance(text, str):
        return {}
    try:
        value = json.loads(text)
    except (ValueError, RecursionError):
        return {}
    return value if isinstance(value, dict) else {}


class SignalDesktopImporter:
    name = NAME
    label = "Signal Desktop database (with key)"
    description = "Signal Desktop's encrypted database sql/db.sqlite, read with its key"

    def sniff(self, source: Source) -> int:
        name = _db_name(source)
        if name is None or not name.endswith("db.sqlite"):
            return 0
        first = head(source, name, 16)
        if len(first) < 16 or first == SQLITE_MAGIC:
            return 0  # SQLCipher files have no plaintext header
        names = set(source.names())
        return 80 if "config.json" in names or name.endswith("sql/db.sqlite") else 50

    def parse(self, source: Source, ctx: ImportContext) -> Iterator[ParsedConversation]:
        name = _db_name(source)
        if name is None:
            raise InputError(
                "no Signal Desktop database (sql/db.sqlite) found", file=source.display
            )
        where = source.where(name)
        try:
            zone = ZoneInfo(ctx.time_zone)
        except (ZoneInfoNotFoundError, ValueError):
            raise InputError(f"unknown time zone {ctx.time_zone!r}") from None
        key, why = (ctx.signal_key, "") if ctx.signal_key else self._config_key(source, name, ctx)
        conn = self._open(source, name, key, why)
        try:
            yield from _Reader(conn, source, name, ctx, zone, where).conversations()
        except _DB_ERRORS:
            raise InputError("the Signal database is damaged or has an unknown layout",
                             file=where) from None  # fmt: skip
        finally:
            conn.close()

    def _config_key(self, source: Source, name: str, ctx: ImportContext) -> tuple[str | None, str]:
        """The key from ``config.json`` next to ``sql/``, unlocked if it is encrypted."""
        root = PurePosixPath(name).parent.parent.as_posix() if source.kind == "dir" else ""
        config = ("" if root in ("", ".") else root + "/") + "config.json"
        if source.kind != "dir" or config not in source.names():
            return None, ""
        state = config[: -len("config.json")] + "Local State"  # Windows keeps its key here
        return signal_desktop_crypto.key_from_config(
            read_json(source, config),
            ctx.extra.get(signal_desktop_crypto.SAFE_STORAGE_EXTRA),
            read_json(source, state) if state in source.names() else None,
        )

    def _open(
        self, source: Source, name: str, key: str | None, why: str = ""
    ) -> sqlcipher3.Connection:
        where = source.where(name)
        if not key:
            raise InputError(
                "this is Signal Desktop's encrypted database; chatsafe needs its key "
                + (f"({why}): " if why else "(64 hex digits from Signal's config.json): ")
                + "give the raw key with --signal-key, or the keychain's 'Signal Safe "
                "Storage' password (CHATSAFE_SIGNAL_SAFE_STORAGE)",
                file=where,
            )
        key = key.strip()
        if not _KEY.fullmatch(key):
            raise InputError("the Signal key must be 64 hexadecimal digits", file=where)
        if source.kind not in ("file", "dir"):
            raise InputError(
                "Signal Desktop's database cannot be read from inside a zip without writing "
                "it to disk, which chatsafe never does; unzip the Signal folder and import "
                "sql/db.sqlite",
                file=where,
            )
        path = source.path if source.kind == "file" else source.path / name
        wal = path.with_name(path.name + "-wal")
        if wal.is_file() and wal.stat().st_size > 0:
            raise InputError(
                f"{wal.name} holds messages not yet written to the database; quit Signal "
                "Desktop (it then folds them in) and import again",
                file=where,
            )
        source.mark_read(name)  # keep the encrypted database among the originals
        uri = f"file:{pathname2url(str(path.resolve()))}?mode=ro&immutable=1"
        try:
            conn = sqlcipher3.connect(uri, uri=True)
            conn.execute(f"PRAGMA key = \"x'{key}'\"")  # only validated hex gets here
            conn.execute("PRAGMA cipher_log_level = NONE")
            conn.execute("PRAGMA query_only = ON")
            conn.execute("PRAGMA temp_store = MEMORY")
        except _DB_ERRORS:
            raise InputError("cannot open the Signal database", file=where) from None
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except _DB_ERRORS:
            conn.close()
            raise InputError(
                "the Signal key does not open this database (wrong key, or not a Signal "
                "Desktop database)",
                file=where,
            ) from None
        if conn.execute("PRAGMA temp_store").fetchone()[0] != 2:
            conn.close()
            raise InputError("cannot keep temporary data in memory", file=where)
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        for table in ("conversations", "messages"):
            if table not in tables:
                conn.close()
                raise InputError(
                    f"not a Signal Desktop database: the table {table!r} is missing", file=where
                )
        return conn


class _Reader:
    def __init__(
        self,
        conn: sqlcipher3.Connection,
        source: Source,
        name: str,
        ctx: ImportContext,
        zone: ZoneInfo,
        where: str,
    ) -> None:
        self.conn = conn
        self.source = source
        self.ctx = ctx
        self.zone = zone
        self.where = where
        root = PurePosixPath(name).parent.parent.as_posix() if source.kind == "dir" else ""
        self.attachments_prefix = ("" if root in ("", ".") else root + "/") + "attachments.noindex/"
        self.names = set(source.names())
        self.people: dict[str, str] = {}

    def _select(self, table: str, wanted: tuple[str, ...]) -> str:
        have = {r[1] for r in self.conn.execute(f'PRAGMA table_info("{table}")')}
        return ", ".join(f'"{c}"' if c in have else f'NULL AS "{c}"' for c in wanted)

    def conversations(self) -> Iterator[ParsedConversation]:
        rows = [
            dict(zip(_CONV_COLUMNS, r, strict=True))
            for r in self.conn.execute(
                f"SELECT {self._select('conversations', _CONV_COLUMNS)} FROM conversations "  # noqa: S608
                "ORDER BY rowid"
            )
        ]
        convs: list[tuple[dict[str, Any], dict[str, Any]]] = []
        for row in rows:
            data = _loads(row["json"])
            name = display_name(row, data) or str(row["id"])
            for ident in (data.get("serviceId"), data.get("uuid"), data.get("e164"), row["id"]):
                if isinstance(ident, str) and ident:
                    self.people[ident] = name
            convs.append((row, data))
        query = (
            f"SELECT {self._select('messages', _MSG_COLUMNS)} FROM messages "  # noqa: S608
            "WHERE conversationId = ? ORDER BY rowid"
        )
        for row, data in convs:
            self.ctx.check_cancel()
            conv_id = str(row["id"])
            title = self.people.get(conv_id, conv_id)
            group = row["type"] == "group"
            members = data.get("membersV2") or data.get("members") or []
            members = members if isinstance(members, list) else []
            participants = [
                self.people.get(str(m.get("aci") if isinstance(m, dict) else m), str(m))
                for m in members
            ] if group else [title]  # fmt: skip
            tally = EntryTally()
            messages = self._messages(self.conn.execute(query, (conv_id,)), title, group, tally)
            if not messages:
                # Signal keeps a conversation row for every contact; rows it skipped (a
                # conversation of stories only) are still reported, on the source.
                self.ctx.tally.read += tally.read
                self.ctx.tally.not_imported.extend(tally.not_imported)
                continue
            yield ParsedConversation(
                source_format=NAME,
                key=conv_id,
                title=title,
                messages=messages,
                participants=participants,
                is_group=group,
                owner=self.ctx.owner or "Me",
                extra={"signal_type": row["type"]},
                tally=tally,
            )

    def _messages(
        self, rows: Any, title: str, group: bool, tally: EntryTally
    ) -> list[ParsedMessage]:
        out: list[ParsedMessage] = []
        for values in rows:
            tally.read += 1
            row = dict(zip(_MSG_COLUMNS, values, strict=True))
            kind = str(row["type"] or "")
            if kind in SKIPPED_TYPES:
                tally.skip(
                    f"messages row {_short(row['id'])}",
                    kind,
                    "a Signal story: not part of the conversation's transcript",
                )
                continue
            data = _loads(row["json"])
            msg = self._message(row, data, kind, title, group)
            msg.position = len(out)
            out.append(msg)
            if len(out) % 1000 == 0:
                self.ctx.check_cancel()
        return out

    def _sender(self, data: dict[str, Any], kind: str, title: str, group: bool) -> str | None:
        if kind == "outgoing":
            return self.ctx.owner or "Me"
        for key in ("sourceServiceId", "sourceUuid", "source"):
            ident = data.get(key)
            if isinstance(ident, str) and ident:
                return self.people.get(ident, ident)
        return None if group else title

    def _message(
        self, row: dict[str, Any], data: dict[str, Any], kind: str, title: str, group: bool
    ) -> ParsedMessage:
        sent = row["sent_at"] if isinstance(row["sent_at"], int) else data.get("sent_at")
        instant: datetime | None = None
        if isinstance(sent, int) and sent > 0:
            try:
                instant = datetime.fromtimestamp(sent / 1000, tz=UTC)
            except (OverflowError, OSError, ValueError):
                instant = None
        sender = self._sender(data, kind, title, group)
        body = row["body"] if isinstance(row["body"], str) else data.get("body")
        msg = ParsedMessage(
            position=0,
            kind=Kind.MESSAGE,
            sender=sender,
            wallclock=instant.astimezone(self.zone).strftime("%Y-%m-%dT%H:%M:%S")
            if instant
            else "1970-01-01T00:00:00",
            text=body.replace("\r\n", "\n") if isinstance(body, str) else "",
            instant=instant,
            from_owner=kind == "outgoing" if kind in MESSAGE_TYPES else None,
            source_id=str(row["id"]),
        )
        if kind not in MESSAGE_TYPES:
            msg.kind = Kind.EVENT
            msg.event_type, msg.text = event_for(kind, data, sender)
            msg.extra["signal_type"] = kind
            return msg
        if data.get("deletedForEveryone"):
            msg.deleted = True
            msg.text = ""
        history = data.get("editHistory")
        if (isinstance(history, list) and len(history) > 1) or data.get("editMessageTimestamp"):
            msg.edited = True
            if isinstance(history, list):
                msg.extra["edits"] = max(len(history) - 1, 1)
        msg.view_once = data.get("isViewOnce") is True
        quote = data.get("quote")
        if isinstance(quote, dict):
            if quote.get("id") is not None:
                msg.reply_to = str(quote["id"])
            if isinstance(quote.get("text"), str):
                msg.extra["quote"] = quote["text"]
        reactions = data.get("reactions")
        if isinstance(reactions, list) and reactions:
            msg.extra["reactions"] = [
                {"by": self.people.get(str(r.get("fromId")), str(r.get("fromId"))),
                 "reaction": str(r.get("emoji"))}
                for r in reactions if isinstance(r, dict)
            ]  # fmt: skip
        if isinstance(data.get("expireTimer"), int) and data["expireTimer"] > 0:
            msg.extra["expire_timer"] = data["expireTimer"]
        atts = data.get("attachments")
        if isinstance(atts, list):
            status: list[str] = []
            for att in atts:
                if isinstance(att, dict):
                    attachment, why = self._attachment(att)
                    msg.attachments.append(attachment)
                    status.append(why)
            if msg.attachments:
                msg.extra["attachment_status"] = status
        return msg

    def _attachment(self, att: dict[str, Any]) -> tuple[ParsedAttachment, str]:
        path = att.get("path") if isinstance(att.get("path"), str) else None
        name = att.get("fileName") if isinstance(att.get("fileName"), str) else None
        shown = name or (PurePosixPath(path).name if path else "attachment")
        mime = att.get("contentType") if isinstance(att.get("contentType"), str) else None
        if not path:
            return ParsedAttachment(shown, mime, None), "not downloaded"
        member = self.attachments_prefix + path.replace("\\", "/")
        if member not in self.names or ".." in PurePosixPath(member).parts:
            return ParsedAttachment(shown, mime, None), "not in the folder"
        data = self.source.read(member)
        local_key = att.get("localKey")
        if isinstance(local_key, str) and local_key:
            try:
                data = signal_desktop_crypto.decrypt_attachment(data, local_key, att.get("size"))
            except signal_desktop_crypto.AttachmentError as exc:
                return ParsedAttachment(shown, mime, None), f"not decrypted: {exc}"
        elif isinstance(att.get("version"), int) and att["version"] >= 2:
            return ParsedAttachment(shown, mime, None), "not decrypted: no key in the database"
        return ParsedAttachment(shown, mime or sniff_mime(data, shown), data), "present"


IMPORTER = SignalDesktopImporter()
