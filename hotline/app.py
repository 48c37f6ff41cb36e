"""GUI start: arguments, database, translator, first administrator, then sign-in ↔ main window until quit.

``main(argv)`` is the whole program (``python main.py``). Tests and the benchmark can call the parts:
``parse_args`` (no Qt), ``start(options)`` (needs a QApplication: opens the database and runs the sessions,
returns the exit status) and ``make_excepthook()``.
"""

from __future__ import annotations

import argparse
import logging
import platform
import random
import shutil
import signal
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

import hotline
from hotline import paths
from hotline.i18n import DEFAULT_LANGUAGE, LANGUAGES, install_translator
from hotline.settings import Settings
from hotline.store import users
from hotline.store.db import DamagedDatabaseError, StoreError, check_file_usable, open_database

log = logging.getLogger(__name__)

#: Calls in the throw-away demo database: enough for realistic caller histories, built in about a second.
DEMO_CALLS = 4000
DEMO_DB_NAME = "hotline-demo.sqlite3"
DEMO_DIR_PREFIX = "hotline-demo-"


@dataclass(frozen=True)
class Options:
    db: Path | None = None
    demo: bool = False
    lang: str = DEFAULT_LANGUAGE


class _ArgumentParser(argparse.ArgumentParser):
    def error(self, message: str):  # one line and exit status 2, without argparse's usage block
        self.exit(2, f"{self.prog}: lỗi / error: {message}\n")


def parse_args(argv: list[str]) -> Options:
    """The GUI's arguments; a wrong one prints one line on stderr and raises SystemExit(2)."""
    parser = _ArgumentParser(prog="hotline", description="Hotline 111 / 18008077")
    where = parser.add_mutually_exclusive_group()
    where.add_argument("--db", type=Path, help=f"database file (default: {paths.default_db_path()})")
    where.add_argument("--demo", action="store_true", help="a throw-away database with demo calls and accounts")
    parser.add_argument("--lang", choices=LANGUAGES, default=DEFAULT_LANGUAGE, help="interface language")
    args = parser.parse_args(argv)
    return Options(db=args.db, demo=args.demo, lang=args.lang)


# --- the database ---


@dataclass
class Store:
    """The open database of this run; a demo one lives in a temporary folder removed by ``close``."""

    db: object
    path: Path
    demo: bool = False
    temp_dir: Path | None = None
    backup_thread: threading.Thread | None = None  # the day's backup, running or done
    damage: str | None = None  # damage found in the file (by the check after the start, or by a save)
    damage_restore: Path | None = None  # the backup chosen to replace the damaged database
    login: object = None  # the sign-in window while it waits (the damage offer opens over it)
    window: object = None  # the session's main window
    damage_unanswered: bool = False  # found while no window was open: offered when the next one opens
    offering: bool = False  # the offer is on screen (a save and the check may both meet the damage)
    restores: int = 0  # how many times the file was replaced by a backup in this run

    def close(self) -> None:
        try:
            self.db.close()
        finally:
            if self.temp_dir is not None:
                shutil.rmtree(self.temp_dir, ignore_errors=True)


def open_store(options: Options) -> Store:
    """Open the database the options name (building a demo one first). Raises StoreError."""
    if not options.demo:
        path = options.db or paths.default_db_path()
        check_file_usable(path)  # read-only, or held by another program: said at once, not at the sign-in
        return Store(open_database(path), path)
    _remove_stale_demos()
    folder = Path(tempfile.mkdtemp(prefix=DEMO_DIR_PREFIX))
    try:
        path = folder / DEMO_DB_NAME
        build_demo_database(path)
        return Store(open_database(path), path, demo=True, temp_dir=folder)
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise


def _remove_stale_demos(max_age_hours: float = 24) -> None:
    """Remove demo folders left by a demo that was killed (a running demo touches its files far more often)."""
    for folder in Path(tempfile.gettempdir()).glob(DEMO_DIR_PREFIX + "*"):
        try:
            newest = max((p.stat().st_mtime for p in folder.iterdir()), default=folder.stat().st_mtime)
        except OSError:
            continue
        if time.time() - newest > max_age_hours * 3600:
            shutil.rmtree(folder, ignore_errors=True)


