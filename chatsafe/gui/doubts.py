"""Doubts in the app ("bij twijfel overleg", issue 14): D raises a doubt about what is
selected with a short question, Shift+D answers the selected doubt with one click
(private, party-political, business, or withdraw). Both go on the undo stack like marks.

The question dialog names its scope ("the whole conversation X" or "N messages"), so a
key never acts on something the user cannot see.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from chatsafe.domain import Ask, Label
from chatsafe.gui.style import PARTY, PRIVATE, label_name
from chatsafe.gui.undo import MarkCommand
from chatsafe.review.doubts import MAX_QUESTION, Doubt
from chatsafe.service import CaseService, Changes

if TYPE_CHECKING:
    from chatsafe.gui.main_window import MainWindow

WITHDRAW = "withdraw"


class DoubtDialog(QDialog):
    """The question of a new doubt, and whom it asks."""

    def __init__(self, parent: QWidget | None, scope: str) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Raise a doubt"))
        intro = QLabel(self.tr("In doubt: %1").replace("%1", scope), self)
        intro.setWordWrap(True)
        self.question = QPlainTextEdit(self)
        self.question.setAccessibleName(self.tr("Question"))
        self.question.setPlaceholderText(self.tr("e.g. 'Is this about the party congress?'"))
        self.question.setTabChangesFocus(True)
        self.ask = QComboBox(self)
        self.ask.setAccessibleName(self.tr("Ask"))
        self.ask.addItem(self.tr("the minister"), Ask.MINISTER.value)
        self.ask.addItem(self.tr("the records officer"), Ask.RECORDS_OFFICER.value)
        note = QLabel(
            self.tr(
                "The bundle cannot be made until the doubt is answered. The question stays in the case."
            ),
            self,
        )
        note.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Raise doubt"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.question.textChanged.connect(self._check)
        form = QFormLayout()
        form.addRow(self.tr("Question:"), self.question)
        form.addRow(self.tr("Ask:"), self.ask)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.buttons)
        self.question.setMinimumWidth(self.fontMetrics().averageCharWidth() * 56)
        self.question.setMaximumHeight(self.fontMetrics().lineSpacing() * 5)
        self.question.setFocus()
        self._check()

    def _check(self) -> None:
        text = self.question.toPlainText().strip()
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(text) and len(text) <= MAX_QUESTION)

    @classmethod
    def ask_question(cls, parent: QWidget | None, scope: str) -> tuple[str, Ask] | None:
        d = cls(parent, scope)
        if d.exec() != QDialog.DialogCode.Accepted:
            return None
        return d.question.toPlainText().strip(), Ask(str(d.ask.currentData()))


class AnswerDialog(QDialog):
    """A doubt's question with one button per answer."""

    def __init__(self, parent: QWidget | None, doubt: Doubt, scope: str) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Answer a doubt"))
        self.answer: str | None = None
        whom = (
            self.tr("the records officer")
            if doubt.ask == Ask.RECORDS_OFFICER
            else self.tr("the minister")
        )
        head = QLabel(
            self.tr("%1 asks %2 about %3:")
            .replace("%1", doubt.raised_by)
            .replace("%2", whom)
            .replace("%3", scope),
            self,
        )
        head.setWordWrap(True)
        question = QLabel(doubt.question, self)
        question.setObjectName("doubtQuestion")
        question.setWordWrap(True)
        question.setStyleSheet("font-weight:bold")
        layout = QVBoxLayout(self)
        layout.addWidget(head)
        layout.addWidget(question)
        box = QDialogButtonBox(self)
        self.buttons: dict[str, QPushButton] = {}
        for key, text in (
            (PRIVATE, label_name(PRIVATE)),
            (PARTY, label_name(PARTY)),
            (Label.BUSINESS.value, label_name(Label.BUSINESS.value)),
            (WITHDRAW, self.tr("Withdraw the question")),
        ):
            button = box.addButton(text, QDialogButtonBox.ButtonRole.AcceptRole)
            button.setObjectName(f"answer_{key}")
            button.clicked.connect(lambda _=False, k=key: self._choose(k))
            self.buttons[key] = button
        cancel = box.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(self.tr("Cancel"))
        box.rejected.connect(self.reject)
        layout.addWidget(box)

    def _choose(self, key: str) -> None:
        self.answer = key
        self.accept()


