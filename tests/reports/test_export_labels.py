"""Exports of the daily log in Vietnamese words: XLSX with real numbers and dates, CSV with a BOM."""

from __future__ import annotations

import csv
import json
import xml.etree.ElementTree as ET
from datetime import UTC, datetime, timedelta
from pathlib import Path

import openpyxl
import pytest

from hotline.core import words
from hotline.core.daily_log import LogFilter
from hotline.core.models import Call, Child
from hotline.reports import export
from hotline.store import calls, daily_log, users
from hotline.store.access import COMMAND_LINE
from hotline.store.db import open_database
from hotline.vocabulary import word

ROOT = Path(__file__).resolve().parents[2]
T0 = datetime(2026, 6, 1, 2, 0, tzinfo=UTC)  # 09:00 in Vietnam
PERIOD = LogFilter(T0 - timedelta(hours=1), T0 + timedelta(days=1))


def vi_taxonomy() -> dict[str, str]:
    """Category code → Vietnamese label, read from the resource file itself."""
    data = json.loads((ROOT / "resources" / "taxonomy.json").read_text(encoding="utf-8"))
    return {c["code"]: c["label_vi"] for g in data["groups"] for c in g["categories"]}


def catalogue() -> dict[tuple[str, str], str]:
    """(context, English source) → Vietnamese: resources/i18n, then the translations waiting to be merged there
    (tools/i18n_pending)."""
    found = {}
    for context in ET.parse(ROOT / "resources" / "i18n" / "hotline_vi.ts").getroot().iter("context"):
        name = context.findtext("name")
        found |= {(name, m.findtext("source")): m.findtext("translation") for m in context.iter("message")}
    for pending in sorted((ROOT / "tools" / "i18n_pending").glob("*.json")):
        for name, messages in json.loads(pending.read_text(encoding="utf-8")).items():
            found |= {(name, source): text for source, text in messages.items()}
    return found


@pytest.mark.parametrize("table", [words.OUTCOMES, words.CHANNELS, words.SEXES, words.CHILD_AGE_BANDS,
                                   words.RELATIONS, words.RISKS, words.CASE_NEEDS, words.YES_NO])  # fmt: skip
def test_every_exported_code_has_a_vietnamese_word(table):
    """Every code an export words has a Vietnamese translation in the screens' catalogue (never the English)."""
    translations = catalogue()
    for code, source in table.items():
        assert translations.get((table.context, source)), (code, source)


@pytest.fixture
def export_db(tmp_path):
    """Four calls of a morning: a flagged abuse report, a cleared flag, counselling, a silent call."""
    db = open_database(tmp_path / "export.sqlite3")
    operator = users.add_user(db, "operator1", "Lê Thị Hồng", ["operator"], "test-password-1", by=COMMAND_LINE).id
    lead = users.add_user(db, "lead1", "Trần Văn Ca", ["shift_lead"], "test-password-1", by=COMMAND_LINE).id
    base = {"line": "111", "operator_id": operator}
    saved = [
        calls.save_call(db, Call(
            started_at=T0, duration_s=754, categories=["abuse.sexual", "abuse.violence"], risk="high",
            caller_relation="neighbour", caller_name="Nguyễn Văn Đào", phone_raw="0912 345 678",
            summary="Trẻ bị xâm hại", case_need="required", flagged=True, flag_source="rule",
            service_level="intervention",
            children=[Child(name="Bé Na", sex="female", age=9, age_band="6-10", province_code=91, ward_code=30307)],
            **base,
        )),
        calls.save_call(db, Call(
            started_at=T0 + timedelta(minutes=20), duration_s=300, categories=["abuse.neglect"], risk="medium",
            caller_relation="self", summary="=HYPERLINK(\"x\")", case_need="required", flagged=False,
            flag_override_reason="Đã xác minh", children=[Child(sex="male", age_band="11-15")], line="18008077",
            operator_id=operator, channel="zalo", service_level="intervention",
        )),
        calls.save_call(db, Call(
            started_at=T0 + timedelta(minutes=40), duration_s=610, categories=["counselling.mental_health"],
            case_need="not_needed", summary="Tư vấn tâm lý", risk="none", service_level="counselling", **base,
        )),
        calls.save_call(db, Call(started_at=T0 + timedelta(minutes=50), duration_s=7, outcome="silent", **base)),
    ]  # fmt: skip
    yield db, saved, lead  # the shift lead exports (EXPORT_PERSONAL)
    db.close()


