"""The volunteer area on the dashboard: approved service hours per month (the last twelve) and per
community (this year), and the people of its cards open on the Volunteers page."""

from __future__ import annotations

import datetime as dt
import math

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QFrame, QWidget

from ..core.station import Station
from ..core.volunteer_stats import hours_by_community, hours_by_month
from . import volunteers_audit  # noqa: F401 - names the area's tables in the audit log
from .dashboard import ChartProvider, add_chart, add_people_page

translate = QCoreApplication.translate  # a plain name lupdate still recognises

MONTHS = 12
COMMUNITIES_SHOWN = 10
BAR_COLOUR = "#2e9e5b"


def last_months(today: dt.date, count: int = MONTHS) -> list[tuple[int, int]]:
    """(year, month) of the ``count`` months up to and including this one, oldest first."""
    index = today.year * 12 + today.month - 1
    return [(i // 12, i % 12 + 1) for i in range(index - count + 1, index + 1)]


def monthly_hours(st: Station, today: dt.date) -> list[tuple[int, int, float]]:
    months = last_months(today)
    by_year = {year: dict(hours_by_month(st, year)) for year in {y for y, _m in months}}
    return [(year, month, float(by_year[year][month])) for year, month in months]


def nice_step(top: float, ticks: int = 5) -> int:
    """A round tick step (1, 2, 5, 10, 20, 50...) giving about ``ticks`` ticks up to ``top``."""
    rough = max(top / ticks, 1.0)
    magnitude = 10 ** (len(str(int(rough))) - 1)
    return int(min((m * magnitude for m in (1, 2, 5, 10)), key=lambda step: abs(math.log(step / rough))))


def _value_axis(top: float, title: str) -> QValueAxis:
    axis = QValueAxis()
    axis.setLabelFormat("%d")
    step = nice_step(top)
    axis.setRange(0, step * (int(top) // step + 1))
    axis.setTickType(QValueAxis.TickType.TicksDynamic)
    axis.setTickAnchor(0)
    axis.setTickInterval(step)
    axis.setTitleText(title)
    return axis


def _view(chart: QChart, tooltip: str) -> QChartView:
    chart.setBackgroundVisible(False)
    chart.legend().hide()
    view = QChartView(chart)
    view.setRenderHint(QPainter.RenderHint.Antialiasing)
    view.setBackgroundBrush(QColor("white"))
    view.setFrameShape(QFrame.Shape.NoFrame)
    view.setMinimumHeight(300)
    view.setToolTip(tooltip)
    return view


def hours_by_month_chart(st: Station) -> QWidget:
    rows = monthly_hours(st, st.clock.now().date())
    bars = QBarSet(translate("volunteers_dashboard", "Approved hours"))
    bars.append([hours for _y, _m, hours in rows])
    bars.setColor(QColor(BAR_COLOUR))
    series = QBarSeries()
    series.append(bars)
    chart = QChart()
    chart.addSeries(series)
    axis_x = QBarCategoryAxis()
    axis_x.append([str(month) for _y, month, _h in rows])
    first, last = f"{rows[0][0]}-{rows[0][1]:02d}", f"{rows[-1][0]}-{rows[-1][1]:02d}"
    axis_x.setTitleText(translate("volunteers_dashboard", "Month (%1 to %2)").replace("%1", first)
                        .replace("%2", last))
    chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
    series.attachAxis(axis_x)
    axis_y = _value_axis(max([h for _y, _m, h in rows] + [1.0]), translate("volunteers_dashboard", "hours"))
    chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
    series.attachAxis(axis_y)
    return _view(chart, translate("volunteers_dashboard", "Volunteer service hours approved, by month of service."))


def hours_by_community_chart(st: Station) -> QWidget:
    year = st.clock.now().year
    rows = hours_by_community(st, year)[:COMMUNITIES_SHOWN][::-1]  # the biggest on top
    bars = QBarSet(translate("volunteers_dashboard", "Approved hours"))
    bars.append([float(hours) for _name, hours, _n in rows])
    bars.setColor(QColor("#35618a"))
    series = QHorizontalBarSeries()
    series.append(bars)
    chart = QChart()
    chart.addSeries(series)
    axis_y = QBarCategoryAxis()
    axis_y.append([name for name, _h, _n in rows] or [translate("volunteers_dashboard", "No service yet")])
    chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
    series.attachAxis(axis_y)
    axis_x = _value_axis(max([float(h) for _name, h, _n in rows] + [1.0]),
                         translate("volunteers_dashboard", "hours in %1").replace("%1", str(year)))
    chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
    series.attachAxis(axis_x)
    return _view(chart, translate("volunteers_dashboard", "Approved hours this year by the volunteers' community."))


add_chart(ChartProvider("volunteer_hours_by_month",
                        lambda: translate("volunteers_dashboard", "Volunteer service hours, last 12 months"),
                        hours_by_month_chart))
add_chart(ChartProvider("volunteer_hours_by_community",
                        lambda: translate("volunteers_dashboard", "Volunteer service hours by community, this year"),
                        hours_by_community_chart))
add_people_page("volunteers", "volunteers")
