"""Keyboard-first: Tab leaves every table, the focused control shows a ring, a field reached by its key is in sight."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QColor, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QPushButton,
    QRadioButton,
    QWidget,
)

from hotline.core.models import Call, Child
from hotline.core.timeutil import utcnow
from hotline.store import calls as call_store
from hotline.store import cases as case_store
from hotline.ui import style
from hotline.ui.call_edit_dialog import CallEditDialog, ConflictDialog
from hotline.ui.case_view import CaseView
from hotline.ui.main_window import MainWindow

# closing a window with a call typed asks first: every test answers "yes, keep it as a draft"
pytestmark = pytest.mark.usefixtures("keep_typed_calls")
ROLES = {
    "operator": ["operator"],
    "shift lead": ["shift_lead", "operator"],
    "counselor": ["counselor"],
    "administrator": ["admin"],
}


@pytest.fixture
def people(make_user):
    return {
        "operator": make_user("tongdai1", ["operator"], "Nguyễn Văn An"),
        "lead": make_user("truongca", ["shift_lead", "operator"], "Trần Thị Mai"),
        "counselor": make_user("canbo1", ["counselor"], "Huỳnh Thị Lan"),
    }


@pytest.fixture
def report(db, people):
    """A flagged report about one child, saved ten minutes ago by the operator, with a case file for the child."""
    call = call_store.save_call(db, Call(
        line="111", started_at=utcnow() - timedelta(minutes=10), operator_id=people["operator"].id,
        phone_raw="0912 345 678", categories=["abuse.violence"], risk="high", service_level="intervention",
        summary="Hàng xóm gọi: bé bị cha dượng đánh.", action_taken="Đã báo công an phường.",
        children=[Child(name="Bé Lan", sex="female", age=9, status="abused")], flagged=True,
    ))  # fmt: skip
    counselor = people["counselor"].id
    [case] = case_store.open_cases(db, call.id, [call.children[0].id], by_user_id=counselor, assigned_to=counselor)
    return call, case


def activate(qtbot, window: QWidget, width: int = 1366, height: int = 768) -> QWidget:
    """Show ``window`` at the given size, active, so keys reach its shortcuts."""
    window.resize(width, height)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    QApplication.processEvents()
    return window


def open_window(qtbot, db, settings, user, height: int = 768) -> MainWindow:
    window = MainWindow(db, user, settings, "pc-test")
    qtbot.addWidget(window)
    window.start_session()
    return activate(qtbot, window, height=height)


def press(qtbot, sequence: str) -> None:
    """A key as a person presses it: on whatever has the focus."""
    combo = QKeySequence(sequence)[0]
    qtbot.keyClick(QApplication.focusWidget(), combo.key(), combo.keyboardModifiers())


def tables_that_keep_tab(window: QWidget) -> list[str]:
    """The item views of ``window`` (not the lists that combo boxes and completers pop up) in which Tab moves."""
    views = [view for view in window.findChildren(QAbstractItemView) if view.window() is window]
    assert views, "the window has no table at all"
    return [view.objectName() or type(view).__name__ for view in views if view.tabKeyNavigation()]


def in_sight(widget: QWidget, scroll_area) -> bool:
    """Whether ``widget`` lies wholly inside what ``scroll_area`` shows."""
    viewport = scroll_area.viewport()
    return viewport.rect().contains(QRect(widget.mapTo(viewport, QPoint(0, 0)), widget.size()))


# --- Tab leaves the tables ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("role", ROLES)
def test_tab_leaves_every_table_of_each_roles_screens(qtbot, db, settings, make_user, role):
    """In every screen of an operator, a shift lead, a counselor and an administrator, Tab leaves a table (the
    arrows move inside it): no table keeps Tab for moving from cell to cell."""
    window = open_window(qtbot, db, settings, make_user("nguoidung", ROLES[role]))
    assert tables_that_keep_tab(window) == []


def test_tab_leaves_the_tables_of_a_case_file_and_of_the_call_window(qtbot, db, settings, people, report):
    """The case file (deadlines, steps, notes…), the call window and its conflict dialog: no table keeps Tab."""
    call, case = report
    view = CaseView(db, people["counselor"], case.id, settings, "en")
    qtbot.addWidget(view)
    assert tables_that_keep_tab(view) == []
    dialog = CallEditDialog(db, people["lead"], call.id, settings, "en")
    qtbot.addWidget(dialog)
    assert tables_that_keep_tab(dialog) == []
    conflict = ConflictDialog([("Summary", "theirs", "mine")], "Trần Thị Mai", utcnow())
    qtbot.addWidget(conflict)
    assert tables_that_keep_tab(conflict) == []


def test_tab_in_the_daily_log_table_moves_the_focus_out_of_it(qtbot, db, settings, people, report):
    """A shift lead in the daily log's table presses Tab: the focus leaves the table for the next control."""
    window = open_window(qtbot, db, settings, people["lead"])
    press(qtbot, "Ctrl+2")
    table = window.workspace.daily_log.view
    qtbot.waitUntil(table.hasFocus, timeout=2000)
    assert table.model().rowCount() == 1
    press(qtbot, "Tab")
    assert QApplication.focusWidget() is not table
    press(qtbot, "Shift+Tab")
    assert QApplication.focusWidget() is table
    press(qtbot, "Shift+Tab")
    assert QApplication.focusWidget() is not table


