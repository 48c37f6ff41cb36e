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

from hotline.core.wording import QT_TRANSLATE_NOOP, CodedError

log = logging.getLogger(__name__)

#: How long a writer waits for another copy of Hotline to finish its write (DESIGN §2: no "database is locked").
BUSY_TIMEOUT_MS = 10_000
#: After the busy timeout, a write transaction is retried this long before giving up.
WRITE_RETRY_SECONDS = 30.0
#: At start, how long the program waits for a file another program holds before saying so (check_file_usable).
START_WAIT_SECONDS = 3.0


class StoreError(CodedError):
    """A problem with the database or a refused change: a ``code``, and a message for a person in the interface
    language (hotline.core.wording)."""


class ConflictError(StoreError):
    """Someone else changed the record since it was read; nothing was written."""

    def __init__(self, code: str, template: str, /, current_version: int | None = None, **params: object):
        super().__init__(code, template, **params)
        self.current_version = current_version


class NotFoundError(StoreError):
    pass


class DatabaseBusyError(StoreError):
    pass


class DatabaseLockedError(DatabaseBusyError):
    """At start: another program holds the database file (a locking mode or a transaction that does not end)."""


class DiskFullError(StoreError):
    pass


class DamagedDatabaseError(StoreError):
    pass


def translate_error(exc: sqlite3.Error, path: Path | str | None = None) -> StoreError:
    """Turn an sqlite3 error into a StoreError a person can act on (no personal data in it)."""
    text = str(exc).lower()
    # the file, when known, ends each message: " (path)"
    where = f" ({path})" if path else ""
    if "database or disk is full" in text or ("disk i/o error" in text and _disk_full(path)):
        return DiskFullError(
            "db.disk_full",
            QT_TRANSLATE_NOOP("StoreError", "The disk is full: nothing could be written{where}"),
            where=where,
        )
    if "locked" in text or "busy" in text:
        return DatabaseBusyError(
            "db.busy",
            QT_TRANSLATE_NOOP(
                "StoreError",
                "The database stayed busy too long (another program may be holding the file), try again{where}",
            ),
            where=where,
        )
    if "malformed" in text or "not a database" in text or "file is encrypted" in text:
        return DamagedDatabaseError(
            "db.damaged",
            QT_TRANSLATE_NOOP("StoreError", "The database file is damaged or not Hotline's{where}"),
            where=where,
        )
    if ("readonly" in text or "read-only" in text or "unable to open" in text) and _read_only_folder(path):
        # SQLite writes its journal (-wal, -shm) beside the file: the folder is what must change
        return StoreError(
            "db.folder_read_only",
            QT_TRANSLATE_NOOP(
                "StoreError",
                "The data folder is read-only: Hotline must write its journal beside the database ({folder})",
            ),
            folder=Path(path).parent,
        )
    if "readonly" in text or "read-only" in text:
        return StoreError(
            "db.file_read_only", QT_TRANSLATE_NOOP("StoreError", "The database file is read-only{where}"), where=where
        )
    if "unable to open" in text:
        return StoreError(
            "db.cannot_open", QT_TRANSLATE_NOOP("StoreError", "Cannot open the database file{where}"), where=where
        )
    return StoreError(
        "db.error", QT_TRANSLATE_NOOP("StoreError", "Database error: {detail}{where}"), detail=exc, where=where
    )


def _read_only_folder(path: Path | str | None) -> bool:
    """True when the database's folder exists but no file can be created in it (tried, not guessed from
    permission bits, which say little on Windows or to an administrator's account)."""
    import tempfile

    if path is None or str(path) == ":memory:" or not Path(path).parent.is_dir():
        return False
    try:
        with tempfile.TemporaryFile(dir=Path(path).parent):
            return False
    except OSError:
        return True


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
        raise _folder_error(exc, path) from None
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


