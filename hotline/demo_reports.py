"""What the demo generator adds to a report: each person's status and destination, where and in what setting it
happened, the help given before, the referrals and the hand-offs (docs/law.md)."""

from __future__ import annotations

import random
from datetime import datetime, timedelta

from hotline.core.models import (
    CHILD_ABUSED,
    CHILD_AT_RISK,
    CHILD_UNCLEAR,
    NEED_REQUIRED,
    REFERRALS,
    Call,
    Handoff,
    category_group,
)
from hotline.core.places import DEFAULT_PROVINCE, ward_name
from hotline.core.rules import RECRUITMENT_INFO


def pick(rng: random.Random, weights: dict[str, float]) -> str:
    """One key of ``weights``, drawn in proportion to its weight."""
    return rng.choices(list(weights), weights=list(weights.values()))[0]


# --- each person's status: abused (harm done), at risk, unclear ---------------------------------------------------

_STATUS_WEIGHTS = {
    "abuse": {CHILD_ABUSED: 70, CHILD_AT_RISK: 22, CHILD_UNCLEAR: 8},
    "rights": {CHILD_AT_RISK: 65, CHILD_UNCLEAR: 20, CHILD_ABUSED: 15},
    "trafficking": {CHILD_ABUSED: 60, CHILD_AT_RISK: 30, CHILD_UNCLEAR: 10},
    RECRUITMENT_INFO: {CHILD_AT_RISK: 60, CHILD_UNCLEAR: 40},
    "counselling": {CHILD_UNCLEAR: 82, CHILD_AT_RISK: 18},
}


def person_status(rng: random.Random, category: str) -> str:
    """A person's status on a call of ``category``: abuse reports mostly abused, rights violations mostly at risk,
    a job offer abroad at risk or unclear, counselling unclear or at risk."""
    key = category if category == RECRUITMENT_INFO else category_group(category)
    return pick(rng, _STATUS_WEIGHTS.get(key, _STATUS_WEIGHTS["counselling"]))


# --- where trafficking victims were taken: An Giang borders Cambodia ---------------------------------------------

_DESTINATIONS = {"cambodia": 46, "vietnam": 20, "china": 12, "laos": 8, "myanmar": 7, "other": 7}
_DESTINATIONS_BY_PURPOSE = {
    # online-scam compounds across the border
    "trafficking.forced_crime": {"cambodia": 72, "myanmar": 14, "laos": 9, "other": 5},
    "trafficking.forced_marriage": {"china": 74, "vietnam": 10, "other": 16},
    "trafficking.baby_sale": {"vietnam": 55, "china": 35, "cambodia": 10},
    "trafficking.adoption_for_profit": {"vietnam": 60, "china": 30, "other": 10},
    RECRUITMENT_INFO: {"cambodia": 60, "vietnam": 12, "laos": 8, "myanmar": 6, "china": 6, "other": 8},
}


def destination(rng: random.Random, category: str) -> str:
    """Where a person on a trafficking call was taken (or offered work); "" when nobody knows (one in ten)."""
    if rng.random() < 0.1:
        return ""
    return pick(rng, _DESTINATIONS_BY_PURPOSE.get(category, _DESTINATIONS))


# --- the place and setting of the incident ------------------------------------------------------------------------

