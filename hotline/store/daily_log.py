"""The daily log: filtered, sorted pages of calls, the shift summary, review, re-flagging, and change polling.

A page is read in two steps: the ids of the page (a lean query that sorts only keys and skips OFFSET rows
without computing anything else), then the shown columns for those ids alone. So a page deep in a month costs
little more than the first one, and a sort on any column never computes categories or case numbers for the
rows it skips.
"""

from __future__ import annotations

import json
import logging
import sqlite3
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import replace

import sqlite_utils

from hotline.core import permissions
from hotline.core.daily_log import ONE_KEY, LogFilter, LogRow, ShiftSummary, child_age_text
from hotline.core.models import NEED_REQUIRED, SUBSTANTIVE
from hotline.core.places import ward_name
from hotline.core.search import build_fts_query, phone_matches
from hotline.core.timeutil import from_ms, to_ms, utcnow
from hotline.core.wording import QT_TRANSLATE_NOOP
from hotline.store import access, audit
from hotline.store import calls as call_store
from hotline.store.db import StoreError, write

log = logging.getLogger(__name__)

#: Risk levels in order of danger, so a sort on risk puts "immediate" at one end and "none" at the other.
_RISK_RANK = "CASE c.risk WHEN 'none' THEN 0 WHEN 'low' THEN 1 WHEN 'medium' THEN 2 WHEN 'high' THEN 3 ELSE 4 END"
#: Sort key → SQL. Only these strings ever reach ORDER BY.
_SORT_SQL = {
    "started_at": "c.started_at",
    "line": "c.line",
    "operator": "u.display_name",
    "outcome": "c.outcome",
    "duration_s": "c.duration_s",
    "risk": _RISK_RANK,
    "flagged": "c.flagged",
    "reviewed": "(c.reviewed_at IS NOT NULL)",
}
_CLEARED = f"(c.case_need = '{NEED_REQUIRED}' AND c.flagged = 0)"
#: A report due to the commune at once, or an adult trafficking victim's referral, that no hand-off records yet.
_NOT_PASSED_ON = (
    "((c.handoff_due IS NOT NULL"
    " AND NOT EXISTS (SELECT 1 FROM handoffs h WHERE h.call_id = c.id AND h.kind = 'commune'))"
    " OR (c.victim_referral = 1"
    " AND NOT EXISTS (SELECT 1 FROM handoffs h WHERE h.call_id = c.id AND h.kind = 'victim')))"
)
_HAS_CASE = (
    "(EXISTS (SELECT 1 FROM cases k WHERE k.call_id = c.id)"
    " OR EXISTS (SELECT 1 FROM case_calls l WHERE l.call_id = c.id))"
)
_CHUNK = 500  # ids per detail query
#: The texts a search looks in (core.search.build_search_text), read for a page only while a search is shown.
_MATCH_SQL = """
    SELECT c.id, 'caller_name', c.caller_name FROM calls c WHERE c.id IN (SELECT value FROM json_each(?1))
    UNION ALL SELECT c.id, 'action_taken', c.action_taken FROM calls c WHERE c.id IN (SELECT value FROM json_each(?1))
    UNION ALL SELECT ch.call_id, 'child_name', ch.name FROM call_children ch
        WHERE ch.call_id IN (SELECT value FROM json_each(?1))
    UNION ALL SELECT ch.call_id, 'address', ch.address FROM call_children ch
        WHERE ch.call_id IN (SELECT value FROM json_each(?1))
    UNION ALL SELECT ch.call_id, 'carer', ch.carer FROM call_children ch
        WHERE ch.call_id IN (SELECT value FROM json_each(?1))
    UNION ALL SELECT ch.call_id, 'ward', ch.ward_code FROM call_children ch
        WHERE ch.call_id IN (SELECT value FROM json_each(?1))
"""

