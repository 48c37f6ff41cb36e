"""Case numbers AG-YYYY-NNNNN: sequential within the Vietnamese year, never duplicated or skipped, even with two
copies of Hotline opening cases into one file at the same moment."""

from __future__ import annotations

import itertools
import re
import shutil
import sqlite3
from datetime import UTC, datetime, timedelta

import pytest
from workers import run_at_once

from hotline.core.models import Call, Child
from hotline.store import bulk, users
from hotline.store import cases as store
from hotline.store.access import COMMAND_LINE
from hotline.store.calls import save_call
from hotline.store.db import open_database
from hotline.store.maintenance import check_database

T0 = datetime(2026, 3, 2, 2, 0, tzinfo=UTC)
CASES_EACH = 200


@pytest.fixture
def counselor_id(db) -> int:
    """A counselor: opening case files is theirs (CASE_EDIT)."""
    return users.add_user(db, "canbo1", "Counselor One", ["counselor"], "test-password-1", by=COMMAND_LINE).id


def flagged_calls(db, operator_id: int, count: int) -> list[Call]:
    """``count`` flagged calls without children, loaded in one transaction."""
    calls = [Call(line="111", started_at=T0 + timedelta(minutes=n), operator_id=operator_id, flagged=True)
             for n in range(count)]  # fmt: skip
    bulk.insert_calls(db, ((call, "") for call in calls))
    return calls


def test_numbers_run_on_within_the_year(db, make_call, operator_id, counselor_id):
    """Numbers go 00001, 00002, … in order of opening, across calls and siblings, with the prefix given."""
    one = save_call(db, make_call(0, flagged=True, children=[Child(name="An"), Child(name="Bình")]))
    two = save_call(db, make_call(5, flagged=True))
    now = T0 + timedelta(hours=1)
    first = store.open_cases(db, one.id, [c.id for c in one.children], by_user_id=counselor_id, now=now)
    second = store.open_cases(db, two.id, [None], by_user_id=counselor_id, now=now, prefix="KG")
    assert [c.number for c in first + second] == ["AG-2026-00001", "AG-2026-00002", "KG-2026-00003"]


def test_the_count_restarts_with_the_vietnamese_year(db, operator_id, counselor_id):
    """00:30 on New Year's Day in Vietnam (still 31/12 in UTC) starts the new year's count at 00001."""
    calls = flagged_calls(db, operator_id, 4)
    moments = [
        datetime(2026, 12, 31, 16, 59, tzinfo=UTC),  # 23:59 on 31/12/2026 in Vietnam
        datetime(2026, 12, 31, 17, 30, tzinfo=UTC),  # 00:30 on 01/01/2027 in Vietnam
        datetime(2027, 1, 1, 2, 0, tzinfo=UTC),
        datetime(2026, 12, 31, 10, 0, tzinfo=UTC),  # a late entry for 2026 continues 2026's count
    ]
    numbers = [
        store.open_cases(db, call.id, [None], by_user_id=counselor_id, now=moment)[0].number
        for call, moment in zip(calls, moments, strict=True)
    ]
    assert numbers == ["AG-2026-00001", "AG-2027-00001", "AG-2027-00002", "AG-2026-00002"]
    counters = dict(db.conn.execute("SELECT year, last FROM case_numbers"))
    assert counters == {2026: 2, 2027: 2}


def test_bulk_loading_and_opening_share_one_count(db, operator_id, counselor_id):
    """The demo's bulk loader and an ordinary opening use the same counter and format, in either order."""
    calls = flagged_calls(db, operator_id, 4)
    specs = [
        bulk.CaseSpec(call.id, None, operator_id, T0 + timedelta(hours=n), None, "received", "high", None, None)
        for n, call in enumerate(calls[:2])
    ]
    bulk.open_cases(db, specs)
    opened = store.open_cases(db, calls[2].id, [None], by_user_id=counselor_id, now=T0 + timedelta(days=1))
    bulk.open_cases(db, [bulk.CaseSpec(calls[3].id, None, operator_id, T0 + timedelta(days=2), None, "received",
                                       "high", None, None)])  # fmt: skip
    numbers = [r[0] for r in db.conn.execute("SELECT number FROM cases ORDER BY opened_at")]
    assert numbers == ["AG-2026-00001", "AG-2026-00002", "AG-2026-00003", "AG-2026-00004"]
    assert opened[0].number == "AG-2026-00003"


