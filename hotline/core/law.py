"""The law's own words that the program prints (docs/law.md): one table, so the screen and Mẫu 01 agree."""

from __future__ import annotations

#: Luật Trẻ em 2016, Điều 10(1): the 14 groups of children in special circumstances, with the law's letters.
SPECIAL_CIRCUMSTANCES_VI = {
    "orphan_both": "(a) Trẻ em mồ côi cả cha và mẹ",
    "abandoned": "(b) Trẻ em bị bỏ rơi",
    "no_one_to_depend_on": "(c) Trẻ em không nơi nương tựa",
    "disability": "(d) Trẻ em khuyết tật",
    "hiv_aids": "(đ) Trẻ em nhiễm HIV/AIDS",
    "conflict_with_law": "(e) Trẻ em vi phạm pháp luật",
    "drug_use": "(g) Trẻ em nghiện ma túy",
    "out_of_school_working": "(h) Trẻ em phải bỏ học kiếm sống chưa hoàn thành phổ cập giáo dục trung học cơ sở",
    "harmed_by_violence": "(i) Trẻ em bị tổn hại nghiêm trọng về thể chất và tinh thần do bị bạo lực",
    "exploited": "(k) Trẻ em bị bóc lột",
    "sexually_abused": "(l) Trẻ em bị xâm hại tình dục",
    "trafficked": "(m) Trẻ em bị mua bán",
    "serious_illness_poor": (
        "(n) Trẻ em mắc bệnh hiểm nghèo hoặc bệnh phải điều trị dài ngày thuộc hộ nghèo hoặc hộ cận nghèo"
    ),
    "migrant_without_carer": (
        "(o) Trẻ em di cư, trẻ em lánh nạn, tị nạn chưa xác định được cha mẹ hoặc không có người chăm sóc"
    ),
}
