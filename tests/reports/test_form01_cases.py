"""Mẫu số 01 (ND 56/2017) made from real case files in a real SQLite file, read back with QtPdf."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtPdf import QPdfDocument

from hotline.core.law import SPECIAL_CIRCUMSTANCES_VI
from hotline.core.models import Call, Child
from hotline.core.places import province_name, ward_name
from hotline.reports.case_forms import form01_data
from hotline.reports.form01 import REFUSAL_LINE, SIGNATURE_TITLE, write_form01_pdf
from hotline.reports.form01_words import TITLES_VI, TRAFFICKING_LINE_111
from hotline.store import cases, users
from hotline.store.access import COMMAND_LINE
from hotline.store.calls import save_call
from hotline.store.db import StoreError, open_database

CENTRE = "Trung tâm Công tác xã hội tỉnh An Giang"
T0 = datetime(2026, 3, 12, 13, 35, tzinfo=UTC)  # 20:35 in Vietnam
AN_GIANG = 91
LONG_XUYEN = 30307  # the child's home ward
RACH_GIA = 30742  # the ward of the incident
SUMMARY = "Người gọi kể lại toàn bộ sự việc qua điện thoại, giọng rất lo lắng."
HOME = "Tổ 5, khóm Đông Thịnh"
INCIDENT = "Bãi đất trống sau chợ"
CAROUSEL = {
    # (a) abused, (b) at risk, (c) special circumstances
    "abused": dict(status="abused", categories=["abuse.sexual"], special=[]),
    "at_risk": dict(status="at_risk", categories=["abuse.violence"], special=[]),
    "special": dict(status="unclear", categories=["counselling.relationships"], special=["disability", "orphan_both"]),
}


def pdf_text(path: Path) -> str:
    """All pages' text, every run of white space made one space (a value may wrap onto the next line)."""
    document = QPdfDocument()
    document.load(str(path))
    assert document.status() == QPdfDocument.Status.Ready
    text = "\n".join(document.getAllText(page).text() for page in range(document.pageCount()))
    document.close()
    return " ".join(text.split())


class Centre:
    """A hotline database with an operator, a counselor and a shift lead, and ways to open and print cases."""

    def __init__(self, path: Path):
        self.db = open_database(path)
        self.operator = users.add_user(self.db, "op1", "Phạm Thị Thu Hằng", ["operator"], "pw-test-1", by=COMMAND_LINE)
        self.counselor = users.add_user(self.db, "cb1", "Võ Văn Phúc", ["counselor"], "pw-test-1", by=COMMAND_LINE)
        self.lead = users.add_user(self.db, "lead1", "Trần Văn Ca", ["shift_lead"], "pw-test-1", by=COMMAND_LINE)
        self.folder = path.parent

    def report(self, *, status="abused", categories=("abuse.sexual",), special=(), minutes=0, child=None, **call):
        """Save a report on one child and open the child's case file; returns the case."""
        child = child or Child(
            name="Nguyễn Thị Mai", sex="female", age=9, age_band="6-10", province_code=AN_GIANG,
            ward_code=LONG_XUYEN, address=HOME, special_circumstances=list(special), carer="Bà ngoại",
            status=status,
        )  # fmt: skip
        fields = dict(
            line="111", started_at=T0 + timedelta(minutes=minutes), operator_id=self.operator.id, risk="high",
            service_level="intervention", categories=list(categories), children=[child], summary=SUMMARY,
            caller_relation="neighbour", caller_name="Lê Văn Hùng", phone_raw="0912 345 678",
            incident_province_code=AN_GIANG, incident_ward_code=RACH_GIA, incident_place=INCIDENT,
            help_before="Hàng xóm đưa cháu vào trạm y tế phường", action_taken="Tư vấn cho người gọi",
            referrals=["police_113"], flagged=True,
        )  # fmt: skip
        fields.update(call)
        saved = save_call(self.db, Call(**fields))
        assert saved.flagged
        (case,) = cases.open_cases(
            self.db,
            saved.id,
            [saved.children[0].id],
            by_user_id=self.counselor.id,
            assigned_to=self.counselor.id,
            now=saved.started_at,
        )
        return case

    def details(self, case, **details):
        """The counselor fills in the case file's details for Mẫu 01."""
        case = cases.get_case(self.db, case.id, viewer_id=self.counselor.id, audit_view=False)
        return cases.update_details(self.db, case.id, details, by_user_id=self.counselor.id, version=case.version)

    def print(self, case, name="mau01.pdf", *, now=None, viewer=None) -> str:
        """Make the case's Mẫu 01 as the case window does and read its text back."""
        viewer = viewer or self.counselor
        data = form01_data(self.db, case.id, CENTRE, viewer_id=viewer.id, now=now)
        path = self.folder / name
        write_form01_pdf(data, path)
        return pdf_text(path)


