"""The audit log: append-only (triggers refuse UPDATE and DELETE); details never hold free-text personal data."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import sqlite_utils

from hotline.core.timeutil import from_ms, to_ms, utcnow
from hotline.store.db import write

#: Longest detail kept: a code or a short list of field names, never a note or a name.
MAX_DETAIL = 200


@dataclass(frozen=True)
class AuditEntry:
    id: int
    at: datetime
    user_id: int | None
    action: str
    entity: str
    entity_id: str
    detail: str


def append(
    db: sqlite_utils.Database,
    user_id: int | None,
    action: str,
    entity: str = "",
    entity_id: int | str = "",
    detail: str = "",
) -> None:
    """Append one entry (inside the caller's transaction when there is one)."""
    with write(db) as conn:
        conn.execute(
            "INSERT INTO audit_log(at, user_id, action, entity, entity_id, detail) VALUES (?, ?, ?, ?, ?, ?)",
            [to_ms(utcnow()), user_id, action, entity, str(entity_id), detail[:MAX_DETAIL]],
        )


def entries(
    db: sqlite_utils.Database,
    *,
    user_id: int | None = None,
    action: str | None = None,
    start: datetime | None = None,
    end: datetime | None = None,
    limit: int = 500,
) -> list[AuditEntry]:
    """Newest first, filtered by user, action (prefix, e.g. ``call.``) and time."""
    where, params = [], []
    if user_id is not None:
        where.append("user_id = ?")
        params.append(user_id)
    if action:
        where.append("action LIKE ? ESCAPE '\\'")
        params.append(action.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%")
    if start is not None:
        where.append("at >= ?")
        params.append(to_ms(start))
    if end is not None:
        where.append("at < ?")
        params.append(to_ms(end))
    sql = "SELECT id, at, user_id, action, entity, entity_id, detail FROM audit_log"
    if where:
        sql += " WHERE " + " AND ".join(where)
    rows = db.conn.execute(sql + " ORDER BY at DESC, id DESC LIMIT ?", [*params, limit])
    return [AuditEntry(r[0], from_ms(r[1]), r[2], r[3], r[4], r[5], r[6]) for r in rows]
