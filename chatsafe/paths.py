"""Where chatsafe keeps its own settings, logs and caches.

Normally the platform's folders (platformdirs). In portable mode (a ``portable.ini``
beside the program, or ``--portable``) everything lives in ``chatsafe-data`` beside the
program, so a locked-down laptop needs no writable system location. Case files are
wherever the user puts them. Nothing here ever holds chat content.
"""

from __future__ import annotations

import sys
from pathlib import Path

import platformdirs

APP = "chatsafe"
MARKER = "portable.ini"
_portable_root: Path | None = None


def program_dir() -> Path:
    if getattr(sys, "frozen", False):
        return Path(sys.executable).resolve().parent
    return Path(sys.argv[0]).resolve().parent if sys.argv and sys.argv[0] else Path.cwd()


def enable_portable(root: Path | None = None) -> Path:
    global _portable_root
    _portable_root = (root or program_dir()) / "chatsafe-data"
    return _portable_root


def portable_root() -> Path | None:
    if _portable_root is None and (program_dir() / MARKER).exists():
        enable_portable()
    return _portable_root


def _dir(kind: str) -> Path:
    root = portable_root()
    if root is not None:
        path = root / kind
    else:
        path = Path(getattr(platformdirs, f"user_{kind}_dir")(APP, appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def config_dir() -> Path:
    return _dir("config")


def data_dir() -> Path:
    return _dir("data")


def log_dir() -> Path:
    return _dir("log")


def cache_dir() -> Path:
    return _dir("cache")
