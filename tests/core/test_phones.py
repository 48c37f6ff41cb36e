"""Tests for phone number normalisation (DESIGN §5 "Phone numbers")."""

import dataclasses
import os
import subprocess
import sys

import phonenumbers
import pytest
from hypothesis import given
from hypothesis import strategies as st

from hotline.core.phones import KINDS, normalize_phone

# Written out from DESIGN §5, not imported, so a typo in the module's table shows up here.
DESIGN_LEGACY = [
    ("0162", "032"), ("0163", "033"), ("0164", "034"), ("0165", "035"),
    ("0166", "036"), ("0167", "037"), ("0168", "038"), ("0169", "039"),
    ("0120", "070"), ("0121", "079"), ("0122", "077"), ("0126", "076"), ("0128", "078"),
    ("0123", "083"), ("0124", "084"), ("0125", "085"), ("0127", "081"), ("0129", "082"),
    ("0186", "056"), ("0188", "058"),
    ("0199", "059"),
]  # fmt: skip

FULL_WIDTH = str.maketrans("0123456789+", "０１２３４５６７８９＋")


def is_vn_mobile(national: str) -> bool:
    """Oracle independent of the module: phonenumbers' own verdict on a national number like '0912345678'."""
    number = phonenumbers.parse(national, "VN")
    mobile = phonenumbers.number_type(number) == phonenumbers.PhoneNumberType.MOBILE
    return phonenumbers.is_valid_number(number) and mobile


def spaced(national: str) -> str:
    """'0912345678' written the way DESIGN shows it: '0912 345 678'."""
    return f"{national[:4]} {national[4:7]} {national[7:]}"


def is_vn_landline(national: str) -> bool:
    """Oracle: phonenumbers' own verdict that a national number is a Vietnamese fixed line."""
    number = phonenumbers.parse(national, "VN")
    fixed = phonenumbers.number_type(number) == phonenumbers.PhoneNumberType.FIXED_LINE
    return phonenumbers.is_valid_number(number) and fixed


vn_landlines = st.builds(
    lambda area, rest: "02" + area + rest,
    st.text(alphabet="0123456789", min_size=2, max_size=2),
    st.text(alphabet="0123456789", min_size=7, max_size=7),
).filter(is_vn_landline)

vn_mobiles = st.builds(
    lambda first, rest: "0" + first + rest,
    st.sampled_from("35789"),
    st.text(alphabet="0123456789", min_size=8, max_size=8),
).filter(is_vn_mobile)


# --- mobiles in every accepted spelling -------------------------------------------------------------------


@pytest.mark.parametrize(
    "typed",
    [
        "0912345678",
        "0912 345 678",
        "0912.345.678",
        "0912-345-678",
        "091 234 5678",
        "(091) 234-5678",
        "+84912345678",
        "+84 912 345 678",
        "+84-912-345-678",
        "84912345678",
        "84 912 345 678",
        "+84 (0) 912 345 678",
        "+84 0912 345 678",
        "(+84) 912.345.678",
        "0084 912 345 678",
        "０９１２ ３４５ ６７８",
        "＋８４９１２３４５６７８",
        "tel:+84912345678",
        "tel:0912345678",
        "SĐT: 0912 345 678",
        "0912 345 678 (mẹ bé)",
        "  0912345678\n",
        "0912\u00a0345\u00a0678",
        "0912–345–678",
    ],
)
def test_mobile_spellings_give_one_number(typed):
    """Every accepted way of writing a mobile yields the same E.164, national display and kind."""
    info = normalize_phone(typed)
    assert info.kind == "mobile"
    assert info.e164 == "+84912345678"
    assert info.display == "0912 345 678"
    assert info.digits == "0912345678"
    assert info.legacy_from is None
    assert info.province is None
    assert info.usable


