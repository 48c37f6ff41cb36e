"""Words fit at 1366×768 in Vietnamese: the daily log, the caller history, the audit log and a case file's clocks
show names, times, numbers and headers whole (sized from font metrics), long records wrapped, never cut mid-word."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import QDate, QPoint, QRect, Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QWidget

from hotline.core.models import Call, Child, Handoff
from hotline.core.timeutil import utcnow
from hotline.settings import Settings
from hotline.store import audit
from hotline.store import calls as call_store
from hotline.store import case_clocks as clock_store
from hotline.store import cases as case_store
from hotline.store.handoffs import record_handoff
from hotline.ui.audit_screen import AuditScreen
from hotline.ui.case_view import CaseView
from hotline.ui.daily_log_screen import DailyLogScreen
from hotline.ui.models import audit_model
from hotline.ui.models import daily_log_model as m
from hotline.ui.models.caller_history_model import ROW_ROLE

#: The night shift of Friday 20/11/2026: 19:00 local (12:00 UTC) to 07:00 on the 21st.
NIGHT = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)
#: The room a screen gets in the program's window maximized on a 1366×768 screen (measured under Xvfb).
WIDTH, HEIGHT = 1346, 640
DECISION = "Quyết định phê duyệt kế hoạch hỗ trợ, can thiệp (Mẫu 05) của Chủ tịch UBND xã Mỹ Hòa Hưng"


@pytest.fixture
def people(make_user):
    return {
        "tuan": make_user("tongdai3", ["operator"], "Phạm Minh Tuấn"),
        "mai": make_user("truongca", ["shift_lead", "operator"], "Trần Thị Mai"),
        "lan": make_user("canbo1", ["counselor"], "Huỳnh Thị Lan"),
        "admin": make_user("quantri", ["admin"], "Quản trị viên"),
    }


def fits(font: QFont, text: str, width: int, margin: int = 6) -> bool:
    return QFontMetrics(font).horizontalAdvance(text) + margin <= width


def in_sight(widget: QWidget, within: QWidget) -> bool:
    rect = QRect(widget.mapTo(within, QPoint(0, 0)), widget.size())
    return widget.isVisible() and within.rect().contains(rect)


def night_calls(db, people) -> dict[str, Call]:
    """A night as the demo has them: every one-key outcome, a one-category call, siblings with two case files, a
    long list of categories, an international number, a commune with a long name."""
    tuan, lan = people["tuan"].id, people["lan"].id

    def call(minutes, **fields) -> Call:
        fields.setdefault("risk", "none")
        fields.setdefault("service_level", "counselling")
        fields.setdefault("line", "111")
        return call_store.save_call(db, Call(started_at=NIGHT + timedelta(minutes=minutes),
                                             operator_id=tuan, duration_s=300, **fields))  # fmt: skip

    made = {"sexual": call(10, categories=["abuse.sexual"], risk="high", service_level="intervention", flagged=True,
                           summary="Bé kể bị sờ soạng.", phone_raw="0912 000 222")}  # fmt: skip
    made["siblings"] = call(20, line="18008077", risk="immediate", flagged=True, service_level="intervention",
                            categories=["abuse.violence", "abuse.neglect", "rights.discrimination"],
                            phone_raw="+855 12 345 678", summary="Hai chị em bị đánh.",
                            children=[Child(name="Bé Hoa", sex="female", age=9, ward_code=30307),
                                      Child(name="Bé Lan", sex="female", age=6)])  # fmt: skip
    case_store.open_cases(db, made["siblings"].id, [c.id for c in made["siblings"].children], by_user_id=lan,
                          assigned_to=lan)  # fmt: skip
    for minutes, outcome in enumerate(("silent", "wrong_number", "hang_up", "prank", "abusive", "test")):
        made[outcome] = call(60 + minutes, outcome=outcome, phone_raw="0296 3852 123")
    # one call of each other group, as a real night has: the shift's summary then runs over four lines
    made["counselling"] = call(90, categories=["counselling.relationships"], summary="Bé buồn vì bố mẹ cãi nhau.",
                               children=[Child(sex="male", age=14, ward_code=30307)])  # fmt: skip
    made["info"] = call(95, categories=["info.services"], summary="Hỏi nơi khám tâm lý cho trẻ.")
    made["trafficking"] = call(100, categories=["trafficking.forced_crime"], risk="high", flagged=True,
                               service_level="intervention", summary="Người thân bị đưa qua biên giới.",
                               children=[Child(sex="female", age=15)])  # fmt: skip
    return made


def test_the_daily_log_shows_names_one_category_and_the_whole_summary_strip(qtbot, db, people, program_font,
                                                                            vietnamese):  # fmt: skip
    """Vietnamese, maximized at 1366 px: an operator's name and a single category are whole; the shift summary
    under the table shows its every line without scrolling; the buttons under it lie wholly on the screen."""
    night_calls(db, people)
    log = DailyLogScreen(db, people["mai"], Settings.load(db), "vi")
    qtbot.addWidget(log)
    log.resize(WIDTH, HEIGHT)
    log.show()
    qtbot.waitExposed(log)
    log.day_edit.setDate(QDate(2026, 11, 20))
    log.shift_combo.setCurrentIndex(1)  # the night shift
    qtbot.waitUntil(lambda: log.model.rowCount() == 11)
    font = log.view.font()
    for row in range(log.model.rowCount()):
        assert fits(font, log.model.data(log.model.index(row, m.OPERATOR)), log.view.columnWidth(m.OPERATOR)), row
    single = next(r for r in range(11) if log.model.row(r).categories == ("abuse.sexual",))
    assert log.model.data(log.model.index(single, m.CONTENT)) == "Xâm hại tình dục"
    assert fits(font, "Xâm hại tình dục", log.view.columnWidth(m.CONTENT))
    assert log.view.horizontalScrollBar().maximum() == 0
    assert log.view.horizontalHeader().sectionSize(m.SUMMARY) >= 200
    qtbot.waitUntil(lambda: log.summary.document().size().height() > 0)
    strip = log.summary
    assert strip.document().size().height() <= strip.viewport().height() + 1
    assert strip.verticalScrollBar().maximum() == 0  # nothing below the last line to scroll to
    for button in (log.open_button, log.review_button, log.export_button, log.handover_button):
        assert in_sight(button, log), button.objectName()
        assert button.width() >= button.sizeHint().width(), button.objectName()
    log._debounce.stop()
    log._live.stop()


def test_the_caller_history_headers_times_and_case_numbers_are_whole(qtbot, db, people, program_font, vietnamese):
    """Vietnamese, the call screen at 1366 px: typing a known number lists its calls with every header whole, in
    bold as the current row's columns draw them, and each time and case number whole."""
    from hotline.ui.call_screen import CallScreen

    made = night_calls(db, people)
    screen = CallScreen(db, people["mai"], Settings.load(db), "pc-test", lang="vi")
    qtbot.addWidget(screen)
    screen.resize(WIDTH, HEIGHT)
    screen.show()
    qtbot.waitExposed(screen)
    screen.new_call()
    screen.form.phone_edit.setFocus()
    qtbot.keyClicks(screen.form.phone_edit, "+855 12 345 678")
    model, view = screen.history_model, screen.history_view
    qtbot.waitUntil(lambda: model.rowCount() == 1)
    view.setFocus()
    view.selectRow(0)
    header = view.horizontalHeader()
    bold = QFont(header.font())
    bold.setBold(True)
    for column in range(model.columnCount() - 1):
        assert fits(bold, model.headerData(column, Qt.Orientation.Horizontal), header.sectionSize(column), 8), column
    case_numbers = [c.number for c in case_store.list_cases(db, "open", user_id=people["lan"].id)]
    shown_case = model.data(model.index(0, model.COL_CASE))
    assert shown_case.split(" ")[0] in case_numbers and "+1" in shown_case
    assert set(case_numbers) <= set(model.data(model.index(0, model.COL_CASE), Qt.ItemDataRole.ToolTipRole).split())
    for column in (model.COL_WHEN, model.COL_CASE):
        assert fits(view.font(), model.data(model.index(0, column)), view.columnWidth(column)), column
    assert view.horizontalScrollBar().maximum() == 0
    assert model.data(model.index(0, 0), ROW_ROLE).call_id == made["siblings"].id


