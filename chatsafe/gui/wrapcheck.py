"""A checkbox whose text wraps.

``QCheckBox`` draws its text on one line: a sentence such as the minister's confirmation
made the bundle dialog wider than 1366x768 at 200 % allows, with a sideways scroll bar
that hid the end of every line. This is a checkbox beside a word-wrapped label; a click
on the label toggles it, as a click on a checkbox's own text does.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QWidget


class _Words(QLabel):
    clicked = Signal()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.rect().contains(
            event.position().toPoint()
        ):
            self.clicked.emit()
        super().mouseReleaseEvent(event)


class WrappedCheck(QWidget):
    """The parts of ``QCheckBox``'s interface the dialogs use."""

    toggled = Signal(bool)

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.box = QCheckBox(self)
        self.box.setAccessibleName(text)
        self.words = _Words(text, self)
        self.words.setWordWrap(True)
        self.words.clicked.connect(self._clicked)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.box, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(self.words, 1)
        self.box.toggled.connect(self.toggled)
        self.setFocusProxy(self.box)

    def _clicked(self) -> None:
        if self.box.isEnabled():
            self.box.toggle()

    def text(self) -> str:
        return self.words.text()

    def setText(self, text: str) -> None:  # noqa: N802 - QCheckBox's name
        self.words.setText(text)
        self.box.setAccessibleName(text)

    def isChecked(self) -> bool:  # noqa: N802 - QCheckBox's name
        return self.box.isChecked()

    def setChecked(self, checked: bool) -> None:  # noqa: N802 - QCheckBox's name
        self.box.setChecked(checked)
