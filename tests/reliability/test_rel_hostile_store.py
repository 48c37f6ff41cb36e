"""Hostile input through the store: every value is stored and read back (texts in NFC) or refused clearly."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from hotline.core.daily_log import LogFilter
from hotline.core.models import Call, Child
from hotline.core.phones import normalize_phone
from hotline.core.search import MAX_QUERY_TOKENS
from hotline.core.text import search_tokens
from hotline.core.timeutil import EPOCH, VN_TZ, local_range_bounds
from hotline.store import calls, daily_log, search, users
from hotline.store.access import COMMAND_LINE
from hotline.store.db import StoreError, open_database

# Written out here rather than imported from the store: the documented limits (DESIGN §5, store.calls).
YEARS = (1900, 2199)
MAX_AGE = 120
MAX_INT = 2**31 - 1
FREE_TEXT = (
    "phone_raw",
    "caller_name",
    "summary",
    "action_taken",
    "help_before",
    "incident_place",
    "flag_override_reason",
    "review_note",
)
#: What every call with content carries (docs/law.md): a chosen risk and 111's service level.
REPORT = {"risk": "medium", "service_level": "intervention"}
CHILD_TEXT = ("name", "address", "carer")
DIGIT_GROUPS = re.compile(r"\d[\W_]*\d")

NFD_NAME = unicodedata.normalize("NFD", "Nguyễn Thị Hồng Đào, ấp Mỹ Hòa Hưng")
HOSTILE = [
    "👨‍👩‍👧‍👦",  # a family: four emoji joined by zero-width joiners
    "👍🏽🤦🏿‍♀️",  # skin tones
    "🏳️‍🌈",
    "مرحبا بالعالم",  # Arabic, right to left
    "שלום",  # Hebrew
    "\u202eevil\u202c",  # right-to-left override
    "\u200b\u200c\u200d\ufeff\u2060",  # zero-width characters
    "\x00",
    "a\x00b",
    "\x01\x07\x08\x1b\x7f\x9f",
    "\t\r\n\x0b\x0c\x1c\x1d\x1e\x1f\x85\u2028\u2029",
    NFD_NAME,
    unicodedata.normalize("NFC", NFD_NAME),
    "e\u0301\u0302\u0323\u0309",  # stacked combining marks
    "Z̷̧̛̖͉̞̈́͌a̸̢͚̓l̵͖̈g̶̢̛o̵̥͋",
    "'; DROP TABLE calls; --",
    '" OR 1=1 --',
    "Robert'); DELETE FROM call_children; --",
    "NEAR(a b, 2)",
    "nguyen*",
    "^dao",
    "search_text:dao",
    "{search_text summary}: x",
    "a AND b OR NOT c",
    "((a",
    "a))",
    '"',
    '""',
    "*",
    "-",
    "+",
    ":",
    "9" * 40,
    "+84 " + "9" * 40,
    "Đ đ Ð ð",
    "İıﬀﬃ ß ẞ",
    "１２３ ＋８４",
    "\U000e0041\U000f0000\U0010ffff",  # tag and private-use planes
    "\ufffd\ufffe\uffff",
]
LONE_SURROGATES = st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF)

fragment = st.one_of(st.sampled_from(HOSTILE), st.text(max_size=12))
# few draws per field: generating, not storing, is what an example costs
hostile_text = st.one_of(fragment, st.tuples(fragment, fragment).map("".join))
#: Numbers and times a call may hold, edges included; the bad ones are drawn apart (BAD_NUMBER, BAD_TIME).
age = st.none() | st.integers(0, MAX_AGE)
code = st.none() | st.integers(0, MAX_INT)
moment = st.one_of(
    st.datetimes(min_value=datetime(2020, 1, 1), max_value=datetime(2030, 1, 1), timezones=st.just(UTC)),
    st.datetimes(
        min_value=datetime(1900, 1, 2), max_value=datetime(2199, 12, 31), timezones=st.sampled_from([UTC, VN_TZ])
    ),
)
BAD_NUMBER = st.one_of(
    st.just(10**40), st.just(-(10**40)), st.integers(max_value=-1), st.integers(min_value=MAX_INT + 1)
)
BAD_TIME = st.one_of(
    st.datetimes(max_value=datetime(1899, 12, 31), timezones=st.just(UTC)),  # year 1 …
    st.datetimes(min_value=datetime(2200, 1, 2), timezones=st.sampled_from([UTC, VN_TZ])),  # … to 9999
)
#: What one example breaks, if anything: half of them store a call with every field hostile but storable.
BREAKS = ("nothing", "nothing", "nothing", "surrogate", "number", "time")


@st.composite
def hostile_calls(draw, operator_id: int) -> Call:
    """A call whose every typed field (texts, numbers, times) is hostile, and in half the examples one field that
    must be refused: a lone surrogate, a number out of range (40 digits …) or a time outside 1900–2199.

    The fields chosen from lists (sex, risk …) come from combo boxes and stay fixed: each draw costs time, and
    they are not typed."""
    children = [
        Child(name=draw(hostile_text), age=draw(age), province_code=draw(code), ward_code=draw(code),
              address=draw(hostile_text), carer=draw(hostile_text), special_circumstances=["disability"])
        for _ in range(draw(st.integers(0, 2)))
    ]  # fmt: skip
    call = Call(
        line="111", started_at=draw(moment), operator_id=operator_id, ended_at=draw(st.none() | moment),
        duration_s=draw(st.integers(0, 3600) | st.integers(0, MAX_INT)), referrals=["commune"],
        categories=["counselling.mental_health", "abuse.violence"], children=children,
        safety_due=draw(st.none() | moment), plan_due=draw(st.none() | moment),
        **REPORT, **{name: draw(hostile_text) for name in FREE_TEXT},
    )  # fmt: skip
    # the abuse report's flag is cleared with the hostile reason: a blank one must be refused (docs/law.md)
    broken = draw(st.sampled_from(BREAKS))
    if broken == "surrogate":
        call = _with_surrogate(call, draw(st.sampled_from([*FREE_TEXT, *(f"child.{n}" for n in CHILD_TEXT)])),
                               draw(LONE_SURROGATES), draw(st.integers(0, 100)))  # fmt: skip
    elif broken == "number":
        field = draw(st.sampled_from(("duration_s", "age", "province_code", "ward_code")))
        bad = draw(BAD_NUMBER) if field != "age" else draw(BAD_NUMBER | st.integers(MAX_AGE + 1, MAX_INT))
        if field == "duration_s":
            call = replace(call, duration_s=bad)
        else:
            children = call.children or [Child()]
            call = replace(call, children=[replace(children[0], **{field: bad}), *children[1:]])
    elif broken == "time":
        call = replace(
            call, **{draw(st.sampled_from(("started_at", "ended_at", "safety_due", "plan_due"))): draw(BAD_TIME)}
        )
    return call


def _with_surrogate(call: Call, field: str, char: str, where: int) -> Call:
    def put(text: str) -> str:
        at = min(where, len(text))
        return text[:at] + char + text[at:]

    if not field.startswith("child."):
        return replace(call, **{field: put(getattr(call, field))})
    name = field.removeprefix("child.")
    children = call.children or [Child()]
    return replace(call, children=[replace(children[0], **{name: put(getattr(children[0], name))}), *children[1:]])


def refusal_expected(call: Call) -> bool:
    """The documented rule: a lone surrogate anywhere, a number outside its range, a time outside the years."""
    texts = [getattr(call, n) for n in FREE_TEXT] + [getattr(c, n) for c in call.children for n in CHILD_TEXT]
    if any(0xD800 <= ord(ch) <= 0xDFFF for text in texts for ch in text):
        return True
    about_a_child = not call.children or any(c.group != "adult" for c in call.children if c.age is None or c.age >= 0)
    if about_a_child and not call.flagged and not call.flag_override_reason.strip():
        return True  # the abuse report's rule flag cleared without a written reason (docs/law.md)
    numbers = [call.duration_s] + [n for c in call.children for n in (c.province_code, c.ward_code) if n is not None]
    if any(not 0 <= n <= MAX_INT for n in numbers):
        return True
    if any(c.age is not None and not 0 <= c.age <= MAX_AGE for c in call.children):
        return True
    times = [t for t in (call.started_at, call.ended_at, call.safety_due, call.plan_due) if t is not None]
    first, after_last = datetime(YEARS[0], 1, 1, tzinfo=UTC), datetime(YEARS[1] + 1, 1, 1, tzinfo=UTC)
    return any(not first <= t < after_last for t in times)


def whole_ms(moment: datetime | None) -> datetime | None:
    """In UTC: an ambiguous local time (Vietnam changed offsets in 1955, 1959, 1975) never compares equal across
    zones (PEP 495), though it stands for one instant."""
    if moment is None:
        return None
    return moment.astimezone(UTC).replace(microsecond=moment.microsecond // 1000 * 1000)


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def assert_stored_as_given(stored: Call, given_call: Call) -> None:
    """What was read back is what was given: texts in NFC, times to the millisecond, numbers exactly."""
    for name in FREE_TEXT:
        # a reason to clear a flag is kept only while the rule's flag stays cleared
        expected = "" if name == "flag_override_reason" and given_call.flagged else nfc(getattr(given_call, name))
        assert getattr(stored, name) == expected, name
    assert stored.phone_e164 == normalize_phone(nfc(given_call.phone_raw)).e164
    for name in ("started_at", "ended_at"):  # the clocks are the store's own (tests/store/test_call_rules.py)
        assert getattr(stored, name) == whole_ms(getattr(given_call, name)), name
    assert stored.duration_s == given_call.duration_s
    assert stored.referrals == given_call.referrals
    assert stored.categories == sorted(given_call.categories)
    assert len(stored.children) == len(given_call.children)
    for back, child in zip(stored.children, given_call.children, strict=True):
        assert [getattr(back, n) for n in CHILD_TEXT] == [nfc(getattr(child, n)) for n in CHILD_TEXT]
        assert (back.sex, back.age, back.age_band, back.province_code, back.ward_code) == (
            child.sex, child.age, child.age_band, child.province_code, child.ward_code,
        )  # fmt: skip
        assert back.special_circumstances == child.special_circumstances


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    """One database for the module (examples add calls; each checks its own): the operator and the lead."""
    db = open_database(tmp_path_factory.mktemp("hostile") / "hotline.sqlite3")
    operator = users.add_user(db, "tongdai", "Tổng đài", ["operator"], "mat-khau-thu-1", by=COMMAND_LINE)
    lead = users.add_user(db, "truongca", "Trưởng ca", ["shift_lead", "operator"], "mat-khau-thu-1", by=COMMAND_LINE)
    yield db, operator.id, lead.id
    db.close()


def never_raises_searching(db, lead_id: int, text: str) -> None:
    """Every search entry point answers any text without an error (the call screen, the log, case linking)."""
    search.search_calls(db, text, viewer_id=lead_id, limit=5)
    search.count_matches(db, text, viewer_id=lead_id)
    start, end = local_range_bounds(date.min, date.max)
    daily_log.log_rows(db, LogFilter(start, end, text=text), viewer_id=lead_id, limit=5)
    daily_log.log_count(db, LogFilter(start, end, text=text), viewer_id=lead_id)


# one example fills every field at once, so 2,000 examples give 2,000 per field; the database is shared on purpose
@settings(max_examples=2000, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_hostile_call_is_stored_exactly_or_refused(store, data):
    """A call with hostile text, numbers and dates in every field is read back as given (NFC) or refused."""
    db, operator_id, lead_id = store
    call = data.draw(hostile_calls(operator_id))
    before = db.conn.execute("SELECT count(*) FROM calls").fetchone()[0]
    try:
        saved = calls.save_call(db, call)
    except StoreError as exc:
        event("refused")
        assert refusal_expected(call), f"refused a storable call: {exc}"
        assert exc.code.startswith("call.") and str(exc)
        assert db.conn.execute("SELECT count(*) FROM calls").fetchone()[0] == before
        return
    event("stored")
    assert not refusal_expected(call), "stored a call that must be refused"
    assert_stored_as_given(calls.get_call(db, saved.id, viewer_id=lead_id), call)
    for text in (call.caller_name, call.summary):  # (any text into every search box: test_search_never_raises)
        # a search for a field's own words finds the call, except digit groups, which are read as one phone number
        if search_tokens(text) and not DIGIT_GROUPS.search(text) and len(search_tokens(text)) <= MAX_QUERY_TOKENS:
            found = search.search_calls(db, text, viewer_id=lead_id, limit=1_000)
            assert saved.id in {s.id for s in found}


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_hostile_edit_is_stored_exactly_or_refused(store, data):
    """Editing a stored call into hostile values keeps the old version on a refusal and the new one otherwise."""
    db, operator_id, lead_id = store
    # the review note is the shift lead's (mark_reviewed), never part of an edit
    original = calls.save_call(db, Call(line="111", started_at=datetime.now(UTC), operator_id=operator_id, **REPORT))
    edited = data.draw(hostile_calls(operator_id))
    edited = replace(edited, id=original.id, uuid=original.uuid, version=original.version,
                     started_at=original.started_at, operator_id=operator_id, review_note="")  # fmt: skip
    try:
        calls.update_call(db, edited, user_id=lead_id)
    except StoreError as exc:
        assert refusal_expected(edited), f"refused a storable edit: {exc}"
        assert calls.get_call(db, original.id, viewer_id=lead_id).version == original.version
        return
    assert not refusal_expected(edited), "stored an edit that must be refused"
    assert_stored_as_given(calls.get_call(db, original.id, viewer_id=lead_id), edited)


WHOLE_MS = st.integers(-2_208_988_800_000, 7_258_118_399_999).map(lambda ms: EPOCH + timedelta(milliseconds=ms))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(times=st.tuples(WHOLE_MS, WHOLE_MS, WHOLE_MS))
def test_whole_millisecond_times_come_back_exactly(store, times):
    """Times of 1900–2199 to the millisecond (as the store keeps them) are read back exactly, none 1 ms off."""
    db, operator_id, lead_id = store
    started, ended, reviewed = times
    saved = calls.save_call(db, Call(line="111", started_at=started, ended_at=ended, reviewed_at=reviewed,
                                     operator_id=operator_id, **REPORT))  # fmt: skip
    back = calls.get_call(db, saved.id, viewer_id=lead_id)
    assert (back.started_at, back.ended_at, back.reviewed_at) == times


@settings(max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.one_of(hostile_text, st.text(), st.lists(LONE_SURROGATES | fragment).map("".join)))
def test_search_never_raises(store, text):
    """Whatever is typed into a search box (surrogates and FTS5 syntax too), every search answers, never raises."""
    db, _operator_id, lead_id = store
    never_raises_searching(db, lead_id, text)


@pytest.mark.parametrize(
    ("first", "last"),
    [(date.min, date.max), (date.min, date.min), (date.max, date.max), (date(1752, 9, 14), date(9999, 12, 31))],
)
def test_far_dates_in_the_log_and_search_filters(store, first, last):
    """The daily log's and the search's date filters take any date a date picker offers, 1/1/1 to 31/12/9999."""
    db, operator_id, lead_id = store
    saved = calls.save_call(db, Call(line="111", started_at=datetime(2026, 3, 2, tzinfo=UTC), operator_id=operator_id,
                                     caller_name="Ngày xa", **REPORT))  # fmt: skip
    start, end = local_range_bounds(first, last)
    rows = daily_log.log_rows(db, LogFilter(start, end, text="ngay xa"), viewer_id=lead_id)
    found = search.search_calls(db, "ngay xa", viewer_id=lead_id, start=start, end=end)
    inside = start <= saved.started_at < end
    assert (saved.id in {r.id for r in rows}) == inside
    assert (saved.id in {s.id for s in found}) == inside


def test_one_megabyte_in_every_text_field(store):
    """1 MB of mixed hostile text in every text field at once is stored and read back exactly (NFC)."""
    db, operator_id, lead_id = store
    megabyte = ("".join(HOSTILE) * 10_000)[:1_000_000]
    child = Child(name=megabyte, address=megabyte, carer=megabyte)
    call = Call(line="111", started_at=datetime.now(UTC), operator_id=operator_id, children=[child], **REPORT,
                **{name: megabyte for name in FREE_TEXT})  # fmt: skip
    saved = calls.save_call(db, call)
    assert_stored_as_given(calls.get_call(db, saved.id, viewer_id=lead_id), call)
    # (1 MB typed into a search box: tests/store/test_search.py)
    assert saved.id in {s.id for s in search.search_calls(db, "nguyen thi hong dao", viewer_id=lead_id)}


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("duration_s", 10**40),
        ("duration_s", -1),
        ("started_at", datetime(1, 1, 1, tzinfo=UTC)),
        ("started_at", datetime(9999, 12, 31, 23, 59, tzinfo=UTC)),
        ("plan_due", datetime(2200, 1, 1, tzinfo=UTC)),
        ("summary", "bé bị \udc00 đánh"),
    ],
)
def test_refusals_name_the_field(store, field, value):
    """A refused value gets a StoreError that names the field (in words and as ``field``), never its content."""
    db, operator_id, _lead_id = store
    call = Call(line="111", started_at=datetime(2026, 3, 2, tzinfo=UTC), operator_id=operator_id, summary="bí mật",
                **REPORT)  # fmt: skip
    with pytest.raises(calls.InvalidCallError) as refused:
        calls.save_call(db, replace(call, **{field: value}))
    message = str(refused.value)
    assert refused.value.field == field and field in message
    assert "bí mật" not in message and "bé bị" not in message


def test_forty_digit_child_age_and_place_codes_are_refused(store):
    """A child's age or place code of 40 digits is refused with a clear message, not an OverflowError."""
    db, operator_id, _lead_id = store
    for child in (Child(age=10**40), Child(ward_code=10**40), Child(province_code=-(10**40)), Child(age=121)):
        call = Call(line="111", started_at=datetime(2026, 3, 2, tzinfo=UTC), operator_id=operator_id, children=[child],
                    **REPORT)  # fmt: skip
        with pytest.raises(calls.InvalidCallError) as refused:
            calls.save_call(db, call)
        assert refused.value.code in ("call.age_out_of_range", "call.number_out_of_range")


