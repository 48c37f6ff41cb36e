"""Column widths of a table from what its cells hold (font metrics, not pixel constants), matched words in bold,
and a text box as tall as its text.

Used by the daily log, the caller history and the audit log: at 1366 px every column they show whole (times,
numbers, outcomes, risks) gets the width of its widest text, the texts that may be cut short (names, categories,
communes) share what is left with the last, stretching column, and nothing needs a horizontal scroll bar.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPalette, QTextLayout, QTextOption
from PySide6.QtWidgets import (
    QHeaderView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionHeader,
    QStyleOptionViewItem,
    QTableView,
    QTextEdit,
)


@dataclass(frozen=True)
class ColumnRule:
    """How a column whose width depends on its rows is sized (the others take the width of their header and of
    the model's samples). ``cap``: at most this many average characters of the rows' texts count (a longer text is
    cut short); ``elastic``: the column gives up width down to its header and samples when the table is too
    narrow."""

    cap: int | None = None
    elastic: bool = False
    bold: bool = False  # cells may be drawn in bold: measure them so


class ColumnFitter(QObject):
    """Sizes every column but the last from its header, the model's samples (``sample_role`` of headerData) and
    the rows loaded; the last column stretches over the rest, at least ``stretch_min`` pixels when it can be.

    A column the user drags keeps the width given to it.
    """

    def __init__(
        self,
        view: QTableView,
        rules: dict[int, ColumnRule],
        *,
        sample_role: int,
        stretch_min: int,
        text: Callable[[int, int], str] | None = None,
    ):
        """``text(row, column)``: a cell's text, quicker than the model's data() for a page of rows."""
        super().__init__(view)
        self.view, self.rules, self.sample_role, self.stretch_min = view, rules, sample_role, stretch_min
        self._text = text or (lambda row, column: view.model().data(view.model().index(row, column)) or "")
        self._content: dict[int, int] = {}  # widest text of each column among the rows loaded
        self._pinned: dict[int, int] = {}
        self._fitting = False
        header = view.horizontalHeader()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setTextElideMode(Qt.TextElideMode.ElideRight)
        header.sectionResized.connect(self._resized_by_user)
        header.sortIndicatorChanged.connect(lambda *_: self.fit())
        model = view.model()
        model.modelReset.connect(self._reset)
        model.rowsInserted.connect(lambda _parent, first, last: self._measure(first, last))
        self._viewport = view.viewport()
        self._viewport.installEventFilter(self)

    # --- measuring ---------------------------------------------------------------------------------------------

    def _cell_width(self, metrics: QFontMetrics, text: str) -> int:
        # QCommonStyle draws a cell's text inside the focus frame's margin plus one pixel on each side
        margin = self.view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, self.view) + 1
        return metrics.horizontalAdvance(text) + 2 * margin + 2

    def _metrics(self, column: int) -> QFontMetrics:
        font = QFont(self.view.font())
        font.setBold(self.rules.get(column, ColumnRule()).bold)
        return QFontMetrics(font)

    def header_width(self, column: int) -> int:
        """The header's text whole, in bold (a header of a selected row's columns is drawn bold), with room for
        the sort arrow in the sorted column."""
        header = self.view.horizontalHeader()
        option = QStyleOptionHeader()
        option.initFrom(header)
        font = QFont(header.font())
        font.setBold(True)
        option.fontMetrics = QFontMetrics(font)
        option.text = str(self.view.model().headerData(column, Qt.Orientation.Horizontal) or "")
        option.section = column
        sorted_here = header.isSortIndicatorShown() and header.sortIndicatorSection() == column
        option.sortIndicator = (QStyleOptionHeader.SortIndicator.SortDown if sorted_here
                                else QStyleOptionHeader.SortIndicator.None_)  # fmt: skip
        size = header.style().sizeFromContents(QStyle.ContentsType.CT_HeaderSection, option, QSize(), header)
        # the header draws its text inside PM_HeaderMargin on each side, and a few pixels of frame and rounding
        margin = header.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, option, header)
        return max(size.width(), option.fontMetrics.horizontalAdvance(option.text) + 2 * margin + 6)

    def _reset(self) -> None:
        self._content = {}
        self._measure(0, self.view.model().rowCount() - 1)

    def _measure(self, first: int, last: int) -> None:
        """Widen the record of each ruled column's widest text by rows ``first`` to ``last`` (each text once)."""
        for column, rule in self.rules.items():
            metrics = self._metrics(column)
            cap = None if rule.cap is None else rule.cap * metrics.averageCharWidth()
            texts = {self._text(row, column) for row in range(first, last + 1)}
            widest = max((self._cell_width(metrics, text) for text in texts if text), default=0)
            if cap is not None:
                widest = min(widest, int(cap))
            self._content[column] = max(self._content.get(column, 0), widest)
        self.fit()

    # --- sizing ------------------------------------------------------------------------------------------------

    def widths(self, available: int) -> list[int]:
        """The width of every column but the last for a viewport ``available`` pixels wide."""
        model = self.view.model()
        floors, wants = [], []
        least = self.view.horizontalHeader().minimumSectionSize()  # the header makes no section narrower
        for column in range(model.columnCount() - 1):
            if column in self._pinned:
                floors.append(self._pinned[column])
                wants.append(self._pinned[column])
                continue
            metrics = self._metrics(column)
            samples = model.headerData(column, Qt.Orientation.Horizontal, self.sample_role) or []
            floor = max([least, self.header_width(column)] + [self._cell_width(metrics, s) for s in samples])
            want = max(floor, self._content.get(column, 0))
            floors.append(floor if self.rules.get(column, ColumnRule()).elastic else want)
            wants.append(want)
        short = sum(wants) + self.stretch_min - available
        if short <= 0:
            return wants
        # the widest elastic columns give up width first, down to one level (never below their floor): a short
        # name stays whole while a long list of categories is cut
        level = max(wants, default=0)
        while level > 0 and sum(w - max(f, min(w, level)) for w, f in zip(wants, floors, strict=True)) < short:
            level -= 1
        return [max(floor, min(want, level)) for want, floor in zip(wants, floors, strict=True)]

    def fit(self) -> None:
        header = self.view.horizontalHeader()
        self._fitting = True
        try:
            for column, width in enumerate(self.widths(self.view.viewport().width())):
                if header.sectionSize(column) != width:
                    header.resizeSection(column, width)
        finally:
            self._fitting = False

    def _resized_by_user(self, column: int, _old: int, new: int) -> None:
        last = self.view.model().columnCount() - 1
        if not self._fitting and column != last:  # dragged or double-clicked by the user
            self._pinned[column] = new

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and watched is self._viewport:
            self.fit()
        return False


