"""Checks of the volunteer area (Art. 21 积分管理, Art. 22 志愿者管理制度): hours approved in time, volunteers
who have not served this year, stars due, a points rule in place, rewards in stock; and the integrity of
the points ledger (running balances, append-only guards).
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func, select, text

from .checks import CheckResult, Status, compliance_check, integrity_check, today
from .models import PointRule, PointTransaction, RewardItem, ServiceRecord, Volunteer, VolunteerActivity
from .roles import SYSTEM
from .station import Station
from .volunteer_activities import PENDING
from .volunteer_stars import STAR_NAMES, star_statuses
from .volunteer_stats import idle_volunteers

ART_21, ART_22 = "第二十一条", "第二十二条"
PENDING_DAYS = 14  # hours waiting longer than this for approval need attention
MAX_NAMES = 8


def _names(names: list[str]) -> str:
    return "、".join(names[:MAX_NAMES]) + (f" 等 {len(names)} 人" if len(names) > MAX_NAMES else "")


@compliance_check("volunteers")
def hours_approved_in_time(st: Station) -> CheckResult:
    """服务时长及时审核"""
    limit = st.clock.now() - dt.timedelta(days=PENDING_DAYS)
    with st.read() as s:
        total = s.scalar(select(func.count()).select_from(ServiceRecord).where(ServiceRecord.status == PENDING)) or 0
        late = s.execute(select(Volunteer.name, VolunteerActivity.title)
                         .join(ServiceRecord, ServiceRecord.volunteer_id == Volunteer.id)
                         .join(VolunteerActivity, VolunteerActivity.id == ServiceRecord.activity_id)
                         .where(ServiceRecord.status == PENDING, ServiceRecord.recorded_at < limit)
                         .order_by(ServiceRecord.recorded_at)).all()
    people = sorted({name for name, _t in late})
    activities = sorted({title for _n, title in late})
    return CheckResult(
        "volunteers.pending", "volunteers", "服务时长及时审核", ART_22, Status.WARNING if late else Status.OK,
        f"待审核 {total} 条" + (f"，超过 {PENDING_DAYS} 天 {len(late)} 条" if late else ""),
        (f"有 {len(late)} 条服务时长登记已超过 {PENDING_DAYS} 天仍未审核（{'、'.join(activities[:3])}"
         f"{'等' if len(activities) > 3 else ''}），请副站长在“志愿者 → 服务时长”中审核。") if late else
        ("所有服务时长都已审核。" if not total else f"{total} 条服务时长等待审核，均在 {PENDING_DAYS} 天内。"),
        tuple(people))


@compliance_check("volunteers")
def volunteers_serving_this_year(st: Station) -> CheckResult:
    """本年度参加服务的志愿者"""
    on = today(st)
    idle = idle_volunteers(st, SYSTEM, on.year)
    with st.read() as s:
        registered = s.scalar(select(func.count()).select_from(Volunteer).where(
            Volunteer.status != "已退出", Volunteer.registered_on <= on)) or 0
    # Early in the year nearly everyone is still "idle": only remind from the second quarter on.
    remind = bool(idle) and on >= dt.date(on.year, 4, 1)
    names = [f"{name}（{no}）" for no, name in idle]
    return CheckResult(
        "volunteers.idle", "volunteers", "本年度参加服务的志愿者", ART_22, Status.WARNING if remind else Status.OK,
        f"{registered - len(idle)}/{registered} 人已参加服务" if registered else "未登记志愿者",
        (f"{on.year} 年尚未参加服务：{_names(names)}。可电话联系，了解是否仍愿意参加；不再参加的请办理退出。"
         if idle else "在册志愿者本年度都参加过服务。") if registered else
        "还没有登记志愿者。可在“志愿者 → 志愿者名册”中登记，或从 Excel 导入。", tuple(names))


@compliance_check("volunteers")
def stars_awarded(st: Station) -> CheckResult:
    """志愿者星级及时评定"""
    due = star_statuses(st, SYSTEM, due_only=True)
    names = [f"{x.name}（{STAR_NAMES[x.reached]}）" for x in due]
    return CheckResult(
        "volunteers.stars", "volunteers", "志愿者星级及时评定", ART_21, Status.WARNING if due else Status.OK,
        f"{len(due)} 人待评定" if due else "已评定",
        f"累计服务时长已达到更高星级、尚未评定：{_names(names)}。请在“志愿者 → 星级评定”中评定。" if due else
        "所有志愿者的星级与累计服务时长相符。", tuple(names))


@compliance_check("volunteers")
def points_rule_in_place(st: Station) -> CheckResult:
    """已设定志愿积分规则"""
    on = today(st)
    with st.read() as s:
        current = s.execute(select(PointRule.effective_from, PointRule.points_per_hour)
                            .where(PointRule.effective_from <= on).order_by(PointRule.effective_from.desc())
                            .limit(1)).first()
    if current is None:
        return CheckResult("volunteers.rule", "volunteers", "已设定志愿积分规则", ART_21, Status.WARNING, "未设定",
                           "还没有适用于今天的积分规则，审核通过的服务时长不会产生积分。"
                           "请副站长在“志愿者 → 积分规则”中设定（第二十一条：协助街道建立社区志愿服务积分管理制度）。")
    return CheckResult("volunteers.rule", "volunteers", "已设定志愿积分规则", ART_21, Status.OK,
                       f"每小时 {current[1]} 分", f"现行规则自 {current[0]:%Y-%m-%d} 起生效。")


@compliance_check("volunteers")
def rewards_in_stock(st: Station) -> CheckResult:
    """兑换物品有库存"""
    with st.read() as s:
        items = s.execute(select(RewardItem.name, RewardItem.stock).where(RewardItem.active.is_(True))).all()
    empty = [name for name, stock in items if stock <= 0]
    return CheckResult(
        "volunteers.stock", "volunteers", "兑换物品有库存", ART_21, Status.WARNING if empty else Status.OK,
        f"{len(items) - len(empty)}/{len(items)} 种有货" if items else "未设兑换目录",
        f"已无库存：{'、'.join(empty)}。请补货入库，或停止兑换。" if empty else
        ("兑换目录中的物品都有库存。" if items else "还没有兑换目录；积分可兑换的物品在“志愿者 → 积分兑换”中设置。"))


@integrity_check("volunteers")
def ledger_consistent(st: Station, deep: bool) -> list[CheckResult]:
    """Every running balance equals the sum of the volunteer's rows so far, and none is negative."""
    bad: list[str] = []
    running: dict[int, int] = {}
    rows = 0
    with st.read() as s:
        for tid, vid, amount, after in s.execute(select(PointTransaction.id, PointTransaction.volunteer_id,
                                                        PointTransaction.amount, PointTransaction.balance_after)
                                                 .order_by(PointTransaction.id)):
            rows += 1
            running[vid] = running.get(vid, 0) + amount
            if after != running[vid] or after < 0:
                bad.append(f"#{tid}")
                running[vid] = after  # report each break once
    results = [CheckResult(
        "volunteers.ledger", "volunteers", "积分明细余额连续一致", ART_21, Status.FAILING if bad else Status.OK,
        f"{rows} 笔" + (f"，{len(bad)} 笔不一致" if bad else ""),
        f"以下积分记录的余额与此前各笔之和不符：{'、'.join(bad[:10])}。积分明细可能被改动过，请从备份核对。" if bad else
        "每一笔积分记录的余额都等于此前各笔之和，且没有负余额。")]
    if st.engine.dialect.name == "sqlite":
        with st.engine.connect() as conn:
            found = {str(r[0]) for r in conn.execute(text(
                "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'point_transaction'"))}
        missing = sorted({"point_transaction_no_update", "point_transaction_no_delete"} - found)
        results.append(CheckResult(
            "volunteers.ledger_guard", "volunteers", "积分明细只能追加", ART_21,
            Status.FAILING if missing else Status.OK,
            "已保护" if not missing else "保护缺失",
            "积分明细有防修改、防删除保护。" if not missing else f"积分明细的保护触发器缺失（{'、'.join(missing)}）。"))
    return results
