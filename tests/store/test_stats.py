"""The statistics report on demo databases, every figure checked against the plain-Python count of stats_oracle."""

from __future__ import annotations

import shutil
from datetime import UTC, date, datetime, timedelta

import pytest
from stats_oracle import VN, Rows, assert_same_report, expected_report, overdue_at

from hotline.core.models import Call, Child
from hotline.demo import build_demo
from hotline.store import bulk, users
from hotline.store.access import COMMAND_LINE
from hotline.store.calls import save_call
from hotline.store.db import open_database
from hotline.store.stats import report_figures

#: "Now" for every report here: after October, inside November (so some periods end before it, some after).
NOW = datetime(2026, 11, 15, 3, 0, tzinfo=UTC)
ABUSE = {"categories": ["abuse.violence"], "children": [Child(sex="female", age=9, ward_code=30307)]}

# Calls added to each demo database (which fills 2–31 October 2026), as (local moment, fields).
EXTRA_CALLS = {
    # 23:30 on 31/10 in Vietnam is 16:30 UTC the same day: October (a case is opened from it below)
    "last_evening": (datetime(2026, 10, 31, 23, 30, tzinfo=VN), {"line": "18008077", **ABUSE}),
    # 00:30 on 1/11 in Vietnam is still 31/10 in UTC: November; recruitment questions alone are no report
    "first_night": (datetime(2026, 11, 1, 0, 30, tzinfo=VN), {"categories": ["trafficking.recruitment_info"]}),
    "september_end": (datetime(2026, 9, 30, 23, 59, 59, 999_000, tzinfo=VN), {**ABUSE, "categories": [
        "abuse.sexual", "counselling.legal"]}),
    "october_start": (datetime(2026, 10, 1, 0, 0, tzinfo=VN), {"categories": ["trafficking.forced_labour",
                                                                               "abuse.sale"]}),
    # a report that has a case only through case_calls (linked to the case of last_evening)
    "linked": (datetime(2026, 10, 1, 9, 0, tzinfo=VN), {"categories": ["abuse.neglect", "abuse.violence"]}),
    # content but no category: substantive, not "with a record"
    "no_category": (datetime(2026, 10, 10, 15, 0, tzinfo=VN), {"caller_relation": "teacher", "summary": "hỏi"}),
    "children": (datetime(2026, 10, 12, 8, 0, tzinfo=VN), {"categories": ["counselling.education"], "children": [
        Child(sex="male", age=4, ward_code=30307), Child(sex="female", age_band="11-15"),
        Child(sex="unknown", age=20, ward_code=None), Child(sex="female", age=17, age_band="0-5", ward_code=30316),
    ]}),
    # a day of one-key calls only
    "silent": (datetime(2026, 11, 20, 9, 0, tzinfo=VN), {"outcome": "silent"}),
    "prank": (datetime(2026, 11, 20, 10, 0, tzinfo=VN), {"outcome": "prank", "line": "18008077"}),
    "hang_up": (datetime(2026, 11, 20, 23, 59, tzinfo=VN), {"outcome": "hang_up"}),
    # either side of midnight in Vietnam: 16:59 and 17:01 UTC on the same UTC day
    "before_midnight": (datetime(2026, 11, 21, 16, 59, tzinfo=UTC), {"categories": ["abuse.violence"]}),
    "after_midnight": (datetime(2026, 11, 21, 17, 1, tzinfo=UTC), {"categories": ["counselling.legal"]}),
    # 17:30 UTC on the last day of November is 00:30 on 1 December in Vietnam
    "month_end": (datetime(2026, 11, 30, 17, 30, tzinfo=UTC), {"categories": ["abuse.sexual"]}),
    # the headline per child: two abused siblings on one call, a case file for the first only (see _add_cases)
    "siblings": (datetime(2026, 10, 14, 10, 0, tzinfo=VN), {
        "categories": ["abuse.violence", "abuse.neglect"], "channel": "zalo", "incident_setting": "family",
        "incident_ward_code": 30316, "referrals": ["police_113", "commune"], "children": [
            Child(sex="female", age=7, status="abused"), Child(sex="male", age_band="11-15", status="abused")]}),
    # a 16-year-old and an adult trafficked to Cambodia: victims, not abused children under 16
    "victims": (datetime(2026, 10, 16, 14, 0, tzinfo=VN), {
        "line": "18008077", "channel": "app", "categories": ["trafficking.forced_labour", "trafficking.for_money"],
        "referrals": ["border_guard"], "children": [
            Child(sex="male", age=16, status="abused", destination="cambodia"),
            Child(sex="female", age=24, status="abused", destination="cambodia"),
            Child(sex="unknown", status="unclear")]}),
    # at risk, not abused; child marriage is a rights violation; a child of unknown age abused online at school
    "at_risk": (datetime(2026, 10, 17, 9, 0, tzinfo=VN), {"categories": ["abuse.neglect"], "children": [
        Child(sex="male", age=5, status="at_risk")]}),
    "child_marriage": (datetime(2026, 10, 18, 9, 0, tzinfo=VN), {"categories": ["rights.child_marriage"],
        "channel": "walk_in", "children": [Child(sex="female", age=15, status="at_risk")]}),
    "unknown_age": (datetime(2026, 10, 19, 21, 0, tzinfo=VN), {"categories": ["abuse.online_sexual"],
        "incident_setting": "online", "referrals": ["ngo_shelter"], "children": [
            Child(sex="female", status="abused"), Child(sex="male", age_band="16-17", status="abused")]}),
    # a year earlier
    "year_before_report": (datetime(2025, 10, 15, 20, 0, tzinfo=VN), ABUSE),
    "year_before_talk": (datetime(2025, 10, 15, 21, 0, tzinfo=VN), {"categories": ["counselling.legal"]}),
    "year_before_silent": (datetime(2025, 10, 31, 23, 59, tzinfo=VN), {"outcome": "silent"}),
    "year_before_november": (datetime(2025, 11, 1, 0, 1, tzinfo=VN), {"outcome": "test"}),
}  # fmt: skip


