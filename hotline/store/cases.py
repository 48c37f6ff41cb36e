"""Case files: the follow-up queue, opening (numbered per year), steps, notes, referrals, links, lists and counts.

Every change runs in one BEGIN IMMEDIATE transaction (store.db.write) and is audited, and so is every view of
a case; audit details hold codes and ids only, never a name or a note. Every public function checks the user's
permission first (store.access): the queue QUEUE_VIEW, reads CASE_VIEW, changes CASE_EDIT, giving to another
counselor CASE_ASSIGN_ANY.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Iterable
from datetime import date, datetime

import sqlite_utils

from hotline.core import case_clocks as clocks
from hotline.core import cases as rules
from hotline.core import permissions
from hotline.core.cases import Case, CaseEvent, CaseRuleError, CaseSummary, QueueItem
from hotline.core.models import Call, CallSummary, Child, Handoff
from hotline.core.phones import normalize_phone
from hotline.core.timeutil import from_ms, to_ms, utcnow
from hotline.core.wording import QT_TRANSLATE_NOOP
from hotline.store import access, audit
from hotline.store.call_rules import calendar
from hotline.store.calls import _SUMMARY_SELECT, _caller_history, _load_call, _summary, phone_keys
from hotline.store.db import ConflictError, NotFoundError, StoreError, write
from hotline.store.search import _search_calls

_CASE_SELECT = (
    "SELECT id, number, call_id, child_id, opened_by, opened_at, assigned_to, status, risk, safety_due, plan_due,"
    " closed_at, closure_reason, version, details, emergency_done_at, plan_approved_on, separation_started_at,"
    " separation_until, separation_ended_at, report_number FROM cases"
)
_CHILD_SELECT = (
    "SELECT id, name, sex, age, age_band, province_code, ward_code, address, special_circumstances, carer, call_id,"
    " status, destination FROM call_children"
)
_EVENT_SELECT = (
    "SELECT id, case_id, at, user_id, kind, step, text, refers_to, service, call_id, assigned_to FROM case_events"
)
_OPEN = "k.status != 'closed'"
_CHUNK = 500  # ids per IN (…) list


# The due of each of a case's clocks while it runs, NULL once met or when it does not run: the rule of
# core.case_clocks.case_clocks for a case not closed, in SQL so that lists, filters and counts agree with it
# (tests/store/test_case_clocks_store.py holds them equal). The hand-off is its call's: due until one to the commune.
_NOT_HANDED_OFF = "NOT EXISTS (SELECT 1 FROM handoffs h WHERE h.call_id = {call} AND h.kind = 'commune')"
_CASE_OPEN_DUES = (
    "(SELECT hc.handoff_due FROM calls hc WHERE hc.id = k.call_id AND " + _NOT_HANDED_OFF.format(call="hc.id") + ")",
    "(CASE WHEN k.emergency_done_at IS NULL THEN k.safety_due END)",
    f"(CASE WHEN k.status IN ({', '.join(repr(s) for s in clocks.BEFORE_PLAN)}) THEN k.plan_due END)",
    "(CASE WHEN k.separation_ended_at IS NULL THEN k.separation_until END)",
)
_CASE_CLOCK_KINDS = (clocks.HANDOFF, clocks.EMERGENCY, clocks.PLAN, clocks.SEPARATION)
_FAR = 1 << 62  # stands for "no due" inside min(): SQLite's min() of a NULL is NULL


def _nearest_sql(dues) -> str:
    """The earliest of the dues that are set, NULL when none is."""
    return f"nullif(min({', '.join(f'coalesce({d}, {_FAR})' for d in dues)}), {_FAR})"


_NEAREST = _nearest_sql(f"d{n}" for n in range(len(_CASE_OPEN_DUES)))
# The open dues are computed once per case in the inner select; the outer one filters and orders by the nearest.
_SUMMARY_SQL = (
    "SELECT id, number, child_name, call_id, opened_at, assigned_to, status, risk, d0, d1, d2, d3, closed_at FROM"
    " (SELECT k.id, k.number, coalesce(ch.name, '') AS child_name, k.call_id, k.opened_at, k.assigned_to, k.status,"
    " k.risk, k.closed_at, "
    + ", ".join(f"{due} AS d{n}" for n, due in enumerate(_CASE_OPEN_DUES))
    + " FROM cases k LEFT JOIN call_children ch ON ch.id = k.child_id WHERE {where})"
)
_LIST_WHERE = {
    "mine": f"{_OPEN} AND k.assigned_to = :user",
    "overdue": _OPEN,
    "open": _OPEN,
}
#: What each list keeps of its cases, by their nearest open clock.
_LIST_FILTER = {"mine": "1", "overdue": f"{_NEAREST} < :now", "open": "1"}
# A flagged call waits while it has fewer case files (opened from it, or it linked to one) than children: the
# table followup_waiting holds those calls, kept by triggers (migration 0008). CROSS JOIN: read the few waiting
# calls first; without statistics of the new table SQLite chose to scan every call (150 ms at a million).
# handoff_open: the hand-off's due while no hand-off to the commune is recorded (core.case_clocks.call_clocks).
_QUEUE_FROM = f"""
    FROM (SELECT c.*,
                 (SELECT count(*) FROM cases k WHERE k.call_id = c.id)
                 + (SELECT count(*) FROM case_calls cc WHERE cc.call_id = c.id) AS opened,
                 CASE WHEN {_NOT_HANDED_OFF.format(call="c.id")} THEN c.handoff_due END AS handoff_open
          FROM followup_waiting w CROSS JOIN calls c ON c.id = w.call_id) q
