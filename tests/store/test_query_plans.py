"""The hot queries' plans: saving a call, the lookups during a call and every screen's list read by index."""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

import pytest

from hotline.core.daily_log import ONE_KEY, LogFilter
from hotline.core.models import Call, Child
from hotline.core.timeutil import VN_TZ, from_ms
from hotline.store import audit, calls, cases, daily_log, search, users
from hotline.store.db import open_database, write

#: The big tables: a statement may search them by an index or walk an index, never read them row by row.
WATCHED = ("calls", "call_children", "call_categories", "cases", "case_events", "audit_log")
#: What a hot query reads its data from: one of these must appear in its plans, or the test would check nothing.
READS = (*WATCHED, "calls_fts")
#: Statements with no plan of their own.
CONTROL = re.compile(r"\s*(BEGIN|COMMIT|ROLLBACK|SAVEPOINT|RELEASE)\b", re.IGNORECASE)
#: The morning after the demo's last day.
NOW = datetime(2026, 11, 1, 2, 0, tzinfo=UTC)
AUDIT_ACTIONS = ("call.save", "call.edit", "case.view", "case.note", "user.sign_in", "export.csv")


@dataclass(frozen=True)
class Scene:
    """Who reads, and the values a person would look up, taken from the demo data."""

    admin: int
    lead: int
    operator: int
    counselor: int
    busy_phone: str  # the number with the most calls
    case_phone: str  # a number with an open case file
    day: date  # the busiest local day

    def day_filter(self, **fields) -> LogFilter:
        start = datetime.combine(self.day, time(0), VN_TZ).astimezone(UTC)
        return LogFilter(start=start, end=start + timedelta(days=1), **fields)

    def month_filter(self, **fields) -> LogFilter:
        start = datetime.combine(self.day.replace(day=1), time(0), VN_TZ).astimezone(UTC)
        return LogFilter(start=start, end=start + timedelta(days=31), **fields)


def _add_history(db, ids: dict[str, int]) -> None:
    """A month of audit entries, calls linked to open cases and most cases closed: the shape of a database in use
    for years, not of a fresh demo month."""
    start = db.conn.execute("SELECT min(started_at) FROM calls").fetchone()[0]
    people = [ids["admin"], ids["lead"], ids["operator"], ids["counselor"], None]
    rows = [(start + i * 900_000, people[i % 5], AUDIT_ACTIONS[i % 6], "call", str(i), "") for i in range(3000)]
    with write(db) as conn:
        conn.executemany(
            "INSERT INTO audit_log(at, user_id, action, entity, entity_id, detail) VALUES (?, ?, ?, ?, ?, ?)", rows
        )
    open_ids = [c.id for c in cases.list_cases(db, "open", user_id=ids["lead"], now=NOW)]
    later = db.conn.execute("SELECT id FROM calls WHERE phone_e164 IS NOT NULL ORDER BY id DESC LIMIT 10").fetchall()
    for case_id, (call_id,) in zip(open_ids[:10], later, strict=True):
        cases.link_call(db, case_id, call_id, by_user_id=ids["counselor"])
    # the demo's month has nearly every case open; years of work have nearly every case closed, and so would the
    # statistics of a real ANALYZE (with 97 % open, reading the table beats reading the open cases' index)
    with write(db):
        for case_id in open_ids[12:]:
            cases.close_case(db, case_id, "Đã hỗ trợ xong", by_user_id=ids["counselor"])


@pytest.fixture(scope="module")
def scene_template(demo_template, tmp_path_factory) -> tuple:
    """The demo database with audit entries, linked calls and closed cases added, and the scene read from it."""
    path = tmp_path_factory.mktemp("plans") / "hot.sqlite3"
    shutil.copyfile(demo_template, path)
    db = open_database(path)
    ids = {name: users.find_user(db, username).id for name, username in
           (("admin", "admin"), ("lead", "truongca"), ("operator", "tongdai1"), ("counselor", "canbo1"))}  # fmt: skip
    _add_history(db, ids)
    busy = db.conn.execute(
        "SELECT phone_raw FROM calls WHERE phone_e164 IS NOT NULL GROUP BY phone_e164 ORDER BY count(*) DESC"
    ).fetchone()[0]
    with_case = db.conn.execute(
        "SELECT c.phone_raw FROM cases k JOIN calls c ON c.id = k.call_id"
        " WHERE k.status != 'closed' AND c.phone_e164 IS NOT NULL"
    ).fetchone()[0]
    day = db.conn.execute(
        "SELECT started_at FROM calls GROUP BY date(started_at / 1000 + 7 * 3600, 'unixepoch') ORDER BY count(*) DESC"
    ).fetchone()[0]
    scene = Scene(**ids, busy_phone=busy, case_phone=with_case, day=from_ms(day).astimezone(VN_TZ).date())
    db.close()
    return path, scene


