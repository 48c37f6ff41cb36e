"""Questions about calls kept as drafts: open one again, discard it (after a second question), or later."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from hotline.core.models import Draft
from hotline.core.timeutil import format_local

OPEN, DISCARD, LATER = "open", "discard", "later"


def ask_about_draft(parent: QWidget, draft: Draft) -> str:
    """OPEN, DISCARD (confirmed a second time) or LATER for one draft."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(QCoreApplication.translate("DraftDialogs", "Unsaved call found"))
    box.setText(
        QCoreApplication.translate("DraftDialogs", "A call started at %s was not saved. Open it again to finish it?")
        % format_local(draft.started_at)
    )
    box.setInformativeText(draft.state.get("form", {}).get("summary", "")[:120])
    restore = box.addButton(QCoreApplication.translate("DraftDialogs", "Open it"), QMessageBox.ButtonRole.AcceptRole)
    discard = box.addButton(
        QCoreApplication.translate("DraftDialogs", "Discard it…"), QMessageBox.ButtonRole.DestructiveRole
    )
    box.addButton(QCoreApplication.translate("DraftDialogs", "Later"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(restore)
    box.exec()
    if box.clickedButton() is restore:
        return OPEN
    if box.clickedButton() is discard:
        sure = QMessageBox.question(
            parent,
            QCoreApplication.translate("DraftDialogs", "Discard the unsaved call?"),
            QCoreApplication.translate("DraftDialogs", "The call started at %s will be lost. Discard it?")
            % format_local(draft.started_at),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return DISCARD if sure == QMessageBox.StandardButton.Yes else LATER
    return LATER
