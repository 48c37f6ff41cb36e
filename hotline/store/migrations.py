"""The schema (DESIGN §4) as numbered sqlite-utils migrations; the file is copied before any upgrade."""

from __future__ import annotations

import logging
import sqlite3
from pathlib import Path

import sqlite_utils
from sqlite_utils import Migrations

from hotline.core.text import search_tokens
from hotline.core.timeutil import to_ms, utcnow
from hotline.core.wording import QT_TRANSLATE_NOOP

log = logging.getLogger(__name__)

migrations = Migrations("hotline")

#: The two lines the centre answers; an administrator can add more.
DEFAULT_LINES = (
    ("111", "Tổng đài quốc gia bảo vệ trẻ em 111", 1),
    ("18008077", "Đường dây nóng phòng, chống mua bán người 18008077", 2),
)


@migrations(name="0001_initial")
def m0001_initial(db: sqlite_utils.Database) -> None:
    _run_script(
        db,
        """
        CREATE TABLE settings (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL                 -- JSON
        );
        CREATE TABLE lines (
            code TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            active INTEGER NOT NULL DEFAULT 1,
            sort INTEGER NOT NULL DEFAULT 0
        );
        CREATE TABLE users (
            id INTEGER PRIMARY KEY,
            username TEXT NOT NULL UNIQUE COLLATE NOCASE,
            display_name TEXT NOT NULL,
            roles TEXT NOT NULL,                -- comma-separated role codes
            password_hash TEXT NOT NULL,
            active INTEGER NOT NULL DEFAULT 1,
            failed_logins INTEGER NOT NULL DEFAULT 0,
            locked_until INTEGER,               -- UTC ms
            must_change_password INTEGER NOT NULL DEFAULT 0,
            created_at INTEGER NOT NULL
        );
        CREATE TABLE categories (
            code TEXT PRIMARY KEY,              -- stable: never changes once used
            group_code TEXT NOT NULL,
            label_vi TEXT NOT NULL,
            label_en TEXT NOT NULL,
            sort INTEGER NOT NULL DEFAULT 0,
            active INTEGER NOT NULL DEFAULT 1
        );
        CREATE TABLE calls (
            id INTEGER PRIMARY KEY,
            uuid TEXT NOT NULL UNIQUE,
            line TEXT NOT NULL REFERENCES lines(code),
            channel TEXT NOT NULL,
            started_at INTEGER NOT NULL,        -- UTC ms
            ended_at INTEGER,
            duration_s INTEGER NOT NULL DEFAULT 0 CHECK (duration_s >= 0),
            operator_id INTEGER NOT NULL REFERENCES users(id),
            outcome TEXT NOT NULL,
            phone_raw TEXT NOT NULL DEFAULT '',
            phone_e164 TEXT,
            phone_kind TEXT NOT NULL DEFAULT 'withheld',
            caller_relation TEXT NOT NULL DEFAULT 'unknown',
            caller_name TEXT NOT NULL DEFAULT '',
            caller_sex TEXT NOT NULL DEFAULT 'unknown',
            caller_age_band TEXT NOT NULL DEFAULT 'unknown',
            callback_consent INTEGER NOT NULL DEFAULT 0,
            risk TEXT NOT NULL DEFAULT 'none',
            summary TEXT NOT NULL DEFAULT '',
            action_taken TEXT NOT NULL DEFAULT '',
            referrals TEXT NOT NULL DEFAULT '[]',         -- JSON list of codes
            case_need TEXT NOT NULL DEFAULT 'not_needed', -- the rules' decision
            urgent INTEGER NOT NULL DEFAULT 0,
            flagged INTEGER NOT NULL DEFAULT 0,           -- the effective flag: a case file is needed
            flag_source TEXT,                             -- rule | manual
            flag_reasons TEXT NOT NULL DEFAULT '[]',      -- JSON list of core.rules.Reason dicts
            flag_override_reason TEXT NOT NULL DEFAULT '',
            safety_due INTEGER,
            plan_due INTEGER,
            reviewed_by INTEGER REFERENCES users(id),
            reviewed_at INTEGER,
            review_note TEXT NOT NULL DEFAULT '',
            version INTEGER NOT NULL DEFAULT 1,
            created_at INTEGER NOT NULL,
            updated_at INTEGER NOT NULL,
            search_text TEXT NOT NULL DEFAULT ''          -- folded text for FTS (core.search)
        );
        -- each index serves a screen's query (DESIGN §4, §8)
        CREATE INDEX calls_started ON calls(started_at, line, outcome, flagged);
        CREATE INDEX calls_substantive ON calls(started_at) WHERE outcome = 'substantive';
        CREATE INDEX calls_phone ON calls(phone_e164, started_at) WHERE phone_e164 IS NOT NULL;
        CREATE INDEX calls_flagged ON calls(started_at) WHERE flagged = 1;
        CREATE INDEX calls_operator ON calls(operator_id, started_at);

        CREATE TABLE call_children (
            id INTEGER PRIMARY KEY,
            call_id INTEGER NOT NULL REFERENCES calls(id) ON DELETE CASCADE,
            position INTEGER NOT NULL DEFAULT 0,
            name TEXT NOT NULL DEFAULT '',
            sex TEXT NOT NULL DEFAULT 'unknown',
            age INTEGER,
            age_band TEXT NOT NULL DEFAULT 'unknown',
            province_code INTEGER,
            ward_code INTEGER,
            address TEXT NOT NULL DEFAULT '',
            special_circumstances TEXT NOT NULL DEFAULT '[]',  -- JSON list of codes
            carer TEXT NOT NULL DEFAULT ''
        );
        CREATE INDEX call_children_call ON call_children(call_id);

        CREATE TABLE call_categories (
            call_id INTEGER NOT NULL REFERENCES calls(id) ON DELETE CASCADE,
            code TEXT NOT NULL REFERENCES categories(code),
            PRIMARY KEY (call_id, code)
        ) WITHOUT ROWID;
        CREATE INDEX call_categories_code ON call_categories(code, call_id);

        CREATE TABLE call_changes (
            id INTEGER PRIMARY KEY,
            call_id INTEGER NOT NULL REFERENCES calls(id),
            changed_at INTEGER NOT NULL,
            user_id INTEGER NOT NULL REFERENCES users(id),
            field TEXT NOT NULL,
            old TEXT NOT NULL,
            new TEXT NOT NULL
        );
        CREATE INDEX call_changes_call ON call_changes(call_id, changed_at);

        CREATE TABLE case_numbers (
            year INTEGER PRIMARY KEY,
            last INTEGER NOT NULL
        );
        CREATE TABLE cases (
            id INTEGER PRIMARY KEY,
            number TEXT NOT NULL UNIQUE,        -- AG-2026-00042
            call_id INTEGER NOT NULL REFERENCES calls(id),
            child_id INTEGER REFERENCES call_children(id),
            opened_by INTEGER NOT NULL REFERENCES users(id),
            opened_at INTEGER NOT NULL,
            assigned_to INTEGER REFERENCES users(id),
            status TEXT NOT NULL DEFAULT 'received',
            risk TEXT NOT NULL DEFAULT 'none',
            safety_due INTEGER,
            plan_due INTEGER,
            closed_at INTEGER,
            closure_reason TEXT NOT NULL DEFAULT '',
            version INTEGER NOT NULL DEFAULT 1
        );
        CREATE INDEX cases_call ON cases(call_id);
        CREATE INDEX cases_status ON cases(status, assigned_to);
        CREATE TABLE case_calls (
            case_id INTEGER NOT NULL REFERENCES cases(id),
            call_id INTEGER NOT NULL REFERENCES calls(id),
            linked_by INTEGER NOT NULL REFERENCES users(id),
            linked_at INTEGER NOT NULL,
            PRIMARY KEY (case_id, call_id)
        ) WITHOUT ROWID;
        CREATE INDEX case_calls_call ON case_calls(call_id);
        CREATE TABLE case_events (
            id INTEGER PRIMARY KEY,
            case_id INTEGER NOT NULL REFERENCES cases(id),
            at INTEGER NOT NULL,
            user_id INTEGER NOT NULL REFERENCES users(id),
            kind TEXT NOT NULL,                 -- note | step | referral | status
            step TEXT,
            text TEXT NOT NULL DEFAULT '',
            refers_to INTEGER REFERENCES case_events(id)
        );
        CREATE INDEX case_events_case ON case_events(case_id, at);

        CREATE TABLE drafts (
            id INTEGER PRIMARY KEY,
            draft_key TEXT NOT NULL,            -- the uuid of the call being typed
            user_id INTEGER NOT NULL REFERENCES users(id),
            workstation TEXT NOT NULL,
            state TEXT NOT NULL,                -- JSON of the form
            started_at INTEGER NOT NULL,
            updated_at INTEGER NOT NULL,
            UNIQUE (user_id, workstation, draft_key)
        );

        CREATE TABLE audit_log (
            id INTEGER PRIMARY KEY,
            at INTEGER NOT NULL,
            user_id INTEGER,
            action TEXT NOT NULL,
            entity TEXT NOT NULL DEFAULT '',
            entity_id TEXT NOT NULL DEFAULT '',
            detail TEXT NOT NULL DEFAULT ''     -- short, never free-text personal data
        );
        CREATE INDEX audit_log_at ON audit_log(at);
        CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
            BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
        CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
            BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;

        -- full-text search over the folded text (accents and đ folded by core.text.fold before indexing)
        CREATE VIRTUAL TABLE calls_fts USING fts5(
            search_text, content='calls', content_rowid='id', tokenize='unicode61 remove_diacritics 2'
        );
        CREATE TRIGGER calls_fts_insert AFTER INSERT ON calls BEGIN
            INSERT INTO calls_fts(rowid, search_text) VALUES (new.id, new.search_text);
        END;
        CREATE TRIGGER calls_fts_delete AFTER DELETE ON calls BEGIN
            INSERT INTO calls_fts(calls_fts, rowid, search_text) VALUES ('delete', old.id, old.search_text);
        END;
        CREATE TRIGGER calls_fts_update AFTER UPDATE OF search_text ON calls BEGIN
            INSERT INTO calls_fts(calls_fts, rowid, search_text) VALUES ('delete', old.id, old.search_text);
            INSERT INTO calls_fts(rowid, search_text) VALUES (new.id, new.search_text);
        END;
        """,
    )
    for code, name, sort in DEFAULT_LINES:
        db.execute("INSERT INTO lines(code, name, active, sort) VALUES (?, ?, 1, ?)", [code, name, sort])
    _seed_categories(db)


