"""Calls: save with children and categories in one transaction, read, list, look up by phone, edit with history."""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from dataclasses import replace
from datetime import datetime

import sqlite_utils

from hotline.core import permissions
from hotline.core.models import Call, CallChange, CallerHistory, CallerHistoryItem, CallSummary, Child
from hotline.core.phones import PhoneInfo, normalize_phone
from hotline.core.search import build_search_text
from hotline.core.timeutil import from_ms, to_ms, utcnow
from hotline.core.wording import QT_TRANSLATE_NOOP
from hotline.store import access, audit
from hotline.store.call_rules import apply_rules, calendar
from hotline.store.call_values import CHILD_FIELDS, TIME_FIELDS, prepare_call
from hotline.store.call_values import InvalidCallError as InvalidCallError  # the error of save_call and update_call
from hotline.store.db import ConflictError, NotFoundError, StoreError, write
from hotline.store.handoffs import insert_handoffs, load_handoffs

# Columns of `calls` written from a Call, in order. Lists are stored as JSON.
_CALL_COLUMNS = (
    "uuid",
    "line",
    "channel",
    "started_at",
    "ended_at",
    "duration_s",
    "operator_id",
    "outcome",
    "phone_raw",
    "phone_e164",
    "phone_kind",
    "caller_relation",
    "caller_name",
    "caller_sex",
    "caller_age_band",
    "callback_consent",
    "risk",
    "service_level",
    "summary",
    "action_taken",
    "help_before",
    "incident_province_code",
    "incident_ward_code",
    "incident_place",
    "incident_setting",
    "referrals",
    "case_need",
    "urgent",
    "flagged",
    "flag_source",
    "flag_reasons",
    "flag_override_reason",
    "safety_due",
    "plan_due",
    "handoff_due",
    "victim_referral",
    "reviewed_by",
    "reviewed_at",
    "review_note",
    "search_text",
)
#: The caller history's "with content" and "flagged" counts look at this many latest calls of a number.
HISTORY_COUNT_WINDOW = 500
_NOT_EDITED = ("uuid", "started_at", "operator_id", "reviewed_by", "reviewed_at", "review_note")
_JSON_FIELDS = {"referrals", "flag_reasons"}
_BOOL_FIELDS = {"callback_consent", "urgent", "flagged", "victim_referral"}
#: Fields a person may change after save; each change is written to call_changes.
EDITABLE_FIELDS = (
    "line",
    "channel",
    "outcome",
    "phone_raw",
    "caller_relation",
    "caller_name",
    "caller_sex",
    "caller_age_band",
    "callback_consent",
    "risk",
    "service_level",
    "summary",
    "action_taken",
    "help_before",
    "incident_province_code",
    "incident_ward_code",
    "incident_place",
    "incident_setting",
    "referrals",
    "categories",
    "case_need",
    "urgent",
    "flagged",
    "flag_source",
    "flag_reasons",
    "flag_override_reason",
    "safety_due",
    "plan_due",
    "handoff_due",
    "victim_referral",
)

_SUMMARY_SELECT = """
    SELECT c.id, c.started_at, c.line, c.channel, c.operator_id, c.outcome, c.duration_s, c.phone_raw,
           c.phone_e164, c.risk, c.flagged, c.case_need, c.reviewed_at IS NOT NULL,
           (SELECT group_concat(code, ' ') FROM call_categories WHERE call_id = c.id)
    FROM calls c
"""


def phone_keys(info: PhoneInfo) -> list[str]:
    """The stored phone_e164 values of a number: today's form and, for a converted number, its old 11-digit
    form (rows imported from elsewhere may hold it verbatim). Empty for a number that cannot be looked up."""
    if not info.usable:
        return []
    keys = [info.e164]
    if info.legacy_from:
        keys.append("+84" + info.legacy_from.removeprefix("0"))
    return keys


def _column_value(call: Call, column: str):
    if column == "search_text":
        return build_search_text(call)
    value = getattr(call, column)
    if column in TIME_FIELDS:
        return None if value is None else to_ms(value)
    if column in _JSON_FIELDS:
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    if column in _BOOL_FIELDS:
        return int(bool(value))
    return value


