"""The screens of a session side by side: a navigation list with live counts, and the screen shown."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QStackedWidget, QTabBar, QVBoxLayout, QWidget

from hotline.core import permissions
from hotline.core.models import User
from hotline.store import cases as case_store
from hotline.store.changes import change_token
from hotline.store.db import StoreError
from hotline.ui.admin.admin_screen import AdminScreen
from hotline.ui.call_screen import CallScreen, app_lang
from hotline.ui.case_list_screen import CaseListScreen
from hotline.ui.case_view import CaseView
from hotline.ui.daily_log_screen import DailyLogScreen
from hotline.ui.followup_screen import FollowupScreen
from hotline.ui.my_calls_screen import MyCallsScreen

_NAMES = {
    "call": QT_TRANSLATE_NOOP("Workspace", "Live call"),
    "mycalls": QT_TRANSLATE_NOOP("Workspace", "My calls"),
    "log": QT_TRANSLATE_NOOP("Workspace", "Daily log"),
    "queue": QT_TRANSLATE_NOOP("Workspace", "Follow-up queue"),
    "mine": QT_TRANSLATE_NOOP("Workspace", "My cases"),
    "overdue": QT_TRANSLATE_NOOP("Workspace", "Overdue cases"),
    "open": QT_TRANSLATE_NOOP("Workspace", "All open cases"),
    "stats": QT_TRANSLATE_NOOP("Workspace", "Statistics"),
    "audit": QT_TRANSLATE_NOOP("Workspace", "Audit log"),
    "admin": QT_TRANSLATE_NOOP("Workspace", "Administration"),
}
#: How often the counts in the navigation are read again (another PC may have opened a case).
COUNTS_MS = 30_000
CHANGES_MS = 1_000


class Workspace(QWidget):
    """Holds every screen the user's roles allow; Ctrl+1…Ctrl+5 switch between them."""

    status_message = Signal(str, int)
    restore_requested = Signal(Path)
    settings_saved = Signal()

    def __init__(self, db, user: User, settings, workstation: str, parent: QWidget | None = None, *, db_path=None):
        super().__init__(parent)
        self.setObjectName("workspace")
        self.db, self.user, self.settings = db, user, settings
        self.lang = app_lang()
        # tabs along the top, not a side list: the call form needs the full width of a 1366-pixel screen
        self.nav = QTabBar(objectName="navigationTabs")
        self.nav.setExpanding(False)
        self.nav.setAccessibleName(self.tr("Screens"))
        self.stack = QStackedWidget()
        self.keys: list[str] = []
        self.call_screen: CallScreen | None = None
        self.followup: FollowupScreen | None = None
        self.lists: dict[str, CaseListScreen] = {}
        if permissions.can(user, permissions.CALL_LOG):
            self.call_screen = CallScreen(db, user, settings, workstation, self)
            self.call_screen.status_message.connect(self.status_message)
            self.call_screen.call_saved.connect(lambda _id: self.refresh_counts())
            self._add("call", self.call_screen)
        self.my_calls: MyCallsScreen | None = None
        # an operator's way back to a saved call (a shift lead has the daily log): a tab beside the call, not a
        # dialog over it, so the call being typed stays as it is and Ctrl+1 / Esc / F2 go back to it
        can_edit_own = permissions.can(user, permissions.CALL_EDIT_OWN)
        if self.call_screen is not None and can_edit_own and not permissions.can(user, permissions.CALL_VIEW_ALL):
            self.my_calls = MyCallsScreen(db, user, self.call_screen.taxonomy, self.lang, self)
            self.my_calls.status_message.connect(self.status_message)
            self.my_calls.open_call.connect(self.open_call)
            self.my_calls.new_call_requested.connect(self._new_call_from_elsewhere)
            self.my_calls.back_requested.connect(lambda: self.nav.setCurrentIndex(self.keys.index("call")))
            self._add("mycalls", self.my_calls)
        self.daily_log: DailyLogScreen | None = None
        if permissions.can(user, permissions.CALL_VIEW_ALL):
            self.daily_log = DailyLogScreen(db, user, settings, self.lang, self)
            self.daily_log.status_message.connect(self.status_message)
            self.daily_log.open_call.connect(self.open_call)
            self._add("log", self.daily_log)
        if permissions.can(user, permissions.QUEUE_VIEW):
            self.followup = FollowupScreen(db, user, self.lang, self)
            self.followup.status_message.connect(self.status_message)
            self.followup.open_case.connect(self.open_case)
            self.followup.cases_changed.connect(self.refresh_all)
            self._add("queue", self.followup)
            which = (["mine"] if permissions.can(user, permissions.CASE_EDIT) else []) + ["overdue", "open"]
            for key in which:
                screen = CaseListScreen(db, user, key, self)
                screen.open_case.connect(self.open_case)
                screen.status_message.connect(self.status_message)
                self.lists[key] = screen
                self._add(key, screen)
        self.admin: AdminScreen | None = None
        admin = AdminScreen(db, user, self.lang, db_path, self)
        if admin.is_empty():
            admin.deleteLater()
        else:
            self.admin = admin
            admin.status_message.connect(self.status_message)
            admin.restore_requested.connect(self.restore_requested)
            admin.settings_saved.connect(self.settings_saved)
            self._add("admin", admin)
        self.reports = None
        if permissions.can(user, permissions.STATS_VIEW):
            from hotline.ui.reports_screen import ReportsScreen

            self.reports = ReportsScreen(db, user, self.lang, self)
            self.reports.status_message.connect(self.status_message)
            self._add("stats", self.reports)
        self.audit = None
        if permissions.can(user, permissions.AUDIT_VIEW):
            from hotline.ui.audit_screen import AuditScreen

            self.audit = AuditScreen(db, user, self.lang, self)
            self.audit.status_message.connect(self.status_message)
            self._add("audit", self.audit)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.nav)
        layout.addWidget(self.stack, 1)
        self.nav.setVisible(len(self.keys) > 1)
        self.nav.currentChanged.connect(self._show)
        self._switch_actions: list[QAction] = []
        for number, key in enumerate(self.keys[:9], start=1):
            action = QAction(self.tr(_NAMES[key]), self, objectName=f"showScreen_{key}")
            action.setShortcut(QKeySequence(f"Ctrl+{number}"))
            action.triggered.connect(lambda _=False, row=number - 1: self.nav.setCurrentIndex(row))
            self._switch_actions.append(action)
        self.nav.setCurrentIndex(0)
        self._show(0)
        self._counts_timer = QTimer(self, interval=COUNTS_MS, timeout=self.refresh_counts)  # clocks run out
        # another desk's save (a call flagged, a case taken or opened) shows in the queue and the lists within a
        # second: one read of the change counter per second, which drafts being typed elsewhere do not move
        self._seen_change = self._change_token()
        self._changes_timer = QTimer(self, interval=CHANGES_MS, timeout=self._poll_changes)
        if self.followup is not None:
            self._counts_timer.start()
            self._changes_timer.start()
        self.refresh_counts()

    def _add(self, key: str, screen: QWidget) -> None:
        self.keys.append(key)
        self.stack.addWidget(screen)
        index = self.nav.addTab(self.tr(_NAMES[key]))
        self.nav.setTabToolTip(index, f"Ctrl+{index + 1}")

    def screen_actions(self) -> list[QAction]:
        return list(self._switch_actions)

    def is_empty(self) -> bool:
        return not self.keys

    def _show(self, row: int) -> None:
        if row < 0:
            return
        self.stack.setCurrentIndex(row)
        # the call screen's one-key outcomes (F5…F10) must never fire from another screen
        if self.call_screen is not None:
            for action in self.call_screen.actions():
                action.setEnabled(self.stack.currentWidget() is self.call_screen)
        widget = self.stack.currentWidget()
        if hasattr(widget, "reload"):
            widget.reload()
        if widget is not self.call_screen:  # the call screen puts the cursor where the call needs it itself
            # after the screen is shown; never after it is gone (the timer belongs to the screen)
            QTimer.singleShot(0, widget, lambda: self._focus_main_view(widget))

    def _focus_main_view(self, widget: QWidget) -> None:
        """Keyboard focus to the shown screen's main table (its largest list), so Enter, ↓, Ctrl+M, Ctrl+O and
        Ctrl+F work at once after Ctrl+1…5 without a mouse click."""
        focused = widget.window().focusWidget()
        if self.stack.currentWidget() is not widget or (focused is not None and widget.isAncestorOf(focused)):
            return
        views = [view for view in widget.findChildren(QAbstractItemView) if view.isVisible() and view.isEnabled()]
        if views:
            main = max(views, key=lambda view: view.width() * view.height())
            main.setFocus(Qt.FocusReason.ShortcutFocusReason)
            if not main.currentIndex().isValid() and main.model() is not None and main.model().rowCount() > 0:
                main.setCurrentIndex(main.model().index(0, 0))

    def refresh_counts(self) -> None:
        if self.followup is None:
            return
        try:
            counts = case_store.case_counts(self.db, user_id=self.user.id)
        except StoreError as exc:
            self.status_message.emit(str(exc), 8000)
            return
        for row, key in enumerate(self.keys):
            name = QCoreApplication.translate("Workspace", _NAMES[key])
            self.nav.setTabText(row, f"{name} ({counts[key]})" if key in counts else name)

    def _change_token(self) -> int | None:
        try:
            return change_token(self.db)
        except StoreError:  # a vanished connection: the next poll tries again
            return None

    def _poll_changes(self) -> None:
        token = self._change_token()
        if token is not None and token != self._seen_change:
            self._seen_change = token
            self.refresh_all()

    def refresh_all(self) -> None:
        for screen in (self.followup, *self.lists.values()):
            if screen is not None and screen.isVisible():
                screen.reload()
        self.refresh_counts()

    def open_call(self, call_id: int):
        """A call of the log in the call form: editable or read-only as the user's roles allow."""
        from hotline.ui.call_edit_dialog import CallEditDialog

        dialog = CallEditDialog(self.db, self.user, call_id, self.settings, self.lang, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        if dialog.call is None:  # it could not be read; the dialog has said why
            dialog.deleteLater()
            return None
        dialog.call_changed.connect(lambda _id: self.daily_log.reload() if self.daily_log else None)
        dialog.call_changed.connect(lambda _id: self.my_calls.reload() if self.my_calls else None)
        dialog.show()
        return dialog

    def _new_call_from_elsewhere(self) -> None:
        """F2 on another screen: back to the call screen with a new call (it keeps a call being typed first)."""
        self.nav.setCurrentIndex(self.keys.index("call"))
        self.call_screen.new_call()

    def open_case(self, case_id: int) -> CaseView:
        """Show a case file in its own window (the lists and counts follow its changes)."""
        view = CaseView(self.db, self.user, case_id, self.settings, self.lang, self)
        view.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        view.status_message.connect(self.status_message)
        view.case_changed.connect(lambda _id: self.refresh_all())
        view.finished.connect(lambda _result: self.refresh_all())
        view.show()
        return view
