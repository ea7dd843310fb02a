"""The two tables of the main window, set up for speed and for the keyboard.

Rows have a fixed height: Qt then never measures 200,000 rows, and scrolling to the end
of a long conversation touches only the rows on screen.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFocusEvent
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
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("transcript")
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setShowGrid(False)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 14)
        self.setItemDelegateForColumn(mm.COL_TEXT, BubbleDelegate(self))

    def setup_columns(self) -> None:
        h = self.horizontalHeader()
        fm = self.fontMetrics()
        # Fixed widths: ResizeToContents would measure every row.
        for col, sample in (
            (mm.COL_LABEL, "MM"),  # the icon; the label's name is in the tooltip
            (mm.COL_TIME, "0000-00-00 00:00"),
            (mm.COL_SENDER, "Sender name"),
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