@pytest.mark.parametrize("typed", ["0912345678", "+84 912 345 678", "tel:0912.345.678", "số ẩn", "abc", "", "  "])
def test_raw_is_kept_exactly(typed):
    """The text as typed is stored untouched, whatever its kind."""
    assert normalize_phone(typed).raw == typed


# --- 2018 conversion of 11-digit mobiles -------------------------------------------------------------------


@pytest.mark.parametrize(("old", "new"), DESIGN_LEGACY)
def test_every_legacy_prefix_maps_to_todays_prefix(old, new):
    """Each old 11-digit prefix of DESIGN §5 becomes its new 10-digit prefix, keeping the last 7 digits."""
    info = normalize_phone(old + "1234567")
    assert info.kind == "mobile"
    assert info.e164 == "+84" + new[1:] + "1234567"
    assert info.digits == new + "1234567"
    assert info.legacy_from == old + "1234567"


@pytest.mark.parametrize(("old", "new"), DESIGN_LEGACY)
@pytest.mark.parametrize("spelling", ["+84{}", "84{}", "+84 (0){}", "{} ", "{}.", "0084{}"])
def test_legacy_numbers_with_country_code(old, new, spelling):
    """An old number written with +84, 84, (0) or 0084 converts just as the national form does."""
    national = old + "7654321"
    typed = spelling.format(national[1:] if spelling.startswith(("+84", "84", "0084")) else national)
    info = normalize_phone(typed)
    assert info.e164 == "+84" + new[1:] + "7654321"
    assert info.legacy_from == national


def test_todays_number_is_not_marked_legacy():
    """A number already in the new plan reports no legacy origin, so it is not mistaken for a conversion."""
    assert normalize_phone("0391234567").legacy_from is None


def test_legacy_and_new_number_match_for_repeat_callers():
    """A caller saved under the old number and one typed under the new number share the stored E.164."""
    assert normalize_phone("0169 123 4567").e164 == normalize_phone("039 123 4567").e164


@given(st.sampled_from(DESIGN_LEGACY), st.text(alphabet="0123456789", min_size=7, max_size=7))
def test_legacy_mapping_property(prefixes, last7):
    """For any old prefix and any 7 digits, the result is the new prefix plus the same 7 digits."""
    old, new = prefixes
    for typed in (old + last7, "+84" + old[1:] + last7, "84" + old[1:] + last7):
        info = normalize_phone(typed)
        assert info.e164 == "+84" + new[1:] + last7
        assert info.legacy_from == old + last7
        assert info.kind == "mobile"


# --- withheld ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "typed",
    [
        None,
        "",
        "   ",
        "\t\n",
        "số ẩn",
        "Số Ẩn",
        "SỐ ẨN",
        "so an",
        "So An",
        "ẩn số",
        "private",
        "PRIVATE",
        "Unknown",
        "withheld",
        "Hidden",
        "không hiển thị",
        "Khong Hien Thi",
        "KHÔNG HIỂN THỊ",
        "anonymous",
        "  (số ẩn)  ",
        "số  ẩn",
    ],
)
def test_withheld_words(typed):
    """Empty input and the withheld words, in any case and with or without accents, mean a withheld number."""
    info = normalize_phone(typed)
    assert info.kind == "withheld"
    assert info.e164 is None
    assert info.display == ""
    assert info.digits == ""
    assert not info.usable


def test_none_is_kept_as_empty_raw():
    """None (no caller ID at all) is stored as empty raw text rather than failing."""
    assert normalize_phone(None).raw == ""


@pytest.mark.parametrize("typed", ["chưa hỏi", "private 1", "số", "unknownx"])
def test_other_words_are_invalid_not_withheld(typed):
    """Only the listed words mean withheld; other text without a number is invalid, kept raw."""
    info = normalize_phone(typed)
    assert info.kind == "invalid"
    assert info.display == typed


# --- short codes, toll-free, 1900 --------------------------------------------------------------------------


