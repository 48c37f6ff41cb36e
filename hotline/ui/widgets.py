"""Small shared widgets: a combo box that finds places without accents, a checkable drop-down list, a scroll area
that follows the keyboard focus."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QObject, QPoint, QRect, Qt, Signal
from PySide6.QtGui import QAction, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QApplication, QComboBox, QCompleter, QMenu, QScrollArea, QScrollBar, QToolButton, QWidget

from hotline.core.text import fold

FOLD_ROLE = Qt.ItemDataRole.UserRole + 10


def compact(combo: QComboBox, characters: int = 10) -> QComboBox:
    """Size a combo box by a few characters, not by its longest item (place names would widen the form)."""
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(characters)
    return combo


class _FoldCompleter(QCompleter):
    """Matches what is typed, folded, anywhere in the folded names: `long xuyen` finds "Phường Long Xuyên"."""

    def splitPath(self, path: str) -> list[str]:
        return [fold(path)]

    def pathFromIndex(self, index) -> str:
        # what the field shows for a place chosen or highlighted: its name, never the folded search key
        return index.data(Qt.ItemDataRole.DisplayRole) or ""


class PlaceCombo(QComboBox):
    """An editable combo of (code, name) items; typing filters without accents; ``code()`` is None if none."""

    code_changed = Signal()

    def __init__(self, parent: QWidget | None = None, none_text: str = ""):
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        compact(self)
        self._none_text = none_text
        self._model = QStandardItemModel(self)
        self.setModel(self._model)
        completer = _FoldCompleter(self._model, self)
        completer.setCompletionRole(FOLD_ROLE)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.setCompleter(completer)
        completer.activated[str].connect(self._on_completed)
        self.currentIndexChanged.connect(lambda _i: self.code_changed.emit())
        self.lineEdit().editingFinished.connect(self._snap_to_item)

    def set_items(self, items: list[tuple[int, str]]) -> None:
        self.blockSignals(True)
        self._model.clear()
        none = QStandardItem(self._none_text)
        none.setData(None, Qt.ItemDataRole.UserRole)
        none.setData("", FOLD_ROLE)
        self._model.appendRow(none)
        for code, name in items:
            item = QStandardItem(name)
            item.setData(code, Qt.ItemDataRole.UserRole)
            item.setData(fold(name), FOLD_ROLE)
            self._model.appendRow(item)
        self.setCurrentIndex(0)
        self.blockSignals(False)
        self.code_changed.emit()

    def code(self) -> int | None:
        return self.currentData(Qt.ItemDataRole.UserRole)

    def set_code(self, code: int | None) -> None:
        index = self.findData(code, Qt.ItemDataRole.UserRole) if code is not None else 0
        self.setCurrentIndex(max(index, 0))

    def _on_completed(self, text: str) -> None:
        index = self.findText(text, Qt.MatchFlag.MatchExactly)
        if index >= 0:
            self.setCurrentIndex(index)

    def _snap_to_item(self) -> None:
        """Typed text that names no place falls back to the current item, so the code and text never disagree."""
        text = self.currentText()
        index = self.findText(text, Qt.MatchFlag.MatchExactly)
        if index < 0:
            folded = fold(text)
            matches = [i for i in range(self.count()) if folded and folded in (self.itemData(i, FOLD_ROLE) or "")]
            index = matches[0] if len(matches) == 1 else self.currentIndex()
        self.setCurrentIndex(index)
        self.setEditText(self.itemText(index))


class CheckList(QToolButton):
    """A button that opens a list of checkable choices (keyboard: Space opens, arrows move, Space ticks)."""

    changed = Signal()

    def __init__(self, choices: dict[str, str], empty_text: str, parent: QWidget | None = None):
        super().__init__(parent)
        self._empty_text = empty_text
        self.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        menu = QMenu(self)
        self._actions: dict[str, QAction] = {}
        for code, text in choices.items():
            action = menu.addAction(text)
            action.setCheckable(True)
            action.setData(code)
            action.toggled.connect(self._on_toggled)
            self._actions[code] = action
        self.setMenu(menu)
        self.setMinimumWidth(140)
        self._refresh()

    def codes(self) -> list[str]:
        return [code for code, action in self._actions.items() if action.isChecked()]

    def set_codes(self, codes) -> None:
        wanted = set(codes)
        for code, action in self._actions.items():
            action.blockSignals(True)
            action.setChecked(code in wanted)
            action.blockSignals(False)
        self._refresh()

    def _on_toggled(self, _checked: bool) -> None:
        self._refresh()
        self.changed.emit()

    def _refresh(self) -> None:
        chosen = [a.text() for a in self._actions.values() if a.isChecked()]
        self.setText("; ".join(chosen) if chosen else self._empty_text)
        self.setToolTip(self.text())


#: Room kept around a field scrolled into view: its label beside it, and a line of what lies under it.
FOCUS_MARGIN_X, FOCUS_MARGIN_Y = 20, 40


class _FocusFollower(QObject):
    """Scrolls its scroll area to the widget that gets the keyboard focus inside it (a child of the area, so the
    connection to the application ends with the area)."""

    def __init__(self, scroll_area: QScrollArea):
        super().__init__(scroll_area)
        self._area = scroll_area
        QApplication.instance().focusChanged.connect(self._on_focus_changed)

    def _on_focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        # a widget being destroyed hands its focus on before its children (this follower among them) are deleted
        if not shiboken6.isValid(self._area):
            return
        body = self._area.widget()
        if new is not None and body is not None and body.isAncestorOf(new):
            show_whole(self._area, new)


def follow_focus(scroll_area: QScrollArea) -> QScrollArea:
    """Whenever the keyboard focus lands in ``scroll_area`` — by Tab, by a shortcut such as Alt+A, or by the
    program — scroll the focused field wholly into view, so that nobody types into a field they cannot see."""
    _FocusFollower(scroll_area)
    return scroll_area


def show_whole(scroll_area: QScrollArea, widget: QWidget) -> None:
    """Scroll so that all of ``widget`` shows, with a margin; one taller than the view shows its top.

    Not ``QScrollArea.ensureWidgetVisible``: for a text box it brings only the line of the cursor into view, and
    a summary reached by Alt+S showed its first line at the bottom of the screen.
    """
    rect = QRect(widget.mapTo(scroll_area.widget(), QPoint(0, 0)), widget.size())
    viewport = scroll_area.viewport()
    _scroll_to(scroll_area.horizontalScrollBar(), rect.left(), rect.width(), viewport.width(), FOCUS_MARGIN_X)
    _scroll_to(scroll_area.verticalScrollBar(), rect.top(), rect.height(), viewport.height(), FOCUS_MARGIN_Y)


def _scroll_to(bar: QScrollBar, start: int, length: int, shown: int, margin: int) -> None:
    """Move ``bar`` as little as needed for [start, start + length) plus ``margin`` on each side to be shown."""
    margin = max(0, min(margin, (shown - length) // 2))  # a field nearly as tall as the view: less room around it
    first, last = start - margin, start + length + margin
    if last - first > shown or first < bar.value():
        bar.setValue(first)
    elif last > bar.value() + shown:
        bar.setValue(last - shown)
