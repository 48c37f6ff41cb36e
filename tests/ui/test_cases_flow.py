"""pytest-qt flows of issue 5: a counselor takes a flagged call, opens files for two siblings and works the case."""

from __future__ import annotations

from datetime import timedelta

import pytest
from keyboard import answer_next_dialog, type_text

from hotline.core.models import Call, Child
from hotline.core.timeutil import utcnow
from hotline.settings import Settings
from hotline.store import audit
from hotline.store import calls as call_store
from hotline.store import cases as case_store
from hotline.store.access import COMMAND_LINE
from hotline.ui.case_view import CaseView
from hotline.ui.workspace import Workspace


def flagged_call(db, operator_id: int, *, minutes_ago: int = 30, phone: str = "0912 345 678") -> Call:
    """A sexual-abuse report about two siblings, flagged by the rules (the store applies them), as the live-call
    screen saves it."""
    started = utcnow() - timedelta(minutes=minutes_ago)
    children = [Child(name="Bé Lan", sex="female", age=9, status="abused"),
                Child(name="Bé Tùng", sex="male", age=6, status="abused")]  # fmt: skip
    call = Call(
        line="111", started_at=started, operator_id=operator_id, phone_raw=phone, categories=["abuse.sexual"],
        risk="high", service_level="intervention", summary="Hai chị em bị cha dượng xâm hại.", children=children,
        flagged=True,
    )  # fmt: skip
    return call_store.save_call(db, call)


@pytest.fixture
def people(make_user):
    return {
        "operator": make_user("tongdai1", ["operator"], "Nguyễn Văn An"),
        "counselor": make_user("canbo1", ["counselor"], "Huỳnh Thị Lan"),
        "lead": make_user("truongca", ["shift_lead"], "Trần Thị Mai"),
    }


@pytest.fixture
def workspace(qtbot, db, people):
    def open_(user) -> Workspace:
        space = Workspace(db, user, Settings.load(db), "pc-test")
        qtbot.addWidget(space)
        space.resize(1300, 800)
        space.show()
        return space

    return open_


def nav_texts(space: Workspace) -> list[str]:
    return [space.nav.tabText(row) for row in range(space.nav.count())]


def test_counselor_takes_a_call_opens_two_files_works_and_closes_them(qtbot, db, people, workspace):
    """Queue → take → two files for two siblings → steps, notes, a linked later call, close, reopen."""
    counselor = people["counselor"]
    call = flagged_call(db, people["operator"].id)
    later = call_store.save_call(db, Call(line="111", started_at=utcnow(), operator_id=people["operator"].id,
                                          outcome="silent", phone_raw="0912345678"))  # fmt: skip
    space = workspace(counselor)
    assert "Follow-up queue (1)" in nav_texts(space)
    queue = space.followup
    space.nav.setCurrentIndex(space.keys.index("queue"))
    assert queue.model.rowCount() == 1 and queue.selected().call_id == call.id

    queue.take_button.click()
    assert queue.selected().followup_by == counselor.id

    answer_next_dialog("Open the files")
    with qtbot.waitSignal(queue.open_case) as opened:
        queue.open_button.click()
    files = case_store.cases_of_call(db, call.id, viewer_id=people["counselor"].id)
    assert sorted(f.child_name for f in files) == ["Bé Lan", "Bé Tùng"]
    assert len({f.number for f in files}) == 2 and all(f.number.startswith("AG-") for f in files)
    qtbot.waitUntil(lambda: "Follow-up queue (0)" in nav_texts(space))
    assert "My cases (2)" in nav_texts(space)
    assert queue.model.rowCount() == 0

    view = space.findChild(CaseView)
    assert view is not None and view.case_id == opened.args[0]
    view.next_button.click()  # received → initial assessment
    view.next_button.click()  # → needs identified
    assert case_store.get_case(db, view.case_id, viewer_id=counselor.id).status == "needs"

    type_text(view.notes.edit, "Đã gặp bé tại nhà bà ngoại, bé an toàn.")
    view.notes.add_button.click()
    view.notes.list.setCurrentRow(0)
    type_text(view.notes.edit, "Sửa: gặp bé tại trường.")
    view.notes.correct_button.click()
    events = case_store.case_events(db, view.case_id, viewer_id=people["counselor"].id)
    notes = [e for e in events if e.kind in ("note", "correction")]
    assert [e.kind for e in notes] == ["note", "correction"] and notes[1].refers_to == notes[0].id

    view.links.find_button.click()  # empty search: calls from the same number
    assert view.links.candidates.count() == 1
    view.links.candidates.setCurrentRow(0)
    view.links.link_button.click()
    assert [c.id for c in case_store.linked_calls(db, view.case_id, viewer_id=people["counselor"].id)] == [later.id]

    answer_next_dialog("OK", text="Trẻ đã được đưa về sống cùng bà ngoại, an toàn.")
    view.close_button.click()
    assert case_store.get_case(db, view.case_id, viewer_id=counselor.id).status == "closed"
    qtbot.waitUntil(lambda: "My cases (1)" in nav_texts(space))
    answer_next_dialog("OK", text="Bé lại bị đánh.")
    view.close_button.click()
    assert case_store.get_case(db, view.case_id, viewer_id=counselor.id).status == "needs"
    qtbot.waitUntil(lambda: "My cases (2)" in nav_texts(space))
    actions = {e.action for e in audit.entries(db, viewer=COMMAND_LINE, user_id=counselor.id, limit=200)}
    assert {"case.open", "case.view"} <= actions
    view.close()


