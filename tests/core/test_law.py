"""The rules of docs/law.md, each test citing the article it follows (core only: no Qt, no SQL)."""

from datetime import UTC, date, datetime, timedelta

import pytest

from hotline.core.deadlines import add_working_days, plan_due, separation_due
from hotline.core.models import (
    ABUSED_CIRCUMSTANCES,
    NEED_NONE,
    NEED_REQUIRED,
    NEED_SUGGESTED,
    SPECIAL_CIRCUMSTANCES,
    Child,
    age_band_for,
    age_group,
)
from hotline.core.rules import Reason, evaluate_case_file_need
from hotline.core.timeutil import VN_TZ

# Friday 28/11/2025 21:40 in Vietnam
CALL = datetime(2025, 11, 28, 21, 40, tzinfo=VN_TZ)
TWELVE_HOURS = CALL + timedelta(hours=12)


def decide(categories=(), risk="low", children=(), **kw):
    return evaluate_case_file_need(
        outcome="substantive", categories=categories, risk=risk, children=children, started_at=CALL, **kw
    )


@pytest.mark.parametrize(
    ("age", "band", "group"),
    [
        (0, "unknown", "child"),
        (15, "unknown", "child"),
        (16, "unknown", "minor"),
        (17, "unknown", "minor"),
        (18, "unknown", "adult"),
        (45, "unknown", "adult"),
        (None, "unknown", "child"),
        (None, "11-15", "child"),
        (None, "16-17", "minor"),
        (None, "18+", "adult"),
        (15, "18+", "child"),  # the exact age wins over a stale band
    ],
)
def test_who_is_a_child(age, band, group):
    """Luật Trẻ em 2016 Điều 1: a child is under 16; 16–17 are minors; an unknown age counts as a child."""
    assert age_group(age, band) == group
    assert Child(age=age, age_band=band).group == group


def test_adults_have_their_own_age_band():
    """Luật 53/2024 Điều 2(1): from 18 a trafficking victim is an adult, with an age band of their own."""
    assert age_band_for(17) == "16-17"
    assert age_band_for(18) == "18+"
    assert age_band_for(None) == "unknown"


def test_sexual_abuse_at_low_risk_starts_the_12_hour_clock():
    """ND 56 Điều 26(3): child sexual abuse starts the 12-hour clock whatever risk the operator chose."""
    for code in ("abuse.sexual", "abuse.online_sexual"):
        decision = decide([code], risk="low")
        assert decision.need == NEED_REQUIRED
        assert decision.urgent and decision.safety_due == TWELVE_HOURS


@pytest.mark.parametrize("code", ["abuse.sale", "trafficking.sexual_exploitation", "rights.abduction"])
def test_sale_trafficking_or_abduction_of_a_child_starts_the_12_hour_clock(code):
    """ND 56 Điều 26(3), 32: the sale or trafficking of a child and abduction always start the 12-hour clock."""
    decision = decide([code], risk="none", children=[Child(age=9)])
    assert decision.need == NEED_REQUIRED and decision.urgent
    assert decision.safety_due == TWELVE_HOURS


def test_violence_at_low_risk_has_no_12_hour_clock():
    """ND 56 Điều 26(3): other abuse starts the 12-hour clock only at high or immediate risk."""
    assert not decide(["abuse.violence"], risk="low").urgent
    assert decide(["abuse.violence"], risk="high").urgent
    assert decide(["abuse.violence"], risk="immediate").urgent


@pytest.mark.parametrize("code", ABUSED_CIRCUMSTANCES)
def test_abused_groups_of_special_circumstances_require_a_file(code):
    """Luật Trẻ em Điều 10(1) i, k, l, m: these children are abused children — a case file is required."""
    decision = decide(["counselling.relationships"], children=[Child(age=10, special_circumstances=[code])])
    assert decision.need == NEED_REQUIRED
    assert Reason("abused_child") in decision.reasons


@pytest.mark.parametrize("code", [c for c in SPECIAL_CIRCUMSTANCES if c not in ABUSED_CIRCUMSTANCES])
def test_the_other_special_circumstances_suggest_a_file(code):
    """Luật Trẻ em Điều 10(1): the other ten groups suggest a case file; they do not require one."""
    decision = decide([], children=[Child(age=10, special_circumstances=[code])])
    assert decision.need == NEED_SUGGESTED
    assert decision.reasons == (Reason("special_circumstances"),)


def test_a_child_marked_abused_requires_a_file_and_at_risk_suggests_one():
    """ND 56 Điều 26: a child reported abused needs a case file; a child only at risk is followed up."""
    assert decide([], children=[Child(age=8, status="abused")]).need == NEED_REQUIRED
    assert decide([], children=[Child(age=8, status="at_risk")]).need == NEED_SUGGESTED
    assert decide([], children=[Child(age=8, status="unclear")]).need == NEED_NONE


@pytest.mark.parametrize(
    ("code", "need"),
    [
        ("rights.abduction", NEED_REQUIRED),
        ("rights.illegal_acts", NEED_REQUIRED),
        ("rights.child_marriage", NEED_SUGGESTED),
        ("rights.missing", NEED_SUGGESTED),
        ("rights.privacy", NEED_SUGGESTED),
        ("rights.discrimination", NEED_SUGGESTED),
        ("rights.alcohol_tobacco", NEED_SUGGESTED),
        ("rights.other", NEED_SUGGESTED),
    ],
)
def test_rights_violations(code, need):
    """Luật Trẻ em Điều 6: abduction (6(2)) and illegal acts (6(5)) require a file; the other violations, child
    marriage (6(4)) among them, suggest one."""
    assert decide([code], children=[Child(age=14)]).need == need


