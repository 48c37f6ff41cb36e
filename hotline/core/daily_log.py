"""The shift lead's daily log: its filter, its rows, the shift summary, and which shift a moment falls in."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta

from hotline.core.models import ONE_KEY_OUTCOMES, OUTCOMES, RISK_LEVELS
from hotline.core.timeutil import VN_TZ, local

#: Columns the log sorts by; the store maps each to its own SQL (never the text itself).
SORT_KEYS = ("started_at", "line", "operator", "outcome", "duration_s", "risk", "flagged", "reviewed")
#: The outcome filter's value for "any one-key outcome" (silent, hang-up, prank, …).
ONE_KEY = "one_key"
OUTCOME_FILTERS = (*OUTCOMES, ONE_KEY)


@dataclass(frozen=True)
class LogFilter:
    """Which calls the log shows and in what order. Times are aware UTC, half-open [start, end)."""

    start: datetime
    end: datetime
    lines: tuple[str, ...] = ()
    operator_id: int | None = None
    outcome: str | None = None  # 'substantive', a one-key code, or ONE_KEY
    category_group: str | None = None  # 'abuse' …
    category: str | None = None  # 'abuse.sexual' …
    risk: str | None = None
    flagged: bool | None = None
    without_case: bool = False  # flagged, and no case file opened from it or linked to it
    flag_cleared: bool = False  # the rules required a case file but a person cleared the flag
    #: not yet passed on: a report due to the commune at once, or an adult victim's referral, not recorded (docs/law.md)
    not_passed_on: bool = False
    reviewed: bool | None = None
    text: str = ""  # names, summaries, places, phone digits; accents and đ not needed
    sort: str = "started_at"
    descending: bool = False

    def __post_init__(self) -> None:
        if self.start.tzinfo is None or self.end.tzinfo is None:
            raise ValueError("LogFilter times must carry a timezone")
        if self.sort not in SORT_KEYS:
            raise ValueError(f"unknown sort key {self.sort!r}; one of {', '.join(SORT_KEYS)}")
        if self.outcome is not None and self.outcome not in OUTCOME_FILTERS:
            raise ValueError(f"unknown outcome filter {self.outcome!r}")
        if self.risk is not None and self.risk not in RISK_LEVELS:
            raise ValueError(f"unknown risk level {self.risk!r}")
        # a tuple whatever the caller passed (a list would make the frozen filter unhashable)
        object.__setattr__(self, "lines", tuple(self.lines))


@dataclass(frozen=True)
class LogRow:
    """One call as a line of the daily log: what the table shows (of the free text, only the summary, and when a
    search is under way the snippets of the texts that matched it)."""

    id: int
    started_at: datetime
    line: str
    operator_id: int
    operator_name: str
    outcome: str
    duration_s: int
    categories: tuple[str, ...]
    child_sex: str  # of the first child; '' when the call is about no child
    child_age: str  # exact age as text, else the age band code; '' when no child
    commune: str  # ward name of the first child's place
    risk: str
    flagged: bool
    case_need: str
    case_numbers: tuple[str, ...]
    reviewed: bool
    flag_cleared: bool
    phone_raw: str
    version: int
    summary: str = ""
    #: while a search is under way: the words searched for, and the call's texts as (field, text) pairs
    search: str = ""
    texts: tuple = ()
    phone_matched: bool = False  # the digits searched for are part of the caller's number

    @property
    def matches(self) -> tuple:
        """The call's texts that hold the words searched for (core.search.Snippet), most matched first: worked
        out when a row is painted, not for every row of a page read (a page is 200 rows, a screen shows 25)."""
        if not self.search:
            return ()
        from hotline.core.search import match_snippets

        return match_snippets(self.search, self.texts)


@dataclass(frozen=True)
class ShiftSummary:
    """Counts over the filtered calls, shown beside the table and printed on the handover."""

    total: int = 0
    by_line: dict = field(default_factory=dict)  # line code → calls
    by_outcome: dict = field(default_factory=dict)  # outcome code → calls
    substantive_by_group: dict = field(default_factory=dict)  # category group → substantive calls with one
    flagged: int = 0
    flagged_with_case: int = 0
    avg_duration_s: float = 0.0
    max_duration_s: int = 0
    unreviewed: int = 0
    flags_cleared: int = 0

    @property
    def one_key(self) -> int:
        """Calls with a one-key outcome (silent, hang-up, prank, wrong number, abusive, test)."""
        return sum(self.by_outcome.get(code, 0) for code in ONE_KEY_OUTCOMES)

    @property
    def flagged_without_case(self) -> int:
        return self.flagged - self.flagged_with_case


def child_age_text(age: int | None, age_band: str | None) -> str:
    """The first child's age as the log shows it: the exact age, else the band code, '' without a child."""
    if age is not None:
        return str(age)
    return age_band or ""


