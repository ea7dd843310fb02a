"""Builds a small WhatsApp for Android folder: msgstore.db (the 2022+ layout), its
crypt15 backup under a known 64-digit key, and Media/.

The schema is written from the documented column names of WhatsApp's tables (the
columns chatsafe reads plus a few it ignores, as a real database has many more).
"""

from __future__ import annotations

import base64
import sqlite3
from pathlib import Path

from chatsafe.importers.whatsapp_crypt import BackupKey, encrypt_for_tests

KEY_HEX = "0123456789abcdef" * 4  # the 64 digits the user wrote down
KEY = BackupKey(bytes.fromhex(KEY_HEX))
IV = bytes(range(16))
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGM8ISfHwMDAxMDAwMDAAAANBAEIfXHKZgAAAABJRU5ErkJggg=="
)
T = 1_710_403_200_000  # 2024-03-14T08:00:00Z in milliseconds
CANARY = "KANARIE-msgstore-7731"

SCHEMA = """
CREATE TABLE jid (_id INTEGER PRIMARY KEY AUTOINCREMENT, user TEXT NOT NULL, server TEXT NOT
  NULL, agent INTEGER, device INTEGER, type INTEGER, raw_string TEXT);
CREATE TABLE jid_map (lid_row_id INTEGER PRIMARY KEY, jid_row_id INTEGER, sort_id INTEGER);
CREATE TABLE chat (_id INTEGER PRIMARY KEY AUTOINCREMENT, jid_row_id INTEGER UNIQUE, hidden
  INTEGER, subject TEXT, created_timestamp INTEGER, archived INTEGER, sort_timestamp INTEGER,
  ephemeral_expiration INTEGER, group_type INTEGER);
CREATE TABLE message (_id INTEGER PRIMARY KEY AUTOINCREMENT, chat_row_id INTEGER NOT NULL,
  from_me INTEGER NOT NULL, key_id TEXT NOT NULL, sender_jid_row_id INTEGER, status INTEGER,
  broadcast INTEGER, recipient_count INTEGER, participant_hash TEXT, origination_flags
  INTEGER, origin INTEGER, timestamp INTEGER, received_timestamp INTEGER,
  receipt_server_timestamp INTEGER, message_type INTEGER, text_data TEXT, starred INTEGER,
  lookup_tables INTEGER, sort_id INTEGER NOT NULL DEFAULT 0, message_add_on_flags INTEGER);
CREATE TABLE message_media (message_row_id INTEGER PRIMARY KEY, chat_row_id INTEGER,
  transferred INTEGER, file_path TEXT, file_size INTEGER, media_key BLOB, width INTEGER,
  height INTEGER, mime_type TEXT, file_length INTEGER, media_name TEXT, file_hash TEXT,
  media_duration INTEGER, media_caption TEXT);
CREATE TABLE message_quoted (message_row_id INTEGER PRIMARY KEY, chat_row_id INTEGER,
  parent_message_chat_row_id INTEGER, from_me INTEGER, sender_jid_row_id INTEGER, key_id TEXT,
  timestamp INTEGER, message_type INTEGER, origin INTEGER, text_data TEXT);
CREATE TABLE message_system (message_row_id INTEGER PRIMARY KEY, action_type INTEGER NOT NULL);
CREATE TABLE message_edit_info (message_row_id INTEGER PRIMARY KEY, original_key_id TEXT,
  edited_timestamp INTEGER, sender_timestamp INTEGER);
CREATE TABLE message_ephemeral (message_row_id INTEGER PRIMARY KEY, duration INTEGER,
  expire_timestamp INTEGER);
CREATE TABLE message_add_on (_id INTEGER PRIMARY KEY AUTOINCREMENT, chat_row_id INTEGER,
  from_me INTEGER, key_id TEXT, sender_jid_row_id INTEGER, parent_message_row_id INTEGER,
  timestamp INTEGER, status INTEGER, message_add_on_type INTEGER);
CREATE TABLE message_add_on_reaction (message_add_on_row_id INTEGER PRIMARY KEY, reaction TEXT,
  sender_timestamp INTEGER);
CREATE TABLE message_poll_option (_id INTEGER PRIMARY KEY AUTOINCREMENT, message_row_id
  INTEGER, option_name TEXT, vote_total INTEGER);
CREATE TABLE group_participant_user (_id INTEGER PRIMARY KEY AUTOINCREMENT, group_jid_row_id
  INTEGER, user_jid_row_id INTEGER, rank INTEGER, pending INTEGER);
"""

# jid rows: 1 Jan (phone), 2 Piet (phone), 3 the group, 4 Piet's LID, 5 the owner? no: status
JIDS = [
    (1, "31612345678", "s.whatsapp.net", "31612345678@s.whatsapp.net"),
    (2, "31687654321", "s.whatsapp.net", "31687654321@s.whatsapp.net"),
    (3, "120363000000000001", "g.us", "120363000000000001@g.us"),
    (4, "98765432101234", "lid", "98765432101234@lid"),
]


def _msg(
    conn: sqlite3.Connection, row: int, chat: int, minute: int, text: str | None, *,
    from_me: int = 0, sender: int | None = None, wa_type: int = 0,
) -> None:  # fmt: skip
    conn.execute(
        "INSERT INTO message(_id, chat_row_id, from_me, key_id, sender_jid_row_id, timestamp,"
        " message_type, text_data, sort_id, starred) VALUES (?,?,?,?,?,?,?,?,?,0)",
        (row, chat, from_me, f"3EB0{row:04X}", sender, T + minute * 60_000, wa_type, text, row),
    )


