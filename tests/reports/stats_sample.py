"""Hand-made statistics reports for the writer and chart tests: a realistic month or year, and an empty one."""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, timedelta

from hotline.core.report_data import (
    AbusedCell,
    AbusedChildren,
    AbusedWithoutCase,
    Indicators,
    MonthRow,
    ReportData,
    TraffickingVictims,
    WithoutCase,
)
from hotline.core.timeutil import to_ms

CENTRE = "Trung tâm Công tác xã hội tỉnh An Giang"
LINE_NAMES = {"111": "Tổng đài quốc gia bảo vệ trẻ em 111", "18008077": "Đường dây nóng phòng, chống mua bán người"}
# Where the calls come in, hour by hour (local time): quiet at night, busiest after school and in the evening.
HOUR_WEIGHTS = (2, 1, 1, 1, 1, 2, 4, 6, 8, 9, 9, 8, 7, 8, 9, 10, 12, 14, 16, 18, 20, 17, 11, 5)


def spread(total: int, weights) -> list[int]:
    """``total`` split in proportion to ``weights`` (largest remainders), so the parts add up exactly."""
    whole = sum(weights)
    exact = [total * w / whole for w in weights]
    parts = [int(x) for x in exact]
    for index in sorted(range(len(exact)), key=lambda i: parts[i] - exact[i])[: total - sum(parts)]:
        parts[index] += 1
    return parts


def abused_sample(children: int, rng: random.Random) -> AbusedChildren:
    """``children`` abused children, each under one form, spread over sex, age band and setting; the breakdowns
    are the sums of the cells, so every one adds up."""
    forms = ("abuse.violence", "abuse.sexual", "abuse.neglect", "abuse.online_sexual", "abuse.child_labour",
             "trafficking")  # fmt: skip
    sexes, bands = ("male", "female", "unknown"), ("0-5", "6-10", "11-15", "unknown")
    settings = ("family", "school", "community", "online", "workplace", "other", "not_recorded")
    cells: dict[tuple[str, str, str, str], int] = {}
    for _ in range(children):
        key = (
            rng.choices(forms, (40, 18, 20, 8, 6, 3))[0],
            rng.choices(sexes, (44, 52, 4))[0],
            rng.choices(bands, (14, 30, 46, 10))[0],
            rng.choices(settings, (50, 14, 18, 9, 2, 3, 4))[0],
        )
        cells[key] = cells.get(key, 0) + 1  # fmt: skip

    def total(index: int, keys) -> dict:
        return {k: sum(n for cell, n in cells.items() if cell[index] == k) for k in keys}

    abuse_codes = (
        "abuse.violence", "abuse.exploitation", "abuse.child_labour", "abuse.sexual", "abuse.online_sexual",
        "abuse.sale", "abuse.abandonment", "abuse.neglect", "abuse.other", "trafficking", "none",
    )  # fmt: skip
    order = {
        name: {k: n for n, k in enumerate(keys)} for name, keys in enumerate((abuse_codes, sexes, bands, settings))
    }
    ordered = sorted(cells.items(), key=lambda item: tuple(order[i][k] for i, k in enumerate(item[0])))
    return AbusedChildren(
        by_form=total(0, abuse_codes), by_sex=total(1, sexes), by_age_band=total(2, bands),
        by_setting=total(3, settings),
        by_commune=dict(zip((30307, 30316, 30742, None), spread(children, (40, 25, 20, 15)), strict=True)),
        cells=tuple(AbusedCell(*key, n) for key, n in ordered),
    )  # fmt: skip


