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


def test_with_local_state_or_from_a_mac_nothing_is_said(tmp_path: Path) -> None:
    value = safe_storage_windows.encrypt_key_for_tests(KEY, bytes(32), b"\x01" * 12)
    (windows,) = guide.check([signal_folder(tmp_path / "w", value, local_state=True)])
    mac_value = crypto.encrypt_key_for_tests(KEY, b"keychain", 1003, b"v10")
    (mac,) = guide.check([signal_folder(tmp_path / "m", mac_value, local_state=False)])
    assert windows.message == guide.READY and mac.message == guide.READY
