"""iMessage rows as chatsafe's domain objects: Apple's timestamps, message text, group
events and tapbacks. Only values go in and out; reading the database is
:mod:`chatsafe.importers.imessage`'s job."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from chatsafe.domain import EventType, Kind, ParsedMessage
from chatsafe.importers.typedstream import attributed_text

APPLE_EPOCH = datetime(2001, 1, 1, tzinfo=UTC)
_TAPBACKS = {0: "love", 1: "like", 2: "dislike", 3: "laugh", 4: "emphasize", 5: "question"}
# Direction marks and the object-replacement character of an attachment carry no text.
_INVISIBLE = dict.fromkeys(map(ord, "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\ufffc"))


def apple_time(value: int | float | None) -> datetime | None:
    """An Apple timestamp: nanoseconds since 2001 (seconds before 2017), by magnitude."""
    if value is None or value == 0:
        return None
    seconds = value / 1e9 if abs(value) > 10**11 else float(value)
    try:
        return APPLE_EPOCH + timedelta(seconds=seconds)
    except (OverflowError, ValueError):  # out of range, or NaN
        return None


def wallclock(instant: datetime | None, zone: ZoneInfo) -> str:
    """The local time the phone showed, in ``zone``; Apple's epoch when it is unknown."""
    if instant is None:
        return "2001-01-01T00:00:00"
    try:
        return instant.astimezone(zone).strftime("%Y-%m-%dT%H:%M:%S")
    except (OverflowError, ValueError):  # a damaged date at the edge of the calendar
        return "2001-01-01T00:00:00"


def message_text(text: str | None, body: Any) -> str:
    """The text column, else the text inside ``attributedBody``, cleaned."""
    if text is None:
        text = attributed_text(body if isinstance(body, bytes) else None)
    return (text or "").translate(_INVISIBLE).strip().replace("\r\n", "\n")


def is_tapback(assoc_type: int | None, assoc_guid: Any) -> bool:
    """Whether the row is a tapback (2000-2006 given, 3000-3006 withdrawn)."""
    return bool(assoc_type and 2000 <= assoc_type <= 3006 and assoc_guid)


def target_guid(assoc: str) -> str:
    """``p:0/GUID`` (part 0 of a message) or ``bp:GUID`` point at message GUID."""
    if "/" in assoc:
        return assoc.split("/", 1)[1]
    if assoc.startswith("bp:"):
        return assoc[3:]
    return assoc


def set_event(
    msg: ParsedMessage, item_type: int, action: int | None, title: str | None,
    member: str | None,
) -> None:  # fmt: skip
    """Make ``msg`` the group event of ``item_type``; ``member`` is the other handle."""
    msg.kind = Kind.EVENT
    msg.extra["item_type"] = item_type
    who = msg.sender or "someone"
    if item_type == 1:
        added = not action
        msg.event_type = EventType.MEMBER_ADDED if added else EventType.MEMBER_REMOVED
        msg.text = f"{who} {'added' if added else 'removed'} {member or 'someone'}"
    elif item_type == 2:
        msg.event_type = EventType.SUBJECT_CHANGED
        msg.text = f"{who} named the conversation {title or ''}".rstrip()
    elif item_type == 3 and not action:
        msg.event_type = EventType.MEMBER_LEFT
        msg.text = f"{who} left the conversation"
    elif item_type == 3:
        msg.event_type = EventType.ICON_CHANGED
        msg.text = f"{who} changed the group photo"
    else:
        msg.event_type = EventType.OTHER
        msg.text = msg.text or f"event (item type {item_type})"


def react(
    target: ParsedMessage | None, kind: int, who: str, emoji: str | None,
    at: datetime | None,
) -> None:  # fmt: skip
    """Apply one tapback to its message: add it, or withdraw the sender's earlier one."""
    if target is None:
        return
    reactions: list[dict[str, Any]] = target.extra.setdefault("reactions", [])
    what = emoji if kind % 1000 == 6 and emoji else _TAPBACKS.get(kind % 1000, str(kind))
    if kind >= 3000:
        for i, r in enumerate(reactions):
            if r["by"] == who and r["reaction"] == what:
                del reactions[i]
                break
    else:
        reactions.append({"by": who, "reaction": what, "at": at.isoformat() if at else None})
    if not reactions:
        del target.extra["reactions"]
