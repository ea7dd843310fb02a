"""WhatsApp for Android's encrypted backups (``msgstore.db.crypt15`` and ``.crypt14``).

Decrypted in memory only: the result is the SQLite image, handed to an in-memory
connection; no decrypted byte is ever written to disk.

The layout, as documented by the public research on these files (read for facts only):

    [1 byte: n = length of the header] [optional 0x01: a feature table follows]
    [n bytes: a protobuf "prefix" header]
    [AES-256-GCM ciphertext of the zlib-compressed database]
    [16 bytes: the GCM tag] [16 bytes: MD5 of everything before it; absent in
    multi-file backups]

The header's field 3 (crypt15) or field 2 (crypt14) is a message whose field 1
respectively field 5 is the 16-byte IV. The AES key:

- crypt15 (end-to-end backup): the 32-byte root key (the 64 hex digits the user wrote
  down, or the ``encrypted_backup.key`` file) through HKDF-SHA256 with a zero salt and
  the info ``"backup encryption"``;
- crypt14: the last 32 of the 131 bytes in the phone's ``key`` file.

Key files are Java-serialised ``byte[]`` objects; a text file with the 64 hex digits is
accepted too.
"""

from __future__ import annotations

import hashlib
import re
import zlib
from collections.abc import Callable
from dataclasses import dataclass

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from chatsafe.errors import InputError
from chatsafe.importers.protobuf import length_delimited

_HEX64 = re.compile(rb"\s*([0-9a-fA-F]{64})\s*")
_JAVA_BYTES = b"\xac\xed\x00\x05\x75\x72"  # stream magic, version, TC_ARRAY, TC_CLASSDESC
_CHUNK = 4 * 1024 * 1024
_PIECE = 1024 * 1024  # plaintext inflated at a time
CRYPT14_KEY_BYTES = 131
_MAX_INFLATE = 16 * 1024**3


@dataclass(frozen=True)
class BackupKey:
    """A key as the user supplied it: the 32-byte crypt15 root key or a crypt14 key file."""

    raw: bytes

    @property
    def kind(self) -> str:
        return "crypt15" if len(self.raw) == 32 else "crypt14"

    def aes_key(self) -> bytes:
        if len(self.raw) == 32:
            return HKDF(
                algorithm=hashes.SHA256(), length=32, salt=None, info=b"backup encryption"
            ).derive(self.raw)
        return self.raw[-32:]


def parse_key(data: bytes, where: str) -> BackupKey:
    """The key from the 64 hex digits or a key file (``key``, ``encrypted_backup.key``)."""
    digits = data.replace(b" ", b"").replace(b"-", b"")
    match = _HEX64.fullmatch(digits)
    if match:
        return BackupKey(bytes.fromhex(match.group(1).decode("ascii")))
    if data.startswith(_JAVA_BYTES):
        # The serialised array ends with TC_ENDBLOCKDATA, TC_NULL (no superclass), then
        # the 4-byte length and the bytes themselves.
        at = data.find(b"\x78\x70", len(_JAVA_BYTES))
        if at > 0 and len(data) >= at + 6:
            length = int.from_bytes(data[at + 2 : at + 6], "big")
            raw = data[at + 6 : at + 6 + length]
            if len(raw) == length and length in (32, CRYPT14_KEY_BYTES):
                return BackupKey(raw)
    raise InputError(
        "not a WhatsApp backup key: give the 64 digits of the end-to-end backup key, or "
        "the key file (encrypted_backup.key or key)",
        file=where,
        key="whatsapp-key",
    )


@dataclass(frozen=True)
class Header:
    kind: str  # "crypt15" or "crypt14"
    iv: bytes
    body_offset: int


