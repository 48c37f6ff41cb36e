"""The legal clocks of a report and its case files (ND 56/2017, Chương III; docs/law.md "Clocks"); no Qt, no SQL.

A clock runs from a due time until something recorded meets it: the hand-off to the commune (Điều 26(1)), the
12-hour emergency measures or temporary separation (Điều 26(3), 32), the support plan (Điều 28(1)) and the end of a
temporary separation (Điều 32). The lists and the follow-up queue put the nearest open clock first.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from hotline.core import deadlines
from hotline.core.timeutil import VN_TZ

HANDOFF, EMERGENCY, PLAN, SEPARATION = "handoff", "emergency", "plan", "separation"
#: Every clock, in the order a case file shows them.
CLOCKS = (HANDOFF, EMERGENCY, PLAN, SEPARATION)
#: The article of Nghị định 56/2017/NĐ-CP each clock comes from.
ARTICLES = {HANDOFF: "26(1)", EMERGENCY: "26(3), 32", PLAN: "28(1)", SEPARATION: "32"}
#: How long before its due a running clock shows as "due soon" (the 12-hour clock would be amber from its start).
DUE_SOON = {HANDOFF: timedelta(0), EMERGENCY: timedelta(hours=3), PLAN: timedelta(hours=24),
            SEPARATION: timedelta(days=2)}  # fmt: skip
#: The steps before the plan: while the case is at one of them, the plan clock runs.
BEFORE_PLAN = ("received", "assessment", "needs")
#: The outcomes that meet the 12-hour clock (Điều 26(3)): measures applied, or assessed and none needed.
EMERGENCY_OUTCOMES = ("applied", "none_needed")


@dataclass(frozen=True)
class Clock:
    """One clock: its kind (CLOCKS), its due time (UTC) and, once met, when (``met_at`` None when unknown)."""

    kind: str
    due: datetime
    met: bool = False
    met_at: datetime | None = None

    @property
    def article(self) -> str:
        return ARTICLES[self.kind]

    @property
    def late_by(self) -> timedelta | None:
        """How long after its due the clock was met; None while open, when met in time or when unknown. A hand-off
        is due "at once" from the save: recorded, it is never late."""
        if not self.met or self.kind == HANDOFF:
            return None
        return lateness(self.due, self.met_at)

    def state(self, now: datetime) -> str:
        """'met' (in time), 'met_late', 'overdue', 'due_soon' or 'running'.

        A hand-off is due "at once" from the save: recorded, it is met, however many minutes it took.
        """
        if self.met:
            return "met" if self.late_by is None else "met_late"
        if self.due < now:
            return "overdue"
        if self.due - now <= DUE_SOON[self.kind]:
            return "due_soon"
        return "running"


def lateness(due: datetime | None, done_at: datetime | None) -> timedelta | None:
    """How long after ``due`` something was done (kept once done: a late step stays late); None when it was done
    in time or either time is unknown."""
    if due is None or done_at is None or done_at <= due:
        return None
    return done_at - due


def call_clocks(
    *,
    handoff_due: datetime | None,
    handoff_at: datetime | None,
    safety_due: datetime | None,
    plan_due: datetime | None,
) -> tuple[Clock, ...]:
    """The clocks of a flagged call still waiting for its case files: the hand-off (met by a hand-off to the
    commune, ``handoff_at``), the 12-hour clock and the plan (met only inside a case file)."""
    clocks = []
    if handoff_due is not None:
        clocks.append(Clock(HANDOFF, handoff_due, handoff_at is not None, handoff_at))
    if safety_due is not None:
        clocks.append(Clock(EMERGENCY, safety_due))
    if plan_due is not None:
        clocks.append(Clock(PLAN, plan_due))
    return tuple(clocks)


def case_clocks(
    *,
    status: str,
    safety_due: datetime | None,
    emergency_done_at: datetime | None,
    plan_due: datetime | None,
    plan_done_at: datetime | None = None,
    separation_started_at: datetime | None = None,
    separation_until: datetime | None = None,
    separation_ended_at: datetime | None = None,
    handoff_due: datetime | None = None,
    handoff_at: datetime | None = None,
) -> tuple[Clock, ...]:
    """The clocks of one case file, met or not.

    The 12-hour clock is met only by the emergency outcome (``emergency_done_at``), never by a step. The plan is
    met once the case is past the steps before it (a new cycle after a review sets it back); ``plan_done_at`` is
    when, if known. A closed case's clocks no longer run: those not met are left out.
    """
    closed = status == "closed"
    plan_met = status not in BEFORE_PLAN
    clocks = []
    if handoff_due is not None and (handoff_at is not None or not closed):
        clocks.append(Clock(HANDOFF, handoff_due, handoff_at is not None, handoff_at))
    if safety_due is not None and (emergency_done_at is not None or not closed):
        clocks.append(Clock(EMERGENCY, safety_due, emergency_done_at is not None, emergency_done_at))
    if plan_due is not None and (not closed or plan_done_at is not None):
        clocks.append(Clock(PLAN, plan_due, plan_met, plan_done_at if plan_met else None))
    if separation_started_at is not None and separation_until is not None:
        ended = separation_ended_at is not None
        if ended or not closed:
            clocks.append(Clock(SEPARATION, separation_until, ended, separation_ended_at))
    return tuple(clocks)


def open_clocks(clocks: Iterable[Clock]) -> list[Clock]:
    """The clocks still running, nearest due first."""
    return sorted((c for c in clocks if not c.met), key=lambda c: (c.due, CLOCKS.index(c.kind)))


def nearest(clocks: Iterable[Clock]) -> Clock | None:
    """The open clock due first (the most overdue, or else the next to fall due); None when none runs."""
    running = open_clocks(clocks)
    return running[0] if running else None


def nearest_due(clocks: Iterable[Clock]) -> datetime | None:
    clock = nearest(clocks)
    return clock.due if clock else None


def end_of_local_day(day: date) -> datetime:
    """23:59:59 Vietnamese time of ``day``: when an extension "until dd/mm" ends."""
    return datetime.combine(day, deadlines.END_OF_DAY, VN_TZ)


def new_cycle_plan_due(
    review_at: datetime, holidays: Iterable[date] = (), working_days: Iterable[date] = ()
) -> datetime:
    """Điều 30: a review that finds the child still at risk starts a new plan, due 5 working days after the
    review's local day (holidays skipped, swapped working Saturdays counted)."""
    return deadlines.plan_due(review_at, holidays, working_days)
