"""Builds an iPhone backup folder as Finder/iTunes writes it, plain or encrypted.

Encrypted backups get a key bag with low iteration counts (the key bag stores them, so
the importer uses whatever it finds; real backups use 10,000,000 and 10,000)."""

from __future__ import annotations

import hashlib
import os
import plistlib
import sqlite3
import struct
import tempfile
from pathlib import Path

from chatsafe.importers import iphone_keybag
from chatsafe.importers.iphone_backup import WHATSAPP_DOMAIN
from tests.unit import imessage_db, whatsapp_ios_db

PASSWORD = "geheim-wachtwoord-1"


def _tlv(tag: bytes, value: bytes) -> bytes:
    return tag + struct.pack(">I", len(value)) + value


def _int(value: int) -> bytes:
    return struct.pack(">I", value)


def _mbfile(size: int, key_blob: bytes) -> bytes:
    archive = {
        "$version": 100000,
        "$archiver": "NSKeyedArchiver",
        "$top": {"root": plistlib.UID(1)},
        "$objects": [
            "$null",
            {"$class": plistlib.UID(3), "EncryptionKey": plistlib.UID(2), "Size": size,
             "ProtectionClass": 3},
            {"NS.data": key_blob, "$class": plistlib.UID(4)},
            {"$classname": "MBFile", "$classes": ["MBFile", "NSObject"]},
            {"$classname": "NSMutableData", "$classes": ["NSMutableData", "NSData", "NSObject"]},
        ],
    }  # fmt: skip
    return plistlib.dumps(archive, fmt=plistlib.FMT_BINARY)


def _sms_db() -> bytes:
    with tempfile.TemporaryDirectory() as tmp:
        return imessage_db.build(Path(tmp) / "sms.db").read_bytes()


def app_files() -> list[tuple[str, str, bytes]]:
    return [
        (WHATSAPP_DOMAIN, "ChatStorage.sqlite", whatsapp_ios_db.make_db()),
        (WHATSAPP_DOMAIN, "Message/" + whatsapp_ios_db.IMAGE_PATH, whatsapp_ios_db.PNG),
        (WHATSAPP_DOMAIN, "Library/Preferences/x.plist", b"not a chat"),
        ("HomeDomain", "Library/SMS/sms.db", _sms_db()),
        ("MediaDomain", "Library/SMS/Attachments/ab/11/A1/IMG_0001.png", imessage_db.PNG),
        ("HomeDomain", "Library/Notes/notes.sqlite", b"other app, not read"),
    ]


def build(root: Path, password: str | None = None, iterations: tuple[int, int] = (10, 10),
          files: list[tuple[str, str, bytes]] | None = None) -> Path:  # fmt: skip
    """The backup folder; encrypted with ``password`` when one is given."""
    root.mkdir(parents=True)
    files = app_files() if files is None else files
    manifest: dict[str, object] = {"IsEncrypted": password is not None, "Version": "10.0",
                                   "Lockdown": {"DeviceName": "iPhone van de minister"}}  # fmt: skip
    class_keys = {k: os.urandom(32) for k in (1, 2, 3, 4)}
    if password is not None:
        dp_iter, iter_ = iterations
        bag_head = (_tlv(b"VERS", _int(4)) + _tlv(b"TYPE", _int(1)) + _tlv(b"UUID", os.urandom(16))
                    + _tlv(b"HMCK", os.urandom(40)) + _tlv(b"WRAP", _int(0))
                    + _tlv(b"SALT", os.urandom(20)) + _tlv(b"ITER", _int(iter_))
                    + _tlv(b"DPWT", _int(1)) + _tlv(b"DPIC", _int(dp_iter))
                    + _tlv(b"DPSL", os.urandom(20)))  # fmt: skip
        bag = iphone_keybag.parse_keybag(bag_head + _tlv(b"UUID", os.urandom(16))
                                         + _tlv(b"CLAS", _int(1)) + _tlv(b"WRAP", _int(2))
                                         + _tlv(b"WPKY", os.urandom(40)), "x")  # fmt: skip
        kek = iphone_keybag.derive(password, bag)
        body = b""
        for klass, key in class_keys.items():
            body += (_tlv(b"UUID", os.urandom(16)) + _tlv(b"CLAS", _int(klass))
                     + _tlv(b"WRAP", _int(3)) + _tlv(b"KTYP", _int(0))
                     + _tlv(b"WPKY", iphone_keybag.wrap_for_tests(kek, key)))  # fmt: skip
        manifest["BackupKeyBag"] = bag_head + body
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE TABLE Files (fileID TEXT PRIMARY KEY, domain TEXT, relativePath TEXT,"
                 " flags INTEGER, file BLOB)")  # fmt: skip
    conn.execute("CREATE TABLE Properties (key TEXT PRIMARY KEY, value BLOB)")
    conn.execute("INSERT INTO Files VALUES (?, ?, ?, 2, NULL)",
                 (hashlib.sha1(f"{WHATSAPP_DOMAIN}-Message".encode()).hexdigest(),
                  WHATSAPP_DOMAIN, "Message"))  # fmt: skip  (a folder: flags 2)
    for domain, rel, data in files:
        file_id = hashlib.sha1(f"{domain}-{rel}".encode()).hexdigest()
        stored = data
        blob = None
        if password is not None:
            file_key = os.urandom(32)
            key_blob = struct.pack("<I", 3) + iphone_keybag.wrap_for_tests(class_keys[3], file_key)
            stored = iphone_keybag.encrypt_for_tests(file_key, data)
            blob = _mbfile(len(data), key_blob)
        conn.execute("INSERT INTO Files VALUES (?, ?, ?, 1, ?)", (file_id, domain, rel, blob))
        (root / file_id[:2]).mkdir(exist_ok=True)
        (root / file_id[:2] / file_id).write_bytes(stored)
    conn.commit()
    db = conn.serialize()
    conn.close()
    if password is not None:
        manifest_key = os.urandom(32)
        manifest["ManifestKey"] = struct.pack("<I", 4) + iphone_keybag.wrap_for_tests(
            class_keys[4], manifest_key
        )
        db = iphone_keybag.encrypt_for_tests(manifest_key, db)
    (root / "Manifest.db").write_bytes(db)
    (root / "Manifest.plist").write_bytes(plistlib.dumps(manifest, fmt=plistlib.FMT_BINARY))
    (root / "Info.plist").write_bytes(plistlib.dumps({"Device Name": "iPhone"}))
    (root / "Status.plist").write_bytes(plistlib.dumps({"IsFullBackup": False}))
    return root
