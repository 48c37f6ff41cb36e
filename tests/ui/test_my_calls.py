"""pytest-qt flows of an operator's way back to a saved call: "My calls" of the shift, and the caller history's rows
that open a call read-only, with what was reported — as far as DESIGN §6 lets each role read it."""

from __future__ import annotations

from datetime import timedelta

import pytest
from keyboard import type_into_focus
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QMessageBox

from hotline.core import permissions
from hotline.core.models import Call, Child
from hotline.core.timeutil import utcnow
from hotline.store import calls as call_store
from hotline.store import my_calls as my_call_store
from hotline.store.access import PermissionDenied
from hotline.ui.call_edit_dialog import CallEditDialog
from hotline.ui.main_window import MainWindow
from hotline.ui.models.caller_history_model import READABLE_ROLE, CallerHistoryModel

# closing a window with a call typed asks first: every test answers "yes, keep it as a draft"
pytestmark = pytest.mark.usefixtures("keep_typed_calls")
PHONE = "0912 345 678"
OWN_SUMMARY = "Bé trai 9 tuổi kể bị cha đánh bằng roi mây, mẹ đi làm xa; bà nội đang chăm sóc bé."
OTHER_SUMMARY = "Cô giáo báo học sinh lớp 4 nghỉ học nhiều ngày, nhà không có ai."


@pytest.fixture
def people(make_user):
    return {
        "operator": make_user("tongdai1", ["operator"], "Nguyễn Văn An"),
        "other": make_user("tongdai2", ["operator"], "Lê Thị Bích"),
        "lead": make_user("truongca", ["shift_lead", "operator"], "Trần Thị Mai"),
        "counselor": make_user("canbo1", ["counselor"], "Huỳnh Thị Lan"),
        "admin": make_user("quantri", ["admin"], "Quản trị"),
    }


def counselling_call(operator_id: int, hours_ago: float, summary: str, phone: str = PHONE, **fields) -> Call:
    fields = {"categories": ["counselling.relationships"], "risk": "none", "service_level": "counselling", **fields}
    return Call(line="111", started_at=utcnow() - timedelta(hours=hours_ago), operator_id=operator_id,
                outcome="substantive", phone_raw=phone, summary=summary, duration_s=240, **fields)  # fmt: skip


@pytest.fixture
def open_window(qtbot, db, settings):
    """``open_window(user)``: the main window at the office screen's size, active, so keys reach its shortcuts."""

    def open_(user) -> MainWindow:
        window = MainWindow(db, user, settings, "pc-test")
        qtbot.addWidget(window)
        window.resize(1366, 768)
        window.start_session()
        window.show()
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)
        return window

    return open_


def press(qtbot, window, sequence: str) -> None:
    """A key as a person presses it: on whatever has the focus."""
    combo = QKeySequence(sequence)[0]
    if not window.isActiveWindow():  # a dialog closed offscreen may leave no active window
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(QApplication.focusWidget() or window, combo.key(), combo.keyboardModifiers())


def open_dialogs() -> list[CallEditDialog]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, CallEditDialog) and w.isVisible()]


# --- my calls of this shift ---------------------------------------------------------------------------------------


def test_an_operator_reopens_the_call_just_saved_from_my_calls_and_corrects_it(qtbot, db, people, open_window):
    """Save a call, Ctrl+2, Enter on the newest row: the call opens editable; a corrected summary is stored."""
    window = open_window(people["operator"])
    space = window.workspace
    assert space.keys == ["call", "mycalls"] and space.nav.isVisible()
    press(qtbot, window, "F2")
    type_into_focus(PHONE)
    press(qtbot, window, "F6")  # hang-up: saved at once
    [(call_id,)] = db.conn.execute("SELECT id FROM calls").fetchall()

    press(qtbot, window, "Ctrl+2")
    screen = space.my_calls
    assert space.stack.currentWidget() is screen
    qtbot.waitUntil(lambda: screen.view.hasFocus(), timeout=2000)
    row = {screen.model.headerData(c, Qt.Orientation.Horizontal): screen.model.index(0, c).data()
           for c in range(screen.model.columnCount())}  # fmt: skip
    assert row["Phone"] == PHONE and row["Line"] == "111" and row["Outcome"] == "Hang-up"
    assert row["Editable until"] != "read only"

    press(qtbot, window, "Return")
    qtbot.waitUntil(lambda: len(open_dialogs()) == 1)
    [dialog] = open_dialogs()
    assert dialog.call.id == call_id and dialog.can_edit and dialog.save_button.isVisible()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    dialog.form.phone_edit.selectAll()
    type_into_focus("0912 345 679")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    stored = call_store.get_call(db, call_id, viewer_id=people["operator"].id)
    assert stored.phone_raw == "0912 345 679" and stored.version == 2
    qtbot.waitUntil(lambda: screen.model.index(0, screen.COL_PHONE).data() == "0912 345 679")


