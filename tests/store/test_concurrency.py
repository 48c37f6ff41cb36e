"""Two copies of Hotline writing one file at once: every call lands and nobody sees 'database is locked'."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import time

import pytest
from workers import run_at_once

from hotline.store.maintenance import check_database

CALLS_EACH = 500

# A separate process, as a second copy of Hotline would be. It waits for the "go" file so both write at once,
# and reports a StoreError through its exit code and stderr instead of a traceback.
WORKER = r"""
import sys, time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from hotline.core.models import Call, Child
from hotline.store.calls import save_call
from hotline.store.db import StoreError, open_database

path, worker, count, operator = Path(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
try:
    db = open_database(path)
    (path.parent / f"ready-{worker}").touch()
    while not (path.parent / "go").exists():
        time.sleep(0.005)
    base = datetime(2026, 5, 1, tzinfo=UTC) + timedelta(days=worker)
    first = time.monotonic()
    for i in range(count):
        save_call(db, Call(
            line="111", started_at=base + timedelta(seconds=i), operator_id=operator, duration_s=60,
            phone_raw=f"0912 {worker:03d} {i:03d}", summary=f"worker {worker} call {i}",
            categories=["counselling.relationships"], children=[Child(name=f"child {worker}-{i}")],
            risk="none", service_level="counselling",
            uuid=f"worker-{worker}-{i:04d}",
        ))
    print(first, time.monotonic())
    db.close()
except StoreError as exc:
    print(f"StoreError: {exc}", file=sys.stderr)
    sys.exit(3)
"""


@pytest.mark.slow
def test_two_processes_save_at_the_same_time(db, db_path, operator_id):
    """Two processes saving 500 calls each into one file at once: all 1,000 land and both exit 0."""
    db.close()
    folder = db_path.parent
    results = run_at_once(
        folder, {n: [WORKER, str(db_path), str(n), str(CALLS_EACH), str(operator_id)] for n in (1, 2)}
    )
    outputs = [(out, err) for _, out, err in results]
    for code, _, err in results:
        assert code == 0, err
        assert "locked" not in err.lower() and "busy" not in err.lower(), err
    spans = [tuple(map(float, out.split())) for out, _ in outputs]
    assert max(s[0] for s in spans) < min(s[1] for s in spans), "the two workers did not write at the same time"

    conn = sqlite3.connect(db_path)
    try:
        uuids = [r[0] for r in conn.execute("SELECT uuid FROM calls")]
        children = conn.execute("SELECT count(*) FROM call_children").fetchone()[0]
        categories = conn.execute("SELECT count(*) FROM call_categories").fetchone()[0]
    finally:
        conn.close()
    expected = {f"worker-{n}-{i:04d}" for n in (1, 2) for i in range(CALLS_EACH)}
    assert len(uuids) == len(expected) and set(uuids) == expected
    assert children == categories == len(expected)
    assert check_database(db_path) == []


OPENER = r"""
import sys, time
from pathlib import Path

from hotline.store.db import StoreError, open_database

path, worker = Path(sys.argv[1]), sys.argv[2]
(path.parent / f"ready-{worker}").touch()
while not (path.parent / "go").exists():
    time.sleep(0.001)
try:
    open_database(path).close()
except StoreError as exc:
    print(f"StoreError: {exc}", file=sys.stderr)
    sys.exit(3)
"""


@pytest.mark.slow
@pytest.mark.parametrize("round_", range(3))
def test_two_processes_create_a_new_file_at_once(tmp_path, round_):
    """Two copies of Hotline opening a file that does not exist yet both succeed; the schema is created once."""
    path = tmp_path / "new.sqlite3"
    workers = [
        subprocess.Popen([sys.executable, "-c", OPENER, str(path), str(n)], stderr=subprocess.PIPE, text=True)
        for n in (1, 2)
    ]
    try:
        deadline = time.monotonic() + 60
        while not all((tmp_path / f"ready-{n}").exists() for n in (1, 2)):
            assert time.monotonic() < deadline, "workers never got ready"
            time.sleep(0.005)
        (tmp_path / "go").touch()
        errors = [w.communicate(timeout=60)[1] for w in workers]
    finally:
        for w in workers:
            if w.poll() is None:
                w.kill()
                w.wait()
    assert [w.returncode for w in workers] == [0, 0], errors
    conn = sqlite3.connect(path)
    try:
        names = [r[0] for r in conn.execute("SELECT name FROM _sqlite_migrations")]
    finally:
        conn.close()
    assert len(names) == len(set(names)) > 0
    assert check_database(path) == []
