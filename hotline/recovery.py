"""A damaged database and restores: the offer of the latest good backup, the restore itself, the check after start.

What "Not now" does depends on when the damage shows (see hotline.ui.damaged_dialog). The functions here are
called by hotline.app, which imports this module when it needs it (this module uses app's Store and windows).
"""

from __future__ import annotations

import logging
import sqlite3
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox

from hotline import paths
from hotline.app import Options, Store, run_with_splash, say_on_stderr, show_store_error
from hotline.settings import Settings
from hotline.store.db import DamagedDatabaseError, StoreError, open_database

log = logging.getLogger(__name__)


def restore_database(store: Store, backup_file: Path, user, *, after_damage: bool = False) -> None:
    """Replace the database with a backup (the window is closed): close, restore on a worker thread with a small
    window saying so, open again, say what happened. ``after_damage``: the database is damaged, so no
    administrator is needed and ``user`` may be None (nobody signed in yet)."""
    from hotline.store import backup
    from hotline.store.drafts import keep_all_in_files
    from hotline.ui.damaged_dialog import restored_text

    store.damage_restore = None
    if store.backup_thread is not None:
        store.backup_thread.join()  # the day's backup reads the file: let it finish first
    kept, error = None, None
    keep_all_in_files(store.db)  # everyone's drafts: the backup does not hold them
    store.restores += 1  # a damage check still running looks at the file being replaced: its answer is stale
    store.db.close()
    try:
        kept = run_with_splash(
            lambda: backup.restore(
                store.path, backup_file, actor=user.id if user is not None else None, after_damage=after_damage
            ),
            QCoreApplication.translate("App", "Restoring the backup…"),
        )
    except StoreError as exc:
        error = exc
    finally:
        store.db = open_database(store.path)
    if error is not None:
        show_store_error(error)
        return
    if after_damage:
        store.damage, store.damage_unanswered = None, False
        text = restored_text(backup_file.name, str(kept))
    else:
        text = (
            QCoreApplication.translate(
                "App", "The backup %1 is restored. The database as it was before is kept in %2. Please sign in again."
            )
            .replace("%1", backup_file.name)
            .replace("%2", str(kept))
        )
    QMessageBox.information(None, QCoreApplication.translate("App", "Backup restored"), text)


def offer_damage_restore(store: Store, problem: str | None = None, *, now: bool = False) -> None:
    """Damage was found: offer the latest good backup over the window that is open (``now``: with none). A backup
    chosen ends the sign-in or the session, and run_sessions restores it; "Not now" goes on with a warning."""
    from hotline.ui.damaged_dialog import offer_restore, warning_text

    if problem is not None:
        store.damage = problem
    if store.offering or store.damage_restore is not None or store.damage is None:
        return
    parent = store.window or store.login
    if parent is None and not now:
        store.damage_unanswered = True  # between windows: offered as soon as the next one opens
        return
    store.damage_unanswered, store.offering = False, True
    try:
        choice = offer_restore(parent, store.damage, _restore_candidates(store), can_go_on=True)
    finally:
        store.offering = False
    if choice is None:
        if store.window is not None:
            store.window.show_database_warning(warning_text())
        return
    store.damage_restore = choice.path
    if store.window is not None:
        _keep_drafts_out_of_the_database(store.window)
        store.window.restore_backup(choice.path)
    elif store.login is not None:
        store.login.reject()


def _keep_drafts_out_of_the_database(window) -> None:
    """The call being typed must survive the restore: a draft in the database would be replaced with it."""
    if window.call_screen is None:
        return
    try:
        window.call_screen.keep_drafts_in_files()
    except StoreError:  # the window's closing keeps it in the database, or asks
        log.warning("the call being typed could not be kept in a file before the restore")


def _restore_candidates(store: Store) -> list:
    from hotline.store import backup

    try:
        settings = Settings.load(store.db)
    except (StoreError, sqlite3.Error):  # the settings may be in the damaged part: the default folder
        settings = Settings()
    return backup.restore_candidates_for(settings, store.path)


def check_for_damage(store: Store) -> None:
    """PRAGMA quick_check off the GUI thread (seconds on a large file, so never before the sign-in window): damage
    in the middle of the file shows only when its page is read, which may be hours later, in the middle of a call."""
    if store.demo:
        return
    from hotline.store.backup import find_damage
    from hotline.ui.worker import run_in_background

    checked = store.restores

    def found(problem: str | None) -> None:
        if problem is None or store.restores != checked:  # sound, or the file checked has been replaced since
            return
        log.error("the database check found damage")
        message = f"Tệp cơ sở dữ liệu bị hỏng / The database file is damaged ({store.path}): {problem}"
        say_on_stderr(message)
        offer_damage_restore(store, message)

    path = store.path
    run_in_background(lambda: find_damage(path), found, lambda exc: log.warning("check failed: %s", type(exc).__name__))


def recover_at_start(options: Options, exc: DamagedDatabaseError) -> Store | None:
    """The file is too damaged to open: offer the latest backup before anything else. The store, or None to quit."""
    from hotline.store import backup
    from hotline.ui.damaged_dialog import offer_restore, restored_text

    path = options.db or paths.default_db_path()
    # its settings (a chosen backup folder) are in the file that cannot be read: the default folder
    choice = offer_restore(None, str(exc), backup.restore_candidates_for(Settings(), path), can_go_on=False)
    if choice is None:
        return None
    try:
        kept = run_with_splash(
            lambda: backup.restore(path, choice.path, actor=None, after_damage=True),
            QCoreApplication.translate("App", "Restoring the backup…"),
        )
        store = Store(open_database(path), path)
    except StoreError as error:
        say_on_stderr(error)
        show_store_error(error)
        return None
    QMessageBox.information(
        None, QCoreApplication.translate("App", "Backup restored"), restored_text(choice.path.name, str(kept))
    )
    return store
