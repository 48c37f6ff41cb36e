"""The DESIGN §6 matrix walked against the screens: every role × every action, offered exactly when can() says so.

The store half (tests/store/test_permission_matrix.py) proves that a refused action reads and writes nothing;
this half proves the screens offer each action to exactly the roles allowed it (no dead buttons, nothing missing).
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtWidgets import QMessageBox, QWidget

from hotline.core import permissions as p
from hotline.core.models import Call, Child, User
from hotline.core.timeutil import utcnow
from hotline.store import bulk, cases
from hotline.ui.call_edit_dialog import CallEditDialog
from hotline.ui.case_view import CaseView
from hotline.ui.main_window import MainWindow

ROLES = ("operator", "shift_lead", "counselor", "admin")
#: A shift lead prints the Mẫu 01 of any case (EXPORT_PERSONAL), so the "own cases" button is on for them too.
COVERED_BY = {p.EXPORT_OWN_CASES: (p.EXPORT_PERSONAL,)}


class World:
    """The window of one signed-in user and the records the probes open."""

    def __init__(self, qtbot, db, settings, user: User, own_call: int, other_call: int, case_id: int):
        self.qtbot, self.db, self.settings, self.user = qtbot, db, settings, user
        self.own_call, self.other_call, self.case_id = own_call, other_call, case_id
        self.window = MainWindow(db, user, settings, "pc-test")
        qtbot.addWidget(self.window)

    def tabs(self) -> list[str]:
        return self.window.workspace.keys

    def screen(self, key: str) -> QWidget | None:
        workspace = self.window.workspace
        return workspace.stack.widget(workspace.keys.index(key)) if key in workspace.keys else None

    def call_dialog(self, call_id: int) -> CallEditDialog:
        dialog = CallEditDialog(self.db, self.user, call_id, self.settings, "en")
        self.qtbot.addWidget(dialog)
        return dialog

    def case_view(self) -> CaseView:
        view = CaseView(self.db, self.user, self.case_id, self.settings, "en")
        self.qtbot.addWidget(view)
        return view

    def admin_pages(self) -> list[str]:
        admin = self.window.workspace.admin
        return list(admin.pages) if admin is not None else []


def _editable(world: World, call_id: int) -> bool:
    dialog = world.call_dialog(call_id)
    return dialog.call is not None and dialog.can_edit and dialog.save_button.isVisibleTo(dialog)


def _offered(world: World, key: str, button: str) -> bool:
    """The screen ``key`` is there and shows the button (as far as the screen decides: it may be a hidden tab)."""
    screen = world.screen(key)
    return screen is not None and getattr(screen, button).isVisibleTo(screen)


def _case_file_printable(world: World) -> bool:
    view = world.case_view()
    return view.case is not None and view.form_button.isEnabled()


#: action → does the user's window offer it?
PROBES = {
    p.CALL_LOG: lambda w: "call" in w.tabs(),
    p.CALLER_HISTORY: lambda w: w.window.findChild(QWidget, "callerHistoryView") is not None,
    p.CALL_EDIT_OWN: lambda w: _editable(w, w.own_call),
    p.CALL_VIEW_ALL: lambda w: "log" in w.tabs(),
    p.CALL_EDIT_ALL: lambda w: _editable(w, w.other_call),
    p.CALL_REVIEW: lambda w: _offered(w, "log", "review_button"),
    # the flag of another operator's call is changed in that call's window (its case-file bar)
    p.FLAG_OVERRIDE: lambda w: _editable(w, w.other_call),
    p.QUEUE_VIEW: lambda w: "queue" in w.tabs(),
    p.CASE_VIEW: lambda w: "open" in w.tabs() and w.case_view().case is not None,
    p.CASE_EDIT: lambda w: "mine" in w.tabs() and _offered(w, "queue", "open_button"),
    p.CASE_ASSIGN_ANY: lambda w: _offered(w, "queue", "assign_button"),
    p.STATS_VIEW: lambda w: "stats" in w.tabs(),
    p.EXPORT_PERSONAL: lambda w: _offered(w, "log", "export_button"),
    p.EXPORT_OWN_CASES: _case_file_printable,
    p.ADMIN_USERS: lambda w: "users" in w.admin_pages(),
    p.ADMIN_LINES: lambda w: "lines" in w.admin_pages(),
    p.ADMIN_SETTINGS: lambda w: "settings" in w.admin_pages(),
    p.ADMIN_CATEGORIES: lambda w: "categories" in w.admin_pages(),
    p.ADMIN_BACKUP: lambda w: "backups" in w.admin_pages(),
    p.AUDIT_VIEW: lambda w: "audit" in w.tabs(),
}


def test_every_action_has_a_screen_probe():
    """A new action in the matrix must get a probe here."""
    assert set(PROBES) == set(p.ACTIONS)


@pytest.fixture
def quiet_boxes(monkeypatch):
    """A refused read says so in a message box: recorded instead of shown (it would wait for a click)."""
    shown: list[str] = []
    for name in ("critical", "information", "warning"):
        monkeypatch.setattr(QMessageBox, name, lambda _parent, _title, text, *_a, **_k: shown.append(text))
    return shown


@pytest.fixture
def world(qtbot, db, settings, make_user, quiet_boxes):
    """``world(role)``: a user with that one role, a recent call of theirs, another operator's flagged call with
    a case file (assigned to the user when they are a counselor), and the user's window."""

    def make(role: str) -> World:
        user = make_user(f"user_{role}", [role])
        other = make_user("other_operator", ["operator"])
        counselor = user if role == "counselor" else make_user("canbo_x", ["counselor"])
        now = utcnow()
        # inserted as the demo generator does: an administrator logs no calls, yet the probe needs "their own"
        own, other_call = bulk.insert_calls(
            db,
            [
                (Call(line="111", started_at=now - timedelta(hours=1), operator_id=user.id, outcome="silent"), ""),
                (
                    Call(line="111", started_at=now - timedelta(hours=2), operator_id=other.id,
                         categories=["abuse.violence"], case_need="required", flagged=True, flag_source="rule",
                         children=[Child(name="Bé A")], summary="Trẻ bị đánh.", risk="high",
                         service_level="intervention"),
                    "",
                ),
            ],
        )  # fmt: skip
        child_id = db.conn.execute("SELECT id FROM call_children WHERE call_id = ?", [other_call]).fetchone()[0]
        (case,) = cases.open_cases(db, other_call, [child_id], by_user_id=counselor.id, assigned_to=counselor.id)
        return World(qtbot, db, settings, user, own, other_call, case.id)

    return make


@pytest.mark.parametrize("role", ROLES)
def test_screens_offer_exactly_the_roles_actions(world, role):
    """For one role, every action's screen element is there exactly when the matrix allows it."""
    w = world(role)
    offered = {action: bool(probe(w)) for action, probe in PROBES.items()}
    expected = {
        action: p.can(w.user, action) or any(p.can(w.user, wider) for wider in COVERED_BY.get(action, ()))
        for action in PROBES
    }
    assert offered == expected
