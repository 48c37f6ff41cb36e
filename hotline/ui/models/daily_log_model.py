"""The daily log's table: rows fetched a page at a time as the view scrolls, never the whole table."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from hotline.core.daily_log import LogRow
from hotline.core.taxonomy import Taxonomy
from hotline.core.timeutil import local
from hotline.ui import labels
from hotline.ui.models.paged_model import PagedModel

PAGE = 500
ROW_ROLE = Qt.ItemDataRole.UserRole + 1

#: (sort key of the store or None, header) per column, in order.
COLUMNS = (
    ("started_at", QT_TRANSLATE_NOOP("DailyLogModel", "Time")),
    ("line", QT_TRANSLATE_NOOP("DailyLogModel", "Line")),
    ("operator", QT_TRANSLATE_NOOP("DailyLogModel", "Operator")),
    ("outcome", QT_TRANSLATE_NOOP("DailyLogModel", "Outcome")),
    ("duration_s", QT_TRANSLATE_NOOP("DailyLogModel", "Duration")),
    (None, QT_TRANSLATE_NOOP("DailyLogModel", "Categories")),
    (None, QT_TRANSLATE_NOOP("DailyLogModel", "Child")),
    (None, QT_TRANSLATE_NOOP("DailyLogModel", "Commune")),
    ("risk", QT_TRANSLATE_NOOP("DailyLogModel", "Risk")),
    ("flagged", QT_TRANSLATE_NOOP("DailyLogModel", "Case file")),
    (None, QT_TRANSLATE_NOOP("DailyLogModel", "Case no.")),
    ("reviewed", QT_TRANSLATE_NOOP("DailyLogModel", "Reviewed")),
)


def _tr(text: str) -> str:
    return QCoreApplication.translate("DailyLogModel", text)


class DailyLogModel(PagedModel):
    """``fetch(offset, limit)`` and ``count()`` are given by the screen; the model only asks for pages."""

    PAGE = PAGE

    def __init__(self, taxonomy: Taxonomy, lang: str, parent=None):
        super().__init__(parent)
        self._taxonomy, self._lang = taxonomy, lang
        self.sort_requested: Callable[[str, bool], None] = lambda key, descending: None

    def row(self, index: int) -> LogRow:
        return self._rows[index]

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return _tr(COLUMNS[section][1])
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sorting is the store's (a month does not fit in memory): ask the screen to read again."""
        key = COLUMNS[column][0]
        if key is not None:
            self.sort_requested(key, order == Qt.SortOrder.DescendingOrder)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, column)
        if role == Qt.ItemDataRole.ToolTipRole and column == 5:
            return "\n".join(self._taxonomy.label(code, self._lang) for code in row.categories)
        if role == Qt.ItemDataRole.BackgroundRole and column == 9:
            if row.flag_cleared:
                return QBrush(QColor("#fff4ce"))
            if row.flagged and not row.case_numbers:
                return QBrush(QColor("#f8c9c5"))
        return None

    def _text(self, row: LogRow, column: int) -> str:
        if column == 0:
            return local(row.started_at).strftime("%d/%m %H:%M")  # the year is in the filter above
        if column == 1:
            return row.line
        if column == 2:
            return row.operator_name
        if column == 3:
            return labels.label(labels.OUTCOMES, row.outcome)
        if column == 4:
            return f"{row.duration_s // 60:02d}:{row.duration_s % 60:02d}"
        if column == 5:
            return "; ".join(self._taxonomy.label(code, self._lang) for code in row.categories)
        if column == 6:
            if not row.child_sex and not row.child_age:
                return ""
            age = row.child_age if row.child_age.isdigit() else labels.label(labels.CHILD_AGE_BANDS, row.child_age)
            return f"{labels.label(labels.SEXES, row.child_sex)}, {age}"
        if column == 7:
            return row.commune
        if column == 8:
            return labels.label(labels.RISKS, row.risk) if row.outcome == "substantive" else ""
        if column == 9:
            if row.flag_cleared:
                return QCoreApplication.translate("DailyLogModel", "cleared by operator")
            if row.flagged:
                return (
                    QCoreApplication.translate("DailyLogModel", "needed")
                    if not row.case_numbers
                    else QCoreApplication.translate("DailyLogModel", "opened")
                )
            return ""
        if column == 10:
            return " ".join(row.case_numbers)
        if column == 11:
            return "✓" if row.reviewed else ""
        return ""
