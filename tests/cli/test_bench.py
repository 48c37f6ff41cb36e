"""`python -m hotline bench` measures every figure of DESIGN §8, the GUI ones in fresh processes (no timing asserts)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from hotline.bench_gui import parse_args

STORE_ROWS = {
    "save_call", "caller_history", "day_log", "search_first_page", "stats_month", "stats_year", "log_day_filter",
    "log_search", "log_month_page", "followup_queue",
}  # fmt: skip
#: Beside their bare twin: the store rows as bare SQL, the start-up as a bare PySide6 window.
WITH_BARE = STORE_ROWS | {"startup"}
GUI_ROWS = {"startup", "sign_in_to_call_screen", "sign_in_check"}
HAS_RESOURCE = sys.platform != "win32"


@pytest.fixture(scope="module")
def bench_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[subprocess.CompletedProcess, dict]:
    """One small bench (2000 calls, few repeats) in a private data folder: its output and its JSON."""
    folder = tmp_path_factory.mktemp("bench")
    out = folder / "bench.json"
    env = os.environ | {"HOTLINE_DATA_DIR": str(folder / "data"), "PYTHONIOENCODING": "utf-8"}
    done = subprocess.run(
        [sys.executable, "-m", "hotline", "bench", "--calls", "2000", "--repeat", "3", "--json", str(out)],
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=600,
    )
    assert done.returncode == 0, done.stderr
    return done, json.loads(out.read_text(encoding="utf-8"))


def test_bench_json_has_every_row_with_numbers(bench_run):
    """Every store row, the start-up, sign-in and memory rows are in the JSON with positive numbers and a target."""
    _done, payload = bench_run
    figures = {figure["name"]: figure for figure in payload["figures"]}
    expected = STORE_ROWS | GUI_ROWS | ({"peak_memory"} if HAS_RESOURCE else set())
    assert set(figures) == expected
    for name, figure in figures.items():
        assert figure["median_ms"] > 0 and figure["p95_ms"] >= figure["median_ms"], name
        assert isinstance(figure["meets_target"], bool), name
        assert (figure["target_ms"] is None) == (name == "sign_in_check"), name
        if name in WITH_BARE:
            assert figure["bare_median_ms"] > 0 and figure["ratio"] > 0, name
    if HAS_RESOURCE:
        assert figures["peak_memory"]["unit"] == "MB"
        assert figures["peak_memory"]["target_ms"] == 250
    assert payload["calls"] == 2000
    assert payload["missed"] == [name for name, figure in figures.items() if not figure["meets_target"]]


def test_bench_table_says_which_figures_miss(bench_run):
    """The printed table has a line per row, and the last line names the figures that miss or says none does."""
    done, payload = bench_run
    lines = done.stdout.splitlines()
    for figure in payload["figures"]:
        assert any(line.split()[:1] == [figure["name"]] for line in lines), figure["name"]
    if payload["missed"]:
        assert lines[-1] == "MISSES ITS TARGET: " + ", ".join(payload["missed"])
        assert sum("MISSES TARGET" in line for line in lines) == len(payload["missed"])
    else:
        assert lines[-1] == "every figure meets its target"


@pytest.mark.skipif(HAS_RESOURCE, reason="the resource module exists here")
def test_bench_says_memory_is_not_measured_without_resource(bench_run):
    """Without the resource module (Windows) the bench says peak memory was not measured."""
    _done, payload = bench_run
    assert any("peak memory not measured" in note for note in payload["notes"])


def test_gui_process_needs_day_and_month_together(capsys):
    """The measured GUI process refuses a daily-log day without the month to scroll (and the reverse)."""
    for args in (["--log-day", "2026-10-01"], ["--log-month", "2026-10-01", "2026-10-31"]):
        with pytest.raises(SystemExit) as exit_info:
            parse_args(["startup", "--db", str(Path("x.sqlite3")), *args])
        assert exit_info.value.code == 2
        assert "go together" in capsys.readouterr().err


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="Linux only: /proc/self/status")
def test_peak_memory_is_the_measured_process_own_not_its_parents():
    """A process started by a parent holding 300 MB reports its own peak, not the parent's (ru_maxrss would)."""
    import subprocess
    import sys

    ballast = b"x" * (300 << 20)  # resident in this (parent) process
    done = subprocess.run(
        [sys.executable, "-c", "from hotline.bench_gui import peak_rss_mb; print(peak_rss_mb())"],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    assert len(ballast) == 300 << 20
    assert 5 < float(done.stdout) < 200
