"""The Signal Desktop importer: SQLCipher with the user's key, read-only, rows as data."""

from __future__ import annotations

import hashlib
import json
import os
import zipfile
from datetime import UTC, datetime
from pathlib import Path

import pytest
import sqlcipher3
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from signal_desktop_db import KEY, PNG, build

from chatsafe.domain import EventType, Kind, ParsedConversation
from chatsafe.errors import ChatsafeError, InputError, UnsafeArchiveError
from chatsafe.importers.base import ImportContext
from chatsafe.importers.signal_desktop import IMPORTER
from chatsafe.sources import open_source
from tests import mutations


def parse(path: Path, key: str | None = KEY) -> dict[str, ParsedConversation]:
    with open_source(path) as source:
        convs = list(IMPORTER.parse(source, ImportContext(signal_key=key)))
    for conv in convs:
        conv.messages = list(conv.messages)
    return {c.key: c for c in convs}


def snapshot(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


@pytest.fixture
def signal_dir(tmp_path: Path) -> Path:
    return build(tmp_path / "Signal")


def test_sniff(signal_dir: Path, tmp_path: Path) -> None:
    with open_source(signal_dir) as source:
        assert IMPORTER.sniff(source) == 80
    with open_source(signal_dir / "sql" / "db.sqlite") as source:
        assert IMPORTER.sniff(source) == 50
    plain = tmp_path / "db.sqlite"
    plain.write_bytes(b"SQLite format 3\x00" + b"\x00" * 100)
    with open_source(plain) as source:
        assert IMPORTER.sniff(source) == 0


def test_private_conversation(signal_dir: Path) -> None:
    convs = parse(signal_dir)
    assert set(convs) == {"conv-jan", "conv-group"}  # no conversation without messages
    jan = convs["conv-jan"]
    assert jan.title == "Jan Jansen" and not jan.is_group
    hello, reply, deleted, photos, timer, call, later = jan.messages
    assert [m.position for m in jan.messages] == list(range(7))
    assert hello.source_id == "msg-1" and hello.sender == "Jan Jansen"
    assert hello.from_owner is False
    assert hello.instant == datetime(2024, 3, 14, 8, 0, tzinfo=UTC)
    assert hello.wallclock == "2024-03-14T09:00:00"
    assert hello.extra["reactions"] == [{"by": "Piet", "reaction": "\U0001f44d"}]
    assert reply.from_owner is True and reply.sender == "Me"
    assert reply.edited and reply.extra["edits"] == 1
    assert reply.reply_to == "1710403200000"
    assert reply.extra["quote"] == "Goedemorgen minister"
    assert deleted.deleted and deleted.text == "" and deleted.kind is Kind.MESSAGE
    assert [(a.name, a.mime, a.data) for a in photos.attachments] == [
        ("IMG_1.jpg", "image/jpeg", None),
        ("oud.png", "image/png", PNG),
        ("nota.pdf", "application/pdf", None),
        ("scan.png", "image/png", PNG),  # version 2, decrypted in memory with its localKey
    ]
    assert photos.extra["attachment_status"] == [
        "not decrypted: its key has the wrong length",
        "present",
        "not in the folder",
        "present",
    ]
    assert timer.kind is Kind.EVENT
    assert timer.event_type is EventType.DISAPPEARING_CHANGED
    assert "1 week" in timer.text
    assert call.event_type is EventType.CALL
    assert later.view_once and later.extra["expire_timer"] == 604800


def test_group_conversation(signal_dir: Path) -> None:
    group = parse(signal_dir)["conv-group"]
    assert group.is_group and group.title == "Kabinetsoverleg"
    assert group.participants == ["Jan Jansen", "Piet"]
    created, welcome, renamed, timer_off = group.messages  # the story is left out
    assert created.event_type is EventType.GROUP_CREATED
    assert welcome.sender == "Piet" and welcome.text == "Welkom allemaal"
    assert renamed.event_type is EventType.SUBJECT_CHANGED and "Kabinet" in renamed.text
    assert timer_off.event_type is EventType.DISAPPEARING_OFF


def test_parsing_twice_gives_the_same(signal_dir: Path) -> None:
    assert parse(signal_dir) == parse(signal_dir)


def test_source_is_never_changed(signal_dir: Path) -> None:
    before = snapshot(signal_dir)
    parse(signal_dir)
    parse(signal_dir / "sql" / "db.sqlite")
    assert snapshot(signal_dir) == before  # same files, same bytes: no -wal, -shm, journal
    assert sorted(os.listdir(signal_dir / "sql")) == ["db.sqlite"]


def test_no_key(signal_dir: Path) -> None:
    with pytest.raises(InputError, match="--signal-key") as err:
        parse(signal_dir, key=None)
    assert err.value.file == str(signal_dir / "sql" / "db.sqlite")


def test_wrong_key(signal_dir: Path) -> None:
    with pytest.raises(InputError, match="does not open"):
        parse(signal_dir, key="00" * 32)
    with pytest.raises(InputError, match="64 hexadecimal"):
        parse(signal_dir, key="x'00'; ATTACH DATABASE 'evil' AS e; --")


def test_missing_table(tmp_path: Path) -> None:
    root = tmp_path / "Signal"
    (root / "sql").mkdir(parents=True)
    conn = sqlcipher3.connect(str(root / "sql" / "db.sqlite"))
    conn.execute(f"PRAGMA key = \"x'{KEY}'\"")
    conn.execute("CREATE TABLE conversations (id, json, type)")
    conn.commit()
    conn.close()
    with pytest.raises(InputError, match="'messages' is missing"):
        parse(root)


def test_truncated_database(signal_dir: Path) -> None:
    db = signal_dir / "sql" / "db.sqlite"
    data = db.read_bytes()
    db.write_bytes(data[: len(data) // 2 + 100])
    with pytest.raises(InputError):
        parse(signal_dir)


def test_not_a_database(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite"
    path.write_bytes(os.urandom(8192))
    with pytest.raises(InputError, match="does not open"):
        parse(path)


def test_wrong_encoding_in_json_column(signal_dir: Path) -> None:
    conn = sqlcipher3.connect(str(signal_dir / "sql" / "db.sqlite"))
    conn.execute(f"PRAGMA key = \"x'{KEY}'\"")
    conn.execute("UPDATE messages SET body = CAST(x'476f6564ff' AS TEXT) WHERE rowid = 1")
    conn.commit()
    conn.close()
    with pytest.raises(InputError) as err:
        parse(signal_dir)
    assert "Goed" not in str(err.value)


def test_live_wal_is_refused(signal_dir: Path) -> None:
    (signal_dir / "sql" / "db.sqlite-wal").write_bytes(b"\x37\x7f\x06\x82" + b"\x00" * 28)
    with pytest.raises(InputError, match="quit Signal"):
        parse(signal_dir)


def test_zip_is_refused_clearly(signal_dir: Path, tmp_path: Path) -> None:
    path = tmp_path / "signal.zip"
    with zipfile.ZipFile(path, "w") as zf:
        zf.write(signal_dir / "sql" / "db.sqlite", "sql/db.sqlite")
    with pytest.raises(InputError, match="unzip"):
        parse(path)
    evil = tmp_path / "evil.zip"
    with zipfile.ZipFile(evil, "w") as zf:
        zf.writestr("/sql/db.sqlite", b"x")
    with pytest.raises(UnsafeArchiveError, match="absolute"):
        parse(evil)


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(edits=mutations.overwrites(6))
def test_mutations_raise_only_chatsafe_errors(
    tmp_path: Path, edits: list[mutations.Overwrite]
) -> None:
    root = tmp_path / "Signal"
    if not root.exists():
        build(root)
    db = root / "sql" / "db.sqlite"
    original = db.read_bytes()
    db.write_bytes(mutations.overwrite(original, edits))
    try:
        parse(root)
    except ChatsafeError:
        pass
    finally:
        db.write_bytes(original)


JSON = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**70), 2**70) | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=3)
    | st.dictionaries(
        st.sampled_from(["attachments", "quote", "reactions", "editHistory", "path", "fileName",
                         "version", "localKey", "details", "type", "groupV2Change",
                         "expirationTimerUpdate", "expireTimer", "sourceServiceId", "id",
                         "membersV2", "fromId", "emoji", "deletedForEveryone", "sent_at"]),
        inner,
        max_size=4,
    ),
    max_leaves=12,
)  # fmt: skip


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    message_json=JSON,
    conversation_json=JSON,
    kind=st.sampled_from(["incoming", "outgoing", "group-v2-change", "timer-notification", "x"]),
)
def test_odd_json_raises_only_chatsafe_errors(
    tmp_path: Path, message_json: object, conversation_json: object, kind: str
) -> None:
    root = tmp_path / "Signal"
    if not root.exists():
        build(root)
    conn = sqlcipher3.connect(str(root / "sql" / "db.sqlite"))
    conn.execute(f"PRAGMA key = \"x'{KEY}'\"")
    conn.execute("UPDATE messages SET json = ?, type = ? WHERE rowid = 4",
                 (json.dumps(message_json), kind))  # fmt: skip
    conn.execute("UPDATE conversations SET json = ? WHERE id = 'conv-group'",
                 (json.dumps(conversation_json),))  # fmt: skip
    conn.commit()
    conn.close()
    try:
        parse(root)
    except ChatsafeError:
        pass


def test_a_story_is_in_the_import_report(signal_dir: Path) -> None:
    group = parse(signal_dir)["conv-group"]
    assert group.tally is not None
    assert [n.reason for n in group.tally.not_imported] == ["story"]
    assert group.tally.read == len(group.messages) + 1
