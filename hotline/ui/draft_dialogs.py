"""Questions about calls kept as drafts: open one again, discard it (after a second question), or later."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from hotline.core.models import Draft
from hotline.core.phones import normalize_phone
from hotline.core.timeutil import format_local

OPEN, DISCARD, LATER = "open", "discard", "later"
#: How much of the summary tells two drafts apart without filling the box.
SUMMARY_WORDS = 16


def draft_description(draft: Draft) -> str:
    """What tells one draft from another, one item a line: the number, the people, the first words of the summary.
    A line is left out when the draft has nothing for it (a call started with F2 and nothing typed yet)."""
    form = draft.state.get("form") or {}
    lines = []
    phone = str(form.get("phone") or "").strip()
    if phone:
        info = normalize_phone(phone)
        lines.append(
            QCoreApplication.translate("DraftDialogs", "Number: %s") % (info.display if info.usable else phone)
        )
    names = [str(c.get("name") or "").strip() for c in form.get("children") or [] if isinstance(c, dict)]
    names = [name for name in names if name]
    if names:
        lines.append(QCoreApplication.translate("DraftDialogs", "Child: %s") % ", ".join(names))
    caller = str(form.get("caller_name") or "").strip()
    if caller:
        lines.append(QCoreApplication.translate("DraftDialogs", "Caller: %s") % caller)
    words = str(form.get("summary") or "").split()
    if words:
        summary = " ".join(words[:SUMMARY_WORDS]) + (" …" if len(words) > SUMMARY_WORDS else "")
        lines.append(QCoreApplication.translate("DraftDialogs", "Summary: %s") % summary)
    if not lines:
        lines.append(QCoreApplication.translate("DraftDialogs", "Nothing typed yet."))
    return "\n".join(lines)


def ask_about_draft(parent: QWidget, draft: Draft, position: tuple[int, int] | None = None) -> str:
    """OPEN, DISCARD (confirmed a second time) or LATER for one draft. ``position``: (n, of how many) offered."""
    box = QMessageBox(parent)
    box.setObjectName("draftOfferBox")
    box.setIcon(QMessageBox.Icon.Question)
    title = QCoreApplication.translate("DraftDialogs", "Unsaved call found")
    if position is not None and position[1] > 1:
        which = QCoreApplication.translate("DraftDialogs", "(%1 of %2)")
        title += " " + which.replace("%1", str(position[0])).replace("%2", str(position[1]))
    box.setWindowTitle(title)
    box.setText(
        QCoreApplication.translate("DraftDialogs", "A call started at %s was not saved. Open it again to finish it?")
        % format_local(draft.started_at)
    )
    box.setInformativeText(draft_description(draft))
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
            % format_local(draft.started_at)
            + "\n\n"
            + draft_description(draft),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return DISCARD if sure == QMessageBox.StandardButton.Yes else LATER
    return LATER
