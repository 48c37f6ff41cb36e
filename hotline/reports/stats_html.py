"""The statistics report for the province as HTML for QTextDocument: heading, the abused children's case-file share
against its target, indicators, charts (as images the PDF supplies), breakdowns, abused children and trafficking
victims, the children and reports still without a case file, and how each figure is counted."""

from __future__ import annotations

import html
import re
from collections.abc import Mapping
from datetime import datetime

from hotline.core.report_data import ReportData, vn_int
from hotline.core.taxonomy import Taxonomy
from hotline.core.timeutil import local
from hotline.reports.stats_definitions import definitions
from hotline.reports.stats_tables import Row, Table, indicators_table, report_tables
from hotline.reports.stats_words import (
    ID,
    INT,
    SHARE,
    TEXT,
    display,
    lines_text,
    listed_children_text,
    listed_text,
    period_text,
    unfinished_text,
    words,
)

#: Chart pictures: drawn at this logical size (about 18 cm at 96 dpi, so their fonts print at their point size).
CHART_SIZE = (680, 330)
CHART_NAMES = ("calls", "categories", "hours")
#: Tables of the PDF's breakdowns (the per-day table is the first chart's; the XLSX has it).
PDF_TABLES = (
    "by_line",
    "by_outcome",
    "by_service_level",
    "by_channel",
    "by_category_group",
    "by_category",
    "by_referral",
    "children_by_sex",
    "children_by_age_band",
    "children_by_commune",
    "by_caller_relation",
    "months",
    "hour_weekday",
)
#: The abused children's tables (section 4; every cell of form × sex × age × setting is in the XLSX and CSV).
ABUSED_TABLES = (
    "abused_by_form",
    "abused_by_sex",
    "abused_by_age_band",
    "abused_by_setting",
    "abused_by_commune",
    "abused_form_setting",
)
VICTIM_TABLES = (
    "victims_by_sex",
    "victims_by_age_group",
    "victims_by_destination",
    "victims_by_purpose",
    "victims_by_referral",
)
#: The reports without a case file listed in the PDF at most (the XLSX and CSV list all the store listed).
MAX_WITHOUT_CASE_ROWS = 100
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def title(lang: str = "vi") -> str:
    return words(lang, "Báo cáo thống kê tổng đài", "Hotline statistics report")


def _t(value: object) -> str:
    return html.escape(_CONTROL.sub("", "" if value is None else str(value)).strip(), quote=True)


_P = "margin: 0px; line-height: 115%;"


def _p(content: str, align: str = "left", style: str = "") -> str:
    return f'<p align="{align}" style="{_P} {style}">{content}</p>'


def _gap(points: float) -> str:
    # spacing as empty lines of a point size: QTextDocument takes CSS margins in screen pixels (see form01)
    return f'<p style="margin: 0px; font-size: {points}pt;">&nbsp;</p>'


class _Headings(list):
    """The headings' texts as written: _pieces keeps each on the sheet of what follows it."""

    def __call__(self, text: str, size: float = 11.5) -> str:
        self.append(" ".join(_CONTROL.sub("", text).split()))
        return _gap(7) + _p(f"<b>{_t(text)}</b>", style=f"font-size: {size}pt;") + _gap(2)


def _table_html(table: Table, lang: str, rows=None, widths: tuple[int, ...] | None = None) -> str:
    """A table with a grey header row; numbers right-aligned, totals bold."""
    rows = table.rows if rows is None else rows
    numeric = [c.kind in (INT, SHARE, ID) for c in table.columns]
    cell = "font-size: 9pt;"
    head = []
    for index, column in enumerate(table.columns):
        width = f' width="{widths[index]}%"' if widths else ""
        align = "right" if numeric[index] else "left"
        head.append(
            f'<td{width} bgcolor="#e6e6e6" align="{align}"><p style="{cell}"><b>{_t(column.title)}</b></p></td>'
        )
    body = []
    for row in rows:
        cells = []
        for index, value in enumerate(row.cells):
            text = _t(display(value, row.kind(table, index), lang))
            text = f"<b>{text}</b>" if row.total else text
            align = "right" if row.kind(table, index) not in (TEXT,) and index else "left"
            cells.append(f'<td align="{align}"><p style="{cell}">{text}</p></td>')
        body.append("<tr>" + "".join(cells) + "</tr>")
    return (
        '<table width="100%" border="1" cellspacing="0" cellpadding="3" style="border-collapse: collapse;">'
        f"<thead><tr>{''.join(head)}</tr></thead>{''.join(body)}</table>"
    )


def _note(text: str) -> str:
    return _p(f"<i>{_t(text)}</i>", style="font-size: 8pt;") if text else ""


