"""Lines answered by the centre (111, 18008077, …): data, not code."""

from __future__ import annotations

from dataclasses import dataclass

import sqlite_utils


@dataclass(frozen=True)
class Line:
    code: str
    name: str
    active: bool


def list_lines(db: sqlite_utils.Database, *, active_only: bool = False) -> list[Line]:
    sql = "SELECT code, name, active FROM lines" + (" WHERE active = 1" if active_only else "") + " ORDER BY sort, code"
    return [Line(r[0], r[1], bool(r[2])) for r in db.conn.execute(sql)]


def last_line_of(db: sqlite_utils.Database, operator_id: int) -> str | None:
    """The line of the operator's most recent call, so a new call starts on the line they were answering."""
    row = db.conn.execute(
        "SELECT line FROM calls WHERE operator_id = ? ORDER BY started_at DESC LIMIT 1", [operator_id]
    ).fetchone()
    return row[0] if row else None
