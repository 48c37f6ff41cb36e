"""The daily log's table: rows fetched a page at a time as the view scrolls, never the whole table."""

from __future__ import annotations

from collections.abc import Callable
from html import escape

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont

from hotline.core.daily_log import LogRow
from hotline.core.models import SUBSTANTIVE
from hotline.core.taxonomy import Taxonomy
from hotline.core.timeutil import local
from hotline.ui import labels
from hotline.ui.models.paged_model import PagedModel

PAGE = 500
ROW_ROLE = Qt.ItemDataRole.UserRole + 1
#: The summary column's text as (text, matched) parts: the delegate draws the matched words in bold.
MATCH_ROLE = Qt.ItemDataRole.UserRole + 2
#: Texts that size a column whatever the rows hold (the widest label of a fixed list of words).
SAMPLE_ROLE = Qt.ItemDataRole.UserRole + 3

TIME, LINE, PHONE, OPERATOR, CONTENT, DURATION, CHILD, COMMUNE, RISK, CASE, REVIEWED, SUMMARY = range(12)

#: (sort key of the store or None, header, header tooltip) per column, in order.
COLUMNS = (
    ("started_at", QT_TRANSLATE_NOOP("DailyLogModel", "Time"), ""),
    ("line", QT_TRANSLATE_NOOP("DailyLogModel", "Line"), ""),
    (None, QT_TRANSLATE_NOOP("DailyLogModel", "Phone"), QT_TRANSLATE_NOOP("DailyLogModel", "The caller's number")),
    ("operator", QT_TRANSLATE_NOOP("DailyLogModel", "Operator"), ""),
    ("outcome", QT_TRANSLATE_NOOP("DailyLogModel", "Content"),
     QT_TRANSLATE_NOOP("DailyLogModel", "The categories of a call with content; the outcome of any other call")),
    ("duration_s", QT_TRANSLATE_NOOP("DailyLogModel", "Duration"), ""),
    (None, QT_TRANSLATE_NOOP("DailyLogModel", "Child"), QT_TRANSLATE_NOOP("DailyLogModel", "The first child")),
    (None, QT_TRANSLATE_NOOP("DailyLogModel", "Commune"),
     QT_TRANSLATE_NOOP("DailyLogModel", "The first child's commune")),
    ("risk", QT_TRANSLATE_NOOP("DailyLogModel", "Risk"), ""),
    ("flagged", QT_TRANSLATE_NOOP("DailyLogModel", "Case file"),
     QT_TRANSLATE_NOOP("DailyLogModel", "The case numbers, or whether a case file is needed")),
    # the tick the rows show heads the column: the word "Reviewed" would take the width of three ticks
    ("reviewed", "✓", QT_TRANSLATE_NOOP("DailyLogModel", "Reviewed by a shift lead")),
    (None, QT_TRANSLATE_NOOP("DailyLogModel", "Summary"),
     QT_TRANSLATE_NOOP("DailyLogModel", "The summary; while searching, the words that matched, in bold")),
)  # fmt: skip
#: Which text of a call a search matched, said before its snippet (the summary needs no word).
MATCH_FIELDS = {
    "caller_name": QT_TRANSLATE_NOOP("DailyLogModel", "Caller"),
    "action_taken": QT_TRANSLATE_NOOP("DailyLogModel", "Action"),
    "child_name": QT_TRANSLATE_NOOP("DailyLogModel", "Child"),
    "address": QT_TRANSLATE_NOOP("DailyLogModel", "Address"),
    "carer": QT_TRANSLATE_NOOP("DailyLogModel", "Carer"),
    "ward": QT_TRANSLATE_NOOP("DailyLogModel", "Commune"),
}
FLAG_WORDS = {
    "cleared": QT_TRANSLATE_NOOP("DailyLogModel", "flag cleared"),
    "needed": QT_TRANSLATE_NOOP("DailyLogModel", "needed"),
    "opened": QT_TRANSLATE_NOOP("DailyLogModel", "opened"),
}
#: At most this much of a summary goes in its cell (the rest is in the tooltip).
SUMMARY_CHARS = 300
_ONE_KEY_GREY = QColor("#666666")


def _tr(text: str) -> str:
    return QCoreApplication.translate("DailyLogModel", text)


