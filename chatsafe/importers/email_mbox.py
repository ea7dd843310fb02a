"""Private e-mail: mbox (Gmail Takeout, Apple Mail) and .eml files, as threads.

Two passes over bytes held in memory, never written to disk: first the header block of
every message (Message-ID, In-Reply-To, References, Subject, Date) to build threads on
compact keys (email_threads), keeping only where each message lies; then each thread's
messages are read again from there and parsed in full as the conversation is consumed,
so a large mailbox is held about once, not twice.
"""

from __future__ import annotations

import hashlib
import re
from array import array
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from email import policy
from email.message import Message
from email.parser import BytesParser
from email.utils import parsedate_to_datetime
from pathlib import PurePosixPath
from typing import Any
from zoneinfo import ZoneInfo

from chatsafe.domain import Kind, ParsedConversation, ParsedMessage
from chatsafe.errors import ChatsafeError, InputError, NotAChatError
from chatsafe.importers.base import ImportContext
from chatsafe.importers.email_body import attachments, body_text
from chatsafe.importers.email_headers import Headers
from chatsafe.importers.email_split import (
    QUOTED_FROM,
    Head,
    envelope_date,
    ids_in,
    looks_like_mbox,
    mbox_offsets,
    parse_headers,
)
from chatsafe.importers.email_threads import DATED, HAS_ID, PREFIX, REFS, ThreadIndex
from chatsafe.importers.normalize import strip_marks, wallclock_of, zone
from chatsafe.sources import FileSource, Source

_PREFIX = re.compile(r"^\s*((re|fwd?|aw|wg|antw|doorst|sv|vs|tr|rv)(\[\d+\])?\s*:\s*)+", re.I)
_HEADER_LINE = re.compile(rb"^[!-9;-~]+:[ \t]?", re.M)
_KNOWN = (b"from:", b"date:", b"subject:", b"message-id:", b"to:", b"received:",
          b"return-path:", b"mime-version:", b"delivered-to:")  # fmt: skip
_PARSER = BytesParser(policy=policy.compat32)  # see email_headers
_KEPT_HEADERS = ("From", "To", "Cc", "Date", "Subject", "Message-ID", "In-Reply-To", "References")


def normal_subject(subject: str) -> str:
    """The subject without Re:/Fwd:/AW:/Antw:/Doorst: prefixes, spaces collapsed."""
    return " ".join(_PREFIX.sub("", subject).split())


def _kind_of(name: str) -> str | None:
    lower = PurePosixPath(name).name.lower()
    if lower.endswith(".eml"):
        return "eml"
    if lower.endswith(".mbox") or lower == "mbox":
        return "mbox"
    return None


def _looks_like_eml(head: bytes) -> bool:
    first = head.lstrip(b"\r\n")[:4096]
    if not _HEADER_LINE.match(first):
        return False
    block = first.split(b"\n\n", 1)[0].lower()
    return sum(1 for h in _KNOWN if block.startswith(h) or b"\n" + h in block) >= 2


def _head(source: Source, name: str) -> bytes:
    for block in source.chunks(name):
        return block[:4096]
    return b""


def _ids(headers: Headers) -> tuple[str | None, list[str]]:
    """The Message-ID, and References then In-Reply-To without repeats."""
    mid = ids_in(headers.raw("Message-ID"))
    refs = ids_in(headers.raw("References")) + ids_in(headers.raw("In-Reply-To"))
    return (mid[0] if mid else None), list(dict.fromkeys(refs))


def _date(headers: Headers) -> tuple[datetime | None, str | None]:
    text = headers.raw("Date")
    if text is None:
        return None, None
    try:
        when = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None, text
    if when.tzinfo is None:  # "-0000": UTC with the sender's zone unknown
        when = when.replace(tzinfo=UTC)
    try:
        when = when.astimezone(UTC)
    except (OverflowError, ValueError):
        return None, text
    # A damaged date outside 1970-2199 is read as no date (the envelope's, if any).
    return (when, text) if 1970 <= when.year < 2200 else (None, text)


def _who(address: tuple[str, str]) -> str:
    return strip_marks(address[0] or address[1])


@dataclass
class _File:
    name: str
    where: str
    data: bytes | None  # an mbox's bytes, held once; an .eml file is read again when built
    first: int  # the number of its first mail