def test_opening_continues_the_demo_count(demo_template, tmp_path, demo_params):
    """On the demo database, a new case continues its year's count: gap-free from 00001, one more than before."""
    path = tmp_path / "demo.sqlite3"
    shutil.copyfile(demo_template, path)
    db = open_database(path)
    try:
        year = demo_params["end_day"].year
        before = sorted(
            int(number.rsplit("-", 1)[1])
            for (number,) in db.conn.execute("SELECT number FROM cases WHERE number LIKE ?", [f"AG-{year}-%"])
        )
        assert before == list(range(1, len(before) + 1)) and before
        counselor = users.find_user(db, "canbo1").id  # a demo account
        waiting = store.followup_queue(db, viewer_id=counselor)[0]
        child_ids = [waiting.children[0].id] if waiting.children else [None]
        now = datetime(year, 11, 1, 3, 0, tzinfo=UTC)
        (case,) = store.open_cases(db, waiting.call_id, child_ids, by_user_id=counselor, now=now)
        assert case.number == f"AG-{year}-{len(before) + 1:05d}"
        assert all(re.fullmatch(r"AG-\d{4}-\d{5}", n) for (n,) in db.conn.execute("SELECT number FROM cases"))
    finally:
        db.close()


# A separate process, as a second copy of Hotline would be: it opens one case per call for its own calls as soon
# as the "go" file appears, prints when it started and finished and the numbers it got, and reports a StoreError
# through its exit code and stderr instead of a traceback.
WORKER = r"""
import sys, time
from datetime import UTC, datetime
from pathlib import Path

from hotline.store.cases import open_cases
from hotline.store.db import StoreError, open_database

path, worker, first, count, user = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
now = datetime(2026, 6, 1, 3, 0, tzinfo=UTC)  # fixed: a run at midnight on 31/12 must not split the year
try:
    db = open_database(path)
    (path.parent / f"ready-{worker}").touch()
    while not (path.parent / "go").exists():
        time.sleep(0.002)
    start = time.monotonic()
    numbers = []
    for call_id in range(first, first + count):
        numbers += [case.number for case in open_cases(db, call_id, [None], by_user_id=user, now=now)]
        time.sleep(0.001)  # a breath between two openings, as a person takes: lets the other copy in between
    print(start, time.monotonic())
    print(" ".join(numbers))
    db.close()
except StoreError as exc:
    print(f"StoreError: {exc}", file=sys.stderr)
    sys.exit(3)
"""


@pytest.mark.slow
def test_two_processes_open_cases_at_the_same_moment(db, db_path, operator_id, counselor_id):
    """Two processes opening 200 cases each into one file at once get 400 distinct numbers, gap-free 1..400."""
    calls = flagged_calls(db, operator_id, 2 * CASES_EACH)
    first_ids = (calls[0].id, calls[CASES_EACH].id)
    db.close()
    folder = db_path.parent
    commands = {
        n: [WORKER, str(db_path), str(n), str(first), str(CASES_EACH), str(counselor_id)]
        for n, first in enumerate(first_ids, start=1)
    }
    results = run_at_once(folder, commands)
    outputs = [(out, err) for _, out, err in results]
    for code, _, err in results:
        assert code == 0, err
        assert "locked" not in err.lower() and "busy" not in err.lower(), err
    spans = [tuple(map(float, out.splitlines()[0].split())) for out, _ in outputs]
    assert max(s[0] for s in spans) < min(s[1] for s in spans), "the two workers did not open cases at the same time"
    got = [out.splitlines()[1].split() for out, _ in outputs]
    for numbers in got:
        assert len(numbers) == CASES_EACH
        assert numbers == sorted(numbers)  # each copy sees its own numbers rise
        sequence = [int(n.rsplit("-", 1)[1]) for n in numbers]
        # the other copy took numbers in between: the two really competed for the counter
        assert any(b - a > 1 for a, b in itertools.pairwise(sequence)), "the workers did not take turns"

    expected = {f"AG-2026-{n:05d}" for n in range(1, 2 * CASES_EACH + 1)}
    assert set(got[0]) | set(got[1]) == expected and not set(got[0]) & set(got[1])
    conn = sqlite3.connect(db_path)
    try:
        stored = [r[0] for r in conn.execute("SELECT number FROM cases")]
        per_call = conn.execute("SELECT count(DISTINCT call_id), max(n) FROM (SELECT call_id, count(*) n FROM cases"
                                " GROUP BY call_id)").fetchone()  # fmt: skip
        counter = conn.execute("SELECT last FROM case_numbers WHERE year = 2026").fetchone()[0]
        opened = conn.execute("SELECT count(*) FROM audit_log WHERE action = 'case.open'").fetchone()[0]
    finally:
        conn.close()
    assert len(stored) == len(set(stored)) == 2 * CASES_EACH and set(stored) == expected
    assert per_call == (2 * CASES_EACH, 1)
    assert counter == opened == 2 * CASES_EACH
    assert check_database(db_path) == []
