"""The main window: the screens a user's roles allow, the menus, the status bar, sign-out and closing."""

from __future__ import annotations

import html
import logging
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QStackedWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

import hotline
from hotline import paths
from hotline.core.models import User
from hotline.i18n import roles_label
from hotline.store import audit
from hotline.store.db import StoreError
from hotline.ui.call_screen import CallScreen
from hotline.ui.idle_lock import IdleWatcher, LockDialog, LockScreen
from hotline.ui.password_dialogs import ChangePasswordDialog
from hotline.ui.workspace import Workspace

log = logging.getLogger(__name__)

#: Window size and position, per PC: the one thing kept in QSettings (centre-wide settings live in the database).
UI_STATE_FILE = "window-state.ini"


def ui_state() -> QSettings:
    return QSettings(str(paths.data_dir() / UI_STATE_FILE), QSettings.Format.IniFormat)


def idle_timeout_ms(settings) -> int:
    """The idle lock's delay from the centre's settings (whole minutes, at least one)."""
    return max(1, int(settings.get("idle_minutes"))) * 60_000


def plain_text(action_text: str) -> str:
    """A menu text without its mnemonic marks: ``Sign &out`` → ``Sign out``, ``&&`` → ``&``."""
    return action_text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def shortcut_text(action: QAction) -> str:
    return ", ".join(s.toString(QKeySequence.SequenceFormat.NativeText) for s in action.shortcuts())


