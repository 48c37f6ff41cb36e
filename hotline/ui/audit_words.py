"""Words of the audit log viewer: a label for each action code, the groups of actions, and what an entry is about."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

_CTX = "AuditWords"

#: Every action the program appends (unknown ones are shown as their code).
ACTIONS = {
    # sign-ins and the screen lock
    "login.ok": QT_TRANSLATE_NOOP("AuditWords", "Signed in"),
    "login.failed": QT_TRANSLATE_NOOP("AuditWords", "Wrong password"),
    "login.locked": QT_TRANSLATE_NOOP("AuditWords", "Sign-in refused: account locked"),
    "login.disabled": QT_TRANSLATE_NOOP("AuditWords", "Sign-in refused: account disabled"),
    "login.unknown_user": QT_TRANSLATE_NOOP("AuditWords", "Sign-in with an unknown username"),
    "session.lock": QT_TRANSLATE_NOOP("AuditWords", "Screen locked"),
    "session.unlock": QT_TRANSLATE_NOOP("AuditWords", "Screen unlocked"),
    "user.password_change": QT_TRANSLATE_NOOP("AuditWords", "Own password changed"),
    # calls
    "call.save": QT_TRANSLATE_NOOP("AuditWords", "Call saved"),
    "call.edit": QT_TRANSLATE_NOOP("AuditWords", "Call edited"),
    "call.view": QT_TRANSLATE_NOOP("AuditWords", "Call opened"),
    "call.review": QT_TRANSLATE_NOOP("AuditWords", "Call reviewed"),
    "call.flag_override": QT_TRANSLATE_NOOP("AuditWords", "Case-file flag cleared"),
    "call.flag_override_confirmed": QT_TRANSLATE_NOOP("AuditWords", "Cleared flag accepted at review"),
    "call.reflag": QT_TRANSLATE_NOOP("AuditWords", "Call flagged again"),
    "call.assign": QT_TRANSLATE_NOOP("AuditWords", "Call given to a counselor"),
    "call.handoff": QT_TRANSLATE_NOOP("AuditWords", "Report passed to the commune or victim referred"),
    # case files
    "case.open": QT_TRANSLATE_NOOP("AuditWords", "Case file opened"),
    "case.view": QT_TRANSLATE_NOOP("AuditWords", "Case file viewed"),
    "case.details": QT_TRANSLATE_NOOP("AuditWords", "Case details changed"),
    "case.step": QT_TRANSLATE_NOOP("AuditWords", "Case step done"),
    "case.note": QT_TRANSLATE_NOOP("AuditWords", "Case note written"),
    "case.correction": QT_TRANSLATE_NOOP("AuditWords", "Case note corrected"),
    "case.referral": QT_TRANSLATE_NOOP("AuditWords", "Referral made"),
    "case.referral_outcome": QT_TRANSLATE_NOOP("AuditWords", "Referral outcome recorded"),
    "case.link": QT_TRANSLATE_NOOP("AuditWords", "Call linked to a case"),
    "case.assign": QT_TRANSLATE_NOOP("AuditWords", "Case given to a counselor"),
    "case.close": QT_TRANSLATE_NOOP("AuditWords", "Case closed"),
    "case.reopen": QT_TRANSLATE_NOOP("AuditWords", "Case reopened"),
    "case.cycle": QT_TRANSLATE_NOOP("AuditWords", "New plan cycle after review"),
    "case.emergency": QT_TRANSLATE_NOOP("AuditWords", "12-hour emergency decision recorded"),
    "case.plan_approved": QT_TRANSLATE_NOOP("AuditWords", "Plan approval recorded"),
    "case.separation_start": QT_TRANSLATE_NOOP("AuditWords", "Temporary separation started"),
    "case.separation_extend": QT_TRANSLATE_NOOP("AuditWords", "Temporary separation extended"),
    "case.separation_end": QT_TRANSLATE_NOOP("AuditWords", "Temporary separation ended"),
    "case.form01": QT_TRANSLATE_NOOP("AuditWords", "Mẫu 01 saved as PDF"),
    # exports
    "export": QT_TRANSLATE_NOOP("AuditWords", "Calls exported"),
    # users, lines, categories, settings
    "user.first_admin": QT_TRANSLATE_NOOP("AuditWords", "First administrator created"),
    "user.add": QT_TRANSLATE_NOOP("AuditWords", "User added"),
    "user.update": QT_TRANSLATE_NOOP("AuditWords", "User changed"),
    "user.disable": QT_TRANSLATE_NOOP("AuditWords", "User disabled"),
    "user.enable": QT_TRANSLATE_NOOP("AuditWords", "User enabled again"),
    "user.password": QT_TRANSLATE_NOOP("AuditWords", "Password set"),
    "user.password_reset": QT_TRANSLATE_NOOP("AuditWords", "Password reset by the administrator"),
    "user.unlock": QT_TRANSLATE_NOOP("AuditWords", "Account unlocked"),
    "line.add": QT_TRANSLATE_NOOP("AuditWords", "Line added"),
    "line.rename": QT_TRANSLATE_NOOP("AuditWords", "Line renamed"),
    "line.move": QT_TRANSLATE_NOOP("AuditWords", "Line moved in the list"),
    "line.activate": QT_TRANSLATE_NOOP("AuditWords", "Line in use again"),
    "line.deactivate": QT_TRANSLATE_NOOP("AuditWords", "Line retired"),
    "category.add": QT_TRANSLATE_NOOP("AuditWords", "Category added"),
    "category.rename": QT_TRANSLATE_NOOP("AuditWords", "Category renamed"),
    "category.move": QT_TRANSLATE_NOOP("AuditWords", "Category moved in the list"),
    "category.activate": QT_TRANSLATE_NOOP("AuditWords", "Category in use again"),
    "category.deactivate": QT_TRANSLATE_NOOP("AuditWords", "Category retired"),
    "category.delete": QT_TRANSLATE_NOOP("AuditWords", "Unused category deleted"),
    "settings.change": QT_TRANSLATE_NOOP("AuditWords", "Setting changed"),
    # statistics
    "stats.export": QT_TRANSLATE_NOOP("AuditWords", "Statistics exported"),
    # backups
    "backup.take": QT_TRANSLATE_NOOP("AuditWords", "Backup taken"),
    "backup.restore": QT_TRANSLATE_NOOP("AuditWords", "Database restored from a backup"),
    # refusals
    "access.denied": QT_TRANSLATE_NOOP("AuditWords", "Refused (no permission)"),
}

#: (key, label, the store's action filter) of each group; an exact name or a prefix ending in ".".
GROUPS = (
    ("sign_ins", QT_TRANSLATE_NOOP("AuditWords", "Sign-ins and screen locks"),
     ("login.", "session.", "user.password_change")),
    ("calls", QT_TRANSLATE_NOOP("AuditWords", "Calls"), ("call.",)),
    ("cases", QT_TRANSLATE_NOOP("AuditWords", "Case files"), ("case.",)),
    ("exports", QT_TRANSLATE_NOOP("AuditWords", "Exports and printouts"),
     ("export", "export.", "case.form01", "stats.export")),
    ("admin", QT_TRANSLATE_NOOP("AuditWords", "Users and settings"),
     ("user.", "line.", "category.", "settings.")),
    ("backups", QT_TRANSLATE_NOOP("AuditWords", "Backups and restores"), ("backup.",)),
    ("denied", QT_TRANSLATE_NOOP("AuditWords", "Access refused"), ("access.denied",)),
)  # fmt: skip

#: What an entry is about: "Call 123", "Case 45"…; %1 is the record's id or code.
ENTITIES = {
    "call": QT_TRANSLATE_NOOP("AuditWords", "Call %1"),
    "case": QT_TRANSLATE_NOOP("AuditWords", "Case %1"),
    "user": QT_TRANSLATE_NOOP("AuditWords", "User %1"),
    "setting": QT_TRANSLATE_NOOP("AuditWords", "Setting %1"),
    "line": QT_TRANSLATE_NOOP("AuditWords", "Line %1"),
    "category": QT_TRANSLATE_NOOP("AuditWords", "Category %1"),
    "backup": QT_TRANSLATE_NOOP("AuditWords", "Backup %1"),
    "calls": QT_TRANSLATE_NOOP("AuditWords", "Calls"),
    "action": QT_TRANSLATE_NOOP("AuditWords", "Permission: %1"),
    "report": QT_TRANSLATE_NOOP("AuditWords", "Report %1"),
}

#: The permissions of DESIGN §6 (hotline.core.permissions), named in "access refused" entries.
PERMISSIONS = {
    "call.log": QT_TRANSLATE_NOOP("AuditWords", "log a call"),
    "call.caller_history": QT_TRANSLATE_NOOP("AuditWords", "see a caller's earlier calls"),
    "call.edit_own": QT_TRANSLATE_NOOP("AuditWords", "edit own call"),
    "call.view_all": QT_TRANSLATE_NOOP("AuditWords", "see every call"),
    "call.edit_all": QT_TRANSLATE_NOOP("AuditWords", "edit any call"),
    "call.review": QT_TRANSLATE_NOOP("AuditWords", "review calls"),
    "call.flag_override": QT_TRANSLATE_NOOP("AuditWords", "change a case-file flag"),
    "case.queue_view": QT_TRANSLATE_NOOP("AuditWords", "see the follow-up queue"),
    "case.view": QT_TRANSLATE_NOOP("AuditWords", "see case files"),
    "case.edit": QT_TRANSLATE_NOOP("AuditWords", "work on case files"),
    "case.assign_any": QT_TRANSLATE_NOOP("AuditWords", "give cases to counselors"),
    "stats.view": QT_TRANSLATE_NOOP("AuditWords", "statistics"),
    "export.personal": QT_TRANSLATE_NOOP("AuditWords", "export personal data"),
    "export.own_cases": QT_TRANSLATE_NOOP("AuditWords", "export own cases"),
    "admin.users": QT_TRANSLATE_NOOP("AuditWords", "manage users"),
    "admin.lines": QT_TRANSLATE_NOOP("AuditWords", "manage lines"),
    "admin.settings": QT_TRANSLATE_NOOP("AuditWords", "change settings"),
    "admin.categories": QT_TRANSLATE_NOOP("AuditWords", "manage categories"),
    "admin.backup": QT_TRANSLATE_NOOP("AuditWords", "backups and restores"),
    "audit.view": QT_TRANSLATE_NOOP("AuditWords", "read the audit log"),
}


def tr(text: str) -> str:
    return QCoreApplication.translate(_CTX, text)


def action_label(code: str) -> str:
    """The words for an action code ("Call saved" for call.save); an unknown action is shown as its code."""
    return tr(ACTIONS[code]) if code in ACTIONS else code


def entity_text(entity: str, entity_id: str) -> str:
    """What an entry is about: "Call 123", "Case 45", "Permission: read the audit log"…"""
    if not entity:
        return entity_id
    if entity == "action":
        entity_id = tr(PERMISSIONS[entity_id]) if entity_id in PERMISSIONS else entity_id
    if entity in ENTITIES:
        return tr(ENTITIES[entity]).replace("%1", entity_id).strip()
    return f"{entity} {entity_id}".strip()


def in_group(code: str, members: tuple[str, ...]) -> bool:
    """True when the action is one of ``members`` (exact names, or prefixes ending in ".")."""
    return any(code.startswith(m) if m.endswith(".") else code == m for m in members)


def group_of(code: str) -> str | None:
    """The key of the first group holding the action (None: in no group)."""
    return next((key for key, _label, members in GROUPS if in_group(code, members)), None)
