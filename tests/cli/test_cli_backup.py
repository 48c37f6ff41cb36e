"""`hotline backup` and `hotline restore FILE` as an administrator runs them: real processes, temporary files."""

from __future__ import annotations

import os
import random
import re
import shutil
import sqlite3
import stat
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import pytest
from cli_run import Result, assert_ok, assert_one_line_error, environment, run_hotline

TABLES = ("calls", "call_children", "call_categories", "cases", "users", "audit_log")


def counts(path: Path) -> dict[str, int]:
    """Rows per table, read straight from the file."""
    with closing(sqlite3.connect(path)) as conn:
        return {table: conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0] for table in TABLES}


def add_line(path: Path, code: str) -> None:
    """Some work done after the backup (a new line), written straight into the file."""
    with closing(sqlite3.connect(path)) as conn, conn:
        conn.execute("INSERT INTO lines(code, name, active, sort) VALUES (?, 'Đường dây thử', 1, 9)", [code])


@pytest.fixture(scope="module")
def demo_template(tmp_path_factory) -> Path:
    """A small demo database made by `hotline demo`, copied by each test."""
    folder = tmp_path_factory.mktemp("cli-backup-demo")
    path = folder / "demo.sqlite3"
    assert_ok(
        run_hotline(folder / "data", "--db", path, "demo", "--calls", "150", "--seed", "4", "--end", "2026-02-28")
    )
    return path


