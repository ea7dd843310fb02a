"""The case settings dialog as an operation: the change is the service's
``set_settings`` on the worker (the code ``chatsafe settings`` runs), logged per setting."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from chatsafe.gui.operations.base import CaseOp
from chatsafe.gui.session import Session
from chatsafe.gui.settings_dialog import SettingsDialog
from chatsafe.service import Changes


class SettingsOp:
    def __init__(
        self,
        session: Session,
        parent: QWidget,
        on_saved: Callable[[Changes], None] | None = None,
    ) -> None:
        self.session = session
        self.parent = parent
        self.on_saved = on_saved
        self.dialog: SettingsDialog | None = None

    def run(self) -> None:
        dialog = SettingsDialog(self.parent, self.session.settings)
        self.dialog = dialog
        if dialog.exec():
            self.save(dialog.changes())

    def save(self, pairs: dict[str, str | None]) -> None:
        if not pairs:
            return
        who = self.session.reviewer
        op = CaseOp(self.session, lambda s: s.set_settings(pairs, by=who.name, role=who.role.value))
        if self.on_saved is not None:
            op.success(self.on_saved)
        op.run()
