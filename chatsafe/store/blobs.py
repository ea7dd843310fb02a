"""Bytes kept in the case: originals and attachments, content-addressed by SHA-256.

Large values are streamed in and out with SQLite's incremental blob API, so a 1 GB
export never has to sit in memory whole, and they live in their own table so that no
other update rewrites them.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

_CHUNK = 1024 * 1024


def put_bytes(c: Any, data: bytes, digest: str | None = None) -> tuple[int, str]:
    """Store ``data`` once; returns (blob id, sha256 hex). ``digest``: its hash, if known."""
    digest = digest or hashlib.sha256(data).hexdigest()
    row = c.execute("SELECT id FROM blobs WHERE sha256 = ?", (digest,)).fetchone()
    if row:
        return int(row[0]), digest
    cur = c.execute(
        "INSERT INTO blobs(sha256, size, data) VALUES(?, ?, ?)", (digest, len(data), data)
    )
    return int(cur.lastrowid), digest


def put_file(
    c: Any,
    path: Path,
    check: Callable[[], None] = lambda: None,
) -> tuple[int, str, int]:
    """Stream a file on disk into the case; returns (blob id, sha256 hex, size).

    The file is hashed first and written second: updating the hash afterwards would make
    SQLite rewrite the whole (possibly huge) row, and bytes kept before need no copy.
    """
    size = path.stat().st_size
    h = hashlib.sha256()
    with path.open("rb") as f:
        while block := f.read(_CHUNK):
            h.update(block)
            check()
    digest = h.hexdigest()
    existing = c.execute("SELECT id FROM blobs WHERE sha256 = ?", (digest,)).fetchone()
    if existing:
        return int(existing[0]), digest, size
    cur = c.execute(
        "INSERT INTO blobs(sha256, size, data) VALUES(?, ?, zeroblob(?))", (digest, size, size)
    )
    blob_id = int(cur.lastrowid)
    written = 0
    again = hashlib.sha256()
    blob = c.open_blob("blobs", "data", blob_id, readonly=False)
    try:
        with path.open("rb") as f:
            while written < size and (block := f.read(min(_CHUNK, size - written))):
                again.update(block)
                blob.write(block)
                written += len(block)
                check()
    finally:
        blob.close()
    if written != size or again.hexdigest() != digest:
        # The file changed while it was read: keep nothing rather than a mismatched hash.
        from chatsafe.errors import InputError

        raise InputError("the file changed while it was being imported", file=str(path))
    return blob_id, digest, size


def put_chunks(c: Any, chunks: Iterable[bytes]) -> tuple[int, str, int]:
    """Store bytes that arrive in pieces (small enough to join)."""
    data = b"".join(chunks)
    blob_id, digest = put_bytes(c, data)
    return blob_id, digest, len(data)


def read_blob(c: Any, blob_id: int) -> bytes:
    row = c.execute("SELECT data FROM blobs WHERE id = ?", (blob_id,)).fetchone()
    if row is None:
        raise KeyError(blob_id)
    return bytes(row[0])


def iter_blob(c: Any, blob_id: int, chunk: int = _CHUNK) -> Iterator[bytes]:
    """Stream a stored value out without loading it whole."""
    blob = c.open_blob("blobs", "data", blob_id, readonly=True)
    try:
        while block := blob.read(chunk):
            yield block
    finally:
        blob.close()
