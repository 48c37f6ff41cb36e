"""pytest-qt flows of the sign-in and first-administrator dialogs, on real database files."""

from __future__ import annotations

import pytest
from keyboard import type_text  # QTest.keyClicks cannot type Vietnamese letters
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QPushButton, QTableWidget

from hotline.core.timeutil import format_local
from hotline.demo import DEMO_ACCOUNTS, DEMO_PASSWORD
from hotline.store import users
from hotline.store.access import COMMAND_LINE
from hotline.ui.login import FirstAdminDialog, LoginDialog


@pytest.fixture
def login(qtbot, db):
    """An open sign-in dialog on the test database."""
    dialog = LoginDialog(db)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def sign_in(qtbot, dialog: LoginDialog, username: str, password: str) -> None:
    """Type both fields as a person does and press Enter in the password field."""
    name = dialog.findChild(QLineEdit, "usernameEdit")
    secret = dialog.findChild(QLineEdit, "passwordEdit")
    name.clear()
    qtbot.keyClicks(name, username)
    secret.clear()
    qtbot.keyClicks(secret, password)
    qtbot.keyClick(secret, Qt.Key.Key_Return)


def error_text(dialog: QDialog) -> str:
    label = dialog.findChild(QLabel, "errorLabel")
    return label.text() if label.isVisible() else ""


def test_right_password_signs_in_and_returns_the_user(qtbot, login, make_user, password):
    """Enter in the password field with the right password accepts the dialog with that user."""
    made = make_user("tongdai1", ["operator"], "Nguyễn Văn An")
    sign_in(qtbot, login, "tongdai1", password)
    assert login.result() == QDialog.DialogCode.Accepted
    assert login.user is not None and login.user.id == made.id
    assert login.user.display_name == "Nguyễn Văn An"


def test_focus_starts_in_the_username_field(login):
    """The first key a person types goes into the username."""
    assert login.focusWidget() is login.findChild(QLineEdit, "usernameEdit")


def test_wrong_password_shows_an_error_and_the_dialog_stays_open(qtbot, login, make_user):
    """A wrong password is said in the dialog itself, the password is cleared and has the focus."""
    make_user("tongdai1", ["operator"])
    sign_in(qtbot, login, "tongdai1", "not-the-password")
    assert login.isVisible() and login.user is None
    assert error_text(login) == "Wrong username or password."
    assert login.findChild(QLineEdit, "passwordEdit").text() == ""
    assert login.focusWidget() is login.findChild(QLineEdit, "passwordEdit")


def test_unknown_user_reads_exactly_like_a_wrong_password(qtbot, login, make_user):
    """The screen must not reveal which usernames exist."""
    make_user("tongdai1", ["operator"])
    sign_in(qtbot, login, "tongdai1", "not-the-password")
    wrong = error_text(login)
    sign_in(qtbot, login, "nobody", "not-the-password")
    assert error_text(login) == wrong


def test_five_wrong_passwords_lock_the_account_until_a_time(qtbot, login, db, make_user, password):
    """The fifth failure says until when (Vietnamese time, HH:MM); even the right password is then refused."""
    make_user("tongdai1", ["operator"])
    for _ in range(users.MAX_FAILED_LOGINS):
        sign_in(qtbot, login, "tongdai1", "not-the-password")
    until = format_local(users.find_user(db, "tongdai1").locked_until, with_date=False)
    assert error_text(login) == f"Too many wrong passwords: this account is locked until {until}."
    sign_in(qtbot, login, "tongdai1", password)
    assert login.user is None and until in error_text(login)


def test_disabled_account_is_refused_with_its_reason(qtbot, login, db, make_user, password):
    """A disabled account says so and sends the person to an administrator."""
    make_user("cu", ["operator"])
    users.disable_user(db, users.find_user(db, "cu").id, by=COMMAND_LINE)
    sign_in(qtbot, login, "cu", password)
    assert login.user is None
    assert "disabled" in error_text(login)


def test_empty_username_is_asked_for(qtbot, login):
    """Enter on empty fields asks for the username instead of trying to sign in."""
    qtbot.keyClick(login.findChild(QLineEdit, "usernameEdit"), Qt.Key.Key_Return)
    assert error_text(login) == "Type your username."


