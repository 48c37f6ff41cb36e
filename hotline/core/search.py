"""Folded search text for a call, and safe FTS5 queries from whatever a person types."""

from __future__ import annotations

import re
from collections.abc import Iterable

from hotline.core.models import Call
from hotline.core.phones import normalize_phone
from hotline.core.places import ward_name
from hotline.core.text import search_tokens

#: Words of a query beyond this are ignored: a pasted page would otherwise make FTS5 work for seconds.
MAX_QUERY_TOKENS = 24
#: Shortest phone fragment worth indexing: "345 678" must find "0912 345 678".
MIN_PHONE_FRAGMENT = 3
# digit groups typed with separators ("0912 345 678", "0912.345.678") are one number
_DIGIT_GROUPS = re.compile(r"(?<=\d)[\s.\-()]+(?=\d)")


def phone_tokens(digits: str) -> list[str]:
    """Every suffix of the national digits, so a prefix query on any part of the number matches."""
    if len(digits) < MIN_PHONE_FRAGMENT:
        return [digits] if digits else []
    return [digits[i:] for i in range(len(digits) - MIN_PHONE_FRAGMENT + 1)]


def build_search_text(call: Call) -> str:
    """The folded text indexed for a call: names, summary, action, places, and the phone's digits."""
    parts: list[str] = [call.caller_name, call.summary, call.action_taken]
    for child in call.children:
        parts += [child.name, child.address, child.carer, ward_name(child.ward_code)]
    digits = normalize_phone(call.phone_raw).digits if call.phone_raw else ""
    return compose_search_text(parts, digits)


def compose_search_text(texts: Iterable[str], phone_digits: str) -> str:
    """The folded words of the texts followed by the phone's suffix tokens (shared by the store and the demo).

    Only the words a query can be made of are indexed: FTS5's unicode61 knows Unicode 6.1 and takes every later
    character (most emoji: 🥺, 🤦) as part of a word, so "🥺em" indexed as it is would never be found by "em".
    """
    text = " ".join(search_tokens(" ".join(t for t in texts if t)))
    return " ".join([text, *phone_tokens(phone_digits)]).strip()


def _query_tokens(text: str) -> Iterable[str]:
    joined = _DIGIT_GROUPS.sub("", text)
    for token in search_tokens(joined):
        if token.isdigit() and len(token) >= 9:
            # a whole number typed as +84…, 84… or an old 11-digit form: search its national form
            info = normalize_phone(token if not token.startswith("84") else "+" + token)
            if info.usable and info.digits:
                token = info.digits
        yield token


def build_fts_query(text: str) -> str | None:
    """An FTS5 MATCH expression in which every typed word is a quoted prefix; None when nothing to find.

    Quoting every token means `"`, `*`, `-`, `NEAR(` and the like are only ever text, never syntax.
    """
    tokens = list(dict.fromkeys(_query_tokens(text or "")))[:MAX_QUERY_TOKENS]
    if not tokens:
        return None
    return " ".join(f'"{t}"*' for t in tokens)
