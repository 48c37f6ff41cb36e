"""The pieces of the statistics report's tables: columns, rows, a table, and a breakdown with its shares."""

from __future__ import annotations

from dataclasses import dataclass

from hotline.reports.stats_words import INT, SHARE, TEXT


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


def share(count: int, base: int) -> float | None:
    return count / base if base else None


def counted(
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
    rows = [Row(k, (label, count, share(count, base))) for k, label, count in items]
    if total is not None:
        whole = sum(count for _, _, count in items)
        rows.append(Row("total", (total, whole, share(whole, base)), total=True))
    return Table(key, title, columns, tuple(rows), note)
