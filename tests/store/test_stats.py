"""Period statistics, checked field by field against counts made in plain Python over every stored row."""

from __future__ import annotations

import shutil
from collections import Counter
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from hotline.core.models import Call
from hotline.store import bulk, users
from hotline.store.access import COMMAND_LINE
from hotline.store.calls import save_call
from hotline.store.db import open_database
from hotline.store.stats import period_stats

VN = ZoneInfo("Asia/Ho_Chi_Minh")
ONE_KEY = {"silent", "hang_up", "prank", "wrong_number", "abusive", "test"}

# Calls added to the demo data around the month edges (local time), as (local moment, fields).
EDGE_CALLS = [
    # 23:30 on 31/10 in Vietnam is 16:30 UTC the same day: October
    (
        datetime(2026, 10, 31, 23, 30, tzinfo=VN),
        {
            "line": "18008077",
            "categories": ["abuse.violence"],
            "flagged": True,
            "flag_source": "rule",
            "case_need": "required",
        },
    ),
    # 00:30 on 1/11 in Vietnam is still 31/10 in UTC: November
    (datetime(2026, 11, 1, 0, 30, tzinfo=VN), {"categories": ["trafficking.recruitment_info"]}),
    # the last millisecond of September and the first of October
    (datetime(2026, 9, 30, 23, 59, 59, 999_000, tzinfo=VN), {"categories": ["abuse.sexual", "counselling.legal"]}),
    (datetime(2026, 10, 1, 0, 0, tzinfo=VN), {"categories": ["trafficking.forced_labour", "abuse.sale"]}),
    # a report that only gets a case through case_calls (linked later)
    (datetime(2026, 10, 1, 9, 0, tzinfo=VN), {"categories": ["abuse.neglect", "abuse.violence"]}),
    # a day with one-key calls only
    (datetime(2026, 11, 20, 9, 0, tzinfo=VN), {"outcome": "silent"}),
    (datetime(2026, 11, 20, 10, 0, tzinfo=VN), {"outcome": "prank", "line": "18008077"}),
    (datetime(2026, 11, 20, 23, 59, tzinfo=VN), {"outcome": "hang_up"}),
]


@pytest.fixture(scope="module")
def stats_db(demo_template, tmp_path_factory):
    """The demo database plus the edge calls above, one of them with a case and one linked to a case."""
    path = tmp_path_factory.mktemp("stats") / "stats.sqlite3"
    shutil.copyfile(demo_template, path)
    db = open_database(path)
    operator = users.find_user(db, "tongdai1").id
    saved = [
        save_call(db, Call(started_at=moment.astimezone(UTC), operator_id=operator, **{"line": "111", **fields}))
        for moment, fields in EDGE_CALLS
    ]
    bulk.open_cases(
        db, [bulk.CaseSpec(saved[0].id, None, operator, saved[0].started_at, operator, "received", "high", None, None)]
    )
    case_id = db.conn.execute("SELECT id FROM cases WHERE call_id = ?", [saved[0].id]).fetchone()[0]
    db.conn.execute(
        "INSERT INTO case_calls(case_id, call_id, linked_by, linked_at) VALUES (?, ?, ?, 0)",
        [case_id, saved[4].id, operator],
    )
    yield db
    db.close()


def local_day(ms: int) -> date:
    return datetime.fromtimestamp(ms / 1000, UTC).astimezone(VN).date()


def expected_stats(db, first: date, last: date, lines: list[str] | None = None) -> dict:
    """Every figure of period_stats for local days first..last, counted in Python from SELECT * rows."""
    conn = db.conn
    cur = conn.execute("SELECT * FROM calls")
    names = [d[0] for d in cur.description]
    calls = [dict(zip(names, row, strict=True)) for row in cur]
    codes: dict[int, set[str]] = {}
    for call_id, code in conn.execute("SELECT * FROM call_categories"):
        codes.setdefault(call_id, set()).add(code)
    cur = conn.execute("SELECT * FROM cases")
    case_cols = [d[0] for d in cur.description]
    with_case = {dict(zip(case_cols, row, strict=True))["call_id"] for row in cur}
    with_case |= {row[1] for row in conn.execute("SELECT * FROM case_calls")}

    chosen = [c for c in calls if first <= local_day(c["started_at"]) <= last and (not lines or c["line"] in lines)]
    substantive = [c for c in chosen if c["outcome"] == "substantive"]
    by_category: Counter[str] = Counter()
    by_group: Counter[str] = Counter()
    reports = []
    for c in substantive:
        mine = codes.get(c["id"], set())
        by_category.update(mine)
        by_group.update({code.split(".")[0] for code in mine})
        if any(
            code.startswith("abuse.") or (code.startswith("trafficking.") and code != "trafficking.recruitment_info")
            for code in mine
        ):
            reports.append(c["id"])
    return {
        "calls_total": len(chosen),
        "by_line": dict(Counter(c["line"] for c in chosen)),
        "by_outcome": dict(Counter(c["outcome"] for c in chosen)),
        "substantive": len(substantive),
        "by_category_group": dict(by_group),
        "by_category": dict(by_category),
        "flagged": sum(1 for c in chosen if c["flagged"]),
        "abuse_reports": len(reports),
        "abuse_reports_with_case": sum(1 for r in reports if r in with_case),
    }


