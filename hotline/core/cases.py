"""Case files: their steps, numbers and events (docs/law.md "Clocks"; clocks in core.case_clocks); no Qt, no SQL."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from hotline.core.case_clocks import BEFORE_PLAN, EMERGENCY_OUTCOMES, lateness
from hotline.core.models import Child, Handoff
from hotline.core.timeutil import VN_TZ
from hotline.core.wording import QT_TRANSLATE_NOOP, CodedError

#: The steps as 111 runs them; a case's status is the last step completed ('closed' once closed).
STEPS = ("received", "assessment", "needs", "plan", "implementing", "review", "closed")
CLOSED = "closed"
REFERRAL_SERVICES = ("police", "health", "commune", "school", "legal_aid", "shelter", "other")
EVENT_KINDS = (
    "note", "correction", "step", "referral", "referral_outcome", "link", "close", "reopen", "assign",
    # the clocks (core.case_clocks): the 12-hour outcome, the plan's approval, a temporary separation, a new cycle
    "emergency", "plan_approved", "separation_start", "separation_extend", "separation_end", "cycle",
)  # fmt: skip
#: The one step that carries a legal due time (Điều 28(1)), and the case's due time that applies. The 12-hour
#: clock is no step: only the emergency outcome meets it (Điều 26(3), 32).
DUE_STEPS = {"plan": "plan_due"}
#: A time recorded for something done may be a little ahead of this PC's clock (another PC's), not more.
FUTURE_SLACK = timedelta(minutes=10)
#: How long before a due time a step shows as "due soon".
DUE_SOON = timedelta(hours=24)
SAFETY_DUE_SOON = timedelta(hours=3)
NUMBER_DIGITS = 5


class CaseRuleError(CodedError, ValueError):
    """A change a case file does not allow (a step backwards, a blank note…); a code and a message for a person."""


@dataclass(frozen=True)
class CaseEvent:
    """One entry of a case's history; nothing is ever changed or removed, a correction is a new event.

    ``step``: the step completed ('step'), the status before closing ('close'), restored ('reopen') or gone back
    to ('cycle': a review found the child still at risk, Điều 30).
    ``refers_to``: the corrected event ('correction') or the referral ('referral_outcome').
    ``service``: a code saying what the event records: the service of a 'referral' and of its 'referral_outcome',
    the outcome of an 'emergency' (EMERGENCY_OUTCOMES), the ISO date of a 'plan_approved' (Mẫu 05 decision) or the
    new last day of a 'separation_extend'. ``call_id``: the call of a 'link'; ``assigned_to``: the counselor of an
    'assign'. ``at`` of an 'emergency' or a 'separation_start'/'separation_end' is when it happened.
    """

    id: int
    case_id: int
    at: datetime
    user_id: int
    kind: str
    step: str | None
    text: str
    refers_to: int | None
    service: str | None = None
    call_id: int | None = None
    assigned_to: int | None = None


@dataclass
class Case:
    """One child's case file, opened from a flagged call. Times are timezone-aware UTC datetimes."""

    id: int | None
    number: str
    call_id: int
    child_id: int | None
    child: Child | None
    opened_by: int
    opened_at: datetime
    assigned_to: int | None
    status: str
    risk: str
    safety_due: datetime | None
    plan_due: datetime | None
    closed_at: datetime | None = None
    closure_reason: str = ""
    version: int = 1
    #: family information for Mẫu số 01 (father/mother name, age, occupation, family_situation, condition,
    #: likely_outcome…): free keys, stored as JSON
    details: dict = field(default_factory=dict)
    #: the 12-hour clock met: emergency measures applied, or assessed and none needed (Điều 26(3), 32)
    emergency_done_at: datetime | None = None
    #: the day the plan was approved (Mẫu 05 decision)
    plan_approved_on: date | None = None
    #: a temporary separation (Điều 32): its start, its end as due (15 days, or as extended) and its actual end
    separation_started_at: datetime | None = None
    separation_until: datetime | None = None
    separation_ended_at: datetime | None = None
    #: Mẫu 01's own number ("12/BC-TTCTXH"), given once
    report_number: str | None = None


@dataclass(frozen=True)
class QueueItem:
    """A flagged call still waiting for (some of) its case files, as the follow-up queue shows it."""

    call_id: int
    started_at: datetime
    line: str
    urgent: bool
    risk: str
    safety_due: datetime | None
    plan_due: datetime | None
    reasons: tuple[dict, ...]
    summary: str
    children: tuple[Child, ...]
    followup_by: int | None
    cases_opened: int
    #: the children (ids; None for a call without children) that already have a case file that is not closed
    children_with_file: tuple[int | None, ...] = ()
    #: the hand-off to the commune is due from the save (Điều 26(1)); the hand-offs recorded (commune, victim)
    handoff_due: datetime | None = None
    handoffs: tuple[Handoff, ...] = ()
    #: an adult trafficking victim is on the call: a victim referral is due
    victim_referral: bool = False
    incident_ward_code: int | None = None


