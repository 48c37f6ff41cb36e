"""The statistics report as labelled tables (one list for the XLSX, CSV and PDF writers), in Vietnamese or English."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from hotline.core.models import CALLER_RELATIONS, OUTCOMES, SEXES
from hotline.core.report_data import AGE_BANDS, WEEKDAYS, ReportData
from hotline.core.taxonomy import Taxonomy
from hotline.reports.stats_words import (
    DATE,
    DATETIME,
    ID,
    INDICATORS,
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

# --- tables -------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Column:
    key: str
    title: str
    kind: str
    in_csv: bool = True  # False: text for people (a definition) or a value derived from others (a share)


@dataclass(frozen=True)
class Row:
    key: str  # stable, language-free: the CSV's key column
    cells: tuple  # one value per column: str, int, float, date, datetime or None (nothing to show)
    kinds: tuple[str, ...] | None = None  # per-cell kinds when the row differs from its columns (indicators)
    total: bool = False  # a sum of the rows above it (printed bold)

    def kind(self, table: Table, index: int) -> str:
        return self.kinds[index] if self.kinds else table.columns[index].kind


@dataclass(frozen=True)
class Table:
    key: str  # the CSV's section
    title: str  # the XLSX sheet's name and the PDF's heading (no character a sheet name refuses)
    columns: tuple[Column, ...]
    rows: tuple[Row, ...]
    note: str = ""  # what the shares are of, printed under the table
    of_total: int | None = None  # a list cut short: the rows are the first of this many (the CSV says so too)


def _share(count: int, base: int) -> float | None:
    return count / base if base else None


def _counted(
    key: str,
    title: str,
    label_title: str,
    count_title: str,
    items: list[tuple[str, str, int]],
    base: int,
    *,
    total: str | None,
    share_title: str,
    note: str = "",
) -> Table:
    """A breakdown: label, count and its share of ``base``; a total row when the parts add up (``total``)."""
    columns = (
        Column("label", label_title, TEXT),
        Column("count", count_title, INT),
        Column("share", share_title, SHARE, in_csv=False),
    )
    rows = [Row(k, (label, count, _share(count, base))) for k, label, count in items]
    if total is not None:
        whole = sum(count for _, _, count in items)
        rows.append(Row("total", (total, whole, _share(whole, base)), total=True))
    return Table(key, title, columns, tuple(rows), note)


def indicator_value(data: ReportData, key: str):
    if key == "reports_without_case":
        return data.indicators.reports_without_case
    if key == "share_with_case":
        return data.indicators.share_with_case
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
    calls, children = w("Số cuộc gọi", "Calls"), w("Số trẻ", "Children")
    tables = [indicators_table(data, lang)]

    line_codes = list(dict.fromkeys([*sorted(data.by_line, key=lambda c: (-data.by_line[c], c)), *data.lines]))
    tables.append(_counted(
        "by_line", w("Theo đường dây", "By line"), w("Đường dây", "Line"), calls,
        [(c, line_label(c, line_names), data.by_line.get(c, 0)) for c in line_codes], ind.calls_received,
        total=total, share_title=share, note=w("Tỷ lệ trên tổng số cuộc gọi đến.", "Share of all calls received."),
    ))  # fmt: skip
    outcomes = [*OUTCOMES, *sorted(set(data.by_outcome) - set(OUTCOMES))]
    tables.append(_counted(
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
    tables.append(_counted(
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
        category_rows.append(Row(code, (taxonomy.label(code, lang), group, count, _share(count, ind.with_record))))
    tables.append(Table(
        "by_category", w("Vấn đề", "Categories"),
        (Column("label", w("Vấn đề", "Category"), TEXT), Column("group", w("Nhóm vấn đề", "Group"), TEXT, False),
         Column("count", calls, INT), Column("share", share, SHARE, in_csv=False)),
        tuple(category_rows), on_record,
    ))  # fmt: skip

    of_children = w("Trẻ em được nêu trong các cuộc gọi có nội dung.", "The children named on calls with content.")
    whole = sum(data.children_by_sex.values())
    tables.append(_counted(
        "children_by_sex", w("Giới tính", "Sex"), w("Giới tính của trẻ", "Child's sex"), children,
        [(s, sex_label(s, lang), data.children_by_sex.get(s, 0)) for s in SEXES], whole,
        total=total, share_title=share, note=of_children,
    ))  # fmt: skip
    whole = sum(data.children_by_age_band.values())
    tables.append(_counted(
        "children_by_age_band", w("Độ tuổi", "Age band"), w("Độ tuổi của trẻ", "Child's age"), children,
        [(b, age_band_label(b, lang), data.children_by_age_band.get(b, 0)) for b in AGE_BANDS], whole,
        total=total, share_title=share, note=of_children,
    ))  # fmt: skip
    communes = sorted(
        data.children_by_commune.items(), key=lambda kv: (kv[0] is None, -kv[1], commune_label(kv[0], lang))
    )
    whole = sum(data.children_by_commune.values())
    tables.append(_counted(
        "children_by_commune", w("Xã phường", "Communes"), w("Xã/phường nơi trẻ ở", "Child's commune"), children,
        [("" if c is None else str(c), commune_label(c, lang), n) for c, n in communes], whole,
        total=total, share_title=share, note=of_children,
    ))  # fmt: skip
    relations = [*CALLER_RELATIONS, *sorted(set(data.by_caller_relation) - set(CALLER_RELATIONS))]
    tables.append(_counted(
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
        "without_case", w("Chưa có hồ sơ", "Without a case file"), columns, rows,
        note=listed_text(len(rows), total, lang), of_total=total if short else None,
    )  # fmt: skip
