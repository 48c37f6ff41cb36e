"""The categories list the administrator keeps: add, rename, reorder, retire, delete only unused; codes never change,
and every screen and report reads the labels as they are now."""

from __future__ import annotations

import csv
import unicodedata
from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hotline.core.daily_log import LogFilter
from hotline.core.models import Child
from hotline.core.rules import NEED_REQUIRED, evaluate_case_file_need
from hotline.core.taxonomy import load_taxonomy as load_shipped
from hotline.store import audit, categories, drafts
from hotline.store.access import COMMAND_LINE, PermissionDenied
from hotline.store.calls import get_call, save_call
from hotline.store.categories import CategoryError
from hotline.store.db import NotFoundError

T0 = datetime(2026, 3, 2, 2, 0, tzinfo=UTC)


def group_codes(db, group: str) -> list[str]:
    return [c.code for c in categories.load_taxonomy(db).group(group).categories]


def test_a_new_database_lists_the_shipped_categories(db):
    """Before any change the table gives the shipped file's groups, codes, labels and order, all active."""
    shipped, stored = load_shipped(), categories.load_taxonomy(db)
    assert stored.groups == shipped.groups
    assert all(c.active for c in stored)


def test_add_category_makes_its_code_once_and_goes_last_in_its_group(db):
    """A new category's code comes from the group and the folded English label; it is last in its group,
    offered by filter() and audited."""
    added = categories.add_category(db, "abuse", "Dụ dỗ trên mạng", "Online grooming", by=COMMAND_LINE)
    assert (added.code, added.group, added.label_vi, added.label_en, added.active) == (
        "abuse.online_grooming", "abuse", "Dụ dỗ trên mạng", "Online grooming", True,
    )  # fmt: skip
    assert group_codes(db, "abuse")[-1] == "abuse.online_grooming"
    taxonomy = categories.load_taxonomy(db)
    assert next(c.code for c in taxonomy.filter("du do")) == "abuse.online_grooming"
    # the groups that follow keep their place after it
    assert [g.code for g in taxonomy.groups] == [g.code for g in load_shipped().groups]
    (entry,) = audit.entries(db, viewer=COMMAND_LINE, action="category.add")
    assert (entry.entity_id, entry.detail) == ("abuse.online_grooming", "abuse")


def test_codes_are_unique_and_never_reused(db):
    """A code already taken gets _2; a shipped code deleted here is not given to a new category."""
    categories.add_category(db, "abuse", "Dụ dỗ", "Online grooming", by=COMMAND_LINE)
    second = categories.add_category(db, "abuse", "Dụ dỗ (khác)", "Online grooming!", by=COMMAND_LINE)
    assert second.code == "abuse.online_grooming_2"
    categories.delete_category(db, "info.other", by=COMMAND_LINE)
    assert categories.add_category(db, "info", "Khác", "Other", by=COMMAND_LINE).code == "info.other_2"


def test_rename_keeps_the_code_and_old_calls_show_the_new_name(db, make_call, lead_id, tmp_path):
    """After a rename the code is unchanged, and an old call's categories read with the new label in the stored
    call, the daily log's export, the handover and Mẫu 01."""
    from hotline.reports.export import write_csv_labelled
    from hotline.reports.form01 import Form01Data, form01_html
    from hotline.reports.handover import build_handover, handover_html
    from hotline.store import daily_log

    flagged = {"case_need": "required", "flagged": True, "flag_source": "rule"}  # the handover lists flagged calls
    call = save_call(db, make_call(categories=["abuse.sexual"], summary="x", **flagged))
    renamed = categories.rename_category(db, "abuse.sexual", " XHTD (tên mới) ", "CSA (new name)", by=COMMAND_LINE)
    assert (renamed.code, renamed.label_vi) == ("abuse.sexual", "XHTD (tên mới)")

    taxonomy = categories.load_taxonomy(db)
    stored = get_call(db, call.id, viewer_id=lead_id)
    assert [taxonomy.label(code) for code in stored.categories] == ["XHTD (tên mới)"]
    assert [taxonomy.label(code, "en") for code in stored.categories] == ["CSA (new name)"]

    day = LogFilter(call.started_at - timedelta(hours=1), call.started_at + timedelta(hours=1))
    out = tmp_path / "log.csv"
    write_csv_labelled(daily_log.export_rows(db, day, viewer_id=lead_id), out, taxonomy=taxonomy)
    with open(out, encoding="utf-8-sig", newline="") as handle:
        (row,) = list(csv.DictReader(handle))
    assert row["Loại vấn đề"] == "XHTD (tên mới)"

    handover = build_handover(db, day, viewer_id=lead_id, centre_name="C", period="P", prepared_by="")
    assert "XHTD (tên mới)" in handover_html(handover)

    form = Form01Data(
        centre_name="C", case_number="AG-2026-00001", received_at=call.started_at, channel="phone", line="111",
        child=Child(),
        categories=("abuse.sexual",), action_taken="", referrals=(), informant_consent=False,
        informant_name="", informant_phone="", informant_relation="unknown",
        category_labels={"abuse.sexual": taxonomy.label("abuse.sexual")},
    )  # fmt: skip
    assert "XHTD (tên mới)" in form01_html(form)