"""
#: The queue's order: the nearest open clock (hand-off, 12 hours, plan) first, none last; urgent before not at the
#: same due, then the oldest call.
_QUEUE_NEAREST = _nearest_sql(("q.handoff_open", "q.safety_due", "q.plan_due"))
_QUEUE_SQL = (
    "SELECT q.id, q.started_at, q.line, q.urgent, q.risk, q.safety_due, q.plan_due, q.flag_reasons, q.summary,"
    " q.followup_by, q.opened, q.handoff_due, q.victim_referral, q.incident_ward_code"
    + _QUEUE_FROM
    + f" ORDER BY {_QUEUE_NEAREST} IS NULL, {_QUEUE_NEAREST}, q.urgent DESC, q.started_at, q.id"
)


def _rule(check, *args) -> None:
    """Run a core check; its refusal reaches the caller as a StoreError with the same code and message."""
    try:
        check(*args)
    except CaseRuleError as exc:
        raise StoreError.from_error(exc) from None


def _text(text: str, what: str) -> str:
    try:
        return rules.check_text(text, what)
    except CaseRuleError as exc:
        raise StoreError.from_error(exc) from None


def _child(row) -> Child:
    return Child(
        id=row[0], name=row[1], sex=row[2], age=row[3], age_band=row[4], province_code=row[5], ward_code=row[6],
        address=row[7], special_circumstances=json.loads(row[8]) if row[8] != "[]" else [], carer=row[9],
        status=row[11], destination=row[12],
    )  # fmt: skip


def _load_case(conn, case_id: int) -> Case:
    row = conn.execute(_CASE_SELECT + " WHERE id = ?", [case_id]).fetchone()
    if row is None:
        raise NotFoundError(
            "case.not_found", QT_TRANSLATE_NOOP("StoreError", "Case {case_id} not found"), case_id=case_id
        )
    child = None
    if row[3] is not None:
        child_row = conn.execute(_CHILD_SELECT + " WHERE id = ?", [row[3]]).fetchone()
        child = _child(child_row) if child_row else None
    return Case(
        id=row[0], number=row[1], call_id=row[2], child_id=row[3], child=child, opened_by=row[4],
        opened_at=from_ms(row[5]), assigned_to=row[6], status=row[7], risk=row[8], safety_due=from_ms(row[9]),
        plan_due=from_ms(row[10]), closed_at=from_ms(row[11]), closure_reason=row[12], version=row[13],
        details=json.loads(row[14] or "{}"), emergency_done_at=from_ms(row[15]),
        plan_approved_on=date.fromisoformat(row[16]) if row[16] else None, separation_started_at=from_ms(row[17]),
        separation_until=from_ms(row[18]), separation_ended_at=from_ms(row[19]), report_number=row[20],
    )  # fmt: skip


def _event_of(row) -> CaseEvent:
    return CaseEvent(row[0], row[1], from_ms(row[2]), row[3], row[4], row[5], row[6], row[7], row[8], row[9], row[10])


def _load_event(conn, event_id: int) -> CaseEvent:
    row = conn.execute(_EVENT_SELECT + " WHERE id = ?", [event_id]).fetchone()
    if row is None:
        raise NotFoundError(
            "case.entry_not_found",
            QT_TRANSLATE_NOOP("StoreError", "Case entry {event_id} not found"),
            event_id=event_id,
        )
    return _event_of(row)


def _add_event(conn, case_id: int, user_id: int, kind: str, *, at: datetime | None = None, **columns) -> int:
    values = {"step": None, "text": "", "refers_to": None, "service": None, "call_id": None, "assigned_to": None}
    values.update(columns)
    cur = conn.execute(
        "INSERT INTO case_events(case_id, at, user_id, kind, step, text, refers_to, service, call_id, assigned_to)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [case_id, to_ms(at or utcnow()), user_id, kind, *values.values()],
    )
    return cur.lastrowid


def _check_version(case: Case, version: int | None) -> None:
    if version is not None and version != case.version:
        raise ConflictError(
            "case.changed_meanwhile",
            QT_TRANSLATE_NOOP("StoreError", "Someone else changed this case meanwhile; nothing was overwritten"),
            current_version=case.version,
        )


def _check_counselor(conn, user_id: int) -> None:
    row = conn.execute("SELECT roles, active FROM users WHERE id = ?", [user_id]).fetchone()
    if row is None or not row[1] or "counselor" not in row[0].split(","):
        raise StoreError(
            "case.not_a_counselor",
            QT_TRANSLATE_NOOP("StoreError", "User {user_id} is not an active counselor"),
            user_id=user_id,
        )


def _bump(conn, case_id: int, sets: str, params: list) -> None:
    conn.execute(f"UPDATE cases SET {sets}, version = version + 1 WHERE id = ?", [*params, case_id])


# --- the follow-up queue ---------------------------------------------------------------------------------


def followup_queue(db: sqlite_utils.Database, *, viewer_id: int, now: datetime | None = None) -> list[QueueItem]:
    """Flagged calls with fewer case files than children (a call without children needs one), most urgent
    first: the nearest open clock (a hand-off to the commune not recorded, the 12-hour clock, the plan), urgent
    before not at the same due, then the oldest call. Each item carries its call's hand-offs.

    ``now`` is accepted for symmetry with the lists: which calls wait does not depend on the time.
    """
    access.require(db, viewer_id, permissions.QUEUE_VIEW)
    rows = db.conn.execute(_QUEUE_SQL).fetchall()
    ids = [r[0] for r in rows]
    children: dict[int, list[Child]] = {}
    with_file: dict[int, list[int | None]] = {}
    handoffs: dict[int, list[Handoff]] = {}
    for chunk in _chunks(ids):
        marks = ",".join("?" * len(chunk))
        for r in db.conn.execute(_CHILD_SELECT + f" WHERE call_id IN ({marks}) ORDER BY position, id", chunk):
            children.setdefault(r[10], []).append(_child(r))
        for call_id, child_id in db.conn.execute(
            f"SELECT call_id, child_id FROM cases WHERE call_id IN ({marks}) AND status != 'closed' ORDER BY id", chunk
        ):
            with_file.setdefault(call_id, []).append(child_id)
        for r in db.conn.execute(
            "SELECT call_id, kind, to_whom, means, at, user_id, id FROM handoffs"
            f" WHERE call_id IN ({marks}) ORDER BY at, id",
            chunk,
        ):
            handoffs.setdefault(r[0], []).append(Handoff(r[1], r[2], r[3], from_ms(r[4]), r[5], r[6]))
    return [_queue_item(r, children.get(r[0], ()), with_file.get(r[0], ()), handoffs.get(r[0], ())) for r in rows]


def _queue_item(row, children: Iterable[Child], with_file: Iterable[int | None], handoffs) -> QueueItem:
    return QueueItem(
        call_id=row[0], started_at=from_ms(row[1]), line=row[2], urgent=bool(row[3]), risk=row[4],
        safety_due=from_ms(row[5]), plan_due=from_ms(row[6]), reasons=_reasons(row[7]), summary=row[8],
        children=tuple(children), followup_by=row[9], cases_opened=row[10], children_with_file=tuple(with_file),
        handoff_due=from_ms(row[11]), victim_referral=bool(row[12]), incident_ward_code=row[13],
        handoffs=tuple(handoffs),
    )  # fmt: skip


@functools.lru_cache(maxsize=256)
def _reasons(text: str) -> tuple[str, ...]:
    """A flag's reasons (JSON); a few combinations recur across thousands of waiting calls."""
    return tuple(json.loads(text))


