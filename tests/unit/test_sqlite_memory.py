"""An app database read into memory is held once while it is opened, not three or four
times: SQLite copies the image anyway, so chatsafe makes no copy of its own where it can
avoid one (issue 12). Measured with tracemalloc, which sees Python's copies (bytes,
bytearray) and not SQLite's own."""

from __future__ import annotations

import sqlite3
import tracemalloc
import zipfile
from collections.abc import Callable
from pathlib import Path

from chatsafe.importers import whatsapp_crypt
from chatsafe.importers.sqlite_readonly import open_image, open_readonly
from chatsafe.sources import open_source
from tests.unit.whatsapp_android_db import KEY, encrypt_for_tests


def wal_mode_image(rows: int = 100_000) -> bytes:
    """A database of a few MB whose header says WAL mode, as phones write them."""
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE TABLE message (_id INTEGER PRIMARY KEY, text_data TEXT)")
    conn.executemany(
        "INSERT INTO message(text_data) VALUES (?)",
        ((f"kamerbrief concept {i} " * 4,) for i in range(rows)),
    )
    conn.commit()
    image = bytearray(conn.serialize())
    conn.close()
    image[18] = image[19] = 2
    return bytes(image)


def peak(work: Callable[[], sqlite3.Connection]) -> tuple[sqlite3.Connection, int]:
    tracemalloc.start()
    try:
        conn = work()
        _, top = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return conn, top


def test_a_decrypted_backup_is_held_once_while_it_is_opened() -> None:
    plain = wal_mode_image()
    crypt = encrypt_for_tests(plain, KEY, bytes(16))
    conn, top = peak(lambda: open_image(whatsapp_crypt.decrypt(crypt, KEY, "x"), "x"))
    assert conn.execute("SELECT count(*) FROM message").fetchone()[0] == 100_000
    # The plaintext once (and the inflater's slack); the copies to bytes made it 4x.
    assert top < 1.5 * len(plain), (top, len(plain))


def test_a_database_in_a_zip_is_copied_only_to_fix_its_header(tmp_path: Path) -> None:
    plain = wal_mode_image()
    archive = tmp_path / "phone.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_STORED) as zf:
        zf.writestr("Databases/msgstore.db", plain)
    with open_source(archive) as source:
        conn, top = peak(lambda: open_readonly(source, "Databases/msgstore.db"))
    assert conn.execute("SELECT count(*) FROM message").fetchone()[0] == 100_000
    # The member as read, and one copy with the header set to rollback mode; it was 3x.
    assert top < 2.5 * len(plain), (top, len(plain))