@pytest.fixture(params=["fresh", "analyzed"])
def plan_db(request, scene_template, tmp_path):
    """The database as built, and after ANALYZE (whose statistics could tempt the planner to scan)."""
    template, scene = scene_template
    path = tmp_path / "plans.sqlite3"
    shutil.copyfile(template, path)
    db = open_database(path)
    if request.param == "analyzed":
        db.conn.execute("ANALYZE")
    yield db, scene
    db.close()


def _new_call(s: Scene) -> Call:
    return Call(
        line="111", started_at=NOW, operator_id=s.operator, duration_s=240, phone_raw=s.busy_phone,
        summary="Hàng xóm báo trẻ bị đánh", categories=["abuse.violence", "abuse.neglect"], risk="medium",
        service_level="intervention", flagged=True,
        children=[Child(name="Bé A", sex="female", age=9), Child(name="Bé B", sex="male", age=6)],
    )  # fmt: skip


def _save_twice(db, s: Scene) -> None:
    call = calls.save_call(db, _new_call(s))
    calls.save_call(db, call)  # the same uuid again: looked up, not stored twice


def _log(f: Callable[[Scene], LogFilter]) -> Callable:
    """One screenful of the daily log: its page, the count and the shift summary."""

    def run(db, s: Scene) -> None:
        daily_log.log_rows(db, f(s), viewer_id=s.lead, limit=200, offset=0)
        daily_log.log_rows(db, f(s), viewer_id=s.lead, limit=200, offset=200)
        daily_log.log_count(db, f(s), viewer_id=s.lead)
        daily_log.shift_summary(db, f(s), viewer_id=s.lead)

    return run


#: Each hot query as it runs from its screen, with the parameters a person would give it.
HOT: dict[str, Callable] = {
    "save_call": lambda db, s: calls.save_call(db, _new_call(s)),
    "save_call_again": _save_twice,
    "caller_history": lambda db, s: calls.caller_history(db, s.busy_phone, viewer_id=s.operator),
    "caller_history_legacy": lambda db, s: calls.caller_history(db, "01683456789", viewer_id=s.operator),
    "caller_history_excluding": lambda db, s: calls.caller_history(
        db, s.busy_phone, viewer_id=s.operator, limit=5, exclude_call_id=1
    ),
    "open_cases_for_phone": lambda db, s: cases.open_cases_for_phone(db, s.case_phone, viewer_id=s.operator),
    "log_day": _log(lambda s: s.day_filter()),
    "log_day_by_operator_desc": _log(lambda s: s.day_filter(sort="operator", descending=True)),
    "log_day_by_risk": _log(lambda s: s.day_filter(sort="risk")),
    "log_day_line_substantive": _log(lambda s: s.day_filter(lines=("111",), outcome="substantive")),
    "log_day_one_key_operator": _log(lambda s: s.day_filter(outcome=ONE_KEY, operator_id=s.operator)),
    "log_day_category": _log(lambda s: s.day_filter(category="abuse.violence")),
    "log_day_category_group": _log(lambda s: s.day_filter(category_group="abuse", sort="duration_s")),
    "log_day_flagged_unreviewed": _log(lambda s: s.day_filter(flagged=True, reviewed=False, risk="high")),
    "log_day_without_case": _log(lambda s: s.day_filter(without_case=True)),
    "log_day_flag_cleared": _log(lambda s: s.day_filter(flag_cleared=True, sort="reviewed")),
    "log_day_text": _log(lambda s: s.day_filter(text="nguyen")),
    "log_month_by_duration": _log(lambda s: s.month_filter(sort="duration_s", descending=True)),
    "search_first_page": lambda db, s: search.search_calls(db, "nguyen", viewer_id=s.lead),
    "search_in_range": lambda db, s: search.search_calls(
        db, "nguyen van", viewer_id=s.lead, start=s.day_filter().start, end=s.day_filter().end
    ),
    "count_matches": lambda db, s: search.count_matches(db, "nguyen", viewer_id=s.lead),
    "followup_queue": lambda db, s: cases.followup_queue(db, viewer_id=s.lead, now=NOW),
    "list_cases_mine": lambda db, s: cases.list_cases(db, "mine", user_id=s.counselor, now=NOW),
    "list_cases_overdue": lambda db, s: cases.list_cases(db, "overdue", user_id=s.lead, now=NOW),
    "list_cases_open": lambda db, s: cases.list_cases(db, "open", user_id=s.lead, now=NOW),
    "case_counts": lambda db, s: cases.case_counts(db, user_id=s.counselor, now=NOW),
    "audit_page": lambda db, s: (
        audit.entries(db, viewer=s.admin, limit=200, offset=200),
        audit.count_entries(db, viewer=s.admin),
    ),
    "audit_by_user_and_action": lambda db, s: (
        audit.entries(db, viewer=s.admin, user_id=s.operator, action="call.save", limit=200),
        audit.count_entries(db, viewer=s.admin, user_id=s.operator, action="call.save"),
    ),
    "audit_by_action_group": lambda db, s: (
        audit.entries(db, viewer=s.lead, action="case.", limit=200),
        audit.count_entries(db, viewer=s.lead, action="case."),
    ),
    "audit_by_user_in_period": lambda db, s: (
        audit.entries(db, viewer=s.admin, user_id=s.counselor, start=s.day_filter().start, end=NOW, limit=200),
        audit.count_entries(db, viewer=s.admin, user_id=s.counselor, start=s.day_filter().start, end=NOW),
    ),
    "user_call_counts": lambda db, s: users.user_call_counts(db),
}