@migrations(name="0002_case_files")
def m0002_case_files(db: sqlite_utils.Database) -> None:
    """Issue 5: who follows a flagged call up, the case's Mẫu 01 details, and what an event points at."""
    _run_script(
        db,
        """
        ALTER TABLE calls ADD COLUMN followup_by INTEGER REFERENCES users(id);
        ALTER TABLE cases ADD COLUMN details TEXT NOT NULL DEFAULT '{}';   -- JSON: family info for Mẫu 01
        -- kinds: note | correction | step | referral | referral_outcome | link | close | reopen | assign
        ALTER TABLE case_events ADD COLUMN service TEXT;                   -- referral service code
        ALTER TABLE case_events ADD COLUMN call_id INTEGER REFERENCES calls(id);     -- the call a 'link' added
        ALTER TABLE case_events ADD COLUMN assigned_to INTEGER REFERENCES users(id); -- the counselor of 'assign'
        -- "my cases" and the open-case counts read only the cases not closed
        CREATE INDEX cases_open ON cases(assigned_to, number) WHERE status != 'closed';
        CREATE INDEX cases_child ON cases(child_id) WHERE child_id IS NOT NULL;
        """,
    )


@migrations(name="0003_caller_counts_index")
def m0003_caller_counts_index(db: sqlite_utils.Database) -> None:
    # the caller history counts calls with content and flags per number: covered by the index, no row reads
    # (29 ms → under 2 ms for a number with 15,000 calls at a million calls)
    db.execute("DROP INDEX calls_phone")
    db.execute(
        "CREATE INDEX calls_phone ON calls(phone_e164, started_at, outcome, flagged) WHERE phone_e164 IS NOT NULL"
    )


