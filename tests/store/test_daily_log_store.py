"""The daily log's store: every filter, search, sort and page against Python over all rows; review and re-flag."""

from __future__ import annotations

import random
import re
import shutil
import unicodedata
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, time, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hotline.core.daily_log import SORT_KEYS, LogFilter, shift_bounds
from hotline.core.models import ONE_KEY_OUTCOMES, RISK_LEVELS, SERVICE_LEVELS, Call, Child
from hotline.core.phones import normalize_phone
from hotline.core.places import ward_name, wards_of
from hotline.core.rules import effective_flag, evaluate_case_file_need, flag_reasons
from hotline.store import audit, cases, users
from hotline.store.access import COMMAND_LINE
from hotline.store.calls import call_changes, get_call, save_call
from hotline.store.daily_log import (
    ReviewNeedsDecision,
    export_rows,
    log_count,
    log_ids,
    log_rows,
    mark_reviewed,
    reflag,
    shift_summary,
)
from hotline.store.db import NotFoundError, StoreError, open_database

#: 17:00 on 27/11/2026 in Vietnam; the calls run from here across three nights and into December.
BASE = datetime(2026, 11, 27, 10, 0, tzinfo=UTC)
CALLS = 96
SPACING = timedelta(minutes=43)
EVERYTHING = LogFilter(BASE - timedelta(days=1), BASE + timedelta(days=10))
NIGHT = LogFilter(*shift_bounds(date(2026, 11, 28), time(19), time(7)))

CODES = (
    "abuse.sexual",
    "abuse.violence",
    "abuse.neglect",
    "trafficking.recruitment_info",
    "trafficking.forced_labour",
    "counselling.mental_health",
    "counselling.education",
    "info.hotline",
)
NAMES = ("Nguyễn Văn Đào", "Trần Thị Mai", "Lê Văn Đạt", "Phạm Thị Hoa", "")
PHONES = ("0912 345 678", "0987 654 321", "0296 3852 123", "", "0169 123 4567")
SUMMARIES = (
    "Trẻ bị bạo lực ở nhà, cần can thiệp",
    "Hỏi về tổng đài và cách gọi",
    "Phụ huynh lo con nghiện mạng",
    "Người gọi nghi có người dụ đi làm xa",
)
WARDS = [code for code, _ in wards_of(91)[:4]]
REASON = "Đã gọi lại, trẻ an toàn với bà ngoại"


def fold(text: str) -> str:
    """Written here rather than imported: no accents, đ→d, lower case (DESIGN §5 "Text")."""
    bare = "".join(ch for ch in unicodedata.normalize("NFD", text) if not unicodedata.combining(ch))
    return bare.lower().replace("đ", "d")


@dataclass
class Rec:
    """What the test knows about a call it saved: the oracle the store is checked against."""

    call: Call
    operator_name: str
    case_numbers: tuple[str, ...] = ()

    @property
    def id(self) -> int:
        return self.call.id

    @property
    def cleared(self) -> bool:
        return self.call.case_need == "required" and not self.call.flagged

    @property
    def reviewed(self) -> bool:
        return self.call.reviewed_at is not None

    def words(self) -> list[str]:
        c = self.call
        parts = [c.caller_name, c.summary, c.action_taken]
        for child in c.children:
            parts += [child.name, child.address, child.carer, ward_name(child.ward_code)]
        return re.findall(r"[^\W_]+", fold(" ".join(parts)))

    def digits(self) -> str:
        return normalize_phone(self.call.phone_raw).digits if self.call.phone_raw else ""


