"""Time: stored as UTC milliseconds, shown in Asia/Ho_Chi_Minh (DESIGN §5 "Time")."""

from __future__ import annotations

import threading
import time
from datetime import UTC, date, datetime, timedelta
from datetime import time as clock_time
from zoneinfo import ZoneInfo

VN_TZ = ZoneInfo("Asia/Ho_Chi_Minh")
EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
#: The times a call may carry (store.calls refuses others). Wide enough for any PC clock left wrong by a flat
#: CMOS battery (1980, 2000 …), narrow enough that every date shows and computes in Vietnamese time.
EARLIEST = datetime(1900, 1, 1, tzinfo=UTC)
LATEST = datetime(2200, 1, 1, tzinfo=UTC)
_ONE_MS = timedelta(milliseconds=1)

_clock_lock = threading.Lock()
_last_reading: tuple[int, int] | None = None  # (the wall-clock ns utcnow last returned, the monotonic ns then)


def utcnow() -> datetime:
    """Now in UTC, never earlier than a moment this process has already returned.

    The PC's clock may be set back (by a person, or by time synchronisation). Calls are
    stamped and ordered by this clock, so a second call must never look older than the first: after a backward
    jump the time goes on from the last value at the pace of the monotonic clock, until the system clock catches
    up. A forward jump is followed at once (the clock was probably wrong before). The guarantee holds within one
    process; a program started after the jump reads the system clock as it is.
    """
    global _last_reading
    with _clock_lock:
        wall, steady = time.time_ns(), time.monotonic_ns()
        if _last_reading is not None:
            wall = max(wall, _last_reading[0] + steady - _last_reading[1])
        _last_reading = (wall, steady)
    return EPOCH + timedelta(microseconds=wall // 1000)


def clock_set_back() -> timedelta:
    """How far the PC's clock is behind the time this process keeps: zero unless it was set back while running
    (then the calls of this run keep the time from before, and a restart takes the PC's clock as it is)."""
    with _clock_lock:
        if _last_reading is None:
            return timedelta(0)
        wall, steady = time.time_ns(), time.monotonic_ns()
        ours = _last_reading[0] + steady - _last_reading[1]
    return timedelta(microseconds=max(0, ours - wall) // 1000)


def to_ms(moment: datetime) -> int:
    """A timezone-aware datetime as whole milliseconds since the Unix epoch (exact: no float rounding)."""
    if moment.tzinfo is None:
        raise ValueError("naive datetime: times must carry a timezone")
    return (moment - EPOCH) // _ONE_MS


def from_ms(ms: int | None) -> datetime | None:
    if ms is None:
        return None
    return EPOCH + timedelta(0, 0, 0, ms)  # positional: milliseconds, and faster than the keyword


def in_supported_range(moment: datetime) -> bool:
    """Whether a call may carry this time (EARLIEST ≤ moment < LATEST)."""
    return EARLIEST <= moment < LATEST


def local(moment: datetime) -> datetime:
    return moment.astimezone(VN_TZ)


def local_day_bounds(day: date) -> tuple[datetime, datetime]:
    """The UTC start (inclusive) and end (exclusive) of a Vietnamese calendar day.

    A date picker offers 1/1/1 to 31/12/9999; the bounds of the first and last days are cut to what a datetime
    holds (no call is that old or that new) rather than overflow.
    """
    start = datetime.combine(day, clock_time(0, 0), VN_TZ)
    first = datetime.min.replace(tzinfo=UTC) if day == date.min else start.astimezone(UTC)
    last = datetime.max.replace(tzinfo=UTC) if day == date.max else (start + timedelta(days=1)).astimezone(UTC)
    return first, last


def local_range_bounds(first: date, last: date) -> tuple[datetime, datetime]:
    """UTC bounds of the local dates ``first`` to ``last``, both inclusive."""
    return local_day_bounds(first)[0], local_day_bounds(last)[1]


def format_local(moment: datetime | None, with_date: bool = True) -> str:
    """``dd/MM/yyyy HH:mm`` in Vietnamese time, the way the centre writes it."""
    if moment is None:
        return ""
    lt = local(moment)
    return lt.strftime("%d/%m/%Y %H:%M") if with_date else lt.strftime("%H:%M")
