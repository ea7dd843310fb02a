"""Thumbnails for the transcript's bubbles: read small, decoded off the GUI thread,
cached like row heights.

The case stores a PNG thumbnail (at most 320 px, made at import without EXIF) for each
image attachment. Reading those few kB through the reader is cheap; decoding them is
done on a thread of this cache's own pool (``QImage`` is safe off the GUI thread, a
``QPixmap`` is not), and ``ready`` tells the view to repaint. A bubble paints a grey box
of the right size until its image is there, so a row's height never waits for an image.
Nothing goes to disk.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable

from PySide6.QtCore import QObject, QThreadPool, Signal
from PySide6.QtGui import QImage

Read = Callable[[int], "bytes | None"]
MAX_IMAGES = 300  # a screenful is a few dozen; scrolling back stays instant


class ThumbnailCache(QObject):
    """``ready(blob_id)`` when a decoded thumbnail arrives."""

    ready = Signal(int)
    _decoded = Signal(int, QImage)

    def __init__(self, read: Read, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._read = read
        self._images: OrderedDict[int, QImage] = OrderedDict()
        self._pending: set[int] = set()
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)  # two cores, shared with the worker
        self._decoded.connect(self._arrived)
        self.decoded = 0  # images decoded, for tests and the benchmark

    def image(self, blob_id: int) -> QImage | None:
        """The decoded thumbnail, or None while it is read and decoded."""
        image = self._images.get(blob_id)
        if image is not None:
            self._images.move_to_end(blob_id)
            return image
        if blob_id not in self._pending:
            self._pending.add(blob_id)
            data = self._read(blob_id)
            if data is None:
                self._store(blob_id, QImage())  # no thumbnail: the grey box stays
            else:
                self._pool.start(lambda: self._decode(blob_id, data))
        return None

    def _decode(self, blob_id: int, data: bytes) -> None:  # on the pool's thread
        image = QImage.fromData(data)
        try:
            self._decoded.emit(blob_id, image)  # queued onto the GUI thread
        except RuntimeError:  # the cache was deleted meanwhile
            pass

    def _arrived(self, blob_id: int, image: QImage) -> None:
        self.decoded += 1
        self._store(blob_id, image)
        self.ready.emit(blob_id)

    def _store(self, blob_id: int, image: QImage) -> None:
        self._pending.discard(blob_id)
        self._images[blob_id] = image
        while len(self._images) > MAX_IMAGES:
            self._images.popitem(last=False)

    def close(self) -> None:
        """Wait for decodes in flight (milliseconds) before the reader goes away."""
        self._pool.waitForDone()


__all__ = ["ThumbnailCache"]
