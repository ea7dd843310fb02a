"""The "Create bundle" step: what will leave, the minister's confirmation, the signing
certificate, and the bundle made on the worker with progress and cancel.

Self-contained: it needs only the open session (the case service, the reviewer and the
worker). Every case access is a service call on the worker; progress comes back through
a queued signal. The certificate is loaded by the same core function as the CLI's.
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLocale, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QFileDialog,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from chatsafe.bundle.builder import BundleResult
from chatsafe.bundle.preflight import Preflight
from chatsafe.bundle.signer_choice import SignerChoice, load_signer
from chatsafe.errors import CancelledError
from chatsafe.gui import localtext
from chatsafe.gui.flow import FlowLayout
from chatsafe.gui.messages import error_text
from chatsafe.gui.session import Session
from chatsafe.gui.settings_dialog import setting_name
from chatsafe.gui.wrapcheck import WrappedCheck
from chatsafe.review.labels import Role
from chatsafe.service import CaseService

if TYPE_CHECKING:
    from chatsafe.gui.main_window import MainWindow

log = logging.getLogger("chatsafe.gui.bundle")


class _Bridge(QObject):
    progress = Signal(str, int, int)


def bundle_path(text: str) -> Path:
    """The bundle's file name as typed, with ``.zip`` added when it was left off: the
    archive's intake and every zip tool go by the extension."""
    path = Path(text.strip())
    return path if path.suffix.lower() == ".zip" else path.with_name(path.name + ".zip")


def _file_row(parent: QWidget, save: bool = False, filters: str = "") -> tuple[QWidget, QLineEdit]:
    """A path field with a Choose… button; ``filters`` narrows the file dialog (e.g. to
    ``*.p12``) and is kept on the field as its ``filter`` property."""
    row = QWidget(parent)
    lay = QHBoxLayout(row)
    lay.setContentsMargins(0, 0, 0, 0)
    edit = QLineEdit(row)
    edit.setProperty("filter", filters)
    # The dialog's context, whatever the parent: parent.tr() looked the text up under
    # the parent's class (a QGroupBox) and showed English in the Dutch app.
    translate = QCoreApplication.translate
    button = QPushButton(translate("BundleDialog", "Choose…"), row)

    def choose() -> None:
        if save:
            name, _ = QFileDialog.getSaveFileName(
                parent, translate("BundleDialog", "Save bundle"), "", filters or "Zip (*.zip)"
            )
            if name:
                name = str(bundle_path(name))
        else:
            name, _ = QFileDialog.getOpenFileName(
                parent, translate("BundleDialog", "Choose file"), "", filters
            )
        if name:
            edit.setText(name)

    button.clicked.connect(choose)
    lay.addWidget(edit, 1)
    lay.addWidget(button)
    return row, edit


# What each certificate field's file dialog offers (an "all files" entry stays for
# certificates saved under another extension).
_FILTERS = {
    "p12": "PKCS#12 (*.p12 *.pfx);;* (*)",
    "key": "PEM (*.pem *.key);;* (*)",
    "cert": "PEM (*.pem *.crt *.cer);;* (*)",
    "module": "PKCS#11 (*.so *.dll *.dylib);;* (*)",
}


