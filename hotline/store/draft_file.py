"""Drafts kept in files when the database cannot take them (disk full, damaged, read-only): nothing typed is lost.

One JSON file per call being typed, in a folder beside the database (``hotline.sqlite3-drafts/``: in the data
folder for the default database), named by the call's random uuid only, so no personal data shows in a file
name. Files and folder are readable by their owner only on Linux and macOS. A file is written to a temporary name,
flushed to the disk and renamed, so a crash leaves the previous version or the new one, never half of one.

On a really full disk the file could not be written either: the folder therefore holds a reserve (a 4 MB file of
its own, made while there is space) that is given back to the file system the moment a draft meets a full disk.
"""

from __future__ import annotations

import contextlib
import errno
import json
import logging
import os
import re
import tempfile
import time
from pathlib import Path

from hotline.core.models import Draft
from hotline.core.timeutil import from_ms, to_ms, utcnow
from hotline.store.db import owner_only

log = logging.getLogger(__name__)

FOLDER_SUFFIX = "-drafts"
_SUFFIX = ".json"
RESERVE_NAME = "reserve.bin"
RESERVE_BYTES = 4 << 20  # a draft is a few kB; even 1 MB of pasted text fits
_DISK_FULL = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)}
_PARTIAL_MAX_AGE_S = 600  # a temporary file older than this was left by a crash (it may hold typed text)
#: A draft key is the call's uuid; anything else could escape the folder or carry text typed by someone.
_SAFE_KEY = re.compile(r"^[A-Za-z0-9-]{1,64}$")


def drafts_folder(db_path: Path | str) -> Path:
    """The folder of the fallback drafts of the database ``db_path``."""
    db_path = Path(db_path)
    return db_path.with_name(db_path.name + FOLDER_SUFFIX)


def draft_file(folder: Path, key: str) -> Path:
    if not _SAFE_KEY.match(key):
        raise ValueError("a draft key is a call's uuid")
    return folder / f"{key}{_SUFFIX}"


def keep_reserve(folder: Path) -> bool:
    """Make sure ``folder`` holds its reserve (written out, not sparse); whether it does. Never raises."""
    target = folder / RESERVE_NAME
    with contextlib.suppress(OSError):
        if target.stat().st_size == RESERVE_BYTES:
            return True
    partial = folder / (RESERVE_NAME + ".partial")
    try:
        _make_folder(folder)
        with open(partial, "wb") as stream:
            block = b"\xa5" * (1 << 20)  # not zeros: a compressing file system would keep no room for them
            for _ in range(RESERVE_BYTES // len(block)):
                stream.write(block)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(partial, target)
    except OSError as exc:
        with contextlib.suppress(OSError):
            partial.unlink()
        log.info("no reserve for drafts (%s)", exc.strerror)
        return False
    return True


def _make_folder(folder: Path) -> None:
    if not folder.is_dir():
        folder.mkdir(parents=True, exist_ok=True)
        owner_only(folder, folder=True)


def write_draft_file(folder: Path, user_id: int, workstation: str, key: str, state: dict, started_at) -> Path:
    """Write the draft ``key`` to its file (replacing an older version); raises OSError when it cannot.

    On a full disk the folder's reserve is given back first and the write tried once more."""
    try:
        return _write_draft_file(folder, user_id, workstation, key, state, started_at)
    except OSError as exc:
        reserve = folder / RESERVE_NAME
        if exc.errno not in _DISK_FULL or not reserve.exists():
            raise
        reserve.unlink()
        log.warning("the disk is full: the drafts' reserve is given back to keep a draft")
        return _write_draft_file(folder, user_id, workstation, key, state, started_at)


def _write_draft_file(folder: Path, user_id: int, workstation: str, key: str, state: dict, started_at) -> Path:
    _make_folder(folder)
    target = draft_file(folder, key)
    payload = json.dumps(
        {
            "key": key,
            "user_id": user_id,
            "workstation": workstation,
            "started_at": to_ms(started_at),
            "updated_at": to_ms(utcnow()),
            "state": state,
        },
        ensure_ascii=False,
    ).encode("utf-8")
    handle, temporary = tempfile.mkstemp(prefix=".draft-", suffix=".partial", dir=folder)  # 0600 on POSIX
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(payload)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, target)
        _sync_folder(folder)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    owner_only(target)
    return target


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (a power cut right after must not bring back the older file or none)."""
    if os.name != "posix":
        return  # Windows cannot open a folder; NTFS journals the rename
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def read_draft_files(folder: Path, user_id: int, workstation: str) -> list[Draft]:
    """The drafts of this user on this workstation kept in ``folder``; unreadable files are skipped (and logged)."""
    if not folder.is_dir():
        return []
    _remove_leftovers(folder)
    found = []
    for entry in folder.glob(f"*{_SUFFIX}"):
        try:
            data = json.loads(entry.read_text(encoding="utf-8"))
            if data["user_id"] != user_id or data["workstation"] != workstation:
                continue
            found.append(
                Draft(
                    data["key"], user_id, workstation, data["state"], from_ms(data["started_at"]),
                    from_ms(data["updated_at"]),
                )
            )  # fmt: skip
        except (OSError, ValueError, KeyError, TypeError):
            log.warning("a draft file could not be read: %s", entry.name)  # the name is a uuid: no personal data
    return found


def _remove_leftovers(folder: Path) -> None:
    """Delete temporary files a crash left half-written (they may hold typed text); a recent one may be another
    copy's write in progress, so only old ones go."""
    for entry in folder.glob(".draft-*.partial"):
        with contextlib.suppress(OSError):
            if time.time() - entry.stat().st_mtime > _PARTIAL_MAX_AGE_S:
                entry.unlink()


def remove_draft_file(folder: Path, key: str, user_id: int, workstation: str) -> None:
    """Delete the file of draft ``key`` if it is this user's on this workstation (nothing happens otherwise)."""
    try:
        target = draft_file(folder, key)
        data = json.loads(target.read_text(encoding="utf-8"))
    except (FileNotFoundError, ValueError):
        return  # no such file, or not a draft we could ever offer (read_draft_files skips it too)
    if data.get("user_id") == user_id and data.get("workstation") == workstation:
        target.unlink(missing_ok=True)
