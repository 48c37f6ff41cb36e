"""pytest-qt flows of leaving a live call: sign-out, the window's X and Quit ask first; no destructive Tab stop."""

from __future__ import annotations

from datetime import timedelta

import pytest
from keyboard import answer_next_dialog, type_into_focus, with_next_dialog
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox

from hotline.core.phones import normalize_phone
from hotline.core.timeutil import utcnow
from hotline.store import drafts as draft_store
from hotline.ui.main_window import MainWindow

WORKSTATION = "pc-test"


@pytest.fixture
def operator(make_user):
    return make_user("tongdai1", ["operator"], "Nguyễn Văn An")


@pytest.fixture
def window(qtbot, db, settings, operator):
    # closed here, not by qtbot (whose close would meet the question unanswered)
    main = MainWindow(db, operator, settings, WORKSTATION)
    main.resize(1366, 768)
    main.start_session()
    qtbot.waitExposed(main)
    main.activateWindow()
    qtbot.waitUntil(main.isActiveWindow)
    yield main
    if main.isVisible():
        if main.call_screen.has_unsaved():  # a test that stayed in its call: leave, keeping it as a draft
            answer_next_dialog("Yes")
        main.close()
    main.deleteLater()


def key(qtbot, window, sequence: str) -> None:
    """Press a shortcut the way a person does: on whatever widget has the focus."""
    combo = QKeySequence(sequence)[0]
    if not window.isActiveWindow():
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(QApplication.focusWidget() or window, combo.key(), combo.keyboardModifiers())
    QApplication.processEvents()


def type_a_call(qtbot, window) -> None:
    key(qtbot, window, "F2")
    type_into_focus("0912 345 678")
    window.call_screen.form.summary_edit.setFocus()
    type_into_focus("Bé bị bỏ đói, hàng xóm gọi.")


def answer_with_enter(seen: list) -> list:
    """Read the next question, then press Enter in it (its default button), as a person in a hurry does."""

    def act(dialog) -> None:
        seen.append((dialog.windowTitle(), dialog.text(), dialog.defaultButton().text().replace("&", "")))
        QTest.keyClick(dialog, Qt.Key.Key_Return)

    return with_next_dialog(act)


def test_sign_out_during_a_call_asks_and_enter_keeps_the_session(qtbot, window):
    """Sign out mid-call asks; its default is Cancel, so Enter leaves the session and the call on screen as they
    were; the question says the call would be kept as a draft."""
    type_a_call(qtbot, window)
    seen: list = []
    answer_with_enter(seen)
    window.sign_out_action.trigger()
    [(title, text, default)] = seen
    assert title == "Sign out during a call?"
    assert "kept as a draft" in text and default == "Cancel"
    assert window.isVisible()
    assert window.call_screen.form.summary_edit.toPlainText() == "Bé bị bỏ đói, hàng xóm gọi."


def test_sign_out_confirmed_keeps_the_call_as_a_draft(qtbot, db, window, operator):
    """Yes to the question signs out, and the call is kept as a draft for the next sign-in."""
    type_a_call(qtbot, window)
    answer_next_dialog("Yes")
    with qtbot.waitSignal(window.closed) as ended:
        window.sign_out_action.trigger()
    assert ended.args == [True]
    [draft] = draft_store.load_drafts(db, operator.id, WORKSTATION)
    assert draft.state["form"]["summary"] == "Bé bị bỏ đói, hàng xóm gọi."


def test_the_windows_x_during_a_call_asks_and_cancel_stays(qtbot, window):
    """The window's X (and Ctrl+Q) mid-call asks first; Cancel keeps the window and the call."""
    type_a_call(qtbot, window)
    seen: list = []
    answer_with_enter(seen)
    window.close()  # what the X in the title bar does
    assert [title for title, _text, _default in seen] == ["Close Hotline during a call?"]
    assert window.isVisible() and window.call_screen.has_unsaved()
    answer_next_dialog("Cancel")
    key(qtbot, window, "Ctrl+Q")
    assert window.isVisible()


