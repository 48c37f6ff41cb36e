"""Windows fit a 1366×768 laptop (about 1366×700 free for a window): sizes clamped, actions in sight, bodies scroll."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QApplication, QPushButton, QWidget

from hotline.core.models import Call, Child
from hotline.core.timeutil import utcnow
from hotline.settings import Settings
from hotline.store import calls as call_store
from hotline.store import cases as case_store
from hotline.ui import clock_dialogs
from hotline.ui.call_edit_dialog import CallEditDialog
from hotline.ui.case_file_bar import OverrideReasonDialog
from hotline.ui.case_view import CaseView

#: What a maximized window has on a 1366×768 screen once the taskbar and the title bar are taken.
LAPTOP_WIDTH, LAPTOP_HEIGHT = 1366, 700


@pytest.fixture
def people(make_user):
    return {
        "operator": make_user("tongdai1", ["operator"], "Nguyễn Văn An"),
        "counselor": make_user("canbo1", ["counselor"], "Huỳnh Thị Lan"),
        "lead": make_user("truongca", ["shift_lead"], "Trần Thị Mai"),
    }


@pytest.fixture
def report(db, people):
    """A sexual-abuse report about two siblings with a long summary, and a case file for the first child."""
    call = call_store.save_call(db, Call(
        line="111", started_at=utcnow() - timedelta(hours=2), operator_id=people["operator"].id,
        phone_raw="0912 345 678", categories=["abuse.sexual", "abuse.violence"], risk="high",
        service_level="intervention", summary="Hàng xóm gọi: hai chị em bị cha dượng đánh và xâm hại. " * 6,
        children=[Child(name="Bé Lan", sex="female", age=9, status="abused"),
                  Child(name="Bé Tùng", sex="male", age=6, status="abused")], flagged=True,
    ))  # fmt: skip
    counselor = people["counselor"].id
    [case] = case_store.open_cases(db, call.id, [call.children[0].id], by_user_id=counselor, assigned_to=counselor)
    case_store.add_note(db, case.id, "Đã gọi cho mẹ bé.", by_user_id=counselor)
    return call, case


def shown(qtbot, window: QWidget) -> QWidget:
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def in_sight(widget: QWidget, within: QWidget) -> bool:
    """Whether ``widget`` is shown and lies wholly inside ``within``'s rectangle."""
    rect = QRect(widget.mapTo(within, QPoint(0, 0)), widget.size())
    return widget.isVisible() and within.rect().contains(rect)


def test_the_case_file_opens_inside_the_screen_with_its_actions_in_sight(qtbot, db, people, report):
    """The case file opens no larger than the screen's free area, needs no more than 1366×700, and Mẫu 01, Close
    the case and Close the window lie inside it."""
    view = shown(qtbot, CaseView(db, people["counselor"], report[1].id, Settings.load(db), "en"))
    area = view.screen().availableGeometry()
    assert view.width() <= area.width() and view.height() <= area.height()
    least = view.minimumSizeHint()
    assert least.width() <= LAPTOP_WIDTH and least.height() <= LAPTOP_HEIGHT
    for button in (view.form_button, view.close_button, view.done_button):
        assert in_sight(button, view), button.objectName()


def test_on_a_laptop_screen_the_case_file_needs_no_scrolling(qtbot, db, people, report):
    """At 1366×700 the whole case file is in sight without scrolling: the intake call, the clocks, the steps and
    the note's Add button; smaller, it scrolls while its buttons stay in sight."""
    view = shown(qtbot, CaseView(db, people["counselor"], report[1].id, Settings.load(db), "en"))
    view.resize(LAPTOP_WIDTH, LAPTOP_HEIGHT)
    qtbot.waitUntil(lambda: view.height() == LAPTOP_HEIGHT)
    QApplication.processEvents()
    assert view.scroll.verticalScrollBar().maximum() == 0
    viewport = view.scroll.viewport()
    for widget in (view.intake_box, view.clocks, view.steps, view.next_button, view.notes.add_button):
        assert in_sight(widget, viewport), widget.objectName()
    view.resize(900, 480)
    qtbot.waitUntil(lambda: view.height() == 480)
    QApplication.processEvents()
    assert view.scroll.verticalScrollBar().maximum() > 0
    for button in (view.form_button, view.close_button, view.done_button):
        assert in_sight(button, view), button.objectName()


def test_the_call_edit_dialog_opens_inside_the_screen_with_save_and_close_in_sight(qtbot, db, people, report,
                                                                                   vietnamese):  # fmt: skip
    """The call window in Vietnamese (the longer words) opens no larger than the screen's free area, its least
    width included, and Save and Close lie inside it."""
    dialog = CallEditDialog(db, people["lead"], report[0].id, Settings.load(db), "vi")
    shown(qtbot, dialog)
    area = dialog.screen().availableGeometry()
    assert dialog.minimumSizeHint().width() <= area.width()
    assert dialog.width() <= area.width() and dialog.height() <= area.height()
    least = dialog.minimumSizeHint()
    assert least.width() <= LAPTOP_WIDTH and least.height() <= LAPTOP_HEIGHT
    for button in (dialog.save_button, dialog.close_button):
        assert in_sight(button, dialog), button.objectName()
    dialog.done(0)


@pytest.mark.parametrize("make", [
    lambda: clock_dialogs.HandoffDialog("UBND phường Long Xuyên"), clock_dialogs.EmergencyDialog,
    clock_dialogs.PlanApprovalDialog, lambda: clock_dialogs.SeparationDialog(False),
    lambda: clock_dialogs.SeparationDialog(True), clock_dialogs.ReviewDialog, OverrideReasonDialog,
])  # fmt: skip
def test_the_small_dialogs_of_the_clocks_fit_and_show_their_buttons(qtbot, make):
    """Each dialog that records a clock needs no more than 1366×700 and opens with its buttons inside it."""
    dialog = shown(qtbot, make())
    least = dialog.minimumSizeHint()
    assert least.width() <= LAPTOP_WIDTH and least.height() <= LAPTOP_HEIGHT
    buttons = [b for b in dialog.findChildren(QPushButton) if b.isVisible()]
    assert buttons and all(in_sight(button, dialog) for button in buttons)
