"""Every page and dialog the minister reaches fits a 1366x768 laptop at 200 % scaling.

At 200 % Qt lays widgets out in logical pixels: the screen is 683x384 of them, and a
Windows taskbar (40 logical pixels) leaves 683x344. Scaling does not change a widget's
logical size hints (checked: under QT_SCALE_FACTOR=2 the offscreen screen's logical size
halves and ``minimumSizeHint`` stays the same), so the test compares the logical minimum
sizes, with the window manager's frame, against that area. The last test runs the app in a
subprocess under QT_SCALE_FACTOR=2 to show the same holds with real scaling.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSize
from PySide6.QtWidgets import QApplication, QWidget

from chatsafe.gui import i18n
from chatsafe.gui.main_window import FRAME

AVAILABLE_200 = QSize(683, 384 - 40)


def minimum(widget: QWidget) -> QSize:
    return widget.minimumSizeHint().expandedTo(widget.minimumSize())


def assert_fits(widget: QWidget, what: str) -> None:
    need = minimum(widget) + FRAME
    assert need.width() <= AVAILABLE_200.width(), (what, minimum(widget))
    assert need.height() <= AVAILABLE_200.height(), (what, minimum(widget))


@pytest.fixture
def dutch(qapp: QApplication) -> Iterator[None]:
    i18n.install(qapp, "nl")  # Dutch words are the longer ones
    yield
    i18n.install(qapp, "en")


def test_the_main_window_fits_on_every_page(make_window, dutch, monkeypatch, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from chatsafe.gui import recent

    # Eight recent cases made the welcome page 458 px high (a list of fixed height).
    cases = [tmp_path / f"zaak {n}.chatsafe" for n in range(recent.MAX_RECENT)]
    monkeypatch.setattr(recent, "recent_cases", lambda: cases)
    w = make_window()
    w.status_label.setText(
        "100.000 berichten gaan naar het archief · 95.000 nog niet beoordeeld"
        " · 95.000 nog niet bevestigd"
    )
    w._refresh_status()
    assert_fits(w, "review page")
    w.leaving.show()
    assert w.leaving.showing
    assert_fits(w, "summary page")
    w.leaving.close()
    w.set_session(None)
    assert w.welcome.recent.count() == len(cases)
    assert_fits(w, "welcome page")
    # The list still shows every case: the page scrolls instead of growing past the screen.
    rows = sum(w.welcome.recent.sizeHintForRow(i) for i in range(len(cases)))
    assert w.welcome.recent.height() >= rows
    w.resize(683 - FRAME.width(), AVAILABLE_200.height() - FRAME.height())
    assert w.height() == AVAILABLE_200.height() - FRAME.height()


def test_every_dialog_fits(make_window, dutch) -> None:  # type: ignore[no-untyped-def]
    from chatsafe.gui import dialogs, secrets
    from chatsafe.gui.bundle_dialog import BundleDialog
    from chatsafe.gui.collect_wizard import CollectWizard
    from chatsafe.gui.doubts import AnswerDialog, DoubtDialog
    from chatsafe.gui.import_dialog import ImportOptionsDialog
    from chatsafe.gui.review_dialogs import LexiconDialog, RulesDialog, SummaryDialog
    from chatsafe.gui.rsmf_dialog import RsmfDialog
    from chatsafe.gui.settings_dialog import SettingsDialog
    from chatsafe.review.doubts import Doubt
    from chatsafe.review.labels import Role

    w = make_window("Mia", Role.MINISTER)
    s = w.session
    doubt = Doubt(
        1, 1, None, "minister", "Is dit privé?", "Ada", "assistant", "2024-03-04T10:00:00Z"
    )
    made: list[QWidget] = [
        dialogs.PassphraseDialog(w, new=True, hint="Wachtwoordzin van de demo: demo-demo"),
        dialogs.IdentityDialog(w, "Mia", "minister"),
        dialogs.NewCaseDialog(w),
        dialogs.ReasonDialog(w),
        dialogs.PeriodDialog(w, "2024-03-01", None),
        DoubtDialog(w, "het hele gesprek"),
        AnswerDialog(w, doubt, "het hele gesprek"),
        SummaryDialog(w, s.reader.summary(), w.conv_model.titles(), can_confirm=True),
        RulesDialog(w, s.reader.rules(), s.reader.contacts(), lambda *a: None, lambda *a: None),
        LexiconDialog(w, s.reader.lexicon_terms(), lambda *a: None, lambda *a: None),
        SettingsDialog(w, s.settings),
        ImportOptionsDialog(w, owner=None, time_zone="Europe/Amsterdam", country=None),
        BundleDialog(w, s),
        RsmfDialog(w, s),
        CollectWizard(w),
        secrets.SecretDialog("backup_password", "iPhone-backup", w),
    ]
    too_big = []
    for d in made:
        need = minimum(d) + FRAME
        if need.width() > AVAILABLE_200.width() or need.height() > AVAILABLE_200.height():
            too_big.append((type(d).__name__, minimum(d).toTuple()))
        d.close()
    assert too_big == []


SCRIPT = """
import json, os, sys
sys.path.insert(0, {tests!r})
from PySide6.QtWidgets import QApplication
app = QApplication([])
from chatsafe.gui.main_window import MainWindow
w = MainWindow()
w.show()
app.processEvents()
screen = w.screen()
print(json.dumps({{
    "ratio": screen.devicePixelRatio(),
    "screen": screen.geometry().size().toTuple(),
    "minimum": w.minimumSizeHint().toTuple(),
}}), flush=True)
os._exit(0)  # the window's worker thread needs no orderly end here
"""


def test_real_scaling_keeps_logical_sizes(tmp_path: Path) -> None:
    """Under QT_SCALE_FACTOR=2 the screen halves in logical pixels and the window's minimum
    stays what this file measures, so the checks above are the 200 % checks."""
    env = dict(os.environ, QT_SCALE_FACTOR="2", QT_QPA_PLATFORM="offscreen")
    code = SCRIPT.format(tests=str(Path(__file__).parent))
    out = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120
    )
    assert out.returncode == 0, out.stderr
    seen = json.loads(out.stdout.strip().splitlines()[-1])
    assert seen["ratio"] == 2.0
    assert seen["screen"][0] * 2 == 800  # the offscreen screen is 800 physical pixels
    need = QSize(*seen["minimum"]) + FRAME
    assert need.width() <= AVAILABLE_200.width() and need.height() <= AVAILABLE_200.height()
