"""A key never acts on more than the user can see: whole-conversation marks and "confirm
all" say what they will do, ask, and report what they did (issue 14)."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from chatsafe.gui import notify
from chatsafe.review.labels import Role
from chatsafe.store import open_case


def _conversation_labels(case):  # type: ignore[no-untyped-def]
    return dict(case.conn.execute("SELECT conversation_id, label FROM conversation_labels"))


def test_marking_a_whole_conversation_by_key_names_its_scope_first(  # type: ignore[no-untyped-def]
    make_window, case, monkeypatch
) -> None:
    asked: list[str] = []
    answers = [False, True]

    def ask(parent, title, text):  # type: ignore[no-untyped-def]
        asked.append(text)
        return answers.pop(0)

    monkeypatch.setattr(notify, "ask", ask)
    w = make_window("Mia", Role.MINISTER)
    w.conv_view.setFocus()
    w._set_focus("conversations")
    cid = w.current_conversation_id()
    row = w.conv_model.conversation(w.conv_model.row_of(cid))
    w.mark("private")
    assert _conversation_labels(case) == {}, "declined: nothing marked"
    assert f'"{row.title}" ({row.entries} messages)' in asked[0] and "Private" in asked[0]
    w.mark("private")
    assert _conversation_labels(case) == {cid: "private"}
    assert row.title in w.statusBar().currentMessage()
    w.mark("party_political")  # asked once per open case; the status bar still names it
    assert len(asked) == 2 and _conversation_labels(case) == {cid: "party_political"}
    assert "Party-political" in w.statusBar().currentMessage()


def test_confirm_all_says_what_it_confirms_asks_and_reports(  # type: ignore[no-untyped-def]
    make_window, case, notices, monkeypatch, qtbot
) -> None:
    ada = make_window("Ada", Role.ASSISTANT)
    ada.mark("private")
    ada.set_session(None)
    asked: list[str] = []
    answers = [False, True]

    def ask(parent, title, text):  # type: ignore[no-untyped-def]
        asked.append(text)
        return answers.pop(0)

    monkeypatch.setattr(notify, "ask", ask)
    mia = make_window("Mia", Role.MINISTER, on=open_case(case.path))
    qtbot.waitUntil(lambda: mia.summary is not None)
    total = mia.summary.total

    def click_confirm() -> None:
        dialog = QApplication.activeModalWidget()
        dialog.confirm_button.click()  # first answer: no; the dialog stays open
        assert dialog.isVisible() and not dialog.confirm_all
        dialog.confirm_button.click()  # second answer: yes

    QTimer.singleShot(0, click_confirm)
    mia.show_summary(offer_confirm=True)
    case = mia.session.service.case
    assert len(asked) == 2
    text = asked[0]
    assert "3 conversations" in text
    assert f"{total.unconfirmed} marks proposed" in text
    assert f"{total.unreviewed} messages that nobody has reviewed" in text
    assert f"{total.business} messages" in text
    assert case.conn.execute("SELECT count(confirmed_by) FROM conversation_review").fetchone() == (
        3,
    )
    assert notices["info"] == ["All 3 conversations are confirmed. You can now create the bundle."]


def test_a_mark_can_be_undone_and_redone_with_the_keyboard(make_window, case, qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt

    w = make_window("Mia", Role.MINISTER)
    w.activateWindow()
    w.transcript.setFocus()
    qtbot.waitUntil(w.transcript.hasFocus)
    w.select_message_row(2)
    mid = w.selected_message_ids()[0]

    def label() -> str | None:
        row = case.conn.execute(
            "SELECT label FROM message_labels WHERE message_id = ?", (mid,)
        ).fetchone()
        return None if row is None else row[0]

    qtbot.keyClick(w.transcript, Qt.Key.Key_P)
    assert label() == "private"
    assert "Undo" in w.undo_action.text() and w.undo_action.isEnabled()
    qtbot.keyClick(w.transcript, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert label() is None
    qtbot.keyClick(
        w.transcript,
        Qt.Key.Key_Z,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert label() == "private"
    actions = [e for (e,) in case.conn.execute("SELECT entry FROM review_log")]
    assert any('"action":"undo"' in e and '"actor":"Mia"' in e for e in actions)


def test_n_and_shift_n_walk_the_assistants_proposals(make_window, case, qtbot) -> None:  # type: ignore[no-untyped-def]
    ada = make_window("Ada", Role.ASSISTANT)
    first = ada.current_conversation_id()
    ada.transcript.setFocus()
    ada._set_focus("messages")
    ada.select_message_row(2)
    ada.mark("private")
    ada.select_message_row(4)
    ada.mark("party_political")
    proposed = sorted(m for (m,) in case.conn.execute("SELECT message_id FROM message_labels"))
    assert len(proposed) == 2
    ada.set_session(None)

    mia = make_window("Mia", Role.MINISTER, on=open_case(case.path))
    qtbot.waitUntil(lambda: mia.msg_model is not None and mia.msg_model.rowCount() > 0)
    mia.select_conversation(first)
    qtbot.waitUntil(lambda: mia.msg_model.conversation_id == first)
    mia.select_message_row(0)
    mia.act.next_proposal.trigger()
    qtbot.waitUntil(lambda: mia.transcript.currentIndex().row() == 2)
    assert mia.statusBar().currentMessage() == "Proposal 1 of 2"
    mia.act.next_proposal.trigger()
    qtbot.waitUntil(lambda: mia.transcript.currentIndex().row() == 4)
    mia.act.prev_proposal.trigger()
    qtbot.waitUntil(lambda: mia.transcript.currentIndex().row() == 2)
    assert mia.statusBar().currentMessage() == "Proposal 1 of 2"