def _chunks(ids: list[int]) -> Iterable[list[int]]:
    for start in range(0, len(ids), _CHUNK):
        yield ids[start : start + _CHUNK]


def assign_call(db: sqlite_utils.Database, call_id: int, counselor_id: int | None, *, by_user_id: int) -> None:
    """Set who follows a flagged call up (None: nobody yet). The call's version is left alone: this is not an
    edit of what the operator logged, and must not make a shift lead's open edit conflict.

    Giving a call to anyone needs CASE_ASSIGN_ANY; a counselor (CASE_EDIT) may take a call for themselves and
    give back one they follow up.
    """
    row = db.conn.execute("SELECT followup_by FROM calls WHERE id = ?", [call_id]).fetchone()
    if row is None:
        raise NotFoundError(
            "call.not_found", QT_TRANSLATE_NOOP("StoreError", "Call {call_id} not found"), call_id=call_id
        )
    giving_back = counselor_id is None and row[0] == by_user_id
    if counselor_id == by_user_id or giving_back:
        action = access.require_any(db, by_user_id, permissions.CASE_ASSIGN_ANY, permissions.CASE_EDIT)
    else:
        access.require(db, by_user_id, permissions.CASE_ASSIGN_ANY)
        action = permissions.CASE_ASSIGN_ANY
    with write(db) as conn:
        now_by = conn.execute("SELECT followup_by FROM calls WHERE id = ?", [call_id]).fetchone()[0]
        if giving_back and action == permissions.CASE_EDIT and now_by != by_user_id:
            raise ConflictError(
                "case.call_given_meanwhile",
                QT_TRANSLATE_NOOP("StoreError", "The call was just given to someone else; nothing was changed"),
            )
        if counselor_id is not None:
            _check_counselor(conn, counselor_id)
        conn.execute("UPDATE calls SET followup_by = ? WHERE id = ?", [counselor_id, call_id])
        audit.append(db, by_user_id, "call.assign", "call", call_id, f"to={counselor_id or ''}")


