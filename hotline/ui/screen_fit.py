"""Windows sized to the screen they open on: never larger than its free area, so their buttons stay in sight."""

from __future__ import annotations

from PySide6.QtCore import QRect
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

#: Room for what a window manager adds around a window (title bar, borders): unknown until the window is shown.
FRAME_WIDTH, FRAME_HEIGHT = 16, 40


def available_area(window: QWidget) -> QRect:
    """The free area (without taskbars) of the screen ``window`` opens on."""
    screen = window.screen() or QGuiApplication.primaryScreen()
    return screen.availableGeometry()


def fit_to_screen(window: QWidget, width: int, height: int) -> None:
    """Resize ``window`` to width×height, or to its screen's free area less the window frame when that is smaller
    (a 1366×768 laptop leaves about 1366×700 for a window); a larger screen gets the size asked for."""
    area = available_area(window)
    window.resize(min(width, area.width() - FRAME_WIDTH), min(height, area.height() - FRAME_HEIGHT))
