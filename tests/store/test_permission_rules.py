"""Permissions that depend on the record as well as the role: one's own call, one's own case, one's own drafts."""

from __future__ import annotations

import shutil
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import pytest

from hotline.core.models import Call, Child
from hotline.core.timeutil import utcnow
from hotline.store import calls, cases, drafts, users
from hotline.store.access import COMMAND_LINE, PermissionDenied

PASSWORD = "test-password-1"


@pytest.fixture(scope="module")
def rules_template(template_db: Path, tmp_path_factory) -> Path:
    """The store tests' template plus two counselors and an administrator, made once (argon2 is slow)."""
    from hotline.store.db import open_database

    path = tmp_path_factory.mktemp("rules") / "hotline.sqlite3"
    shutil.copyfile(template_db, path)
    db = open_database(path)
    users.add_user(db, "canbo1", "Counselor One", ["counselor"], PASSWORD, by=COMMAND_LINE)
    users.add_user(db, "canbo2", "Counselor Two", ["counselor"], PASSWORD, by=COMMAND_LINE)
    users.add_user(db, "admin1", "Admin One", ["admin"], PASSWORD, by=COMMAND_LINE)
    db.close()
    return path


@pytest.fixture
def db_path(rules_template: Path, tmp_path: Path) -> Path:
    path = tmp_path / "hotline.sqlite3"
    shutil.copyfile(rules_template, path)
    return path


@pytest.fixture
def people(db, operator_id, lead_id) -> dict[str, int]:
    ids = {name: users.find_user(db, name).id for name in ("canbo1", "canbo2", "admin1")}
    return {"operator": operator_id, "lead": lead_id, "counselor": ids["canbo1"], "counselor2": ids["canbo2"],
            "admin": ids["admin1"]}  # fmt: skip


def log(db, operator: int, hours_ago: float = 1.0, **fields) -> Call:
    fields.setdefault("phone_raw", "0912 345 678")
    if fields.get("outcome", "substantive") == "substantive":
        fields.setdefault("risk", "low")
        fields.setdefault("service_level", "intervention" if fields.get("categories") else "counselling")
    call = Call(line="111", started_at=utcnow() - timedelta(hours=hours_ago), operator_id=operator, **fields)
    return calls.save_call(db, call)


def flagged(db, operator: int) -> Call:
    return log(db, operator, categories=["abuse.violence"], case_need="required", flagged=True, flag_source="rule",
               children=[Child(name="Bé An")], summary="Trẻ bị đánh.")  # fmt: skip


def denied_entries(db) -> int:
    return db.conn.execute("SELECT count(*) FROM audit_log WHERE action = 'access.denied'").fetchone()[0]


# --- calls ----------------------------------------------------------------------------------------------------


def test_a_counselor_opens_only_the_calls_behind_the_follow_up(db, people):
    """A counselor opens a flagged call and a call of a case file, but not an ordinary call of someone else
    (refused and audited); the shift lead opens all three."""
    counselor = people["counselor"]
    ordinary = log(db, people["operator"], summary="Hỏi thông tin.", categories=["info.hotline"])
    waiting = flagged(db, people["operator"])
    with_case = flagged(db, people["operator"])
    cases.open_cases(db, with_case.id, [with_case.children[0].id], by_user_id=counselor, assigned_to=counselor)
    calls.update_call(db, replace(calls.get_call(db, with_case.id, viewer_id=people["lead"]), flagged=False,
                                  flag_override_reason="Đã mở hồ sơ."), user_id=people["lead"])  # fmt: skip
    assert calls.get_call(db, waiting.id, viewer_id=counselor).id == waiting.id
    assert calls.get_call(db, with_case.id, viewer_id=counselor).id == with_case.id
    before = denied_entries(db)
    with pytest.raises(PermissionDenied):
        calls.get_call(db, ordinary.id, viewer_id=counselor)
    with pytest.raises(PermissionDenied):
        calls.call_changes(db, ordinary.id, viewer_id=counselor)
    assert denied_entries(db) == before + 2
    for call in (ordinary, waiting, with_case):
        assert calls.get_call(db, call.id, viewer_id=people["lead"]).id == call.id


