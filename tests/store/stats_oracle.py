"""The statistics report computed the slow, obvious way: plain Python over every row read with SELECT *.

Nothing here shares code with hotline.store.stats: local dates come from zoneinfo, age bands and who is a child from
rules written out below, "overdue" from each case's clocks (docs/law.md "Clocks") as they stood at the moment.
"""

from __future__ import annotations

import calendar
import json
import statistics
from collections import Counter, defaultdict
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from hotline.core.report_data import (
    AbusedCell,
    AbusedChildren,
    AbusedWithoutCase,
    Indicators,
    MonthRow,
    ReportData,
    TraffickingVictims,
    WithoutCase,
)

VN = ZoneInfo("Asia/Ho_Chi_Minh")
OUTCOMES = ("substantive", "silent", "hang_up", "prank", "wrong_number", "abusive", "test")
SEXES = ("male", "female", "unknown")
BANDS = (("0-5", 0, 5), ("6-10", 6, 10), ("11-15", 11, 15), ("16-17", 16, 17), ("18+", 18, 200))
BAND_NAMES = (*(name for name, _, _ in BANDS), "unknown")
RELATIONS = ("self", "parent", "relative", "carer", "neighbour", "teacher", "friend", "official", "other", "unknown")
LEVELS = ("information", "counselling", "intervention")
CHANNELS = ("phone", "zalo", "app", "walk_in")
REFERRALS = ("police_113", "health_115", "commune", "health_dept", "school", "border_guard", "ngo_shelter", "other")
SETTINGS = ("family", "school", "community", "online", "workplace", "other", "not_recorded")
DESTINATIONS = ("cambodia", "laos", "china", "myanmar", "vietnam", "other", "not_recorded")
CHILD_BAND_NAMES = ("0-5", "6-10", "11-15", "unknown")
VICTIM_GROUPS = ("child", "minor", "adult", "unknown")
PLAN_OR_LATER = ("plan", "implementing", "review")


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
        self.category_order = [row[0] for row in conn.execute("SELECT code FROM categories ORDER BY sort, code")]


def _table(conn, name: str) -> list[dict]:
    cur = conn.execute(f"SELECT * FROM {name}")
    names = [d[0] for d in cur.description]
    return [dict(zip(names, row, strict=True)) for row in cur]


def is_report(codes: set[str]) -> bool:
    return any(
        code.startswith("abuse.") or (code.startswith("trafficking.") and code != "trafficking.recruitment_info")
        for code in codes
    )


def is_trafficking_report(codes: set[str]) -> bool:
    return any(code.startswith("trafficking.") and code != "trafficking.recruitment_info" for code in codes)


def is_child_in_law(person: dict) -> bool:
    """Under 16; without an age, any band but 16-17 and 18+ (an unknown age is a child: the safe side)."""
    if person["age"] is not None:
        return person["age"] < 16
    return person["age_band"] not in ("16-17", "18+")


def victim_group(person: dict) -> str:
    age, band = person["age"], person["age_band"]
    if age is None:
        groups = {"0-5": "child", "6-10": "child", "11-15": "child", "16-17": "minor", "18+": "adult"}
        return groups.get(band, "unknown")
    return "child" if age < 16 else "minor" if age < 18 else "adult"


def fixed(counts: Counter, keys) -> dict:
    """Every key of a vocabulary (zeros too), then any other key counted."""
    return {key: counts.get(key, 0) for key in keys} | {key: n for key, n in counts.items() if n and key not in keys}


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

    people = _people(rows, substantive)
    supported = {k["child_id"] if k["child_id"] is not None else ("call", k["call_id"]) for k in opened}
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
        children_abused=people["count"],
        children_abused_with_case=people["with_case"],
        minors_abused=len(people["minors"]),
        minors_abused_with_case=sum(1 for call, child in people["minors"] if people["has_file"](call, child)),
        children_supported=len(supported),
    )
    vocabulary = {
        "by_outcome": (Counter(c["outcome"] for c in calls), OUTCOMES),
        "children_by_sex": (children_sex, SEXES),
        "children_by_age_band": (children_band, BAND_NAMES),
        "by_caller_relation": (Counter(c["caller_relation"] for c in substantive), RELATIONS),
        "by_service_level": (Counter(c["service_level"] or "not_recorded" for c in substantive), LEVELS),
        "by_channel": (Counter(c["channel"] for c in calls), CHANNELS),
        "by_referral": (Counter(r for c in substantive for r in set(json.loads(c["referrals"]))), REFERRALS),
    }
    fixed_counts = {name: fixed(counts, keys) for name, (counts, keys) in vocabulary.items()}
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
        abused_children=people["abused"],
        trafficking_victims=people["victims"],
        abused_without_case=people["abused_without_case"],
        **fixed_counts,
    )


