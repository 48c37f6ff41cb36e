"""Statistics and reports: a period and lines, the figures off the GUI thread (cancellable), charts, exports."""

from __future__ import annotations

import time
from datetime import date
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QPainter, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from hotline.core.models import User
from hotline.core.periods import PRESETS, matching_preset, preset_bounds
from hotline.core.report_data import ReportData, vn_decimal
from hotline.core.timeutil import local, utcnow
from hotline.settings import Settings
from hotline.store import audit, categories, lines, stats
from hotline.store.db import StoreError, connect, database_path, interrupt
from hotline.ui import report_pages as pages
from hotline.ui.file_names import suggested_path
from hotline.ui.report_people_views import PeopleTables
from hotline.ui.report_views import BreakdownTables, period_text
from hotline.ui.worker import run_in_background

_PRESET_NAMES = {
    "this_month": QT_TRANSLATE_NOOP("ReportsScreen", "This month"),
    "last_month": QT_TRANSLATE_NOOP("ReportsScreen", "Last month"),
    "this_quarter": QT_TRANSLATE_NOOP("ReportsScreen", "This quarter"),
    "last_quarter": QT_TRANSLATE_NOOP("ReportsScreen", "Last quarter"),
    "this_year": QT_TRANSLATE_NOOP("ReportsScreen", "This year"),
    "last_year": QT_TRANSLATE_NOOP("ReportsScreen", "Last year"),
}


