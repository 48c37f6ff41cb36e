"""Passwords: a user changes their own (forced after an administrator's reset), an administrator resets one."""

from __future__ import annotations

import secrets

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from hotline.core.models import User
from hotline.store import users
from hotline.store.db import StoreError

#: Letters and digits that cannot be mistaken for one another when read aloud or copied from paper.
_TEMPORARY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"


def temporary_password(length: int = 10) -> str:
    """A random password for a reset, easy to read out: the user must change it at the next sign-in."""
    return "".join(secrets.choice(_TEMPORARY_ALPHABET) for _ in range(length))


def _password_edit(parent: QWidget, name: str, accessible: str) -> QLineEdit:
    edit = QLineEdit(parent)
    edit.setObjectName(name)
    edit.setAccessibleName(accessible)
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    edit.setMinimumWidth(240)
    return edit


def _error_label(parent: QWidget, accessible: str) -> QLabel:
    label = QLabel(parent)
    label.setObjectName("passwordError")
    label.setAccessibleName(accessible)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.hide()
    return label


class ChangePasswordDialog(QDialog):
    """The signed-in user changes their own password. ``forced``: after a reset, before anything else.
    ``current_password``: the temporary password the user has just typed at sign-in, not asked for again."""

    def __init__(
        self, db, user: User, *, forced: bool = False, current_password: str = "", parent: QWidget | None = None
    ):
        super().__init__(parent)
        self.db, self.user = db, user
        self._given_current = current_password
        self.setObjectName("changePasswordDialog")
        self.setWindowTitle(self.tr("Change password"))
        intro = QLabel(self)
        intro.setWordWrap(True)
        if forced:
            intro.setText(
                self.tr(
                    "An administrator has set a temporary password for you. Choose your own password before you "
                    "go on (at least %1 characters)."
                ).replace("%1", str(users.MIN_PASSWORD_LENGTH))
            )
        else:
            intro.setText(
                self.tr("Choose a new password of at least %1 characters.").replace(
                    "%1", str(users.MIN_PASSWORD_LENGTH)
                )
            )
        self.current_edit = _password_edit(self, "currentPasswordEdit", self.tr("Current password"))
        self.new_edit = _password_edit(self, "newPasswordEdit", self.tr("New password"))
        self.repeat_edit = _password_edit(self, "repeatPasswordEdit", self.tr("New password again"))
        form = QFormLayout()
        self.form = form
        form.addRow(self.tr("&Current password:"), self.current_edit)
        form.addRow(self.tr("&New password:"), self.new_edit)
        form.addRow(self.tr("New password &again:"), self.repeat_edit)
        self.error_label = _error_label(self, self.tr("Error message"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setObjectName("changePasswordOk")
        self.ok_button.setText(self.tr("Change password"))
        cancel = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(self.tr("Sign out") if forced else self.tr("Cancel"))
        buttons.accepted.connect(self._change)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)
        if current_password:
            self.current_edit.setText(current_password)
            form.setRowVisible(self.current_edit, False)
            self.new_edit.setFocus()
        else:
            self.current_edit.setFocus()

    def _change(self) -> None:
        old, new, again = self.current_edit.text(), self.new_edit.text(), self.repeat_edit.text()
        if not old:
            return self._refuse(self.tr("Type your current password."), self.current_edit)
        if len(new) < users.MIN_PASSWORD_LENGTH:
            return self._refuse(
                self.tr("The new password needs at least %1 characters.").replace("%1", str(users.MIN_PASSWORD_LENGTH)),
                self.new_edit,
            )
        if new != again:
            self.repeat_edit.clear()
            return self._refuse(self.tr("The two new passwords are not the same."), self.repeat_edit)
        try:
            users.change_own_password(self.db, self.user.id, old, new)
        except StoreError as exc:
            self.current_edit.clear()
            self.form.setRowVisible(self.current_edit, True)  # e.g. changed meanwhile elsewhere: ask after all
            return self._refuse(str(exc), self.current_edit)
        self.accept()
        return None

    def _refuse(self, message: str, focus: QLineEdit) -> None:
        self.error_label.setText(message)
        self.error_label.show()
        focus.setFocus()


class ResetPasswordDialog(QDialog):
    """An administrator gives a user a temporary password; the user must change it at the next sign-in."""

    def __init__(self, db, admin: User, target: User, parent: QWidget | None = None):
        super().__init__(parent)
        self.db, self.admin, self.target = db, admin, target
        self.setObjectName("resetPasswordDialog")
        self.setWindowTitle(self.tr("Reset password"))
        intro = QLabel(
            self.tr(
                "Give %1 a temporary password. They must choose their own at their next sign-in. "
                "A lock-out after wrong passwords ends too."
            ).replace("%1", f"{target.display_name} ({target.username})"),
            self,
        )
        intro.setWordWrap(True)
        self.password_edit = QLineEdit(temporary_password(), self)
        self.password_edit.setObjectName("temporaryPasswordEdit")
        self.password_edit.setAccessibleName(self.tr("Temporary password"))
        self.password_edit.setMinimumWidth(240)
        new_one = QPushButton(self.tr("&Make another"), self)
        new_one.setObjectName("newTemporaryPassword")
        new_one.setAutoDefault(False)
        new_one.clicked.connect(lambda: self.password_edit.setText(temporary_password()))
        form = QFormLayout()
        form.addRow(self.tr("&Temporary password:"), self.password_edit)
        form.addRow("", new_one)
        self.error_label = _error_label(self, self.tr("Error message"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setObjectName("resetPasswordOk")
        self.ok_button.setText(self.tr("Reset password"))
        buttons.accepted.connect(self._reset)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)
        self.password_edit.selectAll()
        self.password_edit.setFocus()

    def _reset(self) -> None:
        try:
            users.reset_password(self.db, self.target.id, self.password_edit.text(), by=self.admin.id)
        except StoreError as exc:
            self.error_label.setText(str(exc))
            self.error_label.show()
            self.password_edit.setFocus()
            return
        self.accept()
