"""Pieces shared by the administration pages: a table of rows, a row of buttons, messages."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)


def make_table(
    parent: QWidget, name: str, accessible: str, headers: Sequence[str], *, stretch: int = 1
) -> QTableWidget:
    """A read-only table selected by whole rows, one row at a time (the admin lists are short); the column
    ``stretch`` takes the spare width, the others fit their contents."""
    table = QTableWidget(0, len(headers), parent)
    table.setObjectName(name)
    table.setAccessibleName(accessible)
    table.setHorizontalHeaderLabels(list(headers))
    table.verticalHeader().hide()
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setTabKeyNavigation(False)  # Tab leaves the table, the arrows move in it
    table.setAlternatingRowColors(True)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return table


def fill_row(
    table: QTableWidget, row: int, cells: Sequence[str], key: object, *, dimmed: bool = False, numbers=()
) -> None:
    """Put ``cells`` on ``row``; the row's key (a user id, a code) is kept under Qt.UserRole of the first cell.
    The columns in ``numbers`` are aligned right."""
    for column, text in enumerate(cells):
        item = QTableWidgetItem(text)
        if column in numbers:
            item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if column == 0:
            item.setData(Qt.ItemDataRole.UserRole, key)
        if dimmed:
            item.setForeground(table.palette().placeholderText())
        table.setItem(row, column, item)


def selected_key(table: QTableWidget) -> object | None:
    row = table.currentRow()
    if row < 0 or table.item(row, 0) is None:
        return None
    return table.item(row, 0).data(Qt.ItemDataRole.UserRole)


def select_key(table: QTableWidget, key: object) -> None:
    for row in range(table.rowCount()):
        item = table.item(row, 0)
        if item is not None and item.data(Qt.ItemDataRole.UserRole) == key:
            table.setCurrentCell(row, 0)
            return


def button(parent: QWidget, text: str, name: str, slot) -> QPushButton:
    widget = QPushButton(text, parent)
    widget.setObjectName(name)
    widget.setAutoDefault(False)
    widget.clicked.connect(slot)
    return widget


def button_row(*buttons: QPushButton) -> QHBoxLayout:
    row = QHBoxLayout()
    for item in buttons:
        row.addWidget(item)
    row.addStretch(1)
    return row


def status_label(parent: QWidget, name: str) -> QLabel:
    label = QLabel(parent)
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def show_refusal(parent: QWidget, message: str) -> None:
    QMessageBox.warning(parent, QCoreApplication.translate("AdminScreen", "Not done"), message)


def confirm(parent: QWidget, title: str, question: str) -> bool:
    answer = QMessageBox.question(
        parent,
        title,
        question,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes
