"""pytest-qt flows of the reports screen: choose a period and lines by keyboard, read the figures, cancel, save."""

from __future__ import annotations

from datetime import date

import openpyxl
import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QFileDialog

from hotline.core.report_data import vn_int, vn_percent
from hotline.core.timeutil import local_range_bounds, to_ms
from hotline.demo import build_demo
from hotline.store import audit, users
from hotline.store.access import COMMAND_LINE
from hotline.ui.reports_screen import ReportsScreen

END_DAY = date(2026, 10, 31)


@pytest.fixture
def demo_db(db):
    build_demo(db, calls=3000, seed=11, end_day=END_DAY)
    return db


@pytest.fixture
def screen(qtbot, demo_db):
    lead = users.find_user(demo_db, "truongca")
    view = ReportsScreen(demo_db, lead, "en")
    qtbot.addWidget(view)
    view.resize(1300, 760)
    with qtbot.waitSignal(view.report_ready, timeout=20_000):
        view.show()  # the first showing counts this month's figures
    return view


def plain_count(db, first: date, last: date, lines=()) -> tuple[int, int]:
    """Calls received and calls with content in the local days, counted with plain SQL."""
    start, end = local_range_bounds(first, last)
    sql = (
        "SELECT count(*), coalesce(sum(outcome = 'substantive'), 0) FROM calls WHERE started_at >= ? AND started_at < ?"
    )
    params = [to_ms(start), to_ms(end)]
    if lines:
        sql += f" AND line IN ({','.join('?' * len(lines))})"
        params += list(lines)
    return tuple(db.conn.execute(sql, params).fetchone())


def cell(view: ReportsScreen, label: str) -> str:
    table = view.tables.indicators
    for row in range(table.rowCount()):
        if table.item(row, 0).text() == label:
            return table.item(row, 1).text()
    raise AssertionError(f"no indicator {label!r}")


def choose_dates(qtbot, view: ReportsScreen, first: date, last: date) -> None:
    """Put the two dates in the fields and leave each as a person does (Tab), so the screen reads them."""
    for edit, day in ((view.from_edit, first), (view.to_edit, last)):
        edit.setFocus()
        edit.setDate(QDate(day.year, day.month, day.day))
        qtbot.keyClick(edit, Qt.Key.Key_Tab)


def test_a_month_chosen_then_f5_shows_its_figures(qtbot, screen, demo_db):
    """October in the date fields and F5: calls received and with content equal plain SQL's counts, in
    Vietnamese number format, and the period is named in the summary."""
    choose_dates(qtbot, screen, date(2026, 10, 1), date(2026, 10, 31))
    assert screen.period() == (date(2026, 10, 1), date(2026, 10, 31))
    with qtbot.waitSignal(screen.report_ready, timeout=20_000) as ready:
        qtbot.keyClick(screen.from_edit, Qt.Key.Key_F5)
    received, substantive = plain_count(demo_db, date(2026, 10, 1), date(2026, 10, 31))
    assert received > 500
    assert cell(screen, "Calls received") == vn_int(received)
    assert cell(screen, "Calls with content") == vn_int(substantive)
    data = ready.args[0]
    assert cell(screen, "Share of reports with a case file (per call)") == vn_percent(data.indicators.share_with_case)
    assert cell(screen, "Share of abused children with a case file (target 100 %)") == vn_percent(
        data.indicators.share_children_with_case
    )
    assert "01/10/2026 – 31/10/2026" in screen.summary_label.text()


def test_one_line_only(qtbot, screen, demo_db):
    """With 18008077 unticked the figures are those of line 111 alone."""
    screen.set_period(date(2026, 10, 1), date(2026, 10, 31))
    screen.line_boxes["18008077"].setChecked(False)
    with qtbot.waitSignal(screen.report_ready, timeout=20_000) as ready:
        screen.show_button.click()
    assert ready.args[0].lines == ("111",)
    assert cell(screen, "Calls received") == vn_int(
        plain_count(demo_db, date(2026, 10, 1), date(2026, 10, 31), ["111"])[0]
    )


def test_no_line_ticked_is_refused_with_a_message(qtbot, screen):
    """Unticking every line gives a message instead of a report of nothing."""
    for box in screen.line_boxes.values():
        box.setChecked(False)
    screen.run()
    assert screen.summary_label.text() == "Tick at least one line."
    assert not screen.is_busy()


def test_cancel_drops_the_report(qtbot, screen):
    """Esc right after F5 cancels: no figures arrive for that request and the screen says so."""
    screen.set_period(date(2025, 11, 1), date(2026, 10, 31))
    arrived: list = []
    screen.report_ready.connect(arrived.append)
    screen.run()
    assert screen.is_busy()
    qtbot.keyClick(screen.show_button, Qt.Key.Key_Escape)
    assert not screen.is_busy() and screen.summary_label.text().startswith("Cancelled.")
    assert "still those of" in screen.summary_label.text()  # the tables show another period: it says which
    assert not screen.xlsx_button.isEnabled()
    qtbot.wait(1500)
    assert arrived == []


