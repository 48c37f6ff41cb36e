"""pytest-qt flows of the idle lock and of passwords: a typed call survives the lock; another user takes over."""

from __future__ import annotations

import pytest
from keyboard import type_into_focus, type_text
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from hotline.store import drafts as draft_store
from hotline.store import users
from hotline.store.access import COMMAND_LINE
from hotline.ui.main_window import MainWindow
from hotline.ui.password_dialogs import ChangePasswordDialog

WORKSTATION = "pc-test"


@pytest.fixture
def operator(make_user):
    return make_user("tongdai1", ["operator"], "Nguyễn Văn An")


@pytest.fixture
def window(qtbot, db, settings, operator, monkeypatch):
    # closing the window at the end of a test keeps the typed call as a draft and says so in a box
    monkeypatch.setattr(QMessageBox, "information", lambda *_args, **_kwargs: QMessageBox.StandardButton.Ok)
    monkeypatch.setattr(QMessageBox, "question", lambda *_args, **_kwargs: QMessageBox.StandardButton.Yes)
    main = MainWindow(db, operator, settings, WORKSTATION)
    qtbot.addWidget(main)
    main.resize(1300, 820)
    main.start_session()
    qtbot.waitExposed(main)
    main.activateWindow()
    yield main
    main.close()  # before the database closes: no late autosave or history read
    main.idle_watcher.stop()


def type_a_call(qtbot, window: MainWindow) -> None:
    screen = window.call_screen
    qtbot.keyClick(screen, Qt.Key.Key_F2)
    type_into_focus("0912 345 678")
    screen.form.summary_edit.setFocus()
    type_into_focus("Bé bị bỏ đói, hàng xóm gọi.")


def test_idle_lock_hides_the_call_and_unlocking_gives_it_back(qtbot, db, window, password):
    """After the idle time the session hides behind the lock; a wrong password is refused; the right one brings
    back the typed call with its clock still running."""
    type_a_call(qtbot, window)
    before = window.call_screen.duration_s()
    window.idle_watcher.timeout_ms = 150  # the administrator's minutes, shortened for the test
    qtbot.waitUntil(window.is_locked, timeout=5000)
    assert not window.workspace.isVisible() and window.lock_screen.isVisible()
    assert not window.menuBar().isVisible()
    assert draft_store.load_drafts(db, window.user.id, WORKSTATION)  # kept in case someone else signs in

    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F2)  # a hidden screen's key does nothing
    assert window.is_locked()

    type_text(window.lock_screen.password_edit, "sai-mat-khau")
    qtbot.keyClick(window.lock_screen.password_edit, Qt.Key.Key_Return)
    assert window.is_locked()
    assert window.lock_screen.error_label.text() == "Wrong password."

    qtbot.wait(1100)
    type_text(window.lock_screen.password_edit, password)
    qtbot.keyClick(window.lock_screen.password_edit, Qt.Key.Key_Return)
    assert not window.is_locked() and window.workspace.isVisible()
    assert window.call_screen.form.phone_edit.text() == "0912 345 678"
    assert window.call_screen.form.summary_edit.toPlainText() == "Bé bị bỏ đói, hàng xóm gọi."
    assert window.call_screen.duration_s() > before


def test_another_user_signs_in_at_the_lock_and_the_first_users_call_stays_a_draft(
    qtbot, db, window, make_user, password
):
    """At the lock screen another user signs in: the window ends the session for them, and the first user's
    typed call is a draft in the database."""
    other = make_user("tongdai2", ["operator"], "Trần Thị Bích")
    type_a_call(qtbot, window)
    window.lock_now()
    assert window.is_locked()
    window.lock_screen.other_button.click()
    type_text(window.lock_screen.other_username, "tongdai2")
    type_text(window.lock_screen.other_password, password)
    with qtbot.waitSignal(window.closed, timeout=5000) as ended:
        qtbot.keyClick(window.lock_screen.other_password, Qt.Key.Key_Return)
    assert ended.args == [True]
    assert window.next_user is not None and window.next_user.id == other.id
    [draft] = draft_store.load_drafts(db, window.user.id, WORKSTATION)
    assert draft.state["form"]["summary"] == "Bé bị bỏ đói, hàng xóm gọi."


