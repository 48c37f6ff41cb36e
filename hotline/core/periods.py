"""Report periods as people choose them: this month, last quarter, a year… as (first day, last day) inclusive."""

from __future__ import annotations

from datetime import date, timedelta

PRESETS = ("this_month", "last_month", "this_quarter", "last_quarter", "this_year", "last_year")


def month_bounds(year: int, month: int) -> tuple[date, date]:
    first = date(year, month, 1)
    following = date(year + month // 12, month % 12 + 1, 1)
    return first, following - timedelta(days=1)


def quarter_bounds(year: int, quarter: int) -> tuple[date, date]:
    """Quarter 1–4 of ``year``."""
    if not 1 <= quarter <= 4:
        raise ValueError(f"quarter must be 1–4, not {quarter}")
    first_month = 3 * (quarter - 1) + 1
    return date(year, first_month, 1), month_bounds(year, first_month + 2)[1]


def year_bounds(year: int) -> tuple[date, date]:
    return date(year, 1, 1), date(year, 12, 31)


def preset_bounds(preset: str, today: date) -> tuple[date, date]:
    """The period a preset names, seen from ``today`` (local date). "this_…" runs to the period's end, so a
    report of this month also lists its days still to come (as zeros)."""
    quarter = (today.month - 1) // 3 + 1
    if preset == "this_month":
        return month_bounds(today.year, today.month)
    if preset == "last_month":
        year, month = (today.year, today.month - 1) if today.month > 1 else (today.year - 1, 12)
        return month_bounds(year, month)
    if preset == "this_quarter":
        return quarter_bounds(today.year, quarter)
    if preset == "last_quarter":
        return quarter_bounds(today.year, quarter - 1) if quarter > 1 else quarter_bounds(today.year - 1, 4)
    if preset == "this_year":
        return year_bounds(today.year)
    if preset == "last_year":
        return year_bounds(today.year - 1)
    raise ValueError(f"unknown period: {preset!r}")


def matching_preset(first: date, last: date, today: date) -> str | None:
    """The preset that gives exactly these days, if any (so the screen can show its name)."""
    return next((p for p in PRESETS if preset_bounds(p, today) == (first, last)), None)
