"""report_figures on small made-up sets of calls (hypothesis), and its guard, progress, cancellation and limits."""

from __future__ import annotations

import itertools
import shutil
import threading
from datetime import UTC, date, datetime, time, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from stats_oracle import VN, Rows, assert_same_report, expected_report

from hotline.core.models import CALLER_RELATIONS, CHILD_AGE_BANDS, OUTCOMES, SEXES, Call, Child
from hotline.core.timeutil import local, utcnow
from hotline.store import bulk, cases, users
from hotline.store.access import COMMAND_LINE, PermissionDenied
from hotline.store.calls import save_call
from hotline.store.db import open_database
from hotline.store.stats import WITHOUT_CASE_LIMIT, StatsCancelled, report_figures

#: Local midnights where dates, months and years turn: calls are made around them.
ANCHORS = (
    datetime(2026, 1, 1, tzinfo=VN),
    datetime(2026, 3, 1, tzinfo=VN),
    datetime(2026, 11, 1, tzinfo=VN),
    datetime(2025, 11, 1, tzinfo=VN),  # a year before the last one
)
CODES = (
    "abuse.violence", "abuse.sexual", "trafficking.forced_labour", "trafficking.recruitment_info",
    "counselling.legal", "counselling.education", "info.hotline",
)  # fmt: skip
WARDS = (None, 30307, 30316)
SEQUENCE = itertools.count()

children = st.builds(
    Child,
    sex=st.sampled_from(SEXES),
    age=st.none() | st.integers(0, 19),
    age_band=st.sampled_from(CHILD_AGE_BANDS),
    ward_code=st.sampled_from(WARDS),
)


@st.composite
def a_call(draw) -> tuple[Call, dict | None]:
    """A call near one of the anchors, and perhaps the case opened from it (hours after, due times, closing)."""
    started = draw(st.sampled_from(ANCHORS)) + timedelta(minutes=draw(st.integers(-36 * 60, 36 * 60)))
    outcome = draw(st.sampled_from(OUTCOMES) | st.just("substantive"))
    call = Call(
        line=draw(st.sampled_from(("111", "18008077"))),
        started_at=started.astimezone(UTC),
        operator_id=0,  # set when stored
        outcome=outcome,
        uuid=f"{next(SEQUENCE):032x}",
    )
    case = None
    if outcome == "substantive":
        call.categories = sorted(draw(st.sets(st.sampled_from(CODES), max_size=3)))
        call.caller_relation = draw(st.sampled_from(CALLER_RELATIONS))
        call.children = draw(st.lists(children, max_size=3))
        if draw(st.booleans()):
            opened = started + timedelta(hours=draw(st.integers(1, 60)))
            case = {
                "opened_at": opened,
                "status": draw(st.sampled_from(("received", "assessment", "needs", "plan", "implementing"))),
                "safety_due": draw(st.none() | st.just(started + timedelta(hours=12))),
                "plan_due": draw(st.none() | st.just(started + timedelta(days=draw(st.integers(2, 9))))),
                "closed_at": draw(st.none() | st.just(opened + timedelta(hours=draw(st.integers(0, 20 * 24))))),
            }
    return call, case


def _fresh_db(template_db, folder):
    path = folder / f"report-{next(SEQUENCE)}.sqlite3"
    shutil.copyfile(template_db, path)
    return open_database(path)


def _store(db, made: list[tuple[Call, dict | None]]) -> None:
    operator = users.find_user(db, "operator1").id
    for call, _ in made:
        call.operator_id = operator
    bulk.insert_calls(db, ((call, "") for call, _ in made))
    specs = [
        bulk.CaseSpec(
            call.id, call.children[0].id if call.children else None, operator, case["opened_at"], None,
            "closed" if case["closed_at"] else case["status"], "high", case["safety_due"], case["plan_due"],
            case["closed_at"], "xong" if case["closed_at"] else "",
        )
        for call, case in made
        if case
    ]  # fmt: skip
    bulk.open_cases(db, specs)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    made=st.lists(a_call(), max_size=25),
    anchor=st.sampled_from(ANCHORS),
    starts_before=st.integers(0, 3),
    days=st.integers(0, 70),
    lines=st.sampled_from(((), ("111",), ("18008077",), ("18008077", "111"))),
    now_after=st.integers(-2, 40),
)
def test_random_calls_give_the_plain_python_figures(
    template_db, tmp_path_factory, made, anchor, starts_before, days, lines, now_after
):
    """Any small set of calls, children, categories and cases gives every figure the plain-Python count gives."""
    db = _fresh_db(template_db, tmp_path_factory.getbasetemp())
    try:
        _store(db, made)
        first = anchor.date() - timedelta(days=starts_before)
        last = first + timedelta(days=days)
        now = datetime.combine(first, time(12), VN) + timedelta(days=now_after)
        report = report_figures(db, first, last, lines, viewer_id=COMMAND_LINE, now=now)
        assert_same_report(report, expected_report(Rows(db.conn), first, last, lines, now=now))
    finally:
        db.close()