def victims_sample(total: int) -> TraffickingVictims:
    """``total`` people named on trafficking reports: children, minors and adults, most taken to Cambodia."""
    purposes = (
        "trafficking.for_money", "trafficking.sexual_exploitation", "trafficking.forced_labour",
        "trafficking.organ_removal", "trafficking.forced_marriage", "trafficking.baby_sale",
        "trafficking.adoption_for_profit", "trafficking.forced_crime", "trafficking.other_inhumane",
    )  # fmt: skip
    referrals = ("police_113", "health_115", "commune", "health_dept", "school", "border_guard", "ngo_shelter",
                 "other", "none")  # fmt: skip
    return TraffickingVictims(
        total=total,
        by_sex=dict(zip(("male", "female", "unknown"), spread(total, (40, 55, 5)), strict=True)),
        by_age_group=dict(zip(("child", "minor", "adult", "unknown"), spread(total, (25, 20, 45, 10)), strict=True)),
        by_destination=dict(zip(("cambodia", "laos", "china", "myanmar", "vietnam", "other", "not_recorded"),
                                spread(total, (55, 5, 12, 8, 10, 2, 8)), strict=True)),
        by_purpose=dict(zip(purposes, spread(total + 4, (6, 18, 22, 1, 12, 2, 1, 35, 3)), strict=True)),
        by_referral=dict(zip(referrals, spread(total + 6, (30, 2, 22, 0, 0, 26, 8, 2, 10)), strict=True)),
    )  # fmt: skip