@pytest.fixture
def data_dir(tmp_path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def db(demo_template, tmp_path) -> Path:
    path = tmp_path / "centre" / "hotline.sqlite3"
    path.parent.mkdir()
    shutil.copyfile(demo_template, path)
    return path


def backup_path(result: Result) -> Path:
    """The file the backup command says it wrote."""
    match = re.search(r"backed up: (.+\.sqlite3) \(\d+\.\d MB\)", result.stdout)
    assert match, result.stdout
    return Path(match.group(1))


def test_backup_writes_into_the_folder_beside_the_database(db, data_dir):
    """`backup` prints the file it wrote and its size; with --db it goes to backups/ beside that file."""
    written = backup_path(assert_ok(run_hotline(data_dir, "backup", "--db", db)))
    assert written.parent == db.parent / "backups"
    assert re.fullmatch(r"hotline-\d{8}-\d{6}-manual\.sqlite3", written.name)
    assert counts(written)["calls"] == counts(db)["calls"] == 150
    if os.name == "posix":
        assert stat.S_IMODE(written.stat().st_mode) == 0o600
        assert stat.S_IMODE(written.parent.stat().st_mode) == 0o700
    assert not (data_dir / "backups").exists()


def test_backup_to_a_chosen_folder_and_default_database(demo_template, data_dir, tmp_path):
    """`backup --to FOLDER` writes there; without --db the data folder's database is backed up."""
    data_dir.mkdir()
    shutil.copyfile(demo_template, data_dir / "hotline.sqlite3")
    written = backup_path(assert_ok(run_hotline(data_dir, "backup", "--to", tmp_path / "usb")))
    assert written.parent == tmp_path / "usb"


def test_backup_of_a_missing_database_is_one_line(data_dir, tmp_path):
    """A mistyped --db is named in one line and nothing is created."""
    missing = tmp_path / "typo.sqlite3"
    line = assert_one_line_error(run_hotline(data_dir, "backup", "--db", missing))
    assert "typo.sqlite3" in line
    assert not missing.exists() and not (tmp_path / "backups").exists()


def test_restore_round_trip(db, data_dir):
    """`restore FILE --yes` brings back the backup's rows (+1 audit row) and says where the old database is."""
    written = backup_path(assert_ok(run_hotline(data_dir, "backup", "--db", db)))
    at_backup = counts(written)
    add_line(db, "1900")
    result = assert_ok(run_hotline(data_dir, "restore", written, "--yes", "--db", db))
    assert counts(db) == {**at_backup, "audit_log": at_backup["audit_log"] + 1}
    with closing(sqlite3.connect(db)) as conn:
        assert conn.execute("SELECT count(*) FROM lines WHERE code = '1900'").fetchone() == (0,)
    kept = Path(re.search(r"was kept at: (.+)$", result.stdout, re.MULTILINE).group(1))
    with closing(sqlite3.connect(kept)) as conn:
        assert conn.execute("SELECT count(*) FROM lines WHERE code = '1900'").fetchone() == (1,)


def test_restore_without_yes_and_no_terminal_is_refused(db, data_dir):
    """A script that does not say --yes gets one line and exit 2; nothing is replaced."""
    written = backup_path(assert_ok(run_hotline(data_dir, "backup", "--db", db)))
    add_line(db, "1900")
    before = counts(db)
    result = run_hotline(data_dir, "restore", written, "--db", db, stdin="y\n")
    assert "--yes" in assert_one_line_error(result)
    assert result.returncode == 2
    assert counts(db) == before


@pytest.mark.parametrize(
    ("make", "words"),
    [
        ("damaged", "damaged"),
        ("text", "not a Hotline database"),
        ("foreign", "not a Hotline database"),
        ("missing", "No such backup file"),
    ],
)
def test_restore_refuses_bad_files_in_one_line(db, data_dir, tmp_path, make, words):
    """A damaged backup, a text file, another program's database and a missing file are refused clearly."""
    bad = tmp_path / "bad.sqlite3"
    if make == "damaged":
        shutil.copyfile(backup_path(assert_ok(run_hotline(data_dir, "backup", "--db", db))), bad)
        with open(bad, "r+b") as handle:
            handle.seek(bad.stat().st_size // 2)
            handle.write(random.Random(3).randbytes(4096))
    elif make == "text":
        bad.write_text("họ tên, số điện thoại\n", encoding="utf-8")
    elif make == "foreign":
        with closing(sqlite3.connect(bad)) as conn:
            conn.execute("CREATE TABLE notes(text)")
    before = counts(db)
    line = assert_one_line_error(run_hotline(data_dir, "restore", bad, "--yes", "--db", db))
    assert words in line
    assert counts(db) == before
    assert [p.name for p in (db.parent / "backups").glob("*before-restore*")] == []


def test_restore_onto_a_new_pc(db, data_dir, tmp_path):
    """Moving Hotline: restore a backup where no database exists yet; it opens with the same rows."""
    written = backup_path(assert_ok(run_hotline(data_dir, "backup", "--db", db)))
    new_db = tmp_path / "new-pc" / "hotline.sqlite3"
    result = assert_ok(run_hotline(data_dir, "restore", written, "--yes", "--db", new_db))
    assert "kept" not in result.stdout
    assert counts(new_db)["calls"] == counts(written)["calls"]
    assert_ok(run_hotline(data_dir, "check", "--db", new_db))


@pytest.mark.skipif(os.name != "posix", reason="a pseudo-terminal is a POSIX feature")
@pytest.mark.parametrize(("answer", "replaced"), [("c\n", True), ("n\n", False)])
def test_restore_asks_at_a_terminal(db, data_dir, answer, replaced):
    """At a terminal, restore asks first: "c" (có) replaces the database, anything else cancels."""
    written = backup_path(assert_ok(run_hotline(data_dir, "backup", "--db", db)))
    add_line(db, "1900")
    main_fd, terminal_fd = os.openpty()
    try:
        os.write(main_fd, answer.encode())
        done = subprocess.run(
            [sys.executable, "-m", "hotline", "restore", str(written), "--db", str(db)],
            stdin=terminal_fd, capture_output=True, encoding="utf-8", env=environment(data_dir), timeout=120,
            check=False,
        )  # fmt: skip
    finally:
        os.close(terminal_fd)
        os.close(main_fd)
    assert "Close Hotline first" in done.stdout and "Traceback" not in done.stderr
    assert done.returncode == (0 if replaced else 1)
    with closing(sqlite3.connect(db)) as conn:
        assert conn.execute("SELECT count(*) FROM lines WHERE code = '1900'").fetchone() == (0 if replaced else 1,)
