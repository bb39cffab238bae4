"""Budget execution per contract and category, and the year-end final accounts (经费决算表).

Every figure is a SUM over the same entries the journal lists (all entries booked, reviewed or not,
reversals netted), so journal, budget execution and final accounts agree to the fen.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session

from .contracts import ContractInfo, get_contract, list_contracts, management_limit_fen, mgmt_fee_percent
from .finance_categories import BUDGET_SUBS, EXPENSE_CATEGORIES, EXPENSE_DIR, INCOME_CATEGORIES, INCOME_DIR, MANAGEMENT
from .ledger_periods import YEAR, closed_months
from .models import LedgerEntry
from .roles import Actor, Permission, require
from .station import Station


@dataclass(frozen=True)
class ExecutionLine:
    category: str
    sub_category: str  # "" on a category's subtotal and on the total
    budget_fen: int
    period_fen: int  # spent in the year asked for (the whole contract when no year)
    cumulative_fen: int  # spent from the contract's start to the end of that year

    @property
    def remaining_fen(self) -> int:
        return self.budget_fen - self.cumulative_fen

    @property
    def rate(self) -> Decimal | None:
        """Share of the budget spent so far, e.g. Decimal('0.4567'); None without a budget."""
        return Decimal(self.cumulative_fen) / Decimal(self.budget_fen) if self.budget_fen else None


@dataclass(frozen=True)
class BudgetExecution:
    contract: ContractInfo
    year: int | None
    lines: tuple[ExecutionLine, ...]  # every budget sub-category, in the Art. 26 order
    categories: tuple[ExecutionLine, ...]  # the three categories
    total: ExecutionLine
    income_period_fen: int
    income_cumulative_fen: int
    mgmt_limit_fen: int
    mgmt_percent: Decimal

    @property
    def mgmt_actual_fen(self) -> int:
        return next(c.cumulative_fen for c in self.categories if c.category == MANAGEMENT)


def rate_text(rate: Decimal | None) -> str:
    return "—" if rate is None else f"{(rate * 100).quantize(Decimal('0.01'))}%"


def _year_bounds(year: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


def _sums(s: Session, where: list[ColumnElement[bool]]) -> dict[tuple[str, str], int]:
    rows = s.execute(select(LedgerEntry.direction, LedgerEntry.sub_category, func.sum(LedgerEntry.amount_fen))
                     .where(*where).group_by(LedgerEntry.direction, LedgerEntry.sub_category))
    return {(d, sub): int(total or 0) for d, sub, total in rows}


def execution_of(s: Session, contract: ContractInfo, year: int | None, percent: Decimal) -> BudgetExecution:
    base = [LedgerEntry.contract_id == contract.id]
    if year is None:
        period = cumulative = _sums(s, base)
    else:
        first, last = _year_bounds(year)
        period = _sums(s, [*base, LedgerEntry.entry_date.between(first, last)])
        cumulative = _sums(s, [*base, LedgerEntry.entry_date <= last])
    budget = {b.sub_category: b.amount_fen for b in contract.budget}
    lines = tuple(ExecutionLine(cat, sub, budget.get(sub, 0), period.get((EXPENSE_DIR, sub), 0),
                                cumulative.get((EXPENSE_DIR, sub), 0)) for cat, sub in BUDGET_SUBS)
    categories = tuple(_subtotal(cat, [line for line in lines if line.category == cat]) for cat in EXPENSE_CATEGORIES)
    incomes = [sub for subs in INCOME_CATEGORIES.values() for sub in subs]
    return BudgetExecution(
        contract, year, lines, categories, _subtotal("合计", list(categories)),
        sum(period.get((INCOME_DIR, sub), 0) for sub in incomes),
        sum(cumulative.get((INCOME_DIR, sub), 0) for sub in incomes),
        management_limit_fen(contract.total_fen, percent), percent)


def _subtotal(category: str, lines: list[ExecutionLine]) -> ExecutionLine:
    return ExecutionLine(category, "", sum(x.budget_fen for x in lines), sum(x.period_fen for x in lines),
                         sum(x.cumulative_fen for x in lines))


def budget_execution(st: Station, actor: Actor, contract_id: int, year: int | None = None) -> BudgetExecution:
    """Budget, spent, remaining and rate per sub-category and category; with ``year``: spent in that
    year, and cumulative to its end."""
    require(actor, Permission.VIEW)
    contract = get_contract(st, actor, contract_id)
    percent = mgmt_fee_percent(st)
    with st.read() as s:
        return execution_of(s, contract, year, percent)


def execution_by_category(st: Station, actor: Actor, on: dt.date | None = None) -> list[tuple[str, int, int]]:
    """(category, budget, spent to date) summed over the contracts running on ``on`` (default today):
    the dashboard's chart."""
    require(actor, Permission.VIEW)
    on = on or st.clock.now().date()
    running = [c for c in list_contracts(st, actor) if c.running_on(on)]
    percent = mgmt_fee_percent(st)
    totals: dict[str, list[int]] = {cat: [0, 0] for cat in EXPENSE_CATEGORIES}
    with st.read() as s:
        for contract in running:
            for line in execution_of(s, contract, None, percent).categories:
                totals[line.category][0] += line.budget_fen
                totals[line.category][1] += line.cumulative_fen
    return [(cat, budget, spent) for cat, (budget, spent) in totals.items()]