def test_a_minor_is_supported_as_a_child_is():
    """Luật Trẻ em Điều 1: a 16- or 17-year-old is a minor, supported the same way (labelled apart)."""
    decision = decide(["abuse.violence"], children=[Child(age=17, status="abused")])
    assert decision.need == NEED_REQUIRED and decision.handoff
    assert decision.plan_due is not None


def test_a_17_year_old_trafficking_victim_is_a_child_victim():
    """Luật 53/2024 Điều 2(1): anyone under 18 who is trafficked is a child victim — case file, child clocks."""
    decision = decide(["trafficking.forced_labour"], children=[Child(age=17, destination="cambodia")])
    assert decision.need == NEED_REQUIRED and decision.urgent
    assert not decision.victim_referral


def test_an_adult_trafficking_victim_gets_a_victim_referral_and_no_child_clocks():
    """Luật 53/2024 Điều 2(1), ND 162/2025: an adult victim on 111 is referred to the police or the Border Guard;
    no case file, no child clocks, no Mẫu 01."""
    decision = decide(
        ["trafficking.forced_crime"], risk="high", children=[Child(age=25, sex="female", destination="cambodia")]
    )
    assert decision.victim_referral
    assert decision.need == NEED_NONE
    assert not decision.urgent and decision.safety_due is None and decision.plan_due is None
    assert not decision.handoff
    assert decision.reasons == (Reason("adult_victim"),)
    assert decision.summary("vi").startswith("CHUYỂN GIAO NẠN NHÂN")


def test_an_adult_and_a_child_on_one_trafficking_call():
    """Luật 53/2024 Điều 2(1): the child gets the child's file and clocks, the adult the victim referral."""
    decision = decide(["trafficking.sexual_exploitation"], children=[Child(age=30), Child(age=12)])
    assert decision.need == NEED_REQUIRED and decision.urgent and decision.victim_referral
    assert decision.summary("en").startswith("CASE FILE REQUIRED + VICTIM REFERRAL")


def test_a_report_naming_nobody_is_about_a_child():
    """docs/law.md: an unknown age counts as a child (the safe side), also when no person was recorded."""
    decision = decide(["trafficking.forced_labour"])
    assert decision.need == NEED_REQUIRED and not decision.victim_referral


def test_a_report_has_no_default_risk():
    """DESIGN §5: the risk level has no default on a report — the operator must choose it."""
    assert decide(["abuse.violence"], risk="").risk_missing
    assert decide(["rights.missing"], risk="").risk_missing
    assert decide([], risk="", children=[Child(status="at_risk")]).risk_missing
    assert not decide(["counselling.education"], risk="").risk_missing  # counselling is not a report
    assert not decide(["abuse.violence"], risk="none").risk_missing  # "none" is a choice


def test_a_report_must_go_to_the_commune_at_once():
    """ND 56 Điều 26(1): a report of an abused or at-risk child is passed at once to the commune of the incident."""
    assert decide(["abuse.neglect"]).handoff
    assert "báo ngay UBND xã nơi xảy ra vụ việc" in decide(["abuse.neglect"]).summary("vi")
    assert not decide(["counselling.legal"]).handoff


def test_the_12_hour_clock_is_named_for_what_the_law_asks():
    """ND 56 Điều 26(3), 32: the 12-hour clock is emergency measures or temporary separation, not a safety
    assessment."""
    text = decide(["abuse.sexual"]).summary("vi")
    assert "can thiệp khẩn cấp / tạm thời cách ly trước 09:40 29/11" in text
    assert "an toàn" not in text


def test_a_swapped_working_saturday_counts_for_the_plan():
    """ND 56 Điều 28(1): 5 working days; a Saturday declared a swapped working day ("làm bù") counts."""
    saturday = date(2025, 11, 29)
    assert plan_due(CALL) == datetime(2025, 12, 5, 23, 59, 59, tzinfo=VN_TZ)
    assert plan_due(CALL, working_days=[saturday]) == datetime(2025, 12, 4, 23, 59, 59, tzinfo=VN_TZ)
    assert decide(["abuse.violence"], working_days=[saturday]).plan_due == plan_due(CALL, (), [saturday])
    # a holiday and a swapped Saturday together: Mon 01/12 off, Sat 29/11 worked → Friday again
    assert add_working_days(date(2025, 11, 28), 5, [date(2025, 12, 1)], [saturday]) == date(2025, 12, 5)


def test_a_temporary_separation_lasts_15_days():
    """ND 56 Điều 32: a temporary separation lasts at most 15 days from its start unless extended."""
    start = datetime(2026, 3, 1, 8, 0, tzinfo=VN_TZ)
    assert separation_due(start) == datetime(2026, 3, 16, 1, 0, tzinfo=UTC)
    with pytest.raises(ValueError, match="naive"):
        separation_due(datetime(2026, 3, 1, 8, 0))


def test_an_unknown_status_is_refused():
    """A typo in a person's status fails loudly instead of silently deciding nothing."""
    with pytest.raises(ValueError, match="status"):
        decide([], children=[Child(status="abused!")])
