"""Tests for the call categories file and its accent-insensitive filter (DESIGN §5 "Categories")."""

import json
import re
from dataclasses import replace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hotline.core.taxonomy import (
    Category,
    Taxonomy,
    TaxonomyError,
    load_taxonomy,
    make_category_code,
    parse_taxonomy,
)

# The codes the brief fixes, group by group, in the order they are shown.
EXPECTED_CODES = {
    "abuse": [
        "abuse.violence", "abuse.exploitation", "abuse.child_labour", "abuse.sexual", "abuse.online_sexual",
        "abuse.sale", "abuse.abandonment", "abuse.neglect", "abuse.other",
    ],
    "rights": [
        "rights.abduction", "rights.missing", "rights.illegal_acts", "rights.child_marriage", "rights.privacy",
        "rights.discrimination", "rights.alcohol_tobacco", "rights.other",
    ],
    "trafficking": [
        "trafficking.for_money", "trafficking.sexual_exploitation", "trafficking.forced_labour",
        "trafficking.organ_removal", "trafficking.forced_marriage", "trafficking.baby_sale",
        "trafficking.adoption_for_profit", "trafficking.forced_crime", "trafficking.other_inhumane",
        "trafficking.recruitment_info",
    ],
    "counselling": [
        "counselling.relationships", "counselling.physical_health", "counselling.reproductive_health",
        "counselling.mental_health", "counselling.legal", "counselling.education", "counselling.online_safety",
        "counselling.other",
    ],
    "info": ["info.hotline", "info.services", "info.complaint", "info.other"],
}  # fmt: skip


@pytest.fixture(scope="module")
def taxonomy():
    return load_taxonomy()


def _write(tmp_path, data, name="taxonomy.json"):
    path = tmp_path / name
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def _minimal():
    return {
        "groups": [
            {
                "code": "abuse",
                "label_vi": "Xâm hại trẻ em",
                "label_en": "Child abuse",
                "categories": [{"code": "abuse.sexual", "label_vi": "Xâm hại tình dục", "label_en": "Sexual abuse"}],
            },
            {
                "code": "info",
                "label_vi": "Thông tin, kết nối",
                "label_en": "Information and referral",
                "categories": [{"code": "info.other", "label_vi": "Thông tin khác", "label_en": "Other information"}],
            },
        ]
    }


def test_shipped_file_has_the_fixed_codes_in_order(taxonomy):
    """The shipped taxonomy holds exactly the agreed groups and category codes, in order."""
    assert [g.code for g in taxonomy.groups] == list(EXPECTED_CODES)
    for group in taxonomy.groups:
        assert [c.code for c in group.categories] == EXPECTED_CODES[group.code]


@pytest.mark.parametrize(
    ("group", "vi", "en"),
    [
        ("abuse", "Xâm hại trẻ em", "Child abuse"),
        ("trafficking", "Mua bán người", "Human trafficking"),
        ("counselling", "Tư vấn", "Counselling"),
        ("info", "Thông tin, kết nối", "Information and referral"),
    ],
)
def test_group_labels(taxonomy, group, vi, en):
    """Each group carries its agreed Vietnamese and English label."""
    assert taxonomy.group_label(group, "vi") == vi
    assert taxonomy.group_label(group, "en") == en


def test_every_category_is_labelled_and_sorted(taxonomy):
    """Every category has both labels, its group's code, and a sort number following file order."""
    assert [c.sort for c in taxonomy.categories] == list(range(1, len(taxonomy.categories) + 1))
    for category in taxonomy.categories:
        assert category.label_vi.strip() and category.label_en.strip()
        assert category.group == category.code.split(".")[0]


def test_get_and_label(taxonomy):
    """get() finds a category by code; label() gives vi by default, en on request, the code when unknown."""
    sexual = taxonomy.get("abuse.sexual")
    assert isinstance(sexual, Category) and sexual.label_vi == "Xâm hại tình dục"
    assert taxonomy.label("abuse.sexual") == "Xâm hại tình dục"
    assert taxonomy.label("abuse.sexual", "en") == "Sexual abuse"
    assert taxonomy.get("abuse.nope") is None
    assert taxonomy.label("abuse.nope") == "abuse.nope"
    assert taxonomy.group_label("nope", "en") == "nope"
    assert "abuse.sexual" in taxonomy and "abuse.nope" not in taxonomy


def test_default_taxonomy_is_cached():
    """Loading the default taxonomy twice gives the same object (read once per run)."""
    assert load_taxonomy() is load_taxonomy()


