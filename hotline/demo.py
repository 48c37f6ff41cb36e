"""Realistic synthetic calls for training and benchmarks: reproducible for a seed and an end date."""

from __future__ import annotations

import bisect
import itertools
import random
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

import sqlite_utils

from hotline.core import cases as case_rules
from hotline.core.models import (
    CHILD_AT_RISK,
    NEED_REQUIRED,
    NEED_SUGGESTED,
    SUBSTANTIVE,
    Call,
    Child,
    age_band_for,
    category_group,
)
from hotline.core.phones import PhoneInfo, normalize_phone
from hotline.core.places import DEFAULT_PROVINCE, ward_name, wards_of
from hotline.core.rules import REPORT_GROUPS
from hotline.core.search import compose_search_text
from hotline.core.timeutil import VN_TZ, local, utcnow
from hotline.demo_reports import destination, handoffs, help_before, incident_place, person_status, referrals
from hotline.store import access, bulk, users
from hotline.store.call_rules import Calendar, apply_rules, calendar

#: Demo accounts, shown on the sign-in screen of `main.py --demo`.
DEMO_PASSWORD = "demo1234"
DEMO_ACCOUNTS = (
    ("admin", "Quản trị viên", ("admin",)),
    ("truongca", "Trần Thị Mai", ("shift_lead", "operator")),
    ("tongdai1", "Nguyễn Văn An", ("operator",)),
    ("tongdai2", "Lê Thị Hồng", ("operator",)),
    ("tongdai3", "Phạm Minh Tuấn", ("operator",)),
    ("canbo1", "Huỳnh Thị Lan", ("counselor",)),
    ("canbo2", "Võ Văn Phúc", ("counselor",)),
)

#: Calls per day the generator aims at when it chooses how many days a demo spans.
CALLS_PER_DAY = 900
MIN_DAYS = 30

# ~88 % of contacts to a child hotline carry no case (DESIGN §5 "Contact outcomes").
_OUTCOME_WEIGHTS = {
    "silent": 30,
    "hang_up": 28,
    "prank": 14,
    "wrong_number": 7,
    "abusive": 3,
    "test": 6,
    SUBSTANTIVE: 12,
}
# Substantive calls by topic: counselling leads, then abuse reports (111's published shares).
_GROUP_WEIGHTS = {"counselling": 55, "abuse": 24, "rights": 3, "trafficking": 6, "info": 12}
_CATEGORY_WEIGHTS = {
    "abuse": {
        "abuse.violence": 44,
        "abuse.sexual": 22,
        "abuse.online_sexual": 4,
        "abuse.exploitation": 5,
        "abuse.child_labour": 3,
        "abuse.neglect": 8,
        "abuse.abandonment": 5,
        "abuse.sale": 1,
        "abuse.other": 4,
    },
    "rights": {
        "rights.child_marriage": 30,
        "rights.missing": 25,
        "rights.abduction": 8,
        "rights.illegal_acts": 10,
        "rights.privacy": 12,
        "rights.discrimination": 6,
        "rights.alcohol_tobacco": 4,
        "rights.other": 5,
    },
    "trafficking": {
        "trafficking.recruitment_info": 40,
        "trafficking.for_money": 6,
        "trafficking.forced_labour": 15,
        "trafficking.forced_crime": 15,
        "trafficking.sexual_exploitation": 12,
        "trafficking.forced_marriage": 8,
        "trafficking.baby_sale": 4,
        "trafficking.adoption_for_profit": 2,
        "trafficking.organ_removal": 1,
        "trafficking.other_inhumane": 3,
    },
    "counselling": {
        "counselling.relationships": 34,
        "counselling.physical_health": 18,
        "counselling.legal": 14,
        "counselling.mental_health": 13,
        "counselling.reproductive_health": 10,
        "counselling.education": 6,
        "counselling.online_safety": 4,
        "counselling.other": 1,
    },
    "info": {"info.hotline": 45, "info.services": 35, "info.complaint": 10, "info.other": 10},
}
# Calls by hour of the day (local): quiet at night, busiest in the evening after school and work.
_HOUR_WEIGHTS = (2, 1, 1, 1, 1, 2, 4, 6, 7, 7, 7, 7, 6, 6, 7, 8, 9, 10, 12, 14, 14, 12, 8, 4)
_WEEKEND_FACTOR = 1.3

