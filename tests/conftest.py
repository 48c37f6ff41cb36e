"""Root test set-up: Qt draws offscreen, and no test touches the real data folder (one temporary folder per run)."""

from __future__ import annotations

import os
import shutil
import tempfile

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Set before any test module is imported, so that even a path computed at import time is a private one.
_DATA_DIR = tempfile.mkdtemp(prefix="hotline-test-data-")
os.environ["HOTLINE_DATA_DIR"] = _DATA_DIR


def pytest_unconfigure(config) -> None:
    shutil.rmtree(_DATA_DIR, ignore_errors=True)
