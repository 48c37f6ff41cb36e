"""pytest-qt flows of the live-call screen: an operator logs calls by keyboard and the database holds them."""

from __future__ import annotations

import pytest
from keyboard import answer_next_dialog, type_into_focus, type_text
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMainWindow

from hotline.core.models import Call
from hotline.core.timeutil import to_ms, utcnow
from hotline.settings import Settings
from hotline.store import calls as call_store
from hotline.store import drafts as draft_store
from hotline.ui.call_screen import CallScreen

WORKSTATION = "pc-test"


@pytest.fixture
def operator(make_user):
    return make_user("tongdai", ["operator"], "Tổng đài viên")


@pytest.fixture
def screen(qtbot, db, operator):
    window = QMainWindow()
    call_screen = CallScreen(db, operator, Settings.load(db), WORKSTATION, lang="en")
    window.setCentralWidget(call_screen)
    for action in call_screen.actions():
        window.addAction(action)
    qtbot.addWidget(window)
    window.resize(1400, 900)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    yield call_screen  # the fixture holds the window until the test ends


def key(qtbot, screen, sequence: str) -> None:
    """Press a shortcut the way a person does: on whatever widget has the focus."""
    from PySide6.QtGui import QKeySequence

    combo = QKeySequence(sequence)[0]
    if not screen.window().isActiveWindow():  # a closed modal dialog can leave no active window offscreen
        screen.window().activateWindow()
        qtbot.waitUntil(screen.window().isActiveWindow)
    target = QApplication.focusWidget() or screen
    qtbot.keyClick(target, combo.key(), combo.keyboardModifiers())


def stored_calls(db) -> list[Call]:
    """Every stored call, each read as its own operator (one's own call is readable with CALL_LOG)."""
    rows = db.conn.execute("SELECT id, operator_id FROM calls ORDER BY id").fetchall()
    return [call_store.get_call(db, call_id, viewer_id=operator_id) for call_id, operator_id in rows]


def test_sexual_abuse_call_logged_by_keyboard_lands_with_child_categories_and_flag(qtbot, screen, db):
    """A substantive sexual-abuse call typed entirely by keyboard is stored with its child, category and flag."""
    key(qtbot, screen, "F2")
    assert QApplication.focusWidget() is screen.form.phone_edit
    type_into_focus("0912 345 678")
    key(qtbot, screen, "Ctrl+K")
    type_into_focus("xam hai tinh duc")
    key(qtbot, screen, "Return")
    key(qtbot, screen, "Ctrl+T")  # a second editor row: the first (empty) one is left as it is
    type_into_focus("Bé Lan")
    key(qtbot, screen, "Alt+R")
    assert QApplication.focusWidget() is screen.form.risk_combo
    qtbot.keyClicks(screen.form.risk_combo, "H")
    key(qtbot, screen, "Alt+3")  # the service level: support or intervention
    key(qtbot, screen, "Alt+S")
    type_into_focus("Hàng xóm nghi bé bị cha dượng xâm hại.")
    key(qtbot, screen, "Ctrl+S")

    [call] = stored_calls(db)
    assert call.outcome == "substantive"
    assert call.categories == ["abuse.sexual"]
    assert [child.name for child in call.children] == ["Bé Lan"]
    assert call.risk == "high" and call.service_level == "intervention"
    assert call.phone_e164 == "+84912345678"
    assert call.flagged and call.flag_source == "rule" and call.case_need == "required"
    assert {"rule": "abuse_category", "category": "abuse.sexual"} in call.flag_reasons
    assert any(reason["rule"] == "high_risk" for reason in call.flag_reasons)
    assert call.summary == "Hàng xóm nghi bé bị cha dượng xâm hại."
    assert screen.form.is_blank(), "the screen is ready for the next call"
    assert draft_store.load_drafts(db, call.operator_id, WORKSTATION) == []


def test_silent_call_takes_one_key(qtbot, screen, db):
    """F5 alone saves a silent call with its duration and clears the screen."""
    key(qtbot, screen, "F2")
    type_into_focus("0912345678")
    key(qtbot, screen, "F5")
    [call] = stored_calls(db)
    assert call.outcome == "silent"
    assert call.phone_e164 == "+84912345678"
    assert call.duration_s >= 0 and call.ended_at >= call.started_at
    assert screen.form.phone_edit.text() == ""
    assert screen.timer_label.text() == "--:--"


