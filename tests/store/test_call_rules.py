"""The store applies the law's rules again on every save (docs/law.md): no client can store a report that breaks
them, whatever its own copy of the rules said."""

from __future__ import annotations

import dataclasses
from datetime import timedelta

import pytest

from hotline.core.models import Child, Handoff
from hotline.core.timeutil import utcnow
from hotline.store import audit, handoffs, settings
from hotline.store.access import COMMAND_LINE, PermissionDenied
from hotline.store.calls import InvalidCallError, get_call, save_call, update_call


def row(db, call_id: int, *columns: str) -> tuple:
    return db.conn.execute(f"SELECT {', '.join(columns)} FROM calls WHERE id = ?", [call_id]).fetchone()


def test_an_unflagged_abuse_report_without_a_reason_is_refused(db, make_call):
    """DESIGN §5: a client cannot store an unflagged abuse report without the override reason (nothing written)."""
    call = make_call(categories=["abuse.violence"], flagged=False, case_need="not_needed", flag_reasons=[])
    with pytest.raises(InvalidCallError) as refused:
        save_call(db, call)
    assert (refused.value.code, refused.value.field) == ("call.flag_clear_needs_reason", "flag_override_reason")
    assert db.conn.execute("SELECT count(*) FROM calls").fetchone()[0] == 0


def test_a_cleared_rule_flag_with_a_reason_is_stored_and_audited(db, make_call, operator_id):
    """DESIGN §5, §6: clearing a rule's flag with a written reason is stored, audited and marked an override."""
    saved = save_call(db, make_call(categories=["abuse.neglect"], flagged=False, flag_override_reason="Gọi nhầm"))
    assert row(db, saved.id, "case_need", "flagged", "flag_override_reason") == ("required", 0, "Gọi nhầm")
    entries = audit.entries(db, viewer=COMMAND_LINE, action="call.flag_override")
    assert [(e.user_id, e.entity_id) for e in entries] == [(operator_id, str(saved.id))]


def test_the_clients_decision_and_clocks_are_ignored(db, make_call, t0):
    """ND 56 Điều 26(3), 28: the store decides the need, the 12-hour clock and the plan clock itself."""
    forged = make_call(
        categories=["abuse.sexual"],
        risk="low",
        flagged=True,
        case_need="not_needed",
        urgent=False,
        safety_due=None,
        plan_due=t0 + timedelta(days=60),
        flag_reasons=[{"rule": "manual", "category": None}],
    )
    saved = save_call(db, forged)
    need, urgent, source = row(db, saved.id, "case_need", "urgent", "flag_source")
    assert (need, urgent, source) == ("required", 1, "rule")
    assert saved.safety_due == t0 + timedelta(hours=12)
    assert saved.plan_due < t0 + timedelta(days=8)
    assert saved.flag_reasons == [{"rule": "abuse_category", "category": "abuse.sexual"}]


def test_a_report_without_risk_is_refused_by_the_store(db, make_call):
    """DESIGN §5: the risk of a report has no default; the store refuses it unchosen, naming the risk."""
    with pytest.raises(InvalidCallError) as refused:
        save_call(db, make_call(categories=["rights.missing"], risk=""))
    assert (refused.value.code, refused.value.field) == ("call.risk_missing", "risk")
    saved = save_call(db, make_call(categories=["counselling.education"], risk=""))
    assert row(db, saved.id, "risk") == ("none",)  # counselling is not a report: nothing to choose


def test_a_call_with_content_needs_its_service_level(db, make_call):
    """111's tiers: every call with content is information, counselling or intervention — refused without one."""
    with pytest.raises(InvalidCallError) as refused:
        save_call(db, make_call(service_level=""))
    assert (refused.value.code, refused.value.field) == ("call.service_level_missing", "service_level")
    silent = save_call(db, make_call(outcome="silent", service_level="counselling", risk=""))
    assert row(db, silent.id, "service_level", "risk") == ("", "none")


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("service_level", "advice"),
        ("incident_setting", "street"),
        ("referrals", ["police"]),
        ("channel", "fax"),
        ("caller_sex", "m"),
        ("outcome", "hung_up"),
    ],
)
def test_unknown_codes_are_refused(db, make_call, field, value):
    """A code no call can hold is refused with the field's name, before anything is written."""
    with pytest.raises(InvalidCallError) as refused:
        save_call(db, make_call(**{field: value}))
    assert (refused.value.code, refused.value.field) == ("call.unknown_value", field)


def test_an_adult_victim_gets_a_victim_referral_and_no_child_clocks(db, make_call):
    """Luật 53/2024 Điều 2(1), ND 162/2025: an adult trafficking victim on 111 is a victim referral — not flagged
    for a child case file, no child clocks, no hand-off to the commune."""
    adult = Child(name="Chị B", sex="female", age=24, age_band="18+", destination="cambodia")
    saved = save_call(db, make_call(categories=["trafficking.forced_crime"], risk="high", children=[adult]))
    assert row(db, saved.id, "victim_referral", "flagged", "case_need", "safety_due", "plan_due", "handoff_due") == (
        1, 0, "not_needed", None, None, None,
    )  # fmt: skip
    stored = get_call(db, saved.id, viewer_id=saved.operator_id)
    assert stored.children[0].group == "adult" and stored.children[0].destination == "cambodia"


