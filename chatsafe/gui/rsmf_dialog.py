"""Case > Export for Woo (RSMF): what a bundle carries, as RSMF files for review platforms.

The export runs as a job on the session's runner (the worker owns the case connection),
with progress through a queued signal and a cancel that leaves nothing behind.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from chatsafe.errors import CancelledError
from chatsafe.export.rsmf import RsmfResult
from chatsafe.gui import localtext
from chatsafe.gui.messages import error_text
from chatsafe.gui.session import Session
from chatsafe.service import CaseService

if TYPE_CHECKING:
    from chatsafe.gui.main_window import MainWindow


class _Bridge(QObject):
    progress = Signal(str, int, int)


class RsmfDialog(QDialog):
    def __init__(self, parent: QWidget | None, session: Session) -> None:
        super().__init__(parent)
        self.session = session
        self.name, self.role = session.reviewer.name, session.reviewer.role
        self.cancel_event = threading.Event()
        self.running = False
        self.export_result: RsmfResult | None = None
        self.bridge = _Bridge(self)
        self.bridge.progress.connect(self._on_progress)
        self.setWindowTitle(self.tr("Export for Woo (RSMF)"))
        lay = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Writes exactly what the bundle would carry as RSMF 2.0 files, which review "
                "platforms (Relativity, Nuix, Reveal, ZyLAB) open for Woo requests. Nothing "
                "private or party-political is in them. It needs the minister, or the "
                "minister's approval."
            ),
            self,
        )
        intro.setWordWrap(True)
        lay.addWidget(intro)
        form = QFormLayout()
        row = QWidget(self)
        row_lay = QHBoxLayout(row)
        row_lay.setContentsMargins(0, 0, 0, 0)
        self.out = QLineEdit(row)
        self.out.setAccessibleName(self.tr("New folder for the RSMF files"))
        self.out.textChanged.connect(self._update)
        browse = QPushButton(self.tr("Choose…"), row)
        browse.clicked.connect(self._choose)
        row_lay.addWidget(self.out)
        row_lay.addWidget(browse)
        form.addRow(self.tr("New folder:"), row)
        self.slicing = QComboBox(self)
        self.slicing.addItem(self.tr("One file per conversation and day"), "day")
        self.slicing.addItem(self.tr("One file per conversation"), "conversation")
        self.slicing.setAccessibleName(self.tr("How the files are cut"))
        form.addRow(self.tr("Files:"), self.slicing)
        lay.addLayout(form)
        self.progress = QProgressBar(self)
        self.progress.setVisible(False)
        lay.addWidget(self.progress)
        self.status = QLabel("", self)
        self.status.setWordWrap(True)
        lay.addWidget(self.status)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.export = QPushButton(self.tr("Export"), self)
        self.export.setDefault(True)
        self.export.clicked.connect(self.start)
        self.cancel = QPushButton(self.tr("Cancel"), self)
        self.cancel.clicked.connect(self._cancel)
        buttons.addWidget(self.export)
        buttons.addWidget(self.cancel)
        lay.addLayout(buttons)
        self._update()

    def _choose(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Folder for the RSMF files"))
        if folder:
            self.out.setText(folder)

    def _update(self) -> None:
        self.export.setEnabled(not self.running and bool(self.out.text().strip()))

    def start(self) -> None:
        if self.running or not self.out.text().strip():
            return
        out = Path(self.out.text().strip())
        name, role = self.name, self.role
        slicing = str(self.slicing.currentData())
        self.cancel_event.clear()
        bridge, event = self.bridge, self.cancel_event

        def job(service: CaseService) -> RsmfResult:
            result, _changes = service.export_rsmf(
                out,
                by=name,
                role=role,
                slicing=slicing,
                progress=lambda phase, done, total: bridge.progress.emit(phase, done, total),
                cancelled=event.is_set,
            )
            return result

        self.running = True
        self.progress.setVisible(True)
        self.progress.setRange(0, 0)
        self.status.setText(self.tr("Writing the RSMF files…"))
        self._update()
        self.session.run(job, self._done, self._failed)

    def _on_progress(self, _phase: str, done: int, total: int) -> None:
        if total:
            self.progress.setRange(0, total)
            self.progress.setValue(done)

    def _done(self, result: RsmfResult) -> None:
        self.running = False
        self.export_result = result
        self.progress.setVisible(False)
        text = self.tr("{files} written to {folder}: {c}, {n}, {a}.").format(
            files=localtext.rsmf_files(len(result.files)),
            folder=result.folder,
            c=localtext.conversations(result.conversations),
            n=localtext.items(result.events),
            a=localtext.attachments(result.attachments),
        )
        if result.warnings:
            names = ", ".join(w.split(":", 1)[0] for w in result.warnings)
            text += " " + self.tr(
                "These files may pass RSMF's 2 GB limit (one entry with large attachments): {names}"
            ).format(names=names)
        self.status.setText(text)
        self.cancel.setText(self.tr("Close"))
        self._update()

    def _failed(self, exc: BaseException) -> None:
        self.running = False
        self.progress.setVisible(False)
        if isinstance(exc, CancelledError):
            self.status.setText(self.tr("The export was cancelled; no file was written."))
        else:
            self.status.setText(error_text(exc))
        self._update()

    def _cancel(self) -> None:
        if self.running:
            self.cancel_event.set()
            self.status.setText(self.tr("Cancelling… no files will be written."))
            return
        self.reject()


def open_rsmf_dialog(window: MainWindow) -> RsmfDialog | None:
    """Open the export for the window's current session."""
    session = window.session
    if session is None:
        return None
    dialog = RsmfDialog(window, session)
    dialog.setModal(True)
    dialog.show()
    return dialog