def sample_report(first: date = date(2026, 11, 1), last: date = date(2026, 11, 30), calls: int = 3105) -> ReportData:
    """A report whose parts agree with each other: days, hours and months add up to the calls received."""
    rng = random.Random(f"{first}{last}{calls}")
    days = [first + timedelta(days=n) for n in range((last - first).days + 1)]
    day_counts = spread(calls, [(0.8 if d.weekday() >= 5 else 1.0) * rng.uniform(0.7, 1.3) for d in days])
    per_day = dict(zip(days, day_counts, strict=True))
    hour_weekday = [[0] * 24 for _ in range(7)]
    for day, count in per_day.items():
        for hour, n in enumerate(spread(count, [w * rng.uniform(0.6, 1.4) for w in HOUR_WEIGHTS])):
            hour_weekday[day.weekday()][hour] += n
    months = []
    for month in sorted({d.replace(day=1) for d in days}):
        n = sum(c for d, c in per_day.items() if d.replace(day=1) == month)
        months.append(MonthRow(month, n, n * 2 // 5, n * 36 // 1000, n * 92 // 100, n * 35 // 100, n * 29 // 1000))
    substantive = calls * 2 // 5  # 1242 of 3105
    one_key = spread(calls - substantive, (820, 610, 230, 120, 45, 40))
    reports = 112 * calls // 3105
    with_case = reports * 7 // 8
    start = datetime.combine(first, datetime.min.time(), UTC)
    without_case = tuple(
        WithoutCase(
            call_id=4000 + 17 * n,
            started_at_ms=to_ms(start + timedelta(hours=31 * n + 13, minutes=7 * n)),
            line="18008077" if n % 4 == 3 else "111",
            categories=("trafficking.forced_labour",)
            if n % 4 == 3
            else ("abuse.violence", "abuse.neglect")[: 1 + n % 2],
        )
        for n in range(reports - with_case)
    )
    children = substantive * 9 // 10
    abused = abused_sample(57 * calls // 3105, rng)
    abused_count = sum(abused.by_sex.values())
    abused_with_case = abused_count - 8 * calls // 3105
    abused_without_case = tuple(
        AbusedWithoutCase(
            call_id=5000 + 13 * n,
            started_at_ms=to_ms(start + timedelta(hours=47 * n + 9, minutes=11 * n)),
            line="111",
            child_id=9000 + 2 * n,
            sex=("female", "male")[n % 2],
            age_band=("6-10", "11-15", "unknown")[n % 3],
        )
        for n in range(abused_count - abused_with_case)
    )
    return ReportData(
        first_day=first,
        last_day=last,
        lines=(),
        indicators=Indicators(
            calls_received=calls,
            substantive=substantive,
            with_record=substantive - 62 * calls // 3105,
            counselling=760 * calls // 3105,
            abuse_reports=96 * calls // 3105,
            trafficking_reports=24 * calls // 3105,
            reports=reports,
            reports_with_case=with_case,
            cases_opened=with_case + 3,
            cases_closed=77 * calls // 3105,
            cases_overdue=5,
            median_hours_to_case=6.4166,
            children_abused=abused_count,
            children_abused_with_case=abused_with_case,
            children_supported=with_case + 9,
        ),
        by_service_level=dict(
            zip(("information", "counselling", "intervention"), spread(substantive, (30, 55, 15)), strict=True)
        ),
        by_channel=dict(zip(("phone", "zalo", "app", "walk_in"), spread(calls, (93, 4, 2, 1)), strict=True)),
        by_referral={
            "police_113": 21,
            "health_115": 4,
            "commune": 58,
            "health_dept": 2,
            "school": 9,
            "border_guard": 7,
            "ngo_shelter": 5,
            "other": 3,
        },
        abused_children=abused,
        trafficking_victims=victims_sample(31 * calls // 3105),
        abused_without_case=abused_without_case,
        by_line={"111": calls - calls * 455 // 3105, "18008077": calls * 455 // 3105},
        by_outcome=dict(zip(("silent", "hang_up", "prank", "wrong_number", "abusive", "test"), one_key, strict=True))
        | {"substantive": substantive},
        by_category_group={"abuse": 96, "rights": 9, "trafficking": 31, "counselling": 760, "info": 330},
        by_category={
            "abuse.violence": 41,
            "abuse.sexual": 18,
            "abuse.neglect": 22,
            "abuse.child_labour": 9,
            "abuse.online_sexual": 11,
            "rights.child_marriage": 5,
            "rights.missing": 4,
            "trafficking.forced_labour": 14,
            "trafficking.forced_crime": 10,
            "trafficking.recruitment_info": 7,
            "counselling.relationships": 301,
            "counselling.mental_health": 188,
            "counselling.education": 142,
            "counselling.reproductive_health": 77,
            "counselling.online_safety": 52,
            "info.hotline": 210,
            "info.services": 120,
        },
        children_by_sex=dict(zip(("male", "female", "unknown"), spread(children, (46, 50, 4)), strict=True)),
        children_by_age_band=dict(
            zip(
                ("0-5", "6-10", "11-15", "16-17", "18+", "unknown"),
                spread(children, (8, 21, 44, 17, 2, 8)),
                strict=True,
            )
        ),
        children_by_commune=dict(
            zip(
                (30307, 30316, 30742, 31078, 30292, 30376, None),
                spread(children, (30, 14, 12, 9, 5, 4, 26)),
                strict=True,
            )
        ),
        by_caller_relation=dict(
            zip(
                (
                    "self",
                    "parent",
                    "relative",
                    "neighbour",
                    "teacher",
                    "friend",
                    "official",
                    "other",
                    "unknown",
                    "carer",
                ),
                spread(substantive, (38, 27, 8, 6, 5, 4, 3, 2, 6, 1)),
                strict=True,
            )
        ),
        hour_weekday=tuple(tuple(row) for row in hour_weekday),
        per_day=per_day,
        months=tuple(months),
        without_case=without_case,
    )


def empty_report(first: date = date(2026, 11, 1), last: date = date(2026, 11, 30)) -> ReportData:
    """A period without a single call (as the store gives it: zeros, empty breakdowns)."""
    days = [first + timedelta(days=n) for n in range((last - first).days + 1)]
    return ReportData(
        first_day=first,
        last_day=last,
        lines=("111",),
        indicators=Indicators(),
        hour_weekday=tuple(tuple([0] * 24) for _ in range(7)),
        per_day=dict.fromkeys(days, 0),
        months=(MonthRow(first.replace(day=1), 0, 0, 0, 0, 0, 0),),
    )


def with_open_reports(data: ReportData, listed: int, total: int) -> ReportData:
    """``data`` with ``total`` reports without a case file of which the store listed the oldest ``listed`` (as it
    does up to its limit): one every 10 minutes from the period's first local morning, alternating the lines."""
    start = datetime.combine(data.first_day, datetime.min.time(), UTC)
    items = tuple(
        WithoutCase(70_000 + n, to_ms(start + timedelta(minutes=10 * n)), ("111", "18008077")[n % 2],
                    ("abuse.violence",))
        for n in range(listed)
    )  # fmt: skip
    ind = data.indicators
    indicators = Indicators(**{**ind.__dict__, "reports": ind.reports_with_case + total})
    return ReportData(**{**data.__dict__, "indicators": indicators, "without_case": items})
