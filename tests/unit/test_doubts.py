"""Doubts (issue 14, item 4): a conversation or a message in doubt carries a question
to the minister or the records officer, blocks the bundle and the approval until it is
answered, is counted, navigable and undoable, and its question never leaves the case."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from chatsafe.bundle import approval, signing
from chatsafe.domain import Ask, Label
from chatsafe.review import doubts, log
from chatsafe.review.doubts import DoubtsOpenError
from chatsafe.review.labels import ReviewError, Role
from chatsafe.service import CaseService
from tests.bundle_support import SIGNING_PASSPHRASE, Certs, build_case, bundle_bytes
from tests.bundle_support import message_ids as ids_with
from tests.unit.test_review_decisions import spec

QUESTION = "Gaat dit over OPERATIE-VAN-OMA? Dan privé."


@pytest.fixture
def service(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Any:
    s = CaseService(build_case(tmp_path / "d.chatsafe", spec(), monkeypatch))
    yield s
    s.close()


def _prive(s: CaseService) -> int:
    return ids_with(s.case, "PRIVE-TEKST")[0]


def _bundle(s: CaseService, tmp_path: Path, certs: Certs, name: str = "b.zip") -> Path:
    signer = signing.load_p12(certs.p12, SIGNING_PASSPHRASE)
    s.make_bundle(tmp_path / name, signer, by="Minister", role=Role.MINISTER)
    return tmp_path / name


def test_a_doubt_is_counted_everywhere_and_its_question_stays_in_the_case(
    service: CaseService,
) -> None:
    mid = _prive(service)
    changes = service.raise_doubt(QUESTION, by="Ada", role=Role.ASSISTANT, message_ids=[mid])
    assert changes.doubts and changes.count == 1 and changes.leaving_may_differ
    (d,) = service.list_doubts()
    assert (d.message_id, d.ask, d.question, d.raised_by) == (mid, "minister", QUESTION, "Ada")
    assert d.open and d.conversation_id == 1
    # counted: summary, stats --json, the conversation list, the message row and details
    assert service.summary().total.doubts == 1
    assert service.summary().conversations[1].doubts == 1
    stats = service.stats()
    assert stats["doubts"] == {"open": 1, "resolved": 0}
    assert [c["doubts"] for c in stats["conversations"]] == [1, 0]
    assert service.conversation_rows()[0].doubts == 1
    assert service.message_rows([mid])[mid].doubt == QUESTION
    detail = service.message_detail(mid)
    assert detail is not None and detail.doubt is not None and detail.doubt.question == QUESTION
    # nothing about what leaves changes: an unmarked message in doubt is still business
    assert service.message_rows([mid])[mid].effective_label == "business"
    # the log holds a commitment to the question, never the question
    lines = log.entries(service.case.conn)
    assert not any("OPERATIE-VAN-OMA" in line for line in lines)
    entry = json.loads(lines[-1])
    assert entry["action"] == "doubt" and entry["target"] == f"message:{mid}"
    assert entry["new"] == {"ask": "minister", "doubt": d.id} and entry["reason_hmac"]
    assert log.reason_of(service.case.conn, entry["seq"]) == QUESTION
    assert log.verify(service.case.conn) == []


def test_open_doubts_block_the_bundle_and_the_approval_with_one_line(
    service: CaseService, tmp_path: Path, certs: Certs
) -> None:
    mid = _prive(service)
    service.raise_doubt(QUESTION, by="Ada", role=Role.ASSISTANT, message_ids=[mid])
    service.raise_doubt(
        "Is het hele gesprek privé?", by="Ada", role=Role.ASSISTANT, conversation_id=2,
        ask=Ask.RECORDS_OFFICER,
    )  # fmt: skip
    pre = service.preflight()
    assert not pre.ready and [d.conversation_id for d in pre.doubts] == [1, 2]
    assert pre.as_dict()["doubts"][0] == {"id": 1, "conversation": 1, "message": mid}
    signer = signing.load_p12(certs.p12, SIGNING_PASSPHRASE)
    with pytest.raises(DoubtsOpenError) as err:
        service.make_bundle(tmp_path / "b.zip", signer, by="Minister", role=Role.MINISTER)
    text = str(err.value)
    assert "\n" not in text and text.startswith("2 open doubts block the bundle")
    assert f"conversation 1, message {mid}" in text and "conversation 2)" in text
    assert "OPERATIE" not in text, "the question is not in the message"
    assert err.value.key == "doubts-open" and err.value.exit_code == 2
    assert not (tmp_path / "b.zip").exists()
    with pytest.raises(DoubtsOpenError, match="block the approval"):
        service.approve(by="Minister")
    with pytest.raises(DoubtsOpenError, match="block the RSMF export"):
        service.export_rsmf(tmp_path / "rsmf", by="Minister", role=Role.MINISTER)
    assert not (tmp_path / "rsmf").exists()


def test_a_new_doubt_voids_the_approval(service: CaseService) -> None:
    service.approve(by="Minister")
    state = approval.approval_state(service.case.conn)
    assert state is not None and not state.void
    service.raise_doubt(QUESTION, by="Ada", role=Role.ASSISTANT, conversation_id=1)
    state = approval.approval_state(service.case.conn)
    assert state is not None and state.void


def test_answering_marks_the_target_and_the_bundle_goes_without_the_question(
    service: CaseService, tmp_path: Path, certs: Certs
) -> None:
    mid = _prive(service)
    service.raise_doubt(QUESTION, by="Ada", role=Role.ASSISTANT, message_ids=[mid])
    (d,) = service.list_doubts()
    changes = service.resolve_doubt(d.id, Label.PRIVATE, by="Minister", role=Role.MINISTER)
    assert changes.labels and changes.doubts and changes.messages == {mid}
    assert service.list_doubts() == []
    (done,) = service.list_doubts(open_only=False)
    assert (done.answer, done.resolved_by, done.open) == ("private", "Minister", False)
    row = service.message_rows([mid])[mid]
    assert (row.label, row.status, row.doubt) == ("private", "confirmed", None)
    entry = json.loads(log.entries(service.case.conn)[-1])
    assert entry["action"] == "doubt-resolved" and entry["new"] == {"answer": "private"}
    with pytest.raises(ReviewError, match="already resolved"):
        service.resolve_doubt(d.id, Label.BUSINESS, by="Minister", role=Role.MINISTER)
    assert service.stats()["doubts"] == {"open": 0, "resolved": 1}
    out = bundle_bytes(_bundle(service, tmp_path, certs))
    for name, data in out.items():
        assert b"OPERATIE-VAN-OMA" not in data, name
        assert "OPERATIE-VAN-OMA".encode("utf-16-be") not in data, name
    assert not any(b"PRIVE-TEKST" in data for data in out.values())


def test_a_withdrawn_doubt_changes_no_mark_and_an_assistants_answer_is_a_proposal(
    service: CaseService,
) -> None:
    mid = _prive(service)
    service.raise_doubt(QUESTION, by="Ada", role=Role.ASSISTANT, message_ids=[mid])
    service.answer_doubt(1, mid, None, by="Ada", role=Role.ASSISTANT)
    row = service.message_rows([mid])[mid]
    assert row.label is None and row.doubt is None
    assert service.list_doubts(open_only=False)[0].answer == "withdrawn"
    service.raise_doubt("Nog een vraag", by="Ada", role=Role.ASSISTANT, conversation_id=2)
    service.answer_doubt(2, None, Label.PARTY_POLITICAL, by="Ada", role=Role.ASSISTANT)
    conv = service.conversation_rows([2])[0]
    assert (conv.label, conv.status, conv.doubts) == ("party_political", "proposed", 0)


def test_doubts_are_refused_without_a_question_twice_or_on_nothing(
    service: CaseService,
) -> None:
    mid = _prive(service)
    with pytest.raises(ReviewError, match="needs a question"):
        service.raise_doubt("  ", by="Ada", role=Role.ASSISTANT, message_ids=[mid])
    with pytest.raises(ReviewError, match="longer than"):
        service.raise_doubt("x" * 1001, by="Ada", role=Role.ASSISTANT, message_ids=[mid])
    with pytest.raises(ReviewError, match="no message"):
        service.raise_doubt("Waarom?", by="Ada", role=Role.ASSISTANT, message_ids=[99999])
    with pytest.raises(ReviewError, match="no conversation"):
        service.raise_doubt("Waarom?", by="Ada", role=Role.ASSISTANT, conversation_id=99)
    with pytest.raises(ReviewError, match="reviewer's name"):
        service.raise_doubt("Waarom?", by=" ", role=Role.ASSISTANT, conversation_id=1)
    service.raise_doubt("Waarom?", by="Ada", role=Role.ASSISTANT, message_ids=[mid])
    with pytest.raises(ReviewError, match="already has an open doubt"):
        service.raise_doubt("Nog eens?", by="Ada", role=Role.ASSISTANT, message_ids=[mid])
    with pytest.raises(ReviewError, match="has no open doubt"):
        service.answer_doubt(2, None, Label.PRIVATE, by="Ada", role=Role.ASSISTANT)
    assert len(service.list_doubts()) == 1, "a refused doubt left nothing behind"
    assert doubts.parse_ask("records-officer") is Ask.RECORDS_OFFICER
    assert doubts.parse_answer("withdrawn") is None
    assert doubts.parse_answer("party-political") is Label.PARTY_POLITICAL
    with pytest.raises(ReviewError, match="unknown answer"):
        doubts.parse_answer("maybe")


def test_undo_withdraws_a_raised_doubt_and_reopens_an_answered_one(
    service: CaseService,
) -> None:
    mid = _prive(service)
    before_raise = service.snapshot_marks(message_ids=[mid])
    service.raise_doubt(QUESTION, by="Ada", role=Role.ASSISTANT, message_ids=[mid])
    before_answer = service.snapshot_marks(message_ids=[mid])
    service.answer_doubt(1, mid, Label.PRIVATE, by="Mia", role=Role.MINISTER)
    # undo the answer: the mark goes, the same question is open again
    changes = service.restore_marks(before_answer, by="Mia", role=Role.MINISTER)
    assert changes.doubts and changes.count == 2
    row = service.message_rows([mid])[mid]
    assert (row.label, row.doubt) == (None, QUESTION)
    (reopened,) = service.list_doubts()
    assert reopened.ask == "minister" and reopened.raised_by == "Mia"
    # redo through the target (the doubt has a new number now)
    service.answer_doubt(1, mid, Label.PRIVATE, by="Mia", role=Role.MINISTER)
    service.restore_marks(before_answer, by="Mia", role=Role.MINISTER)
    # undo the raise: withdrawn
    service.restore_marks(before_raise, by="Mia", role=Role.MINISTER)
    assert service.list_doubts() == []
    assert service.message_rows([mid])[mid].doubt is None
    actions = [json.loads(e)["action"] for e in log.entries(service.case.conn)]
    assert actions[-2:] == ["doubt-resolved", "undo"], "withdrawn, then the undo entry"
    assert actions.count("doubt") == 3, "raised, then raised again by each undo of an answer"
    assert log.verify(service.case.conn) == []


def test_n_walks_proposals_and_doubts_in_reading_order(service: CaseService) -> None:
    prive = _prive(service)
    zakelijk = ids_with(service.case, "ZAKELIJK")[0]
    service.mark_messages([prive], Label.PRIVATE, by="Ada", role=Role.ASSISTANT)
    service.raise_doubt("Vraag", by="Ada", role=Role.ASSISTANT, message_ids=[zakelijk])
    service.raise_doubt("Vraag", by="Ada", role=Role.ASSISTANT, conversation_id=2)
    service.raise_doubt("Vraag", by="Ada", role=Role.ASSISTANT, message_ids=[prive])
    stops = [(s.conversation_id, s.message_id, s.kind) for s in service.proposals_and_doubts()]
    assert stops == [
        (1, zakelijk, "doubt"),
        (1, prive, "doubt"),
        (1, prive, "proposal"),
        (2, None, "doubt"),
    ]
    assert service.proposals() == [(1, prive)], "the proposals alone are unchanged"