@pytest.mark.parametrize("code", ["111", "112", "113", "114", "115"])
def test_short_codes(code):
    """The emergency and child-protection short codes are recognised and shown as typed."""
    info = normalize_phone(code)
    assert info.kind == "short_code"
    assert info.display == code
    assert info.digits == code
    assert info.e164 == code
    assert info.usable


@pytest.mark.parametrize("typed", ["116", "110", "1111", "11", "+84 111"])
def test_near_short_codes_are_not_short_codes(typed):
    """Only the five listed codes, typed bare, count as short codes (they cannot be dialled from abroad)."""
    assert normalize_phone(typed).kind != "short_code"


@pytest.mark.parametrize("typed", ["18008077", "1800 8077", "1800.8077", "1800-8077", "+84 1800 8077", "8418008077"])
def test_toll_free_anti_trafficking_line(typed):
    """The 18008077 line in any spelling is toll-free, shown as '1800 8077', and stored in one form."""
    info = normalize_phone(typed)
    assert info.kind == "toll_free"
    assert info.display == "1800 8077"
    assert info.digits == "18008077"
    assert info.e164 == "+8418008077"


def test_ten_digit_toll_free():
    """A 1800 number with six digits after the prefix is toll-free too."""
    info = normalize_phone("1800 123 456")
    assert info.kind == "toll_free"
    assert info.digits == "1800123456"


def test_1900_premium_is_callable_without_province():
    """A 1900 paid service line can be called back (kind 'fixed') but belongs to no province."""
    info = normalize_phone("1900 1234")
    assert info.kind == "fixed"
    assert info.usable
    assert info.province is None
    assert info.digits == "19001234"


# --- landlines ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "typed", ["0296 3 852 123", "0296 3852 123", "0296.3852.123", "(0296) 3852-123", "+84 296 3852 123"]
)
def test_an_giang_landline(typed):
    """An 0296 landline is fixed, shown as Vietnamese write it, with the An Giang province hint."""
    info = normalize_phone(typed)
    assert info.kind == "fixed"
    assert info.e164 == "+842963852123"
    assert info.display == "0296 3852 123"
    assert info.province == "An Giang"


def test_kien_giang_landline_names_todays_an_giang():
    """An 0297 landline (old Kiên Giang, merged into An Giang on 1 July 2025) hints "An Giang (Kiên Giang cũ)"."""
    info = normalize_phone("0297 3 861 234")
    assert info.kind == "fixed"
    assert info.e164 == "+842973861234"
    assert info.province == "An Giang (Kiên Giang cũ)"


@pytest.mark.parametrize(
    ("typed", "hint"),
    [
        ("0292 3852 123", "Cần Thơ"),
        ("0299 3852 123", "Cần Thơ (Sóc Trăng cũ)"),
        ("0293 3852 123", "Cần Thơ (Hậu Giang cũ)"),
        ("0277 3852 123", "Đồng Tháp"),
        ("0273 3852 123", "Đồng Tháp (Tiền Giang cũ)"),
        ("0274 3852 123", "TP. Hồ Chí Minh (Bình Dương cũ)"),
        ("0209 3852 123", "Thái Nguyên (Bắc Kạn cũ)"),
    ],
)
def test_merged_province_landlines_name_todays_province(typed, hint):
    """A landline of a province merged in 2025 names the province of today, the old one in brackets."""
    assert normalize_phone(typed).province == hint


@pytest.mark.parametrize(
    ("typed", "hint"),
    [("0237 3852 123", "Thanh Hóa"), ("0206 3852 123", "Cao Bằng"), ("0234 3852 123", "Huế")],
)
def test_province_not_merged_keeps_its_name_alone(typed, hint):
    """A landline of a province the 2025 merger left alone names it without brackets."""
    assert normalize_phone(typed).province == hint


