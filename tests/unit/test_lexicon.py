"""Keyword lexicons: seeding, editing (logged), and matching that only suggests."""

from __future__ import annotations

from pathlib import Path

import pytest

from chatsafe.domain import Label
from chatsafe.review import lexicon, log
from chatsafe.review.labels import ReviewError, Role
from chatsafe.store import create_case


@pytest.fixture
def case(tmp_path: Path):  # type: ignore[no-untyped-def]
    with create_case(tmp_path / "c.chatsafe") as case:
        yield case


def test_parse_lexicon_sections_and_comments() -> None:
    entries = lexicon.parse_lexicon("# x\n[private]\nziek\n\n[party_political]\nfractie\n")
    assert entries == [("ziek", Label.PRIVATE), ("fractie", Label.PARTY_POLITICAL)]
    with pytest.raises(ValueError):
        lexicon.parse_lexicon("ziek\n")
    with pytest.raises(ValueError):
        lexicon.parse_lexicon("[business]\nwerk\n")


def test_resource_lexicons_parse() -> None:
    for lang in ("nl", "en"):
        path = lexicon.resource_file(lang)
        assert path is not None
        entries = lexicon.parse_lexicon(path.read_text(encoding="utf-8"))
        assert {label for _, label in entries} == set(lexicon.SUGGESTING)


def test_seed_once_and_removed_terms_stay_removed(case) -> None:  # type: ignore[no-untyped-def]
    with case.transaction() as c:
        n = lexicon.seed(c, "nl")
    assert n > 50
    terms = lexicon.terms(case.conn)
    fractie = next(t for t in terms if t.term == "fractie")
    assert fractie.label is Label.PARTY_POLITICAL
    with case.transaction() as c:
        lexicon.remove_term(c, fractie.id, by="Ada", role=Role.ASSISTANT)
        assert lexicon.seed(c, "nl") == 0
    assert "fractie" not in {t.term for t in lexicon.terms(case.conn)}


def test_add_and_remove_are_logged(case) -> None:  # type: ignore[no-untyped-def]
    with case.transaction() as c:
        tid = lexicon.add_term(c, "nl", "zeilen", Label.PRIVATE, by="Ada", role=Role.ASSISTANT)
        lexicon.remove_term(c, tid, by="Ada", role=Role.ASSISTANT)
    actions = [e for e in log.entries(case.conn)]
    assert '"action":"lexicon-add"' in actions[0]
    assert '"action":"lexicon-remove"' in actions[1]
    assert log.verify(case.conn) == []
    with pytest.raises(ReviewError), case.transaction() as c:
        lexicon.add_term(c, "nl", "  ", Label.PRIVATE, by="Ada", role=Role.ASSISTANT)
    with pytest.raises(ReviewError), case.transaction() as c:
        lexicon.add_term(c, "nl", "werk", Label.BUSINESS, by="Ada", role=Role.ASSISTANT)


def test_matcher_whole_words_prefix_and_phrases() -> None:
    m = lexicon.Matcher(
        [
            ("ziek", Label.PRIVATE),
            ("campagne*", Label.PARTY_POLITICAL),
            ("Partij voor de Dieren", Label.PARTY_POLITICAL),
        ]
    )
    text = "Ziekenhuis? Nee, ZIEK thuis. Campagneteam van de partij  voor de dieren."
    found = [(text[x.start : x.end], x.label) for x in m.matches(text)]
    assert found == [
        ("ZIEK", Label.PRIVATE),
        ("Campagneteam", Label.PARTY_POLITICAL),
        ("partij  voor de dieren", Label.PARTY_POLITICAL),
    ]
    assert m.suggestion(text) is Label.PARTY_POLITICAL
    assert m.suggestion("ziek") is Label.PRIVATE
    assert m.suggestion("niets") is None
    assert lexicon.Matcher([]).matches("ziek") == []
