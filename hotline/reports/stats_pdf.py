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
)

from hotline.core.report_data import ReportData
from hotline.core.taxonomy import Taxonomy
from hotline.core.timeutil import local, utcnow
from hotline.reports import charts

# The handover's paper layout: a long page cut into A4 sheets between lines and table rows, a table's header
# row repeated on the sheet it runs onto (hotline/reports/handover.py).
from hotline.reports.handover import _sheets, a4_document, page_pieces, paint_pages
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
    titles = set(headings)
    # a spacer line (no text) keeps with what it spaces too, rather than stand alone at a page's foot
    sheets = _sheets(page_pieces(doc, lambda text: " ".join(text.split()) in titles or not text.split()), height)

    made = words(lang, "lập lúc", "made at") + f" {local(generated_at):%H:%M %d/%m/%Y}"
    paint_pages(
        doc, writer, sheets, width=width, height=height, dpi=RESOLUTION_DPI,
        footer_text=f"{title(lang)} · {period_text(data)} · {made}", page_word=words(lang, "Trang", "Page"),
        what="statistics report",
    )  # fmt: skip
    buffer.close()
    return bytes(buffer.data())
