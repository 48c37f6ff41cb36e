"""Run the live-call screen in its own process, type a call, and wait to be killed (used by test_crash.py)."""

import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from keyboard import type_text
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

from hotline.settings import Settings
from hotline.store import users
from hotline.store.db import open_database
from hotline.ui.call_screen import CallScreen


def main() -> None:
    db_path, username, workstation, summary = sys.argv[1:5]
    app = QApplication([])
    db = open_database(db_path)
    user = users.find_user(db, username)
    window = QMainWindow()
    screen = CallScreen(db, user, Settings.load(db), workstation, lang="vi")
    window.setCentralWidget(screen)
    window.show()

    def type_call() -> None:
        screen.new_call()
        type_text(screen.form.phone_edit, "0912 345 678")
        screen.form.categories.set_codes(["abuse.violence"])
        type_text(screen.form.editors[0].name_edit, "Bé Hoa")
        type_text(screen.form.summary_edit, summary)
        print("TYPED", flush=True)

    QTimer.singleShot(100, type_call)
    app.exec()


if __name__ == "__main__":
    main()
