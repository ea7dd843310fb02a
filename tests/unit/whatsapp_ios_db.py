"""Builds WhatsApp's ChatStorage.sqlite (iPhone / WhatsApp Desktop for Mac) from the
documented Core Data tables, and the Mac app group folder around it."""

from __future__ import annotations

import base64
import sqlite3
from pathlib import Path

PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGM8ISfHwMDAxMDAwMDAAAANBAEIfXHKZgAAAABJRU5ErkJggg=="
)

T = 732_096_000.0  # 2024-03-14T08:00:00Z in seconds since 2001-01-01 (Apple's epoch)
CANARY = "KANARIE-chatstorage-5521"
JAN = "31612345678@s.whatsapp.net"
GROUP = "120363000000000001@g.us"
STANZA = "3EB0ABCDEF"  # a message id shared with the Android fixture's style

SCHEMA = """
CREATE TABLE ZWACHATSESSION (Z_PK INTEGER PRIMARY KEY, Z_ENT INTEGER, Z_OPT INTEGER,
  ZARCHIVED INTEGER, ZCONTACTABID INTEGER, ZFLAGS INTEGER, ZHIDDEN INTEGER, ZMESSAGECOUNTER
  INTEGER, ZREMOVED INTEGER, ZSESSIONTYPE INTEGER, ZUNREADCOUNT INTEGER, ZGROUPINFO INTEGER,
  ZLASTMESSAGE INTEGER, ZLASTMESSAGEDATE TIMESTAMP, ZCONTACTIDENTIFIER VARCHAR, ZCONTACTJID
  VARCHAR, ZETAG VARCHAR, ZLASTMESSAGETEXT VARCHAR, ZPARTNERNAME VARCHAR);
CREATE TABLE ZWAMESSAGE (Z_PK INTEGER PRIMARY KEY, Z_ENT INTEGER, Z_OPT INTEGER,
  ZCHILDMESSAGESDELIVEREDCOUNT INTEGER, ZDOCID INTEGER, ZFLAGS INTEGER, ZGROUPEVENTTYPE
  INTEGER, ZISFROMME INTEGER, ZMESSAGEERRORSTATUS INTEGER, ZMESSAGESTATUS INTEGER,
  ZMESSAGETYPE INTEGER, ZSORT INTEGER, ZSPOTLIGHTSTATUS INTEGER, ZSTARRED INTEGER,
  ZCHATSESSION INTEGER, ZGROUPMEMBER INTEGER, ZLASTSESSION INTEGER, ZMEDIAITEM INTEGER,
  ZMESSAGEINFO INTEGER, ZPARENTMESSAGE INTEGER, ZMESSAGEDATE TIMESTAMP, ZSENTDATE TIMESTAMP,
  ZFROMJID VARCHAR, ZMEDIASECTIONID VARCHAR, ZPHASH VARCHAR, ZPUSHNAME VARCHAR, ZSTANZAID
  VARCHAR, ZTEXT VARCHAR, ZTOJID VARCHAR);
CREATE TABLE ZWAGROUPMEMBER (Z_PK INTEGER PRIMARY KEY, Z_ENT INTEGER, Z_OPT INTEGER,
  ZISACTIVE INTEGER, ZISADMIN INTEGER, ZCHATSESSION INTEGER, ZCONTACTABID INTEGER,
  ZCONTACTIDENTIFIER VARCHAR, ZCONTACTNAME VARCHAR, ZFIRSTNAME VARCHAR, ZMEMBERJID VARCHAR);
CREATE TABLE ZWAMEDIAITEM (Z_PK INTEGER PRIMARY KEY, Z_ENT INTEGER, Z_OPT INTEGER,
  ZFILESIZE INTEGER, ZMOVIEDURATION INTEGER, ZMESSAGE INTEGER, ZLATITUDE FLOAT, ZLONGITUDE
  FLOAT, ZAUTHORNAME VARCHAR, ZCOLLECTIONNAME VARCHAR, ZMEDIALOCALPATH VARCHAR, ZMEDIAURL
  VARCHAR, ZTHUMBNAILLOCALPATH VARCHAR, ZTITLE VARCHAR, ZVCARDNAME VARCHAR, ZVCARDSTRING
  VARCHAR, ZXMPPTHUMBPATH VARCHAR, ZMETADATA BLOB);
CREATE TABLE ZWAPROFILEPUSHNAME (Z_PK INTEGER PRIMARY KEY, Z_ENT INTEGER, Z_OPT INTEGER,
  ZJID VARCHAR, ZPUSHNAME VARCHAR);
"""

IMAGE_PATH = "Media/31612345678@s.whatsapp.net/a/b/9f1c2d.jpg"


