"""A row (or column) of exclusive choices: Tab lands on the one chosen, the arrow keys move the choice."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QRadioButton, QVBoxLayout, QWidget


class RadioRow(QWidget):
    """``choices`` {code: text}; ``value()`` is the code chosen, "" while none is."""

    changed = Signal()

    def __init__(self, choices: dict[str, str], name: str, *, vertical: bool = False, parent: QWidget | None = None):
        super().__init__(parent)
        self.group = QButtonGroup(self)
        self.radios: dict[str, QRadioButton] = {}
        layout = QVBoxLayout(self) if vertical else QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2 if vertical else 10)
        for code, text in choices.items():
            radio = QRadioButton(text, objectName=f"{name}_{code}")
            self.group.addButton(radio)
            self.radios[code] = radio
            layout.addWidget(radio)
        if not vertical:
            layout.addStretch(1)
        self.group.buttonToggled.connect(lambda _button, checked: checked and self.changed.emit())
        self.changed.connect(self._tab_to_chosen)

    def value(self) -> str:
        return next((code for code, radio in self.radios.items() if radio.isChecked()), "")

    def set_value(self, code: str) -> None:
        """Choose ``code``; an unknown code or "" leaves nothing chosen."""
        self.group.setExclusive(False)  # an exclusive group cannot go back to "none chosen"
        for value, radio in self.radios.items():
            radio.setChecked(value == code)
        self.group.setExclusive(True)
        self.changed.emit()

    def _tab_to_chosen(self) -> None:
        # Tab stops at the choice made (the arrows move it), not at each button; with none made, at every button
        chosen = self.value()
        for code, radio in self.radios.items():
            tab = not chosen or code == chosen
            radio.setFocusPolicy(Qt.FocusPolicy.StrongFocus if tab else Qt.FocusPolicy.ClickFocus)

    def tab_chain(self) -> list[QWidget]:
        return list(self.radios.values())
