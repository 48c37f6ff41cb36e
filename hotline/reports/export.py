"""Writers for exported calls: CSV (UTF-8 with BOM so Excel reads Vietnamese) and XLSX (openpyxl).

Rows are dicts of stored values (store.calls.export_rows, store.daily_log.export_rows). With ``words=True`` the
writers put Vietnamese words in place of the stored codes (the same words the screens show); numbers stay
numbers and times stay times in either case.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Mapping, Sequence
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

#: The daily log's export (store.daily_log.export_rows): the columns of the log's table first, then the rest.
LOG_COLUMNS = (
    ("id", "Mã cuộc gọi"),
    ("started_at", "Thời gian bắt đầu"),
    ("line", "Đường dây"),
    ("channel", "Kênh"),
    ("operator", "Tổng đài viên"),
    ("outcome", "Kết quả"),
    ("duration_s", "Thời lượng (giây)"),
    ("categories", "Loại vấn đề"),
    ("children", "Số trẻ"),
    ("child_sex", "Giới tính trẻ"),
    ("child_age", "Tuổi trẻ"),
    ("commune", "Xã/phường"),
    ("risk", "Mức độ nguy cơ"),
    ("case_need", "Cần hồ sơ"),
    ("flagged", "Đã đánh dấu"),
    ("flag_cleared", "Đánh dấu của quy tắc đã bị bỏ"),
    ("case_numbers", "Số hồ sơ"),
    ("reviewed", "Đã xem xét"),
    ("review_note", "Ghi chú xem xét"),
    ("phone_raw", "Số điện thoại (như đã nhập)"),
    ("phone_e164", "Số điện thoại (chuẩn hóa)"),
    ("caller_relation", "Quan hệ người gọi"),
    ("caller_name", "Tên người gọi"),
    ("summary", "Tóm tắt"),
    ("action_taken", "Xử lý"),
)

# Vietnamese words for the stored codes: the translations the screens show (resources/i18n, context "Labels";
# tests/reports/test_export_labels.py holds the two together). Reports do not import the UI.
OUTCOMES_VI = {
    "substantive": "Cuộc gọi có nội dung",
    "silent": "Im lặng",
    "hang_up": "Cúp máy",
    "prank": "Gọi phá",
    "wrong_number": "Nhầm số",
    "abusive": "Chửi bới",
    "test": "Gọi thử",
}
CHANNELS_VI = {"phone": "Điện thoại", "zalo": "Zalo", "app": "Ứng dụng", "walk_in": "Đến trực tiếp"}
SEXES_VI = {"unknown": "Không rõ", "female": "Nữ", "male": "Nam"}
CHILD_AGE_BANDS_VI = {
    "unknown": "Không rõ tuổi",
    "0-5": "0–5 tuổi",
    "6-10": "6–10 tuổi",
    "11-15": "11–15 tuổi",
    "16-17": "16–17 tuổi",
    "18+": "Người lớn (từ 18 tuổi)",
}
RELATIONS_VI = {
    "unknown": "Không nói",
    "self": "Chính trẻ",
    "parent": "Cha mẹ",
    "relative": "Người thân",
    "carer": "Người chăm sóc",
    "neighbour": "Hàng xóm",
    "teacher": "Giáo viên",
    "friend": "Bạn bè",
    "official": "Cán bộ (công an, xã, y tế)",
    "other": "Khác",
}
RISKS_VI = {
    "none": "Chưa thấy nguy cơ",
    "low": "Thấp",
    "medium": "Trung bình",
    "high": "Cao",
    "immediate": "Nguy hiểm tức thời",
}
#: As core.rules heads its decisions.
CASE_NEEDS_VI = {"required": "Cần lập hồ sơ", "suggested": "Nên lập hồ sơ", "not_needed": "Không cần lập hồ sơ"}
YES, NO = "có", "không"

_CODE_WORDS: Mapping[str, Mapping[str, str]] = {
    "outcome": OUTCOMES_VI,
    "channel": CHANNELS_VI,
    "caller_relation": RELATIONS_VI,
    "risk": RISKS_VI,
    "case_need": CASE_NEEDS_VI,
    "child_sex": SEXES_VI,
}
_BOOL_KEYS = ("flagged", "flag_cleared", "reviewed")


def in_words(row: Mapping, taxonomy=None) -> dict:
    """A copy of an exported row with Vietnamese words for its codes; numbers and times are left as they are.

    Categories become their Vietnamese labels joined by '; '; a child's age stays a number when it is exact and
    becomes the band's words otherwise; unknown codes are kept as they are.
    """
    if taxonomy is None:
        from hotline.core.taxonomy import load_taxonomy

        taxonomy = load_taxonomy()
    out = dict(row)
    for key, table in _CODE_WORDS.items():
        if isinstance(out.get(key), str):
            out[key] = table.get(out[key], out[key])
    for key in _BOOL_KEYS:
        if isinstance(out.get(key), bool):
            out[key] = YES if out[key] else NO
    if isinstance(out.get("categories"), str):
        out["categories"] = "; ".join(taxonomy.label(code) for code in out["categories"].split())
    age = out.get("child_age")
    if isinstance(age, str) and age:
        out["child_age"] = int(age) if age.isdigit() else CHILD_AGE_BANDS_VI.get(age, age)
    return out


def _worded(rows: Iterable[Mapping], words: bool, taxonomy=None) -> Iterable[Mapping]:
    if not words:
        return rows
    if taxonomy is None:
        from hotline.core.taxonomy import load_taxonomy

        taxonomy = load_taxonomy()
    return (in_words(row, taxonomy) for row in rows)


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _safe_text(value):
    """Text that a spreadsheet would run as a formula is written with a leading apostrophe (CSV injection)."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def _cell(key: str, value):
    if key == "started_at":
        return local(value).replace(tzinfo=None)  # Excel has no time zones: write Vietnamese local time
    if isinstance(value, str):
        return _CONTROL.sub(" ", value)  # pasted control characters: Excel refuses them, CSV readers choke
    return value


