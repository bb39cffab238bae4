"""Demo volunteers: hundreds of registered volunteers across the communities (a few paused or withdrawn),
years of service activities with approved hours (a handful of keen volunteers doing most of it, as in
real stations), two points rules, a catalogue with redemptions, a hand adjustment and its reversal, a
revoked record, stars awarded (a few still due), certificates issued, and the last fortnight's hours
still waiting for the deputy head (one sheet overdue), so the dashboard shows real reminders.

Everything is generated in memory in date order and written in bulk (one INSERT per few thousand rows)
with the ledger's running balances computed here; the audit log gets one summary event. ``--scale 10``
gives well over 100 000 point transactions.
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
import random
from collections import defaultdict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, insert, select

from . import audit
from .models import (
    Certificate,
    Community,
    PointRule,
    PointTransaction,
    Project,
    Redemption,
    RewardItem,
    ServiceRecord,
    Volunteer,
    VolunteerActivity,
)
from .roles import SYSTEM
from .validation import mask_id_number
from .volunteer_certificates import content_text
from .volunteer_points import points_for
from .volunteer_stars import level_for
from .volunteers import ACTIVE, ID_CONTEXT, ID_TYPE, PAUSED, WITHDRAWN

if TYPE_CHECKING:
    from .demo import DemoContext

VOLUNTEERS_PER_SCALE = 320
RECORDS_PER_SCALE_YEAR = 5200  # asked for; registration dates and busy days leave ~85 % of it
VISITS_PER_SCALE_YEAR = 200  # days someone comes to exchange points
PENDING_DAYS = 12  # activities of the last days wait for approval
SKILLS = ("理发", "家电维修", "心理疏导", "摄影", "文艺表演", "书法", "法律咨询", "医疗护理", "手工编织", "电脑辅导",
          "垃圾分类宣传", "助老陪伴", "儿童课业辅导", "驾驶", "烹饪", "")
# (type, title, place, hours range, content)
ACTIVITIES = (
    ("助老服务", "独居老人上门探访", "辖区独居老人家中", (1.5, 2.5), "上门探访独居、空巢老人，陪伴聊天，检查水电气"),
    ("助老服务", "老年食堂助餐服务", "社区老年食堂", (2.0, 3.0), "协助分餐、送餐上门，维持就餐秩序"),
    ("助老服务", "重阳敬老包饺子", "社区党群服务中心", (2.5, 3.5), "与社区老人一起包饺子，开展敬老文艺表演"),
    ("助残服务", "残疾人康复陪伴", "社区康复室", (2.0, 3.0), "陪伴残疾人开展康复训练，协助申请两项补贴"),
    ("儿童关爱", "“四点半课堂”课业辅导", "社区四点半课堂", (1.5, 2.0), "为双职工家庭子女提供放学后课业辅导和安全看护"),
    ("儿童关爱", "留守儿童暑期夏令营", "社区活动室", (3.0, 4.0), "组织留守儿童开展阅读、手工和安全教育活动"),
    ("社会救助", "困难家庭走访慰问", "辖区困难家庭", (2.0, 3.0), "走访低保、特困家庭，了解需求，送去慰问物资"),
    ("社区治理", "文明楼栋创建清洁日", "辖区小区楼栋", (2.0, 3.0), "清理楼道堆积物，张贴文明公约，入户宣传"),
    ("社区治理", "反诈宣传进社区", "社区广场", (1.5, 2.5), "发放防诈骗宣传资料，指导居民安装国家反诈中心App"),
    ("环境保护", "垃圾分类桶边督导", "小区垃圾投放点", (1.5, 2.0), "在垃圾投放点指导居民分类投放"),
    ("环境保护", "府河湿地环保行动", "府河湿地公园", (3.0, 4.0), "捡拾垃圾，宣传湿地保护知识"),
    ("文明实践", "文明交通劝导", "后湖大道路口", (2.0, 2.5), "在路口劝导行人和非机动车遵守交通规则"),
    ("应急服务", "防汛值守巡查", "社区防汛点", (3.0, 4.0), "汛期值守，巡查低洼地段，协助转移群众"),
    ("文体服务", "社区文艺汇演服务", "社区文化广场", (2.5, 3.5), "协助布置场地、引导观众、维持秩序"),
    ("其他", "社区义诊服务", "社区卫生服务站", (2.5, 3.0), "协助医生开展义诊，为居民测量血压血糖"),
    ("其他", "爱心义剪", "社区党群服务中心", (2.0, 3.0), "为社区老人、残疾人免费理发"),
)
STARTS = (dt.time(8, 30), dt.time(9, 0), dt.time(9, 30), dt.time(14, 0), dt.time(14, 30), dt.time(15, 0),
          dt.time(19, 0))
ITEMS = (("抽纸（一提）", 80, 0.08), ("毛巾", 60, 0.06), ("洗衣液", 150, 0.07), ("大米（10斤）", 300, 0.05),
         ("食用油（5L）", 500, 0.05), ("雨伞", 120, 0.02), ("保温杯", 250, 0.04), ("理发服务券", 50, 0.05),
         ("超市购物卡（50元）", 600, 0.04), ("社区体检套餐", 1000, 0.02))


@dataclass
class _Volunteer:
    id: int
    number: str
    name: str
    id_number: str
    community_id: int | None
    registered_on: dt.date
    status: str
    left_on: dt.date | None
    weight: float
    balance: int = 0
    tenths: int = 0

    def can_serve(self, day: dt.date) -> bool:
        return self.registered_on <= day and (self.left_on is None or day <= self.left_on)


@dataclass
class _Demo:
    ctx: DemoContext
    worker: str
    deputy: str
    volunteers: list[_Volunteer] = field(default_factory=list)
    rules: list[dict[str, Any]] = field(default_factory=list)
    items: list[dict[str, Any]] = field(default_factory=list)
    activities: list[dict[str, Any]] = field(default_factory=list)
    records: list[dict[str, Any]] = field(default_factory=list)
    redemptions: list[dict[str, Any]] = field(default_factory=list)
    ledger: list[dict[str, Any]] = field(default_factory=list)
    certificates: list[dict[str, Any]] = field(default_factory=list)
    receipts: dict[int, int] = field(default_factory=lambda: defaultdict(int))  # receipts issued per year

    @property
    def rnd(self) -> random.Random:
        return self.ctx.rnd


def _at(day: dt.date, hour: int = 10, minute: int = 0) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour, minute))


# --- registry ----------------------------------------------------------------------------------------------

def _volunteers(d: _Demo, communities: list[int]) -> list[dict[str, Any]]:
    ctx, rnd = d.ctx, d.rnd
    cipher = ctx.st.require_unlocked()
    count = VOLUNTEERS_PER_SCALE * ctx.scale
    early = ctx.start - dt.timedelta(days=365)
    days = sorted(ctx.day_between(early, ctx.today - dt.timedelta(days=20)) for _ in range(count))
    rows = []
    for i, registered in enumerate(days, start=1):
        p = ctx.people.person(*ctx.birth_range(18, 72))
        status, left = ACTIVE, None
        roll = rnd.random()
        if roll < 0.05:
            status, left = WITHDRAWN, ctx.day_between(registered + dt.timedelta(days=30), ctx.today)
            left = min(left, ctx.today - dt.timedelta(days=1))
        elif roll < 0.08:
            status = PAUSED
        weight = min(rnd.paretovariate(1.3), 40.0)  # a few keen volunteers do much of the service
        v = _Volunteer(i, f"ZY{i:06d}", p.name, p.id_number, rnd.choice(communities) if communities else None,
                       registered, status, left, weight)
        d.volunteers.append(v)
        skills = "、".join(sorted({rnd.choice(SKILLS) for _ in range(rnd.randint(0, 2))} - {""}))
        rows.append({"id": i, "volunteer_no": v.number, "name": p.name, "gender": p.gender, "id_number": p.id_number,
                     "id_number_index": cipher.blind_index(p.id_number, ID_CONTEXT),
                     "phone": p.phone if rnd.random() < 0.95 else "", "community_id": v.community_id,
                     "skills": skills, "registered_on": registered, "status": status, "left_on": left,
                     "star_level": 0, "star_awarded_on": None, "notes": ""})
    return rows


def _rules_and_items(d: _Demo) -> None:
    start, today = d.ctx.start, d.ctx.today
    change = dt.date(start.year + 1 + (start.month > 6), 1, 1)
    if change > today - dt.timedelta(days=60):
        change = start + (today - start) / 2
    d.rules = [
        {"id": 1, "effective_from": start - dt.timedelta(days=365), "points_per_hour": 10,
         "multipliers": json.dumps({"应急服务": 150, "助老服务": 120}, ensure_ascii=False, sort_keys=True),
         "note": "街道志愿服务积分管理办法（试行）：每服务 1 小时积 10 分", "created_by": d.deputy,
         "created_at": _at(start - dt.timedelta(days=370))},
        {"id": 2, "effective_from": change, "points_per_hour": 12,
         "multipliers": json.dumps({"应急服务": 150, "助老服务": 120, "助残服务": 120}, ensure_ascii=False,
                                   sort_keys=True),
         "note": "积分管理办法修订：每小时 12 分，助残服务加计", "created_by": d.deputy,
         "created_at": _at(change - dt.timedelta(days=20))},
    ]
    scale = d.ctx.scale * d.ctx.years
    d.items = [{"id": i, "name": name, "points_cost": cost, "stock": int(200 * share * scale) + 5, "active": True,
                "notes": ""} for i, (name, cost, share) in enumerate(ITEMS, start=1)]


def _rule_for(d: _Demo, day: dt.date) -> dict[str, Any]:
    return d.rules[1] if day >= d.rules[1]["effective_from"] else d.rules[0]


# --- activities and hours --------------------------------------------------------------------------------------

def _activities(d: _Demo, communities: list[tuple[int, str]], projects: list[int]) -> None:
    ctx, rnd = d.ctx, d.rnd
    by_community: dict[int | None, list[_Volunteer]] = defaultdict(list)
    for v in d.volunteers:
        by_community[v.community_id].append(v)
    pools = {cid: (people, list(itertools.accumulate(p.weight for p in people)))
             for cid, people in by_community.items()}
    everyone = (d.volunteers, list(itertools.accumulate(v.weight for v in d.volunteers)))
    busy: dict[dt.date, set[int]] = defaultdict(set)
    total_days = (ctx.today - ctx.start).days
    per_day = RECORDS_PER_SCALE_YEAR * ctx.scale / 365 / 13
    record_id = itertools.count(1)
    for offset in range(total_days):
        day = ctx.start + dt.timedelta(days=offset)
        n = int(per_day) + (rnd.random() < per_day % 1)
        for _ in range(n):
            kind, title, place, (low, high), content = rnd.choice(ACTIVITIES)
            cid, cname = rnd.choice(communities) if communities else (None, "")
            begin = rnd.choice(STARTS)
            minutes = int(rnd.uniform(low, high) * 2) * 30
            end = (dt.datetime.combine(day, begin) + dt.timedelta(minutes=minutes)).time()
            if end <= begin:
                continue
            activity_id = len(d.activities) + 1
            d.activities.append({
                "id": activity_id, "title": f"{cname}{title}" if cname else title, "activity_type": kind,
                "held_on": day, "starts_at": begin, "ends_at": end,
                "place": place.replace("社区", cname, 1) if cname and place.startswith("社区") else place,
                "project_id": rnd.choice(projects) if projects and rnd.random() < 0.6 else None,
                "community_id": cid, "organiser": f"{cname}居委会" if cname else "社工站", "content": content,
                "created_by": d.worker, "created_at": _at(day + dt.timedelta(days=1))})
            pending = day > ctx.today - dt.timedelta(days=PENDING_DAYS)
            people, cum = pools.get(cid, everyone) if rnd.random() < 0.8 else everyone
            wanted = rnd.randint(6, 20)
            for v in {id(p): p for p in rnd.choices(people, cum_weights=cum, k=wanted * 2)}.values():
                if wanted == 0:
                    break
                if not v.can_serve(day) or v.id in busy[day]:
                    continue
                wanted -= 1
                busy[day].add(v.id)
                tenths = minutes // 6 - (5 if rnd.random() < 0.15 and minutes > 60 else 0)
                decided = _at(day + dt.timedelta(days=rnd.randint(2, 9)), 16, rnd.randint(0, 59))
                d.records.append({
                    "id": next(record_id), "activity_id": activity_id, "volunteer_id": v.id, "starts_at": None,
                    "ends_at": None, "hours_tenths": tenths, "status": "pending" if pending else "approved",
                    "note": "", "recorded_by": d.worker, "recorded_at": _at(day + dt.timedelta(days=1), 9, 30),
                    "decided_by": "" if pending else d.deputy, "decided_at": None if pending else decided,
                    "decision_note": ""})
    _one_sheet_overdue(d)
    _reject_one(d)


def _one_sheet_overdue(d: _Demo) -> None:
    """One sheet of three weeks ago was forgotten: still pending (the dashboard reminds the deputy)."""
    limit = d.ctx.today - dt.timedelta(days=20)
    late = next((a for a in reversed(d.activities) if a["held_on"] <= limit), None)
    for r in d.records:
        if late is not None and r["activity_id"] == late["id"]:
            r["status"], r["decided_by"], r["decided_at"] = "pending", "", None


def _reject_one(d: _Demo) -> None:
    """A signature missing from a sheet: rejected, as happens."""
    for r in reversed(d.records):
        if r["status"] == "approved" and r["decided_at"] < _at(d.ctx.today - dt.timedelta(days=60)):
            r["status"], r["decision_note"] = "rejected", "签到表上没有本人签名，请核实后重新提交"
            return


# --- the ledger, in date order -------------------------------------------------------------------------------

def _ledger(d: _Demo) -> None:
    ctx, rnd = d.ctx, d.rnd
    people = {v.id: v for v in d.volunteers}
    activities = {a["id"]: a for a in d.activities}
    events: list[tuple[dt.datetime, int, dict[str, Any]]] = []
    for r in d.records:
        if r["status"] == "approved":
            events.append((r["decided_at"], 0, r))
    for i in range(VISITS_PER_SCALE_YEAR * ctx.scale * ctx.years):  # redemption days spread over the years
        day = ctx.day_between(ctx.start + dt.timedelta(days=60), ctx.today)
        events.append((_at(day, rnd.randint(9, 16), rnd.randint(0, 59)), 1, {"visit": i}))
    events.append((_at(ctx.today - dt.timedelta(days=30), 11), 2, {}))
    events.sort(key=lambda e: (e[0], e[1]))
    keen = sorted(d.volunteers, key=lambda v: -v.weight)[:3]
    carried = {v.id for v in keen if v.registered_on < ctx.start}
    for v in keen:
        if v.id in carried:
            _post(d, v, "adjust", 200, ctx.start, _at(ctx.start, 9), "纸质积分台账结转")
    for at, kind, payload in events:
        if kind == 0:
            r = payload
            a = activities[r["activity_id"]]
            rule = _rule_for(d, a["held_on"])
            points = points_for(rule["points_per_hour"], json.loads(rule["multipliers"]), r["hours_tenths"],
                                a["activity_type"])
            v = people[r["volunteer_id"]]
            v.tenths += r["hours_tenths"]
            reason = f"{a['held_on']:%Y-%m-%d} 服务 {r['hours_tenths'] / 10:g} 小时"
            _post(d, v, "earn", points, a["held_on"], at, reason, service_record_id=r["id"], rule_id=rule["id"])
        elif kind == 1:
            for _ in range(3):
                _visit(d, at, rnd.sample(d.volunteers, min(6, len(d.volunteers))))
        else:
            _corrections(d, at)
    d.items[5]["stock"] = 0  # the umbrellas ran out last week: the dashboard asks for a restock


def _post(d: _Demo, v: _Volunteer, kind: str, amount: int, on: dt.date, at: dt.datetime, reason: str,
          **links: int | None) -> dict[str, Any]:
    v.balance += amount
    row: dict[str, Any] = {
        "id": len(d.ledger) + 1, "volunteer_id": v.id, "kind": kind, "amount": amount, "balance_after": v.balance,
        "occurred_on": on, "created_at": at, "created_by": d.deputy if kind != "redeem" else d.worker,
        "reason": reason, "service_record_id": None, "rule_id": None, "redemption_id": None, "reverses_id": None,
        **links}
    d.ledger.append(row)
    return row


def _visit(d: _Demo, at: dt.datetime, candidates: list[_Volunteer]) -> None:
    """Someone with points comes to the station and exchanges them for what they can afford."""
    for v in candidates:
        if v.status == WITHDRAWN or v.balance < 100 or at.date() < v.registered_on:
            continue
        affordable = [i for i in d.items if i["points_cost"] <= v.balance and i["stock"] > 0]
        if not affordable:
            continue
        item = d.rnd.choice(affordable)
        quantity = 1 if item["points_cost"] * 2 > v.balance or d.rnd.random() < 0.8 else 2
        quantity = min(quantity, item["stock"])
        item["stock"] -= quantity
        if item["stock"] < 3:
            item["stock"] += 20 * d.ctx.scale  # the station restocks what runs low
        d.receipts[at.year] += 1
        receipt = f"DH{at.year}{d.receipts[at.year]:05d}"
        red = {"id": len(d.redemptions) + 1, "receipt_no": receipt, "volunteer_id": v.id, "item_id": item["id"],
               "item_name": item["name"], "quantity": quantity, "points": item["points_cost"] * quantity,
               "redeemed_on": at.date(), "handled_by": d.worker, "created_at": at, "cancelled_at": None,
               "cancel_reason": ""}
        d.redemptions.append(red)
        _post(d, v, "redeem", -red["points"], at.date(), at, f"兑换「{item['name']}」×{quantity}（凭证 {receipt}）",
              redemption_id=red["id"])
        return


def _corrections(d: _Demo, when: dt.datetime) -> None:
    """One mistaken bonus reversed, one approved record revoked, one redemption cancelled."""
    people = {v.id: v for v in d.volunteers}
    keen = max(d.volunteers, key=lambda v: v.weight)
    bonus = _post(d, keen, "adjust", 50, when.date(), when, "年度优秀志愿者奖励")
    _post(d, keen, "reversal", -50, when.date(), when + dt.timedelta(hours=2),
          f"冲正第 {bonus['id']} 号记录：奖励重复发放", reverses_id=bonus["id"])
    earn = next((t for t in reversed(d.ledger) if t["kind"] == "earn"
                 and people[t["volunteer_id"]].balance >= t["amount"]), None)
    if earn is not None:
        record = next(r for r in d.records if r["id"] == earn["service_record_id"])
        record["status"], record["decision_note"] = "revoked", "撤销：与另一签到表重复登记"
        v = people[earn["volunteer_id"]]
        v.tenths -= record["hours_tenths"]
        _post(d, v, "reversal", -earn["amount"], when.date(), when + dt.timedelta(hours=3),
              f"冲正第 {earn['id']} 号记录：撤销服务时长：与另一签到表重复登记",
              service_record_id=record["id"], reverses_id=earn["id"])
    red = d.redemptions[-1] if d.redemptions else None
    if red is not None:
        taken = next(t for t in d.ledger if t["redemption_id"] == red["id"])
        red["cancelled_at"], red["cancel_reason"] = when + dt.timedelta(hours=4), "物品有破损，已退回"
        d.items[red["item_id"] - 1]["stock"] += red["quantity"]
        _post(d, people[red["volunteer_id"]], "reversal", red["points"], when.date(), when + dt.timedelta(hours=4),
              f"冲正第 {taken['id']} 号记录：作废兑换凭证 {red['receipt_no']}：物品有破损，已退回",
              redemption_id=red["id"], reverses_id=taken["id"])


# --- stars and certificates --------------------------------------------------------------------------------------

def _stars(d: _Demo, registry: list[dict[str, Any]]) -> int:
    """Award the stars the hours reach, except for a few whose new star is still due."""
    limits = (100, 300, 600, 1000, 1500)
    due = 0
    for v, row in zip(d.volunteers, registry, strict=True):
        level = level_for(v.tenths, limits)
        if level and d.rnd.random() < 0.15:
            level -= 1
            due += 1
        row["star_level"] = level
        row["star_awarded_on"] = d.ctx.today - dt.timedelta(days=d.rnd.randint(5, 200)) if level else None
    return due


def _certificates(d: _Demo, profile_name: str, responsible: str, contact: str) -> None:
    ctx = d.ctx
    activities = {a["id"]: a for a in d.activities}
    approved: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for r in d.records:
        if r["status"] == "approved":
            approved[r["volunteer_id"]].append(r)
    people = sorted((v for v in d.volunteers if approved[v.id]), key=lambda v: -v.tenths)[:20 * ctx.scale]
    year = ctx.today.year - 1
    first, last = dt.date(year, 1, 1), dt.date(year, 12, 31)
    issued = sorted((min(ctx.day_between(dt.date(ctx.today.year, 1, 5), ctx.today), ctx.today), v.id, v)
                    for v in people)  # the register numbers follow the issue dates
    for issued_on, _vid, v in issued:
        mine = [(activities[r["activity_id"]], r["hours_tenths"]) for r in approved[v.id]]
        service = [(a["title"], a["activity_type"], tenths) for a, tenths in mine if first <= a["held_on"] <= last]
        if not service:
            continue
        d.certificates.append({
            "number": f"ZYFW{issued_on.year}{len(d.certificates) + 1:04d}", "volunteer_id": v.id,
            "volunteer_name": v.name, "id_type": ID_TYPE, "id_number_masked": mask_id_number(v.id_number),
            "volunteer_no": v.number, "period_from": first, "period_to": last,
            "hours_tenths": sum(t for _a, _k, t in service), "activities": len(service),
            "content": content_text(service), "organisation": profile_name, "responsible_person": responsible,
            "handler": d.worker, "contact": contact, "issued_on": issued_on, "issued_by": "shegong",
            "created_at": _at(issued_on, 15)})
    d.certificates.sort(key=lambda c: c["number"])


# --- writing ----------------------------------------------------------------------------------------------------

def _bulk(s: Any, model: Any, rows: list[dict[str, Any]]) -> None:
    for start in range(0, len(rows), 5000):
        s.execute(insert(model), rows[start:start + 5000])


def fill_volunteers(ctx: DemoContext) -> None:
    """The demo's extension point (``demo.AREAS``)."""
    st = ctx.st
    worker = ctx.user_names.get("shegong") or ctx.deputy.name
    d = _Demo(ctx, worker, ctx.deputy.name)
    with st.read() as s:
        communities = [(cid, name) for cid, name in s.execute(select(Community.id, Community.name)
                                                              .where(Community.active.is_(True))
                                                              .order_by(Community.sort_order))]
        projects = list(s.scalars(select(Project.id).order_by(Project.id)))
        assert not s.scalar(select(func.count()).select_from(Volunteer)), "the demo fills an empty registry"
    registry = _volunteers(d, [cid for cid, _n in communities])
    _rules_and_items(d)
    _activities(d, communities, projects)
    _ledger(d)
    due = _stars(d, registry)
    p = st.profile_row()
    _certificates(d, p.name, p.responsible_person or d.deputy, p.contact_phone or "")
    with st.begin(SYSTEM) as s:
        for model, rows in ((Volunteer, registry), (PointRule, d.rules), (RewardItem, d.items),
                            (VolunteerActivity, d.activities), (ServiceRecord, d.records), (Redemption, d.redemptions),
                            (PointTransaction, d.ledger), (Certificate, d.certificates)):
            _bulk(s, model, rows)
        audit.record_event(s, "import", f"演示数据：志愿者 {len(registry)} 人、活动 {len(d.activities)} 次、"
                                        f"服务时长 {len(d.records)} 条、积分记录 {len(d.ledger)} 笔", table="volunteer")
    pending = sum(1 for r in d.records if r["status"] == "pending")
    ctx.counts.update(volunteers=len(registry), volunteer_activities=len(d.activities), service_records=len(d.records),
                      pending_hours=pending, point_transactions=len(d.ledger), redemptions=len(d.redemptions),
                      certificates=len(d.certificates), stars_due=due)
