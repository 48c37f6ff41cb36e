"""The report's charts (QtCharts): calls per day or month, categories, the hour-of-day pattern; readable in print.

Print is black and white: nothing is told by colour alone. Bars carry their values, the two bar sets of the
monthly chart differ by fill (solid grey, hatched), the two lines of the hour chart by dash and marker shape,
and every chart has a legend or a title saying what it counts.
"""

from __future__ import annotations

from collections import Counter
from datetime import date

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QCategoryAxis,
    QChart,
    QHorizontalBarSeries,
    QLegend,
    QLineSeries,
    QValueAxis,
)
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QBrush, QColor, QPen

from hotline.core.report_data import ReportData
from hotline.core.taxonomy import Taxonomy
from hotline.core.timeutil import local, utcnow
from hotline.reports.chart_parts import (
    BLACK,
    DARK,
    bar_set,
    chart_font,
    chart_image,
    count_axis,
    marker_image,
    new_chart,
    no_data_text,
    say_nothing,
    show_values,
    style_axis,
)
from hotline.reports.stats_words import days_of, words

__all__ = ["calls_chart", "categories_chart", "chart_image", "hour_weekday_chart", "no_data_text"]

#: Periods up to this many days are charted per day, longer ones per month.
MAX_DAYS_PER_DAY = 62
WEEKEND = (5, 6)  # Saturday, Sunday as Python numbers them


def _no_calls(lang: str) -> str:
    return words(lang, "Không có cuộc gọi nào trong kỳ", "No calls in the period")


# --- calls per day or month -----------------------------------------------------------------------------------


def calls_chart(data: ReportData, lang: str = "vi") -> QChart:
    """Calls received per day (periods up to 62 days) or per month beside the same month a year earlier."""
    days = days_of(data)
    per_day = len(days) <= MAX_DAYS_PER_DAY
    title = (
        words(lang, "Cuộc gọi đến theo ngày", "Calls received per day")
        if per_day
        else words(lang, "Cuộc gọi đến theo tháng", "Calls received per month")
    )
    chart = new_chart(title, lang)
    if not data.indicators.calls_received:
        return say_nothing(chart, _no_calls(lang))
    series = QBarSeries()
    axis_title = ""
    if per_day:
        counts = [data.per_day.get(day, 0) for day in days]
        series.append(bar_set(words(lang, "Cuộc gọi đến", "Calls received"), counts, QBrush(DARK)))
        series.setBarWidth(0.75)
        chart.legend().hide()  # one set: the title says what the bars count
        if days[0].replace(day=1) == days[-1].replace(day=1):
            labels = [(n, str(day.day)) for n, day in enumerate(days)]
            axis_title = words(lang, f"Ngày (tháng {days[0]:%m/%Y})", f"Day ({days[0]:%m/%Y})")
        else:  # two months: the 1st, 8th, 15th… of each, so the labels never crowd
            labels = [(n, f"{day:%d/%m}") for n, day in enumerate(days) if day.day in (1, 8, 15, 22)]
        tilted = len(days) > 16  # the numbers of narrow bars stand upright above them
        top = max(counts)
        slots = len(days)
    else:
        months, now, before = _months(data)
        series.append(bar_set(words(lang, "Kỳ báo cáo", "This period"), now, QBrush(DARK)))
        hatched = QBrush(BLACK, Qt.BrushStyle.BDiagPattern)  # told apart from the solid bars without colour
        series.append(bar_set(words(lang, "Cùng tháng năm trước", "Same month a year earlier"), before, hatched))
        series.setBarWidth(0.85)
        if len({m.year for m in months}) == 1:  # the year once, under the axis
            labels = [(n, str(m.month)) for n, m in enumerate(months)]
            axis_title = words(lang, f"Tháng (năm {months[0].year})", f"Month ({months[0].year})")
        else:  # beyond a year: January, April, July, October
            step = 1 if len(months) <= 12 else 3
            labels = [(n, f"{m:%m/%y}") for n, m in enumerate(months) if (m.month - 1) % step == 0]
        tilted = len(months) > 6
        top = max([*now, *before])
        slots = len(months)
    show_values(series, angle=-90 if tilted else 0)
    chart.addSeries(series)
    axis_x = _slot_axis(slots, labels)
    style_axis(axis_x, axis_title)
    # an upright value needs room for its digits above the bar, a flat one a line
    axis_y = count_axis(top * (1.12 if tilted else 1.0), words(lang, "Số cuộc gọi", "Calls"))
    chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
    chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
    series.attachAxis(axis_x)
    series.attachAxis(axis_y)
    return chart


