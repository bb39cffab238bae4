"""The generic lazy table model over a real station's audit log and over small in-memory sources."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import pytest
from PySide6.QtCore import QModelIndex, QPoint, Qt

from sgz_desktop.core import audit
from sgz_desktop.core.errors import NotFound
from sgz_desktop.core.roles import Actor
from sgz_desktop.core.station import Station
from sgz_desktop.core.tables import Column, ListSource, TableQuery
from sgz_desktop.ui.audit_page import AuditSource
from sgz_desktop.ui.table_model import LazyTableModel
from sgz_desktop.ui.table_page import TablePage
from tests.ui.audit_rows import add_audit_entries

N = 3000
DISPLAY = Qt.ItemDataRole.DisplayRole
USER = Qt.ItemDataRole.UserRole


@pytest.fixture
def audit_source(station: Station, admin: Actor) -> AuditSource:
    add_audit_entries(station, N)
    return AuditSource(station, admin)


def check_model(qtmodeltester, qtlog, model: LazyTableModel) -> None:  # type: ignore[no-untyped-def]
    """Qt's C++ tester reports by warnings, so look at the log as well as running the Python one."""
    qtmodeltester.check(model)
    qtmodeltester.check(model, force_py=True)
    model.fetchMore()
    model.sort(1, Qt.SortOrder.AscendingOrder)
    model.set_query(TableQuery(text="员工12"))
    model.fetch_all()
    failures = [r.message for r in qtlog.records if "modeltest" in r.message or "FAIL" in r.message]
    assert failures == []


def test_model_passes_qt_model_tester_on_the_audit_log(qtmodeltester, qtlog, audit_source: AuditSource) -> None:  # type: ignore[no-untyped-def]
    check_model(qtmodeltester, qtlog, LazyTableModel(audit_source))


def test_model_passes_qt_model_tester_on_an_empty_source(qtmodeltester, qtlog) -> None:  # type: ignore[no-untyped-def]
    check_model(qtmodeltester, qtlog, LazyTableModel(ListSource([Column("a", "A"), Column("b", "B")], [])))


def test_pages_are_fetched_as_the_view_asks(audit_source: AuditSource, station: Station, admin: Actor) -> None:
    model = LazyTableModel(audit_source, TableQuery(sort_key="at", descending=True), page_size=200)
    total = audit.count_entries(station, admin, audit.AuditFilter())
    assert model.total == total > N
    assert model.rowCount() == 200 and model.canFetchMore()
    model.fetchMore()
    assert model.rowCount() == 400
    model.fetch_all()
    assert model.rowCount() == total and not model.canFetchMore()
    times = [model.data(model.index(r, 0), USER) for r in range(model.rowCount())]
    assert times == sorted(times, reverse=True)
    assert len({model.row_values(r)[-1].id for r in range(model.rowCount())}) == total  # type: ignore[attr-defined]


def test_sorting_asks_the_database_and_starts_over(audit_source: AuditSource) -> None:
    model = LazyTableModel(audit_source, page_size=100)
    model.fetchMore()
    resets: list[bool] = []
    model.modelReset.connect(lambda: resets.append(True))
    model.sort(model.column_of("username"), Qt.SortOrder.AscendingOrder)
    assert resets == [True] and model.rowCount() == 100
    assert model.query.sort_key == "username" and not model.query.descending
    assert model.data(model.index(0, 1), DISPLAY) == "caiwu"  # the smallest name among 3000 rows
    model.sort(model.column_of("username"), Qt.SortOrder.DescendingOrder)
    assert model.data(model.index(0, 1), DISPLAY) == "system"
    model.sort(model.column_of("username"), Qt.SortOrder.DescendingOrder)
    assert resets == [True, True]  # the same order again reads nothing


def test_filters_count_and_page_on_the_server(audit_source: AuditSource) -> None:
    model = LazyTableModel(audit_source)
    totals: list[int] = []
    model.total_changed.connect(totals.append)
    model.set_query(TableQuery(filters={"action": "login", "username": "caiwu"}))
    # entries 0, 10, 20 ... are logins; user i % 4 == 2 is caiwu: i in {10, 30, 50, ...}
    expected = len([i for i in range(N) if i % 10 == 0 and i % 4 == 2])
    assert model.total == expected == totals[-1]
    model.fetch_all()
    assert {model.data(model.index(r, 1), DISPLAY) for r in range(model.rowCount())} == {"caiwu"}
    model.set_query(TableQuery(text="员工2999"))
    assert model.total == 1
    model.set_query(TableQuery(filters={"since": dt.date(2025, 1, 2), "until": dt.date(2025, 1, 2)}))
    assert model.total == 24 * 60  # one entry a minute, all day long


COLUMNS = [Column("name", "姓名"), Column("pay", "月工资", kind="fen"), Column("full", "专职", kind="bool"),
           Column("hired", "入职", kind="date"), Column("n", "年限", kind="int")]


