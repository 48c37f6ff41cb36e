"""pytest-qt flows of the call screen's smaller fixes: a new child scrolled into view, a window that keeps its width,
one rule for the line and the channel, and commune names shown with their accents."""

from __future__ import annotations

import pytest
from keyboard import type_into_focus
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QMainWindow, QVBoxLayout, QWidget

from hotline.core import places
from hotline.core.models import Call
from hotline.core.timeutil import utcnow
from hotline.settings import Settings
from hotline.store import calls as call_store
from hotline.ui.call_screen import CallScreen
from hotline.ui.place_picker import PlacePicker

WORKSTATION = "pc-test"
AN_GIANG = 91


@pytest.fixture
def operator(make_user):
    return make_user("tongdai", ["operator"], "Tổng đài viên")


def _open_window(qtbot, db, user, width: int = 1366, height: int = 768) -> QMainWindow:
    """The call screen in a main window at the office screen's size (the caller holds the window)."""
    window = QMainWindow()
    call_screen = CallScreen(db, user, Settings.load(db), WORKSTATION, lang="en")
    window.setCentralWidget(call_screen)
    for action in call_screen.actions():
        window.addAction(action)
    qtbot.addWidget(window)
    window.resize(width, height)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return window


@pytest.fixture
def screen(qtbot, db, operator):
    window = _open_window(qtbot, db, operator)
    yield window.centralWidget()  # the fixture holds the window until the test ends


def key(qtbot, screen, sequence: str) -> None:
    """Press a shortcut on whatever widget has the focus, as a person does."""
    combo = QKeySequence(sequence)[0]
    target = QApplication.focusWidget() or screen
    qtbot.keyClick(target, combo.key(), combo.keyboardModifiers())


def _visible_in_scroll(screen: CallScreen, widget: QWidget) -> bool:
    viewport = screen.scroll.viewport()
    top_left = widget.mapTo(viewport, QPoint(0, 0))
    return viewport.rect().contains(QRect(top_left, widget.size()))


def test_a_second_child_added_with_ctrl_t_is_scrolled_into_view(qtbot, db, operator):
    """Ctrl+T for a second child puts its name field in view at once, not under the banner until the next Tab."""
    # the height the form gets in the real window at 768 pixels (menu, tabs, banner and status bar take the rest)
    window = _open_window(qtbot, db, operator, height=600)
    screen = window.centralWidget()
    key(qtbot, screen, "F2")
    key(qtbot, screen, "Ctrl+T")
    type_into_focus("Bé Lan")
    key(qtbot, screen, "Ctrl+T")
    second = screen.form.editors[1]
    assert QApplication.focusWidget() is second.name_edit
    qtbot.waitUntil(lambda: _visible_in_scroll(screen, second.name_edit), timeout=1000)
    type_into_focus("Bé Hoa")
    assert _visible_in_scroll(screen, second.name_edit)


def test_the_window_keeps_its_width_when_undo_appears_and_goes(qtbot, db, operator):
    """A one-key outcome shows "Undo (F12)" without widening a window at its narrowest, and it never grows."""
    window = _open_window(qtbot, db, operator)
    screen = window.centralWidget()
    window.resize(window.minimumSizeHint().width(), 700)
    qtbot.waitUntil(lambda: window.width() == window.minimumSizeHint().width())
    width = window.width()
    key(qtbot, screen, "F2")
    key(qtbot, screen, "F5")
    assert screen.undo_button.isVisible()
    qtbot.wait(50)
    assert window.width() == width
    screen._undo_timer.setInterval(10)
    screen._undo_timer.start()
    qtbot.waitUntil(lambda: not screen.undo_button.isVisible())
    qtbot.wait(50)
    assert window.width() == width


def test_line_and_channel_both_stay_as_the_desk_last_used_them(qtbot, db, operator):
    """After a save the line and the channel both stay as chosen (one rule); a new screen starts on both."""
    window = _open_window(qtbot, db, operator)
    screen = window.centralWidget()
    key(qtbot, screen, "F2")
    key(qtbot, screen, "F3")  # 18008077
    key(qtbot, screen, "F4")  # Zalo
    key(qtbot, screen, "F5")
    [(line, channel)] = db.conn.execute("SELECT line, channel FROM calls").fetchall()
    assert (line, channel) == ("18008077", "zalo")
    assert (screen.line_combo.currentData(), screen.channel_combo.currentData()) == ("18008077", "zalo")
    key(qtbot, screen, "F2")
    assert (screen.line_combo.currentData(), screen.channel_combo.currentData()) == ("18008077", "zalo")
    again = CallScreen(db, operator, Settings.load(db), WORKSTATION, lang="en")
    qtbot.addWidget(again)
    assert (again.line_combo.currentData(), again.channel_combo.currentData()) == ("18008077", "zalo")


def test_a_new_screen_starts_on_the_channel_of_the_last_call(qtbot, db, operator):
    """The channel of a new screen is the one of the operator's most recent call, as the line is."""
    call_store.save_call(db, Call(line="111", channel="app", started_at=utcnow(), operator_id=operator.id,
                                  outcome="silent"))  # fmt: skip
    screen = CallScreen(db, operator, Settings.load(db), WORKSTATION, lang="en")
    qtbot.addWidget(screen)
    assert screen.channel_combo.currentData() == "app"


@pytest.fixture
def ward_combo(qtbot):
    holder = QWidget()
    picker = PlacePicker(AN_GIANG, "test", holder)
    QVBoxLayout(holder).addWidget(picker.ward_combo)
    qtbot.addWidget(holder)
    holder.show()
    picker.ward_combo.setFocus()
    qtbot.waitUntil(picker.ward_combo.hasFocus)
    yield picker.ward_combo  # the fixture holds the window until the test ends


def test_the_commune_completer_shows_the_real_name_never_the_folded_key(qtbot, ward_combo):
    """Typing "long xuyen" and choosing from the list shows "Phường Long Xuyên" in the field at every step."""
    edit = ward_combo.lineEdit()
    edit.selectAll()  # as Tab into the field does
    shown: list[str] = []
    edit.textChanged.connect(shown.append)
    qtbot.keyClicks(edit, "long xuyen")
    popup = ward_combo.completer().popup()
    qtbot.waitUntil(popup.isVisible)
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    name = places.ward_name(ward_combo.code())
    assert name == "Phường Long Xuyên" and edit.text() == name
    assert "phuong long xuyen" not in shown, shown
