"""pytest-qt flows of the call edit dialog: role-based editing, field-level history, and optimistic locking."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest
from keyboard import type_text
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QTreeWidget,
)

from hotline.core.models import Call, Child, Handoff
from hotline.core.taxonomy import load_taxonomy
from hotline.core.timeutil import utcnow
from hotline.store import calls as call_store
from hotline.store.db import DatabaseBusyError
from hotline.ui.call_edit_dialog import ConflictDialog


@pytest.fixture
def lead(make_user):
    return make_user("truongca", ["shift_lead"], "Trưởng ca Hạnh")


@pytest.fixture
def operator(make_user):
    return make_user("tongdai", ["operator"], "Tổng đài viên An")


def store_call(db, operator_id: int, *, hours_ago: float = 1.0) -> Call:
    """A counselling call about one child, saved as the live-call screen saves it."""
    call = Call(
        line="111", started_at=utcnow() - timedelta(hours=hours_ago), operator_id=operator_id, duration_s=222,
        phone_raw="0912 345 678", categories=["counselling.relationships"], summary="Bé buồn vì bố mẹ cãi nhau.",
        children=[Child(name="Bé Tí", sex="female", age=9, age_band="6-10")], service_level="counselling",
    )  # fmt: skip
    return call_store.save_call(db, call)


def press(qtbot, dialog, sequence: str) -> None:
    """A shortcut pressed on whatever has the focus, as a person does."""
    if not dialog.isActiveWindow():  # a closed modal dialog can leave no active window offscreen
        dialog.activateWindow()
        qtbot.waitUntil(dialog.isActiveWindow)
    combo = QKeySequence(sequence)[0]
    qtbot.keyClick(QApplication.focusWidget() or dialog, combo.key(), combo.keyboardModifiers())


def retype_summary(qtbot, dialog, text: str) -> None:
    edit = dialog.form.summary_edit
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClick(edit, Qt.Key.Key_Delete)
    type_text(edit, text)


def answer_conflict(button_name: str, seen: list) -> None:
    """When the conflict dialog opens, note its rows in ``seen``, then click the named button."""

    def attempt(left: int) -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, ConflictDialog):
            if left:
                QTimer.singleShot(20, lambda: attempt(left - 1))
            return
        seen.extend(dialog.rows())
        dialog.findChild(QAbstractButton, button_name).click()

    QTimer.singleShot(0, lambda: attempt(50))


def test_shift_lead_changes_a_category_and_sees_the_history_row(qtbot, db, open_dialog, lead, operator):
    """A shift lead ticks a category and saves: call_changes and the history tab hold who, old → new."""
    call = store_call(db, operator.id)
    dialog = open_dialog(lead, call.id)
    assert dialog.save_button.isVisible()
    assert dialog.history_list.count() == 1 and dialog.tabs.tabText(1) == "History (0)"
    dialog.form.categories.filter_edit.setFocus()
    type_text(dialog.form.categories.filter_edit, "bao luc")
    press(qtbot, dialog, "Return")  # ticks the first category shown: violence
    assert dialog.case_file.banner.property("need") == "required"
    press(qtbot, dialog, "Ctrl+S")  # an abuse report now: its risk has no default and must be chosen
    assert dialog.form.risk_error.isVisible() and QApplication.focusWidget() is dialog.form.risk_combo
    assert "risk" in dialog.message_label.text()
    assert call_store.get_call(db, call.id, viewer_id=lead.id).version == 1
    with qtbot.waitSignal(dialog.call_changed) as changed:
        qtbot.keyClicks(dialog.form.risk_combo, "M")  # medium
        press(qtbot, dialog, "Ctrl+S")
    assert changed.args == [call.id]

    stored = call_store.get_call(db, call.id, viewer_id=lead.id)
    assert stored.categories == ["abuse.violence", "counselling.relationships"]
    assert stored.version == 2 and stored.flagged and stored.flag_source == "rule" and stored.risk == "medium"
    changes = {c.field: c for c in call_store.call_changes(db, call.id, viewer_id=lead.id)}
    assert changes["categories"].user_id == lead.id
    assert changes["categories"].old == '["counselling.relationships"]'
    assert changes["categories"].new == '["abuse.violence", "counselling.relationships"]'
    taxonomy = load_taxonomy()
    family, violence = (taxonomy.label(code, "en") for code in ("counselling.relationships", "abuse.violence"))
    lines = [dialog.history_list.item(i).text() for i in range(dialog.history_list.count())]
    assert any(line.endswith(f"Trưởng ca Hạnh: Categories: {family} → {violence}, {family}") for line in lines), lines
    assert any("Flagged for a case file: no → yes" in line for line in lines), lines
    assert dialog.tabs.tabText(1) == f"History ({len(changes)})"
    assert not dialog.has_unsaved()


def test_operator_cannot_open_someone_elses_call(qtbot, db, open_dialog, operator, make_user, monkeypatch):
    """Another operator's call is refused by the store: the dialog says why and shows none of the call."""
    colleague = make_user("tongdai2", ["operator"], "Tổng đài viên Bình")
    call = store_call(db, colleague.id)
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text, *a: shown.append(text))
    dialog = open_dialog(operator, call.id)
    assert len(shown) == 1 and "not allowed" in shown[0]
    assert dialog.call is None and not dialog.save_button.isVisible()
    assert dialog.form.summary_edit.toPlainText() == ""
    denied = db.conn.execute("SELECT user_id, entity_id FROM audit_log WHERE action = 'access.denied'").fetchall()
    assert denied == [(operator.id, "call.view_all")]


