"""ChatStorage.sqlite's binary columns: quoted replies (ZPARENTMESSAGE, ZMETADATA field 5),
reactions (ZRECEIPTINFO field 7), base64 push names, LIDs (chat sessions, LID.sqlite), and
what is kept raw because no public source confirms it (flags, undecodable receipts).
The fixtures are written here by hand, as protobuf bytes."""

from __future__ import annotations

import base64
import sqlite3
from pathlib import Path

from whatsapp_ios_db import SCHEMA, T, _msg

from chatsafe.domain import ParsedConversation
from chatsafe.importers import whatsapp_ios_blobs as blobs
from chatsafe.importers.base import ImportContext
from chatsafe.importers.whatsapp_ios import IMPORTER
from chatsafe.ingest import import_paths
from chatsafe.sources import open_source
from chatsafe.store import create_case

GROUP = "120363000000000009@g.us"
ANNA_LID = "98765432101234@lid"
ANNA_PHONE = "31611112222@s.whatsapp.net"
BOB_LID = "55554444333322@lid"
BOB_PHONE = "31633334444@s.whatsapp.net"
KEES = "31655556666@s.whatsapp.net"


def varint(n: int) -> bytes:
    out = bytearray()
    while True:
        out.append((n & 0x7F) | (0x80 if n > 0x7F else 0))
        n >>= 7
        if not n:
            return bytes(out)


def field(number: int, value: int | bytes | str) -> bytes:
    if isinstance(value, int):
        return varint(number << 3) + varint(value)
    data = value.encode() if isinstance(value, str) else value
    return varint(number << 3 | 2) + varint(len(data)) + data


def reaction(sender: str | None, emoji: str, ms: int) -> bytes:
    entry = (field(2, sender) if sender else b"") + field(3, emoji) + field(4, ms)
    return field(7, field(1, entry))


def build(root: Path) -> Path:
    root.mkdir(parents=True)
    conn = sqlite3.connect(root / "ChatStorage.sqlite")
    conn.executescript(SCHEMA)
    conn.execute("CREATE TABLE ZWAMESSAGEINFO (Z_PK INTEGER PRIMARY KEY, Z_ENT INTEGER,"
                 " Z_OPT INTEGER, ZMESSAGE INTEGER, ZRECEIPTINFO BLOB)")  # fmt: skip
    conn.execute("INSERT INTO ZWACHATSESSION(Z_PK, ZCONTACTJID, ZPARTNERNAME, ZSESSIONTYPE)"
                 " VALUES (1, ?, 'Staf', 1)", (GROUP,))  # fmt: skip
    # A one-to-one chat keyed by Bob's LID; the session names his phone JID.
    conn.execute("INSERT INTO ZWACHATSESSION(Z_PK, ZCONTACTJID, ZCONTACTIDENTIFIER,"
                 " ZSESSIONTYPE) VALUES (2, ?, ?, 0)", (BOB_LID, BOB_PHONE))  # fmt: skip
    conn.execute("INSERT INTO ZWAGROUPMEMBER(Z_PK, ZCHATSESSION, ZMEMBERJID) VALUES (1, 1, ?)",
                 (ANNA_LID,))  # fmt: skip
    conn.execute("INSERT INTO ZWAGROUPMEMBER(Z_PK, ZCHATSESSION, ZMEMBERJID, ZCONTACTNAME)"
                 " VALUES (2, 1, ?, 'Kees de Vries')", (KEES,))  # fmt: skip
    _msg(conn, 1, 1, 0, "Wie leest de nota?", member=2, stanza="3EB0AAAA0001")
    _msg(conn, 2, 1, 1, "Ik", member=1, stanza="3EB0AAAA0002", media=1)
    conn.execute("INSERT INTO ZWAMEDIAITEM(Z_PK, ZMESSAGE, ZMETADATA) VALUES (1, 2, ?)",
                 (field(4, "Wie leest de nota?") + field(5, "3EB0AAAA0001")
                  + field(6, KEES),))  # fmt: skip
    _msg(conn, 3, 1, 2, "Dank", from_me=1, stanza="3EB0AAAA0003")
    conn.execute("UPDATE ZWAMESSAGE SET ZPARENTMESSAGE = 2, ZFLAGS = 4096 WHERE Z_PK = 3")
    # Kees reacted twice (the newer counts), Anna withdrew hers, the owner kept one.
    receipt = (field(1, 5) + reaction(KEES, "👍", 1000) + reaction(ANNA_LID, "😮", 1000)
               + reaction(KEES, "🙏", 2000) + reaction(ANNA_LID, "", 3000)
               + reaction(None, "❤️", 1500))  # fmt: skip
    conn.execute("INSERT INTO ZWAMESSAGEINFO(ZMESSAGE, ZRECEIPTINFO) VALUES (1, ?)", (receipt,))
    conn.execute(
        "INSERT INTO ZWAMESSAGEINFO(ZMESSAGE, ZRECEIPTINFO) VALUES (3, ?)", (field(7, b"\x0a\x99"),)
    )  # a layout chatsafe does not know: kept raw
    pushed = base64.b64encode(field(1, "Bob B.") + field(2, 7)).decode()
    _msg(conn, 4, 2, 3, "Zie je morgen", from_jid=BOB_LID, stanza="3EB0BBBB0001")
    conn.execute("UPDATE ZWAMESSAGE SET ZPUSHNAME = ? WHERE Z_PK = 4", (pushed,))
    _msg(conn, 5, 2, 4, "Tot morgen", from_me=1, stanza="3EB0BBBB0002")
    conn.execute("INSERT INTO ZWAMESSAGEINFO(ZMESSAGE, ZRECEIPTINFO) VALUES (5, ?)",
                 (reaction(BOB_LID, "👍", 10),))  # fmt: skip
    conn.commit()
    conn.close()
    lid = sqlite3.connect(root / "LID.sqlite")
    lid.execute("CREATE TABLE ZWAZACCOUNT (Z_PK INTEGER PRIMARY KEY, ZIDENTIFIER VARCHAR,"
                " ZPHONENUMBER VARCHAR, ZCREATEDAT TIMESTAMP)")  # fmt: skip
    lid.execute("INSERT INTO ZWAZACCOUNT VALUES (1, ?, '+31 6 1111 2222', ?)", (ANNA_LID, T))
    lid.commit()
    lid.close()
    return root