_ROW_SQL = f"""
    SELECT c.id, c.started_at, c.line, c.operator_id, coalesce(u.display_name, ''), c.outcome, c.duration_s,
           (SELECT group_concat(code, ' ') FROM call_categories WHERE call_id = c.id),
           ch.sex, ch.age, ch.age_band, ch.ward_code,
           c.risk, c.flagged, c.case_need,
           (SELECT group_concat(number, ' ') FROM (
                SELECT number FROM cases WHERE call_id = c.id
                UNION SELECT k.number FROM case_calls l JOIN cases k ON k.id = l.case_id WHERE l.call_id = c.id)),
           c.reviewed_at IS NOT NULL, {_CLEARED}, c.phone_raw, c.version, c.summary
    FROM calls c
    LEFT JOIN users u ON u.id = c.operator_id
    LEFT JOIN call_children ch ON ch.id = (
        SELECT id FROM call_children WHERE call_id = c.id ORDER BY position, id LIMIT 1)
    WHERE c.id IN (SELECT value FROM json_each(?))
"""
#: The further columns of an export, for the same ids.
_EXPORT_SQL = """
    SELECT c.id, c.channel, c.phone_e164, c.caller_relation, c.caller_name, c.summary, c.action_taken,
           (SELECT count(*) FROM call_children WHERE call_id = c.id), c.review_note
    FROM calls c WHERE c.id IN (SELECT value FROM json_each(?))
"""


class ReviewNeedsDecision(StoreError):
    """Some calls to review had their rule flag cleared by an operator: the lead must confirm or re-flag them."""

    def __init__(self, call_ids: list[int]):
        super().__init__(
            "review.cleared_flags_undecided",
            QT_TRANSLATE_NOOP(
                "StoreError", "Some calls had a required case-file flag cleared: confirm or re-flag them"
            ),
        )
        self.call_ids = list(call_ids)


class _NoMatch(Exception):
    """The search cannot match anything in the range: the answer is empty without asking SQLite."""


# --- the filter as SQL --------------------------------------------------------------------------------------


def _where(db: sqlite_utils.Database, f: LogFilter) -> tuple[str, list]:
    """The WHERE clause of a filter (over ``calls c``) and its parameters; every value is bound."""
    clauses = ["c.started_at >= ?", "c.started_at < ?"]
    params: list = [to_ms(f.start), to_ms(f.end)]
    if f.lines:
        clauses.append(f"c.line IN ({','.join('?' * len(f.lines))})")
        params += list(f.lines)
    if f.operator_id is not None:
        clauses.append("c.operator_id = ?")
        params.append(f.operator_id)
    if f.outcome == ONE_KEY:
        clauses.append("c.outcome != ?")
        params.append(SUBSTANTIVE)
    elif f.outcome is not None:
        clauses.append("c.outcome = ?")
        params.append(f.outcome)
    if f.category is not None:
        clauses.append("EXISTS (SELECT 1 FROM call_categories cc WHERE cc.call_id = c.id AND cc.code = ?)")
        params.append(f.category)
    if f.category_group is not None:
        # codes are "group.topic": the group's codes lie between "group." and "group/" ('/' follows '.')
        clauses.append(
            "EXISTS (SELECT 1 FROM call_categories cc WHERE cc.call_id = c.id AND cc.code >= ? AND cc.code < ?)"
        )
        params += [f.category_group + ".", f.category_group + "/"]
    if f.risk is not None:
        clauses.append("c.risk = ?")
        params.append(f.risk)
    if f.flagged is not None:
        clauses.append("c.flagged = ?")
        params.append(int(f.flagged))
    if f.without_case:
        clauses.append(f"c.flagged = 1 AND NOT {_HAS_CASE}")
    if f.flag_cleared:
        clauses.append(_CLEARED)
    if f.not_passed_on:
        clauses.append(_NOT_PASSED_ON)
    if f.reviewed is not None:
        clauses.append("c.reviewed_at IS NOT NULL" if f.reviewed else "c.reviewed_at IS NULL")
    query = build_fts_query(f.text)
    if query is not None:
        # FTS5 narrows its doclists to a rowid range cheaply; the range's lowest and highest ids bound the
        # matches exactly (ids grow with saving, not strictly with start time, so they are read, not guessed).
        low, high = db.conn.execute(
            "SELECT min(id), max(id) FROM calls WHERE started_at >= ? AND started_at < ?", params[:2]
        ).fetchone()
        if low is None:
            raise _NoMatch
        clauses.append("c.id IN (SELECT rowid FROM calls_fts WHERE calls_fts MATCH ? AND rowid >= ? AND rowid <= ?)")
        params += [query, low, high]
    return " AND ".join(clauses), params


