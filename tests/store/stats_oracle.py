"""The statistics report computed the slow, obvious way: plain Python over every row read with SELECT *.

Nothing here shares code with hotline.store.stats: local dates come from zoneinfo, age bands from a table written
out below, "overdue" from core.cases.next_due (the follow-up lists' rule) applied to each case as it stood.
"""

from __future__ import annotations

import calendar
import statistics
from collections import Counter, defaultdict
from datetime import UTC, date, datetime, time, timedelta
from types import SimpleNamespace
from zoneinfo import ZoneInfo

from hotline.core import cases as case_rules
from hotline.core.report_data import Indicators, MonthRow, ReportData, WithoutCase

VN = ZoneInfo("Asia/Ho_Chi_Minh")
OUTCOMES = ("substantive", "silent", "hang_up", "prank", "wrong_number", "abusive", "test")
SEXES = ("male", "female", "unknown")
BANDS = (("0-5", 0, 5), ("6-10", 6, 10), ("11-15", 11, 15), ("16-17", 16, 17))
BAND_NAMES = (*(name for name, _, _ in BANDS), "unknown")
RELATIONS = ("self", "parent", "relative", "carer", "neighbour", "teacher", "friend", "official", "other", "unknown")


def local_date(ms: int) -> date:
    return datetime.fromtimestamp(ms / 1000, UTC).astimezone(VN).date()


def local_moment(ms: int) -> datetime:
    return datetime.fromtimestamp(ms / 1000, UTC).astimezone(VN)


def ms_of(moment: datetime) -> int:
    return round(moment.timestamp() * 1000)


class Rows:
    """Every row of the tables a report reads, loaded once (a database may be checked for many periods)."""

    def __init__(self, conn):
        self.calls = _table(conn, "calls")
        self.codes: dict[int, set[str]] = defaultdict(set)
        for row in _table(conn, "call_categories"):
            self.codes[row["call_id"]].add(row["code"])
        self.children: dict[int, list[dict]] = defaultdict(list)
        for row in _table(conn, "call_children"):
            self.children[row["call_id"]].append(row)
        self.cases = _table(conn, "cases")
        self.links = _table(conn, "case_calls")
        self.events: dict[int, list[dict]] = defaultdict(list)
        for row in _table(conn, "case_events"):
            self.events[row["case_id"]].append(row)
        self.call_by_id = {call["id"]: call for call in self.calls}


def _table(conn, name: str) -> list[dict]:
    cur = conn.execute(f"SELECT * FROM {name}")
    names = [d[0] for d in cur.description]
    return [dict(zip(names, row, strict=True)) for row in cur]


def is_report(codes: set[str]) -> bool:
    return any(
        code.startswith("abuse.") or (code.startswith("trafficking.") and code != "trafficking.recruitment_info")
        for code in codes
    )


def band_of(child: dict) -> str:
    age = child["age"]
    if age is None:
        return child["age_band"] if child["age_band"] in BAND_NAMES else "unknown"
    return next((name for name, low, high in BANDS if low <= age <= high), "unknown")


def same_days_a_year_earlier(first: date, last: date) -> tuple[date, date]:
    """The days of a month a year earlier; a month's last day stands for that month's last day (29/02)."""

    def back(day: date) -> date:
        days_in_month = calendar.monthrange(day.year, day.month)[1]
        earlier_days = calendar.monthrange(day.year - 1, day.month)[1]
        if day.day == days_in_month:
            return date(day.year - 1, day.month, earlier_days)
        return date(day.year - 1, day.month, min(day.day, earlier_days))

    return back(first), back(last)


