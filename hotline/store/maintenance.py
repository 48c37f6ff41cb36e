"""Integrity checks of a database file."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from hotline.core.wording import QT_TRANSLATE_NOOP, word
from hotline.store.db import START_WAIT_SECONDS, StoreError, translate_error


def check_database(path: Path | str) -> list[str]:
    """Problems found in the file (empty when it is a sound Hotline database). Changes nothing in it."""
    path = Path(path)
    if not path.is_file():
        raise StoreError("db.no_such_file", QT_TRANSLATE_NOOP("StoreError", "No such file: {path}"), path=path)
    try:
        # A file held by another program is said within seconds, as at start (store.db.check_file_usable).
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=START_WAIT_SECONDS)
    except sqlite3.Error as exc:
        raise translate_error(exc, path) from None
    try:
        problems = [row[0] for row in conn.execute("PRAGMA integrity_check") if row[0] != "ok"]
        problems += [
            f"foreign key: {table} row {rowid} → {parent}"
            for table, rowid, parent, _ in conn.execute("PRAGMA foreign_key_check")
        ]
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if "_sqlite_migrations" not in tables or "calls" not in tables:
            problems.append(word(QT_TRANSLATE_NOOP("StoreError", "not a Hotline database")))
        else:
            problems += _fts_check(path)
    except sqlite3.Error as exc:
        raise translate_error(exc, path) from None
    finally:
        conn.close()
    return problems


def _fts_check(path: Path) -> list[str]:
    """FTS5's own check of the search index against the calls table.

    It is issued as an INSERT, so it needs a writable connection; it changes nothing (rolled back). SQLite before
    3.44 does not look inside FTS5 tables in PRAGMA integrity_check.
    """
    try:
        conn = sqlite3.connect(str(path), timeout=START_WAIT_SECONDS, isolation_level=None)
    except sqlite3.Error:
        return []  # a read-only file: the page-level check above is all that can run
    try:
        conn.execute("BEGIN")
        conn.execute("INSERT INTO calls_fts(calls_fts, rank) VALUES ('integrity-check', 1)")
    except sqlite3.DatabaseError as exc:
        if "readonly" in str(exc).lower() or "read-only" in str(exc).lower():
            return []
        if "locked" in str(exc).lower() or "busy" in str(exc).lower():
            raise translate_error(exc, path) from None  # held by another program: not a fault of the file
        return [f"fts: {exc}"]
    finally:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        conn.close()
    return []
