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

#: Child age bands used by the reports (issue 7) and the form when the exact age is unknown.
CHILD_AGE_BANDS = ("0-5", "6-10", "11-15", "16-17", "unknown")
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

#: "immediate" is immediate danger to the child (DESIGN §5: high or immediate → required, urgent).
RISK_LEVELS = ("none", "low", "medium", "high", "immediate")

REFERRALS = ("police_113", "health_115", "commune", "health_dept", "school", "other")

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
    """The report's age band of an exact age (0–17); ``unknown`` for no age or an adult's."""
    if age is None or age < 0 or age > 17:
        return "unknown"
    return "0-5" if age <= 5 else "6-10" if age <= 10 else "11-15" if age <= 15 else "16-17"


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
    risk: str = "none"
    summary: str = ""
    action_taken: str = ""
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
    safety_due: datetime | None = None
    plan_due: datetime | None = None
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
