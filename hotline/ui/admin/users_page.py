"""Users and roles: add, change name and roles, reset a password, unlock, disable (users are never deleted)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from hotline.core.models import ROLES, User
from hotline.core.timeutil import format_local, utcnow
from hotline.i18n import role_label, roles_label
from hotline.store import users
from hotline.store.db import StoreError
from hotline.ui.admin.common import (
    button,
    button_row,
    confirm,
    fill_row,
    make_table,
    select_key,
    selected_key,
    show_refusal,
    status_label,
)
from hotline.ui.password_dialogs import ResetPasswordDialog, temporary_password

USERNAME, NAME, ROLES_COLUMN, STATUS, CALLS = range(5)


class UserDialog(QDialog):
    """Add a user (username, name, roles, a temporary password) or change a user's name and roles."""

    def __init__(self, db, admin: User, user: User | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.db, self.admin, self.user = db, admin, user
        self.saved: User | None = None
        self.setObjectName("userDialog")
        self.setWindowTitle(self.tr("Add a user") if user is None else self.tr("Change a user"))
        self.username_edit = QLineEdit(user.username if user else "", self)
        self.username_edit.setObjectName("userUsernameEdit")
        self.username_edit.setAccessibleName(self.tr("Username"))
        self.username_edit.setPlaceholderText(self.tr("letters without accents, digits, . _ -"))
        self.username_edit.setReadOnly(user is not None)  # the name others sign in with never changes
        self.name_edit = QLineEdit(user.display_name if user else "", self)
        self.name_edit.setObjectName("userNameEdit")
        self.name_edit.setAccessibleName(self.tr("Full name"))
        self.role_boxes: dict[str, QCheckBox] = {}
        roles_box = QGroupBox(self.tr("Roles"), self)
        roles_layout = QVBoxLayout(roles_box)
        for role in ROLES:
            box = QCheckBox(role_label(role), roles_box)
            box.setObjectName(f"role_{role}")
            box.setChecked(user is not None and role in user.roles)
            roles_layout.addWidget(box)
            self.role_boxes[role] = box
        form = QFormLayout()
        form.addRow(self.tr("&Username:"), self.username_edit)
        form.addRow(self.tr("Full &name:"), self.name_edit)
        self.password_edit: QLineEdit | None = None
        if user is None:
            self.password_edit = QLineEdit(temporary_password(), self)
            self.password_edit.setObjectName("userPasswordEdit")
            self.password_edit.setAccessibleName(self.tr("Temporary password"))
            form.addRow(self.tr("&Temporary password:"), self.password_edit)
            hint = QLabel(self.tr("Give this password to the person: they choose their own at the first sign-in."))
            hint.setWordWrap(True)
            form.addRow("", hint)
        self.error_label = status_label(self, "userDialogError")
        self.error_label.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setObjectName("userDialogOk")
        buttons.accepted.connect(self._save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(roles_box)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)
        (self.name_edit if user else self.username_edit).setFocus()

    def roles(self) -> list[str]:
        return [role for role, box in self.role_boxes.items() if box.isChecked()]

    def _save(self) -> None:
        if not self.roles():
            return self._refuse(self.tr("Tick at least one role."))
        try:
            if self.user is None:
                self.saved = users.add_user(
                    self.db,
                    self.username_edit.text(),
                    self.name_edit.text(),
                    self.roles(),
                    self.password_edit.text() if self.password_edit else "",
                    must_change_password=True,
                    by=self.admin.id,
                )
            else:
                self.saved = users.update_user(
                    self.db, self.user.id, display_name=self.name_edit.text(), roles=self.roles(), by=self.admin.id
                )
        except StoreError as exc:
            return self._refuse(str(exc))
        self.accept()
        return None

    def _refuse(self, message: str) -> None:
        self.error_label.setText(message)
        self.error_label.show()


class UsersPage(QWidget):
    """The list of users with what an administrator does to them."""

    def __init__(self, db, admin: User, parent: QWidget | None = None):
        super().__init__(parent)
        self.db, self.admin = db, admin
        self.setObjectName("usersPage")
        self.users: list[User] = []
        self.table = make_table(
            self,
            "usersTable",
            self.tr("Users"),
            [self.tr("Username"), self.tr("Full name"), self.tr("Roles"), self.tr("Status"), self.tr("Calls logged")],
        )
        self.table.currentCellChanged.connect(lambda *_: self._update_buttons())
        self.table.cellDoubleClicked.connect(lambda *_: self.edit_user())
        self.add_button = button(self, self.tr("&Add user…"), "addUserButton", self.add_user)
        self.edit_button = button(self, self.tr("&Change…"), "editUserButton", self.edit_user)
        self.reset_button = button(self, self.tr("&Reset password…"), "resetPasswordButton", self.reset_password)
        self.unlock_button = button(self, self.tr("Un&lock"), "unlockUserButton", self.unlock_user)
        self.disable_button = button(self, self.tr("&Disable"), "disableUserButton", self.toggle_active)
        self.status = status_label(self, "usersStatus")
        note = QLabel(
            self.tr(
                "Users are never deleted: the calls and cases they handled keep their name. "
                "Disable the account of someone who leaves."
            ),
            self,
        )
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(
            button_row(self.add_button, self.edit_button, self.reset_button, self.unlock_button, self.disable_button)
        )
        layout.addWidget(self.table, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(note, 1)
        layout.addLayout(bottom)
        layout.addWidget(self.status)

    def reload(self) -> None:
        key = selected_key(self.table)
        try:
            self.users = users.list_users(self.db)
            counts = users.user_call_counts(self.db)
        except StoreError as exc:
            self.status.setText(str(exc))
            return
        now = utcnow()
        self.table.setRowCount(len(self.users))
        for row, user in enumerate(self.users):
            cells = [
                user.username,
                user.display_name,
                roles_label(user.roles),
                self._status_text(user, now),
                f"{counts.get(user.id, 0):,}".replace(",", "."),
            ]
            fill_row(self.table, row, cells, user.id, dimmed=not user.active, numbers=(CALLS,))
        if key is not None:
            select_key(self.table, key)
        elif self.users:
            self.table.setCurrentCell(0, 0)
        self._update_buttons()

    def _status_text(self, user: User, now) -> str:
        if not user.active:
            return self.tr("Disabled")
        if user.locked_until is not None and user.locked_until > now:
            return self.tr("Locked until %1").replace("%1", format_local(user.locked_until))
        if user.must_change_password:
            return self.tr("Active · must change password")
        return self.tr("Active")

    def current_user(self) -> User | None:
        key = selected_key(self.table)
        return next((u for u in self.users if u.id == key), None)

    def _update_buttons(self) -> None:
        user = self.current_user()
        for widget in (self.edit_button, self.reset_button, self.disable_button):
            widget.setEnabled(user is not None)
        locked = user is not None and user.locked_until is not None and user.locked_until > utcnow()
        self.unlock_button.setEnabled(locked)
        self.disable_button.setText(self.tr("&Enable") if user is not None and not user.active else self.tr("&Disable"))

    def add_user(self) -> None:
        dialog = UserDialog(self.db, self.admin, None, self)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.saved is not None:
            self.status.setText(self.tr("User %1 added.").replace("%1", dialog.saved.username))
            self.reload()
            select_key(self.table, dialog.saved.id)

    def edit_user(self) -> None:
        user = self.current_user()
        if user is None:
            return
        dialog = UserDialog(self.db, self.admin, user, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.status.setText(self.tr("User %1 changed.").replace("%1", user.username))
            self.reload()

    def reset_password(self) -> None:
        user = self.current_user()
        if user is None:
            return
        if ResetPasswordDialog(self.db, self.admin, user, self).exec() == QDialog.DialogCode.Accepted:
            self.status.setText(
                self.tr("Password of %1 reset: they choose a new one at the next sign-in.").replace("%1", user.username)
            )
            self.reload()

    def unlock_user(self) -> None:
        user = self.current_user()
        if user is None:
            return
        try:
            users.unlock_user(self.db, user.id, by=self.admin.id)
        except StoreError as exc:
            show_refusal(self, str(exc))
            return
        self.status.setText(self.tr("User %1 unlocked.").replace("%1", user.username))
        self.reload()

    def toggle_active(self) -> None:
        user = self.current_user()
        if user is None:
            return
        try:
            if user.active:
                question = self.tr("Disable %1? They can no longer sign in; their calls and cases stay.").replace(
                    "%1", f"{user.display_name} ({user.username})"
                )
                if not confirm(self, self.tr("Disable user"), question):
                    return
                users.disable_user(self.db, user.id, by=self.admin.id)
                self.status.setText(self.tr("User %1 disabled.").replace("%1", user.username))
            else:
                users.enable_user(self.db, user.id, by=self.admin.id)
                self.status.setText(self.tr("User %1 enabled.").replace("%1", user.username))
        except StoreError as exc:
            show_refusal(self, str(exc))
            return
        self.reload()
