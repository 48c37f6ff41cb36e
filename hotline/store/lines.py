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