def _slot_axis(slots: int, labels: list[tuple[int, str]]) -> QCategoryAxis:
    """An axis of ``slots`` bar positions (0, 1, …) labelled under the bars ``labels`` names.

    Not a QBarCategoryAxis: that one needs a label for every bar, elides them when they crowd and sets them off
    their bars when turned upright. Here some bars go unlabelled instead, and the labels stay level.
    """
    axis = QCategoryAxis()
    axis.setRange(-0.5, slots - 0.5)
    axis.setLabelsPosition(QCategoryAxis.AxisLabelsPosition.AxisLabelsPositionOnValue)
    axis.setStartValue(-0.5)
    for slot, label in labels:
        axis.append(label, slot)
    axis.setGridLineVisible(False)
    return axis


def _months(data: ReportData) -> tuple[list[date], list[int], list[int]]:
    """The months of the period with their calls and those of the same month a year earlier."""
    if data.months:
        return (
            [m.month for m in data.months],
            [m.calls for m in data.months],
            [m.calls_year_before for m in data.months],
        )
    counts = Counter()  # no month rows (a hand-made report): sum the days, nothing known of the year before
    for day, n in data.per_day.items():
        counts[day.replace(day=1)] += n
    months = sorted({day.replace(day=1) for day in days_of(data)})
    return months, [counts[m] for m in months], [0] * len(months)


# --- categories ---------------------------------------------------------------------------------------------


def categories_chart(data: ReportData, taxonomy: Taxonomy, lang: str = "vi", top: int = 10) -> QChart:
    """Horizontal bars of the ``top`` categories recorded most often (``top=0``: the category groups)."""
    if top:
        title = words(lang, "Vấn đề được ghi nhận nhiều nhất", "Categories recorded most often")
        counted = sorted(((n, c) for c, n in data.by_category.items() if n), key=lambda item: (-item[0], item[1]))
        items = [(taxonomy.label(code, lang), n) for n, code in counted[:top]]
    else:
        title = words(lang, "Nhóm vấn đề", "Category groups")
        groups = [g.code for g in taxonomy.groups] + sorted(
            set(data.by_category_group) - {g.code for g in taxonomy.groups}
        )
        items = [(taxonomy.group_label(g, lang), data.by_category_group.get(g, 0)) for g in groups]
    chart = new_chart(title, lang)
    if not data.indicators.calls_received:
        return say_nothing(chart, _no_calls(lang))
    if not any(n for _, n in items):
        return say_nothing(chart, words(lang, "Chưa cuộc gọi nào được ghi nhận vấn đề", "No categories recorded"))
    items.reverse()  # a category axis runs upwards: the most frequent on top
    series = QHorizontalBarSeries()
    series.append(bar_set(words(lang, "Số cuộc gọi", "Calls"), [n for _, n in items], QBrush(DARK)))
    series.setBarWidth(0.7)
    show_values(series)
    chart.addSeries(series)
    chart.legend().hide()
    axis_y = QBarCategoryAxis()
    axis_y.append(_unique([label for label, _ in items]))
    style_axis(axis_y)
    axis_y.setLabelsFont(chart_font(9))
    axis_y.setGridLineVisible(False)
    axis_x = count_axis(max(n for _, n in items) * 1.08, words(lang, "Số cuộc gọi", "Calls"))
    chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
    chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
    series.attachAxis(axis_y)
    series.attachAxis(axis_x)
    return chart


