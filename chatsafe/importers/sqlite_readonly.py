"""Open an app's SQLite database without ever changing it or anything next to it.

A database file on disk is opened with ``mode=ro&immutable=1``: SQLite then takes no
locks and creates no ``-wal``/``-shm``/journal files, so the source keeps its SHA-256.
A database inside a zip is read into an in-memory connection with ``deserialize``;
it is never written to disk. Every connection keeps temporary data in memory
(``temp_store = MEMORY``): a sort must never spill message text to a temp file.

Apps keep live databases in WAL mode, and a copy taken while the app runs (Messages on
a Mac always runs) has its newest messages only in ``<db>-wal``. ``immutable`` ignores
that file, so when a non-empty WAL sits next to the database, both are read into
memory and the WAL's committed frames are applied there (the format is public:
https://www.sqlite.org/fileformat2.html#walformat). Nothing is lost, nothing written.
"""

from __future__ import annotations

import sqlite3
import struct
from pathlib import Path
from urllib.request import pathname2url

from chatsafe.errors import InputError
from chatsafe.sources import Source

SQLITE_MAGIC = b"SQLite format 3\x00"
_WAL_MAGIC = (0x377F0682, 0x377F0683)
# What reading a damaged database can raise: SQLite's errors, and Python's own when a
# damaged page yields bytes that are not UTF-8 or numbers out of range.
DB_ERRORS = (sqlite3.Error, UnicodeError, ValueError, OverflowError)


def describe(exc: BaseException) -> str:
    """Why a database could not be read, without quoting its content.

    SQLite's messages can quote the row they choke on ("Could not decode to UTF-8
    column 'text' with text '…'"), and error messages must never hold chat text.
    """
    if isinstance(exc, UnicodeError) or "UTF-8" in str(exc):
        return "it holds text that is not valid UTF-8"
    name = getattr(exc, "sqlite_errorname", None)
    if name == "SQLITE_CORRUPT" or "malformed" in str(exc):
        return "the database is damaged (truncated or corrupt)"
    if name == "SQLITE_NOTADB":
        return "the file is not a database"
    return f"the database cannot be read ({name or type(exc).__name__})"


def head(source: Source, name: str, size: int = 100) -> bytes:
    """The first bytes of a member, without reading a whole file from disk."""
    if source.kind in ("file", "dir"):
        path = source.path if source.kind == "file" else source.path / name
        try:
            with path.open("rb") as f:
                return f.read(size)
        except OSError:
            return b""
    return next(iter(source.chunks(name)), b"")[:size]


def _disk_path(source: Source, name: str) -> Path | None:
    if source.kind == "file":
        return source.path
    if source.kind == "dir":
        return source.path / name
    return None


def _wal_checksum(data: bytes, s0: int, s1: int, big_endian: bool) -> tuple[int, int]:
    words = struct.unpack((">" if big_endian else "<") + f"{len(data) // 4}I", data)
    for i in range(0, len(words), 2):
        s0 = (s0 + words[i] + s1) & 0xFFFFFFFF
        s1 = (s1 + words[i + 1] + s0) & 0xFFFFFFFF
    return s0, s1


def apply_wal(db: bytes, wal: bytes) -> bytes | bytearray:
    """The database image with the WAL's committed, checksum-valid frames applied."""
    if len(wal) < 32:
        return db
    magic, _version, page_size, _seq, salt1, salt2, c0, c1 = struct.unpack(">8I", wal[:32])
    if magic not in _WAL_MAGIC or page_size < 512 or page_size & (page_size - 1):
        return db
    big = magic & 1 == 1
    s0, s1 = _wal_checksum(wal[:24], 0, 0, big)
    if (s0, s1) != (c0, c1):
        return db
    image = bytearray(db)
    pending: list[tuple[int, bytes]] = []
    frame = 24 + page_size
    offset = 32
    while offset + frame <= len(wal):
        page_no, db_pages, f_salt1, f_salt2, f0, f1 = struct.unpack(
            ">6I", wal[offset : offset + 24]
        )
        if (f_salt1, f_salt2) != (salt1, salt2):
            break
        page = wal[offset + 24 : offset + frame]
        s0, s1 = _wal_checksum(wal[offset : offset + 8], s0, s1, big)
        s0, s1 = _wal_checksum(page, s0, s1, big)
        if (s0, s1) != (f0, f1):
            break
        pending.append((page_no, page))
        if db_pages:  # a commit frame: everything up to here is durable
            size = db_pages * page_size
            if len(image) < size:
                image.extend(b"\x00" * (size - len(image)))
            for number, data in pending:
                start = (number - 1) * page_size
                image[start : start + page_size] = data
            del image[size:]
            pending = []
        offset += frame
    return image  # not copied to bytes: the image is held once (issue 12)


