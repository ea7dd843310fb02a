"""Checking the review log's hash chain on open and on request."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QWidget

from chatsafe.gui import notify
from chatsafe.gui.session import Session

translate = QCoreApplication.translate


class LogCheck:
    """Verify the log on the worker; an altered log shows a banner and a warning."""

    def __init__(self, parent: QWidget, banner: QLabel | None = None) -> None:
        self.parent = parent
        self.banner = banner

    def run(self, session: Session, report_ok: bool) -> None:
        session.read(lambda r: r.verify_log(), lambda problems: self._checked(problems, report_ok))

    def _checked(self, problems: list[str], report_ok: bool) -> None:
        if problems:
            text = translate(
                "MainWindow",
                "Warning: the review log of this case has been altered. Marks may have been changed outside chatsafe. Tell IT support before you continue.",
            )
            if self.banner is not None:
                self.banner.setText(text + "\n" + "; ".join(problems[:3]))
                self.banner.show()
            notify.error(
                self.parent,
                translate("MainWindow", "Review log altered"),
                text + "\n\n" + "\n".join(problems[:10]),
            )
            return
        if self.banner is not None:
            self.banner.hide()
        if report_ok:
            notify.info(
                self.parent,
                translate("MainWindow", "Review log"),
                translate("MainWindow", "The review log is complete and unaltered."),
            )
