"""WhatsApp header lines: which variant a file uses, and its dates and times.

A header is ``[marks]`` + date and time (in either order) + separator (``" - "``,
``"] "`` or the old iOS ``": "``). The date is numeric (``d/m/y``, ``m/d/y``,
``y/m/d``, with a Buddhist or Japanese era year on some iPhones) or uses a month name
(``28 Aug 2013``, ``Mar 5``, ``18 Mar``); digits may be of any script, and direction
marks and byte-order marks may sit anywhere in it. The variant is detected once from
the first header of a file and compiled into one regular expression; every later line
is matched against that one pattern, so a pasted date in another format is never taken
for a header. Day/month order is decided once per file (:func:`decide_day_first`); a
file without years gets them from the file's date (:func:`plan_years`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from chatsafe.importers.whatsapp_dates import meridiem, month_number, year_of

_MARK_CLASS = "[\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]"
# Direction marks and embedding controls phones put before a header and inside its
# date, and byte-order marks that re-saving tools repeat at every line's start.
_M = _MARK_CLASS + "*"
MARK_RE = re.compile(_MARK_CLASS)
# Spaces between the fields: plain, no-break, and the narrow no-break space that
# recent en_US exports put before AM/PM. Never \s: it would match a newline.
_SP = "[ \u00a0\u202f]"
_AMPM = rf"{_SP}?{_M}(?:[AaPp]\.?{_SP}?[Mm]\.?|[\u0645\u0635])"
_MON = r"[^\W\d_]{3,}\.?"
_DTSEP = rf"{_M}[,\u060c]?{_M}{_SP}{_M}"
_YEAR = r"(?:\d{4}|\d{2})"
_JP_YEAR = r"[A-Za-z]\d{1,2}"
_ERA = rf"{_SP}(?:BE|AH|SH|AP)\b"
_GENERIC_DATE = (
    rf"(?:(?P<a>\d{{1,4}}){_M}(?P<sep>[./-]){_M}\d{{1,2}}{_M}(?P=sep){_M}"
    rf"(?P<y>{_JP_YEAR}|{_YEAR})(?P<era>{_ERA})?"
    rf"|\d{{1,2}}\.?{_SP}(?P<mon1>{_MON})(?P<y1>{_SP}\d{{4}})?"
    rf"|(?P<mon2>{_MON}){_SP}\d{{1,2}}(?P<y2>,{_SP}\d{{4}})?)"
)
_GENERIC_TIME = rf"\d{{1,2}}[:.]\d{{2}}(?P<sec>[:.]\d{{2}})?(?P<ampm>{_AMPM})?"
_KLO = rf"(?:klo{_SP})?"  # Finnish: "12.3.2024 klo 10.00"
_CLOSE = rf"{_M}(?(open)\]{_SP}|(?P<trailer>{_SP}[-\u2013]{_SP}|:{_SP}))"
# Any known variant, date first or time first; used only on a file's first lines.
_GENERIC = [
    re.compile(rf"^{_M}(?P<open>\[)?{_M}{first}{_DTSEP}{second}{_CLOSE}")
    for first, second in (
        (_GENERIC_DATE, _KLO + _GENERIC_TIME),
        (_GENERIC_TIME, _GENERIC_DATE),
    )
]
_TIME = re.compile(r"(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?(.*)", re.S)
_SPACES = re.compile(f"{_SP}+")


@dataclass(frozen=True)
class Variant:
    """The shape of a file's headers."""

    bracket: bool
    date_sep: str  # "/", ".", "-"; "" for month-name dates
    seconds: bool
    ampm: bool
    trailer: str  # "bracket", "dash" or "colon"
    time_first: bool = False
    kind: str = "num"  # "num", "dmy" (18 Mar 2013) or "mdy" (Mar 18, 2013)
    year_first: bool = False  # 2021/03/28, 2019-08-06
    has_year: bool = True
    era: str = ""  # what is printed after the year: "BE"
    japanese: bool = False  # an era letter and year: R4
    # A phone prints every header alike: digits of one script, and direction marks
    # inside the date or not. The plain case compiles to a faster pattern.
    ascii_digits: bool = True
    inner_marks: bool = False

    @property
    def label(self) -> str:
        kind = "iOS" if self.bracket or self.trailer == "colon" else "Android"
        clock = "12h" if self.ampm else "24h"
        date = self.date_sep if self.kind == "num" else "month-name"
        extra = "".join(
            f" {word}"
            for word, on in (
                ("time-first", self.time_first),
                ("year-first", self.year_first),
                ("no-year", not self.has_year),
                (self.era or "era", bool(self.era) or self.japanese),
            )
            if on
        )
        return f"{kind} {date} {clock}{extra}"


