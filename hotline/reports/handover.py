"""The shift handover: the shift's summary, its flagged calls and the open questions, as an A4 PDF or on paper."""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

import sqlite_utils
from PySide6.QtCore import QMarginsF, QRectF, Qt
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFontMetricsF,
    QGuiApplication,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPalette,
    QPdfWriter,
    QTextDocument,
    QTextOption,
    QTextTable,
)

from hotline.core.daily_log import LogFilter, LogRow, ShiftSummary
from hotline.core.models import ONE_KEY_OUTCOMES, SUBSTANTIVE, category_group
from hotline.core.rules import ALWAYS_URGENT, RECRUITMENT_INFO
from hotline.core.taxonomy import Taxonomy, load_taxonomy
from hotline.core.timeutil import local
from hotline.core.words import CHILD_AGE_BANDS, OUTCOMES, RISKS, SEXES
from hotline.reports.form01 import MARGIN_MM, form_font
from hotline.vocabulary import words_of

# The handover is written in Vietnamese, in the one vocabulary's words (hotline.core.words).
CHILD_AGE_BANDS_VI, OUTCOMES_VI, RISKS_VI, SEXES_VI = (
    words_of(table, "vi") for table in (CHILD_AGE_BANDS, OUTCOMES, RISKS, SEXES)
)
TITLE = "BÁO CÁO GIAO CA"
RESOLUTION_DPI = 300
#: How far above its page a line may paint: marks stacked over Vietnamese capitals rise above the line's box.
OVERHANG_MM = 4.0
#: Risk levels a question calls out as urgent.
_URGENT_RISKS = ("high", "immediate")
# Every control character but tab and newline: nothing to print, and Qt's HTML parser may trip over them.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


@dataclass(frozen=True)
class Handover:
    """What the outgoing shift lead hands over: printed as it is, every value escaped."""

    centre_name: str
    period: str  # e.g. "Ca đêm 19:00 28/11/2026 – 07:00 29/11/2026"
    summary: ShiftSummary
    flagged: list[LogRow]
    questions: list[str]
    prepared_by: str
    #: the centre's categories as stored (store.categories); None: the shipped file's labels
    taxonomy: Taxonomy | None = None


# --- building it from the store -----------------------------------------------------------------------------


def _on_the_12_hour_clock(row: LogRow) -> bool:
    """Whether a flagged call's report starts the 12-hour clock (core.rules): its risk or its categories."""
    trafficking = any(category_group(c) == "trafficking" and c != RECRUITMENT_INFO for c in row.categories)
    return row.risk in _URGENT_RISKS or trafficking or bool(set(row.categories) & set(ALWAYS_URGENT))


def open_questions(summary: ShiftSummary, flagged: list[LogRow], cleared: list[LogRow]) -> list[str]:
    """What the next shift must pick up: flagged calls with no case file yet (naming those on the 12-hour clock of
    emergency measures — high or immediate risk, child sexual abuse, sale or trafficking, abduction: docs/law.md),
    each flag an operator cleared that no lead has looked at yet, and the calls not yet reviewed."""
    questions = []
    waiting = [row for row in flagged if not row.case_numbers]
    if waiting:
        text = f"{_number(len(waiting))} cuộc gọi đã đánh dấu cần lập hồ sơ nhưng chưa có hồ sơ (xem mục 2)."
        urgent = [row for row in waiting if _on_the_12_hour_clock(row)]
        if urgent:
            listed = "; ".join(
                f"{row.id} lúc {_when(row)} ({RISKS_VI.get(row.risk, row.risk).lower()})" for row in urgent
            )
            text += f" Cần can thiệp khẩn cấp / tạm thời cách ly trong 12 giờ kể từ cuộc gọi: {listed}."
        questions.append(text)
    for row in cleared:
        if not row.reviewed:
            questions.append(
                f"Cuộc gọi {row.id} lúc {_when(row)}: quy tắc yêu cầu lập hồ sơ nhưng tổng đài viên đã bỏ đánh dấu;"
                " trưởng ca cần xác nhận hoặc đánh dấu lại."
            )
    if summary.unreviewed:
        questions.append(f"Còn {_number(summary.unreviewed)} cuộc gọi chưa được trưởng ca xem xét.")
    return questions


