"""The layers hold: nothing outside hotline/store touches a database connection or writes SQL (the seam a second
backend plugs into)."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent / "hotline"
#: bench.py measures the program against bare SQL on purpose (its bare figures go through store/benchsql.py)
ALLOWED = {"bench.py"}
_CONNECTION = re.compile(r"\.conn\b|\.execute\(|\.executemany\(|\.interrupt\(\)")


def test_nothing_outside_the_store_touches_a_connection():
    """No module outside hotline/store reaches a connection (.conn, execute, interrupt): SQL lives in the store."""
    found = [
        f"{path.relative_to(ROOT)}:{number}: {line.strip()}"
        for path in sorted(ROOT.rglob("*.py"))
        if "store" not in path.relative_to(ROOT).parts[:1] and path.name not in ALLOWED
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if _CONNECTION.search(line)
    ]
    assert not found, "move these into hotline/store:\n" + "\n".join(found)
