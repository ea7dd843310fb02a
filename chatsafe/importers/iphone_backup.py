"""An iPhone backup made by Finder or iTunes, encrypted or not.

A backup folder holds ``Manifest.plist`` (is it encrypted, and its key bag),
``Manifest.db`` (table ``Files``: ``fileID``, ``domain``, ``relativePath``, ``flags``,
and ``file``, an archived ``MBFile`` with each file's size and key) and every file
under ``<first two hex digits>/<fileID>``, where the fileID is the SHA-1 of
``domain-relativePath``.

This importer opens the backup (unlocking it with the password when it is encrypted,
:mod:`iphone_keybag`), then hands each app's files to that app's importer through a
read-only :class:`BackupView` that decrypts each file in memory when it is read:

- WhatsApp: ``ChatStorage.sqlite`` and ``Message/Media/`` in the app group domain
  (:mod:`whatsapp_ios`);
- Messages (iMessage and SMS): ``Library/SMS/sms.db`` in ``HomeDomain`` with the
  attachments from ``MediaDomain`` (:mod:`imessage`).

No decrypted file touches the disk: the Manifest.db is decrypted into an in-memory
SQLite connection and app databases are read the same way. The encrypted files that
were read are kept as the import's originals. ``iphone-backup-decrypt`` (MIT) was not
used because it writes a decrypted copy of Manifest.db to a temporary file.
"""

from __future__ import annotations

import plistlib
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from chatsafe.domain import ParsedConversation
from chatsafe.errors import InputError
from chatsafe.importers import imessage, iphone_keybag, whatsapp_ios
from chatsafe.importers.base import ImportContext
from chatsafe.importers.sqlite_readonly import DB_ERRORS, describe, open_image
from chatsafe.sources import Source

NAME = "iphone-backup"
PASSWORD_EXTRA = "backup_password"  # ctx.extra: the backup password, in memory only
WHATSAPP_DOMAIN = "AppDomainGroup-group.net.whatsapp.WhatsApp.shared"
# (domain, relative path prefix) per app: what its importer is shown of the backup.
APPS: dict[str, tuple[tuple[str, str], ...]] = {
    "whatsapp": ((WHATSAPP_DOMAIN, ""),),
    "messages": (("HomeDomain", "Library/SMS/"), ("MediaDomain", "Library/SMS/")),
}
_APP_DB = {"whatsapp": whatsapp_ios.DB_NAME, "messages": "Library/SMS/sms.db"}


def is_backup(source: Source) -> bool:
    names = set(source.names()) if source.kind == "dir" else set()
    return "Manifest.plist" in names and ("Manifest.db" in names or "Manifest.mbdb" in names)


def is_encrypted(folder: Path) -> bool:
    """Whether the backup in ``folder`` asks for a password (for the CLI's prompt)."""
    try:
        with (folder / "Manifest.plist").open("rb") as f:
            return bool(plistlib.load(f).get("IsEncrypted"))
    except (OSError, plistlib.InvalidFileException, ValueError, AttributeError):
        return False


class Backup:
    """An opened backup: its manifest in memory, and the keys when it is encrypted."""

    def __init__(self, source: Source, ctx: ImportContext) -> None:
        self.source = source
        self.ctx = ctx
        where = source.where("Manifest.plist")
        if "Manifest.db" not in source.names():
            raise InputError("a backup from before iOS 10 (Manifest.mbdb) is not supported",
                             file=source.display)  # fmt: skip
        try:
            manifest = plistlib.loads(source.read("Manifest.plist"))
        except (plistlib.InvalidFileException, ValueError):
            raise InputError("Manifest.plist cannot be read", file=where) from None
        if not isinstance(manifest, dict):
            raise InputError("Manifest.plist is not a dictionary", file=where)
        self.encrypted = bool(manifest.get("IsEncrypted"))
        self.bag: iphone_keybag.Keybag | None = None
        data = source.read("Manifest.db")
        if self.encrypted:
            self.bag = self._unlock(manifest, where)
            manifest_key = manifest.get("ManifestKey")
            if not isinstance(manifest_key, bytes):
                raise InputError("the encrypted backup has no ManifestKey", file=where)
            key = iphone_keybag.unwrap_file_key(self.bag, manifest_key, where)
            data = iphone_keybag.decrypt(key, data, None, source.where("Manifest.db"),
                                         ctx.check_cancel)  # fmt: skip
        self.manifest = open_image(data, source.where("Manifest.db"))
        self._names = set(source.names())

    def _unlock(self, manifest: dict[str, Any], where: str) -> iphone_keybag.Keybag:
        password = self.ctx.extra.get(PASSWORD_EXTRA)
        if not password:
            raise InputError(
                "this iPhone backup is encrypted: give its backup password "
                "(CHATSAFE_BACKUP_PASSWORD, or the prompt)",
                file=self.source.display,
            )
        blob = manifest.get("BackupKeyBag")
        if not isinstance(blob, bytes):
            raise InputError("the encrypted backup has no key bag", file=where)
        bag = iphone_keybag.parse_keybag(blob, where)
        self.ctx.progress(0, 1)  # the slow step: the GUI shows "unlocking" until it is done
        kek = iphone_keybag.derive(password, bag, self.ctx.check_cancel)  # cancellable
        iphone_keybag.unlock(bag, kek, self.source.display)
        self.ctx.check_cancel()
        return bag

    def files(self, domain: str, prefix: str) -> dict[str, tuple[str, bytes | None]]:
        """relativePath -> (fileID, MBFile) for the regular files under ``prefix``."""
        out: dict[str, tuple[str, bytes | None]] = {}
        try:
            for file_id, rel, blob in self.manifest.execute(
                "SELECT fileID, relativePath, file FROM Files WHERE domain = ? AND flags = 1"
                " AND substr(relativePath, 1, ?) = ? ORDER BY relativePath",
                (domain, len(prefix), prefix),
            ):
                out[str(rel)] = (str(file_id), blob if isinstance(blob, bytes) else None)
        except DB_ERRORS as exc:
            raise InputError(describe(exc), file=self.source.where("Manifest.db")) from None
        return out

    def read(self, file_id: str, mbfile: bytes | None, where: str) -> bytes:
        name = f"{file_id[:2]}/{file_id}"
        if name not in self._names:
            raise InputError("the backup lists this file but does not hold it", file=where)
        data = self.source.read(name)
        if self.bag is None:
            return data
        size, key_blob = _mbfile(mbfile, where)
        key = iphone_keybag.unwrap_file_key(self.bag, key_blob, where)
        return iphone_keybag.decrypt(key, data, size, where, self.ctx.check_cancel)

    def close(self) -> None:
        self.manifest.close()


