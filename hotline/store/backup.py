"""Backups through SQLite's online backup API (never a file copy of a live database), their rotation and restore.

Every backup is written to a temporary file in the backup folder, checked with PRAGMA integrity_check, then
renamed to ``<database>-YYYYMMDD-HHMMSS-<kind>.sqlite3`` (Vietnamese time), named by the database it copies (its
file name: ``hotline`` for hotline.sqlite3), so that two databases sharing a folder each find, count and rotate
only their own backups. It is one self-contained file
(rollback journal, no -wal beside it), readable by its owner only on Linux and macOS, as is a folder we create.
Each function opens connections of its own, so the GUI may run it on a worker thread while it keeps its own.
"""

from __future__ import annotations

import logging
import sqlite3
from datetime import datetime
from pathlib import Path

import sqlite_utils

from hotline.core.backups import (
    AUTOMATIC_KINDS,
    DEFAULT_DATABASE,
    KEPT_KINDS,
    KINDS,
    backups_to_keep,
    database_name,
    parse_backup_name,
)
from hotline.core.permissions import ADMIN_BACKUP
from hotline.core.timeutil import local, utcnow
from hotline.core.wording import QT_TRANSLATE_NOOP
from hotline.store import access, audit
from hotline.store.backup_files import (
    BackupError,
    BackupInfo,
    copy_unreadable,
    damaged,
    find_damage,
    not_hotline,
    read_only,
    remove_stale_partials,
    write_backup,
)
from hotline.store.db import DamagedDatabaseError, connect, open_database, translate_error
from hotline.store.migrations import is_hotline_database, migrations

__all__ = [
    "BackupError",
    "BackupInfo",
    "after_session_backup",
    "backup_folder",
    "backups_of",
    "check_backup_file",
    "daily_backup_due",
    "find_damage",
    "list_backups",
    "restore",
    "restore_candidates",
    "restore_candidates_for",
    "rotate",
    "startup_backup",
    "take_backup",
]

log = logging.getLogger(__name__)

_SQLITE_HEADER = b"SQLite format 3\x00"


def backup_folder(settings, db_path: Path | str) -> Path:
    """The folder of automatic backups: the ``backup_dir`` setting (relative to the database's folder when not
    absolute), else ``backups`` beside the database (for the default database: the data folder's backups/)."""
    chosen = str(settings.get("backup_dir") or "").strip()
    base = Path(db_path).parent
    if not chosen:
        return base / "backups"
    folder = Path(chosen).expanduser()
    return folder if folder.is_absolute() else base / folder


def take_backup(
    db_path: Path | str, folder: Path | str, *, kind: str, actor: access.Actor, now: datetime | None = None
) -> BackupInfo:
    """Back the database up into ``folder``, check the copy and audit it ("backup.take").

    The automatic kinds ("daily", "exit") need no permission: the program takes them for any signed-in session,
    or with actor None before anyone signs in. Any other kind needs ADMIN_BACKUP (the command line has it).
    """
    if kind not in KINDS:
        raise ValueError(f"unknown backup kind: {kind!r}")
    db = _open_existing(Path(db_path))
    try:
        if kind not in AUTOMATIC_KINDS:
            access.require(db, actor, ADMIN_BACKUP)
        info = write_backup(db.conn, Path(folder), kind, now or utcnow(), database=database_name(db_path))
        audit.append(db, access.actor_id(actor), "backup.take", "backup", info.path.name, kind)
    finally:
        db.close()
    log.info("backup taken: %s (%d bytes)", info.path.name, info.size)
    return info


def list_backups(folder: Path | str, *, database: str | None = None) -> list[BackupInfo]:
    """Our backups in ``folder``, newest first (other files are ignored); only those of ``database`` (a
    core.backups.database_name) when it is given."""
    folder = Path(folder)
    if not folder.is_dir():
        return []
    found = []
    for entry in folder.iterdir():
        parsed = parse_backup_name(entry.name, database)
        if parsed is None:
            continue
        try:
            if entry.is_file():
                found.append(BackupInfo(entry, parsed[0], entry.stat().st_size, parsed[1]))
        except FileNotFoundError:  # rotated away by another copy of Hotline meanwhile
            continue
    return sorted(found, key=lambda info: (info.taken_at, info.path.name), reverse=True)


def restore_candidates(folder: Path | str, *, database: str | None = None) -> list[BackupInfo]:
    """The backups that may replace a damaged database, newest first: never a "before-restore" copy, which may be
    a damaged database kept by an earlier restore. Each was checked when written; restore checks it again."""
    return [info for info in list_backups(folder, database=database) if info.kind != "before-restore"]


def backups_of(settings, db_path: Path | str) -> list[BackupInfo]:
    """The database's backups in its backup folder, newest first: those named by it, and for another database than
    hotline.sqlite3 those of the older naming (``hotline-…``, before names carried their database) when no
    hotline.sqlite3 beside it claims them by name."""
    db_path = Path(db_path)
    folder, database = backup_folder(settings, db_path), database_name(db_path)
    found = list_backups(folder, database=database)
    if database != DEFAULT_DATABASE and not (db_path.parent / f"{DEFAULT_DATABASE}.sqlite3").exists():
        found += list_backups(folder, database=DEFAULT_DATABASE)
    return sorted(found, key=lambda info: (info.taken_at, info.path.name), reverse=True)


