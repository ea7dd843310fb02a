"""The few file-system steps every crash-safe output shares: the case file, the bundle
and the RSMF export are each written under a temporary name, fsynced, renamed, and the
folder fsynced so the rename survives a power cut. Leftovers of killed runs carry their
process id, and are removed only when that process is gone."""

from __future__ import annotations

import os
import time
from pathlib import Path


def process_alive(pid: int) -> bool:
    """Whether the process that named a temporary file may still be writing it."""
    if pid == os.getpid():
        return True
    if os.name == "nt":
        # os.kill(pid, 0) would terminate that process on Windows; Windows refuses to
        # delete a file a live process holds open, which protects a run in progress.
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # PermissionError: it exists, under another user
        return True
    return True


def fsync_file(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def fsync_dir(folder: Path) -> None:
    """Make a rename into ``folder`` durable."""
    if os.name == "nt":  # Windows cannot open a folder for fsync
        return
    fsync_file(folder)


def replace(src: Path, dst: Path) -> None:
    """``os.replace``, retried on Windows while a virus scanner holds the new file."""
    for attempt in range(10):
        try:
            os.replace(src, dst)
            return
        except PermissionError:
            if os.name != "nt" or attempt == 9:
                raise
            time.sleep(0.1 * (attempt + 1))