class BundleDialog(QDialog):
    def __init__(self, parent: QWidget | None, session: Session) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Create the bundle for the archive"))
        self.session = session
        self.name, self.role = session.reviewer.name, session.reviewer.role
        name, role = self.name, self.role
        self.pre: Preflight | None = None
        self.cancel_event = threading.Event()
        self.running = False
        self.bundle_result: BundleResult | None = None
        self.bridge = _Bridge(self)
        self.bridge.progress.connect(self._on_progress)
        # Everything above the progress and the buttons scrolls: on a 1366x768 laptop
        # the dialog was taller than the screen and Qt squeezed the fields into each other.
        outer = QVBoxLayout(self)
        body = QWidget(self)
        lay = QVBoxLayout(body)
        lay.setContentsMargins(0, 0, 0, 0)

        self.summary = QLabel(self.tr("Counting what will leave…"), self)
        self.summary.setWordWrap(True)
        lay.addWidget(self.summary)
        # Missing archival settings: the way to fix them is one click away, not the CLI.
        self.settings_button = QPushButton(self.tr("Open the case settings…"), self)
        self.settings_button.setVisible(False)
        self.settings_button.clicked.connect(self.open_settings)
        lay.addWidget(self.settings_button)

        box = QGroupBox(self.tr("Confirmation by the minister"), self)
        blay = QVBoxLayout(box)
        self.confirm = WrappedCheck(
            self.tr(
                "I, {name}, confirm that the business messages above may leave for the archive, and nothing else."
            ).format(name=name),
            box,
        )
        self.approval = QLabel(box)
        self.approval.setWordWrap(True)
        self.approve_button = QPushButton(self.tr("Approve without making the bundle"), box)
        self.approve_button.clicked.connect(self._approve)
        blay.addWidget(self.confirm)
        blay.addWidget(self.approval)
        blay.addWidget(self.approve_button)
        is_minister = role is Role.MINISTER
        self.confirm.setVisible(is_minister)
        self.approve_button.setVisible(is_minister)
        self.confirm.toggled.connect(self._update)
        lay.addWidget(box)

        cert_box = QGroupBox(self.tr("Signing certificate (IT support)"), self)
        clay = QVBoxLayout(cert_box)
        kinds = FlowLayout()  # three choices side by side were wider than 683 px (200 %)
        self.kind_group = QButtonGroup(self)
        self.stack = QStackedWidget(cert_box)
        self.fields: dict[str, QLineEdit] = {}
        for i, (kind, label, rows) in enumerate(
            (
                ("p12", self.tr("PKCS#12 file"), [("p12", self.tr("File"))]),
                (
                    "pem",
                    self.tr("PEM key and certificate"),
                    [("key", self.tr("Key")), ("cert", self.tr("Certificate"))],
                ),
                (
                    "pkcs11",
                    self.tr("Smartcard (PKCS#11)"),
                    [("module", self.tr("PKCS#11 library")), ("token", self.tr("Token label"))],
                ),
            )
        ):
            radio = QRadioButton(label, cert_box)
            radio.setProperty("kind", kind)
            self.kind_group.addButton(radio, i)
            kinds.addWidget(radio)
            page = QWidget(self.stack)
            form = QFormLayout(page)
            for key, text in rows:
                if key == "token":
                    edit = QLineEdit(page)
                    form.addRow(text, edit)
                else:
                    row, edit = _file_row(page, filters=_FILTERS[key])
                    form.addRow(text, row)
                self.fields[f"{kind}.{key}"] = edit
                edit.textChanged.connect(self._update)
            self.stack.addWidget(page)
        self.kind_group.idToggled.connect(self._kind_toggled)
        self.kind_group.button(0).setChecked(True)
        clay.addLayout(kinds)
        clay.addWidget(self.stack)
        form = QFormLayout()
        self.secret = QLineEdit(cert_box)
        self.secret.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("Passphrase or PIN"), self.secret)
        out_row, self.out = _file_row(cert_box, save=True, filters="Zip (*.zip)")
        self.out.textChanged.connect(self._update)
        form.addRow(self.tr("Save bundle as"), out_row)
        # Withdrawing afterwards: a new bundle that replaces an earlier one of this case.
        sup_row, self.supersedes = _file_row(cert_box, filters="Zip (*.zip)")
        self.supersedes.setPlaceholderText(self.tr("Only to withdraw messages afterwards"))
        form.addRow(self.tr("Replaces an earlier bundle (optional)"), sup_row)
        clay.addLayout(form)
        self.reasons = WrappedCheck(
            self.tr(
                "Include the written reasons for withheld messages (they may describe private matters)"
            ),
            cert_box,
        )
        clay.addWidget(self.reasons)
        lay.addWidget(cert_box)
        lay.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        # It scrolls up and down only: a line cut at the right edge was text nobody read.
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(body)
        outer.addWidget(scroll, 1)
        lay = outer
        screen = self.screen().availableGeometry()
        self.resize(
            min(780, screen.width() - 40),
            min(body.sizeHint().height() + 140, screen.height() - 60),
        )

        self.progress = QProgressBar(self)
        self.progress.setVisible(False)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        lay.addWidget(self.progress)
        lay.addWidget(self.status)
        buttons = QHBoxLayout()
        self.create_button = QPushButton(self.tr("Create bundle"), self)
        self.create_button.setDefault(True)
        self.create_button.clicked.connect(self.start)
        self.cancel = QPushButton(self.tr("Cancel"), self)
        self.cancel.clicked.connect(self._cancel)
        buttons.addStretch(1)
        buttons.addWidget(self.create_button)
        buttons.addWidget(self.cancel)
        lay.addLayout(buttons)
        self._update()
        self.refresh()

    # -- what will leave --------------------------------------------------------
    def refresh(self) -> None:
        self.session.read(lambda r: r.preflight(), self._show_preflight, self._failed)

    def _show_preflight(self, pre: Preflight) -> None:
        self.pre = pre
        self.summary.setText("\n".join(self.preflight_lines(pre)))
        self.settings_button.setVisible(bool(pre.missing_settings))
        state = pre.approval_state
        # Never a plain "approved" for a claim: only a signature says who approved.
        if state and state["void"]:
            self.approval.setText(
                self.tr(
                    "The approval ({who}) is void: what would leave changed after it. "
                    "The minister must approve again."
                ).format(who=state["signer"] if state["signed"] else state["by"])
            )
        elif state and state["signed"]:
            self.approval.setText(
                self.tr("Approved by {who} (signed) at {at}.").format(
                    who=state["signer"], at=localtext.datetime_text(state["at"])
                )
            )
        elif state:
            self.approval.setText(
                self.tr("Claimed by {who}, not signed, at {at}.").format(
                    who=state["by"], at=localtext.datetime_text(state["at"])
                )
            )
        elif self.role is not Role.MINISTER:
            self.approval.setText(
                self.tr(
                    "Not approved yet: the minister must open this step and approve, or make the bundle."
                )
            )
        else:
            self.approval.setText("")
        self._update()

    def open_settings(self) -> None:
        """The case settings dialog; what will leave is counted again once they are saved."""
        from chatsafe.gui.operations.settings import SettingsOp

        self.settings_op = SettingsOp(self.session, self, lambda _changes: self.refresh())
        self.settings_op.run()

    def preflight_lines(self, pre: Preflight) -> list[str]:
        """The preflight in this surface's words (the CLI has its own renderer)."""
        n = QLocale().toString
        t, k = pre.total, pre.completeness
        lines = [
            self.tr("Will leave: {n} (with {e}).").format(
                n=localtext.business_messages(t.leaving),
                e=localtext.system_notices(t.leaving_events),
            ),
            self.tr("Withheld: {p} private, {pp} party-political, {o} outside the period.").format(
                p=n(t.private), pp=n(t.party_political), o=n(t.out_of_period)
            ),
            self.tr("Still unreviewed: {u}; unconfirmed: {c}.").format(
                u=n(t.unreviewed), c=n(t.unconfirmed)
            ),
            self.tr(
                "Completeness (whole case): deleted-message markers: {d}; view-once messages: {v}; "
                "attachments missing from the export: {a}; disappearing-message notices: {m}. "
                "The bundle's completeness report (chatsafe-completeness.json) lists them per "
                "conversation."
            ).format(
                d=n(k.deleted),
                v=n(k.view_once),
                a=n(k.attachments_missing),
                m=n(k.disappearing_notices),
            ),
        ]
        if k.possibly_truncated:
            lines.append(
                self.tr(
                    "Possibly cut by WhatsApp's export limit: {n}. Export "
                    "again without media or use the phone backup route."
                ).format(n=localtext.conversations(k.possibly_truncated))
            )
        if pre.missing_settings:
            lines.append(
                self.tr(
                    "Cannot bundle yet: these case settings are missing: {s}. IT support fills "
                    "them in under Case settings."
                ).format(s=", ".join(setting_name(k) for k in pre.missing_settings))
            )
        if pre.doubts:
            lines.append(
                self.tr(
                    "Cannot bundle or approve yet: %Ln open doubt(s) in {c} conversation(s). "
                    "Answer them first (conversation filter: With doubts; N goes to the next).",
                    "",
                    len(pre.doubts),
                ).format(c=n(len({d.conversation_id for d in pre.doubts})))
            )
        if pre.log_entries_with_reason:
            lines.append(
                self.tr(
                    "%Ln review-log entry(s) carry(ies) a written reason: only a keyed"
                    " commitment to it travels, never the reason.",
                    "",
                    pre.log_entries_with_reason,
                )
            )
        return lines

    # -- state --------------------------------------------------------------------
    def _kind_toggled(self, index: int, on: bool) -> None:
        if on:
            self.stack.setCurrentIndex(index)

    def choice(self) -> SignerChoice:
        button = self.kind_group.checkedButton()
        kind = str(button.property("kind")) if button is not None else "p12"

        def get(key: str) -> str:
            edit = self.fields.get(f"{kind}.{key}")
            return edit.text().strip() if edit is not None else ""

        return SignerChoice(
            kind,
            p12=get("p12"),
            key=get("key"),
            cert=get("cert"),
            module=get("module"),
            token=get("token"),
        )

    def ready(self) -> bool:
        if self.pre is None or self.running or not self.pre.ready:  # settings, doubts
            return False
        if self.role is Role.MINISTER and not self.confirm.isChecked():
            return False
        if self.role is not Role.MINISTER and not self.pre.approval:
            return False
        return self.choice().complete() and bool(self.out.text().strip())

    def _update(self) -> None:
        self.create_button.setEnabled(self.ready())
        self.approve_button.setEnabled(
            self.role is Role.MINISTER
            and self.confirm.isChecked()
            and not self.running
            and self.pre is not None
            and self.pre.ready  # no setting missing, no doubt open
            and not self.pre.approval  # approved already: nothing to press again
        )

    # -- actions ------------------------------------------------------------------
    def _approve(self) -> None:
        name = self.name
        self.session.run(lambda s: s.approve(by=name), lambda _: self._approved(), self._failed)

    def _approved(self) -> None:
        self.status.setText(
            self.tr(
                "Your approval is recorded in the review log. IT support can now make the bundle."
            )
        )
        self.refresh()

    def start(self) -> None:
        if not self.ready():
            return
        choice, secret = self.choice(), self.secret.text() or None
        out = bundle_path(self.out.text())
        name, role, reasons = self.name, self.role, self.reasons.isChecked()
        earlier = self.supersedes.text().strip()
        supersedes = Path(earlier) if earlier else None
        self.cancel_event.clear()
        bridge, event = self.bridge, self.cancel_event

        def job(service: CaseService) -> BundleResult:
            from chatsafe.bundle.timestamp import configured_tsa

            tsa = configured_tsa()  # the settings file's TSA, as for the CLI
            signer = load_signer(choice, lambda _prompt: secret, secret)
            try:
                result, _changes = service.make_bundle(
                    out,
                    signer,
                    by=name,
                    role=role,
                    include_reasons=reasons,
                    supersedes=supersedes,
                    progress=lambda phase, done, total: bridge.progress.emit(phase, done, total),
                    cancelled=event.is_set,
                    tsa=tsa,
                )
                return result
            finally:
                close = getattr(signer, "close", None)
                if close:
                    close()

        self.running = True
        self.secret.clear()
        self.progress.setVisible(True)
        self.progress.setRange(0, 0)
        self.status.setText(self.tr("Making the bundle…"))
        self._update()
        self.session.run(job, self._done, self._failed)

    def _on_progress(self, phase: str, done: int, total: int) -> None:
        if total:
            self.progress.setRange(0, total)
            self.progress.setValue(done)
        self.status.setText(
            self.tr("Making the bundle: {phase}").format(phase=localtext.phase_name(phase))
        )

    def _done(self, result: BundleResult) -> None:
        self.running = False
        self.bundle_result = result
        self.progress.setVisible(False)
        self.status.setText(
            self.tr("Bundle written to {path}: {c}, {n}, {a}; signed by {s}.").format(
                path=result.path,
                c=localtext.conversations(result.conversations),
                n=localtext.items(result.entries),
                a=localtext.attachments(result.attachments),
                s=result.signer,
            )
        )
        self.cancel.setText(self.tr("Close"))
        self._update()

    def _failed(self, exc: BaseException) -> None:
        self.running = False
        self.progress.setVisible(False)
        if isinstance(exc, CancelledError):
            self.status.setText(self.tr("The bundle was cancelled; no file was written."))
        else:
            self.status.setText(error_text(exc))
        self._update()

    def _cancel(self) -> None:
        if self.running:
            self.cancel_event.set()
            self.status.setText(self.tr("Cancelling… no file will be written."))
            return
        self.reject()


def open_bundle_dialog(window: MainWindow) -> BundleDialog | None:
    """Open the step for the window's current session."""
    session = window.session
    if session is None:
        return None
    dialog = BundleDialog(window, session)
    dialog.setModal(True)
    dialog.show()
    return dialog
