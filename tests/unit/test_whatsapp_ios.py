"""WhatsApp's ChatStorage.sqlite (iPhone, WhatsApp Desktop on macOS) as data."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest
from whatsapp_android_db import PNG
from whatsapp_ios_db import CANARY, GROUP, JAN, STANZA, build_mac

from chatsafe import importers
from chatsafe.domain import Kind, ParsedConversation
from chatsafe.errors import InputError
from chatsafe.importers.base import ImportContext
from chatsafe.importers.sqlite_readonly import apply_wal
from chatsafe.importers.whatsapp_ios import IMPORTER
from chatsafe.ingest import import_paths
from chatsafe.sources import open_source
from chatsafe.store import create_case


def parse(path: Path) -> dict[str, ParsedConversation]:
    convs = {}
    with open_source(path) as source:
        for conv in IMPORTER.parse(source, ImportContext()):
            conv.messages = list(conv.messages)
            convs[conv.key] = conv
    return convs


@pytest.fixture
def mac(tmp_path: Path) -> Path:
    return build_mac(tmp_path / "group.net.whatsapp.WhatsApp.shared")


def test_detected_as_folder_and_as_file(mac: Path) -> None:
    for path in (mac, mac / "ChatStorage.sqlite"):
        with open_source(path) as source:
            assert importers.detect(source).name == "whatsapp-ios"


def test_every_row_with_names_ids_and_media(mac: Path) -> None:
    convs = parse(mac)
    assert set(convs) == {JAN, GROUP}  # a session without messages is no conversation
    jan = convs[JAN]
    assert jan.title == "Jan Jansen" and not jan.is_group
    first, reply, photo, voice, deleted, location, unknown = jan.messages
    assert first.source_id == STANZA and first.sender == "Jan Jansen"
    assert first.wallclock == "2024-03-14T09:00:00"
    assert reply.from_owner and CANARY in reply.text
    assert photo.attachments[0].data == PNG and photo.text == "de grafiek"
    assert voice.media_omitted and voice.extra["attachment_status"] == ["not in the folder"]
    assert deleted.deleted and deleted.text == ""
    assert location.text == "[location]"
    assert unknown.extra["wa_type"] == 999 and "999" in unknown.text
    group = convs[GROUP]
    assert group.is_group and group.participants == ["Jan Jansen", "Piet"]
    event, agenda, akkoord, prima = group.messages
    assert event.kind is Kind.EVENT and event.extra["wa_group_event"] == 2
    assert (agenda.sender, akkoord.sender, prima.sender) == ("Jan Jansen", "Piet", "Me")


def test_the_wal_next_to_the_database_is_read(tmp_path: Path) -> None:
    """WhatsApp Desktop keeps its newest messages in ChatStorage.sqlite-wal."""
    folder = tmp_path / "g"
    folder.mkdir()
    db = folder / "ChatStorage.sqlite"
    from whatsapp_ios_db import make_db

    db.write_bytes(make_db())
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA wal_autocheckpoint=0")
    conn.execute("INSERT INTO ZWAMESSAGE(Z_PK, ZCHATSESSION, ZISFROMME, ZMESSAGEDATE,"
                 " ZMESSAGETYPE, ZTEXT, ZSTANZAID) VALUES (500, 1, 1, 732096900, 0,"
                 " 'alleen in de wal', 'WAL1')")  # fmt: skip
    conn.commit()
    wal = (folder / "ChatStorage.sqlite-wal").read_bytes()
    image = db.read_bytes()
    # Keep the -wal as the live app leaves it (close() would fold it into the database).
    assert b"alleen in de wal" not in image and b"alleen in de wal" in wal
    assert apply_wal(image, wal) != image
    before = hashlib.sha256(db.read_bytes()).hexdigest()
    texts = [m.text for m in parse(folder)[JAN].messages]
    assert "alleen in de wal" in texts
    assert hashlib.sha256(db.read_bytes()).hexdigest() == before
    conn.close()


def test_import_into_a_case_is_idempotent(tmp_path: Path, mac: Path) -> None:
    case = create_case(tmp_path / "c.chatsafe")
    report = import_paths(case, [mac], ImportContext())
    assert report.added == 11 and report.entries_read == 11 and report.not_imported == 0
    assert import_paths(case, [mac], ImportContext()).added == 0
    case.close()


def test_a_damaged_database_is_one_line(tmp_path: Path) -> None:
    path = tmp_path / "ChatStorage.sqlite"
    from whatsapp_ios_db import make_db

    data = bytearray(make_db())
    data[4096 : 4096 + 2000] = b"\xff" * 2000
    path.write_bytes(bytes(data))
    with pytest.raises(InputError) as caught:
        parse(path)
    assert "\n" not in str(caught.value) and "ChatStorage.sqlite" in str(caught.value)
