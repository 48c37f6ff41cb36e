"""The one vocabulary: the words for every stored code (outcomes, channels, risk, steps…), in English.

Each table maps a code to its English source string under a Qt Linguist context, so the screens (hotline.ui.labels),
the exports, the PDFs and the command line (hotline.vocabulary) show the same words, translated by the same
catalogue (resources/i18n). Pure Python: the marker below only lets pyside6-lupdate find the strings.
"""

from __future__ import annotations


def QT_TRANSLATE_NOOP(context: str, source: str) -> str:  # the name pyside6-lupdate looks for
    """Mark ``source`` for translation in ``context`` (returns it as it is)."""
    return source


class Words(dict):
    """Code → English source string, translated in the Qt Linguist ``context``."""

    def __init__(self, context: str, sources: dict[str, str]) -> None:
        super().__init__(sources)
        self.context = context


OUTCOMES = Words(
    "Labels",
    {
        "substantive": QT_TRANSLATE_NOOP("Labels", "Call with content"),
        "silent": QT_TRANSLATE_NOOP("Labels", "Silent"),
        "hang_up": QT_TRANSLATE_NOOP("Labels", "Hang-up"),
        "prank": QT_TRANSLATE_NOOP("Labels", "Prank"),
        "wrong_number": QT_TRANSLATE_NOOP("Labels", "Wrong number"),
        "abusive": QT_TRANSLATE_NOOP("Labels", "Abusive"),
        "test": QT_TRANSLATE_NOOP("Labels", "Test call"),
    },
)
CHANNELS = Words(
    "Labels",
    {
        "phone": QT_TRANSLATE_NOOP("Labels", "Phone"),
        "zalo": QT_TRANSLATE_NOOP("Labels", "Zalo"),
        "app": QT_TRANSLATE_NOOP("Labels", "App"),
        "walk_in": QT_TRANSLATE_NOOP("Labels", "Walk-in"),
    },
)
SEXES = Words(
    "Labels",
    {
        "unknown": QT_TRANSLATE_NOOP("Labels", "Unknown"),
        "female": QT_TRANSLATE_NOOP("Labels", "Female"),
        "male": QT_TRANSLATE_NOOP("Labels", "Male"),
    },
)
CHILD_AGE_BANDS = Words(
    "Labels",
    {
        "unknown": QT_TRANSLATE_NOOP("Labels", "Age unknown"),
        "0-5": QT_TRANSLATE_NOOP("Labels", "0–5 years"),
        "6-10": QT_TRANSLATE_NOOP("Labels", "6–10 years"),
        "11-15": QT_TRANSLATE_NOOP("Labels", "11–15 years"),
        "16-17": QT_TRANSLATE_NOOP("Labels", "16–17 years"),
        "18+": QT_TRANSLATE_NOOP("Labels", "Adult (18 or older)"),
    },
)
CALLER_AGE_BANDS = Words(
    "Labels",
    {
        "unknown": QT_TRANSLATE_NOOP("Labels", "Age unknown"),
        "under_11": QT_TRANSLATE_NOOP("Labels", "Under 11"),
        "11-15": QT_TRANSLATE_NOOP("Labels", "11–15 years"),
        "16-17": QT_TRANSLATE_NOOP("Labels", "16–17 years"),
        "18-59": QT_TRANSLATE_NOOP("Labels", "Adult (18–59)"),
        "60+": QT_TRANSLATE_NOOP("Labels", "60 or older"),
    },
)
RELATIONS = Words(
    "Labels",
    {
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
    },
)
RISKS = Words(
    "Labels",
    {
        "none": QT_TRANSLATE_NOOP("Labels", "No risk seen"),
        "low": QT_TRANSLATE_NOOP("Labels", "Low"),
        "medium": QT_TRANSLATE_NOOP("Labels", "Medium"),
        "high": QT_TRANSLATE_NOOP("Labels", "High"),
        "immediate": QT_TRANSLATE_NOOP("Labels", "Immediate danger"),
    },
)
REFERRALS = Words(
    "Labels",
    {
        "police_113": QT_TRANSLATE_NOOP("Labels", "Police 113"),
        "health_115": QT_TRANSLATE_NOOP("Labels", "Emergency 115"),
        "commune": QT_TRANSLATE_NOOP("Labels", "Commune committee"),
        "health_dept": QT_TRANSLATE_NOOP("Labels", "Health department"),
        "school": QT_TRANSLATE_NOOP("Labels", "School"),
        "border_guard": QT_TRANSLATE_NOOP("Labels", "Border Guard"),
        "ngo_shelter": QT_TRANSLATE_NOOP("Labels", "NGO or shelter"),
        "other": QT_TRANSLATE_NOOP("Labels", "Other service"),
    },
)
SERVICE_LEVELS = Words(
    "Labels",
    {
        "information": QT_TRANSLATE_NOOP("Labels", "Information"),
        "counselling": QT_TRANSLATE_NOOP("Labels", "In-depth counselling"),
        "intervention": QT_TRANSLATE_NOOP("Labels", "Support or intervention"),
    },
)
INCIDENT_SETTINGS = Words(
    "Labels",
    {
        "family": QT_TRANSLATE_NOOP("Labels", "Family"),
        "school": QT_TRANSLATE_NOOP("Labels", "School"),
        "community": QT_TRANSLATE_NOOP("Labels", "Community"),
        "online": QT_TRANSLATE_NOOP("Labels", "Online"),
        "workplace": QT_TRANSLATE_NOOP("Labels", "Workplace"),
        "other": QT_TRANSLATE_NOOP("Labels", "Other place"),
    },
)
CHILD_STATUSES = Words(
    "Labels",
    {
        "abused": QT_TRANSLATE_NOOP("Labels", "Abused"),
        "at_risk": QT_TRANSLATE_NOOP("Labels", "At risk of abuse"),
        "unclear": QT_TRANSLATE_NOOP("Labels", "Not clear yet"),
    },
)
PERSON_GROUPS = Words(
    "Labels",
    {
        "child": QT_TRANSLATE_NOOP("Labels", "Child (under 16)"),
        "minor": QT_TRANSLATE_NOOP("Labels", "Minor (16–17)"),
        "adult": QT_TRANSLATE_NOOP("Labels", "Adult victim (18 or older)"),
    },
)
DESTINATIONS = Words(
    "Labels",
    {
        "cambodia": QT_TRANSLATE_NOOP("Labels", "Cambodia"),
        "laos": QT_TRANSLATE_NOOP("Labels", "Laos"),
        "china": QT_TRANSLATE_NOOP("Labels", "China"),
        "myanmar": QT_TRANSLATE_NOOP("Labels", "Myanmar"),
        "vietnam": QT_TRANSLATE_NOOP("Labels", "Within Vietnam"),
        "other": QT_TRANSLATE_NOOP("Labels", "Other country"),
    },
)
HANDOFF_MEANS = Words(
    "Labels",
    {
        "phone": QT_TRANSLATE_NOOP("Labels", "By phone"),
        "in_person": QT_TRANSLATE_NOOP("Labels", "In person"),
        "written": QT_TRANSLATE_NOOP("Labels", "In writing"),
        "other": QT_TRANSLATE_NOOP("Labels", "Other means"),
    },
)
#: Luật Trẻ em 2016, Điều 10(1): the English sources; the Vietnamese translations are the law's own words
#: (core.law.SPECIAL_CIRCUMSTANCES_VI, which Mẫu 01 prints; tests/test_translations.py holds them equal).
SPECIAL_CIRCUMSTANCES = Words(
    "Labels",
    {
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
    },
)
PHONE_KINDS = Words(
    "Labels",
    {
        "mobile": QT_TRANSLATE_NOOP("Labels", "mobile"),
        "fixed": QT_TRANSLATE_NOOP("Labels", "landline"),
        "toll_free": QT_TRANSLATE_NOOP("Labels", "toll-free"),
        "short_code": QT_TRANSLATE_NOOP("Labels", "short code"),
        "withheld": QT_TRANSLATE_NOOP("Labels", "number withheld"),
        "international": QT_TRANSLATE_NOOP("Labels", "foreign number"),
        "invalid": QT_TRANSLATE_NOOP("Labels", "not a usable number"),
    },
)