def _target_box(data: ReportData, lang: str) -> str:
    """The province's headline against its 100 % target, per child (abused children under 16 with a case file),
    framed so it stands out; the old per-call share below it, named as what it counts."""
    ind = data.indicators
    w = lambda vi, en: words(lang, vi, en)  # noqa: E731
    label = w("Tỷ lệ trẻ em bị xâm hại có hồ sơ", "Share of abused children with a case file")
    target = w(
        "Chỉ tiêu của tỉnh: 100 % trẻ em bị xâm hại (dưới 16 tuổi) được lập hồ sơ quản lý trường hợp (tính theo số"
        " trẻ, không theo cuộc gọi).",
        "The province's target: 100 % of abused children (under 16) get a case file (counted per child, not per call).",
    )
    if not ind.children_abused:
        nothing = w("Không có trẻ em bị xâm hại được báo trong kỳ.", "No abused child was reported in the period.")
        lines = [f"<b>{_t(label)}: —</b>", _t(nothing), _t(target)]
    else:
        share = display(ind.share_children_with_case, SHARE, lang)
        counted = f"{display(ind.children_abused_with_case, INT, lang)}/{display(ind.children_abused, INT, lang)}"
        missing = display(ind.children_abused_without_case, INT, lang)
        if ind.children_abused_without_case:
            verdict = w("CHƯA ĐẠT CHỈ TIÊU", "TARGET NOT MET")
            verdict = f"<b>{verdict}</b> – " + _t(
                w(
                    f"còn {missing} trẻ em bị xâm hại chưa có hồ sơ (mục 6.1).",
                    f"{missing} abused children without a case file (section 6.1).",
                )
            )
        else:
            verdict = f"<b>{w('ĐẠT CHỈ TIÊU', 'TARGET MET')}</b>"
        lines = [
            f'<b>{_t(label)}: <span style="font-size: 14pt;">{_t(share)}</span></b> &nbsp;({_t(counted)})',
            _t(target),
            verdict,
        ]
    per_call = w("Theo cuộc gọi (chỉ số phụ)", "Per call (a secondary figure)")
    if ind.reports:
        calls = f"{display(ind.reports_with_case, INT, lang)}/{display(ind.reports, INT, lang)}"
        lines.append(_t(w(
            f"{per_call}: {display(ind.share_with_case, SHARE, lang)} tin báo xâm hại, mua bán người có hồ sơ"
            f" ({calls}).",
            f"{per_call}: {display(ind.share_with_case, SHARE, lang)} of abuse and trafficking reports have a case"
            f" file ({calls}).",
        )))  # fmt: skip
    inner = "".join(_p(line) for line in lines)
    return (
        '<table width="100%" border="2" cellspacing="0" cellpadding="6" style="border-collapse: collapse;">'
        f"<tr><td>{inner}</td></tr></table>"
    )


def _without_case_section(
    listed: Table, total: int, lang: str, heading: _Headings, *, children: bool = False
) -> list[str]:
    """Section 6.1 (the abused children, ``children``) or 6.2 (the reports) without a case file: the heading counts
    them all (the indicator), the table lists the first MAX_WITHOUT_CASE_ROWS of those the store listed, and the
    notes say plainly how many are where."""
    w = lambda vi, en: words(lang, vi, en)  # noqa: E731
    total_text = vn_int(total) if lang != "en" else f"{total:,}"
    if children:
        title = w(f"6.1. Trẻ em bị xâm hại chưa có hồ sơ ({total_text})",
                  f"6.1. Abused children without a case file ({total_text})")  # fmt: skip
        what_vi, widths, listed_words = "trẻ", (18, 34, 14, 22, 12), listed_children_text
    else:
        title = w(f"6.2. Tin báo chưa có hồ sơ ({total_text})", f"6.2. Reports without a case file ({total_text})")
        what_vi, widths, listed_words = "tin báo", (18, 32, 38, 12), listed_text  # the line's name wants room
    parts = [heading(title, 10.5)]
    if not listed.rows:
        return [*parts, _p(f"<i>{_t(w('Không có.', 'None.'))}</i>")]
    shown = listed.rows[:MAX_WITHOUT_CASE_ROWS]
    parts.append(_table_html(listed, lang, rows=shown, widths=widths))
    parts.append(_note(listed_words(len(shown), total, lang)))
    in_files = len(listed.rows)
    if in_files > len(shown):  # the XLSX and CSV list more than the PDF: say how many, never "the rest"
        parts.append(_note(w(
            f"Tệp Excel (và CSV) của báo cáo liệt kê {'đủ ' if in_files == total else ''}{vn_int(in_files)}"
            f" {what_vi}{'' if in_files == total else ' cũ nhất'}.",
            f"The report's Excel (and CSV) file lists {'all ' if in_files == total else 'the oldest '}{in_files:,}.",
        )))  # fmt: skip
    if in_files < total:
        parts.append(_note(w(
            f"Các {what_vi} còn lại không có trong các tệp của báo cáo này: lập báo cáo cho kỳ ngắn hơn để xem.",
            "The others are in none of this report's files: make a report for a shorter period to see them.",
        )))  # fmt: skip
    return parts


