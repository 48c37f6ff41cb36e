"""The daily log's pure parts: shift bounds and the current shift in Vietnamese time, the filter's checks."""

from datetime import UTC, date, datetime, time, timedelta

import pytest

from hotline.core.daily_log import (
    SORT_KEYS,
    LogFilter,
    ShiftSummary,
    child_age_text,
    current_shift,
    period_text,
    shift_bounds,
)
from hotline.core.timeutil import VN_TZ

DAY_NIGHT = [("Ca ngày", time(7), time(19)), ("Ca đêm", time(19), time(7))]
THREE = [("Sáng", time(6), time(14)), ("Chiều", time(14), time(22)), ("Đêm", time(22), time(6))]
MORNING_ONLY = [("Sáng", time(7), time(11))]


def utc(y, mo, d, h=0, mi=0, s=0):
    return datetime(y, mo, d, h, mi, s, tzinfo=UTC)


def vn(y, mo, d, h=0, mi=0, s=0):
    """A Vietnamese wall-clock time (UTC+7 all year: no daylight saving)."""
    return datetime(y, mo, d, h, mi, s, tzinfo=VN_TZ)


@pytest.mark.parametrize(
    ("day", "start", "end", "expected"),
    [
        pytest.param(date(2026, 11, 28), time(7), time(19), (utc(2026, 11, 28, 0), utc(2026, 11, 28, 12)), id="day"),
        pytest.param(date(2026, 11, 28), time(19), time(7), (utc(2026, 11, 28, 12), utc(2026, 11, 29, 0)), id="night"),
        pytest.param(
            date(2026, 11, 30), time(19), time(7), (utc(2026, 11, 30, 12), utc(2026, 12, 1, 0)), id="month-end"
        ),
        pytest.param(date(2026, 12, 31), time(19), time(7), (utc(2026, 12, 31, 12), utc(2027, 1, 1, 0)), id="year-end"),
        pytest.param(date(2027, 2, 28), time(19), time(7), (utc(2027, 2, 28, 12), utc(2027, 3, 1, 0)), id="feb-end"),
        pytest.param(
            date(2028, 2, 28), time(22), time(6), (utc(2028, 2, 28, 15), utc(2028, 2, 28, 23)), id="leap-year-night"
        ),
        pytest.param(
            date(2026, 3, 2), time(0), time(0), (utc(2026, 3, 1, 17), utc(2026, 3, 2, 17)), id="whole-day-24h"
        ),
        pytest.param(
            date(2026, 3, 2), time(6, 30), time(6, 30), (utc(2026, 3, 1, 23, 30), utc(2026, 3, 2, 23, 30)), id="24h"
        ),
    ],
)
def test_shift_bounds(day, start, end, expected):
    """A shift's UTC bounds; an end at or before the start is on the next local day."""
    assert shift_bounds(day, start, end) == expected


