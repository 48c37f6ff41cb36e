"""Editing a saved call: optimistic locking, the field-by-field change history, and the search index."""

from __future__ import annotations

import dataclasses
import json

import pytest

from hotline.core.models import Child
from hotline.store import audit
from hotline.store.access import COMMAND_LINE
from hotline.store.calls import caller_history, get_call, save_call, update_call
from hotline.store.db import ConflictError, NotFoundError
from hotline.store.search import search_calls


def snapshot(db, call_id: int) -> dict[str, list]:
    """Everything stored about a call, as plain rows, plus the audit log and the search index."""
    conn = db.conn
    return {
        "call": conn.execute("SELECT * FROM calls WHERE id = ?", [call_id]).fetchall(),
        "children": conn.execute("SELECT * FROM call_children WHERE call_id = ? ORDER BY id", [call_id]).fetchall(),
        "categories": conn.execute(
            "SELECT * FROM call_categories WHERE call_id = ? ORDER BY code", [call_id]
        ).fetchall(),
        "changes": conn.execute("SELECT * FROM call_changes WHERE call_id = ? ORDER BY id", [call_id]).fetchall(),
        "audit": conn.execute("SELECT * FROM audit_log ORDER BY id").fetchall(),
        "fts": conn.execute("SELECT rowid, search_text FROM calls_fts WHERE rowid = ?", [call_id]).fetchall(),
    }


def change_rows(db, call_id: int) -> list[tuple]:
    return db.conn.execute(
        "SELECT user_id, field, old, new FROM call_changes WHERE call_id = ? ORDER BY id", [call_id]
    ).fetchall()


@pytest.fixture
def stored(db, make_call, lead_id):
    """A saved substantive call with two children and two categories, read back from the database."""
    call = make_call(
        phone_raw="0912 345 678",
        risk="high",
        summary="Tóm tắt ban đầu",
        categories=["abuse.violence", "counselling.legal"],
        children=[Child(name="Bé Thử Một", age=7, age_band="6-10"), Child(name="Bé Thử Hai")],
        flagged=True,
    )
    return get_call(db, save_call(db, call).id, viewer_id=lead_id)


def test_stale_version_raises_conflict_and_changes_nothing(db, stored, lead_id):
    """An edit based on an old version raises ConflictError and leaves every stored row as it was."""
    first = get_call(db, stored.id, viewer_id=lead_id)
    second = get_call(db, stored.id, viewer_id=lead_id)
    update_call(db, dataclasses.replace(first, summary="sửa lần một"), user_id=lead_id)
    before = snapshot(db, stored.id)

    stale = dataclasses.replace(
        second,
        summary="sửa lần hai",
        risk="low",
        categories=["info.other"],
        children=[dataclasses.replace(second.children[0], name="Tên khác")],
    )
    with pytest.raises(ConflictError) as info:
        update_call(db, stale, user_id=lead_id)
    assert info.value.current_version == stored.version + 1
    assert snapshot(db, stored.id) == before
    assert not db.conn.in_transaction


def test_edit_bumps_version_and_records_each_field(db, stored, lead_id):
    """A successful edit bumps the version and writes one call_changes row per field: who, old, new."""
    edited = dataclasses.replace(
        stored,
        summary="Tóm tắt đã sửa",
        risk="medium",
        categories=["abuse.violence", "abuse.neglect"],
        children=[dataclasses.replace(stored.children[0], name="Bé Đổi Tên"), stored.children[1]],
    )
    result = update_call(db, edited, user_id=lead_id)

    version = db.conn.execute("SELECT version FROM calls WHERE id = ?", [stored.id]).fetchone()[0]
    assert result.version == version == stored.version + 1
    assert result.summary == "Tóm tắt đã sửa" and result.risk == "medium"
    assert sorted(result.categories) == ["abuse.neglect", "abuse.violence"]
    assert [c.name for c in result.children] == ["Bé Đổi Tên", "Bé Thử Hai"]

    rows = change_rows(db, stored.id)
    assert {r[0] for r in rows} == {lead_id}
    by_field = {r[1]: (r[2], r[3]) for r in rows}
    # the four fields typed, and what the store's rules derive from them: high → medium risk ends the 12-hour clock
    assert len(by_field) == len(rows) == 7
    assert {"urgent", "safety_due", "flag_reasons"} < set(by_field)
    assert by_field["urgent"] == ("1", "0") and by_field["safety_due"][1] == ""
    assert by_field["summary"] == ("Tóm tắt ban đầu", "Tóm tắt đã sửa")
    assert by_field["risk"] == ("high", "medium")
    old, new = by_field["categories"]
    assert sorted(json.loads(old)) == sorted(stored.categories)
    assert sorted(json.loads(new)) == sorted(edited.categories)
    (child_field,) = [f for f in by_field if f.startswith("children")]
    assert child_field.endswith("name")
    assert by_field[child_field] == ("Bé Thử Một", "Bé Đổi Tên")
    assert [e.user_id for e in audit.entries(db, viewer=COMMAND_LINE, action="call.edit")] == [lead_id]


