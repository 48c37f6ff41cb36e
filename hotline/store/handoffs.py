"""Hand-offs of a report: to the commune of the incident (ND 56 Điều 26(1): at once) and an adult trafficking
victim's referral to the police or the Border Guard (docs/law.md)."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime, timedelta

import sqlite_utils

from hotline.core import permissions
from hotline.core.models import HANDOFF_KINDS, HANDOFF_MEANS, Handoff
from hotline.core.timeutil import from_ms, in_supported_range, to_ms, utcnow
from hotline.core.wording import QT_TRANSLATE_NOOP
from hotline.store import access, audit
from hotline.store.call_values import InvalidCallError
from hotline.store.db import NotFoundError, write

#: A hand-off may be recorded with a time a little ahead of this PC's clock (another PC's), not more.
FUTURE_SLACK = timedelta(minutes=10)
#: …and a minute before the call's start (the form shows times to the minute).
BEFORE_SLACK = timedelta(minutes=1)
MAX_TEXT = 500


def check_handoff(handoff: Handoff, now: datetime, call_started: datetime) -> Handoff:
    """The hand-off with its text in NFC; InvalidCallError for what no hand-off can be: it
    happens after the call began (the report cannot be passed on before it was received) and not in the future."""
    if handoff.kind not in HANDOFF_KINDS or handoff.means not in HANDOFF_MEANS:
        raise InvalidCallError(
            "handoff.unknown_kind", QT_TRANSLATE_NOOP("StoreError", "Unknown kind or means of hand-off")
        )
    to_whom = unicodedata.normalize("NFC", (handoff.to_whom or "").strip())
    if not to_whom:
        raise InvalidCallError(
            "handoff.recipient_missing", QT_TRANSLATE_NOOP("StoreError", "Say who the report was passed to")
        )
    if len(to_whom) > MAX_TEXT or any(0xD800 <= ord(ch) <= 0xDFFF for ch in to_whom):
        raise InvalidCallError(
            "handoff.recipient_invalid", QT_TRANSLATE_NOOP("StoreError", "The recipient is too long or broken")
        )
    if handoff.at.tzinfo is None or not in_supported_range(handoff.at) or handoff.at > now + FUTURE_SLACK:
        raise InvalidCallError(
            "handoff.time_invalid", QT_TRANSLATE_NOOP("StoreError", "The time of the hand-off is not valid")
        )
    if handoff.at < call_started - BEFORE_SLACK:
        raise InvalidCallError(
            "handoff.before_call", QT_TRANSLATE_NOOP("StoreError", "The hand-off is dated before the call was received")
        )
    return replace(handoff, to_whom=to_whom)


def insert_handoffs(
    conn, call_id: int, handoffs: Sequence[Handoff], *, user_id: int, now: datetime, call_started: datetime
) -> list[Handoff]:
    """Insert new hand-offs of a call inside the caller's transaction; returns them with their ids."""
    saved = []
    for handoff in handoffs:
        handoff = check_handoff(handoff, now, call_started)
        cur = conn.execute(
            "INSERT INTO handoffs(call_id, kind, to_whom, means, at, user_id, recorded_at) VALUES (?,?,?,?,?,?,?)",
            [call_id, handoff.kind, handoff.to_whom, handoff.means, to_ms(handoff.at), user_id, to_ms(now)],
        )
        saved.append(replace(handoff, id=cur.lastrowid, user_id=user_id))
    return saved


def load_handoffs(conn, call_id: int) -> list[Handoff]:
    """The hand-offs of a call, in the order they happened."""
    return [
        Handoff(kind=r[0], to_whom=r[1], means=r[2], at=from_ms(r[3]), user_id=r[4], id=r[5])
        for r in conn.execute(
            "SELECT kind, to_whom, means, at, user_id, id FROM handoffs WHERE call_id = ? ORDER BY at, id", [call_id]
        )
    ]


def record_handoff(db: sqlite_utils.Database, call_id: int, handoff: Handoff, *, user_id: int) -> Handoff:
    """Record a hand-off after the call was saved: by the call's operator, a shift lead or a counselor (the one
    following the report up). Audited; the hand-off itself is never changed afterwards."""
    row = db.conn.execute("SELECT operator_id, started_at FROM calls WHERE id = ?", [call_id]).fetchone()
    if row is None:
        raise NotFoundError(
            "call.not_found", QT_TRANSLATE_NOOP("StoreError", "Call {call_id} not found"), call_id=call_id
        )
    if row[0] == user_id:
        access.require(db, user_id, permissions.CALL_LOG)
    else:
        access.require_any(db, user_id, permissions.CALL_EDIT_ALL, permissions.CASE_EDIT)
    now = utcnow()
    with write(db) as conn:
        (saved,) = insert_handoffs(conn, call_id, [handoff], user_id=user_id, now=now, call_started=from_ms(row[1]))
        audit.append(db, user_id, "call.handoff", "call", call_id, saved.kind)
    return saved