# --- year-end final accounts ---------------------------------------------------------------------------

@dataclass(frozen=True)
class ContractAccounts:
    contract: ContractInfo
    opening_fen: int  # 上年结余: income minus expense before the year
    income: tuple[tuple[str, int], ...]  # (sub-category, received in the year)
    execution: BudgetExecution

    @property
    def income_fen(self) -> int:
        return sum(fen for _sub, fen in self.income)

    @property
    def expense_fen(self) -> int:
        return self.execution.total.period_fen

    @property
    def closing_fen(self) -> int:
        return self.opening_fen + self.income_fen - self.expense_fen


@dataclass(frozen=True)
class FinalAccounts:
    year: int
    contracts: tuple[ContractAccounts, ...]
    unreviewed: int  # entries of the year not yet reviewed
    year_closed: bool

    @property
    def income_fen(self) -> int:
        return sum(c.income_fen for c in self.contracts)

    @property
    def expense_fen(self) -> int:
        return sum(c.expense_fen for c in self.contracts)

    @property
    def opening_fen(self) -> int:
        return sum(c.opening_fen for c in self.contracts)

    @property
    def closing_fen(self) -> int:
        return sum(c.closing_fen for c in self.contracts)

    def category_totals(self) -> list[tuple[str, int]]:
        """(category, spent in the year) over every contract."""
        totals: dict[str, int] = defaultdict(int)
        for c in self.contracts:
            for line in c.execution.categories:
                totals[line.category] += line.period_fen
        return [(cat, totals[cat]) for cat in EXPENSE_CATEGORIES]


def final_accounts(st: Station, actor: Actor, year: int) -> FinalAccounts:
    """经费决算表 of a year: for each contract running in it, the balance brought forward, the year's
    income, its expenses against the budget, and the balance carried forward."""
    require(actor, Permission.VIEW)
    contracts = list_contracts(st, actor, year=year)
    percent = mgmt_fee_percent(st)
    first, last = _year_bounds(year)
    result = []
    with st.read() as s:
        for contract in contracts:
            base = LedgerEntry.contract_id == contract.id
            before = _sums(s, [base, LedgerEntry.entry_date < first])
            opening = sum(fen if d == INCOME_DIR else -fen for (d, _sub), fen in before.items())
            during = _sums(s, [base, LedgerEntry.entry_date.between(first, last)])
            income = tuple((sub, during.get((INCOME_DIR, sub), 0)) for subs in INCOME_CATEGORIES.values()
                           for sub in subs)
            result.append(ContractAccounts(contract, opening, income, execution_of(s, contract, year, percent)))
        unreviewed = s.scalar(select(func.count(LedgerEntry.id)).where(
            LedgerEntry.entry_date.between(first, last), LedgerEntry.reviewed_at.is_(None))) or 0
        closed = YEAR in closed_months(s, year)
    return FinalAccounts(year, tuple(result), int(unreviewed), closed)
