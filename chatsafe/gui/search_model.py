"""Search hits: one row per matching message, with the hit spans for highlighting.

The first page arrives with the count of every hit; further pages are fetched from the
worker as the list scrolls (``canFetchMore``/``fetchMore``), so a common word neither
blocks the GUI nor stops at a silent cap (issue 14).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from chatsafe.gui import roles
from chatsafe.review.search import Hit, Page

Index = QModelIndex | QPersistentModelIndex

Fetcher = Callable[[str, int, Callable[[Page], None]], None]
"""``fetcher(query, after_message_id, done)``: read the next page on the worker."""


class SearchModel(QAbstractListModel):
    """``total_changed()`` when the count of all hits is corrected after a fetch."""

    total_changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.hits: list[Hit] = []
        self.query = ""
        self.total = 0  # every hit of the query, fetched or not
        self.fetcher: Fetcher | None = None
        self._fetching = False
        self._generation = 0  # a page for an older query is dropped

    def set_hits(self, query: str, hits: list[Hit], total: int | None = None) -> None:
        self.beginResetModel()
        self._generation += 1
        self._fetching = False
        self.query = query
        self.hits = hits
        self.total = len(hits) if total is None else max(total, len(hits))
        self.endResetModel()

    def set_page(self, query: str, page: Page) -> None:
        """The first page of a new search, with its total."""
        self.set_hits(query, page.hits, page.total)

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return (
            not parent.isValid()
            and self.fetcher is not None
            and not self._fetching
            and bool(self.hits)
            and len(self.hits) < self.total
        )

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if not self.canFetchMore(parent) or self.fetcher is None:
            return
        self._fetching = True
        generation = self._generation
        self.fetcher(self.query, self.hits[-1].message_id, lambda p: self._more(generation, p))

    def _more(self, generation: int, page: Page) -> None:
        if generation != self._generation:
            return  # a new search started meanwhile
        self._fetching = False
        if not page.hits:
            # Messages deleted since the count: say what is really there.
            self.total = len(self.hits)
            self.total_changed.emit()
            return
        first = len(self.hits)
        self.beginInsertRows(QModelIndex(), first, first + len(page.hits) - 1)
        self.hits.extend(page.hits)
        self.endInsertRows()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.hits)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.hits):
            return None
        h = self.hits[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return h.snippet.replace("\n", " ")
        if role == Qt.ItemDataRole.ToolTipRole:
            return h.snippet
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{h.title}, {h.sender or ''}: {h.snippet}"
        if role == roles.ROW:
            return h
        if role == roles.ID:
            return h.message_id
        if role == roles.SPANS:
            return [(a, b, "hit") for a, b in h.spans]
        return None
