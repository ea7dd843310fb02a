"""Contact rules (review/rules.py): who they match, what they mark, what they leave alone."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from chatsafe.domain import Label
from chatsafe.review.labels import Role
from chatsafe.review.rules import _matches
from chatsafe.service import CaseService
from tests.unit.review_case import conv, conversation_id, import_spec, msg, new_service

IT = {"by": "IT", "role": Role.IT}


@pytest.fixture
def service(tmp_path: Path) -> Iterator[CaseService]:
    s = new_service(tmp_path)
    yield s
    s.close()


@pytest.mark.parametrize(
    ("rule", "name", "same"),
    [
        ("+31 6 1234 5678", "06-12345678", True),  # the same mobile number, two notations
        ("0031612345678", "+31612345678", True),
        ("+31 6 1234 5678", "+31 6 1234 5679", False),
        ("Piet de Vries", "  piet DE vries ", True),  # names: case and spaces do not count
        ("Piet", "Piet de Vries", False),  # no partial names
        ("112", "112", True),  # short numbers compare as text
        ("Team 2024-2025", "Team 2024 2025", False),  # a name with digits is not a number
    ],
)
def test_contact_matching(rule: str, name: str, same: bool) -> None:
    assert _matches(rule, name) is same


def _case(service: CaseService, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import_spec(
        service,
        tmp_path,
        [
            conv("piet", [msg("06-12345678", "2024-03-01", "hoi")], ["Minister", "06-12345678"]),
            conv("anna", [msg("Anna", "2024-03-01", "agenda")], ["Minister", "Anna"]),
            conv(
                "werkgroep",
                [msg("06-12345678", "2024-03-01", "stukken")],
                ["Minister", "06-12345678", "Anna"],
                group=True,
            ),
        ],
        monkeypatch,
    )


def test_a_rule_marks_one_to_one_conversations_only(
    service: CaseService, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _case(service, tmp_path, monkeypatch)
    changes = service.add_contact_rule("+31 6 1234 5678", Label.PRIVATE, **IT)
    assert changes.rules and changes.count == 1
    rows = {r.title: r for r in service.conversation_rows()}
    assert rows["piet"].label == "private" and rows["piet"].status == "proposed"
    assert rows["werkgroep"].label is None  # a group is left to the reviewer
    assert rows["anna"].label is None


def test_a_rule_never_overrides_a_hand_mark(
    service: CaseService, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _case(service, tmp_path, monkeypatch)
    piet = conversation_id(service, "piet")
    service.mark_conversations([piet], Label.BUSINESS, by="Mia", role=Role.MINISTER)
    service.add_contact_rule("06 12345678", Label.PRIVATE, **IT)
    (row,) = service.conversation_rows([piet])
    assert row.label == "business" and row.status == "confirmed"


def test_a_rule_applies_to_a_later_import(
    service: CaseService, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    service.add_contact_rule("Anna", Label.PARTY_POLITICAL, **IT)
    _case(service, tmp_path, monkeypatch)
    rows = {r.title: r for r in service.conversation_rows()}
    assert rows["anna"].label == "party_political"
    assert service.summary().conversations[rows["anna"].id].leaving == 0


def test_removing_a_rule_keeps_the_marks_it_made(
    service: CaseService, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _case(service, tmp_path, monkeypatch)
    service.add_contact_rule("Anna", Label.PRIVATE, **IT)
    service.remove_contact_rule("Anna", **IT)
    assert service.rules() == []
    # The marks are decisions in the log now; removing the rule does not undo them.
    assert {r.title: r.label for r in service.conversation_rows()}["anna"] == "private"
