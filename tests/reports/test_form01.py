"""Mẫu số 01 (ND 56/2017): the report on receiving information about a child, as an A4 PDF read back with QtPdf."""

from __future__ import annotations

import re
import tempfile
from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtPdf import QPdfDocument

from hotline.core.law import SPECIAL_CIRCUMSTANCES_VI
from hotline.core.models import Child
from hotline.core.places import province_name, ward_name
from hotline.core.taxonomy import load_taxonomy
from hotline.reports.form01 import (
    DOTS,
    LAST_ITEM,
    REFUSAL_LINE,
    SIGNATURE_TITLE,
    Form01Data,
    NotAChildError,
    classify,
    dated_line,
    form01_html,
    line_words,
    write_form01_pdf,
)
from hotline.reports.form01_words import TITLES_VI, TRAFFICKING_LINE_111

LONG_XUYEN = 30307  # Phường Long Xuyên, An Giang: the child's home
RACH_GIA = 30742  # Phường Rạch Giá, An Giang: where it happened
AN_GIANG = 91


def example(**changes) -> Form01Data:
    """A realistic report: a neighbour rings 111 about a girl beaten at home."""
    data = Form01Data(
        centre_name="Trung tâm Công tác xã hội tỉnh An Giang",
        report_number="42/BC-TTCTXH",
        report_date=date(2026, 3, 13),
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
            status="abused",
        ),
        categories=("abuse.violence", "abuse.neglect", "counselling.mental_health"),
        help_before="Bà ngoại đưa cháu sang ở nhà hàng xóm.",
        action_taken="Tư vấn cho người gọi cách giữ an toàn cho trẻ; thông báo công an phường.",
        referrals=("police_113", "commune"),
        incident_province_code=AN_GIANG,
        incident_ward_code=RACH_GIA,
        incident_place="Nhà trọ số 12, hẻm 4",
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
            "notes_extra": "Cháu sợ về nhà.",
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
    """The file is a PDF that QtPdf opens, with one or two A4 portrait pages (Mẫu số 01 on A4, ND 30/2020)."""
    path = written(example())
    assert path.read_bytes().startswith(b"%PDF")
    document = load_pdf(path)
    assert document.status() == QPdfDocument.Status.Ready
    assert 1 <= document.pageCount() <= 2
    for page in range(document.pageCount()):
        size = document.pagePointSize(page)
        assert size.width() == pytest.approx(595, abs=2)
        assert size.height() == pytest.approx(842, abs=2)


def test_text_holds_every_item_of_the_form(written):
    """Heading, number, date, title and items 1–7 of Mẫu số 01 print with their values (ND 56, Mẫu số 01)."""
    text = flat(pdf_text(written(example())))
    taxonomy = load_taxonomy()
    for expected in (
        "Mẫu số 01",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Số: 42/BC-TTCTXH",
        "An Giang, ngày 13 tháng 3 năm 2026",
        "BÁO CÁO",
        "Tiếp nhận thông tin trẻ em bị xâm hại",
        "1. Thông tin được tiếp nhận",
        "Tiếp nhận qua: Tổng đài điện thoại quốc gia bảo vệ trẻ em 111",
        "Thời điểm tiếp nhận: 20 giờ 35 phút, ngày 12/03/2026",  # 13:35 UTC is 20:35 in Vietnam
        taxonomy.label("abuse.violence"),
        taxonomy.label("abuse.neglect"),
        taxonomy.label("counselling.mental_health"),
        f"2. Địa điểm xảy ra vụ việc: Nhà trọ số 12, hẻm 4, {ward_name(RACH_GIA)}, {province_name(AN_GIANG)}",
        "Họ và tên trẻ em: Nguyễn Thị Mai",
        "9 tuổi",
        "Giới tính: Nữ",
        f"Nơi cư trú hiện tại: Tổ 5, khóm Đông Thịnh, {ward_name(LONG_XUYEN)}, {province_name(AN_GIANG)}",
        SPECIAL_CIRCUMSTANCES_VI["harmed_by_violence"],
        "Tình trạng hiện tại của trẻ em: Bầm tím ở cánh tay",
        "Hậu quả có thể xảy ra nếu trẻ em không được hỗ trợ: Tiếp tục bị bạo lực",
        "Họ và tên cha: Nguyễn Văn Tâm",
        "Họ và tên mẹ: Trần Thị Hoa",
        "Người đang chăm sóc trẻ em hiện tại: Bà ngoại, Trần Thị Lụa",
        "trước khi nhận được thông tin: Bà ngoại đưa cháu sang ở nhà hàng xóm.",
        "Việc đã làm khi tiếp nhận thông tin: Tư vấn cho người gọi",
        "Đã thông báo, chuyển đến: Công an (113); Ủy ban nhân dân xã/phường/đặc khu",
        "6. Thông tin về người báo tin",
        "7. Ghi chú thêm: Cháu sợ về nhà.",
        "NGƯỜI TIẾP NHẬN THÔNG TIN",
        "(Ký, ghi rõ họ tên)",
        "Phạm Thị Thu Hằng",
    ):
        assert expected in text, expected
    assert "Thủ trưởng" not in text  # one signature: the receiving officer's