class ShortcutsDialog(QDialog):
    """Every menu action and its shortcut, menu by menu."""

    def __init__(self, menus: list[QMenu], parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("shortcutsDialog")
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        view = QTreeWidget(self)
        view.setObjectName("shortcutsView")
        view.setHeaderLabels([self.tr("Action"), self.tr("Shortcut")])
        view.setRootIsDecorated(False)
        view.setAlternatingRowColors(True)
        for menu in menus:
            group = QTreeWidgetItem(view, [plain_text(menu.title())])
            font = group.font(0)
            font.setBold(True)
            group.setFont(0, font)
            group.setFirstColumnSpanned(True)
            for action in menu.actions():
                if action.isSeparator() or not action.text():
                    continue
                QTreeWidgetItem(group, [plain_text(action.text()).split("\t")[0], shortcut_text(action)])
        view.expandAll()
        view.header().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        view.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.view = view
        hint = QLabel(self.tr("Alt + an underlined letter opens a menu or moves to a field. Tab moves on."), self)
        hint.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(view)
        layout.addWidget(hint)
        layout.addWidget(buttons)
        self.resize(560, 560)

    def rows(self) -> list[tuple[str, str]]:
        """(action, shortcut) of every listed action, in order."""
        root = self.view.invisibleRootItem()
        return [
            (group.child(i).text(0), group.child(i).text(1))
            for group in (root.child(g) for g in range(root.childCount()))
            for i in range(group.childCount())
        ]


class MainWindow(QMainWindow):
    """One signed-in session. ``closed`` says how it ended: True = signed out (sign in again), False = quit.

    After a sign-out, ``next_user`` is set when another user signed in from the lock screen, and
    ``restore_path`` when the administrator asked for a restore (done by the caller once the window is gone).
    """

    closed = Signal(bool)

    def __init__(
        self,
        db,
        user: User,
        settings,
        workstation: str,
        *,
        demo: bool = False,
        db_path: Path | str | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.user = user
        self.demo = demo
        self._db_path = db_path
        self._signing_out = False
        self._quiet_close = False  # another user takes over or a restore: no "kept as a draft" box
        self.db = db
        self.next_user: User | None = None
        self.restore_path: Path | None = None
        self.setObjectName("mainWindow")
        self.setWindowTitle(f"Hotline — {user.display_name}")

        self.workspace = Workspace(db, user, settings, workstation, self, db_path=db_path)
        self.call_screen: CallScreen | None = self.workspace.call_screen
        self.pages = QStackedWidget(self)  # every role has a screen (the administrator's: administration)
        self.workspace.status_message.connect(self.statusBar().showMessage)
        self.workspace.restore_requested.connect(self.restore_backup)
        self.workspace.settings_saved.connect(self._settings_saved)
        self.pages.addWidget(self.workspace)
        self.lock_screen = LockScreen(db, user, self)
        self.lock_screen.unlocked.connect(self.unlock)
        self.lock_screen.other_user.connect(self._switch_user)
        self.pages.addWidget(self.lock_screen)
        self.setCentralWidget(self.pages)
        self._hidden_windows: list[QWidget] = []
        self._parked: list[tuple[QWidget, object]] = []  # modal dialogs moved off the screen while locked
        self._lock_dialog: LockDialog | None = None
        self.idle_watcher = IdleWatcher(idle_timeout_ms(settings), self)
        self.idle_watcher.idle.connect(self.lock_idle)
        self._build_menus()
        self._build_status_bar()
        self._restore_geometry()

    # --- building ---

    def _action(self, text: str, shortcut: str, slot, name: str) -> QAction:
        action = QAction(text, self)
        action.setObjectName(name)
        keys = QKeySequence(shortcut)
        action.setShortcut(keys)
        key_text = keys.toString(QKeySequence.SequenceFormat.NativeText)
        action.setToolTip(f"{plain_text(text)} ({key_text})" if key_text else plain_text(text))
        action.triggered.connect(slot)
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        # no key of its own: Ctrl+Shift+L was one Shift away from Ctrl+L (the phone number), pressed all shift long;
        # signing out is once a shift, from the menu (Alt+F, O)
        self.sign_out_action = self._action(self.tr("Sign &out"), "", self.sign_out, "signOutAction")
        self.quit_action = self._action(self.tr("&Quit"), "Ctrl+Q", self.close, "quitAction")
        self.password_action = self._action(
            self.tr("C&hange password…"), "Ctrl+Shift+P", self.change_password, "changePasswordAction"
        )
        self.lock_action = self._action(self.tr("&Lock now"), "Ctrl+Alt+L", self.lock_now, "lockAction")
        file_menu = bar.addMenu(self.tr("&File"))
        file_menu.addAction(self.password_action)
        file_menu.addAction(self.lock_action)
        file_menu.addSeparator()
        file_menu.addAction(self.sign_out_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        self.menus = [file_menu]
        if self.call_screen is not None:
            call_menu = bar.addMenu(self.tr("&Call"))
            call_menu.setToolTipsVisible(True)
            call_menu.addActions(self.call_screen.actions())
            self.menus.append(call_menu)
        if self.workspace.daily_log is not None:
            # export and the handover report had no key and no menu: keyboard users could not find them. "L" and
            # "U" are free in both languages beside the call form's Alt keys and the other menus
            log_menu = bar.addMenu(self.tr("Daily &log"))
            log_menu.setObjectName("dailyLogMenu")
            log_menu.addActions(self.workspace.daily_log.menu_actions())
            self.menus.append(log_menu)
        if len(self.workspace.screen_actions()) > 1:
            view_menu = bar.addMenu(self.tr("&View"))
            view_menu.addActions(self.workspace.screen_actions())
            self.menus.append(view_menu)
        self.shortcuts_action = self._action(
            self.tr("&Keyboard shortcuts"), "F1", self.show_shortcuts, "shortcutsAction"
        )
        about_action = QAction(self.tr("&About Hotline"), self)
        about_action.setObjectName("aboutAction")
        about_action.triggered.connect(self.show_about)
        help_menu = bar.addMenu(self.tr("&Help"))
        help_menu.addAction(self.shortcuts_action)
        help_menu.addAction(about_action)
        self.menus.append(help_menu)

    def _build_status_bar(self) -> None:
        status = self.statusBar()
        user_label = QLabel(f"{self.user.display_name} · {roles_label(self.user.roles)}", self)
        user_label.setObjectName("statusUser")
        status.addPermanentWidget(user_label)
        if self.demo:
            demo_label = QLabel(self.tr("DEMO — sample data"), self)
            demo_label.setObjectName("statusDemo")
            status.addPermanentWidget(demo_label)

    def show_database_warning(self, text: str) -> None:
        """A lasting warning in the status bar (a damaged database the person chose to go on with)."""
        label = self.findChild(QLabel, "statusDatabaseWarning")
        if label is None:
            label = QLabel(self)
            label.setObjectName("statusDatabaseWarning")
            label.setAccessibleName(self.tr("Database warning"))
            label.setStyleSheet("color: #b00020; font-weight: bold;")
            self.statusBar().addPermanentWidget(label)
        label.setText(text)

    def _restore_geometry(self) -> None:
        geometry = ui_state().value("mainWindow/geometry")
        if geometry is None or not self.restoreGeometry(geometry):
            # first start on this PC: large, but inside a small office screen (1366×768 is common)
            screen = self.screen().availableGeometry()
            self.resize(min(1280, int(screen.width() * 0.95)), min(820, int(screen.height() * 0.92)))

    def _save_geometry(self) -> None:
        state = ui_state()
        state.setValue("mainWindow/geometry", self.saveGeometry())
        state.sync()

    # --- the session ---

    def start_session(self) -> None:
        """Show the window, then let the live-call screen offer back drafts left by a crash."""
        self.show()
        # once the window is painted; with the window as context the call is dropped if it closed meanwhile
        QTimer.singleShot(0, self, self._offer_drafts)

    def _offer_drafts(self) -> None:
        if self.call_screen is not None:
            self.call_screen.offer_drafts()

    def sign_out(self) -> None:
        self._signing_out = True
        if not self.close():
            self._signing_out = False

    def keep_draft_now(self) -> bool:
        """After an unexpected error: keep the call being typed as a draft. True when nothing typed is at risk
        (kept, or nothing to keep); never raises."""
        try:
            if self.call_screen is not None and self.call_screen.has_unsaved():
                self.call_screen.keep_as_draft()
        except Exception:
            log.exception("could not keep the draft after an error")
            return False
        return True

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._may_leave_the_call() or not self._keep_unsaved_call():
            self._signing_out = False
            self.next_user = self.restore_path = None
            self._quiet_close = False
            event.ignore()
            return
        self._save_geometry()
        self.idle_watcher.stop()
        self._stop_blocking_shortcuts()
        for timer in self.findChildren(QTimer):  # the session is over: no late autosave, count or history read
            timer.stop()
        event.accept()
        self.closed.emit(self._signing_out)

    def _may_leave_the_call(self) -> bool:
        """Sign-out, the window's X or Quit during a call being typed: ask first, Cancel the default (one key or
        click must not end a call). Not asked with no call typed, nor when the program itself ends the session
        (another user at the lock, a restore) or the screen is locked (the owner is away)."""
        if self.call_screen is None or not self.call_screen.has_unsaved() or self._quiet_close or self.is_locked():
            return True
        if self._signing_out:
            title = self.tr("Sign out during a call?")
            question = self.tr("Sign out now?")
        else:
            title = self.tr("Close Hotline during a call?")
            question = self.tr("Close Hotline now?")
        kept = self.tr(
            "You are typing a call. It will be kept as a draft and offered back the next time you sign in "
            "on this computer: nothing typed is lost."
        )
        if self.demo and not self._signing_out:  # the demo's database and its drafts go when the program closes
            kept = self.tr(
                "You are typing a call in the demo. The demo's sample data, this call included, is deleted when "
                "Hotline closes: nothing is kept for a next sign-in."
            )
        buttons = QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel
        answer = QMessageBox.question(self, title, f"{kept}\n\n{question}", buttons, QMessageBox.StandardButton.Cancel)
        return answer == QMessageBox.StandardButton.Yes

    def _keep_unsaved_call(self) -> bool:
        """Keep a call being typed as a draft before the window goes; False when it could not be kept and
        the person chose to stay."""
        if self.call_screen is None or not self.call_screen.has_unsaved():
            return True
        try:
            self.call_screen.keep_as_draft(set_aside=True)
        except StoreError as exc:
            answer = QMessageBox.warning(
                self,
                self.tr("Call not kept"),
                self.tr("The call you are typing could not be kept as a draft:")
                + f"\n{exc}\n\n"
                + self.tr("Close anyway and lose it?"),
                QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel,
            )
            return answer == QMessageBox.StandardButton.Discard
        # said before (_may_leave_the_call); after a quiet close the owner reads it at their next sign-in
        return True

    # --- the idle lock ---

    def is_locked(self) -> bool:
        return self.pages.currentWidget() is self.lock_screen

    def lock_now(self) -> None:
        self.lock(None)

    def lock_idle(self) -> None:
        self.lock(max(1, round(self.idle_watcher.timeout_ms / 60_000)))

    def lock(self, idle_minutes: int | None) -> None:
        """Hide everything of the session behind the lock screen. A call being typed stays in its form with its
        clock running, and is kept as a draft too in case someone else signs in at this PC.

        The session's other windows hide with it, their content kept: a case file or a call being corrected is
        hidden; a question or a note being written (a modal dialog, which hiding would end) is moved off the
        screen, and the lock then opens as a modal window of its own above it (the dialog holds the input).
        """
        if self.is_locked():
            return
        self._keep_draft_quietly()
        app = QApplication.instance()
        self._hidden_windows, self._parked = [], []
        for window in app.topLevelWidgets():
            if window is self or not window.isVisible() or not self._owns(window):
                continue
            if window.windowModality() != Qt.WindowModality.NonModal:
                self._parked.append((window, window.pos()))
                window.move(-30000, -30000)
            else:
                window.hide()
                self._hidden_windows.append(window)
        self.lock_screen.prepare(idle_minutes)
        self.pages.setCurrentWidget(self.lock_screen)
        self.menuBar().hide()
        self.statusBar().clearMessage()
        self.idle_watcher.set_active(False)
        app.installEventFilter(self)  # no menu shortcut may reach the hidden screens
        if self._parked:
            self._lock_dialog = LockDialog(self.db, self.user, idle_minutes, self)
            self._lock_dialog.lock_screen.unlocked.connect(self.unlock)
            self._lock_dialog.lock_screen.other_user.connect(self._switch_user)
            self._lock_dialog.setGeometry(self.geometry())
            self._lock_dialog.show()
            self._lock_dialog.lock_screen.password_edit.setFocus()
        else:
            self.lock_screen.password_edit.setFocus()
        self._audit("session.lock", "idle" if idle_minutes else "by_hand")

    def _owns(self, window: QWidget) -> bool:
        """True when ``window`` was opened from this session (its parent chain leads here)."""
        parent = window.parentWidget()
        while parent is not None:
            if parent is self:
                return True
            parent = parent.parentWidget()
        return False

    def unlock(self) -> None:
        self._stop_blocking_shortcuts()
        self._close_lock_dialog()
        self.pages.setCurrentIndex(0)
        self.menuBar().show()
        for window in self._hidden_windows:
            window.show()
        for window, position in self._parked:
            window.move(position)
            window.activateWindow()
        self._hidden_windows, self._parked = [], []
        self.idle_watcher.set_active(True)
        self._audit("session.unlock")
        focus = self.call_screen if self.call_screen is not None and self.call_screen.isVisible() else self.pages
        focus.setFocus()

    def _close_lock_dialog(self) -> None:
        if self._lock_dialog is not None:
            self._lock_dialog.done(0)
            self._lock_dialog.deleteLater()
            self._lock_dialog = None

    def _switch_user(self, other: User) -> None:
        """Another user signed in at the lock screen: keep this user's call as a draft, then end the session
        (a question or note left open in a dialog is closed unanswered)."""
        if self.call_screen is not None and self.call_screen.has_unsaved():
            try:
                self.call_screen.keep_as_draft(set_aside=True)
            except StoreError as exc:
                screen = self._lock_dialog.lock_screen if self._lock_dialog is not None else self.lock_screen
                screen.show_error(
                    self.tr("%1's call could not be kept as a draft, so they must unlock first: %2")
                    .replace("%1", self.user.display_name)
                    .replace("%2", str(exc))
                )
                return
        self._close_lock_dialog()
        for window, _position in self._parked:
            window.close()
        self._parked = []
        self.next_user = other
        self._quiet_close = True
        self.sign_out()

    def _keep_draft_quietly(self) -> None:
        try:
            if self.call_screen is not None and self.call_screen.has_unsaved():
                self.call_screen.keep_as_draft()
        except StoreError:
            log.warning("the call could not be kept as a draft when the window locked")

    def _stop_blocking_shortcuts(self) -> None:
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # while locked, a key of a hidden screen's action (F2, Ctrl+S…) must do nothing
        if event.type() == QEvent.Type.Shortcut and isinstance(watched, QAction) and self.is_locked():
            return True
        return super().eventFilter(watched, event)

    def _audit(self, action: str, detail: str = "") -> None:
        try:
            audit.append(self.db, self.user.id, action, "user", self.user.id, detail)
        except StoreError:
            log.warning("the lock could not be written to the audit log")

    def _settings_saved(self) -> None:
        from hotline.settings import Settings

        try:
            self.idle_watcher.timeout_ms = idle_timeout_ms(Settings.load(self.db))
        except StoreError:
            log.warning("the settings could not be read again after a change")

    # --- password, restore ---

    def change_password(self) -> None:
        dialog = ChangePasswordDialog(self.db, self.user, parent=self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.statusBar().showMessage(self.tr("Your password is changed."), 8000)

    def restore_backup(self, path: Path) -> None:
        """End the session so that the database can be replaced; the caller restores and reopens it."""
        self.restore_path = Path(path)
        self._quiet_close = True
        self.sign_out()

    # --- help ---

    def show_shortcuts(self) -> None:
        ShortcutsDialog(self.menus, self).exec()

    def show_about(self) -> None:
        lines = [
            f"<h3>Hotline {html.escape(hotline.__version__)}</h3>",
            "<p>"
            + html.escape(
                self.tr(
                    "Call logging and case-file follow-up for the child protection hotline 111 "
                    "and the anti-trafficking line 18008077."
                )
            )
            + "</p>",
            "<p>" + html.escape(self.tr("Free software: GNU GPL version 3 or later.")) + "</p>",
        ]
        if self.demo:
            lines.append("<p>" + html.escape(self.tr("Demo: sample data, deleted when Hotline closes.")) + "</p>")
        elif self._db_path:
            lines.append("<p>" + html.escape(self.tr("Data file: %1").replace("%1", str(self._db_path))) + "</p>")
        QMessageBox.about(self, self.tr("About Hotline"), "".join(lines))
