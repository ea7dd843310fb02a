"""WhatsApp for Android: crypt15/crypt14 decryption in memory and msgstore.db as data."""

from __future__ import annotations

import hashlib
import os
import sqlite3
from pathlib import Path

import pytest
from whatsapp_android_db import CANARY, IV, KEY, KEY_HEX, PNG, build, build_db, make_db

from chatsafe import importers
from chatsafe.domain import EventType, Kind, ParsedConversation
from chatsafe.errors import InputError
from chatsafe.importers import whatsapp_crypt
from chatsafe.importers.base import ImportContext
from chatsafe.importers.whatsapp_android import IMPORTER, KEY_EXTRA
from chatsafe.ingest import import_paths
from chatsafe.sources import open_source
from chatsafe.store import create_case, queries

GROUP = "120363000000000001@g.us"
JAN = "31612345678@s.whatsapp.net"


def parse(path: Path, key: str | None = KEY_HEX) -> dict[str, ParsedConversation]:
    ctx = ImportContext(extra={KEY_EXTRA: key} if key else {})
    convs = {}
    with open_source(path) as source:
        for conv in IMPORTER.parse(source, ctx):  # messages are read while the chat is current
            conv.messages = list(conv.messages)
            convs[conv.key] = conv
    return convs


def java_bytes(raw: bytes) -> bytes:
    """A Java-serialised byte[] as WhatsApp writes its key files."""
    return (
        b"\xac\xed\x00\x05ur\x00\x02[B\xac\xf3\x17\xf8\x06\x08T\xe0\x02\x00\x00xp"
        + len(raw).to_bytes(4, "big")
        + raw
    )


@pytest.fixture
def phone(tmp_path: Path) -> Path:
    return build(tmp_path / "WhatsApp")


def test_detected_and_every_row_imported(phone: Path) -> None:
    with open_source(phone) as source:
        assert importers.detect(source).name == "whatsapp-android"
    convs = parse(phone)
    assert set(convs) == {JAN, GROUP}
    assert len(convs[JAN].messages) == 9  # every row of `message`, none dropped
    assert len(convs[GROUP].messages) == 6
    assert [m.source_id for m in convs[JAN].messages][:2] == ["3EB00001", "3EB00002"]


def test_what_exports_lose_is_kept(phone: Path) -> None:
    jan = parse(phone)[JAN].messages
    first, reply, photo, voice, edited, deleted, poll, unknown, system = jan
    assert first.sender == "+31612345678" and first.wallclock == "2024-03-14T09:00:00"
    assert first.instant is not None and first.instant.isoformat() == "2024-03-14T08:00:00+00:00"
    assert reply.from_owner and reply.sender == "Me"
    assert reply.reply_to == "3EB00001" and reply.extra["quote"].startswith("Goedemorgen")
    assert reply.extra["reactions"] == [{"by": "+31612345678", "reaction": "👍"}]
    assert photo.attachments[0].data == PNG and photo.text == "de grafiek"
    assert voice.attachments[0].data is None and voice.media_omitted
    assert voice.extra["attachment_status"] == ["not in the folder"]
    assert edited.edited and CANARY in edited.text
    assert deleted.deleted and deleted.text == ""
    assert [o["option"] for o in poll.extra["poll"]] == ["dinsdag", "woensdag"]
    assert unknown.extra["wa_type"] == 999 and "999" in unknown.text
    assert system.kind is Kind.EVENT and system.event_type is EventType.ENCRYPTION


def test_group_members_lid_and_disappearing(phone: Path) -> None:
    group = parse(phone)[GROUP]
    assert group.is_group and group.title == "Kabinetsoverleg"
    assert group.participants == ["+31612345678", "+31687654321"]
    assert group.extra["disappearing_seconds"] == 604800
    created, agenda, akkoord, prima, _, _ = group.messages
    assert created.event_type is EventType.GROUP_CREATED
    assert agenda.sender == "+31612345678"
    assert akkoord.sender == "+31687654321"  # written by Piet's LID, shown by his number
    assert prima.extra["expire_timer"] == 604800


def test_key_file_next_to_the_backup(phone: Path) -> None:
    (phone / "encrypted_backup.key").write_bytes(java_bytes(bytes.fromhex(KEY_HEX)))
    assert len(parse(phone, key=None)[JAN].messages) == 9


def test_crypt14_with_its_key_file(tmp_path: Path) -> None:
    google_id = os.urandom(16)
    # cipher version, key version, server salt, Google id salt, its SHA-256, zero IV, key
    key_file = (b"\x00\x01\x01" + os.urandom(32) + google_id
                + hashlib.sha256(google_id).digest() + b"\x00" * 16 + os.urandom(32))  # fmt: skip
    key = whatsapp_crypt.parse_key(java_bytes(key_file), "key")
    assert key.kind == "crypt14"
    path = tmp_path / "msgstore.db.crypt14"
    path.write_bytes(whatsapp_crypt.encrypt_for_tests(make_db(), key, IV))
    assert len(parse(path, key=key.raw.hex())[JAN].messages) == 9
    with pytest.raises(InputError, match="crypt14 backup and needs the 'key' file"):
        parse(path)