def _msg(conn: sqlite3.Connection, pk: int, chat: int, minute: int, text: str | None, *,
         from_me: int = 0, wa_type: int = 0, member: int | None = None,
         media: int | None = None, event: int | None = None, stanza: str | None = None,
         from_jid: str | None = None) -> None:  # fmt: skip
    conn.execute(
        "INSERT INTO ZWAMESSAGE(Z_PK, ZCHATSESSION, ZISFROMME, ZMESSAGEDATE, ZMESSAGETYPE,"
        " ZGROUPEVENTTYPE, ZTEXT, ZSTANZAID, ZGROUPMEMBER, ZMEDIAITEM, ZFROMJID, ZSTARRED)"
        " VALUES (?,?,?,?,?,?,?,?,?,?,?,0)",
        (pk, chat, from_me, T + minute * 60, wa_type, event, text,
         stanza or f"3EB0{pk:06X}", member, media, from_jid),
    )  # fmt: skip


def make_db(extra_messages: int = 0) -> bytes:
    """ChatStorage.sqlite's bytes: Jan (7 rows), a group (4 rows)."""
    conn = sqlite3.connect(":memory:")
    conn.executescript(SCHEMA)
    conn.execute("INSERT INTO ZWACHATSESSION(Z_PK, ZCONTACTJID, ZPARTNERNAME, ZSESSIONTYPE)"
                 " VALUES (1, ?, 'Jan Jansen', 0)", (JAN,))  # fmt: skip
    conn.execute("INSERT INTO ZWACHATSESSION(Z_PK, ZCONTACTJID, ZPARTNERNAME, ZSESSIONTYPE)"
                 " VALUES (2, ?, 'Kabinetsoverleg', 1)", (GROUP,))  # fmt: skip
    conn.execute("INSERT INTO ZWACHATSESSION(Z_PK, ZCONTACTJID, ZPARTNERNAME, ZSESSIONTYPE)"
                 " VALUES (3, '31600000000@s.whatsapp.net', 'Leeg', 0)")  # no messages
    conn.execute("INSERT INTO ZWAGROUPMEMBER(Z_PK, ZCHATSESSION, ZMEMBERJID, ZCONTACTNAME)"
                 " VALUES (1, 2, ?, 'Jan Jansen')", (JAN,))  # fmt: skip
    conn.execute("INSERT INTO ZWAGROUPMEMBER(Z_PK, ZCHATSESSION, ZMEMBERJID, ZCONTACTNAME)"
                 " VALUES (2, 2, '31687654321@s.whatsapp.net', NULL)")
    conn.execute("INSERT INTO ZWAPROFILEPUSHNAME(ZJID, ZPUSHNAME)"
                 " VALUES ('31687654321@s.whatsapp.net', 'Piet')")  # fmt: skip
    _msg(conn, 1, 1, 0, "Goedemorgen, de nota ligt klaar", stanza=STANZA)
    _msg(conn, 2, 1, 1, f"Dank, ik lees hem vandaag {CANARY}", from_me=1)
    _msg(conn, 3, 1, 2, None, wa_type=1, media=1)
    conn.execute("INSERT INTO ZWAMEDIAITEM(Z_PK, ZMESSAGE, ZMEDIALOCALPATH, ZTITLE, ZFILESIZE)"
                 " VALUES (1, 3, ?, 'de grafiek', 70)", (IMAGE_PATH,))  # fmt: skip
    _msg(conn, 4, 1, 3, None, wa_type=3, media=2)
    conn.execute("INSERT INTO ZWAMEDIAITEM(Z_PK, ZMESSAGE, ZMEDIALOCALPATH)"
                 " VALUES (2, 4, 'Media/31612345678@s.whatsapp.net/c/d/voice.opus')")
    _msg(conn, 5, 1, 4, None, wa_type=14)
    _msg(conn, 6, 1, 5, None, wa_type=5)
    _msg(conn, 7, 1, 6, None, wa_type=999)
    _msg(conn, 8, 2, 10, None, wa_type=6, event=2)
    _msg(conn, 9, 2, 11, "Agenda voor dinsdag", member=1)
    _msg(conn, 10, 2, 12, "Akkoord", member=2)
    _msg(conn, 11, 2, 13, "Prima", from_me=1)
    for i in range(extra_messages):
        _msg(conn, 100 + i, 1, 20 + i, f"bericht {i}", from_me=i % 2)
    conn.commit()
    data = conn.serialize()
    conn.close()
    return data


def build_mac(root: Path) -> Path:
    """WhatsApp Desktop's app group folder on a Mac."""
    root.mkdir(parents=True)
    (root / "ChatStorage.sqlite").write_bytes(make_db())
    image = root / "Message" / IMAGE_PATH
    image.parent.mkdir(parents=True)
    image.write_bytes(PNG)
    return root
