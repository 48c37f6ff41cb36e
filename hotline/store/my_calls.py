"""An operator's own calls of the shift, the desk's last channel, and which earlier calls a viewer may read."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

import sqlite_utils

from hotline.core import permissions
from hotline.core.timeutil import from_ms, to_ms, utcnow
from hotline.store import access

#: A shift has a few hundred calls at most (most of them silent); the list never grows past this.
OWN_CALLS_LIMIT = 1000


@dataclass(frozen=True)
class OwnCall:
    """One row of "my calls": enough to find the call again, and the times that decide whether it may be edited."""

    id: int
    started_at: datetime
    line: str
    channel: str
    operator_id: int
    outcome: str
    duration_s: int
    phone_raw: str
    flagged: bool
    categories: tuple[str, ...]
    summary: str


def own_calls(db: sqlite_utils.Database, *, viewer_id: int, now: datetime | None = None) -> list[OwnCall]:
    """The viewer's own calls of this shift, newest first (CALL_LOG: one's own calls).

    "This shift" is the window in which an operator may edit their own call (permissions.OWN_CALL_EDIT_HOURS from
    the start of the call), so every call listed can be opened, and changed by whoever may change their own calls.
    """
    access.require(db, viewer_id, permissions.CALL_LOG)
    since = (now or utcnow()) - timedelta(hours=permissions.OWN_CALL_EDIT_HOURS)
    rows = db.conn.execute(
        """
        SELECT c.id, c.started_at, c.line, c.channel, c.operator_id, c.outcome, c.duration_s, c.phone_raw, c.flagged,
               (SELECT group_concat(code, ' ') FROM call_categories WHERE call_id = c.id), c.summary
        FROM calls c WHERE c.operator_id = ? AND c.started_at >= ?
        ORDER BY c.started_at DESC, c.id DESC LIMIT ?
        """,
        [viewer_id, to_ms(since), OWN_CALLS_LIMIT],
    )
    return [
        OwnCall(
            id=r[0],
            started_at=from_ms(r[1]),
            line=r[2],
            channel=r[3],
            operator_id=r[4],
            outcome=r[5],
            duration_s=r[6] or 0,
            phone_raw=r[7] or "",
            flagged=bool(r[8]),
            categories=tuple(r[9].split()) if r[9] else (),
            summary=r[10] or "",
        )
        for r in rows
    ]


def last_channel_of(db: sqlite_utils.Database, operator_id: int) -> str | None:
    """The channel of the operator's most recent call: a desk keeps its line (lines.last_line_of) and its channel."""
    row = db.conn.execute(
        "SELECT channel FROM calls WHERE operator_id = ? ORDER BY started_at DESC LIMIT 1", [operator_id]
    ).fetchone()
    return row[0] if row else None


def readable_summaries(db: sqlite_utils.Database, call_ids: Iterable[int], *, viewer_id: int) -> dict[int, str]:
    """For a caller's history: the summary of each of ``call_ids`` that the viewer may open, by call id.

    The history itself (CALLER_HISTORY) carries no notes; what a caller reported is shown only to whoever may read
    that call (permissions.call_view_actions): a shift lead every call, a counselor the calls behind the follow-up
    work (flagged, or of a case file), anyone their own calls. A call missing from the answer may not be opened.
    """
    access.require(db, viewer_id, permissions.CALLER_HISTORY)
    ids = sorted({int(call_id) for call_id in call_ids})
    if not ids:
        return {}
    user = access.current_user(db, viewer_id)
    every = permissions.can(user, permissions.CALL_VIEW_ALL)
    behind_cases = permissions.can(user, permissions.CASE_VIEW)
    own = permissions.can(user, permissions.CALL_LOG)
    marks = ",".join("?" * len(ids))
    rows = db.conn.execute(
        f"""
        SELECT c.id, c.operator_id, c.flagged, c.summary,
               EXISTS (SELECT 1 FROM cases WHERE call_id = c.id)
               OR EXISTS (SELECT 1 FROM case_calls WHERE call_id = c.id)
        FROM calls c WHERE c.id IN ({marks})
        """,
        ids,
    )
    readable = {}
    for call_id, operator_id, flagged, summary, behind_a_case in rows:
        mine = operator_id == viewer_id
        if every or (own and mine) or (behind_cases and (mine or flagged or behind_a_case)):
            readable[call_id] = summary or ""
    return readable
