"""Centre-wide settings: declared once here with their types and defaults, stored in the database."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time

import sqlite_utils

from hotline.core.places import DEFAULT_PROVINCE


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
        days = []
        for text in self.get("holidays"):
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


def save(db: sqlite_utils.Database, key: str, value: object, *, by_user_id: int | None = None) -> None:
    """Store one setting after checking its type against the registry."""
    from hotline.store.settings import write_value

    setting = REGISTRY.get(key)
    if setting is None:
        raise KeyError(f"unknown setting {key!r}")
    if not isinstance(value, setting.type):
        raise TypeError(f"setting {key!r} must be {setting.type.__name__}")
    write_value(db, key, value, by_user_id=by_user_id)
