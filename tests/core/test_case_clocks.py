"""The legal clocks of a report and its case files without a database (ND 56/2017, Chương III; docs/law.md)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from hotline.core import case_clocks as clocks
from hotline.core.case_clocks import Clock, call_clocks, case_clocks, nearest, nearest_due, open_clocks
from hotline.core.cases import CaseRuleError, check_emergency, check_new_cycle, check_plan_approval
from hotline.core.deadlines import separation_due
from hotline.core.timeutil import VN_TZ

CALL = datetime(2026, 3, 2, 2, 0, tzinfo=UTC)  # Monday 09:00 in Vietnam
SAFETY = CALL + timedelta(hours=12)
PLAN = datetime(2026, 3, 9, 16, 59, 59, tzinfo=UTC)  # end of Monday 09/03 in Vietnam
SAVED = CALL + timedelta(minutes=8)


def of_case(status: str = "received", **fields) -> dict[str, Clock]:
    values = {"safety_due": SAFETY, "emergency_done_at": None, "plan_due": PLAN, "handoff_due": SAVED}
    values.update(fields)
    return {clock.kind: clock for clock in case_clocks(status=status, **values)}


@pytest.mark.parametrize("status", ["assessment", "needs", "plan", "implementing", "review"])
def test_the_assessment_step_does_not_meet_the_12_hour_clock(status):
    """Điều 26(3): ticking the assessment step (or any later one) does not meet the 12-hour clock."""
    clock = of_case(status)[clocks.EMERGENCY]
    assert (clock.met, clock.due) == (False, SAFETY)
    assert clock.state(SAFETY + timedelta(seconds=1)) == "overdue"


@pytest.mark.parametrize(
    ("done", "state"),
    [(SAFETY - timedelta(hours=1), "met"), (SAFETY, "met"), (SAFETY + timedelta(minutes=1), "met_late")],
)
def test_the_emergency_outcome_meets_the_12_hour_clock(done, state):
    """Điều 26(3), 32: only the emergency outcome (applied, or none needed) meets the 12-hour clock, in time or late."""
    clock = of_case("received", emergency_done_at=done)[clocks.EMERGENCY]
    assert (clock.met, clock.met_at, clock.state(done + timedelta(days=3))) == (True, done, state)


@pytest.mark.parametrize(
    ("outcome", "text", "code"),
    [
        ("applied", "  ", "case.emergency_measures_blank"),
        ("none_needed", "", "case.emergency_reason_blank"),
        ("assessed", "Trẻ an toàn", "case.unknown_emergency_outcome"),
    ],
)
def test_the_emergency_outcome_needs_its_words(outcome, text, code):
    """Điều 26(3): "applied" needs which measures and by whom, "none needed" needs a reason; no other outcome."""
    with pytest.raises(CaseRuleError) as error:
        check_emergency(outcome, text)
    assert error.value.code == code


def test_the_emergency_outcome_is_stripped():
    """Điều 26(3): both outcomes are accepted with their text, stripped."""
    assert check_emergency("applied", " Công an xã đưa trẻ về nhà bà ngoại ") == "Công an xã đưa trẻ về nhà bà ngoại"
    assert check_emergency("none_needed", "Trẻ ở với mẹ, an toàn") == "Trẻ ở với mẹ, an toàn"


def test_a_report_not_urgent_has_no_12_hour_clock():
    """Điều 26(3): the 12-hour clock runs only when the rules set it (serious harm reported)."""
    assert clocks.EMERGENCY not in of_case(safety_due=None)


def test_the_hand_off_is_due_from_the_save_until_recorded():
    """Điều 26(1): the hand-off to the commune is due at once from the save, overdue from then, met when recorded
    however late (no "late" for "at once")."""
    (waiting,) = call_clocks(handoff_due=SAVED, handoff_at=None, safety_due=None, plan_due=None)
    assert (waiting.kind, waiting.due, waiting.met) == (clocks.HANDOFF, SAVED, False)
    assert waiting.state(SAVED + timedelta(minutes=1)) == "overdue"
    done_at = SAVED + timedelta(hours=5)
    (done,) = call_clocks(handoff_due=SAVED, handoff_at=done_at, safety_due=None, plan_due=None)
    assert (done.met, done.met_at, done.state(done_at)) == (True, done_at, "met")
    assert call_clocks(handoff_due=None, handoff_at=None, safety_due=None, plan_due=None) == ()


def test_a_waiting_call_has_its_three_clocks():
    """ND 56 Chương III: a flagged call waiting for its case files runs the hand-off, the 12 hours and the plan."""
    kinds = [c.kind for c in call_clocks(handoff_due=SAVED, handoff_at=None, safety_due=SAFETY, plan_due=PLAN)]
    assert kinds == [clocks.HANDOFF, clocks.EMERGENCY, clocks.PLAN]


@pytest.mark.parametrize(
    ("status", "met"),
    [("received", False), ("assessment", False), ("needs", False), ("plan", True), ("implementing", True),
     ("review", True)],
)  # fmt: skip
def test_the_plan_clock_runs_until_the_plan_step(status, met):
    """Điều 28(1): the plan clock runs until the plan step is done."""
    assert of_case(status)[clocks.PLAN].met is met


def test_the_plan_met_late():
    """Điều 28(1): a plan done after its due is met late."""
    clock = of_case("plan", plan_done_at=PLAN + timedelta(days=1))[clocks.PLAN]
    assert clock.state(PLAN + timedelta(days=2)) == "met_late"


def test_a_closed_case_runs_no_clock():
    """A closed case keeps the clocks it met and runs none."""
    done = SAFETY - timedelta(hours=2)
    closed = of_case("closed", emergency_done_at=done)
    assert list(closed) == [clocks.EMERGENCY] and closed[clocks.EMERGENCY].met
    assert of_case("closed") == {}


def test_the_separation_lasts_15_days():
    """Điều 32: a temporary separation is due to end 15 days after its start."""
    start = datetime(2026, 3, 2, 15, 30, tzinfo=UTC)
    assert separation_due(start) == datetime(2026, 3, 17, 15, 30, tzinfo=UTC)
    clock = of_case("needs", separation_started_at=start, separation_until=separation_due(start))[clocks.SEPARATION]
    assert (clock.due, clock.met) == (separation_due(start), False)
    assert clock.state(separation_due(start) - timedelta(days=1)) == "due_soon"
    assert clock.state(separation_due(start) - timedelta(days=3)) == "running"


def test_an_extended_separation_runs_to_the_new_last_day():
    """Điều 32: extended by a competent authority, the separation is due at the end of its new last day."""
    start = datetime(2026, 3, 2, 15, 30, tzinfo=UTC)
    until = clocks.end_of_local_day(date(2026, 3, 31))
    assert until == datetime(2026, 3, 31, 23, 59, 59, tzinfo=VN_TZ)
    clock = of_case("needs", separation_started_at=start, separation_until=until)[clocks.SEPARATION]
    assert clock.due == until and clock.state(separation_due(start) + timedelta(days=1)) == "running"


def test_an_ended_separation_is_met():
    """Điều 32: a separation whose end is recorded no longer runs."""
    start = datetime(2026, 3, 2, 15, 30, tzinfo=UTC)
    ended = start + timedelta(days=6)
    clock = of_case("needs", separation_started_at=start, separation_until=separation_due(start),
                    separation_ended_at=ended)[clocks.SEPARATION]  # fmt: skip
    assert (clock.met, clock.met_at, clock.state(ended)) == (True, ended, "met")


def test_the_nearest_clock_is_the_most_overdue():
    """Lists put the nearest open clock first: the earliest due among those not met, the most overdue of all."""
    start = CALL + timedelta(hours=2)
    case = of_case("needs", separation_started_at=start, separation_until=separation_due(start))
    assert nearest(case.values()).kind == clocks.HANDOFF  # due at the save: the earliest
    handed = of_case("needs", handoff_at=SAVED + timedelta(minutes=3), separation_started_at=start,
                     separation_until=separation_due(start))  # fmt: skip
    assert [c.kind for c in open_clocks(handed.values())] == [clocks.EMERGENCY, clocks.PLAN, clocks.SEPARATION]
    assert nearest_due(handed.values()) == SAFETY
    assert nearest([]) is None and nearest_due(of_case("review", handoff_at=SAVED, emergency_done_at=SAFETY)
                                               .values()) is None  # fmt: skip


def test_a_new_cycle_counts_its_plan_from_the_review():
    """Điều 30: a review that finds the child still at risk starts a new plan due 5 working days after the review's
    day, with the holidays skipped and the swapped Saturdays counted."""
    review = datetime(2026, 4, 27, 10, 0, tzinfo=VN_TZ)  # Monday
    holidays = [date(2026, 4, 30), date(2026, 5, 1)]
    saturday = [date(2026, 5, 2)]
    assert clocks.new_cycle_plan_due(review) == datetime(2026, 5, 4, 23, 59, 59, tzinfo=VN_TZ)
    assert clocks.new_cycle_plan_due(review, holidays) == datetime(2026, 5, 6, 23, 59, 59, tzinfo=VN_TZ)
    assert clocks.new_cycle_plan_due(review, holidays, saturday) == datetime(2026, 5, 5, 23, 59, 59, tzinfo=VN_TZ)


@pytest.mark.parametrize("status", ["received", "assessment", "needs", "plan", "review", "closed"])
def test_a_new_cycle_starts_only_at_the_review(status):
    """Điều 30: only the review (reached from 'implementing') may send the case back to a new plan."""
    with pytest.raises(CaseRuleError, match="review"):
        check_new_cycle(status, "review")


def test_a_new_cycle_at_the_review():
    """Điều 30: at the review step a new cycle is allowed."""
    check_new_cycle("implementing", "review")


@pytest.mark.parametrize("status", ["received", "assessment", "needs"])
def test_a_plan_is_approved_once_drafted(status):
    """Mẫu 05: the plan's approval comes after the plan step."""
    with pytest.raises(CaseRuleError, match="plan step"):
        check_plan_approval(status)
    check_plan_approval("plan")
