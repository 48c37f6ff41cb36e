"""Saving and reading calls: one transaction, idempotent by uuid, ranges, and the repeat-caller history."""

from __future__ import annotations

import dataclasses
import sqlite3
from datetime import UTC, datetime, timedelta

import phonenumbers
import pytest

from hotline.core.models import Call, Child
from hotline.store import bulk, drafts
from hotline.store.calls import caller_history, calls_between, count_calls_between, get_call, save_call
from hotline.store.db import NotFoundError, StoreError

# Tables a save writes to; a failed save must leave every one of them as it was.
WRITTEN_TABLES = ("calls", "call_children", "call_categories", "calls_fts", "audit_log", "drafts")
# Bookkeeping and derived fields, checked separately from what the operator typed.
DERIVED = {
    "id",
    "version",
    "created_at",
    "updated_at",
    "phone_e164",
    "phone_kind",
    "children",
    "categories",
    "handoff_due",  # the moment of the save (docs/law.md: the hand-off to the commune is due at once)
    "handoffs",
}
CHILD_FIELDS = [f.name for f in dataclasses.fields(Child) if f.name != "id"]


def counts(db) -> dict[str, int]:
    return {t: db.conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in WRITTEN_TABLES}


def e164_by_phonenumbers(raw: str) -> str:
    """The oracle for a number in today's format: phonenumbers' own E.164 of it."""
    return phonenumbers.format_number(phonenumbers.parse(raw, "VN"), phonenumbers.PhoneNumberFormat.E164)


def full_call(make_call, t0) -> Call:
    """A call with every field an operator fills, two children and two categories."""
    return make_call(
        channel="zalo",
        ended_at=t0 + timedelta(minutes=14, seconds=3),
        duration_s=843,
        phone_raw="0912.345.678",
        phone_e164="+84000000000",  # wrong on purpose: the store derives it from phone_raw
        phone_kind="fixed",
        caller_relation="neighbour",
        caller_name="Người Gọi Thử",
        caller_sex="female",
        caller_age_band="18-59",
        callback_consent=True,
        risk="high",
        service_level="intervention",
        summary="Tóm tắt thử nghiệm, trẻ bị đánh.",
        action_taken="Đã báo công an xã.",
        help_before="Hàng xóm đưa cháu sang nhà bà ngoại.",
        incident_province_code=91,
        incident_ward_code=31078,
        incident_place="chợ ấp 3",
        incident_setting="family",
        referrals=["police_113", "commune", "border_guard"],
        categories=["counselling.relationships", "abuse.violence"],
        children=[
            Child(
                name="Bé Thử Một",
                sex="female",
                age=7,
                age_band="6-10",
                province_code=91,
                address="ấp 1",
                special_circumstances=["disability"],
                carer="bà ngoại",
                status="abused",
            ),
            Child(name="Bé Thử Hai", sex="male", age=None, age_band="unknown", status="at_risk"),
        ],
        # what the rules decide for it (the store decides them again: tests/store/test_call_rules.py)
        case_need="required",
        urgent=True,
        flagged=True,
        flag_source="rule",
        flag_reasons=[
            {"rule": "abuse_category", "category": "abuse.violence"},
            {"rule": "high_risk", "category": None},
            {"rule": "abused_child", "category": None},
            {"rule": "special_circumstances", "category": None},
        ],
        safety_due=t0 + timedelta(hours=12),
        plan_due=datetime(2026, 3, 9, 16, 59, 59, tzinfo=UTC),  # end of Monday 09/03 in Vietnam
    )


def test_save_and_read_back(db, make_call, t0, lead_id):
    """A saved call reads back equal: every field, both children in order, the categories, version 1."""
    call = full_call(make_call, t0)
    saved = save_call(db, call)
    stored = get_call(db, saved.id, viewer_id=lead_id)

    for f in dataclasses.fields(Call):
        if f.name not in DERIVED:
            assert getattr(stored, f.name) == getattr(call, f.name), f.name
    assert sorted(stored.categories) == sorted(call.categories)
    assert [[getattr(c, n) for n in CHILD_FIELDS] for c in stored.children] == [
        [getattr(c, n) for n in CHILD_FIELDS] for c in call.children
    ]
    assert all(c.id is not None for c in stored.children)
    assert stored.version == 1 and stored.created_at is not None
    rows = db.conn.execute("SELECT count(*) FROM call_children WHERE call_id = ?", [saved.id]).fetchone()[0]
    assert rows == 2