@pytest.mark.parametrize(
    ("typed", "must_find"),
    [
        ("xam hai", "abuse.sexual"),
        ("tinh duc", "abuse.sexual"),
        ("Xâm hại tình dục", "abuse.sexual"),
        ("XAM HAI TINH", "abuse.sexual"),
        ("tren mang", "abuse.online_sexual"),
        ("tao hon", "rights.child_marriage"),
        ("sexual", "abuse.sexual"),
        ("online_sexual", "abuse.online_sexual"),
        ("tuyen dung", "trafficking.recruitment_info"),
        ("lua dao", "trafficking.forced_crime"),
        ("duc", "abuse.sexual"),  # đ typed as d
        ("ai tinh", "abuse.sexual"),  # a word's inside still matches
        ("mua ban nguoi", "trafficking.forced_labour"),  # through the group's label
    ],
)
def test_filter_finds(taxonomy, typed, must_find):
    """Typing a few letters without accents finds the category by its vi label, en label, code or group."""
    assert must_find in [c.code for c in taxonomy.filter(typed)]


@pytest.mark.parametrize(
    ("typed", "must_not_find"),
    [
        ("tinh duc", "abuse.violence"),
        ("xam hai tinh duc", "trafficking.sexual_exploitation"),
        ("bao luc xyz", "abuse.violence"),
    ],
)
def test_filter_requires_every_word(taxonomy, typed, must_not_find):
    """A category is listed only when every typed word matches it."""
    assert must_not_find not in [c.code for c in taxonomy.filter(typed)]


def test_filter_empty_text_lists_all(taxonomy):
    """Empty or blank text (or punctuation only) lists every category in file order."""
    assert taxonomy.filter("") == list(taxonomy.categories)
    assert taxonomy.filter("  -- ") == list(taxonomy.categories)


def test_filter_ranks_label_word_starts_first(taxonomy):
    """Categories whose label words start with the typed words come before group-label or substring matches."""
    found = [c.code for c in taxonomy.filter("xam hai")]
    assert found[:2] == ["abuse.sexual", "abuse.online_sexual"]
    assert "abuse.violence" in found[2:]  # only via the group "Xâm hại trẻ em"


def test_filter_ranks_by_language():
    """Word starts in the label of the chosen language rank before word starts in the other language."""
    tax = parse_taxonomy(
        {
            "groups": [
                {
                    "code": "g",
                    "label_vi": "Nhóm",
                    "label_en": "Group",
                    "categories": [
                        {"code": "g.one", "label_vi": "Cam", "label_en": "Lime"},
                        {"code": "g.two", "label_vi": "Chanh", "label_en": "Canary"},
                    ],
                }
            ]
        }
    )
    assert [c.code for c in tax.filter("ca", "vi")] == ["g.one", "g.two"]
    assert [c.code for c in tax.filter("ca", "en")] == ["g.two", "g.one"]


def test_load_from_path_and_round_trip(tmp_path):
    """A taxonomy file given by path loads, and to_dict() writes back an equal taxonomy."""
    path = _write(tmp_path, _minimal())
    tax = load_taxonomy(path)
    assert [c.code for c in tax.categories] == ["abuse.sexual", "info.other"]
    again = parse_taxonomy(tax.to_dict())
    assert again.categories == tax.categories and again.groups == tax.groups
    assert isinstance(again, Taxonomy)


