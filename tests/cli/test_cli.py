"""`python -m hotline …` as an administrator or a script uses it (DESIGN §7): real processes, temporary files."""

from __future__ import annotations

import csv
import json
import os
import random
import shutil
import sqlite3
from collections.abc import Callable
from contextlib import closing
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

import openpyxl
import pytest
from cli_run import Result, assert_ok, assert_one_line_error, run_hotline

from hotline.demo import DEMO_PASSWORD

#: `stats --format json`: every field of core.report_data.ReportData, and how many reports and abused children without
#: a case were left out of the lists.
STATS_KEYS = {
    "first_day", "last_day", "lines", "indicators", "by_line", "by_outcome", "by_category_group", "by_category",
    "children_by_sex", "children_by_age_band", "children_by_commune", "by_caller_relation", "by_service_level",
    "by_channel", "by_referral", "abused_children", "trafficking_victims", "hour_weekday", "per_day", "months",
    "without_case", "abused_without_case", "without_case_left_out", "abused_without_case_left_out",
}  # fmt: skip
BENCH_MEASURES = (
    "save_call",
    "caller_history",
    "day_log",
    "search_first_page",
    "stats_month",
    "stats_year",
    "log_day_filter",
    "log_search",
    "log_month_page",
)
#: Vietnam has kept UTC+7 without daylight saving since 1975: local time computed independently of the program.
VN_OFFSET = "+7 hours"
#: A range inside the demo period, so both of its edges cut through calls.
PART_FROM, PART_TO = "2026-10-10", "2026-10-20"
#: The demo database shared by the tests below: 2000 calls ending on this (local) day.
DEMO_CALLS = 2000
DEMO_SEED = 5
DEMO_END = "2026-10-31"


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def hotline(data_dir: Path) -> Callable[..., Result]:
    """``hotline('user', 'list', '--db', path, stdin=...)`` runs the command line against this test's data folder."""

    def run(*args: str | Path, stdin: str | None = None) -> Result:
        return run_hotline(data_dir, *args, stdin=stdin)

    return run


@dataclass
class DemoDb:
    path: Path
    data_dir: Path

    def run(self, *args: str | Path, stdin: str | None = None) -> Result:
        """Run a command on this demo database (``--db`` after the command name)."""
        return run_hotline(self.data_dir, *args, "--db", self.path, stdin=stdin)


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> DemoDb:
    """One demo database for this module (building it is the slowest step); tests must not change its calls."""
    folder = tmp_path_factory.mktemp("demo")
    demo = DemoDb(folder / "demo.sqlite3", folder / "data")
    result = run_hotline(
        demo.data_dir,
        "--db", demo.path, "demo", "--calls", DEMO_CALLS, "--seed", DEMO_SEED, "--end", DEMO_END,
    )  # fmt: skip
    assert_ok(result)
    return demo


def sql_count(db_path, first: str, last: str, where: str = "1") -> int:
    """Calls whose local (UTC+7) date lies in [first, last], counted straight from the file."""
    with closing(sqlite3.connect(db_path)) as conn:
        return conn.execute(
            f"SELECT count(*) FROM calls WHERE date(started_at / 1000, 'unixepoch', '{VN_OFFSET}') BETWEEN ? AND ?"
            f" AND {where}",
            (first, last),
        ).fetchone()[0]


def sql_local_starts(db_path, first: str, last: str) -> dict[int, datetime]:
    """Call id → local start time (naive, to the second), straight from the file."""
    with closing(sqlite3.connect(db_path)) as conn:
        rows = conn.execute(
            "SELECT id, datetime(started_at / 1000, 'unixepoch', ?) FROM calls"
            " WHERE date(started_at / 1000, 'unixepoch', ?) BETWEEN ? AND ?",
            (VN_OFFSET, VN_OFFSET, first, last),
        ).fetchall()
    return {call_id: datetime.fromisoformat(text) for call_id, text in rows}


def add_user(hotline, db, username: str, roles: str, password: str = "mat-khau-dai"):
    return hotline("user", "add", username, "--roles", roles, "--name", "Người Thử", "--password-stdin", "--db", db,
                   stdin=password + "\n")  # fmt: skip


