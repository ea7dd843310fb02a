"""The widgets around the tables: filter bars, the legend, the welcome page."""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from chatsafe import demo
from chatsafe.gui import localtext
from chatsafe.gui.conversation_model import (
    COL_APP,
    COL_COUNT,
    COL_PERIOD,
    COL_REVIEW,
    COL_TITLE,
    ConversationFilter,
)
from chatsafe.gui.flow import FlowLayout
from chatsafe.gui.style import BUSINESS, PARTY, PRIVATE, label_name, label_pixmap


class Legend(QWidget):
    """One colour and one icon per label; outlined means an assistant's proposal nobody
    confirmed yet, dashed a lexicon's suggestion (as the transcript's badges)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("legend")
        self.setAccessibleName(self.tr("Legend"))
        # Two a row, so that the legend never makes the details pane wide.
        grid = QGridLayout(self)
        grid.setContentsMargins(4, 0, 4, 0)
        grid.setColumnStretch(4, 1)
        size = self.fontMetrics().height()
        for n, (label, suggested, proposed, text) in enumerate(
            (
                (BUSINESS, False, False, label_name(BUSINESS) + " " + self.tr("(leaves)")),
                (PRIVATE, False, False, label_name(PRIVATE)),
                (PARTY, False, False, label_name(PARTY)),
                (PRIVATE, False, True, self.tr("outlined: proposal")),
                (PRIVATE, True, False, self.tr("dashed: suggestion")),
            )
        ):
            icon = QLabel(self)
            icon.setPixmap(label_pixmap(label, suggested, size, proposed))
            icon.setAccessibleName(text)
            r, col = divmod(n, 2)
            grid.addWidget(icon, r, col * 2)
            words = QLabel(text, self)
            words.setWordWrap(True)  # a narrow details pane wraps, never widens the window
            grid.addWidget(words, r, col * 2 + 1)


class ConversationFilterBar(QWidget):
    def __init__(self, proxy: ConversationFilter, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.proxy = proxy
        self.text = QLineEdit(self)
        self.text.setPlaceholderText(self.tr("Filter by title or participant"))
        self.text.setAccessibleName(self.tr("Filter by title or participant"))
        self.text.setClearButtonEnabled(True)
        self.app = QComboBox(self)
        self.app.setAccessibleName(self.tr("Filter by app"))
        self.label = QComboBox(self)
        self.label.setAccessibleName(self.tr("Filter by label"))
        for text in (
            self.tr("All labels"),
            label_name(PRIVATE),
            label_name(PARTY),
            label_name(BUSINESS),
            self.tr("With marked messages"),
        ):
            self.label.addItem(text)
        self.review = QComboBox(self)
        self.review.setAccessibleName(self.tr("Filter by review state"))
        for text in (
            self.tr("Any review state"),
            self.tr("Not reviewed"),
            self.tr("Reviewed"),
            self.tr("Confirmed"),
            self.tr("With proposals"),
            self.tr("With doubts"),
        ):
            self.review.addItem(text)
        self.set_apps({})
        # The text filter on its own row: four controls side by side made the
        # conversation pane too wide and the text field too narrow to type in.
        rows = QVBoxLayout(self)
        rows.setContentsMargins(0, 0, 0, 0)
        rows.setSpacing(2)
        # Two by two: three combos side by side made the pane too wide for a small screen.
        top = QHBoxLayout()
        top.addWidget(self.text, 2)
        top.addWidget(self.app, 1)
        rows.addLayout(top)
        row = QHBoxLayout()
        row.addWidget(self.label, 1)
        row.addWidget(self.review, 1)
        rows.addLayout(row)
        # The rows are compact blocks without column headers to click, so the order is
        # chosen here, on a row of its own so that no combo is cut (issue 14).
        self.sort = QComboBox(self)
        self.sort.setAccessibleName(self.tr("Sort conversations"))
        self.sort.setToolTip(self.tr("Sort conversations"))
        for text, col, order in (
            (self.tr("In import order"), -1, Qt.SortOrder.AscendingOrder),
            (self.tr("By title"), COL_TITLE, Qt.SortOrder.AscendingOrder),
            (self.tr("Newest first"), COL_PERIOD, Qt.SortOrder.DescendingOrder),
            (self.tr("Most messages"), COL_COUNT, Qt.SortOrder.DescendingOrder),
            (self.tr("By review state"), COL_REVIEW, Qt.SortOrder.AscendingOrder),
            (self.tr("By app"), COL_APP, Qt.SortOrder.AscendingOrder),
        ):
            self.sort.addItem(text, (col, order))
        rows.addWidget(self.sort)
        for combo in (self.app, self.label, self.review, self.sort):
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            # Five characters and the arrow: the pane (and the window) may get narrow
            # (1366 px at 200 % is 683); the open list shows each entry whole.
            combo.setMinimumContentsLength(5)
        self.sort.currentIndexChanged.connect(lambda _i: self.apply_sort())
        # A reload resets the rows; the chosen order is applied again.
        proxy.modelReset.connect(self.apply_sort)
        self.text.textChanged.connect(lambda t: proxy.set_filters(text=t.strip()))
        self.app.currentIndexChanged.connect(
            lambda _i: proxy.set_filters(app=self.app.currentData())
        )
        self.label.currentIndexChanged.connect(lambda i: proxy.set_filters(label=i))
        self.review.currentIndexChanged.connect(lambda i: proxy.set_filters(review=i))

    def apply_sort(self) -> None:
        choice = self.sort.currentData()
        if choice is not None:
            self.proxy.sort(*choice)  # column -1: the order of import

    def set_apps(self, apps: dict[str, str]) -> None:
        current = self.app.currentData()
        self.app.blockSignals(True)
        self.app.clear()
        self.app.addItem(self.tr("All apps"), None)
        for key, name in sorted(apps.items(), key=lambda kv: kv[1]):
            self.app.addItem(name, key)
        self.app.setCurrentIndex(max(0, self.app.findData(current)))
        self.app.blockSignals(False)


class DateFilterBar(QWidget):
    """A date range for the transcript and the conversation list (both ends optional)."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.use_from = QCheckBox(self.tr("From"), self)
        self.use_to = QCheckBox(self.tr("To"), self)
        self.date_from = QDateEdit(self)
        self.date_to = QDateEdit(self)
        for box, edit, name in (
            (self.use_from, self.date_from, self.tr("Show messages from this date")),
            (self.use_to, self.date_to, self.tr("Show messages up to this date")),
        ):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat(localtext.DATE_FORMAT)  # "4 mrt 2024", not ISO text
            edit.setDate(QDate.currentDate())
            edit.setAccessibleName(name)
            box.setAccessibleName(name)
            box.toggled.connect(lambda _c: self.changed.emit())
            edit.dateChanged.connect(lambda _d, b=box: self._date_changed(b))
        self._period: tuple[str | None, str | None] = (None, None)
        self.period_note = QLabel("", self)
        self.period_note.setWordWrap(True)
        # The period on its own line under the dates: side by side they made the
        # transcript pane, and so the window, too wide for a small screen.
        rows = QVBoxLayout(self)
        rows.setContentsMargins(0, 0, 0, 0)
        rows.setSpacing(2)
        flow = FlowLayout()
        for box, edit in ((self.use_from, self.date_from), (self.use_to, self.date_to)):
            pair = QWidget(self)
            row = QHBoxLayout(pair)
            row.setContentsMargins(0, 0, 0, 0)
            row.addWidget(box)
            row.addWidget(edit)
            flow.addWidget(pair)
        rows.addLayout(flow)
        rows.addWidget(self.period_note)

    def _preset(self, start: str | None, end: str | None) -> None:
        for edit, box, value in (
            (self.date_from, self.use_from, start),
            (self.date_to, self.use_to, end),
        ):
            if value and not box.isChecked():
                edit.blockSignals(True)
                edit.setDate(QDate.fromString(value[:10], "yyyy-MM-dd"))
                edit.blockSignals(False)

    def set_span(self, first: str | None, last: str | None) -> None:
        """The case's first and last day: where the period leaves an end open, ticking
        From or To starts there, not at today, which would hide every message (issue 14)."""
        start, end = self._period
        self._preset(start or first, end or last)

    def _date_changed(self, box: QCheckBox) -> None:
        if box.isChecked():  # a date of an unticked bound filters nothing
            self.changed.emit()

    def range(self) -> tuple[str | None, str | None]:
        a = self.date_from.date().toString("yyyy-MM-dd") if self.use_from.isChecked() else None
        b = self.date_to.date().toString("yyyy-MM-dd") if self.use_to.isChecked() else None
        return a, b

    def set_period(self, start: str | None, end: str | None) -> None:
        # Unticked date fields start at the period's ends, not at today: ticking "From"
        # then shows the case's first day, which is what a reviewer expects.
        self._period = (start, end)
        self._preset(start, end)
        if start or end:
            text = (
                self.tr("In-scope period: %1 – %2")
                .replace("%2", localtext.date_text(end))
                .replace("%1", localtext.date_text(start))
            )
        else:
            text = self.tr("No in-scope period set")
        self.period_note.setText(text)


