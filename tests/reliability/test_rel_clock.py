"""The PC's clock jumps during calls: durations are never negative and the daily log keeps the order of saving."""

from __future__ import annotations

import subprocess
import sys
import time
from datetime import date, timedelta

import pytest
from PySide6.QtWidgets import QMainWindow, QMessageBox

from hotline.core.daily_log import LogFilter
from hotline.core.timeutil import local_range_bounds, utcnow
from hotline.settings import Settings
from hotline.store import calls as call_store
from hotline.store import daily_log, users
from hotline.store import drafts as draft_store
from hotline.store.access import COMMAND_LINE
from hotline.store.db import open_database
from hotline.ui.call_screen import CallScreen

WORKSTATION = "pc-clock"
HOUR_NS = 3600 * 10**9


class SystemClock:
    """The wall clock the program reads (time.time_ns), set back or forward by the test like a person would."""

    def __init__(self, monkeypatch):
        real = time.time_ns
        self.offset_ns = 0
        monkeypatch.setattr(time, "time_ns", lambda: real() + self.offset_ns)

    def jump(self, hours: float) -> None:
        self.offset_ns += int(hours * HOUR_NS)


@pytest.fixture
def clock(monkeypatch):
    # only backward jumps here: utcnow() never goes back within a process, so a forward jump would leave the
    # rest of the test session an hour ahead (the forward case runs in its own process below)
    return SystemClock(monkeypatch)


@pytest.fixture
def db(tmp_path):
    database = open_database(tmp_path / "hotline.sqlite3")
    yield database
    database.close()


@pytest.fixture
def people(db):
    operator = users.add_user(db, "tongdai", "Tổng đài viên", ["operator"], "mat-khau-thu-1", by=COMMAND_LINE)
    lead = users.add_user(db, "truongca", "Trưởng ca", ["shift_lead"], "mat-khau-thu-1", by=COMMAND_LINE)
    return operator, lead


@pytest.fixture
def screen(qtbot, db, people, monkeypatch):
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: pytest.fail(f"unexpected warning: {a[2]}"))
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.Yes)
    window = QMainWindow()
    call_screen = CallScreen(db, people[0], Settings.load(db), WORKSTATION, lang="en")
    window.setCentralWidget(call_screen)
    qtbot.addWidget(window)
    window.show()
    yield call_screen


def log_order(db, lead_id: int) -> list[int]:
    """The ids of the daily log, sorted as it shows them by default (by start time)."""
    start, end = local_range_bounds(date.min, date.max)
    return [row.id for row in daily_log.log_rows(db, LogFilter(start, end), viewer_id=lead_id)]


def log_a_call(qtbot, screen, summary: str, jump_hours: float = 0, clock: SystemClock | None = None) -> int:
    """F2, type a summary and a category, optionally have the clock jump mid-call, Ctrl+S; the saved id."""
    saved: list[int] = []
    screen.call_saved.connect(saved.append)
    screen.new_call()
    screen.form.categories.set_codes(["counselling.mental_health"])
    screen.form.service_radios["counselling"].click()  # a call with content has its service level (docs/law.md)
    screen.form.summary_edit.setPlainText(summary)
    qtbot.wait(30)
    if jump_hours:
        clock.jump(jump_hours)
    qtbot.wait(30)
    screen.save()
    screen.call_saved.disconnect(saved.append)
    assert len(saved) == 1, "the call was not saved"
    return saved[0]


def test_clock_set_back_an_hour_during_a_call(qtbot, db, people, screen, clock):
    """Back an hour mid-call, then another call: durations ≥ 0 and the log lists the calls in the order saved."""
    lead_id = people[1].id
    first = log_a_call(qtbot, screen, "Cuộc gọi thứ nhất", jump_hours=-1, clock=clock)
    second = log_a_call(qtbot, screen, "Cuộc gọi thứ hai")
    third = log_a_call(qtbot, screen, "Cuộc gọi thứ ba", jump_hours=-1, clock=clock)
    saved = [call_store.get_call(db, i, viewer_id=lead_id) for i in (first, second, third)]
    assert [c.started_at for c in saved] == sorted(c.started_at for c in saved)
    assert log_order(db, lead_id) == [first, second, third]
    for call in saved:
        assert 0 <= call.duration_s < 60
        assert call.ended_at >= call.started_at
        assert call.created_at >= call.started_at


