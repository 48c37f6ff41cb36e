"""The demo's summaries agree with the children they are about: a newborn is 0, "13 tuổi" is 13, a bride a girl."""

from __future__ import annotations

import re
from datetime import date

import pytest

from hotline.demo import build_demo
from hotline.store.db import open_database

AGE_WORDS = re.compile(r"(\d+) tuổi")
#: Summaries that speak of a girl (a marriage arranged for her); "con gái" is a daughter.
GIRL_WORDS = ("lấy chồng", "gả cho", "con gái")


@pytest.fixture(scope="module")
def demo_calls(tmp_path_factory):
    """Each demo call with content: its summary and its people's (age, sex)."""
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite3"
    db = open_database(path)
    try:
        build_demo(db, calls=4000, seed=7, end_day=date(2026, 12, 6))
        rows = db.conn.execute(
            "SELECT c.id, c.summary, ch.age, ch.sex FROM calls c JOIN call_children ch ON ch.call_id = c.id"
            " WHERE c.summary != ''"
        ).fetchall()
    finally:
        db.close()
    calls: dict[int, tuple[str, list[tuple[int | None, str]]]] = {}
    for call_id, summary, age, sex in rows:
        calls.setdefault(call_id, (summary, []))[1].append((age, sex))
    return calls


def test_no_summary_contradicts_the_age_of_its_children(demo_calls):
    """"sơ sinh" (newborn) only for children of age 0 (or not known); "N tuổi" only when every child is N."""
    wrong = []
    for call_id, (summary, people) in demo_calls.items():
        ages = {age for age, _sex in people}
        if "sơ sinh" in summary and ages - {0, None}:
            wrong.append((call_id, summary, sorted(ages, key=str)))
        for said in AGE_WORDS.findall(summary):
            if ages != {int(said)}:
                wrong.append((call_id, summary, sorted(ages, key=str)))
    assert not wrong, wrong[:5]
    assert any("sơ sinh" in summary for summary, _ in demo_calls.values())  # the newborns are still there
    assert any(AGE_WORDS.search(summary) for summary, _ in demo_calls.values())


def test_a_summary_about_a_bride_is_about_girls(demo_calls):
    """A forced or child marriage is told of girls: every person on such a call is female."""
    wrong = [
        (call_id, summary, people)
        for call_id, (summary, people) in demo_calls.items()
        if any(words in summary for words in GIRL_WORDS) and any(sex != "female" for _age, sex in people)
    ]
    assert not wrong, wrong[:5]
