"""Annual assessments and interns on the Staff page: grades per person and year, 不合格 flagged until its
review is recorded, the person's history, the printed table; a new intern with university, supervisor, period."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QStyleOptionViewItem

from sgz_desktop.core import assessments, internships, staff
from sgz_desktop.core.roles import Actor
from sgz_desktop.core.staff import StaffInfo
from sgz_desktop.core.station import Station
from sgz_desktop.ui import dialogs
from sgz_desktop.ui.staff_assessments import FAILED_RED
from sgz_desktop.ui.staff_page import StaffPage
from tests.core.staff_factory import add


@pytest.fixture
def people(station: Station, admin: Actor) -> list[StaffInfo]:
    return [add(station, admin, 21, post="副站长", hire_date=dt.date(2023, 3, 1)),
            add(station, admin, 22, hire_date=dt.date(2023, 3, 1)),
            add(station, admin, 23, hire_date=dt.date(2024, 3, 1)),
            add(station, admin, 24, post="督导", employment="兼职", experience_years=8, hire_date=dt.date(2023, 1, 1))]


@pytest.fixture
def page(qtbot, zh, shown, station: Station, admin: Actor,  # type: ignore[no-untyped-def]
         people: list[StaffInfo]) -> StaffPage:
    widget = StaffPage(station, admin)
    qtbot.addWidget(widget)
    widget.resize(1200, 760)
    widget.tabs.setCurrentWidget(widget.assessments)
    return widget


def rows(page: StaffPage) -> list[tuple[object, ...]]:
    model = page.assessments.table.model
    model.fetch_all()
    return [tuple(model.row_values(r)) for r in range(model.rowCount())]


def test_record_grades_and_see_who_is_missing(page: StaffPage, station: Station, admin: Actor,
                                              people: list[StaffInfo]) -> None:
    tab = page.assessments
    tab.year.setCurrentIndex(tab.year.findData(2025))
    assert "尚未考核（3 人）" in tab.missing.text()  # the supervisor is not assessed by the station
    dialog = tab.add_grade()
    assert [dialog.person.itemData(i) for i in range(3)] == [p.id for p in people[:3]]  # waiting ones first
    dialog.grade.setCurrentText("优秀")
    dialog.assessor.setText("站长甲")
    dialog.save()
    assert [(r[0], r[3], r[4]) for r in rows(page)] == [(people[0].name, "优秀", "站长甲")]
    assert "尚未考核（2 人）" in tab.missing.text()


def test_failed_grade_needs_reasons_is_flagged_and_cleared_by_the_review(page: StaffPage, station: Station,
                                                                         admin: Actor,
                                                                         people: list[StaffInfo]) -> None:
    tab = page.assessments
    tab.year.setCurrentIndex(tab.year.findData(2025))
    dialog = tab.add_grade()
    dialog.person.setCurrentIndex(dialog.person.findData(people[1].id))
    dialog.grade.setCurrentText("不合格")
    assert dialog.flag.isVisibleTo(dialog)
    dialog.save()
    assert "必须写明理由" in dialog.errors.shown()["考核意见"] and dialog.saved is None
    dialog.notes.setPlainText("全年服务记录缺失较多")
    dialog.save()
    assert dialog.saved is not None and dialog.saved.needs_review
    row = rows(page)[0]
    assert row[3] == "不合格" and row[7] == "待处理"
    tab.table.view.selectRow(0)
    assert tab.review_button.isEnabled()
    option = QStyleOptionViewItem()
    tab.table.view.itemDelegate().initStyleOption(option, tab.table.model.index(0, 3))
    assert option.palette.color(option.palette.ColorRole.Text) == QColor(FAILED_RED) and option.font.bold()
    review = tab.record_review()
    assert review is not None
    review.outcome.setCurrentText("整改后续聘")
    review.save()
    assert rows(page)[0][7] == "整改后续聘"
    assert assessments.pending_reviews(station, admin) == []


def test_the_person_form_shows_their_assessment_history(page: StaffPage, station: Station, admin: Actor,
                                                        people: list[StaffInfo]) -> None:
    for year, grade in ((2024, "合格"), (2025, "基本合格")):
        assessments.set_assessment(station, admin, people[1].id, year, grade, assessor="熊志", notes="")
    page.tabs.setCurrentWidget(page.roster)
    model = page.roster.table.model
    page.roster.table.view.selectRow([model.row_values(r)[0] for r in range(model.rowCount())].index(people[1].name))
    dialog = page.roster.edit_person()
    assert dialog is not None
    table = dialog.assessment_table
    assert [(table.item(r, 0).text(), table.item(r, 1).text()) for r in range(table.rowCount())] == [
        ("2025", "基本合格"), ("2024", "合格")]


def test_print_the_assessment_table(qtbot, page: StaffPage, station: Station, admin: Actor,  # type: ignore[no-untyped-def]
                                    people: list[StaffInfo], monkeypatch) -> None:
    from pypdf import PdfReader

    assessments.set_assessment(station, admin, people[2].id, 2025, "合格", assessor="熊志")
    opened: list[Path] = []
    monkeypatch.setattr("sgz_desktop.ui.pdf_preview.show_pdf_preview", lambda parent, path, title: opened.append(path))
    page.assessments.year.setCurrentIndex(page.assessments.year.findData(2025))
    page.assessments.print_table()
    qtbot.waitUntil(lambda: bool(opened), timeout=20000)
    text = PdfReader(str(opened[0])).pages[0].extract_text()
    assert "年度考核表" in text and people[2].name in text and "2025" in text


def test_delete_a_grade(page: StaffPage, station: Station, admin: Actor, people: list[StaffInfo],
                        monkeypatch) -> None:
    monkeypatch.setattr(dialogs, "confirm", lambda *a, **k: True)
    assessments.set_assessment(station, admin, people[2].id, 2025, "合格", assessor="熊志")
    page.assessments.year.setCurrentIndex(page.assessments.year.findData(2025))
    page.assessments.reload()
    page.assessments.table.view.selectRow(0)
    page.assessments.delete_grade()
    assert rows(page) == [] and assessments.list_assessments(station, admin, 2025) == []


def test_add_an_intern_with_university_supervisor_and_period(page: StaffPage, station: Station, admin: Actor,
                                                            people: list[StaffInfo]) -> None:
    from sgz_desktop.core.validation import make_id_number

    tab = page.interns
    page.tabs.setCurrentWidget(tab)
    dialog = tab.add_intern()
    assert dialog.post.currentText() == "实习生" and dialog.placement.isVisibleTo(dialog)
    dialog.name.setText("实习生乙")
    dialog.id_number.setText(make_id_number("420102", dt.date(2004, 4, 4), 42))
    dialog.employment.setCurrentText("兼职")
    dialog.hire_date.setDate(dt.date(2026, 2, 1))
    dialog.university.setText("")  # missing: refused next to the field, nothing written
    dialog.save()
    assert "不能为空" in dialog.errors.shown()["所在高校"]
    assert len(staff.list_staff(station, admin)) == 4
    dialog.university.setText("华中师范大学")
    dialog.supervisor.setCurrentIndex(dialog.supervisor.findData(people[3].id))
    dialog.intern_start.setDate(dt.date(2026, 2, 1))
    dialog.intern_end.setDate(dt.date(2026, 6, 30))
    dialog.save()
    placement = internships.list_internships(station, admin)
    assert [(i.name, i.university, i.supervisor_name) for i in placement] == [
        ("实习生乙", "华中师范大学", people[3].name)]
    model = tab.table.model
    assert model.rowCount() == 1 and model.row_values(0)[:4] == ("实习生乙", "华中师范大学", "社会工作", people[3].name)
    tab.table.view.selectRow(0)
    edit = tab.edit_placement()
    assert edit is not None
    edit.end.setDate(dt.date(2026, 1, 1))  # before the start
    edit.save()
    assert "不能早于开始日期" in edit.errors.shown()["实习结束日期"]
    edit.end.setDate(dt.date(2026, 7, 31))
    edit.save()
    assert internships.list_internships(station, admin)[0].end_date == dt.date(2026, 7, 31)
    assert tab.table.model.data(tab.table.model.index(0, 5), Qt.ItemDataRole.DisplayRole) == "2026-07-31"
