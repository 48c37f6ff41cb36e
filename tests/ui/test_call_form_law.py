"""pytest-qt flows of the law per child on the live-call form (docs/law.md): a report's risk, the service level,
each person's status, adult trafficking victims, the place of the incident, hand-offs, the banner and drafts."""

from __future__ import annotations

from datetime import timedelta

import pytest
from keyboard import answer_next_dialog, type_into_focus, type_text
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication

from hotline.core.models import Call
from hotline.core.timeutil import VN_TZ, utcnow
from hotline.store import calls as call_store
from hotline.store import drafts as draft_store

WORKSTATION = "pc-law"


@pytest.fixture
def operator(make_user):
    return make_user("tongdai", ["operator"], "Tổng đài viên")


@pytest.fixture
def screen(open_call_screen, qtbot, db, operator):
    return open_call_screen(operator, WORKSTATION)


def key(qtbot, screen, sequence: str) -> None:
    """Press a shortcut the way a person does: on whatever widget has the focus."""
    combo = QKeySequence(sequence)[0]
    if not screen.window().isActiveWindow():
        screen.window().activateWindow()
        qtbot.waitUntil(screen.window().isActiveWindow)
    qtbot.keyClick(QApplication.focusWidget() or screen, combo.key(), combo.keyboardModifiers())
    QApplication.processEvents()  # a person's next key comes after the screen has drawn (a new row shown…)


def stored_calls(db) -> list[Call]:
    rows = db.conn.execute("SELECT id, operator_id FROM calls ORDER BY id").fetchall()
    return [call_store.get_call(db, call_id, viewer_id=operator_id) for call_id, operator_id in rows]


def choose_category(qtbot, screen, words: str) -> None:
    key(qtbot, screen, "Ctrl+K")
    type_into_focus(words)
    key(qtbot, screen, "Return")


def type_summary(qtbot, screen, text: str) -> None:
    key(qtbot, screen, "Alt+S")
    type_into_focus(text)


def type_age(qtbot, editor, age: str) -> None:
    editor.age_spin.setFocus()
    editor.age_spin.selectAll()
    type_into_focus(age)
    qtbot.keyClick(editor.age_spin, Qt.Key.Key_Tab)
    QApplication.processEvents()


def test_a_report_without_risk_is_refused_on_the_form_and_saved_once_it_is_chosen(qtbot, screen, db):
    """docs/law.md: a report's risk has no default. Saving names it next to the field and focuses it, nothing typed
    is lost; once chosen, the call is stored with it."""
    key(qtbot, screen, "F2")
    type_into_focus("0912 345 678")
    choose_category(qtbot, screen, "xam hai tinh duc")
    key(qtbot, screen, "Ctrl+T")
    type_into_focus("Bé Mai")
    key(qtbot, screen, "Alt+3")
    type_summary(qtbot, screen, "Bé bị người quen sàm sỡ.")
    assert screen.form.risk_combo.currentText() == "— choose —"
    assert "risk not chosen yet" in screen.banner.text()
    typed = screen.form.state()
    with qtbot.waitSignal(screen.status_message) as said:
        key(qtbot, screen, "Ctrl+S")
    assert stored_calls(db) == []
    assert "risk level" in said.args[0]
    assert screen.form.risk_error.isVisible() and "risk level" in screen.form.risk_error.text()
    assert QApplication.focusWidget() is screen.form.risk_combo
    assert screen.form.state() == typed

    qtbot.keyClicks(QApplication.focusWidget(), "L")  # low
    assert not screen.form.risk_error.isVisible()
    key(qtbot, screen, "Ctrl+S")
    [call] = stored_calls(db)
    assert (call.risk, call.service_level, call.categories) == ("low", "intervention", ["abuse.sexual"])
    assert [child.name for child in call.children] == ["Bé Mai"]
    assert call.urgent and call.safety_due == call.started_at + timedelta(hours=12)


