"""iPhone backups (Finder/iTunes), plain and encrypted: WhatsApp and Messages from them,
decrypted in memory only; a wrong password is one line and changes nothing."""

from __future__ import annotations

import hashlib
import threading
from pathlib import Path

import pytest
from iphone_backup_db import PASSWORD, build
from whatsapp_ios_db import CANARY, GROUP, JAN, PNG

from chatsafe import importers
from chatsafe.domain import ParsedConversation
from chatsafe.errors import CancelledError, InputError
from chatsafe.importers import iphone_keybag
from chatsafe.importers.base import ImportContext
from chatsafe.importers.iphone_backup import IMPORTER, PASSWORD_EXTRA, is_encrypted
from chatsafe.ingest import import_paths
from chatsafe.sources import open_source
from chatsafe.store import create_case, queries


def parse(path: Path, password: str | None = None) -> list[ParsedConversation]:
    ctx = ImportContext(extra={PASSWORD_EXTRA: password} if password else {})
    out = []
    with open_source(path) as source:
        for conv in IMPORTER.parse(source, ctx):
            conv.messages = list(conv.messages)
            out.append(conv)
    return out


def snapshot(folder: Path) -> dict[str, str]:
    return {str(p): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}  # fmt: skip


@pytest.mark.parametrize("password", [None, PASSWORD])
def test_whatsapp_and_messages_from_a_backup(tmp_path: Path, password: str | None) -> None:
    backup = build(tmp_path / "00008120-000E18E21144A01E", password)
    assert is_encrypted(backup) is (password is not None)
    with open_source(backup) as source:
        assert importers.detect(source).name == "iphone-backup"
    before = snapshot(tmp_path)
    convs = parse(backup, password)
    assert snapshot(tmp_path) == before  # nothing written next to the backup
    whatsapp = {c.key: c for c in convs if c.source_format == "whatsapp-ios"}
    assert set(whatsapp) == {JAN, GROUP}
    jan = whatsapp[JAN].messages
    assert len(jan) == 7 and CANARY in jan[1].text
    assert jan[2].attachments[0].data == PNG  # media from Message/Media, decrypted
    messages = [c for c in convs if c.source_format == "imessage"]
    assert messages and sum(len(c.messages) for c in messages) > 0
    photos = [a for c in messages for m in c.messages for a in m.attachments if a.present]
    assert photos  # an SMS attachment from MediaDomain


def test_wrong_or_missing_password_is_one_line_and_the_case_unchanged(tmp_path: Path) -> None:
    backup = build(tmp_path / "backup", PASSWORD)
    case = create_case(tmp_path / "c.chatsafe")
    plain = build(tmp_path / "plain")
    import_paths(case, [plain])
    before = queries.case_stats(case.conn)
    for extra, message in (({}, "encrypted: give its backup password"),
                           ({PASSWORD_EXTRA: "fout"}, "the backup password is wrong")):  # fmt: skip
        with pytest.raises(InputError, match=message) as caught:
            import_paths(case, [backup], ImportContext(extra=extra))
        assert "\n" not in str(caught.value) and "backup" in str(caught.value)
        assert PASSWORD not in str(caught.value)
    assert queries.case_stats(case.conn) == before
    case.close()


def test_import_keeps_the_encrypted_files_read_as_originals(tmp_path: Path) -> None:
    backup = build(tmp_path / "backup", PASSWORD)
    case = create_case(tmp_path / "c.chatsafe")
    ctx = ImportContext(extra={PASSWORD_EXTRA: PASSWORD})
    report = import_paths(case, [backup], ctx)
    assert report.added > 11
    # Every entry read is imported or reported (sms.db's own report lines included).
    assert report.entries_read == report.added + report.not_imported
    assert all(c.not_imported == 0 for c in report.conversations
               if c.source_format == "whatsapp-ios")  # fmt: skip
    kept = {r[0] for r in case.conn.execute("SELECT name FROM source_files")}
    assert {"Manifest.plist", "Manifest.db"} <= kept
    chat_storage = hashlib.sha1(
        b"AppDomainGroup-group.net.whatsapp.WhatsApp.shared-ChatStorage.sqlite"
    ).hexdigest()
    assert f"{chat_storage[:2]}/{chat_storage}" in kept
    notes = hashlib.sha1(b"HomeDomain-Library/Notes/notes.sqlite").hexdigest()
    assert f"{notes[:2]}/{notes}" not in kept  # other apps' files are not read
    assert import_paths(case, [backup], ctx).added == 0
    case.close()


def test_a_damaged_file_in_an_encrypted_backup_is_refused(tmp_path: Path) -> None:
    backup = build(tmp_path / "backup", PASSWORD)
    chat_storage = hashlib.sha1(
        b"AppDomainGroup-group.net.whatsapp.WhatsApp.shared-ChatStorage.sqlite"
    ).hexdigest()
    path = backup / chat_storage[:2] / chat_storage
    path.write_bytes(path.read_bytes()[:-5])  # no longer whole AES blocks
    with pytest.raises(InputError, match="cut short") as caught:
        parse(backup, PASSWORD)
    assert "ChatStorage.sqlite" in str(caught.value)


def test_a_backup_without_chats_is_refused(tmp_path: Path) -> None:
    backup = build(tmp_path / "b", files=[("HomeDomain", "Library/Notes/n.sqlite", b"x")])
    with pytest.raises(InputError, match="neither WhatsApp"):
        parse(backup)


def test_a_folder_may_hold_more_files_than_a_zip_may(tmp_path: Path) -> None:
    """iPhone backups hold hundreds of thousands of files: the folder limit is not the zip
    member limit (which guards against bombs), but there is one."""
    from chatsafe.errors import UnsafeArchiveError
    from chatsafe.sources import DirSource, Limits

    backup = build(tmp_path / "backup")
    files = sum(1 for p in backup.rglob("*") if p.is_file())
    assert len(DirSource(backup, Limits(max_members=2)).names()) == files
    with pytest.raises(UnsafeArchiveError, match="files in the folder"):
        DirSource(backup, Limits(max_dir_files=2))


def test_the_key_derivation_gives_hashlibs_answer() -> None:
    bag = iphone_keybag.Keybag()
    bag.dp_salt, bag.dp_iterations, bag.salt, bag.iterations = b"dp", 7, b"salt", 5
    inner = hashlib.pbkdf2_hmac("sha256", b"geheim", b"dp", 7, 32)
    expected = hashlib.pbkdf2_hmac("sha1", inner, b"salt", 5, 32)
    assert iphone_keybag.derive("geheim", bag) == expected


def test_cancel_during_the_key_derivation_stops_the_import_at_once(tmp_path: Path) -> None:
    """The PBKDF2 call cannot be stopped: the import abandons it and the case stays empty."""
    backup = build(tmp_path / "Backup", PASSWORD, iterations=(400_000, 10))
    case = create_case(tmp_path / "c.chatsafe")
    before = queries.case_stats(case.conn)
    polls: list[bool] = []

    def cancelled() -> bool:
        # Cancel as soon as the derivation runs: before, with the rounds on the import's
        # own thread, nobody could ask until they were done (and the import went on).
        deriving = any(t.name == "backup-key-derivation" for t in threading.enumerate())
        polls.append(deriving)
        return deriving

    ctx = ImportContext(extra={PASSWORD_EXTRA: PASSWORD}, cancelled=cancelled)
    try:
        with pytest.raises(CancelledError):
            import_paths(case, [backup], ctx)
        assert polls[-1] is True  # cancelled mid-derivation, not after it
        assert queries.case_stats(case.conn) == before
    finally:
        case.close()