def _insert_children(conn, call_id: int, children: Sequence[Child], start: int = 0) -> list[Child]:
    saved = []
    for position, child in enumerate(children, start=start):
        cur = conn.execute(
            "INSERT INTO call_children(call_id, position, name, sex, age, age_band, province_code, ward_code,"
            " address, special_circumstances, carer, status, destination) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
            [call_id, position, *_child_values(child)],
        )
        saved.append(replace(child, id=cur.lastrowid))
    return saved


def _child_values(child: Child) -> list:
    return [
        child.name,
        child.sex,
        child.age,
        child.age_band,
        child.province_code,
        child.ward_code,
        child.address,
        json.dumps(list(child.special_circumstances), ensure_ascii=False),
        child.carer,
        child.status,
        child.destination,
    ]


def save_call(db: sqlite_utils.Database, call: Call, *, draft: tuple[int, str, str] | None = None) -> Call:
    """Save a new call with its children and categories in one durable transaction.

    The operator of the call is the one saving it (CALL_LOG). ``draft`` = (user_id, workstation, draft_key),
    the operator's own draft: it is deleted in the same transaction, so a draft disappears exactly when its call
    is safely stored. Saving the same call (same uuid) twice stores it once.
    """
    access.require(db, call.operator_id, permissions.CALL_LOG)
    if draft is not None and draft[0] != call.operator_id:
        raise access.PermissionDenied(
            "draft.of_another_user",
            QT_TRANSLATE_NOOP("StoreError", "Another user's draft cannot be removed"),
            action=permissions.CALL_LOG,
        )
    now = utcnow()
    call = apply_rules(prepare_call(call), calendar(db), saved_at=now)
    with write(db) as conn:
        existing = conn.execute("SELECT id FROM calls WHERE uuid = ?", [call.uuid]).fetchone()
        if existing:
            if draft:
                conn.execute("DELETE FROM drafts WHERE user_id=? AND workstation=? AND draft_key=?", list(draft))
            return _load_call(db, existing[0])
        values = [_column_value(call, col) for col in _CALL_COLUMNS]
        cur = conn.execute(
            f"INSERT INTO calls({', '.join(_CALL_COLUMNS)}, version, created_at, updated_at)"
            f" VALUES ({', '.join('?' * len(_CALL_COLUMNS))}, 1, ?, ?)",
            [*values, to_ms(now), to_ms(now)],
        )
        call_id = cur.lastrowid
        children = _insert_children(conn, call_id, call.children)
        conn.executemany(
            "INSERT OR IGNORE INTO call_categories(call_id, code) VALUES (?, ?)",
            [(call_id, code) for code in call.categories],
        )
        handoffs = insert_handoffs(
            conn, call_id, call.handoffs, user_id=call.operator_id, now=now, call_started=call.started_at
        )
        if draft:
            conn.execute("DELETE FROM drafts WHERE user_id=? AND workstation=? AND draft_key=?", list(draft))
        audit.append(db, call.operator_id, "call.save", "call", call_id, call.outcome)
        _audit_override(db, call.operator_id, call_id, call)
    return replace(call, id=call_id, children=children, handoffs=handoffs, version=1, created_at=now, updated_at=now)


def _row_to_call(row: sqlite_utils.db.Row | dict, children: list[Child], categories: list[str]) -> Call:
    data = dict(row)
    kwargs = {}
    for name in Call.__dataclass_fields__:
        if name in ("children", "categories") or name not in data:
            continue
        value = data[name]
        if name in TIME_FIELDS:
            value = from_ms(value)
        elif name in _JSON_FIELDS:
            value = json.loads(value)
        elif name in _BOOL_FIELDS:
            value = bool(value)
        kwargs[name] = value
    return Call(**kwargs, children=children, categories=categories)


def _audit_override(db: sqlite_utils.Database, user_id: int, call_id: int, call: Call) -> None:
    """A rule's flag cleared by a person is audited (DESIGN §5, §6); the reason itself stays in the call."""
    if call.case_need == "required" and not call.flagged:
        audit.append(db, user_id, "call.flag_override", "call", call_id)


def _not_found(call_id: int) -> NotFoundError:
    return NotFoundError("call.not_found", QT_TRANSLATE_NOOP("StoreError", "Call {call_id} not found"), call_id=call_id)


