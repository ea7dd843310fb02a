"""Portable mode: a portable.ini beside the program (or --portable) keeps everything
beside it; otherwise the platform's folders. Nothing lands in system locations."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from chatsafe import paths
from chatsafe.cli import main
from chatsafe.errors import SettingsError


@pytest.fixture
def program(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A fake frozen program in its own folder; portable mode off before and after."""
    folder = tmp_path / "chatsafe"
    folder.mkdir()
    exe = folder / ("chatsafe.exe" if sys.platform == "win32" else "chatsafe")
    exe.write_bytes(b"")
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(exe))
    paths.disable_portable()
    yield folder
    paths.disable_portable()


def _all_dirs() -> list[Path]:
    return [paths.config_dir(), paths.data_dir(), paths.log_dir(), paths.cache_dir()]


def test_without_marker_uses_platform_folders(program: Path, isolated_home: Path) -> None:
    assert paths.portable_root() is None
    assert not paths.is_portable()
    for d in _all_dirs():
        assert d.is_dir()
        assert program not in d.parents
    # platformdirs honours the isolated XDG folders on Linux.
    if sys.platform.startswith("linux"):
        assert paths.config_dir() == isolated_home / "config" / "chatsafe"
        assert paths.log_dir() == isolated_home / "state" / "chatsafe" / "log"
    assert not (program / "chatsafe-data").exists()


def test_marker_beside_program_keeps_everything_beside_it(
    program: Path, isolated_home: Path
) -> None:
    (program / "portable.ini").write_text("", encoding="utf-8")
    root = paths.portable_root()
    assert root == (program / "chatsafe-data").resolve()
    assert paths.is_portable()
    dirs = _all_dirs()
    assert [d.name for d in dirs] == ["config", "data", "log", "cache"]
    for d in dirs:
        assert d.is_dir() and d.parent == root
    # Nothing was created in the user's (isolated) home folders.
    assert not any(p.name == "chatsafe" for p in isolated_home.rglob("*"))


def test_marker_may_name_another_folder(program: Path, tmp_path: Path) -> None:
    (program / "portable.ini").write_text("[portable]\nfolder = ../stick\n", encoding="utf-8")
    assert paths.portable_root() == (tmp_path / "stick").resolve()
    assert paths.log_dir() == (tmp_path / "stick" / "log").resolve()


def test_marker_may_name_an_absolute_folder_with_a_bom(program: Path, tmp_path: Path) -> None:
    target = tmp_path / "elsewhere"
    text = f"\ufeff[portable]\r\nfolder = {target}\r\n"
    (program / "portable.ini").write_text(text, encoding="utf-8")
    assert paths.cache_dir() == target.resolve() / "cache"


def test_unreadable_marker_names_file_and_line(program: Path) -> None:
    marker = program / "portable.ini"
    marker.write_text("[portable]\nthis is not ini\n", encoding="utf-8")
    with pytest.raises(SettingsError) as info:
        paths.portable_root()
    assert info.value.file == str(marker)
    assert info.value.line == 2
    assert "portable.ini" in str(info.value)


def test_flag_enables_portable_without_marker(program: Path) -> None:
    root = paths.enable_portable()
    assert root == (program / "chatsafe-data").resolve()
    assert paths.config_dir() == root / "config"


def test_enable_portable_with_explicit_root(program: Path, tmp_path: Path) -> None:
    root = paths.enable_portable(tmp_path / "usb")
    assert root == (tmp_path / "usb" / "chatsafe-data").resolve()
    assert paths.portable_root() == root


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="XDG folders are Linux's")
def test_portable_points_qt_and_fontconfig_into_the_folder(program: Path) -> None:
    root = paths.enable_portable()
    assert os.environ["XDG_CONFIG_HOME"] == str(root / "config")
    assert os.environ["XDG_CACHE_HOME"] == str(root / "cache")


@pytest.mark.skipif(sys.platform == "win32" or os.geteuid() == 0, reason="root writes anywhere")
def test_read_only_program_folder_gives_a_sentence(program: Path) -> None:
    (program / "portable.ini").write_text("", encoding="utf-8")
    program.chmod(0o555)
    try:
        with pytest.raises(SettingsError, match="remove portable.ini"):
            paths.config_dir()
    finally:
        program.chmod(0o755)


def test_unwritable_portable_folder_gives_a_sentence(program: Path) -> None:
    # A file where the folder should be: fails for root too.
    (program / "chatsafe-data").write_bytes(b"")
    (program / "portable.ini").write_text("", encoding="utf-8")
    with pytest.raises(SettingsError, match="remove portable.ini") as info:
        paths.log_dir()
    assert info.value.file and info.value.file.endswith("log")


def test_macos_app_bundle_marker_beside_the_app(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    macos = tmp_path / "chatsafe.app" / "Contents" / "MacOS"
    macos.mkdir(parents=True)
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(macos / "chatsafe"))
    paths.disable_portable()
    try:
        (tmp_path / "portable.ini").write_text("", encoding="utf-8")
        assert paths.find_marker() == tmp_path / "portable.ini"
        assert paths.portable_root() == (tmp_path / "chatsafe-data").resolve()
    finally:
        paths.disable_portable()


def test_cli_portable_flag(program: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--portable", "formats"]) == 0
    assert paths.portable_root() == (program / "chatsafe-data").resolve()
