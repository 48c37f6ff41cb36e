"""Users: argon2 password hashes, roles, sign-in with lock-out, password changes, disable (never delete).

Every change to users is the administrator's (permissions.ADMIN_USERS, checked by access.require before the write
transaction), except a user changing their own password, which needs that password instead.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from datetime import datetime, timedelta

import sqlite_utils
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from hotline.core import permissions
from hotline.core.models import ROLES, User
from hotline.core.timeutil import format_local, from_ms, to_ms, utcnow
from hotline.core.wording import QT_TRANSLATE_NOOP, word
from hotline.store import access, audit
from hotline.store.db import NotFoundError, StoreError, write

MAX_FAILED_LOGINS = 5
LOCK_MINUTES = 5
MIN_PASSWORD_LENGTH = 8
MAX_DISPLAY_NAME = 100
_USERNAME = re.compile(r"^[A-Za-z0-9._-]{2,64}$")
_hasher = PasswordHasher()


class UserError(StoreError):
    """A user could not be added or changed (the message says why)."""


#: The refusal of a locked account, with the local time the lock ends.
LOCKED = QT_TRANSLATE_NOOP("StoreError", "Too many wrong passwords: the account is locked until {until}")


class AccountLockedError(UserError):
    """Too many wrong passwords: nothing is checked until ``locked_until`` (UTC)."""

    def __init__(self, locked_until: datetime):
        super().__init__("user.locked", LOCKED, until=format_local(locked_until, with_date=False))
        self.locked_until = locked_until


def locked_message(locked_until: datetime) -> str:
    return word(LOCKED, {"until": format_local(locked_until, with_date=False)})


@dataclass(frozen=True)
class SignIn:
    """The result of a sign-in attempt. ``user`` is set only when ``ok``."""

    ok: bool
    reason: str = ""  # "", "unknown", "wrong_password", "locked", "disabled"
    user: User | None = None
    locked_until: datetime | None = None
    #: after a wrong password: how many more wrong ones lock the account (for LOCK_MINUTES); None otherwise. Only
    #: for a screen that already knows the account exists (the lock screen): sign-in must not tell.
    tries_left: int | None = None

    def message(self) -> str:
        """The refusal in words for a person, in the interface language; empty when ``ok``. An unknown username
        and a wrong password read the same, so the message never tells which usernames exist."""
        if self.ok:
            return ""
        if self.reason == "locked" and self.locked_until is not None:
            return locked_message(self.locked_until)
        if self.reason == "disabled":
            return word(QT_TRANSLATE_NOOP("StoreError", "This account is disabled"))
        return word(QT_TRANSLATE_NOOP("StoreError", "Wrong username or password"))


_SELECT = (
    "SELECT id, username, display_name, roles, active, must_change_password, failed_logins, locked_until FROM users"
)


def _user(row) -> User:
    return User(
        id=row[0], username=row[1], display_name=row[2], roles=frozenset(r for r in row[3].split(",") if r),
        active=bool(row[4]), must_change_password=bool(row[5]), failed_logins=row[6], locked_until=from_ms(row[7]),
    )  # fmt: skip


def validate_roles(roles) -> list[str]:
    if isinstance(roles, str):  # "operator,shift_lead" as typed, never the letters of one role
        roles = roles.split(",")
    roles = sorted({str(role).strip() for role in roles} - {""})
    unknown = [r for r in roles if r not in ROLES]
    if unknown or not roles:
        raise UserError(
            "user.unknown_role",
            QT_TRANSLATE_NOOP("StoreError", "Unknown role: {unknown}; choose from {roles}"),
            unknown=", ".join(unknown) or "-",
            roles=", ".join(ROLES),
        )
    return roles


def validate_password(password: str) -> None:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise UserError(
            "user.password_too_short",
            QT_TRANSLATE_NOOP("StoreError", "The password needs at least {length} characters"),
            length=MIN_PASSWORD_LENGTH,
        )


def validate_username(username: str) -> str:
    username = username.strip()
    if not _USERNAME.match(username):
        raise UserError(
            "user.username_invalid", QT_TRANSLATE_NOOP("StoreError", "A username is 2–64 letters, digits, . _ -")
        )
    return username


def clean_display_name(display_name: str, username: str = "") -> str:
    """The name shown for a user: trimmed; empty gives the username (when there is one)."""
    name = display_name.strip() if isinstance(display_name, str) else ""
    name = name or username
    if not name:
        raise UserError(
            "user.display_name_empty", QT_TRANSLATE_NOOP("StoreError", "The display name must not be empty")
        )
    if len(name) > MAX_DISPLAY_NAME or any(ch < " " or "\x7f" <= ch < "\xa0" for ch in name):
        raise UserError(
            "user.display_name_too_long",
            QT_TRANSLATE_NOOP("StoreError", "The display name is at most {length} printable characters"),
            length=MAX_DISPLAY_NAME,
        )
    return name


def _insert_user(
    conn, username: str, display_name: str, roles: list[str], password_hash: str, must_change_password: bool
) -> int:
    if conn.execute("SELECT 1 FROM users WHERE username = ?", [username]).fetchone():
        raise UserError("user.username_taken", QT_TRANSLATE_NOOP("StoreError", "This username is taken"))
    cur = conn.execute(
        "INSERT INTO users(username, display_name, roles, password_hash, active, must_change_password,"
        " created_at) VALUES (?, ?, ?, ?, 1, ?, ?)",
        [username, display_name, ",".join(roles), password_hash, int(must_change_password), to_ms(utcnow())],
    )
    return cur.lastrowid


def add_user(
    db: sqlite_utils.Database,
    username: str,
    display_name: str,
    roles,
    password: str,
    *,
    must_change_password: bool = False,
    by: access.Actor,
) -> User:
    """Add a user with an argon2 hash of the password (administrator only). UserError for a bad or taken
    username, an unknown role or a short password."""
    access.require(db, by, permissions.ADMIN_USERS)
    username = validate_username(username)
    roles = validate_roles(roles)
    validate_password(password)
    display_name = clean_display_name(display_name, username)
    password_hash = _hasher.hash(password)
    with write(db) as conn:
        user_id = _insert_user(conn, username, display_name, roles, password_hash, must_change_password)
        audit.append(db, access.actor_id(by), "user.add", "user", user_id, ",".join(roles))
    return get_user(db, user_id)


def create_first_admin(
    db: sqlite_utils.Database, username: str, display_name: str, password: str, *, roles=("admin",)
) -> User:
    """The first account of a new database, an administrator (``roles`` may add more; admin is always one).

    Nobody is signed in yet, so nobody's permission is checked: instead it works only while the users table is
    empty, checked inside the write transaction, so two first-run windows cannot both create one."""
    username = validate_username(username)
    roles = validate_roles({"admin", *roles})
    validate_password(password)
    display_name = clean_display_name(display_name, username)
    password_hash = _hasher.hash(password)
    with write(db) as conn:
        if conn.execute("SELECT 1 FROM users LIMIT 1").fetchone():
            raise UserError(
                "user.first_admin_exists",
                QT_TRANSLATE_NOOP("StoreError", "There are users already: sign in as an administrator"),
            )
        user_id = _insert_user(conn, username, display_name, roles, password_hash, False)
        audit.append(db, user_id, "user.first_admin", "user", user_id, ",".join(roles))
    return get_user(db, user_id)


def get_user(db: sqlite_utils.Database, user_id: int) -> User:
    row = db.conn.execute(_SELECT + " WHERE id = ?", [user_id]).fetchone()
    if row is None:
        raise NotFoundError("user.not_found", QT_TRANSLATE_NOOP("StoreError", "No user {user_id}"), user_id=user_id)
    return _user(row)


def find_user(db: sqlite_utils.Database, username: str) -> User | None:
    row = db.conn.execute(_SELECT + " WHERE username = ?", [username.strip()]).fetchone()
    return _user(row) if row else None


def list_users(db: sqlite_utils.Database, *, include_disabled: bool = True) -> list[User]:
    sql = _SELECT + ("" if include_disabled else " WHERE active = 1") + " ORDER BY username COLLATE NOCASE"
    return [_user(r) for r in db.conn.execute(sql)]


def count_users(db: sqlite_utils.Database) -> int:
    return db.conn.execute("SELECT count(*) FROM users").fetchone()[0]


def user_call_counts(db: sqlite_utils.Database) -> dict[int, int]:
    """Calls logged per user id (users with none are absent), counted in the index calls_operator without
    reading a call row: about 30 ms at a million calls on a 2-core PC (a GROUP BY scan takes 45)."""
    sql = "SELECT id, (SELECT count(*) FROM calls WHERE operator_id = users.id) AS n FROM users WHERE n > 0"
    return dict(db.conn.execute(sql).fetchall())


def is_locked(user: User, now: datetime | None = None) -> bool:
    """True while the user is locked out after too many wrong passwords."""
    return user.locked_until is not None and user.locked_until > (now or utcnow())


# --- the administrator's changes -------------------------------------------------------------------------

_ACTIVE_ADMINS = "SELECT count(*) FROM users WHERE active = 1 AND ',' || roles || ',' LIKE '%,admin,%' AND id != ?"
_LAST_ADMIN = QT_TRANSLATE_NOOP("StoreError", "There must remain at least one active administrator")


def _row(conn, user_id: int) -> tuple:
    row = conn.execute(_SELECT + " WHERE id = ?", [user_id]).fetchone()
    if row is None:
        raise NotFoundError("user.not_found", QT_TRANSLATE_NOOP("StoreError", "No user {user_id}"), user_id=user_id)
    return row


def _is_last_admin(conn, row: tuple) -> bool:
    """True when the user of ``row`` is the only active administrator."""
    user = _user(row)
    return user.active and "admin" in user.roles and conn.execute(_ACTIVE_ADMINS, [user.id]).fetchone()[0] == 0


def update_user(
    db: sqlite_utils.Database,
    user_id: int,
    *,
    display_name: str | None = None,
    roles=None,
    by: access.Actor,
) -> User:
    """Change a user's display name and/or roles; the last active administrator keeps the admin role."""
    access.require(db, by, permissions.ADMIN_USERS)
    new_roles = validate_roles(roles) if roles is not None else None
    if display_name is not None:
        display_name = clean_display_name(display_name)
    with write(db) as conn:
        row = _row(conn, user_id)
        changed = []
        if new_roles is not None and set(new_roles) != _user(row).roles:
            if "admin" not in new_roles and _is_last_admin(conn, row):
                raise UserError("user.last_admin", _LAST_ADMIN)
            conn.execute("UPDATE users SET roles = ? WHERE id = ?", [",".join(new_roles), user_id])
            changed.append("roles=" + ",".join(new_roles))
        if display_name is not None and display_name != row[2]:
            conn.execute("UPDATE users SET display_name = ? WHERE id = ?", [display_name, user_id])
            changed.append("display_name")  # the name itself is personal data: not in the log
        if changed:
            audit.append(db, access.actor_id(by), "user.update", "user", user_id, " ".join(changed))
    return get_user(db, user_id)


