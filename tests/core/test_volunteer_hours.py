"""Activities and hours: overlaps and the 24-hour day refused, approval by the deputy head, revocation."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from decimal import Decimal

import pytest

from sgz_desktop.core import users, volunteer_activities, volunteer_hours, volunteer_points
from sgz_desktop.core.errors import PermissionDenied, ValidationError
from sgz_desktop.core.roles import Actor, Role
from sgz_desktop.core.station import Station
from sgz_desktop.core.volunteer_hours import HoursInput
from sgz_desktop.core.volunteer_points import RuleInput
from tests.conftest import ADMIN_PASSWORD
from tests.core.volunteer_factory import add_activity, add_volunteer, record

DAY = dt.date(2025, 5, 10)


def _worker(st: Station, admin: Actor) -> Actor:
    users.create_user(st, admin, username="shegong", display_name="李社工", role=Role.SOCIAL_WORKER,
                      password=ADMIN_PASSWORD, must_change_password=False)
    return users.login(st, "shegong", ADMIN_PASSWORD)


def test_activity_validation(station: Station, admin: Actor) -> None:
    with pytest.raises(ValidationError) as err:
        add_activity(station, admin, dt.date(2026, 3, 3), start="10:00", end="09:00", title=" ", activity_type="跳舞")
    assert {p.field for p in err.value.problems} == {"活动名称", "服务类型", "活动日期", "结束时间"}
    with pytest.raises(ValidationError, match="要么都填"):
        add_activity(station, admin, start="10:00", end=None)
    a = add_activity(station, admin)
    assert a.time_text == "09:00–11:30" and a.volunteers == 0


def test_overlapping_hours_on_one_day_are_refused(station: Station, admin: Actor) -> None:
    v = add_volunteer(station, admin)
    morning = add_activity(station, admin, DAY, start="09:00", end="11:30")
    record(station, admin, morning.id, v.id, "2.5")
    late_morning = add_activity(station, admin, DAY, start="11:00", end="12:00")
    with pytest.raises(ValidationError, match="与同日「社区助老探访 05-10 09:00」的服务时间 09:00–11:30 重叠"):
        record(station, admin, late_morning.id, v.id, "1")
    # signing in after the first activity ended is fine
    rec = record(station, admin, late_morning.id, v.id, None, starts_at=dt.time(11, 30), ends_at=dt.time(12, 0))
    assert rec.hours == Decimal("0.5")
    with pytest.raises(ValidationError, match="已登记过这次活动"):
        record(station, admin, morning.id, v.id, "1")


def test_more_than_24_hours_a_day_is_refused(station: Station, admin: Actor) -> None:
    v = add_volunteer(station, admin)
    first = add_activity(station, admin, DAY, start=None, end=None, title="防汛值守（上）")
    second = add_activity(station, admin, DAY, start=None, end=None, title="防汛值守（下）")
    record(station, admin, first.id, v.id, "20")
    with pytest.raises(ValidationError, match="当天累计服务时长将达 25 小时，超过 24 小时"):
        record(station, admin, second.id, v.id, "5")
    with pytest.raises(ValidationError, match="不能超过 24 小时"):
        record(station, admin, second.id, add_volunteer(station, admin).id, "24.5")
    record(station, admin, second.id, v.id, "4")


def test_hours_fit_the_times(station: Station, admin: Actor) -> None:
    v = add_volunteer(station, admin)
    a = add_activity(station, admin, DAY, start="09:00", end="11:30")
    with pytest.raises(ValidationError, match=r"3 小时超过活动时间 09:00–11:30 的时长 2\.5 小时"):
        record(station, admin, a.id, v.id, "3")
    with pytest.raises(ValidationError, match="超过签到到签退的时长 1 小时"):
        record(station, admin, a.id, v.id, "1.5", starts_at=dt.time(9, 0), ends_at=dt.time(10, 0))
    with pytest.raises(ValidationError, match="最多保留一位小数"):
        record(station, admin, a.id, v.id, "1.25")
    with pytest.raises(ValidationError, match="注册前的服务不能登记"):
        record(station, admin, a.id, add_volunteer(station, admin, registered_on=dt.date(2025, 6, 1)).id)
    assert record(station, admin, a.id, v.id, None).hours == Decimal("2.5")  # the activity's times


def test_one_bad_entry_records_nobody(station: Station, admin: Actor) -> None:
    a, b = add_volunteer(station, admin), add_volunteer(station, admin)
    act = add_activity(station, admin, DAY)
    with pytest.raises(ValidationError):
        volunteer_hours.record_hours(station, admin, act.id,
                                     [HoursInput(a.id, Decimal(2)), HoursInput(b.id, Decimal(9))])
    assert volunteer_hours.list_records(station, admin, activity_id=act.id) == []


def test_social_worker_records_deputy_approves_and_points_follow(station: Station, admin: Actor) -> None:
    worker = _worker(station, admin)
    volunteer_points.add_rule(station, admin, RuleInput(dt.date(2025, 1, 1), 10, {"助老服务": 150}))
    v = add_volunteer(station, admin)
    act = add_activity(station, worker, DAY)
    rec = record(station, worker, act.id, v.id, "2.5")
    assert rec.status == "pending" and rec.recorded_by == "李社工" and rec.status_label == "待审核"
    with pytest.raises(PermissionDenied, match="须由副站长办理"):
        volunteer_hours.approve_records(station, worker, [rec.id])
    result = volunteer_hours.approve_records(station, admin, [rec.id])
    assert (result.approved, result.points, result.without_points) == (1, 38, 0)  # 2.5 h x 10 x 1.5 = 37.5 -> 38
    done = volunteer_hours.list_records(station, admin, volunteer_id=v.id)[0]
    assert done.status == "approved" and done.decided_by == "王丽" and done.decided_at == dt.datetime(2026, 3, 2, 9, 30)
    assert volunteer_points.balance(station, admin, v.id) == 38
    with pytest.raises(ValidationError, match="不是待审核"):
        volunteer_hours.approve_records(station, admin, [rec.id])
    with pytest.raises(ValidationError, match="不能再修改日期"):
        volunteer_activities.update_activity(station, worker, act.id, replace(
            volunteer_activities.get_activity(station, admin, act.id).as_input(), held_on=DAY - dt.timedelta(days=1)))


def test_reject_resubmit_and_revoke(station: Station, admin: Actor) -> None:
    volunteer_points.add_rule(station, admin, RuleInput(dt.date(2025, 1, 1), 10, {}))
    v = add_volunteer(station, admin)
    act = add_activity(station, admin, DAY)
    rec = record(station, admin, act.id, v.id, "2")
    with pytest.raises(ValidationError, match="必须填写"):
        volunteer_hours.reject_records(station, admin, [rec.id], " ")
    volunteer_hours.reject_records(station, admin, [rec.id], "签到表上没有此人签名")
    again = volunteer_hours.update_record(station, admin, rec.id, HoursInput(v.id, Decimal("1.5")))
    assert again.status == "pending" and again.decision_note == "" and again.hours == Decimal("1.5")
    volunteer_hours.approve_records(station, admin, [rec.id])
    with pytest.raises(ValidationError, match="不能删除"):
        volunteer_hours.delete_record(station, admin, rec.id)
    assert volunteer_points.balance(station, admin, v.id) == 15
    gone = volunteer_hours.revoke_record(station, admin, rec.id, "重复登记")
    assert gone.status == "revoked" and volunteer_points.balance(station, admin, v.id) == 0
    kinds = [t.kind for t in volunteer_points.history(station, admin, v.id)]
    assert kinds == ["reversal", "earn"]
    # the day is free again once the hours are revoked
    other = add_activity(station, admin, DAY, title="另一场")
    record(station, admin, other.id, v.id, "2")


def test_moving_an_activity_with_pending_hours_rechecks_the_day(station: Station, admin: Actor) -> None:
    v = add_volunteer(station, admin)
    first = add_activity(station, admin, DAY, start="09:00", end="11:00")
    second = add_activity(station, admin, DAY, start="14:00", end="16:00")
    record(station, admin, first.id, v.id, "2")
    record(station, admin, second.id, v.id, "2")
    moved = replace(volunteer_activities.get_activity(station, admin, second.id).as_input(),
                    starts_at=dt.time(10, 0), ends_at=dt.time(12, 0))
    with pytest.raises(ValidationError, match="重叠"):
        volunteer_activities.update_activity(station, admin, second.id, moved)
    later = replace(moved, starts_at=dt.time(11, 0), ends_at=dt.time(13, 0))
    assert volunteer_activities.update_activity(station, admin, second.id, later).time_text == "11:00–13:00"
    with pytest.raises(ValidationError, match="不能删除"):
        volunteer_activities.delete_activity(station, admin, second.id)
