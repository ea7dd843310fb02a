"""Signal chats written by the ``signal-export`` tool (sigexport).

One folder per chat, named after the chat, holding ``chat.md``, usually ``data.json``
(the same messages, one JSON object per line: date, sender, body, quote, sticker,
reactions, attachments, deleted, …) and ``media/``. The source is a folder of chat
folders, one chat folder, or a zip of either.

``data.json`` is read when present: it keeps each message's fields apart, where
``chat.md`` runs them together and cannot tell a message that starts with
"[2024-…] Name: " from a new one. Both give the same messages, so an export with and
one without ``data.json`` merge.

Times are the exporting computer's local wall-clock time (no zone): ``instant`` stays
None. Calls are events. Entries with no text, no attachment and not deleted are
artifacts of the export (group and timer changes that signal-export prints without
words, and calls in signal-export 2.0); they are not messages, and nothing says which
they were: each gets a line in the import report (``empty-entry``, with its file and
line) and they are counted in ``conversation.extra["artifacts"]`` with their times in
``extra["artifact_times"]``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from datetime import datetime
from pathlib import PurePosixPath
from typing import Any
from urllib.parse import unquote

from chatsafe.domain import (
    EntryTally,
    EventType,
    Kind,
    ParsedAttachment,
    ParsedConversation,
    ParsedMessage,
)
from chatsafe.errors import InputError
from chatsafe.importers.base import ImportContext
from chatsafe.importers.signal_export_md import (
    DELETED,
    HEADER,
    Entry,
    from_markdown,
    markdown_lines,
)
from chatsafe.importers.whatsapp_text import MAX_LINE_BYTES, TooLongError, decode_blocks
from chatsafe.media import sniff_mime
from chatsafe.sources import Source

NAME = "signal-export"
_CALL = re.compile(r"(?:Incoming|Outgoing|Missed) (?:(?:voice|video) )?call(?: \([^)\n]*\))?")
_INVISIBLE = dict.fromkeys(map(ord, "\u200e\u200f\u202a\u202b\u202c\u202d\u202e"))


_MARKDOWN = ("chat.md", "index.md")  # signal-export 2, and 1.x (no data.json)


def _chat_folders(source: Source) -> list[str]:
    """Folder prefixes ("" for the root, "Jan/" …) that hold a chat.md (or index.md)."""
    return sorted(
        {
            n[: -len(md)]
            for n in source.names()
            for md in _MARKDOWN
            if n == md or n.endswith("/" + md)
        }
    )


def _markdown(prefix: str, names: set[str]) -> str:
    """The chat's markdown member: chat.md, else signal-export 1.x's index.md."""
    return prefix + ("chat.md" if prefix + "chat.md" in names else "index.md")


_JSON_BLOCK = 1024 * 1024  # bytes of data.json decoded at a time, in whole lines


def _json_lines(source: Source, member: str, where: str) -> Iterator[tuple[int, str]]:
    """(line number, line) of data.json, one line held at a time (issue 12): one JSON
    object per line, so the file is read in line-aligned blocks, never whole."""
    number = 0
    try:
        for block in decode_blocks(source.chunks(member), where, _JSON_BLOCK):
            lines = block.split("\n")
            if block.endswith("\n"):
                lines.pop()
            for line in lines:
                number += 1
                yield number, line
    except TooLongError as exc:
        raise TooLongError(
            f"a line longer than {MAX_LINE_BYTES:,} bytes; signal-export writes one message"
            " a line (damaged, or not its data.json)",
            file=where,
            line=exc.line,
        ) from None


def _from_json(lines: Iterable[tuple[int, str]], where: str) -> Iterator[Entry]:
    for number, line in lines:
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except (ValueError, RecursionError):  # JSONDecodeError is a ValueError
            raise InputError("not a JSON object", file=where, line=number) from None
        if not isinstance(obj, dict) or not isinstance(obj.get("date"), str):
            raise InputError("a message without a date", file=where, line=number)
        try:
            d = datetime.fromisoformat(obj["date"])
            stamp = f"{d.year:04d}-{d.month:02d}-{d.day:02d} {d:%H:%M:%S}"
        except ValueError:
            raise InputError("the date cannot be read", file=where, line=number) from None
        entry = Entry(number, stamp, _str(obj.get("sender")), _str(obj.get("body")))
        quote = _str(obj.get("quote")).strip("\n")
        entry.quote = "\n".join(q[2:] if q.startswith("> ") else q for q in quote.split("\n"))
        entry.quote = entry.quote if quote else ""
        for att in obj.get("attachments") or []:
            if isinstance(att, dict):
                entry.attachments.append((_str(att.get("name")), _str(att.get("path"))))
        for reaction in obj.get("reactions") or []:
            if isinstance(reaction, list | tuple) and len(reaction) == 2:
                entry.reactions.append((_str(reaction[0]), _str(reaction[1])))
        sticker = obj.get("sticker")
        entry.sticker = _str(sticker.get("emoji") if isinstance(sticker, dict) else sticker)
        entry.deleted = obj.get("deleted") is True
        entry.call = obj.get("call") is True
        yield entry


def _root_title(source: Source) -> str:
    """The chat's name when chat.md sits at the top: its folder's (or zip's) name."""
    if source.kind == "file":
        return source.path.resolve().parent.name
    if source.kind == "zip":
        return source.path.stem
    return source.path.resolve().name


def _str(value: Any) -> str:
    return value if isinstance(value, str) else ""


class SignalExportImporter:
    name = NAME
    label = "Signal (signal-export folders)"
    description = (
        "Signal chats exported with signal-export: chat.md, data.json and media/ (2.x), or"
        " index.md and media/ (1.x)"
    )

    def sniff(self, source: Source) -> int:
        folders = _chat_folders(source)
        if not folders:
            return 0
        names = set(source.names())
        prefix = folders[0]
        if prefix + "data.json" in names or any(n.startswith(prefix + "media/") for n in names):
            return 85
        try:
            # The first block only: a chat.md of a gigabyte is not read to sniff it.
            head = next(iter(source.chunks(_markdown(prefix, names))), b"")
            first = head[:400].decode("utf-8", errors="replace")
        except InputError:
            return 0
        return 70 if HEADER.match(first.lstrip("\ufeff")) else 0

    def parse(self, source: Source, ctx: ImportContext) -> Iterator[ParsedConversation]:
        folders = _chat_folders(source)
        if not folders:
            raise InputError(
                "no chat.md or index.md found: not a signal-export folder", file=source.display
            )
        names = set(source.names())
        for prefix in folders:
            ctx.check_cancel()
            yield self._chat(source, ctx, prefix, names)

    def _chat(
        self, source: Source, ctx: ImportContext, prefix: str, names: set[str]
    ) -> ParsedConversation:
        entries: Iterable[Entry]
        if prefix + "data.json" in names:
            member = prefix + "data.json"
            where = source.where(member)
            entries = _from_json(_json_lines(source, member, where), where)
        else:
            member = _markdown(prefix, names)
            where = source.where(member)
            lines = markdown_lines(source, member, where, ctx.encoding)
            entries = from_markdown(lines, where)
        title = PurePosixPath(prefix).name if prefix else _root_title(source)
        owner = ctx.owner or "Me"
        conv = ParsedConversation(
            source_format=NAME,
            key=title,
            title=title,
            messages=[],
            participants=[],
            owner=owner,
            extra=(
                {"notes": ["signal-export 1.x (index.md): times are to the minute"]}
                if member.endswith("index.md")
                else {}
            ),
            tally=EntryTally(),
        )
        conv.messages = self._messages(entries, conv, source, prefix, names, member)
        return conv

    def _messages(
        self,
        entries: Iterable[Entry],
        conv: ParsedConversation,
        source: Source,
        prefix: str,
        names: set[str],
        member: str,
    ) -> Iterator[ParsedMessage]:
        """One entry at a time; the artifacts, the participants and whether it is a group
        are known once every entry has been read."""
        owner = conv.owner or "Me"
        tally = conv.tally if conv.tally is not None else EntryTally()
        artifacts: list[str] = []
        senders = conv.participants
        position = 0
        for entry in entries:
            tally.read += 1
            msg = self._message(entry, source, prefix, names, owner)
            if msg is None:
                artifacts.append(entry.stamp.replace(" ", "T"))
                tally.skip(
                    f"{member} line {entry.line}",
                    "empty-entry",
                    f"signal-export wrote an entry of {entry.stamp} with no text or attachment"
                    " (a call, or a group or timer change)",
                )
                continue
            msg.position = position
            position += 1
            if msg.sender and msg.sender not in senders:
                senders.append(msg.sender)
            yield msg
        conv.is_group = len([s for s in senders if s != owner]) > 1
        conv.extra |= {"artifacts": len(artifacts), "artifact_times": artifacts}

    def _message(
        self, entry: Entry, source: Source, prefix: str, names: set[str], owner: str
    ) -> ParsedMessage | None:
        text = "\n".join(line.rstrip() for line in entry.body.split("\n"))
        text = text.translate(_INVISIBLE).strip("\n ")
        attachments = [self._attachment(n, p, source, prefix, names) for n, p in entry.attachments]
        call = entry.call or (not attachments and bool(_CALL.fullmatch(text)))
        deleted = entry.deleted or (text == DELETED and not attachments)
        if not text and not attachments and not deleted and not entry.sticker:
            return None
        me = entry.sender == "Me"
        msg = ParsedMessage(
            position=0,
            kind=Kind.EVENT if call else Kind.MESSAGE,
            sender=owner if me else (None if entry.sender in ("", "No-Sender") else entry.sender),
            wallclock=entry.stamp.replace(" ", "T"),
            text="" if deleted else text,
            wallclock_raw=entry.stamp,
            event_type=EventType.CALL if call else None,
            deleted=deleted,
            from_owner=True if me else (None if entry.sender in ("", "No-Sender") else False),
            attachments=attachments,
        )
        if entry.quote:
            msg.extra["quote"] = entry.quote
        if entry.reactions:
            msg.extra["reactions"] = [{"by": w, "reaction": e} for w, e in entry.reactions]
        if entry.sticker:
            msg.extra["sticker"] = entry.sticker
        return msg

    def _attachment(
        self, name: str, path: str, source: Source, prefix: str, names: set[str]
    ) -> ParsedAttachment:
        relative = unquote(path[2:] if path.startswith("./") else path)
        member = prefix + relative
        parts = PurePosixPath(member).parts
        data = source.read(member) if member in names and ".." not in parts else None
        shown = unquote(name) or PurePosixPath(relative).name
        mime = sniff_mime(data, shown) if data is not None else sniff_mime(b"", shown)
        return ParsedAttachment(name=shown, mime=mime, data=data)


IMPORTER = SignalExportImporter()
