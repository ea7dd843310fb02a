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