@pytest.fixture
def centre(qapp, tmp_path):
    centre = Centre(tmp_path / "hotline.sqlite3")
    yield centre
    centre.db.close()


@pytest.mark.parametrize("kind", list(CAROUSEL))
def test_title_names_the_childs_classification(centre, kind):
    """Mẫu 01's title carries the classification from the child's status: bị xâm hại / có nguy cơ bị bạo lực, bóc
    lột, bỏ rơi / có hoàn cảnh đặc biệt (ND 56, Mẫu số 01, title), and none of the others."""
    spec = CAROUSEL[kind]
    case = centre.report(status=spec["status"], categories=spec["categories"], special=spec["special"])
    text = centre.print(case)
    assert "BÁO CÁO" in text
    assert TITLES_VI[kind] in text
    for other in set(TITLES_VI) - {kind}:
        assert TITLES_VI[other] not in text, other
    if kind == "special":
        for code in spec["special"]:
            assert SPECIAL_CIRCUMSTANCES_VI[code] in text  # the law's words, the same as on the screen


def test_numbers_run_per_year_and_a_reprint_keeps_its_number(centre):
    """Mẫu 01 has its own number "Số: N/BC-TTCTXH", not the case number: 1 then 2 for a second case, the same
    number and date on a reprint, and 1 again in a new Vietnamese year (ND 56 Mẫu số 01; ND 30/2020 numbering)."""
    first, second, third = (centre.report(minutes=n) for n in range(3))
    text = centre.print(first, now=T0)
    assert "Số: 1/BC-TTCTXH" in text
    assert "An Giang, ngày 12 tháng 3 năm 2026" in text
    assert first.number not in text.replace(f"hồ sơ {first.number}", "")  # the case number: a footer reference only
    assert "Số: 2/BC-TTCTXH" in centre.print(second, now=T0 + timedelta(days=1))
    reprint = centre.print(first, now=T0 + timedelta(days=40))
    assert "Số: 1/BC-TTCTXH" in reprint and "ngày 12 tháng 3 năm 2026" in reprint
    new_year = datetime(2026, 12, 31, 17, 30, tzinfo=UTC)  # 00:30 on 01/01/2027 in Vietnam
    text = centre.print(third, now=new_year)
    assert "Số: 1/BC-TTCTXH" in text and "ngày 01 tháng 01 năm 2027" in text


def test_condition_comes_from_the_case_file_never_the_summary(centre):
    """The child's condition is the case file's; the call's summary prints nowhere (Mẫu 01, "Tình trạng hiện tại
    của trẻ em"), with or without a condition written."""
    case = centre.report()
    text = centre.print(case)
    assert SUMMARY not in text
    assert "Tình trạng hiện tại của trẻ em: ……" in text  # left to write by hand
    centre.details(case, condition="Bầm tím ở cánh tay, sợ hãi.")
    text = centre.print(case, "again.pdf")
    assert "Tình trạng hiện tại của trẻ em: Bầm tím ở cánh tay, sợ hãi." in text
    assert SUMMARY not in text


def test_unknown_sex_prints_khong_biet(centre):
    """A child of unknown sex prints "Giới tính: Không biết", the form's own words (Mẫu 01, item on the child)."""
    case = centre.report(child=Child(name="Bé Tí", status="abused"))
    text = centre.print(case)
    assert "Giới tính: Không biết" in text
    assert "Không rõ" not in text


def test_place_of_the_incident_is_not_the_childs_home(centre):
    """Item "Địa điểm xảy ra vụ việc" prints the place of the incident and its commune; the child's home prints only
    as the child's residence (ND 56 Điều 26(1): the commune of the incident must act)."""
    text = centre.print(centre.report())
    place = f"Địa điểm xảy ra vụ việc: {INCIDENT}, {ward_name(RACH_GIA)}, {province_name(AN_GIANG)}"
    assert place in text
    assert f"Nơi cư trú hiện tại: {HOME}, {ward_name(LONG_XUYEN)}" in text
    assert text.count(HOME) == 1


