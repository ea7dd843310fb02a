"""Import with options (issue 14, item 7): the dialog offers exactly what
``chatsafe import --help`` offers, passes it through the same context as the command line,
and says what is wrong with an option in the app's language before anything is read."""

from __future__ import annotations

import argparse
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QDialog

from chatsafe.cli import build_parser
from chatsafe.gui import i18n
from chatsafe.gui.import_dialog import ImportOptionsDialog
from chatsafe.import_options import ImportOptions

FIXTURES = Path(__file__).parent.parent / "fixtures" / "whatsapp"
# CLI flags that are not options of the import itself.
NOT_OPTIONS = {"help", "passphrase", "case", "paths", "func", "command"}
# The flag's dest -> the ImportOptions field that carries it.
FIELD = {
    "tz": "time_zone",
    "format_name": "format_name",
    "signal_key": "signal_key_file",
    "whatsapp_key": "whatsapp_key_file",
}


def _import_flags() -> set[str]:
    parser = build_parser()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    imp = sub.choices["import"]
    return {a.dest for a in imp._actions} - NOT_OPTIONS


def _dialog(qtbot, **kw) -> ImportOptionsDialog:  # type: ignore[no-untyped-def]
    d = ImportOptionsDialog(None, owner="Minister", time_zone="Europe/Amsterdam", country=None, **kw)
    qtbot.addWidget(d)
    return d


@pytest.fixture
def dutch(qapp: QApplication) -> Iterator[None]:
    i18n.install(qapp, "nl")
    yield
    i18n.install(qapp, "en")


def test_every_import_flag_of_the_cli_is_an_option_of_the_dialog(qtbot) -> None:  # type: ignore[no-untyped-def]
    flags = _import_flags()
    assert {"format_name", "encoding", "signal_key", "first_year", "country"} <= flags
    fields = set(ImportOptions.__dataclass_fields__)
    assert {FIELD.get(f, f) for f in flags} <= fields
    d = _dialog(qtbot)
    # Each field of the dialog lands in its option.
    d.format.setCurrentIndex(d.format.findData("telegram"))
    d.encoding.setCurrentIndex(d.encoding.findData("windows-1252"))
    d.signal_key.setText("/keys/signal.hex")
    d.whatsapp_key.setText("/keys/wa.key")
    d.first_year.setValue(2011)
    d.country.setText("BE")
    d.time_zone.setText("Europe/Brussels")
    d.owner.setText("J. de Vries")
    o = d.options()
    assert (o.format_name, o.encoding, o.first_year, o.country, o.time_zone, o.owner) == (
        "telegram", "windows-1252", 2011, "BE", "Europe/Brussels", "J. de Vries"
    )  # fmt: skip
    assert (o.signal_key_file, o.whatsapp_key_file) == (
        Path("/keys/signal.hex"), Path("/keys/wa.key")
    )  # fmt: skip
    # Left alone, every option is the CLI's default: detect, UTF-8, work the year out.
    plain = _dialog(qtbot).options()
    assert plain == ImportOptions(owner="Minister")


def test_options_reach_the_import(make_window, case, tmp_path, qtbot, notices) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    yearless = tmp_path / "WhatsApp-chat met Ruud.txt"
    # Latin-1 text the default UTF-8 reading refuses; the year is given.
    text = (FIXTURES / yearless.name).read_text(encoding="utf-8").replace("Hallo", "Café")
    yearless.write_bytes(text.encode("iso-8859-1"))
    os.utime(yearless, (1396440000, 1396440000))  # 2014: the year worked out otherwise
    options = ImportOptions(encoding="iso-8859-1", first_year=2011, format_name="whatsapp")
    window.start_import([yearless], "Minister J. de Vries", options)
    assert notices["error"] == []
    rows = case.conn.execute(
        "SELECT m.wallclock, m.text FROM messages m JOIN conversations c"
        " ON c.id = m.conversation_id WHERE c.title = 'Ruud' ORDER BY m.position"
    ).fetchall()
    assert [r[0][:4] for r in rows] == ["2011", "2011", "2011"]
    assert "Café Ruud" in [r[1] for r in rows]


def test_a_bad_option_is_said_in_dutch_and_keeps_the_dialog_open(  # type: ignore[no-untyped-def]
    qtbot, dutch, tmp_path
) -> None:
    d = _dialog(qtbot, paths=[tmp_path / "chat.txt"])
    d.country.setText("XX")
    d.accept()
    assert d.result() != QDialog.DialogCode.Accepted and d.result_options() is None
    assert not d.problem.isHidden()
    assert "landcode" in d.problem.text() and "country" not in d.problem.text()
    d.country.clear()
    d.signal_key.setText(str(tmp_path / "missing.hex"))
    d.accept()
    assert d.problem.text().startswith("In missing.hex: ")
    assert "Signal" in d.problem.text() and "cannot" not in d.problem.text()
    d.signal_key.clear()
    d.encoding.setEditText("klingon-8")
    d.accept()
    assert "tekencodering" in d.problem.text()
    d.encoding.setCurrentIndex(0)
    d.accept()
    assert d.result() == QDialog.DialogCode.Accepted
    assert d.result_options() == ImportOptions(owner="Minister")


def test_the_dialog_needs_an_export_and_the_menu_offers_it(make_window) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    assert window.act.import_options in window.menuBar().actions()[0].menu().actions()
    assert window.act.import_options.isEnabled()
    d = ImportOptionsDialog(window, owner=None, time_zone="UTC", country="BE")
    assert not d.ok.isEnabled()
    assert "BE" in d.country.placeholderText()
    d.paths.addItem("/x/chat.txt")
    assert d.ok.isEnabled()
    d.deleteLater()