def restore_candidates_for(settings, db_path: Path | str) -> list[BackupInfo]:
    """restore_candidates() of the database at ``db_path``: its own backups (backups_of), no before-restore copy."""
    return [info for info in backups_of(settings, db_path) if info.kind != "before-restore"]


def rotate(folder: Path | str, *, daily: int, monthly: int, database: str | None = None) -> list[Path]:
    """Delete the backups that backups_to_keep() does not keep; returns the deleted paths. Only the backups of
    ``database`` when it is given: another database's backups in the same folder are never touched.

    "before-restore" copies and files that are not our backups are never touched; the temporary file of a
    backup that crashed more than a day ago is removed.
    """
    folder = Path(folder)
    rotated = [info for info in list_backups(folder, database=database) if info.kind not in KEPT_KINDS]
    keep = backups_to_keep([info.taken_at for info in rotated], daily=daily, monthly=monthly)
    deleted = []
    for info in rotated:
        if info.taken_at in keep:
            continue
        try:
            info.path.unlink()
            deleted.append(info.path)
        except FileNotFoundError:
            continue
        except OSError as exc:  # a file someone made read-only: keep going, the next rotation tries again
            log.warning("could not delete old backup %s: %s", info.path.name, exc.strerror)
    remove_stale_partials(folder)
    return deleted


def daily_backup_due(folder: Path | str, now: datetime | None = None, *, database: str | None = None) -> bool:
    """True when no backup (of ``database``, when given) has been taken yet today (Vietnamese date) into ``folder``."""
    today = local(now or utcnow()).date()
    return not any(
        info.kind not in KEPT_KINDS and local(info.taken_at).date() == today
        for info in list_backups(folder, database=database)
    )


def startup_backup(
    db_path: Path | str, settings, *, actor: access.Actor = None, now: datetime | None = None
) -> BackupInfo | None:
    """At start: the day's first backup and a rotation, or None when today's backup exists already."""
    folder = backup_folder(settings, db_path)
    if not daily_backup_due(folder, now, database=database_name(db_path)):
        return None
    return _take_and_rotate(db_path, settings, folder, "daily", actor, now)


def after_session_backup(
    db_path: Path | str, settings, *, actor: access.Actor = None, now: datetime | None = None
) -> BackupInfo:
    """At exit: a backup of the session's work and a rotation."""
    return _take_and_rotate(db_path, settings, backup_folder(settings, db_path), "exit", actor, now)


def _take_and_rotate(db_path, settings, folder: Path, kind: str, actor, now) -> BackupInfo:
    info = take_backup(db_path, folder, kind=kind, actor=actor, now=now)
    rotate(folder, daily=settings.get("backups_daily"), monthly=settings.get("backups_monthly"),
           database=database_name(db_path))  # fmt: skip
    return info


def check_backup_file(path: Path | str) -> None:
    """Raise BackupError unless ``path`` is a sound Hotline database this version can read. Read-only."""
    path = Path(path)
    if not path.is_file():
        raise BackupError(
            "backup.no_such_file", QT_TRANSLATE_NOOP("StoreError", "No such backup file: {path}"), path=path
        )
    with open(path, "rb") as handle:
        if handle.read(len(_SQLITE_HEADER)) != _SQLITE_HEADER:
            raise not_hotline(path)
    try:
        conn = read_only(path)
    except sqlite3.Error as exc:
        raise BackupError(
            "backup.cannot_open",
            QT_TRANSLATE_NOOP("StoreError", "Cannot open the backup file ({path}): {detail}"),
            path=path,
            detail=exc,
        ) from None
    try:
        problems = [row[0] for row in conn.execute("PRAGMA integrity_check") if row[0] != "ok"]
        if problems:
            log.warning("backup %s fails integrity_check: %s", path.name, problems[0][:200])
            raise damaged(path)
        db = sqlite_utils.Database(conn, execute_plugins=False)
        if not is_hotline_database(db):
            raise not_hotline(path)
        known = {migration.name for migration in migrations.pending(sqlite_utils.Database(memory=True))}
        if any(applied.name not in known for applied in migrations.applied(db)):
            raise BackupError(
                "backup.newer_program",
                QT_TRANSLATE_NOOP(
                    "StoreError", "The backup was made by a newer Hotline: update the program first ({name})"
                ),
                name=path.name,
            )
    except sqlite3.DatabaseError:
        raise damaged(path) from None
    finally:
        conn.close()


