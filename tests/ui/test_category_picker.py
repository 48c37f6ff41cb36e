"""The category picker reads the administrator's list: new labels, no retired category offered, but a saved call's
retired category kept and shown."""

from __future__ import annotations

from PySide6.QtCore import Qt

from hotline.store import categories
from hotline.store.access import COMMAND_LINE
from hotline.ui.category_picker import CategoryPicker


def shown_codes(picker: CategoryPicker) -> list[str]:
    tree = picker.tree
    codes = []
    for g in range(tree.topLevelItemCount()):
        group = tree.topLevelItem(g)
        for c in range(group.childCount()):
            item = group.child(c)
            if not item.isHidden() and not group.isHidden():
                codes.append(item.data(0, Qt.ItemDataRole.UserRole))
    return codes


def test_renamed_and_new_categories_are_offered(qtbot, db):
    """A renamed category shows its new label and a new one is offered and found by typing without accents."""
    categories.rename_category(db, "abuse.sexual", "XHTD kiểu mới", "CSA renamed", by=COMMAND_LINE)
    categories.add_category(db, "abuse", "Dụ dỗ trên mạng", "Online grooming", by=COMMAND_LINE)
    picker = CategoryPicker(categories.load_taxonomy(db), "vi")
    qtbot.addWidget(picker)
    # the words of a new label ("dụ dỗ" alone also finds "chiếm đoạt", "sử dụng … hoạt động" of the rights group)
    picker.filter_edit.setText("du do tren mang")
    assert shown_codes(picker) == ["abuse.online_grooming"]
    picker.filter_edit.clear()
    picker.set_codes(["abuse.sexual"])
    assert "XHTD kiểu mới" in picker.chosen_label.text()


def test_a_retired_category_is_hidden_unless_the_call_has_it(qtbot, db):
    """A retired category is neither listed nor found by typing; an old call that has it shows it ticked and
    marked, and it can be unticked."""
    categories.set_category_active(db, "abuse.neglect", False, by=COMMAND_LINE)
    picker = CategoryPicker(categories.load_taxonomy(db), "en")
    qtbot.addWidget(picker)
    assert "abuse.neglect" not in shown_codes(picker)
    picker.filter_edit.setText("neglect")
    assert shown_codes(picker) == []
    picker.filter_edit.clear()

    picker.set_codes(["abuse.neglect", "abuse.violence"])  # a saved call opened for editing
    assert "abuse.neglect" in shown_codes(picker)
    assert set(picker.codes()) == {"abuse.neglect", "abuse.violence"}
    assert "Neglect (no longer in use)" in [
        picker.tree.topLevelItem(0).child(i).text(0) for i in range(picker.tree.topLevelItem(0).childCount())
    ]
    picker.set_codes(["abuse.violence"])
    assert picker.codes() == ["abuse.violence"] and "abuse.neglect" not in shown_codes(picker)
