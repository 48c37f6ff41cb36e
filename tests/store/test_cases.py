"""Case files on real SQLite files: opening, steps, notes, referrals, links, closing, queue, lists and the audit log."""

from __future__ import annotations

import dataclasses
import shutil
from datetime import UTC, datetime, timedelta
from pathlib import Path
from types import SimpleNamespace

import pytest

from hotline.core.models import Child, Handoff
from hotline.core.timeutil import to_ms, utcnow
from hotline.store import audit, bulk, migrations, users
from hotline.store import case_clocks as clock_store
from hotline.store import cases as store
from hotline.store.access import COMMAND_LINE
from hotline.store.calls import get_call, save_call, update_call
from hotline.store.db import ConflictError, NotFoundError, StoreError, connect, open_database
from hotline.store.handoffs import record_handoff

T0 = datetime(2026, 3, 2, 2, 0, tzinfo=UTC)  # Monday 09:00 in Vietnam (the conftest's T0)
SAFETY = datetime(2026, 3, 2, 14, 0, tzinfo=UTC)  # T0 + 12 h
PLAN = datetime(2026, 3, 9, 16, 59, 59, tzinfo=UTC)  # end of Monday 09/03 in Vietnam
REASONS = [{"rule": "abuse_category", "category": "abuse.violence"}, {"rule": "high_risk", "category": None}]
NOTE = "Mẹ cháu Nguyễn Thị Hoa cho biết đã đưa cháu về nhà bà ngoại."


@pytest.fixture(scope="module")
def case_template(template_db: Path, tmp_path_factory) -> Path:
    """The store tests' template plus two counselors, made once for this module (argon2 is slow)."""
    path = tmp_path_factory.mktemp("cases-template") / "hotline.sqlite3"
    shutil.copyfile(template_db, path)
    db = open_database(path)
    users.add_user(db, "canbo1", "Counselor One", ["counselor"], "test-password-1", by=COMMAND_LINE)
    users.add_user(db, "canbo2", "Counselor Two", ["counselor", "shift_lead"], "test-password-1", by=COMMAND_LINE)
    db.close()
    return path


@pytest.fixture
def db_path(case_template: Path, tmp_path: Path) -> Path:
    path = tmp_path / "hotline.sqlite3"
    shutil.copyfile(case_template, path)
    return path


@pytest.fixture
def counselor(db) -> int:
    return users.find_user(db, "canbo1").id


@pytest.fixture
def counselor2(db) -> int:
    return users.find_user(db, "canbo2").id


@pytest.fixture
def flagged_call(db, make_call):
    """Save a report flagged by its rules (violence, high risk: the 12-hour clock runs) about the named children;
    keyword arguments override fields. The store sets the clocks: 12 hours and the plan from the call's start, the
    hand-off from the save."""

    def make(minutes: float = 0, children=("Bé An", "Bé Bình"), **fields):
        fields.setdefault("risk", "high")
        fields.setdefault("categories", ["abuse.violence"])
        fields.setdefault("service_level", "intervention")
        fields.setdefault("flagged", True)
        fields.setdefault("summary", "Hàng xóm báo trẻ bị đánh.")
        return save_call(db, make_call(minutes, children=[Child(name=n) for n in children], **fields))

    return make


def actions(db, case_id: int) -> list[str]:
    """The audit actions about one case, oldest first."""
    entries = audit.entries(db, viewer=COMMAND_LINE, limit=10_000)
    return [e.action for e in reversed(entries) if e.entity == "case" and e.entity_id == str(case_id)]


# --- opening --------------------------------------------------------------------------------------------------


def test_open_one_case_per_sibling(db, flagged_call, counselor):
    """Two siblings get two case files, numbered in turn, with the call's risk and due times and a 'received' step."""
    call = flagged_call()
    now = datetime(2026, 3, 2, 5, 0, tzinfo=UTC)
    opened = store.open_cases(
        db, call.id, [c.id for c in call.children], by_user_id=counselor, assigned_to=counselor, now=now
    )
    assert [c.number for c in opened] == ["AG-2026-00001", "AG-2026-00002"]
    assert [c.child.name for c in opened] == ["Bé An", "Bé Bình"]
    for case, child in zip(opened, call.children, strict=True):
        assert (case.call_id, case.child_id, case.assigned_to) == (call.id, child.id, counselor)
        assert (case.status, case.risk, case.safety_due, case.plan_due) == ("received", "high", SAFETY, PLAN)
        assert (case.opened_by, case.opened_at, case.closed_at, case.closure_reason, case.version, case.details) == (
            counselor, now, None, "", 1, {}
        )  # fmt: skip
        events = store.case_events(db, case.id, viewer_id=counselor)
        assert [(e.kind, e.step, e.user_id, e.at) for e in events] == [("step", "received", counselor, now)]
        assert actions(db, case.id) == ["case.open"]


def test_a_call_without_children_gets_one_file(db, flagged_call, counselor):
    """A flagged call with no child recorded gets one case file without a child."""
    call = flagged_call(children=())
    (case,) = store.open_cases(db, call.id, [None], by_user_id=counselor)
    assert (case.child_id, case.child, case.status) == (None, None, "received")
    with pytest.raises(StoreError, match="already has an open case"):
        store.open_cases(db, call.id, [None], by_user_id=counselor)


