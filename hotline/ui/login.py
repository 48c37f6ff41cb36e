"""The sign-in dialog (with the demo accounts of `main.py --demo`) and the first-run administrator dialog."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from hotline.core.models import User
from hotline.core.timeutil import format_local
from hotline.i18n import roles_label
from hotline.store import users
from hotline.store.db import StoreError

#: (username, display name, roles) of one demo account, as hotline.demo.DEMO_ACCOUNTS holds them.
DemoAccount = tuple[str, str, Sequence[str]]


def _error_label(parent: QWidget) -> QLabel:
    label = QLabel(parent)
    label.setObjectName("errorLabel")
    label.setAccessibleName(QCoreApplication.translate("LoginDialog", "Error message"))
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.hide()
    return label


def _show_error(label: QLabel, text: str) -> None:
    label.setText(text)
    label.setVisible(bool(text))


class LoginDialog(QDialog):
    """Username and password; on success ``user`` holds the signed-in user and the dialog is accepted."""

    def __init__(
        self,
        db,
        *,
        demo_accounts: Iterable[DemoAccount] = (),
        demo_password: str = "",
        username: str = "",
        centre_name: str = "",
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self._db = db
        self._demo_password = demo_password
        self._demo_accounts = list(demo_accounts)
        self.user: User | None = None
        #: the administrator's temporary password just typed, when the user must now choose their own: the
        #: change of password then does not ask for it again (empty otherwise; nothing else is kept)
        self.temporary_password = ""
        self.setObjectName("loginDialog")
        self.setWindowTitle(self.tr("Hotline — sign in"))

        title = QLabel("Hotline", self)
        title.setObjectName("appTitle")
        subtitle = QLabel(self.tr("Child protection hotline 111 · Anti-trafficking line 18008077"), self)
        subtitle.setObjectName("appSubtitle")
        subtitle.setWordWrap(True)

        self.username_edit = QLineEdit(username, self)
        self.username_edit.setObjectName("usernameEdit")
        self.username_edit.setAccessibleName(self.tr("Username"))
        self.password_edit = QLineEdit(self)
        self.password_edit.setObjectName("passwordEdit")
        self.password_edit.setAccessibleName(self.tr("Password"))
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        form = QFormLayout()
        form.addRow(self.tr("&Username:"), self.username_edit)
        form.addRow(self.tr("&Password:"), self.password_edit)

        self.error_label = _error_label(self)

        self.sign_in_button = QPushButton(self.tr("&Sign in"), self)
        self.sign_in_button.setObjectName("signInButton")
        self.sign_in_button.setDefault(True)
        self.sign_in_button.setToolTip(self.tr("Sign in (Enter)"))
        quit_button = QPushButton(self.tr("&Quit"), self)
        quit_button.setObjectName("quitButton")
        quit_button.setAutoDefault(False)
        quit_button.setToolTip(self.tr("Close Hotline (Esc)"))
        buttons = QDialogButtonBox(self)
        buttons.addButton(self.sign_in_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(quit_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.sign_in_button.clicked.connect(self._sign_in)
        quit_button.clicked.connect(self.reject)

        header = QVBoxLayout()
        header.addWidget(title)
        header.addWidget(subtitle)
        if centre_name:
            centre = QLabel(centre_name, self)
            centre.setObjectName("appSubtitle")
            centre.setWordWrap(True)
            header.addWidget(centre)
        if self._demo_accounts:
            banner = QLabel(
                self.tr(
                    "Demo: sample data for training. Do not type real calls here: "
                    "everything is deleted when Hotline closes."
                ),
                self,
            )
            banner.setObjectName("demoBanner")
            banner.setWordWrap(True)
            header.addSpacing(4)
            header.addWidget(banner)

        for edit in (self.username_edit, self.password_edit):
            edit.setMinimumWidth(200)
        left = QVBoxLayout()
        left.addLayout(form)
        left.addWidget(self.error_label)
        left.addSpacing(6)
        left.addWidget(buttons)
        left.addStretch(1)

        body = QHBoxLayout()
        body.addLayout(left, 2)
        self.demo_view: QTableWidget | None = None
        if self._demo_accounts:
            body.addSpacing(16)
            body.addLayout(self._demo_panel(), 3)

        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addSpacing(10)
        layout.addLayout(body, 1)
        self.setMinimumWidth(820 if self._demo_accounts else 440)
        self.setTabOrder(self.username_edit, self.password_edit)
        self.setTabOrder(self.password_edit, self.sign_in_button)
        self.setTabOrder(self.sign_in_button, quit_button)
        if self.demo_view is not None:
            self.setTabOrder(quit_button, self.demo_view)
        (self.password_edit if username else self.username_edit).setFocus()

    def _demo_panel(self) -> QVBoxLayout:
        view = QTableWidget(len(self._demo_accounts), 3, self)
        view.setObjectName("demoAccountsView")
        view.setAccessibleName(self.tr("Demo accounts"))
        view.setHorizontalHeaderLabels([self.tr("Username"), self.tr("Role"), self.tr("Password")])
        view.verticalHeader().hide()
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setTabKeyNavigation(False)  # Tab leaves the table, arrows move in it
        for row, (username, display_name, roles) in enumerate(self._demo_accounts):
            cells = (username, roles_label(roles), self._demo_password)
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(display_name)
                view.setItem(row, column, item)
        header = view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        view.resizeColumnsToContents()
        view.resizeRowsToContents()
        view.setMinimumWidth(sum(view.columnWidth(c) for c in range(3)) + 24)
        rows_height = sum(view.rowHeight(r) for r in range(view.rowCount()))
        view.setFixedHeight(header.sizeHint().height() + rows_height + 2 * view.frameWidth() + 2)
        view.cellClicked.connect(lambda row, _column: self.fill_demo_account(row))
        view.currentCellChanged.connect(lambda row, *_: self.fill_demo_account(row))
        view.cellDoubleClicked.connect(lambda row, _column: (self.fill_demo_account(row), self._sign_in()))
        self.demo_view = view

        label = QLabel(self.tr("Demo &accounts — click one to fill in its username and password:"), self)
        label.setWordWrap(True)
        label.setBuddy(view)
        panel = QVBoxLayout()
        panel.addWidget(label)
        panel.addWidget(view)
        panel.addStretch(1)
        return panel

    def fill_demo_account(self, row: int) -> None:
        """Put the username and password of the demo account on ``row`` into the fields."""
        if not 0 <= row < len(self._demo_accounts):
            return
        self.username_edit.setText(self._demo_accounts[row][0])
        self.password_edit.setText(self._demo_password)
        _show_error(self.error_label, "")

    def _sign_in(self) -> None:
        username = self.username_edit.text().strip()
        password = self.password_edit.text()
        if not username:
            _show_error(self.error_label, self.tr("Type your username."))
            self.username_edit.setFocus()
            return
        if not password:
            _show_error(self.error_label, self.tr("Type your password."))
            self.password_edit.setFocus()
            return
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            result = users.sign_in(self._db, username, password)
        except StoreError as exc:
            _show_error(self.error_label, str(exc))
            return
        finally:
            QApplication.restoreOverrideCursor()
        if result.ok:
            self.user = result.user
            self.temporary_password = password if result.user.must_change_password else ""
            _show_error(self.error_label, "")
            self.accept()
            return
        if result.reason == "disabled":
            message = self.tr("This account is disabled. Please ask an administrator.")
        elif result.reason == "locked" and result.locked_until is not None:
            until = format_local(result.locked_until, with_date=False)
            message = self.tr("Too many wrong passwords: this account is locked until %1.").replace("%1", until)
        else:  # unknown user and wrong password read the same: the screen must not tell which usernames exist
            message = self.tr("Wrong username or password.")
        _show_error(self.error_label, message)
        self.password_edit.clear()
        self.password_edit.setFocus()


class FirstAdminDialog(QDialog):
    """First run: creates the administrator account, who then adds everybody else. ``user`` holds the result."""

    def __init__(self, db, *, db_path: Path | str | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self._db = db
        self.user: User | None = None
        self.setObjectName("firstAdminDialog")
        self.setWindowTitle(self.tr("Hotline — first administrator"))

        title = QLabel(self.tr("Welcome to Hotline"), self)
        title.setObjectName("appTitle")
        intro = QLabel(
            self.tr(
                "Nobody can sign in yet. Create the first administrator account; "
                "the administrator then adds the other users."
            ),
            self,
        )
        intro.setWordWrap(True)

        self.username_edit = QLineEdit(self)
        self.username_edit.setObjectName("usernameEdit")
        self.username_edit.setPlaceholderText(self.tr("e.g. quantri"))
        self.display_name_edit = QLineEdit(self)
        self.display_name_edit.setObjectName("displayNameEdit")
        self.display_name_edit.setPlaceholderText(self.tr("e.g. Nguyễn Thị Hoa"))
        self.password_edit = QLineEdit(self)
        self.password_edit.setObjectName("passwordEdit")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat_edit = QLineEdit(self)
        self.repeat_edit.setObjectName("repeatPasswordEdit")
        self.repeat_edit.setEchoMode(QLineEdit.EchoMode.Password)
        for edit, name in (
            (self.username_edit, self.tr("Username")),
            (self.display_name_edit, self.tr("Full name")),
            (self.password_edit, self.tr("Password")),
            (self.repeat_edit, self.tr("Repeat the password")),
        ):
            edit.setAccessibleName(name)
        username_hint = QLabel(self.tr("Letters without accents, digits, dot, dash or underscore."), self)
        password_hint = QLabel(self.tr("At least %1 characters.").replace("%1", str(users.MIN_PASSWORD_LENGTH)), self)
        for hint in (username_hint, password_hint):
            hint.setObjectName("formHint")
            hint.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("&Username:"), self.username_edit)
        form.addRow("", username_hint)
        form.addRow(self.tr("&Full name:"), self.display_name_edit)
        form.addRow(self.tr("&Password:"), self.password_edit)
        form.addRow("", password_hint)
        form.addRow(self.tr("&Repeat password:"), self.repeat_edit)

        roles = QGroupBox(self.tr("Roles"), self)
        admin_check = QCheckBox(self.tr("Administrator: users, settings, backups (always)"), roles)
        admin_check.setChecked(True)
        admin_check.setEnabled(False)
        self.operator_check = QCheckBox(self.tr("Also answers &calls (operator)"), roles)
        self.operator_check.setObjectName("operatorCheck")
        self.shift_lead_check = QCheckBox(self.tr("Also &shift lead (daily log, review)"), roles)
        self.shift_lead_check.setObjectName("shiftLeadCheck")
        roles_layout = QVBoxLayout(roles)
        for check in (admin_check, self.operator_check, self.shift_lead_check):
            roles_layout.addWidget(check)

        self.error_label = _error_label(self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.create_button = QPushButton(self.tr("Cr&eate account"), self)
        self.create_button.setObjectName("createButton")
        self.create_button.setDefault(True)
        buttons.addButton(self.create_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.create_button.clicked.connect(self._create)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(intro)
        layout.addSpacing(6)
        layout.addLayout(form)
        layout.addWidget(roles)
        if db_path:
            where = QLabel(self.tr("Data file: %1").replace("%1", str(db_path)), self)
            where.setObjectName("formHint")
            where.setWordWrap(True)
            where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            layout.addWidget(where)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)
        self.setMinimumWidth(580)
        self.username_edit.setFocus()

    def roles(self) -> list[str]:
        chosen = ["admin"]
        if self.operator_check.isChecked():
            chosen.append("operator")
        if self.shift_lead_check.isChecked():
            chosen.append("shift_lead")
        return chosen

    def _create(self) -> None:
        username = self.username_edit.text().strip()
        password = self.password_edit.text()
        if not username:
            return self._refuse(self.tr("Choose a username."), self.username_edit)
        if len(password) < users.MIN_PASSWORD_LENGTH:
            text = self.tr("The password needs at least %1 characters.").replace("%1", str(users.MIN_PASSWORD_LENGTH))
            return self._refuse(text, self.password_edit)
        if password != self.repeat_edit.text():
            self.repeat_edit.clear()
            return self._refuse(self.tr("The two passwords are not the same: type it again."), self.repeat_edit)
        try:
            self.user = users.create_first_admin(
                self._db, username, self.display_name_edit.text(), password, roles=self.roles()
            )
        except StoreError as exc:  # a username with accents or spaces, or a database problem: the store says which
            return self._refuse(str(exc), self.username_edit)
        self.accept()
        return None

    def _refuse(self, message: str, focus: QWidget) -> None:
        _show_error(self.error_label, message)
        focus.setFocus()


class DemoSplash(QWidget):
    """A small window shown while slow work runs (the demo database is built, the closing backup is taken), so
    that the program never looks frozen."""

    def __init__(self, parent: QWidget | None = None, text: str | None = None):
        super().__init__(parent, Qt.WindowType.SplashScreen | Qt.WindowType.FramelessWindowHint)
        self.setObjectName("demoSplash")
        title = QLabel("Hotline", self)
        title.setObjectName("appTitle")
        text = QLabel(text or self.tr("Preparing demo data…"), self)
        busy = QProgressBar(self)
        busy.setRange(0, 0)  # no known end: the bar just moves
        busy.setTextVisible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 18, 24, 18)
        layout.addWidget(title)
        layout.addWidget(text)
        layout.addWidget(busy)
        self.setMinimumWidth(340)