def test_successive_edits_with_current_versions(db, stored, lead_id):
    """Each edit based on the version just read succeeds; the history keeps every step in order."""
    current = stored
    for text in ("một", "hai", "ba"):
        current = update_call(db, dataclasses.replace(current, summary=text), user_id=lead_id)
    assert current.version == stored.version + 3
    assert [(r[2], r[3]) for r in change_rows(db, stored.id)] == [
        (stored.summary, "một"),
        ("một", "hai"),
        ("hai", "ba"),
    ]


def test_edit_without_changes_writes_nothing(db, stored, lead_id):
    """Saving an edit that changes nothing keeps the version and writes no history."""
    before = snapshot(db, stored.id)
    result = update_call(db, dataclasses.replace(stored), user_id=lead_id)
    assert result.version == stored.version
    assert snapshot(db, stored.id) == before


def test_children_added_and_removed_are_recorded(db, stored, lead_id):
    """Removing one child and adding another updates call_children and records both in the history."""
    edited = dataclasses.replace(stored, children=[stored.children[0], Child(name="Bé Mới Thêm", sex="female")])
    result = update_call(db, edited, user_id=lead_id)
    names = [
        r[0]
        for r in db.conn.execute("SELECT name FROM call_children WHERE call_id = ? ORDER BY position, id", [stored.id])
    ]
    assert names == [c.name for c in result.children] == ["Bé Thử Một", "Bé Mới Thêm"]
    rows = change_rows(db, stored.id)
    assert any(f.startswith("children") and old == "Bé Thử Hai" and new == "" for _, f, old, new in rows)
    assert any(f.startswith("children") and old == "" and new == "Bé Mới Thêm" for _, f, old, new in rows)


def test_summary_edit_changes_what_search_finds(db, stored, lead_id):
    """Changing only the summary updates the full-text index: the new words are found, the old ones not."""
    first = update_call(db, dataclasses.replace(stored, summary="con mèo xanh trên mái nhà"), user_id=lead_id)
    assert [c.id for c in search_calls(db, "meo xanh", viewer_id=lead_id)] == [stored.id]
    update_call(db, dataclasses.replace(first, summary="chú chó vàng ngoài sân"), user_id=lead_id)
    assert search_calls(db, "meo xanh", viewer_id=lead_id) == []
    assert [c.id for c in search_calls(db, "cho vang", viewer_id=lead_id)] == [stored.id]
    fts = db.conn.execute("INSERT INTO calls_fts(calls_fts, rank) VALUES ('integrity-check', 1)")
    assert fts.fetchall() == []  # the index agrees with the calls table


def test_phone_edit_is_normalized_again(db, stored, lead_id):
    """Editing phone_raw re-derives the E.164 form, so the repeat-caller lookup follows the new number."""
    update_call(db, dataclasses.replace(stored, phone_raw="0169 123 4567"), user_id=lead_id)
    e164 = db.conn.execute("SELECT phone_e164 FROM calls WHERE id = ?", [stored.id]).fetchone()[0]
    assert e164 == "+84391234567"  # 0169 became 039 in 2018 (DESIGN §5)
    assert caller_history(db, "0391234567", viewer_id=lead_id).total == 1
    assert caller_history(db, "0912345678", viewer_id=lead_id).total == 0


def test_edit_of_unsaved_or_missing_call(db, make_call, lead_id):
    """Editing a call never saved, or one that does not exist, raises NotFoundError."""
    with pytest.raises(NotFoundError):
        update_call(db, make_call(), user_id=lead_id)
    with pytest.raises(NotFoundError):
        update_call(db, dataclasses.replace(make_call(), id=424242, version=1), user_id=lead_id)
    assert not db.conn.in_transaction


def test_edit_of_the_object_save_returned(db, make_call, t0, lead_id):
    """Editing the Call that save_call returned records only what the person changed, even with µs times."""
    started = t0.replace(microsecond=123_456)  # the UI stamps calls with utcnow(), microseconds and all
    call = make_call(
        started_at=started,
        risk="immediate",
        case_need="required",
        urgent=True,
        flagged=True,
        flag_source="rule",
        safety_due=started.replace(hour=14),
        plan_due=started.replace(day=9),
        summary="trước khi sửa",
    )
    saved = save_call(db, call)
    result = update_call(db, dataclasses.replace(saved, summary="sau khi sửa"), user_id=lead_id)
    assert [r[1] for r in change_rows(db, saved.id)] == ["summary"]
    assert result.version == 2


def test_removing_a_child_who_has_a_case_file_is_refused_by_name(db, make_call, lead_id):
    """An edit that drops a child with a case file is refused with the case number, and nothing changes."""
    from hotline.store import bulk
    from hotline.store.calls import get_call
    from hotline.store.db import StoreError

    call = save_call(db, make_call(flagged=True, case_need="required", children=[Child(name="Bé Na")]))
    opened_by = call.operator_id
    bulk.open_cases(db, [bulk.CaseSpec(call.id, call.children[0].id, opened_by, call.started_at, None,
                                        "received", "high", None, None)])  # fmt: skip
    number = db.conn.execute("SELECT number FROM cases").fetchone()[0]
    edit = get_call(db, call.id, viewer_id=lead_id)
    edit.children = []
    with pytest.raises(StoreError, match=number):
        update_call(db, edit, user_id=lead_id)
    assert [c.name for c in get_call(db, call.id, viewer_id=lead_id).children] == ["Bé Na"]
