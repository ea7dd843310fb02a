"""Splitting mbox bytes into messages in memory, and reading just the headers.

``mailbox.mbox`` needs a path on disk; an mbox inside a zip must never be written out,
so the split is done here, as mail programs write mboxes (RFC 4155 and the mboxo, mboxrd,
mboxcl and mboxcl2 conventions):

- A message starts at a ``From `` line that is followed by a header line and either
  comes after a blank line (Gmail Takeout, Apple Mail) or is a whole envelope line, a
  sender (or Netscape/Thunderbird's ``-``) and an asctime date: Thunderbird writes
  ``From - <date>`` straight after the previous message, with no blank line, and
  splitting only after blank lines silently merged 10 of 29 messages of a real folder.
- A ``Content-Length`` header is honoured when it is consistent, i.e. it ends the
  message exactly at the end of the file or at the next ``From `` line: the body it
  covers is taken whole (mboxcl2 does not quote ``From `` lines in bodies).
- Lines quoted as ``>From `` (mboxrd: ``>>From `` too) lose one ``>``, except in a
  message whose Content-Length covers unquoted ``From `` lines (mboxcl2 quotes nothing).
- A leading byte-order mark and blank lines before the first message are skipped.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email import policy
from email.message import Message
from email.parser import BytesHeaderParser

_FROM_LINE = re.compile(rb"^From [^\n]*\n", re.M)
_STARTS_HEADER = re.compile(rb"[!-9;-~]+:")
QUOTED_FROM = re.compile(rb"^>(>*From )", re.M)
_HEADER_END = re.compile(rb"\r?\n\r?\n")
_MSG_ID = re.compile(r"<[^<>\s]+>")
_ENVELOPE_DATE = re.compile(
    r"(?:\w{3} )?(\w{3}) +(\d{1,2}) (\d\d):(\d\d):(\d\d)(?: [+-]\d{4})?(?: \w{3,5})? (\d{4})"
)
_MONTHS = {
    m: i
    for i, m in enumerate(
        ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], 1
    )
}
# compat32: see email_headers for why headers are not parsed with policy.default.
_HEADERS = BytesHeaderParser(policy=policy.compat32)


_BOM = b"\xef\xbb\xbf"
_ENVELOPE_FROM = re.compile(rb"From [^ \t\r\n]+[ \t]")
_CONTENT_LENGTH = re.compile(rb"^Content-Length:[ \t]*(\d{1,15})[ \t]*\r?$", re.M | re.I)
_BODY_FROM = re.compile(rb"^From ", re.M)


def _lead(data: bytes) -> int:
    """Where the first message may start: after a byte-order mark and blank lines."""
    start = len(_BOM) if data.startswith(_BOM) else 0
    while start < len(data) and data[start] in b"\r\n":
        start += 1
    return start


def looks_like_mbox(head: bytes) -> bool:
    return head.startswith(b"From ", _lead(head))


def _is_separator(data: bytes, at: int, end: int) -> bool:
    """Is the ``From `` line at ``data[at:end]`` (end: after its newline) a separator?"""
    if not _STARTS_HEADER.match(data, end):
        return False  # an unquoted "From " line in a body is followed by more body
    if data[at - 2 : at] == b"\n\n" or data[at - 3 : at] == b"\n\r\n":
        return True
    line = data[at:end]
    return bool(_ENVELOPE_FROM.match(line)) and envelope_date(line) is not None


def _next_separator(data: bytes, start: int) -> int:
    for match in _FROM_LINE.finditer(data, start):
        if _is_separator(data, match.start(), match.end()):
            return match.start()
    return len(data)


def _by_content_length(data: bytes, body_at: int) -> tuple[int, int] | None:
    """(end of message, start of the next) from a consistent Content-Length, else None."""
    found = _HEADER_END.search(data, body_at)
    if not found:
        return None
    length = _CONTENT_LENGTH.search(data, body_at, found.start() + 1)
    if not length:
        return None
    end = found.end() + int(length.group(1))
    if end > len(data):
        return None
    nxt = end
    for _ in range(2):  # the message's last newline and the blank line, in either order
        if data.startswith(b"\r\n", nxt):
            nxt += 2
        elif data.startswith(b"\n", nxt):
            nxt += 1
    if not data[nxt:].strip(b"\r\n"):
        return end, len(data)
    if nxt > 0 and data[nxt - 1 : nxt] != b"\n":
        return None
    line_end = data.find(b"\n", nxt)
    if not data.startswith(b"From ", nxt) or line_end < 0:
        return None
    if not _STARTS_HEADER.match(data, line_end + 1):
        return None
    return end, nxt


@dataclass(frozen=True, slots=True)
class MboxSpan:
    """Where one message lies in an mbox's bytes. Its text is cut out (and unquoted) only
    when read, so a big mbox is held once while its headers are threaded, not twice."""

    source: bytes
    start: int
    end: int
    unquote: bool

    def message(self) -> bytes:
        message = self.source[self.start : self.end]
        if self.unquote and b">From " in message:
            message = QUOTED_FROM.sub(rb"\1", message)
        return message


def mbox_offsets(data: bytes) -> Iterator[tuple[int, int, int, bool]]:
    """(start of the envelope line, start and end of the message, whether its ``>From``
    lines are quoted) for each message of an mbox (see the module)."""
    at = _lead(data)
    if not data.startswith(b"From ", at):
        return
    while at < len(data):
        line_end = data.find(b"\n", at)
        body_at = len(data) if line_end < 0 else line_end + 1
        counted = _by_content_length(data, body_at)
        if counted:
            end, nxt = counted
            quoted = not _BODY_FROM.search(data, body_at, end)
        else:
            nxt = _next_separator(data, body_at)
            end = nxt
            # The blank line before the next "From " belongs to the mbox, not the message.
            if data.endswith(b"\r\n", body_at, nxt):
                end -= 2
            elif data.endswith(b"\n", body_at, nxt):
                end -= 1
            quoted = True
        yield at, body_at, end, quoted
        at = nxt


def mbox_spans(data: bytes) -> Iterator[tuple[bytes, MboxSpan]]:
    """(envelope line, where the message is) for each message of an mbox (see the module)."""
    for at, body_at, end, quoted in mbox_offsets(data):
        yield data[at:body_at].rstrip(b"\r\n"), MboxSpan(data, body_at, end, quoted)


def split_mbox(data: bytes) -> Iterator[tuple[bytes, bytes]]:
    """(envelope line, message bytes) for each message of an mbox (see the module)."""
    for envelope, span in mbox_spans(data):
        yield envelope, span.message()


def envelope_date(envelope: bytes) -> datetime | None:
    """The date on an mbox ``From `` line (asctime, taken as UTC), if it has one."""
    found = _ENVELOPE_DATE.search(envelope.decode("latin-1"))
    if not found:
        return None
    month = _MONTHS.get(found.group(1).lower())
    if month is None:
        return None
    day, hh, mm, ss, year = (int(found.group(i)) for i in (2, 3, 4, 5, 6))
    try:
        return datetime(year, month, day, hh, mm, ss, tzinfo=UTC)
    except ValueError:
        return None


@dataclass
class Head:
    """What threading needs of one message, read from its header block only (held for
    one message at a time: a mailbox is threaded on compact keys, see email_threads)."""

    position: int
    file: str
    entry: str | None
    message_id: str | None
    refs: list[str] = field(default_factory=list)
    subject: str = ""
    when: datetime | None = None  # its Date, else the mbox envelope's


def header_block(message: bytes) -> bytes:
    found = _HEADER_END.search(message)
    return message[: found.end()] if found else message


def parse_headers(message: bytes) -> Message:
    return _HEADERS.parsebytes(header_block(message))


def ids_in(value: str | None) -> list[str]:
    return _MSG_ID.findall(value or "")
