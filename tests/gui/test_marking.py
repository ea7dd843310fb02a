"""Marking conversations and messages in the main window, by mouse and by keyboard."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt

from chatsafe.gui import conversation_model as cm
from chatsafe.gui import message_model as mm
from chatsafe.gui import roles
from chatsafe.review import log
from chatsafe.review.labels import Role

CHECK = Qt.ItemDataRole.CheckStateRole


def _labels(case):  # type: ignore[no-untyped-def]
    conv = dict(case.conn.execute("SELECT conversation_id, label FROM conversation_labels"))
    msg = dict(case.conn.execute("SELECT message_id, label FROM message_labels"))
    return conv, msg


def _select_rows(w, rows):  # type: ignore[no-untyped-def]
    sm = w.transcript.selectionModel()
    sm.clearSelection()
    for r in rows:
        sm.select(
            w.msg_model.index(r, 0),
            QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
        )
    sm.setCurrentIndex(w.msg_model.index(rows[-1], 0), QItemSelectionModel.SelectionFlag.NoUpdate)
    w._focus = "messages"


def test_window_shows_the_case(make_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    w = make_window()
    assert w.conv_proxy.rowCount() == 3
    assert w.msg_model.rowCount() == 7  # Anna's conversation, the first, is shown
    qtbot.waitUntil(lambda: "messages will leave" in w.status_label.text())
    assert w.status_label.text().startswith("10 messages will leave")
    assert "10 unreviewed" in w.status_label.text()


def test_checkbox_marks_a_conversation_then_a_message_overrides_it(
    make_window, case, qtbot
) -> None:  # type: ignore[no-untyped-def]
    w = make_window()
    cid = w.current_conversation_id()
    w.conv_proxy.setData(w.conv_proxy.index(0, cm.COL_PRIVATE), Qt.CheckState.Checked, CHECK)
    assert _labels(case)[0] == {cid: "private"}
    assert w.conv_proxy.index(0, cm.COL_PRIVATE).data(CHECK) == Qt.CheckState.Checked
    # the transcript shows the inherited label as partly checked
    assert w.msg_model.index(1, mm.COL_PRIVATE).data(CHECK) == Qt.CheckState.PartiallyChecked
    # unticking one message keeps it business: its own mark overrides the conversation's
    w.msg_model.setData(w.msg_model.index(1, mm.COL_PRIVATE), Qt.CheckState.Unchecked, CHECK)
    mid = w.msg_model.index(1, 0).data(roles.ID)
    assert _labels(case)[1] == {mid: "business"}
    assert w.msg_model.index(1, 0).data(roles.EFFECTIVE) == ("business", "own")
    qtbot.waitUntil(lambda: w.status_label.text().startswith("5 messages will leave"))
    # the checkbox again clears the conversation's mark
    w.conv_proxy.setData(w.conv_proxy.index(0, cm.COL_PRIVATE), Qt.CheckState.Unchecked, CHECK)
    assert _labels(case)[0] == {}
    assert log.verify(case.conn) == []


def test_range_selection_marks_messages_and_events(make_window, case) -> None:  # type: ignore[no-untyped-def]
    w = make_window()
    _select_rows(w, [0, 1, 2, 3])  # row 0 is the encryption notice
    w.act.mark_party.trigger()
    marked = _labels(case)[1]
    # Events are markable (issue 10): "X added Y" can name a private contact.
    assert len(marked) == 4 and set(marked.values()) == {"party_political"}
    assert w.msg_model.index(2, mm.COL_PARTY).data(CHECK) == Qt.CheckState.Checked
    assert w.msg_model.index(0, mm.COL_PARTY).data(CHECK) == Qt.CheckState.Checked
    _select_rows(w, [0])
    w.act.mark_private.trigger()
    assert list(_labels(case)[1].values()).count("private") == 1
    _select_rows(w, [0, 1, 2, 3])
    w.act.clear.trigger()
    assert _labels(case)[1] == {}


def test_keyboard_review(make_window, case, qtbot) -> None:  # type: ignore[no-untyped-def]
    w = make_window(role=Role.MINISTER)
    w.activateWindow()
    w.transcript.setFocus()
    qtbot.waitUntil(w.transcript.hasFocus)
    w.select_message_row(0)
    qtbot.keyClick(w.transcript, Qt.Key.Key_J)
    assert w.transcript.currentIndex().row() == 1
    qtbot.keyClick(w.transcript, Qt.Key.Key_P)
    mid = w.msg_model.index(1, 0).data(roles.ID)
    assert _labels(case)[1] == {mid: "private"}
    qtbot.keyClick(w.transcript, Qt.Key.Key_J)
    qtbot.keyClick(w.transcript, Qt.Key.Key_F)
    assert list(_labels(case)[1].values()) == ["private", "party_political"]
    qtbot.keyClick(w.transcript, Qt.Key.Key_C)
    qtbot.keyClick(w.transcript, Qt.Key.Key_K)
    assert w.transcript.currentIndex().row() == 1
    assert list(_labels(case)[1].values()) == ["private"]
    # the minister's marks are confirmed at once
    assert case.conn.execute("SELECT status FROM message_labels").fetchone()[0] == "confirmed"
    qtbot.keyClick(w.transcript, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert case.conn.execute("SELECT confirmed_by FROM conversation_review").fetchone()[0] == "Ada"
    first = w.current_conversation_id()
    qtbot.keyClick(w.transcript, Qt.Key.Key_J, Qt.KeyboardModifier.ControlModifier)
    assert w.current_conversation_id() != first
    qtbot.keyClick(w.transcript, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert w.search_edit.hasFocus()


def test_every_review_action_shows_its_shortcut(make_window) -> None:  # type: ignore[no-untyped-def]
    w = make_window()
    a = w.act
    for act in (a.mark_private, a.mark_party, a.clear, a.confirm, a.next_message, a.prev_message,
                a.next_conversation, a.prev_conversation, a.search, a.mark_reason):  # fmt: skip
        assert act.shortcuts(), act.objectName()
        assert act.shortcut().toString() in act.toolTip()


def test_every_control_has_an_accessible_name(make_window) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import (
        QAbstractButton,
        QAbstractItemView,
        QComboBox,
        QDateEdit,
        QHeaderView,
        QLineEdit,
        QTextBrowser,
    )

    w = make_window()
    missing = []
    widgets = [
        x
        for t in (QLineEdit, QComboBox, QAbstractItemView, QDateEdit, QTextBrowser)
        for x in w.findChildren(t)
    ]
    for widget in widgets:
        if (
            isinstance(widget, QHeaderView)
            or widget.window() is not w
            or widget.objectName().startswith("qt_")
        ):
            continue
        if not widget.accessibleName():
            missing.append(f"{type(widget).__name__} {widget.objectName()}")
    for button in w.findChildren(QAbstractButton):
        if button.objectName().startswith("qt_") or not button.isVisible():
            continue
        if not (button.accessibleName() or button.text() or button.toolTip()):
            missing.append(f"{type(button).__name__} {button.objectName()}")
    assert missing == []
