"""What the numbers in WhatsApp for Android's ``msgstore.db`` mean.

``message.message_type`` and ``message_system.action_type`` are WhatsApp's internal
enumerations; the values below are the ones the public forensic literature agrees on.
A value not listed is never dropped: it is imported with its number kept in
``extra`` ("wa_type" / "wa_action") so a reviewer sees that something was there.
"""

from __future__ import annotations

from chatsafe.domain import EventType

TEXT = 0
IMAGE = 1
AUDIO = 2
VIDEO = 3
CONTACT = 4
LOCATION = 5
SYSTEM = 7
CALL = 8
DOCUMENT = 9
MISSED_CALL = 10
GIF = 13
CONTACTS = 14
REVOKED = 15  # "This message was deleted"
LIVE_LOCATION = 16
STICKER = 20
VIEW_ONCE = frozenset({42, 43, 82})  # image, video, voice
POLL = frozenset({46, 66})

#: Types that carry a file in ``message_media``.
MEDIA_TYPES = frozenset({IMAGE, AUDIO, VIDEO, DOCUMENT, GIF, STICKER, 42, 43, 82})

#: How a type without text is shown, so an empty row still says what it was.
PLACEHOLDERS = {
    CONTACT: "[contact card]",
    LOCATION: "[location]",
    CONTACTS: "[contact cards]",
    LIVE_LOCATION: "[live location]",
    CALL: "[call]",
    MISSED_CALL: "[missed call]",
}

KNOWN = frozenset({TEXT, SYSTEM, REVOKED} | set(PLACEHOLDERS) | MEDIA_TYPES | POLL)

#: ``message_system.action_type`` -> (event type, sentence).
ACTIONS: dict[int, tuple[EventType, str]] = {
    1: (EventType.SUBJECT_CHANGED, "changed the group name"),
    4: (EventType.MEMBER_ADDED, "joined"),
    5: (EventType.MEMBER_LEFT, "left"),
    6: (EventType.ICON_CHANGED, "changed the group icon"),
    7: (EventType.MEMBER_REMOVED, "was removed"),
    11: (EventType.GROUP_CREATED, "created the group"),
    12: (EventType.MEMBER_ADDED, "added a member"),
    14: (EventType.MEMBER_REMOVED, "removed a member"),
    18: (EventType.SECURITY_CODE, "the security code changed"),
    19: (EventType.ENCRYPTION, "messages and calls are end-to-end encrypted"),
    20: (EventType.MEMBER_ADDED, "joined using an invite link"),
    27: (EventType.DESCRIPTION_CHANGED, "changed the group description"),
    28: (EventType.NUMBER_CHANGED, "changed their phone number"),
    56: (EventType.DISAPPEARING_CHANGED, "changed the disappearing messages setting"),
    58: (EventType.DISAPPEARING_CHANGED, "changed the disappearing messages setting"),
}


def system_event(action: int | None) -> tuple[EventType, str]:
    if action is None:
        return EventType.OTHER, "system message"
    return ACTIONS.get(action, (EventType.OTHER, f"system message (WhatsApp action {action})"))
