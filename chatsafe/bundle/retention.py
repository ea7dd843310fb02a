"""Retention (MDTO ``bewaartermijn``) from the case settings, validated when set.

MDTO records a term only for appraisal V ("Tijdelijk te bewaren"). A term needs either an
end date, or a duration with the event that starts it (``termijnTriggerStartLooptijd``,
from the MDTO event list) and the date it started. Text that does not parse is refused
with an example, never dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from chatsafe.bundle import valuelists as vl
from chatsafe.errors import SettingsError

# Words that say "no term": B keeps forever, N is not yet decided.
NO_TERM = frozenset({"permanent", "blijvend", "geen", "none", "n.v.t.", "nvt", "nader te bepalen"})
_UNITS = {
    "y": "Y", "year": "Y", "years": "Y", "jaar": "Y", "jaren": "Y", "j": "Y",
    "m": "M", "month": "M", "months": "M", "maand": "M", "maanden": "M",
}  # fmt: skip


@dataclass(frozen=True)
class Retention:
    duration: str | None = None  # xsd:duration, e.g. P10Y
    trigger: str | None = None  # a label of the MDTO event list, e.g. Bevriezing
    start: str | None = None  # YYYY-MM-DD
    end: str | None = None  # YYYY-MM-DD

    @property
    def is_permanent(self) -> bool:
        return not (self.duration or self.trigger or self.start or self.end)


def parse_duration(text: str) -> str | None:
    """'10', '10 jaar', '6 maanden', '10 years' or 'P10Y' as an xsd:duration; None for a
    word meaning no term. Anything else is refused."""
    t = " ".join(text.strip().lower().split())
    if t in NO_TERM:
        return None
    m = re.fullmatch(r"p(\d{1,3})([ym])", t)
    if m:
        return f"P{int(m.group(1))}{m.group(2).upper()}"
    m = re.fullmatch(r"(\d{1,3})\s*([a-z]*)", t)
    if m and (m.group(2) in _UNITS or not m.group(2)) and int(m.group(1)) > 0:
        return f"P{int(m.group(1))}{_UNITS.get(m.group(2), 'Y')}"
    raise SettingsError(
        f"retention {text!r} is not a term chatsafe can record: write a number of years or "
        "months ('10', '10 jaar', '6 maanden', 'P10Y'), or 'permanent'; put the event that "
        "starts it in retention_trigger and its date in retention_start, or set retention_end"
    )


def parse_trigger(text: str) -> str:
    for label in vl.EVENT_TYPE.labels:
        if label.casefold() == text.strip().casefold():
            return label
    raise SettingsError(
        f"retention_trigger {text!r} is not in the MDTO event list; use one of: "
        + ", ".join(vl.EVENT_TYPE.labels)
    )


def from_settings(s: dict[str, str], appraisal: str) -> Retention:
    """The retention of a bundle; refuses combinations MDTO does not allow."""
    r = Retention(
        parse_duration(s.get("retention", "")) if s.get("retention") else None,
        parse_trigger(s["retention_trigger"]) if s.get("retention_trigger") else None,
        s.get("retention_start") or None,
        s.get("retention_end") or None,
    )
    if appraisal != "V":
        if not r.is_permanent:
            raise SettingsError(
                f"appraisal {appraisal} has no retention term (MDTO records one only for V, "
                "tijdelijk te bewaren): set retention=permanent and clear retention_trigger, "
                "retention_start and retention_end, or set appraisal=V"
            )
        return r
    if r.is_permanent:
        raise SettingsError(
            "appraisal V (tijdelijk te bewaren) needs a retention term: set retention to a "
            "duration (e.g. 10 jaar) with retention_trigger and retention_start, or retention_end"
        )
    if not r.end and not (r.duration and r.trigger and r.start):
        raise SettingsError(
            "a retention term without retention_end needs retention (the duration), "
            "retention_trigger and retention_start (MDTO requires the start of the term)"
        )
    if r.start and r.end and date.fromisoformat(r.start) > date.fromisoformat(r.end):
        raise SettingsError("retention_start is after retention_end")
    return r