class WelcomePage(QWidget):
    """Shown when no case is open: open, create, or pick a recent case."""

    open_requested = Signal(object)  # a Path

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("welcome")
        title = QLabel(
            self.tr("chatsafe: separate business messages from private and party-political ones"),
            self,
        )
        title.setWordWrap(True)
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        title.setFont(font)
        self.open_button = QPushButton(self.tr("Open case…"), self)
        self.open_button.setAccessibleName(self.tr("Open case…"))
        self.new_button = QPushButton(self.tr("New case…"), self)
        self.new_button.setAccessibleName(self.tr("New case…"))
        # The demo as `chatsafe demo` opens it (built on first use), with its passphrase
        # in sight: without a keyring the app asks for it when the demo is opened again.
        self.demo_button = QPushButton(self.tr("Open the demo"), self)
        self.demo_button.setObjectName("openDemo")
        self.demo_button.setAccessibleName(self.tr("Open the demo"))
        self.demo_note = QLabel(
            self.tr("The demo is a case with invented chats; its passphrase is %1.").replace(
                "%1", demo.DEMO_PASSPHRASE
            ),
            self,
        )
        self.demo_note.setObjectName("demoNote")
        self.demo_note.setWordWrap(True)
        # Muted (a side note, not an instruction) but enabled, so the passphrase can be
        # selected and copied.
        muted = self.demo_note.palette()
        muted.setColor(
            QPalette.ColorRole.WindowText,
            muted.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText),
        )
        self.demo_note.setPalette(muted)
        self.demo_note.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.recent = QListWidget(self)
        self.recent.setAccessibleName(self.tr("Recent cases"))
        self.recent.setObjectName("recentCases")
        self.recent.setMaximumWidth(760)
        self.recent.itemActivated.connect(
            lambda item: self.open_requested.emit(Path(item.data(Qt.ItemDataRole.UserRole)))
        )
        self.recent_label = QLabel(self.tr("Recent cases:"), self)
        # The empty state says what to do first, instead of a huge empty list.
        self.empty = QLabel(
            self.tr(
                "No cases yet. Create a new case for a minister's chats, or open a case "
                "someone gave you (a .chatsafe file). To look around first, choose "
                "“Open the demo”: a case with invented chats."
            ),
            self,
        )
        self.empty.setObjectName("welcomeEmpty")
        self.empty.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.demo_button)
        buttons.addStretch(1)
        # The page scrolls when the window is short: with eight recent cases it made the
        # window 548 px high, and 1366x768 at 200 % leaves 344 (issue 14).
        content = QWidget()
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        layout = QVBoxLayout(content)
        layout.setContentsMargins(24, 24, 24, 24)
        layout.addWidget(title)
        layout.addLayout(buttons)
        layout.addWidget(self.demo_note)
        layout.addWidget(self.empty)
        layout.addWidget(self.recent_label)
        layout.addWidget(self.recent)
        layout.addStretch(1)

    def set_recent(self, paths: list[Path]) -> None:
        """Recent cases by name, their folder muted on a second line (the whole path in
        the tooltip); a case whose file is gone says so."""
        self.recent.clear()
        # The disabled text colour: grey in every palette (the placeholder colour is black
        # with transparency, which rich text cannot show).
        muted = (
            self.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText).name()
        )
        for p in paths:
            folder = str(p.parent)
            if not p.exists():
                folder = self.tr("%1 (not found)").replace("%1", folder)
            item = QListWidgetItem(self.recent)
            item.setData(Qt.ItemDataRole.UserRole, str(p))
            item.setToolTip(str(p))
            label = QLabel(
                f"<b>{html.escape(p.stem)}</b><br>"
                f'<span style="color:{muted}">{html.escape(folder)}</span>'
            )
            label.setContentsMargins(6, 3, 6, 3)
            item.setSizeHint(label.sizeHint())
            self.recent.setItemWidget(item, label)
        has = bool(paths)
        self.empty.setVisible(not has)
        self.recent.setVisible(has)
        self.recent_label.setVisible(has)
        # As tall as its rows, not a huge empty box.
        rows = sum(self.recent.sizeHintForRow(i) for i in range(self.recent.count()))
        self.recent.setFixedHeight(rows + 2 * self.recent.frameWidth() + 4)
