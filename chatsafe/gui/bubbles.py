"""A transcript row drawn as the phone showed it: a wrapped bubble with the whole text.

The owner's messages sit on the right, everybody else's on the left, events in the
middle in grey. Each bubble carries its sender (others only, as phones do), its time, its marks and
markers as readable badges (:mod:`chatsafe.gui.badges`: filled = decided, outlined =
proposed), the message it replies to, and its attachments (thumbnails, or a placeholder
naming a missing file: :mod:`chatsafe.gui.bubble_extras`); the first message of a day
starts with the day's date. Search
hits are filled and lexicon matches underlined with a dashed line (a suggestion is never
a filled mark).

Heights depend on the text and the width, so :class:`BubbleLayout` measures one row at a
time; the view asks only for the rows it shows and caches the answer per row and width
(see :class:`chatsafe.gui.views.TranscriptView`), so a 200,000-message conversation is
never measured whole.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRect, QRectF, Qt
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

from chatsafe.gui import badges, localtext
from chatsafe.gui import bubble_extras as extras
from chatsafe.gui.badges import Badge
from chatsafe.gui.style import COLORS, bubble_colors, is_dark
from chatsafe.review.browse import MessageRow
from chatsafe.review.bubble_parts import FileBrief

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
    badges: list[Badge]
    spans: list[tuple[int, int, str]]
    out_of_period: bool

    def size_key(self) -> tuple[object, ...]:
        """What the row's height depends on besides the width (a mark adds a badge)."""
        return (self.row.id, self.new_day, tuple(b.text for b in self.badges))


def shown_text(row: MessageRow) -> str:
    """The text as laid out: whole, with line breaks kept (QTextLayout wants U+2028)."""
    text = row.text if len(row.text) <= MAX_CHARS else row.text[:MAX_CHARS] + " …"
    # Same length as the text, so search and lexicon spans stay where they were.
    return text.replace("\r", " ").replace("\n", "\u2028")


def day_label(wallclock: str) -> str:
    return localtext.day_heading(wallclock)


def time_label(wallclock: str) -> str:
    return wallclock[11:16]


