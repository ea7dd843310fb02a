"""The guided collection wizard: platform → what to bring → inputs → checks (off the GUI
thread) → import through the window's usual import; in Dutch as well."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QWizard

from chatsafe import guide
from chatsafe.gui import i18n
from chatsafe.gui.collect_wizard import CollectWizard, blocks, check_inputs, open_wizard
from tests.unit import signal_desktop_db, whatsapp_android_db, whatsapp_ios_db

MAC = [n for n, (platform, _w, _s) in enumerate(guide.GUIDE) if "Mac" in platform][0]


def walk_to_check(qtbot, wizard: CollectWizard, paths: list[Path]) -> None:  # type: ignore[no-untyped-def]
    wizard.show()
    wizard.platform_page.group.button(MAC).setChecked(True)
    wizard.next()
    assert "ChatStorage.sqlite" in wizard.bring_page.steps.text()
    wizard.next()
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()  # nothing chosen
    wizard.inputs_page.add_paths(paths)
    assert wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    wizard.next()
    qtbot.waitUntil(lambda: wizard.check_page.results is not None, timeout=10000)


def test_checked_inputs_start_the_windows_import(make_window, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    before = window.conv_model.rowCount()
    mac = whatsapp_ios_db.build_mac(tmp_path / "group.net.whatsapp.WhatsApp.shared")
    act = next(a for a in window.act.case_actions if a.objectName() == "collect")
    assert act.isEnabled()
    wizard = open_wizard(window)
    walk_to_check(qtbot, wizard, [mac])
    assert "ready to import" in wizard.check_page.list.item(0).text()
    finish = wizard.button(QWizard.WizardButton.FinishButton)
    assert finish.isEnabled() and finish.text().replace("&", "") == "Import"
    finish.click()
    qtbot.waitUntil(lambda: window.conv_model.rowCount() > before, timeout=10000)


def test_an_app_still_running_stops_the_import(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    mac = whatsapp_ios_db.build_mac(tmp_path / "group.net.whatsapp.WhatsApp.shared")
    running = signal_desktop_db.build(tmp_path / "Signal")
    (running / "sql" / "db.sqlite-wal").write_bytes(b"not yet folded in")
    wizard = CollectWizard()
    qtbot.addWidget(wizard)
    asked: list[list[Path]] = []
    wizard.import_requested.connect(asked.append)
    walk_to_check(qtbot, wizard, [mac, running])
    texts = [wizard.check_page.list.item(i).text() for i in range(2)]
    assert texts[0].startswith("✓") and texts[1].startswith("✗ Signal (signal-desktop)")
    assert "still running" in texts[1]
    assert not wizard.button(QWizard.WizardButton.FinishButton).isEnabled()
    assert asked == []


def test_a_missing_whatsapp_key_is_asked_later_not_a_stop(tmp_path: Path) -> None:
    phone = whatsapp_android_db.build(tmp_path / "WhatsApp")  # no key file beside it
    (item,) = check_inputs([phone])
    assert not item[1].ok and item[3] == ["whatsapp_key"] and not blocks(item)


def test_a_check_that_comes_back_late_is_ignored(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Going back and choosing again makes the earlier check's answer stale."""
    mac = whatsapp_ios_db.build_mac(tmp_path / "shared")
    wizard = CollectWizard()
    qtbot.addWidget(wizard)
    walk_to_check(qtbot, wizard, [mac])
    page = wizard.check_page
    page._done(page._run - 1, [])  # an answer for the previous run
    assert page.results is not None and len(page.results) == 1


@pytest.fixture
def dutch():  # type: ignore[no-untyped-def]
    i18n.install(QApplication.instance(), "nl")
    yield
    i18n.install(QApplication.instance(), "en")


def test_the_wizard_and_the_guide_speak_dutch(qtbot, dutch) -> None:  # type: ignore[no-untyped-def]
    wizard = CollectWizard()
    qtbot.addWidget(wizard)
    wizard.show()
    assert wizard.windowTitle() == "Begeleid verzamelen"
    assert wizard.platform_page.group.button(0).text().startswith("iPhone: een versleutelde")
    wizard.next()
    assert "Sluit de iPhone aan" in wizard.bring_page.steps.text()


def test_every_guide_sentence_has_a_dutch_translation() -> None:
    root = ET.parse(i18n.TS_DIR / "chatsafe_nl.ts").getroot()
    done = {
        m.findtext("source")
        for ctx in root.iter("context")
        if ctx.findtext("name") == "Guide"
        for m in ctx.iter("message")
        if (m.findtext("translation") or "")
    }
    sentences = {guide.READY}
    for platform, what, steps in guide.GUIDE:
        sentences |= {platform, what, *steps}
    assert sentences - done == set()
