"""A WhatsApp chat text, read as a stream of line-aligned blocks with bounded memory.

The file is never held whole: bytes come from the source in chunks and are decoded in
blocks that end at a line end, so a message may span blocks but no line does. Memory is
bounded by the block size plus the longest line allowed; a line or a message beyond its
limit refuses the input with the file and line rather than growing without end. Real
messages are far below the limits (WhatsApp caps a message at 65,536 characters).
"""

from __future__ import annotations

import codecs
from collections.abc import Iterable, Iterator

from chatsafe.errors import EncodingError, InputError

BLOCK_BYTES = 4 * 1024 * 1024
# Four bytes per character: a line the decoder refuses is also a message the parser
# would refuse, so both limits say the same thing.
MAX_MESSAGE_CHARS = 1_000_000
MAX_LINE_BYTES = 4 * MAX_MESSAGE_CHARS
_BOM = codecs.BOM_UTF8


class TooLongError(InputError):
    """A line or a message is longer than any real chat's."""

    code = "too-long"


def line_too_long(where: str, line: int) -> TooLongError:
    return TooLongError(
        f"a line longer than {MAX_LINE_BYTES:,} bytes; not a WhatsApp chat export, or a"
        " damaged one",
        file=where,
        line=line,
    )


def message_too_long(where: str, line: int) -> TooLongError:
    return TooLongError(
        f"the message that starts here is longer than {MAX_MESSAGE_CHARS:,} characters;"
        " not a WhatsApp chat export, or a damaged one",
        file=where,
        line=line,
    )


def decode_blocks(chunks: Iterable[bytes], where: str, block: int = BLOCK_BYTES) -> Iterator[str]:
    """Strict UTF-8 in line-aligned blocks of about ``block`` bytes; CRLF and CR become LF.

    Invalid UTF-8 is refused with the byte offset and line number; a leading BOM is
    dropped (BOMs later in the text are the parser's business).
    """
    pending = bytearray()
    offset = lines = 0  # bytes and line ends before pending[0]
    started = False
    for chunk in chunks:
        pending += chunk
        if not started and len(pending) >= len(_BOM):
            started = True
            if pending.startswith(_BOM):
                del pending[: len(_BOM)]
                offset = len(_BOM)
        start = 0
        while (end := pending.find(b"\n", start + block)) >= 0:
            yield _decode(pending, start, end + 1, offset, lines, where)
            lines += pending.count(b"\n", start, end + 1)
            offset += end + 1 - start
            start = end + 1
        del pending[:start]  # once per chunk, so a small block costs no quadratic copying
        last = pending.rfind(b"\n")
        if len(pending) - last - 1 > MAX_LINE_BYTES:
            raise line_too_long(where, lines + pending.count(b"\n", 0, last + 1) + 1)
    if not started and pending.startswith(_BOM):
        del pending[: len(_BOM)]
        offset = len(_BOM)
    if pending:
        yield _decode(pending, 0, len(pending), offset, lines, where)


def _decode(data: bytearray, start: int, end: int, offset: int, lines: int, where: str) -> str:
    try:
        text = data[start:end].decode("utf-8")
    except UnicodeDecodeError as exc:
        raise EncodingError(
            f"not valid UTF-8 at byte offset {offset + exc.start}; "
            "if the file uses another encoding, give it with --encoding",
            file=where,
            line=lines + data.count(b"\n", start, start + exc.start) + 1,
        ) from None
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text


def decode_other(chunks: Iterable[bytes], where: str, encoding: str) -> Iterator[str]:
    """Text in the encoding the user named, decoded incrementally in line-aligned blocks."""
    try:
        decoder = codecs.getincrementaldecoder(encoding)("strict")
    except LookupError:
        raise EncodingError(f"cannot decode as {encoding}: unknown encoding", file=where) from None
    rest = ""
    lines = 0
    first = True
    try:
        for chunk in chunks:
            text = rest + decoder.decode(chunk)
            if first and text:
                first = False
                text = text[1:] if text.startswith("\ufeff") else text
            cut = text.rfind("\n") + 1
            if len(text) - cut > MAX_LINE_BYTES:
                raise line_too_long(where, lines + text.count("\n") + 1)
            rest = text[cut:]
            if cut:
                lines += text.count("\n", 0, cut)
                yield _lf(text[:cut])
        text = rest + decoder.decode(b"", final=True)
    except UnicodeDecodeError as exc:
        raise EncodingError(f"cannot decode as {encoding}: {exc}", file=where) from None
    if text:
        yield _lf(text)


def _lf(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text