# --- opening and reading ---------------------------------------------------------------------------------


def open_cases(
    db: sqlite_utils.Database,
    call_id: int,
    child_ids: list[int | None],
    *,
    by_user_id: int,
    assigned_to: int | None = None,
    now: datetime | None = None,
    prefix: str = "AG",
) -> list[Case]:
    """Open one case file per child of a flagged call, numbered PREFIX-YYYY-NNNNN.

    The number continues the year's counter in `case_numbers` inside the same BEGIN IMMEDIATE transaction as
    the case itself, so two copies of Hotline never share or skip a number (a failed opening rolls the counter
    back with it). ``None`` stands for the one file of a call without children. Without ``assigned_to`` the
    files go to the counselor who took the call up, if any.
    """
    access.require(db, by_user_id, permissions.CASE_EDIT)
    now = now or utcnow()
    year = rules.case_year(now)
    if not child_ids:
        raise StoreError(
            "case.no_child_chosen", QT_TRANSLATE_NOOP("StoreError", "Choose at least one child to open a case file for")
        )
    if len(set(child_ids)) != len(child_ids):
        raise StoreError(
            "case.child_chosen_twice",
            QT_TRANSLATE_NOOP("StoreError", "A child was chosen twice: each child gets one case file"),
        )
    with write(db) as conn:
        call = conn.execute(
            "SELECT flagged, risk, safety_due, plan_due, followup_by FROM calls WHERE id = ?", [call_id]
        ).fetchone()
        if call is None:
            raise NotFoundError(
                "call.not_found", QT_TRANSLATE_NOOP("StoreError", "Call {call_id} not found"), call_id=call_id
            )
        if not call[0]:
            raise StoreError(
                "case.call_not_flagged", QT_TRANSLATE_NOOP("StoreError", "This call is not flagged for a case file")
            )
        kids = {r[0] for r in conn.execute("SELECT id FROM call_children WHERE call_id = ?", [call_id])}
        for child_id in child_ids:
            if (child_id is None and kids) or (child_id is not None and child_id not in kids):
                raise StoreError(
                    "case.child_not_of_call",
                    QT_TRANSLATE_NOOP("StoreError", "The child chosen is not one of this call's children"),
                )
            existing = conn.execute(
                f"SELECT number FROM cases k WHERE k.call_id = ? AND k.child_id IS ? AND {_OPEN}", [call_id, child_id]
            ).fetchone()
            if existing:
                raise StoreError(
                    "case.child_has_open_case",
                    QT_TRANSLATE_NOOP(
                        "StoreError", "This child already has an open case file from this call ({number})"
                    ),
                    number=existing[0],
                )
        assignee = assigned_to if assigned_to is not None else call[4]
        if assignee is not None:
            _check_counselor(conn, assignee)
        opened = []
        for child_id in child_ids:
            sequence = conn.execute(
                "INSERT INTO case_numbers(year, last) VALUES (?, 1)"
                " ON CONFLICT(year) DO UPDATE SET last = last + 1 RETURNING last",
                [year],
            ).fetchone()[0]
            number = rules.format_case_number(prefix, year, sequence)
            cur = conn.execute(
                "INSERT INTO cases(number, call_id, child_id, opened_by, opened_at, assigned_to, status, risk,"
                " safety_due, plan_due, version, details) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, '{}')",
                [number, call_id, child_id, by_user_id, to_ms(now), assignee, rules.STEPS[0], *call[1:4]],
            )
            _add_event(conn, cur.lastrowid, by_user_id, "step", at=now, step=rules.STEPS[0])
            audit.append(db, by_user_id, "case.open", "case", cur.lastrowid, f"{number} call={call_id}")
            opened.append(cur.lastrowid)
        return [_load_case(conn, case_id) for case_id in opened]


def get_case(db: sqlite_utils.Database, case_id: int, *, viewer_id: int, audit_view: bool = True) -> Case:
    """One case with its child (CASE_VIEW); the view is audited (a window re-reading what it shows passes
    ``audit_view=False``). NotFoundError when there is none."""
    access.require(db, viewer_id, permissions.CASE_VIEW)
    case = _load_case(db.conn, case_id)
    if audit_view:
        audit.append(db, viewer_id, "case.view", "case", case_id)
    return case


