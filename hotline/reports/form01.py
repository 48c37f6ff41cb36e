"""Mẫu số 01 (Nghị định 56/2017/NĐ-CP): the intake report on one child, as HTML and as an A4 PDF in Vietnamese."""

from __future__ import annotations

import html
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFont,
    QFontDatabase,
    QFontMetricsF,
    QGuiApplication,
    QPageLayout,
    QPageSize,
    QPainter,
    QPalette,
    QPdfWriter,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextOption,
)

from hotline.core.models import Child
from hotline.core.places import province_name, ward_name, ward_province
from hotline.core.taxonomy import load_taxonomy
from hotline.core.timeutil import local

#: What an empty field prints: room to complete the form by hand.
DOTS = "……………………………"
SHORT_DOTS = "…………"
#: A whole line of dots under an empty free-text field (the condition, the family situation…): room to write.
LINE_DOTS = "…" * 44  # fits a line of the widest face listed in FONT_FAMILIES

REFUSAL_LINE = "Người cung cấp thông tin không đồng ý cho biết thông tin cá nhân"

# Words for the stored codes. Reports do not import the UI (layers call downwards), so they keep their own,
# in Vietnamese only: the form is a Vietnamese legal document whatever the interface language.
CHANNELS_VI = {
    "phone": "Điện thoại",
    "zalo": "Zalo",
    "app": "Ứng dụng",
    "walk_in": "Trực tiếp tại Trung tâm",
}
SEXES_VI = {"male": "Nam", "female": "Nữ", "unknown": "Không rõ"}
AGE_BANDS_VI = {"0-5": "0–5 tuổi", "6-10": "6–10 tuổi", "11-15": "11–15 tuổi", "16-17": "16–17 tuổi"}
RELATIONS_VI = {
    "self": "Trẻ em tự cung cấp thông tin",
    "parent": "Cha/mẹ",
    "relative": "Người thân",
    "carer": "Người chăm sóc",
    "neighbour": "Hàng xóm",
    "teacher": "Giáo viên",
    "friend": "Bạn bè",
    "official": "Cán bộ (công an, xã/phường, y tế)",
    "other": "Khác",
    "unknown": "Không cho biết",
}
REFERRALS_VI = {
    "police_113": "Công an (113)",
    "health_115": "Cấp cứu y tế (115)",
    "commune": "Ủy ban nhân dân xã/phường",
    "health_dept": "Cơ quan y tế",
    "school": "Nhà trường",
    "other": "Dịch vụ khác",
}
#: Luật Trẻ em 2016, Điều 10, shortened as the groups are usually written.
SPECIAL_CIRCUMSTANCES_VI = {
    "orphan_both": "Mồ côi cả cha và mẹ",
    "abandoned": "Bị bỏ rơi",
    "no_one_to_depend_on": "Không nơi nương tựa",
    "disability": "Khuyết tật",
    "hiv_aids": "Nhiễm HIV/AIDS",
    "conflict_with_law": "Vi phạm pháp luật",
    "drug_use": "Nghiện ma túy",
    "out_of_school_working": "Phải bỏ học kiếm sống",
    "harmed_by_violence": "Bị tổn hại nghiêm trọng về thể chất và tinh thần do bạo lực",
    "exploited": "Bị bóc lột",
    "sexually_abused": "Bị xâm hại tình dục",
    "trafficked": "Bị mua bán",
    "serious_illness_poor": "Mắc bệnh hiểm nghèo thuộc hộ nghèo, cận nghèo",
    "migrant_without_carer": "Di cư, lánh nạn, tị nạn không có người chăm sóc",
}
LINES_VI = {
    "111": "Tổng đài điện thoại quốc gia bảo vệ trẻ em 111",
    "18008077": "Đường dây nóng phòng, chống mua bán người 1800 8077",
}

RECRUITMENT_INFO = "trafficking.recruitment_info"
_ABUSE_GROUPS = ("abuse", "trafficking")