def build_demo_database(path: Path, *, calls: int = DEMO_CALLS, seed: int | None = None) -> None:
    """Fill a new database with demo accounts and calls on a worker thread (its own connection), with a
    small window saying so, so the start never looks frozen."""
    from hotline.demo import build_demo

    seed = random.randrange(1 << 31) if seed is None else seed

    def work() -> None:
        db = open_database(path)
        try:
            build_demo(db, calls=calls, seed=seed)
        finally:
            db.close()

    run_with_splash(work, None)
    log.info("demo database built (seed %s)", seed)


def run_with_splash(work, text: str | None):
    """Run ``work()`` on a worker thread while a small window says ``text``; its result, or its exception."""
    from hotline.ui.login import DemoSplash

    results: list = []
    failures: list[BaseException] = []

    def run() -> None:
        try:
            results.append(work())
        except BaseException as exc:  # handed to the GUI thread, which reports it
            failures.append(exc)

    splash = DemoSplash(text=text)
    splash.show()
    QCoreApplication.processEvents()
    worker = threading.Thread(target=run, name="hotline-worker", daemon=True)
    worker.start()
    while worker.is_alive():
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 30)
        worker.join(0.02)
    splash.close()
    splash.deleteLater()
    if failures:
        raise failures[0]
    return results[0]


# --- automatic backups (DESIGN §2 principle 4: backups only through the program) ---


def start_daily_backup(store: Store) -> None:
    """The day's first backup, on a worker thread (its own connection) so that nobody waits for it. Called at
    start and before each sign-in: a PC that answers the hotline round the clock never closes Hotline."""
    if store.demo or (store.backup_thread is not None and store.backup_thread.is_alive()):
        return
    from hotline.store import backup

    settings = Settings.load(store.db)

    def work() -> None:
        try:
            info = backup.startup_backup(store.path, settings)
        except (StoreError, OSError) as exc:  # the message names the folder, never a caller
            log.warning("daily backup failed: %s", exc)
            return
        if info is not None:
            log.info("daily backup written: %s", info.path.name)

    store.backup_thread = threading.Thread(target=work, name="daily-backup", daemon=False)
    store.backup_thread.start()


def closing_backup(store: Store) -> None:
    """When Hotline closes: a checked backup of the day's work, with a small window saying so."""
    if store.backup_thread is not None:
        store.backup_thread.join()
    if store.demo or store.damage:
        return  # a backup of a damaged file would fail its check: no point, and no box saying so
    from hotline.store import backup

    try:
        settings = Settings.load(store.db)
        info = run_with_splash(
            lambda: backup.after_session_backup(store.path, settings),
            QCoreApplication.translate("App", "Backing up before closing…"),
        )
    except (StoreError, OSError) as exc:
        log.warning("closing backup failed: %s", exc)
        QMessageBox.warning(
            None,
            QCoreApplication.translate("App", "Hotline — backup"),
            QCoreApplication.translate("App", "The backup at closing could not be made:")
            + f"\n\n{exc}\n\n"
            + QCoreApplication.translate("App", "The data itself is safe. Please tell the administrator."),
        )
        return
    log.info("closing backup written: %s", info.path.name)


def say_on_stderr(exc: StoreError | str) -> None:
    """One line on standard error as well as the box: read by whoever started Hotline from a terminal or script."""
    from hotline.vocabulary import both_languages

    if sys.stderr is not None:  # None under pythonw on Windows
        print(f"hotline: lỗi / error: {both_languages(exc)}", file=sys.stderr, flush=True)


def show_store_error(exc: StoreError) -> None:
    QMessageBox.critical(
        None,
        QCoreApplication.translate("App", "Hotline — database problem"),
        QCoreApplication.translate("App", "Hotline cannot use its database.")
        + f"\n\n{exc}\n\n"
        + QCoreApplication.translate(
            "App", "If another copy of Hotline is open, close it and try again. Otherwise, tell the administrator."
        ),
    )


# --- the sessions ---


def workstation_name() -> str:
    """This PC's name: drafts are kept per user and workstation."""
    return platform.node() or "workstation"


