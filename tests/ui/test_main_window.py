"""pytest-qt flows of the main window and of the program's start: screens by role, menus, sign-out, errors."""

from __future__ import annotations

import io
import logging
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QMessageBox, QTableWidget, QWidget

from hotline import app as hotline_app
from hotline import logs, paths
from hotline.demo import DEMO_ACCOUNTS, DEMO_PASSWORD
from hotline.ui.login import FirstAdminDialog, LoginDialog
from hotline.ui.main_window import MainWindow, ShortcutsDialog, ui_state

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def open_window(qtbot, db, settings):
    """``open_window(user, demo=False)`` shows a main window for ``user``."""

    def open_(user, *, demo: bool = False) -> MainWindow:
        window = MainWindow(db, user, settings, "pc-test", demo=demo)
        qtbot.addWidget(window)
        window.start_session()
        qtbot.waitExposed(window)
        return window

    return open_


@pytest.fixture
def message_boxes(monkeypatch):
    """Every QMessageBox.critical/information/warning is recorded as (title, text) instead of shown."""
    shown: list[tuple[str, str]] = []

    def record(_parent, title, text, *_args, **_kwargs):
        shown.append((title, text))
        return QMessageBox.StandardButton.Ok

    for name in ("critical", "information", "warning"):
        monkeypatch.setattr(QMessageBox, name, record)
    return shown


def test_operator_gets_the_live_call_screen(open_window, make_user):
    """An operator's window holds the call screen, titled with their name, with a Call menu."""
    window = open_window(make_user("tongdai1", ["operator"], "Nguyễn Văn An"))
    assert window.findChild(QWidget, "callScreen") is not None
    assert window.findChild(QWidget, "comingSoonPage") is None
    assert window.windowTitle() == "Hotline — Nguyễn Văn An"
    assert [m.title() for m in window.menus] == ["&File", "&Call", "&View", "&Help"]  # View: My calls (Ctrl+2)


def test_admin_only_user_gets_administration_and_the_audit_log(open_window, make_user):
    """An administrator has no call screen: the administration screen and the audit log, with a View menu."""
    window = open_window(make_user("quantri", ["admin"], "Quản trị viên"))
    assert window.findChild(QWidget, "callScreen") is None
    assert window.workspace.keys == ["admin", "stats", "audit"]
    admin = window.findChild(QWidget, "adminScreen")
    assert list(admin.pages) == ["users", "lines", "categories", "settings", "backups"]
    assert [m.title() for m in window.menus] == ["&File", "&View", "&Help"]


def test_switching_screens_with_ctrl_number_puts_the_focus_in_the_screens_table(qtbot, open_window, make_user):
    """Ctrl+1…5 leave the keyboard focus in the shown screen's main table, so ↓ and Enter work without a click."""
    from PySide6.QtWidgets import QAbstractItemView

    window = open_window(make_user("truongca", ["shift_lead", "operator"], "Trưởng ca"))
    space = window.workspace
    for action, key in zip(space.screen_actions(), space.keys, strict=False):
        if key == "call":
            continue
        assert action.shortcut().toString().startswith("Ctrl+")
        action.trigger()  # what the shortcut does (offscreen windows are never active, so keys reach no shortcut)
        screen = space.stack.currentWidget()
        assert space.keys[space.stack.currentIndex()] == key
        qtbot.waitUntil(lambda s=screen: s.isAncestorOf(window.focusWidget()), timeout=2000)
        if key in ("log", "queue", "mine", "overdue", "open"):
            assert isinstance(window.focusWidget(), QAbstractItemView), key


def test_help_dialog_lists_every_menu_action_with_its_shortcut(qtbot, open_window, make_user):
    """F1's dialog lists the window's and the call screen's actions with their keys."""
    window = open_window(make_user("tongdai1", ["operator"]))
    seen: list[list[tuple[str, str]]] = []

    def read_and_close() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, ShortcutsDialog):
            seen.append(dialog.rows())
            dialog.reject()
        else:
            QTimer.singleShot(20, read_and_close)

    QTimer.singleShot(0, read_and_close)
    window.shortcuts_action.trigger()
    rows = dict(seen[0])
    assert rows["Sign out"] == ""  # no key one Shift away from Ctrl+L (the phone number): the menu only
    assert rows["Quit"] == "Ctrl+Q"
    assert rows["Keyboard shortcuts"] == "F1"
    for action in window.call_screen.actions():
        if action.shortcut().toString():
            assert action.shortcut().toString() in " ".join(rows.values())


