"""Writers for exported calls: CSV (UTF-8 with BOM so Excel reads Vietnamese) and XLSX (openpyxl)."""

from __future__ import annotations

import csv
from collections.abc import Iterable
from pathlib import Path

from hotline.core.timeutil import local

#: (key, Vietnamese header) of each exported column, in order.
COLUMNS = (
    ("id", "Mã cuộc gọi"),
    ("started_at", "Thời gian bắt đầu"),
    ("line", "Đường dây"),
    ("channel", "Kênh"),
    ("operator", "Tổng đài viên"),
    ("outcome", "Kết quả"),
    ("duration_s", "Thời lượng (giây)"),
    ("phone_raw", "Số điện thoại (như đã nhập)"),
    ("phone_e164", "Số điện thoại (chuẩn hóa)"),
    ("caller_relation", "Quan hệ người gọi"),
    ("caller_name", "Tên người gọi"),
    ("risk", "Mức độ nguy cơ"),
    ("case_need", "Cần hồ sơ"),
    ("flagged", "Đã đánh dấu"),
    ("categories", "Loại vấn đề"),
    ("children", "Số trẻ"),
    ("summary", "Tóm tắt"),
    ("action_taken", "Xử lý"),
)


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _safe_text(value):
    """Text that a spreadsheet would run as a formula is written with a leading apostrophe (CSV injection)."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def _cell(key: str, value):
    if key == "started_at":
        return local(value).replace(tzinfo=None)  # Excel has no time zones: write Vietnamese local time
    return value


def write_csv(rows: Iterable[dict], path: Path) -> int:
    """Write rows as CSV; returns the number of rows. Dates as dd/MM/yyyy HH:mm:ss local time."""
    count = 0
    with open(path, "w", newline="", encoding="utf-8-sig") as handle:
        writer = csv.writer(handle)
        writer.writerow([header for _, header in COLUMNS])
        for row in rows:
            values = []
            for key, _ in COLUMNS:
                value = _cell(key, row[key])
                if key == "started_at":
                    value = value.strftime("%d/%m/%Y %H:%M:%S")
                elif isinstance(value, bool):
                    value = "có" if value else "không"
                values.append(_safe_text(value))
            writer.writerow(values)
            count += 1
    return count


def write_xlsx(rows: Iterable[dict], path: Path) -> int:
    """Write rows to one sheet with real numbers and dates; returns the number of rows."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    book = Workbook(write_only=True)
    sheet = book.create_sheet("Cuộc gọi")
    bold = Font(bold=True)
    header = []
    for _, title in COLUMNS:
        cell = WriteOnlyCell(sheet, value=title)
        cell.font = bold
        header.append(cell)
    sheet.append(header)
    count = 0
    for row in rows:
        values = []
        for key, _ in COLUMNS:
            value = _cell(key, row[key])
            if key == "started_at":
                cell = WriteOnlyCell(sheet, value=value)
                cell.number_format = "dd/mm/yyyy hh:mm:ss"
                value = cell
            elif isinstance(value, str) and value.startswith("="):
                cell = WriteOnlyCell(sheet, value=value)
                cell.data_type = "s"  # openpyxl would otherwise store it as a formula
                value = cell
            values.append(value)
        sheet.append(values)
        count += 1
    book.save(path)
    return count
