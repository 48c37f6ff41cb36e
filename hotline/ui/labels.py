"""Words shown for the stored codes (outcomes, relations, risk…), translated with Qt Linguist."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

_CTX = "Labels"

OUTCOMES = {
    "substantive": QT_TRANSLATE_NOOP("Labels", "Call with content"),
    "silent": QT_TRANSLATE_NOOP("Labels", "Silent"),
    "hang_up": QT_TRANSLATE_NOOP("Labels", "Hang-up"),
    "prank": QT_TRANSLATE_NOOP("Labels", "Prank"),
    "wrong_number": QT_TRANSLATE_NOOP("Labels", "Wrong number"),
    "abusive": QT_TRANSLATE_NOOP("Labels", "Abusive"),
    "test": QT_TRANSLATE_NOOP("Labels", "Test call"),
}
CHANNELS = {
    "phone": QT_TRANSLATE_NOOP("Labels", "Phone"),
    "zalo": QT_TRANSLATE_NOOP("Labels", "Zalo"),
    "app": QT_TRANSLATE_NOOP("Labels", "App"),
    "walk_in": QT_TRANSLATE_NOOP("Labels", "Walk-in"),
}
SEXES = {
    "unknown": QT_TRANSLATE_NOOP("Labels", "Unknown"),
    "female": QT_TRANSLATE_NOOP("Labels", "Female"),
    "male": QT_TRANSLATE_NOOP("Labels", "Male"),
}
CHILD_AGE_BANDS = {
    "unknown": QT_TRANSLATE_NOOP("Labels", "Age unknown"),
    "0-5": QT_TRANSLATE_NOOP("Labels", "0–5 years"),
    "6-10": QT_TRANSLATE_NOOP("Labels", "6–10 years"),
    "11-15": QT_TRANSLATE_NOOP("Labels", "11–15 years"),
    "16-17": QT_TRANSLATE_NOOP("Labels", "16–17 years"),
}
CALLER_AGE_BANDS = {
    "unknown": QT_TRANSLATE_NOOP("Labels", "Age unknown"),
    "under_11": QT_TRANSLATE_NOOP("Labels", "Under 11"),
    "11-15": QT_TRANSLATE_NOOP("Labels", "11–15 years"),
    "16-17": QT_TRANSLATE_NOOP("Labels", "16–17 years"),
    "18-59": QT_TRANSLATE_NOOP("Labels", "Adult (18–59)"),
    "60+": QT_TRANSLATE_NOOP("Labels", "60 or older"),
}
RELATIONS = {
    "unknown": QT_TRANSLATE_NOOP("Labels", "Not said"),
    "self": QT_TRANSLATE_NOOP("Labels", "The child themself"),
    "parent": QT_TRANSLATE_NOOP("Labels", "Parent"),
    "relative": QT_TRANSLATE_NOOP("Labels", "Relative"),
    "carer": QT_TRANSLATE_NOOP("Labels", "Carer"),
    "neighbour": QT_TRANSLATE_NOOP("Labels", "Neighbour"),
    "teacher": QT_TRANSLATE_NOOP("Labels", "Teacher"),
    "friend": QT_TRANSLATE_NOOP("Labels", "Friend"),
    "official": QT_TRANSLATE_NOOP("Labels", "Official (police, commune, health)"),
    "other": QT_TRANSLATE_NOOP("Labels", "Other"),
}
RISKS = {
    "none": QT_TRANSLATE_NOOP("Labels", "No risk seen"),
    "low": QT_TRANSLATE_NOOP("Labels", "Low"),
    "medium": QT_TRANSLATE_NOOP("Labels", "Medium"),
    "high": QT_TRANSLATE_NOOP("Labels", "High"),
    "immediate": QT_TRANSLATE_NOOP("Labels", "Immediate danger"),
}
REFERRALS = {
    "police_113": QT_TRANSLATE_NOOP("Labels", "Police 113"),
    "health_115": QT_TRANSLATE_NOOP("Labels", "Emergency 115"),
    "commune": QT_TRANSLATE_NOOP("Labels", "Commune committee"),
    "health_dept": QT_TRANSLATE_NOOP("Labels", "Health department"),
    "school": QT_TRANSLATE_NOOP("Labels", "School"),
    "other": QT_TRANSLATE_NOOP("Labels", "Other service"),
}
SPECIAL_CIRCUMSTANCES = {
    "orphan_both": QT_TRANSLATE_NOOP("Labels", "Orphaned of both parents"),
    "abandoned": QT_TRANSLATE_NOOP("Labels", "Abandoned"),
    "no_one_to_depend_on": QT_TRANSLATE_NOOP("Labels", "No one to depend on"),
    "disability": QT_TRANSLATE_NOOP("Labels", "Disability"),
    "hiv_aids": QT_TRANSLATE_NOOP("Labels", "Living with HIV/AIDS"),
    "conflict_with_law": QT_TRANSLATE_NOOP("Labels", "In conflict with the law"),
    "drug_use": QT_TRANSLATE_NOOP("Labels", "Uses drugs"),
    "out_of_school_working": QT_TRANSLATE_NOOP("Labels", "Out of school, working"),
    "harmed_by_violence": QT_TRANSLATE_NOOP("Labels", "Seriously harmed by violence"),
    "exploited": QT_TRANSLATE_NOOP("Labels", "Exploited"),
    "sexually_abused": QT_TRANSLATE_NOOP("Labels", "Sexually abused"),
    "trafficked": QT_TRANSLATE_NOOP("Labels", "Trafficked"),
    "serious_illness_poor": QT_TRANSLATE_NOOP("Labels", "Serious illness, poor household"),
    "migrant_without_carer": QT_TRANSLATE_NOOP("Labels", "Migrant or refugee without carer"),
}
PHONE_KINDS = {
    "mobile": QT_TRANSLATE_NOOP("Labels", "mobile"),
    "fixed": QT_TRANSLATE_NOOP("Labels", "landline"),
    "toll_free": QT_TRANSLATE_NOOP("Labels", "toll-free"),
    "short_code": QT_TRANSLATE_NOOP("Labels", "short code"),
    "withheld": QT_TRANSLATE_NOOP("Labels", "number withheld"),
    "international": QT_TRANSLATE_NOOP("Labels", "foreign number"),
    "invalid": QT_TRANSLATE_NOOP("Labels", "not a usable number"),
}


def label(table: dict[str, str], code: str) -> str:
    """The translated word for a code (the code itself if the table does not know it)."""
    source = table.get(code)
    return QCoreApplication.translate(_CTX, source) if source else code
