"""The review's dialogs as operations: the summary, contact rules, lexicons, the period.

Each takes the session and the parent window explicitly; the dialog is modal, its
changes are service commands on the worker, and what it shows is read through the
session's reader.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import QDialog, QWidget

from chatsafe.domain import Label
from chatsafe.gui.operations import review
from chatsafe.gui.operations.base import CaseOp
from chatsafe.gui.session import Session
from chatsafe.review.summary import Summary
from chatsafe.service import Changes


class SummaryOp:
    """Count what leaves on the worker, then show it; the minister may confirm all."""

    def __init__(
        self,
        session: Session,
        parent: QWidget,
        titles: Callable[[], dict[int, str]],
        offer_confirm: bool,
    ) -> None:
        self.session = session
        self.parent = parent
        self.titles = titles
        self.offer_confirm = offer_confirm
        self.dialog: QDialog | None = None

    def run(self) -> None:
        self.session.read(lambda r: r.summary(), self._ready)

    def _ready(self, summary: Summary) -> None:
        from chatsafe.gui.review_dialogs import SummaryDialog

        can_confirm = self.offer_confirm and self.session.reviewer.confirms
        dialog = SummaryDialog(self.parent, summary, self.titles(), can_confirm=can_confirm)
        self.dialog = dialog
        if dialog.exec() and dialog.confirm_all:
            n = len(summary.conversations)
            doubts = summary.total.doubts
            review.confirm_all(self.session).success(lambda _c: self._confirmed(n, doubts)).run()

    def _confirmed(self, n: int, doubts: int = 0) -> None:
        from chatsafe.gui import notify

        if doubts:  # confirming answers no doubt: the bundle still waits (issue 14)
            text = QCoreApplication.translate(
                "SummaryOp",
                "All %Ln conversation(s) are confirmed. Answer the open doubts first (%1), "
                "then create the bundle; N goes to the next.",
                "",
                n,
            ).replace("%1", QLocale().toString(doubts))
        else:
            text = QCoreApplication.translate(
                "SummaryOp",
                "All %Ln conversation(s) are confirmed. You can now create the bundle.",
                "",
                n,
            )
        notify.info(self.parent, QCoreApplication.translate("SummaryOp", "Confirmed"), text)


class RulesOp:
    """Contact rules: list, add, remove."""

    def __init__(self, session: Session, parent: QWidget) -> None:
        self.session = session
        self.parent = parent
        self.dialog: QDialog | None = None

    def run(self) -> None:
        from chatsafe.gui.review_dialogs import RulesDialog

        s = self.session
        dialog = RulesDialog(
            self.parent, s.reader.rules(), s.reader.contacts(), self._add, self._remove
        )
        self.dialog = dialog
        dialog.exec()

    def _refresh(self, changes: Changes) -> None:
        from chatsafe.gui.review_dialogs import RulesDialog

        if isinstance(self.dialog, RulesDialog):
            self.dialog.set_rules(self.session.reader.rules())

    def _added(self, changes: Changes) -> None:
        self._refresh(changes)
        from chatsafe.gui.review_dialogs import RulesDialog

        if isinstance(self.dialog, RulesDialog):
            self.dialog.report_added(changes.count)

    def _removed(self, changes: Changes) -> None:
        self._refresh(changes)
        from chatsafe.gui.review_dialogs import RulesDialog

        if isinstance(self.dialog, RulesDialog):
            self.dialog.report_removed()

    def _add(self, contact: str, label: str, reason: str | None) -> None:
        who = self.session.reviewer
        CaseOp(
            self.session,
            lambda s: s.add_contact_rule(
                contact, Label(label), by=who.name, role=who.role, reason=reason
            ),
        ).success(self._added).run()

    def _remove(self, contact: str) -> None:
        who = self.session.reviewer
        CaseOp(
            self.session, lambda s: s.remove_contact_rule(contact, by=who.name, role=who.role)
        ).success(self._removed).run()


class LexiconOp:
    """Lexicon terms: list, add, remove."""

    def __init__(self, session: Session, parent: QWidget) -> None:
        self.session = session
        self.parent = parent
        self.dialog: QDialog | None = None

    def run(self) -> None:
        from chatsafe.gui.review_dialogs import LexiconDialog

        dialog = LexiconDialog(
            self.parent, self.session.reader.lexicon_terms(), self._add, self._remove
        )
        self.dialog = dialog
        dialog.exec()

    def _refresh(self, _changes: Changes) -> None:
        from chatsafe.gui.review_dialogs import LexiconDialog

        if isinstance(self.dialog, LexiconDialog):
            self.dialog.set_terms(self.session.reader.lexicon_terms())

    def _added(self, changes: Changes) -> None:
        self._refresh(changes)
        from chatsafe.gui.review_dialogs import LexiconDialog

        if isinstance(self.dialog, LexiconDialog):
            self.dialog.report_added(len(changes.conversations))

    def _removed(self, changes: Changes) -> None:
        self._refresh(changes)
        from chatsafe.gui.review_dialogs import LexiconDialog

        if isinstance(self.dialog, LexiconDialog):
            self.dialog.report_removed()

    def _add(self, term: str, label: str) -> None:
        who = self.session.reviewer
        CaseOp(
            self.session,
            lambda s: s.add_lexicon_term("nl", term, Label(label), by=who.name, role=who.role),
        ).success(self._added).run()

    def _remove(self, term_id: int) -> None:
        who = self.session.reviewer
        CaseOp(
            self.session, lambda s: s.remove_lexicon_term(term_id, by=who.name, role=who.role)
        ).success(self._removed).run()


class PeriodOp:
    """The in-scope period dialog; the service validates and logs the change."""

    def __init__(self, session: Session, parent: QWidget) -> None:
        self.session = session
        self.parent = parent
        self.dialog: QDialog | None = None

    def run(self) -> None:
        from chatsafe.gui.dialogs import PeriodDialog

        dialog = PeriodDialog(self.parent, *self.session.period)
        self.dialog = dialog
        if dialog.exec():
            values = dialog.values()
            review.set_period(
                self.session, values.get("period_start"), values.get("period_end")
            ).run()
