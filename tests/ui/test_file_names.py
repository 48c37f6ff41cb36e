"""The names offered when saving a file: what it is, the day and shift, and never a file that already exists."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from keyboard import answer_next_dialog
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QFileDialog

from hotline.core.models import Call
from hotline.settings import Settings
from hotline.store import calls as call_store
from hotline.store import cases as case_store
from hotline.ui.daily_log_screen import DailyLogScreen
from hotline.ui.file_names import default_file_name, unused_path

# the night shift of Friday 20/11/2026 (19:00 local)
NIGHT = datetime(2026, 11, 20, 13, 0, tzinfo=UTC)


@pytest.fixture
def home(tmp_path, monkeypatch):
    """The home folder, where the save dialogs start."""
    folder = tmp_path / "home"
    folder.mkdir()
    monkeypatch.setenv("HOME", str(folder))
    monkeypatch.setenv("USERPROFILE", str(folder))
    return folder


@pytest.fixture
def offered(monkeypatch):
    """The paths the save dialogs offered (the dialog itself answers Cancel)."""
    seen: list[str] = []

    def save_dialog(_parent, _caption, suggested, *_args, **_kwargs):
        seen.append(suggested)
        return "", ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_dialog)
    return seen


def test_a_name_holds_what_the_day_and_the_shift():
    """The handover of the night shift of 20/11 is named with the shift's name folded and the day, year first."""
    assert default_file_name("handover", date(2026, 11, 20), "Ca đêm", "pdf") == "handover_2026-11-20_ca-dem.pdf"
    assert default_file_name("statistics", date(2026, 10, 1), ext="xlsx", last_day=date(2026, 10, 31)) == (
        "statistics_2026-10-01_2026-10-31.xlsx"
    )
    form01 = default_file_name("form01", date(2026, 11, 20), extra="AG-2026-00042")
    assert form01 == "form-01_AG-2026-00042_2026-11-20.pdf"


def test_an_existing_file_is_never_offered(tmp_path):
    """When the name is taken, (2), then (3) is offered: accepting the suggestion overwrites nothing."""
    (tmp_path / "handover_2026-11-20.pdf").write_bytes(b"%PDF")
    assert unused_path(tmp_path, "handover_2026-11-20.pdf").name == "handover_2026-11-20 (2).pdf"
    (tmp_path / "handover_2026-11-20 (2).pdf").write_bytes(b"%PDF")
    assert unused_path(tmp_path, "handover_2026-11-20.pdf").name == "handover_2026-11-20 (3).pdf"


def test_the_handover_pdf_is_offered_under_the_shift_and_day(qtbot, db, make_user, home, offered):
    """Handover → Save as PDF offers handover_2026-11-20_ca-dem.pdf in the home folder; a second time, when the
    first is saved there, it offers (2) instead of the last one's name."""
    operator = make_user("tongdai1", ["operator"])
    call_store.save_call(db, Call(line="111", started_at=NIGHT, operator_id=operator.id, outcome="silent"))
    log = DailyLogScreen(db, make_user("truongca", ["shift_lead"]), Settings.load(db), "en")
    qtbot.addWidget(log)
    log.show()
    log.day_edit.setDate(QDate(2026, 11, 20))
    log.shift_combo.setCurrentIndex(1)  # Ca đêm
    answer_next_dialog("Save as PDF…")
    qtbot.mouseClick(log.handover_button, Qt.MouseButton.LeftButton)
    assert offered == [str(home / "handover_2026-11-20_ca-dem.pdf")]
    (home / "handover_2026-11-20_ca-dem.pdf").write_bytes(b"%PDF")
    answer_next_dialog("Save as PDF…")
    log.handover_button.click()
    assert offered[-1] == str(home / "handover_2026-11-20_ca-dem (2).pdf")
    log._debounce.stop()
    log._live.stop()


def test_form01_is_offered_under_the_case_number_and_day(qtbot, db, make_user, home, offered):
    """Mẫu 01… offers form-01_<case number>_<today>.pdf."""
    from hotline.core.timeutil import local, utcnow
    from hotline.ui.case_view import CaseView

    operator = make_user("tongdai1", ["operator"])
    counselor = make_user("canbo1", ["counselor"])
    call = call_store.save_call(db, Call(line="111", started_at=utcnow(), operator_id=operator.id,
                                         categories=["abuse.neglect"], risk="medium", service_level="intervention",
                                         summary="Trẻ bị bỏ mặc.", flagged=True))  # fmt: skip
    [case] = case_store.open_cases(db, call.id, [None], by_user_id=counselor.id, assigned_to=counselor.id)
    view = CaseView(db, counselor, case.id, Settings.load(db), "en")
    qtbot.addWidget(view)
    view.form_button.click()
    today = local(utcnow()).date()
    assert offered == [str(home / f"form-01_{case.number}_{today.isoformat()}.pdf")]
