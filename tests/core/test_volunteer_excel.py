"""Registry and sign-in sheets in Excel: templates, all-or-nothing imports naming row/column/reason, a dry
run that shows what would be recorded, an export that re-imports."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from sgz_desktop.core import volunteer_excel, volunteer_hours, volunteer_signin, volunteers
from sgz_desktop.core.errors import ValidationError
from sgz_desktop.core.excel import read_rows
from sgz_desktop.core.roles import Actor
from sgz_desktop.core.station import Station
from tests.core.volunteer_factory import add_activity, add_volunteer, record, volunteer_input

REGISTRY_HEADERS = ["志愿者编号", "姓名", "身份证号", "手机号", "所在社区", "技能特长", "注册日期", "状态",
                    "退出日期", "备注"]
SIGN_IN_HEADERS = ["活动名称", "活动日期", "开始时间", "结束时间", "服务类型", "志愿者编号", "姓名", "签到时间",
                   "签退时间", "服务时长（小时）"]


def _sheet(path: Path, headers: list[str], rows: list[list[object]]) -> Path:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["志愿服务签到表（社区活动室）"])  # a title row above the header, as people make them
    ws.append(headers)
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


def test_registry_template_import_and_export_round_trip(station: Station, admin: Actor, tmp_path: Path) -> None:
    template = volunteer_excel.registry_template(station, tmp_path / "模板.xlsx")
    wb = load_workbook(template)
    assert [c.value for c in wb["志愿者名册"][1]] == REGISTRY_HEADERS and "填写说明" in wb.sheetnames
    a, b = volunteer_input(101), volunteer_input(102)
    rows = [["", a.name, a.id_number, a.phone, "新华社区", "理发", dt.date(2024, 5, 1), "", None, ""],
            ["XH-7", b.name, b.id_number, "", "", "", "2023/09/01", "已退出", "2025-01-31", "搬离本街道"]]
    path = _sheet(tmp_path / "名册.xlsx", REGISTRY_HEADERS, rows)
    assert volunteer_excel.import_registry(station, admin, path, dry_run=True).added == 0
    assert volunteers.list_volunteers(station, admin) == []
    done = volunteer_excel.import_registry(station, admin, path)
    assert (done.rows, done.added) == (2, 2)
    people = {p.name: p for p in volunteers.list_volunteers(station, admin)}
    assert people[a.name].volunteer_no == "ZY000001" and people[a.name].community_name == "新华社区"
    assert people[b.name].volunteer_no == "XH-7" and people[b.name].left_on == dt.date(2025, 1, 31)
    out = tmp_path / "导出.xlsx"
    assert volunteer_excel.export_registry(station, admin, out) == 2
    exported = list(read_rows(out))
    assert list(exported[0]) == REGISTRY_HEADERS and a.id_number in exported[1] + exported[2]
    with pytest.raises(ValidationError) as err:
        volunteer_excel.import_registry(station, admin, out)  # the same people again
    assert "第 3 行，「身份证号」：此人已登记为志愿者（ZY000001）" in str(err.value)
    assert "编号" not in str(err.value).replace("志愿者（", "")


def test_registry_import_lists_every_bad_row_and_writes_nothing(station: Station, admin: Actor,
                                                                tmp_path: Path) -> None:
    a, b = volunteer_input(103), volunteer_input(104)
    rows = [["", a.name, a.id_number, "", "", "", "2024-01-01", "", None, ""],
            ["", "某人", 420103196001010011, "", "东湖社区", "", "明天", "在册", None, ""],
            ["", b.name, a.id_number, "", "", "", "2024-01-01", "已退出", None, ""]]
    with pytest.raises(ValidationError) as err:
        volunteer_excel.import_registry(station, admin, _sheet(tmp_path / "x.xlsx", REGISTRY_HEADERS, rows))
    text = str(err.value)
    assert "第 4 行，「身份证号」：身份证号被 Excel 存成了数字" in text
    assert "第 4 行，「所在社区」：「东湖社区」不是可选的社区（村）" in text and "第 4 行，「注册日期」" in text
    assert "第 5 行，「退出日期」：状态为“已退出”时必须填写" in text
    assert volunteers.list_volunteers(station, admin) == []


def _people(station: Station, admin: Actor) -> list[volunteers.VolunteerInfo]:
    return [add_volunteer(station, admin, 200 + n) for n in range(4)]


def test_sign_in_dry_run_shows_what_would_be_recorded(station: Station, admin: Actor, tmp_path: Path) -> None:
    p = _people(station, admin)
    day = dt.date(2025, 9, 6)
    rows = [["重阳敬老包饺子", day, "09:00", "11:30", "助老服务", p[0].volunteer_no, "", "", "", 2.5],
            ["重阳敬老包饺子", day, "09:00", "11:30", "助老服务", "", p[1].name, "9:30", "11:30", ""],
            ["垃圾分类宣传", day, "14:00", "16:00", "环境保护", p[0].volunteer_no, p[0].name, "", "", "2小时"]]
    path = _sheet(tmp_path / "签到.xlsx", SIGN_IN_HEADERS, rows)
    preview = volunteer_signin.import_sign_in(station, admin, path, dry_run=True)
    assert preview.dry_run and preview.new_activities == ("2025-09-06 重阳敬老包饺子", "2025-09-06 垃圾分类宣传")
    assert [(line.row, line.volunteer_name, line.hours) for line in preview.lines] == [
        (3, p[0].name, Decimal("2.5")), (4, p[1].name, Decimal(2)), (5, p[0].name, Decimal(2))]
    assert preview.hours == Decimal("6.5") and preview.volunteers == 2
    assert volunteer_hours.list_records(station, admin) == []
    done = volunteer_signin.import_sign_in(station, admin, path)
    records = volunteer_hours.list_records(station, admin)
    assert not done.dry_run and len(records) == 3 and {r.status for r in records} == {"pending"}
    assert records[1].starts_at == dt.time(9, 30)
    with pytest.raises(ValidationError, match="已登记过这次活动的服务时长"):
        volunteer_signin.import_sign_in(station, admin, path)  # the same sheet twice


def test_one_bad_row_writes_nothing_and_names_the_row(station: Station, admin: Actor, tmp_path: Path) -> None:
    p = _people(station, admin)
    day = dt.date(2025, 9, 6)
    good = [["社区义诊", day, "08:30", "11:30", "其他", v.volunteer_no, "", "", "", 3] for v in p[:3]]
    bad = ["社区义诊", day, "08:30", "11:30", "其他", "ZY999999", "", "", "", 3]
    path = _sheet(tmp_path / "签到.xlsx", SIGN_IN_HEADERS, [*good, bad])
    with pytest.raises(ValidationError) as err:
        volunteer_signin.import_sign_in(station, admin, path)
    assert err.value.problems[0].row == 6
    assert str(err.value) == "第 6 行，「志愿者编号」：没有编号为 ZY999999 的志愿者"
    assert volunteer_hours.list_records(station, admin) == []


def test_sheet_rows_are_checked_against_each_other_and_the_day(station: Station, admin: Actor,
                                                               tmp_path: Path) -> None:
    p = _people(station, admin)
    day = dt.date(2025, 9, 6)
    earlier = add_activity(station, admin, day, start="08:00", end="10:00")
    record(station, admin, earlier.id, p[3].id, "2")
    twin = add_volunteer(station, admin, 300, name=p[0].name)
    rows = [["A 活动", day, "09:00", "12:00", "其他", p[1].volunteer_no, "", "", "", 3],
            ["B 活动", day, "11:00", "13:00", "其他", p[1].volunteer_no, "", "", "", 2],  # overlaps row 3
            ["A 活动", day, "09:00", "12:00", "其他", "", p[0].name, "", "", 1],  # two people of that name
            ["A 活动", day, "09:00", "12:00", "其他", p[3].volunteer_no, "", "", "", 2],  # overlaps 08:00-10:00
            ["C 通宵值守", day, "", "", "应急服务", p[2].volunteer_no, "", "", "", 20],
            ["D 通宵值守", day, "", "", "应急服务", p[2].volunteer_no, "", "", "", 5],  # 25 hours that day
            ["A 活动", day, "09:00", "12:00", "其他", p[2].volunteer_no, "", "11:00", "10:00", ""]]
    with pytest.raises(ValidationError) as err:
        volunteer_signin.import_sign_in(station, admin, _sheet(tmp_path / "s.xlsx", SIGN_IN_HEADERS, rows))
    text = str(err.value)
    assert "第 4 行，「姓名」：" in text and "与同日「A 活动」的服务时间 09:00–12:00 重叠" in text
    assert f"第 5 行，「志愿者编号」：有 2 名志愿者叫「{twin.name}」" in text
    assert "第 6 行，「姓名」：" in text and "08:00–10:00 重叠" in text
    assert "第 8 行，「姓名」：" in text and "超过 24 小时" in text
    assert "第 9 行，「服务时长」：签退时间应晚于签到时间" in text
    assert len(volunteer_hours.list_records(station, admin)) == 1


def test_importing_into_a_chosen_activity_needs_only_people(station: Station, admin: Actor, tmp_path: Path) -> None:
    p = _people(station, admin)
    act = add_activity(station, admin, dt.date(2025, 10, 1), start="09:00", end="11:00")
    path = _sheet(tmp_path / "人.xlsx", ["志愿者编号", "姓名", "服务时长（小时）"],
                  [[v.volunteer_no, v.name, None] for v in p])
    with pytest.raises(ValidationError, match="请在程序中先选定活动再导入"):
        volunteer_signin.import_sign_in(station, admin, path)
    result = volunteer_signin.import_sign_in(station, admin, path, activity_id=act.id)
    assert result.new_activities == () and result.hours == Decimal(8)
    assert {r.activity_id for r in volunteer_hours.list_records(station, admin)} == {act.id}


def test_sign_in_template_has_the_columns(station: Station, tmp_path: Path) -> None:
    path = volunteer_signin.sign_in_template(station, tmp_path / "签到模板.xlsx")
    headers = [c.value for c in load_workbook(path)["志愿服务签到表"][1]]
    assert headers[:2] == ["活动名称", "活动日期"] and "服务时长（小时）" in headers


def test_time_cells() -> None:
    assert volunteer_signin.time_cell("9：05") == dt.time(9, 5)
    assert volunteer_signin.time_cell(0.375) == dt.time(9, 0)
    assert volunteer_signin.time_cell(dt.time(14, 30, 12)) == dt.time(14, 30)
    with pytest.raises(volunteer_signin.Bad, match="不是有效时间"):
        volunteer_signin.time_cell("25:00")
