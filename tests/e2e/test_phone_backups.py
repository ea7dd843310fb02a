"""Phone backups and app databases through the real CLI: keys from the environment or a
file (never argv), one-line refusals with exit 2, and no decrypted byte on disk."""

from __future__ import annotations

import json
import os
from pathlib import Path

from chatsafe.importers import signal_desktop_crypto
from tests.e2e.conftest import Cli
from tests.e2e.test_cli_import import _all_files, _forms
from tests.unit import iphone_backup_db, signal_desktop_db, whatsapp_android_db, whatsapp_ios_db


def test_crypt15_backup_with_the_key_in_the_environment(cli: Cli, isolated_home: Path) -> None:
    phone = whatsapp_android_db.build(cli.cwd / "WhatsApp")
    case = cli.cwd / "cases" / "m.chatsafe"
    env = dict(cli.env, CHATSAFE_WHATSAPP_KEY=whatsapp_android_db.KEY_HEX)
    Cli(env, cli.cwd).run("import", str(case), str(phone))
    stats = cli.json("stats", str(case), "--json")["conversations"]
    assert {c["source_format"] for c in stats} == {"whatsapp-android"}
    assert sum(c["messages"] + c["events"] for c in stats) == 15
    msgs = cli.run("messages", str(case), "--conversation", "1", "--json")
    assert whatsapp_android_db.CANARY in msgs.stdout
    # The backup was decrypted in memory only: the canary is nowhere on disk in the clear.
    for path in _all_files(cli.cwd, isolated_home):
        data = path.read_bytes()
        assert not data.startswith(b"SQLite format 3"), path
        for form in _forms(whatsapp_android_db.CANARY):
            assert form not in data, f"found in the clear in {path}"


def test_key_file_and_wrong_key(cli: Cli) -> None:
    phone = whatsapp_android_db.build(cli.cwd / "WhatsApp")
    case = cli.cwd / "m.chatsafe"
    wrong = cli.cwd / "wrong.txt"
    wrong.write_text("ab" * 32)
    proc = cli.run("import", str(case), str(phone), "--whatsapp-key", str(wrong), check=False)
    assert proc.returncode == 2
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and "msgstore.db.crypt15" in lines[0]
    assert "does not open this backup" in lines[0]
    assert not case.exists()  # a refused first import leaves no case behind
    missing = cli.run("import", str(case), str(phone), check=False)
    assert missing.returncode == 2 and "64-digit" in missing.stderr
    right = cli.cwd / "key.txt"
    right.write_text(whatsapp_android_db.KEY_HEX + "\n")
    cli.run("import", str(case), str(phone), "--whatsapp-key", str(right))
    assert os.path.getsize(case) > 0


def test_a_backup_header_with_an_overlong_varint_is_refused_with_exit_2(cli: Cli) -> None:
    # Field 3's length is a varint beyond 64 bits: the shared protobuf reader refuses it.
    proto = b"\x1a" + b"\xff" * 9 + b"\x7f"
    folder = cli.cwd / "WhatsApp" / "Databases"
    folder.mkdir(parents=True)
    (folder / "msgstore.db.crypt15").write_bytes(bytes([len(proto), 1]) + proto + bytes(64))
    case = cli.cwd / "m.chatsafe"
    env = dict(cli.env, CHATSAFE_WHATSAPP_KEY=whatsapp_android_db.KEY_HEX)
    proc = Cli(env, cli.cwd).run("import", str(case), str(folder.parent), check=False)
    assert proc.returncode == 2, proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and "msgstore.db.crypt15" in lines[0]
    assert "header cannot be read" in lines[0] and not case.exists()


def test_encrypted_iphone_backup_with_the_password_in_the_environment(
    cli: Cli, isolated_home: Path
) -> None:
    backup = iphone_backup_db.build(cli.cwd / "Backup" / "0000A", iphone_backup_db.PASSWORD)
    case = cli.cwd / "cases" / "i.chatsafe"
    proc = cli.run("import", str(case), str(backup), check=False)
    assert proc.returncode == 2 and "CHATSAFE_BACKUP_PASSWORD" in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1 and not case.exists()
    wrong = Cli(dict(cli.env, CHATSAFE_BACKUP_PASSWORD="fout"), cli.cwd)
    proc = wrong.run("import", str(case), str(backup), check=False)
    assert proc.returncode == 2 and "password is wrong" in proc.stderr
    assert "fout" not in proc.stderr
    right = Cli(dict(cli.env, CHATSAFE_BACKUP_PASSWORD=iphone_backup_db.PASSWORD), cli.cwd)
    right.run("import", str(case), str(backup))
    stats = cli.json("stats", str(case), "--json")["conversations"]
    assert {"whatsapp-ios", "imessage"} <= {c["source_format"] for c in stats}
    for path in _all_files(cli.cwd, isolated_home):
        data = path.read_bytes()
        assert not data.startswith(b"SQLite format 3"), path  # no decrypted database on disk
        for form in _forms(whatsapp_ios_db.CANARY):
            assert form not in data, f"found in the clear in {path}"


def test_signal_desktop_encrypted_key_with_the_safe_storage_password(cli: Cli) -> None:
    root = signal_desktop_db.build(cli.cwd / "Signal")
    encrypted = signal_desktop_crypto.encrypt_key_for_tests(signal_desktop_db.KEY, b"s3cret", 1003)
    (root / "config.json").write_text(json.dumps({"encryptedKey": encrypted}))
    case = cli.cwd / "s.chatsafe"
    proc = cli.run("import", str(case), str(root), check=False)
    assert proc.returncode == 2 and "CHATSAFE_SIGNAL_SAFE_STORAGE" in proc.stderr
    env = dict(cli.env, CHATSAFE_SIGNAL_SAFE_STORAGE="s3cret")
    Cli(env, cli.cwd).run("import", str(case), str(root))
    stats = cli.json("stats", str(case), "--json")["conversations"]
    assert sum(c["messages"] + c["events"] for c in stats) == 11


def test_guide_and_check_before_the_import(cli: Cli) -> None:
    text = cli.run("formats", "--guide").stdout
    assert "64-digit" in text and "backup password" in text and "Quit Signal" in text
    platforms = [g["platform"] for g in cli.json("formats", "--guide", "--json")]
    assert "iPhone" in platforms and "Android WhatsApp" in platforms
    phone = whatsapp_android_db.build(cli.cwd / "WhatsApp")
    backup = iphone_backup_db.build(cli.cwd / "Backup", iphone_backup_db.PASSWORD)
    signal = signal_desktop_db.build(cli.cwd / "Signal")
    (signal / "sql" / "db.sqlite-wal").write_bytes(b"\x00" * 100)  # Signal still running
    junk = cli.cwd / "notes.txt"
    junk.write_text("geen chat")
    proc = cli.run("formats", "--check", str(phone), str(backup), str(signal), str(junk),
                   check=False)  # fmt: skip
    assert proc.returncode == 2
    lines = proc.stdout.strip().splitlines()
    assert len(lines) == 4
    assert lines[0].startswith("NOT") and "64-digit key" in lines[0]
    assert lines[1].startswith("ok") and "ask for its password" in lines[1]
    assert lines[2].startswith("NOT") and "still running" in lines[2]
    assert lines[3].startswith("NOT")
    env = dict(cli.env, CHATSAFE_WHATSAPP_KEY=whatsapp_android_db.KEY_HEX)
    ok = Cli(env, cli.cwd).run("formats", "--check", str(phone), "--json")
    (finding,) = json.loads(ok.stdout)
    assert finding["ok"] and finding["format"] == "whatsapp-android"
