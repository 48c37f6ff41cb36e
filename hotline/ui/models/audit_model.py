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

from hotline.core.models import ROLES
from hotline.core.timeutil import local
from hotline.i18n import roles_label
from hotline.ui import audit_words, labels
from hotline.ui.models.paged_model import PagedModel

#: Rows read at a time: a screenful or four, so scrolling rarely waits and a million rows never load at once.
PAGE = 200
ROW_ROLE = Qt.ItemDataRole.UserRole + 1

TIME, USER, ACTION, WHAT, DETAIL = range(5)
HEADERS = (
    QT_TRANSLATE_NOOP("AuditModel", "Time"),
    QT_TRANSLATE_NOOP("AuditModel", "User"),
    QT_TRANSLATE_NOOP("AuditModel", "Action"),
    QT_TRANSLATE_NOOP("AuditModel", "What"),
    QT_TRANSLATE_NOOP("AuditModel", "Detail"),
)
#: Why the screen was locked (detail of session.lock).
_LOCKS = {
    "idle": QT_TRANSLATE_NOOP("AuditModel", "after the idle minutes"),
    "by_hand": QT_TRANSLATE_NOOP("AuditModel", "by the user"),
}

#: Where a wrong password was typed (detail of login.failed).
_FAILED_AT = {
    "sign-in": QT_TRANSLATE_NOOP("AuditModel", "At sign-in"),
    "password-change": QT_TRANSLATE_NOOP("AuditModel", "Changing own password"),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate("AuditModel", text)


class AuditModel(PagedModel):
    """Read-only rows of hotline.store.audit.AuditEntry; ``fetch(offset, limit)`` is given by the screen."""

    PAGE = PAGE

    def __init__(self, parent=None):
        super().__init__(parent)
        self._names: dict[int, str] = {}

    def reset(self, total: int, fetch: Callable[[int, int], list], names: dict[int, str] | None = None) -> None:
        """New filters: the first page now, the rest as the view scrolls. ``names``: user id → how to show them
        (for the detail "to=5" of an assignment and the "What" of a user entry)."""
        self._names = dict(names or {})
        super().reset(total, fetch)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        # selectable to read and copy, never editable
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable if index.isValid() else Qt.ItemFlag.NoItemFlags

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return _tr(HEADERS[section])
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
            # the stored codes, for whoever must quote the log exactly
            if index.column() == ACTION:
                return entry.action
            if index.column() == DETAIL:
                return entry.detail
            if index.column() == WHAT:
                return f"{entry.entity} {entry.entity_id}".strip()
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
        """The stored detail, with the codes people cannot read put in words: a call's outcome, a new user's
        roles, a wrong password's count, why the screen was locked, and the counselor a call or case was given to."""
        detail = entry.detail
        if entry.action == "call.save" and detail in labels.OUTCOMES:
            return labels.label(labels.OUTCOMES, detail)
        if entry.action in ("user.add", "user.first_admin") and detail and set(detail.split(",")) <= set(ROLES):
            return roles_label(detail.split(","))
        if entry.action == "session.lock" and detail in _LOCKS:
            return _tr(_LOCKS[detail])
        if entry.action == "login.failed":  # "sign-in 3", "password-change locked" (hotline.store.users)
            where, _, count = detail.rpartition(" ")
            place = _FAILED_AT.get(where or "sign-in")
            if place and (count == "locked" or count.isdigit()):
                result = (
                    QCoreApplication.translate("AuditModel", "account locked")
                    if count == "locked"
                    else QCoreApplication.translate("AuditModel", "%1 in a row").replace("%1", count)
                )
                return f"{_tr(place)}: {result}"
        if entry.action in ("call.assign", "case.assign") and detail.startswith("to="):
            target = detail[3:]
            if not target:
                return QCoreApplication.translate("AuditModel", "to nobody")
            if target.isdigit() and int(target) in self._names:
                return QCoreApplication.translate("AuditModel", "to %1").replace("%1", self._names[int(target)])
        return detail
