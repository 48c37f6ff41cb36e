"""`python -m hotline export` writes what the daily log's Export writes: the same columns, rows and Vietnamese words,
and LibreOffice reads the files back with the same rows."""

from __future__ import annotations

import csv
import shutil
import subprocess
import sys
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest
from keyboard import answer_next_dialog
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QFileDialog

from hotline.core import models
from hotline.demo import DEMO_PASSWORD, build_demo
from hotline.reports.export import LOG_COLUMNS
from hotline.settings import Settings
from hotline.store import users
from hotline.ui.daily_log_screen import DailyLogScreen

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "cli"))
from cli_run import assert_ok, run_hotline  # the command-line tests' helper

FIRST, LAST = date(2026, 10, 22), date(2026, 10, 31)
#: Codes that must never reach a person in a file: each is worded by the one vocabulary.
RAW_CODES = {
    *models.OUTCOMES, *models.CHANNELS, *models.CASE_NEEDS, *models.RISK_LEVELS, *models.CALLER_RELATIONS,
    "female", "male", "True", "False",
}  # fmt: skip
#: The columns whose cells are words for codes.
WORDED = ("Kết quả", "Kênh", "Quan hệ người gọi", "Mức độ nguy cơ", "Cần hồ sơ", "Giới tính trẻ", "Đã đánh dấu")


@pytest.fixture
def demo(db):
    """A small demo database (demo accounts, 150 calls over October 2026)."""
    build_demo(db, calls=150, seed=7, end_day=LAST)
    return db


def screen_export(qtbot, db, out: Path, monkeypatch) -> None:
    """The shift lead exports the daily log's date range FIRST–LAST as a person does (Export…, Yes, a file name)."""
    lead = users.find_user(db, "truongca")
    log = DailyLogScreen(db, lead, Settings.load(db), "en")
    qtbot.addWidget(log)
    log.show()
    log.shift_combo.setCurrentIndex(log.shift_combo.findData("range"))
    log.day_edit.setDate(QDate(FIRST.year, FIRST.month, FIRST.day))
    log.to_edit.setDate(QDate(LAST.year, LAST.month, LAST.day))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(out), "Excel (*.xlsx)"))
    answer_next_dialog("Yes")
    qtbot.mouseClick(log.export_button, Qt.MouseButton.LeftButton)
    log._debounce.stop()
    log._live.stop()
    assert out.is_file()


def cli_export(db, fmt: str, out: Path, data_dir: Path) -> None:
    """The same days exported by `python -m hotline export` as the demo's shift lead."""
    path = db.conn.execute("PRAGMA database_list").fetchone()[2]
    period = ("--from", FIRST.isoformat(), "--to", LAST.isoformat())
    args = ("export", "--format", fmt, "--out", out, *period, "--user", "truongca", "--password-stdin", "--db", path)
    assert_ok(run_hotline(data_dir, *args, stdin=DEMO_PASSWORD + "\n"))


def xlsx_rows(path: Path) -> list[tuple]:
    book = openpyxl.load_workbook(path, read_only=True)
    rows = [tuple(row) for row in book.worksheets[0].iter_rows(values_only=True)]
    book.close()
    return rows


def csv_rows(path: Path, encoding: str = "utf-8-sig") -> list[list[str]]:
    with open(path, encoding=encoding, newline="") as handle:
        return list(csv.reader(handle))


def as_text(value) -> str:
    """A cell as a CSV writes it (dates dd/MM/yyyy HH:mm:ss, nothing as "")."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.strftime("%d/%m/%Y %H:%M:%S")
    return str(value)


def soffice_csv(source: Path, folder: Path) -> list[list[str]]:
    """LibreOffice's reading of ``source``, written back as UTF-8 CSV (its own profile: other runs may be open). A
    CSV is read as UTF-8 text columns, as a person imports a phone number column (never as numbers)."""
    folder.mkdir(exist_ok=True)
    command = ["soffice", f"-env:UserInstallation={(folder / 'profile').as_uri()}", "--headless"]
    if source.suffix == ".csv":
        text_columns = "/".join(f"{n}/2" for n in range(1, len(LOG_COLUMNS) + 1))
        command.append(f"--infilter=CSV:44,34,76,1,{text_columns}")
    command += ["--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1", "--outdir", str(folder), str(source)]
    done = subprocess.run(command, capture_output=True, text=True, timeout=180, check=False)
    converted = folder / (source.stem + ".csv")
    assert converted.is_file(), done.stdout + done.stderr
    return csv_rows(converted, "utf-8")


def test_cli_export_writes_the_daily_logs_words(qtbot, demo, tmp_path, monkeypatch):
    """The command line's XLSX and CSV hold the daily log export's header, rows and Vietnamese words (no codes)."""
    screen_file, cli_xlsx, cli_csv = tmp_path / "log.xlsx", tmp_path / "cli.xlsx", tmp_path / "cli.csv"
    screen_export(qtbot, demo, screen_file, monkeypatch)
    cli_export(demo, "xlsx", cli_xlsx, tmp_path / "data")
    cli_export(demo, "csv", cli_csv, tmp_path / "data")
    screen_rows, cli_rows = xlsx_rows(screen_file), xlsx_rows(cli_xlsx)
    assert list(screen_rows[0]) == [title for _, title in LOG_COLUMNS]
    assert len(screen_rows) > 10 and cli_rows == screen_rows
    assert csv_rows(cli_csv) == [[as_text(value) for value in row] for row in screen_rows]
    header = screen_rows[0]
    for title in WORDED:
        cells = {row[header.index(title)] for row in screen_rows[1:]}
        assert not cells & RAW_CODES, (title, cells & RAW_CODES)
    outcomes = {row[header.index("Kết quả")] for row in screen_rows[1:]}
    assert "Im lặng" in outcomes or "Cúp máy" in outcomes, outcomes  # the demo's one-key calls, in Vietnamese
    assert {row[header.index("Kênh")] for row in screen_rows[1:]} & {"Điện thoại", "Zalo"}


def test_libreoffice_reads_the_cli_export_back_with_the_same_rows(qtbot, demo, tmp_path, monkeypatch):
    """LibreOffice opens the command line's XLSX and CSV and the daily log's XLSX: all three give the same rows."""
    if shutil.which("soffice") is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    screen_file, cli_xlsx, cli_csv = tmp_path / "log.xlsx", tmp_path / "cli.xlsx", tmp_path / "cli.csv"
    screen_export(qtbot, demo, screen_file, monkeypatch)
    cli_export(demo, "xlsx", cli_xlsx, tmp_path / "data")
    cli_export(demo, "csv", cli_csv, tmp_path / "data")
    written = csv_rows(cli_csv)  # the command line's CSV as Python's csv module reads it
    assert written[0] == [title for _, title in LOG_COLUMNS] and len(written) > 10
    assert soffice_csv(cli_xlsx, tmp_path / "lo-xlsx") == written
    assert soffice_csv(cli_csv, tmp_path / "lo-csv") == written
    assert soffice_csv(screen_file, tmp_path / "lo-screen") == written
