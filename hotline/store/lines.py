"""Lines answered by the centre (111, 18008077, …): data, not code; the administrator adds, renames, orders and
deactivates them (a line is never deleted: calls point at it)."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

import sqlite_utils

from hotline.core import permissions
from hotline.core.wording import QT_TRANSLATE_NOOP
from hotline.store import access, audit
from hotline.store.db import NotFoundError, StoreError, write

_CODE = re.compile(r"[A-Za-z0-9]{2,20}")
MAX_NAME = 120


class LineError(StoreError):
    """A line could not be added or changed (the code and the message say why)."""


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


def get_line(db: sqlite_utils.Database, code: str) -> Line:
    row = db.conn.execute("SELECT code, name, active FROM lines WHERE code = ?", [code]).fetchone()
    if row is None:
        raise NotFoundError("line.not_found", QT_TRANSLATE_NOOP("StoreError", "No line '{code}'"), code=code)
    return Line(row[0], row[1], bool(row[2]))


def _clean_name(name: str) -> str:
    name = unicodedata.normalize("NFC", name).strip() if isinstance(name, str) else ""
    if not name:
        raise LineError("line.name_empty", QT_TRANSLATE_NOOP("StoreError", "The line's name must not be empty"))
    if len(name) > MAX_NAME:
        raise LineError(
            "line.name_too_long",
            QT_TRANSLATE_NOOP("StoreError", "The line's name is longer than {max_name} characters"),
            max_name=MAX_NAME,
        )
    if any(unicodedata.category(ch) in ("Cc", "Cs", "Cn", "Co") for ch in name):
        raise LineError(
            "line.name_unprintable",
            QT_TRANSLATE_NOOP("StoreError", "The line's name holds characters that cannot be shown"),
        )
    return name


def _existing(conn, code: str) -> tuple:
    row = conn.execute("SELECT code, name, active FROM lines WHERE code = ?", [code]).fetchone()
    if row is None:
        raise NotFoundError("line.not_found", QT_TRANSLATE_NOOP("StoreError", "No line '{code}'"), code=code)
    return row


def add_line(db: sqlite_utils.Database, code: str, name: str, *, by: access.Actor) -> Line:
    """A new line, last in the list. Its code (2–20 letters or digits, e.g. ``1800xxxx``) is stored with every
    call and never changes."""
    access.require(db, by, permissions.ADMIN_LINES)
    code = code.strip() if isinstance(code, str) else ""
    if not _CODE.fullmatch(code):
        raise LineError("line.code_invalid", QT_TRANSLATE_NOOP("StoreError", "A line's code is 2–20 letters or digits"))
    name = _clean_name(name)
    with write(db) as conn:
        taken = conn.execute("SELECT code FROM lines WHERE lower(code) = lower(?)", [code]).fetchone()
        if taken:
            raise LineError(
                "line.exists", QT_TRANSLATE_NOOP("StoreError", "The line '{code}' exists already"), code=taken[0]
            )
        (last,) = conn.execute("SELECT coalesce(max(sort), 0) FROM lines").fetchone()
        conn.execute("INSERT INTO lines(code, name, active, sort) VALUES (?, ?, 1, ?)", [code, name, last + 1])
        audit.append(db, access.actor_id(by), "line.add", "line", code)
    return get_line(db, code)


def rename_line(db: sqlite_utils.Database, code: str, name: str, *, by: access.Actor) -> Line:
    access.require(db, by, permissions.ADMIN_LINES)
    name = _clean_name(name)
    with write(db) as conn:
        row = _existing(conn, code)
        if row[1] != name:
            conn.execute("UPDATE lines SET name = ? WHERE code = ?", [name, code])
            audit.append(db, access.actor_id(by), "line.rename", "line", code)
    return get_line(db, code)


def set_line_active(db: sqlite_utils.Database, code: str, active: bool, *, by: access.Actor) -> Line:
    """Deactivate a line (no longer offered for new calls; its calls keep it) or bring it back. The last
    active line stays: without one no call could be logged."""
    access.require(db, by, permissions.ADMIN_LINES)
    with write(db) as conn:
        row = _existing(conn, code)
        if bool(row[2]) != bool(active):
            if not active:
                (others,) = conn.execute("SELECT count(*) FROM lines WHERE active = 1 AND code != ?", [code]).fetchone()
                if not others:
                    raise LineError(
                        "line.last_active", QT_TRANSLATE_NOOP("StoreError", "At least one line must stay active")
                    )
            conn.execute("UPDATE lines SET active = ? WHERE code = ?", [int(bool(active)), code])
            audit.append(db, access.actor_id(by), "line.activate" if active else "line.deactivate", "line", code)
    return get_line(db, code)


def move_line(db: sqlite_utils.Database, code: str, offset: int, *, by: access.Actor) -> Line:
    """Move a line ``offset`` places in the list (negative: up); the first line is the one a new call starts
    on when its operator has logged none yet."""
    access.require(db, by, permissions.ADMIN_LINES)
    with write(db) as conn:
        _existing(conn, code)
        codes = [row[0] for row in conn.execute("SELECT code FROM lines ORDER BY sort, code")]
        old = codes.index(code)
        new = max(0, min(len(codes) - 1, old + int(offset)))
        if new != old:
            codes.insert(new, codes.pop(old))
            for sort, moved in enumerate(codes, start=1):
                conn.execute("UPDATE lines SET sort = ? WHERE code = ?", [sort, moved])
            audit.append(db, access.actor_id(by), "line.move", "line", code, str(new - old))
    return get_line(db, code)
