"""Mẫu số 01: the intake report on one child as an A4 PDF in Vietnamese, read back with QtPdf."""

from __future__ import annotations

import re
import tempfile
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtPdf import QPdfDocument

from hotline.core.models import Child
from hotline.core.places import province_name, ward_name
from hotline.core.taxonomy import load_taxonomy
from hotline.reports.form01 import (
    DOTS,
    REFUSAL_LINE,
    Form01Data,
    classify,
    form01_html,
    write_form01_pdf,
)

LONG_XUYEN = 30307  # Phường Long Xuyên, An Giang
AN_GIANG = 91


def example(**changes) -> Form01Data:
    """A realistic report: a neighbour rings 111 about a girl beaten at home."""
    data = Form01Data(
        centre_name="Trung tâm Công tác xã hội tỉnh An Giang",
        case_number="AG-2026-00042",
        received_at=datetime(2026, 3, 12, 13, 35, tzinfo=UTC),
        channel="phone",
        line="111",
        child=Child(
            name="Nguyễn Thị Mai",
            sex="female",
            age=9,
            age_band="6-10",
            province_code=AN_GIANG,
            ward_code=LONG_XUYEN,
            address="Tổ 5, khóm Đông Thịnh",
            special_circumstances=["harmed_by_violence"],
            carer="Bà ngoại, Trần Thị Lụa (68 tuổi)",
        ),
        categories=("abuse.violence", "abuse.neglect", "counselling.mental_health"),
        summary="Hàng xóm gọi báo cháu Mai thường xuyên bị cha dượng đánh, có vết bầm trên tay và mặt.",
        action_taken="Tư vấn cho người gọi cách giữ an toàn cho trẻ; thông báo công an phường.",
        referrals=("police_113", "commune"),
        informant_consent=True,
        informant_name="Lê Văn Hùng",
        informant_phone="0912 345 678",
        informant_relation="neighbour",
        informant_address="Tổ 5, khóm Đông Thịnh, phường Long Xuyên",
        officer_name="Phạm Thị Thu Hằng",
        details={
            "father_name": "Nguyễn Văn Tâm",
            "father_age": "38",
            "father_occupation": "Làm thuê",
            "mother_name": "Trần Thị Hoa",
            "mother_age": "33",
            "mother_occupation": "Buôn bán nhỏ",
            "family_situation": "Cha mẹ ly hôn; cháu sống với mẹ và cha dượng; hộ cận nghèo.",
            "condition": "Bầm tím ở cánh tay và má trái, sợ hãi, thu mình.",
            "likely_outcome": "Tiếp tục bị bạo lực, tổn thương tâm lý kéo dài, bỏ học.",
        },
    )
    return replace(data, **changes)


def load_pdf(path: Path) -> QPdfDocument:
    document = QPdfDocument()
    document.load(str(path))
    return document


def pages_text(document: QPdfDocument) -> list[str]:
    return [document.getAllText(page).text() for page in range(document.pageCount())]


def pdf_text(path: Path) -> str:
    return "\n".join(pages_text(load_pdf(path)))


def flat(text: str) -> str:
    """Text with every run of white space made one space: a value may wrap onto the next line."""
    return " ".join(text.split())


@pytest.fixture
def written(qapp, tmp_path):
    """``written(data)`` writes the report and returns the PDF's path."""

    def write(data: Form01Data) -> Path:
        path = tmp_path / "mau01.pdf"
        write_form01_pdf(data, path)
        return path

    return write


def test_pdf_is_a_valid_a4_document(written):
    """The file is a PDF that QtPdf opens, with one to three A4 portrait pages."""
    path = written(example())
    assert path.read_bytes().startswith(b"%PDF")
    document = load_pdf(path)
    assert document.status() == QPdfDocument.Status.Ready
    assert 1 <= document.pageCount() <= 3
    for page in range(document.pageCount()):
        size = document.pagePointSize(page)
        assert size.width() == pytest.approx(595, abs=2)
        assert size.height() == pytest.approx(842, abs=2)


