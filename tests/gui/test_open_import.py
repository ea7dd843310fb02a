"""Opening and unlocking cases, creating one, importing with progress, cancel and errors."""

from __future__ import annotations

from pathlib import Path

import keyring
import pytest
from gui_case import ANNA, PIET, build_case, write_export
from keyring.backends import fail

from chatsafe.gui import dialogs, notify, recent
from chatsafe.gui.main_window import MainWindow
from chatsafe.gui.tasks import ImmediateRunner
from chatsafe.review.labels import Role
from chatsafe.store import create_case


@pytest.fixture
def answers(monkeypatch):  # type: ignore[no-untyped-def]
    """Scripted answers to the dialogs; records the errors shown."""
    state: dict = {"passphrases": [], "asked": 0, "errors": [], "identity": ("Ada", Role.ASSISTANT)}

    def ask_pass(cls, parent, *, new=False, message=""):  # type: ignore[no-untyped-def]
        state["asked"] += 1
        state.setdefault("messages", []).append(message)
        return state["passphrases"].pop(0) if state["passphrases"] else None

    monkeypatch.setattr(dialogs.PassphraseDialog, "ask", classmethod(ask_pass))
    monkeypatch.setattr(
        dialogs.IdentityDialog, "ask", classmethod(lambda cls, *a, **k: state["identity"])
    )
    monkeypatch.setattr(notify, "error", lambda parent, title, text: state["errors"].append(text))
    return state


@pytest.fixture
def window(qtbot):  # type: ignore[no-untyped-def]
    w = MainWindow(ImmediateRunner())
    qtbot.addWidget(w)
    yield w
    w.set_session(None)


def test_open_with_the_keyring(window, tmp_path, answers) -> None:  # type: ignore[no-untyped-def]
    build_case(tmp_path).close()
    window.open_path(tmp_path / "test.chatsafe")
    assert answers["asked"] == 0
    assert window.session is not None and window.session.reviewer.name == "Ada"
    assert window.conv_model.rowCount() == 3
    assert "Ada" in window.windowTitle()
    assert recent.recent_cases() == [(tmp_path / "test.chatsafe").resolve()]
    assert recent.last_reviewer() == ("Ada", "assistant")
    window.close_case()
    assert window.stack.currentWidget() is window.welcome
    assert window.welcome.recent.count() == 1


def test_unlock_with_a_passphrase_after_a_wrong_one(window, tmp_path, answers) -> None:  # type: ignore[no-untyped-def]
    keyring.set_keyring(fail.Keyring())  # a headless computer: no keyring
    build_case(tmp_path, passphrase="correct horse").close()
    answers["passphrases"] = ["wrong passphrase", "correct horse"]
    window.open_path(tmp_path / "test.chatsafe")
    assert answers["asked"] == 2
    assert answers["messages"][0] == ""
    assert "does not unlock" in answers["messages"][1]
    assert window.session is not None


def test_cancelled_unlock_or_identity_leaves_no_case_open(window, tmp_path, answers) -> None:  # type: ignore[no-untyped-def]
    keyring.set_keyring(fail.Keyring())
    build_case(tmp_path, passphrase="correct horse").close()
    window.open_path(tmp_path / "test.chatsafe")
    assert window.session is None
    answers["passphrases"] = ["correct horse"]
    answers["identity"] = None
    window.open_path(tmp_path / "test.chatsafe")
    assert window.session is None


def test_not_a_case_is_a_readable_error(window, tmp_path, answers) -> None:  # type: ignore[no-untyped-def]
    bogus = tmp_path / "notes.chatsafe"
    bogus.write_bytes(b"short")
    window.open_path(bogus)
    assert window.session is None
    assert answers["errors"] == [
        "In notes.chatsafe: The case file cannot be used. Open another case, or ask IT support."
    ]