@migrations(name="0004_audit_indexes")
def m0004_audit_indexes(db: sqlite_utils.Database) -> None:
    # The audit viewer filters by user, action or both over any period, newest first. With audit_log(at) alone
    # a rare action over a year read the whole year (70 ms at a million rows, one user's exports 190 ms, the list
    # of actions 106 ms); with these a page is under 6 ms and a count under 25 ms (see hotline.store.audit).
    # The three cost about 70 MB per million entries.
    # And a hole in the append-only triggers: "INSERT OR REPLACE" with an existing id deletes the old row without
    # firing the DELETE trigger on a connection that has recursive_triggers off (any sqlite3 shell or script).
    _run_script(
        db,
        """
        CREATE INDEX audit_log_user ON audit_log(user_id, at);
        CREATE INDEX audit_log_action ON audit_log(action, at);
        CREATE INDEX audit_log_user_action ON audit_log(user_id, action, at);
        CREATE TRIGGER audit_log_no_replace BEFORE INSERT ON audit_log
            WHEN EXISTS (SELECT 1 FROM audit_log WHERE id = NEW.id)
            BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
        """,
    )


@migrations(name="0005_stats_indexes")
def m0005_stats_indexes(db: sqlite_utils.Database) -> None:
    # The statistics report (issue 7, hotline.store.stats) reads the substantive calls of a period with their line
    # and caller's relation: covered by the index, a year's 40,000 calls no longer read their rows (54 → 17 ms at a
    # million calls). The substantive calls are 12 % of all: about 4 MB more per million calls.
    # The calls of a period by line and by outcome: sorting a year's 330,000 calls by line and outcome took 270 ms;
    # with calls by (line, outcome, started_at) each pair present is found by a seek and counted over its own range
    # of the index (15 ms). This one costs about 28 MB per million calls (5 % of the file).
    # Cases opened and closed in a period, and the candidates for "overdue at the end of the period", come from
    # two small indexes (about 1 MB each per 50,000 cases) instead of a scan of every case.
    _run_script(
        db,
        """
        CREATE INDEX calls_line_outcome ON calls(line, outcome, started_at);
        DROP INDEX calls_substantive;
        CREATE INDEX calls_substantive ON calls(started_at, line, caller_relation) WHERE outcome = 'substantive';
        CREATE INDEX cases_opened ON cases(opened_at, call_id);
        CREATE INDEX cases_closed ON cases(closed_at, call_id) WHERE closed_at IS NOT NULL;
        """,
    )