_SURNAMES = (
    ("Nguyễn", 38),
    ("Trần", 11),
    ("Lê", 9),
    ("Phạm", 7),
    ("Huỳnh", 5),
    ("Hoàng", 3),
    ("Phan", 4),
    ("Vũ", 2),
    ("Võ", 4),
    ("Đặng", 2),
    ("Bùi", 2),
    ("Đỗ", 2),
    ("Hồ", 2),
    ("Ngô", 2),
    ("Dương", 2),
    ("Lý", 2),
    ("Đào", 1),
    ("Châu", 1),
    ("Thạch", 1),
    ("Danh", 1),
)
_MIDDLE_M = ("Văn", "Minh", "Hoàng", "Quốc", "Thanh", "Gia", "Đức", "Hữu")
_MIDDLE_F = ("Thị", "Ngọc", "Thanh", "Kim", "Bảo", "Mỹ", "Thu", "Hồng")
_GIVEN_M = (
    "An",
    "Bình",
    "Cường",
    "Dũng",
    "Đạt",
    "Hải",
    "Hiếu",
    "Huy",
    "Khang",
    "Khoa",
    "Long",
    "Nam",
    "Phát",
    "Phúc",
    "Quân",
    "Tài",
    "Thành",
    "Thịnh",
    "Tín",
    "Trí",
    "Tuấn",
    "Việt",
    "Vinh",
    "Đào",
)
_GIVEN_F = (
    "Anh",
    "Châu",
    "Diễm",
    "Dung",
    "Giang",
    "Hà",
    "Hân",
    "Hạnh",
    "Hoa",
    "Hương",
    "Lan",
    "Linh",
    "Mai",
    "My",
    "Ngân",
    "Nhi",
    "Như",
    "Oanh",
    "Phương",
    "Quyên",
    "Thảo",
    "Trang",
    "Trâm",
    "Vy",
    "Yến",
    "Đào",
)

