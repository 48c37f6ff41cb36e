"""pytest-qt flows of the legal clocks (ND 56/2017, Chương III): lists, queue, case file and the settings page."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from keyboard import type_text, with_next_dialog
from PySide6.QtCore import QDate, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialogButtonBox, QPushButton

from hotline.core.models import Call, Child, Handoff
from hotline.core.timeutil import utcnow
from hotline.settings import Settings
from hotline.store import audit
from hotline.store import calls as call_store
from hotline.store import case_clocks as clock_store
from hotline.store import cases as case_store
from hotline.store.access import COMMAND_LINE
from hotline.store.handoffs import record_handoff
from hotline.ui.admin.admin_screen import AdminScreen
from hotline.ui.case_view import CaseView
from hotline.ui.workspace import Workspace


@pytest.fixture
def people(make_user):
    return {
        "operator": make_user("tongdai1", ["operator"], "Nguyễn Văn An"),
        "counselor": make_user("canbo1", ["counselor"], "Huỳnh Thị Lan"),
    }


def report(db, operator_id: int, started: datetime, name: str) -> Call:
    """A violence report at high risk about one child, flagged by its rules."""
    call = Call(line="111", started_at=started, operator_id=operator_id, risk="high", categories=["abuse.violence"],
                service_level="intervention", flagged=True, children=[Child(name=name, age=8, status="abused")],
                summary="Trẻ bị cha đánh.")  # fmt: skip
    return call_store.save_call(db, call)


def ok(dialog) -> None:
    QTest.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)


def test_the_overdue_list_shows_the_most_overdue_first(qtbot, db, people):
    """The overdue cases list the most overdue case first (26 days late on top), as the store orders them."""
    counselor, now = people["counselor"], utcnow()
    numbers = {}
    for days in (3, 26, 10):
        call = report(db, people["operator"].id, now - timedelta(days=days), f"Bé {days}")
        record_handoff(db, call.id, Handoff("commune", "UBND xã Mỹ Hòa Hưng", "phone", now), user_id=counselor.id)
        (case,) = case_store.open_cases(db, call.id, [call.children[0].id], by_user_id=counselor.id,
                                        assigned_to=counselor.id)  # fmt: skip
        numbers[days] = case.number
    space = Workspace(db, counselor, Settings.load(db), "pc-test")
    qtbot.addWidget(space)
    space.resize(1366, 768)
    space.show()
    space.nav.setCurrentIndex(space.keys.index("overdue"))
    screen = space.lists["overdue"]
    shown = [screen.proxy.index(row, 2).data() for row in range(screen.proxy.rowCount())]
    assert shown == [numbers[26], numbers[10], numbers[3]]
    assert screen.proxy.index(0, 0).data().startswith("OVERDUE by 25 d")
    assert screen.proxy.index(0, 1).data() == "Emergency measures (12 h)"
    space.nav.setCurrentIndex(space.keys.index("mine"))
    mine = space.lists["mine"]
    assert [mine.proxy.index(row, 2).data() for row in range(mine.proxy.rowCount())] == shown


def test_a_counselor_records_the_hand_off_from_the_queue(qtbot, db, people):
    """Điều 26(1): in the queue a report not passed to the commune says so; the counselor records to whom, how and
    when in a small dialog, and the queue then shows it."""
    counselor = people["counselor"]
    call = report(db, people["operator"].id, utcnow() - timedelta(minutes=15), "Bé Lan")
    space = Workspace(db, counselor, Settings.load(db), "pc-test")
    qtbot.addWidget(space)
    space.resize(1366, 768)
    space.show()
    space.nav.setCurrentIndex(space.keys.index("queue"))
    queue = space.followup
    assert queue.proxy.index(0, 1).data() == "Hand-off to the commune"
    assert queue.proxy.index(0, 2).data() == "not recorded"
    assert queue.proxy.index(0, 0).data() == "Due now (at once)"

    def fill(dialog) -> None:
        dialog.to_whom.selectAll()
        type_text(dialog.to_whom, "UBND xã Vĩnh Hanh, chị Tư")
        dialog.means.setCurrentIndex(dialog.means.findData("written"))
        ok(dialog)

    handled = with_next_dialog(fill)
    QTest.mouseClick(queue.handoff_button, Qt.MouseButton.LeftButton)
    assert handled, "the hand-off dialog did not open"
    (handoff,) = clock_store.call_facts(db, call.id, viewer_id=counselor.id).handoffs
    assert (handoff.kind, handoff.to_whom, handoff.means, handoff.user_id) == (
        "commune", "UBND xã Vĩnh Hanh, chị Tư", "written", counselor.id
    )  # fmt: skip
    assert queue.proxy.index(0, 1).data() == "Emergency measures (12 h)"
    assert "In writing" in queue.proxy.index(0, 2).data()
    assert "UBND xã Vĩnh Hanh, chị Tư" in queue.detail.toPlainText()
    assert [e.detail for e in audit.entries(db, viewer=COMMAND_LINE, action="call.handoff")] == ["commune"]


def _case(db, people, started: datetime):
    call = report(db, people["operator"].id, started, "Bé Tùng")
    (case,) = case_store.open_cases(db, call.id, [call.children[0].id], by_user_id=people["counselor"].id,
                                    assigned_to=people["counselor"].id)  # fmt: skip
    return case


def test_the_12_hour_clock_is_met_only_by_its_outcome(qtbot, db, people):
    """Điều 26(3), 32: in the case file, ticking the assessment leaves the 12-hour clock running; "none needed"
    without a reason is refused and what was chosen stays; with a reason the clock is met."""
    counselor = people["counselor"]
    case = _case(db, people, utcnow() - timedelta(hours=2))
    view = CaseView(db, counselor, case.id, Settings.load(db), "en")
    qtbot.addWidget(view)
    view.resize(1240, 720)
    view.show()
    table = view.clocks.table
    assert table.item(1, 0).text() == "Emergency measures / temporary separation (12 hours)"
    assert table.item(1, 1).text() == "Art. 26(3), 32"
    view.next_button.click()  # the initial assessment
    assert case_store.get_case(db, case.id, viewer_id=counselor.id).status == "assessment"
    assert table.item(1, 3).text().endswith("left")  # still running

    refusals: list[str] = []

    def refuse_then_fill(dialog) -> None:
        dialog.none_needed.setChecked(True)
        with_next_dialog(lambda box: (refusals.append(box.text()), box.accept()))
        ok(dialog)  # no reason: refused with a message, the dialog stays with the choice made
        assert dialog.isVisible() and dialog.none_needed.isChecked()
        type_text(dialog.text, "Người gây hại đã bị tạm giữ; trẻ ở với mẹ.")
        ok(dialog)

    handled = with_next_dialog(refuse_then_fill)
    QTest.mouseClick(view.clocks.emergency_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: case_store.get_case(db, case.id, viewer_id=counselor.id).emergency_done_at is not None)
    assert handled
    assert refusals and "why no emergency measures are needed" in refusals[0]
    events = [e for e in case_store.case_events(db, case.id, viewer_id=counselor.id) if e.kind == "emergency"]
    assert [(e.service, e.text) for e in events] == [("none_needed", "Người gây hại đã bị tạm giữ; trẻ ở với mẹ.")]
    assert table.item(1, 3).text().startswith("Met ")
    assert "no emergency measures needed" in view.clocks.facts.toolTip()


def test_a_review_still_at_risk_starts_a_new_plan(qtbot, db, people):
    """Điều 30: at the review the counselor says the child is still at risk: the case goes back to the plan, with a
    new plan due, and the steps table starts the new cycle."""
    counselor = people["counselor"]
    case = _case(db, people, utcnow() - timedelta(days=20))
    for step in ("assessment", "needs", "plan", "implementing"):
        case_store.complete_step(db, case.id, step, by_user_id=counselor.id)
    view = CaseView(db, counselor, case.id, Settings.load(db), "en")
    qtbot.addWidget(view)
    assert view.next_button.text().replace("&", "") == "Mark done: Review"

    def still_at_risk(dialog) -> None:
        dialog.at_risk.setChecked(True)
        type_text(dialog.text, "Cha vẫn uống rượu và đánh trẻ.")
        ok(dialog)

    handled = with_next_dialog(still_at_risk)
    view.next_button.click()
    assert handled
    stored = case_store.get_case(db, case.id, viewer_id=counselor.id)
    assert stored.status == "needs" and stored.plan_due > utcnow()
    assert view.next_button.text().replace("&", "") == "Mark done: Support plan"
    assert view.steps.item(3, 1).text() == "" and view.steps.item(5, 1).text() == ""
    assert "plan cycle 2" in view.header.text()
    assert view.clocks.table.item(2, 3).text().endswith("left")


def test_working_saturdays_are_saved_from_the_settings_page(qtbot, db, make_user, tmp_path):
    """An administrator adds a swapped working Saturday beside the holidays and saves; a Friday is refused with a
    clear message; the setting holds the Saturday."""
    admin = make_user("quantri", ["admin"], "Quản trị viên")
    screen = AdminScreen(db, admin, "en", tmp_path / "hotline.sqlite3")
    qtbot.addWidget(screen)
    screen.resize(1366, 768)
    screen.show()
    screen.reload()
    page = screen.show_page("settings")
    page.saturday_date.setFocus()
    page.saturday_date.setDate(QDate(2027, 2, 12))  # a Friday
    add = screen.findChild(QPushButton, "addWorkingSaturdayButton")
    QTest.mouseClick(add, Qt.MouseButton.LeftButton)
    assert "12/02/2027 is not a Saturday" in page.status.text()
    assert page.saturdays_list.count() == 0
    page.saturday_date.setFocus()
    page.saturday_date.setDate(QDate(2027, 2, 13))
    QTest.mouseClick(add, Qt.MouseButton.LeftButton)
    assert [page.saturdays_list.item(i).text() for i in range(page.saturdays_list.count())] == ["13/02/2027"]
    QTest.mouseClick(screen.findChild(QPushButton, "saveSettingsButton"), Qt.MouseButton.LeftButton)
    assert Settings.load(db).working_saturdays() == [date(2027, 2, 13)]
    assert [e.detail or e.entity_id for e in audit.entries(db, viewer=COMMAND_LINE, action="settings.")] == [
        "working_saturdays"
    ]


def test_the_plan_due_counts_the_saved_saturday(qtbot, db, people, make_user):
    """Điều 28(1): a report saved after the Saturday was declared gets a plan due that counts it."""
    admin = make_user("quantri", ["admin"], "Quản trị viên")
    from hotline import settings as centre_settings

    centre_settings.save(db, "working_saturdays", ["2027-02-13"], by=admin.id)
    call = report(db, people["operator"].id, datetime(2027, 2, 8, 3, tzinfo=UTC), "Bé Tết")  # Monday
    assert call.plan_due == datetime(2027, 2, 13, 16, 59, 59, tzinfo=UTC)  # Tue–Fri, then Saturday 13/02
