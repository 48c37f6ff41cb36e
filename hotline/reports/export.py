"""Writers for exported calls: CSV (UTF-8 with BOM so Excel reads Vietnamese) and XLSX (openpyxl).

Rows are dicts of stored values (store.calls.export_rows, store.daily_log.export_rows). With ``words=True`` the
writers put Vietnamese words in place of the stored codes: the one vocabulary's (hotline.core.words), as the screens
show them; numbers stay numbers and times stay times in either case.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime
from itertools import chain, islice
from pathlib import Path

from hotline.core import words as code_words
from hotline.core.timeutil import local
from hotline.core.words import Words
from hotline.vocabulary import word

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

#: The exports' language: the centre's records are Vietnamese whatever language the interface speaks.
EXPORT_LANG = "vi"

# Which of the one vocabulary's tables (hotline.core.words) words each coded column.
_CODE_WORDS: Mapping[str, Words] = {
    "outcome": code_words.OUTCOMES,
    "channel": code_words.CHANNELS,
    "caller_relation": code_words.RELATIONS,
    "risk": code_words.RISKS,
    "case_need": code_words.CASE_NEEDS,
    "child_sex": code_words.SEXES,
}
_BOOL_KEYS = ("flagged", "flag_cleared", "reviewed")


def yes_no(value: bool, lang: str = EXPORT_LANG) -> str:
    return word(code_words.YES_NO, "yes" if value else "no", lang)


def in_words(row: Mapping, taxonomy=None, lang: str = EXPORT_LANG) -> dict:
    """A copy of an exported row with words for its codes (Vietnamese unless ``lang`` says otherwise); numbers and
    times are left as they are.

    Categories become their labels joined by '; '; a child's age stays a number when it is exact and becomes the
    band's words otherwise; unknown codes are kept as they are.
    """
    if taxonomy is None:
        from hotline.core.taxonomy import load_taxonomy

        taxonomy = load_taxonomy()
    out = dict(row)
    for key, table in _CODE_WORDS.items():
        if isinstance(out.get(key), str):
            out[key] = word(table, out[key], lang)
    for key in _BOOL_KEYS:
        if isinstance(out.get(key), bool):
            out[key] = yes_no(out[key], lang)
    if isinstance(out.get("categories"), str):
        out["categories"] = "; ".join(taxonomy.label(code, lang) for code in out["categories"].split())
    age = out.get("child_age")
    if isinstance(age, str) and age:
        out["child_age"] = int(age) if age.isdigit() else word(code_words.CHILD_AGE_BANDS, age, lang)
    return out


def _worded(rows: Iterable[Mapping], words: bool, taxonomy=None) -> Iterable[Mapping]:
    if not words:
        return rows
    if taxonomy is None:
        from hotline.core.taxonomy import load_taxonomy

        taxonomy = load_taxonomy()
    return (in_words(row, taxonomy) for row in rows)


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# A sign and digits only (an E.164 number, +84912345678): no formula can hide there, and an apostrophe would show
# in every row of the normalized phone column.
_SIGNED_DIGITS = re.compile(r"[+-]\d+")


def _safe_text(value):
    """Text that a spreadsheet would run as a formula is written with a leading apostrophe (CSV injection)."""
    if isinstance(value, str) and value.startswith(_FORMULA_START) and not _SIGNED_DIGITS.fullmatch(value):
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
                    value = yes_no(value)
                values.append(_safe_text(value))
            writer.writerow(values)
            count += 1
    return count


#: Rows read to fit the column widths (a month's export is not held in memory for this).
_WIDTH_SAMPLE = 500
#: Column widths in characters: never narrower than a short word, never wider than a screen's half.
_MIN_WIDTH, _MAX_WIDTH = 8, 60


def _text_width(value) -> int:
    if value is None:
        return 0
    if isinstance(value, datetime):
        return 20  # dd/mm/yyyy hh:mm:ss, and room to breathe
    return max((len(part) for part in str(value).splitlines()), default=0)


def column_widths(header: Sequence[str], rows: Iterable[Sequence]) -> list[float]:
    """Each column's width fitted to its header and cells (capped); the header is bold, so it gets a little more."""
    widths = [_text_width(title) * 1.1 for title in header]
    for row in rows:
        for index, value in enumerate(row):
            widths[index] = max(widths[index], _text_width(value))
    return [min(max(width + 2, _MIN_WIDTH), _MAX_WIDTH) for width in widths]


def write_xlsx(
    rows: Iterable[dict],
    path: Path,
    *,
    columns: Sequence[tuple[str, str]] = COLUMNS,
    words: bool = False,
    taxonomy=None,
) -> int:
    """Write rows to one sheet with real numbers and dates; returns the number of rows (``taxonomy``: as
    write_csv). The header row stays in view and carries a filter; the columns are as wide as their content."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    values = ([_cell(key, row[key]) for key, _ in columns] for row in _worded(rows, words, taxonomy))
    sample = list(islice(values, _WIDTH_SAMPLE))  # a write-only sheet takes its widths before its first row
    book = Workbook(write_only=True)
    sheet = book.create_sheet("Cuộc gọi")
    titles = [title for _, title in columns]
    for index, width in enumerate(column_widths(titles, sample), start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = "A2"
    bold = Font(bold=True)
    header = []
    for title in titles:
        cell = WriteOnlyCell(sheet, value=title)
        cell.font = bold
        header.append(cell)
    sheet.append(header)
    count = 0
    for cells in chain(sample, values):
        out = []
        for (key, _), value in zip(columns, cells, strict=True):
            if key == "started_at":
                value = WriteOnlyCell(sheet, value=value)
                value.number_format = "dd/mm/yyyy hh:mm:ss"
            elif isinstance(value, str) and value.startswith("="):
                value = WriteOnlyCell(sheet, value=value)
                value.data_type = "s"  # openpyxl would otherwise store it as a formula
            out.append(value)
        sheet.append(out)
        count += 1
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{count + 1}"
    book.save(path)
    return count


def write_csv_labelled(rows: Iterable[dict], path: Path, *, taxonomy=None) -> int:
    """The daily log's export as CSV: its columns (LOG_COLUMNS), Vietnamese words for the codes."""
    return write_csv(rows, path, columns=LOG_COLUMNS, words=True, taxonomy=taxonomy)


def write_xlsx_labelled(rows: Iterable[dict], path: Path, *, taxonomy=None) -> int:
    """The daily log's export as XLSX: its columns (LOG_COLUMNS), Vietnamese words, real numbers and dates."""
    return write_xlsx(rows, path, columns=LOG_COLUMNS, words=True, taxonomy=taxonomy)
