"""The administrator is told when the year's public holidays (from December: next year's) are not entered yet."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt, QTimer
from PySide6.QtWidgets import QPushButton

from hotline import app as hotline_app
from hotline.core.holiday_calendar import missing_holiday_years
from hotline.core.timeutil import local, utcnow
from hotline.settings import Settings
from hotline.ui.admin.admin_screen import AdminScreen


def test_next_years_holidays_are_asked_for_from_december():
    """2026's holidays entered: nothing missing in November, 2027 missing from 1 December; none at all: this year."""
    entered = [date(2026, 1, 1), date(2026, 4, 30)]
    assert missing_holiday_years(entered, date(2026, 11, 30)) == []
    assert missing_holiday_years(entered, date(2026, 12, 6)) == [2027]
    assert missing_holiday_years([*entered, date(2027, 1, 1)], date(2026, 12, 31)) == []
    assert missing_holiday_years([], date(2026, 12, 6)) == [2026, 2027]
    assert missing_holiday_years([], date(2027, 3, 2)) == [2027]


def test_the_admin_page_warns_and_leads_to_the_holidays_until_they_are_saved(qtbot, db, make_user):
    """No holidays: a banner names the year; its button opens the settings at the holiday date; once this year's
    and next year's are added and saved (Ctrl+S), the banner goes."""
    admin = make_user("quantri", ["admin"])
    screen = AdminScreen(db, admin, "en", None)
    qtbot.addWidget(screen)
    screen.resize(1366, 700)
    screen.show()
    screen.activateWindow()  # Ctrl+S is a shortcut of the window in front
    qtbot.waitUntil(screen.isActiveWindow)
    screen.reload()
    today = local(utcnow()).date()
    assert screen.holiday_banner.isVisible()
    assert str(today.year) in screen.holiday_banner.label.text()
    qtbot.mouseClick(screen.holiday_banner.button, Qt.MouseButton.LeftButton)
    page = screen.pages["settings"]
    assert screen.tabs.currentWidget() is page
    assert screen.focusWidget() is page.holiday_date  # the window's focus, also when another window is active
    for day in (date(today.year, 9, 2), date(today.year + 1, 1, 1)):
        page.holiday_date.setDate(QDate(day.year, day.month, day.day))
        qtbot.mouseClick(page.findChild(QPushButton, "addHolidayButton"), Qt.MouseButton.LeftButton)
    qtbot.keyClick(page.holiday_date, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert {d.year for d in Settings.load(db).holidays()} == {today.year, today.year + 1}
    assert not screen.holiday_banner.isVisible()


def test_an_administrator_signing_in_sees_the_notice_and_an_operator_does_not(qtbot, db, make_user, tmp_path):
    """At sign-in the administrator's window shows a status-bar notice naming the missing year; clicking it opens
    Administration → Settings. An operator's window has no such notice."""
    seen: dict[str, object] = {}
    store = hotline_app.Store(db, tmp_path / "hotline.sqlite3")

    def look(name: str, then_click: bool):
        window = store.window
        if window is None or not window.isVisible():
            QTimer.singleShot(20, lambda: look(name, then_click))
            return
        notice = window.findChild(QPushButton, "statusHolidayWarning")
        seen[name] = notice.text() if notice is not None and notice.isVisible() else None
        if notice is not None and then_click:
            notice.click()
            seen["shown"] = window.workspace.stack.currentWidget() is window.workspace.admin
            seen["tab"] = window.workspace.admin.tabs.currentWidget() is window.workspace.admin.pages["settings"]
        window.quit_action.trigger()

    QTimer.singleShot(0, lambda: look("admin", True))
    hotline_app.run_main_window(store, make_user("quantri", ["admin", "operator"]), Settings.load(db))
    QTimer.singleShot(0, lambda: look("operator", False))
    hotline_app.run_main_window(store, make_user("tongdai1", ["operator"]), Settings.load(db))
    assert str(local(utcnow()).year) in seen["admin"] and seen["shown"] and seen["tab"]
    assert seen["operator"] is None
