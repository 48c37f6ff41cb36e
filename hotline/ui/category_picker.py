"""Two-level category picker, filtered as you type without accents (`xam hai` finds "Xâm hại tình dục").

A category the administrator retired is not offered; a call already saved with it (opened for editing) keeps
it ticked and shown, marked as no longer in use, until it is unticked.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import QLabel, QLineEdit, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from hotline.core.taxonomy import Taxonomy

_CODE_ROLE = Qt.ItemDataRole.UserRole


class CategoryPicker(QWidget):
    """A filter box above a checkable tree. Down moves from the box into the tree; Space or Enter ticks."""

    changed = Signal()

    def __init__(self, taxonomy: Taxonomy, lang: str, parent: QWidget | None = None):
        super().__init__(parent)
        self._taxonomy = taxonomy
        self._lang = lang
        self.filter_edit = QLineEdit(objectName="categoryFilterEdit")
        self.filter_edit.setPlaceholderText(self.tr("Type to filter, accents not needed (e.g. xam hai)…"))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.setAccessibleName(self.tr("Filter categories"))
        self.tree = QTreeWidget(objectName="categoryPicker")
        self.tree.setHeaderHidden(True)
        self.tree.setAccessibleName(self.tr("Categories"))
        self.tree.setUniformRowHeights(True)
        self.chosen_label = QLabel(objectName="chosenCategoriesLabel")
        self.chosen_label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.filter_edit)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.chosen_label)
        self._items: dict[str, QTreeWidgetItem] = {}
        self._build()
        self.filter_edit.textChanged.connect(self._apply_filter)
        self.filter_edit.returnPressed.connect(self._tick_first_visible)
        self.tree.itemChanged.connect(self._on_item_changed)
        self.filter_edit.installEventFilter(self)
        self.tree.installEventFilter(self)
        self._update_chosen()

    def _build(self) -> None:
        self.tree.blockSignals(True)
        for group in self._taxonomy.groups:
            parent = QTreeWidgetItem([group.label(self._lang)])
            parent.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.tree.addTopLevelItem(parent)
            for category in group.categories:
                label = category.label(self._lang)
                if not category.active:
                    label = self.tr("%1 (no longer in use)").replace("%1", label)
                item = QTreeWidgetItem([label])
                item.setData(0, _CODE_ROLE, category.code)
                item.setFlags(
                    Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsUserCheckable
                )
                item.setCheckState(0, Qt.CheckState.Unchecked)
                item.setToolTip(0, category.code)
                parent.addChild(item)
                self._items[category.code] = item
        self.tree.expandAll()
        self.tree.blockSignals(False)
        self._apply_filter("")  # hides the retired categories

    # --- selection -----------------------------------------------------------------------------------------

    def codes(self) -> list[str]:
        return [code for code, item in self._items.items() if item.checkState(0) == Qt.CheckState.Checked]

    def set_codes(self, codes) -> None:
        wanted = set(codes)
        self.tree.blockSignals(True)
        for code, item in self._items.items():
            item.setCheckState(0, Qt.CheckState.Checked if code in wanted else Qt.CheckState.Unchecked)
        self.tree.blockSignals(False)
        self._apply_filter(self.filter_edit.text())  # a retired category shows while it is ticked
        self._update_chosen()
        self.changed.emit()

    def clear(self) -> None:
        self.filter_edit.clear()
        self.set_codes([])

    def _on_item_changed(self, item: QTreeWidgetItem, _column: int) -> None:
        if item.data(0, _CODE_ROLE):
            self._update_chosen()
            self.changed.emit()

    def _update_chosen(self) -> None:
        labels = [self._taxonomy.label(code, self._lang) for code in self.codes()]
        self.chosen_label.setText(
            self.tr("Chosen: %s") % "; ".join(labels) if labels else self.tr("No category chosen")
        )

    # --- filtering and keyboard ----------------------------------------------------------------------------

    def _apply_filter(self, text: str) -> None:
        # filter() offers active categories only; a retired one stays in sight while it is ticked
        ranked = [c.code for c in self._taxonomy.filter(text, self._lang)]
        visible = set(ranked) | {code for code, item in self._items.items() if self._retired_and_ticked(code, item)}
        for index in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(index)
            shown = 0
            for child_index in range(group.childCount()):
                child = group.child(child_index)
                hide = child.data(0, _CODE_ROLE) not in visible
                child.setHidden(hide)
                shown += not hide
            group.setHidden(shown == 0)
        if not text.strip():
            return  # an emptied box (after a tick) leaves the highlight on the category just ticked
        # the best match (not the first in tree order) is the one Enter ticks
        best = next((self._items[code] for code in ranked if code in self._items), None)
        if best is not None:
            self.tree.setCurrentItem(best)

    def _retired_and_ticked(self, code: str, item: QTreeWidgetItem) -> bool:
        category = self._taxonomy.get(code)
        return category is not None and not category.active and item.checkState(0) == Qt.CheckState.Checked

    def _first_visible(self) -> QTreeWidgetItem | None:
        for code, item in self._items.items():
            if not item.isHidden() and not item.parent().isHidden() and code:
                return item
        return None

    def _tick_first_visible(self) -> None:
        """Enter in the filter box ticks the highlighted match and clears the box for the next one."""
        item = self.tree.currentItem()
        if item is None or item.isHidden() or not item.data(0, _CODE_ROLE):
            item = self._first_visible()
        if item is None:
            return
        item.setCheckState(0, Qt.CheckState.Checked)
        self.filter_edit.clear()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress:
            key = event.key()
            if watched is self.filter_edit and key in (Qt.Key.Key_Down, Qt.Key.Key_Up):
                self.tree.setFocus()
                if self.tree.currentItem() is None:
                    first = self._first_visible()
                    if first:
                        self.tree.setCurrentItem(first)
                return True
            if watched is self.tree and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
                item = self.tree.currentItem()
                if item is not None and item.data(0, _CODE_ROLE):
                    checked = item.checkState(0) == Qt.CheckState.Checked
                    item.setCheckState(0, Qt.CheckState.Unchecked if checked else Qt.CheckState.Checked)
                    return True
        return super().eventFilter(watched, event)
