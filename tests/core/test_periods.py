"""Report periods: months, quarters and years from the presets, at year edges and in leap years."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hotline.core.periods import PRESETS, matching_preset, month_bounds, preset_bounds, quarter_bounds


def test_month_bounds_know_february_and_december():
    """February of a leap year ends on the 29th; December ends on the 31st."""
    assert month_bounds(2028, 2) == (date(2028, 2, 1), date(2028, 2, 29))
    assert month_bounds(2026, 2) == (date(2026, 2, 1), date(2026, 2, 28))
    assert month_bounds(2026, 12) == (date(2026, 12, 1), date(2026, 12, 31))


def test_quarters():
    """Quarter 4 runs from 1 October to 31 December; a fifth quarter is refused."""
    assert quarter_bounds(2026, 4) == (date(2026, 10, 1), date(2026, 12, 31))
    assert quarter_bounds(2026, 1) == (date(2026, 1, 1), date(2026, 3, 31))
    with pytest.raises(ValueError):
        quarter_bounds(2026, 5)


def test_last_month_and_quarter_cross_the_new_year():
    """In January, "last month" is December and "last quarter" is Q4 of the year before."""
    today = date(2027, 1, 15)
    assert preset_bounds("last_month", today) == (date(2026, 12, 1), date(2026, 12, 31))
    assert preset_bounds("last_quarter", today) == (date(2026, 10, 1), date(2026, 12, 31))
    assert preset_bounds("last_year", today) == (date(2026, 1, 1), date(2026, 12, 31))


@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2099, 12, 31)), st.sampled_from(PRESETS))
def test_every_preset_is_a_whole_run_of_days(today, preset):
    """Each preset starts on the 1st of a month, ends on a month's last day, and "this" periods hold today."""
    first, last = preset_bounds(preset, today)
    assert first.day == 1 and (last + timedelta(days=1)).day == 1 and first <= last
    if preset.startswith("this_"):
        assert first <= today <= last
    else:
        assert last < today
    assert matching_preset(first, last, today) is not None


def test_a_custom_range_matches_no_preset():
    """Dates the user typed that are no preset are recognised as such."""
    assert matching_preset(date(2026, 11, 3), date(2026, 11, 20), date(2026, 11, 28)) is None


def test_a_share_just_below_the_target_never_reads_100():
    """2,999 of 3,000 reports with a case file shows 99,9 %, not the province's 100 % target; all of them 100 %."""
    from hotline.core.report_data import vn_percent

    assert vn_percent(2999 / 3000) == "99,9 %"
    assert vn_percent(1.0) == "100,0 %"
    assert vn_percent(0.875) == "87,5 %"
    assert vn_percent(None) == "—"
