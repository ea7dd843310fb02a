"""Hostile values in source databases and XML (issue 12): exit 0 or 2, never 1.

A value of the wrong type in a chat.db, a Signal Desktop database or an SMS backup is
refused in one line naming the place, or read; it never surfaces as an internal error.
Here that means: only ChatsafeError escapes import_paths (the CLI maps it to exit 2 and
everything else to exit 1), and a refused import leaves the case without a message.
"""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
from pathlib import Path
from typing import Any

import pytest
import sqlcipher3
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from chatsafe.errors import ChatsafeError, InputError
from chatsafe.importers.base import ImportContext
from chatsafe.importers.sqlite_readonly import open_readonly
from chatsafe.ingest import import_paths
from chatsafe.sources import open_source
from chatsafe.store import create_case
from tests.unit import imessage_db, signal_desktop_db

CHATSAFE = Path(__file__).parent.parent.parent / "chatsafe"
SMS = Path(__file__).parent.parent / "fixtures" / "sms" / "backup.xml"

HOSTILE: list[Any] = [
    b"\xff\x00 a blob",
    "tekst",
    "",
    1.5,
    float("nan"),
    float("inf"),
    -1,
    0,
    2**63 - 1,
    -(2**63),
    None,
]


def _import(tmp_path: Path, export: Path, **ctx: Any) -> None:
    """Import into a fresh case; only a ChatsafeError may escape, and then nothing is kept."""
    case_path = tmp_path / f"case-{len(list(tmp_path.iterdir()))}.chatsafe"
    case = create_case(case_path)
    try:
        import_paths(case, [export], ImportContext(**ctx))
    except ChatsafeError:
        assert case.conn.execute("SELECT count(*) FROM messages").fetchone()[0] == 0
        assert case.conn.execute("SELECT count(*) FROM imports").fetchone()[0] == 0
    finally:
        case.close()


def test_blob_in_message_text_is_refused_naming_table_row_and_column(tmp_path: Path) -> None:
    db = imessage_db.build(tmp_path / "chat.db")
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE message SET text = ? WHERE ROWID = 6", (b"\xffbinary",))
    with pytest.raises(InputError) as err:
        _strict_import(tmp_path, db)
    assert "the message row 6 holds binary data in the column 'text'" in str(err.value)
    assert "chat.db" in str(err.value)


def test_text_in_message_date_is_refused(tmp_path: Path) -> None:
    db = imessage_db.build(tmp_path / "chat.db")
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE message SET date = 'gisteren' WHERE ROWID = 2")
    with pytest.raises(InputError) as err:
        _strict_import(tmp_path, db)
    assert "the message row 2 holds text in the column 'date'" in str(err.value)


def _strict_import(tmp_path: Path, export: Path) -> None:
    case = create_case(tmp_path / "strict.chatsafe")
    try:
        import_paths(case, [export], ImportContext())
    finally:
        case.close()


_CHAT_DB_COLUMNS = [
    ("message", c)
    for c in (
        "guid text attributedBody handle_id is_from_me date date_edited date_retracted"
        " item_type group_action_type group_title other_handle associated_message_guid"
        " associated_message_type associated_message_emoji"
    ).split()
] + [
    ("handle", "id"),
    ("chat", "guid"),
    ("chat", "style"),
    ("chat", "display_name"),
    ("chat", "chat_identifier"),
    ("attachment", "filename"),
    ("attachment", "mime_type"),
    ("attachment", "transfer_name"),
    ("chat_message_join", "chat_id"),
    ("chat_handle_join", "handle_id"),
    ("message_attachment_join", "message_id"),
    ("chat_recoverable_message_join", "message_id"),
]

_FUZZ = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@pytest.fixture(scope="module")
def chat_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return imessage_db.build_folder(tmp_path_factory.mktemp("imessage") / "Messages")


@_FUZZ
@given(st.sampled_from(_CHAT_DB_COLUMNS), st.sampled_from(HOSTILE), st.integers(0, 3))
def test_chat_db_values_never_make_an_internal_error(
    tmp_path: Path, chat_db: Path, column: tuple[str, str], value: Any, which: int
) -> None:
    work = tmp_path / f"w{len(list(tmp_path.iterdir()))}"
    shutil.copytree(chat_db, work)
    table, name = column
    with sqlite3.connect(work / "chat.db") as conn:
        rowids = [r[0] for r in conn.execute(f"SELECT rowid FROM {table} ORDER BY rowid")]
        target = rowids[which % len(rowids)]
        try:
            conn.execute(f"UPDATE {table} SET {name} = ? WHERE rowid = ?", (value, target))
        except sqlite3.IntegrityError:
            return  # NOT NULL or UNIQUE: SQLite itself refuses this value
    _import(tmp_path, work)


