"""The statistics report's query plans: every read of calls, children, categories and cases goes through an index."""

from __future__ import annotations

import re
import shutil
from datetime import UTC, date, datetime

import pytest

from hotline.store.db import open_database
from hotline.store.stats import report_statements

#: The tables a report reads; the common table expressions (h, l, p, s, b, t) are the report's own small lists, r the
#: referrals of one call (json_each).
TABLES = ("calls", "call_children", "call_categories", "cases", "case_calls", "case_events", "categories")
ALIASES = {"c": "calls", "ch": "call_children", "k": "call_categories", "e": "case_events", "x": "cases"}
NOW = datetime(2026, 11, 15, tzinfo=UTC)


@pytest.fixture(params=["fresh", "analyzed"])
def plan_db(request, demo_template, tmp_path):
    """The demo database as built, and after ANALYZE (whose statistics could tempt the planner to scan)."""
    path = tmp_path / "plans.sqlite3"
    shutil.copyfile(demo_template, path)
    db = open_database(path)
    if request.param == "analyzed":
        db.conn.execute("ANALYZE")
    yield db
    db.close()


def _plan(db, sql: str, params: dict) -> list[str]:
    return [row[3] for row in db.conn.execute("EXPLAIN QUERY PLAN " + sql, params)]


@pytest.mark.parametrize("lines", [(), ("18008077",), ("111", "18008077")], ids=["all", "one", "both"])
def test_no_statement_scans_a_table(plan_db, lines):
    """No step of any statement scans calls, children, categories or cases: each one searches an index."""
    for name, sql, params in report_statements(date(2026, 1, 1), date(2026, 12, 31), lines, now=NOW):
        for step in _plan(plan_db, sql, params):
            scan = re.match(r"SCAN (\w+)", step)
            if scan:
                table = ALIASES.get(scan.group(1), scan.group(1))
                assert table not in TABLES, f"{name} scans {table}: {step}"
            # calls are read by a range of start times or one by one by id, never by "every call of this line"
            if re.match(r"SEARCH (c|calls) ", step) and name != "line_outcome":
                assert "started_at>?" in step or "rowid=?" in step, f"{name} reads calls by: {step}"


def _reads_call_rows(db, sql: str, params: dict) -> bool:
    """Whether the statement's bytecode reads any row of calls (a cursor opened on the table but never moved, as
    SQLite opens one beside a partial index, reads nothing)."""
    root = db.conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'calls'").fetchone()[0]
    program = [(row[1], row[2], row[3]) for row in db.conn.execute("EXPLAIN " + sql, params)]
    cursors = {p1 for opcode, p1, p2 in program if opcode == "OpenRead" and p2 == root}
    moves = {"Column", "DeferredSeek", "SeekRowid", "NotExists", "Rowid", "Rewind", "SeekGE", "SeekGT", "Next"}
    return any(opcode in moves and p1 in cursors for opcode, p1, _ in program)


def test_the_big_reads_use_only_their_indexes(plan_db):
    """The statements that touch every call of the period (or every substantive one) read an index and never a
    row of calls (the setting, commune, service level and referrals are in calls_substantive; the abused people
    have their own index); only the cases opened look up their call (its start and line)."""
    statements = {name: (sql, params) for name, sql, params in report_statements(date(2026, 1, 1), date(2026, 12, 31))}
    expected = {
        "hours": "USING COVERING INDEX calls_started",
        "line_outcome": "USING COVERING INDEX calls_line_outcome",
        "kinds": "USING INDEX calls_substantive",
        "categories": "USING INDEX calls_substantive",
        "children": "USING INDEX calls_substantive",
        "channels": "USING COVERING INDEX calls_other_channels",
        "referrals": "USING INDEX calls_substantive",
        "abused": "USING INDEX call_children_abused",
        "abused_without_case": "USING INDEX call_children_abused",
        "victims": "USING INDEX calls_substantive",
        "vocabulary": "USING INDEX sqlite_autoindex_categories_1",
        "months": "USING COVERING INDEX calls_started",
        "without_case": "USING INDEX calls_substantive",
        "cases_opened": "USING INDEX cases_opened",
        "cases_closed": "USING INDEX case_events_close",
        "cases_overdue": "USING INDEX cases_opened",
    }
    assert set(expected) == set(statements)
    for name, index in expected.items():
        plan = _plan(plan_db, *statements[name])
        assert any(index in step for step in plan), f"{name}: {plan}"
        assert _reads_call_rows(plan_db, *statements[name]) == (name == "cases_opened"), name
