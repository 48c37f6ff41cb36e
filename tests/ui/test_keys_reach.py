"""Keyboard-first reach: export and handover by key, Alt letters in the case file, the caller history by key, and
the call window saying that a case file exists."""

from __future__ import annotations

from collections import Counter
from datetime import timedelta

import pytest
from keyboard import type_text, with_next_dialog
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QAbstractButton, QApplication, QMessageBox, QWidget

from hotline.core.models import Call, Child
from hotline.core.timeutil import utcnow
from hotline.store import calls as call_store
from hotline.store import cases as case_store
from hotline.ui.call_edit_dialog import CallEditDialog
from hotline.ui.case_view import CaseView
from hotline.ui.main_window import MainWindow, ShortcutsDialog

# closing a window with a call typed asks first: every test answers "yes, keep it as a draft"
pytestmark = pytest.mark.usefixtures("keep_typed_calls")
PHONE = "0912 345 678"


@pytest.fixture
def people(make_user):
    return {
        "operator": make_user("tongdai1", ["operator"], "Nguyễn Văn An"),
        "lead": make_user("truongca", ["shift_lead", "operator"], "Trần Thị Mai"),
        "counselor": make_user("canbo1", ["counselor"], "Huỳnh Thị Lan"),
    }


@pytest.fixture
def report(db, people):
    """A flagged report about two siblings, saved ten minutes ago by the operator, a case file for each child."""
    call = call_store.save_call(db, Call(
        line="111", started_at=utcnow() - timedelta(minutes=10), operator_id=people["operator"].id,
        phone_raw=PHONE, categories=["abuse.violence"], risk="high", service_level="intervention",
        summary="Hàng xóm gọi: hai bé bị cha dượng đánh.", action_taken="Đã báo công an phường.",
        children=[Child(name="Bé Lan", sex="female", age=9, status="abused"),
                  Child(name="Bé Tùng", sex="male", age=6, status="abused")], flagged=True,
    ))  # fmt: skip
    counselor = people["counselor"].id
    cases = case_store.open_cases(db, call.id, [child.id for child in call.children], by_user_id=counselor,
                                  assigned_to=counselor)  # fmt: skip
    return call, cases


def activate(qtbot, window: QWidget, width: int = 1366, height: int = 768) -> QWidget:
    qtbot.addWidget(window)
    window.resize(width, height)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    QApplication.processEvents()
    return window


def open_window(qtbot, db, settings, user, height: int = 768) -> MainWindow:
    window = MainWindow(db, user, settings, "pc-test")
    window.start_session()
    return activate(qtbot, window, height=height)


def press(qtbot, sequence: str) -> None:
    """A key as a person presses it: on whatever has the focus."""
    combo = QKeySequence(sequence)[0]
    qtbot.keyClick(QApplication.focusWidget(), combo.key(), combo.keyboardModifiers())


def mnemonic(text: str) -> str:
    """The Alt key a label's "&" gives ("" when it has none)."""
    return QKeySequence.mnemonic(text).toString()


# --- 1. export and the handover report by key ------------------------------------------------------------------------


def test_export_and_handover_are_in_a_menu_with_free_keys_shown_in_f1_and_on_the_buttons(qtbot, db, settings, people):
    """A shift lead finds "Export the calls…" (Ctrl+E) and "Handover report…" (Ctrl+P) in the menu "Daily log" and
    in F1's list; the buttons show the keys; no other action of the window has either key."""
    window = open_window(qtbot, db, settings, people["lead"])
    log = window.workspace.daily_log
    assert log.export_button.text() == "Export… (Ctrl+E)"
    assert log.handover_button.text() == "Handover report… (Ctrl+P)"
    menu = next(m for m in window.menus if m.objectName() == "dailyLogMenu")
    assert menu.title() == "Daily &log"
    seen = []
    with_next_dialog(lambda dialog: (seen.extend(dialog.rows()), dialog.reject()))
    press(qtbot, "F1")
    assert ("Export the calls…", "Ctrl+E") in seen and ("Handover report…", "Ctrl+P") in seen
    keys = Counter(key.toString() for action in window.findChildren(type(log.export_action))
                   for key in action.shortcuts())  # fmt: skip
    assert keys["Ctrl+E"] == 1 and keys["Ctrl+P"] == 1 and keys["F11"] == 1
    # the menu letters of the bar are all different, in English
    assert len({mnemonic(m.title()) for m in window.menus}) == len(window.menus)