@dataclass
class Geometry:
    """Where everything of one row goes, in the cell's coordinates."""

    height: int
    bubble: QRectF
    header: QRectF
    badges: list[tuple[Badge, QRectF]]
    quote: QRectF | None
    files: list[tuple[extras.Item, QRectF]]
    text_at: QPointF
    layout: QTextLayout


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
        self.owner_name: str | None = None

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

    def _sender(self, row: MessageRow) -> str:
        return "" if row.from_owner or row.kind == "event" else (row.sender or "")

    def geometry(self, parts: Parts, rect: QRect, with_spans: bool = True) -> Geometry:
        """Lay the row out in ``rect`` (only its x, y and width count)."""
        row = parts.row
        r = QRectF(rect.adjusted(MARGIN, MARGIN, -MARGIN, -MARGIN))
        top = r.y() + (self.day_height if parts.new_day else 0)
        text = shown_text(row)
        spans = parts.spans if with_spans else None
        small_h = self.fm_small.height()
        if row.kind == "event":
            layout, text_h, natural = self._text_layout(text, r.width() - 2 * PAD_X, spans)
            header = QRectF(r.x(), top, r.width(), small_h)
            y = top + small_h + GAP
            at = QPointF(r.x() + (r.width() - natural) / 2, y)
            y += text_h
            bw, bh = badges.flow_size(self.fm_small, parts.badges, r.width())
            placed = _shift(
                badges.flow(self.fm_small, parts.badges, r.width()),
                r.x() + (r.width() - bw) / 2,
                y + GAP,
            )
            y += (bh + GAP) if bh else 0
            height = int(y - r.y() + 2 + 2 * MARGIN)
            return Geometry(height, QRectF(), header, placed, None, [], at, layout)
        cap = self._cap(rect.width()) - 2 * PAD_X
        layout, text_h, natural = (
            self._text_layout(text, cap, spans) if text else (QTextLayout(""), 0.0, 0.0)
        )
        sender = self._sender(row)
        head_w = self.fm_bold.horizontalAdvance(sender) + (12 if sender else 0)
        head_w += self.fm_small.horizontalAdvance(time_label(row.wallclock))
        # Pills wrapped at the widest bubble; the bubble is at least as wide as their
        # widest line, so at its own width they wrap the same way.
        pills = badges.flow(self.fm_small, parts.badges, cap)
        badge_w = max((rr.right() for _, rr in pills), default=0.0)
        badge_h = max((rr.bottom() for _, rr in pills), default=0.0)
        files = extras.items(self.fm_small, row.files, cap)
        files_at = extras.place(files, cap)
        files_w = max((rr.right() for _, rr in files_at), default=0.0)
        files_h = max((rr.bottom() for _, rr in files_at), default=0.0)
        quote_h = 0.0
        quote_w = 0.0
        if row.quote is not None:
            quote_w = min(float(cap), max(160.0, natural))
        inner_w = int(min(cap, max(natural, head_w, badge_w, files_w, quote_w, 40))) + 1
        if row.quote is not None:  # the quote uses the bubble's width
            quote_h = extras.quote_height(self.small, row.quote, inner_w)
        width = inner_w + 2 * PAD_X
        x = r.right() - width if row.from_owner else r.x()
        inner_x = x + PAD_X
        y = top + PAD_Y
        header = QRectF(inner_x, y, inner_w, small_h)
        y += small_h + GAP
        placed = _shift(pills, inner_x, y)
        y += (badge_h + GAP) if badge_h else 0
        quote = None
        if row.quote is not None:
            quote = QRectF(inner_x, y, inner_w, quote_h)
            y += quote_h + GAP
        files_placed = [(item, rr.translated(inner_x, y)) for item, rr in files_at]
        y += (files_h + GAP) if files_at else 0
        at = QPointF(inner_x, y)
        y += text_h + PAD_Y
        bubble = QRectF(x, top, width, y - top)
        height = int(y - r.y() + 1 + 2 * MARGIN)
        return Geometry(height, bubble, header, placed, quote, files_placed, at, layout)

    def height(self, parts: Parts, width: int) -> int:
        """The row's height at this cell width.

        Without a quote (whose lines depend on the bubble's width) the height needs only
        the vertical stack, not the widths: the fast path the view measures with, kept
        equal to :meth:`geometry` by a test."""
        row = parts.row
        if row.kind == "event" or row.quote is not None:
            return self.geometry(parts, QRect(0, 0, width, 0), with_spans=False).height
        cap = self._cap(width) - 2 * PAD_X
        text = shown_text(row)
        text_h = self._text_layout(text, cap)[1] if text else 0.0
        y: float = (self.day_height if parts.new_day else 0) + PAD_Y + self.fm_small.height() + GAP
        if parts.badges:
            _w, badge_h = badges.flow_size(self.fm_small, parts.badges, cap)
            y += badge_h + GAP
        if row.files:
            placed = extras.place(extras.items(self.fm_small, row.files, cap), cap)
            y += max(rr.bottom() for _, rr in placed) + GAP
        y += text_h + PAD_Y
        return int(y + 1 + 2 * MARGIN)

    # -- painting -----------------------------------------------------------------
    def paint(
        self,
        p: QPainter,
        rect: QRect,
        parts: Parts,
        palette: QPalette,
        thumbs: extras.Thumbs | None = None,
    ) -> None:
        row = parts.row
        grey, blue = header_colors(palette)
        if parts.new_day:
            r = rect.adjusted(MARGIN, MARGIN, -MARGIN, -MARGIN)
            self._paint_day(p, QRect(r.x(), r.y(), r.width(), self.day_height), row, palette)
        geo = self.geometry(parts, rect)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        if row.kind == "event":
            p.setFont(self.small)
            p.setPen(grey)
            p.drawText(geo.header, Qt.AlignmentFlag.AlignHCenter, time_label(row.wallclock))
            geo.layout.draw(p, geo.text_at)
            self._paint_badges(p, geo, palette)
            return
        bg, fg = bubble_colors(palette, row.from_owner)
        if parts.out_of_period:
            fg = grey
            bg = bg.lighter(108)
        p.setPen(QPen(QColor("#b8bdb5"), 1))
        p.setBrush(bg)
        p.drawRoundedRect(geo.bubble, 7, 7)
        sender = self._sender(row)
        if sender:
            p.setFont(self.bold)
            p.setPen(blue)
            p.drawText(
                geo.header, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, sender
            )
        p.setFont(self.small)
        p.setPen(grey)
        p.drawText(
            geo.header,
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
            time_label(row.wallclock),
        )
        self._paint_badges(p, geo, palette)
        if geo.quote is not None and row.quote is not None:
            title = extras.quote_title(row.quote, self.owner_name)
            extras.paint_quote(p, geo.quote, self.small, row.quote, palette, title)
        p.setFont(self.small)
        for item, rr in geo.files:
            extras.paint_item(p, rr, item, self.fm_small, palette, thumbs or _no_thumbs)
        p.setPen(fg)
        geo.layout.draw(p, geo.text_at)

    def _paint_badges(self, p: QPainter, geo: Geometry, palette: QPalette) -> None:
        p.setFont(self.small)
        for badge, rr in geo.badges:
            badges.paint(p, rr, badge, palette)

    def file_at(self, parts: Parts, rect: QRect, pos: QPointF) -> FileBrief | None:
        """The attachment under ``pos`` (cell coordinates), if any."""
        for item, rr in self.geometry(parts, rect, with_spans=False).files:
            if rr.contains(pos):
                return item.file
        return None

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


def header_colors(palette: QPalette) -> tuple[QColor, QColor]:
    """(muted grey for times and events, blue for senders), readable (4.5:1) on the
    bubbles of this palette, light or dark."""
    if is_dark(palette):
        return QColor("#b4b8b1"), QColor("#8cc4e6")
    return QColor("#5c6159"), QColor("#2b6a8f")


def _no_thumbs(_blob_id: int) -> None:
    return None


def _shift(placed: list[tuple[Badge, QRectF]], x: float, y: float) -> list[tuple[Badge, QRectF]]:
    return [(b, rr.translated(x, y)) for b, rr in placed]


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


__all__ = ["BubbleLayout", "Geometry", "Parts", "day_label", "shown_text", "time_label"]