def test_only_the_roles_with_statistics_may_read_them(db, operator_id, lead_id):
    """An operator is refused (and the refusal audited); a shift lead and the command line get the report."""
    with pytest.raises(PermissionDenied):
        report_figures(db, date(2026, 3, 1), date(2026, 3, 31), viewer_id=operator_id)
    denied = db.conn.execute("SELECT user_id, entity_id FROM audit_log WHERE action = 'access.denied'").fetchall()
    assert denied == [(operator_id, "stats.view")]
    assert report_figures(db, date(2026, 3, 1), date(2026, 3, 31), viewer_id=lead_id).indicators.calls_received == 0
    assert report_figures(db, date(2026, 3, 1), date(2026, 3, 31), viewer_id=COMMAND_LINE).per_day


def test_a_period_that_ends_before_it_starts_is_refused(db):
    """--to before --from is a mistake, not an empty report."""
    with pytest.raises(ValueError):
        report_figures(db, date(2026, 3, 2), date(2026, 3, 1), viewer_id=COMMAND_LINE)


@pytest.fixture
def demo_db(demo_template, tmp_path):
    """A copy of the session's demo database (3,000 calls in October 2026)."""
    path = tmp_path / "demo.sqlite3"
    shutil.copyfile(demo_template, path)
    database = open_database(path)
    yield database
    database.close()


YEAR = (date(2026, 1, 1), date(2026, 12, 31))


def test_progress_then_cancelled_between_queries(demo_db):
    """progress(done, total) is called before each query; cancelled() answering True stops at the next one."""
    seen: list[tuple[int, int]] = []
    with pytest.raises(StatsCancelled):
        report_figures(
            demo_db, *YEAR, viewer_id=COMMAND_LINE, progress=lambda done, total: seen.append((done, total)),
            cancelled=lambda: len(seen) > 3,
        )  # fmt: skip
    total = seen[0][1]
    assert seen == [(n, total) for n in range(4)] and total > 4
    assert not demo_db.conn.in_transaction  # the snapshot is let go
    finished: list[tuple[int, int]] = []
    report_figures(demo_db, *YEAR, viewer_id=COMMAND_LINE, progress=lambda *step: finished.append(step))
    assert finished == [(n, total) for n in range(total + 1)]


def test_interrupt_from_another_thread_cancels_a_running_query(demo_db):
    """conn.interrupt() from another thread while a year's report runs a query ends it in StatsCancelled, and the
    connection answers the next report in full."""
    asked, interrupted = threading.Event(), threading.Event()

    def screen_cancels():  # what the reports screen's Cancel does, from the GUI thread
        asked.wait()
        demo_db.conn.interrupt()
        interrupted.set()

    def inside_a_query():  # SQLite calls this while a statement runs: the interrupt lands mid-query, every time
        if not asked.is_set():
            asked.set()
            interrupted.wait(10)
        return 0  # 0: carry on (only the other thread's interrupt may stop the query)

    def progress(done, total):
        if done == 3:
            demo_db.conn.set_progress_handler(inside_a_query, 1000)

    screen = threading.Thread(target=screen_cancels)
    screen.start()
    try:
        with pytest.raises(StatsCancelled):
            report_figures(demo_db, *YEAR, viewer_id=COMMAND_LINE, progress=progress)
    finally:
        demo_db.conn.set_progress_handler(None, 0)
        asked.set()
        screen.join()
    assert interrupted.is_set() and not demo_db.conn.in_transaction
    again = report_figures(demo_db, *YEAR, viewer_id=COMMAND_LINE)
    assert again.indicators.calls_received == demo_db.conn.execute("SELECT count(*) FROM calls").fetchone()[0]


