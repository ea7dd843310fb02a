"""GUI tests: offscreen Qt, an immediate job runner, and a small case built from
WhatsApp exports written here."""

from __future__ import annotations

import os

os.environ["QT_QPA_PLATFORM"] = "offscreen"  # before Qt loads
os.environ["CHATSAFE_LANG"] = "en"

from collections.abc import Iterator  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

from chatsafe.importers.base import ImportContext  # noqa: E402
from chatsafe.ingest import import_paths  # noqa: E402
from chatsafe.review.labels import Role  # noqa: E402
from chatsafe.store import Case, create_case  # noqa: E402

ANNA = """12-03-2023 09:15 - Berichten en oproepen worden end-to-end versleuteld.
12-03-2023 09:16 - Anna de Vries: Goedemorgen, de begroting staat klaar.
12-03-2023 09:17 - Minister: Dank je. Hoe is het met je moeder in het ziekenhuis?
12-03-2023 09:18 - Anna de Vries: Beter, dank je.
12-03-2023 09:20 - Minister: Morgen is de fractievergadering over de begroting.
13-03-2023 10:00 - Anna de Vries: Dit bericht is verwijderd
14-03-2023 11:00 - Minister: Tot morgen
"""

PIET = """01-02-2023 20:00 - Piet: Zin in een etentje zaterdag?
01-02-2023 20:05 - Minister: Ja, gezellig!
"""

BURO = """05-04-2023 08:00 - Secretaris: Agenda voor de ministerraad is rond.
05-04-2023 08:02 - Minister: Prima, ik lees hem vanavond.
"""


def write_export(folder: Path, name: str, text: str) -> Path:
    path = folder / f"WhatsApp-chat met {name}.txt"
    path.write_text(text, encoding="utf-8")
    return path


def build_case(tmp_path: Path, passphrase: str | None = None) -> Case:
    exports = tmp_path / "exports"
    exports.mkdir(exist_ok=True)
    paths = [
        write_export(exports, "Anna de Vries", ANNA),
        write_export(exports, "Piet", PIET),
        write_export(exports, "Secretaris", BURO),
    ]
    case = create_case(tmp_path / "test.chatsafe", passphrase=passphrase)
    import_paths(case, paths, ImportContext(owner="Minister"))
    return case


@pytest.fixture
def case(tmp_path: Path) -> Iterator[Case]:
    c = build_case(tmp_path)
    yield c
    c.close()


@pytest.fixture
def make_window(qtbot, case):  # type: ignore[no-untyped-def]
    """A main window on the test case, with an immediate runner, as a given reviewer."""
    from chatsafe.gui.main_window import MainWindow
    from chatsafe.gui.session import Reviewer, Session
    from chatsafe.gui.tasks import ImmediateRunner

    made = []

    def make(name: str = "Ada", role: Role = Role.ASSISTANT):  # type: ignore[no-untyped-def]
        runner = ImmediateRunner()
        window = MainWindow(runner)
        qtbot.addWidget(window)
        window.set_session(Session(case, Reviewer(name, role), runner))
        window.show()
        made.append(window)
        return window

    yield make
    for w in made:
        if w.session is not None:
            w.session.reader.close()
            w.session = None
