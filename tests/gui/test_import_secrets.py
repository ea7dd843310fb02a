"""The GUI asks for an encrypted input's secret before the import starts: a real dialog
with a hidden field; a cancelled one imports nothing; a wrong one is one readable error."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialogButtonBox, QLineEdit

from chatsafe.gui import dialogs, notify
from chatsafe.gui.main_window import MainWindow
from chatsafe.gui.secrets import SecretDialog
from chatsafe.gui.tasks import ImmediateRunner
from chatsafe.review.labels import Role
from tests.unit import iphone_backup_db, whatsapp_android_db


@pytest.fixture
def window(qtbot, tmp_path, monkeypatch):  # type: ignore[no-untyped-def]
    errors: list[str] = []
    monkeypatch.setattr(notify, "error", lambda parent, title, text: errors.append(text))
    monkeypatch.setattr(dialogs.IdentityDialog, "ask",
                        classmethod(lambda cls, *a, **k: ("Ada", Role.ASSISTANT)))  # fmt: skip
    w = MainWindow(ImmediateRunner())
    qtbot.addWidget(w)
    w.create_path(tmp_path / "c.chatsafe", None, "Minister")
    w.errors = errors  # type: ignore[attr-defined]
    yield w
    w.set_session(None)


def typed(qtbot, answers: list[str | None], asked: list[str]):  # type: ignore[no-untyped-def]
    """A prompt that fills the real dialog as a person would, then presses OK/Cancel."""

    def prompt(kind: str, name: str) -> str | None:
        asked.append(kind)
        dialog = SecretDialog(kind, name)
        qtbot.addWidget(dialog)
        assert dialog.field.echoMode() is QLineEdit.EchoMode.Password
        answer = answers.pop(0)
        buttons = dialog.findChild(QDialogButtonBox)
        if answer is None:
            buttons.button(QDialogButtonBox.StandardButton.Cancel).click()
            return None
        qtbot.keyClicks(dialog.field, answer)
        buttons.button(QDialogButtonBox.StandardButton.Ok).click()
        assert dialog.result() == SecretDialog.DialogCode.Accepted
        return dialog.secret()

    return prompt


def test_encrypted_iphone_backup_asks_for_its_password(window, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    backup = iphone_backup_db.build(tmp_path / "Backup", iphone_backup_db.PASSWORD)
    asked: list[str] = []
    window.secret_prompt = typed(qtbot, [None, iphone_backup_db.PASSWORD], asked)
    assert window.start_import([backup]) is None  # cancelled: nothing starts
    assert window.conv_model.rowCount() == 0
    window.start_import([backup])
    assert asked == ["backup_password", "backup_password"]
    assert window.errors == []
    assert window.conv_model.rowCount() >= 2


def test_whatsapp_key_wrong_then_right(window, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    phone = whatsapp_android_db.build(tmp_path / "WhatsApp")
    asked: list[str] = []
    window.secret_prompt = typed(qtbot, ["1234", "ff" * 32, whatsapp_android_db.KEY_HEX], asked)
    window.start_import([phone])  # not 64 digits: refused before the import
    assert "not a WhatsApp backup key" in window.errors[-1]
    window.start_import([phone])  # 64 digits, but not this backup's key
    assert "does not open this backup" in window.errors[-1]
    assert window.conv_model.rowCount() == 0
    window.start_import([phone])
    assert window.conv_model.rowCount() == 2
    assert len(window.errors) == 2


def test_plain_inputs_ask_nothing(window, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = whatsapp_android_db.build_db(tmp_path / "msgstore.db")
    asked: list[str] = []
    window.secret_prompt = typed(qtbot, [], asked)
    window.start_import([path])
    assert asked == [] and window.conv_model.rowCount() == 2


def test_details_say_which_source_held_what(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from chatsafe.gui.details import DetailsPane
    from chatsafe.importers.base import ImportContext
    from chatsafe.ingest import import_paths
    from chatsafe.review import browse
    from chatsafe.store import create_case
    from tests.unit import whatsapp_ios_db

    export = tmp_path / "WhatsApp-chat met Jan Jansen.txt"
    export.write_text("14-03-2024 09:06 - Jan Jansen: alleen in de export\n", encoding="utf-8")
    case = create_case(tmp_path / "c.chatsafe")
    mac = whatsapp_ios_db.build_mac(tmp_path / "group.net.whatsapp.WhatsApp.shared")
    import_paths(case, [export, mac], ImportContext(owner="Minister"))
    (row,) = [r for r in browse.conversation_rows(case.conn) if r.title == "Jan Jansen"]
    case.close()
    pane = DetailsPane()
    qtbot.addWidget(pane)
    pane.show_conversation(row, "")
    text = pane.text.toPlainText()
    assert "Sources: WhatsApp export: 1 message, 14 Mar 2024" in text
    assert "WhatsApp database (iPhone/Mac): 7 messages, 14 Mar 2024" in text
