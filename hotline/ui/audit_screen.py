"""The audit log viewer (administrator and shift lead): who did what and when, filtered by user, action and dates."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from PySide6.QtCore import QDate, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from hotline.core.models import User
from hotline.core.timeutil import local, local_range_bounds, utcnow
from hotline.store import audit
from hotline.store import categories as category_store
from hotline.store.db import StoreError
from hotline.ui import audit_words, log_columns
from hotline.ui.models.audit_model import ACTION, SAMPLE_ROLE, TIME, USER, WHAT, AuditModel

#: Days shown when the screen opens: the last week, today included.
DEFAULT_DAYS = 7
#: Typing a date changes it digit by digit: read once the typing pauses.
DEBOUNCE_MS = 300
#: How the columns are sized (log_columns): the time never cut short; "(no user: command line or Hotline itself)"
#: and "User 6 · Huỳnh Thị Lan (canbo1)" whole at 1366 px, given up first when the window is narrower.
COLUMN_RULES = {
    TIME: log_columns.ColumnRule(),
    USER: log_columns.ColumnRule(cap=56, elastic=True),
    ACTION: log_columns.ColumnRule(cap=40, elastic=True),
    WHAT: log_columns.ColumnRule(cap=48, elastic=True),
}
#: The details' least width where the screen allows (the last column, stretched over the rest).
DETAIL_MIN = 240


class AuditScreen(QWidget):
    """Filters above, the entries newest first below; nothing here changes the log."""

    status_message = Signal(str, int)

    def __init__(self, db, user: User, lang: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("auditScreen")
        self.setAccessibleName(self.tr("Audit log"))
        self.db, self.user, self.lang = db, user, lang
        self._loaded = False
        self._others: tuple[str, ...] = ()  # actions in no group
        self.model = AuditModel(self)
        self._build()
        self._debounce = QTimer(self, singleShot=True, interval=DEBOUNCE_MS, timeout=self.refresh)
        # nothing is read until the screen is first shown (showEvent): sign-in stays fast

    # --- building ------------------------------------------------------------------------------------------

    def _build(self) -> None:
        self.user_filter = self._named(QComboBox(), "auditUserFilter", self.tr("User"))
        self.user_filter.addItem(self.tr("All users"), None)
        self.action_filter = self._named(QComboBox(), "auditActionFilter", self.tr("Action"))
        self.action_filter.addItem(self.tr("All actions"), None)
        self.action_filter.setMaxVisibleItems(25)
        today = local(utcnow()).date()
        self.from_edit = self._date_edit("auditFrom", self.tr("From"), today - timedelta(days=DEFAULT_DAYS - 1))
        self.to_edit = self._date_edit("auditTo", self.tr("To"), today)
        self.refresh_button = self._named(QPushButton(self.tr("Refresh (F5)")), "auditRefresh", self.tr("Refresh"))
        self.count_label = self._named(QLabel(), "auditCount", self.tr("Number of entries"))

        filters = QHBoxLayout()
        for text, widget in ((self.tr("&User"), self.user_filter), (self.tr("&Action"), self.action_filter),
                             (self.tr("&From"), self.from_edit), (self.tr("&To"), self.to_edit)):  # fmt: skip
            caption = QLabel(text)
            caption.setBuddy(widget)  # Alt+letter reaches the filter
            filters.addWidget(caption)
            filters.addWidget(widget)
        filters.addWidget(self.refresh_button)
        filters.addStretch(1)
        filters.addWidget(self.count_label)
        self.user_filter.setMinimumWidth(220)
        self.action_filter.setMinimumWidth(240)

        self.view = self._named(QTableView(), "auditTable", self.tr("Audit log entries"))
        self.view.setTabKeyNavigation(False)  # Tab leaves the table, the arrows move in it
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setDefaultSectionSize(22)
        # widths from the texts shown (font metrics): the time whole with its seconds, names and records as wide as
        # they need while the details keep DETAIL_MIN pixels; a text still cut short is whole in its tooltip
        self.columns = log_columns.ColumnFitter(self.view, COLUMN_RULES, sample_role=SAMPLE_ROLE,
                                                stretch_min=DETAIL_MIN)  # fmt: skip

        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.view, 1)
        for first, second in ((self.user_filter, self.action_filter), (self.action_filter, self.from_edit),
                              (self.from_edit, self.to_edit), (self.to_edit, self.refresh_button),
                              (self.refresh_button, self.view)):  # fmt: skip
            QWidget.setTabOrder(first, second)

        self.user_filter.activated.connect(lambda _i: self.refresh())
        self.action_filter.activated.connect(lambda _i: self.refresh())
        self.from_edit.dateChanged.connect(lambda _d: self._debounce.start())
        self.to_edit.dateChanged.connect(lambda _d: self._debounce.start())
        self.refresh_button.clicked.connect(self.refresh)
        self._actions = []
        for text, keys, slot, name, owner in (
            (self.tr("Refresh the audit log"), "F5", self.refresh, "auditRefreshAction", self),
            (self.tr("Go to the filters"), "Ctrl+F", self.user_filter.setFocus, "auditFilterAction", self),
            (self.tr("Copy the selected entries"), QKeySequence.StandardKey.Copy, self.copy_selected,
             "auditCopyAction", self.view),
        ):  # fmt: skip
            action = QAction(text, self, objectName=name, shortcut=QKeySequence(keys))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(lambda _=False, slot=slot: slot())
            owner.addAction(action)
            self._actions.append(action)

    def _named(self, widget, name: str, accessible: str):
        widget.setObjectName(name)
        widget.setAccessibleName(accessible)
        return widget

    def _date_edit(self, name: str, accessible: str, day: date) -> QDateEdit:
        edit = self._named(QDateEdit(QDate(day.year, day.month, day.day)), name, accessible)
        edit.setDisplayFormat("dd/MM/yyyy")
        edit.setCalendarPopup(True)
        return edit

    def actions(self) -> list[QAction]:
        return list(self._actions)

    # --- events --------------------------------------------------------------------------------------------

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not self._loaded:
            self.refresh()

    def keyPressEvent(self, event) -> None:
        # Enter in a filter reads again (the combos and date boxes pass it on); in the table it does nothing
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not self.view.hasFocus():
            self.refresh()
            event.accept()
            return
        super().keyPressEvent(event)

    # --- the filters ---------------------------------------------------------------------------------------

    def period(self) -> tuple[datetime, datetime]:
        """UTC bounds of the chosen local days (both included; the two dates may be given in either order)."""
        first, last = sorted((self.from_edit.date().toPython(), self.to_edit.date().toPython()))
        return local_range_bounds(first, last)

    def current_filters(self) -> dict:
        """The store's filters for what is chosen now."""
        start, end = self.period()
        return {
            "user_id": self.user_filter.currentData(),
            "action": self._action_filter(),
            "start": start,
            # entries appended after this moment wait for the next refresh: the pages read later then line up
            # with the count and the first page instead of shifting by the new rows
            "end": min(end, utcnow()),
        }

    def _fill_filters(self) -> dict[int, str]:
        """The users and actions lists, read again (a new user or a new kind of entry may have appeared); the
        choices made are kept. Returns user id → "Name (username)"."""
        people = audit.log_users(self.db, viewer=self.user)
        names = {p.id: f"{p.display_name} ({p.username})" for p in people}
        users = [(None, self.tr("All users"))]
        for person in people:
            text = names[person.id] if person.active else self.tr("%1 — disabled").replace("%1", names[person.id])
            users.append((person.id, text))
        users.append((audit.NO_USER, self.tr("No user (command line, unknown username)")))
        self._refill(self.user_filter, users)

        # the data of an item is a string ("group:calls", "action:call.save"): a tuple would come back a list
        present = audit.action_names(self.db, viewer=self.user)
        self._others = tuple(code for code in present if audit_words.group_of(code) is None)
        actions = [(None, self.tr("All actions"))]
        for key, label, members in audit_words.GROUPS:
            actions.append((f"group:{key}", audit_words.tr(label)))
            inside = [code for code in present if audit_words.in_group(code, members)]
            actions += [(f"action:{code}", "    " + audit_words.action_label(code)) for code in _by_label(inside)]
        if self._others:
            actions.append(("group:", self.tr("Other actions")))
            actions += [(f"action:{code}", "    " + audit_words.action_label(code)) for code in _by_label(self._others)]
        self._refill(self.action_filter, actions)
        return names

    def _action_filter(self) -> str | tuple[str, ...] | None:
        chosen = self.action_filter.currentData()
        if not chosen:
            return None
        kind, _, value = chosen.partition(":")
        if kind == "action":
            return value
        if not value:
            return self._others
        return next(members for key, _label, members in audit_words.GROUPS if key == value)

    def _refill(self, combo: QComboBox, items: list[tuple[object, str]]) -> None:
        chosen = combo.currentData()
        combo.blockSignals(True)
        try:
            combo.clear()
            for data, text in items:
                combo.addItem(text, data)
                if isinstance(data, str) and data.startswith("group:"):  # a group stands out from its actions
                    font = combo.font()
                    font.setBold(True)
                    combo.setItemData(combo.count() - 1, font, Qt.ItemDataRole.FontRole)
            found = next((n for n, (data, _text) in enumerate(items) if data == chosen), 0)
            combo.setCurrentIndex(found)
        finally:
            combo.blockSignals(False)

    # --- reading -------------------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Read the lists, the count and the first page again (the rest comes as the table scrolls)."""
        self._loaded = True
        self._debounce.stop()
        try:
            names = self._fill_filters()
            # a category added or deleted is logged with its group's code: shown as the group's label
            taxonomy = category_store.load_taxonomy(self.db)
            self.model.detail_context.groups = {g.code: g.label(self.lang) for g in taxonomy.groups}
            filters = self.current_filters()
            total = audit.count_entries(self.db, viewer=self.user, **filters)
            self.model.reset(total, lambda offset, limit: self._page(filters, offset, limit), names)
        except StoreError as exc:
            self.model.reset(0, lambda offset, limit: [])
            self.count_label.setText("")
            self.status_message.emit(str(exc), 8000)
            return
        count = self.locale().toString(total)
        self.count_label.setText(self.tr("1 entry") if total == 1 else self.tr("%1 entries").replace("%1", count))

    def _page(self, filters: dict, offset: int, limit: int) -> list:
        try:
            return audit.entries(self.db, viewer=self.user, limit=limit, offset=offset, **filters)
        except StoreError as exc:  # asked for by the view as it scrolls: say why the rest is missing
            self.status_message.emit(str(exc), 8000)
            return []

    def copy_selected(self) -> None:
        """The selected entries as tab-separated text, to quote them in a report."""
        rows = sorted({index.row() for index in self.view.selectionModel().selectedRows()})
        lines = [
            "\t".join(self.model.text(self.model.row(row), column) for column in range(self.model.columnCount()))
            for row in rows
        ]
        if lines:
            QGuiApplication.clipboard().setText("\n".join(lines))


def _by_label(codes: list[str]) -> list[str]:
    return sorted(codes, key=lambda code: audit_words.action_label(code).casefold())
