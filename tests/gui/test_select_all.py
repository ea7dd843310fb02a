"""Ctrl+A, P, Ctrl+Z on a large transcript (issue 14, item 11): select-all is a state,
not a Qt selection of every index, and the ids come from the model's list (no row is
fetched); what is painted selected is what gets marked, and undo puts it back."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QStyle, QStyleOptionViewItem

from chatsafe.gui import roles
from chatsafe.gui.select_all import NATIVE_LIMIT
from chatsafe.importers.base import ImportContext
from chatsafe.ingest import import_paths
from chatsafe.review.labels import Role
from chatsafe.store import create_case


def _big_case(tmp_path: Path, n: int):  # type: ignore[no-untyped-def]
    lines = [
        f"{1 + i // 1440:02d}-03-2023 {(i // 60) % 24:02d}:{i % 60:02d} - Anna: bericht {i}"
        for i in range(n)
    ]
    export = tmp_path / "WhatsApp-chat met Anna.txt"
    export.write_text("\n".join(lines) + "\n", encoding="utf-8")
    case = create_case(tmp_path / "big.chatsafe")
    import_paths(case, [export], ImportContext(owner="Minister"))
    return case


def _painted_selected(view) -> bool:  # type: ignore[no-untyped-def]
    opt = QStyleOptionViewItem()
    view.initViewItemOption(opt)
    return bool(opt.state & QStyle.StateFlag.State_Selected)


def _private(case) -> int:  # type: ignore[no-untyped-def]
    return case.conn.execute(
        "SELECT count(*) FROM message_labels WHERE label = 'private'"
    ).fetchone()[0]


def test_select_all_mark_and_undo_on_a_large_transcript(  # type: ignore[no-untyped-def]
    make_window, tmp_path: Path, qtbot
) -> None:
    n = NATIVE_LIMIT + 500
    big = _big_case(tmp_path, n)
    w = make_window("Ada", Role.ASSISTANT, on=big)
    model = w.msg_model
    assert model.rowCount() == n
    w.activateWindow()
    w.transcript.setFocus()
    qtbot.waitUntil(w.transcript.hasFocus)
    fetched = model.fetches
    qtbot.keyClick(w.transcript, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    assert w.transcript.all_selected.active
    assert not w.transcript.selectionModel().hasSelection()  # no Qt range over every index
    assert _painted_selected(w.transcript)  # every row is shown selected
    ids = w.selected_message_ids()
    assert ids == model.ids and len(ids) == n
    assert model.fetches - fetched <= 2, "ids come from the id list, not from fetched rows"
    qtbot.keyClick(w.transcript, Qt.Key.Key_P)
    case = w.session.service.case
    assert _private(case) == n
    assert "Ctrl+Z" in w.statusBar().currentMessage()
    qtbot.keyClick(w.transcript, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert _private(case) == 0
    # A click on one message ends "everything": what is painted is what is selected.
    w.select_message_row(3)
    assert not w.transcript.all_selected.active and not _painted_selected(w.transcript)
    assert w.selected_message_ids() == [model.ids[3]]


def test_a_small_transcript_uses_qts_own_selection(make_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    w = make_window()
    w.transcript.setFocus()
    w._focus = "messages"
    qtbot.keyClick(w.transcript, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    assert not w.transcript.all_selected.active
    assert w.selected_message_ids() == w.msg_model.ids
    # A range selection is read from its ranges, in row order.
    w.select_message_row(1)
    ids = w.selected_message_ids()
    assert ids == [w.msg_model.ids[1]]


def test_after_a_bulk_mark_the_gui_thread_reads_no_rows(  # type: ignore[no-untyped-def]
    make_window, tmp_path: Path, qtbot
) -> None:
    """P on thousands of selected messages: the snapshot, the write and reading the shown
    rows again all run as worker jobs; the GUI thread swaps the fresh rows in (issue 14)."""
    n = NATIVE_LIMIT + 500
    w = make_window("Ada", Role.ASSISTANT, on=_big_case(tmp_path, n))
    model = w.msg_model
    w.activateWindow()
    w.transcript.setFocus()
    qtbot.waitUntil(w.transcript.hasFocus)
    w.select_message_row(0)
    assert model.index(0, 0).data(roles.EFFECTIVE) == ("business", "default")
    assert "Private" not in w.details.text.toPlainText()
    qtbot.keyClick(w.transcript, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    fetched = model.fetches
    qtbot.keyClick(w.transcript, Qt.Key.Key_P)
    w.transcript.viewport().repaint()
    assert model.index(0, 0).data(roles.EFFECTIVE) == ("private", "own"), "the fresh row"
    assert "Private (proposed by Ada)" in w.details.text.toPlainText(), "details follow"
    qtbot.keyClick(w.transcript, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    w.transcript.viewport().repaint()
    assert model.index(0, 0).data(roles.EFFECTIVE) == ("business", "default")
    assert model.fetches == fetched, "no page of rows was read on the GUI thread"
    assert "Ctrl+Z" in w.statusBar().currentMessage()


def test_a_refresh_that_fails_reads_on_the_gui_thread_again(  # type: ignore[no-untyped-def]
    make_window, tmp_path: Path
) -> None:
    w = make_window("Ada", Role.ASSISTANT, on=_big_case(tmp_path, 600))
    model = w.msg_model
    assert model.message(0) is not None
    model.load_rows = lambda _ids, done: done(None)  # the worker's read failed
    fetched = model.fetches
    model.refresh()
    assert model.message(0) is not None and model.fetches == fetched + 1