def build_handover(
    db: sqlite_utils.Database, f: LogFilter, *, viewer_id: int, centre_name: str, period: str, prepared_by: str
) -> Handover:
    """The handover of the calls ``f`` selects (the screen passes the shift: its times and lines), read as
    ``viewer_id`` (the daily log's permission, CALL_VIEW_ALL)."""
    from hotline.store import categories, daily_log

    in_order = replace(f, sort="started_at", descending=False)
    summary = daily_log.shift_summary(db, f, viewer_id=viewer_id)
    flagged = daily_log.log_rows(db, replace(in_order, flagged=True, flag_cleared=False), viewer_id=viewer_id, limit=-1)
    cleared = daily_log.log_rows(
        db, replace(in_order, flagged=None, without_case=False, flag_cleared=True), viewer_id=viewer_id, limit=-1
    )
    return Handover(
        centre_name=centre_name,
        period=period,
        summary=summary,
        flagged=flagged,
        questions=open_questions(summary, flagged, cleared),
        prepared_by=prepared_by,
        taxonomy=categories.load_taxonomy(db),
    )


# --- words and numbers --------------------------------------------------------------------------------------


def _number(n: int) -> str:
    """A whole number as Vietnamese write it: 3.105."""
    return f"{n:,}".replace(",", ".")


def _duration(seconds: float) -> str:
    """'4 phút 05 giây', '1 giờ 02 phút 10 giây'."""
    total = round(seconds)
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{hours} giờ {minutes:02d} phút {secs:02d} giây"
    return f"{minutes} phút {secs:02d} giây"


def _when(row: LogRow) -> str:
    return f"{local(row.started_at):%H:%M %d/%m}"


def _t(value: object) -> str:
    """A value as HTML text: control characters dropped, markup escaped."""
    return html.escape(_CONTROL.sub("", "" if value is None else str(value)).strip(), quote=True)


def _child(row: LogRow) -> str:
    """'Nữ, 9 tuổi', '6–10 tuổi', 'Không rõ' (a child nothing is known of), '' (no child)."""
    if not row.child_sex and not row.child_age:
        return ""
    age = row.child_age
    age = f"{age} tuổi" if age.isdigit() else "" if age == "unknown" else CHILD_AGE_BANDS_VI.get(age, age)
    sex = "" if row.child_sex == "unknown" else SEXES_VI.get(row.child_sex, row.child_sex)
    return ", ".join(p for p in (sex, age) if p) or SEXES_VI["unknown"]


def _counts(items: dict, words) -> str:
    return "; ".join(f"{_t(words(key))}: <b>{_number(count)}</b>" for key, count in items.items()) or "0"


# --- HTML ---------------------------------------------------------------------------------------------------

_P = "margin: 0px; line-height: 115%;"


def _p(content: str, align: str = "left", style: str = "") -> str:
    return f'<p align="{align}" style="{_P} {style}">{content}</p>'


def _gap(points: float) -> str:
    # spacing as empty lines of a point size: QTextDocument takes CSS margins in screen pixels (see form01)
    return f'<p style="margin: 0px; font-size: {points}pt;">&nbsp;</p>'


def _line(label: str, value: str) -> str:
    return _p(f"{label}: {value}")


