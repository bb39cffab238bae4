"""The volunteer area's cards on the dashboard and its ledger integrity check."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import text

from sgz_desktop.core import checks, volunteer_points, volunteer_rewards
from sgz_desktop.core.checks import Status
from sgz_desktop.core.clock import FixedClock
from sgz_desktop.core.roles import Actor
from sgz_desktop.core.station import Station
from sgz_desktop.core.volunteer_points import RuleInput
from sgz_desktop.core.volunteer_rewards import ItemInput
from tests.core.volunteer_factory import add_activity, add_volunteer, approved, record


def _cards(st: Station) -> dict[str, checks.CheckResult]:
    return {r.key: r for r in checks.run_compliance(st) if r.area == "volunteers"}


def test_an_empty_station_is_told_what_to_set_up(station: Station) -> None:
    cards = _cards(station)
    assert set(cards) == {"volunteers.pending", "volunteers.idle", "volunteers.stars", "volunteers.rule",
                          "volunteers.stock"}
    assert cards["volunteers.rule"].status == Status.WARNING and cards["volunteers.rule"].article == "第二十一条"
    assert cards["volunteers.idle"].figure == "未登记志愿者"


def test_cards_follow_the_data(station: Station, admin: Actor, clock: FixedClock) -> None:
    volunteer_points.add_rule(station, admin, RuleInput(dt.date(2024, 1, 1), 10, {}))
    busy, idle = add_volunteer(station, admin), add_volunteer(station, admin)
    for month in range(1, 11):  # 100 hours: one star due
        approved(station, admin, busy.id, dt.date(2025, month, 3), "10")
    act = add_activity(station, admin, dt.date(2026, 2, 1))
    record(station, admin, act.id, busy.id, "2")
    volunteer_rewards.add_item(station, admin, ItemInput("雨伞", 50, 0))
    clock.advance(days=40)  # 2026-04-11: the record waited 40 days, the second quarter has begun
    cards = _cards(station)
    pending = cards["volunteers.pending"]
    assert pending.status == Status.WARNING and "超过 14 天 1 条" in pending.figure
    assert cards["volunteers.idle"].status == Status.WARNING and idle.name in cards["volunteers.idle"].detail
    assert cards["volunteers.idle"].figure == "1/2 人已参加服务"
    assert cards["volunteers.stars"].people == (f"{busy.name}（一星）",)
    assert cards["volunteers.rule"].status == Status.OK and cards["volunteers.rule"].figure == "每小时 10 分"
    assert "雨伞" in cards["volunteers.stock"].detail


def test_ledger_integrity_catches_a_tampered_balance(station: Station, admin: Actor) -> None:
    v = add_volunteer(station, admin)
    volunteer_points.adjust(station, admin, v.id, 10, "结转")
    volunteer_points.adjust(station, admin, v.id, 5, "奖励")
    ours = [r for r in checks.run_integrity(station) if r.area == "volunteers"]
    assert [r.status for r in ours] == [Status.OK, Status.OK]
    with station.engine.begin() as conn:  # someone edits the file behind the app's back
        conn.execute(text("DROP TRIGGER point_transaction_no_update"))
        conn.execute(text("UPDATE point_transaction SET balance_after = 99 WHERE amount = 5"))
    ours = {r.key: r for r in checks.run_integrity(station) if r.area == "volunteers"}
    assert ours["volunteers.ledger"].status == Status.FAILING and "1 笔不一致" in ours["volunteers.ledger"].figure
    assert ours["volunteers.ledger_guard"].status == Status.FAILING
