"""Take the README's screenshots from the program itself (developer tool): `python tools/screenshots.py`.

Builds a demo database in a temporary folder, opens the real windows at 1366×768 (the centre's common laptop
screen), types a realistic call as an operator would, and saves PNGs under docs/screenshots/. With a real X
server (`DISPLAY=:99 python tools/screenshots.py --x11`, e.g. Xvfb at 1366x768 with openbox) the windows are
shown maximized by the window manager and the whole screen is captured, title bars and all.
"""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import timedelta
from pathlib import Path

X11 = "--x11" in sys.argv
os.environ["QT_QPA_PLATFORM"] = "xcb" if X11 else os.environ.get("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "docs" / "screenshots"
sys.path.insert(0, str(ROOT / "tests" / "ui"))

from PySide6.QtCore import QEvent, Qt  # noqa: E402
from PySide6.QtGui import QKeyEvent  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

SUMMARY = {
    "vi": "Hàng xóm nghe tiếng bé khóc nhiều đêm; bé kể bị cha dượng sờ soạng khi mẹ đi làm ca đêm. "
    "Bé đang ở nhà bà ngoại.",
    "en": "Hàng xóm nghe tiếng bé khóc nhiều đêm; bé kể bị cha dượng sờ soạng khi mẹ đi làm ca đêm.",
}


def place(window) -> None:
    """Show a window as a user sees it: maximized on a real screen, else 1366×768 offscreen."""
    if X11:
        window.showMaximized()
        window.activateWindow()
    else:
        window.resize(1366, 768)
        window.show()
    QTest.qWait(300 if X11 else 0)


def shot(widget, name: str) -> None:
    """Save a screenshot: the whole screen under a real X server, else the widget itself."""
    QApplication.processEvents()
    if X11:
        QTest.qWait(250)
        QApplication.primaryScreen().grabWindow(0).save(str(OUT / name))
    else:
        widget.grab().save(str(OUT / name))


def type_text(widget, text: str) -> None:
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char))


def main() -> int:
    from hotline.demo import DEMO_ACCOUNTS, DEMO_PASSWORD, build_demo
    from hotline.i18n import install_translator, remove_translators
    from hotline.settings import Settings
    from hotline.store import users
    from hotline.store.db import open_database
    from hotline.ui.login import LoginDialog
    from hotline.ui.main_window import MainWindow
    from hotline.ui.style import apply_style

    app = QApplication([])
    apply_style(app)
    OUT.mkdir(parents=True, exist_ok=True)
    folder = Path(tempfile.mkdtemp(prefix="hotline-shots-"))
    os.environ["HOTLINE_DATA_DIR"] = str(folder)
    db = open_database(folder / "demo.sqlite3")
    build_demo(db, calls=6000, seed=7)
    phone = db.conn.execute(
        "SELECT phone_raw FROM calls WHERE phone_raw LIKE '0169%' GROUP BY phone_e164 ORDER BY count(*) DESC LIMIT 1"
    ).fetchone()[0]
    operator = users.find_user(db, "tongdai1")
    settings = Settings.load(db)
    for lang in ("vi", "en"):
        remove_translators(app)
        install_translator(app, lang)
        login = LoginDialog(db, demo_accounts=DEMO_ACCOUNTS, demo_password=DEMO_PASSWORD)
        login.show()
        QTest.qWait(100)
        shot(login, f"sign_in_demo_{lang}.png")
        login.close()

        window = MainWindow(db, operator, settings, "pc-1", demo=True)
        place(window)
        screen = window.call_screen
        screen.new_call()
        form = screen.form
        type_text(form.phone_edit, phone)
        form.relation_combo.setCurrentIndex(form.relation_combo.findData("neighbour"))
        type_text(form.categories.filter_edit, "xam hai tinh duc")
        QTest.keyClick(form.categories.filter_edit, Qt.Key.Key_Return)
        child = form.editors[0]
        type_text(child.name_edit, "Bé Lan")
        child.sex_combo.setCurrentIndex(child.sex_combo.findData("female"))
        child.age_spin.setValue(9)
        child.ward_combo.set_code(30307)  # Phường Long Xuyên
        type_text(child.address_edit, "ấp Bình Hòa 3")
        child.status_radios["abused"].setChecked(True)
        form.incident.ward_combo.set_code(30307)
        type_text(form.incident.place_edit, "nhà riêng, ấp Bình Hòa 3")
        form.incident.setting_combo.setCurrentIndex(form.incident.setting_combo.findData("family"))
        form.risk_combo.setCurrentIndex(form.risk_combo.findData("high"))
        form.service_radios["intervention"].setChecked(True)
        type_text(form.summary_edit, SUMMARY[lang])
        type_text(form.help_before_edit, "Hàng xóm đã đưa bé sang nhà bà ngoại.")
        form.referral_checks["police_113"].setChecked(True)
        form.referral_checks["commune"].setChecked(True)
        screen._started_at -= timedelta(minutes=3, seconds=42)  # as if the call had run for a while
        screen._elapsed_offset_ms += 222_000
        QTest.qWait(700)
        shot(window, f"call_screen_{lang}.png")
        if lang == "vi":  # the lower half: the place of the incident, help before the report, the hand-off row
            form.handoff_rows["commune"].to_whom_edit.setFocus()
            QTest.qWait(200)
            shot(window, "call_screen_lower_vi.png")
        window.call_screen._reset()
        window.close()
        if lang == "vi":
            _law_scenes(db, operator, settings)
            _my_calls(db, operator, settings)
        _case_screens(db, settings, lang)
        _daily_log(db, settings, lang)
        _admin_and_reports(db, settings, lang)
        _damaged_offer(lang)
    db.close()
    print(f"screenshots written to {OUT}")
    return 0


