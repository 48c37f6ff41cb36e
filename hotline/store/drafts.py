"""Drafts: the state of a call form being typed, per user and workstation, kept until the call is saved.

A user reads, writes and deletes only their own drafts: the ``user_id`` of each function is both the owner and
the one acting, and needs CALL_LOG.

When the database cannot take a draft (disk full, damaged or read-only file) it is kept in a file instead
(hotline.store.draft_file); load_drafts offers both, so a call typed then is offered back at the next start.
"""

from __future__ import annotations

import json
import logging
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import sqlite_utils

from hotline.core import permissions
from hotline.core.models import Draft
from hotline.core.timeutil import from_ms, to_ms, utcnow
from hotline.core.wording import QT_TRANSLATE_NOOP
from hotline.store import access
from hotline.store.db import StoreError, database_path, write
from hotline.store.draft_file import (
    drafts_folder,
    keep_reserve,
    read_draft_files,
    remove_draft_file,
    write_draft_file,
)

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class DraftSaved:
    """Where save_draft kept a draft: in the database, or in ``file`` because the database refused it."""

    file: Path | None = None
    database_error: StoreError | None = None  # why the database refused it (e.g. DiskFullError)

    @property
    def in_database(self) -> bool:
        return self.file is None


def save_draft(
    db: sqlite_utils.Database,
    user_id: int,
    workstation: str,
    key: str,
    state: dict,
    started_at: datetime,
    *,
    to_file: bool = False,
) -> DraftSaved:
    """Create or replace the draft ``key`` (the uuid of the call being typed).

    When the database cannot take it, the draft goes to a file beside the database and the result says so; the
    database's StoreError is raised only when the file cannot be written either. ``to_file``: straight to the
    file, for a database about to be replaced by a backup (a draft in it would go with it).
    """
    if to_file:
        access.require(db, user_id, permissions.CALL_LOG)
        folder = _fallback_folder(db)
        if folder is None:
            raise StoreError(
                "draft.memory_database", QT_TRANSLATE_NOOP("StoreError", "A database in memory has no folder")
            )
        try:
            return DraftSaved(write_draft_file(folder, user_id, workstation, key, state, started_at))
        except OSError as exc:
            raise StoreError(
                "draft.cannot_write",
                QT_TRANSLATE_NOOP("StoreError", "The draft could not be written to a file ({folder}): {reason}"),
                folder=folder,
                reason=exc.strerror,
            ) from None
    try:
        access.require(db, user_id, permissions.CALL_LOG)
        now = to_ms(utcnow())
        payload = json.dumps(state, ensure_ascii=False)
        with write(db) as conn:
            conn.execute(
                "INSERT INTO drafts(draft_key, user_id, workstation, state, started_at, updated_at)"
                " VALUES (?, ?, ?, ?, ?, ?)"
                " ON CONFLICT(user_id, workstation, draft_key) DO UPDATE SET state = excluded.state,"
                " updated_at = excluded.updated_at",
                [key, user_id, workstation, payload, to_ms(started_at), now],
            )
    except access.PermissionDenied:
        raise
    except StoreError as exc:
        return _keep_in_file(db, exc, user_id, workstation, key, state, started_at)
    remove_fallback(db, user_id, workstation, key)  # the database holds the newer version now
    folder = _fallback_folder(db)
    if folder is not None:
        keep_reserve(folder)  # a stat while it is there; made again once a full disk has room
    return DraftSaved()


def _keep_in_file(db, error: StoreError, user_id: int, workstation: str, key: str, state, started_at) -> DraftSaved:
    folder = _fallback_folder(db)
    if folder is None:
        raise error
    try:
        path = write_draft_file(folder, user_id, workstation, key, state, started_at)
    except (OSError, ValueError) as file_error:
        log.warning("draft kept nowhere: %s, then %s", type(error).__name__, type(file_error).__name__)
        raise error from None
    log.warning("draft kept in a file: the database refused it (%s)", type(error).__name__)
    return DraftSaved(path, error)


def _fallback_folder(db: sqlite_utils.Database) -> Path | None:
    try:
        path = database_path(db)
    except Exception:  # a connection too broken to name its file: then there is no folder to use
        return None
    return drafts_folder(path) if path else None


