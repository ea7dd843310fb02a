"""The "what will leave" page: per conversation and in total, in plain words (issue 14).

A minister reads it before confirming: how many messages go to the archive, how many
stay behind as private, as party-political or because they fall outside the in-scope
period, and what is still open. The numbers are the core's one summary
(:func:`chatsafe.review.summary.summarize`, the rule :func:`~chatsafe.review.summary.leaves`),
computed on the worker; this module only shows them.

The page is generic over the summary's categories: a column is shown for each
:data:`categories` entry the core's :class:`~chatsafe.review.summary.Counts` has, so a
new count in the core (the doubts of issue 14) needs one entry here, not a new page.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, fields
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSize,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont, QKeyEvent, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from chatsafe.gui import localtext
from chatsafe.gui.flow import FlowLayout
from chatsafe.gui.style import BUSINESS, PARTY, PRIVATE, label_icon
from chatsafe.review.summary import Counts, Summary

Index = QModelIndex | QPersistentModelIndex

LABELS = {"business": BUSINESS, "private": PRIVATE, "party_political": PARTY}
"""Categories that are a label: their column shows the label's icon."""

ID_ROLE = Qt.ItemDataRole.UserRole + 1
"""The conversation id of a row."""


@dataclass(frozen=True)
class Category:
    """One count of the summary: the ``Counts`` field, a column header, a sentence."""

    field: str
    header: str
    sentence: Callable[[int], str]  # "%1" in it is the number, formatted for the locale
    explanation: str


def categories() -> list[Category]:
    """Every category the page knows, in reading order; shown when the core counts it."""
    t = QCoreApplication.translate
    known = [
        Category(
            "business",
            t("SummaryPage", "Goes to\nthe archive"),
            lambda n: t("SummaryPage", "%1 message(s) go to the archive", None, n),
            t("SummaryPage", "Business messages in the period: they leave with the bundle."),
        ),
        Category(
            "private",
            t("SummaryPage", "Stays behind:\nprivate"),
            lambda n: t("SummaryPage", "%1 stay(s) behind: private", None, n),
            t("SummaryPage", "Marked private: they never leave."),
        ),
        Category(
            "party_political",
            t("SummaryPage", "Stays behind:\nparty-political"),
            lambda n: t("SummaryPage", "%1 stay(s) behind: party-political", None, n),
            t("SummaryPage", "Marked party-political: they never leave."),
        ),
        Category(
            "out_of_period",
            t("SummaryPage", "Stays behind:\noutside the period"),
            lambda n: t("SummaryPage", "%1 stay(s) behind: outside the period", None, n),
            t("SummaryPage", "Sent before or after the in-scope period: they never leave."),
        ),
        Category(
            "doubts",
            t("SummaryPage", "In doubt"),
            # Counts.doubts counts doubts, not messages: one may cover a whole conversation.
            lambda n: t("SummaryPage", "%1 open doubt(s)", None, n),
            t(
                "SummaryPage",
                "Someone asked about a message or a whole conversation: answer it (Shift+D) "
                "before the bundle.",
            ),
        ),
        Category(
            "unreviewed",
            t("SummaryPage", "Not reviewed\nyet"),
            lambda n: t("SummaryPage", "%1 not reviewed yet", None, n),
            t(
                "SummaryPage",
                "Nobody has looked at these yet. Unmarked messages count as business.",
            ),
        ),
        Category(
            "unconfirmed",
            t("SummaryPage", "Not confirmed\nyet"),
            lambda n: t("SummaryPage", "%1 not confirmed by the minister yet", None, n),
            t("SummaryPage", "Proposals or conversations the minister has not confirmed yet."),
        ),
    ]
    counted = {f.name for f in fields(Counts)}
    return [c for c in known if c.field in counted]