def read_header(data: bytes, where: str) -> Header:
    """The prefix header of a crypt14/crypt15 file."""
    if len(data) < 2:
        raise InputError("not a WhatsApp backup: the file is empty or cut short", file=where)
    size = data[0]
    start = 2 if data[1] == 1 else 1
    try:
        fields = length_delimited(data[start : start + size])
        if 3 in fields:
            kind, iv = "crypt15", length_delimited(fields[3]).get(1, b"")
        elif 2 in fields:
            kind, iv = "crypt14", length_delimited(fields[2]).get(5, b"")
        else:
            raise ValueError("no cipher information")
    except ValueError:
        raise InputError(
            "not a WhatsApp crypt14/crypt15 backup (its header cannot be read)", file=where
        ) from None
    if len(iv) != 16 or start + size > len(data):
        raise InputError("not a WhatsApp crypt14/crypt15 backup (no IV)", file=where)
    return Header(kind, iv, start + size)


def decrypt(
    data: bytes,
    key: BackupKey,
    where: str,
    check_cancel: Callable[[], None] = lambda: None,
) -> bytearray:
    """The plaintext (an SQLite image) of a crypt14/crypt15 file, in memory, as the
    bytearray it was inflated into: a copy to bytes held the database twice (issue 12).

    A wrong key fails the GCM tag and is refused with one sentence; so is a damaged file.
    """
    header = read_header(data, where)
    if header.kind != key.kind:
        need = "the 64-digit end-to-end key" if header.kind == "crypt15" else "the 'key' file"
        raise InputError(
            f"this is a {header.kind} backup and needs {need}, not a {key.kind} key",
            file=where,
        )
    body = memoryview(data)[header.body_offset :]
    if len(body) < 33:
        raise InputError("the backup is cut short", file=where)
    # With the MD5 trailer the tag sits 32 bytes from the end; multi-file backups have none.
    if hashlib.md5(memoryview(data)[:-16], usedforsecurity=False).digest() == data[-16:]:
        ciphertext, tag = body[:-32], bytes(body[-32:-16])
    else:
        ciphertext, tag = body[:-16], bytes(body[-16:])
    decryptor = Cipher(algorithms.AES(key.aes_key()), modes.GCM(header.iv, tag)).decryptor()
    inflate = zlib.decompressobj()
    out = bytearray()
    try:
        for at in range(0, len(ciphertext), _CHUNK):
            check_cancel()
            # At most a chunk inflated at a time: a piece that inflates a thousandfold is
            # neither held beside the plaintext nor past the limit before it is checked.
            out += inflate.decompress(decryptor.update(ciphertext[at : at + _CHUNK]), _PIECE)
            while inflate.unconsumed_tail and len(out) <= _MAX_INFLATE:
                out += inflate.decompress(inflate.unconsumed_tail, _PIECE)
            if len(out) > _MAX_INFLATE:
                raise InputError("the backup inflates beyond the size limit", file=where)
        decryptor.finalize()  # checks the tag: a wrong key or a changed byte fails here
        out += inflate.flush()
    except (InvalidTag, zlib.error):  # a wrong key fails the tag, or inflates to garbage
        raise InputError(
            "the key does not open this backup (wrong key, or the file is damaged); "
            "check the 64 digits or the key file",
            file=where,
            key="whatsapp-wrong-key",
        ) from None
    return out


def encrypt_for_tests(plain: bytes, key: BackupKey, iv: bytes, multifile: bool = False) -> bytes:
    """A crypt15/crypt14 file as WhatsApp writes it: for fixtures and the benchmark."""

    def field(number: int, value: bytes) -> bytes:
        return bytes([number << 3 | 2, len(value)]) + value

    inner = field(1, iv) if key.kind == "crypt15" else field(5, iv)
    proto = b"\x08\x01" + field(3 if key.kind == "crypt15" else 2, inner)
    prefix = bytes([len(proto), 1]) + proto
    encryptor = Cipher(algorithms.AES(key.aes_key()), modes.GCM(iv)).encryptor()
    body = encryptor.update(zlib.compress(plain)) + encryptor.finalize()
    out = prefix + body + encryptor.tag
    if not multifile:
        out += hashlib.md5(out, usedforsecurity=False).digest()
    return out