def handover_html(h: Handover) -> str:
    """The handover as HTML for QTextDocument; every value is escaped."""
    taxonomy = h.taxonomy or load_taxonomy()
    s = h.summary
    outcomes = dict(s.by_outcome)
    one_key = sum(outcomes.get(code, 0) for code in ONE_KEY_OUTCOMES)
    parts = ["<html><body>"]
    parts.append(
        _p(f"<b>{_t(h.centre_name.upper())}</b>", "center")
        + _gap(6)
        + _p(f"<b>{TITLE}</b>", "center", "font-size: 14pt;")
        + _p(f"<b>{_t(h.period)}</b>", "center")
        + _p(f"Người lập: <b>{_t(h.prepared_by)}</b>", "center")
        + _gap(6)
    )

    parts.append(_p("<b>1. Tổng hợp</b>"))
    parts.append(_line("Tổng số cuộc gọi", f"<b>{_number(s.total)}</b>"))
    parts.append(_line("Theo đường dây", _counts(s.by_line, str)))
    parts.append(
        _line(
            "Theo kết quả",
            f"{_t(OUTCOMES_VI[SUBSTANTIVE])}: <b>{_number(outcomes.get(SUBSTANTIVE, 0))}</b>;"
            f" cuộc gọi một phím: <b>{_number(one_key)}</b>",
        )
    )
    one_key_items = {code: outcomes[code] for code in ONE_KEY_OUTCOMES if outcomes.get(code)}
    if one_key_items:
        parts.append(_p(f"&nbsp;&nbsp;&nbsp;&nbsp;({_counts(one_key_items, lambda c: OUTCOMES_VI.get(c, c))})"))
    parts.append(_line("Cuộc gọi có nội dung theo nhóm vấn đề", _counts(s.substantive_by_group, taxonomy.group_label)))
    parts.append(
        _line(
            "Đánh dấu cần lập hồ sơ",
            f"<b>{_number(s.flagged)}</b> (đã có hồ sơ: <b>{_number(s.flagged_with_case)}</b>;"
            f" chưa có hồ sơ: <b>{_number(s.flagged - s.flagged_with_case)}</b>)",
        )
    )
    parts.append(_line("Đánh dấu của quy tắc bị tổng đài viên bỏ", f"<b>{_number(s.flags_cleared)}</b>"))
    parts.append(_line("Thời lượng trung bình", f"<b>{_duration(s.avg_duration_s)}</b>"))
    parts.append(_line("Cuộc gọi dài nhất", f"<b>{_duration(s.max_duration_s)}</b>"))
    parts.append(_line("Chưa được xem xét", f"<b>{_number(s.unreviewed)}</b>"))

    parts.append(_gap(6) + _p(f"<b>2. Cuộc gọi đánh dấu cần lập hồ sơ ({_number(len(h.flagged))})</b>"))
    if h.flagged:
        parts.append(_flagged_table(h.flagged, taxonomy))
    else:
        parts.append(_p("<i>Không có cuộc gọi nào được đánh dấu.</i>"))

    parts.append(_gap(6) + _p("<b>3. Việc cần lưu ý khi nhận ca</b>"))
    if h.questions:
        for number, question in enumerate(h.questions, start=1):
            parts.append(_p(f"{number}. {_t(question)}"))
    else:
        parts.append(_p("<i>Không có.</i>"))

    parts.append(
        _gap(10)
        + '<table width="100%" cellspacing="0" cellpadding="0"><tr>'
        + '<td width="50%" align="center">'
        + _p("<b>Người giao ca</b>", "center")
        + _p("<i>(Ký, ghi rõ họ tên)</i>", "center")
        + _gap(30)
        + _p(f"<b>{_t(h.prepared_by)}</b>", "center")
        + "</td>"
        + '<td width="50%" align="center">'
        + _p("<b>Người nhận ca</b>", "center")
        + _p("<i>(Ký, ghi rõ họ tên)</i>", "center")
        + "</td></tr></table>"
    )
    parts.append("</body></html>")
    return "".join(parts)


_HEADERS = ("Giờ", "Mã", "Đường dây", "Tổng đài viên", "Vấn đề", "Trẻ", "Xã/phường", "Nguy cơ", "Hồ sơ")
_WIDTHS = (8, 8, 9, 11, 18, 10, 12, 9, 15)  # per cent


def _flagged_table(rows: list[LogRow], taxonomy) -> str:
    cell = 'style="font-size: 8.5pt;"'
    head = "".join(
        f'<td width="{w}%" bgcolor="#e6e6e6"><p {cell}><b>{h}</b></p></td>'
        for h, w in zip(_HEADERS, _WIDTHS, strict=True)
    )
    body = []
    for row in rows:
        values = (
            _when(row),
            str(row.id),
            row.line,
            row.operator_name,
            "; ".join(taxonomy.label(code) for code in row.categories),
            _child(row),
            row.commune,
            RISKS_VI.get(row.risk, row.risk),
            ", ".join(row.case_numbers) or "chưa có",
        )
        body.append("<tr>" + "".join(f"<td><p {cell}>{_t(v)}</p></td>" for v in values) + "</tr>")
    return (
        '<table width="100%" border="1" cellspacing="0" cellpadding="3" style="border-collapse: collapse;">'
        f"<thead><tr>{head}</tr></thead>{''.join(body)}</table>"
    )


# --- paper --------------------------------------------------------------------------------------------------
#
# The document is laid out once as one long page and cut into A4 pages here, not by QTextDocument: Qt splits a
# table row across a page break line by line, so a flagged call would start on one page and end on the next.
# Here a row, a line of text and a section heading with what follows it are never cut, and a table that runs
# onto a new page repeats its header row there.

#: Black on white whatever the desktop's theme.
_PRINT_PALETTE = QPalette(QColor(0, 0, 0), QColor(255, 255, 255))
_PRINT_PALETTE.setColor(QPalette.ColorRole.Text, QColor(0, 0, 0))
_INSET = 4.0  # device pixels
_SECTION_TITLES = ("1. Tổng hợp", "2. Cuộc gọi đánh dấu", "3. Việc cần lưu ý")


@dataclass
class _Piece:
    """A stretch of the long page that must stay on one sheet (a line, a table row, a heading with the next)."""

    top: float
    bottom: float
    header: tuple[float, float] | None = None  # the header row of its table, repeated when it opens a page
    keep_with_next: bool = False


