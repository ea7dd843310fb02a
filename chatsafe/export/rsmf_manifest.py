"""RSMF 2.0 manifest parts from the rows that leave: participants, a conversation, events.

Everything here is built from :class:`chatsafe.bundle.payload.Row` and the bundle's
participant list, never from the case directly, so an RSMF file can hold nothing the
bundle would not. Identifiers are the bundle's URNs (:mod:`chatsafe.identifiers`), so a
Woo team can cite a message and the archive can find it. chatsafe's own facts that RSMF
has no field for travel as ``custom`` name/value pairs (string values, never empty), the
only extension the format allows: other properties make validators warn.
"""

from __future__ import annotations

import json
import re
import uuid
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from typing import Any
from zoneinfo import ZoneInfo

from chatsafe import identifiers
from chatsafe.bundle.payload import Row
from chatsafe.domain import DISAPPEARING_EVENTS, EventType

VERSION = "2.0.0"

# RSMF's platform names are free text; these are the names review platforms show.
APPLICATIONS = {
    "whatsapp": "WhatsApp",
    "signal": "Signal",
    "signal-export": "Signal",
    "signal_export": "Signal",
    "signal-desktop": "Signal",
    "signal_desktop": "Signal",
    "sms": "SMS",
    "imessage": "iMessage",
    "telegram": "Telegram",
    "email": "E-mail",
    "matrix": "Matrix",
}

# The nearest RSMF event type for each chatsafe event. Disappearing-message timers change
# how long the history is kept, which is what RSMF's "history" events are about.
_EVENT_TYPES = {
    EventType.MEMBER_ADDED: "join",
    EventType.GROUP_CREATED: "join",
    EventType.MEMBER_LEFT: "leave",
    EventType.MEMBER_REMOVED: "leave",
    EventType.ENCRYPTION: "disclaimer",
    EventType.SECURITY_CODE: "disclaimer",
    **{e: "history" for e in DISAPPEARING_EVENTS},
}

_EMAIL = re.compile(r"^[^@\s<>]+@[^@\s<>]+\.[^@\s<>]+$")
_PHONE = re.compile(r"^\+?[0-9][0-9 ()-]{5,}$")


# A conversation names the same few people thousands of times.
_participant_urn = lru_cache(maxsize=4096)(identifiers.participant_urn)


def application(source_format: str) -> str:
    return APPLICATIONS.get(source_format, source_format)


def timestamp(instant_ms: int, zone: ZoneInfo) -> str:
    """ISO 8601 with the case's local offset, so a reader sees the time the phone showed."""
    return datetime.fromtimestamp(instant_ms / 1000, zone).isoformat(timespec="seconds")


def participant(case_id: uuid.UUID, name: str, is_owner: bool) -> dict[str, Any]:
    p: dict[str, Any] = {"id": identifiers.participant_urn(case_id, name), "display": name}
    if _EMAIL.match(name):
        p["email"] = name
    elif _PHONE.match(name):
        p["account_id"] = name
    if is_owner:
        p["custom"] = [{"name": "chatsafe role", "value": "owner of the phone (custodian)"}]
    return p


@dataclass
class ConversationInfo:
    """What the manifest says about one leaving conversation (the same in every slice)."""

    urn: str
    title: str
    source_format: str
    is_group: bool
    folder: str  # the bundle's neutral folder name, e.g. conversation-0001
    people: list[tuple[str, bool]]  # (name, is_owner): who wrote something that leaves
    owner: str | None


def conversation(case_id: uuid.UUID, info: ConversationInfo, time_zone: str) -> dict[str, Any]:
    ids = [identifiers.participant_urn(case_id, n) for n, _ in info.people]
    conv: dict[str, Any] = {
        "id": info.urn,
        "display": info.title,
        "platform": application(info.source_format),
        "type": "channel" if info.is_group else "direct",
        "participants": ids,
        "custom": _custom(
            [
                ("chatsafe case", identifiers.case_urn(case_id)),
                ("chatsafe source format", info.source_format),
                ("chatsafe bundle folder", info.folder),
                ("chatsafe label", "business"),
                ("time zone", time_zone),
            ]
        ),
    }
    if info.owner is not None:
        conv["custodian"] = identifiers.participant_urn(case_id, info.owner)
    return conv


