"""The points ledger (Art. 21 积分管理): append-only transactions with a running balance per volunteer.

Kinds: earn (approved hours), redeem, adjust (deputy head, with a reason), expire (when the station sets
a validity), reversal (the correction of any of them). A balance is the ``balance_after`` of the
volunteer's latest row: one indexed lookup, always equal to the sum of the ledger (tests and the
integrity check compare them), never negative (refused here, and by a CHECK in the database).

Points per hour come from rules with an effective date; the rule of the service day is used when the
hours are approved and its id is kept on the earn row, so a later rule never rewrites earned points.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from dataclasses import dataclass

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from . import settings
from .errors import NotFound, Problem, ValidationError
from .models import PointRule, PointTransaction, Redemption, ServiceRecord, Volunteer
from .progress import Progress, quiet
from .roles import Actor, Permission, require
from .settings import SettingDef
from .station import Station
from .volunteers import ACTIVITY_TYPES, require_deputy, volunteer_row

EARN, REDEEM, ADJUST, EXPIRE, REVERSAL = "earn", "redeem", "adjust", "expire", "reversal"
KINDS = (EARN, REDEEM, ADJUST, EXPIRE, REVERSAL)
KIND_LABELS = {EARN: "服务获得", REDEEM: "兑换", ADJUST: "调整", EXPIRE: "过期", REVERSAL: "冲正"}
MAX_ADJUST = 100_000
MAX_POINTS_PER_HOUR = 1000
MAX_MULTIPLIER_PERCENT = 1000

EXPIRE_MONTHS = settings.define(SettingDef(
    "volunteers.points_expire_months", "志愿积分有效期（月）", "int", 0, article="第二十一条",
    help="0 表示积分不过期；否则获得超过这么多个月仍未使用的积分在“积分过期处理”时清零", minimum=0, maximum=240))


@dataclass(frozen=True)
class TransactionInfo:
    id: int
    volunteer_id: int
    volunteer_no: str
    volunteer_name: str
    kind: str
    amount: int
    balance_after: int
    occurred_on: dt.date
    created_at: dt.datetime
    created_by: str
    reason: str
    service_record_id: int | None
    rule_id: int | None
    redemption_id: int | None
    reverses_id: int | None

    @property
    def kind_label(self) -> str:
        return KIND_LABELS.get(self.kind, self.kind)


# --- the ledger -----------------------------------------------------------------------------------------

def balance_in(s: Session, volunteer_id: int) -> int:
    """The running balance inside a transaction (the caller's BEGIN IMMEDIATE makes it current)."""
    found = s.scalar(select(PointTransaction.balance_after).where(PointTransaction.volunteer_id == volunteer_id)
                     .order_by(PointTransaction.id.desc()).limit(1))
    return int(found or 0)


def append(s: Session, actor: Actor, *, volunteer_id: int, kind: str, amount: int, occurred_on: dt.date,
           at: dt.datetime, reason: str = "", service_record_id: int | None = None, rule_id: int | None = None,
           redemption_id: int | None = None, reverses_id: int | None = None) -> PointTransaction:
    """Add one ledger row inside the caller's write transaction; refuses a balance below zero."""
    if kind not in KINDS:
        raise ValueError(f"unknown kind {kind}")
    before = balance_in(s, volunteer_id)
    if before + amount < 0:
        name = s.scalar(select(Volunteer.name).where(Volunteer.id == volunteer_id)) or str(volunteer_id)
        raise ValidationError(Problem("积分", f"{name} 的积分余额 {before} 分，不够扣减 {-amount} 分"))
    row = PointTransaction(volunteer_id=volunteer_id, kind=kind, amount=amount, balance_after=before + amount,
                           occurred_on=occurred_on, created_at=at, created_by=actor.display_name, reason=reason[:200],
                           service_record_id=service_record_id, rule_id=rule_id, redemption_id=redemption_id,
                           reverses_id=reverses_id)
    s.add(row)
    s.flush()
    return row


def balance(st: Station, actor: Actor, volunteer_id: int) -> int:
    require(actor, Permission.VIEW)
    with st.read() as s:
        volunteer_row(s, volunteer_id)
        return balance_in(s, volunteer_id)


def balance_in_station(st: Station, volunteer_id: int) -> int:
    """The balance without a permission check (checks, reports, tests)."""
    with st.read() as s:
        return balance_in(s, volunteer_id)


def ledger_sum(st: Station, volunteer_id: int) -> int:
    """The balance the long way (every row added up), for tests and the integrity check."""
    with st.read() as s:
        return int(s.scalar(select(func.coalesce(func.sum(PointTransaction.amount), 0))
                            .where(PointTransaction.volunteer_id == volunteer_id)) or 0)


def _info(row: PointTransaction, number: str, name: str) -> TransactionInfo:
    return TransactionInfo(row.id, row.volunteer_id, number, name, row.kind, row.amount, row.balance_after,
                           row.occurred_on, row.created_at, row.created_by, row.reason, row.service_record_id,
                           row.rule_id, row.redemption_id, row.reverses_id)


def history(st: Station, actor: Actor, volunteer_id: int, limit: int | None = None) -> list[TransactionInfo]:
    """A volunteer's ledger, newest first."""
    require(actor, Permission.VIEW)
    with st.read() as s:
        person = volunteer_row(s, volunteer_id)
        stmt = (select(PointTransaction).where(PointTransaction.volunteer_id == volunteer_id)
                .order_by(PointTransaction.id.desc()).limit(limit))
        return [_info(r, person.volunteer_no, person.name) for r in s.scalars(stmt)]


def get_transaction(st: Station, actor: Actor, transaction_id: int) -> TransactionInfo:
    require(actor, Permission.VIEW)
    with st.read() as s:
        row = _transaction(s, transaction_id)
        person = volunteer_row(s, row.volunteer_id)
        return _info(row, person.volunteer_no, person.name)


def _transaction(s: Session, transaction_id: int) -> PointTransaction:
    row = s.get(PointTransaction, transaction_id)
    if row is None:
        raise NotFound(f"没有编号为 {transaction_id} 的积分记录。")
    return row


def _reason(reason: str) -> str:
    reason = reason.strip()
    if not reason:
        raise ValidationError(Problem("原因", "必须填写"))
    if len(reason) > 200:
        raise ValidationError(Problem("原因", "不能超过 200 个字"))
    return reason


def adjust(st: Station, actor: Actor, volunteer_id: int, amount: int, reason: str,
           on: dt.date | None = None) -> TransactionInfo:
    """Add or take points by hand (e.g. points carried over from a paper register); deputy head only."""
    require_deputy(actor, "调整积分")
    reason = _reason(reason)
    if amount == 0 or abs(amount) > MAX_ADJUST:
        raise ValidationError(Problem("调整积分", f"应为 -{MAX_ADJUST} 到 {MAX_ADJUST} 之间、不为 0 的整数"))
    today = st.clock.now().date()
    with st.begin(actor) as s:
        person = volunteer_row(s, volunteer_id)
        row = append(s, actor, volunteer_id=volunteer_id, kind=ADJUST, amount=amount, occurred_on=on or today,
                     at=st.clock.now(), reason=reason)
        return _info(row, person.volunteer_no, person.name)


def reverse_in(s: Session, actor: Actor, original: PointTransaction, reason: str, at: dt.datetime) -> PointTransaction:
    """The reversing row of ``original`` inside the caller's transaction."""
    if original.kind == REVERSAL:
        raise ValidationError(Problem("冲正", "冲正记录本身不能再冲正；如需要，请另做一笔调整"))
    done = s.scalar(select(PointTransaction.id).where(PointTransaction.reverses_id == original.id))
    if done is not None:
        raise ValidationError(Problem("冲正", f"积分记录 {original.id} 已经冲正过（冲正记录 {done}）"))
    return append(s, actor, volunteer_id=original.volunteer_id, kind=REVERSAL, amount=-original.amount,
                  occurred_on=at.date(), at=at, reason=f"冲正第 {original.id} 号记录：{reason}",
                  service_record_id=original.service_record_id, redemption_id=original.redemption_id,
                  reverses_id=original.id)


def reverse(st: Station, actor: Actor, transaction_id: int, reason: str) -> TransactionInfo:
    """Undo an adjustment or an expiry by a reversing row (never by editing). Earned points are undone by
    revoking the hours, a redemption by cancelling it (which also returns the stock)."""
    require_deputy(actor, "冲正积分")
    reason = _reason(reason)
    with st.begin(actor) as s:
        original = _transaction(s, transaction_id)
        if original.kind == EARN:
            raise ValidationError(Problem("冲正", "服务获得的积分请在“服务时长”中撤销对应的记录，积分会随之冲正"))
        if original.kind == REDEEM:
            raise ValidationError(Problem("冲正", "兑换扣除的积分请在“兑换记录”中作废这次兑换（同时退回库存）"))
        row = reverse_in(s, actor, original, reason, st.clock.now())
        person = volunteer_row(s, row.volunteer_id)
        return _info(row, person.volunteer_no, person.name)


# --- rules ------------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class RuleInput:
    effective_from: dt.date
    points_per_hour: int
    multipliers: Mapping[str, int]  # activity type -> percent (150 means 1.5 times)
    note: str = ""


@dataclass(frozen=True)
class RuleInfo:
    id: int
    effective_from: dt.date
    points_per_hour: int
    multipliers: dict[str, int]
    note: str
    created_by: str
    created_at: dt.datetime
    earned_rows: int  # ledger rows that used it: a used rule is never changed

    @property
    def multiplier_text(self) -> str:
        return "，".join(f"{k}×{v / 100:g}" for k, v in self.multipliers.items()) or "—"


def points_for(points_per_hour: int, multipliers: Mapping[str, int], hours_tenths: int, activity_type: str) -> int:
    """Whole points for hours (tenths) at a rule, rounded half up, in integers only."""
    percent = multipliers.get(activity_type, 100)
    return (hours_tenths * points_per_hour * percent + 500) // 1000


def rule_on(s: Session, day: dt.date) -> PointRule | None:
    return s.scalars(select(PointRule).where(PointRule.effective_from <= day)
                     .order_by(PointRule.effective_from.desc()).limit(1)).first()


def rule_multipliers(rule: PointRule) -> dict[str, int]:
    loaded = json.loads(rule.multipliers or "{}")
    return {str(k): int(v) for k, v in loaded.items()} if isinstance(loaded, dict) else {}


def list_rules(st: Station, actor: Actor) -> list[RuleInfo]:
    require(actor, Permission.VIEW)
    used = (select(func.count(PointTransaction.id)).where(PointTransaction.rule_id == PointRule.id)
            .correlate(PointRule).scalar_subquery())
    with st.read() as s:
        rows = s.execute(select(PointRule, used).order_by(PointRule.effective_from.desc())).all()
        return [RuleInfo(r.id, r.effective_from, r.points_per_hour, rule_multipliers(r), r.note, r.created_by,
                         r.created_at, int(n)) for r, n in rows]


def _last_earned_day(s: Session) -> dt.date | None:
    return s.scalar(select(func.max(PointTransaction.occurred_on)).where(PointTransaction.kind == EARN))


def rule_problems(data: RuleInput) -> list[Problem]:
    problems = []
    if not 0 <= data.points_per_hour <= MAX_POINTS_PER_HOUR:
        problems.append(Problem("每小时积分", f"应在 0 到 {MAX_POINTS_PER_HOUR} 之间"))
    for kind, percent in data.multipliers.items():
        if kind not in ACTIVITY_TYPES:
            problems.append(Problem("倍数", f"「{kind}」不是服务类型（{'、'.join(ACTIVITY_TYPES)}）"))
        elif not 0 <= percent <= MAX_MULTIPLIER_PERCENT:
            problems.append(Problem("倍数", f"{kind} 的倍数应在 0 到 {MAX_MULTIPLIER_PERCENT / 100:g} 倍之间"))
    if len(data.note.strip()) > 200:
        problems.append(Problem("说明", "不能超过 200 个字"))
    return problems


def add_rule(st: Station, actor: Actor, data: RuleInput) -> RuleInfo:
    """A new rule from its effective date on. It may not reach back to days whose points were already
    issued: that would give the same kind of service two prices."""
    require_deputy(actor, "修改积分规则")
    problems = rule_problems(data)
    with st.begin(actor) as s:
        last = _last_earned_day(s)
        if last is not None and data.effective_from <= last:
            problems.append(Problem("生效日期", f"{last:%Y-%m-%d} 及以前的服务已按原规则发放积分，新规则最早从 "
                                            f"{last + dt.timedelta(days=1):%Y-%m-%d} 起生效"))
        if s.scalar(select(PointRule.id).where(PointRule.effective_from == data.effective_from)) is not None:
            problems.append(Problem("生效日期", f"{data.effective_from:%Y-%m-%d} 已有一条规则"))
        if problems:
            raise ValidationError(problems)
        row = PointRule(effective_from=data.effective_from, points_per_hour=data.points_per_hour,
                        multipliers=json.dumps(dict(data.multipliers), ensure_ascii=False, sort_keys=True),
                        note=data.note.strip(), created_by=actor.display_name, created_at=st.clock.now())
        s.add(row)
        s.flush()
        return RuleInfo(row.id, row.effective_from, row.points_per_hour, rule_multipliers(row), row.note,
                        row.created_by, row.created_at, 0)


def delete_rule(st: Station, actor: Actor, rule_id: int) -> None:
    """Only a rule no points were earned under (one entered by mistake)."""
    require_deputy(actor, "修改积分规则")
    with st.begin(actor) as s:
        row = s.get(PointRule, rule_id)
        if row is None:
            raise NotFound(f"没有编号为 {rule_id} 的积分规则。")
        used = s.scalar(select(func.count()).select_from(PointTransaction).where(PointTransaction.rule_id == rule_id))
        if used:
            raise ValidationError(Problem("积分规则", f"已有 {used} 笔积分按这条规则发放，不能删除；请添加新规则"))
        s.delete(row)


def earn_in(s: Session, actor: Actor, record: ServiceRecord, held_on: dt.date, activity_type: str,
            at: dt.datetime) -> PointTransaction | None:
    """The earn row for approved hours, at the rule of the service day (None: no rule, or zero points)."""
    rule = rule_on(s, held_on)
    if rule is None:
        return None
    points = points_for(rule.points_per_hour, rule_multipliers(rule), record.hours_tenths, activity_type)
    if points <= 0:
        return None
    hours = record.hours_tenths / 10
    return append(s, actor, volunteer_id=record.volunteer_id, kind=EARN, amount=points, occurred_on=held_on, at=at,
                  reason=f"{held_on:%Y-%m-%d} 服务 {hours:g} 小时", service_record_id=record.id, rule_id=rule.id)


# --- expiry -----------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class ExpiryResult:
    cutoff: dt.date | None  # points earned on or before this day were looked at; None: no expiry set
    volunteers: int
    points: int


def _months_before(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + day.month - 1 - months
    year, month = divmod(index, 12)
    month += 1
    for d in (day.day, 30, 29, 28):
        try:
            return dt.date(year, month, d)
        except ValueError:
            continue
    raise AssertionError("unreachable")


def expire_points(st: Station, actor: Actor, on: dt.date | None = None,
                  progress: Progress | None = None) -> ExpiryResult:
    """Expire points credited on or before the cutoff that are still unspent (spending uses the oldest
    points first). Running it twice on a day changes nothing the second time."""
    require_deputy(actor, "处理积分过期")
    progress = progress or quiet()
    months = int(settings.get(st, EXPIRE_MONTHS))
    if months <= 0:
        return ExpiryResult(None, 0, 0)
    today = st.clock.now().date()
    on = on or today
    if on > today:
        raise ValidationError(Problem("过期日期", "不能晚于今天"))
    cutoff = _months_before(on, months)
    old_credit = func.sum(case((PointTransaction.amount > 0, case((PointTransaction.occurred_on <= cutoff,
                                                                    PointTransaction.amount), else_=0)), else_=0))
    debit = func.sum(case((PointTransaction.amount < 0, -PointTransaction.amount), else_=0))
    stmt = (select(PointTransaction.volunteer_id, old_credit, debit)
            .group_by(PointTransaction.volunteer_id).order_by(PointTransaction.volunteer_id))
    count = total = 0
    with st.begin(actor) as s:
        rows = s.execute(stmt).all()
        for done, (volunteer_id, credit, spent) in enumerate(rows, start=1):
            remaining = min(int(credit or 0) - int(spent or 0), balance_in(s, volunteer_id))
            if remaining > 0:
                append(s, actor, volunteer_id=volunteer_id, kind=EXPIRE, amount=-remaining, occurred_on=on,
                       at=st.clock.now(), reason=f"{cutoff:%Y-%m-%d} 及以前获得、{months} 个月未使用的积分过期")
                count += 1
                total += remaining
            if done % 200 == 0:
                progress.report(done, len(rows), "正在处理积分过期…")
    return ExpiryResult(cutoff, count, total)


# --- figures ----------------------------------------------------------------------------------------------

def redemption_of(s: Session, redemption_id: int) -> Redemption:
    row = s.get(Redemption, redemption_id)
    if row is None:
        raise NotFound(f"没有编号为 {redemption_id} 的兑换记录。")
    return row


def points_by_kind(st: Station, actor: Actor, year: int) -> dict[str, int]:
    """Points moved in ``year`` per kind (earn positive, the others as signed sums)."""
    require(actor, Permission.VIEW)
    with st.read() as s:
        rows = s.execute(select(PointTransaction.kind, func.sum(PointTransaction.amount))
                         .where(PointTransaction.occurred_on.between(dt.date(year, 1, 1), dt.date(year, 12, 31)))
                         .group_by(PointTransaction.kind)).all()
    found = {str(k): int(v or 0) for k, v in rows}
    return {k: found.get(k, 0) for k in KINDS}


@dataclass(frozen=True)
class PointsYear:
    """One volunteer's points in a year: opening balance, the year's movements by kind, closing balance."""

    volunteer_id: int
    volunteer_no: str
    name: str
    opening: int
    by_kind: dict[str, int]  # signed sums, every kind listed

    @property
    def closing(self) -> int:
        return self.opening + sum(self.by_kind.values())


def yearly_points(st: Station, actor: Actor, year: int) -> list[PointsYear]:
    """Every volunteer with points before or during ``year`` (dated by the business day), by number."""
    require(actor, Permission.VIEW)
    first, last = dt.date(year, 1, 1), dt.date(year, 12, 31)
    before = func.sum(case((PointTransaction.occurred_on < first, PointTransaction.amount), else_=0))
    sums = [func.sum(case(((PointTransaction.kind == kind) & PointTransaction.occurred_on.between(first, last),
                           PointTransaction.amount), else_=0)) for kind in KINDS]
    stmt = (select(Volunteer.id, Volunteer.volunteer_no, Volunteer.name, before, *sums)
            .join(PointTransaction, PointTransaction.volunteer_id == Volunteer.id)
            .where(PointTransaction.occurred_on <= last)
            .group_by(Volunteer.id, Volunteer.volunteer_no, Volunteer.name).order_by(Volunteer.volunteer_no))
    with st.read() as s:
        rows = s.execute(stmt).all()
    return [PointsYear(r[0], r[1], r[2], int(r[3] or 0), {k: int(v or 0) for k, v in zip(KINDS, r[4:], strict=True)})
            for r in rows]
