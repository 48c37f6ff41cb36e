"""Backups: the list in the backup folder, a backup now, and a restore (which ends the session to do it)."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFileDialog, QLabel, QProgressBar, QVBoxLayout, QWidget

from hotline.core.models import User
from hotline.core.timeutil import format_local, utcnow
from hotline.settings import Settings
from hotline.store import backup
from hotline.store.db import StoreError
from hotline.ui.admin.common import (
    button,
    button_row,
    confirm,
    fill_row,
    make_table,
    selected_key,
    show_refusal,
    status_label,
)
from hotline.ui.worker import run_in_background


def size_text(size: int) -> str:
    """Bytes as people read them, with a Vietnamese decimal comma: ``12,4 MB``."""
    if size < 1024 * 1024:
        return f"{max(1, round(size / 1024))} KB"
    return f"{size / (1024 * 1024):.1f} MB".replace(".", ",")


class BackupsPage(QWidget):
    """``restore_requested(path)``: the administrator confirmed a restore of a checked backup file."""

    restore_requested = Signal(Path)

    def __init__(self, db, admin: User, db_path: Path | str | None, parent: QWidget | None = None):
        super().__init__(parent)
        self.db, self.admin = db, admin
        self.db_path = Path(db_path) if db_path else None
        self.setObjectName("backupsPage")
        self.backups: list[backup.BackupInfo] = []
        self.folder_label = status_label(self, "backupFolderLabel")
        self.policy_label = QLabel(self)
        self.policy_label.setWordWrap(True)
        self.warning_label = status_label(self, "backupWarning")
        self.warning_label.setStyleSheet("font-weight: bold;")
        self.warning_label.hide()
        self.table = make_table(
            self,
            "backupsTable",
            self.tr("Backups"),
            [self.tr("Taken at"), self.tr("Kind"), self.tr("Size"), self.tr("File")],
            stretch=3,
        )
        self.table.currentCellChanged.connect(lambda *_: self._update_buttons())
        self.backup_button = button(self, self.tr("&Back up now"), "backupNowButton", self.back_up_now)
        self.restore_button = button(self, self.tr("&Restore this backup…"), "restoreButton", self.restore_selected)
        self.restore_file_button = button(
            self, self.tr("Restore from a &file…"), "restoreFileButton", self.restore_from_file
        )
        self.refresh_button = button(self, self.tr("Re&fresh"), "refreshBackupsButton", self.reload)
        self.progress = QProgressBar(self, objectName="backupProgress")
        self.progress.setRange(0, 0)  # busy: SQLite's backup does not say how far it is
        self.progress.setMaximumWidth(200)
        self.progress.hide()
        self.status = status_label(self, "backupsStatus")
        layout = QVBoxLayout(self)
        layout.addWidget(self.folder_label)
        layout.addWidget(self.policy_label)
        layout.addWidget(self.warning_label)
        layout.addLayout(
            button_row(self.backup_button, self.restore_button, self.restore_file_button, self.refresh_button)
        )
        layout.addWidget(self.table, 1)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        self._busy = False

    def folder(self) -> Path:
        return backup.backup_folder(Settings.load(self.db), self.db_path)

    def reload(self) -> None:
        try:
            settings = Settings.load(self.db)
            folder = backup.backup_folder(settings, self.db_path)
            self.backups = backup.backups_of(settings, self.db_path)  # this database's, not a neighbour's
        except (StoreError, OSError) as exc:
            self.status.setText(str(exc))
            return
        self.folder_label.setText(self.tr("Backup folder: %1").replace("%1", str(folder)))
        self.policy_label.setText(
            self.tr(
                "Hotline backs up by itself at the first start of each day and when it closes, checks every backup, "
                "and keeps %1 daily and %2 monthly ones."
            )
            .replace("%1", str(settings.get("backups_daily")))
            .replace("%2", str(settings.get("backups_monthly")))
        )
        self._warn_if_stale()
        self.table.setRowCount(len(self.backups))
        for row, info in enumerate(self.backups):
            cells = [format_local(info.taken_at), self.kind_text(info.kind), size_text(info.size), info.path.name]
            fill_row(self.table, row, cells, str(info.path), numbers=(2,))
        if self.backups:
            self.table.setCurrentCell(0, 0)
        self._update_buttons()

    def _warn_if_stale(self) -> None:
        """Say plainly when the newest backup is more than a day old (or there is none): an automatic backup may
        be failing, e.g. a backup folder on a disk that was unplugged (the log file says why)."""
        newest = self.backups[0].taken_at if self.backups else None
        if newest is not None and utcnow() - newest <= timedelta(days=1, hours=1):
            self.warning_label.hide()
            return
        if newest is None:
            text = self.tr("There is no backup in this folder yet. Press Back up now.")
        else:
            days = (utcnow() - newest).days
            text = self.tr(
                "Warning: the newest backup is %1 days old. Automatic backups may be failing: check that the "
                "backup folder can be written to, then press Back up now."
            ).replace("%1", str(max(days, 1)))
        self.warning_label.setText(text)
        self.warning_label.show()

    def kind_text(self, kind: str) -> str:
        return {
            "daily": self.tr("Daily"),
            "exit": self.tr("At closing"),
            "manual": self.tr("By hand"),
            "before-restore": self.tr("Before a restore"),
        }.get(kind, kind)

    def _update_buttons(self) -> None:
        self.backup_button.setEnabled(not self._busy and self.db_path is not None)
        self.restore_file_button.setEnabled(not self._busy and self.db_path is not None)
        self.restore_button.setEnabled(not self._busy and selected_key(self.table) is not None)

    def _set_busy(self, busy: bool, text: str = "") -> None:
        self._busy = busy
        self.progress.setVisible(busy)
        if text:
            self.status.setText(text)
        self._update_buttons()

    # --- backing up ---

    def back_up_now(self) -> None:
        if self._busy or self.db_path is None:
            return
        db_path, folder, admin_id = self.db_path, self.folder(), self.admin.id
        self._set_busy(True, self.tr("Backing up and checking the copy…"))
        run_in_background(
            lambda: backup.take_backup(db_path, folder, kind="manual", actor=admin_id),
            self._backed_up,
            self._failed,
        )

    def _backed_up(self, info: backup.BackupInfo) -> None:
        self._set_busy(False)
        self.reload()
        self.status.setText(
            self.tr("Backup written and checked: %1 (%2).")
            .replace("%1", info.path.name)
            .replace("%2", size_text(info.size))
        )

    def _failed(self, error: BaseException) -> None:
        self._set_busy(False)
        message = str(error) if isinstance(error, StoreError | OSError) else type(error).__name__
        self.status.setText(self.tr("Not done: %1").replace("%1", message))
        show_refusal(self, message)

    # --- restoring ---

    def restore_selected(self) -> None:
        key = selected_key(self.table)
        info = next((b for b in self.backups if str(b.path) == key), None)
        if info is not None:
            self._restore(info.path, format_local(info.taken_at))

    def restore_from_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Restore from a file"),
            str(self.folder()),
            self.tr("Hotline databases (*.sqlite3 *.db);;All files (*)"),
        )
        if name:
            self._restore(Path(name), Path(name).name)

    def _restore(self, path: Path, what: str) -> None:
        question = self.tr(
            "Restore %1?\n\nEverything entered after this backup is replaced by it. The current database is kept "
            "as a copy first. Hotline signs everyone on this PC out to do it; on other PCs, close Hotline first."
        ).replace("%1", what)
        if not confirm(self, self.tr("Restore a backup"), question):
            return
        self._set_busy(True, self.tr("Checking the backup…"))
        run_in_background(lambda: (backup.check_backup_file(path), path)[1], self._checked, self._failed)

    def _checked(self, path: Path) -> None:
        self._set_busy(False, self.tr("The backup is sound. Restoring…"))
        self.restore_requested.emit(path)
