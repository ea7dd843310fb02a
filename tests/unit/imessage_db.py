"""Builds a small Messages database (chat.db) for the iMessage importer's tests.

Only the tables and columns chatsafe reads, with the types and values macOS writes.
"""

from __future__ import annotations

import base64
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from chatsafe.importers.typedstream import archive_text

EPOCH = datetime(2001, 1, 1, tzinfo=UTC)

SCHEMA = """
CREATE TABLE handle (ROWID INTEGER PRIMARY KEY AUTOINCREMENT UNIQUE, id TEXT NOT NULL,
  country TEXT, service TEXT NOT NULL, uncanonicalized_id TEXT, person_centric_id TEXT);
CREATE TABLE chat (ROWID INTEGER PRIMARY KEY AUTOINCREMENT, guid TEXT UNIQUE NOT NULL,
  style INTEGER, state INTEGER, account_id TEXT, chat_identifier TEXT, service_name TEXT,
  room_name TEXT, display_name TEXT, group_id TEXT);
CREATE TABLE message (ROWID INTEGER PRIMARY KEY AUTOINCREMENT, guid TEXT UNIQUE NOT NULL,
  text TEXT, service TEXT, handle_id INTEGER DEFAULT 0, subject TEXT, attributedBody BLOB,
  date INTEGER, date_read INTEGER, date_delivered INTEGER, is_from_me INTEGER DEFAULT 0,
  cache_has_attachments INTEGER DEFAULT 0, item_type INTEGER DEFAULT 0,
  other_handle INTEGER DEFAULT 0, group_title TEXT, group_action_type INTEGER DEFAULT 0,
  associated_message_guid TEXT, associated_message_type INTEGER DEFAULT 0,
  associated_message_emoji TEXT, date_edited INTEGER DEFAULT 0,
  date_retracted INTEGER DEFAULT 0, message_summary_info BLOB);
CREATE TABLE chat_message_join (chat_id INTEGER REFERENCES chat (ROWID) ON DELETE CASCADE,
  message_id INTEGER REFERENCES message (ROWID) ON DELETE CASCADE, message_date INTEGER DEFAULT 0,
  PRIMARY KEY (chat_id, message_id));
CREATE TABLE chat_handle_join (chat_id INTEGER REFERENCES chat (ROWID) ON DELETE CASCADE,
  handle_id INTEGER REFERENCES handle (ROWID) ON DELETE CASCADE, UNIQUE(chat_id, handle_id));
CREATE TABLE attachment (ROWID INTEGER PRIMARY KEY AUTOINCREMENT, guid TEXT UNIQUE NOT NULL,
  created_date INTEGER DEFAULT 0, filename TEXT, uti TEXT, mime_type TEXT,
  transfer_name TEXT, total_bytes INTEGER DEFAULT 0);
CREATE TABLE message_attachment_join (message_id INTEGER REFERENCES message (ROWID)
  ON DELETE CASCADE, attachment_id INTEGER REFERENCES attachment (ROWID) ON DELETE CASCADE,
  UNIQUE(message_id, attachment_id));
CREATE TABLE chat_recoverable_message_join (chat_id INTEGER REFERENCES chat (ROWID)
  ON DELETE CASCADE, message_id INTEGER REFERENCES message (ROWID) ON DELETE CASCADE,
  delete_date INTEGER, ck_sync_state INTEGER DEFAULT 0, PRIMARY KEY (chat_id, message_id));
"""

PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGM8ISfHwMDAxMDAwMDAAAANBAEIfXHKZgAAAABJRU5ErkJggg=="
)


def ns(*args: int) -> int:
    """Nanoseconds since 2001-01-01 UTC for a UTC date and time."""
    return int((datetime(*args, tzinfo=UTC) - EPOCH).total_seconds()) * 1_000_000_000


