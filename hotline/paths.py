"""Where Hotline's files live: the user data folder (platformdirs) and the shipped resources."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "Hotline"
DB_FILENAME = "hotline.sqlite3"
#: Set this to put the data somewhere else (tests, a second centre on one PC).
DATA_DIR_ENV = "HOTLINE_DATA_DIR"


def data_dir() -> Path:
    """The folder of the database and its backups (created on first use)."""
    override = os.environ.get(DATA_DIR_ENV)
    folder = Path(override) if override else Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    return folder


def default_db_path() -> Path:
    return data_dir() / DB_FILENAME


def backup_dir() -> Path:
    return data_dir() / "backups"


def resources_dir() -> Path:
    """``resources/`` of a source checkout, or ``hotline/resources`` inside an installed wheel."""
    checkout = Path(__file__).resolve().parent.parent / "resources"
    if checkout.is_dir():
        return checkout
    from importlib.resources import files

    # files("hotline.resources") would be a MultiplexedPath (no __init__.py there), whose str() is not a path
    return Path(str(files("hotline") / "resources"))


def resource_path(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)
