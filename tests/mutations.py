"""Byte-level mutations of a fixture, for the parsers' fuzz tests (hypothesis)."""

from __future__ import annotations

from hypothesis import strategies as st

Edit = tuple[int, int, bytes]  # at, bytes cut, bytes inserted


def edits(
    seed: bytes, inserts: st.SearchStrategy[bytes] | None = None
) -> st.SearchStrategy[list[Edit]]:
    """One to six edits anywhere in ``seed``: cut up to three bytes, insert a few."""
    return st.lists(
        st.tuples(
            st.integers(0, len(seed) - 1), st.integers(0, 3), inserts or st.binary(max_size=4)
        ),
        min_size=1,
        max_size=6,
    )


def apply(seed: bytes, changes: list[Edit]) -> bytes:
    data = bytearray(seed)
    for at, cut, insert in changes:
        data[at : at + cut] = insert
    return bytes(data)


Overwrite = tuple[int, bytes]  # position (wrapped to the file's length), bytes written


def overwrites(max_edits: int = 8) -> st.SearchStrategy[list[Overwrite]]:
    """Bytes written over a database file's first 64 KiB (headers, schema, first pages)."""
    return st.lists(
        st.tuples(st.integers(0, 1 << 16), st.binary(min_size=1, max_size=8)),
        min_size=1,
        max_size=max_edits,
    )


def overwrite(seed: bytes, changes: list[Overwrite]) -> bytes:
    data = bytearray(seed)
    for pos, chunk in changes:
        pos %= len(data)
        data[pos : pos + len(chunk)] = chunk
    return bytes(data)
