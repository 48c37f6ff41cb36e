"""The audit log's table: entries fetched a page at a time as the view scrolls, never the whole log."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from hotline.core.timeutil import local
from hotline.ui import audit_details, audit_words
from hotline.ui.models.paged_model import PagedModel

#: Rows read at a time: a screenful or four, so scrolling rarely waits and a million rows never load at once.
PAGE = 200
ROW_ROLE = Qt.ItemDataRole.UserRole + 1
#: headerData under this role: the widest texts of a column that may not be on the first page (log_columns)
SAMPLE_ROLE = Qt.ItemDataRole.UserRole + 2

TIME, USER, ACTION, WHAT, DETAIL = range(5)
HEADERS = (
    QT_TRANSLATE_NOOP("AuditModel", "Time"),
    QT_TRANSLATE_NOOP("AuditModel", "User"),
    QT_TRANSLATE_NOOP("AuditModel", "Action"),
    QT_TRANSLATE_NOOP("AuditModel", "What"),
    QT_TRANSLATE_NOOP("AuditModel", "Detail"),
)


def _tr(text: str) -> str:
    return QCoreApplication.translate("AuditModel", text)


class AuditModel(PagedModel):
    """Read-only rows of hotline.store.audit.AuditEntry; ``fetch(offset, limit)`` is given by the screen."""

    PAGE = PAGE

    def __init__(self, parent=None):
        super().__init__(parent)
        self._names: dict[int, str] = {}
        #: what details may name besides codes; the screen adds the category groups' labels
        self.detail_context = audit_details.DetailContext()

    def reset(self, total: int, fetch: Callable[[int, int], list], names: dict[int, str] | None = None) -> None:
        """New filters: the first page now, the rest as the view scrolls. ``names``: user id → how to show them
        (for the detail "to=5" of an assignment and the "What" of a user entry)."""
        self._names = dict(names or {})
        self.detail_context.names = self._names
        super().reset(total, fetch)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        # selectable to read and copy, never editable
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable if index.isValid() else Qt.ItemFlag.NoItemFlags

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return _tr(HEADERS[section])
        if role == SAMPLE_ROLE:
            # a time is never cut short, whatever the first page holds
            return ["00/00/0000 00:00:00"] if section == TIME else []
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        entry = self._rows[index.row()]
        if role == ROW_ROLE:
            return entry
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(entry, index.column())
        if role == Qt.ItemDataRole.ToolTipRole:
            # the words whole (a column of the screen may cut them short), then the stored codes, for whoever must
            # quote the log exactly
            shown = self.text(entry, index.column())
            code = {ACTION: entry.action, DETAIL: entry.detail,
                    WHAT: f"{entry.entity} {entry.entity_id}".strip()}.get(index.column(), "")  # fmt: skip
            return "\n".join(dict.fromkeys(text for text in (shown, code) if text)) or None
        return None

    def text(self, entry, column: int) -> str:
        if column == TIME:
            return local(entry.at).strftime("%d/%m/%Y %H:%M:%S")
        if column == USER:
            return self.user_text(entry)
        if column == ACTION:
            return audit_words.action_label(entry.action)
        if column == WHAT:
            if entry.entity == "user" and entry.entity_id.isdigit() and int(entry.entity_id) in self._names:
                return f"{audit_words.entity_text('user', entry.entity_id)} · {self._names[int(entry.entity_id)]}"
            if entry.entity == "case" and entry.case_number:
                # "Case AG-2026-00003", the number on the file: its row id means nothing to a reader
                return audit_words.entity_text("case", entry.case_number)
            return audit_words.entity_text(entry.entity, entry.entity_id)
        if column == DETAIL:
            return self.detail_text(entry)
        return ""

    def user_text(self, entry) -> str:
        if entry.user_id is None:
            if entry.action.startswith("login."):
                return QCoreApplication.translate("AuditModel", "(unknown username)")
            return QCoreApplication.translate("AuditModel", "(no user: command line or Hotline itself)")
        if not entry.username:
            return f"#{entry.user_id}"
        return f"{entry.display_name} ({entry.username})"

    def detail_text(self, entry) -> str:
        """The stored detail in words (hotline.ui.audit_details): field names, exports, steps, the counselor…"""
        return audit_details.detail_text(entry.action, entry.detail, self.detail_context)
