"""Look of the whole program: a font that carries Vietnamese, a visible keyboard focus, the shipped stylesheet."""

from __future__ import annotations

import logging
import sys

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QFontDatabase, QPainter, QPen
from PySide6.QtWidgets import QApplication, QProxyStyle, QStyle

from hotline import paths

log = logging.getLogger(__name__)

#: Families with every Vietnamese letter (ă â đ ê ô ơ ư and the five tone marks, stacked), best first.
#: Windows' own UI font (Segoe UI) has them, so Qt's default is kept there.
VIETNAMESE_FAMILIES = ("Noto Sans", "DejaVu Sans", "Liberation Sans", "Ubuntu", "Cantarell")
BASE_POINT_SIZE = 10
#: The ring around the control that has the keyboard focus: a strong blue, 2 pixels, seen on grey and on white.
FOCUS_RING_COLOUR = "#1565c0"
FOCUS_RING_WIDTH = 2

_CE, _SE = QStyle.ControlElement, QStyle.SubElement
#: what is ringed: the whole button; a check box's or radio button's words (its box sits on the widget's edge,
#: where a ring would cover it; and the row may give it far more width than its words)
_RINGED_CONTROLS = {
    _CE.CE_PushButton: None,
    _CE.CE_CheckBox: _SE.SE_CheckBoxFocusRect,
    _CE.CE_RadioButton: _SE.SE_RadioButtonFocusRect,
}
_RINGED_COMPLEX_CONTROLS = {QStyle.ComplexControl.CC_ComboBox, QStyle.ComplexControl.CC_ToolButton}


class FocusRingStyle(QProxyStyle):
    """The platform's style, plus a clear ring around the focused button, check box, radio button or combo box.

    The platform styles mark the focus faintly (Fusion) or only once a key was pressed (Windows): an operator who
    works from the keyboard lost sight of where Tab had gone. A proxy keeps every control's own look; a stylesheet
    border would redraw buttons and combo boxes flat.
    """

    def drawControl(self, element, option, painter, widget=None) -> None:
        super().drawControl(element, option, painter, widget)
        if element in _RINGED_CONTROLS and option.state & QStyle.StateFlag.State_HasFocus:
            rect, words = option.rect, _RINGED_CONTROLS[element]
            if words is not None and option.text:
                rect = self.subElementRect(words, option, widget).adjusted(-1, -3, 3, 3).intersected(option.rect)
            _draw_ring(painter, rect)

    def drawComplexControl(self, control, option, painter, widget=None) -> None:
        super().drawComplexControl(control, option, painter, widget)
        if control in _RINGED_COMPLEX_CONTROLS and option.state & QStyle.StateFlag.State_HasFocus:
            _draw_ring(painter, option.rect)


def _draw_ring(painter: QPainter, rect) -> None:
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)  # crisp, whole pixels
    pen = QPen(QColor(FOCUS_RING_COLOUR), FOCUS_RING_WIDTH)
    pen.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    # the pen straddles the path: half a pen in from the edge keeps both pixels inside the control
    painter.drawRect(rect.adjusted(1, 1, -FOCUS_RING_WIDTH + 1, -FOCUS_RING_WIDTH + 1))
    painter.restore()


def apply_style(app: QApplication) -> None:
    """Pick a font that shows Vietnamese well, ring the focused control and load resources/style.qss (a missing
    file is not fatal)."""
    if not isinstance(app.style(), FocusRingStyle):
        app.setStyle(FocusRingStyle(app.style().name()))  # by name: the application deletes the style it replaces
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
