"""pytest-qt flows of the audit log viewer: lazy loading, filters by keyboard, paging, refusals, words for actions."""

from __future__ import annotations

import ast
import re
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QGuiApplication, QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractItemView, QApplication

from hotline.core.timeutil import local, local_range_bounds, to_ms, utcnow
from hotline.store import audit, users
from hotline.store.access import COMMAND_LINE
from hotline.ui import audit_words
from hotline.ui.audit_screen import AuditScreen
from hotline.ui.models.audit_model import ACTION, DETAIL, PAGE, TIME, USER, WHAT, AuditModel

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "audit-screen-test"


def add(db, username: str, name: str, roles):
    return users.add_user(db, username, name, roles, PASSWORD, by=COMMAND_LINE)


def insert_at(db, moment, user_id, action, entity="", entity_id="", detail="") -> None:
    """An entry at a chosen time (append() stamps the clock's time; inserting is what the triggers allow)."""
    db.conn.execute(
        "INSERT INTO audit_log(at, user_id, action, entity, entity_id, detail) VALUES (?, ?, ?, ?, ?, ?)",
        [to_ms(moment), user_id, action, entity, str(entity_id), detail],
    )
    db.conn.commit()


@pytest.fixture
def people(db):
    return {
        "admin": add(db, "quantri", "Trần Quản", ["admin"]),
        "lead": add(db, "lan.nguyen", "Nguyễn Thị Lan", ["shift_lead", "operator"]),
        "operator": add(db, "minh.le", "Lê Văn Minh", ["operator"]),
        "counselor": add(db, "thu.vo", "Võ Thị Thu", ["counselor"]),
    }


@pytest.fixture
def log(db, people):
    """Entries of three users and nobody over the last twelve days (hours ago → entry)."""
    now = utcnow()
    op, lead, counselor = people["operator"].id, people["lead"].id, people["counselor"].id
    plan = [
        (1, op, "call.save", "call", 101, "substantive"),
        (2, lead, "call.review", "call", 101, ""),
        (3, counselor, "case.view", "case", 7, ""),
        (5, None, "login.unknown_user", "", "", ""),
        (26, op, "login.failed", "user", op, "sign-in 1"),
        (50, op, "call.save", "call", 102, "silent"),
        (75, lead, "export", "calls", "", "xlsx 2 rows"),
        (100, lead, "call.assign", "call", 102, f"to={counselor}"),
        (120, op, "access.denied", "action", "audit.view", ""),
        (200, op, "call.edit", "call", 101, "risk"),
        (230, counselor, "case.note", "case", 7, "event=3"),
        (250, op, "login.ok", "user", op, ""),
        (24 * 9, op, "call.save", "call", 90, "prank"),  # nine days ago: outside the default week
        (24 * 12, lead, "login.ok", "user", lead, ""),
    ]
    for hours, user_id, action, entity, entity_id, detail in plan:
        insert_at(db, now - timedelta(hours=hours), user_id, action, entity, entity_id, detail)
    return people


def open_screen(qtbot, db, user) -> AuditScreen:
    screen = AuditScreen(db, user, "en")
    qtbot.addWidget(screen)
    screen.resize(1200, 600)
    screen.show()
    screen.activateWindow()  # shortcuts reach only the active window
    qtbot.waitUntil(screen.isActiveWindow)
    return screen


def key(qtbot, screen, sequence: str) -> None:
    """Press keys the way a person does: on whatever widget has the focus."""
    combo = QKeySequence(sequence)[0]
    if not screen.isActiveWindow():
        screen.activateWindow()
        qtbot.waitUntil(screen.isActiveWindow)
    QTest.keyClick(QApplication.focusWidget() or screen, combo.key(), combo.keyboardModifiers())


def shown(screen: AuditScreen) -> list[int]:
    return [screen.model.row(n).id for n in range(screen.model.rowCount())]


def choose_by_keyboard(combo, data) -> None:
    """Move a closed combo to the item holding ``data`` with the arrow keys, as a person does."""
    target = combo.findData(data)
    assert target >= 0, data
    key = Qt.Key.Key_Down if target > combo.currentIndex() else Qt.Key.Key_Up
    for _ in range(abs(target - combo.currentIndex())):
        QTest.keyClick(combo, key)
    assert combo.currentIndex() == target


def type_date(edit, day) -> None:
    """Type a date into the date box reached with Tab (its day is selected), every digit, as a person does."""
    assert QApplication.focusWidget() is edit
    QTest.keyClicks(edit, day.strftime("%d%m%Y"))
    assert edit.date().toPython() == day