@pytest.mark.parametrize(
    ("now", "shifts", "expected"),
    [
        pytest.param(vn(2026, 11, 29, 3), DAY_NIGHT, (date(2026, 11, 28), 1), id="0300-is-last-nights-shift"),
        pytest.param(utc(2026, 11, 28, 20), DAY_NIGHT, (date(2026, 11, 28), 1), id="same-moment-in-utc"),
        pytest.param(vn(2026, 11, 29, 6, 59, 59), DAY_NIGHT, (date(2026, 11, 28), 1), id="last-second-of-night"),
        pytest.param(vn(2026, 11, 29, 7), DAY_NIGHT, (date(2026, 11, 29), 0), id="0700-day-shift-begins"),
        pytest.param(vn(2026, 11, 29, 18, 59), DAY_NIGHT, (date(2026, 11, 29), 0), id="day-shift-end"),
        pytest.param(vn(2026, 11, 29, 19), DAY_NIGHT, (date(2026, 11, 29), 1), id="1900-night-begins"),
        pytest.param(vn(2026, 11, 29, 23, 59), DAY_NIGHT, (date(2026, 11, 29), 1), id="before-midnight"),
        pytest.param(vn(2026, 12, 1, 0, 30), DAY_NIGHT, (date(2026, 11, 30), 1), id="month-end-night"),
        pytest.param(vn(2027, 1, 1, 2), DAY_NIGHT, (date(2026, 12, 31), 1), id="new-year-night"),
        pytest.param(vn(2027, 3, 1, 5), DAY_NIGHT, (date(2027, 2, 28), 1), id="february-end-night"),
        pytest.param(vn(2028, 3, 1, 5), DAY_NIGHT, (date(2028, 2, 29), 1), id="leap-day-night"),
        pytest.param(utc(2026, 11, 28, 23, 30), DAY_NIGHT, (date(2026, 11, 28), 1), id="utc-2330-is-vn-0630"),
        pytest.param(utc(2026, 11, 29, 0, 0), DAY_NIGHT, (date(2026, 11, 29), 0), id="utc-midnight-is-vn-0700"),
        pytest.param(vn(2026, 5, 4, 23), THREE, (date(2026, 5, 4), 2), id="three-shifts-late"),
        pytest.param(vn(2026, 5, 5, 5), THREE, (date(2026, 5, 4), 2), id="three-shifts-small-hours"),
        pytest.param(vn(2026, 5, 5, 14), THREE, (date(2026, 5, 5), 1), id="three-shifts-afternoon"),
        pytest.param(vn(2026, 5, 5, 12), MORNING_ONLY, (date(2026, 5, 5), 0), id="gap-after-the-only-shift"),
        pytest.param(vn(2026, 5, 5, 5), MORNING_ONLY, (date(2026, 5, 4), 0), id="gap-before-it-yesterdays"),
    ],
)
def test_current_shift(now, shifts, expected):
    """The shift under way (or the one that started last when the settings leave a gap) and its start day."""
    assert current_shift(now, shifts) == expected


def test_current_shift_bounds_hold_now():
    """Every minute of two days lies inside the bounds of the shift current_shift names for it."""
    moment = vn(2026, 12, 30, 0, 0)
    while moment < vn(2027, 1, 1, 0, 0):
        day, index = current_shift(moment, DAY_NIGHT)
        start, end = shift_bounds(day, DAY_NIGHT[index][1], DAY_NIGHT[index][2])
        assert start <= moment < end
        moment += timedelta(minutes=17)


def test_current_shift_refuses_no_shifts_and_naive_times():
    """No shifts configured, or a time without a timezone, is a ValueError."""
    with pytest.raises(ValueError):
        current_shift(vn(2026, 1, 1), [])
    with pytest.raises(ValueError):
        current_shift(datetime(2026, 1, 1, 3), DAY_NIGHT)


def test_period_text():
    """The handover's heading of a night shift spans two dates in Vietnamese time."""
    start, end = shift_bounds(date(2026, 11, 28), time(19), time(7))
    assert period_text("Ca đêm", start, end) == "Ca đêm 19:00 28/11/2026 – 07:00 29/11/2026"
    assert period_text("", start, end) == "19:00 28/11/2026 – 07:00 29/11/2026"


def test_filter_checks_its_values():
    """A naive time, an unknown sort key, outcome or risk is refused; lines become a tuple."""
    start, end = utc(2026, 3, 2), utc(2026, 3, 3)
    with pytest.raises(ValueError):
        LogFilter(datetime(2026, 3, 2), end)
    with pytest.raises(ValueError):
        LogFilter(start, end, sort="summary; DROP TABLE calls")
    with pytest.raises(ValueError):
        LogFilter(start, end, outcome="nonsense")
    with pytest.raises(ValueError):
        LogFilter(start, end, risk="extreme")
    assert LogFilter(start, end, lines=["111"]).lines == ("111",)
    for key in SORT_KEYS:
        assert LogFilter(start, end, sort=key, descending=True).sort == key
    assert LogFilter(start, end, outcome="one_key").outcome == "one_key"


def test_child_age_text():
    """The exact age as text, else the band code, and nothing without a child."""
    assert child_age_text(0, "0-5") == "0"
    assert child_age_text(12, "11-15") == "12"
    assert child_age_text(None, "6-10") == "6-10"
    assert child_age_text(None, None) == ""


def test_summary_derived_counts():
    """One-key calls and flagged calls without a case follow from the summary's counts."""
    summary = ShiftSummary(
        total=10, by_outcome={"substantive": 4, "silent": 3, "prank": 2, "test": 1}, flagged=3, flagged_with_case=1
    )
    assert summary.one_key == 6
    assert summary.flagged_without_case == 2
