"""What the review actions do: marks, confirmation, rules, lexicons, the period, the log.

A mixin of :class:`~chatsafe.gui.main_window.MainWindow`; every write is a job for the
worker through :meth:`Session.write`, and the core records it in the review log.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication

from chatsafe.domain import Label
from chatsafe.gui import notify
from chatsafe.gui.case_ops import CaseOps
from chatsafe.review import labels, lexicon, log, rules
from chatsafe.review.labels import Role

translate = QCoreApplication.translate

if TYPE_CHECKING:
    from chatsafe.gui.main_window import MainWindow


def _label(value: str | None) -> Label | None:
    return None if value is None else Label(value)


class ReviewOps(CaseOps):
    # -- marks --------------------------------------------------------------------
    def mark(self: MainWindow, label: str | None, reason: str | None = None) -> None:
        """Mark the selection: the selected messages when the transcript has the focus,
        else the current conversation."""
        if self.session is None:
            return
        if self._focus == "messages":
            ids = self.selected_message_ids()
            if ids:
                self.mark_messages(ids, label, reason)
                return
        cid = self.current_conversation_id()
        if cid is not None:
            self.mark_conversation(cid, label, reason)

    def mark_conversation(
        self: MainWindow, cid: int, label: str | None, reason: str | None = None
    ) -> None:
        s = self.session
        if s is None:
            return
        who = s.reviewer
        s.write(
            lambda c: labels.label_conversation(
                c, cid, _label(label), by=who.name, role=who.role, reason=reason
            )
        )

    def mark_messages(
        self: MainWindow, ids: list[int], label: str | None, reason: str | None = None
    ) -> None:
        s = self.session
        if s is None:
            return
        who = s.reviewer
        s.write(
            lambda c: labels.label_messages(
                c, ids, _label(label), by=who.name, role=who.role, reason=reason
            )
        )

    def mark_with_reason(self: MainWindow) -> None:
        from chatsafe.gui.dialogs import ReasonDialog

        answer = ReasonDialog.ask(self)
        if answer is not None:
            self.mark(answer[0], answer[1])

    # -- two passes ---------------------------------------------------------------
    def confirm(self: MainWindow) -> None:
        """The minister confirms the conversation; anyone else records a first pass."""
        s = self.session
        cid = self.current_conversation_id()
        if s is None or cid is None:
            return
        who = s.reviewer
        if who.confirms:
            s.write(lambda c: labels.confirm_conversation(c, cid, by=who.name, role=who.role))
        else:
            s.write(lambda c: labels.mark_reviewed(c, cid, by=who.name, role=who.role))

    def confirm_everything(self: MainWindow) -> None:
        s = self.session
        if s is None or not s.reviewer.confirms:
            return
        who = s.reviewer

        def job(c: Any) -> int:
            ids = [int(r[0]) for r in c.execute("SELECT id FROM conversations ORDER BY id")]
            return sum(
                labels.confirm_conversation(c, cid, by=who.name, role=who.role) for cid in ids
            )

        s.write(job, changed="conversations")

    def show_summary(self: MainWindow, offer_confirm: bool = False) -> None:
        from chatsafe.review.summary import summarize

        if self.session is not None:
            self.session.read(
                summarize, lambda summary: self._summary_ready(summary, offer_confirm)
            )

    def _summary_ready(self: MainWindow, summary: Any, offer_confirm: bool) -> None:
        from chatsafe.gui.review_dialogs import SummaryDialog

        if self.session is None:
            return
        titles = {
            r.id: r.title
            for r in (self.conv_model.conversation(i) for i in range(self.conv_model.rowCount()))
        }
        dialog = SummaryDialog(
            self, summary, titles, can_confirm=offer_confirm and self.session.reviewer.confirms
        )
        self._dialog = dialog
        if dialog.exec() and dialog.confirm_all:
            self.confirm_everything()

    # -- rules and lexicons -------------------------------------------------------
    def edit_rules(self: MainWindow) -> None:
        from chatsafe.gui.review_dialogs import RulesDialog

        s = self.session
        if s is None:
            return
        who = s.reviewer
        contacts = [
            str(r[0])
            for r in s.reader.execute(
                "SELECT DISTINCT name FROM participants WHERE is_owner = 0 ORDER BY name"
            )
        ]

        def refresh(_: Any = None) -> None:
            dialog.set_rules(rules.list_rules(s.reader))

        def add(contact: str, label: str, reason: str | None) -> None:
            s.write(
                lambda c: rules.add_contact_rule(
                    c, contact, Label(label), by=who.name, role=who.role, reason=reason
                ),
                changed="conversations",
                on_done=refresh,
            )

        def remove(contact: str) -> None:
            s.write(
                lambda c: rules.remove_contact_rule(c, contact, by=who.name, role=who.role),
                changed="conversations",
                on_done=refresh,
            )

        dialog = RulesDialog(self, rules.list_rules(s.reader), contacts, add, remove)
        self._dialog = dialog
        dialog.exec()

    def edit_lexicon(self: MainWindow) -> None:
        from chatsafe.gui.review_dialogs import LexiconDialog

        s = self.session
        if s is None:
            return
        who = s.reviewer

        def refresh(_: Any = None) -> None:
            dialog.set_terms(lexicon.terms(s.reader))

        def add(term: str, label: str) -> None:
            s.write(
                lambda c: lexicon.add_term(c, "nl", term, Label(label), by=who.name, role=who.role),
                changed="lexicon",
                on_done=refresh,
            )

        def remove(term_id: int) -> None:
            s.write(
                lambda c: lexicon.remove_term(c, term_id, by=who.name, role=who.role),
                changed="lexicon",
                on_done=refresh,
            )

        dialog = LexiconDialog(self, lexicon.terms(s.reader), add, remove)
        self._dialog = dialog
        dialog.exec()

    def edit_period(self: MainWindow) -> None:
        from chatsafe.gui.dialogs import PeriodDialog

        s = self.session
        if s is None:
            return
        dialog = PeriodDialog(self, *s.period)
        self._dialog = dialog
        if dialog.exec():
            self.set_period(dialog.values())

    def set_period(self: MainWindow, values: dict[str, str]) -> None:
        from chatsafe import settings

        s = self.session
        if s is None:
            return
        who = s.reviewer
        for key in ("period_start", "period_end"):
            values.setdefault(key, "")
        clean = {k: settings.validate(k, v) for k, v in values.items() if v}
        settings.check_period(clean)

        def job(c: Any) -> None:
            for key in ("period_start", "period_end"):
                old = c.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
                old_value = None if old is None else str(old[0])
                new = clean.get(key)
                if old_value == new:
                    continue
                s.case.put_setting(c, key, new)
                log.append(
                    c,
                    actor=who.name,
                    role=who.role.value,
                    action="setting",
                    target=f"setting:{key}",
                    old=old_value,
                    new=new,
                )

        s.write(job, changed="settings")

    # -- the log, the bundle ------------------------------------------------------
    def check_log(self: MainWindow, report_ok: bool = False) -> None:
        if self.session is not None:
            self.session.read(log.verify, lambda problems: self._log_checked(problems, report_ok))

    def _log_checked(self: MainWindow, problems: list[str], report_ok: bool) -> None:
        if problems:
            text = translate(
                "MainWindow",
                "Warning: the review log of this case has been altered. Marks may have been changed outside chatsafe. Tell IT support before you continue.",
            )
            self.banner.setText(text + "\n" + "; ".join(problems[:3]))
            self.banner.show()
            notify.error(
                self,
                translate("MainWindow", "Review log altered"),
                text + "\n\n" + "\n".join(problems[:10]),
            )
        else:
            self.banner.hide()
            if report_ok:
                notify.info(
                    self,
                    translate("MainWindow", "Review log"),
                    translate("MainWindow", "The review log is complete and unaltered."),
                )

    def open_bundle(self: MainWindow) -> None:
        if not self.bundle_available or self.session is None:
            return
        from chatsafe.gui import bundle_dialog  # type: ignore[attr-defined]

        bundle_dialog.open_bundle_dialog(self)

    def about(self: MainWindow) -> None:
        from chatsafe import __version__

        notify.info(
            self,
            translate("MainWindow", "About chatsafe"),
            translate(
                "MainWindow",
                "chatsafe %1: separate business messages from private and party-political ones, and hand the business record to the archive.",
            ).replace("%1", __version__),
        )


__all__ = ["ReviewOps", "Role"]