def matches(rec: Rec, f: LogFilter) -> bool:
    """The filter in plain Python (text searches are checked by tests of their own)."""
    c = rec.call
    if not f.start <= c.started_at < f.end:
        return False
    if f.lines and c.line not in f.lines:
        return False
    if f.operator_id is not None and c.operator_id != f.operator_id:
        return False
    if f.outcome == "one_key" and c.outcome not in ONE_KEY_OUTCOMES:
        return False
    if f.outcome not in (None, "one_key") and c.outcome != f.outcome:
        return False
    if f.category_group and not any(code.split(".")[0] == f.category_group for code in c.categories):
        return False
    if f.category and f.category not in c.categories:
        return False
    if f.risk is not None and c.risk != f.risk:
        return False
    if f.flagged is not None and c.flagged != f.flagged:
        return False
    if f.without_case and not (c.flagged and not rec.case_numbers):
        return False
    if f.flag_cleared and not rec.cleared:
        return False
    if f.not_passed_on and not _not_passed_on(c):
        return False
    return f.reviewed is None or rec.reviewed == f.reviewed


def _not_passed_on(call) -> bool:
    kinds = {h.kind for h in call.handoffs}
    return (call.handoff_due is not None and "commune" not in kinds) or (call.victim_referral and "victim" not in kinds)


def in_order(recs: list[Rec]) -> list[int]:
    return [r.id for r in sorted(recs, key=lambda r: (r.call.started_at, r.id))]


def build(db, rng: random.Random, operators: dict[int, str], lead: int, counselor: int) -> list[Rec]:
    recs = []
    for n in range(CALLS):
        started = BASE + n * SPACING + timedelta(seconds=rng.randrange(600))
        operator = rng.choice(sorted(operators))
        call = Call(
            line=rng.choice(("111", "111", "18008077")),
            started_at=started,
            operator_id=operator,
            outcome="substantive" if rng.random() < 0.6 else rng.choice(ONE_KEY_OUTCOMES),
            duration_s=rng.choice((30, 95, 95, 240, 600, 1320)),
            phone_raw=rng.choice(PHONES),
        )
        if call.outcome == "substantive":
            call.categories = sorted(rng.sample(CODES, rng.choice((1, 1, 2))))
            call.risk = rng.choice(RISK_LEVELS)
            call.service_level = rng.choice(SERVICE_LEVELS)
            call.caller_name = rng.choice(NAMES)
            call.summary = rng.choice(SUMMARIES)
            call.action_taken = "Đã tư vấn"
            call.children = [
                Child(
                    name=rng.choice(("Bé Na", "Cháu Tí", "")),
                    sex=rng.choice(("male", "female", "unknown")),
                    age=rng.choice((None, 4, 9, 15)),
                    age_band=rng.choice(("6-10", "unknown")),
                    province_code=91,
                    ward_code=rng.choice([*WARDS, None]),
                )
                for _ in range(rng.choice((0, 1, 1, 2)))
            ]
            for child in call.children:
                if child.age is not None:
                    child.age_band = "0-5" if child.age <= 5 else "6-10" if child.age <= 10 else "11-15"
            decision = evaluate_case_file_need(
                outcome=call.outcome,
                categories=call.categories,
                risk=call.risk,
                children=call.children,
                started_at=started,
            )
            manual = decision.need == "suggested" and rng.random() < 0.5
            cleared = decision.need == "required" and rng.random() < 0.25
            flag = effective_flag(decision, manual, cleared, REASON if cleared else "")
            call.case_need, call.urgent = decision.need, decision.urgent
            call.flagged, call.flag_source = flag.flagged, flag.source
            call.flag_override_reason = REASON if cleared else ""
            call.flag_reasons = [reason.to_dict() for reason in flag_reasons(decision, flag)]
        if rng.random() < 0.3:
            call.reviewed_by, call.reviewed_at = lead, started + timedelta(hours=1)
        recs.append(Rec(save_call(db, call), operators[operator]))
    # case files: two of three flagged calls get theirs, and a few other calls are linked to the first one
    flagged = [r for r in recs if r.call.flagged]
    first_case = None
    for n, rec in enumerate(flagged):
        if n % 3 == 2:
            continue
        children = [child.id for child in rec.call.children] or [None]
        opened = cases.open_cases(
            db, rec.id, children, by_user_id=counselor, now=rec.call.started_at + timedelta(hours=2)
        )
        rec.case_numbers = tuple(sorted(case.number for case in opened))
        first_case = first_case or (opened[0], rec)
    linked = [r for r in flagged if not r.case_numbers][:2] + [r for r in recs if not r.call.flagged][:2]
    for rec in linked:
        cases.link_call(db, first_case[0].id, rec.id, by_user_id=counselor)
        rec.case_numbers = (first_case[0].number,)
    return recs


