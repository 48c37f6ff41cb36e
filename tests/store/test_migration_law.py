"""Migration 0010 (docs/law.md): a database of calls stored before the law per child upgrades with every call
keeping its meaning — child marriage moves to the rights group, each call gets 111's service level and each
child the status the report gave them."""

from __future__ import annotations

import json
from datetime import UTC, datetime

from hotline.core.timeutil import to_ms
from hotline.store import migrations, users
from hotline.store.access import COMMAND_LINE
from hotline.store.calls import get_call
from hotline.store.db import connect, open_database

T0 = to_ms(datetime(2026, 3, 2, 2, 0, tzinfo=UTC))


def _old_call(db, call_id: int, user_id: int, codes: list[str], flagged: int, outcome: str = "substantive") -> None:
    """A call as the version before 0010 wrote it (today's store writes columns the old file does not have)."""
    db.execute(
        "INSERT INTO calls(id, uuid, line, channel, started_at, operator_id, outcome, risk, flagged, case_need,"
        " created_at, updated_at) VALUES (?, ?, '111', 'phone', ?, ?, ?, 'none', ?, ?, ?, ?)",
        [call_id, f"u{call_id}", T0, user_id, outcome, flagged, "required" if flagged else "not_needed", T0, T0],
    )
    db.conn.executemany("INSERT INTO call_categories(call_id, code) VALUES (?, ?)", [(call_id, code) for code in codes])


def test_calls_stored_before_the_law_per_child_keep_their_meaning(tmp_path):
    """Luật Trẻ em Điều 6(4): a child-marriage call becomes a rights violation; the old calls get their service
    level (flagged → intervention, counselling → counselling, else information) and their children a status
    (abuse report or groups i, k, l, m → abused); labels the administrator kept follow the law's wording."""
    path = tmp_path / "old.sqlite3"
    old = connect(path)
    migrations.migrations.apply(old, stop_before="0010_law_per_child")
    user = users.add_user(old, "lead9", "Lead Nine", ["shift_lead"], "test-password-1", by=COMMAND_LINE)
    # the category list of that version (migration 0001 seeds today's file, which no longer has it)
    old.execute(
        "INSERT INTO categories(code, group_code, label_vi, label_en, sort, active)"
        " VALUES ('abuse.child_marriage', 'abuse', 'Tảo hôn', 'Child marriage', 9, 1)"
    )
    old.execute(
        "UPDATE categories SET label_vi = 'Lấy mô, bộ phận cơ thể người' WHERE code = 'trafficking.organ_removal'"
    )
    _old_call(old, 1, user.id, ["abuse.child_marriage"], flagged=0)
    _old_call(old, 2, user.id, ["abuse.violence"], flagged=1)
    _old_call(old, 3, user.id, ["counselling.education"], flagged=0)
    _old_call(old, 4, user.id, ["info.hotline"], flagged=0)
    _old_call(old, 5, user.id, [], flagged=0, outcome="silent")
    old.execute(
        "INSERT INTO call_children(call_id, position, name, special_circumstances) VALUES"
        " (2, 0, 'Bé An', '[]'), (3, 0, 'Bé Bình', ?), (3, 1, 'Bé Chi', ?)",
        [json.dumps(["trafficked"]), json.dumps(["disability"])],
    )
    old.execute("UPDATE categories SET label_vi = 'Lao động (tên của trung tâm)' WHERE code = 'abuse.child_labour'")
    old.conn.commit()
    old.close()

    db = open_database(path)
    try:
        codes = dict(db.conn.execute("SELECT call_id, group_concat(code) FROM call_categories GROUP BY call_id"))
        assert codes[1] == "rights.child_marriage"
        assert db.conn.execute("SELECT count(*) FROM categories WHERE code = 'abuse.child_marriage'").fetchone()[0] == 0
        levels = dict(db.conn.execute("SELECT id, service_level FROM calls"))
        assert levels == {1: "information", 2: "intervention", 3: "counselling", 4: "information", 5: ""}
        statuses = dict(db.conn.execute("SELECT name, status FROM call_children"))
        assert statuses == {"Bé An": "abused", "Bé Bình": "abused", "Bé Chi": "unclear"}
        labels = dict(db.conn.execute("SELECT code, label_vi FROM categories"))
        assert labels["trafficking.organ_removal"] == "Lấy bộ phận cơ thể người"
        assert labels["abuse.child_labour"] == "Lao động (tên của trung tâm)"  # the administrator's own label stays
        assert labels["rights.abduction"] == "Bắt cóc, đánh tráo, chiếm đoạt trẻ em"
        # an old call reads back whole, with no hand-off clock started by the upgrade
        call = get_call(db, 2, viewer_id=user.id)
        assert call.handoff_due is None and call.handoffs == [] and call.service_level == "intervention"
    finally:
        db.close()
