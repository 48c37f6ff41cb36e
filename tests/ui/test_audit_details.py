"""The audit log's details read as words: every detail a writer stores, from field lists to exports and restores."""

from __future__ import annotations

import ast
import re
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

from hotline.core.backups import KINDS as BACKUP_KINDS
from hotline.core.models import Call, Child
from hotline.core.timeutil import utcnow
from hotline.store import audit, backup, lines, users
from hotline.store import calls as call_store
from hotline.store import cases as case_store
from hotline.store.access import COMMAND_LINE
from hotline.store.call_values import CHILD_FIELDS
from hotline.store.db import open_database
from hotline.ui import audit_details
from hotline.ui.audit_screen import AuditScreen
from hotline.ui.models.audit_model import DETAIL

ROOT = Path(__file__).resolve().parents[2]
#: What a detail must never show: a code with an underscore, key=value, a bare file suffix, two codes glued by a comma.
RAW = re.compile(r"\b[a-z]+_[a-z_]+\b|=|^\.\w+|\w,\w")


def _actions(node: ast.AST) -> set[str]:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return {node.value}
    if isinstance(node, ast.IfExp):
        return _actions(node.body) | _actions(node.orelse)
    if isinstance(node, ast.JoinedStr):
        return {"".join(v.value if isinstance(v, ast.Constant) else "{}" for v in node.values)}
    return {"?"}  # a variable: its values are found by the other audit test


def actions_stored_with_a_detail() -> set[str]:
    """The actions that an audit.append(…) (or a window's _audit) in the sources hands a detail to."""
    found: set[str] = set()
    for path in (ROOT / "hotline").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Attribute):
                continue
            detailed = any(k.arg == "detail" for k in node.keywords)
            if node.func.attr == "append" and getattr(node.func.value, "id", "") == "audit" and len(node.args) >= 3:
                found |= _actions(node.args[2]) if detailed or len(node.args) >= 6 else set()
            elif node.func.attr == "_audit" and node.args and (detailed or len(node.args) >= 2):
                found |= _actions(node.args[0])
    return found


def test_every_detail_a_writer_stores_has_words():
    """Each action stored with a detail anywhere in the sources has its detail worded in audit_details."""
    found = actions_stored_with_a_detail()
    assert {"call.edit", "export", "backup.restore", "case.{}", "case.open"} <= found
    found = (found - {"case.{}", "?"}) | {"case.note", "case.correction"}
    missing = sorted(found - set(audit_details.DETAIL_WORDS))
    assert not missing, f"word these actions' details in hotline/ui/audit_details.py: {missing}"


def test_every_field_and_code_a_detail_can_hold_has_words():
    """Every call field an edit can list, every child field and every backup kind reads as words, not a code."""
    for field in (*call_store.EDITABLE_FIELDS, "children", *(f"children.1.{a}" for a in CHILD_FIELDS)):
        assert not RAW.search(audit_details.call_field_label(field)), field
        assert audit_details.call_field_label(field) != field, field
    assert set(BACKUP_KINDS) <= set(audit_details.BACKUP_KINDS)


def test_the_screen_shows_each_writers_detail_in_words(qtbot, tmp_path):
    """A call edited, a case opened with a note, a line moved, roles changed, a backup taken and restored, two
    exports: the Detail column reads "Phone number, Summary", "To Excel, 81 rows", "Note no. …", never a token."""
    path = tmp_path / "hotline.sqlite3"
    db = open_database(path)
    admin = users.add_user(db, "quantri", "Quản trị", ["admin"], "mat-khau-dai-1", by=COMMAND_LINE)
    backup.take_backup(path, tmp_path / "backups", kind="manual", actor=admin.id)
    [taken] = backup.list_backups(tmp_path / "backups")
    db.close()
    kept = backup.restore(path, taken.path, actor=admin.id)
    db = open_database(path)
    backup.take_backup(path, tmp_path / "backups", kind="manual", actor=admin.id)
    lead = users.add_user(db, "truongca", "Trưởng ca", ["shift_lead", "operator"], "mat-khau-dai-1", by=COMMAND_LINE)
    counselor = users.add_user(db, "canbo1", "Cán bộ", ["counselor"], "mat-khau-dai-1", by=COMMAND_LINE)
    call = call_store.save_call(db, Call(
        line="111", started_at=utcnow() - timedelta(minutes=5), operator_id=lead.id, categories=["abuse.violence"],
        risk="high", service_level="intervention", summary="Trẻ bị đánh.", children=[Child(name="Bé Hoa", age=9)],
        flagged=True,
    ))  # fmt: skip
    call_store.update_call(db, replace(call, phone_raw="0912 345 678", summary="Trẻ bị đánh nhiều lần."),
                           user_id=lead.id)  # fmt: skip
    [case] = case_store.open_cases(db, call.id, [call.children[0].id], by_user_id=counselor.id,
                                   assigned_to=counselor.id)  # fmt: skip
    case_store.add_note(db, case.id, "Đã gọi xã.", by_user_id=counselor.id)
    lines.add_line(db, "1900", "Thử", by=admin.id)
    lines.move_line(db, "1900", -1, by=admin.id)
    users.update_user(db, counselor.id, roles=["counselor", "operator"], by=admin.id)
    # the two export writers' formats: the daily log's and the command line's
    audit.append(db, lead.id, "export", "calls", "", ".xlsx 81 rows")
    audit.append(db, lead.id, "export", "calls", "", "csv 2026-12-01..2026-12-06 1 rows")

    screen = AuditScreen(db, admin, "en")
    qtbot.addWidget(screen)
    screen.show()
    qtbot.waitUntil(lambda: screen.model.rowCount() > 0)
    while screen.model.canFetchMore():
        screen.model.fetchMore()
    shown = {}
    for row in range(screen.model.rowCount()):
        entry = screen.model.row(row)
        shown.setdefault(entry.action, []).append(screen.model.text(entry, DETAIL))
    try:
        assert shown["call.edit"] == ["Phone number, Summary"]
        assert shown["export"] == ["To CSV, 01/12/2026 – 06/12/2026, 1 row", "To Excel, 81 rows"]
        assert shown["case.open"] == [f"{case.number}, from call {call.id}"]
        assert shown["case.note"][0].startswith("Note no. ")
        assert shown["line.move"] == ["Up 1 place"]
        assert shown["user.update"] == ["Roles: Counselor, Operator"]
        assert shown["backup.take"] == ["Taken by hand"]
        assert shown["backup.restore"] == [f"The previous database was kept as {kept.name}"]
        raw = {action: texts for action, texts in shown.items() if any(RAW.search(t) for t in texts)}
        assert not raw
    finally:
        screen.close()
        db.close()
