"""End-to-end helpers: run the real CLI in a subprocess with its own folders."""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

PASSPHRASE = "e2e-test-passphrase"


@dataclass
class Cli:
    env: dict[str, str]
    cwd: Path

    def run(
        self, *args: str, check: bool = True, timeout: float = 120
    ) -> subprocess.CompletedProcess[str]:
        proc = subprocess.run(
            [sys.executable, "-m", "chatsafe", *args],
            env=self.env,
            cwd=self.cwd,
            capture_output=True,
            text=True,
            timeout=timeout,
        )
        if check and proc.returncode != 0:
            raise AssertionError(f"chatsafe {' '.join(args)} -> {proc.returncode}\n{proc.stderr}")
        return proc

    def popen(self, *args: str, stderr: bool = False) -> subprocess.Popen[bytes]:
        """Start the CLI; with ``stderr`` its progress lines can be read afterwards."""
        return subprocess.Popen(
            [sys.executable, "-m", "chatsafe", *args],
            env=self.env,
            cwd=self.cwd,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE if stderr else subprocess.DEVNULL,
        )

    def json(self, *args: str) -> Any:
        return json.loads(self.run(*args).stdout)


@pytest.fixture
def cli(tmp_path: Path, isolated_home: Path) -> Cli:
    """The CLI with no keyring (the headless path), a passphrase in the environment, and
    its own HOME, XDG folders and temp folder (so tests can search them afterwards)."""
    tmp = isolated_home / "tmp"
    tmp.mkdir(exist_ok=True)
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("XDG_", "CHATSAFE_", "PYTHON_KEYRING"))
    }
    env.update(
        HOME=str(isolated_home),
        XDG_DATA_HOME=str(isolated_home / "data"),
        XDG_CONFIG_HOME=str(isolated_home / "config"),
        XDG_CACHE_HOME=str(isolated_home / "cache"),
        XDG_STATE_HOME=str(isolated_home / "state"),
        TMPDIR=str(tmp),
        SQLITE_TMPDIR=str(tmp),
        CHATSAFE_PASSPHRASE=PASSPHRASE,
        PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring",
        QT_QPA_PLATFORM="offscreen",
    )
    work = tmp_path / "work"
    work.mkdir()
    return Cli(env, work)


NAMES = ["Minister J. de Vries", "Adviseur Bakker", "Woordvoerder Smit", "SG Jansen"]
WORDS = (
    "de het een Kamerbrief debat begroting nota overleg morgen vandaag graag akkoord "
    "planning stuk reactie minister staatssecretaris wetsvoorstel commissie"
).split()


def whatsapp_text(n: int, seed: int = 1, start_day: int = 1) -> str:
    """A Dutch Android WhatsApp export of n messages (2 % multi-line)."""
    rnd = random.Random(seed)
    lines = ["01-01-2024 08:00 - Berichten en oproepen zijn end-to-end versleuteld."]
    when = datetime(2024, 1, start_day, 8, 1)
    for i in range(n):
        when += timedelta(minutes=rnd.randint(0, 3))
        text = " ".join(rnd.choice(WORDS) for _ in range(rnd.randint(2, 14))) + f" {i}"
        if rnd.random() < 0.02:
            text += "\n" + " ".join(rnd.choice(WORDS) for _ in range(5))
        lines.append(f"{when:%d-%m-%Y %H:%M} - {rnd.choice(NAMES)}: {text}")
    return "\n".join(lines) + "\n"