def _require_view(db: sqlite_utils.Database, data: dict, viewer_id: int) -> None:
    """Refuse unless the viewer may open this call (permissions.call_view_actions). A counselor who did not
    log it opens only the calls behind the follow-up work: flagged ones, and those of a case file."""
    allowed = access.require_any(db, viewer_id, *permissions.call_view_actions(viewer_id, data["operator_id"]))
    if allowed != permissions.CASE_VIEW or data["operator_id"] == viewer_id or data["flagged"]:
        return
    behind_a_case = db.conn.execute(
        "SELECT EXISTS (SELECT 1 FROM cases WHERE call_id = ?) OR EXISTS (SELECT 1 FROM case_calls WHERE call_id = ?)",
        [data["id"], data["id"]],
    ).fetchone()[0]
    if not behind_a_case:
        raise access.deny(db, viewer_id, permissions.CALL_VIEW_ALL)


def get_call(db: sqlite_utils.Database, call_id: int, *, viewer_id: int) -> Call:
    """One call with its children and categories, for a viewer who may open it (every call for a shift lead,
    counselors too, one's own call for whoever logs calls); NotFoundError when there is none."""
    return _load_call(db, call_id, viewer_id=viewer_id)


def _load_call(db: sqlite_utils.Database, call_id: int, *, viewer_id: int | None = None) -> Call:
    """get_call without a permission check when ``viewer_id`` is None (the store's own reads)."""
    conn = db.conn
    cur = conn.execute("SELECT * FROM calls WHERE id = ?", [call_id])
    row = cur.fetchone()
    if row is None:
        raise _not_found(call_id)
    data = dict(zip([d[0] for d in cur.description], row, strict=True))
    if viewer_id is not None:
        _require_view(db, data, viewer_id)
    children = [
        Child(
            id=r[0],
            name=r[1],
            sex=r[2],
            age=r[3],
            age_band=r[4],
            province_code=r[5],
            ward_code=r[6],
            address=r[7],
            special_circumstances=json.loads(r[8]),
            carer=r[9],
            status=r[10],
            destination=r[11],
        )
        for r in conn.execute(
            "SELECT id, name, sex, age, age_band, province_code, ward_code, address, special_circumstances, carer,"
            " status, destination FROM call_children WHERE call_id = ? ORDER BY position, id",
            [call_id],
        )
    ]
    categories = [
        r[0] for r in conn.execute("SELECT code FROM call_categories WHERE call_id = ? ORDER BY code", [call_id])
    ]
    return replace(_row_to_call(data, children, categories), handoffs=load_handoffs(conn, call_id))


def _summary(row) -> CallSummary:
    return CallSummary(
        id=row[0],
        started_at=from_ms(row[1]),
        line=row[2],
        channel=row[3],
        operator_id=row[4],
        outcome=row[5],
        duration_s=row[6],
        phone_raw=row[7],
        phone_e164=row[8],
        risk=row[9],
        flagged=bool(row[10]),
        case_need=row[11],
        reviewed=bool(row[12]),
        categories=tuple(row[13].split()) if row[13] else (),
    )


def calls_between(
    db: sqlite_utils.Database, start: datetime, end: datetime, *, viewer_id: int, limit: int = -1, offset: int = 0
) -> list[CallSummary]:
    """Calls that started in [start, end), oldest first (CALL_VIEW_ALL)."""
    access.require(db, viewer_id, permissions.CALL_VIEW_ALL)
    rows = db.conn.execute(
        _SUMMARY_SELECT + " WHERE c.started_at >= ? AND c.started_at < ? ORDER BY c.started_at, c.id LIMIT ? OFFSET ?",
        [to_ms(start), to_ms(end), limit, offset],
    )
    return [_summary(r) for r in rows]


def count_calls_between(db: sqlite_utils.Database, start: datetime, end: datetime, *, viewer_id: int) -> int:
    """How many calls started in [start, end) (CALL_VIEW_ALL)."""
    access.require(db, viewer_id, permissions.CALL_VIEW_ALL)
    return db.conn.execute(
        "SELECT count(*) FROM calls WHERE started_at >= ? AND started_at < ?", [to_ms(start), to_ms(end)]
    ).fetchone()[0]


