"""The Training page on a real station: a session with attendees and materials saved in one go (nothing
half-saved on a bad attendee), year/type filters, hours per person, continuing education, pre-job
training, attendance import, the printed summary, and a social worker allowed to enter training."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest
from pypdf import PdfReader

from sgz_desktop.core import training, training_excel, training_materials, users
from sgz_desktop.core.roles import Actor, Role
from sgz_desktop.core.staff import StaffInfo
from sgz_desktop.core.station import Station
from sgz_desktop.core.training import AttendanceInput, SessionInput
from sgz_desktop.ui import dialogs, training_session_dialog
from sgz_desktop.ui.training_page import TrainingPage
from tests.core.staff_factory import add
from tests.core.test_staff_excel import fill_template


@pytest.fixture
def people(station: Station, admin: Actor) -> list[StaffInfo]:
    return [add(station, admin, 31, post="副站长", cert_level="社会工作师", cert_date=dt.date(2024, 1, 1),
                hire_date=dt.date(2023, 3, 1)),
            add(station, admin, 32, hire_date=dt.date(2024, 3, 1)),
            add(station, admin, 33, hire_date=dt.date(2025, 12, 1), cert_level="无", cert_number="", cert_date=None)]


@pytest.fixture
def page(qtbot, zh, shown, station: Station, admin: Actor,  # type: ignore[no-untyped-def]
         people: list[StaffInfo]) -> TrainingPage:
    widget = TrainingPage(station, admin)
    qtbot.addWidget(widget)
    widget.resize(1200, 760)
    return widget


def titles(page: TrainingPage) -> list[str]:
    model = page.sessions.table.model
    model.fetch_all()
    return [str(model.row_values(r)[1]) for r in range(model.rowCount())]


def test_new_session_with_attendees_and_a_material(qtbot, page: TrainingPage, station: Station, admin: Actor,  # type: ignore[no-untyped-def]
                                                   people: list[StaffInfo], tmp_path: Path) -> None:
    slides = tmp_path / "课件.pdf"
    slides.write_bytes(b"%PDF-1.4 slides")
    dialog = page.sessions.add_session()
    assert [dialog.kind.itemText(i) for i in range(dialog.kind.count())] == list(training.TRAINING_TYPES)
    dialog.title.setText("个案工作实务")
    dialog.kind.setCurrentText("实务培训")
    dialog.held_on.setDate(dt.date(2026, 2, 10))
    dialog.hours.setValue(3)
    dialog.organiser.setText("承接机构")
    dialog.trainer.setText("刘老师")
    dialog.place.setText("社工站")
    dialog.tick(people[0].id)
    dialog.tick(people[1].id, hours="2.5", note="中途离会")
    assert dialog.tabs.tabText(1) == "参训人员（2）"
    dialog.add_file(slides)
    dialog.save()
    assert dialog.saved is not None
    session = dialog.saved
    assert (session.title, session.hours, session.attendees, session.materials) == ("个案工作实务", Decimal(3), 2, 1)
    lines = {a.name: (a.hours, a.note) for a in training.list_attendance(station, admin, session.id)}
    assert lines == {people[0].name: (Decimal(3), ""), people[1].name: (Decimal("2.5"), "中途离会")}
    material = training_materials.list_materials(station, admin, session.id)[0]
    assert material.file_name == "课件.pdf"
    stored = training_materials.material_path(station, admin, material.id, verify=True)
    assert stored.read_bytes() == slides.read_bytes()
    assert titles(page) == ["个案工作实务"]


def test_a_bad_attendee_keeps_the_dialog_open_and_writes_nothing(page: TrainingPage, station: Station,
                                                                 admin: Actor, people: list[StaffInfo]) -> None:
    dialog = page.sessions.add_session()
    dialog.title.setText("岗前培训")
    dialog.kind.setCurrentText("督导培训")
    dialog.held_on.setDate(dt.date(2025, 8, 1))  # long before people[2] was hired: not listed
    with pytest.raises(KeyError):
        dialog.tick(people[2].id)
    dialog.tick(people[1].id, hours="9")  # more than the 3-hour session
    dialog.save()
    assert dialog.saved is None and dialog.attendee_errors.isVisibleTo(dialog)
    assert "不能超过" in dialog.attendee_errors.text() and dialog.tabs.currentIndex() == 1
    dialog.tick(people[1].id, hours="abc")
    dialog.save()
    assert "不是数字" in dialog.attendee_errors.text()
    assert training.list_sessions(station, admin) == []
    dialog.title.setText("")
    dialog.tick(people[1].id, hours="2")
    dialog.save()
    assert "不能为空" in dialog.errors.shown()["培训主题"] and dialog.tabs.currentIndex() == 0
    assert training.list_sessions(station, admin) == []


def test_edit_a_session_and_remove_its_material(page: TrainingPage, station: Station, admin: Actor,
                                               people: list[StaffInfo], tmp_path: Path, monkeypatch) -> None:
    session = training.add_session(station, admin, SessionInput("督导会", "督导培训", dt.date(2026, 1, 8), Decimal(2)))
    training.set_attendance(station, admin, session.id, [AttendanceInput(people[0].id)])
    (tmp_path / "签到表.jpg").write_bytes(b"\xff\xd8\xff sign-in")
    training_materials.add_material(station, admin, session.id, tmp_path / "签到表.jpg")
    page.sessions.table.refresh()
    page.sessions.table.view.selectRow(0)
    dialog = page.sessions.open_session()
    assert dialog is not None and dialog.title.text() == "督导会" and dialog.material_list.count() == 1
    opened: list[Path] = []
    monkeypatch.setattr(training_session_dialog, "open_file", lambda path: opened.append(path) or True)
    dialog.material_list.setCurrentRow(0)
    dialog.open_material()
    assert opened and opened[0].read_bytes() == b"\xff\xd8\xff sign-in"
    dialog.remove_material()
    dialog.tick(people[1].id)
    dialog.save()
    after = training.get_session(station, admin, session.id)
    assert (after.attendees, after.materials) == (2, 0)


def test_filters_by_year_and_type_and_delete(page: TrainingPage, station: Station, admin: Actor,
                                             monkeypatch) -> None:
    for title, kind, day in (("政策解读", "政策法规培训", dt.date(2025, 4, 1)),
                             ("督导会", "督导培训", dt.date(2026, 1, 8)), ("实务课", "实务培训", dt.date(2025, 9, 1))):
        training.add_session(station, admin, SessionInput(title, kind, day, Decimal(2)))
    page.sessions.table.refresh()
    assert titles(page) == ["督导会", "实务课", "政策解读"]  # newest first
    page.sessions.year.setCurrentIndex(page.sessions.year.findData(2025))
    assert titles(page) == ["实务课", "政策解读"]
    page.sessions.kind.setCurrentIndex(page.sessions.kind.findData("政策法规培训"))
    assert titles(page) == ["政策解读"]
    monkeypatch.setattr(dialogs, "confirm", lambda *a, **k: True)
    page.sessions.table.view.selectRow(0)
    page.sessions.delete_session()
    assert titles(page) == [] and len(training.list_sessions(station, admin)) == 2


def test_hours_continuing_education_and_prejob_tabs(page: TrainingPage, station: Station, admin: Actor,
                                                    people: list[StaffInfo]) -> None:
    session = training.add_session(station, admin, SessionInput("继续教育班", "继续教育培训", dt.date(2025, 10, 13),
                                                                Decimal(16)))
    training.set_attendance(station, admin, session.id, [AttendanceInput(people[0].id)])
    page.tabs.setCurrentWidget(page.hours)
    page.hours.year.setCurrentIndex(page.hours.year.findData(2025))
    model = page.hours.table.model
    by_name = {model.row_values(r)[0]: model.row_values(r) for r in range(model.rowCount())}
    assert by_name[people[0].name][4] == Decimal(16) and by_name[people[1].name][7] == Decimal(0)
    page.tabs.setCurrentWidget(page.continuing)
    rows = {r[0]: r for r in page.continuing.table.model.source.rows}  # type: ignore[attr-defined]
    assert rows[people[0].name][5] == "16" and rows[people[0].name][6] == "进度落后"  # 16 of 90 in the final year
    page.tabs.setCurrentWidget(page.prejob)
    status = {r[0]: r[4] for r in page.prejob.table.model.source.rows}  # type: ignore[attr-defined]
    assert status[people[2].name] == "逾期未培训"  # hired 2025-12-01, due within 90 days, today 2026-03-02


def test_attendance_import_and_template(qtbot, page: TrainingPage, station: Station, admin: Actor,  # type: ignore[no-untyped-def]
                                        people: list[StaffInfo], tmp_path: Path, shown, monkeypatch) -> None:
    monkeypatch.setattr(dialogs, "ask_save_path", lambda *a, **k: tmp_path / "签到模板.xlsx")
    template = page.sessions.save_template()
    assert template is not None and template.exists()
    headers = [f.header for f in training_excel.FIELDS]
    line = dict.fromkeys(headers, "")
    line.update({"培训主题": "政策解读", "培训类型": "政策法规培训", "培训日期": dt.date(2026, 1, 20), "学时": 2})
    good = [[{**line, "姓名": p.name}[h] for h in headers] for p in people]
    bad = [{**line, "姓名": "不存在的人"}[h] for h in headers]
    run = page.sessions.import_attendance(fill_template(template, [*good, bad], training_excel.SHEET))
    qtbot.waitUntil(lambda: run.state != "", timeout=30000)
    assert run.state == "problems" and run.problems is not None
    assert run.problems.table.item(0, 0).text() == "5" and "花名册中没有" in run.problems.table.item(0, 2).text()
    assert training.list_sessions(station, admin) == []
    monkeypatch.setattr(dialogs, "confirm", lambda *a, **k: True)
    path = fill_template(training_excel.attendance_template(tmp_path / "ok.xlsx"), good, training_excel.SHEET)
    run = page.sessions.import_attendance(path)
    qtbot.waitUntil(lambda: run.state == "imported", timeout=30000)
    assert [s.attendees for s in training.list_sessions(station, admin)] == [3]
    assert titles(page) == ["政策解读"] and "新建培训 1 场" in shown.infos[-1]


def test_print_the_training_summary(qtbot, page: TrainingPage, station: Station, admin: Actor,  # type: ignore[no-untyped-def]
                                    monkeypatch) -> None:
    training.add_session(station, admin, SessionInput("督导会", "督导培训", dt.date(2025, 5, 8), Decimal(2)))
    opened: list[Path] = []
    monkeypatch.setattr("sgz_desktop.ui.pdf_preview.show_pdf_preview", lambda parent, path, title: opened.append(path))
    monkeypatch.setattr(dialogs, "ask_choice", lambda *a, **k: "2025")  # "all years" asks which
    page.sessions.print_summary()
    qtbot.waitUntil(lambda: bool(opened), timeout=20000)
    text = PdfReader(str(opened[0])).pages[0].extract_text()
    assert "培训记录汇总" in text and "督导会" in text and "2025" in text


def test_social_worker_enters_training_but_head_only_reads(qtbot, zh, station: Station, admin: Actor,  # type: ignore[no-untyped-def]
                                                          people: list[StaffInfo]) -> None:
    for username, role in (("shegong", Role.SOCIAL_WORKER), ("zhanzhang", Role.HEAD)):
        users.create_user(station, admin, username=username, display_name=username, role=role,
                          password="Station2026pw")
    worker = TrainingPage(station, users.login(station, "shegong", "Station2026pw"))
    head = TrainingPage(station, users.login(station, "zhanzhang", "Station2026pw"))
    qtbot.addWidget(worker)
    qtbot.addWidget(head)
    assert worker.sessions.add_button.isEnabled() and worker.sessions.import_action.isEnabled()
    assert not head.sessions.add_button.isEnabled() and not head.sessions.import_action.isEnabled()
    assert head.sessions.print_button.isEnabled()
    dialog = worker.sessions.add_session()
    dialog.title.setText("社工录入的培训")
    dialog.tick(people[1].id)
    dialog.save()
    assert dialog.saved is not None and dialog.saved.attendees == 1


def test_a_session_belongs_to_a_service_project(qtbot, zh, shown, station: Station, admin: Actor,  # type: ignore[no-untyped-def]
                                                people: list[StaffInfo], tmp_path: Path) -> None:
    from sgz_desktop.core import projects
    from sgz_desktop.core.projects import FEATURED, ProjectInput

    heart = projects.add_project(station, admin, ProjectInput(FEATURED, "心灵港湾", dt.date(2026, 1, 1)))
    training.add_session(station, admin, SessionInput("政策解读", "政策法规培训", dt.date(2026, 1, 5), Decimal(2)))
    page = TrainingPage(station, admin)
    qtbot.addWidget(page)
    dialog = page.sessions.add_session()
    assert dialog.project.currentData() is None and dialog.project.itemText(0) == "（不属于具体项目）"
    dialog.title.setText("心理支持小组带领技巧")
    dialog.held_on.setDate(dt.date(2026, 2, 10))
    dialog.project.setCurrentIndex(dialog.project.findData(heart.id))
    dialog.tick(people[0].id)
    dialog.save()
    assert dialog.saved is not None and dialog.saved.project_name == "心灵港湾"
    dialog.grab().save(str(tmp_path / "training-project.png"))
    page.sessions.table.refresh()
    page.sessions.project.setCurrentIndex(page.sessions.project.findData(heart.id))
    assert titles(page) == ["心理支持小组带领技巧"]
    page.sessions.project.setCurrentIndex(0)
    assert titles(page) == ["心理支持小组带领技巧", "政策解读"]
    page.sessions.table.view.selectRow(0)
    reopened = page.sessions.open_session()
    assert reopened is not None and reopened.project.currentData() == heart.id
    reopened.project.setCurrentIndex(0)
    reopened.save()
    assert training.list_sessions(station, admin, project_id=heart.id) == []
