"""Writing the bundle file so that a crash never leaves a file under the final name.

The zip is written to a temporary name in the same folder (so ``os.replace`` is an
atomic rename on the same file system), flushed and fsynced, renamed, and then the
folder is fsynced so the rename itself survives a power cut. Temporary files left by a
killed run are removed before the next one starts.
"""

from __future__ import annotations

import contextlib
import os
import time
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

_MARK = ".partial-"


def temp_name(final: Path) -> Path:
    return final.with_name(f".{final.name}{_MARK}{os.getpid()}-{os.urandom(4).hex()}")


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True
    return True


def remove_stale(final: Path) -> list[Path]:
    """Remove temporary files of earlier runs for ``final`` whose process is gone."""
    removed: list[Path] = []
    prefix = f".{final.name}{_MARK}"
    with contextlib.suppress(FileNotFoundError):
        for entry in final.parent.iterdir():
            if not entry.name.startswith(prefix):
                continue
            pid_text = entry.name[len(prefix) :].split("-", 1)[0]
            if pid_text.isdigit() and _alive(int(pid_text)) and int(pid_text) != os.getpid():
                continue
            with contextlib.suppress(FileNotFoundError):
                entry.unlink()
                removed.append(entry)
    return removed


def _fsync_dir(folder: Path) -> None:
    if os.name == "nt":  # Windows cannot open a folder for fsync
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _replace(src: Path, dst: Path) -> None:
    # On Windows a virus scanner may hold the new file for a moment.
    for attempt in range(10):
        try:
            os.replace(src, dst)
            return
        except PermissionError:
            if os.name != "nt" or attempt == 9:
                raise
            time.sleep(0.1 * (attempt + 1))


@contextlib.contextmanager
def atomic_output(final: Path) -> Iterator[BinaryIO]:
    """Yield a file to write; it appears under ``final`` only if the block completes."""
    final = Path(final)
    remove_stale(final)
    tmp = temp_name(final)
    f = open(tmp, "xb")  # noqa: SIM115 - closed below on every path
    try:
        yield f
        f.flush()
        os.fsync(f.fileno())
        f.close()
        _replace(tmp, final)
        _fsync_dir(final.parent)
    except BaseException:
        f.close()
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
        raise
