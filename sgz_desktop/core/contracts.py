"""Purchase-of-service contracts (Art. 25, 26, 33): funder, number, period of at most three years,
total amount, and the budget split over the three Art. 26 categories.

A budget whose 承接方运营管理费 exceeds the configured share of the total (10 % by default) is refused
with the figures; the budget lines must add up to the total to the fen.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from decimal import ROUND_FLOOR, Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from . import settings
from .errors import NotFound, Problem, ValidationError
from .finance_amounts import format_fen
from .finance_categories import ART_26, ART_33, BUDGET_SUBS, EXPENSE_CATEGORIES, MANAGEMENT
from .models import BudgetLine, Contract, ContractEvaluation, LedgerEntry
from .roles import Actor, Permission, require
from .station import Station

MAX_YEARS = 3
LABELS = {"contract_no": "合同编号", "name": "项目名称", "funder": "购买方", "operator": "承接方",
          "start_date": "开始日期", "end_date": "结束日期", "total_fen": "合同总金额", "budget": "预算",
          "signed_on": "签订日期", "notes": "备注"}


@dataclass(frozen=True)
class ContractInput:
    contract_no: str
    name: str
    funder: str
    start_date: dt.date
    end_date: dt.date
    total_fen: int
    budget: Mapping[str, int] = field(default_factory=dict)  # sub-category → fen
    operator: str = ""
    first_purchase: bool = False
    signed_on: dt.date | None = None
    notes: str = ""


@dataclass(frozen=True)
class BudgetLineInfo:
    category: str
    sub_category: str
    amount_fen: int


@dataclass(frozen=True)
class ContractInfo:
    id: int
    contract_no: str
    name: str
    funder: str
    operator: str
    start_date: dt.date
    end_date: dt.date
    total_fen: int
    first_purchase: bool
    signed_on: dt.date | None
    notes: str
    budget: tuple[BudgetLineInfo, ...]

    def budget_of(self, category: str) -> int:
        return sum(b.amount_fen for b in self.budget if b.category == category)

    @property
    def management_budget_fen(self) -> int:
        return self.budget_of(MANAGEMENT)

    @property
    def label(self) -> str:
        return f"{self.contract_no} {self.name}"

    def running_on(self, day: dt.date) -> bool:
        return self.start_date <= day <= self.end_date

    def as_input(self) -> ContractInput:
        return ContractInput(self.contract_no, self.name, self.funder, self.start_date, self.end_date, self.total_fen,
                             {b.sub_category: b.amount_fen for b in self.budget}, self.operator, self.first_purchase,
                             self.signed_on, self.notes)


# --- the rules ------------------------------------------------------------------------------------------

def add_years(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def latest_end(start: dt.date) -> dt.date:
    """The last day of a three-year contract starting on ``start``."""
    return add_years(start, MAX_YEARS) - dt.timedelta(days=1)


def mgmt_fee_percent(st: Station) -> Decimal:
    return Decimal(str(settings.get(st, settings.MGMT_FEE_SHARE)))


def management_limit_fen(total_fen: int, percent: Decimal) -> int:
    """The most the management fee may be: ``percent`` of the total, rounded down to the fen."""
    return int((Decimal(total_fen) * percent / 100).to_integral_value(ROUND_FLOOR))


def share_text(part_fen: int, total_fen: int) -> str:
    """12.34%: two decimals, exact rounding of the quotient."""
    if total_fen <= 0:
        return "—"
    return f"{(Decimal(part_fen) * 100 / Decimal(total_fen)).quantize(Decimal('0.01'))}%"


def _percent_text(percent: Decimal) -> str:
    return f"{percent.normalize():f}%"


def budget_problems(data: ContractInput, percent: Decimal) -> list[Problem]:
    problems: list[Problem] = []
    known = {sub for _cat, sub in BUDGET_SUBS}
    unknown = [sub for sub in data.budget if sub not in known]
    if unknown:
        problems.append(Problem(LABELS["budget"], f"没有这些预算科目：{'、'.join(unknown)}"))
    negative = [sub for sub, fen in data.budget.items() if fen < 0]
    if negative:
        problems.append(Problem(LABELS["budget"], f"金额不能为负数：{'、'.join(negative)}"))
    if problems or data.total_fen <= 0:
        return problems
    total = sum(data.budget.values())
    if total != data.total_fen:
        problems.append(Problem(LABELS["budget"], f"各科目预算合计 {format_fen(total)}，与合同总金额 "
                                f"{format_fen(data.total_fen)} 不一致（相差 {format_fen(total - data.total_fen)}）"))
    mgmt = sum(fen for sub, fen in data.budget.items() if sub in EXPENSE_CATEGORIES[MANAGEMENT])
    limit = management_limit_fen(data.total_fen, percent)
    if mgmt > limit:
        problems.append(Problem(MANAGEMENT, f"预算 {format_fen(mgmt)}，占项目总经费 {format_fen(data.total_fen)} 的 "
                                f"{share_text(mgmt, data.total_fen)}，超过{ART_26}规定的 {_percent_text(percent)} 上限"
                                f"（最多 {format_fen(limit)}）"))
    return problems


def period_text(start: dt.date, end: dt.date) -> str:
    months = (end.year - start.year) * 12 + end.month - start.month + (1 if end.day >= start.day - 1 else 0)
    years, rest = divmod(months, 12)
    return (f"{years} 年" if years else "") + (f"{rest} 个月" if rest else "") or "不足 1 个月"


def contract_problems(data: ContractInput, percent: Decimal) -> list[Problem]:
    problems: list[Problem] = []

    def bad(key: str, reason: str) -> None:
        problems.append(Problem(LABELS[key], reason))

    for key, limit in (("contract_no", 50), ("name", 100), ("funder", 100)):
        value = getattr(data, key)
        if not value:
            bad(key, "不能为空")
        elif len(value) > limit:
            bad(key, f"不能超过 {limit} 个字")
    if len(data.operator) > 100:
        bad("operator", "不能超过 100 个字")
    if data.end_date < data.start_date:
        bad("end_date", "不能早于开始日期")
    elif data.end_date > latest_end(data.start_date):
        bad("end_date", f"合同期限 {period_text(data.start_date, data.end_date)}，超过{ART_33}规定的最长 {MAX_YEARS} 年"
                        f"（最晚到 {latest_end(data.start_date):%Y-%m-%d}）")
    if data.total_fen <= 0:
        bad("total_fen", "必须大于零")
    if data.signed_on is not None and data.signed_on > data.end_date:
        bad("signed_on", "不能晚于结束日期")
    return problems + budget_problems(data, percent)


def normalised(data: ContractInput) -> ContractInput:
    return replace(data, contract_no=data.contract_no.strip(), name=data.name.strip(), funder=data.funder.strip(),
                   operator=data.operator.strip(), notes=data.notes.strip(),
                   budget={sub: fen for sub, fen in data.budget.items() if fen})


# --- reading ---------------------------------------------------------------------------------------------

def _info(s: Session, row: Contract) -> ContractInfo:
    stored = s.scalars(select(BudgetLine).where(BudgetLine.contract_id == row.id))
    lines = {b.sub_category: b.amount_fen for b in stored}
    budget = tuple(BudgetLineInfo(cat, sub, lines.get(sub, 0)) for cat, sub in BUDGET_SUBS)
    return ContractInfo(row.id, row.contract_no, row.name, row.funder, row.operator, row.start_date, row.end_date,
                        row.total_fen, row.first_purchase, row.signed_on, row.notes, budget)


def get_row(s: Session, contract_id: int) -> Contract:
    row = s.get(Contract, contract_id)
    if row is None:
        raise NotFound(f"没有编号为 {contract_id} 的购买服务合同。")
    return row


def get_contract(st: Station, actor: Actor, contract_id: int) -> ContractInfo:
    require(actor, Permission.VIEW)
    with st.read() as s:
        return _info(s, get_row(s, contract_id))


def find_contract(st: Station, actor: Actor, contract_no: str) -> ContractInfo:
    require(actor, Permission.VIEW)
    with st.read() as s:
        row = s.scalars(select(Contract).where(Contract.contract_no == contract_no.strip())).first()
        if row is None:
            raise NotFound(f"没有合同编号为「{contract_no}」的购买服务合同。")
        return _info(s, row)


def list_contracts(st: Station, actor: Actor, *, year: int | None = None) -> list[ContractInfo]:
    """Every contract (or those running some time in ``year``), oldest first."""
    require(actor, Permission.VIEW)
    stmt = select(Contract).order_by(Contract.start_date, Contract.id)
    if year is not None:
        stmt = stmt.where(Contract.start_date <= dt.date(year, 12, 31), Contract.end_date >= dt.date(year, 1, 1))
    with st.read() as s:
        return [_info(s, row) for row in s.scalars(stmt)]


# --- writing ---------------------------------------------------------------------------------------------

def _check(st: Station, s: Session, data: ContractInput, contract_id: int | None) -> None:
    problems = contract_problems(data, mgmt_fee_percent(st))
    same = s.scalar(select(Contract.id).where(Contract.contract_no == data.contract_no))
    if data.contract_no and same is not None and same != contract_id:
        problems.append(Problem(LABELS["contract_no"], f"「{data.contract_no}」已经登记过"))
    if contract_id is not None:
        first, last = s.execute(select(func.min(LedgerEntry.entry_date), func.max(LedgerEntry.entry_date))
                                .where(LedgerEntry.contract_id == contract_id)).one()
        if first is not None and (first < data.start_date or last > data.end_date):
            problems.append(Problem("合同期限", f"已有账目的日期在 {first:%Y-%m-%d} 至 {last:%Y-%m-%d} 之间，"
                                              "合同期限必须包含这些日期"))
    if problems:
        raise ValidationError(problems)


def _apply(s: Session, row: Contract, data: ContractInput) -> None:
    _apply_fields(row, data)
    s.flush()  # a new contract gets its id before its budget lines
    _apply_budget(s, row, data)


def _apply_fields(row: Contract, data: ContractInput) -> None:
    row.contract_no, row.name, row.funder, row.operator = data.contract_no, data.name, data.funder, data.operator
    row.start_date, row.end_date, row.total_fen = data.start_date, data.end_date, data.total_fen
    row.first_purchase, row.signed_on, row.notes = data.first_purchase, data.signed_on, data.notes


def _apply_budget(s: Session, row: Contract, data: ContractInput) -> None:
    existing = {b.sub_category: b for b in s.scalars(select(BudgetLine).where(BudgetLine.contract_id == row.id))}
    for category, sub in BUDGET_SUBS:
        amount = data.budget.get(sub, 0)
        line = existing.get(sub)
        if line is None and amount:
            s.add(BudgetLine(contract_id=row.id, category=category, sub_category=sub, amount_fen=amount))
        elif line is not None and not amount:
            s.delete(line)
        elif line is not None:
            line.amount_fen = amount


def add_contract(st: Station, actor: Actor, data: ContractInput) -> ContractInfo:
    require(actor, Permission.EDIT_LEDGER)
    data = normalised(data)
    with st.begin(actor) as s:
        _check(st, s, data, None)
        row = Contract(created_at=st.clock.now().replace(microsecond=0))
        s.add(row)
        _apply(s, row, data)
        s.flush()
        return _info(s, row)


def update_contract(st: Station, actor: Actor, contract_id: int, data: ContractInput) -> ContractInfo:
    """Correct a contract or adjust its budget (预算调整); the same rules apply, and its period must
    still hold every entry already booked on it."""
    require(actor, Permission.EDIT_LEDGER)
    data = normalised(data)
    with st.begin(actor) as s:
        row = get_row(s, contract_id)
        _check(st, s, data, contract_id)
        _apply(s, row, data)
        s.flush()
        return _info(s, row)


def delete_contract(st: Station, actor: Actor, contract_id: int) -> None:
    """Only a contract entered by mistake: one with entries or evaluations stays."""
    require(actor, Permission.EDIT_LEDGER)
    with st.begin(actor) as s:
        row = get_row(s, contract_id)
        entries = s.scalar(select(func.count()).where(LedgerEntry.contract_id == contract_id)) or 0
        evaluations = s.scalar(select(func.count()).where(ContractEvaluation.contract_id == contract_id)) or 0
        if entries or evaluations:
            raise ValidationError(Problem(
                "删除", f"合同「{row.contract_no}」已有账目 {entries} 条、评估 {evaluations} 次，不能删除"))
        for line in s.scalars(select(BudgetLine).where(BudgetLine.contract_id == contract_id)):
            s.delete(line)
        s.flush()
        s.delete(row)