def _mbfile(blob: bytes | None, where: str) -> tuple[int | None, bytes]:
    """(size, wrapped key) from a file's archived MBFile (an NSKeyedArchiver plist)."""
    try:
        archive = plistlib.loads(blob or b"")
        objects = archive["$objects"]
        root = objects[archive["$top"]["root"].data]
        key = root["EncryptionKey"]
        key = objects[key.data] if isinstance(key, plistlib.UID) else key
        if isinstance(key, dict):
            key = key["NS.data"]
        size = root.get("Size")
    except (plistlib.InvalidFileException, ValueError, KeyError, IndexError, TypeError,
            AttributeError):  # fmt: skip
        raise InputError("the backup's record of this file cannot be read", file=where) from None
    if not isinstance(key, bytes):
        raise InputError("the backup's record of this file has no key", file=where)
    return (size if isinstance(size, int) else None), key


class BackupView(Source):
    """One app's files in a backup, by their path inside the app; decrypted on read."""

    kind = "backup"

    def __init__(self, backup: Backup, app: str) -> None:
        super().__init__(backup.source.path)
        self.backup = backup
        self.display = backup.source.display
        self._files: dict[str, tuple[str, str, bytes | None]] = {}
        for domain, prefix in APPS[app]:
            for rel, (file_id, blob) in backup.files(domain, prefix).items():
                self._files.setdefault(rel, (domain, file_id, blob))

    def names(self) -> list[str]:
        return list(self._files)

    def size(self, name: str) -> int:
        domain, file_id, _ = self._files[name]
        return self.backup.source.size(f"{file_id[:2]}/{file_id}")

    def read(self, name: str) -> bytes:
        entry = self._files.get(name)
        if entry is None:
            raise InputError("no such file in the backup", file=self.display, entry=name)
        _domain, file_id, blob = entry
        return self.backup.read(file_id, blob, self.where(name))

    def where(self, name: str) -> str:
        domain = self._files[name][0] if name in self._files else "?"
        return f"{self.display}!{domain}/{name}"

    def originals(self) -> list[tuple[str, Path | None]]:
        return []  # the backup's own source keeps the (encrypted) files that were read


class IphoneBackupImporter:
    name = NAME
    label = "iPhone backup (Finder/iTunes, encrypted or not)"
    description = (
        "an iPhone backup folder (Manifest.plist, Manifest.db): WhatsApp and Messages "
        "(iMessage, SMS); an encrypted backup needs its backup password"
    )

    def sniff(self, source: Source) -> int:
        return 95 if is_backup(source) else 0

    def parse(self, source: Source, ctx: ImportContext) -> Iterator[ParsedConversation]:
        if not is_backup(source):
            raise InputError("not an iPhone backup folder", file=source.display)
        backup = Backup(source, ctx)
        try:
            found = False
            for app, importer in (("whatsapp", whatsapp_ios.IMPORTER),
                                  ("messages", imessage.IMPORTER)):  # fmt: skip
                view = BackupView(backup, app)
                if _APP_DB[app] not in view.names():
                    continue
                found = True
                yield from importer.parse(view, ctx)
            if not found:
                raise InputError(
                    "the backup holds neither WhatsApp (ChatStorage.sqlite) nor Messages (sms.db)",
                    file=source.display,
                )
        except sqlite3.Error as exc:
            raise InputError(describe(exc), file=source.display) from None
        finally:
            backup.close()


IMPORTER = IphoneBackupImporter()
