"""The one small interface every importer implements, and the helpers they share.

An importer sniffs a :class:`~chatsafe.sources.Source` and, if it is its format,
parses it into :class:`~chatsafe.domain.ParsedConversation` objects. Importers never
touch the store; they raise :class:`~chatsafe.errors.InputError` subclasses that name
the file and the line or entry.
"""

from __future__ import annotations

import codecs
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any, Protocol

from chatsafe.domain import EntryTally, ParsedConversation
from chatsafe.errors import CancelledError, EncodingError, InputError
from chatsafe.sources import Source


def _no_progress(done: int, total: int) -> None:
    pass


def _never_cancel() -> bool:
    return False


@dataclass
class ImportContext:
    """What an importer may know about the import it serves."""

    owner: str | None = None
    encoding: str | None = None
    time_zone: str = "Europe/Amsterdam"
    # Signal Desktop's database key (hex), when the user supplies it.
    signal_key: str | None = None
    progress: Callable[[int, int], None] = _no_progress
    cancelled: Callable[[], bool] = _never_cancel
    extra: dict[str, str] = field(default_factory=dict)
    #: Entries of the source that belong to no conversation; ingest gives each source a
    #: fresh one and keeps it in the import report.
    tally: EntryTally = field(default_factory=EntryTally)

    def check_cancel(self) -> None:
        if self.cancelled():
            raise CancelledError()


class Importer(Protocol):
    """One export format."""

    #: Stable machine name, used as ``source_format`` everywhere (e.g. ``"whatsapp"``).
    name: str
    #: What people call it, for ``chatsafe formats`` and the GUI.
    label: str
    #: One line on which files it reads.
    description: str

    def sniff(self, source: Source) -> int:
        """How sure this importer is that ``source`` is its format: 0 (no) to 100."""
        ...

    def parse(self, source: Source, ctx: ImportContext) -> Iterator[ParsedConversation]:
        """Yield the conversations in ``source``. Raise InputError on bad input."""
        ...


def decode_text(data: bytes, where: str, encoding: str | None = None) -> str:
    """Decode export text: UTF-8 (BOM allowed) unless an encoding is given.

    Invalid UTF-8 is refused with the byte offset rather than guessed at.
    CRLF and lone CR become LF; nothing else is split or changed.
    """
    if encoding:
        try:
            text = data.decode(encoding)
        except (UnicodeDecodeError, LookupError) as exc:
            raise EncodingError(f"cannot decode as {encoding}: {exc}", file=where) from None
    else:
        try:
            text = data.decode("utf-8-sig" if data.startswith(codecs.BOM_UTF8) else "utf-8")
        except UnicodeDecodeError as exc:
            offset = exc.start + (3 if data.startswith(codecs.BOM_UTF8) else 0)
            line = data.count(b"\n", 0, offset) + 1
            raise EncodingError(
                f"not valid UTF-8 at byte offset {offset}; "
                "if the file uses another encoding, give it with --encoding",
                file=where,
                line=line,
            ) from None
    if text.startswith("\ufeff"):
        text = text[1:]
    return text.replace("\r\n", "\n").replace("\r", "\n")


def read_json(source: Source, name: str, encoding: str | None = None) -> Any:
    """Decode and parse one JSON member; bad JSON names the file, line and column."""
    where = source.where(name)
    text = decode_text(source.read(name), where, encoding)
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(
            f"not valid JSON ({exc.msg}, column {exc.colno}); the file may be cut short",
            file=where,
            line=exc.lineno,
        ) from None
    except (ValueError, RecursionError) as exc:
        raise InputError(f"not readable JSON ({type(exc).__name__})", file=where) from None
