"""A case file's clocks on real SQLite files (ND 56/2017, Chương III), and the lists ordered by the nearest one."""

from __future__ import annotations

import shutil
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from hotline import settings as centre_settings
from hotline.core import case_clocks
from hotline.core.deadlines import plan_due, separation_due
from hotline.core.models import Child, Handoff
from hotline.core.timeutil import VN_TZ, local, utcnow
from hotline.store import audit, bulk, users
from hotline.store import case_clocks as clock_store
from hotline.store import cases as store
from hotline.store.access import COMMAND_LINE
from hotline.store.calls import save_call
from hotline.store.db import ConflictError, StoreError, open_database
from hotline.store.handoffs import record_handoff

T0 = datetime(2026, 3, 2, 2, 0, tzinfo=UTC)  # Monday 09:00 in Vietnam (the conftest's T0)
SAFETY = T0 + timedelta(hours=12)
PLAN = datetime(2026, 3, 9, 16, 59, 59, tzinfo=UTC)


@pytest.fixture(scope="module")
def clock_template(template_db: Path, tmp_path_factory) -> Path:
    """The store tests' template plus a counselor, made once for this module (argon2 is slow)."""
    path = tmp_path_factory.mktemp("clocks-template") / "hotline.sqlite3"
    shutil.copyfile(template_db, path)
    db = open_database(path)
    users.add_user(db, "canbo1", "Counselor One", ["counselor"], "test-password-1", by=COMMAND_LINE)
    db.close()
    return path


@pytest.fixture
def db_path(clock_template: Path, tmp_path: Path) -> Path:
    path = tmp_path / "hotline.sqlite3"
    shutil.copyfile(clock_template, path)
    return path


@pytest.fixture
def counselor(db) -> int:
    return users.find_user(db, "canbo1").id


@pytest.fixture
def report(db, make_call):
    """Save a report flagged by its rules (violence, high risk) about one child; keyword arguments override."""

    def make(minutes: float = 0, name: str = "Bé An", **fields):
        fields.setdefault("risk", "high")
        fields.setdefault("categories", ["abuse.violence"])
        fields.setdefault("service_level", "intervention")
        fields.setdefault("flagged", True)
        return save_call(db, make_call(minutes, children=[Child(name=name, status="abused")], **fields))

    return make


@pytest.fixture
def open_case(db, report, counselor):
    """Open the case file of a new report (saved ``minutes`` after T0) and hand the report to the commune."""

    def make(minutes: float = 0, name: str = "Bé An", handed_off: bool = True, **fields):
        call = report(minutes, name, **fields)
        if handed_off:
            record_handoff(db, call.id, Handoff("commune", "UBND xã Mỹ Hòa Hưng", "phone", utcnow()),
                           user_id=counselor)  # fmt: skip
        (case,) = store.open_cases(db, call.id, [call.children[0].id], by_user_id=counselor, assigned_to=counselor)
        return case

    return make


def reach(db, case_id: int, step: str, user_id: int) -> None:
    from hotline.core.cases import next_step

    while (status := store.get_case(db, case_id, viewer_id=user_id, audit_view=False).status) != step:
        store.complete_step(db, case_id, next_step(status), by_user_id=user_id)


def overdue(db, user_id: int, now: datetime) -> list[tuple[str, str]]:
    return [(s.number, s.next_clock) for s in store.list_cases(db, "overdue", user_id=user_id, now=now)]


def actions(db, case_id: int) -> list[tuple[str, str]]:
    entries = audit.entries(db, viewer=COMMAND_LINE, limit=10_000)
    return [(e.action, e.detail) for e in reversed(entries) if e.entity == "case" and e.entity_id == str(case_id)]


# --- the 12 hours ------------------------------------------------------------------------------------------------