CHECKED, UNCHECKED = "☑", "☐"

#: Preferred faces, in order; each carries Vietnamese. Official documents are set in Times New Roman (Windows);
#: Linux has one of the others. When none is installed the application's default font is used.
FONT_FAMILIES = (
    "Times New Roman",
    "Liberation Serif",
    "Noto Serif",
    "DejaVu Serif Condensed",
    "DejaVu Serif",
    "Noto Sans",
    "DejaVu Sans",
)
FONT_POINTS = 11
MARGIN_MM = 15.0
#: How far above its page a line may paint: the marks stacked over Vietnamese capitals (Ầ, Ỗ) of a page's first
#: line rise above the line's box, into the top margin.
OVERHANG_MM = 4.0
RESOLUTION_DPI = 300
# Every control character but tab and newline: nothing to print, and Qt's HTML parser may trip over them.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_PLACE_IN_NAME = re.compile(r"\b(?:tỉnh|thành phố)\s+(.+)$", re.IGNORECASE)


@dataclass(frozen=True)
class Form01Data:
    """Everything Mẫu số 01 prints, as plain values taken from a call, one of its children and that child's case."""

    centre_name: str
    case_number: str
    received_at: datetime
    channel: str
    line: str
    child: Child
    categories: tuple[str, ...]
    summary: str
    action_taken: str
    referrals: tuple[str, ...]
    informant_consent: bool
    informant_name: str
    informant_phone: str
    informant_relation: str
    informant_address: str = ""
    officer_name: str = ""
    details: Mapping[str, str] = field(default_factory=dict)
    #: Vietnamese label of each category code as the centre names it now (store.categories.load_taxonomy);
    #: a code missing here prints with the shipped file's label
    category_labels: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Classification:
    """Section 6 of the form: which of the three kinds of child the information is about."""

    abused: bool
    at_risk: bool
    special_circumstances: bool


def classify(categories: Sequence[str], special_circumstances: Sequence[str]) -> Classification:
    """The ticks of section 6, from the call's categories and the child's special circumstances.

    Any abuse or trafficking category means an abused child, except the trafficking "information / suspected
    recruitment", which means a child at risk. The form is made for flagged calls only, so a child who is
    neither abused nor in special circumstances was flagged for the risk they run (risk level or by hand):
    they are ticked as at risk too.
    """
    abused = any(c.split(".", 1)[0] in _ABUSE_GROUPS and c != RECRUITMENT_INFO for c in categories)
    special = bool(special_circumstances)
    at_risk = RECRUITMENT_INFO in categories or not (abused or special)
    return Classification(abused=abused, at_risk=at_risk, special_circumstances=special)


# --- HTML ---------------------------------------------------------------------------------------------------


def _text(value: object) -> str:
    """A value as HTML text: control characters dropped, markup escaped, line breaks kept."""
    clean = _CONTROL.sub("", "" if value is None else str(value)).strip()
    return html.escape(clean, quote=True).replace("\r\n", "\n").replace("\n", "<br/>")


def _value(value: object, dots: str = DOTS) -> str:
    """A filled field in bold, or the dotted line to complete by hand."""
    text = _text(value)
    return f"<b>{text}</b>" if text else dots


def _words(table: Mapping[str, str], code: str) -> str:
    return table.get(code, code)


def _age_text(child: Child, details: Mapping[str, str]) -> str:
    """Date of birth if the case file has it, with the age; else the age, or its band as an estimate."""
    if child.age is not None and child.age >= 0:
        age = f"{child.age} tuổi"
    elif child.age_band in AGE_BANDS_VI:
        age = f"khoảng {AGE_BANDS_VI[child.age_band]} (ước tính)"
    else:
        age = ""
    dob = _CONTROL.sub("", str(details.get("date_of_birth") or "")).strip()
    if dob and age:
        return f"{dob} ({age})"
    return dob or age


