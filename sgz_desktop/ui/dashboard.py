"""Dashboard: one green/amber/red card per compliance check, then charts.

Areas extend it without touching this file's layout: checks register in ``core.checks`` (cards
appear by themselves), charts are added to ``CHART_PROVIDERS`` with ``add_chart``, and
``add_people_page(area, page_key)`` lets a card's people open on the area's page (which has
``show_people(names, reason)``). An area's module doing this is listed in ``AREA_MODULES``.
"""

from __future__ import annotations

import contextlib
import importlib
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, cast

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ..core.errors import SgzError
from ..core.roles import Actor
from ..core.station import Station

translate = QCoreApplication.translate  # a plain name lupdate still recognises

CARD_COLUMNS = 3
STATUS_ORDER = {"failing": 0, "warning": 1, "ok": 2}


@dataclass(frozen=True)
class ChartProvider:
    key: str
    title: Callable[[], str]  # called when the page is built, so the text is translated
    build: Callable[[Station], QWidget]


CHART_PROVIDERS: list[ChartProvider] = []
PEOPLE_PAGES: dict[str, str] = {}  # a check's area -> the page that lists its people

# GUI modules of the areas whose import adds their charts and people pages. A new area adds its module here.
AREA_MODULES: list[str] = ["sgz_desktop.ui.staff_dashboard", "sgz_desktop.ui.volunteers_dashboard",
                           "sgz_desktop.ui.archives_dashboard", "sgz_desktop.ui.finance_dashboard"]


def add_chart(provider: ChartProvider) -> ChartProvider:
    if all(p.key != provider.key for p in CHART_PROVIDERS):
        CHART_PROVIDERS.append(provider)
    return provider


def add_people_page(area: str, page_key: str) -> None:
    """The people of ``area``'s cards open on page ``page_key``, whose widget has ``show_people``."""
    PEOPLE_PAGES[area] = page_key


def load_areas() -> None:
    for name in AREA_MODULES:
        importlib.import_module(name)


def compliance_results(st: Station) -> list[Any]:
    """Every area's compliance results, worst first; empty if the checks module is not there yet."""
    try:
        from ..core.checks import run_compliance
    except ImportError:
        return []
    results = run_compliance(st)
    return sorted(results, key=lambda r: STATUS_ORDER.get(str(r.status), 3))


def status_text(status: str) -> str:
    return {
        "ok": translate("dashboard", "Meets the rule"),
        "warning": translate("dashboard", "Needs attention"),
        "failing": translate("dashboard", "Does not meet the rule"),
    }.get(status, status)


class CheckCard(QFrame):
    clicked = Signal(object)

    def __init__(self, result: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.result = result
        self.setObjectName("checkCard")
        self.setProperty("status", str(result.status))
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setMinimumHeight(140)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 10)
        top = QHBoxLayout()
        badge = QLabel(status_text(str(result.status)))
        badge.setObjectName("statusBadge")
        badge.setProperty("status", str(result.status))
        top.addWidget(badge)
        top.addStretch()
        if result.article:
            article = QLabel(result.article)
            article.setObjectName("articleLabel")
            top.addWidget(article)
        layout.addLayout(top)
        title = QLabel(result.title)
        title.setObjectName("cardTitle")
        title.setWordWrap(True)
        layout.addWidget(title)
        figure = QLabel(result.figure)
        figure.setObjectName("cardFigure")
        figure.setWordWrap(True)
        layout.addWidget(figure)
        detail = QLabel(result.detail)
        detail.setObjectName("cardDetail")
        detail.setWordWrap(True)
        layout.addWidget(detail)
        layout.addStretch()
        self.setToolTip(self.tr("Click to see the people concerned"))

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit(self.result)
        super().mouseReleaseEvent(event)