def bounds(first: date, last: date) -> tuple[datetime, datetime]:
    """UTC start and end (exclusive) of local days first..last."""
    return (
        datetime.combine(first, time(0), VN).astimezone(UTC),
        datetime.combine(last + timedelta(days=1), time(0), VN).astimezone(UTC),
    )


PERIODS = {
    "october": (date(2026, 10, 1), date(2026, 10, 31)),
    "september": (date(2026, 9, 1), date(2026, 9, 30)),
    "november": (date(2026, 11, 1), date(2026, 11, 30)),
    "one-day": (date(2026, 10, 15), date(2026, 10, 15)),
    "last-day-of-october": (date(2026, 10, 31), date(2026, 10, 31)),
    "first-of-october": (date(2026, 10, 1), date(2026, 10, 1)),
    "empty": (date(2025, 1, 1), date(2025, 1, 31)),
    "one-key-only": (date(2026, 11, 20), date(2026, 11, 20)),
    "whole-year": (date(2026, 1, 1), date(2026, 12, 31)),
}


@pytest.mark.parametrize("lines", [None, ["18008077"], ["111", "18008077"]], ids=["all", "18008077", "both"])
@pytest.mark.parametrize("period", list(PERIODS))
def test_period_matches_an_independent_count(stats_db, period, lines):
    """Every field of period_stats equals the count made in Python over all rows, for each period and line set."""
    first, last = PERIODS[period]
    expected = expected_stats(stats_db, first, last, lines)
    assert period_stats(stats_db, *bounds(first, last), lines=lines, viewer_id=COMMAND_LINE).as_dict() == expected


def test_the_chosen_periods_are_what_they_claim(stats_db):
    """The fixture's periods hold what their names say, so the comparisons above test something."""
    october = expected_stats(stats_db, *PERIODS["october"])
    assert october["calls_total"] > 2500 and october["abuse_reports_with_case"] > 0
    assert october["by_category"] and october["flagged"] > 0
    assert expected_stats(stats_db, *PERIODS["empty"])["calls_total"] == 0
    one_key = expected_stats(stats_db, *PERIODS["one-key-only"])
    assert one_key["calls_total"] == 3 and set(one_key["by_outcome"]) <= ONE_KEY
    assert expected_stats(stats_db, *PERIODS["november"])["calls_total"] == 4
    assert expected_stats(stats_db, *PERIODS["september"])["calls_total"] == 1


def test_month_edges(stats_db):
    """A call at 23:30 local on the last day of a month (16:30 UTC) counts in that month, 00:30 in the next."""
    october = period_stats(stats_db, *bounds(*PERIODS["october"]), viewer_id=COMMAND_LINE)
    november = period_stats(stats_db, *bounds(*PERIODS["november"]), viewer_id=COMMAND_LINE)
    last_day = period_stats(stats_db, *bounds(date(2026, 10, 31), date(2026, 10, 31)), viewer_id=COMMAND_LINE)
    only_edge = period_stats(
        stats_db,
        datetime(2026, 10, 31, 16, 30, tzinfo=UTC),
        datetime(2026, 10, 31, 16, 30, 0, 1000, tzinfo=UTC),
        viewer_id=COMMAND_LINE,
    )
    assert only_edge.calls_total == 1 and only_edge.by_line == {"18008077": 1}
    assert only_edge.abuse_reports == only_edge.abuse_reports_with_case == 1
    assert last_day.by_category.get("abuse.violence", 0) >= 1
    assert november.by_category.get("trafficking.recruitment_info") == 1
    assert november.abuse_reports == 0  # recruitment questions alone are information, not a report
    assert (
        october.calls_total + november.calls_total
        == period_stats(stats_db, *bounds(date(2026, 10, 1), date(2026, 11, 30)), viewer_id=COMMAND_LINE).calls_total
    )


def expected_stats_between(db, start: datetime, end: datetime) -> int:
    start_ms, end_ms = int(start.timestamp() * 1000), int(end.timestamp() * 1000)
    return sum(1 for (ms,) in db.conn.execute("SELECT started_at FROM calls") if start_ms <= ms < end_ms)


def test_half_open_range(stats_db):
    """A call exactly at `end` is left out, one exactly at `start` is counted."""
    edge = datetime(2026, 10, 31, 16, 30, tzinfo=UTC)
    assert period_stats(
        stats_db, edge - timedelta(minutes=1), edge, viewer_id=COMMAND_LINE
    ).calls_total == expected_stats_between(stats_db, edge - timedelta(minutes=1), edge)
    assert period_stats(
        stats_db, edge, edge + timedelta(minutes=1), viewer_id=COMMAND_LINE
    ).calls_total == expected_stats_between(stats_db, edge, edge + timedelta(minutes=1))