def disable_user(db: sqlite_utils.Database, user_id: int, *, by: access.Actor) -> User:
    """Disable a user: they can no longer sign in and lose every right at once. Users are never deleted (their
    calls and cases keep pointing at them). Nobody disables their own account or the last administrator."""
    access.require(db, by, permissions.ADMIN_USERS)
    with write(db) as conn:
        row = _row(conn, user_id)
        if access.actor_id(by) == user_id:
            raise UserError("user.disable_self", QT_TRANSLATE_NOOP("StoreError", "You cannot disable your own account"))
        if _is_last_admin(conn, row):
            raise UserError("user.last_admin", _LAST_ADMIN)
        if row[4]:
            conn.execute("UPDATE users SET active = 0 WHERE id = ?", [user_id])
            audit.append(db, access.actor_id(by), "user.disable", "user", user_id)
    return get_user(db, user_id)


def enable_user(db: sqlite_utils.Database, user_id: int, *, by: access.Actor) -> User:
    """Let a disabled user sign in again, with the roles they had."""
    access.require(db, by, permissions.ADMIN_USERS)
    with write(db) as conn:
        row = _row(conn, user_id)
        if not row[4]:
            conn.execute("UPDATE users SET active = 1 WHERE id = ?", [user_id])
            audit.append(db, access.actor_id(by), "user.enable", "user", user_id)
    return get_user(db, user_id)


