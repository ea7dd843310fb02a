"""Issue 14: the transcript highlights only the active query's hits, and J/K keep a row of
context after (or before) the selected message instead of leaving it at the edge."""

from __future__ import annotations

from pathlib import Path

from gui_case import write_export
from PySide6.QtCore import Qt

from chatsafe.gui import message_model as mm
from chatsafe.gui import roles
from chatsafe.importers.base import ImportContext
from chatsafe.ingest import import_paths
from chatsafe.review.labels import Role
from chatsafe.store import create_case


def _hit_rows(w) -> list[int]:  # type: ignore[no-untyped-def]
    return [
        r
        for r in range(w.msg_model.rowCount())
        if any(k == "hit" for *_, k in w.msg_model.index(r, mm.COL_TEXT).data(roles.SPANS))
    ]


def test_only_the_active_querys_hits_are_highlighted(make_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    w = make_window()
    w.run_search("begroting")
    assert len(_hit_rows(w)) == 2
    # Every word must match for a hit: no message holds both, so nothing is highlighted,
    # although "begroting" is in two messages.
    w.run_search("begroting tandarts")
    assert w.search_model.rowCount() == 0
    assert _hit_rows(w) == []
    w._focus = "messages"
    w.select_message_row(1)  # "Goedemorgen, de begroting staat klaar."
    assert "begroting" in w.transcript.currentIndex().data(roles.ROW).text
    assert w.details.query == "", "nor in the details pane"
    w.run_search("begroting")
    assert len(_hit_rows(w)) == 2
    w.select_message_row(2)
    w.select_message_row(1)
    assert w.details.query == "begroting"
    w.run_search("")  # clearing the search clears the highlights
    assert _hit_rows(w) == []


def test_a_stale_answer_does_not_highlight(make_window) -> None:  # type: ignore[no-untyped-def]
    w = make_window()
    model = w.msg_model
    answers = []
    model.load_hits = lambda q, cid, done: answers.append(done)
    model.set_query("begroting")
    model.set_query("")
    answers[0]({model.index(r, 0).data(roles.ID) for r in range(model.rowCount())})
    assert _hit_rows(w) == [] and model.hit_ids == frozenset()


def test_j_and_k_keep_a_row_of_context(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from chatsafe.gui.main_window import MainWindow
    from chatsafe.gui.session import Reviewer, Session
    from chatsafe.gui.tasks import ImmediateRunner

    lines = [f"04-03-2024 09:{i:02d} - Anna de Vries: bericht {i}" for i in range(50)]
    (tmp_path / "e").mkdir()
    case = create_case(tmp_path / "jk.chatsafe")
    export = write_export(tmp_path / "e", "Anna de Vries", "\n".join(lines) + "\n")
    import_paths(case, [export], ImportContext(owner="Minister"))
    runner = ImmediateRunner()
    w = MainWindow(runner)
    qtbot.addWidget(w)
    w.resize(1100, 600)
    w.set_session(Session(case, Reviewer("Ada", Role.ASSISTANT), runner))
    w.show()
    qtbot.waitUntil(lambda: w.msg_model is not None and w.msg_model.rowCount() == 50)
    t = w.transcript
    w.activateWindow()
    t.setFocus()
    qtbot.waitUntil(t.hasFocus)
    w.select_message_row(0)
    height = t.viewport().height()
    scrolled = False
    for _ in range(40):
        qtbot.keyClick(t, Qt.Key.Key_J)
        row = t.currentIndex().row()
        assert t.visualRect(t.currentIndex()).top() >= 0
        after = t.visualRect(w.msg_model.index(row + 1, 0))
        assert after.bottom() < height, f"the row after {row} is in view"
        scrolled = scrolled or t.verticalScrollBar().value() > 0
    assert scrolled
    for _ in range(20):
        qtbot.keyClick(t, Qt.Key.Key_K)
        row = t.currentIndex().row()
        assert t.visualRect(w.msg_model.index(row - 1, 0)).top() >= 0, "the row before is in view"
        assert t.visualRect(t.currentIndex()).bottom() < height
    case.close()
