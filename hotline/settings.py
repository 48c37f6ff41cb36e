"""Centre-wide settings: declared once here with their types and defaults, stored in the database."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date, time
from pathlib import Path

import sqlite_utils

from hotline.core.places import DEFAULT_PROVINCE, province_name
from hotline.core.text import fold
from hotline.core.wording import QT_TRANSLATE_NOOP
from hotline.store.access import Actor
from hotline.store.settings import SettingsError

__all__ = ["REGISTRY", "Setting", "Settings", "SettingsError", "save", "validate"]


@dataclass(frozen=True)
class Setting:
    key: str
    type: type
    default: object
    description: str


REGISTRY: dict[str, Setting] = {
    s.key: s
    for s in (
        Setting("centre_name", str, "Trung tâm Công tác xã hội tỉnh An Giang", "name printed on reports"),
        Setting("case_prefix", str, "AG", "prefix of case numbers, AG-YYYY-NNNNN"),
        Setting("default_province", int, DEFAULT_PROVINCE, "province preselected for a child's place"),
        Setting(
            "shifts",
            list,
            [
                {"name": "Ca ngày", "start": "07:00", "end": "19:00"},
                {"name": "Ca đêm", "start": "19:00", "end": "07:00"},
            ],
            "shifts of the day, local time",
        ),
        Setting("holidays", list, [], "public holidays (ISO dates) skipped by the 5-working-day clock"),
        Setting(
            "working_saturdays",
            list,
            [],
            "Saturdays (ISO dates) declared swapped working days (làm bù), counted by the 5-working-day clock",
        ),
        Setting("idle_minutes", int, 10, "minutes of inactivity before the window locks"),
        Setting("backup_dir", str, "", "folder of automatic backups; empty = the data folder's backups/"),
        Setting("backups_daily", int, 30, "daily backups kept"),
        Setting("backups_monthly", int, 12, "monthly backups kept"),
    )
}


class Settings:
    """Typed read access to the centre's settings, with the registry's defaults for anything not stored."""

    def __init__(self, values: dict[str, object] | None = None):
        self._values = dict(values or {})

    @classmethod
    def load(cls, db: sqlite_utils.Database) -> Settings:
        from hotline.store.settings import read_all

        return cls(read_all(db))

    def get(self, key: str):
        setting = REGISTRY[key]
        value = self._values.get(key, setting.default)
        return value if isinstance(value, setting.type) else setting.default

    def holidays(self) -> list[date]:
        return self._dates("holidays")

    def working_saturdays(self) -> list[date]:
        """The Saturdays an administrator declared swapped working days ("làm bù")."""
        return self._dates("working_saturdays")

    def _dates(self, key: str) -> list[date]:
        days = []
        for text in self.get(key):
            try:
                days.append(date.fromisoformat(str(text)))
            except ValueError:
                continue
        return days

    def shifts(self) -> list[tuple[str, time, time]]:
        result = []
        for item in self.get("shifts"):
            try:
                result.append((str(item["name"]), time.fromisoformat(item["start"]), time.fromisoformat(item["end"])))
            except (KeyError, TypeError, ValueError):
                continue
        return result


def save(db: sqlite_utils.Database, key: str, value: object, *, by: Actor) -> object:
    """Check one setting against the registry, then store it (administrator only). Returns the value as stored
    (trimmed, holidays sorted…). SettingsError (with a code) says what is wrong; nothing is written then."""
    from hotline.store.settings import write_value

    value = validate(key, value)
    write_value(db, key, value, by=by)
    return value


def validate(key: str, value: object) -> object:
    """The value as it would be stored, or SettingsError saying why it cannot be."""
    setting = REGISTRY.get(key)
    if setting is None:
        raise SettingsError(
            "setting.unknown",
            QT_TRANSLATE_NOOP("StoreError", "No setting '{key}': {keys}"),
            key=key,
            keys=", ".join(REGISTRY),
        )
    if not isinstance(value, setting.type) or isinstance(value, bool):
        raise SettingsError(
            "setting.wrong_type",
            QT_TRANSLATE_NOOP("StoreError", "{key}: not a valid value ({type})"),
            key=key,
            type=setting.type.__name__,
        )
    return _CHECKS[key](value)


def _text(key: str, value: str, longest: int) -> str:
    value = value.strip()
    if not value:
        raise SettingsError("setting.empty", QT_TRANSLATE_NOOP("StoreError", "{key}: must not be empty"), key=key)
    if len(value) > longest or any(unicodedata.category(ch) in ("Cc", "Cs") for ch in value):
        raise SettingsError(
            "setting.too_long",
            QT_TRANSLATE_NOOP("StoreError", "{key}: at most {longest} printable characters"),
            key=key,
            longest=longest,
        )
    return value


def _case_prefix(value: str) -> str:
    value = value.strip().upper()
    if not re.fullmatch(r"[A-Z]{1,6}", value):
        raise SettingsError(
            "setting.case_prefix_invalid",
            QT_TRANSLATE_NOOP("StoreError", "case_prefix: 1–6 letters without accents, e.g. AG"),
        )
    return value


def _province(value: int) -> int:
    if not province_name(value):
        raise SettingsError(
            "setting.no_province",
            QT_TRANSLATE_NOOP("StoreError", "default_province: no province with code {value}"),
            value=value,
        )
    return value


def _between(key: str, low: int, high: int):
    def check(value: int) -> int:
        if not low <= value <= high:
            raise SettingsError(
                "setting.out_of_range",
                QT_TRANSLATE_NOOP("StoreError", "{key}: must be from {low} to {high}"),
                key=key,
                low=low,
                high=high,
            )
        return value

    return check


_HH_MM = re.compile(r"([01][0-9]|2[0-3]):[0-5][0-9]")


def _shifts(value: list) -> list[dict[str, str]]:
    """A non-empty list of {name, start, end}, names unique, times HH:MM (an end at or before the start is on
    the next day: 19:00–07:00 is the night shift)."""
    if not value:
        raise SettingsError("setting.no_shift", QT_TRANSLATE_NOOP("StoreError", "shifts: at least one shift is needed"))
    shifts, names = [], set()
    for number, item in enumerate(value, start=1):
        if not isinstance(item, dict) or not all(isinstance(item.get(k), str) for k in ("name", "start", "end")):
            raise SettingsError(
                "setting.shift_incomplete",
                QT_TRANSLATE_NOOP("StoreError", "shifts: shift {number} needs name, start, end"),
                number=number,
            )
        name = _text(f"shifts {number}", item["name"], 40)
        start, end = item["start"].strip(), item["end"].strip()
        if not (_HH_MM.fullmatch(start) and _HH_MM.fullmatch(end)):
            raise SettingsError(
                "setting.shift_time_invalid",
                QT_TRANSLATE_NOOP("StoreError", "shifts: shift {number}'s times must read HH:MM (e.g. 07:00)"),
                number=number,
            )
        if fold(name) in names:
            raise SettingsError(
                "setting.shift_name_twice",
                QT_TRANSLATE_NOOP("StoreError", "shifts: two shifts are named «{name}»"),
                name=name,
            )
        names.add(fold(name))
        shifts.append({"name": name, "start": start, "end": end})
    return shifts


def _working_saturdays(value: list) -> list[str]:
    days = _holidays(value, "working_saturdays")
    for text in days:
        if date.fromisoformat(text).weekday() != 5:
            raise SettingsError(
                "setting.not_a_saturday",
                QT_TRANSLATE_NOOP("StoreError", "working_saturdays: {day} is not a Saturday"),
                day=text,
            )
    return days


def _holidays(value: list, key: str = "holidays") -> list[str]:
    days = set()
    for item in value:
        text = item.isoformat() if isinstance(item, date) else item
        try:
            if not isinstance(text, str) or len(text.strip()) != 10:
                raise ValueError
            days.add(date.fromisoformat(text.strip()).isoformat())
        except ValueError:
            raise SettingsError(
                "setting.not_a_date",
                QT_TRANSLATE_NOOP("StoreError", "{key}: not a date (YYYY-MM-DD): «{text}»"),
                key=key,
                text=str(item)[:20],
            ) from None
    return sorted(days)


def _backup_dir(value: str) -> str:
    value = value.strip()
    if value and not Path(value).is_absolute():
        raise SettingsError(
            "setting.backup_dir_relative",
            QT_TRANSLATE_NOOP("StoreError", "backup_dir: needs a full path (or empty for the data folder)"),
        )
    if any(unicodedata.category(ch) == "Cc" for ch in value):
        raise SettingsError(
            "setting.backup_dir_unprintable",
            QT_TRANSLATE_NOOP("StoreError", "backup_dir: holds characters that cannot be shown"),
        )
    return value


_CHECKS = {
    "centre_name": lambda value: _text("centre_name", value, 200),
    "case_prefix": _case_prefix,
    "default_province": _province,
    "shifts": _shifts,
    "holidays": _holidays,
    "working_saturdays": _working_saturdays,
    "idle_minutes": _between("idle_minutes", 1, 240),
    "backup_dir": _backup_dir,
    "backups_daily": _between("backups_daily", 1, 365),
    "backups_monthly": _between("backups_monthly", 0, 120),
}
