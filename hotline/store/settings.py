"""Centre-wide settings as JSON values in the `settings` table (the registry is hotline.settings)."""

from __future__ import annotations

import json

import sqlite_utils

from hotline.core import permissions
from hotline.store import access, audit
from hotline.store.db import StoreError, write


class SettingsError(StoreError):
    """A setting's value was refused (the code and the message say why); nothing was written."""


def read_all(db: sqlite_utils.Database) -> dict[str, object]:
    return {key: json.loads(value) for key, value in db.conn.execute("SELECT key, value FROM settings")}


def write_value(db: sqlite_utils.Database, key: str, value: object, *, by: access.Actor) -> None:
    """Store one value as it is (administrator only): hotline.settings.save checks it against the registry first."""
    access.require(db, by, permissions.ADMIN_SETTINGS)
    with write(db) as conn:
        conn.execute(
            "INSERT INTO settings(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            [key, json.dumps(value, ensure_ascii=False)],
        )
        audit.append(db, access.actor_id(by), "settings.change", "setting", key)
