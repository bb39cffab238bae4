"""The points ledger: derived balance, never negative, reversals, rules by effective date, expiry, and two
redemptions at once."""

from __future__ import annotations

import datetime as dt
import threading
from itertools import count

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as hs
from sqlalchemy import select

from sgz_desktop.core import settings as sgz_settings
from sgz_desktop.core import users, volunteer_hours, volunteer_points, volunteer_rewards, volunteers
from sgz_desktop.core.errors import PermissionDenied, ValidationError
from sgz_desktop.core.models import PointTransaction
from sgz_desktop.core.paths import DataDir
from sgz_desktop.core.roles import Actor, Role
from sgz_desktop.core.secrets import KeyringSecretStore
from sgz_desktop.core.station import Station, open_station
from sgz_desktop.core.volunteer_points import RuleInput
from sgz_desktop.core.volunteer_rewards import ItemInput
from tests.conftest import ADMIN_PASSWORD
from tests.core.volunteer_factory import add_activity, add_volunteer, approved, record


def _running_totals_hold(st: Station) -> None:
    """Every row's balance_after is the sum so far; the latest equals the whole ledger's sum."""
    with st.read() as s:
        rows = s.execute(select(PointTransaction.volunteer_id, PointTransaction.amount, PointTransaction.balance_after)
                         .order_by(PointTransaction.id)).all()
    running: dict[int, int] = {}
    for vid, amount, after in rows:
        running[vid] = running.get(vid, 0) + amount
        assert after == running[vid] >= 0
    for vid, total in running.items():
        assert volunteer_points.balance_in_station(st, vid) == total == volunteer_points.ledger_sum(st, vid)


def test_adjustments_need_the_deputy_and_a_reason_and_never_overdraw(station: Station, admin: Actor) -> None:
    users.create_user(station, admin, username="shegong", display_name="李社工", role=Role.SOCIAL_WORKER,
                      password=ADMIN_PASSWORD, must_change_password=False)
    worker = users.login(station, "shegong", ADMIN_PASSWORD)
    v = add_volunteer(station, admin)
    with pytest.raises(PermissionDenied, match="李社工（社工）不能调整积分，须由副站长办理"):
        volunteer_points.adjust(station, worker, v.id, 10, "纸质台账结转")
    with pytest.raises(ValidationError, match="原因"):
        volunteer_points.adjust(station, admin, v.id, 10, "  ")
    plus = volunteer_points.adjust(station, admin, v.id, 30, "纸质台账结转")
    assert plus.balance_after == 30 and plus.kind_label == "调整" and plus.created_by == "王丽"
    with pytest.raises(ValidationError, match="积分余额 30 分，不够扣减 31 分"):
        volunteer_points.adjust(station, admin, v.id, -31, "误登记")
    volunteer_points.adjust(station, admin, v.id, -30, "误登记")
    assert volunteer_points.balance(station, admin, v.id) == 0
    _running_totals_hold(station)


def test_reversal_rules(station: Station, admin: Actor) -> None:
    volunteer_points.add_rule(station, admin, RuleInput(dt.date(2024, 1, 1), 10, {}))
    v = add_volunteer(station, admin)
    rec = approved(station, admin, v.id, dt.date(2025, 3, 1), "3")
    earn = volunteer_points.history(station, admin, v.id)[0]
    with pytest.raises(ValidationError, match="撤销对应的记录"):
        volunteer_points.reverse(station, admin, earn.id, "错了")
    extra = volunteer_points.adjust(station, admin, v.id, 5, "表彰奖励")
    back = volunteer_points.reverse(station, admin, extra.id, "奖励重复发放")
    assert back.amount == -5 and back.reverses_id == extra.id and back.balance_after == 30
    with pytest.raises(ValidationError, match="已经冲正过"):
        volunteer_points.reverse(station, admin, extra.id, "again")
    with pytest.raises(ValidationError, match="冲正记录本身不能再冲正"):
        volunteer_points.reverse(station, admin, back.id, "again")
    item = volunteer_rewards.add_item(station, admin, ItemInput("洗衣液", 25, 3))
    volunteer_rewards.redeem(station, admin, v.id, item.id)
    with pytest.raises(ValidationError, match="积分余额 5 分，少于这条时长获得的 30 分（积分已兑换使用），不能撤销"):
        volunteer_hours.revoke_record(station, admin, rec.id, "重复登记")  # its points are spent
    assert volunteer_hours.list_records(station, admin, volunteer_id=v.id)[0].status == "approved"
    _running_totals_hold(station)


def test_a_changed_rule_leaves_last_years_points_unchanged(station: Station, admin: Actor) -> None:
    old = volunteer_points.add_rule(station, admin, RuleInput(dt.date(2024, 1, 1), 10, {"环境保护": 200}))
    v = add_volunteer(station, admin)
    approved(station, admin, v.id, dt.date(2025, 6, 1), "2")  # 20
    approved(station, admin, v.id, dt.date(2025, 7, 1), "1", activity_type="环境保护")  # 20
    late = add_activity(station, admin, dt.date(2025, 12, 20), start=None, end=None, title="年终慰问")
    pending = record(station, admin, late.id, v.id, "1")
    last_year = [t.amount for t in volunteer_points.history(station, admin, v.id)]
    with pytest.raises(ValidationError, match="2025-07-01 及以前的服务已按原规则发放积分，新规则最早从 2025-07-02"):
        volunteer_points.add_rule(station, admin, RuleInput(dt.date(2025, 1, 1), 20, {}))
    new = volunteer_points.add_rule(station, admin, RuleInput(dt.date(2026, 1, 1), 20, {}, "2026 年起每小时 20 分"))
    assert [t.amount for t in volunteer_points.history(station, admin, v.id)] == last_year == [20, 20]
    volunteer_hours.approve_records(station, admin, [pending.id])  # a 2025 day: still the 2025 rule
    approved(station, admin, v.id, dt.date(2026, 2, 1), "1")  # a 2026 day: the new rule
    rows = volunteer_points.history(station, admin, v.id)
    assert [(t.amount, t.rule_id) for t in rows[:2]] == [(20, new.id), (10, old.id)]
    assert volunteer_points.balance(station, admin, v.id) == 70
    with pytest.raises(ValidationError, match="不能删除"):
        volunteer_points.delete_rule(station, admin, old.id)
    rules = volunteer_points.list_rules(station, admin)
    assert [(r.points_per_hour, r.earned_rows > 0) for r in rules] == [(20, True), (10, True)]
    assert rules[1].multiplier_text == "环境保护×2"


