"""Signal Desktop as installed today: encryptedKey in config.json, unlocked with the
safeStorage secret (typed, the OS keyring's item, or Linux's fixed one), and version 2
attachments decrypted with their localKey; failures are precise and one line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from signal_desktop_db import KEY, LOCAL_KEY, PNG, build

from chatsafe.errors import InputError
from chatsafe.importers import signal_desktop_crypto as crypto
from chatsafe.importers.base import ImportContext
from chatsafe.importers.signal_desktop import IMPORTER
from chatsafe.sources import open_source
from tests.conftest import MemoryKeyring


def parse_count(path: Path, typed: str | None = None) -> int:
    ctx = ImportContext(extra={crypto.SAFE_STORAGE_EXTRA: typed} if typed else {})
    with open_source(path) as source:
        return sum(len(list(c.messages)) for c in IMPORTER.parse(source, ctx))


def with_config(tmp_path: Path, config: dict[str, str]) -> Path:
    root = build(tmp_path / "Signal")
    (root / "config.json").write_text(json.dumps(config))
    return root


@pytest.mark.parametrize("rounds", [1, 1003])  # Linux, macOS
def test_encrypted_key_with_the_typed_password(tmp_path: Path, rounds: int) -> None:
    encrypted = crypto.encrypt_key_for_tests(KEY, b"typed-secret", rounds)
    root = with_config(tmp_path, {"encryptedKey": encrypted})
    assert parse_count(root, "typed-secret") == 11


def test_encrypted_key_from_the_os_keyring(tmp_path: Path, memory_keyring: MemoryKeyring) -> None:
    memory_keyring.set_password("Signal Safe Storage", "Signal Key", "keychain-secret")
    root = with_config(tmp_path, {"encryptedKey": crypto.encrypt_key_for_tests(
        KEY, b"keychain-secret", 1003, b"v10")})  # fmt: skip
    assert parse_count(root) == 11


def test_encrypted_key_of_linux_without_a_keyring(tmp_path: Path) -> None:
    root = with_config(tmp_path, {"encryptedKey": crypto.encrypt_key_for_tests(
        KEY, b"peanuts", 1, b"v10")})  # fmt: skip
    assert parse_count(root) == 11


def test_plain_key_in_config(tmp_path: Path) -> None:
    assert parse_count(with_config(tmp_path, {"key": KEY})) == 11


def test_a_wrong_password_is_one_line_naming_what_to_do(tmp_path: Path) -> None:
    encrypted = crypto.encrypt_key_for_tests(KEY, b"typed-secret", 1)
    root = with_config(tmp_path, {"encryptedKey": encrypted})
    with pytest.raises(InputError) as caught:
        parse_count(root, "Verkeerd-7731")
    text = str(caught.value)
    assert "\n" not in text and "--signal-key" in text and "keychain" in text
    assert "Verkeerd-7731" not in text and "typed-secret" not in text


@pytest.mark.parametrize(
    ("damage", "reason"),
    [
        (lambda d: d[:-1] + bytes([d[-1] ^ 1]), "does not match its key"),
        (lambda d: d[:40], "too short"),
        (lambda d: d[:20] + bytes([d[20] ^ 1]) + d[21:], "does not match its key"),
    ],
)
def test_a_damaged_attachment_says_why(damage: object, reason: str) -> None:
    data = crypto.encrypt_attachment_for_tests(PNG, LOCAL_KEY, b"\x01" * 16)
    assert crypto.decrypt_attachment(data, LOCAL_KEY, len(PNG)) == PNG
    with pytest.raises(crypto.AttachmentError, match=reason):
        crypto.decrypt_attachment(damage(data), LOCAL_KEY, len(PNG))  # type: ignore[operator]


def test_an_attachment_with_another_key_is_refused() -> None:
    data = crypto.encrypt_attachment_for_tests(PNG, LOCAL_KEY, b"\x01" * 16)
    other = "A" * 86 + "=="  # 64 zero bytes
    with pytest.raises(crypto.AttachmentError, match="does not match its key"):
        crypto.decrypt_attachment(data, other, len(PNG))


def test_decrypt_key_rejects_what_is_not_a_key() -> None:
    assert crypto.decrypt_key("zz", b"x") is None
    assert crypto.decrypt_key(b"v12abc".hex(), b"x") is None
    not_hex = crypto.encrypt_key_for_tests("g" * 64, b"s", 1)
    assert crypto.decrypt_key(not_hex, b"s") is None
