"""pytest-qt flows of a call restored from a draft: its clock runs from the original start, the outage included."""

from __future__ import annotations

from datetime import timedelta

import pytest
from keyboard import answer_next_dialog
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication

from hotline.core.timeutil import to_ms, utcnow
from hotline.store import calls as call_store
from hotline.store import drafts as draft_store

WORKSTATION = "pc-crash"
#: What autosave kept of a call typed for two minutes before the PC died (a draft as the program writes it).
FORM = {
    "phone": "0912 345 678", "caller_relation": "parent", "caller_name": "Chị Bảy", "caller_sex": "female",
    "caller_age_band": "18-59", "callback_consent": True,
    "children": [{"name": "Bé Hai", "sex": "male", "age": 7, "age_band": "6-10", "province_code": 91,
                  "ward_code": None, "address": "", "special_circumstances": [], "carer": "mẹ", "id": None,
                  "status": "unclear", "destination": ""}],
    "categories": ["counselling.relationships"], "risk": "none", "service_level": "counselling",
    "summary": "Mẹ hỏi cách nói chuyện với con.", "action_taken": "", "referrals": [],
}  # fmt: skip
TYPED_MS = 120_000


@pytest.fixture
def operator(make_user):
    return make_user("tongdai", ["operator"], "Tổng đài viên")


def key(qtbot, screen, sequence: str) -> None:
    combo = QKeySequence(sequence)[0]
    if not screen.window().isActiveWindow():  # after a dialog closed
        screen.window().activateWindow()
        qtbot.waitUntil(screen.window().isActiveWindow)
    qtbot.keyClick(QApplication.focusWidget() or screen, combo.key(), combo.keyboardModifiers())
    QApplication.processEvents()


def keep_draft(db, user, started_ago: timedelta, **extra) -> str:
    """A draft as autosave left it ``started_ago``; returns its key."""
    state = {"form": FORM, "line": "111", "channel": "phone", "manual_flag": False, "cleared_flag": False,
             "override_reason": "", "link_case": None, "editing": None, "elapsed_ms": TYPED_MS, **extra}  # fmt: skip
    draft_store.save_draft(db, user.id, WORKSTATION, "crash-draft", state, utcnow() - started_ago)
    return "crash-draft"


def restore_and_save(qtbot, screen):
    """Ctrl+Shift+R, "Open it", read the clock, Ctrl+S; the clock's text and the saved call."""
    answer_next_dialog("Open it")
    key(qtbot, screen, "Ctrl+Shift+R")
    qtbot.waitUntil(lambda: screen.form.summary_edit.toPlainText() == FORM["summary"])
    qtbot.wait(700)  # the clock ticks twice a second
    clock = screen.timer_label.text()
    said = []
    screen.status_message.connect(lambda text, _ms: said.append(text))
    key(qtbot, screen, "Ctrl+S")
    assert said and said[-1].startswith("Saved call"), said
    [row] = screen.db.conn.execute("SELECT id FROM calls").fetchall()
    return clock, call_store.get_call(screen.db, row[0], viewer_id=screen.user.id)


def test_a_call_restored_after_a_crash_counts_the_outage(open_call_screen, qtbot, db, operator):
    """Started 7 minutes ago, 2 minutes typed, then the crash: the clock shows 07:xx, and the saved call runs from
    its original start to the save (duration ≥ 7 min, ended_at at the save)."""
    started_ago = timedelta(minutes=7)
    keep_draft(db, operator, started_ago)
    original_start = draft_store.load_drafts(db, operator.id, WORKSTATION)[0].started_at
    screen = open_call_screen(operator, WORKSTATION)
    clock, call = restore_and_save(qtbot, screen)
    assert clock.startswith("07:"), clock
    assert to_ms(call.started_at) == to_ms(original_start)
    assert call.duration_s >= started_ago.total_seconds()
    assert call.created_at - timedelta(seconds=1) <= call.ended_at <= call.created_at + timedelta(seconds=1)
    assert draft_store.load_drafts(db, operator.id, WORKSTATION) == []


def test_time_a_call_was_set_aside_on_purpose_is_not_counted(open_call_screen, qtbot, db, operator):
    """A call kept as a draft on purpose (sign-out, F2 for the next call) 30 minutes ago resumes from the time it
    had then, not from its start: the half hour away is no part of the call."""
    set_aside_at = to_ms(utcnow() - timedelta(minutes=30))
    keep_draft(db, operator, timedelta(minutes=32), set_aside_at_ms=set_aside_at)
    screen = open_call_screen(operator, WORKSTATION)
    clock, call = restore_and_save(qtbot, screen)
    assert clock.startswith("02:"), clock
    assert 120 <= call.duration_s < 180


def test_a_clock_set_back_since_the_crash_never_shortens_the_call(open_call_screen, qtbot, db, operator):
    """The PC's clock went back an hour after the crash: the call keeps at least the time it had on screen."""
    keep_draft(db, operator, -timedelta(hours=1))  # "started" in the future of the clock as it reads now
    screen = open_call_screen(operator, WORKSTATION)
    _clock, call = restore_and_save(qtbot, screen)
    assert call.duration_s >= TYPED_MS // 1000
    assert call.ended_at >= call.started_at


def test_a_draft_found_the_next_morning_goes_on_from_its_time_on_screen(open_call_screen, qtbot, db, operator):
    """The PC stayed off all night after the crash: no call lasts that long, so the clock goes on from the time
    the call had on screen, not from ten hours ago."""
    keep_draft(db, operator, timedelta(hours=10))
    screen = open_call_screen(operator, WORKSTATION)
    clock, call = restore_and_save(qtbot, screen)
    assert clock.startswith("02:"), clock
    assert 120 <= call.duration_s < 180
