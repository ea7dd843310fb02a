"""The two tables of the main window, set up for speed and for the keyboard.

Qt never measures all rows: the conversation list has a fixed row height, and the
transcript sets the height of only the rows it shows (each message's whole text, wrapped),
caching them per message and width. Scrolling to the end of a 200,000-message
conversation touches only the rows on screen.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractItemModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QFocusEvent, QResizeEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from chatsafe.gui import conversation_model as cm
from chatsafe.gui import message_model as mm
from chatsafe.gui.delegates import BubbleDelegate


class _Table(QTableView):
    focused = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setAlternatingRowColors(False)
        self.setWordWrap(False)
        self.setTabKeyNavigation(False)  # Tab moves to the next pane
        v = self.verticalHeader()
        v.setVisible(False)
        v.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.horizontalHeader().setHighlightSections(False)

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.focused.emit()


class ConversationView(_Table):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("conversations")
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setSortingEnabled(True)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)

    def setup_columns(self) -> None:
        h = self.horizontalHeader()
        fm = self.fontMetrics()
        # Widths from the font, not ResizeToContents: that asks every row for its size on
        # each change (32 data() calls a row; 130 ms per mark with 800 conversations).
        model = self.model()
        for col, sample in (
            (cm.COL_PRIVATE, None),
            (cm.COL_PARTY, None),
            (cm.COL_APP, "Signal Desktop"),
            (cm.COL_COUNT, "000,000"),
        ):
            header = model.headerData(col, Qt.Orientation.Horizontal) if model else ""
            width = fm.horizontalAdvance(sample or str(header or "")) + 28
            h.setSectionResizeMode(col, QHeaderView.ResizeMode.Interactive)
            self.setColumnWidth(col, width)
        h.setSectionResizeMode(cm.COL_TITLE, QHeaderView.ResizeMode.Stretch)
        for col in (cm.COL_PEOPLE, cm.COL_PERIOD, cm.COL_MARKED):
            self.setColumnHidden(col, False)
            h.setSectionResizeMode(col, QHeaderView.ResizeMode.Interactive)
        h.setStretchLastSection(False)


class TranscriptView(_Table):
    """The conversation's messages, each in a bubble with its whole text.

    Row heights are set lazily: after every scroll, resize or model change the rows on
    screen (and a few beyond) are measured by the delegate and their sections resized;
    the heights are cached per (message id, width, first-of-day), so scrolling back is
    free and a row is measured again only when the column's width changes."""

    MEASURE_AHEAD = 8  # rows below the view measured in advance, so J never lands short

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("transcript")
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setShowGrid(False)
        self.setWordWrap(True)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() * 3 + 18)
        self.bubbles = BubbleDelegate(self)
        self.setItemDelegateForColumn(mm.COL_TEXT, self.bubbles)
        self._heights: dict[tuple[int, int, bool], int] = {}
        self.measured = 0  # rows measured, for tests and the benchmark
        self._measure_timer = QTimer(self)
        self._measure_timer.setSingleShot(True)
        self._measure_timer.setInterval(0)
        self._measure_timer.timeout.connect(self.measure_visible)
        self.verticalScrollBar().valueChanged.connect(self._schedule_measure)
        self.horizontalHeader().sectionResized.connect(self._column_resized)

    def setModel(self, model: QAbstractItemModel | None) -> None:
        old = self.model()
        if old is not None:
            for signal in (old.modelReset, old.rowsInserted, old.layoutChanged):
                try:
                    signal.disconnect(self._schedule_measure)
                except (RuntimeError, TypeError):
                    pass
        super().setModel(model)
        if model is not None:
            m = self.model()
            m.modelReset.connect(self._schedule_measure)
            m.rowsInserted.connect(self._schedule_measure)
            m.layoutChanged.connect(self._schedule_measure)
        self._schedule_measure()

    def _schedule_measure(self, *_: object) -> None:
        self._measure_timer.start()

    def _column_resized(self, logical: int, _old: int, _new: int) -> None:
        if logical == mm.COL_TEXT:
            self._schedule_measure()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._schedule_measure()

    def scrollTo(
        self,
        index: QModelIndex | QPersistentModelIndex,
        hint: QAbstractItemView.ScrollHint = QAbstractItemView.ScrollHint.EnsureVisible,
    ) -> None:
        super().scrollTo(index, hint)
        # The rows it brought into view may grow when measured: measure now, then make
        # sure the row is still in view.
        if index.isValid() and self.measure_visible():
            super().scrollTo(index, hint)

    def measure_visible(self) -> bool:
        """Give the rows on screen their real height. True if any height changed."""
        model = self.model()
        if model is None or model.rowCount() == 0:
            return False
        header = self.verticalHeader()
        width = self.columnWidth(mm.COL_TEXT)
        if width <= 0:
            return False
        changed = False
        font = self.font()
        at_bottom = self.verticalScrollBar().value() >= self.verticalScrollBar().maximum() > 0
        for _ in range(4):  # rows that shrink bring more rows into view
            first = max(0, self.rowAt(0))
            last = self.rowAt(self.viewport().height() - 1)
            if last < 0:
                last = model.rowCount() - 1
            last = min(model.rowCount() - 1, last + self.MEASURE_AHEAD)
            grew = False
            for row in range(first, last + 1):
                index = model.index(row, mm.COL_TEXT)
                parts = self.bubbles.parts(index)
                if parts is None:
                    continue
                key = (parts.row.id, width, parts.new_day)
                height = self._heights.get(key)
                if height is None:
                    height = self.bubbles.row_height(index, width, font)
                    self._heights[key] = height
                    self.measured += 1
                if header.sectionSize(row) != height:
                    header.resizeSection(row, height)
                    grew = True
            if not grew:
                break
            changed = True
        if changed and at_bottom:
            self.scrollToBottom()
        return changed

    def setup_columns(self) -> None:
        h = self.horizontalHeader()
        fm = self.fontMetrics()
        # Fixed widths: ResizeToContents would measure every row.
        for col, sample in (
            (mm.COL_LABEL, "MM"),  # the icon; the label's name is in the tooltip
        ):
            h.setSectionResizeMode(col, QHeaderView.ResizeMode.Interactive)
            self.setColumnWidth(col, fm.horizontalAdvance(sample) + 16)
        for col in (mm.COL_PRIVATE, mm.COL_PARTY):
            self.setColumnWidth(
                col,
                fm.horizontalAdvance(self.model().headerData(col, Qt.Orientation.Horizontal) or "")
                + 24,
            )
        h.setSectionResizeMode(mm.COL_TEXT, QHeaderView.ResizeMode.Stretch)
        # Time and sender are inside each bubble, whole, as on the phone.
        self.setColumnHidden(mm.COL_TIME, True)
        self.setColumnHidden(mm.COL_SENDER, True)
