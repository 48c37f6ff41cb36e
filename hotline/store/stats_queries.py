"""The statistics report's statements: each figure counted over an index, never a scan of the calls."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from hotline.core import cases as case_rules
from hotline.core.timeutil import local_range_bounds, to_ms, utcnow

#: The reports still without a case file are listed up to this many (oldest first); the indicators count them all.
WITHOUT_CASE_LIMIT = 500
HOUR_MS = 3_600_000


def _codes(group: str) -> str:
    """The codes of a category group as an index range ('abuse.' ≤ code < 'abuse/'), not a LIKE that scans."""
    return f"(k.code >= '{group}.' AND k.code < '{group}/')"


# What makes a call an abuse or trafficking *report*: recruitment questions alone are information.
_TRAFFICKING = f"({_codes('trafficking')} AND k.code != 'trafficking.recruitment_info')"
_REPORT = f"({_codes('abuse')} OR {_TRAFFICKING})"
# One read of a call's categories gives all its kinds as bits: 1 any category (a record), 2 counselling, 4 abuse,
# 8 trafficking report. NULL when it has none (max() of no rows).
_KINDS = (
    f"(SELECT 1 | (max({_codes('counselling')}) << 1) | (max({_codes('abuse')}) << 2) | (max({_TRAFFICKING}) << 3)"
    " FROM call_categories k WHERE k.call_id = c.id)"
)
_HAS_CASE = (
    "(EXISTS (SELECT 1 FROM cases x WHERE x.call_id = {id})"
    " OR EXISTS (SELECT 1 FROM case_calls x WHERE x.call_id = {id}))"
)
# INDEXED BY: the plan must not depend on whether ANALYZE ever ran (tests/store/test_stats_plans.py checks them).
_ALL = "calls c INDEXED BY calls_started WHERE c.started_at >= {lo} AND c.started_at < {hi}{lines}"
#: A child in law (docs/law.md): under 16, or of unknown age unless the band says 16-17 or 18+ (models.age_group).
_CHILD = "(ch.age < 16 OR (ch.age IS NULL AND ch.age_band NOT IN ('16-17', '18+')))"
#: A child of a report has a case file: one opened for them, or the report was linked to an existing case file
#: (a later call about a child who already has one: docs/law.md "Indicators").
_CHILD_HAS_FILE = (
    "(EXISTS (SELECT 1 FROM cases x WHERE x.child_id = ch.id)"
    " OR EXISTS (SELECT 1 FROM case_calls l WHERE l.call_id = ch.call_id))"
)
#: The abuse categories and trafficking purposes of a call: an abused child's forms of abuse.
_FORMS = (
    f"(SELECT group_concat(k.code, ' ') FROM call_categories k WHERE k.call_id = c.id"
    f" AND ({_codes('abuse')} OR {_TRAFFICKING}))"
)
#: The abused people of the substantive calls: the partial index holds only them (migration 0011).
_FROM_ABUSED = (
    "FROM calls c INDEXED BY calls_substantive"
    " JOIN call_children ch INDEXED BY call_children_abused ON ch.call_id = c.id AND ch.status = 'abused'"
)
_SUBSTANTIVE = "c.outcome = 'substantive' AND c.started_at >= {lo} AND c.started_at < {hi}{lines}"
_FROM_SUBSTANTIVE = "FROM calls c INDEXED BY calls_substantive"


def _overdue_sql(case_lines: str) -> str:
    """Cases open at :moment with a clock (docs/law.md "Clocks") due before it and not met by then, as things stood
    at :moment: the 12-hour clock (met only by the emergency outcome), the plan (met by the plan step or a later
    one, undone by a new cycle after a review; the case's latest plan due time) and a temporary separation past its
    last day (as extended) and not ended."""
    plan_or_later = ", ".join(f"'{s}'" for s in case_rules.STEPS[case_rules.STEPS.index("plan") : -1])
    emergency = "(k.safety_due < :moment AND (k.emergency_done_at IS NULL OR k.emergency_done_at >= :moment))"
    plan = (
        "(k.plan_due < :moment AND coalesce((SELECT e.kind FROM case_events e WHERE e.case_id = k.id"
        f" AND (e.kind = 'cycle' OR (e.kind = 'step' AND e.step IN ({plan_or_later}))) AND e.at < :moment"
        " ORDER BY e.at DESC, e.id DESC LIMIT 1), 'cycle') = 'cycle')"
    )
    separation = (
        "(k.separation_until < :moment AND k.separation_started_at < :moment"
        " AND (k.separation_ended_at IS NULL OR k.separation_ended_at >= :moment))"
    )
    return (
        "SELECT count(*) FROM cases k INDEXED BY cases_opened"
        " WHERE k.opened_at < :moment AND (k.closed_at IS NULL OR k.closed_at >= :moment)"
        f" AND ({emergency} OR {plan} OR {separation})"
        " AND coalesce((SELECT e.kind FROM case_events e WHERE e.case_id = k.id AND e.kind IN ('close', 'reopen')"
        " AND e.at < :moment ORDER BY e.at DESC, e.id DESC LIMIT 1), '') != 'close'" + case_lines
    )


def _line_outcome_sql(lines: Sequence[str]) -> str:
    """The calls of the period per line and outcome. Sorting a year of calls by both took 270 ms at a million; here
    each (line, outcome) pair stored is found by a seek in calls_line_outcome (the lines, then each line's outcomes
    in turn) and the period is counted over that pair's own range of the index."""
    first = "SELECT min(c.line) FROM calls c INDEXED BY calls_line_outcome"
    following = "SELECT min(c.line) FROM calls c INDEXED BY calls_line_outcome WHERE c.line > l.line"
    chosen = ", ".join(f"(:line{n})" for n in range(len(lines)))
    line_cte = (
        f"l(line) AS (VALUES {chosen})"
        if lines
        else f"l(line) AS ({first} UNION ALL SELECT ({following}) FROM l WHERE l.line IS NOT NULL)"
    )
    outcome = "SELECT min(c.outcome) FROM calls c INDEXED BY calls_line_outcome WHERE c.line = {line}"
    return (
        f"WITH RECURSIVE {line_cte}, p(line, outcome) AS ("
        f"SELECT l.line, ({outcome.format(line='l.line')}) FROM l WHERE l.line IS NOT NULL"
        f" UNION ALL SELECT p.line, ({outcome.format(line='p.line')} AND c.outcome > p.outcome)"
        " FROM p WHERE p.outcome IS NOT NULL)"
        " SELECT p.line, p.outcome, (SELECT count(*) FROM calls c INDEXED BY calls_line_outcome"
        " WHERE c.line = p.line AND c.outcome = p.outcome AND c.started_at >= :start AND c.started_at < :end)"
        " FROM p WHERE p.outcome IS NOT NULL"
    )


@dataclass(frozen=True)
class Month:
    month: date  # its first day
    days: tuple[date, date]  # the days of the period in it
    year_before: tuple[date, date]  # the same days a year earlier


@dataclass(frozen=True)
class Period:
    """The period of a report: local days, lines, UTC bounds in ms and its months."""

    first: date
    last: date
    lines: tuple[str, ...]
    start_ms: int
    end_ms: int
    moment_ms: int  # the end of the period, or now if sooner: when "overdue" is judged
    months: tuple[Month, ...]


def _year_before(day: date) -> date:
    """The same day a year earlier; a month's last day gives that month's last day (29/02 → 28/02 and back)."""
    if (day + timedelta(days=1)).day == 1:
        return (date(day.year - 1, day.month, 1) + timedelta(days=32)).replace(day=1) - timedelta(days=1)
    return day.replace(year=day.year - 1)


def _months(first: date, last: date) -> tuple[Month, ...]:
    months, month = [], first.replace(day=1)
    while month <= last:
        following = (month + timedelta(days=32)).replace(day=1)
        lo, hi = max(first, month), min(last, following - timedelta(days=1))
        months.append(Month(month, (lo, hi), (_year_before(lo), _year_before(hi))))
        month = following
    return tuple(months)


def make_period(first: date, last: date, lines: Sequence[str], now: datetime | None) -> Period:
    if last < first:
        raise ValueError("the period ends before it starts")
    start, end = local_range_bounds(first, last)
    moment = min(to_ms(end), to_ms(now or utcnow()))
    return Period(first, last, tuple(dict.fromkeys(lines)), to_ms(start), to_ms(end), moment, _months(first, last))


def _ms_bounds(days: tuple[date, date]) -> tuple[int, int]:
    lo, hi = local_range_bounds(*days)
    return to_ms(lo), to_ms(hi)


def report_statements(
    first_day: date, last_day: date, lines: Sequence[str] = (), *, now: datetime | None = None
) -> list[tuple[str, str, dict]]:
    """The report's queries as (name, SQL, parameters), in the order report_figures runs them; the bench runs
    the same statements as bare SQL (store.benchsql) and the plan tests read their EXPLAIN QUERY PLAN."""
    return statements_of(make_period(first_day, last_day, lines, now))


def statements_of(p: Period) -> list[tuple[str, str, dict]]:
    """The statements of report_statements for a period already worked out (every one takes the same parameters)."""
    params: dict = {"start": p.start_ms, "end": p.end_ms, "moment": p.moment_ms, "limit": WITHOUT_CASE_LIMIT}
    params |= {f"line{n}": line for n, line in enumerate(p.lines)}
    lines = f" AND c.line IN ({', '.join(f':line{n}' for n in range(len(p.lines)))})" if p.lines else ""
    case_lines = f" AND EXISTS (SELECT 1 FROM calls c WHERE c.id = k.call_id{lines})" if p.lines else ""
    event_lines = (
        f" AND EXISTS (SELECT 1 FROM cases k CROSS JOIN calls c ON c.id = k.call_id WHERE k.id = e.case_id{lines})"
        if p.lines
        else ""
    )
    period = {"lo": ":start", "hi": ":end", "lines": lines}
    substantive = _SUBSTANTIVE.format(**period)
    params["hours"] = -(-(p.end_ms - p.start_ms) // HOUR_MS)
    # each hour of the period counted over its own index range: no sort of every call by hour
    hour = {"lo": ":start + h.i * 3600000", "hi": "min(:end, :start + (h.i + 1) * 3600000)", "lines": lines}
    hours = (
        "WITH RECURSIVE h(i) AS (VALUES (0) UNION ALL SELECT i + 1 FROM h WHERE i + 1 < :hours)"
        f" SELECT h.i, (SELECT count(*) FROM {_ALL.format(**hour)}) FROM h"
    )
    bounds = []
    for n, month in enumerate(p.months):
        for half, days in enumerate((month.days, month.year_before)):
            key = 2 * n + half
            params[f"lo{key}"], params[f"hi{key}"] = _ms_bounds(days)
            bounds.append(f"({key}, :lo{key}, :hi{key})")
    month = {"lo": "b.lo", "hi": "b.hi", "lines": lines}
    months = (
        f"WITH b(i, lo, hi) AS (VALUES {', '.join(bounds)}) SELECT b.i, (SELECT count(*) FROM {_ALL.format(**month)}),"
        f" (SELECT count(*) {_FROM_SUBSTANTIVE} WHERE {_SUBSTANTIVE.format(**month)}),"
        f" (SELECT count(*) {_FROM_SUBSTANTIVE} WHERE {_SUBSTANTIVE.format(**month)}"
        f" AND EXISTS (SELECT 1 FROM call_categories k WHERE k.call_id = c.id AND {_REPORT})) FROM b"
    )
    kinds = (
        f"WITH s AS MATERIALIZED (SELECT c.id, c.caller_relation, c.service_level, {_KINDS} AS kinds"
        f" {_FROM_SUBSTANTIVE} WHERE {substantive}) SELECT s.caller_relation, s.service_level, count(*),"
        " count(s.kinds), sum((s.kinds >> 1) & 1), sum((s.kinds >> 2) & 1), sum((s.kinds >> 3) & 1),"
        f" sum((s.kinds & 12) != 0), sum(CASE WHEN s.kinds & 12 THEN {_HAS_CASE.format(id='s.id')} ELSE 0 END)"
        " FROM s GROUP BY s.caller_relation, s.service_level"
    )
    # phone is most calls (the rest of calls received): only the other channels are in the partial index
    channels = (
        "SELECT c.channel, count(*) FROM calls c INDEXED BY calls_other_channels WHERE c.channel != 'phone'"
        f" AND c.started_at >= :start AND c.started_at < :end{lines} GROUP BY c.channel"
    )
    referrals = (
        f"SELECT r.value, count(DISTINCT c.id) {_FROM_SUBSTANTIVE}, json_each(c.referrals) r"
        f" WHERE {substantive} AND c.referrals != '[]' GROUP BY r.value"
    )
    # each abused person with their call's setting, commune and forms, and whether a case was opened for them
    abused = (
        f"SELECT ch.sex, ch.age, ch.age_band, c.incident_setting, c.incident_ward_code, {_FORMS},"
        f" {_CHILD_HAS_FILE}, count(*)"
        f" {_FROM_ABUSED} WHERE {substantive} GROUP BY 1, 2, 3, 4, 5, 6, 7"
    )
    abused_without_case = (
        f"SELECT c.id, c.started_at, c.line, ch.id, ch.sex, ch.age, ch.age_band {_FROM_ABUSED}"
        f" WHERE {substantive} AND {_CHILD} AND NOT {_CHILD_HAS_FILE}"
        " ORDER BY c.started_at, c.id, ch.id LIMIT :limit"
    )
    # everyone named on a trafficking report, with the call's purposes and referrals
    victims = (
        "WITH t AS MATERIALIZED (SELECT c.id, c.referrals, (SELECT group_concat(k.code, ' ') FROM call_categories k"
        f" WHERE k.call_id = c.id AND {_TRAFFICKING}) AS purposes {_FROM_SUBSTANTIVE} WHERE {substantive})"
        " SELECT ch.sex, ch.age, ch.age_band, ch.destination, t.purposes, t.referrals, count(*)"
        " FROM t JOIN call_children ch ON ch.call_id = t.id WHERE t.purposes IS NOT NULL GROUP BY 1, 2, 3, 4, 5, 6"
    )
    # the codes of the forms of abuse and of the trafficking purposes, in the centre's list order
    vocabulary = (
        "SELECT code FROM categories WHERE (code >= 'abuse.' AND code < 'abuse/')"
        " OR (code >= 'trafficking.' AND code < 'trafficking/') ORDER BY sort, code"
    )
    # per code: the calls with it, and those where it is the first code of its group (so a group counts a call once)
    categories = (
        "SELECT k.code, count(*), sum(CASE WHEN instr(k.code, '.') = 0 THEN 1 ELSE NOT EXISTS (SELECT 1"
        " FROM call_categories e WHERE e.call_id = k.call_id AND e.code >= substr(k.code, 1, instr(k.code, '.'))"
        f" AND e.code < k.code) END) {_FROM_SUBSTANTIVE} JOIN call_categories k ON k.call_id = c.id"
        f" WHERE {substantive} GROUP BY k.code"
    )
    children = (
        f"SELECT ch.sex, ch.age, ch.age_band, ch.ward_code, count(*) {_FROM_SUBSTANTIVE}"
        f" JOIN call_children ch ON ch.call_id = c.id WHERE {substantive} GROUP BY 1, 2, 3, 4"
    )
    without_case = (
        "SELECT c.id, c.started_at, c.line, (SELECT group_concat(k.code, ' ') FROM call_categories k"
        f" WHERE k.call_id = c.id) {_FROM_SUBSTANTIVE} WHERE {substantive}"
        f" AND EXISTS (SELECT 1 FROM call_categories k WHERE k.call_id = c.id AND {_REPORT})"
        f" AND NOT {_HAS_CASE.format(id='c.id')} ORDER BY c.started_at, c.id LIMIT :limit"
    )
    statements = [
        ("hours", hours),
        ("line_outcome", _line_outcome_sql(p.lines)),
        ("kinds", kinds),
        ("categories", categories),
        ("children", children),
        ("channels", channels),
        ("referrals", referrals),
        ("abused", abused),
        ("abused_without_case", abused_without_case),
        ("victims", victims),
        ("vocabulary", vocabulary),
        ("months", months),
        (
            "cases_opened",
            # CROSS JOIN keeps cases first: with a line chosen SQLite would start from every call of that line;
            # the person of each case gives the children supported (a case without one: the call's child)
            "SELECT k.opened_at - c.started_at, coalesce(k.child_id, -k.call_id) FROM cases k INDEXED BY cases_opened"
            f" CROSS JOIN calls c ON c.id = k.call_id WHERE k.opened_at >= :start AND k.opened_at < :end{lines}",
        ),
        (
            "cases_closed",
            # the close events, not cases.closed_at: a reopen sets that back to NULL, and a month already reported
            # must give the same number later; a case closed twice in the period counts once
            "SELECT count(DISTINCT e.case_id) FROM case_events e INDEXED BY case_events_close"
            f" WHERE e.kind = 'close' AND e.at >= :start AND e.at < :end{event_lines}",
        ),
        ("cases_overdue", _overdue_sql(case_lines)),
        ("without_case", without_case),
    ]
    return [(name, sql, params) for name, sql in statements]