def period_text(start: str | None, end: str | None) -> str:
    """What the in-scope period is, in one or two plain sentences."""
    t = QCoreApplication.translate
    why = t(
        "SummaryPage",
        "The in-scope period is the time the archive asks for (usually the term of office);"
        " messages sent outside it are not part of this transfer.",
    )
    if start and end:
        when = (
            t("SummaryPage", "In-scope period: from %1 to %2.")
            .replace("%1", localtext.date_text(start))
            .replace("%2", localtext.date_text(end))
        )
    elif start:
        when = t("SummaryPage", "In-scope period: from %1, no end date.").replace(
            "%1", localtext.date_text(start)
        )
    elif end:
        when = t("SummaryPage", "In-scope period: until %1, no start date.").replace(
            "%1", localtext.date_text(end)
        )
    else:
        when = t("SummaryPage", "No in-scope period is set: every message counts.")
    return f"{when} {why}"


class SummaryModel(QAbstractTableModel):
    """One row per conversation: its title, then a count per category."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.cats = categories()
        self._rows: list[tuple[int, str, Counts]] = []

    def set_summary(self, summary: Summary, titles: dict[int, str]) -> None:
        self.beginResetModel()
        self._rows = [
            (cid, titles.get(cid, str(cid)), counts)
            for cid, counts in summary.conversations.items()
        ]
        self.endResetModel()

    def conversation_id(self, row: int) -> int | None:
        return self._rows[row][0] if 0 <= row < len(self._rows) else None

    def count(self, row: int, field: str) -> int:
        return int(getattr(self._rows[row][2], field))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 1 + len(self.cats)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if section == 0:
            if role == Qt.ItemDataRole.DisplayRole:
                return QCoreApplication.translate("SummaryPage", "Conversation")
            return None
        cat = self.cats[section - 1]
        if role == Qt.ItemDataRole.DisplayRole:
            return cat.header
        if role == Qt.ItemDataRole.DecorationRole and cat.field in LABELS:
            return label_icon(LABELS[cat.field])  # the label's one icon, as everywhere
        if role == Qt.ItemDataRole.ToolTipRole:
            return cat.explanation
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        cid, title, counts = self._rows[index.row()]
        col = index.column()
        if role == ID_ROLE:
            return cid
        if col == 0:
            if role == Qt.ItemDataRole.DisplayRole:
                return title
            if role == Qt.ItemDataRole.ToolTipRole:
                return QCoreApplication.translate(
                    "SummaryPage", "Click or press Enter to open this conversation"
                )
            return None
        value = int(getattr(counts, self.cats[col - 1].field))
        if role == Qt.ItemDataRole.DisplayRole:
            return QLocale().toString(value) if value else "–"
        if role == Qt.ItemDataRole.UserRole:  # sorting by number, not by text
            return value
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            header = self.cats[col - 1].header.replace("\n", " ")
            return f"{header}: {QLocale().toString(value)}"
        return None


class _Sort(QSortFilterProxyModel):
    def lessThan(self, left: Index, right: Index) -> bool:
        if left.column() == 0:
            return str(left.data()).casefold() < str(right.data()).casefold()
        return int(left.data(Qt.ItemDataRole.UserRole)) < int(right.data(Qt.ItemDataRole.UserRole))


class _FitScroll(QScrollArea):
    """Asks for the height its text needs at its width (word-wrapped labels: a plain
    scroll area asked for less and cut the last sentence on a full screen), and scrolls
    only when the window is shorter than that."""

    def sizeHint(self) -> QSize:
        inner = self.widget()
        hint = super().sizeHint()
        if inner is None:
            return hint
        width = self.viewport().width() if self.isVisible() else inner.sizeHint().width()
        layout = inner.layout()
        if layout is not None and layout.hasHeightForWidth():
            height = layout.totalHeightForWidth(width)
        else:
            height = inner.sizeHint().height()
        return QSize(hint.width(), height + 2 * self.frameWidth())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.oldSize().width() != event.size().width():
            self.updateGeometry()  # the text wraps differently: another height


class SummaryPage(QWidget):
    """``open_conversation(id)`` when a row is activated; ``back()`` to the review."""

    open_conversation = Signal(int)
    back = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("summaryPage")
        self.summary: Summary | None = None
        title = QLabel(self.tr("What will leave"), self)
        font = QFont(title.font())
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        title.setFont(font)
        self.back_button = QPushButton(self.tr("Back to the review"), self)
        self.back_button.setAccessibleName(self.tr("Back to the review"))
        self.back_button.setToolTip(self.tr("Back to the conversations (Esc)"))
        self.back_button.clicked.connect(self.back)
        # The minister confirms from here once the numbers are right (the window's action,
        # so its role check and its dialog are the one path).
        self.confirm_button = QToolButton(self)
        self.confirm_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        # Title and buttons wrap onto lines of their own in a narrow window: side by
        # side they made the window 605 px wide at least (issue 14: fit 683 at 200 %).
        top = FlowLayout()
        top.addWidget(title)
        top.addWidget(self.confirm_button)
        top.addWidget(self.back_button)
        # The totals as sentences, one per category: readable at a glance.
        self.totals = QLabel("", self)
        self.totals.setObjectName("summaryTotals")
        self.totals.setWordWrap(True)
        self.totals.setTextFormat(Qt.TextFormat.RichText)
        self.period = QLabel("", self)
        self.period.setObjectName("summaryPeriod")
        self.period.setWordWrap(True)
        hint = QLabel(
            self.tr(
                "Unmarked messages are business and go to the archive. Click a conversation"
                " to open it."
            ),
            self,
        )
        hint.setWordWrap(True)
        self.model = SummaryModel(self)
        self.proxy = _Sort(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView(self)
        self.table.setObjectName("summaryTable")
        self.table.setAccessibleName(self.tr("What will leave, per conversation"))
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col in range(1, self.model.columnCount()):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        # One click opens the conversation, as a minister expects of a list of links.
        self.table.clicked.connect(self._activated)
        self.table.activated.connect(self._activated)
        # The sentences scroll in a short window (1366x768 at 200 % leaves 344 px), so
        # the table keeps room; on a normal screen they show whole, without a scroll bar.
        texts = QWidget(self)
        words = QVBoxLayout(texts)
        words.setContentsMargins(0, 0, 0, 0)
        words.addWidget(self.totals)
        words.addWidget(self.period)
        words.addWidget(hint)
        self.texts = _FitScroll(self)
        self.texts.setWidgetResizable(True)
        self.texts.setFrameShape(QScrollArea.Shape.NoFrame)
        self.texts.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.texts.setWidget(texts)
        self.texts.setMinimumHeight(self.fontMetrics().height() * 2)
        self.table.setMinimumHeight(self.fontMetrics().height() * 4)
        lay = QVBoxLayout(self)
        lay.addLayout(top)
        lay.addWidget(self.texts)
        lay.addWidget(self.table, 1)
        self.set_waiting()

    def set_waiting(self) -> None:
        self.totals.setText(self.tr("Counting…"))

    def set_summary(
        self, summary: Summary, titles: dict[int, str], period: tuple[str | None, str | None]
    ) -> None:
        self.summary = summary
        self.model.set_summary(summary, titles)
        locale = QLocale()
        lines = []
        for cat in self.model.cats:
            value = int(getattr(summary.total, cat.field))
            text = cat.sentence(value).replace("%1", f"<b>{locale.toString(value)}</b>")
            if cat.field == "business":
                text = f"<span style='font-size:large'>{text}</span>"
            elif not value:
                continue  # nothing withheld or open in this category: no line
            lines.append(text)
        self.totals.setText("<br>".join(lines))
        self.period.setText(period_text(*period))
        self.texts.updateGeometry()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Esc goes back to the review (the table passes keys it does not use up to here).
        if event.key() == Qt.Key.Key_Escape:
            self.back.emit()
            return
        super().keyPressEvent(event)

    def _activated(self, index: QModelIndex) -> None:
        cid = index.data(ID_ROLE)
        if cid is not None:
            self.open_conversation.emit(int(cid))