def build(path: Path) -> Path:
    conn = sqlite3.connect(path)
    conn.executescript(SCHEMA)
    conn.executemany(
        "INSERT INTO handle (ROWID, id, service) VALUES (?, ?, ?)",
        [(1, "+31612345678", "iMessage"), (2, "jan@example.org", "iMessage"),
         (3, "+31622222222", "SMS")],
    )  # fmt: skip
    conn.executemany(
        "INSERT INTO chat (ROWID, guid, style, chat_identifier, display_name, service_name)"
        " VALUES (?, ?, ?, ?, ?, ?)",
        [(1, "iMessage;-;+31612345678", 45, "+31612345678", "", "iMessage"),
         (2, "iMessage;+;chat493021", 43, "chat493021", "Kabinetsoverleg", "iMessage")],
    )  # fmt: skip
    conn.executemany("INSERT INTO chat_handle_join VALUES (?, ?)", [(1, 1), (2, 2), (2, 3)])
    t = ns(2024, 3, 14, 8, 0)
    minute = 60 * 1_000_000_000
    rows = [
        # rowid, guid, text, body, handle, from_me, date, item, action, title, other,
        # assoc_guid, assoc_type, edited, retracted, chat
        (1, "M1", "Goedemorgen\u200e", None, 1, 0, t, 0, 0, None, 0, None, 0, 0, 0, 1),
        (2, "M2", None, archive_text("Dag Jan \U0001f600"), 0, 1, t + minute, 0, 0, None, 0,
         None, 0, 0, 0, 1),
        (3, "M3", "Loved \u201cGoedemorgen\u201d", None, 0, 1, t + 2 * minute, 0, 0, None, 0,
         "p:0/M1", 2000, 0, 0, 1),
        (4, "M4", "Liked \u201cDag Jan\u201d", None, 1, 0, t + 3 * minute, 0, 0, None, 0,
         "bp:M2", 2001, 0, 0, 1),
        (5, "M5", "Removed a like", None, 1, 0, t + 4 * minute, 0, 0, None, 0, "bp:M2", 3001,
         0, 0, 1),
        (6, "M6", "Aangepaste tekst", None, 1, 0, t + 5 * minute, 0, 0, None, 0, None, 0,
         t + 6 * minute, 0, 1),
        (7, "M7", None, None, 0, 1, t + 7 * minute, 0, 0, None, 0, None, 0, t + 8 * minute,
         t + 8 * minute, 1),
        (8, "M8", "\ufffc", None, 1, 0, t + 9 * minute, 0, 0, None, 0, None, 0, 0, 0, 1),
        (9, "M9", "Weggegooid", None, 1, 0, t + 10 * minute, 0, 0, None, 0, None, 0, 0, 0, 1),
        (10, "G1", None, None, 0, 1, t, 1, 0, None, 3, None, 0, 0, 0, 2),
        (11, "G2", None, None, 2, 0, t + minute, 2, 0, "Kabinetsoverleg", 0, None, 0, 0, 0, 2),
        # A legacy row: seconds since 2001 instead of nanoseconds.
        (12, "G3", "Welkom", None, 2, 0, ns(2024, 3, 14, 8, 2) // 1_000_000_000, 0, 0, None,
         0, None, 0, 0, 0, 2),
        (13, "G4", None, None, 3, 0, t + 3 * minute, 3, 0, None, 0, None, 0, 0, 0, 2),
    ]  # fmt: skip
    for r in rows:
        conn.execute(
            "INSERT INTO message (ROWID, guid, text, attributedBody, handle_id, is_from_me, date,"
            " item_type, group_action_type, group_title, other_handle, associated_message_guid,"
            " associated_message_type, date_edited, date_retracted, service)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'iMessage')",
            r[:15],
        )
        conn.execute("INSERT INTO chat_message_join VALUES (?, ?, ?)", (r[15], r[0], r[6]))
    conn.execute("INSERT INTO chat_recoverable_message_join VALUES (1, 9, ?, 0)", (t,))
    conn.executemany(
        "INSERT INTO attachment (ROWID, guid, filename, mime_type, transfer_name)"
        " VALUES (?, ?, ?, ?, ?)",
        [(1, "A1", "~/Library/Messages/Attachments/ab/11/A1/IMG_0001.png", "image/png",
          "IMG_0001.png"),
         (2, "A2", "~/Library/Messages/Attachments/cd/12/A2/IMG_0002.heic", "image/heic",
          "IMG_0002.heic")],
    )  # fmt: skip
    conn.executemany("INSERT INTO message_attachment_join VALUES (?, ?)", [(8, 1), (8, 2)])
    conn.commit()
    conn.close()
    return path


def build_folder(root: Path) -> Path:
    """A copy of ~/Library/Messages: chat.db and one of the two attachment files."""
    root.mkdir(parents=True, exist_ok=True)
    build(root / "chat.db")
    photo = root / "Attachments" / "ab" / "11" / "A1" / "IMG_0001.png"
    photo.parent.mkdir(parents=True)
    photo.write_bytes(PNG)
    return root