def test_files_go_to_the_counselor_who_took_the_call(db, flagged_call, counselor, counselor2):
    """Without assigned_to, the files go to the counselor following the call up; an explicit one wins."""
    call = flagged_call()
    store.assign_call(db, call.id, counselor2, by_user_id=counselor2)
    first = store.open_cases(db, call.id, [call.children[0].id], by_user_id=counselor)
    second = store.open_cases(db, call.id, [call.children[1].id], by_user_id=counselor, assigned_to=counselor)
    assert (first[0].assigned_to, second[0].assigned_to) == (counselor2, counselor)


def case_tables(db) -> tuple:
    return tuple(
        db.conn.execute(f"SELECT * FROM {t} ORDER BY 1").fetchall()
        for t in ("cases", "case_events", "case_numbers", "audit_log")
    )


@pytest.mark.parametrize(
    ("which", "words"),
    [
        ("not_flagged", "not flagged"),
        ("again", "already has an open case"),
        ("other_call", "not one of this call's children"),
        ("none_with_children", "not one of this call's children"),
        ("empty", "at least one child"),
        ("twice", "chosen twice"),
        ("operator_assignee", "not an active counselor"),
    ],
)
def test_open_refusals_write_nothing(db, flagged_call, make_call, counselor, operator_id, which, words):
    """A refused opening says why in Vietnamese and English and writes nothing, not even a case number."""
    call = flagged_call()
    other = flagged_call(minutes=5, children=("Bé Cúc",))
    first, second = (c.id for c in call.children)
    store.open_cases(db, call.id, [first], by_user_id=counselor)
    plain = save_call(db, make_call(10, children=[Child(name="Bé Dũng")]))
    arguments = {
        "not_flagged": (plain.id, [plain.children[0].id], {}),
        "again": (call.id, [second, first], {}),
        "other_call": (call.id, [other.children[0].id], {}),
        "none_with_children": (call.id, [None], {}),
        "empty": (call.id, [], {}),
        "twice": (call.id, [second, second], {}),
        "operator_assignee": (call.id, [second], {"assigned_to": operator_id}),
    }[which]
    before = case_tables(db)
    with pytest.raises(StoreError, match=words) as error:
        store.open_cases(db, arguments[0], arguments[1], by_user_id=counselor, **arguments[2])
    assert error.value.code.startswith("case.")
    assert case_tables(db) == before
    (case,) = store.open_cases(db, call.id, [second], by_user_id=counselor)
    assert case.number.endswith("-00002")  # the refusal used up no number


def test_open_unknown_call(db, counselor):
    """Opening a file for a call that does not exist raises NotFoundError."""
    with pytest.raises(NotFoundError):
        store.open_cases(db, 999, [None], by_user_id=counselor)


def test_a_closed_file_does_not_block_a_new_one(db, flagged_call, counselor):
    """Only an open file blocks another for the same child of the same call."""
    call = flagged_call(children=("Bé An",))
    (case,) = store.open_cases(db, call.id, [call.children[0].id], by_user_id=counselor)
    store.close_case(db, case.id, "Trẻ đã an toàn", by_user_id=counselor)
    (again,) = store.open_cases(db, call.id, [call.children[0].id], by_user_id=counselor)
    assert again.number.endswith("-00002")


# --- reading ------------------------------------------------------------------------------------------------


def test_get_case_is_audited(db, flagged_call, counselor, lead_id):
    """Reading a case returns its child and details and writes a 'case.view' entry for the viewer."""
    call = flagged_call()
    (opened,) = store.open_cases(db, call.id, [call.children[1].id], by_user_id=counselor)
    case = store.get_case(db, opened.id, viewer_id=lead_id)
    assert case == opened
    entry = audit.entries(db, viewer=COMMAND_LINE, action="case.view")[0]
    assert (entry.user_id, entry.entity, entry.entity_id) == (lead_id, "case", str(opened.id))


def test_get_unknown_case(db, lead_id):
    """An unknown case raises NotFoundError and no view is logged."""
    with pytest.raises(NotFoundError):
        store.get_case(db, 12345, viewer_id=lead_id)
    assert audit.entries(db, viewer=COMMAND_LINE, action="case.view") == []


# --- steps --------------------------------------------------------------------------------------------------


@pytest.fixture
def case(db, flagged_call, counselor):
    call = flagged_call()
    return store.open_cases(db, call.id, [call.children[0].id], by_user_id=counselor, assigned_to=counselor)[0]


