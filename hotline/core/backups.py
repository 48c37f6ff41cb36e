"""Which backups to keep (newest of each recent day and month) and how a backup file is named: by its database."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import datetime
from pathlib import PurePath

from hotline.core.timeutil import VN_TZ

#: What made a backup: the first start of a day, the end of a session, a person, or a restore (the replaced data).
KINDS = ("daily", "exit", "manual", "before-restore")
#: Kinds taken by the program itself: any signed-in session may cause them, no administrator needed.
AUTOMATIC_KINDS = frozenset({"daily", "exit"})
#: Copies of a database that a restore replaced: never rotated away, only a person deletes them.
KEPT_KINDS = frozenset({"before-restore", "manual"})  # never rotated: kept until the administrator deletes them

#: The database a backup name carries when none is given: the default database file, hotline.sqlite3. Backups
#: written before names carried their database are all named so.
DEFAULT_DATABASE = "hotline"

_NAME = re.compile(
    r"^(?P<database>.+)-(?P<stamp>\d{8}-\d{6})-(?P<kind>" + "|".join(re.escape(kind) for kind in KINDS) + r")\.sqlite3$"
)
_STAMP = "%Y%m%d-%H%M%S"


def database_name(db_path: str | PurePath) -> str:
    """The name a database's backups carry: its file name without the suffix (``centre`` for centre.sqlite3), so
    that two databases sharing a backup folder never take each other's backups for their own."""
    return PurePath(db_path).stem or DEFAULT_DATABASE


def backup_name(taken_at: datetime, kind: str, database: str = DEFAULT_DATABASE) -> str:
    """``<database>-YYYYMMDD-HHMMSS-<kind>.sqlite3``, stamped in Vietnamese time (what the administrator reads)."""
    if kind not in KINDS:
        raise ValueError(f"unknown backup kind: {kind!r}")
    return f"{database}-{_local(taken_at).strftime(_STAMP)}-{kind}.sqlite3"


def parse_backup_name(name: str, database: str | None = None) -> tuple[datetime, str] | None:
    """The moment (aware, Vietnamese time) and kind of a backup file name; None for any other name, and for the
    backup of another database than ``database`` when it is given."""
    match = _NAME.match(name)
    if match is None or (database is not None and match["database"] != database):
        return None
    try:
        taken_at = datetime.strptime(match["stamp"], _STAMP).replace(tzinfo=VN_TZ)
    except ValueError:  # e.g. month 13: not a name we wrote
        return None
    return taken_at, match["kind"]


def backups_to_keep(stamps: Iterable[datetime], *, daily: int, monthly: int) -> set[datetime]:
    """The stamps to keep: the newest of each of the ``daily`` most recent local days that have a backup, and the
    newest of each of the ``monthly`` most recent months that have one (one backup may count for both).

    The newest backup is always kept, even with both counts at 0, so rotating right after a backup never
    deletes the backup just taken. Naive stamps are taken as Vietnamese time.
    """
    newest_of_day: dict[object, datetime] = {}
    newest_of_month: dict[object, datetime] = {}
    for stamp in stamps:
        moment = _local(stamp)
        day, month = moment.date(), (moment.year, moment.month)
        if day not in newest_of_day or moment > _local(newest_of_day[day]):
            newest_of_day[day] = stamp
        if month not in newest_of_month or moment > _local(newest_of_month[month]):
            newest_of_month[month] = stamp
    if not newest_of_day:
        return set()
    days = sorted(newest_of_day, reverse=True)
    months = sorted(newest_of_month, reverse=True)
    keep = {newest_of_day[day] for day in days[: max(daily, 0)]}
    keep |= {newest_of_month[month] for month in months[: max(monthly, 0)]}
    keep.add(newest_of_day[days[0]])
    return keep


def _local(moment: datetime) -> datetime:
    return moment.replace(tzinfo=VN_TZ) if moment.tzinfo is None else moment.astimezone(VN_TZ)
