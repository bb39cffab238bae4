"""The redemption catalogue and redemptions: points and stock are taken in one transaction, so two
redemptions at once can never spend the same points or the last item twice; each has a receipt number.
A redemption made by mistake is cancelled: its points are reversed and the stock returned.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from .errors import NotFound, Problem, ValidationError
from .models import PointTransaction, Redemption, RewardItem
from .roles import Actor, Permission, require
from .station import Station
from .volunteer_points import REDEEM, append, balance_in, reverse_in
from .volunteers import WITHDRAWN, require_deputy, volunteer_row

RECEIPT_PREFIX = "DH"
MAX_QUANTITY = 100
MAX_COST = 1_000_000
MAX_STOCK = 100_000


@dataclass(frozen=True)
class ItemInput:
    name: str
    points_cost: int
    stock: int = 0
    active: bool = True
    notes: str = ""


@dataclass(frozen=True)
class ItemInfo:
    id: int
    name: str
    points_cost: int
    stock: int
    active: bool
    notes: str
    redeemed: int  # items handed out so far (not counting cancelled redemptions)


@dataclass(frozen=True)
class RedemptionInfo:
    id: int
    receipt_no: str
    volunteer_id: int
    volunteer_no: str
    volunteer_name: str
    item_id: int
    item_name: str
    quantity: int
    points: int
    redeemed_on: dt.date
    handled_by: str
    created_at: dt.datetime
    balance_after: int  # the volunteer's balance right after this redemption
    cancelled_at: dt.datetime | None
    cancel_reason: str

    @property
    def cancelled(self) -> bool:
        return self.cancelled_at is not None


# --- catalogue -------------------------------------------------------------------------------------------

def item_problems(data: ItemInput) -> list[Problem]:
    problems = []
    if not data.name.strip():
        problems.append(Problem("物品名称", "不能为空"))
    elif len(data.name.strip()) > 100:
        problems.append(Problem("物品名称", "不能超过 100 个字"))
    if not 0 < data.points_cost <= MAX_COST:
        problems.append(Problem("所需积分", f"应为 1 到 {MAX_COST} 之间的整数"))
    if not 0 <= data.stock <= MAX_STOCK:
        problems.append(Problem("库存", f"应为 0 到 {MAX_STOCK} 之间的整数"))
    if len(data.notes.strip()) > 200:
        problems.append(Problem("备注", "不能超过 200 个字"))
    return problems


def _item_info(s: Session, row: RewardItem) -> ItemInfo:
    handed = s.scalar(select(func.coalesce(func.sum(Redemption.quantity), 0))
                      .where(Redemption.item_id == row.id, Redemption.cancelled_at.is_(None))) or 0
    return ItemInfo(row.id, row.name, row.points_cost, row.stock, row.active, row.notes, int(handed))


def _item(s: Session, item_id: int) -> RewardItem:
    row = s.get(RewardItem, item_id)
    if row is None:
        raise NotFound(f"兑换目录中没有编号为 {item_id} 的物品。")
    return row


def _check_name(s: Session, name: str, item_id: int | None) -> None:
    other = s.scalar(select(RewardItem.id).where(RewardItem.name == name))
    if other is not None and other != item_id:
        raise ValidationError(Problem("物品名称", f"兑换目录中已有「{name}」"))


def add_item(st: Station, actor: Actor, data: ItemInput) -> ItemInfo:
    require(actor, Permission.EDIT_VOLUNTEERS)
    if problems := item_problems(data):
        raise ValidationError(problems)
    with st.begin(actor) as s:
        _check_name(s, data.name.strip(), None)
        row = RewardItem(name=data.name.strip(), points_cost=data.points_cost, stock=data.stock, active=data.active,
                         notes=data.notes.strip())
        s.add(row)
        s.flush()
        return _item_info(s, row)


def update_item(st: Station, actor: Actor, item_id: int, data: ItemInput) -> ItemInfo:
    """Rename, reprice, restock or retire an item; past receipts keep the name and points of their day."""
    require(actor, Permission.EDIT_VOLUNTEERS)
    if problems := item_problems(data):
        raise ValidationError(problems)
    with st.begin(actor) as s:
        row = _item(s, item_id)
        _check_name(s, data.name.strip(), item_id)
        row.name, row.points_cost, row.stock = data.name.strip(), data.points_cost, data.stock
        row.active, row.notes = data.active, data.notes.strip()
        s.flush()
        return _item_info(s, row)


def restock(st: Station, actor: Actor, item_id: int, added: int) -> ItemInfo:
    """Add items received (a relative change, so two people restocking never overwrite each other)."""
    require(actor, Permission.EDIT_VOLUNTEERS)
    if not 0 < added <= MAX_STOCK:
        raise ValidationError(Problem("入库数量", f"应为 1 到 {MAX_STOCK} 之间的整数"))
    with st.begin(actor) as s:
        row = _item(s, item_id)
        if row.stock + added > MAX_STOCK:
            raise ValidationError(Problem("入库数量", f"入库后库存将超过 {MAX_STOCK}"))
        row.stock += added
        s.flush()
        return _item_info(s, row)


def list_items(st: Station, actor: Actor, include_inactive: bool = True) -> list[ItemInfo]:
    require(actor, Permission.VIEW)
    stmt = select(RewardItem).order_by(RewardItem.active.desc(), RewardItem.points_cost, RewardItem.id)
    if not include_inactive:
        stmt = stmt.where(RewardItem.active.is_(True))
    with st.read() as s:
        return [_item_info(s, r) for r in s.scalars(stmt)]


# --- redemptions -----------------------------------------------------------------------------------------

def _next_receipt(s: Session, year: int) -> str:
    prefix = f"{RECEIPT_PREFIX}{year}"
    last = s.scalar(select(func.max(Redemption.receipt_no)).where(Redemption.receipt_no.like(f"{prefix}%")))
    number = int(last[len(prefix):]) + 1 if last else 1
    return f"{prefix}{number:05d}"


def _redemption_info(s: Session, row: Redemption) -> RedemptionInfo:
    person = volunteer_row(s, row.volunteer_id)
    after = s.scalar(select(PointTransaction.balance_after).where(PointTransaction.redemption_id == row.id,
                                                                  PointTransaction.kind == REDEEM))
    return RedemptionInfo(row.id, row.receipt_no, row.volunteer_id, person.volunteer_no, person.name, row.item_id,
                          row.item_name, row.quantity, row.points, row.redeemed_on, row.handled_by, row.created_at,
                          int(after or 0), row.cancelled_at, row.cancel_reason)


def redeem(st: Station, actor: Actor, volunteer_id: int, item_id: int, quantity: int = 1) -> RedemptionInfo:
    """Exchange points for ``quantity`` of an item: refused when the balance or the stock is short.
    The balance is read and the stock taken inside one BEGIN IMMEDIATE transaction."""
    require(actor, Permission.EDIT_VOLUNTEERS)
    if not 0 < quantity <= MAX_QUANTITY:
        raise ValidationError(Problem("数量", f"应为 1 到 {MAX_QUANTITY} 之间的整数"))
    now = st.clock.now()
    with st.begin(actor) as s:
        person = volunteer_row(s, volunteer_id)
        item = _item(s, item_id)
        problems = []
        if person.status == WITHDRAWN:
            problems.append(Problem("志愿者", f"{person.name} 已退出，不能兑换"))
        if not item.active:
            problems.append(Problem("物品", f"「{item.name}」已停止兑换"))
        if item.stock < quantity:
            problems.append(Problem("库存", f"「{item.name}」库存只剩 {item.stock} 件，不够兑换 {quantity} 件"))
        cost = item.points_cost * quantity
        have = balance_in(s, volunteer_id)
        if have < cost:
            problems.append(Problem("积分", f"{person.name} 的积分余额 {have} 分，兑换需要 {cost} 分"))
        if problems:
            raise ValidationError(problems)
        row = Redemption(receipt_no=_next_receipt(s, now.year), volunteer_id=volunteer_id, item_id=item_id,
                         item_name=item.name, quantity=quantity, points=cost, redeemed_on=now.date(),
                         handled_by=actor.display_name, created_at=now, cancel_reason="")
        s.add(row)
        s.flush()
        item.stock -= quantity
        append(s, actor, volunteer_id=volunteer_id, kind=REDEEM, amount=-cost, occurred_on=now.date(), at=now,
               reason=f"兑换「{item.name}」×{quantity}（凭证 {row.receipt_no}）", redemption_id=row.id)
        return _redemption_info(s, row)


def _redemption(s: Session, redemption_id: int) -> Redemption:
    row = s.get(Redemption, redemption_id)
    if row is None:
        raise NotFound(f"没有编号为 {redemption_id} 的兑换记录。")
    return row


def get_redemption(st: Station, actor: Actor, redemption_id: int) -> RedemptionInfo:
    require(actor, Permission.VIEW)
    with st.read() as s:
        return _redemption_info(s, _redemption(s, redemption_id))


def find_receipt(st: Station, actor: Actor, receipt_no: str) -> RedemptionInfo:
    require(actor, Permission.VIEW)
    with st.read() as s:
        row = s.scalars(select(Redemption).where(Redemption.receipt_no == receipt_no.strip().upper())).first()
        if row is None:
            raise NotFound(f"没有凭证号为 {receipt_no} 的兑换记录。")
        return _redemption_info(s, row)


def cancel_redemption(st: Station, actor: Actor, redemption_id: int, reason: str) -> RedemptionInfo:
    """Undo a redemption (deputy head): a reversal gives the points back, the items go back into stock."""
    require_deputy(actor, "作废兑换")
    reason = reason.strip()
    if not reason:
        raise ValidationError(Problem("作废原因", "必须填写"))
    now = st.clock.now()
    with st.begin(actor) as s:
        row = _redemption(s, redemption_id)
        if row.cancelled_at is not None:
            raise ValidationError(Problem("兑换", f"凭证 {row.receipt_no} 已于 {row.cancelled_at:%Y-%m-%d} 作废"))
        taken = s.scalars(select(PointTransaction).where(PointTransaction.redemption_id == row.id,
                                                         PointTransaction.kind == REDEEM)).one()
        reverse_in(s, actor, taken, f"作废兑换凭证 {row.receipt_no}：{reason}", now)
        item = _item(s, row.item_id)
        item.stock += row.quantity
        row.cancelled_at, row.cancel_reason = now, reason[:200]
        s.flush()
        return _redemption_info(s, row)


def redemptions_of(st: Station, actor: Actor, volunteer_id: int) -> list[RedemptionInfo]:
    require(actor, Permission.VIEW)
    with st.read() as s:
        rows = s.scalars(select(Redemption).where(Redemption.volunteer_id == volunteer_id)
                         .order_by(Redemption.id.desc())).all()
        return [_redemption_info(s, r) for r in rows]

