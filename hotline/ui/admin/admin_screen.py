"""The administration screen: one tab per part the user's roles allow, each read when first shown."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from hotline.core import permissions
from hotline.core.models import User
from hotline.settings import Settings
from hotline.store.db import StoreError
from hotline.ui.admin.backups_page import BackupsPage
from hotline.ui.admin.categories_page import CategoriesPage
from hotline.ui.admin.holiday_warning import HolidayBanner, show_holidays
from hotline.ui.admin.lines_page import LinesPage
from hotline.ui.admin.settings_page import SettingsPage
from hotline.ui.admin.users_page import UsersPage


class AdminScreen(QWidget):
    """Users, lines, categories, centre settings and backups."""

    status_message = Signal(str, int)
    restore_requested = Signal(Path)
    settings_saved = Signal()

    def __init__(self, db, user: User, lang: str, db_path: Path | str | None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("adminScreen")
        self.db = db
        # the holidays of the year, and from December those of the next, before the plan clock needs them
        self.holiday_banner = HolidayBanner(self)
        self.holiday_banner.open_requested.connect(lambda: show_holidays(self.show_page))
        self.tabs = QTabWidget(self, objectName="adminTabs")
        self.tabs.setAccessibleName(self.tr("Administration"))
        self.pages: dict[str, QWidget] = {}
        self._loaded: set[int] = set()
        if permissions.can(user, permissions.ADMIN_USERS):
            self._add("users", UsersPage(db, user, self), self.tr("&Users"))
        if permissions.can(user, permissions.ADMIN_LINES):
            self._add("lines", LinesPage(db, user, self), self.tr("&Lines"))
        if permissions.can(user, permissions.ADMIN_CATEGORIES):
            self._add("categories", CategoriesPage(db, user, lang, self), self.tr("Cate&gories"))
        if permissions.can(user, permissions.ADMIN_SETTINGS):
            page = SettingsPage(db, user, self)
            page.settings_saved.connect(self.settings_saved)
            page.settings_saved.connect(self.refresh_holiday_banner)
            self._add("settings", page, self.tr("Se&ttings"))
        if permissions.can(user, permissions.ADMIN_BACKUP):
            page = BackupsPage(db, user, db_path, self)
            page.restore_requested.connect(self.restore_requested)
            self._add("backups", page, self.tr("&Backups"))
        self.tabs.currentChanged.connect(self._changed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.holiday_banner)
        layout.addWidget(self.tabs)

    def _add(self, key: str, page: QWidget, title: str) -> None:
        self.pages[key] = page
        self.tabs.addTab(page, title)

    def is_empty(self) -> bool:
        return not self.pages

    def show_page(self, key: str) -> QWidget:
        page = self.pages[key]
        self.tabs.setCurrentWidget(page)
        self._load(self.tabs.currentIndex())
        return page

    def reload(self) -> None:
        """Called by the workspace when the screen is shown: read the current tab (once; Refresh reads again)."""
        self.refresh_holiday_banner()
        self._load(self.tabs.currentIndex())

    def refresh_holiday_banner(self) -> None:
        if "settings" not in self.pages:
            return
        try:
            self.holiday_banner.refresh(Settings.load(self.db))
        except StoreError:  # the settings page says why when opened
            self.holiday_banner.hide()

    def _changed(self, index: int) -> None:
        if self._loaded:  # the workspace asks for the first tab when the screen is first shown
            self._load(index)

    def _load(self, index: int) -> None:
        if index < 0 or index in self._loaded:
            return
        self._loaded.add(index)
        self.tabs.widget(index).reload()