def case_events(db: sqlite_utils.Database, case_id: int, *, viewer_id: int) -> list[CaseEvent]:
    """The case's history, oldest first (CASE_VIEW)."""
    access.require(db, viewer_id, permissions.CASE_VIEW)
    return [_event_of(r) for r in db.conn.execute(_EVENT_SELECT + " WHERE case_id = ? ORDER BY at, id", [case_id])]


# --- changes ---------------------------------------------------------------------------------------------


def complete_step(
    db: sqlite_utils.Database,
    case_id: int,
    step: str,
    *,
    by_user_id: int,
    note: str = "",
    version: int | None = None,
    new_cycle: bool = False,
) -> Case:
    """Mark ``step`` done (the next one; steps never go back). ConflictError on a stale version.

    ``new_cycle`` at the review (Điều 30: the child is still at risk, ``note`` says why): the review is recorded,
    then a 'cycle' event sends the case back before the plan, with a new plan due 5 working days after today
    (the centre's holidays and swapped Saturdays) and no approval yet. Nothing recorded is changed.
    """
    access.require(db, by_user_id, permissions.CASE_EDIT)
    days = calendar(db) if new_cycle else None
    if new_cycle:
        note = _text(note, "reason")
    with write(db) as conn:
        case = _load_case(conn, case_id)
        _check_version(case, version)
        _rule(rules.check_step_forward, case.status, step)
        if new_cycle:
            _rule(rules.check_new_cycle, case.status, step)
        now = utcnow()
        _add_event(conn, case_id, by_user_id, "step", at=now, step=step, text=(note or "").strip())
        if new_cycle:
            due = clocks.new_cycle_plan_due(now, days.holidays, days.working_saturdays)
            _bump(conn, case_id, "status = ?, plan_due = ?, plan_approved_on = NULL",
                  [rules.CYCLE_BACK_TO, to_ms(due)])  # fmt: skip
            _add_event(conn, case_id, by_user_id, "cycle", at=now, step=rules.CYCLE_BACK_TO, text=note)
            audit.append(db, by_user_id, "case.step", "case", case_id, step)
            audit.append(db, by_user_id, "case.cycle", "case", case_id, rules.CYCLE_BACK_TO)
        else:
            _bump(conn, case_id, "status = ?", [step])
            audit.append(db, by_user_id, "case.step", "case", case_id, step)
        return _load_case(conn, case_id)


def add_note(
    db: sqlite_utils.Database, case_id: int, text: str, *, by_user_id: int, corrects: int | None = None
) -> CaseEvent:
    """Append a timestamped note; a correction is a new 'correction' event pointing at the entry it corrects."""
    access.require(db, by_user_id, permissions.CASE_EDIT)
    text = _text(text, "note")
    with write(db) as conn:
        _load_case(conn, case_id)
        if corrects is not None and _load_event(conn, corrects).case_id != case_id:
            raise StoreError(
                "case.entry_of_another_case",
                QT_TRANSLATE_NOOP("StoreError", "The entry corrected belongs to another case"),
            )
        kind = "note" if corrects is None else "correction"
        event_id = _add_event(conn, case_id, by_user_id, kind, text=text, refers_to=corrects)
        audit.append(db, by_user_id, f"case.{kind}", "case", case_id, f"event={event_id}")
        return _load_event(conn, event_id)


def add_referral(db: sqlite_utils.Database, case_id: int, service: str, text: str, *, by_user_id: int) -> CaseEvent:
    """Record a referral to a service (core.cases.REFERRAL_SERVICES), with what was asked of it."""
    access.require(db, by_user_id, permissions.CASE_EDIT)
    _rule(rules.check_service, service)
    with write(db) as conn:
        _load_case(conn, case_id)
        event_id = _add_event(conn, case_id, by_user_id, "referral", text=(text or "").strip(), service=service)
        audit.append(db, by_user_id, "case.referral", "case", case_id, service)
        return _load_event(conn, event_id)


def add_referral_outcome(db: sqlite_utils.Database, referral_event_id: int, text: str, *, by_user_id: int) -> CaseEvent:
    """Record what came of a referral (a referral may get several outcomes over time)."""
    access.require(db, by_user_id, permissions.CASE_EDIT)
    text = _text(text, "outcome")
    with write(db) as conn:
        referral = _load_event(conn, referral_event_id)
        if referral.kind != "referral":
            raise StoreError("case.not_a_referral", QT_TRANSLATE_NOOP("StoreError", "This entry is not a referral"))
        event_id = _add_event(
            conn, referral.case_id, by_user_id, "referral_outcome", text=text, refers_to=referral.id,
            service=referral.service,
        )  # fmt: skip
        audit.append(db, by_user_id, "case.referral_outcome", "case", referral.case_id, referral.service or "")
        return _load_event(conn, event_id)


