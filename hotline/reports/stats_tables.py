"""The statistics report as labelled tables (one list for the XLSX, CSV and PDF writers), in Vietnamese or English."""

from __future__ import annotations

from collections.abc import Mapping

from hotline.core.models import CALLER_RELATIONS, OUTCOMES, SEXES
from hotline.core.report_data import AGE_BANDS, WEEKDAYS, ReportData
from hotline.core.taxonomy import Taxonomy
from hotline.reports.stats_definitions import INDICATORS
from hotline.reports.stats_person_tables import (
    abused_tables,
    abused_without_case_table,
    service_tables,
    victim_tables,
)
from hotline.reports.stats_table_parts import Column, Row, Table, counted
from hotline.reports.stats_table_parts import share as share_of
from hotline.reports.stats_words import (
    DATE,
    DATETIME,
    ID,
    INT,
    MONTH,
    SHARE,
    TEXT,
    WEEKDAY_KEYS,
    age_band_label,
    commune_label,
    days_of,
    line_label,
    listed_text,
    outcome_label,
    relation_label,
    sex_label,
    started_local,
    weekday_label,
    words,
)


def indicator_value(data: ReportData, key: str):
    """An indicator's value: a stored figure, or one worked out from them (a share, the part without a case)."""
    return getattr(data.indicators, key)


def indicators_table(data: ReportData, lang: str = "vi") -> Table:
    columns = (
        Column("label", words(lang, "Chỉ số", "Indicator"), TEXT),
        Column("value", words(lang, "Giá trị", "Value"), INT),
        Column("definition", words(lang, "Định nghĩa", "Definition"), TEXT, in_csv=False),
    )
    rows = tuple(
        Row(key, (words(lang, vi, en), indicator_value(data, key), words(lang, dvi, den)), kinds=(TEXT, kind, TEXT))
        for key, kind, vi, en, dvi, den in INDICATORS
    )
    return Table("indicators", words(lang, "Chỉ số", "Indicators"), columns, rows)


