"""The files of a phone's WhatsApp folder before any message is read: which database
is the current one, its key, decrypting it in memory, and the names in ``wa.db``.
Reading the messages is :mod:`chatsafe.importers.whatsapp_android`'s job."""

from __future__ import annotations

import sqlite3
from pathlib import PurePosixPath

from chatsafe.errors import InputError
from chatsafe.importers import whatsapp_crypt
from chatsafe.importers.base import ImportContext
from chatsafe.importers.sqlite_readonly import (
    DB_ERRORS,
    columns,
    describe,
    open_image,
    open_readonly,
    tables,
)
from chatsafe.sources import Source

KEY_EXTRA = "whatsapp_key"  # ctx.extra: the key as hex (64 digits or a crypt14 key file)
_KEY_FILES = ("encrypted_backup.key", "key")


def db_names(source: Source) -> list[str]:
    """Candidate databases, the current one first, then dated backups newest first."""
    found = [
        n for n in source.names()
        if PurePosixPath(n).name.startswith("msgstore")
        and (n.endswith((".crypt14", ".crypt15")) or PurePosixPath(n).name == "msgstore.db")
    ]  # fmt: skip

    current = sorted(n for n in found if PurePosixPath(n).name.startswith("msgstore.db"))
    dated = sorted(
        (n for n in found if n not in current), key=lambda n: PurePosixPath(n).name, reverse=True
    )
    return current + dated


def backup_key(source: Source, ctx: ImportContext, where: str) -> whatsapp_crypt.BackupKey:
    """The key the user gave (hex in ``ctx.extra``), else a key file beside the backup."""
    given = ctx.extra.get(KEY_EXTRA)
    if given:
        try:
            raw = bytes.fromhex(given)
        except ValueError:
            raise InputError("the WhatsApp key must be hexadecimal digits",
                             file=where) from None  # fmt: skip
        return whatsapp_crypt.BackupKey(raw)
    for name in source.names():
        if PurePosixPath(name).name in _KEY_FILES and source.size(name) < 4096:
            return whatsapp_crypt.parse_key(source.read(name), source.where(name))
    raise InputError(
        "this WhatsApp backup is encrypted: give the 64-digit end-to-end backup key "
        "(CHATSAFE_WHATSAPP_KEY or --whatsapp-key FILE), or put the key file next to it",
        file=where,
    )


def open_database(source: Source, name: str, ctx: ImportContext) -> sqlite3.Connection:
    """``name`` read-only, or decrypted in memory when it is a crypt14/crypt15 backup."""
    where = source.where(name)
    if not name.endswith(("crypt14", "crypt15")):
        return open_readonly(source, name)
    key = backup_key(source, ctx, where)
    if source.size(name) > 8 * 1024**3:
        raise InputError("the backup is too large to decrypt in memory", file=where)
    plain = whatsapp_crypt.decrypt(source.read(name), key, where, ctx.check_cancel)
    return open_image(plain, where)


def contact_names(source: Source) -> dict[str, str]:
    """Names by jid from ``wa.db`` (rooted phones and forensic extractions only)."""
    found = [n for n in source.names() if PurePosixPath(n).name == "wa.db"]
    if not found:
        return {}
    conn = open_readonly(source, found[0])
    try:
        if "wa_contacts" not in tables(conn):
            return {}
        have = columns(conn, "wa_contacts")
        name_cols = [c for c in ("display_name", "wa_name") if c in have]
        if "jid" not in have or not name_cols:
            return {}
        pick = "COALESCE(" + ", ".join(f"NULLIF({c}, '')" for c in name_cols) + ")"
        return {
            str(jid): str(shown)
            for jid, shown in conn.execute(f"SELECT jid, {pick} FROM wa_contacts")  # noqa: S608
            if jid and shown
        }
    except DB_ERRORS as exc:
        raise InputError(describe(exc), file=source.where(found[0])) from None
    finally:
        conn.close()
