"""The reports screen's tables per child and per tier: 111's service levels, channels and referrals, the abused
children by form, sex, age, setting and commune, the trafficking victims, and the abused children without a case
file."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QTableWidget, QWidget

from hotline.core.places import ward_name
from hotline.core.report_data import ReportData, vn_int
from hotline.core.taxonomy import Taxonomy
from hotline.core.timeutil import format_local, from_ms
from hotline.ui import labels
from hotline.ui.report_views import fill, make_table, share_of

_CTX = "ReportViews"
#: The report's own keys, beside the codes the screens already name (hotline.ui.labels).
OWN_WORDS = {
    "not_recorded": QT_TRANSLATE_NOOP("ReportViews", "Not recorded"),
    "none": QT_TRANSLATE_NOOP("ReportViews", "Not referred"),
    "trafficking": QT_TRANSLATE_NOOP("ReportViews", "Trafficked (trafficking report)"),
    "no_form": QT_TRANSLATE_NOOP("ReportViews", "No form of abuse recorded"),
}


def _t(text: str) -> str:
    return QCoreApplication.translate(_CTX, text)


def _word(table: dict, code) -> str:
    """A code in the screens' words; the report's own keys in its words; anything else as it is."""
    if code in table:
        return labels.label(table, code)
    return _t(OWN_WORDS[code]) if code in OWN_WORDS else str(code)


def _commune(code) -> str:
    return (
        (ward_name(code) or str(code))
        if code is not None
        else QCoreApplication.translate("ReportViews", "Not recorded")
    )


def in_order(counts: dict, total: int, name: Callable[[object], str]) -> list[tuple[str, str, str]]:
    """(label, count, share) rows in the order the report gives them (a vocabulary's own order, zeros included)."""
    return [(name(key), vn_int(count), share_of(count, total)) for key, count in counts.items()]


def with_total(counts: dict, total: int, name: Callable[[object], str]) -> list[tuple[str, str, str]]:
    """The rows of a breakdown that adds up (each call under one key), and its total."""
    whole = sum(counts.values())
    return [
        *in_order(counts, total, name),
        (QCoreApplication.translate("ReportViews", "Total"), vn_int(whole), share_of(whole, total)),
    ]


class PeopleTables:
    """Builds and fills the tables per child and per tier of one report."""

    def __init__(self, parent: QWidget):
        headers = [
            QCoreApplication.translate("ReportViews", "Item"),
            QCoreApplication.translate("ReportViews", "Number"),
            QCoreApplication.translate("ReportViews", "Share"),
        ]

        def table(name: str) -> QTableWidget:
            return make_table(parent, name, headers)

        self.levels, self.channels, self.referrals = (
            table("byLevelTable"),
            table("byChannelTable"),
            table("byReferralTable"),
        )
        self.abused_forms, self.abused_sexes = table("abusedByFormTable"), table("abusedBySexTable")
        self.abused_ages, self.abused_settings = table("abusedByAgeTable"), table("abusedBySettingTable")
        self.abused_communes = table("abusedByCommuneTable")
        self.victim_sexes, self.victim_groups = table("victimsBySexTable"), table("victimsByAgeGroupTable")
        self.victim_destinations, self.victim_purposes = (
            table("victimsByDestinationTable"),
            table("victimsByPurposeTable"),
        )
        self.victim_referrals = table("victimsByReferralTable")
        self.abused_without_case = make_table(
            parent,
            "abusedWithoutCaseTable",
            [
                QCoreApplication.translate("ReportViews", "Call received"),
                QCoreApplication.translate("ReportViews", "Line"),
                QCoreApplication.translate("ReportViews", "Sex"),
                QCoreApplication.translate("ReportViews", "Age"),
                QCoreApplication.translate("ReportViews", "Call number"),
            ],
        )

    def fill(self, data: ReportData, taxonomy: Taxonomy, line_names: dict[str, str], lang: str) -> None:
        i = data.indicators
        fill(self.levels, with_total(data.by_service_level, i.substantive, lambda c: _word(labels.SERVICE_LEVELS, c)))
        fill(self.channels, with_total(data.by_channel, i.calls_received, lambda c: _word(labels.CHANNELS, c)))
        fill(self.referrals, in_order(data.by_referral, i.substantive, lambda c: _word(labels.REFERRALS, c)))
        abused, whole = data.abused_children, i.children_abused

        def form(code: str) -> str:
            if code in ("none", "trafficking"):  # no abuse code: the report's own words
                return _t(OWN_WORDS["no_form" if code == "none" else code])
            return taxonomy.label(code, lang)

        fill(self.abused_forms, in_order(abused.by_form, whole, form))
        fill(self.abused_sexes, in_order(abused.by_sex, whole, lambda c: _word(labels.SEXES, c)))
        fill(self.abused_ages, in_order(abused.by_age_band, whole, lambda c: _word(labels.CHILD_AGE_BANDS, c)))
        fill(self.abused_settings, in_order(abused.by_setting, whole, lambda c: _word(labels.INCIDENT_SETTINGS, c)))
        fill(self.abused_communes, in_order(abused.by_commune, whole, _commune))
        victims = data.trafficking_victims
        groups = {**labels.PERSON_GROUPS, "unknown": labels.CHILD_AGE_BANDS["unknown"]}
        fill(self.victim_sexes, in_order(victims.by_sex, victims.total, lambda c: _word(labels.SEXES, c)))
        fill(self.victim_groups, in_order(victims.by_age_group, victims.total, lambda c: _word(groups, c)))
        fill(
            self.victim_destinations,
            in_order(victims.by_destination, victims.total, lambda c: _word(labels.DESTINATIONS, c)),
        )
        fill(self.victim_purposes, in_order(victims.by_purpose, victims.total, lambda c: taxonomy.label(c, lang)))
        fill(self.victim_referrals, in_order(victims.by_referral, victims.total, lambda c: _word(labels.REFERRALS, c)))
        fill(
            self.abused_without_case,
            [
                (format_local(from_ms(c.started_at_ms)), line_names.get(c.line, c.line), _word(labels.SEXES, c.sex),
                 _word(labels.CHILD_AGE_BANDS, c.age_band), str(c.call_id))
                for c in data.abused_without_case
            ],
            numeric_from=4,
        )  # fmt: skip
