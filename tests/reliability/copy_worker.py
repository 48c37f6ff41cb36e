"""One copy of Hotline for test_rel_two_copies.py: logs calls through the real window, then edits a shared call.

Usage: copy_worker.py DB_PATH USERNAME ROLE FOLDER SECONDS, ROLE being "first" or "second". The two copies
meet through files in FOLDER. Phase 1: log calls by keyboard as fast as possible for SECONDS. Phase 2: both open the
first copy's first call with content for editing; the first saves, then the second saves. Everything the copy showed
(status bar, message boxes, other dialogs, warnings logged) and every call it believes saved is written to
FOLDER/result-ROLE.json. The test reads that file; nothing personal is printed.
"""

from __future__ import annotations

import json
import logging
import os
import sys
import time
import traceback
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).parents[1] / "ui"))  # tests/ui/keyboard.py

from keyboard import type_text, with_next_dialog
from PySide6.QtCore import QTimer
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QMessageBox, QWidget

from hotline.i18n import install_translator
from hotline.settings import Settings
from hotline.store import users
from hotline.store.db import open_database
from hotline.ui.call_edit_dialog import CallEditDialog, ConflictDialog
from hotline.ui.main_window import MainWindow

#: What each kind of call is typed with: the category filter typed, the code it ticks, whether a child is named.
KINDS = (("quan he gia dinh", "counselling.relationships", False), ("bao luc", "abuse.violence", True))
#: Every this many calls the copy pauses mid-call long enough for an autosave (a draft written beside the saves).
PAUSE_EVERY = 20


class Recorder:
    """Every message the copy shows a person, and every warning it logs."""

    def __init__(self) -> None:
        self.messages: list[str] = []
        self.dialogs: list[str] = []
        self.logged: list[str] = []
        self.expected_dialogs: set[type] = {ConflictDialog, CallEditDialog}

    def install(self, window: MainWindow) -> None:
        window.statusBar().messageChanged.connect(lambda text: text and self.messages.append(text))
        # the static message boxes of the program record their text instead of waiting for a person
        for name, answer in (("warning", QMessageBox.StandardButton.Ok), ("critical", QMessageBox.StandardButton.Ok),
                             ("information", QMessageBox.StandardButton.Ok),
                             ("question", QMessageBox.StandardButton.No)):  # fmt: skip
            setattr(QMessageBox, name, self._box(name, answer))
        recorder = self

        class Handler(logging.Handler):
            def emit(self, record: logging.LogRecord) -> None:
                recorder.logged.append(f"{record.levelname} {record.name}: {record.getMessage()}")

        logging.getLogger().addHandler(Handler(logging.WARNING))
        # any other window that opens (a QMessageBox built by hand, a dialog) is recorded and closed
        self._watch = QTimer(interval=50, timeout=self._close_unexpected)
        self._watch.start()

    def _box(self, name: str, answer):
        def shown(_parent, title, text, *_args, **_kwargs):
            self.dialogs.append(f"{name}: {title}: {text}")
            return answer

        return staticmethod(shown)

    def _close_unexpected(self) -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QDialog) and widget.isVisible() and type(widget) not in self.expected_dialogs:
                texts = [label.text() for label in widget.findChildren(QLabel) if label.text()]
                self.dialogs.append(f"{type(widget).__name__}: {widget.windowTitle()}: {' '.join(texts)}")
                widget.reject()


def press(sequence: str) -> None:
    """A shortcut pressed on whatever has the keyboard focus, as a person presses it (who is slower than the
    event loop: what the key queued runs before the next key)."""
    combo = QKeySequence(sequence)[0]
    widget = QApplication.focusWidget() or QApplication.activeWindow()
    assert widget is not None, "no window is active"
    QTest.keyClick(widget, combo.key(), combo.keyboardModifiers())
    QApplication.processEvents()


def activate(window: QWidget) -> None:
    """Make ``window`` the active one and wait for it: key presses go where a person's would."""
    deadline = time.monotonic() + 10
    window.activateWindow()
    while not window.isActiveWindow():
        if time.monotonic() > deadline:
            raise TimeoutError(f"{type(window).__name__} never became the active window")
        QTest.qWait(10)


