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
    titles = {c["title"] for c in stats["conversations"]}
    assert "Partijbureau" in titles and len(titles) >= 2
    again = _run(["demo", "--check"], tmp_path)  # reuses the case, with the demo passphrase
    assert again.returncode == 0, again.stderr
    assert json.loads(again.stdout)["conversations"] == stats["conversations"]


def test_gui_smoke_quits_after(tmp_path: Path) -> None:
    done = _run(["gui", "--quit-after", "300", "--lang", "nl"], tmp_path)
    assert done.returncode == 0, done.stderr


def test_closing_while_the_case_is_still_opening_exits(tmp_path: Path) -> None:
    """--quit-after 0 closes the window before the demo case has opened; the app must
    neither hang on the reviewer dialog nor leave the case open."""
    built = _run(["demo", "--check"], tmp_path)
    assert built.returncode == 0, built.stderr
    done = _run(["demo", "--quit-after", "0"], tmp_path)
    assert done.returncode == 0, done.stderr