def test_the_assessment_step_leaves_the_12_hour_clock_running(db, open_case, counselor):
    """Điều 26(3): ticking the assessment step does not meet the 12-hour clock: the case stays overdue."""
    case = open_case()
    after = SAFETY + timedelta(minutes=1)
    assert overdue(db, counselor, after) == [(case.number, "emergency")]
    store.complete_step(db, case.id, "assessment", by_user_id=counselor, note="Đã đánh giá ban đầu.")
    assert overdue(db, counselor, after) == [(case.number, "emergency")]
    assert store.get_case(db, case.id, viewer_id=counselor).emergency_done_at is None


@pytest.mark.parametrize(
    ("outcome", "text"),
    [
        ("applied", "Chủ tịch UBND xã quyết định tạm thời cách ly; công an xã đưa trẻ về nhà bà ngoại."),
        ("none_needed", "Người gây hại đã bị công an tạm giữ; trẻ ở với mẹ, an toàn."),
    ],
)
def test_the_emergency_outcome_meets_the_12_hour_clock(db, open_case, counselor, outcome, text):
    """Điều 26(3), 32: measures applied (which, by whom) or none needed (why) meets the 12-hour clock; the event keeps
    the outcome and text, the audit only the outcome."""
    case = open_case()
    at = T0 + timedelta(hours=5)
    after = clock_store.record_emergency(db, case.id, outcome, text, by_user_id=counselor, at=at, version=1)
    assert (after.emergency_done_at, after.version) == (at, 2)
    (event,) = [e for e in store.case_events(db, case.id, viewer_id=counselor) if e.kind == "emergency"]
    assert (event.service, event.text, event.at, event.user_id) == (outcome, text, at, counselor)
    assert overdue(db, counselor, SAFETY + timedelta(minutes=1)) == []
    assert actions(db, case.id)[-1] == ("case.emergency", outcome)


@pytest.mark.parametrize(("outcome", "words"), [("applied", "which emergency measures"), ("none_needed", "why no")])
def test_the_emergency_outcome_needs_its_text(db, open_case, counselor, outcome, words):
    """Điều 26(3): "none needed" without a reason, or "applied" without the measures, is refused; nothing written."""
    case = open_case()
    with pytest.raises(StoreError, match=words):
        clock_store.record_emergency(db, case.id, outcome, "   ", by_user_id=counselor)
    assert store.get_case(db, case.id, viewer_id=counselor).emergency_done_at is None
    assert [e.kind for e in store.case_events(db, case.id, viewer_id=counselor)] == ["step"]


def test_the_first_emergency_record_meets_the_clock(db, open_case, counselor):
    """Điều 26(3): a later record (the situation changed) is added to the history; the clock stays met from the
    first; the times must lie between the report and now."""
    case = open_case()
    first, second = T0 + timedelta(hours=4), T0 + timedelta(hours=30)
    clock_store.record_emergency(db, case.id, "none_needed", "Trẻ ở với mẹ.", by_user_id=counselor, at=first)
    after = clock_store.record_emergency(db, case.id, "applied", "Tách người gây hại.", by_user_id=counselor, at=second)
    assert after.emergency_done_at == first
    assert [e.service for e in store.case_events(db, case.id, viewer_id=counselor) if e.kind == "emergency"] == [
        "none_needed", "applied"
    ]  # fmt: skip
    with pytest.raises(StoreError, match="before the report"):
        clock_store.record_emergency(db, case.id, "applied", "x", by_user_id=counselor, at=T0 - timedelta(hours=1))
    with pytest.raises(StoreError, match="future"):
        clock_store.record_emergency(db, case.id, "applied", "x", by_user_id=counselor,
                                     at=utcnow() + timedelta(hours=1))  # fmt: skip
    with pytest.raises(ConflictError):
        clock_store.record_emergency(db, case.id, "applied", "x", by_user_id=counselor, version=1)


def test_an_operator_cannot_record_on_a_case(db, open_case, operator_id):
    """The clocks' records are changes of a case file: CASE_EDIT (a counselor)."""
    case = open_case()
    with pytest.raises(StoreError):
        clock_store.record_emergency(db, case.id, "applied", "Công an xã can thiệp.", by_user_id=operator_id)


