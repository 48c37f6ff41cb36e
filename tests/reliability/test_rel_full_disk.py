"""A full disk (PRAGMA max_page_count): a clear message, form and draft kept, the call saved once there is room."""

from __future__ import annotations

import json
import os
import stat
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QAbstractButton, QApplication, QMainWindow, QMessageBox

from hotline.core.models import Call
from hotline.core.timeutil import utcnow
from hotline.i18n import install_translator, remove_translators
from hotline.settings import Settings
from hotline.store import calls as call_store
from hotline.store import drafts as draft_store
from hotline.store import users
from hotline.store.access import COMMAND_LINE
from hotline.store.db import DiskFullError, open_database
from hotline.store.draft_file import drafts_folder
from hotline.ui.call_screen import CallScreen
from hotline.ui.main_window import MainWindow

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "ui"))  # the typing helpers of the GUI tests
from keyboard import answer_next_dialog, type_text

WORKSTATION = "pc-full"
#: A long note of a long call: more than a database page, so storing it needs new pages (which a full disk refuses).
LONG_SUMMARY = "Trẻ kể bị bố dượng đánh nhiều lần, mẹ đi làm xa, bà ngoại đang chăm sóc. " * 80


@pytest.fixture(autouse=True)
def english(qapp):
    """The screens speak their English source strings (the tests read them)."""
    remove_translators(qapp)
    install_translator(qapp, "en")
    qapp.setQuitOnLastWindowClosed(False)
    yield
    remove_translators(qapp)


@pytest.fixture
def db_path(tmp_path) -> Path:
    return tmp_path / "hotline.sqlite3"


@pytest.fixture
def db(db_path):
    database = open_database(db_path)
    yield database
    database.close()


@pytest.fixture
def operator(db):
    return users.add_user(db, "tongdai", "Tổng đài viên", ["operator"], "mat-khau-dai-1", by=COMMAND_LINE)


def fill_disk(db) -> None:
    """Make the database file unable to grow by one page: what a full disk is to SQLite (SQLITE_FULL)."""
    db.conn.execute("VACUUM")  # no free page left inside the file either
    pages = db.conn.execute("PRAGMA page_count").fetchone()[0]
    assert db.conn.execute(f"PRAGMA max_page_count = {pages}").fetchone()[0] == pages


def free_disk(db) -> None:
    db.conn.execute("PRAGMA max_page_count = 1073741823")


def call_count(db) -> int:
    return db.conn.execute("SELECT count(*) FROM calls").fetchone()[0]


def draft_rows(db) -> int:
    return db.conn.execute("SELECT count(*) FROM drafts").fetchone()[0]


def fallback_files(db_path: Path) -> list[Path]:
    folder = drafts_folder(db_path)
    return sorted(folder.glob("*.json")) if folder.is_dir() else []


class BoxWatcher(QObject):
    """Counts every message box that opens, wherever it comes from."""

    def __init__(self):
        super().__init__()
        self.shown: list[str] = []
        QApplication.instance().installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.Show and isinstance(watched, QMessageBox):
            self.shown.append(watched.windowTitle())
        return False

    def stop(self) -> None:
        QApplication.instance().removeEventFilter(self)


def read_and_click_next_box(button_text: str) -> list[tuple[str, str]]:
    """When the next message box opens, note its title and text, then click ``button_text``."""
    seen: list[tuple[str, str]] = []

    def attempt(left: int) -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            if left:
                QTimer.singleShot(20, lambda: attempt(left - 1))
            return
        seen.append((box.windowTitle(), box.text()))
        for button in box.findChildren(QAbstractButton):
            if button.text().replace("&", "") == button_text:
                button.click()
                return

    QTimer.singleShot(0, lambda: attempt(100))
    return seen


@pytest.fixture
def screen(qtbot, db, operator):
    window = QMainWindow()
    call_screen = CallScreen(db, operator, Settings.load(db), WORKSTATION, lang="en")
    window.setCentralWidget(call_screen)
    qtbot.addWidget(window)
    window.show()
    yield call_screen


def type_call(screen: CallScreen) -> None:
    """An abuse call typed as a person does (keys), with a long summary pasted at the end."""
    screen.new_call()
    form = screen.form
    type_text(form.phone_edit, "0912 345 678")
    form.categories.set_codes(["abuse.violence"])
    type_text(form.editors[0].name_edit, "Bé Hoa")
    form.risk_combo.setCurrentIndex(form.risk_combo.findData("high"))  # a report's risk has no default
    form.service_radios["intervention"].setChecked(True)
    type_text(form.summary_edit, "Cuộc gọi dài. ")
    form.summary_edit.insertPlainText(LONG_SUMMARY)


