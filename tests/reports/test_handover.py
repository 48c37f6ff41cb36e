"""The shift handover as an A4 PDF and on a printer, read back with QtPdf: the shift's counts and flagged calls."""

from __future__ import annotations

import itertools
import random
import re
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

import pytest
from PySide6.QtPdf import QPdfDocument

from hotline.core.daily_log import LogFilter, LogRow, ShiftSummary, period_text, shift_bounds
from hotline.core.models import Call, Child
from hotline.core.timeutil import local
from hotline.reports.handover import (
    Handover,
    build_handover,
    handover_html,
    open_questions,
    print_handover,
    write_handover_pdf,
)
from hotline.store import calls, cases, users
from hotline.store.access import COMMAND_LINE
from hotline.store.db import open_database

NIGHT = shift_bounds(date(2026, 11, 28), time(19), time(7))
PERIOD = period_text("Ca đêm", *NIGHT)
CENTRE = "Trung tâm Công tác xã hội tỉnh An Giang"


def load_pdf(path: Path) -> QPdfDocument:
    document = QPdfDocument()
    document.load(str(path))
    return document


def pdf_text(path: Path) -> str:
    document = load_pdf(path)
    return "\n".join(document.getAllText(page).text() for page in range(document.pageCount()))


def flat(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture
def night(tmp_path):
    """A night shift of 60 calls, 34 of them flagged (half with a case file), plus calls before and after it."""
    db = open_database(tmp_path / "night.sqlite3")
    operator = users.add_user(db, "operator1", "Lê Thị Hồng", ["operator"], "test-password-1", by=COMMAND_LINE).id
    lead = users.add_user(db, "lead1", "Trần Văn Ca", ["shift_lead"], "test-password-1", by=COMMAND_LINE).id
    counselor = users.add_user(db, "canbo1", "Võ Văn Phúc", ["counselor"], "test-password-1", by=COMMAND_LINE).id
    rng = random.Random(7)
    start, end = NIGHT
    saved = []
    moments = [start - timedelta(minutes=30), end, end + timedelta(hours=1)]  # outside the shift
    moments += [start + timedelta(minutes=11 * n + 1) for n in range(60)]
    for n, moment in enumerate(moments):
        flagged = n >= 3 and n % 7 < 4
        call = Call(
            line="18008077" if n % 5 == 0 else "111",
            started_at=moment,
            operator_id=operator,
            outcome="substantive" if flagged or n % 3 else "silent",
            duration_s=rng.randrange(10, 1500),
        )
        if call.outcome == "substantive":
            call.categories = ["abuse.violence"] if flagged else ["counselling.education"]
            call.risk = "medium" if flagged else "none"
            call.service_level = "intervention" if flagged else "counselling"
            call.case_need = "required" if flagged else "not_needed"
            call.flagged, call.flag_source = flagged, "rule" if flagged else None
            call.children = [Child(name="Bé Na", sex="female", age=n % 17, province_code=91, ward_code=30307)]
        saved.append(calls.save_call(db, call))
    in_shift = [c for c in saved if start <= c.started_at < end]
    with_case = [c for c in in_shift if c.flagged][::2]
    for call in with_case:
        cases.open_cases(db, call.id, [call.children[0].id], by_user_id=counselor)
    yield db, in_shift, {c.id for c in with_case}, lead
    db.close()


def test_pdf_holds_the_shifts_counts_and_every_flagged_call_once(qapp, night, tmp_path):
    """A valid A4 PDF whose text gives the shift's totals (computed here) and each flagged call exactly once."""
    db, in_shift, with_case, lead = night
    handover = build_handover(
        db, LogFilter(*NIGHT), viewer_id=lead, centre_name=CENTRE, period=PERIOD, prepared_by="Trần Văn Ca"
    )
    path = tmp_path / "giao-ca.pdf"
    write_handover_pdf(handover, path)
    assert path.read_bytes().startswith(b"%PDF")
    document = load_pdf(path)
    assert document.status() == QPdfDocument.Status.Ready
    assert document.pageCount() >= 2  # the flagged calls run onto a second page
    for page in range(document.pageCount()):
        size = document.pagePointSize(page)
        assert (size.width(), size.height()) == pytest.approx((595, 842), abs=2)

    text = flat(pdf_text(path))
    flagged = [c for c in in_shift if c.flagged]
    by_line = {line: sum(1 for c in in_shift if c.line == line) for line in ("111", "18008077")}
    for expected in (
        "BÁO CÁO GIAO CA",
        "TRUNG TÂM CÔNG TÁC XÃ HỘI TỈNH AN GIANG",
        "Ca đêm 19:00 28/11/2026 – 07:00 29/11/2026",
        "Người lập: Trần Văn Ca",
        f"Tổng số cuộc gọi: {len(in_shift)}",
        f"Theo đường dây: 111: {by_line['111']}; 18008077: {by_line['18008077']}",
        f"Cuộc gọi có nội dung: {sum(1 for c in in_shift if c.outcome == 'substantive')}",
        f"Im lặng: {sum(1 for c in in_shift if c.outcome == 'silent')}",
        f"Đánh dấu cần lập hồ sơ: {len(flagged)} (đã có hồ sơ: {len(with_case)}; "
        f"chưa có hồ sơ: {len(flagged) - len(with_case)})",
        f"Cuộc gọi dài nhất: {max(c.duration_s for c in in_shift) // 60} phút",
        f"Chưa được xem xét: {len(in_shift)}",
        f"2. Cuộc gọi đánh dấu cần lập hồ sơ ({len(flagged)})",
        f"{len(flagged) - len(with_case)} cuộc gọi đã đánh dấu cần lập hồ sơ nhưng chưa có hồ sơ",
        "Người giao ca",
        "Người nhận ca",
    ):
        assert expected in text, expected
    for call in in_shift:  # a row of the table reads "21:05 28/11 <id> <line>"
        cells = f"{local(call.started_at):%H:%M %d/%m} {call.id} {call.line} "
        assert text.count(cells) == (1 if call.flagged else 0), call.id
    assert len(re.findall(r"AG-\d{4}-\d{5}", text)) == text.count("AG-") == len(with_case)  # never cut


def test_printer_gets_the_same_pages(qapp, night, tmp_path):
    """Printing (to a QPrinter writing PDF) gives the same pages and text as the saved PDF."""
    from PySide6.QtPrintSupport import QPrinter

    db, _, _, lead = night
    handover = build_handover(
        db, LogFilter(*NIGHT), viewer_id=lead, centre_name=CENTRE, period=PERIOD, prepared_by="Trần Văn Ca"
    )
    saved, printed = tmp_path / "saved.pdf", tmp_path / "printed.pdf"
    write_handover_pdf(handover, saved)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(printed))
    print_handover(handover, printer)
    assert load_pdf(printed).pageCount() == load_pdf(saved).pageCount()
    assert "".join(pdf_text(printed).split()) == "".join(pdf_text(saved).split())  # lines may wrap apart


