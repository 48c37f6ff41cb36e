"""Phone numbers: turn what an operator types or caller ID shows into one stored form (DESIGN §5)."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

import phonenumbers
from phonenumbers import NumberParseException, PhoneNumber, PhoneNumberFormat, PhoneNumberType

KINDS = ("mobile", "fixed", "toll_free", "short_code", "withheld", "international", "invalid")

# Emergency and child-protection short codes. phonenumbers rejects 111 and 112, and short codes are not
# reachable from abroad, so they are matched here as bare digits and stored without a country code.
SHORT_CODES = frozenset({"111", "112", "113", "114", "115"})

# The 2018 switch of 11-digit mobiles to 10 digits: old prefix -> today's prefix, the last 7 digits stay.
# Kept so a caller who still gives (or is saved under) the old number matches their calls under the new one.
LEGACY_PREFIXES = {
    # Viettel
    "0162": "032", "0163": "033", "0164": "034", "0165": "035",
    "0166": "036", "0167": "037", "0168": "038", "0169": "039",
    # MobiFone
    "0120": "070", "0121": "079", "0122": "077", "0126": "076", "0128": "078",
    # VinaPhone
    "0123": "083", "0124": "084", "0125": "085", "0127": "081", "0129": "082",
    # Vietnamobile, Gmobile
    "0186": "056", "0188": "058", "0199": "059",
}  # fmt: skip

# Compared after folding (no accents, lower case, words joined by one space); none of them contains đ.
_WITHHELD_WORDS = frozenset(
    {"so an", "an so", "private", "unknown", "withheld", "hidden", "khong hien thi", "anonymous", "khong ro"}
)

# Nothing longer can be a phone number, even with a label; the cap keeps pasted text from costing time.
_MAX_LEN = 100

_VN_META = phonenumbers.PhoneMetadata.metadata_for_region("VN")
# Matching phonenumbers' own mobile pattern directly skips number_type(), which tries every type in turn:
# mobiles are nearly all calls, and this runs on every keystroke and a million times in the demo generator.
_VN_MOBILE = re.compile(_VN_META.mobile.national_number_pattern)
_VN_FIXED = re.compile(_VN_META.fixed_line.national_number_pattern)
# Only ASCII digits count: int() and \d would accept other scripts' digits that no phone can dial.
_HAS_DIGIT = re.compile(r"[0-9]")
_NOT_DIGIT = re.compile(r"[^0-9]+")
# Labels and leftovers around the number ("tel:", "SĐT: ", "0912 345 678 (mẹ)") are dropped; a '(' before
# the number goes too, which is harmless because brackets are only separators.
_EDGES = re.compile(r"[^0-9+]*(.*?)[^0-9]*", re.DOTALL)
# What may remain: an optional '+', digits, and separators (NFKC leaves Unicode dashes alone, so list them).
_BODY = re.compile(r"\+?[0-9\s.\-()\u2010-\u2015\u2212]*")
_WORD = re.compile(r"\w+")
# A run of letters, accents included (no digit, no underscore); a label beside a number has at most this many.
_LETTERS = re.compile(r"[^\W\d_]+")
_LABEL_WORDS = 3


@dataclass(frozen=True, slots=True)
class PhoneInfo:
    """One phone number as typed and as understood; `raw` is always kept so nothing typed is lost."""

    raw: str
    e164: str | None
    display: str
    kind: str
    legacy_from: str | None = None
    province: str | None = None

    @property
    def usable(self) -> bool:
        """Whether a call-back or a repeat-caller lookup can use this number."""
        return self.e164 is not None and self.kind not in ("withheld", "invalid")

    @property
    def digits(self) -> str:
        """The digits a user would type to search: '0912345678', '18008077', '16502530000'."""
        return _NOT_DIGIT.sub("", self.display) if self.usable else ""


def normalize_phone(raw: str | None) -> PhoneInfo:
    """Parse typed or caller-ID text; never raises, and unknown input comes back as kind 'invalid'."""
    text = "" if raw is None else str(raw)
    stripped = text.strip()
    if not stripped:
        return PhoneInfo(text, None, "", "withheld")
    if len(stripped) > _MAX_LEN:
        return _invalid(text)
    if not stripped.isascii():
        # Full-width digits and '＋' from Asian input methods become ASCII here.
        stripped = unicodedata.normalize("NFKC", stripped)
    if not _HAS_DIGIT.search(stripped):
        return PhoneInfo(text, None, "", "withheld") if _is_withheld_word(stripped) else _invalid(text)

    body = _EDGES.fullmatch(stripped).group(1)
    if not _BODY.fullmatch(body):
        return _invalid(text)
    digits = _NOT_DIGIT.sub("", body)

    if body.startswith("+") or digits.startswith("00"):  # 00 is Vietnam's international prefix
        international = digits if body.startswith("+") else digits[2:]
        if international.startswith("84"):
            info = _vietnamese(_drop_trunk_zero(international[2:]), text)
        else:
            info = _foreign(international, text)
        return info or _invalid(text)

    if digits in SHORT_CODES:
        return PhoneInfo(text, digits, digits, "short_code")
    # Read as a national number first ("0912…", or "912…"/"1800…" without the trunk 0); only if that fails
    # is a leading 84 taken as the country code typed without '+', so 084x mobiles are never misread.
    info = _vietnamese(digits[1:] if digits.startswith("0") else digits, text)
    if info is None and digits.startswith("84"):
        info = _vietnamese(_drop_trunk_zero(digits[2:]), text)
    return info or _invalid(text)


def holds_prose(raw: str | None) -> bool:
    """Whether text typed as a phone number is words rather than a number: words with no digit that are not a
    withheld word, or more words than a short label beside digits ("SĐT: 0912…", "… (mẹ)" pass, a sentence does
    not). Digits alone, even an incomplete number, are never prose: they are kept and marked invalid."""
    text = raw or ""
    words = _LETTERS.findall(text)
    if not words or normalize_phone(text).kind == "withheld":
        return False
    return len(words) > _LABEL_WORDS or not any(char.isdigit() for char in text)


def _vietnamese(national: str, raw: str) -> PhoneInfo | None:
    """Classify a Vietnamese national significant number (no trunk 0), or None if it is not valid."""
    legacy_from = None
    if len(national) == 10:
        new_prefix = LEGACY_PREFIXES.get("0" + national[:3])
        if new_prefix:
            legacy_from = "0" + national
            national = new_prefix[1:] + national[3:]
    # A second leading 0 would vanish inside int() and let "+84 0 0 1800 8077" pass as toll-free.
    if not national or national[0] == "0" or len(national) > 10:
        return None
    e164 = "+84" + national

    if _VN_MOBILE.fullmatch(national):
        return PhoneInfo(raw, e164, _mobile_display(national), "mobile", legacy_from)
    if _VN_FIXED.fullmatch(national):
        return PhoneInfo(raw, e164, _fixed_display(national), "fixed", legacy_from, _province(national))

    kind = phonenumbers.number_type(PhoneNumber(country_code=84, national_number=int(national)))
    if kind == PhoneNumberType.TOLL_FREE:
        return PhoneInfo(raw, e164, _national_format(national), "toll_free", legacy_from)
    if kind in (PhoneNumberType.PREMIUM_RATE, PhoneNumberType.UAN, PhoneNumberType.VOIP):
        # 1900 (paid service lines), 1999/699 shared numbers and 0672 VoIP are real Vietnamese lines that can
        # be called back and looked up, but they are neither free nor in a province: 'fixed' without a hint.
        return PhoneInfo(raw, e164, _national_format(national), "fixed", legacy_from)
    return None


def _foreign(international: str, raw: str) -> PhoneInfo | None:
    """A valid number of another country in international format, or None."""
    try:
        number = phonenumbers.parse("+" + international, None)
    except NumberParseException:
        return None
    if not phonenumbers.is_valid_number(number):
        return None
    return PhoneInfo(
        raw,
        phonenumbers.format_number(number, PhoneNumberFormat.E164),
        phonenumbers.format_number(number, PhoneNumberFormat.INTERNATIONAL),
        "international",
    )


# Mobiles and landlines are nearly every call, so they are written out here rather than through
# phonenumbers.format_number (about 10 µs a call); the result is the same as phonenumbers' VN rules.
def _mobile_display(national: str) -> str:
    if len(national) == 9 and national[0] != "1":
        return f"0{national[:3]} {national[3:6]} {national[6:]}"  # 0912 345 678
    return _national_format(national)  # the few 9-digit mobiles starting with 1 group differently


def _fixed_display(national: str) -> str:
    if national[1] in "48":
        return f"0{national[:2]} {national[2:6]} {national[6:]}"  # Hà Nội 024, HCMC 028: 024 3825 2777
    return f"0{national[:3]} {national[3:7]} {national[7:]}"  # elsewhere: 0296 3852 123


# Each old province's area code → its name and the province it belongs to since 1 July 2025 (Nghị quyết
# 202/2025/QH15: 63 provinces became 34), by the province code of hotline.core.places. The area codes did not
# change, so phonenumbers' geocoder still names the old provinces: the hint names today's.
_AREA_PROVINCES: dict[str, tuple[str, int]] = {
    "024": ("Hà Nội", 1), "0206": ("Cao Bằng", 4), "0213": ("Lai Châu", 12), "0215": ("Điện Biên", 11),
    "0212": ("Sơn La", 14), "0205": ("Lạng Sơn", 20), "0203": ("Quảng Ninh", 22), "0237": ("Thanh Hóa", 38),
    "0238": ("Nghệ An", 40), "0239": ("Hà Tĩnh", 42), "0234": ("Huế", 46),
    "0207": ("Tuyên Quang", 8), "0219": ("Hà Giang", 8),
    "0214": ("Lào Cai", 15), "0216": ("Yên Bái", 15),
    "0208": ("Thái Nguyên", 19), "0209": ("Bắc Kạn", 19),
    "0210": ("Phú Thọ", 25), "0211": ("Vĩnh Phúc", 25), "0218": ("Hòa Bình", 25),
    "0222": ("Bắc Ninh", 24), "0204": ("Bắc Giang", 24),
    "0221": ("Hưng Yên", 33), "0227": ("Thái Bình", 33),
    "0225": ("Hải Phòng", 31), "0220": ("Hải Dương", 31),
    "0229": ("Ninh Bình", 37), "0226": ("Hà Nam", 37), "0228": ("Nam Định", 37),
    "0233": ("Quảng Trị", 44), "0232": ("Quảng Bình", 44),
    "0236": ("Đà Nẵng", 48), "0235": ("Quảng Nam", 48),
    "0255": ("Quảng Ngãi", 51), "0260": ("Kon Tum", 51),
    "0269": ("Gia Lai", 52), "0256": ("Bình Định", 52),
    "0258": ("Khánh Hòa", 56), "0259": ("Ninh Thuận", 56),
    "0263": ("Lâm Đồng", 68), "0261": ("Đắk Nông", 68), "0252": ("Bình Thuận", 68),
    "0262": ("Đắk Lắk", 66), "0257": ("Phú Yên", 66),
    "028": ("TP. Hồ Chí Minh", 79), "0274": ("Bình Dương", 79), "0254": ("Bà Rịa - Vũng Tàu", 79),
    "0251": ("Đồng Nai", 75), "0271": ("Bình Phước", 75),
    "0276": ("Tây Ninh", 80), "0272": ("Long An", 80),
    "0292": ("Cần Thơ", 92), "0299": ("Sóc Trăng", 92), "0293": ("Hậu Giang", 92),
    "0270": ("Vĩnh Long", 86), "0275": ("Bến Tre", 86), "0294": ("Trà Vinh", 86),
    "0277": ("Đồng Tháp", 82), "0273": ("Tiền Giang", 82),
    "0290": ("Cà Mau", 96), "0291": ("Bạc Liêu", 96),
    "0296": ("An Giang", 91), "0297": ("Kiên Giang", 91),
}  # fmt: skip

_PROVINCES: dict[str, str | None] = {}


def _province(national: str) -> str | None:
    """Province hint from a landline's area code, named as the province is today: 'An Giang' for 0296,
    'An Giang (Kiên Giang cũ)' for 0297."""
    # Hà Nội (024) and Hồ Chí Minh City (028) have two-digit area codes, every other province three.
    area = "0" + (national[:2] if national[:2] in ("24", "28") else national[:3])
    if area not in _PROVINCES:
        entry = _AREA_PROVINCES.get(area)
        if entry is None:
            _PROVINCES[area] = None
        else:
            old, code = entry
            today = _today_name(code)
            _PROVINCES[area] = today if old == today else f"{today} ({old} cũ)"
    return _PROVINCES[area]


def _today_name(code: int) -> str:
    """The short name of a province of today, as a phone hint says it: 'Cần Thơ', 'TP. Hồ Chí Minh'."""
    from hotline.core.places import province_name  # vietnam-provinces loads on the first landline, not at start

    name = province_name(code)
    if name == "Thành phố Hồ Chí Minh":
        return "TP. Hồ Chí Minh"  # the one city named after a person keeps its "TP."
    return name.removeprefix("Thành phố ")


def _national_format(national: str) -> str:
    number = PhoneNumber(country_code=84, national_number=int(national))
    return phonenumbers.format_number(number, PhoneNumberFormat.NATIONAL)


def _drop_trunk_zero(national: str) -> str:
    """'+84 (0) 912…' and '+84 0912…' carry the trunk 0 that a country code replaces: drop one."""
    return national[1:] if national.startswith("0") else national


def _is_withheld_word(text: str) -> bool:
    decomposed = unicodedata.normalize("NFD", text)
    folded = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(_WORD.findall(folded.casefold())) in _WITHHELD_WORDS


def _invalid(raw: str) -> PhoneInfo:
    return PhoneInfo(raw, None, raw.strip(), "invalid")
