"""A damaged database file: the offer to restore the latest good backup, and the messages around it.

What "Not now" does depends on when the damage shows. When the file cannot be opened at all, Hotline cannot log a
call, so it closes and says to note calls on paper. When it opens but a part is damaged (found by the check after
the start, or by a save that failed), the operator may be in the middle of a call: the session goes on, with a
warning in the status bar, the call being typed is kept in a file if the database refuses it, and the offer comes
back the next time a save meets the damage.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from hotline.core.timeutil import format_local
from hotline.store.backup_files import BackupInfo


def offer_restore(
    parent: QWidget | None, problem: str, candidates: list[BackupInfo], *, can_go_on: bool
) -> BackupInfo | None:
    """Ask whether to restore the newest of ``candidates`` (newest first); the backup chosen, or None for "Not now"
    (or when there is none: then say so). ``problem``: what was found, Vietnamese first, shown as the details.
    ``can_go_on``: the database still opens and the session may go on."""
    if not candidates:
        _say_no_backup(parent, problem, can_go_on=can_go_on)
        return None
    newest = candidates[0]
    box = QMessageBox(parent)
    box.setObjectName("restoreOfferBox")
    box.setAccessibleName(QCoreApplication.translate("DamagedDialog", "The database is damaged"))
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(QCoreApplication.translate("DamagedDialog", "Hotline — the database is damaged"))
    text = QCoreApplication.translate("DamagedDialog", "The database file is damaged: part of it cannot be read.")
    text += "\n\n" + QCoreApplication.translate(
        "DamagedDialog",
        "Restore the latest good backup, taken at %1? Calls saved after it stay in the damaged file, which is kept "
        "as a copy for the administrator.",
    ).replace("%1", _when(newest))
    text += " " + QCoreApplication.translate(
        "DamagedDialog", "Close Hotline in any other window that uses this database first."
    )
    if can_go_on:
        text += "\n\n" + QCoreApplication.translate(
            "DamagedDialog", "A call being typed is kept and offered back after the restore."
        )
    box.setText(text)
    box.setDetailedText(problem)
    restore = box.addButton(QCoreApplication.translate("DamagedDialog", "Restore"), QMessageBox.ButtonRole.AcceptRole)
    restore.setObjectName("restoreButton")
    later = box.addButton(QCoreApplication.translate("DamagedDialog", "Not now"), QMessageBox.ButtonRole.RejectRole)
    later.setObjectName("notNowButton")
    # During a session someone may be typing a call when the offer comes up: Enter must not end it.
    box.setDefaultButton(later if can_go_on else restore)
    box.setEscapeButton(later)
    box.exec()
    chosen = box.clickedButton() is restore
    box.deleteLater()
    if chosen:
        return newest
    if not can_go_on:
        _say_closing(parent)
    return None


def _when(info: BackupInfo) -> str:
    return format_local(info.taken_at)


def _say_no_backup(parent: QWidget | None, problem: str, *, can_go_on: bool) -> None:
    text = QCoreApplication.translate("DamagedDialog", "No backup was found to restore.")
    if can_go_on:
        text += " " + QCoreApplication.translate(
            "DamagedDialog", "You may go on working, but please call the administrator now."
        )
    else:
        text += " " + QCoreApplication.translate(
            "DamagedDialog", "Hotline closes. Note calls on paper and call the administrator."
        )
    QMessageBox.critical(
        parent, QCoreApplication.translate("DamagedDialog", "Hotline — the database is damaged"), f"{problem}\n\n{text}"
    )


def _say_closing(parent: QWidget | None) -> None:
    QMessageBox.information(
        parent,
        QCoreApplication.translate("DamagedDialog", "Hotline closes"),
        QCoreApplication.translate(
            "DamagedDialog",
            "Nothing was changed. Hotline cannot work with the damaged file, so it closes now. Note calls on paper "
            "and call the administrator, who can restore a backup (Administration → Backups, or: hotline restore).",
        ),
    )


def warning_text() -> str:
    """The status bar's lasting warning once the operator chose to go on with a damaged database."""
    return QCoreApplication.translate(
        "DamagedDialog", "The database is damaged: save calls as usual and call the administrator (restore a backup)."
    )


def restored_text(backup_name: str, kept: str) -> str:
    return (
        QCoreApplication.translate(
            "DamagedDialog",
            "The backup %1 is restored. The damaged database is kept in %2 for the administrator: calls saved after "
            "the backup are in it. Please sign in again.",
        )
        .replace("%1", backup_name)
        .replace("%2", kept)
    )
