"""Run the whole program window in its own process, type every field of a call, and wait to be killed.

Worker of test_rel_kill_typing.py. Usage: kill_typist.py DB_PATH USERNAME WORKSTATION SPEC_JSON. Prints "TYPED"
once everything but the last field is typed and an autosave has had time to run, then "LAST" right after the last
field (the action taken) is typed. Prints "MISMATCH …" and exits when the form does not hold what was typed.
"""

from __future__ import annotations

import json
import os
import sys
from datetime import datetime
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).parents[1] / "ui"))  # tests/ui/keyboard.py

from keyboard import type_text, with_next_dialog
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QComboBox

from hotline.settings import Settings
from hotline.store import users
from hotline.store.db import open_database
from hotline.ui.main_window import MainWindow

#: After the form is typed, the worker waits this long (an autosave runs meanwhile) before the last field.
PAUSE_BEFORE_LAST_MS = 1500


def press(window, sequence: str) -> None:
    """A shortcut pressed on whatever has the keyboard focus, as a person presses it."""
    combo = QKeySequence(sequence)[0]
    QTest.keyClick(QApplication.focusWidget() or window, combo.key(), combo.keyboardModifiers())


def choose(combo: QComboBox, code) -> None:
    """Pick the item of ``code`` (what a click in the drop-down list does)."""
    index = combo.findData(code)
    assert index >= 0, f"{combo.objectName()} has no item {code!r}"
    combo.setCurrentIndex(index)


def type_form(window: MainWindow, spec: dict) -> None:
    """Everything the form has, except the last field (the action taken)."""
    screen = window.call_screen
    form = screen.form
    typed = spec["form"]
    press(window, "F2")
    while screen.line_combo.currentData() != spec["line"]:
        press(window, "F3")
    while screen.channel_combo.currentData() != spec["channel"]:
        press(window, "F4")
    type_text(form.phone_edit, typed["phone"])
    choose(form.relation_combo, typed["caller_relation"])
    type_text(form.caller_name_edit, typed["caller_name"])
    choose(form.caller_sex_combo, typed["caller_sex"])
    choose(form.caller_age_combo, typed["caller_age_band"])
    QTest.keyClick(form.consent_check, Qt.Key.Key_Space)
    for number, child in enumerate(typed["children"]):
        if number:
            press(window, "Ctrl+T")
        editor = form.editors[number]
        type_text(editor.name_edit, child["name"])
        choose(editor.sex_combo, child["sex"])
        if child["age"] is not None:
            editor.age_spin.setValue(child["age"])
        else:
            choose(editor.band_combo, child["age_band"])
        editor.province_combo.set_code(child["province_code"])
        editor.ward_combo.setCurrentIndex(editor.ward_combo.findData(child["ward_code"], Qt.ItemDataRole.UserRole))
        type_text(editor.address_edit, child["address"])
        for action in editor.special.menu().actions():
            if action.data() in child["special_circumstances"]:
                action.trigger()
        type_text(editor.carer_edit, child["carer"])
        QTest.keyClick(editor.status_radios[child["status"]], Qt.Key.Key_Space)
    form.incident.province_combo.set_code(typed["incident_province_code"])
    ward = form.incident.ward_combo
    ward.setCurrentIndex(ward.findData(typed["incident_ward_code"], Qt.ItemDataRole.UserRole))
    type_text(form.incident.place_edit, typed["incident_place"])
    choose(form.incident.setting_combo, typed["incident_setting"])
    for words in spec["category_filters"]:
        type_text(form.categories.filter_edit, words)
        QTest.keyClick(form.categories.filter_edit, Qt.Key.Key_Return)
    choose(form.risk_combo, typed["risk"])
    press(window, spec["service_key"])
    for number, line in enumerate(typed["summary"].split("\n")):
        if number:
            QTest.keyClick(form.summary_edit, Qt.Key.Key_Return)  # a new line is the Enter key, not a character
        type_text(form.summary_edit, line)
    type_text(form.help_before_edit, typed["help_before"])
    for code in typed["referrals"]:
        QTest.keyClick(form.referral_checks[code], Qt.Key.Key_Space)
    # the report goes to the commune at once: the row the rules ask for, typed (the time chosen, not now)
    [handoff] = typed["handoffs"]
    row = form.handoff_rows[handoff["kind"]]
    row.to_whom_edit.clear()  # ticking "Commune committee" offered a name: the operator writes their own
    type_text(row.to_whom_edit, handoff["to_whom"])
    choose(row.means_combo, handoff["means"])
    row.set_at(datetime.fromisoformat(handoff["at"]))
    # the rules require a case file for this call: the operator clears the flag, with a reason
    with_next_dialog(lambda dialog: (type_text(dialog.edit, spec["override_reason"]), dialog.accept()))
    QTest.keyClick(screen.flag_check, Qt.Key.Key_Space)


def mismatches(window: MainWindow, spec: dict) -> list[str]:
    """What the screen does not hold as typed (the last field aside): a typing helper that missed."""
    screen = window.call_screen
    state = screen.form.state()
    wrong = [key for key in spec["form"] if key != "action_taken" and state[key] != spec["form"][key]]
    if screen.line_combo.currentData() != spec["line"] or screen.channel_combo.currentData() != spec["channel"]:
        wrong.append("line/channel")
    flag = {"manual_flag": False, "cleared_flag": True, "override_reason": spec["override_reason"]}
    if screen.case_file.state() != flag:
        wrong.append("case-file flag")
    return wrong


def main() -> None:
    db_path, username, workstation, spec_json = sys.argv[1:5]
    spec = json.loads(spec_json)
    app = QApplication([])
    app.setQuitOnLastWindowClosed(False)
    db = open_database(db_path)
    user = users.find_user(db, username)
    window = MainWindow(db, user, Settings.load(db), workstation, db_path=db_path)
    window.start_session()
    window.activateWindow()

    def type_all() -> None:
        if not window.isActiveWindow():
            QTimer.singleShot(20, type_all)
            return
        type_form(window, spec)
        QTimer.singleShot(PAUSE_BEFORE_LAST_MS, type_last)

    def type_last() -> None:
        wrong = mismatches(window, spec)
        if wrong:
            print("MISMATCH", *wrong, flush=True)
            app.exit(1)
            return
        print("TYPED", flush=True)
        type_text(window.call_screen.form.action_edit, spec["form"]["action_taken"])
        print("LAST", flush=True)

    QTimer.singleShot(0, type_all)
    app.exec()


if __name__ == "__main__":
    main()
