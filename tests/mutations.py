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
