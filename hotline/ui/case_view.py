"""One case file: its steps on the legal clock, append-only notes, referrals, linked calls, family, Mẫu 01."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from hotline.core import permissions
from hotline.core.cases import STEPS, Case, CaseRuleError, next_step, step_due, urgency
from hotline.core.models import User
from hotline.core.timeutil import format_local, utcnow
from hotline.settings import Settings
from hotline.store import audit
from hotline.store import cases as case_store
from hotline.store import users as user_store
from hotline.store.db import StoreError
from hotline.ui import labels
from hotline.ui.case_panels import DetailsPanel, LinksPanel, NotesPanel, ReferralsPanel
from hotline.ui.case_words import step_label
from hotline.ui.timefmt import URGENCY_COLOURS, countdown


class CaseView(QDialog):
    """Opened from the queue or a case list. A shift lead sees it read-only; a counselor works on it."""

    case_changed = Signal(int)
    status_message = Signal(str, int)

    def __init__(self, db, user: User, case_id: int, settings: Settings, lang: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("caseView")
        self.db, self.user, self.case_id, self.settings, self.lang = db, user, case_id, settings, lang
        self.can_edit = permissions.can(user, permissions.CASE_EDIT)
        self.can_assign = permissions.can(user, permissions.CASE_ASSIGN_ANY)
        self._viewed = False  # the first read of the window is the audited view
        self.names = {u.id: u.display_name for u in user_store.list_users(db)}
        self.case: Case | None = None
        self.header = QLabel(objectName="caseHeader")
        self.header.setWordWrap(True)
        self.header.setTextFormat(Qt.TextFormat.PlainText)
        self.steps = QTableWidget(len(STEPS), 3, objectName="caseStepsTable")
        self.steps.setHorizontalHeaderLabels([self.tr("Step"), self.tr("Due"), self.tr("Done")])
        self.steps.verticalHeader().hide()
        self.steps.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.steps.horizontalHeader().setStretchLastSection(True)
        self.steps.verticalHeader().setDefaultSectionSize(24)
        self.steps.setColumnWidth(0, 200)
        self.steps.setColumnWidth(1, 380)
        # every step in sight, no scrolling: the legal clock is the point of this table
        self.steps.setFixedHeight(24 * len(STEPS) + self.steps.horizontalHeader().sizeHint().height() + 4)
        self.next_button = QPushButton(objectName="completeStepButton")
        self.notes = NotesPanel(self)
        self.referrals = ReferralsPanel(self)
        self.links = LinksPanel(self)
        self.details = DetailsPanel(self)
        tabs = QTabWidget(objectName="caseTabs")
        tabs.addTab(self.notes, self.tr("Notes"))
        tabs.addTab(self.referrals, self.tr("Referrals"))
        tabs.addTab(self.links, self.tr("Linked calls"))
        tabs.addTab(self.details, self.tr("Family and child (Mẫu 01)"))
        self.close_button = QPushButton(objectName="closeCaseButton")
        self.assign_combo = QComboBox(objectName="caseAssignCombo")
        self.assign_button = QPushButton(self.tr("Give the case to"), objectName="caseAssignButton")
        for person in user_store.list_users(db, include_disabled=False):
            if "counselor" in person.roles:
                self.assign_combo.addItem(person.display_name, person.id)
        self.assign_combo.setVisible(self.can_assign)
        self.assign_button.setVisible(self.can_assign)
        self.form_button = QPushButton(self.tr("Mẫu số 01 (PDF)…"), objectName="form01Button")
        done = QPushButton(self.tr("Close the window"))
        bottom = QHBoxLayout()
        bottom.addWidget(self.close_button)
        bottom.addWidget(self.assign_button)
        bottom.addWidget(self.assign_combo)
        bottom.addStretch(1)
        bottom.addWidget(self.form_button)
        bottom.addWidget(done)
        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addWidget(self.steps)
        layout.addWidget(self.next_button)
        layout.addWidget(tabs, 1)
        layout.addLayout(bottom)
        self.next_button.clicked.connect(self.complete_next_step)
        self.close_button.clicked.connect(self.close_or_reopen)
        self.form_button.clicked.connect(self.save_form01)
        done.clicked.connect(self.close)
        self.assign_button.clicked.connect(self.give_to)
        self.resize(1000, 720)
        self.reload()

    # --- loading -------------------------------------------------------------------------------------------

    def reload(self) -> None:
        """Read the case again (the store audits every read of a case as a view)."""
        try:
            self.case = case_store.get_case(self.db, self.case_id, viewer_id=self.user.id, audit_view=not self._viewed)
            events = case_store.case_events(self.db, self.case_id, viewer_id=self.user.id)
        except StoreError as exc:
            QMessageBox.warning(self, self.tr("Case file"), str(exc))
            if self.case is None:
                QTimer.singleShot(0, self.reject)  # nothing to show: the window goes
            return
        self._viewed = True
        case = self.case
        self.setWindowTitle(self.tr("Case file %s") % case.number)
        self._show_header(case)
        self._show_steps(case, events)
        self.notes.show_events(events)
        self.referrals.show_events(events)
        self.links.reload()
        if not self.details.dirty():  # never overwrite details being typed
            self.details.show_case(case)
        closed = case.status == "closed"
        following = next_step(case.status)
        self.next_button.setVisible(self.can_edit and not closed and following not in (None, "closed"))
        if following and following != "closed":
            self.next_button.setText(self.tr("Mark done: %s") % step_label(following))
        self.close_button.setText(self.tr("Reopen the case…") if closed else self.tr("Close the case…"))
        self.close_button.setEnabled(self.can_edit)
        self.form_button.setEnabled(self._may_export(case))
        for panel in (self.notes, self.referrals, self.links, self.details):
            panel.set_editable(self.can_edit and not closed)

    def _show_header(self, case: Case) -> None:
        child = case.child
        lines = [self.tr("%s — status: %s") % (case.number, step_label(case.status))]
        if child is not None:
            age = str(child.age) if child.age is not None else labels.label(labels.CHILD_AGE_BANDS, child.age_band)
            lines.append(self.tr("Child: %s · %s · %s") % (child.name or "?", labels.label(labels.SEXES, child.sex),
                                                           age))  # fmt: skip
        lines.append(
            self.tr("Counselor: %s · opened %s · risk: %s")
            % (self.names.get(case.assigned_to, "—"), format_local(case.opened_at), labels.label(labels.RISKS,
                                                                                                  case.risk))
        )  # fmt: skip
        if case.status == "closed":
            lines.append(self.tr("Closed %s: %s") % (format_local(case.closed_at), case.closure_reason))
        self.header.setText("\n".join(lines))

    def _show_steps(self, case: Case, events) -> None:
        done = {}
        for event in events:
            if event.kind == "step" and event.step:
                done[event.step] = event
            elif event.kind == "close":
                done["closed"] = event
            elif event.kind == "reopen":
                done.pop("closed", None)
        now = utcnow()
        for row, step in enumerate(STEPS):
            due = step_due(step, case.safety_due, case.plan_due)
            self.steps.setItem(row, 0, QTableWidgetItem(step_label(step)))
            event = done.get(step)
            due_text = ""
            if due is not None:
                due_text = format_local(due) + ("" if event else f" — {countdown(due, now)}")
            due_item = QTableWidgetItem(due_text)
            colour = URGENCY_COLOURS.get(urgency(due, now)) if due and not event else None
            if colour:
                due_item.setBackground(QBrush(QColor(colour)))
            self.steps.setItem(row, 1, due_item)
            done_text = f"{format_local(event.at)} — {self.names.get(event.user_id, '')}" if event else ""
            self.steps.setItem(row, 2, QTableWidgetItem(done_text))

    # --- changes -------------------------------------------------------------------------------------------

    def changed(self, message: str = "") -> None:
        """After any change: read again, tell the lists, say what happened."""
        self.reload()
        self.case_changed.emit(self.case_id)
        if message:
            self.status_message.emit(message, 6000)

    def complete_next_step(self) -> None:
        step = next_step(self.case.status)
        if step is None or step == "closed":
            return
        try:
            case_store.complete_step(self.db, self.case_id, step, by_user_id=self.user.id, version=self.case.version)
        except (StoreError, CaseRuleError) as exc:
            QMessageBox.warning(self, self.tr("Not saved"), str(exc))
            self.reload()
            return
        self.changed(self.tr("Step done: %s") % step_label(step))

    def close_or_reopen(self) -> None:
        closing = self.case.status != "closed"
        title = self.tr("Close the case") if closing else self.tr("Reopen the case")
        prompt = self.tr("Why is the case closed?") if closing else self.tr("Why is the case reopened?")
        reason, ok = QInputDialog.getText(self, title, prompt)
        if not ok:
            return
        if not reason.strip():
            QMessageBox.information(self, title, self.tr("A reason is needed."))
            return
        try:
            if closing:
                case_store.close_case(self.db, self.case_id, reason.strip(), by_user_id=self.user.id,
                                      version=self.case.version)  # fmt: skip
            else:
                case_store.reopen_case(self.db, self.case_id, reason.strip(), by_user_id=self.user.id)
        except (StoreError, CaseRuleError) as exc:
            QMessageBox.warning(self, title, str(exc))
            self.reload()
            return
        self.changed(self.tr("The case is closed.") if closing else self.tr("The case is open again."))

    def _may_export(self, case: Case) -> bool:
        """Mẫu 01 holds personal data: a shift lead for any case, a counselor for their own (DESIGN §6)."""
        return permissions.may_export_case(self.user, case.assigned_to)

    def give_to(self) -> None:
        counselor = self.assign_combo.currentData()
        if counselor is None:
            return
        try:
            case_store.assign_case(self.db, self.case_id, counselor, by_user_id=self.user.id)
        except (StoreError, CaseRuleError) as exc:
            QMessageBox.warning(self, self.tr("Not saved"), str(exc))
            return
        self.changed(self.tr("The case is now followed by %s.") % self.names.get(counselor, ""))

    def reject(self) -> None:
        """Closing (button, Esc, the window's ×) never drops typed family details without asking."""
        if self.can_edit and self.case is not None and self.details.dirty():
            answer = QMessageBox.question(
                self, self.tr("Unsaved details"), self.tr("Save the family and child details you typed?"),
                QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
                | QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Save,
            )  # fmt: skip
            if answer == QMessageBox.StandardButton.Cancel:
                return
            if answer == QMessageBox.StandardButton.Save and not self.details.save():
                return
        super().reject()

    def save_form01(self) -> None:
        """Mẫu số 01 of this child as an A4 PDF, to print and sign."""
        from hotline.reports.case_forms import form01_data
        from hotline.reports.form01 import write_form01_pdf

        case = self.case
        suggested = str(Path.home() / f"Mau01-{case.number}.pdf")
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save Mẫu số 01"), suggested, "PDF (*.pdf)")
        if not path:
            return
        try:
            data = form01_data(self.db, case.id, self.settings.get("centre_name"), viewer_id=self.user.id)
        except StoreError as exc:
            QMessageBox.warning(self, self.tr("Mẫu số 01"), str(exc))
            return
        try:
            write_form01_pdf(data, Path(path))
        except OSError as exc:
            QMessageBox.warning(self, self.tr("Mẫu số 01"), self.tr("The file could not be written: %s") % exc.strerror)
            return
        audit.append(self.db, self.user.id, "case.form01", "case", case.id)
        self.status_message.emit(self.tr("Mẫu số 01 saved: %s") % path, 8000)
