"""The change token: one counter that real changes move (calls, cases, users…) and drafts, audit rows and reads do
not, so an open screen reloads when another desk saved something, not at every autosave of a call being typed."""

from __future__ import annotations

import sqlite3

import sqlite_utils

from hotline.store.db import translate_error

#: The tables whose changes another desk's open screen must show. Not watched: drafts (autosaved every second while
#: a call is typed), the audit log (a view of a case writes one), the FTS index's own tables, the migrations' list,
#: and the counters and history that only ever move with a watched table (case_numbers, report_numbers,
#: call_changes).
WATCHED = (
    "calls", "call_children", "call_categories", "case_calls", "case_events", "cases", "categories",
    "followup_waiting", "handoffs", "lines", "settings", "users",
)  # fmt: skip
NOT_WATCHED = (
    "_sqlite_migrations", "audit_log", "drafts", "case_numbers", "report_numbers", "call_changes", "changes",
    "calls_fts", "calls_fts_config", "calls_fts_data", "calls_fts_docsize", "calls_fts_idx",
)  # fmt: skip


def install_triggers(db: sqlite_utils.Database, tables=WATCHED) -> None:
    """The counter row and, on each watched table, a trigger per kind of change that moves it (a migration's step)."""
    db.execute("CREATE TABLE IF NOT EXISTS changes (id INTEGER PRIMARY KEY CHECK (id = 1), counter INTEGER NOT NULL)")
    db.execute("INSERT OR IGNORE INTO changes(id, counter) VALUES (1, 0)")
    for table in tables:
        for kind in ("INSERT", "UPDATE", "DELETE"):
            db.execute(
                f"CREATE TRIGGER IF NOT EXISTS {table}_changed_{kind.lower()} AFTER {kind} ON {table} "
                "BEGIN UPDATE changes SET counter = counter + 1 WHERE id = 1; END"
            )


def change_token(db: sqlite_utils.Database) -> int:
    """The counter as committed now: it differs from an earlier reading when anything watched changed since, on
    this connection or another (one indexed read: cheap enough to poll every second)."""
    try:
        return db.conn.execute("SELECT counter FROM changes WHERE id = 1").fetchone()[0]
    except sqlite3.Error as exc:  # a closed or vanished connection: the caller polls again or stops
        raise translate_error(exc) from None
