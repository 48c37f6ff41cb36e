"""The reminder to enter the year's public holidays: a banner on the administration screen, and a notice in the
main window's status bar when an administrator signs in, both leading to the holidays in the settings."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from hotline.core import permissions
from hotline.core.holiday_calendar import missing_holiday_years
from hotline.core.timeutil import local, utcnow

_STYLE = "color: #8a4b00; font-weight: bold;"
#: The key that opens the holidays from anywhere in an administrator's window (the notice names it: a notice
#: that only says "click" leaves a keyboard user no way there).
HOLIDAYS_KEY = "Ctrl+Shift+H"


def _missing(settings, today: date | None) -> str:
    return ", ".join(str(year) for year in missing_holiday_years(settings.holidays(), today or local(utcnow()).date()))


def reminder_text(settings, today: date | None = None) -> str:
    """What to tell the administrator ("" when every needed year has its holidays)."""
    years = _missing(settings, today)
    if not years:
        return ""
    return QCoreApplication.translate(
        "HolidayWarning",
        "The public holidays of %1 are not entered yet: until they are, the 5-working-day plan clock counts them "
        "as working days. Enter them under Settings, Public holidays.",
    ).replace("%1", years)


def notice_text(settings, today: date | None = None) -> str:
    """The short form, for the status bar ("" when nothing is missing)."""
    years = _missing(settings, today)
    return (
        QCoreApplication.translate(
            "HolidayWarning", "⚠ Public holidays of %1 not entered: press %2 or click here to enter them"
        )
        .replace("%1", years)
        .replace("%2", HOLIDAYS_KEY)
        if years
        else ""
    )


class HolidayBanner(QWidget):
    """A line above the administration tabs while holidays are missing, with a button to enter them."""

    open_requested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("holidayWarning")
        self.label = QLabel(self, objectName="holidayWarningText")
        self.label.setWordWrap(True)
        self.label.setStyleSheet(_STYLE)
        self.button = QPushButton(
            QCoreApplication.translate("HolidayWarning", "&Enter the holidays…"),
            self,
            objectName="holidayWarningButton",
        )
        self.button.setAccessibleName(QCoreApplication.translate("HolidayWarning", "Enter the public holidays"))
        self.button.clicked.connect(self.open_requested)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 4)
        row.addWidget(self.label, 1)
        row.addWidget(self.button)
        self.hide()

    def refresh(self, settings, today: date | None = None) -> None:
        text = reminder_text(settings, today)
        self.label.setText(text)
        self.setAccessibleName(text)
        self.setVisible(bool(text))


def notice_at_sign_in(window, user, settings, today: date | None = None) -> QPushButton | None:
    """For a user who may change the settings: a lasting notice in ``window``'s status bar while holidays are
    missing; clicking it, or HOLIDAYS_KEY, opens the holidays. Not a dialog: a sign-in must never be held up by a
    question."""
    if not permissions.can(user, permissions.ADMIN_SETTINGS):
        return None
    text = notice_text(settings, today)
    if not text:
        return None
    action = QAction(QCoreApplication.translate("HolidayWarning", "Enter the public holidays"), window)
    action.setObjectName("holidaysAction")
    action.setShortcut(QKeySequence(HOLIDAYS_KEY))
    action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
    action.triggered.connect(lambda: open_holidays(window))
    window.addAction(action)
    notice = QPushButton(text, window, objectName="statusHolidayWarning")
    notice.setFlat(True)
    notice.setStyleSheet(_STYLE)
    notice.setAccessibleName(text)
    notice.setToolTip(reminder_text(settings, today))
    notice.clicked.connect(lambda: open_holidays(window))
    window.statusBar().addPermanentWidget(notice)
    window.workspace.settings_saved.connect(lambda: _saved(notice, window.db))
    return notice


def _saved(notice: QPushButton, db) -> None:
    from hotline.settings import Settings
    from hotline.store.db import StoreError

    try:
        text = notice_text(Settings.load(db))
    except StoreError:
        return
    notice.setText(text)
    notice.setVisible(bool(text))


def open_holidays(window) -> None:
    """Show the administration screen's settings with the cursor on the holiday date."""
    workspace = window.workspace
    if workspace.admin is None or "admin" not in workspace.keys or window.is_locked():
        return  # locked: the notice stays in the status bar, but the screens stay hidden
    workspace.nav.setCurrentIndex(workspace.keys.index("admin"))
    show_holidays(workspace.admin.show_page)


def show_holidays(show_page: Callable[[str], QWidget]) -> None:
    page = show_page("settings")
    page.holiday_date.setFocus()
