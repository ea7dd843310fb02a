"""The files a Telegram export names, read relative to result.json's folder.

Paths come from the export and are not trusted: absolute paths and ``..`` are refused,
and when result.json is given on its own, files beside it are read only if they are
regular files inside its folder (no links out).
"""

from __future__ import annotations

from pathlib import Path, PurePosixPath

from chatsafe.sources import DEFAULT_LIMITS, FileSource, Source


class TelegramMedia:
    """Reads the files result.json names, relative to its folder; None when absent."""

    def __init__(self, source: Source, main: str) -> None:
        self.source = source
        parent = PurePosixPath(main).parent
        self.base = "" if str(parent) == "." else f"{parent}/"
        self.names = set(source.names())

    def read(self, rel: str) -> bytes | None:
        path = PurePosixPath(rel.replace("\\", "/"))
        if path.is_absolute() or ".." in path.parts or not path.parts:
            return None
        if isinstance(self.source, FileSource):
            return self._beside_file(path)
        name = self.base + path.as_posix()
        return self.source.read(name) if name in self.names else None

    def _beside_file(self, rel: PurePosixPath) -> bytes | None:
        # result.json given on its own: its media still sit next to it on disk.
        folder = Path(self.source.path).parent
        full = folder.joinpath(*rel.parts)
        try:
            if full.is_symlink() or not full.is_file():
                return None
            if not full.resolve().is_relative_to(folder.resolve()):
                return None
            if full.stat().st_size > DEFAULT_LIMITS.max_file_bytes:
                return None
            return full.read_bytes()
        except OSError:
            return None
