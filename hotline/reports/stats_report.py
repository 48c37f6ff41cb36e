"""The statistics report's files: XLSX (one sheet per table), CSV (long form) and the PDF for the province.

Each writer builds the whole file in memory and writes it in one go, so a refused or failed write leaves no
half-written file behind and always ends in a ReportWriteError whose message a person can act on.
"""

from __future__ import annotations

import contextlib
import csv
import errno
import io
import re
from collections.abc import Mapping
from datetime import date, datetime
from pathlib import Path

from hotline.core.report_data import ReportData
from hotline.core.taxonomy import Taxonomy
from hotline.core.timeutil import local, utcnow
from hotline.core.wording import QT_TRANSLATE_NOOP
from hotline.reports.stats_tables import Table, report_tables
from hotline.reports.stats_words import (
    DATE,
    DATETIME,
    HOURS,
    ID,
    INT,
    MONTH,
    SHARE,
    TEXT,
    display,
    lines_text,
    unfinished_text,
    words,
)
from hotline.store.db import StoreError

#: Excel number formats of the cell kinds (Excel shows them with the reader's own separators: 3.105 in Vietnam).
NUMBER_FORMATS = {
    INT: "#,##0",
    ID: "0",
    SHARE: "0.0%",
    HOURS: "0.0",
    DATE: "dd/mm/yyyy",
    MONTH: "mm/yyyy",
    DATETIME: "dd/mm/yyyy hh:mm",
}
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


class ReportWriteError(StoreError):
    """A report file could not be written (no such folder, no permission, disk full); nothing was left behind."""


def _write_failed(exc: OSError, path: Path) -> ReportWriteError:
    if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        return ReportWriteError(
            "report.disk_full",
            QT_TRANSLATE_NOOP("StoreError", "Cannot write the file {path}: the disk is full"),
            path=path,
        )
    if isinstance(exc, FileNotFoundError):
        return ReportWriteError(
            "report.no_folder",
            QT_TRANSLATE_NOOP("StoreError", "Cannot write the file {path}: the folder does not exist"),
            path=path,
        )
    if isinstance(exc, PermissionError):
        return ReportWriteError(
            "report.no_permission",
            QT_TRANSLATE_NOOP("StoreError", "Cannot write the file {path}: no permission to write there"),
            path=path,
        )
    if isinstance(exc, IsADirectoryError):
        return ReportWriteError(
            "report.is_folder",
            QT_TRANSLATE_NOOP("StoreError", "Cannot write the file {path}: that is a folder"),
            path=path,
        )
    return ReportWriteError(
        "report.cannot_write",
        QT_TRANSLATE_NOOP("StoreError", "Cannot write the file {path}: {reason}"),
        path=path,
        reason=exc.strerror or type(exc).__name__,
    )


def _write_bytes(path: Path, payload: bytes) -> None:
    path = Path(path)
    try:
        with open(path, "wb") as handle:
            handle.write(payload)
    except OSError as exc:
        if path.is_file():  # a write that failed half-way (disk full): no broken report left behind
            with contextlib.suppress(OSError):
                path.unlink()
        raise _write_failed(exc, path) from exc


def _check_target(path: Path) -> None:
    """Refuse at once a file that cannot be written for sure (no such folder, a folder in its place): the PDF
    takes a second to make, and a person should not wait for a refusal."""
    path = Path(path)
    if not path.parent.is_dir():
        raise _write_failed(FileNotFoundError(errno.ENOENT, "No such file or directory"), path)
    if path.is_dir():
        raise _write_failed(IsADirectoryError(errno.EISDIR, "Is a directory"), path)


def _text(value: str) -> str:
    return _CONTROL.sub(" ", value)


# --- XLSX ---------------------------------------------------------------------------------------------------


def write_xlsx(
    data: ReportData,
    path: Path,
    *,
    taxonomy: Taxonomy,
    line_names: Mapping[str, str],
    centre_name: str,
    lang: str = "vi",
    generated_at: datetime | None = None,
) -> None:
    """One sheet per table (after a sheet naming the report), numbers as numbers, dates as dates."""
    _check_target(path)
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    book = Workbook()
    book.remove(book.active)
    bold, italic, grey = Font(bold=True), Font(italic=True), PatternFill("solid", fgColor="E6E6E6")
    w = lambda vi, en: words(lang, vi, en)  # noqa: E731

    about = book.create_sheet(w("Báo cáo", "Report"))
    made = local(generated_at or utcnow()).replace(tzinfo=None)
    unfinished = unfinished_text(data, made.date(), lang)
    for label, value, kind in (
        (w("Đơn vị", "Centre"), centre_name, TEXT),
        (w("Báo cáo", "Report"), w("Báo cáo thống kê tổng đài", "Hotline statistics report"), TEXT),
        (w("Từ ngày", "From"), data.first_day, DATE),
        (w("Đến ngày", "To"), data.last_day, DATE),
        (w("Đường dây", "Lines"), lines_text(data, line_names, lang), TEXT),
        (w("Lập lúc", "Made at"), made, DATETIME),
        *([(w("Ghi chú", "Note"), unfinished, TEXT)] if unfinished else []),
    ):
        about.append([label, None])
        _put(about.cell(row=about.max_row, column=2), value, kind)
        about.cell(row=about.max_row, column=1).font = bold
    about.column_dimensions["A"].width = 14
    about.column_dimensions["B"].width = max(24, min(80, len(centre_name) + 4))

    for table in report_tables(data, taxonomy=taxonomy, line_names=line_names, lang=lang):
        sheet = book.create_sheet(table.title)
        sheet.append([column.title for column in table.columns])
        for cell in sheet[1]:
            cell.font, cell.fill = bold, grey
            cell.alignment = Alignment(wrap_text=True, vertical="top")
        for row in table.rows:
            number = sheet.max_row + 1
            for index, value in enumerate(row.cells):
                cell = sheet.cell(row=number, column=index + 1)
                _put(cell, value, row.kind(table, index))
                if row.total:
                    cell.font = bold
        if table.note:
            sheet.cell(row=sheet.max_row + 2, column=1, value=_text(table.note)).font = italic
        sheet.freeze_panes = "A2"
        for index, column in enumerate(table.columns):
            width = _width(table, index, lang)
            sheet.column_dimensions[get_column_letter(index + 1)].width = width
            if column.key == "definition":
                for cell in sheet[get_column_letter(index + 1)][1:]:
                    cell.alignment = Alignment(wrap_text=True, vertical="top")
    buffer = io.BytesIO()
    book.save(buffer)
    _write_bytes(path, buffer.getvalue())


