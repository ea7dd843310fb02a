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
from PySide6.QtCore import QMargins, QSize
from PySide6.QtWidgets import QApplication, QScrollArea, QWidget

from chatsafe.gui import i18n
from chatsafe.gui.main_window import FRAME
from chatsafe.gui.transcript_legend import TranscriptLegend

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


def test_the_main_window_fits_on_every_page(
    make_window, dutch, monkeypatch, tmp_path, qapp
) -> None:  # type: ignore[no-untyped-def]
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
    # At the size it would have on that screen (hints that depend on the width follow it).
    w.resize(AVAILABLE_200 - FRAME)
    qapp.processEvents()
    assert_fits(w, "review page")
    # Every entry of the transcript's legend is inside it: it shows its badges alone
    # rather than cutting the last one off (it did, at two lines of full entries).
    legend = w.findChild(TranscriptLegend)
    placed = legend._place(legend.width())
    assert len(placed) == 4
    assert all(legend.rect().toRectF().contains(pill) for _, _, pill, _ in placed)
    assert legend.height() >= legend.heightForWidth(legend.width())
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
        # What scrolls, scrolls up and down: content wider than the dialog hid the end
        # of the bundle dialog's lines behind a sideways scroll bar at 200 %. The room
        # is the dialog at its widest less its margins and a vertical scroll bar; the
        # content must fit it with 15 % to spare (the X11 font measured that much wider
        # than the offscreen platform's).
        layout = d.layout()
        margins = layout.contentsMargins() if layout is not None else QMargins()
        for area in d.findChildren(QScrollArea):
            inner = area.widget()
            if inner is None or not area.widgetResizable():
                continue
            room = (
                AVAILABLE_200.width() - FRAME.width() - margins.left() - margins.right()
                - area.verticalScrollBar().sizeHint().width() - 2 * area.frameWidth()
            )  # fmt: skip
            if inner.minimumSizeHint().width() * 1.15 > room:
                too_big.append((type(d).__name__, "scrolls sideways", inner.minimumSizeHint()))
        d.close()
    assert too_big == []


SCRIPT = """
import json, os, sys
from PySide6.QtWidgets import QApplication
app = QApplication([])
from chatsafe.gui import i18n
i18n.install(app, "nl")
from chatsafe.gui import dialogs
from chatsafe.gui.collect_wizard import CollectWizard
from chatsafe.gui.doubts import DoubtDialog
from chatsafe.gui.image_viewer import AttachmentViewer
from chatsafe.gui.secrets import SecretDialog
from chatsafe.gui.import_dialog import ImportOptionsDialog
from chatsafe.gui.main_window import MainWindow
from chatsafe.gui.review_dialogs import LexiconDialog, RulesDialog, SummaryDialog
from chatsafe.gui.settings_dialog import SettingsDialog
from chatsafe.review.summary import Summary
w = MainWindow()
w.show()
app.processEvents()
screen = w.screen()
out = {
    "ratio": screen.devicePixelRatio(),
    "screen": screen.availableGeometry().size().toTuple(),
    "sizes": {"MainWindow": w.size().toTuple()},
}
nothing = lambda *a: None
for d in (
    SettingsDialog(w, {}),
    ImportOptionsDialog(w, owner=None, time_zone="Europe/Amsterdam", country=None),
    RulesDialog(w, [], [], nothing, nothing),
    LexiconDialog(w, [], nothing, nothing),
    SummaryDialog(w, Summary(), {}, can_confirm=True),
    AttachmentViewer("foto.jpg", None, w),
    dialogs.PassphraseDialog(w, new=True),
    dialogs.IdentityDialog(w, "Mia", "minister"),
    dialogs.NewCaseDialog(w),
    dialogs.ReasonDialog(w),
    dialogs.PeriodDialog(w, None, None),
    DoubtDialog(w, "het hele gesprek"),
    CollectWizard(w),
    SecretDialog("backup_password", "iPhone-backup", w),
):
    d.show()
    app.processEvents()
    out["sizes"][type(d).__name__] = d.size().toTuple()
    d.close()
print(json.dumps(out), flush=True)
os._exit(0)  # the window's worker thread needs no orderly end here
"""


def test_at_real_200_percent_every_window_opens_inside_the_screen(tmp_path: Path) -> None:
    """A 1366x768 screen under QT_SCALE_FACTOR=2 (the offscreen platform's screen set by
    a config file): 683x384 logical pixels. Each window's first size, with its frame,
    is inside it; the settings dialog opened 640x560 and its Save button was off screen."""
    config = tmp_path / "screen.json"
    config.write_text(
        json.dumps(
            {
                "screens": [
                    {
                        "name": "laptop",
                        "x": 0,
                        "y": 0,
                        "width": 1366,
                        "height": 768,
                        "logicalDpi": 96,
                        "logicalBaseDpi": 96,
                        "dpr": 1,
                    }
                ]
            }
        ),
        encoding="utf-8",
    )
    env = dict(os.environ, QT_SCALE_FACTOR="2", QT_QPA_PLATFORM=f"offscreen:configfile={config}")
    out = subprocess.run(
        [sys.executable, "-c", SCRIPT], env=env, capture_output=True, text=True, timeout=180
    )
    assert out.returncode == 0, out.stderr
    seen = json.loads(out.stdout.strip().splitlines()[-1])
    assert seen["ratio"] == 2.0 and seen["screen"] == [683, 384]
    assert len(seen["sizes"]) == 15
    for name, (width, height) in seen["sizes"].items():
        assert width + FRAME.width() <= 683 and height + FRAME.height() <= 384, (
            name,
            width,
            height,
        )


