"""The call categories the administrator keeps (DESIGN §5): labels, order, retirement; a code never changes.

The ``categories`` table (seeded from resources/taxonomy.json) is the list every screen and report reads, so a
renamed category shows its new name on old calls and a retired one is no longer offered for new calls. The
shipped file still gives the groups: their labels and their order.
"""

from __future__ import annotations

import unicodedata

import sqlite_utils

from hotline.core import permissions
from hotline.core.taxonomy import Category, CategoryGroup, Taxonomy, TaxonomyError, make_category_code
from hotline.core.taxonomy import load_taxonomy as load_shipped_taxonomy
from hotline.core.text import fold
from hotline.core.wording import QT_TRANSLATE_NOOP
from hotline.store import access, audit
from hotline.store.db import NotFoundError, StoreError, write

#: Longest label kept: a category is named in a tree, a table cell and a printed form.
MAX_LABEL = 120

_SELECT = "SELECT code, group_code, label_vi, label_en, sort, active FROM categories"


class CategoryError(StoreError):
    """A category could not be added or changed (the code and the message say why)."""


def _shipped() -> Taxonomy | None:
    try:
        return load_shipped_taxonomy()
    except TaxonomyError:
        return None  # the groups then show their codes: the calls and their categories still work


def load_taxonomy(db: sqlite_utils.Database) -> Taxonomy:
    """Every category in the table, active and retired, in the administrator's order, grouped as the shipped
    file groups them. ``Taxonomy.filter`` offers only the active ones; ``label`` and ``get`` know them all."""
    shipped = _shipped()
    rows = db.conn.execute(_SELECT + " ORDER BY sort, code").fetchall()
    group_codes = [g.code for g in shipped.groups] if shipped else []
    group_codes += list(dict.fromkeys(row[1] for row in rows if row[1] not in group_codes))
    by_group: dict[str, list[tuple]] = {code: [] for code in group_codes}
    for row in rows:
        by_group[row[1]].append(row)
    groups, position = [], 0
    for code in group_codes:
        known = shipped.group(code) if shipped else None
        categories = []
        for row in by_group[code]:
            position += 1  # the place in the lists, 1-based: what filter() ranks ties by
            categories.append(Category(row[0], row[1], row[2], row[3], position, bool(row[5])))
        label_vi, label_en = (known.label_vi, known.label_en) if known else (code, code)
        groups.append(CategoryGroup(code, label_vi, label_en, tuple(categories)))
    return Taxonomy(tuple(groups))


def get_category(db: sqlite_utils.Database, code: str) -> Category:
    category = load_taxonomy(db).get(code)
    if category is None:
        raise NotFoundError("category.not_found", QT_TRANSLATE_NOOP("StoreError", "No category '{code}'"), code=code)
    return category


def clean_label(text: str, which: str) -> str:
    """A label as stored: trimmed; refused when empty, too long, or holding control characters. ``which``: the
    label's language code (vi, en), named in the refusal."""
    if not isinstance(text, str):
        raise CategoryError(
            "category.label_not_text",
            QT_TRANSLATE_NOOP("StoreError", "The label ({language}) must be text"),
            language=which,
        )
    label = unicodedata.normalize("NFC", text).strip()
    if not label:
        raise CategoryError(
            "category.label_empty",
            QT_TRANSLATE_NOOP("StoreError", "The label ({language}) must not be empty"),
            language=which,
        )
    if len(label) > MAX_LABEL:
        raise CategoryError(
            "category.label_too_long",
            QT_TRANSLATE_NOOP("StoreError", "The label ({language}) is longer than {length} characters"),
            language=which,
            length=MAX_LABEL,
        )
    if any(unicodedata.category(ch) in ("Cc", "Cs", "Cn", "Co") for ch in label):
        raise CategoryError(
            "category.label_unprintable",
            QT_TRANSLATE_NOOP("StoreError", "The label ({language}) holds characters that cannot be shown"),
            language=which,
        )
    return label


def _labels(label_vi: str, label_en: str) -> tuple[str, str]:
    return clean_label(label_vi, "vi"), clean_label(label_en, "en")


def _refuse_same_name(conn, group_code: str, label_vi: str, label_en: str, code: str | None = None) -> None:
    """Two categories of a group with one name could not be told apart in the picker or a report."""
    rows = conn.execute("SELECT code, label_vi, label_en FROM categories WHERE group_code = ?", [group_code])
    for other, other_vi, other_en in rows:
        if other != code and (fold(other_vi) == fold(label_vi) or fold(other_en) == fold(label_en)):
            raise CategoryError(
                "category.name_taken",
                QT_TRANSLATE_NOOP("StoreError", "This group already has a category of that name ({other})"),
                other=other,
            )


def add_category(
    db: sqlite_utils.Database, group_code: str, label_vi: str, label_en: str, *, by: access.Actor
) -> Category:
    """A new category, last in its group. Its code is made once from the group and the English label and is
    never changed afterwards, whatever the labels become."""
    access.require(db, by, permissions.ADMIN_CATEGORIES)
    label_vi, label_en = _labels(label_vi, label_en)
    shipped = _shipped()
    with write(db) as conn:
        groups = {row[0] for row in conn.execute("SELECT DISTINCT group_code FROM categories")}
        groups |= {g.code for g in shipped.groups} if shipped else set()
        if group_code not in groups:
            raise CategoryError(
                "category.no_group", QT_TRANSLATE_NOOP("StoreError", "No group '{code}'"), code=group_code
            )
        _refuse_same_name(conn, group_code, label_vi, label_en)
        # a code of the shipped file is never given to another category, even after it was deleted here
        taken = {row[0] for row in conn.execute("SELECT code FROM categories")}
        taken |= {c.code for c in shipped.categories} if shipped else set()
        code = make_category_code(group_code, label_en, taken)
        (last,) = conn.execute("SELECT coalesce(max(sort), 0) FROM categories").fetchone()
        conn.execute(
            "INSERT INTO categories(code, group_code, label_vi, label_en, sort, active) VALUES (?, ?, ?, ?, ?, 1)",
            [code, group_code, label_vi, label_en, last + 1],
        )
        audit.append(db, access.actor_id(by), "category.add", "category", code, group_code)
    return get_category(db, code)


