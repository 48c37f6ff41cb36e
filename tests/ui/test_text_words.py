"""Words a newcomer can act on: the audit log names a case by its number, the holiday notice names its key, the
lock screen counts the tries left, the caller history says why no summary shows, the demo's close question is
true."""

from __future__ import annotations

from datetime import timedelta

import pytest
from keyboard import type_into_focus, type_text
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton

from hotline.core.models import Call, Child
from hotline.core.timeutil import format_local, utcnow
from hotline.store import audit, users
from hotline.store import calls as call_store
from hotline.store import cases as case_store
from hotline.store.access import COMMAND_LINE
from hotline.ui.admin.holiday_warning import notice_at_sign_in
from hotline.ui.audit_screen import AuditScreen
from hotline.ui.idle_lock import LockScreen
from hotline.ui.main_window import MainWindow
from hotline.ui.models import audit_model
from hotline.ui.models.caller_history_model import ROW_ROLE, CallerHistoryModel

PHONE = "0912 345 678"


@pytest.fixture
def people(make_user):
    return {
        "operator": make_user("tongdai1", ["operator"], "Nguyễn Văn An"),
        "other": make_user("tongdai2", ["operator"], "Lê Thị Hồng"),
        "counselor": make_user("canbo1", ["counselor"], "Huỳnh Thị Lan"),
        "admin": make_user("quantri", ["admin"], "Quản trị viên"),
    }


def press(qtbot, window, sequence: str) -> None:
    """A shortcut as a person presses it: on whatever has the focus in the active window."""
    combo = QKeySequence(sequence)[0]
    if not window.isActiveWindow():
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(QApplication.focusWidget() or window, combo.key(), combo.keyboardModifiers())


def show(qtbot, window) -> None:
    window.resize(1366, 700)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)


def test_the_audit_log_names_a_case_by_its_case_number(qtbot, db, people):
    """A counselor opens a case file; the administrator's audit log (F5) says "Case AG-…" — the number on the
    file, read with the entry — not the row id of the database; the row id stays in the tooltip."""
    lan = people["counselor"].id
    call = call_store.save_call(db, Call(
        line="111", started_at=utcnow() - timedelta(hours=1), operator_id=people["operator"].id, phone_raw=PHONE,
        categories=["abuse.violence"], risk="high", service_level="intervention", flagged=True,
        summary="Bé bị đánh.", children=[Child(name="Bé Na", sex="female", age=9, status="abused")],
    ))  # fmt: skip
    [case] = case_store.open_cases(db, call.id, [call.children[0].id], by_user_id=lan, assigned_to=lan)
    stored = audit.entries(db, viewer=COMMAND_LINE, entity="case", entity_id=case.id)
    assert stored and {e.case_number for e in stored} == {case.number}
    screen = AuditScreen(db, people["admin"], "en")
    qtbot.addWidget(screen)
    show(qtbot, screen)
    screen.view.setFocus()
    qtbot.keyClick(screen.view, Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: any(screen.model.row(r).entity == "case" for r in range(screen.model.rowCount())))
    row = next(r for r in range(screen.model.rowCount()) if screen.model.row(r).action == "case.open")
    what = screen.model.index(row, audit_model.WHAT)
    assert what.data() == f"Case {case.number}"
    assert f"case {case.id}" in what.data(Qt.ItemDataRole.ToolTipRole)


def test_the_holiday_notice_names_its_key_and_the_key_opens_the_holidays(qtbot, db, people, settings,
                                                                          monkeypatch):  # fmt: skip
    """The administrator's status-bar notice says which key opens the holidays (not only "click"); pressing
    Ctrl+Shift+H opens Administration → Settings at the holiday date; while the screen is locked it does not."""
    monkeypatch.setattr(QMessageBox, "question", lambda *_a, **_k: QMessageBox.StandardButton.Yes)
    window = MainWindow(db, people["admin"], settings, "pc-test")
    qtbot.addWidget(window)
    show(qtbot, window)
    notice = notice_at_sign_in(window, people["admin"], settings)
    assert notice is not None and "Ctrl+Shift+H" in notice.text() and "press" in notice.text()
    window.lock_now()
    press(qtbot, window, "Ctrl+Shift+H")
    qtbot.mouseClick(notice, Qt.MouseButton.LeftButton)
    assert window.is_locked() and not window.workspace.isVisible()
    window.lock_screen.password_edit.setFocus()
    type_text(window.lock_screen.password_edit, "dung-mat-khau")
    qtbot.keyClick(window.lock_screen.password_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not window.is_locked())
    space = window.workspace
    space.nav.setCurrentIndex(space.keys.index("audit"))  # anywhere but the settings
    press(qtbot, window, "Ctrl+Shift+H")
    page = space.admin.pages["settings"]
    qtbot.waitUntil(lambda: space.stack.currentWidget() is space.admin and space.admin.tabs.currentWidget() is page)
    assert window.focusWidget() is page.holiday_date
    window.close()


