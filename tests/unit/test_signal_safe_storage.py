"""Signal Desktop's safeStorage password from where each OS keeps it: the Linux Secret
Service item Chromium files under application=Signal (a real Secret Service in memory on
a private D-Bus), the macOS Keychain item through keyring (the in-memory backend), and
the Windows AES-256-GCM value whose key DPAPI wraps in 'Local State'."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest
from memory_secret_service import MemorySecretService, secret_service  # noqa: F401
from signal_desktop_db import KEY, build

from chatsafe.errors import InputError
from chatsafe.importers import dpapi, safe_storage_linux, safe_storage_windows
from chatsafe.importers import signal_desktop_crypto as crypto
from chatsafe.importers.base import ImportContext
from chatsafe.importers.signal_desktop import IMPORTER
from chatsafe.sources import open_source
from tests.conftest import MemoryKeyring

CHROMIUM = {"application": "Signal", "xdg:schema": safe_storage_linux.SCHEMA}
AES = bytes(range(32))
NONCE = b"\x07" * 12


def parse_count(path: Path) -> int:
    with open_source(path) as source:
        return sum(len(list(c.messages)) for c in IMPORTER.parse(source, ImportContext()))


def signal_folder(tmp_path: Path, config: dict[str, str], local_state: object = None) -> Path:
    root = build(tmp_path / "Signal")
    (root / "config.json").write_text(json.dumps(config))
    if local_state is not None:
        (root / "Local State").write_text(json.dumps(local_state))
    return root


def refusal(root: Path) -> str:
    with pytest.raises(InputError) as caught:
        parse_count(root)
    text = str(caught.value)
    assert "\n" not in text and "--signal-key" in text
    return text


@pytest.fixture(autouse=True)
def no_desktop_bus(monkeypatch: pytest.MonkeyPatch) -> None:
    """The machine's own session bus is never asked (the fixture below sets its own)."""
    monkeypatch.delenv("DBUS_SESSION_BUS_ADDRESS", raising=False)


# -- Linux: the Secret Service -----------------------------------------------------------


def test_key_from_the_secret_service_item_chromium_files(
    tmp_path: Path,
    secret_service: MemorySecretService,  # noqa: F811
) -> None:
    secret_service.add("Chromium Safe Storage", {"application": "Electron"}, b"not-signals")
    secret_service.add("Chromium Safe Storage", CHROMIUM, b"bG9uZ3JhbmRvbXNlY3JldA==")
    encrypted = crypto.encrypt_key_for_tests(KEY, b"bG9uZ3JhbmRvbXNlY3JldA==", 1, b"v11")
    root = signal_folder(
        tmp_path, {"encryptedKey": encrypted, "safeStorageBackend": "gnome_libsecret"}
    )
    assert parse_count(root) == 11


def test_secret_service_passwords_put_chromiums_schema_first(
    secret_service: MemorySecretService,  # noqa: F811
) -> None:
    secret_service.add("other", {"application": "Signal"}, b"second")
    secret_service.add("Chromium Safe Storage", CHROMIUM, b"first")
    secret_service.add("Chromium Safe Storage", {"application": "signal"}, b"never")
    assert safe_storage_linux.passwords() == ([b"first", b"second"], "")


def test_a_locked_keyring_is_not_unlocked_and_says_so(
    tmp_path: Path,
    secret_service: MemorySecretService,  # noqa: F811
) -> None:
    secret_service.add("Chromium Safe Storage", CHROMIUM, b"locked-secret", locked=True)
    encrypted = crypto.encrypt_key_for_tests(KEY, b"locked-secret", 1, b"v11")
    root = signal_folder(
        tmp_path, {"encryptedKey": encrypted, "safeStorageBackend": "gnome_libsecret"}
    )
    text = refusal(root)
    assert "desktop keyring" in text and "is locked" in text and "locked-secret" not in text


def test_no_item_for_signal_is_named(tmp_path: Path, secret_service: MemorySecretService) -> None:  # noqa: F811
    encrypted = crypto.encrypt_key_for_tests(KEY, b"elsewhere", 1, b"v11")
    root = signal_folder(
        tmp_path, {"encryptedKey": encrypted, "safeStorageBackend": "gnome_libsecret"}
    )
    assert "holds no item for the application 'Signal'" in refusal(root)


def test_no_secret_service_on_this_computer_is_named(tmp_path: Path) -> None:
    encrypted = crypto.encrypt_key_for_tests(KEY, b"elsewhere", 1, b"v11")
    root = signal_folder(
        tmp_path, {"encryptedKey": encrypted, "safeStorageBackend": "gnome_libsecret"}
    )
    assert "no Secret Service (desktop keyring) is reachable" in refusal(root)