def test_status_bar_names_the_user_and_a_demo(open_window, make_user):
    """The user's name and roles, and DEMO for a demo database, stay in the status bar."""
    window = open_window(make_user("truongca", ["shift_lead", "operator"], "Trần Thị Mai"), demo=True)
    assert window.findChild(QLabel, "statusUser").text() == "Trần Thị Mai · Shift lead, Operator"
    assert window.findChild(QLabel, "statusDemo").text() == "DEMO — sample data"


def test_menus_read_vietnamese(qtbot, vietnamese, open_window, make_user):
    """With the Vietnamese translation the menus are Tệp, Cuộc gọi, Màn hình, Trợ giúp."""
    window = open_window(make_user("tongdai1", ["operator"]))
    assert [m.title() for m in window.menus] == ["&Tệp", "&Cuộc gọi", "&Màn hình", "Trợ &giúp"]
    assert window.sign_out_action.text() == "Đăng &xuất"


def test_sign_out_ends_the_session_and_keeps_the_window_geometry(qtbot, open_window, make_user):
    """Sign out closes the window with closed(True); its size is remembered for next time."""
    window = open_window(make_user("tongdai1", ["operator"]))
    window.resize(1000, 700)
    with qtbot.waitSignal(window.closed) as ended:
        window.sign_out_action.trigger()
    assert ended.args == [True]
    assert not window.isVisible()
    assert ui_state().value("mainWindow/geometry") is not None


def test_signing_out_with_a_call_being_typed_keeps_it_as_a_draft(
    qtbot, open_window, make_user, message_boxes, db, monkeypatch
):
    """Sign out in the middle of a call, confirmed: the call is kept as a draft, and it is offered back."""
    monkeypatch.setattr(QMessageBox, "question", lambda *_a, **_k: QMessageBox.StandardButton.Yes)
    from hotline.store import drafts

    user = make_user("tongdai1", ["operator"])
    window = open_window(user)
    window.call_screen.new_call()
    window.call_screen.form.phone_edit.setText("0912345678")
    window.call_screen.form.summary_edit.setPlainText("Trẻ đang kể chuyện.")
    with qtbot.waitSignal(window.closed):
        window.sign_out_action.trigger()
    assert message_boxes == []  # the question before said so
    [draft] = drafts.load_drafts(db, user.id, "pc-test")
    assert draft.state["form"]["summary"] == "Trẻ đang kể chuyện."


def test_quit_ends_the_session_without_signing_out(qtbot, open_window, make_user):
    """Quit closes the window with closed(False): the program ends."""
    window = open_window(make_user("quantri", ["admin"]))
    with qtbot.waitSignal(window.closed) as ended:
        window.quit_action.trigger()
    assert ended.args == [False]


# --- the program's start ---


def test_unknown_argument_exits_2_with_one_line():
    """`python main.py --bogus`: one clear line on stderr, exit status 2, no window, no traceback."""
    done = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "--bogus"], capture_output=True, text=True, timeout=60, check=False
    )
    assert done.returncode == 2
    lines = [line for line in done.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and "--bogus" in lines[0]
    assert "Traceback" not in done.stderr


def test_arguments_are_read():
    """--db, --demo and --lang; --db and --demo together are refused."""
    options = hotline_app.parse_args(["--db", "x.sqlite3", "--lang", "en"])
    assert options == hotline_app.Options(db=Path("x.sqlite3"), demo=False, lang="en")
    assert hotline_app.parse_args([]).lang == "vi"
    with pytest.raises(SystemExit) as refused:
        hotline_app.parse_args(["--db", "x", "--demo"])
    assert refused.value.code == 2


def test_damaged_database_shows_a_message_and_returns_1(tmp_path, message_boxes):
    """A file that is not a database: a clear message box in the interface's language and exit 1, no traceback."""
    damaged = tmp_path / "hotline.sqlite3"
    damaged.write_bytes(b"this is not an SQLite file\n" * 200)
    assert hotline_app.start(hotline_app.Options(db=damaged)) == 1
    assert len(message_boxes) == 1
    _title, text = message_boxes[0]
    assert "damaged" in text and "hỏng" not in text  # English here: no translator is installed by start()
    assert "Traceback" not in text


class Script:
    """Plays a person at the dialogs of a running start(): each step waits for a visible top-level widget of
    a class and acts on it. A step that never comes closes everything (the test then fails, it does not hang)."""

    def __init__(self, steps, timeout: float = 10.0):
        self.steps = list(steps)
        self.done: list[str] = []
        self.deadline = time.monotonic() + timeout
        QTimer.singleShot(0, self._poll)

    def _poll(self) -> None:
        if not self.steps:
            return
        cls, act = self.steps[0]
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, cls) and widget.isVisible() and id(widget) not in self.done:
                self.steps.pop(0)
                self.done.append(id(widget))
                act(widget)
                break
        else:
            if time.monotonic() > self.deadline:
                for widget in QApplication.topLevelWidgets():
                    if widget.isVisible():
                        widget.close()
                return
        QTimer.singleShot(20, self._poll)


