"""The audit log: append-only, read only by the administrator, the shift lead and the command line, filtered and
paged for the viewer; centre-wide settings are stored as JSON and audited."""

from __future__ import annotations

import inspect
import random
import sqlite3
from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hotline.core.timeutil import to_ms
from hotline.store import access, audit, users
from hotline.store import settings as settings_store
from hotline.store.access import COMMAND_LINE
from hotline.store.calls import save_call

CLI = COMMAND_LINE
#: A Monday morning (UTC), as in the conftest; entries are placed relative to it.
T0 = datetime(2026, 3, 2, 2, 0, tzinfo=UTC)
PASSWORD = "audit-test-password"


def insert_at(db, moment, user_id, action, entity="", entity_id="", detail="") -> None:
    """An entry at a chosen time (append() stamps the clock's time; inserting is what the triggers allow)."""
    db.conn.execute(
        "INSERT INTO audit_log(at, user_id, action, entity, entity_id, detail) VALUES (?, ?, ?, ?, ?, ?)",
        [to_ms(moment), user_id, action, entity, str(entity_id), detail],
    )
    db.conn.commit()


@pytest.fixture
def people(db, operator_id, lead_id) -> dict[str, int]:
    """Ids of an operator, a shift lead, a counselor and an administrator."""
    counselor = users.add_user(db, "counselor1", "Counselor One", ["counselor"], PASSWORD, by=CLI)
    admin = users.add_user(db, "admin1", "Admin One", ["admin"], PASSWORD, by=CLI)
    return {"operator": operator_id, "lead": lead_id, "counselor": counselor.id, "admin": admin.id}


def test_append_and_read_newest_first(db, operator_id, lead_id):
    """Appended entries come back newest first with user, names, action, entity and detail."""
    audit.append(db, operator_id, "call.view", "call", 7, "")
    audit.append(db, lead_id, "call.review", "call", "7", "ok")
    latest = audit.entries(db, viewer=CLI, limit=2)
    assert [(e.user_id, e.action, e.entity, e.entity_id, e.detail) for e in latest] == [
        (lead_id, "call.review", "call", "7", "ok"),
        (operator_id, "call.view", "call", "7", ""),
    ]
    assert [(e.username, e.display_name) for e in latest] == [("lead1", "Lead One"), ("operator1", "Operator One")]


def test_action_is_exact_or_a_group_ending_in_a_dot(db, operator_id, lead_id):
    """An action filter is an exact name, or a group when it ends in "."; _ and % are plain characters."""
    for action in ("call.view", "call.review", "call.review_x", "callXview", "case_open", "export"):
        audit.append(db, lead_id, action)
    assert {e.action for e in audit.entries(db, viewer=CLI, action="call.")} == {
        "call.view", "call.review", "call.review_x",
    }  # fmt: skip
    assert {e.action for e in audit.entries(db, viewer=CLI, action="call.review")} == {"call.review"}
    assert {e.action for e in audit.entries(db, viewer=CLI, action=("export", "case_open"))} == {"export", "case_open"}
    assert {e.action for e in audit.entries(db, viewer=CLI, action=("call.", "export"))} == {
        "call.view", "call.review", "call.review_x", "export",
    }  # fmt: skip
    assert audit.entries(db, viewer=CLI, action="case_") == []
    assert audit.entries(db, viewer=CLI, action="%") == []
    assert audit.entries(db, viewer=CLI, action="nothing.") == []
    assert audit.count_entries(db, viewer=CLI, action="nothing.") == 0


def test_user_time_and_record_filters(db, operator_id, lead_id):
    """Filters by user (or nobody), by time (start included, end not) and by record combine."""
    insert_at(db, T0, operator_id, "call.save", "call", 1)
    insert_at(db, T0 + timedelta(hours=1), lead_id, "case.view", "case", 12)
    insert_at(db, T0 + timedelta(hours=2), None, "login.unknown_user")
    insert_at(db, T0 + timedelta(hours=3), operator_id, "case.view", "case", 12)
    insert_at(db, T0 + timedelta(hours=4), operator_id, "case.view", "case", 13)

    def ids(**filters) -> list[tuple[int | None, str, str]]:
        found = audit.entries(db, viewer=CLI, **filters)
        assert audit.count_entries(db, viewer=CLI, **filters) == len(found)
        return [(e.user_id, e.action, e.entity_id) for e in found]

    assert ids(user_id=operator_id) == [(operator_id, "case.view", "13"), (operator_id, "case.view", "12"),
                                        (operator_id, "call.save", "1")]  # fmt: skip
    assert ids(user_id=audit.NO_USER, start=T0, end=T0 + timedelta(days=1)) == [(None, "login.unknown_user", "")]
    assert ids(start=T0 + timedelta(hours=1), end=T0 + timedelta(hours=3)) == [
        (None, "login.unknown_user", ""), (lead_id, "case.view", "12"),
    ]  # fmt: skip
    assert ids(entity="case", entity_id=12) == [(operator_id, "case.view", "12"), (lead_id, "case.view", "12")]
    assert ids(user_id=operator_id, action="case.", start=T0 + timedelta(hours=3, minutes=30)) == [
        (operator_id, "case.view", "13"),
    ]  # fmt: skip


