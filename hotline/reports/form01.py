"""Mẫu số 01 (Nghị định 56/2017/NĐ-CP): the report on receiving information about one child, as HTML and A4 PDF."""

from __future__ import annotations

import html
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from hotline.core.models import ABUSED_CIRCUMSTANCES, CHILD_ABUSED, CHILD_AT_RISK, Child, category_group
from hotline.core.places import province_name, ward_name, ward_province
from hotline.core.taxonomy import load_taxonomy
from hotline.core.timeutil import local
from hotline.reports.form01_words import (
    AGE_BANDS_VI,
    LINES_VI,
    REFERRALS_VI,
    RELATIONS_VI,
    SEXES_VI,
    SPECIAL_CIRCUMSTANCES_VI,
    TITLES_VI,
    TRAFFICKING_LINE_111,
)
from hotline.reports.form_pages import MARGIN_MM as MARGIN_MM  # the shift handover imports it from here
from hotline.reports.form_pages import form_font as form_font  # the shift handover imports it from here
from hotline.reports.form_pages import write_form_pdf

#: What an empty field prints: room to complete the form by hand.
DOTS = "……………………………"
SHORT_DOTS = "…………"
#: A whole line of dots under an empty free-text field (the condition, the family situation…): room to write.
LINE_DOTS = "…" * 44  # fits a line of the widest face listed in FONT_FAMILIES

REFUSAL_LINE = "Không ghi: người báo tin chưa đồng ý cho ghi thông tin cá nhân vào báo cáo"
SIGNATURE_TITLE = "NGƯỜI TIẾP NHẬN THÔNG TIN"
#: The last item, kept on one page with the signature it comes before.
LAST_ITEM = "7. Ghi chú thêm"

CHECKED, UNCHECKED = "☑", "☐"

# Every control character but tab and newline: nothing to print, and Qt's HTML parser may trip over them.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_PLACE_IN_NAME = re.compile(r"\b(?:tỉnh|thành phố)\s+(.+)$", re.IGNORECASE)


class NotAChildError(ValueError):
    """Mẫu 01 reports on a child: a person aged 18 or more (an adult trafficking victim) has none."""


@dataclass(frozen=True)
class Form01Data:
    """Everything Mẫu số 01 prints, as plain values taken from a call, one of its children and that child's case.

    Nothing is taken from the call's summary: the child's condition comes from the case file alone, and the
    summary may name the informant who did not agree to be named.
    """

    centre_name: str
    received_at: datetime
    channel: str
    line: str
    child: Child
    categories: tuple[str, ...] = ()
    #: the form's own number, "12/BC-TTCTXH" (store.report_numbers), and the day it was given; empty: dotted
    report_number: str = ""
    report_date: date | None = None
    #: the case file the form belongs to, printed in the footer as a filing reference only
    case_number: str = ""
    #: help given to the child before the hotline heard of it (the form's item), as the caller told it
    help_before: str = ""
    #: what the hotline did on receiving the report, printed as its own line after that item
    action_taken: str = ""
    referrals: tuple[str, ...] = ()
    incident_province_code: int | None = None
    incident_ward_code: int | None = None
    incident_place: str = ""
    #: the informant agreed to be named in the report (the case file records it)
    informant_consent: bool = False
    informant_name: str = ""
    informant_phone: str = ""
    informant_relation: str = "unknown"
    informant_address: str = ""
    officer_name: str = ""
    #: the case file's details: date_of_birth, condition, likely_outcome, father_/mother_ name, age, occupation,
    #: family_situation, notes_extra
    details: Mapping[str, str] = field(default_factory=dict)
    #: Vietnamese label of each category code as the centre names it now (store.categories.load_taxonomy);
    #: a code missing here prints with the shipped file's label
    category_labels: Mapping[str, str] = field(default_factory=dict)


def classify(child: Child) -> str:
    """The kind of child the title names: 'abused', 'at_risk', 'special' or 'unclear' (form01_words.TITLES_VI).

    From the child's status: abused, or in special circumstances (i), (k), (l) or (m), which the law counts as
    abused children (Luật Trẻ em Điều 10(1)); at risk; otherwise in one of the 14 special circumstances; a child
    whose status is not clear yet and in no special circumstance is 'unclear', titled "bị xâm hại hoặc có nguy cơ
    bị bạo lực, bóc lột, bỏ rơi" as the law words the two together: the form claims neither before the commune's
    assessment.
    """
    if child.status == CHILD_ABUSED or any(c in ABUSED_CIRCUMSTANCES for c in child.special_circumstances):
        return "abused"
    if child.status == CHILD_AT_RISK:
        return "at_risk"
    return "special" if child.special_circumstances else "unclear"


