"""One background helper for slow work (backups, restores, big reports): results come back on the GUI thread.

The work runs on a plain Python thread and must not touch widgets or the GUI's database connection (sqlite3
connections belong to their thread): it opens its own. Nothing Qt is called from the worker: it puts its result
in a queue that a timer of the GUI thread empties, then ``done``/``failed`` run on the GUI thread. (Emitting Qt
signals from Python worker threads crashed PySide6 6.12 under load: "deallocating None".)
"""

from __future__ import annotations

import logging
import queue
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QTimer

log = logging.getLogger(__name__)

#: Finished jobs waiting for the GUI thread: (done, failed, result, error).
_finished: queue.SimpleQueue = queue.SimpleQueue()
_running = 0
_timer: QTimer | None = None
POLL_MS = 25


def _deliver() -> None:
    global _running
    while True:
        try:
            done, failed, result, error = _finished.get_nowait()
        except queue.Empty:
            break
        _running -= 1
        try:
            if error is None:
                done(result)
            else:
                failed(error)
        except Exception:  # a callback's own error must not stop the others being delivered
            log.exception("a background job's callback failed")
    if _running == 0 and _timer is not None:
        _timer.stop()


def run_in_background(
    work: Callable[[], Any], done: Callable[[Any], None], failed: Callable[[BaseException], None]
) -> None:
    """Run ``work()`` off the GUI thread, then ``done(result)`` or ``failed(exception)`` on the GUI thread."""
    global _running, _timer
    if _timer is None:
        _timer = QTimer(QCoreApplication.instance())
        _timer.setInterval(POLL_MS)
        _timer.timeout.connect(_deliver)
    _running += 1
    _timer.start()

    def run() -> None:
        try:
            result = work()
        except Exception as exc:  # handed to the GUI thread, which shows it; logged without its message
            log.info("background work ended with %s", type(exc).__name__)  # a cancel is one: not a warning
            _finished.put((done, failed, None, exc))
            return
        _finished.put((done, failed, result, None))

    threading.Thread(target=run, name="hotline-background", daemon=True).start()


def background_jobs_running() -> int:
    """How many jobs have not delivered yet (the window waits for them before closing the database)."""
    return _running