@migrations(name="0006_case_close_events")
def m0006_case_close_events(db: sqlite_utils.Database) -> None:
    # "Cases closed in a period" counts the cases with a 'close' event in it: cases.closed_at goes back to NULL
    # when a case is reopened, and a month already reported must not shrink afterwards. The close events of a
    # period come from this small partial index (one entry per closing) instead of a scan of every case event:
    # a year's 10,000 closings at a million calls in 3 ms. cases_closed (0005) served only the old count.
    _run_script(
        db,
        """
        CREATE INDEX case_events_close ON case_events(at, case_id) WHERE kind = 'close';
        DROP INDEX cases_closed;
        """,
    )


@migrations(name="0007_case_events_call")
def m0007_case_events_call(db: sqlite_utils.Database) -> None:
    # case_events.call_id (0002) references calls without an index, so the foreign-key check of saving a call
    # planned a scan of every case event, and deleting a call (the bench takes its own calls out) ran one per
    # call. Only 'link' events carry a call: the partial index stays tiny (tests/store/test_query_plans.py).
    db.execute("CREATE INDEX case_events_call ON case_events(call_id) WHERE call_id IS NOT NULL")


@migrations(name="0008_followup_waiting")
def m0008_followup_waiting(db: sqlite_utils.Database) -> None:
    # The follow-up queue counted the case files and children of every flagged call each time it was opened or
    # its count shown: 50 ms at a million calls (42,872 flagged, 3,495 waiting). The calls that wait are now kept
    # in a table of their own by triggers on every change that can matter, so the queue reads only them.
    # The triggers keep it right for any writer (the program, the bench, a sqlite3 shell); a deleted call leaves
    # it through the foreign key's cascade.
    db.execute("CREATE TABLE followup_waiting (call_id INTEGER PRIMARY KEY REFERENCES calls(id) ON DELETE CASCADE)")
    for trigger in QUEUE_TRIGGERS:
        db.execute(queue_trigger_sql(*trigger))
    db.execute(
        "CREATE TRIGGER calls_waiting_delete AFTER DELETE ON calls BEGIN"
        " DELETE FROM followup_waiting WHERE call_id = OLD.id; END"
    )
    fill_followup_waiting(db.conn)


