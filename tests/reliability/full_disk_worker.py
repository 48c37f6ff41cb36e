"""Run inside a small file system that really fills up (see test_rel_real_full_disk.py); prints one JSON line."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from hotline.core.models import Call
from hotline.core.timeutil import utcnow
from hotline.store import calls as call_store
from hotline.store import drafts as draft_store
from hotline.store import users
from hotline.store.access import COMMAND_LINE
from hotline.store.db import StoreError, open_database
from hotline.store.draft_file import RESERVE_NAME, drafts_folder


def fill(filler: Path) -> str:
    """Append to ``filler`` until the file system is full; the error it then gives."""
    with open(filler, "ab", buffering=0) as stream:
        try:
            while True:
                stream.write(b"x" * 4096)
        except OSError as exc:
            return exc.strerror


def main(folder: Path) -> dict:
    path = folder / "hotline.sqlite3"
    db = open_database(path)
    operator = users.add_user(db, "tongdai", "Tổng đài viên", ["operator"], "mat-khau-dai-1", by=COMMAND_LINE)
    draft_store.load_drafts(db, operator.id, "pc")  # a sign-in: the reserve is made while there is room
    reserve = drafts_folder(path) / RESERVE_NAME
    result = {"reserve_at_start": reserve.exists()}
    filler = folder / "filler"
    result["filled"] = fill(filler)
    summary = "Trẻ kể bị đánh, đang trốn ở nhà hàng xóm. " * 3000  # 120 kB: needs new pages and a real file
    try:
        kept = draft_store.save_draft(db, operator.id, "pc", "call-1", {"summary": summary}, utcnow())
        result["draft_in_file"] = kept.file is not None
        result["draft_refused_because"] = type(kept.database_error).__name__
    except StoreError as exc:
        result["draft_error"] = type(exc).__name__
    result["reserve_after_full"] = reserve.exists()
    offered = draft_store.load_drafts(db, operator.id, "pc")
    result["offered"] = [d.state["summary"] == summary for d in offered]
    fill(filler)  # the room the reserve gave back is taken too, as other programs would
    call = Call(line="111", started_at=utcnow(), operator_id=operator.id, summary=summary, uuid="call-1", risk="none",
                service_level="counselling")  # fmt: skip
    try:
        call_store.save_call(db, call, draft=(operator.id, "pc", "call-1"))
        result["saved_while_full"] = True
    except StoreError as exc:
        result["save_error"] = type(exc).__name__
    filler.unlink()
    saved = call_store.save_call(db, call, draft=(operator.id, "pc", "call-1"))
    result["saved_after"] = (
        db.conn.execute("SELECT summary FROM calls WHERE id = ?", [saved.id]).fetchone()[0] == summary
    )
    result["offered_after"] = len(draft_store.load_drafts(db, operator.id, "pc"))
    result["reserve_again"] = reserve.exists()
    result["integrity"] = db.conn.execute("PRAGMA integrity_check").fetchone()[0]
    return result


if __name__ == "__main__":
    print("RESULT " + json.dumps(main(Path(sys.argv[1]))), flush=True)
