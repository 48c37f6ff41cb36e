"""The audit log's details in words: each writer's stored detail (codes, field names, counts) as people read it.

The store keeps codes and ids only (hotline.store.audit: no free-text personal data); this module is where each
action's detail format is read back. DETAIL_WORDS names every action whose writer stores a detail: a test reads
the writers' source and fails when one stores a detail that has no words here.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from datetime import date

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from hotline.core.models import ROLES
from hotline.i18n import roles_label
from hotline.ui import labels
from hotline.ui.case_words import detail_label, emergency_label, service_label, step_label

_CTX = "AuditDetails"

#: What made a backup (core.backups.KINDS).
BACKUP_KINDS = {
    "daily": QT_TRANSLATE_NOOP("AuditDetails", "Daily, at the first start of the day"),
    "exit": QT_TRANSLATE_NOOP("AuditDetails", "At closing"),
    "manual": QT_TRANSLATE_NOOP("AuditDetails", "Taken by hand"),
    "before-restore": QT_TRANSLATE_NOOP("AuditDetails", "The database replaced by a restore"),
}
#: File formats of the exports.
FORMATS = {"xlsx": "Excel", "csv": "CSV", "pdf": "PDF"}
#: Fields of an edit whose words are not the edit dialog's (the call's children as a whole, a user's fields).
OTHER_FIELDS = {
    "children": QT_TRANSLATE_NOOP("AuditDetails", "Children"),
    "display_name": QT_TRANSLATE_NOOP("AuditDetails", "Full name"),
    "roles": QT_TRANSLATE_NOOP("AuditDetails", "Roles"),
    "report_number": QT_TRANSLATE_NOOP("AuditDetails", "Mẫu 01 number"),
}
_WORDS = {
    "export": QT_TRANSLATE_NOOP("AuditDetails", "To %1, %2 rows"),
    "export_one": QT_TRANSLATE_NOOP("AuditDetails", "To %1, 1 row"),
    "group": QT_TRANSLATE_NOOP("AuditDetails", "In the group: %1"),
    "up": QT_TRANSLATE_NOOP("AuditDetails", "Up %1 places"),
    "up_one": QT_TRANSLATE_NOOP("AuditDetails", "Up 1 place"),
    "down": QT_TRANSLATE_NOOP("AuditDetails", "Down %1 places"),
    "down_one": QT_TRANSLATE_NOOP("AuditDetails", "Down 1 place"),
    "opened": QT_TRANSLATE_NOOP("AuditDetails", "%1, from call %2"),
    "note": QT_TRANSLATE_NOOP("AuditDetails", "Note no. %1"),
    "correction": QT_TRANSLATE_NOOP("AuditDetails", "Correction, entry no. %1"),
    "link": QT_TRANSLATE_NOOP("AuditDetails", "Call %1"),
    "at_step": QT_TRANSLATE_NOOP("AuditDetails", "At the step: %1"),
    "back_to": QT_TRANSLATE_NOOP("AuditDetails", "Back to the step: %1"),
    "kept": QT_TRANSLATE_NOOP("AuditDetails", "The previous database was kept as %1"),
    "nothing_kept": QT_TRANSLATE_NOOP("AuditDetails", "There was no previous database"),
    "damaged": QT_TRANSLATE_NOOP("AuditDetails", "the database was damaged"),
}
# Worded before this module existed, in the table's context: their translations stay where they are.
_MODEL_WORDS = {
    "to": QT_TRANSLATE_NOOP("AuditModel", "to %1"),
    "to_nobody": QT_TRANSLATE_NOOP("AuditModel", "to nobody"),
    "idle": QT_TRANSLATE_NOOP("AuditModel", "after the idle minutes"),
    "by_hand": QT_TRANSLATE_NOOP("AuditModel", "by the user"),
    "sign-in": QT_TRANSLATE_NOOP("AuditModel", "At sign-in"),
    "password-change": QT_TRANSLATE_NOOP("AuditModel", "Changing own password"),
    "locked": QT_TRANSLATE_NOOP("AuditModel", "account locked"),
    "in_a_row": QT_TRANSLATE_NOOP("AuditModel", "%1 in a row"),
}

# ".xlsx 81 rows" (daily log), "xlsx 2026-12-01..2026-12-06 81 rows" (command line)
_EXPORT = re.compile(
    r"^\.?(?P<format>\w+)(?: (?P<first>\d{4}-\d{2}-\d{2})\.\.(?P<last>\d{4}-\d{2}-\d{2}))? (?P<n>\d+) rows$"
)


def tr(text: str) -> str:
    return QCoreApplication.translate(_CTX, text)


def _word(key: str, *values: object) -> str:
    text = QCoreApplication.translate("AuditModel", _MODEL_WORDS[key]) if key in _MODEL_WORDS else tr(_WORDS[key])
    for number, value in enumerate(values, start=1):
        text = text.replace(f"%{number}", str(value))
    return text


def _day(iso: str) -> str:
    return date.fromisoformat(iso).strftime("%d/%m/%Y")


def _export(detail: str, _context) -> str:
    found = _EXPORT.match(detail)
    if found is None:
        return detail
    what = FORMATS.get(found["format"].lower(), found["format"])
    if found["first"]:
        what = f"{what}, {_day(found['first'])} – {_day(found['last'])}"
    return _word("export_one", what) if found["n"] == "1" else _word("export", what, found["n"])


def call_field_label(field: str) -> str:
    """A call's field as the edit dialog names it (its history's words): ``phone_raw`` → "Phone number"."""
    from hotline.ui.call_edit_dialog import FIELD_NAMES, field_label

    if field in FIELD_NAMES or field.startswith("children."):
        return field_label(field)
    return tr(OTHER_FIELDS[field]) if field in OTHER_FIELDS else field


def _call_fields(detail: str, _context) -> str:
    return ", ".join(call_field_label(field) for field in detail.split(",") if field)


def _case_fields(detail: str, _context) -> str:
    if detail.startswith("report_number="):
        return f"{tr(OTHER_FIELDS['report_number'])}: {detail.partition('=')[2]}"
    return ", ".join(detail_label(field) for field in detail.split(",") if field)


def _user_fields(detail: str, _context) -> str:
    words = []
    for item in detail.split():
        field, _, value = item.partition("=")
        text = tr(OTHER_FIELDS[field]) if field in OTHER_FIELDS else field
        if field == "roles" and value:
            text = f"{text}: {roles_label(value.split(','))}"
        words.append(text)
    return "; ".join(words)


def _roles(detail: str, _context) -> str:
    roles = [role for role in detail.split(",") if role]
    return roles_label(roles) if roles and set(roles) <= set(ROLES) else detail


def _moved(detail: str, _context) -> str:
    try:
        places = int(detail)
    except ValueError:
        return detail
    if places < 0:  # a smaller place in the list: nearer the top
        return _word("up_one") if places == -1 else _word("up", -places)
    return _word("down_one") if places == 1 else _word("down", places)


def _group(detail: str, context) -> str:
    return _word("group", context.groups.get(detail, detail))


def _opened(detail: str, _context) -> str:
    number, _, call = detail.partition(" call=")
    return _word("opened", number, call) if call else detail


def _event(key: str):
    return lambda detail, _context: _word(key, detail[6:]) if detail.startswith("event=") else detail


def _assigned(detail: str, context) -> str:
    if not detail.startswith("to="):
        return detail
    target = detail[3:]
    if not target:
        return _word("to_nobody")
    if target.isdigit() and int(target) in context.names:
        return _word("to", context.names[int(target)])
    return detail


def _restored(detail: str, _context) -> str:
    first, _, damage = detail.partition("; ")
    if first.startswith("kept "):
        text = _word("kept", first[5:])
    elif first == "no previous database":
        text = _word("nothing_kept")
    else:
        return detail
    return f"{text}; {_word('damaged')}" if damage else text


def _failed(detail: str, _context) -> str:
    where, _, count = detail.rpartition(" ")
    where = where or "sign-in"
    if where not in ("sign-in", "password-change") or not (count == "locked" or count.isdigit()):
        return detail
    return f"{_word(where)}: {_word('locked') if count == 'locked' else _word('in_a_row', count)}"


def _table(words: Mapping[str, str], translate: Callable[[str], str]):
    return lambda detail, _context: translate(words[detail]) if detail in words else detail


def _coded(label: Callable[[str], str]):
    return lambda detail, _context: label(detail) if detail else detail


#: action → how its stored detail reads (see the module docstring).
DETAIL_WORDS: dict[str, Callable] = {
    "call.save": _coded(lambda code: labels.label(labels.OUTCOMES, code)),
    "call.edit": _call_fields,
    "call.handoff": _coded(lambda code: labels.label(labels.HANDOFF_KINDS, code)),
    "call.assign": _assigned,
    "case.assign": _assigned,
    "case.open": _opened,
    "case.step": _coded(lambda code: _word("at_step", step_label(code))),
    "case.cycle": _coded(lambda code: _word("back_to", step_label(code))),
    "case.note": _event("note"),
    "case.correction": _event("correction"),
    "case.link": lambda detail, _c: _word("link", detail[5:]) if detail.startswith("call=") else detail,
    "case.referral": _coded(service_label),
    "case.referral_outcome": _coded(service_label),
    "case.close": _coded(lambda code: _word("at_step", step_label(code))),
    "case.reopen": _coded(lambda code: _word("at_step", step_label(code))),
    "case.details": _case_fields,
    "case.emergency": _coded(emergency_label),
    "export": _export,
    "stats.export": lambda detail, _c: FORMATS.get(detail, detail),
    "user.add": _roles,
    "user.first_admin": _roles,
    "user.update": _user_fields,
    "login.failed": _failed,
    "session.lock": lambda detail, _c: _word(detail) if detail in ("idle", "by_hand") else detail,
    "category.add": _group,
    "category.delete": _group,
    "category.move": _moved,
    "line.move": _moved,
    "backup.take": _table(BACKUP_KINDS, tr),
    "backup.restore": _restored,
}


class DetailContext:
    """What a detail may name besides codes: users (id → "Name (username)") and category groups (code → label)."""

    def __init__(self, names: Mapping[int, str] | None = None, groups: Mapping[str, str] | None = None):
        self.names = dict(names or {})
        self.groups = dict(groups or {})


def detail_text(action: str, detail: str, context: DetailContext | None = None) -> str:
    """The stored detail of an ``action`` in words; a detail of an unknown shape is shown as stored."""
    wording = DETAIL_WORDS.get(action)
    if not detail or wording is None:
        return detail
    try:
        return wording(detail, context or DetailContext())
    except (ValueError, KeyError):  # a detail written by an older or newer Hotline: as stored, never an error
        return detail
