"""Private e-mail: mbox (Gmail Takeout, Apple Mail) and .eml files, as threads.

Two passes over bytes held in memory, never written to disk: first the header block of
every message (Message-ID, In-Reply-To, References, Subject, Date) to build threads,
then each thread's messages are parsed in full as the conversation is consumed, so a
large mailbox is not held twice.
"""

from __future__ import annotations

import hashlib
import re
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
    Head,
    MboxSpan,
    envelope_date,
    ids_in,
    looks_like_mbox,
    mbox_spans,
    parse_headers,
)
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


@dataclass
class _Raw:
    head: Head
    # An mbox message is kept as its place in the file's bytes (held once for threading),
    # an .eml file as its bytes.
    where: MboxSpan | bytes
    envelope: bytes
    has_prefix: bool

    @property
    def data(self) -> bytes:
        return self.where if isinstance(self.where, bytes) else self.where.message()


class _Threads:
    """Union-find over Message-IDs, References and reply subjects."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, node: str) -> str:
        root = node
        while self.parent.setdefault(root, root) != root:
            root = self.parent[root]
        while self.parent[node] != root:
            self.parent[node], node = root, self.parent[node]
        return root

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def _group(raws: list[_Raw]) -> list[list[_Raw]]:
    threads = _Threads()
    anchors: dict[str, str] = {}
    for raw in raws:
        node = f"#{raw.head.position}"
        threads.find(node)
        if raw.head.message_id:
            threads.union(node, raw.head.message_id)
        for ref in raw.head.refs:
            threads.union(node, ref)
        subject = normal_subject(raw.head.subject).casefold()
        if subject and not raw.head.refs and not raw.has_prefix:
            anchors.setdefault(subject, node)
    # Replies that lost their references join the first thread with the same subject.
    for raw in raws:
        subject = normal_subject(raw.head.subject).casefold()
        if subject and raw.has_prefix and not raw.head.refs and subject in anchors:
            threads.union(f"#{raw.head.position}", anchors[subject])
    groups: dict[str, list[_Raw]] = {}
    for raw in raws:
        groups.setdefault(threads.find(f"#{raw.head.position}"), []).append(raw)
    ordered = sorted(groups.values(), key=lambda g: min(r.head.position for r in g))
    for group in ordered:
        group.sort(key=lambda r: (r.head.sort_key, r.head.position))
    return ordered


def _thread_key(group: list[_Raw]) -> str:
    roots = [r for r in group if not r.head.refs and r.head.message_id]
    if roots:
        return (
            min(
                roots, key=lambda r: (r.has_prefix, r.head.sort_key, r.head.position)
            ).head.message_id
            or ""
        )
    with_refs = [r for r in group if r.head.refs]
    if with_refs:
        return min(with_refs, key=lambda r: (r.head.sort_key, r.head.position)).head.refs[0]
    first = group[0]
    subject = normal_subject(first.head.subject)
    if subject:
        return f"subject:{subject.casefold()}"
    return "message:" + hashlib.sha256(first.data[:4096]).hexdigest()[:32]


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


class _Reader:
    def __init__(self, source: Source, ctx: ImportContext, tz: ZoneInfo) -> None:
        self.source = source
        self.ctx = ctx
        self.tz = tz

    def collect(self) -> list[_Raw]:
        raws: list[_Raw] = []
        names = self._names()
        if not names:
            raise NotAChatError("no e-mail (mbox or .eml) found", file=self.source.display)
        for name, kind in names:
            data = self.source.read(name)
            where = self.source.where(name)
            if kind == "mbox":
                if not looks_like_mbox(data[:64]):
                    raise InputError("not an mbox (it does not start with 'From ')", file=where)
                for number, (envelope, span) in enumerate(mbox_spans(data), 1):
                    entry = f"message {number}"
                    raws.append(self._head(span.message(), envelope, where, entry, len(raws), span))
                    if len(raws) % 1000 == 0:
                        self.ctx.check_cancel()
            else:
                raws.append(self._head(data, b"", where, None, len(raws)))
        return raws

    def _names(self) -> list[tuple[str, str]]:
        if isinstance(self.source, FileSource):
            name = self.source.names()[0]
            head = _head(self.source, name)
            if looks_like_mbox(head):
                return [(name, "mbox")]
            return [(name, "eml")] if _looks_like_eml(head) else []
        found = [(n, _kind_of(n)) for n in sorted(self.source.names())]
        return [(n, k) for n, k in found if k]

    def _head(
        self,
        data: bytes,
        envelope: bytes,
        where: str,
        entry: str | None,
        pos: int,
        span: MboxSpan | None = None,
    ) -> _Raw:
        try:
            headers = Headers(parse_headers(data))
            mid = ids_in(headers.raw("Message-ID"))
            refs = ids_in(headers.raw("References")) + ids_in(headers.raw("In-Reply-To"))
            subject = headers.text("Subject") or ""
            when, _ = _date(headers)
        except ChatsafeError:
            raise
        except Exception as exc:  # the email package raises many types on broken headers
            raise InputError(
                f"unreadable headers ({type(exc).__name__})", file=where, entry=entry
            ) from None
        when = when or envelope_date(envelope)
        sort_key = (0, when.timestamp()) if when else (1, 0.0)
        head = Head(
            pos, where, entry, mid[0] if mid else None, list(dict.fromkeys(refs)), subject, sort_key
        )
        return _Raw(head, span or data, envelope, bool(_PREFIX.match(subject)))

    def message(self, raw: _Raw) -> tuple[ParsedMessage, list[str]]:
        head = raw.head
        try:
            msg = _PARSER.parsebytes(raw.data)
            return self._convert(msg, raw)
        except ChatsafeError:
            raise
        except Exception as exc:  # broken MIME: name the place, never crash
            raise InputError(
                f"unreadable message ({type(exc).__name__})", file=head.file, entry=head.entry
            ) from None

    def _convert(self, msg: Message, raw: _Raw) -> tuple[ParsedMessage, list[str]]:
        head = raw.head
        headers = Headers(msg)
        instant, date_raw = _date(headers)
        extra: dict[str, Any] = {}
        if instant is None:
            instant = envelope_date(raw.envelope)
        if instant is None:
            extra["date_missing"] = True
        try:
            wallclock = wallclock_of(instant, self.tz) if instant else "1970-01-01T00:00:00"
        except (OverflowError, ValueError):
            instant, wallclock = None, "1970-01-01T00:00:00"
            extra["date_missing"] = True
        senders = headers.addresses("From")
        sender = _who(senders[0]) if senders else (strip_marks(headers.text("From") or "") or None)
        text, body = body_text(msg, head.file, head.entry, self.ctx.encoding)
        kept = {h: headers.text(h) for h in _KEPT_HEADERS}
        extra["headers"] = {h: v for h, v in kept.items() if v is not None}
        people = [_who(a) for h in ("From", "To", "Cc") for a in headers.addresses(h)]
        out = ParsedMessage(
            position=head.position,
            kind=Kind.MESSAGE,
            sender=sender,
            wallclock=wallclock,
            text=strip_marks(text).strip("\n"),
            instant=instant,
            wallclock_raw=date_raw,
            from_owner=self._from_owner(headers, senders),
            reply_to=(head.refs[-1] if head.refs else None),
            source_id=head.message_id,
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
        groups = _group(reader.collect())
        total = sum(len(g) for g in groups)
        done = [0]
        for group in groups:
            title = normal_subject(group[0].head.subject) or "(no subject)"
            conv = ParsedConversation(
                source_format="email",
                key=_thread_key(group),
                title=strip_marks(title),
                messages=[],
            )
            conv.messages = self._messages(reader, group, conv, ctx, done, total)
            yield conv
        ctx.progress(total, total)

    @staticmethod
    def _messages(
        reader: _Reader,
        group: list[_Raw],
        conv: ParsedConversation,
        ctx: ImportContext,
        done: list[int],
        total: int,
    ) -> Iterator[ParsedMessage]:
        """A thread's messages decoded one at a time (bodies, attachments): a long thread
        is not held decoded whole. Participants are complete once all are read."""
        participants = conv.participants
        for raw in group:
            one, people = reader.message(raw)
            participants.extend(p for p in people if p not in participants)
            done[0] += 1
            if done[0] % 500 == 0:
                ctx.check_cancel()
                ctx.progress(done[0], total)
            yield one
        conv.is_group = len(participants) > 2


IMPORTER = EmailImporter()