def test_one_key_outcome_can_be_undone_into_a_full_call(qtbot, screen, db):
    """A mis-pressed F6 is taken back with F12 and the same call is saved in full, not twice."""
    key(qtbot, screen, "F2")
    type_into_focus("0912345678")
    key(qtbot, screen, "F6")
    assert screen.undo_button.isVisible()
    key(qtbot, screen, "F12")
    assert screen.form.phone_edit.text() == "0912345678"
    key(qtbot, screen, "Ctrl+K")
    type_into_focus("quan he gia dinh")
    key(qtbot, screen, "Return")
    key(qtbot, screen, "Alt+2")  # in-depth counselling
    key(qtbot, screen, "Alt+S")
    type_into_focus("Trẻ buồn vì bố mẹ cãi nhau.")
    key(qtbot, screen, "Ctrl+S")
    [call] = stored_calls(db)
    assert call.outcome == "substantive"
    assert call.categories == ["counselling.relationships"] and call.service_level == "counselling"
    assert call.risk == "none", "a counselling call needs no risk: the store keeps 'none'"
    changes = call_store.call_changes(db, call.id, viewer_id=call.operator_id)
    assert ("outcome", "hang_up", "substantive") in [(c.field, c.old, c.new) for c in changes]


def test_undo_is_gone_after_ten_seconds(qtbot, screen, db):
    """When the undo time ends (the timer's end), F12 no longer reopens the call and says why."""
    key(qtbot, screen, "F7")
    assert screen.undo_button.isVisible()
    screen._undo_timer.timeout.emit()
    assert not screen.undo_button.isVisible()
    with qtbot.waitSignal(screen.status_message) as said:
        key(qtbot, screen, "F12")
    assert "Nothing to undo" in said.args[0]
    assert screen.form.phone_edit.text() == "" and [c.outcome for c in stored_calls(db)] == ["prank"]


def test_a_counselor_logs_a_one_key_call_without_undo(qtbot, db, make_user):
    """A counselor may log calls but not edit them (DESIGN §6): a one-key outcome is saved and offers no undo."""
    counselor = make_user("canbo1", ["counselor"], "Cán bộ Lan")
    window = QMainWindow()
    call_screen = CallScreen(db, counselor, Settings.load(db), WORKSTATION, lang="en")
    window.setCentralWidget(call_screen)
    for action in call_screen.actions():
        window.addAction(action)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    key(qtbot, call_screen, "F6")
    assert [(c.outcome, c.operator_id) for c in stored_calls(db)] == [("hang_up", counselor.id)]
    assert not call_screen.undo_button.isVisible()
    with qtbot.waitSignal(call_screen.status_message) as said:
        key(qtbot, call_screen, "F12")
    assert "Nothing to undo" in said.args[0]


def test_caller_history_shows_a_call_first_logged_under_the_old_number(qtbot, screen, db, operator):
    """A number first logged in its old 11-digit form is found when the caller rings from the new number."""
    old = Call(line="111", started_at=utcnow(), operator_id=operator.id, outcome="silent", phone_raw="0169 123 4567")
    call_store.save_call(db, old)
    key(qtbot, screen, "F2")
    type_into_focus("039 123 4567")
    qtbot.waitUntil(lambda: screen.history_model.rowCount() == 1)
    assert "1" in screen.history_label.text()
    index = screen.history_model.index(0, screen.history_model.COL_OUTCOME)
    assert screen.history_model.data(index) == "Silent"


def test_phone_info_shows_conversion_of_an_old_number(qtbot, screen):
    """Typing an old 0169 number shows its new form and says it was converted."""
    key(qtbot, screen, "F2")
    type_into_focus("01691234567")
    text = screen.form.phone_info_label.text()
    assert "0391 234 567" in text and "old number 0169 123 4567" in text


