"""The file-system steps the case file, the bundle and the RSMF export share
(chatsafe/durable.py): which leftovers belong to a live run, and the rename that a
virus scanner on Windows may briefly refuse."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from chatsafe import durable


def test_this_process_is_alive_and_an_ended_one_is_not() -> None:
    assert durable.process_alive(os.getpid())
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    assert not durable.process_alive(child.pid)


def test_replace_and_fsync(tmp_path: Path) -> None:
    src, dst = tmp_path / "new", tmp_path / "final"
    src.write_bytes(b"x")
    dst.write_bytes(b"old")
    durable.replace(src, dst)
    durable.fsync_file(dst)
    durable.fsync_dir(tmp_path)
    assert dst.read_bytes() == b"x" and not src.exists()


def test_replace_retries_while_windows_holds_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[int] = []
    real = os.replace

    def held_twice(src: Path, dst: Path) -> None:
        calls.append(1)
        if len(calls) < 3:
            raise PermissionError("held by a virus scanner")
        real(src, dst)

    src, dst = tmp_path / "new", tmp_path / "final"
    src.write_bytes(b"x")
    monkeypatch.setattr(durable.os, "replace", held_twice)
    monkeypatch.setattr(durable.time, "sleep", lambda _s: None)
    monkeypatch.setattr(durable.os, "name", "nt")
    durable.replace(src, dst)
    monkeypatch.undo()
    assert len(calls) == 3 and dst.read_bytes() == b"x"


def test_elsewhere_a_refused_rename_is_not_retried(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[int] = []

    def refused(src: Path, dst: Path) -> None:
        calls.append(1)
        raise PermissionError("read-only folder")

    monkeypatch.setattr(durable.os, "replace", refused)
    with pytest.raises(PermissionError):
        durable.replace(tmp_path / "a", tmp_path / "b")
    assert len(calls) == (10 if os.name == "nt" else 1)
