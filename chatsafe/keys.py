"""The case key: a random 256-bit key in the OS keyring, or one stretched from a passphrase.

Each case file starts with its own 16-byte UUID, which SQLCipher uses as the salt of the
file; so a case is identified without any plaintext side file, and the keyring entry is
found under that UUID. The key never appears in a file, a log, an argument list or an
error message: it only ever goes into SQLCipher's ``PRAGMA key`` as hex.
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import hashlib
import logging
import os
import secrets
import uuid
from dataclasses import dataclass

import keyring
import keyring.errors

from chatsafe.errors import NoKeyError, SettingsError

log = logging.getLogger("chatsafe.keys")

SERVICE = "chatsafe"
PASSPHRASE_ENV = "CHATSAFE_PASSPHRASE"
MIN_PASSPHRASE = 8
# scrypt cost: n = 2**15 takes ~130 ms here; stronger than the default and still quick to open.
_SCRYPT_N = 2**15
_SCRYPT_R = 8
_SCRYPT_P = 1

# Backends that do not keep secrets: fail (headless Linux) and null (drops writes).
_FAKE_BACKENDS = ("keyring.backends.fail", "keyring.backends.null")


@dataclass(frozen=True)
class CaseKey:
    """A key for one case. ``method`` is "keyring" or "passphrase"."""

    raw: bytes
    method: str

    def __repr__(self) -> str:  # never print the key
        return f"CaseKey(method={self.method!r})"

    def sqlcipher_pragma_value(self, case_id: uuid.UUID) -> str:
        """The raw-key string SQLCipher wants: key and salt as hex, nothing else."""
        return f"x'{self.raw.hex()}{case_id.bytes.hex()}'"


def derive_from_passphrase(passphrase: str, case_id: uuid.UUID) -> CaseKey:
    """Stretch a passphrase with scrypt, salted by the case's UUID."""
    raw = hashlib.scrypt(
        passphrase.encode("utf-8"),
        salt=b"chatsafe-case-v1" + case_id.bytes,
        n=_SCRYPT_N,
        r=_SCRYPT_R,
        p=_SCRYPT_P,
        maxmem=128 * 1024 * 1024,
        dklen=32,
    )
    return CaseKey(raw, "passphrase")


def keyring_available() -> bool:
    """Whether a real keyring backend is in use (not fail/null, not an empty chain)."""
    backend = keyring.get_keyring()
    module = type(backend).__module__
    if module.startswith(_FAKE_BACKENDS):
        return False
    if module.startswith("keyring.backends.chainer"):
        return bool(getattr(backend, "backends", []))
    return True


def store_in_keyring(case_id: uuid.UUID, key: CaseKey) -> bool:
    """Save the key under the case's UUID and read it back. False when that fails."""
    if not keyring_available():
        return False
    value = base64.b64encode(key.raw).decode("ascii")
    backend = keyring.get_keyring()
    if hasattr(backend, "persist"):
        # Windows Credential Manager roams with the profile by default; a case key stays
        # on this laptop.
        with contextlib.suppress(Exception):
            backend.persist = "local machine"
    try:
        keyring.set_password(SERVICE, str(case_id), value)
        ok = keyring.get_password(SERVICE, str(case_id)) == value
    except keyring.errors.KeyringError as exc:
        log.warning("keyring refused the case key: %s", type(exc).__name__)
        return False
    if not ok:
        log.warning("keyring did not keep the case key")
    return ok


def from_keyring(case_id: uuid.UUID) -> CaseKey | None:
    if not keyring_available():
        return None
    try:
        value = keyring.get_password(SERVICE, str(case_id))
    except keyring.errors.KeyringError:
        return None
    if not value:
        return None
    try:
        raw = base64.b64decode(value, validate=True)
    except (binascii.Error, ValueError):
        return None
    return CaseKey(raw, "keyring") if len(raw) == 32 else None


def forget(case_id: uuid.UUID) -> None:
    """Remove the case's key from the keyring (after a passphrase change, say)."""
    try:
        keyring.delete_password(SERVICE, str(case_id))
    except keyring.errors.KeyringError:
        pass


def passphrase_from_env() -> str | None:
    return os.environ.get(PASSPHRASE_ENV) or None


def new_key(case_id: uuid.UUID, passphrase: str | None) -> CaseKey:
    """The key for a new case: from the passphrase if one is given, else random in the keyring."""
    if passphrase is not None:
        if len(passphrase) < MIN_PASSPHRASE:
            raise SettingsError(f"the passphrase must have at least {MIN_PASSPHRASE} characters")
        return derive_from_passphrase(passphrase, case_id)
    key = CaseKey(secrets.token_bytes(32), "keyring")
    if not store_in_keyring(case_id, key):
        raise NoKeyError(
            "no usable keyring on this computer: give a passphrase instead "
            f"(set {PASSPHRASE_ENV} or use --passphrase)"
        )
    return key


def candidate_keys(case_id: uuid.UUID, passphrase: str | None) -> list[CaseKey]:
    """The keys to try when opening a case, in order: keyring, then passphrase."""
    keys: list[CaseKey] = []
    stored = from_keyring(case_id)
    if stored is not None:
        keys.append(stored)
    if passphrase is not None:
        keys.append(derive_from_passphrase(passphrase, case_id))
    return keys
