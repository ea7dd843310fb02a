"""Guidance in a case with nothing imported yet: what to do first, with the button.

A new case opened on an empty conversation list and an empty transcript, and the
minister had no idea where to start (issue 14). This covers the review page until the
first import has brought conversations, and hides itself as soon as there are some.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget


class EmptyCaseHint(QWidget):
    """An overlay of ``page`` (it follows its size); :meth:`show_for` after each load."""

    def __init__(self, page: QWidget, import_files: QAction, import_folder: QAction) -> None:
        super().__init__(page)
        self._page = page
        self.setObjectName("emptyCase")
        self.setAutoFillBackground(True)
        title = QLabel(self.tr("This case is still empty"), self)
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        title.setFont(font)
        text = QLabel(
            self.tr(
                "Import an export of the phone's chats: on the phone choose “Export chat” "
                "(WhatsApp) or the app's backup, copy the file to this computer, then click "
                "Import or drop the file on this window. Nothing leaves the computer."
            ),
            self,
        )
        text.setWordWrap(True)
        text.setMaximumWidth(560)
        self.import_button = QPushButton(self.tr("Import an export…"), self)
        self.import_button.setDefault(True)
        self.import_button.clicked.connect(import_files.trigger)
        folder = QPushButton(self.tr("Import a folder…"), self)
        folder.clicked.connect(import_folder.trigger)
        for w in (title, text):
            w.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(title, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(text, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addSpacing(12)
        layout.addWidget(self.import_button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(folder, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)
        page.installEventFilter(self)
        self.hide()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._page and event.type() == QEvent.Type.Resize:
            self.setGeometry(self._page.rect())
        return False

    def show_for(self, conversations: int) -> None:
        """Shown while the case has no conversations; hidden once it has some."""
        if conversations:
            self.hide()
            return
        self.setGeometry(self._page.rect())
        self.raise_()
        self.show()