@pytest.fixture(scope="module")
def signal_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return signal_desktop_db.build(tmp_path_factory.mktemp("signal") / "Signal")


_SIGNAL_COLUMNS = [
    ("messages", c) for c in ("id", "json", "sent_at", "conversationId", "type", "body")
] + [("conversations", c) for c in ("id", "json", "type", "name", "profileFullName", "e164")]


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    st.sampled_from(_SIGNAL_COLUMNS),
    st.sampled_from([*HOSTILE, "{}", "[1, 2]", '{"attachments": [{"path": 5}]}', "{not json"]),
    st.integers(0, 5),
)
def test_signal_desktop_values_never_make_an_internal_error(
    tmp_path: Path, signal_folder: Path, column: tuple[str, str], value: Any, which: int
) -> None:
    work = tmp_path / f"w{len(list(tmp_path.iterdir()))}"
    shutil.copytree(signal_folder, work)
    table, name = column
    conn = sqlcipher3.connect(str(work / "sql" / "db.sqlite"))
    try:
        conn.execute(f"PRAGMA key = \"x'{signal_desktop_db.KEY}'\"")
        conn.execute("PRAGMA temp_store = MEMORY")
        rowids = [r[0] for r in conn.execute(f"SELECT rowid FROM {table} ORDER BY rowid")]
        target = rowids[which % len(rowids)]
        try:
            conn.execute(f"UPDATE {table} SET {name} = ? WHERE rowid = ?", (value, target))
        except sqlcipher3.IntegrityError:
            return
        conn.commit()
    finally:
        conn.close()
    _import(tmp_path, work, signal_key=signal_desktop_db.KEY)


_SMS_ATTRIBUTES = sorted(set(re.findall(rb' ([a-z_]+)="', SMS.read_bytes())))


@_FUZZ
@given(
    st.sampled_from(_SMS_ATTRIBUTES),
    st.sampled_from(
        ["", "null", "-1", "abc", "1e400", "99999999999999999999", "1.5", "&#0;", "\u202e"]
    ),
    st.integers(0, 12),
)
def test_sms_xml_values_never_make_an_internal_error(
    tmp_path: Path, attribute: bytes, value: str, which: int
) -> None:
    data = SMS.read_bytes()
    spots = [m.start(1) for m in re.finditer(b" " + attribute + b'="([^"]*)"', data)]
    at = spots[which % len(spots)]
    end = data.index(b'"', at)
    export = tmp_path / f"sms-{len(list(tmp_path.iterdir()))}.xml"
    export.write_bytes(data[:at] + value.encode() + data[end:])
    _import(tmp_path, export)


def test_every_sqlite_connection_keeps_temporary_data_in_memory() -> None:
    """A source reader added later must set temp_store too (issue 17 adds several)."""
    for path in CHATSAFE.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        if re.search(r"\b(sqlite3|sqlcipher3)\.connect\(", text):
            assert "temp_store = MEMORY" in text, path


def _temp_files() -> list[str]:
    found = []
    for fd in os.listdir("/proc/self/fd"):
        try:
            target = os.readlink(f"/proc/self/fd/{fd}")
        except OSError:
            continue
        if "etilqs_" in target:
            found.append(target)
    return found


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="needs /proc")
def test_a_sort_over_chat_db_writes_no_temp_file(tmp_path: Path) -> None:
    db = imessage_db.build(tmp_path / "chat.db")
    with sqlite3.connect(db) as conn:
        conn.executemany(
            "INSERT INTO message (guid, text, date) VALUES (?, ?, ?)",
            [(f"X{i}", f"geheim {i} " + "x" * 400, i) for i in range(20000)],
        )
    with open_source(db) as source:
        conn = open_readonly(source, source.names()[0])
        try:
            assert conn.execute("PRAGMA temp_store").fetchone()[0] == 2
            conn.execute("PRAGMA cache_size = 2")  # a tiny cache makes the sorter spill
            cursor = conn.execute("SELECT text FROM message ORDER BY text || guid DESC")
            assert cursor.fetchone() is not None
            assert _temp_files() == []
        finally:
            conn.close()