def test_nothing_is_read_until_the_screen_is_shown(qtbot, db, log):
    """Building the screen reads nothing from the log; showing it reads the count and the first page."""
    statements: list[str] = []
    db.conn.set_trace_callback(statements.append)
    try:
        screen = AuditScreen(db, log["admin"], "en")
        qtbot.addWidget(screen)
        assert not [s for s in statements if "audit_log" in s or "FROM users" in s]
        assert screen.model.rowCount() == 0
        screen.show()
        qtbot.waitExposed(screen)
    finally:
        db.conn.set_trace_callback(None)
    assert [s for s in statements if "audit_log" in s]
    assert screen.model.rowCount() > 0


def test_default_week_shows_what_the_database_holds(qtbot, db, log):
    """The screen opens on the last seven local days, newest first, exactly the log's entries of that period."""
    screen = open_screen(qtbot, db, log["admin"])
    today = local(utcnow()).date()
    assert screen.from_edit.date().toPython() == today - timedelta(days=6)
    assert screen.to_edit.date().toPython() == today
    start, end = local_range_bounds(today - timedelta(days=6), today)
    expected = audit.entries(db, viewer=COMMAND_LINE, start=start, end=end, limit=1000)
    assert shown(screen) == [e.id for e in expected]
    assert screen.count_label.text() == f"{len(expected)} entries"
    assert all(screen.model.row(n).action != "call.save" or screen.model.row(n).entity_id != "90"
               for n in range(screen.model.rowCount()))  # fmt: skip


def test_pick_a_user_and_a_date_range_by_keyboard(qtbot, db, log):
    """Ctrl+F, arrow keys on the user list, typed dates and Enter: the table shows that user's entries of
    those days, read back from the database."""
    screen = open_screen(qtbot, db, log["lead"])
    operator = log["operator"]
    screen.view.setFocus()
    key(qtbot, screen, "Ctrl+F")
    assert QApplication.focusWidget() is screen.user_filter
    choose_by_keyboard(screen.user_filter, operator.id)
    qtbot.waitUntil(lambda: {screen.model.row(n).user_id for n in range(screen.model.rowCount())} == {operator.id})

    today = local(utcnow()).date()
    first = today - timedelta(days=10)
    key(qtbot, screen, "Tab")  # to the action list
    assert QApplication.focusWidget() is screen.action_filter
    key(qtbot, screen, "Tab")
    assert QApplication.focusWidget() is screen.from_edit
    type_date(screen.from_edit, first)
    key(qtbot, screen, "Return")
    start, end = local_range_bounds(first, today)
    expected = audit.entries(db, viewer=COMMAND_LINE, user_id=operator.id, start=start, end=end)
    assert shown(screen) == [e.id for e in expected]
    assert any(e.entity_id == "90" for e in expected)  # the entry of nine days ago is in the range now
    assert screen.count_label.text() == f"{len(expected)} entries"
    texts = [screen.model.text(screen.model.row(0), column) for column in (USER, ACTION)]
    assert texts == ["Lê Văn Minh (minh.le)", audit_words.action_label(expected[0].action)]


def test_tab_walks_through_the_filters_to_the_table(qtbot, db, log):
    """From the user list, Tab reaches the action list, both dates (day, month, year), Refresh and the table."""
    screen = open_screen(qtbot, db, log["admin"])
    screen.user_filter.setFocus()
    visited = [QApplication.focusWidget()]
    for _ in range(12):
        key(qtbot, screen, "Tab")
        if QApplication.focusWidget() is not visited[-1]:
            visited.append(QApplication.focusWidget())
        if visited[-1] is screen.view:
            break
    expected = [screen.user_filter, screen.action_filter, screen.from_edit, screen.to_edit, screen.refresh_button,
                screen.view]  # fmt: skip
    assert [w.objectName() for w in visited] == [w.objectName() for w in expected]


def test_action_groups_and_exact_actions(qtbot, db, log):
    """The action list offers the groups and the actions present; each choice shows just those entries."""
    screen = open_screen(qtbot, db, log["admin"])
    items = [screen.action_filter.itemText(n) for n in range(screen.action_filter.count())]
    for label in ("Sign-ins and screen locks", "Calls", "Case files", "Exports and printouts", "Users and settings",
                  "Backups and restores", "Access refused"):  # fmt: skip
        assert label in items
    assert "    Call saved" in items and "    Refused (no permission)" in items

    choose_by_keyboard(screen.action_filter, "group:calls")
    qtbot.waitUntil(lambda: screen.model.rowCount() > 0 and all(
        screen.model.row(n).action.startswith("call.") for n in range(screen.model.rowCount())))  # fmt: skip
    start, end = screen.period()
    assert screen.model.rowCount() == audit.count_entries(db, viewer=COMMAND_LINE, action="call.", start=start, end=end)

    choose_by_keyboard(screen.action_filter, "action:access.denied")
    qtbot.waitUntil(lambda: screen.model.rowCount() == 1)
    entry = screen.model.row(0)
    assert entry.action == "access.denied"
    assert [screen.model.text(entry, c) for c in (ACTION, WHAT)] == [
        "Refused (no permission)", "Permission: read the audit log",
    ]  # fmt: skip