@pytest.fixture(scope="module")
def dataset(template_db, tmp_path_factory):
    """A database file of 96 calls of every kind with case files and links, and the test's own record of them."""
    path = tmp_path_factory.mktemp("daily_log") / "log.sqlite3"
    shutil.copyfile(template_db, path)
    db = open_database(path)
    users.add_user(db, "operator2", "Bùi Thị Ánh", ["operator"], "test-password-1", by=COMMAND_LINE)
    operators = {u.id: u.display_name for u in users.list_users(db)}
    lead = users.find_user(db, "lead1").id
    # added after the operators are chosen from: counselors open and link the case files (CASE_EDIT)
    counselor = users.add_user(db, "counselor1", "Counselor One", ["counselor"], "test-password-1", by=COMMAND_LINE)
    recs = build(db, random.Random(4), operators, lead, counselor.id)
    db.close()
    return path, recs, lead


@pytest.fixture(scope="module")
def log_db(dataset):
    """The dataset opened once for the reading tests (they never write), with the shift lead who reads it."""
    db = open_database(dataset[0])
    yield db, dataset[1], dataset[2]
    db.close()


@pytest.fixture
def rw(dataset, tmp_path):
    """A copy of the dataset of its own for a test that writes."""
    path = tmp_path / "log.sqlite3"
    shutil.copyfile(dataset[0], path)
    db = open_database(path)
    yield db, {r.id: r for r in dataset[1]}, dataset[2]
    db.close()


def test_dataset_has_every_kind_of_call(log_db):
    """The data holds what the filters look for, so no filter test passes on nothing."""
    _, recs, _ = log_db
    assert {r.call.line for r in recs} == {"111", "18008077"}
    assert any(r.cleared for r in recs) and any(r.reviewed for r in recs)
    assert any(r.call.flagged and r.case_numbers for r in recs)
    assert any(r.call.flagged and not r.case_numbers for r in recs)
    assert any(not r.call.flagged and r.case_numbers for r in recs)  # linked to a case
    assert any(len(r.call.children) > 1 for r in recs) and any(r.call.outcome != "substantive" for r in recs)


def filters(recs: list[Rec]) -> list[LogFilter]:
    operator = recs[0].call.operator_id
    night, every = NIGHT, EVERYTHING
    return [
        every,
        night,
        replace(every, lines=("18008077",)),
        replace(every, lines=("111", "18008077")),
        replace(every, operator_id=operator),
        replace(night, operator_id=operator),
        replace(every, outcome="substantive"),
        replace(every, outcome="one_key"),
        replace(every, outcome="silent"),
        replace(every, category_group="abuse"),
        replace(every, category_group="trafficking"),
        replace(every, category_group="counselling"),
        replace(every, category_group="abus"),  # a prefix of a group is no group
        replace(every, category="abuse.sexual"),
        replace(every, category="trafficking.recruitment_info"),
        replace(every, risk="high"),
        replace(every, risk="none"),
        replace(every, flagged=True),
        replace(every, flagged=False),
        replace(every, without_case=True),
        replace(night, without_case=True),
        replace(every, flag_cleared=True),
        replace(every, not_passed_on=True),
        replace(every, reviewed=True),
        replace(every, reviewed=False),
        replace(every, flagged=True, reviewed=False, lines=("111",)),
        replace(every, category_group="abuse", risk="immediate"),
        LogFilter(BASE + timedelta(days=30), BASE + timedelta(days=31)),  # no calls at all
    ]