def parse(path: Path) -> dict[str, ParsedConversation]:
    convs = {}
    with open_source(path) as source:
        for conv in IMPORTER.parse(source, ImportContext(owner="Minister")):
            conv.messages = list(conv.messages)
            convs[conv.key] = conv
    return convs


def test_replies_reactions_and_lids_from_chatstorage(tmp_path: Path) -> None:
    convs = parse(build(tmp_path / "group.net.whatsapp.WhatsApp.shared"))
    question, answer, thanks = convs[GROUP].messages
    assert answer.sender == "+31611112222"  # Anna's LID through LID.sqlite
    assert answer.extra["sender_lid"] == ANNA_LID
    assert answer.reply_to == "3EB0AAAA0001"  # ZMETADATA field 5
    assert answer.extra["wa_quote_raw"] == {"4": "Wie leest de nota?", "6": KEES}
    assert thanks.reply_to == "3EB0AAAA0002"  # ZPARENTMESSAGE
    assert thanks.extra["wa_flags"] == 4096
    assert thanks.extra["wa_receipt_info_raw"] == base64.b64encode(field(7, b"\x0a\x99")).decode()
    assert "reactions" not in thanks.extra
    assert sorted(question.extra["reactions"], key=lambda r: r["by"]) == [
        {"by": "Kees de Vries", "reaction": "🙏"},
        {"by": "Minister", "reaction": "❤️"},
    ]
    assert question.reply_to is None and "wa_flags" not in question.extra

    bob = convs[BOB_LID]
    assert bob.title == "+31633334444"  # the session's ZCONTACTIDENTIFIER
    said, reply = bob.messages
    assert said.sender == "+31633334444" and said.extra["sender_lid"] == BOB_LID
    assert reply.extra["reactions"] == [{"by": "+31633334444", "reaction": "👍"}]


def test_replies_and_reactions_survive_the_import(tmp_path: Path) -> None:
    root = build(tmp_path / "shared")
    case = create_case(tmp_path / "c.chatsafe")
    try:
        import_paths(case, [root], ImportContext())
        rows = dict(case.conn.execute(
            "SELECT source_id, reply_to FROM messages WHERE reply_to IS NOT NULL"))  # fmt: skip
        extra = case.conn.execute(
            "SELECT extra FROM messages WHERE source_id = '3EB0AAAA0001'").fetchone()[0]  # fmt: skip
    finally:
        case.close()
    assert rows == {"3EB0AAAA0002": "3EB0AAAA0001", "3EB0AAAA0003": "3EB0AAAA0002"}
    assert "🙏" in extra and "Kees de Vries" in extra


def test_quoted_reply_field_five_only() -> None:
    assert blobs.quoted_reply(field(5, "3EB0C0FFEE01")) == ("3EB0C0FFEE01", {})
    assert blobs.quoted_reply(b"bplist00" + field(5, "3EB0C0FFEE01")) == (None, {})
    assert blobs.quoted_reply(field(3, 42)) == (None, {})  # a media item's own metadata
    assert blobs.quoted_reply(field(5, "not an id")) == (None, {})
    assert blobs.quoted_reply(b"\x2a\x40short") == (None, {})  # truncated: not a protobuf
    assert blobs.quoted_reply(None) == (None, {})


def test_reactions_newest_per_sender_and_refusal_of_other_layouts() -> None:
    blob = reaction(KEES, "👍", 1) + reaction(KEES, "", 2) + reaction(None, "😂", 1)
    assert blobs.reactions(blob) == [(None, "😂")]
    assert blobs.reactions(field(1, 5)) == []  # read receipts only
    assert blobs.reactions(field(7, field(1, field(2, "no jid") + field(3, "👍")))) is None
    assert blobs.reactions(b"\xff\xff") is None


def test_push_names_decoded_only_when_they_are_a_protobuf() -> None:
    assert blobs.push_name(base64.b64encode(field(1, "Chloé") + field(2, 7)).decode()) == "Chloé"
    for plain in ("Piet", "Anna Bakker", "Jansen12", "Chad"):
        assert blobs.push_name(plain) == plain
    assert blobs.push_name("") is None


def test_lid_map_from_sessions_and_lid_database(tmp_path: Path) -> None:
    root = build(tmp_path / "shared")
    chat = sqlite3.connect(root / "ChatStorage.sqlite")
    lid = sqlite3.connect(root / "LID.sqlite")
    try:
        assert blobs.lid_phones(chat, lid) == {BOB_LID: BOB_PHONE, ANNA_LID: ANNA_PHONE}
        assert blobs.lid_phones(chat, None) == {BOB_LID: BOB_PHONE}
    finally:
        chat.close()
        lid.close()