def test_a_report_is_due_to_the_commune_from_its_save_until_handed_off(db, make_call, lead_id):
    """ND 56 Điều 26(1): the report goes to the commune at once — due from the save until a hand-off is recorded."""
    before = utcnow()
    saved = save_call(db, make_call(categories=["abuse.violence"], flagged=True))
    assert before <= saved.handoff_due <= utcnow()
    assert get_call(db, saved.id, viewer_id=lead_id).handoffs == []
    done = handoffs.record_handoff(
        db,
        saved.id,
        Handoff(kind="commune", to_whom="UBND xã Mỹ Hòa Hưng", means="phone", at=utcnow()),
        user_id=lead_id,
    )
    stored = get_call(db, saved.id, viewer_id=lead_id)
    assert [(h.kind, h.to_whom, h.means, h.user_id) for h in stored.handoffs] == [
        ("commune", "UBND xã Mỹ Hòa Hưng", "phone", lead_id)
    ]
    assert stored.handoffs[0].id == done.id
    assert [e.entity_id for e in audit.entries(db, viewer=COMMAND_LINE, action="call.handoff")] == [str(saved.id)]


def test_a_hand_off_typed_in_the_form_is_saved_with_the_call(db, make_call):
    """ND 56 Điều 26(1): a hand-off made during the call is stored with it, in the same transaction."""
    at = utcnow() - timedelta(minutes=3)
    handoff = Handoff(kind="commune", to_whom="  Công an xã Mỹ Khánh ", means="phone", at=at)
    saved = save_call(db, make_call(categories=["abuse.neglect"], flagged=True, handoffs=[handoff]))
    (stored,) = get_call(db, saved.id, viewer_id=saved.operator_id).handoffs
    assert stored.to_whom == "Công an xã Mỹ Khánh" and stored.at == at.replace(
        microsecond=at.microsecond // 1000 * 1000
    )


@pytest.mark.parametrize(
    "handoff",
    [
        Handoff(kind="commune", to_whom="", means="phone", at=utcnow()),
        Handoff(kind="district", to_whom="UBND", means="phone", at=utcnow()),
        Handoff(kind="commune", to_whom="UBND", means="fax", at=utcnow()),
        Handoff(kind="commune", to_whom="UBND", means="phone", at=utcnow() + timedelta(days=1)),
    ],
)
def test_a_hand_off_that_cannot_be_is_refused(db, make_call, handoff):
    """A hand-off without a recipient, of an unknown kind or means, or in the future is refused; no call written."""
    with pytest.raises(InvalidCallError):
        save_call(db, make_call(categories=["abuse.neglect"], flagged=True, handoffs=[handoff]))
    assert db.conn.execute("SELECT count(*) FROM calls").fetchone()[0] == 0


def test_an_administrator_cannot_record_a_hand_off(db, make_call):
    """DESIGN §6: recording a hand-off is follow-up work (the call's operator, a shift lead, a counselor)."""
    from hotline.store import users

    admin = users.add_user(db, "admin9", "Admin", ["admin"], "admin-password-9", by=COMMAND_LINE).id
    saved = save_call(db, make_call(categories=["abuse.neglect"], flagged=True))
    with pytest.raises(PermissionDenied):
        handoffs.record_handoff(
            db, saved.id, Handoff(kind="commune", to_whom="UBND", means="phone", at=utcnow()), user_id=admin
        )


def test_an_edit_keeps_the_hand_off_clock(db, make_call, lead_id):
    """ND 56 Điều 26(1): the hand-off is due from the report's first save; a later edit does not restart it."""
    saved = save_call(db, make_call(categories=["abuse.neglect"], flagged=True))
    stored = get_call(db, saved.id, viewer_id=lead_id)
    edited = update_call(db, dataclasses.replace(stored, summary="Đã sửa", risk="medium"), user_id=lead_id)
    assert edited.handoff_due == stored.handoff_due


def test_swapped_saturdays_are_counted_by_the_store(db, make_call, t0):
    """ND 56 Điều 28(1): the store counts the Saturdays the administrator declared working days."""
    plain = save_call(db, make_call(categories=["abuse.neglect"], flagged=True))
    settings.write_value(db, "working_saturdays", ["2026-03-07"], by=COMMAND_LINE)
    swapped = save_call(db, make_call(minutes=1, categories=["abuse.neglect"], flagged=True))
    # Monday's call: Tuesday to Friday are four working days, the swapped Saturday the fifth
    assert swapped.plan_due == plain.plan_due - timedelta(days=2)


