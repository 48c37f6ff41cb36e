"""Tests for the role matrix (DESIGN §6), walked cell by cell against an independent table."""

from dataclasses import dataclass

import pytest

from hotline.core import permissions as p
from hotline.core.models import ROLES, User

# Written from DESIGN §6 by hand (O operator, L shift lead, C counselor, A admin); audit per the audit issue.
EXPECTED = {
    "call.log": "OLC",
    "call.caller_history": "OLC",
    "call.edit_own": "OL",
    "call.view_all": "L",
    "call.edit_all": "L",
    "call.review": "L",
    "call.flag_override": "L",
    "case.queue_view": "LC",
    "case.view": "LC",
    "case.edit": "C",
    "case.assign_any": "L",
    "stats.view": "LCA",
    "export.personal": "L",
    "export.own_cases": "C",
    "admin.users": "A",
    "admin.lines": "A",
    "admin.settings": "A",
    "admin.categories": "A",
    "admin.backup": "A",
    "audit.view": "LA",
}
LETTER = {"operator": "O", "shift_lead": "L", "counselor": "C", "admin": "A"}


@dataclass
class FakeUser:
    roles: tuple[str, ...]
    active: bool = True


def test_matrix_lists_exactly_the_expected_actions():
    """The matrix covers every action of the expectation table and no other."""
    assert set(p.MATRIX) == set(EXPECTED)
    assert set(p.ACTIONS) == set(EXPECTED)


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("action", sorted(EXPECTED))
def test_matrix_cell(role, action):
    """Each role may do exactly the actions DESIGN §6 gives it."""
    user = User(id=1, username="u", display_name="U", roles=frozenset({role}))
    assert p.can(user, action) is (LETTER[role] in EXPECTED[action])


def test_constants_name_the_actions():
    """The action constants carry the agreed string codes."""
    assert (p.CALL_LOG, p.CALLER_HISTORY, p.CALL_EDIT_OWN) == ("call.log", "call.caller_history", "call.edit_own")
    assert (p.CALL_VIEW_ALL, p.CALL_EDIT_ALL, p.CALL_REVIEW) == ("call.view_all", "call.edit_all", "call.review")
    assert (p.FLAG_OVERRIDE, p.QUEUE_VIEW, p.CASE_VIEW) == ("call.flag_override", "case.queue_view", "case.view")
    assert (p.CASE_EDIT, p.STATS_VIEW) == ("case.edit", "stats.view")
    assert (p.EXPORT_PERSONAL, p.EXPORT_OWN_CASES) == ("export.personal", "export.own_cases")


def test_only_known_roles_in_matrix():
    """Every role named in the matrix is one of models.ROLES."""
    assert set().union(*p.MATRIX.values()) <= set(ROLES)


def test_several_roles_add_up():
    """A user with several roles may do what any of their roles may."""
    user = FakeUser(roles=("operator", "admin"))
    assert p.can(user, p.CALL_LOG) and p.can(user, p.ADMIN_USERS)
    assert not p.can(user, p.CASE_VIEW)


@pytest.mark.parametrize("action", sorted(EXPECTED))
def test_inactive_user_can_do_nothing(action):
    """A disabled account may do nothing, whatever its roles."""
    assert not p.can(FakeUser(roles=tuple(ROLES), active=False), action)


def test_no_user_and_no_roles_can_do_nothing():
    """Nobody signed in, or a user without a known role, may do nothing."""
    assert p.allowed_actions(None) == frozenset()
    assert p.allowed_actions(FakeUser(roles=("guest",))) == frozenset()


@pytest.mark.parametrize("user", [FakeUser(roles=("admin",)), FakeUser(roles=("admin",), active=False), None])
def test_unknown_action_raises(user):
    """A misspelt action raises ValueError instead of silently allowing or denying."""
    with pytest.raises(ValueError, match="unknown action"):
        p.can(user, "call.logg")


def test_allowed_actions_of_a_counselor():
    """allowed_actions lists a counselor's actions from the same matrix."""
    expected = {action for action, letters in EXPECTED.items() if "C" in letters}
    assert p.allowed_actions(FakeUser(roles=("counselor",))) == expected


def test_matrix_is_read_only():
    """The matrix cannot be changed at run time."""
    with pytest.raises(TypeError):
        p.MATRIX["call.log"] = frozenset({"admin"})  # type: ignore[index]
