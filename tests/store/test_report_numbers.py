"""Mẫu số 01's own numbers "N/BC-TTCTXH": per Vietnamese year, gap-free, given once per case file, even with two
threads or two copies of Hotline making forms into one file at the same moment."""

from __future__ import annotations

import threading
from datetime import UTC, date, datetime, timedelta

import pytest
from workers import run_at_once

from hotline.core.models import Child
from hotline.store import cases, users
from hotline.store.access import COMMAND_LINE, PermissionDenied
from hotline.store.calls import save_call
from hotline.store.db import StoreError, open_database
from hotline.store.report_numbers import ReportNumber, parse_report_number, report_number

T0 = datetime(2026, 3, 2, 2, 0, tzinfo=UTC)


@pytest.fixture
def counselor_id(db) -> int:
    return users.add_user(db, "canbo1", "Counselor One", ["counselor"], "test-password-1", by=COMMAND_LINE).id


@pytest.fixture
def open_case(db, make_call, counselor_id):
    """``open_case(child=…)``: a sexual-abuse report on one child, its case file given to the counselor."""
    made = []

    def make(child: Child | None = None, assigned_to: int | None = None):
        child = child or Child(name="Bé", age=9, status="abused")
        call = save_call(db, make_call(len(made), risk="high", service_level="intervention", flagged=True,
                                       categories=["abuse.sexual"], children=[child]))  # fmt: skip
        (case,) = cases.open_cases(db, call.id, [call.children[0].id], by_user_id=counselor_id,
                                   assigned_to=assigned_to or counselor_id, now=call.started_at)  # fmt: skip
        made.append(case)
        return case

    return make


def stored(db, case_id: int) -> str | None:
    return db.conn.execute("SELECT report_number FROM cases WHERE id = ?", [case_id]).fetchone()[0]


def test_numbers_follow_each_other_and_stay_with_their_case(db, open_case, counselor_id):
    """The first Mẫu 01 of the year is 1/BC-TTCTXH, the next case's 2; making a form again gives the same number
    and day (ND 56 Mẫu số 01: one report per child's case file)."""
    one, two = open_case(), open_case()
    assert report_number(db, one.id, viewer_id=counselor_id, now=T0) == ReportNumber(1, date(2026, 3, 2))
    assert report_number(db, two.id, viewer_id=counselor_id, now=T0).text == "2/BC-TTCTXH"
    again = report_number(db, one.id, viewer_id=counselor_id, now=T0 + timedelta(days=30))
    assert again == ReportNumber(1, date(2026, 3, 2))
    assert stored(db, one.id) == "1/BC-TTCTXH ngày 02/03/2026"
    assert db.conn.execute("SELECT year, last FROM report_numbers").fetchall() == [(2026, 2)]


def test_the_count_restarts_with_the_vietnamese_year(db, open_case, counselor_id):
    """00:30 on New Year's Day in Vietnam (still 31/12 in UTC) starts the new year's count at 1; the stored numbers
    stay distinct (Mẫu 01 numbered per year, as administrative documents are, ND 30/2020)."""
    first, second, third = open_case(), open_case(), open_case()
    late_2026 = datetime(2026, 12, 31, 16, 59, tzinfo=UTC)  # 23:59 on 31/12/2026 in Vietnam
    new_year = datetime(2026, 12, 31, 17, 30, tzinfo=UTC)  # 00:30 on 01/01/2027 in Vietnam
    assert report_number(db, first.id, viewer_id=counselor_id, now=late_2026).stored == "1/BC-TTCTXH ngày 31/12/2026"
    assert report_number(db, second.id, viewer_id=counselor_id, now=new_year).stored == "1/BC-TTCTXH ngày 01/01/2027"
    assert report_number(db, third.id, viewer_id=counselor_id, now=new_year).text == "2/BC-TTCTXH"
    assert dict(db.conn.execute("SELECT year, last FROM report_numbers")) == {2026: 1, 2027: 2}


def test_who_may_give_the_number(db, open_case, counselor_id, operator_id, lead_id):
    """Whoever may make the case's Mẫu 01 gives its number: the shift lead (EXPORT_PERSONAL) or the counselor of
    the case (EXPORT_OWN_CASES); an operator or another counselor is refused and no number is used (DESIGN §6)."""
    other = users.add_user(db, "canbo2", "Counselor Two", ["counselor"], "test-password-1", by=COMMAND_LINE).id
    case, lead_case = open_case(), open_case()
    for refused in (operator_id, other):
        with pytest.raises(PermissionDenied):
            report_number(db, case.id, viewer_id=refused, now=T0)
    assert stored(db, case.id) is None
    assert db.conn.execute("SELECT count(*) FROM report_numbers").fetchone()[0] == 0
    assert report_number(db, lead_case.id, viewer_id=lead_id, now=T0).sequence == 1
    assert report_number(db, case.id, viewer_id=counselor_id, now=T0).sequence == 2


