"""The report's figures per person and per tier folded from store.stats_queries' rows: abused children, trafficking
victims, service levels, channels and referrals (definitions: core.report_data)."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Sequence

from hotline.core.models import CHANNELS, SERVICE_LEVELS, SEXES, age_band_for, age_group
from hotline.core.report_data import (
    CHILD_BANDS,
    FORM_NONE,
    FORM_TRAFFICKING,
    NOT_RECORDED,
    RECRUITMENT_INFO,
    REFERRALS,
    REFERRALS_OR_NONE,
    SETTINGS,
    VICTIM_AGE_GROUPS,
    VICTIM_DESTINATIONS,
    AbusedCell,
    AbusedChildren,
    AbusedWithoutCase,
    TraffickingVictims,
)


def in_order(counts: Counter, vocabulary: Iterable) -> dict:
    """A fixed vocabulary in its own order, zeros included; a stored value outside it (none expected) after it."""
    ordered = {key: counts.get(key, 0) for key in vocabulary}
    ordered.update(sorted((key, n) for key, n in counts.items() if n and key not in ordered))
    return ordered


def largest_first(counts: Counter) -> dict:
    """Open-ended keys (codes, communes) by count, largest first, then by key; None (not recorded) last of a tie."""
    return dict(sorted(counts.items(), key=lambda item: (-item[1], item[0] is None, item[0] or 0)))


def by_service_level(counts: Counter) -> dict[str, int]:
    """111's three tiers in order, zeros included; a call stored without one (before the tiers were recorded)
    under "not recorded", shown only when there is one, so the tiers still add up to the calls with content."""
    return in_order(Counter({level or NOT_RECORDED: n for level, n in counts.items()}), SERVICE_LEVELS)


def by_channel(rows: Iterable[tuple[str, int]], calls_received: int) -> dict[str, int]:
    """Every channel in order; phone calls are the calls received less those of the other channels."""
    others = Counter(dict(rows))
    return in_order(others + Counter({"phone": calls_received - sum(others.values())}), CHANNELS)


def by_referral(rows: Iterable[tuple[str, int]]) -> dict[str, int]:
    return in_order(Counter(dict(rows)), REFERRALS)


def _sex(value: str) -> str:
    return value if value in SEXES else "unknown"


def _band(age: int | None, band: str) -> str:
    """The report's band: the exact age's, else the band the operator chose (unknown when it is none of them)."""
    return age_band_for(age) if age is not None else (band if band in CHILD_BANDS else "unknown")


def _setting(value: str) -> str:
    return value if value in SETTINGS and value != NOT_RECORDED else NOT_RECORDED


def _forms(codes: str | None) -> set[str]:
    """An abused child's forms: the abuse categories of the call, "trafficking" for a trafficking purpose."""
    forms = set()
    for code in (codes or "").split():
        forms.add(code if code.startswith("abuse.") else FORM_TRAFFICKING)
    return forms or {FORM_NONE}


def abused_children(rows: Sequence[tuple], vocabulary: Sequence[str]) -> tuple[AbusedChildren, int, int, int]:
    """The breakdowns of the abused children (the rows of the "abused" statement, every age group: only children
    in law count here), how many of them have a case file, and the abused minors (16–17) and how many of them have
    one: counted apart (docs/law.md "Who is a child")."""
    sexes: Counter[str] = Counter()
    bands: Counter[str] = Counter()
    settings: Counter[str] = Counter()
    communes: Counter[int | None] = Counter()
    forms: Counter[str] = Counter()
    cells: Counter[tuple[str, str, str, str]] = Counter()
    with_case = minors = minors_with_case = 0
    for sex, age, band, setting, ward, codes, has_case, count in rows:
        group = age_group(age, band)
        if group == "minor":
            minors += count
            minors_with_case += count if has_case else 0
        if group != "child":
            continue
        sex, band, setting = _sex(sex), _band(age, band), _setting(setting)
        sexes[sex] += count
        bands[band] += count
        settings[setting] += count
        communes[ward] += count
        with_case += count if has_case else 0
        for form in _forms(codes):
            forms[form] += count
            cells[form, sex, band, setting] += count
    form_order = [*(code for code in vocabulary if code.startswith("abuse.")), FORM_TRAFFICKING, FORM_NONE]
    by_form = in_order(forms, form_order)
    rank = {
        name: {key: n for n, key in enumerate(order)}
        for name, order in (("form", by_form), ("sex", SEXES), ("band", CHILD_BANDS), ("setting", SETTINGS))
    }
    ordered = sorted(
        cells.items(),
        key=lambda item: tuple(rank[name].get(key, len(rank[name])) for name, key in zip(rank, item[0], strict=True)),
    )
    breakdown = AbusedChildren(
        by_form=by_form,
        by_sex=in_order(sexes, SEXES),
        by_age_band=in_order(bands, CHILD_BANDS),
        by_setting=in_order(settings, SETTINGS),
        by_commune=largest_first(communes),
        cells=tuple(AbusedCell(*key, n) for key, n in ordered),
    )
    return breakdown, with_case, minors, minors_with_case


def _age_group(age: int | None, band: str) -> str:
    """child / minor / adult as the law has it, or unknown (the safe side's "child" told apart here)."""
    if age is None and band not in ("0-5", "6-10", "11-15", "16-17", "18+"):
        return "unknown"
    return age_group(age, band)


def trafficking_victims(rows: Sequence[tuple], vocabulary: Sequence[str]) -> TraffickingVictims:
    """The people named on trafficking reports (the rows of the "victims" statement) broken down."""
    sexes: Counter[str] = Counter()
    groups: Counter[str] = Counter()
    destinations: Counter[str] = Counter()
    purposes: Counter[str] = Counter()
    referrals: Counter[str] = Counter()
    for sex, age, band, destination, codes, referred, count in rows:
        sexes[_sex(sex)] += count
        groups[_age_group(age, band)] += count
        destinations[destination if destination in VICTIM_DESTINATIONS else NOT_RECORDED] += count
        for code in set((codes or "").split()):
            purposes[code] += count
        for place in set(json.loads(referred or "[]")) or {"none"}:
            referrals[place] += count
    purpose_order = [code for code in vocabulary if code.startswith("trafficking.") and code != RECRUITMENT_INFO]
    return TraffickingVictims(
        total=sum(sexes.values()),
        by_sex=in_order(sexes, SEXES),
        by_age_group=in_order(groups, VICTIM_AGE_GROUPS),
        by_destination=in_order(destinations, VICTIM_DESTINATIONS),
        by_purpose=in_order(purposes, purpose_order),
        by_referral=in_order(referrals, REFERRALS_OR_NONE),
    )


def abused_without_case(rows: Iterable[tuple]) -> tuple[AbusedWithoutCase, ...]:
    return tuple(
        AbusedWithoutCase(call_id, started, line, child_id, _sex(sex), _band(age, band))
        for call_id, started, line, child_id, sex, age, band in rows
    )
