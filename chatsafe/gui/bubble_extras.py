"""The parts of a bubble above its text: the quoted message of a reply, and the
attachments (image thumbnails, or a named placeholder for other and missing files).

Sizes come from the row alone (a thumbnail's stored width and height), so measuring a
row never decodes an image; the image itself is painted when
:class:`chatsafe.gui.thumbnails.ThumbnailCache` has it, a grey box until then.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QImage,
    QPainter,
    QPalette,
    QPen,
    QTextLayout,
)

from chatsafe.gui.badges import KINDS, PLAIN_BACKGROUND, WARNING
from chatsafe.gui.style import is_dark
from chatsafe.review.bubble_parts import FileBrief, Quote

THUMB_MAX_W, THUMB_MAX_H = 240, 180
QUOTE_PAD, ACCENT = 4, 3
Thumbs = Callable[[int], "QImage | None"]


def _tr(text: str) -> str:
    return QCoreApplication.translate("Bubbles", text)


def quote_title(q: Quote, owner_name: str | None = None) -> str:
    if not q.found:
        return _tr("Reply to a message that is not in the case")
    if q.sender:
        return q.sender
    return owner_name or _tr("Owner")


def quote_lines(font: QFont, q: Quote, width: float) -> list[str]:
    """One or two lines of the quoted text, the second elided when there is more."""
    text = " ".join(q.text.split())
    if not text:
        return []
    fm = QFontMetrics(font)
    layout = QTextLayout(text, font)
    layout.beginLayout()
    starts: list[int] = []
    while len(starts) < 2:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(max(1.0, width))
        starts.append(line.textStart())
    layout.endLayout()
    if len(starts) < 2:
        return [fm.elidedText(text, Qt.TextElideMode.ElideRight, int(width))]
    first = text[starts[0] : starts[1]].rstrip()
    rest = text[starts[1] :]
    return [first, fm.elidedText(rest, Qt.TextElideMode.ElideRight, int(width))]


def quote_height(font: QFont, q: Quote, width: float) -> float:
    lines = len(quote_lines(font, q, width - ACCENT - 8))
    return 2 * QUOTE_PAD + QFontMetrics(font).height() * (1 + lines)


def paint_quote(
    p: QPainter, rect: QRectF, font: QFont, q: Quote, palette: QPalette, title: str
) -> None:
    """The quoted sender in bold and one or two muted lines, behind a coloured bar."""
    fm = QFontMetrics(font)
    dark = is_dark(palette)
    p.save()
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QColor(0, 0, 0, 22) if not dark else QColor(255, 255, 255, 26))
    p.drawRoundedRect(rect, 4, 4)
    p.setBrush(QColor("#2b6a8f") if not dark else QColor("#8cc4e6"))
    p.drawRect(QRectF(rect.x(), rect.y(), ACCENT, rect.height()))
    x = rect.x() + ACCENT + 6
    w = rect.width() - ACCENT - 8
    y = rect.y() + QUOTE_PAD
    bold = QFont(font)
    bold.setBold(True)
    p.setFont(bold)
    p.setPen(QColor("#2b6a8f") if not dark else QColor("#8cc4e6"))
    shown = QFontMetrics(bold).elidedText(title, Qt.TextElideMode.ElideRight, int(w))
    p.drawText(QRectF(x, y, w, fm.height()), Qt.AlignmentFlag.AlignVCenter, shown)
    p.setFont(font)
    p.setPen(QColor("#5c6159") if not dark else QColor("#c4c7c2"))  # muted, 5.9:1 on white
    for line in quote_lines(font, q, w):
        y += fm.height()
        p.drawText(QRectF(x, y, w, fm.height()), Qt.AlignmentFlag.AlignVCenter, line)
    p.restore()


# -- attachments ---------------------------------------------------------------------
@dataclass(frozen=True)
class Item:
    file: FileBrief
    width: float
    height: float
    thumb: bool  # an image thumbnail; otherwise a one-line placeholder


def is_image(f: FileBrief) -> bool:
    return f.present and f.blob_id is not None and f.thumb_width > 0 and f.thumb_height > 0


def thumb_size(f: FileBrief, cap: float) -> tuple[float, float]:
    scale = min(1.0, THUMB_MAX_W / f.thumb_width, THUMB_MAX_H / f.thumb_height)
    w, h = f.thumb_width * scale, f.thumb_height * scale
    if w > cap:
        w, h = cap, h * cap / w
    return max(8.0, round(w)), max(8.0, round(h))


def file_text(f: FileBrief) -> str:
    if not f.present:
        return _tr("Attachment missing: %1").replace("%1", f.name)
    return _tr("Attachment: %1").replace("%1", f.name)


def items(fm: QFontMetrics, files: list[FileBrief], cap: float) -> list[Item]:
    out = []
    for f in files:
        if is_image(f):
            w, h = thumb_size(f, cap)
            out.append(Item(f, w, h, True))
        else:
            w = min(cap, fm.horizontalAdvance(file_text(f)) + 16.0)
            out.append(Item(f, w, fm.height() + 6.0, False))
    return out


def place(placed: list[Item], cap: float, gap: float = 4) -> list[tuple[Item, QRectF]]:
    """Thumbnails side by side while they fit; each placeholder on a line of its own."""
    out: list[tuple[Item, QRectF]] = []
    x = y = line_h = 0.0
    for item in placed:
        if x > 0 and (not item.thumb or x + item.width > cap or not out[-1][0].thumb):
            x, y, line_h = 0.0, y + line_h + gap, 0.0
        out.append((item, QRectF(x, y, item.width, item.height)))
        x += item.width + gap
        line_h = max(line_h, item.height)
    return out


def paint_item(
    p: QPainter, rect: QRectF, item: Item, fm: QFontMetrics, palette: QPalette, thumbs: Thumbs
) -> None:
    dark = is_dark(palette)
    p.save()
    if item.thumb:
        image = thumbs(item.file.blob_id or 0)
        if image is not None and not image.isNull():
            p.drawImage(rect, image)
        else:  # still decoding: a grey box of the right size
            p.fillRect(rect, QColor("#d9dcd6") if not dark else QColor("#4a4d52"))
        p.setPen(QPen(QColor("#b8bdb5"), 1))
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawRect(rect)
    else:
        missing = not item.file.present
        warn = QColor(KINDS[WARNING].dark if dark else KINDS[WARNING].light)
        text_color = warn if missing else QColor("#4a4f48" if not dark else "#d8d8d8")
        back = QColor(PLAIN_BACKGROUND.dark if dark else PLAIN_BACKGROUND.light)
        p.setPen(QPen(text_color, 1, Qt.PenStyle.DashLine if missing else Qt.PenStyle.SolidLine))
        p.setBrush(back)
        p.drawRoundedRect(rect.adjusted(0.5, 0.5, -0.5, -0.5), 4, 4)
        p.setPen(text_color)
        shown = fm.elidedText(
            file_text(item.file), Qt.TextElideMode.ElideMiddle, int(rect.width() - 12)
        )
        p.drawText(rect.adjusted(6, 0, -6, 0), Qt.AlignmentFlag.AlignVCenter, shown)
    p.restore()


def offset(r: QRectF, x: float, y: float) -> QRectF:
    return r.translated(QPointF(x, y))


__all__ = [
    "Item",
    "file_text",
    "is_image",
    "items",
    "paint_item",
    "paint_quote",
    "place",
    "quote_height",
    "quote_lines",
    "quote_title",
    "thumb_size",
]