def _place_text(child: Child) -> str:
    province = child.province_code
    if province is None and child.ward_code is not None:
        province = ward_province(child.ward_code)
    parts = [child.address.strip(), ward_name(child.ward_code), province_name(province)]
    return ", ".join(p for p in parts if p)


# Spacing is set with empty lines of a given point size, never with CSS margins: QTextDocument takes margins in
# screen pixels whatever the device (at 300 dpi a "10px" margin is under a millimetre) and drops them in "pt",
# while font sizes in points follow the device. So the HTML looks the same on screen and on paper.
_P = "margin: 0px; line-height: 110%;"
SECTION_7 = "7. Người tiếp nhận thông tin"


def _p(content: str, align: str = "left", style: str = "") -> str:
    return f'<p align="{align}" style="{_P} {style}">{content}</p>'


def _gap(points: float) -> str:
    return f'<p style="margin: 0px; font-size: {points}pt;">&nbsp;</p>'


def _field(label: str, value: object) -> str:
    return _p(f"{label}: {_value(value)}")


def _text_field(label: str, value: object) -> str:
    """A field for a few sentences: left empty, it gets a second dotted line to write on."""
    field = _field(label, value)
    return field if _text(value) else field + _p(LINE_DOTS)


def _heading(title: str) -> str:
    return _gap(4) + _p(f"<b>{title}</b>")


def _parent_line(who: str, details: Mapping[str, str], key: str) -> str:
    return _p(
        f"Họ và tên {who}: {_value(details.get(f'{key}_name', ''))}"
        f" &nbsp; Tuổi: {_value(details.get(f'{key}_age', ''), SHORT_DOTS)}"
        f" &nbsp; Nghề nghiệp: {_value(details.get(f'{key}_occupation', ''), SHORT_DOTS * 2)}"
    )


def _box(ticked: bool, title: str, labels: list[str]) -> str:
    mark = CHECKED if ticked else UNCHECKED
    listed = f": <b>{_text('; '.join(labels))}</b>" if labels else ""
    # The box from a face that has it: Times New Roman has no ☐, DejaVu Sans and Segoe UI Symbol do.
    box = f"<span style=\"font-family: 'DejaVu Sans', 'Segoe UI Symbol'; font-size: 13pt;\">{mark}</span>"
    return _p(f"{box} {title}{listed}")


def _signed_place(centre_name: str) -> str:
    """The place before the date ("An Giang, ngày …"), taken from the centre's name when it names a province."""
    match = _PLACE_IN_NAME.search(centre_name.strip())
    return match.group(1).strip() if match else ""


def _centre_lines(centre_name: str) -> str:
    """The centre's name in capitals, the province on its own line as official headings set it."""
    name = _CONTROL.sub("", centre_name).strip()
    match = _PLACE_IN_NAME.search(name)
    lines = [name[: match.start()].strip(), name[match.start() :].strip()] if match and match.start() else [name]
    return "<br/>".join(_text(line.upper()) for line in lines if line)


