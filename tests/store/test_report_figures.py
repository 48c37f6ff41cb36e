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

from hotline.core.models import (
    CALLER_RELATIONS,
    CHANNELS,
    CHILD_AGE_BANDS,
    CHILD_STATUSES,
    DESTINATIONS,
    INCIDENT_SETTINGS,
    OUTCOMES,
    REFERRALS,
    SERVICE_LEVELS,
    SEXES,
    Call,
    Child,
)
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
    "trafficking.for_money", "rights.child_marriage", "counselling.legal", "counselling.education", "info.hotline",
)  # fmt: skip
WARDS = (None, 30307, 30316)
SEQUENCE = itertools.count()

children = st.builds(
    Child,
    sex=st.sampled_from(SEXES),
    age=st.none() | st.integers(0, 25),
    age_band=st.sampled_from(CHILD_AGE_BANDS),
    ward_code=st.sampled_from(WARDS),
    status=st.sampled_from(CHILD_STATUSES),
    destination=st.sampled_from(("", *DESTINATIONS)),
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
        channel=draw(st.sampled_from(CHANNELS)),
        uuid=f"{next(SEQUENCE):032x}",
    )
    case = None
    if outcome == "substantive":
        call.categories = sorted(draw(st.sets(st.sampled_from(CODES), max_size=3)))
        call.caller_relation = draw(st.sampled_from(CALLER_RELATIONS))
        call.service_level = draw(st.sampled_from(SERVICE_LEVELS))
        call.incident_setting = draw(st.sampled_from(("", *INCIDENT_SETTINGS)))
        call.incident_ward_code = draw(st.sampled_from(WARDS))
        call.referrals = sorted(draw(st.sets(st.sampled_from(REFERRALS), max_size=2)))
        call.children = draw(st.lists(children, max_size=3))
        if draw(st.booleans()):
            opened = started + timedelta(hours=draw(st.integers(1, 60)))
            safety_due = draw(st.none() | st.just(started + timedelta(hours=12)))
            separation = draw(st.none() | st.just(opened + timedelta(hours=draw(st.integers(0, 48)))))
            case = {
                # the person the case was opened for (None: the call's child of unknown age)
                "child": draw(st.none() | st.integers(0, len(call.children) - 1)) if call.children else None,
                "opened_at": opened,
                "status": draw(st.sampled_from(("received", "assessment", "needs", "plan", "implementing"))),
                "safety_due": safety_due,
                "emergency_done_at": draw(st.none() | st.just(started + timedelta(hours=draw(st.integers(1, 30))))),
                "plan_due": draw(st.none() | st.just(started + timedelta(days=draw(st.integers(2, 9))))),
                "closed_at": draw(st.none() | st.just(opened + timedelta(hours=draw(st.integers(0, 20 * 24))))),
                "separation_started_at": separation,
                "separation_until": separation and separation + timedelta(days=15),
                "separation_ended_at": separation
                and draw(st.none() | st.just(separation + timedelta(days=draw(st.integers(1, 20))))),
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
            call.id, None if case.get("child") is None else call.children[case["child"]].id, operator,
            case["opened_at"], None, "closed" if case["closed_at"] else case["status"], "high", case["safety_due"],
            case["plan_due"], case["closed_at"], "xong" if case["closed_at"] else "",
            emergency_done_at=case.get("emergency_done_at"),
            separation_started_at=case.get("separation_started_at"), separation_until=case.get("separation_until"),
            separation_ended_at=case.get("separation_ended_at"),
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
            service_level="intervention",
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
    now = utcnow()  # "overdue" is judged now (the month is not over): the same moment for both counts
    after = report_figures(db, *month, viewer_id=COMMAND_LINE, now=now)
    assert before == after.indicators.cases_closed == 5
    assert db.conn.execute("SELECT count(*) FROM cases WHERE closed_at IS NOT NULL").fetchone()[0] == 4
    assert_same_report(after, expected_report(Rows(db.conn), *month, now=now))
    other_line = report_figures(db, *month, ["18008077"], viewer_id=COMMAND_LINE)
    assert other_line.indicators.cases_closed == 0


# --- the province's headline per child, and 111's tiers (docs/law.md "Indicators") ----------------------------

MARCH = (date(2026, 3, 1), date(2026, 3, 31))


@pytest.fixture
def counselor_id(db) -> int:
    return users.add_user(db, "canbo1", "Counselor", ["counselor"], "test-password-1", by=COMMAND_LINE).id


def _report_call(make_call, minutes: float, categories: list[str], children: list[Child], **fields) -> Call:
    """A report as an operator saves it: a risk and 111's service level chosen, the rules' flag kept."""
    fields = {"risk": "medium", "service_level": "intervention", "flagged": True, **fields}
    return make_call(minutes, categories=categories, children=children, **fields)


def test_two_abused_siblings_with_one_case_file_are_half_done(db, make_call, counselor_id):
    """Two abused siblings on one call, a case file for one: 2 abused children, 1 with a case file, 50 %; the old
    per-call figure says 100 % for the same call (it counts the call, not the children)."""
    call = save_call(db, _report_call(make_call, 0, ["abuse.violence"], [
        Child(name="Bé An", age=7, status="abused"), Child(name="Bé Bình", age=10, status="abused")]))  # fmt: skip
    cases.open_cases(
        db, call.id, [call.children[0].id], by_user_id=counselor_id, now=call.started_at + timedelta(hours=2)
    )
    ind = report_figures(db, *MARCH, viewer_id=COMMAND_LINE).indicators
    assert (ind.children_abused, ind.children_abused_with_case, ind.children_abused_without_case) == (2, 1, 1)
    assert ind.share_children_with_case == 0.5
    assert (ind.reports, ind.reports_with_case, ind.share_with_case) == (1, 1, 1.0)
    assert ind.children_supported == 1
    assert_same_report(report_figures(db, *MARCH, viewer_id=COMMAND_LINE), expected_report(Rows(db.conn), *MARCH))


def test_a_later_report_linked_to_the_childs_case_file_counts_as_with_a_file(db, make_call, counselor_id):
    """A second report about a child who already has a case file, linked to it, is not an abused child "without a
    case file": the province's indicator stays 100 %, as the follow-up queue treats the linked call as handled."""
    child = Child(name="Bé An", age=7, status="abused")
    first = save_call(db, _report_call(make_call, 0, ["abuse.violence"], [child]))
    (case,) = cases.open_cases(
        db, first.id, [first.children[0].id], by_user_id=counselor_id, now=first.started_at + timedelta(hours=2)
    )
    again = save_call(
        db, _report_call(make_call, 60, ["abuse.violence"], [Child(name="Bé An", age=7, status="abused")])
    )
    cases.link_call(db, case.id, again.id, by_user_id=counselor_id)
    report = report_figures(db, *MARCH, viewer_id=COMMAND_LINE)
    ind = report.indicators
    assert (ind.children_abused, ind.children_abused_with_case, ind.share_children_with_case) == (2, 2, 1.0)
    assert report.abused_without_case == ()
    assert_same_report(report, expected_report(Rows(db.conn), *MARCH))


def test_only_children_under_16_reported_abused_count(db, make_call):
    """A 16-year-old and an adult trafficking victim, a child only at risk and a minor by band are not abused
    children under 16; a child of unknown age abused is (the safe side). The victims count all three people."""
    save_call(db, _report_call(make_call, 0, ["trafficking.forced_labour"], [
        Child(age=16, status="abused", destination="cambodia"),
        Child(age=30, sex="female", status="abused", destination="cambodia"),
        Child(age_band="16-17", status="abused")], referrals=["border_guard"]))  # fmt: skip
    save_call(db, _report_call(make_call, 5, ["abuse.neglect"], [Child(age=5, status="at_risk")]))
    save_call(db, _report_call(make_call, 9, ["abuse.sexual"], [Child(status="abused")], incident_setting="online"))
    report = report_figures(db, *MARCH, viewer_id=COMMAND_LINE)
    assert report.indicators.children_abused == 1 and report.indicators.share_children_with_case == 0.0
    abused = report.abused_children
    assert abused.by_age_band == {"0-5": 0, "6-10": 0, "11-15": 0, "unknown": 1}
    assert abused.by_setting["online"] == 1 and abused.by_form["abuse.sexual"] == 1
    assert [(item.age_band, item.sex) for item in report.abused_without_case] == [("unknown", "unknown")]
    victims = report.trafficking_victims
    assert victims.total == 3 and victims.by_age_group == {"child": 0, "minor": 2, "adult": 1, "unknown": 0}
    assert victims.by_destination["cambodia"] == 2 and victims.by_destination["not_recorded"] == 1
    assert victims.by_purpose["trafficking.forced_labour"] == 3 and victims.by_referral["border_guard"] == 3
    assert_same_report(report, expected_report(Rows(db.conn), *MARCH))


def test_child_marriage_is_a_rights_violation_not_abuse(db, make_call):
    """A child marriage report counts in the rights group, in no abuse figure and in no form of abuse."""
    save_call(db, _report_call(make_call, 0, ["rights.child_marriage"], [Child(age=15, sex="female")]))
    report = report_figures(db, *MARCH, viewer_id=COMMAND_LINE)
    assert report.by_category_group == {"rights": 1}
    assert report.indicators.abuse_reports == report.indicators.reports == report.indicators.children_abused == 0
    assert "rights.child_marriage" not in report.abused_children.by_form
    assert "abuse.child_marriage" not in report.abused_children.by_form


def test_service_levels_and_channels_add_up(db, make_call):
    """Each call with content is under exactly one of 111's three tiers, each call received under one channel; both
    keep every code in order, zeros included; referrals count each destination of a call."""
    save_call(db, make_call(0, categories=["counselling.legal"], channel="zalo"))
    save_call(db, make_call(1, categories=["info.hotline"], service_level="information", channel="walk_in"))
    save_call(db, _report_call(make_call, 2, ["abuse.violence"], [Child(age=9, status="abused")],
                               referrals=["police_113", "commune"]))  # fmt: skip
    save_call(db, make_call(3, outcome="silent"))
    report = report_figures(db, *MARCH, viewer_id=COMMAND_LINE)
    assert report.by_service_level == {"information": 1, "counselling": 1, "intervention": 1}
    assert sum(report.by_service_level.values()) == report.indicators.substantive == 3
    assert report.by_channel == {"phone": 2, "zalo": 1, "app": 0, "walk_in": 1}
    assert sum(report.by_channel.values()) == report.indicators.calls_received == 4
    assert list(report.by_referral) == list(REFERRALS)
    assert (
        report.by_referral["police_113"] == report.by_referral["commune"] == 1 and sum(report.by_referral.values()) == 2
    )
    assert_same_report(report, expected_report(Rows(db.conn), *MARCH))