def _key(sequence: str) -> None:
    from PySide6.QtGui import QKeySequence

    combination = QKeySequence(sequence)[0]
    widget = QApplication.focusWidget() or QApplication.activeWindow()
    QTest.keyClick(widget, combination.key(), combination.keyboardModifiers())
    QApplication.processEvents()


def _typed(text: str) -> None:
    type_text(QApplication.focusWidget(), text)
    QApplication.processEvents()


def _law_scenes(db, operator, settings) -> None:
    """Typed with the keyboard as an operator would: an adult trafficking victim (a victim referral, no child
    clocks), and a report saved without a risk (refused, nothing lost)."""
    from hotline.ui.main_window import MainWindow

    window = MainWindow(db, operator, settings, "pc-1", demo=True)
    place(window)
    window.activateWindow()
    QTest.qWait(200)
    screen = window.call_screen
    _key("F2")
    _typed("0297 3852 111")
    _key("Ctrl+K")
    _typed("cuong buc lao dong")
    _key("Return")
    _key("Ctrl+T")
    _typed("Trần Văn Hùng")
    person = screen.form.editors[0]
    QTest.keyClicks(person.sex_combo, "Nam")
    person.age_spin.setFocus()
    person.age_spin.selectAll()
    _typed("25")
    QTest.keyClick(person.age_spin, Qt.Key.Key_Tab)
    QTest.keyClicks(person.destination_combo, "C")
    QTest.keyClick(screen.form.referral_checks["border_guard"], Qt.Key.Key_Space)
    _key("Alt+R")
    QTest.keyClicks(screen.form.risk_combo, "Cao")
    _key("Alt+3")
    _key("Alt+S")
    _typed("Anh bị lừa sang Campuchia làm việc ở khu lừa đảo trực tuyến, bị giữ hộ chiếu. Gia đình gọi nhờ giúp.")
    screen.scroll.verticalScrollBar().setValue(0)
    person.name_edit.setFocus()
    QTest.qWait(300)
    shot(window, "call_adult_victim_vi.png")
    screen._reset()

    _key("F2")
    _typed("0912 345 678")
    _key("Ctrl+K")
    _typed("xam hai tinh duc")
    _key("Return")
    _key("Ctrl+T")
    _typed("Bé Hoa")
    _key("Alt+3")
    _key("Alt+S")
    _typed("Bé kể bị người quen sàm sỡ khi đi học về.")
    _key("Ctrl+S")
    QTest.qWait(300)
    shot(window, "call_risk_refused_vi.png")
    screen._reset()
    window.close()


def _case_screens(db, settings, lang: str) -> None:
    """The counselor's follow-up queue, and a case file with its steps and notes."""
    from hotline.store import cases as case_store
    from hotline.store import users
    from hotline.ui.main_window import MainWindow

    counselor = users.find_user(db, "canbo1")
    window = MainWindow(db, counselor, settings, "pc-2", demo=True)
    place(window)
    space = window.workspace
    space.nav.setCurrentIndex(space.keys.index("queue"))
    QTest.qWait(200)
    shot(window, f"followup_queue_{lang}.png")
    mine = case_store.list_cases(db, "mine", user_id=counselor.id)
    view = space.open_case(mine[0].id)
    if X11:
        view.showMaximized()
        view.activateWindow()
    else:
        view.resize(1100, 740)
    QTest.qWait(400 if X11 else 200)
    shot(view, f"case_view_{lang}.png")
    view.close()
    window.close()
    if lang == "vi":
        _form01_page(db, settings, counselor, mine[0].id)


