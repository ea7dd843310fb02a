"""Badges: a message's marks and markers as short words in small pills.

The fill says who decided, and the words say it too (colour is never the only cue):

- **filled**: a decision (a confirmed mark): "Privé";
- **outlined**: a proposal an assistant made that nobody confirmed yet: "Voorstel: Privé";
- **dashed**: a lexicon's suggestion, nobody decided: "Suggestie: Privé";
- **plain** grey pills: markers of the message itself ("Bewerkt", "Verwijderd"); a
  **warning** (red text) where something is missing ("Media ontbreekt").

The same painter draws the bubbles' badges and the transcript's legend, so the legend
always looks like what it explains. To add a kind of mark (the doubt state), give it
colours in :data:`KINDS` and a :class:`Badge` in :func:`mark_badges`; the bubble, its
height and the legend follow.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPalette, QPen

from chatsafe.gui.style import BUSINESS, PARTY, PRIVATE, is_dark, label_name
from chatsafe.review.browse import MessageRow

FILL, OUTLINE, DASHED, PLAIN = "fill", "outline", "dashed", "plain"
MARKER, WARNING = "marker", "warning"
DOUBT = "doubt"  # an open doubt (chatsafe.review.doubts): it blocks the bundle


@dataclass(frozen=True)
class Colors:
    """A kind's colours in light and dark mode. ``strong`` fills a decision's pill (text
    on it is white in light mode, black in dark mode) and is the text and border of an
    outlined or dashed pill on a bubble. Each pair is checked for contrast (4.5:1)."""

    light: str
    dark: str


KINDS: dict[str, Colors] = {
    PRIVATE: Colors("#6b3f8c", "#c9a7e6"),  # violet, as style.COLORS, darker for text
    PARTY: Colors("#9a4a16", "#f0a878"),  # burnt orange
    BUSINESS: Colors("#3d6148", "#9fd1ab"),  # muted green
    MARKER: Colors("#4a4f48", "#d8d8d8"),  # grey words on a grey pill
    WARNING: Colors("#a11d1d", "#f5a8a8"),  # red words: something is missing
    DOUBT: Colors("#8a4b00", "#f2c078"),  # amber: a question still open (issue 14)
}
PLAIN_BACKGROUND = Colors("#eceee9", "#383b40")


@dataclass(frozen=True)
class Badge:
    text: str  # translated, shown whole
    kind: str  # a label, "doubt", MARKER or WARNING: picks the colours
    style: str  # FILL, OUTLINE, DASHED or PLAIN


def _tr(text: str) -> str:
    return QCoreApplication.translate("Badges", text)


def mark_badges(m: MessageRow, suggestion: str | None = None) -> list[Badge]:
    """The badge of a message's effective mark, if it has one worth showing."""
    label = m.effective_label or BUSINESS
    source = m.label_source or "default"
    if source == "message":
        status = m.status
    elif source == "conversation":
        status = m.conversation_status
    else:
        status = None
    out: list[Badge] = []
    if m.doubt:  # first: nothing leaves until someone answers it
        out.append(Badge(_tr("Doubt?"), DOUBT, FILL))
    if source != "default" and (label != BUSINESS or source == "message"):
        # An explicit business mark matters too: it overrides its conversation's mark.
        text = label_name(label)
        if source == "conversation":
            text = _tr("%1 (conversation)").replace("%1", text)
        if status == "proposed":
            out.append(Badge(_tr("Proposal: %1").replace("%1", text), label, OUTLINE))
        else:
            out.append(Badge(text, label, FILL))
    elif suggestion:
        out.append(
            Badge(_tr("Suggestion: %1").replace("%1", label_name(suggestion)), suggestion, DASHED)
        )
    return out


