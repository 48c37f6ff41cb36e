"""The file names offered when something is saved: words in the interface language, the day and shift, never a
file that is already there."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from hotline.core.text import fold

#: What is being saved → its words (folded into the name: "bàn giao ca" → "ban-giao-ca").
KINDS = {
    "calls": QT_TRANSLATE_NOOP("FileNames", "calls"),
    "handover": QT_TRANSLATE_NOOP("FileNames", "handover"),
    "form01": QT_TRANSLATE_NOOP("FileNames", "form 01"),
    "statistics": QT_TRANSLATE_NOOP("FileNames", "statistics"),
    "audit": QT_TRANSLATE_NOOP("FileNames", "audit log"),
    "backup": QT_TRANSLATE_NOOP("FileNames", "backup"),
}

# Accents are dropped: a name travels by e-mail, Zalo and USB sticks, where accented names get mangled.
_NOT_IN_NAME = re.compile(r"[^0-9a-z]+")
# Windows refuses these in a file name; a case number such as AG-2026-00042 keeps its capitals.
_UNSAFE = re.compile(r'[<>:"/\\|?*\s]+')


def _slug(words: str) -> str:
    return _NOT_IN_NAME.sub("-", fold(words)).strip("-")


def default_file_name(
    kind: str,
    day: date | None = None,
    shift: str | None = None,
    ext: str = "pdf",
    *,
    last_day: date | None = None,
    extra: str = "",
) -> str:
    """``ban-giao-ca_2026-12-06_ca-dem.pdf``: what it is, an ``extra`` (a case number), the day (or ``day`` to
    ``last_day``) and the shift's name; dates as year-month-day so that a folder sorted by name is in date order."""
    parts = [_slug(QCoreApplication.translate("FileNames", KINDS[kind]))]
    if extra:
        parts.append(_UNSAFE.sub("-", extra).strip("-"))
    if day is not None:
        parts.append(day.isoformat())
        if last_day is not None and last_day != day:
            parts.append(last_day.isoformat())
    if shift:
        parts.append(_slug(shift))
    return "_".join(part for part in parts if part) + "." + ext.lstrip(".")


def unused_path(folder: Path, name: str) -> Path:
    """``folder/name``, or ``name (2)``, ``name (3)``… when that file exists: a suggestion never overwrites."""
    candidate = folder / name
    stem, suffix = candidate.stem, candidate.suffix
    number = 2
    while candidate.exists():
        candidate = folder / f"{stem} ({number}){suffix}"
        number += 1
    return candidate


def suggested_path(
    kind: str,
    day: date | None = None,
    shift: str | None = None,
    ext: str = "pdf",
    *,
    folder: Path | None = None,
    last_day: date | None = None,
    extra: str = "",
) -> str:
    """The path to offer in a save dialog: default_file_name() in ``folder`` (the home folder), not yet taken."""
    name = default_file_name(kind, day, shift, ext, last_day=last_day, extra=extra)
    return str(unused_path(folder or Path.home(), name))


def log_period_path(kind: str, ext: str, day: date, choice, last_day: date, shifts: list) -> str:
    """suggested_path() for the daily log's period: ``choice`` is a shift (its index in ``shifts``, the settings'
    (name, start, end) list), "day" or "range" (``day`` to ``last_day``), as the log's shift list holds them."""
    if choice == "range":
        return suggested_path(kind, day, ext=ext, last_day=max(day, last_day))
    if isinstance(choice, int) and 0 <= choice < len(shifts):
        return suggested_path(kind, day, shifts[choice][0], ext)
    return suggested_path(kind, day, ext=ext)
