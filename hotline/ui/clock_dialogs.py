"""Small dialogs that record what meets a clock: hand-off, 12-hour outcome, plan approval, separation, review.

Each keeps what was typed when the store refuses it, and says why.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime

from PySide6.QtCore import QDate, QDateTime, QTime
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDateEdit,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from hotline.core.models import HANDOFF_MEANS
from hotline.core.places import ward_name
from hotline.core.timeutil import VN_TZ, local, utcnow
from hotline.store.db import StoreError
from hotline.ui import labels
from hotline.ui.case_words import emergency_label

_DATE = "dd/MM/yyyy"
_DATE_TIME = "dd/MM/yyyy HH:mm"


def moment_edit(parent: QWidget, name: str, accessible: str) -> QDateTimeEdit:
    """A date and time in Vietnamese time, set to now."""
    now = local(utcnow())
    edit = QDateTimeEdit(QDateTime(QDate(now.year, now.month, now.day), QTime(now.hour, now.minute)), parent)
    edit.setObjectName(name)
    edit.setAccessibleName(accessible)
    edit.setDisplayFormat(_DATE_TIME)
    edit.setCalendarPopup(True)
    return edit


def moment_of(edit: QDateTimeEdit) -> datetime:
    """The moment shown, read as Vietnamese time (the PC's own zone does not matter)."""
    return datetime.combine(edit.date().toPython(), edit.time().toPython(), VN_TZ)


def day_edit(parent: QWidget, name: str, accessible: str, day: date | None = None) -> QDateEdit:
    day = day or local(utcnow()).date()
    edit = QDateEdit(QDate(day.year, day.month, day.day), parent)
    edit.setObjectName(name)
    edit.setAccessibleName(accessible)
    edit.setDisplayFormat(_DATE)
    edit.setCalendarPopup(True)
    return edit


def text_edit(parent: QWidget, name: str, placeholder: str) -> QPlainTextEdit:
    edit = QPlainTextEdit(parent)
    edit.setObjectName(name)
    edit.setAccessibleName(placeholder)
    edit.setPlaceholderText(placeholder)
    edit.setTabChangesFocus(True)
    edit.setFixedHeight(70)
    return edit


def commune_office(ward_code: int | None) -> str:
    """'UBND xã Mỹ Hòa Hưng': the People's Committee of the commune of the incident, "" when it is not known."""
    name = ward_name(ward_code)
    return f"UBND {name[:1].lower()}{name[1:]}" if name else ""


class RecordDialog(QDialog):
    """OK runs ``write`` (set by the caller); a refusal is shown and the dialog stays open with what was typed."""

    def __init__(self, title: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(520)
        self.write: Callable[[], object] | None = None
        self.form = QFormLayout()
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.intro.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Record"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(self.form)
        layout.addWidget(self.buttons)

    def say(self, text: str) -> None:
        self.intro.setText(text)
        self.intro.show()

    def accept(self) -> None:
        if self.write is not None:
            try:
                self.write()
            except StoreError as exc:
                QMessageBox.warning(self, self.windowTitle(), str(exc))
                return
        super().accept()


class HandoffDialog(RecordDialog):
    """Điều 26(1): to whom the report was passed, how and when."""

    def __init__(self, to_whom: str = "", parent: QWidget | None = None):
        super().__init__(self.tr("Hand-off to the commune of the incident"), parent)
        self.setObjectName("handoffDialog")
        self.say(self.tr("Decree 56/2017, Art. 26(1): the report goes to the commune where it happened at once."))
        self.to_whom = QLineEdit(to_whom, self, objectName="handoffToWhomEdit")
        self.to_whom.setPlaceholderText(self.tr("the commune's People's Committee, the officer reached"))
        self.to_whom.setAccessibleName(self.tr("To whom"))
        self.means = QComboBox(self, objectName="handoffMeansCombo")
        self.means.setAccessibleName(self.tr("How"))
        for code in HANDOFF_MEANS:
            self.means.addItem(labels.label(labels.HANDOFF_MEANS, code), code)
        self.when = moment_edit(self, "handoffWhenEdit", self.tr("When"))
        self.form.addRow(self.tr("&To whom:"), self.to_whom)
        self.form.addRow(self.tr("&How:"), self.means)
        self.form.addRow(self.tr("&When:"), self.when)


class EmergencyDialog(RecordDialog):
    """Điều 26(3), 32: the 12-hour clock is met by measures applied (which, by whom) or none needed (why)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(self.tr("Emergency measures / temporary separation (12 hours)"), parent)
        self.setObjectName("emergencyDialog")
        self.say(
            self.tr(
                "Decree 56/2017, Art. 26(3), 32: within 12 hours the commune chairman applies emergency measures or "
                "separates the child temporarily. Record what was decided."
            )
        )
        self.applied = QRadioButton(emergency_label("applied"), self, objectName="emergencyAppliedRadio")
        self.none_needed = QRadioButton(emergency_label("none_needed"), self, objectName="emergencyNoneRadio")
        group = QButtonGroup(self)
        group.addButton(self.applied)
        group.addButton(self.none_needed)
        self.applied.setChecked(True)
        self.text = text_edit(self, "emergencyTextEdit", self.tr("Which measures, applied by whom"))
        self.when = moment_edit(self, "emergencyWhenEdit", self.tr("When"))
        self.form.addRow(self.applied)
        self.form.addRow(self.none_needed)
        self.form.addRow(self.tr("&Details:"), self.text)
        self.form.addRow(self.tr("&When:"), self.when)
        self.none_needed.toggled.connect(self._placeholder)

    def _placeholder(self) -> None:
        self.text.setPlaceholderText(
            self.tr("Why no emergency measures are needed")
            if self.none_needed.isChecked()
            else self.tr("Which measures, applied by whom")
        )

    def outcome(self) -> str:
        return "none_needed" if self.none_needed.isChecked() else "applied"


class PlanApprovalDialog(RecordDialog):
    """The day the plan was approved (Mẫu 05 decision)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(self.tr("Plan approved"), parent)
        self.setObjectName("planApprovalDialog")
        self.day = day_edit(self, "planApprovedOnEdit", self.tr("Day of approval"))
        self.text = QLineEdit(self, objectName="planApprovalTextEdit")
        self.text.setPlaceholderText(self.tr("number of the decision (optional)"))
        self.form.addRow(self.tr("&Approved on:"), self.day)
        self.form.addRow(self.tr("&Decision:"), self.text)


class SeparationDialog(RecordDialog):
    """A temporary separation (Điều 32): its start; once running, an extension or its end."""

    def __init__(self, running: bool, parent: QWidget | None = None):
        super().__init__(self.tr("Temporary separation"), parent)
        self.setObjectName("separationDialog")
        self.running = running
        self.start = self.extend = self.end = None
        if not running:
            self.say(self.tr("Decree 56/2017, Art. 32: at most 15 days from its start unless extended."))
            self.text = text_edit(self, "separationTextEdit", self.tr("Where the child is, decided by whom"))
            self.when = moment_edit(self, "separationWhenEdit", self.tr("Began"))
            self.form.addRow(self.tr("&Details:"), self.text)
            self.form.addRow(self.tr("&Began:"), self.when)
            return
        self.extend = QRadioButton(self.tr("Extended by a competent authority"), self, objectName="separationExtend")
        self.end = QRadioButton(self.tr("Ended"), self, objectName="separationEnd")
        group = QButtonGroup(self)
        group.addButton(self.extend)
        group.addButton(self.end)
        self.end.setChecked(True)
        self.until = day_edit(self, "separationUntilEdit", self.tr("New last day"))
        self.text = text_edit(self, "separationTextEdit", self.tr("Who decided the extension, or where the child went"))
        self.when = moment_edit(self, "separationWhenEdit", self.tr("Ended"))
        self.form.addRow(self.end)
        self.form.addRow(self.tr("&Ended:"), self.when)
        self.form.addRow(self.extend)
        self.form.addRow(self.tr("New &last day:"), self.until)
        self.form.addRow(self.tr("&Details:"), self.text)


class ReviewDialog(RecordDialog):
    """Điều 30: the review closes the cycle, or finds the child still at risk and starts a new plan."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(self.tr("Review"), parent)
        self.setObjectName("reviewDialog")
        self.say(self.tr("Decree 56/2017, Art. 30: if the child is still at risk, a new support plan is made."))
        self.safe = QRadioButton(self.tr("The plan reached its goals: the review is done"), self,
                                 objectName="reviewDoneRadio")  # fmt: skip
        self.at_risk = QRadioButton(
            self.tr("The child is still at risk: start a new plan (due in 5 working days)"), self,
            objectName="reviewNewCycleRadio",
        )  # fmt: skip
        group = QButtonGroup(self)
        group.addButton(self.safe)
        group.addButton(self.at_risk)
        self.safe.setChecked(True)
        self.text = text_edit(self, "reviewTextEdit", self.tr("What the review found"))
        self.form.addRow(self.safe)
        self.form.addRow(self.at_risk)
        self.form.addRow(self.tr("&Findings:"), self.text)
