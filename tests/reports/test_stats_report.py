"""The statistics report's files read back: XLSX cells, CSV rows and the PDF's text equal the report's figures."""

from __future__ import annotations

import contextlib
import csv
import os
import sys
import tempfile
from datetime import UTC, date, datetime
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import QSize
from PySide6.QtPdf import QPdfDocument
from stats_sample import CENTRE, LINE_NAMES, empty_report, sample_report, with_open_reports

from hotline.core.report_data import AGE_BANDS, ReportData, vn_int
from hotline.core.taxonomy import load_taxonomy
from hotline.core.timeutil import from_ms, local
from hotline.reports.stats_report import ReportWriteError, write_csv, write_pdf, write_xlsx
from hotline.reports.stats_words import line_label
from hotline.store.db import StoreError

TAXONOMY = load_taxonomy()
MADE = datetime(2026, 12, 2, 2, 30, tzinfo=UTC)  # 09:30 in Vietnam
SHEETS = [
    "Báo cáo",
    "Chỉ số",
    "Mức dịch vụ",
    "Theo kênh",
    "Theo đường dây",
    "Theo kết quả",
    "Nhóm vấn đề",
    "Vấn đề",
    "Chuyển gửi",
    "Trẻ bị xâm hại – hình thức",
    "Trẻ bị xâm hại – giới tính",
    "Trẻ bị xâm hại – độ tuổi",
    "Trẻ bị xâm hại – nơi xảy ra",
    "Trẻ bị xâm hại – xã phường",
    "Hình thức × nơi xảy ra",
    "Trẻ bị xâm hại – chi tiết",
    "Nạn nhân mua bán – giới tính",
    "Nạn nhân mua bán – nhóm tuổi",
    "Nạn nhân mua bán – nơi đến",
    "Nạn nhân mua bán – mục đích",
    "Nạn nhân mua bán – chuyển gửi",
    "Người được nêu – giới tính",
    "Người được nêu – độ tuổi",
    "Người được nêu – xã phường",
    "Người gọi",
    "Giờ × Thứ",
    "Theo ngày",
    "Theo tháng",
    "Trẻ bị xâm hại chưa có hồ sơ",
    "Tin báo chưa có hồ sơ",
]
WEEKDAY_KEYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


def xlsx(data: ReportData, path: Path, **kwargs):
    write_xlsx(data, path, taxonomy=TAXONOMY, line_names=LINE_NAMES, centre_name=CENTRE, generated_at=MADE, **kwargs)
    return openpyxl.load_workbook(path)


def body(sheet) -> list[tuple]:
    """The rows under the header, up to the first empty row (a note may follow it)."""
    rows = []
    for row in sheet.iter_rows(min_row=2):
        if all(cell.value is None for cell in row):
            break
        rows.append(row)
    return rows


def counts(sheet) -> dict[str, object]:
    """Label → count of a breakdown sheet (label in A, count in B), the total row left out."""
    return {row[0].value: row[1].value for row in body(sheet) if row[0].value not in ("Tổng", "Total")}


# --- XLSX ---------------------------------------------------------------------------------------------------


def test_xlsx_has_a_sheet_per_table_with_vietnamese_headers_frozen(tmp_path):
    """Every table is a sheet, its header row bold, Vietnamese and frozen; the first sheet names the report."""
    book = xlsx(sample_report(), tmp_path / "bao-cao.xlsx")
    assert book.sheetnames == SHEETS
    headers = {name: [c.value for c in book[name][1]] for name in SHEETS[1:]}
    assert headers["Chỉ số"] == ["Chỉ số", "Giá trị", "Định nghĩa"]
    assert headers["Theo đường dây"] == ["Đường dây", "Số cuộc gọi", "Tỷ lệ"]
    assert headers["Vấn đề"] == ["Vấn đề", "Nhóm vấn đề", "Số cuộc gọi", "Tỷ lệ"]
    assert headers["Giờ × Thứ"] == ["Giờ", "Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ nhật"]
    assert headers["Theo tháng"][:3] == ["Tháng", "Cuộc gọi đến", "Cuộc gọi đến (năm trước)"]
    assert headers["Tin báo chưa có hồ sơ"] == ["Thời gian", "Đường dây", "Vấn đề", "Mã cuộc gọi"]
    assert headers["Trẻ bị xâm hại chưa có hồ sơ"] == ["Thời gian", "Đường dây", "Giới tính", "Độ tuổi", "Mã cuộc gọi"]
    assert headers["Mức dịch vụ"] == ["Mức dịch vụ của 111", "Số cuộc gọi", "Tỷ lệ"]
    assert headers["Trẻ bị xâm hại – chi tiết"] == ["Hình thức", "Giới tính", "Độ tuổi", "Nơi xảy ra", "Số trẻ"]
    assert headers["Hình thức × nơi xảy ra"] == ["Hình thức", "Gia đình", "Trường học", "Cộng đồng", "Trên mạng",
                                                "Nơi làm việc", "Nơi khác", "Không ghi nhận", "Tổng"]  # fmt: skip
    assert all(len(name) <= 31 for name in SHEETS)  # Excel's limit for a sheet's name
    for name in SHEETS[1:]:
        assert book[name].freeze_panes == "A2", name
        assert book[name]["A1"].font.bold, name
        assert book[name].column_dimensions["A"].width >= 9, name
    about = {row[0].value: row[1] for row in book["Báo cáo"].iter_rows()}
    assert about["Đơn vị"].value == CENTRE
    assert about["Từ ngày"].value == datetime(2026, 11, 1) and about["Từ ngày"].number_format == "dd/mm/yyyy"
    assert about["Đến ngày"].value == datetime(2026, 11, 30)
    assert about["Lập lúc"].value == datetime(2026, 12, 2, 9, 30)
    assert about["Đường dây"].value == "Tất cả các đường dây"