@migrations(name="0009_search_words")
def m0009_search_words(db: sqlite_utils.Database) -> None:
    # The search index now holds only the folded words of a call (core.search.compose_search_text): FTS5's
    # unicode61 tokenizer knows Unicode 6.1 and glued a later character (most emoji) to the word beside it, so
    # "🥺em" was never found by "em". Old rows are rewritten the same way. Folded Vietnamese is ASCII, so only rows
    # holding another character can change; the calls_fts_update trigger re-indexes them.
    rewrite_search_words(db.conn)


@migrations(name="0010_law_per_child")
def m0010_law_per_child(db: sqlite_utils.Database) -> None:
    """The law per child (docs/law.md): each person's status and destination, the place and setting of the incident,
    111's service level, help before the report, hand-offs to the commune and adult victims' referrals, the
    12-hour clock's outcome, the plan's approval, temporary separation, Mẫu 01's own numbers, the new categories."""
    _run_script(
        db,
        """
        ALTER TABLE calls ADD COLUMN service_level TEXT NOT NULL DEFAULT '';    -- information|counselling|intervention
        ALTER TABLE calls ADD COLUMN help_before TEXT NOT NULL DEFAULT '';      -- help given before the report
        ALTER TABLE calls ADD COLUMN incident_province_code INTEGER;
        ALTER TABLE calls ADD COLUMN incident_ward_code INTEGER;                -- the commune that must act
        ALTER TABLE calls ADD COLUMN incident_place TEXT NOT NULL DEFAULT '';
        ALTER TABLE calls ADD COLUMN incident_setting TEXT NOT NULL DEFAULT ''; -- family|school|community|online|…
        ALTER TABLE calls ADD COLUMN handoff_due INTEGER;                       -- UTC ms: pass to the commune at once
        ALTER TABLE calls ADD COLUMN victim_referral INTEGER NOT NULL DEFAULT 0; -- an adult trafficking victim
        ALTER TABLE call_children ADD COLUMN status TEXT NOT NULL DEFAULT 'unclear'; -- abused|at_risk|unclear
        ALTER TABLE call_children ADD COLUMN destination TEXT NOT NULL DEFAULT '';   -- a trafficking victim's
        CREATE TABLE handoffs (
            id INTEGER PRIMARY KEY,
            call_id INTEGER NOT NULL REFERENCES calls(id) ON DELETE CASCADE,
            kind TEXT NOT NULL,                 -- commune | victim
            to_whom TEXT NOT NULL,
            means TEXT NOT NULL,                -- phone | in_person | written | other
            at INTEGER NOT NULL,                -- UTC ms: when it happened
            user_id INTEGER REFERENCES users(id),
            recorded_at INTEGER NOT NULL
        );
        CREATE INDEX handoffs_call ON handoffs(call_id, kind);
        CREATE INDEX calls_handoff_due ON calls(handoff_due) WHERE handoff_due IS NOT NULL;
        -- the case's clocks beyond the plan: the 12-hour clock met, the plan approved, a temporary separation
        ALTER TABLE cases ADD COLUMN emergency_done_at INTEGER;        -- UTC ms: emergency measures or none needed
        ALTER TABLE cases ADD COLUMN plan_approved_on TEXT;            -- ISO date of the Mẫu 05 decision
        ALTER TABLE cases ADD COLUMN separation_started_at INTEGER;    -- UTC ms
        ALTER TABLE cases ADD COLUMN separation_until INTEGER;         -- UTC ms: 15 days, or as extended
        ALTER TABLE cases ADD COLUMN separation_ended_at INTEGER;      -- UTC ms
        ALTER TABLE cases ADD COLUMN report_number TEXT;               -- Mẫu 01: "12/BC-TTCTXH", given once
        CREATE TABLE report_numbers (                                  -- Mẫu 01's counter per year, gap-free
            year INTEGER PRIMARY KEY,
            last INTEGER NOT NULL
        );
        CREATE UNIQUE INDEX cases_report_number ON cases(report_number) WHERE report_number IS NOT NULL;
        """,
    )
    # Child marriage is a rights violation (Luật Trẻ em Điều 6(4)), not abuse: its calls keep their meaning under
    # the new code. Labels the administrator never changed follow the law's wording.
    _seed_categories(db)
    db.execute(
        "UPDATE call_categories SET code = 'rights.child_marriage' WHERE code = 'abuse.child_marriage'"
        " AND call_id NOT IN (SELECT call_id FROM call_categories WHERE code = 'rights.child_marriage')"
    )
    db.execute("DELETE FROM call_categories WHERE code = 'abuse.child_marriage'")
    db.execute("DELETE FROM categories WHERE code = 'abuse.child_marriage'")
    for code, old, new_vi, new_en in _RELABELLED:
        db.execute(
            "UPDATE categories SET label_vi = ?, label_en = ? WHERE code = ? AND label_vi = ?",
            [new_vi, new_en, code, old],
        )
    # 111's service tier of the calls already stored: a flagged report was an intervention, counselling topics
    # counselling, anything else information
    db.execute(
        """UPDATE calls SET service_level = CASE
             WHEN flagged = 1 OR case_need = 'required' THEN 'intervention'
             WHEN EXISTS (SELECT 1 FROM call_categories k WHERE k.call_id = calls.id AND k.code LIKE 'counselling.%')
               THEN 'counselling'
             ELSE 'information' END
           WHERE outcome = 'substantive'"""
    )
    # children of an abuse report, or in the abused groups of special circumstances, were reported abused
    db.execute(
        """UPDATE call_children SET status = 'abused'
           WHERE EXISTS (SELECT 1 FROM call_categories k WHERE k.call_id = call_children.call_id
                         AND k.code LIKE 'abuse.%')
              OR EXISTS (SELECT 1 FROM json_each(call_children.special_circumstances)
                         WHERE value IN ('harmed_by_violence', 'exploited', 'sexually_abused', 'trafficked'))"""
    )


