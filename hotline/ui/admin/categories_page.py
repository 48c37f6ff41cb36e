"""The list of call categories: add, rename, reorder, deactivate; codes never change, used ones never go."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from hotline.core.models import User
from hotline.core.taxonomy import Category, CategoryGroup, Taxonomy
from hotline.store import categories
from hotline.store.db import StoreError
from hotline.ui.admin.common import button, button_row, confirm, show_refusal, status_label

_KEY = Qt.ItemDataRole.UserRole


class CategoryDialog(QDialog):
    """The two labels of a category (Vietnamese, English); a new one goes last in its group."""

    def __init__(
        self,
        db,
        admin: User,
        group: CategoryGroup,
        category: Category | None = None,
        lang: str = "vi",
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.db, self.admin, self.group, self.category = db, admin, group, category
        self.saved_code: str | None = None
        self.setObjectName("categoryDialog")
        self.setWindowTitle(self.tr("Add a category") if category is None else self.tr("Rename a category"))
        where = QLabel(self.tr("Group: %1").replace("%1", group.label(lang)), self)
        self.vi_edit = QLineEdit(category.label_vi if category else "", self)
        self.vi_edit.setObjectName("categoryViEdit")
        self.vi_edit.setAccessibleName(self.tr("Name in Vietnamese"))
        self.vi_edit.setMinimumWidth(380)
        self.en_edit = QLineEdit(category.label_en if category else "", self)
        self.en_edit.setObjectName("categoryEnEdit")
        self.en_edit.setAccessibleName(self.tr("Name in English"))
        form = QFormLayout()
        form.addRow(self.tr("&Vietnamese:"), self.vi_edit)
        form.addRow(self.tr("&English:"), self.en_edit)
        if category is not None:
            code = QLabel(self.tr("Code (never changes): %1").replace("%1", category.code), self)
            code.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            form.addRow(code)
        self.error_label = status_label(self, "categoryDialogError")
        self.error_label.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setObjectName("categoryDialogOk")
        buttons.accepted.connect(self._save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(where)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)
        self.vi_edit.setFocus()

    def _save(self) -> None:
        try:
            if self.category is None:
                added = categories.add_category(
                    self.db, self.group.code, self.vi_edit.text(), self.en_edit.text(), by=self.admin.id
                )
                self.saved_code = added.code
            else:
                categories.rename_category(
                    self.db, self.category.code, self.vi_edit.text(), self.en_edit.text(), by=self.admin.id
                )
                self.saved_code = self.category.code
        except StoreError as exc:
            self.error_label.setText(str(exc))
            self.error_label.show()
            return
        self.accept()


class CategoriesPage(QWidget):
    """The categories by group, in the order the call form lists them."""

    def __init__(self, db, admin: User, lang: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.db, self.admin, self.lang = db, admin, lang
        self.setObjectName("categoriesPage")
        self.taxonomy: Taxonomy | None = None
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("categoriesTree")
        self.tree.setAccessibleName(self.tr("Categories"))
        self.tree.setHeaderLabels([self.tr("Vietnamese"), self.tr("English"), self.tr("Code"), self.tr("Status")])
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setAlternatingRowColors(True)
        self.tree.header().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.tree.currentItemChanged.connect(lambda *_: self._update_buttons())
        self.tree.itemDoubleClicked.connect(lambda *_: self.rename_category())
        self.add_button = button(self, self.tr("&Add to group…"), "addCategoryButton", self.add_category)
        self.rename_button = button(self, self.tr("Re&name…"), "renameCategoryButton", self.rename_category)
        self.up_button = button(self, self.tr("Move &up"), "categoryUpButton", lambda: self.move(-1))
        self.down_button = button(self, self.tr("Move do&wn"), "categoryDownButton", lambda: self.move(1))
        self.active_button = button(self, self.tr("&Deactivate"), "categoryActiveButton", self.toggle_active)
        self.delete_button = button(self, self.tr("Dele&te"), "deleteCategoryButton", self.delete_category)
        self.status = status_label(self, "categoriesStatus")
        note = QLabel(
            self.tr(
                "A new name shows on every call, old ones too. A deactivated category is no longer offered for new "
                "calls. Only a category no call uses can be deleted. The group decides whether a case file is "
                "needed (abuse and trafficking)."
            ),
            self,
        )
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(
            button_row(
                self.add_button,
                self.rename_button,
                self.up_button,
                self.down_button,
                self.active_button,
                self.delete_button,
            )
        )
        layout.addWidget(self.tree, 1)
        layout.addWidget(note)
        layout.addWidget(self.status)

    def reload(self) -> None:
        current = self.tree.currentItem()
        key = current.data(0, _KEY) if current is not None else None
        try:
            self.taxonomy = categories.load_taxonomy(self.db)
        except StoreError as exc:
            self.status.setText(str(exc))
            return
        self.tree.clear()
        for group in self.taxonomy.groups:
            group_item = QTreeWidgetItem(self.tree, [group.label_vi, group.label_en, group.code, ""])
            group_item.setData(0, _KEY, ("group", group.code))
            font = group_item.font(0)
            font.setBold(True)
            group_item.setFont(0, font)
            for category in group.categories:
                status = self.tr("Active") if category.active else self.tr("Deactivated")
                item = QTreeWidgetItem(group_item, [category.label_vi, category.label_en, category.code, status])
                item.setData(0, _KEY, ("category", category.code))
                if not category.active:
                    for column in range(4):
                        item.setForeground(column, self.tree.palette().placeholderText())
        self.tree.expandAll()
        for column in range(3):
            self.tree.resizeColumnToContents(column)
        if key is not None:
            self.select(*key)
        elif self.tree.topLevelItemCount():
            self.tree.setCurrentItem(self.tree.topLevelItem(0))
        self._update_buttons()

    def select(self, kind: str, code: str) -> None:
        for i in range(self.tree.topLevelItemCount()):
            group_item = self.tree.topLevelItem(i)
            if group_item.data(0, _KEY) == (kind, code):
                self.tree.setCurrentItem(group_item)
                return
            for j in range(group_item.childCount()):
                if group_item.child(j).data(0, _KEY) == (kind, code):
                    self.tree.setCurrentItem(group_item.child(j))
                    return

    def current_category(self) -> Category | None:
        item = self.tree.currentItem()
        if item is None or self.taxonomy is None or item.data(0, _KEY)[0] != "category":
            return None
        return self.taxonomy.get(item.data(0, _KEY)[1])

    def current_group(self) -> CategoryGroup | None:
        item = self.tree.currentItem()
        if item is None or self.taxonomy is None:
            return None
        kind, code = item.data(0, _KEY)
        return self.taxonomy.group(code if kind == "group" else self.taxonomy.get(code).group)

    def _update_buttons(self) -> None:
        category = self.current_category()
        self.add_button.setEnabled(self.current_group() is not None)
        for widget in (self.rename_button, self.up_button, self.down_button, self.active_button, self.delete_button):
            widget.setEnabled(category is not None)
        if category is not None:
            siblings = self.taxonomy.group(category.group).categories
            self.up_button.setEnabled(siblings[0].code != category.code)
            self.down_button.setEnabled(siblings[-1].code != category.code)
        active = category is None or category.active
        self.active_button.setText(self.tr("&Deactivate") if active else self.tr("&Activate"))

    def add_category(self) -> None:
        group = self.current_group()
        if group is None:
            return
        dialog = CategoryDialog(self.db, self.admin, group, None, self.lang, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.status.setText(self.tr("Category added: %1").replace("%1", dialog.vi_edit.text().strip()))
            self.reload()
            self.select("category", dialog.saved_code)

    def rename_category(self) -> None:
        category = self.current_category()
        if category is None:
            return
        group = self.taxonomy.group(category.group)
        dialog = CategoryDialog(self.db, self.admin, group, category, self.lang, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.status.setText(self.tr("Category renamed: %1").replace("%1", dialog.vi_edit.text().strip()))
            self.reload()

    def move(self, offset: int) -> None:
        category = self.current_category()
        if category is None:
            return
        if self._run(lambda: categories.move_category(self.db, category.code, offset, by=self.admin.id)):
            self.reload()
            self.tree.setFocus()

    def toggle_active(self) -> None:
        category = self.current_category()
        if category is None:
            return
        if self._run(
            lambda: categories.set_category_active(self.db, category.code, not category.active, by=self.admin.id)
        ):
            text = self.tr("Category deactivated: %1") if category.active else self.tr("Category activated: %1")
            self.status.setText(text.replace("%1", category.label_vi))
            self.reload()

    def delete_category(self) -> None:
        category = self.current_category()
        if category is None:
            return
        question = self.tr("Delete the category “%1”? This is possible only while no call uses it.").replace(
            "%1", category.label(self.lang)
        )
        if not confirm(self, self.tr("Delete category"), question):
            return
        if self._run(lambda: categories.delete_category(self.db, category.code, by=self.admin.id)):
            self.status.setText(self.tr("Category deleted: %1").replace("%1", category.label_vi))
            self.reload()

    def _run(self, change) -> bool:
        try:
            change()
        except StoreError as exc:
            show_refusal(self, str(exc))
            return False
        return True