_SUMMARIES = {
    "abuse.violence": "Trẻ bị {who} đánh nhiều lần, trên người có vết bầm. Người gọi lo trẻ không an toàn ở nhà.",
    "abuse.sexual": "Người gọi nghi trẻ bị {who} xâm hại tình dục; trẻ sợ hãi, không dám đi học.",
    "abuse.online_sexual": "Trẻ bị một người quen trên mạng dọa tung ảnh nhạy cảm nếu không gửi thêm ảnh.",
    "abuse.exploitation": "Trẻ bị bắt đi bán vé số đến khuya, bị lấy hết tiền.",
    "abuse.child_labour": "Trẻ{age} làm thuê ở lò gạch cả ngày, bỏ học.",
    "abuse.neglect": "Trẻ thường bị bỏ một mình ở nhà nhiều ngày, không có ai chăm sóc, thiếu ăn.",
    "abuse.abandonment": "Phát hiện trẻ sơ sinh bị bỏ trước cổng chùa, đã báo công an xã.",
    "rights.child_marriage": "Gia đình ép trẻ{age} lấy chồng, trẻ gọi xin giúp đỡ.",
    "rights.missing": "Trẻ đi học không về từ chiều qua, gia đình đã tìm khắp xóm.",
    "rights.abduction": "Người lạ dụ trẻ lên xe máy trước cổng trường, trẻ chưa về nhà.",
    "rights.illegal_acts": "Trẻ bị nhóm người lớn sai đi giao hàng cấm ở chợ đêm.",
    "rights.privacy": "Ảnh và tên của trẻ bị đăng lên mạng kèm lời lẽ xúc phạm.",
    "rights.discrimination": "Trẻ khuyết tật bị nhà trường từ chối nhận vào lớp.",
    "rights.alcohol_tobacco": "Quán tạp hóa gần trường bán rượu, thuốc lá cho học sinh.",
    "rights.other": "Trẻ không được làm giấy khai sinh vì cha mẹ chưa đăng ký kết hôn.",
    "trafficking.for_money": "Người quen hứa trả tiền nếu đưa trẻ qua biên giới cho người khác.",
    "abuse.sale": "Nghi có người đến hỏi mua trẻ sơ sinh ở bệnh viện huyện.",
    "abuse.other": "Trẻ bị bạn bè cô lập, bị chửi mắng hằng ngày ở nơi ở trọ.",
    "trafficking.recruitment_info": "Người gọi hỏi về lời mời làm việc lương cao ở Campuchia, không cần bằng cấp.",
    "trafficking.forced_labour": "Con của người gọi đi làm ở nước ngoài, bị giữ giấy tờ và không cho về.",
    "trafficking.forced_crime": "Người thân bị đưa qua biên giới, bị ép làm lừa đảo qua mạng, bị đánh.",
    "trafficking.sexual_exploitation": "Nghi trẻ bị dụ dỗ đi làm nhà hàng rồi bị ép bán dâm.",
    "trafficking.forced_marriage": "Trẻ bị môi giới gả cho người nước ngoài, gia đình mất liên lạc.",
    "trafficking.baby_sale": "Nghi có đường dây mua bán trẻ sơ sinh trong khu trọ.",
    "trafficking.adoption_for_profit": "Có người đề nghị trả tiền để nhận con nuôi không qua thủ tục.",
    "trafficking.organ_removal": "Người gọi được mời bán thận, hỏi có hợp pháp không.",
    "trafficking.other_inhumane": "Nghi trẻ bị đưa đi và giữ làm việc không công.",
    "counselling.relationships": "Trẻ buồn vì bố mẹ cãi nhau, muốn được tư vấn cách nói chuyện với bố mẹ.",
    "counselling.physical_health": "Phụ huynh hỏi về chăm sóc trẻ bị sốt xuất huyết.",
    "counselling.legal": "Người gọi hỏi thủ tục làm giấy khai sinh cho trẻ.",
    "counselling.mental_health": "Trẻ căng thẳng trước kỳ thi, mất ngủ, cần được lắng nghe.",
    "counselling.reproductive_health": "Trẻ vị thành niên hỏi về sức khỏe sinh sản.",
    "counselling.education": "Trẻ bị điểm kém, sợ bố mẹ la, muốn bỏ học.",
    "counselling.online_safety": "Phụ huynh hỏi cách giữ an toàn cho con khi dùng mạng xã hội.",
    "counselling.other": "Trẻ muốn tâm sự về chuyện bạn bè.",
    "info.hotline": "Hỏi về hoạt động của tổng đài 111.",
    "info.services": "Hỏi địa chỉ trung tâm công tác xã hội gần nhất.",
    "info.complaint": "Góp ý về thời gian chờ khi gọi tổng đài.",
    "info.other": "Hỏi thông tin chung.",
}
# What a trafficking call about adults (18 or older: victims, not children) says.
_ADULT_SUMMARIES = {
    "trafficking.recruitment_info": "Người gọi được mời sang Campuchia làm việc lương cao, hỏi có an toàn không.",
    "trafficking.forced_crime": "Người thân bị đưa qua biên giới, bị giữ ở khu lừa đảo qua mạng, bị đánh.",
    "trafficking.forced_labour": "Người nhà đi làm ở nước ngoài bị giữ giấy tờ, làm việc không lương, không cho về.",
    "trafficking.sexual_exploitation": "Người thân bị dụ đi làm nhà hàng rồi bị ép bán dâm, gọi về cầu cứu.",
    "trafficking.forced_marriage": "Con gái của người gọi bị môi giới gả ra nước ngoài, nay gia đình mất liên lạc.",
    "trafficking.for_money": "Người thân bị bạn quen bán qua biên giới để lấy tiền, vừa nhắn tin cầu cứu.",
}
_ADULT_SUMMARY = "Người thân bị đưa đi làm việc xa, gia đình nghi bị mua bán, đã mất liên lạc nhiều ngày."
# Trafficking calls about a baby or an adoption name no adult victim.
_CHILD_ONLY_PURPOSES = ("trafficking.baby_sale", "trafficking.adoption_for_profit")
_NO_DAYS_OFF = Calendar()  # no holidays, no swapped Saturdays
#: The ages a summary's words fit (a summary must agree with the child it is about): newborns, school children,
#: a working teenager, a bride. Other topics: 3 to 17 (12 to 17 for trafficking).
_AGE_RANGES = {
    "abuse.abandonment": (0, 0),
    "abuse.sale": (0, 0),
    "trafficking.baby_sale": (0, 0),
    "trafficking.adoption_for_profit": (0, 5),
    "abuse.child_labour": (12, 17),
    "abuse.exploitation": (8, 17),
    "abuse.online_sexual": (10, 17),
    "rights.child_marriage": (13, 17),
    "rights.missing": (6, 17),
    "rights.abduction": (5, 15),
    "rights.illegal_acts": (10, 17),
    "rights.discrimination": (5, 15),
    "rights.alcohol_tobacco": (10, 17),
    "counselling.relationships": (8, 17),
    "counselling.mental_health": (10, 17),
    "counselling.reproductive_health": (12, 17),
    "counselling.education": (6, 17),
    "counselling.online_safety": (8, 17),
}
#: Topics whose summary speaks of a girl (a marriage arranged for her; an adult's: "con gái", a daughter).
_GIRLS = frozenset({"rights.child_marriage", "trafficking.forced_marriage"})
#: Share of the people on a trafficking call who are adults (since ND 162/2025, 111 is also the anti-trafficking line).
ADULT_SHARE = 1 / 3
_OVERRIDE_REASON = "Người gọi cho biết trẻ đã được công an xã đưa về nơi an toàn, đã có cán bộ xã theo dõi."
_WHO = ("cha dượng", "mẹ kế", "người hàng xóm", "bố", "người thân", "một người đàn ông lạ")
_ACTIONS = (
    "Đã lắng nghe, trấn an trẻ và hướng dẫn cách giữ an toàn.",
    "Đã báo công an xã và cán bộ bảo vệ trẻ em cấp xã.",
    "Đã kết nối với trạm y tế xã.",
    "Đã tư vấn và hẹn gọi lại.",
)
_LEGACY = (
    "0162",
    "0163",
    "0164",
    "0165",
    "0166",
    "0167",
    "0168",
    "0169",
    "0120",
    "0121",
    "0122",
    "0126",
    "0128",
    "0123",
    "0124",
    "0125",
    "0127",
    "0129",
    "0186",
    "0188",
    "0199",
)
_MOBILE = (
    "032",
    "033",
    "034",
    "035",
    "036",
    "037",
    "038",
    "039",
    "070",
    "076",
    "077",
    "078",
    "079",
    "081",
    "082",
    "083",
    "084",
    "085",
    "086",
    "088",
    "089",
    "090",
    "091",
    "093",
    "094",
    "096",
    "097",
    "098",
)


