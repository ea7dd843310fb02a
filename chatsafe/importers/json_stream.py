"""Reading a large JSON export as a stream: one entry held at a time (issue 12).

``json.loads`` of a 1 GB Telegram export held the whole document, 5-6x its size. The
JSON importers read in two passes instead, both through ijson's C parser (yajl):

1. an outline pass that builds nothing but counts each chat's entries, notes the few
   values needed before the first message (a chat's id, name and type can follow its
   messages in a re-serialised file) and enforces the per-entry limit;
2. an entry pass that builds one message at a time (``Feed``), in C.

``JsonBytes`` is the byte stream both passes read: in blocks, never whole; the BOM
stripped, invalid UTF-8 refused with its line, other encodings transcoded, and a block
refused once one entry (or one value outside entries) runs past ``MAX_ENTRY_BYTES``:
so a 1 GiB "message" is refused after 16 MiB of it, before the parser holds it.
"""

from __future__ import annotations

import codecs
import heapq
import itertools
from collections.abc import Callable, Iterator
from typing import Any

import ijson

from chatsafe.errors import EncodingError, InputError
from chatsafe.sources import DEFAULT_LIMITS, Source

#: No chat entry comes near this: Telegram caps a message at 4,096 characters and Matrix
#: an event at 64 KiB; a 16 MiB entry is damage or an attack, and refusing it here keeps
#: the parser from buffering it (and SQLite from failing on it with an internal error).
MAX_ENTRY_BYTES = 16 * 1024 * 1024
_BLOCK = 64 * 1024
#: How far out of time order entries may be and still be put in order: Telegram writes a
#: chat in id order, which differs from time order only locally (scheduled messages).
#: Beyond it nothing is lost: the case shows every conversation by time anyway.
SORT_WINDOW = 1_000


class EntryTooLarge(InputError):
    """One entry of a JSON export is larger than chatsafe takes.

    The code is WhatsApp's line and message limit's: the same sentence for people (the
    error catalogue's "too-long"), the same stable code for scripts."""

    code = "too-long"


class JsonBytes:
    """One JSON member of a source as a file-like object that reads only in blocks.

    The outline pass sets ``mark`` (bytes read at its last event) and ``entry`` (the
    path of the entry being read): a block that takes the stream more than
    ``MAX_ENTRY_BYTES`` past ``mark`` is refused there, naming ``entry``.
    """

    def __init__(
        self,
        source: Source,
        name: str,
        encoding: str | None = None,
        check_cancel: Callable[[], None] | None = None,
    ) -> None:
        self.where = source.where(name)
        # Called for every block of the member: the outline pass builds no message, so
        # a cancel must be heard here (a 1 GB export takes a while to outline).
        self._check_cancel = check_cancel
        if source.size(name) > DEFAULT_LIMITS.max_file_bytes:
            raise InputError("file is too large to import", file=self.where)
        self._chunks = source.chunks(name)
        self._block = b""
        self._off = 0
        self._encoding = encoding if encoding and codecs.lookup(encoding).name != "utf-8" else None
        self._decoder = codecs.getincrementaldecoder(self._encoding or "utf-8")()
        self._raw = 0  # bytes of the member read (before any transcoding)
        self._raw_lines = 0
        self._first = True
        self.pos = 0  # bytes handed out
        self.mark = 0
        self.entry = ""

    def read(self, size: int = -1) -> bytes:
        if size is None or size < 0:
            # The point of this reader: nothing may take the whole document at once.
            raise ValueError("a JSON export is read in blocks, never whole")
        while self._off >= len(self._block):
            block = next(self._chunks, None)
            if block is None:
                return b""
            if self._check_cancel is not None:
                self._check_cancel()
            self._block, self._off = self._take(block), 0
        # A short read (the rest of the member's current block) saves copying blocks
        # together; the parser reads until it gets b"".
        out = self._block[self._off : self._off + size]
        self._off += len(out)
        self.pos += len(out)
        if self.pos - self.mark > MAX_ENTRY_BYTES:
            raise EntryTooLarge(
                f"an entry of more than {MAX_ENTRY_BYTES // (1024 * 1024)} MiB; no chat app"
                " writes one (damaged or not an export)",
                file=self.where,
                entry=self.entry or None,
            )
        return out

    def _take(self, block: bytes) -> bytes:
        """Check (or transcode) one block of the member; count its lines."""
        if self._first:
            self._first = False
            if block.startswith(codecs.BOM_UTF8) and not self._encoding:
                self._raw, block = 3, block[3:]
        held = len(self._decoder.getstate()[0])
        try:
            text = self._decoder.decode(block)
        except UnicodeDecodeError as exc:
            offset = self._raw - held + exc.start
            line = self._raw_lines + block[: max(0, exc.start - held)].count(b"\n") + 1
            if self._encoding:
                raise EncodingError(
                    f"cannot decode as {self._encoding} at byte offset {offset}", file=self.where
                ) from None
            raise EncodingError(
                f"not valid UTF-8 at byte offset {offset}; "
                "if the file uses another encoding, give it with --encoding",
                file=self.where,
                line=line,
            ) from None
        self._raw += len(block)
        self._raw_lines += block.count(b"\n")
        return text.encode("utf-8", "surrogatepass") if self._encoding else block

    def finish(self) -> None:
        """Refuse a member that ends inside a UTF-8 sequence."""
        if self._decoder.getstate()[0]:
            raise EncodingError("not valid UTF-8 at the end of the file", file=self.where)

    @property
    def line(self) -> int:
        """The line the stream has reached (the last block's end)."""
        return self._raw_lines + 1