def test_move_category_within_its_group(db):
    """move_category reorders a category inside its group only; the ends stop it and other groups keep order."""
    before = [c.code for c in categories.load_taxonomy(db)]
    categories.move_category(db, "abuse.other", -2, by=COMMAND_LINE)
    abuse = group_codes(db, "abuse")
    assert abuse[-3:] == ["abuse.other", "abuse.abandonment", "abuse.neglect"]
    categories.move_category(db, "abuse.other", -100, by=COMMAND_LINE)
    assert group_codes(db, "abuse")[0] == "abuse.other"
    categories.move_category(db, "abuse.other", 100, by=COMMAND_LINE)
    after = [c.code for c in categories.load_taxonomy(db)]
    assert after == before  # back at the end of its group: the whole list is as it was
    assert [c.sort for c in categories.load_taxonomy(db)] == list(range(1, len(after) + 1))


def test_a_moved_new_category_stays_in_its_group(db):
    """A category added to the first group and moved up stays in that group, ahead of the next groups."""
    categories.add_category(db, "abuse", "Mới", "Brand new", by=COMMAND_LINE)
    categories.move_category(db, "abuse.brand_new", -3, by=COMMAND_LINE)
    taxonomy = categories.load_taxonomy(db)
    assert group_codes(db, "abuse")[-4] == "abuse.brand_new"
    assert [c.group for c in taxonomy][: len(taxonomy.group("abuse").categories)] == ["abuse"] * 10


def test_deactivated_category_is_not_offered_but_still_named(db, make_call, lead_id):
    """A retired category leaves filter() (so the picker does not offer it) but label() and get() still know it,
    and a call saved with it keeps it."""
    call = save_call(db, make_call(categories=["abuse.neglect"], summary="x", flagged=True))
    retired = categories.set_category_active(db, "abuse.neglect", False, by=COMMAND_LINE)
    assert retired.active is False
    taxonomy = categories.load_taxonomy(db)
    assert "abuse.neglect" not in [c.code for c in taxonomy.filter("")]
    assert "abuse.neglect" not in [c.code for c in taxonomy.filter("bo mat")]
    assert taxonomy.label("abuse.neglect") == "Bỏ mặc" and taxonomy.get("abuse.neglect").active is False
    assert get_call(db, call.id, viewer_id=lead_id).categories == ["abuse.neglect"]
    assert categories.set_category_active(db, "abuse.neglect", True, by=COMMAND_LINE).active
    actions = [e.action for e in audit.entries(db, viewer=COMMAND_LINE, action="category.")]
    assert actions == ["category.activate", "category.deactivate"]


def test_the_last_active_category_cannot_be_retired(db):
    """With every other category retired, the last one stays active: a call with content needs one."""
    codes = [c.code for c in categories.load_taxonomy(db)]
    for code in codes[:-1]:
        categories.set_category_active(db, code, False, by=COMMAND_LINE)
    with pytest.raises(CategoryError, match="last active category"):
        categories.set_category_active(db, codes[-1], False, by=COMMAND_LINE)
    with pytest.raises(CategoryError, match="last active category"):
        categories.delete_category(db, codes[-1], by=COMMAND_LINE)


def test_a_category_in_use_is_never_deleted(db, make_call):
    """Deleting a category a saved call uses is refused with advice to deactivate it; an unused one goes."""
    save_call(db, make_call(categories=["abuse.sale"], summary="x", flagged=True))
    with pytest.raises(CategoryError, match="deactivate it instead"):
        categories.delete_category(db, "abuse.sale", by=COMMAND_LINE)
    assert categories.load_taxonomy(db).get("abuse.sale") is not None
    categories.delete_category(db, "info.complaint", by=COMMAND_LINE)
    assert categories.load_taxonomy(db).get("info.complaint") is None
    with pytest.raises(NotFoundError):
        categories.delete_category(db, "info.complaint", by=COMMAND_LINE)