def test_footer_names_the_report_and_its_case_file(written):
    """Every page's footer carries the report's number and, apart, the case file it belongs to (for filing)."""
    text = flat(pdf_text(written(example())))
    assert "Mẫu số 01 – Số: 42/BC-TTCTXH – hồ sơ AG-2026-00042" in text
    assert "Trang 1/1" in text


def test_informant_printed_with_consent(written):
    """With consent the informant's name, phone and address print (Mẫu 01, "nếu người báo tin đồng ý")."""
    text = flat(pdf_text(written(example())))
    assert "Họ và tên: Lê Văn Hùng" in text
    assert "Số điện thoại: 0912 345 678" in text
    assert "Địa chỉ: Tổ 5, khóm Đông Thịnh, phường Long Xuyên" in text
    assert REFUSAL_LINE not in text


def test_informant_withheld_without_consent(written):
    """Without consent neither the informant's name, phone nor address prints, only the refusal line (Mẫu 01)."""
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
    condition = "<script>alert(1)</script> &amp; <i>x</i>"
    data = example(child=replace(example().child, name=name), details={"condition": condition})
    html_text = form01_html(data)
    assert "<b>Tí</b>" not in html_text
    assert "&lt;b&gt;Tí&lt;/b&gt; &amp; Tèo" in html_text
    text = flat(pdf_text(written(data)))
    assert name in text
    assert condition in text


def test_empty_fields_print_dotted_lines(written):
    """A child with nothing known, no number and no officer gives dotted lines and "Không biết" for the sex."""
    data = example(
        report_number="",
        report_date=None,
        case_number="",
        child=Child(),
        categories=(),
        help_before="",
        action_taken="",
        referrals=(),
        incident_province_code=None,
        incident_ward_code=None,
        incident_place="",
        officer_name="",
        details={},
    )
    text = pdf_text(written(data))
    assert text.count(DOTS) >= 10
    assert "Giới tính: Không biết" in flat(text)
    assert "ngày …… tháng …… năm ……" in flat(text)
    assert "Việc đã làm khi tiếp nhận" not in flat(text)  # nothing done: no line for it


def test_age_band_or_date_of_birth_stands_for_the_age(written):
    """Without an exact age the band prints as an estimate; a date of birth from the case file prints with the age
    (Mẫu 01, "ngày, tháng, năm sinh hoặc tuổi ước tính")."""
    banded = example(child=replace(example().child, age=None, age_band="11-15"))
    assert "khoảng 11–15 tuổi (ước tính)" in flat(pdf_text(written(banded)))
    dated = example(details={"date_of_birth": "04/08/2016"})
    assert "04/08/2016 (9 tuổi)" in flat(pdf_text(written(dated)))