def test_counselor_sees_a_call_read_only(qtbot, db, open_dialog, operator, make_user, lead):
    """A call a counselor may read but not edit opens with every input read-only or disabled and no Save; Ctrl+S
    does nothing."""
    counselor = make_user("canbo1", ["counselor"], "Cán bộ Lan")
    call = store_call(db, operator.id)
    # a counselor reads the calls behind the follow-up: this one was flagged by hand
    call_store.update_call(db, replace(call, flagged=True, flag_source="manual"), user_id=lead.id)
    dialog = open_dialog(counselor, call.id)
    assert not dialog.save_button.isVisible()
    assert dialog.read_only_label.isVisible()
    assert dialog.form.summary_edit.toPlainText() == "Bé buồn vì bố mẹ cãi nhau."
    widgets = [dialog.line_combo, dialog.channel_combo, dialog.outcome_combo]
    widgets += dialog.form.findChildren(QLineEdit) + dialog.form.findChildren(QPlainTextEdit)
    widgets += dialog.form.findChildren(QComboBox) + dialog.form.findChildren(QAbstractButton)
    widgets += dialog.form.findChildren(QAbstractSpinBox) + dialog.form.findChildren(QTreeWidget)
    widgets += [dialog.case_file.check]
    for widget in widgets:
        if isinstance(widget, (QLineEdit, QPlainTextEdit)):
            assert widget.isReadOnly(), widget.objectName()
        else:
            assert not widget.isEnabled(), widget.objectName()
    dialog.form.summary_edit.setFocus()
    type_text(dialog.form.summary_edit, "sửa")
    press(qtbot, dialog, "Ctrl+S")
    stored = call_store.get_call(db, call.id, viewer_id=lead.id)
    assert stored.version == 2 and stored.summary == "Bé buồn vì bố mẹ cãi nhau."  # the flag was the only edit


def test_operators_own_call_is_read_only_after_the_shift(qtbot, db, open_dialog, operator):
    """An operator's own call that started more than 12 hours ago opens read-only."""
    call = store_call(db, operator.id, hours_ago=13)
    dialog = open_dialog(operator, call.id)
    assert not dialog.can_edit and not dialog.save_button.isVisible()


