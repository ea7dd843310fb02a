"""One Telegram message object's fields as chatsafe's values: text, dates, edits,
attachments, sender ids and the extras a reader saw. Reading the export and building
conversations is :mod:`chatsafe.importers.telegram`'s job; a malformed field raises
``Bad`` with its place, which the importer turns into a one-line refusal."""

from __future__ import annotations

from datetime import datetime
from pathlib import PurePosixPath
from typing import Any
from zoneinfo import ZoneInfo

from chatsafe import media
from chatsafe.domain import ParsedAttachment, ParsedMessage
from chatsafe.importers.normalize import instant_from_epoch, strip_marks, wallclock_of
from chatsafe.importers.telegram_media import TelegramMedia
from chatsafe.importers.telegram_outline import Bad

_NOT_INCLUDED = "(File "  # "(File not included. …)", "(File exceeds maximum size. …)", …


def want(value: Any, kind: type | tuple[type, ...], path: str, what: str) -> Any:
    """``value`` when it is of ``kind`` (never a bool); else the entry is refused."""
    if not isinstance(value, kind) or isinstance(value, bool):
        raise Bad(path, f"{what} is not {_kind_words(kind)}")
    return value


def _kind_words(kind: type | tuple[type, ...]) -> str:
    words = {dict: "an object", list: "a list", str: "a text", int: "a number"}
    kinds = kind if isinstance(kind, tuple) else (kind,)
    return " or ".join(words.get(k, k.__name__) for k in kinds)


def text_of(msg: dict[str, Any], path: str) -> str:
    """The text a reader saw: text_entities where present, else text (string or list)."""
    value = msg.get("text_entities")
    if not isinstance(value, list):
        value = msg.get("text", "")
    if isinstance(value, str):
        return strip_marks(value)
    if not isinstance(value, list):
        raise Bad(path, "text is neither a text nor a list")
    parts: list[str] = []
    for part in value:
        if isinstance(part, str):
            parts.append(part)
        elif isinstance(part, dict) and isinstance(part.get("text", ""), str):
            parts.append(part.get("text", ""))
        else:
            raise Bad(path, "text holds an entry that is neither a text nor an entity")
    return strip_marks("".join(parts))


def when(msg: dict[str, Any], path: str, tz: ZoneInfo) -> tuple[str, datetime | None, str]:
    """(wallclock, instant or None, date as printed)."""
    raw = want(msg.get("date"), str, path, "date")
    try:
        local = datetime.fromisoformat(raw)
    except ValueError:
        raise Bad(path, "date is not a date and time") from None
    if not 1970 <= local.year < 2200:  # outside this, time-zone arithmetic breaks
        raise Bad(path, "date is out of range")
    unix = msg.get("date_unixtime")
    if unix is None:
        return local.replace(tzinfo=None).isoformat(timespec="seconds"), None, raw
    if isinstance(unix, str) and unix.isdecimal() and len(unix) < 16:
        seconds = int(unix)
    elif isinstance(unix, int) and not isinstance(unix, bool):
        seconds = unix
    else:
        raise Bad(path, "date_unixtime is not a number")
    try:
        instant = instant_from_epoch(seconds)
    except (ValueError, OverflowError, OSError):
        raise Bad(path, "date_unixtime is out of range") from None
    return wallclock_of(instant, tz), instant, raw


def was_edited(msg: dict[str, Any]) -> bool:
    """Whether the message was edited (old exports wrote a 1970 date for never)."""
    if msg.get("edited_unixtime") not in (None, "", "0", 0):
        return True
    edited = msg.get("edited")
    # Old exports wrote the epoch (in the exporter's zone) for "never edited".
    return isinstance(edited, str) and bool(edited) and not edited.startswith("1970-01-01")


def attachments(msg: dict[str, Any], path: str, files: TelegramMedia) -> list[ParsedAttachment]:
    """The message's photo, file and contact card: read, or named as missing."""
    found: list[ParsedAttachment] = []
    for field in ("photo", "file", "contact_vcard"):
        if field not in msg:
            continue
        ref = want(msg[field], str, path, field)
        given = msg.get("file_name") if field == "file" else None
        if ref.startswith(_NOT_INCLUDED):
            name = given if isinstance(given, str) and given else field
            mime = msg.get("mime_type") if field == "file" else None
            found.append(ParsedAttachment(name, mime if isinstance(mime, str) else None, None))
            continue
        name = given if isinstance(given, str) and given else PurePosixPath(ref).name or field
        data = files.read(ref)
        mime = media.sniff_mime(data, name) if data is not None else None
        found.append(ParsedAttachment(name, mime, data))
    return found


def sender_id(value: Any) -> str | None:
    """``user123``-style id of a sender (2020 exports wrote a bare number)."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):  # 2020 exports: a bare user id
        return f"user{value}"
    return value if isinstance(value, str) else None


def extras(msg: dict[str, Any], out: ParsedMessage) -> None:
    """What a reader saw beside the text: place, contact card, poll, sticker, timer."""
    loc = msg.get("location_information")
    if isinstance(loc, dict):
        lat, lon = loc.get("latitude"), loc.get("longitude")
        if isinstance(lat, (int, float)) and isinstance(lon, (int, float)):
            out.extra["location"] = f"geo:{lat},{lon}"
    contact = msg.get("contact_information")
    if isinstance(contact, dict):
        parts = [contact.get("first_name"), contact.get("last_name")]
        out.extra["contact_card"] = " ".join(p for p in parts if isinstance(p, str) and p)
    poll = msg.get("poll")
    if isinstance(poll, dict):
        answers = poll.get("answers")
        out.extra["poll"] = {
            "question": poll.get("question") if isinstance(poll.get("question"), str) else "",
            "options": [a.get("text") for a in answers if isinstance(a, dict)]
            if isinstance(answers, list)
            else [],
        }
    for field in ("media_type", "sticker_emoji", "duration_seconds", "via_bot"):
        if isinstance(msg.get(field), (str, int)):
            out.extra[field] = msg[field]
    ttl = msg.get("self_destruct_period_seconds")
    if isinstance(ttl, int) and not isinstance(ttl, bool) and ttl > 0:
        out.view_once = True
        out.extra["self_destruct_seconds"] = ttl
