"""Case files: their steps, due times, numbers and events (DESIGN §4, §5 "Deadlines"); no Qt, no SQL."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from hotline.core.models import Child
from hotline.core.timeutil import VN_TZ

#: The steps as 111 runs them; a case's status is the last step completed ('closed' once closed).
STEPS = ("received", "assessment", "needs", "plan", "implementing", "review", "closed")
CLOSED = "closed"
REFERRAL_SERVICES = ("police", "health", "commune", "school", "legal_aid", "shelter", "other")
EVENT_KINDS = ("note", "correction", "step", "referral", "referral_outcome", "link", "close", "reopen", "assign")
#: The two steps that carry a legal due time, and which of the case's due times applies.
DUE_STEPS = {"assessment": "safety_due", "plan": "plan_due"}
#: How long before a due time a step shows as "due soon".
DUE_SOON = timedelta(hours=24)
SAFETY_DUE_SOON = timedelta(hours=3)
NUMBER_DIGITS = 5


class CaseRuleError(ValueError):
    """A change a case file does not allow (a step backwards, a blank note…); the message is for a person."""


@dataclass(frozen=True)
class CaseEvent:
    """One entry of a case's history; nothing is ever changed or removed, a correction is a new event.

    ``step``: the step completed ('step'), the status before closing ('close') or restored ('reopen').
    ``refers_to``: the corrected event ('correction') or the referral ('referral_outcome').
    ``service``: the service of a 'referral' and of its 'referral_outcome'; ``call_id``: the call of a 'link';
    ``assigned_to``: the counselor of an 'assign'.
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


def next_step(status: str) -> str | None:
    """The step after ``status``; None when the case is closed."""
    if status not in STEPS:
        raise ValueError(f"unknown case step: {status!r}")
    if status == CLOSED:
        return None
    return STEPS[STEPS.index(status) + 1]


def step_due(step: str, safety_due: datetime | None, plan_due: datetime | None) -> datetime | None:
    """The due time of ``step``: the safety time for 'assessment' (set for urgent calls only), the plan time
    for 'plan', none for the others."""
    if step not in STEPS:
        raise ValueError(f"unknown case step: {step!r}")
    which = DUE_STEPS.get(step)
    return safety_due if which == "safety_due" else plan_due if which == "plan_due" else None


def steps_ahead(status: str) -> tuple[str, ...]:
    """The steps not yet completed, in order ('closed' excluded); none for a closed case."""
    if status not in STEPS:
        raise ValueError(f"unknown case step: {status!r}")
    if status == CLOSED:
        return ()
    return STEPS[STEPS.index(status) + 1 : -1]


def next_due(case_or_summary) -> datetime | None:
    """The earliest due time among the steps still ahead; None when none of them has one.

    Works on a Case (from its status and due times) and on a CaseSummary (which carries it already).
    """
    if not hasattr(case_or_summary, "safety_due"):
        return case_or_summary.next_due
    dues = [
        due
        for step in steps_ahead(case_or_summary.status)
        if (due := step_due(step, case_or_summary.safety_due, case_or_summary.plan_due)) is not None
    ]
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
        raise CaseRuleError(f"Bước không hợp lệ / Unknown step: {step}")
    if status == CLOSED:
        raise CaseRuleError("Hồ sơ đã đóng; hãy mở lại trước / The case is closed; reopen it first")
    if step == CLOSED:
        raise CaseRuleError("Đóng hồ sơ cần ghi lý do / Closing a case needs a reason: use Close")
    if STEPS.index(step) <= STEPS.index(status):
        raise CaseRuleError("Các bước chỉ đi tới, không quay lại / Steps only go forward: this step is already done")
    if step != next_step(status):
        # skipping would hide a missed deadline (e.g. the 12-hour safety assessment) from the overdue list
        raise CaseRuleError(
            f"Phải làm lần lượt từng bước; bước tiếp theo là {next_step(status)}"
            f" / Steps are done in order; the next one is {next_step(status)}"
        )


def check_text(text: str, what: str = "note") -> str:
    """The text stripped; a blank note, reason or outcome is refused."""
    cleaned = (text or "").strip()
    if not cleaned:
        messages = {
            "note": "Ghi chú không được để trống / A note cannot be blank",
            "reason": "Cần ghi lý do / A reason is required",
            "outcome": "Kết quả chuyển gửi không được để trống / A referral outcome cannot be blank",
        }
        raise CaseRuleError(messages.get(what, messages["note"]))
    return cleaned


def check_service(service: str) -> None:
    if service not in REFERRAL_SERVICES:
        raise CaseRuleError(f"Dịch vụ chuyển gửi không hợp lệ / Unknown referral service: {service}")


def status_before_close(events: list[CaseEvent]) -> str:
    """The status a reopened case goes back to: the last step before it was closed.

    The latest 'close' event records it; without one (a case loaded in bulk), the latest step completed.
    """
    for event in reversed(events):
        if event.kind == "close" and event.step in STEPS and event.step != CLOSED:
            return event.step
    steps = [e.step for e in events if e.kind == "step" and e.step in STEPS and e.step != CLOSED]
    return max(steps, key=STEPS.index, default=STEPS[0])