def _put(cell, value, kind: str) -> None:
    """A value into a cell as what it is: a number, a date, or text that a spreadsheet never runs as a formula."""
    if isinstance(value, str):
        cell.value = _text(value)
        cell.data_type = "s"  # openpyxl would store "=…" (a line's name, say) as a formula
        return
    cell.value = value
    if kind in NUMBER_FORMATS and value is not None:
        cell.number_format = NUMBER_FORMATS[kind]


def _width(table: Table, index: int, lang: str) -> float:
    """Wide enough for the header (up to 30 characters: a longer one wraps) and the column's values (definitions
    wrap at 70)."""
    column = table.columns[index]
    if column.key == "definition":
        return 70
    longest = min(len(column.title), 30)
    for row in table.rows:
        longest = max(longest, len(display(row.cells[index], row.kind(table, index), lang)))
    return min(max(longest + 2, 9), 60)


# --- CSV ----------------------------------------------------------------------------------------------------

CSV_HEADER = ("section", "key", "label", "value")


def csv_rows(data: ReportData, *, taxonomy: Taxonomy, line_names: Mapping[str, str], lang: str = "vi"):
    """The report in long form: (section, key, label, value) with plain values (1234 · 0.875 · 2026-11-29).

    A table with one value column is one section named as the table; a wider one is a section per column,
    ``table.column`` (``months.calls_year_before``, ``hour_weekday.mon``). The label is the row's first cell as
    people read it; shares are fractions, hours decimals with a point, dates ISO."""
    yield ("report", "first_day", words(lang, "Từ ngày", "From"), data.first_day.isoformat())
    yield ("report", "last_day", words(lang, "Đến ngày", "To"), data.last_day.isoformat())
    yield ("report", "lines", lines_text(data, line_names, lang), " ".join(data.lines))
    for table in report_tables(data, taxonomy=taxonomy, line_names=line_names, lang=lang):
        values = [i for i, column in enumerate(table.columns) if i and column.in_csv]
        for row in table.rows:
            label = display(row.cells[0], row.kind(table, 0), lang) if row.cells[0] is not None else ""
            for index in values:
                section = table.key if len(values) == 1 else f"{table.key}.{table.columns[index].key}"
                yield (section, row.key, label, _plain(row.cells[index]))
        if table.of_total is not None:  # a list cut short says so: "500 of 623 listed (the oldest first)"
            yield (f"{table.key}.listed", "listed", table.note, str(len(table.rows)))


def _plain(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return repr(round(value, 4))
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def _safe(value: str) -> str:
    """Text that a spreadsheet would run as a formula gets a leading apostrophe (CSV injection); numbers do not."""
    if value.startswith(_FORMULA_START) and not _is_number(value):
        return "'" + value
    return _text(value)


def _is_number(value: str) -> bool:
    try:
        float(value)
    except ValueError:
        return False
    return True


def write_csv(
    data: ReportData, path: Path, *, taxonomy: Taxonomy, line_names: Mapping[str, str], lang: str = "vi"
) -> None:
    """One CSV in long form (csv_rows), UTF-8 with a BOM so that Excel reads the Vietnamese right."""
    _check_target(path)
    text = io.StringIO(newline="")
    writer = csv.writer(text)
    writer.writerow(CSV_HEADER)
    for section, key, label, value in csv_rows(data, taxonomy=taxonomy, line_names=line_names, lang=lang):
        writer.writerow((section, _safe(key), _safe(label), _safe(value)))
    _write_bytes(path, ("\ufeff" + text.getvalue()).encode("utf-8"))  # the BOM, as "utf-8-sig" writes it


# --- PDF ----------------------------------------------------------------------------------------------------


def write_pdf(
    data: ReportData,
    path: Path,
    *,
    taxonomy: Taxonomy,
    line_names: Mapping[str, str],
    centre_name: str,
    lang: str = "vi",
    generated_at: datetime | None = None,
) -> None:
    """The A4 report for the province (stats_pdf); needs a QApplication (the charts are QtCharts widgets)."""
    from hotline.reports.stats_pdf import pdf_bytes

    _check_target(path)
    payload = pdf_bytes(
        data,
        taxonomy=taxonomy,
        line_names=line_names,
        centre_name=centre_name,
        lang=lang,
        generated_at=generated_at,
    )
    _write_bytes(path, payload)
