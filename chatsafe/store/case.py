"""The case file: one SQLCipher database per case, opened with its key first.

A new case is built under a temporary name and renamed only once its schema is
committed, so a crash during creation never leaves a half-made case under the real name.
Every connection keeps temporary data in memory (``temp_store = MEMORY``) so that no
sort or index build spills plaintext to a temporary file.
"""

from __future__ import annotations

import contextlib
import logging
import os
import uuid
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeVar

import sqlcipher3

from chatsafe import __version__, durable, keys
from chatsafe.errors import CaseError, NoKeyError, WrongKeyError
from chatsafe.store.schema import migrate

T = TypeVar("T")
log = logging.getLogger("chatsafe.store")

SUFFIX = ".chatsafe"
_HEADER = 16  # the case UUID, which is also SQLCipher's salt
PAGE_SIZE = 16384


def now_iso() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def read_case_id(path: Path) -> uuid.UUID:
    """The case's UUID: the first 16 bytes of the file (SQLCipher's salt)."""
    try:
        with path.open("rb") as f:
            head = f.read(_HEADER)
    except FileNotFoundError:
        raise CaseError("no such case file", file=str(path)) from None
    except OSError as exc:
        raise CaseError(f"cannot read the case file ({exc.strerror})", file=str(path)) from None
    if len(head) < _HEADER:
        raise CaseError("not a chatsafe case file (too short)", file=str(path))
    return uuid.UUID(bytes=head)


def _connect(path: Path, key: keys.CaseKey, case_id: uuid.UUID) -> Any:
    conn = sqlcipher3.connect(str(path), isolation_level=None, check_same_thread=False)
    # The key must come first on a new connection; a wrong key only shows on first read.
    conn.execute(f'PRAGMA key = "{key.sqlcipher_pragma_value(case_id)}"')
    conn.execute("PRAGMA cipher_log_level = NONE")
    # 16 KiB pages: a quarter of the per-page HMAC and cipher work of the 4 KiB default on
    # bulk imports (measured in bench/import_whatsapp.py). Part of the file format.
    conn.execute(f"PRAGMA cipher_page_size = {PAGE_SIZE}")
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlcipher3.DatabaseError:
        conn.close()
        raise WrongKeyError(
            "cannot unlock the case: wrong key or passphrase, or not a chatsafe case file",
            file=str(path),
        ) from None
    conn.execute("PRAGMA temp_store = MEMORY")
    if conn.execute("PRAGMA temp_store").fetchone()[0] != 2:
        conn.close()
        raise CaseError("this SQLCipher build cannot keep temporary data in memory")
    conn.execute("PRAGMA journal_mode = WAL")
    # FULL: a confirmed decision survives a power cut, not only a crash.
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA busy_timeout = 10000")
    # 64 MiB of page cache: imports update large indexes; fewer spills, fewer re-encryptions.
    conn.execute("PRAGMA cache_size = -65536")
    return conn


class Case:
    """An open case file. Use :func:`create_case` or :func:`open_case`."""

    def __init__(self, path: Path, conn: Any, case_id: uuid.UUID, key: keys.CaseKey) -> None:
        self.path = path
        self.conn = conn
        self.id = case_id
        self.key_method = key.method
        self._key = key

    def __repr__(self) -> str:
        return f"Case({str(self.path)!r}, {self.id})"

    # -- connections --------------------------------------------------------------
    def connect(self) -> Any:
        """Another connection to the same case (for a worker thread or a reader)."""
        return _connect(self.path, self._key, self.id)

    def close(self) -> None:
        if self.conn is not None:
            with contextlib.suppress(sqlcipher3.Error):
                self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            self.conn.close()
            self.conn = None

    def __enter__(self) -> Case:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextlib.contextmanager
    def page_cache(self, mib: int) -> Iterator[None]:
        """The connection's page cache raised to at most ``mib`` MiB for a while, then
        set back (which frees what it held beyond that). Memory only: SQLite fills it
        as it reads, so a case smaller than the cache costs only its own size."""
        old = int(self.conn.execute("PRAGMA cache_size").fetchone()[0])
        self.conn.execute(f"PRAGMA cache_size = -{int(mib) * 1024}")
        try:
            yield
        finally:
            self.conn.execute(f"PRAGMA cache_size = {old}")

    @contextlib.contextmanager
    def transaction(self) -> Iterator[Any]:
        """One atomic unit of work: all of it is committed, or none of it."""
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except sqlcipher3.OperationalError as exc:
            if "locked" in str(exc) or "busy" in str(exc):
                raise CaseError(
                    "the case is busy: another chatsafe is writing to it; try again when it"
                    " has finished",
                    file=str(self.path),
                ) from None
            raise
        try:
            yield self.conn
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")

    # -- meta and settings --------------------------------------------------------
    def meta(self, key: str) -> str | None:
        row = self.conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return None if row is None else str(row[0])

    def get_setting(self, key: str, default: str | None = None) -> str | None:
        row = self.conn.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
        return default if row is None else str(row[0])

    def settings(self) -> dict[str, str]:
        return {str(k): str(v) for k, v in self.conn.execute("SELECT key, value FROM settings")}

    def set_setting(self, key: str, value: str | None) -> None:
        """Set one setting in its own transaction (None removes it)."""
        with self.transaction() as c:
            self.put_setting(c, key, value)

    @staticmethod
    def put_setting(c: Any, key: str, value: str | None) -> None:
        if value is None:
            c.execute("DELETE FROM settings WHERE key = ?", (key,))
        else:
            c.execute(
                "INSERT INTO settings(key, value) VALUES(?, ?) "
                "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                (key, value),
            )

    @property
    def time_zone(self) -> str:
        return self.get_setting("time_zone") or "Europe/Amsterdam"

    @property
    def owner(self) -> str | None:
        return self.get_setting("owner")

    def check_integrity(self) -> list[str]:
        """SQLite's and SQLCipher's own checks; an empty list means all is well."""
        problems = [str(r[0]) for r in self.conn.execute("PRAGMA integrity_check")]
        if problems == ["ok"]:
            problems = []
        problems += [str(r[0]) for r in self.conn.execute("PRAGMA cipher_integrity_check")]
        return problems


