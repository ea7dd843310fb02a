"""Writing the bundle file so that a crash never leaves a file under the final name.

The zip is written to a temporary name in the same folder (so ``os.replace`` is an
atomic rename on the same file system), flushed and fsynced, renamed, and then the
folder is fsynced so the rename itself survives a power cut. Temporary files left by a
killed run are removed before the next one to the same target starts, and at the next
start of the app or the CLI: each output in progress is recorded (its path only) in
``pending-outputs.txt`` in the data folder until it is done.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from chatsafe import durable, paths
from chatsafe.errors import ChatsafeError

_MARK = ".partial-"
_PENDING = "pending-outputs.txt"


def temp_name(final: Path) -> Path:
    return final.with_name(f".{final.name}{_MARK}{os.getpid()}-{os.urandom(4).hex()}")


def remove_stale(final: Path) -> list[Path]:
    """Remove temporary files of earlier runs for ``final`` whose process is gone."""
    removed: list[Path] = []
    prefix = f".{final.name}{_MARK}"
    with contextlib.suppress(FileNotFoundError):
        for entry in final.parent.iterdir():
            if not entry.name.startswith(prefix):
                continue
            pid_text = entry.name[len(prefix) :].split("-", 1)[0]
            if (
                pid_text.isdigit()
                and durable.process_alive(int(pid_text))
                and int(pid_text) != os.getpid()
            ):
                continue
            with contextlib.suppress(OSError):
                entry.unlink()
                removed.append(entry)
    return removed


def _pending_file() -> Path | None:
    try:
        return paths.data_dir() / _PENDING
    except ChatsafeError:
        return None  # no writable data folder: the next run to the same target tidies up


def _pending() -> list[str]:
    record = _pending_file()
    if record is None:
        return []
    try:
        return [ln for ln in record.read_text(encoding="utf-8").split("\n") if ln]
    except (OSError, UnicodeDecodeError):
        return []


def _write_pending(lines: list[str]) -> None:
    record = _pending_file()
    if record is None:
        return
    with contextlib.suppress(OSError):
        if not lines:
            record.unlink(missing_ok=True)
            return
        tmp = record.with_name(f"{record.name}.{os.getpid()}")
        tmp.write_text("".join(ln + "\n" for ln in lines), encoding="utf-8")
        os.replace(tmp, record)


def _has_partials(final: Path) -> bool:
    prefix = f".{final.name}{_MARK}"
    with contextlib.suppress(OSError):
        return any(e.name.startswith(prefix) for e in final.parent.iterdir())
    return False


def remove_recorded_stale() -> list[Path]:
    """At start: remove what killed runs left next to every output recorded as pending."""
    removed: list[Path] = []
    keep: list[str] = []
    for line in dict.fromkeys(_pending()):
        final = Path(line)
        removed.extend(remove_stale(final))
        if _has_partials(final):  # another run is writing it right now
            keep.append(line)
    _write_pending(keep)
    return removed


@contextlib.contextmanager
def atomic_output(final: Path) -> Iterator[BinaryIO]:
    """Yield a file to write; it appears under ``final`` only if the block completes."""
    final = Path(final).absolute()
    remove_stale(final)
    _write_pending([*_pending(), str(final)])
    tmp = temp_name(final)
    try:
        f = open(tmp, "xb")  # noqa: SIM115 - closed below on every path
    except BaseException:
        _forget(final)
        raise
    try:
        yield f
        f.flush()
        os.fsync(f.fileno())
        f.close()
        durable.replace(tmp, final)
        durable.fsync_dir(final.parent)
    except BaseException:
        f.close()
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
        raise
    finally:
        _forget(final)


def _forget(final: Path) -> None:
    lines = _pending()
    if str(final) in lines:
        lines.remove(str(final))
        _write_pending(lines)
