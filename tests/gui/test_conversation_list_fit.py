"""The conversation list fits (issue 14, item 2): title, participants, period, counts,
label and review state readable at 1280x800 and 1366x768 in Dutch, without scrolling
sideways, with the filter combos not cut; still sortable and filterable."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics

from chatsafe.gui import conversation_model as cm
from chatsafe.gui.conversation_delegate import PAD, lines_of
from chatsafe.review.labels import Role


@pytest.fixture
def dutch(qapp):  # type: ignore[no-untyped-def]
    from chatsafe.gui import i18n

    i18n.install(qapp, "nl")
    yield
    i18n.install(qapp, "en")


@pytest.mark.parametrize("size", [(1280, 800), (1366, 768)])
def test_the_list_fits_without_scrolling_sideways(make_window, qtbot, dutch, size) -> None:  # type: ignore[no-untyped-def]
    w = make_window("Mia", Role.MINISTER)
    w.mark_conversation(w.current_conversation_id(), "private")
    # As the app opens on such a screen: the window at that size, then shown.
    w.hide()
    w._split_sized = False
    w.resize(*size)
    w.show()
    qtbot.wait(50)
    view = w.conv_view
    shown = [c for c in range(view.model().columnCount()) if not view.isColumnHidden(c)]
    assert shown == [cm.COL_PRIVATE, cm.COL_PARTY, cm.COL_TITLE]
    assert sum(view.columnWidth(c) for c in shown) <= view.viewport().width()
    # Every line of every row is whole: nothing elided at this width.
    fm = QFontMetrics(view.font())
    room = view.columnWidth(cm.COL_TITLE) - 2 * PAD
    model = w.conv_model
    for row in range(model.rowCount()):
        title, people, period, review, app = lines_of(model, row)
        r = model.conversation(row)
        assert r.title == title and all(p in people for p in r.participants)
        assert "berichten" in period and " 2023" in period  # counts and Dutch dates
        assert review  # "Niet beoordeeld", "Bevestigd door …"
        label = model.index(row, cm.COL_TITLE).data(Qt.ItemDataRole.DecorationRole)
        assert (label is not None) == bool(r.label)
        for text, extra in (
            (title, 2 * fm.height()),
            (people, fm.horizontalAdvance(app) + 2 * PAD),
            (period, 0),
            (review, 0),
        ):
            assert fm.horizontalAdvance(text) + extra <= room, (size, text)
    # The filter combos show their whole text, whichever choice is made.
    bar = w.filter_bar
    for combo in (bar.app, bar.label, bar.review, bar.sort):
        cfm = QFontMetrics(combo.font())
        for i in range(combo.count()):
            needed = cfm.horizontalAdvance(combo.itemText(i))
            assert needed + 24 <= combo.width(), (size, combo.itemText(i), combo.width())


def test_still_sortable_and_filterable(make_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    w = make_window()
    bar, proxy = w.filter_bar, w.conv_proxy

    def titles() -> list[str]:
        return [proxy.index(r, cm.COL_TITLE).data() for r in range(proxy.rowCount())]

    assert titles() == ["Anna de Vries", "Piet", "Secretaris"]  # as imported
    bar.sort.setCurrentIndex(bar.sort.findText("Most messages"))
    assert titles()[0] == "Anna de Vries"
    bar.sort.setCurrentIndex(bar.sort.findText("Newest first"))
    assert titles() == ["Secretaris", "Anna de Vries", "Piet"]
    w.reload_conversations()  # a reload keeps the chosen order
    assert titles() == ["Secretaris", "Anna de Vries", "Piet"]
    bar.text.setText("piet")
    assert titles() == ["Piet"]
