"""Checking the review log's hash chain on open and on request."""

from __future__ import annotations

import logging
import re

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QWidget

from chatsafe.gui import notify
from chatsafe.gui.session import Session
from chatsafe.review.log import ChainCheck

translate = QCoreApplication.translate
log = logging.getLogger("chatsafe.gui")


class LogCheck:
    """Verify the log on the worker; an altered log shows a banner and a warning."""

    def __init__(self, parent: QWidget, banner: QLabel | None = None) -> None:
        self.parent = parent
        self.banner = banner

    def run(self, session: Session, report_ok: bool) -> None:
        # A piece at a time: each piece is queued after the reads the user asked for
        # meanwhile, so a long log never makes opening a conversation wait for it.
        self._piece(session, ChainCheck(), report_ok)

    def _piece(self, session: Session, check: ChainCheck, report_ok: bool) -> None:
        def next_or_report(done: ChainCheck) -> None:
            if done.done:
                self._checked(done.problems, report_ok)
            else:
                self._piece(session, done, report_ok)

        session.read(lambda r: r.verify_log_piece(check), next_or_report)

    def _checked(self, problems: list[str], report_ok: bool) -> None:
        if problems:
            text = translate(
                "MainWindow",
                "Warning: the review log of this case has been altered. Marks may have been changed outside chatsafe. Tell IT support before you continue.",
            )
            # The core's lines are technical English: they go to the log for IT support;
            # the user reads how many and where the first is, in the app's language.
            log.warning("review log: %s", "; ".join(problems))
            first = re.search(r"entry (\d+)", problems[0])
            detail = translate(
                "MainWindow",
                "%Ln problem(s) found, the first at entry %1. The details are in the log.",
                "",
                len(problems),
            ).replace("%1", first.group(1) if first else "?")
            if self.banner is not None:
                self.banner.setText(text + "\n" + detail)
                self.banner.show()
            notify.error(
                self.parent,
                translate("MainWindow", "Review log altered"),
                text + "\n\n" + detail,
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