class ReportsScreen(QWidget):
    """The centre's figures for a period: indicators, breakdowns, charts; Excel, PDF and CSV for the province."""

    status_message = Signal(str, int)
    report_ready = Signal(object)  # ReportData (tests and the window wait on it)

    def __init__(self, db, user: User, lang: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("reportsScreen")
        self.db, self.user, self.lang = db, user, lang
        self.data: ReportData | None = None
        self._job: dict | None = None
        self._generation = 0
        self._shown_once = False
        self._figures_current = True  # the figures shown are those of the controls
        self._progress_timer = QTimer(self, interval=100, timeout=self._show_progress)
        self._build()

    # --- building ---

    def _build(self) -> None:
        self.period_combo = QComboBox(self, objectName="periodCombo")
        self.period_combo.setAccessibleName(self.tr("Period"))
        for key in PRESETS:
            self.period_combo.addItem(QCoreApplication.translate("ReportsScreen", _PRESET_NAMES[key]), key)
        self.period_combo.addItem(self.tr("Dates chosen"), "custom")
        self.period_combo.activated.connect(self._preset_chosen)
        self.from_edit = self._date_edit("reportFrom", self.tr("First day"))
        self.to_edit = self._date_edit("reportTo", self.tr("Last day"))
        self.line_boxes: dict[str, QCheckBox] = {}
        lines_row = QHBoxLayout()
        lines_row.setContentsMargins(0, 0, 0, 0)
        try:
            self.line_names = {line.code: line.name for line in lines.list_lines(self.db)}
        except StoreError:
            self.line_names = {}
        for code in self.line_names:
            box = QCheckBox(code, self, objectName=f"reportLine_{code}")
            box.setToolTip(self.line_names[code])
            box.setChecked(True)
            lines_row.addWidget(box)
            self.line_boxes[code] = box
        self.show_button = QPushButton(self.tr("&Show (F5)"), self, objectName="showReportButton")
        self.show_button.clicked.connect(self.run)
        self.cancel_button = QPushButton(self.tr("Cancel (Esc)"), self, objectName="cancelReportButton")
        self.cancel_button.clicked.connect(self.cancel)
        self.cancel_button.hide()
        self.progress = QProgressBar(self, objectName="reportProgress")
        self.progress.setMaximumWidth(180)
        self.progress.hide()
        self.xlsx_button = self._export_button(self.tr("&Excel…"), "exportXlsxButton", "xlsx")
        self.pdf_button = self._export_button(self.tr("&PDF…"), "exportPdfButton", "pdf")
        self.csv_button = self._export_button(self.tr("CS&V…"), "exportCsvButton", "csv")

        controls = QGridLayout()
        period_label = QLabel(self.tr("Perio&d:"), self)
        period_label.setBuddy(self.period_combo)
        from_label = QLabel(self.tr("&From:"), self)
        from_label.setBuddy(self.from_edit)
        to_label = QLabel(self.tr("&To:"), self)
        to_label.setBuddy(self.to_edit)
        controls.addWidget(period_label, 0, 0)
        controls.addWidget(self.period_combo, 0, 1)
        controls.addWidget(from_label, 0, 2)
        controls.addWidget(self.from_edit, 0, 3)
        controls.addWidget(to_label, 0, 4)
        controls.addWidget(self.to_edit, 0, 5)
        controls.addWidget(QLabel(self.tr("Lines:"), self), 0, 6)
        controls.addLayout(lines_row, 0, 7)
        controls.addWidget(self.show_button, 0, 8)
        controls.addWidget(self.cancel_button, 0, 9)
        controls.addWidget(self.progress, 0, 10)
        controls.setColumnStretch(11, 1)
        exports = QHBoxLayout()
        exports.addWidget(QLabel(self.tr("Save the report as:"), self))
        for button in (self.xlsx_button, self.pdf_button, self.csv_button):
            exports.addWidget(button)
        exports.addStretch(1)
        self.summary_label = QLabel(self, objectName="reportSummary")
        self.summary_label.setWordWrap(True)
        exports.addWidget(self.summary_label, 2)

        self.tables = BreakdownTables(self)
        self.people = PeopleTables(self)
        self.tabs = QTabWidget(self, objectName="reportTabs")
        self.tabs.setUsesScrollButtons(True)
        self._add_tabs()

        layout = QVBoxLayout(self)
        layout.addLayout(controls)
        layout.addLayout(exports)
        layout.addWidget(self.tabs, 1)
        QShortcut(QKeySequence("F5"), self, self.run, context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        QShortcut(QKeySequence("Escape"), self, self.cancel, context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.from_edit.editingFinished.connect(self._dates_typed)
        self.to_edit.editingFinished.connect(self._dates_typed)
        self.from_edit.dateChanged.connect(self._controls_changed)
        self.to_edit.dateChanged.connect(self._controls_changed)
        for box in self.line_boxes.values():
            box.toggled.connect(self._controls_changed)
        self._set_preset("this_month")
        self._update_exports()

    def _date_edit(self, name: str, accessible: str) -> QDateEdit:
        edit = QDateEdit(self, objectName=name)
        edit.setAccessibleName(accessible)
        edit.setDisplayFormat("dd/MM/yyyy")
        edit.setCalendarPopup(True)
        return edit

    def _export_button(self, text: str, name: str, kind: str) -> QPushButton:
        button = QPushButton(text, self, objectName=name)
        button.clicked.connect(lambda: self.export(kind))
        return button

    def _add_tabs(self) -> None:
        t, p, add = self.tables, self.people, self.tabs.addTab
        add(
            pages.side_by_side(
                self, (t.indicators, ""), (t.lines, self.tr("By line")), (t.outcomes, self.tr("By outcome"))
            ),
            self.tr("Indicators"),
        )
        add(
            pages.side_by_side(
                self,
                (p.levels, self.tr("111 service level")),
                (p.channels, self.tr("Channel")),
                (p.referrals, self.tr("Referred to")),
            ),
            self.tr("Services"),
        )
        add(
            pages.grid(
                self,
                (p.abused_forms, self.tr("Form of abuse")),
                (p.abused_sexes, self.tr("Sex")),
                (p.abused_ages, self.tr("Age")),
                (p.abused_settings, self.tr("Setting")),
                (p.abused_communes, self.tr("Commune of the incident")),
            ),
            self.tr("Abused children"),
        )
        add(
            pages.grid(
                self,
                (p.victim_sexes, self.tr("Sex")),
                (p.victim_groups, self.tr("Age group")),
                (p.victim_destinations, self.tr("Destination")),
                (p.victim_purposes, self.tr("Purpose")),
                (p.victim_referrals, self.tr("Referred to")),
            ),
            self.tr("Trafficking victims"),
        )
        add(
            pages.side_by_side(self, (t.groups, self.tr("Category groups")), (t.categories, self.tr("Categories"))),
            self.tr("Categories"),
        )
        add(
            pages.side_by_side(
                self, (t.sexes, self.tr("Sex")), (t.ages, self.tr("Age")), (t.communes, self.tr("Commune"))
            ),
            self.tr("People named"),
        )
        add(t.relations, self.tr("Callers"))
        add(t.hours, self.tr("Hour × weekday"))
        add(t.months, self.tr("Months and the year before"))
        add(
            pages.stacked(
                self,
                (p.abused_without_case, self.tr("Abused children without a case file")),
                (t.without_case, self.tr("Reports without a case file (per call)")),
            ),
            self.tr("Without a case file"),
        )
        self.charts_area = QScrollArea(self, objectName="chartsArea")
        self.charts_area.setWidgetResizable(True)
        add(self.charts_area, self.tr("Charts"))
        self.definitions = pages.definitions_view(self, self.lang, self.tr("How each figure is counted"))
        add(self.definitions, self.tr("Definitions"))

    # --- the period ---

    def today(self) -> date:
        return local(utcnow()).date()

    def _set_preset(self, key: str) -> None:
        first, last = preset_bounds(key, self.today())
        self.set_period(first, last)

    def _preset_chosen(self, index: int) -> None:
        key = self.period_combo.itemData(index)
        if key != "custom":
            self._set_preset(key)
            self.run()

    def set_period(self, first: date, last: date) -> None:
        self.from_edit.setDate(QDate(first.year, first.month, first.day))
        self.to_edit.setDate(QDate(last.year, last.month, last.day))
        self._dates_typed()

    def _dates_typed(self) -> None:
        key = matching_preset(*self.period(), self.today()) or "custom"
        self.period_combo.setCurrentIndex(self.period_combo.findData(key))

    def _controls_changed(self, *_args) -> None:
        """The period or the lines changed: the figures shown are no longer the ones asked for — say so, and
        save nothing until they are counted again."""
        if self.data is None or self.is_busy():
            return
        shown = (self.data.first_day, self.data.last_day, self.data.lines)
        if shown == (*self.period(), self.chosen_lines()):
            self._figures_current = True
            self._update_exports()
            return
        self._figures_current = False
        self.summary_label.setText(
            self.tr("The figures shown are for %1. Press F5 to count the period and lines chosen.").replace(
                "%1", period_text(self.data)
            )
        )
        self._update_exports()

    def period(self) -> tuple[date, date]:
        return self.from_edit.date().toPython(), self.to_edit.date().toPython()

    def ticked_lines(self) -> tuple[str, ...]:
        return tuple(code for code, box in self.line_boxes.items() if box.isChecked())

    def chosen_lines(self) -> tuple[str, ...]:
        """The lines to count; () when every line is ticked (the report then says "all lines")."""
        ticked = self.ticked_lines()
        return () if len(ticked) == len(self.line_boxes) else ticked

    # --- computing off the GUI thread ---

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not self._shown_once:  # nothing is read before the screen is first opened
            self._shown_once = True
            self.run()

    def run(self) -> None:
        first, last = self.period()
        if last < first:
            self.summary_label.setText(self.tr("The last day is before the first day."))
            self.to_edit.setFocus()
            return
        if self.line_boxes and not self.ticked_lines():
            self.summary_label.setText(self.tr("Tick at least one line."))
            return
        chosen = self.chosen_lines()
        self.cancel(quiet=True)
        path = database_path(self.db)
        if path is None:
            self.summary_label.setText(self.tr("This database has no file: reports need one."))
            return
        self._generation += 1
        generation = self._generation
        job = {"cancel": False, "db": None, "started": time.monotonic(), "done": 0, "total": 0}
        self._job = job
        viewer = self.user.id

        def progress(done: int, total: int) -> None:  # on the worker: plain data, read by the GUI's timer
            job["done"], job["total"] = done, total

        def work() -> ReportData:
            worker_db = connect(path)  # the worker's own connection: sqlite3 objects belong to their thread
            job["db"] = worker_db
            try:
                return stats.report_figures(
                    worker_db, first, last, chosen, viewer_id=viewer,
                    progress=progress, cancelled=lambda: job["cancel"],
                )  # fmt: skip
            finally:
                job["db"] = None
                worker_db.close()

        self._busy(True)
        self.summary_label.setText(self.tr("Counting…"))
        run_in_background(work, lambda data: self._done(generation, data), lambda exc: self._failed(generation, exc))

    def cancel(self, quiet: bool = False) -> None:
        job = self._job
        if job is None:
            return
        job["cancel"] = True
        worker_db = job.get("db")
        if worker_db is not None:  # stops the running query at once; the worker may have closed it meanwhile
            interrupt(worker_db)
        self._job = None
        self._busy(False)
        if not quiet:
            self._say_cancelled()

    def _show_progress(self) -> None:
        job = self._job
        if job is not None and job["total"]:
            self.progress.setRange(0, job["total"])
            self.progress.setValue(job["done"])

    def _done(self, generation: int, data: ReportData) -> None:
        if generation != self._generation or self._job is None:
            return  # an older report, or cancelled: its figures are not the ones asked for
        seconds = time.monotonic() - self._job["started"]
        self._job = None
        self._figures_current = True
        self._busy(False)
        self.show_report(data)
        lines_text = ", ".join(data.lines) if data.lines else self.tr("all lines")
        self.summary_label.setText(
            self.tr("%1 · %2 · counted in %3 s")
            .replace("%1", period_text(data))
            .replace("%2", lines_text)
            .replace("%3", vn_decimal(seconds, 2))
        )
        self.report_ready.emit(data)

    def _failed(self, generation: int, error: BaseException) -> None:
        if generation != self._generation:
            return
        self._job = None
        self._busy(False)
        if isinstance(error, stats.StatsCancelled):
            self._say_cancelled()
            return
        message = str(error) if isinstance(error, StoreError) else self.tr("The figures could not be counted.")
        self.summary_label.setText(message)
        self.status_message.emit(message, 10000)

    def _say_cancelled(self) -> None:
        text = self.tr("Cancelled.")
        if self.data is not None:
            self._figures_current = (self.data.first_day, self.data.last_day, self.data.lines) == (
                *self.period(),
                self.chosen_lines(),
            )
            if not self._figures_current:
                text += " " + self.tr("The figures shown are still those of %1.").replace("%1", period_text(self.data))
        self.summary_label.setText(text)
        self._update_exports()

    def _busy(self, busy: bool) -> None:
        if busy:
            self._progress_timer.start()
        else:
            self._progress_timer.stop()
        self.progress.setVisible(busy)
        self.progress.setRange(0, 0)
        self.cancel_button.setVisible(busy)
        self.show_button.setEnabled(not busy)
        self._update_exports()

    def is_busy(self) -> bool:
        return self._job is not None

    # --- showing ---

    def show_report(self, data: ReportData) -> None:
        from hotline.reports import charts

        self.data = data
        taxonomy = categories.load_taxonomy(self.db)
        self.taxonomy = taxonomy
        self.tables.fill(data, taxonomy, self.line_names, self.lang)
        self.people.fill(data, taxonomy, self.line_names, self.lang)
        holder = QWidget(self.charts_area)
        column = QVBoxLayout(holder)
        for chart in (
            charts.calls_chart(data, self.lang),
            charts.categories_chart(data, taxonomy, self.lang),
            charts.hour_weekday_chart(data, self.lang),
        ):
            from PySide6.QtCharts import QChartView

            view = QChartView(chart, holder)
            view.setRenderHint(QPainter.RenderHint.Antialiasing)
            view.setMinimumHeight(340)
            column.addWidget(view)
        self.charts_area.setWidget(holder)
        self._update_exports()

    def _update_exports(self) -> None:
        ready = self.data is not None and not self.is_busy() and self._figures_current
        for button in (self.xlsx_button, self.pdf_button, self.csv_button):
            button.setEnabled(ready)

    # --- saving ---

    def export(self, kind: str) -> Path | None:
        """Ask where, write the report in that format, say so; the file's path (None when not written)."""
        from hotline.reports import stats_report

        if self.data is None:
            return None
        filters = {
            "xlsx": self.tr("Excel workbook (*.xlsx)"),
            "pdf": self.tr("PDF document (*.pdf)"),
            "csv": self.tr("CSV file (*.csv)"),
        }
        suggested = suggested_path("statistics", self.data.first_day, ext=kind, last_day=self.data.last_day)
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Save the report"), suggested, filters[kind])
        if not name:
            return None
        path = Path(name) if Path(name).suffix else Path(f"{name}.{kind}")
        centre = Settings.load(self.db).get("centre_name")
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            if kind == "xlsx":
                stats_report.write_xlsx(self.data, path, taxonomy=self.taxonomy, line_names=self.line_names,
                                        centre_name=centre, lang="vi")  # fmt: skip
            elif kind == "pdf":
                stats_report.write_pdf(self.data, path, taxonomy=self.taxonomy, line_names=self.line_names,
                                       centre_name=centre, lang="vi")  # fmt: skip
            else:
                stats_report.write_csv(self.data, path, taxonomy=self.taxonomy, line_names=self.line_names, lang="vi")
            audit.append(self.db, self.user.id, "stats.export", "report", period_text(self.data), kind)
        except StoreError as exc:
            self.summary_label.setText(str(exc))
            self.status_message.emit(str(exc), 10000)
            return None
        finally:
            QApplication.restoreOverrideCursor()
        self.status_message.emit(self.tr("Report saved: %1").replace("%1", str(path)), 10000)
        return path
