"""Starting the app: QApplication, look, language, the main window."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from chatsafe import __version__
from chatsafe.gui import excepthook, i18n, notify, selfcheck
from chatsafe.gui.style import apply_look

log = logging.getLogger("chatsafe.gui")


def make_app(lang: str | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("chatsafe")
    app.setApplicationVersion(__version__)
    app.setOrganizationName("chatsafe")
    apply_look(app)
    lang = lang or i18n.system_language()
    translator = i18n.install(app, lang)
    log.info("language %s, translation loaded: %s", lang, translator is not None)
    return app


def run(
    case: Path | None = None,
    *,
    passphrase: str | None = None,
    quit_after_ms: int | None = None,
    lang: str | None = None,
) -> int:
    """Show the main window (on ``case`` if given) and run until it closes.

    Returns 2 without opening a window when the Qt binding fails the self-check."""
    app = make_app(lang)
    if not binding_is_safe():
        return 2
    # Imported after the check: nothing of the main window paints before it.
    from chatsafe.gui.main_window import MainWindow

    window = MainWindow()
    excepthook.install(lambda: window)
    window.show()
    if case is not None:
        window.open_path(case, passphrase)
    if quit_after_ms is not None:
        QTimer.singleShot(quit_after_ms, window.close)
    log.info("main window shown")
    code = app.exec()
    log.info("main window closed; exit code %d", code)
    return code


def binding_is_safe(probe: selfcheck.Probe | None = None) -> bool:
    """Run the startup self-check; on failure tell the user (dialog and stderr) and log it."""
    verdict = selfcheck.check(probe or selfcheck.paint_probe)
    if verdict.ok:
        return True
    log.error(
        "Qt binding refused: PySide6 %s on Python %s lost %d references to None in %d calls",
        verdict.pyside,
        verdict.python,
        -verdict.drift,
        selfcheck.CALLS,
    )
    text = verdict.message()
    print(f"chatsafe: {text}", file=sys.stderr)
    # A message box paints in C++: a handful of Python calls, far from what aborts.
    notify.error(None, "chatsafe", text)
    return False