# Nghị quyết 202/2025/QH15, written out here as the resolution lists it (today's province: the old ones merged
# into it), not imported, so a slip in the module's table shows up. Old names spelled as the geocoder's are after
# folding; unmerged provinces list only themselves.
MERGER = {
    "Tuyên Quang": ("Tuyên Quang", "Hà Giang"),
    "Lào Cai": ("Lào Cai", "Yên Bái"),
    "Thái Nguyên": ("Thái Nguyên", "Bắc Kạn"),
    "Phú Thọ": ("Phú Thọ", "Vĩnh Phúc", "Hòa Bình"),
    "Bắc Ninh": ("Bắc Ninh", "Bắc Giang"),
    "Hưng Yên": ("Hưng Yên", "Thái Bình"),
    "Hải Phòng": ("Hải Phòng", "Hải Dương"),
    "Ninh Bình": ("Ninh Bình", "Hà Nam", "Nam Định"),
    "Quảng Trị": ("Quảng Trị", "Quảng Bình"),
    "Đà Nẵng": ("Đà Nẵng", "Quảng Nam"),
    "Quảng Ngãi": ("Quảng Ngãi", "Kon Tum"),
    "Gia Lai": ("Gia Lai", "Bình Định"),
    "Khánh Hòa": ("Khánh Hòa", "Ninh Thuận"),
    "Lâm Đồng": ("Lâm Đồng", "Đắk Nông", "Bình Thuận"),
    "Đắk Lắk": ("Đắk Lắk", "Phú Yên"),
    "TP. Hồ Chí Minh": ("Hồ Chí Minh", "Bình Dương", "Bà Rịa Vũng Tàu"),
    "Đồng Nai": ("Đồng Nai", "Bình Phước"),
    "Tây Ninh": ("Tây Ninh", "Long An"),
    "Cần Thơ": ("Cần Thơ", "Sóc Trăng", "Hậu Giang"),
    "Vĩnh Long": ("Vĩnh Long", "Bến Tre", "Trà Vinh"),
    "Đồng Tháp": ("Đồng Tháp", "Tiền Giang"),
    "Cà Mau": ("Cà Mau", "Bạc Liêu"),
    "An Giang": ("An Giang", "Kiên Giang"),
    "Hà Nội": ("Hà Nội",),
    "Huế": ("Thừa Thiên Huế",),
    "Lai Châu": ("Lai Châu",),
    "Điện Biên": ("Điện Biên",),
    "Sơn La": ("Sơn La",),
    "Lạng Sơn": ("Lạng Sơn",),
    "Quảng Ninh": ("Quảng Ninh",),
    "Thanh Hóa": ("Thanh Hóa",),
    "Nghệ An": ("Nghệ An",),
    "Hà Tĩnh": ("Hà Tĩnh",),
    "Cao Bằng": ("Cao Bằng",),
}


def _plain(name: str) -> str:
    """A province name without accents, 'Tỉnh'/'TP'/'Thủ đô' or punctuation: geocoder and law spell them apart."""
    from hotline.core.text import fold

    plain = " ".join(fold(name).replace("-", " ").replace(".", " ").split())
    for prefix in ("tinh ", "tp ", "thanh pho ", "thu do "):
        plain = plain.removeprefix(prefix)
    return plain


def test_merger_table_has_63_old_and_34_current_provinces():
    """The test's own merger table covers 63 old provinces in 34 of today's, the 34 hotline.core.places knows."""
    from hotline.core.places import provinces

    assert len(MERGER) == 34
    assert sum(len(olds) for olds in MERGER.values()) == 63
    assert {_plain(name) for name in MERGER} == {_plain(name) for _, name in provinces()}


def _geocoder_areas() -> dict[str, str]:
    """Every Vietnamese area code phonenumbers' geocoder knows ('297', '24'), with its (old) province name."""
    from phonenumbers.geodata import GEOCODE_DATA

    return {key[2:]: names["vi"] for key, names in GEOCODE_DATA.items() if key.startswith("84")}


