"""Look of the whole program: a font that carries Vietnamese and the shipped stylesheet."""

from __future__ import annotations

import logging
import sys

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from hotline import paths

log = logging.getLogger(__name__)

#: Families with every Vietnamese letter (ă â đ ê ô ơ ư and the five tone marks, stacked), best first.
#: Windows' own UI font (Segoe UI) has them, so Qt's default is kept there.
VIETNAMESE_FAMILIES = ("Noto Sans", "DejaVu Sans", "Liberation Sans", "Ubuntu", "Cantarell")
BASE_POINT_SIZE = 10


def apply_style(app: QApplication) -> None:
    """Pick a font that shows Vietnamese well and load resources/style.qss (a missing file is not fatal)."""
    if not sys.platform.startswith(("win", "darwin")):
        families = set(QFontDatabase.families())
        for family in VIETNAMESE_FAMILIES:
            if family in families:
                font = QFont(family)
                font.setPointSize(max(app.font().pointSize(), BASE_POINT_SIZE))
                app.setFont(font)
                break
    try:
        app.setStyleSheet(paths.resource_path("style.qss").read_text(encoding="utf-8"))
    except OSError:
        log.warning("stylesheet not found")