def test_the_lock_screen_counts_the_tries_left_and_says_until_when(qtbot, db, people):
    """Each wrong password on the lock screen says how many tries are left before the 5-minute lock (the store's
    numbers); the fifth says until when the account is locked; another user's fields never count."""
    user = people["operator"]
    lock = LockScreen(db, user)
    qtbot.addWidget(lock)
    lock.show()
    lock.prepare(None)
    seen = []
    for _ in range(4):
        type_text(lock.password_edit, "sai-mat-khau")
        qtbot.keyClick(lock.password_edit, Qt.Key.Key_Return)
        seen.append((lock.error_label.text(), lock.tries_label.text(), lock.tries_label.isVisible()))
    assert [error for error, _tries, _shown in seen] == ["Wrong password."] * 4
    assert seen[0][1] == "4 tries left: after 4 more wrong passwords this account is locked for 5 minutes."
    assert seen[2][1].startswith("2 tries left")
    assert seen[3][1] == "Last try: one more wrong password locks this account for 5 minutes."
    assert all(shown for _error, _tries, shown in seen)
    type_text(lock.password_edit, "van-sai")
    qtbot.keyClick(lock.password_edit, Qt.Key.Key_Return)
    until = format_local(users.get_user(db, user.id).locked_until, with_date=False)
    assert lock.error_label.text() == f"Too many wrong passwords: this account is locked until {until}."
    assert until in lock.tries_label.text() and "another user" in lock.tries_label.text()
    lock.show_other_user()
    type_text(lock.other_username, "tongdai2")
    type_text(lock.other_password, "cung-sai")
    qtbot.keyClick(lock.other_password, Qt.Key.Key_Return)
    assert lock.error_label.text() == "Wrong username or password." and not lock.tries_label.isVisible()


def test_the_caller_history_says_why_no_summary_shows(qtbot, db, people, settings):
    """An operator types a number: their own silent call and a colleague's hang-up read "(no content)", a
    colleague's call with content "(not shown to you)", in grey, never a bare blank or dash; the tooltip says why."""
    from hotline.ui.call_screen import CallScreen

    me, other = people["operator"], people["other"]
    started = utcnow() - timedelta(hours=1)
    mine = call_store.save_call(db, Call(line="111", started_at=started, operator_id=me.id, phone_raw=PHONE,
                                         outcome="silent", duration_s=20))  # fmt: skip
    theirs = call_store.save_call(db, Call(line="111", started_at=started - timedelta(hours=1), operator_id=other.id,
                                           phone_raw=PHONE, categories=["counselling.legal"], risk="none",
                                           service_level="counselling", summary="Hỏi về pháp luật."))  # fmt: skip
    hang_up = call_store.save_call(db, Call(line="111", started_at=started - timedelta(hours=2), operator_id=other.id,
                                            phone_raw=PHONE, outcome="hang_up", duration_s=5))  # fmt: skip
    screen = CallScreen(db, me, settings, "pc-test", lang="en")
    qtbot.addWidget(screen)
    show(qtbot, screen)
    screen.new_call()
    type_into_focus(PHONE)
    model = screen.history_model
    qtbot.waitUntil(lambda: model.rowCount() == 3)
    cells = {model.index(r, 0).data(ROW_ROLE).call_id: model.index(r, CallerHistoryModel.COL_SUMMARY)
             for r in range(3)}  # fmt: skip
    assert cells[mine.id].data() == "(no content)"
    assert cells[hang_up.id].data() == "(no content)"
    assert cells[theirs.id].data() == "(not shown to you)"
    for cell in cells.values():
        assert cell.data(Qt.ItemDataRole.ForegroundRole).color().name() == "#6b6b6b"
    tip = model.headerData(CallerHistoryModel.COL_SUMMARY, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
    assert "(no content)" in tip and "one-key call" in tip and "(not shown to you)" in tip and "may not open" in tip


@pytest.mark.parametrize("demo", [True, False])
def test_closing_the_demo_during_a_call_says_the_call_is_not_kept(qtbot, db, people, settings, monkeypatch, demo):
    """Closing the window mid-call: in the demo the question says the demo's data, this call included, is deleted
    when Hotline closes (no draft comes back); in real use it still promises the draft at the next sign-in."""
    asked: list[str] = []

    def question(_parent, _title, text, *_args, **_kwargs):
        asked.append(text)
        return QMessageBox.StandardButton.Cancel if len(asked) == 1 else QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", question)
    monkeypatch.setattr(QMessageBox, "information", lambda *_a, **_k: QMessageBox.StandardButton.Ok)
    window = MainWindow(db, people["operator"], settings, "pc-test", demo=demo)
    qtbot.addWidget(window)
    show(qtbot, window)
    press(qtbot, window, "F2")
    type_into_focus(PHONE)
    press(qtbot, window, "Ctrl+Q")
    assert window.isVisible() and asked  # Cancel: still in the call
    if demo:
        assert "deleted when Hotline closes" in asked[0] and "offered back" not in asked[0]
    else:
        assert "offered back the next time you sign in" in asked[0]
    window.close()
    assert not window.isVisible()
    assert not window.findChildren(QPushButton, "statusHolidayWarning")  # an operator gets no holiday notice
