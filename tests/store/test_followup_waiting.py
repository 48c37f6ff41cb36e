"""The follow-up queue's table of waiting calls (migration 0008) always equals its definition, whatever writes."""

from __future__ import annotations

import itertools
from datetime import UTC, datetime, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hotline.core.models import Call, Child
from hotline.store import bulk
from hotline.store.db import write
from hotline.store.migrations import QUEUE_TRIGGERS, fill_followup_waiting

#: The store tests' first moment (tests/store/conftest.py), here too when run beside other folders' conftest.
T0 = datetime(2026, 3, 2, 2, 0, tzinfo=UTC)
#: Whether a call waits, written out as the queue's rule: flagged, fewer case files than max(1, children).
DEFINITION = """
    SELECT c.id FROM calls c WHERE c.flagged = 1
       AND (SELECT count(*) FROM cases k WHERE k.call_id = c.id)
           + (SELECT count(*) FROM case_calls cc WHERE cc.call_id = c.id)
           < max(1, (SELECT count(*) FROM call_children ch WHERE ch.call_id = c.id))
"""

#: Unique uuids and case numbers across hypothesis's examples (they share one database).
NUMBERS = itertools.count(1)
CALLS = st.integers(0, 5)  # an index into the calls made so far
OPERATIONS = st.lists(
    st.one_of(
        st.tuples(st.just("call"), st.booleans()),
        st.tuples(st.just("flag"), CALLS, st.booleans()),
        st.tuples(st.just("child"), CALLS),
        st.tuples(st.just("drop child"), CALLS),
        st.tuples(st.just("move child"), CALLS, CALLS),
        st.tuples(st.just("case"), CALLS),
        st.tuples(st.just("drop case"), CALLS),
        st.tuples(st.just("move case"), CALLS, CALLS),
        st.tuples(st.just("link"), CALLS),
        st.tuples(st.just("unlink"), CALLS),
        st.tuples(st.just("drop call"), CALLS),
    ),
    max_size=25,
)


def _waiting(db) -> set[int]:
    return {r[0] for r in db.conn.execute("SELECT call_id FROM followup_waiting")}


def _defined(db) -> set[int]:
    return {r[0] for r in db.conn.execute(DEFINITION)}


def _apply(conn, operation, calls: list[int], user: int, numbers) -> None:
    kind, *args = operation
    if kind == "call":
        cursor = conn.execute(
            "INSERT INTO calls(uuid, line, channel, started_at, operator_id, outcome, flagged, created_at, updated_at)"
            " VALUES (?, '111', 'phone', 0, ?, 'substantive', ?, 0, 0)",
            [f"u{next(numbers)}", user, int(args[0])],
        )
        calls.append(cursor.lastrowid)
        return
    if not calls:
        return
    call = calls[args[0] % len(calls)]
    other = calls[args[-1] % len(calls)]
    one = "(SELECT {col} FROM {table} WHERE call_id = ? ORDER BY id LIMIT 1)"
    if kind == "flag":
        conn.execute("UPDATE calls SET flagged = ? WHERE id = ?", [int(args[1]), call])
    elif kind == "child":
        conn.execute("INSERT INTO call_children(call_id) VALUES (?)", [call])
    elif kind == "drop child":
        conn.execute(f"DELETE FROM call_children WHERE id = {one.format(col='id', table='call_children')}", [call])
    elif kind == "move child":
        conn.execute(
            f"UPDATE call_children SET call_id = ? WHERE id = {one.format(col='id', table='call_children')}",
            [other, call],
        )
    elif kind == "case":
        conn.execute(
            "INSERT INTO cases(number, call_id, opened_by, opened_at) VALUES (?, ?, ?, 0)",
            [f"AG-{next(numbers)}", call, user],
        )
    elif kind == "drop case":
        conn.execute("DELETE FROM case_events WHERE case_id IN (SELECT id FROM cases WHERE call_id = ?)", [call])
        conn.execute("DELETE FROM case_calls WHERE case_id IN (SELECT id FROM cases WHERE call_id = ?)", [call])
        conn.execute(f"DELETE FROM cases WHERE id = {one.format(col='id', table='cases')}", [call])
    elif kind == "move case":
        conn.execute(f"UPDATE cases SET call_id = ? WHERE id = {one.format(col='id', table='cases')}", [other, call])
    elif kind == "link":
        case = conn.execute("SELECT id FROM cases ORDER BY id LIMIT 1").fetchone()
        if case:
            conn.execute(
                "INSERT OR IGNORE INTO case_calls(case_id, call_id, linked_by, linked_at) VALUES (?, ?, ?, 0)",
                [case[0], call, user],
            )
    elif kind == "unlink":
        conn.execute("DELETE FROM case_calls WHERE call_id = ?", [call])
    elif kind == "drop call":
        cases = "(SELECT id FROM cases WHERE call_id = ?)"
        conn.execute(f"DELETE FROM case_calls WHERE call_id = ? OR case_id IN {cases}", [call, call])
        conn.execute(f"DELETE FROM case_events WHERE case_id IN {cases} OR call_id = ?", [call, call])
        conn.execute("DELETE FROM cases WHERE call_id = ?", [call])
        for table in ("call_children", "call_categories", "call_changes"):
            conn.execute(f"DELETE FROM {table} WHERE call_id = ?", [call])
        conn.execute("DELETE FROM calls WHERE id = ?", [call])
        calls.remove(call)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(operations=OPERATIONS)