def row(call_id: int, **fields) -> LogRow:
    values = {
        "id": call_id, "started_at": datetime(2026, 11, 28, 14, 5, tzinfo=UTC), "line": "111", "operator_id": 1,
        "operator_name": "Lê Thị Hồng", "outcome": "substantive", "duration_s": 300, "categories": ("abuse.sexual",),
        "child_sex": "female", "child_age": "9", "commune": "Phường Long Xuyên", "risk": "medium", "flagged": True,
        "case_need": "required", "case_numbers": (), "reviewed": False, "flag_cleared": False, "phone_raw": "",
        "version": 1,
    }  # fmt: skip
    values.update(fields)
    return LogRow(**values)


def test_open_questions_name_the_urgent_calls_and_the_cleared_flags():
    """Flagged calls without a file are counted (those on the 12-hour clock named: high risk, or sexual abuse at any
    risk — ND 56 Điều 26(3)), cleared flags listed, unreviewed counted."""
    violence = ("abuse.violence",)
    flagged = [
        row(11, risk="immediate", categories=violence),
        row(12, categories=violence),
        row(13, case_numbers=("AG-2026-00001",)),
        row(14, risk="high", categories=violence),
        row(15),
    ]
    cleared = [row(21, flagged=False, flag_cleared=True), row(22, flagged=False, flag_cleared=True, reviewed=True)]
    questions = open_questions(ShiftSummary(total=9, unreviewed=5), flagged, cleared)
    assert len(questions) == 3
    assert questions[0].startswith("4 cuộc gọi đã đánh dấu cần lập hồ sơ nhưng chưa có hồ sơ")
    assert "can thiệp khẩn cấp / tạm thời cách ly trong 12 giờ" in questions[0]
    assert "11 lúc 21:05 28/11 (nguy hiểm tức thời)" in questions[0] and "14 lúc 21:05 28/11 (cao)" in questions[0]
    assert "15 lúc 21:05 28/11 (trung bình)" in questions[0]
    assert "12 lúc" not in questions[0] and "13 lúc" not in questions[0]
    assert questions[1].startswith("Cuộc gọi 21 lúc 21:05 28/11") and "xác nhận hoặc đánh dấu lại" in questions[1]
    assert questions[2] == "Còn 5 cuộc gọi chưa được trưởng ca xem xét."
    assert open_questions(ShiftSummary(), [row(13, case_numbers=("AG-1",))], []) == []