def line_words(line: str, categories: tuple[str, ...] | list[str]) -> str:
    """How the line that took the report is named; a trafficking report on 111 names it the anti-trafficking line."""
    if line == "111" and any(category_group(c) == "trafficking" for c in categories):
        return TRAFFICKING_LINE_111
    return LINES_VI.get(line, f"Đường dây {line}" if line else "")


# --- HTML ---------------------------------------------------------------------------------------------------


def _clean(value: object) -> str:
    return _CONTROL.sub("", "" if value is None else str(value)).strip()


def _text(value: object) -> str:
    """A value as HTML text: control characters dropped, markup escaped, line breaks kept."""
    return html.escape(_clean(value), quote=True).replace("\r\n", "\n").replace("\n", "<br/>")


def _value(value: object, dots: str = DOTS) -> str:
    """A filled field in bold, or the dotted line to complete by hand."""
    text = _text(value)
    return f"<b>{text}</b>" if text else dots


def _age_text(child: Child, details: Mapping[str, str]) -> str:
    """Date of birth if the case file has it, with the age; else the age, or its band as an estimate."""
    if child.age is not None and child.age >= 0:
        age = f"{child.age} tuổi"
    elif child.age_band in AGE_BANDS_VI:
        age = f"khoảng {AGE_BANDS_VI[child.age_band]} (ước tính)"
    else:
        age = ""
    dob = _clean(details.get("date_of_birth"))
    if dob and age:
        return f"{dob} ({age})"
    return dob or age


def _place(text: str, ward: int | None, province: int | None) -> str:
    """The free text, then the commune and province: "Tổ 5, khóm Đông Thịnh, Phường Long Xuyên, An Giang"."""
    if province is None and ward is not None:
        province = ward_province(ward)
    parts = [_clean(text), ward_name(ward), province_name(province)]
    return ", ".join(p for p in parts if p)


# Spacing is set with empty lines of a given point size, never with CSS margins: QTextDocument takes margins in
# screen pixels whatever the device (at 300 dpi a "10px" margin is under a millimetre) and drops them in "pt",
# while font sizes in points follow the device. So the HTML looks the same on screen and on paper.
_P = "margin: 0px; line-height: 110%;"


def _p(content: str, align: str = "left", style: str = "") -> str:
    return f'<p align="{align}" style="{_P} {style}">{content}</p>'


def _gap(points: float) -> str:
    return f'<p style="margin: 0px; font-size: {points}pt;">&nbsp;</p>'


def _field(label: str, value: object, dots: str = DOTS) -> str:
    return _p(f"- {label}: {_value(value, dots)}")


def _text_field(label: str, value: object) -> str:
    """A field for a few sentences: left empty, it gets a second dotted line to write on."""
    line = _field(label, value)
    return line if _text(value) else line + _p(LINE_DOTS)


def _item(title: str, value: object = None) -> str:
    """A numbered item of the form; with a value, the value (or two dotted lines to write on) on the lines below."""
    if value is None:
        return _gap(3) + _p(f"<b>{title}</b>")
    text = _text(value)
    return _gap(3) + _p(f"<b>{title}:</b>") + (_p(f"<b>{text}</b>") if text else _p(LINE_DOTS) + _p(LINE_DOTS))


def _box(ticked: bool, words: str) -> str:
    # The box from a face that has it: Times New Roman has no ☐, DejaVu Sans and Segoe UI Symbol do.
    mark = CHECKED if ticked else UNCHECKED
    return f"<span style=\"font-family: 'DejaVu Sans', 'Segoe UI Symbol'; font-size: 12pt;\">{mark}</span> {words}"


def _boxes(label: str, choices: list[tuple[bool, str]]) -> str:
    return _p(f"- {label}: " + " &nbsp;&nbsp; ".join(_box(ticked, words) for ticked, words in choices))


def _parent_line(who: str, details: Mapping[str, str], key: str) -> str:
    return _p(
        f"- Họ và tên {who}: {_value(details.get(f'{key}_name', ''))}"
        f" &nbsp; Tuổi: {_value(details.get(f'{key}_age', ''), SHORT_DOTS)}"
        f" &nbsp; Nghề nghiệp: {_value(details.get(f'{key}_occupation', ''), SHORT_DOTS * 2)}"
    )