def caller_history(
    db: sqlite_utils.Database, phone: str, *, viewer_id: int, limit: int = 20, exclude_call_id: int | None = None
) -> CallerHistory:
    """Earlier calls from the same number, newest first, also those logged under its old 11-digit form
    (CALLER_HISTORY: date, line, categories, flag and case numbers, no notes).

    A withheld or unusable number has no history.
    """
    access.require(db, viewer_id, permissions.CALLER_HISTORY)
    return _caller_history(db, phone, limit=limit, exclude_call_id=exclude_call_id)


def _caller_history(db: sqlite_utils.Database, phone: str, *, limit: int, exclude_call_id: int | None) -> CallerHistory:
    info = normalize_phone(phone)
    if not info.usable:
        return CallerHistory(total=0, items=())
    keys = phone_keys(info)
    marks = ",".join("?" * len(keys))
    exclude = exclude_call_id if exclude_call_id is not None else -1
    total = db.conn.execute(
        f"SELECT count(*) FROM calls WHERE phone_e164 IN ({marks}) AND id != ?", [*keys, exclude]
    ).fetchone()[0]
    # what the calls were, over the latest HISTORY_COUNT_WINDOW: a prank number with thousands of calls must
    # not slow the lookup an operator waits for while a caller is on the line (DESIGN §8: ≤ 2 ms)
    with_content, flagged = db.conn.execute(
        f"SELECT coalesce(sum(outcome = 'substantive'), 0), coalesce(sum(flagged), 0) FROM ("
        f"SELECT outcome, flagged FROM calls WHERE phone_e164 IN ({marks}) AND id != ?"
        f" ORDER BY started_at DESC LIMIT {HISTORY_COUNT_WINDOW})",
        [*keys, exclude],
    ).fetchone()
    rows = db.conn.execute(
        f"""
        SELECT c.id, c.started_at, c.line, c.outcome, c.flagged,
               (SELECT group_concat(code, ' ') FROM call_categories WHERE call_id = c.id),
               (SELECT group_concat(number, ' ') FROM (
                    SELECT number FROM cases WHERE call_id = c.id
                    UNION SELECT k.number FROM case_calls cc JOIN cases k ON k.id = cc.case_id WHERE cc.call_id = c.id))
        FROM calls c WHERE c.phone_e164 IN ({marks}) AND c.id != ?
        ORDER BY c.started_at DESC LIMIT ?
        """,
        [*keys, exclude, limit],
    )
    items = tuple(
        CallerHistoryItem(
            call_id=r[0],
            started_at=from_ms(r[1]),
            line=r[2],
            outcome=r[3],
            flagged=bool(r[4]),
            categories=tuple(r[5].split()) if r[5] else (),
            case_numbers=tuple(r[6].split()) if r[6] else (),
        )
        for r in rows
    )
    return CallerHistory(total=total, items=items, with_content=with_content, flagged=flagged)