def test_operator_edits_own_recent_call(qtbot, db, open_dialog, operator, lead):
    """An operator corrects the summary of their own call from this shift; the edit is stored under their name."""
    call = store_call(db, operator.id)
    dialog = open_dialog(operator, call.id)
    assert dialog.can_edit
    retype_summary(qtbot, dialog, "Bé Tí buồn vì bố mẹ cãi nhau, muốn nói chuyện lại.")
    press(qtbot, dialog, "Ctrl+S")
    stored = call_store.get_call(db, call.id, viewer_id=lead.id)
    assert stored.summary == "Bé Tí buồn vì bố mẹ cãi nhau, muốn nói chuyện lại."
    assert stored.version == 2 and stored.duration_s == 222 and stored.uuid == call.uuid
    assert [c.name for c in stored.children] == ["Bé Tí"]
    [change] = call_store.call_changes(db, call.id, viewer_id=lead.id)
    assert (change.field, change.user_id) == ("summary", operator.id)


@pytest.mark.parametrize("choice", ["keepTheirsButton", "saveMineButton"])
def test_second_save_of_the_same_call_shows_the_conflict(qtbot, db, open_dialog, lead, operator, choice):
    """Two dialogs edit one call; the second save shows both versions; the chosen one is stored, never silently."""
    call = store_call(db, operator.id)
    first = open_dialog(operator, call.id)
    second = open_dialog(lead, call.id)
    retype_summary(qtbot, first, "Bản của tổng đài viên.")
    press(qtbot, first, "Ctrl+S")
    assert call_store.get_call(db, call.id, viewer_id=lead.id).version == 2

    retype_summary(qtbot, second, "Bản của trưởng ca.")
    seen: list = []
    answer_conflict(choice, seen)
    press(qtbot, second, "Ctrl+S")
    assert ("Summary", "Bản của tổng đài viên.", "Bản của trưởng ca.") in seen

    stored = call_store.get_call(db, call.id, viewer_id=lead.id)
    changes = [(c.field, c.user_id, c.new) for c in call_store.call_changes(db, call.id, viewer_id=lead.id)]
    if choice == "keepTheirsButton":
        assert stored.summary == "Bản của tổng đài viên." and stored.version == 2
        assert changes == [("summary", operator.id, "Bản của tổng đài viên.")]
        assert second.form.summary_edit.toPlainText() == "Bản của tổng đài viên."
        assert not second.has_unsaved()
    else:
        assert stored.summary == "Bản của trưởng ca." and stored.version == 3
        assert changes == [
            ("summary", operator.id, "Bản của tổng đài viên."),
            ("summary", lead.id, "Bản của trưởng ca."),
        ]


def test_back_to_editing_changes_nothing(qtbot, db, open_dialog, lead, operator):
    """Esc in the conflict dialog keeps the typed edit in the form and the stored call as it is."""
    call = store_call(db, operator.id)
    first = open_dialog(operator, call.id)
    second = open_dialog(lead, call.id)
    retype_summary(qtbot, first, "Bản thứ nhất.")
    press(qtbot, first, "Ctrl+S")
    retype_summary(qtbot, second, "Bản thứ hai.")
    answer_conflict("backToEditingButton", [])
    press(qtbot, second, "Ctrl+S")
    assert call_store.get_call(db, call.id, viewer_id=lead.id).summary == "Bản thứ nhất."
    assert second.form.summary_edit.toPlainText() == "Bản thứ hai."
    assert second.has_unsaved()


def test_store_error_is_shown_and_nothing_typed_is_lost(qtbot, db, open_dialog, lead, operator, monkeypatch):
    """A busy database on save gives a message box with the store's words; the form keeps the edit."""
    call = store_call(db, operator.id)
    dialog = open_dialog(lead, call.id)
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text, *a: shown.append(text))

    def busy(*_args, **_kwargs):
        raise DatabaseBusyError("Cơ sở dữ liệu đang bận quá lâu, hãy thử lại / The database stayed busy too long")

    monkeypatch.setattr(call_store, "update_call", busy)
    retype_summary(qtbot, dialog, "Sửa lúc máy bận.")
    press(qtbot, dialog, "Ctrl+S")
    assert len(shown) == 1 and "The database stayed busy too long" in shown[0]
    assert dialog.form.summary_edit.toPlainText() == "Sửa lúc máy bận."
    assert dialog.has_unsaved()
    assert call_store.get_call(db, call.id, viewer_id=lead.id).version == 1


