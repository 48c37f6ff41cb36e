"""Plain data objects and the fixed vocabularies shared by every layer (no Qt, no SQL)."""

from __future__ import annotations

import uuid as _uuid
from dataclasses import dataclass, field
from datetime import datetime

# --- vocabularies: stable codes stored in the database; labels live in the UI's translations ---

SUBSTANTIVE = "substantive"
ONE_KEY_OUTCOMES = ("silent", "hang_up", "prank", "wrong_number", "abusive", "test")
OUTCOMES = (SUBSTANTIVE, *ONE_KEY_OUTCOMES)

CHANNELS = ("phone", "zalo", "app", "walk_in")

SEXES = ("male", "female", "unknown")

#: Age bands of the people a call is about, used by the reports and the form when the exact age is unknown.
#: Under 16 is a child (trẻ em, Luật Trẻ em 2016 Điều 1); 16-17 a minor (người chưa thành niên); 18+ an adult,
#: recorded only as a trafficking victim (docs/law.md).
CHILD_AGE_BANDS = ("0-5", "6-10", "11-15", "16-17", "18+", "unknown")
#: The age from which a person is no longer a child under Luật Trẻ em 2016, Điều 1.
CHILD_AGE_LIMIT = 16
#: The age from which a trafficking victim is an adult (Luật Phòng, chống mua bán người 2024, Điều 2(1)).
ADULT_AGE = 18
CALLER_AGE_BANDS = ("under_11", "11-15", "16-17", "18-59", "60+", "unknown")

CALLER_RELATIONS = (
    "self",  # the child calls about themself
    "parent",
    "relative",
    "carer",
    "neighbour",
    "teacher",
    "friend",
    "official",  # police, commune officer, health worker
    "other",
    "unknown",
)

#: "immediate" is immediate danger to the child (high or immediate → required, the 12-hour clock).
RISK_LEVELS = ("none", "low", "medium", "high", "immediate")
#: A report's risk has no default: the operator must choose one (docs/law.md); "" is "not chosen yet".
RISK_UNSET = ""

#: Where a call was referred to (docs/law.md "Referral destinations").
REFERRALS = (
    "police_113",
    "health_115",
    "commune",
    "health_dept",
    "school",
    "border_guard",
    "ngo_shelter",
    "other",
)
#: The referrals that count as an adult trafficking victim's referral (Công an, Bộ đội Biên phòng).
VICTIM_REFERRALS = ("police_113", "border_guard")

#: 111's service tiers: each call with content is exactly one of these (docs/law.md "Service level").
SERVICE_LEVELS = ("information", "counselling", "intervention")

#: Where the incident happened (Thông tư 13/2021, indicator 0101 counts abused children by setting).
INCIDENT_SETTINGS = ("family", "school", "community", "online", "workplace", "other")

#: Each person of a report: abused (harm done), at risk, or not clear yet (Mẫu 01's classification).
CHILD_ABUSED = "abused"
CHILD_AT_RISK = "at_risk"
CHILD_UNCLEAR = "unclear"
CHILD_STATUSES = (CHILD_ABUSED, CHILD_AT_RISK, CHILD_UNCLEAR)

#: Where a trafficking victim was taken or was to be taken (An Giang borders Cambodia).
DESTINATIONS = ("cambodia", "laos", "china", "myanmar", "vietnam", "other")

#: How a report was passed on (hand-off to the commune, an adult victim's referral).
HANDOFF_KINDS = ("commune", "victim")
HANDOFF_MEANS = ("phone", "in_person", "written", "other")

#: Luật Trẻ em 2016, Điều 10: the 14 groups of children in special circumstances.
SPECIAL_CIRCUMSTANCES = (
    "orphan_both",
    "abandoned",
    "no_one_to_depend_on",
    "disability",
    "hiv_aids",
    "conflict_with_law",
    "drug_use",
    "out_of_school_working",
    "harmed_by_violence",
    "exploited",
    "sexually_abused",
    "trafficked",
    "serious_illness_poor",
    "migrant_without_carer",
)

#: The special circumstances whose children are abused children (Điều 10(1) i, k, l, m): a case file is required.
ABUSED_CIRCUMSTANCES = ("harmed_by_violence", "exploited", "sexually_abused", "trafficked")

#: The decision of the case-file rules (core.rules).
NEED_REQUIRED = "required"
NEED_SUGGESTED = "suggested"
NEED_NONE = "not_needed"
CASE_NEEDS = (NEED_REQUIRED, NEED_SUGGESTED, NEED_NONE)

FLAG_SOURCES = ("rule", "manual")

ROLES = ("operator", "shift_lead", "counselor", "admin")


def category_group(code: str) -> str:
    """The group of a category code: ``abuse.sexual`` → ``abuse``."""
    return code.split(".", 1)[0]


def age_band_for(age: int | None) -> str:
    """The report's age band of an exact age; ``unknown`` for no age."""
    if age is None or age < 0:
        return "unknown"
    if age >= ADULT_AGE:
        return "18+"
    return "0-5" if age <= 5 else "6-10" if age <= 10 else "11-15" if age <= 15 else "16-17"


def age_group(age: int | None, age_band: str = "unknown") -> str:
    """Who a person is in law: 'child' (under 16, or of unknown age: the safe side), 'minor' (16–17) or 'adult'.

    The exact age wins over the band; a band alone is enough ('16-17' → minor, '18+' → adult).
    """
    band = age_band_for(age) if age is not None else age_band
    if band == "18+":
        return "adult"
    if band == "16-17":
        return "minor"
    return "child"


