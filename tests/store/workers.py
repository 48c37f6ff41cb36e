"""Start worker processes that wait for each other, let them go at the same moment, collect what they print
(the concurrency tests of case numbers, Mẫu 01 numbers and saves)."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path


def run_at_once(folder: Path, workers: dict[int, list[str]], timeout: float = 120) -> list[tuple[int, str, str]]:
    """Run ``python -c ARGS…`` for each worker number; each touches ``folder/ready-N`` when ready and waits for
    ``folder/go``. Returns (exit code, stdout, stderr) per worker, in the order given."""
    started = {
        n: subprocess.Popen([sys.executable, "-c", *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for n, args in workers.items()
    }
    try:
        deadline = time.monotonic() + 60
        while not all((folder / f"ready-{n}").exists() for n in started):
            assert all(w.poll() is None for w in started.values()), "a worker stopped before it was ready"
            assert time.monotonic() < deadline, "workers never got ready"
            time.sleep(0.01)
        (folder / "go").touch()
        outputs = [w.communicate(timeout=timeout) for w in started.values()]
    finally:
        for w in started.values():
            if w.poll() is None:
                w.kill()
                w.wait()
    return [(w.returncode, out, err) for w, (out, err) in zip(started.values(), outputs, strict=True)]
