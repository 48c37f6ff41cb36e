"""Another desk's saves reach an open follow-up queue and case list within a second or two, and the counselor's
current row stays on its case."""

from __future__ import annotations

from datetime import timedelta

import pytest

from hotline.core.models import Call, Child
from hotline.core.timeutil import utcnow
from hotline.settings import Settings
from hotline.store import calls as call_store
from hotline.store import cases as case_store
from hotline.store.db import open_database
from hotline.ui.workspace import Workspace


def flagged_call(db, operator_id: int, name: str, minutes_ago: int) -> Call:
    """A sexual-abuse report about one child, flagged by the rules."""
    return call_store.save_call(db, Call(
        line="111", started_at=utcnow() - timedelta(minutes=minutes_ago), operator_id=operator_id,
        phone_raw="0912 345 678", categories=["abuse.sexual"], risk="high", service_level="intervention",
        summary="Bé bị người quen xâm hại.", children=[Child(name=name, sex="female", age=9, status="abused")],
        flagged=True,
    ))  # fmt: skip


@pytest.fixture
def people(make_user):
    return {
        "operator": make_user("tongdai1", ["operator"], "Nguyễn Văn An"),
        "counselor": make_user("canbo1", ["counselor"], "Huỳnh Thị Lan"),
    }


@pytest.fixture
def desk(db):
    """Another desk: its own connection to the same file."""
    other = open_database(db.conn.execute("PRAGMA database_list").fetchone()[2])
    yield other
    other.close()


def test_a_call_flagged_at_another_desk_appears_in_the_open_queue(qtbot, db, desk, people):
    """The counselor's queue is open; an operator at another desk saves a flagged report: it is listed within
    2.5 seconds, without a click."""
    space = Workspace(db, people["counselor"], Settings.load(db), "pc-2")
    qtbot.addWidget(space)
    space.show()
    space.nav.setCurrentIndex(space.keys.index("queue"))
    assert space.followup.model.rowCount() == 0
    call = flagged_call(desk, people["operator"].id, "Bé Lan", 5)
    qtbot.waitUntil(lambda: space.followup.model.rowCount() == 1, timeout=2500)
    assert space.followup.selected().call_id == call.id


def test_the_open_case_list_keeps_its_current_case_when_another_desk_opens_one(qtbot, db, desk, people):
    """An open list of open cases reloads when another desk opens a new case, and the current row stays on the
    case the counselor was on."""
    counselor = people["counselor"].id
    for name, minutes in (("Bé An", 90), ("Bé Bình", 60), ("Bé Chi", 30)):
        call = flagged_call(db, people["operator"].id, name, minutes)
        case_store.open_cases(db, call.id, [c.id for c in call.children], by_user_id=counselor, assigned_to=counselor)
    space = Workspace(db, people["counselor"], Settings.load(db), "pc-2")
    qtbot.addWidget(space)
    space.show()
    space.nav.setCurrentIndex(space.keys.index("open"))
    screen = space.lists["open"]
    assert screen.proxy.rowCount() == 3
    screen.view.selectRow(2)
    chosen = screen.model.row(screen.proxy.mapToSource(screen.view.currentIndex()).row()).id
    late = flagged_call(desk, people["operator"].id, "Bé Dung", 10)
    case_store.open_cases(desk, late.id, [c.id for c in late.children], by_user_id=counselor,
                          assigned_to=counselor)
    qtbot.waitUntil(lambda: screen.proxy.rowCount() == 4, timeout=2500)
    assert screen.model.row(screen.proxy.mapToSource(screen.view.currentIndex()).row()).id == chosen
