"""Words shown on screen for the stored codes: the one vocabulary (hotline.core.words), in the interface's language."""

from __future__ import annotations

from hotline.core.words import (
    CALLER_AGE_BANDS,
    CASE_NEEDS,
    CHANNELS,
    CHILD_AGE_BANDS,
    CHILD_STATUSES,
    DESTINATIONS,
    FLAG_SOURCES,
    HANDOFF_KINDS,
    HANDOFF_MEANS,
    INCIDENT_SETTINGS,
    OUTCOMES,
    PERSON_GROUPS,
    PHONE_KINDS,
    REFERRALS,
    RELATIONS,
    RISKS,
    SERVICE_LEVELS,
    SEXES,
    SPECIAL_CIRCUMSTANCES,
)
from hotline.vocabulary import word

__all__ = [
    "CALLER_AGE_BANDS",
    "CASE_NEEDS",
    "CHANNELS",
    "CHILD_AGE_BANDS",
    "CHILD_STATUSES",
    "DESTINATIONS",
    "FLAG_SOURCES",
    "HANDOFF_KINDS",
    "HANDOFF_MEANS",
    "INCIDENT_SETTINGS",
    "OUTCOMES",
    "PERSON_GROUPS",
    "PHONE_KINDS",
    "REFERRALS",
    "RELATIONS",
    "RISKS",
    "SERVICE_LEVELS",
    "SEXES",
    "SPECIAL_CIRCUMSTANCES",
    "label",
]


def label(table: dict[str, str], code: str) -> str:
    """The translated word for a code (the code itself if the table does not know it)."""
    return word(table, code)
