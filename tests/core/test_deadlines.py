"""Tests for the legal deadlines counted from a call (Nghị định 56/2017, DESIGN §5 "Deadlines")."""

from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from hotline.core.deadlines import add_working_days, is_working_day, plan_due, safety_due, separation_due
from hotline.core.timeutil import VN_TZ

TET_2027 = [date(2027, 2, 5) + timedelta(days=i) for i in range(7)]  # 05/02/2027 – 11/02/2027
LABOUR_DAY_2026 = [date(2026, 4, 30), date(2026, 5, 1)]
NEW_YEAR_2027 = [date(2027, 1, 1)]
TET_2026 = [date(2026, 2, 14) + timedelta(days=i) for i in range(9)]  # Sat 14/02/2026 – Sun 22/02/2026


def vn(y, mo, d, h=10, mi=0):
    return datetime(y, mo, d, h, mi, tzinfo=VN_TZ)


def end_of_vn_day(y, mo, d):
    """23:59:59 Vietnamese time (UTC+7, no daylight saving) of a day, written out in UTC by hand."""
    return datetime(y, mo, d, 16, 59, 59, tzinfo=UTC)


@pytest.mark.parametrize(
    ("start", "holidays", "due"),
    [
        pytest.param(vn(2026, 3, 2), (), end_of_vn_day(2026, 3, 9), id="monday-next-monday"),
        pytest.param(vn(2025, 11, 28, 21, 40), (), end_of_vn_day(2025, 12, 5), id="friday-evening-next-friday"),
        pytest.param(vn(2025, 11, 29), (), end_of_vn_day(2025, 12, 5), id="saturday-next-friday"),
        pytest.param(vn(2025, 11, 30), (), end_of_vn_day(2025, 12, 5), id="sunday-next-friday"),
        pytest.param(vn(2026, 3, 2, 23, 30), (), end_of_vn_day(2026, 3, 9), id="monday-2330-counts-from-tuesday"),
        pytest.param(vn(2026, 3, 2, 0, 0), (), end_of_vn_day(2026, 3, 9), id="monday-midnight"),
        pytest.param(
            datetime(2026, 3, 5, 16, 30, tzinfo=UTC), (), end_of_vn_day(2026, 3, 12), id="utc-1630-still-thursday-vn"
        ),
        pytest.param(
            datetime(2026, 3, 5, 17, 30, tzinfo=UTC), (), end_of_vn_day(2026, 3, 13), id="utc-1730-already-friday-vn"
        ),
        pytest.param(
            datetime(2026, 3, 2, 18, 0, tzinfo=UTC), (), end_of_vn_day(2026, 3, 10), id="utc-monday-is-vn-tuesday"
        ),
        pytest.param(vn(2027, 2, 4), TET_2027, end_of_vn_day(2027, 2, 18), id="thursday-before-tet-2027"),
        pytest.param(vn(2027, 2, 4), (), end_of_vn_day(2027, 2, 11), id="same-day-without-holidays"),
        pytest.param(vn(2027, 2, 8), TET_2027, end_of_vn_day(2027, 2, 18), id="call-during-tet"),
        pytest.param(vn(2026, 4, 29), LABOUR_DAY_2026, end_of_vn_day(2026, 5, 8), id="before-30-4-and-1-5"),
        pytest.param(vn(2026, 1, 29), (), end_of_vn_day(2026, 2, 5), id="january-end"),
        pytest.param(vn(2026, 2, 25), (), end_of_vn_day(2026, 3, 4), id="february-end"),
        pytest.param(vn(2028, 2, 24), (), end_of_vn_day(2028, 3, 2), id="leap-february-end"),
        pytest.param(vn(2026, 12, 30), (), end_of_vn_day(2027, 1, 6), id="year-end"),
        pytest.param(vn(2026, 12, 30), NEW_YEAR_2027, end_of_vn_day(2027, 1, 7), id="year-end-new-year-holiday"),
        pytest.param(vn(2026, 3, 2), [date(2026, 3, 7)], end_of_vn_day(2026, 3, 9), id="holiday-on-saturday-no-effect"),
        # across midnight: 23:30 counts from the next day, 00:30 is already that next day
        pytest.param(vn(2026, 3, 3, 0, 30), (), end_of_vn_day(2026, 3, 10), id="tuesday-0030-counts-from-wednesday"),
        pytest.param(vn(2026, 3, 6, 23, 30), (), end_of_vn_day(2026, 3, 13), id="friday-2330-next-friday"),
        pytest.param(vn(2026, 3, 7, 0, 30), (), end_of_vn_day(2026, 3, 13), id="saturday-0030-same-friday"),
        pytest.param(vn(2026, 3, 31, 23, 30), (), end_of_vn_day(2026, 4, 7), id="march-end-2330"),
        pytest.param(vn(2026, 4, 1, 0, 30), (), end_of_vn_day(2026, 4, 8), id="april-first-0030"),
        pytest.param(vn(2026, 4, 30, 10), (), end_of_vn_day(2026, 5, 7), id="april-end-without-holidays"),
        pytest.param(vn(2026, 4, 30, 10), LABOUR_DAY_2026, end_of_vn_day(2026, 5, 8), id="during-30-4-and-1-5"),
        # the day before Tết 2026 (Sat 14/02 – Sun 22/02): the plan clock stands still through the holiday run
        pytest.param(vn(2026, 2, 13, 20), TET_2026, end_of_vn_day(2026, 2, 27), id="friday-evening-before-tet-2026"),
        pytest.param(vn(2026, 2, 13, 20), (), end_of_vn_day(2026, 2, 20), id="before-tet-2026-if-not-listed"),
        pytest.param(vn(2026, 2, 14, 9), TET_2026, end_of_vn_day(2026, 2, 27), id="saturday-first-day-of-tet-2026"),
        pytest.param(vn(2026, 2, 22, 23, 30), TET_2026, end_of_vn_day(2026, 2, 27), id="last-evening-of-tet-2026"),
        pytest.param(vn(2026, 2, 23, 0, 30), TET_2026, end_of_vn_day(2026, 3, 2), id="monday-after-tet-0030"),
    ],
)
def test_plan_due(start, holidays, due):
    """The plan is due at the end of the 5th working day after the call's Vietnamese day, returned in UTC."""
    result = plan_due(start, holidays)
    assert result == due
    assert result.utcoffset() == timedelta(0)