class _Reader:
    """Pass one reads every mail's headers into a :class:`ThreadIndex` and keeps only
    where each mail lies; pass two reads each mail again from there when it is built."""

    def __init__(self, source: Source, ctx: ImportContext, tz: ZoneInfo) -> None:
        self.source = source
        self.ctx = ctx
        self.tz = tz
        self.index = ThreadIndex()
        self.files: list[_File] = []
        self._firsts = array("q")
        # Per mail: the mbox envelope line's start, the message's start and end, quoting.
        self._envelope = array("q")
        self._start = array("q")
        self._end = array("q")
        self._unquote = bytearray()

    def collect(self) -> ThreadIndex:
        names = self._names()
        if not names:
            raise NotAChatError("no e-mail (mbox or .eml) found", file=self.source.display)
        for name, kind in names:
            data = self.source.read(name)
            where = self.source.where(name)
            self._firsts.append(len(self.index))
            if kind == "mbox":
                if not looks_like_mbox(data[:64]):
                    raise InputError("not an mbox (it does not start with 'From ')", file=where)
                self.files.append(_File(name, where, data, len(self.index)))
                for at, start, end, quoted in mbox_offsets(data):
                    self._envelope.append(at)
                    self._start.append(start)
                    self._end.append(end)
                    self._unquote.append(quoted)
                    self._add(len(self.index))
                    if len(self.index) % 1000 == 0:
                        self.ctx.check_cancel()
            else:
                self.files.append(_File(name, where, None, len(self.index)))
                for array_ in (self._envelope, self._start, self._end):
                    array_.append(-1)
                self._unquote.append(False)
                self._add(len(self.index), data)
        return self.index

    def _add(self, mail: int, data: bytes | None = None) -> None:
        head = self.head(mail, data)
        flags = (PREFIX if _PREFIX.match(head.subject) else 0) | (DATED if head.when else 0)
        subject = normal_subject(head.subject).casefold()
        when = head.when.timestamp() if head.when else 0.0
        self.index.add(head.message_id, head.refs, subject, flags, when)

    def _names(self) -> list[tuple[str, str]]:
        if isinstance(self.source, FileSource):
            name = self.source.names()[0]
            head = _head(self.source, name)
            if looks_like_mbox(head):
                return [(name, "mbox")]
            return [(name, "eml")] if _looks_like_eml(head) else []
        found = [(n, _kind_of(n)) for n in sorted(self.source.names())]
        return [(n, k) for n, k in found if k]

    def _file(self, mail: int) -> _File:
        return self.files[bisect_right(self._firsts, mail) - 1]

    def raw(self, mail: int) -> tuple[bytes, bytes]:
        """(envelope line, message bytes) of one mail, read again from its file."""
        file = self._file(mail)
        if file.data is None:
            return b"", self.source.read(file.name)
        data, start = file.data, self._start[mail]
        envelope = data[self._envelope[mail] : start].rstrip(b"\r\n")
        message = data[start : self._end[mail]]
        if self._unquote[mail] and b">From " in message:
            message = QUOTED_FROM.sub(rb"\1", message)
        return envelope, message

    def _place(self, mail: int) -> tuple[str, str | None]:
        file = self._file(mail)
        return file.where, (f"message {mail - file.first + 1}" if file.data is not None else None)

    def head(self, mail: int, data: bytes | None = None) -> Head:
        """What threading needs of one mail, from its header block."""
        envelope, message = (b"", data) if data is not None else self.raw(mail)
        where, entry = self._place(mail)
        try:
            headers = Headers(parse_headers(message))
            mid, refs = _ids(headers)
            subject = headers.text("Subject") or ""
            when, _ = _date(headers)
        except ChatsafeError:
            raise
        except Exception as exc:  # the email package raises many types on broken headers
            raise InputError(
                f"unreadable headers ({type(exc).__name__})", file=where, entry=entry
            ) from None
        return Head(mail, where, entry, mid, refs, subject, when or envelope_date(envelope))

    def thread_key(self, thread: array[int], first: Head) -> str:
        """The conversation's key: its root's Message-ID, else the first reference, else
        the subject, else a hash of the first mail."""
        index = self.index
        roots = [m for m in thread if index.flags[m] & (REFS | HAS_ID) == HAS_ID]
        if roots:
            best = min(roots, key=lambda m: (index.flags[m] & PREFIX, index.sort_key(m)))
            return self.head(best).message_id or ""
        with_refs = [m for m in thread if index.flags[m] & REFS]
        if with_refs:
            return self.head(min(with_refs, key=index.sort_key)).refs[0]
        subject = normal_subject(first.subject)
        if subject:
            return f"subject:{subject.casefold()}"
        return "message:" + hashlib.sha256(self.raw(thread[0])[1][:4096]).hexdigest()[:32]

    def message(self, mail: int) -> tuple[ParsedMessage, list[str]]:
        envelope, data = self.raw(mail)
        where, entry = self._place(mail)
        try:
            msg = _PARSER.parsebytes(data)
            return self._convert(msg, envelope, mail, where, entry)
        except ChatsafeError:
            raise
        except Exception as exc:  # broken MIME: name the place, never crash
            raise InputError(
                f"unreadable message ({type(exc).__name__})", file=where, entry=entry
            ) from None

    def _convert(
        self, msg: Message, envelope: bytes, mail: int, where: str, entry: str | None
    ) -> tuple[ParsedMessage, list[str]]:
        headers = Headers(msg)
        message_id, refs = _ids(headers)
        instant, date_raw = _date(headers)
        extra: dict[str, Any] = {}
        if instant is None:
            instant = envelope_date(envelope)
        if instant is None:
            extra["date_missing"] = True
        try:
            wallclock = wallclock_of(instant, self.tz) if instant else "1970-01-01T00:00:00"
        except (OverflowError, ValueError):
            instant, wallclock = None, "1970-01-01T00:00:00"
            extra["date_missing"] = True
        senders = headers.addresses("From")
        sender = _who(senders[0]) if senders else (strip_marks(headers.text("From") or "") or None)
        text, body = body_text(msg, where, entry, self.ctx.encoding)
        kept = {h: headers.text(h) for h in _KEPT_HEADERS}
        extra["headers"] = {h: v for h, v in kept.items() if v is not None}
        people = [_who(a) for h in ("From", "To", "Cc") for a in headers.addresses(h)]
        out = ParsedMessage(
            position=mail,
            kind=Kind.MESSAGE,
            sender=sender,
            wallclock=wallclock,
            text=strip_marks(text).strip("\n"),
            instant=instant,
            wallclock_raw=date_raw,
            from_owner=self._from_owner(headers, senders),
            reply_to=(refs[-1] if refs else None),
            source_id=message_id,
            attachments=attachments(msg, body),
            extra=extra,
        )
        return out, people

    def _from_owner(self, headers: Headers, senders: list[tuple[str, str]]) -> bool | None:
        owner = (self.ctx.owner or "").strip().casefold()
        if "@" in owner and senders:
            return senders[0][1].casefold() == owner
        labels = headers.text("X-Gmail-Labels") or ""
        if "Sent" in [label.strip() for label in labels.split(",")]:
            return True
        return None


