"""The change token: real changes move it, from this connection or another; drafts, audit rows and reads do not."""

from __future__ import annotations

import sqlite3
from datetime import timedelta

from hotline.core.models import Call
from hotline.core.timeutil import utcnow
from hotline.store import audit, changes
from hotline.store import calls as call_store
from hotline.store import drafts as draft_store
from hotline.store import users as user_store
from hotline.store.access import COMMAND_LINE
from hotline.store.changes import change_token
from hotline.store.db import open_database

PASSWORD = "changes-test-password"


def _operator(db):
    return user_store.add_user(db, "tongdai1", "Nguyễn Văn An", ["operator"], PASSWORD, by=COMMAND_LINE)


def test_a_save_here_or_at_another_desk_moves_the_token_and_a_read_does_not(tmp_path):
    """A call saved on this connection or on another moves the token; reading calls leaves it where it was."""
    path = tmp_path / "hotline.sqlite3"
    db = open_database(path)
    operator = _operator(db)
    first = change_token(db)
    saved = call_store.save_call(db, Call(line="111", started_at=utcnow(), operator_id=operator.id, outcome="silent"))
    second = change_token(db)
    assert second > first
    call_store.get_call(db, saved.id, viewer_id=operator.id)
    assert change_token(db) == second
    other = sqlite3.connect(str(path), isolation_level=None)
    try:
        other.execute("UPDATE calls SET duration_s = duration_s + 1 WHERE id = ?", [saved.id])
    finally:
        other.close()
    assert change_token(db) > second
    db.close()


def test_a_draft_autosaved_at_another_desk_and_an_audit_row_leave_the_token_alone(tmp_path):
    """The autosave of a call being typed (every second) and an audit row do not move the token, so an open log
    does not reload for them."""
    path = tmp_path / "hotline.sqlite3"
    db = open_database(path)
    operator = _operator(db)
    before = change_token(db)
    desk = open_database(path)
    for second in range(3):
        draft_store.save_draft(desk, operator.id, "pc-2", "typing", {"summary": "." * second},
                               utcnow() - timedelta(seconds=second))  # fmt: skip
    audit.append(desk, operator.id, "view", "call", "1", "")
    desk.close()
    assert change_token(db) == before
    db.close()


def test_every_table_is_watched_or_left_out_on_purpose(tmp_path):
    """Each table of the schema is either watched (its three triggers move the counter) or named as not watched:
    a new table must be decided on, or another desk's screen would miss its changes."""
    db = open_database(tmp_path / "hotline.sqlite3")
    tables = {r[0] for r in db.conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    tables -= {"sqlite_sequence", "sqlite_stat1", "sqlite_stat4"}
    assert tables == set(changes.WATCHED) | set(changes.NOT_WATCHED)
    triggers = {r[0] for r in db.conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")}
    for table in changes.WATCHED:
        assert {f"{table}_changed_{kind}" for kind in ("insert", "update", "delete")} <= triggers, table
    db.close()
