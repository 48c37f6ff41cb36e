"""The editor of one child a call is about: name, sex, age, place, special circumstances."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from hotline.core import places
from hotline.core.models import Child, age_band_for
from hotline.ui import labels
from hotline.ui.widgets import CheckList, PlaceCombo, compact

NO_AGE = -1


# A new child row is built for every call (the form is cleared after each save): sort the places once, not each time.
@cache
def _provinces() -> tuple[tuple[int, str], ...]:
    return tuple(places.provinces())


@cache
def _wards_of(province_code: int) -> tuple[tuple[int, str], ...]:
    return tuple(places.wards_of(province_code))


class ChildEditor(QFrame):
    """One child. ``remove_requested`` asks the call form to drop this editor."""

    changed = Signal()
    remove_requested = Signal(object)

    def __init__(self, number: int, default_province: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName(f"childEditor{number}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.child_id: int | None = None  # set when editing a stored call's child
        self._default_province = default_province
        self.title = QLabel()
        self.name_edit = QLineEdit(objectName="childNameEdit")
        self.name_edit.setPlaceholderText(self.tr("name or alias"))
        self.sex_combo = _code_combo(labels.SEXES, "childSexCombo")
        self.age_spin = QSpinBox(objectName="childAgeSpin")
        self.age_spin.setRange(NO_AGE, 17)
        self.age_spin.setSpecialValueText(self.tr("age?"))
        self.age_spin.setValue(NO_AGE)
        self.age_spin.setSuffix(self.tr(" yrs"))
        self.band_combo = _code_combo(labels.CHILD_AGE_BANDS, "childAgeBandCombo")
        self.province_combo = PlaceCombo(none_text=self.tr("(province?)"))
        self.province_combo.setObjectName("childProvinceCombo")
        self.province_combo.set_items(_provinces())
        self.province_combo.set_code(default_province)
        self.ward_combo = PlaceCombo(none_text=self.tr("(commune / ward?)"))
        self.ward_combo.setObjectName("childWardCombo")
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
        self.remove_button = QPushButton(self.tr("Remove"), objectName="removeChildButton")
        self.remove_button.setToolTip(self.tr("Remove this child from the call"))

        grid = QGridLayout(self)
        grid.setContentsMargins(6, 4, 6, 4)
        grid.addWidget(self.title, 0, 0)
        grid.addWidget(self.name_edit, 0, 1, 1, 2)
        grid.addWidget(self.remove_button, 0, 3)
        grid.addWidget(QLabel(self.tr("Sex, age")), 1, 0)
        grid.addWidget(self.sex_combo, 1, 1)
        grid.addWidget(self.age_spin, 1, 2)
        grid.addWidget(self.band_combo, 1, 3)
        grid.addWidget(QLabel(self.tr("Place")), 2, 0)
        grid.addWidget(self.province_combo, 2, 1)
        grid.addWidget(self.ward_combo, 2, 2, 1, 2)
        grid.addWidget(self.address_edit, 3, 1, 1, 3)
        grid.addWidget(QLabel(self.tr("Circumstances")), 4, 0)
        grid.addWidget(self.special, 4, 1)
        grid.addWidget(self.carer_edit, 4, 2, 1, 2)
        for column in (1, 2, 3):
            grid.setColumnStretch(column, 1)
        self.set_number(number)
        self._load_wards()

        self.province_combo.code_changed.connect(self._load_wards)
        self.age_spin.valueChanged.connect(self._age_changed)
        for signal in (
            self.name_edit.textChanged, self.sex_combo.currentIndexChanged, self.age_spin.valueChanged,
            self.band_combo.currentIndexChanged, self.ward_combo.code_changed, self.address_edit.textChanged,
            self.special.changed, self.carer_edit.textChanged, self.province_combo.code_changed,
        ):  # fmt: skip
            signal.connect(self.changed)
        self.remove_button.clicked.connect(lambda: self.remove_requested.emit(self))

    def set_number(self, number: int) -> None:
        self.title.setText(self.tr("Child %d") % number)
        self.name_edit.setAccessibleName(self.tr("Child %d: name") % number)

    def _load_wards(self) -> None:
        code = self.province_combo.code()
        self.ward_combo.set_items(_wards_of(code) if code is not None else ())

    def _age_changed(self, age: int) -> None:
        # an exact age decides the band; without one the operator may still pick a band
        self.band_combo.setEnabled(age == NO_AGE)
        if age != NO_AGE:
            self.band_combo.setCurrentIndex(self.band_combo.findData(age_band_for(age)))

    def child(self) -> Child:
        age = self.age_spin.value()
        return Child(
            id=self.child_id,
            name=self.name_edit.text().strip(),
            sex=self.sex_combo.currentData(),
            age=None if age == NO_AGE else age,
            age_band=self.band_combo.currentData(),
            province_code=self.province_combo.code(),
            ward_code=self.ward_combo.code(),
            address=self.address_edit.text().strip(),
            special_circumstances=self.special.codes(),
            carer=self.carer_edit.text().strip(),
        )

    def set_child(self, child: Child) -> None:
        self.child_id = child.id
        self.name_edit.setText(child.name)
        self.sex_combo.setCurrentIndex(max(0, self.sex_combo.findData(child.sex)))
        self.age_spin.setValue(NO_AGE if child.age is None else child.age)
        self.band_combo.setCurrentIndex(max(0, self.band_combo.findData(child.age_band)))
        self.province_combo.set_code(child.province_code)
        self.ward_combo.set_code(child.ward_code)
        self.address_edit.setText(child.address)
        self.special.set_codes(child.special_circumstances)
        self.carer_edit.setText(child.carer)

    def is_empty(self) -> bool:
        """Nothing changed from a blank row: any typed or chosen value makes the child worth keeping."""
        child = self.child()
        return (
            not (child.name or child.address or child.carer or child.special_circumstances)
            and child.sex == "unknown"
            and child.age is None
            and child.age_band == "unknown"
            and child.province_code in (None, self._default_province)
            and child.ward_code is None
        )


def _code_combo(table: dict[str, str], name: str) -> QComboBox:
    combo = compact(QComboBox(objectName=name), 8)
    for code in table:
        combo.addItem(labels.label(table, code), code)
    return combo
