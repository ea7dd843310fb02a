"""How an error reads in the app: the core's catalogue, in the app's language."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale

from chatsafe import messages
from chatsafe.errors import ChatsafeError


def _translate(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)


def _number(n: int) -> str:
    return QLocale().toString(n)


def error_text(error: BaseException) -> str:
    """A sentence for the user: the catalogue's entry for a core error's code, with its
    place and what to do in the app; for anything else its type only (details are in the
    log, which holds type and frames, never message text)."""
    if isinstance(error, ChatsafeError):
        return messages.render(error, _translate, _number)
    return QCoreApplication.translate(
        "Errors", "Something went wrong (%1). Details are in the log."
    ).replace("%1", type(error).__name__)
