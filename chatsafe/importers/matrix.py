"""Element's JSON room export (Matrix, and Tchap which runs on it).

Element writes ``{room_name, room_creator, topic, export_date, exported_by, messages}``
where ``messages`` are Matrix events as the client holds them (encrypted ones already
decrypted). Edits are separate ``m.replace`` events: they are applied to the message
they edit rather than kept as messages. Redacted events keep their place with empty
content and ``unsigned.redacted_because``: they become deleted tombstones.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import PurePosixPath
from typing import Any
from zoneinfo import ZoneInfo

from chatsafe import media
from chatsafe.domain import EntryTally, Kind, ParsedAttachment, ParsedConversation, ParsedMessage
from chatsafe.errors import InputError, NotAChatError
from chatsafe.importers.base import ImportContext
from chatsafe.importers.json_stream import (
    C_PARSER,
    PY_PARSER,
    BigNumber,
    Feed,
    JsonBytes,
    in_time_order,
    root_outline,
)
from chatsafe.importers.matrix_events import state_event
from chatsafe.importers.matrix_media import MatrixMedia
from chatsafe.importers.normalize import instant_from_epoch, strip_marks, wallclock_of, zone
from chatsafe.sources import FileSource, Source

_MEDIA = {"m.image", "m.file", "m.audio", "m.video"}
_SKIPPED = {"m.reaction", "m.room.redaction"}
_ENTRIES = "messages.item"


class _Bad(Exception):
    def __init__(self, path: str, problem: str) -> None:
        super().__init__(problem)
        self.path = path
        self.problem = problem


def find_main(source: Source) -> str | None:
    """The export's JSON file: ``export.json`` in Element's zip, else the shallowest .json."""
    if isinstance(source, FileSource):
        return source.names()[0] if source.path.suffix.lower() == ".json" else None
    found = [n for n in source.names() if n.lower().endswith(".json")]
    if not found:
        return None
    return min(
        found, key=lambda n: (n.count("/"), PurePosixPath(n).name.lower() != "export.json", n)
    )


def _unwrap(event: Any) -> Any:
    # An encrypted event serialises as {"decrypted": …, "encrypted": …}; keep the clear one.
    if isinstance(event, dict) and "type" not in event and isinstance(event.get("decrypted"), dict):
        return event["decrypted"]
    return event


def _relation(content: dict[str, Any]) -> dict[str, Any]:
    rel = content.get("m.relates_to")
    return rel if isinstance(rel, dict) else {}


def _strip_reply_fallback(body: str) -> str:
    """Drop the quoted "> <@user> text" block older clients put above a reply."""
    lines = body.split("\n")
    if not lines or not lines[0].startswith(">"):
        return body
    i = 0
    while i < len(lines) and lines[i].startswith(">"):
        i += 1
    if i < len(lines) and lines[i] == "":
        i += 1
    return "\n".join(lines[i:])


def _str(value: Any) -> str:
    return value if isinstance(value, str) else ""


def _checked(item: Any, index: int) -> dict[str, Any]:
    event = _unwrap(item)
    where = f"messages[{index}]"
    if not isinstance(event, dict):
        raise _Bad(where, "the event is not an object")
    if not isinstance(event.get("type"), str):
        raise _Bad(where, "the event has no type")
    if not isinstance(event.get("content", {}), dict):
        raise _Bad(where, "the event content is not an object")
    ts = event.get("origin_server_ts")
    if not isinstance(ts, int) or isinstance(ts, bool):
        raise _Bad(where, "origin_server_ts is not a number")
    if not isinstance(event.get("sender", ""), str):
        raise _Bad(where, "sender is not a text")
    return event


class _Room:
    """The events of one export, read in two streaming passes: relations (edits,
    redactions, reactions, names) first, then messages, one event held at a time."""

    def __init__(self, tz: ZoneInfo, files: MatrixMedia) -> None:
        self.tz = tz
        self.files = files
        self.room_id: str | None = None
        self.names: dict[str, str] = {}
        self.members: set[str] = set()
        self.edits: dict[str, list[tuple[int, int, dict[str, Any]]]] = {}
        self.redacted: dict[str, str] = {}
        self.reactions: dict[str, list[dict[str, str]]] = {}
        self.consumed: set[int] = set()
        self.tally = EntryTally()

    def relations(self, feed: Feed, count: int, ctx: ImportContext) -> None:
        for index in range(count):
            if index % 1000 == 999:
                ctx.check_cancel()
            ev = _checked(feed.next(_ENTRIES, f"messages[{index}]"), index)
            if self.room_id is None and isinstance(ev.get("room_id"), str):
                self.room_id = ev["room_id"]
            self._relation(index, ev)

    def _relation(self, index: int, ev: dict[str, Any]) -> None:
        content = ev.get("content") or {}
        kind, sender = ev["type"], _str(ev.get("sender"))
        if sender:
            self.members.add(sender)
        if kind == "m.room.member" and isinstance(ev.get("state_key"), str):
            self.members.add(ev["state_key"])
            name = content.get("displayname")
            if isinstance(name, str) and name:
                self.names[ev["state_key"]] = strip_marks(name)
        rel = _relation(content)
        target = rel.get("event_id")
        if kind == "m.room.redaction":
            gone = ev.get("redacts", content.get("redacts"))
            if isinstance(gone, str):
                self.redacted[gone] = sender
            self.consumed.add(index)
        elif kind == "m.reaction" and isinstance(target, str):
            key = _str(rel.get("key"))
            self.reactions.setdefault(target, []).append({"sender": sender, "key": key})
            self.consumed.add(index)
        elif rel.get("rel_type") == "m.replace" and isinstance(target, str):
            new = content.get("m.new_content")
            new = new if isinstance(new, dict) else content
            self.edits.setdefault(target, []).append(
                (ev["origin_server_ts"], index, new | {"_sender": sender})
            )
            self.consumed.add(index)
        elif kind in _SKIPPED:
            # A reaction that names no event cannot be put on one: reported, not dropped.
            self.consumed.add(index)
            if kind == "m.reaction":
                self.tally.read += 1
                self.tally.skip(
                    f"messages[{index}]", "reaction-without-message", "a reaction to no event"
                )

    def name_of(self, mxid: str) -> str:
        return self.names.get(mxid, mxid)

    def messages(
        self, feed: Feed, count: int, owner_ids: set[str], ctx: ImportContext
    ) -> Iterator[ParsedMessage]:
        seen_ids: set[str] = set()
        for index in range(count):
            if index % 1000 == 999:
                ctx.check_cancel()
                ctx.progress(index, count)
            item = feed.next(_ENTRIES, f"messages[{index}]")
            if index in self.consumed:
                continue
            ev = _checked(item, index)
            event_id = ev.get("event_id")
            if isinstance(event_id, str):
                seen_ids.add(event_id)
            self.tally.read += 1
            yield self._one(index, ev, owner_ids)
        # Edits whose original is not in the export still carry the text people saw.
        for target, edits in self.edits.items():
            if target not in seen_ids:
                ts, index, new = min(edits, key=lambda e: (e[0], e[1]))
                ev = {
                    "type": "m.room.message",
                    "event_id": target,
                    "origin_server_ts": ts,
                    "sender": new["_sender"],
                    "content": {},
                }
                self.tally.read += 1
                yield self._one(index, ev, owner_ids)
        # A reaction is part of the message it reacts to; one whose message is not in the
        # export is reported, never dropped silently.
        for target, reactions in self.reactions.items():
            if target not in seen_ids:
                for _ in reactions:
                    self.tally.read += 1
                    self.tally.skip(
                        f"reaction to {target}",
                        "reaction-without-message",
                        "a reaction to an event that is not in the export",
                    )
        ctx.progress(count, count)

    def _one(self, index: int, ev: dict[str, Any], owner_ids: set[str]) -> ParsedMessage:
        where = f"messages[{index}]"
        try:
            instant = instant_from_epoch(ev["origin_server_ts"] / 1000)
        except (ValueError, OverflowError, OSError):
            raise _Bad(where, "origin_server_ts is out of range") from None
        sender_id = _str(ev.get("sender"))
        event_id = ev.get("event_id")
        msg = ParsedMessage(
            position=index,
            kind=Kind.MESSAGE,
            sender=self.name_of(sender_id) if sender_id else None,
            wallclock=wallclock_of(instant, self.tz),
            text="",
            instant=instant,
            from_owner=(sender_id in owner_ids) if owner_ids and sender_id else None,
            source_id=event_id if isinstance(event_id, str) else None,
            extra={"sender_id": sender_id} if sender_id else {},
        )
        kind = ev["type"]
        content: dict[str, Any] = ev.get("content") or {}
        if kind in ("m.room.message", "m.sticker", "m.room.encrypted") or kind.endswith(
            "poll.start"
        ):
            self._content(msg, ev, content, instant)
        else:
            who = msg.sender or "someone"
            msg.kind = Kind.EVENT
            msg.event_type, msg.text, extra = state_event(ev, who, self.names)
            msg.extra.update(extra)
        return msg

    def _content(
        self, msg: ParsedMessage, ev: dict[str, Any], content: dict[str, Any], when: datetime
    ) -> None:
        event_id = msg.source_id or ""
        unsigned = ev.get("unsigned")
        redacted = isinstance(unsigned, dict) and "redacted_because" in unsigned
        if redacted or event_id in self.redacted or (not content and event_id not in self.edits):
            msg.deleted = True
            return
        if ev["type"] == "m.room.encrypted":
            msg.extra["undecryptable"] = True
            return
        edits = self.edits.get(event_id, [])
        valid = [e for e in edits if e[2]["_sender"] == ev.get("sender")]  # only the author edits
        if valid:
            content = max(valid, key=lambda e: (e[0], e[1]))[2]
            msg.edited = True
        if isinstance(unsigned, dict) and isinstance(unsigned.get("m.relations"), dict):
            msg.edited = msg.edited or "m.replace" in unsigned["m.relations"]
        rel = _relation(ev.get("content") or {})
        reply = rel.get("m.in_reply_to")
        body = strip_marks(_str(content.get("body")))
        if isinstance(reply, dict) and isinstance(reply.get("event_id"), str):
            msg.reply_to = reply["event_id"]
            body = _strip_reply_fallback(body)
        msgtype = content.get("msgtype")
        msgtype = msgtype if isinstance(msgtype, str) else None
        if msgtype:
            msg.extra["msgtype"] = msgtype
        if ev["type"] == "m.sticker" or msgtype in _MEDIA:
            filename = _str(content.get("filename")) or body or "attachment"
            # body is a caption only when a separate filename is given
            msg.text = body if content.get("filename") and body != filename else ""
            info = content.get("info")
            mime = info.get("mimetype") if isinstance(info, dict) else None
            data = self.files.find(ev["type"], msgtype, [body, filename], when)
            if data is not None:
                mime = media.sniff_mime(data, filename)
            msg.attachments = [
                ParsedAttachment(filename, mime if isinstance(mime, str) else None, data)
            ]
        else:
            msg.text = body
        if msgtype == "m.location":
            msg.extra["location"] = _str(content.get("geo_uri"))
        if event_id in self.reactions:
            msg.extra["reactions"] = self.reactions[event_id]


def _owner_ids(exported_by: Any, room: _Room) -> set[str]:
    if not isinstance(exported_by, str) or not exported_by:
        return set()
    ids = {mxid for mxid, name in room.names.items() if name == exported_by}
    if exported_by.startswith("@"):
        ids.add(exported_by)
    return ids


class MatrixImporter:
    name = "matrix"
    label = "Matrix / Tchap (Element JSON)"
    description = "Element's JSON room export (a .json file, or its zip with attachments)"

    def sniff(self, source: Source) -> int:
        main = find_main(source)
        if main is None:
            return 0
        head = b""
        for block in source.chunks(main):
            head = block[:8192]
            break
        if b'"room_name"' in head and b'"messages"' in head:
            return 95 if b'"export_date"' in head else 85
        return 0

    def parse(self, source: Source, ctx: ImportContext) -> Iterator[ParsedConversation]:
        main = find_main(source)
        if main is None:
            raise NotAChatError("no JSON room export found", file=source.display)
        where = source.where(main)
        parser = C_PARSER
        try:
            root = root_outline(JsonBytes(source, main, ctx.encoding, ctx.check_cancel), "messages")
        except BigNumber:
            parser = PY_PARSER
            root = root_outline(
                JsonBytes(source, main, ctx.encoding, ctx.check_cancel), "messages", parser
            )
        if not root.is_object or "room_name" not in root.keys or "messages" not in root.keys:
            raise NotAChatError("not an Element room export (no room_name or messages)", file=where)
        if root.not_a_list or not root.lists:
            raise InputError("messages is not a list", file=where, entry="messages")
        tz = zone(ctx.time_zone)
        ctx.check_cancel()

        def stream() -> JsonBytes:
            return JsonBytes(source, main, ctx.encoding, ctx.check_cancel)

        room = _Room(tz, MatrixMedia(source, main))
        try:
            room.relations(Feed(stream, [_ENTRIES], parser), root.count, ctx)
        except _Bad as bad:
            raise InputError(bad.problem, file=where, entry=bad.path) from None
        owner_ids = _owner_ids(root.values.get("exported_by"), room)
        title = strip_marks(_str(root.values.get("room_name"))) or "Matrix room"
        participants = sorted({room.name_of(m) for m in room.members})
        owner = next((room.name_of(i) for i in sorted(owner_ids)), None)

        def messages() -> Iterator[ParsedMessage]:
            read = room.messages(Feed(stream, [_ENTRIES], parser), root.count, owner_ids, ctx)
            try:
                yield from in_time_order(read, lambda m: (m.instant, m.position))
            except _Bad as bad:
                raise InputError(bad.problem, file=where, entry=bad.path) from None

        yield ParsedConversation(
            source_format="matrix",
            key=room.room_id or title,
            title=title,
            messages=messages(),
            participants=participants,
            is_group=len(room.members) > 2,
            owner=owner,
            tally=room.tally,
            extra={
                k: root.values[k]
                for k in ("topic", "room_creator", "export_date", "exported_by")
                if isinstance(root.values.get(k), str)
            },
        )


IMPORTER = MatrixImporter()
