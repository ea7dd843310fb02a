"""The importers, one module per export format, and detection by content."""

from __future__ import annotations

import importlib
import logging

from chatsafe.errors import ChatsafeError, UnknownFormatError
from chatsafe.importers.base import ImportContext, Importer
from chatsafe.sources import Source

log = logging.getLogger("chatsafe.importers")

# Module name -> the importer object it exports as ``IMPORTER``. Order is display order.
_MODULES = (
    "whatsapp",
    "whatsapp_android",
    "whatsapp_ios",
    "iphone_backup",
    "signal_export",
    "signal_desktop",
    "sms_backup",
    "imessage",
    "telegram",
    "email_mbox",
    "matrix",
)


def all_importers() -> list[Importer]:
    """Every importer that is installed, in display order."""
    found: list[Importer] = []
    for mod in _MODULES:
        try:
            module = importlib.import_module(f"chatsafe.importers.{mod}")
        except ModuleNotFoundError as exc:
            if exc.name == f"chatsafe.importers.{mod}":
                continue
            raise
        found.append(module.IMPORTER)
    return found


def by_name(name: str) -> Importer:
    for imp in all_importers():
        if imp.name == name:
            return imp
    raise UnknownFormatError(f"unknown format {name!r}; chatsafe reads: {format_names()}")


def format_names() -> str:
    return ", ".join(imp.label for imp in all_importers())


def detect(source: Source) -> Importer:
    """Pick the importer by content. Unknown or ambiguous input is refused."""
    scores = []
    refusal: ChatsafeError | None = None
    for imp in all_importers():
        try:
            score = imp.sniff(source)
        except ChatsafeError as exc:
            # The input itself is refused (a member inflates beyond its declared size, a
            # damaged member): if nothing recognises it, that is the reason to give, not
            # "not an export".
            refusal = refusal or exc
            score = 0
        except Exception as exc:  # a sniffer must never take the import down
            from chatsafe.logfile import frames

            log.error(
                "sniffer %s failed: %s\n%s", imp.name, type(exc).__name__, frames(exc.__traceback__)
            )
            score = 0
        if score > 0:
            scores.append((score, imp))
    scores.sort(key=lambda s: -s[0])
    if not scores and refusal is not None:
        raise refusal
    if not scores:
        raise UnknownFormatError(
            f"not an export chatsafe can read; it reads: {format_names()}", file=source.display
        )
    if len(scores) > 1 and scores[0][0] == scores[1][0]:
        both = " or ".join(imp.label for _, imp in scores[:2])
        raise UnknownFormatError(
            f"ambiguous input: it could be {both}; name the format with --format",
            file=source.display,
        )
    return scores[0][1]


__all__ = ["Importer", "ImportContext", "all_importers", "by_name", "detect", "format_names"]