# --- the hand-off ------------------------------------------------------------------------------------------------


def test_the_hand_off_is_due_until_recorded(db, open_case, counselor):
    """Điều 26(1): the report is due to the commune from its save: the case file's nearest clock and overdue until a
    hand-off to the commune is recorded; an adult victim's referral does not count."""
    case = open_case(handed_off=False, started_at=utcnow() - timedelta(minutes=20))
    facts = clock_store.call_facts(db, case.call_id, viewer_id=counselor)
    assert facts.handoff_due is not None and facts.handoffs == () and facts.commune_handoff() is None
    later = facts.handoff_due + timedelta(minutes=1)
    (row,) = store.list_cases(db, "open", user_id=counselor, now=later)
    assert (row.next_clock, row.next_due) == ("handoff", facts.handoff_due)
    assert overdue(db, counselor, later) == [(case.number, "handoff")]
    record_handoff(db, case.call_id, Handoff("victim", "Đồn Biên phòng Vĩnh Xương", "phone", utcnow()),
                   user_id=counselor)  # fmt: skip
    assert overdue(db, counselor, later) == [(case.number, "handoff")]
    at = utcnow()
    record_handoff(db, case.call_id, Handoff("commune", "UBND phường Châu Đốc", "written", at), user_id=counselor)
    assert overdue(db, counselor, later) == []
    (row,) = store.list_cases(db, "open", user_id=counselor, now=later)
    assert row.next_clock == "emergency"  # the 12 hours come next
    facts = clock_store.call_facts(db, case.call_id, viewer_id=counselor)
    handoff = facts.commune_handoff()
    assert (handoff.to_whom, handoff.means, handoff.user_id) == ("UBND phường Châu Đốc", "written", counselor)
    assert abs(handoff.at - at) < timedelta(milliseconds=1)


# --- the plan --------------------------------------------------------------------------------------------------


def test_the_plan_counts_the_centres_swapped_saturday_and_holiday(db, report, lead_id):
    """Điều 28(1): a report's plan is due on the 5th working day, skipping the holidays and counting the swapped
    working Saturdays the administrator declared."""
    admin = users.add_user(db, "quantri", "Quản trị", ["admin"], "test-password-1", by=COMMAND_LINE)
    centre_settings.save(db, "holidays", ["2026-04-30", "2026-05-01"], by=admin.id)
    centre_settings.save(db, "working_saturdays", ["2026-05-02"], by=admin.id)
    call = report(started_at=datetime(2026, 4, 27, 14, tzinfo=VN_TZ))
    assert local(call.plan_due) == datetime(2026, 5, 5, 23, 59, 59, tzinfo=VN_TZ)  # 28, 29, Sat 2, 4, 5


def test_the_plan_approval_is_recorded(db, open_case, counselor):
    """Mẫu 05: the plan's approval date is recorded once the plan is drafted, not before, never in the future."""
    case = open_case()
    with pytest.raises(StoreError, match="plan step"):
        clock_store.approve_plan(db, case.id, date(2026, 3, 6), by_user_id=counselor)
    reach(db, case.id, "plan", counselor)
    with pytest.raises(StoreError, match="future"):
        clock_store.approve_plan(db, case.id, local(utcnow()).date() + timedelta(days=1), by_user_id=counselor)
    with pytest.raises(StoreError, match="before the report"):
        clock_store.approve_plan(db, case.id, date(2026, 3, 1), by_user_id=counselor)
    after = clock_store.approve_plan(db, case.id, date(2026, 3, 6), "Quyết định số 12/QĐ-UBND", by_user_id=counselor)
    assert after.plan_approved_on == date(2026, 3, 6)
    event = store.case_events(db, case.id, viewer_id=counselor)[-1]
    assert (event.kind, event.service, event.text) == ("plan_approved", "2026-03-06", "Quyết định số 12/QĐ-UBND")
    assert actions(db, case.id)[-1] == ("case.plan_approved", "")


# --- temporary separation --------------------------------------------------------------------------------------


