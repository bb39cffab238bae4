"""The staff roster: add, edit, leave, validation, duplicates, permissions, the lazy roster table."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as hs
from sqlalchemy import select

from sgz_desktop.core import assessments, audit, staff, users
from sgz_desktop.core.errors import NotFound, PermissionDenied, SecretUnavailable, ValidationError
from sgz_desktop.core.models import Staff
from sgz_desktop.core.roles import Actor, Role
from sgz_desktop.core.staff_tables import LOCKED, RosterSource
from sgz_desktop.core.station import Station
from sgz_desktop.core.tables import TableQuery, iter_rows
from sgz_desktop.core.validation import make_id_number
from tests.core.staff_factory import add, community_id, lock, person


def _fields(err: pytest.ExceptionInfo[ValidationError]) -> set[str]:
    return {p.field for p in err.value.problems}


def test_add_stores_every_field_and_derives_gender(station: Station, admin: Actor) -> None:
    cid = community_id(station)
    data = person(1, post="社区联络员", employment="兼职", community_id=cid, contract_end=dt.date(2027, 2, 28),
                  notes=" 新华社区网格员 ", phone="138 0000 0001")
    info = staff.add_staff(station, admin, data)
    assert info.gender == "男"  # odd sequence digit
    assert info.community_name == "新华社区" and info.notes == "新华社区网格员"
    assert info.phone == "13800000001" and info.id_number == data.id_number
    again = staff.get_staff(station, admin, info.id)
    assert again == info and again.in_post(dt.date(2026, 3, 2)) and not again.in_post(dt.date(2024, 2, 29))
    assert again.as_input() == staff.normalised(data)


def test_every_bad_value_is_named_and_nothing_is_written(station: Station, admin: Actor) -> None:
    bad = person(2, name=" ", id_number="420102198001010011", phone="12345", post="组长", employment="全职",
                 cert_level="助理社会工作师", cert_number="", cert_date=None, contract_end=dt.date(2020, 1, 1),
                 monthly_pay_fen=-1, experience_years=99)
    with pytest.raises(ValidationError) as err:
        staff.add_staff(station, admin, bad)
    assert _fields(err) == {"姓名", "身份证号", "手机号", "岗位", "专兼职", "证书编号", "取证日期", "合同到期", "月薪",
                            "社工从业年限"}
    assert "校验位" in str(err.value)
    with station.read() as s:
        assert s.scalars(select(Staff)).all() == []


def test_liaison_needs_a_community_and_hire_needs_working_age(station: Station, admin: Actor) -> None:
    with pytest.raises(ValidationError, match="社区联络员必须填写所在社区"):
        staff.add_staff(station, admin, person(3, post="社区联络员", employment="兼职"))
    child = make_id_number("420102", dt.date(2012, 5, 1), 11)
    with pytest.raises(ValidationError, match="未满 16 周岁"):
        staff.add_staff(station, admin, person(3, id_number=child))
    with pytest.raises(ValidationError, match="请同时选择证书等级"):
        staff.add_staff(station, admin, person(3, cert_level="无"))


def test_duplicate_person_by_id_number_even_typed_differently(station: Station, admin: Actor) -> None:
    first = add(station, admin, 4)
    typed = first.id_number.replace("X", "x")
    full_width = "".join(chr(ord(c) + 0xFEE0) if c.isdigit() else c for c in typed)
    with pytest.raises(ValidationError, match=f"与花名册中的「{first.name}」相同"):
        staff.add_staff(station, admin, person(5, id_number=full_width))
    # Editing the same person keeps their own number without complaint.
    staff.update_staff(station, admin, first.id, replace(first.as_input(), experience_years=4))
    assert staff.find_by_id_number(station, admin, full_width) == staff.get_staff(station, admin, first.id)
    assert staff.find_by_id_number(station, admin, make_id_number("420102", dt.date(1990, 1, 1), 3)) is None


def test_leave_keeps_the_person_and_must_follow_hire(station: Station, admin: Actor) -> None:
    p = add(station, admin, 6, hire_date=dt.date(2024, 3, 1))
    with pytest.raises(ValidationError, match="必须晚于入职日期"):
        staff.leave(station, admin, p.id, dt.date(2024, 3, 1))
    left = staff.leave(station, admin, p.id, dt.date(2025, 12, 31), " 合同期满 ")
    assert (left.leave_date, left.leave_reason) == (dt.date(2025, 12, 31), "合同期满")
    assert not left.in_post(dt.date(2025, 12, 31)) and left.in_post(dt.date(2025, 12, 30))
    with pytest.raises(ValidationError, match="已于 2025-12-31 离职"):
        staff.leave(station, admin, p.id, dt.date(2026, 1, 5))
    with pytest.raises(ValidationError, match="必须早于离职日期"):
        staff.update_staff(station, admin, p.id, replace(left.as_input(), hire_date=dt.date(2026, 1, 1)))
    assert staff.reinstate(station, admin, p.id).leave_date is None
    assert [i.name for i in staff.list_staff(station, admin)] == [p.name]


def test_hire_date_cannot_move_after_training(station: Station, admin: Actor) -> None:
    from decimal import Decimal

    from sgz_desktop.core import training

    p = add(station, admin, 12, hire_date=dt.date(2025, 3, 1))
    moved = replace(p.as_input(), hire_date=dt.date(2025, 4, 11))
    pre = training.add_session(station, admin, training.SessionInput("岗前培训", "岗前培训", dt.date(2025, 2, 20),
                                                                     Decimal(6)))
    work = training.add_session(station, admin, training.SessionInput("实务", "实务培训", dt.date(2025, 4, 10),
                                                                      Decimal(3)))
    for s in (pre, work):
        training.set_attendance(station, admin, s.id, [training.AttendanceInput(p.id)])
    with pytest.raises(ValidationError, match=r"不能晚于 2025-04-10（此人 2025-04-10 已参加实务培训）"):
        staff.update_staff(station, admin, p.id, moved)
    # Pre-job training may precede the hire date by up to 90 days, other training may not.
    training.set_attendance(station, admin, work.id, [])
    staff.update_staff(station, admin, p.id, replace(moved, hire_date=dt.date(2025, 5, 21)))
    with pytest.raises(ValidationError, match=r"不能晚于 2025-05-21（此人 2025-02-20 已参加岗前培训）"):
        staff.update_staff(station, admin, p.id, replace(moved, hire_date=dt.date(2025, 5, 22)))


def test_delete_only_without_history(station: Station, admin: Actor) -> None:
    mistake = add(station, admin, 7)
    staff.delete_staff(station, admin, mistake.id)
    with pytest.raises(NotFound):
        staff.get_staff(station, admin, mistake.id)
    kept = add(station, admin, 8, hire_date=dt.date(2024, 1, 2))
    assessments.set_assessment(station, admin, kept.id, 2025, "合格", assessor="王丽")
    with pytest.raises(ValidationError, match="已有年度考核，不能删除"):
        staff.delete_staff(station, admin, kept.id)


def test_changes_are_audited_without_personal_numbers(station: Station, admin: Actor) -> None:
    p = add(station, admin, 9)
    staff.update_staff(station, admin, p.id, replace(p.as_input(), phone="13912345678", monthly_pay_fen=950_000))
    rows = audit.page_entries(station, admin, audit.AuditFilter(table_name="staff"), 0, 10)
    assert [r.action for r in rows] == ["update", "insert"]
    assert '"monthly_pay_fen": 950000' in rows[0].after and "〈已加密〉" in rows[0].after
    assert "13912345678" not in rows[0].after + rows[0].before
    assert p.id_number not in rows[1].after


def test_roles_without_edit_staff_see_masked_numbers_and_cannot_write(station: Station, admin: Actor) -> None:
    p = add(station, admin, 10)
    users.create_user(station, admin, username="zhanzhang", display_name="周站长", role=Role.HEAD,
                      password="Head2026pw", must_change_password=False)
    head = users.login(station, "zhanzhang", "Head2026pw")
    seen = staff.get_staff(station, head, p.id)
    assert seen.id_number == p.id_number[:6] + "********" + p.id_number[-4:] and seen.phone == "138****0010"
    with pytest.raises(ValidationError):
        seen.as_input()
    with pytest.raises(PermissionDenied, match="不能维护人员花名册"):
        staff.add_staff(station, head, person(11))
    with pytest.raises(PermissionDenied):
        staff.leave(station, head, p.id, dt.date(2026, 1, 1))


def test_roster_source_filters_sorts_pages_and_masks(station: Station, admin: Actor) -> None:
    cid = community_id(station, "花楼社区")
    for n in range(20, 45):
        add(station, admin, n, hire_date=dt.date(2024, 1, 1) + dt.timedelta(days=n))
    add(station, admin, 45, post="社区联络员", employment="兼职", community_id=cid, cert_level="无", cert_number="",
        cert_date=None)
    leaver = add(station, admin, 46)
    staff.leave(station, admin, leaver.id, dt.date(2025, 6, 1), "调离")
    source = RosterSource(station, admin)
    everyone = TableQuery()
    assert source.count(everyone) == 27
    assert source.count(everyone.with_filter("post", "社区联络员")) == 1
    assert source.count(everyone.with_filter("community_id", cid)) == 1
    assert source.count(everyone.with_filter("left", True)) == 1
    assert source.count(everyone.with_filter("in_post_on", dt.date(2024, 1, 25))) == 5  # hired 01-21 .. 01-25
    assert source.count(everyone.with_filter("in_post_on", dt.date(2026, 3, 2))) == 26  # all but the leaver
    assert source.count(everyone.with_filter("cert_level", "无")) == 1
    page = source.page(replace(everyone, sort_key="hire_date", descending=True), 0, 5)
    assert len(page) == 5 and [r[7] for r in page] == sorted((r[7] for r in page), reverse=True)
    first = page[0]
    assert len(first) == len(source.columns) + 1 and isinstance(first[-1], int)
    assert "********" in str(first[13]) and str(first[14]).startswith("138")  # ID masked; an editor sees the phone
    assert source.count(TableQuery(text=leaver.name)) == 1
    assert source.count(TableQuery(text=leaver.id_number.lower())) == 1  # a whole ID number: blind index
    assert len(list(iter_rows(source, everyone, page_size=7))) == 27
    # A locked station still lists names; the personal numbers say why they are missing.
    lock(station)
    locked = source.page(everyone, 0, 1)[0]
    assert locked[13] == LOCKED and locked[14] == LOCKED
    with pytest.raises(SecretUnavailable):
        staff.add_staff(station, admin, person(47))


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(digit=hs.integers(0, 16), delta=hs.integers(1, 9))
def test_any_single_digit_typo_in_an_id_number_is_refused(station: Station, admin: Actor, digit: int,
                                                            delta: int) -> None:
    good = person(48).id_number
    typo = good[:digit] + str((int(good[digit]) + delta) % 10) + good[digit + 1:]
    with pytest.raises(ValidationError) as err:
        staff.add_staff(station, admin, person(48, id_number=typo))
    assert _fields(err) >= {"身份证号"}
