"""Inputs as importers see them: a file, a folder, or a zip read safely in memory.

Nothing is ever extracted to disk. A zip is checked member by member before anything
is read (names, links, encryption, duplicates, declared sizes), and limits are enforced
again while inflating, so a lying header cannot get past them.
"""

from __future__ import annotations

import os
import stat
import time
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from chatsafe.errors import (
    DamagedMemberError,
    DecompressionBombError,
    InputError,
    UnsafeArchiveError,
)


@dataclass(frozen=True)
class Limits:
    """Bounds on what one input may make chatsafe read."""

    max_members: int = 100_000
    # A folder on disk is no zip bomb, but its name list is held in memory: an iPhone
    # backup of a heavily used phone holds several hundred thousand files.
    max_dir_files: int = 2_000_000
    max_member_bytes: int = 2 * 1024**3
    max_total_bytes: int = 16 * 1024**3
    max_ratio: int = 200  # inflated / compressed, for members larger than ratio_floor
    ratio_floor: int = 1024 * 1024
    max_file_bytes: int = 4 * 1024**3


DEFAULT_LIMITS = Limits()
_CHUNK = 1024 * 1024


def _bad_name(name: str) -> str | None:
    if "\\" in name:
        return "a backslash in a member name"
    if name.startswith("/") or (len(name) > 1 and name[1] == ":"):
        return "an absolute member path"
    if any(part == ".." for part in PurePosixPath(name).parts):
        return "a '..' member path"
    if "\x00" in name:
        return "a NUL byte in a member name"
    return None


class Source:
    """Read access to one input. ``names()`` lists files by relative POSIX path."""

    kind: str = "file"

    def __init__(self, path: Path) -> None:
        self.path = path
        self.display = str(path)

    def names(self) -> list[str]:
        raise NotImplementedError

    def size(self, name: str) -> int:
        raise NotImplementedError

    def read(self, name: str) -> bytes:
        raise NotImplementedError

    def chunks(self, name: str) -> Iterator[bytes]:
        yield self.read(name)

    def where(self, name: str) -> str:
        """How errors name a member: ``archive.zip!member`` or a plain path."""
        raise NotImplementedError

    def modified(self, name: str) -> tuple[int, int, int] | None:
        """The local date (year, month, day) a member was last written, when known.

        WhatsApp exports without years take their year from it.
        """
        return None

    def mark_read(self, name: str) -> None:
        """Count ``name`` among the originals although it was opened by path, not read()
        (a database opened read-only in place)."""

    def originals(self) -> list[tuple[str, Path | None]]:
        """The files to keep as the originals of this import: (name, path on disk)."""
        raise NotImplementedError

    def close(self) -> None:
        pass

    def __enter__(self) -> Source:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class FileSource(Source):
    kind = "file"

    def names(self) -> list[str]:
        return [self.path.name]

    def size(self, name: str) -> int:
        return self.path.stat().st_size

    def read(self, name: str) -> bytes:
        if self.path.stat().st_size > DEFAULT_LIMITS.max_file_bytes:
            raise InputError("file is too large to import", file=self.display)
        return self.path.read_bytes()

    def chunks(self, name: str) -> Iterator[bytes]:
        with self.path.open("rb") as f:
            while block := f.read(_CHUNK):
                yield block

    def where(self, name: str) -> str:
        return self.display

    def modified(self, name: str) -> tuple[int, int, int] | None:
        stamp = time.localtime(self.path.stat().st_mtime)
        return stamp.tm_year, stamp.tm_mon, stamp.tm_mday

    def originals(self) -> list[tuple[str, Path | None]]:
        return [(self.path.name, self.path)]


class DirSource(Source):
    """A folder export (Telegram, signal-export). Links are not followed."""

    kind = "dir"

    def __init__(self, path: Path, limits: Limits = DEFAULT_LIMITS) -> None:
        super().__init__(path)
        self._names: list[str] = []
        for root, dirs, files in os.walk(path, followlinks=False):
            dirs.sort()
            for fname in sorted(files):
                full = Path(root) / fname
                if full.is_symlink():
                    continue
                self._names.append(full.relative_to(path).as_posix())
                if len(self._names) > limits.max_dir_files:
                    raise UnsafeArchiveError(
                        f"more than {limits.max_dir_files} files in the folder", file=self.display
                    )
        self._read: set[str] = set()

    def names(self) -> list[str]:
        return list(self._names)

    def _full(self, name: str) -> Path:
        if _bad_name(name) or name not in self._names:
            raise InputError(f"no file {name!r} in the folder", file=self.display)
        return self.path / name

    def size(self, name: str) -> int:
        return self._full(name).stat().st_size

    def read(self, name: str) -> bytes:
        full = self._full(name)
        if full.stat().st_size > DEFAULT_LIMITS.max_file_bytes:
            raise InputError("file is too large to import", file=str(full))
        self._read.add(name)
        return full.read_bytes()

    def chunks(self, name: str) -> Iterator[bytes]:
        full = self._full(name)
        if full.stat().st_size > DEFAULT_LIMITS.max_file_bytes:
            raise InputError("file is too large to import", file=str(full))
        self._read.add(name)
        with full.open("rb") as f:
            while block := f.read(_CHUNK):
                yield block

    def where(self, name: str) -> str:
        return str(self.path / name)

    def mark_read(self, name: str) -> None:
        self._full(name)
        self._read.add(name)

    def originals(self) -> list[tuple[str, Path | None]]:
        return [(name, self.path / name) for name in sorted(self._read)]


