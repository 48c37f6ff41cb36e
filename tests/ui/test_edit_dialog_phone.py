"""The phone field of the call edit dialog and of the new-call form: a "number" made of words is refused plainly."""

from __future__ import annotations

from datetime import timedelta

import pytest
from keyboard import type_text
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication

from hotline.core.models import Call, Child
from hotline.core.timeutil import utcnow
from hotline.store import calls as call_store

SENTENCE = "Me be goi lai, noi be da an toan."


@pytest.fixture
def lead(make_user):
    return make_user("truongca", ["shift_lead"], "Trưởng ca Hạnh")


@pytest.fixture
def operator(make_user):
    return make_user("tongdai", ["operator"], "Tổng đài viên An")


def store_call(db, operator_id: int) -> Call:
    """A counselling call about one child with a mobile number, saved as the live-call screen saves it."""
    call = Call(
        line="111", started_at=utcnow() - timedelta(hours=1), operator_id=operator_id, duration_s=222,
        phone_raw="0912 345 678", categories=["counselling.relationships"], summary="Bé buồn vì bố mẹ cãi nhau.",
        children=[Child(name="Bé Tí", sex="female", age=9, age_band="6-10")], service_level="counselling",
    )  # fmt: skip
    return call_store.save_call(db, call)


def press(qtbot, dialog, sequence: str) -> None:
    """A key pressed on whatever has the focus, as a person does."""
    combo = QKeySequence(sequence)[0]
    qtbot.keyClick(QApplication.focusWidget() or dialog, combo.key(), combo.keyboardModifiers())


def test_the_steps_of_the_report_move_between_fields_and_leave_the_phone_alone(qtbot, db, open_dialog, lead,
                                                                              operator):  # fmt: skip
    """Open a call, Alt+R, ↓, Alt+S, Ctrl+End, type a sentence, Ctrl+S: the risk and the summary change, the
    phone number in the database stays as it was."""
    call = store_call(db, operator.id)
    dialog = open_dialog(lead, call.id)
    assert QApplication.focusWidget() is dialog.form.phone_edit
    press(qtbot, dialog, "Alt+R")
    assert QApplication.focusWidget() is dialog.form.risk_combo
    press(qtbot, dialog, "Down")
    press(qtbot, dialog, "Alt+S")
    assert QApplication.focusWidget() is dialog.form.summary_edit
    press(qtbot, dialog, "Ctrl+End")
    type_text(QApplication.focusWidget(), " " + SENTENCE)
    press(qtbot, dialog, "Ctrl+S")
    stored = call_store.get_call(db, call.id, viewer_id=lead.id)
    assert stored.phone_raw == "0912 345 678"
    assert stored.summary.endswith(SENTENCE) and stored.version == 2
    assert dialog.form.phone_edit.text() == "0912 345 678"


def test_a_sentence_typed_into_the_phone_field_is_refused_at_the_field(qtbot, db, open_dialog, lead, operator):
    """A sentence typed after the number (End in the phone field) is not saved: the field says why, keeps the
    text and has the focus; cleared back to the number, the save goes through."""
    call = store_call(db, operator.id)
    dialog = open_dialog(lead, call.id)
    phone = dialog.form.phone_edit
    press(qtbot, dialog, "End")
    type_text(phone, " " + SENTENCE)
    assert "not a phone number" in dialog.form.phone_info_label.text()
    press(qtbot, dialog, "Ctrl+S")
    assert call_store.get_call(db, call.id, viewer_id=lead.id).version == 1
    assert phone.text() == "0912 345 678 " + SENTENCE
    assert QApplication.focusWidget() is phone
    assert dialog.form.phone_error.isVisible() and "phone" in dialog.message_label.text()
    phone.setCursorPosition(len("0912 345 678"))
    for _ in range(len(SENTENCE) + 1):
        qtbot.keyClick(phone, Qt.Key.Key_Delete)
    assert not dialog.form.phone_error.isVisible()
    press(qtbot, dialog, "Alt+S")
    press(qtbot, dialog, "Ctrl+End")
    type_text(dialog.form.summary_edit, " Đã gọi lại.")
    press(qtbot, dialog, "Ctrl+S")
    stored = call_store.get_call(db, call.id, viewer_id=lead.id)
    assert stored.version == 2 and stored.phone_raw == "0912 345 678" and stored.summary.endswith("Đã gọi lại.")


@pytest.mark.parametrize("typed", ["goi lai sau", "chưa hỏi được"])
def test_words_without_a_number_are_refused_even_for_a_call_without_content(qtbot, db, open_dialog, lead, operator,
                                                                            typed):  # fmt: skip
    """Words alone in the phone field of a silent call are refused too; the form keeps them."""
    silent = call_store.save_call(db, Call(line="111", started_at=utcnow(), operator_id=operator.id, outcome="silent"))
    dialog = open_dialog(lead, silent.id)
    type_text(dialog.form.phone_edit, typed)
    press(qtbot, dialog, "Ctrl+S")
    assert call_store.get_call(db, silent.id, viewer_id=lead.id).version == 1
    assert dialog.form.phone_edit.text() == typed and dialog.form.phone_error.isVisible()


ACCEPTED = ["số ẩn", "không rõ", "SĐT: 0913.222.333", "+84 (0) 913-222-333", "0913 222 333 (mẹ)"]


@pytest.mark.parametrize("typed", ACCEPTED)
def test_a_withheld_word_or_a_labelled_number_is_still_saved(qtbot, db, open_dialog, lead, operator, typed):
    """What the new-call form takes as a number or as withheld is saved as typed."""
    call = store_call(db, operator.id)
    dialog = open_dialog(lead, call.id)
    dialog.form.phone_edit.selectAll()
    type_text(dialog.form.phone_edit, typed)
    press(qtbot, dialog, "Ctrl+S")
    stored = call_store.get_call(db, call.id, viewer_id=lead.id)
    assert stored.version == 2 and stored.phone_raw == typed
    assert not dialog.form.phone_error.isVisible()


#: Each key printed on a label of the edit dialog, and the field it goes to (the mnemonics of the English labels).
LABEL_KEYS = {
    "Alt+R": "riskCombo", "Alt+S": "summaryEdit", "Alt+A": "actionEdit", "Alt+P": "incidentWardCombo",
    "Alt+N": "manualFlagCheck", "Alt+E": "callerRelationCombo", "Alt+I": "categoryFilterEdit",
    "Alt+B": "callbackConsentCheck", "Alt+U": "phoneEdit",
}  # fmt: skip


def test_every_key_printed_on_a_label_goes_to_its_field_and_types_nothing(qtbot, db, open_dialog, lead, operator):
    """From the phone field, each Alt key printed on a label moves to its field (Alt+1/2/3 choose the service
    level), and none of them types a letter into the phone number."""
    call = store_call(db, operator.id)
    dialog = open_dialog(lead, call.id)
    for sequence, name in LABEL_KEYS.items():
        dialog.form.phone_edit.setFocus()
        press(qtbot, dialog, sequence)
        assert QApplication.focusWidget().objectName() == name, sequence
    for sequence, level in (("Alt+1", "information"), ("Alt+3", "intervention"), ("Alt+2", "counselling")):
        dialog.form.phone_edit.setFocus()
        press(qtbot, dialog, sequence)
        assert dialog.form.service_level() == level, sequence
    assert dialog.form.phone_edit.text() == "0912 345 678"
