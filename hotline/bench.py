"""`python -m hotline bench`: the program's hot paths beside the same statements as bare SQL (DESIGN §8)."""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from datetime import timedelta
from pathlib import Path

from hotline import paths
from hotline.core.models import Call, Child, new_uuid
from hotline.core.timeutil import from_ms, local, local_range_bounds, utcnow

#: Targets of DESIGN §8, in milliseconds (median of repeated runs on a 2-core PC with 1,000,000 calls).
TARGETS_MS = {
    "save_call": 5.0,
    "caller_history": 2.0,
    "day_log": 30.0,
    "search_first_page": 50.0,
    "stats_month": 200.0,
    "stats_year": 1000.0,
    # issue 4: changing the day, a filter or the search answers (count + first page) in ≤ 100 ms
    "log_day_filter": 100.0,
    "log_search": 100.0,
    "log_month_page": 100.0,
    # a screen-open target (DESIGN §8 names none for the queue): the follow-up queue's rows, read
    "followup_queue": 100.0,
    # launch to the painted sign-in window; the password check's answer to a painted live-call screen (argon2 apart)
    "startup": 500.0,
    "sign_in_to_call_screen": 300.0,
}
#: DESIGN §8: the program's peak memory, in MB, after a month of the daily log.
MEMORY_TARGET_MB = 250.0
#: Fresh processes per start-up figure: each start costs about a second, so fewer than the queries.
GUI_RUNS = 5
GUI_TIMEOUT_S = 300
#: Rows the daily log fetches at a time, and how deep into a month the paging figure reads.
LOG_PAGE = 200
LOG_DEEP_OFFSET = 20_000
RATIO_GOAL = 2.0
#: The demo counselor, who opens the follow-up queue.
COUNSELOR = "canbo1"


@dataclass
class Figure:
    name: str
    median_ms: float
    p95_ms: float
    bare_median_ms: float | None
    target_ms: float | None
    unit: str = "ms"
    note: str = ""

    @property
    def ratio(self) -> float | None:
        if not self.bare_median_ms:
            return None
        return self.median_ms / self.bare_median_ms

    @property
    def meets_target(self) -> bool:
        return self.target_ms is None or self.median_ms <= self.target_ms


def _times(fn: Callable[[], object], repeat: int) -> list[float]:
    fn()  # warm the page cache and the statement cache once
    samples = []
    for _ in range(repeat):
        began = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - began) * 1000)
    return samples


def _figure(name: str, program: list[float], bare: list[float] | None, note: str = "") -> Figure:
    def p95(values):
        return sorted(values)[max(0, int(len(values) * 0.95) - 1)]

    return Figure(
        name=name,
        median_ms=statistics.median(program),
        p95_ms=p95(program),
        bare_median_ms=statistics.median(bare) if bare else None,
        target_ms=TARGETS_MS.get(name),
        note=note,
    )


def bench_database(calls: int, seed: int, db_path: Path | None) -> Path:
    """The bench database: reused when it already holds the demo, built otherwise."""
    from hotline.demo import build_demo
    from hotline.store import benchsql
    from hotline.store.db import open_database

    path = db_path or paths.data_dir() / "bench" / f"bench-{calls}-seed{seed}.sqlite3"
    db = open_database(path)
    try:
        have = benchsql.call_count(db.conn)
        if have == 0:
            began = time.perf_counter()
            build_demo(db, calls=calls, seed=seed)
            print(f"built {calls:,} demo calls in {time.perf_counter() - began:.1f} s → {path}")
        elif have < calls * 0.99:
            print(f"note: {path} holds {have:,} calls, fewer than --calls {calls:,}")
    finally:
        db.close()
    return path


def _shift_lead_username() -> str:
    """The demo's shift lead: the program's reads are permission-checked, and this account may do them all (and
    log calls too, being an operator as well)."""
    from hotline.demo import DEMO_ACCOUNTS

    return next(username for username, _, roles in DEMO_ACCOUNTS if {"shift_lead", "operator"} <= set(roles))


