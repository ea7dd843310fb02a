"""The options of one import, as ``chatsafe import`` takes them and the app's import
options dialog offers them: one place that turns them into an :class:`ImportContext`, so
the command line and the app read key files, check countries and years the same way.

Secrets (the Signal key, the WhatsApp backup key) are read from files, never typed on a
command line, and live only in the context of that one import.
"""

from __future__ import annotations

import codecs
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from chatsafe.errors import ChatsafeError, SettingsError
from chatsafe.importers.base import ImportContext

#: The oldest and newest year a WhatsApp export without years can start in.
FIRST_YEAR_RANGE = (2009, 2100)


@dataclass(frozen=True)
class ImportOptions:
    """Everything ``chatsafe import --help`` offers besides the case and the paths."""

    owner: str | None = None
    time_zone: str | None = None  # default: the case's
    format_name: str | None = None  # None: detect by content
    encoding: str | None = None  # None: UTF-8 (with or without BOM)
    signal_key_file: Path | None = None
    first_year: int | None = None  # None: worked out from the file's date
    country: str | None = None  # None: the case's country setting
    whatsapp_key_file: Path | None = None
    extra: dict[str, str] = field(default_factory=dict)  # secrets asked for separately


def check_encoding(name: str) -> str:
    """The codec's canonical name; an unknown encoding raises SettingsError."""
    try:
        return codecs.lookup(name).name
    except LookupError:
        raise SettingsError(f"unknown text encoding {name!r}", key="encoding") from None


def read_signal_key(path: Path) -> str:
    """The Signal Desktop database key (hex) from a file."""
    try:
        text = path.read_text(encoding="ascii").strip()
    except (OSError, UnicodeDecodeError):
        raise ChatsafeError(
            "cannot read the Signal key file", file=str(path), key="signal-key-file"
        ) from None
    return text


def read_whatsapp_key(path: Path) -> str:
    """The WhatsApp backup key (hex of the raw key) from the 64 digits or a key file."""
    from chatsafe.importers import whatsapp_crypt

    try:
        data = path.read_bytes()
    except OSError:
        raise ChatsafeError(
            "cannot read the WhatsApp key file", file=str(path), key="whatsapp-key-file"
        ) from None
    return whatsapp_crypt.parse_key(data, str(path)).raw.hex()


def check_first_year(year: int) -> int:
    low, high = FIRST_YEAR_RANGE
    if not low <= year <= high:
        raise SettingsError(
            f"--first-year: {year} is not a year between {low} and {high}", key="first-year"
        )
    return year


def check_country(value: str) -> str:
    from chatsafe.importers.phone_numbers import country_of

    try:
        return country_of(value)
    except ValueError as exc:
        raise SettingsError(f"--country: {exc}", key="country") from None


def context(
    options: ImportOptions,
    *,
    case_owner: str | None,
    case_time_zone: str,
    cancelled: Callable[[], bool] | None = None,
) -> ImportContext:
    """The import context for these options; bad options raise before anything is read."""
    from chatsafe.importers import whatsapp_android
    from chatsafe.ingest import zone

    if options.time_zone:
        try:
            zone(options.time_zone)
        except SettingsError as exc:
            raise SettingsError(exc.message, key="time-zone") from None
    extra = dict(options.extra)
    if options.whatsapp_key_file is not None:
        extra[whatsapp_android.KEY_EXTRA] = read_whatsapp_key(options.whatsapp_key_file)
    if options.first_year is not None:
        extra["whatsapp_first_year"] = str(check_first_year(options.first_year))
    if options.country:  # else ingest takes the case's country setting
        extra["country"] = check_country(options.country)
    ctx = ImportContext(
        owner=options.owner or case_owner,
        encoding=check_encoding(options.encoding) if options.encoding else None,
        time_zone=options.time_zone or case_time_zone,
        signal_key=(read_signal_key(options.signal_key_file) if options.signal_key_file else None),
        extra=extra,
    )
    if cancelled is not None:
        ctx.cancelled = cancelled
    return ctx
