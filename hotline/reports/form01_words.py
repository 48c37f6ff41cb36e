"""The Vietnamese words Mẫu số 01 prints for the stored codes: the form is a legal document in Vietnamese only."""

from __future__ import annotations

from hotline.core.law import SPECIAL_CIRCUMSTANCES_VI  # the law's own words, the same as on the screen

__all__ = [
    "AGE_BANDS_VI",
    "LINES_VI",
    "REFERRALS_VI",
    "RELATIONS_VI",
    "SEXES_VI",
    "SPECIAL_CIRCUMSTANCES_VI",
    "TITLES_VI",
    "TRAFFICKING_LINE_111",
]

# Reports do not import the UI (layers call downwards), so they keep their own words.
SEXES_VI = {"male": "Nam", "female": "Nữ", "unknown": "Không biết"}  # the form's own choice: "Không biết"
AGE_BANDS_VI = {"0-5": "0–5 tuổi", "6-10": "6–10 tuổi", "11-15": "11–15 tuổi", "16-17": "16–17 tuổi"}
#: Who told the hotline, when it was not the child: "Người khác báo tin (hàng xóm)".
RELATIONS_VI = {
    "parent": "cha/mẹ",
    "relative": "người thân",
    "carer": "người chăm sóc",
    "neighbour": "hàng xóm",
    "teacher": "giáo viên",
    "friend": "bạn bè",
    "official": "cán bộ công an, xã/phường, y tế",
    "other": "",  # "Người khác báo tin" says it all
}
REFERRALS_VI = {
    "police_113": "Công an (113)",
    "health_115": "Cấp cứu y tế (115)",
    "commune": "Ủy ban nhân dân xã/phường/đặc khu",
    "health_dept": "Sở Y tế",
    "school": "Nhà trường",
    "border_guard": "Bộ đội Biên phòng",
    "ngo_shelter": "Tổ chức xã hội, nhà tạm lánh",
    "other": "Dịch vụ khác",
}
LINES_VI = {
    "111": "Tổng đài điện thoại quốc gia bảo vệ trẻ em 111",
    "18008077": "Đường dây nóng phòng, chống mua bán người 1800 8077",
}
#: A trafficking report on 111: since Nghị định 162/2025/NĐ-CP the line is also the national anti-trafficking line.
TRAFFICKING_LINE_111 = "Tổng đài 111 – Đường dây nóng quốc gia phòng, chống mua bán người"

#: The second line of the title ("trích yếu"), one per classification (form01.classify). The official title names
#: all three kinds; the form prints only the one that applies. A child whose status is not clear yet and who is in
#: no special circumstance gets the law's own words for "abused or at risk" (ND 56, Chương III), claiming neither.
TITLES_VI = {
    "abused": "Tiếp nhận thông tin trẻ em bị xâm hại",
    "at_risk": "Tiếp nhận thông tin trẻ em có nguy cơ bị bạo lực, bóc lột, bỏ rơi",
    "special": "Tiếp nhận thông tin trẻ em có hoàn cảnh đặc biệt",
    "unclear": "Tiếp nhận thông tin trẻ em bị xâm hại hoặc có nguy cơ bị bạo lực, bóc lột, bỏ rơi",
}