def form01_html(data: Form01Data) -> str:
    """The whole form as HTML for QTextDocument; every value is escaped, empty ones print a dotted line."""
    if data.received_at.tzinfo is None:
        raise ValueError("received_at must be timezone-aware")
    shipped = load_taxonomy()

    def label(code: str) -> str:
        return data.category_labels.get(code) or shipped.label(code)

    child, details = data.child, data.details
    received = local(data.received_at)
    cls = classify(tuple(data.categories), child.special_circumstances)

    line_words = LINES_VI.get(data.line, f"Đường dây {data.line}" if data.line else "")
    condition = details.get("condition") or data.summary
    abuse_labels = [label(c) for c in data.categories if c.split(".", 1)[0] in _ABUSE_GROUPS and c != RECRUITMENT_INFO]
    risk_labels = [label(c) for c in data.categories if c == RECRUITMENT_INFO]
    other_labels = [label(c) for c in data.categories if c.split(".", 1)[0] not in _ABUSE_GROUPS]
    special_labels = [_words(SPECIAL_CIRCUMSTANCES_VI, c) for c in child.special_circumstances]
    referrals = "; ".join(_words(REFERRALS_VI, r) for r in data.referrals)
    place = _signed_place(data.centre_name)
    dated = f"ngày {received:%d} tháng {received:%m} năm {received:%Y}"
    dated = f"{_text(place)}, {dated}" if place else dated.capitalize()
    small = "font-size: 10pt;"

    parts = ["<html><body>"]
    # Heading as Nghị định 30/2020 sets it: the unit on the left, the national motto on the right, then place
    # and date, then the title. The case number stands where a document's number would.
    parts.append(
        _p("<i>Mẫu số 01</i>", "right", small)
        + '<table width="100%" cellspacing="0" cellpadding="0"><tr>'
        + '<td width="43%" align="center">'
        + _p(f"<b>{_centre_lines(data.centre_name) or DOTS}</b>", "center", "font-size: 11pt;")
        + _p("―――――", "center", "font-size: 8pt;")
        + _p(f"Số hồ sơ: {_value(data.case_number)}", "center", "font-size: 11pt;")
        + "</td>"
        + '<td width="57%" align="center">'
        + _p("<b>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</b>", "center", "font-size: 11pt;")
        + _p("<b>Độc lập - Tự do - Hạnh phúc</b>", "center")
        + _p("――――――――――", "center", "font-size: 8pt;")
        + "</td></tr></table>"
        + _gap(4)
        + _p(f"<i>{dated}</i>", "right")
        + _gap(6)
        + _p("<b>BÁO CÁO TIẾP NHẬN THÔNG TIN TRẺ EM</b>", "center", "font-size: 14pt;")
        + _p("<i>(Theo Nghị định số 56/2017/NĐ-CP ngày 09/5/2017 của Chính phủ)</i>", "center", small)
        + _gap(4)
    )

    parts.append(_heading("1. Thông tin được tiếp nhận"))
    parts.append(_field("Thời gian tiếp nhận", f"{received:%H:%M} ngày {received:%d/%m/%Y}"))
    parts.append(_field("Nguồn tiếp nhận", line_words))
    parts.append(_field("Hình thức tiếp nhận", _words(CHANNELS_VI, data.channel)))
    if details.get("condition") and data.summary.strip():
        parts.append(_field("Nội dung thông tin phản ánh", data.summary))

    parts.append(_heading("2. Thông tin về trẻ em"))
    parts.append(_field("Họ và tên trẻ em", child.name))
    parts.append(
        _p(
            f"Ngày, tháng, năm sinh hoặc tuổi ước tính: {_value(_age_text(child, details))}"
            f" &nbsp; Giới tính: {_value(_words(SEXES_VI, child.sex))}"
        )
    )
    parts.append(_field("Nơi ở hiện tại", _place_text(child)))
    parts.append(_text_field("Tình trạng hiện tại của trẻ em", condition))
    parts.append(_text_field("Hậu quả có thể xảy ra nếu trẻ em không được hỗ trợ", details.get("likely_outcome", "")))

    parts.append(_heading("3. Thông tin về gia đình trẻ em"))
    parts.append(_parent_line("cha", details, "father"))
    parts.append(_parent_line("mẹ", details, "mother"))
    parts.append(_text_field("Hoàn cảnh gia đình", details.get("family_situation", "")))
    parts.append(_field("Người đang trực tiếp chăm sóc trẻ em", child.carer))

    parts.append(_heading("4. Các biện pháp đã thực hiện"))
    parts.append(_text_field("Biện pháp đã thực hiện", data.action_taken))
    parts.append(_field("Đã thông báo, chuyển tuyến đến", referrals))

    parts.append(_heading("5. Thông tin về người cung cấp thông tin"))
    if data.informant_consent:
        parts.append(_field("Họ và tên", data.informant_name))
        parts.append(_field("Số điện thoại", data.informant_phone))
        parts.append(_field("Địa chỉ", data.informant_address))
        parts.append(_field("Quan hệ với trẻ em", _words(RELATIONS_VI, data.informant_relation)))
    else:
        parts.append(_p(f"<i>{REFUSAL_LINE}.</i>"))

    parts.append(_heading("6. Phân loại trẻ em"))
    parts.append(_box(cls.abused, "Trẻ em bị xâm hại", abuse_labels))
    parts.append(_box(cls.at_risk, "Trẻ em có nguy cơ bị bạo lực, bóc lột, bỏ rơi", risk_labels))
    parts.append(_box(cls.special_circumstances, "Trẻ em có hoàn cảnh đặc biệt", special_labels))
    if other_labels:
        parts.append(_field("Nội dung khác được phản ánh", "; ".join(other_labels)))

    # Section 7 is the officer and the two signatures, kept on one page with what it signs for.
    parts.append(_gap(4) + _p(f"<b>{SECTION_7}:</b> {_value(data.officer_name)}"))
    parts.append(
        _gap(4)
        + '<table width="100%" cellspacing="0" cellpadding="0"><tr>'
        + '<td width="50%" align="center">'
        + _p("<b>Người tiếp nhận</b>", "center")
        + _p("<i>(Ký, ghi rõ họ tên)</i>", "center")
        + _gap(30)  # room to sign
        + _p(f"<b>{_text(data.officer_name)}</b>", "center")
        + "</td>"
        + '<td width="50%" align="center">'
        + _p("<b>Thủ trưởng đơn vị</b>", "center")
        + _p("<i>(Ký tên, đóng dấu)</i>", "center")
        + "</td></tr></table>"
    )
    parts.append("</body></html>")
    return "".join(parts)


