"""Full-text search over a case, through its encrypted FTS5 index (``message_fts``).

For review only: FTS5 keeps tokens of deleted rows until it is optimised, so nothing
that leaves the case is ever built from the index. Results name messages by id; the
snippet and the highlight spans come from the stored message text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

# Private-use characters as highlight markers: they never occur in chat text we keep
# (and if one did, the worst case is a misplaced highlight).
_OPEN, _CLOSE = "\ue000", "\ue001"
_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass
class Hit:
    message_id: int
    conversation_id: int
    title: str
    sender: str | None
    wallclock: str
    snippet: str
    spans: list[tuple[int, int]] = field(default_factory=list)  # in ``snippet``


def terms(text: str) -> list[str]:
    """The words of a query, as the index sees them (punctuation is not searchable)."""
    return _WORD.findall(text)


def fts_query(text: str) -> str | None:
    """A safe FTS5 query: every word must occur; the last one may be a prefix.

    Users type words, not FTS5 syntax; quoting each word means ``AND``, ``-`` or ``"``
    in their text can never raise a syntax error.
    """
    words = terms(text)
    if not words:
        return None
    quoted = [f'"{w}"' for w in words]
    quoted[-1] += "*"
    return " ".join(quoted)


def _spans(marked: str) -> tuple[str, list[tuple[int, int]]]:
    out: list[str] = []
    spans: list[tuple[int, int]] = []
    pos = 0
    start = -1
    for ch in marked:
        if ch == _OPEN:
            start = pos
        elif ch == _CLOSE:
            if start >= 0:
                spans.append((start, pos))
            start = -1
        else:
            out.append(ch)
            pos += 1
    return "".join(out), spans


@dataclass
class Page:
    """One page of hits and the honest total: every matching message is counted."""

    total: int
    hits: list[Hit]

    @property
    def last_id(self) -> int | None:
        """Where the next page starts (after this message id), or ``None`` if empty."""
        return self.hits[-1].message_id if self.hits else None


def search(
    c: Any,
    text: str,
    *,
    limit: int = 200,
    conversation_id: int | None = None,
    after: int | None = None,
) -> list[Hit]:
    """Messages whose text holds every word of ``text``, in message id order.

    Ordered by message id (not by relevance): ranking every hit of a common word in a
    million messages would take seconds, and a reviewer reads hits in context anyway.
    ``after`` pages on: only hits with a larger message id (keyset paging stays fast
    however deep the reviewer scrolls, unlike an OFFSET).
    """
    query = fts_query(text)
    if query is None:
        return []
    sql = (
        "SELECT f.rowid, m.conversation_id, c.title, m.sender, m.wallclock,"
        f" snippet(message_fts, 0, '{_OPEN}', '{_CLOSE}', '…', 16)"
        " FROM message_fts f JOIN messages m ON m.id = f.rowid"
        " JOIN conversations c ON c.id = m.conversation_id"
        " WHERE message_fts MATCH ?"
    )
    params: list[Any] = [query]
    if conversation_id is not None:
        sql += " AND m.conversation_id = ?"
        params.append(conversation_id)
    if after is not None:
        sql += " AND f.rowid > ?"
        params.append(after)
    sql += " ORDER BY f.rowid LIMIT ?"
    params.append(limit)
    hits = []
    for mid, cid, title, sender, wallclock, snip in c.execute(sql, params):
        plain, spans = _spans(str(snip))
        hits.append(Hit(int(mid), int(cid), str(title), sender, str(wallclock), plain, spans))
    return hits


def count(c: Any, text: str) -> int:
    """How many messages match ``text``: all of them, never capped."""
    query = fts_query(text)
    if query is None:
        return 0
    row = c.execute("SELECT count(*) FROM message_fts WHERE message_fts MATCH ?", (query,))
    return int(row.fetchone()[0])


def page(c: Any, text: str, *, after: int | None = None, limit: int = 200) -> Page:
    """The total (on the first page only) and one page of hits."""
    total = count(c, text) if after is None else -1
    return Page(total, search(c, text, limit=limit, after=after))


def message_ids(c: Any, text: str, conversation_id: int) -> set[int]:
    """Every matching message in one conversation (for highlighting its transcript)."""
    query = fts_query(text)
    if query is None:
        return set()
    return {
        int(r[0])
        for r in c.execute(
            "SELECT f.rowid FROM message_fts f JOIN messages m ON m.id = f.rowid"
            " WHERE message_fts MATCH ? AND m.conversation_id = ?",
            (query, conversation_id),
        )
    }


def highlight_spans(text: str, query: str) -> list[tuple[int, int]]:
    """Where the query's words occur in ``text`` (word starts, case-insensitive)."""
    words = [re.escape(w) for w in terms(query)]
    if not words:
        return []
    pattern = re.compile(r"(?<!\w)(?:" + "|".join(words) + r")\w*", re.IGNORECASE)
    return [(m.start(), m.end()) for m in pattern.finditer(text)]
