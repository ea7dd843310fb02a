"""Matrix state and call events as chatsafe events, with a short English sentence."""

from __future__ import annotations

from typing import Any

from chatsafe.domain import EventType

_PLAIN: dict[str, tuple[EventType, str]] = {
    "m.room.create": (EventType.GROUP_CREATED, "{who} created the room"),
    "m.room.encryption": (EventType.ENCRYPTION, "{who} turned on end-to-end encryption"),
    "m.room.avatar": (EventType.ICON_CHANGED, "{who} changed the room picture"),
    "m.room.pinned_events": (EventType.PINNED, "{who} changed the pinned messages"),
    "m.call.invite": (EventType.CALL, "{who} started a call"),
    "m.call.answer": (EventType.CALL, "{who} answered the call"),
    "m.call.hangup": (EventType.CALL, "{who} ended the call"),
    "m.call.reject": (EventType.CALL, "{who} declined the call"),
}


def _text(content: dict[str, Any], field: str) -> str:
    value = content.get(field)
    return value if isinstance(value, str) else ""


def _member(
    content: dict[str, Any], prev: dict[str, Any], who: str, target: str, self_change: bool
) -> tuple[EventType, str]:
    membership = _text(content, "membership")
    before = _text(prev, "membership")
    if membership == "join":
        if before == "join":
            return EventType.OTHER, f"{target} changed their profile"
        return EventType.MEMBER_ADDED, f"{target} joined"
    if membership == "invite":
        return EventType.MEMBER_ADDED, f"{who} invited {target}"
    if membership == "leave":
        if self_change:
            return EventType.MEMBER_LEFT, f"{target} left"
        return EventType.MEMBER_REMOVED, f"{who} removed {target}"
    if membership == "ban":
        return EventType.MEMBER_REMOVED, f"{who} banned {target}"
    return EventType.OTHER, f"{target}: membership {membership or 'changed'}"


def state_event(
    event: dict[str, Any], who: str, names: dict[str, str]
) -> tuple[EventType, str, dict[str, Any]]:
    """(event type, sentence, extra) for a non-message event."""
    kind = event["type"]
    content = event.get("content")
    content = content if isinstance(content, dict) else {}
    extra: dict[str, Any] = {"matrix_type": kind}
    if kind == "m.room.member":
        key = event.get("state_key")
        key = key if isinstance(key, str) else ""
        target = _text(content, "displayname") or names.get(key, key) or "someone"
        unsigned = event.get("unsigned")
        prev = unsigned.get("prev_content") if isinstance(unsigned, dict) else None
        prev = prev if isinstance(prev, dict) else {}
        extra["membership"] = _text(content, "membership")
        extra["member_id"] = key
        kind_, text = _member(content, prev, who, target, key == event.get("sender"))
        return kind_, text, extra
    if kind == "m.room.name":
        return EventType.SUBJECT_CHANGED, f"{who} named the room {_text(content, 'name')}", extra
    if kind == "m.room.topic":
        topic = _text(content, "topic")
        return EventType.DESCRIPTION_CHANGED, f"{who} changed the topic to {topic}", extra
    if kind in _PLAIN:
        kind_, template = _PLAIN[kind]
        return kind_, template.format(who=who), extra
    if kind.startswith("m.call.") or kind.startswith("org.matrix.msc3401.call"):
        return EventType.CALL, f"{who}: {kind}", extra
    return EventType.OTHER, f"{who}: {kind}", extra