def measure(path: Path, repeat: int) -> list[Figure]:
    from hotline.store import benchsql, calls, cases, search, stats
    from hotline.store.db import open_database

    db = open_database(path)
    bare = benchsql.bare_connection(path)
    figures = []
    try:
        operator = lead = benchsql.user_id(bare, _shift_lead_username())
        last = from_ms(benchsql.last_call_ms(bare))
        saved_uuids: list[str] = []

        def program_save():
            call = Call(
                line="111",
                started_at=utcnow(),
                operator_id=operator,
                phone_raw="0912 345 678",
                summary="Trẻ bị xâm hại, cần hỗ trợ",
                categories=["abuse.sexual", "abuse.violence"],
                risk="high",
                service_level="intervention",
                incident_province_code=91,
                incident_ward_code=30307,
                incident_setting="family",
                children=[
                    Child(name="Bé A", sex="female", age=9, province_code=91, ward_code=30307, status="abused")
                    for _ in range(2)
                ],
                case_need="required",
                flagged=True,
                flag_source="rule",
                duration_s=300,
            )
            saved_uuids.append(call.uuid)
            calls.save_call(db, call)

        def bare_save():
            uuid = new_uuid()
            saved_uuids.append(uuid)
            benchsql.bare_save(bare, operator, int(time.time() * 1000), uuid)

        save_repeat = min(repeat, 50)
        figures.append(_figure("save_call", _times(program_save, save_repeat), _times(bare_save, save_repeat)))
        benchsql.remove_calls(bare, saved_uuids)

        phone = benchsql.common_phone(bare)
        figures.append(
            _figure(
                "caller_history",
                _times(lambda: calls.caller_history(db, phone, viewer_id=lead), repeat),
                _times(lambda: benchsql.bare_caller_history(bare, phone), repeat),
            )
        )

        day_start = from_ms(benchsql.busiest_day_ms(bare))
        day_end = day_start + timedelta(days=1)
        figures.append(
            _figure(
                "day_log",
                _times(lambda: calls.calls_between(db, day_start, day_end, viewer_id=lead), repeat),
                _times(lambda: benchsql.bare_day(bare, day_start, day_end), repeat),
            )
        )

        term = "nguyen van"
        figures.append(
            _figure(
                "search_first_page",
                _times(lambda: search.search_calls(db, term, viewer_id=lead), repeat),
                _times(lambda: benchsql.bare_search(bare, term), repeat),
            )
        )

        last_day = local(last).date()
        figures += _log_figures(db, bare, lead, day_start, day_end, last_day, repeat)
        # the whole report (every indicator and breakdown) for the busiest month and year, beside its statements
        month, year = benchsql.busiest_periods(bare)
        for name, period, runs in (
            ("stats_month", month, max(5, repeat // 5)),
            ("stats_year", year, max(3, repeat // 10)),
        ):
            figures.append(
                _figure(
                    name,
                    _times(lambda p=period: stats.report_figures(db, *p, viewer_id=lead), runs),
                    _times(lambda p=period: benchsql.bare_report(bare, stats.report_statements(*p)), runs),
                )
            )
        counselor = benchsql.user_id(bare, COUNSELOR)
        figures.append(
            _figure(
                "followup_queue",
                _times(lambda: cases.followup_queue(db, viewer_id=counselor), repeat),
                _times(lambda: benchsql.bare_followup_queue(bare), repeat),
            )
        )
    finally:
        bare.close()
        db.close()
    return figures


def _log_figures(db, bare, lead: int, day_start, day_end, last_day, repeat: int) -> list[Figure]:
    """The daily log (issue 4): a day's flagged calls, a month searched, and a page deep in a month."""
    from hotline.core.daily_log import LogFilter
    from hotline.store import benchsql, daily_log

    figures = []
    flagged = LogFilter(day_start, day_end, flagged=True)

    # the screen's whole answer to a change: count, first page and the summary beside the table
    def program_day():
        daily_log.log_count(db, flagged, viewer_id=lead)
        daily_log.shift_summary(db, flagged, viewer_id=lead)
        return daily_log.log_rows(db, flagged, viewer_id=lead, limit=LOG_PAGE)

    figures.append(
        _figure(
            "log_day_filter",
            _times(program_day, repeat),
            _times(lambda: benchsql.bare_log_day_flagged(bare, day_start, day_end, LOG_PAGE), repeat),
        )
    )
    # the last whole month: the current one may have only begun
    first_of_month = last_day.replace(day=1)
    month = local_range_bounds((first_of_month - timedelta(days=1)).replace(day=1), first_of_month - timedelta(days=1))
    term = "nguyen van"
    searched = LogFilter(*month, text=term)

    def program_search():
        daily_log.log_count(db, searched, viewer_id=lead)
        daily_log.shift_summary(db, searched, viewer_id=lead)
        return daily_log.log_rows(db, searched, viewer_id=lead, limit=LOG_PAGE)

    figures.append(
        _figure(
            "log_search",
            _times(program_search, repeat),
            _times(lambda: benchsql.bare_log_search(bare, *month, term, LOG_PAGE), repeat),
        )
    )
    whole = LogFilter(*month)
    figures.append(
        _figure(
            "log_month_page",
            _times(
                lambda: daily_log.log_rows(db, whole, viewer_id=lead, limit=LOG_PAGE, offset=LOG_DEEP_OFFSET), repeat
            ),
            _times(lambda: benchsql.bare_log_page(bare, *month, LOG_PAGE, LOG_DEEP_OFFSET), repeat),
        )
    )
    return figures


def _gui_run(*args: str) -> tuple[float, dict]:
    """One fresh GUI process (offscreen): milliseconds from just before its start to its painted window, and the
    figures it printed."""
    env = os.environ | {"QT_QPA_PLATFORM": "offscreen"}
    launched = time.time()  # the child's timestamps are time.time() too
    done = subprocess.run(
        [sys.executable, "-m", "hotline.bench_gui", *args],
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=GUI_TIMEOUT_S,
    )
    lines = [line for line in done.stdout.splitlines() if line.startswith("BENCH ")]
    if done.returncode != 0 or not lines:
        raise RuntimeError(f"the bench's GUI process failed ({done.returncode}):\n{done.stderr[-2000:]}")
    figures = json.loads(lines[-1].removeprefix("BENCH "))
    return (figures["painted"] - launched) * 1000, figures


def measure_gui(path: Path, runs: int = GUI_RUNS) -> tuple[list[Figure], list[str]]:
    """Start-up beside a bare PySide6 window, sign-in to the live-call screen and the peak memory after a month of
    the daily log, each in fresh processes; and notes on what could not be measured."""
    from hotline.store import benchsql

    bare = benchsql.bare_connection(path)
    try:
        day = local(from_ms(benchsql.busiest_day_ms(bare))).date()
        month, _year = benchsql.busiest_periods(bare)
    finally:
        bare.close()
    startup, bare_startup, check, ready, last = [], [], [], [], {}
    for run in range(runs):  # alternated, so a busy moment of the machine weighs on both alike
        bare_startup.append(_gui_run("bare")[0])
        # the last run also opens the daily log: memory is read once, the timings before it are unaffected
        memory = ["--log-day", day.isoformat(), "--log-month", *(d.isoformat() for d in month)]
        elapsed, last = _gui_run("startup", "--db", str(path), "--sign-in", *(memory if run == runs - 1 else []))
        startup.append(elapsed)
        check.append(last["sign_in_check_ms"])
        ready.append(last["sign_in_ready_ms"])
    figures = [
        _figure("startup", startup, bare_startup, note="bare: a PySide6 QWidget with a QLabel"),
        _figure("sign_in_to_call_screen", ready, None, note="from the password check's answer"),
        _figure("sign_in_check", check, None, note="argon2 check and audit, apart from the target"),
    ]
    notes = []
    if last.get("peak_rss_mb") is None:
        notes.append("peak memory not measured: no resource module here (Windows)")
    else:
        figures.append(
            Figure(
                name="peak_memory",
                median_ms=last["peak_rss_mb"],
                p95_ms=last["peak_rss_mb"],
                bare_median_ms=None,
                target_ms=MEMORY_TARGET_MB,
                unit="MB",
                note=f"peak memory after {last['log_month_rows']:,} rows of {month[0]:%m/%Y} scrolled in the daily log"
                + (f"; resident then: {last['rss_mb']:.0f} MB" if last.get("rss_mb") else ""),
            )
        )
    return figures, notes


def format_table(figures: list[Figure]) -> str:
    """The figures one a line (a figure in another unit than ms says it after its name), then their notes."""
    lines = [
        f"{'measure':<24} {'median ms':>10} {'p95 ms':>9} {'bare SQL ms':>12} {'ratio':>7} {'target ms':>10}  verdict",
    ]
    notes = []
    for f in figures:
        name = f.name if f.unit == "ms" else f"{f.name} ({f.unit})"
        bare = f"{f.bare_median_ms:.2f}" if f.bare_median_ms is not None else "-"
        ratio = f"{f.ratio:.2f}x" if f.ratio is not None else "-"
        target = f"{f.target_ms:g}" if f.target_ms is not None else "-"
        verdict = "ok" if f.meets_target else "MISSES TARGET"
        if f.target_ms is None:
            verdict = "(no target)"
        if f.meets_target and f.ratio is not None and f.ratio > RATIO_GOAL:
            verdict = f"ok (overhead above the {RATIO_GOAL:g}x goal)"
        lines.append(f"{name:<24} {f.median_ms:>10.2f} {f.p95_ms:>9.2f} {bare:>12} {ratio:>7} {target:>10}  {verdict}")
        if f.note:
            notes.append(f"  {f.name}: {f.note}")
    return "\n".join(lines + notes)


def run_bench(args) -> int:
    path = bench_database(args.calls, args.seed, args.db)
    figures = measure(path, max(1, args.repeat))
    gui_figures, notes = measure_gui(path)
    figures += gui_figures
    print(format_table(figures))
    for note in notes:
        print("note: " + note)
    missed = [f.name for f in figures if not f.meets_target]
    if args.json:
        payload = {
            "calls": args.calls,
            "database": str(path),
            "figures": [asdict(f) | {"ratio": f.ratio, "meets_target": f.meets_target} for f in figures],
            "missed": missed,
            "notes": notes,
        }
        args.json.write_text(json.dumps(payload, indent=2), encoding="utf-8")
    if missed:
        print("MISSES ITS TARGET: " + ", ".join(missed))
    else:
        print("every figure meets its target")
    return 0