def test_every_geocoder_area_code_names_a_province_of_today():
    """Each of the geocoder's 63 VN area codes hints today's province the old one merged into (Nghị quyết
    202/2025/QH15), the old name in brackets only when it differs; all 34 provinces of today are reached."""
    today_of = {_plain(old): today for today, olds in MERGER.items() for old in olds}
    areas = _geocoder_areas()
    assert len(areas) == 63
    reached = set()
    for area, old_name in areas.items():
        national = area + "3852123" if len(area) == 3 else area + "38252777"
        number = phonenumbers.parse("0" + national, "VN")
        assert phonenumbers.is_valid_number(number), area
        hint = normalize_phone("0" + national).province
        today = today_of[_plain(old_name)]
        assert hint == today or (hint.startswith(f"{today} (") and hint.endswith(" cũ)")), (area, hint)
        if hint != today:
            assert _plain(hint[len(today) + 2 : -4]) == _plain(old_name), (area, hint)
        reached.add(today)
    assert reached == set(MERGER)


@pytest.mark.parametrize(("typed", "city"), [("024 3825 2777", "Hà Nội"), ("028 3829 5555", "Hồ Chí Minh")])
def test_big_city_landlines(typed, city):
    """Hà Nội (024) and Hồ Chí Minh City (028) landlines are fixed with their city as hint."""
    info = normalize_phone(typed)
    assert info.kind == "fixed"
    assert info.display == typed
    assert city in info.province


def test_mobile_has_no_province():
    """Mobiles move with their owner, so they give no province hint."""
    assert normalize_phone("0912345678").province is None


@given(vn_landlines)
def test_landline_display_and_province(national):
    """Any valid landline is shown as phonenumbers' national format, round-trips, and names today's province."""
    from phonenumbers import geocoder

    info = normalize_phone(national)
    number = phonenumbers.parse(national, "VN")
    assert info.kind == "fixed"
    assert info.e164 == "+84" + national[1:]
    assert info.display == phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
    old = _plain(geocoder.description_for_number(number, "vi"))
    assert info.province.startswith(next(today for today, olds in MERGER.items() if old in map(_plain, olds)))
    assert normalize_phone(info.display).e164 == info.e164


def test_import_does_not_load_the_geocoder(tmp_path):
    """Importing the module leaves phonenumbers' geocoder (about 0.3 s to load) for the first landline."""
    code = "import sys, hotline.core.phones; print('phonenumbers.geocoder' in sys.modules)"
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    # cwd elsewhere, so the child imports the same hotline package as this test, not one in the current folder.
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=tmp_path, check=True
    )
    assert result.stdout.strip() == "False"


# --- foreign numbers ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "e164"),
    [
        ("+1 650 253 0000", "+16502530000"),
        ("+1 (650) 253-0000", "+16502530000"),
        ("+855 12 345 678", "+85512345678"),
        ("00855 12 345 678", "+85512345678"),
        ("+44 (0) 20 7946 0958", "+442079460958"),
    ],
)
def test_foreign_numbers(typed, e164):
    """A valid foreign number is 'international', stored in E.164 and shown with its country code."""
    info = normalize_phone(typed)
    assert info.kind == "international"
    assert info.e164 == e164
    assert info.display.startswith("+" + str(phonenumbers.parse(e164).country_code) + " ")
    assert info.usable
    assert normalize_phone(info.display).e164 == e164


# --- junk --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "typed",
    [
        "abc",
        "0912abc345678",
        "12",
        "0912",
        "09123456789012",
        "+",
        "++84912345678",
        "+84 12",
        "+84 00 912 345 678",
        "+84 0 0 1800 8077",
        "+1 555",
        "0912345678 / 0987654321",
        "0912345678 máy lẻ 12",
        "\x00",
        "0912\x00345678",
        "😀",
        "9" * 40,
        "٠٩١٢٣٤٥٦٧٨",
        "  rác  ",
    ],
)
def test_junk_is_invalid_and_kept(typed):
    """Text that is no phone number is marked invalid, keeps its raw text and offers no lookup."""
    info = normalize_phone(typed)
    assert info.kind == "invalid"
    assert info.raw == typed
    assert info.display == typed.strip()
    assert info.e164 is None
    assert info.digits == ""
    assert not info.usable


