"""A crash while a call is typed: the program is killed and the next start offers the call back."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from keyboard import answer_next_dialog

from hotline.settings import Settings
from hotline.store import drafts as draft_store
from hotline.store import users
from hotline.store.access import COMMAND_LINE
from hotline.store.db import open_database
from hotline.ui.main_window import MainWindow

HERE = Path(__file__).parent


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_killed_while_typing_the_next_start_offers_the_call_back(qtbot, tmp_path):
    """SIGKILL 2.5 s after typing: a new start offers the draft with everything typed and its start time."""
    db_path = tmp_path / "hotline.sqlite3"
    db = open_database(db_path)
    user = users.add_user(db, "tongdai", "Tổng đài viên", ["operator"], "matkhau123", by=COMMAND_LINE)
    summary = "Trẻ kể bị bố đánh bằng roi, đang trốn ở nhà hàng xóm."
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": os.pathsep.join([str(HERE), *sys.path])}
    process = subprocess.Popen(
        [sys.executable, str(HERE / "crash_typist.py"), str(db_path), "tongdai", "pc-1", summary],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, text=True,
    )  # fmt: skip
    try:
        assert process.stdout.readline().strip() == "TYPED", process.stderr.read()
        typed_at = time.monotonic()
        time.sleep(2.5)
        assert process.poll() is None, "the program ended by itself"
        os.kill(process.pid, signal.SIGKILL)
        process.wait(10)
    finally:
        if process.poll() is None:
            process.kill()
    assert time.monotonic() - typed_at >= 2.0

    [draft] = draft_store.load_drafts(db, user.id, "pc-1")
    assert draft.state["form"]["summary"] == summary

    # the next start: sign-in leads to the main window, which offers the call back once it is painted
    window = MainWindow(db, user, Settings.load(db), "pc-1")
    qtbot.addWidget(window)
    answer_next_dialog("Open it")
    window.start_session()
    screen = window.call_screen
    qtbot.waitUntil(lambda: screen.form.summary_edit.toPlainText() == summary)
    form = screen.form
    assert form.phone_edit.text() == "0912 345 678"
    assert form.categories.codes() == ["abuse.violence"]
    assert [child.name for child in form.children()] == ["Bé Hoa"]
    assert screen._started_at == draft.started_at
    assert screen.duration_s() >= 2, "the clock runs on from the original start"
    db.close()
