"""Opening a database file: pragmas, migrations, the copy before an upgrade, foreign and damaged files."""

from __future__ import annotations

import random
import sqlite3
from pathlib import Path

import pytest
import sqlite_utils

from hotline.core.taxonomy import load_taxonomy
from hotline.store import migrations
from hotline.store.calls import save_call
from hotline.store.db import DamagedDatabaseError, StoreError, open_database, write

# DESIGN §4: the tables every Hotline database holds.
DESIGN_TABLES = {
    "lines",
    "users",
    "calls",
    "call_children",
    "call_categories",
    "call_changes",
    "cases",
    "case_calls",
    "case_events",
    "drafts",
    "audit_log",
    "settings",
    "calls_fts",
}


def schema(path: Path) -> list[tuple]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name").fetchall()
    finally:
        conn.close()


def migration_rows(path: Path) -> list[tuple]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT * FROM _sqlite_migrations ORDER BY id").fetchall()
    finally:
        conn.close()


def before_copies(folder: Path) -> list[Path]:
    return sorted(p for p in folder.glob("*.before-*") if not p.name.endswith(("-wal", "-shm")))


@pytest.fixture
def extra_migration():
    """Register one more migration for the length of a test, then restore the registry as it was."""
    registry = migrations.migrations
    saved = list(registry._migrations)
    name = "9999_test_extra_table"

    @registry(name=name)
    def _extra(db: sqlite_utils.Database) -> None:
        db.execute("CREATE TABLE test_extra (x INTEGER)")

    try:
        yield name
    finally:
        registry._migrations[:] = saved


def test_pragmas(tmp_path):
    """open_database turns on WAL, synchronous=FULL, foreign keys and a busy timeout of at least 5 s."""
    db = open_database(tmp_path / "h.sqlite3")
    try:
        conn = db.conn
        assert conn.execute("PRAGMA journal_mode").fetchone()[0].lower() == "wal"
        assert conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
        assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert conn.execute("PRAGMA busy_timeout").fetchone()[0] >= 5000
    finally:
        db.close()
    other = sqlite3.connect(tmp_path / "h.sqlite3")
    try:  # WAL is a property of the file, so any later connection sees it too
        assert other.execute("PRAGMA journal_mode").fetchone()[0].lower() == "wal"
    finally:
        other.close()


def test_migrations_create_the_schema(tmp_path):
    """A new file gets every registered migration, the DESIGN §4 tables, both lines and the taxonomy's codes."""
    path = tmp_path / "h.sqlite3"
    db = open_database(path)
    db.close()
    applied = [(row[1], row[2]) for row in migration_rows(path)]
    assert applied == [("hotline", m.name) for m in migrations.migrations._migrations]
    names = {row[1] for row in schema(path) if row[0] == "table"}
    assert names >= DESIGN_TABLES
    conn = sqlite3.connect(path)
    try:
        assert {r[0] for r in conn.execute("SELECT code FROM lines")} == {"111", "18008077"}
        stored = {r[0] for r in conn.execute("SELECT code FROM categories")}
    finally:
        conn.close()
    assert stored == {c.code for c in load_taxonomy().categories}
    assert before_copies(tmp_path) == []  # a new file has nothing to copy


def test_migrations_again_change_nothing(db_path):
    """Opening a current database again, or migrating it again, changes neither schema nor migration rows."""
    db = open_database(db_path)
    db.close()
    schema_before, rows_before = schema(db_path), migration_rows(db_path)
    db = open_database(db_path)
    try:
        assert migrations.migrate(db, db_path) == []
    finally:
        db.close()
    assert schema(db_path) == schema_before
    assert migration_rows(db_path) == rows_before
    assert before_copies(db_path.parent) == []


