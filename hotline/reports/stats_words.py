"""Words and numbers of the statistics report, in Vietnamese or English: the codes' labels, the indicators and
their definitions, values as people read them (3.105 · 87,5 % · 29/11/2026)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime, timedelta

from hotline.core.places import ward_name
from hotline.core.report_data import ReportData, vn_decimal, vn_int, vn_percent
from hotline.core.timeutil import from_ms, local
from hotline.reports.export import CHILD_AGE_BANDS_VI, OUTCOMES_VI, RELATIONS_VI, SEXES_VI

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

#: Cell kinds: how a value is stored and written (XLSX number format, CSV and PDF text).
TEXT, INT, SHARE, HOURS, DATE, MONTH, DATETIME = "text", "int", "share", "hours", "date", "month", "datetime"
ID = "id"  # a number that names something (a call): written without thousands separators

#: (key, kind, Vietnamese label, English label, Vietnamese definition, English definition) of each indicator.
INDICATORS = (
    ("calls_received", INT, "Cuộc gọi đến", "Calls received",
     "Mọi cuộc gọi bắt đầu trong kỳ (ngày theo giờ Việt Nam), kể cả cuộc gọi một phím (im lặng, cúp máy, gọi phá,"
     " nhầm số, chửi bới, gọi thử).",
     "Every contact that started in the period (Vietnamese dates), one-key outcomes included (silent, hang-up,"
     " prank, wrong number, abusive, test)."),
    ("substantive", INT, "Cuộc gọi có nội dung", "Calls with content",
     "Cuộc gọi có kết quả “có nội dung”, không phải cuộc gọi một phím.",
     "Calls whose outcome is “with content”: not a one-key outcome."),
    ("with_record", INT, "Cuộc gọi có ghi nhận vấn đề", "Calls with a record",
     "Cuộc gọi có nội dung được ghi nhận ít nhất một vấn đề.",
     "Calls with content with at least one category recorded."),
    ("counselling", INT, "Cuộc gọi tư vấn", "Counselling calls",
     "Cuộc gọi có nội dung có ít nhất một vấn đề thuộc nhóm tư vấn.",
     "Calls with content with at least one counselling category."),
    ("abuse_reports", INT, "Tin báo xâm hại trẻ em", "Abuse reports",
     "Cuộc gọi có nội dung có vấn đề thuộc nhóm xâm hại trẻ em.",
     "Calls with content with a child abuse category."),
    ("trafficking_reports", INT, "Tin báo mua bán người", "Trafficking reports",
     "Cuộc gọi có nội dung có vấn đề thuộc nhóm mua bán người, trừ “thông tin / nghi vấn tuyển dụng”.",
     "Calls with content with a trafficking category other than “information / suspected recruitment”."),
    ("reports", INT, "Tin báo xâm hại, mua bán người", "Abuse and trafficking reports",
     "Cuộc gọi có tin báo xâm hại trẻ em hoặc mua bán người; mỗi cuộc gọi tính một lần.",
     "Calls with an abuse or a trafficking report, each call counted once."),
    ("reports_with_case", INT, "Tin báo đã có hồ sơ", "Reports with a case file",
     "Tin báo đã được mở hồ sơ quản lý trường hợp, hoặc cuộc gọi đã được gắn với một hồ sơ. Xét theo tình trạng"
     " lúc lập báo cáo (hồ sơ mở sau cuối kỳ cũng được tính), không phải lúc cuối kỳ.",
     "Reports from which a case was opened, or whose call was linked to a case. Judged as things stand when the"
     " report is made (a case opened after the period counts), not at the end of the period."),
    ("reports_without_case", INT, "Tin báo chưa có hồ sơ", "Reports without a case file",
     "Tin báo chưa có hồ sơ quản lý trường hợp lúc lập báo cáo; báo cáo liệt kê các tin báo này, cũ nhất trước"
     " (thời gian, đường dây, mã cuộc gọi).",
     "Reports without a case file when the report is made; the report lists them, oldest first (time, line,"
     " call number)."),
    ("share_with_case", SHARE, "Tỷ lệ tin báo có hồ sơ", "Share of reports with a case file",
     "Tin báo đã có hồ sơ (lúc lập báo cáo) chia cho tin báo xâm hại, mua bán người; tính theo tin báo (cuộc"
     " gọi), không theo số trẻ. Chỉ tiêu của tỉnh: 100 %.",
     "Reports with a case file (when the report is made) divided by the abuse and trafficking reports; counted"
     " by reports (calls), not by children. The province's target: 100 %."),
    ("cases_opened", INT, "Hồ sơ mở trong kỳ", "Cases opened",
     "Hồ sơ quản lý trường hợp được mở trong kỳ.",
     "Case files opened in the period."),
    ("cases_closed", INT, "Hồ sơ đóng trong kỳ", "Cases closed",
     "Hồ sơ được đóng trong kỳ; mỗi hồ sơ tính một lần, kể cả hồ sơ sau đó được mở lại.",
     "Case files closed in the period, each once, including those reopened later."),
    ("cases_overdue", INT, "Hồ sơ quá hạn", "Cases overdue",
     "Xét tại cuối kỳ (hoặc lúc lập báo cáo, nếu kỳ chưa kết thúc): hồ sơ chưa đóng vào lúc đó có đánh giá an"
     " toàn hoặc kế hoạch hỗ trợ đã đến hạn mà chưa làm.",
     "Judged at the end of the period (or when the report is made, if the period is not over): cases not closed"
     " then whose safety assessment or support plan was due before then and not done."),
    ("median_hours_to_case", HOURS, "Thời gian từ cuộc gọi đến lập hồ sơ (trung vị, giờ)",
     "Time from call to case file (median, hours)",
     "Trung vị, trên các hồ sơ mở trong kỳ, của thời gian từ lúc bắt đầu cuộc gọi đến lúc mở hồ sơ, tính bằng giờ.",
     "Median over the cases opened in the period of the time from the call's start to the opening, in hours."),
)  # fmt: skip


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
