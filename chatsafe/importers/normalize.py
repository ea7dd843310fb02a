"""Small text and time helpers shared by the Telegram, Matrix and e-mail importers.

Formats that record an absolute instant get their wall-clock text from the case's
time zone here, so every importer turns an instant into local time the same way.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from chatsafe.errors import SettingsError

# Direction marks and embeddings that apps put around names and lines; readers do not see them.
_YEAR_2200 = 7258118400  # 2200-01-01T00:00:00Z
_MARKS = re.compile("[\u200e\u200f\u202a-\u202e]")


def strip_marks(text: str) -> str:
    """``text`` without direction marks, with LF line ends."""
    return _MARKS.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))


def zone(name: str) -> ZoneInfo:
    """The case's time zone, refused clearly when it is not a known IANA name."""
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise SettingsError(f"unknown time zone {name!r}") from None


def wallclock_of(instant: datetime, tz: ZoneInfo) -> str:
    """The local wall-clock text (YYYY-MM-DDTHH:MM:SS) of an aware instant in ``tz``."""
    return instant.astimezone(tz).replace(tzinfo=None).isoformat(timespec="seconds")


def instant_from_epoch(seconds: float) -> datetime:
    """A UTC-aware datetime; raises ValueError/OverflowError/OSError when out of range.

    Only 1970-2199 is accepted: outside it, local-time arithmetic overflows and no chat
    export holds such dates except by damage.
    """
    if not 0 <= seconds < _YEAR_2200:
        raise ValueError("time outside 1970-2199")
    return datetime.fromtimestamp(seconds, UTC)
