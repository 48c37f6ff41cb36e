"""pytest-qt flows of the shift lead's daily log: filter, search, review by keyboard, export, handover."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from keyboard import answer_next_dialog
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QFileDialog, QInputDialog

from hotline.core.models import Call, Child
from hotline.core.timeutil import utcnow
from hotline.settings import Settings
from hotline.store import audit
from hotline.store import calls as call_store
from hotline.store import cases as case_store
from hotline.store.access import COMMAND_LINE
from hotline.ui.daily_log_screen import DailyLogScreen

# the night shift of Friday 20/11/2026: 19:00 local (12:00 UTC) to 07:00 on the 21st (00:00 UTC)
NIGHT = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)


@pytest.fixture
def people(make_user):
    return {
        "operator": make_user("tongdai1", ["operator"], "Nguyễn Văn An"),
        "lead": make_user("truongca", ["shift_lead"], "Trần Thị Mai"),
        "counselor": make_user("canbo1", ["counselor"], "Huỳnh Thị Lan"),
    }


#: What every call with content now carries (docs/law.md): a chosen risk and 111's service level.
REPORT = {"risk": "none", "service_level": "counselling"}


@pytest.fixture
def night(db, people):
    """Six calls of the night shift and one of the day before: two flagged, one of them with a case file."""
    operator = people["operator"].id

    def call(minutes, **fields) -> Call:
        return call_store.save_call(db, Call(line="111", started_at=NIGHT + timedelta(minutes=minutes),
                                             operator_id=operator, duration_s=60, **REPORT | fields))  # fmt: skip

    flagged = {"categories": ["abuse.violence"], "case_need": "required", "flagged": True, "flag_source": "rule",
               "summary": "Trẻ bị đánh.", "risk": "high", "service_level": "intervention"}  # fmt: skip
    made = {
        "silent": call(10, outcome="silent"),
        "waiting": call(60, **flagged, children=[Child(name="Bé Hoa")]),
        "opened": call(120, **flagged, children=[Child(name="Bé Lan")]),
        "dao": call(
            200,
            caller_name="Nguyễn Văn Đào",
            summary="Hỏi về tư vấn.",
            categories=["counselling.legal"],
            phone_raw="0912 345 678",
        ),
        "prank": call(300, outcome="prank"),
        "morning": call(700, outcome="hang_up"),
        "before": call(-600, outcome="test"),  # 02:00 local on the 20th: the night shift of the 19th
    }
    case_store.open_cases(db, made["opened"].id, [made["opened"].children[0].id], by_user_id=people["counselor"].id,
                          assigned_to=people["counselor"].id)  # fmt: skip
    return made


@pytest.fixture
def screen(qtbot, db, people, night):
    settings = Settings.load(db)
    log = DailyLogScreen(db, people["lead"], settings, "en")
    qtbot.addWidget(log)
    log.resize(1300, 700)
    log.show()
    log.day_edit.setDate(QDate(2026, 11, 20))
    log.shift_combo.setCurrentIndex(1)  # the night shift (19:00–07:00)
    yield log
    log._debounce.stop()  # the database closes after the test: no late re-read of it
    log._live.stop()


def shown_ids(log: DailyLogScreen) -> list[int]:
    while log.model.canFetchMore():
        log.model.fetchMore()
    return [log.model.row(n).id for n in range(log.model.rowCount())]


def test_night_shift_filtered_to_flagged_calls_without_a_case(qtbot, screen, night):
    """The night shift shows its six calls; the filter 'flagged, no case file yet' leaves the one waiting."""
    assert sorted(shown_ids(screen)) == sorted(c.id for k, c in night.items() if k != "before")
    screen.flag_combo.setCurrentIndex(screen.flag_combo.findData("without_case"))
    assert shown_ids(screen) == [night["waiting"].id]
    assert "1 calls" in screen.count_label.text()


def test_search_finds_a_name_without_accents_and_a_partial_number(qtbot, screen, night):
    """'nguyen van dao' finds "Nguyễn Văn Đào"; '345 678' finds 0912 345 678; FTS syntax is just text."""
    screen.search_edit.setText("nguyen van dao")
    screen.reload()
    assert shown_ids(screen) == [night["dao"].id]
    screen.search_edit.setText("345 678")
    screen.reload()
    assert shown_ids(screen) == [night["dao"].id]
    screen.search_edit.setText('"NEAR( -*')
    screen.reload()
    assert shown_ids(screen) == []


def test_three_calls_marked_reviewed_with_the_keyboard(qtbot, db, screen, night, people, monkeypatch):
    """Selecting three rows and pressing Space marks them reviewed with the note typed."""
    monkeypatch.setattr(QInputDialog, "getText", lambda *args, **kwargs: ("Đã xem", True))
    screen.view.setFocus()
    screen.view.selectRow(0)
    qtbot.keyClick(screen.view, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(screen.view, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    chosen = [row.id for row in screen.selected_rows()]
    assert len(chosen) == 3
    screen.window().activateWindow()
    qtbot.waitUntil(screen.window().isActiveWindow)
    qtbot.keyClick(screen.view, Qt.Key.Key_Space)
    for call_id in chosen:
        call = call_store.get_call(db, call_id, viewer_id=people["lead"].id)
        assert call.reviewed_by == people["lead"].id and call.review_note == "Đã xem"
    assert screen.summary.toPlainText().count("Not yet reviewed") == 1


def test_export_xlsx_reads_back(qtbot, db, screen, night, people, tmp_path, monkeypatch):
    """The filtered rows go to an XLSX after the personal-data warning; openpyxl reads dates and words back."""
    from openpyxl import load_workbook

    out = tmp_path / "ca-dem.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(out), "Excel (*.xlsx)"))
    answer_next_dialog("Yes")
    screen.export_button.click()
    rows = list(load_workbook(out).active.iter_rows(values_only=True))
    assert len(rows) == 1 + 6
    assert all(isinstance(row[1], datetime) for row in rows[1:])
    assert any(e.action == "export" for e in audit.entries(db, viewer=COMMAND_LINE, user_id=people["lead"].id))


def test_handover_pdf_holds_the_shift_counts(qtbot, screen, tmp_path, monkeypatch):
    """The handover report is a PDF whose text has the shift's call count and its flagged calls."""
    from PySide6.QtPdf import QPdfDocument

    out = tmp_path / "ban-giao.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(out), "PDF (*.pdf)"))
    answer_next_dialog("Save as PDF…")
    screen.handover_button.click()
    document = QPdfDocument()
    document.load(str(out))
    assert document.status() == QPdfDocument.Status.Ready
    text = " ".join(document.getAllText(page).text() for page in range(document.pageCount()))
    assert "Tổng số cuộc gọi: 6" in text and "AG-2026-00001" in text, text