def test_the_service_level_is_chosen_by_its_key_and_stored(qtbot, screen, db):
    """111's service level: Alt+1, Alt+2, Alt+3, shown on the labels; the last one pressed is stored."""
    radios = screen.form.service_radios
    assert [radio.text() for radio in radios.values()] == [
        "Information (Alt+1)", "In-depth counselling (Alt+2)", "Support or intervention (Alt+3)"
    ]  # fmt: skip
    key(qtbot, screen, "F2")
    choose_category(qtbot, screen, "tam ly")
    type_summary(qtbot, screen, "Trẻ lo âu trước kỳ thi.")
    key(qtbot, screen, "Alt+1")
    assert radios["information"].isChecked()
    key(qtbot, screen, "Alt+2")  # the operator thinks better of it
    assert radios["counselling"].isChecked() and not radios["information"].isChecked()
    key(qtbot, screen, "Ctrl+S")
    [call] = stored_calls(db)
    assert call.service_level == "counselling"
    assert call.risk == "none", "a counselling call is no report: no risk to choose"


def test_a_call_without_service_level_is_refused_on_the_form(qtbot, screen, db):
    """A call with content needs its service level: saving names it and puts the focus on the first choice."""
    key(qtbot, screen, "F2")
    choose_category(qtbot, screen, "tam ly")
    type_summary(qtbot, screen, "Trẻ buồn.")
    key(qtbot, screen, "Ctrl+S")
    assert stored_calls(db) == []
    assert screen.form.service_error.isVisible() and "service level" in screen.form.service_error.text()
    assert QApplication.focusWidget() is screen.form.service_radios["information"]
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Down)  # none chosen yet: the arrows move, Space picks
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Space)
    assert screen.form.service_level() == "counselling"
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Down)  # once chosen, the arrows move the choice
    assert screen.form.service_level() == "intervention"


def test_an_adult_trafficking_victim_is_recorded_as_a_victim_not_a_child(qtbot, screen, db):
    """Luật 53/2024 Điều 2(1): a person of 25 taken to Cambodia for forced labour is an adult victim: a victim
    referral (Border Guard, who and when recorded), no case-file flag and no child clocks."""
    key(qtbot, screen, "F2")
    choose_category(qtbot, screen, "cuong buc lao dong")
    key(qtbot, screen, "Ctrl+T")
    type_into_focus("Chị Hạnh")
    editor = screen.form.editors[0]
    qtbot.keyClicks(editor.sex_combo, "F")
    type_age(qtbot, editor, "25")
    assert editor.group_label.text() == "Adult victim (18 or older)" and editor.title.text() == "Victim 1"
    assert editor.band_combo.currentData() == "18+"
    assert editor.destination_combo.isVisible()
    assert not (editor.carer_edit.isVisible() or editor.special.isVisible() or editor.status_row.isVisible())
    qtbot.keyClicks(editor.destination_combo, "C")  # Cambodia
    assert "VICTIM REFERRAL" in screen.banner.text() and "CASE FILE" not in screen.banner.text()
    row = screen.form.handoff_rows["victim"]
    assert row.isVisible() and not screen.form.handoff_rows["commune"].isVisible()
    qtbot.keyClick(screen.form.referral_checks["border_guard"], Qt.Key.Key_Space)
    # the referral ticked offers the office as a hint; a hand-off is recorded only once typed
    assert row.to_whom_edit.text() == "" and "Bộ đội Biên phòng" in row.to_whom_edit.placeholderText()
    type_text(row.to_whom_edit, "Bộ đội Biên phòng")
    key(qtbot, screen, "Alt+R")
    qtbot.keyClicks(screen.form.risk_combo, "H")
    key(qtbot, screen, "Alt+3")
    type_summary(qtbot, screen, "Chị bị lừa sang Campuchia làm việc, bị giữ giấy tờ.")
    key(qtbot, screen, "Ctrl+S")

    [call] = stored_calls(db)
    assert call.victim_referral
    assert not call.flagged and call.case_need == "not_needed"
    assert call.safety_due is None and call.plan_due is None and call.handoff_due is None
    [person] = call.children
    assert (person.age, person.age_band, person.sex, person.destination) == (25, "18+", "female", "cambodia")
    assert person.group == "adult" and person.carer == "" and person.special_circumstances == []
    [handoff] = call.handoffs
    assert (handoff.kind, handoff.to_whom, handoff.means) == ("victim", "Bộ đội Biên phòng", "phone")
    assert abs(handoff.at - utcnow()) < timedelta(minutes=2)


