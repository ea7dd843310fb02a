"""The app's last line: an exception no handler caught (a slot, a paint, a callback).

It is logged with its type and frames, never its message (which can quote chat content),
and the user is told that something went wrong and where the details are. Qt keeps
running after a slot raised, so the window stays usable; the case is consistent because
every write is one transaction on the worker.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from types import TracebackType

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from chatsafe.gui import notify
from chatsafe.logfile import frames

log = logging.getLogger("chatsafe.gui")

Hook = Callable[[type[BaseException], BaseException, TracebackType | None], None]


def make_hook(parent: Callable[[], QWidget | None]) -> Hook:
    showing = False

    def hook(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        nonlocal showing
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, error, tb)
            return
        log.error("unhandled error in the app: %s\n%s", kind.__name__, frames(tb))
        if showing:  # an error while the message is up: logged, not stacked
            return
        showing = True
        try:
            notify.error(
                parent(),
                QCoreApplication.translate("Errors", "Something went wrong"),
                QCoreApplication.translate(
                    "Errors", "Something went wrong (%1). Details are in the log."
                ).replace("%1", kind.__name__),
            )
        finally:
            showing = False

    return hook


def install(parent: Callable[[], QWidget | None]) -> Hook:
    """Install the hook; returns the previous one (tests put it back)."""
    previous = sys.excepthook
    sys.excepthook = make_hook(parent)
    return previous