def _pick(rng: random.Random, weights: dict[str, int]) -> str:
    return rng.choices(list(weights), weights=list(weights.values()))[0]


@dataclass
class _Pools:
    phones: list[PhoneInfo]
    wards: list[tuple[int, str]]
    operators: list[int]
    counselors: list[int]


def _phone_pool(rng: random.Random, size: int) -> list[PhoneInfo]:
    pool = []
    for _ in range(size):
        r = rng.random()
        if r < 0.78:
            raw = rng.choice(_MOBILE) + f"{rng.randrange(10_000_000):07d}"
            raw = f"{raw[:4]} {raw[4:7]} {raw[7:]}" if rng.random() < 0.5 else raw
        elif r < 0.87:
            raw = rng.choice(_LEGACY) + f"{rng.randrange(10_000_000):07d}"  # logged as the caller still says it
        elif r < 0.97:
            raw = rng.choice(("0296", "0297")) + " 3" + f"{rng.randrange(1_000_000):06d}"
        else:
            raw = rng.choice(("+855 12 345 678", "+84 (0) 9", "12345", "0909"))
        pool.append(normalize_phone(raw))
    return pool


def _name(rng: random.Random, sex: str) -> str:
    surname = rng.choices([s for s, _ in _SURNAMES], weights=[w for _, w in _SURNAMES])[0]
    if sex == "female":
        return f"{surname} {rng.choice(_MIDDLE_F)} {rng.choice(_GIVEN_F)}"
    return f"{surname} {rng.choice(_MIDDLE_M)} {rng.choice(_GIVEN_M)}"