#: Whether a call needs a case file (core.rules decides; the daily log, the exports and the PDFs name it).
CASE_NEEDS = Words(
    "Labels",
    {
        "required": QT_TRANSLATE_NOOP("Labels", "Case file required"),
        "suggested": QT_TRANSLATE_NOOP("Labels", "Case file suggested"),
        "not_needed": QT_TRANSLATE_NOOP("Labels", "No case file needed"),
    },
)
#: Who set a call's case-file flag.
FLAG_SOURCES = Words(
    "Labels",
    {
        "rule": QT_TRANSLATE_NOOP("Labels", "Flagged by the rules"),
        "manual": QT_TRANSLATE_NOOP("Labels", "Flagged by hand"),
    },
)
#: What a recorded hand-off was: the report passed to the commune, or an adult victim referred.
HANDOFF_KINDS = Words(
    "Labels",
    {
        "commune": QT_TRANSLATE_NOOP("Labels", "Passed to the commune"),
        "victim": QT_TRANSLATE_NOOP("Labels", "Victim referred"),
    },
)
#: A trafficking victim's age group in the reports: the person groups, and an age not known.
VICTIM_AGE_GROUPS = Words("Labels", {**PERSON_GROUPS, "unknown": CHILD_AGE_BANDS["unknown"]})
#: Yes and no, as a spreadsheet cell says them (the edit dialog's words).
YES_NO = Words(
    "CallEditDialog",
    {
        "yes": QT_TRANSLATE_NOOP("CallEditDialog", "yes"),
        "no": QT_TRANSLATE_NOOP("CallEditDialog", "no"),
    },
)