def test_closing_with_unsaved_changes_asks_first(qtbot, db, open_dialog, lead, operator, monkeypatch):
    """Esc over an unsaved edit asks; answering No keeps the dialog open with the edit."""
    call = store_call(db, operator.id)
    dialog = open_dialog(lead, call.id)
    asked: list[str] = []

    def no(_parent, title, *_args):
        asked.append(title)
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", no)
    retype_summary(qtbot, dialog, "Chưa lưu.")
    press(qtbot, dialog, "Escape")
    assert asked == ["Discard your changes?"]
    assert dialog.isVisible() and dialog.form.summary_edit.toPlainText() == "Chưa lưu."


def test_shift_lead_turns_a_silent_call_into_a_call_with_content(qtbot, db, open_dialog, lead, operator):
    """A one-key call opens with a blank form; given an outcome, a category and a summary it is stored in full."""
    silent = call_store.save_call(db, Call(line="111", started_at=utcnow(), operator_id=operator.id, outcome="silent"))
    dialog = open_dialog(lead, silent.id)
    assert dialog.form.is_blank() and not dialog.case_file.isVisible()
    dialog.outcome_combo.setCurrentIndex(dialog.outcome_combo.findData("substantive"))
    assert dialog.case_file.isVisible()
    dialog.form.categories.filter_edit.setFocus()
    type_text(dialog.form.categories.filter_edit, "tam ly")
    press(qtbot, dialog, "Return")
    retype_summary(qtbot, dialog, "Trẻ gọi lại, kể chuyện bị bạn bè cô lập.")
    press(qtbot, dialog, "Alt+2")  # in-depth counselling: the same key as on the live-call screen
    press(qtbot, dialog, "Ctrl+S")
    stored = call_store.get_call(db, silent.id, viewer_id=lead.id)
    assert stored.outcome == "substantive" and stored.categories == ["counselling.mental_health"]
    assert stored.summary == "Trẻ gọi lại, kể chuyện bị bạn bè cô lập." and stored.version == 2
    assert stored.service_level == "counselling"
    changes = {c.field: (c.old, c.new) for c in call_store.call_changes(db, silent.id, viewer_id=lead.id)}
    assert changes["outcome"] == ("silent", "substantive")


def store_report(db, operator_id: int) -> Call:
    """A violence report with every field of the law per child, passed to the commune half an hour ago."""
    call = Call(
        line="111", started_at=utcnow() - timedelta(hours=1), operator_id=operator_id, duration_s=300,
        categories=["abuse.violence"], risk="medium", service_level="intervention", summary="Bé bị bố đánh.",
        children=[Child(name="Bé Na", sex="female", age=8, age_band="6-10", status="abused")],
        incident_province_code=91, incident_ward_code=30307, incident_place="chợ Long Xuyên",
        incident_setting="family", help_before="Hàng xóm can ngăn.", flagged=True,
        handoffs=[Handoff(kind="commune", to_whom="UBND phường Long Xuyên", means="phone",
                          at=utcnow() - timedelta(minutes=30))],
    )  # fmt: skip
    return call_store.save_call(db, call)