def _tables_section(tables: dict, keys: tuple[str, ...], number: int, lang: str, heading: _Headings) -> list[str]:
    """Numbered sub-sections, one table each, with the table's note under it."""
    parts = []
    for sub, key in enumerate(keys, start=1):
        table = tables[key]
        parts.append(heading(f"{number}.{sub}. {table.title}", 10.5))
        count = len(table.columns)
        widths = (55, 25, 20) if count == 3 else (40, 30, 15, 15) if count == 4 else None
        if count > 4:  # form × setting: the label wide, the numbers alike
            widths = (28, *([72 // (count - 1)] * (count - 1)))
        parts.append(_table_html(table, lang, widths=widths))
        parts.append(_note(table.note))
    return parts


def report_html(
    data: ReportData,
    *,
    taxonomy: Taxonomy,
    line_names: Mapping[str, str],
    centre_name: str,
    generated_at: datetime,
    lang: str = "vi",
    chart_width: int = 0,
    headings: list[str] | None = None,
) -> str:
    """The report as HTML for QTextDocument; the charts are the images chart:calls, chart:categories, chart:hours
    (``chart_width`` CSS pixels wide; 0: none). The headings' texts are added to ``headings``."""
    w = lambda vi, en: words(lang, vi, en)  # noqa: E731
    _heading = _Headings()
    tables = {t.key: t for t in report_tables(data, taxonomy=taxonomy, line_names=line_names, lang=lang)}
    parts = ["<html><body>"]
    parts.append(
        _p(f"<b>{_t(centre_name.upper())}</b>", "center")
        + _gap(6)
        + _p(f"<b>{_t(title(lang).upper())}</b>", "center", "font-size: 15pt;")
        + _gap(3)
        + _p(f"{_t(w('Kỳ báo cáo', 'Period'))}: <b>{_t(period_text(data))}</b>", "center")
        + _p(f"{_t(w('Đường dây', 'Lines'))}: <b>{_t(lines_text(data, line_names, lang))}</b>", "center")
        + _p(_t(w("Lập lúc", "Made at") + f" {local(generated_at):%H:%M %d/%m/%Y}"), "center", "font-size: 9pt;")
    )
    unfinished = unfinished_text(data, local(generated_at).date(), lang)
    if unfinished:
        parts.append(_p(f"<b>{_t(unfinished)}</b>", "center"))

    parts.append(_heading(w("1. Chỉ số chính", "1. Key figures")))
    indicators = indicators_table(data, lang)
    parts.append(_target_box(data, lang))
    parts.append(_gap(5))
    shown = Table(indicators.key, indicators.title, indicators.columns[:2], tuple(
        Row(row.key, row.cells[:2], row.kinds[:2], total=row.key == "share_children_with_case")  # the headline bold
        for row in indicators.rows
    ))  # fmt: skip
    parts.append(_table_html(shown, lang, widths=(75, 25)))
    parts.append(_note(w("Định nghĩa các chỉ số: xem mục 7.", "Definitions of the indicators: see section 7.")))

    if chart_width:
        height = round(chart_width * CHART_SIZE[1] / CHART_SIZE[0])
        parts.append(_heading(w("2. Biểu đồ", "2. Charts")))
        if not data.indicators.calls_received:  # three empty charts would fill two pages saying the same
            parts.append(_p(f"<i>{_t(w('Không có cuộc gọi nào trong kỳ.', 'No calls in the period.'))}</i>"))
        for name in CHART_NAMES if data.indicators.calls_received else ():
            parts.append(_p(f'<img src="chart:{name}" width="{chart_width}" height="{height}"/>', "center"))
            parts.append(_gap(4))

    parts.append(_heading(w("3. Phân loại", "3. Breakdowns")))
    parts += _tables_section(tables, PDF_TABLES, 3, lang, _heading)
    ind = data.indicators
    parts.append(_heading(w(
        f"4. Trẻ em bị xâm hại ({display(ind.children_abused, INT, lang)})",
        f"4. Abused children ({display(ind.children_abused, INT, lang)})",
    )))  # fmt: skip
    parts += _tables_section(tables, ABUSED_TABLES, 4, lang, _heading)
    parts.append(_note(w(
        "Từng ô hình thức × giới tính × độ tuổi × nơi xảy ra có trong tệp Excel (và CSV) của báo cáo.",
        "Every cell of form × sex × age × setting is in the report's Excel (and CSV) file.",
    )))  # fmt: skip
    victims = display(data.trafficking_victims.total, INT, lang)
    parts.append(_heading(w(f"5. Nạn nhân mua bán người ({victims})", f"5. Trafficking victims ({victims})")))
    parts += _tables_section(tables, VICTIM_TABLES, 5, lang, _heading)

    parts.append(_heading(w("6. Chưa có hồ sơ", "6. Without a case file")))
    parts.extend(_without_case_section(
        tables["abused_without_case"], ind.children_abused_without_case, lang, _heading, children=True
    ))  # fmt: skip
    parts.extend(_without_case_section(tables["without_case"], ind.reports_without_case, lang, _heading))

    parts.append(_heading(w("7. Định nghĩa: cách tính từng số liệu", "7. Definitions: how each figure is counted")))
    for label, definition in definitions(lang):
        parts.append(_p(f"<b>{_t(label)}</b>: {_t(definition)}", style="font-size: 8.5pt;"))
    parts.append("</body></html>")
    if headings is not None:
        headings.extend(_heading)
    return "".join(parts)
