"""Rows of a repeat caller's earlier calls: date, line, outcome, categories, flag, case number, and what was reported
to whoever may read that call."""

from __future__ import annotations

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from hotline.core.models import CallerHistoryItem
from hotline.core.taxonomy import Taxonomy
from hotline.core.timeutil import format_local
from hotline.ui import labels

SORT_ROLE = Qt.ItemDataRole.UserRole
ROW_ROLE = Qt.ItemDataRole.UserRole + 1
READABLE_ROLE = Qt.ItemDataRole.UserRole + 2  # True when the viewer may open the call (and read its summary)
#: How much of a summary a row shows; the whole text is in the tooltip and in the call itself.
SUMMARY_CHARS = 140


def summary_start(text: str, limit: int = SUMMARY_CHARS) -> str:
    """The first words of a summary, on one line: "Bé kể bị cha dượng đánh…"."""
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    return (flat[:limit].rsplit(" ", 1)[0] or flat[:limit]) + "…"


class CallerHistoryModel(QAbstractTableModel):
    """Five columns, to fit half of a 1366-pixel screen with room left for what was reported: a call with content
    shows its categories where a one-key call shows its outcome, and the case column says "flagged" itself."""

    COL_WHEN, COL_LINE, COL_OUTCOME, COL_CASE, COL_SUMMARY = range(5)
    COL_CATEGORIES = COL_OUTCOME
    _HEADERS = (
        QT_TRANSLATE_NOOP("CallerHistoryModel", "When"),
        QT_TRANSLATE_NOOP("CallerHistoryModel", "Line"),
        QT_TRANSLATE_NOOP("CallerHistoryModel", "Outcome / categories"),
        QT_TRANSLATE_NOOP("CallerHistoryModel", "Case"),
        QT_TRANSLATE_NOOP("CallerHistoryModel", "What was reported"),
    )

    def __init__(self, taxonomy: Taxonomy, lang: str, parent=None):
        super().__init__(parent)
        self._rows: list[CallerHistoryItem] = []
        self._summaries: dict[int, str] = {}  # by call id: only the calls the viewer may open
        self._taxonomy = taxonomy
        self._lang = lang

    def set_rows(self, rows, summaries: dict[int, str] | None = None) -> None:
        """``summaries``: the summary of each call the viewer may open, by call id (store.my_calls)."""
        self.beginResetModel()
        self._rows = list(rows)
        self._summaries = dict(summaries or {})
        self.endResetModel()

    def is_readable(self, row: int) -> bool:
        return self._rows[row].call_id in self._summaries

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
        if role == READABLE_ROLE:
            return item.call_id in self._summaries
        if column == self.COL_SUMMARY:
            return self._summary_data(item, role)
        if role == SORT_ROLE:
            case = (item.flagged, " ".join(item.case_numbers))
            return (item.started_at.timestamp(), item.line, self._what(item), case)[column]
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.COL_WHEN:
                return format_local(item.started_at)
            if column == self.COL_LINE:
                return item.line
            if column == self.COL_OUTCOME:
                return self._what(item)
            if column == self.COL_CASE:
                if not item.case_numbers and item.flagged:
                    return QCoreApplication.translate("CallerHistoryModel", "flagged, none yet")
                return " ".join(item.case_numbers)
        if role == Qt.ItemDataRole.ToolTipRole and column == self.COL_OUTCOME:
            outcome = labels.label(labels.OUTCOMES, item.outcome)
            return "\n".join([outcome, *(self._taxonomy.label(code, self._lang) for code in item.categories)])
        return None

    def _what(self, item: CallerHistoryItem) -> str:
        """The categories of a call with content, else its outcome (silent, hang-up…)."""
        if item.categories:
            return "; ".join(self._taxonomy.label(code, self._lang) for code in item.categories)
        return labels.label(labels.OUTCOMES, item.outcome)

    def _summary_data(self, item: CallerHistoryItem, role: int):
        summary = self._summaries.get(item.call_id)
        if role in (Qt.ItemDataRole.DisplayRole, SORT_ROLE):
            return "—" if summary is None else summary_start(summary)
        if role == Qt.ItemDataRole.ToolTipRole:
            if summary is None:
                return QCoreApplication.translate(
                    "CallerHistoryModel", "You may not open this call, so what was reported is not shown."
                )
            return summary or None
        if role == Qt.ItemDataRole.ForegroundRole and summary is None:
            return QBrush(QColor("#777777"))
        return None