def page_pieces(doc: QTextDocument, is_heading: Callable[[str], bool]) -> list[_Piece]:
    """Stretches of the long page never cut: each line, each table row (with its table's header row to repeat);
    a line whose block's text ``is_heading`` stays with what follows it. Shared by the handover and the
    statistics report."""
    layout = doc.documentLayout()
    pieces: list[_Piece] = []
    for item in doc.rootFrame():
        table = item.currentFrame()
        if table is None:
            block = item.currentBlock()
            text_layout = block.layout()
            origin = text_layout.position()
            heading = is_heading(block.text())
            for number in range(text_layout.lineCount()):
                line = text_layout.lineAt(number)
                top = origin.y() + line.y()
                pieces.append(_Piece(top, top + line.height(), keep_with_next=heading))
            continue
        box = layout.frameBoundingRect(table)
        if not isinstance(table, QTextTable) or table.rows() == 0:
            pieces.append(_Piece(box.top(), box.bottom()))
            continue
        # A cell's first block lies a border and a padding below the row's top line (lengths in CSS pixels,
        # scaled to the device like Qt's layout does). A stretch runs from just under the line above a row to
        # just under the line below it, so each sheet shows the row with both its lines.
        scale = layout.paintDevice().logicalDpiY() / 96
        padding, border = table.format().cellPadding() * scale, table.format().border() * scale
        rows = range(table.rows())
        tops = [layout.blockBoundingRect(table.cellAt(r, 0).firstCursorPosition().block()).top() for r in rows]
        last = table.rows() - 1
        bottom = max(
            layout.blockBoundingRect(table.cellAt(last, c).lastCursorPosition().block()).bottom()
            for c in range(table.columns())
        )
        starts = [tops[0] - padding - border] + [top - padding for top in tops[1:]] + [bottom + padding + border]
        headers = min(table.format().headerRowCount(), table.rows())
        header = (starts[0], starts[headers]) if headers else None
        if headers:
            pieces.append(_Piece(starts[0], starts[headers], keep_with_next=True))
        for r in range(headers, table.rows()):
            pieces.append(_Piece(starts[r], starts[r + 1], header=header))
    return pieces


def _sheets(pieces: list[_Piece], page_height: float) -> list[list[tuple[float, float]]]:
    """The stretches of the long page each sheet shows, top to bottom: [(y0, y1), …] per sheet."""
    groups: list[_Piece] = []
    for piece in pieces:  # glue each piece that keeps with the next to it
        if groups and groups[-1].keep_with_next:
            last = groups[-1]
            groups[-1] = _Piece(last.top, piece.bottom, last.header, piece.keep_with_next)
        else:
            groups.append(_Piece(piece.top, piece.bottom, piece.header, piece.keep_with_next))
    sheets: list[list[tuple[float, float]]] = []
    start, room = 0.0, page_height
    header: tuple[float, float] | None = None
    for group in groups:
        if group.bottom - start > room and group.top > start:
            sheets.append(([header] if header else []) + [(start, group.top)])
            start, header = group.top, group.header
            room = page_height - (header[1] - header[0] if header else 0.0)
        while group.bottom - start > room:  # taller than a sheet: cut it where the sheet ends (not seen in use)
            sheets.append(([header] if header else []) + [(start, start + room)])
            start += room
    end = groups[-1].bottom if groups else 0.0
    sheets.append(([header] if header else []) + [(start, max(end, start))])
    return sheets


def _draw_stretch(doc: QTextDocument, painter: QPainter, y0: float, y1: float, width: float, overhang: float) -> None:
    """Draw the part [y0, y1) of the long page: lines whose top lies in it, and the table rows in it."""
    layout = doc.documentLayout()
    stretch = QRectF(0, y0, width, y1 - y0)
    for item in doc.rootFrame():
        frame = item.currentFrame()
        if frame is not None:
            box = layout.frameBoundingRect(frame)
            # inset: a row's cells reach a little past its own bounds, and a cell the clip touches is drawn whole
            # (invisible outside the painter's clip, yet in the PDF's text)
            area = stretch.intersected(box).adjusted(0, _INSET, 0, -_INSET)
            if area.height() <= 0:
                continue
            painter.setClipRect(stretch)
            context = QAbstractTextDocumentLayout.PaintContext()
            context.palette = _PRINT_PALETTE
            context.clip = area
            layout.draw(painter, context)
            continue
        block = item.currentBlock()
        rect = layout.blockBoundingRect(block)
        if rect.bottom() <= y0 or rect.top() >= y1:
            continue
        # marks stacked over capitals (Ầ, Ỗ) rise above a line's box: room above, but only for these lines
        painter.setClipRect(stretch.adjusted(0, -overhang, 0, 0))
        painter.setPen(QColor(0, 0, 0))
        text_layout = block.layout()
        origin = text_layout.position()
        for number in range(text_layout.lineCount()):
            line = text_layout.lineAt(number)
            if y0 <= origin.y() + line.y() < y1:
                line.draw(painter, origin)