def test_undo_after_the_clock_went_back(qtbot, db, people, screen, clock):
    """A one-key call taken back (F12) after the clock went back keeps a duration ≥ 0, and its place in the log."""
    lead_id = people[1].id
    before = log_a_call(qtbot, screen, "Trước")
    screen.new_call()
    screen.save_quick("silent")
    silent = db.conn.execute("SELECT max(id) FROM calls").fetchone()[0]
    clock.jump(-1)
    screen.undo_quick()
    assert 0 <= screen.duration_s() < 60
    screen.form.categories.set_codes(["counselling.mental_health"])
    screen.form.service_radios["counselling"].click()
    screen.form.summary_edit.setPlainText("Hóa ra có nội dung")
    screen.save()
    reopened = call_store.get_call(db, silent, viewer_id=lead_id)
    assert reopened.outcome == "substantive" and 0 <= reopened.duration_s < 60
    after = log_a_call(qtbot, screen, "Sau")
    assert log_order(db, lead_id) == [before, silent, after]


@pytest.mark.parametrize("hours", [+1, -72], ids=["draft-from-before-a-backward-jump", "draft-from-days-ago"])
def test_restored_draft_duration_is_its_time_on_screen(qtbot, db, people, screen, hours):
    """A draft restored after the clock moved, or days later, goes on from its time on screen (never < 0)."""
    operator = people[0]
    state = {"form": {"summary": "Bản nháp", "categories": ["counselling.mental_health"]}, "elapsed_ms": 42_000}
    started = utcnow() + timedelta(hours=hours)
    draft_store.save_draft(db, operator.id, WORKSTATION, "draft-1", state, started)
    [draft] = draft_store.load_drafts(db, operator.id, WORKSTATION)
    screen.restore_draft(draft)
    assert 42 <= screen.duration_s() < 60
    screen.form.service_radios["counselling"].click()  # a draft from before the service level: chosen now
    screen.save()
    call = call_store.get_call(db, db.conn.execute("SELECT max(id) FROM calls").fetchone()[0], viewer_id=operator.id)
    assert 42 <= call.duration_s < 60


def test_draft_written_by_the_screen_carries_its_time_on_screen(qtbot, db, people, screen):
    """Autosave keeps the monotonic time on screen with the draft, so a restore does not need the wall clock."""
    screen.new_call()
    screen.form.summary_edit.setPlainText("Đang gõ")
    qtbot.wait(50)
    screen.keep_as_draft()
    [draft] = draft_store.load_drafts(db, people[0].id, WORKSTATION)
    assert 40 <= draft.state["elapsed_ms"] < 10_000


FORWARD_AND_BACK = """
import time
from datetime import timedelta
from hotline.core import timeutil
real = time.time_ns
offset = [0]
time.time_ns = lambda: real() + offset[0]
start = timeutil.utcnow()
offset[0] = 3600 * 10**9  # set forward an hour: followed at once
ahead = timeutil.utcnow()
assert timedelta(minutes=59) < ahead - start < timedelta(minutes=61), ahead - start
offset[0] = 0  # and back: the time goes on from where it was
later = timeutil.utcnow()
assert ahead <= later < ahead + timedelta(seconds=5), later - ahead
print("ok")
"""


def test_forward_jump_is_followed_and_backward_is_not(tmp_path):
    """utcnow() follows the clock set forward at once, and never goes back when it is set back (own process)."""
    done = subprocess.run([sys.executable, "-c", FORWARD_AND_BACK], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "ok"


def test_backward_jump_keeps_time_moving(clock):
    """Set back an hour, utcnow() still moves forward at the monotonic clock's pace, never back."""
    before = utcnow()
    clock.jump(-1)
    readings = [utcnow() for _ in range(50)]
    time.sleep(0.02)
    after = utcnow()
    assert all(a <= b for a, b in zip([before, *readings], [*readings, after], strict=True))
    assert timedelta(milliseconds=15) <= after - readings[-1] < timedelta(seconds=5)


def test_a_clock_set_back_is_said_once_in_the_status_bar(qtbot, screen, clock):
    """The PC's clock set back an hour: the screen says once that Hotline keeps its time until restarted."""
    said: list[str] = []
    screen.status_message.connect(lambda text, _ms: said.append(text))
    log_a_call(qtbot, screen, "Trước khi chỉnh đồng hồ")
    qtbot.wait(600)
    assert not any("clock" in text for text in said)
    clock.jump(-1)
    qtbot.waitUntil(lambda: any("clock was set back" in text for text in said), timeout=3000)
    qtbot.wait(1100)
    assert sum("clock was set back" in text for text in said) == 1
