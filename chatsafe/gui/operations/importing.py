"""Importing exports into the open case: on the worker, with a progress dialog and cancel.

Cancel sets a flag that the importer and ingest check now and then; they raise
CancelledError and the one import transaction rolls back, so the case is unchanged.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale, QObject, Qt, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from chatsafe.errors import CancelledError, ChatsafeError
from chatsafe.gui import localtext
from chatsafe.gui.messages import error_text
from chatsafe.gui.session import Session
from chatsafe.import_options import ImportOptions, context
from chatsafe.service import CaseService, ImportResult


class _Bridge(QObject):
    """Carries progress from the worker thread to the GUI thread (a queued signal)."""

    progress = Signal(str, int, int)


class ImportFlow(QObject):
    """One import run. ``finished(report or None, error or None)`` when it is over."""

    finished = Signal(object, object)

    def __init__(
        self,
        session: Session,
        paths: list[Path],
        parent: QWidget | None,
        owner: str | None = None,
        extra: dict[str, str] | None = None,
        options: ImportOptions | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.paths = paths
        self.owner = owner
        self.extra = dict(extra or {})  # secrets for this import only (never stored)
        self.options = options or ImportOptions()
        self._cancel = threading.Event()
        self.bridge = _Bridge()
        self.dialog = QProgressDialog(self.tr("Importing…"), self.tr("Cancel"), 0, 0, parent)
        self.dialog.setWindowTitle(self.tr("Import"))
        self.dialog.setAccessibleName(self.tr("Import progress"))
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setMinimumDuration(300)
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        self.dialog.canceled.connect(self.cancel)
        self.bridge.progress.connect(self._on_progress)

    def cancel(self) -> None:
        self._cancel.set()
        self.dialog.setLabelText(self.tr("Cancelling… nothing will be kept."))

    def _on_progress(self, phase: str, done: int, total: int) -> None:
        names = {
            "reading": self.tr("Reading"),
            "storing": self.tr("Storing"),
            "indexing": self.tr("Indexing"),
        }
        text = names.get(phase) or localtext.phase_name(phase)
        locale = QLocale()
        if done:
            text += " " + locale.toString(done)
        if total:
            text += " / " + locale.toString(total)
        self.dialog.setLabelText(text)
        if total:
            self.dialog.setMaximum(total)
            self.dialog.setValue(min(done, total))

    def start(self) -> None:
        # Owner and zone from the session's snapshot (read through the GUI's reader),
        # never from the worker's connection.
        s = self.session
        # The options dialog's fields, read into a context the way `chatsafe import` does.
        options = replace(
            self.options,
            owner=self.owner or self.options.owner or s.owner,
            extra={**self.options.extra, **self.extra},
        )
        try:
            ctx = context(
                options,
                case_owner=s.owner,
                case_time_zone=s.time_zone,
                cancelled=self._cancel.is_set,
            )
        except ChatsafeError as exc:
            self.finished.emit(None, exc)
            return
        emit: Callable[[str, int, int], None] = self.bridge.progress.emit
        paths = self.paths
        format_name = options.format_name

        def job(service: CaseService) -> ImportResult:
            return service.import_paths(paths, ctx, format_name=format_name, progress=emit)

        self.dialog.show()
        s.run(job, self._done, self._failed)

    def _done(self, result: ImportResult) -> None:
        self.dialog.close()
        self.session.reload_settings()  # the first import may set the owner
        self.session.changed.emit(result.changes)
        self.finished.emit(result.report, None)

    def _failed(self, error: BaseException) -> None:
        self.dialog.close()
        self.finished.emit(None, error)


def describe_error(error: BaseException) -> str:
    """A readable sentence for an import that failed, naming the file and the place."""
    translate = QCoreApplication.translate
    if isinstance(error, CancelledError):
        return translate("ImportFlow", "The import was cancelled. Nothing was added to the case.")
    nothing = translate("ImportFlow", "Nothing was added to the case.")
    return error_text(error) + " " + nothing


def local_paths(urls: list[Any]) -> list[Path]:
    return [Path(u.toLocalFile()) for u in urls if u.isLocalFile()]
