"""Import with options: what ``chatsafe import --help`` offers IT support, in the app.

The minister's path stays one click (Import… opens the file chooser and detects the
format); this dialog is the advanced path behind Case > Import with options…. Every field
mirrors a flag of ``chatsafe import`` and goes through the same
:func:`chatsafe.import_options.context`, so the app and the command line cannot disagree
on what an option means. The dialog checks the options (key files readable, country and
year valid) before the import starts, and says what is wrong in the app's language.
"""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from chatsafe import import_options, importers
from chatsafe.errors import ChatsafeError
from chatsafe.gui.app_names import app_name
from chatsafe.gui.fit import resize_within
from chatsafe.gui.messages import error_text
from chatsafe.gui.session import Session
from chatsafe.import_options import FIRST_YEAR_RANGE, ImportOptions

# Encodings old phones and Windows tools write besides UTF-8 (the default).
ENCODINGS = ("windows-1252", "iso-8859-1", "utf-16", "mac-roman", "iso-8859-15")


class ImportOptionsDialog(QDialog):
    """Choose exports and the options of their import; ``result_options()`` after exec."""

    def __init__(
        self,
        parent: QWidget | None,
        *,
        owner: str | None,
        time_zone: str,
        country: str | None,
        paths: list[Path] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import with options"))
        # Wide enough for the file fields on a laptop; never wider than 683 px, the
        # width of 1366x768 at 200 % (the body scrolls when the screen is short).
        resize_within(self, 600, 520)
        self._case_time_zone = time_zone

        intro = QLabel(
            self.tr(
                "For exports chatsafe does not recognise by itself. Leave a field empty to "
                "use what chatsafe works out; each field is the same as an option of "
                "“chatsafe import” on the command line."
            )
        )
        intro.setWordWrap(True)

        self.paths = QListWidget()
        self.paths.setAccessibleName(self.tr("Exports to import"))
        self.paths.setMaximumHeight(90)
        for p in paths or []:
            self.paths.addItem(str(p))
        add_files = QPushButton(self.tr("Add &files…"))
        add_files.clicked.connect(self._add_files)
        add_folder = QPushButton(self.tr("Add a fol&der…"))
        add_folder.clicked.connect(self._add_folder)
        path_buttons = QHBoxLayout()
        path_buttons.addWidget(add_files)
        path_buttons.addWidget(add_folder)
        path_buttons.addStretch(1)

        self.format = QComboBox()
        self.format.addItem(self.tr("Recognise automatically"), "")
        for imp in importers.all_importers():
            self.format.addItem(app_name(imp.name), imp.name)
            # The technical label ("msgstore.db, crypt14/crypt15 backup") as a hint.
            self.format.setItemData(self.format.count() - 1, imp.label, Qt.ItemDataRole.ToolTipRole)
        self.format.setToolTip(self.tr("Skip detection and read the export as this format"))

        self.encoding = QComboBox()
        self.encoding.setEditable(True)
        self.encoding.addItem(self.tr("UTF-8 (the usual)"), "")
        for name in ENCODINGS:
            self.encoding.addItem(name, name)
        self.encoding.setToolTip(
            self.tr("The character encoding of text exports that are not UTF-8")
        )

        signal_row, self.signal_key = self._file_field(
            self.tr("Choose the Signal key file"),
            self.tr("A file holding the Signal Desktop database key (hex)"),
        )
        whatsapp_row, self.whatsapp_key = self._file_field(
            self.tr("Choose the WhatsApp key file"),
            self.tr(
                "The WhatsApp backup key: a file with the 64 digits, or the key file "
                "(encrypted_backup.key, key). Without it chatsafe asks for the digits."
            ),
        )

        self.first_year = QSpinBox()
        low, high = FIRST_YEAR_RANGE
        self.first_year.setRange(low - 1, high)
        self.first_year.setSpecialValueText(self.tr("Work it out"))
        self.first_year.setValue(low - 1)
        self.first_year.setToolTip(
            self.tr(
                "The year of the first message of a WhatsApp export printed without years. "
                "Left alone, chatsafe works it out from the file's date and says which "
                "year it took."
            )
        )

        self.country = QLineEdit()
        self.country.setPlaceholderText(
            self.tr("%1 (the case's country)").replace("%1", country or "NL")
        )
        self.country.setToolTip(
            self.tr(
                "The country the phone was used in (a code such as NL, BE, DE or US): "
                "national phone numbers in SMS exports are read as its numbers"
            )
        )

        self.time_zone = QLineEdit()
        self.time_zone.setPlaceholderText(
            self.tr("%1 (the case's time zone)").replace("%1", time_zone)
        )
        self.time_zone.setToolTip(
            self.tr("The time zone of the export's clock times, e.g. Europe/Amsterdam")
        )

        self.owner = QLineEdit(owner or "")
        self.owner.setToolTip(
            self.tr("The owner's name as it appears in the exports (tells their messages apart)")
        )

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("Format:"), self.format)
        form.addRow(self.tr("Text encoding:"), self.encoding)
        form.addRow(self.tr("Signal key file:"), signal_row)
        form.addRow(self.tr("WhatsApp key file:"), whatsapp_row)
        form.addRow(self.tr("Year of the first message:"), self.first_year)
        form.addRow(self.tr("Country of the phone:"), self.country)
        form.addRow(self.tr("Time zone:"), self.time_zone)
        form.addRow(self.tr("Owner:"), self.owner)

        self.problem = QLabel("")
        self.problem.setObjectName("problem")
        self.problem.setWordWrap(True)
        self.problem.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.problem.hide()

        box = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok = box.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("&Import"))
        box.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        box.accepted.connect(self.accept)
        box.rejected.connect(self.reject)
        self.paths.model().rowsInserted.connect(self._update)
        self._update()

        # The fields scroll; the problem line and the buttons stay in view, so the
        # dialog fits 1366x768 at 200 % scaling (683x384 logical pixels).
        body = QWidget()
        fields = QVBoxLayout(body)
        fields.addWidget(intro)
        fields.addWidget(QLabel(self.tr("Exports:")))
        fields.addWidget(self.paths)
        fields.addLayout(path_buttons)
        fields.addLayout(form)
        fields.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(body)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.problem)
        layout.addWidget(box)
        self._options: ImportOptions | None = None

    def _file_field(self, title: str, tip: str) -> tuple[QWidget, QLineEdit]:
        holder = QWidget(self)
        row = QHBoxLayout(holder)
        row.setContentsMargins(0, 0, 0, 0)
        edit = QLineEdit(holder)
        edit.setToolTip(tip)
        edit.setAccessibleName(title)
        choose = QPushButton(self.tr("Choose…"), holder)
        choose.setAccessibleName(title)
        choose.clicked.connect(lambda: self._choose_file(edit, title))
        row.addWidget(edit, 1)
        row.addWidget(choose)
        return holder, edit

    def _choose_file(self, edit: QLineEdit, title: str) -> None:
        name, _ = QFileDialog.getOpenFileName(self, title)
        if name:
            edit.setText(name)

    def _add_files(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(self, self.tr("Import chat exports"))
        for f in files:
            self.paths.addItem(f)

    def _add_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Import a folder"))
        if folder:
            self.paths.addItem(folder)

    def _update(self) -> None:
        self.ok.setEnabled(self.paths.count() > 0)

    def chosen_paths(self) -> list[Path]:
        return [Path(self.paths.item(i).text()) for i in range(self.paths.count())]

    def options(self) -> ImportOptions:
        """The options as typed (not yet checked)."""
        encoding = self.encoding.currentText().strip()
        if self.encoding.currentIndex() >= 0 and encoding == self.encoding.itemText(
            self.encoding.currentIndex()
        ):
            encoding = str(self.encoding.currentData() or "")
        year = self.first_year.value()
        signal, whatsapp = self.signal_key.text().strip(), self.whatsapp_key.text().strip()
        return ImportOptions(
            owner=self.owner.text().strip() or None,
            time_zone=self.time_zone.text().strip() or None,
            format_name=str(self.format.currentData() or "") or None,
            encoding=encoding or None,
            signal_key_file=Path(signal) if signal else None,
            first_year=year if year >= FIRST_YEAR_RANGE[0] else None,
            country=self.country.text().strip() or None,
            whatsapp_key_file=Path(whatsapp) if whatsapp else None,
        )

    def accept(self) -> None:
        options = self.options()
        try:
            # The same check the import makes, before anything is read.
            import_options.context(options, case_owner=None, case_time_zone=self._case_time_zone)
        except ChatsafeError as exc:
            self.problem.setText(error_text(exc))
            self.problem.show()
            return
        self._options = options
        super().accept()

    def result_options(self) -> ImportOptions | None:
        return self._options


class _Importer(Protocol):
    session: Session | None

    def start_import(
        self, paths: list[Path], owner: str | None = None, options: ImportOptions | None = None
    ) -> object: ...


def choose_with_options(window: _Importer, parent: QWidget) -> None:
    """Case > Import with options…: the dialog, then the import with what was chosen."""
    s = window.session
    if s is None:
        return
    dialog = ImportOptionsDialog(
        parent, owner=s.owner, time_zone=s.time_zone, country=s.settings.get("country")
    )
    try:
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        options, paths = dialog.result_options(), dialog.chosen_paths()
    finally:
        dialog.deleteLater()
    if options is not None and paths:
        window.start_import(paths, options.owner, options)


def given_secrets(options: ImportOptions | None) -> set[str]:
    """The secret slots a key file of ``options`` fills (so nobody is asked for them)."""
    from chatsafe.importers import signal_desktop_crypto, whatsapp_android

    given: set[str] = set()
    if options is not None and options.whatsapp_key_file is not None:
        given.add(whatsapp_android.KEY_EXTRA)
    if options is not None and options.signal_key_file is not None:
        given.add(signal_desktop_crypto.SAFE_STORAGE_EXTRA)  # the raw key needs no password
    return given
