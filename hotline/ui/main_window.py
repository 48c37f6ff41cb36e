"""The main window: the screens a user's roles allow, the menus, the status bar, sign-out and closing."""

from __future__ import annotations

import html
import logging
from pathlib import Path

from PySide6.QtCore import QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

import hotline
from hotline import paths
from hotline.core import permissions
from hotline.core.models import User
from hotline.i18n import roles_label
from hotline.store.db import StoreError
from hotline.ui.call_screen import CallScreen
from hotline.ui.workspace import Workspace

log = logging.getLogger(__name__)

#: Window size and position, per PC: the one thing kept in QSettings (centre-wide settings live in the database).
UI_STATE_FILE = "window-state.ini"


def ui_state() -> QSettings:
    return QSettings(str(paths.data_dir() / UI_STATE_FILE), QSettings.Format.IniFormat)


def plain_text(action_text: str) -> str:
    """A menu text without its mnemonic marks: ``Sign &out`` → ``Sign out``, ``&&`` → ``&``."""
    return action_text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def shortcut_text(action: QAction) -> str:
    return ", ".join(s.toString(QKeySequence.SequenceFormat.NativeText) for s in action.shortcuts())


class ComingSoonPage(QWidget):
    """Shown to a user whose roles have no screen in this version yet: says plainly which screens will come."""

    def __init__(self, user: User, db_path: Path | str | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("comingSoonPage")
        coming = [
            (permissions.STATS_VIEW, self.tr("Statistics and reports")),
            (permissions.ADMIN_USERS, self.tr("Users and roles")),
            (permissions.ADMIN_SETTINGS, self.tr("Lines, settings and the list of categories")),
            (permissions.ADMIN_BACKUP, self.tr("Backups and restore")),
        ]
        screens = [text for action, text in coming if permissions.can(user, action)]
        title = QLabel(self.tr("Welcome, %1").replace("%1", user.display_name), self)
        title.setObjectName("comingSoonTitle")
        title.setWordWrap(True)
        intro = QLabel(
            self.tr("Your role (%1) has no screen in this version of Hotline yet.").replace(
                "%1", roles_label(user.roles)
            ),
            self,
        )
        intro.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(48, 40, 48, 40)
        layout.addWidget(title)
        layout.addWidget(intro)
        if screens:
            later = QLabel(self.tr("These screens will come in a later version:"), self)
            items = QLabel("<ul>" + "".join(f"<li>{html.escape(s)}</li>" for s in screens) + "</ul>", self)
            items.setTextFormat(Qt.TextFormat.RichText)
            layout.addWidget(later)
            layout.addWidget(items)
        if permissions.can(user, permissions.ADMIN_USERS):
            cli = QLabel(
                self.tr("Until then, users are added from the command line:")
                + "<br><code>"
                + html.escape(f'python -m hotline --db "{db_path or paths.default_db_path()}" user add ')
                + "tongdai1 --roles operator --name &quot;Nguyễn Văn A&quot;</code>",
                self,
            )
            cli.setTextFormat(Qt.TextFormat.RichText)
            cli.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            cli.setWordWrap(True)
            layout.addWidget(cli)
        layout.addStretch(1)


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
    """One signed-in session. ``closed`` says how it ended: True = signed out (sign in again), False = quit."""

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
        self.setObjectName("mainWindow")
        self.setWindowTitle(f"Hotline — {user.display_name}")

        self.workspace = Workspace(db, user, settings, workstation, self)
        self.call_screen: CallScreen | None = self.workspace.call_screen
        if self.workspace.is_empty():
            self.setCentralWidget(ComingSoonPage(user, db_path, self))
        else:
            self.workspace.status_message.connect(self.statusBar().showMessage)
            self.setCentralWidget(self.workspace)
        self._build_menus()
        self._build_status_bar()
        self._restore_geometry()

    # --- building ---

    def _action(self, text: str, shortcut: str, slot, name: str) -> QAction:
        action = QAction(text, self)
        action.setObjectName(name)
        keys = QKeySequence(shortcut)
        action.setShortcut(keys)
        action.setToolTip(f"{plain_text(text)} ({keys.toString(QKeySequence.SequenceFormat.NativeText)})")
        action.triggered.connect(slot)
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.sign_out_action = self._action(self.tr("Sign &out"), "Ctrl+Shift+L", self.sign_out, "signOutAction")
        self.quit_action = self._action(self.tr("&Quit"), "Ctrl+Q", self.close, "quitAction")
        file_menu = bar.addMenu(self.tr("&File"))
        file_menu.addAction(self.sign_out_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        self.menus = [file_menu]
        if self.call_screen is not None:
            call_menu = bar.addMenu(self.tr("&Call"))
            call_menu.setToolTipsVisible(True)
            call_menu.addActions(self.call_screen.actions())
            self.menus.append(call_menu)
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
        if not self._keep_unsaved_call():
            self._signing_out = False
            event.ignore()
            return
        self._save_geometry()
        event.accept()
        self.closed.emit(self._signing_out)

    def _keep_unsaved_call(self) -> bool:
        """Keep a call being typed as a draft before the window goes; False when it could not be kept and
        the person chose to stay."""
        if self.call_screen is None or not self.call_screen.has_unsaved():
            return True
        try:
            self.call_screen.keep_as_draft()
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
        QMessageBox.information(
            self,
            self.tr("Call kept as a draft"),
            self.tr(
                "The call you were typing is kept as a draft. "
                "It will be offered back the next time you sign in on this computer."
            ),
        )
        return True

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
