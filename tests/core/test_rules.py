"""Tests for the case-file rules and the effective flag (DESIGN §5 "When a case file is needed")."""

from datetime import UTC, date, datetime

import pytest

from hotline.core.models import NEED_NONE, NEED_REQUIRED, NEED_SUGGESTED, ONE_KEY_OUTCOMES, Child
from hotline.core.rules import (
    RULES,
    CaseFileDecision,
    EffectiveFlag,
    FlagOverrideError,
    Reason,
    effective_flag,
    evaluate_case_file_need,
    flag_reasons,
    is_override,
)
from hotline.core.taxonomy import load_taxonomy, parse_taxonomy
from hotline.core.timeutil import VN_TZ

# Friday 28/11/2025 21:40 in Vietnam, the call of the DESIGN §1 banner
FRIDAY_EVENING = datetime(2025, 11, 28, 21, 40, tzinfo=VN_TZ)
SAFETY = datetime(2025, 11, 29, 9, 40, tzinfo=VN_TZ)  # + 12 hours
PLAN = datetime(2025, 12, 5, 23, 59, 59, tzinfo=VN_TZ)  # end of the 5th working day: next Friday

SPECIAL = Child(name="Bé A", special_circumstances=["orphan_both"])
PLAIN = Child(name="Bé B")
R = Reason


def evaluate(categories=(), risk="none", children=(), outcome="substantive", **kw):
    return evaluate_case_file_need(
        outcome=outcome, categories=categories, risk=risk, children=children, started_at=FRIDAY_EVENING, **kw
    )


@pytest.mark.parametrize(
    ("categories", "risk", "children", "need", "urgent", "reasons"),
    [
        pytest.param([], "none", [], NEED_NONE, False, [], id="nothing"),
        pytest.param(["abuse.violence"], "none", [], NEED_REQUIRED, False,
                     [R("abuse_category", "abuse.violence")], id="abuse"),
        pytest.param(["abuse.sexual"], "none", [], NEED_REQUIRED, True,
                     [R("abuse_category", "abuse.sexual")], id="sexual-abuse-always-12-hours"),
        pytest.param(["trafficking.forced_labour"], "low", [], NEED_REQUIRED, True,
                     [R("trafficking_category", "trafficking.forced_labour")], id="trafficking"),
        pytest.param(["trafficking.recruitment_info"], "none", [], NEED_SUGGESTED, False,
                     [R("recruitment_info")], id="recruitment-info-alone"),
        pytest.param(["trafficking.recruitment_info", "counselling.legal"], "medium", [], NEED_SUGGESTED, False,
                     [R("recruitment_info")], id="recruitment-info-with-counselling"),
        pytest.param(["trafficking.recruitment_info", "trafficking.forced_crime"], "none", [], NEED_REQUIRED, True,
                     [R("trafficking_category", "trafficking.forced_crime")], id="recruitment-info-with-trafficking"),
        pytest.param(["trafficking.recruitment_info", "abuse.neglect"], "none", [], NEED_REQUIRED, False,
                     [R("abuse_category", "abuse.neglect")], id="recruitment-info-with-abuse"),
        pytest.param(["counselling.mental_health"], "high", [], NEED_REQUIRED, True,
                     [R("high_risk")], id="high-risk-counselling"),
        pytest.param([], "immediate", [], NEED_REQUIRED, True, [R("immediate_danger")], id="immediate-danger"),
        pytest.param(["counselling.relationships", "info.hotline"], "medium", [PLAIN], NEED_NONE, False, [],
                     id="counselling-and-info"),
        pytest.param(["counselling.education"], "low", [PLAIN, SPECIAL], NEED_SUGGESTED, False,
                     [R("special_circumstances")], id="special-circumstances"),
        pytest.param([], "none", [SPECIAL, SPECIAL], NEED_SUGGESTED, False,
                     [R("special_circumstances")], id="two-special-children-one-reason"),
        pytest.param(["abuse.sexual", "abuse.violence", "abuse.sexual"], "high", [SPECIAL], NEED_REQUIRED, True,
                     [R("abuse_category", "abuse.sexual"), R("abuse_category", "abuse.violence"), R("high_risk"),
                      R("special_circumstances")], id="everything-fires-in-order"),
        pytest.param(["trafficking.baby_sale", "abuse.sale", "trafficking.recruitment_info"], "immediate", [],
                     NEED_REQUIRED, True,
                     [R("abuse_category", "abuse.sale"), R("trafficking_category", "trafficking.baby_sale"),
                      R("immediate_danger")], id="abuse-and-trafficking-and-danger"),
        pytest.param(["newgroup.thing"], "none", [], NEED_NONE, False, [], id="unknown-group-not-needed"),
    ],
)  # fmt: skip
def test_rules(categories, risk, children, need, urgent, reasons):
    """Each rule of docs/law.md gives the expected need, urgency and reasons, in the stable order."""
    decision = evaluate(categories, risk, children)
    assert decision.need == need
    assert decision.urgent is urgent
    assert list(decision.reasons) == reasons
    # deadlines follow the decision: the 12-hour clock only when urgent, a plan whenever a file is required or suggested
    assert decision.safety_due == (SAFETY if urgent else None)
    assert decision.plan_due == (PLAN if need != NEED_NONE else None)