def test_each_filter_matches_python(log_db):
    """Each filter (and some combinations) selects exactly the calls Python selects, in start order."""
    db, recs, lead = log_db
    for f in filters(recs):
        expected = in_order([r for r in recs if matches(r, f)])
        assert log_ids(db, f, viewer_id=lead) == expected, f
        assert log_count(db, f, viewer_id=lead) == len(expected), f
        assert [row.id for row in log_rows(db, f, limit=-1, viewer_id=lead)] == expected, f


def test_random_combinations_match_python(log_db):
    """Two hundred random combinations of filters agree with Python."""
    db, recs, lead = log_db
    rng = random.Random(11)
    operators = sorted({r.call.operator_id for r in recs})
    for _ in range(200):
        start = BASE + timedelta(hours=rng.randrange(-5, 70))
        f = LogFilter(
            start,
            start + timedelta(hours=rng.choice((1, 12, 24, 200))),
            lines=rng.choice(((), ("111",), ("18008077",))),
            operator_id=rng.choice([None, *operators]),
            outcome=rng.choice((None, None, "substantive", "one_key", "prank")),
            category_group=rng.choice((None, None, "abuse", "info")),
            category=rng.choice((None, None, None, "abuse.sexual")),
            risk=rng.choice((None, None, *RISK_LEVELS)),
            flagged=rng.choice((None, True, False)),
            without_case=rng.random() < 0.2,
            flag_cleared=rng.random() < 0.1,
            reviewed=rng.choice((None, True, False)),
        )
        expected = in_order([r for r in recs if matches(r, f)])
        assert log_ids(db, f, viewer_id=lead) == expected, f
        assert log_count(db, f, viewer_id=lead) == len(expected), f