def test_xlsx_indicators_are_numbers_equal_to_the_report(tmp_path):
    """Each indicator is a number equal to the data, the headline per child first; the shares are fractions shown
    as percentages."""
    data = sample_report()
    book = xlsx(data, tmp_path / "bao-cao.xlsx")
    rows = {row[0].value: row for row in body(book["Chỉ số"])}
    ind = data.indicators
    assert [row[0].value for row in body(book["Chỉ số"])][:4] == [
        "Trẻ em bị xâm hại (dưới 16 tuổi)", "Trẻ em bị xâm hại đã có hồ sơ", "Trẻ em bị xâm hại chưa có hồ sơ",
        "Tỷ lệ trẻ em bị xâm hại có hồ sơ",
    ]  # fmt: skip
    for label, expected in (
        ("Trẻ em bị xâm hại (dưới 16 tuổi)", ind.children_abused),
        ("Trẻ em bị xâm hại đã có hồ sơ", ind.children_abused_with_case),
        ("Trẻ em bị xâm hại chưa có hồ sơ", ind.children_abused_without_case),
        ("Người chưa thành niên (16–17 tuổi) bị xâm hại", ind.minors_abused),
        ("… trong đó đã có hồ sơ", ind.minors_abused_with_case),
        ("Trẻ được hỗ trợ (hồ sơ mở trong kỳ)", ind.children_supported),
        ("Cuộc gọi đến", ind.calls_received),
        ("Cuộc gọi có nội dung", ind.substantive),
        ("Cuộc gọi có ghi nhận vấn đề", ind.with_record),
        ("Cuộc gọi tư vấn", ind.counselling),
        ("Tin báo xâm hại trẻ em", ind.abuse_reports),
        ("Tin báo mua bán người", ind.trafficking_reports),
        ("Tin báo xâm hại, mua bán người", ind.reports),
        ("Tin báo đã có hồ sơ (theo cuộc gọi)", ind.reports_with_case),
        ("Tin báo chưa có hồ sơ (theo cuộc gọi)", ind.reports_without_case),
        ("Hồ sơ mở trong kỳ", ind.cases_opened),
        ("Hồ sơ đóng trong kỳ", ind.cases_closed),
        ("Hồ sơ quá hạn", ind.cases_overdue),
    ):
        cell = rows[label][1]
        assert type(cell.value) is int and cell.value == expected, label
        assert cell.number_format == "#,##0"
    share = rows["Tỷ lệ tin báo có hồ sơ (theo cuộc gọi)"][1]
    assert share.value == pytest.approx(0.875) and share.number_format == "0.0%"
    headline = rows["Tỷ lệ trẻ em bị xâm hại có hồ sơ"][1]
    assert headline.value == pytest.approx(49 / 57) and headline.number_format == "0.0%"
    assert "100 %" in rows["Tỷ lệ trẻ em bị xâm hại có hồ sơ"][2].value  # the definition names the target
    median = rows["Thời gian từ cuộc gọi đến lập hồ sơ (trung vị, giờ)"][1]
    assert median.value == pytest.approx(ind.median_hours_to_case) and median.number_format == "0.0"
    assert len(rows) == 21


def test_xlsx_breakdowns_equal_the_report(tmp_path):
    """Every breakdown sheet gives the data's count for each label, and shares as fractions."""
    data = sample_report()
    book = xlsx(data, tmp_path / "bao-cao.xlsx")
    assert counts(book["Theo đường dây"]) == {
        "Tổng đài quốc gia bảo vệ trẻ em 111": data.by_line["111"],
        "Đường dây nóng phòng, chống mua bán người (18008077)": data.by_line["18008077"],
    }
    outcomes = counts(book["Theo kết quả"])
    assert outcomes["Cuộc gọi có nội dung"] == data.by_outcome["substantive"]
    assert outcomes["Im lặng"] == data.by_outcome["silent"] and outcomes["Gọi thử"] == data.by_outcome["test"]
    assert counts(book["Nhóm vấn đề"]) == {TAXONOMY.group_label(g): n for g, n in data.by_category_group.items()}
    categories = {row[0].value: (row[1].value, row[2].value, row[3].value) for row in body(book["Vấn đề"])}
    assert categories == {
        TAXONOMY.label(code): (
            TAXONOMY.group_label(code.split(".")[0]),
            n,
            pytest.approx(n / data.indicators.with_record),
        )
        for code, n in data.by_category.items()
    }
    sexes = counts(book["Người được nêu – giới tính"])
    assert sexes == {"Nam": data.children_by_sex["male"], "Nữ": data.children_by_sex["female"],
                     "Không rõ": data.children_by_sex["unknown"]}  # fmt: skip
    ages = counts(book["Người được nêu – độ tuổi"])
    assert ages["0–5 tuổi"] == data.children_by_age_band["0-5"]
    assert list(ages.values()) == [data.children_by_age_band[b] for b in AGE_BANDS]
    communes = counts(book["Người được nêu – xã phường"])
    assert communes["Phường Long Xuyên"] == data.children_by_commune[30307]
    assert communes["Không rõ"] == data.children_by_commune[None]
    assert counts(book["Người gọi"])["Chính trẻ"] == data.by_caller_relation["self"]
    total = body(book["Theo đường dây"])[-1]
    assert (total[0].value, total[1].value, total[0].font.bold) == ("Tổng", data.indicators.calls_received, True)
    share = body(book["Theo đường dây"])[0][2]
    assert share.value == pytest.approx(data.by_line["111"] / data.indicators.calls_received)
    assert share.number_format == "0.0%"


