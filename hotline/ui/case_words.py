"""Words for the case-file codes: steps and referral services, translated with Qt Linguist."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

STEPS = {
    "received": QT_TRANSLATE_NOOP("CaseWords", "Received"),
    "assessment": QT_TRANSLATE_NOOP("CaseWords", "Initial assessment"),
    "needs": QT_TRANSLATE_NOOP("CaseWords", "Needs identified"),
    "plan": QT_TRANSLATE_NOOP("CaseWords", "Support plan"),
    "implementing": QT_TRANSLATE_NOOP("CaseWords", "Implementing the plan"),
    "review": QT_TRANSLATE_NOOP("CaseWords", "Review"),
    "closed": QT_TRANSLATE_NOOP("CaseWords", "Closed"),
}
SERVICES = {
    "police": QT_TRANSLATE_NOOP("CaseWords", "Police"),
    "health": QT_TRANSLATE_NOOP("CaseWords", "Health"),
    "commune": QT_TRANSLATE_NOOP("CaseWords", "Commune committee"),
    "school": QT_TRANSLATE_NOOP("CaseWords", "School"),
    "legal_aid": QT_TRANSLATE_NOOP("CaseWords", "Legal aid"),
    "shelter": QT_TRANSLATE_NOOP("CaseWords", "Shelter"),
    "other": QT_TRANSLATE_NOOP("CaseWords", "Other service"),
}
#: The fields of the case file that Mẫu số 01 needs and the call does not hold.
DETAILS = {
    "date_of_birth": QT_TRANSLATE_NOOP("CaseWords", "Child's date of birth"),
    "condition": QT_TRANSLATE_NOOP("CaseWords", "Child's condition now"),
    "likely_outcome": QT_TRANSLATE_NOOP("CaseWords", "Likely outcome without help"),
    "father_name": QT_TRANSLATE_NOOP("CaseWords", "Father: name"),
    "father_age": QT_TRANSLATE_NOOP("CaseWords", "Father: age"),
    "father_occupation": QT_TRANSLATE_NOOP("CaseWords", "Father: occupation"),
    "mother_name": QT_TRANSLATE_NOOP("CaseWords", "Mother: name"),
    "mother_age": QT_TRANSLATE_NOOP("CaseWords", "Mother: age"),
    "mother_occupation": QT_TRANSLATE_NOOP("CaseWords", "Mother: occupation"),
    "family_situation": QT_TRANSLATE_NOOP("CaseWords", "Family situation"),
    "informant_address": QT_TRANSLATE_NOOP("CaseWords", "Informant: address"),
}


def _word(table: dict[str, str], code: str) -> str:
    source = table.get(code)
    return QCoreApplication.translate("CaseWords", source) if source else code


def step_label(code: str) -> str:
    return _word(STEPS, code)


def service_label(code: str) -> str:
    return _word(SERVICES, code)


def detail_label(code: str) -> str:
    return _word(DETAILS, code)