def _unique(labels: list[str]) -> list[str]:
    """A category axis merges equal labels into one bar: two categories named alike get a number."""
    seen: Counter = Counter()
    out = []
    for label in labels:
        seen[label] += 1
        out.append(label if seen[label] == 1 else f"{label} ({seen[label]})")
    return out


# --- hour of day --------------------------------------------------------------------------------------------


def hour_weekday_chart(data: ReportData, lang: str = "vi", today: date | None = None) -> QChart:
    """Calls per hour of the day, on average per weekday (Mon–Fri) and per weekend day (Sat, Sun).

    Averages, not totals: a month has some 22 weekdays and 8 weekend days, and the chart compares one day of
    each. A period not over yet (it ends after ``today``, local; default: the present) is averaged over the days
    up to today: the days to come have no calls yet. A solid line with round markers and a dashed line with
    square markers tell the two apart in print.
    """
    title = words(lang, "Cuộc gọi theo giờ trong ngày", "Calls by hour of the day")
    chart = new_chart(title, lang)
    if not data.indicators.calls_received or not data.hour_weekday:
        return say_nothing(chart, _no_calls(lang))
    today = today or local(utcnow()).date()
    day_count = Counter(day.weekday() for day in days_of(data) if day <= today)
    kinds = (
        (words(lang, "Ngày thường (thứ Hai – thứ Sáu)", "Weekdays (Monday – Friday)"), (0, 1, 2, 3, 4),
         Qt.PenStyle.SolidLine, True),
        (words(lang, "Cuối tuần (thứ Bảy, Chủ nhật)", "Weekend (Saturday, Sunday)"), WEEKEND,
         Qt.PenStyle.DashLine, False),
    )  # fmt: skip
    top = 0.0
    series_list = []
    for name, weekdays, style, round_marker in kinds:
        days = sum(day_count[d] for d in weekdays)
        if not days:
            continue  # a short period without a weekend: no line for it
        line = QLineSeries()
        line.setName(name)
        for hour in range(24):
            average = sum(data.hour_weekday[d][hour] for d in weekdays) / days
            line.append(QPointF(hour, average))
            top = max(top, average)
        pen = QPen(BLACK, 2.0, style)
        line.setPen(pen)
        line.setLightMarker(marker_image(round_marker))
        line.setMarkerSize(9)
        series_list.append(line)
    if not series_list:  # a period that has not begun yet
        return say_nothing(chart, _no_calls(lang))
    decimals = 0 if top >= 10 else 1
    # the legend shows each line's dash and marker (bar charts keep squares: this shape draws them empty)
    chart.legend().setMarkerShape(QLegend.MarkerShape.MarkerShapeFromSeries)
    for line in series_list:
        chart.addSeries(line)
        line.setPointLabelsVisible(False)
    axis_x = QValueAxis()
    axis_x.setRange(-0.5, 23.5)
    axis_x.setTickType(QValueAxis.TickType.TicksDynamic)
    axis_x.setTickAnchor(0)
    axis_x.setTickInterval(2)
    axis_x.setLabelFormat("%.0f")
    axis_x.setMinorTickCount(1)
    style_axis(axis_x, words(lang, "Giờ trong ngày (giờ Việt Nam)", "Hour of the day (Vietnamese time)"))
    axis_x.setMinorGridLineColor(QColor(235, 235, 235))
    axis_title = words(lang, "Cuộc gọi trung bình mỗi ngày", "Average calls per day")
    if data.last_day > today:
        axis_title += words(lang, f" (đến ngày {today:%d/%m/%Y})", f" (up to {today:%d/%m/%Y})")
    axis_y = count_axis(top, axis_title, decimals=decimals)
    chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
    chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
    for line in series_list:
        line.attachAxis(axis_x)
        line.attachAxis(axis_y)
    return chart