def link_call(db: sqlite_utils.Database, case_id: int, call_id: int, *, by_user_id: int) -> None:
    """Link a further call to the case; linking the same call again does nothing.

    CASE_EDIT; or CALL_LOG for one's own call: the live-call screen links the call just saved to the open case of
    its number (open_cases_for_phone).
    """
    operator = db.conn.execute("SELECT operator_id FROM calls WHERE id = ?", [call_id]).fetchone()
    if operator is None:
        raise NotFoundError(
            "call.not_found", QT_TRANSLATE_NOOP("StoreError", "Call {call_id} not found"), call_id=call_id
        )
    own = (permissions.CALL_LOG,) if operator[0] == by_user_id else ()
    access.require_any(db, by_user_id, permissions.CASE_EDIT, *own)
    with write(db) as conn:
        case = _load_case(conn, case_id)
        if call_id == case.call_id:
            raise StoreError(
                "case.link_own_call", QT_TRANSLATE_NOOP("StoreError", "The case was opened from this very call")
            )
        if conn.execute("SELECT 1 FROM case_calls WHERE case_id = ? AND call_id = ?", [case_id, call_id]).fetchone():
            return
        conn.execute(
            "INSERT INTO case_calls(case_id, call_id, linked_by, linked_at) VALUES (?, ?, ?, ?)",
            [case_id, call_id, by_user_id, to_ms(utcnow())],
        )
        _add_event(conn, case_id, by_user_id, "link", call_id=call_id)
        audit.append(db, by_user_id, "case.link", "case", case_id, f"call={call_id}")


def linked_calls(db: sqlite_utils.Database, case_id: int, *, viewer_id: int) -> list[CallSummary]:
    """The calls linked to the case (not the one it was opened from), newest first (CASE_VIEW)."""
    access.require(db, viewer_id, permissions.CASE_VIEW)
    rows = db.conn.execute(
        _SUMMARY_SELECT + " JOIN case_calls cc ON cc.call_id = c.id WHERE cc.case_id = ?"
        " ORDER BY c.started_at DESC, c.id DESC",
        [case_id],
    )
    return [_summary(r) for r in rows]


def intake_call(db: sqlite_utils.Database, case_id: int, *, viewer_id: int) -> Call:
    """The call the case was opened from, in full: what the caller reported is the first thing a case file shows
    (CASE_VIEW, which also lets its holder open the calls behind a case). NotFoundError when there is none."""
    access.require(db, viewer_id, permissions.CASE_VIEW)
    return _load_call(db, _load_case(db.conn, case_id).call_id)


def calls_to_link(
    db: sqlite_utils.Database, case_id: int, *, viewer_id: int, text: str = "", limit: int = 20
) -> list[CallSummary]:
    """Calls that may belong to the case, newest first: the other calls from its call's number (also under the
    old 11-digit form) and, when ``text`` is given, the calls it finds. The case's own and linked calls are left out.
    It serves linking, so it needs CASE_EDIT (the counselor searches every call here, for this purpose only).
    """
    access.require(db, viewer_id, permissions.CASE_EDIT)
    case = _load_case(db.conn, case_id)
    linked = {r[0] for r in db.conn.execute("SELECT call_id FROM case_calls WHERE case_id = ?", [case_id])}
    skip = linked | {case.call_id}
    phone = db.conn.execute("SELECT phone_raw FROM calls WHERE id = ?", [case.call_id]).fetchone()[0]
    history = _caller_history(db, phone, limit=limit + len(skip), exclude_call_id=case.call_id)
    found: dict[int, CallSummary] = {}
    by_phone = [item.call_id for item in history.items if item.call_id not in skip]
    for chunk in _chunks(by_phone):
        rows = db.conn.execute(_SUMMARY_SELECT + f" WHERE c.id IN ({','.join('?' * len(chunk))})", chunk)
        found.update((s.id, s) for s in map(_summary, rows))
    if text.strip():
        found.update((s.id, s) for s in _search_calls(db, text, limit=limit + len(skip)) if s.id not in skip)
    return sorted(found.values(), key=lambda s: (s.started_at, s.id), reverse=True)[:limit]


def close_case(
    db: sqlite_utils.Database, case_id: int, reason: str, *, by_user_id: int, version: int | None = None
) -> Case:
    """Close the case with a reason (required); the 'close' event keeps the step it had reached."""
    access.require(db, by_user_id, permissions.CASE_EDIT)
    reason = _text(reason, "reason")
    with write(db) as conn:
        case = _load_case(conn, case_id)
        _check_version(case, version)
        if case.status == rules.CLOSED:
            raise StoreError("case.already_closed", QT_TRANSLATE_NOOP("StoreError", "The case is already closed"))
        now = utcnow()
        _bump(conn, case_id, "status = ?, closed_at = ?, closure_reason = ?", [rules.CLOSED, to_ms(now), reason])
        _add_event(conn, case_id, by_user_id, "close", at=now, step=case.status, text=reason)
        audit.append(db, by_user_id, "case.close", "case", case_id, case.status)
        return _load_case(conn, case_id)


