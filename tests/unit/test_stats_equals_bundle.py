"""``stats`` and the bundle agree: for random cases (conversations, system events, dates,
marks on conversations and messages, an in-scope period), the per-conversation
``leaving`` and ``leaving_events`` counts of ``stats --json`` equal what the bundle's
transcripts carry, and ``in_period`` counts the messages inside the period.

Before the case service, ``stats`` ignored the period: with ``period_start`` set it said
10 business messages where the bundle carried 4.
"""

from __future__ import annotations

import itertools
import json
import zipfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from chatsafe.bundle import signing
from chatsafe.bundle.signing import SoftwareSigner
from chatsafe.domain import Label
from chatsafe.importers.base import ImportContext
from chatsafe.review.labels import Role
from chatsafe.service import CaseService
from chatsafe.store import create_case
from tests.bundle_support import ARCHIVAL, SIGNING_PASSPHRASE, SpecImporter, make_certs

DAYS = ["2024-01-10", "2024-02-10", "2024-03-10", "2024-04-10", "2024-05-10"]
LABELS = [None, Label.BUSINESS, Label.PRIVATE, Label.PARTY_POLITICAL]

entry = st.fixed_dictionaries(
    {
        "event": st.booleans(),
        "day": st.sampled_from(DAYS),
        "mark": st.sampled_from(LABELS),
    }
)
conversation = st.fixed_dictionaries(
    {"mark": st.sampled_from(LABELS), "entries": st.lists(entry, min_size=1, max_size=6)}
)
cases = st.fixed_dictionaries(
    {
        "conversations": st.lists(conversation, min_size=1, max_size=4),
        "start": st.sampled_from([None, "2024-02-01", "2024-03-10"]),
        "end": st.sampled_from([None, "2024-03-31", "2024-05-10"]),
    }
)
_counter = itertools.count()


@pytest.fixture(scope="module")
def signer(tmp_path_factory: pytest.TempPathFactory) -> SoftwareSigner:
    certs = make_certs(tmp_path_factory.mktemp("certs"))
    return signing.load_p12(certs.p12, SIGNING_PASSPHRASE)


def _spec(case: dict[str, Any]) -> list[dict[str, Any]]:
    out = []
    for c, conv in enumerate(case["conversations"]):
        msgs = []
        for i, e in enumerate(conv["entries"]):
            m: dict[str, Any] = {"wallclock": f"{e['day']}T10:{i:02d}:00", "text": f"t{c}-{i}"}
            if e["event"]:
                m.update(kind="event", event_type="other")
            else:
                m["sender"] = "Minister" if i % 2 else "Collega"
            msgs.append(m)
        out.append({"key": f"k{c}", "title": f"Gesprek {c}", "messages": msgs})
    return out


def _transcripts(path: Path) -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = {}
    with zipfile.ZipFile(path) as z:
        for name in z.namelist():
            if name.endswith("transcript.json"):
                doc = json.loads(z.read(name))
                out[doc["conversation"]["title"]] = doc["messages"]
    return out


@settings(
    max_examples=15,
    phases=[Phase.explicit, Phase.generate],
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(case=cases)
def test_stats_leaving_equals_what_the_bundle_carries(
    case: dict[str, Any],
    signer: SoftwareSigner,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from chatsafe import importers

    monkeypatch.setattr(importers, "all_importers", lambda: [SpecImporter()])
    n = next(_counter)
    src = tmp_path / f"spec{n}.json"
    src.write_text(json.dumps(_spec(case)), encoding="utf-8")
    service = CaseService(create_case(tmp_path / f"c{n}.chatsafe"))
    try:
        service.import_paths([src], ImportContext(owner="Minister"), format_name="spec")
        service.set_settings({**ARCHIVAL, "period_start": case["start"], "period_end": case["end"]})
        by, role = "M", Role.MINISTER
        conv_ids = service.conversation_ids()
        for c, (cid, conv) in enumerate(zip(conv_ids, case["conversations"], strict=True)):
            if conv["mark"]:
                service.mark_conversations([cid], conv["mark"], by=by, role=role)
            by_text = {
                r.text: mid for mid, r in service.message_rows(service.message_ids(cid)).items()
            }
            for i, e in enumerate(conv["entries"]):
                if e["mark"]:
                    service.mark_messages([by_text[f"t{c}-{i}"]], e["mark"], by=by, role=role)
        stats = service.stats()["conversations"]
        for cid in conv_ids:
            # The GUI's rows say the same as the payload, message by message.
            leaving = set(service.leaving_ids(cid))
            for mid, row in service.message_rows(service.message_ids(cid)).items():
                if row.kind == "message":
                    row_leaves = row.in_period and row.effective_label == "business"
                    assert row_leaves == (mid in leaving), row
                elif mid in leaving:  # an event leaves only as business, in the period
                    assert row.in_period and row.effective_label == "business", row
        out = tmp_path / f"b{n}.zip"
        service.make_bundle(out, signer, by=by, role=role)
        carried = _transcripts(out)
    finally:
        service.close()

    def in_period(day: str) -> bool:
        return (case["start"] is None or day >= case["start"]) and (
            case["end"] is None or day <= case["end"]
        )

    for conv, expected in zip(stats, case["conversations"], strict=True):
        entries = carried.get(conv["title"], [])
        assert conv["leaving"] == sum(e["kind"] == "message" for e in entries), conv
        assert conv["leaving_events"] == sum(e["kind"] == "event" for e in entries), conv
        assert conv["in_period"] == sum(
            not e["event"] and in_period(e["day"]) for e in expected["entries"]
        )
    assert sum(c["leaving"] + c["leaving_events"] for c in stats) == sum(
        len(v) for v in carried.values()
    )


def test_stats_applies_the_period(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The issue's reproduction: 10 business messages, 4 of them in the period."""
    from chatsafe import importers

    monkeypatch.setattr(importers, "all_importers", lambda: [SpecImporter()])
    msgs = [
        {"sender": "Collega", "wallclock": f"2024-0{1 + i // 4}-0{1 + i % 4}T09:00:00", "text": "x"}
        for i in range(10)
    ]
    src = tmp_path / "spec.json"
    src.write_text(json.dumps([{"key": "k", "title": "G", "messages": msgs}]), encoding="utf-8")
    service = CaseService(create_case(tmp_path / "c.chatsafe"))
    try:
        service.import_paths([src], ImportContext(owner="Minister"), format_name="spec")
        service.set_settings({"period_start": "2024-02-01", "period_end": "2024-02-28"})
        (conv,) = service.stats()["conversations"]
        total = service.summary().total
    finally:
        service.close()
    assert conv["labels"]["business"] == 10  # effective labels, as before (add-only contract)
    assert conv["in_period"] == 4
    assert conv["leaving"] == 4 == total.leaving
