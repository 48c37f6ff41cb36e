"""Case-file rules without a database: steps, due times, urgency, numbers and the checks on changes."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from hotline.core.cases import (
    STEPS,
    Case,
    CaseEvent,
    CaseRuleError,
    CaseSummary,
    case_year,
    check_service,
    check_step_forward,
    check_text,
    format_case_number,
    next_due,
    next_step,
    status_before_close,
    step_due,
    steps_ahead,
    urgency,
)

SAFETY = datetime(2026, 3, 2, 14, 0, tzinfo=UTC)
PLAN = datetime(2026, 3, 9, 16, 59, 59, tzinfo=UTC)
NOW = datetime(2026, 3, 5, 8, 0, tzinfo=UTC)


def case(status: str, safety_due=SAFETY, plan_due=PLAN) -> Case:
    return Case(
        id=1, number="AG-2026-00001", call_id=1, child_id=None, child=None, opened_by=1,
        opened_at=datetime(2026, 3, 2, 3, 0, tzinfo=UTC), assigned_to=None, status=status, risk="high",
        safety_due=safety_due, plan_due=plan_due,
    )  # fmt: skip


def event(n: int, kind: str, step: str | None) -> CaseEvent:
    return CaseEvent(n, 1, datetime(2026, 3, 2, tzinfo=UTC) + timedelta(hours=n), 1, kind, step, "", None)


@pytest.mark.parametrize(
    ("status", "expected"),
    [
        ("received", "assessment"),
        ("assessment", "needs"),
        ("needs", "plan"),
        ("plan", "implementing"),
        ("implementing", "review"),
        ("review", "closed"),
        ("closed", None),
    ],
)
def test_next_step(status, expected):
    """Each step is followed by the next one of the 111 sequence; a closed case has none."""
    assert next_step(status) == expected


def test_unknown_step_is_an_error():
    """A misspelt step raises ValueError instead of passing as 'no next step'."""
    with pytest.raises(ValueError):
        next_step("planning")
    with pytest.raises(ValueError):
        step_due("planning", PLAN)


@pytest.mark.parametrize(
    ("step", "plan", "expected"),
    [
        ("assessment", PLAN, None),  # the 12-hour clock is no step (Điều 26(3): the emergency outcome meets it)
        ("plan", PLAN, PLAN),
        ("plan", None, None),
        ("received", PLAN, None),
        ("needs", PLAN, None),
        ("implementing", PLAN, None),
        ("review", PLAN, None),
        ("closed", PLAN, None),
    ],
)
def test_step_due(step, plan, expected):
    """Điều 28(1): only the plan step carries a legal due time; the initial assessment carries none."""
    assert step_due(step, plan) == expected


@pytest.mark.parametrize(
    ("status", "safety", "plan", "expected"),
    [
        pytest.param("received", SAFETY, PLAN, PLAN, id="urgent-new-case-the-plan-step"),
        pytest.param("received", None, PLAN, PLAN, id="not-urgent-new-case-plan"),
        pytest.param("received", SAFETY, None, None, id="safety-only-is-no-step"),
        pytest.param("assessment", SAFETY, PLAN, PLAN, id="assessed-plan-next"),
        pytest.param("needs", SAFETY, PLAN, PLAN, id="needs-plan-next"),
        pytest.param("plan", SAFETY, PLAN, None, id="plan-done-nothing-due"),
        pytest.param("review", SAFETY, PLAN, None, id="review-nothing-due"),
        pytest.param("closed", SAFETY, PLAN, None, id="closed-nothing-due"),
        pytest.param("received", None, None, None, id="no-due-times"),
    ],
)
def test_next_due_of_a_case(status, safety, plan, expected):
    """The next step's due time is the plan's while the plan is ahead (the 12-hour clock is no step)."""
    assert next_due(case(status, safety, plan)) == expected


def test_next_due_of_a_summary_is_its_own():
    """A CaseSummary already carries its next due time, and next_due hands it back."""
    summary = CaseSummary(1, "AG-2026-00001", "An", 1, NOW, None, "received", "high", "assessment", SAFETY, None)
    assert next_due(summary) == SAFETY


def test_steps_ahead():
    """The steps ahead exclude the current one and 'closed'; a closed case has none."""
    assert steps_ahead("received") == ("assessment", "needs", "plan", "implementing", "review")
    assert steps_ahead("review") == ()
    assert steps_ahead("closed") == ()


@pytest.mark.parametrize(
    ("due", "expected"),
    [
        (None, "none"),
        (NOW - timedelta(seconds=1), "overdue"),
        (NOW - timedelta(days=3), "overdue"),
        (NOW, "due_soon"),
        (NOW + timedelta(hours=1), "due_soon"),
        (NOW + timedelta(hours=24), "due_soon"),
        (NOW + timedelta(hours=24, seconds=1), "ok"),
        (NOW + timedelta(days=5), "ok"),
    ],
)
def test_urgency(due, expected):
    """Overdue once the due time has passed, due soon within 24 hours, otherwise ok; none without a due time."""
    assert urgency(due, NOW) == expected


@pytest.mark.parametrize(
    ("opened", "year"),
    [
        (datetime(2026, 12, 31, 16, 59, tzinfo=UTC), 2026),  # 23:59 on 31/12 in Vietnam
        (datetime(2026, 12, 31, 17, 30, tzinfo=UTC), 2027),  # 00:30 on 01/01 in Vietnam, still 2026 in UTC
        (datetime(2027, 1, 1, 0, 0, tzinfo=UTC), 2027),
    ],
)
def test_case_year_is_the_vietnamese_year(opened, year):
    """A case opened just after midnight on New Year's Day in Vietnam is numbered in the new year."""
    assert case_year(opened) == year


