"""Small dialogs: passphrase, who is reviewing, a new case, a mark with a reason, the
in-scope period."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from chatsafe import keys
from chatsafe.gui import localtext
from chatsafe.gui.style import PARTY, PRIVATE, label_name
from chatsafe.review.labels import Role


def _buttons(dialog: QDialog) -> QDialogButtonBox:
    box = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    translate = QCoreApplication.translate
    box.button(QDialogButtonBox.StandardButton.Ok).setText(translate("Dialogs", "OK"))
    box.button(QDialogButtonBox.StandardButton.Cancel).setText(translate("Dialogs", "Cancel"))
    box.accepted.connect(dialog.accept)
    box.rejected.connect(dialog.reject)
    return box


def role_names() -> dict[Role, str]:
    from PySide6.QtCore import QCoreApplication

    translate = QCoreApplication.translate
    return {
        Role.ASSISTANT: translate("Roles", "Assistant (first pass: proposes marks)"),
        Role.MINISTER: translate("Roles", "Minister (confirms)"),
        Role.IT: translate("Roles", "IT support (checks the case)"),
    }


class PassphraseDialog(QDialog):
    """Asks for a case's passphrase; ``new=True`` asks twice and checks the length."""

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        new: bool = False,
        message: str = "",
        hint: str = "",
    ) -> None:
        super().__init__(parent)
        self.new = new
        self.setWindowTitle(self.tr("Passphrase"))
        # A hint is not an error: plain text, selectable (the demo case's passphrase).
        self.hint = QLabel(hint, self)
        self.hint.setWordWrap(True)
        self.hint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.hint.setVisible(bool(hint))
        self.edit = QLineEdit(self)
        self.edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.edit.setAccessibleName(self.tr("Passphrase"))
        self.again = QLineEdit(self)
        self.again.setEchoMode(QLineEdit.EchoMode.Password)
        self.again.setAccessibleName(self.tr("Same passphrase again"))
        self.error = QLabel(message, self)
        self.error.setStyleSheet("color: #b00020")
        self.error.setWordWrap(True)
        form = QFormLayout()
        intro = (
            self.tr("Choose a passphrase for the new case (at least %1 characters).")
            if new
            else self.tr("This case's key is not in this computer's keyring. Type its passphrase.")
        ).replace("%1", str(keys.MIN_PASSPHRASE))
        label = QLabel(intro, self)
        label.setWordWrap(True)
        form.addRow(self.tr("Passphrase:"), self.edit)
        if new:
            form.addRow(self.tr("Again:"), self.again)
        else:
            self.again.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.hint)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(_buttons(self))

    def accept(self) -> None:
        if self.new:
            if len(self.edit.text()) < keys.MIN_PASSPHRASE:
                self.error.setText(self.tr("The passphrase is too short."))
                return
            if self.edit.text() != self.again.text():
                self.error.setText(self.tr("The two passphrases differ."))
                return
        super().accept()

    @classmethod
    def ask(
        cls, parent: QWidget | None, *, new: bool = False, message: str = "", hint: str = ""
    ) -> str | None:
        dialog = cls(parent, new=new, message=message, hint=hint)
        return dialog.edit.text() if dialog.exec() == QDialog.DialogCode.Accepted else None