def _page_layout() -> QPageLayout:
    return QPageLayout(
        QPageSize(QPageSize.PageSizeId.A4),
        QPageLayout.Orientation.Portrait,
        QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM),
        QPageLayout.Unit.Millimeter,
    )


def _render(h: Handover, device: QPagedPaintDevice, dpi: int) -> None:
    """Lay the handover out on A4 sheets of ``device`` (a QPdfWriter or a QPrinter) and paint them."""
    if QGuiApplication.instance() is None:
        raise RuntimeError("the handover needs a QGuiApplication (fonts come from it)")
    doc, width, height = a4_document(device, dpi)
    doc.setHtml(handover_html(h))
    doc.setTextWidth(width)  # one long page: _sheets cuts it
    sheets = _sheets(page_pieces(doc, lambda text: text.startswith(_SECTION_TITLES)), height)

    footer_text = " ".join(f"{TITLE.capitalize()} – {_CONTROL.sub('', h.period)}".split())
    paint_pages(doc, device, sheets, width=width, height=height, dpi=dpi, footer_text=footer_text, what="handover")


def a4_document(device, dpi: float) -> tuple[QTextDocument, float, float]:
    """Give ``device`` the A4 page layout and return an empty document laid out at its resolution (10.5 pt,
    words wrapped, no margin), with the page's paintable width and height (shared with the statistics PDF)."""
    device.setPageLayout(_page_layout())
    paint_rect = device.pageLayout().paintRectPixels(dpi)
    doc = QTextDocument()
    doc.documentLayout().setPaintDevice(device)  # point sizes laid out at the device's resolution
    font = form_font()
    font.setPointSizeF(10.5)
    doc.setDefaultFont(font)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    doc.setDefaultTextOption(option)
    doc.setDocumentMargin(0)
    return doc, float(paint_rect.width()), float(paint_rect.height())


def paint_pages(
    doc: QTextDocument,
    device,
    sheets,
    *,
    width: float,
    height: float,
    dpi: float,
    footer_text: str,
    page_word: str = "Trang",
    what: str = "document",
) -> None:
    """Paint a long document cut into ``sheets`` (see _sheets) on the device's pages, with a footer line and
    "Trang n/N" on each page; OSError when the device refuses (shared by the handover and the statistics PDF)."""
    footer_font = form_font()
    footer_font.setPointSizeF(8.5)
    metrics = QFontMetricsF(footer_font, device)
    foot = QRectF(0, height + dpi * 4 / 25.4, width, dpi * 6 / 25.4)
    overhang = dpi * OVERHANG_MM / 25.4
    painter = QPainter()
    if not painter.begin(device):
        raise OSError(f"cannot paint the {what} (the file or the printer refused)")
    try:
        for index, stretches in enumerate(sheets):
            if index:
                device.newPage()
            at = 0.0
            for y0, y1 in stretches:
                painter.save()
                painter.translate(0, at - y0)
                _draw_stretch(doc, painter, y0, y1, width, overhang)
                painter.restore()
                at += y1 - y0
            painter.setClipping(False)
            painter.setFont(footer_font)
            painter.setPen(QColor(90, 90, 90))
            page_label = f"{page_word} {index + 1}/{len(sheets)}"
            room = width - metrics.horizontalAdvance(page_label) - metrics.horizontalAdvance("MMMM")
            footer = metrics.elidedText(footer_text, Qt.TextElideMode.ElideRight, room)
            painter.drawText(foot, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop, footer)
            painter.drawText(foot, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop, page_label)
    finally:
        painter.end()


def write_handover_pdf(h: Handover, path: Path) -> None:
    """Write the handover as an A4 portrait PDF; needs a QGuiApplication; raises OSError if it cannot write."""
    writer = QPdfWriter(str(Path(path)))
    writer.setResolution(RESOLUTION_DPI)
    writer.setTitle(f"{TITLE.capitalize()} – {' '.join(_CONTROL.sub('', h.period).split())}")
    writer.setCreator("Hotline")
    _render(h, writer, RESOLUTION_DPI)


def print_handover(h: Handover, printer) -> None:
    """Print the handover on a QPrinter (PySide6.QtPrintSupport), in the same A4 layout as the PDF."""
    _render(h, printer, printer.resolution())