def _moments(rng: random.Random, count: int, first_day: date, days: int, limit: datetime) -> list[datetime]:
    """Start times before ``limit`` spread over the days, more at weekends and in the evening, sorted."""
    day_weights = [(_WEEKEND_FACTOR if (first_day + timedelta(d)).weekday() >= 5 else 1.0) for d in range(days)]
    cum_days = list(itertools.accumulate(day_weights))
    cum_hours = list(itertools.accumulate(_HOUR_WEIGHTS))
    base = datetime.combine(first_day, time(0), VN_TZ).astimezone(UTC)
    limit_s = (limit - base).total_seconds()
    offsets = []
    while len(offsets) < count:
        d = bisect.bisect(cum_days, rng.random() * cum_days[-1])
        h = bisect.bisect(cum_hours, rng.random() * cum_hours[-1])
        offset = d * 86400 + h * 3600 + rng.randrange(3600)
        if offset < limit_s:  # the last day is only filled up to the present
            offsets.append(offset)
    offsets.sort()
    return [base + timedelta(seconds=s) for s in offsets]


def _child(rng: random.Random, pools: _Pools, category: str, *, adult: bool = False) -> Child:
    """One person a call is about: a child (mostly under 16, some 16–17) or, on a trafficking call, an adult of
    18–45 (sometimes of unknown age, recorded as "18+"); everyone on a trafficking call gets a destination."""
    sex = rng.choices(("female", "male", "unknown"), weights=(52, 44, 4))[0]
    if category in _GIRLS:
        sex = "female"
    group = category_group(category)
    special = []
    if adult:
        age = None if rng.random() < 0.1 else int(rng.triangular(18, 46, 22))
        band = "18+" if age is None else age_band_for(age)
    else:
        low, high = _AGE_RANGES.get(category, (12 if group == "trafficking" else 3, 17))
        age = None if rng.random() < 0.15 else rng.randint(low, high)
        band = age_band_for(age)
        if rng.random() < 0.08:
            special = [rng.choice(("disability", "orphan_both", "no_one_to_depend_on", "out_of_school_working"))]
    ward = rng.choice(pools.wards) if rng.random() < 0.9 else (None, "")
    named = adult or rng.random() < 0.8
    given = _GIVEN_M if sex == "male" else _GIVEN_F  # "bé Hoa" is a girl's alias
    return Child(
        name=_name(rng, sex) if named else rng.choice(("bé", "cháu")) + " " + rng.choice(given),
        sex=sex,
        age=age,
        age_band=band,
        province_code=DEFAULT_PROVINCE if ward[0] else None,
        ward_code=ward[0],
        address=f"ấp {rng.randrange(1, 9)}" if ward[0] else "",
        special_circumstances=special,
        status=person_status(rng, category),
        destination=destination(rng, category) if group == "trafficking" else "",
    )


def _age_words(people: list[Child]) -> str:
    """" 13 tuổi" when every child of the call is 13 (so the words fit each child's case file), else nothing."""
    ages = {person.age for person in people}
    return f" {ages.pop()} tuổi" if len(ages) == 1 and None not in ages else ""