def test_a_child_with_status_abused_requires_a_case_file(qtbot, screen, db):
    """docs/law.md: a child with status abused is an abused child: the file is required, whatever the category."""
    key(qtbot, screen, "F2")
    choose_category(qtbot, screen, "tam ly")
    key(qtbot, screen, "Ctrl+T")
    type_into_focus("Bé Na")
    editor = screen.form.editors[0]
    assert editor.group_label.text() == "Child (under 16)"
    editor.band_combo.setFocus()
    qtbot.keyClick(editor.band_combo, Qt.Key.Key_Tab)  # the status: Tab lands on the choice made (not clear yet)
    assert QApplication.focusWidget() is editor.status_radios["unclear"]
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Left)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Left)
    assert editor.status() == "abused"
    assert screen.banner.property("need") == "required" and "Abused child" in screen.banner.text()
    key(qtbot, screen, "Alt+R")
    qtbot.keyClicks(screen.form.risk_combo, "M")
    key(qtbot, screen, "Alt+3")
    type_summary(qtbot, screen, "Bé kể bị bố đánh bầm tím.")
    key(qtbot, screen, "Ctrl+S")
    [call] = stored_calls(db)
    assert call.flagged and call.flag_source == "rule" and call.case_need == "required"
    assert {"rule": "abused_child", "category": None} in call.flag_reasons
    assert [child.status for child in call.children] == ["abused"]
    assert call.handoff_due is not None, "the report must go to the commune at once"


def _violence_report(qtbot, screen) -> None:
    key(qtbot, screen, "F2")
    choose_category(qtbot, screen, "bao luc")
    key(qtbot, screen, "Ctrl+T")
    type_into_focus("Bé Tư")
    key(qtbot, screen, "Alt+R")
    qtbot.keyClicks(screen.form.risk_combo, "M")
    key(qtbot, screen, "Alt+3")
    type_summary(qtbot, screen, "Trẻ bị đánh ở trường.")


def test_the_place_and_setting_of_the_incident_are_saved(qtbot, screen, db):
    """Every report records where it happened: the commune (Alt+P, found without accents), the place, the setting."""
    _violence_report(qtbot, screen)
    incident = screen.form.incident
    assert incident.province_combo.code() == 91, "the centre's default province"
    key(qtbot, screen, "Alt+P")
    assert QApplication.focusWidget() is incident.ward_combo
    type_into_focus("long xuyen")
    key(qtbot, screen, "Return")  # the one commune found without accents
    assert incident.ward_combo.code() == 30307
    type_text(incident.place_edit, "Trường THCS Long Xuyên")
    qtbot.keyClicks(incident.setting_combo, "S")  # school
    key(qtbot, screen, "Ctrl+S")
    [call] = stored_calls(db)
    assert (call.incident_province_code, call.incident_ward_code) == (91, 30307)
    assert (call.incident_place, call.incident_setting) == ("Trường THCS Long Xuyên", "school")


def test_a_hand_off_typed_in_the_form_is_saved_as_a_handoff(qtbot, screen, db):
    """Điều 26(1): the row "passed to the commune" shows for a report that needs a file; typed, it is stored as a
    hand-off (to whom, how, when) and the banner stops asking for it."""
    _violence_report(qtbot, screen)
    row = screen.form.handoff_rows["commune"]
    assert row.isVisible() and not screen.form.handoff_rows["victim"].isVisible()
    assert "pass to the commune of the incident at once" in screen.banner.text()
    type_text(row.to_whom_edit, "UBND phường Long Xuyên, chị Sáu")
    qtbot.keyClicks(row.means_combo, "I")  # in person
    when = row.at()
    assert abs(when - utcnow()) < timedelta(minutes=2), "the time starts as now"
    assert "at once" not in screen.banner.text() and "passed to the commune" in screen.banner.text()
    key(qtbot, screen, "Ctrl+S")
    [call] = stored_calls(db)
    [handoff] = call.handoffs
    assert (handoff.kind, handoff.to_whom, handoff.means, handoff.at) == (
        "commune", "UBND phường Long Xuyên, chị Sáu", "in_person", when
    )  # fmt: skip
    assert handoff.user_id == call.operator_id
    rows = db.conn.execute("SELECT kind, to_whom, means FROM handoffs WHERE call_id = ?", [call.id]).fetchall()
    assert rows == [("commune", "UBND phường Long Xuyên, chị Sáu", "in_person")]