def test_a_separation_lasts_15_days_unless_extended(db, open_case, counselor):
    """Điều 32: a temporary separation is due 15 days after its start; a competent authority's extension moves the
    due to the end of its new last day (with who decided); its end is recorded; history kept."""
    case = open_case()
    start = T0 + timedelta(hours=6)
    started = clock_store.start_separation(db, case.id, "Trẻ ở nhà bà ngoại theo quyết định của Chủ tịch UBND xã.",
                                           by_user_id=counselor, at=start)  # fmt: skip
    assert (started.separation_started_at, started.separation_until) == (start, separation_due(start))
    assert start + timedelta(days=15) == started.separation_until
    with pytest.raises(StoreError, match="already running"):
        clock_store.start_separation(db, case.id, "Lần nữa", by_user_id=counselor, at=start)
    with pytest.raises(StoreError, match="reason"):
        clock_store.extend_separation(db, case.id, date(2026, 3, 31), " ", by_user_id=counselor)
    with pytest.raises(StoreError, match="after the current"):
        clock_store.extend_separation(db, case.id, date(2026, 3, 10), "Chủ tịch UBND xã", by_user_id=counselor)
    extended = clock_store.extend_separation(db, case.id, date(2026, 3, 31), "Chủ tịch UBND xã gia hạn",
                                             by_user_id=counselor)  # fmt: skip
    assert extended.separation_until == datetime(2026, 3, 31, 23, 59, 59, tzinfo=VN_TZ)
    with pytest.raises(StoreError, match="before the separation"):
        clock_store.end_separation(db, case.id, by_user_id=counselor, at=start - timedelta(hours=1))
    ended_at = T0 + timedelta(days=20)
    ended = clock_store.end_separation(db, case.id, "Trẻ về với mẹ.", by_user_id=counselor, at=ended_at)
    assert (ended.separation_ended_at, ended.separation_until) == (ended_at, extended.separation_until)
    with pytest.raises(StoreError, match="No temporary separation"):
        clock_store.end_separation(db, case.id, by_user_id=counselor)
    kinds = [(e.kind, e.service) for e in store.case_events(db, case.id, viewer_id=counselor)]
    # by time: the start and the end as they happened (in March), the extension as it was recorded (today)
    assert [k for k in kinds if k[0].startswith("separation")] == [
        ("separation_start", None), ("separation_end", None), ("separation_extend", "2026-03-31")
    ]  # fmt: skip


def test_a_separation_ending_orders_the_lists(db, open_case, counselor):
    """Điều 32: a running separation's end is one of the clocks the lists order by."""
    case = open_case()
    clock_store.record_emergency(db, case.id, "applied", "Tạm thời cách ly.", by_user_id=counselor,
                                 at=T0 + timedelta(hours=2))  # fmt: skip
    reach(db, case.id, "plan", counselor)
    start = T0 + timedelta(hours=3)
    clock_store.start_separation(db, case.id, "Trẻ ở cơ sở trợ giúp xã hội.", by_user_id=counselor, at=start)
    (row,) = store.list_cases(db, "open", user_id=counselor, now=T0)
    assert (row.next_clock, row.next_due) == ("separation", separation_due(start))
    assert overdue(db, counselor, separation_due(start) + timedelta(seconds=1)) == [(case.number, "separation")]


# --- the review: a new plan cycle -----------------------------------------------------------------------------


