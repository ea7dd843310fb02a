"""WhatsApp zips: Android flat and iOS ``_chat.txt`` with media, and hostile archives."""

from __future__ import annotations

import io
import stat
import struct
import zipfile
from pathlib import Path

import pytest
from PIL import Image

from chatsafe.errors import ChatsafeError, DecompressionBombError, InputError, UnsafeArchiveError
from chatsafe.importers import detect
from chatsafe.importers.base import ImportContext
from chatsafe.importers.whatsapp import IMPORTER
from chatsafe.sources import open_source

FIX = Path(__file__).parent.parent / "fixtures" / "whatsapp"
PDF = b"%PDF-1.4\n% a tiny invented document\n%%EOF\n"


def jpeg() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (8, 8), (200, 30, 30)).save(out, format="JPEG")
    return out.getvalue()


def make_zip(path: Path, members: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return path


def parse_all(path: Path, owner: str | None = None):  # type: ignore[no-untyped-def]
    with open_source(path) as source:
        (conv,) = list(IMPORTER.parse(source, ImportContext(owner=owner)))
        return conv, list(conv.messages)


def test_android_flat_zip_with_present_and_missing_media(tmp_path: Path) -> None:
    txt = (FIX / "WhatsApp Chat with Sam Jones.txt").read_bytes()
    path = make_zip(
        tmp_path / "WhatsApp Chat with Sam Jones.zip",
        {"WhatsApp Chat with Sam Jones.txt": txt, "DOC-20240221-WA0003.pdf": PDF},
    )
    with open_source(path) as source:
        assert IMPORTER.sniff(source) == 95
        assert detect(source) is IMPORTER
    conv, msgs = parse_all(path)
    assert conv.title == "Sam Jones"
    doc = msgs[16].attachments[0]
    assert (doc.name, doc.mime, doc.data) == ("DOC-20240221-WA0003.pdf", "application/pdf", PDF)
    card = msgs[15].attachments[0]
    assert card.name == "Jo Bloggs.vcf" and card.data is None and not card.present


def test_ios_zip_title_from_zip_name_and_photo_bytes(tmp_path: Path) -> None:
    photo = jpeg()
    path = make_zip(
        tmp_path / "WhatsApp Chat - Team Pers.zip",
        {
            "_chat.txt": (FIX / "ios_group_chat.txt").read_bytes(),
            "00000012-PHOTO-2024-03-01-09-05-30.jpg": photo,
        },
    )
    with open_source(path) as source:
        assert IMPORTER.sniff(source) == 95
    conv, msgs = parse_all(path)
    assert conv.title == "Team Pers" and conv.key == "team pers"
    att = msgs[11].attachments[0]
    assert att.mime == "image/jpeg" and att.data == photo and att.present


def test_zip_with_any_single_chat_txt(tmp_path: Path) -> None:
    path = make_zip(
        tmp_path / "WhatsApp-chat met Oma.zip",
        {"export.txt": (FIX / "WhatsApp-chat met Oma.txt").read_bytes(), "a.jpg": jpeg()},
    )
    with open_source(path) as source:
        assert IMPORTER.sniff(source) == 85
    conv, msgs = parse_all(path)
    assert conv.title == "Oma" and len(msgs) == 2


def test_a_text_attachment_beside_a_named_chat_is_not_a_second_chat(tmp_path: Path) -> None:
    path = make_zip(
        tmp_path / "x.zip",
        {
            "WhatsApp-chat met Oma.txt": (FIX / "WhatsApp-chat met Oma.txt").read_bytes(),
            "notities.txt": b"02-01-2024 10:00 - Oma: lijkt op een chat\n",
        },
    )
    conv, _ = parse_all(path)
    assert conv.title == "Oma"


def test_zip_without_chat(tmp_path: Path) -> None:
    path = make_zip(tmp_path / "photos.zip", {"a.jpg": jpeg(), "notes.txt": b"hello\n"})
    with open_source(path) as source:
        assert IMPORTER.sniff(source) == 0
        with pytest.raises(InputError) as err:
            list(IMPORTER.parse(source, ImportContext()))
    assert "no WhatsApp chat" in str(err.value) and "photos.zip" in str(err.value)


def test_zip_with_two_chats(tmp_path: Path) -> None:
    path = make_zip(
        tmp_path / "two.zip",
        {
            "WhatsApp Chat with A.txt": b"01/02/2024, 10:00 - A: hi\n",
            "WhatsApp Chat with B.txt": b"01/02/2024, 10:00 - B: hi\n",
        },
    )
    with open_source(path) as source:
        assert IMPORTER.sniff(source) == 0
        with pytest.raises(InputError) as err:
            list(IMPORTER.parse(source, ImportContext()))
    assert "2 chat texts" in str(err.value)


def test_bare_txt_has_no_attachment_bytes() -> None:
    _, msgs = parse_all(FIX / "WhatsApp Chat with Sam Jones.txt")
    assert all(a.data is None for m in msgs for a in m.attachments)


# Hostile archives: ZipSource refuses them before the importer reads a byte.


def _zip_with_info(path: Path, info: zipfile.ZipInfo, data: bytes) -> Path:
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("_chat.txt", b"[01/03/2024, 09:00:00] A: hi\n")
        zf.writestr(info, data)
    return path


@pytest.mark.parametrize("name", ["../evil.txt", "/etc/evil.txt", "media/../../evil.jpg"])
def test_traversal_and_absolute_members_are_refused(tmp_path: Path, name: str) -> None:
    path = _zip_with_info(tmp_path / "bad.zip", zipfile.ZipInfo(name), b"x")
    with pytest.raises(UnsafeArchiveError) as err:
        open_source(path)
    assert "bad.zip" in str(err.value)


def test_symlink_member_is_refused(tmp_path: Path) -> None:
    info = zipfile.ZipInfo("IMG-20240304-WA0001.jpg")
    info.external_attr = (stat.S_IFLNK | 0o777) << 16
    path = _zip_with_info(tmp_path / "link.zip", info, b"/etc/passwd")
    with pytest.raises(UnsafeArchiveError, match="symbolic link"):
        open_source(path)


def test_high_ratio_member_is_refused(tmp_path: Path) -> None:
    path = make_zip(
        tmp_path / "ratio.zip",
        {"_chat.txt": b"[01/03/2024, 09:00:00] A: hi\n", "big.jpg": bytes(8 * 1024 * 1024)},
    )
    with pytest.raises(DecompressionBombError):
        open_source(path)


def _lie_about_size(path: Path, member: str, size: int) -> None:
    """Rewrite the declared size of ``member`` in the local and central headers."""
    raw = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as zf:
        info = zf.getinfo(member)
    local = info.header_offset
    struct.pack_into("<I", raw, local + 22, size)
    central = raw.rfind(b"PK\x01\x02" + raw[local + 4 : local + 6])
    name = member.encode()
    pos = raw.find(b"PK\x01\x02")
    while pos >= 0:
        name_len = struct.unpack_from("<H", raw, pos + 28)[0]
        if raw[pos + 46 : pos + 46 + name_len] == name:
            central = pos
            break
        pos = raw.find(b"PK\x01\x02", pos + 4)
    struct.pack_into("<I", raw, central + 24, size)
    path.write_bytes(bytes(raw))


def test_zip_bomb_with_a_lying_header_is_stopped(tmp_path: Path) -> None:
    chat = b"[01/03/2024, 09:00:00] A: <attached: 00000001-PHOTO.jpg>\n"
    path = make_zip(
        tmp_path / "bomb.zip", {"_chat.txt": chat, "00000001-PHOTO.jpg": bytes(900_000)}
    )
    _lie_about_size(path, "00000001-PHOTO.jpg", 1000)
    with open_source(path) as source:
        (conv,) = IMPORTER.parse(source, ImportContext())
        with pytest.raises(InputError) as err:
            list(conv.messages)
    assert "bomb.zip" in str(err.value) and "00000001-PHOTO.jpg" in str(err.value)


def test_errors_are_chatsafe_errors_for_a_damaged_zip(tmp_path: Path) -> None:
    path = make_zip(tmp_path / "cut.zip", {"_chat.txt": b"[01/03/2024, 09:00:00] A: hi\n" * 500})
    path.write_bytes(path.read_bytes()[:200])
    with pytest.raises(ChatsafeError):
        with open_source(path) as source:
            for conv in IMPORTER.parse(source, ImportContext()):
                list(conv.messages)


def test_a_false_declared_size_is_the_reason_given_not_not_an_export(tmp_path: Path) -> None:
    """Issue 12: detection read the lying member, failed, and said 'not an export'."""
    from chatsafe import importers
    from chatsafe.errors import DamagedMemberError

    chat = b"[01/03/2024, 09:00:00] A: hallo\n" * 200
    path = make_zip(tmp_path / "lie.zip", {"_chat.txt": chat})
    _lie_about_size(path, "_chat.txt", 100)
    with open_source(path) as source, pytest.raises(DamagedMemberError) as err:
        importers.detect(source)
    assert "do not match its declared size or checksum" in str(err.value)
    assert "lie.zip" in str(err.value) and "_chat.txt" in str(err.value)
