"""Builds a small Signal Desktop folder (sql/db.sqlite encrypted with SQLCipher 4)."""

from __future__ import annotations

import base64
import json
from pathlib import Path
from typing import Any

import sqlcipher3

from chatsafe.importers.signal_desktop_crypto import encrypt_attachment_for_tests

KEY = "5f" * 16 + "a3" * 16
LOCAL_KEY = base64.b64encode(bytes(range(64))).decode()  # an attachment's AES + MAC keys
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGM8ISfHwMDAxMDAwMDAAAANBAEIfXHKZgAAAABJRU5ErkJggg=="
)
T = 1_710_403_200_000  # 2024-03-14T08:00:00Z in milliseconds
JAN = "aci-jan-0001"
PIET = "aci-piet-0002"

SCHEMA = """
CREATE TABLE conversations (id STRING PRIMARY KEY ASC, json TEXT, active_at INTEGER,
  type STRING, members TEXT, name TEXT, profileName TEXT, profileFamilyName TEXT,
  profileFullName TEXT, e164 TEXT, serviceId TEXT, groupId TEXT, profileLastFetchedAt INTEGER);
CREATE TABLE messages (rowid INTEGER PRIMARY KEY ASC, id STRING UNIQUE, json TEXT,
  readStatus INTEGER, expires_at INTEGER, sent_at INTEGER, schemaVersion INTEGER,
  conversationId STRING, received_at INTEGER, source STRING, hasAttachments INTEGER,
  hasFileAttachments INTEGER, hasVisualMediaAttachments INTEGER, expireTimer INTEGER,
  expirationStartTimestamp INTEGER, type STRING, body TEXT, messageTimer INTEGER,
  sourceServiceId TEXT, isStory INTEGER DEFAULT 0);
"""


def _msg(rowid: int, conv: str, kind: str, minute: int, body: str | None = None,
         **extra: Any) -> tuple[Any, ...]:  # fmt: skip
    data = {"id": f"msg-{rowid}", "conversationId": conv, "type": kind,
            "sent_at": T + minute * 60_000, **extra}  # fmt: skip
    if body is not None:
        data["body"] = body
    return (rowid, f"msg-{rowid}", json.dumps(data), T + minute * 60_000, conv, kind, body,
            extra.get("sourceServiceId"), T + minute * 60_000 + 500)  # fmt: skip


def build(root: Path, key: str = KEY) -> Path:
    """A Signal Desktop folder with config.json, sql/db.sqlite and attachments.noindex/."""
    (root / "sql").mkdir(parents=True)
    (root / "config.json").write_text('{"key": "(kept by the OS keychain)"}')
    att = root / "attachments.noindex"
    (att / "ab").mkdir(parents=True)
    (att / "ab" / "abcdef01").write_bytes(b"\x13\x37" * 64)  # encrypted bytes (version 2)
    (att / "cd").mkdir()
    (att / "cd" / "cdef0123").write_bytes(PNG)  # a plain file from an older version
    (att / "12").mkdir()
    (att / "12" / "12345678").write_bytes(
        encrypt_attachment_for_tests(PNG, LOCAL_KEY, b"\x07" * 16)  # version 2, decryptable
    )
    conn = sqlcipher3.connect(str(root / "sql" / "db.sqlite"))
    conn.execute(f"PRAGMA key = \"x'{key}'\"")
    conn.executescript(SCHEMA)
    convs = [
        ("conv-jan", {"serviceId": JAN, "e164": "+31612345678"}, "private", None,
         "Jan Jansen", "+31612345678"),
        ("conv-piet", {"serviceId": PIET}, "private", None, "Piet", None),
        ("conv-group", {"groupId": "g1", "membersV2": [{"aci": JAN}, {"aci": PIET}]},
         "group", "Kabinetsoverleg", None, None),
        ("conv-empty", {"serviceId": "aci-nobody"}, "private", None, "Niemand", None),
    ]  # fmt: skip
    for cid, data, kind, name, profile, e164 in convs:
        conn.execute(
            "INSERT INTO conversations (id, json, type, name, profileFullName, e164, serviceId)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            (cid, json.dumps(data), kind, name, profile, e164, data.get("serviceId")),
        )
    rows = [
        _msg(1, "conv-jan", "incoming", 0, "Goedemorgen minister", sourceServiceId=JAN,
             reactions=[{"emoji": "\U0001f44d", "fromId": "conv-piet", "targetTimestamp": T}]),
        _msg(2, "conv-jan", "outgoing", 1, "Dag Jan (aangepast)",
             editHistory=[{"body": "Dag Jan (aangepast)"}, {"body": "Dag Jan"}],
             editMessageTimestamp=T + 90_000, quote={"id": T, "text": "Goedemorgen minister"}),
        _msg(3, "conv-jan", "incoming", 2, None, sourceServiceId=JAN, deletedForEveryone=True),
        _msg(4, "conv-jan", "incoming", 3, "Foto's", sourceServiceId=JAN, attachments=[
            {"contentType": "image/jpeg", "fileName": "IMG_1.jpg", "path": "ab/abcdef01",
             "localKey": "a2V5", "version": 2, "size": 128},
            {"contentType": "image/png", "fileName": "oud.png", "path": "cd/cdef0123",
             "size": len(PNG)},
            {"contentType": "application/pdf", "fileName": "nota.pdf", "path": "ef/ef012345"},
            {"contentType": "image/png", "fileName": "scan.png", "path": "12/12345678",
             "localKey": LOCAL_KEY, "version": 2, "size": len(PNG)},
        ]),
        _msg(5, "conv-jan", "timer-notification", 4, None, sourceServiceId=JAN,
             expirationTimerUpdate={"expireTimer": 604800, "source": JAN}),
        _msg(6, "conv-jan", "call-history", 5, None, callId="c1"),
        _msg(7, "conv-jan", "outgoing", 6, "Tot straks", expireTimer=604800, isViewOnce=True),
        _msg(8, "conv-group", "group-v2-change", 0, None, sourceServiceId=PIET,
             groupV2Change={"from": PIET, "details": [{"type": "create"}]}),
        _msg(9, "conv-group", "incoming", 1, "Welkom allemaal", sourceServiceId=PIET),
        _msg(10, "conv-group", "group-v2-change", 2, None, sourceServiceId=PIET,
             groupV2Change={"from": PIET, "details": [{"type": "title", "newTitle": "Kabinet"}]}),
        _msg(11, "conv-group", "story", 3, "niet in het gesprek", sourceServiceId=PIET),
        _msg(12, "conv-group", "timer-notification", 4, None, sourceServiceId=PIET,
             expirationTimerUpdate={"expireTimer": 0}),
    ]  # fmt: skip
    conn.executemany(
        "INSERT INTO messages (rowid, id, json, sent_at, conversationId, type, body,"
        " sourceServiceId, received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        rows,
    )
    conn.commit()
    conn.close()
    return root