def test_the_transcript_legend_shows_every_entry_at_every_width(make_window, dutch, qapp) -> None:  # type: ignore[no-untyped-def]
    """A minimum of two lines cut the legend's fourth entry at 1280 px wide; its height
    now follows its width: the meanings on up to three lines, else the badges alone."""
    w = make_window()
    legend = w.findChild(TranscriptLegend)
    line = legend._line_height()
    for width in (280, 450, 590, 700, 900, 1200):
        placed = legend._place(width)
        height = legend.heightForWidth(width)
        assert len(placed) == 4 and all(p.bottom() <= height for _, _, p, _ in placed), width
        assert height <= 3 * line + 2, width
    # On a laptop's transcript pane (about 590 px at 1280x800) the meanings show.
    assert all(text.width() > 0 for _, _, _, text in legend._place(590))
    assert legend.heightForWidth(590) == 3 * line + 2
    # In the window, the legend takes the height its width needs, whatever the width.
    for width in (800, 683):
        w.resize(width, 600)
        qapp.processEvents()
        placed = legend._place(legend.width())
        assert all(legend.rect().toRectF().contains(p) for _, _, p, _ in placed), width
        assert legend.height() == legend.heightForWidth(legend.width()), width


def test_the_summary_sentences_show_whole_when_there_is_room(make_window, dutch, qapp) -> None:  # type: ignore[no-untyped-def]
    """A plain scroll area asked for less than its wrapped sentences need, so on a full
    screen the last sentence was cut behind a scroll bar above an empty table."""
    w = make_window("Mia")
    w.resize(800, 780)
    w.leaving.show()
    qapp.processEvents()
    page = w.leaving.page
    inner = page.texts.widget()
    need = inner.layout().totalHeightForWidth(page.texts.viewport().width())
    assert page.texts.viewport().height() >= need
    assert not page.texts.verticalScrollBar().isVisible()
    w.resize(683 - FRAME.width(), AVAILABLE_200.height() - FRAME.height())
    qapp.processEvents()
    assert page.table.height() >= page.table.minimumHeight()  # short: the sentences scroll


def test_a_narrow_conversation_list_keeps_the_titles(make_window, dutch, qapp) -> None:  # type: ignore[no-untyped-def]
    """Seen at 200 %: the title column was about 80 logical px wide and the label's name
    ("Zakelijk") took the title's place, so rows did not say which conversation they
    were."""
    from PySide6.QtGui import QFont, QFontMetrics

    from chatsafe.gui.conversation_delegate import PAD, beside

    w = make_window()
    font = w.conv_view.font()
    bold = QFont(font)
    bold.setBold(True)
    fm, fmb = QFontMetrics(font), QFontMetrics(bold)
    title, name = "Kabinet BZK overleg", "Zakelijk"
    name_w = fm.horizontalAdvance(name) + PAD
    # Narrow: the label's name gives way, the title keeps the room.
    narrow = 60
    assert beside(narrow, fmb.horizontalAdvance(title), name_w) == 0
    # Wide: both, side by side.
    wide = fmb.horizontalAdvance(title) + name_w + 20
    assert beside(wide, fmb.horizontalAdvance(title), name_w) == name_w
    # A long title does not push the name out of a normal list: it gets 60 % and elides.
    assert beside(300, fmb.horizontalAdvance(title * 3), name_w) == name_w
    assert beside(150, fmb.horizontalAdvance(title), name_w) == name_w  # 104 px for it


def test_the_conversation_checkboxes_are_as_narrow_as_a_checkbox(make_window) -> None:  # type: ignore[no-untyped-def]
    from chatsafe.gui import conversation_model as cm

    w = make_window()
    view = w.conv_view
    need = max(view.fontMetrics().height(), 13) + 10
    for col in (cm.COL_PRIVATE, cm.COL_PARTY):
        assert view.columnWidth(col) <= need + 2, view.columnWidth(col)


def test_a_wrapped_checkbox_wraps_and_toggles_from_its_words(qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt

    from chatsafe.gui.wrapcheck import WrappedCheck

    text = "I, Mia, confirm that the business messages above may leave, and nothing else. " * 2
    check = WrappedCheck(text)
    qtbot.addWidget(check)
    seen: list[bool] = []
    check.toggled.connect(seen.append)
    check.resize(200, 200)
    check.show()
    assert check.minimumSizeHint().width() < 200  # it wraps instead of widening the dialog
    assert check.text() == text and check.box.accessibleName() == text
    qtbot.mouseClick(check.words, Qt.MouseButton.LeftButton)
    assert check.isChecked() and seen == [True]
    check.box.setEnabled(False)
    qtbot.mouseClick(check.words, Qt.MouseButton.LeftButton)
    assert check.isChecked()  # a disabled box is not toggled through its words


def test_the_period_dialog_says_what_the_period_is(qtbot, dutch) -> None:  # type: ignore[no-untyped-def]
    """Seen under Xvfb: two date fields under a cut title ("In-sco…period")."""
    from chatsafe.gui.dialogs import PeriodDialog

    d = PeriodDialog(None, "2024-03-01", None)
    qtbot.addWidget(d)
    assert "ambtstermijn" in d.why.text()
    assert d.minimumWidth() >= 280 and minimum(d).width() + FRAME.width() <= 683
