"""`python -m hotline …`: administrator and automation commands. Errors are one line and a non-zero exit."""

from __future__ import annotations

import argparse
import getpass
import json
import logging
import os
import sys
from datetime import date
from pathlib import Path

from hotline import paths

log = logging.getLogger("hotline.cli")


class CliError(Exception):
    """An error to print as one line (exit status 1)."""


def _date(text: str) -> date:
    for fmt_parse in (date.fromisoformat, _vn_date):
        try:
            day = fmt_parse(text)
        except ValueError:
            continue
        if not 1900 <= day.year <= 2200:  # beyond, UTC bounds overflow; no call is that old or that far ahead
            raise argparse.ArgumentTypeError(f"năm ngoài khoảng 1900–2200 / year out of 1900–2200: {text!r}")
        return day
    raise argparse.ArgumentTypeError(f"ngày không hợp lệ / invalid date: {text!r} (YYYY-MM-DD hoặc dd/MM/yyyy)")


def _vn_date(text: str) -> date:
    day, month, year = text.split("/")
    return date(int(year), int(month), int(day))


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"cần một số nguyên / an integer is needed: {text!r}") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"cần một số không âm / must not be negative: {text!r}")
    return value


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # one line, exit 2, as argparse does, but without the usage block
        self.exit(2, f"{self.prog}: lỗi / error: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="hotline", description="Hotline 111 / 18008077 — command line")
    parser.add_argument("--db", type=Path, help=f"database file (default: {paths.default_db_path()})")
    # --db is accepted before or after the command name
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--db", type=Path, default=argparse.SUPPRESS, help="database file")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    _add = sub.add_parser

    def add_parser(name, **kwargs):
        return _add(name, parents=[common], **kwargs)

    sub.add_parser = add_parser

    sub.add_parser("init", help="create the database (or bring it up to date)")

    user = sub.add_parser("user", help="manage users").add_subparsers(
        dest="user_command", required=True, parser_class=_Parser
    )
    add = user.add_parser("add", parents=[common], help="add a user (asks for the password)")
    add.add_argument("username")
    add.add_argument("--name", default="", help="display name")
    add.add_argument("--roles", required=True, help="comma-separated: operator,shift_lead,counselor,admin")
    add.add_argument("--password-stdin", action="store_true", help="read the password from standard input")
    user.add_parser("list", parents=[common], help="list users with their roles, and who is disabled or locked")
    disable = user.add_parser("disable", parents=[common], help="disable a user (users are never deleted)")
    disable.add_argument("username")
    enable = user.add_parser("enable", parents=[common], help="let a disabled user sign in again")
    enable.add_argument("username")
    reset = user.add_parser(
        "reset-password", parents=[common], help="set a new password (asked); the user must change it at sign-in"
    )
    reset.add_argument("username")
    reset.add_argument("--password-stdin", action="store_true", help="read the password from standard input")
    unlock = user.add_parser("unlock", parents=[common], help="end a lock-out after wrong passwords")
    unlock.add_argument("username")
    change = user.add_parser("set", parents=[common], help="change a user's display name or roles")
    change.add_argument("username")
    change.add_argument("--name", help="new display name")
    change.add_argument("--roles", help="comma-separated: operator,shift_lead,counselor,admin")

    demo = sub.add_parser("demo", help="fill a database with realistic demo calls and accounts")
    demo.add_argument("--calls", type=_positive, default=5000)
    demo.add_argument("--seed", type=int, default=1)
    demo.add_argument("--end", type=_date, help="last day of the demo period (default today)")

    stats = sub.add_parser("stats", help="figures for a period")
    stats.add_argument("--from", dest="first", type=_date, required=True, help="first day (local), inclusive")
    stats.add_argument("--to", dest="last", type=_date, required=True, help="last day (local), inclusive")
    stats.add_argument("--line", action="append", help="only this line (repeatable)")
    stats.add_argument("--format", choices=("table", "json"), default="table")
    stats.add_argument(
        "--lang", choices=("vi", "en"), default="vi", help="the table's words for the codes (json keeps the codes)"
    )

    export = sub.add_parser("export", help="export calls (personal data: needs a shift lead's sign-in)")
    export.add_argument("--format", choices=("csv", "xlsx"), required=True)
    export.add_argument("--out", type=Path, required=True)
    export.add_argument("--from", dest="first", type=_date, required=True)
    export.add_argument("--to", dest="last", type=_date, required=True)
    export.add_argument("--user", required=True, help="who exports (shift lead); the password is asked")
    export.add_argument("--password-stdin", action="store_true")
    export.add_argument("--force", action="store_true", help="replace an existing file")

    sub.add_parser("check", help="check the database file's integrity")

    backup = sub.add_parser("backup", help="back the database up (online, checked) into the backup folder")
    backup.add_argument("--to", type=Path, help="folder to write into (default: the backup folder of the settings)")
    restore = sub.add_parser("restore", help="replace the database with a backup (the current one is kept)")
    restore.add_argument("file", type=Path, help="the backup file to restore")
    restore.add_argument("--yes", action="store_true", help="do not ask for confirmation")

    setting = sub.add_parser("settings", help="centre-wide settings (holidays, shifts, idle minutes…)")
    setting_sub = setting.add_subparsers(dest="settings_command", required=True, parser_class=_Parser)
    setting_sub.add_parser("list", parents=[common], help="every setting with its value")
    put = setting_sub.add_parser("set", parents=[common], help="change one setting")
    put.add_argument("key")
    put.add_argument("value", help="JSON, or for holidays and working_saturdays a comma-separated list of dates")

    bench = sub.add_parser("bench", help="measure the program against DESIGN §8")
    bench.add_argument("--calls", type=_positive, default=1_000_000)
    bench.add_argument("--seed", type=int, default=1)
    bench.add_argument("--json", type=Path, help="also write the figures to this JSON file")
    bench.add_argument("--repeat", type=_positive, default=50, help="runs of each query")
    return parser


def _read_password(from_stdin: bool, confirm: bool) -> str:
    if from_stdin or not sys.stdin.isatty():
        line = sys.stdin.readline()
        if not line:
            raise CliError(
                "không có mật khẩu: gõ ở cửa sổ lệnh hoặc dùng --password-stdin"
                " / no password: type it at a terminal or pipe it with --password-stdin"
            )
        return line.rstrip("\r\n")
    first = getpass.getpass("Mật khẩu / Password: ")
    if confirm and getpass.getpass("Nhập lại / Repeat: ") != first:
        raise CliError("hai mật khẩu không khớp / the passwords differ")
    return first


_SIGN_IN_FAILURES = {
    "wrong_password": "sai tên đăng nhập hoặc mật khẩu / wrong username or password",
    "unknown": "sai tên đăng nhập hoặc mật khẩu / wrong username or password",
    "disabled": "tài khoản đã bị vô hiệu hóa / this account is disabled",
    "locked": "tài khoản tạm khóa vì nhập sai nhiều lần, thử lại sau 5 phút"
    " / the account is locked after repeated wrong passwords: try again in 5 minutes",
}


def _db_path(args) -> Path:
    return args.db or paths.default_db_path()


def _open(args, *, create: bool = False):
    """The database; only commands that make one (init, demo, user add) may create a missing file, so a
    mistyped --db never yields an empty report."""
    from hotline.store.db import open_database

    path = _db_path(args)
    if not create and not path.is_file():
        raise CliError(f"không có cơ sở dữ liệu / no database at {path} (tạo bằng / create it with: init)")
    return open_database(path)


def cmd_init(args) -> int:
    db = _open(args, create=True)
    from hotline.store.users import count_users

    count = count_users(db)
    print(f"cơ sở dữ liệu sẵn sàng / database ready: {_db_path(args)} ({count} users)")
    if not count:
        print(
            "chưa có người dùng: thêm quản trị viên đầu tiên / no users yet: add the first administrator with"
            " `hotline user add NAME --roles admin` (or start the program)"
        )
    return 0


def cmd_user(args) -> int:
    from hotline.core.timeutil import format_local
    from hotline.store import access, users

    db = _open(args, create=args.user_command == "add")
    if args.user_command == "add":
        password = _read_password(args.password_stdin, confirm=True)
        user = users.add_user(db, args.username, args.name, args.roles.split(","), password, by=access.COMMAND_LINE)
        print(f"đã thêm / added: {user.username} ({', '.join(sorted(user.roles))})")
    elif args.user_command == "list":
        listed = users.list_users(db)
        if not listed:
            print("chưa có người dùng nào / no users yet")
        for user in listed:
            state = "" if user.active else "  [đã vô hiệu hóa / disabled]"
            if users.is_locked(user):
                until = format_local(user.locked_until, with_date=False)
                state += f"  [tạm khóa đến / locked until {until}]"
            if user.must_change_password:
                state += "  [phải đổi mật khẩu / must change password]"
            print(f"{user.username:<20} {','.join(sorted(user.roles)):<30} {user.display_name}{state}")
    else:
        user = users.find_user(db, args.username)
        if user is None:
            raise CliError(f"không có người dùng / no user {args.username!r}")
        if args.user_command == "disable":
            user = users.disable_user(db, user.id, by=access.COMMAND_LINE)
            print(f"đã vô hiệu hóa / disabled: {user.username}")
        elif args.user_command == "enable":
            user = users.enable_user(db, user.id, by=access.COMMAND_LINE)
            print(f"đã cho dùng lại / enabled: {user.username}")
        elif args.user_command == "unlock":
            user = users.unlock_user(db, user.id, by=access.COMMAND_LINE)
            print(f"đã mở khóa / unlocked: {user.username}")
        elif args.user_command == "set":
            if args.name is None and args.roles is None:
                raise CliError("hãy cho --name hoặc --roles / give --name or --roles")
            roles = None if args.roles is None else args.roles.split(",")
            user = users.update_user(db, user.id, display_name=args.name, roles=roles, by=access.COMMAND_LINE)
            print(f"đã sửa / changed: {user.username} ({', '.join(sorted(user.roles))}) {user.display_name}")
        else:
            password = _read_password(args.password_stdin, confirm=True)
            user = users.reset_password(db, user.id, password, by=access.COMMAND_LINE)
            print(f"đã đặt mật khẩu mới / password reset: {user.username} (phải đổi khi đăng nhập / must change it)")
    return 0


def cmd_demo(args) -> int:
    import time

    from hotline.demo import build_demo
    from hotline.store.db import has_calls

    db = _open(args, create=True)
    if has_calls(db):
        raise CliError(
            f"cơ sở dữ liệu đã có cuộc gọi, hãy dùng tệp mới / the database already has calls: {_db_path(args)}"
        )
    began = time.perf_counter()
    count = build_demo(db, calls=args.calls, seed=args.seed, end_day=args.end)
    print(f"{count} cuộc gọi mẫu / demo calls in {time.perf_counter() - began:.1f} s → {_db_path(args)}")
    return 0


def cmd_stats(args) -> int:
    from hotline.store.access import COMMAND_LINE
    from hotline.store.stats import report_figures

    if args.last < args.first:
        raise CliError("--to không được trước --from / --to must not be before --from")
    db = _open(args)
    if args.line:
        from hotline.store.lines import list_lines

        known = {line.code for line in list_lines(db)}
        unknown = [code for code in args.line if code not in known]
        if unknown:
            raise CliError(
                f"không có đường dây / no such line: {', '.join(unknown)} (có / known: {', '.join(sorted(known))})"
            )
    data = report_figures(db, args.first, args.last, args.line or (), viewer_id=COMMAND_LINE)
    if args.format == "json":
        print(json.dumps(_report_json(data), ensure_ascii=False, indent=2))
    else:
        from hotline.store.categories import load_taxonomy

        print("\n".join(_report_table(data, load_taxonomy(db), args.lang)))
    return 0


#: The indicators as the table prints them, Vietnamese first (None: a share, a median).
_INDICATOR_LABELS = (
    ("children_abused", "Trẻ em bị xâm hại (dưới 16 tuổi) / Abused children (under 16)"),
    ("children_abused_with_case", "Trẻ em bị xâm hại đã có hồ sơ / Abused children with a case file"),
    ("children_abused_without_case", "Trẻ em bị xâm hại chưa có hồ sơ / Abused children without a case file"),
    ("share_children_with_case", "Tỉ lệ trẻ em bị xâm hại có hồ sơ / Share of abused children with a case file"),
    ("children_supported", "Trẻ được hỗ trợ (hồ sơ mở) / Children supported (case files opened)"),
    ("calls_received", "Cuộc gọi nhận / Calls received"),
    ("substantive", "Cuộc gọi có nội dung / Substantive calls"),
    ("with_record", "Cuộc gọi có ghi nhận vấn đề / Calls with a record"),
    ("counselling", "Cuộc gọi tư vấn / Counselling calls"),
    ("abuse_reports", "Tin báo xâm hại trẻ em / Abuse reports"),
    ("trafficking_reports", "Tin báo mua bán người / Trafficking reports"),
    ("reports", "Tin báo (xâm hại hoặc mua bán) / Reports (abuse or trafficking)"),
    ("reports_with_case", "Tin báo đã có hồ sơ (theo cuộc gọi) / Reports with a case file (per call)"),
    ("share_with_case", "Tỉ lệ tin báo có hồ sơ (theo cuộc gọi) / Share of reports with a case file (per call)"),
    ("reports_without_case", "Tin báo chưa có hồ sơ (theo cuộc gọi) / Reports without a case file (per call)"),
    ("cases_opened", "Hồ sơ mở / Cases opened"),
    ("cases_closed", "Hồ sơ đóng / Cases closed"),
    ("cases_overdue", "Hồ sơ quá hạn / Cases overdue"),
    ("median_hours_to_case", "Trung vị giờ từ cuộc gọi đến lập hồ sơ / Median hours from call to case file"),
)


def _report_json(data) -> dict:
    """Every field of the ReportData (and the indicators' derived figures: the shares, those without a case file):
    dates ISO, dict keys as strings."""
    import dataclasses
    from datetime import date as date_type

    def plain(value):
        if isinstance(value, date_type):
            return value.isoformat()
        if isinstance(value, dict):
            return {("null" if key is None else plain(key) if isinstance(key, date_type) else str(key)): plain(v)
                    for key, v in value.items()}  # fmt: skip
        if isinstance(value, list | tuple):
            return [plain(item) for item in value]
        return value

    out = plain(dataclasses.asdict(data))
    ind = data.indicators
    out["indicators"]["reports_without_case"] = ind.reports_without_case
    out["indicators"]["share_with_case"] = ind.share_with_case
    out["indicators"]["children_abused_without_case"] = ind.children_abused_without_case
    out["indicators"]["share_children_with_case"] = ind.share_children_with_case
    out["without_case_left_out"] = ind.reports_without_case - len(data.without_case)
    out["abused_without_case_left_out"] = ind.children_abused_without_case - len(data.abused_without_case)
    return out


def _report_table(data, taxonomy, lang: str = "vi") -> list[str]:
    """The report as text: the indicators with Vietnamese labels first, then the breakdowns with the codes in words
    (``lang``: the screens' words, as the reports write them); numbers the Vietnamese way (3.105 · 87,5 %)."""
    from hotline.core.places import ward_name
    from hotline.core.report_data import vn_date, vn_decimal, vn_int, vn_percent
    from hotline.core.timeutil import format_local, from_ms
    from hotline.reports import stats_words as sw

    def worded(label):
        return lambda code: label(code, lang)

    def category(code: str) -> str:
        return taxonomy.label(code, lang)

    ind = data.indicators
    lines_text = ", ".join(data.lines) or "tất cả / all"
    out = [
        f"Thống kê / Statistics {vn_date(data.first_day)} – {vn_date(data.last_day)} · đường dây / lines: {lines_text}"
    ]
    for name, label in _INDICATOR_LABELS:
        value = getattr(ind, name)
        if name.startswith("share_"):
            text = vn_percent(value)
        elif name == "median_hours_to_case":
            text = "—" if value is None else vn_decimal(value)
        else:
            text = vn_int(value)
        out.append(f"{label:<86} {text:>12}")

    def section(title: str, counts: dict, name=str) -> None:
        out.extend(["", title])
        out.extend(f"  {name(key):<84} {vn_int(n):>12}" for key, n in counts.items())

    section("Theo đường dây / By line", data.by_line)
    section("Theo kết quả cuộc gọi / By outcome", data.by_outcome, worded(sw.outcome_label))
    section("Theo nhóm vấn đề / By category group", data.by_category_group, lambda g: taxonomy.group_label(g, lang))
    section("Theo vấn đề / By category", data.by_category, category)
    section("Trẻ theo giới tính / Children by sex", data.children_by_sex, worded(sw.sex_label))
    section("Trẻ theo nhóm tuổi / Children by age band", data.children_by_age_band, worded(sw.age_band_label))
    section(
        "Trẻ theo xã, phường / Children by commune", data.children_by_commune,
        lambda code: "không ghi / not recorded" if code is None else f"{code} {ward_name(code)}",
    )  # fmt: skip
    section("Người gọi theo quan hệ / Callers by relation", data.by_caller_relation, worded(sw.relation_label))
    section("Theo mức dịch vụ 111 / By 111 service level", data.by_service_level, worded(sw.service_level_label))
    section("Theo kênh / By channel", data.by_channel, worded(sw.channel_label))
    section("Theo nơi chuyển gửi / By referral", data.by_referral, worded(sw.referral_label))
    abused = data.abused_children
    section(
        "Trẻ em bị xâm hại theo hình thức / Abused children by form", abused.by_form,
        lambda code: sw.form_label(code, taxonomy, lang),
    )  # fmt: skip
    section("Trẻ em bị xâm hại theo giới tính / Abused children by sex", abused.by_sex, worded(sw.sex_label))
    section("Trẻ em bị xâm hại theo độ tuổi / Abused children by age band", abused.by_age_band,
            worded(sw.age_band_label))  # fmt: skip
    section("Trẻ em bị xâm hại theo nơi xảy ra / Abused children by setting", abused.by_setting,
            worded(sw.setting_label))  # fmt: skip
    section(
        "Trẻ em bị xâm hại theo xã, phường nơi xảy ra / Abused children by commune of the incident", abused.by_commune,
        lambda code: "không ghi / not recorded" if code is None else f"{code} {ward_name(code)}",
    )  # fmt: skip
    victims = data.trafficking_victims
    out.extend(["", f"Nạn nhân mua bán người / Trafficking victims: {vn_int(victims.total)}"])
    section("  theo giới tính / by sex", victims.by_sex, worded(sw.sex_label))
    section("  theo nhóm tuổi / by age group", victims.by_age_group, worded(sw.age_group_label))
    section("  theo nơi đến / by destination", victims.by_destination, worded(sw.destination_label))
    section("  theo mục đích / by purpose", victims.by_purpose, category)
    section("  theo nơi chuyển gửi / by referral", victims.by_referral, worded(sw.referral_label))
    out.extend(["", "Theo tháng, bên cạnh cùng tháng năm trước / Each month beside the same month a year earlier"])
    before = "  năm trước/before"
    out.append(f"  tháng/month   gọi/calls{before}  nội dung/subst.{before}  tin báo/reports{before}")
    for m in data.months:
        figures = (m.calls, m.calls_year_before, m.substantive, m.substantive_year_before, m.reports)
        out.append(
            f"  {m.month.strftime('%m/%Y'):<11}"
            + "".join(f"{vn_int(n):>{w}}" for n, w in zip(figures, (12, 18, 17, 18, 17), strict=True))
            + f"{vn_int(m.reports_year_before):>18}"
        )
    weekdays = ("T2", "T3", "T4", "T5", "T6", "T7", "CN")
    out.extend(["", "Cuộc gọi theo giờ × thứ (giờ Việt Nam) / Calls by hour × weekday (Vietnam time)"])
    out.append("  giờ " + "".join(f"{day:>8}" for day in weekdays))
    for hour in range(24):
        out.append(f"  {hour:02d}  " + "".join(f"{vn_int(data.hour_weekday[day][hour]):>8}" for day in range(7)))
    section("Cuộc gọi theo ngày / Calls per day", data.per_day, vn_date)
    out.extend(["", f"Tin báo chưa có hồ sơ / Reports without a case file ({vn_int(ind.reports_without_case)})"])
    for item in data.without_case:
        when = format_local(from_ms(item.started_at_ms))
        out.append(f"  #{item.call_id:<9} {when}  {item.line:<9} {'; '.join(map(category, item.categories))}")
    if len(data.without_case) < ind.reports_without_case:
        left = vn_int(ind.reports_without_case - len(data.without_case))
        out.append(f"  … và {left} tin báo khác / and {left} more (--format json: the oldest first)")
    out.extend(["", "Trẻ em bị xâm hại chưa có hồ sơ / Abused children without a case file"
                    f" ({vn_int(ind.children_abused_without_case)})"])  # fmt: skip
    for child in data.abused_without_case:
        when = format_local(from_ms(child.started_at_ms))
        sex, age = sw.sex_label(child.sex, lang), sw.age_band_label(child.age_band, lang)
        out.append(f"  #{child.call_id:<9} {when}  {child.line:<9} {sex:<10} {age}")
    if len(data.abused_without_case) < ind.children_abused_without_case:
        left = vn_int(ind.children_abused_without_case - len(data.abused_without_case))
        out.append(f"  … và {left} trẻ khác / and {left} more (--format json: the oldest first)")
    return out


def cmd_export(args) -> int:
    from hotline.core.daily_log import LogFilter
    from hotline.core.permissions import EXPORT_PERSONAL, can
    from hotline.core.timeutil import local_range_bounds
    from hotline.reports.export import write_csv_labelled, write_xlsx_labelled
    from hotline.store import audit, categories, daily_log, users

    if args.last < args.first:
        raise CliError("--to không được trước --from / --to must not be before --from")
    db = _open(args)
    result = users.sign_in(db, args.user, _read_password(args.password_stdin, confirm=False))
    if not result.ok:
        raise CliError(_SIGN_IN_FAILURES.get(result.reason, _SIGN_IN_FAILURES["wrong_password"]))
    if not can(result.user, EXPORT_PERSONAL):
        raise CliError("người dùng này không được xuất dữ liệu cá nhân / this user may not export personal data")
    if not args.out.parent.is_dir():
        raise CliError(f"không có thư mục / no such folder: {args.out.parent}")
    if args.out.exists() and not args.force:
        raise CliError(f"tệp đã có, dùng --force để ghi đè / the file exists, use --force to replace it: {args.out}")
    start, end = local_range_bounds(args.first, args.last)
    # the daily log's export of the same days: its columns, its order, the same Vietnamese words
    writer = write_csv_labelled if args.format == "csv" else write_xlsx_labelled
    rows = daily_log.export_rows(db, LogFilter(start, end), viewer_id=result.user.id)
    count = writer(rows, args.out, taxonomy=categories.load_taxonomy(db))
    _owner_only(args.out)
    audit.append(db, result.user.id, "export", "calls", "", f"{args.format} {args.first}..{args.last} {count} rows")
    print(f"{count} cuộc gọi → {args.out}  (chứa dữ liệu cá nhân / holds personal data: keep it safe)")
    return 0


def cmd_settings(args) -> int:
    from hotline import settings

    db = _open(args)
    if args.settings_command == "list":
        current = settings.Settings.load(db)
        for key, setting in settings.REGISTRY.items():
            value = json.dumps(current.get(key), ensure_ascii=False)
            print(f"{key:<18}{value}    ({setting.description})")
        return 0
    from hotline.store import access

    if args.key not in settings.REGISTRY:
        raise CliError(f"không có thiết lập / no setting {args.key!r}: {', '.join(settings.REGISTRY)}")
    value = _setting_value(args.key, args.value, settings.REGISTRY[args.key].type)
    value = settings.save(db, args.key, value, by=access.COMMAND_LINE)  # SettingsError: one line, exit 1
    print(f"{args.key} = {json.dumps(value, ensure_ascii=False)}")
    return 0


def _setting_value(key: str, text: str, kind: type):
    """A setting typed on the command line: JSON, or for the two lists of days a comma-separated list of dates."""
    if key in ("holidays", "working_saturdays") and not text.lstrip().startswith("["):
        days = [part.strip() for part in text.split(",") if part.strip()]
        try:
            return sorted({_date(day).isoformat() for day in days})
        except argparse.ArgumentTypeError as exc:
            raise CliError(str(exc)) from None
    try:
        value = json.loads(text)
    except json.JSONDecodeError:
        value = text
    if not isinstance(value, kind) or isinstance(value, bool):
        raise CliError(f"{key}: giá trị không hợp lệ ({kind.__name__}) / not a valid value ({kind.__name__}): {text!r}")
    return value


def _owner_only(path: Path) -> None:
    """An export holds personal data: on Linux and macOS only its owner may read it."""
    from hotline.store.db import owner_only

    owner_only(path)


def cmd_check(args) -> int:
    from hotline.store.maintenance import check_database

    problems = check_database(_db_path(args))
    if problems:
        raise CliError("cơ sở dữ liệu có lỗi / the database has problems: " + "; ".join(problems[:5]))
    print(f"ok: {_db_path(args)}")
    return 0


def cmd_backup(args) -> int:
    from hotline.settings import Settings
    from hotline.store.access import COMMAND_LINE
    from hotline.store.backup import backup_folder, take_backup

    db = _open(args)
    try:
        folder = args.to or backup_folder(Settings.load(db), _db_path(args))
    finally:
        db.close()
    info = take_backup(_db_path(args), folder, kind="manual", actor=COMMAND_LINE)
    print(f"đã sao lưu / backed up: {info.path} ({info.size / 1_000_000:.1f} MB)")
    return 0


def cmd_restore(args) -> int:
    from hotline.store.access import COMMAND_LINE
    from hotline.store.backup import check_backup_file, restore

    path = _db_path(args)
    if not args.yes:
        if not sys.stdin.isatty():  # a script must say --yes: nothing is replaced on a guess
            print(
                "hotline: lỗi / error: khôi phục sẽ thay cơ sở dữ liệu, thêm --yes để xác nhận"
                " / a restore replaces the database: add --yes to confirm",
                file=sys.stderr,
            )
            return 2
        check_backup_file(args.file)  # no question about a file that would be refused anyway
        try:
            answer = input(
                f"Thay cơ sở dữ liệu {path} bằng {args.file}? Hãy đóng Hotline trước. [c/y]"
                f" / Replace the database with this backup? Close Hotline first. [c/y]: "
            )
        except EOFError:
            answer = ""
        if answer.strip().casefold() not in {"c", "có", "co", "y", "yes"}:
            print("đã hủy, không thay gì / cancelled, nothing was replaced")
            return 1
    kept = restore(path, args.file, actor=COMMAND_LINE)
    print(f"đã khôi phục / restored: {args.file} → {path}")
    if kept is not None:
        print(f"cơ sở dữ liệu trước đó được giữ ở / the previous database was kept at: {kept}")
    return 0


def cmd_bench(args) -> int:
    from hotline.bench import run_bench

    return run_bench(args)


COMMANDS = {
    "init": cmd_init,
    "user": cmd_user,
    "demo": cmd_demo,
    "stats": cmd_stats,
    "export": cmd_export,
    "check": cmd_check,
    "backup": cmd_backup,
    "restore": cmd_restore,
    "bench": cmd_bench,
    "settings": cmd_settings,
}


def _vietnamese_streams() -> None:
    """Windows writes redirected output in its ANSI code page, which cannot hold Vietnamese: use UTF-8 there."""
    for stream in (sys.stdout, sys.stderr):
        try:
            "ộđƯ".encode(stream.encoding or "ascii")
        except (LookupError, UnicodeEncodeError):
            if hasattr(stream, "reconfigure"):
                stream.reconfigure(encoding="utf-8")


def _bilingual_refusals() -> None:
    """The command line speaks both languages: a refusal of the store or the rules reads "Vietnamese / English"
    (the Vietnamese from the interface's own translation catalogue)."""
    from hotline import vocabulary
    from hotline.core import wording

    def both(template: str) -> str:
        words = vocabulary.translate(wording.CONTEXT, template, "vi")
        return f"{words} / {template}" if words != template else template

    wording.set_translator(both)


def main(argv: list[str] | None = None) -> int:
    from hotline.store.db import StoreError

    _vietnamese_streams()
    _bilingual_refusals()
    args = build_parser().parse_args(argv)
    if args.db is None and os.environ.get("HOTLINE_DB"):
        args.db = Path(os.environ["HOTLINE_DB"])
    try:
        return COMMANDS[args.command](args)
    except (CliError, StoreError) as exc:
        print(f"hotline: lỗi / error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("hotline: đã dừng / interrupted", file=sys.stderr)
        return 130
    except OSError as exc:
        print(f"hotline: lỗi tệp / file error: {exc.strerror or exc} ({exc.filename or ''})", file=sys.stderr)
        return 1
    except Exception as exc:  # never a traceback for a person; the type is enough to report it
        log.exception("unexpected error in command %s", args.command)
        print(f"hotline: lỗi không mong đợi / unexpected error ({type(exc).__name__})", file=sys.stderr)
        return 2
