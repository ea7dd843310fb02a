"""Asking for the secrets an import needs before it starts: an encrypted iPhone backup's
password, a WhatsApp backup's 64-digit key. They stay in memory for that one import;
they are never stored, logged or shown."""

from __future__ import annotations

from collections.abc import Callable, Collection
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from chatsafe import guide
from chatsafe.errors import InputError
from chatsafe.importers import (
    iphone_backup,
    signal_desktop_crypto,
    whatsapp_android,
    whatsapp_crypt,
)

#: (kind, file name) -> the secret typed, or None when the user cancelled.
Prompt = Callable[[str, str], str | None]


class SecretDialog(QDialog):
    """One hidden field, with a sentence saying which secret and for which input."""

    def __init__(self, kind: str, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        translate = QCoreApplication.translate
        if kind == "backup_password":
            self.setWindowTitle(translate("Secrets", "iPhone backup password"))
            text = translate(
                "Secrets",
                "%1 is an encrypted iPhone backup. Type the backup password that was set "
                "in Finder or iTunes. Opening it takes some seconds.",
            )
        elif kind == "signal_password":
            self.setWindowTitle(translate("Secrets", "Signal password"))
            text = translate(
                "Secrets",
                "The key of %1 (Signal Desktop) is locked with the password of the minister's "
                "keychain item 'Signal Safe Storage'. Type that password.",
            )
        else:
            self.setWindowTitle(translate("Secrets", "WhatsApp backup key"))
            text = translate(
                "Secrets",
                "%1 is an encrypted WhatsApp backup. Type the 64-digit end-to-end backup "
                "key (not the backup password).",
            )
        label = QLabel(text.replace("%1", name))
        label.setWordWrap(True)
        self.field = QLineEdit()
        self.field.setEchoMode(QLineEdit.EchoMode.Password)
        self.field.setAccessibleName(self.windowTitle())
        box = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        box.button(QDialogButtonBox.StandardButton.Ok).setText(translate("Secrets", "OK"))
        box.button(QDialogButtonBox.StandardButton.Cancel).setText(translate("Secrets", "Cancel"))
        box.accepted.connect(self.accept)
        box.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.field)
        layout.addWidget(box)

    def secret(self) -> str:
        return self.field.text()


def dialog_prompt(parent: QWidget | None) -> Prompt:
    def prompt(kind: str, name: str) -> str | None:
        dialog = SecretDialog(kind, name, parent)
        ok = dialog.exec() == QDialog.DialogCode.Accepted
        secret = dialog.secret()
        dialog.field.clear()
        dialog.deleteLater()
        return secret if ok and secret else None

    return prompt


def ask_secrets(
    paths: list[Path], prompt: Prompt, given: Collection[str] = ()
) -> dict[str, str] | None:
    """The import context's secrets for ``paths``; None when the user cancelled.

    A key that is not 64 digits raises InputError naming the input, before the import.
    """
    extra: dict[str, str] = {}
    for path in paths:
        for kind in guide.secrets_needed(path):
            slot = {
                "backup_password": iphone_backup.PASSWORD_EXTRA,
                "signal_password": signal_desktop_crypto.SAFE_STORAGE_EXTRA,
            }.get(kind, whatsapp_android.KEY_EXTRA)
            if slot in extra or slot in given:
                continue  # one secret per kind for one import; a key file was chosen
            secret = prompt(kind, path.name)
            if secret is None:
                return None
            if kind == "whatsapp_key":
                secret = whatsapp_crypt.parse_key(secret.encode("utf-8"), str(path)).raw.hex()
            extra[slot] = secret
    return extra


__all__ = ["InputError", "SecretDialog", "ask_secrets", "dialog_prompt"]