def _sign_in(username: str, password: str):
    def act(dialog: LoginDialog) -> None:
        dialog.findChild(QLineEdit, "usernameEdit").setText(username)
        dialog.findChild(QLineEdit, "passwordEdit").setText(password)
        dialog.sign_in_button.click()

    return act


def test_first_run_asks_for_the_administrator_then_signs_in_and_out(tmp_path, message_boxes):
    """New database: first administrator → sign-in (username filled) → window → sign out → sign-in again → quit."""
    path = tmp_path / "new.sqlite3"
    seen: dict[str, object] = {}

    def create_admin(dialog: FirstAdminDialog) -> None:
        for name, text in (("usernameEdit", "quantri"), ("passwordEdit", "mat-khau-dai"),
                           ("repeatPasswordEdit", "mat-khau-dai")):  # fmt: skip
            dialog.findChild(QLineEdit, name).setText(text)
        dialog.operator_check.setChecked(True)
        dialog.create_button.click()

    def sign_in_prefilled(dialog: LoginDialog) -> None:
        seen["prefilled"] = dialog.findChild(QLineEdit, "usernameEdit").text()
        _sign_in("quantri", "mat-khau-dai")(dialog)

    def sign_out(window: MainWindow) -> None:
        seen["call screen"] = window.findChild(QWidget, "callScreen") is not None
        window.sign_out_action.trigger()

    script = Script([
        (FirstAdminDialog, create_admin),
        (LoginDialog, sign_in_prefilled),
        (MainWindow, sign_out),
        (LoginDialog, lambda dialog: dialog.reject()),
    ])  # fmt: skip
    assert hotline_app.start(hotline_app.Options(db=path)) == 0
    assert not script.steps, "the flow stopped early"
    assert seen == {"prefilled": "quantri", "call screen": True}
    assert message_boxes == []


def test_demo_start_builds_a_throwaway_database_and_lists_its_accounts(tmp_path, monkeypatch):
    """--demo: accounts listed on the sign-in screen, their password works, the temporary folder goes at the end."""
    monkeypatch.setattr(hotline_app, "DEMO_CALLS", 200)  # the size of the demo, not its behaviour
    seen: dict[str, object] = {}

    def look_and_sign_in(dialog: LoginDialog) -> None:
        view = dialog.findChild(QTableWidget, "demoAccountsView")
        seen["accounts"] = [view.item(row, 0).text() for row in range(view.rowCount())]
        _sign_in("tongdai1", DEMO_PASSWORD)(dialog)

    def look_and_quit(window: MainWindow) -> None:
        seen["demo label"] = window.findChild(QLabel, "statusDemo") is not None
        seen["folder"] = hotline_app.Path(window._db_path).parent
        window.quit_action.trigger()

    script = Script([(LoginDialog, look_and_sign_in), (MainWindow, look_and_quit)], timeout=30)
    assert hotline_app.start(hotline_app.Options(demo=True)) == 0
    assert not script.steps, "the flow stopped early"
    assert seen["accounts"] == [a[0] for a in DEMO_ACCOUNTS]
    assert seen["demo label"] is True
    assert not seen["folder"].exists()
    assert not paths.default_db_path().exists()  # the real database is never created by a demo


def test_unexpected_error_shows_a_short_message_and_logs_no_personal_data(message_boxes):
    """The excepthook logs the error's place and type through the private formatter, never its message,
    and shows a short box without a traceback."""
    written = io.StringIO()
    handler = logging.StreamHandler(written)
    handler.setFormatter(logs._PrivateFormatter("%(levelname)s %(name)s: %(message)s"))
    logger = logging.getLogger("hotline.app")
    logger.addHandler(handler)
    typed = "Nguyễn Thị Hoa, 12 tuổi, bị đánh"  # personal data reaches errors through values, not source lines
    try:
        raise ValueError(typed)
    except ValueError:
        hotline_app.make_excepthook()(*sys.exc_info())
    finally:
        logger.removeHandler(handler)
    assert len(message_boxes) == 1
    _title, text = message_boxes[0]
    assert "unexpected error" in text and "drafts" in text
    assert "Traceback" not in text and "Nguyễn" not in text
    assert "ValueError" in written.getvalue() and "test_main_window.py" in written.getvalue()
    assert "Nguyễn" not in written.getvalue()
