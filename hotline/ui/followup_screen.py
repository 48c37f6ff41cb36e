"""The counselor's follow-up queue: flagged calls waiting for a case file, the nearest legal clock first."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QSortFilterProxyModel, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from hotline.core import case_clocks, permissions
from hotline.core.cases import CaseRuleError, QueueItem
from hotline.core.models import Handoff, User
from hotline.core.rules import Reason
from hotline.core.timeutil import format_local, utcnow
from hotline.store import cases as case_store
from hotline.store import categories as category_store
from hotline.store import users as user_store
from hotline.store.db import StoreError
from hotline.store.handoffs import record_handoff
from hotline.ui import labels
from hotline.ui.case_clocks_panel import STATE_COLOURS, clock_status, handoff_words
from hotline.ui.case_words import article_label, clock_label, clock_short
from hotline.ui.clock_dialogs import HandoffDialog, commune_office, moment_of
from hotline.ui.models.rows_model import SORT_ROLE, Column, RowsModel

_CTX = "FollowupScreen"
FAR = 1e18  # sorts "no deadline" last


def clocks_of(item: QueueItem) -> tuple[case_clocks.Clock, ...]:
    """The call's clocks: the hand-off (met by one to the commune), the 12 hours and the plan."""
    handoff = next((h for h in item.handoffs if h.kind == "commune"), None)
    return case_clocks.call_clocks(handoff_due=item.handoff_due, handoff_at=handoff.at if handoff else None,
                                   safety_due=item.safety_due, plan_due=item.plan_due)  # fmt: skip


def _nearest(item: QueueItem) -> case_clocks.Clock | None:
    return case_clocks.nearest(clocks_of(item))


