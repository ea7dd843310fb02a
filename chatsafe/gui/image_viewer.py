"""A larger view of an image attachment, opened from its thumbnail in the transcript.

The dialog opens at once with the stored thumbnail; the full image is read and decoded
on the worker (a 12-megapixel photo takes far longer than a GUI event may) and replaces
it when it arrives. Qt cannot read some formats (HEIC): then the thumbnail stays, and
the dialog says so. Nothing goes to disk.
"""

from __future__ import annotations

from typing import Any

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import QDialog, QLabel, QScrollArea, QVBoxLayout, QWidget

from chatsafe.gui.fit import resize_within
from chatsafe.review.bubble_parts import FileBrief


class AttachmentViewer(QDialog):
    def __init__(self, name: str, preview: QImage | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("attachmentViewer")
        self.setWindowTitle(name)
        self.setAccessibleName(self.tr("Image viewer"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.image_label = QLabel(self)
        self.image_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.image_label.setAccessibleName(name)
        area = QScrollArea(self)
        area.setWidgetResizable(True)
        area.setWidget(self.image_label)
        self.status = QLabel(self.tr("Loading the full image…"), self)
        layout = QVBoxLayout(self)
        layout.addWidget(area, 1)
        layout.addWidget(self.status)
        self.full = False
        if preview is not None and not preview.isNull():
            self._show(preview)
        resize_within(self, 720, 560)

    def _show(self, image: QImage) -> None:
        self.image_label.setPixmap(QPixmap.fromImage(image))

    def set_full(self, image: QImage | None) -> None:
        if image is None or image.isNull():
            self.status.setText(self.tr("Only the small preview can be shown for this file."))
            return
        self.full = True
        self._show(image)
        self.status.setText(
            self.tr("%1 × %2 pixels")
            .replace("%1", str(image.width()))
            .replace("%2", str(image.height()))
        )
        screen = self.screen().availableGeometry() if self.screen() else None
        if screen is not None:
            self.resize(
                min(image.width() + 40, int(screen.width() * 0.9)),
                min(image.height() + 80, int(screen.height() * 0.9)),
            )


def _decode(reader: Any, blob_id: int) -> QImage | None:  # on the worker
    data = reader.blob_bytes(blob_id)
    return QImage.fromData(data) if data else None


def open_attachment(
    parent: QWidget, session: Any, f: FileBrief, preview: QImage | None
) -> AttachmentViewer:
    """Show ``f`` in a viewer now; the full image follows from the worker."""
    viewer = AttachmentViewer(f.name, preview, parent)
    viewer.show()
    blob_id = f.blob_id

    def done(image: QImage | None) -> None:
        if shiboken6.isValid(viewer):  # closed before the image came
            viewer.set_full(image)

    def failed(_exc: BaseException) -> None:
        if shiboken6.isValid(viewer):
            viewer.set_full(None)

    if blob_id is not None and session is not None:
        session.read(lambda r: _decode(r, blob_id), done, failed)
    else:
        viewer.set_full(None)
    return viewer


__all__ = ["AttachmentViewer", "open_attachment"]
