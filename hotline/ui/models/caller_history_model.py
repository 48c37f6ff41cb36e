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
from PySide6.QtGui import QBrush, QColor, QFont

from hotline.core.models import ONE_KEY_OUTCOMES, CallerHistoryItem
from hotline.core.taxonomy import Taxonomy
from hotline.core.timeutil import format_local
from hotline.ui import labels

SORT_ROLE = Qt.ItemDataRole.UserRole
ROW_ROLE = Qt.ItemDataRole.UserRole + 1
READABLE_ROLE = Qt.ItemDataRole.UserRole + 2  # True when the viewer may open the call (and read its summary)
#: headerData under this role: the widest texts a column can show that the rows may not hold (log_columns)
SAMPLE_ROLE = Qt.ItemDataRole.UserRole + 3
#: What the summary column says when it shows no summary, in grey: two different reasons, never a bare blank or
#: dash (DESIGN §6: the history itself carries no notes; a summary shows only to whoever may open the call).
NO_CONTENT = QT_TRANSLATE_NOOP("CallerHistoryModel", "(no content)")
NOT_SHOWN = QT_TRANSLATE_NOOP("CallerHistoryModel", "(not shown to you)")
_PLACEHOLDER_COLOUR = "#6b6b6b"
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
    shows its categories where a one-key call shows its outcome, and the case column says "flagged" itself. Where
    no summary shows, grey words say why: none was written, or the viewer may not open the call."""

    COL_WHEN, COL_LINE, COL_OUTCOME, COL_CASE, COL_SUMMARY = range(5)
    COL_CATEGORIES = COL_OUTCOME
    _HEADERS = (
        QT_TRANSLATE_NOOP("CallerHistoryModel", "When"),
        QT_TRANSLATE_NOOP("CallerHistoryModel", "Line"),
        # the daily log's words for the same columns, short enough to stay whole in half of a 1366-pixel screen
        QT_TRANSLATE_NOOP("CallerHistoryModel", "Content"),
        QT_TRANSLATE_NOOP("CallerHistoryModel", "Case"),
        QT_TRANSLATE_NOOP("CallerHistoryModel", "Summary"),
    )
    _HEADER_TIPS = (
        "",
        "",
        QT_TRANSLATE_NOOP("CallerHistoryModel", "The categories of a call with content; the outcome of any other "
                          "call (silent, hang-up…)"),
        QT_TRANSLATE_NOOP("CallerHistoryModel", "The case file numbers opened from the call, or whether one is "
                          "still needed"),
        QT_TRANSLATE_NOOP("CallerHistoryModel", "What the caller reported: the start of the call's summary "
                          "(the whole text in the row's tooltip and under the table).\n“(no content)”: nothing was "
                          "written down — a one-key call (silent, hang-up…) or a call saved without a summary.\n"
                          "“(not shown to you)”: you may not open this call — an operator opens their own calls, a "
                          "shift lead every call."),
    )  # fmt: skip

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
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("CallerHistoryModel", self._HEADERS[section])
        if role == Qt.ItemDataRole.ToolTipRole:
            tip = self._HEADER_TIPS[section] or self._HEADERS[section]
            return QCoreApplication.translate("CallerHistoryModel", tip)
        if role == SAMPLE_ROLE:
            return self._samples(section)
        return None

    def _samples(self, section: int) -> list[str]:
        """Texts a column shows whole whatever the rows hold: a time, a case number and one more, the one-key
        outcomes."""
        if section == self.COL_WHEN:
            return ["00/00/0000 00:00"]
        if section == self.COL_CASE:
            return ["AG-0000-00000", QCoreApplication.translate("CallerHistoryModel", "flagged, none yet")]
        if section == self.COL_OUTCOME:
            return [labels.label(labels.OUTCOMES, code) for code in ONE_KEY_OUTCOMES]
        return []

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
                # siblings have a file each: the first whole, and how many more (all of them in the tooltip)
                more = len(item.case_numbers) - 1
                return (item.case_numbers[0] + (f" +{more}" if more > 0 else "")) if item.case_numbers else ""
        if role == Qt.ItemDataRole.ToolTipRole and column == self.COL_OUTCOME:
            outcome = labels.label(labels.OUTCOMES, item.outcome)
            return "\n".join([outcome, *(self._taxonomy.label(code, self._lang) for code in item.categories)])
        if role == Qt.ItemDataRole.ToolTipRole and column == self.COL_CASE and item.case_numbers:
            return "\n".join(item.case_numbers)
        return None

    def _what(self, item: CallerHistoryItem) -> str:
        """The categories of a call with content, else its outcome (silent, hang-up…)."""
        if item.categories:
            return "; ".join(self._taxonomy.label(code, self._lang) for code in item.categories)
        return labels.label(labels.OUTCOMES, item.outcome)

    def _summary_data(self, item: CallerHistoryItem, role: int):
        summary = self._summaries.get(item.call_id)
        if summary is None and item.outcome in ONE_KEY_OUTCOMES:
            summary = ""  # a one-key call holds no content whoever took it: saying so reveals nothing
        placeholder = NOT_SHOWN if summary is None else NO_CONTENT if not summary.strip() else None
        if role in (Qt.ItemDataRole.DisplayRole, SORT_ROLE):
            if placeholder:
                return QCoreApplication.translate("CallerHistoryModel", placeholder)
            return summary_start(summary or "")
        if role == Qt.ItemDataRole.ToolTipRole:
            if summary is None:
                return QCoreApplication.translate(
                    "CallerHistoryModel", "You may not open this call, so what was reported is not shown."
                )
            # a readable call's tooltip is its summary alone (the screen shows it under the table); an empty
            # one has none: the grey words and the column's tooltip say why
            return summary or None
        if role == Qt.ItemDataRole.ForegroundRole and placeholder:
            return QBrush(QColor(_PLACEHOLDER_COLOUR))
        if role == Qt.ItemDataRole.FontRole and placeholder:
            font = QFont()
            font.setItalic(True)
            return font
        return None
