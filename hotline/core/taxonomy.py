"""The two-level call categories (DESIGN §5), read from resources/taxonomy.json and searchable without accents."""

from __future__ import annotations

import functools
import importlib.resources
import json
import re
from collections.abc import Collection
from dataclasses import dataclass
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

from hotline.core.text import search_tokens

LANGS = ("vi", "en")

_GROUP_CODE_RE = re.compile(r"[a-z][a-z0-9_]*")
_CATEGORY_CODE_RE = re.compile(r"[a-z][a-z0-9_]*\.[a-z][a-z0-9_]*")


class TaxonomyError(ValueError):
    """A taxonomy file that cannot be used; the message names the file and the entry at fault."""


@dataclass(frozen=True)
class Category:
    code: str
    group: str
    label_vi: str
    label_en: str
    sort: int  # position in the list, 1-based across all groups: the order lists show
    #: False once an administrator retires it: no longer offered for new calls, still named on old ones
    active: bool = True

    def label(self, lang: str = "vi") -> str:
        return self.label_en if lang == "en" else self.label_vi


@dataclass(frozen=True)
class CategoryGroup:
    code: str
    label_vi: str
    label_en: str
    categories: tuple[Category, ...]

    def label(self, lang: str = "vi") -> str:
        return self.label_en if lang == "en" else self.label_vi


class Taxonomy:
    """All groups and categories, in file order, with lookup by code and accent-insensitive filtering."""

    def __init__(self, groups: tuple[CategoryGroup, ...]):
        self.groups = tuple(groups)
        self.categories = tuple(c for g in self.groups for c in g.categories)
        self._by_code = {c.code: c for c in self.categories}
        self._groups_by_code = {g.code: g for g in self.groups}
        # Folded words per category, computed once: filter() runs on every key press of a live call.
        self._words: dict[str, tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...], str]] = {}
        for c in self.categories:
            g = self._groups_by_code[c.group]
            self._words[c.code] = (
                tuple(search_tokens(c.label_vi)),
                tuple(search_tokens(c.label_en)),
                tuple(search_tokens(c.code)),
                " ".join(search_tokens(f"{g.label_vi} {g.label_en}")),
            )

    def __contains__(self, code: object) -> bool:
        return code in self._by_code

    def __iter__(self):
        return iter(self.categories)

    def __len__(self) -> int:
        return len(self.categories)

    def get(self, code: str) -> Category | None:
        return self._by_code.get(code)

    def group(self, group_code: str) -> CategoryGroup | None:
        return self._groups_by_code.get(group_code)

    def label(self, code: str, lang: str = "vi") -> str:
        """The category's label; the bare code when the category is unknown (e.g. retired from the file)."""
        category = self._by_code.get(code)
        return category.label(lang) if category else code

    def group_label(self, group_code: str, lang: str = "vi") -> str:
        group = self._groups_by_code.get(group_code)
        return group.label(lang) if group else group_code

    def filter(self, text: str, lang: str = "vi") -> list[Category]:
        """Active categories matching every word typed, accents ignored; empty text gives all active ones.

        A typed word matches when it starts a word of the Vietnamese label, the English label or the code,
        or occurs inside them, or inside the group's labels (so 'tu van' lists the counselling topics).
        Best matches first, then file order: words that all start words of the label in ``lang``,
        then words that all start words of any label or the code, then the looser matches.
        """
        tokens = search_tokens(text)
        if not tokens:
            return [category for category in self.categories if category.active]
        ranked = []
        for category in self.categories:
            if not category.active:
                continue  # a retired category is never offered for a new call
            rank = self._match_rank(category, tokens, lang)
            if rank is not None:
                ranked.append((rank, category.sort, category))
        ranked.sort(key=lambda item: item[:2])
        return [category for _, _, category in ranked]

    def _match_rank(self, category: Category, tokens: list[str], lang: str) -> int | None:
        words_vi, words_en, words_code, group_text = self._words[category.code]
        own_label = words_en if lang == "en" else words_vi
        own_words = words_vi + words_en + words_code

        def starts_a_word(words: tuple[str, ...]) -> bool:
            return all(any(w.startswith(t) for w in words) for t in tokens)

        if starts_a_word(own_label):
            return 0
        if starts_a_word(own_words):
            return 1
        haystack = " ".join(own_words) + " " + group_text
        if all(t in haystack for t in tokens):
            return 2
        return None

    def to_dict(self) -> dict[str, Any]:
        """The JSON shape of the file (for an administrator's editor to save back)."""
        return {
            "groups": [
                {
                    "code": g.code,
                    "label_vi": g.label_vi,
                    "label_en": g.label_en,
                    "categories": [
                        {"code": c.code, "label_vi": c.label_vi, "label_en": c.label_en} for c in g.categories
                    ],
                }
                for g in self.groups
            ]
        }


