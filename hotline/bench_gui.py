"""The bench's measured GUI process: launch to the painted sign-in window, sign-in to the live-call screen, memory.

``python -m hotline.bench_gui bare`` paints a bare PySide6 window; ``python -m hotline.bench_gui startup --db FILE``
starts as ``python main.py --db FILE`` does and paints the sign-in window, then optionally signs the demo operator
in (``--sign-in``) and opens a month of the daily log as the demo shift lead (``--log-day``, ``--log-month``).
Each prints one line ``BENCH {json}``: wall-clock timestamps (``time.time()``, the clock the bench reads before it
starts the process) and durations in milliseconds. Imports stay inside the functions so that each mode loads only
what the program itself would have loaded by then.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from datetime import date
from pathlib import Path

#: The demo accounts the bench signs in as (hotline.demo.DEMO_ACCOUNTS).
OPERATOR = "tongdai1"
SHIFT_LEAD = "truongca"
PAINT_TIMEOUT_S = 30.0


def _paint_watch(widget):
    """An event filter that notes the first paint of ``widget``."""
    from PySide6.QtCore import QEvent, QObject

    class PaintWatch(QObject):
        painted = False

        def eventFilter(self, watched, event):
            if event.type() == QEvent.Type.Paint:
                self.painted = True
            return False

    watch = PaintWatch(widget)
    widget.installEventFilter(watch)
    return watch


def show_painted(widget, show=None) -> None:
    """Show a window (``show()``, default ``widget.show()``) and return once ``widget`` has been painted."""
    from PySide6.QtCore import QEventLoop
    from PySide6.QtWidgets import QApplication

    watch = _paint_watch(widget)
    (show or widget.show)()
    deadline = time.perf_counter() + PAINT_TIMEOUT_S
    while not watch.painted:
        if time.perf_counter() > deadline:
            raise RuntimeError(f"{widget.objectName() or type(widget).__name__} was not painted")
        # processEvents returns once the paint event seen by the filter has been delivered
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
    widget.removeEventFilter(watch)
    watch.deleteLater()


def _report(**figures) -> None:
    print("BENCH " + json.dumps(figures), flush=True)


def bare() -> dict:
    """A bare PySide6 window (a QWidget with a QLabel), painted."""
    from PySide6.QtWidgets import QApplication, QLabel, QVBoxLayout, QWidget

    app = QApplication(sys.argv[:1])
    window = QWidget()
    QVBoxLayout(window).addWidget(QLabel("Hotline", window))
    show_painted(window)
    figures = {"painted": time.time()}
    window.close()
    del app
    return figures


def peak_rss_mb() -> float | None:
    """The process's peak resident memory in MB; None where the resource module is missing (Windows).

    On Linux the high-water mark of this process's own memory (VmHWM): ru_maxrss also counts the parent's memory
    at the fork before this program was started (Linux keeps it across exec), so a bench that had just built a
    million calls reported 487 MB for a window that never held more than 170.
    """
    own = _status_mb("VmHWM:")
    if own is not None:
        return own
    try:
        import resource
    except ImportError:
        return None
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024  # macOS says bytes, Linux KiB


def current_rss_mb() -> float | None:
    """The process's resident memory now, in MB (Linux only: None elsewhere). The peak alone can hide what a
    screen holds: the argon2 password check briefly takes 64 MiB."""
    return _status_mb("VmRSS:")


def _status_mb(field: str) -> float | None:
    """A memory figure of /proc/self/status in MB (Linux only: None elsewhere)."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            line = next(line for line in status if line.startswith(field))
    except (OSError, StopIteration):
        return None
    return int(line.split()[1]) / 1024


def startup(args) -> dict:
    """The steps of ``hotline.app.main`` up to a painted sign-in window (without the day's backup, which runs on a
    worker thread and would write a copy of the bench database), then the optional sign-ins."""
    from PySide6.QtWidgets import QApplication

    import hotline
    from hotline import app as hotline_app
    from hotline.i18n import install_translator
    from hotline.logs import configure_logging
    from hotline.settings import Settings
    from hotline.store import users
    from hotline.ui.style import apply_style

    options = hotline_app.parse_args(["--db", str(args.db)])
    configure_logging()
    app = QApplication(sys.argv[:1])
    app.setApplicationName("Hotline")
    app.setApplicationVersion(hotline.__version__)
    install_translator(app, options.lang)
    apply_style(app)
    sys.excepthook = hotline_app.make_excepthook()
    hotline_app._close_on_signals(app)
    app.setQuitOnLastWindowClosed(False)
    store = hotline_app.open_store(options)
    settings = Settings.load(store.db)
    users.count_users(store.db)  # run_sessions asks whether a first administrator is needed
    from hotline.ui.login import LoginDialog

    login = LoginDialog(store.db, centre_name=settings.get("centre_name"))
    show_painted(login)
    figures = {"painted": time.time(), "startup_rss_mb": peak_rss_mb()}
    hotline_app.warm_up()  # as the program does while the sign-in window waits for the password
    try:
        if args.sign_in:
            figures |= _sign_in_to_call_screen(store, settings, login)
        if args.log_day:
            figures |= _daily_log_memory(store, settings, args.log_day, args.log_month)
    finally:
        store.db.close()
    return figures