def test_a_call_saved_by_another_copy_appears_without_any_action(qtbot, db, screen, people, tmp_path):
    """Another connection's save shows in the open log within 3 seconds (the change counter, polled)."""
    from hotline.store.db import open_database

    before = len(shown_ids(screen))
    other = open_database(db.conn.execute("PRAGMA database_list").fetchone()[2])
    call_store.save_call(other, Call(line="111", started_at=NIGHT + timedelta(minutes=400),
                                     operator_id=people["operator"].id, outcome="silent"))  # fmt: skip
    other.close()
    qtbot.waitUntil(lambda: screen.model.total() == before + 1, timeout=3000)


def test_a_date_range_is_at_most_three_months(qtbot, screen):
    """A range longer than 92 days is cut to 92, so the summary never reads a year on every change."""
    screen.shift_combo.setCurrentIndex(screen.shift_combo.findData("range"))
    screen.day_edit.setDate(QDate(2026, 1, 1))
    screen.to_edit.setDate(QDate(2026, 12, 31))
    start, end, _ = screen.period()
    assert (end - start).days == 92


def test_a_call_typed_at_another_desk_does_not_reload_the_log(qtbot, db, screen, people):
    """Another desk autosaving the draft of a call being typed (once a second) never reloads the open log; its save
    of a real call does."""
    from hotline.store import drafts as draft_store
    from hotline.store.db import open_database

    resets: list[int] = []
    screen.model.modelReset.connect(lambda: resets.append(1))
    desk = open_database(db.conn.execute("PRAGMA database_list").fetchone()[2])
    try:
        for second in range(4):
            draft_store.save_draft(desk, people["operator"].id, "pc-2", "typing", {"summary": "." * second},
                                   utcnow())  # fmt: skip
            qtbot.wait(700)
        assert resets == []
        call_store.save_call(desk, Call(line="111", started_at=NIGHT + timedelta(minutes=401),
                                        operator_id=people["operator"].id, outcome="silent"))  # fmt: skip
    finally:
        desk.close()
    qtbot.waitUntil(lambda: bool(resets), timeout=3000)