def _substantive(rng: random.Random, pools: _Pools, call: Call) -> str:
    """Fill a call with content: topic, people, place, caller; returns the topic's group."""
    # the anti-trafficking line hears mostly about trafficking
    group = "trafficking" if call.line == "18008077" and rng.random() < 0.7 else _pick(rng, _GROUP_WEIGHTS)
    codes = [_pick(rng, _CATEGORY_WEIGHTS[group])]
    first = codes[0]
    if group in REPORT_GROUPS:
        call.risk = rng.choices(("low", "medium", "high", "immediate"), weights=(20, 40, 30, 10))[0]
        count = rng.choices((1, 2, 3), weights=(85, 12, 3))[0]
        adults = ADULT_SHARE if group == "trafficking" and first not in _CHILD_ONLY_PURPOSES else 0
        call.children = [_child(rng, pools, first, adult=rng.random() < adults) for _ in range(count)]
        young = any(person.group != "adult" for person in call.children)
        if group in ("abuse", "trafficking") and young and rng.random() < 0.2:
            codes.append(_pick(rng, _CATEGORY_WEIGHTS["abuse"]))
        incident_place(rng, pools.wards, call, first)
        call.help_before = help_before(rng, first)
    else:
        call.risk = rng.choices(("none", "low", "medium"), weights=(60, 30, 10))[0]
        if group == "counselling":
            call.children = [_child(rng, pools, first)]
            if call.children[0].status == CHILD_AT_RISK:
                incident_place(rng, pools.wards, call, first)
    call.categories = sorted(set(codes))
    adults_only = bool(call.children) and all(person.group == "adult" for person in call.children)
    if adults_only:
        call.summary = _ADULT_SUMMARIES.get(first, _ADULT_SUMMARY)
    else:
        call.summary = _SUMMARIES[first].format(who=rng.choice(_WHO), age=_age_words(call.children))
    call.action_taken = rng.choice(_ACTIONS)
    call.caller_relation = rng.choice(("self", "parent", "relative", "neighbour", "teacher", "friend", "other"))
    call.caller_sex = rng.choice(("female", "male"))
    child_caller = call.caller_relation in ("self", "friend") and not adults_only
    call.caller_age_band = "11-15" if child_caller else "18-59"
    call.callback_consent = rng.random() < 0.6
    if call.caller_relation not in ("self", "friend") and rng.random() < 0.5:
        call.caller_name = _name(rng, call.caller_sex)
    call.duration_s = int(min(3600, max(120, rng.lognormvariate(6.4, 0.5))))
    return group


def _saved(call: Call, days: Calendar, choice: float, report: bool) -> Call:
    """The call as the store keeps it (store.call_rules.apply_rules, saved at its end) after the operator's choice
    ``choice`` in [0, 1): a rule's flag is kept 99 times in 100 (else cleared with a written reason), a suggested
    file is taken 4 times in 10 (a flag by hand) when a child is named or none is, nothing else is flagged."""
    # First guess: the operator leaves a report flagged. Checked against the decision, re-applied when wrong.
    call.flagged, call.flag_override_reason = report, _OVERRIDE_REASON
    saved = apply_rules(call, days, saved_at=call.ended_at)
    need = saved.case_need
    child = not call.children or any(person.group != "adult" for person in call.children)  # no file for adults
    wanted = choice >= 0.01 if need == NEED_REQUIRED else need == NEED_SUGGESTED and choice < 0.4 and child
    if saved.flagged != wanted:
        call.flagged = wanted
        saved = apply_rules(call, days, saved_at=call.ended_at)
    return saved


def _service_level(rng: random.Random, call: Call, group: str) -> str:
    """111's tier of a call with content: intervention for the flagged reports and adult victims' referrals,
    information or counselling for the rest (most calls with content, as 111 publishes them) — a counselling call
    flagged by hand for a child at risk stays counselling."""
    if (call.flagged and group in REPORT_GROUPS) or call.victim_referral:
        return "intervention"
    if group == "info":
        return "information"
    return "counselling" if rng.random() < (0.85 if group == "counselling" else 0.65) else "information"


