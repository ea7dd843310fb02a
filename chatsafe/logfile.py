"""chatsafe's own log file, for IT support: what happened, never what was said.

Records go to ``chatsafe.log`` in the log folder (portable-mode aware), rotated at 1 MB
with three old files kept. Loggers in chatsafe never format message text, names from
chats or keys into their records; the canary test searches this folder too.
"""

from __future__ import annotations

import faulthandler
import logging
import logging.handlers
import traceback
from pathlib import Path
from types import TracebackType
from typing import IO

from chatsafe import paths
from chatsafe.errors import ChatsafeError

FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def own_or_warning(record: logging.LogRecord) -> bool:
    """chatsafe's records at any level; other libraries' only from WARNING up.

    Third-party INFO records can hold data: fontTools.subset logs the glyph names of each
    transcript it subsets, i.e. the characters a conversation uses.
    """
    name = record.name
    return record.levelno >= logging.WARNING or name == "chatsafe" or name.startswith("chatsafe.")


def install(level: int = logging.INFO) -> logging.Handler | None:
    """Add the rotating file handler to the root logger (once); None if it cannot be."""
    root = logging.getLogger()
    for handler in root.handlers:
        if getattr(handler, "chatsafe_logfile", False):
            return handler
    try:
        target = paths.log_dir() / "chatsafe.log"
        handler = logging.handlers.RotatingFileHandler(
            target, maxBytes=1_000_000, backupCount=3, encoding="utf-8", delay=True
        )
    except (OSError, ChatsafeError):
        return None  # no writable log folder: keep working, log to stderr only
    handler.chatsafe_logfile = True  # type: ignore[attr-defined]
    handler.setLevel(level)
    handler.addFilter(own_or_warning)
    handler.setFormatter(logging.Formatter(FORMAT))
    root.addHandler(handler)
    if root.level > level or root.level == logging.NOTSET:
        root.setLevel(level)
    enable_crash_traces()
    return handler


CRASH_LOG = "crash.log"
_crash_file: IO[str] | None = None


def enable_crash_traces() -> Path | None:
    """Send a native crash's stack trace (Python's ``faulthandler``) to ``crash.log`` in the
    log folder, so IT support has more than a vanished window. The trace names files, lines
    and functions of every thread, never a value, so it holds no chat content. Nothing is
    written unless the process crashes. Returns the file, or None if it cannot be opened."""
    global _crash_file
    try:
        target = paths.log_dir() / CRASH_LOG
        if target.exists() and target.stat().st_size > 1_000_000:
            target.replace(target.with_name(CRASH_LOG + ".1"))
        if _crash_file is None or _crash_file.name != str(target):
            # Kept open for the life of the process: faulthandler writes to its descriptor.
            _crash_file = open(target, "a", encoding="utf-8")  # noqa: SIM115
    except (OSError, ChatsafeError):
        return None
    faulthandler.enable(file=_crash_file, all_threads=True)
    return target


def frames(tb: TracebackType | None) -> str:
    """Where an error happened (files, lines, functions), without its message: exception
    messages can quote data, and this log never holds chat content."""
    return "".join(f"  {f.filename}:{f.lineno} in {f.name}\n" for f in traceback.extract_tb(tb))
