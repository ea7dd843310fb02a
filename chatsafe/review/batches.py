"""Many ids in bounded pieces (issue 14).

Bulk marks and undo read and write up to hundreds of thousands of ids set-based, but a
piece at a time: one ``json_each`` list of 200,000 ids, a ``dict`` of them, or a list of
200,000 log entries is built and freed by C code that holds the GIL for tens of
milliseconds (more under load), and the app's GUI thread waits for the GIL to paint.
Pieces of :data:`SIZE` keep every such hold to a few milliseconds, at the cost of a few
dozen more queries.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from typing import TypeVar

T = TypeVar("T")

SIZE = 5_000


def pieces(items: Sequence[T], size: int | None = None) -> Iterator[Sequence[T]]:
    """``items`` in order, ``size`` (default :data:`SIZE`) at a time."""
    size = size or SIZE
    for start in range(0, len(items), size):
        yield items[start : start + size]


def id_list(ids: Sequence[int]) -> str:
    """A JSON array for ``… IN (SELECT value FROM json_each(?))``: one parameter for any
    number of ids (SQLite allows 32,766 ``?`` per statement)."""
    return json.dumps(list(ids))
