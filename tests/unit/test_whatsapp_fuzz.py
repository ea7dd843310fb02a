"""Random mutations of the WhatsApp fixtures parse, or fail with a ChatsafeError only."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from chatsafe.errors import ChatsafeError
from chatsafe.importers.base import ImportContext
from chatsafe.importers.whatsapp import IMPORTER
from chatsafe.sources import Source

FIX = Path(__file__).parent.parent / "fixtures" / "whatsapp"
SEEDS = sorted(p.read_bytes() for p in FIX.glob("*.txt"))
# Bytes that matter to the parser: digits, separators, marks, brackets, newlines.
INTERESTING = [
    b"\n",
    b"\r",
    b":",
    b"/",
    b"-",
    b".",
    b"[",
    b"]",
    b" - ",
    b": ",
    b"\xe2\x80\x8e",
    b"\xe2\x80\xaf",
    b"PM",
    b"13",
    b"00",
    b"<",
    b">",
    b"(",
    b")",
    b"\xff",
    b"\xc3",
]


class MemorySource(Source):
    """A one-file source held in memory, so hypothesis need not touch the disk."""

    kind = "file"

    def __init__(self, data: bytes) -> None:
        super().__init__(Path("WhatsApp Chat with Fuzz.txt"))
        self.data = data

    def names(self) -> list[str]:
        return [self.path.name]

    def size(self, name: str) -> int:
        return len(self.data)

    def read(self, name: str) -> bytes:
        return self.data

    def chunks(self, name: str) -> Iterator[bytes]:
        yield self.data

    def where(self, name: str) -> str:
        return self.display


@st.composite
def mutated(draw: st.DrawFn) -> bytes:
    data = bytearray(draw(st.sampled_from(SEEDS)))
    for _ in range(draw(st.integers(1, 8))):
        if not data:
            break
        at = draw(st.integers(0, len(data) - 1))
        op = draw(st.sampled_from(["flip", "insert", "delete", "cut", "dup"]))
        if op == "flip":
            data[at] = draw(st.integers(0, 255))
        elif op == "insert":
            data[at:at] = draw(st.sampled_from(INTERESTING))
        elif op == "delete":
            del data[at : at + draw(st.integers(1, 12))]
        elif op == "cut":
            del data[at:]
        else:
            end = min(len(data), at + draw(st.integers(1, 80)))
            data[at:at] = data[at:end]
    return bytes(data)


def run(data: bytes) -> None:
    source = MemorySource(data)
    IMPORTER.sniff(source)
    try:
        for conv in IMPORTER.parse(source, ImportContext(owner="Sam Jones")):
            for msg in conv.messages:
                datetime.fromisoformat(msg.wallclock)
    except ChatsafeError:
        pass


@settings(max_examples=200, deadline=None)
@given(mutated())
def test_mutations_parse_or_raise_chatsafe_errors(data: bytes) -> None:
    run(data)


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=300))
def test_random_bytes(data: bytes) -> None:
    run(data)