def test_xlsx_service_levels_channels_abused_children_and_victims(tmp_path):
    """111's tiers and the channels add up to their totals; the abused children's and the victims' sheets give the
    data's counts under the screens' words; every cell of form × sex × age × setting is a row."""
    data = sample_report()
    book = xlsx(data, tmp_path / "bao-cao.xlsx")
    levels = counts(book["Mức dịch vụ"])
    assert levels == {"Hỏi đáp thông tin": data.by_service_level["information"],
                      "Tư vấn chuyên sâu": data.by_service_level["counselling"],
                      "Hỗ trợ, can thiệp": data.by_service_level["intervention"]}  # fmt: skip
    assert body(book["Mức dịch vụ"])[-1][1].value == data.indicators.substantive
    assert counts(book["Theo kênh"])["Zalo"] == data.by_channel["zalo"]
    assert body(book["Theo kênh"])[-1][1].value == data.indicators.calls_received
    assert counts(book["Chuyển gửi"])["Bộ đội Biên phòng"] == data.by_referral["border_guard"]
    abused = data.abused_children
    assert counts(book["Trẻ bị xâm hại – hình thức"])["Bạo lực"] == abused.by_form["abuse.violence"]
    assert counts(book["Trẻ bị xâm hại – nơi xảy ra"])["Gia đình"] == abused.by_setting["family"]
    assert body(book["Trẻ bị xâm hại – giới tính"])[-1][1].value == data.indicators.children_abused
    cells = [[c.value for c in row] for row in body(book["Trẻ bị xâm hại – chi tiết"])]
    assert len(cells) == len(abused.cells) and sum(row[4] for row in cells) == data.indicators.children_abused
    victims = data.trafficking_victims
    assert counts(book["Nạn nhân mua bán – nơi đến"])["Campuchia"] == victims.by_destination["cambodia"]
    assert (
        counts(book["Nạn nhân mua bán – nhóm tuổi"])["Nạn nhân là người lớn (từ 18 tuổi)"]
        == victims.by_age_group["adult"]
    )
    listed = body(book["Trẻ bị xâm hại chưa có hồ sơ"])
    assert len(listed) == data.indicators.children_abused_without_case == len(data.abused_without_case)
    assert listed[0][4].value == data.abused_without_case[0].call_id


def test_xlsx_hours_days_months_and_open_reports(tmp_path):
    """Hour × weekday is 24 × 7 numbers; days and months are real dates; the open reports give local times."""
    data = sample_report()
    book = xlsx(data, tmp_path / "bao-cao.xlsx")
    hours = body(book["Giờ × Thứ"])
    assert len(hours) == 24 and hours[20][0].value == "20:00–20:59"
    assert [[row[1 + d].value for row in hours] for d in range(7)] == [list(r) for r in data.hour_weekday]
    days = body(book["Theo ngày"])
    assert len(days) == 30
    assert {row[0].value.date(): row[1].value for row in days} == data.per_day
    assert days[0][0].number_format == "dd/mm/yyyy"
    months = body(book["Theo tháng"])
    m = data.months[0]
    assert [c.value for c in months[0]] == [datetime(2026, 11, 1), m.calls, m.calls_year_before, m.substantive,
                                            m.substantive_year_before, m.reports, m.reports_year_before]  # fmt: skip
    assert months[0][0].number_format == "mm/yyyy"
    listed = body(book["Tin báo chưa có hồ sơ"])
    assert len(listed) == len(data.without_case) == data.indicators.reports_without_case
    for row, item in zip(listed, data.without_case, strict=True):
        assert row[0].value == local(from_ms(item.started_at_ms)).replace(tzinfo=None, second=0, microsecond=0)
        assert row[0].number_format == "dd/mm/yyyy hh:mm"
        assert row[1].value == line_label(item.line, LINE_NAMES)  # the line's name, as the screen shows it
        assert row[2].value == "; ".join(TAXONOMY.label(c) for c in item.categories)
        assert row[3].value == item.call_id and row[3].number_format == "0"