def test_withheld_number_says_there_is_no_history(qtbot, screen):
    """A withheld number is allowed and the history panel says there is none."""
    key(qtbot, screen, "F2")
    type_into_focus("số ẩn")
    qtbot.waitUntil(lambda: "withheld" in screen.history_label.text().lower())
    assert screen.history_model.rowCount() == 0


def test_missing_required_items_are_named_and_nothing_is_lost(qtbot, screen, db):
    """Saving without categories, service level or summary names each, focuses the first and keeps what was
    typed."""
    key(qtbot, screen, "F2")
    type_into_focus("0912345678")
    key(qtbot, screen, "Ctrl+T")
    type_into_focus("Bé An")
    key(qtbot, screen, "Ctrl+S")
    assert stored_calls(db) == []
    assert screen.form.categories_error.isVisible() and screen.form.summary_error.isVisible()
    assert screen.form.service_error.isVisible()
    assert QApplication.focusWidget() is screen.form.categories.filter_edit
    assert screen.form.phone_edit.text() == "0912345678"
    assert [c.name for c in screen.form.children()] == ["Bé An"]


def test_abuse_report_without_a_child_is_refused(qtbot, screen, db):
    """An abuse report needs at least one child, named next to the children."""
    key(qtbot, screen, "F2")
    key(qtbot, screen, "Ctrl+K")
    type_into_focus("bao luc")
    key(qtbot, screen, "Return")
    key(qtbot, screen, "Alt+S")
    type_into_focus("Trẻ bị đánh.")
    key(qtbot, screen, "Ctrl+S")
    assert stored_calls(db) == []
    assert screen.form.children_error.isVisible()


def _abuse_call_on_screen(qtbot, screen) -> None:
    key(qtbot, screen, "F2")
    key(qtbot, screen, "Ctrl+K")
    type_into_focus("bao luc")
    key(qtbot, screen, "Return")
    key(qtbot, screen, "Ctrl+T")
    type_into_focus("Bé Tư")
    key(qtbot, screen, "Alt+R")
    qtbot.keyClicks(screen.form.risk_combo, "M")  # medium
    key(qtbot, screen, "Alt+3")
    key(qtbot, screen, "Alt+S")
    type_into_focus("Trẻ bị đánh nhiều lần.")


def test_clearing_a_rule_flag_without_a_reason_is_refused(qtbot, screen, db):
    """Unticking a flag the rules set, with an empty reason, leaves the call flagged."""
    _abuse_call_on_screen(qtbot, screen)
    assert screen.flag_check.isChecked()
    answer_next_dialog("Cancel", text="   ")  # OK stays disabled while the reason is blank
    screen.flag_check.click()
    assert screen.flag_check.isChecked()
    key(qtbot, screen, "Ctrl+S")
    [call] = stored_calls(db)
    assert call.flagged and call.flag_override_reason == ""


def test_clearing_a_rule_flag_with_a_reason_keeps_the_reason(qtbot, screen, db):
    """Unticking with a written reason stores the call unflagged, with the reason, for the shift lead."""
    _abuse_call_on_screen(qtbot, screen)
    answer_next_dialog("Clear the flag (Ctrl+Enter)", text="Đã có công an xã đến đưa trẻ đi.")
    screen.flag_check.click()
    assert not screen.flag_check.isChecked()
    assert "Đã có công an xã" in screen.banner.text()
    key(qtbot, screen, "Ctrl+S")
    [call] = stored_calls(db)
    assert not call.flagged and call.case_need == "required"
    assert call.flag_override_reason == "Đã có công an xã đến đưa trẻ đi."


def test_manual_flag_on_a_counselling_call(qtbot, screen, db):
    """An operator can flag any call by hand; it is stored as a manual flag."""
    key(qtbot, screen, "F2")
    key(qtbot, screen, "Ctrl+K")
    type_into_focus("tam ly")
    key(qtbot, screen, "Return")
    key(qtbot, screen, "Alt+2")
    key(qtbot, screen, "Alt+S")
    type_into_focus("Trẻ căng thẳng, nói muốn bỏ nhà đi.")
    assert not screen.flag_check.isChecked()
    key(qtbot, screen, "Alt+N")
    qtbot.keyClick(screen.flag_check, Qt.Key.Key_Space)
    key(qtbot, screen, "Ctrl+S")
    [call] = stored_calls(db)
    assert call.flagged and call.flag_source == "manual"
    assert {"rule": "manual", "category": None} in call.flag_reasons or {"rule": "manual"} in call.flag_reasons