class IdentityDialog(QDialog):
    """Who reviews: a name and a role. Every mark goes into the review log under them."""

    def __init__(
        self, parent: QWidget | None = None, name: str = "", role: str = "assistant"
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Who is reviewing?"))
        self.name = QLineEdit(name, self)
        self.name.setAccessibleName(self.tr("Your name"))
        self.role = QComboBox(self)
        self.role.setAccessibleName(self.tr("Your role"))
        for r, text in role_names().items():
            self.role.addItem(text, r.value)
        self.role.setCurrentIndex(max(0, self.role.findData(role)))
        self.error = QLabel("", self)
        self.error.setStyleSheet("color: #b00020")
        intro = QLabel(
            self.tr(
                "Every mark you make is recorded in the case's review log under your name and role."
            ),
            self,
        )
        intro.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Name:"), self.name)
        form.addRow(self.tr("Role:"), self.role)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(_buttons(self))

    def accept(self) -> None:
        if not self.name.text().strip():
            self.error.setText(self.tr("Please give your name."))
            return
        super().accept()

    @classmethod
    def ask(
        cls, parent: QWidget | None, name: str = "", role: str = "assistant"
    ) -> tuple[str, Role] | None:
        d = cls(parent, name, role)
        if d.exec() != QDialog.DialogCode.Accepted:
            return None
        return d.name.text().strip(), Role(d.role.currentData())


class NewCaseDialog(QDialog):
    """A new case: where to save it, the owner's name, and the key (keyring or passphrase)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New case"))
        self.path = QLineEdit(self)
        self.path.setAccessibleName(self.tr("Case file"))
        browse = QPushButton(self.tr("Browse…"), self)
        browse.setAccessibleName(self.tr("Choose where to save the case"))
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        self.owner = QLineEdit(self)
        self.owner.setAccessibleName(self.tr("Owner's name"))
        self.owner.setPlaceholderText(self.tr("as it appears in the exports"))
        self.use_pass = QCheckBox(self.tr("Protect with a passphrase instead of the keyring"), self)
        has_keyring = keys.keyring_available()
        self.use_pass.setChecked(not has_keyring)
        self.use_pass.setEnabled(has_keyring)
        self.passphrase = QLineEdit(self)
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setAccessibleName(self.tr("Passphrase"))
        self.again = QLineEdit(self)
        self.again.setEchoMode(QLineEdit.EchoMode.Password)
        self.again.setAccessibleName(self.tr("Same passphrase again"))
        self.error = QLabel("", self)
        self.error.setStyleSheet("color: #b00020")
        self.error.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Case file:"), row)
        form.addRow(self.tr("Owner:"), self.owner)
        form.addRow(self.use_pass)
        form.addRow(self.tr("Passphrase:"), self.passphrase)
        form.addRow(self.tr("Again:"), self.again)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(_buttons(self))
        self.use_pass.toggled.connect(self._sync)
        self._sync()

    def _sync(self) -> None:
        on = self.use_pass.isChecked()
        self.passphrase.setEnabled(on)
        self.again.setEnabled(on)

    def _browse(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("New case"), self.path.text(), self.tr("chatsafe cases (*.chatsafe)")
        )
        if name:
            self.path.setText(name if name.endswith(".chatsafe") else name + ".chatsafe")

    def case_path(self) -> Path:
        text = self.path.text().strip()
        return Path(text if text.endswith(".chatsafe") else text + ".chatsafe")

    def chosen_passphrase(self) -> str | None:
        return self.passphrase.text() if self.use_pass.isChecked() else None

    def accept(self) -> None:
        if not self.path.text().strip():
            self.error.setText(self.tr("Choose where to save the case."))
            return
        if self.case_path().exists():
            self.error.setText(self.tr("A file with this name exists already."))
            return
        if self.use_pass.isChecked():
            if len(self.passphrase.text()) < keys.MIN_PASSPHRASE:
                self.error.setText(self.tr("The passphrase is too short."))
                return
            if self.passphrase.text() != self.again.text():
                self.error.setText(self.tr("The two passphrases differ."))
                return
        super().accept()


class ReasonDialog(QDialog):
    """A mark with a reason (the reason is optional, and goes into the review log)."""

    def __init__(self, parent: QWidget | None = None, label: str = PRIVATE) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Mark with a reason"))
        self.label = QComboBox(self)
        self.label.setAccessibleName(self.tr("Label"))
        for value in (PRIVATE, PARTY):
            self.label.addItem(label_name(value), value)
        self.label.setCurrentIndex(max(0, self.label.findData(label)))
        self.reason = QLineEdit(self)
        self.reason.setAccessibleName(self.tr("Reason"))
        self.reason.setPlaceholderText(self.tr("optional, e.g. 'family matter'"))
        form = QFormLayout(self)
        form.addRow(self.tr("Label:"), self.label)
        form.addRow(self.tr("Reason:"), self.reason)
        form.addRow(_buttons(self))
        # Room for a sentence, and the cursor where the typing goes: the label is
        # already chosen by the key that opened the dialog (issue 14).
        self.reason.setMinimumWidth(self.fontMetrics().averageCharWidth() * 56)
        self.reason.setFocus()

    @classmethod
    def ask(cls, parent: QWidget | None, label: str = PRIVATE) -> tuple[str, str | None] | None:
        d = cls(parent, label)
        if d.exec() != QDialog.DialogCode.Accepted:
            return None
        return str(d.label.currentData()), d.reason.text().strip() or None


class PeriodDialog(QDialog):
    """The case's in-scope period; messages outside it are greyed and never leave."""

    def __init__(self, parent: QWidget | None, start: str | None, end: str | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("In-scope period"))
        self.use_start = QCheckBox(self.tr("From"), self)
        self.use_end = QCheckBox(self.tr("To"), self)
        self.start = QDateEdit(self)
        self.end = QDateEdit(self)
        for box, edit, value, name in (
            (self.use_start, self.start, start, self.tr("First day in scope")),
            (self.use_end, self.end, end, self.tr("Last day in scope")),
        ):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat(localtext.DATE_FORMAT)  # "4 mrt 2024", not ISO text
            edit.setAccessibleName(name)
            box.setAccessibleName(name)
            box.setChecked(bool(value))
            edit.setDate(QDate.fromString(value, "yyyy-MM-dd") if value else QDate.currentDate())
        # What the period is for, in the words of the summary page: the dialog alone
        # was two date fields under a cut title, and a minister could not tell why.
        self.why = QLabel(
            QCoreApplication.translate(
                "SummaryPage",
                "The in-scope period is the time the archive asks for (usually the term of office);"
                " messages sent outside it are not part of this transfer.",
            ),
            self,
        )
        self.why.setWordWrap(True)
        self.setMinimumWidth(min(380, max(280, self.fontMetrics().horizontalAdvance("x") * 50)))
        form = QFormLayout(self)
        form.addRow(self.why)
        form.addRow(self.use_start, self.start)
        form.addRow(self.use_end, self.end)
        form.addRow(_buttons(self))

    def values(self) -> dict[str, str]:
        out = {}
        if self.use_start.isChecked():
            out["period_start"] = self.start.date().toString("yyyy-MM-dd")
        if self.use_end.isChecked():
            out["period_end"] = self.end.date().toString("yyyy-MM-dd")
        return out
