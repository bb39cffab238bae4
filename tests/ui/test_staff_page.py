"""The Staff page's roster on a real station, in Chinese: filters, the person form with the core's reasons
under the inputs, leave / reinstate / delete, Excel import that writes nothing on a bad row, export,
print preview, permissions, and the dashboard's jump to the people a check names."""

from __future__ import annotations

import datetime as dt
import os
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLabel

from sgz_desktop.core import staff, staff_excel, users
from sgz_desktop.core.roles import Actor, Role
from sgz_desktop.core.staff import StaffInfo
from sgz_desktop.core.station import Station
from sgz_desktop.core.training import AttendanceInput, SessionInput, add_session, set_attendance
from sgz_desktop.core.validation import make_id_number
from sgz_desktop.ui import dialogs, staff_page
from sgz_desktop.ui.staff_page import StaffPage
from tests.core.staff_factory import add, community_id, name_for
from tests.core.test_staff_excel import fill_template, roster_line

PASSWORD = "Station2026pw"


def login_as(station: Station, admin: Actor, role: Role) -> Actor:
    username = f"user_{role.value}"
    users.create_user(station, admin, username=username, display_name=role.label + "甲", role=role, password=PASSWORD)
    return users.login(station, username, PASSWORD)


@pytest.fixture
def people(station: Station, admin: Actor) -> list[StaffInfo]:
    xinhua = community_id(station)
    out = [add(station, admin, 1, post="站长", employment="兼职", cert_level="无", cert_number="", cert_date=None,
               sw_background=False),
           add(station, admin, 2, post="副站长", cert_level="社会工作师"),
           add(station, admin, 3), add(station, admin, 4, cert_level="无", cert_number="", cert_date=None),
           add(station, admin, 5, post="社区联络员", employment="兼职", community_id=xinhua),
           add(station, admin, 6, hire_date=dt.date(2022, 3, 1))]
    staff.leave(station, admin, out[5].id, dt.date(2025, 6, 30), "个人原因辞职")
    return out


@pytest.fixture
def page(qtbot, zh, shown, station: Station, admin: Actor,  # type: ignore[no-untyped-def]
         people: list[StaffInfo]) -> StaffPage:
    widget = StaffPage(station, admin)
    qtbot.addWidget(widget)
    widget.resize(1200, 760)
    return widget


def names(page: StaffPage) -> list[str]:
    model = page.roster.table.model
    model.fetch_all()
    return [str(model.row_values(r)[0]) for r in range(model.rowCount())]


def select(page: StaffPage, name: str) -> None:
    assert name in names(page)
    page.roster.table.view.selectRow(names(page).index(name))


def test_roster_lists_people_in_post_in_chinese(page: StaffPage, people: list[StaffInfo]) -> None:
    assert page.tabs.tabText(0) == "花名册" and page.tabs.tabText(1) == "年度考核" and page.tabs.tabText(2) == "实习生"
    assert names(page) == [p.name for p in people[:5]]  # the leaver is not in post today
    headers = [page.roster.table.model.headerData(c, Qt.Orientation.Horizontal) for c in range(3)]
    assert headers == ["姓名", "性别", "岗位"]
    assert page.roster.status_filter.currentText() == "目前在岗"
    assert page.roster.table.count_label.text() == "共 5 条"


def test_filters_post_certificate_community_left_and_date(page: StaffPage, people: list[StaffInfo]) -> None:
    r = page.roster
    r.post_filter.setCurrentIndex(r.post_filter.findData("驻站社工"))
    assert names(page) == [people[2].name, people[3].name]
    r.cert_filter.setCurrentIndex(r.cert_filter.findData("无"))
    assert names(page) == [people[3].name]
    r.post_filter.setCurrentIndex(0)
    r.cert_filter.setCurrentIndex(0)
    r.community_filter.setCurrentIndex(r.community_filter.findText("新华社区"))
    assert names(page) == [people[4].name]
    r.community_filter.setCurrentIndex(0)
    r.status_filter.setCurrentIndex(r.status_filter.findData(staff_page.LEFT))
    assert names(page) == [people[5].name]
    r.status_filter.setCurrentIndex(r.status_filter.findData(staff_page.IN_POST_ON))
    assert r.on_date.isVisibleTo(r)
    r.on_date.setDate(dt.date(2023, 1, 1))
    assert names(page) == [people[5].name]  # only the leaver was hired by then
    r.status_filter.setCurrentIndex(r.status_filter.findData(staff_page.EVERYONE))
    assert len(names(page)) == 6


