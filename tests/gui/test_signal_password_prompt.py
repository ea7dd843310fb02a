"""A Signal Desktop folder whose key the keychain locks: the app asks for the password of
the 'Signal Safe Storage' item before the import (a hidden field), and imports with it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialogButtonBox, QLabel, QLineEdit

from chatsafe.gui.secrets import SecretDialog
from chatsafe.importers import signal_desktop_crypto as crypto
from tests.unit import signal_desktop_db


@pytest.fixture(autouse=True)
def no_desktop_bus(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DBUS_SESSION_BUS_ADDRESS", raising=False)
    monkeypatch.delenv("CHATSAFE_SIGNAL_SAFE_STORAGE", raising=False)


def test_the_signal_password_is_asked_then_used(
    make_window, qtbot, tmp_path: Path, notices
) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    before = window.conv_model.rowCount()
    root = signal_desktop_db.build(tmp_path / "Signal")
    encrypted = crypto.encrypt_key_for_tests(signal_desktop_db.KEY, b"uit-de-sleutelhanger", 1003)
    (root / "config.json").write_text(json.dumps({"encryptedKey": encrypted}))
    asked: list[str] = []

    def prompt(kind: str, name: str) -> str | None:
        asked.append(kind)
        dialog = SecretDialog(kind, name)
        qtbot.addWidget(dialog)
        assert dialog.field.echoMode() is QLineEdit.EchoMode.Password
        assert "'Signal Safe Storage'" in dialog.findChild(QLabel).text()
        qtbot.keyClicks(dialog.field, "uit-de-sleutelhanger")
        dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
        return dialog.secret()

    window.secret_prompt = prompt
    window.start_import([root])
    assert asked == ["signal_password"]
    assert notices["error"] == []
    assert window.conv_model.rowCount() > before