@pytest.mark.parametrize("outcome", ONE_KEY_OUTCOMES)
def test_one_key_outcome_needs_nothing(outcome):
    """A one-key outcome needs no case file, whatever categories, risk or children were entered."""
    decision = evaluate(["abuse.sexual"], "immediate", [SPECIAL], outcome=outcome)
    assert decision == CaseFileDecision(NEED_NONE, False, (), None, None)


def test_reason_order_does_not_depend_on_input_order():
    """The same categories in another order give the same reasons."""
    cats = ["trafficking.organ_removal", "abuse.violence", "abuse.neglect"]
    assert evaluate(cats).reasons == evaluate(list(reversed(cats))).reasons


def test_holidays_move_plan_due():
    """Holidays passed to the rules push the plan deadline past them."""
    decision = evaluate(["abuse.sexual"], holidays=[date(2025, 12, 1)])  # Monday off → Monday 08/12
    assert decision.plan_due == datetime(2025, 12, 8, 23, 59, 59, tzinfo=VN_TZ)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"outcome": "silnet"}, "outcome"),
        ({"risk": "very_high"}, "risk"),
        ({"children": [Child(special_circumstances=["orphan"])]}, "special circumstance"),
        ({"started_at": datetime(2025, 11, 28, 21, 40)}, "naive"),
    ],
)
def test_bad_input_raises(kwargs, message):
    """Unknown vocabulary codes and naive times raise ValueError instead of a silent wrong decision."""
    args = {"outcome": "substantive", "categories": [], "risk": "none", "started_at": FRIDAY_EVENING} | kwargs
    with pytest.raises(ValueError, match=message):
        evaluate_case_file_need(**args)


@pytest.mark.parametrize(
    ("reason", "vi", "en"),
    [
        (R("abuse_category", "abuse.sexual"), "Báo cáo xâm hại: Xâm hại tình dục", "Abuse reported: sexual abuse"),
        (R("trafficking_category", "trafficking.forced_labour"), "Báo cáo mua bán người: Cưỡng bức lao động",
         "Trafficking reported: forced labour"),
        (R("recruitment_info"), "Nghi vấn tuyển dụng / mua bán người: chỉ có thông tin",
         "Suspected recruitment / trafficking: information only"),
        (R("high_risk"), "Nguy cơ cao", "High risk"),
        (R("immediate_danger"), "Trẻ đang gặp nguy hiểm tức thời", "Child in immediate danger"),
        (R("special_circumstances"), "Trẻ có hoàn cảnh đặc biệt cần hỗ trợ",
         "Child in special circumstances needing support"),
        (R("manual"), "Tổng đài viên đánh dấu thủ công", "Flagged by hand by the operator"),
        (R("abuse_category", "abuse.retired"), "Báo cáo xâm hại: abuse.retired", "Abuse reported: abuse.retired"),
    ],
)  # fmt: skip
def test_reason_text(reason, vi, en):
    """Every rule reads as words an operator understands, in Vietnamese and English."""
    taxonomy = load_taxonomy()
    assert reason.text("vi", taxonomy) == vi
    assert reason.text("en", taxonomy) == en
    assert reason.text() == vi  # default: Vietnamese, shipped taxonomy


def test_reason_text_uses_given_taxonomy():
    """A taxonomy passed in (e.g. the administrator's edited one) supplies the category label."""
    taxonomy = parse_taxonomy(
        {"groups": [{"code": "abuse", "label_vi": "X", "label_en": "X",
                     "categories": [{"code": "abuse.sexual", "label_vi": "XHTD", "label_en": "CSA"}]}]}
    )  # fmt: skip
    assert R("abuse_category", "abuse.sexual").text("vi", taxonomy) == "Báo cáo xâm hại: XHTD"
    assert R("abuse_category", "abuse.sexual").text("en", taxonomy) == "Abuse reported: CSA"  # acronym kept


@pytest.mark.parametrize("rule", RULES)
def test_reason_dict_round_trip(rule):
    """Reasons survive storage as JSON dicts."""
    reason = R(rule, "abuse.sexual" if rule == "abuse_category" else None)
    assert Reason.from_dict(reason.to_dict()) == reason