class FollowupScreen(QWidget):
    """Take a flagged call, open one case file per child, and go to the case."""

    cases_changed = Signal()
    open_case = Signal(int)  # case id
    status_message = Signal(str, int)

    def __init__(self, db, user: User, lang: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("followupScreen")
        self.db, self.user, self.lang = db, user, lang
        self.taxonomy = category_store.load_taxonomy(db)
        self.can_edit = permissions.can(user, permissions.CASE_EDIT)
        self.can_assign_any = permissions.can(user, permissions.CASE_ASSIGN_ANY)
        # the store lets a counselor or a shift lead record a hand-off of any report
        self.can_hand_off = self.can_edit or permissions.can(user, permissions.CALL_EDIT_ALL)
        self._names = {u.id: u.display_name for u in user_store.list_users(db)}
        self.model = RowsModel(_CTX, self._columns(), self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self._build()
        self._clock = QTimer(self, interval=30_000, timeout=self.model.refresh)  # countdowns move on
        self._clock.start()
        # read when first shown (Workspace._show): nothing slow at sign-in for tabs not yet opened

    def _columns(self) -> list[Column]:
        def due_text(item: QueueItem) -> str:
            clock = _nearest(item)
            return clock_status(clock, utcnow()) if clock else ""

        def due_colour(item: QueueItem):
            clock = _nearest(item)
            return STATE_COLOURS.get(clock.state(utcnow())) if clock else None

        return [
            Column(QT_TRANSLATE_NOOP("FollowupScreen", "Deadline"), due_text,
                   lambda i: c.due.timestamp() if (c := _nearest(i)) else FAR, due_colour),
            Column(QT_TRANSLATE_NOOP("FollowupScreen", "For"),
                   lambda i: clock_short(c.kind) if (c := _nearest(i)) else ""),
            Column(QT_TRANSLATE_NOOP("FollowupScreen", "Hand-off"), self._handoff_cell, tooltip=self._handoff_cell),
            Column(QT_TRANSLATE_NOOP("FollowupScreen", "Call"), lambda i: f"{format_local(i.started_at)} · {i.line}",
                   lambda i: i.started_at.timestamp()),
            Column(QT_TRANSLATE_NOOP("FollowupScreen", "Risk"), lambda i: labels.label(labels.RISKS, i.risk)),
            Column(QT_TRANSLATE_NOOP("FollowupScreen", "Why flagged"), self._reasons, tooltip=self._reasons),
            Column(QT_TRANSLATE_NOOP("FollowupScreen", "Children"),
                   lambda i: f"{i.cases_opened}/{max(1, len(i.children))}"),
            Column(QT_TRANSLATE_NOOP("FollowupScreen", "Taken by"), lambda i: self._names.get(i.followup_by, "")),
            Column(QT_TRANSLATE_NOOP("FollowupScreen", "Summary"), lambda i: i.summary.replace("\n", " "),
                   tooltip=lambda i: i.summary),
        ]  # fmt: skip

    def _handoff_cell(self, item: QueueItem) -> str:
        """When and how the report went to the commune, or that it has not yet."""
        handoff = next((h for h in item.handoffs if h.kind == "commune"), None)
        if handoff is not None:
            return f"{format_local(handoff.at)} · {labels.label(labels.HANDOFF_MEANS, handoff.means)}"
        return self.tr("not recorded") if item.handoff_due else self.tr("not required")

    def _reasons(self, item: QueueItem) -> str:
        texts = []
        for data in item.reasons:
            try:
                texts.append(Reason.from_dict(data).text(self.lang, self.taxonomy))
            except (KeyError, ValueError):
                continue
        return "; ".join(texts)

    def _build(self) -> None:
        self.title = QLabel(objectName="followupTitle")
        self.title.setStyleSheet("font-size: 16px; font-weight: bold;")
        self.view = QTableView(objectName="followupQueueView")
        self.view.setTabKeyNavigation(False)  # Tab leaves the table, the arrows move in it
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(False)  # the store's order (most urgent first) is the point
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setDefaultSectionSize(24)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(5, QHeaderView.ResizeMode.Interactive)  # why flagged: long; full text in a tip
        header.resizeSection(5, 280)
        header.setStretchLastSection(True)
        self.view.setAccessibleName(self.tr("Flagged calls waiting for a case file"))
        self.detail = QTextBrowser(objectName="followupDetail")
        self.detail.setOpenLinks(False)

        self.take_button = QPushButton(self.tr("Take it (Ctrl+M)"), objectName="takeCallButton")
        self.take_button.setToolTip(self.tr("Follow this call up yourself"))
        self.assign_combo = QComboBox(objectName="assignCombo")
        self.assign_button = QPushButton(self.tr("Give to"), objectName="assignButton")
        for person in user_store.list_users(self.db, include_disabled=False):
            if "counselor" in person.roles:
                self.assign_combo.addItem(person.display_name, person.id)
        self.open_button = QPushButton(self.tr("Open case files… (Ctrl+O)"), objectName="openCasesButton")
        self.handoff_button = QPushButton(self.tr("Hand-off to the commune… (Ctrl+H)"), objectName="queueHandoffButton")
        self.handoff_button.setToolTip(self.tr("Record that the report was passed to the commune of the incident"))
        self.handoff_button.setVisible(self.can_hand_off)
        buttons = QHBoxLayout()
        buttons.addWidget(self.take_button)
        buttons.addWidget(self.assign_combo)
        buttons.addWidget(self.assign_button)
        buttons.addStretch(1)
        buttons.addWidget(self.handoff_button)
        buttons.addWidget(self.open_button)
        self.take_button.setVisible(self.can_edit)
        self.open_button.setVisible(self.can_edit)
        self.assign_combo.setVisible(self.can_assign_any)
        self.assign_button.setVisible(self.can_assign_any)

        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.view)
        splitter.addWidget(self.detail)
        splitter.setSizes([420, 180])
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(splitter, 1)
        layout.addLayout(buttons)

        self.take_button.clicked.connect(self.take)
        self.assign_button.clicked.connect(self.assign)
        self.open_button.clicked.connect(self.open_cases)
        self.handoff_button.clicked.connect(self.record_handoff)
        self.view.selectionModel().currentRowChanged.connect(lambda *_: self._show_detail())
        self.view.doubleClicked.connect(lambda _: self.open_cases() if self.can_edit else None)
        self._actions = []
        for text, keys, slot, name in (
            (self.tr("Take the selected call"), "Ctrl+M", self.take, "takeCallAction"),
            (self.tr("Open case files for the selected call"), "Ctrl+O", self.open_cases, "openCasesAction"),
            (self.tr("Record the hand-off of the selected call"), "Ctrl+H", self.record_handoff, "queueHandoffAction"),
            (self.tr("Refresh the queue"), "Ctrl+R", self.reload, "refreshQueueAction"),
        ):
            action = QAction(text, self, objectName=name, shortcut=QKeySequence(keys))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(slot)
            self.addAction(action)
            self._actions.append(action)

    def actions(self) -> list[QAction]:
        return list(self._actions)

    # --- data ----------------------------------------------------------------------------------------------

    def reload(self) -> None:
        selected = self.selected()
        try:
            items = case_store.followup_queue(self.db, viewer_id=self.user.id)
        except StoreError as exc:
            self.status_message.emit(str(exc), 8000)
            return
        self.model.set_rows(items)
        self.title.setText(self.tr("Follow-up queue: %d flagged calls without a case file") % len(items))
        row = next((n for n, item in enumerate(items) if selected and item.call_id == selected.call_id), 0)
        if items:
            self.view.selectRow(row)
        self._show_detail()

    def selected(self) -> QueueItem | None:
        index = self.view.currentIndex()
        if not index.isValid():
            return None
        return self.model.row(self.proxy.mapToSource(index).row())

    def _show_detail(self) -> None:
        item = self.selected()
        if item is None:
            self.detail.setPlainText(self.tr("No call is waiting for a case file."))
            return
        lines = [
            self.tr("Call of %s on line %s") % (format_local(item.started_at), item.line),
            self.tr("Why flagged: %s") % self._reasons(item),
        ]
        now = utcnow()
        for clock in clocks_of(item):
            lines.append(
                f"{clock_label(clock.kind)} ({article_label(clock.kind)}): "
                + self.tr("due %s") % format_local(clock.due)
                + f" — {clock_status(clock, now)}"
            )
        if item.handoff_due is None:
            lines.append(self.tr("Hand-off to the commune: not required by the rules for this report"))
        for handoff in item.handoffs:
            kind = self.tr("Hand-off to the commune") if handoff.kind == "commune" else self.tr("Victim referral")
            lines.append(f"{kind}: {handoff_words(handoff, self._names)}")
        if item.victim_referral and not any(h.kind == "victim" for h in item.handoffs):
            lines.append(self.tr("Victim referral (police or Border Guard): not recorded yet"))
        for number, child in enumerate(item.children, start=1):
            age = str(child.age) if child.age is not None else labels.label(labels.CHILD_AGE_BANDS, child.age_band)
            lines.append(self.tr("Child %d: %s, %s, %s") % (number, child.name or "?",
                                                            labels.label(labels.SEXES, child.sex), age))  # fmt: skip
        lines += ["", item.summary]
        self.detail.setPlainText("\n".join(lines))

    # --- actions -------------------------------------------------------------------------------------------

    def record_handoff(self) -> None:
        """Điều 26(1): record that the selected report went to the commune of the incident (to whom, how, when)."""
        item = self.selected()
        if item is None or not self.can_hand_off:
            return
        dialog = HandoffDialog(commune_office(item.incident_ward_code), self)

        def write() -> None:
            handoff = Handoff("commune", dialog.to_whom.text(), dialog.means.currentData(), moment_of(dialog.when))
            record_handoff(self.db, item.call_id, handoff, user_id=self.user.id)

        dialog.write = write
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.status_message.emit(self.tr("Hand-off to the commune recorded."), 6000)
            self.reload()
            self.cases_changed.emit()

    def take(self) -> None:
        item = self.selected()
        if item is not None and item.followup_by not in (None, self.user.id):
            answer = QMessageBox.question(
                self, self.tr("Take over this call?"),
                self.tr("%s follows this call up. Take it over?") % self._names.get(item.followup_by, "?"),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No,
            )  # fmt: skip
            if answer != QMessageBox.StandardButton.Yes:
                return
        self._assign(self.user.id)

    def assign(self) -> None:
        self._assign(self.assign_combo.currentData())

    def _assign(self, counselor_id: int | None) -> None:
        item = self.selected()
        if item is None or counselor_id is None:
            return
        try:
            case_store.assign_call(self.db, item.call_id, counselor_id, by_user_id=self.user.id)
        except StoreError as exc:
            self.status_message.emit(str(exc), 8000)
            return
        self.status_message.emit(self.tr("The call is followed up by %s.") % self._names.get(counselor_id, ""), 6000)
        self.reload()

    def open_cases(self) -> None:
        """Ask which children get a file (all by default), open them, and go to the first one."""
        item = self.selected()
        if item is None or not self.can_edit:
            return
        dialog = ChildrenDialog(item, self)
        if dialog.exec() != QDialog.DialogCode.Accepted or not dialog.child_ids():
            return
        try:
            # the files go to whoever follows the call up (given by the shift lead), else to the one opening them
            opened = case_store.open_cases(
                self.db, item.call_id, dialog.child_ids(), by_user_id=self.user.id,
                assigned_to=item.followup_by or self.user.id,
            )  # fmt: skip
        except (StoreError, CaseRuleError) as exc:
            self.status_message.emit(str(exc), 10000)
            return
        numbers = ", ".join(case.number for case in opened)
        self.status_message.emit(self.tr("Case files opened: %s") % numbers, 10000)
        self.reload()
        self.cases_changed.emit()
        if opened:
            self.open_case.emit(opened[0].id)


class ChildrenDialog(QDialog):
    """One case file per child: tick the children who need one (those without a file are ticked)."""

    def __init__(self, item: QueueItem, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("childrenDialog")
        self.setWindowTitle(self.tr("Open case files"))
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Each child gets their own case file. Open a file for:")))
        self.checks: list[tuple[QCheckBox, int | None]] = []
        children = list(item.children) or [None]
        for number, child in enumerate(children, start=1):
            if (child.id if child else None) in item.children_with_file:
                continue  # this child has a file already
            if child is None:
                text = self.tr("the child of this call (no child was recorded)")
            else:
                text = self.tr("Child %d: %s") % (number, child.name or "?")
            check = QCheckBox(text, objectName=f"childCheck{number}")
            check.setChecked(True)
            layout.addWidget(check)
            self.checks.append((check, child.id if child else None))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Open the files"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def child_ids(self) -> list[int | None]:
        return [child_id for check, child_id in self.checks if check.isChecked()]
