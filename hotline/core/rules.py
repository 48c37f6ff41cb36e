"""Whether a call needs a case file, why, and by when (docs/law.md "When a case file is needed")."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, NamedTuple

from hotline.core import deadlines
from hotline.core.models import (
    ABUSED_CIRCUMSTANCES,
    CHILD_ABUSED,
    CHILD_AT_RISK,
    CHILD_STATUSES,
    NEED_NONE,
    NEED_REQUIRED,
    NEED_SUGGESTED,
    OUTCOMES,
    RISK_LEVELS,
    RISK_UNSET,
    SPECIAL_CIRCUMSTANCES,
    SUBSTANTIVE,
    Child,
    category_group,
)
from hotline.core.taxonomy import Taxonomy, TaxonomyError, load_taxonomy
from hotline.core.timeutil import VN_TZ
from hotline.core.wording import QT_TRANSLATE_NOOP, CodedError

RULE_ABUSE = "abuse_category"
RULE_TRAFFICKING = "trafficking_category"
RULE_RIGHTS = "rights_category"
RULE_RIGHTS_OTHER = "rights_other"
RULE_RECRUITMENT = "recruitment_info"
RULE_IMMEDIATE = "immediate_danger"
RULE_HIGH_RISK = "high_risk"
RULE_ABUSED_CHILD = "abused_child"
RULE_AT_RISK_CHILD = "at_risk_child"
RULE_SPECIAL = "special_circumstances"
RULE_ADULT_VICTIM = "adult_victim"
RULE_MANUAL = "manual"
#: Every rule code, in the order reasons are listed (categories first, as the operator named them).
RULES = (
    RULE_ABUSE,
    RULE_TRAFFICKING,
    RULE_RIGHTS,
    RULE_RIGHTS_OTHER,
    RULE_RECRUITMENT,
    RULE_IMMEDIATE,
    RULE_HIGH_RISK,
    RULE_ABUSED_CHILD,
    RULE_AT_RISK_CHILD,
    RULE_SPECIAL,
    RULE_ADULT_VICTIM,
    RULE_MANUAL,
)

RECRUITMENT_INFO = "trafficking.recruitment_info"
#: Rights violations whose child needs a case file (Luật Trẻ em Điều 6(2) abduction, 6(5) illegal acts).
RIGHTS_REQUIRED = ("rights.abduction", "rights.illegal_acts")
#: Reports that start the 12-hour clock whatever the risk chosen (ND 56 Điều 26(3)): child sexual abuse, the sale
#: or trafficking of a child, abduction. Trafficking categories count when a victim is under 18.
ALWAYS_URGENT = ("abuse.sexual", "abuse.online_sexual", "abuse.sale", "rights.abduction")
URGENT_CIRCUMSTANCES = ("sexually_abused", "trafficked")
#: The groups whose calls are reports about a person: their risk must be chosen (it has no default).
REPORT_GROUPS = ("abuse", "rights", "trafficking")

# (vi, en); {label} is the category's label
_REASON_TEXTS = {
    RULE_ABUSE: ("Báo cáo xâm hại: {label}", "Abuse reported: {label}"),
    RULE_TRAFFICKING: ("Báo cáo mua bán người: {label}", "Trafficking reported: {label}"),
    RULE_RIGHTS: ("Vi phạm quyền trẻ em: {label}", "Child rights violation: {label}"),
    RULE_RIGHTS_OTHER: ("Vi phạm quyền trẻ em: {label}", "Child rights violation: {label}"),
    RULE_RECRUITMENT: (
        "Nghi vấn tuyển dụng / mua bán người: chỉ có thông tin",
        "Suspected recruitment / trafficking: information only",
    ),
    RULE_IMMEDIATE: ("Trẻ đang gặp nguy hiểm tức thời", "Child in immediate danger"),
    RULE_HIGH_RISK: ("Nguy cơ cao", "High risk"),
    RULE_ABUSED_CHILD: ("Trẻ bị xâm hại", "Abused child"),
    RULE_AT_RISK_CHILD: ("Trẻ có nguy cơ bị xâm hại", "Child at risk of abuse"),
    RULE_SPECIAL: ("Trẻ có hoàn cảnh đặc biệt cần hỗ trợ", "Child in special circumstances needing support"),
    RULE_ADULT_VICTIM: (
        "Nạn nhân mua bán người là người lớn: chuyển Công an / Bộ đội Biên phòng",
        "Adult trafficking victim: refer to the police / Border Guard",
    ),
    RULE_MANUAL: ("Tổng đài viên đánh dấu thủ công", "Flagged by hand by the operator"),
}

_HEADLINES = {
    NEED_REQUIRED: ("CẦN LẬP HỒ SƠ", "CASE FILE REQUIRED"),
    NEED_SUGGESTED: ("NÊN LẬP HỒ SƠ", "CASE FILE SUGGESTED"),
    NEED_NONE: ("Không cần lập hồ sơ", "No case file needed"),
}
_VICTIM_HEADLINE = ("CHUYỂN GIAO NẠN NHÂN", "VICTIM REFERRAL")
_RISK_MISSING = ("chưa chọn mức nguy cơ", "risk not chosen yet")
_HANDOFF_TEXT = ("báo ngay UBND xã nơi xảy ra vụ việc", "pass to the commune of the incident at once")
_SAFETY_TEXT = ("can thiệp khẩn cấp / tạm thời cách ly trước {when}", "emergency measures / separation by {when}")
_PLAN_TEXT = ("kế hoạch hỗ trợ: hạn hết ngày {when}", "support plan by the end of {when}")


def _pick(texts: tuple[str, str], lang: str) -> str:
    return texts[1] if lang == "en" else texts[0]


def _default_taxonomy() -> Taxonomy | None:
    try:
        return load_taxonomy()
    except TaxonomyError:
        return None  # a broken file must not stop a call being explained: fall back to codes


@dataclass(frozen=True)
class Reason:
    """One rule that fired; ``category`` is the category code for the category rules."""

    rule: str
    category: str | None = None

    def __post_init__(self) -> None:
        # a typo in a rule code must fail loudly rather than show an empty explanation
        if self.rule not in _REASON_TEXTS:
            raise ValueError(f"unknown case-file rule: {self.rule!r}")

    def text(self, lang: str = "vi", taxonomy: Taxonomy | None = None) -> str:
        """The reason in words an operator reads, in Vietnamese or English."""
        template = _pick(_REASON_TEXTS[self.rule], lang)
        if "{label}" not in template:
            return template
        taxonomy = taxonomy or _default_taxonomy()
        code = self.category or ""
        label = taxonomy.label(code, lang) if taxonomy else code
        if lang == "en" and label[:1].isupper() and not label[1:2].isupper():
            label = label[0].lower() + label[1:]  # mid-sentence in English: "Abuse reported: sexual abuse"
        return template.format(label=label)

    def to_dict(self) -> dict[str, Any]:
        return {"rule": self.rule, "category": self.category}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Reason:
        return cls(rule=data["rule"], category=data.get("category"))


@dataclass(frozen=True)
class CaseFileDecision:
    """What the rules say about a call: need, urgency, the reasons and the legal deadlines (UTC).

    ``urgent``: the 12-hour clock runs (``safety_due``: emergency measures or temporary separation, Điều 26(3), 32);
    ``handoff``: the report goes to the commune of the incident at once (Điều 26(1)); ``victim_referral``: an adult
    trafficking victim is to be referred to the police or the Border Guard (no child clocks);
    ``risk_missing``: the call is a report and its risk has not been chosen (the store refuses to save it).
    """

    need: str
    urgent: bool
    reasons: tuple[Reason, ...]
    safety_due: datetime | None = None  # set when urgent
    plan_due: datetime | None = None  # set when a case file is required or suggested
    handoff: bool = False
    victim_referral: bool = False
    risk_missing: bool = False

    def summary(self, lang: str = "vi", taxonomy: Taxonomy | None = None) -> str:
        """One line for the live-call banner, e.g. 'CẦN LẬP HỒ SƠ — Nguy cơ cao; báo ngay UBND xã …; …'."""
        parts = [reason.text(lang, taxonomy) for reason in self.reasons]
        if self.risk_missing:
            parts.append(_pick(_RISK_MISSING, lang))
        if self.handoff:
            parts.append(_pick(_HANDOFF_TEXT, lang))
        if self.safety_due is not None:
            when = self.safety_due.astimezone(VN_TZ).strftime("%H:%M %d/%m")
            parts.append(_pick(_SAFETY_TEXT, lang).format(when=when))
        if self.plan_due is not None:
            when = self.plan_due.astimezone(VN_TZ).strftime("%d/%m")
            parts.append(_pick(_PLAN_TEXT, lang).format(when=when))
        headline = _pick(_HEADLINES[self.need], lang)
        if self.victim_referral:
            victim = _pick(_VICTIM_HEADLINE, lang)
            headline = victim if self.need == NEED_NONE else f"{headline} + {victim}"
        return f"{headline} — {'; '.join(parts)}" if parts else headline


NOT_NEEDED = CaseFileDecision(NEED_NONE, False, ())


def evaluate_case_file_need(
    *,
    outcome: str,
    categories: Iterable[str],
    risk: str,
    children: Iterable[Child] = (),
    started_at: datetime,
    holidays: Iterable[date] = (),
    working_days: Iterable[date] = (),
) -> CaseFileDecision:
    """Apply the rules of docs/law.md to a call as typed so far; manual flags are the caller's business.

    ``children`` are the people the call is about (children, minors and adult trafficking victims); a report
    without any is about a child of unknown age (the safe side). ``risk`` "" means not chosen yet.
    ``working_days`` are the Saturdays declared swapped working days.
    """
    if outcome not in OUTCOMES:
        raise ValueError(f"unknown outcome: {outcome!r}")
    if risk != RISK_UNSET and risk not in RISK_LEVELS:
        raise ValueError(f"unknown risk level: {risk!r}")
    if started_at.tzinfo is None:
        raise ValueError("naive datetime: started_at must be timezone-aware")
    if outcome != SUBSTANTIVE:
        # a one-key outcome (silent, prank, …) has no form: whatever was ticked before the key is ignored
        return NOT_NEEDED

    people = list(children)
    for person in people:
        _check_person(person)
    young = [p for p in people if p.group != "adult"]
    adults = [p for p in people if p.group == "adult"]
    # the child rules concern a child, a minor or someone of unknown age; a report naming nobody is about a child
    child_concerned = bool(young) or not people

    codes = sorted(set(categories))  # sorted: the same call always gives the same reasons in the same order
    abuse = [c for c in codes if category_group(c) == "abuse"]
    rights = [c for c in codes if category_group(c) == "rights"]
    trafficking = [c for c in codes if category_group(c) == "trafficking" and c != RECRUITMENT_INFO]
    found: dict[str, list[Reason]] = {rule: [] for rule in RULES}
    if child_concerned:
        found[RULE_ABUSE] = [Reason(RULE_ABUSE, c) for c in abuse]
        found[RULE_TRAFFICKING] = [Reason(RULE_TRAFFICKING, c) for c in trafficking]
        found[RULE_RIGHTS] = [Reason(RULE_RIGHTS, c) for c in rights if c in RIGHTS_REQUIRED]
        found[RULE_RIGHTS_OTHER] = [Reason(RULE_RIGHTS_OTHER, c) for c in rights if c not in RIGHTS_REQUIRED]
        if risk == "immediate":
            found[RULE_IMMEDIATE] = [Reason(RULE_IMMEDIATE)]
        elif risk == "high":
            found[RULE_HIGH_RISK] = [Reason(RULE_HIGH_RISK)]
        circumstances = {code for p in young for code in p.special_circumstances}
        if any(p.status == CHILD_ABUSED for p in young) or circumstances & set(ABUSED_CIRCUMSTANCES):
            found[RULE_ABUSED_CHILD] = [Reason(RULE_ABUSED_CHILD)]
        elif any(p.status == CHILD_AT_RISK for p in young):
            found[RULE_AT_RISK_CHILD] = [Reason(RULE_AT_RISK_CHILD)]
        if circumstances - set(ABUSED_CIRCUMSTANCES):
            found[RULE_SPECIAL] = [Reason(RULE_SPECIAL)]
    if adults and trafficking:
        found[RULE_ADULT_VICTIM] = [Reason(RULE_ADULT_VICTIM)]
    # recruitment information alone only suggests a file; beside a real report it adds nothing
    if RECRUITMENT_INFO in codes and not abuse and not trafficking:
        found[RULE_RECRUITMENT] = [Reason(RULE_RECRUITMENT)]

    required_rules = (RULE_ABUSE, RULE_TRAFFICKING, RULE_RIGHTS, RULE_IMMEDIATE, RULE_HIGH_RISK, RULE_ABUSED_CHILD)
    suggested_rules = (RULE_RIGHTS_OTHER, RULE_RECRUITMENT, RULE_AT_RISK_CHILD, RULE_SPECIAL)
    if any(found[rule] for rule in required_rules):
        need = NEED_REQUIRED
    elif any(found[rule] for rule in suggested_rules):
        need = NEED_SUGGESTED
    else:
        need = NEED_NONE
    urgent = child_concerned and bool(
        found[RULE_IMMEDIATE]
        or found[RULE_HIGH_RISK]
        or trafficking
        or set(codes) & set(ALWAYS_URGENT)
        or {code for p in young for code in p.special_circumstances} & set(URGENT_CIRCUMSTANCES)
    )
    report = bool(set(map(category_group, codes)) & set(REPORT_GROUPS)) or need != NEED_NONE
    reasons = tuple(reason for rule in RULES for reason in found[rule])
    return CaseFileDecision(
        need=need,
        urgent=urgent,
        reasons=reasons,
        safety_due=deadlines.safety_due(started_at) if urgent else None,
        plan_due=deadlines.plan_due(started_at, holidays, working_days) if need != NEED_NONE else None,
        handoff=need == NEED_REQUIRED,
        victim_referral=bool(found[RULE_ADULT_VICTIM]),
        risk_missing=report and risk == RISK_UNSET,
    )


def _check_person(person: Child) -> None:
    for code in person.special_circumstances:
        if code not in SPECIAL_CIRCUMSTANCES:
            raise ValueError(f"unknown special circumstance: {code!r}")
    if person.status not in CHILD_STATUSES:
        raise ValueError(f"unknown child status: {person.status!r}")


# --- the effective flag: the rules' decision combined with the operator's choice ---


class FlagOverrideError(CodedError, ValueError):
    """A case-file flag required by the rules was cleared without a written reason."""

    def __init__(self) -> None:
        super().__init__(
            "call.flag_clear_needs_reason",
            QT_TRANSLATE_NOOP("StoreError", "Clearing a case-file flag set by the rules needs a written reason."),
        )


class EffectiveFlag(NamedTuple):
    flagged: bool
    source: str | None  # "rule", "manual" (models.FLAG_SOURCES) or None when not flagged


def effective_flag(
    decision: CaseFileDecision, manual_flag: bool = False, cleared: bool = False, override_reason: str = ""
) -> EffectiveFlag:
    """Whether the call is flagged for a case file, and who flagged it.

    - need *required*: flagged by the rule unless the operator ``cleared`` it; clearing needs a non-blank
      ``override_reason`` (else FlagOverrideError) — the caller stores and audits it, and the call then
      belongs in the shift lead's review list (see ``is_override``);
    - need *suggested* or *not needed*: flagged only when the operator ticks ``manual_flag`` (source
      "manual": a person decided, the rules only proposed); ``cleared`` has nothing to clear and is ignored,
      so a stale tick left over after the categories changed does no harm.
    Ticking and clearing at once is contradictory and raises ValueError.
    """
    if manual_flag and cleared:
        raise ValueError("a case-file flag cannot be both set by hand and cleared")
    if decision.need == NEED_REQUIRED:
        if not cleared:
            return EffectiveFlag(True, "rule")
        if not override_reason.strip():
            raise FlagOverrideError()
        return EffectiveFlag(False, None)
    if manual_flag:
        return EffectiveFlag(True, "manual")
    return EffectiveFlag(False, None)


def is_override(decision: CaseFileDecision, flagged: bool) -> bool:
    """True when the rules required a case file but the call is not flagged: it goes to the shift lead."""
    return decision.need == NEED_REQUIRED and not flagged


def flag_reasons(decision: CaseFileDecision, flag: EffectiveFlag) -> tuple[Reason, ...]:
    """The reasons to store with the call: the rules' reasons, plus 'manual' when a person set the flag."""
    if flag.source == "manual":
        return (*decision.reasons, Reason(RULE_MANUAL))
    return decision.reasons
