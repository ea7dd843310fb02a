"""The catalogue of text that starts in the core: one entry per error code.

An error keeps its stable ``code``; its core message (English, naming CLI flags) is what
the command line prints. The app renders the catalogue's entry for the code instead: a
sentence in the user's language with the place (file, line, entry) and what to do with
the app's controls. The entries are marked with :func:`N_` (Vorta's ``trans_late``) so
they are extracted into the translation files with the GUI's strings; the app translates
them in the context ``Errors``.

Qt-free: :func:`render` takes the surface's translate and number functions.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from chatsafe.errors import ChatsafeError

CONTEXT = "Errors"


def N_(text: str) -> str:  # noqa: N802 - the gettext convention
    """Mark ``text`` for translation where it is used, not where it is defined."""
    return text


@dataclass(frozen=True)
class Entry:
    text: str  # what happened
    gui_hint: str  # what to do in the app (its controls, never CLI flags)


CATALOGUE: dict[str, Entry] = {
    "error": Entry(N_("chatsafe could not do this."), N_("Details are in the log.")),
    "bad-input": Entry(
        N_("This export cannot be imported as it is."),
        N_("Export the chat again from the phone and import the new file."),
    ),
    "not-a-chat": Entry(
        N_("This file is not a chat export."),
        N_("Choose the file the phone's Export chat made."),
    ),
    "unknown-format": Entry(
        N_("chatsafe does not recognise this export."),
        N_("See Help for the exports chatsafe reads, or ask IT support."),
    ),
    "bad-encoding": Entry(
        N_("The text of this export is in an unknown character encoding."),
        N_("Ask IT support to import it with the encoding named."),
    ),
    "unsafe-archive": Entry(
        N_("This zip file is refused: it holds something unsafe."),
        N_("Export the chat again; do not change the zip file."),
    ),
    "decompression-bomb": Entry(
        N_("This file unpacks to far more than it holds and is refused."),
        N_("Export the chat again; do not change the zip file."),
    ),
    "damaged-member": Entry(
        N_("A file inside this zip is damaged."),
        N_("Copy the export from the phone again."),
    ),
    "image-too-large": Entry(
        N_("An image in this export is too large to show safely."),
        N_("It is kept as an attachment without a preview."),
    ),
    "too-long": Entry(
        N_("A message or line in this export is longer than chatsafe accepts."),
        N_("Ask IT support to check the export."),
    ),
    "entry-too-large": Entry(
        N_("One entry of this export is larger than chatsafe accepts."),
        N_("Ask IT support to check the export."),
    ),
    "calendar": Entry(
        N_("The dates in this export use a calendar chatsafe cannot read."),
        N_("Set the phone to the Gregorian calendar and export the chat again."),
    ),
    "wrong-password": Entry(
        N_("The backup's password is not right."),
        N_("Type the backup password again."),
    ),
    "case": Entry(
        N_("The case file cannot be used."),
        N_("Open another case, or ask IT support."),
    ),
    "wrong-key": Entry(
        N_("This passphrase does not unlock the case."),
        N_("Type the passphrase again."),
    ),
    "no-key": Entry(
        N_("This computer does not hold the key of this case."),
        N_("Type the case's passphrase."),
    ),
    "tampered": Entry(
        N_("The case file has been changed outside chatsafe."),
        N_("Stop and tell IT support."),
    ),
    "settings": Entry(
        N_("A case setting is missing or not valid."),
        N_("Ask IT support to check the case settings."),
    ),
    "cancelled": Entry(N_("Cancelled."), N_("Nothing was changed.")),
    "signing": Entry(
        N_("The signing certificate cannot be used."),
        N_("Check the certificate file and its passphrase or PIN."),
    ),
    "timestamp": Entry(
        N_("The time-stamping service could not stamp the bundle; no bundle was made."),
        N_("Try again later, or ask IT support to check the time-stamping settings."),
    ),
    "review": Entry(
        N_("This review step is not possible."),
        N_("Check who you are signed in as, and what is selected."),
    ),
}

# Finer entries for errors that carry a ``key`` (the code alone would say too little).
KEYED: dict[str, Entry] = {
    "approval-needed": Entry(
        N_("This needs the minister: the minister makes it, or approves it first."),
        N_("Ask the minister to open Create bundle and approve."),
    ),
    "whatsapp-key": Entry(
        N_("This is not a WhatsApp backup key."),
        N_("Type the 64 digits of the end-to-end backup key, or choose the key file."),
    ),
    "whatsapp-wrong-key": Entry(
        N_("This key does not open this backup (wrong key, or the file is damaged)."),
        N_("Check the 64 digits or the key file."),
    ),
    "signal-key-file": Entry(
        N_("The Signal key file cannot be read."),
        N_("Choose the file that holds the Signal Desktop key."),
    ),
    "whatsapp-key-file": Entry(
        N_("The WhatsApp key file cannot be read."),
        N_("Choose the key file, or a file with the 64 digits."),
    ),
    "encoding": Entry(
        N_("chatsafe does not know this text encoding."),
        N_("Choose an encoding from the list, or leave UTF-8."),
    ),
    "first-year": Entry(
        N_("This is not a year a WhatsApp export can start in."),
        N_("Type the year of the first message, or leave the field alone."),
    ),
    "country": Entry(
        N_("This is not a country code."),
        N_("Type a code such as NL, BE, DE or US, or leave the field empty."),
    ),
    "time-zone": Entry(
        N_("chatsafe does not know this time zone."),
        N_("Type a name such as Europe/Amsterdam, or leave the field empty."),
    ),
    "doubts-open": Entry(
        N_("Open doubts block this: someone still asks whether messages may leave."),
        N_("Answer or withdraw every doubt first (filter: With doubts; N goes to the next)."),
    ),
    "approval-void": Entry(
        N_(
            "The minister's approval no longer covers what would leave: something changed after it."
        ),
        N_("Ask the minister to approve again."),
    ),
}

_PLACE_FILE = N_("In {file}: ")
_PLACE_LINE = N_("In {file}, line {line}: ")
_PLACE_ENTRY = N_("In {file}, entry {entry}: ")


def entry_for(code: str, key: str | None = None) -> Entry:
    if key is not None and key in KEYED:
        return KEYED[key]
    return CATALOGUE.get(code, CATALOGUE["error"])


def render(
    error: ChatsafeError,
    translate: Callable[[str, str], str] = lambda _c, s: s,
    number: Callable[[int], str] = str,
) -> str:
    """The error as a sentence for the app: place, what happened, what to do."""
    entry = entry_for(error.code, error.key)
    place = ""
    if error.file:
        name = Path(error.file).name
        if error.line is not None:
            place = translate(CONTEXT, _PLACE_LINE).format(file=name, line=number(error.line))
        elif error.entry:
            place = translate(CONTEXT, _PLACE_ENTRY).format(file=name, entry=error.entry)
        else:
            place = translate(CONTEXT, _PLACE_FILE).format(file=name)
    return f"{place}{translate(CONTEXT, entry.text)} {translate(CONTEXT, entry.gui_hint)}"


def render_cli(error: ChatsafeError) -> str:
    """The error for the command line: the core's sentence with its place and flags."""
    return str(error)


def all_texts() -> list[str]:
    """Every catalogue string (for the translation files and their test)."""
    out = [_PLACE_FILE, _PLACE_LINE, _PLACE_ENTRY]
    for e in [*CATALOGUE.values(), *KEYED.values()]:
        out += [e.text, e.gui_hint]
    return out
