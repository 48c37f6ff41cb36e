"""The live-call screen's phone field: a sentence typed there is refused at the field, nothing typed is lost."""

from __future__ import annotations

import pytest
from keyboard import type_into_focus
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QMainWindow

from hotline.settings import Settings
from hotline.ui.call_screen import CallScreen


@pytest.fixture
def screen(qtbot, db, make_user):
    operator = make_user("tongdai", ["operator"], "Tổng đài viên")
    window = QMainWindow()
    call_screen = CallScreen(db, operator, Settings.load(db), "pc-test", lang="en")
    window.setCentralWidget(call_screen)
    for action in call_screen.actions():
        window.addAction(action)
    qtbot.addWidget(window)
    window.resize(1366, 700)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    yield call_screen


def key(qtbot, sequence: str) -> None:
    combo = QKeySequence(sequence)[0]
    qtbot.keyClick(QApplication.focusWidget(), combo.key(), combo.keyboardModifiers())


def test_a_sentence_in_the_phone_field_of_a_new_call_is_refused(qtbot, db, screen):
    """A call whose "number" is a sentence is not saved: the field says so and has the focus; all is kept."""
    key(qtbot, "F2")
    type_into_focus("0912 345 678 me be goi lai noi be da an toan")
    key(qtbot, "Ctrl+K")
    type_into_focus("tam ly")
    key(qtbot, "Return")
    key(qtbot, "Alt+2")
    key(qtbot, "Alt+S")
    type_into_focus("Bé buồn, cần người nghe.")
    key(qtbot, "Ctrl+S")
    assert db.conn.execute("SELECT count(*) FROM calls").fetchone()[0] == 0
    assert QApplication.focusWidget() is screen.form.phone_edit
    assert screen.form.phone_error.isVisible()
    assert screen.form.summary_edit.toPlainText() == "Bé buồn, cần người nghe."
    screen.form.phone_edit.setText("0912 345 678")
    key(qtbot, "Ctrl+S")
    assert db.conn.execute("SELECT phone_raw FROM calls").fetchall() == [("0912 345 678",)]
