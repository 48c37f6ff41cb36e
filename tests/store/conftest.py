"""Fixtures for the store tests: real SQLite files under tmp_path, never mocks of our own code.

Hashing passwords with argon2 costs about 0.1 s, so the users are created once in a template file that every
test copies: each test still gets a fresh database of its own.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from hotline.core.models import Call
from hotline.demo import build_demo
from hotline.store import users
from hotline.store.access import COMMAND_LINE
from hotline.store.db import open_database

#: A synthetic password for the synthetic test users.
PASSWORD = "test-password-1"
#: A Monday morning (UTC) far from any month edge; tests place their calls relative to it.
T0 = datetime(2026, 3, 2, 2, 0, tzinfo=UTC)
#: The demo database used by the statistics and demo tests: reproducible for this seed and end day.
DEMO_SEED = 20261031
DEMO_END_DAY = date(2026, 10, 31)
DEMO_CALLS = 3000


def close_cleanly(db, path: Path) -> None:
    """Close a database so its file alone holds everything (the WAL is checkpointed and removed)."""
    db.close()
    assert not path.with_name(path.name + "-wal").exists(), "a connection is still open on the template"


@pytest.fixture(scope="session")
def template_db(tmp_path_factory) -> Path:
    """A migrated database with an operator and a shift lead, copied by every test that needs one."""
    path = tmp_path_factory.mktemp("template") / "hotline.sqlite3"
    db = open_database(path)
    users.add_user(db, "operator1", "Operator One", ["operator"], PASSWORD, by=COMMAND_LINE)
    users.add_user(db, "lead1", "Lead One", ["shift_lead", "operator"], PASSWORD, by=COMMAND_LINE)
    close_cleanly(db, path)
    return path


@pytest.fixture
def db_path(template_db: Path, tmp_path: Path) -> Path:
    path = tmp_path / "hotline.sqlite3"
    shutil.copyfile(template_db, path)
    return path


@pytest.fixture
def db(db_path: Path):
    database = open_database(db_path)
    yield database
    database.close()


@pytest.fixture
def operator_id(db) -> int:
    return users.find_user(db, "operator1").id


@pytest.fixture
def lead_id(db) -> int:
    return users.find_user(db, "lead1").id


@pytest.fixture
def t0() -> datetime:
    """The moment the factory's calls start from (``make_call(minutes=…)`` counts from it)."""
    return T0


#: A category whose calls get each need from the rules (for make_call's ``case_need``).
NEED_CATEGORY = {"required": "abuse.violence", "suggested": "rights.missing"}


@pytest.fixture
def make_call(operator_id: int) -> Callable[..., Call]:
    """A factory of plain substantive calls on line 111 (risk none, counselling); keyword arguments override any
    field. The store decides a call's need from its contents (docs/law.md): ``case_need="required"`` or
    ``"suggested"`` without categories gives the call a category with that need (violence, a missing child)."""

    def make(minutes: float = 0, **fields) -> Call:
        need = fields.get("case_need")
        if need in NEED_CATEGORY and not fields.get("categories"):
            fields["categories"] = [NEED_CATEGORY[need]]
        fields.setdefault("line", "111")
        fields.setdefault("risk", "none")
        fields.setdefault("service_level", "counselling")
        fields.setdefault("started_at", T0 + timedelta(minutes=minutes))
        fields.setdefault("operator_id", operator_id)
        fields.setdefault("duration_s", 90)
        return Call(**fields)

    return make


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory) -> Path:
    """A demo database (3,000 calls ending 31/10/2026) built once per session; tests copy it."""
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite3"
    db = open_database(path)
    build_demo(db, calls=DEMO_CALLS, seed=DEMO_SEED, end_day=DEMO_END_DAY)
    close_cleanly(db, path)
    return path


@pytest.fixture(scope="session")
def demo_params() -> dict:
    """How the demo template was built, so a test can build the same database again."""
    return {"calls": DEMO_CALLS, "seed": DEMO_SEED, "end_day": DEMO_END_DAY}
