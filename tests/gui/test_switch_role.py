"""Issue 14, point 7: the role changes without reopening the case, and IT support is
not offered marking."""

from __future__ import annotations

import json

from PySide6.QtCore import QTimer

from chatsafe.gui.session import Reviewer
from chatsafe.review.labels import Role


def _labels(case) -> int:  # type: ignore[no-untyped-def]
    entries = [json.loads(r[0]) for r in case.conn.execute("SELECT entry FROM review_log")]
    return sum(1 for e in entries if e["action"] != "setting")


def test_switching_role_keeps_the_case_open(make_window, case, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = make_window("Mia", Role.MINISTER)
    session = window.session
    assert window.act.mark_private.isEnabled()

    def answer() -> None:
        from PySide6.QtWidgets import QApplication

        dialog = QApplication.activeModalWidget()
        assert dialog is not None
        dialog.name.setText("Ivo")  # type: ignore[attr-defined]
        dialog.role.setCurrentIndex(dialog.role.findData("it"))  # type: ignore[attr-defined]
        dialog.accept()

    QTimer.singleShot(0, answer)
    window.act.switch_role.trigger()
    assert window.session is session  # the same open case, no passphrase again
    assert session.reviewer == Reviewer("Ivo", Role.IT)
    assert "Ivo" in window.windowTitle()
    for act in (window.act.mark_private, window.act.mark_party, window.act.confirm_all):
        assert not act.isEnabled()
    assert window.act.case_settings.isEnabled() and window.act.bundle.isEnabled()


def test_it_support_cannot_mark(make_window, case, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = make_window("Ivo", Role.IT)
    before = _labels(case)
    window.transcript.setFocus()
    window.conv_view.setCurrentIndex(window.conv_proxy.index(0, 0))
    window.mark("private")
    window.mark_messages([1], "private")  # what a checkbox click asks for
    window.confirm()
    assert _labels(case) == before
    window.set_reviewer(Reviewer("Ada", Role.ASSISTANT))
    assert window.act.mark_private.isEnabled()
    window.mark_messages([1], "private")
    assert _labels(case) == before + 1
