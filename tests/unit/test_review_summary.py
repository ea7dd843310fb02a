"""What leaves (review/summary.py): the period, hand marks over conversation marks,
events, review state; the counts and the payload's ids agree."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from chatsafe.domain import Label
from chatsafe.review.labels import Role
from chatsafe.review.summary import Scope, leaves
from chatsafe.service import CaseService
from tests.unit.review_case import (
    conv,
    conversation_id,
    event,
    ids_by_text,
    import_spec,
    msg,
    new_service,
)

ADA = {"by": "Ada", "role": Role.ASSISTANT}
MIA = {"by": "Mia", "role": Role.MINISTER}


@pytest.fixture
def service(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[CaseService]:
    s = new_service(tmp_path)
    import_spec(
        s,
        tmp_path,
        [
            conv(
                "werk",
                [
                    msg("Eline", "2024-01-31", "voor", 1),
                    msg("Eline", "2024-02-01", "begin", 2),
                    event("2024-02-10", "Eline heeft Piet toegevoegd", 3),
                    msg("Piet", "2024-02-15", "ziekenhuis", 4),
                    msg("Eline", "2024-02-29", "einde", 5),
                    msg("Eline", "2024-03-01", "na", 6),
                    event("2024-03-02", "na-event", 7),
                ],
                ["Minister", "Eline", "Piet"],
                group=True,
            )
        ],
        monkeypatch,
    )
    s.set_period("2024-02-01", "2024-02-29", by="IT", role=Role.IT)
    yield s
    s.close()


def test_the_rule_itself() -> None:
    assert leaves("message", True, "business", False)
    assert not leaves("message", False, "business", True)  # out of period
    assert not leaves("message", True, "private", True)
    assert leaves("event", True, "business", True)
    assert not leaves("event", True, "business", False)  # nothing of its conversation leaves
    assert not leaves("event", True, "private", True)  # withheld with its conversation


def test_scope_bounds_are_inclusive_and_open_ends_are_open() -> None:
    feb = Scope("2024-02-01", "2024-02-29")
    assert feb.contains("2024-02-01T00:00:00") and feb.contains("2024-02-29T23:59:59")
    assert not feb.contains("2024-01-31T23:59:59") and not feb.contains("2024-03-01T00:00:00")
    assert Scope(None, "2024-02-29").contains("1999-01-01T00:00:00")
    assert Scope().contains("2099-01-01T00:00:00")


def test_the_period_decides_first(service: CaseService) -> None:
    cid = conversation_id(service, "werk")
    counts = service.summary().conversations[cid]
    assert counts.out_of_period == 2  # "voor" and "na"; events are not counted there
    assert counts.in_period == counts.business == counts.leaving == 3
    assert counts.leaving_events == 1  # the in-period event; "na-event" is out of period
    ids = ids_by_text(service, cid)
    assert service.leaving_ids(cid) == [
        ids[t] for t in ("begin", "Eline heeft Piet toegevoegd", "ziekenhuis", "einde")
    ]


def test_a_message_mark_overrides_the_conversation_mark(service: CaseService) -> None:
    cid = conversation_id(service, "werk")
    ids = ids_by_text(service, cid)
    service.mark_conversations([cid], Label.PRIVATE, **ADA)
    service.mark_messages([ids["begin"]], Label.BUSINESS, **ADA)
    counts = service.summary().conversations[cid]
    assert (counts.business, counts.private) == (1, 2)
    # The event has the conversation's label: withheld although "begin" leaves.
    assert service.leaving_ids(cid) == [ids["begin"]]
    rows = service.message_rows([ids["begin"], ids["einde"]])
    assert (rows[ids["begin"]].effective_label, rows[ids["begin"]].label_source) == (
        "business",
        "message",
    )
    assert (rows[ids["einde"]].effective_label, rows[ids["einde"]].label_source) == (
        "private",
        "conversation",
    )


def test_marking_the_event_withholds_it(service: CaseService) -> None:
    cid = conversation_id(service, "werk")
    ids = ids_by_text(service, cid)
    service.mark_messages([ids["Eline heeft Piet toegevoegd"]], Label.PRIVATE, **ADA)
    assert ids["Eline heeft Piet toegevoegd"] not in service.leaving_ids(cid)
    assert service.summary().conversations[cid].leaving_events == 0


def test_no_business_message_in_the_period_means_no_event_leaves(service: CaseService) -> None:
    cid = conversation_id(service, "werk")
    ids = ids_by_text(service, cid)
    service.mark_messages([ids[t] for t in ("begin", "ziekenhuis", "einde")], Label.PRIVATE, **ADA)
    assert service.leaving_ids(cid) == []
    assert service.summary().conversations[cid].leaving_events == 0


def test_review_state_counts(service: CaseService) -> None:
    cid = conversation_id(service, "werk")
    ids = ids_by_text(service, cid)
    before = service.summary().conversations[cid]
    assert (before.unreviewed, before.unconfirmed) == (3, 3)
    service.mark_messages([ids["ziekenhuis"]], Label.PRIVATE, **ADA)
    service.mark_reviewed(cid, **ADA)
    middle = service.summary().conversations[cid]
    assert (middle.unreviewed, middle.unconfirmed) == (0, 3)
    service.confirm([cid], **MIA)
    after = service.summary().conversations[cid]
    assert (after.unreviewed, after.unconfirmed) == (0, 0)


def test_clearing_the_period_brings_everything_in(service: CaseService) -> None:
    cid = conversation_id(service, "werk")
    changes = service.set_period(None, None, by="IT", role=Role.IT)
    assert changes.settings and changes.count == 2
    assert service.scope() == Scope(None, None)
    counts = service.summary().conversations[cid]
    assert (counts.out_of_period, counts.leaving, counts.leaving_events) == (0, 5, 2)
