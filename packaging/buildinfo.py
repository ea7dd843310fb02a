"""What the frozen build contains: version, data files, and the trimmed Qt.

Shared by ``chatsafe.spec`` (PyInstaller) and ``build.py`` (build + smoke test), and
tested without building (tests/unit/test_packaging.py). Standard library only: the spec
imports it inside PyInstaller's process.
"""

from __future__ import annotations

import platform
import re
import sys
import tomllib
from pathlib import Path, PurePosixPath

ROOT = Path(__file__).resolve().parent.parent
NAME = "chatsafe"
GUI_NAME = "chatsafe-gui"
QM_BUILD_DIR = Path("build") / "i18n"
DESCRIPTION = "chatsafe: business chat messages for the archive"
COMPANY = "chatsafe contributors"

# Qt plugins chatsafe uses, per plugin folder, by file stem without "lib"/"q" noise.
# Everything else (QML tooling, SQL drivers, TLS, network information, Wayland
# compositors, the virtual keyboard, eglfs, evdev, printing) stays out.
QT_PLUGINS: dict[str, set[str]] = {
    # offscreen: headless smoke tests and CI; xcb: X11 and XWayland on Linux;
    # windows / cocoa: the desktops; minimal: a fallback for headless diagnostics.
    "platforms": {"qoffscreen", "qxcb", "qwindows", "qcocoa", "qminimal"},
    # PNG is built into QtGui; these are the formats chat exports carry.
    "imageformats": {"qjpeg", "qgif", "qwebp", "qico", "qsvg"},
    "iconengines": {"qsvgicon"},
    # Compose and IBus input (accents typed on Linux); no virtual keyboard (needs QML).
    "platforminputcontexts": {
        "composeplatforminputcontextplugin",
        "ibusplatforminputcontextplugin",
    },
    # The desktop portal tells Qt about dark mode and gives native file dialogs.
    "platformthemes": {"qxdgdesktopportal"},
    "xcbglintegrations": {"qxcb-glx-integration", "qxcb-egl-integration"},
    # Windows' native style (Fusion is built in, but dialogs may use the native one).
    "styles": {"qwindowsvistastyle", "qmodernwindowsstyle"},
}
# Qt's own translations (dialog buttons, context menus) for chatsafe's two languages.
QT_TRANSLATION_LANGS = ("nl", "en")
QT_TRANSLATION_RE = re.compile(r"^(qt|qtbase)_(?P<lang>[a-z]{2})(_[A-Z]{2})?\.qm$")

# Python modules that must never be in the frozen app: test tools, and Qt modules
# chatsafe does not use (each would pull tens of megabytes of Qt libraries).
EXCLUDED_MODULES = [
    "tkinter",
    "_tkinter",
    "pytest",
    "_pytest",
    "pytestqt",
    "hypothesis",
    "bagit",
    "mypy",
    "ruff",
    "PyInstaller",
    "setuptools",
    "pip",
    # Optional in Pillow, fontTools and fpdf2; chatsafe never uses it (40 MB with OpenBLAS).
    "numpy",
    "PySide6.QtQml",
    "PySide6.QtQuick",
    "PySide6.QtQuickWidgets",
    "PySide6.QtQuickControls2",
    "PySide6.QtQuick3D",
    "PySide6.QtWebEngineCore",
    "PySide6.QtWebEngineWidgets",
    "PySide6.QtWebEngineQuick",
    "PySide6.QtWebChannel",
    "PySide6.QtWebSockets",
    "PySide6.Qt3DCore",
    "PySide6.Qt3DRender",
    "PySide6.QtMultimedia",
    "PySide6.QtMultimediaWidgets",
    "PySide6.QtPdf",
    "PySide6.QtPdfWidgets",
    "PySide6.QtSql",
    "PySide6.QtTest",
    "PySide6.QtDesigner",
    "PySide6.QtUiTools",
    "PySide6.QtHelp",
    "PySide6.QtOpenGL",
    "PySide6.QtOpenGLWidgets",
    "PySide6.QtNetwork",
    "PySide6.QtConcurrent",
    "PySide6.QtXml",
    "PySide6.QtPrintSupport",
    "PySide6.QtStateMachine",
    "PySide6.QtSvgWidgets",
    # Pillow's AVIF codec (5 MB) and Tk bridge: chat exports carry JPEG, PNG, GIF, WebP.
    "PIL._avif",
    "PIL.AvifImagePlugin",
    "PIL._imagingtk",
    "PIL.ImageTk",
    "PIL.ImageQt",
]
# Qt libraries that plugins or other libraries may drag in although chatsafe never
# loads them (matched on the file name, any platform's prefix and suffix).
EXCLUDED_QT_LIBS = re.compile(
    r"Qt6(Qml|Quick|WebEngine|3D|Multimedia|Pdf|Sql|Test|Designer|VirtualKeyboard|"
    r"Wayland|Network|OpenGL|Charts|DataVisualization|Graphs|Location|Positioning|"
    r"Sensors|SerialPort|Bluetooth|Nfc|RemoteObjects|Scxml|ShaderTools|Spatial|TextToSpeech|"
    r"Lottie|Help|UiTools|Concurrent|PrintSupport)"
)