def test_text_holds_the_child_the_case_the_categories_and_the_officer(written):
    """The child's name, age, sex, ward and province, the case number, the category labels and the officer print."""
    text = flat(pdf_text(written(example())))
    taxonomy = load_taxonomy()
    for expected in (
        "BÁO CÁO TIẾP NHẬN THÔNG TIN TRẺ EM",
        "Mẫu số 01",
        "Nguyễn Thị Mai",
        "9 tuổi",
        "Giới tính: Nữ",
        ward_name(LONG_XUYEN),
        province_name(AN_GIANG),
        "AG-2026-00042",
        taxonomy.label("abuse.violence"),
        taxonomy.label("abuse.neglect"),
        taxonomy.label("counselling.mental_health"),
        "Phạm Thị Thu Hằng",
        "12/03/2026",
        "20:35",  # 13:35 UTC is 20:35 in Vietnam
        "Nguyễn Văn Tâm",
        "Trần Thị Hoa",
        "Bà ngoại, Trần Thị Lụa",
        "Công an (113)",
        "Người tiếp nhận",
        "(Ký, ghi rõ họ tên)",
        "Thủ trưởng đơn vị",
        "(Ký tên, đóng dấu)",
    ):
        assert expected in text, expected


def test_informant_printed_with_consent(written):
    """With the caller's consent their name, phone, address and relation to the child print."""
    text = flat(pdf_text(written(example())))
    assert "Lê Văn Hùng" in text
    assert "0912 345 678" in text
    assert "Tổ 5, khóm Đông Thịnh, phường Long Xuyên" in text
    assert "Hàng xóm" in text
    assert REFUSAL_LINE not in text


def test_informant_withheld_without_consent(written):
    """Without consent neither the caller's name nor their phone prints, only the refusal line."""
    data = example(informant_consent=False, informant_phone="0169 123 4567", informant_address="Ấp Mỹ Phú")
    html_text = form01_html(data)
    text = flat(pdf_text(written(data)))
    for private in ("Lê Văn Hùng", "0169 123 4567", "0169", "Ấp Mỹ Phú"):
        assert private not in text
        assert private not in html_text
    assert REFUSAL_LINE in text


def test_markup_in_values_prints_literally(written):
    """Values holding HTML ('<b>', '&') are escaped and print as typed, not as markup."""
    name = "<b>Tí</b> & Tèo"
    summary = "<script>alert(1)</script> &amp; <i>x</i>"
    data = example(child=replace(example().child, name=name), details={}, summary=summary)
    html_text = form01_html(data)
    assert "<b>Tí</b>" not in html_text
    assert "&lt;b&gt;Tí&lt;/b&gt; &amp; Tèo" in html_text
    text = flat(pdf_text(written(data)))
    assert name in text
    assert summary in text  # with no condition in the case file the summary is the child's condition


def test_empty_fields_print_dotted_lines(written):
    """A child with nothing known, no case file and no officer gives dotted lines to fill by hand."""
    data = example(
        case_number="",
        child=Child(),
        categories=(),
        summary="",
        action_taken="",
        referrals=(),
        officer_name="",
        details={},
    )
    text = pdf_text(written(data))
    assert text.count(DOTS) >= 10
    assert "Giới tính: Không rõ" in flat(text)


def test_age_band_or_date_of_birth_stands_for_the_age(written):
    """Without an exact age the band prints as an estimate; a date of birth from the case file prints with the age."""
    banded = example(child=replace(example().child, age=None, age_band="11-15"))
    assert "khoảng 11–15 tuổi" in flat(pdf_text(written(banded)))
    dated = example(details={"date_of_birth": "04/08/2016"})
    assert "04/08/2016 (9 tuổi)" in flat(pdf_text(written(dated)))


