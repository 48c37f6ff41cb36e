"""Words and numbers of the statistics report, in Vietnamese or English: the codes' labels, the indicators and
their definitions, values as people read them (3.105 · 87,5 % · 29/11/2026)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime, timedelta

from hotline.core.places import ward_name
from hotline.core.report_data import ReportData, vn_decimal, vn_int, vn_percent
from hotline.core.timeutil import from_ms, local
from hotline.core.words import (
    CHANNELS,
    CHILD_AGE_BANDS,
    DESTINATIONS,
    INCIDENT_SETTINGS,
    OUTCOMES,
    REFERRALS,
    RELATIONS,
    REPORT_KEYS,
    SERVICE_LEVELS,
    SEXES,
    VICTIM_AGE_GROUPS,
)
from hotline.vocabulary import word

WEEKDAYS_VI = ("Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ nhật")
WEEKDAY_KEYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")  # the CSV's sections: hour_weekday.mon…
WEEKDAYS_EN = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
UNKNOWN_COMMUNE = {"vi": "Không rõ", "en": "Not recorded"}
#: Cell kinds: how a value is stored and written (XLSX number format, CSV and PDF text).
TEXT, INT, SHARE, HOURS, DATE, MONTH, DATETIME = "text", "int", "share", "hours", "date", "month", "datetime"
ID = "id"  # a number that names something (a call): written without thousands separators


def words(lang: str, vi: str, en: str) -> str:
    """The Vietnamese or the English wording (anything but "en" is Vietnamese: the province's language)."""
    return en if lang == "en" else vi


def outcome_label(code: str, lang: str = "vi") -> str:
    return word(OUTCOMES, code, _lang(lang))


def sex_label(code: str, lang: str = "vi") -> str:
    return word(SEXES, code, _lang(lang))


def age_band_label(code: str, lang: str = "vi") -> str:
    return word(CHILD_AGE_BANDS, code, _lang(lang))


def relation_label(code: str, lang: str = "vi") -> str:
    return word(RELATIONS, code, _lang(lang))


def _lang(lang: str) -> str:
    return "en" if lang == "en" else "vi"  # anything but "en" is Vietnamese, as words() says


def _worded(code: str, lang: str, table) -> str:
    """The table's word, else the report's own word for its keys (not recorded, none), else the code."""
    return word(table if code in table else REPORT_KEYS, code, _lang(lang))


def channel_label(code: str, lang: str = "vi") -> str:
    return _worded(code, lang, CHANNELS)


def service_level_label(code: str, lang: str = "vi") -> str:
    return _worded(code, lang, SERVICE_LEVELS)


def referral_label(code: str, lang: str = "vi") -> str:
    """A referral destination; "none" is a call referred nowhere."""
    return _worded(code, lang, REFERRALS)


def setting_label(code: str, lang: str = "vi") -> str:
    return _worded(code, lang, INCIDENT_SETTINGS)


def destination_label(code: str, lang: str = "vi") -> str:
    return _worded(code, lang, DESTINATIONS)


def age_group_label(code: str, lang: str = "vi") -> str:
    return _worded(code, lang, VICTIM_AGE_GROUPS)


def form_label(code: str, taxonomy, lang: str = "vi") -> str:
    """A form of abuse: the abuse category's label, or the report's words for a trafficking report and for none."""
    if code == "none":
        return word(REPORT_KEYS, "no_form", _lang(lang))
    if code == "trafficking":
        return word(REPORT_KEYS, "trafficking", _lang(lang))
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