def test_steps_go_forward(db, case, counselor):
    """Completing steps, one after the other, moves the status forward, bumps the version and logs who did it."""
    after = store.complete_step(db, case.id, "assessment", by_user_id=counselor, note=" Trẻ an toàn. ", version=1)
    assert (after.status, after.version) == ("assessment", 2)
    after = store.complete_step(db, case.id, "needs", by_user_id=counselor)
    assert (after.status, after.version) == ("needs", 3)
    steps = [
        (e.step, e.text, e.user_id) for e in store.case_events(db, case.id, viewer_id=counselor) if e.kind == "step"
    ]
    assert steps == [("received", "", counselor), ("assessment", "Trẻ an toàn.", counselor), ("needs", "", counselor)]
    assert actions(db, case.id) == ["case.open", "case.step", "case.step"]
    assert [e.detail for e in audit.entries(db, viewer=COMMAND_LINE, action="case.step")] == ["needs", "assessment"]


@pytest.mark.parametrize(
    ("step", "words"), [("needs", "forward"), ("received", "forward"), ("closed", "Close"), ("bogus", "Unknown step")]
)
def test_steps_never_go_back(db, case, counselor, step, words):
    """A step backwards, the same step, 'closed' or an unknown step is refused and nothing changes."""
    reach(db, case.id, "plan", counselor)
    with pytest.raises(StoreError, match=words):
        store.complete_step(db, case.id, step, by_user_id=counselor)
    current = store.get_case(db, case.id, viewer_id=counselor)
    assert (current.status, current.version) == ("plan", 4)


def test_steps_are_done_in_order(db, case, counselor):
    """Skipping the initial assessment is refused: its deadline must stay in sight."""
    with pytest.raises(StoreError, match="in order"):
        store.complete_step(db, case.id, "plan", by_user_id=counselor)
    assert store.get_case(db, case.id, viewer_id=counselor).status == "received"


def reach(db, case_id: int, step: str, user_id: int) -> None:
    """Complete the steps after the current one, in order, up to ``step``."""
    from hotline.core.cases import next_step

    while (status := store.get_case(db, case_id, viewer_id=user_id, audit_view=False).status) != step:
        store.complete_step(db, case_id, next_step(status), by_user_id=user_id)


def test_stale_version_conflicts(db, case, counselor, counselor2):
    """Completing a step with a version someone else has moved on raises ConflictError and writes nothing."""
    store.complete_step(db, case.id, "assessment", by_user_id=counselor2, version=1)
    with pytest.raises(ConflictError) as error:
        store.complete_step(db, case.id, "needs", by_user_id=counselor, version=1)
    assert error.value.current_version == 2
    assert len(store.case_events(db, case.id, viewer_id=counselor)) == 2


def test_no_step_on_a_closed_case(db, case, counselor):
    """A closed case takes no step until it is reopened."""
    store.close_case(db, case.id, "Chuyển tỉnh khác", by_user_id=counselor)
    with pytest.raises(StoreError, match="reopen"):
        store.complete_step(db, case.id, "review", by_user_id=counselor)


# --- notes and referrals ------------------------------------------------------------------------------------


def test_notes_are_append_only(db, case, counselor, counselor2):
    """A correction is a new event that points at the note; the note itself stays as written."""
    note = store.add_note(db, case.id, NOTE, by_user_id=counselor)
    fix = store.add_note(db, case.id, "Sửa: nhà bà nội, không phải bà ngoại.", by_user_id=counselor2, corrects=note.id)
    assert (note.kind, note.text, note.refers_to, note.user_id) == ("note", NOTE, None, counselor)
    assert (fix.kind, fix.refers_to, fix.user_id) == ("correction", note.id, counselor2)
    events = store.case_events(db, case.id, viewer_id=counselor)
    assert [e.kind for e in events] == ["step", "note", "correction"]
    assert events[1] == note and events[2] == fix
    assert [e.at for e in events] == sorted(e.at for e in events)
    assert actions(db, case.id)[-2:] == ["case.note", "case.correction"]


@pytest.mark.parametrize("text", ["", "   ", "\n"])
def test_blank_note_refused(db, case, counselor, text):
    """A blank note is refused and nothing is written."""
    with pytest.raises(StoreError, match="blank"):
        store.add_note(db, case.id, text, by_user_id=counselor)
    assert [e.kind for e in store.case_events(db, case.id, viewer_id=counselor)] == ["step"]


def test_correction_of_another_cases_entry_refused(db, flagged_call, case, counselor):
    """A correction must point at an entry of the same case."""
    other_call = flagged_call(minutes=30, children=("Bé Cúc",))
    (other,) = store.open_cases(db, other_call.id, [other_call.children[0].id], by_user_id=counselor)
    note = store.add_note(db, other.id, "Ghi chú của hồ sơ khác.", by_user_id=counselor)
    with pytest.raises(StoreError, match="another case"):
        store.add_note(db, case.id, "Sửa", by_user_id=counselor, corrects=note.id)
    with pytest.raises(NotFoundError):
        store.add_note(db, case.id, "Sửa", by_user_id=counselor, corrects=99_999)


def test_note_on_unknown_case(db, counselor):
    """A note for a case that does not exist raises NotFoundError."""
    with pytest.raises(NotFoundError):
        store.add_note(db, 4242, "Ghi chú", by_user_id=counselor)