def test_a_long_log_is_read_a_page_at_a_time(qtbot, db, people):
    """450 entries: 200 rows at first, more as the table is scrolled to the bottom, never all at once."""
    now = utcnow()
    for n in range(450):
        insert_at(db, now - timedelta(minutes=n + 1), people["operator"].id, "call.save", "call", n, "silent")
    screen = open_screen(qtbot, db, people["admin"])
    assert screen.count_label.text() == "454 entries"  # and the four users added
    assert screen.model.rowCount() == PAGE == 200
    screen.view.setFocus()
    key(qtbot, screen, "Ctrl+End")
    qtbot.waitUntil(lambda: screen.model.rowCount() == 400)
    screen.view.scrollToBottom()
    qtbot.waitUntil(lambda: screen.model.rowCount() == 454)
    calls = [screen.model.row(n) for n in range(454) if screen.model.row(n).action == "call.save"]
    assert [int(entry.entity_id) for entry in calls] == list(range(450))
    assert not screen.model.canFetchMore(QModelIndex())


def test_f5_reads_new_entries(qtbot, db, log):
    """An entry appended while the screen is open appears after F5, with the count."""
    screen = open_screen(qtbot, db, log["admin"])
    before = screen.model.total()
    audit.append(db, log["lead"].id, "backup.take", "backup", "hotline-2026.sqlite3", "daily")
    screen.view.setFocus()
    key(qtbot, screen, "F5")
    assert screen.model.total() == before + 1
    top = screen.model.row(0)
    assert [screen.model.text(top, c) for c in (USER, ACTION, WHAT, DETAIL)] == [
        "Nguyễn Thị Lan (lan.nguyen)", "Backup taken", "Backup hotline-2026.sqlite3",
        "Daily, at the first start of the day",
    ]  # fmt: skip
    assert re.fullmatch(r"\d\d/\d\d/\d{4} \d\d:\d\d:\d\d", screen.model.text(top, TIME))