# --- a visible focus ring -------------------------------------------------------------------------------------------


@pytest.fixture
def program_style(qapp):
    """The program's own style on the application, put back as it was afterwards."""
    name, sheet, font = qapp.style().name(), qapp.styleSheet(), qapp.font()
    style.apply_style(qapp)
    yield
    qapp.setStyleSheet(sheet)
    qapp.setStyle(name)
    qapp.setFont(font)


def ring_pixels(widget: QWidget) -> int:
    """How many pixels of ``widget`` are a strong blue (the platform's own faint focus tint is not)."""
    image = widget.grab().toImage()
    colours = (QColor(image.pixel(x, y)) for y in range(image.height()) for x in range(image.width()))
    return sum(c.blue() > 150 and c.red() < 80 and c.green() < 120 for c in colours)


@pytest.mark.parametrize("make", [
    lambda: QPushButton("Save (Ctrl+S)"), lambda: QCheckBox("Case file needed (Alt+N)"),
    lambda: QRadioButton("Information (Alt+1)"), lambda: QComboBox(),
])  # fmt: skip
def test_the_focused_control_shows_a_blue_ring(qtbot, program_style, make):
    """With the program's style, a button, check box, radio button or combo box with the keyboard focus is ringed
    in blue; the one beside it, without the focus, is not."""
    window = QWidget()
    qtbot.addWidget(window)
    row = QHBoxLayout(window)
    first, second = make(), make()
    for control in (first, second):
        row.addWidget(control)
        if isinstance(control, QComboBox):
            control.addItems(["Phone", "Zalo"])
    activate(qtbot, window, 520, 60)
    first.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(first.hasFocus)
    perimeter = 2 * (first.width() + first.height())
    assert ring_pixels(first) >= perimeter, "the focused control has no ring"
    assert ring_pixels(second) == 0


# --- a field reached by its key is in sight -------------------------------------------------------------------------


@pytest.mark.parametrize("key", ["Alt+S", "Alt+A"])
def test_on_a_small_window_the_call_screens_keys_bring_their_field_into_sight(qtbot, db, settings, people, key):
    """The live call screen 600 pixels tall: Alt+S (summary) or Alt+A (action taken) scrolls the whole box into
    sight, not only the line of its cursor."""
    window = open_window(qtbot, db, settings, people["operator"], height=600)
    screen = window.workspace.call_screen
    press(qtbot, "F2")
    assert screen.scroll.verticalScrollBar().maximum() > 0, "the form fits: the test would prove nothing"
    press(qtbot, key)
    field = QApplication.focusWidget()
    assert field is {"Alt+S": screen.form.summary_edit, "Alt+A": screen.form.action_edit}[key]
    assert in_sight(field, screen.scroll)


@pytest.mark.parametrize("key", ["Alt+A", "Alt+S"])
def test_in_the_call_window_the_keys_bring_their_field_into_sight(qtbot, db, settings, people, report, key):
    """The call window opened from "My calls", 600 pixels tall: Alt+A brings "Action taken" (and Alt+S the summary)
    wholly into sight, so what is typed is seen."""
    dialog = CallEditDialog(db, people["operator"], report[0].id, settings, "en")
    qtbot.addWidget(dialog)
    activate(qtbot, dialog, 1000, 600)
    scroll = dialog.tabs.widget(0)
    assert scroll.verticalScrollBar().maximum() > 0, "the form fits: the test would prove nothing"
    press(qtbot, key)
    field = QApplication.focusWidget()
    assert field is {"Alt+S": dialog.form.summary_edit, "Alt+A": dialog.form.action_edit}[key]
    assert in_sight(field, scroll)
    dialog.done(0)