class ZipSource(Source):
    """A zip archive, validated on open and inflated into memory with limits."""

    kind = "zip"

    def __init__(self, path: Path, limits: Limits = DEFAULT_LIMITS) -> None:
        super().__init__(path)
        self.limits = limits
        try:
            self._zip = zipfile.ZipFile(path)
        except (zipfile.BadZipFile, OSError, ValueError) as exc:
            raise InputError(f"not a readable zip archive ({exc})", file=self.display) from None
        self._infos: dict[str, zipfile.ZipInfo] = {}
        self._validate()
        self._inflated = 0

    def _validate(self) -> None:
        infos = self._zip.infolist()
        if len(infos) > self.limits.max_members:
            raise UnsafeArchiveError(
                f"{len(infos)} members; at most {self.limits.max_members} are allowed",
                file=self.display,
            )
        seen: set[str] = set()
        declared = 0
        for info in infos:
            name = info.filename
            if not info.flag_bits & 0x800:
                # Names without the UTF-8 flag were decoded as cp437; most phones wrote UTF-8.
                try:
                    name = name.encode("cp437").decode("utf-8")
                except (UnicodeEncodeError, UnicodeDecodeError):
                    pass
            problem = _bad_name(name)
            if problem:
                raise UnsafeArchiveError(f"refused: {problem}", file=self.display, entry=name)
            mode = info.external_attr >> 16
            if stat.S_IFMT(mode) == stat.S_IFLNK:
                raise UnsafeArchiveError("refused: a symbolic link", file=self.display, entry=name)
            if info.flag_bits & 0x1:
                raise UnsafeArchiveError(
                    "refused: an encrypted member", file=self.display, entry=name
                )
            if info.is_dir():
                continue
            folded = name.casefold()
            if folded in seen:
                raise UnsafeArchiveError(
                    "refused: the name occurs twice", file=self.display, entry=name
                )
            seen.add(folded)
            if info.file_size > self.limits.max_member_bytes:
                raise DecompressionBombError(
                    f"refused: declares {info.file_size} bytes", file=self.display, entry=name
                )
            self._check_ratio(name, info.file_size, info.compress_size)
            declared += info.file_size
            if declared > self.limits.max_total_bytes:
                raise DecompressionBombError(
                    f"refused: declares more than {self.limits.max_total_bytes} bytes in all",
                    file=self.display,
                )
            self._infos[name] = info

    def _check_ratio(self, name: str, inflated: int, compressed: int) -> None:
        if inflated > self.limits.ratio_floor and inflated > self.limits.max_ratio * max(
            compressed, 1
        ):
            raise DecompressionBombError(
                f"refused: compression ratio above {self.limits.max_ratio}:1",
                file=self.display,
                entry=name,
            )

    def names(self) -> list[str]:
        return list(self._infos)

    def size(self, name: str) -> int:
        return self._infos[name].file_size

    def chunks(self, name: str) -> Iterator[bytes]:
        info = self._infos.get(name)
        if info is None:
            raise InputError("no such member", file=self.display, entry=name)
        got = 0
        try:
            with self._zip.open(info) as member:
                while block := member.read(_CHUNK):
                    got += len(block)
                    self._inflated += len(block)
                    if got > min(info.file_size, self.limits.max_member_bytes):
                        raise DecompressionBombError(
                            "refused: inflates beyond its declared size",
                            file=self.display,
                            entry=name,
                        )
                    self._check_ratio(name, got, info.compress_size)
                    if self._inflated > self.limits.max_total_bytes:
                        raise DecompressionBombError(
                            "refused: inflates beyond the total limit", file=self.display
                        )
                    yield block
        except (zipfile.BadZipFile, OSError, EOFError, ValueError, zlib.error) as exc:
            raise DamagedMemberError(
                f"damaged member: its bytes do not match its declared size or checksum ({exc})",
                file=self.display,
                entry=name,
            ) from None

    def read(self, name: str) -> bytes:
        return b"".join(self.chunks(name))

    def where(self, name: str) -> str:
        return f"{self.display}!{name}"

    def modified(self, name: str) -> tuple[int, int, int] | None:
        info = self._infos.get(name)
        if info is None or info.date_time[0] <= 1980:  # 1980: the zip format's "no date"
            return None
        return info.date_time[0], info.date_time[1], info.date_time[2]

    def originals(self) -> list[tuple[str, Path | None]]:
        return [(self.path.name, self.path)]

    def close(self) -> None:
        self._zip.close()


def open_source(path: Path, limits: Limits = DEFAULT_LIMITS) -> Source:
    """Open ``path`` as a file, folder or zip source; refuse what cannot be read."""
    if not path.exists():
        raise InputError("no such file or folder", file=str(path))
    if path.is_dir():
        return DirSource(path, limits)
    try:
        with path.open("rb") as f:
            head = f.read(4)
    except OSError as exc:
        raise InputError(f"cannot read ({exc.strerror})", file=str(path)) from None
    if head[:4] in (b"PK\x03\x04", b"PK\x05\x06"):
        return ZipSource(path, limits)
    return FileSource(path)
