"""The DESIGN §6 matrix walked against the store: every role × every action, allowed exactly when can() says so."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import pytest

from hotline import settings
from hotline.core import permissions as p
from hotline.core.daily_log import LogFilter
from hotline.core.models import Call, Child, User
from hotline.core.timeutil import utcnow
from hotline.store import audit, backup, bulk, calls, cases, categories, daily_log, lines, stats, users
from hotline.store.access import COMMAND_LINE, PermissionDenied
from hotline.store.db import open_database

PASSWORD = "test-password-1"
UNKNOWN_ID = 9999
#: The actors of the walk: one user per role, a user with every role who was disabled, and an id nobody has.
ACTOR_ROLES = {
    "operator": {"operator"},
    "shift_lead": {"shift_lead"},
    "counselor": {"counselor"},
    "admin": {"admin"},
    "disabled": {"operator", "shift_lead", "counselor", "admin"},
    "unknown": set(),
}
#: An action whose every operation a broader action allows as well: a shift lead exports any case
#: (EXPORT_PERSONAL), so exporting the case "assigned to them" succeeds although the matrix gives them no
#: EXPORT_OWN_CASES cell (core.permissions says so beside the matrix).
COVERED_BY = {p.EXPORT_OWN_CASES: (p.EXPORT_PERSONAL,)}
PHONE = "0912 345 678"


@pytest.fixture(scope="module")
def matrix_template(tmp_path_factory) -> tuple[Path, dict]:
    """A database holding what every probe acts on, built once (argon2 is slow); each test copies it."""
    path = tmp_path_factory.mktemp("matrix") / "hotline.sqlite3"
    db = open_database(path)
    ids = {
        name: users.add_user(db, name, name.title(), sorted(roles), PASSWORD, by=COMMAND_LINE).id
        for name, roles in ACTOR_ROLES.items()
        if name != "unknown"
    }
    ids["unknown"] = UNKNOWN_ID
    other = users.add_user(db, "other", "Another Operator", ["operator"], PASSWORD, by=COMMAND_LINE).id
    counselor2 = users.add_user(db, "counselor2", "Counselor Two", ["counselor"], PASSWORD, by=COMMAND_LINE).id
    now = utcnow()
    # each actor's own call of an hour ago (inserted as the demo generator does: an administrator logs no calls)
    own = [Call(line="111", started_at=now - timedelta(hours=1), operator_id=ids[name], outcome="silent")
           for name in ACTOR_ROLES if name != "unknown"]  # fmt: skip
    own_ids = bulk.insert_calls(db, ((call, "") for call in own))
    base = {
        "line": "111",
        "operator_id": other,
        "phone_raw": PHONE,
        "summary": "Hàng xóm báo trẻ bị đánh.",
        "risk": "low",
        "service_level": "intervention",
    }
    other_call = calls.save_call(db, Call(started_at=now - timedelta(minutes=50), **base))
    cleared = calls.save_call(db, Call(
        started_at=now - timedelta(minutes=40), categories=["abuse.violence"], case_need="required", flagged=False,
        flag_override_reason="Đã xác minh: trẻ an toàn", **base,
    ))  # fmt: skip
    flagged = calls.save_call(db, Call(
        started_at=now - timedelta(minutes=30), categories=["abuse.violence"], case_need="required", flagged=True,
        flag_source="rule", children=[Child(name="Bé An"), Child(name="Bé Bình")], **base,
    ))  # fmt: skip
    (case_a,) = cases.open_cases(
        db, flagged.id, [flagged.children[0].id], by_user_id=ids["counselor"], assigned_to=ids["counselor"]
    )
    (case_b,) = cases.open_cases(
        db, flagged.id, [flagged.children[1].id], by_user_id=ids["counselor"], assigned_to=ids["disabled"]
    )
    users.disable_user(db, ids["disabled"], by=COMMAND_LINE)
    db.close()
    fixtures = {
        "ids": ids,
        "own_call": {ids[name]: call_id for name, call_id in zip(ACTOR_ROLES, own_ids, strict=False)},
        "other_call": other_call.id,
        "cleared_call": cleared.id,
        "case": case_a.id,
        "own_case": {ids["counselor"]: case_a.id, ids["disabled"]: case_b.id},
        "counselor2": counselor2,
        "lead": ids["shift_lead"],
        "period": (now - timedelta(days=1), now + timedelta(hours=1)),
    }
    return path, fixtures


@pytest.fixture
def matrix(matrix_template, tmp_path):
    """A copy of the template of this test's own, and what is in it."""
    template, fixtures = matrix_template
    path = tmp_path / "hotline.sqlite3"
    shutil.copyfile(template, path)
    db = open_database(path)
    yield db, fixtures
    db.close()