def test_errors_read_in_vietnamese(qtbot, vietnamese, db, make_user):
    """With the Vietnamese translation installed, the error is Vietnamese with its diacritics."""
    make_user("tongdai1", ["operator"])
    dialog = LoginDialog(db)
    qtbot.addWidget(dialog)
    dialog.show()
    sign_in(qtbot, dialog, "tongdai1", "sai-mat-khau")
    assert error_text(dialog) == "Sai tên đăng nhập hoặc mật khẩu."
    assert dialog.findChild(QPushButton, "signInButton").text() == "Đăng &nhập"


def test_demo_accounts_are_listed_and_a_click_fills_the_fields(qtbot, db):
    """Each demo account shows username, role in words and password; clicking one fills both fields."""
    dialog = LoginDialog(db, demo_accounts=DEMO_ACCOUNTS, demo_password=DEMO_PASSWORD)
    qtbot.addWidget(dialog)
    dialog.show()
    view = dialog.findChild(QTableWidget, "demoAccountsView")
    assert view.rowCount() == len(DEMO_ACCOUNTS)
    row = [a[0] for a in DEMO_ACCOUNTS].index("truongca")
    assert [view.item(row, c).text() for c in range(3)] == ["truongca", "Shift lead, Operator", DEMO_PASSWORD]
    rect = view.visualItemRect(view.item(row, 1))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert dialog.findChild(QLineEdit, "usernameEdit").text() == "truongca"
    assert dialog.findChild(QLineEdit, "passwordEdit").text() == DEMO_PASSWORD


def test_sign_in_screen_without_demo_has_no_demo_list(login):
    """An ordinary database shows no demo accounts."""
    assert login.findChild(QTableWidget, "demoAccountsView") is None


@pytest.fixture
def first_admin(qtbot, db):
    dialog = FirstAdminDialog(db)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def fill_first_admin(qtbot, dialog, username, name, password, repeat) -> None:
    for object_name, text in (
        ("usernameEdit", username),
        ("displayNameEdit", name),
        ("passwordEdit", password),
        ("repeatPasswordEdit", repeat),
    ):
        type_text(dialog.findChild(QLineEdit, object_name), text)


def test_first_admin_dialog_creates_an_administrator_who_can_sign_in(qtbot, first_admin, db):
    """The account lands in the database with the admin role (plus operator when ticked) and its password."""
    fill_first_admin(qtbot, first_admin, "quantri", "Nguyễn Thị Hoa", "mat-khau-dai", "mat-khau-dai")
    first_admin.operator_check.setChecked(True)
    qtbot.mouseClick(first_admin.findChild(QPushButton, "createButton"), Qt.MouseButton.LeftButton)
    assert first_admin.result() == QDialog.DialogCode.Accepted
    stored = users.find_user(db, "quantri")
    assert stored.roles == {"admin", "operator"} and stored.display_name == "Nguyễn Thị Hoa"
    assert users.sign_in(db, "quantri", "mat-khau-dai").ok


def test_first_admin_dialog_refuses_two_different_passwords(qtbot, first_admin, db):
    """Mistyped repetition: said in the dialog, nobody is created."""
    fill_first_admin(qtbot, first_admin, "quantri", "", "mat-khau-dai", "mat-khau-dau")
    qtbot.keyClick(first_admin.findChild(QLineEdit, "repeatPasswordEdit"), Qt.Key.Key_Return)
    assert first_admin.isVisible()
    assert "not the same" in error_text(first_admin)
    assert users.count_users(db) == 0


def test_first_admin_dialog_shows_the_stores_reason_for_a_bad_username(qtbot, first_admin, db):
    """A username with accents is refused with the store's explanation."""
    fill_first_admin(qtbot, first_admin, "quản trị", "", "mat-khau-dai", "mat-khau-dai")
    qtbot.mouseClick(first_admin.findChild(QPushButton, "createButton"), Qt.MouseButton.LeftButton)
    assert "username" in error_text(first_admin).lower()
    assert users.count_users(db) == 0


def test_standard_buttons_read_vietnamese(qtbot, vietnamese, db):
    """Qt's own Cancel button is translated by our .ts (PySide6 ships no qtbase_vi.qm)."""
    dialog = FirstAdminDialog(db)
    qtbot.addWidget(dialog)
    cancel = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Cancel)
    assert cancel.text().replace("&", "") == "Hủy"
