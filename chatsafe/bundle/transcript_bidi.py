"""The transcript PDF's right-to-left lines: their runs in visual order, and where a
line's left-to-right tail starts, which the bidirectional algorithm need not see.

Used by chatsafe/bundle/transcript_layout.py.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any


def runs_in_visual_order(chars: Iterable[Any]) -> list[tuple[bool, list[Any]]]:
    """Bidi characters in visual order, cut into runs of one direction whose characters
    were typed one after the other (a number inside right-to-left text is its own run)."""
    runs: list[tuple[bool, list[Any]]] = []
    for c in chars:
        rtl = c.get_direction_from_level() == "R"
        if runs and runs[-1][0] == rtl:
            last = runs[-1][1][-1].character_index
            if c.character_index == last + (-1 if rtl else 1):
                runs[-1][1].append(c)
                continue
        runs.append((rtl, [c]))
    return runs


@dataclass(frozen=True)
class TailChar:
    """A character of a line's left-to-right tail, as fpdf2's bidi code gives one."""

    character: str
    character_index: int


# Bidirectional classes that resolve to the paragraph's level (0) after a strong
# left-to-right character, whatever comes before it: letters, European digits and their
# separators, spaces, neutral signs.
_TAIL_CLASSES = frozenset(("L", "EN", "ES", "ET", "CS", "WS", "ON", "S"))


@functools.lru_cache(maxsize=4096)
def _tail_safe(ch: str) -> bool:
    # Mirrored characters include every paired bracket, which pair across a line.
    return unicodedata.bidirectional(ch) in _TAIL_CLASSES and not unicodedata.mirrored(ch)


def ltr_tail(line: str) -> int:
    """Where the left-to-right tail of ``line`` starts (``len(line)`` when none).

    In a left-to-right paragraph, a tail that starts with a strong left-to-right
    character and holds only letters, European digits, spaces and neutral signs (no
    brackets, no embeddings) is at level 0 and changes nothing before it: the
    bidirectional algorithm, pure Python in fpdf2 and ~1 ms a line, runs on the rest.
    tests/unit/test_pdf_subsets.py checks the order is the same as for the whole line.
    """
    if _EXPLICIT.search(line):
        return len(line)
    i = len(line)
    while i and _tail_safe(line[i - 1]):
        i -= 1
    while i < len(line) and unicodedata.bidirectional(line[i]) != "L":
        i += 1
    return i


_EXPLICIT = re.compile("[\u202a-\u202e\u2066-\u2069]")
