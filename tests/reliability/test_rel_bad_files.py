"""Bad files at start: a read-only or missing folder, a file held by another program, a damaged database.

Each start is the real program (`main.py`) in its own process: it must say what is wrong on its first line of
standard error (and in its box), end with a non-zero status, never print a traceback, and never hang. The box is
closed the way Ctrl+C or a polite kill does (SIGTERM), so these run on POSIX only. The damaged-database offer is
driven in-process with pytest-qt.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox

from hotline import app as hotline_app
from hotline import recovery
from hotline.core.models import Call
from hotline.core.timeutil import utcnow
from hotline.demo import build_demo
from hotline.i18n import install_translator, remove_translators
from hotline.settings import Settings
from hotline.store import backup, users
from hotline.store.access import COMMAND_LINE
from hotline.store.calls import save_call
from hotline.store.db import DamagedDatabaseError, check_file_usable, open_database
from hotline.store.draft_file import drafts_folder
from hotline.ui.main_window import MainWindow

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "ui"))  # the typing helpers of the GUI tests
from keyboard import answer_next_dialog

ROOT = Path(__file__).resolve().parents[2]
POSIX_ONLY = pytest.mark.skipif(os.name != "posix", reason="the box is closed with SIGTERM")
PR_CAPBSET_DROP, CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH = 24, 1, 2


@pytest.fixture(autouse=True)
def english(qapp):
    """The in-process flows read the English source strings."""
    remove_translators(qapp)
    install_translator(qapp, "en")
    qapp.setQuitOnLastWindowClosed(False)
    yield
    remove_translators(qapp)


# --- running the program ---------------------------------------------------------------------------------------


#: Loaded here, not in the forked child: loading a library after a fork of a threaded process may deadlock.
_LIBC = ctypes.CDLL(None, use_errno=True) if sys.platform.startswith("linux") else None


def _as_ordinary_user() -> None:
    """In the child, before exec: root ignores file permissions; without these two capabilities it obeys them,
    as the centre's user does (only the bounding set is dropped: the test process keeps its own)."""
    for capability in (CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH):
        if _LIBC.prctl(PR_CAPBSET_DROP, capability, 0, 0, 0) != 0:
            raise OSError(ctypes.get_errno(), "prctl")


def _preexec():
    if sys.platform.startswith("linux") and os.geteuid() == 0:
        return _as_ordinary_user
    if os.name == "posix" and os.geteuid() == 0:
        pytest.skip("running as root: file permissions cannot be tested on this system")
    return None


def environment(data_dir: Path) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if not key.startswith("HOTLINE_")}
    return {**env, "HOTLINE_DATA_DIR": str(data_dir), "QT_QPA_PLATFORM": "offscreen"}


@dataclass
class Running:
    process: subprocess.Popen
    stderr_file: Path

    def stderr(self) -> str:
        return self.stderr_file.read_text(encoding="utf-8", errors="replace")


def start(tmp_path: Path, name: str, args: list, data_dir: Path, *, command: str = "gui") -> Running:
    """Start the GUI (``main.py``) or the command line (``-m hotline``) with ``args``; stderr goes to a file."""
    program = [str(ROOT / "main.py")] if command == "gui" else ["-m", "hotline"]
    stderr_file = tmp_path / f"{name}.stderr"
    with stderr_file.open("w") as stderr:
        process = subprocess.Popen(
            [sys.executable, *program, *map(str, args)], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
            stderr=stderr, env=environment(data_dir), preexec_fn=_preexec(), cwd=tmp_path,
        )  # fmt: skip
    return Running(process, stderr_file)


