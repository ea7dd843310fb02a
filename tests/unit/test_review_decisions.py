"""Decisions of review that must never be lost or silently ignored (issue 10): events are
markable and withheld with their conversation, a new reason is a logged decision, and
``include_reasons`` covers conversations withheld entirely."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from chatsafe.bundle import exclusions
from chatsafe.bundle.payload import leaving_conversations
from chatsafe.domain import Label
from chatsafe.review import labels, log
from chatsafe.review.labels import Role
from chatsafe.review.summary import leaving_message_ids, summarize
from tests.bundle_support import build_case, message_ids


def spec() -> list[dict[str, Any]]:
    return [
        {
            "key": "werk",
            "title": "Werk",
            "is_group": True,
            "participants": ["Minister", "Piet"],
            "messages": [
                {"sender": "Minister", "wallclock": "2024-03-01T09:00:00", "text": "ZAKELIJK"},
                {
                    "kind": "event",
                    "event_type": "member_added",
                    "wallclock": "2024-03-01T09:01:00",
                    "text": "Minister heeft PIET-PRIVE toegevoegd",
                },
                {"sender": "Piet", "wallclock": "2024-03-01T09:02:00", "text": "PRIVE-TEKST"},
            ],
        },
        {
            "key": "oma",
            "title": "Oma",
            "participants": ["Minister", "Oma"],
            "messages": [
                {"sender": "Oma", "wallclock": "2024-03-01T12:00:00", "text": "OMA-TEKST"},
            ],
        },
    ]


@pytest.fixture
def case(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Any:
    case = build_case(tmp_path / "c.chatsafe", spec(), monkeypatch)
    yield case
    case.close()


def _conv(case: Any, key: str) -> int:
    return int(
        case.conn.execute("SELECT id FROM conversations WHERE key = ?", (key,)).fetchone()[0]
    )


def test_events_of_a_private_conversation_stay_in_even_when_a_message_leaves(case: Any) -> None:
    werk = _conv(case, "werk")
    (event,) = message_ids(case, "PIET-PRIVE")
    (business,) = message_ids(case, "ZAKELIJK")
    with case.transaction() as c:
        labels.label_conversation(c, werk, Label.PRIVATE, by="M", role=Role.MINISTER)
        labels.label_messages(c, [business], Label.BUSINESS, by="M", role=Role.MINISTER)
    assert leaving_message_ids(case.conn, werk) == [business]
    assert summarize(case.conn).conversations[werk].events == 0


def test_an_event_can_be_marked_and_is_then_withheld(case: Any) -> None:
    werk = _conv(case, "werk")
    (event,) = message_ids(case, "PIET-PRIVE")
    assert event in leaving_message_ids(case.conn, werk)  # business by default
    with case.transaction() as c:
        assert labels.label_messages(c, [event], Label.PRIVATE, by="M", role=Role.MINISTER) == 1
    assert event not in leaving_message_ids(case.conn, werk)
    (conv,) = [lc for lc in leaving_conversations(case.conn) if lc.case_id == werk]
    assert event not in conv.message_ids


def test_a_new_reason_for_the_same_mark_is_recorded_and_logged(case: Any) -> None:
    (mid,) = message_ids(case, "PRIVE-TEKST")
    with case.transaction() as c:
        labels.label_messages(c, [mid], Label.PRIVATE, by="M", role=Role.MINISTER, reason="a")
    before = len(log.entries(case.conn))
    with case.transaction() as c:
        changed = labels.label_messages(
            c, [mid], Label.PRIVATE, by="M", role=Role.MINISTER, reason="tandarts"
        )
    assert changed == 1
    assert len(log.entries(case.conn)) == before + 1
    reason = case.conn.execute("SELECT reason FROM message_labels WHERE message_id = ?", (mid,))
    assert reason.fetchone()[0] == "tandarts"
    with case.transaction() as c:  # the very same decision again is not a new one
        assert (
            labels.label_messages(
                c, [mid], Label.PRIVATE, by="M", role=Role.MINISTER, reason="tandarts"
            )
            == 0
        )


def test_include_reasons_covers_conversations_withheld_entirely(case: Any) -> None:
    with case.transaction() as c:
        labels.label_conversation(
            c, _conv(case, "oma"), Label.PRIVATE, by="M", role=Role.MINISTER, reason="familie"
        )
    doc = exclusions.build(case.conn, leaving_conversations(case.conn), include_reasons=True)
    pooled = doc["withheld_conversations"]["by_category"]["private"]
    assert pooled["reasons"] == [{"reason": "familie", "messages": 1}]
    closed = exclusions.build(case.conn, leaving_conversations(case.conn))
    assert "familie" not in json.dumps(closed)