def test_the_review_starts_a_new_plan_cycle(db, open_case, counselor):
    """Điều 30: at the review, a child still at risk sends the case back to the plan, due 5 working days after the
    review's day (the centre's calendar), without its old approval; every event stays."""
    case = open_case()
    clock_store.record_emergency(db, case.id, "none_needed", "Trẻ ở với mẹ.", by_user_id=counselor,
                                 at=T0 + timedelta(hours=2))  # fmt: skip
    reach(db, case.id, "plan", counselor)
    clock_store.approve_plan(db, case.id, date(2026, 3, 6), by_user_id=counselor)
    reach(db, case.id, "implementing", counselor)
    with pytest.raises(StoreError, match="reason"):
        store.complete_step(db, case.id, "review", by_user_id=counselor, new_cycle=True)
    before = len(store.case_events(db, case.id, viewer_id=counselor))
    reviewed = store.complete_step(db, case.id, "review", by_user_id=counselor, new_cycle=True,
                                   note="Trẻ vẫn bị cha đánh khi say rượu.")  # fmt: skip
    today = utcnow()
    assert (reviewed.status, reviewed.plan_approved_on) == ("needs", None)
    assert reviewed.plan_due == plan_due(today)
    events = store.case_events(db, case.id, viewer_id=counselor)
    assert len(events) == before + 2
    assert [(e.kind, e.step) for e in events[-2:]] == [("step", "review"), ("cycle", "needs")]
    assert events[-1].text == "Trẻ vẫn bị cha đánh khi say rượu."
    (row,) = store.list_cases(db, "open", user_id=counselor, now=today)
    assert (row.next_step, row.next_clock) == ("plan", "plan")
    assert store.complete_step(db, case.id, "plan", by_user_id=counselor).status == "plan"
    assert ("case.cycle", "needs") in actions(db, case.id)


def test_a_new_cycle_only_at_the_review(db, open_case, counselor):
    """Điều 30: a new cycle comes with the review, not with another step."""
    case = open_case()
    with pytest.raises(StoreError, match="review"):
        store.complete_step(db, case.id, "assessment", by_user_id=counselor, new_cycle=True, note="Còn nguy cơ")
    assert store.get_case(db, case.id, viewer_id=counselor).status == "received"


# --- the lists' order ------------------------------------------------------------------------------------------


def test_lists_put_the_nearest_clock_first(db, open_case, counselor):
    """ND 56 Chương III: 'my cases' and 'overdue' are ordered by the nearest open clock, whichever it is: the most
    overdue first."""
    late_plan = open_case(0, "Bé Plan")  # 12 hours met; plan due 09/03
    clock_store.record_emergency(db, late_plan.id, "none_needed", "Trẻ an toàn.", by_user_id=counselor,
                                 at=T0 + timedelta(hours=1))  # fmt: skip
    emergency = open_case(60 * 24, "Bé Khẩn")  # 12 hours due 03/03 14:00
    not_handed = open_case(60 * 48, "Bé Xã", handed_off=False)  # hand-off due at its save (now)
    clock_store.record_emergency(db, not_handed.id, "applied", "Công an xã can thiệp.", by_user_id=counselor,
                                 at=T0 + timedelta(hours=49))  # fmt: skip
    quiet = open_case(60 * 72, "Bé Yên")
    clock_store.record_emergency(db, quiet.id, "none_needed", "Trẻ ở trường nội trú.", by_user_id=counselor,
                                 at=T0 + timedelta(hours=73))  # fmt: skip
    reach(db, quiet.id, "plan", counselor)  # nothing runs any more
    now = utcnow()
    mine = [(s.child_name, s.next_clock) for s in store.list_cases(db, "mine", user_id=counselor, now=now)]
    assert mine == [("Bé Khẩn", "emergency"), ("Bé Plan", "plan"), ("Bé Xã", "plan"), ("Bé Yên", None)]
    # Bé Xã's plan (due 11/03) comes before its hand-off, due at its save in December
    assert [n for n, _ in overdue(db, counselor, now)] == [emergency.number, late_plan.number, not_handed.number]
    assert store.case_counts(db, user_id=counselor, now=now)["overdue"] == 3


