"""How a WhatsApp export begins: its calendar, its year when none is printed, and the
non-chat lines a tool put before the first header. What the import assumed or set aside
is said in the conversation's ``notes`` (shown after an import), never silently.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import datetime

from chatsafe.domain import ParsedConversation
from chatsafe.importers.base import ImportContext
from chatsafe.importers.whatsapp_dates import check_calendar
from chatsafe.importers.whatsapp_header import MARK_RE, Clock, FirstHeader, plan_years
from chatsafe.sources import Source


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
    """Keep the lines before the first header in the conversation's details."""
    if not first.lead:
        return
    conv.extra["lead_lines"] = [{"line": n, "text": t} for n, t in first.lead]
    listed = ", ".join(str(n) for n, _ in first.lead)
    _note(
        conv,
        f"{len(first.lead)} line(s) before the first message are not chat messages"
        f" (line {listed}); kept in the conversation's details",
    )
