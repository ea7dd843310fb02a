"""sms.db from iOS 5: SMS and iMessage in one message table, no chat or handle tables."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from chatsafe.importers import detect
from chatsafe.importers.base import ImportContext
from chatsafe.importers.imessage import IMPORTER
from chatsafe.sources import open_source

# The columns iOS 5 wrote (a subset: those chatsafe reads and a few it ignores).
SCHEMA = """
CREATE TABLE message (ROWID INTEGER PRIMARY KEY AUTOINCREMENT, address TEXT, date INTEGER,
  text TEXT, flags INTEGER, replace INTEGER, svc_center TEXT, group_id INTEGER,
  association_id INTEGER, height INTEGER, UIFlags INTEGER, version INTEGER, subject TEXT,
  country TEXT, headers BLOB, recipients BLOB, read INTEGER, madrid_attributedBody BLOB,
  madrid_handle TEXT, madrid_version INTEGER, madrid_guid TEXT, madrid_type INTEGER,
  madrid_roomname TEXT, madrid_service TEXT, madrid_account TEXT, madrid_flags INTEGER,
  madrid_attachmentInfo BLOB, madrid_url TEXT, madrid_error INTEGER, is_madrid INTEGER,
  madrid_date_read INTEGER, madrid_date_delivered INTEGER);
CREATE TABLE msg_group (ROWID INTEGER PRIMARY KEY AUTOINCREMENT, type INTEGER,
  newest_message INTEGER, unread_count INTEGER, hash INTEGER);
CREATE TABLE group_member (ROWID INTEGER PRIMARY KEY AUTOINCREMENT, group_id INTEGER,
  address TEXT, country TEXT);
CREATE TABLE msg_pieces (ROWID INTEGER PRIMARY KEY AUTOINCREMENT, message_id INTEGER,
  data BLOB, part_id INTEGER, preview_part INTEGER, content_type TEXT, height INTEGER,
  version INTEGER, flags INTEGER, content_loc TEXT, headers BLOB);
"""
UNIX = datetime(1970, 1, 1, tzinfo=UTC)
APPLE = datetime(2001, 1, 1, tzinfo=UTC)


def _seconds(when: str, epoch: datetime) -> int:
    return int((datetime.fromisoformat(when).replace(tzinfo=UTC) - epoch).total_seconds())


def build(path: Path) -> Path:
    db = sqlite3.connect(path)
    db.executescript(SCHEMA)
    db.execute("INSERT INTO msg_group(ROWID, type) VALUES (1, 0), (2, 0)")
    db.executemany(
        "INSERT INTO group_member(group_id, address, country) VALUES (?, ?, 'nl')",
        [(1, "+31612345678"), (2, "+31611111111"), (2, "+31622222222")],
    )
    sms = "INSERT INTO message(ROWID, address, date, text, flags, group_id, is_madrid)"
    sms += " VALUES (?, ?, ?, ?, ?, ?, 0)"
    db.executemany(
        sms,
        [
            (1, "+31612345678", _seconds("2012-03-05T09:00:00", UNIX), "Goedemorgen", 2, 1),
            (2, "+31612345678", _seconds("2012-03-05T09:05:00", UNIX), "Dag Piet", 3, 1),
            (3, "+31611111111", _seconds("2012-03-05T10:00:00", UNIX), "Groep: hallo", 2, 2),
            (4, "+31612345678", _seconds("2012-03-05T11:00:00", UNIX), None, 2, 1),
            (5, "+31612345678", _seconds("2012-03-05T12:00:00", UNIX), "weg", 129, 1),
        ],
    )
    imsg = "INSERT INTO message(ROWID, date, text, flags, is_madrid, madrid_handle,"
    imsg += " madrid_flags, madrid_roomname) VALUES (?, ?, ?, 0, 1, ?, ?, ?)"
    db.executemany(
        imsg,
        [
            (
                6,
                _seconds("2012-03-06T08:00:00", APPLE),
                "iMessage in",
                "jan@example.nl",
                12289,
                None,
            ),
            (
                7,
                _seconds("2012-03-06T08:01:00", APPLE),
                "iMessage uit",
                "jan@example.nl",
                36869,
                None,
            ),
            (
                8,
                _seconds("2012-03-06T09:00:00", APPLE),
                "In de kamer",
                "+31633333333",
                12289,
                "chat4021",
            ),
        ],
    )
    db.executemany(
        "INSERT INTO msg_pieces(message_id, data, content_type, content_loc) VALUES (?, ?, ?, ?)",
        [
            (4, b"<smil/>", "application/smil", "smil.xml"),
            (4, b"Foto van de zaal", "text/plain", "text_0.txt"),
            (4, None, "image/jpeg", "/var/mobile/Library/SMS/Parts/12/4/IMG_0001.jpg"),
        ],
    )
    db.commit()
    db.close()
    return path


def test_ios5_sms_db_imports_every_message(tmp_path: Path) -> None:
    path = build(tmp_path / "sms.db")
    with open_source(path) as source:
        assert IMPORTER.sniff(source) == 90
        assert detect(source) is IMPORTER
        convs = {c.key: c for c in IMPORTER.parse(source, ImportContext(owner="Minister"))}
    assert set(convs) == {
        "SMS;-;+31612345678",
        "SMS;group;2",
        "iMessage;-;jan@example.nl",
        "iMessage;+;chat4021",
    }
    assert sum(len(list(c.messages)) for c in convs.values()) == 8
    piet = list(convs["SMS;-;+31612345678"].messages)
    assert [(m.sender, m.wallclock, m.text) for m in piet[:2]] == [
        ("+31612345678", "2012-03-05T10:00:00", "Goedemorgen"),
        ("Minister", "2012-03-05T10:05:00", "Dag Piet"),
    ]
    mms = piet[2]
    assert mms.text == "Foto van de zaal"
    (photo,) = mms.attachments
    assert (photo.name, photo.mime, photo.data) == ("IMG_0001.jpg", "image/jpeg", None)
    assert piet[3].deleted and piet[3].text == ""
    group = convs["SMS;group;2"]
    assert group.is_group and group.participants == ["+31611111111", "+31622222222"]
    jan = list(convs["iMessage;-;jan@example.nl"].messages)
    assert [(m.sender, m.wallclock, m.text, m.from_owner) for m in jan] == [
        ("jan@example.nl", "2012-03-06T09:00:00", "iMessage in", False),
        ("Minister", "2012-03-06T09:01:00", "iMessage uit", True),
    ]
    assert convs["iMessage;+;chat4021"].is_group


def test_formats_names_the_schemas() -> None:
    assert "iOS 5" in IMPORTER.description and "chat.db" in IMPORTER.description
