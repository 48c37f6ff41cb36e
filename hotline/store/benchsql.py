"""The bench's bare-SQL twins of the program's hot paths, on a plain sqlite3 connection to the same file."""

from __future__ import annotations

import json
import sqlite3
from collections import Counter
from datetime import date, datetime, timedelta
from pathlib import Path

from hotline.core.search import build_fts_query
from hotline.core.timeutil import to_ms
from hotline.store.calls import _SUMMARY_SELECT
from hotline.store.cases import _CHILD_SELECT, _CHUNK, _QUEUE_SQL
from hotline.store.daily_log import _ROW_SQL
from hotline.store.search import SEARCH_SQL


def bare_connection(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(str(path), isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("PRAGMA foreign_keys = ON")
    return conn


def bare_save(conn: sqlite3.Connection, operator_id: int, started_ms: int, uuid: str) -> None:
    """The statements of a save (call, two children, two categories, audit) in one durable transaction."""
    conn.execute("BEGIN IMMEDIATE")
    cur = conn.execute(
        "INSERT INTO calls(uuid, line, channel, started_at, duration_s, operator_id, outcome, phone_raw, phone_e164,"
        " phone_kind, summary, case_need, flagged, search_text, created_at, updated_at)"
        " VALUES (?, '111', 'phone', ?, 300, ?, 'substantive', '0912345678', '+84912345678', 'mobile',"
        " 'tom tat', 'required', 1, 'tom tat 0912345678 912345678', ?, ?)",
        [uuid, started_ms, operator_id, started_ms, started_ms],
    )
    call_id = cur.lastrowid
    for position in range(2):
        conn.execute(
            "INSERT INTO call_children(call_id, position, name, sex, age, age_band, province_code, ward_code,"
            " address, special_circumstances, carer)"
            " VALUES (?, ?, 'Bé A', 'female', 9, '6-10', 91, 30307, '', '[]', '')",
            [call_id, position],
        )
    conn.executemany(
        "INSERT INTO call_categories(call_id, code) VALUES (?, ?)",
        [(call_id, "abuse.sexual"), (call_id, "abuse.violence")],
    )
    conn.execute(
        "INSERT INTO audit_log(at, user_id, action, entity, entity_id, detail)"
        " VALUES (?, ?, 'call.save', 'call', ?, '')",
        [started_ms, operator_id, call_id],
    )
    conn.execute("COMMIT")


def bare_caller_history(conn: sqlite3.Connection, e164: str) -> list:
    conn.execute("SELECT count(*) FROM calls WHERE phone_e164 IN (?) AND id != -1", [e164]).fetchone()
    return conn.execute(
        """SELECT c.id, c.started_at, c.line, c.outcome, c.flagged,
                  (SELECT group_concat(code, ' ') FROM call_categories WHERE call_id = c.id),
                  (SELECT group_concat(number, ' ') FROM cases WHERE call_id = c.id)
           FROM calls c WHERE c.phone_e164 IN (?) AND c.id != -1 ORDER BY c.started_at DESC LIMIT 20""",
        [e164],
    ).fetchall()


def bare_day(conn: sqlite3.Connection, start: datetime, end: datetime) -> list:
    return conn.execute(
        _SUMMARY_SELECT + " WHERE c.started_at >= ? AND c.started_at < ? ORDER BY c.started_at, c.id",
        [to_ms(start), to_ms(end)],
    ).fetchall()


def bare_search(conn: sqlite3.Connection, text: str) -> list:
    return conn.execute(SEARCH_SQL.format(range=""), [build_fts_query(text), 50, 0]).fetchall()


def _bare_log_rows(conn: sqlite3.Connection, ids: list[int]) -> list:
    return conn.execute(_ROW_SQL, [json.dumps(ids)]).fetchall()


def bare_log_day_flagged(conn: sqlite3.Connection, start: datetime, end: datetime, page: int) -> list:
    """The daily log's count and first page of one day's flagged calls, oldest first."""
    where = "c.started_at >= ? AND c.started_at < ? AND c.flagged = 1"
    params = [to_ms(start), to_ms(end)]
    conn.execute(f"SELECT count(*) FROM calls c WHERE {where}", params).fetchone()
    ids = conn.execute(
        f"SELECT c.id FROM calls c WHERE {where} ORDER BY c.started_at, c.id LIMIT ? OFFSET 0", [*params, page]
    ).fetchall()
    return _bare_log_rows(conn, [r[0] for r in ids])


def bare_log_search(conn: sqlite3.Connection, start: datetime, end: datetime, text: str, page: int) -> list:
    """The daily log's count and first page of a period's calls matching a search."""
    params = [to_ms(start), to_ms(end)]
    low, high = conn.execute(
        "SELECT min(id), max(id) FROM calls WHERE started_at >= ? AND started_at < ?", params
    ).fetchone()
    where = (
        "c.started_at >= ? AND c.started_at < ?"
        " AND c.id IN (SELECT rowid FROM calls_fts WHERE calls_fts MATCH ? AND rowid >= ? AND rowid <= ?)"
    )
    params += [build_fts_query(text), low, high]
    conn.execute(f"SELECT count(*) FROM calls c WHERE {where}", params).fetchone()
    ids = conn.execute(
        f"SELECT c.id FROM calls c WHERE {where} ORDER BY c.started_at, c.id LIMIT ? OFFSET 0", [*params, page]
    ).fetchall()
    return _bare_log_rows(conn, [r[0] for r in ids])


def bare_log_page(conn: sqlite3.Connection, start: datetime, end: datetime, page: int, offset: int) -> list:
    """One page of a period's calls deep in the daily log, oldest first."""
    ids = conn.execute(
        "SELECT c.id FROM calls c WHERE c.started_at >= ? AND c.started_at < ? ORDER BY c.started_at, c.id"
        " LIMIT ? OFFSET ?",
        [to_ms(start), to_ms(end), page, offset],
    ).fetchall()
    return _bare_log_rows(conn, [r[0] for r in ids])


def bare_report(conn: sqlite3.Connection, statements: list[tuple[str, str, dict]]) -> None:
    """The statistics report's statements (store.stats.report_statements) on one snapshot, rows fetched, nothing
    assembled: what report_figures costs beyond this is the program's own overhead."""
    conn.execute("BEGIN")
    try:
        for _name, sql, params in statements:
            conn.execute(sql, params).fetchall()
    finally:
        conn.execute("ROLLBACK")


def busiest_periods(conn: sqlite3.Connection) -> tuple[tuple[date, date], tuple[date, date]]:
    """The calendar month and the calendar year (local dates, first and last day) with the most calls."""
    months: Counter[date] = Counter()
    years: Counter[int] = Counter()
    epoch = date(1970, 1, 1)
    for local_day, count in conn.execute(
        "SELECT (started_at + 25200000) / 86400000 AS d, count(*) FROM calls GROUP BY d"  # Vietnam: UTC+7 all year
    ):
        day = epoch + timedelta(days=local_day)
        months[day.replace(day=1)] += count
        years[day.year] += count
    month = months.most_common(1)[0][0]
    year = years.most_common(1)[0][0]
    following = (month + timedelta(days=32)).replace(day=1)
    return (month, following - timedelta(days=1)), (date(year, 1, 1), date(year, 12, 31))


def remove_calls(conn: sqlite3.Connection, uuids: list[str]) -> None:
    """Take the bench's own saved calls out again, so a reused bench database stays as built."""
    marks = ",".join("?" * len(uuids))
    conn.execute("BEGIN IMMEDIATE")
    ids = [r[0] for r in conn.execute(f"SELECT id FROM calls WHERE uuid IN ({marks})", uuids)]
    id_marks = ",".join("?" * len(ids))
    conn.execute(f"DELETE FROM call_children WHERE call_id IN ({id_marks})", ids)
    conn.execute(f"DELETE FROM call_categories WHERE call_id IN ({id_marks})", ids)
    conn.execute(f"DELETE FROM calls WHERE id IN ({id_marks})", ids)
    conn.execute("COMMIT")


def busiest_day_ms(conn: sqlite3.Connection) -> int:
    """The local (UTC+7) day with the most calls, as the UTC ms of its start."""
    day = conn.execute(
        "SELECT (started_at + 25200000) / 86400000 AS d FROM calls GROUP BY d ORDER BY count(*) DESC LIMIT 1"
    ).fetchone()[0]
    return day * 86400000 - 25200000


def common_phone(conn: sqlite3.Connection) -> str:
    return conn.execute(
        "SELECT phone_e164 FROM calls WHERE phone_e164 LIKE '+84%' GROUP BY phone_e164 ORDER BY count(*) DESC LIMIT 1"
    ).fetchone()[0]


def call_count(conn: sqlite3.Connection) -> int:
    return conn.execute("SELECT count(*) FROM calls").fetchone()[0]


def last_call_ms(conn: sqlite3.Connection) -> int:
    return conn.execute("SELECT max(started_at) FROM calls").fetchone()[0]


def user_id(conn: sqlite3.Connection, username: str) -> int:
    """The id of a user of the bench database (a demo account)."""
    row = conn.execute("SELECT id FROM users WHERE username = ?", [username]).fetchone()
    if row is None:
        raise LookupError(f"the bench database has no user {username!r}: build it with the demo generator")
    return row[0]


def bare_followup_queue(conn: sqlite3.Connection) -> list:
    """The follow-up queue's statements (store.cases.followup_queue): the waiting calls, then their children and
    open case files in chunks of ids, rows fetched and nothing assembled."""
    rows = conn.execute(_QUEUE_SQL).fetchall()  # the same statement, nearest clock first
    ids = [r[0] for r in rows]
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start : start + _CHUNK]
        marks = ",".join("?" * len(chunk))
        conn.execute(_CHILD_SELECT + f" WHERE call_id IN ({marks}) ORDER BY position, id", chunk).fetchall()
        conn.execute(
            f"SELECT call_id, child_id FROM cases WHERE call_id IN ({marks}) AND status != 'closed' ORDER BY id", chunk
        ).fetchall()
        conn.execute(
            "SELECT call_id, kind, to_whom, means, at, user_id, id FROM handoffs"
            f" WHERE call_id IN ({marks}) ORDER BY at, id",
            chunk,
        ).fetchall()
    return rows