def test_the_audit_log_shows_seconds_and_whole_names(qtbot, db, people, program_font, vietnamese):
    """Vietnamese, maximized: the time keeps its seconds, "(no user: command line…)" and "User n · name
    (username)" are whole; a text still too wide is whole in its tooltip."""
    audit.append(db, people["lan"].id, "login.ok", "user", people["lan"].id)
    screen = AuditScreen(db, people["admin"], "vi")
    qtbot.addWidget(screen)
    screen.resize(WIDTH, HEIGHT)
    screen.show()
    qtbot.waitExposed(screen)
    qtbot.waitUntil(lambda: screen.model.rowCount() >= 5)
    view, model = screen.view, screen.model
    font = view.font()
    for row in range(model.rowCount()):
        for column in (audit_model.TIME, audit_model.USER, audit_model.WHAT):
            text = model.data(model.index(row, column))
            assert fits(font, text, view.columnWidth(column)), (row, column, text)
    nobody = next(r for r in range(model.rowCount()) if model.row(r).user_id is None)
    assert model.data(model.index(nobody, audit_model.USER)).startswith("(không có người dùng")
    assert ":" in model.data(model.index(0, audit_model.TIME))[-3:]  # hh:mm:ss
    tip = model.data(model.index(nobody, audit_model.USER), Qt.ItemDataRole.ToolTipRole)
    assert tip == model.data(model.index(nobody, audit_model.USER))
    assert view.horizontalScrollBar().maximum() == 0


