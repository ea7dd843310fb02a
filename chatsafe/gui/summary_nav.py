"""The "what will leave" page in the main window: a button beside the status bar's
counts and Ctrl+Shift+S show it, Esc or its button go back, a row opens its
conversation (issue 14). The button is in the status bar, not the toolbar: a full
toolbar hides its last items (the search field) in an overflow menu on a narrow window
or at 200 %, and the counts it explains are right there.

The counts are read on the worker (the session's reader runs ``summary()`` there), never
on the GUI thread; while the page is open, every recount of the status bar updates it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QToolButton

from chatsafe.gui.summary_page import SummaryPage
from chatsafe.review.summary import Summary

if TYPE_CHECKING:
    from chatsafe.gui.main_window import MainWindow


class SummaryNav:
    """Owns the page and its wiring; the window keeps one line for it."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.page = SummaryPage(window.stack)
        window.stack.addWidget(self.page)
        self.page.confirm_button.setDefaultAction(window.act.confirm_all)
        self.page.back.connect(self.close)
        self.page.open_conversation.connect(self.open_conversation)
        window.act.summary.triggered.connect(self.show)
        self.button = QToolButton(window)
        self.button.setObjectName("summaryButton")
        self.button.setDefaultAction(window.act.summary)
        self.button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.button.setAutoRaise(False)
        window.statusBar().addPermanentWidget(self.button)

    @property
    def showing(self) -> bool:
        return self.window.stack.currentWidget() is self.page

    def show(self) -> None:
        w = self.window
        if w.session is None:
            return
        if self.showing:
            self.close()  # the same key goes back: the page toggles
            return
        self.page.set_waiting()
        w.stack.setCurrentWidget(self.page)
        self.page.table.setFocus()
        w.session.read(lambda r: r.summary(), self.update)

    def update(self, summary: Summary) -> None:
        """New counts (from the worker): shown when the page is open."""
        w = self.window
        if w.session is None or not self.showing:
            return
        self.page.set_summary(summary, w.conv_model.titles(), w.session.period)

    def close(self) -> None:
        w = self.window
        if self.showing and w.session is not None:
            w.stack.setCurrentWidget(w.review_page)

    def open_conversation(self, cid: int) -> None:
        w = self.window
        self.close()
        w.select_conversation(cid)
        w.conv_view.setFocus()
