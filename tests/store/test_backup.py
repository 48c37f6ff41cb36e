"""Online backups, rotation, checks and restore on real files; database and backups readable by their owner only."""

from __future__ import annotations

import hashlib
import os
import random
import shutil
import sqlite3
import stat
import subprocess
import sys
from contextlib import closing
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from hotline.core.models import Call, Child
from hotline.demo import build_demo
from hotline.settings import Settings
from hotline.store import access, users
from hotline.store.backup import (
    BackupError,
    after_session_backup,
    backup_folder,
    check_backup_file,
    daily_backup_due,
    list_backups,
    restore,
    rotate,
    startup_backup,
    take_backup,
)
from hotline.store.calls import save_call
from hotline.store.db import connect, open_database
from hotline.store.migrations import migrations

VN = ZoneInfo("Asia/Ho_Chi_Minh")
COUNTED_TABLES = ("calls", "call_children", "call_categories", "cases", "users", "audit_log")
POSIX = pytest.mark.skipif(os.name != "posix", reason="file modes are a Linux/macOS matter")
#: A moment to take backups at: 09:00 on 02/03/2026 in Vietnam.
NOW = datetime(2026, 3, 2, 2, 0, tzinfo=UTC)


def counts(path: Path) -> dict[str, int]:
    """Rows per table, read straight from the file."""
    with closing(sqlite3.connect(path)) as conn:
        return {table: conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0] for table in COUNTED_TABLES}


