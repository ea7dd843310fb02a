"""Opening, unlocking and creating cases (a mixin of the main window).

Opening runs on the worker (scrypt and SQLCipher's first read take a moment); a missing
keyring entry asks for the passphrase; a wrong one asks again, saying so.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog

from chatsafe.errors import ChatsafeError, NoKeyError, WrongKeyError
from chatsafe.gui import notify, recent
from chatsafe.store import create_case, open_case

translate = QCoreApplication.translate

if TYPE_CHECKING:
    from chatsafe.gui.main_window import MainWindow


class CaseOps:
    def choose_case(self: MainWindow) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self,
            translate("MainWindow", "Open case"),
            "",
            translate("MainWindow", "chatsafe cases (*.chatsafe);;All files (*)"),
        )
        if name:
            self.open_path(Path(name))

    def open_path(self: MainWindow, path: Path, passphrase: str | None = None) -> None:
        self.runner.run(
            lambda: open_case(path, passphrase=passphrase),
            self.unlocked,
            lambda e: self._open_failed(path, e, passphrase),
        )

    def _open_failed(self: MainWindow, path: Path, error: BaseException, tried: str | None) -> None:
        from chatsafe.gui.dialogs import PassphraseDialog

        if getattr(self, "closing", False):
            return
        if isinstance(error, NoKeyError | WrongKeyError):
            message = (
                translate("MainWindow", "That passphrase does not unlock this case. Try again.")
                if tried is not None
                else ""
            )
            pw = PassphraseDialog.ask(self, message=message)
            if pw is not None:
                self.open_path(path, pw)
            return
        text = str(error) if isinstance(error, ChatsafeError) else type(error).__name__
        notify.error(
            self,
            translate("MainWindow", "Cannot open the case"),
            translate("MainWindow", "Cannot open %1: %2")
            .replace("%1", path.name)
            .replace("%2", text),
        )

    def unlocked(self: MainWindow, case: Any) -> None:
        """A case is open: ask who reviews, then show it."""
        from chatsafe.gui.dialogs import IdentityDialog
        from chatsafe.gui.session import Reviewer, Session

        if getattr(self, "closing", False):
            self.runner.run(case.close)
            return
        name, role = recent.last_reviewer()
        who = IdentityDialog.ask(self, name, role)
        if who is None:
            self.runner.run(case.close)
            return
        recent.remember_reviewer(who[0], who[1].value)
        self.set_session(Session(case, Reviewer(who[0], who[1]), self.runner))

    def new_case(self: MainWindow) -> None:
        from chatsafe.gui.dialogs import NewCaseDialog

        dialog = NewCaseDialog(self)
        self._dialog = dialog
        if not dialog.exec():
            return
        self.create_path(
            dialog.case_path(), dialog.chosen_passphrase(), dialog.owner.text().strip() or None
        )

    def create_path(
        self: MainWindow, path: Path, passphrase: str | None, owner: str | None
    ) -> None:
        def job() -> Any:
            case = create_case(path, passphrase=passphrase)
            if owner:
                case.set_setting("owner", owner)
            return case

        def failed(error: BaseException) -> None:
            text = str(error) if isinstance(error, ChatsafeError) else type(error).__name__
            notify.error(self, translate("MainWindow", "Cannot create the case"), text)

        self.runner.run(job, self.unlocked, failed)
