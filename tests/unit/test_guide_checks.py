"""formats --check on Signal Desktop folders copied from Windows: the key there opens only
with 'Local State' (DPAPI-wrapped AES key) beside config.json, so its absence is said
before the import, not found out during it."""

from __future__ import annotations

import json
from pathlib import Path

from signal_desktop_db import KEY, build

from chatsafe import guide
from chatsafe.importers import safe_storage_windows
from chatsafe.importers import signal_desktop_crypto as crypto


def signal_folder(tmp_path: Path, encrypted: str, local_state: bool) -> Path:
    root = build(tmp_path / "Signal")
    (root / "config.json").write_text(json.dumps({"encryptedKey": encrypted}))
    if local_state:
        state = safe_storage_windows.local_state_for_tests(b"wrapped")
        (root / "Local State").write_text(json.dumps(state))
    return root


def test_a_windows_folder_without_local_state_is_named(tmp_path: Path) -> None:
    value = safe_storage_windows.encrypt_key_for_tests(KEY, bytes(32), b"\x01" * 12)
    (finding,) = guide.check([signal_folder(tmp_path, value, local_state=False)])
    assert finding.ok and finding.format == "signal-desktop"  # the raw key still works
    assert "without its 'Local State' file" in finding.message


def test_with_local_state_or_from_linux_nothing_is_said(tmp_path: Path) -> None:
    value = safe_storage_windows.encrypt_key_for_tests(KEY, bytes(32), b"\x01" * 12)
    (windows,) = guide.check([signal_folder(tmp_path / "w", value, local_state=True)])
    linux_value = crypto.encrypt_key_for_tests(KEY, b"peanuts", 1, b"v10")
    (linux,) = guide.check([signal_folder(tmp_path / "l", linux_value, local_state=False)])
    assert windows.message == guide.READY and linux.message == guide.READY


def test_a_locked_signal_key_asks_for_the_password(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.delenv(guide.SIGNAL_SAFE_STORAGE_ENV, raising=False)
    monkeypatch.delenv("DBUS_SESSION_BUS_ADDRESS", raising=False)
    locked = signal_folder(tmp_path / "a", crypto.encrypt_key_for_tests(KEY, b"mac", 1003), False)
    assert guide.secrets_needed(locked) == ["signal_password"]
    (finding,) = guide.check([locked])
    assert not finding.ok and finding.message == guide.SIGNAL_LOCKED
    monkeypatch.setenv(guide.SIGNAL_SAFE_STORAGE_ENV, "mac")
    assert guide.secrets_needed(locked) == []
    monkeypatch.delenv(guide.SIGNAL_SAFE_STORAGE_ENV)
    linux = signal_folder(tmp_path / "b", crypto.encrypt_key_for_tests(KEY, b"peanuts", 1), False)
    assert guide.secrets_needed(linux) == []  # Linux's fixed secret opens it
    windows = safe_storage_windows.encrypt_key_for_tests(KEY, bytes(32), b"\x01" * 12)
    assert guide.secrets_needed(signal_folder(tmp_path / "c", windows, True)) == []
