"""GUI tests: offscreen Qt, an immediate job runner, and a small case built from
WhatsApp exports written here."""

from __future__ import annotations

import os

os.environ["QT_QPA_PLATFORM"] = "offscreen"  # before Qt loads
os.environ["CHATSAFE_LANG"] = "en"

from collections.abc import Iterator  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402
from gui_case import build_case  # noqa: E402

from chatsafe.review.labels import Role  # noqa: E402
from chatsafe.store import Case  # noqa: E402


@pytest.fixture
def case(tmp_path: Path) -> Iterator[Case]:
    c = build_case(tmp_path)
    yield c
    c.close()


@pytest.fixture(autouse=True)
def notices(monkeypatch):  # type: ignore[no-untyped-def]
    """Modal messages never block a test: they are recorded here instead."""
    from chatsafe.gui import notify

    seen: dict[str, list[str]] = {"error": [], "info": []}
    monkeypatch.setattr(notify, "error", lambda p, t, text: seen["error"].append(text))
    monkeypatch.setattr(notify, "info", lambda p, t, text: seen["info"].append(text))
    monkeypatch.setattr(notify, "ask", lambda p, t, text: True)
    return seen


@pytest.fixture
def make_window(qtbot, case):  # type: ignore[no-untyped-def]
    """A main window on the test case, with an immediate runner, as a given reviewer."""
    from chatsafe.gui.main_window import MainWindow
    from chatsafe.gui.session import Reviewer, Session
    from chatsafe.gui.tasks import ImmediateRunner

    made = []

    def make(name: str = "Ada", role: Role = Role.ASSISTANT, on: Case | None = None):  # type: ignore[no-untyped-def]
        runner = ImmediateRunner()
        window = MainWindow(runner)
        qtbot.addWidget(window)
        window.set_session(Session(on or case, Reviewer(name, role), runner))
        window.show()
        made.append(window)
        return window

    yield make
    for w in made:
        if w.session is not None:
            w.session.reader.close()
            w.session = None


@pytest.fixture(autouse=True)
def english(qapp):  # type: ignore[no-untyped-def]
    """The app's language as the app installs it (English, with its plural forms), so a
    test sees "1 message", not the source text "1 message(s)"."""
    from chatsafe.gui import i18n

    i18n.install(qapp, "en")
    yield
    i18n.install(qapp, "en")