def test_an_operator_edits_their_own_call_during_the_shift_only(db, people):
    """Own call of an hour ago: saved; own call of 13 hours ago or a colleague's call: refused, nothing changed."""
    operator = people["operator"]
    recent, old, colleagues = log(db, operator), log(db, operator, hours_ago=13), log(db, people["lead"])
    edited = calls.update_call(db, replace(recent, summary="Sửa trong ca."), user_id=operator)
    assert (edited.summary, edited.version) == ("Sửa trong ca.", 2)
    for call in (old, colleagues):
        with pytest.raises(PermissionDenied):
            calls.update_call(db, replace(call, summary="Sửa."), user_id=operator)
        assert calls.get_call(db, call.id, viewer_id=people["lead"]).version == 1
    # the shift lead corrects any call at any time
    assert calls.update_call(db, replace(old, summary="Sửa."), user_id=people["lead"]).version == 2


def test_a_counselor_logs_calls_but_does_not_edit_them(db, people):
    """A counselor saves a call and reads it back, but an edit of it is refused (DESIGN §6)."""
    own = log(db, people["counselor"])
    assert calls.get_call(db, own.id, viewer_id=people["counselor"]).id == own.id
    with pytest.raises(PermissionDenied):
        calls.update_call(db, replace(own, summary="Sửa."), user_id=people["counselor"])


def test_an_operator_clears_a_rule_flag_on_their_own_call(db, people):
    """Clearing a rule's flag with a written reason on one's own call is part of logging it: no override needed."""
    call = flagged(db, people["operator"])
    cleared = replace(call, flagged=False, flag_override_reason="Đã xác minh với công an xã")
    assert not calls.update_call(db, cleared, user_id=people["operator"]).flagged


def test_who_may_open_a_call_and_its_history(db, people):
    """One's own call, every call for a shift lead, the calls behind the cases for a counselor; not a colleague's."""
    call = flagged(db, people["lead"])  # a counselor reads the calls behind the follow-up
    calls.update_call(db, replace(call, summary="Sửa."), user_id=people["lead"])
    for viewer in ("lead", "counselor"):
        assert calls.get_call(db, call.id, viewer_id=people[viewer]).summary == "Sửa."
        assert [c.field for c in calls.call_changes(db, call.id, viewer_id=people[viewer])] == ["summary"]
    for viewer in ("operator", "admin"):
        with pytest.raises(PermissionDenied):
            calls.get_call(db, call.id, viewer_id=people[viewer])
        with pytest.raises(PermissionDenied):
            calls.call_changes(db, call.id, viewer_id=people[viewer])
    own = log(db, people["operator"])
    assert calls.get_call(db, own.id, viewer_id=people["operator"]).id == own.id


def test_an_export_is_refused_when_asked_for_not_at_its_first_row(db, people, t0):
    """export_rows streams its rows, yet a user without EXPORT_PERSONAL is refused at the call itself."""
    log(db, people["operator"])
    with pytest.raises(PermissionDenied):
        calls.export_rows(db, t0, utcnow(), viewer_id=people["operator"])
    assert [row["operator"] for row in calls.export_rows(db, t0, utcnow(), viewer_id=people["lead"])] == ["operator1"]


# --- drafts ---------------------------------------------------------------------------------------------------


def test_drafts_need_the_right_to_log_calls(db, people, t0):
    """An administrator (who logs no calls) can neither keep, read nor delete a draft; nothing is written."""
    admin = people["admin"]
    for attempt in (
        lambda: drafts.save_draft(db, admin, "ws-1", "key", {"summary": "x"}, t0),
        lambda: drafts.load_drafts(db, admin, "ws-1"),
        lambda: drafts.delete_draft(db, admin, "ws-1", "key"),
    ):
        with pytest.raises(PermissionDenied):
            attempt()
    assert db.conn.execute("SELECT count(*) FROM drafts").fetchone()[0] == 0
    assert denied_entries(db) == 3


def test_saving_a_call_never_removes_someone_elses_draft(db, people, t0):
    """A save naming another user's draft is refused before anything is stored; that draft stays."""
    call = Call(line="111", started_at=t0, operator_id=people["operator"], outcome="silent")
    drafts.save_draft(db, people["lead"], "ws-1", call.uuid, {"summary": "của trưởng ca"}, t0)
    with pytest.raises(PermissionDenied):
        calls.save_call(db, call, draft=(people["lead"], "ws-1", call.uuid))
    assert [d.key for d in drafts.load_drafts(db, people["lead"], "ws-1")] == [call.uuid]
    assert db.conn.execute("SELECT count(*) FROM calls").fetchone()[0] == 0