# --- init and users ------------------------------------------------------------------------------------------


def test_init_creates_database(hotline, tmp_path):
    """`init --db PATH` creates a Hotline database file there and says so."""
    db = tmp_path / "new.sqlite3"
    result = assert_ok(hotline("init", "--db", db))
    assert db.is_file()
    assert str(db) in result.stdout
    with closing(sqlite3.connect(db)) as conn:
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert {"calls", "users", "lines"} <= tables


def test_init_without_db_uses_data_folder(hotline, data_dir):
    """Without --db, `init` creates the default database inside the data folder (HOTLINE_DATA_DIR)."""
    assert_ok(hotline("init"))
    assert (data_dir / "hotline.sqlite3").is_file()


def test_user_add_list_disable(hotline, tmp_path):
    """A user added with the password on stdin is listed, then shown as disabled after `user disable`."""
    db = tmp_path / "users.sqlite3"
    assert_ok(hotline("init", "--db", db))
    added = assert_ok(add_user(hotline, db, "lan", "counselor,shift_lead"))
    assert "lan" in added.stdout

    listing = assert_ok(hotline("user", "list", "--db", db)).stdout
    row = next(line for line in listing.splitlines() if line.startswith("lan "))
    assert "counselor" in row and "shift_lead" in row and "Người Thử" in row
    assert "disabled" not in row

    assert_ok(hotline("user", "disable", "lan", "--db", db))
    listing = assert_ok(hotline("user", "list", "--db", db)).stdout
    row = next(line for line in listing.splitlines() if line.startswith("lan "))
    assert "disabled" in row


@pytest.mark.parametrize(
    ("username", "roles", "password", "hint"),
    [
        ("mai", "wizard", "mat-khau-dai", "wizard"),
        ("taken", "operator", "mat-khau-dai", "taken"),
        ("mai", "operator", "short", "8"),
        ("mai", "", "mat-khau-dai", "role"),
    ],
    ids=["bad-role", "taken-username", "short-password", "no-role"],
)
def test_user_add_refusals(hotline, tmp_path, username, roles, password, hint):
    """A bad role, a taken username or a too-short password: one clear line, non-zero exit, no traceback."""
    db = tmp_path / "users.sqlite3"
    assert_ok(add_user(hotline, db, "taken", "operator"))
    line = assert_one_line_error(add_user(hotline, db, username, roles, password))
    assert hint.lower() in line.lower()
    listing = assert_ok(hotline("user", "list", "--db", db)).stdout
    assert [line.split()[0] for line in listing.splitlines()] == ["taken"]


def test_user_add_without_password_on_stdin(hotline, tmp_path):
    """`user add` with nothing on stdin refuses in one line instead of waiting or failing with a traceback."""
    line = assert_one_line_error(
        hotline("user", "add", "lan", "--roles", "operator", "--password-stdin", "--db", tmp_path / "u.sqlite3")
    )
    assert "password" in line


def test_user_disable_unknown(hotline, tmp_path):
    """Disabling a user who does not exist is one line and a non-zero exit."""
    db = tmp_path / "users.sqlite3"
    assert_ok(hotline("init", "--db", db))
    assert "nobody" in assert_one_line_error(hotline("user", "disable", "nobody", "--db", db))


def test_user_reset_password_enable_and_list_states(hotline, tmp_path):
    """`user reset-password` sets a new password the user must change, `user enable` undoes a disable, and
    `user list` shows who is disabled, locked (until when) or must change their password."""
    db = tmp_path / "users.sqlite3"
    assert "no users yet" in assert_ok(hotline("init", "--db", db)).stdout
    assert_ok(add_user(hotline, db, "quantri", "admin"))
    assert_ok(add_user(hotline, db, "lan", "operator"))
    assert_ok(hotline("user", "disable", "lan", "--db", db))
    assert "enabled: lan" in assert_ok(hotline("user", "enable", "lan", "--db", db)).stdout
    reset = assert_ok(hotline("user", "reset-password", "lan", "--password-stdin", "--db", db, stdin="mat-khau-moi\n"))
    assert "lan" in reset.stdout
    in_an_hour = int((datetime.now().timestamp() + 3600) * 1000)
    with closing(sqlite3.connect(db)) as conn, conn:
        conn.execute("UPDATE users SET locked_until = ? WHERE username = 'quantri'", [in_an_hour])
    rows = {line.split()[0]: line for line in assert_ok(hotline("user", "list", "--db", db)).stdout.splitlines()}
    assert "disabled" not in rows["lan"] and "must change password" in rows["lan"]
    assert "locked until" in rows["quantri"] and "must change" not in rows["quantri"]

    from hotline.store import users
    from hotline.store.db import open_database

    opened = open_database(db)
    try:
        signed_in = users.sign_in(opened, "lan", "mat-khau-moi")
        assert signed_in.ok and signed_in.user.must_change_password
    finally:
        opened.close()