def create_case(path: Path, passphrase: str | None = None) -> Case:
    """Make a new, empty case at ``path``. The key goes to the keyring, or comes from
    the passphrase when one is given."""
    path = Path(path)
    tmp, key, case_id = _build(path, passphrase)
    try:
        _publish(tmp, path)
    except BaseException:
        _discard_build(tmp, key, case_id)
        raise
    log.info("created case %s (%s)", case_id, key.method)
    return open_case(path, passphrase=passphrase, _key=key)


def create_case_with(path: Path, fill: Callable[[Case], T], passphrase: str | None = None) -> T:
    """Create a case and give it its first content as one step; returns ``fill``'s result.

    The case is built and filled under a temporary name and appears under ``path`` only
    once ``fill`` has returned and everything is on disk: a refusal, a cancel or a kill
    during a first import never leaves an empty case behind.
    """
    path = Path(path)
    tmp, key, case_id = _build(path, passphrase)
    try:
        case = open_case(tmp, passphrase=passphrase, _key=key)
        try:
            result = fill(case)
            case.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            case.close()
        _publish(tmp, path)
    except BaseException:
        _discard_build(tmp, key, case_id)
        raise
    log.info("created case %s (%s) with its first content", case_id, key.method)
    return result


def _build(path: Path, passphrase: str | None) -> tuple[Path, keys.CaseKey, uuid.UUID]:
    """A new case with its schema under a temporary name next to ``path``."""
    if path.exists():
        raise CaseError("a file with this name exists already", file=str(path))
    path.parent.mkdir(parents=True, exist_ok=True)
    case_id = uuid.uuid4()
    key = keys.new_key(case_id, passphrase)
    # Leftovers of a creation that was killed: encrypted, and of no case anyone can open.
    prefix = f".{path.name}.creating-"
    for leftover in path.parent.glob(prefix + "*"):
        pid = leftover.name[len(prefix) :].split("-", 1)[0]
        if not (pid.isdigit() and durable.process_alive(int(pid))):
            with contextlib.suppress(OSError):  # Windows: still open in a live process
                leftover.unlink(missing_ok=True)
    tmp = path.with_name(f".{path.name}.creating-{os.getpid()}")
    conn = _connect(tmp, key, case_id)
    try:
        migrate(conn)
        conn.execute("BEGIN IMMEDIATE")
        for k, v in (
            ("case_id", str(case_id)),
            ("created_at", now_iso()),
            ("created_by_version", __version__),
            ("key_method", key.method),
        ):
            conn.execute("INSERT INTO meta(key, value) VALUES(?, ?)", (k, v))
        conn.execute("INSERT INTO settings(key, value) VALUES('time_zone', 'Europe/Amsterdam')")
        conn.execute("COMMIT")
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.close()
    except BaseException:
        with contextlib.suppress(Exception):
            conn.close()
        _discard_build(tmp, key, case_id)
        raise
    return tmp, key, case_id


def _publish(tmp: Path, path: Path) -> None:
    durable.fsync_file(tmp)
    for side in (Path(f"{tmp}-wal"), Path(f"{tmp}-shm")):
        side.unlink(missing_ok=True)  # empty after the checkpoint and the close
    durable.replace(tmp, path)
    durable.fsync_dir(path.parent)


def _discard_build(tmp: Path, key: keys.CaseKey, case_id: uuid.UUID) -> None:
    for leftover in (tmp, Path(f"{tmp}-wal"), Path(f"{tmp}-shm")):
        leftover.unlink(missing_ok=True)
    if key.method == "keyring":
        keys.forget(case_id)


def open_case(path: Path, passphrase: str | None = None, _key: keys.CaseKey | None = None) -> Case:
    """Open an existing case: the keyring first, then the passphrase."""
    path = Path(path)
    case_id = read_case_id(path)
    candidates = [_key] if _key else keys.candidate_keys(case_id, passphrase)
    if not candidates:
        raise NoKeyError(
            "this case's key is not in this computer's keyring: give its passphrase "
            f"(set {keys.PASSPHRASE_ENV} or use --passphrase)",
            file=str(path),
        )
    last: WrongKeyError | None = None
    for key in candidates:
        try:
            conn = _connect(path, key, case_id)
        except WrongKeyError as exc:
            last = exc
            continue
        try:
            migrate(conn)
            stored = conn.execute("SELECT value FROM meta WHERE key = 'case_id'").fetchone()
        except sqlcipher3.DatabaseError as exc:
            conn.close()
            raise CaseError(f"the case file is damaged ({exc})", file=str(path)) from None
        if stored is None or stored[0] != str(case_id):
            conn.close()
            raise CaseError("not a chatsafe case file", file=str(path))
        return Case(path, conn, case_id, key)
    assert last is not None
    raise last


def discard_case(case: Case) -> None:
    """Delete a case that was just made and holds nothing (a refused first import)."""
    case.close()
    for leftover in (case.path, Path(f"{case.path}-wal"), Path(f"{case.path}-shm")):
        leftover.unlink(missing_ok=True)
    if case.key_method == "keyring":
        keys.forget(case.id)
