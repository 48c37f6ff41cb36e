"""Backups belong to their database: two databases in one folder never rotate away or stand in for each other's."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from hotline.core.backups import backup_name
from hotline.settings import Settings
from hotline.store import backup
from hotline.store.access import COMMAND_LINE
from hotline.store.db import open_database

#: 09:00 on 02/03/2026 in Vietnam.
NOW = datetime(2026, 3, 2, 2, 0, tzinfo=UTC)
#: Nothing kept but the newest backup: the rotation that deleted the other database's backups.
KEEP_ONE = Settings({"backups_daily": 0, "backups_monthly": 0})


def make_database(path):
    open_database(path).close()
    return path


def test_two_databases_in_one_folder_keep_their_own_backups(tmp_path):
    """Closing the centre's database rotates only its own backups; the training database's first backup of the
    day is still taken after the centre's, and each backup file is named by its database."""
    centre = make_database(tmp_path / "centre.sqlite3")
    training = make_database(tmp_path / "training.sqlite3")
    assert backup.backup_folder(KEEP_ONE, centre) == backup.backup_folder(KEEP_ONE, training)

    first = backup.startup_backup(centre, KEEP_ONE, now=NOW)
    assert first is not None and first.path.name.startswith("centre-")
    second = backup.startup_backup(training, KEEP_ONE, now=NOW + timedelta(minutes=1))
    assert second is not None, "the training database's first backup of the day was skipped"
    assert second.path.name.startswith("training-")

    backup.after_session_backup(centre, KEEP_ONE, now=NOW + timedelta(hours=2))
    assert second.path.exists(), "closing the centre's database rotated away the training database's backup"
    assert not first.path.exists()  # its own older backup is rotated as before

    folder = backup.backup_folder(KEEP_ONE, centre)
    assert [i.path for i in backup.list_backups(folder, database="training")] == [second.path]
    assert all(i.path.name.startswith("centre-") for i in backup.restore_candidates_for(KEEP_ONE, centre))


def test_backups_of_the_older_shared_naming_are_still_offered(tmp_path):
    """A backup written before backups were named by their database (hotline-…) is offered for the database it
    belongs to by name, hotline.sqlite3, and not for another database of the same folder."""
    hotline = make_database(tmp_path / "hotline.sqlite3")
    other = make_database(tmp_path / "other.sqlite3")
    folder = backup.backup_folder(Settings(), hotline)
    older = backup.take_backup(hotline, folder, kind="daily", actor=COMMAND_LINE, now=NOW)
    assert older.path.name == backup_name(NOW, "daily")  # the name older versions wrote
    assert [i.path for i in backup.restore_candidates_for(Settings(), hotline)] == [older.path]
    assert backup.restore_candidates_for(Settings(), other) == []
    # and the other database's first backup of the day is not skipped because of it
    assert backup.daily_backup_due(folder, NOW, database="other")


def test_a_centre_database_alone_in_its_folder_still_finds_its_older_backups(tmp_path):
    """A database not named hotline.sqlite3, alone in its folder, is offered the hotline-… backups written for it
    before backups were named by their database; its new ones carry its own name."""
    centre = make_database(tmp_path / "centre.sqlite3")
    folder = backup.backup_folder(Settings(), centre)
    older = backup.take_backup(centre, folder, kind="daily", actor=COMMAND_LINE, now=NOW)
    older.path.rename(folder / backup_name(NOW, "daily"))  # as an older version named it
    newer = backup.take_backup(centre, folder, kind="manual", actor=COMMAND_LINE, now=NOW + timedelta(days=1))
    assert newer.path.name.startswith("centre-")
    assert [i.path.name for i in backup.restore_candidates_for(Settings(), centre)] == [
        newer.path.name, backup_name(NOW, "daily"),
    ]  # fmt: skip
