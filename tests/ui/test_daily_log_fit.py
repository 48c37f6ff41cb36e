"""The daily log at 1366×768: every column fits, case and phone numbers whole, why a search matched, the current
row kept, the shift that just ended one click away, and the export named for its day and shift."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from keyboard import type_text
from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from hotline.core.daily_log import previous_shift, shift_to_open
from hotline.core.models import Call, Child
from hotline.core.timeutil import utcnow
from hotline.settings import Settings
from hotline.store import calls as call_store
from hotline.store import cases as case_store
from hotline.store.db import open_database
from hotline.ui.daily_log_screen import DailyLogScreen
from hotline.ui.models import daily_log_model as m

# the night shift of Friday 20/11/2026: 19:00 local (12:00 UTC) to 07:00 on the 21st
NIGHT = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)
#: The room the log gets in the program's window maximized on a 1366×768 screen (measured under Xvfb).
WIDTH, HEIGHT = 1346, 640
LONG_SUMMARY = ("Người gọi là hàng xóm, kể rằng nhiều tối nghe tiếng la hét và tiếng khóc từ nhà bên cạnh, "
                "mẹ bé đi làm ca đêm ở khu công nghiệp nên bé ở nhà với cha dượng; sáng nay bé kể bị đánh "
                "bằng roi mây vào lưng và chân.")  # fmt: skip


@pytest.fixture
def night(db, make_user):
    """A night with the widest things a log shows: two siblings' case numbers, an international number, the
    longest outcome and risk words, a long summary; and plain one-key calls."""
    operator = make_user("tongdai1", ["operator"], "Nguyễn Thị Phương Thảo")
    counselor = make_user("canbo1", ["counselor"], "Huỳnh Thị Lan")

    def call(minutes, **fields) -> Call:
        fields.setdefault("risk", "none")
        fields.setdefault("service_level", "counselling")
        fields.setdefault("line", "111")
        return call_store.save_call(db, Call(started_at=NIGHT + timedelta(minutes=minutes),
                                             operator_id=operator.id, duration_s=754, **fields))  # fmt: skip

    siblings = call(30, line="18008077", categories=["abuse.violence", "abuse.neglect"], risk="immediate",
                    case_need="required", flagged=True, flag_source="rule", service_level="intervention",
                    phone_raw="+84 912 345 678", caller_name="Nguyễn Văn Đào", summary=LONG_SUMMARY,
                    children=[Child(name="Bé Hoa", sex="female", age_band="unknown"),
                              Child(name="Bé Lan", sex="female", age=6)])  # fmt: skip
    case_store.open_cases(db, siblings.id, [c.id for c in siblings.children], by_user_id=counselor.id,
                          assigned_to=counselor.id)  # fmt: skip
    made = {"siblings": siblings}
    for minutes, outcome in enumerate(("silent", "wrong_number", "hang_up", "prank", "abusive", "test")):
        made[outcome] = call(60 + minutes, outcome=outcome, phone_raw="0296 3852 123")
    made["counselling"] = call(200, categories=["counselling.legal"], summary="Hỏi về tư vấn pháp lý.",
                               phone_raw="0912 000 111")  # fmt: skip
    return made


def open_log(qtbot, db, lead, *, width=WIDTH, height=HEIGHT) -> DailyLogScreen:
    log = DailyLogScreen(db, lead, Settings.load(db), "en")
    qtbot.addWidget(log)
    log.resize(width, height)
    log.show()
    qtbot.waitExposed(log)
    log.day_edit.setDate(QDate(2026, 11, 20))
    log.shift_combo.setCurrentIndex(1)  # the night shift (19:00–07:00)
    return log


@pytest.fixture
def lead(make_user):
    return make_user("truongca", ["shift_lead"], "Trần Thị Mai")


@pytest.fixture
def log(qtbot, db, lead, night, program_font):
    screen = open_log(qtbot, db, lead)
    yield screen
    screen._debounce.stop()
    screen._live.stop()


def cell_fits(log, row: int, column: int) -> bool:
    """The cell's whole text fits its column, with the margins Qt draws text within."""
    index = log.model.index(row, column)
    font = log.model.data(index, Qt.ItemDataRole.FontRole) or log.view.font()
    text = log.model.data(index, Qt.ItemDataRole.DisplayRole) or ""
    return QFontMetrics(font).horizontalAdvance(text) + 6 <= log.view.columnWidth(column)