@migrations(name="0011_stats_per_child")
def m0011_stats_per_child(db: sqlite_utils.Database) -> None:
    # The statistics per child (docs/law.md "Indicators") read, for the substantive calls of a period, the service
    # level, the setting and commune of the incident and the referrals too: calls_substantive holds them, so a
    # year's substantive calls are still read from the index alone (12 % of calls: some 10 MB per million).
    # Calls by channel: phone is some 93 % of them, counted as the rest of the calls received; the other channels
    # come from a small partial index. The abused people get a partial index of their own, so the headline
    # figure reads them alone instead of every person named on a call.
    _run_script(
        db,
        """
        DROP INDEX calls_substantive;
        CREATE INDEX calls_substantive ON calls(started_at, line, caller_relation, service_level, incident_setting,
                                                incident_ward_code, referrals) WHERE outcome = 'substantive';
        CREATE INDEX calls_other_channels ON calls(started_at, channel, line) WHERE channel != 'phone';
        CREATE INDEX call_children_abused ON call_children(call_id, sex, age, age_band) WHERE status = 'abused';
        """,
    )


@migrations(name="0012_change_counter")
def m0012_change_counter(db: sqlite_utils.Database) -> None:
    # Open screens reloaded on PRAGMA data_version, which every other connection's commit moves — a call being typed
    # at another desk autosaves its draft each second, so every open daily log reloaded each second. A counter that
    # only real changes move (store/changes.py) replaces it.
    from hotline.store.changes import install_triggers

    install_triggers(db)


