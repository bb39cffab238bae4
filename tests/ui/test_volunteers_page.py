"""The Volunteers page on a real station, in Chinese: the registry form with the core's reasons under the
inputs, activities and hours recorded then approved by the deputy head, the ledger, redemption with its
receipt, a sign-in sheet with a bad row (nothing written) and a good one (previewed, then recorded),
certificates verified by number, roles, and the dashboard's jump to the volunteers a card names."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest
from openpyxl import Workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from sgz_desktop.core import profile, users, volunteer_hours, volunteer_points, volunteer_rewards, volunteers
from sgz_desktop.core.roles import Actor, Role
from sgz_desktop.core.station import Station
from sgz_desktop.core.volunteer_points import RuleInput
from sgz_desktop.core.volunteer_rewards import ItemInput
from sgz_desktop.core.volunteers import VolunteerInfo
from sgz_desktop.ui import dialogs
from sgz_desktop.ui.volunteers_page import VolunteersPage
from tests.core.volunteer_factory import add_activity, add_volunteer, approved, record, volunteer_input

PASSWORD = "Station2026pw"
DAY = dt.date(2026, 2, 14)


def login_as(station: Station, admin: Actor, role: Role) -> Actor:
    username = f"user_{role.value}"
    users.create_user(station, admin, username=username, display_name=role.label + "乙", role=role, password=PASSWORD)
    return users.login(station, username, PASSWORD)


@pytest.fixture
def people(station: Station, admin: Actor) -> list[VolunteerInfo]:
    volunteer_points.add_rule(station, admin, RuleInput(dt.date(2024, 1, 1), 10, {}))
    out = [add_volunteer(station, admin, 700 + n) for n in range(4)]
    approved(station, admin, out[0].id, dt.date(2025, 6, 1), "8")  # 80 points
    return out


def make_page(qtbot, station: Station, actor: Actor) -> VolunteersPage:  # type: ignore[no-untyped-def]
    page = VolunteersPage(station, actor)
    qtbot.addWidget(page)
    page.resize(1280, 760)
    return page


@pytest.fixture
def page(qtbot, zh, station: Station, admin: Actor, people: list[VolunteerInfo]) -> VolunteersPage:  # type: ignore[no-untyped-def]
    return make_page(qtbot, station, admin)


def column(table, index: int = 1) -> list[str]:  # type: ignore[no-untyped-def]
    model = table.model
    model.fetch_all()
    return [str(model.row_values(r)[index]) for r in range(model.rowCount())]


def select(table, text: str, index: int = 1) -> None:  # type: ignore[no-untyped-def]
    table.view.selectRow(column(table, index).index(text))


def test_tabs_and_registry_in_chinese(page: VolunteersPage, people: list[VolunteerInfo], qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    titles = [page.tabs.tabText(i) for i in range(page.tabs.count())]
    assert titles == ["志愿者名册", "服务活动", "服务时长", "积分明细", "积分兑换", "星级", "服务证明", "积分规则"]
    model = page.registry.table.model
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(3)] == ["志愿者编号", "姓名", "性别"]
    assert column(page.registry.table) == [p.name for p in people]
    qtmodeltester.check(model)
    qtmodeltester.check(page.ledger.table.model)
    select(page.registry.table, people[0].name)
    page.registry.show_points()
    assert page.tabs.currentWidget() is page.ledger and "积分余额 80 分" in page.ledger.volunteer_label.text()


def test_register_form_shows_reasons_under_fields_then_saves(qtbot, page: VolunteersPage, station: Station,  # type: ignore[no-untyped-def]
                                                            admin: Actor) -> None:
    dialog = page.registry.add_volunteer()
    data = volunteer_input(800)
    dialog.name.setText(data.name)
    dialog.id_number.setText(data.id_number[:-1] + ("0" if data.id_number[-1] != "0" else "1"))
    dialog.phone.setText("12345")
    dialog.save()
    shown = dialog.errors.shown()
    assert "校验位" in shown["身份证号"] and "手机号" in shown and dialog.isVisible()
    dialog.id_number.setText(data.id_number)
    dialog.phone.setText("13900000800")
    dialog.community.setCurrentIndex(dialog.community.findText("新华社区"))
    dialog.save()
    assert not dialog.isVisible() and dialog.saved is not None and dialog.saved.volunteer_no == "ZY000005"
    assert data.name in column(page.registry.table)
    assert page.registry.selected_id() == dialog.saved.id


def test_record_hours_then_the_deputy_approves_and_points_follow(qtbot, page: VolunteersPage, station: Station,  # type: ignore[no-untyped-def]
                                                                admin: Actor, people: list[VolunteerInfo],
                                                                shown) -> None:
    activities = page.activities
    dialog = activities.add_activity()
    dialog.title.setText("元宵节猜灯谜服务")
    dialog.kind.setCurrentText("文体服务")
    dialog.held_on.setDate(DAY)
    dialog.save()
    assert dialog.saved is not None and dialog.saved.time_text == "09:00–11:00"
    select(activities.table, "元宵节猜灯谜服务", 2)
    hours = activities.record_hours()
    assert hours is not None and hours.hours.value() == 2.0
    for person in people[1:3]:
        hours.picker.choose(person.volunteer_no)
        hours.add_chosen()
    hours.save()
    assert not hours.isVisible() and len(hours.saved) == 2
    page.tabs.setCurrentWidget(page.hours)
    tab = page.hours
    assert sorted(column(tab.table, 3)) == sorted(p.name for p in people[1:3])
    tab.table.view.selectAll()
    tab.approve_selected()
    assert "已审核通过 2 条，共 4 小时，获得积分 40 分" in shown.infos[-1]
    assert column(tab.table, 3) == []  # nothing pending any more
    assert volunteer_points.balance(station, admin, people[1].id) == 20


def test_reject_needs_a_reason_and_revoke_reverses_points(qtbot, page: VolunteersPage, station: Station,  # type: ignore[no-untyped-def]
                                                         admin: Actor, people: list[VolunteerInfo],
                                                         monkeypatch) -> None:
    act = add_activity(station, admin, DAY)
    rec = record(station, admin, act.id, people[2].id, "2")
    page.hours.reload()
    select(page.hours.table, people[2].name, 3)
    monkeypatch.setattr(dialogs, "ask_text", lambda *a, **k: "签到表上没有签名")
    page.hours.reject_selected()
    assert volunteer_hours.get_record(station, admin, rec.id).decision_note == "签到表上没有签名"
    page.hours.status_filter.setCurrentIndex(page.hours.status_filter.findData("approved"))
    select(page.hours.table, people[0].name, 3)
    page.hours.revoke("重复登记")
    assert volunteer_points.balance(station, admin, people[0].id) == 0


def test_redeem_prints_the_receipt_and_short_balance_is_refused(qtbot, page: VolunteersPage, station: Station,  # type: ignore[no-untyped-def]
                                                               admin: Actor, people: list[VolunteerInfo],
                                                               monkeypatch) -> None:
    from pypdf import PdfReader

    volunteer_rewards.add_item(station, admin, ItemInput("洗衣液", 50, 2))
    page.rewards.reload()
    opened: list[Path] = []
    monkeypatch.setattr("sgz_desktop.ui.pdf_preview.show_pdf_preview", lambda parent, path, title: opened.append(path))
    dialog = page.rewards.redeem()
    dialog.picker.choose(people[1].volunteer_no)
    dialog.save()
    assert dialog.isVisible() and "积分余额 0 分，兑换需要 50 分" in dialog.error.text()
    dialog.picker.choose(people[0].volunteer_no)
    assert "现有余额 80 分，兑换后剩 30 分" in dialog.summary.text()
    dialog.save()
    assert not dialog.isVisible()
    qtbot.waitUntil(lambda: bool(opened), timeout=20000)
    assert "DH202600001" in PdfReader(str(opened[0])).pages[0].extract_text()
    assert column(page.rewards.redemptions, 0) == ["DH202600001"]
    assert column(page.rewards.catalogue, 2) == ["1"]


def _sheet(path: Path, rows: list[list[object]]) -> Path:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["活动名称", "活动日期", "开始时间", "结束时间", "服务类型", "志愿者编号", "服务时长（小时）"])
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


def test_sign_in_sheet_bad_row_writes_nothing_good_sheet_is_previewed(qtbot, page: VolunteersPage,  # type: ignore[no-untyped-def]
                                                                     station: Station, admin: Actor,
                                                                     people: list[VolunteerInfo], tmp_path: Path,
                                                                     shown) -> None:
    rows = [["植树节义务植树", DAY, "08:00", "11:00", "环境保护", p.volunteer_no, 3] for p in people[:3]]
    bad = _sheet(tmp_path / "bad.xlsx", [*rows, ["植树节义务植树", DAY, "08:00", "11:00", "环境保护", "ZY404", 3]])
    run = page.activities.import_sheet(bad, into_selected=False)
    assert run is not None
    qtbot.waitUntil(lambda: run.state != "", timeout=30000)
    assert run.state == "problems" and run.problems is not None
    assert (run.problems.table.item(0, 0).text(), run.problems.table.item(0, 1).text()) == ("5", "志愿者编号")
    assert volunteer_hours.list_records(station, admin, status="pending") == []
    run = page.activities.import_sheet(_sheet(tmp_path / "good.xlsx", rows), into_selected=False)
    assert run is not None
    qtbot.waitUntil(lambda: run.state != "", timeout=30000)
    assert run.state == "previewed" and run.preview is not None
    assert run.preview.table.rowCount() == 3 and "共 3 条、3 名志愿者、9 小时" in run.preview.summary.text()
    run.preview.accept()
    qtbot.waitUntil(lambda: run.state == "imported", timeout=30000)
    assert len(volunteer_hours.list_records(station, admin, status="pending")) == 3
    assert "植树节义务植树" in column(page.activities.table, 2)
    assert "已登记 3 条服务时长" in shown.infos[-1]


def test_certificate_issue_and_verify(qtbot, page: VolunteersPage, station: Station, admin: Actor,  # type: ignore[no-untyped-def]
                                     people: list[VolunteerInfo], monkeypatch) -> None:
    profile.update_profile(station, admin, responsible_person="王丽", contact_phone="027-85551234")
    opened: list[Path] = []
    monkeypatch.setattr("sgz_desktop.ui.pdf_preview.show_pdf_preview", lambda parent, path, title: opened.append(path))
    select(page.registry.table, people[0].name)
    page.registry.issue_certificate()
    dialog = page.certificates.dialog
    assert dialog is not None and page.tabs.currentWidget() is page.certificates
    dialog.save()
    assert dialog.saved is not None and dialog.saved.number == "ZYFW20260001"
    qtbot.waitUntil(lambda: bool(opened), timeout=20000)
    tab = page.certificates
    tab.verify_edit.setText("zyfw20260001")
    tab.verify()
    assert people[0].name in tab.verify_result.text() and "8 小时" in tab.verify_result.text()
    tab.verify_edit.setText("ZYFW20269999")
    tab.verify()
    assert "没有出具过" in tab.verify_result.text()


def test_roles_see_what_they_may_do(qtbot, zh, station: Station, admin: Actor,  # type: ignore[no-untyped-def]
                                    people: list[VolunteerInfo]) -> None:
    head = make_page(qtbot, station, login_as(station, admin, Role.HEAD))
    assert not head.registry.add_button.isEnabled() and not head.activities.add_button.isEnabled()
    assert not head.hours.approve_button.isEnabled() and not head.ledger.adjust_button.isEnabled()
    assert not head.rewards.redeem_button.isEnabled()
    assert any("只读" in label.text() for label in head.registry.findChildren(QLabel))
    worker = make_page(qtbot, station, login_as(station, admin, Role.SOCIAL_WORKER))
    assert worker.activities.add_button.isEnabled() and worker.rewards.redeem_button.isEnabled()
    assert not worker.hours.approve_button.isEnabled() and not worker.rules.add_button.isEnabled()


def test_dashboard_card_people_open_in_the_registry(page: VolunteersPage, people: list[VolunteerInfo]) -> None:
    page.tabs.setCurrentIndex(3)
    page.show_people([f"{people[2].name}（{people[2].volunteer_no}）"], "本年度参加服务的志愿者")
    assert page.tabs.currentWidget() is page.registry
    assert column(page.registry.table) == [people[2].name]
    assert page.registry.people_bar.isVisibleTo(page)
    page.registry.clear_people()
    assert len(column(page.registry.table)) == 4


def test_volunteer_charts_on_the_dashboard(qtbot, zh, station: Station, admin: Actor,  # type: ignore[no-untyped-def]
                                          people: list[VolunteerInfo]) -> None:
    from sgz_desktop.ui import dashboard, volunteers_dashboard

    dashboard.load_areas()
    keys = [p.key for p in dashboard.CHART_PROVIDERS]
    assert "volunteer_hours_by_month" in keys and "volunteer_hours_by_community" in keys
    assert dashboard.PEOPLE_PAGES["volunteers"] == "volunteers"
    rows = volunteers_dashboard.monthly_hours(station, dt.date(2026, 3, 2))
    assert len(rows) == 12 and (2025, 6, 8.0) in rows
    assert [volunteers_dashboard.nice_step(top) for top in (4, 330, 1060)] == [1, 50, 200]
    chart = volunteers_dashboard.hours_by_community_chart(station)
    qtbot.addWidget(chart)
    assert volunteers.ACTIVE == "在册"


def test_screenshots(qtbot, page: VolunteersPage, people: list[VolunteerInfo], tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Set SGZ_SHOTS=/tmp/shots to keep the pictures."""
    shots = Path(os.environ.get("SGZ_SHOTS", tmp_path))
    shots.mkdir(parents=True, exist_ok=True)
    page.show()
    select(page.registry.table, people[1].name)
    assert page.grab().save(str(shots / "volunteers-registry-test.png"))
    dialog = page.registry.open_volunteer()
    assert dialog is not None and dialog.grab().save(str(shots / "volunteers-form.png"))
    redeem = page.rewards.redeem()
    redeem.picker.choose(people[0].volunteer_no)
    assert redeem.grab().save(str(shots / "volunteers-redeem.png"))
    rule = page.rules.add_rule()
    assert rule.grab().save(str(shots / "volunteers-rule.png"))


def test_a_mistyped_star_setting_does_not_break_the_page(qtbot, zh, station: Station, admin: Actor,  # type: ignore[no-untyped-def]
                                                         people: list[VolunteerInfo]) -> None:
    import json

    from sgz_desktop.core import settings
    from sgz_desktop.core.models import Setting

    with station.begin(admin) as s:  # saved before set_value refused such values
        s.add(Setting(key=settings.STAR_THRESHOLDS.key, value=json.dumps("100,300,200,1000,1500")))
    page = make_page(qtbot, station, admin)
    assert any("逐级增大" in label.text() for label in page.stars.findChildren(QLabel))
    assert page.stars.table.model.total == 0
