"""Search results that show their hits (issue 14): the honest count above the list, and
per hit two lines: where it is (conversation, time, sender), then the text around the
match with the match highlighted and scrolled into view.

The rows come page by page from the worker as the reviewer scrolls
(:class:`~chatsafe.gui.search_model.SearchModel`); the count covers every hit.
"""

from __future__ import annotations

from PySide6.QtCore import QLocale, QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPainter
from PySide6.QtWidgets import (
    QLabel,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from chatsafe.gui import localtext, roles
from chatsafe.gui.delegates import draw_highlighted
from chatsafe.gui.search_model import SearchModel

Index = QModelIndex | QPersistentModelIndex

LEAD = 0.3
"""Where the first hit sits when the text before it does not fit: 30 % from the left."""


def local_time(wallclock: str) -> str:
    """A stored wall-clock time as the app writes dates and times everywhere
    ("4 mrt 2024 08:15"; the locale's short format gave "04-03-2024 08:15")."""
    return localtext.datetime_text(wallclock[:16])


def window_on_hit(
    text: str, spans: list[tuple[int, int, str]], width: int, fm: QFontMetrics
) -> tuple[str, list[tuple[int, int, str]]]:
    """The text cut on the left so the first hit shows, with the spans shifted.

    A long message's first words are dropped (shown as "…") until the first hit starts
    at most ``LEAD`` of the width from the left; the right side is elided when drawn.
    """
    hits = [s for s in spans if s[2] == "hit"]
    if not hits or width <= 0:
        return text, spans
    start, end, _kind = min(hits)
    if fm.horizontalAdvance(text[:end]) <= width:
        return text, spans
    lead = int(width * LEAD)
    cut = start
    while cut > 0 and fm.horizontalAdvance("…" + text[cut - 1 : start]) <= lead:
        cut -= 1
    shift = cut - 1  # the "…" takes one character's place
    moved = [(a - shift, b - shift, k) for a, b, k in spans if b - shift > 1]
    return "…" + text[cut:], [(max(a, 1), b, k) for a, b, k in moved]


class SearchHitDelegate(QStyledItemDelegate):
    """Two lines per hit: where (small), then the text around the match, highlighted."""

    PAD = 4

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        fm = QFontMetrics(option.font)
        return QSize(200, 2 * fm.lineSpacing() + 3 * self.PAD)

    def paint(self, p: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        text = opt.text
        opt.text = ""
        style = opt.widget.style() if opt.widget else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, p, opt.widget)
        hit = index.data(roles.ROW)
        if hit is None:
            return
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        pal = opt.palette
        color = pal.highlightedText().color() if selected else pal.text().color()
        muted = pal.highlightedText().color() if selected else pal.placeholderText().color()
        fm = QFontMetrics(opt.font)
        line = fm.lineSpacing()
        r = opt.rect.adjusted(self.PAD, self.PAD, -self.PAD, -self.PAD)
        p.save()
        small = QFont(opt.font)
        small.setPointSizeF(max(6.0, opt.font.pointSizeF() * 0.9))
        p.setFont(small)
        where = " · ".join(x for x in (hit.title, local_time(hit.wallclock), hit.sender) if x)
        draw_highlighted(
            p, QRect(r.x(), r.y(), r.width(), line), where, [], muted, QFontMetrics(small)
        )
        p.setFont(opt.font)
        shown, spans = window_on_hit(text, index.data(roles.SPANS) or [], r.width(), fm)
        second = QRect(r.x(), r.y() + line + self.PAD, r.width(), line)
        draw_highlighted(p, second, shown, spans, color, fm)
        p.restore()


class SearchPane(QWidget):
    """The count of all hits, then the list of hits (fetched as it scrolls)."""

    def __init__(self, model: SearchModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.count = QLabel("", self)
        self.count.setObjectName("searchCount")
        self.count.setWordWrap(True)
        self.count.setTextFormat(Qt.TextFormat.PlainText)  # the query is the user's text
        self.view = QListView(self)
        self.view.setObjectName("searchResults")
        self.view.setAccessibleName(self.tr("Search results"))
        self.view.setModel(model)
        self.view.setUniformItemSizes(True)
        self.view.setItemDelegate(SearchHitDelegate(self.view))
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.count)
        lay.addWidget(self.view, 1)
        model.modelReset.connect(self._counted)
        model.rowsInserted.connect(self._counted)
        model.total_changed.connect(self._counted)
        self._counted()

    def _counted(self) -> None:
        m = self.model
        if not m.query:
            self.count.setText("")
            return
        locale = QLocale()
        text = self.tr("%1 hit(s) for “%2”", "", m.total)
        text = text.replace("%1", locale.toString(m.total)).replace("%2", m.query)
        if len(m.hits) < m.total:
            more = self.tr("%1 shown; scroll down for more.").replace(
                "%1", locale.toString(len(m.hits))
            )
            text = f"{text} {more}"
        self.count.setText(text)
