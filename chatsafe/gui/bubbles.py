"""A transcript row drawn as the phone showed it: a wrapped bubble with the whole text.

The owner's messages sit on the right, everybody else's on the left, events in the
middle in grey. Each bubble carries its sender (others only, as phones do), its time and
its markers as small words; the first message of a day starts with the day's date. Search
hits are filled and lexicon matches underlined with a dashed line (a suggestion is never
a filled mark).

Heights depend on the text and the width, so :class:`BubbleLayout` measures one row at a
time; the view asks only for the rows it shows and caches the answer per row and width
(see :class:`chatsafe.gui.views.TranscriptView`), so a 200,000-message conversation is
never measured whole.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QDate, QLocale, QPointF, QRect, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QPainter,
    QPalette,
    QPen,
    QTextCharFormat,
    QTextLayout,
    QTextOption,
)

from chatsafe.gui.style import COLORS, bubble_colors
from chatsafe.review.browse import MessageRow

HIT_COLOR = QColor("#ffe27a")
MAX_CHARS = 20_000
"""Text beyond this is not laid out in the transcript (the details pane shows it all)."""
PAD_X, PAD_Y, GAP, MARGIN = 9, 5, 2, 3
NARROW = 420  # below this width a bubble may use the whole cell


@dataclass(frozen=True)
class Parts:
    """What one row shows, taken from the model."""

    row: MessageRow
    new_day: bool
    badges: list[str]
    spans: list[tuple[int, int, str]]
    out_of_period: bool


def shown_text(row: MessageRow) -> str:
    """The text as laid out: whole, with line breaks kept (QTextLayout wants U+2028)."""
    text = row.text if len(row.text) <= MAX_CHARS else row.text[:MAX_CHARS] + " …"
    # Same length as the text, so search and lexicon spans stay where they were.
    return text.replace("\r", " ").replace("\n", "\u2028")


def day_label(wallclock: str) -> str:
    date = QDate.fromString(wallclock[:10], "yyyy-MM-dd")
    if not date.isValid():
        return wallclock[:10]
    return QLocale().toString(date, QLocale.FormatType.LongFormat)


def time_label(wallclock: str) -> str:
    return wallclock[11:16]


class BubbleLayout:
    """Measures and paints transcript rows for one font."""

    def __init__(self, font: QFont) -> None:
        self.font = QFont(font)
        self.bold = QFont(font)
        self.bold.setBold(True)
        self.small = QFont(font)
        size = font.pointSizeF()
        if size > 0:
            self.small.setPointSizeF(max(6.0, size * 0.85))
        self.fm = QFontMetrics(self.font)
        self.fm_bold = QFontMetrics(self.bold)
        self.fm_small = QFontMetrics(self.small)
        self.day_height = self.fm_small.height() + 10

    # -- geometry -----------------------------------------------------------------
    def _cap(self, width: int) -> int:
        inner = width - 2 * MARGIN
        return inner if inner < NARROW else int(inner * 0.85)

    def _text_layout(
        self, text: str, width: float, spans: list[tuple[int, int, str]] | None = None
    ) -> tuple[QTextLayout, float, float]:
        layout = QTextLayout(text, self.font)
        option = QTextOption()
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        layout.setTextOption(option)
        if spans:
            layout.setFormats(_formats(spans, len(text)))
        layout.beginLayout()
        y = natural = 0.0
        while True:
            line = layout.createLine()
            if not line.isValid():
                break
            line.setLineWidth(max(1.0, width))
            line.setPosition(QPointF(0, y))
            y += line.height()
            natural = max(natural, line.naturalTextWidth())
        layout.endLayout()
        return layout, y, natural

    def _header(self, parts: Parts) -> tuple[str, str]:
        row = parts.row
        sender = "" if row.from_owner or row.kind == "event" else (row.sender or "")
        meta = "  ·  ".join([time_label(row.wallclock), *parts.badges])
        return sender, meta

    def height(self, parts: Parts, width: int) -> int:
        """The row's height at this cell width."""
        h = 2 * MARGIN + (self.day_height if parts.new_day else 0)
        text = shown_text(parts.row)
        if parts.row.kind == "event":
            _, text_h, _ = self._text_layout(text, width - 2 * MARGIN - 2 * PAD_X)
            return int(h + text_h + self.fm_small.height() + GAP + 2)
        cap = self._cap(width) - 2 * PAD_X
        _, text_h, _ = self._text_layout(text, cap) if text else (None, 0.0, 0.0)
        return int(h + 2 * PAD_Y + self.fm_small.height() + GAP + max(text_h, 0) + 1)

    # -- painting -----------------------------------------------------------------
    def paint(self, p: QPainter, rect: QRect, parts: Parts, palette: QPalette) -> None:
        row = parts.row
        r = rect.adjusted(MARGIN, MARGIN, -MARGIN, -MARGIN)
        grey = QColor("#7a7f77")
        if parts.new_day:
            self._paint_day(p, QRect(r.x(), r.y(), r.width(), self.day_height), row, palette)
            r.setTop(r.top() + self.day_height)
        text = shown_text(row)
        sender, meta = self._header(parts)
        if row.kind == "event":
            layout, text_h, natural = self._text_layout(text, r.width() - 2 * PAD_X, parts.spans)
            p.setFont(self.small)
            p.setPen(grey)
            p.drawText(
                QRect(r.x(), r.y(), r.width(), self.fm_small.height()),
                Qt.AlignmentFlag.AlignHCenter,
                meta,
            )
            p.setPen(grey)
            x = r.x() + (r.width() - natural) / 2
            layout.draw(p, QPointF(x, r.y() + self.fm_small.height() + GAP))
            return
        bg, fg = bubble_colors(palette, row.from_owner)
        if parts.out_of_period:
            fg = grey
            bg = bg.lighter(108)
        cap = self._cap(rect.width()) - 2 * PAD_X
        layout, text_h, natural = self._text_layout(text, cap, parts.spans)
        head_w = self.fm_bold.horizontalAdvance(sender) + (12 if sender else 0)
        head_w += self.fm_small.horizontalAdvance(meta)
        inner_w = int(min(cap, max(natural, head_w, 40))) + 1
        width = inner_w + 2 * PAD_X
        x = r.right() - width if row.from_owner else r.x()
        height = int(2 * PAD_Y + self.fm_small.height() + GAP + text_h)
        bubble = QRectF(x, r.y(), width, height)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setPen(QPen(QColor("#b8bdb5"), 1))
        p.setBrush(bg)
        p.drawRoundedRect(bubble, 7, 7)
        top = int(bubble.y()) + PAD_Y
        head = QRect(int(x) + PAD_X, top, inner_w, self.fm_small.height())
        if sender:
            p.setFont(self.bold)
            p.setPen(QColor("#2b6a8f"))
            p.drawText(head, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, sender)
        p.setFont(self.small)
        p.setPen(grey)
        p.drawText(head, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, meta)
        p.setPen(fg)
        layout.draw(p, QPointF(x + PAD_X, top + self.fm_small.height() + GAP))

    def _paint_day(self, p: QPainter, band: QRect, row: MessageRow, palette: QPalette) -> None:
        label = day_label(row.wallclock)
        w = self.fm_small.horizontalAdvance(label) + 20
        pill = QRectF(band.center().x() - w / 2, band.y() + 2, w, band.height() - 6)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(palette.color(QPalette.ColorRole.AlternateBase).darker(105))
        p.drawRoundedRect(pill, 6, 6)
        p.setFont(self.small)
        p.setPen(palette.color(QPalette.ColorRole.Text))
        p.drawText(pill, Qt.AlignmentFlag.AlignCenter, label)


def _formats(spans: list[tuple[int, int, str]], length: int) -> list[QTextLayout.FormatRange]:
    ranges = []
    for start, end, kind in spans:
        if end <= start or start >= length:
            continue
        fmt = QTextCharFormat()
        if kind == "hit":
            fmt.setBackground(HIT_COLOR)
        else:
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DashUnderline)
            fmt.setUnderlineColor(COLORS.get(kind, QColor("#555555")))
        fr = QTextLayout.FormatRange()
        fr.start, fr.length, fr.format = start, min(end, length) - start, fmt
        ranges.append(fr)
    return ranges


__all__ = ["BubbleLayout", "Parts", "day_label", "shown_text", "time_label"]