def _order(f: LogFilter) -> str:
    direction = " DESC" if f.descending else ""
    return f"{_SORT_SQL[f.sort]}{direction}, c.id{direction}"


def _run(db: sqlite_utils.Database, sql: str, params: Sequence) -> list:
    """Run a read; a search SQLite refuses (not expected: every word is quoted) is an empty answer, not an error."""
    try:
        return db.conn.execute(sql, params).fetchall()
    except sqlite3.OperationalError as exc:
        if "fts5" not in str(exc).lower() and "match" not in str(exc).lower():
            raise
        log.warning("daily log search failed: %s", type(exc).__name__)
        return []


def _page_ids(db: sqlite_utils.Database, f: LogFilter, limit: int, offset: int) -> list[int]:
    try:
        where, params = _where(db, f)
    except _NoMatch:
        return []
    join = " JOIN users u ON u.id = c.operator_id" if f.sort == "operator" else ""
    sql = f"SELECT c.id FROM calls c{join} WHERE {where} ORDER BY {_order(f)} LIMIT ? OFFSET ?"
    return [r[0] for r in _run(db, sql, [*params, limit, offset])]


# --- reading ------------------------------------------------------------------------------------------------


def _log_row(r) -> LogRow:
    has_child = r[8] is not None
    return LogRow(
        id=r[0], started_at=from_ms(r[1]), line=r[2], operator_id=r[3], operator_name=r[4], outcome=r[5],
        duration_s=r[6], categories=tuple(r[7].split()) if r[7] else (),
        child_sex=r[8] or "", child_age=child_age_text(r[9], r[10]) if has_child else "", commune=ward_name(r[11]),
        risk=r[12], flagged=bool(r[13]), case_need=r[14],
        case_numbers=tuple(sorted(r[15].split())) if r[15] else (), reviewed=bool(r[16]), flag_cleared=bool(r[17]),
        phone_raw=r[18], version=r[19], summary=r[20] or "",
    )  # fmt: skip


def _rows_for(db: sqlite_utils.Database, ids: list[int]) -> list[LogRow]:
    by_id = {}
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start : start + _CHUNK]
        for r in db.conn.execute(_ROW_SQL, [json.dumps(chunk)]):
            by_id[r[0]] = _log_row(r)
    return [by_id[i] for i in ids if i in by_id]


def log_rows(
    db: sqlite_utils.Database, f: LogFilter, *, viewer_id: int, limit: int = 500, offset: int = 0
) -> list[LogRow]:
    """One page of the filtered calls, sorted by ``f.sort`` (then by id, the same way, so pages never overlap).

    Like every read of the log, it needs CALL_VIEW_ALL.
    """
    access.require(db, viewer_id, permissions.CALL_VIEW_ALL)
    rows = _rows_for(db, _page_ids(db, f, limit, offset))
    return _with_matches(db, rows, f.text) if build_fts_query(f.text) and rows else rows


def _with_matches(db: sqlite_utils.Database, rows: list[LogRow], text: str) -> list[LogRow]:
    """The rows with the snippets of their texts that hold the words searched for (the summary first)."""
    texts: dict[int, list[tuple[str, str]]] = {row.id: [("summary", row.summary)] for row in rows}
    for start in range(0, len(rows), _CHUNK):
        chunk = json.dumps([row.id for row in rows[start : start + _CHUNK]])
        for call_id, field_name, value in db.conn.execute(_MATCH_SQL, [chunk]):
            if value:
                texts[call_id].append((field_name, ward_name(value) if field_name == "ward" else value))
    return [
        replace(row, search=text, texts=tuple(texts[row.id]), phone_matched=phone_matches(text, row.phone_raw))
        for row in rows
    ]


