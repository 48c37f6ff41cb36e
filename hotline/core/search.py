"""Folded search text for a call, and safe FTS5 queries from whatever a person types."""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from hotline.core.models import Call
from hotline.core.phones import normalize_phone
from hotline.core.places import ward_name
from hotline.core.text import fold, search_tokens

#: Words of a query beyond this are ignored: a pasted page would otherwise make FTS5 work for seconds.
MAX_QUERY_TOKENS = 24
#: Shortest phone fragment worth indexing: "345 678" must find "0912 345 678".
MIN_PHONE_FRAGMENT = 3
# digit groups typed with separators ("0912 345 678", "0912.345.678") are one number
_DIGIT_GROUPS = re.compile(r"(?<=\d)[\s.\-()]+(?=\d)")
# a word as FTS5's unicode61 splits one (letters and digits), over the text as written
_WORD = re.compile(r"[^\W_]+")
_D_MAP = str.maketrans({"đ": "d", "Đ": "D", "ð": "d", "Ð": "D"})  # as core.text.fold: đ is no d + mark
#: A snippet starts about this many characters before its first match, so the words before it give context.
_LEAD = 24


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


@dataclass(frozen=True)
class Snippet:
    """Why a call matched: one of its texts (``field``: 'summary', 'caller_name', …) cut to a window around the
    matched words, as (text, matched) parts in the text's own accents."""

    field: str
    parts: tuple[tuple[str, bool], ...]

    @property
    def text(self) -> str:
        return "".join(text for text, _ in self.parts)


@functools.lru_cache(maxsize=64)
def _word_tokens(text: str) -> tuple[str, ...]:
    """The query's words as the index holds them (digit groups joined, whole numbers in their national form)."""
    return tuple(dict.fromkeys(_query_tokens(text or "")))[:MAX_QUERY_TOKENS]


def phone_matches(query: str, phone_raw: str) -> bool:
    """Whether a digit word of the query is part of the phone's national digits (the index holds every suffix)."""
    numbers = [t for t in _word_tokens(query) if t.isdigit()]
    if not numbers or not phone_raw:
        return False
    digits = normalize_phone(phone_raw).digits or ""
    return any(t in digits for t in numbers)


def match_snippets(query: str, texts: Sequence[tuple[str, str]], *, width: int = 90) -> tuple[Snippet, ...]:
    """The texts that hold words of ``query``, most matched words first (then in the order given), each cut to
    about ``width`` characters beginning a little before its first match.

    A word matches as the full-text search matches it: folded (no accents, đ → d), starting with a typed word.
    """
    return _match_snippets(query, tuple(texts), width)


@functools.lru_cache(maxsize=1024)  # a painted row asks again at every repaint
def _match_snippets(query: str, texts: tuple[tuple[str, str], ...], width: int) -> tuple[Snippet, ...]:
    tokens = [t for t in _word_tokens(query) if not t.isdigit()] or _word_tokens(query)
    if not tokens:
        return ()
    ascii_tokens = all(t.isascii() for t in tokens)
    prefixes = tuple(tokens)  # str.startswith takes them all at once
    found = []
    for order, (field_name, text) in enumerate(texts):
        if not text:
            continue
        if ascii_tokens:  # most texts of a row hold no word searched for: skip them without looking at each word
            folded = _ascii_fold(text)
            if not any(t in folded for t in tokens):
                continue
        text = " ".join(unicodedata.normalize("NFC", text).split())  # one line, composed accents
        spans = [m.span() for m in _WORD.finditer(text) if _fold_word(m.group()).startswith(prefixes)]
        if spans:
            matched = {t for t in tokens for a, b in spans if _fold_word(text[a:b]).startswith(t)}
            found.append((-len(matched), order, field_name, text, spans))
    return tuple(Snippet(name, _window(text, spans, width)) for _, _, name, text, spans in sorted(found))


def _ascii_fold(text: str) -> str:
    """fold() for a quick test of ASCII words: every letter that does not fold to ASCII is dropped (C speed)."""
    decomposed = unicodedata.normalize("NFD", text).translate(_D_MAP).casefold()
    return decomposed.encode("ascii", "ignore").decode("ascii")


@functools.lru_cache(maxsize=8192)
def _fold_word(word: str) -> str:
    """fold() of one word, remembered: the same few thousand words make up most summaries."""
    return fold(word)


def _window(text: str, spans: list[tuple[int, int]], width: int) -> tuple[tuple[str, bool], ...]:
    """``text`` from a few words before its first match to about ``width`` characters on, matches marked."""
    first = spans[0][0]
    start = 0
    if first > _LEAD:  # from the first word boundary of the lead (mid-word when a long token has none)
        space = text.find(" ", first - _LEAD, first)
        start = space + 1 if space != -1 else first - _LEAD // 2
    end = len(text) if len(text) - start <= width else text.find(" ", start + width)
    end = len(text) if end == -1 else max(end, spans[0][1])
    parts: list[tuple[str, bool]] = [("…", False)] if start > 0 else []
    at = start
    for a, b in spans:
        if b <= start or a >= end:
            continue
        if a > at:
            parts.append((text[at:a], False))
        parts.append((text[a:b], True))
        at = b
    if at < end:
        parts.append((text[at:end], False))
    if end < len(text):
        parts.append((" …", False))
    return tuple(parts)