def test_referral_and_outcome(db, case, counselor):
    """A referral names its service; its outcome points at it and carries the same service."""
    referral = store.add_referral(db, case.id, "police", "Báo công an xã can thiệp.", by_user_id=counselor)
    outcome = store.add_referral_outcome(db, referral.id, "Công an đã đến nhà.", by_user_id=counselor)
    assert (referral.kind, referral.service, referral.text) == ("referral", "police", "Báo công an xã can thiệp.")
    assert (outcome.kind, outcome.refers_to, outcome.service, outcome.case_id) == (
        "referral_outcome", referral.id, "police", case.id
    )  # fmt: skip
    assert actions(db, case.id)[-2:] == ["case.referral", "case.referral_outcome"]


def test_referral_refusals(db, case, counselor):
    """An unknown service, an outcome of a note and a blank outcome are refused."""
    with pytest.raises(StoreError, match="referral service"):
        store.add_referral(db, case.id, "police_113", "", by_user_id=counselor)
    note = store.add_note(db, case.id, "Ghi chú", by_user_id=counselor)
    with pytest.raises(StoreError, match="not a referral"):
        store.add_referral_outcome(db, note.id, "Kết quả", by_user_id=counselor)
    referral = store.add_referral(db, case.id, "health", "", by_user_id=counselor)
    with pytest.raises(StoreError, match="blank"):
        store.add_referral_outcome(db, referral.id, "  ", by_user_id=counselor)


# --- linked calls -------------------------------------------------------------------------------------------


def test_link_call_once(db, case, make_call, counselor):
    """Linking adds a row and a 'link' event; linking the same call again changes nothing."""
    later = save_call(db, make_call(60 * 24))
    store.link_call(db, case.id, later.id, by_user_id=counselor)
    before = case_tables(db)
    store.link_call(db, case.id, later.id, by_user_id=counselor)
    assert case_tables(db) == before
    links = [(e.kind, e.call_id) for e in store.case_events(db, case.id, viewer_id=counselor) if e.kind == "link"]
    assert links == [("link", later.id)]
    assert [c.id for c in store.linked_calls(db, case.id, viewer_id=counselor)] == [later.id]
    assert actions(db, case.id)[-1] == "case.link"


def test_link_refusals(db, case, counselor):
    """The case's own call cannot be linked to it, and an unknown call is not found."""
    with pytest.raises(StoreError, match="this very call"):
        store.link_call(db, case.id, case.call_id, by_user_id=counselor)
    with pytest.raises(NotFoundError):
        store.link_call(db, case.id, 9999, by_user_id=counselor)


def test_linked_calls_newest_first(db, case, make_call, counselor):
    """Linked calls come back newest first, whatever the order they were linked in."""
    calls = [save_call(db, make_call(minutes)) for minutes in (300, 100, 200)]
    for call in calls:
        store.link_call(db, case.id, call.id, by_user_id=counselor)
    assert [c.id for c in store.linked_calls(db, case.id, viewer_id=counselor)] == [
        calls[0].id,
        calls[2].id,
        calls[1].id,
    ]


def test_calls_to_link_by_phone_and_text(db, flagged_call, make_call, counselor):
    """Candidates are the number's other calls (old 11-digit form too) and text matches, newest first, not linked."""
    call = flagged_call(phone_raw="0169 123 4567")  # old Viettel form of 039 123 4567
    (case,) = store.open_cases(db, call.id, [call.children[0].id], by_user_id=counselor)
    earlier = save_call(db, make_call(-600, phone_raw="0391234567"))
    later = save_call(db, make_call(600, phone_raw="+84 39 123 4567"))
    linked = save_call(db, make_call(700, phone_raw="039.123.4567"))
    by_name = save_call(db, make_call(800, phone_raw="0912 000 111", children=[Child(name="Trần Văn Đức")]))
    stranger = save_call(db, make_call(900, phone_raw="0912 999 888", summary="không liên quan"))
    store.link_call(db, case.id, linked.id, by_user_id=counselor)

    assert [c.id for c in store.calls_to_link(db, case.id, viewer_id=counselor)] == [later.id, earlier.id]
    found = [c.id for c in store.calls_to_link(db, case.id, text="tran van duc", viewer_id=counselor)]
    assert found == [by_name.id, later.id, earlier.id]
    assert stranger.id not in found
    assert [c.id for c in store.calls_to_link(db, case.id, text="duc", limit=2, viewer_id=counselor)] == [
        by_name.id,
        later.id,
    ]


def test_withheld_number_finds_by_text_only(db, flagged_call, make_call, counselor):
    """A case whose call had no number gets no phone candidates, only text matches."""
    call = flagged_call(phone_raw="")
    (case,) = store.open_cases(db, call.id, [call.children[1].id], by_user_id=counselor)
    save_call(db, make_call(60, phone_raw=""))
    assert store.calls_to_link(db, case.id, viewer_id=counselor) == []
    found = store.calls_to_link(db, case.id, text="Bình", viewer_id=counselor)
    assert [c.id for c in found] == []  # the only call naming "Bình" is the case's own
    other = save_call(db, make_call(90, children=[Child(name="Bé Bình")]))
    assert [c.id for c in store.calls_to_link(db, case.id, text="binh", viewer_id=counselor)] == [other.id]


