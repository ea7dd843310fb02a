"""``chatsafe demo --no-gui`` and a smoke run of the app through the command line."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path


def _run(args: list[str], home: Path) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",  # headless: no keyring
        "XDG_DATA_HOME": str(home / "data"),
        "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_STATE_HOME": str(home / "state"),  # the log
        "XDG_CACHE_HOME": str(home / "cache"),
    }
    return subprocess.run(
        [sys.executable, "-m", "chatsafe", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )


def test_demo_builds_once_and_reports(tmp_path: Path) -> None:
    first = _run(["demo", "--no-gui"], tmp_path)
    assert first.returncode == 0, first.stderr
    stats = json.loads(first.stdout)
    assert Path(stats["case"]).name == "demo.chatsafe"
    # Without a keyring the demo opens only with its passphrase: both outputs say it.
    assert stats["passphrase"] == "chatsafe-demo-case"
    assert "(passphrase: chatsafe-demo-case)" in first.stderr
    titles = {c["title"] for c in stats["conversations"]}
    assert "Partijbureau" in titles and len(titles) >= 2
    again = _run(["demo", "--check"], tmp_path)  # reuses the case, with the demo passphrase
    assert again.returncode == 0, again.stderr
    assert json.loads(again.stdout)["conversations"] == stats["conversations"]


def _log(home: Path) -> str:
    (log,) = (home / "state").rglob("chatsafe.log")
    return log.read_text(encoding="utf-8")


def test_gui_smoke_quits_after(tmp_path: Path) -> None:
    """The app starts in Dutch with its translation, shows the window, and closes it
    itself after --quit-after (not killed, not crashed), with nothing on stderr."""
    done = _run(["gui", "--quit-after", "300", "--lang", "nl"], tmp_path)
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr and "Error" not in done.stderr, done.stderr
    log = _log(tmp_path)
    shown = log.index("main window shown")
    assert log.index("language nl, translation loaded: True") < shown
    assert log.index("main window closed; exit code 0") > shown


def test_closing_while_the_case_is_still_opening_exits(tmp_path: Path) -> None:
    """--quit-after 0 closes the window before the demo case has opened; the app must
    neither hang on the reviewer dialog nor leave the case open."""
    built = _run(["demo", "--check"], tmp_path)
    assert built.returncode == 0, built.stderr
    case = Path(json.loads(built.stdout)["case"])
    done = _run(["demo", "--quit-after", "0"], tmp_path)
    assert done.returncode == 0, done.stderr
    assert "main window closed; exit code 0" in _log(tmp_path)
    # Closed, not abandoned: the last connection's close removes the write-ahead log.
    assert case.is_file() and not Path(f"{case}-wal").exists()