def test_banner_follows_categories_and_risk(qtbot, screen):
    """The banner says required for abuse, suggested for recruitment information alone, and not needed otherwise."""
    key(qtbot, screen, "F2")
    assert screen.banner.property("need") == "not_needed"
    key(qtbot, screen, "Ctrl+K")
    type_into_focus("tuyen dung")
    key(qtbot, screen, "Return")
    assert screen.banner.property("need") == "suggested"
    screen.form.risk_combo.setCurrentIndex(screen.form.risk_combo.findData("immediate"))
    assert screen.banner.property("need") == "required"
    assert "emergency measures / separation by" in screen.banner.text()
    assert "safety" not in screen.banner.text().lower()


def test_autosave_keeps_a_draft_within_two_seconds(qtbot, screen, db, operator):
    """What is typed is in the drafts table within two seconds, without saving."""
    key(qtbot, screen, "F2")
    type_into_focus("0912345678")
    key(qtbot, screen, "Alt+S")
    type_into_focus("Đang nghe trẻ kể.")
    qtbot.waitUntil(lambda: bool(draft_store.load_drafts(db, operator.id, WORKSTATION)), timeout=2000)
    [draft] = draft_store.load_drafts(db, operator.id, WORKSTATION)
    assert draft.state["form"]["summary"] == "Đang nghe trẻ kể."
    assert draft.state["form"]["phone"] == "0912345678"


def test_new_call_keeps_the_unsaved_one_as_a_draft_and_offers_it_back(qtbot, screen, db, operator):
    """F2 over a typed call keeps it as a draft; it is offered back and restored with its start time."""
    key(qtbot, screen, "F2")
    key(qtbot, screen, "Alt+S")
    type_into_focus("Cuộc gọi thứ nhất.")
    first_start = screen._started_at
    answer_next_dialog("&Yes".replace("&", ""))
    key(qtbot, screen, "F2")
    assert screen.form.is_blank()
    assert len(draft_store.load_drafts(db, operator.id, WORKSTATION)) == 1
    screen._reset()
    answer_next_dialog("Open it")
    screen.offer_drafts()
    assert screen.form.summary_edit.toPlainText() == "Cuộc gọi thứ nhất."
    assert to_ms(screen._started_at) == to_ms(first_start)


def test_line_and_channel_change_with_one_key(qtbot, screen, db):
    """F3 switches the line and F4 the channel; the saved call carries both."""
    key(qtbot, screen, "F2")
    before = screen.line_combo.currentData()
    key(qtbot, screen, "F3")
    key(qtbot, screen, "F4")
    assert screen.line_combo.currentData() != before
    key(qtbot, screen, "F10")
    [call] = stored_calls(db)
    assert call.line == "18008077" and call.channel == "zalo" and call.outcome == "test"


def test_new_screen_starts_on_the_operators_last_line(qtbot, db, operator):
    """The line defaults to the one of the operator's most recent call."""
    call_store.save_call(db, Call(line="18008077", started_at=utcnow(), operator_id=operator.id, outcome="silent"))
    screen = CallScreen(db, operator, Settings.load(db), WORKSTATION, lang="en")
    qtbot.addWidget(screen)
    assert screen.line_combo.currentData() == "18008077"


def test_next_call_starts_with_a_blank_child_in_the_default_province(qtbot, screen):
    """After a save, the next call's child place starts in An Giang again (the centre's default)."""
    key(qtbot, screen, "F2")
    screen.form.editors[0].province_combo.set_code(79)  # the operator picked another province
    answer_next_dialog("Yes")  # "the form holds typed text…": a chosen province is worth asking about
    key(qtbot, screen, "F5")
    [editor] = screen.form.editors
    assert editor.province_combo.code() == 91
    assert editor.ward_combo.count() > 100, "An Giang's communes are offered"