def log_count(db: sqlite_utils.Database, f: LogFilter, *, viewer_id: int) -> int:
    """How many calls the filter shows."""
    access.require(db, viewer_id, permissions.CALL_VIEW_ALL)
    try:
        where, params = _where(db, f)
    except _NoMatch:
        return 0
    rows = _run(db, f"SELECT count(*) FROM calls c WHERE {where}", params)
    return rows[0][0] if rows else 0


def log_ids(db: sqlite_utils.Database, f: LogFilter, *, viewer_id: int) -> list[int]:
    """The ids of every call the filter shows, in the log's order (for "select all" and exports)."""
    access.require(db, viewer_id, permissions.CALL_VIEW_ALL)
    return _page_ids(db, f, -1, 0)


def shift_summary(db: sqlite_utils.Database, f: LogFilter, *, viewer_id: int) -> ShiftSummary:
    """Counts over the filtered calls: by line and outcome, substantive calls by category group, flags, durations.

    The sort of ``f`` plays no part. A substantive call counts once per category group it has.
    """
    access.require(db, viewer_id, permissions.CALL_VIEW_ALL)
    try:
        where, params = _where(db, f)
    except _NoMatch:
        return ShiftSummary()
    rows = _run(
        db,
        f"""
        SELECT c.line, c.outcome, count(*), sum(c.flagged), sum(c.duration_s), max(c.duration_s),
               sum(c.reviewed_at IS NULL), sum({_CLEARED}),
               sum(CASE WHEN c.flagged = 1 THEN {_HAS_CASE} ELSE 0 END)
        FROM calls c WHERE {where} GROUP BY c.line, c.outcome
        """,
        params,
    )
    by_line: Counter[str] = Counter()
    by_outcome: Counter[str] = Counter()
    flagged = with_case = seconds = longest = unreviewed = cleared = 0
    for line, outcome, count, n_flagged, n_seconds, n_longest, n_unreviewed, n_cleared, n_with_case in rows:
        by_line[line] += count
        by_outcome[outcome] += count
        flagged += n_flagged
        seconds += n_seconds
        longest = max(longest, n_longest)
        unreviewed += n_unreviewed
        cleared += n_cleared
        with_case += n_with_case
    total = sum(by_line.values())
    groups = _run(
        db,
        f"""
        SELECT substr(cc.code, 1, instr(cc.code, '.') - 1) AS grp, count(DISTINCT c.id)
        FROM calls c JOIN call_categories cc ON cc.call_id = c.id
        WHERE {where} AND c.outcome = ? GROUP BY grp
        """,
        [*params, SUBSTANTIVE],
    )
    return ShiftSummary(
        total=total,
        by_line=dict(sorted(by_line.items())),
        by_outcome=dict(sorted(by_outcome.items())),
        substantive_by_group=dict(sorted((g, n) for g, n in groups if g)),
        flagged=flagged,
        flagged_with_case=with_case,
        avg_duration_s=seconds / total if total else 0.0,
        max_duration_s=longest,
        unreviewed=unreviewed,
        flags_cleared=cleared,
    )


def export_rows(db: sqlite_utils.Database, f: LogFilter, *, viewer_id: int) -> Iterator[dict]:
    """The filtered calls in the log's order as dicts for reports.export (codes stay codes; the writers word them).

    Holds every key of store.calls.export_rows, plus the log's own columns. Read page by page, so a month of
    calls is never held at once. Needs EXPORT_PERSONAL, checked when this is called (not at the first row).
    """
    access.require(db, viewer_id, permissions.EXPORT_PERSONAL)
    return _export_rows(db, _page_ids(db, f, -1, 0))