def test_create_then_import_with_progress(window, tmp_path, answers, qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from chatsafe.gui.operations import importing

    window.create_path(tmp_path / "new.chatsafe", None, "Minister")
    assert window.session is not None and window.session.owner == "Minister"
    export = write_export(tmp_path, "Anna de Vries", ANNA)
    seen: list[tuple[str, int, int]] = []
    labels: list[str] = []
    real_start = importing.ImportFlow.start

    def start(self):  # type: ignore[no-untyped-def]
        # Listen before the import runs (the test runner runs it at once, inside start).
        self.bridge.progress.connect(lambda *a: seen.append(a))
        self.bridge.progress.connect(lambda *a: labels.append(self.dialog.labelText()))
        real_start(self)

    from chatsafe import ingest_writer

    monkeypatch.setattr(ingest_writer, "_BATCH", 2)  # a "storing" report every 2 rows
    monkeypatch.setattr(importing.ImportFlow, "start", start)
    window.start_import([export])
    phases = [phase for phase, _done, _total in seen]
    assert {"reading", "storing", "indexing"} <= set(phases), seen
    assert any(label.startswith(("Reading", "Storing")) for label in labels), labels
    assert window.conv_model.rowCount() == 1
    assert window.msg_model.rowCount() == 7
    assert "Imported 7 new messages" in window.statusBar().currentMessage()
    # the same export again adds nothing
    window.start_import([export])
    assert "Imported 0 new messages (7 already in the case)" in window.statusBar().currentMessage()


def test_cancel_rolls_the_import_back(window, tmp_path, answers, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from chatsafe import ingest_writer

    monkeypatch.setattr(ingest_writer, "_BATCH", 2)  # progress (and a cancel check) every 2 rows
    case = create_case(tmp_path / "c.chatsafe")
    case.close()
    window.open_path(tmp_path / "c.chatsafe")
    big = "".join(f"01-02-2023 20:{i % 60:02d} - Piet: bericht {i}\n" for i in range(50))
    export = write_export(tmp_path, "Piet", big)
    from chatsafe.gui.operations import importing as import_flow

    real_start = import_flow.ImportFlow.start

    def start(self):  # type: ignore[no-untyped-def]
        self.bridge.progress.connect(lambda *a: self.cancel())  # cancel at the first progress
        real_start(self)

    monkeypatch.setattr(import_flow.ImportFlow, "start", start)
    window.start_import([export], owner="Minister")
    assert answers["errors"] == ["The import was cancelled. Nothing was added to the case."]
    assert window.session.reader.conversation_ids() == []


def test_bad_input_names_the_file(window, tmp_path, answers) -> None:  # type: ignore[no-untyped-def]
    create_case(tmp_path / "c.chatsafe").close()
    window.open_path(tmp_path / "c.chatsafe")
    junk = tmp_path / "boodschappen.txt"
    junk.write_bytes(b"\xff\xfe not a chat \x00")
    window.start_import([junk], owner="Minister")
    (text,) = answers["errors"]
    assert text.startswith("In boodschappen.txt: chatsafe does not recognise this export.")
    assert text.endswith("Nothing was added to the case.")


def test_contact_rule_applies_to_a_later_import(window, tmp_path, answers) -> None:  # type: ignore[no-untyped-def]
    from chatsafe.domain import Label

    create_case(tmp_path / "c.chatsafe").close()
    window.open_path(tmp_path / "c.chatsafe")
    s = window.session
    s.command(
        lambda svc: svc.add_contact_rule("Piet", Label.PRIVATE, by="Ada", role=Role.ASSISTANT)
    )
    window.start_import([write_export(tmp_path, "Piet", PIET)], owner="Minister")
    row = window.conv_model.conversation(0)
    assert row.title == "Piet" and row.label == "private" and row.status == "proposed"


def test_drop_files_imports_them(window, tmp_path, answers, qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
    from PySide6.QtGui import QDropEvent

    create_case(tmp_path / "c.chatsafe").close()
    window.open_path(tmp_path / "c.chatsafe")
    window.session.service.set_settings({"owner": "Minister"})
    window.session.reload_settings()
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(write_export(tmp_path, "Piet", PIET)))])
    event = QDropEvent(
        QPoint(5, 5),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    window.dropEvent(event)
    assert window.conv_model.rowCount() == 1
    assert Path(window.conv_model.conversation(0).title) == Path("Piet")


def test_entries_not_imported_are_said_in_the_status_bar(window, tmp_path, answers) -> None:  # type: ignore[no-untyped-def]
    """Issue 12: the signal-export fixture has three empty entries (calls, group changes)."""
    window.create_path(tmp_path / "new.chatsafe", None, "Me")
    export = Path(__file__).parent.parent / "fixtures" / "signal_export" / "export"
    window.start_import([export])
    message = window.statusBar().currentMessage()
    assert "Imported 11 new messages" in message
    assert "3 of 14 entries read were not imported; the import report lists them." in message
