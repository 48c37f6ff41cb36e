"""Users: argon2 hashes, sign-in, disable, unique usernames, and the five-wrong-passwords lock."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from hotline.store import audit
from hotline.store.users import (
    LOCK_MINUTES,
    MAX_FAILED_LOGINS,
    UserError,
    add_user,
    disable_user,
    find_user,
    list_users,
    sign_in,
)

SECRET = "synthetic-Pass-42"  # a password that appears nowhere else in the database
WRONG = "not-the-password"
NOW = datetime(2026, 6, 1, 8, 0, tzinfo=UTC)


@pytest.fixture
def counselor(db):
    return add_user(db, "canbo.test", "Cán Bộ Thử", ["counselor"], SECRET)


def test_hash_is_argon2_never_the_password(db, counselor):
    """The users table holds an argon2 hash, never the password itself (in any column)."""
    row = db.conn.execute("SELECT * FROM users WHERE id = ?", [counselor.id]).fetchone()
    (password_hash,) = db.conn.execute("SELECT password_hash FROM users WHERE id = ?", [counselor.id]).fetchone()
    assert password_hash.startswith("$argon2")
    assert SECRET not in password_hash
    assert all(SECRET not in str(value) for value in row)
    dump = "\n".join(db.conn.iterdump())
    assert SECRET not in dump


def test_added_user_fields(db, counselor):
    """add_user stores username, display name, roles and active; find_user finds it case-insensitively."""
    assert (counselor.username, counselor.display_name, counselor.roles, counselor.active) == (
        "canbo.test",
        "Cán Bộ Thử",
        frozenset({"counselor"}),
        True,
    )
    assert find_user(db, "CANBO.TEST").id == counselor.id


def test_sign_in(db, counselor):
    """The right password signs in and returns the user."""
    result = sign_in(db, "canbo.test", SECRET)
    assert result.ok and result.reason == "" and result.user.id == counselor.id


def test_wrong_password_and_unknown_user(db, counselor):
    """A wrong password and an unknown username are both refused, each with its reason, and audited."""
    wrong = sign_in(db, "canbo.test", WRONG)
    assert (wrong.ok, wrong.reason, wrong.user) == (False, "wrong_password", None)
    unknown = sign_in(db, "nobody.here", SECRET)
    assert (unknown.ok, unknown.reason, unknown.user) == (False, "unknown", None)
    actions = [e.action for e in audit.entries(db, action="login.")]
    assert "login.failed" in actions and "login.unknown_user" in actions


def test_list_users(db, counselor):
    """list_users returns every user ordered by username regardless of case."""
    add_user(db, "Zeta.user", "Z", ["operator"], SECRET)
    add_user(db, "alpha.user", "A", ["admin"], SECRET)
    names = [u.username for u in list_users(db)]
    stored = [r[0] for r in db.conn.execute("SELECT username FROM users")]
    assert names == sorted(stored, key=str.lower)
    assert len(names) == len(stored)


def test_disabled_user_cannot_sign_in(db, counselor):
    """A disabled user is refused even with the right password and leaves the active list."""
    disabled = disable_user(db, "canbo.test")
    assert disabled.active is False
    result = sign_in(db, "canbo.test", SECRET)
    assert (result.ok, result.reason) == (False, "disabled")
    assert "canbo.test" not in [u.username for u in list_users(db, include_disabled=False)]
    assert "canbo.test" in [u.username for u in list_users(db)]


@pytest.mark.parametrize("username", ["canbo.test", "CanBo.Test", " canbo.test "])
def test_duplicate_username_is_refused(db, counselor, username):
    """A username already taken (ignoring case and spaces) is refused with UserError and adds nobody."""
    before = db.conn.execute("SELECT count(*) FROM users").fetchone()[0]
    with pytest.raises(UserError):
        add_user(db, username, "Other", ["operator"], SECRET)
    assert db.conn.execute("SELECT count(*) FROM users").fetchone()[0] == before


@pytest.mark.parametrize(
    ("username", "roles", "password"),
    [
        ("a b", ["operator"], SECRET),
        ("ok.name", ["pilot"], SECRET),
        ("ok.name", [], SECRET),
        ("ok.name", ["operator"], "short"),
    ],
    ids=["bad-username", "unknown-role", "no-role", "short-password"],
)
def test_invalid_user_is_refused(db, username, roles, password):
    """A bad username, an unknown or missing role, or a short password raises UserError."""
    with pytest.raises(UserError):
        add_user(db, username, "X", roles, password)
    assert find_user(db, "ok.name") is None


def test_five_wrong_passwords_lock_for_five_minutes(db, counselor):
    """Five wrong passwords in a row lock the account: locked at t and t+4:59 (even the right one), open at t+5:01."""
    assert (MAX_FAILED_LOGINS, LOCK_MINUTES) == (5, 5)  # DESIGN: five tries, five minutes
    for attempt in range(4):
        assert sign_in(db, "canbo.test", WRONG, now=NOW + timedelta(seconds=attempt)).reason == "wrong_password"
    locked = sign_in(db, "canbo.test", WRONG, now=NOW)
    assert (locked.ok, locked.reason) == (False, "locked")
    assert locked.locked_until == NOW + timedelta(minutes=5)

    still = sign_in(db, "canbo.test", SECRET, now=NOW + timedelta(minutes=4, seconds=59))
    assert (still.ok, still.reason) == (False, "locked")
    opened = sign_in(db, "canbo.test", SECRET, now=NOW + timedelta(minutes=5, seconds=1))
    assert opened.ok


def test_a_right_password_resets_the_count(db, counselor):
    """Only wrong passwords *in a row* count: four wrong, one right, four wrong does not lock."""
    for _ in range(4):
        sign_in(db, "canbo.test", WRONG, now=NOW)
    assert sign_in(db, "canbo.test", SECRET, now=NOW).ok
    for _ in range(4):
        assert sign_in(db, "canbo.test", WRONG, now=NOW).reason == "wrong_password"
    assert sign_in(db, "canbo.test", SECRET, now=NOW).ok
