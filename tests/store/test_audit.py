"""The audit log is append-only; centre-wide settings are stored as JSON and audited."""

from __future__ import annotations

import sqlite3

import pytest

from hotline.store import audit, settings
from hotline.store.calls import save_call


def test_append_and_read_newest_first(db, operator_id, lead_id):
    """Appended entries come back newest first with user, action, entity and detail."""
    audit.append(db, operator_id, "call.view", "call", 7, "")
    audit.append(db, lead_id, "call.review", "call", "7", "ok")
    latest = audit.entries(db, limit=2)
    assert [(e.user_id, e.action, e.entity, e.entity_id, e.detail) for e in latest] == [
        (lead_id, "call.review", "call", "7", "ok"),
        (operator_id, "call.view", "call", "7", ""),
    ]


def test_filters(db, operator_id, lead_id):
    """entries() filters by user and by action prefix, where _ and % are plain characters."""
    audit.append(db, operator_id, "call.view")
    audit.append(db, lead_id, "call.review")
    audit.append(db, lead_id, "callXview")
    audit.append(db, lead_id, "case_open")
    assert {e.action for e in audit.entries(db, user_id=operator_id)} >= {"call.view"}
    assert all(e.user_id == operator_id for e in audit.entries(db, user_id=operator_id))
    assert {e.action for e in audit.entries(db, action="call.")} == {"call.view", "call.review"}
    assert {e.action for e in audit.entries(db, action="case_")} == {"case_open"}
    assert audit.entries(db, action="%") == []


def test_detail_is_cut_short(db, operator_id):
    """A detail longer than MAX_DETAIL is cut, so no long free text lands in the log."""
    audit.append(db, operator_id, "x.test", detail="y" * (audit.MAX_DETAIL + 50))
    assert len(audit.entries(db, action="x.test")[0].detail) == audit.MAX_DETAIL


def test_saving_a_call_is_audited(db, make_call, operator_id):
    """Saving a call writes one audit entry naming the operator and the call, without the summary."""
    saved = save_call(db, make_call(summary="nội dung riêng tư thử nghiệm"))
    (entry,) = audit.entries(db, action="call.save")
    assert (entry.user_id, entry.entity, entry.entity_id) == (operator_id, "call", str(saved.id))
    assert "riêng tư" not in entry.detail


@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE audit_log SET action = 'tampered'",
        "UPDATE audit_log SET detail = '' WHERE id = 1",
        "DELETE FROM audit_log",
        "DELETE FROM audit_log WHERE id = 1",
    ],
)
def test_update_and_delete_are_refused(db, operator_id, statement):
    """Direct SQL that changes or removes audit rows is refused by the triggers; the rows stay as they were."""
    audit.append(db, operator_id, "call.view", "call", 1, "a")
    audit.append(db, operator_id, "call.view", "call", 2, "b")
    before = db.conn.execute("SELECT * FROM audit_log ORDER BY id").fetchall()
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):  # IntegrityError is a DatabaseError
        db.conn.execute(statement)
    assert db.conn.execute("SELECT * FROM audit_log ORDER BY id").fetchall() == before


def test_settings_round_trip_and_audit(db, lead_id):
    """Settings keep JSON values, a second write replaces the first, and each change is audited."""
    settings.write_value(db, "shifts", [["07:00", "19:00"], ["19:00", "07:00"]], by_user_id=lead_id)
    settings.write_value(db, "centre_name", "Trung tâm thử", by_user_id=lead_id)
    settings.write_value(db, "centre_name", "Trung tâm thử 2", by_user_id=lead_id)
    values = settings.read_all(db)
    assert values["shifts"] == [["07:00", "19:00"], ["19:00", "07:00"]]
    assert values["centre_name"] == "Trung tâm thử 2"
    assert [e.entity_id for e in audit.entries(db, action="settings.")] == ["centre_name", "centre_name", "shifts"]


def test_clearing_a_rule_flag_is_audited_without_the_reason(db, operator_id, lead_id, make_call):
    """A call saved with a rule's flag cleared leaves a call.flag_override entry; the reason text is not in it."""
    from hotline.store.calls import get_call, update_call

    reason = "Trẻ đã được công an xã đưa về nhà bà ngoại."
    cleared = save_call(db, make_call(case_need="required", flagged=False, flag_override_reason=reason))
    flagged = save_call(db, make_call(minutes=1, case_need="required", flagged=True, flag_source="rule"))
    entries = audit.entries(db, action="call.flag_override")
    assert [(e.user_id, e.entity_id) for e in entries] == [(operator_id, str(cleared.id))]
    assert all(reason not in e.detail for e in audit.entries(db))

    edit = get_call(db, flagged.id)
    edit.flagged, edit.flag_source, edit.flag_override_reason = False, None, "Đã xác minh: gọi nhầm."
    update_call(db, edit, user_id=lead_id)
    entries = audit.entries(db, action="call.flag_override")
    assert [(e.user_id, e.entity_id) for e in entries] == [(lead_id, str(flagged.id)), (operator_id, str(cleared.id))]
