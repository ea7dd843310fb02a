"""Case > Export for Woo (RSMF): the minister exports, IT support needs the approval,
cancel leaves nothing, and the action sits in the Case menu with its shortcut."""

from __future__ import annotations

from pathlib import Path

from chatsafe.gui.rsmf_dialog import open_rsmf_dialog
from chatsafe.review.labels import Role
from tests.rsmf_support import read_rsmf, validate


def test_minister_exports_rsmf_from_the_case_menu(make_window, tmp_path, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = make_window("Mia", Role.MINISTER)
    act = window.act.export_rsmf
    assert act.isEnabled() and act.shortcut().toString() == "Ctrl+Shift+E"
    case_menu = window.menuBar().actions()[0].menu()
    assert act in case_menu.actions()
    dialog = open_rsmf_dialog(window)
    qtbot.addWidget(dialog)
    assert not dialog.export.isEnabled()  # no folder yet
    out = tmp_path / "woo"
    dialog.out.setText(str(out))
    dialog.slicing.setCurrentIndex(1)  # one file per conversation
    assert dialog.export.isEnabled()
    dialog.start()
    assert dialog.export_result is not None, dialog.status.text()
    assert "RSMF files written" in dialog.status.text()
    files = sorted(out.iterdir())
    assert len(files) == dialog.export_result.conversations
    assert all(len(f.name.split("_")) == 1 for f in files)  # no day in the name
    for f in files:
        validate(read_rsmf(f))
    assert dialog.cancel.text() == "Close"


def test_it_support_without_approval_is_refused_and_cancel_leaves_nothing(
    make_window, tmp_path, qtbot
) -> None:  # type: ignore[no-untyped-def]
    it = make_window("Ivo", Role.IT)
    dialog = open_rsmf_dialog(it)
    qtbot.addWidget(dialog)
    out = tmp_path / "woo"
    dialog.out.setText(str(out))
    dialog.start()
    assert dialog.export_result is None and "minister" in dialog.status.text()
    assert not out.exists() and dialog.export.isEnabled()

    mia = make_window("Mia", Role.MINISTER)
    dialog = open_rsmf_dialog(mia)
    qtbot.addWidget(dialog)
    dialog.out.setText(str(out))
    dialog.bridge.progress.connect(lambda *a: dialog._cancel())  # cancel at the first report
    dialog.start()
    assert dialog.export_result is None and "cancelled" in dialog.status.text()
    assert not out.exists() and list(Path(tmp_path).glob(".woo.partial-*")) == []