class DoubtController(QObject):
    """Raises and answers doubts for the main window, through its undo stack."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.w = window
        window.act.raise_doubt.triggered.connect(self.raise_doubt)
        window.act.answer_doubt.triggered.connect(self.answer_doubt)
        # The buttons sit under the details of the selection, where the question shows:
        # the toolbar is full at 1280 px, and a wider one pushed the search field out.
        self.buttons = QWidget(window.details)
        self.buttons.setObjectName("doubtButtons")
        row = QHBoxLayout(self.buttons)
        row.setContentsMargins(0, 0, 0, 0)
        for act in (window.act.raise_doubt, window.act.answer_doubt):
            button = QToolButton(self.buttons)
            button.setDefaultAction(act)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            row.addWidget(button)
        row.addStretch(1)
        layout = window.details.layout()
        if layout is not None:
            layout.addWidget(self.buttons)

    # -- what is selected ---------------------------------------------------------
    def _targets(self) -> tuple[int | None, list[int]]:
        """The current conversation, and the selected messages when the transcript has
        the focus (the same rule as marking)."""
        w = self.w
        ids = w.selected_message_ids() if w._focus == "messages" else []
        return w.current_conversation_id(), ids

    def _scope(self, cid: int, ids: list[int]) -> str:
        if ids:
            return self.tr("%Ln message(s)", "", len(ids))
        row = self.w.conv_model.conversation(self.w.conv_model.row_of(cid))
        title = row.title if row is not None else ""
        return self.tr('the whole conversation "%1"').replace("%1", title)

    # -- raising ------------------------------------------------------------------
    def raise_doubt(self) -> None:
        w = self.w
        if w.session is None or not w.may_mark:
            return
        cid, ids = self._targets()
        if cid is None:
            return
        got = DoubtDialog.ask_question(w, self._scope(cid, ids))
        if got is None:
            return
        question, ask = got
        who = w.session.reviewer

        def forward(s: CaseService) -> Changes:
            if ids:
                return s.raise_doubt(question, by=who.name, role=who.role, ask=ask, message_ids=ids)
            return s.raise_doubt(question, by=who.name, role=who.role, ask=ask, conversation_id=cid)

        text = self.tr("raise a doubt")
        w.undo_stack.push(
            MarkCommand(
                w.session, text, forward, conversation_ids=[] if ids else [cid], message_ids=ids
            )
        )
        w.statusBar().showMessage(
            self.tr("Doubt raised: the bundle waits until it is answered. Ctrl+Z undoes it."),
            6000,
        )

    # -- answering ----------------------------------------------------------------
    def selected_doubt(self) -> tuple[Doubt, int | None] | None:
        """The open doubt on the current message (transcript focus), else on the current
        conversation, with the message id it is about."""
        w = self.w
        if w.session is None:
            return None
        cid = w.current_conversation_id()
        if cid is None:
            return None
        index = w.transcript.currentIndex()
        if w._focus == "messages" and index.isValid():
            mid = w.msg_model.message(index.row()) if w.msg_model is not None else None
            if mid is not None:
                found = w.session.reader.doubt_on(cid, mid.id)
                if found is not None:
                    return found, mid.id
        found = w.session.reader.doubt_on(cid, None)
        return None if found is None else (found, None)

    def answer_doubt(self) -> None:
        w = self.w
        if w.session is None or not w.may_mark:
            return
        got = self.selected_doubt()
        if got is None:
            w.statusBar().showMessage(
                self.tr("Nothing selected is in doubt. N goes to the next doubt."), 6000
            )
            return
        doubt, mid = got
        scope = (
            self.tr("this message") if mid is not None else self._scope(doubt.conversation_id, [])
        )
        dialog = AnswerDialog(w, doubt, scope)
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.answer is None:
            return
        self.answer(doubt.conversation_id, mid, dialog.answer)

    def answer(self, cid: int, mid: int | None, key: str) -> None:
        """Resolve the doubt on ``cid`` / ``mid`` with ``key`` (a label, or WITHDRAW)."""
        w = self.w
        if w.session is None:
            return
        label = None if key == WITHDRAW else Label(key)
        who = w.session.reviewer

        def forward(s: CaseService) -> Changes:
            return s.answer_doubt(cid, mid, label, by=who.name, role=who.role)

        if label is None:
            text = self.tr("withdraw a doubt")
            done = self.tr("Doubt withdrawn. Ctrl+Z undoes it.")
        else:
            text = self.tr("answer a doubt: %1").replace("%1", label_name(label.value))
            done = self.tr("Doubt answered: %1. Ctrl+Z undoes it.").replace(
                "%1", label_name(label.value)
            )
        w.undo_stack.push(
            MarkCommand(
                w.session,
                text,
                forward,
                conversation_ids=[] if mid is not None else [cid],
                message_ids=[] if mid is None else [mid],
            )
        )
        w.statusBar().showMessage(done, 6000)


__all__ = ["AnswerDialog", "DoubtController", "DoubtDialog", "WITHDRAW"]
