"""Where the incident happened: the commune (which decides who must act), free text, and the setting."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QGridLayout, QGroupBox, QLabel, QLineEdit, QPushButton, QWidget

from hotline.core.models import Child
from hotline.ui import labels
from hotline.ui.assessment_editor import key_action
from hotline.ui.place_picker import PlacePicker
from hotline.ui.widgets import compact


class IncidentEditor(QGroupBox):
    """The place of the incident (Mẫu 01 "Địa điểm xảy ra vụ việc") and its setting (Thông tư 13/2021)."""

    changed = Signal()

    def __init__(self, default_province: int | None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setTitle(self.tr("Place of the incident (Alt+P)"))
        self.setObjectName("incidentBox")
        self.places = PlacePicker(default_province, "incident", self)
        self.province_combo, self.ward_combo = self.places.province_combo, self.places.ward_combo
        self.ward_combo.setAccessibleName(self.tr("Commune or ward of the incident"))
        self.place_edit = QLineEdit(objectName="incidentPlaceEdit")
        self.place_edit.setPlaceholderText(self.tr("hamlet, street, school, website…"))
        self.place_edit.setAccessibleName(self.tr("Place of the incident"))
        self.setting_combo = compact(QComboBox(objectName="incidentSettingCombo"), 8)
        self.setting_combo.addItem(self.tr("— choose —"), "")
        for code in labels.INCIDENT_SETTINGS:
            self.setting_combo.addItem(labels.label(labels.INCIDENT_SETTINGS, code), code)
        self.setting_combo.setAccessibleName(self.tr("Setting of the incident"))
        self.same_button = QPushButton(self.tr("= the child's home"), objectName="incidentSameAsChildButton")
        self.same_button.setToolTip(self.tr("The incident happened where the first child lives: copy that place"))
        self.same_button.setAutoDefault(False)
        self._home: Child | None = None

        grid = QGridLayout(self)
        grid.setVerticalSpacing(4)
        place_label = QLabel(self.tr("Commune"))
        place_label.setBuddy(self.ward_combo)
        grid.addWidget(place_label, 0, 0)
        grid.addWidget(self.province_combo, 0, 1)
        grid.addWidget(self.ward_combo, 0, 2, 1, 2)
        grid.addWidget(self.place_edit, 1, 1, 1, 3)
        setting_label = QLabel(self.tr("Setting"))
        setting_label.setBuddy(self.setting_combo)
        grid.addWidget(setting_label, 2, 0)
        grid.addWidget(self.setting_combo, 2, 1)
        grid.addWidget(self.same_button, 2, 3)
        for column in (1, 2, 3):
            grid.setColumnStretch(column, 1)

        self.same_button.clicked.connect(self._copy_home)
        self.key_action = key_action(self, self.tr("Go to the place of the incident"), "Alt+P",
                                     self._focus_commune, "focusIncidentAction")  # fmt: skip
        for signal in (self.places.changed, self.place_edit.textChanged, self.setting_combo.currentIndexChanged):
            signal.connect(self.changed)

    def _focus_commune(self) -> None:
        self.ward_combo.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.ward_combo.lineEdit().selectAll()  # typing replaces "(commune / ward?)" or the commune shown

    def set_home(self, child: Child | None) -> None:
        """The first child's home, offered by the "= the child's home" button (enabled when there is one)."""
        self._home = child if child is not None and (child.ward_code or child.address) else None
        self.same_button.setEnabled(self._home is not None)

    def _copy_home(self) -> None:
        if self._home is None:
            return
        self.places.set_codes(self._home.province_code, self._home.ward_code)
        if not self.place_edit.text().strip():
            self.place_edit.setText(self._home.address)
        self.ward_combo.setFocus()

    def values(self) -> dict:
        """The call's incident_* fields."""
        province, ward = self.places.codes()
        return {
            "incident_province_code": province,
            "incident_ward_code": ward,
            "incident_place": self.place_edit.text(),
            "incident_setting": self.setting_combo.currentData(),
        }

    def set_values(self, values: dict) -> None:
        province = values.get("incident_province_code", self.places.default_province)
        self.places.set_codes(province if isinstance(province, int) else None, _code(values.get("incident_ward_code")))
        self.place_edit.setText(values.get("incident_place") or "")
        self.setting_combo.setCurrentIndex(max(0, self.setting_combo.findData(values.get("incident_setting") or "")))

    def is_blank(self) -> bool:
        return self.places.is_default() and not self.place_edit.text().strip() and not self.setting_combo.currentData()

    def ward_name(self) -> str:
        return self.ward_combo.currentText() if self.ward_combo.code() is not None else ""

    def tab_chain(self) -> list[QWidget]:
        return [self.province_combo, self.ward_combo, self.place_edit, self.setting_combo, self.same_button]


def _code(value) -> int | None:
    return value if isinstance(value, int) else None
