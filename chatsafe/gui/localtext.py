"""Numbers, counts, dates and times as the app's language writes them.

The core hands the GUI ISO text ("2024-03-04", "2024-03-04T08:15:00", an approval's
"2026-11-26T11:05:40Z") and plain integers; people read "4 mrt 2024", "08:15" and
"100.000 berichten". Everything the app shows goes through here (QLocale follows the
app's language, set by :func:`chatsafe.gui.i18n.install`), and counts use Qt's numerus
forms with ``%Ln`` so "1 gesprek" and "2 gesprekken" come out right in both languages.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QLocale, Qt, QTime

DATE_FORMAT = "d MMM yyyy"


def number(n: int) -> str:
    return QLocale().toString(n)


# One function per thing counted, so lupdate finds each source text in this module.
def messages(n: int) -> str:
    return QCoreApplication.translate("Counts", "%Ln message(s)", "", n)


def conversations(n: int) -> str:
    return QCoreApplication.translate("Counts", "%Ln conversation(s)", "", n)


def attachments(n: int) -> str:
    return QCoreApplication.translate("Counts", "%Ln attachment(s)", "", n)


def items(n: int) -> str:
    return QCoreApplication.translate("Counts", "%Ln item(s)", "", n)


def files(n: int) -> str:
    return QCoreApplication.translate("Counts", "%Ln file(s)", "", n)


def system_notices(n: int) -> str:
    return QCoreApplication.translate("Counts", "%Ln system notice(s)", "", n)


def business_messages(n: int) -> str:
    return QCoreApplication.translate("Counts", "%Ln business message(s)", "", n)


def rsmf_files(n: int) -> str:
    return QCoreApplication.translate("Counts", "%Ln RSMF file(s)", "", n)


def phase_name(phase: str) -> str:
    """A step of long work ("reading", "conversations") in the app's language; a step
    the core adds later reads as "working", never as an English word."""
    names = {
        "reading": QCoreApplication.translate("Counts", "reading"),
        "storing": QCoreApplication.translate("Counts", "storing"),
        "indexing": QCoreApplication.translate("Counts", "indexing"),
        "conversations": QCoreApplication.translate("Counts", "conversations"),
        "metadata": QCoreApplication.translate("Counts", "metadata"),
        "signing": QCoreApplication.translate("Counts", "signing"),
        "events": QCoreApplication.translate("Counts", "messages"),
    }
    return names.get(phase) or QCoreApplication.translate("Counts", "working")


def _date(iso: str) -> QDate:
    return QDate.fromString(iso[:10], "yyyy-MM-dd")


def date_text(iso: str | None) -> str:
    """ "4 mrt 2024" for "2024-03-04…"; "…" for nothing; the text itself if unreadable."""
    if not iso:
        return "…"
    d = _date(iso)
    return QLocale().toString(d, DATE_FORMAT) if d.isValid() else iso


def day_heading(iso: str) -> str:
    """A day separator in the transcript, as a phone heads a day: "maandag 4 maart 2024"."""
    d = _date(iso)
    return QLocale().toString(d, QLocale.FormatType.LongFormat) if d.isValid() else iso[:10]


def period_text(first: str | None, last: str | None) -> str:
    """ "4 mrt 2024 – 8 mrt 2024" (one date when both are the same day)."""
    a, b = date_text(first), date_text(last or first)
    return a if a == b else f"{a} – {b}"


def time_text(iso: str) -> str:
    """The wall-clock time of "2024-03-04T08:15:00" as the locale writes a short time."""
    t = QTime.fromString(iso[11:16], "HH:mm")
    return QLocale().toString(t, QLocale.FormatType.ShortFormat) if t.isValid() else iso[11:16]


def datetime_text(iso: str | None) -> str:
    """A wall-clock ("2024-03-04T08:15:00") or UTC instant ("2026-11-26T11:05:40Z",
    shown in this computer's time) as "4 mrt 2024 08:15"."""
    if not iso:
        return "…"
    if iso.endswith("Z") or "+" in iso[10:]:
        moment = QDateTime.fromString(iso, Qt.DateFormat.ISODate)
        if moment.isValid():
            local = moment.toLocalTime()
            return f"{date_text(local.date().toString('yyyy-MM-dd'))} " + QLocale().toString(
                local.time(), QLocale.FormatType.ShortFormat
            )
    if len(iso) >= 16:
        return f"{date_text(iso)} {time_text(iso)}"
    return date_text(iso)