def test_user_unlock_and_set_roles_and_name(hotline, tmp_path):
    """`user unlock` ends a lock-out at once; `user set` changes the roles and the display name, audited."""
    db = tmp_path / "users.sqlite3"
    assert_ok(add_user(hotline, db, "quantri", "admin"))
    assert_ok(add_user(hotline, db, "lan", "operator"))
    in_an_hour = int((datetime.now().timestamp() + 3600) * 1000)
    with closing(sqlite3.connect(db)) as conn, conn:
        conn.execute("UPDATE users SET locked_until = ?, failed_logins = 5 WHERE username = 'lan'", [in_an_hour])
    assert "unlocked: lan" in assert_ok(hotline("user", "unlock", "lan", "--db", db)).stdout
    changed = assert_ok(
        hotline("user", "set", "lan", "--roles", "operator,shift_lead", "--name", "Lan Trưởng ca", "--db", db)
    )
    assert "operator, shift_lead" in changed.stdout
    with closing(sqlite3.connect(db)) as conn:
        assert conn.execute("SELECT roles, display_name, locked_until, failed_logins FROM users WHERE username = 'lan'"
                            ).fetchone() == ("operator,shift_lead", "Lan Trưởng ca", None, 0)  # fmt: skip
        actions = [r[0] for r in conn.execute("SELECT action FROM audit_log ORDER BY id")]
    assert "user.unlock" in actions and "user.update" in actions


@pytest.mark.parametrize(
    ("args", "stdin", "hint"),
    [
        (("user", "set", "quantri"), None, "--roles"),
        (("user", "set", "quantri", "--roles", "operator"), None, "administrator"),
        (("user", "set", "quantri", "--roles", "admin,boss"), None, "boss"),
        (("user", "unlock", "nobody"), None, "nobody"),
        (("user", "reset-password", "nobody", "--password-stdin"), "mat-khau-moi\n", "nobody"),
        (("user", "reset-password", "quantri", "--password-stdin"), "short\n", "8"),
        (("user", "enable", "nobody"), None, "nobody"),
        (("user", "disable", "quantri"), None, "administrator"),
    ],
    ids=[
        "set-nothing",
        "set-last-admin",
        "set-unknown-role",
        "unlock-unknown",
        "reset-unknown",
        "reset-short",
        "enable-unknown",
        "disable-last-admin",
    ],
)
def test_user_command_refusals(hotline, tmp_path, args, stdin, hint):
    """An unknown user, a short password or disabling the last administrator: one line, non-zero exit."""
    db = tmp_path / "users.sqlite3"
    assert_ok(add_user(hotline, db, "quantri", "admin"))
    assert hint in assert_one_line_error(hotline(*args, "--db", db, stdin=stdin))


# --- demo and stats ------------------------------------------------------------------------------------------


def test_demo_builds_the_calls(demo_db):
    """`demo --calls N` stores exactly N calls, all inside the demo period, and the demo accounts."""
    with closing(sqlite3.connect(demo_db.path)) as conn:
        assert conn.execute("SELECT count(*) FROM calls").fetchone()[0] == DEMO_CALLS
        usernames = {row[0] for row in conn.execute("SELECT username FROM users")}
    assert {"truongca", "tongdai1"} <= usernames
    assert sql_count(demo_db.path, "2026-10-01", "2026-10-31") == DEMO_CALLS


def test_demo_refuses_database_with_calls(demo_db):
    """`demo` on a database that already has calls refuses in one line naming the file."""
    line = assert_one_line_error(demo_db.run("demo", "--calls", "5"))
    assert str(demo_db.path) in line


