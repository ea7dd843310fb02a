"""The conversation list that fits (issue 14): one compact block per conversation.

Nine columns side by side needed horizontal scrolling at 1280x800 and still cut the
titles. Each row now shows, in the title column, four short lines:

1. the label's icon and the title, with the label's name on the right;
2. the participants, with the app on the right;
3. the period and the number of messages;
4. the review state (and what is marked inside).

The other columns stay in the model (sorting, filtering, accessibility) but are hidden;
the two checkbox columns keep their icon and lose their words. Rows have one fixed
height, so the list never measures a row.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QCoreApplication,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QFont, QFontMetrics, QIcon, QPainter
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from chatsafe.gui import conversation_model as cm
from chatsafe.gui import localtext, roles
from chatsafe.gui.style import COLORS, label_icon, label_name
from chatsafe.review.browse import ConversationRow

Index = QModelIndex | QPersistentModelIndex

LINES = 4
PAD = 4


def period_of(r: ConversationRow) -> str:
    # The app's one date format ("4 mrt 2024", as the transcript and the details pane
    # write it); the locale's short format gave "04-03-2024" here (issue 14).
    return localtext.period_text(r.first, r.last) if r.first else ""


def lines_of(model: cm.ConversationModel, row: int) -> list[str]:
    """The four lines of a source row (the first without the label's name), then the
    app's name (shown at the right of the second line)."""
    r = model.conversation(row)
    t = QCoreApplication.translate
    count = t("ConversationModel", "%1 message(s)", None, r.entries).replace(
        "%1", QLocale().toString(r.entries)
    )
    app = model.index(row, cm.COL_APP).data() or ""
    third = " · ".join(x for x in (period_of(r), count) if x)
    marked = model.index(row, cm.COL_MARKED).data() or ""
    fourth = model.review_text(r)
    if marked:
        fourth = f"{fourth} · {t('ConversationModel', 'inside: %1').replace('%1', marked)}"
    return [r.title, ", ".join(r.participants), third, fourth, app]


def beside(room: int, first: int, second: int) -> int:
    """The width left for ``second`` (a label's name, an app's name) to the right of
    ``first`` (a title, the participants) in ``room``: none when ``first`` would get less
    than it needs or 60 % of the room. In a narrow list (200 % scaling) the label's name
    took the title's place, leaving rows that did not say which conversation they were;
    the icon still shows the label."""
    return second if room - second >= min(first, room * 0.6) else 0


def row_height(font: QFont) -> int:
    return LINES * QFontMetrics(font).lineSpacing() + 2 * PAD + 2


class ConversationDelegate(QStyledItemDelegate):
    """Paints the title column as the block described above."""

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        return QSize(160, row_height(option.font))

    def paint(self, p: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        opt.icon = QIcon()  # the label's icon is drawn below, on line one
        style = opt.widget.style() if opt.widget else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, p, opt.widget)
        r: ConversationRow | None = index.data(roles.ROW)
        model = index.model()
        src = model.mapToSource(index) if isinstance(model, QSortFilterProxyModel) else index
        source = src.model()
        if r is None or not isinstance(source, cm.ConversationModel):
            return
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        pal = opt.palette
        color = pal.highlightedText().color() if selected else pal.text().color()
        muted = pal.highlightedText().color() if selected else pal.placeholderText().color()
        fm = QFontMetrics(opt.font)
        line = fm.lineSpacing()
        rect = opt.rect.adjusted(PAD, PAD, -PAD, -PAD)
        texts = lines_of(source, src.row())
        p.save()
        # Line one: icon, title (bold), and the label's name on the right.
        icon = line - 2
        label_icon(r.label).paint(p, QRect(rect.x(), rect.y() + 1, icon, icon))
        bold = QFont(opt.font)
        bold.setBold(True)
        name = label_name(r.label)
        if r.label and r.status == "proposed":
            name = QCoreApplication.translate("ConversationModel", "%1 (proposed)").replace(
                "%1", name
            )
        name_w = beside(
            rect.width() - icon - PAD,
            QFontMetrics(bold).horizontalAdvance(texts[0]),
            fm.horizontalAdvance(name) + PAD,
        )
        p.setFont(opt.font)
        p.setPen(color if selected else COLORS.get(r.label or "business", color))
        if name_w:
            p.drawText(
                QRect(rect.right() - name_w, rect.y(), name_w, line),
                int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                name,
            )
        p.setFont(bold)
        p.setPen(color)
        title_rect = QRect(
            rect.x() + icon + PAD, rect.y(), rect.width() - icon - PAD - name_w, line
        )
        p.drawText(
            title_rect,
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
            QFontMetrics(bold).elidedText(
                texts[0], Qt.TextElideMode.ElideRight, title_rect.width()
            ),
        )
        p.setFont(opt.font)
        app = texts[4]
        app_w = beside(
            rect.width(), fm.horizontalAdvance(texts[1]), fm.horizontalAdvance(app) + 2 * PAD
        )
        p.setPen(muted)
        if app_w:
            p.drawText(
                QRect(rect.right() - app_w, rect.y() + line, app_w, line),
                int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                app,
            )
        for n, text in enumerate(texts[1:4], start=1):
            p.setPen(muted if n < 3 else color)
            box = QRect(
                rect.x(), rect.y() + n * line, rect.width() - (app_w if n == 1 else 0), line
            )
            p.drawText(
                box,
                int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                fm.elidedText(text, Qt.TextElideMode.ElideRight, box.width()),
            )
        p.restore()
