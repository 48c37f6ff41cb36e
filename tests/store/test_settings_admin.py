"""Centre settings as the administrator saves them: checked against the registry, guarded, audited, read back."""

from __future__ import annotations

from datetime import date, time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hotline import settings as centre
from hotline.settings import SettingsError
from hotline.store import audit
from hotline.store.access import COMMAND_LINE, PermissionDenied
from hotline.store.db import StoreError

DAY_AND_NIGHT = [
    {"name": "Ca ngày", "start": "07:00", "end": "19:00"},
    {"name": "Ca đêm", "start": "19:00", "end": "07:00"},
]


@pytest.mark.parametrize(
    ("key", "value", "stored"),
    [
        ("centre_name", "  Trung tâm CTXH An Giang ", "Trung tâm CTXH An Giang"),
        ("case_prefix", "kg", "KG"),
        ("default_province", 79, 79),
        ("shifts", [{"name": " Ca 1 ", "start": "06:00", "end": "14:00"}],
         [{"name": "Ca 1", "start": "06:00", "end": "14:00"}]),
        ("holidays", ["2026-09-02", "2026-01-01", "2026-09-02", date(2026, 4, 30)],
         ["2026-01-01", "2026-04-30", "2026-09-02"]),
        ("idle_minutes", 240, 240),
        ("backup_dir", "", ""),
        ("backups_daily", 1, 1),
        ("backups_monthly", 0, 0),
    ],
)  # fmt: skip
def test_valid_values_are_stored_as_cleaned(db, key, value, stored):
    """A valid value is stored cleaned (trimmed, upper-case prefix, holidays sorted without duplicates) and
    Settings.load reads it back; the change is audited by key."""
    assert centre.save(db, key, value, by=COMMAND_LINE) == stored
    assert centre.Settings.load(db).get(key) == stored
    (entry,) = audit.entries(db, viewer=COMMAND_LINE, action="settings.change")
    assert entry.entity_id == key


def test_shifts_and_holidays_read_as_times_and_dates(db):
    """Saved shifts and holidays come back from Settings as (name, start, end) times and dates."""
    centre.save(db, "shifts", DAY_AND_NIGHT, by=COMMAND_LINE)
    centre.save(db, "holidays", ["2026-09-02", "2026-09-01"], by=COMMAND_LINE)
    loaded = centre.Settings.load(db)
    assert loaded.shifts() == [("Ca ngày", time(7), time(19)), ("Ca đêm", time(19), time(7))]
    assert loaded.holidays() == [date(2026, 9, 1), date(2026, 9, 2)]


def test_an_absolute_backup_folder_is_accepted(db, tmp_path):
    """A full path to a folder is a valid backup folder."""
    assert centre.save(db, "backup_dir", str(tmp_path), by=COMMAND_LINE) == str(tmp_path)


@pytest.mark.parametrize(
    ("key", "value", "says"),
    [
        ("centre_name", "   ", "must not be empty"),
        ("case_prefix", "", "1–6 letters"),
        ("case_prefix", "AGIANG7", "1–6 letters"),
        ("case_prefix", "ĐN", "1–6 letters"),
        ("default_province", 0, "no province with code 0"),
        ("default_province", True, "not a valid value"),
        ("default_province", "91", "not a valid value"),
        ("shifts", [], "at least one shift"),
        ("shifts", [{"name": "", "start": "07:00", "end": "19:00"}], "must not be empty"),
        ("shifts", [{"name": "Ca", "start": "7:00", "end": "19:00"}], "HH:MM"),
        ("shifts", [{"name": "Ca", "start": "07:00", "end": "24:00"}], "HH:MM"),
        ("shifts", [{"name": "Ca", "start": "07:00"}], "needs name, start, end"),
        ("shifts", [["07:00", "19:00"]], "needs name, start, end"),
        ("shifts", [{"name": "Ca", "start": "07:00", "end": "19:00"}, {"name": "ca", "start": "19:00", "end": "07:00"}],
         "two shifts"),
        ("holidays", ["2026-02-30"], "not a date"),
        ("holidays", ["02/09/2026"], "not a date"),
        ("holidays", [20260902], "not a date"),
        ("idle_minutes", 0, "from 1 to 240"),
        ("idle_minutes", 241, "from 1 to 240"),
        ("backup_dir", "backups", "full path"),
        ("backups_daily", 0, "from 1 to 365"),
        ("backups_daily", 366, "from 1 to 365"),
        ("backups_monthly", -1, "from 0 to 120"),
        ("backups_monthly", 121, "from 0 to 120"),
        ("no_such_key", 1, "No setting"),
    ],
)  # fmt: skip
def test_invalid_values_are_refused_with_a_message(db, key, value, says):
    """An invalid value raises SettingsError (a StoreError with a code) naming the problem; nothing is stored."""
    with pytest.raises(SettingsError, match=says) as refused:
        centre.save(db, key, value, by=COMMAND_LINE)
    assert isinstance(refused.value, StoreError) and refused.value.code.startswith("setting.")
    assert db.conn.execute("SELECT count(*) FROM settings").fetchone()[0] == 0


def test_only_an_administrator_saves_settings(db, lead_id):
    """A shift lead may not change a setting, even a valid one: refused before anything is written."""
    with pytest.raises(PermissionDenied):
        centre.save(db, "idle_minutes", 5, by=lead_id)
    assert centre.Settings.load(db).get("idle_minutes") == 10


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    key=st.sampled_from(sorted(centre.REGISTRY)),
    value=st.one_of(
        st.text(max_size=30), st.integers(-5, 500), st.booleans(), st.none(),
        st.lists(st.text(max_size=12), max_size=3),
        st.lists(st.fixed_dictionaries({"name": st.text(max_size=8), "start": st.text(max_size=6),
                                         "end": st.text(max_size=6)}), max_size=3),
    ),
)  # fmt: skip
def test_any_value_is_stored_valid_or_refused(db, key, value):
    """Whatever reaches save() is either refused with SettingsError or stored so that Settings reads it back as
    saved (no stored value is silently replaced by the default)."""
    try:
        stored = centre.save(db, key, value, by=COMMAND_LINE)
    except SettingsError as exc:
        assert exc.code.startswith("setting.") and str(exc)
        return
    assert centre.Settings.load(db).get(key) == stored