def _folder_error(exc: OSError, path: Path) -> StoreError:
    """Why the database file or its folder could not be made: a missing folder that cannot be created is not the
    same fix as an existing folder that is read-only."""
    denied = exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS)
    if path.parent.is_dir():
        if denied:
            return StoreError(
                "db.folder_read_only_create",
                QT_TRANSLATE_NOOP(
                    "StoreError", "The data folder is read-only: the database file cannot be created in it ({folder})"
                ),
                folder=path.parent,
            )
        return StoreError(
            "db.cannot_create_file",
            QT_TRANSLATE_NOOP("StoreError", "Cannot create the database file ({path}): {reason}"),
            path=path,
            reason=exc.strerror,
        )
    if denied:
        return StoreError(
            "db.folder_denied",
            QT_TRANSLATE_NOOP("StoreError", "No permission to create the data folder ({folder})"),
            folder=path.parent,
        )
    return StoreError(
        "db.cannot_create_folder",
        QT_TRANSLATE_NOOP("StoreError", "Cannot create the data folder ({folder}): {reason}"),
        folder=path.parent,
        reason=exc.strerror,
    )


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
                raise translate_error(exc, _path_of(db)) from None
            if time.monotonic() > deadline:
                raise translate_error(exc, _path_of(db)) from None
            time.sleep(0.05)
    try:
        yield conn
    except BaseException as exc:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        if isinstance(exc, sqlite3.Error):
            raise translate_error(exc, _path_of(db)) from exc
        raise
    try:
        conn.execute("COMMIT")
    except sqlite3.Error as exc:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise translate_error(exc, _path_of(db)) from exc


def _path_of(db: sqlite_utils.Database) -> Path | None:
    """The database's file for an error message, or None (the message must not fail in turn)."""
    try:
        return database_path(db)
    except sqlite3.Error:
        return None


def check_file_usable(path: Path | str, wait_seconds: float = START_WAIT_SECONDS) -> None:
    """At start, before the database is opened: raise a StoreError that says what is wrong, within
    ``wait_seconds``, when an existing file can be neither read nor written by this program.

    Without it a read-only file opens and fails only at the sign-in, and a file another program holds makes the
    start wait for the busy timeouts with no word said. A missing or empty file is left to open_database.
    """
    path = Path(path)
    try:
        if not path.is_file() or path.stat().st_size == 0:
            return
    except OSError:
        return  # open_database says what is wrong with the folder
    try:
        conn = sqlite3.connect(str(path), timeout=wait_seconds, isolation_level=None)
    except sqlite3.Error as exc:
        raise _start_error(exc, path) from None
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()  # waits for a program holding the file
        conn.execute("BEGIN IMMEDIATE")  # waits for a program holding a write transaction
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
        conn.execute(f"PRAGMA user_version = {version}")  # a write, rolled back: a read-only file says so now
    except sqlite3.Error as exc:
        raise _start_error(exc, path) from None
    finally:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        conn.close()


def _start_error(exc: sqlite3.Error, path: Path) -> StoreError:
    text = str(exc).lower()
    if "locked" in text or "busy" in text:
        return DatabaseLockedError(
            "db.held",
            QT_TRANSLATE_NOOP(
                "StoreError",
                "Another program is holding the database file: close it, then start Hotline again ({path})",
            ),
            path=path,
        )
    return translate_error(exc, path)


def interrupt(db: sqlite_utils.Database) -> None:
    """Stop the query running on ``db``'s connection at once (safe from another thread: a report being counted
    on a worker is cancelled from the GUI). A connection closed meanwhile is left alone."""
    with contextlib.suppress(sqlite3.Error, AttributeError):
        db.conn.interrupt()


def has_calls(db: sqlite_utils.Database) -> bool:
    """Whether the database holds any call (a demo refuses to fill a database that does)."""
    return db.conn.execute("SELECT 1 FROM calls LIMIT 1").fetchone() is not None


def database_path(db: sqlite_utils.Database) -> Path | None:
    """The file of an open database (None for one in memory): a worker thread opens its own connection to it."""
    for _seq, name, file in db.conn.execute("PRAGMA database_list"):
        if name == "main":
            return Path(file) if file else None
    return None