def report_tables(
    data: ReportData, *, taxonomy: Taxonomy, line_names: Mapping[str, str], lang: str = "vi"
) -> list[Table]:
    """Every table of the report, in the order the files show them."""
    w = lambda vi, en: words(lang, vi, en)  # noqa: E731
    ind = data.indicators
    share, total = w("Tỷ lệ", "Share"), w("Tổng", "Total")
    calls, people = w("Số cuộc gọi", "Calls"), w("Số người", "People")
    tables = [indicators_table(data, lang), *service_tables(data, lang)]
    referrals = tables.pop()  # after the categories

    line_codes = list(dict.fromkeys([*sorted(data.by_line, key=lambda c: (-data.by_line[c], c)), *data.lines]))
    tables.append(counted(
        "by_line", w("Theo đường dây", "By line"), w("Đường dây", "Line"), calls,
        [(c, line_label(c, line_names), data.by_line.get(c, 0)) for c in line_codes], ind.calls_received,
        total=total, share_title=share, note=w("Tỷ lệ trên tổng số cuộc gọi đến.", "Share of all calls received."),
    ))  # fmt: skip
    outcomes = [*OUTCOMES, *sorted(set(data.by_outcome) - set(OUTCOMES))]
    tables.append(counted(
        "by_outcome", w("Theo kết quả", "By outcome"), w("Kết quả cuộc gọi", "Outcome"), calls,
        [(c, outcome_label(c, lang), data.by_outcome.get(c, 0)) for c in outcomes], ind.calls_received,
        total=total, share_title=share, note=w("Tỷ lệ trên tổng số cuộc gọi đến.", "Share of all calls received."),
    ))  # fmt: skip
    on_record = w(
        "Tỷ lệ trên số cuộc gọi có ghi nhận vấn đề; một cuộc gọi có thể có nhiều vấn đề nên tổng có thể hơn 100 %.",
        "Share of the calls with a record; a call may have several categories, so the shares may add up to more"
        " than 100 %.",
    )
    groups = [g.code for g in taxonomy.groups]
    groups += sorted(set(data.by_category_group) - set(groups))
    tables.append(counted(
        "by_category_group", w("Nhóm vấn đề", "Category groups"), w("Nhóm vấn đề", "Category group"), calls,
        [(g, taxonomy.group_label(g, lang), data.by_category_group.get(g, 0)) for g in groups], ind.with_record,
        total=None, share_title=share, note=on_record,
    ))  # fmt: skip

    order = {c.code: n for n, c in enumerate(taxonomy.categories)}
    codes = sorted((c for c, n in data.by_category.items() if n), key=lambda c: (order.get(c, len(order)), c))
    category_rows = []
    for code in codes:
        count = data.by_category[code]
        category = taxonomy.get(code)
        group = taxonomy.group_label(category.group if category else code.split(".", 1)[0], lang)
        category_rows.append(Row(code, (taxonomy.label(code, lang), group, count, share_of(count, ind.with_record))))
    tables.append(Table(
        "by_category", w("Vấn đề", "Categories"),
        (Column("label", w("Vấn đề", "Category"), TEXT), Column("group", w("Nhóm vấn đề", "Group"), TEXT, False),
         Column("count", calls, INT), Column("share", share, SHARE, in_csv=False)),
        tuple(category_rows), on_record,
    ))  # fmt: skip
    tables.append(referrals)
    tables += abused_tables(data, taxonomy, lang)
    tables += victim_tables(data, taxonomy, lang)

    of_children = w(
        "Mọi người được nêu trong các cuộc gọi có nội dung: trẻ em, người chưa thành niên, nạn nhân là người lớn.",
        "Everyone named on the calls with content: children, minors, adult victims.",
    )
    whole = sum(data.children_by_sex.values())
    tables.append(counted(
        "children_by_sex", w("Người được nêu – giới tính", "People named – sex"), w("Giới tính", "Sex"), people,
        [(s, sex_label(s, lang), data.children_by_sex.get(s, 0)) for s in SEXES], whole,
        total=total, share_title=share, note=of_children,
    ))  # fmt: skip
    whole = sum(data.children_by_age_band.values())
    tables.append(counted(
        "children_by_age_band", w("Người được nêu – độ tuổi", "People named – age"), w("Độ tuổi", "Age"), people,
        [(b, age_band_label(b, lang), data.children_by_age_band.get(b, 0)) for b in AGE_BANDS], whole,
        total=total, share_title=share, note=of_children,
    ))  # fmt: skip
    communes = sorted(
        data.children_by_commune.items(), key=lambda kv: (kv[0] is None, -kv[1], commune_label(kv[0], lang))
    )
    whole = sum(data.children_by_commune.values())
    tables.append(counted(
        "children_by_commune", w("Người được nêu – xã phường", "People named – commune"),
        w("Xã/phường nơi ở", "Commune of residence"), people,
        [("" if c is None else str(c), commune_label(c, lang), n) for c, n in communes], whole,
        total=total, share_title=share, note=of_children,
    ))  # fmt: skip
    relations = [*CALLER_RELATIONS, *sorted(set(data.by_caller_relation) - set(CALLER_RELATIONS))]
    tables.append(counted(
        "by_caller_relation", w("Người gọi", "Callers"), w("Người gọi (quan hệ với trẻ)", "Caller (relation)"), calls,
        [(r, relation_label(r, lang), data.by_caller_relation.get(r, 0)) for r in relations], ind.substantive,
        total=total, share_title=share,
        note=w("Cuộc gọi có nội dung, theo người gọi.", "Calls with content, by who called."),
    ))  # fmt: skip

    tables.append(hour_weekday_table(data, lang))
    per_day = [Row(day.isoformat(), (day, data.per_day.get(day, 0))) for day in days_of(data)]
    tables.append(Table(
        "per_day", w("Theo ngày", "Per day"),
        (Column("day", w("Ngày", "Day"), DATE), Column("calls", w("Cuộc gọi đến", "Calls received"), INT)),
        tuple(per_day),
    ))  # fmt: skip
    tables.append(months_table(data, lang))
    tables.append(abused_without_case_table(data, line_names=line_names, lang=lang))
    tables.append(without_case_table(data, taxonomy=taxonomy, line_names=line_names, lang=lang))
    return tables


