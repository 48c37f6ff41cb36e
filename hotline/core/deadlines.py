"""Legal deadlines of a case counted from the call (Nghị định 56/2017/NĐ-CP; DESIGN §5 "Deadlines")."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, date, datetime, time, timedelta

from hotline.core.timeutil import VN_TZ

#: Điều 26(3), 32: within 12 hours the commune chairman applies emergency measures or separates the child.
SAFETY_HOURS = 12
#: Điều 32: a temporary separation lasts at most 15 days unless a competent authority extends it.
SEPARATION_DAYS = 15
#: Điều 28: the support / intervention plan is drafted within 5 working days.
PLAN_WORKING_DAYS = 5
#: The last moment of a local day that still counts as "within" it.
END_OF_DAY = time(23, 59, 59)


def _require_aware(moment: datetime) -> None:
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError("naive datetime: deadlines need a timezone-aware start time")


def safety_due(start: datetime) -> datetime:
    """The end of the 12-hour clock (emergency measures or temporary separation): 12 hours after ``start``, UTC."""
    _require_aware(start)
    # add in UTC: adding to a local wall clock would be wrong in any zone with daylight saving
    return start.astimezone(UTC) + timedelta(hours=SAFETY_HOURS)


def is_working_day(day: date, holidays: Iterable[date] = (), working_days: Iterable[date] = ()) -> bool:
    """Monday to Friday and not one of ``holidays``, or one of ``working_days`` (a Saturday declared a swapped
    working day, "làm bù", to make up for a bridge holiday)."""
    on = working_days if isinstance(working_days, set | frozenset) else set(working_days)
    if day in on:
        return True
    off = holidays if isinstance(holidays, set | frozenset) else set(holidays)
    return day.weekday() < 5 and day not in off


def add_working_days(day: date, n: int, holidays: Iterable[date] = (), working_days: Iterable[date] = ()) -> date:
    """The ``n``-th working day after ``day`` (``day`` itself is not counted; n = 0 gives ``day``)."""
    if n < 0:
        raise ValueError("n must not be negative")
    off, on = frozenset(holidays), frozenset(working_days)
    current = day
    while n > 0:
        current += timedelta(days=1)
        if is_working_day(current, off, on):
            n -= 1
    return current


def plan_due(start: datetime, holidays: Iterable[date] = (), working_days: Iterable[date] = ()) -> datetime:
    """The end (23:59:59 Vietnamese time) of the 5th working day after the local day of ``start``, in UTC
    (Điều 28(1)); ``working_days`` are the swapped working Saturdays."""
    _require_aware(start)
    # the call's day is the Vietnamese calendar day: 01:00 UTC is already 08:00 of the next local day
    call_day = start.astimezone(VN_TZ).date()
    due_day = add_working_days(call_day, PLAN_WORKING_DAYS, holidays, working_days)
    return datetime.combine(due_day, END_OF_DAY, VN_TZ).astimezone(UTC)


def separation_due(start: datetime) -> datetime:
    """The end of a temporary separation begun at ``start``: 15 days later (Điều 32), in UTC."""
    _require_aware(start)
    return start.astimezone(UTC) + timedelta(days=SEPARATION_DAYS)
