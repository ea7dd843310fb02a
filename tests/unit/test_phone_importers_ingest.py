"""SMS, iMessage and Signal sources through detection and ingest into a case."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from imessage_db import build_folder
from signal_desktop_db import KEY
from signal_desktop_db import build as build_signal

from chatsafe import importers
from chatsafe.errors import InputError
from chatsafe.importers.base import ImportContext
from chatsafe.ingest import import_paths
from chatsafe.sources import open_source
from chatsafe.store import create_case, queries

FIXTURES = Path(__file__).parent.parent / "fixtures"


@pytest.fixture
def sources(tmp_path: Path) -> dict[str, Path]:
    return {
        "sms": FIXTURES / "sms" / "backup.xml",
        "signal-export": FIXTURES / "signal_export" / "export",
        "imessage": build_folder(tmp_path / "Messages"),
        "signal-desktop": build_signal(tmp_path / "Signal"),
    }


def test_detection_picks_each_format(sources: dict[str, Path]) -> None:
    for name, path in sources.items():
        with open_source(path) as source:
            assert importers.detect(source).name == name


def test_side_by_side_idempotent_import(tmp_path: Path, sources: dict[str, Path]) -> None:
    case = create_case(tmp_path / "c.chatsafe")
    paths = list(sources.values())
    first = import_paths(case, paths, ImportContext(signal_key=KEY))
    assert first.added == 8 + 11 + 9 + 11
    again = import_paths(case, paths, ImportContext(signal_key=KEY))
    assert again.added == 0
    stats = queries.case_stats(case.conn)["conversations"]
    assert {c["source_format"] for c in stats} == set(sources)
    jan = next(c for c in stats if c["source_format"] == "sms" and c["title"] == "Jan Jansen")
    assert "+31699999999" not in jan["participants"]  # the owner's number
    kept = {r[0] for r in case.conn.execute("SELECT name FROM source_files")}
    assert {"chat.db", "sql/db.sqlite"} <= kept  # databases opened in place are originals
    case.close()


def test_refusal_reaches_the_user_and_case_stays_unchanged(
    tmp_path: Path, sources: dict[str, Path]
) -> None:
    case = create_case(tmp_path / "c.chatsafe")
    evil = tmp_path / "evil.zip"
    with zipfile.ZipFile(evil, "w") as zf:
        zf.write(sources["sms"], "../../sms.xml")
    with pytest.raises(InputError, match=r"refused.*\.\."):
        import_paths(case, [sources["sms"], evil])
    with pytest.raises(InputError, match="--signal-key"):
        import_paths(case, [sources["signal-desktop"]])
    assert case.conn.execute("SELECT count(*) FROM messages").fetchone()[0] == 0
    case.close()
