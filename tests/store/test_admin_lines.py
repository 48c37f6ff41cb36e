"""Lines as the administrator keeps them: add, rename, reorder, deactivate (never the last), all guarded and audited."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hotline.store import audit, lines
from hotline.store.access import COMMAND_LINE, PermissionDenied
from hotline.store.db import NotFoundError
from hotline.store.lines import LineError


def codes(db) -> list[str]:
    return [line.code for line in lines.list_lines(db)]


def test_add_line_goes_last_and_is_audited(db):
    """A new line is stored with its name, active, after the existing lines, and audited with its code."""
    added = lines.add_line(db, " 18001567 ", "  Đường dây thử  ", by=COMMAND_LINE)
    assert added == lines.Line("18001567", "Đường dây thử", True)
    assert codes(db) == ["111", "18008077", "18001567"]
    (entry,) = audit.entries(db, viewer=COMMAND_LINE, action="line.add")
    assert (entry.user_id, entry.entity_id) == (None, "18001567")


@pytest.mark.parametrize("code", ["1", "111 2", "1800-1567", "đường", "x" * 21, "", "111", "18008077"])
def test_bad_or_taken_codes_are_refused(db, code):
    """A code that is not 2–20 letters or digits, or one already used, is refused and nothing is added."""
    with pytest.raises(LineError) as refused:
        lines.add_line(db, code, "Tên", by=COMMAND_LINE)
    assert refused.value.code in ("line.code_invalid", "line.exists")
    assert codes(db) == ["111", "18008077"]


def test_a_code_differing_only_in_case_is_taken(db):
    """'ZALO' after 'zalo' is refused: the two would look the same in every list."""
    lines.add_line(db, "zalo", "Zalo", by=COMMAND_LINE)
    with pytest.raises(LineError, match="exists already"):
        lines.add_line(db, "ZALO", "Zalo 2", by=COMMAND_LINE)


def test_rename_keeps_the_code(db):
    """Renaming changes only the name; calls keep pointing at the same code."""
    renamed = lines.rename_line(db, "111", "Tổng đài 111 (mới)", by=COMMAND_LINE)
    assert renamed == lines.Line("111", "Tổng đài 111 (mới)", True)
    with pytest.raises(LineError, match="must not be empty"):
        lines.rename_line(db, "111", "   ", by=COMMAND_LINE)
    with pytest.raises(NotFoundError):
        lines.rename_line(db, "999", "X", by=COMMAND_LINE)


def test_move_line_reorders_and_stops_at_the_ends(db):
    """move_line shifts a line by its offset; an offset past either end stops there."""
    lines.add_line(db, "zalo", "Zalo", by=COMMAND_LINE)
    lines.move_line(db, "zalo", -1, by=COMMAND_LINE)
    assert codes(db) == ["111", "zalo", "18008077"]
    lines.move_line(db, "zalo", -10, by=COMMAND_LINE)
    assert codes(db) == ["zalo", "111", "18008077"]
    lines.move_line(db, "zalo", 99, by=COMMAND_LINE)
    assert codes(db) == ["111", "18008077", "zalo"]


def test_deactivate_and_the_last_active_line(db):
    """A deactivated line leaves the active list but stays listed; the last active line cannot be deactivated."""
    lines.set_line_active(db, "18008077", False, by=COMMAND_LINE)
    assert [line.code for line in lines.list_lines(db, active_only=True)] == ["111"]
    assert codes(db) == ["111", "18008077"]
    with pytest.raises(LineError, match="At least one line must stay active"):
        lines.set_line_active(db, "111", False, by=COMMAND_LINE)
    assert lines.set_line_active(db, "18008077", True, by=COMMAND_LINE).active
    actions = [e.action for e in audit.entries(db, viewer=COMMAND_LINE, action="line.")]
    assert actions == ["line.activate", "line.deactivate"]


@pytest.mark.parametrize(
    "change",
    [
        lambda db, by: lines.add_line(db, "zalo", "Zalo", by=by),
        lambda db, by: lines.rename_line(db, "111", "X", by=by),
        lambda db, by: lines.set_line_active(db, "18008077", False, by=by),
        lambda db, by: lines.move_line(db, "18008077", -1, by=by),
    ],
    ids=["add", "rename", "deactivate", "move"],
)
def test_only_an_administrator_changes_lines(db, lead_id, change):
    """A shift lead is refused every change to the lines; the table stays as it was."""
    before = db.conn.execute("SELECT * FROM lines ORDER BY code").fetchall()
    with pytest.raises(PermissionDenied):
        change(db, lead_id)
    assert db.conn.execute("SELECT * FROM lines ORDER BY code").fetchall() == before


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=st.text(max_size=140))
def test_any_typed_name_is_stored_or_refused_with_a_message(db, name):
    """Whatever is typed as a name is either stored and read back (trimmed, NFC) or refused with a coded
    message."""
    try:
        renamed = lines.rename_line(db, "111", name, by=COMMAND_LINE)
    except LineError as exc:
        assert exc.code.startswith("line.name_") and str(exc)
        return
    assert renamed.name == lines.get_line(db, "111").name == unicodedata.normalize("NFC", name).strip()
    assert renamed.name
