"""The archive area in the rest of the window: its dashboard chart (items per year by category), its cards'
items opening on the Archives page, and the names of its tables in the audit log. Imported at start-up
through ``dashboard.AREA_MODULES``."""

from __future__ import annotations

from PySide6.QtCharts import QBarCategoryAxis, QBarSet, QChart, QChartView, QStackedBarSeries, QValueAxis
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QFrame, QWidget

from ..core.archive_numbering import categories
from ..core.archive_tables import items_by_year
from ..core.station import Station
from . import audit_page
from .dashboard import ChartProvider, add_chart, add_people_page

translate = QCoreApplication.translate  # a plain name lupdate still recognises

CATEGORY_COLOURS = ("#35618a", "#e0a100", "#2e9e5b", "#8e5ea2", "#c8553d", "#5f7c8a")

audit_page.TABLES.update({
    "archive_item": QT_TRANSLATE_NOOP("AuditPage", "Archive items"),
    "archive_file": QT_TRANSLATE_NOOP("AuditPage", "Archive files"),
    "archive_amendment": QT_TRANSLATE_NOOP("AuditPage", "Archive corrections"),
})
for _key, _label in {
    "danghao": QT_TRANSLATE_NOOP("AuditFields", "Archive number"),
    "item_number": QT_TRANSLATE_NOOP("AuditFields", "Item number"),
    "fonds_code": QT_TRANSLATE_NOOP("AuditFields", "Fonds code"),
    "retention": QT_TRANSLATE_NOOP("AuditFields", "Retention"),
    "org_code": QT_TRANSLATE_NOOP("AuditFields", "Organisation code"),
    "doc_number": QT_TRANSLATE_NOOP("AuditFields", "Document number"),
    "doc_date": QT_TRANSLATE_NOOP("AuditFields", "Document date"),
    "responsible": QT_TRANSLATE_NOOP("AuditFields", "Responsible party"),
    "classification": QT_TRANSLATE_NOOP("AuditFields", "Classification"),
    "record_kind": QT_TRANSLATE_NOOP("AuditFields", "Accounting record"),
    "finalised_at": QT_TRANSLATE_NOOP("AuditFields", "Filed at"),
    "finalised_by": QT_TRANSLATE_NOOP("AuditFields", "Filed by"),
    "sha256": QT_TRANSLATE_NOOP("AuditFields", "SHA-256"),
    "amended_at": QT_TRANSLATE_NOOP("AuditFields", "Corrected at"),
    "amended_by": QT_TRANSLATE_NOOP("AuditFields", "Corrected by"),
    "old_value": QT_TRANSLATE_NOOP("AuditFields", "Old value"),
    "new_value": QT_TRANSLATE_NOOP("AuditFields", "New value"),
}.items():
    audit_page.FIELDS.setdefault(_key, _label)  # another area may have named a shared key already


def items_per_year_chart(st: Station) -> QWidget:
    rows = items_by_year(st)
    names = categories(st)
    codes = list(names) + sorted({c for _y, counts in rows for c in counts} - set(names))
    series = QStackedBarSeries()
    for i, code in enumerate(codes):
        bars = QBarSet(f"{names.get(code, code)}（{code}）")
        bars.append([counts.get(code, 0) for _y, counts in rows])
        bars.setColor(QColor(CATEGORY_COLOURS[i % len(CATEGORY_COLOURS)]))
        series.append(bars)
    chart = QChart()
    chart.addSeries(series)
    chart.setBackgroundVisible(False)
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    axis_x = QBarCategoryAxis()
    axis_x.append([str(year) for year, _c in rows] or [str(st.clock.now().year)])
    chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
    series.attachAxis(axis_x)
    axis_y = QValueAxis()
    axis_y.setLabelFormat("%d")
    top = max([sum(counts.values()) for _y, counts in rows] + [1])
    step = max(1, -(-top // 5))
    axis_y.setRange(0, step * (-(-top // step) + 1))
    axis_y.setTickType(QValueAxis.TickType.TicksDynamic)
    axis_y.setTickAnchor(0)
    axis_y.setTickInterval(step)
    axis_y.setTitleText(translate("archives_dashboard", "items"))
    chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
    series.attachAxis(axis_y)
    view = QChartView(chart)
    view.setRenderHint(QPainter.RenderHint.Antialiasing)
    view.setBackgroundBrush(QColor("white"))
    view.setFrameShape(QFrame.Shape.NoFrame)
    view.setMinimumHeight(300)
    view.setToolTip(translate("archives_dashboard", "Archive items registered per year (drafts included), by "
                                                    "category."))
    return view


add_chart(ChartProvider("archive_items_by_year", lambda: translate("archives_dashboard", "Archive items per year"),
                        items_per_year_chart))
add_people_page("archives", "archives")
