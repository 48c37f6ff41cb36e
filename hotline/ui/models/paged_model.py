"""A table model that holds only the pages of rows fetched so far: the view asks for more as it scrolls."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QAbstractTableModel, QModelIndex


class PagedModel(QAbstractTableModel):
    """Rows read ``PAGE`` at a time through ``fetch(offset, limit)``, given by the screen with the total; the
    model never queries the store itself. Subclasses give PAGE, columnCount and data."""

    PAGE = 500

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list = []
        self._total = 0
        self._fetch: Callable[[int, int], list] = lambda offset, limit: []

    def reset(self, total: int, fetch: Callable[[int, int], list]) -> None:
        """New rows (another period, filter or search): the first page now, the rest as the view scrolls."""
        self.beginResetModel()
        self._total, self._fetch = total, fetch
        self._rows = fetch(0, self.PAGE) if total else []
        self.endResetModel()

    def total(self) -> int:
        return self._total

    def row(self, index: int):
        return self._rows[index]

    def canFetchMore(self, parent=QModelIndex()) -> bool:  # noqa: B008 (Qt's signature)
        return not parent.isValid() and len(self._rows) < self._total

    def fetchMore(self, parent=QModelIndex()) -> None:  # noqa: B008
        if parent.isValid():
            return
        more = self._fetch(len(self._rows), self.PAGE)
        if not more:  # fewer rows than counted (deleted meanwhile, or the count was stale): stop asking
            self._total = len(self._rows)
            return
        self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(more) - 1)
        self._rows.extend(more)
        self.endInsertRows()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)