def test_my_calls_lists_only_my_calls_of_the_last_twelve_hours_newest_first(qtbot, db, people, open_window):
    """The list holds the user's own calls that started within the own-call edit window, the newest on top."""
    me, other = people["operator"].id, people["other"].id
    older = call_store.save_call(db, counselling_call(me, 5, "Cuộc gọi năm giờ trước."))
    newer = call_store.save_call(db, counselling_call(me, 1, OWN_SUMMARY))
    call_store.save_call(db, counselling_call(me, permissions.OWN_CALL_EDIT_HOURS + 0.1, "Ca trước."))
    call_store.save_call(db, counselling_call(other, 0.5, OTHER_SUMMARY))
    window = open_window(people["operator"])
    press(qtbot, window, "Ctrl+2")
    screen = window.workspace.my_calls
    assert [call.id for call in screen.model.rows()] == [newer.id, older.id]
    summary = screen.model.index(0, screen.COL_SUMMARY)
    assert summary.data() == OWN_SUMMARY and summary.data(Qt.ItemDataRole.ToolTipRole) == OWN_SUMMARY
    assert "Relationships" in screen.model.index(0, screen.COL_CATEGORIES).data()
    assert "(last 12 hours): 2" in screen.title.text()


def test_a_call_whose_window_has_passed_opens_read_only(qtbot, db, people, open_window):
    """A call listed just before its 12 hours ran out opens read-only once they have: the store would refuse."""
    me = people["operator"].id
    call = call_store.save_call(db, counselling_call(me, permissions.OWN_CALL_EDIT_HOURS - 0.8 / 3600, OWN_SUMMARY))
    window = open_window(people["operator"])
    press(qtbot, window, "Ctrl+2")
    screen = window.workspace.my_calls
    assert [row.id for row in screen.model.rows()] == [call.id]
    qtbot.wait(900)  # the 12 hours pass while the list is open
    press(qtbot, window, "Return")
    qtbot.waitUntil(lambda: len(open_dialogs()) == 1)
    [dialog] = open_dialogs()
    assert not dialog.can_edit and not dialog.save_button.isVisible()
    assert "12 hours" in dialog.read_only_label.text()
    assert dialog.form.summary_edit.toPlainText() == OWN_SUMMARY


def test_f2_and_esc_on_my_calls_go_back_to_the_call_as_it_was(qtbot, db, people, open_window, monkeypatch):
    """From "My calls", Esc goes back to the call being typed, untouched; F2 starts a new call (the other kept)."""
    window = open_window(people["operator"])
    space = window.workspace
    press(qtbot, window, "F2")
    type_into_focus(PHONE)
    press(qtbot, window, "Ctrl+2")
    qtbot.waitUntil(lambda: space.my_calls.view.hasFocus(), timeout=2000)
    press(qtbot, window, "Esc")
    assert space.stack.currentWidget() is space.call_screen
    assert space.call_screen.form.phone_edit.text() == PHONE and space.call_screen.has_unsaved()
    press(qtbot, window, "Ctrl+2")
    qtbot.waitUntil(lambda: space.my_calls.view.hasFocus(), timeout=2000)
    answers = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: answers.append(a) or QMessageBox.StandardButton.Yes)
    press(qtbot, window, "F2")
    assert answers, "the call being typed is kept as a draft first, after asking"
    assert space.stack.currentWidget() is space.call_screen
    assert space.call_screen.form.phone_edit.text() == ""
    assert QApplication.focusWidget() is space.call_screen.form.phone_edit
    assert db.conn.execute("SELECT count(*) FROM drafts").fetchone()[0] == 1


def test_only_operators_without_the_daily_log_get_my_calls(qtbot, db, people, open_window):
    """A shift lead finds calls in the daily log and a counselor has no own-call edits: neither gets the tab."""
    assert "mycalls" not in open_window(people["lead"]).workspace.keys
    assert "mycalls" not in open_window(people["counselor"]).workspace.keys


def test_own_calls_are_read_by_their_owner_only_and_never_by_an_administrator(db, people):
    """The store lists the viewer's own calls only; a user who logs no calls is refused."""
    me = people["operator"].id
    mine = call_store.save_call(db, counselling_call(me, 2, OWN_SUMMARY))
    call_store.save_call(db, counselling_call(people["other"].id, 1, OTHER_SUMMARY))
    assert [c.id for c in my_call_store.own_calls(db, viewer_id=me)] == [mine.id]
    with pytest.raises(PermissionDenied):
        my_call_store.own_calls(db, viewer_id=people["admin"].id)


# --- the caller history -------------------------------------------------------------------------------------------


