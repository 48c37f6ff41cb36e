"""The figures of a statistics report: store.stats_queries run on one snapshot, folded into a ReportData."""

from __future__ import annotations

import sqlite3
import statistics
from collections import Counter
from collections.abc import Callable, Sequence
from datetime import date, datetime, timedelta

import sqlite_utils

from hotline.core import permissions
from hotline.core.models import CALLER_RELATIONS, CHILD_AGE_BANDS, OUTCOMES, SEXES, age_band_for
from hotline.core.models import category_group as group_of
from hotline.core.report_data import Indicators, MonthRow, ReportData, WithoutCase
from hotline.store import access
from hotline.store.db import translate_error
from hotline.store.stats_people import (
    abused_children,
    abused_without_case,
    by_channel,
    by_referral,
    by_service_level,
    in_order,
    largest_first,
    trafficking_victims,
)
from hotline.store.stats_queries import (
    HOUR_MS,
    WITHOUT_CASE_LIMIT,
    Period,
    make_period,
    report_statements,
    statements_of,
)

__all__ = ["WITHOUT_CASE_LIMIT", "StatsCancelled", "report_figures", "report_statements"]


class StatsCancelled(Exception):
    """The report was cancelled: cancelled() said so between queries, or the connection was interrupted."""


def report_figures(
    db: sqlite_utils.Database,
    first_day: date,
    last_day: date,
    lines: Sequence[str] = (),
    *,
    viewer_id: access.Actor,
    now: datetime | None = None,
    progress: Callable[[int, int], object] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> ReportData:
    """Every figure of the report for the local days ``first_day``–``last_day`` (both inclusive) and ``lines``
    (empty: all), STATS_VIEW (the command line passes access.COMMAND_LINE).

    The queries read one snapshot (a read transaction), so the indicators and breakdowns agree even while calls
    are being saved. ``progress(done, total)`` is called before the first query and after each; ``cancelled()`` is
    asked before each query, and another thread may call ``db.conn.interrupt()`` to stop a running one: both end
    in StatsCancelled. Overdue cases are judged at the end of the period, or at ``now`` (default: the present) if
    that is sooner.
    """
    access.require(db, viewer_id, permissions.STATS_VIEW)
    period = make_period(first_day, last_day, lines, now)
    statements = statements_of(period)
    conn = db.conn
    results: dict[str, list] = {}
    own_snapshot = not conn.in_transaction
    try:
        if own_snapshot:
            conn.execute("BEGIN")
        for done, (name, sql, params) in enumerate(statements):
            if progress:
                progress(done, len(statements))
            if cancelled and cancelled():
                raise StatsCancelled("cancelled")
            results[name] = conn.execute(sql, params).fetchall()
        if progress:
            progress(len(statements), len(statements))
    except sqlite3.OperationalError as exc:
        if "interrupt" in str(exc).lower():
            raise StatsCancelled("interrupted") from None
        raise translate_error(exc) from None
    except sqlite3.Error as exc:
        raise translate_error(exc) from None
    finally:
        if own_snapshot:
            _end_snapshot(conn)
    return _assemble(period, results)


def _end_snapshot(conn: sqlite3.Connection) -> None:
    """Let the read transaction go. A cancel may land on the ROLLBACK itself (the screen's interrupt() racing the
    last query): try again, so the connection never keeps an old snapshot (nor blocks checkpoints) afterwards."""
    for _ in range(100):
        if not conn.in_transaction:
            return
        try:
            conn.execute("ROLLBACK")  # a read: nothing to keep
        except sqlite3.OperationalError as exc:
            if "interrupt" not in str(exc).lower():
                raise translate_error(exc) from None


def _assemble(p: Period, rows: dict[str, list]) -> ReportData:
    hours = [0] * len(rows["hours"])
    for i, count in rows["hours"]:
        hours[i] = count
    per_day: dict[date, int] = {}
    grid = [[0] * 24 for _ in range(7)]
    for n in range((p.last - p.first).days + 1):  # the period starts at local midnight; Vietnam keeps UTC+7
        day, of_day = p.first + timedelta(days=n), hours[24 * n : 24 * n + 24]
        per_day[day] = sum(of_day)
        grid[day.weekday()] = [a + b for a, b in zip(grid[day.weekday()], of_day, strict=False)]

    by_line: Counter[str] = Counter({line: 0 for line in p.lines})
    by_outcome: Counter[str] = Counter()
    for line, outcome, count in rows["line_outcome"]:
        by_line[line] += count
        by_outcome[outcome] += count

    sums = [0] * 7  # substantive, with a record, counselling, abuse, trafficking, reports, reports with a case
    by_relation: Counter[str] = Counter()
    by_level: Counter[str] = Counter()
    for relation, level, *counts in rows["kinds"]:
        by_relation[relation] += counts[0]
        by_level[level] += counts[0]
        sums = [a + (b or 0) for a, b in zip(sums, counts, strict=True)]

    by_category: Counter[str] = Counter()
    by_group: Counter[str] = Counter()
    for code, calls, first_of_group in rows["categories"]:
        by_category[code] = calls
        by_group[group_of(code)] += first_of_group

    by_sex: Counter[str] = Counter()
    by_band: Counter[str] = Counter()
    by_ward: Counter[int | None] = Counter()
    for sex, age, band, ward, count in rows["children"]:
        by_sex[sex if sex in SEXES else "unknown"] += count
        # an exact age gives the band; without one, the band the operator chose
        by_band[age_band_for(age) if age is not None else (band if band in CHILD_AGE_BANDS else "unknown")] += count
        by_ward[ward] += count

    month_counts = {i: counts for i, *counts in rows["months"]}
    months = tuple(
        MonthRow(m.month, *month_counts[2 * n], *month_counts[2 * n + 1]) for n, m in enumerate(p.months)
    )  # fmt: skip
    to_case = [row[0] for row in rows["cases_opened"]]
    abused, with_case, minors, minors_with_case = abused_children(
        rows["abused"], [code for (code,) in rows["vocabulary"]]
    )
    indicators = Indicators(
        calls_received=sum(hours),
        substantive=sums[0], with_record=sums[1], counselling=sums[2], abuse_reports=sums[3],
        trafficking_reports=sums[4], reports=sums[5], reports_with_case=sums[6],
        cases_opened=len(to_case), cases_closed=rows["cases_closed"][0][0], cases_overdue=rows["cases_overdue"][0][0],
        median_hours_to_case=statistics.median(to_case) / HOUR_MS if to_case else None,
        children_abused=sum(abused.by_sex.values()), children_abused_with_case=with_case,
        minors_abused=minors, minors_abused_with_case=minors_with_case,
        children_supported=len({row[1] for row in rows["cases_opened"]}),
    )  # fmt: skip
    return ReportData(
        first_day=p.first,
        last_day=p.last,
        lines=p.lines,
        indicators=indicators,
        by_line=dict(sorted((line, n) for line, n in by_line.items() if n or line in p.lines)),
        by_outcome=in_order(by_outcome, OUTCOMES),
        by_category_group=largest_first(by_group),
        by_category=largest_first(by_category),
        children_by_sex=in_order(by_sex, SEXES),
        children_by_age_band=in_order(by_band, CHILD_AGE_BANDS),
        children_by_commune=largest_first(by_ward),
        by_caller_relation=in_order(by_relation, CALLER_RELATIONS),
        by_service_level=by_service_level(by_level),
        by_channel=by_channel(rows["channels"], indicators.calls_received),
        by_referral=by_referral(rows["referrals"]),
        abused_children=abused,
        trafficking_victims=trafficking_victims(rows["victims"], [code for (code,) in rows["vocabulary"]]),
        hour_weekday=tuple(tuple(hours_of_day) for hours_of_day in grid),
        per_day=per_day,
        months=months,
        without_case=tuple(
            WithoutCase(call_id, started, line, tuple(sorted((codes or "").split())))
            for call_id, started, line, codes in rows["without_case"]
        ),
        abused_without_case=abused_without_case(rows["abused_without_case"]),
    )
