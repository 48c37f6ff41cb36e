"""Centre settings: name, case prefix, province, shifts, holidays and swapped Saturdays, idle lock, backups."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt, QTime, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QScrollArea,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from hotline import settings as centre_settings
from hotline.core.models import User
from hotline.core.places import provinces
from hotline.store.db import StoreError
from hotline.ui.admin.common import button, button_row, status_label

_DATE_FORMAT = "dd/MM/yyyy"


class SettingsPage(QWidget):
    """One form for every centre-wide setting; Save (Ctrl+S) writes what changed."""

    settings_saved = Signal()

    def __init__(self, db, admin: User, parent: QWidget | None = None):
        super().__init__(parent)
        self.db, self.admin = db, admin
        self.setObjectName("settingsPage")
        self._stored: dict[str, object] = {}
        self.save_button = button(self, self.tr("&Save settings"), "saveSettingsButton", self.save)
        self.revert_button = button(self, self.tr("&Undo changes"), "revertSettingsButton", self.reload)
        self.status = status_label(self, "settingsStatus")

        self.centre_edit = self._line("centreNameEdit", self.tr("Name of the centre"))
        self.prefix_edit = self._line("casePrefixEdit", self.tr("Prefix of case numbers"))
        self.prefix_edit.setMaxLength(6)
        self.province_combo = QComboBox(self, objectName="defaultProvinceCombo")
        self.province_combo.setAccessibleName(self.tr("Default province"))
        for code, name in provinces():
            self.province_combo.addItem(name, code)
        centre = QGroupBox(self.tr("Centre"), self)
        centre_form = QFormLayout(centre)
        centre_form.addRow(self.tr("&Name (printed on reports):"), self.centre_edit)
        centre_form.addRow(self.tr("Case number &prefix:"), self.prefix_edit)
        centre_form.addRow(self.tr("Default pro&vince:"), self.province_combo)

        self.shifts_table = QTableWidget(0, 3, self, objectName="shiftsTable")
        self.shifts_table.setTabKeyNavigation(False)  # Tab leaves the table, the arrows move in it
        self.shifts_table.setAccessibleName(self.tr("Shifts"))
        self.shifts_table.setHorizontalHeaderLabels([self.tr("Shift"), self.tr("Starts"), self.tr("Ends")])
        self.shifts_table.verticalHeader().hide()
        self.shifts_table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.shifts_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.shifts_table.setMinimumHeight(110)
        shifts = QGroupBox(self.tr("Shifts (local time; a shift may end the next morning)"), self)
        shifts_layout = QVBoxLayout(shifts)
        shifts_layout.addWidget(self.shifts_table)
        shifts_layout.addLayout(
            button_row(
                button(self, self.tr("Add shi&ft"), "addShiftButton", lambda: self._add_shift("", "07:00", "19:00")),
                button(self, self.tr("Remove shift"), "removeShiftButton", self._remove_shift),
            )
        )

        # the working calendar of the 5-working-day plan clock (Decree 56/2017, Art. 28(1))
        self.holidays = DayList(
            self, "holiday", self.tr("Public holidays (not counted)"), self.tr("Date of a public holiday"),
            self.tr("Add &holiday"), self.tr("Remove holiday"), self._holiday_refused,
        )  # fmt: skip
        self.saturdays = DayList(
            self, "workingSaturday", self.tr("Swapped working Saturdays, làm bù (counted)"),
            self.tr("Date of a swapped working Saturday"), self.tr("Add Saturda&y"), self.tr("Remove Saturday"),
            self._saturday_refused,
        )  # fmt: skip
        self.holidays_list, self.holiday_date = self.holidays.list, self.holidays.date
        self.saturdays_list, self.saturday_date = self.saturdays.list, self.saturdays.date
        for days in (self.holidays, self.saturdays):
            days.status.connect(self.status.setText)
        holidays = QGroupBox(self.tr("Working days of the 5-working-day plan clock"), self)
        calendar_row = QHBoxLayout(holidays)
        calendar_row.addWidget(self.holidays)
        calendar_row.addWidget(self.saturdays)

        self.idle_spin = self._spin("idleMinutesSpin", self.tr("Minutes before the idle lock"), 1, 240)
        self.idle_spin.setSuffix(self.tr(" min"))
        self.backup_dir_edit = self._line("backupDirEdit", self.tr("Backup folder"))
        self.backup_dir_edit.setPlaceholderText(self.tr("(the data folder's backups folder)"))
        browse = button(self, self.tr("&Browse…"), "browseBackupDirButton", self._browse)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.backup_dir_edit, 1)
        folder_row.addWidget(browse)
        self.daily_spin = self._spin("backupsDailySpin", self.tr("Daily backups kept"), 1, 365)
        self.monthly_spin = self._spin("backupsMonthlySpin", self.tr("Monthly backups kept"), 0, 120)
        safety = QGroupBox(self.tr("Idle lock and backups"), self)
        safety_form = QFormLayout(safety)
        safety_form.addRow(self.tr("&Lock the window after:"), self.idle_spin)
        folder_label = QLabel(self.tr("Backup fol&der:"), self)
        folder_label.setBuddy(self.backup_dir_edit)
        safety_form.addRow(folder_label, folder_row)
        safety_form.addRow(self.tr("Daily backups &kept:"), self.daily_spin)
        safety_form.addRow(self.tr("&Monthly backups kept:"), self.monthly_spin)

        QShortcut(QKeySequence.StandardKey.Save, self, self.save, context=Qt.ShortcutContext.WidgetWithChildrenShortcut)

        body = QWidget(self)
        columns = QHBoxLayout(body)
        left, right = QVBoxLayout(), QVBoxLayout()
        left.addWidget(centre)
        left.addWidget(safety)
        left.addStretch(1)
        right.addWidget(shifts)
        right.addWidget(holidays)
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addLayout(button_row(self.save_button, self.revert_button))
        layout.addWidget(self.status)

    def _line(self, name: str, accessible: str) -> QLineEdit:
        edit = QLineEdit(self, objectName=name)
        edit.setAccessibleName(accessible)
        return edit

    def _spin(self, name: str, accessible: str, low: int, high: int) -> QSpinBox:
        spin = QSpinBox(self, objectName=name)
        spin.setAccessibleName(accessible)
        spin.setRange(low, high)
        return spin

    # --- reading and writing ---

    def reload(self) -> None:
        try:
            stored = centre_settings.Settings.load(self.db)
        except StoreError as exc:
            self.status.setText(str(exc))
            return
        self._stored = {key: stored.get(key) for key in centre_settings.REGISTRY}
        self.centre_edit.setText(str(self._stored["centre_name"]))
        self.prefix_edit.setText(str(self._stored["case_prefix"]))
        self.province_combo.setCurrentIndex(max(0, self.province_combo.findData(self._stored["default_province"])))
        self.shifts_table.setRowCount(0)
        for name, start, end in stored.shifts():
            self._add_shift(name, start.strftime("%H:%M"), end.strftime("%H:%M"))
        self.holidays.set_days(stored.holidays())
        self.saturdays.set_days(stored.working_saturdays())
        self.idle_spin.setValue(int(self._stored["idle_minutes"]))
        self.backup_dir_edit.setText(str(self._stored["backup_dir"]))
        self.daily_spin.setValue(int(self._stored["backups_daily"]))
        self.monthly_spin.setValue(int(self._stored["backups_monthly"]))

    def values(self) -> dict[str, object]:
        """What the form says now, in the registry's types."""
        shifts = []
        for row in range(self.shifts_table.rowCount()):
            name = self.shifts_table.item(row, 0)
            shifts.append(
                {
                    "name": name.text().strip() if name else "",
                    "start": self.shifts_table.cellWidget(row, 1).time().toString("HH:mm"),
                    "end": self.shifts_table.cellWidget(row, 2).time().toString("HH:mm"),
                }
            )
        return {
            "centre_name": self.centre_edit.text().strip(),
            "case_prefix": self.prefix_edit.text().strip().upper(),
            "default_province": self.province_combo.currentData(),
            "shifts": shifts,
            "holidays": self.holidays.iso_days(),
            "working_saturdays": self.saturdays.iso_days(),
            "idle_minutes": self.idle_spin.value(),
            "backup_dir": self.backup_dir_edit.text().strip(),
            "backups_daily": self.daily_spin.value(),
            "backups_monthly": self.monthly_spin.value(),
        }

    def changed_keys(self) -> list[str]:
        return [key for key, value in self.values().items() if value != self._stored.get(key)]

    def save(self) -> None:
        changed = self.changed_keys()
        if not changed:
            self.status.setText(self.tr("Nothing to save: the settings are as stored."))
            return
        values = self.values()
        saved = []
        for key in changed:
            try:
                centre_settings.save(self.db, key, values[key], by=self.admin.id)
            except StoreError as exc:
                # what was typed stays in the form; what could be saved is saved
                self.status.setText(self.tr("Not saved: %1").replace("%1", str(exc)))
                if saved:
                    self._stored.update({k: values[k] for k in saved})
                    self.settings_saved.emit()
                return
            saved.append(key)
        self._stored.update({k: values[k] for k in saved})
        self.status.setText(self.tr("Settings saved. Screens opened from now on use them."))
        self.settings_saved.emit()

    # --- shifts, holidays, folder ---

    def _add_shift(self, name: str, start: str, end: str) -> None:
        row = self.shifts_table.rowCount()
        self.shifts_table.insertRow(row)
        self.shifts_table.setItem(row, 0, QTableWidgetItem(name))
        for column, text in ((1, start), (2, end)):
            edit = QTimeEdit(QTime.fromString(text, "HH:mm"), self.shifts_table)
            edit.setDisplayFormat("HH:mm")
            edit.setAccessibleName(self.tr("Start of the shift") if column == 1 else self.tr("End of the shift"))
            self.shifts_table.setCellWidget(row, column, edit)
        if not name:
            self.shifts_table.setCurrentCell(row, 0)
            self.shifts_table.editItem(self.shifts_table.item(row, 0))

    def _remove_shift(self) -> None:
        row = self.shifts_table.currentRow()
        if row >= 0:
            self.shifts_table.removeRow(row)

    def add_holiday(self) -> None:
        self.holidays.add()

    def _holiday_refused(self, day: date) -> str:
        """Why ``day`` cannot be added to the holidays ("" when it can)."""
        if day in self.saturdays.days():
            return self.tr("%1 is a swapped working Saturday: remove it there first.")
        if day in self.holidays.days():
            return self.tr("%1 is already a holiday.")
        return ""

    def _saturday_refused(self, day: date) -> str:
        """Only a Saturday can be a swapped working day (làm bù); the settings refuse others too."""
        if day.weekday() != 5:
            return self.tr("%1 is not a Saturday: only a Saturday can be declared a swapped working day (làm bù).")
        if day in self.holidays.days():
            return self.tr("%1 is a public holiday: remove it there first.")
        if day in self.saturdays.days():
            return self.tr("%1 is already a swapped working Saturday.")
        return ""

    def _browse(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Backup folder"), self.backup_dir_edit.text())
        if folder:
            self.backup_dir_edit.setText(folder)


class DayList(QWidget):
    """A sorted list of days with a date picker, Add and Remove (public holidays, swapped working Saturdays)."""

    status = Signal(str)

    def __init__(self, parent: QWidget, name: str, title: str, accessible: str, add: str, remove: str, refused):
        super().__init__(parent)
        self._refused = refused  # day -> "" or a message with %1 for the day
        self.list = QListWidget(self, objectName=f"{name}sList")
        self.list.setAccessibleName(title)
        self.list.setMinimumHeight(110)
        self.date = QDateEdit(self, objectName=f"{name}DateEdit")
        self.date.setAccessibleName(accessible)
        self.date.setDisplayFormat(_DATE_FORMAT)
        self.date.setCalendarPopup(True)
        self.date.setDate(QDate.currentDate())
        capital = name[:1].upper() + name[1:]
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(title, self))
        layout.addWidget(self.list)
        layout.addWidget(self.date)
        layout.addLayout(
            button_row(
                button(self, add, f"add{capital}Button", self.add),
                button(self, remove, f"remove{capital}Button", self.remove),
            )
        )

    def days(self) -> list[date]:
        return [date.fromisoformat(day) for day in self.iso_days()]

    def iso_days(self) -> list[str]:
        return sorted(self.list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.list.count()))

    def set_days(self, days) -> None:
        self.list.clear()
        for day in sorted(set(days)):
            item = QListWidgetItem(day.strftime("%d/%m/%Y"))
            item.setData(Qt.ItemDataRole.UserRole, day.isoformat())
            self.list.addItem(item)

    def add(self) -> None:
        day = self.date.date().toPython()
        shown = day.strftime("%d/%m/%Y")
        refusal = self._refused(day)
        if refusal:
            self.status.emit(refusal.replace("%1", shown))
            return
        self.set_days([*self.days(), day])
        self.status.emit(self.tr("%1 added. Save the settings to keep it.").replace("%1", shown))

    def remove(self) -> None:
        row = self.list.currentRow()
        if row >= 0:
            self.list.takeItem(row)