def _signed_place(centre_name: str) -> str:
    """The place before the date ("An Giang, ngày …"), taken from the centre's name when it names a province."""
    match = _PLACE_IN_NAME.search(centre_name.strip())
    return match.group(1).strip() if match else ""


def _centre_lines(centre_name: str) -> str:
    """The centre's name in capitals, the province on its own line as official headings set it."""
    name = _clean(centre_name)
    match = _PLACE_IN_NAME.search(name)
    lines = [name[: match.start()].strip(), name[match.start() :].strip()] if match and match.start() else [name]
    return "<br/>".join(_text(line.upper()) for line in lines if line)


def dated_line(centre_name: str, day: date | None) -> str:
    """The place and date line, "An Giang, ngày 05 tháng 3 năm 2026": days under 10 and the months January and
    February take a leading zero (Nghị định 30/2020/NĐ-CP, Phụ lục I); without a day, dots to fill by hand."""
    place = _signed_place(centre_name) or "……"
    if day is None:
        return f"{place}, ngày …… tháng …… năm ……"
    month = f"{day.month:02d}" if day.month < 3 else str(day.month)
    return f"{place}, ngày {day.day:02d} tháng {month} năm {day.year}"


def _heading(data: Form01Data) -> str:
    """Mẫu số 01's heading as Nghị định 30/2020 sets it: the unit and the number on the left; the national name,
    the motto, place and date on the right; then the kind of document and its title, centred."""
    number = f"<b>{_text(data.report_number)}</b>" if _text(data.report_number) else f"{SHORT_DOTS}/BC-{SHORT_DOTS}"
    rule = _p("――――――", "center", "font-size: 7pt;")
    return (
        _p("<b>Mẫu số 01</b>", "right", "font-size: 10pt;")
        + _gap(2)
        + '<table width="100%" cellspacing="0" cellpadding="0"><tr>'
        + '<td width="40%" align="center">'
        + _p(f"<b>{_centre_lines(data.centre_name) or DOTS}</b>", "center", "font-size: 11pt;")
        + rule
        + _p(f"Số: {number}", "center")
        + "</td>"
        + '<td width="60%" align="center">'
        + _p("<b>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</b>", "center", "font-size: 11pt;")
        + _p("<b>Độc lập - Tự do - Hạnh phúc</b>", "center", "font-size: 12pt;")
        + _p("――――――――――", "center", "font-size: 7pt;")
        + _p(f"<i>{_text(dated_line(data.centre_name, data.report_date))}</i>", "center")
        + "</td></tr></table>"
        + _gap(10)
        + _p("<b>BÁO CÁO</b>", "center", "font-size: 14pt;")
        + _p(f"<b>{TITLES_VI[classify(data.child)]}</b>", "center", "font-size: 13pt;")
        + _p("――――――", "center", "font-size: 7pt;")
        + _gap(4)
    )