@lru_cache(maxsize=64)
def header_regex(v: Variant) -> re.Pattern[str]:
    """The one pattern for this variant. Groups: ``dt`` (date and time as printed, always
    group 1), ``d`` (the date) and ``t`` (the time)."""
    m_ = _M if v.inner_marks else ""
    if v.kind == "num":
        sep = re.escape(v.date_sep)
        year = _JP_YEAR if v.japanese else _YEAR
        era = rf"{_SP}{re.escape(v.era)}" if v.era else ""
        date = rf"\d{{1,4}}{m_}{sep}{m_}\d{{1,2}}{m_}{sep}{m_}{year}{era}"
    elif v.kind == "dmy":
        date = rf"\d{{1,2}}\.?{_SP}{_MON}" + (rf"{_SP}\d{{4}}" if v.has_year else "")
    else:
        date = rf"{_MON}{_SP}\d{{1,2}}" + (rf",{_SP}\d{{4}}" if v.has_year else "")
    time = r"\d{1,2}[:.]\d{2}"
    if v.seconds:
        time += r"[:.]\d{2}"
    if v.ampm:
        time += _AMPM
    if v.time_first:
        both = rf"(?P<t>{time}){_DTSEP}(?P<d>{date})"
    else:
        both = rf"(?P<d>{date}){_DTSEP}{_KLO}(?P<t>{time})"
    if v.bracket:
        open_, close = r"\[", rf"\]{_SP}"
    elif v.trailer == "colon":
        open_, close = "", f":{_SP}"
    else:
        open_, close = "", f"{_SP}[-\u2013]{_SP}"
    pattern = rf"^{_M}{open_}{_M}(?P<dt>{both}){m_}{close}"
    if v.ascii_digits:
        pattern = pattern.replace(r"\d{", "[0-9]{")  # not in _MON's [^\W\d_]
    return re.compile(pattern, re.M)


def detect_variant(line: str) -> Variant | None:
    """The variant of ``line`` if it begins with a WhatsApp header, else None."""
    time_first = False
    m = _GENERIC[0].match(line)
    if m is None:
        time_first = True
        m = _GENERIC[1].match(line)
        if m is None:
            return None
    bracket = m.group("open") is not None
    if bracket:
        trailer = "bracket"
    else:
        trailer = "colon" if m.group("trailer").startswith(":") else "dash"
    printed = line[m.start() : m.end()]
    lead = len(printed) - len(
        printed.lstrip("[\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufeff")
    )
    common = {
        "ascii_digits": all(c.isascii() for c in printed if c.isdigit()),
        "inner_marks": MARK_RE.search(printed, lead) is not None,
        "bracket": bracket,
        "seconds": m.group("sec") is not None,
        "ampm": m.group("ampm") is not None,
        "trailer": trailer,
        "time_first": time_first,
    }
    if m.group("sep") is not None:
        year = m.group("y")
        return Variant(
            date_sep=m.group("sep"),
            year_first=len(m.group("a")) == 4,
            era=(m.group("era") or "").strip(" \u00a0\u202f"),
            japanese=year[0].isalpha(),
            **common,  # type: ignore[arg-type]
        )
    kind, mon, year = ("dmy", "mon1", "y1") if m.group("mon1") else ("mdy", "mon2", "y2")
    if not month_number(m.group(mon)):
        return None  # "Chapter 3 12:00 - …" is not a date
    return Variant(
        date_sep="",
        kind=kind,
        has_year=m.group(year) is not None,
        **common,  # type: ignore[arg-type]
    )


@dataclass
class FirstHeader:
    """Where a file's first header is, and the non-chat lines before it."""

    variant: Variant | None
    line: int
    text: str = ""
    lead: list[tuple[int, str]] = field(default_factory=list)


# A tool may put a title or page number before the first header; more lines than this
# before any header mean the file is not a chat.
MAX_LEAD_LINES = 5


def first_header(
    text: str, is_entry: Callable[[str], bool], max_lead: int = MAX_LEAD_LINES
) -> FirstHeader:
    """The variant of the first header among the first lines of ``text``.

    Non-empty lines before it (at most ``max_lead``) are returned as ``lead`` so that
    the import can report them rather than drop them silently. After such lines, a
    header only counts when ``is_entry`` accepts what follows it (``Name: text`` or a
    known system sentence): a dated note in a text file is not a chat.
    """
    lead: list[tuple[int, str]] = []
    first_line = 0
    for number, line in enumerate(text.split("\n", 64), start=1):
        if number > 64 or len(lead) > max_lead:
            break
        if not MARK_RE.sub("", line).strip():
            continue
        first_line = first_line or number
        variant = detect_variant(line)
        if variant is not None:
            if not lead:
                return FirstHeader(variant, number, line, lead)
            m = header_regex(variant).match(line)
            if m is not None and is_entry(line[m.end() :]):
                return FirstHeader(variant, number, line, lead)
        lead.append((number, line))
    return FirstHeader(None, first_line)