@pytest.mark.parametrize(
    ("child", "field"),
    [
        (Child(sex="boy"), "sex"),
        (Child(age_band="12-14"), "age_band"),
        (Child(special_circumstances=["orphan"]), "special_circumstances"),
    ],
)
def test_unknown_codes_of_a_child_are_refused(db, make_call, child, field):
    """A child's code no call can hold is refused as InvalidCallError naming the field, never a bare ValueError."""
    with pytest.raises(InvalidCallError) as refused:
        save_call(db, make_call(children=[child]))
    assert (refused.value.code, refused.value.field) == ("call.unknown_value", f"children.1.{field}")


@pytest.mark.parametrize("code", ["harmed_by_violence", "exploited", "sexually_abused", "trafficked"])
def test_children_in_the_abused_groups_are_stored_as_abused(db, make_call, lead_id, code):
    """Luật Trẻ em Điều 10(1) i, k, l, m: these children are abused children, so the store records them so (the
    province's indicator counts them)."""
    child = Child(name="Bé A", age=10, special_circumstances=[code])
    saved = save_call(db, make_call(categories=["counselling.relationships"], children=[child], flagged=True))
    assert get_call(db, saved.id, viewer_id=lead_id).children[0].status == "abused"
    assert saved.case_need == "required"


def test_raising_the_risk_after_the_case_was_opened_starts_the_12_hour_clock_in_the_case(db, make_call, lead_id):
    """ND 56 Điều 26(3): a report that becomes urgent after its case file was opened starts the 12-hour clock in
    that case file (which no longer waits in the queue)."""
    from hotline.store import cases, users

    counselor = users.add_user(db, "canbo9", "Cán bộ", ["counselor"], "test-password-9", by=COMMAND_LINE).id
    saved = save_call(db, make_call(categories=["abuse.violence"], risk="low", flagged=True, children=[Child(age=8)]))
    (case,) = cases.open_cases(db, saved.id, [saved.children[0].id], by_user_id=counselor)
    assert case.safety_due is None
    stored = get_call(db, saved.id, viewer_id=lead_id)
    update_call(db, dataclasses.replace(stored, risk="immediate"), user_id=lead_id)
    after = cases.get_case(db, case.id, viewer_id=counselor, audit_view=False)
    assert after.safety_due == saved.started_at + timedelta(hours=12)


def test_a_flagged_report_cannot_become_a_one_key_call(db, make_call, lead_id):
    """DESIGN §5: a rule's flag is cleared only with a written reason; turning the report into a prank call would
    clear it silently, so the store refuses it and nothing changes."""
    saved = save_call(db, make_call(categories=["abuse.sexual"], flagged=True))
    stored = get_call(db, saved.id, viewer_id=lead_id)
    with pytest.raises(InvalidCallError, match="one-key call"):
        update_call(db, dataclasses.replace(stored, outcome="prank"), user_id=lead_id)
    assert row(db, saved.id, "outcome", "flagged", "version") == ("substantive", 1, 1)


def test_a_hand_off_dated_before_the_call_is_refused(db, make_call, lead_id, t0):
    """ND 56 Điều 26(1): a report is passed on after it is received; a hand-off dated before the call is refused."""
    saved = save_call(db, make_call(categories=["abuse.neglect"], flagged=True))
    early = Handoff(kind="commune", to_whom="UBND xã", means="phone", at=t0 - timedelta(days=400))
    with pytest.raises(InvalidCallError, match="before the call"):
        handoffs.record_handoff(db, saved.id, early, user_id=lead_id)
    with pytest.raises(InvalidCallError, match="before the call"):
        save_call(db, make_call(minutes=5, categories=["abuse.neglect"], flagged=True, handoffs=[early]))


def test_the_daily_log_lists_the_reports_not_yet_passed_on(db, make_call, lead_id, t0):
    """ND 56 Điều 26(1), Luật 53/2024: the shift lead finds the reports not yet passed to the commune and the adult
    victims not yet referred; a recorded hand-off takes a call off the list."""
    from hotline.core.daily_log import LogFilter
    from hotline.store.daily_log import log_ids

    adult = Child(name="Chị B", age=24, age_band="18+", destination="cambodia")
    victim = save_call(db, make_call(categories=["trafficking.forced_crime"], risk="high", children=[adult]))
    report = save_call(db, make_call(minutes=5, categories=["abuse.neglect"], flagged=True))
    save_call(db, make_call(minutes=10))  # counselling: nothing to pass on
    window = LogFilter(t0 - timedelta(hours=1), t0 + timedelta(hours=1), not_passed_on=True)
    assert log_ids(db, window, viewer_id=lead_id) == [victim.id, report.id]
    handoffs.record_handoff(
        db, victim.id, Handoff(kind="victim", to_whom="Đồn Biên phòng", means="phone", at=utcnow()), user_id=lead_id
    )
    assert log_ids(db, window, viewer_id=lead_id) == [report.id]
