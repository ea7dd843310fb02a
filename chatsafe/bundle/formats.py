"""File formats identified by signature (siegfried with PRONOM/DROID signatures, through
``pygfried``), never guessed from a MIME table: the signed metadata must state the format
a file is.

siegfried reads files by path, and chatsafe never writes chat content to a temporary
file. The bytes go into an anonymous in-memory file (``memfd_create``) whose
``/proc/self/fd`` path siegfried opens. Where the platform has no such file (Windows,
macOS), nothing is identified: the sidecar then gives the sniffed media type under IANA's
list and no PUID, which is true, rather than a PUID nobody checked.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterable, Iterator

from chatsafe.bundle.mdto import Format

# JSON has no byte signature in PRONOM: DROID and siegfried name it fmt/817 only by the
# .json extension, and a memfd has none. chatsafe writes its transcripts itself, so it
# states their format; the bytes-only identification (Plain Text) is what tests compare.
OWN_JSON = Format("fmt/817", "JSON Data Interchange Format", "application/json")

_lock = threading.Lock()
_scanner: object | None = None


def available() -> bool:
    if not hasattr(os, "memfd_create") or not os.path.isdir("/proc/self/fd"):
        return False
    try:
        import pygfried  # noqa: F401
    except ImportError:
        return False
    return True


def _scan(path: str) -> dict[str, str] | None:
    global _scanner
    import pygfried

    with _lock:  # one scanner per process; loading the signatures takes a while
        if _scanner is None:
            _scanner = pygfried.Scanner()
        result = _scanner.identify(path, detailed=True)  # type: ignore[attr-defined]
    matches = result["files"][0]["matches"]
    for m in matches:
        if m.get("ns") == "pronom" and m.get("id") and m["id"] != "UNKNOWN":
            return dict(m)
    return None


# Files up to HEAD + TAIL bytes are identified from all their bytes. Of a larger one,
# siegfried sees its first HEAD and last TAIL bytes at their true offsets with a hole of
# zeros between (a sparse memfd takes no memory for it): signatures sit at the beginning
# and the end, and memory stays bounded for a 2 GB video.
HEAD = 32 * 1024 * 1024
TAIL = 32 * 1024 * 1024


class Identification:
    """Collects a file's bytes as they are written to the bag, then identifies them.

    ``tee`` passes chunks through unchanged, so the payload is read once.
    """

    def __init__(self) -> None:
        self._fd: int | None = None
        self._size = 0
        self._tail: list[bytes] = []
        self._tail_size = 0
        if available():
            self._fd = os.memfd_create("chatsafe-identify", getattr(os, "MFD_CLOEXEC", 0))

    def feed(self, chunk: bytes) -> None:
        if self._fd is None:
            return
        if self._size < HEAD:
            head = chunk[: HEAD - self._size]
            view = memoryview(head)
            while view:
                view = view[os.write(self._fd, view) :]
            rest = chunk[len(head) :]
        else:
            rest = chunk
        self._size += len(chunk)
        if rest:
            self._tail.append(bytes(rest))
            self._tail_size += len(rest)
            while self._tail_size - len(self._tail[0]) >= TAIL:
                self._tail_size -= len(self._tail.pop(0))

    def tee(self, chunks: Iterable[bytes]) -> Iterator[bytes]:
        for chunk in chunks:
            self.feed(chunk)
            yield chunk

    def result(self, fallback_mime: str | None) -> Format:
        mime = fallback_mime or "application/octet-stream"
        if self._fd is None:
            return Format(None, mime, mime)
        try:
            tail = b"".join(self._tail)[-TAIL:]
            self._tail = []
            if tail:
                os.ftruncate(self._fd, self._size)
                os.pwrite(self._fd, tail, self._size - len(tail))
            match = _scan(f"/proc/self/fd/{self._fd}")
        finally:
            self.close()
        if match is None:
            return Format(None, mime, mime)
        label = match["format"] + (f" {match['version']}" if match.get("version") else "")
        return Format(match["id"], label, match.get("mime") or mime)

    def close(self) -> None:
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None


def identify(chunks: Iterable[bytes], fallback_mime: str | None) -> Format:
    """The format of the bytes ``chunks`` yields (held only in memory)."""
    ident = Identification()
    try:
        for chunk in chunks:
            ident.feed(chunk)
        return ident.result(fallback_mime)
    finally:
        ident.close()


def puid_of(data: bytes) -> str | None:
    """Just the PUID siegfried finds (tests compare the sidecars with it)."""
    return identify([data], None).puid
