"""A step or clock done after its due time stays marked late, by how much (core.case_clocks, core.cases)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from hotline.core.case_clocks import EMERGENCY, HANDOFF, PLAN, Clock, lateness
from hotline.core.cases import step_late_by

DUE = datetime(2026, 12, 6, 4, 0, tzinfo=UTC)


def test_lateness_is_the_time_after_the_due():
    """Done 3 hours after the due: late by 3 hours; on time, early or unknown: not late."""
    assert lateness(DUE, DUE + timedelta(hours=3)) == timedelta(hours=3)
    assert lateness(DUE, DUE) is None
    assert lateness(DUE, DUE - timedelta(minutes=1)) is None
    assert lateness(None, DUE) is None and lateness(DUE, None) is None


def test_a_clock_met_late_keeps_how_late():
    """A 12-hour clock met 2 h 20 min after its due says so; an open clock or a hand-off is never 'late by'."""
    met = Clock(EMERGENCY, DUE, True, DUE + timedelta(hours=2, minutes=20))
    assert met.late_by == timedelta(hours=2, minutes=20) and met.state(DUE + timedelta(days=3)) == "met_late"
    assert Clock(EMERGENCY, DUE).late_by is None
    assert Clock(PLAN, DUE, True, DUE - timedelta(hours=1)).late_by is None
    assert Clock(HANDOFF, DUE, True, DUE + timedelta(hours=5)).late_by is None


def test_only_the_plan_step_can_be_late():
    """The plan step done after the plan's due is late by the difference; the steps without a due never are."""
    assert step_late_by("plan", DUE + timedelta(days=1, hours=2), DUE) == timedelta(days=1, hours=2)
    assert step_late_by("plan", DUE - timedelta(days=1), DUE) is None
    assert step_late_by("assessment", DUE + timedelta(days=9), DUE) is None
