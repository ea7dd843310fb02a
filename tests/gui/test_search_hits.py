"""Search that shows its hits (issue 14): the text around the match with the match
highlighted and in view, and an honest count of every hit, fetched as the list scrolls."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QFont, QFontMetrics

from chatsafe.gui import roles
from chatsafe.gui.search_pane import window_on_hit
from chatsafe.importers.base import ImportContext
from chatsafe.ingest import import_paths
from chatsafe.review.labels import Role
from chatsafe.store import create_case


def test_each_hit_shows_the_text_around_the_match(make_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    w = make_window()
    w.run_search("ziekenhuis")
    assert w.search_model.rowCount() == 1
    index = w.search_model.index(0, 0)
    text = index.data()
    ((a, b, kind),) = index.data(roles.SPANS)
    assert text[a:b] == "ziekenhuis" and kind == "hit"
    assert "moeder in het ziekenhuis" in text  # the words around it, not only the title
    hit = index.data(roles.ROW)
    assert hit.title == "Anna de Vries" and hit.sender == "Minister"
    # The row has room for two lines: where, then the text.
    hint = w.search_view.sizeHintForIndex(index)
    assert hint.height() >= 2 * QFontMetrics(w.search_view.font()).lineSpacing()
    assert "1 hit" in w.search_pane.count.text() and "ziekenhuis" in w.search_pane.count.text()


def test_a_match_far_into_a_long_message_is_scrolled_into_view() -> None:
    fm = QFontMetrics(QFont())
    text = "woord " * 80 + "begroting en nog meer tekst " * 5
    start = text.index("begroting")
    spans = [(start, start + len("begroting"), "hit")]
    width = 300
    assert fm.horizontalAdvance(text[: start + 9]) > width  # off-screen as it was
    shown, moved = window_on_hit(text, spans, width, fm)
    ((a, b, _k),) = moved
    assert shown.startswith("…") and shown[a:b] == "begroting"
    assert fm.horizontalAdvance(shown[:b]) <= width
    # A hit that fits already is left where it is.
    assert window_on_hit("de begroting", [(3, 12, "hit")], width, fm) == (
        "de begroting",
        [(3, 12, "hit")],
    )


def test_counts_every_hit_and_fetches_more_as_it_scrolls(  # type: ignore[no-untyped-def]
    make_window, tmp_path: Path, qtbot
) -> None:
    n = 450  # more than one page (200) and more than the old silent cap of a page
    lines = [f"12-03-2023 {9 + i // 60:02d}:{i % 60:02d} - Anna: overleg {i}" for i in range(n)]
    export = tmp_path / "WhatsApp-chat met Anna.txt"
    export.write_text("\n".join(lines) + "\n", encoding="utf-8")
    big = create_case(tmp_path / "big.chatsafe")
    import_paths(big, [export], ImportContext(owner="Minister"))
    w = make_window("Ada", Role.ASSISTANT, on=big)
    w.resize(1280, 800)
    w.run_search("overleg")
    model = w.search_model
    assert model.total == n
    assert f"{n} hit" in w.search_pane.count.text()
    assert model.rowCount() < n and "scroll down for more" in w.search_pane.count.text()
    for _ in range(10):
        w.search_view.scrollToBottom()
        qtbot.wait(10)
        if model.rowCount() == n:
            break
    assert model.rowCount() == n
    ids = [h.message_id for h in model.hits]
    assert len(set(ids)) == n
    assert "scroll down" not in w.search_pane.count.text()
    # A new search drops the old pages.
    w.run_search("overleg 7")  # the last word is a prefix: 7 and 70-79
    assert model.total == model.rowCount() == 11
