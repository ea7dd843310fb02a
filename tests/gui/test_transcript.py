"""The transcript reads like the phone: whole texts, wrapped; sender, time and day shown;
and only the rows on screen are ever measured."""

from __future__ import annotations

from pathlib import Path

from gui_case import write_export
from PySide6.QtCore import QLocale, Qt

from chatsafe.gui import bubbles
from chatsafe.gui import message_model as mm
from chatsafe.importers.base import ImportContext
from chatsafe.ingest import import_paths
from chatsafe.review.labels import Role
from chatsafe.store import create_case

LONG = (
    "De Kamerbrief over de woningbouwplanning gaat morgen naar de ministerraad; paragraaf 3"
    " over de aantallen per provincie is herschreven en de bijlage met cijfers is bijgewerkt."
)
CHAT = f"""04-03-2024 08:15 - Minister: Fijne avond!
04-03-2024 08:16 - Anna de Vries: {LONG}
04-03-2024 08:17 - Anna de Vries: Eerste regel
tweede regel
derde regel
05-03-2024 09:00 - Minister: Begrepen, ik pas het aan.
"""


def _window(qtbot, tmp_path: Path, text: str, width: int = 1000):  # type: ignore[no-untyped-def]
    from chatsafe.gui.main_window import MainWindow
    from chatsafe.gui.session import Reviewer, Session
    from chatsafe.gui.tasks import ImmediateRunner

    exports = tmp_path / "exports"
    exports.mkdir(exist_ok=True)
    case = create_case(tmp_path / "t.chatsafe")
    import_paths(
        case, [write_export(exports, "Anna de Vries", text)], ImportContext(owner="Minister")
    )
    runner = ImmediateRunner()
    w = MainWindow(runner)
    qtbot.addWidget(w)
    w.resize(width, 700)
    w.set_session(Session(case, Reviewer("Ada", Role.ASSISTANT), runner))
    w.show()
    qtbot.waitUntil(lambda: w.msg_model is not None and w.msg_model.rowCount() > 0)
    qtbot.waitUntil(lambda: w.transcript.measured > 0)
    return w, case


def _height(w, row: int) -> int:  # type: ignore[no-untyped-def]
    return w.transcript.verticalHeader().sectionSize(row)


def test_every_message_shows_its_whole_text_wrapped(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    w, case = _window(qtbot, tmp_path, CHAT, width=1300)
    t = w.transcript
    line = t.fontMetrics().lineSpacing()
    first, long_, multi, _ = (_height(w, r) for r in range(4))
    short = first - t.bubbles.layout_for(t.font()).day_height  # the first row opens the day
    assert multi >= short + 2 * line, "three lines take three lines, not the first one"
    assert long_ > short, "a long message wraps instead of being cut"
    # Sender and time are in the bubble, whole, not in cut-off columns.
    assert t.isColumnHidden(mm.COL_SENDER) and t.isColumnHidden(mm.COL_TIME)
    parts = t.bubbles.parts(w.msg_model.index(2, mm.COL_TEXT))
    assert parts is not None and bubbles.shown_text(parts.row).count("\u2028") == 2
    assert "regel" in bubbles.shown_text(parts.row).split("\u2028")[2]
    # A narrower transcript wraps again: the long message grows.
    before = t.columnWidth(mm.COL_TEXT)
    sizes = w.split.sizes()
    w.split.setSizes([sizes[0] + sizes[1] // 3, sizes[1] - sizes[1] // 3, sizes[2]])
    qtbot.waitUntil(lambda: t.columnWidth(mm.COL_TEXT) < before)
    qtbot.waitUntil(lambda: _height(w, 1) > long_)
    case.close()


def test_days_start_with_their_date_in_the_apps_language(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    w, case = _window(qtbot, tmp_path, CHAT)
    days = [w.transcript.bubbles.parts(w.msg_model.index(r, mm.COL_TEXT)).new_day for r in range(4)]
    assert days == [True, False, False, True]
    QLocale.setDefault(QLocale(QLocale.Language.Dutch, QLocale.Country.Netherlands))
    try:
        assert bubbles.day_label("2024-03-04T08:15:00") == "maandag 4 maart 2024"
    finally:
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    assert bubbles.time_label("2024-03-04T08:15:00") == "08:15"
    case.close()


def test_only_rows_on_screen_are_measured(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    lines = [
        f"{1 + i // 600:02d}-03-2024 {i // 60 % 10:02d}:{i % 60:02d} - Anna de Vries: bericht {i}"
        for i in range(3000)
    ]
    w, case = _window(qtbot, tmp_path, "\n".join(lines) + "\n")
    t = w.transcript
    first = t.measured
    assert 0 < first < 80
    w.select_message_row(0)
    t.setFocus()
    qtbot.keyClick(t, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: t.currentIndex().row() == 2999)
    qtbot.waitUntil(lambda: t.rowAt(t.viewport().height() - 1) in (-1, 2999))
    after_end = t.measured
    assert after_end < first + 80, "the jump to the end measured only the rows at the end"
    qtbot.keyClick(t, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    qtbot.wait(10)
    assert t.measured == after_end, "heights are cached per message and width"
    case.close()
