"""The import report: every entry read is a message, an event, or a report line (issue 12)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from chatsafe import importers
from chatsafe.domain import EntryTally, Kind, ParsedConversation, ParsedMessage
from chatsafe.importers.base import ImportContext
from chatsafe.ingest import import_paths
from chatsafe.sources import Source
from chatsafe.store import create_case, open_case, queries
from chatsafe.store.entries import UNACCOUNTED, settle


class TallyImporter:
    """'time|sender|text' lines; 'EMPTY' is an entry it reports, 'LOST' one it forgets,
    'ORPHAN' an entry outside any conversation that it reports on the source."""

    name = "tally"
    label = "Test tally"
    description = "lines with reported and forgotten entries"

    def sniff(self, source: Source) -> int:
        return 100

    def parse(self, source: Source, ctx: ImportContext) -> Iterator[ParsedConversation]:
        text = source.read(source.names()[0]).decode()
        tally = EntryTally()

        def messages() -> Iterator[ParsedMessage]:
            for pos, line in enumerate(text.strip().split("\n"), 1):
                if line == "ORPHAN":
                    ctx.tally.read += 1
                    ctx.tally.skip(f"line {pos}", "not-a-chat", "a line of no conversation")
                    continue
                tally.read += 1
                if line == "EMPTY":
                    tally.skip(f"line {pos}", "empty-entry", "an entry without content")
                    continue
                if line == "LOST":
                    continue
                when, sender, body = line.split("|")
                yield ParsedMessage(pos, Kind.MESSAGE, sender, when, body)

        yield ParsedConversation(
            "tally", source.path.stem, source.path.stem, messages(), tally=tally
        )


@pytest.fixture
def tally_format(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(importers, "all_importers", lambda: [TallyImporter()])


LINES = [
    "2024-03-01T09:00:00|Minister|Goedemorgen",
    "EMPTY",
    "2024-03-01T09:01:00|Adviseur|Kamerbrief",
    "LOST",
    "ORPHAN",
]


def test_reported_and_forgotten_entries_reach_stats(tmp_path: Path, tally_format: None) -> None:
    export = tmp_path / "chat.txt"
    export.write_text("\n".join(LINES) + "\n", encoding="utf-8")
    case = create_case(tmp_path / "c.chatsafe")
    report = import_paths(case, [export], ImportContext(owner="Minister"))
    assert report.added == 2
    assert report.entries_read == 5
    assert report.not_imported == 3
    case.close()

    with open_case(tmp_path / "c.chatsafe") as again:
        stats = queries.case_stats(again.conn)
    conv = stats["conversations"][0]
    assert conv["messages"] == 2
    assert conv["entries_read"] == 4
    assert conv["entries_not_imported"] == {
        "count": 2,
        "reasons": {"empty-entry": 1, UNACCOUNTED: 1},
    }
    (source,) = stats["sources"]
    assert source["path_name"] == "chat.txt"
    assert source["format"] == "tally"
    assert source["entries_read"] == 5
    assert source["entries_not_imported"]["count"] == 3
    lines = source["entries_not_imported"]["entries"]
    assert [(ln["position"], ln["reason"]) for ln in lines] == [
        ("line 2", "empty-entry"),
        ("", UNACCOUNTED),
        ("line 5", "not-a-chat"),
    ]
    assert lines[0]["conversation"] == conv["id"]
    assert lines[2]["conversation"] is None
    # Every entry read is accounted for: messages + events + not imported.
    assert conv["messages"] + conv["events"] + conv["entries_not_imported"]["count"] == 4


def test_settle_without_a_tally_counts_each_message_as_an_entry() -> None:
    assert settle(None, 7) == (7, [], 0)


def test_settle_reports_the_shortfall_once_with_its_size() -> None:
    tally = EntryTally(read=10)
    tally.skip("row 3", "empty-entry")
    read, lines, missing = settle(tally, 6)
    assert (read, missing) == (10, 4)
    assert [ln.reason for ln in lines] == ["empty-entry", UNACCOUNTED]
    assert "3 entries" in lines[1].detail


def test_settle_never_reports_fewer_entries_than_were_accounted_for() -> None:
    read, lines, missing = settle(EntryTally(read=2), 5)
    assert (read, lines, missing) == (5, [], 0)


def test_a_message_over_the_limit_is_refused_naming_file_and_entry(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from chatsafe import ingest_writer
    from chatsafe.errors import InputError

    monkeypatch.setattr(ingest_writer, "MAX_MESSAGE_CHARS", 20)
    monkeypatch.setattr(importers, "all_importers", lambda: [TallyImporter()])
    export = tmp_path / "chat.txt"
    export.write_text(
        "2024-03-01T09:00:00|A|kort\n2024-03-01T09:01:00|A|" + "x" * 21 + "\n", encoding="utf-8"
    )
    case = create_case(tmp_path / "c.chatsafe")
    with pytest.raises(InputError) as err:
        import_paths(case, [export], ImportContext())
    assert str(err.value).startswith(f"{export}: entry 2 holds 21 characters")
    assert case.conn.execute("SELECT count(*) FROM messages").fetchone()[0] == 0
    case.close()