#: Longest name part of a code made from a label (the code is stored with every call: keep it short).
MAX_CODE_NAME = 40


def make_category_code(group_code: str, label_en: str, taken: Collection[str] = ()) -> str:
    """A new category's code, made once from its group and English label: ``abuse`` + "Online grooming" →
    ``abuse.online_grooming``; ``_2``, ``_3``… when the code is taken (codes are never reused)."""
    if not _GROUP_CODE_RE.fullmatch(group_code):
        raise ValueError(f"not a group code: {group_code!r}")
    name = "_".join(search_tokens(label_en))
    name = re.sub(r"[^a-z0-9_]+", "", name)  # folded letters outside a–z (e.g. Greek, CJK) leave no trace
    name = re.sub(r"_+", "_", name).strip("_")[:MAX_CODE_NAME].rstrip("_")
    if not name[:1].isalpha():
        name = f"c_{name}".rstrip("_") if name else "category"
    code, number = f"{group_code}.{name}", 1
    taken = set(taken)
    while code in taken:
        number += 1
        code = f"{group_code}.{name}_{number}"
    return code


def parse_taxonomy(data: Any, source: str = "taxonomy") -> Taxonomy:
    """Check and build a taxonomy from the file's JSON shape; ``source`` names the file in error messages."""
    if not isinstance(data, dict) or not isinstance(data.get("groups"), list):
        raise TaxonomyError(f"{source}: expected an object with a list 'groups'")
    groups: list[CategoryGroup] = []
    seen: set[str] = set()
    sort = 0
    for gi, raw_group in enumerate(data["groups"], start=1):
        where = f"{source}: group {gi}"
        group_code = _field(raw_group, "code", where)
        where = f"{source}: group {gi} '{group_code}'"
        if not _GROUP_CODE_RE.fullmatch(group_code):
            raise TaxonomyError(f"{where}: code must be lower-case letters, digits and '_'")
        if group_code in seen:
            raise TaxonomyError(f"{where}: duplicate code '{group_code}'")
        seen.add(group_code)
        label_vi = _field(raw_group, "label_vi", where)
        label_en = _field(raw_group, "label_en", where)
        raw_categories = raw_group.get("categories")
        if not isinstance(raw_categories, list) or not raw_categories:
            raise TaxonomyError(f"{where}: 'categories' must be a non-empty list")
        categories: list[Category] = []
        for ci, raw in enumerate(raw_categories, start=1):
            code = _field(raw, "code", f"{source}: group {gi}, category {ci}")
            at = f"{source}: group {gi}, category '{code}'"
            if not _CATEGORY_CODE_RE.fullmatch(code):
                raise TaxonomyError(f"{at}: code must look like 'group.name' in lower-case letters, digits and '_'")
            if code.split(".", 1)[0] != group_code:
                raise TaxonomyError(f"{at}: code must start with its group's code '{group_code}.'")
            if code in seen:
                raise TaxonomyError(f"{at}: duplicate code")
            seen.add(code)
            sort += 1
            categories.append(
                Category(code, group_code, _field(raw, "label_vi", at), _field(raw, "label_en", at), sort)
            )
        groups.append(CategoryGroup(group_code, label_vi, label_en, tuple(categories)))
    return Taxonomy(tuple(groups))


def _field(raw: Any, key: str, where: str) -> str:
    if not isinstance(raw, dict):
        raise TaxonomyError(f"{where}: expected an object")
    if key not in raw:
        raise TaxonomyError(f"{where}: missing '{key}'")
    value = raw[key]
    if not isinstance(value, str) or not value.strip():
        raise TaxonomyError(f"{where}: '{key}' must be a non-empty text")
    return value.strip()


def _read(resource: Traversable | Path, source: str) -> Taxonomy:
    try:
        text = resource.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise TaxonomyError(f"{source}: cannot read: {exc}") from exc
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise TaxonomyError(f"{source}: not valid JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}") from exc
    return parse_taxonomy(data, source)


def _default_resource() -> Traversable | Path:
    """The shipped taxonomy.json: inside the installed package, else in the source checkout's resources/."""
    try:
        resource = importlib.resources.files("hotline.resources") / "taxonomy.json"
        if resource.is_file():
            return resource
    except (ModuleNotFoundError, TypeError):
        pass  # a source checkout: resources/ only becomes the package hotline.resources when installed
    return Path(__file__).resolve().parents[2] / "resources" / "taxonomy.json"


@functools.lru_cache(maxsize=1)
def _default_taxonomy() -> Taxonomy:
    resource = _default_resource()
    return _read(resource, str(resource))


def load_taxonomy(path: str | Path | None = None) -> Taxonomy:
    """The taxonomy in ``path``; without one the shipped file, read once and cached."""
    if path is None:
        return _default_taxonomy()
    path = Path(path)
    return _read(path, str(path))
