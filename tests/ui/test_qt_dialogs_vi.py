"""Qt's own dialogs speak Vietnamese in the Vietnamese interface: the file dialog, the standard buttons."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QLabel, QLineEdit, QTreeView

ROOT = Path(__file__).resolve().parents[2]


def _i18n_tool():
    spec = importlib.util.spec_from_file_location("i18n_tool", ROOT / "tools" / "i18n.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def save_dialog(qtbot) -> QFileDialog:
    dialog = QFileDialog(None, "Lưu", str(ROOT), "PDF (*.pdf)")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)  # Qt's own widgets, as on Linux
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_the_file_dialog_is_vietnamese(qtbot, vietnamese):
    """A save dialog says "Tên tệp", "Kiểu tệp", "Xem trong" and its buttons read Lưu / Hủy, its columns Tên…"""
    dialog = save_dialog(qtbot)
    assert dialog.findChild(QLabel, "fileNameLabel").text() == "&Tên tệp:"
    assert dialog.findChild(QLabel, "fileTypeLabel").text() == "&Kiểu tệp:"
    assert dialog.findChild(QLabel, "lookInLabel").text() == "&Xem trong:"
    buttons = dialog.findChild(QDialogButtonBox, "buttonBox")
    assert buttons.button(QDialogButtonBox.StandardButton.Save).text() == "&Lưu"
    assert buttons.button(QDialogButtonBox.StandardButton.Cancel).text() == "Hủy"
    tree = dialog.findChild(QTreeView, "treeView")  # its columns are QFileSystemModel's
    names = [tree.model().headerData(n, tree.header().orientation()) for n in range(tree.model().columnCount())]
    assert names == ["Tên", "Kích thước", "Kiểu", "Ngày sửa đổi"]


def test_the_standard_buttons_and_the_edit_menu_are_vietnamese(qtbot, vietnamese):
    """A button box's Cancel reads "Hủy", Yes "Có"; a text field's right-click menu offers "Dán", "Chọn tất cả"."""
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel | QDialogButtonBox.StandardButton.Yes)
    qtbot.addWidget(box)
    assert box.button(QDialogButtonBox.StandardButton.Cancel).text() == "Hủy"
    assert box.button(QDialogButtonBox.StandardButton.Yes).text() == "&Có"
    field = QLineEdit()
    qtbot.addWidget(field)
    menu = field.createStandardContextMenu()
    assert {"&Dán", "Chọn tất cả"} <= {action.text().split("\t")[0] for action in menu.actions()}


def test_the_file_dialog_is_english_in_english(qtbot):
    """Switching to English leaves none of the Vietnamese words behind."""
    dialog = save_dialog(qtbot)
    assert dialog.findChild(QLabel, "fileNameLabel").text() == "File &name:"


def test_qtbase_translation_is_complete_and_built():
    """Every message of qtbase_vi.ts is translated, and the shipped .qm is the one release builds from it."""
    tool = _i18n_tool()
    unfinished = [f"{c} | {s}" for c, s, _t, done in tool.messages(tool.QT_TS) if not done]
    assert not unfinished
    assert tool.QT_QM.is_file(), "run `python tools/i18n.py release`"