def reset_password(db: sqlite_utils.Database, user_id: int, new_password: str, *, by: access.Actor) -> User:
    """The administrator sets a new password for a user who forgot theirs; the user must change it at their
    next sign-in. Any lock-out ends."""
    access.require(db, by, permissions.ADMIN_USERS)
    validate_password(new_password)
    password_hash = _hasher.hash(new_password)
    with write(db) as conn:
        _row(conn, user_id)
        conn.execute(
            "UPDATE users SET password_hash = ?, must_change_password = 1, failed_logins = 0, locked_until = NULL"
            " WHERE id = ?",
            [password_hash, user_id],
        )
        audit.append(db, access.actor_id(by), "user.password_reset", "user", user_id)
    return get_user(db, user_id)


def unlock_user(db: sqlite_utils.Database, user_id: int, *, by: access.Actor) -> User:
    """End a lock-out before its five minutes are over (the administrator knows who is at the PC)."""
    access.require(db, by, permissions.ADMIN_USERS)
    with write(db) as conn:
        _row(conn, user_id)
        conn.execute("UPDATE users SET failed_logins = 0, locked_until = NULL WHERE id = ?", [user_id])
        audit.append(db, access.actor_id(by), "user.unlock", "user", user_id)
    return get_user(db, user_id)


# --- passwords: sign-in and a user's own change ----------------------------------------------------------


@functools.cache
def _dummy_hash() -> str:
    return _hasher.hash("no such user: the hash only makes the answer take as long as a real check")


