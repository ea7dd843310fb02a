"""The rules and lexicon dialogs (issue 14, small ones): wide enough for "Partijpolitiek"
in Dutch, and after a change they say how many conversations it touched."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication

from chatsafe.gui import i18n
from chatsafe.gui.operations.editors import LexiconOp, RulesOp
from chatsafe.gui.review_dialogs import LexiconDialog, RulesDialog
from chatsafe.review.labels import Role


@pytest.fixture
def dutch(qapp: QApplication) -> Iterator[None]:
    i18n.install(qapp, "nl")
    yield
    i18n.install(qapp, "en")


def _fits(table, column: int, text: str) -> bool:  # type: ignore[no-untyped-def]
    needed = table.fontMetrics().horizontalAdvance(text) + table.iconSize().width()
    return table.columnWidth(column) >= needed


def test_a_rule_says_how_many_conversations_it_changed(dutch, make_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = make_window(role=Role.MINISTER)
    s = window.session
    op = RulesOp(s, window)
    op.dialog = RulesDialog(window, s.reader.rules(), s.reader.contacts(), op._add, op._remove)
    qtbot.addWidget(op.dialog)
    op.dialog.show()
    op._add("Piet", "party_political", None)
    assert op.dialog.feedback.text() == "Regel toegevoegd: 1 gesprek gewijzigd."
    assert op.dialog.table.item(0, 1).text() == "Partijpolitiek"
    assert _fits(op.dialog.table, 1, "Partijpolitiek")
    op.dialog.table.setCurrentCell(0, 0)
    op._remove("Piet")
    assert op.dialog.feedback.text().startswith("Regel verwijderd.")
    # A contact with no one-to-one conversation changes nothing, and says so.
    op._add("Niemand", "private", None)
    assert op.dialog.feedback.text() == "Regel toegevoegd: 0 gesprekken gewijzigd."


def test_a_lexicon_term_says_where_it_now_suggests(dutch, make_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    s = window.session
    op = LexiconOp(s, window)
    op.dialog = LexiconDialog(window, s.reader.lexicon_terms(), op._add, op._remove)
    qtbot.addWidget(op.dialog)
    op.dialog.show()
    op._add("begroting", "party_political")  # twice in Anna's conversation only
    text = op.dialog.feedback.text()
    assert text == "Term toegevoegd: hij komt voor in 1 gesprek, dat nu een suggestie toont."
    op._add("de*", "party_political")  # "de begroting", "de ministerraad"
    assert "in 2 gesprekken, die nu" in op.dialog.feedback.text()
    op._add("minist", "private")  # a whole word: "ministerraad" is not it
    assert "in 0 gesprekken" in op.dialog.feedback.text()
    row = [op.dialog.table.item(i, 0).text() for i in range(op.dialog.table.rowCount())]
    assert "begroting" in row
    assert _fits(op.dialog.table, 1, "Partijpolitiek")