def test_lock_hides_the_sessions_other_windows_and_gives_them_back(qtbot, window, password):
    """A window opened from the session (a case file, a call being corrected) hides with the lock and comes
    back, content kept, on unlock."""
    from PySide6.QtWidgets import QDialog, QLineEdit

    case_window = QDialog(window)
    note = QLineEdit(case_window)
    note.setText("Ghi chú đang viết")
    case_window.show()
    qtbot.waitExposed(case_window)
    window.lock_now()
    assert window.is_locked() and not case_window.isVisible()
    type_text(window.lock_screen.password_edit, password)
    qtbot.keyClick(window.lock_screen.password_edit, Qt.Key.Key_Return)
    assert case_window.isVisible() and note.text() == "Ghi chú đang viết"


def test_lock_comes_even_over_an_open_question(qtbot, window, password):
    """A modal dialog left open does not keep the PC unlocked: it is moved off the screen, the lock opens as a
    window of its own above it, and unlocking puts the dialog back where it was, still open."""
    from PySide6.QtWidgets import QDialog, QLineEdit

    dialog = QDialog(window)
    dialog.setModal(True)
    reason = QLineEdit(dialog)
    reason.setText("Lý do đóng hồ sơ")
    dialog.show()
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is dialog)
    where = dialog.pos()
    window.idle_watcher.timeout_ms = 100
    qtbot.waitUntil(window.is_locked, timeout=5000)
    lock = window._lock_dialog
    assert lock is not None and lock.isVisible() and QApplication.activeModalWidget() is lock
    assert dialog.pos().x() < -10000  # off the screen, still open
    type_text(lock.lock_screen.password_edit, password)
    qtbot.keyClick(lock.lock_screen.password_edit, Qt.Key.Key_Return)
    assert not window.is_locked() and window._lock_dialog is None
    assert dialog.isVisible() and dialog.pos() == where and reason.text() == "Lý do đóng hồ sơ"
    dialog.close()


def test_forced_password_change(qtbot, db, make_user, password):
    """After a reset the user must choose a password: a wrong current one and two different new ones are
    refused with a message; then the new password signs in and the flag is cleared."""
    admin = make_user("quantri", ["admin"])
    user = make_user("canbo1", ["counselor"])
    users.reset_password(db, user.id, "tam-thoi-123", by=admin.id)
    user = users.get_user(db, user.id)
    dialog = ChangePasswordDialog(db, user, forced=True)
    qtbot.addWidget(dialog)
    dialog.show()
    type_text(dialog.current_edit, "khong-dung-1")
    type_text(dialog.new_edit, "mat-khau-moi-1")
    type_text(dialog.repeat_edit, "mat-khau-moi-1")
    dialog.ok_button.click()
    assert dialog.error_label.isVisible() and dialog.result() != dialog.DialogCode.Accepted
    dialog.current_edit.setText("tam-thoi-123")
    dialog.repeat_edit.setText("mat-khau-moi-2")
    dialog.ok_button.click()
    assert dialog.error_label.text() == "The two new passwords are not the same."
    type_text(dialog.repeat_edit, "mat-khau-moi-1")
    dialog.ok_button.click()
    assert dialog.result() == dialog.DialogCode.Accepted
    assert not users.get_user(db, user.id).must_change_password
    assert users.sign_in(db, "canbo1", "mat-khau-moi-1").ok
    assert not users.sign_in(db, "canbo1", password).ok


def test_admin_reset_then_sign_in_forces_the_change(db, make_user):
    """The command line's reset marks the user; sign-in reports the must-change flag."""
    user = make_user("tongdai5", ["operator"])
    users.reset_password(db, user.id, "tam-thoi-456", by=COMMAND_LINE)
    result = users.sign_in(db, "tongdai5", "tam-thoi-456")
    assert result.ok and result.user.must_change_password