def test_the_lists_agree_with_the_core_clocks(demo_template: Path, tmp_path: Path):
    """On the demo database, every open case's nearest clock in the lists is core.case_clocks' nearest for the case
    as stored (its call's hand-off included), and 'overdue' holds exactly those past due."""
    path = tmp_path / "demo.sqlite3"
    shutil.copyfile(demo_template, path)
    db = open_database(path)
    try:
        viewer = users.find_user(db, "canbo1").id
        now = datetime(2026, 10, 20, tzinfo=UTC)
        rows = store.list_cases(db, "open", user_id=viewer, now=now)
        # the demo's open cases wait on several kinds of clock; which kinds depends on the demo's random draws (a
        # late hand-off or a missed 12-hour clock may not occur at this size: the unit tests above check those)
        kinds = {r.next_clock for r in rows} - {None}
        assert len(rows) > 100 and "plan" in kinds and len(kinds) >= 2
        for row in rows:
            case = store.get_case(db, row.id, viewer_id=viewer, audit_view=False)
            facts = clock_store.call_facts(db, case.call_id, viewer_id=viewer)
            handoff = facts.commune_handoff()
            clock = case_clocks.nearest(
                case_clocks.case_clocks(
                    status=case.status, safety_due=case.safety_due, emergency_done_at=case.emergency_done_at,
                    plan_due=case.plan_due, separation_started_at=case.separation_started_at,
                    separation_until=case.separation_until, separation_ended_at=case.separation_ended_at,
                    handoff_due=facts.handoff_due, handoff_at=handoff.at if handoff else None,
                )
            )  # fmt: skip
            assert (row.next_clock, row.next_due) == ((clock.kind, clock.due) if clock else (None, None)), row.number
        dues = [r.next_due for r in rows if r.next_due is not None]
        assert dues == sorted(dues)
        late = {r.id for r in rows if r.next_due is not None and r.next_due < now}
        assert {r.id for r in store.list_cases(db, "overdue", user_id=viewer, now=now)} == late
        assert store.case_counts(db, user_id=viewer, now=now)["overdue"] == len(late)
    finally:
        db.close()


# --- bulk loading ----------------------------------------------------------------------------------------------


def test_bulk_cases_carry_their_clocks_and_hand_offs(db, report, counselor):
    """The demo loader writes the clocks' fields and events and the hand-offs as the store would leave them."""
    call = report()
    done, start = T0 + timedelta(hours=3), T0 + timedelta(hours=4)
    spec = bulk.CaseSpec(
        call.id, call.children[0].id, counselor, T0 + timedelta(hours=1), counselor, "plan", "high", SAFETY, PLAN,
        steps=(("assessment", T0 + timedelta(hours=2)), ("needs", T0 + timedelta(days=1)),
               ("plan", T0 + timedelta(days=3))),
        emergency_done_at=done, plan_approved_on=date(2026, 3, 6), separation_started_at=start,
        separation_until=separation_due(start),
        events=(("emergency", done, "Công an xã can thiệp.", "applied"),
                ("separation_start", start, "Trẻ ở nhà bà ngoại.", None),
                ("plan_approved", T0 + timedelta(days=4), "Quyết định", "2026-03-06")),
    )  # fmt: skip
    handoff = bulk.HandoffSpec(call.id, Handoff("commune", "UBND xã Bình Hòa", "phone", T0 + timedelta(minutes=20),
                                                counselor))  # fmt: skip
    assert bulk.open_cases(db, [spec, handoff]) == 1
    (summary,) = store.cases_of_call(db, call.id, viewer_id=counselor)
    case = store.get_case(db, summary.id, viewer_id=counselor)
    assert (case.emergency_done_at, case.plan_approved_on, case.separation_until) == (
        done, date(2026, 3, 6), separation_due(start)
    )  # fmt: skip
    kinds = [(e.kind, e.step or e.service) for e in store.case_events(db, case.id, viewer_id=counselor)]
    assert kinds == [("step", "received"), ("step", "assessment"), ("emergency", "applied"),
                     ("separation_start", None), ("step", "needs"), ("step", "plan"),
                     ("plan_approved", "2026-03-06")]  # fmt: skip
    facts = clock_store.call_facts(db, call.id, viewer_id=counselor)
    assert facts.commune_handoff().to_whom == "UBND xã Bình Hòa"
    assert (summary.next_clock, summary.next_due) == ("separation", separation_due(start))
