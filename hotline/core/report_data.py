"""The figures of a statistics report (issue 7) as plain data, and numbers written the Vietnamese way.

The store computes them (hotline.store.stats.report_figures), the reports package writes them (XLSX, CSV, PDF),
the screen and `python -m hotline stats` show them: one shape for all, so every place gives the same figures.

Definitions (the report prints them too):
- calls received: every contact that started in the period (local Vietnamese dates), one-key outcomes included;
- substantive calls: outcome "substantive" (not silent, hang-up, prank, wrong number, abusive, test);
- calls with a record: substantive calls with at least one category recorded;
- counselling calls: substantive calls with at least one counselling category;
- abuse reports: substantive calls with an abuse category; trafficking reports: with a trafficking category other
  than "information / suspected recruitment"; "reports" below are the calls with either (each call once);
- a report has a case file when a case was opened from it or the call was linked to a case, judged when the
  report is made (a case opened after the period counts);
- cases opened: opened_at in the period; cases closed: a closing recorded in the period (each case once, even if
  reopened since); overdue: cases not closed at the end of the period (or now, if sooner) whose safety assessment
  or support plan was due before that moment and not done;
- median time to case file: over the cases opened in the period, from the call's start to the opening, in hours;
- children: the children recorded on substantive calls (a call may name several), by sex, age band and commune.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from hotline.core.models import CHILD_AGE_BANDS as AGE_BANDS  # noqa: F401 (re-exported: the report's bands)

#: Weekdays as Python numbers them (Monday = 0).
WEEKDAYS = tuple(range(7))


@dataclass(frozen=True)
class Indicators:
    calls_received: int = 0
    substantive: int = 0
    with_record: int = 0
    counselling: int = 0
    abuse_reports: int = 0
    trafficking_reports: int = 0
    reports: int = 0  # abuse or trafficking, each call once
    reports_with_case: int = 0
    cases_opened: int = 0
    cases_closed: int = 0
    cases_overdue: int = 0
    median_hours_to_case: float | None = None  # None when no case was opened in the period

    @property
    def reports_without_case(self) -> int:
        return self.reports - self.reports_with_case

    @property
    def share_with_case(self) -> float | None:
        """Reports with a case file / reports (the province's target is 1.0); None when there were no reports."""
        return self.reports_with_case / self.reports if self.reports else None


@dataclass(frozen=True)
class MonthRow:
    """One month of the period beside the same month a year earlier (calls received, substantive, reports)."""

    month: date  # the first day of the month
    calls: int
    substantive: int
    reports: int
    calls_year_before: int
    substantive_year_before: int
    reports_year_before: int


@dataclass(frozen=True)
class WithoutCase:
    """A report still without a case file: enough to find it in the daily log, no personal data."""

    call_id: int
    started_at_ms: int  # UTC milliseconds
    line: str
    categories: tuple[str, ...]


@dataclass(frozen=True)
class ReportData:
    """Everything a report shows for [start, end] (local dates, both inclusive) and the chosen lines."""

    first_day: date
    last_day: date
    lines: tuple[str, ...]  # empty: all lines
    indicators: Indicators
    by_line: dict[str, int] = field(default_factory=dict)
    by_outcome: dict[str, int] = field(default_factory=dict)
    by_category_group: dict[str, int] = field(default_factory=dict)  # substantive calls, once per group
    by_category: dict[str, int] = field(default_factory=dict)  # substantive calls, once per category
    children_by_sex: dict[str, int] = field(default_factory=dict)  # "male" | "female" | "unknown"
    children_by_age_band: dict[str, int] = field(default_factory=dict)  # AGE_BANDS
    children_by_commune: dict[int | None, int] = field(default_factory=dict)  # ward code (None: not recorded)
    by_caller_relation: dict[str, int] = field(default_factory=dict)  # substantive calls
    hour_weekday: tuple[tuple[int, ...], ...] = ()  # [weekday 0..6][hour 0..23], calls received, local time
    per_day: dict[date, int] = field(default_factory=dict)  # calls received per local day
    months: tuple[MonthRow, ...] = ()
    without_case: tuple[WithoutCase, ...] = ()  # the reports still without a case file, oldest first


# --- numbers and dates the Vietnamese way (3.105 · 4,19 · 87,5 % · 29/11/2026) ---


def vn_int(value: int) -> str:
    """``3105`` → ``3.105``."""
    return f"{value:,}".replace(",", ".")


def vn_decimal(value: float, places: int = 2) -> str:
    """``4.19`` → ``4,19`` (thousands with dots: ``1234.5`` → ``1.234,50``)."""
    text = f"{value:,.{places}f}"
    return text.replace(",", "\0").replace(".", ",").replace("\0", ".")


def vn_percent(share: float | None, places: int = 1) -> str:
    """``0.875`` → ``87,5 %``; no share (nothing to divide) → ``—``."""
    if share is None:
        return "—"
    text = vn_decimal(share * 100, places)
    if share < 1 and text == vn_decimal(100, places):
        # 2999 of 3000 must not read as the province's 100 % target met
        text = vn_decimal(100 - 10**-places, places)
    return f"{text} %"


def vn_date(day: date) -> str:
    return day.strftime("%d/%m/%Y")