def test_a_child_known_only_by_carer_and_sex_is_kept(qtbot, screen, db):
    """A child row with only a sex, an age band and a carer is saved, not dropped as empty."""
    key(qtbot, screen, "F2")
    key(qtbot, screen, "Ctrl+K")
    type_into_focus("tam ly")
    key(qtbot, screen, "Return")
    editor = screen.form.editors[0]
    editor.sex_combo.setCurrentIndex(editor.sex_combo.findData("female"))
    editor.band_combo.setCurrentIndex(editor.band_combo.findData("11-15"))
    type_text(editor.carer_edit, "bà ngoại")
    key(qtbot, screen, "Alt+1")
    key(qtbot, screen, "Alt+S")
    type_into_focus("Bé buồn vì bố mẹ đi làm xa.")
    key(qtbot, screen, "Ctrl+S")
    [call] = stored_calls(db)
    [child] = call.children
    assert (child.sex, child.age_band, child.carer) == ("female", "11-15", "bà ngoại")


def test_flag_reason_dialog_needs_text_and_confirms_with_ctrl_enter(qtbot):
    """The reason dialog keeps OK disabled while blank and Ctrl+Enter confirms a written reason."""
    from PySide6.QtWidgets import QDialogButtonBox

    from hotline.ui.case_file_bar import OverrideReasonDialog

    dialog = OverrideReasonDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    type_text(dialog.edit, "  ")
    assert not ok.isEnabled()
    type_text(dialog.edit, "Trẻ đã an toàn")
    assert ok.isEnabled()
    with qtbot.waitSignal(dialog.accepted):
        qtbot.keyClick(dialog.edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert dialog.reason() == "Trẻ đã an toàn"


def test_caller_history_counts_calls_with_content_and_flags(qtbot, screen, db, operator):
    """The history line says how many earlier calls had content and how many were flagged."""
    for outcome, flagged in (("silent", False), ("substantive", True), ("hang_up", False)):
        call_store.save_call(db, Call(line="111", started_at=utcnow(), operator_id=operator.id, outcome=outcome,
                                      flagged=flagged, case_need="required" if flagged else "not_needed",
                                      phone_raw="0912345678",
                                      service_level="counselling" if outcome == "substantive" else ""))  # fmt: skip
    key(qtbot, screen, "F2")
    type_into_focus("0912345678")
    qtbot.waitUntil(lambda: screen.history_model.rowCount() == 3)
    assert "3 earlier calls — 1 with content, 1 flagged" in screen.history_label.text()


def test_a_call_from_a_number_with_an_open_case_is_linked_from_the_form(qtbot, screen, db, operator, make_user):
    """Typing a number whose child has an open case file offers that file; the saved call is linked to it."""
    from hotline.store import cases as case_store

    counselor = make_user("canbo1", ["counselor"], "Huỳnh Thị Lan")
    first = call_store.save_call(db, Call(
        line="111", started_at=utcnow(), operator_id=operator.id, phone_raw="0169 123 4567", summary="Bé bị đánh.",
        categories=["abuse.violence"], case_need="required", flagged=True, flag_source="rule", risk="medium",
        service_level="intervention",
    ))  # fmt: skip
    [case] = case_store.open_cases(db, first.id, [None], by_user_id=counselor.id, assigned_to=counselor.id)
    key(qtbot, screen, "F2")
    type_into_focus("0391234567")  # the same number in its new form
    qtbot.waitUntil(lambda: screen.link_combo.isVisible())
    screen.link_combo.setCurrentIndex(screen.link_combo.findData(case.id))
    key(qtbot, screen, "Ctrl+K")
    type_into_focus("quan he gia dinh")
    key(qtbot, screen, "Return")
    key(qtbot, screen, "Alt+1")
    key(qtbot, screen, "Alt+S")
    type_into_focus("Mẹ bé gọi lại hỏi tiến độ.")
    key(qtbot, screen, "Ctrl+S")
    later = [c for c in stored_calls(db) if c.id != first.id]
    assert [c.id for c in case_store.linked_calls(db, case.id, viewer_id=counselor.id)] == [later[0].id]
