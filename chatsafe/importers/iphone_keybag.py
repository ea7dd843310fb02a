"""The keys of an encrypted iPhone backup (Finder/iTunes), unlocked with its password.

The format is Apple's data protection as documented by the public research
(iphone-dataprotection, and the StackOverflow answer every tool cites):

- ``Manifest.plist`` holds ``BackupKeyBag``: TLV records (4-byte tag, 4-byte big-endian
  length, value). The header gives the salts and iteration counts; each ``UUID`` after
  it starts a class key with ``CLAS`` (its protection class), ``WRAP`` and ``WPKY`` (the
  class key, AES-key-wrapped).
- The password becomes the key-encryption key in two steps (iOS 10.2 and later):
  PBKDF2-HMAC-SHA256 over ``DPSL``/``DPIC`` (10,000,000 rounds on real phones), then
  PBKDF2-HMAC-SHA1 over ``SALT``/``ITER``. Every class key wrapped with it must unwrap
  (RFC 3394 checks its integrity value): a wrong password fails there, before any data.
- A file key is ``4-byte little-endian class || 40-byte wrapped key``; files and the
  ``Manifest.db`` are AES-256-CBC with a zero IV.

Everything stays in memory; nothing decrypted is written anywhere.
"""

from __future__ import annotations

import hashlib
import struct
import threading
from collections.abc import Callable
from dataclasses import dataclass, field

from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from cryptography.hazmat.primitives.keywrap import InvalidUnwrap, aes_key_unwrap, aes_key_wrap

from chatsafe.errors import InputError

WRAP_PASSCODE = 2
_ZERO_IV = b"\x00" * 16
_CHUNK = 4 * 1024 * 1024


class WrongPassword(InputError):
    code = "wrong-password"


@dataclass
class Keybag:
    salt: bytes = b""
    iterations: int = 0
    dp_salt: bytes = b""
    dp_iterations: int = 0
    wrapped: dict[int, tuple[int, bytes]] = field(default_factory=dict)  # class -> (wrap, key)
    keys: dict[int, bytes] = field(default_factory=dict)


def _tlv(data: bytes) -> list[tuple[bytes, bytes]]:
    out = []
    pos = 0
    while pos + 8 <= len(data):
        tag = data[pos : pos + 4]
        (length,) = struct.unpack(">I", data[pos + 4 : pos + 8])
        if pos + 8 + length > len(data):
            raise ValueError("truncated record")
        out.append((tag, data[pos + 8 : pos + 8 + length]))
        pos += 8 + length
    if pos != len(data):
        raise ValueError("trailing bytes")
    return out


def parse_keybag(data: bytes, where: str) -> Keybag:
    bag = Keybag()
    current: dict[bytes, bytes] = {}
    uuids = 0

    def close_class() -> None:
        if b"CLAS" in current and b"WPKY" in current:
            klass = int.from_bytes(current[b"CLAS"], "big")
            wrap = int.from_bytes(current.get(b"WRAP", b"\x00"), "big")
            bag.wrapped[klass] = (wrap, current[b"WPKY"])

    header = {b"SALT": b"", b"ITER": b"", b"DPSL": b"", b"DPIC": b""}
    try:
        for tag, value in _tlv(data):
            if tag == b"UUID":
                # The first UUID is the key bag's own; each later one starts a class key.
                uuids += 1
                if uuids >= 2:
                    close_class()
                    current = {}
            elif uuids >= 2:
                current[tag] = value
            elif tag in header:
                header[tag] = value
        close_class()
    except ValueError:
        raise InputError("the backup's key bag cannot be read", file=where) from None
    bag.salt, bag.dp_salt = header[b"SALT"], header[b"DPSL"]
    bag.iterations = int.from_bytes(header[b"ITER"], "big")
    bag.dp_iterations = int.from_bytes(header[b"DPIC"], "big")
    if not bag.salt or not bag.iterations or not bag.wrapped:
        raise InputError("the backup's key bag is incomplete", file=where)
    return bag


