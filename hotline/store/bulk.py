"""Fast loading of many calls at once (demo and benchmark databases); ordinary saves use store.calls."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime

import sqlite_utils

from hotline.core.cases import CYCLE_BACK_TO, case_year, format_case_number
from hotline.core.models import Call, Handoff
from hotline.core.timeutil import to_ms
from hotline.store import migrations
from hotline.store.calls import _CALL_COLUMNS
from hotline.store.db import write

CHUNK = 20_000
#: The follow-up queue's triggers that inserting calls and children would fire (migration 0008).
_INSERT_TRIGGERS = tuple(
    t for t in migrations.QUEUE_TRIGGERS if t[0] in ("calls_waiting_insert", "children_waiting_insert")
)


@dataclass(frozen=True)
class CaseSpec:
    """A case file to open in bulk for one child of a call."""

    call_id: int
    child_id: int | None
    opened_by: int
    opened_at: datetime
    assigned_to: int | None
    status: str
    risk: str
    safety_due: datetime | None
    plan_due: datetime | None
    closed_at: datetime | None = None
    closure_reason: str = ""
    #: The steps completed after 'received', with when; empty: the current step, completed at the opening.
    steps: tuple[tuple[str, datetime], ...] = ()
    #: The clocks met (docs/law.md "Clocks"): the 12-hour outcome, the plan's approval, a temporary separation.
    emergency_done_at: datetime | None = None
    plan_approved_on: date | None = None
    separation_started_at: datetime | None = None
    separation_until: datetime | None = None
    separation_ended_at: datetime | None = None
    #: Further events, (kind, at, text, code): 'emergency' (code: its outcome), 'plan_approved' (code: the ISO
    #: date), 'separation_start', 'separation_extend' (code: the new last day), 'separation_end', 'cycle' (a review
    #: that sent the case back before the plan). They must agree with the fields above, as the store would leave them.
    events: tuple[tuple[str, datetime, str, str | None], ...] = ()


@dataclass(frozen=True)
class HandoffSpec:
    """A hand-off of a call loaded in bulk: to the commune of the incident, or an adult victim's referral."""

    call_id: int
    handoff: Handoff


def _ms(moment: datetime | None) -> int | None:
    return None if moment is None else to_ms(moment)


def _call_row(call_id: int, call: Call, search_text: str, stamp: int) -> tuple:
    # written out by hand (not through calls._column_value) because this runs a million times
    return (
        call_id,
        call.uuid,
        call.line,
        call.channel,
        to_ms(call.started_at),
        _ms(call.ended_at),
        call.duration_s,
        call.operator_id,
        call.outcome,
        call.phone_raw,
        call.phone_e164,
        call.phone_kind,
        call.caller_relation,
        call.caller_name,
        call.caller_sex,
        call.caller_age_band,
        int(call.callback_consent),
        call.risk,
        call.service_level,
        call.summary,
        call.action_taken,
        call.help_before,
        call.incident_province_code,
        call.incident_ward_code,
        call.incident_place,
        call.incident_setting,
        json.dumps(call.referrals) if call.referrals else "[]",
        call.case_need,
        int(call.urgent),
        int(call.flagged),
        call.flag_source,
        json.dumps(call.flag_reasons, ensure_ascii=False, sort_keys=True) if call.flag_reasons else "[]",
        call.flag_override_reason,
        _ms(call.safety_due),
        _ms(call.plan_due),
        _ms(call.handoff_due),
        int(call.victim_referral),
        call.reviewed_by,
        _ms(call.reviewed_at),
        call.review_note,
        search_text,
        stamp,
        stamp,
    )


def insert_calls(db: sqlite_utils.Database, items: Iterable[tuple[Call, str]]) -> list[int]:
    """Insert (call, search_text) pairs in one transaction; phone fields must already be normalized.

    Calls get consecutive ids in the given order; children are inserted with ids of their own (set on the
    Child objects). The full-text index is rebuilt once at the end instead of row by row.
    """
    insert_sql = (
        f"INSERT INTO calls(id, {', '.join(_CALL_COLUMNS)}, created_at, updated_at)"
        f" VALUES ({', '.join('?' * (len(_CALL_COLUMNS) + 3))})"
    )
    child_sql = (
        "INSERT INTO call_children(id, call_id, position, name, sex, age, age_band, province_code, ward_code,"
        " address, special_circumstances, carer, status, destination) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)"
    )
    ids: list[int] = []
    with write(db) as conn:
        next_id = conn.execute("SELECT coalesce(max(id), 0) + 1 FROM calls").fetchone()[0]
        next_child = conn.execute("SELECT coalesce(max(id), 0) + 1 FROM call_children").fetchone()[0]
        conn.execute("DROP TRIGGER calls_fts_insert")
        # The queue's triggers would ask once per call and again per child: one pass at the end does it for all.
        for name, _event, _calls in _INSERT_TRIGGERS:
            conn.execute(f"DROP TRIGGER {name}")
        first_id = next_id
        calls, children, categories, handoffs = [], [], [], []

        def flush() -> None:
            conn.executemany(insert_sql, calls)
            conn.executemany(child_sql, children)
            conn.executemany("INSERT INTO call_categories(call_id, code) VALUES (?, ?)", categories)
            conn.executemany(
                "INSERT INTO handoffs(call_id, kind, to_whom, means, at, user_id, recorded_at) VALUES (?,?,?,?,?,?,?)",
                handoffs,
            )
            calls.clear(), children.clear(), categories.clear(), handoffs.clear()

        for call, search_text in items:
            call.id = next_id
            stamp = to_ms(call.started_at) + call.duration_s * 1000
            calls.append(_call_row(next_id, call, search_text, stamp))
            for position, child in enumerate(call.children):
                child.id = next_child
                children.append(
                    (
                        next_child,
                        next_id,
                        position,
                        child.name,
                        child.sex,
                        child.age,
                        child.age_band,
                        child.province_code,
                        child.ward_code,
                        child.address,
                        json.dumps(child.special_circumstances) if child.special_circumstances else "[]",
                        child.carer,
                        child.status,
                        child.destination,
                    )
                )
                next_child += 1
            categories.extend((next_id, code) for code in call.categories)
            handoffs.extend(
                (next_id, h.kind, h.to_whom, h.means, to_ms(h.at), h.user_id or call.operator_id, to_ms(h.at))
                for h in call.handoffs
            )
            ids.append(next_id)
            next_id += 1
            if len(calls) >= CHUNK:
                flush()
        flush()
        conn.execute("INSERT INTO calls_fts(calls_fts) VALUES ('rebuild')")
        for trigger in _INSERT_TRIGGERS:
            conn.execute(migrations.queue_trigger_sql(*trigger))
        migrations.fill_followup_waiting(conn, first_id)
        conn.execute(
            """CREATE TRIGGER calls_fts_insert AFTER INSERT ON calls BEGIN
                INSERT INTO calls_fts(rowid, search_text) VALUES (new.id, new.search_text);
            END"""
        )
    return ids


