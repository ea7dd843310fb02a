"""Splitting mbox bytes into messages in memory, and reading just the headers.

``mailbox.mbox`` needs a path on disk; an mbox inside a zip must never be written out,
so the split is done here. A message starts at a line beginning ``From `` at the start
of the file or after a blank line (Gmail Takeout and Apple Mail both write the blank
line). Lines quoted as ``>From `` (mboxrd: ``>>From `` too) lose one ``>``.
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
_QUOTED_FROM = re.compile(rb"^>(>*From )", re.M)
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


def looks_like_mbox(head: bytes) -> bool:
    return head.lstrip(b"\r\n").startswith(b"From ")


def split_mbox(data: bytes) -> Iterator[tuple[bytes, bytes]]:
    """(envelope line, message bytes) for each message of an mbox."""
    starts: list[tuple[int, int]] = []
    lead = len(data) - len(data.lstrip(b"\r\n"))
    for match in _FROM_LINE.finditer(data, lead):
        at = match.start()
        if at == lead:
            starts.append((at, match.end()))
        elif data[at - 2 : at] == b"\n\n" or data[at - 3 : at] == b"\n\r\n":
            # An unquoted "From " line in a body is only a separator if headers follow.
            if _STARTS_HEADER.match(data, match.end()):
                starts.append((at, match.end()))
    for i, (at, body_at) in enumerate(starts):
        end = starts[i + 1][0] if i + 1 < len(starts) else len(data)
        message = data[body_at:end]
        # The blank line before the next "From " belongs to the mbox, not the message.
        if message.endswith(b"\r\n"):
            message = message[:-2]
        elif message.endswith(b"\n"):
            message = message[:-1]
        if b">From " in message:
            message = _QUOTED_FROM.sub(rb"\1", message)
        yield data[at:body_at].rstrip(b"\r\n"), message


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
    """What threading needs of one message, read from its header block only."""

    position: int
    file: str
    entry: str | None
    message_id: str | None
    refs: list[str] = field(default_factory=list)
    subject: str = ""
    sort_key: tuple[int, float] = (1, 0.0)


def header_block(message: bytes) -> bytes:
    found = _HEADER_END.search(message)
    return message[: found.end()] if found else message


def parse_headers(message: bytes) -> Message:
    return _HEADERS.parsebytes(header_block(message))


def ids_in(value: str | None) -> list[str]:
    return _MSG_ID.findall(value or "")