def test_file_is_copied_before_an_upgrade(db, db_path, make_call, extra_migration):
    """A pending migration makes a `*.before-*` copy first: a sound database holding the data as it was."""
    saved = save_call(db, make_call(summary="before the upgrade"))
    db.close()
    schema_before = schema(db_path)

    upgraded = open_database(db_path)
    try:
        assert upgraded["test_extra"].exists()
        assert extra_migration in {m.name for m in migrations.migrations.applied(upgraded)}
    finally:
        upgraded.close()

    copies = before_copies(db_path.parent)
    assert len(copies) == 1
    copy = copies[0]
    assert copy.name.startswith(db_path.stem + ".before-")
    assert extra_migration in copy.name
    conn = sqlite3.connect(copy)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("SELECT uuid, summary FROM calls").fetchall() == [(saved.uuid, "before the upgrade")]
        names = [r[0] for r in conn.execute("SELECT name FROM _sqlite_migrations")]
    finally:
        conn.close()
    assert extra_migration not in names
    assert schema(copy) == schema_before


def test_failed_upgrade_leaves_the_schema_as_it_was(db, db_path):
    """A migration that fails raises StoreError, keeps the copy, and leaves the file openable as before."""
    db.close()
    schema_before, rows_before = schema(db_path), migration_rows(db_path)
    registry = migrations.migrations
    saved = list(registry._migrations)

    @registry(name="9999_test_broken")
    def _broken(database: sqlite_utils.Database) -> None:
        database.execute("CREATE TABLE half_done (x INTEGER)")
        database.execute("THIS IS NOT SQL")

    try:
        with pytest.raises(StoreError) as info:
            open_database(db_path)
        assert not isinstance(info.value, sqlite3.Error)
    finally:
        registry._migrations[:] = saved
    assert schema(db_path) == schema_before
    assert migration_rows(db_path) == rows_before
    assert len(before_copies(db_path.parent)) == 1
    open_database(db_path).close()


def test_foreign_sqlite_file_is_refused(tmp_path):
    """A SQLite file of another program (other tables, no Hotline migrations) is refused and left unchanged."""
    path = tmp_path / "other.sqlite3"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)")
    conn.execute("INSERT INTO customers(name) VALUES ('synthetic customer')")
    conn.commit()
    conn.close()
    schema_before = schema(path)

    with pytest.raises(StoreError) as info:
        open_database(path)
    assert not isinstance(info.value, sqlite3.Error)
    assert schema(path) == schema_before
    assert before_copies(tmp_path) == []


def test_foreign_sqlite_utils_file_is_refused(tmp_path):
    """A file of another sqlite-utils program (its own _sqlite_migrations set) is refused, not upgraded."""
    path = tmp_path / "other.sqlite3"
    other = sqlite_utils.Database(path)
    theirs = sqlite_utils.Migrations("some_other_program")

    @theirs(name="0001_start")
    def _start(db: sqlite_utils.Database) -> None:
        db.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)")

    theirs.apply(other)
    other.close()
    schema_before = schema(path)

    with pytest.raises(StoreError):
        open_database(path)
    assert schema(path) == schema_before
    assert before_copies(tmp_path) == []


def test_random_bytes_give_a_clear_error(tmp_path):
    """A file of random bytes raises DamagedDatabaseError (never a raw sqlite3 error) and is not modified."""
    path = tmp_path / "random.sqlite3"
    data = random.Random(42).randbytes(64 * 1024)
    path.write_bytes(data)
    with pytest.raises(DamagedDatabaseError) as info:
        open_database(path)
    assert not isinstance(info.value, sqlite3.Error)
    assert "damaged" in str(info.value).lower()
    assert path.read_bytes() == data


def test_text_file_gives_a_clear_error(tmp_path):
    """A text file picked by mistake (long enough to hold a header) raises DamagedDatabaseError."""
    path = tmp_path / "calls.csv"
    path.write_text("uuid,line,started_at\n" * 200, encoding="utf-8")
    with pytest.raises(DamagedDatabaseError):
        open_database(path)


def test_write_rolls_back_and_translates_errors(db):
    """A failed statement inside write() rolls the whole transaction back and leaves as StoreError."""
    with pytest.raises(StoreError) as info, write(db) as conn:
        conn.execute("INSERT INTO settings(key, value) VALUES ('test.key', '1')")
        conn.execute("INSERT INTO settings(key, value) VALUES ('test.key', '2')")  # duplicate primary key
    assert not isinstance(info.value, sqlite3.Error)
    assert not db.conn.in_transaction
    assert db.conn.execute("SELECT count(*) FROM settings WHERE key = 'test.key'").fetchone()[0] == 0
