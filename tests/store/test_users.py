"""Users: argon2 hashes, sign-in, the five-wrong-passwords lock (controllable clock), password changes and
resets, and the administrator's changes (roles, disable, enable, unlock; the last administrator stays)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hotline.store import audit, users
from hotline.store.access import COMMAND_LINE, PermissionDenied
from hotline.store.db import NotFoundError
from hotline.store.users import (
    LOCK_MINUTES,
    MAX_FAILED_LOGINS,
    AccountLockedError,
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
    return add_user(db, "canbo.test", "Cán Bộ Thử", ["counselor"], SECRET, by=COMMAND_LINE)


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
    actions = [e.action for e in audit.entries(db, viewer=COMMAND_LINE, action="login.")]
    assert "login.failed" in actions and "login.unknown_user" in actions


def test_list_users(db, counselor):
    """list_users returns every user ordered by username regardless of case."""
    add_user(db, "Zeta.user", "Z", ["operator"], SECRET, by=COMMAND_LINE)
    add_user(db, "alpha.user", "A", ["admin"], SECRET, by=COMMAND_LINE)
    names = [u.username for u in list_users(db)]
    stored = [r[0] for r in db.conn.execute("SELECT username FROM users")]
    assert names == sorted(stored, key=str.lower)
    assert len(names) == len(stored)


def test_disabled_user_cannot_sign_in(db, counselor):
    """A disabled user is refused even with the right password and leaves the active list."""
    disabled = disable_user(db, counselor.id, by=COMMAND_LINE)
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
        add_user(db, username, "Other", ["operator"], SECRET, by=COMMAND_LINE)
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
        add_user(db, username, "X", roles, password, by=COMMAND_LINE)
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


# --- sign-in hardening ---------------------------------------------------------------------------------------


@pytest.fixture
def admin(db):
    return add_user(db, "quantri", "Quản Trị", ["admin"], SECRET, by=COMMAND_LINE)


def test_locked_sign_in_says_until_when(db, counselor):
    """The fifth wrong password answers 'locked' with the end of the lock, and the message names that time."""
    for _ in range(MAX_FAILED_LOGINS - 1):
        sign_in(db, "canbo.test", WRONG, now=NOW)
    locked = sign_in(db, "canbo.test", WRONG, now=NOW)
    assert locked.locked_until == NOW + timedelta(minutes=LOCK_MINUTES)
    assert "15:05" in locked.message()  # 08:05 UTC is 15:05 in Vietnam
    again = sign_in(db, "canbo.test", SECRET, now=NOW + timedelta(minutes=1))
    assert (again.reason, again.locked_until) == ("locked", NOW + timedelta(minutes=LOCK_MINUTES))


def test_a_disabled_account_is_not_revealed_by_a_wrong_password(db, counselor):
    """A wrong password on a disabled account reads exactly like a wrong password; only the right one says
    'disabled'."""
    disable_user(db, counselor.id, by=COMMAND_LINE)
    wrong = sign_in(db, "canbo.test", WRONG, now=NOW)
    assert (wrong.ok, wrong.reason, wrong.message()) == (False, "wrong_password", sign_in(db, "x.y", WRONG).message())
    right = sign_in(db, "canbo.test", SECRET, now=NOW)
    assert (right.ok, right.reason, right.user) == (False, "disabled", None)


def test_reset_password_signs_in_with_must_change_and_ends_a_lock(db, counselor, admin):
    """After an administrator's reset the locked user signs in at once with the new password, flagged to change
    it; the old password no longer works."""
    for _ in range(MAX_FAILED_LOGINS):
        sign_in(db, "canbo.test", WRONG, now=NOW)
    users.reset_password(db, counselor.id, "temporary-123", by=admin.id)
    result = sign_in(db, "canbo.test", "temporary-123", now=NOW + timedelta(seconds=10))
    assert result.ok and result.user.must_change_password
    assert sign_in(db, "canbo.test", SECRET, now=NOW + timedelta(seconds=20)).reason == "wrong_password"
    assert [e.action for e in audit.entries(db, viewer=COMMAND_LINE, action="user.password_reset")] == [
        "user.password_reset"
    ]


def test_change_own_password(db, counselor, admin):
    """The right current password changes it: must_change_password is cleared, only the new one signs in, and
    the change is audited without the password."""
    users.reset_password(db, counselor.id, "temporary-123", by=admin.id)
    changed = users.change_own_password(db, counselor.id, "temporary-123", "my-own-secret-9")
    assert changed.must_change_password is False
    assert sign_in(db, "canbo.test", "my-own-secret-9").ok
    assert not sign_in(db, "canbo.test", "temporary-123").ok
    entries = audit.entries(db, viewer=COMMAND_LINE, action="user.password_change")
    assert [(e.user_id, e.entity_id) for e in entries] == [(counselor.id, str(counselor.id))]
    dump = "\n".join(db.conn.iterdump())
    assert "my-own-secret-9" not in dump and "temporary-123" not in dump


@pytest.mark.parametrize(
    ("old", "new", "says"),
    [(SECRET, SECRET, "must differ"), (SECRET, "short", "at least"), (WRONG, "another-secret-1", "current password")],
    ids=["same-as-old", "too-short", "wrong-current"],
)
def test_change_own_password_refusals(db, counselor, old, new, says):
    """A new password equal to the old one, a short one, or a wrong current password is refused with a
    message; the password stays as it was."""
    with pytest.raises(UserError, match=says):
        users.change_own_password(db, counselor.id, old, new)
    assert sign_in(db, "canbo.test", SECRET).ok


def test_wrong_current_passwords_lock_like_sign_in(db, counselor):
    """Five wrong current passwords lock the account for five minutes, for sign-in too; afterwards both work."""
    for attempt in range(MAX_FAILED_LOGINS - 1):
        with pytest.raises(UserError, match="current password"):
            users.change_own_password(db, counselor.id, WRONG, "another-secret-1", now=NOW + timedelta(seconds=attempt))
    with pytest.raises(AccountLockedError) as locked:
        users.change_own_password(db, counselor.id, WRONG, "another-secret-1", now=NOW)
    assert locked.value.locked_until == NOW + timedelta(minutes=LOCK_MINUTES)
    with pytest.raises(AccountLockedError):  # even the right password waits
        users.change_own_password(db, counselor.id, SECRET, "another-secret-1", now=NOW + timedelta(minutes=4))
    assert sign_in(db, "canbo.test", SECRET, now=NOW + timedelta(minutes=4)).reason == "locked"
    later = NOW + timedelta(minutes=LOCK_MINUTES, seconds=1)
    users.change_own_password(db, counselor.id, SECRET, "another-secret-1", now=later)
    assert sign_in(db, "canbo.test", "another-secret-1", now=later).ok


def test_failed_sign_ins_and_changes_count_together(db, counselor):
    """Wrong passwords at sign-in and at a password change add up: three plus two lock the account."""
    for _ in range(3):
        sign_in(db, "canbo.test", WRONG, now=NOW)
    with pytest.raises(UserError):
        users.change_own_password(db, counselor.id, WRONG, "another-secret-1", now=NOW)
    with pytest.raises(AccountLockedError):
        users.change_own_password(db, counselor.id, WRONG, "another-secret-1", now=NOW)


def test_unlock_user_ends_the_lock_early(db, counselor, admin):
    """An administrator's unlock lets the right password in before the five minutes are over."""
    for _ in range(MAX_FAILED_LOGINS):
        sign_in(db, "canbo.test", WRONG, now=NOW)
    assert users.is_locked(find_user(db, "canbo.test"), NOW)
    unlocked = users.unlock_user(db, counselor.id, by=admin.id)
    assert not users.is_locked(unlocked, NOW) and unlocked.failed_logins == 0
    assert sign_in(db, "canbo.test", SECRET, now=NOW + timedelta(seconds=1)).ok


