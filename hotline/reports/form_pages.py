"""An official form's HTML laid on A4 portrait pages as a PDF: the face, the margins, the footer, whole lines."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFont,
    QFontDatabase,
    QFontMetricsF,
    QGuiApplication,
    QPageLayout,
    QPageSize,
    QPainter,
    QPalette,
    QPdfWriter,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextOption,
)

#: Preferred faces, in order; each carries Vietnamese. Official documents are set in Times New Roman (Windows);
#: Linux has one of the others. When none is installed the application's default font is used.
FONT_FAMILIES = (
    "Times New Roman",
    "Liberation Serif",
    "Noto Serif",
    "DejaVu Serif Condensed",
    "DejaVu Serif",
    "Noto Sans",
    "DejaVu Sans",
)
FONT_POINTS = 11
MARGIN_MM = 15.0
#: An official document's left margin is wider, to bind it (Nghị định 30/2020/NĐ-CP, Phụ lục I: 30–35 mm; less
#: here so that a full form still fits two pages).
LEFT_MARGIN_MM = 25.0
#: How far above its page a line may paint: the marks stacked over Vietnamese capitals (Ầ, Ỗ) of a page's first
#: line rise above the line's box, into the top margin.
OVERHANG_MM = 4.0
RESOLUTION_DPI = 300


def form_font() -> QFont:
    """The first installed face of FONT_FAMILIES (all carry Vietnamese), else the application's default font."""
    installed = set(QFontDatabase.families())
    font = QFont(QGuiApplication.font())
    for family in FONT_FAMILIES:
        if family in installed:
            font = QFont(family)
            break
    font.setPointSizeF(FONT_POINTS)
    return font


def _keep_with_signature(doc: QTextDocument, page_height: float, keep_from: str) -> None:
    """Start the paragraph beginning with ``keep_from`` on a new page when it would otherwise be split from the
    signature table at the end of the document."""
    layout = doc.documentLayout()
    block = doc.begin()
    while block.isValid() and not block.text().startswith(keep_from):
        block = block.next()
    frames = doc.rootFrame().childFrames()
    if not block.isValid() or not frames:
        return
    top = layout.blockBoundingRect(block).top()
    bottom = layout.frameBoundingRect(frames[-1]).bottom()
    if int(top // page_height) != int(bottom // page_height) and bottom - top < page_height:
        fmt = block.blockFormat()
        fmt.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
        QTextCursor(block).setBlockFormat(fmt)


#: Black on white whatever the desktop's theme: a dark theme's palette would print white text.
_PRINT_PALETTE = QPalette(QColor(0, 0, 0), QColor(255, 255, 255))
_PRINT_PALETTE.setColor(QPalette.ColorRole.Text, QColor(0, 0, 0))


def _draw_page(doc: QTextDocument, painter: QPainter, page: QRectF) -> None:
    """Draw the lines of the document that lie on one page, and no others.

    QTextDocument.drawContents clips the painting to the page, but it draws every line of each paragraph that
    touches the page: a paragraph running across a page break would leave its other lines in this page's PDF,
    invisible yet found by search and copied with the text. So paragraphs are drawn line by line here, with the
    page as clip; tables (the heading and the signature, never split) are drawn whole by the layout.
    """
    layout = doc.documentLayout()
    overhang = RESOLUTION_DPI * OVERHANG_MM / 25.4
    painter.setClipRect(page.adjusted(0, -overhang, 0, 0))
    painter.setPen(QColor(0, 0, 0))
    for item in doc.rootFrame():
        frame = item.currentFrame()
        if frame is not None:
            box = layout.frameBoundingRect(frame)
            if box.intersects(page):
                context = QAbstractTextDocumentLayout.PaintContext()
                context.palette = _PRINT_PALETTE
                # a pixel inside the table, so the paragraphs just above and below it are not drawn twice
                context.clip = box.adjusted(1, 1, -1, -1).intersected(page)
                layout.draw(painter, context)
        else:
            block = item.currentBlock()
            text_layout = block.layout()
            if not block.isValid() or not layout.blockBoundingRect(block).intersects(page):
                continue
            # Line by line: QTextLayout.draw with a clip still emits lines above the clip (seen with Qt 6.12).
            origin = text_layout.position()
            for number in range(text_layout.lineCount()):
                line = text_layout.lineAt(number)
                if page.top() <= origin.y() + line.y() < page.bottom():
                    line.draw(painter, origin)


def write_form_pdf(body: str, path: Path, *, title: str, footer: str, keep_from: str) -> None:
    """Lay the form's HTML on A4 portrait pages at ``path``, each page with ``footer`` and "Trang n/N" under the text;
    the paragraph starting with ``keep_from`` stays on one page with the signature table that ends the form.
    Needs a QGuiApplication; raises OSError if it cannot write."""
    if QGuiApplication.instance() is None:
        raise RuntimeError("writing a form needs a QGuiApplication (fonts come from it)")
    path = Path(path)
    writer = QPdfWriter(str(path))
    writer.setResolution(RESOLUTION_DPI)
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(LEFT_MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM),
            QPageLayout.Unit.Millimeter,
        )
    )
    writer.setTitle(title)
    writer.setCreator("Hotline")

    paint_rect = writer.pageLayout().paintRectPixels(writer.resolution())
    width, height = float(paint_rect.width()), float(paint_rect.height())
    footer_font = form_font()
    footer_font.setPointSizeF(8.5)
    # The footer ("Trang 1/2") sits in the bottom margin, 4 mm under the text, so the text keeps the whole page.
    footer_top = height + RESOLUTION_DPI * 4 / 25.4
    footer_height = RESOLUTION_DPI * 6 / 25.4

    doc = QTextDocument()
    doc.documentLayout().setPaintDevice(writer)  # point sizes laid out at the writer's 300 dpi
    doc.setDefaultFont(form_font())
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)  # a long unbroken value still wraps
    doc.setDefaultTextOption(option)
    doc.setDocumentMargin(0)  # the writer's page margins are the form's margins
    doc.setHtml(body)
    doc.setPageSize(QSizeF(width, height))
    _keep_with_signature(doc, height, keep_from)
    pages = doc.pageCount()
    metrics = QFontMetricsF(footer_font, writer)

    painter = QPainter()
    if not painter.begin(writer):
        raise OSError(f"cannot write the PDF file {path}")
    try:
        for index in range(pages):
            if index:
                writer.newPage()
            top = index * height
            painter.save()
            painter.translate(0, -top)
            _draw_page(doc, painter, QRectF(0, top, width, height))
            painter.restore()
            painter.setFont(footer_font)
            painter.setPen(QColor(90, 90, 90))
            page_label = f"Trang {index + 1}/{pages}"
            room = width - metrics.horizontalAdvance(page_label) - metrics.horizontalAdvance("MMMM")
            elided = metrics.elidedText(footer, Qt.TextElideMode.ElideRight, room)
            foot = QRectF(0, footer_top, width, footer_height)
            painter.drawText(foot, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop, elided)
            painter.drawText(foot, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop, page_label)
    finally:
        painter.end()
