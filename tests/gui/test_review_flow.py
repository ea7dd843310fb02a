"""Two passes, the review log check, search, lexicon suggestions, the real worker thread."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from chatsafe.gui import message_model as mm
from chatsafe.gui import roles
from chatsafe.review.labels import Role
from chatsafe.store import open_case


@pytest.fixture
def shown(notices):  # type: ignore[no-untyped-def]
    return notices


def _statuses(case):  # type: ignore[no-untyped-def]
    return [
        r[0]
        for r in case.conn.execute(
            "SELECT status FROM message_labels UNION ALL SELECT status FROM conversation_labels"
        )
    ]


def test_assistant_proposes_minister_confirms(make_window, case, monkeypatch, qtbot) -> None:  # type: ignore[no-untyped-def]
    ada = make_window("Ada", Role.ASSISTANT)
    ada.mark("private")  # the whole first conversation
    ada.step_message(1)
    ada.step_message(1)  # the first message after the encryption notice
    ada.mark("party_political")
    ada.confirm()  # for an assistant: the first pass is done
    assert _statuses(case) == ["proposed", "proposed"]
    assert case.conn.execute(
        "SELECT reviewed_by, confirmed_by FROM conversation_review"
    ).fetchone() == ("Ada", None)
    ada.set_session(None)  # closes the case

    mia = make_window("Mia", Role.MINISTER, on=open_case(case.path))
    qtbot.waitUntil(
        lambda: "2 unconfirmed" not in mia.status_label.text() and mia.summary is not None
    )
    assert mia.summary.total.unconfirmed == 10
    # After reading the summary, the minister confirms everything at once: the real
    # modal dialog is shown and its button clicked (exec is not replaced, so a dialog
    # without the button, or no dialog, fails here).
    seen: list[tuple[str, bool]] = []

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        seen.append((type(dialog).__name__, dialog.confirm_button.isVisible()))
        dialog.confirm_button.click()

    QTimer.singleShot(0, answer)
    mia.show_summary(offer_confirm=True)
    assert seen == [("SummaryDialog", True)]
    case = mia.session.service.case
    assert _statuses(case) == ["confirmed", "confirmed"]
    assert (
        case.conn.execute("SELECT count(confirmed_by) FROM conversation_review").fetchone()[0] == 3
    )
    qtbot.waitUntil(lambda: "0 unconfirmed" in mia.status_label.text())
    entries = [e for e in case.conn.execute("SELECT entry FROM review_log")]
    assert any('"actor":"Mia"' in e[0] and '"action":"confirm"' in e[0] for e in entries)


def test_a_changed_log_entry_is_detected_on_open(make_window, case, shown) -> None:  # type: ignore[no-untyped-def]
    w = make_window()
    w.mark("private")
    w.set_session(None)
    case = open_case(case.path)
    with case.transaction() as c:
        c.execute(
            "UPDATE review_log SET entry = replace(entry, 'private', 'business')"
            " WHERE entry LIKE '%\"action\":\"label\"%'"
        )
        (seq,) = c.execute("SELECT seq FROM review_log WHERE entry LIKE '%business%'").fetchone()
    w = make_window(on=case)
    assert not w.banner.isHidden()
    assert "review log of this case has been altered" in w.banner.text()
    assert shown["error"] and f"entry {seq}" in shown["error"][0]


def test_an_intact_log_says_so(make_window, shown) -> None:  # type: ignore[no-untyped-def]
    w = make_window()
    w.act.verify_log.trigger()
    assert w.banner.isHidden()
    assert shown["info"] == ["The review log is complete and unaltered."]


def test_search_highlights_and_jumps_to_the_message(make_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    w = make_window()
    w.step_conversation(2)  # away from the conversation with the hits
    w.search_edit.setText("begroting")
    qtbot.keyClick(w.search_edit, Qt.Key.Key_Return)
    assert w.search_model.rowCount() == 2
    assert w.left_tabs.currentWidget() is w.search_pane
    w._hit_activated(w.search_model.index(1, 0))
    hit = w.search_model.hits[1]
    assert w.current_conversation_id() == hit.conversation_id
    index = w.transcript.currentIndex()
    assert index.data(roles.ID) == hit.message_id
    spans = w.msg_model.index(index.row(), mm.COL_TEXT).data(roles.SPANS)
    assert any(kind == "hit" for _, _, kind in spans)
    assert (
        "background:#ffe27a" in w.details.text.toHtml().replace(" ", "")
        or "ffe27a" in w.details.text.toHtml()
    )


def test_a_suggestion_stays_a_suggestion_until_clicked(make_window, case) -> None:  # type: ignore[no-untyped-def]
    w = make_window()
    # "moeder" and "ziekenhuis" are in the Dutch lexicon the case was seeded with
    row = next(
        r
        for r in range(w.msg_model.rowCount())
        if "ziekenhuis" in w.msg_model.index(r, mm.COL_TEXT).data()
    )
    index = w.msg_model.index(row, mm.COL_LABEL)
    assert index.data(roles.SUGGESTION) == "private"
    assert index.data(roles.EFFECTIVE) == ("business", "default")
    assert "Suggested by the lexicon" in index.data(Qt.ItemDataRole.ToolTipRole)
    assert case.conn.execute("SELECT count(*) FROM message_labels").fetchone()[0] == 0
    # the click decides, and the suggestion is no longer shown
    w.msg_model.setData(
        w.msg_model.index(row, mm.COL_PRIVATE),
        Qt.CheckState.Checked,
        Qt.ItemDataRole.CheckStateRole,
    )
    assert w.msg_model.index(row, mm.COL_LABEL).data(roles.EFFECTIVE) == ("private", "own")
    assert w.msg_model.index(row, mm.COL_LABEL).data(roles.SUGGESTION) is None


def test_period_greys_out_of_period_messages(make_window, case) -> None:  # type: ignore[no-untyped-def]
    w = make_window()
    w.set_period({"period_start": "2023-03-13"})
    first = w.msg_model.index(1, mm.COL_TEXT)
    assert first.data(roles.OUT_OF_PERIOD) is True
    assert "out of period" in first.data(roles.BADGES)
    assert w.msg_model.index(6, mm.COL_TEXT).data(roles.OUT_OF_PERIOD) is False
    assert case.get_setting("period_start") == "2023-03-13"
    w.set_period({})
    assert case.get_setting("period_start") is None


def test_date_filter_limits_the_transcript(make_window) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QDate

    w = make_window()
    w.date_bar.date_from.setDate(QDate(2023, 3, 13))
    w.date_bar.use_from.setChecked(True)
    assert w.msg_model.rowCount() == 2
    assert w.conv_proxy.rowCount() == 2  # Piet's chat ended before


def test_the_real_worker_thread(qtbot, case) -> None:  # type: ignore[no-untyped-def]
    from chatsafe.gui.main_window import MainWindow
    from chatsafe.gui.session import Reviewer, Session
    from chatsafe.gui.tasks import ThreadRunner

    runner = ThreadRunner()
    results: list[object] = []
    runner.run(lambda: 41 + 1, results.append)
    runner.run(lambda: 1 / 0, None, results.append)
    qtbot.waitUntil(lambda: len(results) == 2)
    assert results[0] == 42 and isinstance(results[1], ZeroDivisionError)

    w = MainWindow(runner)
    qtbot.addWidget(w)
    w.set_session(Session(case, Reviewer("Ada", Role.ASSISTANT), runner))
    qtbot.waitUntil(lambda: w.conv_model.rowCount() == 3 and w.msg_model.rowCount() == 7)
    w.mark("private")
    qtbot.waitUntil(lambda: w.conv_model.conversation(0).label == "private")
    qtbot.waitUntil(lambda: w.status_label.text().startswith("4 messages will leave"))
    w.session.reader.close()
    w.session = None
    runner.shutdown()


def test_date_filter_starts_at_the_period(qtbot) -> None:  # type: ignore[no-untyped-def]
    from chatsafe.gui.panes import DateFilterBar

    bar = DateFilterBar()
    qtbot.addWidget(bar)
    bar.set_period("2024-03-01", "2024-03-31")
    assert bar.range() == (None, None)  # nothing filtered until a box is ticked
    bar.use_from.setChecked(True)
    bar.use_to.setChecked(True)
    assert bar.range() == ("2024-03-01", "2024-03-31")
    bar.date_from.setDate(bar.date_from.date().addDays(5))
    bar.set_period("2024-01-01", None)  # a ticked field keeps what the reviewer chose
    assert bar.range()[0] == "2024-03-06"


def test_the_log_is_checked_in_pieces_on_open(make_window, case, shown, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """A long log is checked a piece at a time (each piece queued behind the user's
    reads); the pieces together find what one check finds, wherever the change is."""
    from chatsafe.review import log as review_log

    monkeypatch.setattr(review_log.ChainCheck, "SIZE", 1)
    pieces: list[int] = []
    step = review_log.ChainCheck.step
    monkeypatch.setattr(
        review_log.ChainCheck, "step", lambda self, c, size=None: pieces.append(1) or step(self, c, size)
    )
    w = make_window()
    w.mark("private")
    w.mark(None)
    w.mark("private")
    w.set_session(None)
    assert len(pieces) >= 2  # the check on the first open, in pieces
    pieces.clear()
    case = open_case(case.path)
    total = case.conn.execute("SELECT count(*) FROM review_log").fetchone()[0]
    assert total >= 4
    with case.transaction() as c:
        c.execute(
            "UPDATE review_log SET entry = replace(entry, 'private', 'business') WHERE seq ="
            " (SELECT max(seq) FROM review_log WHERE entry LIKE '%\"action\":\"label\"%')"
        )
        (seq,) = c.execute(
            "SELECT max(seq) FROM review_log WHERE entry LIKE '%\"action\":\"label\"%'"
        ).fetchone()
    w = make_window(on=case)
    assert len(pieces) == total + 1  # one entry a piece, and the piece that finds the end
    assert not w.banner.isHidden()
    assert shown["error"] and f"entry {seq}" in shown["error"][0]
