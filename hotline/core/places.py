"""Provinces and communes of Vietnam after the 2025 reform (vietnam-provinces), with An Giang as default."""

from __future__ import annotations

from functools import cache

from hotline.core.text import fold

#: The new An Giang (merged with Kiên Giang on 1 July 2025).
DEFAULT_PROVINCE = 91


@cache
def _provinces() -> dict[int, str]:
    from vietnam_provinces import Province

    return {int(p.code): p.name for p in Province.iter_all()}


@cache
def _wards() -> dict[int, tuple[int, str]]:
    from vietnam_provinces import Ward

    return {int(w.code): (int(w.province_code), w.name) for w in Ward.iter_all()}


def provinces() -> list[tuple[int, str]]:
    """(code, name) of every province, the default first, then alphabetical without accents."""
    items = sorted(_provinces().items(), key=lambda item: fold(item[1]))
    items.sort(key=lambda item: item[0] != DEFAULT_PROVINCE)
    return items


def wards_of(province_code: int) -> list[tuple[int, str]]:
    """(code, name) of the communes, wards and special zones of a province, alphabetical without accents."""
    items = [(code, name) for code, (prov, name) in _wards().items() if prov == province_code]
    return sorted(items, key=lambda item: fold(item[1]))


def province_name(code: int | None) -> str:
    return _provinces().get(code, "") if code is not None else ""


def ward_name(code: int | None) -> str:
    return _wards().get(code, (0, ""))[1] if code is not None else ""


def ward_province(code: int) -> int | None:
    entry = _wards().get(code)
    return entry[0] if entry else None
