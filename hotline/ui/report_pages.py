"""The reports screen's pages: titled tables side by side, three to a row or one under another, and the report's
definitions (how each figure is counted) in the screen's language."""

from __future__ import annotations

import html

from PySide6.QtWidgets import QGridLayout, QGroupBox, QHBoxLayout, QTextBrowser, QVBoxLayout, QWidget


def _boxed(parent: QWidget, table: QWidget, title: str) -> QWidget:
    """The table in a box named ``title``; without a title, the table alone."""
    if not title:
        return table
    box = QGroupBox(title, parent)
    QVBoxLayout(box).addWidget(table)
    return box


def side_by_side(parent: QWidget, *tables: tuple[QWidget, str]) -> QWidget:
    page = QWidget(parent)
    row = QHBoxLayout(page)
    for table, title in tables:
        row.addWidget(_boxed(page, table, title), 1)
    return page


def grid(parent: QWidget, *tables: tuple[QWidget, str], per_row: int = 3) -> QWidget:
    page = QWidget(parent)
    layout = QGridLayout(page)
    for index, (table, title) in enumerate(tables):
        layout.addWidget(_boxed(page, table, title), index // per_row, index % per_row)
    return page


def stacked(parent: QWidget, *tables: tuple[QWidget, str]) -> QWidget:
    page = QWidget(parent)
    column = QVBoxLayout(page)
    for table, title in tables:
        column.addWidget(_boxed(page, table, title), 1)
    return page


def definitions_view(parent: QWidget, lang: str, accessible_name: str) -> QTextBrowser:
    """The report's definitions page (hotline.reports.stats_definitions), as the PDF prints it."""
    from hotline.reports.stats_definitions import definitions

    view = QTextBrowser(parent, objectName="definitionsView")
    view.setAccessibleName(accessible_name)
    view.setHtml(
        "".join(f"<p><b>{html.escape(label)}</b>: {html.escape(text)}</p>" for label, text in definitions(lang))
    )
    return view
