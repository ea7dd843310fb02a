"""The case settings for IT support: the archival ones the bundle needs (with the MDTO
choices explained), the owner, the time zone and the in-scope period.

The dialog only collects what changed; it checks each value with the core's own
``chatsafe.settings.validate`` so a mistake is shown beside the form before anything is
stored, and the change itself is the service's ``set_settings`` on the worker, the
same code ``chatsafe settings`` runs (validated again there, logged per setting).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from chatsafe import settings as case_settings
from chatsafe.errors import SettingsError
from chatsafe.gui.fit import resize_within

# The keys this dialog edits, in the order a records officer fills them in.
KEYS = (
    "organisation",
    "organisation_id",
    "appraisal",
    "retention",
    "retention_trigger",
    "retention_start",
    "retention_end",
    "selection_list",
    "information_category",
    "information_category_code",
    "owner",
    "time_zone",
    "period_start",
    "period_end",
)

# Settings that may be left empty: removed (period) or cleared (optional archival ones).
_REMOVABLE = frozenset({"period_start", "period_end"})


def setting_name(key: str) -> str:
    """A setting's name in the app's words (the bundle dialog names missing ones so)."""
    names = {
        "organisation": QCoreApplication.translate(
            "SettingsDialog", "Organisation (archive creator)"
        ),
        "organisation_id": QCoreApplication.translate("SettingsDialog", "Organisation identifier"),
        "appraisal": QCoreApplication.translate("SettingsDialog", "Appraisal"),
        "retention": QCoreApplication.translate("SettingsDialog", "Retention period"),
        "retention_trigger": QCoreApplication.translate("SettingsDialog", "Retention starts at"),
        "retention_start": QCoreApplication.translate("SettingsDialog", "Retention start date"),
        "retention_end": QCoreApplication.translate("SettingsDialog", "Retention end date"),
        "selection_list": QCoreApplication.translate("SettingsDialog", "Selection list"),
        "information_category": QCoreApplication.translate(
            "SettingsDialog", "Information category"
        ),
        "information_category_code": QCoreApplication.translate(
            "SettingsDialog", "Category number in the selection list"
        ),
        "owner": QCoreApplication.translate("SettingsDialog", "Owner of the chats"),
        "time_zone": QCoreApplication.translate("SettingsDialog", "Time zone"),
        "period_start": QCoreApplication.translate("SettingsDialog", "First day in scope"),
        "period_end": QCoreApplication.translate("SettingsDialog", "Last day in scope"),
    }
    return names.get(key, key)


def _hint(key: str) -> str:
    hints = {
        "organisation": QCoreApplication.translate(
            "SettingsDialog", "For example: Ministerie van BZK."
        ),
        "organisation_id": QCoreApplication.translate(
            "SettingsDialog", "Optional: its https://organisaties.overheid.nl/ address."
        ),
        "retention": QCoreApplication.translate(
            "SettingsDialog", "'permanent' for B and N; for V a term such as '10 jaar'."
        ),
        "retention_trigger": QCoreApplication.translate(
            "SettingsDialog", "V only: the event that starts the term, e.g. Bevriezing."
        ),
        "retention_start": QCoreApplication.translate(
            "SettingsDialog", "V only, optional: YYYY-MM-DD."
        ),
        "retention_end": QCoreApplication.translate(
            "SettingsDialog", "V only, optional: YYYY-MM-DD."
        ),
        "selection_list": QCoreApplication.translate(
            "SettingsDialog", "The adopted selection list the category comes from."
        ),
        "information_category": QCoreApplication.translate(
            "SettingsDialog", "The category's name as the selection list writes it."
        ),
        "information_category_code": QCoreApplication.translate(
            "SettingsDialog", "Optional: its number, e.g. 1.1."
        ),
        "owner": QCoreApplication.translate(
            "SettingsDialog", "The name the owner's messages carry in the exports."
        ),
        "time_zone": QCoreApplication.translate(
            "SettingsDialog", "For wall-clock times; default Europe/Amsterdam."
        ),
        "period_start": QCoreApplication.translate(
            "SettingsDialog", "YYYY-MM-DD; leave empty for no start."
        ),
        "period_end": QCoreApplication.translate(
            "SettingsDialog", "YYYY-MM-DD; leave empty for no end."
        ),
    }
    return hints.get(key, "")


class SettingsDialog(QDialog):
    def __init__(self, parent: QWidget | None, current: dict[str, str]) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Case settings"))
        self.current = dict(current)
        self.edits: dict[str, QLineEdit] = {}
        outer = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "IT support or the records officer fills these in once per case. Organisation, "
                "appraisal, retention period and information category are required before a "
                "bundle can be made."
            ),
            self,
        )
        intro.setWordWrap(True)
        outer.addWidget(intro)
        body = QWidget(self)
        form = QFormLayout(body)
        for key in KEYS:
            if key == "appraisal":
                self.appraisal = QComboBox(body)
                self.appraisal.addItem(self.tr("(not set)"), "")
                for code, text in (
                    ("B", self.tr("B: keep permanently (blijvend te bewaren)")),
                    ("V", self.tr("V: destroy after a term (tijdelijk te bewaren)")),
                    ("N", self.tr("N: decided later (nader te bepalen)")),
                ):
                    self.appraisal.addItem(text, code)
                at = self.appraisal.findData(current.get("appraisal", ""))
                self.appraisal.setCurrentIndex(max(at, 0))
                self.appraisal.setAccessibleName(setting_name(key))
                form.addRow(setting_name(key), self.appraisal)
                explain = QLabel(
                    self.tr(
                        "The MDTO appraisal from the selection list: B records go to the "
                        "national or regional archive, V records are destroyed when the "
                        "retention period ends, N means it is not decided yet."
                    ),
                    body,
                )
                explain.setWordWrap(True)
                form.addRow("", explain)
                continue
            edit = QLineEdit(current.get(key, ""), body)
            edit.setAccessibleName(setting_name(key))
            edit.setPlaceholderText(_hint(key))
            edit.setToolTip(_hint(key))
            self.edits[key] = edit
            form.addRow(setting_name(key), edit)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        outer.addWidget(scroll, 1)
        self.error = QLabel(self)
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020")
        outer.addWidget(self.error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        outer.addWidget(buttons)
        resize_within(self, 640, 560)

    def _value(self, key: str) -> str:
        if key == "appraisal":
            return str(self.appraisal.currentData() or "")
        return self.edits[key].text().strip()

    def changes(self) -> dict[str, str | None]:
        """What changed, as ``set_settings`` takes it: ``None`` removes a period end."""
        out: dict[str, str | None] = {}
        for key in KEYS:
            value, old = self._value(key), self.current.get(key, "")
            if value == old:
                continue
            if not value and key in _REMOVABLE:
                out[key] = None
            else:
                out[key] = value
        return out

    def check(self) -> str | None:
        """The first mistake in the app's words, or None; the core's own validation
        decides, the dialog names the field (the core's message is English)."""
        pairs = self.changes()
        merged = dict(self.current)
        for key, value in pairs.items():
            if value is None:
                merged.pop(key, None)
                continue
            try:
                merged[key] = case_settings.validate(key, value)
            except SettingsError:
                hint = _hint(key) or self.tr("Choose one of the values offered.")
                return self.tr("“{name}” is not valid. {hint}").format(
                    name=setting_name(key), hint=hint
                )
        try:
            case_settings.check_period(merged)
        except SettingsError:
            return self.tr("The first day in scope is after the last day in scope.")
        return None

    def accept(self) -> None:
        problem = self.check()
        if problem is not None:
            self.error.setText(problem)
            return
        super().accept()
