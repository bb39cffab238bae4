"""Excel in and out: templates, all-or-nothing imports naming each bad cell, exports that re-import."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path

import pytest
from openpyxl import load_workbook

from sgz_desktop.core import audit, staff, staff_excel, training, training_excel
from sgz_desktop.core.clock import FixedClock
from sgz_desktop.core.errors import ValidationError
from sgz_desktop.core.excel import read_rows
from sgz_desktop.core.paths import DataDir
from sgz_desktop.core.progress import Cancelled, Progress
from sgz_desktop.core.roles import Actor
from sgz_desktop.core.secrets import KeyringSecretStore
from sgz_desktop.core.setup import init_station
from sgz_desktop.core.station import Station
from sgz_desktop.core.training import AttendanceInput, SessionInput
from sgz_desktop.core.users import login
from tests.conftest import ADMIN_PASSWORD, new_station_values
from tests.core.staff_factory import add, person

HEADERS = [f.header for f in staff_excel.FIELDS]


def roster_line(n: int, **values: object) -> list[object]:
    p = person(n)
    line: dict[str, object] = {
        "姓名": p.name, "身份证号": p.id_number, "手机号": p.phone, "岗位": "驻站社工", "专兼职": "专职",
        "证书等级": "助理社会工作师", "证书编号": p.cert_number, "取证日期": dt.date(2023, 6, 1), "社工专业背景": "是",
        "所在社区": "", "入职日期": dt.datetime(2024, 3, 1), "合同到期": "2027/2/28", "月薪（元）": 9000.5,
        "五险一金": "是", "社工从业年限": 3, "离职日期": None, "离职原因": "", "备注": ""}
    line.update(values)
    return [line[h] for h in HEADERS]


def fill_template(path: Path, rows: Sequence[Sequence[object]], sheet: str = staff_excel.SHEET) -> Path:
    """What a user does: open the downloaded template, type rows under the header, save."""
    wb = load_workbook(path)
    ws = wb[sheet]
    for r, values in enumerate(rows, start=2):
        for c, value in enumerate(values, start=1):
            ws.cell(r, c, value)
    wb.save(path)
    return path


def test_roster_template_has_headers_formats_and_drop_downs(station: Station, tmp_path: Path) -> None:
    path = staff_excel.roster_template(station, tmp_path / "花名册模板.xlsx")
    wb = load_workbook(path)
    ws = wb[staff_excel.SHEET]
    assert [c.value for c in ws[1]] == HEADERS
    assert ws["B2"].number_format == "@"  # ID numbers stay text
    lists = {str(dv.sqref).split(":")[0]: dv.formula1 for dv in ws.data_validations.dataValidation
             if dv.type == "list"}
    assert set(lists) == {"D2", "E2", "F2", "I2", "J2", "N2"}
    options = wb["选项"]
    assert options.sheet_state == "hidden"
    communities = [c.value for c in options["E"][1:] if c.value]
    assert communities == ["新华社区", "民意社区", "花楼社区", "友谊村"]
    assert "$E$2:$E$5" in lists["J2"]
    assert "填写说明" in wb.sheetnames and not list(tmp_path.glob(".*.tmp"))


def test_201_rows_with_one_bad_id_number_write_nothing_and_name_the_row(station: Station, admin: Actor,
                                                                          tmp_path: Path) -> None:
    rows = [roster_line(n) for n in range(300, 501)]
    bad = rows[136][1]
    rows[136][1] = bad[:-1] + ("0" if bad[-1] != "0" else "1")  # one wrong check digit, Excel row 138
    path = fill_template(staff_excel.roster_template(station, tmp_path / "roster.xlsx"), rows)
    with pytest.raises(ValidationError) as err:
        staff_excel.import_roster(station, admin, path)
    assert [(p.row, p.field) for p in err.value.problems] == [(138, "身份证号")]
    assert "第 138 行，「身份证号」：身份证号校验位不对" in str(err.value)
    assert staff.list_staff(station, admin) == []
    rows[136][1] = bad
    fill_template(path, rows)
    assert staff_excel.import_roster(station, admin, path, dry_run=True).added == 0
    assert staff.list_staff(station, admin) == []
    result = staff_excel.import_roster(station, admin, path)
    assert (result.rows, result.added) == (201, 201)
    people = staff.list_staff(station, admin)
    assert len(people) == 201 and people[0].monthly_pay_fen == 900_050
    assert people[0].contract_end == dt.date(2027, 2, 28)
    events = audit.page_entries(station, admin, audit.AuditFilter(action="import"), 0, 5)
    assert len(events) == 1 and "201 人" in events[0].summary


def test_every_kind_of_bad_row_is_listed(station: Station, admin: Actor, tmp_path: Path) -> None:
    existing = add(station, admin, 520)
    rows = [
        roster_line(521),
        roster_line(522, **{"身份证号": person(521).id_number.lower()}),  # same person as row 2
        roster_line(523, **{"身份证号": existing.id_number}),  # already on the roster
        roster_line(524, **{"岗位": "组长", "所在社区": "不存在社区"}),
        roster_line(525, **{"离职日期": dt.date(2024, 1, 1), "手机号": "1380013800"}),
        roster_line(526, **{"身份证号": 420102198001010011, "入职日期": "2024-13-01"}),
        roster_line(527, **{"姓名": "", "月薪（元）": "8500.123", "五险一金": "也许"}),
        roster_line(528, **{"岗位": "社区联络员", "专兼职": "兼职"}),
    ]
    path = fill_template(staff_excel.roster_template(station, tmp_path / "bad.xlsx"), rows)
    with pytest.raises(ValidationError) as err:
        staff_excel.import_roster(station, admin, path)
    found = {(p.row, p.field) for p in err.value.problems}
    assert found == {(3, "身份证号"), (4, "身份证号"), (5, "岗位"), (5, "所在社区"), (6, "离职日期"), (6, "手机号"),
                     (7, "身份证号"), (7, "入职日期"), (8, "姓名"), (8, "月薪（元）"), (8, "五险一金"), (9, "所在社区")}
    text = str(err.value)
    assert "与第 2 行是同一人" in text and f"花名册中已有此人（{existing.name}）" in text
    assert "存成了数字" in text and "两位小数" in text and "社区联络员必须填写所在社区" in text
    assert [p.name for p in staff.list_staff(station, admin)] == [existing.name]


def test_a_file_without_the_required_columns_is_refused(station: Station, admin: Actor, tmp_path: Path) -> None:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["某某社工站人员名单"])  # a title row above the header is fine
    ws.append(["姓名", "岗位", "电话"])
    ws.append(["张三", "驻站社工", "13800000000"])
    wb.save(tmp_path / "wrong.xlsx")
    with pytest.raises(ValidationError) as err:
        staff_excel.import_roster(station, admin, tmp_path / "wrong.xlsx")
    assert {(p.row, p.field) for p in err.value.problems} == {(2, "身份证号"), (2, "专兼职"), (2, "入职日期")}
    (tmp_path / "not.xlsx").write_text("hello")
    with pytest.raises(ValidationError, match=r"not\.xlsx 不是 Excel 工作簿（\.xlsx），或文件已损坏。.*另存为"):
        staff_excel.import_roster(station, admin, tmp_path / "not.xlsx")
    # an .xls of old, or a workbook with an opening password: both an OLE container, not a zip
    (tmp_path / "花名册.xls").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504))
    with pytest.raises(ValidationError, match=r"花名册\.xls 是旧版 Excel（\.xls）文件，或设置了打开密码"):
        staff_excel.import_roster(station, admin, tmp_path / "花名册.xls")
    with pytest.raises(ValidationError, match=r"找不到文件 .*gone\.xlsx"):
        staff_excel.import_roster(station, admin, tmp_path / "gone.xlsx")


def test_cancelling_an_import_writes_nothing(station: Station, admin: Actor, tmp_path: Path) -> None:
    path = fill_template(staff_excel.roster_template(station, tmp_path / "r.xlsx"),
                         [roster_line(n) for n in range(540, 760)])
    progress = Progress(lambda done, total, text: progress.cancel() if "写入" in text else None)
    with pytest.raises(Cancelled):
        staff_excel.import_roster(station, admin, path, progress)
    assert staff.list_staff(station, admin) == []


def test_roster_export_reopens_with_the_same_rows_and_reimports(station: Station, admin: Actor, tmp_path: Path,
                                                                data_dir: DataDir, clock: FixedClock) -> None:
    cid = next(iter(staff_excel.list_communities(station))).id
    add(station, admin, 560, post="社区联络员", employment="兼职", community_id=cid, cert_level="无",
        cert_number="", cert_date=None, monthly_pay_fen=30_000)
    gone = add(station, admin, 561, notes="=1+1 不是公式")
    staff.leave(station, admin, gone.id, dt.date(2025, 7, 1), "合同期满")
    for n in range(562, 570):
        add(station, admin, n, monthly_pay_fen=812_345 + n)
    out = tmp_path / "导出花名册.xlsx"
    assert staff_excel.export_roster(station, admin, out) == 10
    header, *rows = list(read_rows(out))
    assert list(header) == HEADERS
    people = staff.list_staff(station, admin)
    assert [r[0] for r in rows] == [p.name for p in people]
    assert [r[1] for r in rows] == [p.id_number for p in people]
    assert [round(float(r[12]) * 100) for r in rows] == [p.monthly_pay_fen for p in people]
    assert rows[[p.id for p in people].index(gone.id)][15:17] == (dt.datetime(2025, 7, 1), "合同期满")
    # The same file loads into another station and gives the same roster.
    other_dir = DataDir(tmp_path / "other")
    other, _key = init_station(other_dir, new_station_values(), secret_store=KeyringSecretStore(), clock=clock)
    try:
        other_admin = login(other, "fuzhanzhang", ADMIN_PASSWORD)
        assert staff_excel.import_roster(other, other_admin, out).added == 10
        def strip(p: staff.StaffInfo) -> tuple[object, ...]:
            return (p.name, p.id_number, p.phone, p.post, p.cert_date, p.community_name, p.hire_date, p.leave_date,
                    p.leave_reason, p.monthly_pay_fen, p.notes)

        assert [strip(p) for p in staff.list_staff(other, other_admin)] == [strip(p) for p in people]
    finally:
        other.close()


# --- training attendance ------------------------------------------------------------------------------------

ATT_HEADERS = [f.header for f in training_excel.FIELDS]


def att_line(title: str, name: str, **values: object) -> list[object]:
    line: dict[str, object] = {"培训主题": title, "培训类型": "实务培训", "培训日期": dt.date(2025, 6, 10), "学时": 3,
                               "主办单位": "同心社工中心", "授课人": "陈老师", "培训地点": "三楼会议室", "姓名": name,
                               "身份证号": None, "参训学时": None, "备注": ""}
    line.update(values)
    return [line.get(h) for h in ATT_HEADERS]


def test_attendance_import_groups_sessions_and_checks_people(station: Station, admin: Actor, tmp_path: Path) -> None:
    a, b = add(station, admin, 580), add(station, admin, 581)
    twin1 = add(station, admin, 582, name="张伟")
    add(station, admin, 583, name="张伟")
    known = training.add_session(station, admin, SessionInput("个案工作实务", "实务培训", dt.date(2025, 5, 5),
                                                              training.parse_hours(2)))
    training.set_attendance(station, admin, known.id, [AttendanceInput(a.id)])
    template = training_excel.attendance_template(tmp_path / "签到.xlsx")
    bad = [att_line("小组工作技巧", a.name), att_line("小组工作技巧", b.name, **{"参训学时": 4}),
           att_line("小组工作技巧", "张伟"), att_line("小组工作技巧", "查无此人"),
           att_line("个案工作实务", a.name, **{"培训日期": dt.date(2025, 5, 5), "学时": 2}),
           att_line("督导会", b.name, **{"学时": 2.5, "培训类型": "团建"}),
           att_line("小组工作技巧", a.name)]
    with pytest.raises(ValidationError) as err:
        training_excel.import_attendance(station, admin, fill_template(template, bad, training_excel.SHEET))
    assert {(p.row, p.field) for p in err.value.problems} == {
        (3, "参训学时"), (4, "身份证号"), (5, "姓名"), (6, "姓名"), (7, "培训类型"), (8, "姓名")}
    assert "有 2 人叫「张伟」" in str(err.value) and "已登记参加过这场培训" in str(err.value)
    assert "在第 2 行已登记过这场培训" in str(err.value)
    assert len(training.list_sessions(station, admin)) == 1
    good = [att_line("小组工作技巧", a.name), att_line("小组工作技巧", b.name, **{"参训学时": 1.5}),
            att_line("小组工作技巧", "张伟", **{"身份证号": twin1.id_number}),
            att_line("个案工作实务", b.name, **{"培训日期": "2025-05-05", "学时": "2"})]
    template = training_excel.attendance_template(tmp_path / "签到2.xlsx")
    result = training_excel.import_attendance(station, admin, fill_template(template, good, training_excel.SHEET))
    assert (result.rows, result.added, result.sessions_added) == (4, 4, 1)
    sessions = {s.title: s for s in training.list_sessions(station, admin)}
    assert sessions["小组工作技巧"].attendees == 3 and sessions["个案工作实务"].attendees == 2
    hours = {r.name: r.hours for r in training.list_attendance(station, admin, sessions["小组工作技巧"].id)}
    assert hours == {a.name: 3, b.name: training.parse_hours("1.5"), "张伟": 3}
    out = tmp_path / "签到导出.xlsx"
    assert training_excel.export_attendance(station, admin, out, year=2025) == 5
    assert [r[7] for r in list(read_rows(out))[1:]] == [a.name, b.name, a.name, b.name, "张伟"]
