"""Opening the database: pragmas, migrations, write transactions and the store's errors."""

from __future__ import annotations

import contextlib
import errno
import logging
import os
import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path

import sqlite_utils

log = logging.getLogger(__name__)

#: How long a writer waits for another copy of Hotline to finish its write (DESIGN §2: no "database is locked").
BUSY_TIMEOUT_MS = 10_000
#: After the busy timeout, a write transaction is retried this long before giving up.
WRITE_RETRY_SECONDS = 30.0


class StoreError(Exception):
    """A problem with the database, with a message fit to show a person (Vietnamese first)."""


class ConflictError(StoreError):
    """Someone else changed the record since it was read; nothing was written."""

    def __init__(self, message: str, current_version: int | None = None):
        super().__init__(message)
        self.current_version = current_version


class NotFoundError(StoreError):
    pass


class DatabaseBusyError(StoreError):
    pass


class DiskFullError(StoreError):
    pass


class DamagedDatabaseError(StoreError):
    pass


def translate_error(exc: sqlite3.Error, path: Path | str | None = None) -> StoreError:
    """Turn an sqlite3 error into a StoreError a person can act on (no personal data in it)."""
    text = str(exc).lower()
    where = f" ({path})" if path else ""
    if "database or disk is full" in text or ("disk i/o error" in text and _disk_full(path)):
        return DiskFullError(
            "Ổ đĩa đã đầy: không ghi được dữ liệu / The disk is full: nothing could be written" + where
        )
    if "locked" in text or "busy" in text:
        return DatabaseBusyError(
            "Cơ sở dữ liệu đang bận quá lâu, hãy thử lại / The database stayed busy too long, try again" + where
        )
    if "malformed" in text or "not a database" in text or "file is encrypted" in text:
        return DamagedDatabaseError(
            "Tệp cơ sở dữ liệu bị hỏng hoặc không phải của Hotline / The database file is damaged or not Hotline's"
            + where
        )
    if "readonly" in text or "read-only" in text:
        return StoreError("Không có quyền ghi vào tệp dữ liệu / The database file is read-only" + where)
    if "unable to open" in text:
        return StoreError("Không mở được tệp dữ liệu / Cannot open the database file" + where)
    return StoreError(f"Lỗi cơ sở dữ liệu / Database error: {exc}{where}")


def _disk_full(path: Path | str | None) -> bool:
    return False if path is None else _free_bytes(Path(path).parent) < 1_000_000


def _free_bytes(folder: Path) -> int:
    import shutil

    try:
        return shutil.disk_usage(folder).free
    except OSError:
        return 1 << 40


def connect(path: Path | str) -> sqlite_utils.Database:
    """A connection with Hotline's pragmas, without running migrations (for backups and checks)."""
    path = Path(path)
    try:
        if str(path) != ":memory:":
            _create_owner_only(path)
        # isolation_level=None: we open every transaction ourselves (BEGIN IMMEDIATE for writes).
        conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
    except OSError as exc:
        if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
            raise StoreError(
                f"Không có quyền tạo thư mục dữ liệu / No permission to create the data folder ({path.parent})"
            ) from None
        raise StoreError(
            f"Không mở được thư mục dữ liệu / Cannot open the data folder ({path.parent}): {exc.strerror}"
        ) from None
    except sqlite3.Error as exc:
        raise translate_error(exc, path) from None
    try:
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        mode = _journal_mode_wal(conn)
        if mode.lower() != "wal" and str(path) != ":memory:":
            log.warning("journal_mode is %s, not WAL", mode)
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA temp_store = MEMORY")
        conn.execute("PRAGMA cache_size = -32000")  # 32 MB page cache
    except sqlite3.Error as exc:
        conn.close()
        raise translate_error(exc, path) from None
    return sqlite_utils.Database(conn, execute_plugins=False)


def owner_only(path: Path, *, folder: bool = False) -> None:
    """On Linux and macOS, let only the owner read a file (0600) or open a folder (0700): they hold personal data.

    On Windows the user data folder is already private to the user's profile; its permissions are left alone.
    """
    if os.name == "posix":
        path.chmod(0o700 if folder else 0o600)


def _create_owner_only(path: Path) -> None:
    """Create a missing database file (empty: SQLite fills it) readable by its owner only, and its folder likewise.

    SQLite creates the -wal and -shm files with the permissions of the database file, so they follow. The
    process-wide umask is not touched (other threads may be creating files meanwhile). An existing file keeps
    the permissions it has: an administrator may have chosen them.
    """
    if not path.parent.is_dir():
        path.parent.mkdir(parents=True, exist_ok=True)
        owner_only(path.parent, folder=True)
    if os.name != "posix" or path.exists():
        return
    with contextlib.suppress(FileExistsError):  # another copy of Hotline created it a moment ago
        os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))


def _journal_mode_wal(conn: sqlite3.Connection) -> str:
    """Switch a file to WAL. On a new file this needs the file to itself and SQLite does not wait for that
    (no busy handler): a second copy of Hotline starting at the same moment would fail at once, so retry."""
    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    while True:
        try:
            return conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
        except sqlite3.OperationalError as exc:
            text = str(exc).lower()
            if ("locked" not in text and "busy" not in text) or time.monotonic() > deadline:
                raise
            time.sleep(0.02)


def open_database(path: Path | str) -> sqlite_utils.Database:
    """Open (or create) a Hotline database and bring its schema up to date."""
    from hotline.store.migrations import migrate

    db = connect(path)
    try:
        migrate(db, path)
    except sqlite3.Error as exc:
        db.close()
        raise translate_error(exc, path) from None
    except Exception:
        db.close()
        raise
    return db


@contextlib.contextmanager
def write(db: sqlite_utils.Database) -> Iterator[sqlite3.Connection]:
    """A write transaction taken with BEGIN IMMEDIATE, so two copies of Hotline queue instead of failing.

    Nested use joins the outer transaction. sqlite3 errors leave as StoreError with a clear message.
    """
    conn = db.conn
    if conn.in_transaction:
        yield conn
        return
    deadline = time.monotonic() + WRITE_RETRY_SECONDS
    while True:
        try:
            conn.execute("BEGIN IMMEDIATE")
            break
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc).lower() and "busy" not in str(exc).lower():
                raise translate_error(exc) from None
            if time.monotonic() > deadline:
                raise translate_error(exc) from None
            time.sleep(0.05)
    try:
        yield conn
    except BaseException as exc:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        if isinstance(exc, sqlite3.Error):
            raise translate_error(exc) from exc
        raise
    try:
        conn.execute("COMMIT")
    except sqlite3.Error as exc:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise translate_error(exc) from exc


def database_path(db: sqlite_utils.Database) -> Path | None:
    """The file of an open database (None for one in memory): a worker thread opens its own connection to it."""
    for _seq, name, file in db.conn.execute("PRAGMA database_list"):
        if name == "main":
            return Path(file) if file else None
    return None