@pytest.mark.parametrize(
    ("start", "due"),
    [
        pytest.param(vn(2025, 11, 28, 21, 40), datetime(2025, 11, 29, 2, 40, tzinfo=UTC), id="evening-to-morning"),
        pytest.param(datetime(2026, 3, 2, 0, 0, tzinfo=UTC), datetime(2026, 3, 2, 12, 0, tzinfo=UTC), id="utc"),
        pytest.param(
            datetime(2026, 12, 31, 20, 0, tzinfo=timezone(timedelta(hours=-5))),
            datetime(2027, 1, 1, 13, 0, tzinfo=UTC),
            id="other-offset-across-year",
        ),
        # the 12-hour clock read in Asia/Ho_Chi_Minh (UTC+7): expected values written in UTC by hand
        pytest.param(vn(2026, 3, 2, 12, 0), datetime(2026, 3, 2, 17, 0, tzinfo=UTC), id="vn-noon-to-midnight"),
        pytest.param(vn(2026, 3, 2, 13, 0), datetime(2026, 3, 2, 18, 0, tzinfo=UTC), id="vn-1300-to-0100-next-day"),
        pytest.param(vn(2026, 3, 2, 23, 30), datetime(2026, 3, 3, 4, 30, tzinfo=UTC), id="vn-2330-to-1130"),
        pytest.param(vn(2026, 3, 3, 0, 30), datetime(2026, 3, 3, 5, 30, tzinfo=UTC), id="vn-0030-to-1230"),
        pytest.param(vn(2026, 3, 6, 20, 0), datetime(2026, 3, 7, 1, 0, tzinfo=UTC), id="friday-evening-to-saturday"),
        pytest.param(vn(2026, 4, 30, 20, 0), datetime(2026, 5, 1, 1, 0, tzinfo=UTC), id="month-end-vn"),
        pytest.param(vn(2026, 12, 31, 23, 30), datetime(2027, 1, 1, 4, 30, tzinfo=UTC), id="year-end-vn"),
        pytest.param(
            datetime(2026, 12, 31, 16, 30, tzinfo=UTC), datetime(2027, 1, 1, 4, 30, tzinfo=UTC), id="same-moment-in-utc"
        ),
    ],
)
def test_safety_due(start, due):
    """The safety assessment is due 12 hours after the call, in UTC, whatever the weekday."""
    result = safety_due(start)
    assert result == due
    assert result.utcoffset() == timedelta(0)


