"""The words chatsafe works with: conversations, messages, attachments, labels.

Plain dataclasses and enums, no I/O. Importers produce these; the store keeps them.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any


class Kind(StrEnum):
    """A message is written by a participant; an event is everything else."""

    MESSAGE = "message"
    EVENT = "event"


class Label(StrEnum):
    """What a message is. Business is the legal default: whatever is not marked."""

    BUSINESS = "business"
    PRIVATE = "private"
    PARTY_POLITICAL = "party_political"


class Ask(StrEnum):
    """Whom a doubt asks ("bij twijfel overleg"): the minister, or the records officer
    (who answers through whoever is signed in)."""

    MINISTER = "minister"
    RECORDS_OFFICER = "records_officer"


#: A doubt answered without a mark: the person who raised it withdrew the question.
WITHDRAWN = "withdrawn"


class EventType(StrEnum):
    """System events that chats print. Kept as data; never markable."""

    ENCRYPTION = "encryption"
    GROUP_CREATED = "group_created"
    MEMBER_ADDED = "member_added"
    MEMBER_LEFT = "member_left"
    MEMBER_REMOVED = "member_removed"
    SUBJECT_CHANGED = "subject_changed"
    ICON_CHANGED = "icon_changed"
    DESCRIPTION_CHANGED = "description_changed"
    SECURITY_CODE = "security_code"
    DISAPPEARING_ON = "disappearing_on"
    DISAPPEARING_OFF = "disappearing_off"
    DISAPPEARING_CHANGED = "disappearing_changed"
    CALL = "call"
    NUMBER_CHANGED = "number_changed"
    PINNED = "pinned"
    OTHER = "other"


DISAPPEARING_EVENTS = frozenset(
    {EventType.DISAPPEARING_ON, EventType.DISAPPEARING_OFF, EventType.DISAPPEARING_CHANGED}
)


@dataclass(slots=True)
class ParsedAttachment:
    """A file a message refers to. ``data`` is None when the export does not hold it."""

    name: str
    mime: str | None = None
    data: bytes | None = None

    @property
    def present(self) -> bool:
        return self.data is not None


@dataclass(slots=True)
class ParsedMessage:
    """One entry of a conversation as an importer read it.

    ``wallclock`` is the local time as ``YYYY-MM-DDTHH:MM:SS``; ``instant`` is the
    absolute time when the format records one (UTC-aware), else None and the case's
    time zone decides it. ``position`` is the entry's place in the source file.
    """

    position: int
    kind: Kind
    sender: str | None
    wallclock: str
    text: str
    instant: datetime | None = None
    wallclock_raw: str | None = None
    event_type: EventType | None = None
    deleted: bool = False
    edited: bool = False
    view_once: bool = False
    media_omitted: bool = False
    forwarded: bool = False
    from_owner: bool | None = None
    reply_to: str | None = None
    source_id: str | None = None
    attachments: list[ParsedAttachment] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass(slots=True, frozen=True)
class NotImported:
    """One input entry an importer read but did not make a message or an event of.

    ``position`` names the place in the source file in the format's own terms (``"line
    12"``, ``"message 7"``, ``"row 31 of message"``); ``reason`` is a stable code
    (``"empty-entry"``, ``"attachment-refused"``); ``detail`` is a short sentence without
    message text.
    """

    position: str
    reason: str
    detail: str = ""


@dataclass(slots=True)
class EntryTally:
    """What an importer read of one conversation (or of a source, outside conversations).

    ``read`` counts entries at the lowest level the importer sees them (mbox separators,
    JSON array items, XML elements, SQLite rows). Every entry read becomes a message, an
    event, or a line in ``not_imported``: ingest checks the sum, so a loss is reported
    even when an importer forgets to.
    """

    read: int = 0
    not_imported: list[NotImported] = field(default_factory=list)

    def skip(self, position: str, reason: str, detail: str = "") -> None:
        self.not_imported.append(NotImported(position, reason, detail))


@dataclass(slots=True)
class ParsedConversation:
    """A conversation as an importer read it.

    ``key`` identifies the conversation within its source format (a chat id, a phone
    number, a title) so that a later export of the same chat merges into it.
    ``messages`` may be a generator (read it while the source is open); ``participants``,
    ``is_group``, ``tally``, ``owner`` (when it is inferred) and keys added to ``extra``
    may only be complete once it has been consumed, and ingest stores them then. ``tally`` is None when the importer counts
    nothing below its messages: each message yielded is then one entry read.
    """

    source_format: str
    key: str
    title: str
    messages: Iterator[ParsedMessage] | list[ParsedMessage]
    participants: list[str] = field(default_factory=list)
    is_group: bool = False
    owner: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)
    # Where entries were read differs between a folder and a zip of the same export; the
    # conversation is the same, so the tally takes no part in equality.
    tally: EntryTally | None = field(default=None, compare=False)