def test_phone_is_normalized_by_the_store(db, make_call):
    """The store derives phone_e164 and phone_kind from phone_raw, whatever the caller object said."""
    raw = "0912.345.678"
    saved = save_call(db, make_call(phone_raw=raw, phone_e164="+84000000000", phone_kind="fixed"))
    row = db.conn.execute("SELECT phone_raw, phone_e164, phone_kind FROM calls WHERE id = ?", [saved.id]).fetchone()
    assert row == (raw, e164_by_phonenumbers(raw), "mobile")


@pytest.mark.parametrize("raw", ["", "số ẩn", "private"])
def test_withheld_number_is_stored_without_e164(db, make_call, raw):
    """A withheld number keeps its raw text, no E.164, kind 'withheld'."""
    saved = save_call(db, make_call(phone_raw=raw, phone_e164="+84912345678", phone_kind="mobile"))
    row = db.conn.execute("SELECT phone_raw, phone_e164, phone_kind FROM calls WHERE id = ?", [saved.id]).fetchone()
    assert row == (raw, None, "withheld")


def test_same_uuid_twice_is_stored_once(db, make_call):
    """Saving a call again with the same uuid (a retry) stores it once and returns the stored call."""
    call = make_call(summary="first", categories=["abuse.violence"], children=[Child(name="Bé Thử")], flagged=True)
    first = save_call(db, call)
    before = counts(db)
    again = save_call(db, dataclasses.replace(call, summary="second", children=[Child(name="X"), Child(name="Y")]))
    assert again.id == first.id
    assert again.summary == "first"
    assert counts(db) == before
    assert db.conn.execute("SELECT count(*) FROM calls WHERE uuid = ?", [call.uuid]).fetchone()[0] == 1


@pytest.mark.parametrize(
    "change",
    [
        {"categories": ["abuse.violence", "no_such.category"]},
        {"line": "999"},
        {"children": [Child(name="Bé Thử")], "categories": ["abuse.violence", "no_such.category"]},
    ],
    # an unknown operator is refused before the save (test_permission_matrix.py: nothing but the refusal is written)
    ids=["unknown-category", "unknown-line", "children-then-bad-category"],
)
def test_failed_save_leaves_nothing_half_saved(db, make_call, operator_id, t0, change, lead_id):
    """A save the database refuses raises StoreError and writes nothing: no call, child, category or draft change."""
    drafts.save_draft(db, operator_id, "ws-1", "draft-key", {"summary": "typed"}, t0)
    good = save_call(db, make_call(summary="an earlier call"))
    before = counts(db)
    call = make_call(minutes=5, summary="refused", **change)
    with pytest.raises(StoreError) as info:
        save_call(db, call, draft=(operator_id, "ws-1", "draft-key"))
    assert not isinstance(info.value, sqlite3.Error)
    assert counts(db) == before
    assert db.conn.execute("SELECT count(*) FROM calls WHERE uuid = ?", [call.uuid]).fetchone()[0] == 0
    assert not db.conn.in_transaction
    assert [d.key for d in drafts.load_drafts(db, operator_id, "ws-1")] == ["draft-key"]
    # the connection is still usable and the earlier call untouched
    assert get_call(db, good.id, viewer_id=lead_id).summary == "an earlier call"
    save_call(db, make_call(minutes=6, summary="after the failure"))
    assert counts(db)["calls"] == before["calls"] + 1


def test_get_call_unknown_id(db, lead_id):
    """Reading a call that does not exist raises NotFoundError."""
    with pytest.raises(NotFoundError):
        get_call(db, 123456, viewer_id=lead_id)


def test_calls_between_is_half_open_and_ordered(db, make_call, t0, lead_id):
    """calls_between returns calls in [start, end), oldest first (ties by id), and pages with limit/offset."""
    offsets = [30, -1, 0, 59, 60, 45, 45, 10, 120, 60.001]  # minutes from t0, saved out of order
    saved = [save_call(db, make_call(minutes=m)) for m in offsets]
    start, end = t0, t0 + timedelta(hours=1)
    expected = [c.id for c in sorted(saved, key=lambda c: (c.started_at, c.id)) if start <= c.started_at < end]
    assert len(expected) == 6  # the fixture's choice: 0, 10, 30, 45, 45, 59
    assert [c.id for c in calls_between(db, start, end, viewer_id=lead_id)] == expected
    assert [c.id for c in calls_between(db, start, end, limit=2, offset=1, viewer_id=lead_id)] == expected[1:3]
    assert count_calls_between(db, start, end, viewer_id=lead_id) == len(expected)