def form01_html(data: Form01Data) -> str:
    """The whole form as HTML for QTextDocument; every value is escaped, empty ones print a dotted line.

    NotAChildError for a person aged 18 or more; ValueError for a received time without a time zone.
    """
    if data.received_at.tzinfo is None:
        raise ValueError("received_at must be timezone-aware")
    if data.child.group == "adult":
        raise NotAChildError("Mẫu số 01 reports on a child: a person aged 18 or more has none")
    shipped = load_taxonomy()
    child, details = data.child, data.details
    received = local(data.received_at)
    reported_by_child = data.informant_relation == "self"
    someone_else = data.informant_relation in RELATIONS_VI
    other_channel = {"zalo": "Zalo", "app": "ứng dụng"}.get(data.channel, "")
    labels = "; ".join(data.category_labels.get(c) or shipped.label(c) for c in data.categories)
    special = "; ".join(SPECIAL_CIRCUMSTANCES_VI.get(c, c) for c in child.special_circumstances)
    referrals = "; ".join(REFERRALS_VI.get(r, r) for r in data.referrals)

    parts = ["<html><body>", _heading(data)]
    parts.append(_item("1. Thông tin được tiếp nhận"))
    parts.append(_field("Tiếp nhận qua", line_words(data.line, data.categories)))
    parts.append(
        _boxes(
            "Hình thức",
            [
                (data.channel == "phone", "Qua điện thoại"),
                (data.channel == "walk_in", "Trực tiếp"),
                (bool(other_channel), f"Khác ({other_channel})" if other_channel else "Khác"),
            ],
        )
    )
    relation = RELATIONS_VI.get(data.informant_relation, "")
    who = f"Người khác báo tin ({relation})" if relation else "Người khác báo tin"
    parts.append(_boxes("Người báo tin", [(reported_by_child, "Trẻ em tự báo tin"), (someone_else, who)]))
    parts.append(_field("Thời điểm tiếp nhận", f"{received:%H} giờ {received:%M} phút, ngày {received:%d/%m/%Y}"))
    parts.append(_field("Vấn đề được phản ánh", labels))

    place = _place(data.incident_place, data.incident_ward_code, data.incident_province_code)
    parts.append(_item("2. Địa điểm xảy ra vụ việc", place))

    parts.append(_item("3. Thông tin về trẻ em"))
    parts.append(_field("Họ và tên trẻ em", child.name))
    parts.append(_field("Ngày, tháng, năm sinh hoặc tuổi ước tính", _age_text(child, details)))
    parts.append(_field("Giới tính", SEXES_VI.get(child.sex, SEXES_VI["unknown"])))
    parts.append(_field("Nơi cư trú hiện tại", _place(child.address, child.ward_code, child.province_code)))
    if special:
        parts.append(_field("Thuộc nhóm trẻ em có hoàn cảnh đặc biệt", special))
    parts.append(_text_field("Tình trạng hiện tại của trẻ em", details.get("condition", "")))
    parts.append(_text_field("Hậu quả có thể xảy ra nếu trẻ em không được hỗ trợ", details.get("likely_outcome", "")))

    parts.append(_item("4. Thông tin về gia đình trẻ em"))
    parts.append(_parent_line("cha", details, "father"))
    parts.append(_parent_line("mẹ", details, "mother"))
    parts.append(_text_field("Hoàn cảnh gia đình", details.get("family_situation", "")))
    parts.append(_field("Người đang chăm sóc trẻ em hiện tại", child.carer))

    parts.append(
        _item(
            "5. Những hành động hỗ trợ, can thiệp đã thực hiện đối với trẻ em trước khi nhận được thông tin",
            data.help_before,
        )
    )
    if _text(data.action_taken) or referrals:
        parts.append(_field("Việc đã làm khi tiếp nhận thông tin", data.action_taken))
        parts.append(_field("Đã thông báo, chuyển đến", referrals))

    parts.append(_item("6. Thông tin về người báo tin <i>(nếu người báo tin đồng ý cung cấp)</i>"))
    if data.informant_consent:
        parts.append(_field("Họ và tên", data.informant_name))
        parts.append(_field("Số điện thoại", data.informant_phone))
        parts.append(_field("Địa chỉ", data.informant_address))
    else:
        parts.append(_p(f"<i>{REFUSAL_LINE}.</i>"))

    parts.append(_item(LAST_ITEM, details.get("notes_extra", "")))

    # One signature: the officer who received the information (the form has no head of unit's).
    parts.append(
        _gap(8)
        + '<table width="100%" cellspacing="0" cellpadding="0"><tr>'
        + '<td width="45%"></td>'
        + '<td width="55%" align="center">'
        + _p(f"<b>{SIGNATURE_TITLE}</b>", "center")
        + _p("<i>(Ký, ghi rõ họ tên)</i>", "center")
        + _gap(30)  # room to sign
        + _p(f"<b>{_text(data.officer_name)}</b>", "center")
        + "</td></tr></table>"
    )
    parts.append("</body></html>")
    return "".join(parts)


# --- PDF ----------------------------------------------------------------------------------------------------


def _footer_text(data: Form01Data) -> str:
    """The footer of every page: "Mẫu số 01 – Số: 12/BC-TTCTXH – hồ sơ AG-2026-00042"."""
    parts = ["Mẫu số 01"]
    number = " ".join(_clean(data.report_number).split())
    case_number = " ".join(_clean(data.case_number).split())
    if number:
        parts.append(f"Số: {number}")
    if case_number:
        parts.append(f"hồ sơ {case_number}")
    return " – ".join(parts)


def write_form01_pdf(data: Form01Data, path: Path) -> None:
    """Write the form as an A4 portrait PDF at ``path``; needs a QGuiApplication; raises OSError if it cannot write,
    NotAChildError for a person aged 18 or more. The last item stays on one page with the signature."""
    title = "Mẫu số 01 – Báo cáo tiếp nhận thông tin trẻ em"
    write_form_pdf(form01_html(data), path, title=title, footer=_footer_text(data), keep_from=LAST_ITEM)