def test_readable_summaries_follow_who_may_open_the_call(db, people):
    """An operator reads what was reported on their own calls; a shift lead on every call; a counselor on flagged
    calls and those of a case file; an administrator on none (DESIGN §6)."""
    me, other = people["operator"].id, people["other"].id
    mine = call_store.save_call(db, counselling_call(me, 3, OWN_SUMMARY))
    theirs = call_store.save_call(db, counselling_call(other, 2, OTHER_SUMMARY))
    flagged = call_store.save_call(db, counselling_call(
        other, 1, "Bé gái bị đánh.", categories=["abuse.violence"], risk="high", service_level="intervention",
        children=[Child(name="Bé Hoa", age=8, status="abused")], flagged=True,
    ))  # fmt: skip
    assert flagged.flagged
    ids = [mine.id, theirs.id, flagged.id]
    assert my_call_store.readable_summaries(db, ids, viewer_id=me) == {mine.id: OWN_SUMMARY}
    assert set(my_call_store.readable_summaries(db, ids, viewer_id=people["lead"].id)) == set(ids)
    assert set(my_call_store.readable_summaries(db, ids, viewer_id=people["counselor"].id)) == {flagged.id}
    with pytest.raises(PermissionDenied):
        my_call_store.readable_summaries(db, ids, viewer_id=people["admin"].id)


def test_history_rows_show_what_was_reported_and_open_the_operators_own_call_read_only(qtbot, db, people, open_window):
    """Typing a known number lists its calls with their summaries (one's own) and Enter opens one read-only in a
    window of its own; the call being typed stays on screen, untouched."""
    me = people["operator"].id
    mine = call_store.save_call(db, counselling_call(me, 30, OWN_SUMMARY))
    theirs = call_store.save_call(db, counselling_call(people["other"].id, 20, OTHER_SUMMARY))
    window = open_window(people["operator"])
    screen = window.call_screen
    press(qtbot, window, "F2")
    type_into_focus(PHONE)
    model = screen.history_model
    qtbot.waitUntil(lambda: model.rowCount() == 2)
    rows = {model.index(r, 0).data(Qt.ItemDataRole.UserRole + 1).call_id: r for r in range(2)}
    own_cell = model.index(rows[mine.id], CallerHistoryModel.COL_SUMMARY)
    other_cell = model.index(rows[theirs.id], CallerHistoryModel.COL_SUMMARY)
    assert own_cell.data() == OWN_SUMMARY and own_cell.data(READABLE_ROLE)
    assert other_cell.data() == "(not shown to you)"
    assert OTHER_SUMMARY not in (other_cell.data(Qt.ItemDataRole.ToolTipRole) or "")

    assert rows == {theirs.id: 0, mine.id: 1}  # newest first
    screen.history_view.setFocus()  # the cursor lands on the first row: another operator's call
    assert screen.history_view.currentIndex().row() == 0 and not screen.history_detail.isVisible()
    messages: list[str] = []
    screen.status_message.connect(lambda text, _ms: messages.append(text))
    press(qtbot, window, "Return")
    assert not open_dialogs()
    assert messages and f"You may not open call no. {theirs.id}" in messages[-1]

    press(qtbot, window, "Down")  # one's own call: what was reported, in full under the table
    assert screen.history_detail.isVisible() and OWN_SUMMARY in screen.history_detail.text()
    press(qtbot, window, "Return")
    qtbot.waitUntil(lambda: len(open_dialogs()) == 1)
    [dialog] = open_dialogs()
    assert dialog.call.id == mine.id and not dialog.can_edit and not dialog.save_button.isVisible()
    assert dialog.form.summary_edit.toPlainText() == OWN_SUMMARY
    assert "caller history" in dialog.read_only_label.text()
    assert screen.form.phone_edit.text() == PHONE and screen.has_unsaved()
    assert db.conn.execute("SELECT count(*) FROM calls").fetchone()[0] == 2


def test_a_shift_lead_opens_any_history_row_by_double_click(qtbot, db, people, open_window):
    """A shift lead (who may read every call) sees every summary and a double-click opens the call read-only."""
    theirs = call_store.save_call(db, counselling_call(people["other"].id, 20, OTHER_SUMMARY))
    window = open_window(people["lead"])
    window.workspace.nav.setCurrentIndex(window.workspace.keys.index("call"))
    screen = window.call_screen
    press(qtbot, window, "F2")
    type_into_focus(PHONE)
    qtbot.waitUntil(lambda: screen.history_model.rowCount() == 1)
    cell = screen.history_model.index(0, CallerHistoryModel.COL_SUMMARY)
    assert cell.data() == OTHER_SUMMARY
    view = screen.history_view
    rect = view.visualRect(cell)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: len(open_dialogs()) == 1)
    [dialog] = open_dialogs()
    assert dialog.call.id == theirs.id and not dialog.can_edit
    assert screen.form.phone_edit.text() == PHONE