def restore(
    db_path: Path | str,
    backup_file: Path | str,
    *,
    actor: access.Actor,
    now: datetime | None = None,
    folder: Path | str | None = None,
    after_damage: bool = False,
) -> Path | None:
    """Replace the database's contents with a backup's; returns where the previous database was kept.

    Needs ADMIN_BACKUP, except ``after_damage``: while the database is damaged (checked here with find_damage)
    whoever is at the PC may restore, signed in or not (actor None), so that a night shift with no administrator
    can go on logging calls; the damaged file is kept all the same and the restore is audited.

    Every other connection to ``db_path`` (the GUI's, other windows') must be closed first:
    the contents are swapped under them. The backup is checked first (check_backup_file); the current database
    is kept as ``hotline-…-before-restore.sqlite3`` in ``folder`` (default: the backup folder of its settings),
    which rotation never deletes. The contents are replaced through the backup API into a connection to
    ``db_path``, so its WAL stays consistent; an older backup is then upgraded by the migrations, and
    "backup.restore" is appended to the restored audit log. With no database yet (moving Hotline to a new PC)
    only the command line may restore, nothing is kept and None is returned.
    """
    db_path, backup_file = Path(db_path), Path(backup_file)
    now = now or utcnow()
    if db_path.exists() and backup_file.exists() and backup_file.resolve() == db_path.resolve():
        raise BackupError(
            "backup.restore_onto_itself", QT_TRANSLATE_NOOP("StoreError", "A file cannot be restored onto itself")
        )
    kept = None
    if after_damage and db_path.exists() and find_damage(db_path) is None:
        raise access.PermissionDenied(
            "backup.restore_needs_admin",
            QT_TRANSLATE_NOOP(
                "StoreError", "The database is not damaged: only an administrator may restore ({action})"
            ),
            action=ADMIN_BACKUP,
        )
    if db_path.exists():
        kept = _keep_current(db_path, backup_file, actor, Path(folder) if folder else None, now, after_damage)
    else:
        _command_line_only(actor)
        check_backup_file(backup_file)
    _replace_contents(db_path, backup_file)
    db = open_database(db_path)  # runs the migrations: an older backup is brought up to date
    try:
        detail = f"kept {kept.name}" if kept else "no previous database"
        if after_damage:
            detail += "; the database was damaged"
        audit.append(db, access.actor_id(actor), "backup.restore", "backup", backup_file.name, detail)
    finally:
        db.close()
    log.info("restored %s; previous database kept as %s", backup_file.name, kept.name if kept else "-")
    return kept


def _keep_current(
    db_path: Path, backup_file: Path, actor, folder: Path | None, now: datetime, after_damage: bool = False
) -> Path:
    """Check the actor and the backup, then copy the current database into the backup folder."""
    try:
        db = connect(db_path)
    except DamagedDatabaseError:
        # SQLite cannot even open it (what a restore is for): only the command line, or anyone after the damage
        # was found, gets here; the unreadable file is kept byte for byte, not a live database anyone is writing.
        if not after_damage:
            _command_line_only(actor)
        check_backup_file(backup_file)
        return copy_unreadable(db_path, folder or db_path.parent / "backups", now)
    try:
        if not after_damage:
            access.require(db, actor, ADMIN_BACKUP)
        check_backup_file(backup_file)
        if folder is None:
            folder = _settings_folder(db, db_path)
        # a damaged database is kept all the same: it is a record of what was there
        try:
            return write_backup(
                db.conn, folder, "before-restore", now, refuse_damaged=False, database=database_name(db_path)
            ).path
        except (DamagedDatabaseError, BackupError):
            # SQLite opens it but cannot read it through (bytes damaged in the middle): keep it byte for byte.
            # Nobody may be writing to it now (the caller closed its connections before a restore).
            return copy_unreadable(db_path, folder, now)
    finally:
        db.close()


def _command_line_only(actor) -> None:
    """Without a readable database no user's roles can be checked: only the command line may go on."""
    if actor is not access.COMMAND_LINE:
        raise access.PermissionDenied(
            "access.denied",
            QT_TRANSLATE_NOOP("StoreError", "You are not allowed to do this ({action})"),
            action=ADMIN_BACKUP,
        )


def _settings_folder(db: sqlite_utils.Database, db_path: Path) -> Path:
    from hotline.settings import Settings

    try:
        return backup_folder(Settings.load(db), db_path)
    except sqlite3.Error:  # damaged settings: the default folder
        return db_path.parent / "backups"


def _replace_contents(db_path: Path, backup_file: Path) -> None:
    source = read_only(backup_file)
    try:
        try:
            dest = connect(db_path)  # a missing file is created readable by its owner only
        except DamagedDatabaseError:
            for suffix in ("", "-wal", "-shm"):  # already kept byte for byte by copy_unreadable
                Path(f"{db_path}{suffix}").unlink(missing_ok=True)
            dest = connect(db_path)
        try:
            source.backup(dest.conn)
        finally:
            dest.close()
    except sqlite3.Error as exc:
        raise BackupError.from_error(translate_error(exc, db_path)) from None
    finally:
        source.close()


def _open_existing(db_path: Path) -> sqlite_utils.Database:
    if not db_path.is_file():
        raise BackupError("backup.no_database", QT_TRANSLATE_NOOP("StoreError", "No database at {path}"), path=db_path)
    db = connect(db_path)
    try:
        hotline = is_hotline_database(db)
    except sqlite3.Error as exc:
        db.close()
        raise translate_error(exc, db_path) from None
    if not hotline:
        db.close()
        raise not_hotline(db_path)
    return db