def test_shift_lead_sees_the_queue_read_only_and_gives_a_call_to_a_counselor(qtbot, db, people, workspace):
    """A shift lead sees the queue and cases but cannot open files; they can give a call to a counselor."""
    call = flagged_call(db, people["operator"].id)
    space = workspace(people["lead"])
    space.nav.setCurrentIndex(space.keys.index("queue"))  # the lead opens the queue tab
    queue = space.followup
    assert not queue.open_button.isVisible() and not queue.take_button.isVisible()
    assert queue.assign_combo.findData(people["counselor"].id) >= 0
    queue.assign_combo.setCurrentIndex(queue.assign_combo.findData(people["counselor"].id))
    queue.assign_button.click()
    assert case_store.followup_queue(db, viewer_id=people["lead"].id)[0].followup_by == people["counselor"].id
    assert "My cases" not in " ".join(nav_texts(space))
    assert call.id == queue.selected().call_id


def test_operator_gets_the_call_screen_and_their_own_calls(qtbot, db, people, workspace):
    """An operator gets the live-call screen and "My calls" of the shift (Ctrl+2), nothing else."""
    space = workspace(people["operator"])
    assert space.keys == ["call", "mycalls"] and space.nav.isVisible()


def test_call_keys_do_not_fire_from_another_screen(qtbot, db, make_user, workspace):
    """For a user with both the call screen and the queue, F5 on the queue does not save a silent call."""
    both = make_user("canbo2", ["operator", "counselor"], "Võ Văn Phúc")
    space = workspace(both)
    space.window().activateWindow()
    space.nav.setCurrentIndex(space.keys.index("queue"))
    silent = next(a for a in space.call_screen.actions() if a.objectName() == "outcomeAction_silent")
    assert not silent.isEnabled()
    space.nav.setCurrentIndex(space.keys.index("call"))
    assert silent.isEnabled()


def _one_case(db, people):
    call = flagged_call(db, people["operator"].id)
    [case] = case_store.open_cases(db, call.id, [call.children[0].id], by_user_id=people["counselor"].id,
                                   assigned_to=people["counselor"].id)  # fmt: skip
    return case


def test_typed_details_survive_other_changes_and_are_saved(qtbot, db, people, tmp_path):
    """Family details being typed are kept when a note is added, then saved; Mẫu 01 prints them with consent."""
    case = _one_case(db, people)
    view = CaseView(db, people["counselor"], case.id, Settings.load(db), "vi")
    qtbot.addWidget(view)
    type_text(view.details.fields["father_name"], "Nguyễn Văn Tâm")
    type_text(view.notes.edit, "Đã gọi cho mẹ bé.")
    view.notes.add_button.click()
    assert view.details.fields["father_name"].text() == "Nguyễn Văn Tâm"
    view.details.consent.setChecked(True)
    view.details.save_button.click()
    stored = case_store.get_case(db, case.id, viewer_id=people["counselor"].id, audit_view=False).details
    assert stored == {"father_name": "Nguyễn Văn Tâm", "informant_consent": "yes"}
    assert not view.details.dirty()
    views = [e for e in audit.entries(db, viewer=COMMAND_LINE, action="case.view") if e.entity_id == str(case.id)]
    assert len(views) == 1, "opening the window is one view; re-reading after changes is not another"


def test_mau01_only_for_own_cases_and_the_shift_lead_reassigns(qtbot, db, people, make_user):
    """Another counselor cannot print this case's Mẫu 01; the shift lead gives the case to them."""
    case = _one_case(db, people)
    other = make_user("canbo2", ["counselor"], "Võ Văn Phúc")
    view = CaseView(db, other, case.id, Settings.load(db), "vi")
    qtbot.addWidget(view)
    assert not view.form_button.isEnabled()
    lead_view = CaseView(db, people["lead"], case.id, Settings.load(db), "vi")
    qtbot.addWidget(lead_view)
    assert lead_view.form_button.isEnabled() and not lead_view.next_button.isVisible()
    lead_view.assign_combo.setCurrentIndex(lead_view.assign_combo.findData(other.id))
    lead_view.assign_button.click()
    assert case_store.get_case(db, case.id, viewer_id=other.id).assigned_to == other.id
    view.reload()
    assert view.form_button.isEnabled()


def test_mau01_of_a_case_without_a_child_is_written(qtbot, db, people, tmp_path, monkeypatch):
    """A file opened for a call with no child recorded still prints its Mẫu 01 (blank child fields)."""
    from PySide6.QtWidgets import QFileDialog

    call = call_store.save_call(db, Call(line="111", started_at=utcnow(), operator_id=people["operator"].id,
                                         categories=["abuse.neglect"], risk="medium", service_level="intervention",
                                         summary="Trẻ bị bỏ mặc.", flagged=True))  # fmt: skip
    [case] = case_store.open_cases(db, call.id, [None], by_user_id=people["counselor"].id,
                                   assigned_to=people["counselor"].id)  # fmt: skip
    out = tmp_path / "mau01.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(out), "PDF (*.pdf)"))
    view = CaseView(db, people["counselor"], case.id, Settings.load(db), "vi")
    qtbot.addWidget(view)
    view.form_button.click()
    assert out.read_bytes().startswith(b"%PDF")