def _export_rows(db: sqlite_utils.Database, ids: list[int]) -> Iterator[dict]:
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start : start + _CHUNK]
        rows = {r.id: r for r in _rows_for(db, chunk)}
        extra = {r[0]: r[1:] for r in db.conn.execute(_EXPORT_SQL, [json.dumps(chunk)])}
        for call_id in chunk:
            row = rows.get(call_id)
            if row is None or call_id not in extra:
                continue  # deleted between the two reads
            channel, e164, relation, caller_name, summary, action, children, note = extra[call_id]
            yield {
                "id": row.id,
                "started_at": row.started_at,
                "line": row.line,
                "channel": channel,
                "operator": row.operator_name,
                "outcome": row.outcome,
                "duration_s": row.duration_s,
                "phone_raw": row.phone_raw,
                "phone_e164": e164 or "",
                "caller_relation": relation,
                "caller_name": caller_name,
                "risk": row.risk,
                "case_need": row.case_need,
                "flagged": row.flagged,
                "categories": " ".join(row.categories),
                "children": children,
                "child_sex": row.child_sex,
                "child_age": row.child_age,
                "commune": row.commune,
                "case_numbers": ", ".join(row.case_numbers),
                "flag_cleared": row.flag_cleared,
                "reviewed": row.reviewed,
                "review_note": note,
                "summary": summary,
                "action_taken": action,
            }


# --- review and re-flag -------------------------------------------------------------------------------------


def mark_reviewed(
    db: sqlite_utils.Database,
    call_ids: Sequence[int],
    *,
    by_user_id: int,
    note: str = "",
    confirm_cleared: bool = False,
) -> int:
    """Mark calls reviewed by the shift lead (CALL_REVIEW), in one transaction; returns how many were newly marked.

    Reviewing is not an edit: the version stays and nothing goes to call_changes; each call is audited
    ('call.review'). Calls already reviewed keep their first review. If a call's rule flag was cleared by an
    operator, ReviewNeedsDecision is raised and nothing is marked, unless ``confirm_cleared``: then the lead
    confirms the clearing, audited as 'call.flag_override_confirmed'.
    """
    access.require(db, by_user_id, permissions.CALL_REVIEW)
    wanted = list(dict.fromkeys(int(i) for i in call_ids))
    if not wanted:
        return 0
    now = to_ms(utcnow())
    with write(db) as conn:
        pending = [
            (r[0], bool(r[1]))
            for r in conn.execute(
                f"SELECT c.id, {_CLEARED} FROM calls c WHERE c.id IN (SELECT value FROM json_each(?))"
                " AND c.reviewed_at IS NULL ORDER BY c.id",
                [json.dumps(wanted)],
            )
        ]
        cleared = [call_id for call_id, is_cleared in pending if is_cleared]
        if cleared and not confirm_cleared:
            raise ReviewNeedsDecision(cleared)
        ids = [call_id for call_id, _ in pending]
        conn.execute(
            "UPDATE calls SET reviewed_by = ?, reviewed_at = ?, review_note = ?"
            " WHERE id IN (SELECT value FROM json_each(?)) AND reviewed_at IS NULL",
            [by_user_id, now, note.strip(), json.dumps(ids)],
        )
        for call_id in ids:
            audit.append(db, by_user_id, "call.review", "call", call_id)
        for call_id in cleared:
            audit.append(db, by_user_id, "call.flag_override_confirmed", "call", call_id)
    return len(ids)


def reflag(db: sqlite_utils.Database, call_id: int, *, by_user_id: int) -> None:
    """Put back a rule's case-file flag that a person cleared (FLAG_OVERRIDE): flagged again by the rule, as an
    audited edit.

    The override reason leaves the call but stays in its history (call_changes: reason → ''). A call whose
    flag was not cleared from a rule's requirement is refused with a StoreError.
    """
    access.require(db, by_user_id, permissions.FLAG_OVERRIDE)
    with write(db):
        call = call_store._load_call(db, call_id)  # NotFoundError when there is none
        if call.case_need != NEED_REQUIRED or call.flagged:
            raise StoreError(
                "review.nothing_to_reflag",
                QT_TRANSLATE_NOOP("StoreError", "This call has no cleared rule flag to put back"),
            )
        call_store._update_call(
            db, replace(call, flagged=True, flag_source="rule", flag_override_reason=""), user_id=by_user_id
        )
        audit.append(db, by_user_id, "call.reflag", "call", call_id)