class CheckDetailDialog(QDialog):
    """The card's text and its people; when the area has a people page, a button (or a double-click on
    a name) opens that page on them. ``people_chosen`` carries the names."""

    people_chosen = Signal(object)

    def __init__(self, result: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(result.title)
        self.setMinimumWidth(420)
        layout = QVBoxLayout(self)
        head = QLabel(f"{status_text(str(result.status))} · {result.article}" if result.article
                      else status_text(str(result.status)))
        head.setObjectName("statusBadge")
        head.setProperty("status", str(result.status))
        layout.addWidget(head)
        detail = QLabel(f"{result.figure}\n{result.detail}")
        detail.setWordWrap(True)
        layout.addWidget(detail)
        self.people = QListWidget()
        self.people.addItems(list(result.people))
        if result.people:
            layout.addWidget(QLabel(self.tr("People concerned:")))
            layout.addWidget(self.people)
        else:
            layout.addWidget(QLabel(self.tr("No particular person is concerned.")))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        self.show_button: QPushButton | None = None
        if result.people and str(result.area) in PEOPLE_PAGES:
            self.show_button = QPushButton(self.tr("Show them in the list"))
            self.show_button.setToolTip(self.tr("Or double-click a name to see only that person."))
            self.show_button.clicked.connect(lambda: self._choose(list(result.people)))
            buttons.addButton(self.show_button, QDialogButtonBox.ButtonRole.ActionRole)
            self.people.itemDoubleClicked.connect(lambda item: self._choose([item.text()]))
        layout.addWidget(buttons)

    def _choose(self, names: Sequence[str]) -> None:
        self.people_chosen.emit(tuple(names))
        self.accept()


class _ResultsRelay(QObject):
    """Carries the checks' outcome from their thread to the GUI thread (a queued signal)."""

    ready = Signal(int, object)


class DashboardPage(QWidget):
    def __init__(self, st: Station, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.st = st
        self.actor = actor
        self.cards: list[CheckCard] = []
        self.detail_dialog: CheckDetailDialog | None = None
        self._shown_before = False
        load_areas()
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        outer.addWidget(scroll)
        content = QWidget()
        content.setObjectName("dashboardContent")
        scroll.setWidget(content)
        self.body = QVBoxLayout(content)
        self.body.setContentsMargins(24, 20, 24, 20)
        header = QHBoxLayout()
        title = QLabel(self.tr("Dashboard"))
        title.setObjectName("pageTitle")
        header.addWidget(title)
        header.addStretch()
        self.summary = QLabel()
        self.summary.setObjectName("hintLabel")
        header.addWidget(self.summary)
        refresh = QPushButton(self.tr("Refresh"))
        refresh.clicked.connect(self.refresh)
        header.addWidget(refresh)
        self.body.addLayout(header)
        self.grid = QGridLayout()
        self.grid.setSpacing(12)
        self.body.addLayout(self.grid)
        charts_title = QLabel(self.tr("Charts"))
        charts_title.setObjectName("sectionTitle")
        self.body.addWidget(charts_title)
        self.charts = QGridLayout()
        self.charts.setSpacing(12)
        self.body.addLayout(self.charts)
        self.body.addStretch()
        self._generation = 0
        self.checking = False  # True from a refresh until its cards are shown
        self._relay = _ResultsRelay(self)
        self._relay.ready.connect(self._show_results)
        self.refresh()

    def refresh(self) -> None:
        self._fill_cards()
        self._fill_charts()

    def _clear(self, grid: QGridLayout) -> None:
        while grid.count():
            item = grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()

    def _fill_cards(self) -> None:
        """The checks read every area (about half a second on a large station), so they run on a thread of
        their own: the window appears and answers at once, and the cards follow."""
        self._generation += 1
        self.checking = True
        generation, st, relay = self._generation, self.st, self._relay
        self.summary.setText(self.tr("Checking…"))

        def work() -> None:
            try:
                outcome: object = compliance_results(st)
            except BaseException as exc:  # shown on the page, not lost on a thread
                outcome = exc
            with contextlib.suppress(RuntimeError):  # the page was closed meanwhile
                relay.ready.emit(generation, outcome)

        threading.Thread(target=work, name="dashboard-checks", daemon=True).start()

    def _show_results(self, generation: int, outcome: object) -> None:
        if generation != self._generation:
            return  # a newer refresh is on its way
        self.checking = False
        self._clear(self.grid)
        self.cards = []
        if isinstance(outcome, BaseException):
            # A core error is a sentence for the user; anything else is a fault, named on the page (the
            # window stays usable, Refresh tries again) rather than raised on the GUI thread.
            text = str(outcome) if isinstance(outcome, SgzError) else self.tr(
                "The checks could not be completed: %1").replace("%1", f"{type(outcome).__name__}: {outcome}")
            message = QLabel(text)
            message.setWordWrap(True)
            self.grid.addWidget(message, 0, 0)
            self.summary.clear()
            return
        results = cast(list[Any], outcome)
        for i, result in enumerate(results):
            card = CheckCard(result)
            card.clicked.connect(self.show_details)
            self.grid.addWidget(card, i // CARD_COLUMNS, i % CARD_COLUMNS)
            self.cards.append(card)
        for column in range(CARD_COLUMNS):
            self.grid.setColumnStretch(column, 1)
        failing = sum(1 for r in results if str(r.status) == "failing")
        warning = sum(1 for r in results if str(r.status) == "warning")
        if not results:
            self.summary.setText(self.tr("No checks yet."))
        else:
            self.summary.setText(self.tr("%1 checks: %2 not met, %3 need attention")
                                 .replace("%1", str(len(results))).replace("%2", str(failing))
                                 .replace("%3", str(warning)))

    def _fill_charts(self) -> None:
        self._clear(self.charts)
        for i, provider in enumerate(CHART_PROVIDERS):
            box = QFrame()
            box.setObjectName("chartBox")
            layout = QVBoxLayout(box)
            label = QLabel(provider.title())
            label.setObjectName("cardTitle")
            layout.addWidget(label)
            try:
                layout.addWidget(provider.build(self.st))
            except SgzError as err:
                layout.addWidget(QLabel(str(err)))
            self.charts.addWidget(box, i // 2, i % 2)

    def show_details(self, result: Any) -> None:
        self.detail_dialog = CheckDetailDialog(result, self)
        self.detail_dialog.people_chosen.connect(lambda names: self.show_people(result, names))
        self.detail_dialog.open()

    def show_people(self, result: Any, names: Sequence[str]) -> bool:
        """Switch the main window to the area's page, listing only ``names``. False if there is none."""
        key = PEOPLE_PAGES.get(str(result.area))
        window = self.window()
        if key is None or not hasattr(window, "show_page"):
            return False
        window.show_page(key)
        page = window.page(key)  # type: ignore[attr-defined]
        if not hasattr(page, "show_people"):
            return False
        page.show_people(list(names), result.title)
        return True

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._shown_before:
            self.refresh()  # coming back from another page: the figures may have changed there
        self._shown_before = True


def _staff_by_certificate_chart(st: Station) -> QWidget:
    from PySide6.QtCharts import QBarCategoryAxis, QBarSeries, QBarSet, QChart, QChartView, QValueAxis

    from ..core.dashboard import staff_by_certificate

    rows = staff_by_certificate(st)
    bars = QBarSet(translate("dashboard", "Staff in post"))
    bars.append([count for _level, count in rows])
    bars.setColor(QColor("#35618a"))
    bars.setLabelColor(QColor("white"))
    series = QBarSeries()
    series.append(bars)
    series.setLabelsVisible(True)
    chart = QChart()
    chart.addSeries(series)
    chart.legend().hide()
    chart.setBackgroundVisible(False)  # the card behind it is the background
    axis_x = QBarCategoryAxis()
    axis_x.append([_level_label(level) for level, _count in rows])
    chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
    series.attachAxis(axis_x)
    axis_y = QValueAxis()
    axis_y.setLabelFormat("%d")
    top = max([count for _l, count in rows] + [1])
    step = max(1, -(-top // 5))  # whole people: integer ticks, about five of them
    axis_y.setRange(0, step * (-(-top // step) + 1))
    axis_y.setTickType(QValueAxis.TickType.TicksDynamic)
    axis_y.setTickAnchor(0)
    axis_y.setTickInterval(step)
    chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
    series.attachAxis(axis_y)
    view = QChartView(chart)
    view.setRenderHint(QPainter.RenderHint.Antialiasing)
    view.setBackgroundBrush(QColor("white"))
    view.setFrameShape(QFrame.Shape.NoFrame)
    view.setMinimumHeight(260)
    return view


def _level_label(level: str) -> str:
    return translate("dashboard", "No certificate") if level == "无" else level


add_chart(ChartProvider("staff_by_certificate",
                        lambda: translate("dashboard", "Staff in post by certificate level"),
                        _staff_by_certificate_chart))