def _existing(conn, code: str) -> tuple:
    row = conn.execute(_SELECT + " WHERE code = ?", [code]).fetchone()
    if row is None:
        raise NotFoundError("category.not_found", QT_TRANSLATE_NOOP("StoreError", "No category '{code}'"), code=code)
    return row


def rename_category(
    db: sqlite_utils.Database, code: str, label_vi: str, label_en: str, *, by: access.Actor
) -> Category:
    """New labels; the code stays, so every call already saved with it shows the new name."""
    access.require(db, by, permissions.ADMIN_CATEGORIES)
    label_vi, label_en = _labels(label_vi, label_en)
    with write(db) as conn:
        row = _existing(conn, code)
        _refuse_same_name(conn, row[1], label_vi, label_en, code)
        conn.execute("UPDATE categories SET label_vi = ?, label_en = ? WHERE code = ?", [label_vi, label_en, code])
        audit.append(db, access.actor_id(by), "category.rename", "category", code)
    return get_category(db, code)


def move_category(db: sqlite_utils.Database, code: str, offset: int, *, by: access.Actor) -> Category:
    """Move a category ``offset`` places within its group (negative: up); the ends of the group stop it."""
    access.require(db, by, permissions.ADMIN_CATEGORIES)
    with write(db) as conn:
        group_code = _existing(conn, code)[1]
        rows = conn.execute(
            "SELECT code, sort FROM categories WHERE group_code = ? ORDER BY sort, code", [group_code]
        ).fetchall()
        codes = [row[0] for row in rows]
        old = codes.index(code)
        new = max(0, min(len(codes) - 1, old + int(offset)))
        if new != old:
            codes.insert(new, codes.pop(old))
            # the group keeps its own sort numbers, so its place among the other groups' rows is unchanged
            slots = sorted(row[1] for row in rows)
            if len(set(slots)) != len(slots):  # equal numbers (an old hand-edited table) could not order it
                slots = list(range(slots[0], slots[0] + len(slots)))
            for slot, moved in zip(slots, codes, strict=True):
                conn.execute("UPDATE categories SET sort = ? WHERE code = ?", [slot, moved])
            audit.append(db, access.actor_id(by), "category.move", "category", code, str(new - old))
    return get_category(db, code)


def set_category_active(db: sqlite_utils.Database, code: str, active: bool, *, by: access.Actor) -> Category:
    """Retire a category (no longer offered for new calls; old calls keep and show it) or bring it back."""
    access.require(db, by, permissions.ADMIN_CATEGORIES)
    with write(db) as conn:
        row = _existing(conn, code)
        if bool(row[5]) != bool(active):
            if not active:
                (others,) = conn.execute(
                    "SELECT count(*) FROM categories WHERE active = 1 AND code != ?", [code]
                ).fetchone()
                if not others:
                    raise CategoryError(
                        "category.last_active_retire",
                        QT_TRANSLATE_NOOP("StoreError", "The last active category cannot be retired"),
                    )
            conn.execute("UPDATE categories SET active = ? WHERE code = ?", [int(bool(active)), code])
            action = "category.activate" if active else "category.deactivate"
            audit.append(db, access.actor_id(by), action, "category", code)
    return get_category(db, code)


def category_in_use(db: sqlite_utils.Database, code: str) -> bool:
    """True when a saved call or a call being typed (a draft) has this category."""
    return _in_use(db.conn, code)


def _in_use(conn, code: str) -> bool:
    if conn.execute("SELECT 1 FROM call_categories WHERE code = ? LIMIT 1", [code]).fetchone():
        return True
    return bool(
        conn.execute(
            # the call screen's draft keeps the form under "form" (ui.call_screen._draft_state)
            "SELECT 1 FROM drafts, json_each(CASE WHEN json_valid(drafts.state) THEN drafts.state ELSE '{}' END,"
            " '$.form.categories') AS chosen WHERE chosen.value = ? LIMIT 1",
            [code],
        ).fetchone()
    )


def delete_category(db: sqlite_utils.Database, code: str, *, by: access.Actor) -> None:
    """Delete a category no call uses (one added by mistake); a category in use can only be retired."""
    access.require(db, by, permissions.ADMIN_CATEGORIES)
    with write(db) as conn:
        row = _existing(conn, code)
        if _in_use(conn, code):
            raise CategoryError(
                "category.in_use",
                QT_TRANSLATE_NOOP(
                    "StoreError", "This category is used by calls and cannot be deleted: deactivate it instead"
                ),
            )
        if row[5]:
            (others,) = conn.execute(
                "SELECT count(*) FROM categories WHERE active = 1 AND code != ?", [code]
            ).fetchone()
            if not others:
                raise CategoryError(
                    "category.last_active_delete",
                    QT_TRANSLATE_NOOP("StoreError", "The last active category cannot be deleted"),
                )
        conn.execute("DELETE FROM categories WHERE code = ?", [code])
        audit.append(db, access.actor_id(by), "category.delete", "category", code, row[1])
