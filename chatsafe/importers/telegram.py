"""Telegram Desktop's JSON export (``result.json``), full account or single chat.

The export folder holds ``result.json`` and the media it names by relative path
(``photos/…``, ``files/…``). Telegram writes the message ``id`` (stable per chat, so
it is the source id), ``date`` (the exporting computer's local time) and, since about
2021, ``date_unixtime`` (the instant). Older exports wrote an integer ``from_id`` and
``"edited": "1970-01-01T01:00:00"`` for messages that were never edited.

Whose account it is: ``personal_information`` when the export has it (a full export),
else the owner the user gave (``--owner`` or the case's, by name or ``user<id>``), and
only when neither is known is it inferred from a one-to-one chat's id (the other
person's id); such a conversation says ``extra["owner_inferred"]``.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import PurePosixPath
from typing import Any
from zoneinfo import ZoneInfo

from chatsafe.domain import Kind, ParsedConversation, ParsedMessage
from chatsafe.errors import InputError, NotAChatError
from chatsafe.importers import telegram_message as fields
from chatsafe.importers.base import ImportContext
from chatsafe.importers.json_stream import (
    C_PARSER,
    PY_PARSER,
    BigNumber,
    Feed,
    JsonBytes,
    in_time_order,
)
from chatsafe.importers.normalize import strip_marks, zone
from chatsafe.importers.telegram_actions import service_event
from chatsafe.importers.telegram_media import TelegramMedia
from chatsafe.importers.telegram_outline import Bad as _Bad
from chatsafe.importers.telegram_outline import ChatOutline, Outline, read_outline
from chatsafe.sources import FileSource, Source

_MAIN = "result.json"
_ONE_TO_ONE = {"personal_chat", "bot_chat", "saved_messages"}
_CHAT_TYPES = (
    b'"personal_chat"',
    b'"private_group"',
    b'"private_supergroup"',
    b'"public_supergroup"',
    b'"private_channel"',
    b'"public_channel"',
    b'"saved_messages"',
    b'"bot_chat"',
)


def find_main(source: Source) -> str | None:
    """The name of ``result.json`` in the source (the shallowest one), or None."""
    if isinstance(source, FileSource):
        return source.names()[0] if source.path.suffix.lower() == ".json" else None
    found = [n for n in source.names() if PurePosixPath(n).name.lower() == _MAIN]
    return min(found, key=lambda n: (n.count("/"), n)) if found else None


def _head(source: Source, name: str) -> bytes:
    for block in source.chunks(name):
        return block[:8192]
    return b""


class _Chat:
    """Turns one chat object into a conversation."""

    def __init__(
        self, owner_id: str | None, owner_name: str | None, tz: ZoneInfo, given: str | None = None
    ) -> None:
        self.owner_id = owner_id
        self.owner_name = owner_name
        self.tz = tz
        self.other_id: str | None = None
        # The owner the user named (--owner, or the case's), used when the export does not
        # say whose account it is: it wins over inferring the owner from a chat's id.
        self.given = given if not owner_id and not owner_name else None
        if self.given:
            self.owner_name = given

    def convert(
        self,
        chat: ChatOutline,
        feed: Feed,
        files: TelegramMedia,
        ctx: ImportContext,
        counter: list[int],
        where: str,
    ) -> ParsedConversation:
        chat_id = chat.value("id")
        if not isinstance(chat_id, (int, str)) or isinstance(chat_id, bool):
            raise _Bad(chat.path or "id", "the chat has no id")
        kind = chat.value("type") if isinstance(chat.value("type"), str) else None
        name = chat.value("name")
        title = name if isinstance(name, str) and name else f"Telegram chat {chat_id}"
        # Without personal_information or a given owner, a one-to-one chat's id is the
        # other person's id: the owner is inferred from it, and that is said in extra.
        self.other_id = (
            fields.sender_id(chat_id) if kind == "personal_chat" and not self.given else None
        )
        participants: list[str] = [self.owner_name] if self.owner_name else []
        conv = ParsedConversation(
            source_format="telegram",
            key=str(chat_id),
            title=strip_marks(title),
            messages=[],
            participants=participants,
            is_group=kind not in _ONE_TO_ONE,
            owner=self.owner_name,
            extra={"telegram_type": kind if isinstance(kind, str) else None},
        )
        conv.messages = self._stream(chat, conv, feed, files, ctx, counter, where)
        return conv

    def _stream(
        self,
        chat: ChatOutline,
        conv: ParsedConversation,
        feed: Feed,
        files: TelegramMedia,
        ctx: ImportContext,
        counter: list[int],
        where: str,
    ) -> Iterator[ParsedMessage]:
        """The chat's messages in time order, read one at a time; the owner (when it is
        inferred) and the participants are complete once they have all been read."""
        tz = self.tz

        def key(m: ParsedMessage) -> float:
            when = m.instant or datetime.fromisoformat(m.wallclock).replace(tzinfo=tz)
            return when.timestamp()

        try:
            yield from in_time_order(self._read(chat, conv, feed, files, ctx, counter), key)
        except _Bad as bad:
            raise InputError(bad.problem, file=where, entry=bad.path or None) from None
        if self.owner_name is None and self.other_id is not None and conv.owner:
            conv.extra["owner_inferred"] = True
        if conv.owner and conv.owner not in conv.participants:
            conv.participants.insert(0, conv.owner)

    def _read(
        self,
        chat: ChatOutline,
        conv: ParsedConversation,
        feed: Feed,
        files: TelegramMedia,
        ctx: ImportContext,
        counter: list[int],
    ) -> Iterator[ParsedMessage]:
        ttl: int | None = None
        prefix = f"{chat.path}.messages" if chat.path else "messages"
        participants = conv.participants
        if feed.taken.get(chat.entries, 0) != chat.first:
            raise RuntimeError("a Telegram chat's messages were read out of order")
        for index in range(chat.count):
            where = f"{prefix}[{index}]"
            msg = feed.next(chat.entries, where)
            one, ttl = self._message(msg, where, index, files, ttl)
            del msg
            if one.sender and one.sender not in participants:
                participants.append(one.sender)
            if conv.owner is None and one.from_owner and one.sender:
                conv.owner = one.sender
            counter[0] += 1
            if counter[0] % 1000 == 0:
                ctx.check_cancel()
                ctx.progress(counter[0], counter[1])
            yield one

    def _message(
        self, msg: Any, where: str, index: int, files: TelegramMedia, ttl: int | None
    ) -> tuple[ParsedMessage, int | None]:
        msg = fields.want(msg, dict, where, "the message")
        msg_id = msg.get("id")
        if not isinstance(msg_id, int) or isinstance(msg_id, bool):
            raise _Bad(where, "the message has no numeric id")
        wallclock, instant, raw = fields.when(msg, where, self.tz)
        kind = msg.get("type", "message")
        is_service = kind == "service"
        name = msg.get("actor" if is_service else "from")
        sender = strip_marks(name) if isinstance(name, str) and name else None
        sender_id = fields.sender_id(msg.get("actor_id" if is_service else "from_id"))
        from_owner: bool | None = None
        if self.owner_id and sender_id:
            from_owner = sender_id == self.owner_id
        elif self.given and (sender or sender_id):
            from_owner = self.given in (sender, sender_id)
        elif self.other_id and sender_id:
            from_owner = sender_id != self.other_id
        out = ParsedMessage(
            position=index,
            kind=Kind.EVENT if is_service else Kind.MESSAGE,
            sender=sender,
            wallclock=wallclock,
            text=fields.text_of(msg, where),
            instant=instant,
            wallclock_raw=raw,
            from_owner=from_owner,
            source_id=str(msg_id),
        )
        if is_service:
            out.event_type, sentence, out.extra, ttl = service_event(msg, sender, ttl)
            out.text = out.text or sentence
            # A new group photo or a suggested profile photo is a file of the record
            # (present, or missing from the export) like any message's photo.
            out.attachments = fields.attachments(msg, where, files)
            return out, ttl
        if kind != "message":  # "unsupported": something the exporter could not write
            out.media_omitted = True
            out.extra["telegram_type"] = kind if isinstance(kind, str) else None
        out.edited = fields.was_edited(msg)
        out.forwarded = "forwarded_from" in msg
        fwd = msg.get("forwarded_from")
        if isinstance(fwd, str):
            out.extra["forwarded_from"] = fwd
        reply = msg.get("reply_to_message_id")
        if isinstance(reply, int) and not isinstance(reply, bool):
            out.reply_to = str(reply)
        out.attachments = fields.attachments(msg, where, files)
        fields.extras(msg, out)
        return out, ttl


def _owner(outline: Outline) -> tuple[str | None, str | None]:
    info = outline.personal
    if info is None:
        return None, None
    owner_id = fields.sender_id(info.get("user_id"))
    parts = [info.get("first_name"), info.get("last_name")]
    name = " ".join(p for p in parts if isinstance(p, str) and p) or None
    return owner_id, strip_marks(name) if name else None


class TelegramImporter:
    name = "telegram"
    label = "Telegram Desktop (result.json)"
    description = "Telegram Desktop's JSON export: a folder or zip holding result.json, or the file"

    def sniff(self, source: Source) -> int:
        main = find_main(source)
        if main is None:
            return 0
        head = _head(source, main)
        if b'"personal_information"' in head or (b'"about"' in head and b'"chats"' in head):
            return 95
        if b'"messages"' in head and any(t in head for t in _CHAT_TYPES):
            return 90
        return 0

    def parse(self, source: Source, ctx: ImportContext) -> Iterator[ParsedConversation]:
        main = find_main(source)
        if main is None:
            raise NotAChatError("no result.json found", file=source.display)
        where = source.where(main)
        parser = C_PARSER
        try:
            try:
                outline = read_outline(JsonBytes(source, main, ctx.encoding, ctx.check_cancel))
            except BigNumber:
                parser = PY_PARSER
                outline = read_outline(
                    JsonBytes(source, main, ctx.encoding, ctx.check_cancel), parser
                )
        except _Bad as bad:
            raise InputError(bad.problem, file=where, entry=bad.path or None) from None
        if not outline.is_object or not ("messages" in outline.keys or "chats" in outline.keys):
            raise NotAChatError("not a Telegram export (no chats or messages)", file=where)
        tz = zone(ctx.time_zone)
        owner_id, owner_name = _owner(outline)
        files = TelegramMedia(source, main)
        # The second pass: one parser per list of messages, one message held at a time.
        feed = Feed(
            lambda: JsonBytes(source, main, ctx.encoding, ctx.check_cancel),
            sorted({c.entries for c in outline.chats if c.count}),
            parser,
        )
        counter = [0, sum(c.count for c in outline.chats)]
        given = (ctx.owner or "").strip() or None
        first: dict[str, int] = {}
        for chat in outline.chats:
            chat.first = first.get(chat.entries, 0)
            first[chat.entries] = chat.first + chat.count
            try:
                # One reader per chat: its messages are read after it is yielded.
                conv = _Chat(owner_id, owner_name, tz, given).convert(
                    chat, feed, files, ctx, counter, where
                )
            except _Bad as bad:
                raise InputError(bad.problem, file=where, entry=bad.path or None) from None
            yield conv


IMPORTER = TelegramImporter()