# --- closing and reopening ----------------------------------------------------------------------------------


def test_close_and_reopen(db, case, counselor):
    """Closing needs a reason and records the time; reopening goes back to the step reached before closing."""
    reach(db, case.id, "needs", counselor)
    start = datetime.now(UTC) - timedelta(seconds=1)
    closed = store.close_case(db, case.id, "Gia đình chuyển đi", by_user_id=counselor, version=3)
    assert (closed.status, closed.closure_reason, closed.version) == ("closed", "Gia đình chuyển đi", 4)
    assert start <= closed.closed_at <= datetime.now(UTC)
    reopened = store.reopen_case(db, case.id, "Gia đình quay về", by_user_id=counselor)
    assert (reopened.status, reopened.closed_at, reopened.closure_reason, reopened.version) == ("needs", None, "", 5)
    tail = [(e.kind, e.step, e.text) for e in store.case_events(db, case.id, viewer_id=counselor)][-2:]
    assert tail == [("close", "needs", "Gia đình chuyển đi"), ("reopen", "needs", "Gia đình quay về")]
    assert actions(db, case.id)[-2:] == ["case.close", "case.reopen"]


def test_close_and_reopen_refusals(db, case, counselor):
    """No close without a reason or with a stale version, no second close, no reopen of an open case."""
    with pytest.raises(StoreError, match="reason"):
        store.close_case(db, case.id, "  ", by_user_id=counselor)
    with pytest.raises(ConflictError):
        store.close_case(db, case.id, "Lý do", by_user_id=counselor, version=7)
    with pytest.raises(StoreError, match="nothing to reopen"):
        store.reopen_case(db, case.id, "Lý do", by_user_id=counselor)
    store.close_case(db, case.id, "Lý do", by_user_id=counselor)
    with pytest.raises(StoreError, match="already closed"):
        store.close_case(db, case.id, "Lý do", by_user_id=counselor)
    with pytest.raises(StoreError, match="reason"):
        store.reopen_case(db, case.id, "", by_user_id=counselor)


def test_reopen_a_case_closed_in_bulk(db, flagged_call, counselor):
    """A demo case loaded closed (no step kept on its close) reopens at the last step recorded for it."""
    call = flagged_call(children=("Bé An",))
    spec = bulk.CaseSpec(call.id, call.children[0].id, counselor, T0, counselor, "closed", "high", SAFETY, PLAN,
                         closed_at=T0 + timedelta(days=30), closure_reason="Đã an toàn")  # fmt: skip
    bulk.open_cases(db, [spec])
    (summary,) = store.cases_of_call(db, call.id, viewer_id=counselor)
    assert store.reopen_case(db, summary.id, "Tái phát", by_user_id=counselor).status == "received"


# --- details and assignment ---------------------------------------------------------------------------------


def test_update_details_with_optimistic_locking(db, case, counselor, counselor2):
    """Details are replaced as a whole; a stale version conflicts; the audit names the fields, never the values."""
    details = {"father_name": "Nguyễn Văn Tám", "father_age": 41, "family_situation": "Cha mẹ ly thân"}
    after = store.update_details(db, case.id, details, by_user_id=counselor, version=1)
    assert (after.details, after.version) == (details, 2)
    with pytest.raises(ConflictError):
        store.update_details(db, case.id, {"mother_name": "Lê Thị Hai"}, by_user_id=counselor2, version=1)
    unchanged = store.update_details(db, case.id, dict(details), by_user_id=counselor, version=2)
    assert unchanged.version == 2  # nothing changed, nothing written
    entry = audit.entries(db, viewer=COMMAND_LINE, action="case.details")
    assert [e.detail for e in entry] == ["family_situation,father_age,father_name"]


def test_update_details_refuses_what_json_cannot_hold(db, case, counselor):
    """Details must be a mapping of names to plain values."""
    with pytest.raises(StoreError):
        store.update_details(db, case.id, {"born": datetime(2015, 1, 1)}, by_user_id=counselor, version=1)
    with pytest.raises(StoreError):
        store.update_details(db, case.id, ["a"], by_user_id=counselor, version=1)


def test_assign_case(db, case, counselor, counselor2, operator_id, lead_id):
    """A case can be given to a counselor (event and audit); not to an operator or shift lead without the role."""
    after = store.assign_case(db, case.id, counselor2, by_user_id=counselor2)
    assert (after.assigned_to, after.version) == (counselor2, 2)
    assert [(e.kind, e.assigned_to) for e in store.case_events(db, case.id, viewer_id=counselor)][-1] == (
        "assign",
        counselor2,
    )
    for somebody in (operator_id, lead_id, 777):
        with pytest.raises(StoreError, match="not an active counselor"):
            store.assign_case(db, case.id, somebody, by_user_id=counselor2)
    assert actions(db, case.id)[-1] == "case.assign"


