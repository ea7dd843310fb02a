"""Painting rows: highlighted text (search results) and the transcript's chat bubbles."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, QRect, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPen
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from chatsafe.gui import roles
from chatsafe.gui.bubbles import HIT_COLOR, BubbleLayout, Parts
from chatsafe.gui.style import COLORS
from chatsafe.gui.thumbnails import ThumbnailCache

Index = QModelIndex | QPersistentModelIndex


def draw_highlighted(
    p: QPainter,
    rect: QRect,
    text: str,
    spans: list[tuple[int, int, str]],
    color: QColor,
    fm: QFontMetrics,
) -> None:
    """One line of text, elided, with search hits filled and lexicon matches underlined
    (a suggestion is a line under the word, never a filled mark)."""
    shown = fm.elidedText(text, Qt.TextElideMode.ElideRight, rect.width())
    baseline = rect.y() + (rect.height() + fm.ascent() - fm.descent()) // 2
    for start, end, kind in sorted(spans, key=lambda s: s[2] != "hit"):
        if start >= len(shown) or end <= start:
            continue
        end = min(end, len(shown))
        x0 = rect.x() + fm.horizontalAdvance(shown[:start])
        width = fm.horizontalAdvance(shown[start:end])
        if kind == "hit":
            p.fillRect(QRect(x0, baseline - fm.ascent(), width, fm.height()), HIT_COLOR)
        else:
            pen = QPen(COLORS.get(kind, color), 2, Qt.PenStyle.DashLine)
            p.setPen(pen)
            p.drawLine(x0, baseline + 2, x0 + width, baseline + 2)
    p.setPen(color)
    p.drawText(rect.x(), baseline, shown)


class BubbleDelegate(QStyledItemDelegate):
    """The transcript's text column: whole messages in wrapped bubbles (see
    :mod:`chatsafe.gui.bubbles`); the view sets each row's height from :meth:`row_height`."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._layout: BubbleLayout | None = None
        self.thumbs: ThumbnailCache | None = None  # set by the view with its model

    def layout_for(self, font: QFont) -> BubbleLayout:
        if self._layout is None or self._layout.font != font:
            self._layout = BubbleLayout(font)
        return self._layout

    @staticmethod
    def parts(index: Index) -> Parts | None:
        row = index.data(roles.ROW)
        if row is None:
            return None
        new_day = True
        if index.row() > 0:
            before = index.model().index(index.row() - 1, index.column()).data(roles.ROW)
            new_day = before is None or before.wallclock[:10] != row.wallclock[:10]
        return Parts(
            row,
            new_day,
            index.data(roles.BADGE_ITEMS) or [],
            index.data(roles.SPANS) or [],
            bool(index.data(roles.OUT_OF_PERIOD)),
        )

    def row_height(self, index: Index, width: int, font: QFont) -> int:
        parts = self.parts(index)
        return 0 if parts is None else self.layout_for(font).height(parts, width)

    def paint(self, p: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        style = opt.widget.style() if opt.widget else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, p, opt.widget)
        parts = self.parts(index)
        if parts is None:
            return
        p.save()
        thumbs = self.thumbs.image if self.thumbs is not None else None
        self.layout_for(opt.font).paint(p, opt.rect, parts, opt.palette, thumbs)
        p.restore()
