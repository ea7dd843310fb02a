"""How an error reads in the app (the catalogue renders core errors for this surface)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from chatsafe.errors import ChatsafeError


def error_text(error: BaseException) -> str:
    """A sentence for the user: a core error's own words, else its type (details are in
    the log, which holds type and frames, never message text)."""
    if isinstance(error, ChatsafeError):
        return str(error)
    return QCoreApplication.translate(
        "Errors", "Something went wrong (%1). Details are in the log."
    ).replace("%1", type(error).__name__)
