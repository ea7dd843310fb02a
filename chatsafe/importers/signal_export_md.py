"""signal-export's ``chat.md`` (and 1.x's ``index.md``), read as a stream of entries.

A message starts at a line ``[YYYY-MM-DD HH:MM:SS] Name: text``; the lines after it up to
the next such line are its text, with its quote (``> `` lines), reactions (``(- … -)``),
media links and sticker. The file is read in line-aligned blocks and one entry is held
at a time, with the WhatsApp text reader's limits: a line over MAX_LINE_BYTES or a
message over MAX_MESSAGE_CHARS is refused at its line before it grows further (issue
12: a chat.md of gigabytes was read whole).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from chatsafe.errors import InputError
from chatsafe.importers.whatsapp_text import (
    MAX_LINE_BYTES,
    MAX_MESSAGE_CHARS,
    TooLongError,
    decode_blocks,
    decode_other,
)
from chatsafe.sources import Source

# signal-export 2 writes seconds; 1.x (index.md) wrote minutes, some versions after a comma.
HEADER = re.compile(r"\[(\d{4}-\d{2}-\d{2}),? (\d{2}:\d{2})(:\d{2})?\] ([^\n]*?):(?: |\Z)(.*)")
DELETED = "(This message was deleted)"
_LINK = re.compile(r"(!?)\[([^\]\n]*)\]\((\./media/[^)\s]+|media/[^)\s]+)\)")
_STICKER_LINK = re.compile(r"\[([^\]\n]*)\]\(\.\./exported_stickers/[^)\s]*\)")
_STICKER_TEXT = re.compile(r"\n\(\( (.*) \)\)\s*\Z")
_REACTIONS = re.compile(r"\n\(- (.*) -\)")
_QUOTE = re.compile(r"\A\n\n((?:> [^\n]*\n?)+)\n")


@dataclass
class Entry:
    """One exported message, whichever file it came from."""

    line: int
    stamp: str  # YYYY-MM-DD HH:MM:SS, local
    sender: str
    body: str
    quote: str = ""
    attachments: list[tuple[str, str]] = field(default_factory=list)  # (name, path)
    reactions: list[tuple[str, str]] = field(default_factory=list)
    sticker: str = ""
    deleted: bool = False
    call: bool = False


def _split_reactions(text: str) -> tuple[str, list[tuple[str, str]]]:
    found: list[tuple[str, str]] = []
    for group in _REACTIONS.findall(text):
        for item in group.split(", "):
            who, _, emoji = item.rpartition(": ")
            if who:
                found.append((who, emoji))
    return _REACTIONS.sub("", text), found


def markdown_lines(
    source: Source, member: str, where: str, encoding: str | None
) -> Iterator[tuple[int, str]]:
    """(line number, line) of chat.md, as ``text.split("\\n")`` of the whole text would
    give them, read in line-aligned blocks with the WhatsApp reader's line limit: a chat
    of gigabytes is never held whole (issue 12)."""
    chunks = source.chunks(member)
    blocks = decode_other(chunks, where, encoding) if encoding else decode_blocks(chunks, where)
    number = 0
    ended = True  # an empty text, or one that ends with a newline, has a last empty line
    try:
        for block in blocks:
            lines = block.split("\n")
            ended = block.endswith("\n")
            if ended:
                lines.pop()
            for line in lines:
                number += 1
                # decode_text dropped a second byte-order mark too (some editors add one).
                yield number, (line[1:] if number == 1 and line.startswith("\ufeff") else line)
    except TooLongError as exc:
        raise TooLongError(
            f"a line longer than {MAX_LINE_BYTES:,} bytes; not a signal-export chat, or a"
            " damaged one",
            file=where,
            line=exc.line,
        ) from None
    if ended:
        yield number + 1, ""


def from_markdown(lines: Iterable[tuple[int, str]], where: str) -> Iterator[Entry]:
    """The entries of chat.md, one held at a time; one longer than the WhatsApp reader
    takes (MAX_MESSAGE_CHARS) is refused at its first line before it grows further."""
    entry: Entry | None = None
    parts: list[str] = []
    held = 0
    for number, line in lines:
        match = HEADER.fullmatch(line)
        if match:
            if entry is not None:
                yield _finish(entry, parts)
            day, minute, second, sender, body = match.groups()
            stamp = f"{day} {minute}{second or ':00'}"
            entry, parts, held = Entry(number, stamp, sender, ""), [body], len(body)
        elif entry is not None:
            parts.append(line)
            held += len(line) + 1
        elif line.strip():
            raise InputError("expected a line like '[YYYY-MM-DD HH:MM:SS] Name: …'",
                             file=where, line=number)  # fmt: skip
        if held > MAX_MESSAGE_CHARS and entry is not None:
            raise TooLongError(
                f"the message that starts here is longer than {MAX_MESSAGE_CHARS:,}"
                " characters; not a signal-export chat, or a damaged one",
                file=where,
                line=entry.line,
            )
    if entry is not None:
        yield _finish(entry, parts)


def _finish(entry: Entry, parts: list[str]) -> Entry:
    """Split an entry's text into its quote, reactions, attachments and sticker."""
    body = "\n".join(parts)
    quote = _QUOTE.match(body)
    if quote:
        entry.quote = "\n".join(q[2:] for q in quote.group(1).rstrip("\n").split("\n"))
        body = body[quote.end() :]
    body, entry.reactions = _split_reactions(body)
    entry.attachments = [(m.group(2), m.group(3)) for m in _LINK.finditer(body)]
    body = _LINK.sub("", body)
    sticker = _STICKER_LINK.search(body) or _STICKER_TEXT.search(body)
    if sticker:
        entry.sticker = sticker.group(1)
        body = body[: sticker.start()] + body[sticker.end() :]
    entry.body = body
    entry.deleted = body.strip() == DELETED and not entry.attachments
    return entry
