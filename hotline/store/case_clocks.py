"""What meets a case file's clocks (docs/law.md "Clocks"): the 12-hour outcome, plan approval, separation.

The call's hand-offs, as the case file shows them, are read here too.

As in store.cases: CASE_EDIT for changes, CASE_VIEW for reads; one BEGIN IMMEDIATE transaction per change, a new
event each time (nothing recorded is ever changed) and an audit entry holding codes only, never the text.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

import sqlite_utils

from hotline.core import cases as rules
from hotline.core import permissions
from hotline.core.case_clocks import end_of_local_day
from hotline.core.deadlines import separation_due
from hotline.core.models import Handoff
from hotline.core.timeutil import from_ms, local, to_ms, utcnow
from hotline.core.wording import QT_TRANSLATE_NOOP
from hotline.store import access, audit
from hotline.store.cases import _add_event, _bump, _check_version, _load_case, _rule, _text
from hotline.store.db import NotFoundError, StoreError, write
from hotline.store.handoffs import load_handoffs


@dataclass(frozen=True)
class CallFacts:
    """What a case file shows of its call's clocks: when the report came, the hand-off due and those recorded."""

    call_id: int
    started_at: datetime
    handoff_due: datetime | None
    victim_referral: bool
    incident_ward_code: int | None
    handoffs: tuple[Handoff, ...]

    def commune_handoff(self) -> Handoff | None:
        """The first hand-off to the commune: the one that met the clock."""
        return next((h for h in self.handoffs if h.kind == "commune"), None)


def _open_case(conn, case_id: int, version: int | None) -> rules.Case:
    """The case to change, as read inside the write: the version the person saw, and not closed."""
    case = _load_case(conn, case_id)
    _check_version(case, version)
    _rule(rules.check_open, case.status)
    return case


def call_facts(db: sqlite_utils.Database, call_id: int, *, viewer_id: int) -> CallFacts:
    """The hand-off clock of a case's call and its hand-offs (CASE_VIEW)."""
    access.require(db, viewer_id, permissions.CASE_VIEW)
    row = db.conn.execute(
        "SELECT started_at, handoff_due, victim_referral, incident_ward_code FROM calls WHERE id = ?", [call_id]
    ).fetchone()
    if row is None:
        raise NotFoundError(
            "call.not_found", QT_TRANSLATE_NOOP("StoreError", "Call {call_id} not found"), call_id=call_id
        )
    return CallFacts(call_id, from_ms(row[0]), from_ms(row[1]), bool(row[2]), row[3],
                     tuple(load_handoffs(db.conn, call_id)))  # fmt: skip


def _call_start(conn, case: rules.Case) -> datetime:
    return from_ms(conn.execute("SELECT started_at FROM calls WHERE id = ?", [case.call_id]).fetchone()[0])


def record_emergency(
    db: sqlite_utils.Database,
    case_id: int,
    outcome: str,
    text: str,
    *,
    by_user_id: int,
    at: datetime | None = None,
    version: int | None = None,
) -> rules.Case:
    """Meet the 12-hour clock (Điều 26(3), 32): ``outcome`` 'applied' (``text``: which measures, by whom) or
    'none_needed' (``text``: why). ``at`` is when (default now). A later record adds to the history; the clock
    stays met from the first."""
    access.require(db, by_user_id, permissions.CASE_EDIT)
    _rule(rules.check_emergency, outcome, text)
    text = text.strip()
    now = utcnow()
    at = at or now
    with write(db) as conn:
        case = _open_case(conn, case_id, version)
        _rule(rules.check_moment, at, now, _call_start(conn, case))
        done = at if case.emergency_done_at is None else min(case.emergency_done_at, at)
        _bump(conn, case_id, "emergency_done_at = ?", [to_ms(done)])
        _add_event(conn, case_id, by_user_id, "emergency", at=at, service=outcome, text=text)
        audit.append(db, by_user_id, "case.emergency", "case", case_id, outcome)
        return _load_case(conn, case_id)


