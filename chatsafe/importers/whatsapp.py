"""WhatsApp "Export chat": a ``.txt``, or a zip (Android flat, iOS ``_chat.txt``) with media.

The file's header variant and its day/month order are decided once; then one compiled
pattern finds every header in line-aligned blocks of text, and the text between two
headers is a message's body. A line that starts like a header but is not one (an
impossible date, a pasted agenda line without ``Name: `` that no system rule knows)
stays part of the message it is in. Messages are yielded one by one, never listed.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from chatsafe.domain import EventType, Kind, ParsedAttachment, ParsedConversation, ParsedMessage
from chatsafe.errors import DamagedMemberError, InputError, NotAChatError, UnsafeArchiveError
from chatsafe.importers.base import ImportContext
from chatsafe.importers.whatsapp_header import (
    Clock,
    decide_day_first,
    detect_variant,
    first_header,
    header_regex,
)
from chatsafe.importers.whatsapp_markers import (
    EXACT,
    GROUP_EVENTS,
    MARKS_RE,
    PREFIXES,
    SUFFIXES,
    clean,
    conversation_key,
    decorate,
    event_extra,
    is_chat_name,
    known_event,
    title_from_name,
)
from chatsafe.importers.whatsapp_start import (
    MAX_NAME,
    QUOTE_OR_BRACKET,
    check_first,
    continued,
    first_year,
    is_entry,
    note_lead,
    note_year,
    sender_end,
    truncation,
)
from chatsafe.importers.whatsapp_text import (
    MAX_MESSAGE_CHARS,
    decode_blocks,
    decode_other,
    message_too_long,
)
from chatsafe.media import sniff_mime
from chatsafe.sources import Source

_HEAD_BYTES = 64 * 1024
_MAX_NAME = MAX_NAME
_MESSAGE, _EVENT = Kind.MESSAGE, Kind.EVENT
_MARK_CHARS = "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufeff"


def _head(source: Source, name: str) -> str:
    got = b""
    for block in source.chunks(name):
        got += block
        if len(got) >= _HEAD_BYTES:
            break
    text = got[:_HEAD_BYTES].decode("utf-8", "replace").lstrip("\ufeff")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _looks_like_chat(source: Source, name: str) -> bool:
    return first_header(_head(source, name), is_entry).variant is not None


def find_chat(source: Source) -> str:
    """The one chat text in ``source``; InputError when there is none or more than one."""
    names = source.names()
    if source.kind == "file":
        return names[0]
    named = [n for n in names if is_chat_name(n)]
    if not named:
        named = [n for n in names if n.lower().endswith(".txt") and _looks_like_chat(source, n)]
    if not named:
        raise NotAChatError(
            "holds no WhatsApp chat text (_chat.txt or 'WhatsApp Chat with ….txt')",
            file=source.display,
        )
    if len(named) > 1:
        listed = ", ".join(sorted(named)[:5])
        raise InputError(
            f"holds {len(named)} chat texts ({listed}); export one chat per archive",
            file=source.display,
        )
    return named[0]


def _title(source: Source, chat: str) -> str:
    title = title_from_name(chat)
    if title is None or source.kind != "file" and not is_chat_name(chat):
        title = title_from_name(source.path.name) or title
    return title or source.path.stem


class WhatsAppImporter:
    name = "whatsapp"
    label = "WhatsApp"
    description = "WhatsApp 'Export chat': the .txt, or the zip with media (Android and iOS)"

    def sniff(self, source: Source) -> int:
        try:
            if source.kind == "file":
                name = source.names()[0]
                if not name.lower().endswith(".txt") or not _looks_like_chat(source, name):
                    return 0
                return 90 if is_chat_name(name) else 80
            chat = find_chat(source)
            if not _looks_like_chat(source, chat):
                return 0
            return 95 if is_chat_name(chat) else 85
        except (UnsafeArchiveError, DamagedMemberError):
            raise  # the input is refused (e.g. a lying size): detection names the reason
        except (InputError, OSError):
            return 0

    def parse(self, source: Source, ctx: ImportContext) -> Iterator[ParsedConversation]:
        chat = find_chat(source)
        where = source.where(chat)
        size = source.size(chat)

        def blocks() -> Iterator[str]:
            # Streamed each time it is called: the text is read two or three times
            # (variant, day/month order, years) and never held whole.
            if ctx.encoding:
                return decode_other(source.chunks(chat), where, ctx.encoding)
            return decode_blocks(source.chunks(chat), where)

        first = first_header(next(blocks(), ""), is_entry)
        variant = first.variant
        if variant is None:
            raise NotAChatError(
                "does not begin with a WhatsApp message header; not a WhatsApp chat export",
                file=where,
                line=first.line or 1,
            )
        rx = header_regex(variant)
        check_first(first, rx, where)
        day_first = decide_day_first(
            (m.group("d") for block in blocks() for m in rx.finditer(block)), variant
        )
        title = _title(source, chat)
        conv = ParsedConversation(
            source_format=self.name,
            key=conversation_key(title),
            title=title,
            messages=[],
            owner=ctx.owner,
            extra={"variant": variant.label, "day_first": day_first, "file": chat},
        )
        clock = Clock(variant, day_first)
        if not variant.has_year:
            clock.year, why = first_year(source, chat, ctx, blocks(), rx, clock)
            note_year(conv, clock.year, why)
        note_lead(conv, first)
        media = {n.rsplit("/", 1)[-1]: n for n in source.names() if n != chat}
        reader = _Reader(source, media, ctx, where, conv)
        reader.lead = {n for n, _ in first.lead}
        conv.messages = reader.messages(blocks(), clock, size)
        yield conv


class _Reader:
    """Holds what the message loop needs; the loop itself is one generator."""

    def __init__(
        self,
        source: Source,
        media: dict[str, str],
        ctx: ImportContext,
        where: str,
        conv: ParsedConversation,
    ) -> None:
        self.source = source
        self.media = media
        # Names compared without case and without direction marks: an RTL phone may
        # write marks into the name in the text but not into the file's name, or back.
        self.folded = {clean(k).casefold(): v for k, v in media.items()}
        self.ctx = ctx
        self.where = where
        self.conv = conv
        self.owner = clean(ctx.owner).strip().casefold() if ctx.owner else None
        self.senders: dict[str, tuple[str, bool | None]] = {}
        self.seen: set[str] = set()
        self.events = 0
        self.first_event: EventType | None = None  # the first entry's, when it is an event
        self.lead: set[int] = set()  # line numbers of non-chat lines before the first header

    def resolve(self, name: str) -> ParsedAttachment:
        member = self.media.get(name) or self.folded.get(clean(name).casefold())
        if member is None:
            return ParsedAttachment(name, sniff_mime(b"", name), None)
        data = self.source.read(member)
        return ParsedAttachment(name, sniff_mime(data, name), data)

    def event(self, pos: int, wall: str, raw: str, body: str) -> ParsedMessage:
        """A system line printed without ``Name: ``."""
        text = clean(body.rstrip("\n"))
        event_type = known_event(text) or EventType.OTHER
        msg = ParsedMessage(pos, _EVENT, None, wall, text, None, raw, event_type)
        self.events += 1
        if not pos:
            self.first_event = event_type
        extra = event_extra(event_type, text)
        if extra:
            msg.extra.update(extra)
        if event_type in GROUP_EVENTS:
            self.conv.is_group = True
        return msg

    def decorated(self, msg: ParsedMessage, lrm: bool) -> ParsedMessage:
        """The slow path: a body that may hold a marker."""
        from_owner = msg.from_owner
        decorate(msg, msg.text, lrm, self.resolve)
        if msg.kind is _EVENT:
            self.events += 1
            if not msg.position:
                self.first_event = msg.event_type
            msg.from_owner = None if msg.sender is None else from_owner
            if msg.event_type in GROUP_EVENTS:
                self.conv.is_group = True
        return msg

    def new_sender(self, raw: str) -> tuple[str, bool | None]:
        name = clean(raw).strip()
        info = (name, None if self.owner is None else name.casefold() == self.owner)
        self.senders[raw] = info
        return info

    def participant(self, name: str) -> None:
        self.seen.add(name)
        self.conv.participants.append(name)
        if len(self.seen) > 2:
            self.conv.is_group = True

    def messages(self, blocks: Iterable[str], clock: Clock, total: int) -> Iterator[ParsedMessage]:
        """Every entry of the chat, in file order.

        This loop runs once per message, so it binds what it uses to locals and keeps
        plain text on a short path; anything that may hold a marker goes to
        :meth:`decorated`.
        """
        ctx, event, decorated, new_sender = self.ctx, self.event, self.decorated, self.new_sender
        senders, seen, participant = self.senders, self.seen, self.participant
        rx = header_regex(clock.variant)
        di, ti = rx.groupindex["d"], rx.groupindex["t"]
        dates, times = clock._dates, clock._times
        marks_sub, exact = MARKS_RE.sub, EXACT
        pos = 0
        done = 0
        lines_done = 0  # line ends before the current block, for refusals only
        held = 0  # characters of a message that spans blocks, and the line it starts on
        msg_line = 0
        have = False
        name: str | None = None
        wall = raw = ""
        parts: list[str] = []
        body = ""
        for block in blocks:
            # Most Android exports hold no marks at all: then no body needs cleaning.
            marked = any(c in block for c in _MARK_CHARS)
            start = 0
            for m in rx.finditer(block):
                raw_dt, d, t = m.group(1, di, ti)
                day = dates.get(d)
                if day is None:
                    day = clock.date(d)
                tm = times.get(t)
                if tm is None:
                    tm = clock.time(t)
                if not day or not tm:
                    continue  # cannot be a header: part of the message it is in
                hs = m.end()
                eol = block.find("\n", hs)
                if eol < 0:
                    eol = len(block)
                ci = block.find(": ", hs, eol)
                who: str | None = None
                if ci > hs:
                    who = block[hs:ci]
                    if len(who) > _MAX_NAME or QUOTE_OR_BRACKET.search(who):
                        ci = sender_end(block[hs:eol])
                        who = None if ci < 0 else block[hs : hs + ci]
                        ci += hs
                if who is None:
                    if have and continued(block[hs:eol]):
                        continue
                    body_start = hs
                else:
                    body_start = ci + 2
                if have:
                    if parts:
                        parts.append(block[start : m.start()])
                        body = "".join(parts).rstrip("\n")
                        parts = []
                    else:
                        body = block[start : m.start() - 1]
                        if body.endswith("\n"):
                            body = body.rstrip("\n")
                        msg_line = 0
                    if len(body) > MAX_MESSAGE_CHARS:
                        line = msg_line or lines_done + block.count("\n", 0, start) + 1
                        raise message_too_long(self.where, line)
                    if name is None:
                        yield event(pos, wall, raw, body)
                    else:
                        info = senders.get(name) or new_sender(name)
                        lrm = False
                        if marked:
                            lrm = body.startswith("\u200e")
                            body = marks_sub("", body)
                        msg = ParsedMessage(pos, _MESSAGE, info[0], wall, body, None, raw)
                        msg.from_owner = info[1]
                        if (
                            lrm
                            or body in exact
                            or "<" in body
                            or "(" in body
                            or "maps.google.com/" in body
                            or body.startswith(PREFIXES)
                            or body.endswith(SUFFIXES)
                        ):
                            msg = decorated(msg, lrm)
                        if msg.sender not in seen and msg.sender is not None:
                            participant(msg.sender)
                        yield msg
                    pos += 1
                    if not pos & 4095:
                        ctx.check_cancel()
                        ctx.progress(done + m.start(), total)
                else:
                    self._check_lead(block[: m.start()], block)
                    have = True
                name, wall, raw, start = who, f"{day}T{tm}", raw_dt, body_start
            if have:
                if not parts:
                    msg_line, held = lines_done + block.count("\n", 0, start) + 1, 0
                parts.append(block[start:])
                held += len(block) - start
                if held > MAX_MESSAGE_CHARS:  # refused before it grows any further
                    raise message_too_long(self.where, msg_line)
            elif block.strip():
                self._check_lead(block, block)
            done += len(block)
            lines_done += block.count("\n")
            ctx.check_cancel()
        if not have:
            raise NotAChatError("holds no WhatsApp message with a valid date", file=self.where)
        body = "".join(parts).rstrip("\n")
        if len(body) > MAX_MESSAGE_CHARS:
            raise message_too_long(self.where, msg_line)
        if name is None:
            yield event(pos, wall, raw, body)
        else:
            info = senders.get(name) or new_sender(name)
            lrm = body.startswith("\u200e")
            msg = ParsedMessage(pos, _MESSAGE, info[0], wall, marks_sub("", body), None, raw)
            msg.from_owner = info[1]
            msg = decorated(msg, lrm)
            if msg.sender not in seen and msg.sender is not None:
                participant(msg.sender)
            yield msg
        self.conv.extra["possibly_truncated"] = truncation(pos + 1, self.events, self.first_event)
        ctx.progress(total, total)

    def _check_lead(self, lead: str, block: str) -> None:
        """Text before the first valid header would be lost: refuse the file, unless it
        is the few non-chat lines (a title, a page number) the import reports."""
        for number, line in enumerate(lead.split("\n"), start=1):
            if not MARKS_RE.sub("", line).strip():
                continue
            if number not in self.lead or detect_variant(line) is not None:
                raise InputError(
                    "begins with a line that is not a valid WhatsApp header (impossible date?)",
                    file=self.where,
                    line=number,
                )


IMPORTER = WhatsAppImporter()

__all__: list[Any] = ["IMPORTER", "WhatsAppImporter", "find_chat"]