def test_rows_hold_what_the_table_shows(log_db):
    """Each row carries its call's time, operator, categories, first child, commune, case numbers and flags."""
    db, recs, lead = log_db
    rows = {row.id: row for row in log_rows(db, EVERYTHING, limit=-1, viewer_id=lead)}
    assert len(rows) == CALLS
    for rec in recs:
        row, c = rows[rec.id], rec.call
        assert row.started_at == c.started_at.replace(microsecond=c.started_at.microsecond // 1000 * 1000)
        assert (row.line, row.operator_id, row.operator_name) == (c.line, c.operator_id, rec.operator_name)
        assert (row.outcome, row.duration_s, row.risk, row.case_need) == (c.outcome, c.duration_s, c.risk, c.case_need)
        assert row.categories == tuple(sorted(c.categories))
        first = c.children[0] if c.children else None
        assert row.child_sex == (first.sex if first else "")
        assert row.child_age == ("" if not first else str(first.age) if first.age is not None else first.age_band)
        assert row.commune == (ward_name(first.ward_code) if first else "")
        assert row.case_numbers == rec.case_numbers
        assert (row.flagged, row.reviewed, row.flag_cleared) == (c.flagged, rec.reviewed, rec.cleared)
        assert row.phone_raw == c.phone_raw and row.version == 1


@pytest.mark.parametrize("key", SORT_KEYS)
@pytest.mark.parametrize("descending", [False, True])
def test_sort_by_every_key_both_ways(log_db, key, descending):
    """Every sort key orders the rows as Python does, ties broken by id the same way round."""
    db, recs, lead = log_db
    value = {
        "started_at": lambda r: r.call.started_at,
        "line": lambda r: r.call.line,
        "operator": lambda r: r.operator_name,
        "outcome": lambda r: r.call.outcome,
        "duration_s": lambda r: r.call.duration_s,
        "risk": lambda r: RISK_LEVELS.index(r.call.risk),
        "flagged": lambda r: r.call.flagged,
        "reviewed": lambda r: r.reviewed,
    }[key]
    expected = [r.id for r in sorted(recs, key=lambda r: (value(r), r.id), reverse=descending)]
    f = replace(EVERYTHING, sort=key, descending=descending)
    assert log_ids(db, f, viewer_id=lead) == expected
    assert [row.id for row in log_rows(db, f, limit=-1, viewer_id=lead)] == expected


@pytest.mark.parametrize("key", SORT_KEYS)
def test_paging_covers_every_row_once(log_db, key):
    """Pages of 7 read one after the other give every row once, in the order of the whole list."""
    db, _, lead = log_db
    for f in (replace(EVERYTHING, sort=key), replace(EVERYTHING, sort=key, descending=True, flagged=False)):
        pages, offset = [], 0
        while page := log_rows(db, f, limit=7, offset=offset, viewer_id=lead):
            assert len(page) <= 7
            pages += [row.id for row in page]
            offset += 7
        assert pages == log_ids(db, f, viewer_id=lead)
        assert len(set(pages)) == len(pages) == log_count(db, f, viewer_id=lead)


def python_summary(recs: list[Rec]) -> dict:
    by_line, by_outcome, groups = {}, {}, {}
    for r in recs:
        by_line[r.call.line] = by_line.get(r.call.line, 0) + 1
        by_outcome[r.call.outcome] = by_outcome.get(r.call.outcome, 0) + 1
        if r.call.outcome == "substantive":
            for group in {code.split(".")[0] for code in r.call.categories}:
                groups[group] = groups.get(group, 0) + 1
    flagged = [r for r in recs if r.call.flagged]
    durations = [r.call.duration_s for r in recs]
    return {
        "total": len(recs),
        "by_line": by_line,
        "by_outcome": by_outcome,
        "substantive_by_group": groups,
        "flagged": len(flagged),
        "flagged_with_case": sum(1 for r in flagged if r.case_numbers),
        "avg_duration_s": sum(durations) / len(durations) if durations else 0.0,
        "max_duration_s": max(durations, default=0),
        "unreviewed": sum(1 for r in recs if not r.reviewed),
        "flags_cleared": sum(1 for r in recs if r.cleared),
    }


def test_shift_summary_matches_python(log_db):
    """The summary's counts over each filter's calls are the ones Python counts."""
    db, recs, lead = log_db
    for f in filters(recs):
        summary = shift_summary(db, f, viewer_id=lead)
        expected = python_summary([r for r in recs if matches(r, f)])
        got = {name: getattr(summary, name) for name in expected}
        assert got.pop("avg_duration_s") == pytest.approx(expected.pop("avg_duration_s")), f
        assert got == expected, f


# --- search -------------------------------------------------------------------------------------------------


def test_search_without_accents_finds_the_name(log_db):
    """'nguyen van dao' finds exactly the calls from 'Nguyễn Văn Đào', in the range and order asked."""
    db, recs, lead = log_db
    expected = in_order([r for r in recs if r.call.caller_name == "Nguyễn Văn Đào"])
    assert expected
    f = replace(EVERYTHING, text="nguyen van dao")
    assert log_ids(db, f, viewer_id=lead) == expected
    assert log_count(db, f, viewer_id=lead) == len(expected)
    night = replace(NIGHT, text="NGUYEN VAN DAO")
    assert log_ids(db, night, viewer_id=lead) == in_order([r for r in recs if r.id in expected and matches(r, NIGHT)])


def test_search_a_part_of_a_number(log_db):
    """'345 678' finds the calls from 0912 345 678 and no other."""
    db, recs, lead = log_db
    expected = in_order([r for r in recs if r.call.phone_raw == "0912 345 678"])
    assert expected
    assert log_ids(db, replace(EVERYTHING, text="345 678"), viewer_id=lead) == expected
    assert log_ids(db, replace(EVERYTHING, text="0912.345.678"), viewer_id=lead) == expected


@pytest.mark.parametrize("query", ["dao", "Đạt", "bao luc", "hoa", "tong dai", "na", "tre bi", "nghien"])
def test_search_words_match_python(log_db, query):
    """Each typed word must start a word of the call's folded text, with any other filter on top."""
    db, recs, lead = log_db
    wanted = re.findall(r"[^\W_]+", fold(query))
    hits = [r for r in recs if all(any(w.startswith(q) for w in r.words()) for q in wanted)]
    assert hits, "the test data must contain a match"
    assert log_ids(db, replace(EVERYTHING, text=query), viewer_id=lead) == in_order(hits)
    flagged = replace(EVERYTHING, text=query, flagged=True, sort="risk", descending=True)
    expected = sorted((r for r in hits if r.call.flagged), key=lambda r: (RISK_LEVELS.index(r.call.risk), r.id))
    assert log_ids(db, flagged, viewer_id=lead) == [r.id for r in reversed(expected)]


def test_search_in_a_range_without_calls(log_db):
    """A search over a period with no calls at all answers nothing, without error."""
    db, _, lead = log_db
    f = LogFilter(BASE + timedelta(days=40), BASE + timedelta(days=41), text="dao")
    assert (
        log_count(db, f, viewer_id=lead),
        log_rows(db, f, viewer_id=lead),
        shift_summary(db, f, viewer_id=lead).total,
    ) == (0, [], 0)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.lists(
        st.sampled_from([*"\"*-+()^:{}[],.;'\\/ ~!@#$%&|<>?=_\t", "NEAR", "AND", "OR", "NOT", "đ", "dao", "0912", " "]),
        max_size=20,
    ).map("".join)
    | st.text(max_size=30)
)
def test_typed_fts_syntax_is_never_an_error(log_db, text):
    """Whatever characters a person types, counting, listing and summing answer without error."""
    db, _, lead = log_db
    f = replace(EVERYTHING, text=text)
    count = log_count(db, f, viewer_id=lead)
    rows = log_rows(db, f, limit=50, viewer_id=lead)
    assert 0 <= count <= CALLS and len(rows) == min(count, 50)
    assert shift_summary(db, f, viewer_id=lead).total == count


