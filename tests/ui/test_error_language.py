"""A refusal of the store reaches the screen in the interface's language only, never as a "vi / en" pair."""

from __future__ import annotations

import subprocess
import sys
from datetime import timedelta
from pathlib import Path
from xml.sax.saxutils import escape

import pytest
from keyboard import type_text
from PySide6.QtCore import QTranslator
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QMessageBox

from hotline.core.models import Call, Child
from hotline.core.timeutil import utcnow
from hotline.settings import Settings
from hotline.store import calls as call_store
from hotline.ui.call_edit_dialog import CallEditDialog

ROOT = Path(__file__).resolve().parents[2]
REFUSAL = "The time of the hand-off is not valid"
#: The Vietnamese of REFUSAL, as a translator would give it (built into a .qm below, so this test does not wait
#: for the shipped translation).
REFUSAL_VI = "Thời điểm chuyển giao không hợp lệ"


@pytest.fixture
def store_error_words(qapp, tmp_path):
    """A Qt translator holding REFUSAL's Vietnamese in the StoreError context, installed as a language file is."""
    sys.path.insert(0, str(ROOT / "tools"))
    try:
        from i18n import find_tool
    finally:
        sys.path.remove(str(ROOT / "tools"))
    ts, qm = tmp_path / "errors_vi.ts", tmp_path / "errors_vi.qm"
    ts.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n<TS version="2.1" language="vi" sourcelanguage="en">'
        f"<context><name>StoreError</name><message><source>{escape(REFUSAL)}</source>"
        f"<translation>{escape(REFUSAL_VI)}</translation></message></context></TS>\n",
        encoding="utf-8",
    )
    subprocess.run([find_tool("pyside6-lrelease"), str(ts), "-qm", str(qm)], check=True, capture_output=True)
    translator = QTranslator()
    assert translator.load(str(qm))
    qapp.installTranslator(translator)
    yield
    qapp.removeTranslator(translator)


def _refused_hand_off(qtbot, db, make_user, monkeypatch) -> str:
    """A shift lead records a hand-off dated tomorrow on a saved call and presses Ctrl+S: the store refuses it;
    the text of the warning shown is returned."""
    lead = make_user("truongca", ["shift_lead"], "Trưởng ca")
    operator = make_user("tongdai", ["operator"], "Tổng đài viên")
    call = call_store.save_call(db, Call(
        line="111", started_at=utcnow() - timedelta(hours=1), operator_id=operator.id, duration_s=222,
        categories=["counselling.relationships"], summary="Bé buồn.", children=[Child(sex="female", age=9)],
        service_level="counselling",
    ))  # fmt: skip
    dialog = CallEditDialog(db, lead, call.id, Settings.load(db), "en")
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text, *a: shown.append(text))

    def press(sequence: str) -> None:
        combo = QKeySequence(sequence)[0]
        qtbot.keyClick(QApplication.focusWidget() or dialog, combo.key(), combo.keyboardModifiers())

    try:
        dialog.form.categories.filter_edit.setFocus()
        type_text(dialog.form.categories.filter_edit, "bao luc")
        press("Return")
        press("Alt+R")
        qtbot.keyClicks(dialog.form.risk_combo, "H")
        row = dialog.form.handoff_rows["commune"]
        type_text(row.to_whom_edit, "UBND xã")
        row.set_at(utcnow() + timedelta(days=1))
        press("Ctrl+S")
        assert dialog.has_unsaved() and call_store.get_call(db, call.id, viewer_id=lead.id).version == 1
    finally:
        dialog.done(0)
        dialog.deleteLater()
    assert len(shown) == 1
    return shown[0]


def test_a_refusal_reads_in_english_only_in_the_english_interface(qtbot, db, make_user, monkeypatch):
    """English interface: the store's refusal is shown in English, with no Vietnamese half."""
    text = _refused_hand_off(qtbot, db, make_user, monkeypatch)
    assert REFUSAL in text and REFUSAL_VI not in text and " / " not in text


def test_a_refusal_reads_in_vietnamese_only_when_vietnamese_is_installed(
    qtbot, db, make_user, monkeypatch, store_error_words
):
    """With the Vietnamese words installed in Qt, the store's refusal is shown in Vietnamese, with no English half."""
    text = _refused_hand_off(qtbot, db, make_user, monkeypatch)
    assert REFUSAL_VI in text and REFUSAL not in text and " / " not in text