def test_xlsx_reads_back_with_words_numbers_and_dates(export_db, tmp_path):
    """The labelled XLSX holds Vietnamese headers and words, real local datetimes and whole numbers."""
    db, saved, lead = export_db
    out = tmp_path / "log.xlsx"
    assert export.write_xlsx_labelled(daily_log.export_rows(db, PERIOD, viewer_id=lead), out) == 4
    book = openpyxl.load_workbook(out, read_only=True)
    rows = list(book.worksheets[0].iter_rows(values_only=True))
    book.close()
    header, body = list(rows[0]), [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]
    assert header == [title for _, title in export.LOG_COLUMNS]
    assert [row["Mã cuộc gọi"] for row in body] == [call.id for call in saved]
    taxonomy = vi_taxonomy()
    abuse, cleared, counselling, silent = body
    for row, call in zip(body, saved, strict=True):
        started = row["Thời gian bắt đầu"]
        assert isinstance(started, datetime) and started.tzinfo is None
        assert abs(started - (call.started_at + timedelta(hours=7)).replace(tzinfo=None)) < timedelta(seconds=1)
        assert isinstance(row["Thời lượng (giây)"], int) and row["Thời lượng (giây)"] == call.duration_s
        assert isinstance(row["Mã cuộc gọi"], int) and isinstance(row["Số trẻ"], int)
    assert started.hour == 9 and started.minute == 50  # 02:50 UTC is 09:50 in Vietnam
    assert abuse["Kết quả"] == "Cuộc gọi có nội dung" and silent["Kết quả"] == "Im lặng"
    assert abuse["Loại vấn đề"] == f"{taxonomy['abuse.sexual']}; {taxonomy['abuse.violence']}"
    assert abuse["Mức độ nguy cơ"] == "Cao" and abuse["Quan hệ người gọi"] == "Hàng xóm"
    # the one vocabulary's words (their Vietnamese: tools/i18n_pending until merged into resources/i18n)
    assert abuse["Cần hồ sơ"] == word(words.CASE_NEEDS, "required", "vi")
    assert counselling["Cần hồ sơ"] == word(words.CASE_NEEDS, "not_needed", "vi")
    assert "not_needed" not in counselling.values() and "required" not in abuse.values()
    assert (abuse["Đã đánh dấu"], cleared["Đã đánh dấu"]) == ("có", "không")
    assert (abuse["Đánh dấu của quy tắc đã bị bỏ"], cleared["Đánh dấu của quy tắc đã bị bỏ"]) == ("không", "có")
    assert abuse["Tuổi trẻ"] == 9 and cleared["Tuổi trẻ"] == "11–15 tuổi" and silent["Tuổi trẻ"] is None
    assert (abuse["Giới tính trẻ"], cleared["Giới tính trẻ"]) == ("Nữ", "Nam")
    assert abuse["Xã/phường"] == "Phường Long Xuyên"
    assert cleared["Kênh"] == "Zalo" and abuse["Kênh"] == "Điện thoại" and cleared["Đường dây"] == "18008077"
    assert cleared["Tóm tắt"] == '=HYPERLINK("x")'  # kept as text, never a formula
    assert abuse["Tên người gọi"] == "Nguyễn Văn Đào" and abuse["Số điện thoại (như đã nhập)"] == "0912 345 678"


