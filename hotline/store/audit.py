"""The audit log: append-only (triggers refuse UPDATE and DELETE); details never hold free-text personal data.

Reading it (``entries``, ``count_entries``, ``action_names``, ``log_users``) is for the administrator, the shift
lead and the command line (permissions.AUDIT_VIEW). Reading is not itself audited: every page the viewer
scrolls would add rows, and the log would fill with its own reading. A refused read is audited (access.denied).

Speed at a million rows (2-core PC, 3 years of log, indexes of migration 0004): a page of 200 in under 6 ms for
any filter of user, action or group over any period, a count in at most 30 ms (the whole log), the list of actions
in 0.1 ms. Slower: a page very far down a large group (offset 50,000 in three years of calls: 40 ms), and the
record filter (``entity``), which has no index of its own: quick over days, 220 ms over the whole log.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Final

import sqlite_utils

from hotline.core import permissions
from hotline.core.timeutil import from_ms, to_ms, utcnow
from hotline.store import access
from hotline.store.db import translate_error, write

#: Longest detail kept: a code or a short list of field names, never a note or a name.
MAX_DETAIL = 200
#: ``user_id=NO_USER`` finds the entries made by nobody signed in: the command line, an unknown username.
NO_USER: Final = -1


@dataclass(frozen=True)
class AuditEntry:
    id: int
    at: datetime
    user_id: int | None
    action: str
    entity: str
    entity_id: str
    detail: str
    username: str = ""  # of user_id as the users table has it now ("" for nobody)
    display_name: str = ""
    case_number: str = ""  # of an entry about a case ("AG-2026-00003"): what people call it, not its row id


@dataclass(frozen=True)
class AuditUser:
    """Someone who may appear in the log (disabled users included: their past actions stay)."""

    id: int
    username: str
    display_name: str
    active: bool


#: An action filter: an exact action ("call.save", "export"), a group ending in "." ("call."), or several.
ActionFilter = str | Sequence[str] | None


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
    viewer: access.Actor,
    user_id: int | None = None,
    action: ActionFilter = None,
    start: datetime | None = None,
    end: datetime | None = None,
    entity: str | None = None,
    entity_id: int | str | None = None,
    limit: int = 500,
    offset: int = 0,
) -> list[AuditEntry]:
    """Newest first: by user (or NO_USER), action, time (``start`` included, ``end`` not) and record
    (``entity`` "case" with ``entity_id`` 12: everything done to case 12). PermissionDenied without AUDIT_VIEW."""
    access.require(db, viewer, permissions.AUDIT_VIEW)
    where, params = _where(db, user_id, action, start, end, entity, entity_id)
    if where is None:
        return []
    # the page first, then the names and case numbers: joined in the same SELECT, users made SQLite sort a whole
    # action group (100 ms for a year of calls) instead of stopping after the page
    rows = _read(
        db,
        "SELECT p.*, coalesce(u.username, ''), coalesce(u.display_name, ''), coalesce(c.number, '') FROM ("
        " SELECT a.id, a.at, a.user_id, a.action, a.entity, a.entity_id, a.detail FROM audit_log a"
        f"{where} ORDER BY a.at DESC, a.id DESC LIMIT ? OFFSET ?"
        ") p LEFT JOIN users u ON u.id = p.user_id"
        " LEFT JOIN cases c ON p.entity = 'case' AND c.id = CAST(p.entity_id AS INTEGER)"
        " ORDER BY p.at DESC, p.id DESC",
        [*params, max(0, limit), max(0, offset)],
    )
    return [AuditEntry(r[0], from_ms(r[1]), *r[2:]) for r in rows]


def count_entries(
    db: sqlite_utils.Database,
    *,
    viewer: access.Actor,
    user_id: int | None = None,
    action: ActionFilter = None,
    start: datetime | None = None,
    end: datetime | None = None,
    entity: str | None = None,
    entity_id: int | str | None = None,
) -> int:
    """How many entries ``entries()`` would give with the same filters and no limit."""
    access.require(db, viewer, permissions.AUDIT_VIEW)
    where, params = _where(db, user_id, action, start, end, entity, entity_id)
    if where is None:
        return 0
    return _read(db, f"SELECT count(*) FROM audit_log a{where}", params)[0][0]


def action_names(db: sqlite_utils.Database, *, viewer: access.Actor) -> list[str]:
    """Every action present in the log, sorted (for the viewer's filter list)."""
    access.require(db, viewer, permissions.AUDIT_VIEW)
    return _action_names(db)


def log_users(db: sqlite_utils.Database, *, viewer: access.Actor) -> list[AuditUser]:
    """Every user, disabled ones too, by display name (for the viewer's filter list)."""
    access.require(db, viewer, permissions.AUDIT_VIEW)
    rows = _read(db, "SELECT id, username, display_name, active FROM users ORDER BY display_name, username")
    return [AuditUser(r[0], r[1], r[2], bool(r[3])) for r in rows]


def _action_names(db: sqlite_utils.Database) -> list[str]:
    # one index seek per distinct action (a "loose index scan"): DISTINCT would read all of audit_log_action
    rows = _read(
        db,
        "WITH RECURSIVE found(action) AS ("
        " SELECT min(action) FROM audit_log"
        " UNION ALL SELECT (SELECT min(action) FROM audit_log WHERE action > found.action) FROM found"
        " WHERE found.action IS NOT NULL"
        ") SELECT action FROM found WHERE action IS NOT NULL",
    )
    return [r[0] for r in rows]


def _read(db: sqlite_utils.Database, sql: str, params: Sequence = ()) -> list[tuple]:
    """All rows of a read; an SQLite failure (a damaged file, a vanished disk) as a StoreError to show."""
    try:
        return db.conn.execute(sql, params).fetchall()
    except sqlite3.Error as exc:
        raise translate_error(exc) from None


def _exact_actions(db: sqlite_utils.Database, action: ActionFilter) -> list[str] | None:
    """The exact action names a filter stands for (None: no filter; [] when nothing can match)."""
    if not action:
        return None
    wanted = [action] if isinstance(action, str) else [a for a in action if a]
    groups = tuple(a for a in wanted if a.endswith("."))
    exact = {a for a in wanted if not a.endswith(".")}
    if groups:
        exact.update(name for name in _action_names(db) if name.startswith(groups))
    return sorted(exact)


def _where(
    db: sqlite_utils.Database,
    user_id: int | None,
    action: ActionFilter,
    start: datetime | None,
    end: datetime | None,
    entity: str | None,
    entity_id: int | str | None,
) -> tuple[str | None, list]:
    """The WHERE clause over ``audit_log a`` ("" for none; None when nothing can match) and its parameters.

    A group is turned into its exact names, so that "action IN (…)" is answered from audit_log_action in time
    order; a LIKE or a range on the action made SQLite walk the time index and read every row of the period."""
    where: list[str] = []
    params: list = []
    if user_id == NO_USER:
        where.append("a.user_id IS NULL")
    elif user_id is not None:
        where.append("a.user_id = ?")
        params.append(user_id)
    names = _exact_actions(db, action)
    if names is not None:
        if not names:
            return None, []
        where.append(f"a.action IN ({', '.join('?' * len(names))})")
        params += names
    if start is not None:
        where.append("a.at >= ?")
        params.append(to_ms(start))
    if end is not None:
        where.append("a.at < ?")
        params.append(to_ms(end))
    if entity is not None:
        where.append("a.entity = ?")
        params.append(entity)
    if entity_id is not None:
        where.append("a.entity_id = ?")
        params.append(str(entity_id))
    return (" WHERE " + " AND ".join(where) if where else ""), params