def test_ticking_the_commune_referral_records_no_hand_off_by_itself(qtbot, screen, db):
    """Điều 26(1): ticking "commune" only offers the office as a hint; nothing is recorded as passed on, and the
    banner still asks for the hand-off, until the operator types to whom it went."""
    _violence_report(qtbot, screen)
    qtbot.keyClick(screen.form.referral_checks["commune"], Qt.Key.Key_Space)
    row = screen.form.handoff_rows["commune"]
    assert row.to_whom_edit.text() == "" and "UBND" in row.to_whom_edit.placeholderText()
    assert "pass to the commune of the incident at once" in screen.banner.text()
    key(qtbot, screen, "Ctrl+S")
    [call] = stored_calls(db)
    assert call.referrals == ["commune"] and call.handoffs == [] and call.handoff_due is not None


def test_the_banner_shows_the_12_hour_clock_for_sexual_abuse_at_low_risk(qtbot, screen):
    """ND 56 Điều 26(3), 32: child sexual abuse starts the 12-hour clock of emergency measures whatever the risk;
    the banner words it so (never a "safety assessment") with its time, beside the plan's clock."""
    key(qtbot, screen, "F2")
    choose_category(qtbot, screen, "xam hai tinh duc")
    screen.form.risk_combo.setCurrentIndex(screen.form.risk_combo.findData("low"))
    due = (screen._started_at + timedelta(hours=12)).astimezone(VN_TZ).strftime("%H:%M %d/%m")
    text = screen.banner.text()
    assert text.startswith("⚠ CASE FILE REQUIRED — Abuse reported: sexual abuse")
    assert f"emergency measures / separation by {due}" in text
    assert "support plan by the end of" in text and "safety" not in text.lower()


def _type_everything_new(qtbot, screen) -> None:
    """An adult victim and a child, each new field of the form typed."""
    key(qtbot, screen, "F2")
    choose_category(qtbot, screen, "ep buoc pham toi")
    key(qtbot, screen, "Ctrl+T")
    type_into_focus("Anh Tâm")
    type_age(qtbot, screen.form.editors[0], "30")
    qtbot.keyClicks(screen.form.editors[0].destination_combo, "C")
    key(qtbot, screen, "Ctrl+T")
    type_into_focus("Bé Út")
    child = screen.form.editors[1]
    type_age(qtbot, child, "14")
    child.status_radios["unclear"].setFocus()
    qtbot.keyClick(child.status_radios["unclear"], Qt.Key.Key_Left)  # at risk
    qtbot.keyClicks(child.destination_combo, "L")  # Laos: a child with a trafficking category is asked too
    key(qtbot, screen, "Alt+P")
    type_into_focus("my hoa hung")
    key(qtbot, screen, "Return")
    type_text(screen.form.incident.place_edit, "bến đò")
    qtbot.keyClicks(screen.form.incident.setting_combo, "C")  # community
    key(qtbot, screen, "Alt+R")
    qtbot.keyClicks(screen.form.risk_combo, "H")
    key(qtbot, screen, "Alt+3")
    type_text(screen.form.help_before_edit, "Công an xã đã ghi lời khai.")
    qtbot.keyClick(screen.form.referral_checks["police_113"], Qt.Key.Key_Space)
    type_text(screen.form.handoff_rows["victim"].to_whom_edit, "Công an")
    type_text(screen.form.handoff_rows["commune"].to_whom_edit, "UBND xã Mỹ Hòa Hưng")