def _verify(password_hash: str, password: str) -> bool:
    try:
        return _hasher.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def _lock_state(row_locked_until: int | None, now: datetime) -> datetime | None:
    """The end of a lock-out still running at ``now``, else None."""
    if row_locked_until is not None and row_locked_until > to_ms(now):
        return from_ms(row_locked_until)
    return None


def _count_failure(db: sqlite_utils.Database, user_id: int, failed: int, now: datetime, detail: str):
    """One more wrong password in a row; the fifth locks the account for LOCK_MINUTES. The lock's end or None."""
    failed += 1
    lock = now + timedelta(minutes=LOCK_MINUTES) if failed >= MAX_FAILED_LOGINS else None
    with write(db) as conn:
        conn.execute(
            "UPDATE users SET failed_logins = ?, locked_until = ? WHERE id = ?",
            [0 if lock else failed, to_ms(lock) if lock else None, user_id],
        )
        audit.append(db, user_id, "login.failed", "user", user_id, f"{detail} {'locked' if lock else failed}")
    return lock


def sign_in(db: sqlite_utils.Database, username: str, password: str, *, now: datetime | None = None) -> SignIn:
    """Check a password. Five wrong passwords in a row lock the account for five minutes. Audited.

    Only the right password learns that an account is disabled: a wrong one reads like any wrong password, so
    the sign-in window does not tell a stranger which accounts exist or were disabled. A user whose password was
    reset signs in (``user.must_change_password`` is set) and the window then asks for a new one.
    """
    now = now or utcnow()
    row = db.conn.execute(
        "SELECT id, password_hash, active, failed_logins, locked_until FROM users WHERE username = ?",
        [username.strip()],
    ).fetchone()
    if row is None:
        _verify(_dummy_hash(), password)  # as slow as a real check: the time taken must not tell either
        audit.append(db, None, "login.unknown_user")
        return SignIn(False, "unknown")
    user_id, password_hash, active, failed, locked_until = row
    locked = _lock_state(locked_until, now)
    if locked is not None:
        audit.append(db, user_id, "login.locked", "user", user_id)
        return SignIn(False, "locked", locked_until=locked)
    if not _verify(password_hash, password):
        lock = _count_failure(db, user_id, failed, now, "sign-in")
        if lock:
            return SignIn(False, "locked", locked_until=lock)
        return SignIn(False, "wrong_password", tries_left=MAX_FAILED_LOGINS - (failed + 1))
    with write(db) as conn:
        if _hasher.check_needs_rehash(password_hash):
            conn.execute("UPDATE users SET password_hash = ? WHERE id = ?", [_hasher.hash(password), user_id])
        conn.execute("UPDATE users SET failed_logins = 0, locked_until = NULL WHERE id = ?", [user_id])
        audit.append(db, user_id, "login.ok" if active else "login.disabled", "user", user_id)
    if not active:
        return SignIn(False, "disabled")
    return SignIn(True, user=get_user(db, user_id))


def change_own_password(
    db: sqlite_utils.Database, user_id: int, old_password: str, new_password: str, *, now: datetime | None = None
) -> User:
    """A user's change of their own password, proven by the current one. A wrong current password counts as a
    failed sign-in (five in a row lock the account: AccountLockedError). Clears must_change_password."""
    now = now or utcnow()
    if new_password == old_password:
        raise UserError(
            "user.password_unchanged", QT_TRANSLATE_NOOP("StoreError", "The new password must differ from the old one")
        )
    validate_password(new_password)
    row = db.conn.execute(
        "SELECT password_hash, active, failed_logins, locked_until FROM users WHERE id = ?", [user_id]
    ).fetchone()
    if row is None:
        raise NotFoundError("user.not_found", QT_TRANSLATE_NOOP("StoreError", "No user {user_id}"), user_id=user_id)
    password_hash, active, failed, locked_until = row
    locked = _lock_state(locked_until, now)
    if locked is not None:
        raise AccountLockedError(locked)
    if not _verify(password_hash, old_password):
        lock = _count_failure(db, user_id, failed, now, "password-change")
        if lock:
            raise AccountLockedError(lock)
        raise UserError("user.password_wrong", QT_TRANSLATE_NOOP("StoreError", "The current password is wrong"))
    if not active:
        raise UserError("user.disabled", QT_TRANSLATE_NOOP("StoreError", "This account is disabled"))
    new_hash = _hasher.hash(new_password)
    with write(db) as conn:
        conn.execute(
            "UPDATE users SET password_hash = ?, must_change_password = 0, failed_logins = 0, locked_until = NULL"
            " WHERE id = ?",
            [new_hash, user_id],
        )
        audit.append(db, user_id, "user.password_change", "user", user_id)
    return get_user(db, user_id)