def _signed_in(store, username: str):
    from hotline.demo import DEMO_PASSWORD
    from hotline.store import users

    result = users.sign_in(store.db, username, DEMO_PASSWORD)
    if not result.ok:
        raise RuntimeError(f"the bench could not sign in as {username}: {result.reason}")
    return result.user


def _main_window(store, settings, user):
    """What ``hotline.app.run_main_window`` builds, shown and painted (the import counts: the program makes it
    after the sign-in)."""
    from hotline import app as hotline_app
    from hotline.ui.main_window import MainWindow

    window = MainWindow(store.db, user, settings, hotline_app.workstation_name(), db_path=store.path)
    return window


def _sign_in_to_call_screen(store, settings, login) -> dict:
    """The password check (argon2, reported apart), then from its answer to a painted live-call screen."""
    began = time.perf_counter()
    user = _signed_in(store, OPERATOR)
    signed_in = time.perf_counter()
    login.accept()
    window = _main_window(store, settings, user)
    if window.call_screen is None:
        raise RuntimeError(f"{OPERATOR} has no live-call screen")
    show_painted(window.call_screen, window.start_session)
    ready = time.perf_counter()
    # hidden, not closed: closing saves the window's place into the data folder
    window.hide()
    window.deleteLater()
    return {"sign_in_check_ms": (signed_in - began) * 1000, "sign_in_ready_ms": (ready - signed_in) * 1000}


def _daily_log_memory(store, settings, day: date, month: tuple[date, date]) -> dict:
    """As the shift lead: the daily log of ``day``, then the whole month scrolled to its end; the peak memory."""
    from PySide6.QtCore import QDate
    from PySide6.QtWidgets import QApplication

    window = _main_window(store, settings, _signed_in(store, SHIFT_LEAD))
    show_painted(window, window.start_session)
    workspace = window.workspace
    workspace.nav.setCurrentIndex(workspace.keys.index("log"))  # reads the log as a click on the tab does
    screen = workspace.daily_log

    def show_period(first: date, last: date, choice: str) -> None:
        widgets = (screen.day_edit, screen.to_edit, screen.shift_combo)
        for widget in widgets:  # one read for the three changes
            widget.blockSignals(True)
        screen.day_edit.setDate(QDate(first.year, first.month, first.day))
        screen.to_edit.setDate(QDate(last.year, last.month, last.day))
        screen.shift_combo.setCurrentIndex(screen.shift_combo.findData(choice))
        for widget in widgets:
            widget.blockSignals(False)
        screen.reload()
        QApplication.processEvents()

    show_period(day, day, "day")
    show_period(*month, "range")
    began = time.perf_counter()
    while screen.model.canFetchMore():
        screen.model.fetchMore()
    screen.view.scrollToBottom()
    QApplication.processEvents()
    scrolled = time.perf_counter()
    return {
        "log_month_rows": screen.model.rowCount(),
        "log_month_scroll_ms": (scrolled - began) * 1000,
        "peak_rss_mb": peak_rss_mb(),
        "rss_mb": current_rss_mb(),
    }


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m hotline.bench_gui")
    sub = parser.add_subparsers(dest="mode", required=True)
    sub.add_parser("bare", help="a bare PySide6 window")
    run = sub.add_parser("startup", help="the program's start to the painted sign-in window")
    run.add_argument("--db", type=Path, required=True)
    run.add_argument("--sign-in", action="store_true", help=f"then sign {OPERATOR} in to the live-call screen")
    run.add_argument("--log-day", type=date.fromisoformat, help=f"then, as {SHIFT_LEAD}, the daily log of this day")
    run.add_argument(
        "--log-month", type=date.fromisoformat, nargs=2, metavar=("FIRST", "LAST"), help="and then this period"
    )
    args = parser.parse_args(argv)
    if args.mode == "startup" and bool(args.log_day) != bool(args.log_month):
        parser.error("--log-day and --log-month go together")
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    _report(**(bare() if args.mode == "bare" else startup(args)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
