"""Users: argon2 password hashes, roles, sign-in with lock-out, disable (never delete)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta

import sqlite_utils
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from hotline.core.models import ROLES, User
from hotline.core.timeutil import from_ms, to_ms, utcnow
from hotline.store import audit
from hotline.store.db import NotFoundError, StoreError, write

MAX_FAILED_LOGINS = 5
LOCK_MINUTES = 5
MIN_PASSWORD_LENGTH = 8
_USERNAME = re.compile(r"^[A-Za-z0-9._-]{2,64}$")
_hasher = PasswordHasher()


class UserError(StoreError):
    """A user could not be added or changed (the message says why, Vietnamese first)."""


@dataclass(frozen=True)
class SignIn:
    """The result of a sign-in attempt. ``user`` is set only when ``ok``."""

    ok: bool
    reason: str = ""  # "", "unknown", "wrong_password", "locked", "disabled"
    user: User | None = None
    locked_until: datetime | None = None


_SELECT = (
    "SELECT id, username, display_name, roles, active, must_change_password, failed_logins, locked_until FROM users"
)


def _user(row) -> User:
    return User(
        id=row[0], username=row[1], display_name=row[2], roles=frozenset(r for r in row[3].split(",") if r),
        active=bool(row[4]), must_change_password=bool(row[5]), failed_logins=row[6], locked_until=from_ms(row[7]),
    )  # fmt: skip


def validate_roles(roles) -> list[str]:
    roles = sorted(set(roles))
    unknown = [r for r in roles if r not in ROLES]
    if unknown or not roles:
        raise UserError(
            f"Vai trò không hợp lệ / Unknown role: {', '.join(unknown) or '(none)'}; chọn trong / choose from "
            + ", ".join(ROLES)
        )
    return roles


def validate_password(password: str) -> None:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise UserError(
            f"Mật khẩu phải có ít nhất {MIN_PASSWORD_LENGTH} ký tự / The password needs at least "
            f"{MIN_PASSWORD_LENGTH} characters"
        )


def add_user(
    db: sqlite_utils.Database,
    username: str,
    display_name: str,
    roles,
    password: str,
    *,
    must_change_password: bool = False,
    by_user_id: int | None = None,
) -> User:
    """Add a user with an argon2 hash of the password. UserError for a bad or taken username."""
    username = username.strip()
    if not _USERNAME.match(username):
        raise UserError(
            "Tên đăng nhập chỉ gồm chữ không dấu, số, . _ - (2–64 ký tự) / A username is 2–64 letters, digits, . _ -"
        )
    roles = validate_roles(roles)
    validate_password(password)
    display_name = display_name.strip() or username
    password_hash = _hasher.hash(password)
    with write(db) as conn:
        if conn.execute("SELECT 1 FROM users WHERE username = ?", [username]).fetchone():
            raise UserError(f"Tên đăng nhập '{username}' đã có / The username '{username}' is taken")
        cur = conn.execute(
            "INSERT INTO users(username, display_name, roles, password_hash, active, must_change_password,"
            " created_at) VALUES (?, ?, ?, ?, 1, ?, ?)",
            [username, display_name, ",".join(roles), password_hash, int(must_change_password), to_ms(utcnow())],
        )
        audit.append(db, by_user_id, "user.add", "user", cur.lastrowid, ",".join(roles))
    return get_user(db, cur.lastrowid)


def get_user(db: sqlite_utils.Database, user_id: int) -> User:
    row = db.conn.execute(_SELECT + " WHERE id = ?", [user_id]).fetchone()
    if row is None:
        raise NotFoundError(f"Không có người dùng số {user_id} / No user {user_id}")
    return _user(row)


def find_user(db: sqlite_utils.Database, username: str) -> User | None:
    row = db.conn.execute(_SELECT + " WHERE username = ?", [username.strip()]).fetchone()
    return _user(row) if row else None


def list_users(db: sqlite_utils.Database, *, include_disabled: bool = True) -> list[User]:
    sql = _SELECT + ("" if include_disabled else " WHERE active = 1") + " ORDER BY username COLLATE NOCASE"
    return [_user(r) for r in db.conn.execute(sql)]


def count_users(db: sqlite_utils.Database) -> int:
    return db.conn.execute("SELECT count(*) FROM users").fetchone()[0]


def disable_user(db: sqlite_utils.Database, username: str, *, by_user_id: int | None = None) -> User:
    """Disable a user (users are never deleted: their calls keep pointing at them)."""
    user = find_user(db, username)
    if user is None:
        raise NotFoundError(f"Không có người dùng '{username}' / No user '{username}'")
    with write(db) as conn:
        conn.execute("UPDATE users SET active = 0 WHERE id = ?", [user.id])
        audit.append(db, by_user_id, "user.disable", "user", user.id)
    return get_user(db, user.id)


def set_password(
    db: sqlite_utils.Database, user_id: int, password: str, *, must_change: bool = False, by_user_id=None
) -> None:
    validate_password(password)
    password_hash = _hasher.hash(password)
    with write(db) as conn:
        conn.execute(
            "UPDATE users SET password_hash = ?, must_change_password = ?, failed_logins = 0, locked_until = NULL"
            " WHERE id = ?",
            [password_hash, int(must_change), user_id],
        )
        audit.append(db, by_user_id if by_user_id is not None else user_id, "user.password", "user", user_id)


def sign_in(db: sqlite_utils.Database, username: str, password: str, *, now: datetime | None = None) -> SignIn:
    """Check a password. Five wrong passwords in a row lock the account for five minutes. Audited."""
    now = now or utcnow()
    row = db.conn.execute(
        "SELECT id, password_hash, active, failed_logins, locked_until FROM users WHERE username = ?",
        [username.strip()],
    ).fetchone()
    if row is None:
        audit.append(db, None, "login.unknown_user")
        return SignIn(False, "unknown")
    user_id, password_hash, active, failed, locked_until = row
    if not active:
        audit.append(db, user_id, "login.disabled", "user", user_id)
        return SignIn(False, "disabled")
    if locked_until is not None and locked_until > to_ms(now):
        audit.append(db, user_id, "login.locked", "user", user_id)
        return SignIn(False, "locked", locked_until=from_ms(locked_until))
    try:
        _hasher.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        failed += 1
        lock = to_ms(now + timedelta(minutes=LOCK_MINUTES)) if failed >= MAX_FAILED_LOGINS else None
        with write(db) as conn:
            conn.execute(
                "UPDATE users SET failed_logins = ?, locked_until = ? WHERE id = ?",
                [0 if lock else failed, lock, user_id],
            )
            audit.append(db, user_id, "login.failed", "user", user_id, "locked" if lock else str(failed))
        if lock:
            return SignIn(False, "locked", locked_until=from_ms(lock))
        return SignIn(False, "wrong_password")
    with write(db) as conn:
        if _hasher.check_needs_rehash(password_hash):
            conn.execute("UPDATE users SET password_hash = ? WHERE id = ?", [_hasher.hash(password), user_id])
        conn.execute("UPDATE users SET failed_logins = 0, locked_until = NULL WHERE id = ?", [user_id])
        audit.append(db, user_id, "login.ok", "user", user_id)
    return SignIn(True, user=get_user(db, user_id))
