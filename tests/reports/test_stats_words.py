"""The statistics report's tables: the same words as the screens, values written the Vietnamese way, every row."""

from __future__ import annotations

from datetime import UTC, date, datetime
from html import escape

import pytest
from stats_sample import LINE_NAMES, empty_report, sample_report, with_open_reports

from hotline.core.models import CALLER_RELATIONS, OUTCOMES, SEXES
from hotline.core.report_data import AGE_BANDS, ReportData
from hotline.core.taxonomy import load_taxonomy
from hotline.reports import stats_definitions, stats_words
from hotline.reports.stats_html import report_html
from hotline.reports.stats_tables import report_tables
from hotline.reports.stats_words import DATETIME, HOURS, ID, INT, MONTH, SHARE, display
from hotline.ui import labels

TAXONOMY = load_taxonomy()


def tables_of(data: ReportData, lang: str = "vi") -> dict:
    return {t.key: t for t in report_tables(data, taxonomy=TAXONOMY, line_names=LINE_NAMES, lang=lang)}


@pytest.mark.parametrize(
    ("label", "table"),
    [
        (stats_words.outcome_label, labels.OUTCOMES),
        (stats_words.sex_label, labels.SEXES),
        (stats_words.age_band_label, labels.CHILD_AGE_BANDS),
        (stats_words.relation_label, labels.RELATIONS),
        (stats_words.channel_label, labels.CHANNELS),
        (stats_words.service_level_label, labels.SERVICE_LEVELS),
        (stats_words.referral_label, labels.REFERRALS),
        (stats_words.setting_label, labels.INCIDENT_SETTINGS),
        (stats_words.destination_label, labels.DESTINATIONS),
        (stats_words.age_group_label, labels.PERSON_GROUPS),
    ],
)
def test_report_words_are_the_screens_words(qapp, label, table):
    """The report names each code with the words the screens show: the English sources, and in Vietnamese the
    screens' translation (the Vietnamese interface's own translator)."""
    from hotline.i18n import install_translator

    assert {code: label(code, "en") for code in table} == dict(table)
    try:
        install_translator(qapp, "vi")
        for code in table:
            assert label(code, "vi") == labels.label(table, code), code
    finally:
        install_translator(qapp, "en")


@pytest.mark.parametrize(
    ("value", "kind", "lang", "text"),
    [
        (3105, INT, "vi", "3.105"),
        (3105, INT, "en", "3,105"),
        (1234567, INT, "vi", "1.234.567"),
        (0.875, SHARE, "vi", "87,5 %"),
        (0.875, SHARE, "en", "87.5 %"),
        (1.0, SHARE, "vi", "100,0 %"),
        (None, SHARE, "vi", "—"),
        (6.4166, HOURS, "vi", "6,4"),
        (None, HOURS, "vi", "—"),
        (4204, ID, "vi", "4204"),
        (date(2026, 11, 1), MONTH, "vi", "11/2026"),
        (datetime(2026, 11, 29, 21, 4), DATETIME, "vi", "29/11/2026 21:04"),
    ],
)
def test_display_writes_numbers_and_dates_as_the_centre_does(value, kind, lang, text):
    """Numbers with dot thousands and comma decimals in Vietnamese (ids bare), dates dd/MM/yyyy, nothing as —."""
    assert display(value, kind, lang) == text


def test_every_code_has_vietnamese_and_english_words():
    """Every code of 111's tiers, channels, referrals, settings, destinations and age groups, and the report's own
    "not recorded" and "none", has a Vietnamese and an English word (never the bare code)."""
    from hotline.core.models import CHANNELS, SERVICE_LEVELS
    from hotline.core.report_data import REFERRALS_OR_NONE, SETTINGS, VICTIM_AGE_GROUPS, VICTIM_DESTINATIONS

    for label, codes in (
        (stats_words.channel_label, CHANNELS),
        (stats_words.service_level_label, (*SERVICE_LEVELS, "not_recorded")),
        (stats_words.referral_label, REFERRALS_OR_NONE),
        (stats_words.setting_label, SETTINGS),
        (stats_words.destination_label, VICTIM_DESTINATIONS),
        (stats_words.age_group_label, VICTIM_AGE_GROUPS),
    ):
        for code in codes:
            assert label(code, "vi") != code and label(code, "en") != code, code
    assert stats_words.form_label("trafficking", TAXONOMY) == "Bị mua bán (tin báo mua bán người)"
    assert stats_words.form_label("abuse.sexual", TAXONOMY, "en") == TAXONOMY.label("abuse.sexual", "en")


