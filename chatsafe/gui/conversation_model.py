"""The conversation list: every conversation of the case, its marks and review state.

A case holds hundreds or a few thousand conversations, so their rows are loaded whole
(on the worker) and replaced when something changes. Sorting and filtering happen in
:class:`ConversationFilter`.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)

from chatsafe.gui import app_names, localtext, roles
from chatsafe.gui.style import PARTY, PRIVATE, label_icon, label_name
from chatsafe.review.browse import ConversationRow

Index = QModelIndex | QPersistentModelIndex

(
    COL_PRIVATE,
    COL_PARTY,
    COL_APP,
    COL_TITLE,
    COL_PEOPLE,
    COL_PERIOD,
    COL_COUNT,
    COL_MARKED,
    COL_REVIEW,
) = range(9)


app_name = app_names.app_name  # the App column in the app's language


class ConversationModel(QAbstractTableModel):
    """``mark_requested(conversation_id, label or None)`` when a checkbox is clicked."""

    mark_requested = Signal(int, object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[ConversationRow] = []
        self._apps: dict[str, str] = {}

    # -- data in ------------------------------------------------------------------
    def set_rows(self, rows: list[ConversationRow]) -> None:
        self.beginResetModel()
        self._rows = rows
        for fmt in {r.source_format for r in rows} - self._apps.keys():
            self._apps[fmt] = app_name(fmt)
        self.endResetModel()

    def update_rows(self, rows: list[ConversationRow]) -> None:
        """Replace some rows in place (after a mark), keeping selection and scroll."""
        where = {r.id: i for i, r in enumerate(self._rows)}
        for row in rows:
            i = where.get(row.id)
            if i is not None:
                self._rows[i] = row
                self.dataChanged.emit(self.index(i, 0), self.index(i, self.columnCount() - 1))

    def row_of(self, conversation_id: int) -> int:
        for i, r in enumerate(self._rows):
            if r.id == conversation_id:
                return i
        return -1

    def conversation_ids(self) -> list[int]:
        """The conversations in the model's order."""
        return [r.id for r in self._rows]

    def conversation(self, row: int) -> ConversationRow:
        return self._rows[row]

    def titles(self) -> dict[int, str]:
        return {r.id: r.title for r in self._rows}

    def apps(self) -> dict[str, str]:
        return dict(self._apps)

    # -- Qt model -----------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 9

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and section in (COL_PRIVATE, COL_PARTY):
            from chatsafe.gui.message_model import _check_header

            if role == Qt.ItemDataRole.DisplayRole:
                return None  # the icon says it (the name is the tooltip): the list fits
            return _check_header(self, section == COL_PRIVATE, role)
        if orientation != Qt.Orientation.Horizontal or role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
        ):
            return None
        names = [
            self.tr("Private"),
            self.tr("Party-political"),
            self.tr("App"),
            self.tr("Conversation"),
            self.tr("Participants"),
            self.tr("Period"),
            self.tr("Messages"),
            self.tr("Marked inside"),
            self.tr("Review"),
        ]
        if 0 <= section < len(names):
            return names[section]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() in (COL_PRIVATE, COL_PARTY):
            base |= Qt.ItemFlag.ItemIsUserCheckable
        return base

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        r = self._rows[index.row()]
        col = index.column()
        if role == roles.ROW:
            return r
        if role == roles.ID:
            return r.id
        if role == Qt.ItemDataRole.CheckStateRole and col in (COL_PRIVATE, COL_PARTY):
            want = PRIVATE if col == COL_PRIVATE else PARTY
            return Qt.CheckState.Checked if r.label == want else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.DecorationRole and col == COL_TITLE:
            # Outlined while proposed, filled once confirmed (as the transcript's badges).
            return label_icon(r.label, proposed=r.status == "proposed") if r.label else None
        if role == Qt.ItemDataRole.AccessibleTextRole and col in (COL_PRIVATE, COL_PARTY):
            return label_name(PRIVATE if col == COL_PRIVATE else PARTY)
        if role == roles.SORT:
            return self._sort_value(r, col)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(r)
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(r, col)
        return None

    def _display(self, r: ConversationRow, col: int) -> str | None:
        if col == COL_APP:
            return self._apps.get(r.source_format, r.source_format)
        if col == COL_TITLE:
            return r.title
        if col == COL_PEOPLE:
            return ", ".join(r.participants)
        if col == COL_PERIOD:
            if not r.first:
                return ""
            return localtext.period_text(r.first, r.last)
        if col == COL_COUNT:
            return QLocale().toString(r.entries)
        if col == COL_MARKED:
            parts = []
            if r.marked.get(PRIVATE):
                parts.append(self.tr("%Ln private", "", r.marked[PRIVATE]))
            if r.marked.get(PARTY):
                parts.append(self.tr("%Ln party-political", "", r.marked[PARTY]))
            return ", ".join(parts)
        if col == COL_REVIEW:
            return self.review_text(r)
        return None

    def review_text(self, r: ConversationRow) -> str:
        if r.confirmed_by:
            text = self.tr("Confirmed by %1").replace("%1", r.confirmed_by)
        elif r.reviewed_by:
            text = self.tr("Reviewed by %1").replace("%1", r.reviewed_by)
        else:
            text = self.tr("Not reviewed")
        if r.proposals:
            text += " · " + self.tr("%Ln proposed", "", r.proposals)
        if r.doubts:
            text += " · " + self.tr("%Ln in doubt", "", r.doubts)
        if r.new_since_review:
            # Imported after the review: nobody has seen these yet.
            text += " · " + self.tr("%Ln new, unreviewed", "", r.new_since_review)
        return text

    def _tooltip(self, r: ConversationRow) -> str:
        label = label_name(r.label)
        state = self.tr("proposed") if r.status == "proposed" else self.tr("confirmed")
        text = f"{r.title}\n{label}"
        if r.label:
            text += f" ({state})"
        if r.reason:
            text += "\n" + self.tr("Reason: %1").replace("%1", r.reason)
        return text

    def _sort_value(self, r: ConversationRow, col: int) -> Any:
        if col in (COL_PRIVATE, COL_PARTY):
            return int(r.label == (PRIVATE if col == COL_PRIVATE else PARTY))
        if col == COL_COUNT:
            return r.entries
        if col == COL_MARKED:
            return sum(r.marked.values())
        if col == COL_PERIOD:
            return r.first or ""
        if col == COL_REVIEW:
            return (2 if r.confirmed_by else 1 if r.reviewed_by else 0, -r.proposals)
        return (self._display(r, col) or "").casefold()

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.CheckStateRole or index.column() not in (COL_PRIVATE, COL_PARTY):
            return False
        r = self._rows[index.row()]
        want = PRIVATE if index.column() == COL_PRIVATE else PARTY
        # The change shows once the worker has written it (then the rows are reloaded).
        self.mark_requested.emit(r.id, None if r.label == want else want)
        return True


