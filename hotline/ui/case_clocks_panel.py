"""A case file's legal clocks: which clock, its article, its due, whether it is met; and the records that met them."""

from __future__ import annotations

import contextlib
from datetime import datetime, timedelta

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QPushButton,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from hotline.core import case_clocks
from hotline.core.case_clocks import Clock
from hotline.core.cases import Case, CaseEvent
from hotline.core.models import Handoff
from hotline.core.timeutil import format_local, utcnow
from hotline.store import case_clocks as clock_store
from hotline.store.case_clocks import CallFacts
from hotline.store.handoffs import record_handoff
from hotline.ui import labels
from hotline.ui.case_words import CLOCK_EVENTS, article_label, clock_label, emergency_label
from hotline.ui.clock_dialogs import (
    EmergencyDialog,
    HandoffDialog,
    PlanApprovalDialog,
    SeparationDialog,
    commune_office,
    moment_of,
)
from hotline.ui.log_columns import wrapped
from hotline.ui.timefmt import URGENCY_COLOURS, countdown, span_text

#: A met clock is green; one met late keeps the amber of "due soon" (the text says "late").
STATE_COLOURS = {"overdue": URGENCY_COLOURS["overdue"], "due_soon": URGENCY_COLOURS["due_soon"],
                 "met": "#d4efd4", "met_late": URGENCY_COLOURS["due_soon"]}  # fmt: skip


def clock_status(clock: Clock, now: datetime) -> str:
    """What a clock's state says in words: time left or late, or when it was met."""
    state = clock.state(now)
    if state == "met":
        return (
            QCoreApplication.translate("CaseClocks", "Met %1").replace("%1", format_local(clock.met_at))
            if clock.met_at
            else QCoreApplication.translate("CaseClocks", "Met")
        )
    if state == "met_late":
        # how late stays in sight once met (when: in the tooltip, the facts and the history)
        late = span_text(int(clock.late_by.total_seconds()))
        return QCoreApplication.translate("CaseClocks", "Met %1 late").replace("%1", late)
    if clock.kind == case_clocks.HANDOFF and now - clock.due < timedelta(minutes=1):
        # not "0 min left": the hand-off is due from the save
        return QCoreApplication.translate("CaseClocks", "Due now (at once)")
    return countdown(clock.due, now)


def late_words(late: timedelta) -> str:
    """How late a step was done: "1 d 2 h late"."""
    return QCoreApplication.translate("CaseClocks", "%1 late").replace("%1", span_text(int(late.total_seconds())))


def clocks_of(case: Case, events: list[CaseEvent], facts: CallFacts | None) -> tuple[Clock, ...]:
    """The case's clocks from what the window has read: the plan met by the last 'plan' step of this cycle."""
    plan_done_at = None
    for event in events:
        if event.kind == "cycle":
            plan_done_at = None
        elif event.kind == "step" and event.step == "plan":
            plan_done_at = event.at
    handoff = facts.commune_handoff() if facts else None
    return case_clocks.case_clocks(
        status=case.status, safety_due=case.safety_due, emergency_done_at=case.emergency_done_at,
        plan_due=case.plan_due, plan_done_at=plan_done_at, separation_started_at=case.separation_started_at,
        separation_until=case.separation_until, separation_ended_at=case.separation_ended_at,
        handoff_due=facts.handoff_due if facts else None, handoff_at=handoff.at if handoff else None,
    )  # fmt: skip


