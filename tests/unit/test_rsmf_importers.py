"""RSMF from each importer's fixtures (the cases the bundle tests build): every file is
valid against the RSMF 2.0 schema, its events are exactly the rows that leave (ids and
text), every present attachment of a leaving message is in it, and a reader made of
the standard library's ``email`` and ``zipfile`` gets the manifest back."""

from __future__ import annotations

import importlib
from pathlib import Path

import pytest

from chatsafe import identifiers
from chatsafe.export.rsmf import export_rsmf
from chatsafe.importers.base import ImportContext
from chatsafe.ingest import import_paths
from chatsafe.review.summary import leaving_message_ids
from chatsafe.store import Case, create_case
from tests.rsmf_support import read_rsmf, validate
from tests.unit.test_bundle_importers import TABLE


def _case(fmt: str, tmp: Path) -> Case:
    # TABLE: source -> (importer module, how to get an export of it).
    name, build = TABLE[fmt]
    module = importlib.import_module(f"chatsafe.importers.{name}")
    export, ctx_args = build(tmp)
    case = create_case(tmp / "c.chatsafe", passphrase="fixture-pass")
    import_paths(
        case,
        [export],
        ImportContext(owner="Minister", **ctx_args),
        format_name=module.IMPORTER.name,
    )
    return case


def _expected(case: Case) -> tuple[dict[str, str], int]:
    """URN -> text of each leaving row, and how many present attachments they carry."""
    rows: dict[str, str] = {}
    files = 0
    c = case.conn
    for (cid,) in c.execute("SELECT id FROM conversations").fetchall():
        for mid in leaving_message_ids(c, int(cid)):
            ident, text = c.execute(
                "SELECT identity, text FROM messages WHERE id = ?", (mid,)
            ).fetchone()
            rows[identifiers.message_urn(case.id, bytes(ident))] = str(text)
            files += c.execute(
                "SELECT count(*) FROM attachments WHERE message_id = ? AND present"
                " AND blob_id IS NOT NULL",
                (mid,),
            ).fetchone()[0]
    return rows, files


@pytest.mark.parametrize("fmt", sorted(TABLE))
def test_rsmf_from_importer_fixture(fmt: str, tmp_path: Path) -> None:
    case = _case(fmt, tmp_path)
    expected, files = _expected(case)
    assert expected, f"the {fmt} fixture has business messages"
    out = tmp_path / "rsmf"
    result = export_rsmf(case, out, by="Minister", role="minister")
    case.close()
    events: dict[str, str] = {}
    attachments = 0
    written = sorted(out.iterdir())
    assert written and all(f.suffix == ".rsmf" for f in written)
    for f in written:
        r = read_rsmf(f)
        validate(r)
        assert len(r.manifest["events"]) <= 10_000
        assert f.stat().st_size < 2_000_000_000
        for e in r.manifest["events"]:
            assert e["id"] not in events
            events[e["id"]] = e.get("body", "")
            attachments += len(e.get("attachments", []))
    assert events == expected
    assert attachments == files == result.attachments
    assert result.events == len(expected)