# --- PDF ----------------------------------------------------------------------------------------------------


def form_font() -> QFont:
    """The first installed face of FONT_FAMILIES (all carry Vietnamese), else the application's default font."""
    installed = set(QFontDatabase.families())
    font = QFont(QGuiApplication.font())
    for family in FONT_FAMILIES:
        if family in installed:
            font = QFont(family)
            break
    font.setPointSizeF(FONT_POINTS)
    return font


def _keep_signatures_together(doc: QTextDocument, page_height: float) -> None:
    """Start section 7 on a new page when it would otherwise be split from its signature block."""
    layout = doc.documentLayout()
    block = doc.begin()
    while block.isValid() and not block.text().startswith(SECTION_7):
        block = block.next()
    frames = doc.rootFrame().childFrames()
    if not block.isValid() or not frames:
        return
    top = layout.blockBoundingRect(block).top()
    bottom = layout.frameBoundingRect(frames[-1]).bottom()
    if int(top // page_height) != int(bottom // page_height) and bottom - top < page_height:
        fmt = block.blockFormat()
        fmt.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
        QTextCursor(block).setBlockFormat(fmt)


#: Black on white whatever the desktop's theme: a dark theme's palette would print white text.
_PRINT_PALETTE = QPalette(QColor(0, 0, 0), QColor(255, 255, 255))
_PRINT_PALETTE.setColor(QPalette.ColorRole.Text, QColor(0, 0, 0))


def _draw_page(doc: QTextDocument, painter: QPainter, page: QRectF) -> None:
    """Draw the lines of the document that lie on one page, and no others.

    QTextDocument.drawContents clips the painting to the page, but it draws every line of each paragraph that
    touches the page: a paragraph running across a page break would leave its other lines in this page's PDF,
    invisible yet found by search and copied with the text. So paragraphs are drawn line by line here, with the
    page as clip; tables (the heading and the signatures, never split) are drawn whole by the layout.
    """
    layout = doc.documentLayout()
    overhang = RESOLUTION_DPI * OVERHANG_MM / 25.4
    painter.setClipRect(page.adjusted(0, -overhang, 0, 0))
    painter.setPen(QColor(0, 0, 0))
    for item in doc.rootFrame():
        frame = item.currentFrame()
        if frame is not None:
            box = layout.frameBoundingRect(frame)
            if box.intersects(page):
                context = QAbstractTextDocumentLayout.PaintContext()
                context.palette = _PRINT_PALETTE
                # a pixel inside the table, so the paragraphs just above and below it are not drawn twice
                context.clip = box.adjusted(1, 1, -1, -1).intersected(page)
                layout.draw(painter, context)
        else:
            block = item.currentBlock()
            text_layout = block.layout()
            if not block.isValid() or not layout.blockBoundingRect(block).intersects(page):
                continue
            # Line by line: QTextLayout.draw with a clip still emits lines above the clip (seen with Qt 6.12).
            origin = text_layout.position()
            for number in range(text_layout.lineCount()):
                line = text_layout.lineAt(number)
                if page.top() <= origin.y() + line.y() < page.bottom():
                    line.draw(painter, origin)


def write_form01_pdf(data: Form01Data, path: Path) -> None:
    """Write the form as an A4 portrait PDF at ``path``; needs a QGuiApplication; raises OSError if it cannot write."""
    if QGuiApplication.instance() is None:
        raise RuntimeError("write_form01_pdf needs a QGuiApplication (fonts come from it)")
    body = form01_html(data)
    path = Path(path)

    writer = QPdfWriter(str(path))
    writer.setResolution(RESOLUTION_DPI)
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM),
            QPageLayout.Unit.Millimeter,
        )
    )
    writer.setTitle("Mẫu số 01 – Báo cáo tiếp nhận thông tin trẻ em")
    writer.setCreator("Hotline")

    paint_rect = writer.pageLayout().paintRectPixels(writer.resolution())
    width, height = float(paint_rect.width()), float(paint_rect.height())
    footer_font = form_font()
    footer_font.setPointSizeF(8.5)
    # The footer ("Trang 1/2") sits in the bottom margin, 4 mm under the text, so the text keeps the whole page.
    footer_top = height + RESOLUTION_DPI * 4 / 25.4
    footer_height = RESOLUTION_DPI * 6 / 25.4

    doc = QTextDocument()
    doc.documentLayout().setPaintDevice(writer)  # point sizes laid out at the writer's 300 dpi
    doc.setDefaultFont(form_font())
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)  # a long unbroken value still wraps
    doc.setDefaultTextOption(option)
    doc.setDocumentMargin(0)  # the writer's page margins are the form's margins
    doc.setHtml(body)
    page_height = height
    doc.setPageSize(QSizeF(width, page_height))
    _keep_signatures_together(doc, page_height)
    pages = doc.pageCount()

    case_number = " ".join(_CONTROL.sub("", data.case_number).split())
    footer_text = f"Mẫu số 01 – {case_number}" if case_number else "Mẫu số 01"
    metrics = QFontMetricsF(footer_font, writer)

    painter = QPainter()
    if not painter.begin(writer):
        raise OSError(f"cannot write the PDF file {path}")
    try:
        for index in range(pages):
            if index:
                writer.newPage()
            top = index * page_height
            painter.save()
            painter.translate(0, -top)
            _draw_page(doc, painter, QRectF(0, top, width, page_height))
            painter.restore()
            painter.setFont(footer_font)
            painter.setPen(QColor(90, 90, 90))
            page_label = f"Trang {index + 1}/{pages}"
            room = width - metrics.horizontalAdvance(page_label) - metrics.horizontalAdvance("MMMM")
            footer = metrics.elidedText(footer_text, Qt.TextElideMode.ElideRight, room)
            foot = QRectF(0, footer_top, width, footer_height)
            painter.drawText(foot, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop, footer)
            painter.drawText(foot, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop, page_label)
    finally:
        painter.end()
