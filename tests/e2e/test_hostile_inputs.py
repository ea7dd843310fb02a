"""The hostile-input suite (issue 12): every input gives exit 0 or 2, never 1; a refusal
leaves the case as it was and no file behind, and a refused first import makes no case."""

from __future__ import annotations

import sqlite3
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.e2e.conftest import Cli, whatsapp_text
from tests.unit import imessage_db
from tests.unit.test_attachments_ingest import BOMB_144MP
from tests.unit.test_whatsapp_zip import _lie_about_size

CHAT = b"[01/03/2024, 09:00:00] Jan: hallo\n[01/03/2024, 09:01:00] Piet: <attached: 00000001-PHOTO.png>\n"


def _chat_db(column: str, value: object) -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        db = imessage_db.build(folder / "chat.db")
        with sqlite3.connect(db) as conn:
            conn.execute(f"UPDATE message SET {column} = ? WHERE ROWID = 2", (value,))
        return db

    return make


def _lying_zip(folder: Path) -> Path:
    path = folder / "WhatsApp Chat - Jan.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("_chat.txt", CHAT * 100)
    _lie_about_size(path, "_chat.txt", 50)
    return path


def _bomb_photo(folder: Path) -> Path:
    path = folder / "WhatsApp Chat - Piet.zip"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("_chat.txt", CHAT)
        zf.writestr("00000001-PHOTO.png", BOMB_144MP)
    return path


def _write(name: str, data: bytes) -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        path = folder / name
        path.write_bytes(data)
        return path

    return make


LAUGHS = (
    b'<?xml version="1.0"?><!DOCTYPE smses [<!ENTITY a "aaaaaaaaaa">'
    b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><smses count="1">'
    b'<sms address="1" date="1" type="1" body="&b;" /></smses>'
)


def _huge_telegram_message(folder: Path) -> Path:
    """One message just over the per-entry limit (16 MiB): refused with its place."""
    path = folder / "result.json"
    with path.open("w", encoding="utf-8") as f:
        f.write('{"name": "J", "type": "personal_chat", "id": 1, "messages": [')
        f.write('{"id": 1, "type": "message", "date": "2024-03-01T09:00:00", "text": "')
        for _ in range(17):
            f.write("x" * 1024 * 1024)
        f.write('"}]}')
    return path


HOSTILE: dict[str, Callable[[Path], Path]] = {
    "telegram-message-over-the-entry-limit": _huge_telegram_message,
    "matrix-number-beyond-64-bits": _write(
        "room.json",
        b'{"room_name": "R", "messages": [{"type": "m.room.message", "sender": "@a:x",'
        b' "origin_server_ts": 100000000000000000000, "content": {"body": "hoi"}}]}',
    ),
    "blob-in-chat-db-text": _chat_db("text", b"\xff\x00binary"),
    "text-in-chat-db-date": _chat_db("date", "gisteren"),
    "zip-member-lying-about-its-size": _lying_zip,
    "photo-that-is-a-bomb": _bomb_photo,
    "empty-file": _write("leeg.txt", b""),
    "random-bytes": _write("ruis.bin", bytes(range(256)) * 40),
    "billion-laughs-sms": _write("sms-laughs.xml", LAUGHS),
    "cut-telegram-json": _write("result.json", b'{"about": "x", "chats": {"list": [{"name": "J'),
    "mbox-of-headers-only": _write("Inbox.mbox", b"From - Mon Jan  1 10:00:00 2024\nSubject: x"),
}


def _files(*folders: Path) -> set[str]:
    return {str(p) for folder in folders for p in folder.rglob("*")}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_input_is_imported_or_refused_cleanly(
    cli: Cli, isolated_home: Path, name: str
) -> None:
    inputs = cli.cwd / "inputs"
    inputs.mkdir()
    hostile = HOSTILE[name](inputs)
    base = cli.cwd / "WhatsApp-chat met Basis.txt"
    base.write_text(whatsapp_text(5), encoding="utf-8")
    cli.run("import", "c.chatsafe", str(base))
    before = cli.run("stats", "c.chatsafe", "--json").stdout
    files = _files(cli.cwd, isolated_home / "tmp")

    proc = cli.run("import", "c.chatsafe", str(hostile), check=False)
    assert proc.returncode in (0, 2), proc.stderr
    assert "internal error" not in proc.stderr
    if proc.returncode == 2:
        # One line naming the input (progress lines may come before it).
        last = proc.stderr.strip().split("\n")[-1]
        assert last.startswith("chatsafe: ") and "Traceback" not in proc.stderr
        assert cli.run("stats", "c.chatsafe", "--json").stdout == before
    assert _files(cli.cwd, isolated_home / "tmp") == files  # nothing left behind

    fresh = cli.run("import", "new.chatsafe", str(hostile), check=False)
    assert fresh.returncode == proc.returncode
    assert (cli.cwd / "new.chatsafe").exists() == (fresh.returncode == 0)
    assert _files(cli.cwd, isolated_home / "tmp") - files <= {str(cli.cwd / "new.chatsafe")}


def test_a_message_over_the_limit_is_refused_with_its_place(cli: Cli) -> None:
    hostile = _huge_telegram_message(cli.cwd)
    proc = cli.run("import", "c.chatsafe", str(hostile), check=False)
    assert proc.returncode == 2
    last = proc.stderr.strip().split("\n")[-1]
    assert last == (
        f"chatsafe: {hostile}[messages[0]]: an entry of more than 16 MiB; no chat app writes"
        " one (damaged or not an export)"
    )
