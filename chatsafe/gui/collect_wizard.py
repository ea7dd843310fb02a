"""The guided collection: a wizard that walks IT support from the minister's platform to a
checked import (issue 17): platform → what to bring → the inputs → the checks → import.

The texts are :mod:`chatsafe.guide`'s (the CLI's ``formats --guide``), translated in the
context ``Guide``; the checks are ``formats --check``'s, run on a plain worker thread
because finding the format of a large backup folder can take seconds (they only read,
so an abandoned check leaves nothing behind). The import itself is the window's usual
one, with its progress dialog, cancel and the secrets dialog for an encrypted backup.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Protocol, cast

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QButtonGroup,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from chatsafe import guide
from chatsafe.errors import ChatsafeError
from chatsafe.gui.messages import error_text

translate = QCoreApplication.translate  # called with literals: the i18n test finds them
#: One input's check: (path, finding, the refusal's error, the secrets the app will ask).
Checked = tuple[Path, guide.Finding, ChatsafeError | None, list[str]]


def _guide(text: str) -> str:
    """A sentence of the guide in the app's language (entries in the context Guide)."""
    return QCoreApplication.translate("Guide", text)


def check_inputs(paths: list[Path]) -> list[Checked]:
    """``formats --check`` for the app: also the error and the secrets it will ask for."""
    out: list[Checked] = []
    for path in paths:
        finding, error = guide.check_one(path)
        out.append((path, finding, error, guide.secrets_needed(path) if finding.format else []))
    return out


def blocks(item: Checked) -> bool:
    """Whether an input stops the import. A missing key the app asks for does not."""
    _path, finding, _error, secrets = item
    return not finding.ok and not secrets


def describe(item: Checked) -> str:
    path, finding, error, secrets = item
    if error is not None:
        return f"✗ {path.name}: {error_text(error)}"
    parts = [_guide(p) for p in finding.message.split("; ")]
    if secrets and not finding.ok:
        parts.append(translate("CollectWizard", "the import will ask for the key"))
    mark = "✗" if blocks(item) else "✓"
    return f"{mark} {path.name} ({finding.format}): " + "; ".join(parts)


class _Bridge(QObject):
    """Hands the worker's result to the GUI thread (a queued signal)."""

    done = Signal(int, object)


class PlatformPage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.setTitle(translate("CollectWizard", "Which device or app?"))
        self.setSubTitle(
            translate(
                "CollectWizard", "The apps' own databases hold every message; exports are cut."
            )
        )
        self.group = QButtonGroup(self)
        layout = QVBoxLayout(self)
        for n, (platform, what, _steps) in enumerate(guide.GUIDE):
            button = QRadioButton(f"{_guide(platform)}: {_guide(what)}")
            button.setChecked(n == 0)
            self.group.addButton(button, n)
            layout.addWidget(button)
        layout.addStretch()


class BringPage(QWizardPage):
    def __init__(self, platform: Callable[[], int]) -> None:
        super().__init__()
        self.platform = platform
        self.setTitle(translate("CollectWizard", "What to bring"))
        self.steps = QLabel()
        self.steps.setWordWrap(True)
        QVBoxLayout(self).addWidget(self.steps)

    def initializePage(self) -> None:  # noqa: N802 - Qt's name
        platform, what, steps = guide.GUIDE[self.platform()]
        self.setSubTitle(f"{_guide(platform)}: {_guide(what)}")
        self.steps.setText("\n\n".join(f"{n}. {_guide(s)}" for n, s in enumerate(steps, 1)))


