"""The daily log's search says why each call matched: the matched words of its texts, and whether its number."""

from __future__ import annotations

from datetime import timedelta

from hotline.core.daily_log import LogFilter
from hotline.core.models import Child
from hotline.core.places import ward_name, wards_of
from hotline.store.calls import save_call
from hotline.store.daily_log import log_rows

WARD = wards_of(91)[0][0]


def search(db, lead_id, t0, text):
    return log_rows(db, LogFilter(t0 - timedelta(hours=1), t0 + timedelta(hours=1), text=text), viewer_id=lead_id)


def marked(snippet) -> list[str]:
    return [text for text, matched in snippet.parts if matched]


def test_a_search_row_carries_the_snippets_of_the_texts_that_matched(db, lead_id, make_call, t0):
    """'dao' matches the caller's name; the child's ward by its name; the summary is always on the row."""
    save_call(db, make_call(caller_name="Nguyễn Văn Đào", summary="Hỏi về tư vấn pháp lý.", phone_raw="0912 345 678",
                            children=[Child(name="Bé Na", ward_code=WARD)]))  # fmt: skip
    [row] = search(db, lead_id, t0, "dao")
    assert row.summary == "Hỏi về tư vấn pháp lý."
    assert [(s.field, marked(s)) for s in row.matches] == [("caller_name", ["Đào"])]
    assert not row.phone_matched
    word = ward_name(WARD).split()[-1]
    [row] = search(db, lead_id, t0, word)
    assert row.matches[0].field == "ward" and row.matches[0].text == ward_name(WARD)


def test_a_number_searched_for_marks_the_phone(db, lead_id, make_call, t0):
    """'345 678' finds the call by its number and says so; a search by words leaves the number unmarked."""
    save_call(db, make_call(summary="Trẻ bị đánh.", phone_raw="0912 345 678"))
    [row] = search(db, lead_id, t0, "345 678")
    assert row.phone_matched and row.matches == ()
    [row] = search(db, lead_id, t0, "danh")
    assert not row.phone_matched
    assert [(s.field, marked(s)) for s in row.matches] == [("summary", ["đánh"])]


def test_without_a_search_no_snippet_is_made(db, lead_id, make_call, t0):
    """The plain log reads no extra texts: no snippets, the summary only."""
    save_call(db, make_call(caller_name="Nguyễn Văn Đào", summary="Trẻ bị đánh."))
    [row] = search(db, lead_id, t0, "")
    assert row.matches == () and row.summary == "Trẻ bị đánh."