def _derive(password: str, bag: Keybag) -> bytes:
    secret = password.encode("utf-8")
    if bag.dp_salt and bag.dp_iterations:
        secret = hashlib.pbkdf2_hmac("sha256", secret, bag.dp_salt, bag.dp_iterations, 32)
    return hashlib.pbkdf2_hmac("sha1", secret, bag.salt, bag.iterations, 32)


def derive(password: str, bag: Keybag, check_cancel: Callable[[], None] = lambda: None) -> bytes:
    """The key-encryption key: the slow step (10 million PBKDF2 rounds on a real backup).

    hashlib does the rounds in one call that cannot be split or stopped (PBKDF2's output
    is the XOR of every round, and hashlib does not hand out its state). So the call runs
    on a helper thread (hashlib releases the GIL) while this one polls ``check_cancel``:
    a cancel raises at once and abandons the helper. The helper keeps computing for the
    rest of its rounds (CPU only, for up to the half minute it would have taken), then
    drops its result: it writes nothing and touches no case, so nothing is left behind.
    """
    result: list[bytes] = []
    failure: list[BaseException] = []
    done = threading.Event()

    def work() -> None:
        try:
            result.append(_derive(password, bag))
        except BaseException as exc:  # handed to the waiting thread, raised there
            failure.append(exc)
        finally:
            done.set()

    threading.Thread(target=work, name="backup-key-derivation", daemon=True).start()
    while not done.wait(0.1):
        check_cancel()
    if failure:
        raise failure[0]
    return result[0]


def unlock(bag: Keybag, kek: bytes, where: str) -> None:
    for klass, (wrap, wrapped) in bag.wrapped.items():
        if not wrap & WRAP_PASSCODE:
            continue  # wrapped with the device's hardware key: not in a backup's reach
        try:
            bag.keys[klass] = aes_key_unwrap(kek, wrapped)
        except (InvalidUnwrap, ValueError):
            raise WrongPassword(
                "the backup password is wrong (the backup's keys do not unwrap with it)",
                file=where,
            ) from None
    if not bag.keys:
        raise InputError("the backup's key bag holds no key a password can open", file=where)


def unwrap_file_key(bag: Keybag, blob: bytes, where: str) -> bytes:
    if len(blob) < 44:
        raise InputError("a file key in the backup is cut short", file=where)
    klass = struct.unpack("<I", blob[:4])[0]
    key = bag.keys.get(klass)
    if key is None:
        raise InputError(f"no key for protection class {klass} in the backup", file=where)
    try:
        return aes_key_unwrap(key, blob[4:44])
    except (InvalidUnwrap, ValueError):
        raise InputError("a file key in the backup does not unwrap (damaged)",
                         file=where) from None  # fmt: skip


def decrypt(
    key: bytes, data: bytes, size: int | None, where: str,
    check_cancel: Callable[[], None] = lambda: None,
) -> bytes:  # fmt: skip
    """AES-256-CBC with a zero IV; the real size from the manifest, else PKCS#7."""
    if len(data) % 16:
        raise InputError("an encrypted file in the backup is cut short", file=where)
    decryptor = Cipher(algorithms.AES(key), modes.CBC(_ZERO_IV)).decryptor()
    out = bytearray()
    view = memoryview(data)
    for at in range(0, len(data), _CHUNK):
        check_cancel()
        out += decryptor.update(view[at : at + _CHUNK])
    out += decryptor.finalize()
    if size is not None and 0 <= size <= len(out):
        del out[size:]
    elif out and 1 <= out[-1] <= 16 and out.endswith(bytes([out[-1]]) * out[-1]):
        del out[-out[-1] :]
    return bytes(out)


def encrypt_for_tests(key: bytes, data: bytes) -> bytes:
    """PKCS#7-padded AES-256-CBC with a zero IV, as the backup stores files."""
    pad = 16 - len(data) % 16
    encryptor = Cipher(algorithms.AES(key), modes.CBC(_ZERO_IV)).encryptor()
    return encryptor.update(data + bytes([pad]) * pad) + encryptor.finalize()


def wrap_for_tests(kek: bytes, key: bytes) -> bytes:
    return aes_key_wrap(kek, key)
