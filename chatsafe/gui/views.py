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
from PySide6.QtGui import QFocusEvent, QKeyEvent, QMouseEvent, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QStyle,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from chatsafe.gui import bubble_extras as extras
from chatsafe.gui import conversation_model as cm
from chatsafe.gui import message_model as mm
from chatsafe.gui import roles
from chatsafe.gui.conversation_delegate import ConversationDelegate, row_height
from chatsafe.gui.delegates import BubbleDelegate
from chatsafe.gui.select_all import SelectAllState, selected_rows
from chatsafe.gui.thumbnails import ThumbnailCache


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
        self.blocks = ConversationDelegate(self)
        self.verticalHeader().setDefaultSectionSize(row_height(self.font()))

    def setup_columns(self) -> None:
        """Two narrow checkbox columns and one compact block per conversation (issue 14:
        the list fits a 1280x800 screen without scrolling sideways); the other columns
        stay in the model for sorting and filtering."""
        h = self.horizontalHeader()
        style = self.style()
        check = style.pixelMetric(QStyle.PixelMetric.PM_IndicatorWidth, None, self) + 10
        narrow = max(check, self.fontMetrics().height() + 10)
        # The header's own minimum (38 px here) made both columns wider than a checkbox
        # needs, which at 200 % left the titles about 80 px.
        h.setMinimumSectionSize(min(h.minimumSectionSize(), narrow))
        for col in (cm.COL_PRIVATE, cm.COL_PARTY):
            h.setSectionResizeMode(col, QHeaderView.ResizeMode.Fixed)
            self.setColumnWidth(col, narrow)
        for col in (cm.COL_APP, cm.COL_PEOPLE, cm.COL_PERIOD, cm.COL_COUNT, cm.COL_MARKED):
            self.setColumnHidden(col, True)
        self.setColumnHidden(cm.COL_REVIEW, True)
        h.setSectionResizeMode(cm.COL_TITLE, QHeaderView.ResizeMode.Stretch)
        h.setStretchLastSection(False)
        self.setItemDelegateForColumn(cm.COL_TITLE, self.blocks)
        self.verticalHeader().setDefaultSectionSize(row_height(self.font()))
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)


class TranscriptView(_Table):
    """The conversation's messages, each in a bubble with its whole text.

    Row heights are set lazily: after every scroll, resize or model change the rows on
    screen (and a few beyond) are measured by the delegate and their sections resized;
    the heights are cached per (message id, width, first-of-day), so scrolling back is
    free and a row is measured again only when the column's width changes."""

    MEASURE_AHEAD = 8  # rows below the view measured in advance, so J never lands short
    CONTEXT = 1  # rows kept in view after (J) or before (K) the one scrolled to

    file_activated = Signal(object)  # a FileBrief: an image clicked, or Enter/Space on it

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
        self._heights: dict[tuple[object, ...], int] = {}
        self.thumbs: ThumbnailCache | None = None
        self.measured = 0  # rows measured, for tests and the benchmark
        self._measure_timer = QTimer(self)
        self._measure_timer.setSingleShot(True)
        self._measure_timer.setInterval(0)
        self._measure_timer.timeout.connect(self.measure_visible)
        self.verticalScrollBar().valueChanged.connect(self._schedule_measure)
        self.horizontalHeader().sectionResized.connect(self._column_resized)
        self.all_selected = SelectAllState(self)  # Ctrl+A on 200,000 rows (issue 14)

    def setModel(self, model: QAbstractItemModel | None) -> None:
        old = self.model()
        if old is not None:
            for signal in (old.modelReset, old.rowsInserted, old.layoutChanged, old.dataChanged):
                try:
                    signal.disconnect(self._schedule_measure)
                except (RuntimeError, TypeError):
                    pass
        super().setModel(model)
        if self.thumbs is not None:
            self.thumbs.close()
            self.thumbs.deleteLater()
            self.thumbs = self.bubbles.thumbs = None
        if model is not None:
            m = self.model()
            m.modelReset.connect(self._schedule_measure)
            m.rowsInserted.connect(self._schedule_measure)
            m.layoutChanged.connect(self._schedule_measure)
            # A mark adds or changes a badge, and so the row's height.
            m.dataChanged.connect(self._schedule_measure)
            reader = getattr(model, "reader", None)
            if reader is not None:
                self.thumbs = ThumbnailCache(reader.thumbnail_png, self)
                self.thumbs.ready.connect(lambda _id: self.viewport().update())
                self.bubbles.thumbs = self.thumbs
        self.all_selected.bind()
        self._schedule_measure()

    def selectAll(self) -> None:
        if not self.all_selected.select_all():
            super().selectAll()

    def initViewItemOption(self, option: QStyleOptionViewItem) -> None:
        super().initViewItemOption(option)
        if self.all_selected.active:  # every cell starts from this option: all look selected
            option.state |= QStyle.StateFlag.State_Selected

    def selected_rows(self) -> list[int]:
        return selected_rows(self, self.all_selected)

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
        if index.isValid() and hint == QAbstractItemView.ScrollHint.EnsureVisible:
            self._keep_context(index)

    def _keep_context(self, index: QModelIndex | QPersistentModelIndex) -> None:
        """Show a row after the selected one (and one before it), so J and K never leave
        the selection at the edge with nothing to read after it (issue 14). The selected
        row itself always stays in view: its top wins over the context."""
        model = self.model()
        bar = self.verticalScrollBar()
        for _ in range(2):  # measuring the new rows can move them once more
            row = self.visualRect(index)
            height = self.viewport().height()
            after = model.index(min(model.rowCount() - 1, index.row() + self.CONTEXT), 0)
            before = model.index(max(0, index.row() - self.CONTEXT), 0)
            delta = 0
            below = self.visualRect(after).bottom() - height + 1
            if below > 0:
                delta = min(below, row.top())
            above = self.visualRect(before).top()
            if delta == 0 and above < 0:
                delta = max(above, row.bottom() - height + 1)
            if delta == 0:
                return
            bar.setValue(bar.value() + delta)
            if not self.measure_visible():
                return

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        if event.button() != Qt.MouseButton.LeftButton:
            return
        index = self.indexAt(event.position().toPoint())
        if not index.isValid() or index.column() != mm.COL_TEXT:
            return
        parts = self.bubbles.parts(index)
        if parts is None:
            return
        layout = self.bubbles.layout_for(self.font())
        found = layout.file_at(parts, self.visualRect(index), event.position())
        if found is not None and extras.is_image(found):
            self.file_activated.emit(found)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Enter or Space on a message with an image opens it (the mouse's click).
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space) and (
            event.modifiers() == Qt.KeyboardModifier.NoModifier
        ):
            row = self.currentIndex().data(roles.ROW)
            images = [f for f in getattr(row, "files", []) if extras.is_image(f)]
            if images:
                self.file_activated.emit(images[0])
                return
            if event.key() == Qt.Key.Key_Space:
                # Qt's default toggles the checkbox of the current cell (column 0, Private):
                # a silent mark. Marking is P, F and C, which say what they did.
                event.accept()
                return
        super().keyPressEvent(event)

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
                key = (width, *parts.size_key())
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
