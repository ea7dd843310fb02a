"""Doubts in the app (issue 14, item 4): D raises one with a question, the transcript,
the details pane and the conversation list show it, "With doubts" filters, N walks to
it, Shift+D answers it with one click, undo and redo cover it, and the bundle dialog
refuses while one is open."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from chatsafe import settings
from chatsafe.domain import Ask
from chatsafe.gui import doubts as gui_doubts
from chatsafe.gui import roles
from chatsafe.gui.bundle_dialog import open_bundle_dialog
from chatsafe.gui.conversation_model import ConversationFilter
from chatsafe.review.labels import Role
from chatsafe.store import open_case
from tests.bundle_support import ARCHIVAL

QUESTION = "Gaat dit over het partijcongres?"


def _open_doubts(case):  # type: ignore[no-untyped-def]
    return case.conn.execute(
        "SELECT conversation_id, message_id, question, ask FROM doubts WHERE resolved_at IS NULL"
    ).fetchall()


def _answer_with(monkeypatch, key: str) -> None:  # type: ignore[no-untyped-def]
    def exec_(self) -> int:  # type: ignore[no-untyped-def]
        assert self.findChild(type(self.buttons[key]), f"answer_{key}") is not None
        self.buttons[key].click()
        return int(QDialog.DialogCode.Accepted)

    monkeypatch.setattr(gui_doubts.AnswerDialog, "exec", exec_)


def test_the_assistant_raises_a_doubt_with_d_and_everything_shows_it(  # type: ignore[no-untyped-def]
    make_window, case, qtbot, monkeypatch
) -> None:
    asked: list[str] = []

    def ask_question(parent, scope):  # type: ignore[no-untyped-def]
        asked.append(scope)
        return QUESTION, Ask.RECORDS_OFFICER

    monkeypatch.setattr(gui_doubts.DoubtDialog, "ask_question", ask_question)
    w = make_window("Ada", Role.ASSISTANT)
    cid = w.current_conversation_id()
    w.activateWindow()
    w.transcript.setFocus()
    qtbot.waitUntil(w.transcript.hasFocus)
    w._set_focus("messages")
    w.select_message_row(2)
    mid = w.selected_message_ids()[0]
    qtbot.keyClick(w.transcript, Qt.Key.Key_D)
    assert asked == ["1 message(s)"], "the dialog names its scope"
    assert _open_doubts(case) == [(cid, mid, QUESTION, "records_officer")]
    assert "Doubt raised" in w.statusBar().currentMessage()
    # the transcript row carries the badge, the details pane the question
    qtbot.waitUntil(lambda: "in doubt" in (w.msg_model.index(2, 0).data(roles.BADGES) or []))
    # the bubble's own badge: amber and filled, before any mark's (gui/badges.py)
    shown = w.msg_model.badge_items(w.msg_model.message(2))
    assert (shown[0].kind, shown[0].style, shown[0].text) == ("doubt", "fill", "Doubt?")
    w._show_details()
    html = w.details.text.toPlainText()
    assert QUESTION in html and "Ada asks the records officer" in html
    # the conversation list counts it, and "With doubts" filters on it
    row = w.conv_model.conversation(w.conv_model.row_of(cid))
    assert row is not None and row.doubts == 1
    assert "1 in doubt" in w.conv_model.review_text(row)
    assert w.conv_proxy.rowCount() == 3
    w.filter_bar.review.setCurrentIndex(ConversationFilter.REVIEW_DOUBTS)
    assert w.filter_bar.review.currentText() == "With doubts"
    assert w.conv_proxy.rowCount() == 1
    w.filter_bar.review.setCurrentIndex(ConversationFilter.REVIEW_ANY)
    # undo withdraws it, redo raises it again
    qtbot.keyClick(w.transcript, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert _open_doubts(case) == []
    qtbot.keyClick(
        w.transcript,
        Qt.Key.Key_Z,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert _open_doubts(case) == [(cid, mid, QUESTION, "records_officer")]


def test_the_minister_walks_to_the_doubt_with_n_and_answers_it_with_one_click(  # type: ignore[no-untyped-def]
    make_window, case, qtbot, monkeypatch
) -> None:
    monkeypatch.setattr(
        gui_doubts.DoubtDialog, "ask_question", lambda p, s: (QUESTION, Ask.MINISTER)
    )
    ada = make_window("Ada", Role.ASSISTANT)
    first = ada.current_conversation_id()
    ada._set_focus("messages")
    ada.select_message_row(3)
    mid = ada.selected_message_ids()[0]
    ada.act.raise_doubt.trigger()
    ada.set_session(None)

    case = open_case(case.path)  # the first window closed the case it had
    mia = make_window("Mia", Role.MINISTER, on=case)
    qtbot.waitUntil(lambda: mia.msg_model is not None and mia.msg_model.rowCount() > 0)
    mia.select_conversation(first)
    qtbot.waitUntil(lambda: mia.msg_model.conversation_id == first)
    mia.select_message_row(0)
    mia.act.next_proposal.trigger()
    qtbot.waitUntil(lambda: mia.transcript.currentIndex().row() == 3)
    assert mia.statusBar().currentMessage() == "Doubt 1 of 1"
    _answer_with(monkeypatch, "private")
    mia.act.answer_doubt.trigger()
    assert _open_doubts(case) == []
    assert case.conn.execute(
        "SELECT label, status FROM message_labels WHERE message_id = ?", (mid,)
    ).fetchone() == ("private", "confirmed")
    assert "Doubt answered" in mia.statusBar().currentMessage()
    # undo reopens the same question and takes the mark away; redo answers again
    mia.undo_stack.undo()
    assert _open_doubts(case) == [(first, mid, QUESTION, "minister")]
    assert (
        case.conn.execute("SELECT 1 FROM message_labels WHERE message_id = ?", (mid,)).fetchone()
        is None
    )
    mia.undo_stack.redo()
    assert _open_doubts(case) == []
    # nothing selected in doubt: Shift+D says so instead of guessing
    mia.act.answer_doubt.trigger()
    assert "Nothing selected is in doubt" in mia.statusBar().currentMessage()


def test_a_whole_conversation_in_doubt_blocks_the_bundle_dialog(  # type: ignore[no-untyped-def]
    make_window, case, qtbot, monkeypatch
) -> None:
    settings.apply(case, ARCHIVAL, by="IT")
    scopes: list[str] = []

    def ask_question(parent, scope):  # type: ignore[no-untyped-def]
        scopes.append(scope)
        return QUESTION, Ask.MINISTER

    monkeypatch.setattr(gui_doubts.DoubtDialog, "ask_question", ask_question)
    mia = make_window("Mia", Role.MINISTER)
    cid = mia.current_conversation_id()
    mia._set_focus("conversations")
    mia.act.raise_doubt.trigger()
    assert scopes and scopes[0].startswith("the whole conversation")
    assert _open_doubts(case) == [(cid, None, QUESTION, "minister")]
    mia._show_details()
    assert QUESTION in mia.details.text.toPlainText()
    dialog = open_bundle_dialog(mia)
    qtbot.addWidget(dialog)
    assert "1 open doubt(s)" in dialog.summary.text()
    dialog.confirm.setChecked(True)
    assert not dialog.create_button.isEnabled() and not dialog.approve_button.isEnabled()
    dialog.close()
    # withdrawn with one click: the dialog lets the minister go on
    _answer_with(monkeypatch, gui_doubts.WITHDRAW)
    mia.act.answer_doubt.trigger()
    assert _open_doubts(case) == []
    dialog = open_bundle_dialog(mia)
    qtbot.addWidget(dialog)
    assert "open doubt" not in dialog.summary.text()
    dialog.confirm.setChecked(True)
    assert dialog.approve_button.isEnabled()


def test_it_support_cannot_raise_or_answer_doubts(make_window) -> None:  # type: ignore[no-untyped-def]
    it = make_window("Ivo", Role.IT)
    assert not it.act.raise_doubt.isEnabled() and not it.act.answer_doubt.isEnabled()


def test_the_doubt_buttons_sit_under_the_details_and_leave_the_search_field_alone(  # type: ignore[no-untyped-def]
    make_window, case, monkeypatch
) -> None:
    from PySide6.QtWidgets import QToolButton

    monkeypatch.setattr(
        gui_doubts.DoubtDialog, "ask_question", lambda p, s: (QUESTION, Ask.MINISTER)
    )
    w = make_window("Ada", Role.ASSISTANT)
    assert w.search_edit.isVisible(), "the toolbar did not grow past the window"
    bar = w.doubts.buttons
    assert bar.isVisible() and bar.parentWidget() is w.details
    buttons = {b.defaultAction().objectName(): b for b in bar.findChildren(QToolButton)}
    assert set(buttons) == {"raise_doubt", "answer_doubt"}
    assert buttons["raise_doubt"].text() == "Doubt"
    w._set_focus("conversations")
    buttons["raise_doubt"].click()
    assert len(_open_doubts(case)) == 1


def test_confirm_all_names_the_open_doubts_and_does_not_promise_a_bundle(  # type: ignore[no-untyped-def]
    make_window, case, notices, monkeypatch, qtbot
) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from chatsafe.gui import notify

    monkeypatch.setattr(
        gui_doubts.DoubtDialog, "ask_question", lambda p, s: (QUESTION, Ask.MINISTER)
    )
    asked: list[str] = []
    monkeypatch.setattr(notify, "ask", lambda p, t, text: asked.append(text) or True)
    mia = make_window("Mia", Role.MINISTER)
    mia._set_focus("conversations")
    mia.act.raise_doubt.trigger()
    qtbot.waitUntil(lambda: mia.summary is not None and mia.summary.total.doubts == 1)
    QTimer.singleShot(0, lambda: QApplication.activeModalWidget().confirm_button.click())
    mia.show_summary(offer_confirm=True)
    assert "1 doubt(s) stay open" in asked[-1]
    assert notices["info"] == [
        "All 3 conversation(s) are confirmed. Answer the open doubts first (1), then create "
        "the bundle; N goes to the next."
    ]
    assert len(_open_doubts(mia.session.service.case)) == 1, "confirming answers no doubt"


def test_the_what_will_leave_page_counts_open_doubts(make_window, case, qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(
        gui_doubts.DoubtDialog, "ask_question", lambda p, s: (QUESTION, Ask.MINISTER)
    )
    w = make_window("Ada", Role.ASSISTANT)
    cid = w.current_conversation_id()
    w._set_focus("conversations")
    w.act.raise_doubt.trigger()  # the whole conversation: one doubt, not N messages
    w.act.summary.trigger()
    qtbot.waitUntil(lambda: w.leaving.page.summary is not None)
    page = w.leaving.page
    qtbot.waitUntil(lambda: page.summary.total.doubts == 1)
    column = 1 + [c.field for c in page.model.cats].index("doubts")
    rows = {page.model.conversation_id(r): r for r in range(page.model.rowCount())}
    assert page.model.count(rows[cid], "doubts") == 1
    assert page.model.headerData(column, Qt.Orientation.Horizontal) == "In doubt"
    assert "<b>1</b> open doubt(s)" in page.totals.text()


def test_the_status_bar_counts_open_doubts(make_window, qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Open doubts block the bundle, so the status bar says how many there are (it did
    not count them)."""
    monkeypatch.setattr(
        gui_doubts.DoubtDialog,
        "ask_question",
        lambda parent, scope: (QUESTION, Ask.MINISTER),
    )
    w = make_window("Ada", Role.ASSISTANT)
    qtbot.waitUntil(lambda: "will leave" in w.status_label.text())
    assert "doubt" not in w.status_label.text()
    w.transcript.setFocus()
    w._set_focus("messages")
    w.select_message_row(2)
    w.act.raise_doubt.trigger()
    qtbot.waitUntil(lambda: w.status_label.text().endswith(" · 1 open doubt"))
    w.undo_stack.undo()
    qtbot.waitUntil(lambda: "doubt" not in w.status_label.text())
