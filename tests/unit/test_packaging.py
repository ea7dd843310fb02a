"""What the frozen build contains, checked without building (packaging/buildinfo.py)."""

from __future__ import annotations

import importlib.util
import sys
from importlib import metadata
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[2]


def _load(name: str) -> ModuleType:
    # packaging/ is not a package (and "packaging" is also pip's library): load by path.
    spec = importlib.util.spec_from_file_location(
        f"_chatsafe_{name}", ROOT / "packaging" / f"{name}.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


buildinfo = _load("buildinfo")
entry = _load("chatsafe_main")


def test_version_tuple_for_windows() -> None:
    assert buildinfo.version_tuple("0.1.0") == (0, 1, 0, 0)
    assert buildinfo.version_tuple("1.2.3rc1+local") == (1, 2, 3, 1)
    assert buildinfo.version_tuple("2") == (2, 0, 0, 0)


def test_zip_name_names_version_and_platform() -> None:
    name = buildinfo.zip_name("0.1.0")
    assert name.startswith("chatsafe-0.1.0-") and name.endswith(".zip")
    if sys.platform.startswith("linux") and buildinfo.platform.machine() == "x86_64":
        assert name == "chatsafe-0.1.0-linux-x86_64.zip"


def test_qt_plugins_are_trimmed() -> None:
    keep = buildinfo.keep_qt_file
    assert keep("PySide6/Qt/plugins/platforms/libqxcb.so")
    assert keep("PySide6/Qt/plugins/platforms/libqoffscreen.so")
    assert keep("PySide6/plugins/platforms/qwindows.dll")
    assert keep("PySide6/Qt/plugins/platforms/libqcocoa.dylib")
    assert keep("PySide6/Qt/plugins/imageformats/libqjpeg.so")
    assert keep("PySide6\\plugins\\imageformats\\qwebp.dll")
    assert not keep("PySide6/Qt/plugins/platforms/libqeglfs.so")
    assert not keep("PySide6/Qt/plugins/platforms/libqwayland.so")
    assert not keep("PySide6/Qt/plugins/imageformats/libqtiff.so")
    assert not keep("PySide6/Qt/plugins/sqldrivers/libqsqlite.so")
    assert not keep("PySide6/Qt/plugins/qmltooling/libqmldbg_tcp.so")
    assert not keep("PySide6/Qt/plugins/platforminputcontexts/libqtvirtualkeyboardplugin.so")
    assert not keep("PySide6/Qt/plugins/platformthemes/libqgtk3.so")


def test_qt_translations_only_dutch_and_english() -> None:
    keep = buildinfo.keep_qt_file
    assert keep("PySide6/Qt/translations/qtbase_nl.qm")
    assert keep("PySide6/Qt/translations/qt_en.qm")
    assert not keep("PySide6/Qt/translations/qtbase_de.qm")
    assert not keep("PySide6/Qt/translations/qtdeclarative_nl.qm")
    assert not keep("PySide6/translations/qt_help_fr.qm")


def test_unused_qt_libraries_are_dropped_and_core_ones_kept() -> None:
    keep = buildinfo.keep_qt_file
    for lib in ("libQt6Core.so.6", "libQt6Gui.so.6", "libQt6Widgets.so.6", "libQt6DBus.so.6"):
        assert keep(f"PySide6/Qt/lib/{lib}"), lib
    assert keep("PySide6/Qt6Svg.dll")
    for lib in ("libQt6Quick.so.6", "libQt6Qml.so.6", "libQt6Pdf.so.6", "libQt6Network.so.6"):
        assert not keep(f"PySide6/Qt/lib/{lib}"), lib
    assert not keep("PySide6/Qt6WebEngineCore.dll")
    # Not Qt: untouched.
    assert keep("sqlcipher3/_sqlite3.cpython-311-x86_64-linux-gnu.so")
    assert keep("libcrypto.so.3")


def test_no_runtime_dependency_is_excluded() -> None:
    # Excluding a module chatsafe needs breaks only the frozen app (seen: xmlschema).
    dists = {d.lower() for d in _runtime_dependencies()}
    owners = metadata.packages_distributions()
    needed = {mod for mod, ds in owners.items() if any(d.lower() in dists for d in ds)}
    excluded = {m.split(".")[0] for m in buildinfo.EXCLUDED_MODULES if "." not in m}
    assert not needed & excluded


def _runtime_dependencies() -> list[str]:
    import re

    deps = buildinfo.pyproject()["project"]["dependencies"]
    return [re.split(r"[<>=!~\[; ]", d, maxsplit=1)[0] for d in deps]


def test_data_files_ship_samples_without_scripts() -> None:
    files = buildinfo.data_files()
    names = [Path(src).name for src, _ in files]
    assert "WhatsApp-chat met Marieke de Vries.txt" in names
    assert "chatsafe.ico" in names
    assert not any(n.endswith(".py") for n in names)
    for src, dest in files:
        assert Path(src).is_file()
        assert not Path(dest).is_absolute()


def test_gui_executable_opens_the_gui_by_default() -> None:
    commands = {"gui", "demo", "import", "verify"}
    assert entry.gui_argv([], commands) == ["gui"]
    assert entry.gui_argv(["case.chatsafe"], commands) == ["gui", "case.chatsafe"]
    assert entry.gui_argv(["--portable", "x.chatsafe"], commands) == [
        "--portable",
        "gui",
        "x.chatsafe",
    ]
    assert entry.gui_argv(["demo", "--quit-after", "5"], commands) == ["demo", "--quit-after", "5"]
    assert entry.gui_argv(["--version"], commands) == ["--version"]
    assert entry.gui_argv(["-psn_0_12345"], commands) == ["gui"]


def test_gui_mode_by_executable_name() -> None:
    assert entry.gui_mode("/opt/chatsafe/chatsafe-gui")
    assert entry.gui_mode("C:/Users/a/AppData/Local/Programs/chatsafe/chatsafe-gui.exe")
    assert entry.gui_mode("/Applications/chatsafe.app/Contents/MacOS/chatsafe")
    assert not entry.gui_mode("/opt/chatsafe/chatsafe")