#: (code, old Vietnamese label, new Vietnamese label, new English label)
_RELABELLED = (
    (
        "abuse.child_labour",
        "Lao động trẻ em",
        "Bắt trẻ em lao động trái quy định",
        "Child made to work against the law",
    ),
    ("trafficking.organ_removal", "Lấy mô, bộ phận cơ thể người", "Lấy bộ phận cơ thể người", "Removal of body parts"),
    (
        "trafficking.forced_marriage",
        "Cưỡng ép kết hôn, kết hôn trái pháp luật",
        "Mua bán để cưỡng ép kết hôn, làm vợ",
        "Sale for forced marriage",
    ),
)


def rewrite_search_words(conn: sqlite3.Connection) -> int:
    """Rewrite the search text of the calls whose text holds more than printable ASCII; returns how many."""
    changed = []
    for call_id, text in conn.execute("SELECT id, search_text FROM calls WHERE search_text GLOB '*[^ -~]*'"):
        words = " ".join(search_tokens(text))
        if words != text:
            changed.append((words, call_id))
    conn.executemany("UPDATE calls SET search_text = ? WHERE id = ?", changed)
    return len(changed)


#: Whether call X waits in the follow-up queue (store.cases.followup_queue): flagged, with fewer case files
#: (opened from it, or it linked to one) than children; a call without children needs one.
_WAITS = """
    SELECT c.id FROM calls c WHERE {where} AND c.flagged = 1
       AND (SELECT count(*) FROM cases k WHERE k.call_id = c.id)
           + (SELECT count(*) FROM case_calls cc WHERE cc.call_id = c.id)
           < max(1, (SELECT count(*) FROM call_children ch WHERE ch.call_id = c.id))"""

#: (trigger name, event, the call ids it touches): every change that can make a call start or stop waiting.
QUEUE_TRIGGERS = (
    ("calls_waiting_insert", "AFTER INSERT ON calls", ("NEW.id",)),
    ("calls_waiting_flag", "AFTER UPDATE OF flagged ON calls", ("NEW.id",)),
    ("children_waiting_insert", "AFTER INSERT ON call_children", ("NEW.call_id",)),
    ("children_waiting_delete", "AFTER DELETE ON call_children", ("OLD.call_id",)),
    ("children_waiting_move", "AFTER UPDATE OF call_id ON call_children", ("OLD.call_id", "NEW.call_id")),
    ("cases_waiting_insert", "AFTER INSERT ON cases", ("NEW.call_id",)),
    ("cases_waiting_delete", "AFTER DELETE ON cases", ("OLD.call_id",)),
    ("cases_waiting_move", "AFTER UPDATE OF call_id ON cases", ("OLD.call_id", "NEW.call_id")),
    ("case_calls_waiting_insert", "AFTER INSERT ON case_calls", ("NEW.call_id",)),
    ("case_calls_waiting_delete", "AFTER DELETE ON case_calls", ("OLD.call_id",)),
    ("case_calls_waiting_move", "AFTER UPDATE OF call_id ON case_calls", ("OLD.call_id", "NEW.call_id")),
)


def queue_trigger_sql(name: str, event: str, calls: tuple[str, ...]) -> str:
    """One trigger of QUEUE_TRIGGERS: forget whether each touched call waits, then ask again."""
    body = "".join(
        f"DELETE FROM followup_waiting WHERE call_id = {call};"
        f" INSERT INTO followup_waiting(call_id) {_WAITS.format(where=f'c.id = {call}')};"
        for call in calls
    )
    return f"CREATE TRIGGER {name} {event} BEGIN {body} END"