def test_nothing_can_be_edited(qtbot, db, log):
    """No cell of the table can be edited: no edit trigger, no editable flag, double-click opens nothing."""
    screen = open_screen(qtbot, db, log["admin"])
    assert screen.view.editTriggers() == QAbstractItemView.EditTrigger.NoEditTriggers
    index = screen.model.index(0, DETAIL)
    assert not screen.model.flags(index) & Qt.ItemFlag.ItemIsEditable
    assert not screen.model.setData(index, "changed")
    rect = screen.view.visualRect(index)
    QTest.mouseDClick(screen.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert screen.view.state() != QAbstractItemView.State.EditingState


def test_copy_selected_rows(qtbot, db, log):
    """Ctrl+C in the table copies the selected entries as tab-separated text."""
    screen = open_screen(qtbot, db, log["admin"])
    screen.view.setFocus()
    screen.view.selectRow(0)
    key(qtbot, screen, "Ctrl+C")
    first = screen.model.row(0)
    assert QGuiApplication.clipboard().text().split("\t")[1:3] == [
        screen.model.text(first, USER), screen.model.text(first, ACTION),
    ]  # fmt: skip


@pytest.mark.parametrize("role", ["operator", "counselor"])
def test_a_user_without_the_right_sees_no_entry(qtbot, db, log, role):
    """Opened by someone who may not read the log, the screen shows nothing and says why."""
    screen = AuditScreen(db, log[role], "en")
    qtbot.addWidget(screen)
    with qtbot.waitSignal(screen.status_message) as message:
        screen.show()
    assert "not allowed" in message.args[0]
    assert screen.model.rowCount() == 0


def test_a_lead_disabled_meanwhile_loses_the_log_at_the_next_refresh(qtbot, db, log):
    """The check is at the data: a lead disabled while the screen is open reads nothing more."""
    screen = open_screen(qtbot, db, log["lead"])
    assert screen.model.rowCount() > 0
    users.disable_user(db, log["lead"].id, by=COMMAND_LINE)
    with qtbot.waitSignal(screen.status_message):
        screen.refresh_button.click()
    assert screen.model.rowCount() == 0


def test_users_list_holds_disabled_users_and_nobody(qtbot, db, log):
    """The user filter lists every user, disabled ones marked, and the entries made by nobody signed in."""
    users.disable_user(db, log["counselor"].id, by=COMMAND_LINE)
    screen = open_screen(qtbot, db, log["admin"])
    items = [screen.user_filter.itemText(n) for n in range(screen.user_filter.count())]
    assert "Võ Thị Thu (thu.vo) — disabled" in items
    choose_by_keyboard(screen.user_filter, audit.NO_USER)
    qtbot.waitUntil(lambda: screen.model.rowCount() > 0 and screen.model.row(0).user_id is None)
    assert all(screen.model.row(n).user_id is None for n in range(screen.model.rowCount()))
    unknown = next(screen.model.row(n) for n in range(screen.model.rowCount())
                   if screen.model.row(n).action == "login.unknown_user")  # fmt: skip
    assert screen.model.text(unknown, USER) == "(unknown username)"


def test_details_in_words():
    """A call's outcome, a new user's roles and an assignment read as words; unknown actions show their code."""
    from hotline.store.audit import AuditEntry

    model = AuditModel()
    model.reset(0, lambda offset, limit: [], {5: "Võ Thị Thu (thu.vo)"})
    now = utcnow()

    def entry(action, entity="", entity_id="", detail=""):
        return AuditEntry(1, now, 5, action, entity, entity_id, detail, "thu.vo", "Võ Thị Thu")

    assert model.text(entry("call.save", "call", "123", "substantive"), DETAIL) == "Call with content"
    assert model.text(entry("call.save", "call", "123"), WHAT) == "Call 123"
    assert model.text(entry("case.assign", "case", "45", "to=5"), DETAIL) == "to Võ Thị Thu (thu.vo)"
    assert model.text(entry("user.add", "user", "5", "operator,shift_lead"), DETAIL) == "Shift lead, Operator"
    assert model.text(entry("user.add", "user", "5"), WHAT) == "User 5 · Võ Thị Thu (thu.vo)"
    assert model.text(entry("settings.change", "setting", "holidays"), WHAT) == "Setting holidays"
    assert model.text(entry("login.failed"), ACTION) == "Wrong password"
    assert model.text(entry("login.failed", "user", "5", "sign-in 3"), DETAIL) == "At sign-in: 3 in a row"
    assert model.text(entry("login.failed", "user", "5", "sign-in locked"), DETAIL) == "At sign-in: account locked"
    assert model.text(entry("session.lock", "user", "5", "idle"), DETAIL) == "after the idle minutes"
    assert model.text(entry("something.new", "thing", "9", "x"), ACTION) == "something.new"
    assert model.text(entry("something.new", "thing", "9", "x"), WHAT) == "thing 9"


def _strings(node: ast.AST, assigned: dict[str, ast.AST]) -> set[str]:
    """The action strings an expression can give: a literal, both sides of an "if … else", a variable assigned
    one of those in the same module, an f-string as a pattern ("case.{}")."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return {node.value}
    if isinstance(node, ast.IfExp):
        return _strings(node.body, assigned) | _strings(node.orelse, assigned)
    if isinstance(node, ast.Name) and node.id in assigned:
        return _strings(assigned[node.id], assigned)
    if isinstance(node, ast.JoinedStr):
        return {"".join(v.value if isinstance(v, ast.Constant) else "{}" for v in node.values)}
    return set()


def _appended_actions() -> set[str]:
    """Every action the program's sources hand to audit.append (or to a window's _audit helper)."""
    found: set[str] = set()
    for path in (ROOT / "hotline").rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        assigned = {target.id: node.value for node in ast.walk(tree) if isinstance(node, ast.Assign)
                    for target in node.targets if isinstance(target, ast.Name) and target.id == "action"}  # fmt: skip
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            if isinstance(func, ast.Attribute) and func.attr == "append" and getattr(func.value, "id", "") == "audit":
                if len(node.args) >= 3:
                    found |= _strings(node.args[2], assigned)
            elif isinstance(func, ast.Attribute) and func.attr == "_audit" and node.args:
                found |= _strings(node.args[0], assigned)
    return found


def test_every_action_the_program_appends_has_words():
    """Each action string found in an audit.append(…) of the sources has a label in the viewer."""
    found = _appended_actions()
    assert {"call.save", "call.edit", "login.failed", "access.denied", "case.view", "session.lock"} <= found
    # an f-string action: case.{kind} of a note or its correction (hotline/store/cases.py)
    assert "case.{}" in found
    found = {a for a in found if "{" not in a} | {"case.note", "case.correction"}
    missing = sorted(a for a in found if a not in audit_words.ACTIONS)
    assert not missing, f"give these actions words in hotline/ui/audit_words.py: {missing}"


def test_every_permission_and_action_has_a_group_or_words():
    """Every permission of the matrix has words (for refusals) and every labelled action falls in a group."""
    from hotline.core import permissions

    assert set(permissions.ACTIONS) <= set(audit_words.PERMISSIONS)
    assert [a for a in audit_words.ACTIONS if audit_words.group_of(a) is None] == []
