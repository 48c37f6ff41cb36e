"""A disk that really fills up (a 6 MB tmpfs in a private mount namespace): the draft still finds room."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).parent


def _run_in_small_disk(folder: Path) -> subprocess.CompletedProcess:
    folder.mkdir()
    worker = HERE / "full_disk_worker.py"
    script = f'mount -t tmpfs -o size=6m tmpfs "{folder}" && exec "{sys.executable}" "{worker}" "{folder}"'
    return subprocess.run(
        ["unshare", "-rm", "sh", "-c", script], capture_output=True, text=True, timeout=120,
        env={**os.environ, "HOTLINE_DATA_DIR": str(folder)},
    )  # fmt: skip


@pytest.mark.skipif(sys.platform != "linux" or shutil.which("unshare") is None, reason="needs Linux namespaces")
def test_a_really_full_disk_keeps_the_draft_in_the_reserve_and_saves_once_space_returns(tmp_path):
    """On a full file system the draft goes to its file through the reserve, is offered back, and the call saves
    once space returns (and the reserve is made again)."""
    done = _run_in_small_disk(tmp_path / "disk")
    lines = [line for line in done.stdout.splitlines() if line.startswith("RESULT ")]
    if not lines and ("unshare" in done.stderr or "mount" in done.stderr):
        pytest.skip("no private mount namespace here: " + done.stderr.strip().splitlines()[-1])
    assert lines, done.stderr[-2000:]
    result = json.loads(lines[-1].removeprefix("RESULT "))
    assert result["reserve_at_start"] and result["filled"]
    assert result.get("draft_in_file") is True, result
    assert result["draft_refused_because"] == "DiskFullError"
    assert result["offered"] == [True]
    assert result.get("save_error") == "DiskFullError"
    assert result["saved_after"] and result["offered_after"] == 0
    assert result["reserve_again"] is True and result["integrity"] == "ok"