def reopen_case(db: sqlite_utils.Database, case_id: int, reason: str, *, by_user_id: int) -> Case:
    """Reopen a closed case at the step it had reached before closing; the reason is required."""
    access.require(db, by_user_id, permissions.CASE_EDIT)
    reason = _text(reason, "reason")
    with write(db) as conn:
        case = _load_case(conn, case_id)
        if case.status != rules.CLOSED:
            raise StoreError(
                "case.not_closed", QT_TRANSLATE_NOOP("StoreError", "The case is open: there is nothing to reopen")
            )
        events = [_event_of(r) for r in conn.execute(_EVENT_SELECT + " WHERE case_id = ? ORDER BY at, id", [case_id])]
        status = rules.status_before_close(events)
        _bump(conn, case_id, "status = ?, closed_at = NULL, closure_reason = ''", [status])
        _add_event(conn, case_id, by_user_id, "reopen", step=status, text=reason)
        audit.append(db, by_user_id, "case.reopen", "case", case_id, status)
        return _load_case(conn, case_id)


def update_details(db: sqlite_utils.Database, case_id: int, details: dict, *, by_user_id: int, version: int) -> Case:
    """Replace the case's Mẫu 01 details; ConflictError when ``version`` is not the current one."""
    access.require(db, by_user_id, permissions.CASE_EDIT)
    if not isinstance(details, dict) or not all(isinstance(key, str) for key in details):
        raise StoreError(
            "case.details_not_a_map", QT_TRANSLATE_NOOP("StoreError", "The case details must map names to values")
        )
    try:
        stored = json.dumps(details, ensure_ascii=False, sort_keys=True)
    except (TypeError, ValueError):
        raise StoreError(
            "case.details_not_plain", QT_TRANSLATE_NOOP("StoreError", "The case details must be plain text and numbers")
        ) from None
    with write(db) as conn:
        case = _load_case(conn, case_id)
        _check_version(case, version)
        changed = sorted(k for k in case.details.keys() | details.keys() if case.details.get(k) != details.get(k))
        if not changed:
            return case
        _bump(conn, case_id, "details = ?", [stored])
        audit.append(db, by_user_id, "case.details", "case", case_id, ",".join(changed))
        return _load_case(conn, case_id)


def assign_case(db: sqlite_utils.Database, case_id: int, counselor_id: int, *, by_user_id: int) -> Case:
    """Give the case to a counselor (an active user with the counselor role): CASE_ASSIGN_ANY."""
    access.require(db, by_user_id, permissions.CASE_ASSIGN_ANY)
    with write(db) as conn:
        case = _load_case(conn, case_id)
        _check_counselor(conn, counselor_id)
        if case.assigned_to == counselor_id:
            return case
        _bump(conn, case_id, "assigned_to = ?", [counselor_id])
        _add_event(conn, case_id, by_user_id, "assign", assigned_to=counselor_id)
        audit.append(db, by_user_id, "case.assign", "case", case_id, f"to={counselor_id}")
        return _load_case(conn, case_id)


# --- lists and counts ------------------------------------------------------------------------------------


def _case_summary(row) -> CaseSummary:
    status = row[6]
    # core.case_clocks.nearest over the open dues (the earliest; at a tie, the first in CLOCKS), without building
    # a Clock per due: the list of all open cases reads thousands of rows
    kind, due = None, None
    if status != rules.CLOSED:
        for each, ms in zip(_CASE_CLOCK_KINDS, row[8:12], strict=True):
            if ms is not None and (due is None or ms < due):
                kind, due = each, ms
    return CaseSummary(
        id=row[0], number=row[1], child_name=row[2], call_id=row[3], opened_at=from_ms(row[4]), assigned_to=row[5],
        status=status, risk=row[7], next_step=rules.next_step(status), next_due=from_ms(due),
        closed_at=from_ms(row[12]), next_clock=kind,
    )  # fmt: skip


def _list_where(which: str) -> str:
    try:
        return _LIST_WHERE[which]
    except KeyError:
        raise ValueError(f"unknown case list: {which!r} (mine, overdue, open)") from None


def list_cases(
    db: sqlite_utils.Database, which: str, *, user_id: int, now: datetime | None = None
) -> list[CaseSummary]:
    """'mine' (open, assigned to ``user_id``), 'overdue' (open, its nearest open clock past due) or 'open' (not
    closed), by the nearest open clock (core.case_clocks: hand-off, 12 hours, plan, separation; the most overdue
    first, none last), then number. ``user_id`` is the one reading (CASE_VIEW)."""
    access.require(db, user_id, permissions.CASE_VIEW)
    params = {"user": user_id, "now": to_ms(now or utcnow())}
    sql = _SUMMARY_SQL.format(where=_list_where(which))
    rows = db.conn.execute(
        sql + f" WHERE {_LIST_FILTER[which]} ORDER BY {_NEAREST} IS NULL, {_NEAREST}, number", params
    )
    return [_case_summary(r) for r in rows]


