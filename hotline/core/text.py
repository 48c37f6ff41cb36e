"""Accent-insensitive text folding for search and filtering (DESIGN §5 "Text")."""

from __future__ import annotations

import re
import unicodedata

# đ is a letter of its own, not d + a combining mark, so NFD leaves it alone (and so does SQLite's
# remove_diacritics): map it by hand. ð (eth, the lower case of Ð U+00D0) is mapped too because text
# converted from the old VNI/TCVN3 encodings often carries Ð where Đ was meant.
_D_MAP = str.maketrans({"đ": "d", "ð": "d"})

# Letters and digits: the characters SQLite FTS5's unicode61 tokenizer keeps inside a token.
_TOKEN_RE = re.compile(r"[^\W_]+")


def fold(text: str) -> str:
    """Lower-case ``text`` without accents: 'Đào' → 'dao', 'ĐƯỜNG' → 'duong', 'Xâm hại' → 'xam hai'."""
    decomposed = unicodedata.normalize("NFD", text)
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    # casefold before mapping đ so that Đ (which casefolds to đ) needs no entry of its own
    return bare.casefold().translate(_D_MAP)


def search_tokens(text: str) -> list[str]:
    """The folded words of ``text``, split the way FTS5 unicode61 splits them (for building safe queries)."""
    return _TOKEN_RE.findall(fold(text))