def in_process_report(db_path, first: str, last: str, lines: tuple[str, ...] = ()) -> dict:
    """The same report computed in this process through hotline.store.stats, as the command line writes it."""
    from hotline.cli import _report_json
    from hotline.store.access import COMMAND_LINE
    from hotline.store.db import open_database
    from hotline.store.stats import report_figures

    db = open_database(db_path)
    try:
        data = report_figures(db, date.fromisoformat(first), date.fromisoformat(last), lines, viewer_id=COMMAND_LINE)
        return json.loads(json.dumps(_report_json(data)))
    finally:
        db.close()


@pytest.mark.parametrize(
    ("first", "last"),
    [("2026-10-01", "2026-10-31"), (PART_FROM, PART_TO), ("2026-10-15", "2026-10-15"), ("2026-11-01", "2026-11-30")],
    ids=["month", "part", "one-day", "empty"],
)
def test_stats_json_matches_sql(demo_db, first, last):
    """`stats --format json` has every field of the report, gives the figures the store gives in this process, and
    its totals match a count of local dates done with sqlite3."""
    result = assert_ok(demo_db.run("stats", "--from", first, "--to", last, "--format", "json"))
    stats = json.loads(result.stdout)
    assert stats.keys() == STATS_KEYS
    assert stats == in_process_report(demo_db.path, first, last)
    indicators = stats["indicators"]
    assert indicators["calls_received"] == sql_count(demo_db.path, first, last)
    assert sum(stats["by_line"].values()) == sum(stats["per_day"].values()) == indicators["calls_received"]
    assert sum(stats["by_outcome"].values()) == indicators["calls_received"]
    for line, count in stats["by_line"].items():
        assert count == sql_count(demo_db.path, first, last, f"line = '{line}'")
    assert indicators["substantive"] == sql_count(demo_db.path, first, last, "outcome = 'substantive'")
    assert indicators["reports_with_case"] + indicators["reports_without_case"] == indicators["reports"]
    assert stats["first_day"] == first and list(stats["per_day"])[-1] == last
    # the province's headline per child, and 111's tiers and channels adding up
    abused = indicators["children_abused"]
    assert indicators["children_abused_with_case"] + indicators["children_abused_without_case"] == abused
    assert indicators["share_children_with_case"] == (
        indicators["children_abused_with_case"] / abused if abused else None
    )
    assert list(stats["by_service_level"]) == ["information", "counselling", "intervention"]
    assert sum(stats["by_service_level"].values()) == indicators["substantive"]
    assert sum(stats["by_channel"].values()) == indicators["calls_received"]
    for channel in ("phone", "zalo", "app", "walk_in"):
        assert stats["by_channel"][channel] == sql_count(demo_db.path, first, last, f"channel = '{channel}'")
    assert list(stats["by_referral"])[:8] == ["police_113", "health_115", "commune", "health_dept", "school",
                                              "border_guard", "ngo_shelter", "other"]  # fmt: skip
    assert sum(stats["abused_children"]["by_sex"].values()) == abused
    assert sum(c["children"] for c in stats["abused_children"]["cells"]) >= abused
    assert sum(stats["trafficking_victims"]["by_age_group"].values()) == stats["trafficking_victims"]["total"]


def test_stats_json_for_one_line(demo_db):
    """`--line` gives the report of that line alone, the same as the store's."""
    args = ("stats", "--from", "2026-10-01", "--to", "2026-10-31", "--line", "18008077", "--format", "json")
    stats = json.loads(assert_ok(demo_db.run(*args)).stdout)
    assert stats == in_process_report(demo_db.path, "2026-10-01", "2026-10-31", ("18008077",))
    assert stats["lines"] == ["18008077"] and list(stats["by_line"]) == ["18008077"]
    assert stats["indicators"]["calls_received"] == sql_count(demo_db.path, "2026-10-01", "2026-10-31",
                                                              "line = '18008077'")  # fmt: skip