def _add_cases(db, saved: dict[str, Call], operator: int) -> dict[str, int]:
    """Three cases whose state changed over time (the store's rule must read that history), plus a link, and a case
    for the first of the two abused siblings only."""

    def at(moment: datetime) -> int:
        return int(moment.timestamp() * 1000)

    evening, start = saved["last_evening"].started_at, saved["october_start"].started_at
    specs = [
        # not assessed at all: overdue from 12 hours after the call
        bulk.CaseSpec(saved["last_evening"].id, saved["last_evening"].children[0].id, operator,
                      evening + timedelta(hours=2), operator, "received", "high", evening + timedelta(hours=12),
                      evening + timedelta(days=5)),
        # assessed at once, plan due 8/10 but done only on 20/10: overdue in mid-October, not at its end
        bulk.CaseSpec(saved["october_start"].id, None, operator, start + timedelta(hours=30), operator, "assessment",
                      "medium", None, start + timedelta(days=7)),
        # safety due 2/10, never assessed; closed 5/10 and reopened 12/10: overdue before 5/10 and after 12/10
        bulk.CaseSpec(saved["september_end"].id, saved["september_end"].children[0].id, operator,
                      start + timedelta(hours=20), operator, "received", "high", start + timedelta(days=1),
                      start + timedelta(days=9)),
        bulk.CaseSpec(saved["siblings"].id, saved["siblings"].children[0].id, operator,
                      saved["siblings"].started_at + timedelta(hours=3), operator, "received", "medium", None,
                      saved["siblings"].started_at + timedelta(days=7)),
    ]  # fmt: skip
    bulk.open_cases(db, specs)
    ids = {
        name: db.conn.execute("SELECT id FROM cases WHERE call_id = ?", [saved[name].id]).fetchone()[0]
        for name in ("last_evening", "october_start", "september_end")
    }
    conn, plan = db.conn, ids["october_start"]
    event = "INSERT INTO case_events(case_id, at, user_id, kind, step, text) VALUES (?, ?, ?, ?, ?, '')"
    conn.execute(event, [plan, at(datetime(2026, 10, 3, 9, 0, tzinfo=VN)), operator, "step", "needs"])
    conn.execute(event, [plan, at(datetime(2026, 10, 20, 9, 0, tzinfo=VN)), operator, "step", "plan"])
    conn.execute("UPDATE cases SET status = 'plan' WHERE id = ?", [plan])
    reopened = ids["september_end"]
    conn.execute(event, [reopened, at(datetime(2026, 10, 5, 9, 0, tzinfo=VN)), operator, "close", "received"])
    conn.execute(event, [reopened, at(datetime(2026, 10, 12, 9, 0, tzinfo=VN)), operator, "reopen", "received"])
    # the later call "linked" also belongs to the first case (it was linked to it)
    conn.execute(
        "INSERT INTO case_calls(case_id, call_id, linked_by, linked_at) VALUES (?, ?, ?, 0)",
        [ids["last_evening"], saved["linked"].id, operator],
    )
    return ids


