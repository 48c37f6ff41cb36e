"""Deadlines as people read them: "3 h 12 min left", "overdue by 2 h", with a colour that is never the only sign."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication

#: Background colours of a deadline cell; the text also says it (printouts, colour blindness).
URGENCY_COLOURS = {"overdue": "#f8c9c5", "due_soon": "#ffe7a8"}


def countdown(due: datetime | None, now: datetime) -> str:
    """Time left until ``due`` (or how late it is), in days, hours and minutes."""
    if due is None:
        return ""
    seconds = int((due - now).total_seconds())
    late = seconds < 0
    span = span_text(abs(seconds))
    if late:
        return QCoreApplication.translate("Deadlines", "OVERDUE by %s") % span
    return QCoreApplication.translate("Deadlines", "%s left") % span


def span_text(seconds: int) -> str:
    """A length of time in days and hours, hours and minutes, or minutes: "2 d 3 h", "3 h 05 min", "40 min"."""
    minutes = seconds // 60
    days, minutes = divmod(minutes, 24 * 60)
    hours, minutes = divmod(minutes, 60)
    if days:
        return QCoreApplication.translate("Deadlines", "%d d %d h") % (days, hours)
    if hours:
        return QCoreApplication.translate("Deadlines", "%d h %02d min") % (hours, minutes)
    return QCoreApplication.translate("Deadlines", "%d min") % minutes
