"""Permissions that depend on the record too: editing one's own call in the shift, exporting one's own case."""

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import pytest

from hotline.core import permissions as p
from hotline.core.models import User

NOW = datetime(2026, 11, 28, 14, 0, tzinfo=UTC)


@dataclass
class CallTimes:
    operator_id: int
    started_at: datetime


def user(user_id: int, *roles: str, active: bool = True) -> User:
    return User(id=user_id, username=f"u{user_id}", display_name="U", roles=frozenset(roles), active=active)


@pytest.mark.parametrize(
    ("age", "allowed"),
    [(timedelta(0), True), (timedelta(hours=p.OWN_CALL_EDIT_HOURS), True),
     (timedelta(hours=p.OWN_CALL_EDIT_HOURS, seconds=1), False), (timedelta(days=30), False)],
)  # fmt: skip
def test_an_operator_edits_their_own_call_for_one_shift(age, allowed):
    """An operator's own call is editable until OWN_CALL_EDIT_HOURS after it started, not a second later."""
    assert p.may_edit_call(user(1, "operator"), CallTimes(1, NOW - age), NOW) is allowed


def test_whose_calls_each_role_edits():
    """A shift lead edits any call at any time; an operator not a colleague's; counselors and admins none."""
    old_call_of_2 = CallTimes(2, NOW - timedelta(days=90))
    assert p.may_edit_call(user(1, "shift_lead"), old_call_of_2, NOW)
    assert not p.may_edit_call(user(1, "operator"), CallTimes(2, NOW), NOW)
    for roles in (("counselor",), ("admin",)):
        assert not p.may_edit_call(user(2, *roles), CallTimes(2, NOW), NOW)
    assert not p.may_edit_call(user(2, "operator", active=False), CallTimes(2, NOW), NOW)
    assert not p.may_edit_call(None, CallTimes(2, NOW), NOW)


def test_call_view_actions_add_logging_for_ones_own_call():
    """Anyone who logs calls opens their own; every call needs CALL_VIEW_ALL or CASE_VIEW."""
    assert p.CALL_LOG in p.call_view_actions(7, 7)
    assert set(p.call_view_actions(7, 8)) == {p.CALL_VIEW_ALL, p.CASE_VIEW}
    assert p.CALL_LOG not in p.call_view_actions(None, 8)


def test_who_exports_a_case():
    """The shift lead exports any case, a counselor the cases assigned to them, an operator none."""
    assert p.may_export_case(user(1, "shift_lead"), assigned_to=5)
    assert p.may_export_case(user(5, "counselor"), assigned_to=5)
    assert not p.may_export_case(user(6, "counselor"), assigned_to=5)
    assert not p.may_export_case(user(6, "counselor"), assigned_to=None)
    assert not p.may_export_case(user(5, "operator"), assigned_to=5)
    assert not p.may_export_case(None, assigned_to=5)
