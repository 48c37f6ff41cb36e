"""Logging to a rotating file in the data folder; exception messages are left out (they may hold personal data)."""

from __future__ import annotations

import logging
import logging.handlers
import traceback

from hotline import paths


class _PrivateFormatter(logging.Formatter):
    """Keeps where an error happened (the frames) and its type, never its message or local values."""

    def format(self, record: logging.LogRecord) -> str:
        record.exc_text = None  # another handler may have cached the full text, message included
        return super().format(record)

    def formatException(self, ei) -> str:
        exc_type, _exc, tb = ei
        return "".join(traceback.format_tb(tb)) + (exc_type.__name__ if exc_type else "")


def configure_logging(level: int = logging.INFO) -> None:
    """Log to <data folder>/logs/hotline.log; with no writable folder, log nothing rather than fail."""
    root = logging.getLogger()
    if any(getattr(h, "_hotline", False) for h in root.handlers):
        return
    try:
        folder = paths.data_dir() / "logs"
        folder.mkdir(parents=True, exist_ok=True)
        handler: logging.Handler = logging.handlers.RotatingFileHandler(
            folder / "hotline.log", maxBytes=2_000_000, backupCount=3, encoding="utf-8"
        )
    except OSError:
        handler = logging.NullHandler()
    handler.setFormatter(_PrivateFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler._hotline = True  # type: ignore[attr-defined]
    root.addHandler(handler)
    root.setLevel(level)