def wait_for(path: Path, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while not path.exists():
        if time.monotonic() > deadline:
            raise TimeoutError(path.name)
        QTest.qWait(10)


def touch(path: Path, text: str = "") -> None:
    part = path.with_name(path.name + ".part")
    part.write_text(text)
    part.replace(path)  # whole or absent: the other copy never reads half a file


def log_calls(window: MainWindow, tag: str, seconds: float, stats: dict) -> tuple[list[dict], int]:
    """Phase 1: calls logged by keyboard until the time is up; returns (calls believed saved, attempts).

    ``stats`` receives "lost_focus", the number of each call before which the main window was no longer the active
    one, and "slowest_save_s", the longest a save key took to come back."""
    stats.update(lost_focus=[], slowest_save_s=0.0)
    screen = window.call_screen
    saved_ids: list[int] = []
    screen.call_saved.connect(saved_ids.append)
    believed, attempts = [], 0
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if not window.isActiveWindow():  # a window of its own took the focus (a person would have to click back)
            stats["lost_focus"].append(attempts)
            activate(window)
        number = attempts
        attempts += 1
        press("F2")
        uuid = screen._uuid  # the call's identity, as its draft and the database know it
        phone = f"0912 {1 if tag == 'A' else 2}{number // 1000 % 100:02d} {number % 1000:03d}"
        type_text(screen.form.phone_edit, phone)
        if number % PAUSE_EVERY == PAUSE_EVERY - 1:
            QTest.qWait(1200)  # the autosave writes a draft while the other copy saves
        before = len(saved_ids)
        if number % 7 == 3:  # a silent call: one key
            pressed_at = time.monotonic()
            press("F5")
            expected = {"outcome": "silent", "summary": "", "categories": [], "children": []}
        else:
            filter_words, code, with_child = KINDS[number % 2]
            press("Ctrl+K")
            type_text(QApplication.focusWidget(), filter_words)
            press("Return")
            children = []
            if with_child:
                press("Ctrl+T")
                children = [f"Bé {tag}{number}"]
                type_text(QApplication.focusWidget(), children[0])
            summary = f"Cuộc gọi {tag}{number}: trẻ cần được hỗ trợ."
            if with_child:  # a report: its risk is chosen (no default), as is every call's service level
                press("Alt+R")
                for _ in range(3):
                    press("Down")
                press("Alt+3")
            else:
                press("Alt+2")
            press("Alt+S")
            type_text(QApplication.focusWidget(), summary)
            pressed_at = time.monotonic()
            press("Ctrl+S")
            expected = {"outcome": "substantive", "summary": summary, "categories": [code], "children": children}
        stats["slowest_save_s"] = max(stats["slowest_save_s"], time.monotonic() - pressed_at)
        QTest.qWait(0)
        if len(saved_ids) == before + 1:
            believed.append({"uuid": uuid, "id": saved_ids[-1], "phone": phone, **expected})
    return believed, attempts


def edit_shared_call(window: MainWindow, role: str, folder: Path, believed: list[dict]) -> dict:
    """Phase 2: both copies edit one call; the first saves first, the second's save meets the conflict."""
    if role == "first":
        call_id = next(c["id"] for c in believed if c["outcome"] == "substantive")
        touch(folder / "edit-call", str(call_id))
    wait_for(folder / "edit-call")
    call_id = int((folder / "edit-call").read_text())
    dialog = window.workspace.open_call(call_id)
    assert dialog is not None and dialog.can_edit, "the call could not be opened for editing"
    activate(dialog)
    touch(folder / f"opened-{role}")
    wait_for(folder / f"opened-{'second' if role == 'first' else 'first'}")
    text = dialog.form.summary_edit.toPlainText() + (" Trưởng ca bổ sung." if role == "second" else " Đã gọi lại.")
    dialog.form.summary_edit.setFocus()
    dialog.form.summary_edit.selectAll()
    type_text(dialog.form.summary_edit, text)
    result = {"call_id": call_id, "typed": text, "version_read": dialog.call.version}
    if role == "first":
        press("Ctrl+S")
        result["message"] = dialog.message_label.text()
        result["version_saved"] = dialog.call.version
        touch(folder / "saved-first")
        return result
    wait_for(folder / "saved-first")
    conflict: dict = {}

    def look_and_go_back(shown: QDialog) -> None:
        conflict.update(kind=type(shown).__name__, title=shown.windowTitle())
        if isinstance(shown, ConflictDialog):
            conflict["rows"] = shown.rows()
            shown.back_button.click()  # back to editing: nothing saved, nothing lost
        else:
            shown.reject()

    handled = with_next_dialog(look_and_go_back)
    press("Ctrl+S")
    QTest.qWait(0)
    result.update(
        conflict=conflict, conflict_shown=bool(handled), form_after=dialog.form.summary_edit.toPlainText(),
        message=dialog.message_label.text(), still_open=dialog.isVisible(), unsaved=dialog.has_unsaved(),
    )  # fmt: skip
    return result


def main() -> None:
    db_path, username, role, folder, seconds = sys.argv[1:6]
    folder, seconds = Path(folder), float(seconds)
    tag = "A" if role == "first" else "B"
    app = QApplication([])
    app.setQuitOnLastWindowClosed(False)
    install_translator(app, "vi")  # the program's own language: the messages a centre would read
    db = open_database(db_path)
    user = users.find_user(db, username)  # signed in (the sign-in screen has tests of its own)
    window = MainWindow(db, user, Settings.load(db), f"pc-{tag}", db_path=db_path)
    recorder = Recorder()
    recorder.install(window)
    window.start_session()
    window.activateWindow()
    result: dict = {"role": role}

    def run() -> None:
        try:
            activate(window)
            touch(folder / f"ready-{role}")
            wait_for(folder / f"ready-{'second' if role == 'first' else 'first'}")
            started = time.monotonic()
            result["saved"], result["attempts"] = log_calls(window, tag, seconds, result)
            result["span"] = [started, time.monotonic()]
            touch(folder / f"logged-{role}")
            wait_for(folder / f"logged-{'second' if role == 'first' else 'first'}")
            result["edit"] = edit_shared_call(window, role, folder, result["saved"])
        except Exception as exc:  # reported through the result file, so the test says what went wrong
            result["error"] = f"{type(exc).__name__}: {exc}\n{traceback.format_exc()}"
        result.update(messages=recorder.messages, dialogs=recorder.dialogs, logged=recorder.logged)
        touch(folder / f"result-{role}.json", json.dumps(result, ensure_ascii=False))
        app.exit(0)

    QTimer.singleShot(0, run)
    app.exec()


if __name__ == "__main__":
    main()
