"""RSMF export of a generated case: valid against the schema, the events are exactly the
rows that leave, slices keep the limits, and the files are written atomically."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import pytest

from chatsafe import identifiers
from chatsafe.errors import CancelledError, CaseError, ChatsafeError
from chatsafe.export.rsmf import export_rsmf
from chatsafe.review.labels import ReviewError
from chatsafe.review.summary import leaving_message_ids
from chatsafe.store import Case
from tests.bundle_support import build_case, message_ids
from tests.rsmf_support import all_text, read_rsmf, validate


def spec() -> list[dict[str, Any]]:
    big = "x" * 3000
    group = [
        {"sender": "Minister", "wallclock": "2024-03-04T08:00:00", "text": "Goedemorgen",
         "source_id": "m1"},
        {"sender": "Jan de Vries", "wallclock": "2024-03-04T08:05:00", "text": "Dag\nminister",
         "source_id": "m2", "reply_to": "m1"},
        {"kind": "event", "event_type": "member_added", "wallclock": "2024-03-04T09:00:00",
         "text": "Minister added Ånne"},
        {"sender": "Ånne", "wallclock": "2024-03-04T09:01:00", "text": "", "deleted": True},
        {"sender": "Jan de Vries", "wallclock": "2024-03-05T10:00:00", "text": "Nota",
         "attachments": [{"name": "nota.txt", "mime": "text/plain", "data": big}]},
        {"sender": "Jan de Vries", "wallclock": "2024-03-05T10:01:00", "text": "foto",
         "attachments": [{"name": "IMG-1.jpg", "mime": "image/jpeg"}]},
        {"sender": "Minister", "wallclock": "2024-03-05T10:02:00", "text": "Privé PRIVCANARY",
         "source_id": "m7"},
        {"sender": "Jan de Vries", "wallclock": "2024-03-06T11:00:00", "text": "Antwoord",
         "reply_to": "m7", "view_once": True},
        {"kind": "event", "event_type": "disappearing_on", "wallclock": "2024-03-06T12:00:00",
         "text": "Berichten verdwijnen na 7 dagen", "extra": {"disappearing": "7 days"}},
    ]  # fmt: skip
    one = [
        {"sender": "Minister", "wallclock": f"2024-03-0{d}T1{h}:00:00", "text": f"bericht {d}{h}",
         "attachments": [{"name": f"doc{d}{h}.txt", "mime": "text/plain", "data": big}]}
        for d in (4, 5) for h in range(4)
    ]  # fmt: skip
    return [
        {"key": "g", "title": "Kabinetsoverleg", "is_group": True,
         "participants": ["Minister", "Jan de Vries", "Ånne"], "messages": group},
        {"key": "o", "title": "Jan", "messages": one},
    ]  # fmt: skip


@pytest.fixture
def case(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Case:
    c = build_case(tmp_path / "c.chatsafe", spec(), monkeypatch)
    (mid,) = message_ids(c, "PRIVCANARY")
    with c.transaction() as t:
        t.execute(
            "INSERT INTO message_labels VALUES(?, 'private', 'confirmed', NULL, 'M',"
            " 'minister', '2024')",
            (mid,),
        )
    return c


def _leaving(case: Case) -> dict[str, str]:
    """URN -> text of every row that leaves, straight from the one definition."""
    out = {}
    for (cid,) in case.conn.execute("SELECT id FROM conversations").fetchall():
        for mid in leaving_message_ids(case.conn, int(cid)):
            ident, text = case.conn.execute(
                "SELECT identity, text FROM messages WHERE id = ?", (mid,)
            ).fetchone()
            out[identifiers.message_urn(case.id, bytes(ident))] = str(text)
    return out


def test_every_leaving_row_is_one_event_and_nothing_else(case: Case, tmp_path: Path) -> None:
    out = tmp_path / "rsmf"
    result = export_rsmf(case, out, by="Minister", role="minister")
    files = sorted(out.iterdir())
    assert [f.name for f in files] == sorted(f.name for f in result.files)
    # Group: three days; one-to-one: two days.
    assert [f.name for f in files] == [
        "conversation-0001_2024-03-04.rsmf",
        "conversation-0001_2024-03-05.rsmf",
        "conversation-0001_2024-03-06.rsmf",
        "conversation-0002_2024-03-04.rsmf",
        "conversation-0002_2024-03-05.rsmf",
    ]
    events: dict[str, str] = {}
    for f in files:
        r = read_rsmf(f)
        validate(r)
        days = {e["timestamp"][:10] for e in r.manifest["events"]}
        assert len(days) == 1 and f.stem.endswith(days.pop())
        for e in r.manifest["events"]:
            assert e["id"] not in events
            events[e["id"]] = e.get("body", "")
    assert events == _leaving(case)
    assert "PRIVCANARY" not in b"".join(f.read_bytes() for f in files).decode("latin-1")
    assert result.events == len(events)


def test_fields_map_chatsafe_markers(case: Case, tmp_path: Path) -> None:
    out = tmp_path / "rsmf"
    export_rsmf(case, out, by="Minister", role="minister")
    day4 = read_rsmf(out / "conversation-0001_2024-03-04.rsmf")
    m = day4.manifest
    (conv,) = m["conversations"]
    assert conv["type"] == "channel" and conv["platform"] == "spec"
    assert conv["id"] == identifiers.conversation_urn(case.id, "spec", "g")
    assert m["eventcollectionid"] == conv["id"]
    names = {p["id"]: p["display"] for p in m["participants"]}
    assert names[conv["custodian"]] == "Minister"
    assert "Ånne" in day4.headers["X-RSMF-Participants"]
    assert day4.headers["X-RSMF-Custodian"] == "Minister"
    first, reply, joined, deleted = m["events"]
    assert reply["parent"] == first["id"] and reply["body"] == "Dag\nminister"
    assert first["direction"] == "outgoing" and reply["direction"] == "incoming"
    assert joined["type"] == "join"
    assert deleted["deleted"] is True
    assert first["timestamp"] == "2024-03-04T08:00:00+01:00"
    assert "[deleted]" in day4.body and "Dag\n    minister" in day4.body

    day5 = read_rsmf(out / "conversation-0001_2024-03-05.rsmf")
    nota, foto = day5.manifest["events"]  # the private message is not there
    (att,) = nota["attachments"]
    assert att["display"] == "nota.txt" and day5.members[att["id"]] == b"x" * 3000
    sha = hashlib.sha256(b"x" * 3000).hexdigest()
    archived = identifiers.part_urn(case.id, conv["id"], f"attachment:{sha}")
    assert {"name": f"archive id of {att['id']}", "value": archived} in nota["custom"]
    assert "attachments" not in foto
    assert {"name": "missing attachment", "value": "IMG-1.jpg"} in foto["custom"]

    day6 = read_rsmf(out / "conversation-0001_2024-03-06.rsmf")
    answer, timer = day6.manifest["events"]
    # It replies to a withheld message: no parent, no hint of it.
    assert "parent" not in answer and all(c["name"] != "reply to" for c in answer["custom"])
    assert {"name": "view once", "value": "true"} in answer["custom"]
    assert timer["type"] == "history"
    assert {"name": "disappearing", "value": "7 days"} in timer["custom"]


def test_reply_across_slices_is_named_under_custom(case: Case, tmp_path: Path) -> None:
    export_rsmf(case, tmp_path / "r", by="Minister", role="minister", slicing="day", max_events=1)
    files = sorted((tmp_path / "r").iterdir())
    assert all(len(read_rsmf(f).manifest["events"]) == 1 for f in files)
    manifests = [read_rsmf(f).manifest for f in files]
    first = manifests[0]["events"][0]["id"]
    reply = manifests[1]["events"][0]
    assert "parent" not in reply
    assert {"name": "reply to", "value": first} in reply["custom"]


@pytest.mark.parametrize("slicing", ["day", "conversation"])
def test_slices_keep_the_event_and_size_limits(case: Case, tmp_path: Path, slicing: str) -> None:
    out = tmp_path / "rsmf"
    limit = 60_000
    result = export_rsmf(
        case, out, by="Minister", role="minister", slicing=slicing, max_events=3, max_bytes=limit
    )
    assert not result.warnings
    seen = 0
    for f in out.iterdir():
        r = read_rsmf(f)
        validate(r)
        assert len(r.manifest["events"]) <= 3
        assert f.stat().st_size <= limit
        seen += len(r.manifest["events"])
    assert seen == len(_leaving(case))
    if slicing == "conversation":
        assert all(f.name.startswith("conversation-000") for f in out.iterdir())
        assert len(list(out.iterdir())) >= 5  # 8 events and 8 files of 3 kB: cut by size


def test_one_entry_over_the_size_limit_is_written_alone_and_reported(
    case: Case, tmp_path: Path
) -> None:
    result = export_rsmf(case, tmp_path / "r", by="Minister", role="minister", max_bytes=1000)
    assert result.warnings and all("cannot be split" in w for w in result.warnings)
    assert all(f.events == 1 for f in result.files)


def test_assistant_needs_the_ministers_approval(case: Case, tmp_path: Path) -> None:
    with pytest.raises(ReviewError):
        export_rsmf(case, tmp_path / "r", by="Assistent", role="assistant")
    assert not (tmp_path / "r").exists()


def test_export_is_recorded_in_the_review_log(case: Case, tmp_path: Path) -> None:
    from chatsafe.review import log

    head = log.head(case.conn)
    export_rsmf(case, tmp_path / "r", by="Minister", role="minister")
    assert case.conn.in_transaction is False
    (entry,) = case.conn.execute(
        "SELECT entry FROM review_log WHERE json_extract(entry, '$.action') = 'rsmf-exported'"
    ).fetchone()
    assert json.loads(entry)["new"] == {
        "files": 5, "conversations": 2, "events": 16, "attachments": 9,
        "review_log_head": head,
    }  # fmt: skip


def test_an_export_by_it_after_the_ministers_approval_keeps_the_approval(
    case: Case, tmp_path: Path
) -> None:
    from chatsafe.bundle import approval, builder

    builder.approve(case, by="Minister")
    export_rsmf(case, tmp_path / "r1", by="IT", role="it")
    assert approval.current_approval(case.conn) is not None
    export_rsmf(case, tmp_path / "r2", by="IT", role="it")


def test_a_folder_with_files_is_refused(case: Case, tmp_path: Path) -> None:
    out = tmp_path / "r"
    out.mkdir()
    (out / "old.rsmf").write_bytes(b"earlier export")
    with pytest.raises(ChatsafeError, match="new or empty folder"):
        export_rsmf(case, out, by="Minister", role="minister")
    assert [p.name for p in out.iterdir()] == ["old.rsmf"]
    empty = tmp_path / "empty"
    empty.mkdir()
    export_rsmf(case, empty, by="Minister", role="minister")
    assert len(list(empty.iterdir())) == 5


def test_cancel_leaves_no_folder_and_no_temporary_files(case: Case, tmp_path: Path) -> None:
    calls = []

    def cancelled() -> bool:
        calls.append(1)
        return len(calls) > 3

    with pytest.raises(CancelledError):
        export_rsmf(case, tmp_path / "r", by="Minister", role="minister", cancelled=cancelled)
    assert len(calls) == 4
    assert case.conn.in_transaction is False  # the read snapshot ended with the cancel
    assert not [p.name for p in tmp_path.iterdir() if p.name.startswith((".r.", "r"))]


def test_stale_temporary_folders_of_dead_runs_are_removed(case: Case, tmp_path: Path) -> None:
    stale = tmp_path / ".r.partial-999999999-abcd"
    stale.mkdir()
    (stale / "x.rsmf").write_bytes(b"half")
    export_rsmf(case, tmp_path / "r", by="Minister", role="minister")
    assert not stale.exists()


def test_files_lost_while_writing_mean_no_export(case: Case, tmp_path: Path) -> None:
    # What another run's cleanup could do on Windows, where liveness cannot be checked.
    def cancelled() -> bool:
        for d in tmp_path.glob(".r.partial-*"):
            for f in d.iterdir():
                f.unlink()
        return False

    with pytest.raises(CaseError, match="changed while they were written"):
        export_rsmf(case, tmp_path / "r", by="Minister", role="minister", cancelled=cancelled)
    assert not (tmp_path / "r").exists() and not list(tmp_path.glob(".r.partial-*"))


def test_an_edited_version_carries_the_earlier_text_only_when_that_leaves(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    msgs = [
        {"sender": "Jan", "wallclock": "2024-03-06T12:30:00", "text": "Eerste versie EARLYCANARY"},
        {"sender": "Jan", "wallclock": "2024-03-06T12:30:00", "text": "Tweede versie"},
        {"sender": "Minister", "wallclock": "2024-03-06T12:31:00", "text": "Goed"},
    ]
    c = build_case(tmp_path / "e.chatsafe", [{"key": "e", "title": "E", "messages": msgs}],
                   monkeypatch)  # fmt: skip
    (first,) = message_ids(c, "Eerste versie")
    (second,) = message_ids(c, "Tweede versie")
    with c.transaction() as t:  # as review/versions.py links a re-imported edit
        t.execute("UPDATE messages SET edited = 1, edit_of = ? WHERE id = ?", (first, second))
    export_rsmf(c, tmp_path / "r1", by="Minister", role="minister")
    (f,) = (tmp_path / "r1").iterdir()
    old, new, _ = read_rsmf(f).manifest["events"]
    assert new["edits"] == [
        {"participant": old["participant"], "previous": "Eerste versie EARLYCANARY",
         "new": "Tweede versie"}
    ]  # fmt: skip
    assert {"name": "earlier version", "value": old["id"]} in new["custom"]

    with c.transaction() as t:  # the earlier version withheld, the edit kept as business
        for mid, label in ((first, "private"), (second, "business")):
            t.execute(
                "INSERT INTO message_labels VALUES(?, ?, 'confirmed', NULL, 'M', 'minister',"
                " '2024')",
                (mid, label),
            )
    export_rsmf(c, tmp_path / "r2", by="Minister", role="minister")
    (f,) = (tmp_path / "r2").iterdir()
    assert "EARLYCANARY" not in all_text(read_rsmf(f))
    new, _ = read_rsmf(f).manifest["events"]
    assert new["edits"] == [{"participant": new["participant"]}]
    assert all(x["name"] != "earlier version" for x in new["custom"])