def remove_fallback(db: sqlite_utils.Database, user_id: int, workstation: str, key: str) -> None:
    """Forget this user's file of draft ``key`` once its call is saved (or the database holds a newer version).

    Needs no permission check of its own: it removes only the caller's own file, and never raises for it.
    """
    folder = _fallback_folder(db)
    if folder is not None:
        try:
            remove_draft_file(folder, key, user_id, workstation)
        except OSError as exc:  # kept: load_drafts drops it once it sees the call saved after it
            log.warning("a draft file could not be removed: %s", exc.strerror)


def load_drafts(db: sqlite_utils.Database, user_id: int, workstation: str) -> list[Draft]:
    """This user's drafts on this workstation, oldest first: those in the database and those kept in files.

    Of two versions of one draft the newer wins. A file whose call was saved after it was written is stale (the
    program stopped between the save and the file's removal): it is removed, not offered.
    """
    access.require(db, user_id, permissions.CALL_LOG)
    readable = True
    try:
        rows = db.conn.execute(
            "SELECT draft_key, state, started_at, updated_at FROM drafts WHERE user_id = ? AND workstation = ?"
            " ORDER BY started_at, id",
            [user_id, workstation],
        ).fetchall()
    except sqlite3.Error as exc:  # a damaged file: the drafts kept in files are offered all the same
        log.warning("drafts could not be read from the database (%s)", type(exc).__name__)
        rows, readable = [], False
    drafts = {r[0]: Draft(r[0], user_id, workstation, json.loads(r[1]), from_ms(r[2]), from_ms(r[3])) for r in rows}
    folder = _fallback_folder(db)
    if folder is not None:
        keep_reserve(folder)  # at each sign-in: room for a draft is there before a disk fills up
    for kept in read_draft_files(folder, user_id, workstation) if folder else []:
        in_database = drafts.get(kept.key)
        if in_database is not None and in_database.updated_at >= kept.updated_at:
            continue
        if readable and _saved_since(db, kept):
            remove_fallback(db, user_id, workstation, kept.key)
            continue
        drafts[kept.key] = kept
    return sorted(drafts.values(), key=lambda draft: draft.started_at)  # stable: the database's order for ties


def keep_all_in_files(db: sqlite_utils.Database) -> int:
    """Before the database is replaced by a backup: every user's drafts that can still be read go to files beside
    it, so each is offered back at its owner's next sign-in. Returns how many; never raises (a damaged file may
    give up some or all of them)."""
    folder = _fallback_folder(db)
    if folder is None:
        return 0
    kept = 0
    try:
        rows = db.conn.execute("SELECT draft_key, user_id, workstation, state, started_at FROM drafts").fetchall()
    except sqlite3.Error as exc:
        log.warning("drafts could not be read before the restore (%s)", type(exc).__name__)
        return 0
    for key, user_id, workstation, state, started_at in rows:
        try:
            write_draft_file(folder, user_id, workstation, key, json.loads(state), from_ms(started_at))
            kept += 1
        except (OSError, ValueError) as exc:
            log.warning("a draft could not be kept before the restore (%s)", type(exc).__name__)
    return kept


def _saved_since(db: sqlite_utils.Database, draft: Draft) -> bool:
    """True when the draft's call was saved (or edited) after the draft was written."""
    try:
        row = db.conn.execute("SELECT updated_at FROM calls WHERE uuid = ?", [draft.key]).fetchone()
    except sqlite3.Error:  # cannot tell: keep the file and offer it
        return False
    return row is not None and row[0] >= to_ms(draft.updated_at)


def delete_draft(db: sqlite_utils.Database, user_id: int, workstation: str, key: str) -> None:
    """Remove one of this user's drafts, in the database and in a file (nothing happens when there is none)."""
    access.require(db, user_id, permissions.CALL_LOG)
    remove_fallback(db, user_id, workstation, key)
    with write(db) as conn:
        conn.execute(
            "DELETE FROM drafts WHERE user_id = ? AND workstation = ? AND draft_key = ?", [user_id, workstation, key]
        )
