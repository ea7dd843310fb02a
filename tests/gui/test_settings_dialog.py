"""Issue 14, point 7: IT support sets the archival settings in the app, through the same
core code as ``chatsafe settings``, and the bundle dialog names what is missing in words
with a button to this dialog."""

from __future__ import annotations

import json

from PySide6.QtCore import QTimer

from chatsafe import settings
from chatsafe.gui.bundle_dialog import open_bundle_dialog
from chatsafe.gui.settings_dialog import SettingsDialog
from chatsafe.review.labels import Role


def _fill(dialog: SettingsDialog) -> None:
    dialog.edits["organisation"].setText("Ministerie van Testzaken")
    dialog.appraisal.setCurrentIndex(dialog.appraisal.findData("B"))
    dialog.edits["retention"].setText("permanent")
    dialog.edits["information_category"].setText("Berichten van bewindspersonen")
    dialog.edits["information_category_code"].setText("1.1")


def test_bundle_dialog_names_missing_settings_and_opens_the_dialog(
    make_window, case, qtbot
) -> None:  # type: ignore[no-untyped-def]
    window = make_window("Ivo", Role.IT)
    bundle = open_bundle_dialog(window)
    qtbot.addWidget(bundle)
    text = bundle.summary.text()
    # named in words, never the raw keys the CLI uses
    assert "Information category" in text and "Organisation (archive creator)" in text
    assert "information_category" not in text and "appraisal," not in text
    assert bundle.settings_button.isVisible()

    def fill_and_save() -> None:
        dialog = bundle.settings_op.dialog
        assert dialog is not None and dialog.isVisible()
        _fill(dialog)
        dialog.accept()

    QTimer.singleShot(0, fill_and_save)
    bundle.settings_button.click()

    # stored by the core, logged as IT support, and the bundle dialog counted again
    stored = case.settings()
    assert settings.missing_for_bundle(stored) == []
    assert stored["appraisal"] == "B" and stored["information_category_code"] == "1.1"
    entries = [json.loads(r[0]) for r in case.conn.execute("SELECT entry FROM review_log")]
    logged = [(e["actor"], e["role"]) for e in entries if e["target"] == "setting:organisation"]
    assert logged == [("Ivo", "it")]
    assert "Cannot bundle yet" not in bundle.summary.text()
    assert not bundle.settings_button.isVisible()


def test_a_wrong_value_is_named_and_nothing_is_stored(make_window, case, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = make_window("Ivo", Role.IT)
    dialog = SettingsDialog(window, window.session.settings)
    qtbot.addWidget(dialog)
    dialog.show()
    _fill(dialog)
    dialog.edits["retention"].setText("soon")
    dialog.accept()
    assert dialog.isVisible()  # stays open
    assert "Retention period" in dialog.error.text()
    dialog.edits["retention"].setText("permanent")
    dialog.edits["period_start"].setText("2024-05-01")
    dialog.edits["period_end"].setText("2024-01-01")
    dialog.accept()
    assert dialog.isVisible() and "after the last day" in dialog.error.text()
    assert "organisation" not in case.settings()


def test_emptying_a_period_end_removes_it(make_window, case, qtbot) -> None:  # type: ignore[no-untyped-def]
    settings.apply(case, {"period_start": "2024-01-01", "period_end": "2024-12-31"}, by="IT")
    window = make_window("Ivo", Role.IT)
    window.session.reload_settings()
    dialog = SettingsDialog(window, window.session.settings)
    qtbot.addWidget(dialog)
    dialog.edits["period_end"].setText("")
    assert dialog.changes() == {"period_end": None}
    dialog.accept()
    from chatsafe.gui.operations.settings import SettingsOp

    SettingsOp(window.session, window).save(dialog.changes())
    assert "period_end" not in case.settings()
    assert window.session.period == ("2024-01-01", None)


def test_the_case_menu_offers_the_settings(make_window) -> None:  # type: ignore[no-untyped-def]
    window = make_window("Ivo", Role.IT)
    assert window.act.case_settings.isEnabled()
    assert window.act.case_settings in window.menuBar().actions()[0].menu().actions()
