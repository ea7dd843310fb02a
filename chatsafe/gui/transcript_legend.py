"""The transcript's legend: what a filled, an outlined and a dashed badge mean.

It sits under the transcript, one line, in the small font, and draws its examples with
the bubbles' own painter (:mod:`chatsafe.gui.badges`), so it always looks like what it
explains. A new kind of mark adds its entry in :func:`entries`.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QRectF, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPaintEvent, QPalette, QResizeEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from chatsafe.gui import badges
from chatsafe.gui.badges import DASHED, DOUBT, FILL, OUTLINE, Badge
from chatsafe.gui.style import PARTY, PRIVATE, label_name


def entries() -> list[tuple[Badge, str]]:
    """(example badge, what it means), in the order shown."""
    tr = QCoreApplication.translate
    private, party = label_name(PRIVATE), label_name(PARTY)
    return [
        (Badge(private, PRIVATE, FILL), tr("Legend", "filled: confirmed")),
        (
            Badge(tr("Badges", "Proposal: %1").replace("%1", party), PARTY, OUTLINE),
            tr("Legend", "outlined: proposal, not confirmed yet"),
        ),
        (
            Badge(tr("Badges", "Suggestion: %1").replace("%1", private), PRIVATE, DASHED),
            tr("Legend", "dashed: lexicon suggestion, nobody decided"),
        ),
        (
            Badge(tr("Badges", "Doubt?"), DOUBT, FILL),
            tr("Legend", "amber: open doubt, the bundle waits (Shift+D answers)"),
        ),
    ]


class TranscriptLegend(QWidget):
    """The entries side by side, wrapping onto a second line in a narrow pane (it never
    makes the transcript wider than the window allows)."""

    GAP = 14  # between entries
    MAX_LINES = 3  # with the meanings
    BADGE_LINES = 2  # the badges alone, in a narrow pane

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("transcriptLegend")
        self.setAccessibleName(self.tr("Legend of the badges"))
        small = QFont(self.font())
        if small.pointSizeF() > 0:
            small.setPointSizeF(max(6.0, small.pointSizeF() * 0.85))
        self.setFont(small)
        self.entries = entries()
        self.setAccessibleDescription(
            "; ".join(f"{badge.text}: {meaning}" for badge, meaning in self.entries)
        )
        self.setToolTip("\n".join(f"{badge.text}: {meaning}" for badge, meaning in self.entries))
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    def _units(self) -> list[tuple[Badge, str, int, int]]:
        fm = QFontMetrics(self.font())
        out = []
        for badge, meaning in self.entries:
            w, h = badges.pill_size(fm, badge)
            out.append((badge, meaning, w, w + 4 + fm.horizontalAdvance(meaning)))
        return out

    def _line_height(self) -> int:
        return QFontMetrics(self.font()).height() + 2 * badges.PILL_PAD_Y + 4

    def _flow(self, width: int, *, meanings: bool) -> list[tuple[Badge, str, QRectF, QRectF]]:
        line_h = self._line_height()
        x, y, out = 4, 2, []
        for badge, meaning, pill_w, unit_w in self._units():
            if not meanings:
                unit_w = pill_w
            if x > 4 and x + unit_w > width - 4:
                x, y = 4, y + line_h
            pill = QRectF(x, y, pill_w, line_h - 4)
            # Never past the right edge: in a very narrow pane the meaning is elided
            # (the accessible description and the tooltip keep it whole).
            text_w = min(unit_w - pill_w - 4, width - 4 - (x + pill_w + 4)) if meanings else 0
            text = QRectF(x + pill_w + 4, y, max(0, text_w), line_h - 4)
            out.append((badge, meaning, pill, text))
            x += unit_w + self.GAP
        return out

    def _place(self, width: int) -> list[tuple[Badge, str, QRectF, QRectF]]:
        """With their meanings on at most three lines; where that does not fit (a narrow
        pane, 200 % scaling) the example badges alone, whose words say what they are
        ("Voorstel: Partijpolitiek"): four lines took the transcript's room at 200 %, and
        a fixed two lines cut the last entry off (issue 14)."""
        placed = self._flow(width, meanings=True)
        if self._lines(placed) <= self.MAX_LINES:
            return placed
        return self._flow(width, meanings=False)

    def _lines(self, placed: list[tuple[Badge, str, QRectF, QRectF]]) -> int:
        return len({int(r.top()) for _, _, r, _ in placed})

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        # Never more than three lines, two for the badges alone: layouts ask this at a
        # pane's narrowest width, where even the badges alone would stack four high and
        # make the window too tall for 200 % (a pane that narrow shows the first badges;
        # the tooltip has them all).
        placed = self._place(width)
        needed = int(max(r.bottom() for _, _, r, _ in placed) + 4) if placed else 0
        placed_lines = self._lines(placed)
        lines = self.MAX_LINES if any(t.width() > 0 for *_, t in placed) else self.BADGE_LINES
        return min(needed, min(placed_lines, lines) * self._line_height() + 2)

    def sizeHint(self) -> QSize:
        units = self._units()
        width = sum(u[3] for u in units) + self.GAP * (len(units) - 1) + 8
        return QSize(width, self.height_now())

    def minimumSizeHint(self) -> QSize:
        # The widest badge: a whole entry on one line made the window at least 979 px
        # wide (issue 14: 1366 px at 200 % is 683). Its height is what its width needs.
        pill = max((u[2] for u in self._units()), default=0)
        return QSize(pill + 8, self.height_now())

    def height_now(self) -> int:
        """The height the current width needs (layouts in a splitter do not ask
        ``heightForWidth``, so the widget says it through its size hints)."""
        return self.heightForWidth(max(self.width(), 1)) if self.width() > 1 else (
            2 * self._line_height() + 2
        )

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.height() != self.height_now():
            self.updateGeometry()  # another number of lines now: the layout asks again

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setFont(self.font())
        for badge, meaning, pill, text in self._place(self.width()):
            badges.paint(p, pill, badge, self.palette())
            if text.width() <= 0:
                continue  # the badge alone (a narrow pane): its words say what it is
            p.setPen(self.palette().color(QPalette.ColorRole.WindowText))
            fm = QFontMetrics(self.font())  # the metrics _place measured with
            shown = (
                meaning
                if fm.horizontalAdvance(meaning) <= text.width() + 0.5
                else fm.elidedText(meaning, Qt.TextElideMode.ElideRight, int(text.width()))
            )
            p.drawText(text, Qt.AlignmentFlag.AlignVCenter, shown)
        p.end()