def test_audit_holds_no_free_text(db, case, make_call, counselor):
    """After a whole case's life, no note, reason, name or detail value appears in the audit log."""
    secrets = [NOTE, "Nguyễn Văn Tám", "Trường hợp đóng vì lý do riêng", "Bé An", "Công an xã Mỹ Hòa"]
    store.add_note(db, case.id, NOTE, by_user_id=counselor)
    referral = store.add_referral(db, case.id, "police", secrets[4], by_user_id=counselor)
    store.add_referral_outcome(db, referral.id, secrets[4], by_user_id=counselor)
    store.update_details(db, case.id, {"father_name": secrets[1]}, by_user_id=counselor, version=1)
    store.link_call(db, case.id, save_call(db, make_call(60)).id, by_user_id=counselor)
    store.close_case(db, case.id, secrets[2], by_user_id=counselor)
    store.reopen_case(db, case.id, secrets[2], by_user_id=counselor)
    store.get_case(db, case.id, viewer_id=counselor)
    details = [e.detail for e in audit.entries(db, viewer=COMMAND_LINE, limit=10_000)]
    assert not [d for d in details for s in secrets if s in d]


# --- the follow-up queue ------------------------------------------------------------------------------------


def test_queue_order(db, flagged_call, counselor):
    """ND 56 Chương III: the nearest open clock first (12 hours, else the plan), urgent before not at the same due,
    then the oldest; a call with no clock last."""
    urgent = flagged_call(10)  # 12 hours: due T0 + 12 h 10 min
    earliest = flagged_call(-20)  # due T0 + 11 h 40 min
    same_due = flagged_call(10, children=("Bé Cúc",))
    # suggested only (child marriage, a rights violation): the plan clock, no 12 hours, no hand-off
    plan_only = flagged_call(0, risk="low", categories=["rights.child_marriage"])
    no_clock = flagged_call(-60, risk="none", categories=["counselling.relationships"], service_level="counselling")
    with_handoff = flagged_call(5)
    record_handoff(db, with_handoff.id, Handoff("commune", "UBND xã Mỹ Hòa Hưng", "phone", utcnow()),
                   user_id=counselor)  # fmt: skip
    queue = store.followup_queue(db, viewer_id=counselor)
    expected = [earliest, with_handoff, urgent, same_due, plan_only, no_clock]
    assert [item.call_id for item in queue] == [c.id for c in expected]
    first = queue[0]
    assert (first.started_at, first.line, first.urgent, first.risk) == (earliest.started_at, "111", True, "high")
    assert (first.safety_due, first.plan_due) == (T0 - timedelta(minutes=20) + timedelta(hours=12), PLAN)
    assert first.reasons == tuple(REASONS)
    assert (first.summary, first.followup_by, first.cases_opened) == ("Hàng xóm báo trẻ bị đánh.", None, 0)
    assert [c.name for c in first.children] == ["Bé An", "Bé Bình"]
    assert [c.id for c in first.children] == [c.id for c in earliest.children]
    assert first.handoff_due is not None and first.handoffs == ()
    (handed,) = queue[1].handoffs
    assert (handed.kind, handed.to_whom, handed.means, handed.user_id) == ("commune", "UBND xã Mỹ Hòa Hưng", "phone",
                                                                           counselor)  # fmt: skip
    assert (plan_only.handoff_due, no_clock.handoff_due, no_clock.plan_due) == (None, None, None)


def test_a_report_not_handed_off_comes_first(db, make_call, counselor):
    """Điều 26(1): a report must go to the commune at once: due from its save, it leads the queue until a hand-off
    to the commune is recorded (an adult victim's referral does not count)."""
    now = utcnow()
    reports = [
        save_call(db, make_call(started_at=now - timedelta(minutes=m), risk="high", categories=["abuse.violence"],
                                service_level="intervention", flagged=True, children=[Child(name=n)]))
        for m, n in ((90, "Bé Một"), (5, "Bé Hai"))
    ]  # fmt: skip
    older, newer = reports
    record_handoff(db, older.id, Handoff("commune", "UBND phường Long Xuyên", "in_person", now), user_id=counselor)
    assert [item.call_id for item in store.followup_queue(db, viewer_id=counselor)] == [newer.id, older.id]
    record_handoff(db, newer.id, Handoff("victim", "Công an tỉnh", "phone", now), user_id=counselor)
    assert store.followup_queue(db, viewer_id=counselor)[0].call_id == newer.id  # still not passed to the commune
    record_handoff(db, newer.id, Handoff("commune", "UBND xã Vĩnh Hanh", "phone", now), user_id=counselor)
    # both handed off: the 12-hour clocks decide, the older call's first
    assert [item.call_id for item in store.followup_queue(db, viewer_id=counselor)] == [older.id, newer.id]


def test_queue_until_every_child_has_a_file(db, flagged_call, counselor):
    """A call stays in the queue until each child has a file; a call without children needs one."""
    siblings = flagged_call()
    lone = flagged_call(5, children=())
    store.open_cases(db, siblings.id, [siblings.children[1].id], by_user_id=counselor)
    items = {item.call_id: item for item in store.followup_queue(db, viewer_id=counselor)}
    assert items[siblings.id].cases_opened == 1
    assert items[siblings.id].children_with_file == (siblings.children[1].id,)
    assert items[lone.id].cases_opened == 0
    store.open_cases(db, siblings.id, [siblings.children[0].id], by_user_id=counselor)
    store.open_cases(db, lone.id, [None], by_user_id=counselor)
    assert store.followup_queue(db, viewer_id=counselor) == []