class BigNumber(Exception):
    """yajl (ijson's C parser) stops at integers beyond 64 bits, which JSON allows; the
    pure Python parser reads them, so the file is read again with it."""


C_PARSER: Any = ijson
PY_PARSER: Any = ijson.get_backend("python")


def json_error(stream: JsonBytes, exc: Exception) -> InputError:
    """ijson's error as chatsafe's, without the excerpt of the file ijson quotes (it can
    hold message text, which never goes into an error)."""
    text = exc.args[0] if exc.args else ""
    if isinstance(text, bytes):
        text = text.decode("utf-8", "replace")
    first = str(text).split("\n", 1)[0].strip().rstrip(".") or type(exc).__name__
    if "integer overflow" in first:
        raise BigNumber() from None
    hint = "; the file may be cut short" if "premature EOF" in first else ""
    return InputError(f"not valid JSON ({first}){hint}", file=stream.where, line=stream.line)


def events(stream: JsonBytes, parser: Any = C_PARSER) -> Iterator[tuple[str, str, Any]]:
    """ijson's (prefix, event, value) events of the stream, errors as InputError."""
    try:
        yield from parser.parse(stream, buf_size=_BLOCK, use_float=True)
    except ijson.JSONError as exc:
        raise json_error(stream, exc) from None
    stream.finish()


class Feed:
    """The entries under several prefixes, built one at a time by ijson's C parser.

    Each prefix gets its own stream and parser (ijson's pull parser is about three times
    faster than feeding one stream to several); entries come out in file order per
    prefix, so the entries of one chat come out as its count says. Each entry must come
    within ``MAX_ENTRY_BYTES`` of the previous one, as in the outline pass.
    """

    def __init__(
        self, open_stream: Callable[[], JsonBytes], prefixes: list[str], parser: Any = C_PARSER
    ) -> None:
        self.streams = {p: open_stream() for p in prefixes}
        self.parsers = {
            p: parser.items(self.streams[p], p, buf_size=_BLOCK, use_float=True) for p in prefixes
        }
        self.taken = dict.fromkeys(prefixes, 0)

    def next(self, prefix: str, entry: str) -> Any:
        stream = self.streams[prefix]
        stream.mark, stream.entry = stream.pos, entry
        try:
            item = next(self.parsers[prefix])
        except StopIteration:
            raise InputError("the file changed while it was read", file=stream.where) from None
        except ijson.JSONError as exc:
            try:
                raise json_error(stream, exc) from None
            except BigNumber:  # the outline read the same bytes without one
                raise InputError("the file changed while it was read", file=stream.where) from None
        self.taken[prefix] += 1
        return item


def in_time_order(
    items: Iterator[Any], key: Callable[[Any], Any], window: int = SORT_WINDOW
) -> Iterator[Any]:
    """``items`` sorted by ``key``, holding at most ``window`` of them: an export in file
    order is put in time order wherever its disorder is local, in bounded memory."""
    heap: list[tuple[Any, int, Any]] = []
    count = itertools.count()
    for item in items:
        heapq.heappush(heap, (key(item), next(count), item))
        if len(heap) > window:
            yield heapq.heappop(heap)[2]
    while heap:
        yield heapq.heappop(heap)[2]


class RootOutline:
    """A JSON object whose one large member is a list of entries (an Element export)."""

    def __init__(self) -> None:
        self.is_object = False
        self.keys: set[str] = set()
        self.values: dict[str, Any] = {}
        self.count = 0
        self.lists = 0
        self.not_a_list = False


def root_outline(stream: JsonBytes, entries: str, parser: Any = C_PARSER) -> RootOutline:
    """One pass that builds nothing: the root's keys and scalar values, and how many
    entries the list under the root key ``entries`` has; each entry within the limit."""
    out = RootOutline()
    item = f"{entries}.item"
    for prefix, event, value in events(stream, parser):
        if prefix == item:
            if event not in ("end_map", "end_array", "map_key"):
                out.count += 1
                stream.mark = stream.pos
                stream.entry = f"{entries}[{out.count - 1}]"
            continue
        if "." in prefix and prefix.startswith(item):
            continue  # inside an entry: bounded by the entry's limit
        stream.mark = stream.pos
        if prefix == "":
            if event == "start_map":
                out.is_object = True
            elif event == "map_key":
                out.keys.add(value)
        elif prefix == entries:
            if event == "start_array":
                out.lists += 1
            elif event in ("start_map", "string", "number", "boolean", "null"):
                out.not_a_list = True
        elif "." not in prefix and event in ("string", "number", "boolean", "null"):
            out.values[prefix] = value
    return out