def test_a_draft_with_the_new_fields_comes_back_after_a_crash(open_call_screen, qtbot, db, operator):
    """DESIGN §2: every new field reaches the autosaved draft; the next start offers it back exactly."""
    first = open_call_screen(operator, WORKSTATION)
    _type_everything_new(qtbot, first)
    typed = first.form.state()
    assert typed["service_level"] == "intervention" and typed["help_before"] == "Công an xã đã ghi lời khai."
    assert [(c["age"], c["status"], c["destination"]) for c in typed["children"]] == [
        (30, "unclear", "cambodia"), (14, "at_risk", "laos")
    ]  # fmt: skip
    assert [h["kind"] for h in typed["handoffs"]] == ["commune", "victim"]
    assert typed["handoffs"][1]["to_whom"] == "Công an"
    assert (typed["incident_ward_code"], typed["incident_setting"]) == (30313, "community")
    qtbot.waitUntil(lambda: draft_store.load_drafts(db, operator.id, WORKSTATION)[0].state["form"] == typed
                    if draft_store.load_drafts(db, operator.id, WORKSTATION) else False, timeout=3000)  # fmt: skip
    first._autosave_timer.stop()  # the crash: nothing more is written, nothing is saved
    first.window().hide()

    again = open_call_screen(operator, WORKSTATION)  # the next start
    answer_next_dialog("Open it")
    again.offer_drafts()
    QApplication.processEvents()  # the restored rows are shown
    assert again.form.state() == typed
    assert again.form.handoff_rows["commune"].isVisible() and again.form.handoff_rows["victim"].isVisible()
    assert again.form.editors[0].destination_combo.isVisible() and not again.form.editors[0].carer_edit.isVisible()
    assert "VICTIM REFERRAL" in again.banner.text()
    key(qtbot, again, "Alt+S")
    type_into_focus("Hai người bị đưa sang biên giới.")
    key(qtbot, again, "Ctrl+S")
    [call] = stored_calls(db)
    assert call.victim_referral and call.flagged and call.help_before == "Công an xã đã ghi lời khai."
    assert sorted(h.kind for h in call.handoffs) == ["commune", "victim"]


def test_a_draft_written_before_the_new_fields_still_loads(open_call_screen, qtbot, db, operator):
    """A draft kept by the previous version (no status, destination, service level, place or hand-offs) opens:
    what it has is shown, the new fields start empty, and the call can be finished and saved."""
    old_state = {
        "form": {
            "phone": "0912 345 678", "caller_relation": "parent", "caller_name": "Chị Bảy", "caller_sex": "female",
            "caller_age_band": "18-59", "callback_consent": True,
            "children": [{"name": "Bé Hai", "sex": "male", "age": 7, "age_band": "6-10", "province_code": 91,
                          "ward_code": None, "address": "", "special_circumstances": [], "carer": "mẹ", "id": None}],
            "categories": ["counselling.relationships"], "risk": "none", "summary": "Mẹ hỏi cách nói chuyện với con.",
            "action_taken": "", "referrals": ["school"],
        },
        "line": "111", "channel": "phone", "manual_flag": False, "cleared_flag": False, "override_reason": "",
        "link_case": None, "editing": None, "elapsed_ms": 65000,
    }  # fmt: skip
    draft_store.save_draft(db, operator.id, WORKSTATION, "old-draft", old_state, utcnow() - timedelta(minutes=3))
    screen = open_call_screen(operator, WORKSTATION)
    answer_next_dialog("Open it")
    screen.offer_drafts()
    form = screen.form
    assert form.summary_edit.toPlainText() == "Mẹ hỏi cách nói chuyện với con."
    assert [(c.name, c.status, c.destination, c.carer) for c in form.children()] == [("Bé Hai", "unclear", "", "mẹ")]
    assert form.service_level() == "" and form.help_before_edit.toPlainText() == ""
    assert form.incident.province_combo.code() == 91 and form.incident.ward_combo.code() is None
    assert form.state()["handoffs"] == [] and screen.duration_s() >= 65
    key(qtbot, screen, "Alt+2")
    key(qtbot, screen, "Ctrl+S")
    [call] = stored_calls(db)
    assert (call.service_level, call.caller_name, call.referrals) == ("counselling", "Chị Bảy", ["school"])
    assert draft_store.load_drafts(db, operator.id, WORKSTATION) == []


def test_one_key_outcomes_need_neither_risk_nor_service_level(qtbot, screen, db):
    """A silent call stays one key (F5): no risk, no service level, no hand-off asked."""
    key(qtbot, screen, "F2")
    type_into_focus("0912345678")
    key(qtbot, screen, "F5")
    [call] = stored_calls(db)
    assert (call.outcome, call.risk, call.service_level, call.handoffs) == ("silent", "none", "", [])
