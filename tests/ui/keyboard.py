"""Typing helpers for pytest-qt flows: Vietnamese text as key events, and answering the next modal dialog."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractButton, QApplication, QWidget


def type_text(widget: QWidget, text: str) -> None:
    """Send each character as a key press with its text, as a keyboard with a Vietnamese input method does."""
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char))


def type_into_focus(text: str) -> None:
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    type_text(widget, text)


def answer_next_dialog(button_text: str, *, text: str | None = None, attempts: int = 50) -> None:
    """When the next modal dialog opens, optionally type ``text`` into it, then click the button so labelled."""

    def attempt(left: int) -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            if left:
                QTimer.singleShot(20, lambda: attempt(left - 1))
            return
        if text is not None:
            from PySide6.QtWidgets import QLineEdit, QPlainTextEdit

            editor = dialog.findChild(QPlainTextEdit) or dialog.findChild(QLineEdit)
            if isinstance(editor, QPlainTextEdit):
                editor.setPlainText(text)
            elif editor is not None:
                editor.setText(text)
        for button in dialog.findChildren(QAbstractButton):
            if button.text().replace("&", "") == button_text:
                button.click()
                return
        raise AssertionError(f"no button {button_text!r} in the dialog")

    QTimer.singleShot(0, lambda: attempt(attempts))


def with_next_dialog(act, *, attempts: int = 100) -> list:
    """When the next modal dialog opens, call ``act(dialog)`` (which types and clicks like a person).

    Returns a list that receives the dialog once handled, so a test can check that it really opened.
    """
    handled: list = []

    def attempt(left: int) -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            if left:
                QTimer.singleShot(20, lambda: attempt(left - 1))
            return
        handled.append(dialog)
        act(dialog)

    QTimer.singleShot(0, lambda: attempt(attempts))
    return handled
