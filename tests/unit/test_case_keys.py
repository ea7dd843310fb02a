"""The case file and its key: keyring, passphrase, wrong keys, and nothing in the clear."""

from __future__ import annotations

import uuid
from pathlib import Path

import keyring
import pytest
from keyring.backends import fail, null

from chatsafe import keys
from chatsafe.errors import CaseError, NoKeyError, WrongKeyError
from chatsafe.store import create_case, open_case, read_case_id


def test_new_case_key_lives_in_the_keyring(tmp_path: Path, memory_keyring) -> None:
    path = tmp_path / "a.chatsafe"
    case = create_case(path)
    assert case.key_method == "keyring"
    assert (keys.SERVICE, str(case.id)) in memory_keyring.secrets
    case.close()
    # The UUID is the first 16 bytes (SQLCipher's salt): found without a side file.
    assert read_case_id(path) == case.id
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.chatsafe"]
    again = open_case(path)
    assert again.meta("case_id") == str(case.id)
    again.close()


def test_key_is_not_in_the_file_or_repr(tmp_path: Path, memory_keyring) -> None:
    case = create_case(tmp_path / "a.chatsafe")
    secret = memory_keyring.secrets[(keys.SERVICE, str(case.id))]
    import base64

    raw = base64.b64decode(secret)
    case.close()
    blob = (tmp_path / "a.chatsafe").read_bytes()
    for form in (raw, raw.hex().encode(), secret.encode()):
        assert form not in blob
    assert raw.hex() not in repr(keys.CaseKey(raw, "keyring"))


def test_no_keyring_needs_a_passphrase(tmp_path: Path) -> None:
    keyring.set_keyring(fail.Keyring())
    assert not keys.keyring_available()
    with pytest.raises(NoKeyError) as err:
        create_case(tmp_path / "a.chatsafe")
    assert "passphrase" in str(err.value)
    assert not (tmp_path / "a.chatsafe").exists()


def test_null_keyring_is_not_trusted(tmp_path: Path) -> None:
    keyring.set_keyring(null.Keyring())
    assert not keys.keyring_available()
    with pytest.raises(NoKeyError):
        create_case(tmp_path / "a.chatsafe")


def test_passphrase_case_round_trip_and_wrong_passphrase(tmp_path: Path) -> None:
    keyring.set_keyring(fail.Keyring())
    path = tmp_path / "p.chatsafe"
    case = create_case(path, passphrase="correct horse battery")
    assert case.key_method == "passphrase"
    case.close()
    with pytest.raises(NoKeyError):
        open_case(path)
    with pytest.raises(WrongKeyError) as err:
        open_case(path, passphrase="wrong passphrase!")
    assert "correct horse" not in str(err.value)
    assert "wrong key or passphrase" in str(err.value)
    open_case(path, passphrase="correct horse battery").close()


def test_short_passphrase_is_refused(tmp_path: Path) -> None:
    from chatsafe.errors import SettingsError

    with pytest.raises(SettingsError):
        create_case(tmp_path / "p.chatsafe", passphrase="short")


def test_wrong_keyring_key_falls_back_to_passphrase_error(tmp_path: Path, memory_keyring) -> None:
    path = tmp_path / "a.chatsafe"
    case = create_case(path)
    case.close()
    import base64
    import os

    memory_keyring.secrets[(keys.SERVICE, str(case.id))] = base64.b64encode(os.urandom(32)).decode()
    with pytest.raises(WrongKeyError):
        open_case(path)


def test_not_a_case_file(tmp_path: Path) -> None:
    junk = tmp_path / "junk.chatsafe"
    junk.write_bytes(b"x" * 5000)
    with pytest.raises((NoKeyError, WrongKeyError)):
        open_case(junk)
    tiny = tmp_path / "tiny.chatsafe"
    tiny.write_bytes(b"abc")
    with pytest.raises(CaseError):
        open_case(tiny)
    with pytest.raises(CaseError):
        open_case(tmp_path / "missing.chatsafe")


def test_connection_pragmas(tmp_path: Path) -> None:
    case = create_case(tmp_path / "a.chatsafe")
    c = case.conn
    assert c.execute("PRAGMA temp_store").fetchone()[0] == 2  # MEMORY
    assert c.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    other = case.connect()
    assert other.execute("PRAGMA temp_store").fetchone()[0] == 2
    other.close()
    case.close()


def test_wal_is_encrypted(tmp_path: Path) -> None:
    case = create_case(tmp_path / "a.chatsafe")
    canary = "wal-canary-" + uuid.uuid4().hex
    with case.transaction() as c:
        c.execute("INSERT INTO settings(key, value) VALUES('organisation', ?)", (canary,))
    wal = Path(str(case.path) + "-wal")
    assert wal.exists() and wal.stat().st_size > 0
    assert canary.encode() not in wal.read_bytes()
    assert canary.encode() not in case.path.read_bytes()
    case.close()


def test_existing_file_is_not_overwritten(tmp_path: Path) -> None:
    path = tmp_path / "a.chatsafe"
    path.write_bytes(b"keep me")
    with pytest.raises(CaseError):
        create_case(path)
    assert path.read_bytes() == b"keep me"


def test_newer_schema_is_refused(tmp_path: Path) -> None:
    case = create_case(tmp_path / "a.chatsafe")
    case.conn.execute("PRAGMA user_version = 999")
    case.close()
    with pytest.raises(CaseError) as err:
        open_case(tmp_path / "a.chatsafe")
    assert "newer chatsafe" in str(err.value)


def test_leftovers_of_a_killed_creation_are_removed(tmp_path: Path) -> None:
    stale = tmp_path / ".a.chatsafe.creating-99999"
    stale.write_bytes(b"half a case")
    Path(f"{stale}-wal").write_bytes(b"wal")
    create_case(tmp_path / "a.chatsafe").close()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.chatsafe"]


def test_a_busy_case_is_a_clear_error(tmp_path: Path) -> None:
    case = create_case(tmp_path / "a.chatsafe")
    other = case.connect()
    other.execute("PRAGMA busy_timeout = 50")
    case.conn.execute("PRAGMA busy_timeout = 50")
    other.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(CaseError, match="busy"), case.transaction():
            pass
    finally:
        other.execute("ROLLBACK")
        other.close()
        case.close()