def test_kwallet_names_the_folder_and_entry_to_copy(tmp_path: Path) -> None:
    encrypted = crypto.encrypt_key_for_tests(KEY, b"in-kwallet", 1, b"v11")
    root = signal_folder(tmp_path, {"encryptedKey": encrypted, "safeStorageBackend": "kwallet6"})
    assert "KWallet (folder 'Signal Keys', entry 'Signal Safe Storage')" in refusal(root)


# -- macOS: the Keychain item through keyring -------------------------------------------


@pytest.mark.parametrize("account", ["Signal Key", "Signal"])  # current and older Electron
def test_key_from_the_keychain_item(
    tmp_path: Path, memory_keyring: MemoryKeyring, account: str
) -> None:
    memory_keyring.set_password("Signal Safe Storage", account, "keychain-secret")
    encrypted = crypto.encrypt_key_for_tests(KEY, b"keychain-secret", 1003, b"v10")
    assert parse_count(signal_folder(tmp_path, {"encryptedKey": encrypted})) == 11


# -- Windows: AES-256-GCM under a DPAPI-wrapped key ------------------------------------


def test_the_windows_value_decrypts_with_its_known_key() -> None:
    blob = bytes.fromhex(safe_storage_windows.encrypt_key_for_tests(KEY, AES, NONCE))
    assert safe_storage_windows.is_windows_value(blob)
    assert safe_storage_windows.decrypt_key(blob, AES) == KEY
    assert safe_storage_windows.decrypt_key(blob, bytes(32)) is None  # the tag refuses it
    damaged = blob[:20] + bytes([blob[20] ^ 1]) + blob[21:]
    assert safe_storage_windows.decrypt_key(damaged, AES) is None


def test_mac_and_linux_values_are_not_taken_for_windows_ones() -> None:
    for rounds, prefix in ((1003, b"v10"), (1, b"v10"), (1, b"v11")):
        value = bytes.fromhex(crypto.encrypt_key_for_tests(KEY, b"x", rounds, prefix))
        assert not safe_storage_windows.is_windows_value(value)


def test_local_state_gives_the_wrapped_key() -> None:
    state = safe_storage_windows.local_state_for_tests(b"wrapped-blob")
    assert safe_storage_windows.wrapped_key(state) == (b"wrapped-blob", "")
    assert "not a DPAPI value" in safe_storage_windows.wrapped_key(
        {"os_crypt": {"encrypted_key": "djEwYWJj"}})[1]  # fmt: skip
    assert "no os_crypt.encrypted_key" in safe_storage_windows.wrapped_key({"os_crypt": {}})[1]


def test_the_windows_key_opens_once_dpapi_has_unwrapped_it() -> None:
    """Everything but the DPAPI call itself: it is given as the function Windows would be."""
    blob = bytes.fromhex(safe_storage_windows.encrypt_key_for_tests(KEY, AES, NONCE))
    state = safe_storage_windows.local_state_for_tests(b"blob-of-the-minister")
    unwrap = {b"blob-of-the-minister": AES}.__getitem__
    assert safe_storage_windows.key_from_windows(blob, state, unwrap) == (KEY, "")
    found, why = safe_storage_windows.key_from_windows(
        blob, state, {b"blob-of-the-minister": bytes(32)}.__getitem__
    )
    assert found is None and "does not open" in why


@pytest.mark.skipif(sys.platform == "win32", reason="on Windows DPAPI can unwrap the key")
def test_off_windows_the_import_asks_for_the_raw_key_and_says_why(tmp_path: Path) -> None:
    encrypted = safe_storage_windows.encrypt_key_for_tests(KEY, AES, NONCE)
    state = safe_storage_windows.local_state_for_tests(b"blob-of-the-minister")
    text = refusal(signal_folder(tmp_path, {"encryptedKey": encrypted}, state))
    assert "protected by Windows for the minister's own account" in text
    assert "only Windows can unwrap it" in text


def test_a_windows_value_without_local_state_says_which_file_is_missing(tmp_path: Path) -> None:
    encrypted = safe_storage_windows.encrypt_key_for_tests(KEY, AES, NONCE)
    assert "'Local State' next to config.json is missing" in refusal(
        signal_folder(tmp_path, {"encryptedKey": encrypted}))  # fmt: skip


@pytest.mark.skipif(
    sys.platform != "win32", reason="DPAPI (CryptProtectData) exists only on Windows"
)
def test_dpapi_round_trip_on_windows() -> None:
    wrapped = dpapi.protect(AES)
    assert wrapped != AES and dpapi.unprotect(wrapped) == AES
    with pytest.raises(dpapi.DpapiError):
        dpapi.unprotect(b"not a DPAPI blob" + os.urandom(8))


@pytest.mark.skipif(sys.platform == "win32", reason="on Windows DPAPI works")
def test_dpapi_off_windows_raises_its_own_error() -> None:
    with pytest.raises(dpapi.DpapiError, match="only Windows"):
        dpapi.unprotect(b"anything")
