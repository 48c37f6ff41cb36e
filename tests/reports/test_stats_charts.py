"""The report's charts: the bars and lines carry the report's figures, tell series apart without colour, and say
when there is nothing to show."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCharts import QBarCategoryAxis, QCategoryAxis, QChartView, QLegend
from PySide6.QtCore import Qt
from stats_sample import empty_report, sample_report

from hotline.core.report_data import MonthRow, ReportData
from hotline.core.taxonomy import load_taxonomy
from hotline.reports.charts import (
    calls_chart,
    categories_chart,
    chart_image,
    hour_weekday_chart,
    no_data_text,
)

TAXONOMY = load_taxonomy()


def bar_values(chart) -> list[list[float]]:
    (series,) = chart.series()
    return [[bars.at(i) for i in range(bars.count())] for bars in series.barSets()]


def x_labels(chart) -> dict[int, str]:
    """Bar position → the label written under it."""
    axis = chart.axes(Qt.Orientation.Horizontal)[0]
    assert isinstance(axis, QCategoryAxis)
    return {round(axis.endValue(label)): label for label in axis.categoriesLabels()}


def test_calls_per_day_for_a_month(qapp):
    """A month is a bar per day holding that day's calls (days without calls as 0), labelled by day number."""
    data = sample_report()
    per_day = dict(data.per_day)
    per_day.pop(date(2026, 11, 10))  # the store may leave out a day without calls
    chart = calls_chart(ReportData(**{**data.__dict__, "per_day": per_day}))
    (values,) = bar_values(chart)
    assert len(values) == 30 and values[9] == 0
    assert values == [float(per_day.get(date(2026, 11, d), 0)) for d in range(1, 31)]
    assert x_labels(chart) == {n: str(n + 1) for n in range(30)}
    assert chart.axes(Qt.Orientation.Horizontal)[0].titleText() == "Ngày (tháng 11/2026)"
    assert chart.title() == "Cuộc gọi đến theo ngày"
    assert chart.series()[0].isLabelsVisible()  # each bar carries its number
    assert no_data_text(chart) == ""


def test_calls_per_day_over_two_months_labels_some_days(qapp):
    """Up to 62 days stay per day; the axis names the 1st, 8th, 15th and 22nd of each month, level."""
    data = sample_report(date(2026, 10, 1), date(2026, 11, 30), 6000)
    chart = calls_chart(data)
    (values,) = bar_values(chart)
    assert sum(values) == 6000 and len(values) == 61
    labels = x_labels(chart)
    assert labels[0] == "01/10" and labels[31] == "01/11" and labels[52] == "22/11" and len(labels) == 8
    assert chart.axes(Qt.Orientation.Horizontal)[0].labelsAngle() == 0


def test_calls_per_month_beside_the_year_before(qapp):
    """Longer periods are a pair of bars per month: this period solid, the year before hatched, with a legend."""
    data = sample_report(date(2026, 1, 1), date(2026, 12, 31), 36500)
    chart = calls_chart(data, "en")
    now, before = bar_values(chart)
    assert now == [float(m.calls) for m in data.months]
    assert before == [float(m.calls_year_before) for m in data.months]
    sets = chart.series()[0].barSets()
    assert [s.label() for s in sets] == ["This period", "Same month a year earlier"]
    assert sets[0].brush().style() == Qt.BrushStyle.SolidPattern
    assert sets[1].brush().style() == Qt.BrushStyle.BDiagPattern  # told apart in black and white
    assert chart.legend().isVisible()
    assert x_labels(chart) == {n: str(n + 1) for n in range(12)}
    assert chart.axes(Qt.Orientation.Horizontal)[0].titleText() == "Month (2026)"


def test_months_across_years_are_labelled_with_the_year(qapp):
    """A period over two years labels months mm/yy, every third one beyond twelve months."""
    months = tuple(MonthRow(date(2025 + (m >= 12), m % 12 + 1, 1), 10 + m, 0, 0, 9, 0, 0) for m in range(6, 24))
    data = ReportData(
        first_day=date(2025, 7, 1),
        last_day=date(2026, 12, 31),
        lines=(),
        indicators=sample_report().indicators,
        months=months,
    )
    chart = calls_chart(data)
    assert bar_values(chart)[0] == [float(m.calls) for m in months]
    assert x_labels(chart) == {0: "07/25", 3: "10/25", 6: "01/26", 9: "04/26", 12: "07/26", 15: "10/26"}


def test_categories_chart_shows_the_top_categories_largest_on_top(qapp):
    """The ten categories recorded most often, largest at the top, each bar labelled with its count."""
    data = sample_report()
    chart = categories_chart(data, TAXONOMY)
    (values,) = bar_values(chart)
    top = sorted(data.by_category.items(), key=lambda kv: (-kv[1], kv[0]))[:10]
    assert values == [float(n) for _, n in reversed(top)]
    axis = chart.axes(Qt.Orientation.Vertical)[0]
    assert isinstance(axis, QBarCategoryAxis)
    assert axis.categories() == [TAXONOMY.label(code) for code, _ in reversed(top)]
    assert axis.categories()[-1] == "Quan hệ gia đình, bạn bè, thầy cô"
    assert chart.series()[0].isLabelsVisible()
    groups = categories_chart(data, TAXONOMY, "en", top=0)
    assert groups.axes(Qt.Orientation.Vertical)[0].categories() == [g.label_en for g in reversed(TAXONOMY.groups)]
    assert bar_values(groups)[0] == [float(data.by_category_group[g.code]) for g in reversed(TAXONOMY.groups)]


