"""Words and numbers of the statistics report, in Vietnamese or English: the codes' labels, the indicators and
their definitions, values as people read them (3.105 · 87,5 % · 29/11/2026)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime, timedelta

from hotline.core.places import ward_name
from hotline.core.report_data import ReportData, vn_decimal, vn_int, vn_percent
from hotline.core.timeutil import from_ms, local
from hotline.reports.export import CHANNELS_VI, CHILD_AGE_BANDS_VI, OUTCOMES_VI, RELATIONS_VI, SEXES_VI

# English words for the same codes: the source strings of hotline.ui.labels (reports do not import the UI;
# tests/reports/test_stats_words.py holds the two together).
OUTCOMES_EN = {
    "substantive": "Call with content",
    "silent": "Silent",
    "hang_up": "Hang-up",
    "prank": "Prank",
    "wrong_number": "Wrong number",
    "abusive": "Abusive",
    "test": "Test call",
}
SEXES_EN = {"unknown": "Unknown", "female": "Female", "male": "Male"}
CHILD_AGE_BANDS_EN = {
    "unknown": "Age unknown",
    "0-5": "0–5 years",
    "6-10": "6–10 years",
    "11-15": "11–15 years",
    "16-17": "16–17 years",
    "18+": "Adult (18 or older)",
}
RELATIONS_EN = {
    "unknown": "Not said",
    "self": "The child themself",
    "parent": "Parent",
    "relative": "Relative",
    "carer": "Carer",
    "neighbour": "Neighbour",
    "teacher": "Teacher",
    "friend": "Friend",
    "official": "Official (police, commune, health)",
    "other": "Other",
}
WEEKDAYS_VI = ("Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ nhật")
WEEKDAY_KEYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")  # the CSV's sections: hour_weekday.mon…
WEEKDAYS_EN = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
UNKNOWN_COMMUNE = {"vi": "Không rõ", "en": "Not recorded"}
CHANNELS_EN = {"phone": "Phone", "zalo": "Zalo", "app": "App", "walk_in": "Walk-in"}
# 111's tiers, referrals, settings, destinations and age groups: the screens' words (hotline.ui.labels; the test
# tests/reports/test_stats_words.py holds the English together), and a word for what was not recorded.
SERVICE_LEVELS_VI = {
    "information": "Hỏi đáp thông tin",
    "counselling": "Tư vấn chuyên sâu",
    "intervention": "Hỗ trợ, can thiệp",
}
SERVICE_LEVELS_EN = {
    "information": "Information",
    "counselling": "In-depth counselling",
    "intervention": "Support or intervention",
}
REFERRALS_VI = {
    "police_113": "Công an 113",
    "health_115": "Cấp cứu 115",
    "commune": "UBND xã",
    "health_dept": "Sở Y tế",
    "school": "Trường học",
    "border_guard": "Bộ đội Biên phòng",
    "ngo_shelter": "Tổ chức xã hội, nhà tạm lánh",
    "other": "Dịch vụ khác",
}
REFERRALS_EN = {
    "police_113": "Police 113",
    "health_115": "Emergency 115",
    "commune": "Commune committee",
    "health_dept": "Health department",
    "school": "School",
    "border_guard": "Border Guard",
    "ngo_shelter": "NGO or shelter",
    "other": "Other service",
}
INCIDENT_SETTINGS_VI = {
    "family": "Gia đình",
    "school": "Trường học",
    "community": "Cộng đồng",
    "online": "Trên mạng",
    "workplace": "Nơi làm việc",
    "other": "Nơi khác",
}
INCIDENT_SETTINGS_EN = {
    "family": "Family",
    "school": "School",
    "community": "Community",
    "online": "Online",
    "workplace": "Workplace",
    "other": "Other place",
}
DESTINATIONS_VI = {
    "cambodia": "Campuchia",
    "laos": "Lào",
    "china": "Trung Quốc",
    "myanmar": "Myanmar",
    "vietnam": "Trong nước",
    "other": "Nước khác",
}
DESTINATIONS_EN = {
    "cambodia": "Cambodia",
    "laos": "Laos",
    "china": "China",
    "myanmar": "Myanmar",
    "vietnam": "Within Vietnam",
    "other": "Other country",
}
AGE_GROUPS_VI = {
    "child": "Trẻ em (dưới 16 tuổi)",
    "minor": "Người chưa thành niên (16–17 tuổi)",
    "adult": "Nạn nhân là người lớn (từ 18 tuổi)",
    "unknown": "Không rõ tuổi",
}
AGE_GROUPS_EN = {
    "child": "Child (under 16)",
    "minor": "Minor (16–17)",
    "adult": "Adult victim (18 or older)",
    "unknown": "Age unknown",
}
#: Words for the report's own keys: a value not recorded, no referral, the two forms that are no abuse code.
OWN_VI = {
    "not_recorded": "Không ghi nhận",
    "none": "Không chuyển gửi",
    "trafficking": "Bị mua bán (tin báo mua bán người)",
    "no_form": "Chưa ghi hình thức xâm hại",
}
OWN_EN = {
    "not_recorded": "Not recorded",
    "none": "Not referred",
    "trafficking": "Trafficked (trafficking report)",
    "no_form": "No form of abuse recorded",
}

#: Cell kinds: how a value is stored and written (XLSX number format, CSV and PDF text).
TEXT, INT, SHARE, HOURS, DATE, MONTH, DATETIME = "text", "int", "share", "hours", "date", "month", "datetime"
ID = "id"  # a number that names something (a call): written without thousands separators


def words(lang: str, vi: str, en: str) -> str:
    """The Vietnamese or the English wording (anything but "en" is Vietnamese: the province's language)."""
    return en if lang == "en" else vi


def outcome_label(code: str, lang: str = "vi") -> str:
    return (OUTCOMES_EN if lang == "en" else OUTCOMES_VI).get(code, code)


def sex_label(code: str, lang: str = "vi") -> str:
    return (SEXES_EN if lang == "en" else SEXES_VI).get(code, code)


def age_band_label(code: str, lang: str = "vi") -> str:
    return (CHILD_AGE_BANDS_EN if lang == "en" else CHILD_AGE_BANDS_VI).get(code, code)


def relation_label(code: str, lang: str = "vi") -> str:
    return (RELATIONS_EN if lang == "en" else RELATIONS_VI).get(code, code)


def _worded(code: str, lang: str, vi: Mapping[str, str], en: Mapping[str, str]) -> str:
    table = en if lang == "en" else vi
    return table.get(code) or (OWN_EN if lang == "en" else OWN_VI).get(code, code)


def channel_label(code: str, lang: str = "vi") -> str:
    return _worded(code, lang, CHANNELS_VI, CHANNELS_EN)


def service_level_label(code: str, lang: str = "vi") -> str:
    return _worded(code, lang, SERVICE_LEVELS_VI, SERVICE_LEVELS_EN)


def referral_label(code: str, lang: str = "vi") -> str:
    """A referral destination; "none" is a call referred nowhere."""
    return _worded(code, lang, REFERRALS_VI, REFERRALS_EN)


def setting_label(code: str, lang: str = "vi") -> str:
    return _worded(code, lang, INCIDENT_SETTINGS_VI, INCIDENT_SETTINGS_EN)


def destination_label(code: str, lang: str = "vi") -> str:
    return _worded(code, lang, DESTINATIONS_VI, DESTINATIONS_EN)


def age_group_label(code: str, lang: str = "vi") -> str:
    return _worded(code, lang, AGE_GROUPS_VI, AGE_GROUPS_EN)


def form_label(code: str, taxonomy, lang: str = "vi") -> str:
    """A form of abuse: the abuse category's label, or the report's words for a trafficking report and for none."""
    if code == "none":
        return (OWN_EN if lang == "en" else OWN_VI)["no_form"]
    if code == "trafficking":
        return (OWN_EN if lang == "en" else OWN_VI)["trafficking"]
    return taxonomy.label(code, lang)


def weekday_label(weekday: int, lang: str = "vi") -> str:
    return (WEEKDAYS_EN if lang == "en" else WEEKDAYS_VI)[weekday]


def commune_label(code: int | None, lang: str = "vi") -> str:
    if code is None:
        return UNKNOWN_COMMUNE["en" if lang == "en" else "vi"]
    return ward_name(code) or str(code)  # a code the places library no longer knows: print the code


def line_label(code: str, line_names: Mapping[str, str]) -> str:
    """'Tổng đài 111' as the centre names it; the code too when the name does not hold it."""
    name = (line_names.get(code) or "").strip()
    if not name:
        return code
    return name if code in name.replace(" ", "") else f"{name} ({code})"


def lines_text(data: ReportData, line_names: Mapping[str, str], lang: str = "vi") -> str:
    if not data.lines:
        return words(lang, "Tất cả các đường dây", "All lines")
    return "; ".join(line_label(code, line_names) for code in data.lines)


def period_text(data: ReportData) -> str:
    """'01/11/2026 – 30/11/2026' (dd/MM/yyyy, as the centre writes dates)."""
    return f"{data.first_day:%d/%m/%Y} – {data.last_day:%d/%m/%Y}"


def listed_text(listed: int, total: int, lang: str = "vi") -> str:
    """What a list of the reports without a case file holds when it is shorter than their number; else ""."""
    if listed >= total:
        return ""
    return words(
        lang,
        f"Liệt kê {vn_int(listed)} trên {vn_int(total)} tin báo chưa có hồ sơ (cũ nhất trước).",
        f"{listed:,} of {total:,} listed (the oldest first).",
    )


def listed_children_text(listed: int, total: int, lang: str = "vi") -> str:
    """What a list of the abused children without a case file holds when it is shorter than their number; else ""."""
    if listed >= total:
        return ""
    return words(
        lang,
        f"Liệt kê {vn_int(listed)} trên {vn_int(total)} trẻ em bị xâm hại chưa có hồ sơ (cũ nhất trước).",
        f"{listed:,} of {total:,} listed (the oldest first).",
    )


def unfinished_text(data: ReportData, today: date, lang: str = "vi") -> str:
    """A period that ends after ``today`` (local) holds figures up to today only: say so; else ""."""
    if data.last_day <= today:
        return ""
    return words(
        lang,
        f"Kỳ báo cáo chưa kết thúc (số liệu đến ngày {today:%d/%m/%Y}).",
        f"The period is not over yet (figures up to {today:%d/%m/%Y}).",
    )


def started_local(ms: int) -> datetime:
    """A stored UTC moment as Vietnamese wall-clock time without a zone (spreadsheets have no time zones)."""
    return local(from_ms(ms)).replace(tzinfo=None)


def days_of(data: ReportData) -> list[date]:
    count = (data.last_day - data.first_day).days + 1
    return [data.first_day + timedelta(days=n) for n in range(max(count, 0))]


# --- values as people read them -----------------------------------------------------------------------------


def display(value, kind: str, lang: str = "vi") -> str:
    """A cell as the screen and the PDF write it: 3.105 · 87,5 % · 6,4 · 29/11/2026 (English: 3,105 · 87.5 %)."""
    if value is None:
        return "—"
    if kind == INT:
        return vn_int(value) if lang != "en" else f"{value:,}"
    if kind == SHARE:
        return vn_percent(value) if lang != "en" else f"{value * 100:,.1f} %"
    if kind == HOURS:
        return vn_decimal(value, 1) if lang != "en" else f"{value:,.1f}"
    if kind == DATE:
        return f"{value:%d/%m/%Y}"
    if kind == MONTH:
        return f"{value:%m/%Y}"
    if kind == DATETIME:
        return f"{value:%d/%m/%Y %H:%M}"
    return str(value)
