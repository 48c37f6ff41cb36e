"""Running `python -m hotline …` as a person does, for the command-line tests: a real process, its streams."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path


@dataclass
class Result:
    """What a person sees: the exit status and the two streams."""

    returncode: int
    stdout: str
    stderr: str

    @property
    def error_lines(self) -> list[str]:
        return [line for line in self.stderr.splitlines() if line.strip()]


def environment(data_dir: Path) -> dict[str, str]:
    """The caller's environment with the data folder moved to ``data_dir`` (the real one is never touched)."""
    env = {key: value for key, value in os.environ.items() if not key.startswith("HOTLINE_")}
    env["HOTLINE_DATA_DIR"] = str(data_dir)
    return env


def run_hotline(data_dir: Path, *args: str | Path, stdin: str | None = None, timeout: float = 120) -> Result:
    """Run the command line with the data folder moved to ``data_dir``."""
    done = subprocess.run(
        [sys.executable, "-m", "hotline", *map(str, args)],
        input=stdin if stdin is not None else "",
        capture_output=True,
        encoding="utf-8",
        env=environment(data_dir),
        timeout=timeout,
        check=False,
    )
    return Result(done.returncode, done.stdout, done.stderr)


def assert_ok(result: Result) -> Result:
    assert result.returncode == 0, f"exit {result.returncode}\nstdout: {result.stdout}\nstderr: {result.stderr}"
    assert "Traceback" not in result.stdout + result.stderr
    return result


def assert_one_line_error(result: Result) -> str:
    """A failed command: non-zero exit, exactly one line on stderr, no traceback anywhere."""
    assert result.returncode != 0, f"expected a failure\nstdout: {result.stdout}\nstderr: {result.stderr}"
    assert "Traceback" not in result.stdout + result.stderr
    assert len(result.error_lines) == 1, f"expected one error line, got:\n{result.stderr}"
    return result.error_lines[0]
