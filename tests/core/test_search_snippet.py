"""Why a search matched: the matched words of a call's texts, in their own accents, in a short window."""

from __future__ import annotations

from hotline.core.search import match_snippets, phone_matches


def words(snippet) -> list[str]:
    return [text for text, matched in snippet.parts if matched]


def test_words_typed_without_accents_are_marked_in_the_accented_text():
    """'nguyen van dao' marks "Nguyễn", "Văn", "Đào" of the caller's name, as written."""
    [snippet] = match_snippets("nguyen van dao", [("caller_name", "Nguyễn Văn Đào")])
    assert snippet.field == "caller_name"
    assert words(snippet) == ["Nguyễn", "Văn", "Đào"]
    assert "".join(text for text, _ in snippet.parts) == "Nguyễn Văn Đào"


def test_a_prefix_matches_as_the_search_does():
    """'duon' marks "đường" (every typed word is a prefix, as in the full-text search)."""
    [snippet] = match_snippets("duon", [("summary", "Bé ở đầu đường, gần chợ.")])
    assert words(snippet) == ["đường"]


def test_a_match_deep_in_a_long_summary_is_brought_into_the_window():
    """A match 300 characters into a summary starts the window near it, with an ellipsis before."""
    summary = "Người gọi kể chuyện nhà cửa. " * 10 + "Bé bị đánh bằng roi mây mỗi tối."
    [snippet] = match_snippets("roi may", [("summary", summary)], width=60)
    shown = "".join(text for text, _ in snippet.parts)
    assert shown.startswith("…")
    assert words(snippet) == ["roi", "mây"]
    assert shown.index("roi") < 30


def test_fields_with_more_matched_words_come_first_and_unmatched_fields_are_left_out():
    """'long xuyen dao': the ward (two words) before the caller (one); the summary, unmatched, is not shown."""
    snippets = match_snippets(
        "long xuyen dao",
        [("summary", "Hỏi về tư vấn."), ("caller_name", "Trần Đào"), ("commune", "Phường Long Xuyên")],
    )
    assert [s.field for s in snippets] == ["commune", "caller_name"]


def test_nothing_typed_or_nothing_matched_gives_nothing():
    """An empty query and a query matching no text give no snippet."""
    assert match_snippets("", [("summary", "Bé bị đánh.")]) == ()
    assert match_snippets("xyz", [("summary", "Bé bị đánh.")]) == ()


def test_phone_digits_match_as_the_index_does():
    """'345 678' and '+84 912 345 678' match the number 0912 345 678; '999' does not; words are not digits."""
    assert phone_matches("345 678", "0912 345 678")
    assert phone_matches("+84 912 345 678", "0912 345 678")
    assert not phone_matches("999", "0912 345 678")
    assert not phone_matches("dao", "0912 345 678")
