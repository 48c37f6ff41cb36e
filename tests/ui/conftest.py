"""Fixtures of the GUI tests: a fresh SQLite file per test, users, and the interface language."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox

from hotline.core.models import User
from hotline.i18n import install_translator, remove_translators
from hotline.settings import Settings
from hotline.store import users
from hotline.store.access import COMMAND_LINE
from hotline.store.db import open_database

PASSWORD = "dung-mat-khau"


@pytest.fixture
def db(tmp_path):
    """A new, migrated database file in this test's folder."""
    database = open_database(tmp_path / "hotline.sqlite3")
    yield database
    database.close()


@pytest.fixture
def settings(db):
    return Settings.load(db)


@pytest.fixture
def password() -> str:
    """The password of every user made by ``make_user``."""
    return PASSWORD


@pytest.fixture
def make_user(db):
    """``make_user("an", ["operator"])`` adds a user whose password is PASSWORD."""

    def make(username: str, roles, display_name: str = "") -> User:
        return users.add_user(db, username, display_name or username, roles, PASSWORD, by=COMMAND_LINE)

    return make


@pytest.fixture(autouse=True)
def english(qapp):
    """GUI tests read the English source strings unless they ask for Vietnamese (``vietnamese`` fixture)."""
    remove_translators(qapp)
    install_translator(qapp, "en")
    yield
    remove_translators(qapp)


@pytest.fixture
def vietnamese(qapp):
    install_translator(qapp, "vi")
    yield
    install_translator(qapp, "en")


@pytest.fixture(autouse=True)
def _no_quit_on_last_window(qapp: QApplication):
    # as in the program: dialogs come and go, Qt must not end the event loop between them
    qapp.setQuitOnLastWindowClosed(False)


@pytest.fixture
def keep_typed_calls(monkeypatch):
    """Closing a window at a test's end with a call typed asks first: yes, keep it as a draft."""
    monkeypatch.setattr(QMessageBox, "question", lambda *_a, **_k: QMessageBox.StandardButton.Yes)


@pytest.fixture
def open_call_screen(qtbot, db):
    """``open_call_screen(user, workstation)``: the live-call screen in a window of its own at 1366×768, its keys on
    the window as the main window puts them, active; the windows live until the test ends."""
    from PySide6.QtWidgets import QMainWindow

    from hotline.ui.call_screen import CallScreen

    windows: list[QMainWindow] = []

    def open_(user, workstation: str = "pc-test") -> CallScreen:
        window = QMainWindow()
        windows.append(window)
        screen = CallScreen(db, user, Settings.load(db), workstation, lang="en")
        window.setCentralWidget(screen)
        for action in screen.actions():
            window.addAction(action)
        qtbot.addWidget(window)
        window.resize(1366, 768)
        window.show()
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)
        return screen

    yield open_
    windows.clear()


@pytest.fixture
def open_dialog(qtbot, db):
    """``open_dialog(user, call_id)`` shows the call edit dialog as the daily log does; closed at the end without
    asking."""
    from hotline.ui.call_edit_dialog import CallEditDialog

    opened: list[CallEditDialog] = []

    def open_(user, call_id: int) -> CallEditDialog:
        dialog = CallEditDialog(db, user, call_id, Settings.load(db), "en")
        opened.append(dialog)  # not qtbot.addWidget: its close() would ask about an edit a test left unsaved
        dialog.show()
        dialog.activateWindow()
        qtbot.waitUntil(dialog.isActiveWindow)
        return dialog

    yield open_
    for dialog in opened:
        dialog.done(0)  # closes without reject(), which asks about unsaved changes
        dialog.deleteLater()


@pytest.fixture
def program_font(qapp):
    """The program's font (apply_style picks a family that carries Vietnamese, 10 pt), put back afterwards."""
    from PySide6.QtGui import QFont, QFontDatabase

    before = qapp.font()
    family = next((f for f in ("Noto Sans", "DejaVu Sans") if f in QFontDatabase.families()), before.family())
    font = QFont(family)
    font.setPointSize(10)
    qapp.setFont(font)
    yield
    qapp.setFont(before)
