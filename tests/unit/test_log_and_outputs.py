"""The log file keeps other libraries' data out; killed outputs are tidied at start."""

from __future__ import annotations

import logging
import subprocess
import sys
from pathlib import Path

from chatsafe import logfile, paths
from chatsafe.bundle import atomic


def test_third_party_info_stays_out_of_the_log_file() -> None:
    # A test that ran the CLI in this process left its handler (writing to that test's
    # home) on the root logger; install() would return it. Start from none.
    root = logging.getLogger()
    for old in [h for h in root.handlers if getattr(h, "chatsafe_logfile", False)]:
        root.removeHandler(old)
        old.close()
    handler = logfile.install()
    assert handler is not None
    try:
        logging.getLogger("fontTools.subset").info("Glyph names: ['G', 'E', 'H', 'I', 'M']")
        logging.getLogger("fontTools.subset").warning("a library's warning")
        logging.getLogger("chatsafe.bundle").info("chatsafe's own progress")
        handler.flush()
        text = (paths.log_dir() / "chatsafe.log").read_text(encoding="utf-8")
    finally:
        logging.getLogger().removeHandler(handler)
        handler.close()
    assert "Glyph names" not in text
    assert "a library's warning" in text
    assert "chatsafe's own progress" in text


def _dead_pid() -> int:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


def test_a_killed_output_is_removed_at_the_next_start(tmp_path: Path) -> None:
    final = tmp_path / "out" / "bundle.zip"
    final.parent.mkdir()
    # What a run killed inside atomic_output leaves: the record and its temporary file.
    atomic._write_pending([str(final.absolute())])
    leftover = final.with_name(f".bundle.zip.partial-{_dead_pid()}-abcd1234")
    leftover.write_bytes(b"half a zip")
    assert atomic.remove_recorded_stale() == [leftover]
    assert not leftover.exists()
    assert atomic._pending() == []


def test_a_finished_output_is_no_longer_pending(tmp_path: Path) -> None:
    final = tmp_path / "bundle.zip"
    with atomic.atomic_output(final) as f:
        assert atomic._pending() == [str(final.absolute())]
        f.write(b"zip")
    assert atomic._pending() == []
    assert final.read_bytes() == b"zip"