def expected_report(
    rows: Rows, first: date, last: date, lines: tuple[str, ...] = (), now: datetime | None = None
) -> ReportData:
    end = datetime.combine(last + timedelta(days=1), time(0), VN)
    moment = min(end, now) if now else end

    def chosen(call: dict) -> bool:
        return not lines or call["line"] in lines

    def calls_between(a: date, b: date) -> list[dict]:
        return [c for c in rows.calls if a <= local_date(c["started_at"]) <= b and chosen(c)]

    calls = calls_between(first, last)
    substantive = [c for c in calls if c["outcome"] == "substantive"]
    has_case = {k["call_id"] for k in rows.cases} | {link["call_id"] for link in rows.links}
    reports = [c for c in substantive if is_report(rows.codes[c["id"]])]
    without = sorted((c for c in reports if c["id"] not in has_case), key=lambda c: (c["started_at"], c["id"]))

    by_category: Counter[str] = Counter()
    by_group: Counter[str] = Counter()
    children_sex: Counter[str] = Counter()
    children_band: Counter[str] = Counter()
    children_ward: Counter[int | None] = Counter()
    for call in substantive:
        by_category.update(rows.codes[call["id"]])
        by_group.update({code.split(".")[0] for code in rows.codes[call["id"]]})
        for child in rows.children[call["id"]]:
            children_sex[child["sex"] if child["sex"] in SEXES else "unknown"] += 1
            children_band[band_of(child)] += 1
            children_ward[child["ward_code"]] += 1

    grid = [[0] * 24 for _ in range(7)]
    per_day = {first + timedelta(days=n): 0 for n in range((last - first).days + 1)}
    for call in calls:
        started = local_moment(call["started_at"])
        grid[started.weekday()][started.hour] += 1
        per_day[started.date()] += 1

    months = []
    month = first.replace(day=1)
    while month <= last:
        month_last = date(month.year, month.month, calendar.monthrange(month.year, month.month)[1])
        days = (max(first, month), min(last, month_last))
        figures = []
        for a, b in (days, same_days_a_year_earlier(*days)):
            in_month = calls_between(a, b)
            subst = [c for c in in_month if c["outcome"] == "substantive"]
            figures.append((len(in_month), len(subst), sum(is_report(rows.codes[c["id"]]) for c in subst)))
        (calls_now, subst_now, reports_now), (calls_then, subst_then, reports_then) = figures
        months.append(MonthRow(month, calls_now, subst_now, reports_now, calls_then, subst_then, reports_then))
        month = month_last + timedelta(days=1)

    case_line_ok = [k for k in rows.cases if chosen(rows.call_by_id[k["call_id"]])]
    opened = [k for k in case_line_ok if first <= local_date(k["opened_at"]) <= last]
    to_case = [k["opened_at"] - rows.call_by_id[k["call_id"]]["started_at"] for k in opened]
    # closed in the period: a 'close' event in it (a reopen later clears cases.closed_at, not the event)
    closed = [
        k
        for k in case_line_ok
        if any(e["kind"] == "close" and first <= local_date(e["at"]) <= last for e in rows.events[k["id"]])
    ]

    indicators = Indicators(
        calls_received=len(calls),
        substantive=len(substantive),
        with_record=sum(1 for c in substantive if rows.codes[c["id"]]),
        counselling=sum(1 for c in substantive if any(x.startswith("counselling.") for x in rows.codes[c["id"]])),
        abuse_reports=sum(1 for c in substantive if any(x.startswith("abuse.") for x in rows.codes[c["id"]])),
        trafficking_reports=sum(
            1
            for c in substantive
            if any(x.startswith("trafficking.") and x != "trafficking.recruitment_info" for x in rows.codes[c["id"]])
        ),
        reports=len(reports),
        reports_with_case=sum(1 for c in reports if c["id"] in has_case),
        cases_opened=len(opened),
        cases_closed=len(closed),
        cases_overdue=sum(1 for k in case_line_ok if overdue_at(k, rows.events[k["id"]], moment)),
        median_hours_to_case=statistics.median(to_case) / 3_600_000 if to_case else None,
    )
    vocabulary = {
        "by_outcome": (Counter(c["outcome"] for c in calls), OUTCOMES),
        "children_by_sex": (children_sex, SEXES),
        "children_by_age_band": (children_band, BAND_NAMES),
        "by_caller_relation": (Counter(c["caller_relation"] for c in substantive), RELATIONS),
    }
    fixed = {name: {key: counts.get(key, 0) for key in keys} | +counts for name, (counts, keys) in vocabulary.items()}
    return ReportData(
        first_day=first,
        last_day=last,
        lines=lines,
        indicators=indicators,
        by_line={line: 0 for line in lines} | Counter(c["line"] for c in calls),
        by_category_group=dict(by_group),
        by_category=dict(by_category),
        children_by_commune=dict(children_ward),
        hour_weekday=tuple(tuple(hours) for hours in grid),
        per_day=per_day,
        months=tuple(months),
        without_case=tuple(
            WithoutCase(c["id"], c["started_at"], c["line"], tuple(sorted(rows.codes[c["id"]]))) for c in without[:500]
        ),
        **fixed,
    )


def overdue_at(case: dict, events: list[dict], moment: datetime) -> bool:
    """The follow-up lists' rule (core.cases.next_due before the moment, case not closed) for the case as it stood
    at ``moment``: the steps completed and the closings and reopenings recorded before it."""
    at = ms_of(moment)
    if case["opened_at"] >= at or (case["closed_at"] is not None and case["closed_at"] < at):
        return False
    before = sorted((e for e in events if e["at"] < at), key=lambda e: (e["at"], e["id"]))
    closings = [e["kind"] for e in before if e["kind"] in ("close", "reopen")]
    if closings and closings[-1] == "close":
        return False
    reached = [e["step"] for e in before if e["kind"] == "step" and e["step"] in case_rules.STEPS]
    status = max(reached, key=case_rules.STEPS.index, default=case_rules.STEPS[0])
    if status == case_rules.CLOSED:
        return False

    def when(ms):
        return None if ms is None else datetime.fromtimestamp(ms / 1000, UTC)

    state = SimpleNamespace(status=status, safety_due=when(case["safety_due"]), plan_due=when(case["plan_due"]))
    due = case_rules.next_due(state)
    return due is not None and due < moment


def assert_same_report(actual: ReportData, expected: ReportData) -> None:
    """Field by field, so a failure names the figure; the median in hours compared to a millionth of a second."""
    for name in ReportData.__dataclass_fields__:
        if name == "indicators":
            for figure in Indicators.__dataclass_fields__:
                got, want = getattr(actual.indicators, figure), getattr(expected.indicators, figure)
                if figure == "median_hours_to_case" and got is not None and want is not None:
                    assert abs(got - want) < 1e-9, f"{figure}: {got} != {want}"
                else:
                    assert got == want, f"indicators.{figure}: {got} != {want}"
        else:
            assert getattr(actual, name) == getattr(expected, name), f"{name} differs"