def test_csv_has_a_bom_and_words(export_db, tmp_path):
    """The labelled CSV starts with the UTF-8 BOM, holds the same rows in words, and defuses formulas."""
    db, saved, lead = export_db
    out = tmp_path / "log.csv"
    f = LogFilter(PERIOD.start, PERIOD.end, sort="duration_s", descending=True)
    assert export.write_csv_labelled(daily_log.export_rows(db, f, viewer_id=lead), out) == 4
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")
    with open(out, encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == [title for _, title in export.LOG_COLUMNS]
    body = [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]
    assert [int(row["Mã cuộc gọi"]) for row in body] == [c.id for c in sorted(saved, key=lambda c: -c.duration_s)]
    first = body[0]
    assert first["Thời gian bắt đầu"] == "01/06/2026 09:00:00"
    assert first["Kết quả"] == "Cuộc gọi có nội dung" and first["Đã đánh dấu"] == "có" and first["Tuổi trẻ"] == "9"
    assert any(row["Tóm tắt"] == '\'=HYPERLINK("x")' for row in body)


def test_plain_writers_keep_their_codes(export_db, tmp_path):
    """The writers the command line uses still write the stored codes and the old columns by default."""
    db, _, lead = export_db
    out = tmp_path / "calls.csv"
    assert export.write_csv(calls.export_rows(db, PERIOD.start, PERIOD.end, viewer_id=lead), out) == 4
    with open(out, encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert list(rows[0]) == [title for _, title in export.COLUMNS]
    assert [row["Kết quả"] for row in rows] == ["substantive", "substantive", "substantive", "silent"]
    assert rows[0]["Đã đánh dấu"] == "có"


def test_in_words_leaves_unknown_codes_and_numbers(export_db):
    """A code the tables do not know stays as it is; numbers and times are not touched."""
    row = {"outcome": "retired_code", "risk": "high", "duration_s": 5, "categories": "abuse.sexual gone.code"}
    worded = export.in_words(row)
    assert worded["outcome"] == "retired_code" and worded["risk"] == "Cao" and worded["duration_s"] == 5
    assert worded["categories"] == f"{vi_taxonomy()['abuse.sexual']}; gone.code"
    assert row["risk"] == "high"  # the row given is not changed


def test_control_characters_pasted_into_a_summary_do_not_break_the_xlsx(tmp_path):
    """A vertical tab or other control character in a text becomes a space; the workbook is written and read."""
    from datetime import UTC, datetime

    from openpyxl import load_workbook

    from hotline.reports.export import write_xlsx

    row = {
        "id": 1, "started_at": datetime(2026, 11, 20, 12, tzinfo=UTC), "line": "111", "channel": "phone",
        "operator": "tongdai1", "outcome": "substantive", "duration_s": 60, "phone_raw": "", "phone_e164": None,
        "caller_relation": "unknown", "caller_name": "An\x0bNa", "risk": "low", "case_need": "not_needed",
        "flagged": False, "categories": "", "children": 0, "summary": "dòng 1\x0cdòng 2\x00", "action_taken": "",
    }  # fmt: skip
    path = tmp_path / "x.xlsx"
    assert write_xlsx([row], path) == 1
    values = list(load_workbook(path).active.iter_rows(values_only=True))[1]
    assert "An Na" in values and "dòng 1 dòng 2 " in values


def test_xlsx_keeps_its_header_in_view_with_a_filter_and_fitted_columns(export_db, tmp_path):
    """The XLSX's header row is frozen and carries a filter over every row; columns fit their words (capped)."""
    db, _, lead = export_db
    out = tmp_path / "log.xlsx"
    long_summary = "Trẻ kể lại nhiều lần " * 20
    rows = [dict(row, summary=long_summary) for row in daily_log.export_rows(db, PERIOD, viewer_id=lead)]
    assert export.write_xlsx_labelled(rows, out) == 4
    sheet = openpyxl.load_workbook(out).active
    assert sheet.freeze_panes == "A2"
    last = openpyxl.utils.get_column_letter(len(export.LOG_COLUMNS))
    assert sheet.auto_filter.ref == f"A1:{last}5"
    widths = {title: sheet.column_dimensions[openpyxl.utils.get_column_letter(n)].width
              for n, (_, title) in enumerate(export.LOG_COLUMNS, start=1)}  # fmt: skip
    assert widths["Tóm tắt"] == 60  # capped: a long summary does not push the other columns off the screen
    assert widths["Thời gian bắt đầu"] >= len("01/06/2026 09:00:00")
    assert widths["Tên người gọi"] >= len("Nguyễn Văn Đào") and widths["Số trẻ"] < 20
    assert all(width >= 8 for width in widths.values())


def test_csv_guard_defuses_formulas_but_not_phone_numbers(tmp_path):
    """A text a spreadsheet would run gets an apostrophe; an E.164 number (+84…) or a negative number does not."""
    assert export._safe_text("+84912345678") == "+84912345678" and export._safe_text("-5") == "-5"
    assert export._safe_text("+cmd|' /C calc'!A0") == "'+cmd|' /C calc'!A0"
    assert export._safe_text("=1+2") == "'=1+2" and export._safe_text("-1+2") == "'-1+2"