class ClocksPanel(QWidget):
    """The table of the four clocks, the buttons that record what meets them (the view then reads all again) and
    the records in words."""

    def __init__(self, view):
        super().__init__(view)
        self.view = view
        self.table = QTableWidget(len(case_clocks.CLOCKS), 4, self, objectName="caseClocksTable")
        self.table.setTabKeyNavigation(False)  # Tab leaves the table, the arrows move in it
        self.table.setAccessibleName(self.tr("Legal clocks of the case"))
        self.table.setHorizontalHeaderLabels(
            [self.tr("Clock"), self.tr("Decree 56/2017"), self.tr("Due"), self.tr("State")]
        )
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(22)  # as every table of the program: room for the records
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        header = self.table.horizontalHeader()
        # the article, the due time and the state whole, as wide as their words ("Đã đáp ứng 07/11/2026 09:55");
        # the clock's name takes the rest, cut short if it must be, whole in its tooltip
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        self.table.setFixedHeight(22 * len(case_clocks.CLOCKS) + header.sizeHint().height() + 4)
        self.handoff_button = QPushButton(self.tr("&Hand-off to the commune…"), self, objectName="recordHandoffButton")
        self.emergency_button = QPushButton(self.tr("&12 hours: record the outcome…"), self,
                                            objectName="recordEmergencyButton")  # fmt: skip
        self.approval_button = QPushButton(self.tr("Plan &approved…"), self, objectName="approvePlanButton")
        self.separation_button = QPushButton(self.tr("Temporary &separation…"), self, objectName="separationButton")
        buttons = QHBoxLayout()
        for button in (self.handoff_button, self.emergency_button, self.approval_button, self.separation_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        # what met each clock, in words (who, how, when): the tooltips say it too, the history tab says it all
        self._fact_lines: list[str] = []
        self.facts = QLabel(self, objectName="caseClockFacts")
        self.facts.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.facts.setTextFormat(Qt.TextFormat.PlainText)
        self.facts.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        layout.addWidget(self.facts)
        layout.addStretch(1)
        self.buttons = (self.handoff_button, self.emergency_button, self.approval_button, self.separation_button)
        self.handoff_button.clicked.connect(self.record_handoff)
        self.emergency_button.clicked.connect(self.record_emergency)
        self.approval_button.clicked.connect(self.approve_plan)
        self.separation_button.clicked.connect(self.record_separation)

    def set_editable(self, editable: bool) -> None:
        for button in self.buttons:
            button.setEnabled(editable)

    def show_clocks(self, case: Case, events: list[CaseEvent], facts: CallFacts | None) -> None:
        now = utcnow()
        clocks = {clock.kind: clock for clock in clocks_of(case, events, facts)}
        for row, kind in enumerate(case_clocks.CLOCKS):
            clock = clocks.get(kind)
            due = format_local(clock.due) if clock else "—"
            state = clock_status(clock, now) if clock else self._not_running(kind, case, facts)
            cells = (clock_label(kind), article_label(kind), due, state)
            colour = STATE_COLOURS.get(clock.state(now)) if clock else None
            tip = self._what_met(kind, case, events, facts)
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column >= 2 and colour:
                    item.setBackground(QBrush(QColor(colour)))
                if tip or column == 0:  # the clock's name may be cut short by a narrow window
                    item.setToolTip("\n".join(line for line in (text if column == 0 else "", tip) if line))
                self.table.setItem(row, column, item)
        self._fact_lines = self._facts(case, events, facts)
        self._show_facts()
        running = case.separation_started_at is not None and case.separation_ended_at is None
        self.separation_button.setText(
            self.tr("&Separation: extended or ended…") if running else self.tr("Temporary &separation began…")
        )

    def _facts(self, case: Case, events: list[CaseEvent], facts: CallFacts | None) -> list[str]:
        """One line per clock with something recorded (the latest record), wrapped at the panel's width."""
        lines = []
        if facts is not None:
            handoff = facts.commune_handoff()
            if handoff is not None:
                lines.append(self.tr("Hand-off: %1").replace("%1", handoff_words(handoff, self.view.names)))
            elif facts.handoff_due is not None:
                lines.append(self.tr("Hand-off: not recorded yet — due at once since %1").replace(
                    "%1", format_local(facts.handoff_due)))  # fmt: skip
            if facts.victim_referral and not any(h.kind == "victim" for h in facts.handoffs):
                lines.append(self.tr("Victim referral (police or Border Guard): not recorded yet"))
        latest: dict[str, CaseEvent] = {}
        for event in events:
            if event.kind in CLOCK_EVENTS and event.kind != "cycle":
                latest["separation" if event.kind.startswith("separation") else event.kind] = event
        return lines + [event_words(event, self.view.names) for event in latest.values()]

    def _show_facts(self) -> None:
        """The lines wrapped at the panel's width, two at most for each record: a plan's decision is not cut at the
        window's edge, and the file still fits a 768-pixel screen (the whole text: tooltip and history tab)."""
        width = max(100, self.width() - 8)
        self.facts.setText("\n".join(wrapped(line, self.facts.font(), width, 2) for line in self._fact_lines))
        self.facts.setToolTip("\n".join(self._fact_lines))

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._show_facts()

    def _not_running(self, kind: str, case: Case, facts: CallFacts | None) -> str:
        if kind == case_clocks.HANDOFF:
            return self.tr("Not required for this report")
        if kind == case_clocks.EMERGENCY:
            if case.emergency_done_at is not None:
                return self.tr("Recorded %1 (not required)").replace("%1", format_local(case.emergency_done_at))
            return self.tr("Not required: no serious harm reported")
        if kind == case_clocks.SEPARATION:
            return self.tr("No separation recorded")
        return ""

    def _what_met(self, kind: str, case: Case, events: list[CaseEvent], facts: CallFacts | None) -> str:
        """The tooltip of a clock: what met it, as recorded."""
        if kind == case_clocks.HANDOFF and facts is not None:
            handoff = facts.commune_handoff()
            return handoff_words(handoff, self.view.names) if handoff else ""
        if kind == case_clocks.PLAN and case.plan_approved_on:
            return self.tr("Plan approved (Mẫu 05 decision) on %1").replace(
                "%1", case.plan_approved_on.strftime("%d/%m/%Y")
            )
        wanted = {case_clocks.EMERGENCY: ("emergency",), case_clocks.SEPARATION: ("separation_start",
                  "separation_extend", "separation_end")}.get(kind, ())  # fmt: skip
        return "\n".join(event_words(e, self.view.names) for e in events if e.kind in wanted)

    # --- recording what meets a clock (the view reads everything again after a change) ---

    def _record(self, dialog, write, message: str) -> None:
        dialog.write = write
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.view.changed(message)
        else:
            self.view.reload()  # a conflict may have shown: show what is stored now

    def record_handoff(self) -> None:
        """Điều 26(1): the report passed to the commune of the incident — to whom, how, when."""
        view = self.view
        dialog = HandoffDialog(commune_office(view.facts.incident_ward_code if view.facts else None), view)
        call_id = view.case.call_id

        def write() -> None:
            handoff = Handoff("commune", dialog.to_whom.text(), dialog.means.currentData(), moment_of(dialog.when))
            record_handoff(view.db, call_id, handoff, user_id=view.user.id)

        self._record(dialog, write, self.tr("Hand-off to the commune recorded."))

    def record_emergency(self) -> None:
        view = self.view
        dialog = EmergencyDialog(view)
        version = view.case.version

        def write() -> None:
            clock_store.record_emergency(
                view.db, view.case_id, dialog.outcome(), dialog.text.toPlainText(), by_user_id=view.user.id,
                at=moment_of(dialog.when), version=version,
            )  # fmt: skip

        self._record(dialog, write, self.tr("The 12-hour clock's outcome is recorded."))

    def approve_plan(self) -> None:
        view = self.view
        dialog = PlanApprovalDialog(view)
        version = view.case.version

        def write() -> None:
            clock_store.approve_plan(view.db, view.case_id, dialog.day.date().toPython(), dialog.text.text(),
                                     by_user_id=view.user.id, version=version)  # fmt: skip

        self._record(dialog, write, self.tr("The plan's approval is recorded."))

    def record_separation(self) -> None:
        view = self.view
        case = view.case
        running = case.separation_started_at is not None and case.separation_ended_at is None
        dialog = SeparationDialog(running, view)
        version, user = case.version, view.user.id

        def write() -> None:
            text = dialog.text.toPlainText()
            if not running:
                clock_store.start_separation(view.db, view.case_id, text, by_user_id=user, at=moment_of(dialog.when),
                                             version=version)  # fmt: skip
            elif dialog.extend.isChecked():
                clock_store.extend_separation(view.db, view.case_id, dialog.until.date().toPython(), text,
                                              by_user_id=user, version=version)  # fmt: skip
            else:
                clock_store.end_separation(view.db, view.case_id, text, by_user_id=user, at=moment_of(dialog.when),
                                           version=version)  # fmt: skip

        self._record(dialog, write, self.tr("The temporary separation is recorded."))


def handoff_words(handoff, names: dict[int, str]) -> str:
    """'02/03/2026 09:40 — UBND xã Mỹ Hòa Hưng, by phone (recorded by An)'."""
    means = labels.label(labels.HANDOFF_MEANS, handoff.means)
    text = f"{format_local(handoff.at)} — {handoff.to_whom}, {means}"
    who = names.get(handoff.user_id, "")
    return text + (" " + QCoreApplication.translate("CaseClocks", "(recorded by %1)").replace("%1", who) if who else "")


def event_words(event: CaseEvent, names: dict[int, str]) -> str:
    """One line of the clocks' history."""
    code = event.service or ""
    if event.kind == "emergency":
        code = emergency_label(code)
    elif code:
        with contextlib.suppress(ValueError):
            code = datetime.fromisoformat(code).strftime("%d/%m/%Y")
    what = QCoreApplication.translate("CaseWords", CLOCK_EVENTS[event.kind]).replace("%1", code)
    text = f"{format_local(event.at)} — {names.get(event.user_id, '')}: {what}"
    return text + (f" — {event.text}" if event.text else "")


class ClockHistory(QListWidget):
    """Every record of the clocks, oldest first: hand-offs of the call and the case's clock events."""

    def __init__(self, view):
        super().__init__(view)
        self.view = view
        self.setObjectName("clockHistoryList")
        self.setWordWrap(True)

    def show_history(self, events: list[CaseEvent], facts: CallFacts | None) -> None:
        self.clear()
        lines: list[tuple[datetime, str]] = []
        for handoff in facts.handoffs if facts else ():
            kind = self.tr("Hand-off to the commune") if handoff.kind == "commune" else self.tr("Victim referral")
            lines.append((handoff.at, f"{kind}: {handoff_words(handoff, self.view.names)}"))
        lines += [(e.at, event_words(e, self.view.names)) for e in events if e.kind in CLOCK_EVENTS]
        for _at, text in sorted(lines, key=lambda pair: pair[0]):
            self.addItem(text)
        if not lines:
            self.addItem(self.tr("Nothing recorded on the clocks yet."))