def generate_calls(
    count: int,
    seed: int,
    end_day: date,
    operators: list[int],
    counselors: list[int],
    days: Calendar = _NO_DAYS_OFF,
) -> Iterator[tuple[Call, str]]:
    """Yield (call, search text) for ``count`` calls ending on local day ``end_day``, oldest first; each call is as
    the store would keep it after applying its rules with the working calendar ``days``."""
    rng = random.Random(seed)
    span = max(MIN_DAYS, -(-count // CALLS_PER_DAY))
    first_day = end_day - timedelta(days=span - 1)
    pools = _Pools(
        phones=_phone_pool(rng, max(50, count // 6)),
        wards=wards_of(DEFAULT_PROVINCE),
        operators=operators,
        counselors=counselors,
    )
    outcomes, outcome_weights = list(_OUTCOME_WEIGHTS), list(itertools.accumulate(_OUTCOME_WEIGHTS.values()))
    end = datetime.combine(end_day + timedelta(days=1), time(0), VN_TZ).astimezone(UTC)
    limit = min(end, utcnow() - timedelta(minutes=5))
    lines = ("111",) * 92 + ("18008077",) * 8
    # A one-key call's search text is its phone's alone: composed once per number (most calls are one-key).
    phone_texts: dict[int, str] = {}
    for started in _moments(rng, count, first_day, span, limit):
        outcome = outcomes[bisect.bisect(outcome_weights, rng.random() * outcome_weights[-1])]
        r = rng.random()
        index = int(len(pools.phones) * r * r * r) if rng.random() > 0.12 else -1
        phone = pools.phones[index] if index >= 0 else None
        call = Call(
            line=rng.choice(lines),
            started_at=started,
            operator_id=operators[(local(started).hour // 8 + started.day) % len(operators)],
            outcome=outcome,
            channel="phone" if rng.random() < 0.93 else rng.choice(("zalo", "app", "walk_in")),
            phone_raw=phone.raw if phone else "",
            phone_e164=phone.e164 if phone else None,
            phone_kind=phone.kind if phone else "withheld",
            uuid=f"{rng.getrandbits(128):032x}",
        )
        if outcome == SUBSTANTIVE:
            group = _substantive(rng, pools, call)
            call.ended_at = started + timedelta(seconds=call.duration_s)
            call.service_level = "intervention"  # chosen below, once the flag is known; the store needs one
            call = _saved(call, days, rng.random(), group in REPORT_GROUPS)
            call.service_level = _service_level(rng, call, group)
            call.referrals = referrals(rng, call)
            call.handoffs = handoffs(rng, call, limit)
            texts = [call.caller_name, call.summary, call.action_taken]
            for child in call.children:
                texts += [child.name, child.address, ward_name(child.ward_code)]
            search_text = compose_search_text(texts, phone.digits if phone else "")
        else:
            call.risk = "none"  # a one-key outcome carries no report, as the store keeps it
            call.duration_s = {"silent": 20, "hang_up": 6, "prank": 45, "wrong_number": 15, "abusive": 60, "test": 30}[
                outcome
            ] + rng.randrange(30)
            call.ended_at = started + timedelta(seconds=call.duration_s)
            if index not in phone_texts:
                phone_texts[index] = compose_search_text([], phone.digits if phone else "")
            search_text = phone_texts[index]
        yield call, search_text


def _step_reached(rng: random.Random, age: timedelta) -> str:
    """The step an open demo case has reached after ``age``: most counselors keep to the legal clock."""
    if rng.random() < 0.05:  # a few cases lag behind, so the overdue list is not empty
        return "received"
    if age < timedelta(hours=6):
        return "received"
    if age < timedelta(days=3):
        return rng.choice(("assessment", "needs"))
    if age < timedelta(days=7):
        return rng.choice(("needs", "plan", "plan"))
    return rng.choice(("plan", "implementing", "implementing", "review"))


def _steps_done(
    rng: random.Random,
    status: str,
    opened: datetime,
    until: datetime,
    safety_due: datetime | None,
    plan_due: datetime | None,
) -> tuple[tuple[str, datetime], ...]:
    """When each step up to ``status`` was completed, between the opening and ``until``: most on time (the plan
    before the plan time, Điều 28(1); the initial assessment of an urgent report, by habit, within its 12 hours),
    about one in ten late."""
    last = case_rules.STEPS.index(status) if status != case_rules.CLOSED else len(case_rules.STEPS) - 2
    horizon = min(until, opened + timedelta(days=20))  # the work of a case is mostly done in its first weeks
    steps, at = [], opened
    for step in case_rules.STEPS[1 : last + 1]:
        due = safety_due if step == "assessment" else case_rules.step_due(step, plan_due)
        if due is not None and due > at and rng.random() > 0.1:
            at += (min(due, horizon) - at) * rng.uniform(0.3, 0.9)
        else:
            at += (horizon - at) * rng.uniform(0.05, 0.2)
        steps.append((step, at))
    return tuple(steps)


def _case_specs(rng: random.Random, calls: list[Call], counselors: list[int]) -> list[bulk.CaseSpec | bulk.HandoffSpec]:
    """Most flagged calls older than two days got a case file per child (an urgent one within hours); a few are
    still waiting. Each case's clocks as demo_cases draws them; hand-offs not made at the call mostly made later."""
    from hotline.demo_cases import case_clocks_of, late_handoffs

    now = utcnow()
    specs: list[bulk.CaseSpec | bulk.HandoffSpec] = []
    for call in calls:
        specs += late_handoffs(rng, call, now)
        # a few calls of the last week still wait for their files; older ones almost all have them
        waiting = 0.1 if now - call.started_at < timedelta(days=7) else 0.01
        if not call.flagged or now - call.started_at < timedelta(days=2) or rng.random() < waiting:
            continue
        hours = rng.uniform(0.3, 8) if call.safety_due else rng.uniform(1, 40)
        opened = call.started_at + timedelta(hours=hours)
        old = now - opened > timedelta(days=60)
        # an adult trafficking victim gets a victim referral, never a child's case file (docs/law.md)
        young = [child for child in call.children if child.group != "adult"]
        if call.children and not young:
            continue
        for child in young or [None]:
            closed = opened + timedelta(days=rng.uniform(20, 55)) if old and rng.random() < 0.8 else None
            counselor = rng.choice(counselors)
            status = "closed" if closed else _step_reached(rng, now - opened)
            steps = _steps_done(rng, status, opened, closed or now, call.safety_due, call.plan_due)
            clocks = case_clocks_of(rng, call, status, steps, closed, now)
            specs.append(
                bulk.CaseSpec(
                    call_id=call.id,
                    child_id=child.id if child else None,
                    opened_by=counselor,
                    opened_at=opened,
                    assigned_to=counselor,
                    status=clocks.status,
                    risk=call.risk,
                    safety_due=call.safety_due,
                    plan_due=clocks.plan_due,
                    closed_at=closed,
                    closure_reason="Trẻ đã an toàn, đã kết nối dịch vụ" if closed else "",
                    steps=clocks.steps,
                    emergency_done_at=clocks.emergency_done_at,
                    plan_approved_on=clocks.plan_approved_on,
                    separation_started_at=clocks.separation_started_at,
                    separation_until=clocks.separation_until,
                    separation_ended_at=clocks.separation_ended_at,
                    events=tuple(clocks.events),
                )
            )
    return specs


def ensure_demo_accounts(db: sqlite_utils.Database) -> dict[str, int]:
    """Create the demo accounts that do not exist yet; returns username → id."""
    ids = {}
    for username, display, roles in DEMO_ACCOUNTS:
        user = users.find_user(db, username) or users.add_user(
            db, username, display, roles, DEMO_PASSWORD, by=access.COMMAND_LINE
        )
        ids[username] = user.id
    return ids


def build_demo(db: sqlite_utils.Database, *, calls: int, seed: int = 1, end_day: date | None = None) -> int:
    """Fill a database with demo accounts and ``calls`` calls ending on ``end_day`` (default today, up to now)."""
    ids = ensure_demo_accounts(db)
    operators = [ids["tongdai1"], ids["tongdai2"], ids["tongdai3"], ids["truongca"]]
    counselors = [ids["canbo1"], ids["canbo2"]]
    end_day = end_day or local(utcnow()).date()
    stored: list[Call] = []

    def keep_flagged(items):
        for call, text in items:
            if call.flagged:
                stored.append(call)
            yield call, text

    generated = generate_calls(calls, seed, end_day, operators, counselors, calendar(db))
    inserted = bulk.insert_calls(db, keep_flagged(generated))
    bulk.open_cases(db, _case_specs(random.Random(seed + 1), stored, counselors))
    return len(inserted)
