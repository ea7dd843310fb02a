"""The iMessage importer: chats, handles, attributedBody, tapbacks, edits, read-only."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
import zipfile
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from imessage_db import PNG, build, build_folder

from chatsafe.domain import EventType, Kind, ParsedConversation
from chatsafe.errors import ChatsafeError, InputError, UnsafeArchiveError
from chatsafe.importers.base import ImportContext
from chatsafe.importers.imessage import IMPORTER, apple_time
from chatsafe.importers.sqlite_readonly import apply_wal
from chatsafe.importers.typedstream import archive_text, attributed_text
from chatsafe.sources import open_source
from tests import mutations


def parse(path: Path) -> dict[str, ParsedConversation]:
    with open_source(path) as source:
        convs = list(IMPORTER.parse(source, ImportContext()))
    for conv in convs:
        conv.messages = list(conv.messages)
    return {c.key: c for c in convs}


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def chat_db(tmp_path: Path) -> Path:
    return build(tmp_path / "chat.db")


def test_sniff(chat_db: Path, tmp_path: Path) -> None:
    with open_source(chat_db) as source:
        assert IMPORTER.sniff(source) == 90
    other = tmp_path / "other.db"
    sqlite3.connect(other).execute("CREATE TABLE notes (x)").connection.close()
    with open_source(other) as source:
        assert IMPORTER.sniff(source) == 0


def test_one_to_one_chat(chat_db: Path) -> None:
    conv = parse(chat_db)["iMessage;-;+31612345678"]
    assert conv.title == "+31612345678" and not conv.is_group
    assert conv.participants == ["+31612345678"]
    assert conv.extra["recently_deleted"] == 1
    msgs = conv.messages
    assert [m.source_id for m in msgs] == ["M1", "M2", "M6", "M7", "M8"]  # no tapbacks, no M9
    assert [m.position for m in msgs] == [0, 1, 2, 3, 4]
    first, second, edited, unsent, photo = msgs
    assert first.text == "Goedemorgen" and first.sender == "+31612345678"
    assert first.from_owner is False and first.kind is Kind.MESSAGE
    assert first.instant == datetime(2024, 3, 14, 8, 0, tzinfo=UTC)
    assert first.wallclock == "2024-03-14T09:00:00"
    assert first.extra["reactions"] == [
        {"by": "Me", "reaction": "love", "at": "2024-03-14T08:02:00+00:00"}
    ]
    assert second.text == "Dag Jan \U0001f600"  # from attributedBody
    assert second.from_owner is True and second.sender == "Me"
    assert "reactions" not in second.extra  # liked, then the like was removed
    assert edited.edited and not edited.deleted
    assert unsent.deleted and unsent.text == ""
    assert photo.text == ""  # the object replacement character is not text
    assert [(a.name, a.mime, a.data) for a in photo.attachments] == [
        ("IMG_0001.png", "image/png", None),
        ("IMG_0002.heic", "image/heic", None),
    ]


def test_group_chat_events(chat_db: Path) -> None:
    conv = parse(chat_db)["iMessage;+;chat493021"]
    assert conv.title == "Kabinetsoverleg" and conv.is_group
    assert conv.participants == ["jan@example.org", "+31622222222"]
    added, renamed, welcome, left = conv.messages
    assert added.kind is Kind.EVENT and added.event_type is EventType.MEMBER_ADDED
    assert added.text == "Me added +31622222222"
    assert renamed.event_type is EventType.SUBJECT_CHANGED
    assert "Kabinetsoverleg" in renamed.text
    assert welcome.kind is Kind.MESSAGE and welcome.sender == "jan@example.org"
    assert welcome.instant == datetime(2024, 3, 14, 8, 2, tzinfo=UTC)  # legacy seconds
    assert left.event_type is EventType.MEMBER_LEFT


def test_attachments_from_a_folder(tmp_path: Path) -> None:
    folder = build_folder(tmp_path / "Messages")
    conv = parse(folder)["iMessage;-;+31612345678"]
    photo = conv.messages[-1]
    assert [a.data for a in photo.attachments] == [PNG, None]


def test_zip_of_a_folder(tmp_path: Path) -> None:
    folder = build_folder(tmp_path / "Messages")
    path = tmp_path / "messages.zip"
    with zipfile.ZipFile(path, "w") as zf:
        for file in sorted(folder.rglob("*")):
            if file.is_file():
                zf.write(file, file.relative_to(folder).as_posix())
    assert parse(path) == parse(folder)


def test_parsing_twice_gives_the_same(chat_db: Path) -> None:
    assert parse(chat_db) == parse(chat_db)


def test_source_is_never_changed(tmp_path: Path) -> None:
    folder = build_folder(tmp_path / "Messages")
    before = sha(folder / "chat.db")
    listing = sorted(p.name for p in folder.iterdir())
    parse(folder)
    parse(folder / "chat.db")
    assert sha(folder / "chat.db") == before
    assert sorted(p.name for p in folder.iterdir()) == listing  # no -wal, -shm, -journal


def test_uncheckpointed_wal_is_read_in_memory(tmp_path: Path) -> None:
    live = build(tmp_path / "live.db")
    writer = sqlite3.connect(live)
    writer.execute("PRAGMA journal_mode=WAL")
    writer.execute("PRAGMA wal_autocheckpoint=0")
    writer.execute(
        "INSERT INTO message (ROWID, guid, text, handle_id, date) VALUES (99, 'W1', 'Nieuw', 1, ?)",
        (apple_time(0) and 1,),
    )
    writer.execute("INSERT INTO chat_message_join VALUES (1, 99, 0)")
    writer.commit()
    copy = tmp_path / "copy"
    copy.mkdir()
    shutil.copy(live, copy / "chat.db")
    shutil.copy(str(live) + "-wal", copy / "chat.db-wal")
    writer.close()
    before = {p.name: sha(p) for p in copy.iterdir()}
    conv = parse(copy / "chat.db")["iMessage;-;+31612345678"]
    assert "W1" in [m.source_id for m in conv.messages]
    assert {p.name: sha(p) for p in copy.iterdir()} == before
    assert apply_wal(b"db", b"short") == b"db"


def test_attributed_body() -> None:
    assert attributed_text(archive_text("kort")) == "kort"
    long = "x" * 300
    assert attributed_text(archive_text(long)) == long
    assert attributed_text(archive_text("y" * 70_000)) == "y" * 70_000
    assert attributed_text(b"garbage") is None
    assert attributed_text(archive_text("abc")[:-40]) is None  # truncated


def test_apple_time() -> None:
    assert apple_time(0) is None
    assert apple_time(1) == datetime(2001, 1, 1, 0, 0, 1, tzinfo=UTC)
    assert apple_time(1_000_000_000_000) == datetime(2001, 1, 1, 0, 16, 40, tzinfo=UTC)


def test_not_sqlite(tmp_path: Path) -> None:
    path = tmp_path / "chat.db"
    path.write_bytes(b"this is not a database at all" * 10)
    with open_source(path) as source:
        assert IMPORTER.sniff(source) == 0
        with pytest.raises(InputError, match="not an SQLite database") as err:
            list(IMPORTER.parse(source, ImportContext()))
    assert err.value.file == str(path)


def test_missing_table_is_named(chat_db: Path) -> None:
    conn = sqlite3.connect(chat_db)
    conn.execute("DROP TABLE handle")
    conn.commit()
    conn.close()
    with pytest.raises(InputError, match="'handle' is missing"):
        parse(chat_db)


def test_truncated_database(chat_db: Path) -> None:
    data = chat_db.read_bytes()
    chat_db.write_bytes(data[: len(data) // 3])
    with pytest.raises(InputError):
        parse(chat_db)


def test_wrong_encoding_in_a_text_column(chat_db: Path) -> None:
    conn = sqlite3.connect(chat_db)
    conn.execute("UPDATE message SET text = CAST(x'476f6564ff' AS TEXT) WHERE guid = 'M1'")
    conn.commit()
    conn.close()
    with pytest.raises(InputError, match="UTF-8") as err:
        parse(chat_db)
    assert "Goed" not in str(err.value)  # errors never quote chat text


def test_hostile_zip_is_refused(tmp_path: Path, chat_db: Path) -> None:
    path = tmp_path / "evil.zip"
    with zipfile.ZipFile(path, "w") as zf:
        zf.write(chat_db, "chat.db")
        zf.writestr("CHAT.DB", b"again")
    with pytest.raises(UnsafeArchiveError, match="twice"):
        parse(path)


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(edits=mutations.overwrites(8))
def test_mutations_raise_only_chatsafe_errors(
    tmp_path: Path, edits: list[mutations.Overwrite]
) -> None:
    base = tmp_path / "base.db"
    if not base.exists():
        build(base)
    target = tmp_path / "fuzz" / "chat.db"
    target.parent.mkdir(exist_ok=True)
    target.write_bytes(mutations.overwrite(base.read_bytes(), edits))
    try:
        parse(target)
    except ChatsafeError:
        pass


def test_recently_deleted_and_orphan_tapbacks_are_in_the_import_report(tmp_path: Path) -> None:
    db = build(tmp_path / "chat.db")
    with sqlite3.connect(db) as conn:
        conn.execute(
            "INSERT INTO message (ROWID, guid, text, handle_id, date, associated_message_guid,"
            " associated_message_type) VALUES (20, 'T20', 'Liked', 1, 1, 'p:0/GONE', 2001)"
        )
        conn.execute("INSERT INTO chat_message_join VALUES (1, 20, 1)")
    chat = parse(db)["iMessage;-;+31612345678"]
    assert chat.tally is not None
    # 9 rows and the new tapback; the three old tapbacks (two added, one removed) found
    # their message and are part of it, not entries of their own.
    assert chat.tally.read == 7
    assert [(n.position, n.reason) for n in chat.tally.not_imported] == [
        ("message row 9", "recently-deleted"),
        ("message row 20", "reaction-without-message"),
    ]
    assert len(chat.messages) + len(chat.tally.not_imported) == chat.tally.read
