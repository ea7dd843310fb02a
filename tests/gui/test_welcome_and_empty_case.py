"""The welcome page, an empty case and the demo's passphrase (issue 14, small ones):
recent cases by name with the folder muted and a clear empty state; a case with nothing
imported says what to do, with the button; the demo case's unlock dialog says its
passphrase."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from gui_case import ANNA, write_export
from keyring.backends import fail
from PySide6.QtWidgets import QApplication, QLabel

from chatsafe import demo
from chatsafe.gui import dialogs, i18n
from chatsafe.gui.main_window import MainWindow
from chatsafe.gui.panes import WelcomePage
from chatsafe.gui.tasks import ImmediateRunner
from chatsafe.review.labels import Role
from chatsafe.store import create_case


@pytest.fixture
def dutch(qapp: QApplication) -> Iterator[None]:
    i18n.install(qapp, "nl")
    yield
    i18n.install(qapp, "en")


def test_welcome_without_cases_says_what_to_do(qtbot, dutch) -> None:  # type: ignore[no-untyped-def]
    page = WelcomePage()
    qtbot.addWidget(page)
    page.resize(1000, 600)
    page.show()
    page.set_recent([])
    assert page.empty.isVisible() and page.recent.isHidden()
    assert "Nog geen zaken" in page.empty.text() and "Demo openen" in page.empty.text()
    # The button the text names is there, with the demo's passphrase beside it.
    assert page.demo_button.text() == "Demo openen" and page.demo_button.isVisible()
    assert "chatsafe-demo-case" in page.demo_note.text() and page.demo_note.isVisible()


def test_recent_cases_by_name_with_the_folder_muted(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    page = WelcomePage()
    qtbot.addWidget(page)
    page.resize(1000, 600)
    page.show()
    here = tmp_path / "zaken" / "Minister BZK 2024.chatsafe"
    here.parent.mkdir()
    here.write_bytes(b"x")
    gone = tmp_path / "oud" / "Vorige zaak.chatsafe"
    page.set_recent([here, gone])
    assert page.recent.isVisible() and page.empty.isHidden()
    shown = [page.recent.itemWidget(page.recent.item(i)) for i in range(2)]
    assert all(isinstance(w, QLabel) for w in shown)
    first, second = (w.text() for w in shown)  # type: ignore[union-attr]
    assert first.startswith("<b>Minister BZK 2024</b><br>") and str(here.parent) in first
    assert ".chatsafe" not in first.split("<br>")[0]
    assert "(not found)" in second
    # The list is as tall as its two rows, not a huge empty box.
    assert page.recent.height() < 4 * page.recent.sizeHintForRow(0)
    opened: list[Path] = []
    page.open_requested.connect(opened.append)
    page.recent.itemActivated.emit(page.recent.item(0))
    assert opened == [here]


def test_an_empty_case_guides_to_the_first_import(qtbot, tmp_path, dutch) -> None:  # type: ignore[no-untyped-def]
    from chatsafe.gui.session import Reviewer, Session

    runner = ImmediateRunner()
    window = MainWindow(runner)
    qtbot.addWidget(window)
    window.show()
    case = create_case(tmp_path / "leeg.chatsafe")
    window.set_session(Session(case, Reviewer("Ada", Role.ASSISTANT), runner))
    hint = window.empty_hint
    assert hint.isVisible()
    assert hint.geometry() == window.review_page.rect()
    assert hint.import_button.text() == "Importeer een export…"
    seen: list[bool] = []
    window.act.import_.triggered.connect(lambda: seen.append(True))
    window.act.import_.triggered.disconnect(window.choose_import)  # no file dialog here
    hint.import_button.click()
    assert seen == [True]
    window.start_import([write_export(tmp_path, "Anna de Vries", ANNA)], owner="Minister")
    assert window.conv_model.rowCount() == 1
    assert hint.isHidden()
    window.set_session(None)
    case.close()


def test_the_demo_case_unlock_dialog_says_its_passphrase(qtbot, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    keyring.set_keyring(fail.Keyring())  # a computer without a keyring
    path = tmp_path / "demo.chatsafe"
    monkeypatch.setattr(demo, "demo_path", lambda: path)
    create_case(path, passphrase=demo.DEMO_PASSPHRASE).close()
    other = tmp_path / "other.chatsafe"
    create_case(other, passphrase="another passphrase").close()
    messages: list[str] = []

    def ask(cls, parent, *, new=False, message="", hint=""):  # type: ignore[no-untyped-def]
        messages.append(hint)
        return None

    monkeypatch.setattr(dialogs.PassphraseDialog, "ask", classmethod(ask))
    window = MainWindow(ImmediateRunner())
    qtbot.addWidget(window)
    window.open_path(path)
    window.open_path(other)
    assert messages == [
        "This is the demo case; its passphrase is: chatsafe-demo-case",
        "",  # any other case keeps its passphrase to itself
    ]
    # Shown as a plain hint above the field, not in the red error line.
    d = dialogs.PassphraseDialog(None, hint=messages[0])
    qtbot.addWidget(d)
    assert d.hint.text() == messages[0] and not d.hint.isHidden() and d.error.text() == ""


def test_open_the_demo_from_the_welcome_page(qtbot, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """There was no way to open the demo from the app: the button builds it as `chatsafe
    demo` does (first time) and opens it; a second click opens the same case."""
    keyring.set_keyring(fail.Keyring())  # a computer without a keyring: the fixed passphrase
    path = tmp_path / "demo.chatsafe"
    monkeypatch.setattr(demo, "demo_path", lambda: path)
    monkeypatch.setattr(
        dialogs.IdentityDialog, "ask", classmethod(lambda cls, *a, **k: ("Mia", Role.MINISTER))
    )
    window = MainWindow(ImmediateRunner())
    qtbot.addWidget(window)
    window.show()
    window.welcome.demo_button.click()
    assert window.session is not None and window.session.path == path
    titles = sorted(window.conv_model.titles().values())
    assert len(titles) >= 2 and window.session.period == ("2024-03-01", "2024-03-31")
    window.set_session(None)
    window.welcome.demo_button.click()  # opened again, not built twice
    assert window.session is not None and window.session.path == path
    assert sorted(window.conv_model.titles().values()) == titles
    window.close()