def new_uuid() -> str:
    return str(_uuid.uuid4())


@dataclass
class Child:
    """One child a call is about; each child who needs one gets their own case file."""

    name: str = ""
    sex: str = "unknown"
    age: int | None = None
    age_band: str = "unknown"
    province_code: int | None = None
    ward_code: int | None = None
    address: str = ""
    special_circumstances: list[str] = field(default_factory=list)
    carer: str = ""
    #: abused / at risk / unclear (CHILD_STATUSES)
    status: str = CHILD_UNCLEAR
    #: for a trafficking victim: where they were taken (DESTINATIONS), "" when not known or not trafficked
    destination: str = ""
    id: int | None = None

    @property
    def group(self) -> str:
        """'child', 'minor' or 'adult' (models.age_group)."""
        return age_group(self.age, self.age_band)


@dataclass(frozen=True)
class Handoff:
    """A report passed on: to the commune of the incident (Điều 26(1)) or an adult victim's referral.

    ``at`` is when it happened (UTC), ``to_whom`` the office or person, ``means`` one of HANDOFF_MEANS.
    """

    kind: str
    to_whom: str
    means: str
    at: datetime
    user_id: int | None = None
    id: int | None = None


@dataclass
class Call:
    """One contact with the hotline, as the operator logged it. Times are timezone-aware UTC datetimes."""

    line: str
    started_at: datetime
    operator_id: int
    outcome: str = SUBSTANTIVE
    channel: str = "phone"
    ended_at: datetime | None = None
    duration_s: int = 0
    phone_raw: str = ""
    phone_e164: str | None = None
    phone_kind: str = "withheld"
    caller_relation: str = "unknown"
    caller_name: str = ""
    caller_sex: str = "unknown"
    caller_age_band: str = "unknown"
    callback_consent: bool = False
    risk: str = RISK_UNSET
    #: 111's service tier (SERVICE_LEVELS); "" for a one-key outcome or not chosen yet
    service_level: str = ""
    summary: str = ""
    action_taken: str = ""
    #: help given to the child before the report reached the hotline (Mẫu 01), as the caller told it
    help_before: str = ""
    #: where the incident happened: province and commune codes, free text, and the setting (INCIDENT_SETTINGS)
    incident_province_code: int | None = None
    incident_ward_code: int | None = None
    incident_place: str = ""
    incident_setting: str = ""
    referrals: list[str] = field(default_factory=list)
    categories: list[str] = field(default_factory=list)
    children: list[Child] = field(default_factory=list)
    # case-file flag: the rules' decision and the effective flag after the operator's choice
    case_need: str = NEED_NONE
    urgent: bool = False
    flagged: bool = False
    flag_source: str | None = None
    flag_reasons: list[dict] = field(default_factory=list)
    flag_override_reason: str = ""
    #: the 12-hour clock (emergency measures / temporary separation, ND 56 Điều 26(3), 32)
    safety_due: datetime | None = None
    plan_due: datetime | None = None
    #: the report must be passed to the commune at once (Điều 26(1)): due from the save until a hand-off
    handoff_due: datetime | None = None
    #: an adult trafficking victim is on the call: a victim referral (police or Border Guard) is due
    victim_referral: bool = False
    handoffs: list[Handoff] = field(default_factory=list)
    # review by the shift lead
    reviewed_by: int | None = None
    reviewed_at: datetime | None = None
    review_note: str = ""
    # bookkeeping
    uuid: str = field(default_factory=new_uuid)
    id: int | None = None
    version: int = 0
    created_at: datetime | None = None
    updated_at: datetime | None = None


@dataclass(frozen=True)
class CallerHistoryItem:
    """A short line of a repeat caller's earlier call: no notes, no names (DESIGN §6)."""

    call_id: int
    started_at: datetime
    line: str
    outcome: str
    categories: tuple[str, ...]
    flagged: bool
    case_numbers: tuple[str, ...]


@dataclass(frozen=True)
class CallerHistory:
    """Earlier calls from one number: how many, what the latest ones were (with content, flagged), the newest
    few in full."""

    total: int
    items: tuple[CallerHistoryItem, ...]
    with_content: int = 0
    flagged: int = 0


@dataclass(frozen=True)
class CallSummary:
    """One row of a list of calls (daily log, search results)."""

    id: int
    started_at: datetime
    line: str
    channel: str
    operator_id: int
    outcome: str
    duration_s: int
    phone_raw: str
    phone_e164: str | None
    risk: str
    flagged: bool
    case_need: str
    categories: tuple[str, ...]
    reviewed: bool


@dataclass(frozen=True)
class User:
    id: int
    username: str
    display_name: str
    roles: frozenset[str]
    active: bool = True
    must_change_password: bool = False
    failed_logins: int = 0
    locked_until: datetime | None = None


@dataclass(frozen=True)
class Draft:
    """The saved state of a call form being typed."""

    key: str
    user_id: int
    workstation: str
    state: dict
    started_at: datetime
    updated_at: datetime


@dataclass(frozen=True)
class CallChange:
    call_id: int
    changed_at: datetime
    user_id: int
    field: str
    old: str
    new: str