def test_multifile_backup_without_checksum(tmp_path: Path) -> None:
    path = tmp_path / "msgstore.db.crypt15"
    path.write_bytes(whatsapp_crypt.encrypt_for_tests(make_db(), KEY, IV, multifile=True))
    assert len(parse(path)[GROUP].messages) == 6


def test_plain_msgstore(tmp_path: Path) -> None:
    path = build_db(tmp_path / "msgstore.db")
    with open_source(path) as source:
        assert importers.detect(source).name == "whatsapp-android"
    assert len(parse(path, key=None)[JAN].messages) == 9


@pytest.mark.parametrize(
    ("key", "message"),
    [
        (None, "encrypted: give the 64-digit"),
        ("ff" * 32, "the key does not open this backup"),
    ],
)
def test_no_or_wrong_key_is_one_line_and_the_case_unchanged(
    tmp_path: Path, phone: Path, key: str | None, message: str
) -> None:
    case = create_case(tmp_path / "c.chatsafe")
    import_paths(case, [build_db(tmp_path / "msgstore.db")], ImportContext())
    before = queries.case_stats(case.conn)
    ctx = ImportContext(extra={KEY_EXTRA: key} if key else {})
    with pytest.raises(InputError, match=message) as caught:
        import_paths(case, [phone], ctx)
    assert "\n" not in str(caught.value) and "msgstore.db.crypt15" in str(caught.value)
    assert queries.case_stats(case.conn) == before
    case.close()


def test_a_changed_byte_is_refused(phone: Path) -> None:
    path = phone / "Databases" / "msgstore.db.crypt15"
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 1
    path.write_bytes(bytes(data))
    with pytest.raises(InputError, match="wrong key, or the file is damaged"):
        parse(phone)


@pytest.mark.parametrize(
    "data",
    [b"", b"\x05", b"\x02\x01\x08", b"\xff" * 300, b"garbage" * 10, os.urandom(64)],
)
def test_damaged_headers_are_refused(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "msgstore.db.crypt15"
    path.write_bytes(data)
    with pytest.raises(InputError):
        parse(path)


@pytest.mark.parametrize(
    "text",
    [KEY_HEX, KEY_HEX.upper() + "\n", " ".join(KEY_HEX[i : i + 4] for i in range(0, 64, 4))],
)
def test_key_spellings(text: str) -> None:
    assert whatsapp_crypt.parse_key(text.encode(), "k").raw == bytes.fromhex(KEY_HEX)


@pytest.mark.parametrize("text", [b"12345", b"zz" * 32, java_bytes(b"short")])
def test_bad_keys_are_refused(text: bytes) -> None:
    with pytest.raises(InputError, match="not a WhatsApp backup key"):
        whatsapp_crypt.parse_key(text, "k")


def test_import_into_a_case_keeps_the_backup_as_original(tmp_path: Path, phone: Path) -> None:
    case = create_case(tmp_path / "c.chatsafe")
    report = import_paths(case, [phone], ImportContext(extra={KEY_EXTRA: KEY_HEX}))
    assert report.added == 15
    # The reaction to a message that is gone is in the import report, not lost.
    assert report.entries_read == 16 and report.not_imported == 1
    (reason,) = case.conn.execute("SELECT reason FROM import_report").fetchall()
    assert reason[0] == "orphan-reaction"
    assert import_paths(case, [phone], ImportContext(extra={KEY_EXTRA: KEY_HEX})).added == 0
    kept = {r[0] for r in case.conn.execute("SELECT name FROM source_files")}
    assert "Databases/msgstore.db.crypt15" in kept
    case.close()


def test_source_folder_is_unchanged_and_no_plain_database_written(
    tmp_path: Path, phone: Path
) -> None:
    def snapshot() -> dict[str, str]:
        return {
            str(p): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(tmp_path.rglob("*")) if p.is_file()
        }  # fmt: skip

    before = snapshot()
    parse(phone)
    assert snapshot() == before
    for path in tmp_path.rglob("*"):
        if path.is_file():
            assert not path.read_bytes().startswith(b"SQLite format 3")


def test_the_decrypted_database_is_an_in_memory_connection(phone: Path) -> None:
    data = (phone / "Databases" / "msgstore.db.crypt15").read_bytes()
    plain = whatsapp_crypt.decrypt(data, KEY, "x")
    conn = sqlite3.connect(":memory:")
    conn.deserialize(plain)
    assert conn.execute("SELECT count(*) FROM message").fetchone()[0] == 15


def test_older_daily_backups_are_reported_not_dropped(tmp_path: Path, phone: Path) -> None:
    older = phone / "Databases" / "msgstore-2024-03-13.1.db.crypt15"
    older.write_bytes((phone / "Databases" / "msgstore.db.crypt15").read_bytes())
    case = create_case(tmp_path / "c.chatsafe")
    report = import_paths(case, [phone], ImportContext(extra={KEY_EXTRA: KEY_HEX}))
    assert report.added == 15 and report.source_not_imported == 1
    (position, reason) = case.conn.execute(
        "SELECT position, reason FROM import_report WHERE conversation_id IS NULL"
    ).fetchone()
    assert reason == "older-backup" and position.endswith("msgstore-2024-03-13.1.db.crypt15")
    # Imported on its own, the older backup adds nothing it shares with the current one.
    assert import_paths(case, [older], ImportContext(extra={KEY_EXTRA: KEY_HEX})).added == 0
    case.close()
