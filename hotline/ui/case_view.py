"""One case file: its steps, its legal clocks, append-only notes, referrals, linked calls, family, Mẫu 01."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from hotline.core import permissions
from hotline.core.cases import CYCLE_BACK_TO, STEPS, Case, CaseRuleError, next_step, step_late_by
from hotline.core.models import Call, User
from hotline.core.timeutil import format_local
from hotline.settings import Settings
from hotline.store import audit
from hotline.store import case_clocks as clock_store
from hotline.store import cases as case_store
from hotline.store import categories as category_store
from hotline.store import users as user_store
from hotline.store.db import StoreError
from hotline.ui import labels
from hotline.ui.call_edit_dialog import CallEditDialog
from hotline.ui.case_clocks_panel import STATE_COLOURS, ClockHistory, ClocksPanel, late_words
from hotline.ui.case_intake import IntakeCallBox
from hotline.ui.case_panels import DetailsPanel, LinksPanel, NotesPanel, ReferralsPanel
from hotline.ui.case_words import step_label
from hotline.ui.clock_dialogs import ReviewDialog
from hotline.ui.screen_fit import fit_to_screen
from hotline.ui.widgets import follow_focus

#: The least height of the tabs (notes, referrals…) before the case file scrolls: a few notes and the new one.
TABS_MIN_HEIGHT = 230


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
        self.facts: clock_store.CallFacts | None = None
        self.intake: Call | None = None  # the call the case was opened from: what the caller reported
        self.call_dialog: QDialog | None = None  # the last call opened from the case file
        self.taxonomy = category_store.load_taxonomy(db)  # an old call's retired category keeps its words
        self.header = QLabel(objectName="caseHeader")
        self.header.setWordWrap(True)
        self.header.setTextFormat(Qt.TextFormat.PlainText)
        self.steps = QTableWidget(len(STEPS), 2, objectName="caseStepsTable")
        self.steps.setTabKeyNavigation(False)  # Tab leaves the table, the arrows move in it
        self.steps.setHorizontalHeaderLabels([self.tr("Step"), self.tr("Done")])
        self.steps.verticalHeader().hide()
        self.steps.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.steps.horizontalHeader().setStretchLastSection(True)
        self.steps.verticalHeader().setDefaultSectionSize(24)
        self.steps.setColumnWidth(0, 150)
        self.steps.setFixedWidth(420)
        # every step in sight, no scrolling
        self.steps.setFixedHeight(24 * len(STEPS) + self.steps.horizontalHeader().sizeHint().height() + 4)
        self.intake_box = IntakeCallBox(self)
        self.clocks = ClocksPanel(self)
        self.next_button = QPushButton(objectName="completeStepButton")
        self.notes = NotesPanel(self)
        self.history = ClockHistory(self)
        self.referrals = ReferralsPanel(self)
        self.links = LinksPanel(self)
        self.details = DetailsPanel(self)
        tabs = self.tabs = QTabWidget(objectName="caseTabs")
        tabs.addTab(self.notes, self.tr("Notes"))
        tabs.addTab(self.history, self.tr("Clock records"))
        tabs.addTab(self.referrals, self.tr("Referrals"))
        tabs.addTab(self.links, self.tr("Linked calls"))
        tabs.addTab(self.details, self.tr("Family and child (Mẫu 01)"))
        self.close_button = QPushButton(objectName="closeCaseButton")
        self.assign_combo = QComboBox(objectName="caseAssignCombo")
        self.assign_button = QPushButton(self.tr("&Give the case to"), objectName="caseAssignButton")
        for person in user_store.list_users(db, include_disabled=False):
            if "counselor" in person.roles:
                self.assign_combo.addItem(person.display_name, person.id)
        self.assign_combo.setVisible(self.can_assign)
        self.assign_button.setVisible(self.can_assign)
        self.form_button = QPushButton(self.tr("Mẫu số 01 (&PDF)…"), objectName="form01Button")
        done = self.done_button = QPushButton(self.tr("Close the &window (Esc)"), objectName="closeWindowButton")
        bottom = QHBoxLayout()
        bottom.addWidget(self.close_button)
        bottom.addWidget(self.assign_button)
        bottom.addWidget(self.assign_combo)
        bottom.addStretch(1)
        bottom.addWidget(self.form_button)
        bottom.addWidget(done)
        # what the caller reported comes first, the clocks under it and the steps beside them: one row less than
        # stacked, so that the file fits a 1366×768 screen without scrolling
        top = QHBoxLayout()
        report_column = QVBoxLayout()
        report_column.addWidget(self.intake_box)
        report_column.addWidget(self.clocks, 1)
        steps_column = QVBoxLayout()
        steps_column.addWidget(self.steps)
        steps_column.addWidget(self.next_button)
        steps_column.addStretch(1)
        top.addLayout(report_column, 1)
        top.addLayout(steps_column)
        # the tabs take the height left over, down to their least: their preferred height (lists of 10 rows) would
        # make the file scroll on a 768-pixel screen
        tabs.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Ignored)
        tabs.setMinimumHeight(max(TABS_MIN_HEIGHT, tabs.minimumSizeHint().height()))
        body = QWidget(objectName="caseBody")
        body_layout = QVBoxLayout(body)
        body_layout.setContentsMargins(0, 0, 0, 0)
        body_layout.addLayout(top)
        body_layout.addWidget(tabs, 1)
        # a smaller screen (or larger letters) scrolls the file; the header and the buttons stay in sight
        self.scroll = QScrollArea(objectName="caseScroll")
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes through its fields, which it scrolls into view
        self.scroll.setWidget(body)
        follow_focus(self.scroll)  # whatever gets the focus, also without Tab, is shown whole
        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addWidget(self.scroll, 1)
        layout.addLayout(bottom)
        self.next_button.clicked.connect(self.complete_next_step)
        self.close_button.clicked.connect(self.close_or_reopen)
        self.form_button.clicked.connect(self.save_form01)
        done.clicked.connect(self.close)
        self.assign_button.clicked.connect(self.give_to)
        self.intake_box.open_requested.connect(self.open_call)
        for button in self.findChildren(QPushButton):
            button.setAutoDefault(False)  # no default button: see keyPressEvent
        fit_to_screen(self, 1340, 820)
        self.reload()

    def keyPressEvent(self, event) -> None:
        # Enter presses the button that has the focus and no other: QDialog would press its default button, and
        # "Mark done" or "Close the case" is no key to hit by accident. In the calls list Enter opens the call.
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            focused = QApplication.focusWidget()
            if isinstance(focused, QPushButton) and focused.isEnabled() and self.isAncestorOf(focused):
                focused.click()
            return
        super().keyPressEvent(event)

    # --- loading -------------------------------------------------------------------------------------------

    def reload(self) -> None:
        """Read the case again (the store audits every read of a case as a view)."""
        try:
            self.case = case_store.get_case(self.db, self.case_id, viewer_id=self.user.id, audit_view=not self._viewed)
            events = case_store.case_events(self.db, self.case_id, viewer_id=self.user.id)
            self.facts = clock_store.call_facts(self.db, self.case.call_id, viewer_id=self.user.id)
        except StoreError as exc:
            QMessageBox.warning(self, self.tr("Case file"), str(exc))
            if self.case is None:
                QTimer.singleShot(0, self.reject)  # nothing to show: the window goes
            return
        self._viewed = True
        case = self.case
        self._show_intake()
        self.setWindowTitle(self.tr("Case file %s") % case.number)
        self._show_header(case, events)
        self._show_steps(events)
        self.clocks.show_clocks(case, events, self.facts)
        self.history.show_history(events, self.facts)
        self.notes.show_events(events)
        self.referrals.show_events(events)
        self.links.reload()
        if not self.details.dirty():  # never overwrite details being typed
            self.details.show_case(case)
        closed = case.status == "closed"
        following = next_step(case.status)
        self.next_button.setVisible(self.can_edit and not closed and following not in (None, "closed"))
        if following and following != "closed":
            self.next_button.setText(self.tr("&Mark done: %s") % step_label(following))
        self.close_button.setText(self.tr("Reopen the &case…") if closed else self.tr("Close the &case…"))
        self.close_button.setEnabled(self.can_edit)
        self.form_button.setEnabled(self._may_export(case))
        for panel in (self.notes, self.referrals, self.links, self.details, self.clocks):
            panel.set_editable(self.can_edit and not closed)

    def _show_header(self, case: Case, events) -> None:
        child = case.child
        cycle = 1 + sum(1 for event in events if event.kind == "cycle")
        status = self.tr("%s — status: %s") % (case.number, step_label(case.status))
        if cycle > 1:
            status += " · " + self.tr("plan cycle %d (after a review, Art. 30)") % cycle
        if case.plan_approved_on:
            status += " · " + self.tr("plan approved on %s") % case.plan_approved_on.strftime("%d/%m/%Y")
        lines = [status]
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

    def _show_steps(self, events) -> None:
        """When each step was done in the current plan cycle (a new cycle clears the steps after 'needs')."""
        done = {}
        for event in events:
            if event.kind == "step" and event.step:
                done[event.step] = event
            elif event.kind == "cycle":
                for step in STEPS[STEPS.index(CYCLE_BACK_TO) + 1 :]:
                    done.pop(step, None)
            elif event.kind == "close":
                done["closed"] = event
            elif event.kind == "reopen":
                done.pop("closed", None)
        for row, step in enumerate(STEPS):
            self.steps.setItem(row, 0, QTableWidgetItem(step_label(step)))
            item = QTableWidgetItem()
            event = done.get(step)
            if event is not None:
                # a step done after its due stays marked late: in words (before the name, which may be cut off)
                # and in the amber of a clock met late
                late = step_late_by(step, event.at, self.case.plan_due)
                parts = [format_local(event.at), late_words(late) if late else "", self.names.get(event.user_id, "")]
                item.setText(" — ".join(part for part in parts if part))
                item.setToolTip(item.text())
                if late:
                    item.setBackground(QBrush(QColor(STATE_COLOURS["met_late"])))
            self.steps.setItem(row, 1, item)

    def _show_intake(self) -> None:
        """What the caller reported: the call the case was opened from, read again with the case."""
        try:
            self.intake = case_store.intake_call(self.db, self.case_id, viewer_id=self.user.id)
        except StoreError as exc:
            self.intake = None
            self.intake_box.show_error(str(exc))
            return
        self.intake_box.show_call(self.intake, self.names, self.taxonomy, self.lang, self.user)

    def open_call(self, call_id: int) -> None:
        """A call of the case (the intake call, a linked one) in the call window: editable or read-only as the
        viewer's role allows; a change shows here at once."""
        dialog = CallEditDialog(self.db, self.user, call_id, self.settings, self.lang, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        if dialog.call is None:  # it could not be read; the dialog has said why
            dialog.deleteLater()
            return
        dialog.call_changed.connect(lambda _id: self.reload())
        self.call_dialog = dialog
        dialog.show()

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
        if step == "review":
            self._review()
            return
        try:
            case_store.complete_step(self.db, self.case_id, step, by_user_id=self.user.id, version=self.case.version)
        except (StoreError, CaseRuleError) as exc:
            QMessageBox.warning(self, self.tr("Not saved"), str(exc))
            self.reload()
            return
        self.changed(self.tr("Step done: %s") % step_label(step))

    def _review(self) -> None:
        """Điều 30: the review closes the cycle, or the child is still at risk and a new plan cycle begins."""
        dialog = ReviewDialog(self)
        version = self.case.version

        def write() -> None:
            case_store.complete_step(
                self.db, self.case_id, "review", by_user_id=self.user.id, version=version,
                note=dialog.text.toPlainText(), new_cycle=dialog.at_risk.isChecked(),
            )  # fmt: skip

        dialog.write = write
        if dialog.exec() == QDialog.DialogCode.Accepted:
            new_cycle = dialog.at_risk.isChecked()
            self.changed(self.tr("A new plan cycle began: the plan is due in 5 working days.") if new_cycle
                         else self.tr("Step done: %s") % step_label("review"))  # fmt: skip

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
        from hotline.core.timeutil import local, utcnow
        from hotline.ui.file_names import suggested_path

        suggested = suggested_path("form01", local(utcnow()).date(), extra=case.number)
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
