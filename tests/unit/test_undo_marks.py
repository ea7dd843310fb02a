"""Undoing marks puts the earlier state back as new, logged decisions (issue 14)."""

from __future__ import annotations

import json
from pathlib import Path

from chatsafe.domain import Label
from chatsafe.importers.base import ImportContext
from chatsafe.ingest import import_paths
from chatsafe.review.labels import Role
from chatsafe.service import CaseService
from chatsafe.store import create_case

CHAT = """04-03-2024 08:15 - Minister: Agenda ministerraad
04-03-2024 08:16 - Anna: Hoe is het met je moeder?
04-03-2024 08:17 - Anna: Stukken liggen klaar
"""


def _service(tmp_path: Path) -> CaseService:
    export = tmp_path / "WhatsApp-chat met Anna.txt"
    export.write_text(CHAT, encoding="utf-8")
    case = create_case(tmp_path / "u.chatsafe")
    import_paths(case, [export], ImportContext(owner="Minister"))
    return CaseService(case)


def _marks(s: CaseService) -> tuple[dict[int, str], dict[int, tuple[str, str | None]]]:
    c = s.case.conn
    convs = dict(c.execute("SELECT conversation_id, label FROM conversation_labels"))
    msgs = {
        r[0]: (r[1], r[2])
        for r in c.execute("SELECT message_id, label, reason FROM message_labels")
    }
    return convs, msgs


def test_undo_restores_marks_and_reasons_and_logs_it(tmp_path: Path) -> None:
    s = _service(tmp_path)
    ids = [r[0] for r in s.case.conn.execute("SELECT id FROM messages ORDER BY id")]
    s.mark_messages([ids[1]], Label.PRIVATE, by="Ada", role=Role.ASSISTANT, reason="familie")
    before = _marks(s)
    snap = s.snapshot_marks(conversation_ids=[1], message_ids=ids[:2])
    s.mark_conversations([1], Label.PARTY_POLITICAL, by="Mia", role=Role.MINISTER)
    s.mark_messages(ids[:2], Label.BUSINESS, by="Mia", role=Role.MINISTER)
    assert _marks(s) != before
    changes = s.restore_marks(snap, by="Mia", role=Role.MINISTER)
    assert changes.count == 3 and changes.labels
    assert _marks(s) == before, "marks and reasons as they were"
    entries = [json.loads(e) for (e,) in s.case.conn.execute("SELECT entry FROM review_log")]
    assert entries[-1]["action"] == "undo" and entries[-1]["actor"] == "Mia"
    assert any(e["action"] == "label" and e["target"] == "conversation:1" for e in entries), (
        "the undone mark stays in the log"
    )
    assert s.restore_marks(snap, by="Mia", role=Role.MINISTER).count == 0  # nothing to undo
    s.close()
