"""How a WhatsApp export begins and what a header line's rest is: its calendar, its year
when none is printed, the non-chat lines a tool put before the first header, where a
sender's name ends, and whether the export may have been cut. What the import assumed
or set aside is said in the conversation's ``notes`` (shown after an import).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import datetime
from typing import Any

from chatsafe.domain import EntryTally, EventType, ParsedConversation
from chatsafe.importers.base import ImportContext
from chatsafe.importers.whatsapp_dates import check_calendar
from chatsafe.importers.whatsapp_header import MARK_RE, Clock, FirstHeader, plan_years
from chatsafe.importers.whatsapp_markers import clean, known_event
from chatsafe.sources import Source

MAX_NAME = 80  # longer "names" may be system sentences that hold ": ": look closer


def check_first(first: FirstHeader, rx: re.Pattern[str], where: str) -> None:
    """Refuse a file whose dates are in a calendar chatsafe cannot convert, by name."""
    assert first.variant is not None
    m = rx.match(first.text)
    if m is None or first.variant.kind != "num":
        return
    date = MARK_RE.sub("", m.group("d"))
    year, _, era = date.rsplit(first.variant.date_sep, 1)[-1].partition(" ")
    if first.variant.year_first:
        year, era = date.split(first.variant.date_sep, 1)[0], ""
    check_calendar(year.strip(), era.strip(), where, first.line)


def first_year(
    source: Source,
    chat: str,
    ctx: ImportContext,
    blocks: Iterable[str],
    rx: re.Pattern[str],
    clock: Clock,
) -> tuple[int, str]:
    """The year of the first message of a file printed without years, and why."""
    given = ctx.extra.get("whatsapp_first_year", "")
    if given.isdecimal():
        return int(given), "given for this import"
    stamp = source.modified(chat)
    if stamp is None:
        stamp = datetime.now().timetuple()[:3]
        why = "today's date; the file has no date"
    else:
        why = f"the file's date {stamp[0]:04d}-{stamp[1]:02d}-{stamp[2]:02d}"
    headers = ((m.group("d"), m.group("t")) for block in blocks for m in rx.finditer(block))
    return plan_years(headers, Clock(clock.variant, clock.day_first), stamp), why


def _note(conv: ParsedConversation, note: str) -> None:
    conv.extra.setdefault("notes", []).append(note)


def note_year(conv: ParsedConversation, year: int, why: str) -> None:
    conv.extra["year_assumed"] = {"first": year, "from": why}
    _note(conv, f"the export prints no years: {year} assumed for the first message ({why})")


def note_lead(conv: ParsedConversation, first: FirstHeader) -> None:
    """Keep the lines before the first header in the conversation's details, and give
    each a line in the import report (they are read, and are not messages)."""
    if not first.lead:
        return
    conv.extra["lead_lines"] = [{"line": n, "text": t} for n, t in first.lead]
    conv.tally = tally = EntryTally()
    for number, _ in first.lead:
        tally.read += 1
        tally.skip(f"line {number}", "not-a-chat-line", "before the first message header")
    listed = ", ".join(str(n) for n, _ in first.lead)
    _note(
        conv,
        f"{len(first.lead)} line(s) before the first message are not chat messages"
        f" (line {listed}); kept in the conversation's details",
    )


_QUOTES = '"\u201c\u201d\u201e\u00ab\u00bb'
QUOTE_OR_BRACKET = re.compile(f"[{_QUOTES}()\\[\\]]")


def _balanced(text: str) -> bool:
    """No quotation or bracket is left open in ``text``."""
    quotes = sum(text.count(q) for q in _QUOTES)
    return (
        quotes % 2 == 0
        and text.count("(") == text.count(")")
        and text.count("[") == text.count("]")
    )


def sender_end(line: str) -> int:
    """Where the sender's name ends in a header line's rest (the ``": "``), or -1.

    Parsing must never decide privacy: a sender's line taken for a system line would
    become an event, which cannot be marked. So a name may hold quotes, emoji, bidi
    marks, and colons inside brackets or quotes (``Jan "Jantje" Jansen``, ``Piet (BZK:
    DGOO)``); the name ends at the first ``": "`` outside them. Only when no such place
    exists (``Eva changed the subject to "Re: begroting"``) and the line is a known
    system phrasing is it a system line; anything else ambiguous is a message.
    """
    first = line.find(": ")
    if first <= 0:
        return -1
    at = first
    while at > 0 and not _balanced(line[:at]):
        at = line.find(": ", at + 2)
    if at > 0 and at <= MAX_NAME:
        return at
    # A very long "name", or colons only inside quotes: a system line if WhatsApp
    # phrases it so, else still a message.
    if known_event(clean(line).strip()) is not None:
        return -1
    return at if at > 0 else first


def is_entry(rest: str) -> bool:
    """Whether the text after a header is a message (``Name: ``) or a known event."""
    line = rest.split("\n", 1)[0]
    colon = line.find(": ")
    if 0 < colon <= MAX_NAME:
        return True
    return known_event(clean(line)) is not None


def continued(first_line: str) -> bool:
    """A header-like line without ``Name: ``: a system event or a continuation line?

    Known system sentences are events. Otherwise a body that starts with a digit (a
    pasted agenda: "12-03-2024 10:00 - 11:00 overleg") continues the message.
    """
    text = clean(first_line).strip()
    if not text:
        return True
    if known_event(text) is not None:
        return False
    return text[0].isdigit()


# WhatsApp's "Export chat" has been documented to keep only the latest 10,000 messages
# with media and 40,000 without; it says nothing when it cuts.
EXPORT_LIMITS = (10_000, 40_000)
TRUNCATION_ADVICE = (
    "possibly cut by WhatsApp's export limit: export again without media or use the phone"
    " backup route"
)
_STARTS = (EventType.ENCRYPTION, EventType.GROUP_CREATED)


def truncation(entries: int, events: int, first: EventType | None) -> dict[str, Any] | None:
    """Why an export may have been cut by WhatsApp, or None.

    ``export_limit``: exactly as many messages (or entries) as an export keeps at most;
    ``starts_mid_conversation``: the first entry is not the chat's encryption notice or
    the group's creation, which a whole chat's export begins with.
    """
    reasons = []
    if entries in EXPORT_LIMITS or entries - events in EXPORT_LIMITS:
        reasons.append("export_limit")
    if first not in _STARTS:
        reasons.append("starts_mid_conversation")
    if not reasons:
        return None
    return {"reasons": reasons, "entries": entries, "advice": TRUNCATION_ADVICE}
