"""Hostile archives are refused before anything is read, and limits hold while inflating."""

from __future__ import annotations

import stat
import zipfile
from pathlib import Path

import pytest

from chatsafe.errors import DecompressionBombError, InputError, UnsafeArchiveError
from chatsafe.sources import DirSource, FileSource, Limits, ZipSource, open_source


def make_zip(path: Path, members: list[tuple[str, bytes]]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in members:
            z.writestr(name, data)
    return path


@pytest.mark.parametrize(
    "name", ["../evil.txt", "a/../../evil.txt", "/etc/passwd", "C:/x.txt", "a\\b.txt"]
)
def test_bad_member_names_are_refused(tmp_path: Path, name: str) -> None:
    z = make_zip(tmp_path / "x.zip", [("ok.txt", b"x"), (name, b"y")])
    with pytest.raises(UnsafeArchiveError) as err:
        open_source(z)
    assert "x.zip" in str(err.value)


def test_symlink_member_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "link.zip"
    with zipfile.ZipFile(path, "w") as z:
        info = zipfile.ZipInfo("link")
        info.external_attr = (stat.S_IFLNK | 0o777) << 16
        z.writestr(info, "/etc/passwd")
    with pytest.raises(UnsafeArchiveError, match="symbolic link"):
        open_source(path)


def test_duplicate_names_are_refused_case_insensitively(tmp_path: Path) -> None:
    path = tmp_path / "dup.zip"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("Chat.txt", "a")
        z.writestr("chat.TXT", "b")
    with pytest.raises(UnsafeArchiveError, match="twice"):
        open_source(path)


def test_high_ratio_member_is_refused(tmp_path: Path) -> None:
    z = make_zip(tmp_path / "bomb.zip", [("zeros.txt", b"\0" * (20 * 1024 * 1024))])
    with pytest.raises(DecompressionBombError):
        open_source(z)


def test_lying_header_is_caught_while_inflating(tmp_path: Path) -> None:
    path = make_zip(tmp_path / "liar.zip", [("a.txt", b"A" * 300_000)])
    raw = bytearray(path.read_bytes())
    # Patch the declared uncompressed size (local header and central directory) to 10.
    with zipfile.ZipFile(path) as z:
        info = z.getinfo("a.txt")
    true_size = info.file_size.to_bytes(4, "little")
    assert raw.count(true_size) >= 2
    raw = raw.replace(true_size, (10).to_bytes(4, "little"))
    path.write_bytes(bytes(raw))
    src = ZipSource(path)
    with pytest.raises(InputError):
        src.read("a.txt")


def test_total_limit_is_enforced(tmp_path: Path) -> None:
    z = make_zip(tmp_path / "many.zip", [(f"f{i}.bin", bytes(range(256)) * 40) for i in range(5)])
    with pytest.raises(DecompressionBombError):
        ZipSource(z, Limits(max_total_bytes=20_000))
    with pytest.raises(UnsafeArchiveError):
        ZipSource(z, Limits(max_members=3))


def test_not_a_zip(tmp_path: Path) -> None:
    p = tmp_path / "fake.zip"
    p.write_bytes(b"PK\x03\x04garbage")
    with pytest.raises(InputError) as err:
        open_source(p)
    assert "fake.zip" in str(err.value)


def test_plain_file_and_folder(tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_text("hallo")
    src = open_source(f)
    assert isinstance(src, FileSource) and src.read("a.txt") == b"hallo"
    d = tmp_path / "dir"
    (d / "media").mkdir(parents=True)
    (d / "media" / "x.jpg").write_bytes(b"j")
    (d / "chat.md").write_text("c")
    (d / "link").symlink_to(f)
    src2 = open_source(d)
    assert isinstance(src2, DirSource)
    assert src2.names() == ["chat.md", "media/x.jpg"]
    with pytest.raises(InputError):
        src2.read("../a.txt")
    src2.read("chat.md")
    assert [n for n, _ in src2.originals()] == ["chat.md"]


def test_missing_path(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        open_source(tmp_path / "nope.txt")