def wait_for_line(running: Running, needle: str, timeout: float) -> str:
    """The first stderr line holding ``needle``, waiting at most ``timeout`` seconds (the program must not hang)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for line in running.stderr().splitlines():
            if needle in line:
                return line
        if running.process.poll() is not None and needle not in running.stderr():
            break
        time.sleep(0.05)
    raise AssertionError(f"no line with {needle!r} within {timeout} s; stderr:\n{running.stderr()}")


def close_boxes_until_exit(running: Running, timeout: float = 20) -> int:
    """Close whatever box is open (SIGTERM closes the windows as Ctrl+C does) until the program ends; its status."""
    try:
        deadline = time.monotonic() + timeout
        while running.process.poll() is None and time.monotonic() < deadline:
            running.process.send_signal(signal.SIGTERM)
            with contextlib.suppress(subprocess.TimeoutExpired):
                running.process.wait(0.5)
        assert running.process.poll() is not None, "the program did not end"
        return running.process.returncode
    finally:
        if running.process.poll() is None:
            running.process.kill()
            running.process.wait(10)


def assert_clear_failure(running: Running, needle: str, *, timeout: float = 15) -> str:
    """A start that says ``needle`` on stderr, ends non-zero and prints no traceback; the line said."""
    line = wait_for_line(running, needle, timeout)
    status = close_boxes_until_exit(running)
    stderr = running.stderr()
    assert status not in (0, None) and status > 0, f"exit status {status}; stderr:\n{stderr}"
    assert "Traceback" not in stderr, stderr
    assert line.startswith("hotline: lỗi / error: "), line
    return line


def assert_nothing_unexpected(data_dir: Path) -> None:
    """The log has no "unexpected error" (the excepthook logs any exception the program did not expect)."""
    log = data_dir / "logs" / "hotline.log"
    assert "unexpected error" not in (log.read_text(encoding="utf-8") if log.exists() else "")


@contextlib.contextmanager
def read_only(folder: Path):
    folder.chmod(0o555)
    try:
        yield folder
    finally:
        folder.chmod(0o755)


def make_database(path: Path) -> None:
    db = open_database(path)
    users.add_user(db, "quantri", "Quản trị", ["admin"], "mat-khau-dai-1", by=COMMAND_LINE)
    db.close()


# --- a read-only or missing folder -------------------------------------------------------------------------------


@POSIX_ONLY
@pytest.mark.parametrize(
    "case",
    ["folder read-only, database in it", "folder read-only, no database yet", "database file read-only"],
)
def test_read_only_folder_or_file_is_named_at_start(tmp_path, case):
    """A read-only data folder (with or without the database) or database file: one clear line, non-zero exit."""
    folder, data_dir = tmp_path / "data", tmp_path / "logs-here"
    folder.mkdir()
    db_path = folder / "hotline.sqlite3"
    if case != "folder read-only, no database yet":
        make_database(db_path)
    expected = {
        "folder read-only, database in it": "The data folder is read-only",
        "folder read-only, no database yet": "The data folder is read-only: the database file cannot be created",
        "database file read-only": "The database file is read-only",
    }[case]
    with read_only(db_path if case == "database file read-only" else folder):
        running = start(tmp_path, "gui", ["--db", db_path], data_dir)
        line = assert_clear_failure(running, expected)
        if case != "folder read-only, no database yet":
            check = start(tmp_path, "check", ["check", "--db", db_path], data_dir, command="cli")
            check.process.wait(30)
    assert "Không" in line or "Thư mục" in line, "Vietnamese first"
    assert_nothing_unexpected(data_dir)
    if case == "folder read-only, database in it":  # SQLite cannot open a WAL file whose folder it cannot write
        [error] = check.stderr().splitlines()
        assert check.process.returncode == 1 and "The data folder is read-only" in error, error
    elif case == "database file read-only":  # check judges the contents, which are sound: it reads them fine
        assert check.process.returncode == 0 and check.stderr() == ""


@POSIX_ONLY
def test_missing_data_folder_that_cannot_be_created_is_named_at_start(tmp_path):
    """The default data folder is missing and its parent is read-only: one clear line, non-zero exit, no hang."""
    parent = tmp_path / "profile"
    parent.mkdir()
    with read_only(parent):
        running = start(tmp_path, "gui", [], parent / "Hotline")  # no --db: the default database
        line = assert_clear_failure(running, "No permission to create the data folder")
    assert str(parent / "Hotline") in line
    nowhere = tmp_path / "nowhere" / "hotline.sqlite3"
    check = start(tmp_path, "check", ["check", "--db", nowhere], tmp_path, command="cli")
    assert check.process.wait(30) == 1 and "No such file" in check.stderr() and len(check.stderr().splitlines()) == 1


# --- a file held by another program ------------------------------------------------------------------------------


@POSIX_ONLY
def test_database_held_by_another_program_is_named_at_start_without_hanging(tmp_path):
    """A file held in exclusive locking mode, and one held in a write transaction: the program says another
    program holds it within seconds; `hotline check` says so in one line too."""
    data_dir = tmp_path / "data"
    holders, runs = [], []
    for name, exclusive_mode in (("exclusive", True), ("writing", False)):
        path = tmp_path / f"{name}.sqlite3"
        make_database(path)
        holder = sqlite3.connect(path, isolation_level=None)
        if exclusive_mode:
            holder.execute("PRAGMA locking_mode = EXCLUSIVE")
        holder.execute("BEGIN EXCLUSIVE")
        holder.execute("SELECT count(*) FROM calls").fetchone()
        holders.append(holder)
        runs.append(start(tmp_path, name, ["--db", path], data_dir))
    check = start(tmp_path, "check", ["check", "--db", tmp_path / "exclusive.sqlite3"], data_dir, command="cli")
    try:
        began = time.monotonic()
        for running in runs:
            line = assert_clear_failure(running, "Another program is holding the database file", timeout=20)
            assert "Một chương trình khác" in line
        assert time.monotonic() - began < 15, "said within seconds"
        assert check.process.wait(60) == 1
        [error] = check.stderr().splitlines()
        assert "another program may be holding the file" in error and "Traceback" not in error
    finally:
        for holder in holders:
            holder.close()
        if check.process.poll() is None:
            check.process.kill()
    assert_nothing_unexpected(data_dir)


# --- a damaged database ------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def demo_template(tmp_path_factory) -> Path:
    """A small demo database (accounts, calls with children and categories, cases), built once for the module."""
    path = tmp_path_factory.mktemp("bad-files-demo") / "hotline.sqlite3"
    db = open_database(path)
    build_demo(db, calls=400, seed=11, end_day=date(2026, 2, 28))
    db.close()
    return path


@pytest.fixture
def damaged(demo_template, tmp_path):
    """A database with a backup taken, one call saved after it, then a page of calls in the middle overwritten:
    the file opens and signs in as usual, and only a check (or reading those calls) meets the damage."""
    path = tmp_path / "hotline.sqlite3"
    shutil.copyfile(demo_template, path)
    info = backup.take_backup(path, tmp_path / "backups", kind="daily", actor=None)
    db = open_database(path)
    operator = users.find_user(db, "tongdai1")
    save_call(db, Call(line="111", started_at=utcnow(), operator_id=operator.id, outcome="silent", uuid="after"))
    db.close()
    overwrite_a_page_that_opens(path)
    return path, info


def overwrite_a_page_that_opens(path: Path) -> None:
    """Random bytes over one page, from the middle of the file on, at the first page whose damage leaves the file
    opening and signing in as usual (a page of the schema would stop the start: another case, tested below)."""
    sound = path.read_bytes()
    pages = len(sound) // 4096
    for page in range(pages // 2, pages):
        damaged = bytearray(sound)
        damaged[page * 4096 : (page + 1) * 4096] = random.Random(page).randbytes(4096)
        path.write_bytes(damaged)
        if backup.find_damage(path) is None:
            continue
        try:
            check_file_usable(path)
            db = open_database(path)
        except DamagedDatabaseError:
            continue
        try:
            users.count_users(db)
            users.find_user(db, "tongdai1")
        except (DamagedDatabaseError, sqlite3.DatabaseError):
            continue
        finally:
            db.close()
        return
    raise AssertionError("no page in the second half of the file could be damaged without stopping the start")


def overwrite_header(path: Path) -> None:
    with path.open("r+b") as handle:
        handle.write(b"\xff" * 100)


class DialogScript:
    """Answers the program's modal windows while ``hotline.app.start`` runs in this process: each handler gets
    the active modal window and returns True once it acted on it."""

    def __init__(self, handlers):
        self.handlers, self.seen = handlers, []
        self.timer = QTimer(interval=30, timeout=self._look)
        self.timer.start()
        self._last = None

    def _look(self) -> None:
        window = QApplication.activeModalWidget()
        if window is None or window is self._last:
            return
        for handler in self.handlers:
            if handler(window):
                self._last = window
                self.seen.append((type(window).__name__, window.windowTitle(), getattr(window, "text", str)()))
                return

    def stop(self) -> None:
        self.timer.stop()


def click(box: QMessageBox, text: str) -> None:
    [button] = [b for b in box.buttons() if b.text().replace("&", "") == text]
    button.click()


def calls_with_uuid(path: Path, uuid: str) -> int:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT count(*) FROM calls WHERE uuid = ?", [uuid]).fetchone()[0]
    finally:
        conn.close()


def test_damage_found_after_the_start_offers_the_latest_backup_over_the_sign_in(qtbot, damaged):
    """Middle damage opens fine, the check after the start finds it and offers the backup by date and time;
    Restore keeps the damaged file as a copy and reopens the backup; then the sign-in comes again."""
    path, info = damaged
    restored: list[bool] = []
    over: list[str] = []

    def offer(window) -> bool:
        if window.objectName() != "restoreOfferBox":
            return False
        over.append(type(window.parentWidget()).__name__)
        click(window, "Restore")
        return True

    def restored_box(window) -> bool:
        if not isinstance(window, QMessageBox) or window.windowTitle() != "Backup restored":
            return False
        restored.append(True)
        click(window, "OK")
        return True

    def sign_in(window) -> bool:
        if type(window).__name__ != "LoginDialog" or not restored:
            return False  # the first sign-in waits: the offer comes over it
        window.reject()
        return True

    script = DialogScript([offer, restored_box, sign_in])
    try:
        status = hotline_app.start(hotline_app.Options(db=path))
    finally:
        script.stop()
    assert status == 0
    assert over == ["LoginDialog"], "found by the check after the start, while the sign-in waited"
    titles = [title for _kind, title, _text in script.seen]
    assert titles[:2] == ["Hotline — the database is damaged", "Backup restored"], titles
    offer_text = script.seen[0][2]
    assert hotline_app_format(info) in offer_text, "the offer names the backup's date and time"
    assert backup.find_damage(path) is None
    assert calls_with_uuid(path, "after") == 0, "the database is the backup's"
    [kept] = [i for i in backup.list_backups(path.parent / "backups") if i.kind == "before-restore"]
    assert backup.find_damage(kept.path) is not None, "the damaged file is kept as it was"


def hotline_app_format(info) -> str:
    from hotline.core.timeutil import format_local

    return format_local(info.taken_at)


def test_a_file_too_damaged_to_open_offers_the_backup_and_not_now_quits_saying_why(qtbot, damaged):
    """A damaged header: the offer comes before any sign-in; Not now leaves the file as it is and quits (status 1)
    after saying to note calls on paper and call the administrator."""
    path, _info = damaged
    overwrite_header(path)
    before = path.read_bytes()

    def offer(window) -> bool:
        if window.objectName() != "restoreOfferBox":
            return False
        click(window, "Not now")
        return True

    def closing(window) -> bool:
        if not isinstance(window, QMessageBox) or window.windowTitle() != "Hotline closes":
            return False
        click(window, "OK")
        return True

    script = DialogScript([offer, closing])
    try:
        status = hotline_app.start(hotline_app.Options(db=path))
    finally:
        script.stop()
    assert status == 1
    assert [title for _k, title, _t in script.seen] == ["Hotline — the database is damaged", "Hotline closes"]
    assert "call the administrator" in script.seen[1][2]
    assert path.read_bytes() == before


@POSIX_ONLY
def test_damaged_file_without_a_backup_is_named_at_start_and_by_check(tmp_path, damaged):
    """The real program on a file it cannot open and no backup: one clear line, a non-zero exit, no traceback;
    `hotline check` on a file damaged in the middle: one line naming the problems, exit 1."""
    path, info = damaged
    middle = tmp_path / "middle.sqlite3"
    shutil.copyfile(path, middle)
    info.path.unlink()
    overwrite_header(path)
    data_dir = tmp_path / "data"
    running = start(tmp_path, "gui", ["--db", path], data_dir)
    check = start(tmp_path, "check", ["check", "--db", middle], data_dir, command="cli")
    line = assert_clear_failure(running, "The database file is damaged")
    assert "Tệp cơ sở dữ liệu bị hỏng" in line
    assert check.process.wait(30) == 1
    [error] = check.stderr().splitlines()
    assert "the database has problems" in error or "The database file is damaged" in error, error
    assert_nothing_unexpected(data_dir)


def test_a_save_that_meets_damage_offers_the_backup_and_the_call_comes_back_after_it(qtbot, damaged):
    """Mid-session a save meets a damaged page: "not saved" with the form intact, the offer; Restore ends the
    session, the backup replaces the file, and at the next sign-in the call typed is offered back whole."""
    path, _info = damaged
    shutil.copyfile(damaged[1].path, path)  # start from a sound file: the damage comes during the session
    store = hotline_app.Store(open_database(path), path)
    user = users.find_user(store.db, "tongdai1")
    typed: dict = {}

    def type_then_save() -> None:
        screen = store.window.call_screen
        screen.new_call()
        screen.form.phone_edit.setText("0912 345 678")
        screen.form.categories.set_codes(["counselling.mental_health"])
        screen.form.service_radios["counselling"].setChecked(True)
        screen.form.summary_edit.setPlainText("Em học sinh lớp 9 buồn vì bị bạn bè cô lập.")
        typed.update(screen.form.state())
        damage_the_calls_table(store.db, path)
        screen.save()

    def not_saved(window) -> bool:
        if not isinstance(window, QMessageBox) or window.windowTitle() != "Not saved":
            return False
        assert store.window.call_screen.form.state() == typed
        click(window, "OK")
        return True

    def offer(window) -> bool:
        if window.objectName() != "restoreOfferBox":
            return False
        click(window, "Restore")
        return True

    def restored_box(window) -> bool:
        if not isinstance(window, QMessageBox) or window.windowTitle() != "Backup restored":
            return False
        click(window, "OK")
        return True

    QTimer.singleShot(200, type_then_save)
    script = DialogScript([not_saved, offer, restored_box])
    try:
        end = hotline_app.run_main_window(store, user, Settings.load(store.db))
        assert end.restore_path == damaged[1].path and store.damage_restore == end.restore_path
        recovery.restore_database(store, end.restore_path, user, after_damage=True)
    finally:
        script.stop()
    assert [title for _k, title, _t in script.seen] == [
        "Not saved", "Hotline — the database is damaged", "Backup restored",
    ]  # fmt: skip
    assert backup.find_damage(path) is None and store.damage is None

    try:  # the next sign-in: the call is offered back from its file
        window = MainWindow(store.db, user, Settings.load(store.db), hotline_app.workstation_name())
        qtbot.addWidget(window)
        answer_next_dialog("Open it")
        window.start_session()
        qtbot.waitUntil(lambda: window.call_screen.form.state() == typed, timeout=3000)
        window.call_screen.save()
        assert store.db.execute("SELECT count(*) FROM calls WHERE summary = ?", [typed["summary"]]).fetchone()[0] == 1
        assert not list(drafts_folder(path).glob("*.json"))
    finally:
        store.close()


def damage_the_calls_table(db, path: Path) -> None:
    """Overwrite the first page of the calls table in the file, and make the open connection read it again."""
    db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # every page in the file itself, none in the WAL
    root = db.conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'calls'").fetchone()[0]
    with path.open("r+b") as handle:
        handle.seek((root - 1) * 4096)
        handle.write(random.Random(root).randbytes(4096))
    other = sqlite3.connect(path, isolation_level=None)  # a change by another connection empties the page cache
    try:
        version = other.execute("PRAGMA user_version").fetchone()[0]
        other.execute(f"PRAGMA user_version = {version}")
    finally:
        other.close()


def test_not_now_during_a_session_goes_on_with_a_lasting_warning_and_the_call_on_screen(qtbot, damaged):
    """Mid-session, "Not now" keeps the session: the call stays on screen, a warning stays in the status bar, and
    the next save that meets the damage offers the backup again."""
    path, _info = damaged
    shutil.copyfile(damaged[1].path, path)
    store = hotline_app.Store(open_database(path), path)
    user = users.find_user(store.db, "tongdai1")
    offers: list[str] = []
    after: dict = {}

    def type_then_save() -> None:
        screen = store.window.call_screen
        screen.new_call()
        screen.form.categories.set_codes(["counselling.mental_health"])
        screen.form.service_radios["counselling"].setChecked(True)
        screen.form.summary_edit.setPlainText("Em muốn được nói chuyện với ai đó.")
        damage_the_calls_table(store.db, path)
        screen.save()
        after["warning"] = store.window.findChild(QLabel, "statusDatabaseWarning").text()
        after["summary"] = screen.form.summary_edit.toPlainText()
        screen.save()  # met again: offered again
        store.window.close()

    def not_saved(window) -> bool:
        if not isinstance(window, QMessageBox) or window.windowTitle() != "Not saved":
            return False
        click(window, "OK")
        return True

    def offer(window) -> bool:
        if window.objectName() != "restoreOfferBox":
            return False
        offers.append(window.text())
        click(window, "Not now")
        return True

    def kept(window) -> bool:
        if not isinstance(window, QMessageBox) or window.windowTitle() != "Close Hotline during a call?":
            return False
        click(window, "Yes")  # the call on screen is kept as a draft
        return True

    QTimer.singleShot(200, type_then_save)
    script = DialogScript([not_saved, offer, kept])
    try:
        end = hotline_app.run_main_window(store, user, Settings.load(store.db))
    finally:
        script.stop()
        store.close()
    assert end.restore_path is None and not end.signed_out
    assert len(offers) == 2
    assert after == {"warning": "The database is damaged: save calls as usual and call the administrator (restore a "
                     "backup).", "summary": "Em muốn được nói chuyện với ai đó."}  # fmt: skip