def test_breakdowns_list_every_code_and_add_up():
    """Fixed vocabularies list every code in their order (zeros too); totals equal the sum of their rows."""
    data = sample_report()
    tables = tables_of(data)
    assert [r.key for r in tables["by_outcome"].rows] == [*OUTCOMES, "total"]
    assert [r.key for r in tables["children_by_sex"].rows] == [*SEXES, "total"]
    assert [r.key for r in tables["children_by_age_band"].rows] == [*AGE_BANDS, "total"]
    assert [r.key for r in tables["by_caller_relation"].rows] == [*CALLER_RELATIONS, "total"]
    assert [r.key for r in tables["by_category_group"].rows] == [g.code for g in TAXONOMY.groups]
    assert [r.key for r in tables["by_service_level"].rows] == ["information", "counselling", "intervention", "total"]
    assert [r.key for r in tables["by_channel"].rows] == ["phone", "zalo", "app", "walk_in", "total"]
    assert [r.key for r in tables["abused_by_age_band"].rows] == ["0-5", "6-10", "11-15", "unknown", "total"]
    assert tables["abused_by_setting"].rows[-2].key == "not_recorded"
    assert [r.key for r in tables["victims_by_age_group"].rows] == ["child", "minor", "adult", "unknown", "total"]
    assert tables["victims_by_referral"].rows[-1].key == "none"  # many per person: no total
    adding_up = ("by_line", "by_outcome", "children_by_sex", "children_by_age_band", "children_by_commune",
                 "by_service_level", "by_channel", "abused_by_sex", "abused_by_age_band", "abused_by_setting",
                 "abused_by_commune", "victims_by_sex", "victims_by_age_group", "victims_by_destination")  # fmt: skip
    for key in adding_up:
        rows = tables[key].rows
        assert rows[-1].total and rows[-1].cells[1] == sum(r.cells[1] for r in rows[:-1]), key
    assert tables["by_outcome"].rows[-1].cells[1] == data.indicators.calls_received
    assert tables["by_service_level"].rows[-1].cells[1] == data.indicators.substantive
    assert tables["by_channel"].rows[-1].cells[1] == data.indicators.calls_received
    assert tables["abused_by_setting"].rows[-1].cells[1] == data.indicators.children_abused
    assert tables["victims_by_destination"].rows[-1].cells[1] == data.trafficking_victims.total
    assert tables["by_line"].rows[-1].cells[2] == pytest.approx(1.0)
    grid = tables["abused_form_setting"]
    for row in grid.rows:  # each form's settings add up to its children
        assert sum(row.cells[1:-1]) == row.cells[-1] == data.abused_children.by_form[row.key], row.key


def test_labels_name_lines_categories_and_communes():
    """Lines by the centre's names, categories in list order with their group, communes by name, unknown last."""
    tables = tables_of(sample_report())
    assert tables["by_line"].rows[0].cells[0] == "Tổng đài quốc gia bảo vệ trẻ em 111"
    assert tables["by_line"].rows[1].cells[0] == "Đường dây nóng phòng, chống mua bán người (18008077)"
    categories = tables["by_category"].rows
    order = [c.code for c in TAXONOMY.categories]
    assert [r.key for r in categories] == sorted((r.key for r in categories), key=order.index)
    violence = next(r for r in categories if r.key == "abuse.violence")
    assert violence.cells[:3] == ("Bạo lực", "Xâm hại trẻ em", 41)
    communes = tables["children_by_commune"].rows
    assert communes[0].cells[0] == "Phường Long Xuyên"
    assert (communes[-2].key, communes[-2].cells[0]) == ("", "Không rõ")
    english = tables_of(sample_report(), "en")
    assert english["children_by_commune"].rows[-2].cells[0] == "Not recorded"
    assert next(r for r in english["by_category"].rows if r.key == "abuse.violence").cells[0] == "Violence"


def test_every_day_of_the_period_has_a_row_and_the_hours_are_24_by_7():
    """Days without calls are rows of zero; the hour table is 24 hours by 7 weekdays of the data's counts."""
    data = sample_report()
    per_day = dict(data.per_day)
    per_day.pop(date(2026, 11, 15))  # a day the store gave no entry for
    tables = tables_of(ReportData(**{**data.__dict__, "per_day": per_day}))
    days = tables["per_day"].rows
    assert len(days) == 30 and days[14].cells == (date(2026, 11, 15), 0)
    hours = tables["hour_weekday"]
    assert len(hours.rows) == 24 and len(hours.columns) == 8
    assert [[row.cells[1 + d] for row in hours.rows] for d in range(7)] == [list(r) for r in data.hour_weekday]


