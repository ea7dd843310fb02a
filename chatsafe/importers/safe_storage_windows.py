"""Signal Desktop's ``encryptedKey`` as Electron's safeStorage writes it on Windows.

Chromium's OSCrypt on Windows (``os_crypt_win.cc``) encrypts with AES-256-GCM: the value
is ``v10`` || a 12-byte nonce || ciphertext || the 16-byte tag, with no associated data.
The AES key is random; ``Local State`` (a JSON file in the same folder as
``config.json``) keeps it under ``os_crypt.encrypted_key`` as base64 of ``DPAPI`` ||
a DPAPI blob that only the minister's own Windows account can unwrap. (Chrome's newer
"app-bound" ``v20`` values are Chrome's alone; Electron does not write them.)

So off Windows, or under another account, the key cannot be had from these files, and
the reason says so: IT support runs chatsafe on the minister's laptop under the
minister's account, or gives the raw key.
"""

from __future__ import annotations

import base64
import re
from collections.abc import Callable
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from chatsafe.importers import dpapi

PREFIX = b"v10"
DPAPI_PREFIX = b"DPAPI"
_NONCE, _TAG = 12, 16
_HEX_KEY = re.compile(rb"[0-9a-fA-F]{64}|[0-9a-fA-F]{96}")


def is_windows_value(blob: bytes) -> bool:
    """Whether an ``encryptedKey`` has the shape of the GCM value (a hex key inside).

    macOS and Linux values are CBC, a multiple of 16 bytes after the prefix; a GCM
    value around 64 or 96 hex digits is 28 bytes longer than them, never a multiple."""
    return blob[:3] == PREFIX and len(blob) - 3 - _NONCE - _TAG in (64, 96)


def wrapped_key(local_state: Any) -> tuple[bytes | None, str]:
    """(the DPAPI blob from a parsed ``Local State``, why not)."""
    if local_state is None:
        return None, "the file 'Local State' next to config.json is missing"
    os_crypt = local_state.get("os_crypt") if isinstance(local_state, dict) else None
    value = os_crypt.get("encrypted_key") if isinstance(os_crypt, dict) else None
    if not isinstance(value, str):
        return None, "'Local State' holds no os_crypt.encrypted_key"
    try:
        blob = base64.b64decode(value, validate=True)
    except ValueError:
        return None, "os_crypt.encrypted_key in 'Local State' is not base64"
    if not blob.startswith(DPAPI_PREFIX):
        return None, "os_crypt.encrypted_key in 'Local State' is not a DPAPI value"
    return blob[len(DPAPI_PREFIX) :], ""


def decrypt_key(blob: bytes, aes_key: bytes) -> str | None:
    """The database key from a ``v10`` GCM value and the unwrapped AES key, or None."""
    if not is_windows_value(blob) or len(aes_key) != 32:
        return None
    try:
        plain = AESGCM(aes_key).decrypt(blob[3 : 3 + _NONCE], blob[3 + _NONCE :], None)
    except InvalidTag:
        return None
    return plain.decode("ascii") if _HEX_KEY.fullmatch(plain) else None


def key_from_windows(
    blob: bytes, local_state: Any, unprotect: Callable[[bytes], bytes] = dpapi.unprotect
) -> tuple[str | None, str]:
    """(the database key or None, why not) for a Windows ``encryptedKey``."""
    wrapped, why = wrapped_key(local_state)
    if wrapped is None:
        return None, f"the key in config.json was protected by Windows and {why}"
    try:
        aes_key = unprotect(wrapped)
    except dpapi.DpapiError as error:
        return None, (
            f"the key in config.json is protected by Windows for the minister's own account "
            f"and {error}: run chatsafe on the minister's laptop under that account"
        )
    found = decrypt_key(blob, aes_key)
    if found is None:
        return None, "the key in 'Local State' does not open the key in config.json"
    return found, ""


def encrypt_key_for_tests(key_hex: str, aes_key: bytes, nonce: bytes) -> str:
    """``encryptedKey`` as Electron writes it on Windows (for fixtures)."""
    return (PREFIX + nonce + AESGCM(aes_key).encrypt(nonce, key_hex.encode("ascii"), None)).hex()


def local_state_for_tests(wrapped: bytes) -> dict[str, Any]:
    """A ``Local State`` holding a DPAPI blob (for fixtures)."""
    return {"os_crypt": {"encrypted_key": base64.b64encode(DPAPI_PREFIX + wrapped).decode()}}