def _display(value) -> str:
    """A field's value as text for the change history."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, (list, tuple)):
        return json.dumps(list(value), ensure_ascii=False, sort_keys=True, default=str)
    return str(value)


def diff_calls(old: Call, new: Call) -> list[tuple[str, str, str]]:
    """The fields an edit changes, as (field, old, new) texts — what update_call writes to call_changes."""
    changes = []
    for name in EDITABLE_FIELDS:
        a, b = getattr(old, name), getattr(new, name)
        if name == "categories":
            a, b = sorted(a), sorted(set(b))
        if a != b:
            changes.append((name, _display(a), _display(b)))
    old_children = {c.id: c for c in old.children}
    for position, child in enumerate(new.children, start=1):
        before = old_children.pop(child.id, None) if child.id is not None else None
        for attr in CHILD_FIELDS:
            a = getattr(before, attr) if before else None
            b = getattr(child, attr)
            if a != b and not (before is None and b in ("", None, [], "unknown")):
                changes.append((f"children.{position}.{attr}", _display(a), _display(b)))
    for gone in old_children.values():
        changes.append(("children.removed", gone.name or str(gone.id), ""))
    return changes


def update_call(
    db: sqlite_utils.Database, call: Call, *, user_id: int, draft: tuple[int, str, str] | None = None
) -> Call:
    """Save an edit of a stored call. ``call.version`` must be the version that was read. ``draft`` = (user_id,
    workstation, draft_key), the editor's own draft of the edit: deleted in the same transaction, as save_call does.

    If someone changed the call meanwhile, ConflictError is raised and nothing is written. Every changed field
    is written to call_changes (who, when, old, new). The user may edit any call (CALL_EDIT_ALL) or their own
    within OWN_CALL_EDIT_HOURS (CALL_EDIT_OWN); changing the case-file flag of someone else's call also needs
    FLAG_OVERRIDE.
    """
    if call.id is None:
        raise NotFoundError("call.not_saved", QT_TRANSLATE_NOOP("StoreError", "The call has not been saved yet"))
    stored = db.conn.execute(
        "SELECT operator_id, started_at, flagged, flag_override_reason FROM calls WHERE id = ?", [call.id]
    ).fetchone()
    if stored is None:
        raise _not_found(call.id)
    operator_id, started_ms, flagged, override_reason = stored
    access.require_any(db, user_id, *permissions.call_edit_actions(user_id, operator_id, from_ms(started_ms), utcnow()))
    # a changed flag is checked against the row read here: if the call changes meanwhile, the version check refuses
    flag_changed = bool(call.flagged) != bool(flagged) or (call.flag_override_reason or "") != (override_reason or "")
    if user_id != operator_id and flag_changed:
        access.require(db, user_id, permissions.FLAG_OVERRIDE)
    if draft is not None and draft[0] != user_id:
        raise access.PermissionDenied(
            "draft.of_another_user",
            QT_TRANSLATE_NOOP("StoreError", "Another user's draft cannot be removed"),
            action=permissions.CALL_LOG,
        )
    return _update_call(db, call, user_id=user_id, draft=draft)


def _update_call(
    db: sqlite_utils.Database, call: Call, *, user_id: int, draft: tuple[int, str, str] | None = None
) -> Call:
    """update_call after its permission checks (daily_log.reflag checks FLAG_OVERRIDE itself)."""
    call = prepare_call(call)
    now = utcnow()
    rules_calendar = calendar(db)
    with write(db) as conn:
        if draft:  # rolled back with the edit if the edit is refused
            conn.execute("DELETE FROM drafts WHERE user_id=? AND workstation=? AND draft_key=?", list(draft))
        current = _load_call(db, call.id)
        if current.version != call.version:
            raise ConflictError(
                "call.changed_meanwhile",
                QT_TRANSLATE_NOOP("StoreError", "Someone else changed this call meanwhile; nothing was overwritten"),
                current_version=current.version,
            )
        # the rules again, on the stored call's own clocks: an edit never restarts the hand-off clock
        call = apply_rules(call, rules_calendar, saved_at=now, before=current)
        new_handoffs = [h for h in call.handoffs if h.id is None]
        insert_handoffs(conn, call.id, new_handoffs, user_id=user_id, now=now, call_started=current.started_at)
        changes = diff_calls(current, call)
        if not changes:
            return _load_call(db, call.id) if new_handoffs else current
        # the review is not part of an edit (mark_reviewed writes it): an edit opened before a review keeps it
        sets = [c for c in _CALL_COLUMNS if c not in _NOT_EDITED]
        cur = conn.execute(
            f"UPDATE calls SET {', '.join(f'{c} = ?' for c in sets)}, version = version + 1, updated_at = ?"
            " WHERE id = ? AND version = ?",
            [*(_column_value(call, c) for c in sets), to_ms(now), call.id, call.version],
        )
        if cur.rowcount != 1:  # cannot happen inside BEGIN IMMEDIATE; kept as a last guard
            raise ConflictError(
                "call.version_conflict",
                QT_TRANSLATE_NOOP("StoreError", "Version conflict"),
                current_version=current.version,
            )
        _replace_children(conn, call.id, current.children, call.children)
        if call.safety_due is not None:
            # a report that now starts the 12-hour clock (risk raised, sexual abuse added…) starts it in the case
            # files already opened from it, which have left the follow-up queue (ND 56 Điều 26(3))
            conn.execute(
                "UPDATE cases SET safety_due = ?, version = version + 1"
                " WHERE call_id = ? AND safety_due IS NULL AND status != 'closed'",
                [to_ms(call.safety_due), call.id],
            )
        conn.execute("DELETE FROM call_categories WHERE call_id = ?", [call.id])
        conn.executemany(
            "INSERT OR IGNORE INTO call_categories(call_id, code) VALUES (?, ?)",
            [(call.id, code) for code in call.categories],
        )
        conn.executemany(
            "INSERT INTO call_changes(call_id, changed_at, user_id, field, old, new) VALUES (?, ?, ?, ?, ?, ?)",
            [(call.id, to_ms(now), user_id, f, a, b) for f, a, b in changes],
        )
        audit.append(
            db, user_id, "call.edit", "call", call.id, ",".join(sorted({f.split(".")[0] for f, _, _ in changes}))
        )
        if current.flagged or current.case_need != "required":  # newly cleared by this edit
            _audit_override(db, user_id, call.id, call)
    return _load_call(db, call.id)


def _replace_children(conn, call_id: int, before: Sequence[Child], after: Sequence[Child]) -> None:
    kept = {c.id for c in after if c.id is not None}
    for child in before:
        if child.id not in kept:
            case = conn.execute("SELECT number FROM cases WHERE child_id = ? LIMIT 1", [child.id]).fetchone()
            if case:  # the child's case file points at this row: say so instead of a foreign-key error
                raise StoreError(
                    "call.child_has_case",
                    QT_TRANSLATE_NOOP("StoreError", "This child cannot be removed: they have the case file {number}"),
                    number=case[0],
                )
            conn.execute("DELETE FROM call_children WHERE id = ?", [child.id])
    for position, child in enumerate(after):
        if child.id is None:
            _insert_children(conn, call_id, [child], start=position)
        else:
            conn.execute(
                "UPDATE call_children SET position=?, name=?, sex=?, age=?, age_band=?, province_code=?, ward_code=?,"
                " address=?, special_circumstances=?, carer=?, status=?, destination=? WHERE id = ? AND call_id = ?",
                [position, *_child_values(child), child.id, call_id],
            )


def call_changes(db: sqlite_utils.Database, call_id: int, *, viewer_id: int) -> list[CallChange]:
    """The edit history of a call, oldest first: who, when, field, old, new (for whoever may open the call)."""
    row = db.conn.execute("SELECT id, operator_id, flagged FROM calls WHERE id = ?", [call_id]).fetchone()
    if row is None:
        raise _not_found(call_id)
    _require_view(db, {"id": row[0], "operator_id": row[1], "flagged": row[2]}, viewer_id)
    rows = db.conn.execute(
        "SELECT changed_at, user_id, field, old, new FROM call_changes WHERE call_id = ? ORDER BY changed_at, id",
        [call_id],
    )
    return [CallChange(call_id, from_ms(r[0]), r[1], r[2], r[3], r[4]) for r in rows]


def export_rows(db: sqlite_utils.Database, start: datetime, end: datetime, *, viewer_id: int) -> Iterator[dict]:
    """Calls of [start, end) with the fields an export holds, oldest first, as dicts (streamed; EXPORT_PERSONAL).

    The permission is checked when this is called, not when the first row is read.
    """
    access.require(db, viewer_id, permissions.EXPORT_PERSONAL)
    return _export_rows(db, start, end)


def _export_rows(db: sqlite_utils.Database, start: datetime, end: datetime) -> Iterator[dict]:
    cur = db.conn.execute(
        """
        SELECT c.id, c.started_at, c.line, c.channel, u.username, c.outcome, c.duration_s, c.phone_raw, c.phone_e164,
               c.caller_relation, c.caller_name, c.risk, c.case_need, c.flagged,
               (SELECT group_concat(code, ' ') FROM call_categories WHERE call_id = c.id),
               (SELECT count(*) FROM call_children WHERE call_id = c.id),
               c.summary, c.action_taken
        FROM calls c JOIN users u ON u.id = c.operator_id
        WHERE c.started_at >= ? AND c.started_at < ? ORDER BY c.started_at, c.id
        """,
        [to_ms(start), to_ms(end)],
    )
    names = [
        "id",
        "started_at",
        "line",
        "channel",
        "operator",
        "outcome",
        "duration_s",
        "phone_raw",
        "phone_e164",
        "caller_relation",
        "caller_name",
        "risk",
        "case_need",
        "flagged",
        "categories",
        "children",
        "summary",
        "action_taken",
    ]
    for row in cur:
        data = dict(zip(names, row, strict=True))
        data["started_at"] = from_ms(data["started_at"])
        data["flagged"] = bool(data["flagged"])
        data["categories"] = data["categories"] or ""
        yield data
