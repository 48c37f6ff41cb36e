"""The statistics report for the province as an A4 PDF (the HTML of stats_html laid on A4 sheets, the charts
drawn in as pictures), with page numbers and the time it was made."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QUrl
from PySide6.QtGui import (
    QGuiApplication,
    QPdfWriter,
    QTextDocument,
    QTextTable,
)

from hotline.core.report_data import ReportData
from hotline.core.taxonomy import Taxonomy
from hotline.core.timeutil import local, utcnow
from hotline.reports import charts

# The handover's paper layout: a long page cut into A4 sheets between lines and table rows, a table's header
# row repeated on the sheet it runs onto (hotline/reports/handover.py; private there, shared here).
from hotline.reports.handover import _Piece, _sheets, a4_document, paint_pages
from hotline.reports.stats_html import CHART_NAMES, CHART_SIZE, report_html, title
from hotline.reports.stats_words import period_text, words

RESOLUTION_DPI = 300
#: Device pixels to each of a chart picture's logical pixels: print resolution.
CHART_SCALE = 3.0


def report_charts(data: ReportData, taxonomy: Taxonomy, lang: str = "vi", today: date | None = None) -> list:
    """The three charts of the report, in the order of CHART_NAMES (``today``: see charts.hour_weekday_chart)."""
    return [
        charts.calls_chart(data, lang),
        charts.categories_chart(data, taxonomy, lang),
        charts.hour_weekday_chart(data, lang, today),
    ]


# --- paper --------------------------------------------------------------------------------------------------


def _pieces(doc: QTextDocument, headings: set[str]) -> list[_Piece]:
    """Stretches of the long page never cut: each line, each table row; a heading stays with what follows it."""
    layout = doc.documentLayout()
    pieces: list[_Piece] = []
    for item in doc.rootFrame():
        table = item.currentFrame()
        if table is None:
            block = item.currentBlock()
            text_layout = block.layout()
            origin = text_layout.position()
            text = " ".join(block.text().split())
            heading = text in headings or not text  # a spacer line too: with what it spaces, not alone at a foot
            for number in range(text_layout.lineCount()):
                line = text_layout.lineAt(number)
                top = origin.y() + line.y()
                pieces.append(_Piece(top, top + line.height(), keep_with_next=heading))
            continue
        box = layout.frameBoundingRect(table)
        rows = table.rows() if isinstance(table, QTextTable) else 0
        if rows == 0:
            pieces.append(_Piece(box.top(), box.bottom()))
            continue
        # as the handover cuts its tables: from just under the line above a row to just under the line below it
        scale = layout.paintDevice().logicalDpiY() / 96
        padding, border = table.format().cellPadding() * scale, table.format().border() * scale
        tops = [layout.blockBoundingRect(table.cellAt(r, 0).firstCursorPosition().block()).top() for r in range(rows)]
        bottom = max(
            layout.blockBoundingRect(table.cellAt(rows - 1, c).lastCursorPosition().block()).bottom()
            for c in range(table.columns())
        )
        starts = [tops[0] - padding - border] + [top - padding for top in tops[1:]] + [bottom + padding + border]
        headers = min(table.format().headerRowCount(), rows)
        header = (starts[0], starts[headers]) if headers else None
        if headers:
            pieces.append(_Piece(starts[0], starts[headers], keep_with_next=True))
        for r in range(headers, rows):
            pieces.append(_Piece(starts[r], starts[r + 1], header=header))
    return pieces


def pdf_bytes(
    data: ReportData,
    *,
    taxonomy: Taxonomy,
    line_names: Mapping[str, str],
    centre_name: str,
    lang: str = "vi",
    generated_at: datetime | None = None,
) -> bytes:
    """The report as the bytes of an A4 portrait PDF; needs a QApplication (fonts, and the charts' widgets)."""
    if QGuiApplication.instance() is None:
        raise RuntimeError("the statistics PDF needs a QApplication (fonts and charts come from it)")
    generated_at = generated_at or utcnow()
    buffer = QBuffer()
    buffer.setData(QByteArray())
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(RESOLUTION_DPI)
    writer.setTitle(f"{title(lang)} – {period_text(data)}")
    writer.setCreator("Hotline")
    doc, width, height = a4_document(writer, RESOLUTION_DPI)
    chart_width = round(width * 96 / writer.logicalDpiX())  # <img> sizes are CSS pixels, 96 to the inch
    if data.indicators.calls_received:
        pictures = report_charts(data, taxonomy, lang, local(generated_at).date())
        for name, chart in zip(CHART_NAMES, pictures, strict=True):
            image = charts.chart_image(chart, *CHART_SIZE, scale=CHART_SCALE)
            doc.addResource(QTextDocument.ResourceType.ImageResource, QUrl(f"chart:{name}"), image)
    headings: list[str] = []
    doc.setHtml(
        report_html(
            data,
            taxonomy=taxonomy,
            line_names=line_names,
            centre_name=centre_name,
            generated_at=generated_at,
            lang=lang,
            chart_width=chart_width,
            headings=headings,
        )
    )
    doc.setTextWidth(width)
    sheets = _sheets(_pieces(doc, set(headings)), height)

    made = words(lang, "lập lúc", "made at") + f" {local(generated_at):%H:%M %d/%m/%Y}"
    paint_pages(
        doc, writer, sheets, width=width, height=height, dpi=RESOLUTION_DPI,
        footer_text=f"{title(lang)} · {period_text(data)} · {made}", page_word=words(lang, "Trang", "Page"),
        what="statistics report",
    )  # fmt: skip
    buffer.close()
    return bytes(buffer.data())