_VIOLENCE = {"family": 64, "school": 14, "community": 16, "other": 6}
_SETTING_WEIGHTS = {
    "abuse.violence": _VIOLENCE,
    "abuse.sexual": {"family": 40, "community": 34, "school": 10, "online": 6, "other": 10},
    "abuse.online_sexual": {"online": 95, "other": 5},
    "abuse.exploitation": {"workplace": 50, "community": 38, "family": 12},
    "abuse.child_labour": {"workplace": 70, "community": 20, "family": 10},
    "abuse.neglect": {"family": 88, "community": 12},
    "abuse.abandonment": {"family": 30, "community": 65, "other": 5},
    "abuse.sale": {"family": 40, "community": 50, "other": 10},
    "abuse.other": {"family": 40, "school": 22, "community": 28, "other": 10},
    "rights.child_marriage": {"family": 95, "community": 5},
    "rights.missing": {"community": 55, "family": 30, "school": 15},
    "rights.abduction": {"community": 60, "school": 30, "family": 10},
    "rights.illegal_acts": {"community": 80, "workplace": 15, "other": 5},
    "rights.privacy": {"online": 70, "school": 20, "community": 10},
    "rights.discrimination": {"school": 65, "community": 30, "other": 5},
    "rights.alcohol_tobacco": {"community": 90, "school": 10},
    "rights.other": {"family": 60, "community": 25, "other": 15},
    "counselling": {"family": 60, "school": 30, "online": 10},
}
_TRAFFICKING_SETTINGS = {"community": 35, "online": 25, "workplace": 25, "family": 10, "other": 5}

_PLACE_TEXTS = {
    "family": ("tại nhà riêng", "nhà người thân", "nhà bà ngoại", "ấp {n}"),
    "school": ("trường THCS trên địa bàn", "trường tiểu học", "trên đường đi học về", "lớp học thêm"),
    "community": ("khu trọ gần khu công nghiệp", "chợ", "quán cà phê gần bến xe", "bến đò", "nhà văn hóa ấp {n}"),
    "online": ("qua Facebook", "qua Zalo", "qua TikTok", "trò chơi trực tuyến"),
    "workplace": ("lò gạch", "cơ sở chế biến thủy sản", "quán ăn", "vựa trái cây", "tàu cá"),
    "other": ("cửa khẩu Tịnh Biên", "gần cửa khẩu Hà Tiên", "bến xe Long Xuyên", "bệnh viện"),
}


def incident_place(rng: random.Random, wards: list[tuple[int, str]], call: Call, category: str) -> None:
    """Set where and in what setting it happened: mostly the child's own commune, sometimes another commune of An
    Giang, sometimes only free text; the setting follows the kind of report (Thông tư 13/2021, indicator 0101)."""
    group = category_group(category)
    weights = _TRAFFICKING_SETTINGS if group == "trafficking" else _SETTING_WEIGHTS.get(category)
    weights = weights or _SETTING_WEIGHTS.get(group, _VIOLENCE)
    setting = pick(rng, weights)
    home = next((person.ward_code for person in call.children if person.ward_code), None)
    r = rng.random()
    ward = home if r < 0.72 and home else rng.choice(wards)[0] if r < 0.9 else None
    text = ""
    if rng.random() < (0.35 if ward else 0.75):
        text = rng.choice(_PLACE_TEXTS[setting]).format(n=rng.randrange(1, 9))
    call.incident_province_code = DEFAULT_PROVINCE if ward else None
    call.incident_ward_code = ward
    call.incident_place = text
    call.incident_setting = setting


# --- help given before the report (Mẫu 01) ------------------------------------------------------------------------

_HELP_BEFORE = (
    "Hàng xóm đã đưa cháu sang nhà bà ngoại.",
    "Cô giáo chủ nhiệm đã nói chuyện với gia đình.",
    "Mẹ đã đưa cháu đi khám ở trạm y tế xã.",
    "Người dân đã báo Công an xã, công an đã đến nhà.",
    "Trưởng ấp đã đến nhà nhắc nhở người cha.",
    "Người gọi đã cho cháu ở tạm nhà mình.",
    "Nhà trường đã mời phụ huynh lên làm việc.",
    "Gia đình đã trình báo Công an xã.",
)
_HELP_BEFORE_TRAFFICKING = (
    "Gia đình đã báo Đồn Biên phòng gần nhà.",
    "Người nhà đã trình báo Công an xã nơi cư trú.",
    "Người thân đã liên lạc được và khuyên không đi.",
    "Gia đình đã nhờ người quen bên kia biên giới tìm giúp.",
)


def help_before(rng: random.Random, category: str) -> str:
    """The help the person got before the call reached the hotline, on about a third of reports."""
    if rng.random() >= 0.32:
        return ""
    return rng.choice(_HELP_BEFORE_TRAFFICKING if category_group(category) == "trafficking" else _HELP_BEFORE)


