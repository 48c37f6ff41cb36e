"""The one vocabulary: every code the program stores or reports has a word, and the words live in one place."""

from __future__ import annotations

import pytest

from hotline.core import cases, models, phones, report_data, words
from hotline.core.words import Words

#: Every code table of core (a new code in one of them must get its word) beside the table that words it.
CODE_TABLES = [
    (models.OUTCOMES, words.OUTCOMES),
    (models.CHANNELS, words.CHANNELS),
    (models.SEXES, words.SEXES),
    (models.CHILD_AGE_BANDS, words.CHILD_AGE_BANDS),
    (models.CALLER_AGE_BANDS, words.CALLER_AGE_BANDS),
    (models.CALLER_RELATIONS, words.RELATIONS),
    (models.RISK_LEVELS, words.RISKS),
    (models.REFERRALS, words.REFERRALS),
    (models.SERVICE_LEVELS, words.SERVICE_LEVELS),
    (models.INCIDENT_SETTINGS, words.INCIDENT_SETTINGS),
    (models.CHILD_STATUSES, words.CHILD_STATUSES),
    (models.DESTINATIONS, words.DESTINATIONS),
    (models.HANDOFF_KINDS, words.HANDOFF_KINDS),
    (models.HANDOFF_MEANS, words.HANDOFF_MEANS),
    (models.SPECIAL_CIRCUMSTANCES, words.SPECIAL_CIRCUMSTANCES),
    (models.CASE_NEEDS, words.CASE_NEEDS),
    (models.FLAG_SOURCES, words.FLAG_SOURCES),
    (phones.KINDS, words.PHONE_KINDS),
    (cases.STEPS, words.CASE_STEPS),
    (cases.REFERRAL_SERVICES, words.CASE_SERVICES),
    (report_data.VICTIM_AGE_GROUPS, words.VICTIM_AGE_GROUPS),
    ((report_data.NOT_RECORDED, "none", report_data.FORM_TRAFFICKING), words.REPORT_KEYS),
]
#: Tuples of core that are not codes needing words, or are worded elsewhere on purpose: roles (hotline.i18n's
#: "Roles" context), internal rule keys (core.rules explains its decisions in both languages), constants.
NOT_WORDED_HERE = {"ROLES", "ONE_KEY_OUTCOMES", "VICTIM_REFERRALS", "ABUSED_CIRCUMSTANCES"}


@pytest.mark.parametrize(("codes", "table"), CODE_TABLES, ids=lambda v: getattr(v, "context", None) or str(v[0]))
def test_every_code_has_a_word(codes, table):
    """Each code of each code table of core has a non-empty English word (the translation source)."""
    missing = [code for code in codes if not table.get(code, "").strip()]
    assert not missing, missing
    assert isinstance(table, Words) and table.context


def test_every_code_tuple_of_the_models_is_worded():
    """A new tuple of codes in core.models is either worded by a table above or named as not worded here."""
    worded = {id(codes) for codes, _ in CODE_TABLES}
    tuples = {
        name for name, value in vars(models).items()
        if name.isupper() and isinstance(value, tuple) and value and all(isinstance(v, str) for v in value)
    }  # fmt: skip
    unworded = {name for name in tuples if id(getattr(models, name)) not in worded} - NOT_WORDED_HERE
    assert not unworded, unworded


def test_tables_have_no_stray_codes():
    """A table words only codes that exist (a renamed code must not leave its old word behind)."""
    for codes, table in CODE_TABLES:
        assert set(table) <= set(codes) | {"no_form"}, set(table) - set(codes)


def test_words_are_one_per_code_in_each_table():
    """Within a table no two codes share a word, so a reader can tell them apart in a file."""
    for _, table in CODE_TABLES:
        assert len(set(table.values())) == len(table), table.context
