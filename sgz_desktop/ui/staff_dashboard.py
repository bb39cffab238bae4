"""The staff area on the dashboard: training hours by type per month (the chart of staff by certificate
level is the dashboard's own), and the people of staff and training cards open on the Staff page."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from PySide6.QtCharts import QBarCategoryAxis, QBarSet, QChart, QChartView, QStackedBarSeries, QValueAxis
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QFrame, QWidget

from ..core.roles import SYSTEM
from ..core.station import Station
from ..core.training import TRAINING_TYPES
from ..core.training_hours import monthly_hours
from .dashboard import ChartProvider, add_chart, add_people_page

translate = QCoreApplication.translate  # a plain name lupdate still recognises

# One colour per Art. 15 type, in TRAINING_TYPES order; calm, and apart enough to tell in print.
TYPE_COLOURS = ("#35618a", "#2e9e5b", "#e0a100", "#8e5ea2", "#c8553d")
MONTHS = 12


def last_months(today: dt.date, count: int = MONTHS) -> list[tuple[int, int]]:
    """(year, month) of the ``count`` months up to and including this one, oldest first."""
    index = today.year * 12 + today.month - 1
    return [(i // 12, i % 12 + 1) for i in range(index - count + 1, index + 1)]


def hours_by_month(st: Station, today: dt.date) -> list[tuple[int, int, tuple[Decimal, ...]]]:
    """(year, month, person-hours by type) of the last twelve months."""
    months = last_months(today)
    # A chart of figures everyone may see: read as the system, like the checks behind the cards.
    by_year = {year: dict(monthly_hours(st, SYSTEM, year)) for year in {y for y, _m in months}}
    return [(year, month, by_year[year][month]) for year, month in months]


def training_hours_chart(st: Station) -> QWidget:
    today = st.clock.now().date()
    rows = hours_by_month(st, today)
    series = QStackedBarSeries()
    for i, kind in enumerate(TRAINING_TYPES):
        bars = QBarSet(kind)
        bars.append([float(hours[i]) for _y, _m, hours in rows])
        bars.setColor(QColor(TYPE_COLOURS[i % len(TYPE_COLOURS)]))
        series.append(bars)
    chart = QChart()
    chart.addSeries(series)
    chart.setBackgroundVisible(False)
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    axis_x = QBarCategoryAxis()
    # month numbers fit under twelve narrow bars; the axis title says which months they are
    axis_x.append([str(month) for _y, month, _h in rows])
    first, last = f"{rows[0][0]}-{rows[0][1]:02d}", f"{rows[-1][0]}-{rows[-1][1]:02d}"
    axis_x.setTitleText(translate("staff_dashboard", "Month (%1 to %2)").replace("%1", first).replace("%2", last))
    chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
    series.attachAxis(axis_x)
    axis_y = QValueAxis()
    axis_y.setLabelFormat("%d")
    top = max([float(sum(hours, Decimal(0))) for _y, _m, hours in rows] + [1.0])
    step = max(1, -(-int(top) // 5))
    axis_y.setRange(0, step * (-(-int(top) // step) + 1))
    axis_y.setTickType(QValueAxis.TickType.TicksDynamic)
    axis_y.setTickAnchor(0)
    axis_y.setTickInterval(step)
    axis_y.setTitleText(translate("staff_dashboard", "person-hours"))
    chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
    series.attachAxis(axis_y)
    view = QChartView(chart)
    view.setRenderHint(QPainter.RenderHint.Antialiasing)
    view.setBackgroundBrush(QColor("white"))
    view.setFrameShape(QFrame.Shape.NoFrame)
    view.setMinimumHeight(300)
    view.setToolTip(translate("staff_dashboard", "Attended hours of everyone, by type of training."))
    return view


add_chart(ChartProvider("training_hours_by_month",
                        lambda: translate("staff_dashboard", "Training hours by type, last 12 months"),
                        training_hours_chart))
add_people_page("staff", "staff")
add_people_page("training", "staff")