# --- referrals and hand-offs ---------------------------------------------------------------------------------------

_MEANS = {"phone": 75, "written": 12, "in_person": 8, "other": 5}
_BORDER_GUARD = (
    "Đồn Biên phòng Cửa khẩu quốc tế Tịnh Biên",
    "Đồn Biên phòng Cửa khẩu quốc tế Hà Tiên",
    "Bộ Chỉ huy Bộ đội Biên phòng tỉnh An Giang",
    "Đồn Biên phòng Khánh Bình",
)
_POLICE = ("Công an tỉnh An Giang (Phòng Cảnh sát hình sự)", "Công an xã nơi cư trú", "Công an tỉnh An Giang")


def referrals(rng: random.Random, call: Call) -> list[str]:
    """Where the call was referred, after the rules ran (``call`` holds their decision): the commune for most
    required reports, police and health for high risk, Border Guard on trafficking, NGO or shelter sometimes, and
    the police or the Border Guard for every adult trafficking victim."""
    codes = set(call.categories)
    groups = {category_group(code) for code in codes}
    young = any(person.group != "adult" for person in call.children) or not call.children
    refs = set()
    if call.case_need == NEED_REQUIRED and rng.random() < 0.85:
        refs.add("commune")
    if young and call.risk in ("high", "immediate"):
        if rng.random() < 0.6:
            refs.add("police_113")
        if codes & {"abuse.violence", "abuse.sexual"} and rng.random() < 0.3:
            refs.add("health_115")
    elif young and "abuse.sexual" in codes and rng.random() < 0.4:
        refs.add("police_113")
    if call.incident_setting == "school" and groups & {"abuse", "rights"} and rng.random() < 0.4:
        refs.add("school")
    trafficked = "trafficking" in groups and codes != {RECRUITMENT_INFO}
    if trafficked and young:
        if rng.random() < 0.45:
            refs.add("border_guard")
        if rng.random() < 0.35:
            refs.add("police_113")
    elif codes == {RECRUITMENT_INFO} and rng.random() < 0.1:
        refs.add("border_guard")
    if call.victim_referral:
        refs.add(pick(rng, {"border_guard": 55, "police_113": 30, "both": 15}))
    if (call.case_need == NEED_REQUIRED and rng.random() < 0.06) or (trafficked and rng.random() < 0.12):
        refs.add("ngo_shelter")
    if "counselling" in groups and rng.random() < 0.04:
        refs.add(rng.choice(("health_dept", "other")))
    if "both" in refs:
        refs.discard("both")
        refs.update(("border_guard", "police_113"))
    return [code for code in REFERRALS if code in refs]


def handoffs(rng: random.Random, call: Call, limit: datetime) -> list[Handoff]:
    """The hand-offs recorded so far (none after ``limit``, the present): nine in ten reports due to the commune
    were passed on shortly after the call, and nine in ten adult victims referred to the Border Guard or police."""
    done = []
    ended = call.ended_at or call.started_at
    home = next((person.ward_code for person in call.children if person.ward_code), None)
    commune = call.incident_ward_code or home
    if call.handoff_due is not None and commune and rng.random() < 0.9:
        at = ended + timedelta(minutes=rng.lognormvariate(2.7, 1.0))
        name = ward_name(commune)
        to_whom = f"UBND {name[:1].lower()}{name[1:]}"  # "UBND xã Mỹ Hòa Hưng", "UBND phường Châu Đốc"
        if at <= limit:
            done.append(Handoff("commune", to_whom, pick(rng, _MEANS), at, call.operator_id))
    if call.victim_referral and rng.random() < 0.9:
        at = ended + timedelta(minutes=rng.lognormvariate(3.0, 1.0))
        office = _BORDER_GUARD if "border_guard" in call.referrals else _POLICE
        if at <= limit:
            done.append(Handoff("victim", rng.choice(office), pick(rng, _MEANS), at, call.operator_id))
    return done