def test_saving_on_a_full_disk_says_so_keeps_everything_and_saves_once_there_is_room(qtbot, screen, db, db_path):
    """Disk full at Ctrl+S: a "disk full" box (Vietnamese first), the form intact, the draft in an owner-only file
    named by uuid only; with room again one save stores the call once and removes draft and file."""
    type_call(screen)
    typed = screen.form.state()
    fill_disk(db)

    seen = read_and_click_next_box("OK")
    screen.save()
    qtbot.waitUntil(lambda: bool(seen), timeout=3000)
    title, text = seen[0]
    assert title == "Disk full — not saved"
    assert text.startswith("The disk is full"), "the store's message comes first, in the interface's language"
    assert "The disk is full" in text and "still on screen" in text and "kept in a file" in text
    assert screen.form.state() == typed, "the form keeps every field"
    assert screen.has_unsaved()
    assert call_count(db) == 0

    [kept] = fallback_files(db_path)
    assert kept.name == f"{screen._uuid}.json"  # the call's random uuid: no name, number or note in it
    if os.name == "posix":
        assert stat.S_IMODE(kept.stat().st_mode) == 0o600
        assert stat.S_IMODE(kept.parent.stat().st_mode) == 0o700
    assert json.loads(kept.read_text(encoding="utf-8"))["state"]["form"] == typed

    free_disk(db)
    screen.save()
    assert call_count(db) == 1
    assert db.conn.execute("SELECT summary FROM calls").fetchone()[0] == typed["summary"].strip()
    assert draft_rows(db) == 0 and fallback_files(db_path) == []
    assert not screen.has_unsaved()


def test_autosave_on_a_full_disk_says_it_once_and_the_next_start_offers_the_call_back(qtbot, screen, db, db_path):
    """Autosaves on a full disk: no box, one status message, the draft only in its file; after a crash the next
    start (a new connection, room again) offers the call back from the file, and saving it removes the file."""
    messages: list[str] = []
    screen.status_message.connect(lambda text, _ms: messages.append(text))
    boxes = BoxWatcher()
    try:
        fill_disk(db)
        type_call(screen)
        qtbot.waitUntil(lambda: len(fallback_files(db_path)) == 1, timeout=3000)
        for more in (" Bé đang khóc.", " Mẹ sẽ gọi lại."):  # two more autosaves, each kept in the file
            type_text(screen.form.summary_edit, more)
            qtbot.waitUntil(lambda m=more: m in fallback_files(db_path)[0].read_text(encoding="utf-8"), timeout=3000)
    finally:
        boxes.stop()
    assert boxes.shown == [], "autosave never opens a box"
    full = [text for text in messages if "disk is full" in text]
    assert len(full) == 1, messages
    assert draft_rows(db) == 0
    typed = screen.form.state()

    # the program is killed here: nothing more is written; the next start opens its own connection
    screen._autosave_timer.stop()
    screen.window().hide()
    second = open_database(db_path)
    try:
        user = users.find_user(second, "tongdai")
        window = MainWindow(second, user, Settings.load(second), WORKSTATION)
        qtbot.addWidget(window)
        answer_next_dialog("Open it")
        window.start_session()
        again = window.call_screen
        qtbot.waitUntil(lambda: again.form.summary_edit.toPlainText() == typed["summary"], timeout=3000)
        assert again.form.state() == typed
        again.save()
        assert call_count(second) == 1
        assert fallback_files(db_path) == [] and draft_rows(second) == 0
    finally:
        second.close()


def test_store_keeps_a_refused_draft_in_a_file_and_prefers_the_newer_version(db, db_path, operator):
    """save_draft on a full disk answers with the file and DiskFullError; load_drafts offers it; a newer version
    in the database wins and removes the file; a file whose call was saved since is dropped."""
    fill_disk(db)
    kept = draft_store.save_draft(db, operator.id, WORKSTATION, "call-1", {"summary": LONG_SUMMARY}, utcnow())
    assert not kept.in_database and isinstance(kept.database_error, DiskFullError)
    assert [d.state["summary"] for d in draft_store.load_drafts(db, operator.id, WORKSTATION)] == [LONG_SUMMARY]
    assert draft_store.load_drafts(db, operator.id, "another-pc") == []

    free_disk(db)
    assert draft_store.save_draft(db, operator.id, WORKSTATION, "call-1", {"summary": "newer"}, utcnow()).in_database
    assert fallback_files(db_path) == []
    assert [d.state["summary"] for d in draft_store.load_drafts(db, operator.id, WORKSTATION)] == ["newer"]

    fill_disk(db)
    draft_store.save_draft(db, operator.id, WORKSTATION, "call-2", {"summary": LONG_SUMMARY}, utcnow())
    assert len(fallback_files(db_path)) == 1
    free_disk(db)
    # the call was saved, but the program stopped before the file was removed: the file is not offered again
    call_store.save_call(db, Call(line="111", started_at=utcnow(), operator_id=operator.id, outcome="silent",
                                  uuid="call-2"))  # fmt: skip
    assert "call-2" not in [d.key for d in draft_store.load_drafts(db, operator.id, WORKSTATION)]
    assert fallback_files(db_path) == []


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(st.characters(blacklist_categories=("Cs",)), max_size=300))
def test_any_typed_text_comes_back_exactly_from_a_draft_file(db, operator, text):
    """Whatever was typed (any Unicode a keyboard can produce) is read back from a draft file exactly."""
    fill_disk(db)
    state = {"form": {"summary": text + LONG_SUMMARY, "caller_name": text}}
    assert not draft_store.save_draft(db, operator.id, WORKSTATION, "call-h", state, utcnow()).in_database
    [draft] = draft_store.load_drafts(db, operator.id, WORKSTATION)
    assert draft.state == state
    draft_store.delete_draft(db, operator.id, WORKSTATION, "call-h")
    assert draft_store.load_drafts(db, operator.id, WORKSTATION) == []