def test_a_category_ticked_in_a_draft_is_not_deleted(db, operator_id, t0):
    """A call still being typed (its draft) with the category also keeps it from deletion: its save would fail."""
    added = categories.add_category(db, "info", "Mới", "Fresh", by=COMMAND_LINE)
    state = {"form": {"categories": [added.code]}, "line": "111"}
    drafts.save_draft(db, operator_id, "pc-1", "draft-1", state, t0)
    assert categories.category_in_use(db, added.code)
    with pytest.raises(CategoryError, match="deactivate it instead"):
        categories.delete_category(db, added.code, by=COMMAND_LINE)


def test_a_new_abuse_category_flags_like_the_others(db):
    """The case-file rules decide by the group: a category added to 'abuse' makes a call need a case file, and the
    reason names it with the stored label."""
    added = categories.add_category(db, "abuse", "Dụ dỗ trên mạng", "Online grooming", by=COMMAND_LINE)
    decision = evaluate_case_file_need(outcome="substantive", categories=[added.code], risk="none", started_at=T0)
    assert decision.need == NEED_REQUIRED
    assert "Dụ dỗ trên mạng" in decision.summary("vi", categories.load_taxonomy(db))


@pytest.mark.parametrize(
    "change",
    [
        lambda db, by: categories.add_category(db, "abuse", "A", "A", by=by),
        lambda db, by: categories.rename_category(db, "abuse.sexual", "A", "A", by=by),
        lambda db, by: categories.move_category(db, "abuse.sexual", 1, by=by),
        lambda db, by: categories.set_category_active(db, "abuse.sexual", False, by=by),
        lambda db, by: categories.delete_category(db, "info.other", by=by),
    ],
    ids=["add", "rename", "move", "deactivate", "delete"],
)
def test_only_an_administrator_changes_categories(db, lead_id, change):
    """A shift lead is refused every change to the categories; the table stays as it was."""
    before = db.conn.execute("SELECT * FROM categories ORDER BY code").fetchall()
    with pytest.raises(PermissionDenied):
        change(db, lead_id)
    assert db.conn.execute("SELECT * FROM categories ORDER BY code").fetchall() == before


@pytest.mark.parametrize(
    ("group", "vi", "en", "says"),
    [
        ("nope", "A", "A", "No group"),
        ("abuse", "  ", "A", "must not be empty"),
        ("abuse", "A", "", "must not be empty"),
        ("abuse", "Bạo lực", "Something else", "already has a category of that name"),
        ("abuse", "Khác hẳn", "VIOLENCE", "already has a category of that name"),
        ("abuse", "A" * 121, "A", "longer than 120"),
        ("abuse", "A\x00B", "A", "cannot be shown"),
    ],
)
def test_bad_new_categories_are_refused(db, group, vi, en, says):
    """An unknown group, an empty, too long or unprintable label, or a name the group has already is refused."""
    before = len(categories.load_taxonomy(db))
    with pytest.raises(CategoryError, match=says):
        categories.add_category(db, group, vi, en, by=COMMAND_LINE)
    assert len(categories.load_taxonomy(db)) == before


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(label_vi=st.text(max_size=130), label_en=st.text(max_size=130))
def test_any_typed_label_is_stored_and_read_back_or_refused(db, label_vi, label_en):
    """Whatever the administrator types is either stored and read back exactly (trimmed, NFC) under the same
    code, or refused with a coded message and nothing changed."""
    before = db.conn.execute("SELECT * FROM categories ORDER BY code").fetchall()
    try:
        renamed = categories.rename_category(db, "counselling.other", label_vi, label_en, by=COMMAND_LINE)
    except CategoryError as exc:
        assert exc.code.startswith("category.") and str(exc)
        assert db.conn.execute("SELECT * FROM categories ORDER BY code").fetchall() == before
        return
    again = categories.load_taxonomy(db).get("counselling.other")
    assert again == renamed
    assert again.label_vi == unicodedata.normalize("NFC", label_vi).strip()
    assert again.label_en == unicodedata.normalize("NFC", label_en).strip()