def test_empty_report_has_zero_rows_and_no_shares():
    """A period without calls: zeros everywhere, shares and the median shown as nothing, no reports listed."""
    tables = tables_of(empty_report())
    indicators = {r.key: r.cells[1] for r in tables["indicators"].rows}
    assert indicators["calls_received"] == 0 and indicators["share_with_case"] is None
    assert indicators["children_abused"] == 0 and indicators["share_children_with_case"] is None
    assert indicators["median_hours_to_case"] is None
    assert tables["by_line"].rows[0].cells == ("Tổng đài quốc gia bảo vệ trẻ em 111", 0, None)
    assert tables["without_case"].rows == () and tables["by_category"].rows == ()
    assert tables["abused_without_case"].rows == () and tables["abused_cells"].rows == ()


def _html(data: ReportData, lang: str = "vi", **kwargs) -> str:
    made = kwargs.pop("generated_at", datetime(2026, 12, 2, 2, 30, tzinfo=UTC))
    kwargs.setdefault("line_names", LINE_NAMES)
    kwargs.setdefault("centre_name", "Trung tâm")
    return report_html(data, taxonomy=TAXONOMY, generated_at=made, lang=lang, **kwargs)


def test_pdf_html_lists_at_most_100_open_reports_and_escapes_names():
    """The PDF lists the first 100 reports without a case file, says how many of how many and that the Excel file
    holds all; names typed by an administrator are escaped; every heading is collected for the page breaks."""
    data = with_open_reports(sample_report(), 130, 130)
    headings: list[str] = []
    html = _html(data, line_names={"111": "<b>Tổng đài</b>"}, centre_name="Trung tâm <script>", headings=headings)
    assert html.count(">70099<") == 1 and ">70100<" not in html
    assert "Liệt kê 100 trên 130 tin báo chưa có hồ sơ (cũ nhất trước)." in html
    assert "Tệp Excel (và CSV) của báo cáo liệt kê đủ 130 tin báo." in html and "còn lại" not in html
    assert "TRUNG TÂM &lt;SCRIPT&gt;" in html and "&lt;b&gt;Tổng đài&lt;/b&gt;" in html and "<script>" not in html
    assert headings[:3] == ["1. Chỉ số chính", "3. Phân loại", "3.1. Theo đường dây"]  # no charts: no section 2
    assert "6.2. Tin báo chưa có hồ sơ (130)" in headings and "6.1. Trẻ em bị xâm hại chưa có hồ sơ (8)" in headings


def test_open_reports_cut_short_by_the_store_are_counted_in_full_and_said_so():
    """500 of 623 listed: the heading says 623, the PDF says it lists 100 of 623, that the Excel file holds the
    oldest 500 (not "the rest") and that the others are in no file; the table's note says 500 of 623."""
    data = with_open_reports(sample_report(), 500, 623)
    headings: list[str] = []
    html = _html(data, headings=headings)
    assert "6.2. Tin báo chưa có hồ sơ (623)" in headings
    assert "Liệt kê 100 trên 623 tin báo chưa có hồ sơ (cũ nhất trước)." in html
    assert "Tệp Excel (và CSV) của báo cáo liệt kê 500 tin báo cũ nhất." in html
    assert "Các tin báo còn lại không có trong các tệp của báo cáo này" in html
    assert "xem tệp Excel" not in html and "đủ 500" not in html
    listed = tables_of(data)["without_case"]
    assert len(listed.rows) == 500 and listed.of_total == 623
    assert listed.note == "Liệt kê 500 trên 623 tin báo chưa có hồ sơ (cũ nhất trước)."
    english = tables_of(data, "en")["without_case"].note
    assert english == "500 of 623 listed (the oldest first)."
    whole = tables_of(with_open_reports(sample_report(), 40, 40))["without_case"]
    assert whole.note == "" and whole.of_total is None
    assert "Liệt kê" not in _html(with_open_reports(sample_report(), 40, 40))


