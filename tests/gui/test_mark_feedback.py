"""A checkbox's tooltip says what a click does, and P/F say what happened (issue 14)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from chatsafe.gui.message_model import COL_PARTY, COL_PRIVATE
from chatsafe.review.labels import Role


def test_checkbox_tooltip_says_what_a_click_does(make_window) -> None:  # type: ignore[no-untyped-def]
    window = make_window("Ada", Role.ASSISTANT)
    model = window.msg_model
    assert model.rowCount() > 0
    tip = model.index(0, COL_PRIVATE).data(Qt.ItemDataRole.ToolTipRole)
    assert tip.startswith("Click to mark this message as")
    window.mark_messages([model.message(0).id], "private")
    tip = model.index(0, COL_PRIVATE).data(Qt.ItemDataRole.ToolTipRole)
    assert tip.startswith("Click to take this message's mark away")
    assert (
        model.index(0, COL_PARTY)
        .data(Qt.ItemDataRole.ToolTipRole)
        .startswith("Click to mark this message as")
    )


def test_marking_says_what_happened(make_window) -> None:  # type: ignore[no-untyped-def]
    window = make_window("Ada", Role.ASSISTANT)
    ids = [window.msg_model.message(i).id for i in range(2)]
    window.mark_messages(ids, "private")
    text = window.statusBar().currentMessage()
    assert "2" in text and "Ctrl+Z" in text
