"""The tables of the reports screen: indicators, breakdowns, hour × weekday, months, reports without a case file."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem, QWidget

from hotline.core.places import ward_name
from hotline.core.report_data import AGE_BANDS, ReportData, vn_date, vn_decimal, vn_int, vn_percent
from hotline.core.taxonomy import Taxonomy
from hotline.core.timeutil import format_local, from_ms
from hotline.ui import labels

_CTX = "ReportViews"
WEEKDAY_NAMES = (
    QT_TRANSLATE_NOOP("ReportViews", "Mon"),
    QT_TRANSLATE_NOOP("ReportViews", "Tue"),
    QT_TRANSLATE_NOOP("ReportViews", "Wed"),
    QT_TRANSLATE_NOOP("ReportViews", "Thu"),
    QT_TRANSLATE_NOOP("ReportViews", "Fri"),
    QT_TRANSLATE_NOOP("ReportViews", "Sat"),
    QT_TRANSLATE_NOOP("ReportViews", "Sun"),
)


def _t(text: str) -> str:
    return QCoreApplication.translate(_CTX, text)


def make_table(parent: QWidget, name: str, headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers), parent)
    table.setObjectName(name)
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().hide()
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setTabKeyNavigation(False)
    table.setAlternatingRowColors(True)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    return table


def _number_item(text: str, value: float | None = None) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    if value is not None:
        item.setData(Qt.ItemDataRole.UserRole, value)
    return item


def fill(table: QTableWidget, rows: Iterable[tuple[str, ...]], numeric_from: int = 1) -> None:
    """Put text rows in ``table``; columns from ``numeric_from`` on are right-aligned numbers."""
    rows = list(rows)
    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            table.setItem(r, c, _number_item(text) if c >= numeric_from else QTableWidgetItem(text))


def share_of(count: int, total: int) -> str:
    return vn_percent(count / total) if total else "—"


#: The row of indicator_rows that holds the province's headline figure.
HEADLINE_ROW = 2


def indicator_rows(data: ReportData) -> list[tuple[str, str]]:
    """(label, value) of every indicator, in the order the province reads them: its headline per child first."""
    i = data.indicators
    median = (
        "—"
        if i.median_hours_to_case is None
        else QCoreApplication.translate("ReportViews", "%1 h").replace("%1", vn_decimal(i.median_hours_to_case, 1))
    )
    return [
        (QCoreApplication.translate("ReportViews", "Abused children (under 16)"), vn_int(i.children_abused)),
        (
            QCoreApplication.translate("ReportViews", "… of whom with a case file"),
            vn_int(i.children_abused_with_case),
        ),
        (
            QCoreApplication.translate("ReportViews", "Share of abused children with a case file (target 100 %)"),
            vn_percent(i.share_children_with_case),
        ),
        (
            QCoreApplication.translate("ReportViews", "Abused children still without a case file"),
            vn_int(i.children_abused_without_case),
        ),
        (
            QCoreApplication.translate("ReportViews", "Abused minors (16–17), counted apart"),
            vn_int(i.minors_abused),
        ),
        (
            QCoreApplication.translate("ReportViews", "… of whom with a case file"),
            vn_int(i.minors_abused_with_case),
        ),
        (
            QCoreApplication.translate("ReportViews", "Children supported (case files opened)"),
            vn_int(i.children_supported),
        ),
        (QCoreApplication.translate("ReportViews", "Calls received"), vn_int(i.calls_received)),
        (QCoreApplication.translate("ReportViews", "Calls with content"), vn_int(i.substantive)),
        (
            QCoreApplication.translate("ReportViews", "Calls with a record (at least one category)"),
            vn_int(i.with_record),
        ),
        (QCoreApplication.translate("ReportViews", "Counselling calls"), vn_int(i.counselling)),
        (QCoreApplication.translate("ReportViews", "Abuse reports"), vn_int(i.abuse_reports)),
        (QCoreApplication.translate("ReportViews", "Trafficking reports"), vn_int(i.trafficking_reports)),
        (QCoreApplication.translate("ReportViews", "Abuse or trafficking reports (each call once)"), vn_int(i.reports)),
        (QCoreApplication.translate("ReportViews", "… of which with a case file"), vn_int(i.reports_with_case)),
        (
            QCoreApplication.translate("ReportViews", "Share of reports with a case file (per call)"),
            vn_percent(i.share_with_case),
        ),
        (
            QCoreApplication.translate("ReportViews", "Reports still without a case file (per call)"),
            vn_int(i.reports_without_case),
        ),
        (QCoreApplication.translate("ReportViews", "Case files opened"), vn_int(i.cases_opened)),
        (QCoreApplication.translate("ReportViews", "Case files closed"), vn_int(i.cases_closed)),
        (QCoreApplication.translate("ReportViews", "Case files overdue (end of the period)"), vn_int(i.cases_overdue)),
        (QCoreApplication.translate("ReportViews", "Median time from call to case file"), median),
    ]


def count_rows(counts: dict, total: int, name: Callable[[object], str]) -> list[tuple[str, str, str]]:
    """(label, count, share) rows, largest first."""
    ordered = sorted(counts.items(), key=lambda item: (-item[1], name(item[0])))
    return [(name(key), vn_int(count), share_of(count, total)) for key, count in ordered]


class BreakdownTables:
    """Builds and fills the breakdown tables of one report."""

    def __init__(self, parent: QWidget):
        headers = [
            QCoreApplication.translate("ReportViews", "Item"),
            QCoreApplication.translate("ReportViews", "Number"),
            QCoreApplication.translate("ReportViews", "Share"),
        ]
        self.indicators = make_table(
            parent,
            "indicatorsTable",
            [
                QCoreApplication.translate("ReportViews", "Indicator"),
                QCoreApplication.translate("ReportViews", "Value"),
            ],
        )
        self.lines = make_table(parent, "byLineTable", headers)
        self.outcomes = make_table(parent, "byOutcomeTable", headers)
        self.groups = make_table(parent, "byGroupTable", headers)
        self.categories = make_table(parent, "byCategoryTable", headers)
        self.sexes = make_table(parent, "childrenBySexTable", headers)
        self.ages = make_table(parent, "childrenByAgeTable", headers)
        self.communes = make_table(parent, "childrenByCommuneTable", headers)
        self.relations = make_table(parent, "byRelationTable", headers)
        self.hours = make_table(
            parent,
            "hourWeekdayTable",
            [
                QCoreApplication.translate("ReportViews", "Hour"),
                *(_t(d) for d in WEEKDAY_NAMES),
                QCoreApplication.translate("ReportViews", "All"),
            ],
        )
        self.hours.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.months = make_table(
            parent,
            "monthsTable",
            [
                QCoreApplication.translate("ReportViews", "Month"),
                QCoreApplication.translate("ReportViews", "Calls"),
                QCoreApplication.translate("ReportViews", "Year before"),
                QCoreApplication.translate("ReportViews", "With content"),
                QCoreApplication.translate("ReportViews", "Year before"),
                QCoreApplication.translate("ReportViews", "Reports"),
                QCoreApplication.translate("ReportViews", "Year before"),
            ],
        )
        self.without_case = make_table(
            parent,
            "withoutCaseTable",
            [
                QCoreApplication.translate("ReportViews", "Call received"),
                QCoreApplication.translate("ReportViews", "Line"),
                QCoreApplication.translate("ReportViews", "Categories"),
                QCoreApplication.translate("ReportViews", "Call number"),
            ],
        )

    def fill(self, data: ReportData, taxonomy: Taxonomy, line_names: dict[str, str], lang: str) -> None:
        i = data.indicators
        fill(self.indicators, indicator_rows(data))
        for column in range(2):  # the province's headline: the share of abused children with a case file
            item = self.indicators.item(HEADLINE_ROW, column)
            font = item.font()
            font.setBold(True)
            item.setFont(font)
        fill(self.lines, count_rows(data.by_line, i.calls_received, lambda code: line_names.get(code, code)))
        fill(self.outcomes, count_rows(data.by_outcome, i.calls_received, lambda c: labels.label(labels.OUTCOMES, c)))
        # shares of the calls with a record (the calls that have a category), as in the files for the province
        fill(self.groups, count_rows(data.by_category_group, i.with_record, lambda g: taxonomy.group_label(g, lang)))
        fill(self.categories, count_rows(data.by_category, i.with_record, lambda c: taxonomy.label(c, lang)))
        children = sum(data.children_by_sex.values())
        fill(self.sexes, count_rows(data.children_by_sex, children, lambda s: labels.label(labels.SEXES, s)))
        ages = [
            (labels.label(labels.CHILD_AGE_BANDS, band), vn_int(data.children_by_age_band.get(band, 0)),
             share_of(data.children_by_age_band.get(band, 0), children))
            for band in AGE_BANDS
        ]  # fmt: skip
        fill(self.ages, ages)
        fill(self.communes, count_rows(data.children_by_commune, children, self._commune))
        fill(
            self.relations,
            count_rows(data.by_caller_relation, i.substantive, lambda r: labels.label(labels.RELATIONS, r)),
        )
        self._fill_hours(data)
        fill(
            self.months,
            [
                (m.month.strftime("%m/%Y"), vn_int(m.calls), vn_int(m.calls_year_before), vn_int(m.substantive),
                 vn_int(m.substantive_year_before), vn_int(m.reports), vn_int(m.reports_year_before))
                for m in data.months
            ],
        )  # fmt: skip
        fill(
            self.without_case,
            [
                (format_local(from_ms(w.started_at_ms)), line_names.get(w.line, w.line),
                 "; ".join(taxonomy.label(c, lang) for c in w.categories), str(w.call_id))
                for w in data.without_case
            ],
        )  # fmt: skip

    @staticmethod
    def _commune(code) -> str:
        return (
            (ward_name(code) or str(code))
            if code is not None
            else QCoreApplication.translate("ReportViews", "Not recorded")
        )

    def _fill_hours(self, data: ReportData) -> None:
        """24 rows of hours × 7 weekdays; a darker cell holds more calls, and its number says how many."""
        grid = data.hour_weekday or tuple((0,) * 24 for _ in range(7))
        peak = max((max(row) for row in grid), default=0) or 1
        self.hours.setRowCount(24)
        for hour in range(24):
            self.hours.setItem(hour, 0, QTableWidgetItem(f"{hour:02d}:00"))
            for day in range(7):
                count = grid[day][hour]
                item = _number_item(vn_int(count), count)
                shade = 255 - int(120 * count / peak)
                item.setBackground(QBrush(QColor(shade, shade, 255)))
                self.hours.setItem(hour, day + 1, item)
            self.hours.setItem(hour, 8, _number_item(vn_int(sum(grid[day][hour] for day in range(7)))))


def period_text(data: ReportData) -> str:
    return f"{vn_date(data.first_day)} – {vn_date(data.last_day)}"