def _broken(mutate):
    data = _minimal()
    mutate(data)
    return data


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (_broken(lambda d: d["groups"][1]["categories"][0].pop("label_vi")),
         "taxonomy.json: group 2, category 'info.other': missing 'label_vi'"),
        (_broken(lambda d: d["groups"][0].pop("label_en")), "taxonomy.json: group 1 'abuse': missing 'label_en'"),
        (_broken(lambda d: d["groups"][0]["categories"][0].pop("code")),
         "taxonomy.json: group 1, category 1: missing 'code'"),
        (_broken(lambda d: d["groups"][1]["categories"].append(dict(d["groups"][0]["categories"][0]))),
         "taxonomy.json: group 2, category 'abuse.sexual': code must start with its group's code 'info.'"),
        (_broken(lambda d: d["groups"][0]["categories"].append(dict(d["groups"][0]["categories"][0]))),
         "taxonomy.json: group 1, category 'abuse.sexual': duplicate code"),
        (_broken(lambda d: d["groups"][1].update(code="abuse")), "taxonomy.json: group 2 'abuse': duplicate code"),
        (_broken(lambda d: d["groups"][0]["categories"][0].update(label_en="  ")),
         "taxonomy.json: group 1, category 'abuse.sexual': 'label_en' must be a non-empty text"),
        (_broken(lambda d: d["groups"][0]["categories"][0].update(code="abuse.Sexual abuse")),
         "taxonomy.json: group 1, category 'abuse.Sexual abuse': code must look like"),
        (_broken(lambda d: d["groups"][0].update(categories=[])),
         "taxonomy.json: group 1 'abuse': 'categories' must be a non-empty list"),
        ({"categories": []}, "taxonomy.json: expected an object with a list 'groups'"),
        ([], "taxonomy.json: expected an object with a list 'groups'"),
    ],
)  # fmt: skip
def test_broken_file_names_file_and_entry(tmp_path, data, message):
    """A broken taxonomy raises TaxonomyError whose message names the file and the faulty entry."""
    path = _write(tmp_path, data)
    with pytest.raises(TaxonomyError) as info:
        load_taxonomy(path)
    assert message in str(info.value)
    assert str(path) in str(info.value)


def test_bad_json_names_file_and_line(tmp_path):
    """A file that is not JSON raises TaxonomyError naming the file and the line."""
    path = tmp_path / "taxonomy.json"
    path.write_text('{\n  "groups": [\n    {"code": "abuse",}\n  ]\n}', encoding="utf-8")
    with pytest.raises(TaxonomyError, match=r"taxonomy\.json: not valid JSON: .* line 3"):
        load_taxonomy(path)


def test_missing_file(tmp_path):
    """A missing file raises TaxonomyError (a ValueError), not a bare OSError."""
    with pytest.raises(ValueError, match="cannot read"):
        load_taxonomy(tmp_path / "nope.json")


def _with_retired() -> Taxonomy:
    data = _minimal()
    data["groups"][0]["categories"].append({"code": "abuse.old", "label_vi": "Xâm hại cũ", "label_en": "Old abuse"})
    tax = parse_taxonomy(data)
    categories = [replace(c, active=c.code != "abuse.old") for c in tax.groups[0].categories]
    return Taxonomy((replace(tax.groups[0], categories=tuple(categories)), tax.groups[1]))


def test_a_retired_category_is_not_offered_but_still_named():
    """filter() leaves out an inactive category, typed or not; label() and get() still know it (old calls)."""
    tax = _with_retired()
    assert [c.code for c in tax.filter("")] == ["abuse.sexual", "info.other"]
    assert [c.code for c in tax.filter("xam hai")] == ["abuse.sexual"]
    assert tax.label("abuse.old") == "Xâm hại cũ" and tax.get("abuse.old").active is False
    assert "abuse.old" in tax and len(tax) == 3


def test_categories_from_a_file_are_active():
    """Every category read from a file is active."""
    assert all(c.active for c in load_taxonomy())


@pytest.mark.parametrize(
    ("group", "label", "taken", "code"),
    [
        ("abuse", "Online grooming", (), "abuse.online_grooming"),
        ("abuse", "Online grooming", ("abuse.online_grooming",), "abuse.online_grooming_2"),
        ("abuse", "Online grooming", ("abuse.online_grooming", "abuse.online_grooming_2"), "abuse.online_grooming_3"),
        ("info", "  Đường dây: hỏi đáp!  ", (), "info.duong_day_hoi_dap"),
        ("abuse", "2nd-hand harm", (), "abuse.c_2nd_hand_harm"),
        ("abuse", "Ωμέγα 中文", (), "abuse.category"),
        ("abuse", "x" * 60, (), "abuse." + "x" * 40),
    ],
)
def test_make_category_code(group, label, taken, code):
    """A new code is the group, a dot and the folded English label in a–z, 0–9 and '_', unique with _2, _3…"""
    made = make_category_code(group, label, taken)
    assert made == code
    assert parse_taxonomy(  # the code is one the file format accepts
        {"groups": [{"code": group, "label_vi": "N", "label_en": "N", "categories": [
            {"code": made, "label_vi": "A", "label_en": "A"}]}]}
    ).get(made)  # fmt: skip


@given(st.text(max_size=80))
def test_any_label_makes_a_valid_code(label):
    """Whatever the English label, the code made from it is well-formed and starts with its group."""
    code = make_category_code("counselling", label)
    assert re.fullmatch(r"counselling\.[a-z][a-z0-9_]*", code) and len(code) <= len("counselling.") + 40
