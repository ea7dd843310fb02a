"""The binary columns of WhatsApp's ``ChatStorage.sqlite``: quoted replies, reactions,
push names and the LID-to-phone map.

WhatsApp publishes no schema; what is decoded here is only what several independent
public readers agree on (they are named in docs/architecture.md). Where a value's meaning
is not confirmed, the importer keeps it raw in the message's extra data instead of
guessing:

- **Quoted reply.** ``ZWAMESSAGE.ZPARENTMESSAGE`` points at the quoted message when
  WhatsApp kept that link. Otherwise ``ZWAMEDIAITEM.ZMETADATA`` is a protobuf whose
  field 5 is the quoted message's stanza id (a ``bplist00`` value there is a reply that
  carries media and is left to ``ZPARENTMESSAGE``). Its fields 4 and 6 look like the
  quoted text and sender in one public fixture only: kept raw.
- **Reactions.** ``ZWAMESSAGEINFO.ZRECEIPTINFO`` is a protobuf; its repeated field 7
  holds one entry per reactor as a nested message (field 1) with the sender's JID in
  field 2 (absent for the phone's owner), the emoji in 3 and the time in milliseconds in
  4. A changed reaction is a newer entry of the same sender, a withdrawn one an empty
  emoji: the newest entry per sender counts.
- **Push names** in ``ZWAMESSAGE.ZPUSHNAME`` are sometimes base64 of a protobuf whose
  field 1 is the name.
- **LIDs** (``…@lid``, WhatsApp's identifiers that are not phone numbers): a chat session
  keyed by a LID may name the phone JID in ``ZCONTACTIDENTIFIER``, and ``LID.sqlite``
  (``ZWAZACCOUNT``: ``ZIDENTIFIER``, ``ZPHONENUMBER``) maps LIDs to numbers.

Edits are not decoded: no public reader identifies how iOS marks an edited message, so
the importer keeps ``ZWAMESSAGE.ZFLAGS`` raw (``wa_flags``) for a later, confirmed reading.
"""

from __future__ import annotations

import base64
import binascii
import re
import sqlite3
from typing import Any

from chatsafe.importers.protobuf import fields

_STANZA = re.compile(r"[0-9A-Za-z][0-9A-Za-z_.:\-]{3,63}")
_JID = re.compile(r"[0-9A-Za-z.\-_:]+@(s\.whatsapp\.net|lid)")


def _text(value: Any) -> str | None:
    if not isinstance(value, bytes):
        return None
    try:
        return value.decode("utf-8")
    except UnicodeDecodeError:
        return None


def quoted_reply(metadata: Any) -> tuple[str | None, dict[str, str]]:
    """(the quoted message's stanza id, unconfirmed fields kept raw) from ``ZMETADATA``."""
    if not isinstance(metadata, bytes) or metadata.startswith(b"bplist00"):
        return None, {}
    try:
        parsed = fields(metadata)
    except ValueError:
        return None, {}
    by_number = {n: v for n, w, v in parsed if w == 2}
    stanza = _text(by_number.get(5))
    if stanza is None or not _STANZA.fullmatch(stanza):
        return None, {}
    raw = {str(n): t for n in (4, 6) if (t := _text(by_number.get(n))) is not None}
    return stanza, raw


def reactions(blob: Any) -> list[tuple[str | None, str]] | None:
    """(reactor's JID or None for the owner, emoji) from ``ZRECEIPTINFO``, newest per
    reactor, withdrawn ones left out; None when the blob is not the expected protobuf."""
    if not isinstance(blob, bytes):
        return []
    newest: dict[str | None, tuple[int, str]] = {}
    try:
        for number, wire, value in fields(blob):
            if number != 7 or wire != 2 or not isinstance(value, bytes):
                continue
            for inner, inner_wire, entry in fields(value):
                if inner != 1 or inner_wire != 2 or not isinstance(entry, bytes):
                    continue
                parts = {n: v for n, _w, v in fields(entry)}
                emoji = _text(parts.get(3))
                sender = _text(parts.get(2))
                when = parts.get(4)
                stamp = when if isinstance(when, int) else 0
                if emoji is None or (sender is not None and not _JID.fullmatch(sender)):
                    return None
                if stamp >= newest.get(sender, (-1, ""))[0]:
                    newest[sender] = (stamp, emoji)
    except ValueError:
        return None
    return [(sender, emoji) for sender, (_stamp, emoji) in newest.items() if emoji]


def push_name(value: Any) -> str | None:
    """A push name, decoded when it is base64 of a protobuf whose field 1 is the name."""
    if not isinstance(value, str) or not value:
        return None
    # A protobuf of one short name is at least 8 base64 characters; a real name that
    # happens to be valid base64 almost never parses as one (and is kept when it does not).
    if len(value) >= 8 and len(value) % 4 == 0 and re.fullmatch(r"[A-Za-z0-9+/]+={0,2}", value):
        try:
            parsed = fields(base64.b64decode(value, validate=True))
            name = next((_text(v) for n, w, v in parsed if n == 1 and w == 2), None)
        except (ValueError, binascii.Error):
            name = None
        if name:
            return name
    return value


def lid_phones(
    chat_storage: sqlite3.Connection, lid_db: sqlite3.Connection | None
) -> dict[str, str]:
    """LID JID -> phone JID, from chat sessions and ``LID.sqlite`` when it is there."""
    out: dict[str, str] = {}
    try:
        rows = chat_storage.execute(
            "SELECT ZCONTACTJID, ZCONTACTIDENTIFIER FROM ZWACHATSESSION"
            " WHERE ZCONTACTJID LIKE '%@lid' AND ZCONTACTIDENTIFIER LIKE '%@s.whatsapp.net'"
        ).fetchall()
    except sqlite3.Error:
        rows = []  # an older schema without ZCONTACTIDENTIFIER
    out.update({str(lid).lower(): str(phone) for lid, phone in rows})
    if lid_db is not None:
        try:
            for lid, number in lid_db.execute(
                "SELECT ZIDENTIFIER, ZPHONENUMBER FROM ZWAZACCOUNT WHERE ZIDENTIFIER LIKE '%@lid'"
            ):
                digits = "".join(ch for ch in str(number or "") if ch.isdigit())
                if digits:
                    out.setdefault(str(lid).lower(), f"{digits}@s.whatsapp.net")
        except sqlite3.Error:
            pass  # another layout: LIDs stay as they are
    return out