def _age_text(age: str) -> str:
    """An exact age, a band as its bare numbers ("6–10", "18+"), "?" when not known: the cell stays narrow,
    its tooltip says it in words."""
    if age.isdigit() or age[:1].isdigit():
        return age.replace("-", "–")
    return "?"


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
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return _tr(COLUMNS[section][1])
        if role == Qt.ItemDataRole.ToolTipRole:
            return _tr(COLUMNS[section][2] or COLUMNS[section][1])
        if role == SAMPLE_ROLE:
            return self._samples(section)
        return None

    def _samples(self, column: int) -> list[str]:
        """The widest texts a column can show that do not come from the rows loaded so far."""
        if column == TIME:
            return ["00/00 00:00"]
        if column == DURATION:
            return ["000:00"]
        if column == PHONE:
            return ["0000 000 0000"]
        if column == CONTENT:  # one-key outcomes never elide; the categories of a call with content may
            return [labels.label(labels.OUTCOMES, code) for code in labels.OUTCOMES if code != SUBSTANTIVE]
        if column == RISK:
            return [labels.label(labels.RISKS, code) for code in labels.RISKS]
        if column == CASE:
            return [_tr(word) for word in FLAG_WORDS.values()]
        if column == REVIEWED:
            return ["✓"]
        return []

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
            return self.text(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, column)
        if role == MATCH_ROLE and column == SUMMARY:
            return self._summary_parts(row)
        if role == Qt.ItemDataRole.FontRole and column == PHONE and row.phone_matched:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and column == CONTENT and row.outcome != SUBSTANTIVE:
            return QBrush(_ONE_KEY_GREY)  # the calls with content stand out
        if role == Qt.ItemDataRole.BackgroundRole and column == CASE and not row.case_numbers:
            if row.flag_cleared:
                return QBrush(QColor("#fff4ce"))
            if row.flagged:
                return QBrush(QColor("#f8c9c5"))
        return None

    def cell_text(self, row_number: int, column: int) -> str:
        """What a cell shows, without building a model index (the column widths read a page of these)."""
        return self.text(self._rows[row_number], column)

    def text(self, row: LogRow, column: int) -> str:
        if column == TIME:
            return local(row.started_at).strftime("%d/%m %H:%M")  # the year is in the filter above
        if column == LINE:
            return row.line
        if column == PHONE:
            return row.phone_raw
        if column == OPERATOR:
            return row.operator_name
        if column == CONTENT:
            if row.outcome == SUBSTANTIVE and row.categories:
                return "; ".join(self._taxonomy.label(code, self._lang) for code in row.categories)
            return labels.label(labels.OUTCOMES, row.outcome)
        if column == DURATION:
            return f"{row.duration_s // 60:02d}:{row.duration_s % 60:02d}"
        if column == CHILD:
            if not row.child_sex and not row.child_age:
                return ""
            sex = "?" if row.child_sex in ("", "unknown") else labels.label(labels.SEXES, row.child_sex)
            return f"{sex}, {_age_text(row.child_age)}"
        if column == COMMUNE:
            return row.commune
        if column == RISK:
            return labels.label(labels.RISKS, row.risk) if row.outcome == SUBSTANTIVE else ""
        if column == CASE:
            if row.case_numbers:  # siblings have a file each: the first, and how many more (all in the tooltip)
                more = len(row.case_numbers) - 1
                return row.case_numbers[0] + (f" +{more}" if more else "")
            if row.flag_cleared:
                return _tr(FLAG_WORDS["cleared"])
            return _tr(FLAG_WORDS["needed"]) if row.flagged else ""
        if column == REVIEWED:
            return "✓" if row.reviewed else ""
        if column == SUMMARY:
            return "".join(text for text, _ in self._summary_parts(row))
        return ""

    def _summary_parts(self, row: LogRow) -> list[tuple[str, bool]]:
        """The summary on one line; while searching, the snippets of the texts that matched, matches marked."""
        if not row.matches:
            return [(" ".join(row.summary.split())[:SUMMARY_CHARS], False)]
        parts: list[tuple[str, bool]] = []
        for snippet in row.matches:
            if parts:
                parts.append(("  ·  ", False))
            if snippet.field in MATCH_FIELDS:
                parts.append((_tr(MATCH_FIELDS[snippet.field]) + ": ", False))
            parts += list(snippet.parts)
        return parts

    def _tooltip(self, row: LogRow, column: int) -> str | None:
        if column == CONTENT:
            lines = [labels.label(labels.OUTCOMES, row.outcome)]
            lines += [self._taxonomy.label(code, self._lang) for code in row.categories]
            return "\n".join(lines)
        if column == CASE:
            flag = ""
            if row.flag_cleared:
                flag = _tr(FLAG_WORDS["cleared"])
            elif row.flagged:
                flag = _tr(FLAG_WORDS["opened"] if row.case_numbers else FLAG_WORDS["needed"])
            return "\n".join(x for x in (flag, *row.case_numbers) if x) or None
        if column == SUMMARY and (row.summary or row.matches):
            # rich text, so that a long summary wraps in the tooltip instead of running off the screen
            found = "".join(f"<b>{escape(t)}</b>" if bold else escape(t) for t, bold in self._summary_parts(row))
            body = escape(row.summary)
            return f"<p>{body}</p>" + (f"<p>{found}</p>" if row.matches else "")
        if column == CHILD and (row.child_sex or row.child_age):
            age = row.child_age if row.child_age.isdigit() else labels.label(labels.CHILD_AGE_BANDS, row.child_age)
            return f"{labels.label(labels.SEXES, row.child_sex or 'unknown')}, {age}"
        if column in (OPERATOR, CHILD, COMMUNE):
            return self.text(row, column) or None
        return None
