"""What Signal Desktop's message rows mean: types, events, names.

Kept apart from the database handling in :mod:`chatsafe.importers.signal_desktop`.
Field names are those of Signal Desktop's ``messages.json`` column.
"""

from __future__ import annotations

from typing import Any

from chatsafe.domain import EventType

#: Message types that are written by a participant.
MESSAGE_TYPES = frozenset({"incoming", "outgoing"})
#: Types that are not part of a conversation's transcript at all.
SKIPPED_TYPES = frozenset({"story"})

_SIMPLE_EVENTS: dict[str, EventType] = {
    "call-history": EventType.CALL,
    "keychange": EventType.SECURITY_CODE,
    "verified-change": EventType.SECURITY_CODE,
    "change-number-notification": EventType.NUMBER_CHANGED,
    "title-transition-notification": EventType.SUBJECT_CHANGED,
}

_GROUP_CHANGES: dict[str, EventType] = {
    "create": EventType.GROUP_CREATED,
    "title": EventType.SUBJECT_CHANGED,
    "avatar": EventType.ICON_CHANGED,
    "description": EventType.DESCRIPTION_CHANGED,
    "member-add": EventType.MEMBER_ADDED,
    "member-add-from-invite": EventType.MEMBER_ADDED,
    "member-add-from-link": EventType.MEMBER_ADDED,
    "member-add-from-admin-approval": EventType.MEMBER_ADDED,
    "member-remove": EventType.MEMBER_REMOVED,
}


def _duration(seconds: int) -> str:
    for unit, size in (("week", 604800), ("day", 86400), ("hour", 3600), ("minute", 60)):
        if seconds >= size and seconds % size == 0:
            n = seconds // size
            return f"{n} {unit}{'s' if n != 1 else ''}"
    return f"{seconds} seconds"


def event_for(kind: str, data: dict[str, Any], sender: str | None) -> tuple[EventType, str]:
    """The event type and a readable line for a non-message row."""
    who = sender or "Someone"
    if kind == "timer-notification":
        update = data.get("expirationTimerUpdate")
        timer = update.get("expireTimer") if isinstance(update, dict) else None
        if not isinstance(timer, int) or timer <= 0:
            return EventType.DISAPPEARING_OFF, f"{who} turned off disappearing messages"
        return EventType.DISAPPEARING_CHANGED, (
            f"{who} set disappearing messages to {_duration(timer)}"
        )
    if kind == "group-v2-change":
        change = data.get("groupV2Change")
        details = change.get("details") if isinstance(change, dict) else None
        first = details[0] if isinstance(details, list) and details else {}
        detail_type = first.get("type") if isinstance(first, dict) else None
        if detail_type == "member-remove" and isinstance(change, dict):
            if first.get("aci") and first.get("aci") == change.get("from"):
                return EventType.MEMBER_LEFT, f"{who} left the group"
        if detail_type == "title" and isinstance(first, dict):
            title = first.get("newTitle")
            if isinstance(title, str):
                return EventType.SUBJECT_CHANGED, f"{who} changed the group name to {title}"
        event = _GROUP_CHANGES.get(str(detail_type), EventType.OTHER)
        return event, f"{who}: group change ({detail_type or 'unknown'})"
    if kind == "call-history":
        return EventType.CALL, f"call ({who})"
    return _SIMPLE_EVENTS.get(kind, EventType.OTHER), f"{kind} ({who})"


def display_name(row: dict[str, Any], data: dict[str, Any]) -> str | None:
    """A conversation's or contact's name as Signal shows it."""
    for key in ("name", "profileFullName", "profileName", "e164"):
        value = row.get(key) or data.get(key)
        if isinstance(value, str) and value.strip():
            return value.strip()
    given, family = data.get("profileName"), data.get("profileFamilyName")
    if isinstance(given, str) and given:
        return f"{given} {family}".strip() if isinstance(family, str) else given
    return None