def test_help_before_the_report_and_the_hotlines_own_action_are_apart(centre):
    """The help given to the child before the report fills its own item; what the hotline did follows on its own
    labelled line (Mẫu 01, "những hành động hỗ trợ, can thiệp đã thực hiện … trước khi nhận được thông tin")."""
    text = centre.print(centre.report())
    assert "trước khi nhận được thông tin: Hàng xóm đưa cháu vào trạm y tế phường" in text, "the help before the report"
    assert "Việc đã làm khi tiếp nhận thông tin: Tư vấn cho người gọi" in text
    assert "Đã thông báo, chuyển đến: Công an (113)" in text


def test_how_and_when_the_information_came(centre):
    """Item 1: by phone, reported by someone else (a neighbour), at 20:35 local time on the day received; the
    child calling in person ticks "Trẻ em tự báo tin" and "Trực tiếp" (Mẫu 01, item 1)."""
    text = centre.print(centre.report())
    assert "☑ Qua điện thoại" in text and "☐ Trực tiếp" in text
    assert "☐ Trẻ em tự báo tin" in text and "☑ Người khác báo tin (hàng xóm)" in text
    assert "Thời điểm tiếp nhận: 20 giờ 35 phút, ngày 12/03/2026" in text
    walk_in = centre.report(minutes=5, channel="walk_in", caller_relation="self", callback_consent=False)
    text = centre.print(walk_in, "walk_in.pdf")
    assert "☐ Qua điện thoại" in text and "☑ Trực tiếp" in text and "☑ Trẻ em tự báo tin" in text


def test_one_signature_the_receiving_officer(centre):
    """Only the officer who received the information signs, by name; no head of unit (Mẫu 01, signature)."""
    text = centre.print(centre.report())
    assert text.count(SIGNATURE_TITLE) == 1
    assert "(Ký, ghi rõ họ tên)" in text and "Phạm Thị Thu Hằng" in text
    assert "Thủ trưởng" not in text and "đóng dấu" not in text


def test_informant_only_with_consent(centre):
    """The informant's name, phone and address print only once their consent is recorded in the case file;
    otherwise a line says they did not agree (Mẫu 01, "nếu người báo tin đồng ý cung cấp")."""
    case = centre.report(callback_consent=True)  # may be called back: not consent to be named
    text = centre.print(case)
    for private in ("Lê Văn Hùng", "0912 345 678", "0912"):
        assert private not in text
    assert REFUSAL_LINE in text
    centre.details(case, informant_consent="yes", informant_address="Ấp Mỹ Phú", notes_extra="Cháu sợ về nhà.")
    text = centre.print(case, "consent.pdf")
    assert "Họ và tên: Lê Văn Hùng" in text and "Số điện thoại: 0912 345 678" in text
    assert "Địa chỉ: Ấp Mỹ Phú" in text
    assert REFUSAL_LINE not in text
    assert "7. Ghi chú thêm: Cháu sợ về nhà." in text


def test_trafficking_report_names_the_anti_trafficking_line(centre):
    """A trafficking report on 111 names the line as the national anti-trafficking hotline (ND 162/2025); a child
    at risk of it is titled at risk, not abused (Luật 53/2024; Mẫu 01 title)."""
    case = centre.report(status="at_risk", categories=["trafficking.recruitment_info"], risk="medium")
    text = centre.print(case)
    assert TRAFFICKING_LINE_111 in text
    assert TITLES_VI["at_risk"] in text and TITLES_VI["abused"] not in text
    on_1800 = centre.report(minutes=5, line="18008077", categories=["trafficking.forced_labour"])
    assert "Đường dây nóng phòng, chống mua bán người 1800 8077" in centre.print(on_1800, "1800.pdf")


def test_no_form_for_an_adult_victim(centre):
    """An adult trafficking victim has no child case file and no Mẫu 01: asking gives a clear refusal, and no
    number is used (ND 56 is for children; Luật 53/2024 Điều 2(1))."""
    adult = Child(name="Trần Văn Bảy", sex="male", age=24, age_band="18+", status="abused", destination="cambodia")
    case = centre.report(child=adult, categories=["trafficking.forced_labour"])  # flagged by hand
    with pytest.raises(StoreError, match="aged 18 or more") as refused:
        form01_data(centre.db, case.id, CENTRE, viewer_id=centre.counselor.id)
    assert refused.value.code == "case.report_for_adult"
    assert centre.db.conn.execute("SELECT count(*) FROM report_numbers").fetchone()[0] == 0