def build_db(path: Path, extra_messages: int = 0) -> Path:
    """A plain msgstore.db on disk (as a forensic extraction gives it)."""
    path.write_bytes(make_db(extra_messages))
    return path


def make_db(extra_messages: int = 0) -> bytes:
    """msgstore.db's bytes, built in memory: a chat with Jan (9 rows), a group (6 rows)."""
    conn = sqlite3.connect(":memory:")
    conn.executescript(SCHEMA)
    conn.executemany(
        "INSERT INTO jid(_id, user, server, raw_string) VALUES (?,?,?,?)", JIDS
    )
    conn.execute("INSERT INTO jid_map VALUES (4, 2, 0)")
    conn.execute("INSERT INTO chat(_id, jid_row_id, subject, ephemeral_expiration)"
                 " VALUES (1, 1, NULL, 0)")  # fmt: skip
    conn.execute("INSERT INTO chat(_id, jid_row_id, subject, ephemeral_expiration)"
                 " VALUES (2, 3, 'Kabinetsoverleg', 604800)")  # fmt: skip
    # Chat 1, Jan: text, reply, media present, media missing, edited, deleted, poll,
    # an unknown type, system message.
    _msg(conn, 1, 1, 0, "Goedemorgen, de nota ligt klaar")
    _msg(conn, 2, 1, 1, "Dank, ik lees hem vandaag", from_me=1)
    conn.execute("INSERT INTO message_quoted(message_row_id, chat_row_id, key_id, text_data)"
                 " VALUES (2, 1, '3EB00001', 'Goedemorgen, de nota ligt klaar')")  # fmt: skip
    _msg(conn, 3, 1, 2, "de grafiek", wa_type=1)
    conn.execute("INSERT INTO message_media(message_row_id, chat_row_id, file_path, mime_type,"
                 " file_size) VALUES (3, 1, 'Media/WhatsApp Images/IMG-20240314-WA0001.jpg',"
                 " 'image/png', 70)")  # fmt: skip
    _msg(conn, 4, 1, 3, None, wa_type=2)
    conn.execute("INSERT INTO message_media(message_row_id, chat_row_id, file_path, mime_type)"
                 " VALUES (4, 1, 'Media/WhatsApp Voice Notes/202411/PTT-1.opus', 'audio/ogg')")
    _msg(conn, 5, 1, 4, f"aangepast {CANARY}", from_me=1)
    conn.execute("INSERT INTO message_edit_info VALUES (5, '3EB00005', ?, ?)", (T, T))
    _msg(conn, 6, 1, 5, None, wa_type=15)
    _msg(conn, 7, 1, 6, "Wanneer overleggen?", wa_type=46)
    conn.executemany("INSERT INTO message_poll_option(message_row_id, option_name, vote_total)"
                     " VALUES (7, ?, ?)", [("dinsdag", 1), ("woensdag", 0)])  # fmt: skip
    _msg(conn, 8, 1, 7, None, wa_type=999)
    _msg(conn, 9, 1, 8, None, wa_type=7)
    conn.execute("INSERT INTO message_system VALUES (9, 19)")
    conn.execute("INSERT INTO message_add_on(_id, chat_row_id, from_me, sender_jid_row_id,"
                 " parent_message_row_id, message_add_on_type) VALUES (1, 1, 0, 1, 2, 56)")
    conn.execute("INSERT INTO message_add_on_reaction VALUES (1, '👍', 0)")
    # A reaction to a message that is gone: reported, not dropped.
    conn.execute("INSERT INTO message_add_on(_id, chat_row_id, from_me, sender_jid_row_id,"
                 " parent_message_row_id, message_add_on_type) VALUES (2, 1, 0, 1, 77, 56)")
    conn.execute("INSERT INTO message_add_on_reaction VALUES (2, '❤', 0)")
    # Chat 2, the group: created, a message from Jan, one from Piet by his LID, own one.
    _msg(conn, 10, 2, 10, None, wa_type=7)
    conn.execute("INSERT INTO message_system VALUES (10, 11)")
    _msg(conn, 11, 2, 11, "Agenda voor dinsdag", sender=1)
    _msg(conn, 12, 2, 12, "Akkoord", sender=4)
    _msg(conn, 13, 2, 13, "Prima", from_me=1)
    conn.execute("INSERT INTO message_ephemeral VALUES (13, 604800, 0)")
    _msg(conn, 14, 2, 14, "Tot dan", sender=1)
    _msg(conn, 15, 2, 15, "👍", sender=2)
    conn.executemany("INSERT INTO group_participant_user(group_jid_row_id, user_jid_row_id)"
                     " VALUES (3, ?)", [(1,), (2,)])  # fmt: skip
    for i in range(extra_messages):
        _msg(conn, 100 + i, 1, 20 + i, f"bericht {i}", from_me=i % 2)
    conn.commit()
    data = conn.serialize()
    conn.close()
    return data


def build(root: Path, *, key: BackupKey = KEY, extra_messages: int = 0) -> Path:
    """A phone's WhatsApp folder: Databases/msgstore.db.crypt15 and Media/."""
    (root / "Databases").mkdir(parents=True)
    data = make_db(extra_messages)
    (root / "Databases" / "msgstore.db.crypt15").write_bytes(encrypt_for_tests(data, key, IV))
    images = root / "Media" / "WhatsApp Images"
    images.mkdir(parents=True)
    (images / "IMG-20240314-WA0001.jpg").write_bytes(PNG)
    return root