def test_giving_the_number_is_audited_once(db, open_case, counselor_id):
    """The number given is written to the audit log with the case, once; a reprint adds nothing (DESIGN §6)."""
    case = open_case()
    for _ in range(3):
        report_number(db, case.id, viewer_id=counselor_id, now=T0)
    rows = db.conn.execute(
        "SELECT user_id, action, entity, entity_id, detail FROM audit_log WHERE detail LIKE 'report_number=%'"
    ).fetchall()
    assert rows == [(counselor_id, "case.details", "case", str(case.id), "report_number=1/BC-TTCTXH")]


def test_no_number_for_an_adult(db, open_case, counselor_id):
    """A person aged 18 or more has no Mẫu 01: a clear refusal, and the count is not touched (ND 56 is for
    children; an adult trafficking victim gets a victim referral, Luật 53/2024 Điều 2(1))."""
    adult = open_case(Child(name="Người lớn", age=25, age_band="18+", status="abused"))
    with pytest.raises(StoreError, match="aged 18 or more") as refused:
        report_number(db, adult.id, viewer_id=counselor_id, now=T0)
    assert refused.value.code == "case.report_for_adult"
    assert stored(db, adult.id) is None
    minor = open_case(Child(name="Em", age=17, status="abused"))  # a minor (16–17) is supported the same way
    assert report_number(db, minor.id, viewer_id=counselor_id, now=T0).sequence == 1


def test_stored_numbers_read_back():
    """The stored text reads back into the same number; anything else is refused."""
    number = ReportNumber(12, date(2026, 3, 5))
    assert number.stored == "12/BC-TTCTXH ngày 05/03/2026"
    assert parse_report_number(number.stored) == number
    with pytest.raises(ValueError):
        parse_report_number("AG-2026-00012")


def test_a_damaged_stored_number_is_a_clear_error(db, open_case, counselor_id):
    """A stored number not of the form "N/BC-TTCTXH ngày dd/mm/yyyy" gives a StoreError a person can read, and no
    new number is given over it."""
    case = open_case()
    db.conn.execute("UPDATE cases SET report_number = '7/BC' WHERE id = ?", [case.id])
    with pytest.raises(StoreError, match="12/BC-TTCTXH ngày"):
        report_number(db, case.id, viewer_id=counselor_id, now=T0)
    assert stored(db, case.id) == "7/BC"


def test_two_threads_get_distinct_consecutive_numbers(db, db_path, open_case, counselor_id):
    """Two threads, each with its own connection, making Mẫu 01 for different cases at once get the numbers
    1..N between them, none twice, none skipped."""
    per_thread = 15
    ids = [open_case().id for _ in range(2 * per_thread)]
    start = threading.Barrier(2)
    got: list[list[int]] = [[], []]
    errors: list[BaseException] = []

    def work(index: int) -> None:
        conn = open_database(db_path)
        try:
            start.wait()
            for case_id in ids[index::2]:
                got[index].append(report_number(conn, case_id, viewer_id=counselor_id, now=T0).sequence)
        except BaseException as exc:  # reported by the main thread
            errors.append(exc)
        finally:
            conn.close()

    threads = [threading.Thread(target=work, args=(n,)) for n in (0, 1)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert not errors, errors
    assert sorted(got[0] + got[1]) == list(range(1, 2 * per_thread + 1))
    numbers = [stored(db, case_id) for case_id in ids]
    assert len(set(numbers)) == len(numbers) and None not in numbers


# A second copy of Hotline: it makes the numbers of its cases as soon as the "go" file appears and prints them.
WORKER = r"""
import sys, time
from datetime import UTC, datetime
from pathlib import Path

from hotline.store.db import StoreError, open_database
from hotline.store.report_numbers import report_number

path, worker, user = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3])
ids = [int(n) for n in sys.argv[4].split(",")]
now = datetime(2026, 6, 1, 3, 0, tzinfo=UTC)
try:
    db = open_database(path)
    (path.parent / f"ready-{worker}").touch()
    while not (path.parent / "go").exists():
        time.sleep(0.002)
    numbers = []
    for case_id in ids:
        numbers.append(report_number(db, case_id, viewer_id=user, now=now).sequence)
        time.sleep(0.001)  # a breath between two forms: lets the other copy in between
    print(" ".join(map(str, numbers)))
    db.close()
except StoreError as exc:
    print(f"StoreError: {exc}", file=sys.stderr)
    sys.exit(3)
"""


@pytest.mark.slow
def test_two_processes_get_distinct_consecutive_numbers(db, db_path, open_case, counselor_id):
    """Two copies of Hotline making Mẫu 01 for 25 cases each into one file at once get 1..50, gap-free."""
    ids = [open_case().id for _ in range(50)]
    db.close()
    folder = db_path.parent
    results = run_at_once(
        folder, {n: [WORKER, str(db_path), str(n), str(counselor_id), ",".join(map(str, ids[n::2]))] for n in (0, 1)}
    )
    outputs = [(out, err) for _, out, err in results]
    for code, _, err in results:
        assert code == 0, err
    got = [int(n) for out, _ in outputs for n in out.split()]
    assert sorted(got) == list(range(1, 51))
    check = open_database(db_path)
    try:
        numbers = [stored(check, case_id) for case_id in ids]
        assert len(set(numbers)) == 50 and None not in numbers
        assert check.conn.execute("SELECT last FROM report_numbers WHERE year = 2026").fetchone()[0] == 50
    finally:
        check.close()
