"""Dutch numbers, dates and plurals everywhere in the app (issue 14, item 9): "100.000
berichten", "1 gesprek" / "2 gesprekken", "4 mrt 2024" instead of ISO text, and no English
word for a step of long work."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication, QLabel
from test_i18n_coverage import _calls

from chatsafe.gui import i18n, localtext

ISO_DATE = re.compile(r"\b\d{4}-\d\d-\d\d\b|\d\dT\d\d:")
ENGLISH_NUMBER = re.compile(r"\b\d{1,3},\d{3}\b")
# A count written into a sentence without its plural form: "%1 gesprekken".
BARE_COUNT = re.compile(
    r"(%\d|\{[a-z]+\}) (nieuwe |zakelijke )?(gesprekken|berichten|bijlagen|treffers|bestanden)\b"
)


@pytest.fixture
def dutch(qapp: QApplication) -> Iterator[None]:
    i18n.install(qapp, "nl")
    yield
    i18n.install(qapp, "en")


def test_counts_have_plural_forms_and_dutch_numbers(dutch: None) -> None:
    assert localtext.conversations(1) == "1 gesprek"
    assert localtext.conversations(2) == "2 gesprekken"
    assert localtext.messages(100000) == "100.000 berichten"
    assert localtext.messages(0) == "0 berichten"
    assert localtext.attachments(1) == "1 bijlage"
    assert localtext.number(4959011) == "4.959.011"


def test_counts_in_english_too(qapp: QApplication) -> None:
    i18n.install(qapp, "en")
    assert localtext.conversations(1) == "1 conversation"
    assert localtext.conversations(2) == "2 conversations"
    assert localtext.messages(100000) == "100,000 messages"


def test_dates_and_times_read_as_the_language_writes_them(dutch: None) -> None:
    assert localtext.date_text("2024-03-04") == "4 mrt 2024"
    assert localtext.period_text("2024-03-04T08:00:00", "2024-03-31T23:59:00") == (
        "4 mrt 2024 – 31 mrt 2024"
    )
    assert localtext.period_text("2024-03-04", None) == "4 mrt 2024"
    assert localtext.datetime_text("2024-03-04T08:15:00") == "4 mrt 2024 08:15"
    # An approval's UTC instant is shown in this computer's time, never as ISO text.
    at = localtext.datetime_text("2026-11-26T11:05:40Z")
    assert re.fullmatch(r"2[67] nov 2026 \d\d:\d\d", at), at
    assert localtext.date_text(None) == "…"


def test_steps_of_long_work_are_never_english_words(dutch: None) -> None:
    assert localtext.phase_name("signing") == "ondertekenen"
    assert localtext.phase_name("conversations") == "gesprekken"
    assert localtext.phase_name("a-step-added-later") == "bezig"


def test_no_count_is_written_into_a_sentence_without_its_plural() -> None:
    root = ET.parse(i18n.TS_DIR / "chatsafe_nl.ts").getroot()
    used = {(ctx, src) for _, ctx, src in _calls()}
    bare = []
    for ctx in root.iter("context"):
        name = ctx.findtext("name") or ""
        for m in ctx.iter("message"):
            src = m.findtext("source") or ""
            text = "".join(m.find("translation").itertext())  # type: ignore[union-attr]
            if (name, src) in used and m.get("numerus") != "yes" and BARE_COUNT.search(text):
                bare.append(f"[{name}] {text}")
    assert bare == []


def test_the_window_in_dutch_shows_no_iso_dates_or_english_numbers(  # type: ignore[no-untyped-def]
    dutch, make_window, qtbot
) -> None:
    window = make_window()
    window.conv_view.setFocus()
    window.select_conversation(window.conv_model.conversation(0).id)  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: window.msg_model is not None and window.msg_model.rowCount() > 0)
    window._refresh_status()
    texts = [w.text() for w in window.findChildren(QLabel)]
    window._focus = "messages"  # as a click in the transcript sets it
    window.select_message_row(1)
    texts.append(window.details.text.toPlainText())
    model = window.conv_model
    for row in range(model.rowCount()):
        for col in range(model.columnCount()):
            texts.append(str(model.index(row, col).data() or ""))
    window.select_conversation(window.conv_model.conversation(0).id)  # type: ignore[union-attr]
    texts.append(window.details.text.toPlainText())
    shown = "\n".join(texts)
    assert re.search(r"\d+ mrt \d{4} \d\d:\d\d", shown)  # the reader found dates and times
    assert not ISO_DATE.search(shown), ISO_DATE.search(shown)
    assert not ENGLISH_NUMBER.search(shown)
    assert "(s)" not in shown


def test_every_format_has_an_app_name_in_the_apps_language(dutch: None) -> None:
    from chatsafe import importers
    from chatsafe.gui import app_names

    names = {imp.name for imp in importers.all_importers()}
    assert names <= app_names.known()  # a new importer needs its name here
    assert app_names.app_name("iphone-backup") == "iPhone-back-up"
    assert app_names.app_name("imessage") == "iMessage en sms (Apple)"


def test_date_fields_read_as_dutch_dates(dutch: None, qtbot) -> None:  # type: ignore[no-untyped-def]
    from chatsafe.gui.dialogs import PeriodDialog
    from chatsafe.gui.panes import DateFilterBar

    period = PeriodDialog(None, "2024-03-01", None)
    qtbot.addWidget(period)
    assert period.start.text() == "1 mrt 2024"
    bar = DateFilterBar()
    qtbot.addWidget(bar)
    bar.set_period("2024-03-01", "2024-03-31")
    assert bar.date_from.text() == "1 mrt 2024" and bar.date_to.text() == "31 mrt 2024"
    assert bar.period_note.text() == "Periode: 1 mrt 2024 – 31 mrt 2024"


def test_one_date_format_everywhere(make_window, dutch: None) -> None:  # type: ignore[no-untyped-def]
    """The conversation list wrote "12-03-2023" where the transcript's details, the
    search results and the summary page write "12 mrt 2023": one helper for all."""
    from chatsafe.gui.conversation_delegate import lines_of
    from chatsafe.gui.search_pane import local_time
    from chatsafe.gui.summary_page import period_text

    w = make_window()
    model = w.conv_model
    for row in range(model.rowCount()):
        r = model.conversation(row)
        period = lines_of(model, row)[2]
        assert period.startswith(localtext.period_text(r.first, r.last)), period
        assert not re.search(r"\d\d-\d\d-\d{4}|\d{4}-\d\d-\d\d", period), period
    assert any("mrt 2023" in lines_of(model, row)[2] for row in range(model.rowCount()))
    assert local_time("2023-03-12T09:16:00") == "12 mrt 2023 09:16"
    assert "12 mrt 2023" in period_text("2023-03-12", None)