def test_stats_vietnamese_dates(demo_db):
    """Dates written the Vietnamese way (dd/MM/yyyy) give the same figures as ISO dates."""
    iso = assert_ok(demo_db.run("stats", "--from", PART_FROM, "--to", PART_TO, "--format", "json"))
    vn = assert_ok(demo_db.run("stats", "--from", "10/10/2026", "--to", "20/10/2026", "--format", "json"))
    assert json.loads(vn.stdout) == json.loads(iso.stdout)


def test_stats_table_prints(demo_db):
    """`stats --format table` starts with the indicators under Vietnamese labels, numbers written the Vietnamese
    way, then the breakdowns."""
    from hotline.core.report_data import vn_int, vn_percent

    first, last = "2026-10-01", "2026-10-31"
    out = assert_ok(demo_db.run("stats", "--from", first, "--to", last, "--format", "table")).stdout
    stats = in_process_report(demo_db.path, first, last)
    lines = out.splitlines()
    assert "01/10/2026 – 31/10/2026" in lines[0]
    headline = lines[1].rsplit(maxsplit=1)
    assert headline == ["Trẻ em bị xâm hại (dưới 16 tuổi) / Abused children (under 16)",
                        vn_int(stats["indicators"]["children_abused"])]  # fmt: skip
    received = next(line for line in lines if line.startswith("Cuộc gọi nhận")).rsplit(maxsplit=1)
    assert received[0].strip() == "Cuộc gọi nhận / Calls received"
    assert received[1] == vn_int(sql_count(demo_db.path, first, last)) == "2.000"
    share = stats["indicators"]["share_with_case"]
    assert any(line.startswith("Tỉ lệ tin báo có hồ sơ") and line.endswith(vn_percent(share)) for line in lines)
    headline_share = vn_percent(stats["indicators"]["share_children_with_case"])
    assert any(line.startswith("Tỉ lệ trẻ em bị xâm hại có hồ sơ") and line.endswith(headline_share) for line in lines)
    for title in ("Theo đường dây / By line", "Theo vấn đề / By category", "Trẻ theo nhóm tuổi / Children by age band",
                  "Cuộc gọi theo giờ × thứ", "Tin báo chưa có hồ sơ / Reports without a case file",
                  "Theo mức dịch vụ 111 / By 111 service level", "Theo kênh / By channel",
                  "Trẻ em bị xâm hại theo nơi xảy ra / Abused children by setting",
                  "Nạn nhân mua bán người / Trafficking victims",
                  "Trẻ em bị xâm hại chưa có hồ sơ / Abused children without a case file"):  # fmt: skip
        assert any(line.startswith(title) for line in lines), title
    index = lines.index("Theo đường dây / By line")
    assert lines[index + 1].split() == ["111", vn_int(stats["by_line"]["111"])]


def test_stats_table_names_the_codes_in_words(demo_db):
    """`stats --format table` names outcomes, channels, sexes and service levels with the screens' words: Vietnamese
    by default, English with --lang en; never the stored codes."""
    args = ("stats", "--from", "2026-10-01", "--to", "2026-10-31", "--format", "table")
    vi = assert_ok(demo_db.run(*args)).stdout.splitlines()
    en = assert_ok(demo_db.run(*args, "--lang", "en")).stdout.splitlines()

    def section(lines: list[str], title: str) -> list[str]:
        start = lines.index(title) + 1
        rows = lines[start : lines.index("", start)]
        return [row.strip().rsplit(maxsplit=1)[0].strip() for row in rows]

    assert section(vi, "Theo kết quả cuộc gọi / By outcome")[:3] == ["Cuộc gọi có nội dung", "Im lặng", "Cúp máy"]
    assert section(en, "Theo kết quả cuộc gọi / By outcome")[:3] == ["Call with content", "Silent", "Hang-up"]
    assert section(vi, "Theo kênh / By channel") == ["Điện thoại", "Zalo", "Ứng dụng", "Đến trực tiếp"]
    assert section(vi, "Trẻ theo giới tính / Children by sex") == ["Nam", "Nữ", "Không rõ"]
    assert section(vi, "Theo mức dịch vụ 111 / By 111 service level")[1] == "Tư vấn chuyên sâu"
    codes = {"silent", "hang_up", "phone", "walk_in", "male", "female", "counselling", "police_113"}
    assert not {row.strip().rsplit(maxsplit=1)[0] for row in vi if row.startswith("  ")} & codes


