"""The figures of a statistics report as plain data, and numbers written the Vietnamese way.

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
- people named: everyone recorded on substantive calls (a call may name several), by sex, age band and commune;
- abused children (the province's headline, docs/law.md "Indicators"): each person named on a substantive call
  with status "abused" who is a child in law (under 16, or of unknown age: the safe side; 16-17 and adults are
  left out), counted per person named on a call: the same child named on two calls counts twice. Such a child
  has a case file when a case was opened for that person of that call (cases.child_id), judged when the report
  is made. A call only linked to an earlier case gives its children no case file of their own;
- service levels: substantive calls by 111's tier (information / counselling / intervention), adding up;
- channels: calls received by channel, adding up; referrals: substantive calls per destination referred to
  (a call referred to two places counts under each);
- children supported: the distinct people with a case file opened in the period (a case for a report that
  names nobody is one child);
- abused children by form (the abuse categories of their call; "trafficking" for a child on a trafficking
  report; a child counts under each form of the call), sex, age band, setting and commune of the incident;
- trafficking victims: everyone named on a substantive call with a trafficking category other than "information
  / suspected recruitment", by sex, age group, destination, purpose (each trafficking category of the call)
  and referral (each destination the call was referred to; "none").
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from hotline.core.models import CHILD_AGE_BANDS as AGE_BANDS  # also re-exported: the report's bands
from hotline.core.models import DESTINATIONS, INCIDENT_SETTINGS, REFERRALS

#: Weekdays as Python numbers them (Monday = 0).
WEEKDAYS = tuple(range(7))
#: The age bands of a child in law (under 16 or of unknown age): the abused children's bands.
CHILD_BANDS = tuple(band for band in AGE_BANDS if band not in ("16-17", "18+"))
#: A value that was not recorded (a setting, a destination, a service level of an old call).
NOT_RECORDED = "not_recorded"
#: The settings of an incident as the report counts them: the recorded ones, then "not recorded".
SETTINGS = (*INCIDENT_SETTINGS, NOT_RECORDED)
#: A trafficking victim's destination as counted: the recorded ones, then "not recorded".
VICTIM_DESTINATIONS = (*DESTINATIONS, NOT_RECORDED)
#: A trafficking victim's age group: child (under 16), minor (16-17), adult (18 or older), age unknown.
VICTIM_AGE_GROUPS = ("child", "minor", "adult", "unknown")
#: Referral destinations of a trafficking victim's call, then "none" (the call was referred nowhere).
REFERRALS_OR_NONE = (*REFERRALS, "none")
#: The form of abuse of a child on a trafficking report, and of an abused child whose call has neither an abuse
#: nor a trafficking category (a rights violation, or nothing recorded yet).
FORM_TRAFFICKING = "trafficking"
FORM_NONE = "none"
#: Questions about a job offer abroad: information, not a trafficking report nor a purpose.
RECRUITMENT_INFO = "trafficking.recruitment_info"


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
    children_abused: int = 0  # under 16 (or age unknown), status abused, per person named on a call
    children_abused_with_case: int = 0
    #: minors (16–17) with status abused: supported as children are, counted apart from them (docs/law.md)
    minors_abused: int = 0
    minors_abused_with_case: int = 0
    children_supported: int = 0  # distinct people with a case file opened in the period

    @property
    def reports_without_case(self) -> int:
        return self.reports - self.reports_with_case

    @property
    def share_with_case(self) -> float | None:
        """Reports (calls) with a case file / reports: the old per-call figure, kept as a secondary line; None when
        there were no reports."""
        return self.reports_with_case / self.reports if self.reports else None

    @property
    def children_abused_without_case(self) -> int:
        return self.children_abused - self.children_abused_with_case

    @property
    def share_children_with_case(self) -> float | None:
        """Abused children with a case file / abused children: the province's headline (target 1.0), per child;
        None when no abused child was reported."""
        return self.children_abused_with_case / self.children_abused if self.children_abused else None


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
class AbusedWithoutCase:
    """An abused child (under 16) still without a case file: the call to find, no personal data."""

    call_id: int
    started_at_ms: int  # UTC milliseconds
    line: str
    child_id: int  # the person's row on the call (call_children.id)
    sex: str
    age_band: str  # CHILD_BANDS


@dataclass(frozen=True)
class AbusedCell:
    """One cell of abused children by form × sex × age band × setting (Thông tư 13/2021, indicator 0101)."""

    form: str
    sex: str
    age_band: str
    setting: str
    children: int


@dataclass(frozen=True)
class AbusedChildren:
    """The abused children (under 16) of the period broken down; each breakdown but the forms adds up to
    Indicators.children_abused (a child counts under every form of their call)."""

    by_form: dict[str, int] = field(default_factory=dict)  # abuse codes, FORM_TRAFFICKING, FORM_NONE
    by_sex: dict[str, int] = field(default_factory=dict)  # SEXES
    by_age_band: dict[str, int] = field(default_factory=dict)  # CHILD_BANDS
    by_setting: dict[str, int] = field(default_factory=dict)  # SETTINGS
    by_commune: dict[int | None, int] = field(default_factory=dict)  # the incident's ward code (None: not recorded)
    cells: tuple[AbusedCell, ...] = ()  # the non-zero cells, in the vocabularies' order


@dataclass(frozen=True)
class TraffickingVictims:
    """The people named on trafficking reports; sex, age group and destination add up to ``total``; a victim
    counts under every purpose and every referral of their call."""

    total: int = 0
    by_sex: dict[str, int] = field(default_factory=dict)  # SEXES
    by_age_group: dict[str, int] = field(default_factory=dict)  # VICTIM_AGE_GROUPS
    by_destination: dict[str, int] = field(default_factory=dict)  # VICTIM_DESTINATIONS
    by_purpose: dict[str, int] = field(default_factory=dict)  # trafficking codes but recruitment information
    by_referral: dict[str, int] = field(default_factory=dict)  # REFERRALS_OR_NONE


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
    by_service_level: dict[str, int] = field(default_factory=dict)  # substantive calls, SERVICE_LEVELS
    by_channel: dict[str, int] = field(default_factory=dict)  # calls received, CHANNELS
    by_referral: dict[str, int] = field(default_factory=dict)  # substantive calls per destination, REFERRALS
    abused_children: AbusedChildren = field(default_factory=AbusedChildren)
    trafficking_victims: TraffickingVictims = field(default_factory=TraffickingVictims)
    hour_weekday: tuple[tuple[int, ...], ...] = ()  # [weekday 0..6][hour 0..23], calls received, local time
    per_day: dict[date, int] = field(default_factory=dict)  # calls received per local day
    months: tuple[MonthRow, ...] = ()
    without_case: tuple[WithoutCase, ...] = ()  # the reports still without a case file, oldest first
    abused_without_case: tuple[AbusedWithoutCase, ...] = ()  # the abused children without one, oldest first


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