def test_pages_cover_everything_once_newest_first(db, operator_id):
    """Pages of the log (ties in time broken by id) cover every entry once, in order, and the count agrees."""
    for n in range(450):
        insert_at(db, T0 + timedelta(minutes=n // 3), operator_id, "call.save", "call", n)  # three per minute
    day = {"start": T0, "end": T0 + timedelta(days=1)}  # not the template's entries, made at today's time
    pages = [audit.entries(db, viewer=CLI, limit=200, offset=offset, **day) for offset in (0, 200, 400, 600)]
    assert [len(p) for p in pages] == [200, 200, 50, 0]
    seen = [int(e.entity_id) for page in pages for e in page]
    assert seen == list(range(449, -1, -1))
    assert audit.count_entries(db, viewer=CLI, **day) == 450


def test_action_names_and_log_users(db, people):
    """The filter lists: each action present once, sorted; every user, disabled ones too."""
    for action in ("login.ok", "call.save", "login.ok", "export"):
        audit.append(db, people["operator"], action)
    users.disable_user(db, people["counselor"], by=CLI)
    assert {"call.save", "export", "login.ok", "user.add", "user.disable"} <= set(audit.action_names(db, viewer=CLI))
    names = audit.action_names(db, viewer=CLI)
    assert names == sorted(set(names))
    listed = {u.username: u.active for u in audit.log_users(db, viewer=CLI)}
    assert listed == {"operator1": True, "lead1": True, "counselor1": False, "admin1": True}


READS = {
    "entries": lambda db, viewer: audit.entries(db, viewer=viewer),
    "count_entries": lambda db, viewer: audit.count_entries(db, viewer=viewer),
    "action_names": lambda db, viewer: audit.action_names(db, viewer=viewer),
    "log_users": lambda db, viewer: audit.log_users(db, viewer=viewer),
}


@pytest.mark.parametrize("read", READS)
@pytest.mark.parametrize("role", ["operator", "counselor"])
def test_operator_and_counselor_may_not_read_the_log(db, people, read, role):
    """An operator or a counselor is refused every read of the log, and the refusal is itself logged."""
    with pytest.raises(access.PermissionDenied):
        READS[read](db, people[role])
    last = audit.entries(db, viewer=CLI, limit=1)[0]
    assert (last.user_id, last.action, last.entity_id) == (people[role], "access.denied", "audit.view")


@pytest.mark.parametrize("read", READS)
@pytest.mark.parametrize("who", ["admin", "lead", "command line"])
def test_admin_shift_lead_and_command_line_may_read_the_log(db, people, read, who):
    """The administrator, the shift lead and the command line read the log; reading adds nothing to it."""
    viewer = CLI if who == "command line" else people[who]
    before = audit.count_entries(db, viewer=CLI)
    READS[read](db, viewer)
    assert audit.count_entries(db, viewer=CLI) == before


def test_a_disabled_lead_loses_the_log_at_once(db, people):
    """A shift lead disabled by the administrator can no longer read the log, even with an open session."""
    audit.entries(db, viewer=people["lead"])
    users.disable_user(db, people["lead"], by=people["admin"])
    with pytest.raises(access.PermissionDenied):
        audit.entries(db, viewer=people["lead"])


def test_the_store_offers_no_way_to_change_or_delete_an_entry():
    """The audit module's public functions are one append and reads: nothing updates or deletes an entry."""
    functions = {name for name, value in inspect.getmembers(audit, inspect.isfunction)
                 if value.__module__ == audit.__name__ and not name.startswith("_")}  # fmt: skip
    assert functions == {"append", "entries", "count_entries", "action_names", "log_users"}
    source = inspect.getsource(audit).upper()
    assert "UPDATE AUDIT_LOG" not in source and "DELETE FROM AUDIT_LOG" not in source


def test_detail_is_cut_short(db, operator_id):
    """A detail longer than MAX_DETAIL is cut, so no long free text lands in the log."""
    audit.append(db, operator_id, "x.test", detail="y" * (audit.MAX_DETAIL + 50))
    assert len(audit.entries(db, viewer=CLI, action="x.test")[0].detail) == audit.MAX_DETAIL


def test_saving_a_call_is_audited(db, make_call, operator_id):
    """Saving a call writes one audit entry naming the operator and the call, without the summary."""
    saved = save_call(db, make_call(summary="nội dung riêng tư thử nghiệm"))
    (entry,) = audit.entries(db, viewer=CLI, action="call.save")
    assert (entry.user_id, entry.entity, entry.entity_id) == (operator_id, "call", str(saved.id))
    assert "riêng tư" not in entry.detail


STATEMENTS = [
    "UPDATE audit_log SET action = 'tampered'",
    "UPDATE audit_log SET detail = '' WHERE id = 1",
    "UPDATE audit_log SET at = 0, user_id = NULL",
    "DELETE FROM audit_log",
    "DELETE FROM audit_log WHERE id = 1",
    "INSERT OR REPLACE INTO audit_log(id, at, action) VALUES (1, 0, 'replaced')",
    "REPLACE INTO audit_log(id, at, action) VALUES (1, 0, 'replaced')",
    "INSERT INTO audit_log(id, at, action) VALUES (1, 0, 'x') ON CONFLICT(id) DO UPDATE SET action = 'upserted'",
]


@pytest.mark.parametrize("statement", STATEMENTS)
def test_update_and_delete_are_refused(db, operator_id, statement):
    """Direct SQL that changes or removes audit rows is refused by the triggers; the rows stay as they were."""
    audit.append(db, operator_id, "call.view", "call", 1, "a")
    audit.append(db, operator_id, "call.view", "call", 2, "b")
    before = db.conn.execute("SELECT * FROM audit_log ORDER BY id").fetchall()
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        db.conn.execute(statement)
    db.conn.rollback()
    assert db.conn.execute("SELECT * FROM audit_log ORDER BY id").fetchall() == before


@pytest.mark.parametrize("statement", STATEMENTS)
def test_a_raw_sqlite3_connection_is_refused_too(db, db_path, operator_id, statement):
    """The triggers live in the file: a plain sqlite3 connection, outside Hotline, cannot change the log either."""
    audit.append(db, operator_id, "login.ok", "user", operator_id)
    raw = sqlite3.connect(str(db_path))
    try:
        before = raw.execute("SELECT * FROM audit_log ORDER BY id").fetchall()
        # IntegrityError is a DatabaseError; "with raw" rolls the refused statement's transaction back
        with pytest.raises(sqlite3.DatabaseError, match="append-only"), raw:
            raw.execute(statement)
        assert raw.execute("SELECT * FROM audit_log ORDER BY id").fetchall() == before
    finally:
        raw.close()


def test_viewer_queries_use_an_index(db, operator_id):
    """Every filter of the viewer is answered from an index in time order, never by reading the whole log."""
    audit.append(db, operator_id, "call.save")
    audit.append(db, operator_id, "export")
    statements: list[str] = []
    db.conn.set_trace_callback(statements.append)
    try:
        for filters in ({}, {"user_id": operator_id}, {"action": "export"}, {"action": ("call.", "export")},
                        {"user_id": operator_id, "action": "call."}, {"user_id": audit.NO_USER},
                        {"start": T0, "end": T0 + timedelta(days=7)}):  # fmt: skip
            audit.entries(db, viewer=CLI, limit=200, **filters)
            audit.count_entries(db, viewer=CLI, **filters)
    finally:
        db.conn.set_trace_callback(None)
    reads = [s for s in statements if "FROM audit_log a" in s]
    assert len(reads) == 14
    for statement in reads:
        plan = " / ".join(row[3] for row in db.conn.execute("EXPLAIN QUERY PLAN " + statement))
        where = statement.partition(" WHERE ")[2]
        if "a.user_id" in where or "a.action" in where:
            assert "SEARCH a USING" in plan, (statement, plan)
        else:  # newest first along the time index, stopping after the page
            assert "INDEX audit_log_at" in plan, (statement, plan)
        assert "SCAN a /" not in plan + " /", (statement, plan)  # never the table itself


@pytest.fixture
def random_log(db, people):
    """300 entries of four users and nobody, ten actions, over ten days."""
    rng = random.Random(5)
    actions = ["call.save", "call.edit", "case.view", "case.note", "login.ok", "login.failed", "export",
               "user.add", "backup.take", "access.denied"]  # fmt: skip
    who = [*people.values(), None]
    for _ in range(300):
        moment = T0 + timedelta(minutes=rng.randrange(10 * 24 * 60))
        insert_at(db, moment, rng.choice(who), rng.choice(actions), "call", rng.randrange(20))
    rows = db.conn.execute("SELECT id, at, user_id, action FROM audit_log").fetchall()
    return people, rows


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    who=st.sampled_from(["any", "operator", "lead", "counselor", "admin", "nobody"]),
    action=st.sampled_from([None, "call.", "case.", "login.", "export", "access.denied", ("user.", "backup."), "x"]),
    first_day=st.integers(0, 10),
    days=st.integers(1, 12),
    offset=st.integers(0, 320),
    limit=st.integers(1, 200),
)
def test_entries_match_the_rows_filtered_by_hand(db, random_log, who, action, first_day, days, offset, limit):
    """For any filter, count and page agree with the log's rows filtered and sorted in Python."""
    people, rows = random_log
    user_id = None if who == "any" else audit.NO_USER if who == "nobody" else people[who]
    start, end = T0 + timedelta(days=first_day), T0 + timedelta(days=first_day + days)
    wanted = (action,) if isinstance(action, str) else action or ()

    def matches(row) -> bool:
        _, at, row_user, row_action = row
        if who == "nobody" and row_user is not None:
            return False
        if user_id not in (None, audit.NO_USER) and row_user != user_id:
            return False
        if wanted and not any(row_action.startswith(w) if w.endswith(".") else row_action == w for w in wanted):
            return False
        return to_ms(start) <= at < to_ms(end)

    expected = sorted((r for r in rows if matches(r)), key=lambda r: (r[1], r[0]), reverse=True)
    filters = {"user_id": user_id, "action": action, "start": start, "end": end}
    assert audit.count_entries(db, viewer=CLI, **filters) == len(expected)
    page = audit.entries(db, viewer=CLI, limit=limit, offset=offset, **filters)
    assert [e.id for e in page] == [r[0] for r in expected[offset : offset + limit]]


def test_settings_round_trip_and_audit(db, lead_id):
    """Settings keep JSON values, a second write replaces the first, and each change is audited."""
    settings_store.write_value(db, "shifts", [["07:00", "19:00"], ["19:00", "07:00"]], by=CLI)
    settings_store.write_value(db, "centre_name", "Trung tâm thử", by=CLI)
    settings_store.write_value(db, "centre_name", "Trung tâm thử 2", by=CLI)
    values = settings_store.read_all(db)
    assert values["shifts"] == [["07:00", "19:00"], ["19:00", "07:00"]]
    assert values["centre_name"] == "Trung tâm thử 2"
    changed = audit.entries(db, viewer=CLI, action="settings.")
    assert [e.entity_id for e in changed] == ["centre_name", "centre_name", "shifts"]


def test_clearing_a_rule_flag_is_audited_without_the_reason(db, operator_id, lead_id, make_call):
    """A call saved with a rule's flag cleared leaves a call.flag_override entry; the reason text is not in it."""
    from hotline.store.calls import get_call, update_call

    reason = "Trẻ đã được công an xã đưa về nhà bà ngoại."
    cleared = save_call(db, make_call(case_need="required", flagged=False, flag_override_reason=reason))
    flagged = save_call(db, make_call(minutes=1, case_need="required", flagged=True, flag_source="rule"))
    entries = audit.entries(db, viewer=CLI, action="call.flag_override")
    assert [(e.user_id, e.entity_id) for e in entries] == [(operator_id, str(cleared.id))]
    assert all(reason not in e.detail for e in audit.entries(db, viewer=CLI))

    edit = get_call(db, flagged.id, viewer_id=lead_id)
    edit.flagged, edit.flag_source, edit.flag_override_reason = False, None, "Đã xác minh: gọi nhầm."
    update_call(db, edit, user_id=lead_id)
    entries = audit.entries(db, viewer=CLI, action="call.flag_override")
    assert [(e.user_id, e.entity_id) for e in entries] == [(lead_id, str(flagged.id)), (operator_id, str(cleared.id))]
