"""The pieces every report chart is made of (fonts, axes, bars, black-and-white styling, the "nothing to show"
message) and the offscreen picture of a chart."""

from __future__ import annotations

from PySide6.QtCharts import QAbstractBarSeries, QBarSet, QChart, QValueAxis
from PySide6.QtCore import QLocale, QMarginsF, QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QGuiApplication, QImage, QPainter, QPen
from PySide6.QtWidgets import QGraphicsScene, QGraphicsSimpleTextItem

BLACK, DARK, GRID = QColor(0, 0, 0), QColor(90, 90, 90), QColor(200, 200, 200)


def chart_font(points: float, bold: bool = False) -> QFont:
    font = QFont(QGuiApplication.font())
    font.setPointSizeF(points)
    font.setBold(bold)
    return font


def chart_locale(lang: str) -> QLocale:
    if lang == "en":
        return QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)
    return QLocale(QLocale.Language.Vietnamese, QLocale.Country.Vietnam)  # 3.105 and 4,2 as written in Vietnam


def new_chart(title: str, lang: str) -> QChart:
    chart = QChart()
    chart.setTheme(QChart.ChartTheme.ChartThemeLight)
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    chart.setBackgroundBrush(QBrush(QColor(255, 255, 255)))
    chart.setBackgroundRoundness(0)
    chart.setMargins(QMarginsF(6, 6, 12, 6).toMargins())
    chart.setTitle(title)
    chart.setTitleFont(chart_font(11, bold=True))
    chart.setTitleBrush(QBrush(BLACK))
    chart.setLocalizeNumbers(True)
    chart.setLocale(chart_locale(lang))
    legend = chart.legend()
    legend.setFont(chart_font(9))
    legend.setLabelColor(BLACK)
    legend.setAlignment(Qt.AlignmentFlag.AlignBottom)
    return chart


def style_axis(axis, title: str = "") -> None:
    axis.setLabelsFont(chart_font(8.5))
    axis.setLabelsColor(BLACK)
    axis.setLinePenColor(DARK)
    axis.setGridLineColor(GRID)
    axis.setTruncateLabels(False)  # "10/2…" says nothing: the chart makes room instead
    if title:
        axis.setTitleText(title)
        axis.setTitleFont(chart_font(9))
        axis.setTitleBrush(QBrush(BLACK))


def count_axis(top: float, title: str = "", decimals: int = 0) -> QValueAxis:
    """A value axis from 0 with round steps and room above the highest bar for its label."""
    axis = QValueAxis()
    axis.setRange(0, max(top * 1.15, 1 if decimals == 0 else 0.5))
    axis.applyNiceNumbers()
    if decimals == 0 and axis.max() < 5:
        axis.setRange(0, 5)  # a handful of calls: whole steps, not 0.5
        axis.setTickCount(6)
    axis.setLabelFormat(f"%.{decimals}f")
    style_axis(axis, title)
    return axis


def bar_set(name: str, values: list[float], brush: QBrush) -> QBarSet:
    bars = QBarSet(name)
    bars.append([float(v) for v in values])
    bars.setBrush(brush)
    bars.setPen(QPen(BLACK, 0.8))
    bars.setLabelColor(BLACK)
    bars.setLabelFont(chart_font(7.5))
    return bars


def show_values(series: QAbstractBarSeries, angle: float = 0) -> None:
    series.setLabelsVisible(True)
    series.setLabelsFormat("@value")
    series.setLabelsPrecision(12)
    series.setLabelsPosition(QAbstractBarSeries.LabelsPosition.LabelsOutsideEnd)
    series.setLabelsAngle(angle)


def say_nothing(chart: QChart, text: str) -> QChart:
    """A chart with nothing to draw says so in the middle of its (empty) plot area."""
    chart.legend().hide()
    axis_x, axis_y = QValueAxis(), QValueAxis()
    for axis in (axis_x, axis_y):
        axis.setRange(0, 1)
        axis.setVisible(False)
        chart.addAxis(axis, Qt.AlignmentFlag.AlignBottom if axis is axis_x else Qt.AlignmentFlag.AlignLeft)
    message = QGraphicsSimpleTextItem(text, chart)
    message.setFont(chart_font(11))
    message.setBrush(QBrush(DARK))

    def centre(area: QRectF) -> None:
        box = message.boundingRect()
        message.setPos(area.center() - QPointF(box.width() / 2, box.height() / 2))

    chart.plotAreaChanged.connect(centre)
    chart.setProperty("no_data", text)
    return chart


def no_data_text(chart: QChart) -> str:
    """What an empty chart says ('' for a chart with data): for the screen's accessible description and tests."""
    return chart.property("no_data") or ""


def marker_image(round_marker: bool, size: int = 9) -> QImage:
    """A marker drawn for each point (and in the legend): a filled circle or a white square with a black edge."""
    image = QImage(size * 4, size * 4, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(BLACK, 4))
    box = QRectF(4, 4, size * 4 - 8, size * 4 - 8)
    if round_marker:
        painter.setBrush(QBrush(BLACK))
        painter.drawEllipse(box)
    else:
        painter.setBrush(QBrush(QColor(255, 255, 255)))
        painter.drawRect(box)
    painter.end()
    return image


# --- pictures -------------------------------------------------------------------------------------------------


def chart_image(chart: QChart, width: int, height: int, *, scale: float = 1.0) -> QImage:
    """The chart drawn offscreen at ``width`` × ``height`` (logical pixels; ``scale`` more device pixels each,
    e.g. 3 for print) on white. A chart already shown in a view keeps its size there."""
    image = QImage(round(width * scale), round(height * scale), QImage.Format.Format_ARGB32_Premultiplied)
    image.setDevicePixelRatio(scale)
    image.fill(QColor(255, 255, 255))
    own_scene = chart.scene() is None
    scene = QGraphicsScene() if own_scene else chart.scene()
    if own_scene:
        scene.addItem(chart)
    old_size = chart.size()
    old_pos = chart.pos()
    chart.setPos(0, 0)
    chart.resize(QSizeF(width, height))
    painter = QPainter(image)
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        # hatching scales with the picture, so a print-sized image hatches as the screen does
        painter.setRenderHint(QPainter.RenderHint.NonCosmeticBrushPatterns)
        target = QRectF(0, 0, width, height)
        scene.render(painter, target, chart.mapRectToScene(QRectF(0, 0, width, height)))
    finally:
        painter.end()
        if own_scene:
            scene.removeItem(chart)  # the chart stays the caller's, free to go into a view
        else:
            chart.setPos(old_pos)
            chart.resize(old_size)
    return image