def test_caller_history_newest_first_with_categories_flag_and_cases(db, make_call, operator_id, t0, lead_id):
    """Earlier calls from the same number come newest first with count, categories, flag and case numbers."""
    number = "0912 345 678"
    own = [
        save_call(db, make_call(minutes=0, phone_raw=number, outcome="silent")),
        save_call(
            db,
            make_call(
                minutes=60 * 24,
                phone_raw="0912.345.678",
                categories=["abuse.violence", "abuse.neglect"],
                flagged=True,
                flag_source="rule",
                case_need="required",
            ),
        ),
        save_call(db, make_call(minutes=60 * 48, phone_raw="+84 912 345 678", categories=["counselling.legal"])),
    ]
    save_call(db, make_call(minutes=30, phone_raw="0987 654 321"))
    save_call(db, make_call(minutes=40, phone_raw=""))
    bulk.open_cases(
        db,
        [
            bulk.CaseSpec(
                own[1].id,
                None,
                operator_id,
                t0 + timedelta(days=1, hours=2),
                operator_id,
                "received",
                "high",
                None,
                None,
            )
        ],
    )
    history = caller_history(db, "0912345678", viewer_id=lead_id)

    expected = sorted(own, key=lambda c: c.started_at, reverse=True)
    assert history.total == 3
    assert [i.call_id for i in history.items] == [c.id for c in expected]
    for item, call in zip(history.items, expected, strict=True):
        assert item.started_at == call.started_at
        assert sorted(item.categories) == sorted(call.categories)
        assert item.flagged == call.flagged
        assert item.outcome == call.outcome
        numbers = [r[0] for r in db.conn.execute("SELECT number FROM cases WHERE call_id = ?", [call.id])]
        assert sorted(item.case_numbers) == sorted(numbers)
    assert history.items[1].case_numbers  # the flagged call has its case number

    limited = caller_history(db, "0912345678", limit=2, viewer_id=lead_id)
    assert limited.total == 3 and len(limited.items) == 2
    without_newest = caller_history(db, "0912345678", exclude_call_id=expected[0].id, viewer_id=lead_id)
    assert without_newest.total == 2
    assert [i.call_id for i in without_newest.items] == [c.id for c in expected[1:]]


def test_caller_history_shows_cases_linked_later(db, make_call, operator_id, t0, lead_id):
    """A call linked to an existing case (case_calls) shows that case's number in the history."""
    first = save_call(db, make_call(minutes=0, phone_raw="0912 345 678", categories=["abuse.violence"], flagged=True))
    later = save_call(db, make_call(minutes=90, phone_raw="0912 345 678"))
    bulk.open_cases(db, [bulk.CaseSpec(first.id, None, operator_id, t0, operator_id, "received", "high", None, None)])
    case_id, number = db.conn.execute("SELECT id, number FROM cases WHERE call_id = ?", [first.id]).fetchone()
    db.conn.execute(  # no store function links calls yet: plain SQL, in autocommit
        "INSERT INTO case_calls(case_id, call_id, linked_by, linked_at) VALUES (?, ?, ?, 0)",
        [case_id, later.id, operator_id],
    )
    items = {i.call_id: i for i in caller_history(db, "0912345678", viewer_id=lead_id).items}
    assert items[later.id].case_numbers == (number,)
    assert items[first.id].case_numbers == (number,)


@pytest.mark.parametrize(
    ("logged", "looked_up"),
    [
        ("0169 123 4567", "0391234567"),  # Viettel 0169 → 039
        ("039 123 4567", "01691234567"),
        ("0123.765.4321", "083 765 4321"),  # VinaPhone 0123 → 083
        ("083 765 4321", "+84 123 765 4321"),
    ],
)
def test_caller_history_matches_old_11_digit_numbers(db, make_call, logged, looked_up, lead_id):
    """A call logged under an old 11-digit mobile is found under today's number, and the other way round."""
    call = save_call(db, make_call(phone_raw=logged))
    save_call(db, make_call(minutes=1, phone_raw="0912 345 678"))
    history = caller_history(db, looked_up, viewer_id=lead_id)
    assert history.total == 1
    assert [i.call_id for i in history.items] == [call.id]


@pytest.mark.parametrize("withheld", ["", "   ", "số ẩn", "private", "Unknown"])
def test_withheld_number_has_no_history(db, make_call, withheld, lead_id):
    """A withheld number has no history, even when other withheld calls are stored."""
    for minutes, raw in enumerate(["", "số ẩn", "private", "0912 345 678"]):
        save_call(db, make_call(minutes=minutes, phone_raw=raw))
    history = caller_history(db, withheld, viewer_id=lead_id)
    assert history.total == 0 and history.items == ()
