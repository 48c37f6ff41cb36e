"""The statistics report's tables per child and per tier: 111's service levels, channels and referrals, the abused
children (form × sex × age band × setting, Thông tư 13/2021) and the trafficking victims; and the list of abused
children still without a case file."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping

from hotline.core.models import CHANNELS, SERVICE_LEVELS, SEXES
from hotline.core.report_data import (
    CHILD_BANDS,
    FORM_NONE,
    FORM_TRAFFICKING,
    RECRUITMENT_INFO,
    REFERRALS,
    REFERRALS_OR_NONE,
    SETTINGS,
    VICTIM_AGE_GROUPS,
    VICTIM_DESTINATIONS,
    ReportData,
)
from hotline.core.taxonomy import Taxonomy
from hotline.reports.stats_table_parts import Column, Row, Table, counted
from hotline.reports.stats_words import (
    DATETIME,
    ID,
    INT,
    TEXT,
    age_band_label,
    age_group_label,
    channel_label,
    commune_label,
    destination_label,
    form_label,
    line_label,
    listed_children_text,
    referral_label,
    service_level_label,
    setting_label,
    sex_label,
    started_local,
    words,
)


def _keys(counts: Mapping, vocabulary) -> list:
    """A vocabulary in its order, then any other key the store counted."""
    return [*vocabulary, *(key for key in counts if key not in vocabulary)]


def form_codes(data: ReportData, taxonomy: Taxonomy) -> list[str]:
    """The forms of abuse the store counted (its order: the centre's list), or the taxonomy's when it gave none."""
    if data.abused_children.by_form:
        return list(data.abused_children.by_form)
    return [c.code for c in taxonomy.categories if c.group == "abuse"] + [FORM_TRAFFICKING, FORM_NONE]


def purpose_codes(data: ReportData, taxonomy: Taxonomy) -> list[str]:
    """The trafficking purposes the store counted, or the taxonomy's (recruitment questions are no purpose)."""
    if data.trafficking_victims.by_purpose:
        return list(data.trafficking_victims.by_purpose)
    return [c.code for c in taxonomy.categories if c.group == "trafficking" and c.code != RECRUITMENT_INFO]


def service_tables(data: ReportData, lang: str = "vi") -> list[Table]:
    """111's tiers (adding up to the calls with content), the channels (adding up to the calls received), the
    referrals (a call under each of its destinations)."""
    w = lambda vi, en: words(lang, vi, en)  # noqa: E731
    ind, share, total, calls = data.indicators, w("Tỷ lệ", "Share"), w("Tổng", "Total"), w("Số cuộc gọi", "Calls")
    levels = data.by_service_level
    referrals = data.by_referral
    return [
        counted(
            "by_service_level", w("Mức dịch vụ", "Service levels"), w("Mức dịch vụ của 111", "111 service level"),
            calls, [(k, service_level_label(k, lang), levels.get(k, 0)) for k in _keys(levels, SERVICE_LEVELS)],
            ind.substantive, total=total, share_title=share,
            note=w("Cuộc gọi có nội dung, mỗi cuộc gọi một mức: các mức cộng lại bằng số cuộc gọi có nội dung.",
                   "Calls with content, one level each: the levels add up to the calls with content."),
        ),
        counted(
            "by_channel", w("Theo kênh", "By channel"), w("Kênh tiếp nhận", "Channel"), calls,
            [(k, channel_label(k, lang), data.by_channel.get(k, 0)) for k in _keys(data.by_channel, CHANNELS)],
            ind.calls_received, total=total, share_title=share,
            note=w("Tỷ lệ trên tổng số cuộc gọi đến.", "Share of all calls received."),
        ),
        counted(
            "by_referral", w("Chuyển gửi", "Referrals"), w("Nơi chuyển gửi", "Referred to"), calls,
            [(k, referral_label(k, lang), referrals.get(k, 0)) for k in _keys(referrals, REFERRALS)],
            ind.substantive, total=None, share_title=share,
            note=w("Tỷ lệ trên số cuộc gọi có nội dung; một cuộc gọi có thể được chuyển gửi nhiều nơi.",
                   "Share of the calls with content; a call may be referred to several places."),
        ),
    ]  # fmt: skip


def abused_tables(data: ReportData, taxonomy: Taxonomy, lang: str = "vi") -> list[Table]:
    """The abused children under 16 by form, sex, age band, setting and commune, form × setting, and every cell of
    form × sex × age band × setting (Thông tư 13/2021, indicator 0101)."""
    w = lambda vi, en: words(lang, vi, en)  # noqa: E731
    abused, whole = data.abused_children, data.indicators.children_abused
    share, total, children = w("Tỷ lệ", "Share"), w("Tổng", "Total"), w("Số trẻ", "Children")
    note = w("Trẻ em dưới 16 tuổi bị xâm hại (chỉ tiêu của tỉnh).", "Abused children under 16 (the province's target).")
    title = w("Trẻ bị xâm hại – {}", "Abused children – {}")

    def part(key: str, what_vi: str, what_en: str, counts: Mapping, label, vocabulary, *, adds_up=True,
             column: str = "") -> Table:  # fmt: skip
        items = [(("" if k is None else str(k)), label(k), counts.get(k, 0)) for k in _keys(counts, vocabulary)]
        return counted(
            key, title.format(w(what_vi, what_en)), column or w(what_vi, what_en).capitalize(), children, items, whole,
            total=total if adds_up else None, share_title=share,
            note=note if adds_up else w(
                "Tỷ lệ trên số trẻ em bị xâm hại; một trẻ được tính ở mỗi hình thức của cuộc gọi, nên tổng có thể hơn"
                " 100 %.", "Share of the abused children; a child counts under each form of the call, so the shares"
                " may add up to more than 100 %."),
        )  # fmt: skip

    communes = sorted(abused.by_commune, key=lambda c: (c is None, -abused.by_commune[c], commune_label(c, lang)))
    tables = [
        part("abused_by_form", "hình thức", "form", abused.by_form, lambda k: form_label(k, taxonomy, lang),
             form_codes(data, taxonomy), adds_up=False),
        part("abused_by_sex", "giới tính", "sex", abused.by_sex, lambda k: sex_label(k, lang), SEXES),
        part("abused_by_age_band", "độ tuổi", "age", abused.by_age_band, lambda k: age_band_label(k, lang),
             CHILD_BANDS),
        part("abused_by_setting", "nơi xảy ra", "setting", abused.by_setting, lambda k: setting_label(k, lang),
             SETTINGS),
        part("abused_by_commune", "xã phường", "commune", abused.by_commune, lambda k: commune_label(k, lang),
             communes, column=w("Xã, phường nơi xảy ra vụ việc", "Commune of the incident")),
    ]  # fmt: skip
    return [*tables, _form_by_setting(data, taxonomy, lang), _cells(data, taxonomy, lang)]


def _form_by_setting(data: ReportData, taxonomy: Taxonomy, lang: str) -> Table:
    """One row per form of abuse, one column per setting, and the form's children in all settings."""
    grid: Counter[tuple[str, str]] = Counter()
    for cell in data.abused_children.cells:
        grid[cell.form, cell.setting] += cell.children
    settings = _keys(data.abused_children.by_setting, SETTINGS)
    columns = [Column("form", words(lang, "Hình thức", "Form"), TEXT)]
    columns += [Column(s, setting_label(s, lang), INT) for s in settings]
    columns.append(Column("total", words(lang, "Tổng", "Total"), INT))
    rows = tuple(
        Row(form, (form_label(form, taxonomy, lang), *(grid[form, s] for s in settings), n))
        for form, n in data.abused_children.by_form.items()
    )
    note = words(
        lang,
        "Trẻ em bị xâm hại theo hình thức và nơi xảy ra (Thông tư 13/2021, chỉ tiêu 0101).",
        "Abused children by form and setting (Circular 13/2021, indicator 0101).",
    )
    return Table("abused_form_setting", words(lang, "Hình thức × nơi xảy ra", "Form × setting"), tuple(columns), rows,
                 note)  # fmt: skip


def _cells(data: ReportData, taxonomy: Taxonomy, lang: str) -> Table:
    """Every non-zero cell of form × sex × age band × setting, one row each, for a spreadsheet's pivot table."""
    w = lambda vi, en: words(lang, vi, en)  # noqa: E731
    columns = (
        Column("form", w("Hình thức", "Form"), TEXT),
        Column("sex", w("Giới tính", "Sex"), TEXT, in_csv=False),
        Column("age_band", w("Độ tuổi", "Age"), TEXT, in_csv=False),
        Column("setting", w("Nơi xảy ra", "Setting"), TEXT, in_csv=False),
        Column("children", w("Số trẻ", "Children"), INT),
    )
    rows = tuple(
        Row(
            f"{c.form}|{c.sex}|{c.age_band}|{c.setting}",
            (
                form_label(c.form, taxonomy, lang),
                sex_label(c.sex, lang),
                age_band_label(c.age_band, lang),
                setting_label(c.setting, lang),
                c.children,
            ),
        )
        for c in data.abused_children.cells
    )
    note = w(
        "Mỗi dòng một ô (hình thức, giới tính, độ tuổi, nơi xảy ra) có trẻ; khóa của dòng trong tệp CSV ghi các mã.",
        "One row per cell (form, sex, age, setting) holding children; the CSV's key gives the codes.",
    )
    return Table("abused_cells", w("Trẻ bị xâm hại – chi tiết", "Abused children – detail"), columns, rows, note)


def victim_tables(data: ReportData, taxonomy: Taxonomy, lang: str = "vi") -> list[Table]:
    """The people named on trafficking reports by sex, age group, destination, purpose and referral."""
    w = lambda vi, en: words(lang, vi, en)  # noqa: E731
    v = data.trafficking_victims
    share, total, people = w("Tỷ lệ", "Share"), w("Tổng", "Total"), w("Số người", "People")
    title = w("Nạn nhân mua bán – {}", "Victims – {}")
    note = w("Người được nêu trong tin báo mua bán người.", "The people named on trafficking reports.")
    each = w(
        "Một người được tính ở mỗi {} của cuộc gọi, nên tổng có thể hơn số nạn nhân.",
        "A person counts under each {} of the call, so the rows may add up to more than the victims.",
    )

    def part(key: str, what_vi: str, what_en: str, counts: Mapping, label, vocabulary, *, adds_up=True) -> Table:
        items = [(k, label(k), counts.get(k, 0)) for k in _keys(counts, vocabulary)]
        return counted(
            key, title.format(w(what_vi, what_en)), w(what_vi, what_en).capitalize(), people, items, v.total,
            total=total if adds_up else None, share_title=share,
            note=note if adds_up else each.format(w(what_vi, what_en)),
        )  # fmt: skip

    return [
        part("victims_by_sex", "giới tính", "sex", v.by_sex, lambda k: sex_label(k, lang), SEXES),
        part("victims_by_age_group", "nhóm tuổi", "age group", v.by_age_group, lambda k: age_group_label(k, lang),
             VICTIM_AGE_GROUPS),
        part("victims_by_destination", "nơi đến", "destination", v.by_destination,
             lambda k: destination_label(k, lang), VICTIM_DESTINATIONS),
        part("victims_by_purpose", "mục đích", "purpose", v.by_purpose, lambda k: taxonomy.label(k, lang),
             purpose_codes(data, taxonomy), adds_up=False),
        part("victims_by_referral", "chuyển gửi", "referral", v.by_referral, lambda k: referral_label(k, lang),
             REFERRALS_OR_NONE, adds_up=False),
    ]  # fmt: skip


def abused_without_case_table(data: ReportData, *, line_names: Mapping[str, str], lang: str = "vi") -> Table:
    """The abused children still without a case file: when, line, sex, age band, call number (no names); a list
    the store cut short says how many of how many (``of_total``)."""
    w = lambda vi, en: words(lang, vi, en)  # noqa: E731
    columns = (
        Column("started_at", w("Thời gian", "Time"), DATETIME, in_csv=False),
        Column("line", w("Đường dây", "Line"), TEXT),
        Column("sex", w("Giới tính", "Sex"), TEXT),
        Column("age_band", w("Độ tuổi", "Age"), TEXT),
        Column("call_id", w("Mã cuộc gọi", "Call number"), ID, in_csv=False),
    )
    rows = tuple(
        Row(
            f"{item.call_id}-{item.child_id}",
            (
                started_local(item.started_at_ms),
                line_label(item.line, line_names),
                sex_label(item.sex, lang),
                age_band_label(item.age_band, lang),
                item.call_id,
            ),
        )
        for item in data.abused_without_case
    )
    total = data.indicators.children_abused_without_case
    short = len(rows) < total
    return Table(
        "abused_without_case", w("Trẻ bị xâm hại chưa có hồ sơ", "Abused children without a file"), columns, rows,
        note=listed_children_text(len(rows), total, lang), of_total=total if short else None,
    )  # fmt: skip
