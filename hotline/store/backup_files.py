"""Writing and reading backup files: temporary file, integrity check, atomic rename, owner-only permissions."""

from __future__ import annotations

import errno
import logging
import os
import shutil
import sqlite3
import tempfile
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from hotline.core.backups import DEFAULT_DATABASE, backup_name, database_name
from hotline.core.timeutil import local, utcnow
from hotline.core.wording import QT_TRANSLATE_NOOP
from hotline.store.db import StoreError, owner_only, translate_error

log = logging.getLogger(__name__)

_PARTIAL_PREFIX, _PARTIAL_SUFFIX = ".hotline-", ".partial"


class BackupError(StoreError):
    """A backup could not be taken, or a file cannot be restored; nothing was replaced."""


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    taken_at: datetime  # Vietnamese time, to the second (read from the file name)
    size: int
    kind: str  # one of hotline.core.backups.KINDS


def write_backup(
    source: sqlite3.Connection,
    folder: Path,
    kind: str,
    now: datetime,
    *,
    refuse_damaged: bool = True,
    database: str = DEFAULT_DATABASE,
) -> BackupInfo:
    """Back ``source`` up into a temporary file in ``folder``, check it, and rename it to its final name (named by
    ``database``, core.backups.database_name of the file backed up)."""
    make_folder(folder)
    final, taken_at = free_name(folder, now, kind, database)
    try:
        handle, temporary_name = tempfile.mkstemp(prefix=_PARTIAL_PREFIX, suffix=_PARTIAL_SUFFIX, dir=folder)
    except OSError as exc:
        raise write_failed(exc, final) from None
    os.close(handle)  # mkstemp made it 0600 on POSIX: the data is never readable by others, even for a moment
    temporary = Path(temporary_name)
    try:
        dest = sqlite3.connect(temporary)
        try:
            source.backup(dest)
            dest.execute("PRAGMA journal_mode = DELETE")  # one self-contained file: no -wal beside a backup
        finally:
            dest.close()
        problems = integrity_problems(temporary)
        if problems and refuse_damaged:
            log.warning("new backup fails integrity_check: %s", problems[0][:200])
            raise BackupError(
                "backup.failed_check",
                QT_TRANSLATE_NOOP(
                    "StoreError",
                    "The backup just written failed its integrity check and was deleted; check the disk and the"
                    " database (command: check) ({name})",
                ),
                name=final.name,
            )
        if problems:
            log.warning("kept a damaged database as %s", final.name)
        os.replace(temporary, final)
    except sqlite3.Error as exc:
        raise BackupError.from_error(translate_error(exc, final)) from None
    except OSError as exc:
        raise write_failed(exc, final) from None
    finally:
        temporary.unlink(missing_ok=True)
    return BackupInfo(final, taken_at, final.stat().st_size, kind)


def copy_unreadable(db_path: Path, folder: Path, now: datetime) -> Path:
    """Keep a file SQLite cannot open (and its -wal) byte for byte as a before-restore copy: nobody can be
    writing to it, so this is not the file copy of a live database that backups must never be."""
    make_folder(folder)
    final, _ = free_name(folder, now, "before-restore", database_name(db_path))
    try:
        for suffix in ("", "-wal"):
            if Path(f"{db_path}{suffix}").exists():
                shutil.copyfile(f"{db_path}{suffix}", f"{final}{suffix}")
                owner_only(Path(f"{final}{suffix}"))
    except OSError as exc:
        raise write_failed(exc, final) from None
    return final


def free_name(folder: Path, now: datetime, kind: str, database: str = DEFAULT_DATABASE) -> tuple[Path, datetime]:
    """The backup's path and stamp (Vietnamese time, whole seconds); two backups in one second get distinct ones."""
    taken_at = local(now).replace(microsecond=0)
    while (folder / backup_name(taken_at, kind, database)).exists():
        taken_at += timedelta(seconds=1)
    return folder / backup_name(taken_at, kind, database), taken_at


def integrity_problems(path: Path) -> list[str]:
    """PRAGMA integrity_check's findings (empty when the file is sound), read-only."""
    conn = read_only(path)
    try:
        return [row[0] for row in conn.execute("PRAGMA integrity_check") if row[0] != "ok"]
    finally:
        conn.close()


def find_damage(path: Path) -> str | None:
    """The first problem PRAGMA quick_check finds in the database at ``path`` (read-only, a connection of its own,
    so it may run on a worker thread beside a live session), or None when it finds none.

    A file SQLite cannot read (a damaged header or page) is damaged; one it cannot open now (held by another
    program, missing) is not judged here: None. The problem text names pages and tables, never row contents.
    """
    try:
        conn = read_only(path)
    except sqlite3.Error:
        return None
    try:
        for (row,) in conn.execute("PRAGMA quick_check"):
            if row != "ok":
                return str(row)[:300]
        return None
    except sqlite3.DatabaseError as exc:
        text = str(exc).lower()
        if "malformed" in text or "not a database" in text or "corrupt" in text:
            return str(exc)
        return None
    finally:
        conn.close()


def read_only(path: Path) -> sqlite3.Connection:
    """A read-only connection that writes nothing beside the file: with no -wal there, the file is opened as
    immutable (else SQLite would create -wal and -shm files next to a WAL-mode copy)."""
    wal = Path(f"{path}-wal")
    options = "mode=ro" if wal.exists() else "mode=ro&immutable=1"
    return sqlite3.connect(f"{path.resolve().as_uri()}?{options}", uri=True)


def make_folder(folder: Path) -> None:
    """Create the backup folder (owner-only) when missing."""
    if folder.is_dir():
        return  # a folder the administrator chose keeps its permissions
    try:
        folder.mkdir(parents=True, exist_ok=True)
        owner_only(folder, folder=True)
    except OSError as exc:
        raise BackupError(
            "backup.cannot_create_folder",
            QT_TRANSLATE_NOOP("StoreError", "Cannot create the backup folder ({folder}): {reason}"),
            folder=folder,
            reason=exc.strerror or exc,
        ) from None


def remove_stale_partials(folder: Path) -> None:
    """Delete the temporary file of a backup that crashed more than a day ago (a running one is younger)."""
    if not folder.is_dir():
        return
    limit = utcnow().timestamp() - 86_400
    for entry in folder.glob(f"{_PARTIAL_PREFIX}*{_PARTIAL_SUFFIX}"):
        try:
            if entry.stat().st_mtime < limit:
                entry.unlink()
        except OSError:
            continue


def write_failed(exc: OSError, final: Path) -> BackupError:
    if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        return BackupError(
            "backup.disk_full",
            QT_TRANSLATE_NOOP("StoreError", "The disk is full: no backup was written ({path})"),
            path=final,
        )
    return BackupError(
        "backup.cannot_write",
        QT_TRANSLATE_NOOP("StoreError", "Cannot write the backup ({path}): {reason}"),
        path=final,
        reason=exc.strerror or exc,
    )


def damaged(path: Path) -> BackupError:
    return BackupError(
        "backup.damaged",
        QT_TRANSLATE_NOOP("StoreError", "The backup file is damaged and cannot be used ({path})"),
        path=path,
    )


def not_hotline(path: Path) -> BackupError:
    return BackupError(
        "backup.not_hotline", QT_TRANSLATE_NOOP("StoreError", "This file is not a Hotline database ({path})"), path=path
    )