def event(
    r: Row,
    *,
    case_id: uuid.UUID,
    conversation_urn: str,
    zone: ZoneInfo,
    parents: dict[int, str],
    in_slice: set[str],
    earlier: tuple[str, str] | None = None,
    urn: str | None = None,
) -> dict[str, Any]:
    """One row as an RSMF event. ``parents`` maps a leaving row's number (n) to its URN;
    a reply's parent is named in ``parent`` only when it is in the same file (the format
    requires that), and otherwise under ``custom``. ``earlier`` is the (URN, text) of the
    earlier version this row edits, when that version leaves too."""
    urn = urn or identifiers.message_urn(case_id, bytes.fromhex(r.identity))
    ev: dict[str, Any] = {
        "id": urn,
        "type": "message" if r.kind == "message" else _event_type(r.event_type),
        "conversation": conversation_urn,
        "timestamp": timestamp(r.instant_ms, zone),
        "body": r.text,
    }
    who = _participant_urn(case_id, r.sender) if r.sender else None
    if who:
        ev["participant"] = who
        if r.kind == "message":
            ev["direction"] = "outgoing" if r.from_owner else "incoming"
    if r.deleted:
        ev["deleted"] = True
    if r.edited and who:
        # The case knows that it was edited; what it said before only when an earlier
        # export held the earlier version (review/versions.py) and that version leaves.
        edit: dict[str, str] = {"participant": who}
        if earlier is not None:
            edit |= {"previous": earlier[1], "new": r.text}
        ev["edits"] = [edit]
    custom: list[tuple[str, str]] = [
        ("chatsafe sequence", str(r.n)),
        ("chatsafe label", "business"),
        ("wall-clock time", r.wallclock_raw or r.wallclock),
    ]
    if earlier is not None:
        custom.append(("earlier version", earlier[0]))
    parent = parents.get(r.reply_to) if r.reply_to is not None else None
    if parent is not None and parent in in_slice:
        ev["parent"] = parent
    elif parent is not None:
        custom.append(("reply to", parent))
    files = [a for a in r.attachments if a.path is not None]
    if files:
        ev["attachments"] = [
            {"id": attachment_id(a.path), "display": a.name, "size": int(a.size or 0)}
            for a in files
            if a.path is not None
        ]
    for a in files:
        # The attachment's Archiefstuk in the bundle has this URN (bundle/builder.py).
        if a.path is not None and a.sha256:
            archived = identifiers.attachment_urn(case_id, conversation_urn, a.sha256)
            custom.append((f"archive id of {attachment_id(a.path)}", archived))
    custom += [("missing attachment", a.name) for a in r.attachments if a.path is None]
    if r.kind != "message" and r.event_type:
        custom.append(("chatsafe event type", r.event_type))
    for flag, name in (
        (r.view_once, "view once"),
        (r.media_omitted, "media omitted from the export"),
        (r.forwarded, "forwarded"),
        (r.edited, "edited"),
    ):
        if flag:
            custom.append((name, "true"))
    for key in sorted(r.extra):
        value = r.extra[key]
        text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
        custom.append((key.replace("_", " "), text))
    if r.source_sha256:
        custom.append(("source file sha256", ", ".join(r.source_sha256)))
    ev["custom"] = _custom(custom)
    return ev


def attachment_id(path: str) -> str:
    """The file's name at the root of rsmf.zip: the bundle's neutral name (0003.jpg)."""
    return path.rsplit("/", 1)[-1]


def _event_type(event_type: str | None) -> str:
    try:
        return _EVENT_TYPES.get(EventType(event_type or "other"), "unknown")
    except ValueError:
        return "unknown"


def _custom(pairs: list[tuple[str, str]]) -> list[dict[str, str]]:
    # The schema wants non-empty strings for both.
    return [{"name": n, "value": v} for n, v in pairs if n and v]


def manifest(
    participants: list[dict[str, Any]],
    conv: dict[str, Any],
    events: list[dict[str, Any]],
    collection_id: str,
) -> dict[str, Any]:
    return {
        "version": VERSION,
        "participants": participants,
        "conversations": [conv],
        "events": events,
        "eventcollectionid": collection_id,
    }