class MatchDelegate(QStyledItemDelegate):
    """Draws a cell from (text, matched) parts of ``role``: the matched words in bold, cut short at the right."""

    def __init__(self, role: int, parent: QObject | None = None):
        super().__init__(parent)
        self.role = role

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex):
        parts = index.data(self.role)
        if not parts or not any(matched for _, matched in parts):
            super().paint(painter, option, index)
            return
        item = QStyleOptionViewItem(option)
        self.initStyleOption(item, index)
        item.text = ""
        style = item.widget.style() if item.widget else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, item, painter, item.widget)
        margin = (style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, item.widget) + 1) if style else 3
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        active = bool(option.state & QStyle.StateFlag.State_Active)
        group = QPalette.ColorGroup.Normal if active else QPalette.ColorGroup.Inactive
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        painter.save()
        painter.setPen(option.palette.color(group, role))
        rect = option.rect.adjusted(margin, 0, -margin, 0)
        x, right = rect.left(), rect.right()
        for text, matched in parts:
            font = QFont(option.font)
            font.setBold(matched)
            metrics = QFontMetrics(font)
            width = metrics.horizontalAdvance(text)
            painter.setFont(font)
            if x + width > right:  # the rest does not fit: cut it short with an ellipsis
                shown = metrics.elidedText(text, Qt.TextElideMode.ElideRight, right - x)
                painter.drawText(QRect(x, rect.top(), right - x, rect.height()),
                                 Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, shown)  # fmt: skip
                break
            painter.drawText(QRect(x, rect.top(), width, rect.height()),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, text)  # fmt: skip
            x += width
        painter.restore()


class ElideLeftDelegate(QStyledItemDelegate):
    """Cuts a text short at its start ("…Thị Mai"), where the view cuts every other column at its end."""

    def initStyleOption(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> None:
        super().initStyleOption(option, index)
        option.textElideMode = Qt.TextElideMode.ElideLeft


class TextHeight(QObject):
    """Keeps a read-only text box exactly as tall as its text at its present width: a summary that wraps onto a
    fourth line in Vietnamese shows it instead of cutting it in half. Past ``max_lines`` lines it scrolls."""

    def __init__(self, edit: QTextEdit, *, max_lines: int):
        super().__init__(edit)
        self.edit, self.max_lines = edit, max_lines
        edit.document().documentLayout().documentSizeChanged.connect(lambda _size: self.fit())
        edit.installEventFilter(self)
        self.fit()

    def wanted_height(self) -> int:
        document = self.edit.document()
        margins = 2 * int(document.documentMargin()) + 2 * self.edit.frameWidth()
        line = self.edit.fontMetrics().lineSpacing()
        text = max(int(document.size().height() + 0.99) - 2 * int(document.documentMargin()), line)
        return min(text, line * self.max_lines) + margins

    def fit(self) -> None:
        height = self.wanted_height()
        if self.edit.height() != height or self.edit.minimumHeight() != height:
            self.edit.setFixedHeight(height)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and watched is self.edit:
            self.fit()
        return False


def wrapped(text: str, font: QFont, width: int, max_lines: int | None = None) -> str:
    """``text`` broken at word boundaries into lines at most ``width`` pixels wide, joined by newlines: a label that
    shows it needs no height-for-width from its layout (which a scroll area's layouts do not always give). Past
    ``max_lines``, the last line holds the rest cut short with "…"."""
    lines: list[str] = []
    starts: list[int] = []
    layout = QTextLayout(text, font)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WordWrap)
    layout.setTextOption(option)
    layout.beginLayout()
    while (line := layout.createLine()).isValid():
        line.setLineWidth(max(1, width))
        starts.append(line.textStart())
        lines.append(text[line.textStart() : line.textStart() + line.textLength()].rstrip())
    layout.endLayout()
    if max_lines is not None and len(lines) > max_lines:
        rest = text[starts[max_lines - 1] :].replace("\n", " ")
        lines = [*lines[: max_lines - 1], QFontMetrics(font).elidedText(rest, Qt.TextElideMode.ElideRight, width)]
    return "\n".join(lines)
