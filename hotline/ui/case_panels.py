"""The tabs of a case file: notes (append-only), referrals and their outcomes, linked calls, family details."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from hotline.core.cases import REFERRAL_SERVICES, Case, CaseRuleError
from hotline.core.phones import normalize_phone
from hotline.core.timeutil import format_local
from hotline.store import cases as case_store
from hotline.store.db import StoreError
from hotline.ui import labels
from hotline.ui.case_words import DETAILS, detail_label, service_label

_EVENT_ROLE = Qt.ItemDataRole.UserRole


class _Panel(QWidget):
    """A tab that writes through its case view (the view reloads everything after a change)."""

    def __init__(self, view):
        super().__init__(view)
        self.view = view
        self._inputs: list[QWidget] = []

    def set_editable(self, editable: bool) -> None:
        for widget in self._inputs:
            widget.setEnabled(editable)

    def _run(self, write, message: str) -> bool:
        try:
            write()
        except (StoreError, CaseRuleError) as exc:
            QMessageBox.warning(self, QCoreApplication.translate("CasePanels", "Not saved"), str(exc))
            return False
        self.view.changed(message)
        return True

    def _who(self, event) -> str:
        return f"{format_local(event.at)} — {self.view.names.get(event.user_id, '')}"


class NotesPanel(_Panel):
    """Timestamped notes. Nothing is ever changed: a correction is a new note that points at the old one."""

    def __init__(self, view):
        super().__init__(view)
        self.list = QListWidget(objectName="caseNotesList")
        self.list.setWordWrap(True)
        self.edit = QPlainTextEdit(objectName="caseNoteEdit")
        self.edit.setTabChangesFocus(True)
        self.edit.setPlaceholderText(self.tr("A new note: what was done, seen or agreed"))
        self.edit.setFixedHeight(70)
        self.add_button = QPushButton(self.tr("Add the &note"), objectName="addNoteButton")
        self.correct_button = QPushButton(self.tr("Add as a co&rrection of the selected note"),
                                          objectName="correctNoteButton")  # fmt: skip
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.correct_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.edit)
        layout.addLayout(buttons)
        self._inputs = [self.edit, self.add_button, self.correct_button]
        self.add_button.clicked.connect(lambda: self._add(None))
        self.correct_button.clicked.connect(self._correct)

    def show_events(self, events) -> None:
        self.list.clear()
        for event in events:
            if event.kind == "note":
                text = f"{self._who(event)}: {event.text}"
            elif event.kind == "correction":
                text = f"{self._who(event)} — " + self.tr("correction of note no. %d") % event.refers_to
                text += f": {event.text}"
            else:
                continue
            item = QListWidgetItem(f"[{event.id}] {text}")
            item.setData(_EVENT_ROLE, event.id)
            self.list.addItem(item)
        self.list.scrollToBottom()

    def _add(self, corrects: int | None) -> None:
        text = self.edit.toPlainText().strip()
        if not text:
            self.view.status_message.emit(self.tr("Write the note first."), 5000)
            self.edit.setFocus()
            return
        case_id, user_id = self.view.case_id, self.view.user.id
        if self._run(lambda: case_store.add_note(self.view.db, case_id, text, by_user_id=user_id, corrects=corrects),
                     self.tr("Note added.")):  # fmt: skip
            self.edit.clear()

    def _correct(self) -> None:
        item = self.list.currentItem()
        if item is None:
            self.view.status_message.emit(self.tr("Select the note to correct."), 5000)
            return
        self._add(item.data(_EVENT_ROLE))


class ReferralsPanel(_Panel):
    """Referrals to other services, each with its outcome once known."""

    def __init__(self, view):
        super().__init__(view)
        self.list = QListWidget(objectName="caseReferralsList")
        self.list.setWordWrap(True)
        self.service = QComboBox(objectName="referralServiceCombo")
        for code in REFERRAL_SERVICES:
            self.service.addItem(service_label(code), code)
        self.text = QLineEdit(objectName="referralTextEdit")
        self.text.setPlaceholderText(self.tr("to whom, what was asked"))
        self.add_button = QPushButton(self.tr("Add the re&ferral"), objectName="addReferralButton")
        self.outcome = QLineEdit(objectName="referralOutcomeEdit")
        self.outcome.setPlaceholderText(self.tr("outcome of the selected referral"))
        self.outcome_button = QPushButton(self.tr("Record the o&utcome"), objectName="referralOutcomeButton")
        row1, row2 = QHBoxLayout(), QHBoxLayout()
        row1.addWidget(self.service)
        row1.addWidget(self.text, 1)
        row1.addWidget(self.add_button)
        row2.addWidget(self.outcome, 1)
        row2.addWidget(self.outcome_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list, 1)
        layout.addLayout(row1)
        layout.addLayout(row2)
        self._inputs = [self.service, self.text, self.add_button, self.outcome, self.outcome_button]
        self.add_button.clicked.connect(self._add)
        self.outcome_button.clicked.connect(self._add_outcome)

    def show_events(self, events) -> None:
        self.list.clear()
        outcomes: dict[int, list] = {}
        for event in events:
            if event.kind == "referral_outcome" and event.refers_to is not None:
                outcomes.setdefault(event.refers_to, []).append(event)
        for event in events:
            if event.kind != "referral":
                continue
            lines = [f"{self._who(event)}: {service_label(event.service or '')} — {event.text}"]
            lines += [f"    ↳ {self._who(o)}: {o.text}" for o in outcomes.get(event.id, [])]
            if event.id not in outcomes:
                lines.append("    ↳ " + self.tr("outcome not known yet"))
            item = QListWidgetItem("\n".join(lines))
            item.setData(_EVENT_ROLE, event.id)
            self.list.addItem(item)

    def _add(self) -> None:
        text = self.text.text().strip()
        if not text:
            self.text.setFocus()
            return
        service = self.service.currentData()
        case_id, user_id = self.view.case_id, self.view.user.id
        if self._run(
            lambda: case_store.add_referral(self.view.db, case_id, service, text, by_user_id=user_id),
            self.tr("Referral added."),
        ):
            self.text.clear()

    def _add_outcome(self) -> None:
        item, text = self.list.currentItem(), self.outcome.text().strip()
        if item is None or not text:
            self.view.status_message.emit(self.tr("Select a referral and write its outcome."), 5000)
            return
        referral, user_id = item.data(_EVENT_ROLE), self.view.user.id
        if self._run(
            lambda: case_store.add_referral_outcome(self.view.db, referral, text, by_user_id=user_id),
            self.tr("Outcome recorded."),
        ):
            self.outcome.clear()


class LinksPanel(_Panel):
    """The calls of the case, the intake call first (Enter opens one), and later calls about the same child to link:
    found by the phone number, or by a name typed here."""

    def __init__(self, view):
        super().__init__(view)
        self.linked = QListWidget(objectName="linkedCallsList")
        self.linked.setAccessibleName(self.tr("Calls of this case: Enter opens the selected call"))
        self.linked.setToolTip(self.tr("Enter or a double click opens the call"))
        self.linked.itemActivated.connect(self._open)
        self.search = QLineEdit(objectName="linkSearchEdit")
        self.search.setPlaceholderText(self.tr("name or number (empty: calls from the same number)"))
        self.find_button = QPushButton(self.tr("F&ind calls"), objectName="findCallsButton")
        self.candidates = QListWidget(objectName="linkCandidatesList")
        self.link_button = QPushButton(self.tr("&Link the selected call"), objectName="linkCallButton")
        row = QHBoxLayout()
        row.addWidget(self.search, 1)
        row.addWidget(self.find_button)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Calls of this case (Enter opens one)")))
        layout.addWidget(self.linked, 1)
        layout.addLayout(row)
        layout.addWidget(self.candidates, 1)
        layout.addWidget(self.link_button)
        self._inputs = [self.search, self.find_button, self.candidates, self.link_button]
        self.find_button.clicked.connect(self.find)
        self.search.returnPressed.connect(self.find)
        self.link_button.clicked.connect(self._link)

    @staticmethod
    def _line(call) -> str:
        phone = normalize_phone(call.phone_raw).display if call.phone_raw else ""
        return (
            f"{format_local(call.started_at)} · {call.line} · {labels.label(labels.OUTCOMES, call.outcome)} · {phone}"
        )

    def reload(self) -> None:
        self.linked.clear()
        intake = self.view.intake
        if intake is not None:  # what the caller reported first: the case was opened from this call
            item = QListWidgetItem(self.tr("Intake call: %s") % self._line(intake))
            item.setData(_EVENT_ROLE, intake.id)
            font = item.font()
            font.setBold(True)
            item.setFont(font)
            self.linked.addItem(item)
        try:
            calls = case_store.linked_calls(self.view.db, self.view.case_id, viewer_id=self.view.user.id)
        except StoreError as exc:
            self.view.status_message.emit(str(exc), 8000)
            return
        for call in calls:
            item = QListWidgetItem(self._line(call))
            item.setData(_EVENT_ROLE, call.id)
            self.linked.addItem(item)
        self.linked.setCurrentRow(0)
        if self.view.can_edit:  # finding calls to link is part of linking (CASE_EDIT)
            self.find()

    def _open(self, item: QListWidgetItem) -> None:
        call_id = item.data(_EVENT_ROLE)
        if call_id is not None:
            self.view.open_call(call_id)

    def find(self) -> None:
        self.candidates.clear()
        try:
            calls = case_store.calls_to_link(
                self.view.db, self.view.case_id, viewer_id=self.view.user.id, text=self.search.text()
            )
        except StoreError as exc:
            self.view.status_message.emit(str(exc), 8000)
            return
        for call in calls:
            item = QListWidgetItem(self._line(call))
            item.setData(_EVENT_ROLE, call.id)
            self.candidates.addItem(item)

    def _link(self) -> None:
        item = self.candidates.currentItem()
        if item is None:
            self.view.status_message.emit(self.tr("Select a call to link."), 5000)
            return
        call_id, case_id, user_id = item.data(_EVENT_ROLE), self.view.case_id, self.view.user.id
        self._run(lambda: case_store.link_call(self.view.db, case_id, call_id, by_user_id=user_id),
                  self.tr("Call linked to the case."))  # fmt: skip


class DetailsPanel(_Panel):
    """What Mẫu số 01 needs and the call does not hold: the child's birth date and condition, the parents."""

    LONG = ("condition", "likely_outcome", "family_situation")

    def __init__(self, view):
        super().__init__(view)
        form = QFormLayout()
        self.fields: dict[str, QWidget] = {}
        for key in DETAILS:
            widget = QPlainTextEdit() if key in self.LONG else QLineEdit()
            widget.setObjectName(f"detail_{key}")
            if isinstance(widget, QPlainTextEdit):
                widget.setTabChangesFocus(True)
                widget.setFixedHeight(52)
            form.addRow(detail_label(key), widget)
            self.fields[key] = widget
        # "may be called back" (asked during the call) is not consent to be named in the report
        self.consent = QCheckBox(self.tr("&The informant agrees to be named in Mẫu số 01"), objectName="detail_consent")
        form.addRow("", self.consent)
        self.save_button = QPushButton(self.tr("Save the &details"), objectName="saveDetailsButton")
        # the form is taller than the tab on a 768-pixel screen: it scrolls, the Save button stays in sight
        fields = QWidget()
        fields.setLayout(form)
        scroll = QScrollArea(objectName="caseDetailsScroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(fields)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.save_button, 0, Qt.AlignmentFlag.AlignRight)
        self._inputs = [*self.fields.values(), self.consent, self.save_button]
        self._shown: dict[str, str] = {}
        self.save_button.clicked.connect(self.save)

    def show_case(self, case: Case) -> None:
        for key, widget in self.fields.items():
            value = str(case.details.get(key, ""))
            if isinstance(widget, QPlainTextEdit):
                widget.setPlainText(value)
            else:
                widget.setText(value)
        self.consent.setChecked(case.details.get("informant_consent") == "yes")
        self._shown = self.values()

    def dirty(self) -> bool:
        """Typed but not saved."""
        return self.values() != self._shown

    def values(self) -> dict[str, str]:
        result = {}
        for key, widget in self.fields.items():
            text = widget.toPlainText() if isinstance(widget, QPlainTextEdit) else widget.text()
            if text.strip():
                result[key] = text.strip()
        if self.consent.isChecked():
            result["informant_consent"] = "yes"
        return result

    def save(self) -> bool:
        case, details, user_id = self.view.case, self.values(), self.view.user.id
        before, self._shown = self._shown, details  # saved: the reload that follows shows them again
        saved = self._run(
            lambda: case_store.update_details(self.view.db, case.id, details, by_user_id=user_id, version=case.version),
            self.tr("Details saved."),
        )
        if not saved:
            self._shown = before
        return saved