def test_cells_show_money_dates_and_yes_no_and_keep_raw_values() -> None:
    model = LazyTableModel(ListSource(COLUMNS, [("王丽", 123456, True, dt.date(2026, 3, 2), 7),
                                                ("李强", -5, False, None, None)]))
    shown = [[model.data(model.index(r, c), DISPLAY) for c in range(5)] for r in range(2)]
    assert shown == [["王丽", "¥1,234.56", "Yes", "2026-03-02", "7"], ["李强", "-¥0.05", "No", "", ""]]
    assert model.data(model.index(0, 1), USER) == 123456
    assert model.data(model.index(0, 3), USER) == dt.date(2026, 3, 2)
    right = model.data(model.index(0, 1), Qt.ItemDataRole.TextAlignmentRole)
    left = model.data(model.index(0, 0), Qt.ItemDataRole.TextAlignmentRole)
    assert right & Qt.AlignmentFlag.AlignRight and left & Qt.AlignmentFlag.AlignLeft
    assert model.headerData(1, Qt.Orientation.Horizontal) == "月工资"
    assert model.data(model.index(5, 0), DISPLAY) is None
    assert model.rowCount(model.index(0, 0)) == 0


class ShrinkingSource:
    """Counts more rows than it later returns, as when rows are deleted between count and page."""

    columns: Sequence[Column] = (Column("i", "I", kind="int"),)

    def __init__(self, fail: bool = False) -> None:
        self.fail = fail

    def count(self, query: TableQuery) -> int:
        return 1000

    def page(self, query: TableQuery, offset: int, limit: int) -> list[Sequence[object]]:
        if self.fail and offset:
            raise NotFound("数据已被删除。")
        return [(i,) for i in range(offset, min(offset + limit, 250))]


def test_rows_vanishing_since_the_count_stop_the_fetching() -> None:
    model = LazyTableModel(ShrinkingSource(), page_size=100)
    model.fetch_all()  # would loop for ever if the model trusted the old count
    assert model.rowCount() == model.total == 250


def test_a_failing_page_is_reported_not_raised() -> None:
    model = LazyTableModel(ShrinkingSource(fail=True), page_size=100)
    errors: list[BaseException] = []
    model.load_failed.connect(errors.append)
    model.fetchMore(QModelIndex())
    assert [str(e) for e in errors] == ["数据已被删除。"]
    assert model.rowCount() == model.total == 100 and not model.canFetchMore()


class CountingSource(ListSource):
    def __init__(self, rows: int) -> None:
        super().__init__([Column("i", "I", kind="int")], [(i,) for i in range(rows)])
        self.counts = 0

    def count(self, query: TableQuery) -> int:
        self.counts += 1
        return super().count(query)


def test_a_filter_that_fits_one_page_is_not_counted_twice() -> None:
    source = CountingSource(1000)
    model = LazyTableModel(source, page_size=200)
    assert source.counts == 1 and model.total == 1000
    model.set_query(TableQuery(text="99"))  # 99, 199, 299, ... 990-999: 19 rows, one page
    assert source.counts == 1 and model.total == model.rowCount() == 19
    model.set_query(TableQuery(text="9999"))
    assert model.total == 0 and not model.canFetchMore()


# --- the page around the model --------------------------------------------------------------------

def roster_page(qtbot) -> TablePage:  # type: ignore[no-untyped-def]
    rows = [(f"员工{i}", 400_000 + i * 1000, i % 2 == 0, dt.date(2020, 1, 1) + dt.timedelta(days=i), i)
            for i in range(500)]
    page = TablePage(ListSource(COLUMNS, rows), "人员花名册", page_size=100)
    qtbot.addWidget(page)
    return page


def test_page_sorts_by_header_click_and_counts(qtbot) -> None:  # type: ignore[no-untyped-def]
    page = roster_page(qtbot)
    assert page.count_label.text() == "500 rows in total"  # English source; Chinese in test_audit_page
    page.show()
    header = page.view.horizontalHeader()
    at = QPoint(header.sectionViewportPosition(1) + 10, header.height() // 2)
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=at)  # click on "月工资"
    assert page.model.query.sort_key == "pay"
    if not page.model.query.descending:
        qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=at)  # a second click reverses
    assert page.model.query.sort_key == "pay" and page.model.query.descending
    assert page.model.data(page.model.index(0, 1), DISPLAY) == "¥8,990.00"


def test_page_extra_filters_and_buttons(qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QComboBox, QPushButton

    page = roster_page(qtbot)
    combo = QComboBox()
    page.add_filter(combo, "专职")
    button = QPushButton("新增…")
    page.add_button(button)
    assert page.button_bar.indexOf(button) < page.button_bar.indexOf(page.export_button)
    page.set_filter("full", True)
    assert page.model.total == 250 and page.count_label.text() == "250 rows in total"
    page.set_filter("full", None)
    assert page.model.total == 500


def test_page_tells_which_row_is_current_and_activated(qtbot) -> None:  # type: ignore[no-untyped-def]
    page = roster_page(qtbot)
    current: list[object] = []
    activated: list[int] = []
    page.current_row_changed.connect(current.append)
    page.row_activated.connect(activated.append)
    page.view.selectRow(3)
    assert page.current_row() == 3 and page.current_values() is not None
    assert current[-1] == page.model.row_values(3)
    page.view.doubleClicked.emit(page.model.index(3, 0))
    assert activated == [3]
    page.refresh()
    assert current[-1] is None and page.current_values() is None


def test_page_shows_source_errors_instead_of_raising(qtbot, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    from sgz_desktop.ui import dialogs

    shown: list[str] = []
    monkeypatch.setattr(dialogs, "show_error", lambda _p, error, _t=None: shown.append(str(error)))
    page = roster_page(qtbot)

    def refuse(*_args: object) -> int:
        raise NotFound("数据库暂时不可用。")

    monkeypatch.setattr(page.model.source, "page", refuse)
    page.set_filter("full", True)
    assert shown == ["数据库暂时不可用。"]