def test_case_year_needs_a_timezone():
    """A naive opening time is refused: its year would be a guess."""
    with pytest.raises(ValueError):
        case_year(datetime(2026, 12, 31, 23, 0))


@pytest.mark.parametrize(
    ("prefix", "year", "n", "expected"),
    [("AG", 2026, 1, "AG-2026-00001"), ("AG", 2026, 42, "AG-2026-00042"), ("KG", 2027, 12345, "KG-2027-12345")],
)
def test_format_case_number(prefix, year, n, expected):
    """Case numbers read PREFIX-YYYY-NNNNN, five digits with leading zeros."""
    assert format_case_number(prefix, year, n) == expected


def test_case_numbers_start_at_one():
    """Sequence 0 is not a case number."""
    with pytest.raises(ValueError):
        format_case_number("AG", 2026, 0)


@pytest.mark.parametrize(
    ("status", "step"),
    [("received", "assessment"), ("assessment", "needs"), ("needs", "plan"), ("implementing", "review")],
)
def test_steps_go_forward(status, step):
    """The next step may be completed."""
    check_step_forward(status, step)


@pytest.mark.parametrize(("status", "step"), [("received", "plan"), ("received", "needs"), ("assessment", "review")])
def test_steps_are_not_skipped(status, step):
    """Skipping a step is refused: a missed safety assessment must stay visible as overdue."""
    with pytest.raises(CaseRuleError, match="in order"):
        check_step_forward(status, step)


@pytest.mark.parametrize(
    ("status", "step", "words"),
    [
        ("assessment", "assessment", "forward"),
        ("plan", "needs", "forward"),
        ("received", "received", "forward"),
        ("review", "closed", "reason"),
        ("closed", "review", "reopen"),
        ("received", "planning", "Unknown step"),
    ],
)
def test_steps_never_go_back(status, step, words):
    """A step already done, a step backwards, 'closed' and any step on a closed case are refused with words."""
    with pytest.raises(CaseRuleError, match=words):
        check_step_forward(status, step)


@pytest.mark.parametrize("text", ["", "   ", "\n\t", None])
def test_blank_text_refused(text):
    """A blank note or reason is refused."""
    with pytest.raises(CaseRuleError):
        check_text(text)
    with pytest.raises(CaseRuleError, match="reason"):
        check_text(text, "reason")


def test_text_is_stripped():
    """Surrounding spaces are dropped from a note."""
    assert check_text("  Đã gọi lại cho mẹ.  ") == "Đã gọi lại cho mẹ."


def test_referral_services():
    """Only the listed referral services are accepted."""
    check_service("police")
    with pytest.raises(CaseRuleError):
        check_service("police_113")


@pytest.mark.parametrize(
    ("events", "expected"),
    [
        pytest.param([event(1, "step", "received"), event(2, "close", "received")], "received", id="closed-at-once"),
        pytest.param(
            [event(1, "step", "received"), event(2, "step", "plan"), event(3, "close", "plan")], "plan", id="at-plan"
        ),
        pytest.param(
            [
                event(1, "step", "received"),
                event(2, "close", "received"),
                event(3, "reopen", "received"),
                event(4, "step", "review"),
                event(5, "close", "review"),
            ],
            "review",
            id="latest-close-wins",
        ),
        pytest.param(
            [event(1, "step", "received"), event(2, "step", "assessment"), event(3, "close", None)],
            "assessment",
            id="bulk-close-without-step",
        ),
        pytest.param([], "received", id="no-events"),
        pytest.param(
            [event(1, "step", "review"), event(2, "cycle", "needs"), event(3, "close", None)],
            "needs",
            id="bulk-close-after-a-new-cycle",
        ),
    ],
)
def test_status_before_close(events, expected):
    """A reopened case goes back to the step it had reached when it was last closed."""
    assert status_before_close(events) == expected


def test_steps_are_the_111_sequence():
    """The steps are received → assessment → needs → plan → implementing → review → closed."""
    assert STEPS == ("received", "assessment", "needs", "plan", "implementing", "review", "closed")
