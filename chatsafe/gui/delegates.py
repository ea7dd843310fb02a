"""Painting rows: highlighted text and the transcript's chat bubbles.

Rows have a fixed height (see :mod:`chatsafe.gui.transcript`), so painting never asks
Qt to measure 200,000 texts; the full text is in the details pane.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPen
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from chatsafe.gui import roles
from chatsafe.gui.style import COLORS, bubble_colors

HIT_COLOR = QColor("#ffe27a")
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


class HighlightDelegate(QStyledItemDelegate):
    """Plain rows (search hits) with highlighted spans."""

    def paint(self, p: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        text = opt.text
        opt.text = ""
        style = opt.widget.style() if opt.widget else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, p, opt.widget)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        color = opt.palette.highlightedText().color() if selected else opt.palette.text().color()
        p.save()
        p.setFont(opt.font)
        rect = opt.rect.adjusted(4, 0, -4, 0)
        draw_highlighted(
            p, rect, text, index.data(roles.SPANS) or [], color, QFontMetrics(opt.font)
        )
        p.restore()


class BubbleDelegate(QStyledItemDelegate):
    """The transcript's text column: the owner's messages on the right, others on the
    left, events centred; badges (deleted, edited, …) as small words after the text."""

    def paint(self, p: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        row = index.data(roles.ROW)
        text = opt.text
        opt.text = ""
        style = opt.widget.style() if opt.widget else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, p, opt.widget)
        if row is None:
            return
        fm = QFontMetrics(opt.font)
        badges: list[str] = index.data(roles.BADGES) or []
        badge_text = "  ".join(f"[{b}]" for b in badges)
        out = bool(index.data(roles.OUT_OF_PERIOD))
        p.save()
        p.setFont(opt.font)
        r = opt.rect.adjusted(6, 3, -6, -3)
        if row.kind == "event":
            p.setPen(QColor("#8a8a8a"))
            line = text + ("  " + badge_text if badge_text else "")
            p.drawText(
                r,
                Qt.AlignmentFlag.AlignCenter,
                fm.elidedText(line, Qt.TextElideMode.ElideRight, r.width()),
            )
            p.restore()
            return
        bg, fg = bubble_colors(opt.palette, row.from_owner)
        if out:
            fg = QColor("#8a8a8a")
        badge_w = fm.horizontalAdvance(badge_text) + (8 if badge_text else 0)
        want = fm.horizontalAdvance(text) + badge_w + 16
        cap = r.width() if r.width() < 420 else int(r.width() * 0.85)  # narrow panes need all of it
        width = max(60, min(cap, want))
        x = r.right() - width if row.from_owner else r.x()
        bubble = QRect(x, r.y(), width, r.height())
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setPen(QPen(QColor("#b8bdb5"), 1))
        p.setBrush(bg.lighter(115) if out else bg)
        p.drawRoundedRect(bubble, 6, 6)
        inner = bubble.adjusted(8, 0, -8 - badge_w, 0)
        draw_highlighted(p, inner, text, index.data(roles.SPANS) or [], fg, fm)
        if badge_text:
            p.setPen(QColor("#6a6f67"))
            p.drawText(
                QRect(inner.right() + 8, bubble.y(), badge_w, bubble.height()),
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                badge_text,
            )
        p.restore()