def test_a_case_files_clocks_show_their_state_and_the_plans_decision(qtbot, db, people, program_font, vietnamese):
    """Vietnamese, a case file maximized at 1366×700 whose plan was approved with a long decision: each clock's
    state is whole ("Đã đáp ứng 20/11/2026 …"), and the record of the decision wraps instead of being cut short."""
    lan = people["lan"].id
    call = call_store.save_call(db, Call(
        line="18008077", started_at=utcnow() - timedelta(days=3), operator_id=people["tuan"].id,
        phone_raw="0912 345 678", categories=["trafficking.for_money"], risk="high", service_level="intervention",
        summary="Người quen hứa trả tiền nếu đưa trẻ qua biên giới.", flagged=True,
        children=[Child(name="Võ Văn Tín", sex="male", status="abused")],
    ))  # fmt: skip
    [case] = case_store.open_cases(db, call.id, [call.children[0].id], by_user_id=lan, assigned_to=lan)
    record_handoff(db, call.id, Handoff("commune", "UBND xã Tiên Hải", "phone", utcnow() - timedelta(days=3)),
                   user_id=lan)  # fmt: skip
    for step in ("assessment", "needs", "plan"):
        case_store.complete_step(db, case.id, step, by_user_id=lan)
    clock_store.approve_plan(db, case.id, utcnow().date(), DECISION, by_user_id=lan)
    view = CaseView(db, people["lan"], case.id, Settings.load(db), "vi")
    qtbot.addWidget(view)
    view.resize(1366, 700)
    view.show()
    qtbot.waitExposed(view)
    table = view.clocks.table
    for row in range(table.rowCount()):
        for column in (1, 2, 3):
            text = table.item(row, column).text()
            assert fits(table.font(), text, table.columnWidth(column)), (row, column, text)
    assert table.horizontalScrollBar().maximum() == 0
    facts = view.clocks.facts
    assert "Đã chuyển xã" in facts.text()
    shown = facts.text().replace("\n", " ")
    assert DECISION in shown  # whole, on two lines
    for line in facts.text().split("\n"):
        assert fits(facts.font(), line, facts.width(), 0), line
