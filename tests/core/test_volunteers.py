"""The volunteer registry: register, validate, duplicates, numbers, status, permissions, deletion."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select, text

from sgz_desktop.core import users, volunteers
from sgz_desktop.core.errors import NotFound, PermissionDenied, ValidationError
from sgz_desktop.core.models import Volunteer
from sgz_desktop.core.roles import Actor, Role
from sgz_desktop.core.station import Station
from tests.conftest import ADMIN_PASSWORD
from tests.core.staff_factory import community_id
from tests.core.volunteer_factory import add_activity, add_volunteer, approved, record, volunteer_input


def _actor(st: Station, admin: Actor, username: str, role: Role) -> Actor:
    users.create_user(st, admin, username=username, display_name=username, role=role, password=ADMIN_PASSWORD,
                      must_change_password=False)
    return users.login(st, username, ADMIN_PASSWORD)


def test_register_numbers_encrypts_and_masks(station: Station, admin: Actor) -> None:
    cid = community_id(station)
    first = add_volunteer(station, admin, 1, community_id=cid, phone="139 0000 0001", skills=" 理发、维修 ")
    second = add_volunteer(station, admin, 2)
    assert (first.volunteer_no, second.volunteer_no) == ("ZY000001", "ZY000002")
    assert first.community_name == "新华社区" and first.skills == "理发、维修" and first.phone == "13900000001"
    assert first.status == "在册" and first.gender in ("男", "女") and first.revealed
    with station.engine.connect() as conn:
        raw = conn.execute(text("SELECT id_number, phone FROM volunteer WHERE id = :i"), {"i": first.id}).one()
    assert first.id_number not in raw[0] and raw[0].startswith("v1:") and raw[1].startswith("v1:")
    head = _actor(station, admin, "zhanzhang", Role.HEAD)
    seen = volunteers.get_volunteer(station, head, first.id)
    assert not seen.revealed and "*" in seen.id_number and seen.phone == "139****0001"
    assert volunteers.find_volunteer(station, head, first.id_number).id == first.id  # by whole ID number
    assert volunteers.find_volunteer(station, head, "zy000002").id == second.id
    assert volunteers.find_volunteer(station, head, second.name).id == second.id
    with pytest.raises(NotFound):
        volunteers.find_volunteer(station, head, "ZY999999")


def test_same_person_twice_and_bad_values_are_refused(station: Station, admin: Actor) -> None:
    first = add_volunteer(station, admin, 3)
    with pytest.raises(ValidationError, match="同一人不能登记两次") as err:
        add_volunteer(station, admin, 4, id_number=first.id_number.lower(), name="别人")
    assert "ZY000001" in str(err.value)
    with pytest.raises(ValidationError) as err:
        add_volunteer(station, admin, 5, name="", id_number="420103196001010000", phone="123",
                      registered_on=dt.date(2027, 1, 1), volunteer_no="ZY 1")
    assert {p.field for p in err.value.problems} == {"姓名", "身份证号", "手机号", "注册日期", "志愿者编号"}
    with pytest.raises(ValidationError, match="已被其他志愿者使用"):
        add_volunteer(station, admin, 6, volunteer_no="ZY000001")
    with station.read() as s:
        assert len(s.scalars(select(Volunteer)).all()) == 1


def test_a_given_number_is_kept_and_the_next_follows_the_highest(station: Station, admin: Actor) -> None:
    add_volunteer(station, admin, 7, volunteer_no="ZY000041")
    add_volunteer(station, admin, 8, volunteer_no="42010300001")  # a number from another register
    assert add_volunteer(station, admin, 9).volunteer_no == "ZY000042"


def test_withdraw_refuses_later_hours_and_history_blocks_delete(station: Station, admin: Actor) -> None:
    v = add_volunteer(station, admin, 10)
    approved(station, admin, v.id, dt.date(2025, 6, 1))
    with pytest.raises(ValidationError, match="之后还有 1 条服务记录"):
        volunteers.set_status(station, admin, v.id, "已退出", dt.date(2025, 5, 1))
    out = volunteers.set_status(station, admin, v.id, "已退出", dt.date(2025, 7, 1))
    assert out.status == "已退出" and out.left_on == dt.date(2025, 7, 1)
    later = add_activity(station, admin, dt.date(2025, 8, 1))
    with pytest.raises(ValidationError, match="已于 2025-07-01 退出"):
        record(station, admin, later.id, v.id)
    with pytest.raises(ValidationError, match="已有服务记录，不能删除"):
        volunteers.delete_volunteer(station, admin, v.id)
    back = volunteers.set_status(station, admin, v.id, "在册")
    assert back.left_on is None
    spare = add_volunteer(station, admin, 11)
    volunteers.delete_volunteer(station, admin, spare.id)
    with pytest.raises(NotFound):
        volunteers.get_volunteer(station, admin, spare.id)


def test_roles(station: Station, admin: Actor) -> None:
    head = _actor(station, admin, "zhanzhang", Role.HEAD)
    worker = _actor(station, admin, "shegong", Role.SOCIAL_WORKER)
    with pytest.raises(PermissionDenied, match="不能维护志愿者"):
        volunteers.add_volunteer(station, head, volunteer_input(12))
    v = volunteers.add_volunteer(station, worker, volunteer_input(12))
    assert v.revealed
    assert volunteers.volunteer_choices(station, head, v.name[:2])[0].id == v.id


def test_registration_cannot_move_after_earned_points(station: Station, admin: Actor) -> None:
    from dataclasses import replace

    from sgz_desktop.core import volunteer_points
    from sgz_desktop.core.volunteer_points import RuleInput, add_rule

    add_rule(station, admin, RuleInput(dt.date(2020, 1, 1), 10, {}))
    v = add_volunteer(station, admin, 13)
    approved(station, admin, v.id, dt.date(2025, 6, 1))
    with pytest.raises(ValidationError, match="不能晚于此人最早的服务日期 2025-06-01"):
        volunteers.update_volunteer(station, admin, v.id, replace(v.as_input(), registered_on=dt.date(2025, 7, 1)))
    volunteer_points.adjust(station, admin, v.id, 5, "结转", on=dt.date(2024, 6, 1))
    with pytest.raises(ValidationError, match="不能晚于此人最早的积分记录日期 2024-06-01"):
        volunteers.update_volunteer(station, admin, v.id, replace(v.as_input(), registered_on=dt.date(2025, 1, 1)))
    again = volunteers.update_volunteer(station, admin, v.id, replace(v.as_input(), skills="摄影"))
    assert again.skills == "摄影" and again.volunteer_no == v.volunteer_no
