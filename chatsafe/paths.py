"""Where chatsafe keeps its own settings, logs and caches.

Normally the platform's folders (platformdirs). In portable mode (a ``portable.ini``
beside the program, or ``--portable``) everything lives in ``chatsafe-data`` beside the
program, so a locked-down laptop needs no writable system location. Case files are
wherever the user puts them. Nothing here ever holds chat content.

``portable.ini`` may be empty. It may name another folder, relative to the program or
absolute (a USB stick, a network share the user may write to)::

    [portable]
    folder = chatsafe-data
"""

from __future__ import annotations

import configparser
import os
import sys
from pathlib import Path

import platformdirs

from chatsafe.errors import SettingsError

APP = "chatsafe"
MARKER = "portable.ini"
DEFAULT_FOLDER = "chatsafe-data"
KINDS = ("config", "data", "log", "cache")
_portable_root: Path | None = None


def program_dir() -> Path:
    """The folder holding the program: the frozen executable's, or the script's."""
    if getattr(sys, "frozen", False):
        return Path(sys.executable).resolve().parent
    return Path(sys.argv[0]).resolve().parent if sys.argv and sys.argv[0] else Path.cwd()


def marker_dirs() -> list[Path]:
    """Where a ``portable.ini`` counts: beside the program, and beside a macOS ``.app``."""
    here = program_dir()
    dirs = [here]
    # chatsafe.app/Contents/MacOS/chatsafe: the user sees the .app, so look beside it too.
    if (
        here.name == "MacOS"
        and here.parent.name == "Contents"
        and here.parent.parent.suffix == ".app"
    ):
        dirs.append(here.parent.parent.parent)
    return dirs


def find_marker() -> Path | None:
    """The ``portable.ini`` that switches portable mode on, if there is one."""
    for folder in marker_dirs():
        marker = folder / MARKER
        if marker.is_file():
            return marker
    return None


def read_marker(marker: Path) -> Path:
    """The portable folder a marker names (``chatsafe-data`` beside it by default)."""
    parser = configparser.ConfigParser()
    try:
        parser.read_string(marker.read_text(encoding="utf-8-sig"), source=str(marker))
    except (OSError, UnicodeDecodeError, configparser.Error) as exc:
        line = getattr(exc, "lineno", None)
        if line is None and isinstance(exc, configparser.ParsingError) and exc.errors:
            line = exc.errors[0][0]
        raise SettingsError(
            "cannot read the portable-mode file; it may be empty or hold "
            "'[portable]' and 'folder = NAME'",
            file=str(marker),
            line=line,
        ) from None
    folder = parser.get("portable", "folder", fallback="").strip() or DEFAULT_FOLDER
    path = Path(os.path.expandvars(os.path.expanduser(folder)))
    return path if path.is_absolute() else marker.parent / path


def enable_portable(root: Path | None = None) -> Path:
    """Keep everything in a folder beside the program (or beside ``root``); returns it."""
    global _portable_root
    if root is None:
        marker = find_marker()
        base = read_marker(marker) if marker else program_dir() / DEFAULT_FOLDER
    else:
        base = root / DEFAULT_FOLDER
    _portable_root = base.resolve()
    _redirect_toolkit_folders(_portable_root)
    return _portable_root


def disable_portable() -> None:
    """Back to the platform's folders (for tests and for embedding)."""
    global _portable_root
    _portable_root = None


def portable_root() -> Path | None:
    """The portable folder, or None when chatsafe uses the platform's folders."""
    if _portable_root is None and find_marker() is not None:
        enable_portable()
    return _portable_root


def is_portable() -> bool:
    return portable_root() is not None


def _redirect_toolkit_folders(root: Path) -> None:
    # Qt (file-dialog history, QtProject.conf) and fontconfig (font cache) write to the
    # XDG folders on Linux and BSD; point them into the portable folder as well, so a
    # portable run leaves nothing in the user's home. Windows and macOS ignore these.
    if sys.platform.startswith(("linux", "freebsd", "openbsd")):
        os.environ["XDG_CONFIG_HOME"] = str(root / "config")
        os.environ["XDG_CACHE_HOME"] = str(root / "cache")
        os.environ["XDG_DATA_HOME"] = str(root / "data")
        os.environ["XDG_STATE_HOME"] = str(root / "state")


def _dir(kind: str) -> Path:
    root = portable_root()
    if root is not None:
        path = root / kind
    else:
        path = Path(getattr(platformdirs, f"user_{kind}_dir")(APP, appauthor=False))
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        hint = (
            "move the chatsafe folder to a place you may write to (for example your "
            "Documents), or remove portable.ini"
            if root is not None
            else "ask IT support why your user folders are not writable"
        )
        raise SettingsError(
            f"cannot create chatsafe's {kind} folder ({exc.strerror}); {hint}", file=str(path)
        ) from None
    return path


def config_dir() -> Path:
    return _dir("config")


def data_dir() -> Path:
    return _dir("data")


def log_dir() -> Path:
    return _dir("log")


def cache_dir() -> Path:
    return _dir("cache")