def open_cases(db: sqlite_utils.Database, specs: Sequence[CaseSpec | HandoffSpec], prefix: str = "AG") -> int:
    """Open case files in bulk, numbered PREFIX-YYYY-NNNNN in order of opening, continuing each year's count, and
    record the hand-offs given beside them (HandoffSpec). Returns how many cases were opened.

    The numbers come from the same `case_numbers` counter and format as store.cases.open_cases. Each case gets
    the events an ordinary opening and closing would leave: 'received', each step completed (or only
    its current step, at the opening), the clocks' events and 'close'.
    """
    handoffs = [s for s in specs if isinstance(s, HandoffSpec)]
    specs = [s for s in specs if isinstance(s, CaseSpec)]
    with write(db) as conn:
        conn.executemany(
            "INSERT INTO handoffs(call_id, kind, to_whom, means, at, user_id, recorded_at) VALUES (?,?,?,?,?,?,?)",
            [
                (h.call_id, h.handoff.kind, h.handoff.to_whom, h.handoff.means, to_ms(h.handoff.at),
                 h.handoff.user_id, to_ms(h.handoff.at))
                for h in handoffs
            ],
        )  # fmt: skip
        last = dict(conn.execute("SELECT year, last FROM case_numbers"))
        rows, specs_in_order = [], sorted(specs, key=lambda s: s.opened_at)
        for spec in specs_in_order:
            year = case_year(spec.opened_at)
            last[year] = last.get(year, 0) + 1
            rows.append(
                (
                    format_case_number(prefix, year, last[year]),
                    spec.call_id,
                    spec.child_id,
                    spec.opened_by,
                    to_ms(spec.opened_at),
                    spec.assigned_to,
                    spec.status,
                    spec.risk,
                    _ms(spec.safety_due),
                    _ms(spec.plan_due),
                    _ms(spec.closed_at),
                    spec.closure_reason,
                    _ms(spec.emergency_done_at),
                    spec.plan_approved_on.isoformat() if spec.plan_approved_on else None,
                    _ms(spec.separation_started_at),
                    _ms(spec.separation_until),
                    _ms(spec.separation_ended_at),
                )
            )
        first_id = conn.execute("SELECT coalesce(max(id), 0) + 1 FROM cases").fetchone()[0]
        conn.executemany(
            "INSERT INTO cases(id, number, call_id, child_id, opened_by, opened_at, assigned_to, status, risk,"
            " safety_due, plan_due, closed_at, closure_reason, emergency_done_at, plan_approved_on,"
            " separation_started_at, separation_until, separation_ended_at)"
            f" VALUES ({','.join('?' * 18)})",
            [(first_id + n, *row) for n, row in enumerate(rows)],
        )
        events = []
        for case_id, spec in enumerate(specs_in_order, start=first_id):
            opened, by = to_ms(spec.opened_at), spec.opened_by
            events.append((case_id, opened, by, "step", "received", "", None))
            if spec.steps:
                events.extend((case_id, to_ms(at), by, "step", step, "", None) for step, at in spec.steps)
            elif spec.status not in ("received", "closed"):
                events.append((case_id, opened, by, "step", spec.status, "", None))
            for kind, at, text, code in spec.events:
                step = CYCLE_BACK_TO if kind == "cycle" else None
                events.append((case_id, to_ms(at), by, kind, step, text, code))
            if spec.closed_at is not None:
                events.append((case_id, to_ms(spec.closed_at), by, "close", None, spec.closure_reason, None))
        conn.executemany(
            "INSERT INTO case_events(case_id, at, user_id, kind, step, text, service) VALUES (?,?,?,?,?,?,?)", events
        )
        conn.executemany(
            "INSERT INTO case_numbers(year, last) VALUES (?, ?) ON CONFLICT(year) DO UPDATE SET last = excluded.last",
            list(last.items()),
        )
    return len(rows)