def _daily_log(db, settings, lang: str) -> None:
    """The shift lead's daily log of last night's shift, the night's flagged calls first in mind."""
    from PySide6.QtCore import QDate

    from hotline.core.timeutil import local, utcnow
    from hotline.store import users
    from hotline.ui.main_window import MainWindow

    lead = users.find_user(db, "truongca")
    window = MainWindow(db, lead, settings, "pc-3", demo=True)
    place(window)
    space = window.workspace
    space.nav.setCurrentIndex(space.keys.index("log"))
    log = space.daily_log
    yesterday = local(utcnow()).date() - timedelta(days=1)
    log.day_edit.setDate(QDate(yesterday.year, yesterday.month, yesterday.day))
    log.shift_combo.setCurrentIndex(1)  # the night shift
    log.view.selectRow(0)
    QTest.qWait(200)
    shot(window, f"daily_log_{lang}.png")
    if lang == "vi":
        _edit_dialog(space)
        _file_dialog(log)
    window.close()


def _edit_dialog(space) -> None:
    """A saved call opened from the daily log with Enter: the edit dialog as the shift lead sees it."""
    space.daily_log.view.setFocus()
    QTest.keyClick(space.daily_log.view, Qt.Key.Key_Return)
    QTest.qWait(400)
    dialog = QApplication.activeWindow()
    if X11:
        dialog.activateWindow()
    shot(dialog, "call_edit_vi.png")
    dialog.close()


def _file_dialog(log) -> None:
    """The daily log's export: Qt's own save dialog, worded in Vietnamese."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QFileDialog

    def grab_and_cancel() -> None:
        box = QApplication.activeModalWidget()
        if box is None:
            return
        shot(box, "file_dialog_vi.png")
        box.reject()

    QTimer.singleShot(900, grab_and_cancel)
    options = QFileDialog.Option.DontUseNativeDialog
    QFileDialog.getSaveFileName(log, log.tr("Export the calls"), str(Path.home() / "cuoc-goi.xlsx"),
                                "Excel (*.xlsx)", options=options)  # fmt: skip


def _my_calls(db, operator, settings) -> None:
    """The operator's own calls of this shift (Ctrl+2), after saving two calls with the keyboard."""
    from hotline.ui.main_window import MainWindow

    window = MainWindow(db, operator, settings, "pc-1", demo=True)
    place(window)
    for phone, words, summary in (
        ("0912 345 678", "xam hai tinh duc", "Bé gái 9 tuổi kể bị người quen sàm sỡ khi đi học về; mẹ đã biết."),
        ("0388 112 233", "tu van tam ly", "Mẹ hỏi cách nói chuyện với con 14 tuổi bỏ học, hay cáu gắt."),
    ):
        _key("F2")
        _typed(phone)
        _key("Ctrl+K")
        _typed(words)
        _key("Return")
        _key("Ctrl+T")
        _typed("Bé Hoa" if "sam so" in words or "sàm sỡ" in summary else "Cháu Minh")
        _key("Alt+R")
        QTest.keyClicks(QApplication.focusWidget(), "T")
        _key("Alt+3" if "sàm sỡ" in summary else "Alt+1")
        _key("Alt+S")
        _typed(summary)
        _key("Ctrl+S")
        QTest.qWait(400)
    _key("Ctrl+2")
    QTest.qWait(300)
    shot(window, "my_calls_vi.png")
    window.call_screen._reset()
    window.close()