def test_html_escapes_values_and_writes_numbers_the_vietnamese_way():
    """Markup in a name prints as typed; thousands take a dot; an empty shift says it has no flagged calls."""
    summary = ShiftSummary(total=3105, by_line={"111": 3105}, by_outcome={"substantive": 3105}, avg_duration_s=251.4)
    handover = Handover(
        centre_name="<b>Trung tâm</b>", period=PERIOD, summary=summary, flagged=[], questions=["a < b & c"],
        prepared_by="Tí & Tèo",
    )  # fmt: skip
    text = handover_html(handover)
    assert "<b>Trung tâm</b>" not in text.replace("<b>&lt;B&gt;", "")
    assert "&lt;B&gt;TRUNG TÂM&lt;/B&gt;" in text
    assert "Tí &amp; Tèo" in text and "a &lt; b &amp; c" in text
    assert "<b>3.105</b>" in text and "4 phút 11 giây" in text
    assert "Không có cuộc gọi nào được đánh dấu." in text


def test_empty_shift_is_a_one_page_pdf(qapp, tmp_path):
    """A shift without calls still gives a one-page handover saying so."""
    db = open_database(tmp_path / "empty.sqlite3")
    try:
        lead = users.add_user(db, "lead1", "Trần Văn Ca", ["shift_lead"], "test-password-1", by=COMMAND_LINE).id
        handover = build_handover(
            db, LogFilter(*NIGHT), viewer_id=lead, centre_name=CENTRE, period=PERIOD, prepared_by=""
        )
    finally:
        db.close()
    path = tmp_path / "empty.pdf"
    write_handover_pdf(handover, path)
    assert load_pdf(path).pageCount() == 1
    text = flat(pdf_text(path))
    assert "Tổng số cuộc gọi: 0" in text and "Không có cuộc gọi nào được đánh dấu." in text


def test_sheets_never_cut_a_row_and_repeat_the_header():
    """Cutting the long page: rows stay whole, a heading goes with its table, the header opens each further sheet."""
    from hotline.reports.handover import _Piece, _sheets

    header = (230.0, 260.0)
    row_tops = [260 + 45 * n for n in range(13)]  # twelve rows of 45, up to 800
    pieces = [_Piece(0, 200), _Piece(200, 220, keep_with_next=True), _Piece(*header, keep_with_next=True)]
    pieces += [_Piece(top, top + 45, header=header) for top in row_tops[:-1]]
    pieces += [_Piece(810, 830), _Piece(830, 1500)]  # a line, then something taller than a sheet
    sheets = _sheets(pieces, 300.0)
    for stretches in sheets:
        assert sum(y1 - y0 for y0, y1 in stretches) <= 300.0
    assert sheets[0] == [(0, 200)]  # the heading did not stay behind without its table
    assert sheets[1][0] == (200, 485)  # heading, header and rows, without a repeated header
    assert all(sheet[0] == header for sheet in sheets[2:4])  # the table continued: its header comes first
    body = [stretch for sheet in sheets for stretch in sheet if stretch != header]
    assert body[0][0] == 0 and body[-1][1] == 1500
    assert all(a[1] == b[0] for a, b in itertools.pairwise(body))  # nothing left out, nothing twice
    cuts = [y1 for _, y1 in body[:-1]]
    assert all(cut in (200, 810, 830, *row_tops) or cut > 830 for cut in cuts)  # only the tall piece is cut


def test_flagged_rows_say_what_is_known_of_the_child():
    """A child's sex and age print in words; the unknown is left out; nothing known at all is 'Không rõ'."""
    rows = [
        row(1, child_sex="female", child_age="9"),
        row(2, child_sex="unknown", child_age="6-10"),
        row(3, child_sex="male", child_age="unknown"),
        row(4, child_sex="unknown", child_age="unknown"),
        row(5, child_sex="", child_age=""),
    ]
    text = handover_html(Handover(CENTRE, PERIOD, ShiftSummary(), rows, [], ""))
    cells = re.findall(r'<td><p style="font-size: 8.5pt;">([^<]*)</p></td>', text)
    children = cells[5::9]  # the sixth of nine columns
    assert children == ["Nữ, 9 tuổi", "6–10 tuổi", "Nam", "Không rõ", ""]
