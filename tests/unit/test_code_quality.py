"""The code stays as the style guide asks: ruff-clean everywhere, mypy strict on the core."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _tool(module: str) -> None:
    if importlib.util.find_spec(module) is None:
        pytest.skip(f"{module} is not installed (pip install -e '.[dev]')")


def test_ruff_is_clean() -> None:
    _tool("ruff")
    out = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "chatsafe", "tests", "bench", "packaging"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert out.returncode == 0, out.stdout + out.stderr


def test_core_is_mypy_strict_clean(tmp_path: Path) -> None:
    _tool("mypy")
    out = subprocess.run(
        [sys.executable, "-m", "mypy", "--cache-dir", str(tmp_path / "mypy")],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert out.returncode == 0, out.stdout + out.stderr
