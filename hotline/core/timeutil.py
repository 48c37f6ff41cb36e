"""Time: stored as UTC milliseconds, shown in Asia/Ho_Chi_Minh (DESIGN §5 "Time")."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

VN_TZ = ZoneInfo("Asia/Ho_Chi_Minh")


def utcnow() -> datetime:
    return datetime.now(UTC)


def to_ms(moment: datetime) -> int:
    """A timezone-aware datetime as whole milliseconds since the Unix epoch."""
    if moment.tzinfo is None:
        raise ValueError("naive datetime: times must carry a timezone")
    return int(moment.timestamp() * 1000)


def from_ms(ms: int | None) -> datetime | None:
    if ms is None:
        return None
    return datetime.fromtimestamp(ms / 1000, UTC)


def local(moment: datetime) -> datetime:
    return moment.astimezone(VN_TZ)


def local_day_bounds(day: date) -> tuple[datetime, datetime]:
    """The UTC start (inclusive) and end (exclusive) of a Vietnamese calendar day."""
    start = datetime.combine(day, time(0, 0), VN_TZ)
    return start.astimezone(UTC), (start + timedelta(days=1)).astimezone(UTC)


def local_range_bounds(first: date, last: date) -> tuple[datetime, datetime]:
    """UTC bounds of the local dates ``first`` to ``last``, both inclusive."""
    return local_day_bounds(first)[0], local_day_bounds(last)[1]


def format_local(moment: datetime | None, with_date: bool = True) -> str:
    """``dd/MM/yyyy HH:mm`` in Vietnamese time, the way the centre writes it."""
    if moment is None:
        return ""
    lt = local(moment)
    return lt.strftime("%d/%m/%Y %H:%M") if with_date else lt.strftime("%H:%M")
