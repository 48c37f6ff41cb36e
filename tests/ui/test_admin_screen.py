"""pytest-qt flows of the administration screen: users, lines, holidays, categories, backups and restore."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from keyboard import type_text, with_next_dialog
from PySide6.QtCore import QDate, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMessageBox, QPushButton

from hotline.core.models import Call
from hotline.settings import Settings
from hotline.store import audit, backup, users
from hotline.store import calls as call_store
from hotline.store.access import COMMAND_LINE
from hotline.ui.admin.admin_screen import AdminScreen
from hotline.ui.call_edit_dialog import CallEditDialog


@pytest.fixture
def admin(make_user):
    return make_user("quantri", ["admin"], "Quản trị viên")


@pytest.fixture
def open_admin(qtbot, db, admin, tmp_path):
    """``open_admin(page)`` shows the administration screen of ``admin`` on ``page``."""

    def open_(page: str) -> AdminScreen:
        screen = AdminScreen(db, admin, "en", tmp_path / "hotline.sqlite3")
        qtbot.addWidget(screen)
        screen.resize(1100, 700)
        screen.show()
        screen.reload()
        screen.show_page(page)
        return screen

    return open_


@pytest.fixture
def yes_to_questions(monkeypatch):
    """Every QMessageBox.question is answered Yes; the questions asked are recorded."""
    asked: list[str] = []

    def answer(_parent, _title, text, *_args, **_kwargs):
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", answer)
    return asked


def click(screen, name: str) -> None:
    button = screen.findChild(QPushButton, name)
    assert button is not None and button.isEnabled(), name
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)


def test_add_a_counselor(qtbot, db, open_admin, password):
    """Add user → type username, name, tick Counselor, OK: the user exists with that role and must change
    the temporary password shown in the dialog, which signs in."""
    screen = open_admin("users")
    temporary: list[str] = []

    def fill(dialog) -> None:
        type_text(dialog.username_edit, "canbo7")
        type_text(dialog.name_edit, "Lê Thị Hồng")
        dialog.role_boxes["counselor"].click()
        temporary.append(dialog.password_edit.text())
        QTest.mouseClick(dialog.findChild(QPushButton, "userDialogOk"), Qt.MouseButton.LeftButton)

    handled = with_next_dialog(fill)
    click(screen, "addUserButton")
    assert handled
    added = users.find_user(db, "canbo7")
    assert added is not None and added.display_name == "Lê Thị Hồng"
    assert added.roles == frozenset({"counselor"}) and added.must_change_password
    result = users.sign_in(db, "canbo7", temporary[0])
    assert result.ok and result.user.must_change_password
    table = screen.pages["users"].table
    assert "canbo7" in [table.item(row, 0).text() for row in range(table.rowCount())]


def test_user_dialog_refuses_no_role_and_keeps_what_was_typed(qtbot, db, open_admin):
    """Without a role ticked the dialog stays open with a message and the typed name; nothing is added."""
    screen = open_admin("users")
    seen: list[str] = []

    def fill(dialog) -> None:
        type_text(dialog.username_edit, "tongdai9")
        QTest.mouseClick(dialog.findChild(QPushButton, "userDialogOk"), Qt.MouseButton.LeftButton)
        seen.append(dialog.error_label.text())
        seen.append(dialog.username_edit.text())
        dialog.reject()

    with_next_dialog(fill)
    click(screen, "addUserButton")
    assert seen == ["Tick at least one role.", "tongdai9"]
    assert users.find_user(db, "tongdai9") is None


def test_disable_a_user(qtbot, db, open_admin, make_user, yes_to_questions, password):
    """Disable (after a yes) → the user can no longer sign in, is still listed, and the button now enables."""
    leaving = make_user("tongdai2", ["operator"], "Phạm Văn Bình")
    screen = open_admin("users")
    page = screen.pages["users"]
    row = next(r for r in range(page.table.rowCount()) if page.table.item(r, 0).text() == "tongdai2")
    page.table.setCurrentCell(row, 0)
    click(screen, "disableUserButton")
    assert yes_to_questions and "Phạm Văn Bình" in yes_to_questions[0]
    assert not users.get_user(db, leaving.id).active
    assert not users.sign_in(db, "tongdai2", password).ok
    assert page.table.item(row, 3).text() == "Disabled"
    assert page.disable_button.text().replace("&", "") == "Enable"


def test_add_a_holiday(qtbot, db, open_admin):
    """Pick 02/09/2027, Add holiday, Save: the setting holds that date and the list shows it."""
    screen = open_admin("settings")
    page = screen.pages["settings"]
    page.holiday_date.setFocus()
    page.holiday_date.setDate(QDate(2027, 9, 2))
    click(screen, "addHolidayButton")
    assert [page.holidays_list.item(i).text() for i in range(page.holidays_list.count())] == ["02/09/2027"]
    click(screen, "saveSettingsButton")
    assert Settings.load(db).get("holidays") == ["2027-09-02"]
    assert [e.detail or e.entity_id for e in audit.entries(db, viewer=COMMAND_LINE, action="settings.")] == ["holidays"]


def test_a_bad_setting_keeps_the_form(qtbot, db, open_admin):
    """An empty centre name is refused with a message; the other typed values stay in the form."""
    screen = open_admin("settings")
    page = screen.pages["settings"]
    page.centre_edit.clear()
    page.idle_spin.setValue(25)
    click(screen, "saveSettingsButton")
    assert page.status.text().startswith("Not saved")
    assert page.centre_edit.text() == "" and page.idle_spin.value() == 25
    assert Settings.load(db).get("centre_name") != ""


def test_rename_a_category_shows_on_old_calls(qtbot, db, open_admin, make_user, settings):
    """Rename a category in the list: a call saved before shows the new name in the call window."""
    operator = make_user("tongdai1", ["operator", "shift_lead"])
    saved = call_store.save_call(
        db,
        Call(line="111", started_at=datetime(2026, 11, 20, 3, 0, tzinfo=UTC), operator_id=operator.id,
             duration_s=90, categories=["counselling.legal"], service_level="counselling", summary="Hỏi luật."),
    )  # fmt: skip
    screen = open_admin("categories")
    page = screen.pages["categories"]
    page.select("category", "counselling.legal")

    def rename(dialog) -> None:
        dialog.vi_edit.selectAll()
        type_text(dialog.vi_edit, "Tư vấn pháp luật trẻ em")
        dialog.en_edit.selectAll()
        type_text(dialog.en_edit, "Child law advice")
        QTest.mouseClick(dialog.findChild(QPushButton, "categoryDialogOk"), Qt.MouseButton.LeftButton)

    with_next_dialog(rename)
    click(screen, "renameCategoryButton")
    assert page.current_category().label_vi == "Tư vấn pháp luật trẻ em"
    window = CallEditDialog(db, operator, saved.id, settings, "en")
    qtbot.addWidget(window)
    assert "Child law advice" in window.form.categories.chosen_label.text()


def test_take_a_backup_and_restore_it(qtbot, db, open_admin, make_user, yes_to_questions, tmp_path):
    """Back up now writes a checked backup listed on the page; Restore asks, checks the file, then asks the
    window to restore it; the restore brings back the calls of the backup and drops the later one."""
    operator = make_user("tongdai1", ["operator"])

    def call(hour: int) -> Call:
        return call_store.save_call(
            db, Call(line="111", started_at=datetime(2026, 11, 20, hour, tzinfo=UTC), operator_id=operator.id,
                     outcome="silent"),
        )  # fmt: skip

    call(1)
    screen = open_admin("backups")
    page = screen.pages["backups"]
    click(screen, "backupNowButton")
    qtbot.waitUntil(lambda: page.table.rowCount() == 1 and not page._busy, timeout=10_000)
    (taken,) = backup.list_backups(page.folder())
    assert taken.kind == "manual" and taken.path.exists()
    assert taken.path.name in page.status.text()
    call(2)  # after the backup: gone after the restore

    with qtbot.waitSignal(page.restore_requested, timeout=10_000) as requested:
        click(screen, "restoreButton")
    assert yes_to_questions and Path(requested.args[0]) == taken.path
    db_path = tmp_path / "hotline.sqlite3"
    db.close()
    kept = backup.restore(db_path, taken.path, actor=COMMAND_LINE)
    assert kept.exists()
    from hotline.store.db import open_database

    again = open_database(db_path)
    try:
        assert again.conn.execute("SELECT count(*) FROM calls").fetchone()[0] == 1
    finally:
        again.close()


def test_restore_from_the_window_replaces_the_database(qtbot, tmp_path, monkeypatch):
    """The window asked for a restore ends the session; the program then restores on a worker thread, opens the
    database again and says where the previous one is kept; the call saved after the backup is gone."""
    from hotline import app as hotline_app
    from hotline import recovery
    from hotline.store.db import open_database
    from hotline.ui.main_window import MainWindow

    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text, *_a, **_k: shown.append(text))
    path = tmp_path / "restore.sqlite3"
    db = open_database(path)
    admin = users.add_user(db, "quantri", "Quản trị", ["admin", "operator"], "mat-khau-dai-1", by=COMMAND_LINE)
    call = Call(line="111", started_at=datetime(2026, 11, 20, 1, tzinfo=UTC), operator_id=admin.id, outcome="test")
    call_store.save_call(db, call)
    taken = backup.take_backup(path, tmp_path / "b", kind="manual", actor=admin.id)
    call_store.save_call(db, Call(line="111", started_at=datetime(2026, 11, 20, 2, tzinfo=UTC),
                                  operator_id=admin.id, outcome="test"))  # fmt: skip
    store = hotline_app.Store(db, path)
    window = MainWindow(db, admin, Settings.load(db), "pc-test", db_path=path)
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.closed, timeout=5000) as ended:
        window.restore_backup(taken.path)
    assert ended.args == [True] and window.restore_path == taken.path
    recovery.restore_database(store, window.restore_path, admin)
    try:
        assert store.db.conn.execute("SELECT count(*) FROM calls").fetchone()[0] == 1
        assert shown and taken.path.name in shown[0] and "before-restore" in shown[0]
    finally:
        store.db.close()


def test_backups_page_warns_when_the_newest_backup_is_old(qtbot, db, open_admin, tmp_path):
    """No backup yet, or only one from five days ago: the page says so in words; a fresh backup clears it."""
    screen = open_admin("backups")
    page = screen.pages["backups"]
    assert page.warning_label.isVisibleTo(page) and "no backup" in page.warning_label.text()
    from datetime import timedelta

    from hotline.core.timeutil import utcnow

    db_path = tmp_path / "hotline.sqlite3"
    backup.take_backup(db_path, page.folder(), kind="manual", actor=COMMAND_LINE, now=utcnow() - timedelta(days=5))
    page.reload()
    assert page.warning_label.isVisibleTo(page) and "5 days old" in page.warning_label.text()
    backup.take_backup(db_path, page.folder(), kind="manual", actor=COMMAND_LINE)
    page.reload()
    assert not page.warning_label.isVisibleTo(page)