# --- review, re-flag, changes from elsewhere ----------------------------------------------------------------


def test_mark_reviewed_sets_the_review_and_not_the_version(rw):
    """Reviewing sets who, when and the note in one go; no version bump, no history row; audited per call."""
    db, recs, lead = rw
    ids = [r.id for r in recs.values() if not r.reviewed and not r.cleared][:3]
    before = datetime.now(UTC) - timedelta(seconds=1)
    assert mark_reviewed(db, ids, by_user_id=lead, note="  Đã xem  ") == 3
    for call_id in ids:
        call = get_call(db, call_id, viewer_id=lead)
        assert (call.reviewed_by, call.review_note, call.version) == (lead, "Đã xem", 1)
        assert call.reviewed_at >= before
        assert call_changes(db, call_id, viewer_id=lead) == []
    reviewed = {int(e.entity_id) for e in audit.entries(db, viewer=COMMAND_LINE, action="call.review")}
    assert reviewed == set(ids)
    assert log_ids(db, replace(EVERYTHING, reviewed=False), viewer_id=lead) == in_order(
        [r for r in recs.values() if not r.reviewed and r.id not in ids]
    )


def test_already_reviewed_calls_keep_their_first_review(rw):
    """Marking again changes nothing of an earlier review, and counts only the calls newly marked."""
    db, recs, lead = rw
    done = next(r for r in recs.values() if r.reviewed)
    fresh = next(r for r in recs.values() if not r.reviewed and not r.cleared)
    assert mark_reviewed(db, [done.id, fresh.id, fresh.id], by_user_id=lead, note="lần hai") == 1
    again = get_call(db, done.id, viewer_id=lead)
    assert again.review_note == "" and again.reviewed_at == done.call.reviewed_at.replace(
        microsecond=done.call.reviewed_at.microsecond // 1000 * 1000
    )
    assert mark_reviewed(db, [], by_user_id=lead) == 0