@settings(max_examples=1000, deadline=None)
@given(raw=st.one_of(st.text(), st.text(alphabet="0123456789 +-.()", max_size=60), st.integers().map(str),
                     st.lists(fragment).map("".join)))  # fmt: skip
def test_phone_numbers_never_raise(raw):
    """Any phone text (40 digits, garbage, surrogates) is classified, never an exception, and kept raw."""
    info = normalize_phone(raw)
    assert info.raw == raw
    assert info.kind in ("mobile", "fixed", "toll_free", "short_code", "withheld", "international", "invalid")
    assert (info.e164 is None) == (info.kind in ("withheld", "invalid"))


def test_forty_digit_phone_is_invalid_not_an_error():
    """A 40-digit number, with or without +84, is kept raw and marked invalid."""
    for raw in ("9" * 40, "+84" + "9" * 40, "0" * 40, "84" + "1" * 38, "00" + "8" * 38):
        assert normalize_phone(raw).kind == "invalid"


def test_local_day_bounds_cover_the_date_pickers_range():
    """The first and last dates a date picker offers give bounds instead of an OverflowError."""
    start, end = local_range_bounds(date.min, date.max)
    assert start <= datetime(1900, 1, 1, tzinfo=UTC) and end >= datetime(9999, 12, 30, tzinfo=UTC)
    assert local_range_bounds(date.max, date.max)[0] < end
    assert local_range_bounds(date.min, date.min)[1] == datetime(1, 1, 1, tzinfo=VN_TZ) + timedelta(days=1)