def audit_actions(path: Path) -> list[tuple[str, str]]:
    with closing(sqlite3.connect(path)) as conn:
        return conn.execute("SELECT action, detail FROM audit_log ORDER BY id").fetchall()


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def damage(path: Path) -> None:
    """Overwrite 4 KiB in the middle of the file with random bytes."""
    with open(path, "r+b") as handle:
        handle.seek(path.stat().st_size // 2)
        handle.write(random.Random(7).randbytes(4096))


@pytest.fixture(scope="module")
def small_demo(tmp_path_factory) -> Path:
    """A small demo database (accounts, calls, children, categories, cases), built once for this module."""
    path = tmp_path_factory.mktemp("small-demo") / "demo.sqlite3"
    db = open_database(path)
    build_demo(db, calls=300, seed=3, end_day=date(2026, 2, 28))
    db.close()
    return path


@pytest.fixture
def demo_path(small_demo, tmp_path) -> Path:
    path = tmp_path / "data" / "hotline.sqlite3"
    path.parent.mkdir()
    shutil.copyfile(small_demo, path)
    return path


@pytest.fixture
def admin_id(demo_path) -> int:
    db = open_database(demo_path)
    try:
        return users.find_user(db, "admin").id
    finally:
        db.close()


def one_more_call(path: Path) -> None:
    """Write a call with a child and a category, as an operator would after the backup."""
    db = open_database(path)
    try:
        operator = users.find_user(db, "tongdai1")
        save_call(db, Call(line="111", started_at=NOW, operator_id=operator.id, categories=["abuse.violence"],
                           children=[Child(name="Trẻ Mới", sex="female")], summary="sau sao lưu", risk="low",
                           service_level="intervention", flagged=True))  # fmt: skip
    finally:
        db.close()


# --- taking a backup ---------------------------------------------------------------------------------------------


def test_manual_backup_is_checked_named_and_audited(demo_path, tmp_path):
    """A manual backup is one self-contained file with the database's rows, named by time and kind, audited."""
    folder = tmp_path / "backups"
    info = take_backup(demo_path, folder, kind="manual", actor=access.COMMAND_LINE, now=NOW)
    assert info.path == folder / "hotline-20260302-090000-manual.sqlite3"
    assert info.kind == "manual" and info.size == info.path.stat().st_size > 0
    assert info.taken_at == NOW
    assert sorted(p.name for p in folder.iterdir()) == [info.path.name]  # no temporary file, no -wal beside it
    with closing(sqlite3.connect(f"{info.path.as_uri()}?mode=ro", uri=True)) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    before = counts(demo_path)
    assert counts(info.path) == {**before, "audit_log": before["audit_log"] - 1}
    assert audit_actions(demo_path)[-1] == ("backup.take", "manual")


def test_backup_holds_what_another_connection_committed(demo_path, tmp_path):
    """A row the GUI's connection committed (still only in the WAL) is in a backup taken on another connection."""
    gui = open_database(demo_path)
    try:
        gui.conn.execute("INSERT INTO lines(code, name, active, sort) VALUES ('1900', 'Thử', 1, 9)")
        assert Path(f"{demo_path}-wal").stat().st_size > 0
        info = take_backup(demo_path, tmp_path / "b", kind="daily", actor=None, now=NOW)
    finally:
        gui.close()
    with closing(sqlite3.connect(info.path)) as conn:
        assert conn.execute("SELECT name FROM lines WHERE code = '1900'").fetchone() == ("Thử",)


def test_manual_backup_needs_the_administrator(demo_path, admin_id, tmp_path):
    """An operator may not take a manual backup (refused and audited); the automatic kinds need no role."""
    db = open_database(demo_path)
    operator = users.find_user(db, "tongdai1").id
    db.close()
    folder = tmp_path / "b"
    with pytest.raises(access.PermissionDenied):
        take_backup(demo_path, folder, kind="manual", actor=operator, now=NOW)
    assert list_backups(folder) == []
    assert audit_actions(demo_path)[-1][0] == "access.denied"
    take_backup(demo_path, folder, kind="manual", actor=admin_id, now=NOW)
    take_backup(demo_path, folder, kind="exit", actor=operator, now=NOW)
    assert sorted(info.kind for info in list_backups(folder)) == ["exit", "manual"]


def test_backup_refuses_a_missing_or_foreign_database(tmp_path):
    """No database is created by a backup of a mistyped path; another program's SQLite file is refused."""
    missing = tmp_path / "typo.sqlite3"
    with pytest.raises(BackupError, match="No database"):
        take_backup(missing, tmp_path / "b", kind="manual", actor=access.COMMAND_LINE)
    assert not missing.exists()
    foreign = tmp_path / "other.sqlite3"
    with closing(sqlite3.connect(foreign)) as conn:
        conn.execute("CREATE TABLE notes(text)")
    with pytest.raises(BackupError, match="not a Hotline database"):
        take_backup(foreign, tmp_path / "b", kind="manual", actor=access.COMMAND_LINE)
    assert list_backups(tmp_path / "b") == []


def test_two_backups_in_one_second_keep_distinct_files(demo_path, tmp_path):
    """A second backup in the same second gets the next second's name instead of replacing the first."""
    first = take_backup(demo_path, tmp_path / "b", kind="manual", actor=access.COMMAND_LINE, now=NOW)
    second = take_backup(demo_path, tmp_path / "b", kind="manual", actor=access.COMMAND_LINE, now=NOW)
    assert first.path != second.path and first.path.exists() and second.path.exists()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the file size limit is set with Linux's rlimit")
def test_failed_write_leaves_no_partial_file(demo_path, tmp_path):
    """A backup whose writing fails (files limited to 100 kB) is one clear error and leaves nothing behind."""
    script = (
        "import resource, signal, sys\n"
        "signal.signal(signal.SIGXFSZ, signal.SIG_IGN)\n"
        "resource.setrlimit(resource.RLIMIT_FSIZE, (100_000, 100_000))\n"
        "from hotline.store import access\n"
        "from hotline.store.backup import BackupError, take_backup\n"
        "try:\n"
        "    take_backup(sys.argv[1], sys.argv[2], kind='manual', actor=access.COMMAND_LINE)\n"
        "except BackupError as exc:\n"
        "    print(exc)\n"
    )
    folder = tmp_path / "b"
    done = subprocess.run(
        [sys.executable, "-c", script, str(demo_path), str(folder)],
        capture_output=True, encoding="utf-8", timeout=60, check=True,
    )  # fmt: skip
    assert demo_path.stat().st_size > 100_000
    assert len(done.stdout.splitlines()) == 1 and "Database error" in done.stdout, done.stdout + done.stderr
    assert list(folder.iterdir()) == []


def test_backup_folder_from_settings(tmp_path):
    """The setting names the folder (relative to the database's folder); empty means backups/ beside it."""
    db_path = tmp_path / "centre" / "hotline.sqlite3"
    assert backup_folder(Settings(), db_path) == tmp_path / "centre" / "backups"
    assert backup_folder(Settings({"backup_dir": str(tmp_path / "usb")}), db_path) == tmp_path / "usb"
    assert backup_folder(Settings({"backup_dir": "saved"}), db_path) == tmp_path / "centre" / "saved"


# --- rotation ----------------------------------------------------------------------------------------------------


def test_rotation_over_400_days(demo_path, tmp_path):
    """A backup a day for 400 days, rotated each day, leaves the last 30 days and the last day of 12 months."""
    folder = tmp_path / "b"
    first = date(2025, 1, 10)
    days = [first + timedelta(days=offset) for offset in range(400)]
    for day in days:
        moment = datetime(day.year, day.month, day.day, 8, 15, tzinfo=VN)
        take_backup(demo_path, folder, kind="daily", actor=None, now=moment)
        rotate(folder, daily=30, monthly=12)
    expected = set(days[-30:])
    months = sorted({(day.year, day.month) for day in days})[-12:]
    expected |= {max(day for day in days if (day.year, day.month) == month) for month in months}
    remaining = list_backups(folder)
    assert {info.taken_at.date() for info in remaining} == expected
    assert len(remaining) == len(expected)
    assert len(list(folder.iterdir())) == len(expected)


def test_rotation_leaves_restore_copies_and_other_files(demo_path, tmp_path):
    """before-restore copies and files that are not Hotline's backups survive any rotation."""
    folder = tmp_path / "b"
    kept = take_backup(demo_path, folder, kind="before-restore", actor=access.COMMAND_LINE, now=NOW)
    (folder / "notes.txt").write_text("mine")
    (folder / "hotline-copy.sqlite3").write_bytes(b"x")
    for offset in range(5):
        take_backup(demo_path, folder, kind="daily", actor=None, now=NOW + timedelta(days=offset))
    deleted = rotate(folder, daily=1, monthly=0)
    assert len(deleted) == 4 and all("daily" in path.name for path in deleted)
    assert {path.name for path in folder.iterdir()} == {
        kept.path.name, "notes.txt", "hotline-copy.sqlite3", "hotline-20260306-090000-daily.sqlite3"
    }  # fmt: skip


def test_daily_backup_is_due_once_a_local_day(demo_path, tmp_path):
    """The start backup runs once per Vietnamese day; a restore's copy does not count as today's backup."""
    settings = Settings({"backup_dir": str(tmp_path / "b")})
    assert daily_backup_due(tmp_path / "b", NOW)
    take_backup(demo_path, tmp_path / "b", kind="before-restore", actor=access.COMMAND_LINE, now=NOW)
    assert daily_backup_due(tmp_path / "b", NOW)
    first = startup_backup(demo_path, settings, now=NOW)
    assert first is not None and first.kind == "daily"
    late_evening = datetime(2026, 3, 2, 16, 59, tzinfo=UTC)  # 23:59 the same Vietnamese day
    assert startup_backup(demo_path, settings, now=late_evening) is None
    next_day = datetime(2026, 3, 2, 17, 0, tzinfo=UTC)  # 00:00 on 03/03 in Vietnam, still 2 March in UTC
    assert startup_backup(demo_path, settings, now=next_day) is not None
    assert after_session_backup(demo_path, settings, now=next_day).kind == "exit"


# --- checking a file before a restore -----------------------------------------------------------------------------


def test_damaged_backup_is_refused_and_left_untouched(demo_path, tmp_path):
    """A backup with bytes overwritten in the middle is refused as damaged; the file is not changed."""
    info = take_backup(demo_path, tmp_path / "b", kind="manual", actor=access.COMMAND_LINE, now=NOW)
    damage(info.path)
    before = digest(info.path)
    with pytest.raises(BackupError, match="damaged") as refused:
        check_backup_file(info.path)
    assert "\n" not in str(refused.value) and refused.value.code == "backup.damaged"
    assert digest(info.path) == before
    assert sorted(p.name for p in info.path.parent.iterdir()) == [info.path.name]  # nothing written beside it


@pytest.mark.parametrize("kind", ["foreign sqlite", "text", "empty"])
def test_files_that_are_not_hotline_databases_are_refused(tmp_path, kind):
    """Another program's SQLite file, a text file and an empty file are refused as not Hotline's."""
    path = tmp_path / "file.sqlite3"
    if kind == "foreign sqlite":
        with closing(sqlite3.connect(path)) as conn:
            conn.execute("CREATE TABLE notes(text)")
    elif kind == "text":
        path.write_text("Đây không phải cơ sở dữ liệu\n", encoding="utf-8")
    else:
        path.write_bytes(b"")
    with pytest.raises(BackupError, match="not a Hotline database"):
        check_backup_file(path)


def test_missing_backup_file_is_named(tmp_path):
    """A mistyped file name is reported with its path."""
    with pytest.raises(BackupError, match=r"missing\.sqlite3"):
        check_backup_file(tmp_path / "missing.sqlite3")


def test_backup_from_a_newer_hotline_is_refused(demo_path, tmp_path):
    """A file with a migration this program does not know was made by a newer Hotline: refused."""
    info = take_backup(demo_path, tmp_path / "b", kind="manual", actor=access.COMMAND_LINE, now=NOW)
    with closing(sqlite3.connect(info.path)) as conn, conn:
        conn.execute(
            "INSERT INTO _sqlite_migrations(migration_set, name, applied_at) VALUES ('hotline', '9999_future', '')"
        )
    with pytest.raises(BackupError, match="newer Hotline"):
        check_backup_file(info.path)


# --- restore -----------------------------------------------------------------------------------------------------


def test_restore_round_trip(demo_path, admin_id, tmp_path):
    """After a restore the rows are the backup's (+1 audit row), later work is gone but kept in the copy."""
    info = take_backup(demo_path, tmp_path / "b", kind="manual", actor=admin_id, now=NOW)
    at_backup = counts(info.path)
    one_more_call(demo_path)
    before_restore = counts(demo_path)
    assert before_restore["calls"] == at_backup["calls"] + 1
    kept = restore(demo_path, info.path, actor=admin_id, now=NOW + timedelta(hours=1))
    assert counts(demo_path) == {**at_backup, "audit_log": at_backup["audit_log"] + 1}
    assert audit_actions(demo_path)[-1] == ("backup.restore", f"kept {kept.name}")
    assert kept.parent == demo_path.parent / "backups" and kept.name.endswith("-before-restore.sqlite3")
    assert counts(kept)["calls"] == before_restore["calls"]
    with closing(sqlite3.connect(demo_path)) as conn:
        assert conn.execute("SELECT count(*) FROM call_children WHERE name = 'Trẻ Mới'").fetchone() == (0,)
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert conn.execute("PRAGMA journal_mode").fetchone() == ("wal",)
    rotate(demo_path.parent / "backups", daily=0, monthly=0)
    assert kept.exists()


def test_restore_refuses_a_damaged_file_and_changes_nothing(demo_path, admin_id, tmp_path):
    """A damaged backup is refused before anything is copied or replaced."""
    info = take_backup(demo_path, tmp_path / "b", kind="manual", actor=admin_id, now=NOW)
    damage(info.path)
    before = counts(demo_path)
    with pytest.raises(BackupError, match="damaged"):
        restore(demo_path, info.path, actor=admin_id)
    assert counts(demo_path) == before
    assert not (demo_path.parent / "backups").exists()


def test_restore_needs_the_administrator(demo_path, tmp_path):
    """An operator's restore is refused and the database is left as it was."""
    info = take_backup(demo_path, tmp_path / "b", kind="manual", actor=access.COMMAND_LINE, now=NOW)
    one_more_call(demo_path)
    db = open_database(demo_path)
    operator = users.find_user(db, "tongdai1").id
    db.close()
    before = counts(demo_path)
    with pytest.raises(access.PermissionDenied):
        restore(demo_path, info.path, actor=operator)
    assert counts(demo_path) == {**before, "audit_log": before["audit_log"] + 1}  # the refusal is audited


def test_restore_onto_a_new_pc(demo_path, tmp_path):
    """With no database yet, the command line restores a backup into place and nothing is kept."""
    info = take_backup(demo_path, tmp_path / "b", kind="manual", actor=access.COMMAND_LINE, now=NOW)
    new_db = tmp_path / "new-pc" / "hotline.sqlite3"
    with pytest.raises(access.PermissionDenied):
        restore(new_db, info.path, actor=1)
    assert not new_db.exists()
    assert restore(new_db, info.path, actor=access.COMMAND_LINE) is None
    backed_up = counts(info.path)
    assert counts(new_db) == {**backed_up, "audit_log": backed_up["audit_log"] + 1}


def test_restore_over_a_database_sqlite_cannot_open(demo_path, tmp_path):
    """A database whose header is destroyed is kept byte for byte and replaced by the backup."""
    info = take_backup(demo_path, tmp_path / "b", kind="manual", actor=access.COMMAND_LINE, now=NOW)
    with open(demo_path, "r+b") as handle:
        handle.write(b"garbage!" * 16)
    ruined = digest(demo_path)
    kept = restore(demo_path, info.path, actor=access.COMMAND_LINE, now=NOW)
    assert digest(kept) == ruined
    assert counts(demo_path)["calls"] == counts(info.path)["calls"]


def test_restore_over_a_database_damaged_in_the_middle(demo_path, tmp_path):
    """A database SQLite opens though bytes mid-file are overwritten is kept as it is and replaced by the
    backup, which then reads back sound: the case a restore exists for."""
    info = take_backup(demo_path, tmp_path / "b", kind="manual", actor=access.COMMAND_LINE, now=NOW)
    damage(demo_path)
    kept = restore(demo_path, info.path, actor=access.COMMAND_LINE, now=NOW)
    assert kept.exists() and kept.stat().st_size > 0  # a record of what was there, damage and all
    assert counts(demo_path)["calls"] == counts(info.path)["calls"]
    with closing(sqlite3.connect(demo_path)) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_a_manual_backup_survives_the_days_other_backups(demo_path, tmp_path):
    """ "Back up now" is kept when the closing backup and its rotation come later the same day (rotation keeps
    one automatic backup a day, never the administrator's own)."""
    folder = tmp_path / "b"
    manual = take_backup(demo_path, folder, kind="manual", actor=access.COMMAND_LINE, now=NOW)
    for hours in (1, 2):
        take_backup(demo_path, folder, kind="exit", actor=None, now=NOW + timedelta(hours=hours))
        rotate(folder, daily=30, monthly=12)
    assert sorted(info.kind for info in list_backups(folder)) == ["exit", "manual"]
    assert manual.path.exists()


def test_restore_of_an_older_backup_upgrades_it(tmp_path):
    """A backup made before the latest migration is restored and brought up to date."""
    names = [migration.name for migration in migrations.pending(connect(":memory:"))]
    old = tmp_path / "old.sqlite3"
    db = connect(old)
    migrations.apply(db, stop_before=names[-1])
    db.close()
    current = tmp_path / "data" / "hotline.sqlite3"
    open_database(current).close()
    restore(current, old, actor=access.COMMAND_LINE, now=NOW)
    db = connect(current)
    try:
        assert migrations.pending(db) == []
        assert [name for name in (m.name for m in migrations.applied(db))] == names
    finally:
        db.close()


def test_restore_onto_itself_is_refused(demo_path):
    """Restoring the database onto itself is refused instead of destroying it."""
    with pytest.raises(BackupError, match="onto itself"):
        restore(demo_path, demo_path, actor=access.COMMAND_LINE)


# --- owner-only files --------------------------------------------------------------------------------------------


@POSIX
def test_new_database_and_its_wal_are_owner_only(tmp_path):
    """A new database, its -wal and -shm and its new folder are readable by the owner only, whatever the umask."""
    path = tmp_path / "new" / "hotline.sqlite3"
    previous = os.umask(0o022)  # the usual umask, which would make files readable by all (tests run on one thread)
    try:
        db = open_database(path)
        try:
            db.conn.execute("INSERT INTO lines(code, name, active, sort) VALUES ('1900', 'x', 1, 9)")
            assert {mode(p) for p in (path, Path(f"{path}-wal"), Path(f"{path}-shm"))} == {0o600}
            assert mode(path.parent) == 0o700
        finally:
            db.close()
    finally:
        os.umask(previous)


@POSIX
def test_backups_and_their_folder_are_owner_only(demo_path, tmp_path):
    """Backups are 0600 and a backup folder Hotline creates is 0700, under the usual umask."""
    previous = os.umask(0o022)
    try:
        info = take_backup(demo_path, tmp_path / "made" / "b", kind="manual", actor=access.COMMAND_LINE, now=NOW)
        kept = restore(demo_path, info.path, actor=access.COMMAND_LINE, now=NOW)
    finally:
        os.umask(previous)
    assert mode(info.path) == mode(kept) == 0o600
    assert mode(info.path.parent) == mode(kept.parent) == 0o700