def _memory(data: bytes | bytearray, where: str) -> sqlite3.Connection:
    """An in-memory connection to a database image. SQLite copies the image, so no other
    copy is made here: a bytearray (a decrypted backup, a WAL applied) has its header
    changed in place, and bytes are copied only when the header must change (issue 12:
    two more copies made a decrypted msgstore.db held four times at once)."""
    if not data.startswith(SQLITE_MAGIC):
        raise InputError("not an SQLite database", file=where)
    image = data
    # A WAL-mode header would make SQLite look for a WAL file; in memory there is none.
    if len(image) > 19 and image[18] == 2:
        image = data if isinstance(data, bytearray) else bytearray(data)
        image[18] = image[19] = 1
    conn = sqlite3.connect(":memory:")
    try:
        conn.deserialize(image)
    except DB_ERRORS as exc:
        conn.close()
        raise InputError(describe(exc), file=where) from None
    return conn


def open_readonly(source: Source, name: str) -> sqlite3.Connection:
    """A read-only connection to the SQLite database ``name`` in ``source``."""
    where = source.where(name)
    wal_name = name + "-wal"
    path = _disk_path(source, name)
    wal: bytes = b""
    if path is not None and source.kind == "file":
        wal_path = path.with_name(path.name + "-wal")
        if wal_path.is_file() and not wal_path.is_symlink() and wal_path.stat().st_size > 0:
            wal = wal_path.read_bytes()
    elif wal_name in source.names() and source.size(wal_name) > 0:
        wal = source.read(wal_name)
    if path is not None:
        source.mark_read(name)  # keep the database among the import's originals
        if wal and source.kind == "dir":
            source.mark_read(wal_name)
    if path is not None and not wal:
        if head(source, name, 16) != SQLITE_MAGIC:
            raise InputError("not an SQLite database", file=where)
        uri = f"file:{pathname2url(str(path.resolve()))}?mode=ro&immutable=1"
        try:
            conn = sqlite3.connect(uri, uri=True)
        except DB_ERRORS as exc:
            raise InputError(describe(exc), file=where) from None
    else:
        data = path.read_bytes() if path is not None else source.read(name)
        image = apply_wal(data, wal) if wal else data
        del data, wal  # with a WAL applied, only the image is needed
        conn = _memory(image, where)
        del image
    return _checked(conn, where)


def _checked(conn: sqlite3.Connection, where: str) -> sqlite3.Connection:
    try:
        # A sort over a source must not spill rows into a temporary file (PITFALLS).
        conn.execute("PRAGMA temp_store = MEMORY")
        conn.execute("PRAGMA query_only = ON")
        # The standard module's default lets a sort spill to an unencrypted etilqs_* temp
        # file, which held message text in a test here: keep temporary data in memory.
        conn.execute("PRAGMA temp_store = MEMORY")
        memory = conn.execute("PRAGMA temp_store").fetchone()[0] == 2
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except DB_ERRORS as exc:
        conn.close()
        raise InputError(describe(exc), file=where) from None
    if not memory:
        conn.close()
        raise InputError("cannot keep temporary data in memory", file=where)
    return conn


def open_image(data: bytes | bytearray, where: str) -> sqlite3.Connection:
    """A read-only in-memory connection to a database image (decrypted in memory); a
    bytearray's header may be changed in place (see ``_memory``)."""
    return _checked(_memory(data, where), where)


def tables(conn: sqlite3.Connection) -> set[str]:
    return {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}


def columns(conn: sqlite3.Connection, table: str) -> set[str]:
    return {row[1] for row in conn.execute(f'PRAGMA table_info("{table}")')}
