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
    "18+": QT_TRANSLATE_NOOP("Labels", "Adult (18 or older)"),
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
    "border_guard": QT_TRANSLATE_NOOP("Labels", "Border Guard"),
    "ngo_shelter": QT_TRANSLATE_NOOP("Labels", "NGO or shelter"),
    "other": QT_TRANSLATE_NOOP("Labels", "Other service"),
}
SERVICE_LEVELS = {
    "information": QT_TRANSLATE_NOOP("Labels", "Information"),
    "counselling": QT_TRANSLATE_NOOP("Labels", "In-depth counselling"),
    "intervention": QT_TRANSLATE_NOOP("Labels", "Support or intervention"),
}
INCIDENT_SETTINGS = {
    "family": QT_TRANSLATE_NOOP("Labels", "Family"),
    "school": QT_TRANSLATE_NOOP("Labels", "School"),
    "community": QT_TRANSLATE_NOOP("Labels", "Community"),
    "online": QT_TRANSLATE_NOOP("Labels", "Online"),
    "workplace": QT_TRANSLATE_NOOP("Labels", "Workplace"),
    "other": QT_TRANSLATE_NOOP("Labels", "Other place"),
}
CHILD_STATUSES = {
    "abused": QT_TRANSLATE_NOOP("Labels", "Abused"),
    "at_risk": QT_TRANSLATE_NOOP("Labels", "At risk of abuse"),
    "unclear": QT_TRANSLATE_NOOP("Labels", "Not clear yet"),
}
PERSON_GROUPS = {
    "child": QT_TRANSLATE_NOOP("Labels", "Child (under 16)"),
    "minor": QT_TRANSLATE_NOOP("Labels", "Minor (16–17)"),
    "adult": QT_TRANSLATE_NOOP("Labels", "Adult victim (18 or older)"),
}
DESTINATIONS = {
    "cambodia": QT_TRANSLATE_NOOP("Labels", "Cambodia"),
    "laos": QT_TRANSLATE_NOOP("Labels", "Laos"),
    "china": QT_TRANSLATE_NOOP("Labels", "China"),
    "myanmar": QT_TRANSLATE_NOOP("Labels", "Myanmar"),
    "vietnam": QT_TRANSLATE_NOOP("Labels", "Within Vietnam"),
    "other": QT_TRANSLATE_NOOP("Labels", "Other country"),
}
HANDOFF_MEANS = {
    "phone": QT_TRANSLATE_NOOP("Labels", "By phone"),
    "in_person": QT_TRANSLATE_NOOP("Labels", "In person"),
    "written": QT_TRANSLATE_NOOP("Labels", "In writing"),
    "other": QT_TRANSLATE_NOOP("Labels", "Other means"),
}
#: Luật Trẻ em 2016, Điều 10(1): the English sources; the Vietnamese translations are the law's own words
#: (core.law.SPECIAL_CIRCUMSTANCES_VI, which Mẫu 01 prints; tests/test_translations.py holds them equal).
SPECIAL_CIRCUMSTANCES = {
    "orphan_both": QT_TRANSLATE_NOOP("Labels", "(a) Orphaned of both father and mother"),
    "abandoned": QT_TRANSLATE_NOOP("Labels", "(b) Abandoned"),
    "no_one_to_depend_on": QT_TRANSLATE_NOOP("Labels", "(c) With no one to depend on"),
    "disability": QT_TRANSLATE_NOOP("Labels", "(d) With a disability"),
    "hiv_aids": QT_TRANSLATE_NOOP("Labels", "(đ) Living with HIV/AIDS"),
    "conflict_with_law": QT_TRANSLATE_NOOP("Labels", "(e) In breach of the law"),
    "drug_use": QT_TRANSLATE_NOOP("Labels", "(g) Addicted to drugs"),
    "out_of_school_working": QT_TRANSLATE_NOOP(
        "Labels", "(h) Left school to earn a living before completing lower secondary education"
    ),
    "harmed_by_violence": QT_TRANSLATE_NOOP("Labels", "(i) Seriously harmed in body and mind by violence"),
    "exploited": QT_TRANSLATE_NOOP("Labels", "(k) Exploited"),
    "sexually_abused": QT_TRANSLATE_NOOP("Labels", "(l) Sexually abused"),
    "trafficked": QT_TRANSLATE_NOOP("Labels", "(m) Trafficked"),
    "serious_illness_poor": QT_TRANSLATE_NOOP(
        "Labels", "(n) With a grave or long-term illness, of a poor or near-poor household"
    ),
    "migrant_without_carer": QT_TRANSLATE_NOOP(
        "Labels", "(o) Migrant, displaced or refugee, parents not identified or without a carer"
    ),
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
