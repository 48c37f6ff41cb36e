"""The Vietnamese words Mẫu số 01 prints for the stored codes: the form is a legal document in Vietnamese only."""

from __future__ import annotations

from hotline.core.law import SPECIAL_CIRCUMSTANCES_VI  # the law's own words, the same as on the screen
from hotline.core.words import CHILD_AGE_BANDS
from hotline.vocabulary import words_of

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

# The form's own wording where a legal document words a code otherwise than the screens; the rest is the one
# vocabulary's (hotline.core.words).
SEXES_VI = {"male": "Nam", "female": "Nữ", "unknown": "Không biết"}  # the form's own choice: "Không biết"
#: The bands an age is estimated in ("khoảng 6–10 tuổi"): a child's, as the screens name them.
AGE_BANDS_VI = {
    band: text for band, text in words_of(CHILD_AGE_BANDS, "vi").items() if band in ("0-5", "6-10", "11-15", "16-17")
}
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
