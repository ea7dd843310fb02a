"""Entry point of the frozen app: one script behind both executables.

``chatsafe`` (console) is the command line as in a Python install. ``chatsafe-gui``
(windowed; the macOS .app) opens the desktop app: ``chatsafe-gui [--portable] [CASE]``
means ``chatsafe [--portable] gui [CASE]``, and any command may still be given.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

GLOBAL_FLAGS = {"--portable", "-v", "--verbose"}


def gui_mode(executable: str) -> bool:
    exe = Path(executable)
    in_app_bundle = exe.parent.name == "MacOS" and exe.parent.parent.name == "Contents"
    return exe.stem.lower() == "chatsafe-gui" or in_app_bundle


def gui_argv(argv: list[str], commands: set[str]) -> list[str]:
    """Insert ``gui`` after the global flags unless a command (or --version/--help) is given."""
    # Finder used to pass a process serial number; it is not ours.
    argv = [a for a in argv if not a.startswith("-psn_")]
    flags = [a for a in argv if a in GLOBAL_FLAGS]
    rest = [a for a in argv if a not in GLOBAL_FLAGS]
    if rest and (rest[0] in commands or rest[0] in {"--version", "-h", "--help"}):
        return argv
    return [*flags, "gui", *rest]


def _log_streams() -> None:
    # A windowed executable on Windows has no stdout/stderr (None): printing would crash.
    # Send both to a log file in chatsafe's log folder (portable-aware). Errors and
    # tracebacks only: chatsafe never logs message text.
    if sys.stdout is not None and sys.stderr is not None:
        return
    from chatsafe import paths

    log = open(paths.log_dir() / "chatsafe-gui.log", "a", encoding="utf-8", buffering=1)  # noqa: SIM115
    sys.stdout = sys.stdout or log
    sys.stderr = sys.stderr or log


def _decide_portable() -> None:
    # Before anything else (Qt, fontconfig, logging) picks a folder: a portable.ini
    # beside the program, or --portable, keeps every file chatsafe writes beside it.
    from chatsafe import paths

    if "--portable" in sys.argv[1:]:
        paths.enable_portable()
    else:
        paths.portable_root()


def qt_selftest() -> int:
    """Prove the trimmed Qt works in the frozen app, whatever the GUI code does yet.

    Run with CHATSAFE_SELFTEST=qt (an environment variable, not an option: the command
    line is a contract for users). Starts Qt on the current platform plugin, decodes one
    image per format chat exports carry, loads Qt's Dutch translation, paints a window
    and quits. Prints one JSON line; exit 1 when something is missing.
    """
    import json
    import time

    start = time.perf_counter()
    from PySide6.QtCore import QBuffer, QByteArray, QLibraryInfo, QTimer, QTranslator
    from PySide6.QtGui import QColor, QImage, QImageReader
    from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

    app = QApplication(["chatsafe"])
    formats = {bytes(f.data()).decode() for f in QImageReader.supportedImageFormats()}
    decoded = {}
    for fmt in ("png", "jpeg", "gif", "webp"):
        img = QImage(8, 8, QImage.Format.Format_RGB32)
        img.fill(QColor("darkblue"))
        data = QByteArray()
        buf = QBuffer(data)
        buf.open(QBuffer.OpenModeFlag.WriteOnly)
        # Qt writes png/jpeg/webp; gif is read-only in Qt, so test its reader alone.
        written = fmt != "gif" and img.save(buf, fmt.upper())
        decoded[fmt] = (not QImage.fromData(data).isNull()) if written else fmt in formats
    translator = QTranslator()
    translations = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    dutch = translator.load("qtbase_nl", translations)
    window = QMainWindow()
    window.setCentralWidget(QLabel("chatsafe"))
    window.resize(640, 400)
    window.show()
    painted = not window.grab().isNull()
    QTimer.singleShot(0, app.quit)
    app.exec()
    result = {
        "platform": app.platformName(),
        "decoded": decoded,
        "dutch_translation": dutch,
        "painted": painted,
        "seconds": round(time.perf_counter() - start, 3),
    }
    print(json.dumps(result))
    return 0 if all(decoded.values()) and dutch and painted else 1


def imports_selftest() -> int:
    """Import every chatsafe module and the optional native parts (CHATSAFE_SELFTEST=imports).

    Catches what PyInstaller's analysis missed (modules loaded by name, package data
    read through importlib.resources) before a user meets it.
    """
    import importlib
    import json
    import pkgutil
    from importlib import resources

    import chatsafe

    failed: dict[str, str] = {}
    names = [m.name for m in pkgutil.walk_packages(chatsafe.__path__, "chatsafe.")]
    names += ["pkcs11", "sqlcipher3.dbapi2", "fpdf", "keyring.backends.fail"]
    if sys.platform.startswith("linux"):
        names.append("secretstorage")  # imported lazily, for Signal's Secret Service item
    # The JSON importers stream through ijson's C parser; without it they would fall
    # back to the pure Python one, correct but several times slower.
    names += ["ijson.backends.yajl2_c", "ijson.backends.python"]
    # The transcript's pages are deflated by ISA-L; without it zlib, correct but slower.
    names += ["isal.isal_zlib"]
    for name in names:
        if name.endswith("__main__"):
            continue
        try:
            importlib.import_module(name)
        except Exception as exc:  # report all of them, not only the first
            failed[name] = f"{type(exc).__name__}: {exc}"
    try:
        profiles = resources.files("fpdf.data.color_profiles")
        assert any(p.name.endswith(".icc") for p in profiles.iterdir())
    except Exception as exc:
        failed["fpdf.data.color_profiles"] = f"{type(exc).__name__}: {exc}"
    print(json.dumps({"imported": len(names) - len(failed), "failed": failed}))
    return 1 if failed else 0


def _report_first_paint() -> None:
    # CHATSAFE_REPORT_PAINT=1: print the wall-clock time of the main window's first paint,
    # so build.py can measure the start to a painted window (it knows when it started us).
    import time

    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtWidgets import QMainWindow

    from chatsafe.gui import app as gui_app

    class FirstPaint(QObject):
        done = False

        def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
            if not self.done and event.type() == QEvent.Type.Paint and isinstance(obj, QMainWindow):
                self.done = True
                print(f"chatsafe-first-paint-at {time.time():.3f}", file=sys.stderr, flush=True)
            return False

    make_app = gui_app.make_app
    watcher = FirstPaint()

    def make_app_and_watch(*args, **kwargs):  # type: ignore[no-untyped-def]
        app = make_app(*args, **kwargs)
        app.installEventFilter(watcher)
        return app

    gui_app.make_app = make_app_and_watch


def main() -> int:
    from chatsafe.cli import build_parser
    from chatsafe.cli import main as cli_main
    from chatsafe.errors import ChatsafeError

    try:
        _decide_portable()
    except ChatsafeError as exc:
        print(f"chatsafe: {exc}", file=sys.stderr)
        return exc.exit_code
    if os.environ.get("CHATSAFE_SELFTEST") == "qt":
        return qt_selftest()
    if os.environ.get("CHATSAFE_SELFTEST") == "imports":
        return imports_selftest()
    if os.environ.get("CHATSAFE_REPORT_PAINT"):
        _report_first_paint()
    argv = sys.argv[1:]
    if gui_mode(sys.executable):
        _log_streams()
        parser = build_parser()
        commands: set[str] = set()
        for action in parser._actions:  # argparse offers no public way to list subcommands
            choices = getattr(action, "choices", None)
            if isinstance(choices, dict):
                commands |= set(choices)
        argv = gui_argv(argv, commands)
    return cli_main(argv)


if __name__ == "__main__":
    sys.exit(main())