def _report(fields: dict) -> dict:
    """A call's fields with what the store requires of a call with content: a risk, 111's service level, and the
    rules' flag kept on a report."""
    fields = {"line": "111", **fields}
    if fields.get("outcome", "substantive") == "substantive":
        codes = fields.get("categories", [])
        level = (
            "intervention"
            if any(c.split(".")[0] in ("abuse", "trafficking", "rights") for c in codes)
            else ("counselling" if any(c.startswith("counselling.") for c in codes) else "information")
        )
        fields = {"risk": "low", "service_level": level, "flagged": level == "intervention", **fields}
    return fields


def _build(path, seed: int, calls: int):
    db = open_database(path)
    if calls:
        build_demo(db, calls=calls, seed=seed, end_day=date(2026, 10, 31))
    operator = users.find_user(db, "tongdai1").id
    saved = {
        name: save_call(db, Call(started_at=moment.astimezone(UTC), operator_id=operator, **_report(fields)))
        for name, (moment, fields) in EXTRA_CALLS.items()
    }
    return db, saved, _add_cases(db, saved, operator)


@pytest.fixture(scope="module", params=[None, 7, 11], ids=["template", "seed7", "seed11"])
def demo(request, demo_template, tmp_path_factory):
    """A demo database (the session's template, or one built with another seed) plus the extra calls and cases."""
    path = tmp_path_factory.mktemp("stats") / "stats.sqlite3"
    if request.param is None:
        shutil.copyfile(demo_template, path)
        db, saved, cases = _build(path, 0, 0)
    else:
        db, saved, cases = _build(path, request.param, 2000)
    yield db, Rows(db.conn), saved, cases
    db.close()


PERIODS = {
    "october": (date(2026, 10, 1), date(2026, 10, 31)),
    "mid-october": (date(2026, 10, 10), date(2026, 10, 20)),
    "first-half-of-october": (date(2026, 10, 1), date(2026, 10, 15)),
    "september": (date(2026, 9, 1), date(2026, 9, 30)),
    "november": (date(2026, 11, 1), date(2026, 11, 30)),
    "one-day": (date(2026, 10, 15), date(2026, 10, 15)),
    "one-key-only": (date(2026, 11, 20), date(2026, 11, 20)),
    "before-midnight": (date(2026, 11, 21), date(2026, 11, 21)),
    "after-midnight": (date(2026, 11, 22), date(2026, 11, 22)),
    "december": (date(2026, 12, 1), date(2026, 12, 31)),
    "quarter": (date(2026, 9, 1), date(2026, 11, 30)),
    "year": (date(2026, 1, 1), date(2026, 12, 31)),
    "empty": (date(2025, 1, 1), date(2025, 1, 31)),
    "leap-day": (date(2028, 2, 29), date(2028, 3, 1)),
}
LINES = {"all": (), "18008077": ("18008077",), "both": ("111", "18008077")}


