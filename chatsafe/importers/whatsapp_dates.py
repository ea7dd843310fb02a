"""The words and calendars in WhatsApp's printed dates, as data.

Phones print dates in their region's form: month names in the phone's language, digits
of its script (``int()`` reads any Unicode decimal digit), AM/PM words, and on iOS the
year of a non-Gregorian calendar. These tables turn them into Gregorian numbers; a
calendar chatsafe cannot convert is refused with its name (:class:`CalendarError`).
"""

from __future__ import annotations

from chatsafe.errors import InputError

# Month names and abbreviations, lower-case and without a trailing dot, in the languages
# WhatsApp ships that print month names in export headers.
_MONTH_NAMES = (
    "jan january januari januar jänner janv janvier ene enero janeiro gen gennaio oca ocak"
    " sty stycznia",
    "feb february februari februar févr fevr février febrero fev fevereiro febbraio şub"
    " şubat lut lutego",
    "mar march maart mrt märz mär mars marzo março mart marca",
    "apr april avr avril abr abril aprile nis nisan kwi kwietnia",
    "may mei mai mayo maio mag maggio maj maja mayıs",
    "jun june juni juin junio junho giu giugno haz haziran cze czerwca",
    "jul july juli juil juillet julio julho lug luglio tem temmuz lip lipca",
    "aug august augustus août aout ago agosto ağu ağustos sie sierpnia",
    "sep sept september septembre septiembre set setembro settembre eyl eylül wrz września",
    "oct october okt oktober octobre octubre out outubro ott ottobre eki ekim paź października",
    "nov november novembre noviembre novembro kas kasım lis listopada",
    "dec december dez dezember déc décembre dic diciembre dezembro dicembre ara aralık gru grudnia",
)
MONTHS: dict[str, int] = {
    name: number for number, names in enumerate(_MONTH_NAMES, start=1) for name in names.split()
}

# Words after the time that mean before or after noon (Latin letters are read by their
# first letter, "a" or "p", so "AM", "a.m." and "a. m." all work).
PM_WORDS = frozenset({"م", "午後", "오후", "ch", "nachm"})
AM_WORDS = frozenset({"ص", "午前", "오전", "sa", "vorm"})

# Japanese era letters as iOS prints them (``R4`` = Reiwa 4 = 2022): the year before
# each era's first year.
JAPANESE_ERAS = {"M": 1867, "T": 1911, "S": 1925, "H": 1988, "R": 2018}
BUDDHIST_OFFSET = 543


class CalendarError(InputError):
    """A header's year is in a calendar chatsafe cannot convert to the Gregorian one."""

    code = "calendar"


def month_number(word: str) -> int:
    """1..12 for a month name, 0 when the word is not one."""
    return MONTHS.get(word.rstrip(".").casefold(), 0)


def year_of(field: str, era: str) -> int:
    """The Gregorian year of a printed year field; 0 when it cannot be one.

    ``era`` is what the header printed after the year (``BE``) or "" ; a year field
    that starts with a letter is a Japanese era year.
    """
    if field[:1].isalpha():
        base = JAPANESE_ERAS.get(field[0].upper())
        return base + int(field[1:]) if base is not None and field[1:].isdecimal() else 0
    year = int(field)
    if len(field) == 2:
        return 2000 + year
    if era or 2500 <= year <= 2600:
        # Buddhist era (Thailand): 2565 BE = 2022. Phones without the suffix still
        # print years no Gregorian chat can have.
        return year - BUDDHIST_OFFSET
    return year


def check_calendar(field: str, era: str, where: str, line: int) -> None:
    """Refuse a year that belongs to a calendar chatsafe cannot convert, by name."""
    name = ""
    if era.upper().rstrip(".") in ("AH", "SH", "AP"):
        name = "Islamic (Hijri) or Persian (Solar Hijri)"
    elif field.isdecimal() and len(field) == 4 and 1300 <= int(field) <= 1500:
        name = "Islamic (Hijri) or Persian (Solar Hijri)"
    elif field.isdecimal() and len(field) == 4 and 5700 <= int(field) <= 5900:
        name = "Hebrew"
    elif field[:1].isalpha() and field[0].upper() not in JAPANESE_ERAS:
        name = f"era '{field[0]}'"
    if name:
        raise CalendarError(
            f"dates are in the {name} calendar (year {field}), which chatsafe cannot "
            "convert; set the phone's calendar to Gregorian and export the chat again",
            file=where,
            line=line,
        )


def meridiem(suffix: str) -> str:
    """``"am"``, ``"pm"`` or ``""`` for the text printed after a time."""
    word = suffix.strip(" \u00a0\u202f.\u200e\u200f").casefold()
    if not word:
        return ""
    if word in PM_WORDS:
        return "pm"
    if word in AM_WORDS:
        return "am"
    if word[0] in "ap" and word.replace(".", "").replace(" ", "").rstrip("m") in ("a", "p"):
        return "am" if word[0] == "a" else "pm"
    return "?"