def pyproject() -> dict[str, object]:
    with (ROOT / "pyproject.toml").open("rb") as fh:
        return tomllib.load(fh)


def package_version() -> str:
    """The version in pyproject.toml: the one the build stamps on the frozen app."""
    project = pyproject()["project"]
    assert isinstance(project, dict)
    return str(project["version"])


def version_tuple(version: str | None = None) -> tuple[int, int, int, int]:
    """Four numbers for Windows' file version resource (pre-release tags dropped)."""
    nums = [int(n) for n in re.findall(r"\d+", (version or package_version()).split("+")[0])]
    nums = (nums + [0, 0, 0, 0])[:4]
    return (nums[0], nums[1], nums[2], nums[3])


def platform_tag() -> str:
    """``linux-x86_64``, ``windows-x86_64``, ``macos-arm64``: the zip's suffix."""
    system = {"win32": "windows", "darwin": "macos"}.get(sys.platform, sys.platform)
    system = "linux" if system.startswith("linux") else system
    machine = platform.machine().lower()
    machine = {"amd64": "x86_64", "aarch64": "arm64"}.get(machine, machine)
    return f"{system}-{machine}"


def zip_name(version: str | None = None) -> str:
    return f"{NAME}-{version or package_version()}-{platform_tag()}.zip"


def data_files(root: Path = ROOT) -> list[tuple[str, str]]:
    """(source, folder in the bundle) for chatsafe's own data, where present.

    The bundle keeps the source tree's layout under ``_internal`` so code that finds
    ``resources/`` beside the ``chatsafe`` package works frozen too.
    """
    out: list[tuple[str, str]] = []
    resources = root / "resources"
    for sub in ("samples", "demo", "lexicons", "icons", "i18n"):
        folder = resources / sub
        files = sorted(folder.rglob("*")) if folder.is_dir() else []
        for f in files:
            # The scripts that made the samples and icons are not part of the app.
            if f.is_file() and f.suffix != ".py":
                out.append((str(f), f.parent.relative_to(root).as_posix()))
    # The app's translations, compiled by build.py (the app reads .ts when .qm is absent).
    qm_dir = root / QM_BUILD_DIR
    for qm in sorted(qm_dir.glob("*.qm")) if qm_dir.is_dir() else []:
        out.append((str(qm), "chatsafe/data/i18n"))
    return out


def _stem(filename: str) -> str:
    name = filename.split(".")[0]
    return name[3:] if name.startswith("lib") else name


def keep_qt_file(dest: str) -> bool:
    """False for a Qt plugin, translation or library chatsafe does not need.

    ``dest`` is the file's place in the bundle (e.g. ``PySide6/Qt/plugins/platforms/
    libqxcb.so``, ``PySide6/plugins/platforms/qwindows.dll``, ``PySide6/Qt/lib/
    libQt6Quick.so.6``).
    """
    parts = PurePosixPath(dest.replace("\\", "/")).parts
    if "PySide6" not in parts and not any(p.startswith(("libQt6", "Qt6")) for p in parts):
        return True
    filename = parts[-1]
    if "plugins" in parts:
        i = parts.index("plugins")
        if len(parts) >= i + 3:
            kept = QT_PLUGINS.get(parts[i + 1])
            return kept is not None and _stem(filename) in kept
    if "translations" in parts and filename.endswith(".qm"):
        m = QT_TRANSLATION_RE.match(filename)
        return bool(m) and m.group("lang") in QT_TRANSLATION_LANGS
    if EXCLUDED_QT_LIBS.search(filename):
        return False
    return True