def statements_run(db, action: Callable[[], object]) -> list[str]:
    """Every distinct statement ``action`` runs, as SQLite ran it (its bound parameters written in). The ones
    an FTS5 table runs on its own shadow tables come as comments ("-- SELECT …") and are left out."""
    ran: list[str] = []
    db.conn.set_trace_callback(ran.append)
    try:
        action()
    finally:
        db.conn.set_trace_callback(None)
    return [sql for sql in dict.fromkeys(ran) if not CONTROL.match(sql) and not sql.startswith("--")]


def _table_of(name: str, sql: str, tables: tuple[str, ...] = WATCHED) -> str | None:
    """The one of ``tables`` a plan step names, directly or by the alias the statement gave it."""
    if name in tables:
        return name
    alias = re.search(rf"\b({'|'.join(tables)})\s+(?:AS\s+)?{re.escape(name)}\b", sql, re.IGNORECASE)
    return alias.group(1).lower() if alias else None


def full_reads(db, sql: str) -> tuple[list[str], bool]:
    """The plan steps that read a watched table row by row (or build an index of it on the fly), and whether
    the statement reads any of READS at all."""
    bad, touches = [], False
    for step in (row[3] for row in db.conn.execute("EXPLAIN QUERY PLAN " + sql)):
        found = re.match(r"(SCAN|SEARCH) (\w+)", step)
        if not found:
            continue
        touches = touches or _table_of(found.group(2), sql, READS) is not None
        if _table_of(found.group(2), sql) is None:
            continue
        by_index = "USING INDEX" in step or "USING COVERING INDEX" in step
        if "AUTOMATIC" in step or (found.group(1) == "SCAN" and not by_index):
            bad.append(step)
    return bad, touches


@pytest.mark.parametrize("name", list(HOT))
def test_hot_query_reads_tables_by_index(plan_db, name):
    """No statement of a hot query scans calls, children, categories, cases, case events or the audit log."""
    db, scene = plan_db
    statements = statements_run(db, lambda: HOT[name](db, scene))
    touched = False
    for sql in statements:
        bad, touches = full_reads(db, sql)
        touched |= touches
        assert not bad, f"{name} reads a whole table ({'; '.join(bad)}) in:\n{sql}"
    assert touched, f"{name} read none of {READS}: {statements}"


def test_a_full_scan_is_caught(plan_db):
    """The check itself fails a statement that reads every call row by row."""
    db, _ = plan_db
    bad, touches = full_reads(db, "SELECT count(*) FROM calls c WHERE c.summary LIKE '%a%'")
    assert touches and bad == ["SCAN c"]