@pytest.mark.parametrize("lines", list(LINES))
@pytest.mark.parametrize("period", list(PERIODS))
def test_report_matches_an_independent_count(demo, period, lines):
    """Every indicator and breakdown equals the plain-Python count over all rows, for each period and line choice."""
    db, rows, _, _ = demo
    first, last = PERIODS[period]
    report = report_figures(db, first, last, LINES[lines], viewer_id=COMMAND_LINE, now=NOW)
    assert_same_report(report, expected_report(rows, first, last, LINES[lines], now=NOW))


def test_the_periods_hold_what_their_names_say(demo):
    """The fixture's periods hold what the comparisons need, so those comparisons test something."""
    _, rows, _, cases = demo
    october = expected_report(rows, *PERIODS["october"], now=NOW)
    ind = october.indicators
    assert ind.calls_received > 1500 and ind.with_record < ind.substantive  # the call without a category
    assert 0 < ind.reports_with_case < ind.reports and ind.counselling > 0 and ind.trafficking_reports > 0
    assert ind.cases_opened > 0 and ind.cases_closed >= 0 and ind.cases_overdue > 0 and october.without_case
    assert october.children_by_age_band["unknown"] > 0 and None in october.children_by_commune
    assert 0 < ind.children_abused_with_case < ind.children_abused and ind.children_supported > 0
    assert october.abused_without_case and october.abused_children.by_setting["online"] > 0
    victims = october.trafficking_victims
    assert victims.by_age_group["minor"] > 0 and victims.by_age_group["adult"] > 0 and victims.by_age_group["unknown"]
    assert all(october.by_channel.values()) and october.by_referral["border_guard"] > 0
    assert expected_report(rows, *PERIODS["empty"]).indicators.calls_received == 0
    one_key = expected_report(rows, *PERIODS["one-key-only"])
    assert one_key.indicators.calls_received == 3 and one_key.indicators.substantive == 0
    mid = expected_report(rows, *PERIODS["mid-october"]).months[0]
    assert mid.calls_year_before == 2 and mid.reports_year_before == 1
    # the plan done late and the reopened case make "overdue" depend on the moment, as intended
    plan = next(k for k in rows.cases if k["id"] == cases["october_start"])
    reopened = next(k for k in rows.cases if k["id"] == cases["september_end"])
    mid_october, end_of_october = datetime(2026, 10, 16, tzinfo=VN), datetime(2026, 11, 1, tzinfo=VN)
    assert overdue_at(plan, rows.events[plan["id"]], mid_october)
    assert not overdue_at(plan, rows.events[plan["id"]], end_of_october)
    assert not overdue_at(reopened, rows.events[reopened["id"]], datetime(2026, 10, 8, tzinfo=VN))
    assert overdue_at(reopened, rows.events[reopened["id"]], end_of_october)


def test_the_headline_counts_children_not_calls(demo):
    """October's abused children without a case file list the sibling without one (not the one with a case file),
    the child of unknown age, never the 16-year-old, the adult, the minor by band nor the child only at risk; the
    sibling call counts 2 abused children under family and its two forms."""
    db, _, saved, _ = demo
    report = report_figures(db, *PERIODS["october"], viewer_id=COMMAND_LINE, now=NOW)
    listed = {item.child_id for item in report.abused_without_case}
    first, second = saved["siblings"].children
    assert second.id in listed and first.id not in listed
    assert saved["unknown_age"].children[0].id in listed and saved["unknown_age"].children[1].id not in listed
    for name in ("victims", "at_risk", "child_marriage"):
        assert not listed & {person.id for person in saved[name].children}, name
    day = report_figures(db, date(2026, 10, 14), date(2026, 10, 14), viewer_id=COMMAND_LINE, now=NOW)  # + the demo's
    assert day.abused_children.by_setting["family"] >= 2 and day.indicators.children_abused_with_case >= 1
    assert day.abused_children.by_form["abuse.neglect"] >= 2 and day.abused_children.by_form["abuse.violence"] >= 2


