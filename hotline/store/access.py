"""Permissions checked where the data is read and written: every guarded store function calls require() first.

The user is read again from the database on every check, so an account disabled or stripped of a role by the
administrator loses its rights at once, even in a session that is still open on another PC. The check is one
primary-key read (a few microseconds).

The command line (``python -m hotline …``) acts as ``COMMAND_LINE``: it is run by whoever holds the database
file itself, who could copy or edit that file anyway, so a role check there would protect nothing. It may do
only the administrator's work (users, lines, settings, categories, backups), statistics and the audit log.
"""

from __future__ import annotations

import contextlib
import sqlite3
from typing import Final

import sqlite_utils

from hotline.core import permissions
from hotline.core.models import User
from hotline.core.wording import QT_TRANSLATE_NOOP
from hotline.store.db import StoreError, translate_error


class PermissionDenied(StoreError):
    """The user may not do this (DESIGN §6); nothing was read or written."""

    def __init__(self, code: str, template: str, /, action: str, **params: object):
        super().__init__(code, template, action=action, **params)
        self.action = action


class _CommandLine:
    """The person at the command line (see the module docstring)."""

    def __repr__(self) -> str:
        return "COMMAND_LINE"


COMMAND_LINE: Final = _CommandLine()

#: What the command line may do without signing in.
COMMAND_LINE_ACTIONS: Final = frozenset(
    {
        permissions.ADMIN_USERS,
        permissions.ADMIN_LINES,
        permissions.ADMIN_SETTINGS,
        permissions.ADMIN_CATEGORIES,
        permissions.ADMIN_BACKUP,
        permissions.STATS_VIEW,
        permissions.AUDIT_VIEW,
    }
)

#: An actor: a user's id, a User (only its id is used: roles are read again), or COMMAND_LINE.
Actor = int | User | _CommandLine | None

_SELECT = "SELECT id, username, display_name, roles, active FROM users WHERE id = ?"


def actor_id(actor: Actor) -> int | None:
    """The user id to write in the audit log and in "by" columns; None for the command line."""
    if isinstance(actor, User):
        return actor.id
    if isinstance(actor, int) and not isinstance(actor, bool):
        return actor
    return None


def current_user(db: sqlite_utils.Database, actor: Actor) -> User | None:
    """The actor as the database knows it now (None for nobody, an unknown id or the command line)."""
    user_id = actor_id(actor)
    if user_id is None:
        return None
    try:
        row = db.conn.execute(_SELECT, [user_id]).fetchone()
    except sqlite3.Error as exc:
        raise translate_error(exc) from None
    if row is None:
        return None
    return User(
        id=row[0], username=row[1], display_name=row[2],
        roles=frozenset(r for r in row[3].split(",") if r), active=bool(row[4]),
    )  # fmt: skip


def allowed(db: sqlite_utils.Database, actor: Actor, action: str) -> bool:
    """True when the actor may do ``action`` now (an unknown action raises ValueError, as in core.permissions)."""
    permissions.roles_for(action)  # a typo raises before anything else
    if actor is COMMAND_LINE:
        return action in COMMAND_LINE_ACTIONS
    return permissions.can(current_user(db, actor), action)


def require(db: sqlite_utils.Database, actor: Actor, action: str) -> User | None:
    """Refuse with PermissionDenied unless the actor may do ``action``; the user as now stored (None for the
    command line). The refusal is audited (without any personal data)."""
    if allowed(db, actor, action):
        return None if actor is COMMAND_LINE else current_user(db, actor)
    raise _denied(db, actor, action)


def require_any(db: sqlite_utils.Database, actor: Actor, *actions: str) -> str:
    """Like require() for several actions at once: the first one allowed, else PermissionDenied for the first."""
    for action in actions:
        if allowed(db, actor, action):
            return action
    raise _denied(db, actor, actions[0])


def deny(db: sqlite_utils.Database, actor: Actor, action: str) -> PermissionDenied:
    """An audited refusal of ``action`` for a check the matrix alone cannot make (e.g. "only the calls behind
    the cases"); raise what it returns."""
    return _denied(db, actor, action)


def _denied(db: sqlite_utils.Database, actor: Actor, action: str) -> PermissionDenied:
    from hotline.store import audit

    user_id = actor_id(actor)
    # the refusal itself must reach the person even when the log cannot be written
    with contextlib.suppress(StoreError):
        audit.append(db, user_id, "access.denied", "action", action)
    return PermissionDenied(
        "access.denied", QT_TRANSLATE_NOOP("StoreError", "You are not allowed to do this ({action})"), action=action
    )