# --- the administrator's changes ---------------------------------------------------------------------------


def test_update_user_roles_and_name(db, counselor, admin):
    """update_user changes roles and display name; the audit names the roles, never the person's name."""
    updated = users.update_user(
        db, counselor.id, display_name="  Lê Văn Mới ", roles=["operator", "counselor"], by=admin
    )
    assert (updated.display_name, updated.roles) == ("Lê Văn Mới", frozenset({"operator", "counselor"}))
    (entry,) = audit.entries(db, viewer=COMMAND_LINE, action="user.update")
    assert entry.detail == "roles=counselor,operator display_name" and "Mới" not in entry.detail


def test_the_last_active_administrator_keeps_the_role_and_the_account(db, admin, counselor):
    """The only active administrator cannot lose the admin role or be disabled; with a second one both work."""
    with pytest.raises(UserError, match="at least one active administrator"):
        users.update_user(db, admin.id, roles=["operator"], by=COMMAND_LINE)
    with pytest.raises(UserError, match="at least one active administrator"):
        disable_user(db, admin.id, by=COMMAND_LINE)
    assert users.get_user(db, admin.id).roles == {"admin"} and users.get_user(db, admin.id).active
    second = users.update_user(db, counselor.id, roles=["counselor", "admin"], by=COMMAND_LINE)
    assert users.update_user(db, admin.id, roles=["operator"], by=second.id).roles == {"operator"}
    with pytest.raises(UserError, match="at least one active administrator"):
        disable_user(db, second.id, by=COMMAND_LINE)


