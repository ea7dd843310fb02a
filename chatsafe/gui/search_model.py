"""Search hits: one row per matching message, with the hit spans for highlighting."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from chatsafe.gui import roles
from chatsafe.review.search import Hit

Index = QModelIndex | QPersistentModelIndex


class SearchModel(QAbstractListModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.hits: list[Hit] = []
        self.query = ""

    def set_hits(self, query: str, hits: list[Hit]) -> None:
        self.beginResetModel()
        self.query = query
        self.hits = hits
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.hits)

    @staticmethod
    def _prefix(h: Hit) -> str:
        return f"{h.title} · {h.wallclock.replace('T', ' ')[:16]} · {h.sender or ''}: "

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.hits):
            return None
        h = self.hits[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._prefix(h) + h.snippet.replace("\n", " ")
        if role == Qt.ItemDataRole.ToolTipRole:
            return h.snippet
        if role == roles.ROW:
            return h
        if role == roles.ID:
            return h.message_id
        if role == roles.SPANS:
            shift = len(self._prefix(h))
            return [(a + shift, b + shift, "hit") for a, b in h.spans]
        return None
