"""Save calls in a loop until killed, printing each id once its commit returned (worker of test_rel_kill_saves.py).

Usage: save_loop.py DB_PATH OPERATOR_ID SEED. Prints "READY" once the database is open, then one line per saved
call: "<id> <number of children> <category codes joined by commas, or ->". Each call also carries what it was meant
to hold in its summary (``intention_text``), so a call committed but not yet printed is checked as well.
Kept light on purpose (no Qt): the test starts it twenty times.
"""

from __future__ import annotations

import random
import sys
from datetime import UTC, datetime, timedelta

#: Codes the worker picks from (0–4 per call), from every group of the taxonomy.
CATEGORY_CODES = (
    "abuse.violence",
    "abuse.sexual",
    "abuse.neglect",
    "trafficking.forced_labour",
    "trafficking.recruitment_info",
    "counselling.relationships",
    "counselling.mental_health",
    "info.services",
)
_MARK = "intent"


def intention_text(seq: int, children: int, codes: list[str], flagged: bool) -> str:
    """The summary of a worker's call: what the call must hold when it is in the file at all."""
    return f"{_MARK} seq={seq} children={children} categories={','.join(codes) or '-'} flagged={int(flagged)}"


def parse_intention(summary: str) -> tuple[int, list[str], bool]:
    """(children, sorted category codes, flagged) from a summary written by ``intention_text``."""
    words = dict(part.split("=", 1) for part in summary.split()[1:])
    codes = [] if words["categories"] == "-" else words["categories"].split(",")
    return int(words["children"]), sorted(codes), words["flagged"] == "1"


def child_name(seq: int, position: int) -> str:
    return f"Trẻ {seq}.{position}"


def main() -> None:
    from hotline.core.models import Call, Child
    from hotline.store.calls import save_call
    from hotline.store.db import open_database

    path, operator_id, seed = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    rng = random.Random(seed)
    db = open_database(path)
    print("READY", flush=True)
    base = datetime(2026, 5, 1, tzinfo=UTC)
    seq = 0
    while True:
        seq += 1
        n_children = rng.randint(0, 4)
        codes = sorted(rng.sample(CATEGORY_CODES, rng.randint(0, 4)))
        # a report's rule flag is the store's (docs/law.md); the others are flagged by hand now and then
        report = any(c.startswith("abuse.") or c == "trafficking.forced_labour" for c in codes)
        flagged = rng.random() < 0.3 or report
        children = [
            Child(name=child_name(seq, k), sex=rng.choice(("male", "female", "unknown")), age=rng.randint(0, 17),
                  province_code=91, address=f"ấp {k}", special_circumstances=["abandoned"] if k % 2 else [])
            for k in range(n_children)
        ]  # fmt: skip
        call = Call(
            line="111", started_at=base + timedelta(seconds=seed % 100_000 + seq), operator_id=operator_id,
            duration_s=rng.randint(5, 900), phone_raw=f"0912 {seed % 1000:03d} {seq % 1000:03d}",
            summary=intention_text(seq, n_children, codes, flagged), categories=codes, children=children,
            flagged=flagged, flag_source="manual" if flagged else None, risk="medium", service_level="intervention",
        )  # fmt: skip
        saved = save_call(db, call)
        print(f"{saved.id} {n_children} {','.join(codes) or '-'}", flush=True)


if __name__ == "__main__":
    main()