def _edited(db, fx, call_id: int) -> Call:
    """The stored call (read as the shift lead) with a new summary."""
    return replace(calls.get_call(db, call_id, viewer_id=fx["lead"]), summary="Sửa lại tóm tắt.")


def _log_filter(fx) -> LogFilter:
    return LogFilter(*fx["period"])


# action → the guarded store operation that needs it, done as ``actor``.
PROBES: dict[str, Callable[[object, int, dict], object]] = {
    p.CALL_LOG: lambda db, actor, fx: calls.save_call(
        db, Call(line="111", started_at=utcnow(), operator_id=actor, outcome="silent")
    ),
    p.CALLER_HISTORY: lambda db, actor, fx: calls.caller_history(db, PHONE, viewer_id=actor),
    p.CALL_EDIT_OWN: lambda db, actor, fx: calls.update_call(
        db, _edited(db, fx, fx["own_call"].get(actor, fx["other_call"])), user_id=actor
    ),
    p.CALL_VIEW_ALL: lambda db, actor, fx: daily_log.log_rows(db, _log_filter(fx), viewer_id=actor),
    p.CALL_EDIT_ALL: lambda db, actor, fx: calls.update_call(db, _edited(db, fx, fx["other_call"]), user_id=actor),
    p.CALL_REVIEW: lambda db, actor, fx: daily_log.mark_reviewed(db, [fx["other_call"]], by_user_id=actor),
    p.FLAG_OVERRIDE: lambda db, actor, fx: daily_log.reflag(db, fx["cleared_call"], by_user_id=actor),
    p.QUEUE_VIEW: lambda db, actor, fx: cases.followup_queue(db, viewer_id=actor),
    p.CASE_VIEW: lambda db, actor, fx: cases.get_case(db, fx["case"], viewer_id=actor),
    p.CASE_EDIT: lambda db, actor, fx: cases.add_note(db, fx["case"], "Đã gọi lại cho mẹ bé.", by_user_id=actor),
    p.CASE_ASSIGN_ANY: lambda db, actor, fx: cases.assign_case(db, fx["case"], fx["counselor2"], by_user_id=actor),
    p.STATS_VIEW: lambda db, actor, fx: stats.report_figures(
        db, fx["period"][0].date(), fx["period"][1].date(), viewer_id=actor
    ),
    p.EXPORT_PERSONAL: lambda db, actor, fx: list(calls.export_rows(db, *fx["period"], viewer_id=actor)),
    p.EXPORT_OWN_CASES: lambda db, actor, fx: cases.form01_sources(
        db, fx["own_case"].get(actor, fx["case"]), viewer_id=actor
    ),
    p.ADMIN_USERS: lambda db, actor, fx: users.add_user(db, "tongdai9", "Người mới", ["operator"], PASSWORD, by=actor),
    p.ADMIN_LINES: lambda db, actor, fx: lines.add_line(db, "19001567", "Đường dây thử", by=actor),
    p.ADMIN_SETTINGS: lambda db, actor, fx: settings.save(db, "idle_minutes", 15, by=actor),
    p.ADMIN_CATEGORIES: lambda db, actor, fx: categories.rename_category(
        db, "counselling.legal", "Pháp luật cho trẻ", "Law for children", by=actor
    ),
    p.ADMIN_BACKUP: lambda db, actor, fx: backup.take_backup(
        _path_of(db), _path_of(db).parent / "backups", kind="manual", actor=actor
    ),
    p.AUDIT_VIEW: lambda db, actor, fx: audit.entries(db, viewer=actor),
}