def run_sessions(store: Store) -> int:
    """First administrator (on a new database), then sign-in → main window, again after each sign-out."""
    from hotline import recovery  # it imports this module: imported when first needed
    from hotline.ui.login import FirstAdminDialog, LoginDialog

    demo_accounts, demo_password = (), ""
    if store.demo:  # imported only for a demo: the sign-in window of a real start paints sooner
        from hotline.demo import DEMO_ACCOUNTS, DEMO_PASSWORD

        demo_accounts, demo_password = DEMO_ACCOUNTS, DEMO_PASSWORD
    username = ""
    if not store.demo and users.count_users(store.db) == 0:
        first = FirstAdminDialog(store.db, db_path=store.path)
        if first.exec() != QDialog.DialogCode.Accepted or first.user is None:
            return 0
        username = first.user.username
    next_user = None  # signed in at the lock screen of the previous session
    while True:
        start_daily_backup(store)  # the first sign-in of a new day backs up, also when Hotline never closed
        settings = Settings.load(store.db)  # an administrator may have changed them since the last session
        temporary_password = ""
        if next_user is not None:
            user, next_user = next_user, None
        else:
            login = LoginDialog(
                store.db,
                demo_accounts=demo_accounts,
                demo_password=demo_password,
                username=username,
                centre_name=settings.get("centre_name"),
            )
            QTimer.singleShot(300, login, warm_up)  # once the window is painted and the person starts typing
            if store.damage_unanswered:
                QTimer.singleShot(0, login, lambda: recovery.offer_damage_restore(store))
            store.login = login
            accepted = login.exec() == QDialog.DialogCode.Accepted
            store.login = None
            user = login.user
            login.deleteLater()
            temporary_password = login.temporary_password
            if store.damage_restore is not None:  # chosen in the offer over the sign-in window
                recovery.restore_database(store, store.damage_restore, None, after_damage=True)
                continue
            if not accepted or user is None:
                return 0
        username = ""  # a shared PC: after a sign-out the next person types their own name
        if user.must_change_password and not _new_password_chosen(store, user, temporary_password):
            continue  # back to the sign-in: nothing opens on a temporary password
        try:
            end = run_main_window(store, user, settings)
        except DamagedDatabaseError as exc:  # e.g. the live-call screen could not read the lines
            say_on_stderr(exc)
            recovery.offer_damage_restore(store, str(exc), now=True)
            if store.damage_restore is not None:
                recovery.restore_database(store, store.damage_restore, user, after_damage=True)
            continue
        except StoreError as exc:
            show_store_error(exc)
            continue
        if end.restore_path is not None:
            recovery.restore_database(
                store, end.restore_path, user, after_damage=end.restore_path == store.damage_restore
            )
            continue
        if not end.signed_out:
            return 0
        next_user = end.next_user


def warm_up() -> None:
    """Load what the main window needs while the sign-in window waits for a password (a person takes seconds to
    type it): its modules and the list of places, so the live-call screen is ready sooner after the sign-in."""
    import hotline.ui.main_window  # noqa: F401 (imported for its load time)
    from hotline.core.places import DEFAULT_PROVINCE, provinces, wards_of

    provinces()
    wards_of(DEFAULT_PROVINCE)


def _new_password_chosen(store: Store, user, temporary_password: str = "") -> bool:
    """After an administrator's reset the user chooses their own password before anything opens; the temporary
    password typed at sign-in is not asked for again."""
    from hotline.ui.password_dialogs import ChangePasswordDialog

    dialog = ChangePasswordDialog(store.db, user, forced=True, current_password=temporary_password)
    chosen = dialog.exec() == QDialog.DialogCode.Accepted
    dialog.deleteLater()
    return chosen


@dataclass(frozen=True)
class SessionEnd:
    signed_out: bool  # False: the program quits
    next_user: object = None  # another user signed in at the lock screen
    restore_path: Path | None = None  # the administrator asked for this backup to be restored


def run_main_window(store: Store, user, settings: Settings) -> SessionEnd:
    """Show the main window until it closes, and say how the session ended."""
    from hotline import recovery
    from hotline.ui.main_window import MainWindow

    window = MainWindow(store.db, user, settings, workstation_name(), demo=store.demo, db_path=store.path)
    ended: list[bool] = []
    loop = QEventLoop()
    window.closed.connect(lambda signed_out: (ended.append(signed_out), loop.quit()))
    if window.call_screen is not None:  # a save that meets a damaged file: the offer to restore
        window.call_screen.database_damaged.connect(lambda problem: recovery.offer_damage_restore(store, problem))
    store.window = window
    window.start_session()
    from hotline.ui.admin.holiday_warning import notice_at_sign_in

    notice_at_sign_in(window, user, settings)  # the year's public holidays, if the administrator has not entered them
    if store.damage_unanswered:
        QTimer.singleShot(0, window, lambda: recovery.offer_damage_restore(store))
    elif store.damage:  # "Not now" was the answer: the warning stays in sight
        from hotline.ui.damaged_dialog import warning_text

        window.show_database_warning(warning_text())
    try:
        loop.exec()
    finally:
        store.window = None
    end = SessionEnd(bool(ended and ended[0]), window.next_user, window.restore_path)
    window.deleteLater()
    return end