def test_rule_without_days_covered_earns_nothing_yet(station: Station, admin: Actor) -> None:
    v = add_volunteer(station, admin)
    act = add_activity(station, admin, dt.date(2025, 4, 1))
    rec = record(station, admin, act.id, v.id, "2")
    result = volunteer_hours.approve_records(station, admin, [rec.id])
    assert (result.points, result.without_points) == (0, 1)
    assert volunteer_points.history(station, admin, v.id) == []


def test_expiry_takes_unspent_old_points_once(station: Station, admin: Actor) -> None:
    volunteer_points.add_rule(station, admin, RuleInput(dt.date(2024, 1, 1), 10, {}))
    sgz_settings.set_value(station, admin, volunteer_points.EXPIRE_MONTHS.key, 12)
    v = add_volunteer(station, admin)
    approved(station, admin, v.id, dt.date(2024, 6, 1), "5")  # 50, older than a year on 2026-03-02
    item = volunteer_rewards.add_item(station, admin, ItemInput("毛巾", 20, 10))
    volunteer_rewards.redeem(station, admin, v.id, item.id)  # spends the oldest points first
    approved(station, admin, v.id, dt.date(2025, 12, 1), "3")  # 30, still valid
    result = volunteer_points.expire_points(station, admin)
    assert (result.cutoff, result.volunteers, result.points) == (dt.date(2025, 3, 2), 1, 30)
    assert volunteer_points.balance(station, admin, v.id) == 30
    assert volunteer_points.expire_points(station, admin).points == 0
    _running_totals_hold(station)


def test_two_redemptions_at_once_exactly_one_succeeds(station: Station, admin: Actor, data_dir: DataDir) -> None:
    v = add_volunteer(station, admin)
    volunteer_points.adjust(station, admin, v.id, 100, "结转")
    item = volunteer_rewards.add_item(station, admin, ItemInput("保温杯", 60, 5))
    stations = [open_station(data_dir, clock=station.clock, secret_store=KeyringSecretStore()) for _ in range(2)]
    gate = threading.Barrier(2)
    outcomes: list[object] = []

    def redeem(st: Station) -> None:
        gate.wait()
        try:
            outcomes.append(volunteer_rewards.redeem(st, admin, v.id, item.id))
        except ValidationError as err:
            outcomes.append(err)

    threads = [threading.Thread(target=redeem, args=(st,)) for st in stations]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    for st in stations:
        st.close()
    errors = [o for o in outcomes if isinstance(o, ValidationError)]
    assert len(outcomes) == 2 and len(errors) == 1
    assert "积分余额 40 分，兑换需要 60 分" in str(errors[0])
    assert volunteer_points.balance(station, admin, v.id) == 40
    assert volunteer_rewards.list_items(station, admin)[0].stock == 4
    _running_totals_hold(station)


_days = count()


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(hs.lists(hs.tuples(hs.sampled_from(("earn", "redeem", "adjust", "reverse")), hs.integers(0, 2),
                          hs.integers(-40, 60)), max_size=14))
def test_balance_always_equals_the_ledger(station: Station, admin: Actor,
                                          ops: list[tuple[str, int, int]]) -> None:
    if not volunteer_points.list_rules(station, admin):
        volunteer_points.add_rule(station, admin, RuleInput(dt.date(2024, 1, 1), 10, {"助老服务": 150}))
        for n in range(3):
            add_volunteer(station, admin, 900 + n)
        volunteer_rewards.add_item(station, admin, ItemInput("大米", 15, 1000))
    people = [c.id for c in volunteers.volunteer_choices(station, admin)]
    item = volunteer_rewards.list_items(station, admin)[0].id
    for op, who, amount in ops:
        vid = people[who]
        try:
            if op == "earn":
                day = dt.date(2024, 1, 2) + dt.timedelta(days=next(_days) % 700)
                approved(station, admin, vid, day, str(max(abs(amount) % 8, 1)))
            elif op == "redeem":
                volunteer_rewards.redeem(station, admin, vid, item, max(abs(amount) % 3, 1))
            elif op == "adjust":
                volunteer_points.adjust(station, admin, vid, amount or 1, "测试")
            else:
                _reverse_something(station, admin, vid)
        except ValidationError:
            pass  # refused (short balance, already reversed...): nothing may have changed half-way
        _running_totals_hold(station)


def _reverse_something(st: Station, admin: Actor, vid: int) -> None:
    rows = [t for t in volunteer_points.history(st, admin, vid) if t.kind != "reversal"]
    if not rows:
        return
    t = rows[len(rows) // 2]
    if t.kind == "earn" and t.service_record_id is not None:
        volunteer_hours.revoke_record(st, admin, t.service_record_id, "测试撤销")
    elif t.kind == "redeem" and t.redemption_id is not None:
        volunteer_rewards.cancel_redemption(st, admin, t.redemption_id, "测试作废")
    else:
        volunteer_points.reverse(st, admin, t.id, "测试冲正")