def numeric_fields(date: str, v: Variant) -> tuple[int, int, int]:
    """A numeric date's first two fields and its Gregorian year (year-first dates are
    returned as month, day, year); year 0 when the year field cannot be one."""
    if MARK_RE.search(date):
        date = MARK_RE.sub("", date)
    a, b, rest = date.split(v.date_sep)
    if v.era:
        rest = _SPACES.split(rest)[0]
    if v.year_first:
        return int(b), int(rest), year_of(a, "")
    return int(a), int(b), year_of(rest, v.era)


def named_fields(date: str, v: Variant) -> tuple[int, int, int]:
    """Month, day and year (0 when not printed) of a month-name date; month 0 when the
    name is unknown."""
    words = _SPACES.split(MARK_RE.sub("", date).replace(",", " ").strip())
    if v.kind == "dmy":
        day, month = words[0].rstrip("."), words[1]
    else:
        month, day = words[0], words[1]
    year = int(words[2]) if len(words) > 2 else 0
    return month_number(month), int(day), year


def decide_day_first(dates: Iterable[str], v: Variant) -> bool:
    """Day-first or month-first, decided once for a file from its header dates.

    Any first field above 12 means day-first, any second field above 12 month-first.
    Otherwise the reading with fewer steps back in time wins; on a tie, 12-hour clocks
    mean month-first (en_US) and everything else day-first. Dates with a month name or
    the year first have one reading.
    """
    if v.kind != "num" or v.year_first:
        return v.kind == "dmy"
    seen: list[tuple[int, int, int]] = []
    last = ""
    for date in dates:
        if date == last:
            continue
        last = date
        a, b, y = numeric_fields(date, v)
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


def _iso(year: int, month: int, day: int) -> str:
    leap = year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
    # Years outside this range are damage, and would break time-zone arithmetic.
    ok = 1 <= month <= 12 and 1 <= day <= _DAYS[month - 1] and 1970 <= year <= 2199
    if ok and month == 2 and day == 29 and not leap:
        ok = False
    return f"{year:04d}-{month:02d}-{day:02d}" if ok else ""


@dataclass
class Clock:
    """Turns a file's printed dates and times into ISO text, with caches.

    A file whose dates have no year starts in ``year`` and moves to the next year
    whenever a header's month and day come before the previous header's.
    """

    variant: Variant
    day_first: bool
    year: int = 0
    wraps: int = 0
    _prev: tuple[int, int] = (0, 0)
    _dates: dict[str, str] = field(default_factory=dict)
    _times: dict[str, str] = field(default_factory=dict)

    def date(self, text: str) -> str:
        """``YYYY-MM-DD``, or "" when the printed date cannot be a date."""
        iso = self._dates.get(text)
        if iso is not None:
            return iso
        v = self.variant
        if v.kind != "num":
            month, day, year = named_fields(text, v)
        elif v.year_first:
            month, day, year = numeric_fields(text, v)
        else:
            a, b, year = numeric_fields(text, v)
            day, month = (a, b) if self.day_first else (b, a)
        if not v.has_year:
            # Stateful: never cached, since one printed date may fall in two years.
            if not 1 <= month <= 12:
                return ""
            if (month, day) < self._prev:
                self.wraps += 1
            self._prev = (month, day)
            return _iso(self.year + self.wraps, month, day)
        iso = _iso(year, month, day)
        self._dates[text] = iso
        return iso

    def time(self, text: str) -> str:
        """``HH:MM:SS``, or "" when the printed time cannot be a time."""
        iso = self._times.get(text)
        if iso is None and len(text) == 8 and text[2] == ":" and text[5] == ":":
            # The usual iOS "HH:MM:SS": the pattern already checked the digits.
            if text.isascii():
                iso = text if text[:2] <= "23" and text[3:5] <= "59" and text[6:] <= "59" else ""
                self._times[text] = iso
        if iso is None:
            iso = ""
            m = _TIME.match(MARK_RE.sub("", text))
            if m is not None:
                hour, minute = int(m.group(1)), int(m.group(2))
                second = int(m.group(3) or 0)
                half = meridiem(m.group(4))
                if half:
                    # Some Android builds print 0 for 12 on a 12-hour clock.
                    if half != "?" and hour <= 12:
                        hour = hour % 12 + (12 if half == "pm" else 0)
                    else:
                        hour = 99
                if hour <= 23 and minute <= 59 and second <= 59:
                    iso = f"{hour:02d}:{minute:02d}:{second:02d}"
            self._times[text] = iso
        return iso


def plan_years(
    headers: Iterable[tuple[str, str]], clock: Clock, file_date: tuple[int, int, int]
) -> int:
    """The year of the first header of a file printed without years.

    The last header is taken to be on or before the file's date (``year, month, day``,
    from the file or the zip member); the years before it follow from the turns of the
    year between headers. ``clock`` is a scratch clock for the file's variant.
    """
    last = (0, 0)
    clock.year = 2000  # a leap year, so 29 February is accepted while planning
    for date, time in headers:
        if clock.date(date) and clock.time(time):
            last = clock._prev
    end_year = file_date[0] if last <= file_date[1:] else file_date[0] - 1
    return end_year - clock.wraps
