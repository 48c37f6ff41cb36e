"""Drafts: the state of a call form being typed, per user and workstation, kept until the call is saved.

A user reads, writes and deletes only their own drafts: the ``user_id`` of each function is both the owner and
the one acting, and needs CALL_LOG.
"""

from __future__ import annotations

import json
from datetime import datetime

import sqlite_utils

from hotline.core import permissions
from hotline.core.models import Draft
from hotline.core.timeutil import from_ms, to_ms, utcnow
from hotline.store import access
from hotline.store.db import write


def save_draft(
    db: sqlite_utils.Database, user_id: int, workstation: str, key: str, state: dict, started_at: datetime
) -> None:
    """Create or replace the draft ``key`` (the uuid of the call being typed)."""
    access.require(db, user_id, permissions.CALL_LOG)
    now = to_ms(utcnow())
    payload = json.dumps(state, ensure_ascii=False)
    with write(db) as conn:
        conn.execute(
            "INSERT INTO drafts(draft_key, user_id, workstation, state, started_at, updated_at)"
            " VALUES (?, ?, ?, ?, ?, ?)"
            " ON CONFLICT(user_id, workstation, draft_key) DO UPDATE SET state = excluded.state,"
            " updated_at = excluded.updated_at",
            [key, user_id, workstation, payload, to_ms(started_at), now],
        )


def load_drafts(db: sqlite_utils.Database, user_id: int, workstation: str) -> list[Draft]:
    """This user's drafts on this workstation, oldest first."""
    access.require(db, user_id, permissions.CALL_LOG)
    rows = db.conn.execute(
        "SELECT draft_key, state, started_at, updated_at FROM drafts WHERE user_id = ? AND workstation = ?"
        " ORDER BY started_at, id",
        [user_id, workstation],
    )
    return [Draft(r[0], user_id, workstation, json.loads(r[1]), from_ms(r[2]), from_ms(r[3])) for r in rows]


def delete_draft(db: sqlite_utils.Database, user_id: int, workstation: str, key: str) -> None:
    """Remove one of this user's drafts (nothing happens when there is no such draft)."""
    access.require(db, user_id, permissions.CALL_LOG)
    with write(db) as conn:
        conn.execute(
            "DELETE FROM drafts WHERE user_id = ? AND workstation = ? AND draft_key = ?", [user_id, workstation, key]
        )