def test_megabyte_of_text_is_invalid():
    """A huge paste (1 MB, digits included) is invalid rather than an error."""
    typed = "0912345678 " * 100_000
    info = normalize_phone(typed)
    assert info.kind == "invalid"
    assert info.raw == typed


def test_phone_info_is_frozen():
    """A PhoneInfo cannot be altered after parsing, so a stored value stays consistent."""
    info = normalize_phone("0912345678")
    with pytest.raises(dataclasses.FrozenInstanceError):
        info.e164 = "+84000"  # type: ignore[misc]


# --- properties --------------------------------------------------------------------------------------------

digit_heavy = st.one_of(
    st.text(alphabet="0123456789 +-.()８４", max_size=40),
    st.from_regex(r"(\+|00)?(84)?(\(0\))?0?[0-9 .\-]{0,16}", fullmatch=True),
    st.builds(lambda a, b: a + b, st.sampled_from(["0", "+84", "84", "01", "1800", "11"]), st.text("0123456789")),
    # Right-length bodies after real prefixes, so that many examples are valid numbers of each kind.
    st.builds(
        lambda prefix_and_length, pool: prefix_and_length[0] + pool[: prefix_and_length[1]],
        st.sampled_from([("0", 9), ("+84 ", 9), ("02", 9), ("1800", 4), ("1900", 6), ("+1 ", 10), ("+855 ", 8)]),
        st.text(alphabet="0123456789", min_size=10, max_size=10),
    ),
)


def check_invariants(typed, info):
    assert info.raw == typed
    assert info.kind in KINDS
    assert info.usable == (info.e164 is not None)
    if info.kind in ("withheld", "invalid"):
        assert info.digits == ""
    if info.usable:
        # The display form is what the program shows and what people copy: it must parse to the same number.
        assert normalize_phone(info.display).e164 == info.e164


@given(st.text())
def test_never_raises_on_any_text(typed):
    """Any text at all, control characters included, gives a PhoneInfo with raw kept and a known kind."""
    check_invariants(typed, normalize_phone(typed))


@given(st.text(alphabet=st.characters(max_codepoint=0x1F, min_codepoint=0) | st.sampled_from("0123456789+")))
def test_never_raises_on_control_characters(typed):
    """Control characters mixed with digits never make parsing fail."""
    check_invariants(typed, normalize_phone(typed))


@given(digit_heavy)
def test_never_raises_on_digit_heavy_text(typed):
    """Digit-heavy text (near-numbers, prefixes, keystroke fragments) parses consistently and never raises."""
    check_invariants(typed, normalize_phone(typed))


@given(vn_mobiles)
def test_mobile_display_round_trip(national):
    """Any valid Vietnamese mobile is shown as '0xxx xxx xxx', and parsing that display gives the same E.164."""
    info = normalize_phone(national)
    assert info.kind == "mobile"
    assert info.e164 == "+84" + national[1:]
    assert info.display == spaced(national)
    again = normalize_phone(info.display)
    assert again.e164 == info.e164
    assert again.display == info.display


@given(vn_mobiles)
def test_mobile_spellings_agree(national):
    """+84, 84, dotted and full-width spellings of any valid mobile all store the same E.164."""
    expected = "+84" + national[1:]
    for typed in (
        "+84" + national[1:],
        "84" + national[1:],
        "+84 (0) " + national[1:],
        national[:4] + "." + national[4:7] + "." + national[7:],
        national.translate(FULL_WIDTH),
    ):
        assert normalize_phone(typed).e164 == expected, typed
