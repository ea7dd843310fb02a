"""The reason dialog is wide enough for a sentence and the cursor is in the reason
field (issue 14: it was 204 px wide with the focus on the label)."""

from __future__ import annotations

from chatsafe.gui.dialogs import ReasonDialog


def test_reason_dialog_width_and_focus(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = ReasonDialog(None)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: dialog.focusWidget() is dialog.reason)
    text = "familiezaak, verjaardag van mijn moeder in het weekend"
    assert dialog.reason.width() >= dialog.reason.fontMetrics().horizontalAdvance(text) * 0.9
    assert dialog.width() > 360
