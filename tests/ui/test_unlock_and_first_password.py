"""The lock screen's wording fits what it asks; a forced password change does not ask again for the password just
typed at sign-in."""

from __future__ import annotations

from keyboard import type_text
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit

from hotline.store import users
from hotline.ui.idle_lock import LockScreen
from hotline.ui.login import LoginDialog
from hotline.ui.password_dialogs import ChangePasswordDialog

TEMPORARY = "tam-thoi-123"
NEW = "mat-khau-moi-1"


def test_the_unlock_screen_says_wrong_password_not_username(qtbot, db, make_user):
    """Unlocking asks for a password only: a wrong one reads "Wrong password."; the other-user fields, which ask
    for a username too, still read "Wrong username or password."."""
    user = make_user("tongdai1", ["operator"])
    lock = LockScreen(db, user)
    qtbot.addWidget(lock)
    lock.show()
    lock.prepare(5)
    type_text(lock.password_edit, "sai-mat-khau")
    qtbot.keyClick(lock.password_edit, Qt.Key.Key_Return)
    assert lock.error_label.text() == "Wrong password."
    lock.show_other_user()
    type_text(lock.other_username, "tongdai1")
    type_text(lock.other_password, "cung-sai-nua")
    qtbot.keyClick(lock.other_password, Qt.Key.Key_Return)
    assert lock.error_label.text() == "Wrong username or password."


def test_after_signing_in_with_a_temporary_password_only_the_new_one_is_asked(qtbot, db, make_user):
    """Sign in with the administrator's temporary password: the change dialog shows no "current password" field,
    typing the new password twice and Enter changes it; the temporary one no longer signs in."""
    admin = make_user("quantri", ["admin"])
    user = make_user("canbo1", ["counselor"])
    users.reset_password(db, user.id, TEMPORARY, by=admin.id)
    login = LoginDialog(db)
    qtbot.addWidget(login)
    login.show()
    type_text(login.findChild(QLineEdit, "usernameEdit"), "canbo1")
    type_text(login.findChild(QLineEdit, "passwordEdit"), TEMPORARY)
    qtbot.keyClick(login.findChild(QLineEdit, "passwordEdit"), Qt.Key.Key_Return)
    assert login.result() == login.DialogCode.Accepted and login.user.must_change_password

    dialog = ChangePasswordDialog(db, login.user, forced=True, current_password=login.temporary_password)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.current_edit.isVisible()
    assert dialog.focusWidget() is dialog.new_edit or dialog.new_edit.hasFocus()
    type_text(dialog.new_edit, NEW)
    type_text(dialog.repeat_edit, NEW)
    qtbot.keyClick(dialog.repeat_edit, Qt.Key.Key_Return)
    assert dialog.result() == dialog.DialogCode.Accepted
    assert users.sign_in(db, "canbo1", NEW).ok and not users.sign_in(db, "canbo1", TEMPORARY).ok
    assert not users.get_user(db, user.id).must_change_password


def test_an_ordinary_sign_in_keeps_no_password(qtbot, db, make_user, password):
    """Signing in without a forced change keeps nothing of the password typed."""
    make_user("tongdai1", ["operator"])
    login = LoginDialog(db)
    qtbot.addWidget(login)
    login.show()
    type_text(login.findChild(QLineEdit, "usernameEdit"), "tongdai1")
    type_text(login.findChild(QLineEdit, "passwordEdit"), password)
    qtbot.keyClick(login.findChild(QLineEdit, "passwordEdit"), Qt.Key.Key_Return)
    assert login.result() == login.DialogCode.Accepted and login.temporary_password == ""