def test_hour_chart_compares_an_average_weekday_and_weekend_day(qapp):
    """Two lines of calls per hour, averaged over the period's weekdays and weekend days; dash and marker differ."""
    data = sample_report()  # November 2026: 21 weekdays, 9 weekend days
    chart = hour_weekday_chart(data, today=date(2026, 12, 2))
    weekday, weekend = chart.series()
    for line, days, count in ((weekday, range(5), 21), (weekend, (5, 6), 9)):
        assert [p.x() for p in line.points()] == list(range(24))
        expected = [sum(data.hour_weekday[d][h] for d in days) / count for h in range(24)]
        assert [p.y() for p in line.points()] == pytest.approx(expected)
    assert weekday.pen().style() == Qt.PenStyle.SolidLine and weekend.pen().style() == Qt.PenStyle.DashLine
    assert weekday.lightMarker() != weekend.lightMarker()  # round and square markers
    assert chart.legend().markerShape() == QLegend.MarkerShape.MarkerShapeFromSeries  # the legend shows both
    assert weekday.name().startswith("Ngày thường") and weekend.name().startswith("Cuối tuần")


def test_hour_chart_of_a_period_without_a_weekend(qapp):
    """Monday to Wednesday: one line, no weekend line averaged over no days."""
    data = sample_report(date(2026, 11, 2), date(2026, 11, 4), 300)
    chart = hour_weekday_chart(data, "en", date(2026, 12, 2))  # held: its series go with it
    (line,) = chart.series()
    assert line.name() == "Weekdays (Monday – Friday)"
    assert sum(p.y() for p in line.points()) == pytest.approx(100)


def test_hour_chart_of_a_period_not_over_averages_the_days_passed(qapp):
    """On 10/11 a November report averages over 1–10/11 (7 weekdays, 3 weekend days: the 1st is a Sunday), not
    over the 30 days, and says up to when."""
    so_far = sample_report(date(2026, 11, 1), date(2026, 11, 10), 1000)  # the calls of November up to the 10th
    days = {date(2026, 11, n): so_far.per_day.get(date(2026, 11, n), 0) for n in range(1, 31)}
    data = ReportData(**{**so_far.__dict__, "last_day": date(2026, 11, 30), "per_day": days})
    chart = hour_weekday_chart(data, today=date(2026, 11, 10))
    weekday, weekend = chart.series()
    for line, days, count in ((weekday, range(5), 7), (weekend, (5, 6), 3)):
        expected = [sum(data.hour_weekday[d][h] for d in days) / count for h in range(24)]
        assert [p.y() for p in line.points()] == pytest.approx(expected)
    (axis_y,) = chart.axes(Qt.Orientation.Vertical)
    assert axis_y.titleText().endswith("(đến ngày 10/11/2026)")
    finished = hour_weekday_chart(data, today=date(2026, 11, 30))  # held: its axes go with it
    assert "đến ngày" not in finished.axes(Qt.Orientation.Vertical)[0].titleText()


@pytest.mark.parametrize("make", [calls_chart, lambda d, lang: categories_chart(d, TAXONOMY, lang), hour_weekday_chart])
def test_empty_report_charts_say_there_were_no_calls(qapp, make):
    """No calls: no series, and the chart says so in words (Vietnamese or English)."""
    chart = make(empty_report(), "vi")
    assert chart.series() == [] and no_data_text(chart) == "Không có cuộc gọi nào trong kỳ"
    assert no_data_text(make(empty_report(), "en")) == "No calls in the period"
    image = chart_image(chart, 400, 200)
    assert dark_pixels(image) > 0  # the title and the message are drawn


def test_calls_without_categories_say_so(qapp):
    """Calls but none with a category: the categories chart says that, not "no calls"."""
    data = ReportData(**{**sample_report().__dict__, "by_category": {}})
    assert no_data_text(categories_chart(data, TAXONOMY)) == "Chưa cuộc gọi nào được ghi nhận vấn đề"


def dark_pixels(image) -> int:
    return sum(
        1
        for x in range(0, image.width(), 3)
        for y in range(0, image.height(), 3)
        if image.pixelColor(x, y).lightness() < 100
    )


def test_chart_image_draws_offscreen_at_the_asked_size(qapp):
    """A picture of the asked size (times the scale) on white, with the bars drawn; the chart stays usable."""
    chart = calls_chart(sample_report())
    image = chart_image(chart, 600, 300, scale=2)
    assert (image.width(), image.height(), image.devicePixelRatio()) == (1200, 600, 2)
    assert image.pixelColor(2, 2).lightness() == 255
    assert dark_pixels(image) > 1000
    assert chart.scene() is None  # handed back: the caller may put it in a view


def test_chart_image_of_a_chart_shown_in_a_view_keeps_the_views_size(qapp):
    """A chart already on screen is drawn at the asked size and left at its size in the view."""
    view = QChartView(hour_weekday_chart(sample_report()))
    view.resize(500, 350)
    view.show()
    qapp.processEvents()
    chart = view.chart()
    before = chart.size()
    image = chart_image(chart, 700, 300)
    assert (image.width(), image.height()) == (700, 300)
    assert dark_pixels(image) > 500
    assert chart.size() == before and chart.scene() is view.scene()
    view.close()
