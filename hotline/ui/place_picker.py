"""A province and a commune / ward picked together, found by typing without accents (a child's home, an incident)."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QObject, Signal

from hotline.core import places
from hotline.ui.widgets import PlaceCombo


# A new place picker is built for every call (the form is cleared after each save): sort the places once.
@cache
def _provinces() -> tuple[tuple[int, str], ...]:
    return tuple(places.provinces())


@cache
def _wards_of(province_code: int) -> tuple[tuple[int, str], ...]:
    return tuple(places.wards_of(province_code))


class PlacePicker(QObject):
    """Two combos the owner lays out: ``province_combo`` and ``ward_combo`` (the communes of the province chosen)."""

    changed = Signal()

    def __init__(self, default_province: int | None, name: str, parent: QObject | None = None):
        super().__init__(parent)
        self.default_province = default_province
        self.province_combo = PlaceCombo(none_text=self.tr("(province?)"))
        self.province_combo.setObjectName(f"{name}ProvinceCombo")
        self.province_combo.set_items(_provinces())
        self.province_combo.set_code(default_province)
        self.ward_combo = PlaceCombo(none_text=self.tr("(commune / ward?)"))
        self.ward_combo.setObjectName(f"{name}WardCombo")
        self._load_wards()
        self.province_combo.code_changed.connect(self._load_wards)
        self.province_combo.code_changed.connect(self.changed)
        self.ward_combo.code_changed.connect(self.changed)

    def _load_wards(self) -> None:
        code = self.province_combo.code()
        self.ward_combo.set_items(_wards_of(code) if code is not None else ())

    def codes(self) -> tuple[int | None, int | None]:
        """(province code, commune / ward code)."""
        return self.province_combo.code(), self.ward_combo.code()

    def set_codes(self, province_code: int | None, ward_code: int | None) -> None:
        self.province_combo.set_code(province_code)
        self.ward_combo.set_code(ward_code)

    def is_default(self) -> bool:
        """Nothing chosen beyond the default province."""
        province, ward = self.codes()
        return province in (None, self.default_province) and ward is None