def test_nobody_disables_their_own_account(db, admin):
    """An administrator cannot disable themself, even when another administrator remains."""
    other = add_user(db, "quantri2", "Q2", ["admin"], SECRET, by=COMMAND_LINE)
    with pytest.raises(UserError, match="your own account"):
        disable_user(db, admin.id, by=admin.id)
    assert disable_user(db, admin.id, by=other.id).active is False


def test_disable_then_enable(db, counselor, admin):
    """A disabled user is refused at sign-in and loses every right at once; enabled again, they sign in with the
    roles they had. Both changes are audited."""
    disable_user(db, counselor.id, by=admin.id)
    assert sign_in(db, "canbo.test", SECRET).reason == "disabled"
    enabled = users.enable_user(db, counselor.id, by=admin.id)
    assert enabled.active and enabled.roles == {"counselor"}
    assert sign_in(db, "canbo.test", SECRET).ok
    actions = [e.action for e in audit.entries(db, viewer=COMMAND_LINE, action="user.")]
    assert actions[:2] == ["user.enable", "user.disable"]


@pytest.mark.parametrize(
    "change",
    [
        lambda db, uid, by: add_user(db, "new.one", "N", ["operator"], SECRET, by=by),
        lambda db, uid, by: users.update_user(db, uid, roles=["admin"], by=by),
        lambda db, uid, by: users.disable_user(db, uid, by=by),
        lambda db, uid, by: users.enable_user(db, uid, by=by),
        lambda db, uid, by: users.reset_password(db, uid, "another-secret-1", by=by),
        lambda db, uid, by: users.unlock_user(db, uid, by=by),
    ],
    ids=["add", "update", "disable", "enable", "reset-password", "unlock"],
)
def test_only_an_administrator_changes_users(db, counselor, lead_id, change):
    """Every change to users refuses a non-administrator (here a shift lead) and writes nothing but the refusal."""
    before = db.conn.execute("SELECT * FROM users ORDER BY id").fetchall()
    with pytest.raises(PermissionDenied):
        change(db, counselor.id, lead_id)
    assert db.conn.execute("SELECT * FROM users ORDER BY id").fetchall() == before
    assert [e.action for e in audit.entries(db, viewer=COMMAND_LINE, action="access.denied")] == ["access.denied"]


def test_changes_to_an_unknown_user_are_refused(db, admin):
    """A user id that does not exist gives NotFoundError, not a silent no-op."""
    with pytest.raises(NotFoundError):
        users.disable_user(db, 9999, by=admin.id)
    with pytest.raises(NotFoundError):
        users.reset_password(db, 9999, "another-secret-1", by=admin.id)


def test_create_first_admin_only_on_an_empty_database(tmp_path):
    """The first administrator is made without anyone's permission only while there are no users at all."""
    from hotline.store.db import open_database

    db = open_database(tmp_path / "new.sqlite3")
    try:
        first = users.create_first_admin(db, "quantri", "", SECRET, roles=["operator"])
        assert (first.username, first.display_name, first.roles) == ("quantri", "quantri", {"admin", "operator"})
        with pytest.raises(UserError, match="There are users already"):
            users.create_first_admin(db, "quantri2", "Q", SECRET)
        assert users.count_users(db) == 1
    finally:
        db.close()


def test_user_call_counts(db, operator_id, lead_id, make_call):
    """Calls are counted per operator (users with none are absent), from the index without reading call rows."""
    from hotline.store.calls import save_call

    for minute in range(3):
        save_call(db, make_call(minutes=minute))
    save_call(db, make_call(minutes=5, operator_id=lead_id))
    executed = []
    db.conn.set_trace_callback(executed.append)
    try:
        assert users.user_call_counts(db) == {operator_id: 3, lead_id: 1}
    finally:
        db.conn.set_trace_callback(None)
    (sql,) = executed
    plan = " ".join(row[3] for row in db.conn.execute("EXPLAIN QUERY PLAN " + sql))
    assert "COVERING INDEX calls_operator" in plan and "SCAN calls" not in plan


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=st.text(max_size=120))
def test_any_typed_display_name_is_stored_or_refused(db, counselor, name):
    """Whatever the administrator types as a display name is stored and read back trimmed, or refused with a
    coded message leaving the old name."""
    before = users.get_user(db, counselor.id).display_name
    try:
        updated = users.update_user(db, counselor.id, display_name=name, by=COMMAND_LINE)
    except UserError as exc:
        assert exc.code.startswith("user.display_name") and users.get_user(db, counselor.id).display_name == before
        return
    assert updated.display_name == name.strip() == users.get_user(db, counselor.id).display_name