def test_xlsx_keeps_formula_like_names_as_text_and_writes_english(tmp_path):
    """A line named like a formula stays text; lang="en" gives English sheets and headers."""
    data = ReportData(**{**sample_report().__dict__, "lines": ("111",)})
    book = xlsx(data, tmp_path / "report.xlsx", lang="en")
    write_xlsx(data, tmp_path / "f.xlsx", taxonomy=TAXONOMY, line_names={"111": "=HYPERLINK(1)"}, centre_name=CENTRE)
    cell = openpyxl.load_workbook(tmp_path / "f.xlsx")["Theo đường dây"]["A2"]
    assert cell.value == "=HYPERLINK(1) (111)" and cell.data_type == "s"
    assert book.sheetnames[:5] == ["Report", "Indicators", "Service levels", "By channel", "By line"]
    assert [c.value for c in book["Indicators"][1]] == ["Indicator", "Value", "Definition"]
    assert book["Indicators"]["A2"].value == "Abused children (under 16)"
    assert all(len(name) <= 31 for name in book.sheetnames)


def test_xlsx_of_an_empty_report(tmp_path):
    """No calls: zero counts, an empty share cell (nothing to divide), no open reports listed."""
    book = xlsx(empty_report(), tmp_path / "trong.xlsx")
    rows = {row[0].value: row[1].value for row in body(book["Chỉ số"])}
    assert rows["Cuộc gọi đến"] == 0 and rows["Tỷ lệ tin báo có hồ sơ (theo cuộc gọi)"] is None
    assert rows["Tỷ lệ trẻ em bị xâm hại có hồ sơ"] is None and rows["Trẻ em bị xâm hại (dưới 16 tuổi)"] == 0
    assert body(book["Tin báo chưa có hồ sơ"]) == [] and len(body(book["Theo ngày"])) == 30
    assert body(book["Trẻ bị xâm hại chưa có hồ sơ"]) == []
    assert counts(book["Mức dịch vụ"]) == {
        "Hỏi đáp thông tin": 0,
        "Tư vấn chuyên sâu": 0,
        "Hỗ trợ, can thiệp": 0,
    }
    assert counts(book["Trẻ bị xâm hại – hình thức"])["Bạo lực"] == 0  # the forms from the list, zeros included


# --- CSV ----------------------------------------------------------------------------------------------------