def test_midnight_in_vietnam(demo):
    """16:59 UTC is 23:59 that day in Vietnam and 17:01 UTC is 00:01 the next: each counts on its own local day."""
    db, _, _, _ = demo
    before = report_figures(db, *PERIODS["before-midnight"], viewer_id=COMMAND_LINE, now=NOW)
    after = report_figures(db, *PERIODS["after-midnight"], viewer_id=COMMAND_LINE, now=NOW)
    assert before.indicators.calls_received == after.indicators.calls_received == 1
    assert before.by_category == {"abuse.violence": 1} and after.by_category == {"counselling.legal": 1}
    saturday, sunday = date(2026, 11, 21).weekday(), date(2026, 11, 22).weekday()
    assert before.hour_weekday[saturday][23] == 1 and after.hour_weekday[sunday][0] == 1
    assert before.per_day == {date(2026, 11, 21): 1} and after.per_day == {date(2026, 11, 22): 1}


def test_month_end_in_vietnam(demo):
    """17:30 UTC on 30 November is 00:30 on 1 December locally: December's call, not November's."""
    db, _, _, _ = demo
    november = report_figures(db, *PERIODS["november"], viewer_id=COMMAND_LINE, now=NOW)
    december = report_figures(db, *PERIODS["december"], viewer_id=COMMAND_LINE, now=NOW)
    assert "abuse.sexual" not in november.by_category
    assert december.indicators.calls_received == december.indicators.abuse_reports == 1
    assert december.months[0].calls == 1 and december.hour_weekday[date(2026, 12, 1).weekday()][0] == 1
    assert november.by_category.get("trafficking.recruitment_info") == 1  # 00:30 on 1/11 local
    assert november.indicators.reports == 1  # 23:59 on 21/11; the recruitment question is no report


def test_each_month_beside_the_same_month_a_year_earlier(demo):
    """Three months in a row each get their own figures and those of the same days a year earlier."""
    db, _, _, _ = demo
    report = report_figures(db, *PERIODS["quarter"], viewer_id=COMMAND_LINE, now=NOW)
    assert [m.month for m in report.months] == [date(2026, 9, 1), date(2026, 10, 1), date(2026, 11, 1)]
    october, november = report.months[1], report.months[2]
    assert (october.calls_year_before, october.substantive_year_before, october.reports_year_before) == (3, 2, 1)
    assert (november.calls_year_before, november.substantive_year_before) == (1, 0)
    assert sum(m.calls for m in report.months) == report.indicators.calls_received
    assert sum(m.reports for m in report.months) == report.indicators.reports


def test_line_choice_splits_the_figures(demo):
    """The two lines' reports add up to the report of both, figure by figure."""
    db, _, _, _ = demo
    first, last = PERIODS["october"]
    both = report_figures(db, first, last, viewer_id=COMMAND_LINE, now=NOW)
    parts = [report_figures(db, first, last, [line], viewer_id=COMMAND_LINE, now=NOW) for line in ("111", "18008077")]
    for figure in ("calls_received", "substantive", "reports", "reports_with_case", "cases_opened", "cases_overdue",
                   "children_abused", "children_abused_with_case"):  # fmt: skip
        assert getattr(both.indicators, figure) == sum(getattr(p.indicators, figure) for p in parts), figure
    for channel, count in both.by_channel.items():
        assert count == sum(p.by_channel[channel] for p in parts), channel
    assert both.trafficking_victims.total == sum(p.trafficking_victims.total for p in parts)
    assert both.by_line == {
        line: p.indicators.calls_received for line, p in zip(("111", "18008077"), parts, strict=True)
    }
    assert parts[1].lines == ("18008077",) and set(parts[1].by_line) == {"18008077"}
