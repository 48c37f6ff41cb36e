"""Whether the administrator has entered the public holidays the 5-working-day plan clock needs (DESIGN §5)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

#: From this month on, next year's holidays are asked for: Tết's dates are known by then, and a plan clock
#: started in late December already runs into January.
ASK_FROM_MONTH = 12


def missing_holiday_years(holidays: Iterable[date], today: date) -> list[int]:
    """The years whose public holidays are not entered yet: this year when it has none at all, and from December
    on next year when it has none. Empty when nothing is missing."""
    entered = {day.year for day in holidays}
    wanted = [today.year, today.year + 1] if today.month >= ASK_FROM_MONTH else [today.year]
    return [year for year in wanted if year not in entered]
