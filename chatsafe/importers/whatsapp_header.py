"""WhatsApp header lines: which variant a file uses, and its dates and times.

A header is ``[marks]`` + date + time + separator (``" - "``, ``"] "`` or the old iOS
``": "``). The variant is detected once from the first header of a file and compiled
into one regular expression; every later line is matched against that one pattern,
so a pasted date in another format is never taken for a header. Day/month order is
decided once per file as well (:func:`decide_day_first`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache

from chatsafe.errors import EncodingError

# Marks phones put before a header (U+200E/U+200F, and embedding controls).
_MARKS = "[\u200e\u200f\u202a-\u202e\u2066-\u2069]*"
# Spaces between the fields: plain, no-break, and the narrow no-break space that
# recent en_US exports put before AM/PM. Never \s: it would match a newline.
_SP = "[ \u00a0\u202f]"
_AMPM = rf"{_SP}?[AaPp]\.?{_SP}?[Mm]\.?"
# Any known variant; used only to detect the variant of a file's first header.
_GENERIC = re.compile(
    rf"^{_MARKS}(?P<open>\[)?{_MARKS}"
    r"[0-9]{1,2}(?P<sep>[./-])[0-9]{1,2}(?P=sep)(?:[0-9]{4}|[0-9]{2})"
    rf",?{_SP}(?:klo{_SP})?[0-9]{{1,2}}[:.][0-9]{{2}}(?P<sec>[:.][0-9]{{2}})?(?P<ampm>{_AMPM})?"
    rf"(?(open)\]{_SP}|(?P<trailer>{_SP}[-\u2013]{_SP}|:{_SP}))"
)
_TIME = re.compile(r"([0-9]{1,2})[:.]([0-9]{2})(?:[:.]([0-9]{2}))?(.*)", re.S)


@dataclass(frozen=True)
class Variant:
    """The shape of a file's headers."""

    bracket: bool
    date_sep: str
    seconds: bool
    ampm: bool
    trailer: str  # "bracket", "dash" or "colon"

    @property
    def label(self) -> str:
        kind = "iOS" if self.bracket or self.trailer == "colon" else "Android"
        clock = "12h" if self.ampm else "24h"
        return f"{kind} {self.date_sep} {clock}"


@lru_cache(maxsize=64)
def header_regex(v: Variant) -> re.Pattern[str]:
    """The one pattern for this variant. Groups: 1 date+time as printed, 2 date, 3 time."""
    sep = re.escape(v.date_sep)
    date = rf"[0-9]{{1,2}}{sep}[0-9]{{1,2}}{sep}(?:[0-9]{{4}}|[0-9]{{2}})"
    time = r"[0-9]{1,2}[:.][0-9]{2}"
    if v.seconds:
        time += r"[:.][0-9]{2}"
    if v.ampm:
        time += _AMPM
    if v.bracket:
        open_, close = r"\[", rf"\]{_SP}"
    elif v.trailer == "colon":
        open_, close = "", f":{_SP}"
    else:
        open_, close = "", f"{_SP}[-\u2013]{_SP}"
    return re.compile(
        rf"^{_MARKS}{open_}{_MARKS}(({date}),?{_SP}(?:klo{_SP})?({time})){close}", re.M
    )


def detect_variant(line: str) -> Variant | None:
    """The variant of ``line`` if it begins with a WhatsApp header, else None."""
    m = _GENERIC.match(line)
    if m is None:
        return None
    bracket = m.group("open") is not None
    if bracket:
        trailer = "bracket"
    else:
        trailer = "colon" if m.group("trailer").startswith(":") else "dash"
    return Variant(
        bracket=bracket,
        date_sep=m.group("sep"),
        seconds=m.group("sec") is not None,
        ampm=m.group("ampm") is not None,
        trailer=trailer,
    )


def first_variant(text: str, max_lines: int = 5) -> tuple[Variant | None, int]:
    """The variant of the first non-empty line of ``text`` and that line's number.

    Only the first non-empty line counts: an export always begins with a header, and
    accepting text before the first header would drop it.
    """
    for number, line in enumerate(text.split("\n", max_lines), start=1):
        if number > max_lines:
            break
        if line.strip(" \t\ufeff\u200e\u200f"):
            return detect_variant(line), number
    return None, 0


