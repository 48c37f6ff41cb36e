"""Which backups rotation keeps (newest of each recent local day and month) and how backup files are named."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hotline.core.backups import KINDS, backup_name, backups_to_keep, parse_backup_name

#: Vietnam's clock, written out here rather than taken from the program.
VN = ZoneInfo("Asia/Ho_Chi_Minh")

stamps_strategy = st.lists(
    st.datetimes(min_value=datetime(2020, 1, 1), max_value=datetime(2030, 12, 31), timezones=st.just(UTC)),
    max_size=60,
)


def expected_after_days(days: list[date], daily: int, monthly: int) -> set[date]:
    """The days whose backup must remain: the last ``daily`` days, and the last day of each of the ``monthly``
    most recent months (computed from calendar months, without the program's grouping)."""
    kept = set(sorted(days)[-daily:])
    months = sorted({(day.year, day.month) for day in days})[-monthly:]
    for year, month in months:
        kept.add(max(day for day in days if (day.year, day.month) == (year, month)))
    return kept


def test_rule_over_400_simulated_days():
    """One backup a day for 400 days, rotated each day, leaves the last 30 days and the 12 months' last days."""
    first = date(2025, 3, 17)
    kept: set[datetime] = set()
    days = []
    for offset in range(400):
        day = first + timedelta(days=offset)
        days.append(day)
        kept.add(datetime.combine(day, time(7, 30), VN).astimezone(UTC))
        kept = backups_to_keep(kept, daily=30, monthly=12)
    kept_days = {stamp.astimezone(VN).date() for stamp in kept}
    assert kept_days == expected_after_days(days, 30, 12)
    assert set(days[-30:]) <= kept_days
    assert len({(day.year, day.month) for day in kept_days}) == 12  # the 30 days fall in the last two months
    assert len(kept) == len(kept_days)


def test_only_the_newest_of_a_day_is_kept():
    """Of a day's start, manual and exit backups only the newest stays once the day is a daily one."""
    day = [datetime(2026, 5, 4, hour, tzinfo=VN) for hour in (7, 12, 19)]
    assert backups_to_keep(day, daily=30, monthly=12) == {day[-1]}


def test_vietnamese_date_decides_the_day_and_month():
    """23:00 and 01:00 Vietnamese time around 1 February are two days and two months, though one UTC day."""
    before_midnight = datetime(2026, 1, 31, 16, 0, tzinfo=UTC)  # 23:00 on 31/01 in Vietnam
    after_midnight = datetime(2026, 1, 31, 18, 0, tzinfo=UTC)  # 01:00 on 01/02 in Vietnam
    both = [before_midnight, after_midnight]
    assert backups_to_keep(both, daily=2, monthly=0) == set(both)
    assert backups_to_keep(both, daily=0, monthly=2) == set(both)
    assert backups_to_keep(both, daily=1, monthly=0) == {after_midnight}


def test_counts_of_zero_still_keep_the_newest():
    """With nothing to keep by the settings, the backup just taken is still kept."""
    stamps = [datetime(2026, 5, day, 8, tzinfo=VN) for day in (1, 2, 3)]
    assert backups_to_keep(stamps, daily=0, monthly=0) == {stamps[-1]}
    assert backups_to_keep([], daily=30, monthly=12) == set()


@given(stamps_strategy, st.integers(0, 40), st.integers(0, 15))
def test_rule_properties(stamps, daily, monthly):
    """The kept set is part of the input, holds the newest, is no bigger than the counts, and is stable."""
    kept = backups_to_keep(stamps, daily=daily, monthly=monthly)
    assert kept <= set(stamps)
    if stamps:
        assert max(stamps) in kept
    assert len(kept) <= max(1, daily + monthly) if stamps else not kept
    assert backups_to_keep(kept, daily=daily, monthly=monthly) == kept  # rotating again deletes nothing more
    local_days = sorted({stamp.astimezone(VN).date() for stamp in stamps}, reverse=True)
    assert set(local_days[:daily]) <= {stamp.astimezone(VN).date() for stamp in kept}


@pytest.mark.parametrize("kind", KINDS)
def test_name_round_trip(kind):
    """A backup's name carries its Vietnamese time to the second and its kind, and reads back the same."""
    moment = datetime(2026, 11, 28, 17, 5, 9, 123456, tzinfo=UTC)
    name = backup_name(moment, kind)
    assert name == f"hotline-20261129-000509-{kind}.sqlite3"
    taken_at, parsed_kind = parse_backup_name(name)
    assert (taken_at, parsed_kind) == (moment.replace(microsecond=0), kind)


@pytest.mark.parametrize(
    "name",
    [
        "hotline.sqlite3",
        "hotline-20261129-000509-weekly.sqlite3",
        "hotline-20261329-000509-daily.sqlite3",
        "hotline-20261129-000509-daily.sqlite3-wal",
        ".hotline-abc.partial",
        "notes.txt",
    ],
)
def test_other_names_are_not_backups(name):
    """Files that are not backups Hotline wrote are not read as backups (so rotation leaves them)."""
    assert parse_backup_name(name) is None


@given(st.text(max_size=60))
def test_parse_never_raises(name):
    """Any file name in the folder is either one of ours or None, never an exception."""
    parsed = parse_backup_name(name)
    assert parsed is None or parsed[1] in KINDS


def test_unknown_kind_is_refused():
    """A typo in a kind raises instead of writing a file rotation would not recognise."""
    with pytest.raises(ValueError):
        backup_name(datetime(2026, 1, 1, tzinfo=UTC), "weekly")