def header_fits(log, column: int) -> bool:
    header = log.view.horizontalHeader()
    bold = QFont(header.font())
    bold.setBold(True)
    text = log.model.headerData(column, Qt.Orientation.Horizontal)
    return QFontMetrics(bold).horizontalAdvance(text) + 8 <= header.sectionSize(column)


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_every_column_fits_1366_pixels_without_scrolling(qtbot, db, lead, night, program_font, lang, request):
    """Maximized at 1366 px: no horizontal scrolling; whole case and phone numbers, outcomes, risks, times;
    every header whole; the review columns and a summary column of useful width on screen."""
    if lang == "vi":
        request.getfixturevalue("vietnamese")
    log = open_log(qtbot, db, lead)
    qtbot.waitUntil(lambda: log.model.rowCount() == len(night))
    assert log.view.horizontalScrollBar().maximum() == 0
    whole = (m.TIME, m.LINE, m.PHONE, m.CONTENT, m.DURATION, m.RISK, m.CASE, m.REVIEWED)
    for row in range(log.model.rowCount()):
        for column in whole:
            if column == m.CONTENT and log.model.row(row).outcome == "substantive":
                continue  # the categories may elide (their tooltip lists them); one-key outcomes never do
            assert cell_fits(log, row, column), (row, column)
    for column in range(log.model.columnCount()):
        assert header_fits(log, column), column
    viewport = log.view.viewport().width()
    header = log.view.horizontalHeader()
    for column in (m.CASE, m.REVIEWED, m.SUMMARY):
        assert header.sectionViewportPosition(column) + header.sectionSize(column) <= viewport
    assert header.sectionSize(m.SUMMARY) >= 200
    siblings = next(n for n in range(log.model.rowCount()) if log.model.row(n).id == night["siblings"].id)
    shown = log.model.data(log.model.index(siblings, m.CASE))
    assert all(number in log.model.data(log.model.index(siblings, m.CASE), Qt.ItemDataRole.ToolTipRole)
               for number in log.model.row(siblings).case_numbers)  # fmt: skip
    assert log.model.row(siblings).case_numbers[0] in shown
    log._debounce.stop()
    log._live.stop()


def test_the_words_searched_for_show_in_the_summary_column(qtbot, log, night):
    """Typing 'roi may' leaves the call whose summary says "roi mây" deep in its text, and the summary column
    shows those words, marked, within its width; '345 678' marks the phone."""
    log.search_edit.setFocus()
    qtbot.keyClicks(log.search_edit, "roi may")
    qtbot.waitUntil(lambda: log.model.rowCount() == 1)
    index = log.model.index(0, m.SUMMARY)
    parts = log.model.data(index, m.MATCH_ROLE)
    assert [text for text, bold in parts if bold] == ["roi", "mây"]
    before_match = "".join(text for text, _ in parts[: [bold for _, bold in parts].index(True) + 2])
    assert QFontMetrics(log.view.font()).horizontalAdvance(before_match) < log.view.columnWidth(m.SUMMARY)
    log.search_edit.clear()
    qtbot.keyClicks(log.search_edit, "nguyen van dao")
    qtbot.waitUntil(lambda: log.model.rowCount() == 1 and "Đào" in log.model.data(log.model.index(0, m.SUMMARY)))
    log.search_edit.clear()
    qtbot.keyClicks(log.search_edit, "345 678")
    qtbot.waitUntil(lambda: log.model.rowCount() == 1 and log.model.row(0).phone_matched)
    assert log.model.data(log.model.index(0, m.PHONE), Qt.ItemDataRole.FontRole).bold()
    assert cell_fits(log, 0, m.PHONE)


def current_id(log) -> int:
    index = log.view.currentIndex()
    assert index.isValid(), "the log lost its current row"
    return log.model.row(index.row()).id


def test_the_current_row_stays_after_an_edit_and_a_live_refresh(qtbot, db, lead, night, tmp_path):
    """The last row chosen with Ctrl+End, edited and saved in the call dialog: the log comes back on the same
    call; another desk's save of an earlier call keeps it on that call, one row further down."""
    from hotline.ui.call_edit_dialog import CallEditDialog
    from hotline.ui.workspace import Workspace

    space = Workspace(db, lead, Settings.load(db), "pc-test")
    qtbot.addWidget(space)
    space.resize(WIDTH, 700)
    space.show()
    space.nav.setCurrentIndex(space.keys.index("log"))
    log = space.daily_log
    log.day_edit.setDate(QDate(2026, 11, 20))
    log.shift_combo.setCurrentIndex(1)
    log.view.setFocus()
    qtbot.keyClick(log.view, Qt.Key.Key_Down)  # the first row (no row was current)
    qtbot.keyClick(log.view, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)  # the counselling call, last
    chosen = current_id(log)
    assert chosen == night["counselling"].id
    qtbot.keyClick(log.view, Qt.Key.Key_Return)

    def opened() -> list:
        return [w for w in QApplication.topLevelWidgets() if isinstance(w, CallEditDialog) and w.isVisible()]

    qtbot.waitUntil(lambda: bool(opened()))
    [dialog] = opened()
    dialog.form.summary_edit.setFocus()
    type_text(dialog.form.summary_edit, "Đã gọi lại.")
    dialog.save()
    qtbot.waitUntil(lambda: call_store.get_call(db, chosen, viewer_id=lead.id).version == 2)
    dialog.done(0)
    assert current_id(log) == chosen
    other = open_database(tmp_path / "hotline.sqlite3")  # another desk
    call_store.save_call(other, Call(line="111", started_at=NIGHT + timedelta(minutes=1), operator_id=lead.id,
                                     outcome="silent"))  # fmt: skip
    other.close()
    qtbot.waitUntil(lambda: log.model.rowCount() == len(night) + 1, timeout=3000)
    assert current_id(log) == chosen
    log._debounce.stop()
    log._live.stop()


