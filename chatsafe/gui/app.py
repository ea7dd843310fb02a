"""Starting the app: QApplication, look, language, the main window."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from chatsafe import __version__
from chatsafe.gui import i18n
from chatsafe.gui.main_window import MainWindow
from chatsafe.gui.style import apply_look


def make_app(lang: str | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("chatsafe")
    app.setApplicationVersion(__version__)
    app.setOrganizationName("chatsafe")
    apply_look(app)
    i18n.install(app, lang or i18n.system_language())
    return app


def run(
    case: Path | None = None,
    *,
    passphrase: str | None = None,
    quit_after_ms: int | None = None,
    lang: str | None = None,
) -> int:
    """Show the main window (on ``case`` if given) and run until it closes."""
    app = make_app(lang)
    window = MainWindow()
    window.show()
    if case is not None:
        window.open_path(case, passphrase)
    if quit_after_ms is not None:
        QTimer.singleShot(quit_after_ms, window.close)
    return app.exec()