def start(options: Options) -> int:
    """Open the database and run the sessions; the exit status. A QApplication must exist."""
    from hotline import recovery

    app = QApplication.instance()
    # Dialogs come and go between sessions: Qt must not quit when the last one closes.
    app.setQuitOnLastWindowClosed(False)
    try:
        store = open_store(options)
    except StoreError as exc:
        log.error("database not opened: %s", type(exc).__name__)
        say_on_stderr(exc)
        store = (
            recovery.recover_at_start(options, exc)
            if isinstance(exc, DamagedDatabaseError) and not options.demo
            else None
        )
        if store is None:
            if not isinstance(exc, DamagedDatabaseError) or options.demo:
                show_store_error(exc)
            return 1
    start_daily_backup(store)
    # once the sign-in window is painted; stopped if the program ends first
    damage_check = QTimer(app, singleShot=True, interval=500, timeout=lambda: recovery.check_for_damage(store))
    damage_check.start()
    try:
        status = run_sessions(store)
        closing_backup(store)
        return status
    finally:
        damage_check.stop()
        damage_check.deleteLater()
        store.close()


# --- unexpected errors ---


def make_excepthook():
    """A sys.excepthook: log the error (without its message), keep open calls as drafts, say so in a short box."""
    showing = False

    def hook(exc_type, exc, tb) -> None:
        nonlocal showing
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        log.error("unexpected error", exc_info=(exc_type, exc, tb))
        kept = _keep_open_drafts()
        if showing or QApplication.instance() is None:
            return  # one box at a time: an error repeated in a paint event must not flood the screen
        showing = True
        try:
            text = QCoreApplication.translate(
                "App",
                "An unexpected error happened. Calls being typed are kept as drafts and will be offered back.",
            )
            if not kept:
                text = QCoreApplication.translate("App", "An unexpected error happened.")
            QMessageBox.critical(
                None,
                QCoreApplication.translate("App", "Hotline — unexpected error"),
                text
                + "\n\n"
                + QCoreApplication.translate(
                    "App", "If it happens again, please tell the administrator (details are in %1)."
                ).replace("%1", str(paths.data_dir() / "logs" / "hotline.log")),
            )
        finally:
            showing = False

    return hook


def _keep_open_drafts() -> bool:
    """True when no typed call is at risk: every open live-call screen kept its call (or had none)."""
    from hotline.ui.main_window import MainWindow

    app = QApplication.instance()
    windows = [w for w in app.topLevelWidgets() if isinstance(w, MainWindow)] if app else []
    return all([window.keep_draft_now() for window in windows])  # a list: every window is asked


def _close_on_signals(app: QApplication) -> None:
    """Ctrl+C in a terminal or a polite kill closes the windows the normal way: a typed call is kept as a
    draft and a demo folder is removed."""

    def close_all(_signum, _frame) -> None:
        for widget in app.topLevelWidgets():
            if widget.isVisible():
                widget.close()

    for name in ("SIGINT", "SIGTERM"):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), close_all)
    # Python runs signal handlers only between its own instructions: wake it up now and then
    waker = QTimer(app)
    waker.timeout.connect(lambda: None)
    waker.start(300)


# --- the program ---


def main(argv: list[str] | None = None) -> int:
    """``python main.py [--db PATH | --demo] [--lang vi|en]``: the exit status."""
    try:
        options = parse_args(sys.argv[1:] if argv is None else argv)
    except SystemExit as exc:  # --help (0) or a wrong argument (2), already printed
        return exc.code if isinstance(exc.code, int) else 2
    from hotline.logs import configure_logging
    from hotline.ui.style import apply_style

    configure_logging()
    app = QApplication.instance() or QApplication(sys.argv[:1])  # our arguments are not Qt's
    app.setApplicationName("Hotline")
    app.setApplicationVersion(hotline.__version__)
    install_translator(app, options.lang)
    apply_style(app)
    hook = make_excepthook()
    sys.excepthook = hook
    _close_on_signals(app)
    try:
        return start(options)
    except Exception:
        hook(*sys.exc_info())
        return 1
