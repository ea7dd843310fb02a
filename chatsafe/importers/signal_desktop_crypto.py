"""Signal Desktop's two encryptions at rest: the database key and each attachment.

**The database key.** Newer Signal Desktop versions keep ``encryptedKey`` (hex) in
``config.json`` instead of ``key``: the 64 hex digits protected by Electron's
safeStorage (Chromium's OSCrypt). On macOS and Linux the value is ``v10``/``v11``
followed by AES-128-CBC (IV of 16 spaces) under PBKDF2-HMAC-SHA1(secret, "saltysalt",
1003 rounds on macOS, 1 on Linux, 16 bytes). The secret is the "Signal Safe Storage"
Keychain item on macOS, the Secret Service/KWallet entry on Linux (``v11``), or the
fixed "peanuts" when Linux had no keyring (``v10``). chatsafe tries, in this order, the
password IT support typed, the OS keyring's "Signal Safe Storage" item, and "peanuts",
each with both derivations (the backup may be read on another OS than the one that
wrote it); a result is accepted only when it is 64 or 96 hex digits. The keyring item
is the macOS Keychain's "Signal Safe Storage" (through ``keyring``) and, on Linux, the
Secret Service item Chromium files under ``application`` = "Signal"
(:mod:`safe_storage_linux`). On Windows the value is AES-256-GCM under a key that only
DPAPI on the minister's own account can unwrap (:mod:`safe_storage_windows`); elsewhere
IT support gives the raw key, and the reason says why. Each failure names what was
tried and, from ``safeStorageBackend`` in ``config.json``, where the password lives.

**Attachments.** Version 2 attachments in ``attachments.noindex/`` are
``IV (16) || AES-256-CBC ciphertext || HMAC-SHA256 (32) over IV and ciphertext``, with
the attachment's ``localKey`` (base64 of 64 bytes: AES key, then MAC key) from the
message, trimmed to the plaintext ``size``. The MAC is checked before decrypting.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import re
from typing import Any

import keyring
import keyring.errors
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

from chatsafe.importers import safe_storage_linux, safe_storage_windows

SAFE_STORAGE_EXTRA = "signal_safe_storage"  # ctx.extra: the safeStorage password typed
_HEX_KEY = re.compile(rb"[0-9a-fA-F]{64}|[0-9a-fA-F]{96}")
_ROUNDS = (1003, 1)  # macOS, Linux


class AttachmentError(ValueError):
    """Why an attachment could not be decrypted (a short reason, no content)."""


def _cbc_decrypt(key: bytes, iv: bytes, data: bytes) -> bytes | None:
    if not data or len(data) % 16:
        return None
    decryptor = Cipher(algorithms.AES(key), modes.CBC(iv)).decryptor()
    plain = decryptor.update(data) + decryptor.finalize()
    pad = plain[-1]
    if not 1 <= pad <= 16 or plain[-pad:] != bytes([pad]) * pad:
        return None
    return plain[:-pad]


def decrypt_key(encrypted_hex: str, secret: bytes) -> str | None:
    """The database key from ``encryptedKey`` with one safeStorage secret, or None."""
    try:
        blob = bytes.fromhex(encrypted_hex)
    except ValueError:
        return None
    if blob[:3] not in (b"v10", b"v11"):
        return None
    for rounds in _ROUNDS:
        key = hashlib.pbkdf2_hmac("sha1", secret, b"saltysalt", rounds, 16)
        plain = _cbc_decrypt(key, b" " * 16, blob[3:])
        if plain is not None and _HEX_KEY.fullmatch(plain):
            return plain.decode("ascii")
    return None


def encrypt_key_for_tests(key_hex: str, secret: bytes, rounds: int, prefix: bytes = b"v11") -> str:
    """``encryptedKey`` as Electron's safeStorage writes it (for fixtures)."""
    aes = hashlib.pbkdf2_hmac("sha1", secret, b"saltysalt", rounds, 16)
    data = key_hex.encode("ascii")
    pad = 16 - len(data) % 16
    encryptor = Cipher(algorithms.AES(aes), modes.CBC(b" " * 16)).encryptor()
    return (prefix + encryptor.update(data + bytes([pad]) * pad) + encryptor.finalize()).hex()


