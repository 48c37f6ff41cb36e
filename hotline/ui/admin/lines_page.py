"""The lines the centre answers: add, rename, reorder, deactivate (a line with calls is never deleted)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from hotline.core.models import User
from hotline.store import lines
from hotline.store.db import StoreError
from hotline.ui.admin.common import (
    button,
    button_row,
    fill_row,
    make_table,
    select_key,
    selected_key,
    show_refusal,
    status_label,
)


class LineDialog(QDialog):
    """A new line (its code, then its name) or a new name for a line."""

    def __init__(self, db, admin: User, line: lines.Line | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.db, self.admin, self.line = db, admin, line
        self.saved_code: str | None = None
        self.setObjectName("lineDialog")
        self.setWindowTitle(self.tr("Add a line") if line is None else self.tr("Rename a line"))
        self.code_edit = QLineEdit(line.code if line else "", self)
        self.code_edit.setObjectName("lineCodeEdit")
        self.code_edit.setAccessibleName(self.tr("Number of the line"))
        self.code_edit.setReadOnly(line is not None)  # calls keep pointing at the code
        self.name_edit = QLineEdit(line.name if line else "", self)
        self.name_edit.setObjectName("lineNameEdit")
        self.name_edit.setAccessibleName(self.tr("Name of the line"))
        self.name_edit.setMinimumWidth(360)
        form = QFormLayout()
        form.addRow(self.tr("&Number:"), self.code_edit)
        form.addRow(self.tr("&Name:"), self.name_edit)
        self.error_label = status_label(self, "lineDialogError")
        self.error_label.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setObjectName("lineDialogOk")
        buttons.accepted.connect(self._save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)
        (self.name_edit if line else self.code_edit).setFocus()

    def _save(self) -> None:
        try:
            if self.line is None:
                lines.add_line(self.db, self.code_edit.text().strip(), self.name_edit.text(), by=self.admin.id)
            else:
                lines.rename_line(self.db, self.line.code, self.name_edit.text(), by=self.admin.id)
        except StoreError as exc:
            self.error_label.setText(str(exc))
            self.error_label.show()
            return
        self.saved_code = self.line.code if self.line else self.code_edit.text().strip()
        self.accept()


class LinesPage(QWidget):
    """The list of lines in the order the call form offers them."""

    def __init__(self, db, admin: User, parent: QWidget | None = None):
        super().__init__(parent)
        self.db, self.admin = db, admin
        self.setObjectName("linesPage")
        self.lines: list[lines.Line] = []
        self.table = make_table(
            self, "linesTable", self.tr("Lines"), [self.tr("Number"), self.tr("Name"), self.tr("Status")]
        )
        self.table.currentCellChanged.connect(lambda *_: self._update_buttons())
        self.table.cellDoubleClicked.connect(lambda *_: self.rename_line())
        self.add_button = button(self, self.tr("&Add line…"), "addLineButton", self.add_line)
        self.rename_button = button(self, self.tr("Re&name…"), "renameLineButton", self.rename_line)
        self.up_button = button(self, self.tr("Move &up"), "lineUpButton", lambda: self.move(-1))
        self.down_button = button(self, self.tr("Move do&wn"), "lineDownButton", lambda: self.move(1))
        self.active_button = button(self, self.tr("&Deactivate"), "lineActiveButton", self.toggle_active)
        self.status = status_label(self, "linesStatus")
        note = QLabel(
            self.tr(
                "A deactivated line is no longer offered for new calls; its calls keep it. "
                "The first line is the one a new call starts on."
            ),
            self,
        )
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(
            button_row(self.add_button, self.rename_button, self.up_button, self.down_button, self.active_button)
        )
        layout.addWidget(self.table, 1)
        layout.addWidget(note)
        layout.addWidget(self.status)

    def reload(self) -> None:
        key = selected_key(self.table)
        try:
            self.lines = lines.list_lines(self.db)
        except StoreError as exc:
            self.status.setText(str(exc))
            return
        self.table.setRowCount(len(self.lines))
        for row, line in enumerate(self.lines):
            status = self.tr("Active") if line.active else self.tr("Deactivated")
            fill_row(self.table, row, [line.code, line.name, status], line.code, dimmed=not line.active)
        if key is not None:
            select_key(self.table, key)
        elif self.lines:
            self.table.setCurrentCell(0, 0)
        self._update_buttons()

    def current_line(self) -> lines.Line | None:
        key = selected_key(self.table)
        return next((line for line in self.lines if line.code == key), None)

    def _update_buttons(self) -> None:
        line = self.current_line()
        row = self.table.currentRow()
        self.rename_button.setEnabled(line is not None)
        self.active_button.setEnabled(line is not None)
        self.up_button.setEnabled(line is not None and row > 0)
        self.down_button.setEnabled(line is not None and row < len(self.lines) - 1)
        active = line is None or line.active
        self.active_button.setText(self.tr("&Deactivate") if active else self.tr("&Activate"))

    def add_line(self) -> None:
        dialog = LineDialog(self.db, self.admin, None, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.status.setText(self.tr("Line %1 added.").replace("%1", dialog.saved_code or ""))
            self.reload()
            select_key(self.table, dialog.saved_code)

    def rename_line(self) -> None:
        line = self.current_line()
        if line is not None and LineDialog(self.db, self.admin, line, self).exec() == QDialog.DialogCode.Accepted:
            self.status.setText(self.tr("Line %1 renamed.").replace("%1", line.code))
            self.reload()

    def move(self, offset: int) -> None:
        line = self.current_line()
        if line is None:
            return
        try:
            lines.move_line(self.db, line.code, offset, by=self.admin.id)
        except StoreError as exc:
            show_refusal(self, str(exc))
            return
        self.reload()
        self.table.setFocus()

    def toggle_active(self) -> None:
        line = self.current_line()
        if line is None:
            return
        try:
            lines.set_line_active(self.db, line.code, not line.active, by=self.admin.id)
        except StoreError as exc:
            show_refusal(self, str(exc))
            return
        text = self.tr("Line %1 deactivated.") if line.active else self.tr("Line %1 activated.")
        self.status.setText(text.replace("%1", line.code))
        self.reload()
