"""Dialogs of the review: the summary of what will leave, contact rules, lexicons."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from chatsafe.gui import localtext, notify
from chatsafe.gui.fit import resize_within
from chatsafe.gui.style import PARTY, PRIVATE, label_icon, label_name
from chatsafe.review.summary import Counts, Summary


def _item(value: Any) -> QTableWidgetItem:
    item = QTableWidgetItem(QLocale().toString(value) if isinstance(value, int) else str(value))
    item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
    if isinstance(value, int):
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return item


def _button(parent: QWidget, text: str, slot: Any) -> QPushButton:
    """A push button whose accessible name is its text."""
    button = QPushButton(text, parent)
    button.setAccessibleName(text)
    button.clicked.connect(slot)
    return button


def _table(parent: QWidget, name: str, headers: list[str]) -> QTableWidget:
    """A read-only list of rows with a header and an accessible name."""
    table = QTableWidget(0, len(headers), parent)
    table.setAccessibleName(name)
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setStretchLastSection(True)
    # The label column fits its longest word ("Partijpolitiek" with its icon), never cut.
    table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
    return table


def _feedback(parent: QWidget) -> QLabel:
    """Where a dialog says what the last change did (how many conversations)."""
    label = QLabel("", parent)
    label.setObjectName("feedback")
    label.setWordWrap(True)
    label.setAccessibleName(QCoreApplication.translate("RulesDialog", "Result"))
    return label


class SummaryDialog(QDialog):
    """Per conversation and in total: what leaves, what stays, what is still open.

    The minister reads it before confirming everything at once (``confirm_all``).
    """

    def __init__(
        self, parent: QWidget | None, summary: Summary, titles: dict[int, str], *, can_confirm: bool
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Summary of what will leave"))
        self.confirm_all = False
        self.summary = summary
        headers = [
            self.tr("Conversation"),
            self.tr("Business (leaves)"),
            label_name(PRIVATE),
            label_name(PARTY),
            self.tr("Out of period"),
            self.tr("Unreviewed"),
            self.tr("Unconfirmed"),
        ]
        self.table = QTableWidget(len(summary.conversations) + 1, len(headers), self)
        self.table.setAccessibleName(self.tr("Summary per conversation"))
        self.table.setHorizontalHeaderLabels(headers)
        self.table.verticalHeader().setVisible(False)
        rows: list[tuple[str, Counts]] = [
            (titles.get(cid, str(cid)), n) for cid, n in summary.conversations.items()
        ]
        rows.append((self.tr("Total"), summary.total))
        for i, (title, n) in enumerate(rows):
            for j, value in enumerate(
                (
                    title,
                    n.business,
                    n.private,
                    n.party_political,
                    n.out_of_period,
                    n.unreviewed,
                    n.unconfirmed,
                )
            ):
                self.table.setItem(i, j, _item(value))
        self.table.resizeColumnsToContents()
        t = summary.total
        text = self.tr(
            "%Ln message(s) will leave; %1 private and %2 party-political stay; out of period: %3.",
            "",
            t.business,
        )
        for k, v in enumerate((t.private, t.party_political, t.out_of_period), start=1):
            text = text.replace(f"%{k}", QLocale().toString(v))
        head = QLabel(text, self)
        head.setWordWrap(True)
        buttons = QDialogButtonBox(self)
        close = buttons.addButton(self.tr("Close"), QDialogButtonBox.ButtonRole.RejectRole)
        close.setAccessibleName(self.tr("Close"))
        self.confirm_button = buttons.addButton(
            self.tr("Confirm all conversations"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.confirm_button.setAccessibleName(self.tr("Confirm all conversations"))
        self.confirm_button.setVisible(can_confirm)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self._confirm)
        layout = QVBoxLayout(self)
        layout.addWidget(head)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        resize_within(self, 760, 420)

    def _confirm(self) -> None:
        # One click confirms everything: say exactly what, and ask (issue 14).
        t = self.summary.total
        n = len(self.summary.conversations)
        # Each count carries its own plural (and verb): "1 gesprek", "geldt" / "gelden".
        text = (
            self.tr("Confirm all %Ln conversation(s)?", "", n)
            + "\n\n"
            + self.tr(
                "%1, and %2. Everything that is not marked private or party-political"
                " leaves as business: %3."
            )
            .replace("%3", localtext.messages(t.business))
            .replace(
                "%2",
                self.tr(
                    "%Ln message(s) that nobody has reviewed yet count(s) as reviewed",
                    "",
                    t.unreviewed,
                ),
            )
            .replace(
                "%1",
                self.tr(
                    "%Ln mark(s) proposed by an assistant become(s) decisions", "", t.unconfirmed
                ),
            )
        )
        if t.doubts:  # confirming does not answer them (issue 14)
            text += "\n\n" + self.tr(
                "%Ln doubt(s) stay open: the bundle waits until they are answered.", "", t.doubts
            )
        if notify.ask(self, self.tr("Confirm all conversations"), text):
            self.confirm_all = True
            self.accept()


class RulesDialog(QDialog):
    """Contact rules: everything with this person is private (or party-political), now and
    in later imports. ``add_rule(contact, label, reason)`` and ``remove_rule(contact)`` are
    callbacks the window provides (they run on the worker)."""

    def __init__(
        self,
        parent: QWidget | None,
        rules: list[dict[str, Any]],
        contacts: list[str],
        add_rule: Any,
        remove_rule: Any,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Contact rules"))
        self._add, self._remove = add_rule, remove_rule
        self.table = _table(
            self,
            self.tr("Contact rules"),
            [self.tr("Contact"), self.tr("Label"), self.tr("Reason")],
        )
        self.set_rules(rules)
        self.contact = QComboBox(self)
        self.contact.setEditable(True)
        self.contact.addItems(contacts)
        self.contact.setCurrentText("")
        self.contact.setAccessibleName(self.tr("Contact (name or number)"))
        self.label = QComboBox(self)
        self.label.setAccessibleName(self.tr("Label"))
        for value in (PRIVATE, PARTY):
            self.label.addItem(label_icon(value), label_name(value), value)
        self.reason = QLineEdit(self)
        self.reason.setAccessibleName(self.tr("Reason"))
        self.reason.setPlaceholderText(self.tr("optional"))
        add = _button(self, self.tr("Add rule"), self._on_add)
        remove = _button(self, self.tr("Remove selected rule"), self._on_remove)
        note = QLabel(
            self.tr(
                "A rule marks one-to-one conversations with this contact, now and in later imports. Group conversations and conversations someone marked by hand are left alone."
            ),
            self,
        )
        note.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Contact:"), self.contact)
        form.addRow(self.tr("Label:"), self.label)
        form.addRow(self.tr("Reason:"), self.reason)
        row = QHBoxLayout()
        row.addWidget(add)
        row.addWidget(remove)
        row.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        close.rejected.connect(self.reject)
        self.feedback = _feedback(self)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.table, 1)
        layout.addLayout(form)
        layout.addLayout(row)
        layout.addWidget(self.feedback)
        layout.addWidget(close)
        resize_within(self, 640, 440)

    def report_added(self, conversations: int) -> None:
        self.feedback.setText(
            self.tr("Rule added: %Ln conversation(s) changed.", "", conversations)
        )

    def report_removed(self) -> None:
        self.feedback.setText(
            self.tr(
                "Rule removed. Conversations it marked keep their mark; change them by hand "
                "if needed."
            )
        )

    def set_rules(self, rules: list[dict[str, Any]]) -> None:
        self.table.setRowCount(len(rules))
        for i, r in enumerate(rules):
            name = _item(r["value"])
            self.table.setItem(i, 0, name)
            lab = _item(label_name(r["label"]))
            lab.setIcon(label_icon(r["label"]))
            self.table.setItem(i, 1, lab)
            self.table.setItem(i, 2, _item(r.get("reason") or ""))
        self.table.resizeColumnToContents(0)  # "Marieke de Vries", not "Marieke de …"

    def _on_add(self) -> None:
        contact = self.contact.currentText().strip()
        if contact:
            self._add(contact, self.label.currentData(), self.reason.text().strip() or None)
            self.reason.clear()

    def _on_remove(self) -> None:
        row = self.table.currentRow()
        item = self.table.item(row, 0) if row >= 0 else None
        if item is not None:
            self._remove(item.text())


class LexiconDialog(QDialog):
    """The case's lexicon: terms that suggest a label. Suggestions are never decisions."""

    def __init__(
        self, parent: QWidget | None, terms: list[Any], add_term: Any, remove_term: Any
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Lexicon"))
        self._add, self._remove = add_term, remove_term
        self.table = _table(
            self,
            self.tr("Lexicon terms"),
            [self.tr("Term"), self.tr("Suggests"), self.tr("Lexicon")],
        )
        self.set_terms(terms)
        self.term = QLineEdit(self)
        self.term.setAccessibleName(self.tr("New term"))
        self.term.setPlaceholderText(
            self.tr("a word; end with * to match words that start with it")
        )
        self.label = QComboBox(self)
        self.label.setAccessibleName(self.tr("Suggested label"))
        for value in (PRIVATE, PARTY):
            self.label.addItem(label_icon(value, suggested=True), label_name(value), value)
        add = _button(self, self.tr("Add term"), self._on_add)
        remove = _button(self, self.tr("Remove selected term"), self._on_remove)
        note = QLabel(
            self.tr(
                "Words from the lexicon are underlined in the transcript and suggest a label (an outlined icon). A suggestion never becomes a mark until someone clicks."
            ),
            self,
        )
        note.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.term, 1)
        row.addWidget(self.label)
        row.addWidget(add)
        row.addWidget(remove)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        close.rejected.connect(self.reject)
        self.feedback = _feedback(self)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        layout.addWidget(self.feedback)
        layout.addWidget(close)
        resize_within(self, 640, 480)
        self._ids: list[int] = []

    def report_added(self, conversations: int) -> None:
        self.feedback.setText(
            self.tr(
                "Term added: it occurs in %Ln conversation(s), which now show a suggestion.",
                "",
                conversations,
            )
        )

    def report_removed(self) -> None:
        self.feedback.setText(self.tr("Term removed: its suggestions are gone."))

    def set_terms(self, terms: list[Any]) -> None:
        self._ids = [t.id for t in terms]
        self.table.setRowCount(len(terms))
        for i, t in enumerate(terms):
            self.table.setItem(i, 0, _item(t.term))
            lab = _item(label_name(t.label.value))
            lab.setIcon(label_icon(t.label.value, suggested=True))
            self.table.setItem(i, 1, lab)
            self.table.setItem(i, 2, _item(t.lexicon))
        self.table.resizeColumnToContents(0)

    def _on_add(self) -> None:
        term = self.term.text().strip()
        if term:
            self._add(term, self.label.currentData())
            self.term.clear()

    def _on_remove(self) -> None:
        row = self.table.currentRow()
        if 0 <= row < len(self._ids):
            self._remove(self._ids[row])