def test_a_call_linked_to_a_case_leaves_the_queue(db, flagged_call, case, counselor):
    """A later flagged call about the same child, linked to the child's case, is taken up: it leaves the queue."""
    later = flagged_call(60 * 24, children=("Bé An",))
    assert later.id in [item.call_id for item in store.followup_queue(db, viewer_id=counselor)]
    store.link_call(db, case.id, later.id, by_user_id=counselor)
    assert later.id not in [item.call_id for item in store.followup_queue(db, viewer_id=counselor)]


def test_assign_call(db, flagged_call, counselor, counselor2, operator_id, lead_id):
    """Taking a call records who follows it up, without touching the call's version; an operator cannot take it."""
    call = flagged_call()
    store.assign_call(db, call.id, counselor, by_user_id=counselor)
    assert store.followup_queue(db, viewer_id=counselor)[0].followup_by == counselor
    store.assign_call(db, call.id, counselor2, by_user_id=lead_id)
    assert store.followup_queue(db, viewer_id=counselor)[0].followup_by == counselor2
    with pytest.raises(StoreError, match="not an active counselor"):
        store.assign_call(db, call.id, operator_id, by_user_id=lead_id)
    with pytest.raises(NotFoundError):
        store.assign_call(db, 999, counselor, by_user_id=lead_id)
    store.assign_call(db, call.id, None, by_user_id=lead_id)
    assert store.followup_queue(db, viewer_id=counselor)[0].followup_by is None
    assert get_call(db, call.id, viewer_id=counselor).version == call.version
    entries = audit.entries(db, viewer=COMMAND_LINE, action="call.assign")
    assert [(e.user_id, e.entity_id, e.detail) for e in entries] == [
        (lead_id, str(call.id), "to="), (lead_id, str(call.id), f"to={counselor2}"),
        (counselor, str(call.id), f"to={counselor}"),
    ]  # fmt: skip


def test_an_edit_of_the_call_keeps_its_followup(db, flagged_call, counselor, lead_id):
    """A shift lead's edit of a taken call does not clear who follows it up."""
    call = flagged_call()
    store.assign_call(db, call.id, counselor, by_user_id=counselor)
    update_call(db, dataclasses.replace(get_call(db, call.id, viewer_id=counselor), summary="Sửa"), user_id=lead_id)
    assert store.followup_queue(db, viewer_id=counselor)[0].followup_by == counselor


# --- lists and counts ---------------------------------------------------------------------------------------


def test_lists_and_counts(db, flagged_call, counselor, counselor2):
    """My, overdue and open cases by their nearest open clock (none last), then number; ticking the assessment step
    does not stop the 12-hour clock (Điều 26(3)); the counts match the lists."""
    now = datetime(2026, 3, 4, 0, 0, tzinfo=UTC)  # after the 12 hours, before the plan times
    a = flagged_call(0)  # two children; 12 hours due 14:00 on 02/03 UTC
    b = flagged_call(60, children=("Bé Cúc",), risk="low", categories=["rights.child_marriage"])  # the plan only
    c = flagged_call(120, children=("Bé Dũng",))
    waiting = flagged_call(180, children=("Bé Em",))
    for call in (a, c):  # passed to the commune: the hand-off clock has tests of its own
        record_handoff(db, call.id, Handoff("commune", "UBND xã Mỹ Hòa Hưng", "phone", utcnow()), user_id=counselor)
    a1, a2 = store.open_cases(db, a.id, [k.id for k in a.children], by_user_id=counselor, assigned_to=counselor)
    (b1,) = store.open_cases(db, b.id, [b.children[0].id], by_user_id=counselor, assigned_to=counselor2)
    (c1,) = store.open_cases(db, c.id, [c.children[0].id], by_user_id=counselor, assigned_to=counselor)
    store.complete_step(db, a2.id, "assessment", by_user_id=counselor)  # the 12 hours still run
    reach(db, c1.id, "plan", counselor)
    clock_store.record_emergency(db, c1.id, "none_needed", "Trẻ ở với mẹ, người gây hại đã bị tạm giữ.",
                                 by_user_id=counselor, at=T0 + timedelta(hours=13))  # fmt: skip
    closed_call = flagged_call(240, children=("Bé Giang",))
    (closed,) = store.open_cases(db, closed_call.id, [closed_call.children[0].id], by_user_id=counselor,
                                 assigned_to=counselor)  # fmt: skip
    store.close_case(db, closed.id, "Trùng hồ sơ", by_user_id=counselor)

    def rows(which, user, at=now):
        return [(s.number, s.next_clock, s.next_due) for s in store.list_cases(db, which, user_id=user, now=at)]

    a1_row, a2_row = (a1.number, "emergency", SAFETY), (a2.number, "emergency", SAFETY)
    b1_row = (b1.number, "plan", PLAN)
    c1_row = (c1.number, None, None)
    assert rows("open", counselor) == [a1_row, a2_row, b1_row, c1_row]
    assert rows("mine", counselor) == [a1_row, a2_row, c1_row]
    assert rows("mine", counselor2) == [b1_row]
    assert rows("overdue", counselor2) == [a1_row, a2_row]
    summary = store.list_cases(db, "open", user_id=counselor, now=now)[0]
    assert (summary.child_name, summary.call_id, summary.assigned_to, summary.status, summary.risk) == (
        "Bé An", a.id, counselor, "received", "high"
    )  # fmt: skip
    assert (summary.next_step, store.list_cases(db, "open", user_id=counselor, now=now)[1].next_step) == (
        "assessment", "needs"
    )  # fmt: skip
    assert store.case_counts(db, user_id=counselor, now=now) == {"queue": 1, "mine": 3, "overdue": 2, "open": 4}
    assert store.case_counts(db, user_id=counselor2, now=now) == {"queue": 1, "mine": 1, "overdue": 2, "open": 4}

    clock_store.record_emergency(db, a2.id, "applied", "Công an xã đưa trẻ về nhà bà ngoại.", by_user_id=counselor,
                                 at=T0 + timedelta(hours=6))  # fmt: skip
    assert rows("overdue", counselor) == [a1_row]
    later = PLAN + timedelta(seconds=1)
    assert [r[0] for r in rows("overdue", counselor, later)] == [a1.number, a2.number, b1.number]
    assert store.case_counts(db, user_id=counselor, now=later)["overdue"] == 3
    assert waiting.id == store.followup_queue(db, viewer_id=counselor)[0].call_id


