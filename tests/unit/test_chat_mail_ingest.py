"""Telegram, Matrix and e-mail sources through detection and ingest into a case."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from chatsafe import importers
from chatsafe.errors import InputError
from chatsafe.importers.base import ImportContext
from chatsafe.ingest import import_paths
from chatsafe.sources import open_source
from chatsafe.store import create_case, queries

FIXTURES = Path(__file__).parent.parent / "fixtures"
SOURCES = {
    "telegram": FIXTURES / "telegram" / "full_current",
    "matrix": FIXTURES / "matrix" / "room.json",
    "email": FIXTURES / "email" / "takeout.mbox",
}


def test_detection_picks_each_format() -> None:
    for name, path in SOURCES.items():
        with open_source(path) as source:
            assert importers.detect(source).name == name
    for extra in (FIXTURES / "telegram" / "single_2020", FIXTURES / "email" / "single.eml"):
        with open_source(extra) as source:
            assert importers.detect(source).name in ("telegram", "email")


def test_side_by_side_idempotent_import(tmp_path: Path) -> None:
    case = create_case(tmp_path / "c.chatsafe")
    paths = list(SOURCES.values())
    first = import_paths(case, paths, ImportContext())
    # Telegram 18 entries; Matrix 24 events less 3 edits and 1 reaction, plus the edit of
    # a message from before the export; e-mail 6 mails.
    assert first.added == 18 + 21 + 6
    assert import_paths(case, paths, ImportContext()).added == 0
    stats = queries.case_stats(case.conn)["conversations"]
    assert {c["source_format"] for c in stats} == set(SOURCES)
    case.close()


def test_single_chat_export_merges_into_full_export(tmp_path: Path) -> None:
    case = create_case(tmp_path / "c.chatsafe")
    import_paths(case, [SOURCES["telegram"]], ImportContext())
    before = len(queries.case_stats(case.conn)["conversations"])
    added = import_paths(case, [FIXTURES / "telegram" / "single_2020"], ImportContext()).added
    assert added == 4  # older messages of the same chat (same chat id)
    assert len(queries.case_stats(case.conn)["conversations"]) == before
    case.close()


@pytest.mark.parametrize("name", list(SOURCES))
def test_hostile_zip_refused_and_case_unchanged(tmp_path: Path, name: str) -> None:
    case = create_case(tmp_path / "c.chatsafe")
    evil = tmp_path / "evil.zip"
    src = SOURCES[name]
    with zipfile.ZipFile(evil, "w") as zf:
        for path in [src] if src.is_file() else sorted(src.rglob("*")):
            if path.is_file():
                zf.write(path, path.name)
        zf.writestr("../../evil.txt", b"x")
    with pytest.raises(InputError, match=r"refused.*\.\."):
        import_paths(case, [SOURCES["email"], evil])
    assert case.conn.execute("SELECT count(*) FROM messages").fetchone()[0] == 0
    case.close()
