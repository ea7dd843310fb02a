"""Typed reading of values from an app's SQLite database.

SQLite stores any value in any column: a damaged or hand-edited ``chat.db`` can hold a
BLOB where the text belongs, or text where the date belongs. Python code that assumes
the declared type then fails with a TypeError deep inside an importer, which the user
sees as an internal error. Every value an importer uses goes through :func:`check`
first, and a wrong type is refused in one line naming the table, the row and the column.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from chatsafe.errors import InputError

#: What a column may hold (None is always allowed: SQLite's NULL).
INT = (int,)
NUMBER = (int, float)
TEXT = (str,)
BLOB = (bytes,)
#: Identifiers that apps write as text or as numbers.
KEY = (str, int)

_NAMES = {int: "a whole number", float: "a number", str: "text", bytes: "binary data"}


def _what(value: Any) -> str:
    if isinstance(value, float) and value != value:
        return "NaN (not a number)"
    return _NAMES.get(type(value), type(value).__name__)


def _row_id(value: Any) -> str:
    # Ids are row numbers or short identifiers; anything else could be message content.
    if isinstance(value, int) or (isinstance(value, str) and len(value) <= 64):
        return str(value)
    return "(unreadable id)"


def check(
    row: Sequence[Any],
    spec: Sequence[tuple[str, tuple[type, ...]]],
    table: str,
    where: str,
) -> None:
    """Refuse ``row`` unless each value is None or of its column's types.

    ``spec`` names the row's columns in order with their types; the first column is the
    row's id, which the refusal names. NaN is refused wherever a number belongs.
    """
    for (column, kinds), value in zip(spec, row, strict=True):
        if value is None or (isinstance(value, kinds) and value == value):
            continue
        expected = " or ".join(dict.fromkeys(_NAMES[k] for k in kinds))
        raise InputError(
            f"the {table} row {_row_id(row[0])} holds {_what(value)} in the column "
            f"{column!r}, where {expected} belongs; the database may be damaged",
            file=where,
        )