def test_bad_id_and_mobile_show_under_their_fields_and_keep_the_input(page: StaffPage, station: Station,
                                                                        admin: Actor) -> None:
    dialog = page.roster.add_person()
    dialog.name.setText("新同事")
    good = make_id_number("420102", dt.date(1995, 5, 5), 123)
    bad_id = good[:-1] + ("0" if good[-1] != "0" else "1")
    dialog.id_number.setText(bad_id)
    dialog.phone.setText("1381234")
    dialog.pay.setText("6500")
    dialog.save()
    assert dialog.isVisible() and dialog.saved is None
    errors = dialog.errors.shown()
    assert "校验位" in errors["身份证号"] and "11 位" in errors["手机号"]
    assert dialog.id_number.text() == bad_id and dialog.phone.text() == "1381234"  # the input is kept
    assert dialog.errors.line("身份证号").isVisibleTo(dialog)
    assert len(staff.list_staff(station, admin)) == 6  # nothing written
    dialog.id_number.setText(good)
    dialog.phone.setText("13912345678")
    dialog.save()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert "新同事" in names(page)
    assert page.roster.table.current_values()[0] == "新同事"  # type: ignore[index]


def test_pay_that_is_not_an_amount_is_refused_by_the_form(page: StaffPage) -> None:
    dialog = page.roster.add_person()
    dialog.pay.setText("六千")
    dialog.save()
    assert "不是以元为单位的金额" in dialog.errors.shown()["月薪"]


def test_edit_keeps_every_field(page: StaffPage, station: Station, admin: Actor, people: list[StaffInfo]) -> None:
    select(page, people[1].name)
    dialog = page.roster.edit_person()
    assert dialog is not None
    assert dialog.id_number.text() == people[1].id_number and dialog.gender.text() in ("男", "女")
    assert dialog.cert_level.currentData() == "社会工作师" and dialog.pay.text() == "9,000.00"
    assert dialog.tabs.count() == 3  # details, assessments, training
    dialog.pay.setText("9800.5")
    dialog.experience.setValue(7)
    dialog.save()
    after = staff.get_staff(station, admin, people[1].id)
    assert after.monthly_pay_fen == 980050 and after.experience_years == 7
    assert after.as_input().cert_number == people[1].cert_number


