"""Drafts around a damaged database and a restore: every user's draft survives, file drafts are still offered."""

from __future__ import annotations

import random
from datetime import UTC, datetime

from hotline.core.models import Call
from hotline.store import backup, users
from hotline.store import drafts as draft_store
from hotline.store.access import COMMAND_LINE
from hotline.store.calls import save_call
from hotline.store.db import open_database

STARTED = datetime(2026, 11, 20, 1, 30, tzinfo=UTC)
PASSWORD = "mat-khau-dai-1"


def _two_operators(db):
    return [users.add_user(db, f"tongdai{n}", f"Tổng đài {n}", ["operator"], PASSWORD, by=COMMAND_LINE) for n in (1, 2)]


def test_a_restore_keeps_every_users_draft_and_offers_it_at_their_sign_in(tmp_path):
    """Drafts typed after the backup by two operators on two PCs are offered back to each after the restore."""
    path = tmp_path / "hotline.sqlite3"
    db = open_database(path)
    admin = users.add_user(db, "quantri", "Quản trị", ["admin"], PASSWORD, by=COMMAND_LINE)
    first, second = _two_operators(db)
    taken = backup.take_backup(path, tmp_path / "backups", kind="manual", actor=admin.id)
    draft_store.save_draft(db, first.id, "pc-1", "call-a", {"form": {"summary": "Bé kể bị đánh"}}, STARTED)
    draft_store.save_draft(db, second.id, "pc-2", "call-b", {"form": {"summary": "Mẹ gọi hỏi"}}, STARTED)

    assert draft_store.keep_all_in_files(db) == 2
    db.close()
    backup.restore(path, taken.path, actor=admin.id)
    db = open_database(path)
    try:
        assert db.conn.execute("SELECT count(*) FROM drafts").fetchone()[0] == 0  # the backup had none
        [a] = draft_store.load_drafts(db, first.id, "pc-1")
        [b] = draft_store.load_drafts(db, second.id, "pc-2")
        assert (a.key, a.state["form"]["summary"]) == ("call-a", "Bé kể bị đánh")
        assert (b.key, b.state["form"]["summary"]) == ("call-b", "Mẹ gọi hỏi")
        assert draft_store.load_drafts(db, first.id, "pc-2") == []  # each to its owner on its PC only
    finally:
        db.close()


def test_drafts_in_files_are_offered_when_the_drafts_table_is_damaged(tmp_path):
    """With the drafts table's page overwritten, load_drafts still offers the draft kept in a file, and keeps it."""
    path = tmp_path / "hotline.sqlite3"
    db = open_database(path)
    [operator, _] = _two_operators(db)
    for _ in range(50):
        save_call(
            db, Call(line="111", started_at=STARTED, operator_id=operator.id, outcome="silent", summary="x" * 200)
        )
    draft_store.save_draft(db, operator.id, "pc", "typed-1", {"form": {"summary": "Bé Hoa"}}, STARTED, to_file=True)
    db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    root = db.conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'drafts'").fetchone()[0]
    page = db.conn.execute("PRAGMA page_size").fetchone()[0]
    db.close()
    with path.open("r+b") as stream:
        stream.seek((root - 1) * page)
        stream.write(random.Random(1).randbytes(page))
    db = open_database(path)
    try:
        for _ in range(2):  # offered, and still there the second time: nothing was removed
            [kept] = draft_store.load_drafts(db, operator.id, "pc")
            assert (kept.key, kept.state["form"]["summary"]) == ("typed-1", "Bé Hoa")
    finally:
        db.close()
