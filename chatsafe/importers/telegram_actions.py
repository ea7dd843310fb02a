"""Telegram Desktop service messages (``"type": "service"``) as chatsafe events.

Telegram names each service message by its ``action``; the text people saw is not in
the export, so a short English sentence is made from the action and its fields.
"""

from __future__ import annotations

from typing import Any

from chatsafe.domain import EventType

_SIMPLE: dict[str, EventType] = {
    "create_group": EventType.GROUP_CREATED,
    "create_channel": EventType.GROUP_CREATED,
    "edit_group_title": EventType.SUBJECT_CHANGED,
    "edit_group_photo": EventType.ICON_CHANGED,
    "delete_group_photo": EventType.ICON_CHANGED,
    "invite_members": EventType.MEMBER_ADDED,
    "join_group_by_link": EventType.MEMBER_ADDED,
    "join_group_by_request": EventType.MEMBER_ADDED,
    "pin_message": EventType.PINNED,
    "phone_call": EventType.CALL,
    "group_call": EventType.CALL,
    "group_call_scheduled": EventType.CALL,
    "invite_to_group_call": EventType.CALL,
    "joined_telegram": EventType.OTHER,
    "suggest_profile_photo": EventType.OTHER,
}

_SENTENCES: dict[str, str] = {
    "create_group": "{actor} created the group {title}",
    "create_channel": "{actor} created the channel {title}",
    "edit_group_title": "{actor} changed the group name to {title}",
    "edit_group_photo": "{actor} changed the group photo",
    "delete_group_photo": "{actor} removed the group photo",
    "invite_members": "{actor} added {members}",
    "join_group_by_link": "{actor} joined the group by invite link",
    "join_group_by_request": "{actor} joined the group after a request",
    "remove_members": "{actor} removed {members}",
    "pin_message": "{actor} pinned a message",
    "phone_call": "{actor} called",
    "group_call": "{actor} started a group call",
    "group_call_scheduled": "{actor} scheduled a group call",
    "invite_to_group_call": "{actor} invited {members} to a group call",
    "migrate_to_supergroup": "{actor} converted the group to a supergroup",
    "migrate_from_group": "{actor} created the supergroup from a group",
    "clear_history": "{actor} cleared the history",
    "take_screenshot": "{actor} took a screenshot",
    "joined_telegram": "{actor} joined Telegram",
    "suggest_profile_photo": "{actor} suggested a profile photo",
}


def _period_words(seconds: int) -> str:
    for unit, size in (("week", 604800), ("day", 86400), ("hour", 3600), ("minute", 60)):
        if seconds >= size and seconds % size == 0:
            n = seconds // size
            return f"{n} {unit}" + ("s" if n != 1 else "")
    return f"{seconds} seconds"


def _names(value: Any) -> str:
    if isinstance(value, list):
        names = [v if isinstance(v, str) else "a deleted account" for v in value]
        return ", ".join(names) or "nobody"
    return "someone"


def service_event(
    msg: dict[str, Any], actor: str | None, ttl_before: int | None
) -> tuple[EventType, str, dict[str, Any], int | None]:
    """(event type, sentence, extra, timer after) for one service message.

    ``ttl_before`` is the chat's auto-delete timer before this message (None when not
    known yet); the returned timer is the one after it.
    """
    action = msg.get("action")
    who = actor or "someone"
    extra: dict[str, Any] = {"telegram_action": action if isinstance(action, str) else None}
    for field in ("title", "members", "duration_seconds", "discard_reason", "period"):
        if field in msg and isinstance(msg[field], (str, int, list)):
            extra[field] = msg[field]
    if not isinstance(action, str):
        info = msg.get("information_text")
        text = info if isinstance(info, str) else "service message"
        return EventType.OTHER, text, extra, ttl_before
    if "ttl" in action:
        # Auto-delete timer: 0 turns it off; otherwise on (first time) or changed.
        period = msg.get("period", msg.get("period_seconds", 0))
        seconds = period if isinstance(period, int) and not isinstance(period, bool) else 0
        if seconds <= 0:
            extra["disappearing"] = "off"
            return EventType.DISAPPEARING_OFF, f"{who} turned off auto-delete", extra, 0
        words = _period_words(seconds)
        extra["disappearing"] = words
        kind = EventType.DISAPPEARING_CHANGED if ttl_before else EventType.DISAPPEARING_ON
        return kind, f"{who} set messages to auto-delete after {words}", extra, seconds
    if action == "remove_members":
        members = msg.get("members")
        left = isinstance(members, list) and members == [actor]
        kind = EventType.MEMBER_LEFT if left else EventType.MEMBER_REMOVED
        text = f"{who} left the group" if left else f"{who} removed {_names(members)}"
        return kind, text, extra, ttl_before
    kind = _SIMPLE.get(action, EventType.OTHER)
    title = msg.get("title")
    template = _SENTENCES.get(action)
    if template is None:  # an action we do not know: never format its (untrusted) name
        text = f"{who}: {action.replace('_', ' ')}"
    else:
        text = template.format(
            actor=who,
            title=title if isinstance(title, str) else "",
            members=_names(msg.get("members")),
        )
    if action == "phone_call":
        reason = msg.get("discard_reason")
        if isinstance(reason, str) and reason:
            text += f" ({reason})"
    return kind, text.strip(), extra, ttl_before
