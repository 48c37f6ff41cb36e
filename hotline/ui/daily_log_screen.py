"""The shift lead's daily log: every call of a shift or day, filtered, searched, reviewed, handed over, exported."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from html import escape
from pathlib import Path

from PySide6.QtCore import QDate, QItemSelection, QItemSelectionModel, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from hotline.core import permissions
from hotline.core.daily_log import LogFilter, period_text, previous_shift, shift_bounds, shift_to_open
from hotline.core.models import ONE_KEY_OUTCOMES, RISK_LEVELS, User
from hotline.core.timeutil import format_local, local_range_bounds, utcnow
from hotline.settings import Settings
from hotline.store import audit
from hotline.store import categories as category_store
from hotline.store import daily_log as log_store
from hotline.store import users as user_store
from hotline.store.changes import change_token
from hotline.store.db import StoreError
from hotline.ui import labels, log_columns
from hotline.ui.models import daily_log_model as columns
from hotline.ui.models.daily_log_model import DailyLogModel

#: The longest date range the log shows at once.
MAX_RANGE_DAYS = 92
#: After another copy's save, the rows already scrolled through are read again up to this many.
KEEP_ROWS = 5000
#: How often another copy's saves are looked for (DESIGN: a new call appears within 3 seconds).
LIVE_MS = 1000
#: How the columns are sized (log_columns): numbers and fixed words whole; names, categories and communes give
#: up width to the summary, which stretches over the rest (at least SUMMARY_MIN pixels where the screen allows).
COLUMN_RULES = {
    columns.LINE: log_columns.ColumnRule(cap=16),
    columns.PHONE: log_columns.ColumnRule(cap=20, bold=True),  # longer than a number is prose: cut short
    columns.OPERATOR: log_columns.ColumnRule(cap=22, elastic=True),
    columns.CONTENT: log_columns.ColumnRule(cap=34, elastic=True),
    columns.CHILD: log_columns.ColumnRule(cap=12),  # "Nữ, 11–15" whole; "Không rõ, Chưa rõ tuổi" cut short
    columns.COMMUNE: log_columns.ColumnRule(cap=20, elastic=True),
    columns.CASE: log_columns.ColumnRule(),  # a case number is never cut short
}
SUMMARY_MIN = 200  # at 1366 px, 240 cut operators' names ("…ạm Minh Tuấn") and single categories short


class DailyLogScreen(QWidget):
    """Day or shift, filters and search above; the calls; the shift summary beside them."""

    status_message = Signal(str, int)
    open_call = Signal(int)

    def __init__(self, db, user: User, settings: Settings, lang: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("dailyLogScreen")
        self.db, self.user, self.settings, self.lang = db, user, settings, lang
        self.taxonomy = category_store.load_taxonomy(db)  # renamed categories show their new name on old calls
        self.can_review = permissions.can(user, permissions.CALL_REVIEW)
        self.can_export = permissions.can(user, permissions.EXPORT_PERSONAL)
        self._sort, self._descending = "started_at", False
        self._shown_filter: LogFilter | None = None
        self.model = DailyLogModel(self.taxonomy, lang, self)
        self._build()
        self.model.sort_requested = self._sort_by  # after building: the view sorts once when it is set up
        self._seen_version = change_token(db)
        self._live = QTimer(self, interval=LIVE_MS, timeout=self._poll)
        self._live.start()
        self._debounce = QTimer(self, singleShot=True, interval=250, timeout=self.reload)
        # read when first shown (Workspace._show), or when the day or a filter is set

    # --- building ------------------------------------------------------------------------------------------

    def _build(self) -> None:
        shifts = self.settings.shifts()
        # during a shift's first hours the lead reviews the shift that just ended (at 07:05, last night)
        day, shift_index, _ended = shift_to_open(utcnow(), shifts) if shifts else (date.today(), 0, False)
        self.day_edit = QDateEdit(QDate(day.year, day.month, day.day), objectName="logDayEdit")
        self.day_edit.setDisplayFormat("dd/MM/yyyy")
        self.day_edit.setCalendarPopup(True)
        self.to_edit = QDateEdit(QDate(day.year, day.month, day.day), objectName="logToEdit")
        self.to_edit.setDisplayFormat("dd/MM/yyyy")
        self.to_edit.setCalendarPopup(True)
        self.shift_combo = QComboBox(objectName="logShiftCombo")
        for index, (name, start, end) in enumerate(shifts):
            self.shift_combo.addItem(f"{name} {start:%H:%M}–{end:%H:%M}", index)
        self.shift_combo.addItem(self.tr("Whole day"), "day")
        self.shift_combo.addItem(self.tr("Date range"), "range")
        self.shift_combo.setCurrentIndex(shift_index)
        self.line_combo = self._combo("logLineCombo", [(None, self.tr("All lines"))]
                                      + [(code, code) for code in ("111", "18008077")])  # fmt: skip
        self.operator_combo = self._combo("logOperatorCombo", [(None, self.tr("All operators"))] + [
            (u.id, u.display_name) for u in user_store.list_users(self.db) if u.roles & {"operator", "shift_lead",
                                                                                          "counselor"}
        ])  # fmt: skip
        self.outcome_combo = self._combo("logOutcomeCombo", [
            (None, self.tr("All outcomes")), ("substantive", labels.label(labels.OUTCOMES, "substantive")),
            ("one_key", self.tr("All one-key outcomes")),
            *[(code, labels.label(labels.OUTCOMES, code)) for code in ONE_KEY_OUTCOMES],
        ])  # fmt: skip
        category_items = [(None, self.tr("All categories"))]
        for group in self.taxonomy.groups:
            category_items.append((("group", group.code), group.label(self.lang)))
            category_items += [(("category", c.code), "    " + c.label(self.lang)) for c in group.categories]
        self.category_combo = self._combo("logCategoryCombo", category_items)
        self.risk_combo = self._combo("logRiskCombo", [(None, self.tr("Any risk"))]
                                      + [(code, labels.label(labels.RISKS, code)) for code in RISK_LEVELS])  # fmt: skip
        self.flag_combo = self._combo("logFlagCombo", [
            (None, self.tr("Flag: any")), ("flagged", self.tr("Flagged for a case file")),
            ("without_case", self.tr("Flagged, no case file yet")), ("cleared", self.tr("Flag cleared by operator")),
            ("not_passed_on", self.tr("Not yet passed to the commune / victim not referred")),
        ])  # fmt: skip
        self.reviewed_combo = self._combo("logReviewedCombo", [
            (None, self.tr("Reviewed or not")), (False, self.tr("Not reviewed")), (True, self.tr("Reviewed")),
        ])  # fmt: skip
        self.search_edit = QLineEdit(objectName="logSearchEdit")
        self.search_edit.setPlaceholderText(self.tr("Search names, summaries, places, phone digits (Ctrl+F)…"))
        self.search_edit.setClearButtonEnabled(True)
        self.last_shift_button = QPushButton(self.tr("Shift just ended"), objectName="lastShiftButton")
        self.last_shift_button.setToolTip(self.tr("Show the shift that ended last (a night shift is listed under "
                                                  "the day it began)"))  # fmt: skip
        self.last_shift_button.setVisible(bool(shifts))
        for widget, name in (
            (self.day_edit, self.tr("Day")), (self.shift_combo, self.tr("Shift")), (self.to_edit, self.tr("Last day")),
            (self.last_shift_button, self.tr("Shift just ended")), (self.search_edit, self.tr("Search the log")),
        ):  # fmt: skip
            widget.setAccessibleName(name)

        filters = QGridLayout()
        filters.addWidget(self.day_edit, 0, 0)
        filters.addWidget(self.shift_combo, 0, 1)
        period_end = QHBoxLayout()  # the last day of a range, or the one-click choice of the shift just ended
        period_end.setContentsMargins(0, 0, 0, 0)
        period_end.addWidget(self.to_edit)
        period_end.addWidget(self.last_shift_button)
        filters.addLayout(period_end, 0, 2)
        filters.addWidget(self.line_combo, 0, 3)
        filters.addWidget(self.operator_combo, 0, 4)
        filters.addWidget(self.outcome_combo, 0, 5)
        filters.addWidget(self.category_combo, 1, 0, 1, 2)
        filters.addWidget(self.risk_combo, 1, 2)
        filters.addWidget(self.flag_combo, 1, 3)
        filters.addWidget(self.reviewed_combo, 1, 4)
        filters.addWidget(self.search_edit, 1, 5)

        self.view = QTableView(objectName="dailyLogView")
        self.view.setTabKeyNavigation(False)  # Tab leaves the table, the arrows move in it
        self.view.setModel(self.model)
        self.view.setSortingEnabled(True)
        self.view.horizontalHeader().setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setDefaultSectionSize(22)
        self.view.setWordWrap(False)
        self.view.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.view.setItemDelegateForColumn(columns.SUMMARY, log_columns.MatchDelegate(columns.MATCH_ROLE, self.view))
        # a name cut short keeps its end: the given name, by which colleagues know each other
        self.view.setItemDelegateForColumn(columns.OPERATOR, log_columns.ElideLeftDelegate(self.view))
        self.columns = log_columns.ColumnFitter(self.view, COLUMN_RULES, sample_role=columns.SAMPLE_ROLE,
                                                stretch_min=SUMMARY_MIN, text=self.model.cell_text)  # fmt: skip
        self.count_label = QLabel(objectName="logCountLabel")
        self.count_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # under the table, not beside it: the table needs the full width of a 1366-pixel screen
        self.summary = QTextBrowser(objectName="shiftSummary")
        self.summary.setAccessibleName(self.tr("Summary"))
        self.summary.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        # as tall as its lines at the window's width (a fourth in Vietnamese at 1366 px); past five it scrolls
        log_columns.TextHeight(self.summary, max_lines=5)

        self.review_button = QPushButton(self.tr("Mark reviewed (Space)"), objectName="reviewButton")
        self.open_button = QPushButton(self.tr("Open (Enter)"), objectName="openCallButton")
        # the keys are on the buttons and in the main window's menu "Daily log" (F1 lists them)
        self.export_button = QPushButton(self.tr("Export… (Ctrl+E)"), objectName="exportButton")
        self.handover_button = QPushButton(self.tr("Handover report… (Ctrl+P)"), objectName="handoverButton")
        self.review_button.setVisible(self.can_review)
        self.export_button.setVisible(self.can_export)
        buttons = QHBoxLayout()
        buttons.addWidget(self.count_label, 1)
        for button in (self.open_button, self.review_button, self.export_button, self.handover_button):
            buttons.addWidget(button)

        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.summary)
        layout.addLayout(buttons)

        for combo in (self.shift_combo, self.line_combo, self.operator_combo, self.outcome_combo, self.category_combo,
                      self.risk_combo, self.flag_combo, self.reviewed_combo):  # fmt: skip
            combo.currentIndexChanged.connect(self.reload)
        self.day_edit.dateChanged.connect(self.reload)
        self.to_edit.dateChanged.connect(self.reload)
        self.search_edit.textChanged.connect(lambda _t: self._debounce.start())
        self.view.activated.connect(lambda index: self.open_call.emit(self.model.row(index.row()).id))
        self.last_shift_button.clicked.connect(self.show_last_shift)
        self.open_button.clicked.connect(self._open_current)
        self.review_button.clicked.connect(self.review_selected)
        self.export_button.clicked.connect(self.export)
        self.handover_button.clicked.connect(self.handover)
        self._actions = []
        for text, keys, slot, name in (
            (self.tr("Mark the selected calls reviewed"), "Space", self.review_selected, "reviewAction"),
            (self.tr("Search the log"), "Ctrl+F", self._focus_search, "logSearchAction"),
        ):
            action = QAction(text, self, objectName=name, shortcut=QKeySequence(keys))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(slot)
            # Space only in the table: in the search box it is a space
            (self.view if keys == "Space" else self).addAction(action)
            self._actions.append(action)
        self._build_menu_actions()
        self._update_range_widgets()

    def _combo(self, name: str, items) -> QComboBox:
        combo = QComboBox(objectName=name)
        for data, text in items:
            combo.addItem(text, data)
        return combo

    def actions(self) -> list[QAction]:
        return list(self._actions)

    def _build_menu_actions(self) -> None:
        """Export and the handover report by key, for the main window's menu: Ctrl+E and Ctrl+P (free elsewhere:
        Ctrl+Shift+P changes the password). Enabled only while the log is shown (showEvent / hideEvent): from the
        menu bar a key would reach them on any screen."""
        self.export_action = QAction(self.tr("&Export the calls…"), self, objectName="exportAction",
                                     shortcut=QKeySequence("Ctrl+E"))  # fmt: skip
        self.handover_action = QAction(self.tr("&Handover report…"), self, objectName="handoverAction",
                                       shortcut=QKeySequence("Ctrl+P"))  # fmt: skip
        self.export_action.triggered.connect(self.export)
        self.handover_action.triggered.connect(self.handover)
        self.export_action.setVisible(self.can_export)
        for action in (self.export_action, self.handover_action):
            self.addAction(action)
        self._show_actions(False)  # until the log is shown

    def menu_actions(self) -> list[QAction]:
        """The log's actions with their keys, for the main window's menu (and so for F1's list)."""
        actions = [self.export_action] if self.can_export else []
        return [*actions, self.handover_action, *self._actions]

    def _show_actions(self, shown: bool) -> None:
        for action in (self.export_action, self.handover_action, *self._actions):
            action.setEnabled(shown)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._show_actions(True)

    def hideEvent(self, event) -> None:
        super().hideEvent(event)
        self._show_actions(False)

    # --- the filter ----------------------------------------------------------------------------------------

    def _update_range_widgets(self) -> None:
        self.to_edit.setVisible(self.shift_combo.currentData() == "range")

    def show_last_shift(self) -> None:
        """The shift that ended last (at 07:05, the night that began yesterday evening), in one click."""
        shifts = self.settings.shifts()
        if not shifts:
            return
        day, index = previous_shift(utcnow(), shifts)
        for widget in (self.shift_combo, self.day_edit):  # one read for both changes
            widget.blockSignals(True)
        self.shift_combo.setCurrentIndex(self.shift_combo.findData(index))
        self.day_edit.setDate(QDate(day.year, day.month, day.day))
        for widget in (self.shift_combo, self.day_edit):
            widget.blockSignals(False)
        self.reload()
        self.view.setFocus()

    def _period_words(self) -> str:
        """The period shown, its hours and days spelled out; for a shift, whether it just ended or is under way."""
        start, end, words = self.period()
        choice, shifts = self.shift_combo.currentData(), self.settings.shifts()
        if not isinstance(choice, int) or not shifts:
            return words
        words = period_text(shifts[choice][0], start, end)
        now = utcnow()
        if (self.day_edit.date().toPython(), choice) == previous_shift(now, shifts):
            return self.tr("%s (just ended)") % words
        return self.tr("%s (under way)") % words if start <= now < end else words

    def period(self) -> tuple[datetime, datetime, str]:
        """UTC bounds of the chosen shift, day or range, and how to say it."""
        first = self.day_edit.date().toPython()
        choice = self.shift_combo.currentData()
        if choice == "range":
            # at most three months: the summary beside the table is read on every change
            last = min(max(first, self.to_edit.date().toPython()), first + timedelta(days=MAX_RANGE_DAYS - 1))
            start, end = local_range_bounds(first, last)
            return start, end, f"{first:%d/%m/%Y} – {last:%d/%m/%Y}"
        if choice == "day":
            start, end = local_range_bounds(first, first)
            return start, end, f"{first:%d/%m/%Y}"
        name, shift_start, shift_end = self.settings.shifts()[choice]
        start, end = shift_bounds(first, shift_start, shift_end)
        return start, end, f"{name} {format_local(start)} – {format_local(end)}"

    def current_filter(self) -> LogFilter:
        start, end, _ = self.period()
        category = self.category_combo.currentData()
        flag = self.flag_combo.currentData()
        line = self.line_combo.currentData()
        return LogFilter(
            start=start, end=end, lines=(line,) if line else (), operator_id=self.operator_combo.currentData(),
            outcome=self.outcome_combo.currentData(),
            category_group=category[1] if category and category[0] == "group" else None,
            category=category[1] if category and category[0] == "category" else None,
            risk=self.risk_combo.currentData(), flagged=True if flag == "flagged" else None,
            without_case=flag == "without_case", flag_cleared=flag == "cleared", not_passed_on=flag == "not_passed_on",
            reviewed=self.reviewed_combo.currentData(), text=self.search_edit.text().strip(),
            sort=self._sort, descending=self._descending,
        )  # fmt: skip

    def _sort_by(self, key: str, descending: bool) -> None:
        self._sort, self._descending = key, descending
        self.reload()

    # --- reading -------------------------------------------------------------------------------------------

    def reload(self, keep_place: bool = False) -> None:
        """Read the count, the first page and the summary again (the rest comes as the table scrolls).

        ``keep_place``: after another copy's save, the rows scrolled through are read again (up to KEEP_ROWS)
        and the view stays where the lead was reading.
        """
        loaded, scrolled = self.model.rowCount(), self.view.verticalScrollBar().value()
        self._update_range_widgets()
        selected = {row.id for row in self.selected_rows()}
        current = self.view.currentIndex()  # read now: the reset below ends every index
        current_row = current.row() if current.isValid() else None
        current_id = self.model.row(current_row).id if current_row is not None else None
        current_column = max(current.column(), 0)
        try:
            f = self.current_filter()
            total = log_store.log_count(self.db, f, viewer_id=self.user.id)
            self.model.reset(total, lambda offset, limit: self._fetch_rows(f, offset, limit))
            summary = log_store.shift_summary(self.db, f, viewer_id=self.user.id)
        except StoreError as exc:
            self.status_message.emit(str(exc), 8000)
            return
        # the same filter read again (an edit saved, another desk's save): the lead stays where they were
        refresh = keep_place or f == self._shown_filter
        self._shown_filter = f
        if refresh:
            while self.model.rowCount() < min(loaded, KEEP_ROWS) and self.model.canFetchMore():
                self.model.fetchMore()
            self.view.verticalScrollBar().setValue(scrolled)
        calls = self.tr("%d calls") % total
        self.count_label.setText(f"{calls}  ·  {self._period_words()}")
        self.summary.setHtml(self._summary_html(summary))
        target = self._restore_place(selected, current_id, current_row if refresh else None, current_column)
        if target is not None and not refresh:  # another sort or filter: the same call, wherever it went
            self.view.scrollTo(target)

    def _restore_place(self, selected: set[int], current_id: int | None, current_row: int | None, column: int):
        """Select the rows selected before and make the same call current again (else the same row number, when
        ``current_row`` is given); returns the current index then, or None."""
        rows = [self.model.row(n).id for n in range(self.model.rowCount())]
        selection = QItemSelection()
        for number, call_id in enumerate(rows):
            if call_id in selected:
                selection.select(self.model.index(number, 0), self.model.index(number, self.model.columnCount() - 1))
        flags = QItemSelectionModel.SelectionFlag
        self.view.selectionModel().select(selection, flags.ClearAndSelect)
        target = rows.index(current_id) if current_id in rows else None
        if target is None and current_row is not None and rows:
            target = min(current_row, len(rows) - 1)
        if target is None:
            return None
        index = self.model.index(target, column)
        self.view.selectionModel().setCurrentIndex(index, flags.NoUpdate)
        return index

    def _fetch_rows(self, f: LogFilter, offset: int, limit: int) -> list:
        """The next page as the table scrolls; a refusal (the account was disabled meanwhile) ends the list."""
        try:
            return log_store.log_rows(self.db, f, viewer_id=self.user.id, limit=limit, offset=offset)
        except StoreError as exc:
            self.status_message.emit(str(exc), 8000)
            return []

    def _poll(self) -> None:
        """Something was saved, here or at another desk: show it (one read of the change counter per second; a
        draft autosaved at another desk does not move it)."""
        try:
            version = change_token(self.db)
        except StoreError:
            return
        if version != self._seen_version:
            self._seen_version = version
            if self.isVisible():
                self.reload(keep_place=True)

    def _summary_html(self, s) -> str:
        """The shift's counts as two or three lines of running text under the table (a strip, not a column)."""

        def counts(title: str, numbers: dict, word) -> str:
            items = " · ".join(f"{escape(word(k))} <b>{v}</b>" for k, v in numbers.items())
            return f"{escape(title)}: {items or '0'}"

        minutes, seconds = divmod(int(s.avg_duration_s), 60)
        longest_m, longest_s = divmod(s.max_duration_s, 60)
        summary, calls = self.tr("Summary"), self.tr("Calls")
        flagged, with_case = self.tr("Flagged for a case file"), self.tr("with a case file")
        cleared, unreviewed = self.tr("Flags cleared by operators"), self.tr("Not yet reviewed")
        average, longest = self.tr("Average duration"), self.tr("longest")
        gap = " &nbsp;—&nbsp; "
        first = gap.join([
            f"<b>{summary}</b> · {calls}: <b>{s.total}</b>",
            counts(self.tr("By line"), s.by_line, str),
            counts(self.tr("By outcome"), s.by_outcome, lambda k: labels.label(labels.OUTCOMES, k)),
        ])  # fmt: skip
        second = gap.join([
            counts(self.tr("Calls with content by group"), s.substantive_by_group,
                   lambda k: self.taxonomy.group_label(k, self.lang)),
            f"{flagged}: <b>{s.flagged}</b> · {with_case}: <b>{s.flagged_with_case}</b>",
            f"{cleared}: <b>{s.flags_cleared}</b>",
            f"{average}: {minutes:02d}:{seconds:02d} · {longest}: {longest_m:02d}:{longest_s:02d}",
            f"{unreviewed}: <b>{s.unreviewed}</b>",
        ])  # fmt: skip
        return f"<p style='margin:0'>{first}</p><p style='margin:0'>{second}</p>"

    def selected_rows(self):
        return [self.model.row(index.row()) for index in self.view.selectionModel().selectedRows()]

    # --- actions -------------------------------------------------------------------------------------------

    def _focus_search(self) -> None:
        self.search_edit.setFocus()
        self.search_edit.selectAll()

    def _open_current(self) -> None:
        index = self.view.currentIndex()
        if index.isValid():
            self.open_call.emit(self.model.row(index.row()).id)

    def review_selected(self) -> None:
        """Mark the selected calls reviewed, with an optional note; a cleared rule flag needs a decision."""
        rows = self.selected_rows()
        if not rows or not self.can_review:
            return
        note, ok = QInputDialog.getText(self, self.tr("Mark reviewed"),
                                        self.tr("Note for %d calls (optional):") % len(rows))  # fmt: skip
        if not ok:
            return
        ids = [row.id for row in rows]
        try:
            try:
                marked = log_store.mark_reviewed(self.db, ids, by_user_id=self.user.id, note=note.strip())
            except log_store.ReviewNeedsDecision as decision:
                marked = self._decide_cleared(decision.call_ids, ids, note.strip())
        except StoreError as exc:
            QMessageBox.warning(self, self.tr("Not saved"), str(exc))
            return
        self.status_message.emit(self.tr("%d calls marked reviewed.") % marked, 6000)
        self.reload()

    def _decide_cleared(self, cleared: list[int], ids: list[int], note: str) -> int:
        """Calls whose rule flag an operator cleared: the lead confirms the reason or puts the flag back."""
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Cleared case-file flags"))
        box.setText(self.tr("%d of these calls had their case-file flag cleared by an operator. "
                            "Confirm the operators' reasons, or flag the calls again?") % len(cleared))  # fmt: skip
        confirm = box.addButton(self.tr("Confirm the reasons"), QMessageBox.ButtonRole.AcceptRole)
        reflag = box.addButton(self.tr("Flag them again"), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        if box.clickedButton() is confirm:
            return log_store.mark_reviewed(self.db, ids, by_user_id=self.user.id, note=note, confirm_cleared=True)
        if box.clickedButton() is reflag:
            for call_id in cleared:
                log_store.reflag(self.db, call_id, by_user_id=self.user.id)
            return log_store.mark_reviewed(self.db, ids, by_user_id=self.user.id, note=note)
        return 0

    def export(self) -> None:
        """The filtered rows to XLSX or CSV, after a warning: they hold personal data, and it is audited."""
        from hotline.reports.export import write_csv_labelled, write_xlsx_labelled

        if not self.can_export:
            return
        answer = QMessageBox.warning(
            self, self.tr("Personal data"),
            self.tr("The export holds names, phone numbers and notes about children. Keep the file safe and "
                    "delete it when done. The export is recorded in the audit log. Continue?"),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No,
        )  # fmt: skip
        if answer != QMessageBox.StandardButton.Yes:
            return
        from hotline.ui.file_names import log_period_path

        # "cuoc-goi_2026-12-06_ca-dem.xlsx": the words of the interface without accents, the day, the shift;
        # "(2)" when that file is there already
        suggested = log_period_path("calls", "xlsx", self.day_edit.date().toPython(), self.shift_combo.currentData(),
                                    self.to_edit.date().toPython(), self.settings.shifts())  # fmt: skip
        path, chosen = QFileDialog.getSaveFileName(self, self.tr("Export the calls"), suggested,
                                                   "Excel (*.xlsx);;CSV (*.csv)")  # fmt: skip
        path = self._export_path(path, chosen)
        if not path:
            return
        f = self.current_filter()
        writer = write_csv_labelled if path.lower().endswith(".csv") else write_xlsx_labelled
        try:
            rows = log_store.export_rows(self.db, f, viewer_id=self.user.id)
            count = writer(rows, Path(path), taxonomy=category_store.load_taxonomy(self.db))  # labels as now named
        except (OSError, ValueError, StoreError) as exc:
            QMessageBox.warning(self, self.tr("Not exported"), str(exc))
            return
        audit.append(self.db, self.user.id, "export", "calls", "", f"{Path(path).suffix} {count} rows")
        self.status_message.emit(self.tr("%d calls exported to %s") % (count, path), 10000)

    def _export_path(self, path: str, chosen: str) -> str:
        """The file to write: a name typed without .xlsx or .csv gets the chosen type's; the save dialog asked
        before replacing the name it was given, so a file that name then hits is asked about here."""
        if not path or Path(path).suffix.lower() in (".xlsx", ".csv"):
            return path
        path += ".csv" if "csv" in chosen.lower() else ".xlsx"
        if Path(path).exists():
            answer = QMessageBox.question(
                self, self.tr("Export the calls"),
                self.tr("%s already exists. Replace it?") % Path(path).name,
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No,
            )  # fmt: skip
            if answer != QMessageBox.StandardButton.Yes:
                return ""
        return path

    def handover(self) -> None:
        """The summary, the flagged calls and the open questions, as a PDF or on paper."""
        from hotline.reports.handover import build_handover, print_handover, write_handover_pdf

        _, _, period = self.period()
        try:
            report = build_handover(self.db, self.current_filter(), viewer_id=self.user.id,
                                    centre_name=self.settings.get("centre_name"), period=period,
                                    prepared_by=self.user.display_name)  # fmt: skip
        except StoreError as exc:
            QMessageBox.warning(self, self.tr("Handover report"), str(exc))
            return
        box = QMessageBox(self)
        box.setWindowTitle(self.tr("Handover report"))
        box.setText(self.tr("Save the handover report as a PDF, or print it?"))
        pdf = box.addButton(self.tr("Save as PDF…"), QMessageBox.ButtonRole.AcceptRole)
        paper = box.addButton(self.tr("Print…"), QMessageBox.ButtonRole.ActionRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        if box.clickedButton() is pdf:
            from hotline.ui.file_names import log_period_path

            suggested = log_period_path("handover", "pdf", self.day_edit.date().toPython(),
                                        self.shift_combo.currentData(), self.to_edit.date().toPython(),
                                        self.settings.shifts())  # fmt: skip
            path, _ = QFileDialog.getSaveFileName(self, self.tr("Handover report"), suggested, "PDF (*.pdf)")
            if path:
                try:
                    write_handover_pdf(report, Path(path))
                except (OSError, RuntimeError) as exc:
                    QMessageBox.warning(self, self.tr("Handover report"), str(exc))
                    return
                self.status_message.emit(self.tr("Handover report saved: %s") % path, 8000)
        elif box.clickedButton() is paper:
            from PySide6.QtPrintSupport import QPrintDialog, QPrinter

            printer = QPrinter(QPrinter.PrinterMode.HighResolution)
            if QPrintDialog(printer, self).exec():
                try:
                    print_handover(report, printer)
                except (OSError, RuntimeError) as exc:
                    QMessageBox.warning(self, self.tr("Handover report"), str(exc))