def test_no_call_being_typed_signs_out_at_once(qtbot, window, monkeypatch):
    """With no call typed nothing is asked: sign-out stays one step."""
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: pytest.fail("asked with no call typed"))
    key(qtbot, window, "F2")  # the clock runs, nothing typed yet
    with qtbot.waitSignal(window.closed):
        window.sign_out_action.trigger()


def test_ctrl_shift_l_is_not_sign_out(qtbot, window):
    """Sign out has no key one Shift away from Ctrl+L (the phone number): Ctrl+Shift+L leaves the session open."""
    assert window.sign_out_action.shortcut().isEmpty()
    type_a_call(qtbot, window)
    key(qtbot, window, "Ctrl+Shift+L")
    QApplication.processEvents()
    assert window.isVisible() and QApplication.activeModalWidget() is None


def test_tab_from_the_age_never_lands_on_remove(qtbot, window):
    """Tabbing through a child's row never stops on Remove, whatever the age typed (a child or an adult)."""
    type_a_call(qtbot, window)
    editor = window.call_screen.form.editors[0]
    for age in ("9", "30"):
        editor.age_spin.setFocus()
        editor.age_spin.lineEdit().selectAll()
        type_into_focus(age)
        for _ in range(8):
            key(qtbot, window, "Tab")
            assert QApplication.focusWidget() is not editor.remove_button
    assert editor.remove_button.focusPolicy() == Qt.FocusPolicy.NoFocus


def test_removing_a_child_with_typed_data_asks_and_cancel_keeps_it(qtbot, window):
    """Alt+Del in a child's row asks when something was typed for them; Enter (Cancel) keeps the child; Yes
    removes them."""
    type_a_call(qtbot, window)
    form = window.call_screen.form
    editor = form.editors[0]
    editor.name_edit.setFocus()
    type_into_focus("Bé Hoa")
    seen: list = []
    answer_with_enter(seen)
    key(qtbot, window, "Alt+Del")
    assert seen and seen[0][2] == "Cancel" and "Bé Hoa" in seen[0][1]
    assert [child.name for child in form.children()] == ["Bé Hoa"]
    answer_next_dialog("Yes")
    editor.name_edit.setFocus()
    key(qtbot, window, "Alt+Del")
    qtbot.waitUntil(lambda: form.editors == [])


def test_the_drafts_offered_show_the_number_and_what_was_said(qtbot, db, window, operator):
    """Two drafts are told apart: each question names the number, the child and the first words of the summary."""
    for phone, child, summary in (("0912345678", "Bé Hoa", "Hàng xóm nghe tiếng trẻ khóc"),
                                  ("0387654321", "Bé Tí", "Mẹ hỏi cách nói chuyện với con")):  # fmt: skip
        state = {"form": {"phone": phone, "summary": summary, "children": [{"name": child}]}, "elapsed_ms": 1000}
        draft_store.save_draft(db, operator.id, WORKSTATION, f"k-{phone}", state, utcnow() - timedelta(minutes=5))
    shown: list = []

    def read_and_later(dialog) -> None:
        shown.append((dialog.windowTitle(), dialog.text() + "\n" + dialog.informativeText()))
        [later] = [b for b in dialog.buttons() if b.text() == "Later"]
        later.click()
        if len(shown) == 1:
            with_next_dialog(read_and_later)

    with_next_dialog(read_and_later)
    key(qtbot, window, "Ctrl+Shift+R")
    qtbot.waitUntil(lambda: len(shown) == 2)
    (first_title, first), (second_title, second) = shown
    assert normalize_phone("0912345678").display in first and "Bé Hoa" in first and "Hàng xóm nghe" in first
    assert normalize_phone("0387654321").display in second and "Bé Tí" in second and "Mẹ hỏi" in second
    assert first_title.endswith("(1 of 2)") and second_title.endswith("(2 of 2)")