def _people(rows: Rows, substantive: list[dict]) -> dict:
    """Abused children (under 16, status abused) and trafficking victims of the substantive calls, one by one."""
    with_file = {k["child_id"] for k in rows.cases if k["child_id"] is not None}
    linked = {link["call_id"] for link in rows.links}  # a later report linked to the child's existing case file

    def has_file(call: dict, child: dict) -> bool:
        return child["id"] in with_file or call["id"] in linked

    abused = [
        (call, child)
        for call in sorted(substantive, key=lambda c: (c["started_at"], c["id"]))
        for child in sorted(rows.children[call["id"]], key=lambda ch: ch["id"])
        if child["status"] == "abused" and is_child_in_law(child)
    ]
    sexes, bands, settings, communes, forms, cells = (Counter() for _ in range(6))
    for call, child in abused:
        codes = rows.codes[call["id"]]
        sex = child["sex"] if child["sex"] in SEXES else "unknown"
        band = band_of(child)
        setting = call["incident_setting"] if call["incident_setting"] in SETTINGS[:-1] else "not_recorded"
        sexes[sex] += 1
        bands[band] += 1
        settings[setting] += 1
        communes[call["incident_ward_code"]] += 1
        kinds = {code for code in codes if code.startswith("abuse.")}
        kinds |= {"trafficking"} if is_trafficking_report(codes) else set()
        for form in kinds or {"none"}:
            forms[form] += 1
            cells[form, sex, band, setting] += 1
    form_keys = [code for code in rows.category_order if code.startswith("abuse.")] + ["trafficking", "none"]
    breakdown = AbusedChildren(
        by_form=fixed(forms, form_keys),
        by_sex=fixed(sexes, SEXES),
        by_age_band=fixed(bands, CHILD_BAND_NAMES),
        by_setting=fixed(settings, SETTINGS),
        by_commune=dict(communes),
        cells=tuple(
            AbusedCell(form, sex, band, setting, cells[form, sex, band, setting])
            for form in form_keys for sex in SEXES for band in CHILD_BAND_NAMES for setting in SETTINGS
            if cells[form, sex, band, setting]
        ),
    )  # fmt: skip
    lacking = [(call, child) for call, child in abused if not has_file(call, child)]
    without = tuple(
        AbusedWithoutCase(call["id"], call["started_at"], call["line"], child["id"],
                          child["sex"] if child["sex"] in SEXES else "unknown", band_of(child))
        for call, child in lacking[:500]
    )  # fmt: skip

    v_sex, v_group, v_destination, v_purpose, v_referral = (Counter() for _ in range(5))
    for call in substantive:
        codes = rows.codes[call["id"]]
        if not is_trafficking_report(codes):
            continue
        for person in rows.children[call["id"]]:
            v_sex[person["sex"] if person["sex"] in SEXES else "unknown"] += 1
            v_group[victim_group(person)] += 1
            v_destination[person["destination"] if person["destination"] in DESTINATIONS[:-1] else "not_recorded"] += 1
            v_purpose.update(c for c in codes if c.startswith("trafficking.") and c != "trafficking.recruitment_info")
            v_referral.update(set(json.loads(call["referrals"])) or {"none"})
    purposes = [c for c in rows.category_order if c.startswith("trafficking.") and c != "trafficking.recruitment_info"]
    victims = TraffickingVictims(
        total=sum(v_sex.values()),
        by_sex=fixed(v_sex, SEXES),
        by_age_group=fixed(v_group, VICTIM_GROUPS),
        by_destination=fixed(v_destination, DESTINATIONS),
        by_purpose=fixed(v_purpose, purposes),
        by_referral=fixed(v_referral, (*REFERRALS, "none")),
    )
    return {
        "count": len(abused),
        "minors": [
            (call, child)
            for call in substantive
            for child in rows.children[call["id"]]
            if child["status"] == "abused" and victim_group(child) == "minor"
        ],
        "has_file": has_file,
        "abused": breakdown,
        "with_case": sum(1 for call, child in abused if has_file(call, child)),
        "abused_without_case": without,
        "victims": victims,
    }


def overdue_at(case: dict, events: list[dict], moment: datetime) -> bool:
    """A case open at ``moment`` (its closings and reopenings before it) with a clock due before it and not met by
    then (docs/law.md "Clocks"): the 12-hour clock, met only by the emergency outcome; the plan, met by the plan
    step or a later one unless a new cycle came after it; a temporary separation past its last day, not ended."""
    at = ms_of(moment)
    if case["opened_at"] >= at or (case["closed_at"] is not None and case["closed_at"] < at):
        return False
    before = sorted((e for e in events if e["at"] < at), key=lambda e: (e["at"], e["id"]))
    closings = [e["kind"] for e in before if e["kind"] in ("close", "reopen")]
    if closings and closings[-1] == "close":
        return False

    def done_before(ms) -> bool:
        return ms is not None and ms < at

    emergency = done_before(case["safety_due"]) and not done_before(case["emergency_done_at"])
    plan_marks = [
        e["kind"] for e in before if e["kind"] == "cycle" or (e["kind"] == "step" and e["step"] in PLAN_OR_LATER)
    ]
    plan = done_before(case["plan_due"]) and (not plan_marks or plan_marks[-1] == "cycle")
    separation = (
        done_before(case["separation_until"])
        and done_before(case["separation_started_at"])
        and not done_before(case["separation_ended_at"])
    )
    return emergency or plan or separation


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