def test_the_log_opens_on_the_shift_to_review_and_one_click_gives_the_shift_just_ended(qtbot, db, lead, night):
    """On opening, the shift of shift_to_open (the one just ended during a shift's first hours); the button
    "Shift just ended" shows the shift before the one under way, its hours and days spelled out."""
    log = DailyLogScreen(db, lead, Settings.load(db), "en")
    qtbot.addWidget(log)
    log.show()
    shifts = Settings.load(db).shifts()
    day, index, _ended = shift_to_open(utcnow(), shifts)
    assert (log.day_edit.date().toPython(), log.shift_combo.currentData()) == (day, index)
    log.day_edit.setDate(QDate(2026, 11, 20))
    qtbot.mouseClick(log.last_shift_button, Qt.MouseButton.LeftButton)
    day, index = previous_shift(utcnow(), shifts)
    assert (log.day_edit.date().toPython(), log.shift_combo.currentData()) == (day, index)
    assert f"{day:%d/%m/%Y}" in log.count_label.text() and "just ended" in log.count_label.text()
    log._debounce.stop()
    log._live.stop()


def test_the_export_is_offered_under_its_day_and_shift_and_never_overwrites(qtbot, log, tmp_path, monkeypatch):
    """Export… offers calls_2026-11-20_ca-dem.xlsx (the shift's name folded), (2) once that file exists; a name
    typed without an extension gets the chosen type's, and an existing file of that name is not overwritten
    unless the lead says so."""
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("USERPROFILE", str(home))
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: QMessageBox.StandardButton.Yes)
    offered: list[str] = []
    answer = {"path": "", "filter": ""}

    def save_dialog(_parent, _caption, suggested, *_args, **_kwargs):
        offered.append(suggested)
        return answer["path"], answer["filter"]

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_dialog)
    qtbot.mouseClick(log.export_button, Qt.MouseButton.LeftButton)
    assert offered == [str(home / "calls_2026-11-20_ca-dem.xlsx")]
    (home / "calls_2026-11-20_ca-dem.xlsx").write_bytes(b"old")
    log.export_button.click()
    assert offered[-1] == str(home / "calls_2026-11-20_ca-dem (2).xlsx")
    (home / "mine.csv").write_text("keep me", encoding="utf-8")
    answer.update(path=str(home / "mine"), filter="CSV (*.csv)")
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    log.export_button.click()
    assert (home / "mine.csv").read_text(encoding="utf-8") == "keep me"
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    log.export_button.click()
    assert "Hỏi về tư vấn pháp lý." in (home / "mine.csv").read_text(encoding="utf-8-sig")  # the night's calls
    assert not (home / "mine").exists()


def test_a_reviewed_row_leaving_the_list_hands_the_current_row_to_the_next_call(qtbot, log, monkeypatch):
    """With "Not reviewed" shown, Space on row 3 marks it reviewed; it leaves the list and row 3, now the next
    call, is current: the lead goes on with Space."""
    from PySide6.QtWidgets import QInputDialog

    monkeypatch.setattr(QInputDialog, "getText", lambda *args, **kwargs: ("", True))
    log.reviewed_combo.setCurrentIndex(log.reviewed_combo.findData(False))
    log.window().activateWindow()
    qtbot.waitUntil(log.window().isActiveWindow)
    log.view.setFocus()
    qtbot.keyClick(log.view, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    for _ in range(3):
        qtbot.keyClick(log.view, Qt.Key.Key_Down)
    assert log.view.currentIndex().row() == 3
    following = log.model.row(4).id
    qtbot.keyClick(log.view, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: log.model.rowCount() == 7)
    assert log.view.currentIndex().row() == 3 and current_id(log) == following