@pytest.mark.parametrize(
    ("start", "local_due"),
    [
        (vn(2026, 3, 2, 13, 0), vn(2026, 3, 3, 1, 0)),
        (vn(2026, 2, 28, 21, 15), vn(2026, 3, 1, 9, 15)),
        (vn(2026, 12, 31, 23, 30), vn(2027, 1, 1, 11, 30)),
    ],
)
def test_safety_due_on_the_vietnamese_clock(start, local_due):
    """Shown in Vietnamese time, the safety time is the call's wall-clock time plus 12 hours, across midnight."""
    assert safety_due(start).astimezone(VN_TZ) == local_due


def test_safety_due_example_from_design():
    """A call at 21:40 on 28/11 is due for safety by 09:40 on 29/11 Vietnamese time (DESIGN §1 banner)."""
    assert safety_due(vn(2025, 11, 28, 21, 40)).astimezone(VN_TZ) == vn(2025, 11, 29, 9, 40)


@pytest.mark.parametrize("func", [safety_due, plan_due])
def test_naive_datetime_rejected(func):
    """A naive datetime raises ValueError: the local day of the call would be a guess."""
    with pytest.raises(ValueError, match="naive"):
        func(datetime(2026, 3, 2, 10, 0))


@pytest.mark.parametrize(
    ("day", "holidays", "working"),
    [
        (date(2026, 3, 2), (), True),  # Monday
        (date(2026, 3, 6), (), True),  # Friday
        (date(2026, 3, 7), (), False),  # Saturday
        (date(2026, 3, 8), (), False),  # Sunday
        (date(2027, 2, 8), TET_2027, False),  # Monday in Tết
        (date(2027, 2, 12), TET_2027, True),  # Friday after Tết
    ],
)
def test_is_working_day(day, holidays, working):
    """Working days are Monday to Friday, except listed holidays."""
    assert is_working_day(day, holidays) is working


@pytest.mark.parametrize(
    ("day", "n", "holidays", "expected"),
    [
        (date(2026, 3, 6), 1, (), date(2026, 3, 9)),  # Friday + 1 → Monday
        (date(2026, 3, 7), 1, (), date(2026, 3, 9)),  # Saturday + 1 → Monday
        (date(2026, 3, 2), 10, (), date(2026, 3, 16)),  # two weeks
        (date(2026, 3, 7), 0, (), date(2026, 3, 7)),  # n = 0 → the day itself
        (date(2027, 2, 4), 1, TET_2027, date(2027, 2, 12)),
        (date(2027, 2, 4), 1, iter(TET_2027), date(2027, 2, 12)),  # a one-shot iterable is fine
    ],
)
def test_add_working_days(day, n, holidays, expected):
    """add_working_days counts working days after the given day, skipping weekends and holidays."""
    assert add_working_days(day, n, holidays) == expected


def test_add_working_days_negative_rejected():
    """A negative count raises ValueError."""
    with pytest.raises(ValueError):
        add_working_days(date(2026, 3, 2), -1)


def test_plan_due_counts_a_swapped_saturday_and_skips_a_holiday():
    """Điều 28(1): five working days skip a public holiday and count a Saturday declared a swapped working day
    ("làm bù"), as an administrator lists them."""
    call = vn(2026, 4, 27, 14)  # Monday
    holidays = [date(2026, 4, 30), date(2026, 5, 1)]  # Thursday and Friday
    assert plan_due(call) == end_of_vn_day(2026, 5, 4)
    assert plan_due(call, holidays) == end_of_vn_day(2026, 5, 6)  # 28, 29, 4, 5, 6
    assert plan_due(call, holidays, [date(2026, 5, 2)]) == end_of_vn_day(2026, 5, 5)  # 28, 29, Sat 2, 4, 5
    assert plan_due(call, (), [date(2026, 5, 2)]) == end_of_vn_day(2026, 5, 2)  # 28, 29, 30, 1, Sat 2


def test_a_swapped_saturday_is_a_working_day():
    """A Saturday declared a swapped working day counts, even if also listed as a holiday by mistake."""
    saturday = date(2026, 5, 2)
    assert not is_working_day(saturday)
    assert is_working_day(saturday, working_days=[saturday])
    assert is_working_day(saturday, [saturday], [saturday])


def test_separation_due_is_15_days_later():
    """Điều 32: a temporary separation is due to end 15 days after its start, to the minute."""
    start = vn(2026, 3, 2, 22, 15)
    assert separation_due(start) == vn(2026, 3, 17, 22, 15)
    with pytest.raises(ValueError, match="naive"):
        separation_due(datetime(2026, 3, 2, 10, 0))
