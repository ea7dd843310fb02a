"""The PDF transcript reads its entries with ``payload.iter_print_rows``, a lighter
query than the JSON record's ``iter_rows``: both must give the same entries, numbered
alike, with the same replies, flags and attachments, and nothing withheld."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from chatsafe.bundle import payload
from chatsafe.domain import Label
from chatsafe.review import labels
from chatsafe.review.labels import Role
from tests.bundle_support import build_case, message_ids
from tests.unit.test_bundle_build import sample_spec


def _spec() -> list[dict[str, Any]]:
    spec = sample_spec()
    spec[0]["messages"] += [
        {"sender": "Minister", "wallclock": "2024-03-03T08:00:00", "text": "Vraag (a)",
         "source_id": "q1", "edited": True},
        {"sender": "Adviseur", "wallclock": "2024-03-03T08:01:00", "text": "Antwoord",
         "reply_to": "q1", "view_once": True},
        {"sender": "Adviseur", "wallclock": "2024-03-03T08:02:00", "text": "PRIVE-vraag",
         "source_id": "q2"},
        {"sender": "Minister", "wallclock": "2024-03-03T08:03:00", "text": "Op het private",
         "reply_to": "q2"},
        {"sender": None, "wallclock": "2024-03-03T08:04:00", "text": "",
         "attachments": [{"name": "a.txt", "mime": "text/plain", "data": "A"},
                         {"name": "b.txt", "mime": "text/plain", "data": None}]},
        {"sender": "Minister", "wallclock": "2024-03-03T08:04:00", "text": "gelijktijdig"},
    ]  # fmt: skip
    return spec


def test_print_rows_are_the_rows_the_pdf_prints(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    case = build_case(tmp_path / "c.chatsafe", _spec(), monkeypatch)
    with case.transaction() as c:
        for text, label in (("PRIVE-", Label.PRIVATE), ("PARTIJ-", Label.PARTY_POLITICAL)):
            labels.label_messages(
                c, message_ids(case, text), label, by="Minister", role=Role.MINISTER
            )
    leaving = payload.leaving_conversations(case.conn)
    assert leaving
    seen = 0
    for conv in leaving:
        full = list(payload.iter_rows(case.conn, conv))
        printed = list(payload.iter_print_rows(case.conn, conv))
        assert len(printed) == len(full) == len(conv.message_ids)
        for p, r in zip(printed, full, strict=True):
            for name in payload.PrintRow._fields:
                assert getattr(p, name) == getattr(r, name), (r.n, name)
        texts = [r.text for r in printed]
        assert not any("PRIVE" in t or "PARTIJ" in t for t in texts)
        replies = {r.text: r.reply_to for r in printed}
        assert replies["Antwoord"] == texts.index("Vraag (a)") + 1
        assert replies["Op het private"] is None  # what it answers does not leave
        seen += len(printed)
    assert seen >= 8
    case.close()
