"""The seeded Dutch lexicon suggests the word the law itself uses (issue 14)."""

from __future__ import annotations

from chatsafe.domain import Label
from chatsafe.review import lexicon


def test_dutch_lexicon_knows_partijpolitiek() -> None:
    path = lexicon.resource_file("nl")
    assert path is not None
    m = lexicon.Matcher(lexicon.parse_lexicon(path.read_text(encoding="utf-8")))
    assert m.suggestion("Dit is partijpolitiek, niet voor het archief.") is Label.PARTY_POLITICAL
    assert m.suggestion("Een partijpolitieke kwestie") is Label.PARTY_POLITICAL
