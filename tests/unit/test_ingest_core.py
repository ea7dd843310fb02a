"""Ingest and the case file, driven by a small in-test importer (no parser involved)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from chatsafe import importers
from chatsafe.domain import EventType, Kind, ParsedAttachment, ParsedConversation, ParsedMessage
from chatsafe.errors import CancelledError, InputError
from chatsafe.importers.base import ImportContext
from chatsafe.ingest import import_paths
from chatsafe.sources import Source
from chatsafe.store import create_case, open_case, queries


class LinesImporter:
    """Reads 'time|sender|text' lines; a test stand-in for a real format."""

    name = "lines"
    label = "Test lines"
    description = "time|sender|text per line"

    def sniff(self, source: Source) -> int:
        return 100

    def parse(self, source: Source, ctx: ImportContext) -> Iterator[ParsedConversation]:
        name = source.names()[0]
        text = source.read(name).decode()
        msgs = []
        for pos, line in enumerate(text.strip().split("\n")):
            if line == "BAD":
                raise InputError("bad line", file=source.display, line=pos + 1)
            when, sender, body = line.split("|")
            kind = Kind.EVENT if sender == "-" else Kind.MESSAGE
            atts = []
            if body.startswith("att:"):
                atts = [ParsedAttachment(body[4:], "text/plain", b"bytes of " + body.encode())]
            msgs.append(
                ParsedMessage(
                    position=pos,
                    kind=kind,
                    sender=None if kind is Kind.EVENT else sender,
                    wallclock=when,
                    text=body,
                    event_type=EventType.OTHER if kind is Kind.EVENT else None,
                    attachments=atts,
                )
            )
        yield ParsedConversation("lines", source.path.stem, source.path.stem, iter(msgs))


@pytest.fixture
def lines_format(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(importers, "all_importers", lambda: [LinesImporter()])


def write(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


BASE = [
    "2024-03-01T09:00:00|Minister|Goedemorgen",
    "2024-03-01T09:01:00|Adviseur|Kamerbrief staat klaar",
    "2024-03-01T09:01:00|Adviseur|Kamerbrief staat klaar",
    "2024-03-01T09:02:00|-|Adviseur added Pers",
    "2024-03-01T08:59:00|Adviseur|eerste regel stond niet op volgorde",
    "2024-03-01T09:03:00|Pers|att:nota.txt",
]


def test_import_is_idempotent_and_merges(tmp_path: Path, lines_format: None) -> None:
    case = create_case(tmp_path / "c.chatsafe")
    export = write(tmp_path / "chat.txt", BASE)
    report = import_paths(case, [export], ImportContext(owner="Minister"))
    assert report.added == 6
    again = import_paths(case, [export], ImportContext(owner="Minister"))
    assert again.added == 0 and again.skipped == 6
    later = write(tmp_path / "chat2.txt", [*BASE, "2024-03-02T10:00:00|Minister|Nieuw"])
    later = later.rename(tmp_path / "chat.txt") if False else later
    # same conversation key: the stem must match, so write it under the same name elsewhere
    d = tmp_path / "later"
    d.mkdir()
    later2 = write(d / "chat.txt", [*BASE, "2024-03-02T10:00:00|Minister|Nieuw"])
    merged = import_paths(case, [later2], ImportContext(owner="Minister"))
    assert merged.added == 1
    stats = queries.case_stats(case.conn)["conversations"]
    assert len(stats) == 1
    conv = stats[0]
    assert conv["messages"] == 6 and conv["events"] == 1
    assert conv["first"] == "2024-03-01T08:59:00"
    assert conv["last"] == "2024-03-02T10:00:00"
    assert conv["attachments"] == {"referenced": 1, "present": 1, "missing": 0}
    rows = list(queries.iter_messages(case.conn, conv["id"]))
    assert [r["time"] for r in rows] == sorted(r["time"] for r in rows)
    assert rows[0]["text"] == "eerste regel stond niet op volgorde"
    case.close()


def test_bad_input_leaves_case_unchanged(tmp_path: Path, lines_format: None) -> None:
    case = create_case(tmp_path / "c.chatsafe")
    good = write(tmp_path / "good.txt", BASE)
    bad = write(tmp_path / "bad.txt", [BASE[0], "BAD"])
    with pytest.raises(InputError) as err:
        import_paths(case, [good, bad])
    assert "bad.txt:2" in str(err.value)
    assert case.conn.execute("SELECT count(*) FROM messages").fetchone()[0] == 0
    assert case.conn.execute("SELECT count(*) FROM blobs").fetchone()[0] == 0
    case.close()


def test_cancel_rolls_back(tmp_path: Path, lines_format: None) -> None:
    case = create_case(tmp_path / "c.chatsafe")
    good = write(tmp_path / "good.txt", BASE)
    ctx = ImportContext(cancelled=lambda: True)
    with pytest.raises(CancelledError):
        import_paths(case, [good], ctx)
    assert case.conn.execute("SELECT count(*) FROM messages").fetchone()[0] == 0
    case.close()


def test_originals_are_kept_and_hashed(tmp_path: Path, lines_format: None) -> None:
    import hashlib

    case = create_case(tmp_path / "c.chatsafe")
    export = write(tmp_path / "chat.txt", BASE)
    import_paths(case, [export])
    name, sha, size, data = case.conn.execute(
        "SELECT s.name, s.sha256, s.size, b.data FROM source_files s JOIN blobs b ON b.id = s.blob_id"
    ).fetchone()
    raw = export.read_bytes()
    assert (name, sha, size, bytes(data)) == (
        "chat.txt",
        hashlib.sha256(raw).hexdigest(),
        len(raw),
        raw,
    )
    case.close()
    reopened = open_case(tmp_path / "c.chatsafe")
    assert reopened.check_integrity() == []
    hits = reopened.conn.execute(
        "SELECT count(*) FROM message_fts WHERE message_fts MATCH 'kamerbrief'"
    ).fetchone()[0]
    assert hits == 2
    reopened.close()
