"""The editor of one person a call is about: a child, a minor, or an adult trafficking victim (docs/law.md)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGridLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QWidget,
)

from hotline.core.models import CHILD_STATUSES, CHILD_UNCLEAR, Child, age_band_for, age_group
from hotline.ui import labels
from hotline.ui.place_picker import PlacePicker
from hotline.ui.radio_row import RadioRow
from hotline.ui.widgets import CheckList, compact

NO_AGE = -1
#: The oldest age the form takes: an adult trafficking victim is recorded with their age too.
MAX_AGE = 120
#: The colour of the legal group beside the age: a child, a minor, an adult victim.
_GROUP_COLOURS = {"child": "#1b5e20", "minor": "#8a6d00", "adult": "#0d47a1"}
#: Removes the person whose row holds the cursor: a key of its own, since the button is no Tab stop.
REMOVE_KEY = "Alt+Del"


class ChildEditor(QFrame):
    """One person. ``remove_requested`` asks the call form to drop this editor. An adult (18 or older) is a
    trafficking victim: sex, age, place and destination; the child-only parts (status, special circumstances,
    carer) are hidden and not part of the record while the age says adult."""

    changed = Signal()
    remove_requested = Signal(object)

    def __init__(self, number: int, default_province: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName(f"childEditor{number}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.child_id: int | None = None  # set when editing a stored call's child
        self._number = number
        self._trafficking = False  # the call has a trafficking category: the destination is asked for a child too
        self.title = QLabel()
        self.name_edit = QLineEdit(objectName="childNameEdit")
        self.name_edit.setPlaceholderText(self.tr("name or alias"))
        self.sex_combo = _code_combo(labels.SEXES, "childSexCombo")
        self.age_spin = QSpinBox(objectName="childAgeSpin")
        self.age_spin.setRange(NO_AGE, MAX_AGE)
        self.age_spin.setSpecialValueText(self.tr("age?"))
        self.age_spin.setValue(NO_AGE)
        self.age_spin.setSuffix(self.tr(" yrs"))
        self.band_combo = _code_combo(labels.CHILD_AGE_BANDS, "childAgeBandCombo")
        self.group_label = QLabel(objectName="childGroupLabel")
        self.group_label.setToolTip(self.tr("Who the person is in law: a child is under 16 (Luật Trẻ em, Điều 1)"))
        self.destination_label = QLabel(self.tr("Taken to"))
        self.destination_combo = compact(QComboBox(objectName="childDestinationCombo"), 8)
        self.destination_combo.addItem(self.tr("— not known —"), "")
        for code in labels.DESTINATIONS:
            self.destination_combo.addItem(labels.label(labels.DESTINATIONS, code), code)
        self.destination_combo.setToolTip(self.tr("Where the victim was taken, or was to be taken"))
        self.destination_label.setBuddy(self.destination_combo)
        self.status_label = QLabel(self.tr("Status"))
        self.status_row = RadioRow(
            {code: labels.label(labels.CHILD_STATUSES, code) for code in CHILD_STATUSES}, "childStatus"
        )
        self.status_row.setToolTip(self.tr("Abused (harm done), at risk, or not clear yet: ← → change it"))
        self.status_radios = self.status_row.radios
        self.status_row.set_value(CHILD_UNCLEAR)
        self.places = PlacePicker(default_province, "child", self)
        self.province_combo, self.ward_combo = self.places.province_combo, self.places.ward_combo
        self.address_edit = QLineEdit(objectName="childAddressEdit")
        self.address_edit.setPlaceholderText(self.tr("hamlet, street, house number"))
        self.special = CheckList(
            {code: labels.label(labels.SPECIAL_CIRCUMSTANCES, code) for code in labels.SPECIAL_CIRCUMSTANCES},
            self.tr("none known"),
        )
        self.special.setObjectName("childSpecialList")
        self.special.setToolTip(self.tr("Special circumstances of the child (Luật Trẻ em, Điều 10)"))
        self.carer_edit = QLineEdit(objectName="childCarerEdit")
        self.carer_edit.setPlaceholderText(self.tr("who looks after the child now"))
        key_text = QKeySequence(REMOVE_KEY).toString(QKeySequence.SequenceFormat.NativeText)
        self.remove_button = QPushButton(self.tr("Remove (%s)") % key_text, objectName="removeChildButton")
        self.remove_button.setToolTip(self.tr("Remove this person from the call (%s)") % key_text)
        self.remove_button.setAccessibleName(self.tr("Remove this person from the call"))
        # out of the typing path: Tab from the age once landed on it, and Space then removed the child
        self.remove_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.remove_shortcut = QShortcut(QKeySequence(REMOVE_KEY), self, self.ask_to_remove)
        self.remove_shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self._layout()
        self.set_number(number)
        self._show_group()

        self.age_spin.valueChanged.connect(self._age_changed)
        self.band_combo.currentIndexChanged.connect(self._show_group)
        for signal in (
            self.name_edit.textChanged, self.sex_combo.currentIndexChanged, self.age_spin.valueChanged,
            self.band_combo.currentIndexChanged, self.places.changed, self.address_edit.textChanged,
            self.special.changed, self.carer_edit.textChanged, self.destination_combo.currentIndexChanged,
            self.status_row.changed,
        ):  # fmt: skip
            signal.connect(self.changed)
        self.remove_button.clicked.connect(self.ask_to_remove)

    def _layout(self) -> None:
        self.circumstances_label = QLabel(self.tr("Circumstances"))
        grid = QGridLayout(self)
        grid.setContentsMargins(6, 4, 6, 4)
        grid.setVerticalSpacing(4)
        grid.addWidget(self.title, 0, 0)
        grid.addWidget(self.name_edit, 0, 1, 1, 2)
        grid.addWidget(self.remove_button, 0, 3)
        grid.addWidget(QLabel(self.tr("Sex, age")), 1, 0)
        grid.addWidget(self.sex_combo, 1, 1)
        grid.addWidget(self.age_spin, 1, 2)
        grid.addWidget(self.band_combo, 1, 3)
        grid.addWidget(self.destination_label, 2, 0)
        grid.addWidget(self.destination_combo, 2, 1)
        grid.addWidget(self.group_label, 2, 2, 1, 2)
        grid.addWidget(self.status_label, 3, 0)
        grid.addWidget(self.status_row, 3, 1, 1, 3)
        grid.addWidget(QLabel(self.tr("Place")), 4, 0)
        grid.addWidget(self.province_combo, 4, 1)
        grid.addWidget(self.ward_combo, 4, 2, 1, 2)
        grid.addWidget(self.address_edit, 5, 1, 1, 3)
        grid.addWidget(self.circumstances_label, 6, 0)
        grid.addWidget(self.special, 6, 1)
        grid.addWidget(self.carer_edit, 6, 2, 1, 2)
        for column in (1, 2, 3):
            grid.setColumnStretch(column, 1)

    def ask_to_remove(self) -> None:
        """Remove this person; what was typed for them goes only after a question whose default is Cancel."""
        if not self.is_empty():
            who = self.title.text()
            name = self.name_edit.text().strip()
            answer = QMessageBox.question(
                self,
                self.tr("Remove %s?") % who,
                self.tr("Remove %s from the call? What was typed for them will be lost.")
                % (f"{who} ({name})" if name else who),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel,
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        self.remove_requested.emit(self)

    def set_number(self, number: int) -> None:
        self._number = number
        adult = self.group() == "adult"
        self.title.setText((self.tr("Victim %d") if adult else self.tr("Child %d")) % number)
        self.name_edit.setAccessibleName((self.tr("Victim %d: name") if adult else self.tr("Child %d: name")) % number)

    def set_trafficking(self, trafficking: bool) -> None:
        """The call has a trafficking category: ask where a child was taken too."""
        if trafficking != self._trafficking:
            self._trafficking = trafficking
            self._show_group()

    def _age_changed(self, age: int) -> None:
        # an exact age decides the band; without one the operator may still pick a band
        self.band_combo.setEnabled(age == NO_AGE)
        if age != NO_AGE:
            self.band_combo.setCurrentIndex(self.band_combo.findData(age_band_for(age)))
        self._show_group()

    def group(self) -> str:
        """'child', 'minor' or 'adult', from the age or the age band as typed now."""
        age = self.age_spin.value()
        return age_group(None if age == NO_AGE else age, self.band_combo.currentData())

    def _show_group(self) -> None:
        group = self.group()
        adult = group == "adult"
        self.group_label.setText(labels.label(labels.PERSON_GROUPS, group))
        self.group_label.setStyleSheet(f"color: {_GROUP_COLOURS[group]}; font-weight: bold;")
        for widget in (self.status_label, self.status_row, self.circumstances_label, self.special, self.carer_edit):
            widget.setVisible(not adult)
        for widget in (self.destination_label, self.destination_combo):
            widget.setVisible(self._asks_destination())
        self.set_number(self._number)

    def _asks_destination(self) -> bool:
        # a destination already chosen stays in sight (and in the record) when the trafficking category goes
        return self.group() == "adult" or self._trafficking or bool(self.destination_combo.currentData())

    def status(self) -> str:
        return self.status_row.value() or CHILD_UNCLEAR

    def child(self) -> Child:
        """The person as the record keeps them: an adult's child-only choices (status, special circumstances) are
        not kept; text typed (the carer) is, hidden or not — nothing typed is lost."""
        age = self.age_spin.value()
        adult = self.group() == "adult"
        return Child(
            id=self.child_id,
            name=self.name_edit.text().strip(),
            sex=self.sex_combo.currentData(),
            age=None if age == NO_AGE else age,
            age_band=self.band_combo.currentData(),
            province_code=self.province_combo.code(),
            ward_code=self.ward_combo.code(),
            address=self.address_edit.text().strip(),
            special_circumstances=[] if adult else self.special.codes(),
            carer=self.carer_edit.text().strip(),
            status=CHILD_UNCLEAR if adult else self.status(),
            destination=self.destination_combo.currentData() if self._asks_destination() else "",
        )

    def set_child(self, child: Child) -> None:
        self.child_id = child.id
        self.name_edit.setText(child.name)
        self.sex_combo.setCurrentIndex(max(0, self.sex_combo.findData(child.sex)))
        self.age_spin.setValue(NO_AGE if child.age is None else max(NO_AGE, min(MAX_AGE, child.age)))
        self.band_combo.setCurrentIndex(max(0, self.band_combo.findData(child.age_band)))
        self.places.set_codes(child.province_code, child.ward_code)
        self.address_edit.setText(child.address)
        self.special.set_codes(child.special_circumstances)
        self.carer_edit.setText(child.carer)
        self.status_row.set_value(child.status if child.status in self.status_radios else CHILD_UNCLEAR)
        self.destination_combo.setCurrentIndex(max(0, self.destination_combo.findData(child.destination)))
        self._show_group()

    def is_empty(self) -> bool:
        """Nothing changed from a blank row: any typed or chosen value makes the person worth keeping."""
        child = self.child()
        return (
            not (child.name or child.address or child.carer or child.special_circumstances or child.destination)
            and child.sex == "unknown"
            and child.age is None
            and child.age_band == "unknown"
            and self.places.is_default()
            and child.status == CHILD_UNCLEAR
        )

    def tab_chain(self) -> list[QWidget]:
        """The inputs in the order Tab visits them."""
        return [self.name_edit, self.sex_combo, self.age_spin, self.band_combo, self.destination_combo,
                *self.status_row.tab_chain(), self.province_combo, self.ward_combo,
                self.address_edit, self.special, self.carer_edit]  # fmt: skip


def _code_combo(table: dict[str, str], name: str) -> QComboBox:
    combo = compact(QComboBox(objectName=name), 8)
    for code in table:
        combo.addItem(labels.label(table, code), code)
    return combo
