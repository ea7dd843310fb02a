"""Reconciliation: a cut WhatsApp export and the app's database are one conversation,
each message once, earlier marks kept; the coverage says which source held what."""

from __future__ import annotations

from pathlib import Path

import pytest
from whatsapp_ios_db import CANARY, build_mac

from chatsafe.domain import Label
from chatsafe.importers.base import ImportContext
from chatsafe.ingest import import_paths
from chatsafe.review import labels
from chatsafe.review.labels import Role
from chatsafe.store import coverage, create_case, queries

# The export holds the chat's last two messages of the database, and one the database
# does not (deleted from the phone after the export was made).
EXPORT = (
    f"14-03-2024 09:01 - Minister: Dank, ik lees hem vandaag {CANARY}\n"
    "14-03-2024 09:06 - Jan Jansen: alleen in de export\n"
)


def ctx() -> ImportContext:
    return ImportContext(owner="Minister")


@pytest.fixture
def inputs(tmp_path: Path) -> tuple[Path, Path]:
    export = tmp_path / "WhatsApp-chat met Jan Jansen.txt"
    export.write_text(EXPORT, encoding="utf-8")
    return export, build_mac(tmp_path / "group.net.whatsapp.WhatsApp.shared")


def jan(case: object) -> dict[str, object]:
    stats = queries.case_stats(case.conn)["conversations"]  # type: ignore[attr-defined]
    (conv,) = [c for c in stats if c["title"] == "Jan Jansen"]
    return conv


@pytest.mark.parametrize("export_first", [True, False])
def test_export_and_database_are_one_conversation(
    tmp_path: Path, inputs: tuple[Path, Path], export_first: bool
) -> None:
    export, database = inputs
    case = create_case(tmp_path / "c.chatsafe")
    order = [export, database] if export_first else [database, export]
    import_paths(case, [order[0]], ctx())
    thanks = case.conn.execute(
        "SELECT id FROM messages WHERE text LIKE 'Dank, ik lees%'"
    ).fetchone()[0]
    with case.conn:
        labels.label_messages(case.conn, [thanks], Label.PRIVATE, by="Assistent",
                              role=Role.ASSISTANT)  # fmt: skip
    identities = dict(case.conn.execute("SELECT id, identity FROM messages").fetchall())
    import_paths(case, [order[1]], ctx())
    conv = jan(case)
    # 7 database rows of Jan's chat + 1 only in the export; the shared one once.
    assert conv["messages"] == 8
    assert conv["labels"]["private"] == 1  # the earlier mark stays on the one row
    row = case.conn.execute(
        "SELECT id, source_id FROM messages WHERE text LIKE 'Dank, ik lees%'"
    ).fetchall()
    assert len(row) == 1 and row[0][0] == thanks
    assert row[0][1] is not None  # it carries WhatsApp's id now, whichever came first
    for message_id, identity in identities.items():  # nothing already there changed identity
        assert case.conn.execute(
            "SELECT identity FROM messages WHERE id = ?", (message_id,)
        ).fetchone()[0] == identity
    cov = conv["coverage"]
    held = {s["source_format"]: (s["held"], s["kind"]) for s in cov["sources"]}
    assert held == {"whatsapp": (2, "export"), "whatsapp-ios": (7, "database")}
    assert cov["messages"] == 8 and cov["only_in_export"] == 1
    line = coverage.summary_line(cov)
    assert "whatsapp source holds 2 of 8" in line and "1 only in the export" in line
    # Re-importing either source adds nothing.
    assert import_paths(case, [export, database], ctx()).added == 0
    assert jan(case)["messages"] == 8
    case.close()


def test_two_chats_with_one_name_stay_apart(tmp_path: Path, inputs: tuple[Path, Path]) -> None:
    export, database = inputs
    case = create_case(tmp_path / "c.chatsafe")
    import_paths(case, [export], ctx())
    # A second chat named Jan Jansen (another Jan, exported from another phone).
    case.conn.execute("UPDATE conversations SET key = 'other-jan'")
    import_paths(case, [export], ctx())
    assert case.conn.execute(
        "SELECT count(*) FROM conversations WHERE title = 'Jan Jansen'"
    ).fetchone()[0] == 2
    import_paths(case, [database], ctx())  # ambiguous: the database gets its own
    assert case.conn.execute(
        "SELECT count(*) FROM conversations WHERE title = 'Jan Jansen'"
    ).fetchone()[0] == 3
    case.close()


def test_other_formats_are_not_reconciled(tmp_path: Path) -> None:
    """Only WhatsApp's sources are matched: a plain import has no coverage but its own."""
    case = create_case(tmp_path / "c.chatsafe")
    export = tmp_path / "WhatsApp-chat met Piet.txt"
    export.write_text("01-01-2024 10:00 - Piet: hallo\n", encoding="utf-8")
    import_paths(case, [export], ctx())
    stats = queries.case_stats(case.conn)["conversations"]
    (conv,) = stats
    assert conv["coverage"]["sources"][0]["held"] == 1
    assert conv["coverage"]["only_in_export"] == 0
    assert case.conn.execute("SELECT count(*) FROM conversation_aliases").fetchone()[0] == 0
    case.close()


def test_two_databases_of_one_chat_merge_by_jid_and_native_id(tmp_path: Path) -> None:
    """An Android backup and an iPhone's database (after a phone switch) name Jan by
    number and by name; the JID and WhatsApp's message ids make them one chat."""
    import sqlite3

    from whatsapp_android_db import KEY_HEX
    from whatsapp_android_db import build as build_android
    from whatsapp_ios_db import JAN

    phone = build_android(tmp_path / "WhatsApp")
    mac = build_mac(tmp_path / "group.net.whatsapp.WhatsApp.shared")
    # The same first message under the same id on both phones.
    db = sqlite3.connect(mac / "ChatStorage.sqlite")
    db.execute("UPDATE ZWAMESSAGE SET ZSTANZAID = '3EB00001' WHERE Z_PK = 1")
    db.commit()
    db.close()
    case = create_case(tmp_path / "c.chatsafe")
    import_paths(case, [phone], ImportContext(owner="Minister", extra={"whatsapp_key": KEY_HEX}))
    import_paths(case, [mac], ctx())
    convs = case.conn.execute(
        "SELECT id, title FROM conversations WHERE key = ?", (JAN,)
    ).fetchall()
    assert len(convs) == 1  # one conversation for Jan's JID
    n = case.conn.execute(
        "SELECT count(*) FROM messages WHERE conversation_id = ? AND source_id = '3EB00001'",
        (convs[0][0],),
    ).fetchone()[0]
    assert n == 1  # the shared message once
    assert case.conn.execute("SELECT count(*) FROM conversation_aliases").fetchone()[0] == 2
    case.close()
