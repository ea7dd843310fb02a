"""Opening, unlocking and creating cases.

Opening runs on the worker (scrypt and SQLCipher's first read take a moment); a missing
keyring entry asks for the passphrase; a wrong one asks again, saying so. Once a case is
open, the reviewer says who they are and the session is handed to ``on_open``.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QFileDialog, QWidget

from chatsafe import demo
from chatsafe.errors import ChatsafeError, NoKeyError, WrongKeyError
from chatsafe.gui import notify, recent
from chatsafe.gui.messages import error_text
from chatsafe.gui.session import Reviewer, Session
from chatsafe.gui.tasks import Runner
from chatsafe.service import CaseService
from chatsafe.store import Case, create_case, open_case

translate = QCoreApplication.translate


class CaseOpener:
    """Open or create a case for ``parent``, on ``runner``; ``on_open(session)`` after."""

    def __init__(
        self,
        parent: QWidget,
        runner: Runner,
        on_open: Callable[[Session], None],
        closing: Callable[[], bool],
    ) -> None:
        self.parent = parent
        self.runner = runner
        self.on_open = on_open
        self.closing = closing
        self.dialog: QDialog | None = None

    def choose(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self.parent,
            translate("MainWindow", "Open case"),
            "",
            translate("MainWindow", "chatsafe cases (*.chatsafe);;All files (*)"),
        )
        if name:
            self.open(Path(name))

    def open(self, path: Path, passphrase: str | None = None) -> None:
        self.runner.run(
            lambda: open_case(path, passphrase=passphrase),
            self.unlocked,
            lambda e: self._open_failed(path, e, passphrase),
        )

    def _open_failed(self, path: Path, error: BaseException, tried: str | None) -> None:
        from chatsafe.gui.dialogs import PassphraseDialog

        if self.closing():
            return
        if isinstance(error, NoKeyError | WrongKeyError):
            message = (
                translate("MainWindow", "That passphrase does not unlock this case. Try again.")
                if tried is not None
                else ""
            )
            if demo.is_demo(path):
                # Only the demo case has a fixed passphrase: say it where it is asked for.
                hint = translate("MainWindow", "This is the demo case; its passphrase is: %1")
                pw = PassphraseDialog.ask(
                    self.parent, message=message, hint=hint.replace("%1", demo.DEMO_PASSPHRASE)
                )
            else:
                pw = PassphraseDialog.ask(self.parent, message=message)
            if pw is not None:
                self.open(path, pw)
            return
        # A core error names the file itself; anything else gets the file named here.
        text = (
            error_text(error)
            if isinstance(error, ChatsafeError)
            else translate("MainWindow", "Cannot open %1: %2")
            .replace("%1", path.name)
            .replace("%2", error_text(error))
        )
        notify.error(self.parent, translate("MainWindow", "Cannot open the case"), text)

    def unlocked(self, case: Case) -> None:
        """A case is open: ask who reviews, then show it."""
        from chatsafe.gui.dialogs import IdentityDialog

        if self.closing():
            self.runner.run(case.close)
            return
        name, role = recent.last_reviewer()
        who = IdentityDialog.ask(self.parent, name, role)
        if who is None:
            self.runner.run(case.close)
            return
        recent.remember_reviewer(who[0], who[1].value)
        self.on_open(Session(CaseService(case), Reviewer(who[0], who[1]), self.runner))

    def open_demo(self) -> None:
        """Open the demo case as ``chatsafe demo`` does, building it on first use (on the
        worker: importing the sample exports takes a moment)."""

        def failed(error: BaseException) -> None:
            if not self.closing():
                notify.error(
                    self.parent, translate("MainWindow", "Cannot open the demo"), error_text(error)
                )

        self.runner.run(demo.build_demo, self.unlocked, failed)

    def new(self) -> None:
        from chatsafe.gui.dialogs import NewCaseDialog

        dialog = NewCaseDialog(self.parent)
        self.dialog = dialog
        if not dialog.exec():
            return
        self.create(
            dialog.case_path(), dialog.chosen_passphrase(), dialog.owner.text().strip() or None
        )

    def create(self, path: Path, passphrase: str | None, owner: str | None) -> None:
        def job() -> Any:
            case = create_case(path, passphrase=passphrase)
            if owner:
                CaseService(case).set_settings({"owner": owner}, by=owner)
            return case

        def failed(error: BaseException) -> None:
            notify.error(
                self.parent, translate("MainWindow", "Cannot create the case"), error_text(error)
            )

        self.runner.run(job, self.unlocked, failed)
