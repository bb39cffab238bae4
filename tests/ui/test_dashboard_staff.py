"""The dashboard with the staff area: every staff and training check as a card with its article, a card's
people opening on the Staff page, Art. 13 turning green with a third full-time social worker, and the
charts (staff by certificate, training hours by type per month)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from PySide6.QtCharts import QChartView, QStackedBarSeries

from sgz_desktop.core.roles import Actor
from sgz_desktop.core.staff_checks import staff_check_keys
from sgz_desktop.core.station import Station
from sgz_desktop.core.training import AttendanceInput, SessionInput, add_session, set_attendance
from sgz_desktop.ui.dashboard import CHART_PROVIDERS, PEOPLE_PAGES, DashboardPage
from sgz_desktop.ui.main_window import MainWindow
from sgz_desktop.ui.staff_dashboard import hours_by_month, last_months
from sgz_desktop.ui.staff_page import StaffPage
from tests.core.staff_factory import add


def card(page: DashboardPage, key: str):  # type: ignore[no-untyped-def]
    return next(c for c in page.cards if c.result.key == key)


def settled(qtbot, page: DashboardPage) -> DashboardPage:  # type: ignore[no-untyped-def]
    """The checks run on a thread of their own: wait for the cards."""
    qtbot.waitUntil(lambda: not page.checking, timeout=20000)
    return page


def test_every_staff_and_training_check_has_a_card_with_its_article(qtbot, zh, station: Station,  # type: ignore[no-untyped-def]
                                                                   admin: Actor) -> None:
    page = DashboardPage(station, admin)
    qtbot.addWidget(page)
    settled(qtbot, page)
    keys = {c.result.key for c in page.cards}
    assert set(staff_check_keys()) <= keys
    for key in staff_check_keys():
        assert card(page, key).result.article.startswith("第")


def test_art_13_turns_green_with_a_third_full_time_social_worker(qtbot, station: Station, admin: Actor) -> None:  # type: ignore[no-untyped-def]
    add(station, admin, 41)
    add(station, admin, 42)
    window = MainWindow(station, admin)
    qtbot.addWidget(window)
    window.show()
    page = window.pages["dashboard"]
    assert isinstance(page, DashboardPage)
    assert card(settled(qtbot, page), "staff.fulltime_count").property("status") == "failing"
    window.show_page("staff")
    add(station, admin, 43)
    window.show_page("dashboard")  # coming back refreshes the cards
    assert page.checking
    assert card(settled(qtbot, page), "staff.fulltime_count").property("status") == "ok"


def test_a_cards_people_open_on_the_staff_page(qtbot, zh, station: Station, admin: Actor) -> None:  # type: ignore[no-untyped-def]
    people = [add(station, admin, 44), add(station, admin, 45)]
    window = MainWindow(station, admin)
    qtbot.addWidget(window)
    window.show()
    page = window.pages["dashboard"]
    assert isinstance(page, DashboardPage)
    assert PEOPLE_PAGES["staff"] == "staff" and PEOPLE_PAGES["training"] == "staff"
    count = card(settled(qtbot, page), "staff.fulltime_count")
    count.clicked.emit(count.result)
    dialog = page.detail_dialog
    assert dialog is not None and dialog.show_button is not None
    assert dialog.show_button.text() == "在名单中查看"
    dialog.show_button.click()
    assert window.current_key() == "staff"
    staff_page = window.pages["staff"]
    assert isinstance(staff_page, StaffPage)
    model = staff_page.roster.table.model
    assert sorted(model.row_values(r)[0] for r in range(model.rowCount())) == sorted(p.name for p in people)
    assert "专职社工人数" in staff_page.roster.people_label.text()
    # one name, by double-click
    window.show_page("dashboard")
    count = card(settled(qtbot, page), "staff.fulltime_count")
    count.clicked.emit(count.result)
    assert page.detail_dialog is not None
    page.detail_dialog.people.itemDoubleClicked.emit(page.detail_dialog.people.item(1))
    assert [model.row_values(r)[0] for r in range(model.rowCount())] == [count.result.people[1]]


def test_a_card_without_people_has_no_list_button(qtbot, station: Station, admin: Actor) -> None:  # type: ignore[no-untyped-def]
    page = DashboardPage(station, admin)
    qtbot.addWidget(page)
    profile_card = card(settled(qtbot, page), "station.profile")
    page.show_details(profile_card.result)
    assert page.detail_dialog is not None and page.detail_dialog.show_button is None


def test_training_hours_chart_counts_person_hours_by_type_and_month(qtbot, station: Station,  # type: ignore[no-untyped-def]
                                                                    admin: Actor) -> None:
    a = add(station, admin, 46, hire_date=dt.date(2024, 1, 1))
    b = add(station, admin, 47, hire_date=dt.date(2024, 1, 1))
    for day, kind, hours in ((dt.date(2025, 4, 10), "督导培训", "2"), (dt.date(2026, 2, 3), "实务培训", "3"),
                             (dt.date(2025, 2, 1), "实务培训", "5")):  # the last is older than 12 months
        session = add_session(station, admin, SessionInput("培训", kind, day, Decimal(hours)))
        set_attendance(station, admin, session.id, [AttendanceInput(a.id), AttendanceInput(b.id)])
    today = dt.date(2026, 3, 2)
    assert last_months(today)[0] == (2025, 4) and last_months(today)[-1] == (2026, 3)  # this month included
    months = {(y, m): hours for y, m, hours in hours_by_month(station, today)}
    assert len(months) == 12 and (2025, 2) not in months
    assert months[(2025, 4)][1] == Decimal(4) and months[(2026, 2)][3] == Decimal(6)
    assert sum(sum(h) for h in months.values()) == Decimal(10)
    assert [p.key for p in CHART_PROVIDERS][:2] == ["staff_by_certificate", "training_hours_by_month"]
    page = DashboardPage(station, admin)
    qtbot.addWidget(page)
    assert page.charts.count() == len(CHART_PROVIDERS)
    views = page.findChildren(QChartView)
    series = [s for v in views for s in v.chart().series()
              if isinstance(s, QStackedBarSeries) and s.barSets()[0].label() == "岗前培训"]
    assert len(series) == 1 and len(series[0].barSets()) == 5
    assert sum(bars.sum() for bars in series[0].barSets()) == 10


def test_a_fault_in_the_checks_is_named_on_the_page_not_raised(qtbot, monkeypatch, station: Station,  # type: ignore[no-untyped-def]
                                                                admin: Actor) -> None:
    from PySide6.QtWidgets import QLabel

    from sgz_desktop.ui import dashboard

    def broken(st: Station) -> list[object]:
        raise RuntimeError("disk went away")

    monkeypatch.setattr(dashboard, "compliance_results", broken)
    page = settled(qtbot, DashboardPage(station, admin))
    texts = [w.text() for w in page.findChildren(QLabel)]
    assert any("RuntimeError: disk went away" in t for t in texts)
    assert page.cards == [] and page.summary.text() == ""
    monkeypatch.undo()
    page.refresh()  # Refresh tries again and the cards come back
    settled(qtbot, page)
    assert page.cards