def test_leave_reinstate_and_delete(page: StaffPage, station: Station, admin: Actor, people: list[StaffInfo],
                                    shown, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(dialogs, "confirm", lambda *a, **k: True)
    select(page, people[3].name)
    leave = page.roster.leave_person()
    assert leave is not None
    leave.day.setDate(people[3].hire_date)  # not after the hire date: refused, dialog stays
    leave.save()
    assert "必须晚于入职日期" in leave.errors.shown()["离职日期"]
    leave.day.setDate(dt.date(2026, 2, 28))
    leave.reason.setCurrentText("合同到期不再续签")
    leave.save()
    assert staff.get_staff(station, admin, people[3].id).leave_date == dt.date(2026, 2, 28)
    assert people[3].name not in names(page)
    page.roster.status_filter.setCurrentIndex(page.roster.status_filter.findData(staff_page.LEFT))
    select(page, people[3].name)
    assert page.roster.reinstate_action.isEnabled() and not page.roster.leave_button.isEnabled()
    page.roster.reinstate_person()
    assert staff.get_staff(station, admin, people[3].id).leave_date is None
    # a person with history cannot be deleted; a mistaken entry can
    session = add_session(station, admin, SessionInput("岗前培训", "岗前培训", dt.date(2025, 1, 10), Decimal(6)))
    set_attendance(station, admin, session.id, [AttendanceInput(people[2].id)])
    page.roster.status_filter.setCurrentIndex(page.roster.status_filter.findData(staff_page.EVERYONE))
    select(page, people[2].name)
    page.roster.delete_person()
    assert "不能删除" in shown.errors[-1] and people[2].name in names(page)
    select(page, people[4].name)
    page.roster.delete_person()
    assert people[4].name not in names(page)


def test_head_sees_everything_but_cannot_change(qtbot, zh, station: Station, admin: Actor,  # type: ignore[no-untyped-def]
                                                 people: list[StaffInfo]) -> None:
    head = login_as(station, admin, Role.HEAD)
    widget = StaffPage(station, head)
    qtbot.addWidget(widget)
    r = widget.roster
    assert len(names(widget)) == 5
    assert not r.add_button.isEnabled() and not r.leave_button.isEnabled() and not r.more_button.isEnabled()
    assert not r.import_action.isEnabled() and r.print_button.isEnabled() and r.template_action.isEnabled()
    select(widget, people[2].name)
    dialog = r.edit_person()
    assert dialog is not None and not dialog.editable
    assert "*" in dialog.id_number.text() and not dialog.name.isEnabled()
    assert not widget.assessments.add_button.isEnabled() and not widget.interns.add_button.isEnabled()
    assert any("只读" in label.text() for label in r.findChildren(QLabel))


def test_social_worker_cannot_edit_the_roster(qtbot, zh, station: Station, admin: Actor,  # type: ignore[no-untyped-def]
                                              people: list[StaffInfo]) -> None:
    worker = login_as(station, admin, Role.SOCIAL_WORKER)
    widget = StaffPage(station, worker)
    qtbot.addWidget(widget)
    assert not widget.roster.add_button.isEnabled()
    dialog = widget.roster.add_person()  # even if reached, the core refuses
    dialog.name.setText("某人")
    dialog.id_number.setText(make_id_number("420102", dt.date(1990, 1, 1), 11))
    dialog.save()
    assert "权限不足" in dialog.errors.shown()[""]
    assert len(staff.list_staff(station, admin)) == 6


def test_import_with_one_bad_row_writes_nothing_and_lists_it(qtbot, page: StaffPage, station: Station,  # type: ignore[no-untyped-def]
                                                            admin: Actor, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(dialogs, "ask_save_path", lambda *a, **k: tmp_path / "模板")
    monkeypatch.setattr(dialogs, "show_info", lambda *a, **k: None)
    template = page.roster.save_template()
    assert template == tmp_path / "模板.xlsx" and load_workbook(template)[staff_excel.SHEET]["A1"].value == "姓名"
    rows = [roster_line(n) for n in range(300, 501)]
    bad = rows[57][1]
    rows[57][1] = bad[:-1] + ("0" if bad[-1] != "0" else "1")  # Excel row 59
    path = fill_template(template, rows)
    run = page.roster.import_roster(path)
    qtbot.waitUntil(lambda: run.state != "", timeout=30000)
    assert run.state == "problems" and run.problems is not None
    table = run.problems.table
    assert table.rowCount() == 1
    assert (table.item(0, 0).text(), table.item(0, 1).text()) == ("59", "身份证号")
    assert "校验位" in table.item(0, 2).text()
    assert "第 59 行" in run.problems.text()
    assert len(staff.list_staff(station, admin)) == 6  # nothing written


def test_import_asks_then_writes_every_row(qtbot, page: StaffPage, station: Station, admin: Actor,  # type: ignore[no-untyped-def]
                                          tmp_path: Path, shown, monkeypatch) -> None:
    asked: list[str] = []
    monkeypatch.setattr(dialogs, "confirm", lambda parent, title, text: asked.append(text) or True)
    path = fill_template(staff_excel.roster_template(station, tmp_path / "roster.xlsx"),
                         [roster_line(n) for n in range(600, 620)])
    run = page.roster.import_roster(path)
    qtbot.waitUntil(lambda: run.state == "imported", timeout=30000)
    assert "20" in asked[0] and "导入" in asked[0]
    assert len(staff.list_staff(station, admin)) == 26
    assert "已向花名册添加 20 人" in shown.infos[-1]
    assert name_for(600) in names(page)


def test_import_declined_writes_nothing(qtbot, page: StaffPage, station: Station, admin: Actor,  # type: ignore[no-untyped-def]
                                       tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(dialogs, "confirm", lambda *a, **k: False)
    path = fill_template(staff_excel.roster_template(station, tmp_path / "roster.xlsx"), [roster_line(700)])
    run = page.roster.import_roster(path)
    qtbot.waitUntil(lambda: run.state != "", timeout=30000)
    assert run.state == "declined" and len(staff.list_staff(station, admin)) == 6


def test_exports_reopen_with_the_same_rows(qtbot, page: StaffPage, station: Station, admin: Actor,  # type: ignore[no-untyped-def]
                                          tmp_path: Path, shown) -> None:
    task = page.roster.table.export_to_excel(tmp_path / "table.xlsx")
    assert task is not None
    qtbot.waitUntil(lambda: task.is_finished, timeout=20000)
    sheet = load_workbook(tmp_path / "table.xlsx").active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:3] == ("姓名", "性别", "岗位") and [r[0] for r in rows[1:]] == names(page)
    page.roster.export_full(tmp_path / "full.xlsx")
    qtbot.waitUntil(lambda: any("full.xlsx" in text for text in shown.infos), timeout=20000)
    full = list(load_workbook(tmp_path / "full.xlsx").active.iter_rows(values_only=True))
    assert len(full) == 7 and full[1][1] == staff.list_staff(station, admin)[0].id_number


def test_print_roster_opens_the_preview_of_the_roster_pdf(qtbot, page: StaffPage, station: Station,  # type: ignore[no-untyped-def]
                                                          monkeypatch, tmp_path: Path) -> None:
    from pypdf import PdfReader

    opened: list[Path] = []
    monkeypatch.setattr(staff_page.PrintRosterDialog, "exec", lambda self: QDialog.DialogCode.Accepted)
    monkeypatch.setattr("sgz_desktop.ui.pdf_preview.show_pdf_preview", lambda parent, path, title: opened.append(path))
    page.roster.print_roster()
    qtbot.waitUntil(lambda: bool(opened), timeout=20000)
    text = "".join(p.extract_text() for p in PdfReader(str(opened[0])).pages)
    assert "人员花名册" in text and all(p.name in text for p in staff.list_staff(station, page.actor,
                                                                                on=dt.date(2026, 3, 2)))


def test_show_people_from_the_dashboard_and_back(page: StaffPage, people: list[StaffInfo]) -> None:
    page.tabs.setCurrentIndex(1)
    page.show_people([people[5].name, people[0].name], "年度考核不合格人员已处理")
    assert page.tabs.currentIndex() == 0
    assert sorted(names(page)) == sorted([people[5].name, people[0].name])  # the leaver too
    assert page.roster.people_bar.isVisibleTo(page) and "涉及 2 人" in page.roster.people_label.text()
    page.roster.clear_people()
    assert names(page) == [p.name for p in people[:5]] and not page.roster.people_bar.isVisibleTo(page)


def test_screenshot(page: StaffPage, tmp_path: Path) -> None:
    """Set SGZ_SHOTS=/tmp/shots to keep the pictures."""
    shots = Path(os.environ.get("SGZ_SHOTS", tmp_path))
    shots.mkdir(parents=True, exist_ok=True)
    page.show()
    select(page, names(page)[2])
    assert page.grab().save(str(shots / "staff-roster-test.png"))