# --- the follow-up of a flagged call ---------------------------------------------------------------------------


def followup_by(db, call_id: int):
    return db.conn.execute("SELECT followup_by FROM calls WHERE id = ?", [call_id]).fetchone()[0]


def test_a_counselor_takes_a_call_and_gives_it_back(db, people):
    """A counselor takes a call for themselves and gives it back; giving it to a colleague needs a shift lead."""
    call, counselor, other = flagged(db, people["operator"]), people["counselor"], people["counselor2"]
    cases.assign_call(db, call.id, counselor, by_user_id=counselor)
    assert followup_by(db, call.id) == counselor
    with pytest.raises(PermissionDenied):
        cases.assign_call(db, call.id, other, by_user_id=counselor)
    cases.assign_call(db, call.id, None, by_user_id=counselor)
    assert followup_by(db, call.id) is None
    cases.assign_call(db, call.id, other, by_user_id=people["lead"])
    assert followup_by(db, call.id) == other
    with pytest.raises(PermissionDenied):  # not theirs to give back
        cases.assign_call(db, call.id, None, by_user_id=counselor)
    assert followup_by(db, call.id) == other
    cases.assign_call(db, call.id, counselor, by_user_id=counselor)  # taking it over is taking it for oneself
    assert followup_by(db, call.id) == counselor


# --- cases ----------------------------------------------------------------------------------------------------


@pytest.fixture
def case(db, people):
    """A case file of a flagged call, assigned to the first counselor."""
    call = flagged(db, people["operator"])
    (opened,) = cases.open_cases(db, call.id, [call.children[0].id], by_user_id=people["counselor"],
                                 assigned_to=people["counselor"])  # fmt: skip
    return opened


def test_mau01_for_a_counselors_own_cases_and_the_shift_lead(db, people, case):
    """Mẫu 01's data: the assigned counselor and the shift lead get it; another counselor and an operator do not."""
    for who in ("counselor", "lead"):
        got, call, officer = cases.form01_sources(db, case.id, viewer_id=people[who])
        assert (got.id, call.id, officer) == (case.id, case.call_id, "Operator One")
    for who in ("counselor2", "operator"):
        with pytest.raises(PermissionDenied):
            cases.form01_sources(db, case.id, viewer_id=people[who])
    cases.assign_case(db, case.id, people["counselor2"], by_user_id=people["lead"])
    assert cases.form01_sources(db, case.id, viewer_id=people["counselor2"])[0].assigned_to == people["counselor2"]
    with pytest.raises(PermissionDenied):
        cases.form01_sources(db, case.id, viewer_id=people["counselor"])


def test_linking_a_call_to_a_case(db, people, case):
    """The operator links their own new call to the number's open case; not a colleague's; a counselor any."""
    own, colleagues = log(db, people["operator"]), log(db, people["lead"])
    assert [c.id for c in cases.open_cases_for_phone(db, "0912345678", viewer_id=people["operator"])] == [case.id]
    cases.link_call(db, case.id, own.id, by_user_id=people["operator"])
    with pytest.raises(PermissionDenied):
        cases.link_call(db, case.id, colleagues.id, by_user_id=people["operator"])
    cases.link_call(db, case.id, colleagues.id, by_user_id=people["counselor"])
    linked = cases.linked_calls(db, case.id, viewer_id=people["lead"])
    assert sorted(c.id for c in linked) == sorted([own.id, colleagues.id])


def test_finding_calls_to_link_is_part_of_working_on_the_case(db, people, case):
    """A counselor searches every call to link one (without CALL_VIEW_ALL); the shift lead, who only views, not."""
    later = log(db, people["lead"], phone_raw="0987 654 321", summary="Bà ngoại của bé An gọi lại.")
    found = cases.calls_to_link(db, case.id, viewer_id=people["counselor"], text="ba ngoai")
    assert [c.id for c in found] == [later.id]
    with pytest.raises(PermissionDenied):
        cases.calls_to_link(db, case.id, viewer_id=people["lead"], text="ba ngoai")


def test_a_withheld_number_offers_no_case_without_reading_anything(db, people):
    """open_cases_for_phone answers [] for a number that cannot be looked up, even to someone without the right."""
    assert cases.open_cases_for_phone(db, "", viewer_id=people["admin"]) == []
    assert denied_entries(db) == 0
    with pytest.raises(PermissionDenied):
        cases.open_cases_for_phone(db, "0912345678", viewer_id=people["admin"])
