"""Select-all that never blocks (issue 14, item 11).

Qt selects a range by visiting every index in it, and each visit calls the Python
model's ``rowCount`` (``hasIndex``): Ctrl+A on 200,000 messages × 6 columns held the
GUI thread for seconds, and reading the selection back (``selectedRows``) as long again.

So a large select-all is a state, not a Qt selection: the view remembers "everything",
clears Qt's (cheap) selection, and paints every row as selected (the base option of
every cell carries ``State_Selected``). The first real selection change (a click, an
arrow key, a new conversation) ends it. The selected ids are then the model's id list,
and for ordinary selections they are read from the selection's ranges, not row by row.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, QObject
from PySide6.QtWidgets import QTableView

NATIVE_LIMIT = 2_000
"""Up to this many rows Qt's own select-all is fast enough (well under 100 ms)."""


class SelectAllState(QObject):
    """Whether the view's whole model is selected without a Qt selection."""

    def __init__(self, view: QTableView) -> None:
        super().__init__(view)
        self.view = view
        self.active = False
        self._bound: object | None = None

    def bind(self) -> None:
        """Follow the view's current model and selection model (after ``setModel``)."""
        self.active = False
        model, sm = self.view.model(), self.view.selectionModel()
        if model is None or sm is None or self._bound is sm:
            return
        self._bound = sm
        sm.selectionChanged.connect(self._selection_changed)
        model.modelReset.connect(self.end)
        model.rowsInserted.connect(self.end)
        model.rowsRemoved.connect(self.end)

    def select_all(self) -> bool:
        """Enter the state for a large model; False if Qt should select (small model)."""
        model = self.view.model()
        if model is None or model.rowCount() <= NATIVE_LIMIT:
            self.end()
            return False
        sm = self.view.selectionModel()
        if sm is not None and sm.hasSelection():
            sm.clearSelection()  # before `active`: this change must not end the state
        self.active = True
        self.view.viewport().update()
        return True

    def end(self, *_: object) -> None:
        if self.active:
            self.active = False
            self.view.viewport().update()

    def _selection_changed(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        if self.active and not selected.isEmpty():
            self.end()


def selected_rows(view: QTableView, state: SelectAllState) -> list[int]:
    """The selected rows in order, without visiting each index (see the module doc)."""
    model = view.model()
    if model is None:
        return []
    if state.active:
        return list(range(model.rowCount()))
    sm = view.selectionModel()
    if sm is None:
        return []
    rows: set[int] = set()
    selection = sm.selection()
    for i in range(selection.count()):
        r = selection.at(i)
        rows.update(range(r.top(), r.bottom() + 1))
    return sorted(rows)
