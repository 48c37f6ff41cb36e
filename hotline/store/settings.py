"""Centre-wide settings as JSON values in the `settings` table (the registry is hotline.settings)."""

from __future__ import annotations

import json

import sqlite_utils

from hotline.store import audit
from hotline.store.db import write


def read_all(db: sqlite_utils.Database) -> dict[str, object]:
    return {key: json.loads(value) for key, value in db.conn.execute("SELECT key, value FROM settings")}


def write_value(db: sqlite_utils.Database, key: str, value: object, *, by_user_id: int | None = None) -> None:
    with write(db) as conn:
        conn.execute(
            "INSERT INTO settings(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            [key, json.dumps(value, ensure_ascii=False)],
        )
        audit.append(db, by_user_id, "settings.change", "setting", key)
