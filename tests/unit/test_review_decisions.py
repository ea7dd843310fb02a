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
from chatsafe.review import browse, labels, log
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
    # Withheld, and reported as withheld (nothing silently lost).
    doc = exclusions.build(case.conn, leaving_conversations(case.conn))
    (werk_doc,) = [d for d in doc["conversations"] if d["withheld_events"]]
    assert werk_doc["withheld_events"] == {"private": 1}


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


def _reimport(case: Any, tmp_path: Path, convs: list[dict[str, Any]]) -> None:
    from chatsafe.importers.base import ImportContext
    from chatsafe.ingest import import_paths

    src = tmp_path / "again-spec.json"
    src.write_text(json.dumps(convs), encoding="utf-8")
    import_paths(case, [src], ImportContext(owner="Minister"), format_name="spec")
    src.unlink()


def test_messages_imported_after_a_confirmation_are_unreviewed(case: Any, tmp_path: Path) -> None:
    werk = _conv(case, "werk")
    with case.transaction() as c:
        labels.confirm_conversation(c, werk, by="M", role=Role.MINISTER)
    before = summarize(case.conn).conversations[werk]
    assert before.unreviewed == 0 and before.unconfirmed == 0
    convs = spec()[:1]
    convs[0]["messages"].append(
        {"sender": "Piet", "wallclock": "2024-03-02T09:00:00", "text": "LATER-NIEUW"}
    )
    _reimport(case, tmp_path, convs)
    after = summarize(case.conn).conversations[werk]
    assert after.unreviewed == 1 and after.unconfirmed == 1
    (row,) = [r for r in browse.conversation_rows(case.conn) if r.id == werk]
    assert row.new_since_review == 1
    with case.transaction() as c:
        labels.mark_reviewed(c, werk, by="A", role=Role.ASSISTANT)
    assert summarize(case.conn).conversations[werk].unreviewed == 0


def test_every_import_is_in_the_review_log_without_file_names(case: Any, tmp_path: Path) -> None:
    entries = [json.loads(e) for e in log.entries(case.conn)]
    imports = [e for e in entries if e["action"] == "import"]
    assert len(imports) == 1 and imports[0]["new"]["added"] == 4
    assert "spec" not in json.dumps(imports[0]["new"]["sources_sha256"])
    _reimport(case, tmp_path, spec())
    entries = [json.loads(e) for e in log.entries(case.conn)]
    again = [e for e in entries if e["action"] == "import"][-1]
    assert again["new"]["added"] == 0 and again["new"]["already_in_case"] == 4
    assert log.verify(case.conn) == []


def test_an_edited_version_inherits_the_mark_and_both_texts_stay(case: Any, tmp_path: Path) -> None:
    werk = _conv(case, "werk")
    (old,) = message_ids(case, "PRIVE-TEKST")
    with case.transaction() as c:
        labels.label_messages(c, [old], Label.PRIVATE, by="M", role=Role.MINISTER)
    convs = spec()[:1]
    edited = convs[0]["messages"][2]
    edited["text"], edited["edited"] = "PRIVE-TEKST bijgewerkt", True
    _reimport(case, tmp_path, convs)
    new = [m for m in message_ids(case, "PRIVE-TEKST") if m != old]
    assert len(new) == 1
    edit_of = case.conn.execute("SELECT edit_of FROM messages WHERE id = ?", (new[0],))
    assert edit_of.fetchone()[0] == old
    leaving = leaving_message_ids(case.conn, werk)
    assert old not in leaving and new[0] not in leaving
    # Clearing or re-marking either version decides for both.
    with case.transaction() as c:
        labels.label_messages(c, new, Label.BUSINESS, by="M", role=Role.MINISTER)
    leaving = leaving_message_ids(case.conn, werk)
    assert old in leaving and new[0] in leaving


def test_an_unchanged_message_in_the_same_minute_is_not_taken_for_the_edited_one(
    case: Any, tmp_path: Path
) -> None:
    convs = spec()[:1]
    convs[0]["messages"].append(
        {"sender": "Piet", "wallclock": "2024-03-01T09:02:30", "text": "ANDER-BERICHT"}
    )
    _reimport(case, tmp_path, convs)
    (unchanged,) = message_ids(case, "PRIVE-TEKST")
    (old,) = message_ids(case, "ANDER-BERICHT")
    assert unchanged < old  # the earlier row of the same sender and minute is not it
    convs[0]["messages"][-1].update(text="ANDER-BERICHT v2", edited=True)
    _reimport(case, tmp_path, convs)
    (new,) = [m for m in message_ids(case, "ANDER-BERICHT") if m != old]
    edit_of = case.conn.execute("SELECT edit_of FROM messages WHERE id = ?", (new,))
    assert edit_of.fetchone()[0] == old


def test_a_withheld_events_sender_is_not_named_in_the_bundle(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from chatsafe.bundle import builder, signing
    from tests.bundle_support import SIGNING_PASSPHRASE, bundle_bytes, make_certs

    convs = spec()[:1]
    convs[0]["participants"].append("GEHEIM-PERSOON")
    convs[0]["messages"].append(
        {
            "kind": "event",
            "event_type": "call",
            "sender": "GEHEIM-PERSOON",
            "wallclock": "2024-03-01T09:03:00",
            "text": "Gemiste spraakoproep",
        }
    )
    case = build_case(tmp_path / "e.chatsafe", convs, monkeypatch)
    call = [
        int(r[0])
        for r in case.conn.execute("SELECT id FROM messages WHERE sender = 'GEHEIM-PERSOON'")
    ]
    with case.transaction() as c:
        labels.label_messages(c, call, Label.PRIVATE, by="M", role=Role.MINISTER)
    certs = make_certs(tmp_path / "certs")
    out = tmp_path / "b.zip"
    builder.make_bundle(
        case, out, signing.load_p12(certs.p12, SIGNING_PASSPHRASE), by="M", role="minister"
    )
    blob = b"\n".join(bundle_bytes(out).values())
    assert b"ZAKELIJK" in blob
    assert b"GEHEIM-PERSOON" not in blob  # the event is withheld: its sender is not named
    case.close()