@pytest.mark.parametrize(
    ("status", "special", "expected"),
    [
        ("abused", [], "abused"),
        ("abused", ["disability"], "abused"),
        ("unclear", ["sexually_abused"], "abused"),  # (l) is an abused child, Luật Trẻ em Điều 10(1)
        ("at_risk", [], "at_risk"),
        ("at_risk", ["orphan_both"], "at_risk"),
        ("unclear", ["disability"], "special"),
        ("unclear", [], "unclear"),
    ],
)
def test_classification_of_the_child(status, special, expected):
    """The title's classification follows the child's status; (i), (k), (l), (m) count as abused; special
    circumstances title the form only when the child is neither abused nor at risk (Mẫu 01 title)."""
    assert classify(Child(status=status, special_circumstances=special)) == expected


def test_unclear_child_gets_the_laws_joint_words(written):
    """A child whose status is not clear yet is titled "bị xâm hại hoặc có nguy cơ bị bạo lực, bóc lột, bỏ rơi",
    claiming neither (ND 56, Chương III)."""
    data = example(child=replace(example().child, status="unclear", special_circumstances=[]))
    assert TITLES_VI["unclear"] in flat(pdf_text(written(data)))


def test_dates_take_a_leading_zero_as_nd30_sets_them():
    """Days under 10 and months 1 and 2 take a leading zero; the place comes from the centre's name (ND 30/2020,
    Phụ lục I)."""
    centre = "Trung tâm Công tác xã hội tỉnh An Giang"
    assert dated_line(centre, date(2026, 2, 5)) == "An Giang, ngày 05 tháng 02 năm 2026"
    assert dated_line(centre, date(2026, 11, 20)) == "An Giang, ngày 20 tháng 11 năm 2026"
    assert dated_line("Trung tâm", None) == "……, ngày …… tháng …… năm ……"


def test_trafficking_report_on_111_names_the_anti_trafficking_line():
    """A trafficking report on 111 names the line as the national anti-trafficking hotline (ND 162/2025); the
    1800 8077 line keeps its own name; other reports name 111 as the child protection line."""
    assert line_words("111", ["trafficking.forced_labour"]) == TRAFFICKING_LINE_111
    assert line_words("111", ["abuse.sexual"]) == "Tổng đài điện thoại quốc gia bảo vệ trẻ em 111"
    assert line_words("18008077", ["trafficking.for_money"]) == "Đường dây nóng phòng, chống mua bán người 1800 8077"


def test_adult_is_refused():
    """A person aged 18 or more has no Mẫu 01 (it reports on a child; ND 56; Luật 53/2024 Điều 2(1))."""
    with pytest.raises(NotAChildError):
        form01_html(example(child=Child(age=25, age_band="18+", status="abused")))
    form01_html(example(child=Child(age=17, age_band="16-17", status="abused")))  # a minor has one


def test_signature_stays_on_one_page_with_the_last_item(written):
    """However long the text above, item 7 and the signature land on the same page."""
    for extra in range(0, 48, 4):
        situation = " ".join(["Cháu kể thêm nhiều chi tiết về hoàn cảnh gia đình và trường học."] * extra)
        document = load_pdf(written(example(details={"family_situation": situation})))
        pages = [flat(t) for t in pages_text(document)]
        with_item = [i for i, t in enumerate(pages) if LAST_ITEM in t]
        with_signature = [i for i, t in enumerate(pages) if SIGNATURE_TITLE in t]
        assert with_item == with_signature, extra
        assert f"Trang {document.pageCount()}/{document.pageCount()}" in pages[-1]


def test_text_split_across_pages_is_printed_once(written):
    """A paragraph running over a page break puts each of its lines in the PDF once, on its own page only."""
    sentences = [f"Câu số {i} kể thêm chi tiết về hoàn cảnh gia đình." for i in range(150)]
    document = load_pdf(written(example(details={"condition": " ".join(sentences)})))
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
@given(name=st.text(), free=st.text(), other=st.text())
def test_any_text_makes_a_valid_pdf(qapp, name, free, other):
    """Random text (RTL, emoji, NUL and other control characters) in the free fields never breaks the PDF."""
    data = example(
        child=replace(example().child, name=name, address=other, carer=other),
        help_before=free,
        action_taken=other,
        incident_place=other,
        informant_name=name,
        informant_phone=other,
        report_number=other,
        case_number=other,
        details={"condition": free, "father_name": name, "family_situation": other, "notes_extra": other},
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