# Electron names the Keychain item "<app> Safe Storage"; its account was "<app>" in
# older Electron and is "<app> Key" in current ones (both seen in public sources).
_KEYCHAIN_ACCOUNTS = ("Signal Key", "Signal")


def _keychain_secrets() -> list[bytes]:
    """The "Signal Safe Storage" item of the OS keyring (macOS Keychain), if reachable."""
    found: list[bytes] = []
    for account in _KEYCHAIN_ACCOUNTS:
        try:
            value = keyring.get_password("Signal Safe Storage", account)
        except (keyring.errors.KeyringError, RuntimeError, OSError):
            return found  # no keyring on this machine (headless Linux): the typed password
        if value:
            found.append(value.encode("utf-8"))
    return found


def _where_the_password_lives(config: dict[str, Any], secret_service_why: str) -> str:
    """Where Signal kept its safeStorage password, from ``safeStorageBackend``."""
    backend = config.get("safeStorageBackend")
    if isinstance(backend, str) and backend.startswith("kwallet"):
        return (
            "Signal kept its password in KWallet (folder 'Signal Keys', entry 'Signal Safe "
            "Storage'), which chatsafe does not read: type that password"
        )
    if backend == "gnome_libsecret":
        return f"Signal kept its password in the desktop keyring, and {secret_service_why}"
    return "none of the passwords tried opens it"


def key_from_config(
    config: Any, typed: str | None, local_state: Any = None
) -> tuple[str | None, str]:
    """(the database key or None, why not) from Signal's parsed ``config.json`` (and
    ``Local State``, which holds the Windows key)."""
    if not isinstance(config, dict):
        return None, "config.json is not a JSON object"
    plain = config.get("key")
    if isinstance(plain, str) and _HEX_KEY.fullmatch(plain.encode("ascii", "replace")):
        return plain, ""
    encrypted = config.get("encryptedKey")
    if not isinstance(encrypted, str):
        return None, "config.json holds neither key nor encryptedKey"
    try:
        blob = bytes.fromhex(encrypted)
    except ValueError:
        return None, "encryptedKey in config.json is not hexadecimal"
    if safe_storage_windows.is_windows_value(blob):
        return safe_storage_windows.key_from_windows(blob, local_state)
    secrets = [typed.encode("utf-8")] if typed else []
    secrets += _keychain_secrets()
    from_service, service_why = safe_storage_linux.passwords()
    secrets += from_service
    secrets.append(b"peanuts")  # Linux without a keyring (--password-store=basic)
    for secret in secrets:
        found = decrypt_key(encrypted, secret)
        if found:
            return found, ""
    return None, (
        "the key in config.json is protected by the laptop's keychain and "
        + _where_the_password_lives(config, service_why)
    )


def decrypt_attachment(data: bytes, local_key: str, size: Any) -> bytes:
    """A version 2 attachment's plaintext; AttachmentError says why it cannot be had."""
    try:
        keys = base64.b64decode(local_key, validate=True)
    except (ValueError, TypeError):
        raise AttachmentError("its key is not valid base64") from None
    if len(keys) != 64:
        raise AttachmentError("its key has the wrong length")
    if len(data) < 16 + 16 + 32:
        raise AttachmentError("the file is too short to be an encrypted attachment")
    body, mac = data[:-32], data[-32:]
    if not hmac.compare_digest(hmac.new(keys[32:], body, hashlib.sha256).digest(), mac):
        raise AttachmentError("the file does not match its key (damaged or replaced)")
    plain = _cbc_decrypt(keys[:32], body[:16], body[16:])
    if plain is None:
        raise AttachmentError("the file does not decrypt (damaged)")
    if isinstance(size, int) and 0 <= size <= len(plain):
        plain = plain[:size]
    return plain


def encrypt_attachment_for_tests(plain: bytes, local_key: str, iv: bytes) -> bytes:
    keys = base64.b64decode(local_key)
    pad = 16 - len(plain) % 16
    encryptor = Cipher(algorithms.AES(keys[:32]), modes.CBC(iv)).encryptor()
    body = iv + encryptor.update(plain + bytes([pad]) * pad) + encryptor.finalize()
    return body + hmac.new(keys[32:], body, hashlib.sha256).digest()
