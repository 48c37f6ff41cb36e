"""An operator's own calls of this shift, newest first: Enter opens one, editable within the own-call window."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

from hotline.core import permissions
from hotline.core.models import User
from hotline.core.phones import normalize_phone
from hotline.core.taxonomy import Taxonomy
from hotline.core.timeutil import format_local, utcnow
from hotline.store import my_calls as my_call_store
from hotline.store.db import StoreError
from hotline.store.my_calls import OwnCall
from hotline.ui import labels
from hotline.ui.models.caller_history_model import summary_start
from hotline.ui.models.rows_model import Column, RowsModel

_CTX = "MyCallsScreen"


class MyCallsScreen(QWidget):
    """The user's own calls since the own-call edit window began (permissions.OWN_CALL_EDIT_HOURS)."""

    open_call = Signal(int)
    new_call_requested = Signal()  # F2 / Ctrl+N here: back to the call screen with a new call
    back_requested = Signal()  # Esc: back to the call screen, the call being typed as it was
    status_message = Signal(str, int)
    COL_WHEN, COL_LINE, COL_PHONE, COL_OUTCOME, COL_CATEGORIES, COL_SUMMARY, COL_EDITABLE = range(7)

    def __init__(self, db, user: User, taxonomy: Taxonomy, lang: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("myCallsScreen")
        self.db, self.user, self.taxonomy, self.lang = db, user, taxonomy, lang
        self.model = RowsModel(_CTX, self._columns(), self)
        self.title = QLabel(objectName="myCallsTitle")
        self.title.setStyleSheet("font-size: 16px; font-weight: bold;")
        self.hint = QLabel(objectName="myCallsHint")
        self.hint.setWordWrap(True)
        self.hint.setText(self.tr(
            "Enter opens the selected call. You may change your own call for %d hours from its start; after that it "
            "opens read-only and a shift lead corrects it. F2 starts a new call; Esc goes back to the call screen."
        ) % permissions.OWN_CALL_EDIT_HOURS)  # fmt: skip
        self.view = QTableView(objectName="myCallsView")
        self.view.setTabKeyNavigation(False)  # Tab leaves the table, the arrows move in it
        self.view.setModel(self.model)
        self.view.setAccessibleName(self.tr("My calls of this shift"))
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setWordWrap(False)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setDefaultSectionSize(24)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(self.COL_CATEGORIES, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(self.COL_CATEGORIES, 260)
        header.setSectionResizeMode(self.COL_SUMMARY, QHeaderView.ResizeMode.Stretch)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.hint)
        layout.addWidget(self.view, 1)
        self.view.activated.connect(self._open)  # Enter and double-click
        for keys, signal, name in ((["F2", "Ctrl+N"], self.new_call_requested, "myCallsNewCallAction"),
                                   (["Esc"], self.back_requested, "myCallsBackAction")):  # fmt: skip
            action = QAction(self, objectName=name)
            action.setShortcuts([QKeySequence(k) for k in keys])
            # only while this screen holds the focus: the call screen has its own F2
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(signal)
            self.addAction(action)
        # "editable until" turns into "read only" while the list is open
        self._clock = QTimer(self, interval=30_000, timeout=self.model.refresh)
        self._clock.start()
        # read when shown (Workspace._show) and after a call opened from it is saved

    def _columns(self) -> list[Column]:
        def categories(call: OwnCall) -> str:
            return "; ".join(self.taxonomy.label(code, self.lang) for code in call.categories)

        def phone(call: OwnCall) -> str:
            info = normalize_phone(call.phone_raw)
            return info.display or call.phone_raw.strip()

        return [
            Column(QT_TRANSLATE_NOOP("MyCallsScreen", "Time"), lambda c: format_local(c.started_at),
                   lambda c: c.started_at.timestamp()),
            Column(QT_TRANSLATE_NOOP("MyCallsScreen", "Line"), lambda c: c.line),
            Column(QT_TRANSLATE_NOOP("MyCallsScreen", "Phone"), phone),
            Column(QT_TRANSLATE_NOOP("MyCallsScreen", "Outcome"), lambda c: labels.label(labels.OUTCOMES, c.outcome)),
            Column(QT_TRANSLATE_NOOP("MyCallsScreen", "Categories"), categories, tooltip=categories),
            Column(QT_TRANSLATE_NOOP("MyCallsScreen", "Summary"), lambda c: summary_start(c.summary),
                   tooltip=lambda c: c.summary),
            Column(QT_TRANSLATE_NOOP("MyCallsScreen", "Editable until"), self._editable_text,
                   background=self._editable_colour),
        ]  # fmt: skip

    def _editable_text(self, call: OwnCall) -> str:
        if not permissions.may_edit_call(self.user, call, utcnow()):
            return self.tr("read only")
        return format_local(call.started_at + timedelta(hours=permissions.OWN_CALL_EDIT_HOURS), with_date=False)

    def _editable_colour(self, call: OwnCall) -> str | None:
        return None if permissions.may_edit_call(self.user, call, utcnow()) else "#eeeeee"

    def reload(self) -> None:
        """Read the list again, keeping the selected call selected (the newest when none was)."""
        selected = self.selected()
        try:
            rows = my_call_store.own_calls(self.db, viewer_id=self.user.id)
        except StoreError as exc:
            self.status_message.emit(str(exc), 8000)
            return
        self.model.set_rows(rows)
        self.title.setText(self.tr("My calls of this shift (last %d hours): %d")
                           % (permissions.OWN_CALL_EDIT_HOURS, len(rows)))  # fmt: skip
        ids = [call.id for call in rows]
        if rows:
            self.view.selectRow(ids.index(selected.id) if selected is not None and selected.id in ids else 0)

    def selected(self) -> OwnCall | None:
        index = self.view.currentIndex()
        return self.model.row(index.row()) if index.isValid() else None

    def _open(self, index) -> None:
        self.open_call.emit(self.model.row(index.row()).id)