def _damaged_offer(lang: str) -> None:
    """The offer to restore the latest good backup when the database is found damaged (during a session)."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QWidget

    from hotline.core.timeutil import local, utcnow
    from hotline.store.backup_files import BackupInfo
    from hotline.ui.damaged_dialog import offer_restore

    def grab_and_close() -> None:
        box = QApplication.activeModalWidget()
        shot(box, f"damaged_offer_{lang}.png")
        box.findChild(QWidget, "notNowButton").click()

    taken = local(utcnow()).replace(hour=7, minute=0, second=12, microsecond=0)
    backup = BackupInfo(Path("hotline-backup-daily.sqlite3"), taken, 1 << 20, "daily")
    QTimer.singleShot(300, grab_and_close)
    offer_restore(None, "quick_check: Tree 12 page 4711 cell 3: …", [backup], can_go_on=True)


def _admin_and_reports(db, settings, lang: str) -> None:
    """The administrator's users page and the lock screen; the shift lead's statistics of this month."""
    from hotline.store import users
    from hotline.ui.main_window import MainWindow

    admin = users.find_user(db, "admin")
    window = MainWindow(db, admin, settings, "pc-4", demo=True)
    place(window)
    window.workspace.admin.show_page("users")
    QTest.qWait(200)
    shot(window, f"admin_users_{lang}.png")
    window.lock_now()
    QTest.qWait(100)
    shot(window, f"lock_screen_{lang}.png")
    window.unlock()
    window.close()

    lead = users.find_user(db, "truongca")
    window = MainWindow(db, lead, settings, "pc-3", demo=True)
    place(window)
    space = window.workspace
    space.nav.setCurrentIndex(space.keys.index("stats"))
    reports = space.reports
    QTest.qWait(200)
    reports._set_preset("this_month")  # the demo's calls fill the last few weeks
    got: list = []
    reports.report_ready.connect(got.append)
    reports.run()
    for _ in range(400):
        if got:
            break
        QTest.qWait(50)
    shot(window, f"reports_{lang}.png")
    reports.tabs.setCurrentIndex(reports.tabs.count() - 1)  # the charts
    QTest.qWait(200)
    shot(window, f"reports_charts_{lang}.png")
    if lang == "vi" and got:
        _stats_pdf_page(db, reports, settings)
    window.close()


def _stats_pdf_page(db, reports, settings) -> None:
    """Page 1 of the statistics report for the province (PDF)."""
    from hotline.reports import stats_report

    pdf = OUT.parent / "thong-ke-demo.pdf"
    stats_report.write_pdf(reports.data, pdf, taxonomy=reports.taxonomy, line_names=reports.line_names,
                           centre_name=settings.get("centre_name"))  # fmt: skip
    _save_pdf_page(pdf, OUT / "stats_report_page1.png")
    pdf.unlink()


def _save_pdf_page(pdf: Path, png: Path) -> None:
    from PySide6.QtCore import QSize
    from PySide6.QtGui import QColor, QImage, QPainter
    from PySide6.QtPdf import QPdfDocument

    document = QPdfDocument()
    document.load(str(pdf))
    size = document.pagePointSize(0)
    width = 1000
    page = document.render(0, QSize(width, int(width * size.height() / size.width())))
    image = QImage(page.size(), QImage.Format.Format_RGB32)
    image.fill(QColor("white"))  # QtPdf renders onto a transparent background
    painter = QPainter(image)
    painter.drawImage(0, 0, page)
    painter.setPen(QColor("#999999"))
    painter.drawRect(0, 0, image.width() - 1, image.height() - 1)
    painter.end()
    image.save(str(png))
    document.close()


def _form01_page(db, settings, counselor, case_id: int) -> None:
    """Page 1 of a demo case's Mẫu số 01, once the counselor has filled in the family details."""
    from hotline.reports.case_forms import form01_data
    from hotline.reports.form01 import write_form01_pdf
    from hotline.store import cases as case_store

    case = case_store.get_case(db, case_id, viewer_id=counselor.id)
    details = {
        "father_name": "Nguyễn Văn Tâm", "father_age": "38", "father_occupation": "Làm thuê",
        "mother_name": "Trần Thị Hoa", "mother_age": "33", "mother_occupation": "Buôn bán nhỏ",
        "family_situation": "Cha mẹ ly hôn; cháu sống với mẹ và cha dượng; hộ cận nghèo.",
        "condition": "Bầm tím ở cánh tay, sợ hãi, thu mình.", "informant_consent": "yes",
    }  # fmt: skip
    case = case_store.update_details(db, case.id, details, by_user_id=counselor.id, version=case.version)
    pdf = OUT.parent / "mau01-demo.pdf"
    write_form01_pdf(form01_data(db, case.id, settings.get("centre_name"), viewer_id=counselor.id), pdf)
    _save_pdf_page(pdf, OUT / "form01_page1.png")
    pdf.unlink()


if __name__ == "__main__":
    raise SystemExit(main())