def test_ctrl_e_and_ctrl_p_work_only_while_the_daily_log_is_shown(qtbot, db, settings, people, report, monkeypatch):
    """On the live-call screen Ctrl+E and Ctrl+P do nothing; in the daily log (Ctrl+2) Ctrl+E starts the export
    (its personal-data warning) and Ctrl+P the handover report."""
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **_k: warnings.append(a[1]) or QMessageBox.StandardButton.No)
    window = open_window(qtbot, db, settings, people["lead"])
    press(qtbot, "Ctrl+E")
    press(qtbot, "Ctrl+P")
    QApplication.processEvents()
    assert warnings == [] and QApplication.activeModalWidget() is None
    press(qtbot, "Ctrl+2")
    qtbot.waitUntil(window.workspace.daily_log.view.hasFocus, timeout=2000)
    press(qtbot, "Ctrl+E")
    assert warnings == ["Personal data"]
    handover = with_next_dialog(lambda dialog: dialog.reject())
    press(qtbot, "Ctrl+P")
    assert [dialog.windowTitle() for dialog in handover] == ["Handover report"]


# --- 2. Alt letters in the case file ---------------------------------------------------------------------------------


def case_buttons(view: CaseView) -> list[QAbstractButton]:
    """Every push button and check box of the case file window (on every tab), not the clock dialogs."""
    return [b for b in view.findChildren(QAbstractButton) if b.window() is view and b.metaObject().className()
            in ("QPushButton", "QCheckBox")]  # fmt: skip


@pytest.mark.parametrize("reader", ["counselor", "lead"])
def test_every_button_of_the_case_file_has_its_own_alt_letter(qtbot, db, settings, people, report, reader):
    """Each button of the case file (Mẫu số 01, Add the note, Close the case, Close the window, the clocks, Mark
    done…) carries an Alt letter, none twice in the window, also for the other texts the buttons take."""
    view = CaseView(db, people[reader], report[1][0].id, settings, "en")
    qtbot.addWidget(view)
    buttons = case_buttons(view)
    assert len(buttons) >= 17
    without = [b.objectName() for b in buttons if not mnemonic(b.text())]
    assert without == []
    letters = Counter(mnemonic(b.text()) for b in buttons)
    assert [key for key, count in letters.items() if count > 1] == []
    # the texts a button takes later keep the letter it had
    assert mnemonic(view.tr("Reopen the &case…")) == mnemonic(view.close_button.text())
    clocks = view.clocks
    for text in (clocks.tr("Temporary &separation…"), clocks.tr("&Separation: extended or ended…")):
        assert mnemonic(text) == mnemonic(clocks.separation_button.text())


def test_alt_letters_act_in_the_case_file_and_esc_closes_it(qtbot, db, settings, people, report):
    """A counselor types a note and presses Alt+N ("Add the &note"): the note is stored; Alt+M marks the next step
    done; Esc closes the window."""
    case = report[1][0]
    view = activate(qtbot, CaseView(db, people["counselor"], case.id, settings, "en"))
    view.notes.edit.setFocus()
    type_text(view.notes.edit, "Đã gọi cho mẹ bé.")
    press(qtbot, "Alt+N")  # a button's Alt letter clicks it after a short animation

    def notes() -> list[str]:
        return [e.text for e in case_store.case_events(db, case.id, viewer_id=people["counselor"].id)
                if e.kind == "note"]  # fmt: skip

    qtbot.waitUntil(lambda: notes() == ["Đã gọi cho mẹ bé."], timeout=2000)
    status = view.case.status
    press(qtbot, "Alt+M")
    qtbot.waitUntil(lambda: view.case.status != status, timeout=2000)
    press(qtbot, "Escape")
    qtbot.waitUntil(lambda: not view.isVisible(), timeout=2000)


# --- 3. the caller history by key ------------------------------------------------------------------------------------


def typed_number(qtbot, screen) -> None:
    """F2, then the number of a caller who rang before, until the history shows its rows."""
    press(qtbot, "F2")
    type_text(screen.form.phone_edit, PHONE)
    qtbot.waitUntil(lambda: screen.history_model.rowCount() == 1, timeout=2000)