class InputsPage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.setTitle(translate("CollectWizard", "Choose what you brought"))
        self.setSubTitle(
            translate(
                "CollectWizard", "A backup or app folder as it is, or database and export files."
            )
        )
        self.list = QListWidget()
        self.list.setAccessibleName(translate("CollectWizard", "Inputs to import"))
        self.paths: list[Path] = []
        add_folder = QPushButton(translate("CollectWizard", "Add a &folder…"))
        add_files = QPushButton(translate("CollectWizard", "Add &files…"))
        remove = QPushButton(translate("CollectWizard", "&Remove"))
        add_folder.clicked.connect(self._choose_folder)
        add_files.clicked.connect(self._choose_files)
        remove.clicked.connect(self._remove)
        buttons = QHBoxLayout()
        for button in (add_folder, add_files, remove):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list)
        layout.addLayout(buttons)

    def add_paths(self, paths: list[Path]) -> None:
        for path in paths:
            if path not in self.paths:
                self.paths.append(path)
                self.list.addItem(str(path))
        self.completeChanged.emit()

    def _choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, translate("CollectWizard", "Add a folder"))
        if folder:
            self.add_paths([Path(folder)])

    def _choose_files(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(self, translate("CollectWizard", "Add files"))
        self.add_paths([Path(f) for f in files])

    def _remove(self) -> None:
        row = self.list.currentRow()
        if row >= 0:
            self.list.takeItem(row)
            del self.paths[row]
            self.completeChanged.emit()

    def isComplete(self) -> bool:  # noqa: N802 - Qt's name
        return bool(self.paths)


class CheckPage(QWizardPage):
    def __init__(self, inputs: InputsPage, checker: Callable[[list[Path]], list[Checked]]) -> None:
        super().__init__()
        self.inputs = inputs
        self.checker = checker
        self.setTitle(translate("CollectWizard", "Checks before the import"))
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.list = QListWidget()
        self.list.setAccessibleName(translate("CollectWizard", "Check results"))
        self.results: list[Checked] | None = None
        self._run = 0
        self.bridge = _Bridge(self)
        self.bridge.done.connect(self._done)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addWidget(self.list)

    def initializePage(self) -> None:  # noqa: N802 - Qt's name
        self._run += 1
        run, paths, bridge, checker = self._run, list(self.inputs.paths), self.bridge, self.checker
        self.results = None
        self.list.clear()
        self.status.setText(translate("CollectWizard", "Checking the inputs…"))
        self.completeChanged.emit()

        def work() -> None:
            result = checker(paths)
            try:
                bridge.done.emit(run, result)
            except RuntimeError:
                pass  # the wizard was closed meanwhile: nobody waits for the result

        threading.Thread(target=work, name="collect-check", daemon=True).start()

    def _done(self, run: int, results: list[Checked]) -> None:
        if run != self._run:
            return  # an older check, from before the inputs changed
        self.results = results
        for item in results:
            self.list.addItem(describe(item))
        stopped = sum(1 for item in results if blocks(item))
        self.status.setText(
            translate(
                "CollectWizard",
                "Everything can be imported. Import starts the import; it can be cancelled.",
            )
            if not stopped
            else translate(
                "CollectWizard",
                "Some inputs cannot be imported as they are: see what to do, go back "
                "and choose them again.",
            )  # fmt: skip
        )
        self.completeChanged.emit()

    def isComplete(self) -> bool:  # noqa: N802 - Qt's name
        return self.results is not None and not any(blocks(item) for item in self.results)


class CollectWizard(QWizard):
    """``import_requested(paths)`` when IT support presses Import after the checks."""

    import_requested = Signal(list)

    def __init__(
        self,
        parent: QWidget | None = None,
        checker: Callable[[list[Path]], list[Checked]] = check_inputs,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("CollectWizard", "Guided collection"))
        self.platform_page = PlatformPage()
        self.bring_page = BringPage(lambda: max(self.platform_page.group.checkedId(), 0))
        self.inputs_page = InputsPage()
        self.check_page = CheckPage(self.inputs_page, checker)
        for page in (self.platform_page, self.bring_page, self.inputs_page, self.check_page):
            self.addPage(page)
        self.setButtonText(QWizard.WizardButton.FinishButton, translate("CollectWizard", "&Import"))
        self.setButtonText(QWizard.WizardButton.NextButton, translate("CollectWizard", "&Next >"))
        self.setButtonText(QWizard.WizardButton.BackButton, translate("CollectWizard", "< &Back"))
        self.setButtonText(QWizard.WizardButton.CancelButton, translate("CollectWizard", "Cancel"))

    def accept(self) -> None:
        paths = list(self.inputs_page.paths)
        super().accept()
        self.import_requested.emit(paths)


class _Window(Protocol):
    def start_import(self, paths: list[Path], owner: str | None = None) -> object: ...


def open_wizard(window: QWidget) -> CollectWizard:
    """Show the wizard over ``window``; its Import runs the window's import."""
    wizard = CollectWizard(window)
    target = cast(_Window, window)
    wizard.import_requested.connect(lambda paths: target.start_import(paths))
    wizard.finished.connect(wizard.deleteLater)
    wizard.open()
    return wizard


def collect_action(window: QWidget) -> QAction:
    """The Case menu's entry for the wizard."""
    act = QAction(translate("CollectWizard", "&Guided collection…"), window)
    act.setObjectName("collect")
    act.setStatusTip(
        translate(
            "CollectWizard", "What to bring from each phone and app, checked before the import"
        )
    )
    act.triggered.connect(lambda: open_wizard(window))
    return act