def read_csv(path: Path) -> dict[tuple[str, str], tuple[str, str]]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # the BOM Excel needs to read UTF-8
    with open(path, encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == ["section", "key", "label", "value"]
    out = {}
    for section, key, label, value in rows[1:]:
        assert (section, key) not in out, (section, key)
        out[section, key] = (label, value)
    return out


def test_csv_long_form_holds_every_value(tmp_path):
    """Every indicator, breakdown, hour, day, month and open report is a row with its plain value."""
    data = sample_report()
    path = tmp_path / "bao-cao.csv"
    write_csv(data, path, taxonomy=TAXONOMY, line_names=LINE_NAMES)
    rows = read_csv(path)
    ind = data.indicators
    assert rows["report", "first_day"][1] == "2026-11-01" and rows["report", "last_day"][1] == "2026-11-30"
    assert rows["indicators", "calls_received"] == ("Cuộc gọi đến", str(ind.calls_received))
    assert rows["indicators", "calls_received"][1] == "3105"  # plain: no thousands separator
    assert rows["indicators", "share_with_case"] == ("Tỷ lệ tin báo có hồ sơ (theo cuộc gọi)", "0.875")
    assert rows["indicators", "share_children_with_case"] == (
        "Tỷ lệ trẻ em bị xâm hại có hồ sơ",
        repr(round(49 / 57, 4)),
    )
    assert rows["indicators", "children_abused"][1] == str(ind.children_abused)
    assert rows["indicators", "median_hours_to_case"][1] == "6.4166"
    assert rows["indicators", "reports_without_case"][1] == str(ind.reports_without_case)
    for field in ("substantive", "with_record", "counselling", "abuse_reports", "trafficking_reports", "reports",
                  "reports_with_case", "cases_opened", "cases_closed", "cases_overdue"):  # fmt: skip
        assert rows["indicators", field][1] == str(getattr(ind, field)), field
    for section, values in (
        ("by_line", data.by_line),
        ("by_outcome", data.by_outcome),
        ("by_category_group", data.by_category_group),
        ("by_category", data.by_category),
        ("children_by_sex", data.children_by_sex),
        ("children_by_age_band", data.children_by_age_band),
        ("by_caller_relation", data.by_caller_relation),
        ("by_service_level", data.by_service_level),
        ("by_channel", data.by_channel),
        ("by_referral", data.by_referral),
        ("abused_by_form", data.abused_children.by_form),
        ("abused_by_sex", data.abused_children.by_sex),
        ("abused_by_age_band", data.abused_children.by_age_band),
        ("abused_by_setting", data.abused_children.by_setting),
        ("victims_by_sex", data.trafficking_victims.by_sex),
        ("victims_by_age_group", data.trafficking_victims.by_age_group),
        ("victims_by_destination", data.trafficking_victims.by_destination),
        ("victims_by_purpose", data.trafficking_victims.by_purpose),
        ("victims_by_referral", data.trafficking_victims.by_referral),
    ):
        for key, n in values.items():
            assert rows[section, key][1] == str(n), (section, key)
    for cell in data.abused_children.cells:
        key = f"{cell.form}|{cell.sex}|{cell.age_band}|{cell.setting}"
        assert rows["abused_cells", key][1] == str(cell.children), key
    for item in data.abused_without_case:
        assert rows["abused_without_case.age_band", f"{item.call_id}-{item.child_id}"][1].endswith(("tuổi", "Không rõ"))
    assert rows["by_category", "abuse.violence"] == ("Bạo lực", "41")
    assert rows["children_by_commune", "30307"] == ("Phường Long Xuyên", str(data.children_by_commune[30307]))
    assert rows["children_by_commune", ""] == ("Không rõ", str(data.children_by_commune[None]))
    assert rows["by_line", "total"][1] == str(ind.calls_received)
    for weekday, key in enumerate(WEEKDAY_KEYS):
        for hour in range(24):
            assert rows[f"hour_weekday.{key}", f"{hour:02d}"][1] == str(data.hour_weekday[weekday][hour])
    for day, n in data.per_day.items():
        assert rows["per_day", day.isoformat()] == (f"{day:%d/%m/%Y}", str(n))
    m = data.months[0]
    assert rows["months.calls", "2026-11"] == ("11/2026", str(m.calls))
    assert rows["months.reports_year_before", "2026-11"][1] == str(m.reports_year_before)
    for item in data.without_case:
        label, line = rows["without_case.line", str(item.call_id)]
        assert label == f"{local(from_ms(item.started_at_ms)):%d/%m/%Y %H:%M}"
        assert line == line_label(item.line, LINE_NAMES)
        categories = rows["without_case.categories", str(item.call_id)][1]
        assert categories == "; ".join(TAXONOMY.label(c) for c in item.categories)
    # report 3, indicators 21, tiers 3 + total, channels 4 + total, lines, outcomes, groups, categories, referrals;
    # abused children: forms, sexes, bands, settings, communes (each + total but forms), forms × 8 columns, cells;
    # victims: sexes, groups, destinations (+ totals), purposes, referrals; people named; callers; hours; days;
    # months; 3 columns per abused child and 2 per report without a case file
    abused, victims = data.abused_children, data.trafficking_victims
    expected = (
        3 + 21 + 4 + 5 + 3 + 8 + len(TAXONOMY.groups) + len(data.by_category) + 8
        + len(abused.by_form) + 4 + 5 + 8 + len(abused.by_commune) + 1 + 8 * len(abused.by_form) + len(abused.cells)
        + 4 + 5 + 8 + len(victims.by_purpose) + 9
        + 4 + 7 + 8 + 11 + 24 * 7 + 30 + 6 + 3 * len(data.abused_without_case) + 2 * 14
    )  # fmt: skip
    assert len(rows) == expected


def test_csv_neutralises_formulas_and_handles_the_empty_report(tmp_path):
    """A formula-like name gets an apostrophe; an empty report writes zeros and an empty share."""
    path = tmp_path / "trong.csv"
    write_csv(empty_report(), path, taxonomy=TAXONOMY, line_names={"111": "=cmd()"})
    rows = read_csv(path)
    assert rows["by_line", "111"] == ("'=cmd() (111)", "0")
    assert rows["indicators", "calls_received"][1] == "0" and rows["indicators", "share_with_case"][1] == ""
    assert rows["indicators", "median_hours_to_case"][1] == ""
    assert not any(section.startswith("without_case") for section, _ in rows)


# --- PDF ---------------------------------------------------------------------------------------------------
#
# The month's PDF is made once for the module: a report takes a second.


def write_and_load(data: ReportData, path: Path, lang: str = "vi") -> QPdfDocument:
    write_pdf(data, path, taxonomy=TAXONOMY, line_names=LINE_NAMES, centre_name=CENTRE, lang=lang, generated_at=MADE)
    document = QPdfDocument()
    document.load(str(path))
    assert document.status() == QPdfDocument.Status.Ready
    return document


def text_of(document: QPdfDocument) -> str:
    pages = (document.getAllText(page).text() for page in range(document.pageCount()))
    return " ".join(" ".join(pages).split())


@pytest.fixture(scope="module")
def month_pdf(qapp, tmp_path_factory) -> QPdfDocument:
    """The sample month's report as the province gets it."""
    return write_and_load(sample_report(), tmp_path_factory.mktemp("pdf") / "bao-cao.pdf")


def test_pdf_names_the_centre_period_indicators_and_categories(month_pdf):
    """A4 pages whose text holds the heading, every indicator in Vietnamese numbers, the target and the tables."""
    data = sample_report()
    pages = month_pdf.pageCount()
    assert pages >= 3
    for page in range(pages):
        size = month_pdf.pagePointSize(page)
        assert (size.width(), size.height()) == pytest.approx((595, 842), abs=2)
    text = text_of(month_pdf)
    ind = data.indicators
    for expected in (
        "TRUNG TÂM CÔNG TÁC XÃ HỘI TỈNH AN GIANG",
        "BÁO CÁO THỐNG KÊ TỔNG ĐÀI",
        "Kỳ báo cáo: 01/11/2026 – 30/11/2026",
        "Đường dây: Tất cả các đường dây",
        "Lập lúc 09:30 02/12/2026",
        "Tỷ lệ trẻ em bị xâm hại có hồ sơ: 86,0 % (49/57)",
        "Chỉ tiêu của tỉnh: 100 % trẻ em bị xâm hại (dưới 16 tuổi) được lập hồ sơ",
        "CHƯA ĐẠT CHỈ TIÊU – còn 8 trẻ em bị xâm hại chưa có hồ sơ (mục 6.1).",
        "Theo cuộc gọi (chỉ số phụ): 87,5 % tin báo xâm hại, mua bán người có hồ sơ (98/112).",
        "Trẻ em bị xâm hại (dưới 16 tuổi) 57",
        "Tỷ lệ trẻ em bị xâm hại có hồ sơ 86,0 %",
        "Cuộc gọi đến 3.105",
        f"Cuộc gọi có nội dung {vn_int(ind.substantive)}",
        f"Cuộc gọi có ghi nhận vấn đề {vn_int(ind.with_record)}",
        f"Cuộc gọi tư vấn {ind.counselling}",
        f"Tin báo xâm hại trẻ em {ind.abuse_reports}",
        f"Tin báo mua bán người {ind.trafficking_reports}",
        f"Tin báo xâm hại, mua bán người {ind.reports}",
        f"Tin báo đã có hồ sơ (theo cuộc gọi) {ind.reports_with_case}",
        f"Tin báo chưa có hồ sơ (theo cuộc gọi) {ind.reports_without_case}",
        "Tỷ lệ tin báo có hồ sơ (theo cuộc gọi) 87,5 %",
        f"Hồ sơ mở trong kỳ {ind.cases_opened}",
        f"Hồ sơ đóng trong kỳ {ind.cases_closed}",
        f"Hồ sơ quá hạn {ind.cases_overdue}",
        "Thời gian từ cuộc gọi đến lập hồ sơ (trung vị, giờ) 6,4",
        "Tổng đài quốc gia bảo vệ trẻ em 111 2.650 85,3 %",
        "Tổng 3.105 100,0 %",
        "Phường Long Xuyên",
        "20:00–20:59",
        "Hỏi đáp thông tin 373",
        "Bộ đội Biên phòng",
        "4. Trẻ em bị xâm hại (57)",
        "5. Nạn nhân mua bán người (31)",
        "6.1. Trẻ em bị xâm hại chưa có hồ sơ (8)",
        f"6.2. Tin báo chưa có hồ sơ ({ind.reports_without_case})",
        "7. Định nghĩa: cách tính từng số liệu",
        "Trẻ em bị xâm hại (dưới 16 tuổi): Trẻ em dưới 16 tuổi (hoặc chưa rõ tuổi)",
        "Theo mức dịch vụ: Mỗi cuộc gọi có nội dung có đúng một mức dịch vụ",
        f"Trang 1/{pages}",
        f"Trang {pages}/{pages}",
        "Báo cáo thống kê tổng đài · 01/11/2026 – 30/11/2026 · lập lúc 09:30 02/12/2026",
    ):
        assert expected in text, expected
    for code in data.by_category:
        assert TAXONOMY.label(code) in text, code
    for group in TAXONOMY.groups:
        assert group.label_vi in text, group.code
    for item in data.without_case:  # each open report once: its time, line and call number on one row
        when = f"{local(from_ms(item.started_at_ms)):%d/%m/%Y %H:%M}"
        assert text.count(f"{when} {line_label(item.line, LINE_NAMES)} ") == 1, item.call_id
        assert text.count(f" {item.call_id}") == 1, item.call_id
    assert text.count("3.13. Giờ × Thứ") == 1


def test_pdf_charts_are_pictures_on_the_page(month_pdf, tmp_path):
    """The first page renders with ink on it, and the charts' titles are not text (they are pictures)."""
    image = month_pdf.render(0, QSize(1240, 1754))
    assert not image.isNull() and image.width() == 1240
    inked = sum(1 for x in range(0, 1240, 20) for y in range(0, 1754, 20) if image.pixelColor(x, y).lightness() < 128)
    assert inked > 50
    assert "Cuộc gọi đến theo ngày" not in text_of(month_pdf)
    out = os.environ.get("HOTLINE_STATS_PDF_PICTURE")  # set to keep the picture (e.g. for the README)
    if out:
        image.save(out)


def test_pdf_of_an_empty_report(qapp, tmp_path):
    """No calls: zeros, no share (—), a line saying there were no calls instead of three empty charts."""
    text = text_of(write_and_load(empty_report(), tmp_path / "trong.pdf"))
    for expected in (
        "Cuộc gọi đến 0",
        "Tỷ lệ trẻ em bị xâm hại có hồ sơ —",
        "Không có trẻ em bị xâm hại được báo trong kỳ.",
        "2. Biểu đồ Không có cuộc gọi nào trong kỳ.",
        "Đường dây: Tổng đài quốc gia bảo vệ trẻ em 111",
        "6.1. Trẻ em bị xâm hại chưa có hồ sơ (0) Không có.",
        "6.2. Tin báo chưa có hồ sơ (0) Không có.",
    ):
        assert expected in text, expected


def test_pdf_in_english_with_the_target_met(qapp, tmp_path):
    """lang="en" writes English words and numbers; every abused child with a case file meets the target."""
    data = sample_report()
    done = {"reports_with_case": 112, "children_abused_with_case": data.indicators.children_abused}
    indicators = type(data.indicators)(**{**data.indicators.__dict__, **done})
    full = ReportData(**{**data.__dict__, "indicators": indicators, "without_case": (), "abused_without_case": ()})
    text = text_of(write_and_load(full, tmp_path / "report.pdf", lang="en"))
    for expected in (
        "HOTLINE STATISTICS REPORT",
        "Period: 01/11/2026 – 30/11/2026",
        "Calls received 3,105",
        "Share of abused children with a case file: 100.0 % (57/57)",
        "Per call (a secondary figure): 100.0 % of abuse and trafficking reports have a case file (112/112).",
        "4. Abused children (57)",
        "7. Definitions: how each figure is counted",
        "TARGET MET",
        "Page 1/",
    ):
        assert expected in text, expected
    assert "NOT MET" not in text


# --- errors -------------------------------------------------------------------------------------------------


def write_each(path: Path):
    yield lambda: write_xlsx(sample_report(), path.with_suffix(".xlsx"), taxonomy=TAXONOMY, line_names=LINE_NAMES,
                             centre_name=CENTRE)  # fmt: skip
    yield lambda: write_csv(sample_report(), path.with_suffix(".csv"), taxonomy=TAXONOMY, line_names=LINE_NAMES)
    yield lambda: write_pdf(sample_report(), path.with_suffix(".pdf"), taxonomy=TAXONOMY, line_names=LINE_NAMES,
                            centre_name=CENTRE)  # fmt: skip


def test_missing_folder_gives_a_clear_error(qapp, tmp_path):
    """Writing into a folder that does not exist raises a StoreError saying so."""
    for write in write_each(tmp_path / "khong-co" / "bao-cao"):
        with pytest.raises(StoreError) as caught:
            write()
        message = str(caught.value)
        assert isinstance(caught.value, ReportWriteError)
        assert caught.value.code == "report.no_folder"
        assert message.startswith("Cannot write the file") and message.endswith("the folder does not exist")
    assert not (tmp_path / "khong-co").exists()


@contextlib.contextmanager
def without_root():
    """Root writes anywhere: as root, act as the user "nobody" for a while, as a person at the centre would be.
    (What the writers import on first use is imported before: nobody may not read root's Python.)"""
    if not hasattr(os, "geteuid") or os.geteuid() != 0:
        yield
        return
    import openpyxl.workbook  # noqa: F401

    import hotline.reports.stats_pdf  # noqa: F401

    os.seteuid(65534)
    try:
        yield
    finally:
        os.seteuid(0)


@pytest.mark.skipif(sys.platform == "win32", reason="folder permissions are POSIX modes here")
def test_read_only_folder_gives_a_clear_error(qapp):
    """Writing into a folder without write permission says so and leaves nothing behind."""
    folder = Path(tempfile.mkdtemp(prefix="hotline-chi-doc-"))  # under /tmp: "nobody" may look in, not write
    folder.chmod(0o555)
    try:
        for write in write_each(folder / "bao-cao"):
            with without_root(), pytest.raises(ReportWriteError) as caught:
                write()
            assert caught.value.code == "report.no_permission"
            assert str(caught.value).startswith("Cannot write the file")
        assert list(folder.iterdir()) == []
    finally:
        folder.chmod(0o700)
        folder.rmdir()


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs Linux's /dev/full")
def test_full_disk_gives_a_clear_error(qapp):
    """A disk that is full (Linux's /dev/full) gives the disk-full message, not a traceback."""
    for write in (
        lambda: write_csv(sample_report(), Path("/dev/full"), taxonomy=TAXONOMY, line_names=LINE_NAMES),
        lambda: write_xlsx(sample_report(), Path("/dev/full"), taxonomy=TAXONOMY, line_names=LINE_NAMES,
                           centre_name=CENTRE),
    ):  # fmt: skip
        with pytest.raises(ReportWriteError, match="the disk is full") as refused:
            write()
        assert refused.value.code == "report.disk_full"


def test_a_folder_in_the_files_place_gives_a_clear_error(qapp, tmp_path):
    """A path that names a folder is refused with a message, and the folder is left alone."""
    for write in write_each(tmp_path / "bao-cao"):
        for suffix in (".xlsx", ".csv", ".pdf"):
            (tmp_path / f"bao-cao{suffix}").mkdir(exist_ok=True)
        with pytest.raises(ReportWriteError, match=r"Cannot write the file .*: that is a folder") as refused:
            write()
        assert refused.value.code == "report.is_folder"
    assert all((tmp_path / f"bao-cao{suffix}").is_dir() for suffix in (".xlsx", ".csv", ".pdf"))


def test_sample_reports_agree_with_themselves():
    """The hand-made report is consistent: days, hours and outcomes add up to the calls received."""
    data = sample_report()
    assert sum(data.per_day.values()) == data.indicators.calls_received
    assert sum(map(sum, data.hour_weekday)) == data.indicators.calls_received
    assert sum(data.by_outcome.values()) == data.indicators.calls_received
    assert data.indicators.reports_without_case == len(data.without_case)
    assert date(2026, 11, 30) in data.per_day


# --- a period not over yet, and more reports without a case file than the store lists -------------------------

DECEMBER_10 = datetime(2026, 12, 10, 1, 0, tzinfo=UTC)  # 08:00 on 10/12 in Vietnam


def test_xlsx_and_csv_say_how_many_of_the_open_reports_they_list_and_that_the_period_is_not_over(tmp_path):
    """500 of 623 listed: the sheet and the CSV say so in Vietnamese; a December report made on 10/12 says on its
    cover that the period is not over and up to when; the line is named as on the screen."""
    data = with_open_reports(sample_report(date(2026, 12, 1), date(2026, 12, 31)), 500, 623)
    path = tmp_path / "thang-12.xlsx"
    write_xlsx(data, path, taxonomy=TAXONOMY, line_names=LINE_NAMES, centre_name=CENTRE, generated_at=DECEMBER_10)
    book = openpyxl.load_workbook(path)
    cover = {row[0].value: row[1].value for row in book["Báo cáo"].iter_rows()}
    assert cover["Ghi chú"] == "Kỳ báo cáo chưa kết thúc (số liệu đến ngày 10/12/2026)."
    sheet = book["Tin báo chưa có hồ sơ"]
    listed = body(sheet)
    assert len(listed) == 500 and listed[1][1].value == f"{LINE_NAMES['18008077']} (18008077)"
    notes = [row[0].value for row in sheet.iter_rows(min_row=len(listed) + 2) if row[0].value]
    assert notes == ["Liệt kê 500 trên 623 tin báo chưa có hồ sơ (cũ nhất trước)."]
    finished = tmp_path / "thang-11.xlsx"
    write_xlsx(sample_report(), finished, taxonomy=TAXONOMY, line_names=LINE_NAMES, centre_name=CENTRE,
               generated_at=DECEMBER_10)  # fmt: skip
    assert "Ghi chú" not in {row[0].value for row in openpyxl.load_workbook(finished)["Báo cáo"].iter_rows()}
    write_csv(data, tmp_path / "thang-12.csv", taxonomy=TAXONOMY, line_names=LINE_NAMES)
    rows = read_csv(tmp_path / "thang-12.csv")
    assert rows["without_case.listed", "listed"] == (
        "Liệt kê 500 trên 623 tin báo chưa có hồ sơ (cũ nhất trước).",
        "500",
    )
    assert rows["indicators", "reports_without_case"][1] == "623"
    assert not any(section == "without_case.listed" for section, _ in read_csv_of(sample_report(), tmp_path))


def read_csv_of(data: ReportData, folder: Path) -> dict:
    write_csv(data, folder / "whole.csv", taxonomy=TAXONOMY, line_names=LINE_NAMES)
    return read_csv(folder / "whole.csv")


def test_pdf_counts_every_open_report_and_says_the_period_is_not_over(qapp, tmp_path):
    """The PDF's section heading gives the indicator (623), not the rows listed; it says it lists 100 of 623 and
    that the Excel file holds the oldest 500, points to no file for the rest; the cover says "not over"."""
    data = with_open_reports(sample_report(date(2026, 12, 1), date(2026, 12, 31)), 500, 623)
    path = tmp_path / "thang-12.pdf"
    write_pdf(data, path, taxonomy=TAXONOMY, line_names=LINE_NAMES, centre_name=CENTRE, generated_at=DECEMBER_10)
    document = QPdfDocument()
    document.load(str(path))
    text = text_of(document)
    for expected in (
        "Kỳ báo cáo: 01/12/2026 – 31/12/2026",
        "Kỳ báo cáo chưa kết thúc (số liệu đến ngày 10/12/2026).",
        "CHƯA ĐẠT CHỈ TIÊU – còn 8 trẻ em bị xâm hại chưa có hồ sơ",
        "Chỉ tiêu của tỉnh: 100 % trẻ em bị xâm hại (dưới 16 tuổi) được lập hồ sơ",
        "Theo cuộc gọi (chỉ số phụ): 13,6 % tin báo xâm hại, mua bán người có hồ sơ (98/721).",
        "6.2. Tin báo chưa có hồ sơ (623)",
        "Liệt kê 100 trên 623 tin báo chưa có hồ sơ (cũ nhất trước).",
        "Tệp Excel (và CSV) của báo cáo liệt kê 500 tin báo cũ nhất.",
    ):
        assert expected in text, expected
    assert "xem tệp Excel" not in text and "(500)" not in text
