"""The "what will leave" page (issue 14): reachable by a button and a key, computed on
the worker, the same numbers as the command line, rows that open their conversation."""

from __future__ import annotations

import json

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QToolButton

from chatsafe.cli import main as cli_main
from chatsafe.gui.summary_page import ID_ROLE, categories
from chatsafe.review.labels import Role
from chatsafe.review.summary import Counts


def _open_page(w, qtbot):  # type: ignore[no-untyped-def]
    w.act.summary.trigger()
    qtbot.waitUntil(lambda: w.leaving.page.summary is not None)
    return w.leaving.page


def _column(page, field: str) -> int:  # type: ignore[no-untyped-def]
    return 1 + [c.field for c in page.model.cats].index(field)


def test_page_is_a_visible_button_and_a_shortcut(make_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    w = make_window("Mia", Role.MINISTER)
    button = w.leaving.button
    assert button.defaultAction() is w.act.summary and button.isVisible()
    assert button in w.statusBar().findChildren(QToolButton)
    assert w.act.summary in w.menuBar().actions()[1].menu().actions()
    assert w.act.summary.shortcut().toString() == "Ctrl+Shift+S"
    button.click()
    page = w.leaving.page
    qtbot.waitUntil(lambda: page.summary is not None)
    assert w.stack.currentWidget() is page
    qtbot.keyClick(page.table, Qt.Key.Key_Escape)
    assert w.stack.currentWidget() is w.review_page
    w.act.summary.trigger()
    assert w.stack.currentWidget() is page
    w.act.summary.trigger()  # the same key goes back
    assert w.stack.currentWidget() is w.review_page


def test_numbers_are_the_command_lines(make_window, case, qtbot, capsys) -> None:  # type: ignore[no-untyped-def]
    w = make_window("Ada", Role.ASSISTANT)
    piet = next(r.id for r in w.conv_model._rows if r.title == "Piet")
    w.mark_conversation(piet, "party_political")
    buro = next(r.id for r in w.conv_model._rows if r.title == "Secretaris")
    w.mark_conversation(buro, "private")
    # Piet's chat (February) and Anna's first day (12 March) fall outside the period.
    w.set_period({"period_start": "2023-03-13", "period_end": "2023-12-31"})
    page = _open_page(w, qtbot)
    # The command line opens the same case beside the app (WAL lets both read).
    assert cli_main(["stats", "--json", str(case.path)]) == 0
    stats = json.loads(capsys.readouterr().out)
    by_id = {int(c["id"]): c for c in stats["conversations"]}
    model = page.model
    assert model.rowCount() == len(by_id) == 3
    seen = set()
    for row in range(model.rowCount()):
        cid = model.conversation_id(row)
        conv = by_id[cid]
        seen.add(cid)
        assert model.count(row, "business") == conv["leaving"]
        in_period = sum(model.count(row, f) for f in ("business", "private", "party_political"))
        assert in_period == conv["in_period"]
        assert model.count(row, "out_of_period") == conv["messages"] - conv["in_period"]
    assert seen == set(by_id)
    assert model.count(model_row(model, buro), "private") == by_id[buro]["in_period"] == 2
    assert model.count(model_row(model, piet), "out_of_period") == 2
    assert model.count(model_row(model, piet), "party_political") == 0
    anna = next(c for c in by_id if c not in (piet, buro))
    assert model.count(model_row(model, anna), "out_of_period") == 4
    assert model.count(model_row(model, anna), "business") == by_id[anna]["leaving"] > 0
    # The totals in words, Dutch-style numbers, and the period explained.
    totals = page.totals.text()
    leaving = sum(c["leaving"] for c in stats["conversations"])
    assert f"<b>{leaving}</b> message" in totals and "go to the archive" in totals
    assert "behind: private" in totals and "outside the period" in totals
    assert "13 Mar 2023" in page.period.text() and "31 Dec 2023" in page.period.text()
    assert "in-scope period" in page.period.text()


def model_row(model, cid: int) -> int:  # type: ignore[no-untyped-def]
    return next(r for r in range(model.rowCount()) if model.conversation_id(r) == cid)


def test_clicking_a_row_opens_the_conversation(make_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    w = make_window("Ada", Role.ASSISTANT)
    page = _open_page(w, qtbot)
    first = w.current_conversation_id()
    target = next(
        page.proxy.index(r, 0)
        for r in range(page.proxy.rowCount())
        if page.proxy.index(r, 0).data(ID_ROLE) != first
    )
    cid = target.data(ID_ROLE)
    rect = page.table.visualRect(target)
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert w.stack.currentWidget() is w.review_page
    assert w.current_conversation_id() == cid
    assert w.msg_model.conversation_id == cid


def test_page_is_counted_on_the_worker(make_window, qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """The page asks the session's worker for the summary; it never counts itself."""
    w = make_window("Ada", Role.ASSISTANT)
    reads = []
    real = w.session.read

    def spy(fn, done, error=None):  # type: ignore[no-untyped-def]
        reads.append(fn)
        return real(fn, done, error)

    monkeypatch.setattr(w.session, "read", spy)
    w.act.summary.trigger()
    assert reads, "the summary is read through the worker"
    assert w.leaving.page.summary is not None


def test_page_is_generic_over_the_cores_categories() -> None:
    """A column per count the core has; a new count (doubts) appears by itself."""
    shown = [c.field for c in categories()]
    counted = {f for f in Counts.__dataclass_fields__}
    assert set(shown) <= counted
    assert {"business", "private", "party_political", "out_of_period", "unreviewed"} <= set(shown)
    assert ("doubts" in shown) == ("doubts" in counted)


def test_page_speaks_plain_dutch(make_window, qtbot, qapp) -> None:  # type: ignore[no-untyped-def]
    from chatsafe.gui import i18n

    i18n.install(qapp, "nl")
    try:
        w = make_window("Mia", Role.MINISTER)
        w.mark_conversation(next(iter(w.conv_model.titles())), "private")
        w.set_period({"period_start": "2023-03-01", "period_end": ""})
        page = _open_page(w, qtbot)
        totals = page.totals.text()
        assert "gaan naar het archief" in totals or "gaat naar het archief" in totals
        assert "blijven achter: privé" in totals or "blijft achter: privé" in totals
        assert "Periode: vanaf 1 mrt 2023, zonder einddatum." in page.period.text()
        assert "ambtstermijn" in page.period.text()
        headers = [
            page.model.headerData(c, Qt.Orientation.Horizontal)
            for c in range(page.model.columnCount())
        ]
        assert headers[:3] == ["Gesprek", "Gaat naar\nhet archief", "Blijft achter:\nprivé"]
        assert w.act.summary.text() == "&Wat gaat naar het archief"
    finally:
        i18n.install(qapp, "en")