def _path_of(db) -> Path:
    return Path(db.conn.execute("PRAGMA database_list").fetchone()[2])


def test_every_action_has_a_probe():
    """Each action of the matrix is probed here, so a new action without a probe fails."""
    assert set(PROBES) == set(p.ACTIONS)


def snapshot(db) -> dict[str, list]:
    """Every row of every table but the audit log, to tell that a refusal wrote nothing."""
    names = [
        r[0]
        for r in db.conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name != 'audit_log'"
        )
    ]
    return {name: sorted(map(repr, db.conn.execute(f'SELECT * FROM "{name}"'))) for name in names}


def as_user(fx, actor: str) -> User | None:
    """The actor as DESIGN §6 sees it, from the fixture's own table (not read through the store)."""
    if actor == "unknown":
        return None
    return User(id=fx["ids"][actor], username=actor, display_name=actor, roles=frozenset(ACTOR_ROLES[actor]),
                active=actor != "disabled")  # fmt: skip


@pytest.mark.parametrize("action", sorted(PROBES))
@pytest.mark.parametrize("actor", list(ACTOR_ROLES))
def test_the_store_allows_exactly_what_the_matrix_allows(matrix, actor, action):
    """The guarded operation succeeds exactly when can(user, action); a refusal writes one 'access.denied' entry."""
    db, fx = matrix
    actor_id = fx["ids"][actor]
    user = as_user(fx, actor)
    expected = any(p.can(user, a) for a in (action, *COVERED_BY.get(action, ())))
    before = snapshot(db)
    last_entry = db.conn.execute("SELECT coalesce(max(id), 0) FROM audit_log").fetchone()[0]
    if expected:
        PROBES[action](db, actor_id, fx)
        return
    with pytest.raises(PermissionDenied) as refused:
        PROBES[action](db, actor_id, fx)
    assert refused.value.action in p.ACTIONS
    assert snapshot(db) == before
    new_entries = db.conn.execute(
        "SELECT user_id, action, entity, entity_id FROM audit_log WHERE id > ?", [last_entry]
    ).fetchall()
    assert new_entries == [(actor_id, "access.denied", "action", refused.value.action)]
    assert not db.conn.in_transaction


def test_the_probes_cover_each_cell_both_ways():
    """Each probed action is allowed to some actor and refused to another, so no probe passes on one outcome."""
    fx = {"ids": dict.fromkeys(ACTOR_ROLES, 1)}
    for action in PROBES:
        outcomes = {p.can(as_user(fx, actor), action) for actor in ACTOR_ROLES}
        assert outcomes == {True, False}, action


def test_a_user_disabled_after_sign_in_is_refused_at_the_next_call(matrix):
    """Signed in, then disabled by the administrator: the next store call of the open session is refused."""
    db, _ = matrix
    signed_in = users.sign_in(db, "operator", PASSWORD)
    assert signed_in.ok
    operator_id = signed_in.user.id
    assert calls.caller_history(db, PHONE, viewer_id=operator_id).total == 3
    users.disable_user(db, operator_id, by=COMMAND_LINE)
    with pytest.raises(PermissionDenied):
        calls.caller_history(db, PHONE, viewer_id=operator_id)
    with pytest.raises(PermissionDenied):
        calls.save_call(db, Call(line="111", started_at=utcnow(), operator_id=operator_id, outcome="silent"))


def test_a_role_removed_in_the_database_takes_effect_at_once(matrix):
    """A role taken away in the users table is gone at the very next call; the roles left still work."""
    db, fx = matrix
    lead = fx["lead"]
    db.conn.execute("UPDATE users SET roles = 'shift_lead,operator' WHERE id = ?", [lead])
    assert daily_log.log_count(db, _log_filter(fx), viewer_id=lead) > 0
    db.conn.execute("UPDATE users SET roles = 'operator' WHERE id = ?", [lead])
    with pytest.raises(PermissionDenied):
        daily_log.log_count(db, _log_filter(fx), viewer_id=lead)
    assert calls.caller_history(db, PHONE, viewer_id=lead).total == 3