def test_waiting_table_matches_the_rule_after_any_writes(db, operator_id, operations):
    """After any sequence of inserts, deletes and moves of calls, children, cases and links, the table is the rule."""
    calls = [r[0] for r in db.conn.execute("SELECT id FROM calls")]
    with write(db) as conn:
        for operation in operations:
            _apply(conn, operation, calls, operator_id, NUMBERS)
    assert _waiting(db) == _defined(db)


def test_bulk_loading_fills_the_table_and_puts_the_triggers_back(db, operator_id):
    """Calls loaded by store.bulk wait like saved ones, and a child added afterwards is seen by the triggers."""
    calls = [
        Call(line="111", started_at=T0 + timedelta(minutes=n), operator_id=operator_id, flagged=n % 2 == 0,
             children=[Child(name="x")] * (n % 3))
        for n in range(12)
    ]  # fmt: skip
    ids = bulk.insert_calls(db, ((call, "") for call in calls))
    assert _waiting(db) == _defined(db) and len(_waiting(db)) == 6
    with write(db) as conn:
        conn.execute("INSERT INTO cases(number, call_id, opened_by, opened_at) VALUES ('AG-1', ?, ?, 0)",
                     [ids[0], operator_id])  # fmt: skip
        conn.execute("INSERT INTO call_children(call_id) VALUES (?)", [ids[0]])
    assert _waiting(db) == _defined(db)
    assert {name for (name,) in db.conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")} >= {
        t[0] for t in QUEUE_TRIGGERS
    }


def test_the_migration_fills_the_table_for_calls_already_stored(db, operator_id):
    """Calls saved before migration 0008 (the table emptied) are found again by fill_followup_waiting."""
    with write(db) as conn:
        for flagged, kids in ((1, 0), (1, 2), (0, 0)):
            call = conn.execute(
                "INSERT INTO calls(uuid, line, channel, started_at, operator_id, outcome, flagged, created_at,"
                " updated_at) VALUES (?, '111', 'phone', 0, ?, 'substantive', ?, 0, 0)",
                [f"m{flagged}{kids}", operator_id, flagged],
            ).lastrowid
            for _ in range(kids):
                conn.execute("INSERT INTO call_children(call_id) VALUES (?)", [call])
        conn.execute("DELETE FROM followup_waiting")
        fill_followup_waiting(conn)
    assert _waiting(db) == _defined(db) and len(_defined(db)) == 2
