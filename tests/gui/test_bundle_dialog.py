"""The "Create bundle" step: confirmation by the minister, IT support after approval,
the certificate choice, progress and cancel."""

from __future__ import annotations

from pathlib import Path

from chatsafe import settings
from chatsafe.bundle.verify import verify_bundle
from chatsafe.gui.bundle_dialog import open_bundle_dialog
from chatsafe.review.labels import Role
from tests.bundle_support import ARCHIVAL, SIGNING_PASSPHRASE, make_certs


def _fill(dialog, certs, out: Path) -> None:  # type: ignore[no-untyped-def]
    dialog.kind_group.button(0).setChecked(True)
    dialog.fields["p12.p12"].setText(str(certs.p12))
    dialog.secret.setText(SIGNING_PASSPHRASE)
    dialog.out.setText(str(out))


def test_minister_confirms_and_makes_the_bundle(make_window, case, tmp_path, qtbot) -> None:  # type: ignore[no-untyped-def]
    certs = make_certs(tmp_path / "certs")
    window = make_window("Mia", Role.MINISTER)
    dialog = open_bundle_dialog(window)
    qtbot.addWidget(dialog)
    assert "Cannot bundle yet" in dialog.summary.text()
    assert not dialog.create_button.isEnabled()
    dialog.close()

    settings.apply(case, ARCHIVAL, by="IT")
    dialog = open_bundle_dialog(window)
    qtbot.addWidget(dialog)
    assert "Will leave" in dialog.summary.text()
    out = tmp_path / "bundle.zip"
    _fill(dialog, certs, out)
    assert not dialog.create_button.isEnabled()  # not confirmed yet
    dialog.confirm.setChecked(True)
    assert dialog.create_button.isEnabled()
    dialog.start()
    assert dialog.bundle_result is not None, dialog.status.text()
    assert "Bundle written" in dialog.status.text()
    assert dialog.secret.text() == ""
    assert verify_bundle(out, certs.ca_pem).ok


def test_it_support_needs_approval_and_can_cancel(make_window, case, tmp_path, qtbot) -> None:  # type: ignore[no-untyped-def]
    certs = make_certs(tmp_path / "certs")
    settings.apply(case, ARCHIVAL, by="IT")
    it = make_window("Ivo", Role.IT)
    dialog = open_bundle_dialog(it)
    qtbot.addWidget(dialog)
    out = tmp_path / "bundle.zip"
    _fill(dialog, certs, out)
    assert "Not approved yet" in dialog.approval.text()
    assert not dialog.create_button.isEnabled() and not dialog.confirm.isVisible()
    dialog.close()

    mia = make_window("Mia", Role.MINISTER)
    approve = open_bundle_dialog(mia)
    qtbot.addWidget(approve)
    approve.confirm.setChecked(True)
    approve._approve()
    assert "approval is recorded" in approve.status.text()
    approve.close()

    it = make_window("Ivo", Role.IT)
    dialog = open_bundle_dialog(it)
    qtbot.addWidget(dialog)
    # without a certificate the approval is a claim, and shown as one (issue 10)
    assert "Claimed by Mia, not signed" in dialog.approval.text()
    _fill(dialog, certs, out)
    assert dialog.create_button.isEnabled()
    dialog.bridge.progress.connect(lambda *a: dialog._cancel())  # cancel at the first report
    dialog.start()
    assert dialog.bundle_result is None and "cancelled" in dialog.status.text()
    assert not out.exists() and list(tmp_path.glob(".bundle.zip.partial-*")) == []
    dialog.bridge.progress.disconnect()
    dialog.bridge.progress.connect(dialog._on_progress)
    _fill(dialog, certs, out)
    dialog.start()
    assert dialog.bundle_result is not None, dialog.status.text()
    assert verify_bundle(out, certs.ca_pem).ok


def test_a_new_bundle_can_replace_an_earlier_one(make_window, case, tmp_path, qtbot) -> None:  # type: ignore[no-untyped-def]
    from chatsafe.bundle import supersede

    certs = make_certs(tmp_path / "certs")
    settings.apply(case, ARCHIVAL, by="IT")
    window = make_window("Mia", Role.MINISTER)
    results = []
    for name, earlier in (("old.zip", None), ("new.zip", tmp_path / "old.zip")):
        dialog = open_bundle_dialog(window)
        qtbot.addWidget(dialog)
        _fill(dialog, certs, tmp_path / name)
        if earlier is not None:
            dialog.supersedes.setText(str(earlier))
        dialog.confirm.setChecked(True)
        dialog.start()
        assert dialog.bundle_result is not None, dialog.status.text()
        results.append(dialog.bundle_result)
        dialog.close()
    assert results[0].supersedes is None
    assert results[1].supersedes == results[0].external_id
    assert supersede.check(tmp_path / "new.zip", tmp_path / "old.zip") == []
