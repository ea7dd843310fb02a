"""Dutch and English: the Dutch main window shows no untranslated string."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QMenu,
    QTabWidget,
    QWidget,
)

from chatsafe.gui import i18n


def _ts(lang: str) -> ET.Element:
    return ET.parse(i18n.TS_DIR / f"chatsafe_{lang}.ts").getroot()


def _chrome(w: QWidget) -> set[str]:
    """The window's own words: actions, menus, labels, buttons, headers, hints, names."""
    out: list[str] = [w.windowTitle().split(" — ")[-1]]
    for act in w.findChildren(QAction):
        out += [act.text(), re.sub(r" \(.*\)$", "", act.toolTip())]
    for menu in w.findChildren(QMenu):
        out.append(menu.title())
    for label in w.findChildren(QLabel):
        out.append(re.sub(r"[\d,.]+", "", label.text()))
    for button in w.findChildren(QAbstractButton):
        out.append(button.text())
    for edit in w.findChildren(QLineEdit):
        out.append(edit.placeholderText())
    for combo in w.findChildren(QComboBox):
        if combo.accessibleName() != w.filter_bar.app.accessibleName():  # app names are names
            out += [combo.itemText(i) for i in range(combo.count())]
    for tabs in w.findChildren(QTabWidget):
        out += [tabs.tabText(i) for i in range(tabs.count())]
    for child in w.findChildren(QWidget):
        out += [child.accessibleName(), child.toolTip()]
    for model in (w.conv_model, w.msg_model):
        for col in range(model.columnCount()):
            for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                out.append(model.headerData(col, Qt.Orientation.Horizontal, role) or "")
    words = set()
    for text in out:
        text = text.replace("&", "").strip(" ·:…")
        if re.search(r"[A-Za-z]{2}", text or ""):
            words.add(text)
    return words


def _window(make_window, lang: str):  # type: ignore[no-untyped-def]
    app = QApplication.instance()
    i18n.install(app, lang)
    w = make_window()
    w.step_message(1)
    w.schedule_status()
    w._refresh_status()
    return w


@pytest.fixture
def english_again():  # type: ignore[no-untyped-def]
    yield
    i18n.install(QApplication.instance(), "en")


def test_ts_files_are_finished() -> None:
    for lang in ("nl", "en"):
        unfinished = [
            m.findtext("source")
            for m in _ts(lang).iter("message")
            if m.find("translation").get("type") == "unfinished"
        ]
        assert unfinished == [], lang


def test_dutch_main_window_has_no_untranslated_string(make_window, english_again) -> None:  # type: ignore[no-untyped-def]
    english = _chrome(_window(make_window, "en"))
    dutch = _chrome(_window(make_window, "nl"))
    same_by_design = set()
    for m in _ts("nl").iter("message"):
        tr = m.find("translation")
        if (tr.text or "") == m.findtext("source"):
            same_by_design.add((tr.text or "").replace("&", "").strip(" ·:…"))
    names = {"chatsafe", "Minister", "Ada"}
    untranslated = sorted(t for t in dutch & english if t not in same_by_design and t not in names)
    assert untranslated == []
    assert "Markeer privé" in dutch and "Gesprekken" in dutch


def test_dutch_by_default_on_a_dutch_system(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QLocale

    monkeypatch.delenv("CHATSAFE_LANG", raising=False)
    QLocale.setDefault(QLocale(QLocale.Language.Dutch, QLocale.Country.Netherlands))
    monkeypatch.setattr(QLocale, "system", staticmethod(lambda: QLocale(QLocale.Language.Dutch)))
    assert i18n.system_language() == "nl"
    monkeypatch.setattr(QLocale, "system", staticmethod(lambda: QLocale(QLocale.Language.German)))
    assert i18n.system_language() == "en"
    QLocale.setDefault(QLocale(QLocale.Language.English))


def test_compiled_and_in_memory_translations_agree(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QTranslator

    in_memory = i18n.TsTranslator(i18n.TS_DIR / "chatsafe_nl.ts")
    (qm,) = [p for p in i18n.build_qm(tmp_path) if p.name == "chatsafe_nl.qm"]
    compiled = QTranslator()
    assert compiled.load(str(qm))
    for ctx, src in (
        ("Actions", "Mark &private"),
        ("MainWindow", "Conversations"),
        ("Labels", "Party-political"),
    ):
        assert compiled.translate(ctx, src) == in_memory.translate(ctx, src) != ""
    # Plural forms: both pick the same form and leave %Ln to QCoreApplication.translate,
    # which writes the number in the app's locale.
    for n, form in ((1, "%Ln gesprek"), (3, "%Ln gesprekken")):
        src = "%Ln conversation(s)"
        assert compiled.translate("Counts", src, None, n) == form
        assert in_memory.translate("Counts", src, None, n) == form
    from PySide6.QtCore import QCoreApplication, QLocale

    app = QCoreApplication.instance()
    assert app is not None
    app.installTranslator(in_memory)
    QLocale.setDefault(QLocale(QLocale.Language.Dutch, QLocale.Country.Netherlands))
    try:
        text = QCoreApplication.translate("Counts", "%Ln conversation(s)", None, 100000)
        assert text == "100.000 gesprekken"
    finally:
        app.removeTranslator(in_memory)
        QLocale.setDefault(QLocale(QLocale.Language.English))
    monkeypatch.setattr(i18n, "QM_DIR", tmp_path)
    assert not isinstance(i18n.load_translator("nl"), i18n.TsTranslator)
    monkeypatch.setattr(i18n, "QM_DIR", tmp_path / "absent")
    assert isinstance(i18n.load_translator("nl"), i18n.TsTranslator)


def test_strings_translated_as_themselves_are_not_blanked(english_again) -> None:  # type: ignore[no-untyped-def]
    """A Python translator cannot say "not found" with an empty string: Qt would show it."""
    from chatsafe.gui.main_window import MainWindow
    from chatsafe.gui.tasks import ImmediateRunner

    t = i18n.TsTranslator(i18n.TS_DIR / "chatsafe_nl.ts")
    assert t.translate("NoSuchContext", "Hello") == "Hello"
    i18n.install(QApplication.instance(), "nl")
    w = MainWindow(ImmediateRunner())
    titles = [a.text() for a in w.menuBar().actions()]
    w.close()
    assert titles == ["&Zaak", "&Beoordelen", "&Ga naar", "&Help"]