def hour_weekday_table(data: ReportData, lang: str = "vi") -> Table:
    """24 rows (hours, local time) × 7 columns (Monday first) of calls received."""
    columns = [Column("hour", words(lang, "Giờ", "Hour"), TEXT)]
    columns += [Column(WEEKDAY_KEYS[d], weekday_label(d, lang), INT) for d in WEEKDAYS]
    rows = []
    for hour in range(24):
        counts = [data.hour_weekday[d][hour] if data.hour_weekday else 0 for d in WEEKDAYS]
        rows.append(Row(f"{hour:02d}", (f"{hour:02d}:00–{hour:02d}:59", *counts)))
    title = words(lang, "Giờ × Thứ", "Hour × weekday")
    note = words(lang, "Cuộc gọi đến theo giờ Việt Nam.", "Calls received, Vietnamese time.")
    return Table("hour_weekday", title, tuple(columns), tuple(rows), note)


def months_table(data: ReportData, lang: str = "vi") -> Table:
    w = lambda vi, en: words(lang, vi, en)  # noqa: E731
    before = w(" (năm trước)", " (year before)")
    names = (
        ("calls", w("Cuộc gọi đến", "Calls received")),
        ("substantive", w("Có nội dung", "With content")),
        ("reports", w("Tin báo xâm hại, mua bán người", "Abuse and trafficking reports")),
    )
    columns = [Column("month", w("Tháng", "Month"), MONTH)]
    for key, title in names:
        columns += [Column(key, title, INT), Column(f"{key}_year_before", title + before, INT)]
    rows = tuple(
        Row(
            f"{m.month:%Y-%m}",
            (
                m.month,
                m.calls,
                m.calls_year_before,
                m.substantive,
                m.substantive_year_before,
                m.reports,
                m.reports_year_before,
            ),
        )
        for m in data.months
    )
    note = w("Mỗi tháng của kỳ, bên cạnh cùng tháng năm trước.", "Each month of the period beside the year before.")
    return Table("months", w("Theo tháng", "Per month"), tuple(columns), rows, note)


def without_case_table(
    data: ReportData, *, taxonomy: Taxonomy, line_names: Mapping[str, str], lang: str = "vi"
) -> Table:
    """The reports still without a case file: when, line, categories, call number (no personal data). The store
    lists the oldest up to a limit: when that is fewer than the indicator counts, the note says how many of how
    many (``of_total``)."""
    w = lambda vi, en: words(lang, vi, en)  # noqa: E731
    columns = (
        Column("started_at", w("Thời gian", "Time"), DATETIME, in_csv=False),
        Column("line", w("Đường dây", "Line"), TEXT),
        Column("categories", w("Vấn đề", "Categories"), TEXT),
        Column("call_id", w("Mã cuộc gọi", "Call number"), ID, in_csv=False),
    )
    rows = tuple(
        Row(
            str(item.call_id),
            (
                started_local(item.started_at_ms),
                line_label(item.line, line_names),  # the line's name, as the screen and the by-line table give it
                "; ".join(taxonomy.label(code, lang) for code in item.categories),
                item.call_id,
            ),
        )
        for item in data.without_case
    )
    total = data.indicators.reports_without_case
    short = len(rows) < total
    return Table(
        "without_case", w("Tin báo chưa có hồ sơ", "Reports without a file"), columns, rows,
        note=listed_text(len(rows), total, lang), of_total=total if short else None,
    )  # fmt: skip