def test_changed_controls_mark_the_figures_out_of_date(qtbot, screen):
    """Unticking a line after counting says the figures are for the old choice and disables saving until F5."""
    assert screen.xlsx_button.isEnabled()
    screen.line_boxes["18008077"].setChecked(False)
    assert "Press F5" in screen.summary_label.text() and not screen.pdf_button.isEnabled()
    screen.line_boxes["18008077"].setChecked(True)  # back to what was counted
    assert screen.pdf_button.isEnabled()
    screen.line_boxes["18008077"].setChecked(False)
    with qtbot.waitSignal(screen.report_ready, timeout=20_000):
        qtbot.keyClick(screen.show_button, Qt.Key.Key_F5)
    assert screen.pdf_button.isEnabled() and screen.data.lines == ("111",)


def test_save_as_excel_writes_the_figures_and_is_audited(qtbot, screen, tmp_path, monkeypatch):
    """Excel…: the workbook opens and holds the calls received as a number; the export is audited."""
    target = tmp_path / "bao-cao.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(target), ""))
    screen.set_period(date(2026, 10, 1), date(2026, 10, 31))
    with qtbot.waitSignal(screen.report_ready, timeout=20_000) as ready:
        screen.run()
    assert screen.export("xlsx") == target
    book = openpyxl.load_workbook(target)
    values = [c.value for sheet in book.worksheets for row in sheet.iter_rows() for c in row]
    assert ready.args[0].indicators.calls_received in values
    (entry,) = audit.entries(screen.db, viewer=COMMAND_LINE, action="stats.export")
    assert entry.detail == "xlsx" and entry.user_id == screen.user.id


def abused_children_in_sql(db, first: date, last: date) -> tuple[int, int]:
    """Abused children under 16 (or of unknown age) on the calls with content of the local days, and how many of
    them have a case file of their own, counted with plain SQL."""
    start, end = local_range_bounds(first, last)
    return tuple(
        db.conn.execute(
            "SELECT count(*), coalesce(sum(EXISTS (SELECT 1 FROM cases k WHERE k.child_id = ch.id)), 0)"
            " FROM call_children ch JOIN calls c ON c.id = ch.call_id WHERE c.outcome = 'substantive'"
            " AND c.started_at >= ? AND c.started_at < ? AND ch.status = 'abused'"
            " AND (ch.age < 16 OR (ch.age IS NULL AND ch.age_band NOT IN ('16-17', '18+')))",
            [to_ms(start), to_ms(end)],
        ).fetchone()
    )


def table_rows(table) -> list[list[str]]:
    return [[table.item(r, c).text() for c in range(table.columnCount())] for r in range(table.rowCount())]


def test_the_headline_counts_abused_children_and_the_tabs_show_them(qtbot, screen, demo_db):
    """October and F5: the headline (abused children under 16, with a case file, their share) equals plain SQL's
    count per child; clicking the tabs shows 111's tiers adding up to the calls with content, the abused children
    by sex adding up to the headline, the trafficking victims, and how each figure is counted."""
    choose_dates(qtbot, screen, date(2026, 10, 1), date(2026, 10, 31))
    with qtbot.waitSignal(screen.report_ready, timeout=20_000):
        qtbot.keyClick(screen.from_edit, Qt.Key.Key_F5)
    abused, with_case = abused_children_in_sql(demo_db, date(2026, 10, 1), date(2026, 10, 31))
    assert abused > 0
    assert cell(screen, "Abused children (under 16)") == vn_int(abused)
    assert cell(screen, "… of whom with a case file") == vn_int(with_case)
    assert cell(screen, "Share of abused children with a case file (target 100 %)") == vn_percent(with_case / abused)
    assert screen.tables.indicators.item(2, 1).font().bold()

    def open_tab(title: str) -> None:
        bar = screen.tabs.tabBar()
        index = next(i for i in range(screen.tabs.count()) if screen.tabs.tabText(i) == title)
        qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())
        assert screen.tabs.currentIndex() == index

    open_tab("Services")
    levels = table_rows(screen.people.levels)
    assert [row[0] for row in levels] == ["Information", "In-depth counselling", "Support or intervention", "Total"]
    received, substantive = plain_count(demo_db, date(2026, 10, 1), date(2026, 10, 31))
    assert levels[-1][1] == vn_int(substantive) and table_rows(screen.people.channels)[-1][1] == vn_int(received)
    open_tab("Abused children")
    sexes = table_rows(screen.people.abused_sexes)
    assert [row[0] for row in sexes] == ["Male", "Female", "Unknown"]
    assert sum(int(row[1].replace(".", "")) for row in sexes) == abused
    assert table_rows(screen.people.abused_settings)[-1][0] == "Not recorded"
    open_tab("Trafficking victims")
    groups = [row[0] for row in table_rows(screen.people.victim_groups)]
    assert groups == ["Child (under 16)", "Minor (16–17)", "Adult victim (18 or older)", "Age unknown"]
    open_tab("Without a case file")
    assert screen.people.abused_without_case.rowCount() == min(abused - with_case, 500)
    open_tab("Definitions")
    text = screen.definitions.toPlainText()
    assert "two siblings on one call are 2" in text and "Circular 13/2021" in text
