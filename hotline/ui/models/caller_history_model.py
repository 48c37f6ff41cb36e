"""Rows of a repeat caller's earlier calls: date, line, outcome, categories, flag, case number — no notes."""

from __future__ import annotations

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from hotline.core.models import CallerHistoryItem
from hotline.core.taxonomy import Taxonomy
from hotline.core.timeutil import format_local
from hotline.ui import labels

SORT_ROLE = Qt.ItemDataRole.UserRole
ROW_ROLE = Qt.ItemDataRole.UserRole + 1


class CallerHistoryModel(QAbstractTableModel):
    COL_WHEN, COL_LINE, COL_OUTCOME, COL_CATEGORIES, COL_FLAG, COL_CASE = range(6)
    _HEADERS = (
        QT_TRANSLATE_NOOP("CallerHistoryModel", "When"),
        QT_TRANSLATE_NOOP("CallerHistoryModel", "Line"),
        QT_TRANSLATE_NOOP("CallerHistoryModel", "Outcome"),
        QT_TRANSLATE_NOOP("CallerHistoryModel", "Categories"),
        QT_TRANSLATE_NOOP("CallerHistoryModel", "Flag"),
        QT_TRANSLATE_NOOP("CallerHistoryModel", "Case"),
    )

    def __init__(self, taxonomy: Taxonomy, lang: str, parent=None):
        super().__init__(parent)
        self._rows: list[CallerHistoryItem] = []
        self._taxonomy = taxonomy
        self._lang = lang

    def set_rows(self, rows) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008 (Qt signature)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return QCoreApplication.translate("CallerHistoryModel", self._HEADERS[section])
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        item = self._rows[index.row()]
        column = index.column()
        if role == ROW_ROLE:
            return item
        if role == SORT_ROLE:
            return (item.started_at.timestamp(), item.line, item.outcome, " ".join(item.categories), item.flagged,
                    " ".join(item.case_numbers))[column]  # fmt: skip
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.COL_WHEN:
                return format_local(item.started_at)
            if column == self.COL_LINE:
                return item.line
            if column == self.COL_OUTCOME:
                return labels.label(labels.OUTCOMES, item.outcome)
            if column == self.COL_CATEGORIES:
                return "; ".join(self._taxonomy.label(code, self._lang) for code in item.categories)
            if column == self.COL_FLAG:
                return QCoreApplication.translate("CallerHistoryModel", "flagged") if item.flagged else ""
            if column == self.COL_CASE:
                if not item.case_numbers and item.flagged:
                    return QCoreApplication.translate("CallerHistoryModel", "none yet")
                return " ".join(item.case_numbers)
        if role == Qt.ItemDataRole.ToolTipRole and column == self.COL_CATEGORIES:
            return "\n".join(self._taxonomy.label(code, self._lang) for code in item.categories)
        return None