@dataclass(frozen=True)
class CaseSummary:
    """One row of a list of cases."""

    id: int
    number: str
    child_name: str
    call_id: int
    opened_at: datetime
    assigned_to: int | None
    status: str
    risk: str
    next_step: str | None
    next_due: datetime | None
    closed_at: datetime | None
    #: the kind of the nearest open clock (core.case_clocks.CLOCKS), the one ``next_due`` belongs to
    next_clock: str | None = None


def next_step(status: str) -> str | None:
    """The step after ``status``; None when the case is closed."""
    if status not in STEPS:
        raise ValueError(f"unknown case step: {status!r}")
    if status == CLOSED:
        return None
    return STEPS[STEPS.index(status) + 1]


def step_due(step: str, plan_due: datetime | None) -> datetime | None:
    """The due time of ``step``: the plan time for 'plan' (Điều 28(1)), none for the others."""
    if step not in STEPS:
        raise ValueError(f"unknown case step: {step!r}")
    return plan_due if DUE_STEPS.get(step) == "plan_due" else None


def step_late_by(step: str, done_at: datetime, plan_due: datetime | None) -> timedelta | None:
    """How late a completed step was done: only the plan carries a due time (Điều 28(1)); None when in time."""
    return lateness(step_due(step, plan_due), done_at)


def steps_ahead(status: str) -> tuple[str, ...]:
    """The steps not yet completed, in order ('closed' excluded); none for a closed case."""
    if status not in STEPS:
        raise ValueError(f"unknown case step: {status!r}")
    if status == CLOSED:
        return ()
    return STEPS[STEPS.index(status) + 1 : -1]


def next_due(case_or_summary) -> datetime | None:
    """The due time of the next step that carries one (the plan, Điều 28(1)) while it is ahead; None otherwise.

    Works on a Case (from its status and plan time) and on a CaseSummary, which carries the due of its nearest
    open clock instead (core.case_clocks: the hand-off, the 12-hour clock, the plan, a separation).
    """
    if not hasattr(case_or_summary, "plan_due"):
        return case_or_summary.next_due
    dues = [due for step in steps_ahead(case_or_summary.status) if (due := step_due(step, case_or_summary.plan_due))]
    return min(dues, default=None)


def urgency(due: datetime | None, now: datetime, soon: timedelta = DUE_SOON) -> str:
    """'overdue' once ``due`` has passed, 'due_soon' within ``soon`` of it (24 h; pass SAFETY_DUE_SOON for the
    12-hour clock, which would otherwise be amber from the start), else 'ok'; 'none' without a due time."""
    if due is None:
        return "none"
    if due < now:
        return "overdue"
    if due - now <= soon:
        return "due_soon"
    return "ok"


def case_year(opened_at: datetime) -> int:
    """The year of a case number: the Vietnamese calendar year of the opening (00:30 on 1 January local is
    still 31 December in UTC)."""
    if opened_at.tzinfo is None:
        raise ValueError("naive datetime: the opening time must carry a timezone")
    return opened_at.astimezone(VN_TZ).year


def format_case_number(prefix: str, year: int, sequence: int) -> str:
    """``AG-2026-00042``: the centre's prefix, the year and the sequence within the year."""
    if sequence < 1:
        raise ValueError("case numbers start at 1")
    return f"{prefix}-{year}-{sequence:0{NUMBER_DIGITS}d}"


def check_step_forward(status: str, step: str) -> None:
    """A step may be completed only after the current status; closing is close_case's job."""
    if step not in STEPS:
        raise CaseRuleError("case.unknown_step", QT_TRANSLATE_NOOP("StoreError", "Unknown step: {step}"), step=step)
    check_open(status)
    if step == CLOSED:
        raise CaseRuleError(
            "case.close_needs_reason", QT_TRANSLATE_NOOP("StoreError", "Closing a case needs a reason: use Close")
        )
    if STEPS.index(step) <= STEPS.index(status):
        raise CaseRuleError(
            "case.step_done",
            QT_TRANSLATE_NOOP("StoreError", "Steps only go forward: this step is already done"),
        )
    if step != next_step(status):
        # skipping would pass the plan (Điều 28(1)) without it being recorded
        raise CaseRuleError(
            "case.step_out_of_order",
            QT_TRANSLATE_NOOP("StoreError", "Steps are done in order; the next one is {step}"),
            step=next_step(status),
        )


def check_text(text: str, what: str = "note") -> str:
    """The text stripped; a blank note, reason or outcome is refused."""
    cleaned = (text or "").strip()
    if not cleaned:
        if what == "reason":
            raise CaseRuleError("case.reason_blank", QT_TRANSLATE_NOOP("StoreError", "A reason is required"))
        if what == "outcome":
            raise CaseRuleError(
                "case.outcome_blank", QT_TRANSLATE_NOOP("StoreError", "A referral outcome cannot be blank")
            )
        raise CaseRuleError("case.note_blank", QT_TRANSLATE_NOOP("StoreError", "A note cannot be blank"))
    return cleaned


def check_service(service: str) -> None:
    if service not in REFERRAL_SERVICES:
        raise CaseRuleError(
            "case.unknown_service",
            QT_TRANSLATE_NOOP("StoreError", "Unknown referral service: {service}"),
            service=service,
        )


def status_before_close(events: list[CaseEvent]) -> str:
    """The status a reopened case goes back to: the last step before it was closed.

    The latest 'close' event records it; without one (a case loaded in bulk), the latest step completed or gone
    back to by a new cycle.
    """
    for event in reversed(events):
        if event.kind == "close" and event.step in STEPS and event.step != CLOSED:
            return event.step
    for event in reversed(events):
        if event.kind in ("step", "cycle") and event.step in STEPS and event.step != CLOSED:
            return event.step
    return STEPS[0]


# --- the clocks' records (docs/law.md "Clocks") ---------------------------------------------------------------

#: Where a new plan cycle goes back to: the step before the plan, so that the plan is next (Điều 30).
CYCLE_BACK_TO = BEFORE_PLAN[-1]


def check_new_cycle(status: str, step: str) -> None:
    """A new plan cycle starts only at the review (Điều 30: the child is still at risk)."""
    if step != "review" or next_step(status) != "review":
        raise CaseRuleError(
            "case.cycle_not_at_review",
            QT_TRANSLATE_NOOP("StoreError", "A new plan cycle starts only at the review step"),
        )


def check_emergency(outcome: str, text: str) -> str:
    """The 12-hour clock's outcome (Điều 26(3), 32): which measures and by whom, or why none is needed."""
    if outcome not in EMERGENCY_OUTCOMES:
        raise CaseRuleError(
            "case.unknown_emergency_outcome",
            QT_TRANSLATE_NOOP("StoreError", "Unknown outcome of the 12-hour clock: {outcome}"),
            outcome=outcome,
        )
    cleaned = (text or "").strip()
    if not cleaned and outcome == "applied":
        raise CaseRuleError(
            "case.emergency_measures_blank",
            QT_TRANSLATE_NOOP("StoreError", "Say which emergency measures were applied, by whom"),
        )
    if not cleaned:
        raise CaseRuleError(
            "case.emergency_reason_blank",
            QT_TRANSLATE_NOOP("StoreError", "Say why no emergency measures are needed"),
        )
    return cleaned


def check_moment(at: datetime, now: datetime, earliest: datetime, after: str = "report") -> None:
    """A time something was done: aware, not ahead of now, not before ``earliest`` (the report's arrival, or
    with ``after`` 'separation' the separation's start)."""
    if at.tzinfo is None:
        raise ValueError("naive datetime: the time must carry a timezone")
    if at > now + FUTURE_SLACK:
        raise CaseRuleError("case.time_in_future", QT_TRANSLATE_NOOP("StoreError", "This time is still in the future"))
    if at < earliest and after == "separation":
        raise CaseRuleError(
            "case.time_before_separation",
            QT_TRANSLATE_NOOP("StoreError", "This time is before the separation began"),
        )
    if at < earliest:
        raise CaseRuleError(
            "case.time_before_report",
            QT_TRANSLATE_NOOP("StoreError", "This time is before the report was received"),
        )


def check_day(day: date, today: date, earliest: date) -> None:
    """A day something was decided: not before the report's day, not after today."""
    if day > today:
        raise CaseRuleError("case.day_in_future", QT_TRANSLATE_NOOP("StoreError", "This day is still in the future"))
    if day < earliest:
        raise CaseRuleError(
            "case.day_before_report",
            QT_TRANSLATE_NOOP("StoreError", "This day is before the report was received"),
        )


def check_open(status: str) -> None:
    if status == CLOSED:
        raise CaseRuleError("case.closed", QT_TRANSLATE_NOOP("StoreError", "The case is closed; reopen it first"))


def separation_running(case: Case) -> bool:
    return case.separation_started_at is not None and case.separation_ended_at is None


def check_separation_start(case: Case) -> None:
    if separation_running(case):
        raise CaseRuleError(
            "case.separation_running",
            QT_TRANSLATE_NOOP("StoreError", "A temporary separation is already running"),
        )


def check_separation_running(case: Case) -> None:
    if not separation_running(case):
        raise CaseRuleError(
            "case.separation_not_running", QT_TRANSLATE_NOOP("StoreError", "No temporary separation is running")
        )


def check_plan_approval(status: str) -> None:
    """The plan is approved (Mẫu 05 decision) once it is drafted: at or after the plan step."""
    if status in BEFORE_PLAN:
        raise CaseRuleError(
            "case.plan_not_drafted",
            QT_TRANSLATE_NOOP("StoreError", "The plan is not drafted yet: complete the plan step first"),
        )