@pytest.mark.parametrize(
    ("categories", "special", "expected"),
    [
        (("abuse.sexual",), [], (True, False, False)),
        (("trafficking.forced_labour",), [], (True, False, False)),
        (("trafficking.recruitment_info",), [], (False, True, False)),
        (("trafficking.recruitment_info", "abuse.violence"), [], (True, True, False)),
        ((), ["disability"], (False, False, True)),
        (("abuse.neglect",), ["orphan_both"], (True, False, True)),
        (("counselling.mental_health",), [], (False, True, False)),  # flagged for its risk alone
    ],
)
def test_classification_of_the_child(categories, special, expected):
    """Section 6 ticks abused, at risk or special circumstances from the categories and the child."""
    result = classify(categories, special)
    assert (result.abused, result.at_risk, result.special_circumstances) == expected


def test_ticked_boxes_print(written):
    """The ticked and empty boxes of section 6 print with the special circumstance's words."""
    text = flat(pdf_text(written(example())))
    assert "☑ Trẻ em bị xâm hại" in text
    assert "☐ Trẻ em có nguy cơ bị bạo lực, bóc lột, bỏ rơi" in text
    assert "☑ Trẻ em có hoàn cảnh đặc biệt" in text
    assert "Bị tổn hại nghiêm trọng về thể chất và tinh thần do bạo lực" in text


def test_signatures_stay_on_one_page_with_section_7(written):
    """However long the text above, section 7 and both signature lines land on the same page."""
    for extra in range(0, 48, 4):
        summary = " ".join(["Cháu kể thêm nhiều chi tiết về hoàn cảnh gia đình và trường học."] * extra)
        document = load_pdf(written(example(summary=summary, details={})))
        pages = [flat(t) for t in pages_text(document)]
        with_heading = [i for i, t in enumerate(pages) if "7. Người tiếp nhận thông tin" in t]
        with_head_of_unit = [i for i, t in enumerate(pages) if "Thủ trưởng đơn vị" in t]
        assert with_heading == with_head_of_unit, extra
        assert f"Trang {document.pageCount()}/{document.pageCount()}" in pages[-1]


def test_text_split_across_pages_is_printed_once(written):
    """A paragraph running over a page break puts each of its lines in the PDF once, on its own page only."""
    sentences = [f"Câu số {i} kể thêm chi tiết về hoàn cảnh gia đình." for i in range(150)]
    document = load_pdf(written(example(summary=" ".join(sentences), details={})))
    assert document.pageCount() >= 2
    numbers = re.findall(r"Câu số (\d+)", flat(" ".join(pages_text(document))))
    assert numbers == [str(i) for i in range(150)]


def test_naive_time_is_refused():
    """A received time without a time zone is a programming error, not a silently shifted report."""
    with pytest.raises(ValueError, match="timezone"):
        form01_html(example(received_at=datetime(2026, 3, 12, 13, 35)))


def test_unwritable_path_raises_oserror(qapp, tmp_path):
    """A PDF that cannot be written raises OSError instead of passing silently."""
    with pytest.raises(OSError):
        write_form01_pdf(example(), tmp_path / "no such folder" / "mau01.pdf")


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=st.text(), summary=st.text(), other=st.text())
def test_any_text_makes_a_valid_pdf(qapp, name, summary, other):
    """Random text (RTL, emoji, NUL and other control characters) in the free fields never breaks the PDF."""
    data = example(
        child=replace(example().child, name=name, address=other, carer=other),
        summary=summary,
        action_taken=other,
        informant_name=name,
        informant_phone=other,
        case_number=other,
        details={"condition": summary, "father_name": name, "family_situation": other},
    )
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "mau01.pdf"
        write_form01_pdf(data, path)
        assert path.read_bytes().startswith(b"%PDF")
        document = load_pdf(path)
        assert document.status() == QPdfDocument.Status.Ready
        assert document.pageCount() >= 1
        document.close()


def test_right_to_left_and_emoji_print(written):
    """Arabic, emoji and combining marks pass through to the PDF text."""
    name = "مريم 👧 Nguyễn"
    text = pdf_text(written(example(child=replace(example().child, name=name))))
    assert "Nguyễn" in text
    assert "مريم" in text or "ميرم" in text  # the extractor may give RTL runs in visual order
