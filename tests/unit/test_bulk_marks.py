"""Marking and undoing many messages at once is set-based and changes nothing else (issue
14): the bulk path leaves the case and the review log exactly as the per-message path
did (``marks_oracle``), on a selection that mixes own marks, proposals, doubts,
conversation marks, several conversations and edited messages."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from chatsafe.domain import Label
from chatsafe.review import batches, doubts, labels, log, undo
from chatsafe.review.labels import ReviewError, Role
from chatsafe.service import CaseService
from tests.unit import marks_oracle
from tests.unit.review_case import (
    conv,
    conversation_id,
    event,
    ids_by_text,
    import_spec,
    msg,
    new_service,
)

BULK: dict[str, Callable[..., Any]] = {
    "label": labels.label_messages, "snapshot": undo.snapshot, "restore": undo.restore,
}  # fmt: skip
ORACLE: dict[str, Callable[..., Any]] = {
    "label": marks_oracle.label_messages,
    "snapshot": marks_oracle.snapshot,
    "restore": marks_oracle.restore,
}
SPEC = [
    conv("Anna", [msg("Anna" if i % 2 else "Minister", "2024-03-04", f"anna {i}", i)
                  for i in range(12)] + [event("2024-03-04", "Anna added Bob", 30)],
         ["Anna", "Minister"]),
    conv("Kabinet", [msg("Piet", "2024-03-05", f"kabinet {i}", i) for i in range(10)],
         ["Piet", "Minister"], group=True),
    conv("Bob", [msg("Bob", "2024-03-06", f"bob {i}", i) for i in range(5)], ["Bob", "Minister"]),
]  # fmt: skip


def _build(folder: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[CaseService, dict[str, int]]:
    folder.mkdir()
    s = new_service(folder)
    import_spec(s, folder, SPEC, monkeypatch)
    ids: dict[str, int] = {}
    for title in ("Anna", "Kabinet", "Bob"):
        ids[title] = conversation_id(s, title)
        ids.update(ids_by_text(s, ids[title]))
    c = s.case.conn
    with s.case.transaction() as t:
        # Edited versions of "anna 3" (what review/versions.py links on a re-import).
        t.execute("UPDATE messages SET edit_of = ? WHERE id IN (?, ?)",
                  (ids["anna 3"], ids["anna 4"], ids["anna 5"]))  # fmt: skip
        labels.label_messages(t, [ids["anna 1"]], Label.PRIVATE, by="Ada",
                              role=Role.ASSISTANT, reason="familie")  # fmt: skip
        labels.label_messages(t, [ids["anna 2"]], Label.PARTY_POLITICAL, by="Mia",
                              role=Role.MINISTER)  # fmt: skip
        labels.label_one_message(t, ids["anna 3"], Label.PRIVATE, by="Ada", role=Role.ASSISTANT)
        labels.label_conversation(t, ids["Kabinet"], Label.PRIVATE, by="Ada",
                                  role=Role.ASSISTANT)  # fmt: skip
        labels.label_messages(t, [ids["kabinet 1"]], Label.BUSINESS, by="Mia", role=Role.MINISTER)
        doubts.raise_doubt(t, question="over haar moeder?", by="Ada", role=Role.ASSISTANT,
                           message_id=ids["anna 6"])  # fmt: skip
        doubts.raise_doubt(t, question="heel gesprek?", by="Ada", role=Role.ASSISTANT,
                           conversation_id=ids["Bob"])  # fmt: skip
    assert c is s.case.conn
    return s, ids


def _state(s: CaseService) -> dict[str, Any]:
    c = s.case.conn
    entries = []
    for (line,) in c.execute("SELECT entry FROM review_log ORDER BY seq"):
        obj = json.loads(line)
        for volatile in ("at", "nonce", "prev", "reason_hmac"):  # time, randomness, key
            obj.pop(volatile, None)
        entries.append(obj)
    return {
        "conversation_labels": c.execute(
            "SELECT conversation_id, label, status, reason, by_name, by_role"
            " FROM conversation_labels ORDER BY 1"
        ).fetchall(),
        "message_labels": c.execute(
            "SELECT message_id, label, status, reason, by_name, by_role FROM message_labels"
            " ORDER BY 1"
        ).fetchall(),
        "doubts": c.execute(
            "SELECT id, conversation_id, message_id, ask, question, raised_by, resolved_by,"
            " resolved_at IS NULL, answer FROM doubts ORDER BY id"
        ).fetchall(),
        "log": entries,
        "reasons": c.execute("SELECT seq, reason FROM review_reasons ORDER BY seq").fetchall(),
    }


def _scenario(
    s: CaseService, ids: dict[str, int], impl: dict[str, Callable[..., Any]]
) -> list[Any]:
    """Mark, mark again, clear a part, change doubts, undo both, redo, undo again;
    returns what each step returned and the state after it."""
    out: list[Any] = []
    sel1 = [ids[k] for k in ("anna 4", "anna 1", "anna 2", "anna 6", "Anna added Bob",
                             "kabinet 1", "kabinet 2", "kabinet 3", "anna 1", "bob 0")]  # fmt: skip
    sel2 = [ids[k] for k in ("anna 2", "anna 5", "kabinet 2", "bob 0")]
    mia, ada = {"by": "Mia", "role": Role.MINISTER}, {"by": "Ada", "role": Role.ASSISTANT}

    def step(fn: Callable[[Any], Any]) -> Any:
        with s.case.transaction() as c:
            value = fn(c)
        out.append((value, _state(s)))
        return value

    snap1 = step(lambda c: impl["snapshot"](c, [], sel1))
    step(lambda c: impl["label"](c, sel1, Label.PRIVATE, reason="privé", **mia))
    step(lambda c: impl["label"](c, sel1, Label.PRIVATE, reason="privé", **mia))  # no change
    step(lambda c: impl["label"](c, sel1, Label.PRIVATE, reason="anders", **mia))  # new reason
    snap2 = step(lambda c: impl["snapshot"](c, [], sel2))
    step(lambda c: impl["label"](c, sel2, None, **ada))
    step(lambda c: doubts.raise_doubt(c, question="?", message_id=ids["kabinet 2"], **ada).id)
    a6 = doubts.open_on(s.case.conn, ids["Anna"], ids["anna 6"])
    assert a6 is not None
    step(lambda c: doubts.resolve(c, a6.id, Label.BUSINESS, **mia).id)
    step(lambda c: impl["restore"](c, snap2, **mia))
    step(lambda c: impl["restore"](c, snap1, **mia))
    step(lambda c: impl["label"](c, sel1, Label.PARTY_POLITICAL, **ada))  # redo, as assistant
    step(lambda c: impl["restore"](c, snap1, **ada))
    step(lambda c: impl["restore"](c, snap1, **ada))  # nothing left to undo
    convs = [ids["Kabinet"], ids["Bob"]]
    snap3 = step(lambda c: impl["snapshot"](c, convs, [ids["bob 1"]]))
    step(lambda c: labels.label_conversation(c, ids["Bob"], Label.PRIVATE, **mia))
    step(lambda c: labels.label_conversation(c, ids["Kabinet"], None, **mia))
    step(lambda c: impl["restore"](c, snap3, **ada))
    return out


@pytest.mark.parametrize("piece", [batches.SIZE, 2])
def test_bulk_path_leaves_the_case_and_log_as_the_per_message_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, piece: int
) -> None:
    # In pieces of 2 the selection spans many pieces: an edited message's versions, an
    # id asked twice and a doubt fall on both sides of a boundary.
    monkeypatch.setattr(batches, "SIZE", piece)
    bulk, ids = _build(tmp_path / "bulk", monkeypatch)
    oracle, ids_o = _build(tmp_path / "oracle", monkeypatch)
    assert ids == ids_o, "the two cases are built alike"
    got, want = _scenario(bulk, ids, BULK), _scenario(oracle, ids, ORACLE)
    for n, ((value, state), (value_o, state_o)) in enumerate(zip(got, want, strict=True)):
        assert value == value_o, f"step {n}: returned {value!r}, the per-message path {value_o!r}"
        for part in state_o:
            assert state[part] == state_o[part], f"step {n}: {part} differs"
    final = got[-1][1]
    assert len(final["log"]) > 60, "the scenario logs many decisions"
    assert {"label", "clear", "undo", "doubt", "doubt-resolved"} <= {
        e["action"] for e in final["log"]
    }
    assert log.verify(bulk.case.conn) == []
    bulk.close()
    oracle.close()


def test_an_unknown_message_refuses_the_whole_mark(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    s, ids = _build(tmp_path / "case", monkeypatch)
    before = _state(s)
    with pytest.raises(ReviewError, match="no message 999999 "):
        s.mark_messages([ids["bob 1"], 999999, 999998], Label.PRIVATE, by="Mia", role=Role.MINISTER)
    assert _state(s) == before, "nothing of it was written"
    s.close()


def test_bulk_mark_and_undo_read_a_few_times_whatever_the_size(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """One query per message made 200,000 marks take minutes: reads stay set-based."""
    big = [msg("Anna", "2024-03-07", f"veel {i}", i % 60) for i in range(1500)]
    spec = [conv("Groot", big, ["Anna", "Minister"])]
    (tmp_path / "case").mkdir()
    s = new_service(tmp_path / "case")
    import_spec(s, tmp_path / "case", spec, monkeypatch)
    ids = s.message_ids(conversation_id(s, "Groot"))
    statements: list[str] = []
    s.case.conn.set_trace_callback(statements.append)
    snap = s.snapshot_marks(message_ids=ids)
    changes = s.mark_messages(ids, Label.PRIVATE, by="Mia", role=Role.MINISTER)
    undone = s.restore_marks(snap, by="Mia", role=Role.MINISTER)
    s.case.conn.set_trace_callback(None)
    assert changes.count == len(ids) and undone.count == len(ids)
    reads = [q for q in statements if q.lstrip().upper().startswith(("SELECT", "WITH"))]
    assert len(reads) < 40, f"{len(reads)} reads for {len(ids)} messages"
    assert s.case.conn.execute("SELECT count(*) FROM message_labels").fetchone()[0] == 0
    assert s.case.conn.execute("SELECT count(*) FROM review_log").fetchone()[0] >= 2 * len(ids)
    s.close()


def test_each_entry_of_a_bulk_mark_has_its_own_nonce(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The nonce keeps a bundle's stated line hash from giving the row number back
    (bundle/reviewlog.py): every line of a bulk mark needs a fresh one."""
    s, ids = _build(tmp_path / "case", monkeypatch)
    anna = s.message_ids(ids["Anna"])
    s.mark_messages(anna, Label.PARTY_POLITICAL, by="Mia", role=Role.MINISTER)
    lines = [json.loads(e) for (e,) in s.case.conn.execute("SELECT entry FROM review_log")]
    nonces = [e["nonce"] for e in lines if e["target"].startswith("message:")]
    assert len(nonces) >= len(anna)
    assert len(set(nonces)) == len(nonces), "no nonce repeats"
    assert all(len(n) == 32 and int(n, 16) >= 0 for n in nonces)
    s.close()