def test_cleared_flag_needs_a_decision(rw):
    """A call whose rule flag an operator cleared stops the whole review until the lead confirms it."""
    db, recs, lead = rw
    cleared = sorted(r.id for r in recs.values() if r.cleared and not r.reviewed)
    plain = [r.id for r in recs.values() if not r.cleared and not r.reviewed][:2]
    assert cleared
    with pytest.raises(ReviewNeedsDecision) as raised:
        mark_reviewed(db, plain + cleared, by_user_id=lead)
    assert raised.value.call_ids == cleared
    assert isinstance(raised.value, StoreError)
    assert all(get_call(db, i, viewer_id=lead).reviewed_at is None for i in plain + cleared)
    assert audit.entries(db, viewer=COMMAND_LINE, action="call.review") == []

    assert mark_reviewed(db, plain + cleared, by_user_id=lead, confirm_cleared=True) == len(plain + cleared)
    assert all(get_call(db, i, viewer_id=lead).reviewed_by == lead for i in plain + cleared)
    confirmed_entries = audit.entries(db, viewer=COMMAND_LINE, action="call.flag_override_confirmed")
    confirmed = {int(e.entity_id) for e in confirmed_entries}
    assert confirmed == set(cleared)
    assert all(not get_call(db, i, viewer_id=lead).flagged for i in cleared)  # confirming keeps the flag cleared


def test_reflag_puts_the_rule_flag_back_with_history(rw):
    """Re-flagging sets the rule's flag again as an edit: version +1, history keeps the operator's reason."""
    db, recs, lead = rw
    rec = next(r for r in recs.values() if r.cleared and not r.reviewed)
    reflag(db, rec.id, by_user_id=lead)
    call = get_call(db, rec.id, viewer_id=lead)
    assert (call.flagged, call.flag_source, call.flag_override_reason, call.version) == (True, "rule", "", 2)
    history = {
        change.field: (change.old, change.new, change.user_id) for change in call_changes(db, rec.id, viewer_id=lead)
    }
    assert history["flagged"] == ("0", "1", lead)
    assert history["flag_override_reason"] == (REASON, "", lead)
    assert history["flag_source"] == ("", "rule", lead)
    assert [e.entity_id for e in audit.entries(db, viewer=COMMAND_LINE, action="call.reflag")] == [str(rec.id)]
    assert rec.id in log_ids(db, replace(EVERYTHING, without_case=True), viewer_id=lead)
    assert rec.id not in log_ids(db, replace(EVERYTHING, flag_cleared=True), viewer_id=lead)
    assert mark_reviewed(db, [rec.id], by_user_id=lead) == 1  # nothing left to decide


def test_reflag_refuses_what_has_no_cleared_flag(rw):
    """A call flagged already, or never required, or missing, cannot be re-flagged."""
    db, recs, lead = rw
    flagged = next(r for r in recs.values() if r.call.flagged)
    never = next(r for r in recs.values() if r.call.case_need != "required" and not r.call.flagged)
    for rec in (flagged, never):
        with pytest.raises(StoreError):
            reflag(db, rec.id, by_user_id=lead)
        assert get_call(db, rec.id, viewer_id=lead).version == 1
    with pytest.raises(NotFoundError):
        reflag(db, 10**9, by_user_id=lead)




def test_export_rows_follow_the_log(log_db):
    """The export holds the filtered calls in the log's order, with the table's values and the call's texts."""
    db, recs, lead = log_db
    by_id = {r.id: r for r in recs}
    f = replace(EVERYTHING, outcome="substantive", sort="duration_s", descending=True)
    rows = list(export_rows(db, f, viewer_id=lead))
    assert [row["id"] for row in rows] == log_ids(db, f, viewer_id=lead)
    for row in rows:
        rec = by_id[row["id"]]
        assert row["operator"] == rec.operator_name
        assert row["categories"] == " ".join(sorted(rec.call.categories))
        assert row["case_numbers"] == ", ".join(rec.case_numbers)
        assert row["children"] == len(rec.call.children)
        assert (row["summary"], row["caller_name"], row["phone_raw"]) == (
            rec.call.summary,
            rec.call.caller_name,
            rec.call.phone_raw,
        )
        assert row["flagged"] is rec.call.flagged and row["reviewed"] is rec.reviewed
        assert row["started_at"].tzinfo is not None
