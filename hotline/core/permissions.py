"""Who may do what: the DESIGN §6 role matrix as data, checked in this one place."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import datetime, timedelta
from types import MappingProxyType
from typing import Protocol

OPERATOR = "operator"
SHIFT_LEAD = "shift_lead"
COUNSELOR = "counselor"
ADMIN = "admin"

# --- calls ---
CALL_LOG = "call.log"  # log a call (incl. clearing a rule's flag with a written reason on one's own call)
CALLER_HISTORY = "call.caller_history"  # repeat-caller summary: date, line, categories, flag, case number
CALL_EDIT_OWN = "call.edit_own"  # edit one's own call; the "during own shift" time check is the caller's
CALL_VIEW_ALL = "call.view_all"  # daily log, search: every call with its details
CALL_EDIT_ALL = "call.edit_all"  # correct any call (history kept)
CALL_REVIEW = "call.review"  # mark calls reviewed
FLAG_OVERRIDE = "call.flag_override"  # change the case-file flag of any saved call
# --- cases ---
QUEUE_VIEW = "case.queue_view"  # follow-up queue of flagged calls
CASE_VIEW = "case.view"
CASE_EDIT = "case.edit"  # open, update, close, reopen a case; case notes
CASE_ASSIGN_ANY = "case.assign_any"  # give a flagged call or a case to any counselor (issue 5: the shift lead)
# --- reports and exports ---
STATS_VIEW = "stats.view"  # indicators and breakdowns (no personal data)
EXPORT_PERSONAL = "export.personal"  # CSV/XLSX/PDF with names, any call or case
EXPORT_OWN_CASES = "export.own_cases"  # the same, limited to the cases assigned to the user
# --- administration ---
ADMIN_USERS = "admin.users"
ADMIN_LINES = "admin.lines"
ADMIN_SETTINGS = "admin.settings"
ADMIN_CATEGORIES = "admin.categories"
ADMIN_BACKUP = "admin.backup"  # backup and restore
AUDIT_VIEW = "audit.view"

_CALL_TAKERS = frozenset({OPERATOR, SHIFT_LEAD, COUNSELOR})

#: action → the roles allowed to do it. A user with several roles may do what any of them may.
MATRIX: Mapping[str, frozenset[str]] = MappingProxyType(
    {
        CALL_LOG: _CALL_TAKERS,
        CALLER_HISTORY: _CALL_TAKERS,
        CALL_EDIT_OWN: frozenset({OPERATOR, SHIFT_LEAD}),
        CALL_VIEW_ALL: frozenset({SHIFT_LEAD}),
        CALL_EDIT_ALL: frozenset({SHIFT_LEAD}),
        CALL_REVIEW: frozenset({SHIFT_LEAD}),
        FLAG_OVERRIDE: frozenset({SHIFT_LEAD}),
        # the shift lead sees the queue and the cases ("view") but only counselors work on them
        QUEUE_VIEW: frozenset({SHIFT_LEAD, COUNSELOR}),
        CASE_VIEW: frozenset({SHIFT_LEAD, COUNSELOR}),
        CASE_EDIT: frozenset({COUNSELOR}),
        CASE_ASSIGN_ANY: frozenset({SHIFT_LEAD}),
        STATS_VIEW: frozenset({SHIFT_LEAD, COUNSELOR, ADMIN}),
        EXPORT_PERSONAL: frozenset({SHIFT_LEAD}),
        # a shift lead holds EXPORT_PERSONAL, which covers any case; "own cases" is the counselor's cell
        EXPORT_OWN_CASES: frozenset({COUNSELOR}),
        ADMIN_USERS: frozenset({ADMIN}),
        ADMIN_LINES: frozenset({ADMIN}),
        ADMIN_SETTINGS: frozenset({ADMIN}),
        ADMIN_CATEGORIES: frozenset({ADMIN}),
        ADMIN_BACKUP: frozenset({ADMIN}),
        AUDIT_VIEW: frozenset({ADMIN, SHIFT_LEAD}),
    }
)

ACTIONS: tuple[str, ...] = tuple(MATRIX)


class HasRoles(Protocol):
    @property
    def roles(self) -> Iterable[str]: ...

    @property
    def active(self) -> bool: ...


def roles_for(action: str) -> frozenset[str]:
    """The roles allowed ``action``; an unknown action raises ValueError (a typo must neither allow nor deny)."""
    try:
        return MATRIX[action]
    except KeyError:
        raise ValueError(f"unknown action: {action!r}") from None


def can(user: HasRoles | None, action: str) -> bool:
    """True when ``user`` is active and holds a role allowed ``action``; nobody signed in may do nothing."""
    allowed = roles_for(action)  # checked first so that a typo raises even for an inactive user
    if user is None or not user.active:
        return False
    return not allowed.isdisjoint(user.roles)


def allowed_actions(user: HasRoles | None) -> frozenset[str]:
    """Every action ``user`` may do (for enabling menus and screens at once)."""
    return frozenset(action for action in ACTIONS if can(user, action))


# --- rules that depend on the record as well as the role: which actions would allow it ----------------------
# The store passes these to access.require_any() (one audited check); the screens ask may_…() to offer a button.

#: DESIGN §6 lets an operator edit their own call "during their own shift". Shifts are settings and a call can
#: outlast the shift it began in, so the rule is taken as: the operator's own call that started within the last
#: 12 hours (one shift's length). A shift lead (CALL_EDIT_ALL) may correct any call at any time.
OWN_CALL_EDIT_HOURS = 12


class HasIdAndRoles(HasRoles, Protocol):
    @property
    def id(self) -> int: ...


def call_view_actions(viewer_id: int | None, operator_id: int) -> tuple[str, ...]:
    """Any one of these lets a user open a call: every call (shift lead), the calls behind the cases
    (counselors), or the user's own call (whoever logs calls)."""
    own = (CALL_LOG,) if viewer_id is not None and viewer_id == operator_id else ()
    return (CALL_VIEW_ALL, CASE_VIEW, *own)


def call_edit_actions(editor_id: int | None, operator_id: int, started_at: datetime, now: datetime) -> tuple[str, ...]:
    """Any one of these lets a user edit a saved call: any call, or their own one within OWN_CALL_EDIT_HOURS."""
    own = editor_id is not None and editor_id == operator_id
    if own and now - started_at <= timedelta(hours=OWN_CALL_EDIT_HOURS):
        return (CALL_EDIT_ALL, CALL_EDIT_OWN)
    return (CALL_EDIT_ALL,)


class CallTimes(Protocol):
    @property
    def operator_id(self) -> int: ...

    @property
    def started_at(self) -> datetime: ...


def may_edit_call(user: HasIdAndRoles | None, call: CallTimes, now: datetime) -> bool:
    """True when ``user`` may edit ``call`` (a Call, a CallSummary…) at ``now``."""
    if user is None:
        return False
    return any(can(user, action) for action in call_edit_actions(user.id, call.operator_id, call.started_at, now))


def case_export_actions(user_id: int | None, assigned_to: int | None) -> tuple[str, ...]:
    """Any one of these lets a user export a case's personal data (Mẫu 01): any case, or one assigned to them."""
    if user_id is not None and user_id == assigned_to:
        return (EXPORT_PERSONAL, EXPORT_OWN_CASES)
    return (EXPORT_PERSONAL,)


def may_export_case(user: HasIdAndRoles | None, assigned_to: int | None) -> bool:
    """True when ``user`` may export the personal data of a case assigned to ``assigned_to``."""
    if user is None:
        return False
    return any(can(user, action) for action in case_export_actions(user.id, assigned_to))