def approve_plan(
    db: sqlite_utils.Database,
    case_id: int,
    on: date,
    text: str = "",
    *,
    by_user_id: int,
    version: int | None = None,
) -> rules.Case:
    """Record the plan's approval (Mẫu 05 decision) of day ``on``; ``text`` may name the decision. Once the plan
    step is done; a new cycle after a review needs its own approval."""
    access.require(db, by_user_id, permissions.CASE_EDIT)
    with write(db) as conn:
        case = _open_case(conn, case_id, version)
        _rule(rules.check_plan_approval, case.status)
        _rule(rules.check_day, on, local(utcnow()).date(), local(_call_start(conn, case)).date())
        _bump(conn, case_id, "plan_approved_on = ?", [on.isoformat()])
        _add_event(conn, case_id, by_user_id, "plan_approved", service=on.isoformat(), text=(text or "").strip())
        audit.append(db, by_user_id, "case.plan_approved", "case", case_id)
        return _load_case(conn, case_id)


def start_separation(
    db: sqlite_utils.Database,
    case_id: int,
    text: str,
    *,
    by_user_id: int,
    at: datetime | None = None,
    version: int | None = None,
) -> rules.Case:
    """Record a temporary separation begun at ``at`` (default now), ``text`` saying where the child is and who
    decided it; it is due to end 15 days later (Điều 32)."""
    access.require(db, by_user_id, permissions.CASE_EDIT)
    text = _text(text, "note")
    now = utcnow()
    at = at or now
    with write(db) as conn:
        case = _open_case(conn, case_id, version)
        _rule(rules.check_separation_start, case)
        _rule(rules.check_moment, at, now, _call_start(conn, case))
        _bump(conn, case_id, "separation_started_at = ?, separation_until = ?, separation_ended_at = NULL",
              [to_ms(at), to_ms(separation_due(at))])  # fmt: skip
        _add_event(conn, case_id, by_user_id, "separation_start", at=at, text=text)
        audit.append(db, by_user_id, "case.separation_start", "case", case_id)
        return _load_case(conn, case_id)


def extend_separation(
    db: sqlite_utils.Database,
    case_id: int,
    until: date,
    reason: str,
    *,
    by_user_id: int,
    version: int | None = None,
) -> rules.Case:
    """A competent authority extended the separation to the end of local day ``until``; ``reason`` says who decided."""
    access.require(db, by_user_id, permissions.CASE_EDIT)
    reason = _text(reason, "reason")
    with write(db) as conn:
        case = _open_case(conn, case_id, version)
        _rule(rules.check_separation_running, case)
        end = end_of_local_day(until)
        if end <= case.separation_until:
            raise StoreError(
                "case.separation_end_not_later",
                QT_TRANSLATE_NOOP("StoreError", "The new end must be after the current one"),
            )
        _bump(conn, case_id, "separation_until = ?", [to_ms(end)])
        _add_event(conn, case_id, by_user_id, "separation_extend", service=until.isoformat(), text=reason)
        audit.append(db, by_user_id, "case.separation_extend", "case", case_id)
        return _load_case(conn, case_id)


def end_separation(
    db: sqlite_utils.Database,
    case_id: int,
    text: str = "",
    *,
    by_user_id: int,
    at: datetime | None = None,
    version: int | None = None,
) -> rules.Case:
    """Record the end of the running separation at ``at`` (default now); ``text`` may say where the child went."""
    access.require(db, by_user_id, permissions.CASE_EDIT)
    now = utcnow()
    at = at or now
    with write(db) as conn:
        case = _open_case(conn, case_id, version)
        _rule(rules.check_separation_running, case)
        _rule(rules.check_moment, at, now, case.separation_started_at, "separation")
        _bump(conn, case_id, "separation_ended_at = ?", [to_ms(at)])
        _add_event(conn, case_id, by_user_id, "separation_end", at=at, text=(text or "").strip())
        audit.append(db, by_user_id, "case.separation_end", "case", case_id)
        return _load_case(conn, case_id)