def test_stats_from_after_to(demo_db):
    """`--from` after `--to` is refused in one line."""
    line = assert_one_line_error(demo_db.run("stats", "--from", "2026-10-31", "--to", "2026-10-01"))
    assert "--to" in line


@pytest.mark.parametrize("text", ["2026-13-01", "31/02/2026", "yesterday", ""])
def test_stats_invalid_date(demo_db, text):
    """A date that is no date is refused in one line that quotes it."""
    line = assert_one_line_error(demo_db.run("stats", "--from", text, "--to", "2026-10-31"))
    assert repr(text) in line


# --- export --------------------------------------------------------------------------------------------------


def export(demo_db, fmt, out, user, password, first=PART_FROM, last=PART_TO):
    return demo_db.run(
        "export", "--format", fmt, "--out", out, "--from", first, "--to", last, "--user", user, "--password-stdin",
        stdin=password + "\n",
    )  # fmt: skip


def test_export_csv(demo_db, tmp_path):
    """A shift lead's CSV export: UTF-8 with BOM, Vietnamese headers, one row per call of the range."""
    out = tmp_path / "calls.csv"
    assert_ok(export(demo_db, "csv", out, "truongca", DEMO_PASSWORD))
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    with open(out, encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    header, body = rows[0], rows[1:]
    assert {"Thời gian bắt đầu", "Đường dây", "Thời lượng (giây)", "Tóm tắt"} <= set(header)
    assert body and len(body) == sql_count(demo_db.path, PART_FROM, PART_TO)
    assert all(len(row) == len(header) for row in body)


def test_export_xlsx(demo_db, tmp_path):
    """A shift lead's XLSX export reads back with a header row, real local datetimes and whole-second durations."""
    out = tmp_path / "calls.xlsx"
    assert_ok(export(demo_db, "xlsx", out, "truongca", DEMO_PASSWORD))
    book = openpyxl.load_workbook(out, read_only=True)
    rows = list(book.worksheets[0].iter_rows(values_only=True))
    book.close()
    header, body = list(rows[0]), rows[1:]
    assert {"Mã cuộc gọi", "Thời gian bắt đầu", "Thời lượng (giây)"} <= set(header)
    id_col, start_col = header.index("Mã cuộc gọi"), header.index("Thời gian bắt đầu")
    duration_col = header.index("Thời lượng (giây)")
    expected = sql_local_starts(demo_db.path, PART_FROM, PART_TO)
    assert body and len(body) == len(expected)
    for row in body:
        started = row[start_col]
        assert isinstance(started, datetime)
        assert abs(started - expected[row[id_col]]) <= timedelta(seconds=1)  # datetime() drops the ms
        assert isinstance(row[duration_col], int) and row[duration_col] >= 0


def test_export_refused_for_operator(demo_db, tmp_path):
    """An operator may not export personal data: one line, non-zero exit, no file."""
    out = tmp_path / "calls.csv"
    line = assert_one_line_error(export(demo_db, "csv", out, "tongdai1", DEMO_PASSWORD))
    assert "export" in line
    assert not out.exists()


def test_export_wrong_password(demo_db, tmp_path):
    """A wrong password stops the export in one line, with no file written."""
    out = tmp_path / "calls.csv"
    assert_one_line_error(export(demo_db, "csv", out, "truongca", "not-the-password"))
    assert not out.exists()


def test_export_from_after_to(demo_db, tmp_path):
    """An export whose `--from` is after `--to` is refused in one line."""
    out = tmp_path / "calls.csv"
    assert_one_line_error(export(demo_db, "csv", out, "truongca", DEMO_PASSWORD, first=PART_TO, last=PART_FROM))
    assert not out.exists()


# --- check, --db, output -------------------------------------------------------------------------------------


def test_check_good_database(demo_db):
    """`check` on a sound database prints ok and exits 0."""
    assert assert_ok(demo_db.run("check")).stdout.startswith("ok")


def test_check_damaged_database(demo_db, hotline, tmp_path):
    """`check` on a copy with 4 KiB of random bytes written in the middle exits non-zero with one line."""
    damaged = tmp_path / "damaged.sqlite3"
    shutil.copyfile(demo_db.path, damaged)
    size = damaged.stat().st_size
    with open(damaged, "r+b") as handle:
        handle.seek(size // 2)
        handle.write(random.Random(1).randbytes(4096))
    assert_one_line_error(hotline("check", "--db", damaged))


def test_check_missing_file(hotline, tmp_path):
    """`check` on a file that does not exist says so in one line and creates nothing."""
    missing = tmp_path / "missing.sqlite3"
    assert_one_line_error(hotline("check", "--db", missing))
    assert not missing.exists()


def test_db_before_or_after_command(hotline, tmp_path):
    """`--db` works both before and after the command name."""
    before, after = tmp_path / "before.sqlite3", tmp_path / "after.sqlite3"
    assert_ok(hotline("--db", before, "init"))
    assert_ok(hotline("init", "--db", after))
    assert before.is_file() and after.is_file()
    assert_ok(add_user(hotline, after, "lan", "operator"))
    assert "lan" in assert_ok(hotline("--db", after, "user", "list")).stdout


def test_db_in_folder_that_cannot_be_created(hotline, tmp_path):
    """A `--db` under a plain file (a folder that cannot exist) gives one clear line naming it, no traceback."""
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    line = assert_one_line_error(hotline("init", "--db", blocker / "sub" / "hotline.sqlite3"))
    assert "a-file" in line


def test_output_is_utf8_where_the_stream_cannot_hold_vietnamese(hotline, tmp_path, monkeypatch):
    """Output redirected in a code page without Vietnamese letters (Windows' cp1252) is written as UTF-8."""
    db = tmp_path / "u.sqlite3"
    assert_ok(hotline("init", "--db", db))
    monkeypatch.setenv("PYTHONIOENCODING", "cp1252")
    result = assert_ok(add_user(hotline, db, "lan", "operator"))
    assert "đã thêm" in result.stdout
    assert "Người Thử" in assert_ok(hotline("user", "list", "--db", db)).stdout


def test_no_command_is_one_line(hotline):
    """Running with no command prints one error line and exits non-zero."""
    assert_one_line_error(hotline())


# --- bench ---------------------------------------------------------------------------------------------------


def test_bench_small(hotline, tmp_path):
    """`bench` on a small temporary database prints every measure and writes them to JSON."""
    db, out = tmp_path / "bench.sqlite3", tmp_path / "out.json"
    result = assert_ok(hotline("bench", "--db", db, "--calls", "3000", "--repeat", "3", "--json", out))
    table = result.stdout.splitlines()
    for name in BENCH_MEASURES:
        assert any(line.split()[:1] == [name] for line in table), f"{name} missing from:\n{result.stdout}"
    payload = json.loads(out.read_text(encoding="utf-8"))
    assert payload["calls"] == 3000
    figures = {figure["name"]: figure for figure in payload["figures"]}
    assert set(BENCH_MEASURES) <= set(figures)  # tests/cli/test_bench.py checks the start-up and memory rows
    for figure in figures.values():
        assert figure["median_ms"] > 0 and figure["p95_ms"] >= figure["median_ms"]
        assert figure["bare_median_ms"] is None or figure["bare_median_ms"] > 0
        assert isinstance(figure["meets_target"], bool)


def test_read_commands_refuse_a_missing_database(hotline, tmp_path):
    """stats, export, check and user list on a mistyped --db say so; no empty database is made there."""
    missing = tmp_path / "typo.sqlite3"
    for args in (
        ("stats", "--from", "2026-10-01", "--to", "2026-10-31"),
        ("user", "list"),
        ("export", "--format", "csv", "--out", tmp_path / "x.csv", "--from", "2026-10-01", "--to", "2026-10-31",
         "--user", "truongca", "--password-stdin"),
    ):  # fmt: skip
        line = assert_one_line_error(hotline(*args, "--db", missing, stdin="x\n"))
        assert "typo.sqlite3" in line
    assert not missing.exists()


def test_stats_refuses_an_unknown_line(demo_db):
    """A line that does not exist is an error, not a report of zeros."""
    line = assert_one_line_error(demo_db.run("stats", "--from", "2026-10-01", "--to", "2026-10-31", "--line", "112"))
    assert "112" in line


def test_export_does_not_replace_a_file_without_force(demo_db, tmp_path):
    """An existing file is kept unless --force is given; the export is readable by its owner only."""
    import stat

    out = tmp_path / "calls.csv"
    out.write_text("keep me")
    args = ("export", "--format", "csv", "--out", out, "--from", "2026-10-01", "--to", "2026-10-02", "--user",
            "truongca", "--password-stdin")  # fmt: skip
    assert_one_line_error(demo_db.run(*args, stdin=DEMO_PASSWORD + "\n"))
    assert out.read_text() == "keep me"
    assert_ok(demo_db.run(*args, "--force", stdin=DEMO_PASSWORD + "\n"))
    assert out.read_text(encoding="utf-8-sig").startswith("Mã cuộc gọi")
    if os.name == "posix":
        assert stat.S_IMODE(out.stat().st_mode) == 0o600


def test_wrong_password_is_said_in_words(demo_db, tmp_path):
    """A failed sign-in reads as words, not an internal code."""
    line = assert_one_line_error(demo_db.run(
        "export", "--format", "csv", "--out", tmp_path / "x.csv", "--from", "2026-10-01", "--to", "2026-10-02",
        "--user", "truongca", "--password-stdin", stdin="sai-mat-khau\n",
    ))  # fmt: skip
    assert "wrong username or password" in line and "wrong_password" not in line


def test_settings_set_holidays_and_list(hotline, tmp_path):
    """An administrator sets the public holidays (dd/MM/yyyy or ISO) and sees them listed; junk is refused."""
    db = tmp_path / "s.sqlite3"
    assert_ok(hotline("init", "--db", db))
    assert_ok(hotline("settings", "set", "holidays", "17/02/2026, 2026-02-16", "--db", db))
    listed = assert_ok(hotline("settings", "list", "--db", db)).stdout
    assert '["2026-02-16", "2026-02-17"]' in listed
    assert_one_line_error(hotline("settings", "set", "holidays", "31/02/2026", "--db", db))
    assert_one_line_error(hotline("settings", "set", "idle_minutes", "ten", "--db", db))
    assert_one_line_error(hotline("settings", "set", "no_such_key", "1", "--db", db))
    assert_ok(hotline("settings", "set", "idle_minutes", "15", "--db", db))
    assert '"idle_minutes"' not in listed and "idle_minutes      10" in listed


@pytest.mark.parametrize(
    ("key", "value", "hint"),
    [
        ("case_prefix", "A1", "1–6 letters"),
        ("shifts", "[]", "at least one shift"),
        ("shifts", '[{"name": "Ca", "start": "7h", "end": "19h"}]', "HH:MM"),
        ("idle_minutes", "0", "from 1 to 240"),
        ("default_province", "999", "no province"),
        ("backup_dir", "relative/folder", "full path"),
    ],
)
def test_settings_set_is_checked(hotline, tmp_path, key, value, hint):
    """`settings set` goes through the settings' checks: an invalid value is one clear line and a non-zero exit."""
    db = tmp_path / "s.sqlite3"
    assert_ok(hotline("init", "--db", db))
    assert hint in assert_one_line_error(hotline("settings", "set", key, value, "--db", db))


def test_settings_set_prints_the_value_as_stored(hotline, tmp_path):
    """A valid value is stored cleaned (an upper-case case prefix) and printed as stored."""
    db = tmp_path / "s.sqlite3"
    assert_ok(hotline("init", "--db", db))
    assert assert_ok(hotline("settings", "set", "case_prefix", "kg", "--db", db)).stdout.strip() == 'case_prefix = "KG"'


@pytest.mark.parametrize("bounds", [("0001-01-01", "2026-10-31"), ("2026-10-01", "9999-12-31")])
def test_stats_refuses_years_out_of_reach_in_one_line(demo_db, bounds):
    """A year like 0001 or 9999 is refused with one clear line (it once ended in an unexpected OverflowError)."""
    line = assert_one_line_error(demo_db.run("stats", "--from", bounds[0], "--to", bounds[1]))
    assert "1900–2200" in line