def test_f11_tab_and_down_reach_the_caller_history_and_esc_comes_back(qtbot, db, settings, people, report):
    """An operator types a known number: the history says F11; ↓ from the number puts the cursor on the first
    earlier call, Esc goes back to the number, Tab goes to the history and Tab again to the caller's relation,
    Shift+Tab back to the history; F11 from the summary goes there too; F1 lists it."""
    window = open_window(qtbot, db, settings, people["operator"], height=600)
    screen = window.workspace.call_screen
    phone, history = screen.form.phone_edit, screen.history_view
    typed_number(qtbot, screen)
    assert screen.history_label.text().endswith("(F11)")
    scrolled = screen.scroll.verticalScrollBar().value()
    press(qtbot, "Down")
    assert QApplication.focusWidget() is history and history.currentIndex().row() == 0
    assert screen.history_detail.isVisible()
    assert screen.scroll.verticalScrollBar().value() == scrolled, "the number went out of sight"
    press(qtbot, "Escape")
    assert QApplication.focusWidget() is phone
    press(qtbot, "Tab")
    assert QApplication.focusWidget() is history
    press(qtbot, "Tab")
    assert QApplication.focusWidget() is screen.form.relation_combo
    press(qtbot, "Shift+Tab")
    assert QApplication.focusWidget() is history
    press(qtbot, "Shift+Tab")
    assert QApplication.focusWidget() is phone
    press(qtbot, "Alt+S")
    press(qtbot, "F11")
    assert QApplication.focusWidget() is history
    rows = ShortcutsDialog(window.menus, window).rows()
    assert ("Go to the caller's earlier calls", "F11") in rows


def test_down_in_a_new_number_keeps_the_form_where_it_is(qtbot, db, settings, people):
    """A first-time number (no history): ↓ in the phone field neither scrolls the form nor leaves the field, and
    Tab goes on to the caller's relation."""
    window = open_window(qtbot, db, settings, people["operator"], height=600)
    screen = window.workspace.call_screen
    press(qtbot, "F2")
    type_text(screen.form.phone_edit, "0987 654 321")
    qtbot.wait(300)  # the history is read 150 ms after the last key
    assert screen.history_model.rowCount() == 0
    bar = screen.scroll.verticalScrollBar()
    assert bar.maximum() > 0, "the form fits: the test would prove nothing"
    before = bar.value()
    for _ in range(5):
        press(qtbot, "Down")
    assert bar.value() == before and QApplication.focusWidget() is screen.form.phone_edit
    press(qtbot, "Tab")
    assert QApplication.focusWidget() is screen.form.relation_combo


# --- 4. a call with case files says so -------------------------------------------------------------------------------


@pytest.mark.parametrize("reader", ["lead", "counselor", "operator"])
def test_a_flagged_call_with_case_files_names_them_instead_of_asking_for_one(qtbot, db, settings, people, report,
                                                                             reader):  # fmt: skip
    """The call window of a flagged call whose children have case files names the files (numbers as stored), in
    green, without "case file required" and its deadlines."""
    call, cases = report
    dialog = CallEditDialog(db, people[reader], call.id, settings, "en")
    qtbot.addWidget(dialog)
    text = dialog.case_file.banner.text()
    numbers = ", ".join(case.number for case in cases)
    assert f"Case file opened: {numbers}" in text
    assert "REQUIRED" not in text and "emergency measures" not in text and "by" not in text.split("—")[0]
    assert dialog.case_file.banner.property("case_files") is True
    assert "#e6f4ea" in dialog.case_file.banner.styleSheet()


def test_a_later_call_linked_to_a_case_names_the_case_and_a_call_without_one_still_asks(qtbot, db, settings, people,
                                                                                        report):  # fmt: skip
    """A later call linked to the case says "Linked to case file …"; a flagged call with no case file keeps the red
    "CASE FILE REQUIRED" banner with its deadlines."""
    lead = people["lead"]
    later = call_store.save_call(db, Call(
        line="111", started_at=utcnow() - timedelta(minutes=5), operator_id=people["operator"].id, phone_raw=PHONE,
        categories=["abuse.violence"], risk="high", service_level="intervention", summary="Gọi lại.",
        children=[Child(name="Bé Hoa", sex="female", age=7, status="abused")], flagged=True,
    ))  # fmt: skip
    dialog = CallEditDialog(db, lead, later.id, settings, "en")
    qtbot.addWidget(dialog)
    assert "CASE FILE REQUIRED" in dialog.case_file.banner.text()
    assert dialog.case_file.banner.property("case_files") is False
    case = report[1][0]
    case_store.link_call(db, case.id, later.id, by_user_id=people["counselor"].id)
    dialog = CallEditDialog(db, lead, later.id, settings, "en")
    qtbot.addWidget(dialog)
    assert f"Linked to case file {case.number}" in dialog.case_file.banner.text()
    assert "CASE FILE REQUIRED" not in dialog.case_file.banner.text()