def write_csv(
    rows: Iterable[dict],
    path: Path,
    *,
    columns: Sequence[tuple[str, str]] = COLUMNS,
    words: bool = False,
    taxonomy=None,
) -> int:
    """Write rows as CSV; returns the number of rows. Dates as dd/MM/yyyy HH:mm:ss local time. ``taxonomy``:
    the centre's categories (store.categories.load_taxonomy) whose labels ``words`` writes; default the file's."""
    count = 0
    with open(path, "w", newline="", encoding="utf-8-sig") as handle:
        writer = csv.writer(handle)
        writer.writerow([header for _, header in columns])
        for row in _worded(rows, words, taxonomy):
            values = []
            for key, _ in columns:
                value = _cell(key, row[key])
                if key == "started_at":
                    value = value.strftime("%d/%m/%Y %H:%M:%S")
                elif isinstance(value, bool):
                    value = YES if value else NO
                values.append(_safe_text(value))
            writer.writerow(values)
            count += 1
    return count


def write_xlsx(
    rows: Iterable[dict],
    path: Path,
    *,
    columns: Sequence[tuple[str, str]] = COLUMNS,
    words: bool = False,
    taxonomy=None,
) -> int:
    """Write rows to one sheet with real numbers and dates; returns the number of rows (``taxonomy``: as
    write_csv)."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    book = Workbook(write_only=True)
    sheet = book.create_sheet("Cuộc gọi")
    bold = Font(bold=True)
    header = []
    for _, title in columns:
        cell = WriteOnlyCell(sheet, value=title)
        cell.font = bold
        header.append(cell)
    sheet.append(header)
    count = 0
    for row in _worded(rows, words, taxonomy):
        values = []
        for key, _ in columns:
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


def write_csv_labelled(rows: Iterable[dict], path: Path, *, taxonomy=None) -> int:
    """The daily log's export as CSV: its columns (LOG_COLUMNS), Vietnamese words for the codes."""
    return write_csv(rows, path, columns=LOG_COLUMNS, words=True, taxonomy=taxonomy)


def write_xlsx_labelled(rows: Iterable[dict], path: Path, *, taxonomy=None) -> int:
    """The daily log's export as XLSX: its columns (LOG_COLUMNS), Vietnamese words, real numbers and dates."""
    return write_xlsx(rows, path, columns=LOG_COLUMNS, words=True, taxonomy=taxonomy)
