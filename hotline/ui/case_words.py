"""Words for the case-file codes: steps, clocks, their articles and events, referral services (Qt Linguist)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from hotline.core.words import CASE_SERVICES, CASE_STEPS

# The steps and services are codes of core.cases: their words are the one vocabulary's (hotline.core.words).
STEPS = CASE_STEPS
SERVICES = CASE_SERVICES
#: The legal clocks (core.case_clocks), as the case file names them: which clock and what it asks.
CLOCKS = {
    "handoff": QT_TRANSLATE_NOOP("CaseWords", "Pass the report to the commune of the incident (at once)"),
    "emergency": QT_TRANSLATE_NOOP("CaseWords", "Emergency measures / temporary separation (12 hours)"),
    "plan": QT_TRANSLATE_NOOP("CaseWords", "Support and intervention plan (5 working days)"),
    "separation": QT_TRANSLATE_NOOP("CaseWords", "End of the temporary separation (15 days)"),
}
#: The clocks' short names, for the columns of the lists and the queue.
CLOCKS_SHORT = {
    "handoff": QT_TRANSLATE_NOOP("CaseWords", "Hand-off to the commune"),
    "emergency": QT_TRANSLATE_NOOP("CaseWords", "Emergency measures (12 h)"),
    "plan": QT_TRANSLATE_NOOP("CaseWords", "Support plan"),
    "separation": QT_TRANSLATE_NOOP("CaseWords", "Separation ends"),
}
#: The article of Nghị định 56/2017/NĐ-CP of each clock.
ARTICLES = {
    "handoff": QT_TRANSLATE_NOOP("CaseWords", "Art. 26(1)"),
    "emergency": QT_TRANSLATE_NOOP("CaseWords", "Art. 26(3), 32"),
    "plan": QT_TRANSLATE_NOOP("CaseWords", "Art. 28(1)"),
    "separation": QT_TRANSLATE_NOOP("CaseWords", "Art. 32"),
}
EMERGENCY_OUTCOMES = {
    "applied": QT_TRANSLATE_NOOP("CaseWords", "Emergency measures applied"),
    "none_needed": QT_TRANSLATE_NOOP("CaseWords", "Assessed: no emergency measures needed"),
}
#: The history lines of the clocks' events; %1 is the code the event carries (outcome, date).
CLOCK_EVENTS = {
    "emergency": QT_TRANSLATE_NOOP("CaseWords", "12 hours: %1"),
    "plan_approved": QT_TRANSLATE_NOOP("CaseWords", "Plan approved (Mẫu 05 decision) on %1"),
    "separation_start": QT_TRANSLATE_NOOP("CaseWords", "Temporary separation began"),
    "separation_extend": QT_TRANSLATE_NOOP("CaseWords", "Separation extended by a competent authority to %1"),
    "separation_end": QT_TRANSLATE_NOOP("CaseWords", "Temporary separation ended"),
    "cycle": QT_TRANSLATE_NOOP("CaseWords", "Review: the child is still at risk; a new plan cycle began"),
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


def clock_label(code: str) -> str:
    return _word(CLOCKS, code)


def clock_short(code: str) -> str:
    return _word(CLOCKS_SHORT, code)


def article_label(code: str) -> str:
    return _word(ARTICLES, code)


def emergency_label(code: str) -> str:
    return _word(EMERGENCY_OUTCOMES, code)