def test_unknown_list(db, counselor):
    """An unknown list name is a programming error."""
    with pytest.raises(ValueError):
        store.list_cases(db, "everything", user_id=counselor)


def test_cases_of_call(db, flagged_call, counselor):
    """The files opened from a call, by number, with their closing time once closed."""
    call = flagged_call()
    first, second = store.open_cases(db, call.id, [k.id for k in reversed(call.children)], by_user_id=counselor)
    store.close_case(db, first.id, "Lý do", by_user_id=counselor)
    found = store.cases_of_call(db, call.id, viewer_id=counselor)
    assert [(s.number, s.child_name, s.status) for s in found] == [
        (first.number, "Bé Bình", "closed"), (second.number, "Bé An", "received")
    ]  # fmt: skip
    assert found[0].closed_at is not None and found[0].next_due is None and found[0].next_step is None
    assert store.cases_of_call(db, 999, viewer_id=counselor) == []


def test_upgrade_from_before_case_files(tmp_path):
    """A file made before the case-file migration upgrades with its calls and cases intact and usable."""
    path = tmp_path / "old.sqlite3"
    old = connect(path)
    migrations.migrations.apply(old, stop_before="0002_case_files")
    user = users.add_user(old, "canbo9", "Counselor Nine", ["counselor"], "test-password-1", by=COMMAND_LINE)
    # the rows as that version wrote them (today's store writes columns the old file does not have yet)
    t0, plan = to_ms(T0), to_ms(PLAN)
    old.execute(
        "INSERT INTO calls(id, uuid, line, channel, started_at, operator_id, outcome, flagged, plan_due, created_at,"
        " updated_at) VALUES (1, 'u1', '111', 'phone', ?, ?, 'substantive', 1, ?, ?, ?)",
        [t0, user.id, plan, t0, t0],
    )
    old.execute(
        "INSERT INTO call_children(id, call_id, position, name) VALUES (1, 1, 0, 'Bé An'), (2, 1, 1, 'Bé Bình')"
    )
    old.execute(
        "INSERT INTO cases(id, number, call_id, child_id, opened_by, opened_at, assigned_to, status, risk, plan_due)"
        " VALUES (1, 'AG-2026-00001', 1, 1, ?, ?, ?, 'assessment', 'high', ?)",
        [user.id, t0, user.id, plan],
    )
    old.execute("INSERT INTO case_events(case_id, at, user_id, kind, step) VALUES (1, ?, ?, 'step', 'received')",
                [t0, user.id])  # fmt: skip
    old.execute("INSERT INTO case_numbers(year, last) VALUES (2026, 1)")
    old.conn.commit()
    old.close()
    call = SimpleNamespace(id=1, children=[SimpleNamespace(id=1), SimpleNamespace(id=2)])

    db = open_database(path)
    try:
        (summary,) = store.cases_of_call(db, call.id, viewer_id=user.id)
        case = store.get_case(db, summary.id, viewer_id=user.id)
        assert (case.number, case.status, case.details, case.child.name) == ("AG-2026-00001", "assessment", {}, "Bé An")
        assert [(i.call_id, i.cases_opened, i.followup_by) for i in store.followup_queue(db, viewer_id=user.id)] == [
            (call.id, 1, None)
        ]
        (second,) = store.open_cases(db, call.id, [call.children[1].id], by_user_id=user.id, now=T0 + timedelta(1))
        assert second.number == "AG-2026-00002"  # the counter the old file's cases left
    finally:
        db.close()
