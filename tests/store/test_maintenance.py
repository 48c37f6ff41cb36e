"""check_database: a sound file has no problems, a damaged one is reported clearly."""

from __future__ import annotations

import random
import shutil
import sqlite3
import time

import pytest

from hotline.store.calls import save_call
from hotline.store.db import START_WAIT_SECONDS, DamagedDatabaseError, StoreError
from hotline.store.maintenance import check_database

PAGE = 4096


@pytest.fixture
def demo_copy(demo_template, tmp_path):
    """A closed copy of the demo database: thousands of calls, so the file has many pages."""
    path = tmp_path / "demo.sqlite3"
    shutil.copyfile(demo_template, path)
    return path


def test_fresh_database_has_no_problems(db, db_path):
    """A new database has no problems, whether it is open elsewhere or closed."""
    assert check_database(db_path) == []
    db.close()
    assert check_database(db_path) == []


def test_demo_database_has_no_problems(demo_copy):
    """A database full of demo calls and cases has no problems."""
    assert check_database(demo_copy) == []


def test_check_does_not_change_the_file(demo_copy):
    """Checking opens the file read-only: its bytes are the same afterwards."""
    before = demo_copy.read_bytes()
    check_database(demo_copy)
    assert demo_copy.read_bytes() == before


@pytest.mark.parametrize("where", [0.3, 0.5, 0.7])
def test_overwritten_bytes_are_reported(demo_copy, where):
    """Random bytes over a page in the middle of the file give problems or a clear DamagedDatabaseError."""
    conn = sqlite3.connect(demo_copy)
    page_size, pages = conn.execute("PRAGMA page_size").fetchone()[0], conn.execute("PRAGMA page_count").fetchone()[0]
    conn.close()
    assert page_size == PAGE and pages > 50
    offset = int(pages * where) * page_size
    with demo_copy.open("r+b") as f:
        f.seek(offset)
        f.write(random.Random(offset).randbytes(page_size))
    try:
        problems = check_database(demo_copy)
    except DamagedDatabaseError as exc:
        assert "damaged" in str(exc).lower()
    else:
        assert problems, "a page of random bytes went unnoticed"
        assert all(isinstance(p, str) and p for p in problems)


def test_random_file_is_damaged(tmp_path):
    """A file of random bytes raises DamagedDatabaseError."""
    path = tmp_path / "random.sqlite3"
    path.write_bytes(random.Random(7).randbytes(16 * PAGE))
    with pytest.raises(DamagedDatabaseError):
        check_database(path)


def test_foreign_file_is_reported(tmp_path):
    """A sound SQLite file that is not Hotline's is reported as not a Hotline database."""
    path = tmp_path / "other.sqlite3"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE customers (id INTEGER PRIMARY KEY)")
    conn.commit()
    conn.close()
    problems = check_database(path)
    assert len(problems) == 1 and "hotline" in problems[0].lower()


def test_missing_file(tmp_path):
    """A path with no file raises StoreError rather than creating an empty database."""
    path = tmp_path / "nothing.sqlite3"
    with pytest.raises(StoreError):
        check_database(path)
    assert not path.exists()


def test_search_index_out_of_step_is_reported(db, db_path, make_call):
    """A full-text index that no longer matches the calls table is reported as a problem."""
    save_call(db, make_call(summary="chữ một"))
    db.conn.execute("DROP TRIGGER calls_fts_update")
    db.conn.execute("UPDATE calls SET search_text = 'khac hoan toan'")
    db.close()
    assert check_database(db_path) != []


def test_check_of_a_file_held_in_a_write_says_so_within_seconds(db_path):
    """A file another program is writing is not reported as damaged: the check says the file is held, quickly."""
    holder = sqlite3.connect(db_path, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        began = time.monotonic()
        with pytest.raises(StoreError, match="another program"):
            check_database(db_path)
        assert time.monotonic() - began < START_WAIT_SECONDS * 3
    finally:
        holder.close()