def marker_badges(m: MessageRow) -> list[Badge]:
    """The message's own markers, as words."""
    out = []
    for on, text in (
        (m.deleted, "Deleted"),
        (m.edited, "Edited"),
        (m.view_once, "View once"),
        (m.forwarded, "Forwarded"),
    ):
        if on:
            out.append(Badge(_tr(text), MARKER, PLAIN))
    # A missing file the case knows by name has its own red placeholder in the bubble.
    if m.media_omitted or (m.missing_attachments and not m.files):
        out.append(Badge(_tr("Media missing"), WARNING, PLAIN))
    if m.event_type in ("disappearing_on", "disappearing_changed"):
        out.append(Badge(_tr("Disappearing messages on"), MARKER, PLAIN))
    if not m.in_period:
        out.append(Badge(_tr("Outside the period"), MARKER, PLAIN))
    return out


def for_message(m: MessageRow, suggestion: str | None = None) -> list[Badge]:
    return mark_badges(m, suggestion) + marker_badges(m)


# -- geometry and painting -----------------------------------------------------------
PILL_PAD_X, PILL_PAD_Y, PILL_GAP = 6, 1, 4


def pill_size(fm: QFontMetrics, badge: Badge) -> tuple[int, int]:
    return fm.horizontalAdvance(badge.text) + 2 * PILL_PAD_X, fm.height() + 2 * PILL_PAD_Y


def flow(fm: QFontMetrics, badges: list[Badge], width: float) -> list[tuple[Badge, QRectF]]:
    """Pills laid out left to right, wrapping at ``width``; rectangles from (0, 0)."""
    out: list[tuple[Badge, QRectF]] = []
    x = y = 0.0
    for badge in badges:
        w, h = pill_size(fm, badge)
        if x > 0 and x + w > width:
            x, y = 0.0, y + h + PILL_GAP
        out.append((badge, QRectF(x, y, w, h)))
        x += w + PILL_GAP
    return out


def flow_size(fm: QFontMetrics, badges: list[Badge], width: float) -> tuple[float, float]:
    """(widest line, height) of the pills wrapped at ``width``; (0, 0) without badges."""
    placed = flow(fm, badges, width)
    if not placed:
        return 0.0, 0.0
    return max(r.right() for _, r in placed), max(r.bottom() for _, r in placed)


def colors(badge: Badge, palette: QPalette) -> tuple[QColor, QColor | None, QColor]:
    """(text, background or None, border) of a badge in this palette."""
    dark = is_dark(palette)
    pair = KINDS.get(badge.kind, KINDS[MARKER])
    strong = QColor(pair.dark if dark else pair.light)
    if badge.style == FILL:
        return QColor("#000000" if dark else "#ffffff"), strong, strong
    if badge.style == PLAIN:
        back = QColor(PLAIN_BACKGROUND.dark if dark else PLAIN_BACKGROUND.light)
        return strong, back, back
    return strong, None, strong


def paint(p: QPainter, rect: QRectF, badge: Badge, palette: QPalette) -> None:
    """One pill. The caller sets the small font."""
    text, back, border = colors(badge, palette)
    p.save()
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    style = Qt.PenStyle.DashLine if badge.style == DASHED else Qt.PenStyle.SolidLine
    pen = QPen(border, 1.5 if badge.style in (OUTLINE, DASHED) else 1, style)
    p.setPen(pen)
    if back is None:
        p.setBrush(Qt.BrushStyle.NoBrush)
    else:
        p.setBrush(back)
    radius = rect.height() / 2
    p.drawRoundedRect(rect.adjusted(0.75, 0.75, -0.75, -0.75), radius, radius)
    p.setPen(text)
    p.drawText(rect, Qt.AlignmentFlag.AlignCenter, badge.text)
    p.restore()


def contrast(a: QColor, b: QColor) -> float:
    """WCAG 2 contrast ratio of two colours (1 to 21)."""

    def lum(c: QColor) -> float:
        def ch(v: float) -> float:
            return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

        return 0.2126 * ch(c.redF()) + 0.7152 * ch(c.greenF()) + 0.0722 * ch(c.blueF())

    hi, lo = sorted((lum(a), lum(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


__all__ = [
    "DASHED",
    "DOUBT",
    "FILL",
    "KINDS",
    "MARKER",
    "OUTLINE",
    "PLAIN",
    "WARNING",
    "Badge",
    "Colors",
    "colors",
    "contrast",
    "flow",
    "flow_size",
    "for_message",
    "mark_badges",
    "marker_badges",
    "paint",
    "pill_size",
]
