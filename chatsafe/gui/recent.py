"""The app's own settings (recent cases, the last reviewer, the language) in an INI file
under chatsafe's config folder, so portable mode keeps them beside the program.

Only paths and names go here, never chat content.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

from chatsafe import paths
from chatsafe.errors import ChatsafeError

MAX_RECENT = 8


def app_settings() -> QSettings:
    return QSettings(str(paths.config_dir() / "chatsafe-gui.ini"), QSettings.Format.IniFormat)


def recent_cases() -> list[Path]:
    value = app_settings().value("recent/cases", [])
    # QSettings gives a str for one entry, a list for several, None or "" for none.
    items = [value] if isinstance(value, str) else list(value) if isinstance(value, list) else []
    return [Path(p) for p in items if p]


def add_recent(path: Path) -> None:
    items = [str(path.resolve())] + [
        str(p) for p in recent_cases() if p.resolve() != path.resolve()
    ]
    s = app_settings()
    s.setValue("recent/cases", items[:MAX_RECENT])
    s.sync()


def last_reviewer() -> tuple[str, str]:
    s = app_settings()
    return str(s.value("reviewer/name", "") or ""), str(
        s.value("reviewer/role", "assistant") or "assistant"
    )


def remember_reviewer(name: str, role: str) -> None:
    s = app_settings()
    s.setValue("reviewer/name", name)
    s.setValue("reviewer/role", role)
    s.sync()


def saved_geometry() -> bytes | None:
    """The main window's size and place when it was last closed (None the first time)."""
    value = app_settings().value("window/geometry")
    if isinstance(value, QByteArray):
        value = value.data()
    return bytes(value) if isinstance(value, bytes | bytearray) and value else None


def save_geometry(geometry: bytes) -> None:
    """Remember the window; a settings folder that cannot be written never stops a close."""
    try:
        s = app_settings()
    except ChatsafeError:
        return
    s.setValue("window/geometry", geometry)
    s.sync()