class EmailImporter:
    name = "email"
    label = "E-mail (mbox, .eml)"
    description = "Mailboxes (mbox from Gmail Takeout or Apple Mail) and .eml files or folders"

    def sniff(self, source: Source) -> int:
        if isinstance(source, FileSource):
            head = _head(source, source.names()[0])
            if looks_like_mbox(head) and _HEADER_LINE.search(head):
                return 90 if source.path.suffix.lower() == ".mbox" else 80
            if _looks_like_eml(head):
                return 85 if source.path.suffix.lower() == ".eml" else 70
            return 0
        names = source.names()
        kinds = [k for k in map(_kind_of, names) if k]
        if "mbox" in kinds:
            return 85
        # A few .eml files among media are attachments of another export, not a mailbox.
        if kinds and len(kinds) * 2 >= len(names):
            return 85
        return 30 if kinds else 0

    def parse(self, source: Source, ctx: ImportContext) -> Iterator[ParsedConversation]:
        reader = _Reader(source, ctx, zone(ctx.time_zone))
        index = reader.collect()
        total = len(index)
        done = [0]
        for thread in index.threads(ctx.check_cancel):
            first = reader.head(thread[0])
            conv = ParsedConversation(
                source_format="email",
                key=reader.thread_key(thread, first),
                title=strip_marks(normal_subject(first.subject) or "(no subject)"),
                messages=[],
            )
            conv.messages = self._messages(reader, thread, conv, ctx, done, total)
            yield conv
        ctx.progress(total, total)

    @staticmethod
    def _messages(
        reader: _Reader,
        thread: array[int],
        conv: ParsedConversation,
        ctx: ImportContext,
        done: list[int],
        total: int,
    ) -> Iterator[ParsedMessage]:
        """A thread's messages decoded one at a time (bodies, attachments): a long thread
        is not held decoded whole. Participants are complete once all are read."""
        participants = conv.participants
        for mail in thread:
            one, people = reader.message(mail)
            participants.extend(p for p in people if p not in participants)
            done[0] += 1
            if done[0] % 500 == 0:
                ctx.check_cancel()
                ctx.progress(done[0], total)
            yield one
        conv.is_group = len(participants) > 2


IMPORTER = EmailImporter()
