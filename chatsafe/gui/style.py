"""The look: Fusion, a calm palette that follows the system's light or dark mode, and one
colour plus one icon per label, used everywhere (never colour alone).

Label icons are drawn, not loaded, so they stay sharp at any scaling and need no files.
A decision is a filled icon; a proposal (an assistant's mark nobody confirmed yet) is the
same icon outlined; a suggestion (from a lexicon) is outlined with a dashed line.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPainterPath, QPalette, QPen, QPixmap
from PySide6.QtWidgets import QApplication

BUSINESS, PRIVATE, PARTY = "business", "private", "party_political"
#: Open doubts (issue 14): amber, with a "?" badge, never colour alone.
DOUBT_COLOR = "#8a4b00"  # as the doubt badge (gui/badges.py)

COLORS = {
    BUSINESS: QColor("#4f7a5a"),  # muted green: leaves with the bundle
    PRIVATE: QColor("#7a4f9a"),  # violet
    PARTY: QColor("#c0652a"),  # burnt orange
}


def label_name(label: str | None) -> str:
    translate = QCoreApplication.translate
    return {
        PRIVATE: translate("Labels", "Private"),
        PARTY: translate("Labels", "Party-political"),
    }.get(label or BUSINESS, translate("Labels", "Business"))


def label_symbol(label: str | None) -> str:
    """A text mark for places where an icon cannot go (tooltips, plain text, print)."""
    return {PRIVATE: "[P]", PARTY: "[PP]"}.get(label or BUSINESS, "[B]")


def _shape(label: str, r: QRectF) -> QPainterPath:
    path = QPainterPath()
    w, h, x, y = r.width(), r.height(), r.x(), r.y()
    if label == PRIVATE:  # a padlock: body plus a ring-shaped shackle
        path.addRoundedRect(QRectF(x + w * 0.16, y + h * 0.44, w * 0.68, h * 0.5), 2, 2)
        outer = QPainterPath()
        outer.addRoundedRect(
            QRectF(x + w * 0.26, y + h * 0.06, w * 0.48, h * 0.6), w * 0.24, w * 0.24
        )
        inner = QPainterPath()
        inner.addRoundedRect(
            QRectF(x + w * 0.37, y + h * 0.17, w * 0.26, h * 0.5), w * 0.13, w * 0.13
        )
        path = path.united(outer.subtracted(inner))
    elif label == PARTY:  # a flag on a pole
        path.addRect(QRectF(x + w * 0.16, y + h * 0.08, w * 0.1, h * 0.86))
        path.moveTo(QPointF(x + w * 0.26, y + h * 0.1))
        path.lineTo(QPointF(x + w * 0.88, y + h * 0.26))
        path.lineTo(QPointF(x + w * 0.26, y + h * 0.5))
        path.closeSubpath()
    else:  # a briefcase
        path.addRoundedRect(QRectF(x + w * 0.1, y + h * 0.32, w * 0.8, h * 0.56), 2, 2)
        path.addRect(QRectF(x + w * 0.36, y + h * 0.16, w * 0.28, h * 0.16))
    return path


@cache
def label_pixmap(
    label: str | None, suggested: bool = False, size: int = 32, proposed: bool = False
) -> QPixmap:
    """The label's icon: filled for a decision, a solid outline for a proposal nobody
    confirmed yet, a dashed outline for a lexicon's suggestion."""
    ratio = QApplication.instance().devicePixelRatio() if QApplication.instance() else 1.0  # type: ignore[union-attr]
    pm = QPixmap(int(size * ratio), int(size * ratio))
    pm.setDevicePixelRatio(ratio)
    pm.fill(Qt.GlobalColor.transparent)
    color = COLORS.get(label or BUSINESS, COLORS[BUSINESS])
    p = QPainter(pm)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    shape = _shape(label or BUSINESS, QRectF(1, 1, size - 2, size - 2))
    if suggested:
        pen = QPen(color, max(1.5, size / 14), Qt.PenStyle.DashLine)
        p.setPen(pen)
        p.setBrush(Qt.BrushStyle.NoBrush)
    elif proposed:
        p.setPen(QPen(color, max(1.5, size / 12)))
        p.setBrush(Qt.BrushStyle.NoBrush)
    else:
        p.setPen(QPen(color.darker(130), 1))
        p.setBrush(color)
    p.drawPath(shape)
    p.end()
    return pm


def label_icon(label: str | None, suggested: bool = False, proposed: bool = False) -> QIcon:
    return QIcon(label_pixmap(label, suggested, 32, proposed))


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def apply_look(app: QApplication) -> None:
    """Fusion everywhere, with a calm palette in light mode; dark mode keeps the system's."""
    app.setStyle("Fusion")
    palette = app.palette()
    if is_dark(palette) or app.styleHints().colorScheme() == Qt.ColorScheme.Dark:
        return
    palette.setColor(QPalette.ColorRole.Window, QColor("#f3f4f1"))
    palette.setColor(QPalette.ColorRole.Base, QColor("#ffffff"))
    palette.setColor(QPalette.ColorRole.AlternateBase, QColor("#f6f7f4"))
    palette.setColor(QPalette.ColorRole.Highlight, QColor("#3d6b8c"))
    palette.setColor(QPalette.ColorRole.HighlightedText, QColor("#ffffff"))
    palette.setColor(QPalette.ColorRole.Button, QColor("#e9ebe6"))
    app.setPalette(palette)


def bubble_colors(palette: QPalette, own: bool) -> tuple[QColor, QColor]:
    """(background, text) of a transcript bubble, readable in light and dark mode."""
    if is_dark(palette):
        bg = QColor("#2f4a3a") if own else QColor("#33363b")
        return bg, QColor("#e8e8e8")
    bg = QColor("#dcefd9") if own else QColor("#ffffff")
    return bg, QColor("#1d1f1c")