#: The case file's steps (core.cases.STEPS) and the services a case refers to (core.cases.REFERRAL_SERVICES).
CASE_STEPS = Words(
    "CaseWords",
    {
        "received": QT_TRANSLATE_NOOP("CaseWords", "Received"),
        "assessment": QT_TRANSLATE_NOOP("CaseWords", "Initial assessment"),
        "needs": QT_TRANSLATE_NOOP("CaseWords", "Needs identified"),
        "plan": QT_TRANSLATE_NOOP("CaseWords", "Support plan"),
        "implementing": QT_TRANSLATE_NOOP("CaseWords", "Implementing the plan"),
        "review": QT_TRANSLATE_NOOP("CaseWords", "Review"),
        "closed": QT_TRANSLATE_NOOP("CaseWords", "Closed"),
    },
)
CASE_SERVICES = Words(
    "CaseWords",
    {
        "police": QT_TRANSLATE_NOOP("CaseWords", "Police"),
        "health": QT_TRANSLATE_NOOP("CaseWords", "Health"),
        "commune": QT_TRANSLATE_NOOP("CaseWords", "Commune committee"),
        "school": QT_TRANSLATE_NOOP("CaseWords", "School"),
        "legal_aid": QT_TRANSLATE_NOOP("CaseWords", "Legal aid"),
        "shelter": QT_TRANSLATE_NOOP("CaseWords", "Shelter"),
        "other": QT_TRANSLATE_NOOP("CaseWords", "Other service"),
    },
)

#: The statistics report's own keys: a value not recorded, a call referred nowhere, the two "forms" of an abused
#: child that are no abuse category (a trafficking report; no form recorded). The reports screen's words.
REPORT_KEYS = Words(
    "ReportViews",
    {
        "not_recorded": QT_TRANSLATE_NOOP("ReportViews", "Not recorded"),
        "none": QT_TRANSLATE_NOOP("ReportViews", "Not referred"),
        "trafficking": QT_TRANSLATE_NOOP("ReportViews", "Trafficked (trafficking report)"),
        "no_form": QT_TRANSLATE_NOOP("ReportViews", "No form of abuse recorded"),
    },
)
