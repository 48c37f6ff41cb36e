"""The statistics report's tables: the same words as the screens, values written the Vietnamese way, every row."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from stats_sample import LINE_NAMES, empty_report, sample_report

from hotline.core.models import CALLER_RELATIONS, OUTCOMES, SEXES
from hotline.core.report_data import AGE_BANDS, ReportData, WithoutCase
from hotline.core.taxonomy import load_taxonomy
from hotline.reports import stats_words
from hotline.reports.stats_html import report_html
from hotline.reports.stats_tables import report_tables
from hotline.reports.stats_words import DATETIME, HOURS, ID, INT, MONTH, SHARE, display
from hotline.ui import labels

TAXONOMY = load_taxonomy()


def tables_of(data: ReportData, lang: str = "vi") -> dict:
    return {t.key: t for t in report_tables(data, taxonomy=TAXONOMY, line_names=LINE_NAMES, lang=lang)}


@pytest.mark.parametrize(
    ("screen", "english"),
    [
        (labels.OUTCOMES, stats_words.OUTCOMES_EN),
        (labels.SEXES, stats_words.SEXES_EN),
        (labels.CHILD_AGE_BANDS, stats_words.CHILD_AGE_BANDS_EN),
        (labels.RELATIONS, stats_words.RELATIONS_EN),
    ],
)
def test_english_words_are_the_screens_source_strings(screen, english):
    """The report's English words for codes are the screens' English (their translation source strings)."""
    assert english == screen


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


def test_breakdowns_list_every_code_and_add_up():
    """Fixed vocabularies list every code in their order (zeros too); totals equal the sum of their rows."""
    data = sample_report()
    tables = tables_of(data)
    assert [r.key for r in tables["by_outcome"].rows] == [*OUTCOMES, "total"]
    assert [r.key for r in tables["children_by_sex"].rows] == [*SEXES, "total"]
    assert [r.key for r in tables["children_by_age_band"].rows] == [*AGE_BANDS, "total"]
    assert [r.key for r in tables["by_caller_relation"].rows] == [*CALLER_RELATIONS, "total"]
    assert [r.key for r in tables["by_category_group"].rows] == [g.code for g in TAXONOMY.groups]
    for key in ("by_line", "by_outcome", "children_by_sex", "children_by_age_band", "children_by_commune"):
        rows = tables[key].rows
        assert rows[-1].total and rows[-1].cells[1] == sum(r.cells[1] for r in rows[:-1]), key
    assert tables["by_outcome"].rows[-1].cells[1] == data.indicators.calls_received
    assert tables["by_line"].rows[-1].cells[2] == pytest.approx(1.0)


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
    assert indicators["median_hours_to_case"] is None
    assert tables["by_line"].rows[0].cells == ("Tổng đài quốc gia bảo vệ trẻ em 111", 0, None)
    assert tables["without_case"].rows == () and tables["by_category"].rows == ()


def test_pdf_html_lists_at_most_100_open_reports_and_escapes_names():
    """The PDF lists the first 100 reports without a case file and points to the Excel file for the rest;
    names typed by an administrator are escaped; every heading is collected for the page breaks."""
    data = sample_report()
    when = data.without_case[0].started_at_ms
    many = tuple(WithoutCase(9000 + n, when, "111", ("abuse.violence",)) for n in range(130))
    headings: list[str] = []
    html = report_html(
        ReportData(**{**data.__dict__, "without_case": many}),
        taxonomy=TAXONOMY,
        line_names={"111": "<b>Tổng đài</b>"},
        centre_name="Trung tâm <script>",
        generated_at=datetime(2026, 12, 2, 2, 30, tzinfo=UTC),
        headings=headings,
    )
    assert html.count(">9099<") == 1 and ">9100<" not in html
    assert "… và 30 tin báo khác: xem tệp Excel của báo cáo." in html
    assert "TRUNG TÂM &lt;SCRIPT&gt;" in html and "&lt;b&gt;Tổng đài&lt;/b&gt;" in html and "<script>" not in html
    assert headings[:3] == ["1. Chỉ số chính", "3. Phân loại", "3.1. Theo đường dây"]  # no charts: no section 2
    assert "4. Tin báo chưa có hồ sơ (130)" in headings
