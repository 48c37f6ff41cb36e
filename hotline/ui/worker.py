"""One background helper for slow work (backups, restores, big reports): results come back on the GUI thread.

The work runs on Qt's global thread pool and must not touch widgets or the GUI's database connection (sqlite3
connections belong to their thread): it opens its own. ``done``/``failed`` are called on the GUI thread.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

log = logging.getLogger(__name__)


class _Relay(QObject):
    """Lives on the GUI thread: a signal emitted on the worker arrives here through Qt's event queue."""

    finished = Signal(object, object)  # result, exception

    def __init__(self, done: Callable[[Any], None], failed: Callable[[BaseException], None]):
        super().__init__()
        self._done, self._failed = done, failed
        self.finished.connect(self._deliver)

    @Slot(object, object)
    def _deliver(self, result: Any, error: BaseException | None) -> None:
        try:
            if error is None:
                self._done(result)
            else:
                self._failed(error)
        finally:
            _running.discard(self)


class _Job(QRunnable):
    def __init__(self, work: Callable[[], Any], relay: _Relay):
        super().__init__()
        self._work, self._relay = work, relay

    def run(self) -> None:
        try:
            result = self._work()
        except Exception as exc:  # handed to the GUI thread, which shows it; logged without its message
            log.warning("background work failed: %s", type(exc).__name__)
            self._relay.finished.emit(None, exc)
            return
        self._relay.finished.emit(result, None)


#: Relays waiting for their job: kept alive here until they have delivered.
_running: set[_Relay] = set()


def run_in_background(
    work: Callable[[], Any], done: Callable[[Any], None], failed: Callable[[BaseException], None]
) -> None:
    """Run ``work()`` off the GUI thread, then ``done(result)`` or ``failed(exception)`` on the GUI thread."""
    relay = _Relay(done, failed)
    _running.add(relay)
    QThreadPool.globalInstance().start(_Job(work, relay))


def background_jobs_running() -> int:
    """How many jobs have not delivered yet (the window waits for them before closing the database)."""
    return len(_running)