def case_counts(db: sqlite_utils.Database, *, user_id: int, now: datetime | None = None) -> dict[str, int]:
    """The counts beside the navigation: queue, mine, overdue, open (COUNT queries, no lists built; CASE_VIEW)."""
    access.require(db, user_id, permissions.CASE_VIEW)
    params = {"user": user_id, "now": to_ms(now or utcnow())}
    counts = {"queue": db.conn.execute("SELECT count(*) FROM followup_waiting").fetchone()[0]}
    for which in ("mine", "open"):
        sql = f"SELECT count(*) FROM cases k WHERE {_list_where(which)}"
        counts[which] = db.conn.execute(sql, params).fetchone()[0]
    overdue = (
        "SELECT count(*) FROM (SELECT "
        + ", ".join(f"{due} AS d{n}" for n, due in enumerate(_CASE_OPEN_DUES))
        + f" FROM cases k WHERE {_OPEN}) WHERE {_NEAREST} < :now"
    )
    counts["overdue"] = db.conn.execute(overdue, params).fetchone()[0]
    return {key: counts[key] for key in ("queue", "mine", "overdue", "open")}


def cases_of_call(db: sqlite_utils.Database, call_id: int, *, viewer_id: int) -> list[CaseSummary]:
    """The case files opened from a call, by number (CASE_VIEW)."""
    access.require(db, viewer_id, permissions.CASE_VIEW)
    rows = db.conn.execute(_SUMMARY_SQL.format(where="k.call_id = ?") + " ORDER BY number", [call_id])
    return [_case_summary(r) for r in rows]


def case_numbers_of_call(db: sqlite_utils.Database, call_id: int, *, viewer_id: int) -> tuple[list[str], list[str]]:
    """The numbers of the case files opened from a call, and of those it was linked to later, each by number: the
    call window says the file exists instead of asking for one. Numbers only, as the caller history shows them
    (CASE_VIEW or CALLER_HISTORY)."""
    access.require_any(db, viewer_id, permissions.CASE_VIEW, permissions.CALLER_HISTORY)
    opened = [r[0] for r in db.conn.execute("SELECT number FROM cases WHERE call_id = ? ORDER BY number", [call_id])]
    linked = [r[0] for r in db.conn.execute(
        "SELECT k.number FROM case_calls l JOIN cases k ON k.id = l.case_id WHERE l.call_id = ? AND k.call_id != ?"
        " ORDER BY k.number", [call_id, call_id],
    )]  # fmt: skip
    return opened, linked


def open_cases_for_phone(db: sqlite_utils.Database, phone: str, *, viewer_id: int) -> list[CaseSummary]:
    """Open case files whose call, or a call linked to them, came from this number (also its old 11-digit form):
    the live-call screen offers to link a new call from that number to one of them (CALL_LOG).

    A number that cannot be looked up (withheld, empty) answers [] without reading anything, not even the user.
    """
    keys = phone_keys(normalize_phone(phone))
    if not keys:
        return []
    access.require(db, viewer_id, permissions.CALL_LOG)
    marks = ",".join("?" * len(keys))
    where = (
        f"{_OPEN} AND k.id IN ("
        f"SELECT k2.id FROM cases k2 JOIN calls c ON c.id = k2.call_id WHERE c.phone_e164 IN ({marks})"
        f" UNION SELECT cc.case_id FROM case_calls cc JOIN calls c ON c.id = cc.call_id WHERE c.phone_e164 IN ({marks})"
        ")"
    )
    rows = db.conn.execute(_SUMMARY_SQL.format(where=where) + " ORDER BY number", [*keys, *keys])
    return [_case_summary(r) for r in rows]


# --- forms -----------------------------------------------------------------------------------------------


def form01_sources(db: sqlite_utils.Database, case_id: int, *, viewer_id: int) -> tuple[Case, Call, str]:
    """What Mẫu số 01 is filled from: the case, its call and the name of the operator who took the call.

    The form holds personal data: EXPORT_PERSONAL, or EXPORT_OWN_CASES for a case assigned to the viewer
    (permissions.case_export_actions, the rule the case window asks too).
    """
    case = _load_case(db.conn, case_id)
    access.require_any(db, viewer_id, *permissions.case_export_actions(viewer_id, case.assigned_to))
    call = _load_call(db, case.call_id)
    row = db.conn.execute("SELECT display_name FROM users WHERE id = ?", [call.operator_id]).fetchone()
    return case, call, row[0] if row else ""