def test_open_reports_name_their_line_as_the_screen_does():
    """The list of reports without a case file gives the line's name (with its code when the name lacks it)."""
    rows = tables_of(with_open_reports(sample_report(), 2, 2))["without_case"].rows
    assert [row.cells[1] for row in rows] == [LINE_NAMES["111"], f"{LINE_NAMES['18008077']} (18008077)"]
    unnamed = report_tables(with_open_reports(sample_report(), 1, 1), taxonomy=TAXONOMY, line_names={})
    assert unnamed[-1].rows[0].cells[1] == "111"


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_target_box_counts_children_and_names_the_per_call_figure(lang):
    """The province's 100 % target is the share of abused children with a case file, per child (49 of 57); the
    per-call share follows as a secondary line named as such."""
    html = _html(sample_report(), lang)
    if lang == "vi":
        assert "Tỷ lệ trẻ em bị xâm hại có hồ sơ: <span" in html and "(49/57)" in html
        assert "Chỉ tiêu của tỉnh: 100 % trẻ em bị xâm hại (dưới 16 tuổi) được lập hồ sơ" in html
        assert "tính theo số trẻ, không theo cuộc gọi" in html
        assert "Theo cuộc gọi (chỉ số phụ): 87,5 % tin báo xâm hại, mua bán người có hồ sơ (98/112)." in html
    else:
        assert "The province&#x27;s target: 100 % of abused children (under 16) get a case file" in html
        assert "Per call (a secondary figure): 87.5 % of abuse and trafficking reports" in html


def test_definitions_say_when_each_figure_is_judged():
    """Having a case file is judged when the report is made, being overdue at the end of the period; a case reopened
    later still counts as closed in its period; the PDF prints the definitions."""
    definitions = {key: (dvi, den) for key, _, _, _, dvi, den in stats_definitions.INDICATORS}
    for key in ("reports_with_case", "reports_without_case", "share_with_case"):
        assert "lúc lập báo cáo" in definitions[key][0] and "when the report is made" in definitions[key][1], key
    assert "lúc lập báo cáo (hồ sơ mở sau cuối kỳ cũng được tính)" in definitions["reports_with_case"][0]
    assert definitions["cases_overdue"][0].startswith("Xét tại cuối kỳ")
    assert definitions["cases_overdue"][1].startswith("Judged at the end of the period")
    assert "mở lại" in definitions["cases_closed"][0] and "reopened" in definitions["cases_closed"][1]
    html = _html(sample_report())
    assert "Xét tại cuối kỳ" in html and "không phải lúc cuối kỳ" in html
    assert "12 giờ" in definitions["cases_overdue"][0] and "15 ngày" in definitions["cases_overdue"][0]


def test_definitions_say_how_each_figure_is_counted_in_both_languages():
    """The definitions page says how the children are counted (per child named on a call, under 16, status abused,
    a case for that child), how the tiers, channels, referrals, abused children and victims are counted; both
    languages, one definition per label."""
    for lang in ("vi", "en"):
        rows = stats_definitions.definitions(lang)
        assert len(rows) == len(stats_definitions.INDICATORS) + len(stats_definitions.BREAKDOWNS)
        assert all(label and definition for label, definition in rows)
        html = _html(sample_report(), lang)
        for label, definition in rows:
            assert escape(label) in html and escape(definition) in html, label
    vi = dict(stats_definitions.definitions("vi"))
    assert "hai anh chị em trong một cuộc gọi là 2 trẻ" in vi["Trẻ em bị xâm hại (dưới 16 tuổi)"]
    assert "được tính hai lần" in vi["Trẻ em bị xâm hại (dưới 16 tuổi)"]
    assert "hoặc cuộc gọi đã được gắn vào hồ sơ sẵn có" in vi["Trẻ em bị xâm hại đã có hồ sơ"]
    assert "tính riêng" in vi["Người chưa thành niên (16–17 tuổi) bị xâm hại"]
    assert "Thông tư 13/2021" in vi["Trẻ em bị xâm hại"] and "cộng lại bằng" in vi["Theo mức dịch vụ"]
    en = dict(stats_definitions.definitions("en"))
    assert "a child reported on two calls counts twice" in en["Abused children (under 16)"]
    assert "child marriage is another violation" in en["Abuse reports"]


def test_a_period_not_over_says_so_and_up_to_when():
    """A period ending after the day the report is made says it is not over and the date the figures run to."""
    data = sample_report()  # 01/11–30/11/2026
    assert stats_words.unfinished_text(data, date(2026, 11, 30)) == ""
    assert stats_words.unfinished_text(data, date(2026, 11, 29)) == (
        "Kỳ báo cáo chưa kết thúc (số liệu đến ngày 29/11/2026)."
    )
    assert stats_words.unfinished_text(data, date(2026, 11, 9), "en") == (
        "The period is not over yet (figures up to 09/11/2026)."
    )
    # 23:30 UTC on 28/11 is 06:30 on 29/11 in Vietnam: the local day counts
    html = _html(data, generated_at=datetime(2026, 11, 28, 23, 30, tzinfo=UTC))
    assert "<b>Kỳ báo cáo chưa kết thúc (số liệu đến ngày 29/11/2026).</b>" in html
    assert "Kỳ báo cáo chưa kết thúc" not in _html(data)