def test_unknown_rule_rejected():
    """A reason with an unknown rule code raises ValueError."""
    with pytest.raises(ValueError, match="unknown case-file rule"):
        Reason.from_dict({"rule": "abuse"})


@pytest.mark.parametrize(
    ("categories", "risk", "children", "lang", "expected"),
    [
        (["abuse.sexual"], "high", [], "vi",
         "CẦN LẬP HỒ SƠ — Báo cáo xâm hại: Xâm hại tình dục; Nguy cơ cao; báo ngay UBND xã nơi xảy ra vụ việc; "
         "can thiệp khẩn cấp / tạm thời cách ly trước 09:40 29/11; kế hoạch hỗ trợ: hạn hết ngày 05/12"),
        (["abuse.sexual"], "high", [], "en",
         "CASE FILE REQUIRED — Abuse reported: sexual abuse; High risk; pass to the commune of the incident at once; "
         "emergency measures / separation by 09:40 29/11; support plan by the end of 05/12"),
        (["trafficking.recruitment_info"], "none", [], "vi",
         "NÊN LẬP HỒ SƠ — Nghi vấn tuyển dụng / mua bán người: chỉ có thông tin; kế hoạch hỗ trợ: hạn hết ngày 05/12"),
        ([], "none", [SPECIAL], "en",
         "CASE FILE SUGGESTED — Child in special circumstances needing support; support plan by the end of 05/12"),
        (["counselling.legal"], "low", [], "vi", "Không cần lập hồ sơ"),
        (["counselling.legal"], "low", [], "en", "No case file needed"),
    ],
)  # fmt: skip
def test_summary(categories, risk, children, lang, expected):
    """The banner line gives the need, every reason and the deadlines in Vietnamese local time."""
    assert evaluate(categories, risk, children).summary(lang, load_taxonomy()) == expected


REQUIRED = evaluate(["abuse.sexual"])
SUGGESTED = evaluate(["trafficking.recruitment_info"])
NONE = evaluate(["counselling.legal"])


@pytest.mark.parametrize(
    ("decision", "manual", "cleared", "reason", "expected"),
    [
        pytest.param(REQUIRED, False, False, "", (True, "rule"), id="required-stays-flagged"),
        pytest.param(REQUIRED, True, False, "", (True, "rule"), id="required-manual-tick-changes-nothing"),
        pytest.param(REQUIRED, False, True, "Đã chuyển công an xử lý", (False, None), id="required-cleared-reason"),
        pytest.param(SUGGESTED, False, False, "", (False, None), id="suggested-not-ticked"),
        pytest.param(SUGGESTED, True, False, "", (True, "manual"), id="suggested-ticked"),
        pytest.param(SUGGESTED, False, True, "", (False, None), id="suggested-cleared-needs-no-reason"),
        pytest.param(NONE, False, False, "", (False, None), id="none"),
        pytest.param(NONE, True, False, "", (True, "manual"), id="none-flagged-by-hand"),
    ],
)
def test_effective_flag(decision, manual, cleared, reason, expected):
    """The flag is the rule's when required (unless cleared with a reason), else the operator's tick."""
    flag = effective_flag(decision, manual, cleared, reason)
    assert flag == expected and isinstance(flag, EffectiveFlag)
    assert is_override(decision, flag.flagged) is (decision.need == NEED_REQUIRED and cleared)


@pytest.mark.parametrize("reason", ["", "   ", "\n\t"])
def test_clearing_required_flag_needs_reason(reason):
    """Clearing a flag the rules require without a written reason raises FlagOverrideError, saying so."""
    with pytest.raises(FlagOverrideError) as info:
        effective_flag(REQUIRED, cleared=True, override_reason=reason)
    assert isinstance(info.value, ValueError)
    assert info.value.code == "call.flag_clear_needs_reason" and "reason" in str(info.value)


def test_manual_and_cleared_together_rejected():
    """Setting and clearing the flag at once is contradictory and raises ValueError."""
    with pytest.raises(ValueError):
        effective_flag(NONE, manual_flag=True, cleared=True, override_reason="x")


def test_flag_reasons_adds_manual():
    """Stored reasons add 'manual' only when a person set the flag."""
    manual = effective_flag(SUGGESTED, manual_flag=True)
    assert flag_reasons(SUGGESTED, manual) == (R("recruitment_info"), R("manual"))
    assert flag_reasons(REQUIRED, effective_flag(REQUIRED)) == REQUIRED.reasons


def test_deadlines_are_utc_aware():
    """Decision deadlines are aware datetimes in UTC, ready for storage."""
    decision = evaluate(["abuse.sexual"], "high")
    assert decision.safety_due.tzinfo is UTC and decision.plan_due.tzinfo is UTC