def test_the_dialog_shows_and_edits_the_fields_of_the_law(qtbot, db, open_dialog, lead, operator):
    """The edit dialog holds the call form: service level, status, place and setting, help before and the hand-off
    recorded are shown; a changed setting and status are stored, with their history in words."""
    call = store_report(db, operator.id)
    dialog = open_dialog(lead, call.id)
    form = dialog.form
    state = form.state()
    assert (state["service_level"], state["risk"], state["help_before"]) == ("intervention", "medium",
                                                                             "Hàng xóm can ngăn.")  # fmt: skip
    assert (state["incident_ward_code"], state["incident_place"], state["incident_setting"]) == (
        30307, "chợ Long Xuyên", "family"
    )  # fmt: skip
    assert [c["status"] for c in state["children"]] == ["abused"]
    assert "UBND phường Long Xuyên" in form.assessment.recorded_label.text()
    assert not form.handoff_rows["commune"].isVisible(), "the hand-off is recorded: no row to fill again"
    assert "passed to the commune" in dialog.case_file.banner.text()
    assert "at once" not in dialog.case_file.banner.text()

    qtbot.keyClicks(form.incident.setting_combo, "S")  # school
    form.editors[0].status_radios["abused"].setFocus()
    qtbot.keyClick(form.editors[0].status_radios["abused"], Qt.Key.Key_Right)  # at risk
    press(qtbot, dialog, "Ctrl+S")
    stored = call_store.get_call(db, call.id, viewer_id=lead.id)
    assert stored.version == 2 and stored.incident_setting == "school"
    assert [c.status for c in stored.children] == ["at_risk"] and len(stored.handoffs) == 1
    lines = [dialog.history_list.item(i).text() for i in range(dialog.history_list.count())]
    assert any(line.endswith("Setting of the incident: Family → School") for line in lines), lines
    assert any(line.endswith("Child 1: status: Abused → At risk of abuse") for line in lines), lines


def test_a_refusal_of_the_store_is_shown_plainly_and_nothing_is_lost(qtbot, db, open_dialog, lead, operator,
                                                                     monkeypatch):  # fmt: skip
    """A hand-off dated tomorrow passes the form but not the store: its message (in the interface language) is
    shown as it is, the form keeps everything, and nothing is written."""
    call = store_call(db, operator.id)
    dialog = open_dialog(lead, call.id)
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text, *a: shown.append(text))
    dialog.form.categories.filter_edit.setFocus()
    type_text(dialog.form.categories.filter_edit, "bao luc")
    press(qtbot, dialog, "Return")
    press(qtbot, dialog, "Alt+R")
    qtbot.keyClicks(dialog.form.risk_combo, "H")
    row = dialog.form.handoff_rows["commune"]
    assert row.isVisible()
    type_text(row.to_whom_edit, "UBND xã")
    row.set_at(utcnow() + timedelta(days=1))
    press(qtbot, dialog, "Ctrl+S")
    assert len(shown) == 1
    assert "The time of the hand-off is not valid" in shown[0] and "Thời điểm" not in shown[0]
    assert row.to_whom_edit.text() == "UBND xã" and dialog.has_unsaved()
    assert call_store.get_call(db, call.id, viewer_id=lead.id).version == 1
    assert db.conn.execute("SELECT count(*) FROM handoffs").fetchone()[0] == 0


def test_opening_a_call_never_records_a_hand_off_nobody_typed(qtbot, db, open_dialog, lead, operator):
    """A stored adult-victim call with the police ticked and no referral recorded: the row shows, empty (a name is
    offered only when a person ticks the referral), and saving another change records no hand-off."""
    call = call_store.save_call(db, Call(
        line="111", started_at=utcnow() - timedelta(hours=1), operator_id=operator.id,
        categories=["trafficking.forced_labour"], risk="high", service_level="intervention",
        summary="Anh bị lừa sang biên giới.", referrals=["police_113"],
        children=[Child(name="Anh Tâm", sex="male", age=30, age_band="18+", destination="cambodia")],
    ))  # fmt: skip
    assert call.victim_referral and not call.handoffs
    dialog = open_dialog(lead, call.id)
    row = dialog.form.handoff_rows["victim"]
    assert row.isVisible() and row.to_whom_edit.text() == ""
    assert not dialog.has_unsaved()
    retype_summary(qtbot, dialog, "Anh bị lừa sang Campuchia.")
    press(qtbot, dialog, "Ctrl+S")
    stored = call_store.get_call(db, call.id, viewer_id=lead.id)
    assert stored.version == 2 and stored.handoffs == []
    qtbot.keyClick(dialog.form.referral_checks["border_guard"], Qt.Key.Key_Space)  # a person ticks: offered
    victim = dialog.form.handoff_rows["victim"]
    assert victim.to_whom_edit.text() == "" and "Bộ đội Biên phòng" in victim.to_whom_edit.placeholderText()
