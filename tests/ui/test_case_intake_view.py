"""The case file shows first what the caller reported (the intake call), opens it with Enter, and keeps late steps
marked late."""

from __future__ import annotations

from datetime import timedelta

import pytest
from keyboard import type_text
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication

from hotline.core.models import Call, Child, Handoff
from hotline.core.taxonomy import load_taxonomy
from hotline.core.timeutil import format_local, utcnow
from hotline.settings import Settings
from hotline.store import calls as call_store
from hotline.store import cases as case_store
from hotline.store.handoffs import record_handoff
from hotline.ui.case_view import CaseView
from hotline.ui.timefmt import span_text

SUMMARY = "Hàng xóm gọi: hai chị em bị cha dượng đánh, bé Lan có vết bầm ở tay."


@pytest.fixture
def people(make_user):
    return {
        "operator": make_user("tongdai1", ["operator"], "Nguyễn Văn An"),
        "counselor": make_user("canbo1", ["counselor"], "Huỳnh Thị Lan"),
        "lead": make_user("truongca", ["shift_lead"], "Trần Thị Mai"),
    }


def open_case(db, people, *, days_ago: float = 0.1):
    """A violence report at high risk about one child, passed to the commune, with a case file and a later call."""
    started = utcnow() - timedelta(days=days_ago)
    call = call_store.save_call(db, Call(
        line="111", started_at=started, operator_id=people["operator"].id, phone_raw="0912 345 678",
        categories=["abuse.violence"], risk="high", service_level="intervention", summary=SUMMARY, flagged=True,
        children=[Child(name="Bé Lan", sex="female", age=9, status="abused")],
    ))  # fmt: skip
    counselor = people["counselor"].id
    record_handoff(db, call.id, Handoff("commune", "UBND phường Long Xuyên", "phone", started + timedelta(minutes=20)),
                   user_id=counselor)  # fmt: skip
    [case] = case_store.open_cases(db, call.id, [call.children[0].id], by_user_id=counselor, assigned_to=counselor)
    later = call_store.save_call(db, Call(
        line="111", started_at=utcnow() - timedelta(minutes=5), operator_id=people["operator"].id,
        phone_raw="0912 345 678", categories=["counselling.relationships"], service_level="counselling",
        summary="Mẹ bé gọi lại.",
    ))  # fmt: skip
    case_store.link_call(db, case.id, later.id, by_user_id=counselor)
    return call, case


def show(qtbot, view: CaseView) -> CaseView:
    qtbot.addWidget(view)
    view.show()
    view.activateWindow()
    qtbot.waitUntil(view.isActiveWindow)
    return view


def top_of(widget, view) -> int:
    return widget.mapTo(view, QPoint(0, 0)).y()


def test_the_case_file_shows_what_the_caller_reported_first(qtbot, db, people):
    """The intake call's time, operator, risk, categories and summary are at the top of the case file, above the
    clocks and the tabs; the calls list starts with it, and Enter on it opens the call read-only for a counselor."""
    call, case = open_case(db, people)
    view = show(qtbot, CaseView(db, people["counselor"], case.id, Settings.load(db), "en"))
    box = view.intake_box
    meta = box.meta.text()
    for words in (f"Call no. {call.id}", format_local(call.started_at), "taken by Nguyễn Văn An", "risk: High"):
        assert words in meta
    assert load_taxonomy().label("abuse.violence", "en") in box.categories.text()
    assert box.summary.toPlainText() == SUMMARY and box.open_button.isVisible()
    assert top_of(box, view) < top_of(view.clocks, view) < top_of(view.tabs, view)

    view.tabs.setCurrentWidget(view.links)
    linked = view.links.linked
    assert linked.count() == 2 and linked.item(0).text().startswith("Intake call: ")
    linked.setFocus()
    linked.setCurrentRow(0)
    qtbot.keyClick(linked, Qt.Key.Key_Return)
    dialog = view.call_dialog
    assert dialog is not None and dialog.call.id == call.id and not dialog.can_edit
    assert dialog.form.summary_edit.toPlainText() == SUMMARY
    assert case_store.get_case(db, case.id, viewer_id=people["counselor"].id, audit_view=False).status == "received"
    dialog.done(0)


def test_a_shift_lead_opens_the_intake_call_by_its_key_and_the_file_follows_the_edit(qtbot, db, people):
    """Alt+O (printed on "Open the call") opens the intake call editable for a shift lead; the corrected summary
    shows in the case file once saved."""
    call, case = open_case(db, people)
    view = show(qtbot, CaseView(db, people["lead"], case.id, Settings.load(db), "en"))
    qtbot.keyClick(QApplication.focusWidget() or view, Qt.Key.Key_O, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: view.call_dialog is not None)  # a button's key clicks it after a short flash
    dialog = view.call_dialog
    assert dialog is not None and dialog.call.id == call.id and dialog.can_edit
    qtbot.waitUntil(dialog.isActiveWindow)
    summary = dialog.form.summary_edit
    summary.setFocus()
    qtbot.keyClick(summary, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    type_text(summary, " Mẹ đi làm xa.")
    qtbot.keyClick(summary, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert call_store.get_call(db, call.id, viewer_id=people["lead"].id).summary == SUMMARY + " Mẹ đi làm xa."
    assert view.intake_box.summary.toPlainText() == SUMMARY + " Mẹ đi làm xa."
    dialog.done(0)


def test_enter_in_the_steps_table_marks_no_step_done(qtbot, db, people):
    """Enter pressed on the steps table presses no button of the case file: the step stays as it was."""
    _call, case = open_case(db, people)
    view = show(qtbot, CaseView(db, people["counselor"], case.id, Settings.load(db), "en"))
    view.steps.setFocus()
    qtbot.keyClick(view.steps, Qt.Key.Key_Return)
    assert case_store.get_case(db, case.id, viewer_id=people["counselor"].id, audit_view=False).status == "received"
    assert view.call_dialog is None


def test_a_plan_done_after_its_due_stays_marked_late(qtbot, db, people):
    """The plan done days after its due (5 working days) shows "… late" in the steps and on its clock, by how much."""
    _call, case = open_case(db, people, days_ago=12)
    counselor = people["counselor"]
    view = show(qtbot, CaseView(db, counselor, case.id, Settings.load(db), "en"))
    for _step in ("assessment", "needs", "plan"):
        view.next_button.click()
    stored = case_store.get_case(db, case.id, viewer_id=counselor.id, audit_view=False)
    [done] = [e for e in case_store.case_events(db, case.id, viewer_id=counselor.id) if e.step == "plan"]
    late = f"{span_text(int((done.at - stored.plan_due).total_seconds()))} late"
    assert stored.status == "plan" and done.at > stored.plan_due
    assert late in view.steps.item(3, 1).text() and view.steps.item(4, 1).text() == ""
    plan_row = [view.clocks.table.item(row, 0).text() for row in range(view.clocks.table.rowCount())].index(
        "Support and intervention plan (5 working days)"
    )
    assert view.clocks.table.item(plan_row, 3).text() == f"Met {late}"