def test_reports_without_a_case_are_listed_up_to_the_limit(db):
    """Past WITHOUT_CASE_LIMIT the list keeps the oldest; the indicator still counts every report."""
    start = datetime(2026, 3, 2, 1, 0, tzinfo=UTC)
    made = [
        (Call("111", start + timedelta(minutes=n), 0, categories=["abuse.violence"], uuid=f"{n:032x}"), None)
        for n in range(WITHOUT_CASE_LIMIT + 10)
    ]
    _store(db, made)
    report = report_figures(db, date(2026, 3, 1), date(2026, 3, 31), viewer_id=COMMAND_LINE)
    assert report.indicators.reports_without_case == WITHOUT_CASE_LIMIT + 10
    assert len(report.without_case) == WITHOUT_CASE_LIMIT
    assert [item.call_id for item in report.without_case] == [call.id for call, _ in made[:WITHOUT_CASE_LIMIT]]
    assert report.without_case[0].categories == ("abuse.violence",) and report.without_case[0].line == "111"


def test_vocabularies_keep_their_order_and_their_zeros(db):
    """Outcomes, sexes, age bands and relations come in their own order with zeros; codes largest first; an
    outcome stored outside the vocabulary is still counted."""
    start = datetime(2026, 3, 2, 1, 0, tzinfo=UTC)
    made = [
        (Call("111", start, 0, categories=["counselling.legal", "info.hotline"], uuid="a" * 32), None),
        (Call("111", start, 0, categories=["counselling.legal"], uuid="b" * 32), None),
        (Call("18008077", start, 0, outcome="silent", uuid="c" * 32), None),
    ]
    _store(db, made)
    db.conn.execute("UPDATE calls SET outcome = 'voicemail' WHERE uuid = ?", ["c" * 32])
    report = report_figures(db, date(2026, 3, 1), date(2026, 3, 31), viewer_id=COMMAND_LINE)
    assert list(report.by_outcome) == [*OUTCOMES, "voicemail"] and report.by_outcome["voicemail"] == 1
    assert report.by_outcome["substantive"] == 2 and report.by_outcome["silent"] == 0
    assert list(report.children_by_sex) == list(SEXES) and list(report.children_by_age_band) == list(CHILD_AGE_BANDS)
    assert list(report.by_caller_relation) == list(CALLER_RELATIONS)
    assert list(report.by_category.items()) == [("counselling.legal", 2), ("info.hotline", 1)]
    assert report.by_category_group == {"counselling": 2, "info": 1}
    assert report.by_line == {"111": 2, "18008077": 1}
    assert len(report.per_day) == 31 and len(report.hour_weekday) == 7 and len(report.hour_weekday[0]) == 24


def test_no_case_opened_means_no_median(db):
    """Without a case opened in the period the median time to a case file is None, not zero."""
    report = report_figures(db, date(2026, 3, 1), date(2026, 3, 31), viewer_id=COMMAND_LINE)
    assert report.indicators.median_hours_to_case is None and report.indicators.share_with_case is None


def test_cases_closed_in_a_month_stay_closed_in_its_report_after_a_reopen(db, operator_id):
    """5 cases closed this month through the store, then 2 reopened (and 1 closed again): the month still says 5,
    as the plain-Python count over the close events does; another line's report says 0."""
    counselor = users.add_user(db, "canbo1", "Counselor", ["counselor"], "test-password-1", by=COMMAND_LINE).id
    today = local(utcnow()).date()
    month = (today.replace(day=1), (today.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1))
    opened = []
    for n in range(5):
        call = save_call(db, Call(
            "111", utcnow() - timedelta(minutes=n + 1), operator_id, categories=["abuse.violence"], risk="high",
            flagged=True, flag_source="rule", flag_reasons=[{"rule": "high_risk", "category": None}],
            summary="Hàng xóm báo trẻ bị đánh.", children=[Child(name="Bé An")],
        ))  # fmt: skip
        opened += cases.open_cases(db, call.id, [call.children[0].id], by_user_id=counselor)
    for case in opened:
        cases.close_case(db, case.id, "Trẻ đã an toàn", by_user_id=counselor)
    before = report_figures(db, *month, viewer_id=COMMAND_LINE).indicators.cases_closed
    for case in opened[:2]:
        cases.reopen_case(db, case.id, "Có tin báo mới", by_user_id=counselor)
    cases.close_case(db, opened[0].id, "Đã kết nối dịch vụ", by_user_id=counselor)
    after = report_figures(db, *month, viewer_id=COMMAND_LINE)
    assert before == after.indicators.cases_closed == 5
    assert db.conn.execute("SELECT count(*) FROM cases WHERE closed_at IS NOT NULL").fetchone()[0] == 4
    assert_same_report(after, expected_report(Rows(db.conn), *month))
    other_line = report_figures(db, *month, ["18008077"], viewer_id=COMMAND_LINE)
    assert other_line.indicators.cases_closed == 0
