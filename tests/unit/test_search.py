"""Full-text search over the encrypted index: safe queries, snippets with spans."""

from __future__ import annotations

from pathlib import Path

import pytest

from chatsafe.importers.base import ImportContext
from chatsafe.ingest import import_paths
from chatsafe.review import search
from chatsafe.store import create_case

CHAT = (
    "12-03-2023 09:15 - Anna: Hoe gaat het met de begroting?\n"
    '12-03-2023 09:16 - Minister: De begroting is af. Ook "AND" -NOT (x\n'
    "12-03-2023 09:17 - Anna: Café morgen?\n"
)


@pytest.fixture
def case(tmp_path: Path):  # type: ignore[no-untyped-def]
    export = tmp_path / "WhatsApp-chat met Anna.txt"
    export.write_text(CHAT, encoding="utf-8")
    with create_case(tmp_path / "c.chatsafe") as case:
        import_paths(case, [export], ImportContext(owner="Minister"))
        yield case


def test_fts_query_quotes_every_word() -> None:
    assert search.fts_query('"AND" -NOT (x') == '"AND" "NOT" "x"*'
    assert search.fts_query("  ...  ") is None


def test_search_finds_words_with_spans(case) -> None:  # type: ignore[no-untyped-def]
    hits = search.search(case.conn, "begroting")
    assert len(hits) == 2
    for hit in hits:
        assert hit.title == "Anna"
        ((a, b),) = hit.spans
        assert hit.snippet[a:b].lower() == "begroting"
    assert search.search(case.conn, "begr")  # the last word is a prefix
    assert search.search(case.conn, "cafe")  # diacritics do not matter
    assert search.search(case.conn, '"AND" -NOT (x')  # user text is never FTS5 syntax
    assert search.search(case.conn, "") == []


def test_search_in_one_conversation(case) -> None:  # type: ignore[no-untyped-def]
    cid = search.search(case.conn, "begroting")[0].conversation_id
    assert len(search.message_ids(case.conn, "begroting", cid)) == 2
    assert search.message_ids(case.conn, "begroting", cid + 1) == set()
    assert search.search(case.conn, "begroting", conversation_id=cid + 1) == []


def test_highlight_spans() -> None:
    text = "De Begroting en begrotingen"
    assert search.highlight_spans(text, "begroting") == [(3, 12), (16, 27)]
    assert search.highlight_spans(text, "") == []


def test_counts_every_hit_and_pages_through_all(tmp_path: Path) -> None:
    """No silent cap (issue 14): 700 hits are counted as 700 and every one can be
    fetched, page by page, each once, in order."""
    lines = [f"12-03-2023 {9 + i // 60:02d}:{i % 60:02d} - Anna: overleg nummer {i}" for i in range(700)]
    lines.append("12-03-2023 23:00 - Anna: iets anders")
    export = tmp_path / "WhatsApp-chat met Anna.txt"
    export.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with create_case(tmp_path / "c.chatsafe") as case:
        import_paths(case, [export], ImportContext(owner="Minister"))
        first = search.page(case.conn, "overleg", limit=200)
        assert first.total == 700 and len(first.hits) == 200
        seen = [h.message_id for h in first.hits]
        after = first.last_id
        while after is not None:
            more = search.page(case.conn, "overleg", after=after, limit=200)
            seen += [h.message_id for h in more.hits]
            after = more.last_id
        assert len(seen) == len(set(seen)) == 700 and seen == sorted(seen)
        assert search.count(case.conn, "anders") == 1
        assert search.count(case.conn, "") == 0
        hit = first.hits[0]
        ((a, b),) = hit.spans
        assert hit.snippet[a:b] == "overleg"