class ConversationFilter(QSortFilterProxyModel):
    """Filters by text (title or participant), app, label, review state and dates."""

    LABEL_ANY, LABEL_PRIVATE, LABEL_PARTY, LABEL_BUSINESS, LABEL_INSIDE = range(5)
    REVIEW_ANY, REVIEW_NOT, REVIEW_REVIEWED, REVIEW_CONFIRMED, REVIEW_PROPOSALS = range(5)
    REVIEW_DOUBTS = 5  # with open doubts (issue 14): "met twijfel"

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.text = ""
        self.app: str | None = None
        self.label = self.LABEL_ANY
        self.review = self.REVIEW_ANY
        self.date_from: str | None = None
        self.date_to: str | None = None
        self.setSortRole(roles.SORT)
        # Not dynamic: a mark must not re-sort and re-filter 800 rows (measured 130 ms on
        # the 1M-message bench), nor make the row jump away under the reviewer's cursor.
        # Filters re-run when they change (set_filters) and on every reload.
        self.setDynamicSortFilter(False)

    def set_filters(self, **kwargs: Any) -> None:
        for k, v in kwargs.items():
            setattr(self, k, v)
        self.beginFilterChange()
        self.endFilterChange()

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        model = self.sourceModel()
        r: ConversationRow = model.index(source_row, 0, source_parent).data(roles.ROW)
        if r is None:
            return False
        if self.text:
            needle = self.text.casefold()
            if needle not in r.title.casefold() and not any(
                needle in p.casefold() for p in r.participants
            ):
                return False
        if self.app and r.source_format != self.app:
            return False
        if self.label == self.LABEL_PRIVATE and r.label != PRIVATE:
            return False
        if self.label == self.LABEL_PARTY and r.label != PARTY:
            return False
        if self.label == self.LABEL_BUSINESS and r.label not in (None, "business"):
            return False
        if self.label == self.LABEL_INSIDE and not sum(r.marked.values()):
            return False
        if self.review == self.REVIEW_NOT and (r.reviewed_by or r.confirmed_by):
            return False
        if self.review == self.REVIEW_REVIEWED and not r.reviewed_by:
            return False
        if self.review == self.REVIEW_CONFIRMED and not r.confirmed_by:
            return False
        if self.review == self.REVIEW_PROPOSALS and not r.proposals:
            return False
        if self.review == self.REVIEW_DOUBTS and not r.doubts:
            return False
        if self.date_from and (r.last or "")[:10] < self.date_from:
            return False
        return not (self.date_to and (r.first or "9999")[:10] > self.date_to)
