"""``sms.db`` from iOS 5 and earlier: one ``message`` table, no ``chat`` or ``handle``.

Before iOS 6 the database kept SMS and iMessage ("madrid") side by side in ``message``:

- SMS rows (``is_madrid`` 0) name the other party in ``address``, belong to a
  ``msg_group`` through ``group_id`` (members in ``group_member``), carry the time in
  Unix seconds, and ``flags`` bit 0x1 means sent (2 received, 3 sent; 33/35 a failed
  send, 129 deleted);
- iMessage rows (``is_madrid`` 1) name the other party in ``madrid_handle`` (a group in
  ``madrid_roomname``), carry the time in seconds since 2001, and ``madrid_flags`` bit
  0x4 means sent (36869, 45061, 102405 sent; 12289, 77825 received);
- MMS parts sit in ``msg_pieces``: text parts become the text, other parts attachments
  (their files are in the backup's ``Library/SMS/Parts``, which is not read here: they
  are kept as missing, by name).

Conversations are keyed like later databases' ``chat.guid`` (``SMS;-;+31…``,
``iMessage;-;…``, ``iMessage;+;<room>``), so a later export of the same chat merges.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

from chatsafe.domain import EntryTally, Kind, ParsedAttachment, ParsedConversation, ParsedMessage
from chatsafe.importers.base import ImportContext
from chatsafe.importers.sql_values import BLOB, INT, NUMBER, TEXT, check
from chatsafe.importers.sqlite_readonly import columns

NAME = "imessage"
SCHEMA = "iOS 5 (message, msg_group, group_member, msg_pieces)"
_UNIX = datetime(1970, 1, 1, tzinfo=UTC)
_APPLE = datetime(2001, 1, 1, tzinfo=UTC)
_COLUMNS = (
    "text",
    "address",
    "date",
    "flags",
    "group_id",
    "is_madrid",
    "madrid_handle",
    "madrid_flags",
    "madrid_roomname",
)
_SPEC = (
    ("ROWID", INT),
    ("text", TEXT),
    ("address", TEXT),
    ("date", NUMBER),
    ("flags", INT),
    ("group_id", INT),
    ("is_madrid", INT),
    ("madrid_handle", TEXT),
    ("madrid_flags", INT),
    ("madrid_roomname", TEXT),
)
_PIECE_SPEC = (("message_id", INT), ("data", BLOB), ("content_type", TEXT), ("content_loc", TEXT))


def is_ios5(present: set[str]) -> bool:
    """An sms.db from before iOS 6: messages and groups, no chat table."""
    return {"message", "msg_group"} <= present and "chat" not in present


def conversations(
    conn: sqlite3.Connection, ctx: ImportContext, wallclock: Any, where: str, present: set[str]
) -> Iterator[ParsedConversation]:
    """One conversation per SMS group and per iMessage correspondent or room."""
    cols = columns(conn, "message")
    pick = ", ".join(c if c in cols else "NULL" for c in _COLUMNS)
    members: dict[int, list[str]] = {}
    if "group_member" in present:
        for group_id, address in conn.execute(
            "SELECT group_id, address FROM group_member ORDER BY ROWID"
        ):
            if isinstance(group_id, int) and isinstance(address, str) and address:
                members.setdefault(group_id, []).append(address)
    pieces = _pieces(conn, where) if "msg_pieces" in present else {}
    owner = ctx.owner or "Me"
    chats: dict[str, tuple[list[str], bool, list[ParsedMessage]]] = {}
    for row in conn.execute(f"SELECT ROWID, {pick} FROM message ORDER BY ROWID"):  # noqa: S608
        check(row, _SPEC, "message", where)
        rowid, text, address, date, flags, group_id, madrid, handle, mflags, room = row
        if madrid:
            other = handle or address or ""
            key = f"iMessage;+;{room}" if room else f"iMessage;-;{other}"
            people = [other] if other else []
            from_me = bool((mflags or 0) & 0x4)
            instant = _time(_APPLE, date)
        else:
            people = members.get(group_id or -1) or ([address] if address else [])
            key = f"SMS;-;{people[0]}" if len(people) == 1 else f"SMS;group;{group_id}"
            from_me = bool((flags or 0) & 0x1)
            instant = _time(_UNIX, date)
        parts = pieces.get(rowid, [])
        body = text or "\n".join(t for t, _ in parts if t)
        chat = chats.setdefault(key, (people, bool(room) or len(people) > 1, []))
        msgs = chat[2]
        msg = ParsedMessage(
            position=len(msgs),
            kind=Kind.MESSAGE,
            sender=owner if from_me else (other if madrid else address) or None,
            wallclock=wallclock(instant),
            text=(body or "").strip().replace("\r\n", "\n"),
            instant=instant,
            from_owner=from_me,
            source_id=f"ios5-{rowid}",
            attachments=[a for _, a in parts if a is not None],
        )
        if not madrid and (flags or 0) == 129:
            msg.deleted, msg.text = True, ""
        if people and msg.sender and msg.sender not in people and not from_me:
            people.append(msg.sender)
        msgs.append(msg)
    for key, (people, group, msgs) in chats.items():
        ctx.check_cancel()
        yield ParsedConversation(
            source_format=NAME,
            key=key,
            title=", ".join(people) or key,
            messages=msgs,
            participants=list(people),
            is_group=group,
            owner=owner,
            extra={"schema": SCHEMA},
            tally=EntryTally(read=len(msgs)),
        )


def _time(epoch: datetime, value: int | float | None) -> datetime | None:
    if not value:
        return None
    try:
        return epoch + timedelta(seconds=float(value))
    except (OverflowError, ValueError):
        return None


def _pieces(
    conn: sqlite3.Connection, where: str
) -> dict[int, list[tuple[str, ParsedAttachment | None]]]:
    """MMS parts by message: (text, None) for text parts, ("", attachment) for files."""
    out: dict[int, list[tuple[str, ParsedAttachment | None]]] = {}
    for row in conn.execute(
        "SELECT message_id, data, content_type, content_loc FROM msg_pieces ORDER BY ROWID"
    ):
        check(row, _PIECE_SPEC, "msg_pieces", where)
        message_id, data, content_type, location = row
        kind = (content_type or "").lower()
        if kind == "application/smil":
            continue  # layout only
        if kind.startswith("text/plain") and isinstance(data, bytes):
            out.setdefault(message_id, []).append((data.decode("utf-8", "replace"), None))
            continue
        name = (location or "").rsplit("/", 1)[-1] or "attachment"
        out.setdefault(message_id, []).append(
            ("", ParsedAttachment(name=name, mime=content_type or None, data=None))
        )
    return out
