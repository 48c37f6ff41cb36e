"""Which shift the daily log opens on: the one that just ended during the first hours of a new shift."""

from __future__ import annotations

from datetime import date, datetime, time

from hotline.core.daily_log import previous_shift, shift_to_open
from hotline.core.timeutil import VN_TZ

DAY_NIGHT = [("Ca ngày", time(7), time(19)), ("Ca đêm", time(19), time(7))]
THREE = [("Sáng", time(6), time(14)), ("Chiều", time(14), time(22)), ("Đêm", time(22), time(6))]


def vn(d, h, mi=0):
    return datetime(2026, 12, d, h, mi, tzinfo=VN_TZ)


def test_at_seven_in_the_morning_the_log_opens_on_last_night():
    """At 07:05 on 07/12 a shift lead gets the night shift that began on the evening of 06/12, marked as ended."""
    assert shift_to_open(vn(7, 7, 5), DAY_NIGHT) == (date(2026, 12, 6), 1, True)


def test_later_in_the_shift_the_log_opens_on_the_shift_under_way():
    """At 11:00 the day shift under way is shown; at 21:00 (two hours into the night) the day shift just ended."""
    assert shift_to_open(vn(7, 11), DAY_NIGHT) == (date(2026, 12, 7), 0, False)
    assert shift_to_open(vn(7, 21), DAY_NIGHT) == (date(2026, 12, 7), 0, True)
    assert shift_to_open(vn(7, 23), DAY_NIGHT) == (date(2026, 12, 7), 1, False)


def test_the_shift_before_crosses_midnight_with_three_shifts():
    """At 06:30 the night shift (22:00–06:00) of the day before just ended; at 01:00 the evening shift did."""
    assert previous_shift(vn(7, 6, 30), THREE) == (date(2026, 12, 6), 2)
    assert previous_shift(vn(7, 1), THREE) == (date(2026, 12, 6), 1)
    assert shift_to_open(vn(7, 1), THREE) == (date(2026, 12, 6), 2, False)