def _fields(date: str, sep: str) -> tuple[int, int, int]:
    a, b, y = date.split(sep)
    year = int(y)
    if len(y) == 2:
        year += 2000
    return int(a), int(b), year


def decide_day_first(dates: Iterable[str], v: Variant) -> bool:
    """Day-first or month-first, decided once for a file from its header dates.

    Any first field above 12 means day-first, any second field above 12 month-first.
    Otherwise the reading with fewer steps back in time wins; on a tie, 12-hour clocks
    mean month-first (en_US) and everything else day-first.
    """
    seen: list[tuple[int, int, int]] = []
    last = ""
    for date in dates:
        if date == last:
            continue
        last = date
        a, b, y = _fields(date, v.date_sep)
        if a > 12 >= b:
            return True
        if b > 12 >= a:
            return False
        if len(seen) < 100_000:
            seen.append((a, b, y))
    back_dm = back_md = 0
    prev_dm = prev_md = (0, 0, 0)
    for a, b, y in seen:
        dm, md = (y, b, a), (y, a, b)
        back_dm += dm < prev_dm
        back_md += md < prev_md
        prev_dm, prev_md = dm, md
    if back_dm != back_md:
        return back_dm < back_md
    return not v.ampm


_DAYS = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


@dataclass
class Clock:
    """Turns a file's printed dates and times into ISO text, with caches."""

    variant: Variant
    day_first: bool
    _dates: dict[str, str] = field(default_factory=dict)
    _times: dict[str, str] = field(default_factory=dict)

    def date(self, text: str) -> str:
        """``YYYY-MM-DD``, or "" when the printed date cannot be a date."""
        iso = self._dates.get(text)
        if iso is None:
            a, b, year = _fields(text, self.variant.date_sep)
            day, month = (a, b) if self.day_first else (b, a)
            leap = year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
            # Years outside this range are damage, and would break time-zone arithmetic.
            ok = 1 <= month <= 12 and 1 <= day <= _DAYS[month - 1] and 1970 <= year <= 2199
            if ok and month == 2 and day == 29 and not leap:
                ok = False
            iso = f"{year:04d}-{month:02d}-{day:02d}" if ok else ""
            self._dates[text] = iso
        return iso

    def time(self, text: str) -> str:
        """``HH:MM:SS``, or "" when the printed time cannot be a time."""
        iso = self._times.get(text)
        if iso is None and len(text) == 8 and text[2] == ":" and text[5] == ":":
            # The usual iOS "HH:MM:SS": the pattern already checked the digits.
            iso = text if text[:2] <= "23" and text[3:5] <= "59" and text[6:] <= "59" else ""
            self._times[text] = iso
        if iso is None:
            iso = ""
            m = _TIME.match(text)
            if m is not None:
                hour, minute = int(m.group(1)), int(m.group(2))
                second = int(m.group(3) or 0)
                suffix = m.group(4).strip(" \u00a0\u202f.").lower()
                if suffix:
                    if 1 <= hour <= 12:
                        hour = hour % 12 + (12 if suffix.startswith("p") else 0)
                    else:
                        hour = 99
                if hour <= 23 and minute <= 59 and second <= 59:
                    iso = f"{hour:02d}:{minute:02d}:{second:02d}"
            self._times[text] = iso
        return iso


# Text is decoded in blocks that end at a line end, so a message may span blocks but
# no line does, and memory stays bounded by the block size rather than the file's.
BLOCK_BYTES = 4 * 1024 * 1024


def decode_blocks(data: bytes, where: str, block: int = BLOCK_BYTES) -> Iterator[str]:
    """Strict UTF-8 decoding in line-aligned blocks; CRLF and CR become LF.

    Invalid UTF-8 is refused with the byte offset and line number.
    """
    start = 3 if data.startswith(b"\xef\xbb\xbf") else 0
    size = len(data)
    while start < size:
        end = data.find(b"\n", start + block)
        end = size if end < 0 else end + 1
        try:
            text = data[start:end].decode("utf-8")
        except UnicodeDecodeError as exc:
            offset = start + exc.start
            raise EncodingError(
                f"not valid UTF-8 at byte offset {offset}; "
                "if the file uses another encoding, give it with --encoding",
                file=where,
                line=data.count(b"\n", 0, offset) + 1,
            ) from None
        if "\r" in text:
            text = text.replace("\r\n", "\n").replace("\r", "\n")
        yield text
        start = end
