"""Lists of case files: mine, overdue, all open — each with its next step and its nearest legal clock first."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QSortFilterProxyModel, Qt, QTimer, Signal
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

from hotline.core.case_clocks import Clock
from hotline.core.cases import CaseSummary
from hotline.core.models import User
from hotline.core.timeutil import format_local, utcnow
from hotline.store import cases as case_store
from hotline.store import users as user_store
from hotline.store.db import StoreError
from hotline.ui.case_clocks_panel import STATE_COLOURS, clock_status
from hotline.ui.case_words import clock_short, step_label
from hotline.ui.models.rows_model import SORT_ROLE, Column, RowsModel

FAR = 1e18

TITLES = {
    "mine": QT_TRANSLATE_NOOP("CaseListScreen", "My cases"),
    "overdue": QT_TRANSLATE_NOOP("CaseListScreen", "Overdue cases"),
    "open": QT_TRANSLATE_NOOP("CaseListScreen", "All open cases"),
}


def _clock(case: CaseSummary) -> Clock | None:
    """The case's nearest open clock, as the store found it."""
    return Clock(case.next_clock, case.next_due) if case.next_clock and case.next_due else None


class CaseListScreen(QWidget):
    """One of the case lists, in the store's order (the nearest clock first: the most overdue on top) until a
    header is clicked; Enter or a double-click opens the case."""

    open_case = Signal(int)
    status_message = Signal(str, int)

    def __init__(self, db, user: User, which: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName(f"caseList_{which}")
        self.db, self.user, self.which = db, user, which
        names = {u.id: u.display_name for u in user_store.list_users(db)}

        def due_text(case: CaseSummary) -> str:
            clock = _clock(case)
            return clock_status(clock, utcnow()) if clock else ""

        def due_colour(case: CaseSummary):
            clock = _clock(case)
            return STATE_COLOURS.get(clock.state(utcnow())) if clock else None

        self.model = RowsModel("CaseListScreen", [
            Column(QT_TRANSLATE_NOOP("CaseListScreen", "Deadline"), due_text,
                   lambda c: c.next_due.timestamp() if c.next_due else FAR, due_colour),
            Column(QT_TRANSLATE_NOOP("CaseListScreen", "Nearest clock"), lambda c: clock_short(c.next_clock or "")),
            Column(QT_TRANSLATE_NOOP("CaseListScreen", "Case"), lambda c: c.number),
            Column(QT_TRANSLATE_NOOP("CaseListScreen", "Child"), lambda c: c.child_name),
            Column(QT_TRANSLATE_NOOP("CaseListScreen", "Step done"), lambda c: step_label(c.status)),
            Column(QT_TRANSLATE_NOOP("CaseListScreen", "Next step"), lambda c: step_label(c.next_step or "")),
            Column(QT_TRANSLATE_NOOP("CaseListScreen", "Counselor"), lambda c: names.get(c.assigned_to, "")),
            Column(QT_TRANSLATE_NOOP("CaseListScreen", "Opened"), lambda c: format_local(c.opened_at),
                   lambda c: c.opened_at.timestamp()),
        ], self)  # fmt: skip
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.title = QLabel(objectName="caseListTitle")
        self.title.setStyleSheet("font-size: 16px; font-weight: bold;")
        self.view = QTableView(objectName="caseListView")
        self.view.setTabKeyNavigation(False)  # Tab leaves the table, the arrows move in it
        self.view.setModel(self.proxy)
        # no sort column until a header is clicked: enabling sorting with the default indicator sorted the rows by
        # the first column, descending, and so showed the most overdue case last
        self.view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.view.setSortingEnabled(True)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setDefaultSectionSize(24)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.view.horizontalHeader().setStretchLastSection(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.view, 1)
        self.view.activated.connect(self._open)  # Enter and double-click
        self._clock = QTimer(self, interval=30_000, timeout=self.model.refresh)
        self._clock.start()
        # read when first shown (Workspace._show)

    def reload(self) -> None:
        """Read the list again, the current row kept on its case (else on the same row): another desk's save
        reloads an open list, and the counselor must not lose their place in it."""
        current = self.view.currentIndex()
        kept_id = self.model.row(self.proxy.mapToSource(current).row()).id if current.isValid() else None
        kept_row = current.row() if current.isValid() else 0
        try:
            rows = case_store.list_cases(self.db, self.which, user_id=self.user.id)
        except StoreError as exc:
            self.status_message.emit(str(exc), 8000)
            return
        self.model.set_rows(rows)
        if self.proxy.sortColumn() < 0:  # the store's order, unless the user sorted by a column
            self.proxy.sort(-1)
        self.title.setText(f"{self.tr(TITLES[self.which])}: {len(rows)}")
        if rows:
            self.view.selectRow(self._row_of(kept_id, min(kept_row, len(rows) - 1)))

    def _row_of(self, case_id: int | None, fallback: int) -> int:
        """The view's row showing ``case_id``, else ``fallback``."""
        for row in range(self.proxy.rowCount()):
            if self.model.row(self.proxy.mapToSource(self.proxy.index(row, 0)).row()).id == case_id:
                return row
        return fallback

    def _open(self, index) -> None:
        self.open_case.emit(self.model.row(self.proxy.mapToSource(index).row()).id)