def shift_bounds(day: date, start: time, end: time) -> tuple[datetime, datetime]:
    """UTC bounds of a shift that starts on local ``day``; an end at or before the start is on the next day."""
    began = datetime.combine(day, start, VN_TZ)
    ends_on = day if end > start else day + timedelta(days=1)
    return began.astimezone(UTC), datetime.combine(ends_on, end, VN_TZ).astimezone(UTC)


def current_shift(now: datetime, shifts: list[tuple[str, time, time]]) -> tuple[date, int]:
    """(the local day the shift started, its index in ``shifts``) for the shift under way at ``now``.

    At 03:00 on the 29th that is the night shift of the 28th. When the settings leave a gap and no shift is
    under way, it is the shift that started last.
    """
    if not shifts:
        raise ValueError("no shifts configured")
    if now.tzinfo is None:
        raise ValueError("naive datetime: times must carry a timezone")
    today = local(now).date()
    latest: tuple[datetime, date, int] | None = None
    for day in (today - timedelta(days=1), today):
        for index, (_name, start, end) in enumerate(shifts):
            began, ends = shift_bounds(day, start, end)
            if began <= now < ends:
                return day, index
            if began <= now and (latest is None or began > latest[0]):
                latest = (began, day, index)
    assert latest is not None  # yesterday's shifts all started before now
    return latest[1], latest[2]


#: For this long after a shift begins the log opens on the shift before it: at 07:05 the lead wants last night's
#: calls, not the five minutes of the new day shift (the handover and the morning's review take this long).
HANDOVER = timedelta(hours=3)


def previous_shift(now: datetime, shifts: list[tuple[str, time, time]]) -> tuple[date, int]:
    """(the local day it started, its index) of the shift that ended last at or before ``now``: at 07:05 on the
    7th, with 07:00–19:00 and 19:00–07:00, the night shift of the 6th."""
    if not shifts:
        raise ValueError("no shifts configured")
    if now.tzinfo is None:
        raise ValueError("naive datetime: times must carry a timezone")
    today = local(now).date()
    ended = [
        (shift_bounds(day, start, end)[1], day, index)
        for day in (today - timedelta(days=2), today - timedelta(days=1), today)
        for index, (_name, start, end) in enumerate(shifts)
        if shift_bounds(day, start, end)[1] <= now
    ]
    _ended_at, day, index = max(ended)
    return day, index


def shift_to_open(
    now: datetime, shifts: list[tuple[str, time, time]], handover: timedelta = HANDOVER
) -> tuple[date, int, bool]:
    """The shift the daily log opens on: (its local day, its index, whether it is the one that just ended).

    During the first ``handover`` of a shift that is the shift before it, else the shift under way.
    """
    day, index = current_shift(now, shifts)
    began, _end = shift_bounds(day, shifts[index][1], shifts[index][2])
    if now - began < handover:
        return (*previous_shift(now, shifts), True)
    return day, index, False


def period_text(name: str, start: datetime, end: datetime) -> str:
    """A shift or range as the handover heads it: 'Ca đêm 19:00 28/11/2026 – 07:00 29/11/2026'."""
    a, b = local(start), local(end)
    text = f"{a:%H:%M %d/%m/%Y} – {b:%H:%M %d/%m/%Y}"
    return f"{name} {text}" if name else text
