"""Drafts of calls being typed: per user and workstation, replaced by autosave, gone when the call is saved."""

from __future__ import annotations

from datetime import timedelta

import pytest

from hotline.store.calls import save_call
from hotline.store.drafts import delete_draft, load_drafts, save_draft


def test_save_and_load(db, operator_id, t0):
    """A saved draft loads back with its state, key and start time for the same user and workstation."""
    state = {"summary": "đang gõ dở", "categories": ["abuse.violence"], "children": [{"name": "Bé Thử"}], "risk": 3}
    save_draft(db, operator_id, "ws-1", "key-1", state, t0)
    (draft,) = load_drafts(db, operator_id, "ws-1")
    assert (draft.key, draft.user_id, draft.workstation, draft.state, draft.started_at) == (
        "key-1",
        operator_id,
        "ws-1",
        state,
        t0,
    )
    assert draft.updated_at is not None


def test_same_key_replaces(db, operator_id, t0):
    """Autosave under the same key replaces the state instead of adding a second draft."""
    save_draft(db, operator_id, "ws-1", "key-1", {"summary": "một"}, t0)
    save_draft(db, operator_id, "ws-1", "key-1", {"summary": "một hai"}, t0)
    drafts = load_drafts(db, operator_id, "ws-1")
    assert [(d.key, d.state) for d in drafts] == [("key-1", {"summary": "một hai"})]
    assert db.conn.execute("SELECT count(*) FROM drafts").fetchone()[0] == 1


def test_drafts_are_per_user_and_workstation(db, operator_id, lead_id, t0):
    """Another user, or the same user on another workstation, sees none of these drafts."""
    save_draft(db, operator_id, "ws-1", "key-1", {"summary": "a"}, t0)
    save_draft(db, operator_id, "ws-1", "key-2", {"summary": "b"}, t0 + timedelta(minutes=1))
    assert load_drafts(db, lead_id, "ws-1") == []
    assert load_drafts(db, operator_id, "ws-2") == []
    assert [d.key for d in load_drafts(db, operator_id, "ws-1")] == ["key-1", "key-2"]  # oldest first


def test_delete(db, operator_id, lead_id, t0):
    """Deleting a draft removes only that one; deleting someone else's key does nothing to this user's."""
    save_draft(db, operator_id, "ws-1", "key-1", {"summary": "a"}, t0)
    save_draft(db, operator_id, "ws-1", "key-2", {"summary": "b"}, t0)
    delete_draft(db, lead_id, "ws-1", "key-1")
    assert len(load_drafts(db, operator_id, "ws-1")) == 2
    delete_draft(db, operator_id, "ws-1", "key-1")
    assert [d.key for d in load_drafts(db, operator_id, "ws-1")] == ["key-2"]


def test_saving_the_call_deletes_its_draft(db, operator_id, make_call, t0):
    """save_call(draft=…) removes exactly that draft together with storing the call."""
    call = make_call(summary="xong")
    save_draft(db, operator_id, "ws-1", call.uuid, {"summary": "xon"}, t0)
    save_draft(db, operator_id, "ws-1", "other-call", {"summary": "khác"}, t0)
    saved = save_call(db, call, draft=(operator_id, "ws-1", call.uuid))
    assert [d.key for d in load_drafts(db, operator_id, "ws-1")] == ["other-call"]
    assert db.conn.execute("SELECT summary FROM calls WHERE id = ?", [saved.id]).fetchone()[0] == "xong"


def test_an_edit_deletes_its_draft_in_its_own_transaction_and_a_refused_edit_keeps_it(db, lead_id, make_call, t0):
    """An edit with draft=… removes its draft with the edit; a conflicting edit leaves the draft in place."""
    from hotline.store.calls import update_call
    from hotline.store.db import ConflictError

    saved = save_call(db, make_call(summary="lần đầu"))
    save_draft(db, lead_id, "ws-1", saved.uuid, {"summary": "sửa"}, t0)
    stale = saved.version
    saved.summary = "đã sửa"
    edited = update_call(db, saved, user_id=lead_id, draft=(lead_id, "ws-1", saved.uuid))
    assert load_drafts(db, lead_id, "ws-1") == [] and edited.version == stale + 1
    save_draft(db, lead_id, "ws-1", saved.uuid, {"summary": "sửa lần hai"}, t0)
    saved.version, saved.summary = stale, "ghi đè"
    with pytest.raises(ConflictError):
        update_call(db, saved, user_id=lead_id, draft=(lead_id, "ws-1", saved.uuid))
    assert [d.state["summary"] for d in load_drafts(db, lead_id, "ws-1")] == ["sửa lần hai"]


def test_saving_a_call_twice_still_deletes_the_draft(db, operator_id, make_call, t0):
    """A retried save (the call is already stored) still removes the draft left behind."""
    call = make_call()
    save_call(db, call)
    save_draft(db, operator_id, "ws-1", call.uuid, {"summary": "x"}, t0)
    save_call(db, call, draft=(operator_id, "ws-1", call.uuid))
    assert load_drafts(db, operator_id, "ws-1") == []