def fill_followup_waiting(conn: sqlite3.Connection, first_call_id: int = 0) -> None:
    """Add the waiting calls from first_call_id on (the migration; store.bulk after inserting calls)."""
    conn.execute("INSERT OR IGNORE INTO followup_waiting(call_id)" + _WAITS.format(where="c.id >= ?"), [first_call_id])


def _run_script(db: sqlite_utils.Database, script: str) -> None:
    """Run statements one by one: executescript() would COMMIT the migration's transaction half-way."""
    statement = ""
    for line in script.splitlines(keepends=True):
        statement += line
        if sqlite3.complete_statement(statement):
            db.execute(statement)
            statement = ""
    if statement.strip():
        raise ValueError("incomplete SQL statement at the end of a migration script")


def _seed_categories(db: sqlite_utils.Database) -> None:
    from hotline.core.taxonomy import load_taxonomy

    sort = 0
    for group in load_taxonomy().groups:
        for cat in group.categories:
            sort += 1
            db.execute(
                "INSERT OR IGNORE INTO categories(code, group_code, label_vi, label_en, sort, active)"
                " VALUES (?, ?, ?, ?, ?, 1)",
                [cat.code, group.code, cat.label_vi, cat.label_en, sort],
            )
            db.execute("UPDATE categories SET sort = ? WHERE code = ?", [sort, cat.code])


def is_hotline_database(db: sqlite_utils.Database) -> bool:
    return db["_sqlite_migrations"].exists() and bool(migrations.applied(db))


def migrate(db: sqlite_utils.Database, path: Path | str | None = None) -> list[str]:
    """Apply pending migrations; an existing file is copied first. Returns the names applied.

    The whole upgrade runs in one write transaction (each migration's own transaction becomes a savepoint),
    so two copies of Hotline starting at once on the same file upgrade it one after the other instead of
    failing with "database is locked" or "table already exists"; a failed upgrade leaves the file as it was.
    Migrations registered with transactional=False (VACUUM and the like) cannot run in it: there are none.
    """
    from hotline.store.db import StoreError, write

    if not migrations.pending(db):  # the usual case: a read, no lock
        return []
    with write(db):
        pending = [m.name for m in migrations.pending(db)]  # again: another copy may have just upgraded it
        if not pending:
            return []
        # Ours only when Hotline's own migrations were applied: another sqlite-utils program's file also has
        # a _sqlite_migrations table. That table alone (left by a first migration that failed) is nobody's data.
        has_data = is_hotline_database(db)
        others = [name for name in db.table_names() if name != migrations.migrations_table]
        if not has_data and others:
            raise StoreError(
                "db.not_hotline",
                QT_TRANSLATE_NOOP("StoreError", "This file is not a Hotline database{where}"),
                where=f" ({path})" if path else "",
            )
        if has_data and path is not None and str(path) != ":memory:":
            copy = _copy_before_upgrade(Path(path), pending[0])
            log.info("database copied to %s before upgrade", copy.name)
        migrations.apply(db)
    return pending


def _copy_before_upgrade(path: Path, first_pending: str) -> Path:
    """Copy the file as last committed. Called while migrate() holds the write lock, so the copy is read
    through a connection of its own: sqlite3's backup() from a connection inside a write transaction waits
    for ever, while a WAL reader is never blocked by the writer."""
    stamp = utcnow().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.stem}.before-{first_pending}-{stamp}{path.suffix}")
    from hotline.store.db import owner_only

    target.touch()
    owner_only(target)  # created private, before any personal data goes into it
    source = sqlite3.connect(str(path))
    try:
        dest = sqlite3.connect(str(target))
        try:
            source.backup(dest)
        finally:
            dest.close()
    finally:
        source.close()
    return target


def now_ms() -> int:
    return to_ms(utcnow())

