"""Issue 14, point 7: the bundle dialog adds ``.zip``, offers only certificates in the
certificate picker, and stops offering approval once approved."""

from __future__ import annotations

from chatsafe import settings
from chatsafe.gui.bundle_dialog import bundle_path, open_bundle_dialog
from chatsafe.review.labels import Role
from tests.bundle_support import ARCHIVAL, SIGNING_PASSPHRASE, make_certs


def test_a_name_without_zip_gets_it(make_window, case, tmp_path, qtbot) -> None:  # type: ignore[no-untyped-def]
    assert bundle_path("/x/bundel").name == "bundel.zip"
    assert bundle_path("/x/bundel.ZIP").name == "bundel.ZIP"
    assert bundle_path(" /x/archief.2024 ").name == "archief.2024.zip"
    certs = make_certs(tmp_path / "certs")
    settings.apply(case, ARCHIVAL, by="IT")
    window = make_window("Mia", Role.MINISTER)
    dialog = open_bundle_dialog(window)
    qtbot.addWidget(dialog)
    dialog.fields["p12.p12"].setText(str(certs.p12))
    dialog.secret.setText(SIGNING_PASSPHRASE)
    dialog.out.setText(str(tmp_path / "bundel"))
    dialog.confirm.setChecked(True)
    dialog.start()
    assert dialog.bundle_result is not None, dialog.status.text()
    assert (tmp_path / "bundel.zip").is_file() and not (tmp_path / "bundel").exists()


def test_certificate_pickers_filter_by_kind(make_window, case, qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = open_bundle_dialog(make_window("Ivo", Role.IT))
    qtbot.addWidget(dialog)
    assert "*.p12" in dialog.fields["p12.p12"].property("filter")
    assert "*.pem" in dialog.fields["pem.cert"].property("filter")
    assert "*.zip" in dialog.out.property("filter")


def test_approve_button_is_spent_after_approval(make_window, case, qtbot) -> None:  # type: ignore[no-untyped-def]
    settings.apply(case, ARCHIVAL, by="IT")
    dialog = open_bundle_dialog(make_window("Mia", Role.MINISTER))
    qtbot.addWidget(dialog)
    dialog.confirm.setChecked(True)
    assert dialog.approve_button.isEnabled()
    dialog.approve_button.click()
    assert "approval is recorded" in dialog.status.text()
    assert not dialog.approve_button.isEnabled()
